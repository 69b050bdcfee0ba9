// The popup: the report for the current tab, read in ten seconds, each claim one click from
// its quote. Everything from the page is inserted as text.

import { GRADE_COLOURS } from '../badge';
import { el, t } from '../dom';
import { DATA_LABELS, KIND_LABELS, PURPOSE_LABELS, RIGHT_LABELS, SENSITIVE, days, label } from '../labels';
import { send, type TabState } from '../messages';
import type { CookieBanner, Evidence, Report } from '../report';

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
  ].filter((x): x is HTMLElement => x !== null);
}

const FLAG_TEXT: Record<string, [string, string]> = {
  no_reject_first_layer: ['flagNoReject', 'No way to refuse on the first screen'],
  implied_consent: ['flagImplied', 'Treats simply using the site as consent'],
  preticked_choices: ['flagPreticked', 'Some choices are ticked for you'],
  accept_emphasized: ['flagEmphasis', '"Accept" is made to stand out over "reject"'],
  cookie_wall: ['flagWall', 'You cannot use the site without accepting'],
  pay_or_consent: ['flagPay', 'Refusing means paying'],
};

const ROLE_TEXT: Record<string, string> = {
  accept: 'accepts', reject: 'refuses', settings: 'opens settings', save: 'saves choices', close: 'closes', pay: 'asks you to pay', other: 'other',
};

function bannerSection(b: CookieBanner | undefined): HTMLElement | null {
  if (!b?.present) return null;
  const who = b.platform ? t('bannerBy', `Run by ${b.platform.name}`, b.platform.name) : t('ownBanner', "The site's own banner");
  const items: HTMLElement[] = [item(who, b.text ? [{ quote: b.text, segment: 0, start: 0, end: 0 }] : [])];
  if (b.tcf) items.push(el('div', { class: 'plain' }, t('usesTcf', 'Uses the IAB consent framework (TCF) to pass your choice to advertisers')));
  for (const flag of b.flags) {
    const [key, fallback] = FLAG_TEXT[flag] ?? ['', flag.replace(/_/g, ' ')];
    items.push(el('div', { class: 'plain flag-bad', 'data-flag': flag }, key ? t(key, fallback) : fallback));
  }
  if (b.buttons.length) {
    const list = el('ul', { class: 'buttons' }, ...b.buttons.map((x) => el('li', { 'data-role': x.role }, `“${x.label}” ${ROLE_TEXT[x.role] ?? x.role}`)));
    items.push(list);
  }
  return el('section', { 'aria-label': t('cookieBanner', 'Cookie banner'), id: 'banner' }, el('h2', {}, t('cookieBanner', 'Cookie banner')), ...items);
}

function notPolicy(tabId: number, message: string, banner?: CookieBanner): HTMLElement[] {
  const button = el('button', { id: 'scan', type: 'button' }, t('scanThisPage', 'Scan this page'));
  button.addEventListener('click', () => void scan(tabId));
  const parts: HTMLElement[] = [el('p', { id: 'verdict' }, message), button];
  const section = bannerSection(banner);
  if (section) parts.push(section);
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
  const r = state.report;
  const banner = state.banner?.present ? state.banner : r?.cookie_banner;
  if (state.error) {
    show([el('p', { class: 'error', role: 'alert' }, state.error), ...notPolicy(tabId, t('scanFailed', 'privlens could not analyse this page.'), banner)]);
  } else if (r?.document.is_policy) {
    const sections = renderReport(r);
    const bannerPart = bannerSection(banner);
    show([header(r, hostOf(r)), ...sections, ...(bannerPart ? [bannerPart] : [])]);
  } else if (r && manual) {
    show(notPolicy(tabId, `${r.summary} ${t('notPolicyScanned', 'Nothing here reads like a privacy policy.')}`, banner));
  } else {
    show(notPolicy(tabId, t('notPolicy', 'This page does not look like a privacy policy.'), banner));
  }
  document.body.dataset.state = state.error ? 'error' : r ? 'done' : banner?.present ? 'banner' : 'none';
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
