// Background (service worker in Chromium, event page in Firefox): loads the wasm core on the
// first scan, keeps one state per tab, sets the badge. Nothing here touches the network: the
// wasm is read from the extension's own package.

import initWasm, { analyse_banner, button_role, report_markdown, scan } from '../build/pkg/privlens_wasm.js';
import { badgeFor } from './badge';
import type { BannerSighting, ContentRequest, PageInfo, PageSnapshot, Request, SiteInfo, Status, TabState } from './messages';
import { findPolicyLink, showQuote } from './page_tools';
import type { CookieBanner, Report } from './report';
import { forgetAll, recall, remember, siteOf } from './site_memory';
import { takeSnapshot } from './snapshot';

let wasmReady: Promise<unknown> | null = null;
let scans = 0;

function loadWasm(): Promise<unknown> {
  wasmReady ??= fetch(chrome.runtime.getURL('privlens_wasm_bg.wasm'))
    .then((r) => r.arrayBuffer())
    .then((bytes) => initWasm({ module_or_path: bytes }));
  return wasmReady;
}

// Tab states survive a service-worker restart in session storage (kept in memory, never on disk).
const stateKey = (tabId: number) => `tab:${tabId}`;

async function getState(tabId: number): Promise<TabState> {
  const key = stateKey(tabId);
  const stored = await chrome.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? {};
}

/** Per tab, the last state update in flight: updates run one after another, so a banner
 * finding and a page report arriving together cannot overwrite each other. */
const pending = new Map<number, Promise<unknown>>();

/** Merge `change` into the tab's state, store it and update the badge. */
function updateState(tabId: number, change: Partial<TabState>): Promise<TabState> {
  const run = async (): Promise<TabState> => {
    const state = { ...(await getState(tabId)), ...change };
    await chrome.storage.session.set({ [stateKey(tabId)]: state });
    const badge = badgeFor(state);
    await chrome.action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) await chrome.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await chrome.action.setTitle({ tabId, title: badge.title });
    return state;
  };
  const next = (pending.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(run);
  pending.set(tabId, next);
  void next.finally(() => {
    if (pending.get(tabId) === next) pending.delete(tabId);
  });
  return next;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The report without its segments' full text: the popup shows quotes, which the findings
 * carry, and session storage (10 MB in Chromium) holds every open tab's report. */
function lighten(report: Report & { segments?: { text?: string }[] }): Report {
  for (const segment of report.segments ?? []) delete segment.text;
  return report;
}

async function analysePage(tabId: number, page: PageSnapshot, auto: boolean): Promise<TabState> {
  try {
    await loadWasm();
    scans += 1;
    const report = lighten(scan({ content: page.html, url: page.url, title: page.title, format: 'html', markers: page.markers }) as Report);
    // An automatic look that turns out not to be a policy leaves no mark.
    if (auto && !report.document.is_policy) return getState(tabId);
    if (report.document.is_policy) await remember(report);
    return updateState(tabId, { report, auto, error: undefined });
  } catch (e) {
    return updateState(tabId, { error: message(e) });
  }
}

/** The largest on-screen area among buttons of `role`. */
function largestArea(sighting: BannerSighting, role: string): number | undefined {
  const areas = sighting.buttons.filter((b) => button_role(b.label) === role).map((b) => b.area);
  return areas.length ? Math.max(...areas) : undefined;
}

async function analyseBanner(tabId: number, sighting: BannerSighting): Promise<TabState> {
  try {
    await loadWasm();
    const hints = {
      covers_viewport: sighting.covers_viewport,
      scroll_locked: sighting.scroll_locked,
      accept_area: largestArea(sighting, 'accept'),
      reject_area: largestArea(sighting, 'reject'),
      tcf: sighting.tcf,
      markers: sighting.markers,
    };
    const banner = analyse_banner({ html: sighting.html, hints }) as CookieBanner;
    if (!banner.present) return getState(tabId);
    return updateState(tabId, { banner, bannerPassMs: sighting.pass_ms });
  } catch (e) {
    return updateState(tabId, { error: message(e) });
  }
}

/** Ask the tab's content script; when there is none (site access withheld, or the page
 * predates the install), run `fallback` in the page, which the user's click on the toolbar
 * button allows (activeTab). */
async function inPage<T, A extends unknown[]>(tabId: number, request: ContentRequest, fallback: (...args: A) => T, ...args: A): Promise<T | undefined> {
  try {
    const answer = (await chrome.tabs.sendMessage(tabId, request)) as T | undefined;
    if (answer !== undefined) return answer;
  } catch {
    // No content script here: inject the function instead.
  }
  const [result] = await chrome.scripting.executeScript({ target: { tabId }, func: fallback, args });
  return result?.result as T | undefined;
}

const snapshotOf = (tabId: number) => inPage<PageSnapshot, []>(tabId, { type: 'take-snapshot' }, takeSnapshot);

function pageInfo(): PageInfo {
  return { url: location.href, policyLink: findPolicyLink() };
}

async function siteInfo(tabId: number): Promise<SiteInfo> {
  const info = await inPage<PageInfo, []>(tabId, { type: 'page-info' }, pageInfo).catch(() => undefined);
  const site = siteOf(info?.url ?? '');
  return { site, remembered: await recall(site), policyLink: info?.policyLink ?? null };
}

async function reportMarkdown(tabId: number): Promise<{ markdown: string | null }> {
  const { report } = await getState(tabId);
  if (!report) return { markdown: null };
  await loadWasm();
  return { markdown: report_markdown(report) };
}

async function scanTab(tabId: number): Promise<TabState> {
  let page: PageSnapshot | undefined;
  try {
    page = await snapshotOf(tabId);
  } catch {
    return updateState(tabId, { error: 'privlens cannot read this page. Browser pages and add-on stores are off limits to extensions; for other pages, reload the page and try again.' });
  }
  if (!page) return updateState(tabId, { error: 'The page returned nothing to analyse.' });
  return analysePage(tabId, page, false);
}

async function handle(request: Request, sender: chrome.runtime.MessageSender): Promise<unknown> {
  const senderTab = sender.tab?.id;
  switch (request.type) {
    case 'analyse-page':
      return senderTab === undefined ? {} : analysePage(senderTab, request.page, true);
    case 'analyse-banner':
      return senderTab === undefined ? {} : analyseBanner(senderTab, request.banner);
    case 'get-tab-state':
      return getState(request.tabId);
    case 'scan-tab':
      return scanTab(request.tabId);
    case 'get-site-info':
      return siteInfo(request.tabId);
    case 'show-quote':
      return { shown: (await inPage<boolean, [string]>(request.tabId, { type: 'show-quote', quote: request.quote }, showQuote, request.quote).catch(() => false)) === true };
    case 'report-markdown':
      return reportMarkdown(request.tabId);
    case 'forget-everything':
      await forgetAll();
      return { forgotten: true };
    case 'get-status':
      return { wasmLoaded: wasmReady !== null, scans } satisfies Status;
  }
}

chrome.runtime.onMessage.addListener((request: Request, sender, sendResponse) => {
  handle(request, sender).then(sendResponse, (e) => sendResponse({ error: message(e) }));
  return true;
});

// On first install, say what privlens does and that nothing leaves the device.
chrome.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL('welcome.html') });
});

// A tab that loads a new page drops its report. (Without the "tabs" permission the new URL
// is not given, so any load counts.)
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void chrome.storage.session.remove(stateKey(tabId));
});
chrome.tabs.onRemoved.addListener((tabId) => void chrome.storage.session.remove(stateKey(tabId)));
