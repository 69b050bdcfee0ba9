// What the toolbar badge shows for a tab: the grade letter in the grade's colour for a
// policy, a cookie mark for a cookie banner, nothing otherwise.
import type { TabState } from './messages';
import { kindLabel } from './labels';
import { factsOf, verdict } from './verdict';

export const GRADE_COLOURS: Record<string, string> = {
  A: '#1a7f37',
  B: '#3b7014',
  C: '#8a6a00',
  D: '#a8470a',
  E: '#c11c1c',
};
export const BANNER_BADGE = '🍪';
export const UNGRADED_BADGE = 'i';
const BANNER_COLOURS = { flagged: '#b42318', clean: '#6f42c1' };

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(state: TabState): Badge {
  const r = state.report;
  const letter = r?.grade.letter;
  if (r?.document.is_policy && letter) {
    return { text: letter, color: GRADE_COLOURS[letter] ?? '#555555', title: `privlens: ${verdict(factsOf(r)).line}` };
  }
  // A policy privlens cannot grade (it reads English policies only, for now): a neutral mark.
  if (r?.document.is_policy) return { text: UNGRADED_BADGE, color: '#57606a', title: `privlens: ${verdict(factsOf(r)).line}` };
  const banner = state.banner?.present ? state.banner : r?.cookie_banner.present ? r.cookie_banner : undefined;
  if (banner) {
    const tricks = banner.flags.length;
    const title = tricks ? `privlens: cookie banner with ${tricks} questionable design choice${tricks > 1 ? 's' : ''}` : 'privlens: cookie banner';
    return { text: BANNER_BADGE, color: tricks ? BANNER_COLOURS.flagged : BANNER_COLOURS.clean, title };
  }
  return { text: '', color: '#000000', title: r ? `privlens: ${kindLabel(r.document.kind)}` : 'privlens' };
}
