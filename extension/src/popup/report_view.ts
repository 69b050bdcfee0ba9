// A policy's report: header with the grade, the picture, then the sections.
import { GRADE_COLOURS } from '../badge';
import { el, t } from '../dom';
import { SENSITIVE, dataLabel, days, kindLabel, purposeLabel, rightLabel, signalText } from '../labels';
import { factsOf, verdict } from '../verdict';
import type { CookieBanner, Evidence, Report } from '../report';
import type { SiteSummary } from '../site_memory';
import { bannerSection } from './banner_view';
import { glance } from './glance';
import { quoteItem } from './items';

const quotes = (evidence: Evidence[]) => evidence.map((e) => e.quote);
const TRACKING_SIGNALS = new Set(['third_party_tracking', 'implied_consent_cookies']);
const TRACKING_CATEGORIES = new Set(['analytics', 'advertising', 'social']);

function section(id: string, heading: string, items: HTMLElement[], empty?: string): HTMLElement | null {
  if (items.length === 0 && !empty) return null;
  const body = items.length ? items : [el('p', { class: 'muted' }, empty ?? '')];
  return el('section', { id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, heading), ...body);
}

function gradeBadge(letter: string): HTMLElement {
  return el(
    'div',
    { class: 'grade', role: 'img', 'aria-label': t('gradeLabel', `Grade ${letter}`, letter), style: `background:${GRADE_COLOURS[letter] ?? '#555'}` },
    el('span', { class: 'letter' }, letter),
    el('span', { class: 'word' }, t('grade', 'grade')),
  );
}

function header(r: Report, host: string): HTMLElement {
  const d = r.document;
  const dated = d.last_updated ?? d.effective_date;
  const meta = [
    kindLabel(d.kind),
    dated ? t('updated', `updated ${dated}`, dated) : null,
    d.reading_minutes ? t('readingSaved', `saves ${d.reading_minutes} min of reading`, String(d.reading_minutes)) : null,
  ].filter(Boolean).join(' · ');
  const letter = r.grade.letter;
  const said = verdict(factsOf(r));
  return el(
    'header',
    { class: 'head' },
    letter ? gradeBadge(letter) : null,
    el('div', {}, el('h1', {}, host), el('p', { class: 'verdict', id: 'verdict' }, said.line), el('p', { class: 'meta' }, said.counts), el('p', { class: 'meta' }, meta)),
  );
}

export function changeNotice(memory: SiteSummary | undefined): HTMLElement | null {
  const c = memory?.changed;
  if (!c) return null;
  const date = new Date(c.since).toLocaleDateString();
  const lines = [
    c.newRecipients.length ? t('changeRecipients', `New recipients: ${c.newRecipients.join(', ')}`, c.newRecipients.join(', ')) : null,
    c.newData.length ? t('changeData', `New data collected: ${c.newData.map((d) => dataLabel(d)).join(', ')}`, c.newData.map((d) => dataLabel(d)).join(', ')) : null,
    c.rightsRemoved.length ? t('changeRights', `Rights no longer stated: ${c.rightsRemoved.map((x) => rightLabel(x)).join(', ')}`, c.rightsRemoved.map((x) => rightLabel(x)).join(', ')) : null,
    c.newFlags.length ? t('changeFlags', `New red flags: ${c.newFlags.length}`, String(c.newFlags.length)) : null,
  ].filter((x): x is string => x !== null);
  return el('div', { class: 'changed', role: 'note', id: 'changed' }, el('strong', {}, t('changedSince', `Changed since you last saw it on ${date}`, date)), el('ul', {}, ...lines.map((l) => el('li', {}, l))));
}

export function renderReport(r: Report, host: string, memory: SiteSummary | undefined, banner: CookieBanner | undefined): HTMLElement[] {
  const p = r.practices;
  const collected = p.data_collected.map((f) => quoteItem((SENSITIVE.has(f.id) ? '⚠ ' : '') + dataLabel(f.id), quotes(f.evidence), SENSITIVE.has(f.id) ? 'sensitive' : ''));
  const named = p.third_parties.filter((x) => !x.generic).map((x) => quoteItem(`${x.name} (${x.category.replace(/_/g, ' ')})`, quotes(x.evidence)));
  const generic = p.third_parties.filter((x) => x.generic).map((x) => quoteItem(x.name, quotes(x.evidence)));
  const kept = p.retention.map((x) => quoteItem(days(x.days), [x.evidence.quote]));
  const rights = p.rights.map((f) => quoteItem(rightLabel(f.id), quotes(f.evidence)));
  const contacts = p.contacts.map((c) => quoteItem(`${t('contact', 'Contact')}: ${c.value}`, [c.evidence.quote]));
  const purposes = p.purposes.map((f) => quoteItem(purposeLabel(f.id), quotes(f.evidence)));
  const cookieData = p.data_collected.filter((f) => f.id === 'cookies_tracking').map((f) => quoteItem(dataLabel(f.id), quotes(f.evidence)));
  const trackingSignals = r.signals.filter((s) => TRACKING_SIGNALS.has(s.id)).map((s) => quoteItem(signalText(s), quotes(s.evidence), 'flag-bad'));
  const trackers = p.third_parties.filter((x) => !x.generic && TRACKING_CATEGORIES.has(x.category)).map((x) => quoteItem(x.name, quotes(x.evidence)));
  const bad = r.signals.filter((s) => s.direction === 'bad').map((s) => quoteItem(signalText(s), quotes(s.evidence), 'flag-bad'));
  const good = r.signals.filter((s) => s.direction === 'good').map((s) => quoteItem(signalText(s), quotes(s.evidence), 'flag-good'));
  const cookies = [...cookieData, ...trackingSignals, ...trackers];
  const loaded = (r.trackers?.organisations ?? []).map((o) => {
    const what = `${o.organisation}: ${o.services.join(', ')}`;
    return o.disclosed
      ? el('p', { class: 'plain', 'data-tracker': o.organisation }, what)
      : el('p', { class: 'plain flag-bad', 'data-tracker': o.organisation }, `${what} (${t('trackerUndisclosed', 'not named in the policy')})`);
  });
  const bannerPart = bannerSection(banner);
  return [
    header(r, host),
    changeNotice(memory),
    glance(r),
    section('collect', t('collects', 'What they collect'), collected, t('nothingFound', 'Nothing stated.')),
    section('purposes', t('purposes', 'What for'), purposes),
    section('share', t('sharedWith', 'Who they share it with'), [...named, ...generic], t('nobodyNamed', 'Nobody named.')),
    section('keep', t('keeps', 'How long they keep it'), kept, t('noPeriod', 'No period stated.')),
    section('rights', t('rights', 'Your rights and how to use them'), [...rights, ...contacts], t('noRights', 'No rights stated.')),
    section('cookies', t('cookiesTracking', 'Cookies and tracking'), cookies),
    section('trackers', t('trackersOnPage', 'Code from other companies on this page'), loaded),
    bannerPart,
    section('flags', t('redFlags', 'Red flags'), bad),
    section('good', t('goodSigns', 'Good signs'), good),
  ].filter((x): x is HTMLElement => x !== null);
}
