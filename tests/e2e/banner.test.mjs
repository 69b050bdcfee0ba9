// End-to-end: cookie banners on live pages, in headless Chromium and Firefox ESR.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bannerSite } from './pages.mjs';
import { badgeText, browserSession, openPopup, openTab, strayRequests, waitFor } from './harness.mjs';

const site = bannerSite();
const COOKIE_BADGE = '🍪';

async function tabState(ext, tabId) {
  return ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId);
}

for (const kind of ['chromium', 'firefox']) {
  describe(`cookie banners in ${kind}`, () => {
    const session = browserSession(kind, site);

    async function bannerOn(url, ms = 15000) {
      const { tabId } = await openTab(session, url);
      const badge = await waitFor(async () => (await badgeText(session.ext, tabId)) || null, ms, 'banner badge');
      return { tabId, badge, state: await tabState(session.ext, tabId) };
    }

    test('a OneTrust banner gets the cookie badge and its findings in the popup', async () => {
      const { tabId, badge, state } = await bannerOn('http://banner.test/onetrust');
      assert.equal(badge, COOKIE_BADGE);
      assert.equal(state.banner.platform?.id, 'onetrust');
      assert.equal(state.banner.tcf, true, 'the page exposes __tcfapi');
      assert.ok(state.banner.flags.includes('no_reject_first_layer'));
      assert.ok(state.banner.flags.includes('implied_consent'));
      console.log(`# ${kind}: first banner DOM pass ${state.bannerPassMs} ms`);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const text = await popup.$eval('#banner', (e) => e.innerText);
      assert.match(text, /OneTrust/);
      assert.match(text, /No way to refuse on the first screen/);
      assert.deepEqual(await popup.$$eval('#banner li', (els) => els.map((e) => e.dataset.role)), ['settings', 'accept']);
      await popup.close();
    });

    test('on a real news page the banner is found, and the first DOM pass is timed', async () => {
      const { state } = await bannerOn('http://typical.test/article');
      assert.equal(state.banner.platform?.id, 'onetrust');
      console.log(`# ${kind}: first banner DOM pass on a news page ${state.bannerPassMs} ms`);
    });

    test('a policy page with a banner keeps both its report and its banner', async () => {
      const { tabId } = await openTab(session, 'http://banner.test/privacy');
      const state = await waitFor(async () => {
        const s = await tabState(session.ext, tabId);
        return s.report && s.banner ? s : null;
      }, 20000, 'report and banner');
      assert.equal(state.report.document.is_policy, true);
      assert.equal(state.banner.platform?.id, 'onetrust');
      assert.match(await badgeText(session.ext, tabId), /^[A-E]$/, 'the grade wins the badge');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.ok(await popup.$('#banner'), 'the popup shows the banner too');
      await popup.close();
    });

    test('a banner added two seconds after load is still found', async () => {
      const { badge, state } = await bannerOn('http://late.test/article');
      assert.equal(badge, COOKIE_BADGE);
      assert.deepEqual(state.banner.buttons.map((b) => b.role), ['accept', 'reject']);
      assert.equal(state.banner.flags.includes('no_reject_first_layer'), false);
    });

    test('a banner inside an open shadow root is found', async () => {
      const { state } = await bannerOn('http://shadow.test/article');
      assert.ok(state.banner.buttons.some((b) => b.role === 'reject'));
    });

    test('a page whose only cookie mention is a footer link stays silent', async () => {
      const url = 'http://plain.test/article';
      const { tabId } = await openTab(session, url);
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(await badgeText(session.ext, tabId), '');
      assert.equal((await tabState(session.ext, tabId)).banner, undefined);
    });

    test('no network request was made for any of this', () => {
      assert.deepEqual(strayRequests(session.proxy.requests, site), []);
    });
  });
}
