// What privlens remembers of a site's policy, and how it tells a change in practice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { root } from '../e2e/pages.mjs';

const bundled = await build({ entryPoints: [join(root, 'extension/src/site_memory.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
const memory = await import('data:text/javascript;base64,' + Buffer.from(bundled.outputFiles[0].text).toString('base64'));

function report({ data = ['email'], parties = [['Google Analytics', false]], rights = ['access', 'erasure'], bad = ['third_party_tracking'] } = {}) {
  return {
    url: 'https://www.shop.example/privacy',
    title: 'Privacy Policy',
    summary: 'Privacy policy, grade C.',
    grade: { letter: 'C' },
    document: { kind: 'privacy_policy' },
    practices: {
      data_collected: data.map((id) => ({ id })),
      third_parties: parties.map(([name, generic]) => ({ name, generic })),
      rights: rights.map((id) => ({ id })),
    },
    signals: bad.map((id) => ({ id, direction: 'bad' })),
  };
}

test('a site is its host without www', () => {
  assert.equal(memory.siteOf('https://www.shop.example/a?b'), 'shop.example');
  assert.equal(memory.siteOf('not a url'), '');
});

test('a summary keeps what a change is judged by', () => {
  const s = memory.summarise(report({ parties: [['Google Analytics', false], ['Advertising partners', true]] }), 1000);
  assert.equal(s.site, 'shop.example');
  assert.equal(s.companies, 1);
  assert.deepEqual(s.recipients, ['Advertising partners', 'Google Analytics']);
});

test('a change in practice is told; the same practices are no change', () => {
  const before = memory.summarise(report(), 1000);
  const after = memory.summarise(report({ data: ['email', 'precise_location'], parties: [['Google Analytics', false], ['Criteo', false]], rights: ['access'], bad: ['third_party_tracking', 'sells_data'] }), 2000);
  const change = memory.changeBetween(before, after);
  assert.equal(change.since, 1000);
  assert.deepEqual(change.newRecipients, ['Criteo']);
  assert.deepEqual(change.newData, ['precise_location']);
  assert.deepEqual(change.rightsRemoved, ['erasure']);
  assert.deepEqual(change.newFlags, ['sells_data']);
  assert.equal(memory.changeBetween(before, memory.summarise(report(), 3000)), null);
});
