// The popup: the report for the current tab, read in ten seconds, each claim one click from
// its quote. Everything from the page is inserted as text.

import { GRADE_COLOURS } from '../badge';
import { el, t } from '../dom';
import { DATA_LABELS, KIND_LABELS, PURPOSE_LABELS, RIGHT_LABELS, SENSITIVE, days, label } from '../labels';
import { send, type TabState } from '../messages';
import type { Evidence, Report } from '../report';

const app = document.getElementById('app') as HTMLElement;

/** The tab this popup reports on: `?tabId=` (tests, options) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function item(title: string, evidence: Evidence[], className = ''): HTMLElement {
  const quote = evidence[0]?.quote;
  if (!quote) return el('div', { class: `plain ${className}` }, title);
  return el('details', { class: className }, el('summary', {}, title), el('blockquote', {}, `“${quote}”`));
}

function section(heading: string, items: HTMLElement[], empty?: string): HTMLElement | null {
  if (items.length === 0 && !empty) return null;
  return el('section', { 'aria-label': heading }, el('h2', {}, heading), ...(items.length ? items : [el('p', { class: 'muted' }, empty ?? '')]));
}

function header(r: Report, host: string): HTMLElement {
  const letter = r.grade.letter;
  const grade = letter
    ? el('div', { class: 'grade', role: 'img', 'aria-label': t('gradeLabel', `Grade ${letter}`, letter), style: `background:${GRADE_COLOURS[letter]}` },
        el('span', { class: 'letter' }, letter), el('span', { class: 'word' }, t('grade', 'grade')))
    : null;
  const d = r.document;
  const dated = d.last_updated ?? d.effective_date;
  const meta = [
    KIND_LABELS[d.kind] ?? d.kind,
    dated ? t('updated', `updated ${dated}`, dated) : null,
    d.reading_minutes ? t('readingSaved', `saves ${d.reading_minutes} min of reading`, String(d.reading_minutes)) : null,
  ].filter(Boolean).join(' · ');
  return el('header', { class: 'head' }, grade, el('div', {}, el('h1', {}, host), el('p', { class: 'verdict', id: 'verdict' }, r.summary), el('p', { class: 'meta' }, meta)));
}

function renderReport(r: Report): HTMLElement[] {
  const p = r.practices;
  const collected = p.data_collected.map((f) => item(label(DATA_LABELS, f.id), f.evidence, SENSITIVE.has(f.id) ? 'sensitive' : ''));
  const named = p.third_parties.filter((x) => !x.generic).map((x) => item(`${x.name} (${x.category.replace(/_/g, ' ')})`, x.evidence));
  const generic = p.third_parties.filter((x) => x.generic).map((x) => item(x.name, x.evidence));
  const kept = p.retention.map((x) => item(days(x.days), [x.evidence]));
  const rights = p.rights.map((f) => item(label(RIGHT_LABELS, f.id), f.evidence));
  const contacts = p.contacts.map((c) => item(c.value, [c.evidence]));
  const purposes = p.purposes.map((f) => item(label(PURPOSE_LABELS, f.id), f.evidence));
  const bad = r.signals.filter((s) => s.direction === 'bad').map((s) => item(s.explanation, s.evidence, 'flag-bad'));
  const good = r.signals.filter((s) => s.direction === 'good').map((s) => item(s.explanation, s.evidence, 'flag-good'));
  return [
    section(t('redFlags', 'Red flags'), bad),
    section(t('collects', 'What they collect'), collected, t('nothingFound', 'Nothing stated.')),
    section(t('purposes', 'What for'), purposes),
    section(t('sharedWith', 'Who they share it with'), [...named, ...generic], t('nobodyNamed', 'Nobody named.')),
    section(t('keeps', 'How long they keep it'), kept, t('noPeriod', 'No period stated.')),
    section(t('rights', 'Your rights'), [...rights, ...contacts]),
    section(t('goodSigns', 'Good signs'), good),
    bannerSection(r),
  ].filter((x): x is HTMLElement => x !== null);
}

function bannerSection(r: Report): HTMLElement | null {
  const b = r.cookie_banner;
  if (!b.present) return null;
  const items: HTMLElement[] = [item(b.platform ? b.platform.name : t('ownBanner', "The site's own banner"), b.text ? [{ quote: b.text, segment: 0, start: 0, end: 0 }] : [])];
  for (const button of b.buttons) items.push(el('div', { class: 'plain' }, `${button.label}: ${button.role}`));
  for (const flag of b.flags) items.push(el('div', { class: 'plain flag-bad' }, flag.replace(/_/g, ' ')));
  return section(t('cookieBanner', 'Cookie banner'), items);
}

function notPolicy(tabId: number, message: string, report?: Report): HTMLElement[] {
  const button = el('button', { id: 'scan', type: 'button' }, t('scanThisPage', 'Scan this page'));
  button.addEventListener('click', () => void scan(tabId));
  const parts: HTMLElement[] = [el('p', { id: 'verdict' }, message), button];
  const banner = report ? bannerSection(report) : null;
  if (banner) parts.push(banner);
  return parts;
}

async function scan(tabId: number): Promise<void> {
  show([el('p', { class: 'muted' }, t('scanning', 'Scanning…'))]);
  render(tabId, await send({ type: 'scan-tab', tabId }), true);
}

function show(parts: HTMLElement[]): void {
  const footer = el('footer', {}, t('onDevice', 'Analysed on your device. Nothing was sent anywhere.'));
  app.replaceChildren(...parts, footer);
}

function hostOf(r: Report): string {
  try {
    return new URL(r.url ?? '').hostname || (r.title ?? '');
  } catch {
    return r.title ?? '';
  }
}

function render(tabId: number, state: TabState, manual: boolean): void {
  if (state.status === 'error') {
    show([el('p', { class: 'error', role: 'alert' }, state.error), ...notPolicy(tabId, t('scanFailed', 'privlens could not analyse this page.'))]);
  } else if (state.status === 'done' && state.report.document.is_policy) {
    show([header(state.report, hostOf(state.report)), ...renderReport(state.report)]);
  } else if (state.status === 'done') {
    const message = manual
      ? `${state.report.summary} ${t('notPolicyScanned', 'Nothing here reads like a privacy policy.')}`
      : t('notPolicy', 'This page does not look like a privacy policy.');
    show(notPolicy(tabId, message, state.report));
  } else {
    show(notPolicy(tabId, t('notPolicy', 'This page does not look like a privacy policy.')));
  }
  document.body.dataset.state = state.status;
}

async function main(): Promise<void> {
  const tabId = await targetTab();
  if (tabId === undefined) {
    show([el('p', {}, t('noTab', 'No page to analyse.'))]);
    return;
  }
  render(tabId, await send({ type: 'get-tab-state', tabId }), false);
}

void main();
