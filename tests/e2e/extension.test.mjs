// End-to-end: the built extension in headless Chromium and Firefox ESR, on real pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureSite } from './pages.mjs';
import { badgeText, browserSession, extensionStatus, openPopup, openTab, strayRequests, waitFor } from './harness.mjs';

const site = fixtureSite();
const PREEXISTING = 'http://docs.test/page?opened=before-install';
site[PREEXISTING] = site['http://docs.test/page'];

/** The tab opened before the install: found by its URL, or (Chromium hides page URLs) as the
 * oldest hidden-URL tab after the browser's first blank one. Runs in an extension page. */
async function preexistingTab(url) {
  const tabs = await chrome.tabs.query({});
  const byUrl = tabs.find((t) => t.url === url);
  return byUrl ? byUrl.id : tabs.filter((t) => t.url == null).map((t) => t.id).sort((a, b) => a - b)[1];
}

for (const kind of ['chromium', 'firefox']) {
  describe(`privlens in ${kind}`, () => {
    // A tab open before the install has no content script: "Scan this page" must read it another way.
    const session = browserSession(kind, site, [PREEXISTING]);

    test('a page that is not a policy gets no badge and never loads the wasm', async () => {
      const url = 'http://news.test/article';
      const { tabId } = await openTab(session, url);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await badgeText(session.ext, tabId), '');
      assert.equal((await extensionStatus(session.ext)).wasmLoaded, false);
    });

    test('a policy page gets its grade on the badge and its report in the popup', async () => {
      const url = 'http://pythonanywhere.test/privacy/';
      const { tabId } = await openTab(session, url);
      const badge = await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      assert.match(badge, /^[A-E]$/);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const verdict = await popup.$eval('#verdict', (e) => e.textContent);
      assert.match(verdict, /^Privacy policy, grade [A-E]/);
      const gradeLabel = await popup.$eval('.grade', (e) => e.getAttribute('aria-label'));
      assert.equal(gradeLabel, `Grade ${badge}`);
      const text = await popup.$eval('main', (e) => e.innerText);
      assert.match(text, /Google Analytics/);
      assert.match(text, /6 years/);
      const quotes = await popup.$$eval('details blockquote', (els) => els.map((e) => e.textContent));
      assert.ok(quotes.some((q) => q.includes('six years after your account is closed')), 'retention quote shown');
      await popup.close();
    });

    test('a real 2015 policy page with its site chrome gets its badge', async () => {
      const url = 'http://opp.test/privacy';
      const { tabId } = await openTab(session, url);
      const badge = await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      assert.match(badge, /^[A-E]$/);
    });

    test('"Scan this page" analyses a page that is not a policy', async () => {
      const url = 'http://docs.test/page';
      const { tabId } = await openTab(session, url);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /does not look like a privacy policy/);
      await popup.click('#scan');
      await popup.waitForFunction(() => document.body.dataset.state === 'done', { timeout: 20000 });
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /Nothing here reads like a privacy policy/);
      assert.equal(await badgeText(session.ext, tabId), '');
      await popup.close();
    });

    test('"Scan this page" on a tab that predates the install', async () => {
      const tabId = await waitFor(() => session.ext.evaluate(preexistingTab, PREEXISTING), 5000, 'tab id');
      const state = await session.ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'scan-tab', tabId: id }), tabId);
      if (kind === 'firefox') {
        // Firefox grants the content scripts' hosts to scripting: the page is read by injection.
        assert.equal(state.report?.document.kind, 'other', JSON.stringify(state.error));
      } else {
        // Chromium needs the toolbar click (activeTab), which a headless test cannot make:
        // the reader gets a plain explanation instead of a crash.
        assert.match(state.error, /reload the page and try again/);
      }
    });

    test('a policy page whose CSP forbids scripts still gets its report', async () => {
      const url = 'http://strict.test/privacy-policy';
      const { tabId } = await openTab(session, url);
      const badge = await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      assert.match(badge, /^[A-E]$/);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('main', (e) => e.innerText), /Your data stays on your own device|stays on your own device/i);
      await popup.close();
    });

    test('code from other companies on a policy page is listed, and flagged when the policy never names them', async () => {
      const { tabId } = await openTab(session, 'http://tracked.test/privacy');
      await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const loaded = await popup.$$eval('#trackers [data-tracker]', (els) => els.map((e) => [e.dataset.tracker, e.classList.contains('flag-bad')]));
      assert.deepEqual(loaded.sort(), [['Google', true], ['Meta', true]]);
      await popup.close();
    });

    test('a German policy is read with the German word lists and graded', async () => {
      const { tabId } = await openTab(session, 'http://beispiel.test/datenschutz');
      // Deletion on request (+2), no sale (+2) and a contact (+1): 5, an A.
      assert.equal(await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge'), 'A');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /in German, grade A/);
      assert.ok(await popup.$('.grade'));
      const collected = await popup.$$eval('#collect details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.deepEqual(collected.sort(), ['Cookies and trackers', 'IP address']);
      const rights = await popup.$$eval('#rights details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(rights.includes('See your data') && rights.includes('Delete it'), rights.join(' | '));
      // A good sign read from German wording, not from a finding.
      const good = await popup.$$eval('#good details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(good.some((g) => /not sell/.test(g)), good.join(' | '));
      await popup.close();
    });

    test('a Japanese policy, written without spaces, is known by its title and graded', async () => {
      const { tabId } = await openTab(session, 'http://rei.test/company/kojinjoho');
      assert.match(await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge'), /^[A-E]$/);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /in Japanese/);
      const rights = await popup.$$eval('#rights details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(rights.includes('See your data') && rights.includes('Delete it'), rights.join(' | '));
      await popup.close();
    });

    test('an Arabic policy is read and graded, its quotes shown right to left', async () => {
      const { tabId } = await openTab(session, 'http://dukkan.test/privacy');
      assert.match(await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge'), /^[A-E]$/);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /in Arabic/);
      const rights = await popup.$$eval('#rights details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(rights.includes('See your data') && rights.includes('Delete it'), rights.join(' | '));
      // The quote keeps its own direction inside the English popup.
      const quote = await popup.$eval('#rights details blockquote', (b) => ({ dir: b.getAttribute('dir'), text: b.textContent, shown: getComputedStyle(b).direction }));
      assert.equal(quote.dir, 'auto');
      assert.match(quote.text, /يحق لك/);
      assert.equal(quote.shown, 'rtl');
      await popup.close();
    });

    test('a Thai policy, written without spaces or full stops, is known by its title and graded', async () => {
      const { tabId } = await openTab(session, 'http://sawasdee.test/nayobai');
      assert.match(await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge'), /^[A-E]$/);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /in Thai/);
      const rights = await popup.$$eval('#rights details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(rights.includes('See your data') && rights.includes('Delete it'), rights.join(' | '));
      const good = await popup.$$eval('#good details summary', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(good.some((g) => /not sell/.test(g)), good.join(' | '));
      await popup.close();
    });

    test('a policy in a language without word lists says it cannot be read yet', async () => {
      const { tabId } = await openTab(session, 'http://selam.test/privacy');
      assert.equal(await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge'), 'i');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      assert.match(await popup.$eval('#verdict', (e) => e.textContent), /cannot read yet/);
      await popup.close();
    });

    test('page text is shown as text: markup in a policy runs nothing', async () => {
      const url = 'http://hostile.test/privacy';
      const { tabId } = await openTab(session, url);
      await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      await popup.$$eval('details', (els) => els.forEach((d) => (d.open = true)));
      const shown = await popup.$eval('main', (e) => e.textContent);
      assert.equal(await popup.$$eval('main img, main script', (els) => els.length), 0);
      assert.notEqual(await popup.title(), 'pwned');
      assert.ok(shown.length > 0);
      await popup.close();
    });

    test('the extension makes no network request', async () => {
      const stray = strayRequests(session.proxy.requests, site);
      assert.deepEqual(stray, []);
      assert.ok(session.proxy.requests.length >= 5, 'the session.proxy saw the test pages');
    });
  });
}
