// Runs in the page's own JavaScript world, where the IAB TCF API and consent platforms'
// globals live. It does nothing until the content script asks, once, after finding a banner.
import consentGlobals from '../build/consent_globals.json';

document.addEventListener('privlens:probe', () => {
  const page = window as unknown as Record<string, unknown>;
  const result = {
    tcf: typeof page.__tcfapi === 'function',
    globals: (consentGlobals as string[]).filter((name) => name in page),
  };
  document.dispatchEvent(new CustomEvent('privlens:probe-result', { detail: JSON.stringify(result) }));
}, { once: true });
