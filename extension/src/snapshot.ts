// Reading the page for analysis. `takeSnapshot` is also injected on its own with
// chrome.scripting.executeScript for manual scans, so it must not reference anything outside
// its own body.

import type { PageSnapshot } from './messages';

export function takeSnapshot(): PageSnapshot {
  // Pages larger than this are cut: the core has a limit too, and messages must stay small.
  const MAX_HTML_CHARS = 8_000_000;
  const MARKER_SELECTOR = '[id*="cookie" i], [id*="consent" i], [class*="cookie" i], [class*="consent" i], [id*="cmp" i], [class*="cmp" i]';
  const markers: string[] = [];
  document.querySelectorAll(MARKER_SELECTOR).forEach((el, i) => {
    if (i > 200) return;
    if (el.id) markers.push('#' + el.id);
    el.classList.forEach((c) => markers.push('.' + c));
  });
  document.querySelectorAll('script[src]').forEach((s) => markers.push('src:' + (s as HTMLScriptElement).src));
  const html = document.documentElement ? document.documentElement.outerHTML : '';
  return {
    url: location.href,
    title: document.title,
    html: html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html,
    markers: markers.slice(0, 2000),
  };
}
