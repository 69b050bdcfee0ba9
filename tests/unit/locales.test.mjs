// Every UI string the extension asks for exists in every locale, with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../e2e/pages.mjs';

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const used = new Set(sources(join(root, 'extension', 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1])));
const localesDir = join(root, 'extension', '_locales');
const locales = Object.fromEntries(readdirSync(localesDir).map((l) => [l, JSON.parse(readFileSync(join(localesDir, l, 'messages.json'), 'utf8'))]));

test('English and German are there', () => {
  assert.ok(locales.en && locales.de);
});

for (const [lang, messages] of Object.entries(locales)) {
  test(`${lang}: every string the UI uses is translated`, () => {
    assert.deepEqual([...used].filter((k) => !messages[k]), []);
  });
  test(`${lang}: same keys and placeholders as English`, () => {
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(locales.en).sort());
    for (const [key, value] of Object.entries(messages)) {
      assert.deepEqual(Object.keys(value.placeholders ?? {}), Object.keys(locales.en[key].placeholders ?? {}), key);
    }
  });
}
