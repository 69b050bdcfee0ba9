// The popup: the report for the current tab, read in ten seconds, each claim one click from
// its quote. Everything from the page is inserted as text (dom.ts), never as HTML.

import { el, t } from '../dom';
import { send, type SiteInfo, type TabState } from '../messages';
import type { CookieBanner, Report } from '../report';
import { recall, siteOf, type SiteSummary } from '../site_memory';
import { bannerSection } from './banner_view';
import { setShowOnPage } from './items';
import { changeNotice, renderReport } from './report_view';
import { verdict } from '../verdict';
import { kindLabel } from '../labels';

const started = performance.now();
const app = document.getElementById('app') as HTMLElement;

/** The tab this popup reports on: `?tabId=` (tests, options) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function show(parts: HTMLElement[], state: string): void {
  const footer = el('footer', {}, t('onDevice', 'Analysed on your device. Nothing was sent anywhere.'));
  app.replaceChildren(...parts, footer);
  document.body.dataset.state = state;
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
}

function button(id: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { id, type: 'button' }, text);
  b.addEventListener('click', onClick);
  return b;
}

function hostOf(r: Report): string {
  try {
    return new URL(r.url ?? '').hostname || (r.title ?? '');
  } catch {
    return r.title ?? '';
  }
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function reportTools(tabId: number, r: Report): HTMLElement {
  const status = el('span', { class: 'muted', role: 'status', id: 'tool-status' });
  const copy = button('copy-markdown', t('copyMarkdown', 'Copy as Markdown'), async () => {
    const { markdown } = await send({ type: 'report-markdown', tabId });
    if (markdown === null) return;
    await navigator.clipboard.writeText(markdown).then(
      () => (status.textContent = t('copied', 'Copied.')),
      () => (status.textContent = t('copyFailed', 'Could not copy.')),
    );
  });
  const save = button('save-json', t('saveJson', 'Save as JSON'), () => {
    const name = `privlens-${hostOf(r) || 'report'}.json`.replace(/[^\w.-]+/g, '_');
    download(name, JSON.stringify(r, null, 2), 'application/json');
  });
  const rescan = button('scan', t('scanAgain', 'Scan again'), () => void scan(tabId));
  return el('div', { class: 'tools' }, copy, save, rescan, status);
}

function verdictOfMemory(m: SiteSummary): string {
  const said = verdict({
    kind: m.kind,
    grade: m.grade,
    dataTypes: m.dataTypes.length,
    companies: m.companies,
    redFlags: m.flags.length,
    readWith: m.readWith,
  });
  return `${said.line} ${said.counts}`;
}

function rememberedCard(memory: SiteSummary): HTMLElement {
  const date = new Date(memory.lastSeen).toLocaleDateString();
  const open = button('open-policy', t('openPolicy', 'Open the policy'), () => void chrome.tabs.create({ url: memory.url }));
  return el(
    'section',
    { id: 'site-policy', 'aria-labelledby': 'site-policy-h' },
    el('h2', { id: 'site-policy-h' }, t('sitePolicy', "This site's privacy policy")),
    el('p', {}, verdictOfMemory(memory)),
    el('p', { class: 'meta' }, t('analysedOn', `Analysed on ${date}`, date)),
    changeNotice(memory),
    open,
  );
}

function otherPage(tabId: number, message: string, banner: CookieBanner | undefined, site: SiteInfo | undefined): HTMLElement[] {
  const title = el('h1', {}, site?.site || t('thisPage', 'This page'));
  const parts: (HTMLElement | null)[] = [title, el('p', { id: 'verdict' }, message), bannerSection(banner)];
  if (site?.remembered) parts.push(rememberedCard(site.remembered));
  else if (site?.policyLink) {
    const link = site.policyLink;
    parts.push(button('analyse-policy', t('analyseSitePolicy', "Analyse this site's policy"), () => void chrome.tabs.create({ url: link })));
  }
  parts.push(button('scan', t('scanThisPage', 'Scan this page'), () => void scan(tabId)));
  return parts.filter((x): x is HTMLElement => x !== null);
}

async function scan(tabId: number): Promise<void> {
  show([el('p', { class: 'muted' }, t('scanning', 'Scanning…'))], 'scanning');
  await render(tabId, await send({ type: 'scan-tab', tabId }), true);
}

async function render(tabId: number, state: TabState, manual: boolean): Promise<void> {
  const r = state.report;
  const banner = state.banner?.present ? state.banner : r?.cookie_banner;
  if (r?.document.is_policy) {
    setShowOnPage((quote) => send({ type: 'show-quote', tabId, quote }).then((x) => x.shown));
    const memory = await recall(siteOf(r.url ?? ''));
    show([...renderReport(r, hostOf(r), memory, banner), reportTools(tabId, r)], 'done');
    return;
  }
  setShowOnPage(null);
  const site = await send({ type: 'get-site-info', tabId }).catch(() => undefined);
  const message = state.error
    ? t('scanFailed', 'privlens could not analyse this page.')
    : r && manual
      ? `${kindLabel(r.document.kind)}. ${t('notPolicyScanned', 'Nothing here reads like a privacy policy.')}`
      : t('notPolicy', 'This page does not look like a privacy policy.');
  const error = state.error ? [el('p', { class: 'error', role: 'alert' }, state.error)] : [];
  show([...error, ...otherPage(tabId, message, banner, site)], state.error ? 'error' : r ? 'done' : banner?.present ? 'banner' : 'none');
}

async function main(): Promise<void> {
  const tabId = await targetTab();
  if (tabId === undefined) {
    show([el('p', {}, t('noTab', 'No page to analyse.'))], 'none');
    return;
  }
  await render(tabId, await send({ type: 'get-tab-state', tabId }), false);
}

void main();
