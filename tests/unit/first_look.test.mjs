// The content script's first look: which pages are sent for analysis without the user asking.
// It must know a policy by its title in every language the core reads, not only by an English
// address. Needs the build's name list (npm run build writes extension/build/policy_names.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { root } from '../e2e/pages.mjs';

const bundled = await build({ entryPoints: [join(root, 'extension/src/first_look.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral', charset: 'utf8' });
const { firstLook } = await import('data:text/javascript;base64,' + Buffer.from(bundled.outputFiles[0].text).toString('base64'));

/** Just what the first look reads of a document: its title and its h1/h2 headings. */
function page(title, ...headings) {
  return { title, querySelectorAll: () => headings.map((textContent) => ({ textContent })) };
}

test('a policy is known by its title or heading in many languages, whatever its address', () => {
  const cases = [
    ['Политика конфиденциальности — Магазин', 'https://shop.example/legal/doc-17'],
    ['นโยบายความเป็นส่วนตัว', 'https://shop.example/page?id=4'],
    ['プライバシーポリシー | 株式会社レイ', 'https://rei.example/company/policy'],
    ['Datenschutzerklärung', 'https://beispiel.example/rechtliches'],
    ['Zásady ochrany osobních údajů', 'https://obchod.example/informace'],
    ['Πολιτική απορρήτου', 'https://katastima.example/info'],
    ['Gizlilik Politikası', 'https://magaza.example/kurumsal'],
    ['سياسة الخصوصية', 'https://dukkan.example/p/12'],
    ['Kebijakan Privasi', 'https://toko.example/bantuan'],
  ];
  for (const [title, url] of cases) {
    const look = firstLook(page(title), url);
    assert.ok(look.likely && look.reasons.includes('title'), `${title}: ${JSON.stringify(look)}`);
  }
  const heading = firstLook(page('Magazin Online', 'Polityka prywatności'), 'https://sklep.example/info');
  assert.deepEqual(heading.reasons, ['heading']);
});

test('an address names the policy, with or without its accents', () => {
  for (const url of [
    'https://sklep.example/polityka-prywatnosci',
    'https://site.example/datenschutz',
    'https://site.example/legal/privacy',
    'https://obchod.example/ochrana-osobnich-udaju',
    'https://kauppa.example/tietosuojaseloste',
    'https://site.example/cookie-policy',
  ]) {
    assert.deepEqual(firstLook(page('Home'), url).reasons, ['url'], url);
  }
});

test('ordinary pages are left alone, even when they speak of privacy or cookies', () => {
  const cases = [
    ['Privacy advocates sue over data breach', 'https://news.example/2025/03/advocates-sue', ['Privacy advocates sue']],
    ['Chewy chocolate chip cookies', 'https://recipes.example/baking/chewy', ['Ingredients', 'Method']],
    ['Печенье с шоколадом: простой рецепт', 'https://blog.example/recepty', ['Ингредиенты']],
    ['Startseite', 'https://beispiel.example/', ['Willkommen']],
    // Names inside other words: the island of Rhodes, fitness trackers.
    ['Ferien auf Rhodos', 'https://reisen.example/rodos-angebote', ['Angebote']],
    ['Best fitness trackers of 2025', 'https://shop.example/fitness-trackers', ['Our picks']],
  ];
  for (const [title, url, headings] of cases) {
    const look = firstLook(page(title, ...headings), url);
    assert.equal(look.likely, false, `${title}: ${JSON.stringify(look)}`);
  }
});

test('the first look costs little on an ordinary page', () => {
  const doc = page('Breaking news: markets rally as rates fall', 'Markets rally', 'What it means for you');
  firstLook(doc, 'https://news.example/markets/rally');
  const start = performance.now();
  for (let i = 0; i < 200; i++) firstLook(doc, 'https://news.example/markets/rally');
  const each = (performance.now() - start) / 200;
  // Not a speed test (that is for benchmarks): a guard against reading every name for every
  // character, which costs milliseconds.
  assert.ok(each < 1, `${each} ms`);
});
