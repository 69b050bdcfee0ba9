// What the toolbar badge shows for a tab: the grade letter in the grade's colour for a
// policy, a mark for a cookie banner, nothing otherwise.
import type { TabState } from './messages';

export const GRADE_COLOURS: Record<string, string> = {
  A: '#1a7f37',
  B: '#3b7014',
  C: '#8a6a00',
  D: '#a8470a',
  E: '#c11c1c',
};
const BANNER_COLOUR = '#6f42c1';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(state: TabState): Badge {
  if (state.status !== 'done') return { text: '', color: '#000000', title: 'privlens' };
  const r = state.report;
  const letter = r.grade.letter;
  if (r.document.is_policy && letter) {
    return { text: letter, color: GRADE_COLOURS[letter] ?? '#555555', title: `privlens: grade ${letter}. ${r.summary}` };
  }
  if (r.cookie_banner.present) return { text: '🍪', color: BANNER_COLOUR, title: `privlens: ${r.summary}` };
  return { text: '', color: '#000000', title: `privlens: ${r.summary}` };
}
