// The cheap first look: does this page name itself a privacy or cookie policy? Reads only the
// URL, the title and the headings, so ordinary pages cost next to nothing.

const POLICY_WORDS =
  /privacy|privacidad|privacit|datenschutz|confidentialit|privacybeleid|prywatno|integritet|cookie|gdpr|data[ -]protection|personal[ -]data/i;
const POLICY_TITLE =
  /\b(privacy|cookies?|data protection)\s+(policy|notice|statement|center|centre|promise)|datenschutz|confidentialité|privacidad|privacybeleid|informativa (sulla )?privacy|polityka prywatności/i;

export interface FirstLook {
  likely: boolean;
  reasons: string[];
}

export function firstLook(doc: Document, url: string): FirstLook {
  const reasons: string[] = [];
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = url;
  }
  if (POLICY_WORDS.test(path)) reasons.push('url');
  if (POLICY_TITLE.test(doc.title)) reasons.push('title');
  const headings = Array.from(doc.querySelectorAll('h1, h2')).slice(0, 6);
  if (headings.some((h) => POLICY_TITLE.test(h.textContent ?? ''))) reasons.push('heading');
  return { likely: reasons.length > 0, reasons };
}
