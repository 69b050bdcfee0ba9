// Content script: a cheap first look on every page; only a page that names itself a policy
// is sent for analysis. The analysis runs in the extension's background context, never in
// the page, so a page's Content-Security-Policy cannot stop it.

import { firstLook } from './first_look';
import { send, type ContentRequest } from './messages';
import { takeSnapshot } from './snapshot';

// A manual scan asks the content script for the page when it is present.
chrome.runtime.onMessage.addListener((message: ContentRequest, _sender, sendResponse) => {
  if (message.type === 'take-snapshot') sendResponse(takeSnapshot());
});

async function main(): Promise<void> {
  const settings = await chrome.storage.local.get({ autoScan: true, silentSites: [] as string[] });
  if (!settings.autoScan || (settings.silentSites as string[]).includes(location.hostname)) return;
  if (!firstLook(document, location.href).likely) return;
  await send({ type: 'analyse-page', page: takeSnapshot() });
}

main().catch(() => {
  // The background may be restarting or the extension reloading; the popup can rescan.
});
