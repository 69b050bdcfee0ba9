// Background (service worker in Chromium, event page in Firefox): loads the wasm core on the
// first scan, keeps one state per tab, sets the badge. Nothing here touches the network: the
// wasm is read from the extension's own package.

import initWasm, { scan } from '../build/pkg/privlens_wasm.js';
import type { Request, Status, TabState, PageSnapshot } from './messages';
import type { Report } from './report';
import { takeSnapshot } from './snapshot';
import { badgeFor } from './badge';

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
  return (stored[key] as TabState | undefined) ?? { status: 'none' };
}

async function setState(tabId: number, state: TabState): Promise<TabState> {
  await chrome.storage.session.set({ [stateKey(tabId)]: state });
  const badge = badgeFor(state);
  await chrome.action.setBadgeText({ tabId, text: badge.text });
  if (badge.text) await chrome.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await chrome.action.setTitle({ tabId, title: badge.title });
  return state;
}

async function analyse(page: PageSnapshot): Promise<Report> {
  await loadWasm();
  scans += 1;
  return scan({ content: page.html, url: page.url, title: page.title, format: 'html', markers: page.markers }) as Report;
}

async function analyseInto(tabId: number, page: PageSnapshot, auto: boolean): Promise<TabState> {
  try {
    const report = await analyse(page);
    // An automatic look that turns out not to be a policy leaves no mark.
    if (auto && !report.document.is_policy && !report.cookie_banner.present) return setState(tabId, { status: 'none' });
    return setState(tabId, { status: 'done', report, auto, scannedAt: Date.now() });
  } catch (e) {
    return setState(tabId, { status: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

/** Read a tab: through our content script when it runs there, otherwise by injecting the
 * snapshot function, which the user's click on the toolbar button allows (activeTab). */
async function snapshotOf(tabId: number): Promise<PageSnapshot | undefined> {
  try {
    const page = (await chrome.tabs.sendMessage(tabId, { type: 'take-snapshot' })) as PageSnapshot | undefined;
    if (page) return page;
  } catch {
    // No content script in this tab (site access withheld, or the page predates the install).
  }
  const [result] = await chrome.scripting.executeScript({ target: { tabId }, func: takeSnapshot });
  return result?.result as PageSnapshot | undefined;
}

async function scanTab(tabId: number): Promise<TabState> {
  let page: PageSnapshot | undefined;
  try {
    page = await snapshotOf(tabId);
  } catch {
    return setState(tabId, { status: 'error', error: 'This page cannot be read by extensions (browser pages and extension stores are off limits).' });
  }
  if (!page) return setState(tabId, { status: 'error', error: 'The page returned nothing to analyse.' });
  return analyseInto(tabId, page, false);
}

async function handle(request: Request, sender: chrome.runtime.MessageSender): Promise<TabState | Status> {
  switch (request.type) {
    case 'analyse-page': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { status: 'none' };
      return analyseInto(tabId, request.page, true);
    }
    case 'get-tab-state':
      return getState(request.tabId);
    case 'scan-tab':
      return scanTab(request.tabId);
    case 'get-status':
      return { wasmLoaded: wasmReady !== null, scans };
  }
}

chrome.runtime.onMessage.addListener((request: Request, sender, sendResponse) => {
  handle(request, sender).then(sendResponse, (e) => sendResponse({ status: 'error', error: String(e) }));
  return true;
});

// On first install, say what privlens does and that nothing leaves the device.
chrome.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL('welcome.html') });
});

// A tab that navigates away drops its report.
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' && change.url) void chrome.storage.session.remove(stateKey(tabId));
});
chrome.tabs.onRemoved.addListener((tabId) => void chrome.storage.session.remove(stateKey(tabId)));
