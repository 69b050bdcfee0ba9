// First scan of a page after the wasm core loads, in fresh pages: the median over ROUNDS (5)
// fresh pages per build, so two builds can be compared in the same hour.
//   node scripts/bench-first-scan.mjs PKG_DIR [PKG_DIR...]     (BROWSER=firefox for Firefox)
// A PKG_DIR is a wasm-bindgen output folder, e.g. extension/build/pkg after
// `bash scripts/build-wasm.sh`, or a copy of an older build's. Prints, per build, the median time to
// instantiate the module, the first and second scan of seed 000 and a scan of 1 MB of the seeds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shared } from '../tests/e2e/pages.mjs';
import { launch, openPage, startProxy } from '../tests/e2e/harness.mjs';
const pkgs = process.argv.slice(2);
const seedsDir = join(shared, 'seeds');
const seeds = readdirSync(seedsDir).sort().map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(seedsDir, f), 'utf8') }));
const page = (i) => `<!doctype html><meta charset="utf-8"><script type="module">
import init, { scan } from '/pkg${i}/privlens_wasm.js';
const t0 = performance.now();
await init({ module_or_path: '/pkg${i}/privlens_wasm_bg.wasm' });
const load = performance.now() - t0;
const seeds = await (await fetch('/seeds.json')).json();
let t = performance.now(); scan({ content: seeds[0].text }); const first = performance.now() - t;
t = performance.now(); scan({ content: seeds[0].text }); const second = performance.now() - t;
const all = seeds.map((s) => s.text).join('\\n\\n'); let big = ''; while (big.length < 1e6) big += all + '\\n\\n';
const times = []; for (let k = 0; k < 5; k++) { t = performance.now(); scan({ content: big }); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
window.__r = { load, first, second, mb: times[2] };
</script>`;
const site = { 'http://bench.test/seeds.json': { body: JSON.stringify(seeds), headers: { 'content-type': 'application/json' } } };
pkgs.forEach((p, i) => {
  site[`http://bench.test/${i}`] = { body: page(i), headers: { 'content-type': 'text/html; charset=utf-8' } };
  site[`http://bench.test/pkg${i}/privlens_wasm.js`] = { body: readFileSync(join(p, 'privlens_wasm.js')), headers: { 'content-type': 'text/javascript' } };
  site[`http://bench.test/pkg${i}/privlens_wasm_bg.wasm`] = { body: readFileSync(join(p, 'privlens_wasm_bg.wasm')), headers: { 'content-type': 'application/wasm' } };
});
const proxy = await startProxy(site);
const ctx = await launch(process.env.BROWSER ?? 'chromium', proxy.port);
const res = pkgs.map(() => []);
try {
  for (let round = 0; round < (+process.env.ROUNDS || 5); round++) {
    for (let i = 0; i < pkgs.length; i++) {
      const tab = await openPage(ctx, `http://bench.test/${i}`);
      await tab.waitForFunction(() => window.__r, { timeout: 120000, polling: 100 });
      res[i].push(await tab.evaluate(() => window.__r));
      await tab.close();
    }
  }
} finally { await ctx.browser.close(); await proxy.close(); }
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)].toFixed(1); };
pkgs.forEach((p, i) => console.log(p.padEnd(30), 'load', med(res[i].map((r) => r.load)), 'first', med(res[i].map((r) => r.first)), 'second', med(res[i].map((r) => r.second)), '1MB', med(res[i].map((r) => r.mb)), 'firsts', res[i].map((r) => r.first.toFixed(0)).join(' ')));
