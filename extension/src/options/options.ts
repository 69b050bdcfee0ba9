// Options: automatic scanning, sites where privlens stays silent, forgetting what it remembers.
import { t } from '../dom';
import { send } from '../messages';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const autoScan = byId<HTMLInputElement>('autoScan');
const silentSites = byId<HTMLTextAreaElement>('silentSites');

const TEXTS: [string, string, string][] = [
  ['autoScanLabel', 'optAutoScan', 'Look for privacy policies and cookie banners automatically'],
  ['autoScanHelp', 'optAutoScanHelp', "When on, privlens glances at each page's address, title and headings; only pages that look like a policy, and cookie banners, are analysed, on your device."],
  ['silentSitesLabel', 'optSilentSites', 'Sites where privlens stays silent (one per line)'],
  ['save', 'optSave', 'Save'],
  ['memoryTitle', 'optMemoryTitle', 'What privlens remembers'],
  ['memoryHelp', 'optMemoryHelp', 'Summaries of the privacy policies you have opened, kept in this browser only, so they show on every page of the site.'],
  ['forget', 'optForget', 'Forget everything'],
];

/** "https://www.example.com/x" and "example.com" both mean the host example.com. */
export function hostsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim().replace(/^[a-z]+:\/\//i, '').split('/')[0].toLowerCase())
    .filter((h) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(h));
}

async function main(): Promise<void> {
  for (const [id, key, fallback] of TEXTS) byId(id).textContent = t(key, fallback);
  const settings = await chrome.storage.local.get({ autoScan: true, silentSites: [] as string[] });
  autoScan.checked = Boolean(settings.autoScan);
  silentSites.value = (settings.silentSites as string[]).join('\n');
  autoScan.addEventListener('change', () => void chrome.storage.local.set({ autoScan: autoScan.checked }));
  byId('save').addEventListener('click', async () => {
    const hosts = hostsOf(silentSites.value);
    await chrome.storage.local.set({ silentSites: hosts, autoScan: autoScan.checked });
    silentSites.value = hosts.join('\n');
    byId('saved').textContent = t('optSaved', 'Saved.');
  });
  byId('forget').addEventListener('click', async () => {
    await send({ type: 'forget-everything' });
    byId('forgotten').textContent = t('optForgotten', 'Forgotten.');
  });
}

void main();
