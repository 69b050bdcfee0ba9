// What privlens remembers of each site's policy, on the device (extension storage), so the
// summary shows on every page of the site and a changed policy is noticed.
import type { Report } from './report';

export interface PolicyChange {
  /** When the reader last saw the earlier version (ms since epoch). */
  since: number;
  newRecipients: string[];
  newData: string[];
  rightsRemoved: string[];
  newFlags: string[];
}

export interface SiteSummary {
  site: string;
  url: string;
  title: string | null;
  grade: string | null;
  /** The document kind id (`privacy_policy`, `cookie_policy`). */
  kind: string;
  /** The language the practices were read with (absent in memories from before packs). */
  readWith?: string | null;
  summary: string;
  dataTypes: string[];
  recipients: string[];
  /** How many of the recipients are named organisations (not "advertising partners"). */
  companies: number;
  rights: string[];
  flags: string[];
  firstSeen: number;
  lastSeen: number;
  changed?: PolicyChange;
}

const KEY_PREFIX = 'site:';

/** The site a URL belongs to: its host without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function summarise(report: Report, now: number): SiteSummary {
  const p = report.practices;
  return {
    site: siteOf(report.url ?? ''),
    url: report.url ?? '',
    title: report.title,
    grade: report.grade.letter,
    kind: report.document.kind,
    readWith: report.read_with ?? null,
    summary: report.summary,
    dataTypes: p.data_collected.map((f) => f.id).sort(),
    recipients: p.third_parties.map((t) => t.name).sort(),
    companies: p.third_parties.filter((t) => !t.generic).length,
    rights: p.rights.map((f) => f.id).sort(),
    flags: report.signals.filter((s) => s.direction === 'bad').map((s) => s.id).sort(),
    firstSeen: now,
    lastSeen: now,
  };
}

const added = (before: string[], after: string[]) => after.filter((x) => !before.includes(x));

/** What changed in practice between two readings of a policy; null when nothing did. */
export function changeBetween(before: SiteSummary, after: SiteSummary): PolicyChange | null {
  const change: PolicyChange = {
    since: before.lastSeen,
    newRecipients: added(before.recipients, after.recipients),
    newData: added(before.dataTypes, after.dataTypes),
    rightsRemoved: added(after.rights, before.rights),
    newFlags: added(before.flags, after.flags),
  };
  const any = change.newRecipients.length + change.newData.length + change.rightsRemoved.length + change.newFlags.length;
  return any ? change : null;
}

export async function recall(site: string): Promise<SiteSummary | undefined> {
  if (!site) return undefined;
  const key = KEY_PREFIX + site;
  return (await chrome.storage.local.get(key))[key] as SiteSummary | undefined;
}

/** Remember a policy reading; keeps the first-seen date and notes a change in practice. */
export async function remember(report: Report, now = Date.now()): Promise<SiteSummary | undefined> {
  const next = summarise(report, now);
  if (!next.site) return undefined;
  const before = await recall(next.site);
  if (before) {
    next.firstSeen = before.firstSeen;
    next.changed = changeBetween(before, next) ?? before.changed;
  }
  await chrome.storage.local.set({ [KEY_PREFIX + next.site]: next });
  return next;
}

/** Forget every remembered site (settings stay). */
export async function forgetAll(): Promise<void> {
  const all = await chrome.storage.local.get(null);
  await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith(KEY_PREFIX)));
}
