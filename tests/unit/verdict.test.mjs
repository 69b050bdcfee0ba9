// The one-line verdict: graded policies in English and in a pack's language, and those without a grade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { root } from '../e2e/pages.mjs';

// No extension APIs here: every message falls back to its English default.
globalThis.chrome = {};
const bundled = await build({ entryPoints: [join(root, 'extension/src/verdict.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
const { verdict } = await import('data:text/javascript;base64,' + Buffer.from(bundled.outputFiles[0].text).toString('base64'));

const facts = (grade, readWith) => ({ kind: 'privacy_policy', grade, dataTypes: 3, companies: 2, redFlags: 1, readWith });

test('an English policy gets its grade without a language', () => {
  assert.match(verdict(facts('B', 'en')).line, /^Privacy policy, grade B: mostly reasonable\.$/);
});

test("a policy read with a pack names its language beside the grade", () => {
  assert.match(verdict(facts('D', 'de')).line, /in German, grade D: several practices to worry about/);
  assert.match(verdict(facts('D', 'de')).counts, /Red flags: 1/);
});

test('a policy in a language privlens cannot read says so', () => {
  assert.match(verdict(facts(null, null)).line, /cannot read yet/);
});

test('a pack policy remembered before packs were graded asks to be opened again, not that it cannot be read', () => {
  const line = verdict(facts(null, 'fr')).line;
  assert.match(line, /in French: open it again for its grade/);
  assert.doesNotMatch(line, /cannot read/);
});

test('the newer packs name their languages too (Norwegian read with the "no" pack)', () => {
  assert.match(verdict(facts('A', 'pl')).line, /in Polish, grade A: handles your data with care/);
  assert.match(verdict(facts('C', 'sv')).line, /in Swedish, grade C/);
  assert.match(verdict(facts('B', 'da')).line, /in Danish, grade B/);
  assert.match(verdict(facts('A', 'no')).line, /in Norwegian.*grade A/);
});

test("a language read with a kin's pack keeps its own name (Bosnian, read with the Croatian pack)", () => {
  assert.match(verdict({ ...facts('B', 'hr'), language: 'bs' }).line, /in Bosnian, grade B/);
  assert.match(verdict({ ...facts('B', 'hr'), language: 'hr' }).line, /in Croatian, grade B/);
  assert.match(verdict({ ...facts('C', 'sr'), language: 'und' }).line, /in Serbian, grade C/);
});
