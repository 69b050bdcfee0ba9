// One finding: its title, opening to the quote it came from, with "Show on page".
import { el, t } from '../dom';

/** Called with a quote when the reader asks to see it on the page; null when the report is
 * not for the page in this tab. */
let showOnPage: ((quote: string) => Promise<boolean>) | null = null;

export function setShowOnPage(fn: ((quote: string) => Promise<boolean>) | null): void {
  showOnPage = fn;
}

export function quoteItem(title: string, quotes: string[], className = ''): HTMLElement {
  const quote = quotes[0];
  if (!quote) return el('p', { class: `plain ${className}` }, title);
  const parts: HTMLElement[] = [el('blockquote', { dir: 'auto' }, `“${quote}”`)];
  if (showOnPage) {
    const show = showOnPage;
    const button = el('button', { type: 'button', class: 'link show' }, t('showOnPage', 'Show on page'));
    button.addEventListener('click', async () => {
      const found = await show(quote);
      button.textContent = found ? t('shown', 'Shown on the page') : t('notOnPage', 'Not found on the page');
    });
    parts.push(button);
  }
  return el('details', { class: className }, el('summary', {}, title), ...parts);
}
