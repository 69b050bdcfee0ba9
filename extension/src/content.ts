// Content script: a cheap first look on every page. A page that names itself a policy is sent
// for analysis; a cookie banner on screen (now or within a few seconds) is sent too. The
// analysis runs in the extension's background context, never in the page, so a page's
// Content-Security-Policy cannot stop it.

import { watchForBanner, type LiveBanner } from './banner_watch';
import { firstLook } from './first_look';
import { send, type ContentRequest } from './messages';
import { findPolicyLink, showQuote } from './page_tools';
import { probePage } from './probe';
import { takeSnapshot } from './snapshot';

// A manual scan asks the content script for the page when it is present.
chrome.runtime.onMessage.addListener((message: ContentRequest, _sender, sendResponse) => {
  if (message.type === 'take-snapshot') sendResponse(takeSnapshot());
  else if (message.type === 'page-info') sendResponse({ url: location.href, policyLink: findPolicyLink() });
  else if (message.type === 'show-quote') sendResponse(showQuote(message.quote));
});

async function reportBanner(found: LiveBanner): Promise<void> {
  const probe = await probePage();
  const scripts = Array.from(document.querySelectorAll('script[src]'), (s) => 'src:' + (s as HTMLScriptElement).src).slice(0, 200);
  await send({
    type: 'analyse-banner',
    banner: { ...found, tcf: probe.tcf, markers: [...scripts, ...probe.globals.map((g) => 'global:' + g)] },
  });
}

async function main(): Promise<void> {
  const settings = await chrome.storage.local.get({ autoScan: true, silentSites: [] as string[] });
  const host = location.hostname;
  const silent = (settings.silentSites as string[]).some((h) => host === h || host.endsWith('.' + h));
  if (!settings.autoScan || silent) return;
  if (firstLook(document, location.href).likely) await send({ type: 'analyse-page', page: takeSnapshot() });
  watchForBanner((found) => void reportBanner(found).catch(() => undefined));
}

main().catch(() => {
  // The background may be restarting or the extension reloading; the popup can rescan.
});
