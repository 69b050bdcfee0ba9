// Every message the extension's parts exchange, in one place.
import type { Report } from './report';

/** What the content script (or an injected function) reads off a page. */
export interface PageSnapshot {
  url: string;
  title: string;
  html: string;
  /** Consent-platform markers seen in the live DOM: `#id`, `.class`, `src:url`. */
  markers: string[];
}

export type TabState =
  | { status: 'none' }
  | { status: 'scanning' }
  | { status: 'done'; report: Report; auto: boolean; scannedAt: number }
  | { status: 'error'; error: string };

export type Request =
  /** Content script → background: the first look says this page may be a policy. */
  | { type: 'analyse-page'; page: PageSnapshot }
  /** Popup → background: what is known about this tab. */
  | { type: 'get-tab-state'; tabId: number }
  /** Popup → background: scan this tab now, whatever it is. */
  | { type: 'scan-tab'; tabId: number }
  /** Tests and diagnostics: has the wasm core been loaded in this background context? */
  | { type: 'get-status' };

/** Background → content script. */
export type ContentRequest = { type: 'take-snapshot' };

export interface Status {
  wasmLoaded: boolean;
  scans: number;
}

export type Response<R extends Request> = R extends { type: 'get-tab-state' | 'scan-tab' | 'analyse-page' }
  ? TabState
  : R extends { type: 'get-status' }
    ? Status
    : never;

/** Send a typed request to the background. */
export function send<R extends Request>(request: R): Promise<Response<R>> {
  return chrome.runtime.sendMessage(request) as Promise<Response<R>>;
}
