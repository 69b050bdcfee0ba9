// The cookie banner findings for the page.
import { el, t } from '../dom';
import type { CookieBanner } from '../report';
import { quoteItem } from './items';

const FLAG_TEXT: Record<string, [string, string]> = {
  no_reject_first_layer: ['flagNoReject', 'No way to refuse on the first screen'],
  implied_consent: ['flagImplied', 'Treats simply using the site as consent'],
  preticked_choices: ['flagPreticked', 'Some choices are ticked for you'],
  accept_emphasized: ['flagEmphasis', '"Accept" is made to stand out over "reject"'],
  cookie_wall: ['flagWall', 'You cannot use the site without accepting'],
  pay_or_consent: ['flagPay', 'Refusing means paying'],
};

const ROLE_TEXT: Record<string, [string, string]> = {
  accept: ['roleAccept', 'accepts'],
  reject: ['roleReject', 'refuses'],
  settings: ['roleSettings', 'opens settings'],
  save: ['roleSave', 'saves your choices'],
  close: ['roleClose', 'closes the banner'],
  pay: ['rolePay', 'asks you to pay'],
  other: ['roleOther', 'other'],
};

export function bannerSection(b: CookieBanner | undefined): HTMLElement | null {
  if (!b?.present) return null;
  const who = b.platform ? t('bannerBy', `Run by ${b.platform.name}`, b.platform.name) : t('ownBanner', "The site's own banner");
  const items: HTMLElement[] = [quoteItem(who, b.text ? [b.text] : [])];
  if (b.tcf) items.push(el('p', { class: 'plain' }, t('usesTcf', 'Uses the IAB consent framework (TCF) to pass your choice to advertisers')));
  for (const flag of b.flags) {
    const [key, fallback] = FLAG_TEXT[flag] ?? ['', flag.replace(/_/g, ' ')];
    items.push(el('p', { class: 'plain flag-bad', 'data-flag': flag }, key ? t(key, fallback) : fallback));
  }
  if (b.buttons.length) {
    const entries = b.buttons.map((x) => {
      const [key, fallback] = ROLE_TEXT[x.role] ?? ROLE_TEXT.other;
      return el('li', { 'data-role': x.role }, el('bdi', {}, `“${x.label}”`), `: ${t(key, fallback)}`);
    });
    items.push(el('ul', { class: 'buttons', 'aria-label': t('bannerButtons', 'Its buttons') }, ...entries));
  }
  return el('section', { 'aria-labelledby': 'banner-h', id: 'banner' }, el('h2', { id: 'banner-h' }, t('cookieBanner', 'Cookie banner')), ...items);
}
