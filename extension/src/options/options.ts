// Options: automatic scanning on or off (more controls arrive with the popup work).
import { t } from '../dom';

const box = document.getElementById('autoScan') as HTMLInputElement;
(document.getElementById('autoScanLabel') as HTMLElement).textContent = t('optAutoScan', 'Look for privacy policies automatically');

async function main(): Promise<void> {
  const { autoScan } = await chrome.storage.local.get({ autoScan: true });
  box.checked = Boolean(autoScan);
  box.addEventListener('change', () => void chrome.storage.local.set({ autoScan: box.checked }));
}

void main();
