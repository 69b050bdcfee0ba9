// Finding a cookie or consent banner on the live page: visible, positioned over the page,
// speaking of cookies or consent, in the document, open shadow roots and same-origin frames.
// One pass at start, then a bounded watch for banners injected later.

import consentSelectors from '../build/consent_selectors.json';

export interface ButtonBox {
  label: string;
  area: number;
}

export interface LiveBanner {
  html: string;
  covers_viewport: boolean;
  scroll_locked: boolean;
  buttons: ButtonBox[];
  /** Time the DOM pass took, in milliseconds. */
  pass_ms: number;
}

const VOCABULARY = /cookie|consent|einwillig|zustimm|consentement|consenso|consentimiento|toestemming|zgod|samtyck|samtykk|suostu|souhlas|tracking technolog|traceurs|クッキー|쿠키|同意|동의|تعريف الارتباط|كوكيز|الموافقة|موافقتك|עוגיות|עוגיה|עוגייה|הסכמ|कुकी|सहमत|คุกกี|คุ้กกี|คุ๊กกี|ยินยอม|کوکی|رضامندی|fian[aá]|toili[uú]|kunsens|baimen|onespen/i;
const GENERIC_SELECTOR = [
  '[id*="cookie" i]', '[class*="cookie" i]', '[id*="consent" i]', '[class*="consent" i]', '[id*="cmp" i]',
  '[class*="cmp" i]', '[id*="gdpr" i]', '[class*="gdpr" i]', '[role="dialog"]', '[role="alertdialog"]',
  '[aria-modal="true"]', 'dialog[open]',
].join(',');
/** Consent platforms' element ids, looked up one by one: a hash lookup each, far cheaper than
 * one selector with hundreds of alternatives. */
const PLATFORM_IDS = (consentSelectors as string[]).map((s) => s.slice(1).replace(/\\(.)/g, '$1'));
const BUTTONS = 'button, [role="button"], a, input[type="button"], input[type="submit"]';
/// More text than this is a page section, not a banner.
const MAX_TEXT = 5000;
/// Fewer characters than this is a part of a banner (its buttons), not the banner.
const MIN_BANNER_TEXT = 60;
/// How long to watch for a banner injected after load.
export const WATCH_MS = 5000;

function isVisible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05;
}

function visibleButtons(el: Element): ButtonBox[] {
  const out: ButtonBox[] = [];
  el.querySelectorAll(BUTTONS).forEach((b) => {
    if (!isVisible(b)) return;
    const rect = b.getBoundingClientRect();
    const label = ((b as HTMLInputElement).value || b.textContent || b.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    if (label) out.push({ label: label.slice(0, 120), area: Math.round(rect.width * rect.height) });
  });
  return out;
}

interface Candidate {
  el: Element;
  html: string;
  textLength: number;
  buttons: ButtonBox[];
}

function candidatesIn(root: Document | ShadowRoot, out: Candidate[], depth: number): void {
  let nodes: Element[];
  try {
    nodes = Array.from(root.querySelectorAll(GENERIC_SELECTOR));
  } catch {
    return;
  }
  for (const id of PLATFORM_IDS) {
    const el = root.getElementById(id);
    if (el && !nodes.includes(el)) nodes.push(el);
  }
  for (const el of nodes) {
    if (el.shadowRoot && depth < 3) candidatesIn(el.shadowRoot, out, depth + 1);
    const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
    if (text.length < 20 || text.length > MAX_TEXT || !VOCABULARY.test(text) || !isVisible(el)) continue;
    out.push({ el, html: el.outerHTML, textLength: text.length, buttons: visibleButtons(el) });
  }
  // Shadow hosts that no selector names (e.g. a custom element at the end of <body>).
  if (depth === 0 && root instanceof Document && root.body) {
    for (const el of Array.from(root.body.children)) {
      if (el.shadowRoot && !nodes.includes(el)) candidatesIn(el.shadowRoot, out, depth + 1);
    }
  }
}

function sameOriginFrames(doc: Document): Document[] {
  const docs: Document[] = [];
  doc.querySelectorAll('iframe').forEach((f) => {
    try {
      const d = (f as HTMLIFrameElement).contentDocument;
      if (d && isVisible(f)) docs.push(d);
    } catch {
      // Cross-origin: not ours to read.
    }
  });
  return docs;
}

/** The banner now on screen, if any: the smallest visible consent element with buttons. */
export function findBanner(doc: Document = document): LiveBanner | null {
  const start = performance.now();
  const found: Candidate[] = [];
  candidatesIn(doc, found, 0);
  for (const frame of sameOriginFrames(doc)) candidatesIn(frame, found, 1);
  const withButtons = found.filter((c) => c.buttons.length > 0);
  const pool = withButtons.length ? withButtons : found;
  // Smallest first, but a row of buttons alone is not the banner: it needs its words.
  const rank = (c: Candidate) => (c.textLength < MIN_BANNER_TEXT ? 1e9 : 0) + c.textLength;
  pool.sort((a, b) => rank(a) - rank(b));
  const best = pool[0];
  const pass_ms = performance.now() - start;
  if (!best) return null;
  const rect = best.el.getBoundingClientRect();
  const viewport = window.innerWidth * window.innerHeight;
  const overflow = (el: Element | null) => (el ? getComputedStyle(el).overflow : '');
  return {
    html: best.html.slice(0, 200_000),
    covers_viewport: viewport > 0 && (rect.width * rect.height) / viewport > 0.8,
    scroll_locked: overflow(doc.body) === 'hidden' || overflow(doc.documentElement) === 'hidden',
    buttons: best.buttons,
    pass_ms: Math.round(pass_ms * 100) / 100,
  };
}

/** Call `onFound` with the banner now or as soon as one appears, watching for `WATCH_MS`. */
export function watchForBanner(onFound: (b: LiveBanner) => void): void {
  const now = findBanner();
  if (now) {
    onFound(now);
    return;
  }
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    // Batch bursts of mutations: one look per 250 ms at most.
    timer = window.setTimeout(() => {
      timer = undefined;
      const banner = findBanner();
      if (banner) {
        stop();
        onFound(banner);
      }
    }, 250);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) window.clearTimeout(timer);
  };
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
  window.setTimeout(stop, WATCH_MS);
}
