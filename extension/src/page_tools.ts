// Functions that run in the page: from the content script, or injected on their own with
// chrome.scripting.executeScript when it is absent, so each must be self-contained.

/** The page's link to its privacy policy, if it has one ("Privacy", "Datenschutz", ...). */
export function findPolicyLink(): string | null {
  const WORDS = /privacy|privacidad|privacit|datenschutz|confidentialit|privacybeleid|prywatno|integritetspolicy|personvern|tietosuoja/i;
  const STRONG = /privacy (policy|notice|statement)|datenschutzerkl|politique de confidentialit|pol[ií]tica de privacidad|informativa (sulla )?privacy/i;
  let best: { url: string; score: number } | null = null;
  for (const a of Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
    const text = (a.textContent || a.getAttribute('aria-label') || '').trim();
    if (!/^https?:/.test(a.href) || text.length > 80) continue;
    let score = 0;
    if (STRONG.test(text)) score += 3;
    else if (WORDS.test(text)) score += 2;
    if (WORDS.test(a.pathname)) score += 1;
    if (a.closest('footer, [role="contentinfo"]')) score += 1;
    if (score >= 2 && (!best || score > best.score)) best = { url: a.href, score };
  }
  return best?.url ?? null;
}

/** Scroll to the first place the page says `quote` and highlight it; false if not found. */
export function showQuote(quote: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ');
  // A long sentence is quoted from the middle ("… like iCloud …"): match the words shown.
  const wanted = norm(quote.replace(/^…/, '').replace(/…$/, '')).trim().slice(0, 160);
  if (!wanted) return false;
  // The page's text as one string, with a map from each of its characters back to its node.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
    // Inline pieces join without a separator ("foo<b>bar</b>" reads "foobar"), and runs of
    // white space collapse to one, as in the text the quote was taken from.
    let piece = norm(n.textContent ?? '');
    if (text.endsWith(' ') && piece.startsWith(' ')) piece = piece.slice(1);
    nodes.push(n as Text);
    starts.push(text.length);
    text += piece;
  }
  const at = text.toLowerCase().indexOf(wanted.toLowerCase());
  if (at < 0) return false;
  // Offsets in `text` are close to offsets in the node (white space may have been squeezed).
  const locate = (pos: number) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > pos) i--;
    return { node: nodes[i], offset: Math.min(pos - starts[i], nodes[i].length) };
  };
  const from = locate(at);
  const to = locate(at + wanted.length);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, Math.max(to.offset, 0));
  const target = from.node.parentElement;
  target?.scrollIntoView({ block: 'center' });
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (highlights && HighlightCtor) {
    highlights.set('privlens', new HighlightCtor(range));
    if (!document.getElementById('privlens-highlight-style')) {
      const style = document.createElement('style');
      style.id = 'privlens-highlight-style';
      style.textContent = '::highlight(privlens) { background: #ffe066; color: #000; }';
      document.head.append(style);
    }
  } else {
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return true;
}
