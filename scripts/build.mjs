// Build the extension: bundle the TypeScript with esbuild, copy static files and the wasm,
// write one manifest per browser from ./manifest.json, and zip each package for its store.
// Output: dist/chrome/, dist/firefox/, dist/privlens-chrome.zip, dist/privlens-firefox.zip.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ext = join(root, 'extension');
const dist = join(root, 'dist');
const wasm = join(ext, 'build', 'pkg', 'privlens_wasm_bg.wasm');
if (!existsSync(wasm)) {
  console.error('build: the wasm core is missing; run scripts/build-wasm.sh first');
  process.exit(1);
}

const entries = {
  content: 'src/content.ts',
  page_probe: 'src/page_probe.ts',
  background: 'src/background.ts',
  popup: 'src/popup/popup.ts',
  options: 'src/options/options.ts',
};

/** Consent-platform element ids and page globals for the content scripts, from the same
 * data files the Rust core reads: one source of knowledge. */
function writeConsentMarkers() {
  const dir = join(root, 'crates', 'privlens-core', 'data', 'consent_platforms');
  const platforms = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const cssId = (id) => '#' + id.replace(/([^a-zA-Z0-9_-])/g, '\\$1');
  const selectors = [...new Set(platforms.flatMap((p) => (p.element_ids ?? []).map(cssId)))];
  const globals = [...new Set(platforms.flatMap((p) => p.globals ?? []))].filter((g) => /^[A-Za-z_$][\w$]*$/.test(g));
  mkdirSync(join(ext, 'build'), { recursive: true });
  writeFileSync(join(ext, 'build', 'consent_selectors.json'), JSON.stringify(selectors));
  writeFileSync(join(ext, 'build', 'consent_globals.json'), JSON.stringify(globals));
}

/** The names a policy page gives itself, for the content script's first look: the title
 * phrases of every language the core reads (`document_kinds.json`), folded by the content
 * script's own `foldName`, with any phrase that holds a shorter one left out (the shorter one
 * already finds it). The bare words ("privacy", "datenschutz") count only in the address. */
async function policyNames(kinds) {
  const foldModule = await build({ entryPoints: [join(ext, 'src', 'fold_name.ts')], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
  const { foldName } = await import('data:text/javascript;base64,' + Buffer.from(foldModule.outputFiles[0].text).toString('base64'));
  const minimal = (phrases) => {
    const folded = [...new Set(phrases.map((p) => foldName(p.replace(/\*$/, ''))))].filter((p) => p.length >= 2);
    folded.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const kept = [];
    for (const p of folded) if (!kept.some((k) => p.includes(k))) kept.push(p);
    return kept;
  };
  const pick = (...keys) => keys.flatMap((k) => kinds[k] ?? []);
  const titles = minimal(pick('privacy_title', 'privacy_title_cjk', 'cookie_title', 'cookie_title_cjk'));
  // Words the titles do not already find; "trackers" names fitness bands as often as cookies.
  const words = minimal(pick('privacy_word', 'privacy_word_cjk', 'cookie_word'))
    .filter((w) => w !== 'trackers')
    .filter((w) => !titles.some((t) => w.includes(t)));
  // One string per list: a page parses a string literal far faster than an array of 2,000.
  return { titles: titles.join('\n'), words: words.join('\n') };
}

async function writePolicyNames() {
  const kinds = JSON.parse(readFileSync(join(root, 'crates', 'privlens-core', 'data', 'lexicon', 'document_kinds.json'), 'utf8'));
  mkdirSync(join(ext, 'build'), { recursive: true });
  writeFileSync(join(ext, 'build', 'policy_names.json'), JSON.stringify(await policyNames(kinds)));
}

/** The per-browser manifest: Chromium runs a service worker, Firefox an event page. */
export function manifestFor(browser, source) {
  const m = structuredClone(source);
  if (browser === 'chrome') {
    m.background = { service_worker: 'background.js' };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts: ['background.js'] };
  }
  return m;
}

async function bundle(outdir) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(ext, v)])),
    outdir,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    // The name lists of forty-eight languages stay as written instead of \u escapes.
    charset: 'utf8',
    // The wasm glue's default loader uses import.meta.url; we always pass the bytes ourselves.
    define: { 'import.meta.url': '"privlens:"' },
    logLevel: 'warning',
  });
}

function copyStatic(outdir) {
  for (const f of ['popup/popup.html', 'popup/popup.css', 'options/options.html', 'welcome/welcome.html']) {
    cpSync(join(ext, 'src', f), join(outdir, f.split('/')[1]));
  }
  cpSync(join(ext, '_locales'), join(outdir, '_locales'), { recursive: true });
  cpSync(join(ext, 'icons'), join(outdir, 'icons'), { recursive: true });
  cpSync(wasm, join(outdir, 'privlens_wasm_bg.wasm'));
}

function zip(dir, target) {
  rmSync(target, { force: true });
  const files = readdirSync(dir);
  const r = spawnSync('python3', ['-m', 'zipfile', '-c', target, ...files], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`zip failed for ${dir}`);
}

const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
rmSync(dist, { recursive: true, force: true });
writeConsentMarkers();
await writePolicyNames();
const bundled = join(dist, '.bundle');
await bundle(bundled);
for (const browser of ['chrome', 'firefox']) {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  cpSync(bundled, out, { recursive: true });
  copyStatic(out);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser, source), null, 2) + '\n');
  zip(out, join(dist, `privlens-${browser}.zip`));
}
rmSync(bundled, { recursive: true, force: true });
console.log('build: dist/chrome, dist/firefox and their zips are ready');
