// In-browser timing of the wasm core: the same privlens_wasm_bg.wasm the extension ships,
// loaded in headless Chromium (or Firefox with `firefox`), scanning every seed and synthetic
// policies of 100 KB, 1 MB and 10 MB made by repeating the seeds. Prints median times.
// Run after a build: node scripts/bench-wasm.mjs [chromium|firefox]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, shared } from '../tests/e2e/pages.mjs';
import { launch, openPage, startProxy } from '../tests/e2e/harness.mjs';

const kind = process.argv[2] ?? 'chromium';
const pkg = join(root, 'extension', 'build', 'pkg');
const seedsDir = join(shared, 'seeds');
const seeds = readdirSync(seedsDir).sort().map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(seedsDir, f), 'utf8') }));

const page = `<!doctype html><meta charset="utf-8"><title>privlens wasm bench</title><script type="module">
import init, { classify_segments, scan } from '/pkg/privlens_wasm.js';
const t0 = performance.now();
await init({ module_or_path: '/pkg/privlens_wasm_bg.wasm' });
const loadMs = performance.now() - t0;
const seeds = await (await fetch('/seeds.json')).json();
// The first scan builds the knowledge base's automata: what a page pays after the worker starts.
const coldStart = performance.now();
scan({ content: seeds[0].text });
const firstScanMs = performance.now() - coldStart;
const all = seeds.map((s) => s.text).join('\\n\\n');
const synthetic = (size) => { let s = ''; while (s.length < size) s += all + '\\n\\n'; return s; };
const inputs = [...seeds, { name: '100KB', text: synthetic(1e5) }, { name: '1MB', text: synthetic(1e6) }, { name: '10MB', text: synthetic(1e7) }];
const results = [];
for (const { name, text } of inputs) {
  const runs = text.length > 5e6 ? 3 : text.length > 5e5 ? 5 : 30;
  const times = [];
  let report;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    report = scan({ content: text });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  results.push({ name, bytes: new TextEncoder().encode(text).length, words: report.document.word_count, segments: report.segments.length, median_ms: +ms.toFixed(2) });
}
// The classifier alone on every segment of a 10,000-word policy, as scan cuts it.
const segments = [];
for (const s of scan({ content: synthetic(4e5) }).segments) {
  if (segments.reduce((n, t) => n + t.split(/\s+/).length, 0) >= 10000) break;
  segments.push(s.text);
}
const words = segments.reduce((n, t) => n + t.split(/\s+/).length, 0);
const classifyTimes = [];
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  classify_segments(segments);
  classifyTimes.push(performance.now() - start);
}
classifyTimes.sort((a, b) => a - b);
const classify = { segments: segments.length, words, median_ms: +classifyTimes[15].toFixed(2) };
window.__bench = { loadMs: +loadMs.toFixed(1), firstScanMs: +firstScanMs.toFixed(1), results, classify };
</script>`;

const site = {
  'http://bench.test/': { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } },
  'http://bench.test/pkg/privlens_wasm.js': { body: readFileSync(join(pkg, 'privlens_wasm.js')), headers: { 'content-type': 'text/javascript' } },
  'http://bench.test/pkg/privlens_wasm_bg.wasm': { body: readFileSync(join(pkg, 'privlens_wasm_bg.wasm')), headers: { 'content-type': 'application/wasm' } },
  'http://bench.test/seeds.json': { body: JSON.stringify(seeds), headers: { 'content-type': 'application/json' } },
};
const proxy = await startProxy(site);
const ctx = await launch(kind, proxy.port);
try {
  const tab = await openPage(ctx, 'http://bench.test/');
  await tab.waitForFunction(() => window.__bench, { timeout: 600_000, polling: 500 });
  const bench = await tab.evaluate(() => window.__bench);
  console.log(`wasm core in ${kind}: instantiated in ${bench.loadMs} ms; first scan (seed ${seeds[0].name}, knowledge built) ${bench.firstScanMs} ms`);
  console.log('input   bytes       words    segments  median ms   MB/s');
  for (const r of bench.results) {
    const mbs = (r.bytes / 1e6 / (r.median_ms / 1000)).toFixed(1);
    console.log(`${r.name.padEnd(7)} ${String(r.bytes).padStart(9)} ${String(r.words).padStart(9)} ${String(r.segments).padStart(9)} ${String(r.median_ms).padStart(10)} ${mbs.padStart(7)}`);
  }
  const c = bench.classify;
  console.log(`classifier: ${c.segments} segments, ${c.words} words, median ${c.median_ms} ms`);
} finally {
  await ctx.browser.close();
  await proxy.close();
}
