// One plain sentence of verdict in the reader's language, for the popup and the badge's
// tooltip alike (no DOM here: the background uses it too).
import { t } from './dom';
import { kindLabel } from './labels';
import type { Report } from './report';

/** What a verdict is made of: the kind, the grade and three counts. */
export interface VerdictFacts {
  kind: string;
  grade: string | null;
  dataTypes: number;
  companies: number;
  redFlags: number;
  /** The language the practices were read with (`en`, `de`...), when known. */
  readWith?: string | null;
  /** The page's own language, when it differs from the pack's: Bosnian read with Croatian. */
  language?: string | null;
}

export function factsOf(r: Report): VerdictFacts {
  return {
    kind: r.document.kind,
    grade: r.grade.letter,
    dataTypes: r.practices.data_collected.length,
    companies: r.practices.third_parties.filter((x) => !x.generic).length,
    redFlags: r.signals.filter((s) => s.direction === 'bad').length,
    readWith: r.read_with ?? null,
    language: r.language ?? null,
  };
}

/** One plain sentence of verdict, and the counts behind it, in the reader's language. */
export function verdict(f: VerdictFacts): { line: string; counts: string } {
  const kindName = kindLabel(f.kind);
  if (!f.grade) {
    // A policy read with a pack before such policies were graded (a memory from an older
    // version): its language can be read, it only waits for a new reading.
    if (f.readWith && f.readWith !== 'en') {
      const language = languageName(f.readWith);
      return { line: t('noGradeYet', `${kindName} in ${language}: open it again for its grade.`, [kindName, language]), counts: '' };
    }
    const line = t('noGradeLanguage', `${kindName} in a language privlens cannot read yet, so it gives no grade.`, kindName);
    return { line, counts: '' };
  }
  const letter = f.grade;
  const words: Record<string, string> = {
    A: 'handles your data with care', B: 'mostly reasonable', C: 'mixed: read the red flags',
    D: 'several practices to worry about', E: 'many practices to worry about',
  };
  const judgement = t(`verdict${letter}`, words[letter] ?? '');
  const counts = [String(f.dataTypes), String(f.companies), String(f.redFlags)];
  // A policy read with a language pack names its language: its grade rests on simpler word lists.
  const language = f.readWith && f.readWith !== 'en' ? languageName(pageLanguage(f) ?? f.readWith) : null;
  const line = language
    ? t('verdictLineLanguage', `${kindName} in ${language}, grade ${letter}: ${judgement}.`, [kindName, language, letter, judgement])
    : t('verdictLine', `${kindName}, grade ${letter}: ${judgement}.`, [kindName, letter, judgement]);
  return {
    line,
    counts: t('verdictCounts', `Data types: ${counts[0]} · Companies named: ${counts[1]} · Red flags: ${counts[2]}`, counts),
  };
}

/** The page's language when a kin's pack read it (Bosnian, read with the Croatian pack). */
function pageLanguage(f: VerdictFacts): string | null {
  return f.language && f.language !== 'und' && f.language !== f.readWith ? f.language : null;
}

/** A language's name in the reader's own language ("German", "Deutsch"); the tag if unknown. */
function languageName(tag: string): string {
  try {
    const ui = chrome.i18n?.getUILanguage?.() ?? 'en';
    return new Intl.DisplayNames([ui, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
