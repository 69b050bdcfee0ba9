// The cheap first look: does this page name itself a privacy or cookie policy, in any language
// the core reads? Reads only the address, the title and the first headings, so ordinary pages
// cost next to nothing.

import policyNames from '../build/policy_names.json';
import { foldName } from './fold_name';

export interface FirstLook {
  likely: boolean;
  reasons: string[];
}

/** Names by their first two characters, so a title is read in one pass however many names
 * there are (about 1,400 in 48 languages). */
type NameIndex = Map<string, string[]>;

function indexOf(names: string): NameIndex {
  const index: NameIndex = new Map();
  for (const name of names.split('\n')) {
    const key = name.slice(0, 2);
    const list = index.get(key);
    if (list) list.push(name);
    else index.set(key, [name]);
  }
  return index;
}

let indexes: { titles: NameIndex; words: NameIndex } | undefined;

function names(): { titles: NameIndex; words: NameIndex } {
  indexes ??= { titles: indexOf(policyNames.titles), words: indexOf(policyNames.words) };
  return indexes;
}

/** Letters of scripts that put spaces between words: a name must start a word there
 * ("rodo" is not in "rodos", "datenschutz" is in "datenschutzerklarung"). */
const SPACED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}0-9]/u;

/** Whether `text`, folded, holds one of the indexed names, starting a word (and, with
 * `whole`, ending one). */
export function holdsName(text: string, index: NameIndex, whole = false): boolean {
  const folded = foldName(text);
  for (let i = 0; i + 1 < folded.length; i++) {
    const candidates = index.get(folded.slice(i, i + 2));
    if (!candidates || (i > 0 && SPACED_LETTER.test(folded[i - 1]))) continue;
    const fits = (name: string) => folded.startsWith(name, i) && (!whole || !SPACED_LETTER.test(folded[i + name.length] ?? ' '));
    if (candidates.some(fits)) return true;
  }
  return false;
}

export function firstLook(doc: Document, url: string): FirstLook {
  const { titles, words } = names();
  const reasons: string[] = [];
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = url;
  }
  if (holdsName(path, titles) || holdsName(path, words, true)) reasons.push('url');
  if (holdsName(doc.title, titles)) reasons.push('title');
  const headings = Array.from(doc.querySelectorAll('h1, h2')).slice(0, 6);
  if (headings.some((h) => holdsName(h.textContent ?? '', titles))) reasons.push('heading');
  return { likely: reasons.length > 0, reasons };
}
