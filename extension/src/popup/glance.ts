// The picture before the words: what data goes in, what for, and who gets it, as three
// columns of chips (the way Polisis drew flows). Sensitive data stands out by a mark and a
// word, not by colour alone.
import { el, t } from '../dom';
import { DATA_ICONS, SENSITIVE, dataLabel, purposeLabel } from '../labels';
import type { Report } from '../report';

function chip(text: string, sensitive = false): HTMLElement {
  const attrs: Record<string, string> = { class: sensitive ? 'chip sensitive' : 'chip' };
  if (sensitive) attrs['aria-label'] = `${text} (${t('sensitive', 'sensitive')})`;
  return el('li', attrs, sensitive ? `⚠ ${text}` : text);
}

function column(title: string, items: HTMLElement[], empty: string): HTMLElement {
  return el('div', { class: 'column' }, el('h3', {}, title), items.length ? el('ul', { class: 'chips' }, ...items) : el('p', { class: 'muted' }, empty));
}

export function glance(r: Report): HTMLElement {
  const p = r.practices;
  const data = p.data_collected.map((f) => chip(`${DATA_ICONS[f.id] ?? '•'} ${dataLabel(f.id)}`, SENSITIVE.has(f.id)));
  const purposes = p.purposes.map((f) => chip(purposeLabel(f.id)));
  const named = p.third_parties.filter((x) => !x.generic).map((x) => chip(x.name));
  const generic = p.third_parties.filter((x) => x.generic).map((x) => chip(x.name));
  return el(
    'section',
    { class: 'glance', 'aria-labelledby': 'glance-h' },
    el('h2', { id: 'glance-h', class: 'sr-only' }, t('atAGlance', 'At a glance')),
    column(t('glanceData', 'Your data'), data, t('nothingFound', 'Nothing stated.')),
    el('div', { class: 'arrow', 'aria-hidden': 'true' }, '↓'),
    column(t('glancePurposes', 'Used for'), purposes, t('nothingFound', 'Nothing stated.')),
    el('div', { class: 'arrow', 'aria-hidden': 'true' }, '↓'),
    column(t('glanceRecipients', 'Goes to'), [...named, ...generic], t('nobodyNamed', 'Nobody named.')),
  );
}
