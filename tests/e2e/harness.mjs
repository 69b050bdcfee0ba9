// Drives the built extension in real headless Chromium and Firefox ESR with puppeteer-core.
// Every request the browser makes goes through a local proxy that also serves the test pages,
// so the test sees all network traffic: anything not a test page is counted.
import http from 'node:http';
import { after, before } from 'node:test';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { root } from './pages.mjs';

export const EXTENSION_ID = 'privlens@privlens.dev';

/** A proxy that serves `site` (absolute URL → {body, headers}) and records every request. */
export async function startProxy(site) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = req.url.startsWith('http') ? req.url : `http://${req.headers.host}${req.url}`;
    requests.push({ method: req.method, url });
    const page = site[url];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a test page');
      return;
    }
    res.writeHead(200, page.headers).end(page.body);
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return { port, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The browsers' own services, which they call whatever extension is loaded (clock, updates,
 * sign-in, autofill, remote settings). privlens has no code that could reach any host. */
export const BROWSER_SERVICE_HOSTS = new Set([
  'clients2.google.com', 'update.googleapis.com', 'accounts.google.com', 'content-autofill.googleapis.com',
  'firefox.settings.services.mozilla.com',
]);

function hostOf(r) {
  return r.method === 'CONNECT' ? r.url.split(':')[0] : new URL(r.url).hostname;
}

/** Requests that are neither a test page, a favicon nor a browser service: the extension's. */
export function strayRequests(requests, site) {
  const hosts = new Set(Object.keys(site).map((u) => new URL(u).host));
  return requests.filter((r) => {
    if (site[r.url] || BROWSER_SERVICE_HOSTS.has(hostOf(r))) return false;
    if (r.method === 'GET' && r.url.endsWith('/favicon.ico') && hosts.has(new URL(r.url).host)) return false;
    return true;
  });
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--no-pings', '--disable-domain-reliability', '--disable-client-side-phishing-detection',
];

/** Launch `kind` ('chromium' | 'firefox') with the built extension from dist/; the pages in
 * `openFirst` are opened before the extension is installed, so no content script runs there. */
export async function launch(kind, proxyPort, openFirst = []) {
  if (kind === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: true,
      args: [...CHROMIUM_ARGS, `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>'],
    });
    await openBeforeInstall(browser, openFirst);
    const id = await browser.installExtension(join(root, 'dist', 'chrome'));
    return { kind, browser, id };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'extensions.update.enabled': false,
      'app.normandy.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await openBeforeInstall(browser, openFirst);
  await browser.installExtension(join(root, 'dist', 'firefox'));
  return { kind, browser, id: EXTENSION_ID };
}

async function openBeforeInstall(browser, urls) {
  for (const url of urls) await (await browser.newPage()).goto(url, { waitUntil: 'load' });
}

/** Open `url` in a new tab and wait for it to load. */
export async function openPage(ctx, url) {
  const page = await ctx.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** The page whose location matches `pattern`. (Firefox's driver reports extension pages as
 * about:blank and refuses to navigate to them, so pages are found by asking each one.) */
export async function findPage(ctx, pattern, ms = 15000) {
  return waitFor(async () => {
    for (const page of await ctx.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (pattern.test(href)) return page;
    }
    return null;
  }, ms, `a page matching ${pattern}`);
}

/** The welcome page the extension opens on install: an extension page to call its APIs from. */
export async function extensionPage(ctx) {
  const page = await findPage(ctx, /^(chrome|moz)-extension:\/\/[^/]+\/welcome\.html/);
  ctx.base = (await page.evaluate(() => location.origin));
  return page;
}

/** The extension's tab id for the tab showing `url`: the newest tab that shows it, or (in
 * Chromium, which hides page URLs from extensions without the "tabs" permission) the newest
 * tab whose URL is hidden. */
export async function tabIdOf(ext, url) {
  return ext.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const candidates = tabs.filter((t) => t.url === u || t.url == null).map((t) => t.id);
    return candidates.length ? Math.max(...candidates) : undefined;
  }, url);
}

export async function badgeText(ext, tabId) {
  return ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function extensionStatus(ext) {
  return ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-status' }));
}

/** Poll `fn` until it returns something truthy, or fail after `ms`. */
export async function waitFor(fn, ms = 15000, what = 'condition') {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/** The popup for tab `tabId`, opened in a tab by the extension (headless browsers have no
 * toolbar to click). */
export async function openPopup(ctx, ext, tabId) {
  const marker = `popup.html?tabId=${tabId}&n=${Date.now()}`;
  await ext.evaluate((url) => chrome.tabs.create({ url, active: true }), marker);
  const page = await findPage(ctx, new RegExp(marker.replace(/[?.]/g, '\\$&')));
  await page.setViewport({ width: 420, height: 600 }).catch(() => {});
  await page.waitForSelector('footer', { timeout: 15000 });
  return page;
}

/** A test suite's browser: before its tests, the proxy serving `site` and `kind` with the
 * extension; after them, both stopped. Its fields fill in when the suite starts. */
export function browserSession(kind, site, openFirst = []) {
  const session = { proxy: undefined, ctx: undefined, ext: undefined };
  before(async () => {
    session.proxy = await startProxy(site);
    session.ctx = await launch(kind, session.proxy.port, openFirst);
    session.ext = await extensionPage(session.ctx);
  });
  after(async () => {
    await session.ctx?.browser.close();
    await session.proxy?.close();
  });
  return session;
}

/** Open `url` in a new tab; its page and the extension's id for the tab. */
export async function openTab(session, url) {
  const page = await openPage(session.ctx, url);
  const tabId = await waitFor(() => tabIdOf(session.ext, url), 5000, `the tab of ${url}`);
  return { page, tabId };
}
