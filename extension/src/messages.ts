// Every message the extension's parts exchange, in one place.
import type { CookieBanner, Report } from './report';
import type { SiteSummary } from './site_memory';

/** What the content script (or an injected function) reads off a page. */
export interface PageSnapshot {
  url: string;
  title: string;
  html: string;
  /** Consent-platform markers seen in the live DOM: `#id`, `.class`, `src:url`. */
  markers: string[];
}

/** A banner the content script found on the live page, with what only the live page knows. */
export interface BannerSighting {
  html: string;
  covers_viewport: boolean;
  scroll_locked: boolean;
  buttons: { label: string; area: number }[];
  tcf: boolean;
  /** `src:url` and `global:Name` markers for the platform. */
  markers: string[];
  pass_ms: number;
}

/** What is known about one tab. */
export interface TabState {
  report?: Report;
  /** The report came from the automatic look, not a click on "Scan this page". */
  auto?: boolean;
  /** The banner seen on the live page (more exact than a banner read from the HTML). */
  banner?: CookieBanner;
  bannerPassMs?: number;
  error?: string;
}

export type Request =
  /** Content script → background: the first look says this page may be a policy. */
  | { type: 'analyse-page'; page: PageSnapshot }
  /** Content script → background: a cookie banner is on screen. */
  | { type: 'analyse-banner'; banner: BannerSighting }
  /** Popup → background: what is known about this tab. */
  | { type: 'get-tab-state'; tabId: number }
  /** Popup → background: scan this tab now, whatever it is. */
  | { type: 'scan-tab'; tabId: number }
  /** Popup → background: the tab's site, what is remembered of its policy, its policy link. */
  | { type: 'get-site-info'; tabId: number }
  /** Popup → background: scroll the tab to a quote and highlight it. */
  | { type: 'show-quote'; tabId: number; quote: string }
  /** Popup → background: the tab's report as Markdown. */
  | { type: 'report-markdown'; tabId: number }
  /** Options → background: forget every remembered site. */
  | { type: 'forget-everything' }
  /** Tests and diagnostics: has the wasm core been loaded in this background context? */
  | { type: 'get-status' };

/** Background → content script. */
export type ContentRequest = { type: 'take-snapshot' } | { type: 'page-info' } | { type: 'show-quote'; quote: string };

export interface PageInfo {
  url: string;
  policyLink: string | null;
}

export interface SiteInfo {
  site: string;
  remembered?: SiteSummary;
  policyLink: string | null;
}

export interface Status {
  wasmLoaded: boolean;
  scans: number;
}

export type Response<R extends Request> = R extends { type: 'get-status' }
  ? Status
  : R extends { type: 'get-site-info' }
    ? SiteInfo
    : R extends { type: 'show-quote' }
      ? { shown: boolean }
      : R extends { type: 'report-markdown' }
        ? { markdown: string | null }
        : R extends { type: 'forget-everything' }
          ? { forgotten: true }
          : TabState;

/** Send a typed request to the background. */
export function send<R extends Request>(request: R): Promise<Response<R>> {
  return chrome.runtime.sendMessage(request) as Promise<Response<R>>;
}
