// Plain-language names for report ids, from _locales (`data_email`, `right_erasure`, ...); the
// English here is only the fallback when a locale lacks a key.
import { t } from './dom';

export const DATA_LABELS: Record<string, string> = {
  name: 'Name', email: 'Email address', phone: 'Phone number', postal_address: 'Postal address',
  username: 'Username', credentials: 'Passwords and logins', payment_card: 'Payment card', financial: 'Financial details',
  government_id: 'Government ID', date_of_birth: 'Date of birth', demographics: 'Demographics',
  precise_location: 'Precise location', coarse_location: 'Approximate location', ip_address: 'IP address',
  device_identifiers: 'Device identifiers', browser_device_info: 'Browser and device', cookies_tracking: 'Cookies and trackers',
  usage_activity: 'What you do on the site', referrer: 'Where you came from', user_content: 'Content you post',
  communications: 'Your messages', contacts: 'Your contacts', photos_media: 'Photos and media', audio: 'Audio and voice',
  health: 'Health', biometric: 'Biometrics', social_profile: 'Social media profile', purchase_history: 'Purchases',
  employment_education: 'Work and education', children_data: "Children's data", inferences: 'Guesses about you',
};

/** A pictogram per data type, shown before its name (never instead of it). */
export const DATA_ICONS: Record<string, string> = {
  name: '👤', email: '✉️', phone: '📞', postal_address: '🏠', username: '👤', credentials: '🔑', payment_card: '💳',
  financial: '🏦', government_id: '🪪', date_of_birth: '🎂', demographics: '👥', precise_location: '📍', coarse_location: '🗺️',
  ip_address: '🌐', device_identifiers: '📱', browser_device_info: '💻', cookies_tracking: '🍪', usage_activity: '🖱️',
  referrer: '↩️', user_content: '📝', communications: '💬', contacts: '📇', photos_media: '🖼️', audio: '🎙️', health: '⚕️',
  biometric: '🧬', social_profile: '🔗', purchase_history: '🛒', employment_education: '🎓', children_data: '🧒', inferences: '🔮',
};

/** Data that deserves to stand out. */
export const SENSITIVE = new Set(['payment_card', 'financial', 'precise_location', 'health', 'biometric', 'children_data', 'government_id']);

export const PURPOSE_LABELS: Record<string, string> = {
  service: 'Running the service', security_fraud: 'Security and fraud', analytics: 'Analytics', personalization: 'Personalisation',
  marketing: 'Marketing', advertising: 'Advertising', legal: 'Legal obligations', research: 'Research and development',
  merger_acquisition: 'Mergers and sales',
};

export const RIGHT_LABELS: Record<string, string> = {
  access: 'See your data', rectification: 'Correct it', erasure: 'Delete it', restriction: 'Restrict its use',
  objection: 'Object', portability: 'Take it elsewhere', withdraw_consent: 'Withdraw consent', opt_out_sale: 'Opt out of sale',
  opt_out_marketing: 'Opt out of marketing', non_discrimination: 'No discrimination', automated_decisions: 'Challenge automated decisions',
  complaint_authority: 'Complain to a regulator',
};

export const KIND_LABELS: Record<string, string> = {
  privacy_policy: 'Privacy policy', cookie_policy: 'Cookie policy', terms_of_service: 'Terms of service', other: 'Not a policy',
};

function named(prefix: string, map: Record<string, string>, id: string): string {
  return t(`${prefix}_${id}`, map[id] ?? id.replace(/_/g, ' '));
}

export const dataLabel = (id: string) => named('data', DATA_LABELS, id);
export const purposeLabel = (id: string) => named('purpose', PURPOSE_LABELS, id);
export const rightLabel = (id: string) => named('right', RIGHT_LABELS, id);
export const kindLabel = (id: string) => named('kind', KIND_LABELS, id);
/** A signal's one-line explanation in the reader's language (the report's English otherwise). */
export const signalText = (s: { id: string; explanation: string }) => t(`signal_${s.id}`, s.explanation);

export function days(n: number | null): string {
  if (n === null) return 'As long as they see fit';
  if (n % 365 === 0) return `${n / 365} year${n === 365 ? '' : 's'}`;
  if (n % 30 === 0 && n < 365) return `${n / 30} month${n === 30 ? '' : 's'}`;
  return `${n} day${n === 1 ? '' : 's'}`;
}
