// End-to-end: the popup as a person uses it, in headless Chromium and Firefox ESR.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, siteMemorySite } from './pages.mjs';
import { badgeText, browserSession, findPage, openPopup, openTab, strayRequests, tabIdOf, waitFor } from './harness.mjs';

const site = siteMemorySite();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`);
  });
  return result;
}

for (const kind of ['chromium', 'firefox']) {
  describe(`the popup in ${kind}`, () => {
    const session = browserSession(kind, site);
    let policyTab;
    let policyPage;

    before(async () => {
      const url = 'http://pythonanywhere.test/privacy/';
      ({ page: policyPage, tabId: policyTab } = await openTab(session, url));
      await waitFor(async () => (await badgeText(session.ext, policyTab)) || null, 20000, 'badge');
    });

    test('renders the stored report quickly, with grade, picture and sections; screenshot for the README', async () => {
      const popup = await openPopup(session.ctx, session.ext, policyTab);
      const renderMs = Number(await popup.$eval('body', (b) => b.dataset.renderMs));
      console.log(`# ${kind}: popup rendered a stored report in ${renderMs} ms`);
      assert.ok(renderMs > 0);
      assert.match(await popup.$eval('.grade', (e) => e.getAttribute('aria-label')), /^Grade [A-E]$/);
      const sections = await popup.$$eval('main > section', (els) => els.map((e) => e.id).filter(Boolean));
      for (const id of ['collect', 'share', 'keep', 'rights', 'cookies', 'flags']) assert.ok(sections.includes(id), `section ${id}`);
      const sensitive = await popup.$$eval('.glance .chip.sensitive', (els) => els.map((e) => e.getAttribute('aria-label')));
      assert.ok(sensitive.some((l) => /Payment card \(sensitive\)/.test(l)), 'payment card stands out, in words too');
      mkdirSync(join(root, 'docs'), { recursive: true });
      await popup.screenshot({ path: join(root, 'docs', `popup-${kind}.png`), clip: { x: 0, y: 0, width: 400, height: 600 } });
      await popup.close();
    });

    test('has no accessibility violations, and works with the keyboard alone', async () => {
      const popup = await openPopup(session.ctx, session.ext, policyTab);
      assert.deepEqual(await axeViolations(popup), []);
      if (kind === 'chromium') {
        // The dark theme follows the system; its colours must pass too.
        await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        assert.deepEqual(await axeViolations(popup), [], 'dark theme');
        await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      }
      const firstSummary = await popup.$eval('#collect details summary', (s) => s.textContent);
      let focused = '';
      for (let i = 0; i < 40 && focused !== firstSummary; i++) {
        await popup.keyboard.press('Tab');
        focused = await popup.evaluate(() => document.activeElement?.textContent ?? '');
      }
      assert.equal(focused, firstSummary, 'Tab reaches the first finding');
      await popup.keyboard.press('Enter');
      assert.equal(await popup.$eval('#collect details', (d) => d.open), true, 'Enter opens it');
      await popup.close();
    });

    test('"Show on page" scrolls the policy to the quote and highlights it', async () => {
      const popup = await openPopup(session.ctx, session.ext, policyTab);
      const summaries = await popup.$$('#keep details summary');
      await summaries[summaries.length - 1].click();
      await popup.click('#keep details[open] button.show');
      await popup.waitForFunction(() => document.querySelector('#keep details[open] button.show')?.textContent === 'Shown on the page', { timeout: 5000 });
      const marked = await policyPage.evaluate(() => {
        const h = globalThis.CSS?.highlights?.get('privlens');
        const range = h ? [...h][0] : window.getSelection()?.rangeCount ? window.getSelection().getRangeAt(0) : null;
        return { text: range?.toString() ?? '', scrolled: window.scrollY };
      });
      assert.match(marked.text, /six years after your account is closed/);
      assert.ok(marked.scrolled > 200, `scrolled to the quote (scrollY ${marked.scrolled})`);
      await popup.close();
    });

    test('a company named deep in a long sentence is quoted around its name and shown on the page', async () => {
      const { page, tabId } = await openTab(session, 'http://longquote.test/privacy/');
      await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const item = await waitFor(async () => {
        for (const d of await popup.$$('#share details')) {
          if ((await d.$eval('summary', (s) => s.textContent)).includes('Matomo')) return d;
        }
        return null;
      }, 5000, 'the Matomo finding');
      await item.$eval('summary', (s) => s.click());
      const quote = await item.$eval('blockquote', (b) => b.textContent);
      assert.match(quote, /^“…/, 'the quote starts inside the sentence');
      assert.match(quote, /Matomo Cloud/, 'the quote shows the name');
      await item.$eval('button.show', (b) => b.click());
      await popup.waitForFunction(() => [...document.querySelectorAll('#share button.show')].some((b) => b.textContent === 'Shown on the page'), { timeout: 5000 });
      const marked = await page.evaluate(() => {
        const h = globalThis.CSS?.highlights?.get('privlens');
        const range = h ? [...h][0] : window.getSelection()?.rangeCount ? window.getSelection().getRangeAt(0) : null;
        return range?.toString() ?? '';
      });
      assert.match(marked, /Matomo Cloud/);
      await popup.close();
    });

    test('another page of the site shows the remembered policy', async () => {
      const url = 'http://pythonanywhere.test/';
      const { tabId } = await openTab(session, url);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const card = await popup.$eval('#site-policy', (e) => e.innerText);
      assert.match(card, /Privacy policy, grade [A-E]/);
      assert.deepEqual(await axeViolations(popup), []);
      await popup.close();
    });

    test("a site's policy is found from its footer link and analysed on request", async () => {
      const url = 'http://shop.test/';
      const { tabId } = await openTab(session, url);
      const popup = await openPopup(session.ctx, session.ext, tabId);
      await popup.click('#analyse-policy');
      const opened = await findPage(session.ctx, /^http:\/\/shop\.test\/legal\/privacy-policy$/);
      assert.ok(opened);
      const policyTabId = await waitFor(() => tabIdOf(session.ext, 'http://shop.test/legal/privacy-policy'), 5000, 'policy tab');
      assert.match(await waitFor(async () => (await badgeText(session.ext, policyTabId)) || null, 20000, 'badge'), /^[A-E]$/);
      await popup.close();
    });

    test('a changed policy says what changed in practice since it was last seen', async () => {
      const url = 'http://pythonanywhere.test/privacy_v2/';
      const { tabId } = await openTab(session, url);
      await waitFor(async () => (await badgeText(session.ext, tabId)) || null, 20000, 'badge');
      const popup = await openPopup(session.ctx, session.ext, tabId);
      const notice = await popup.$eval('#changed', (e) => e.innerText);
      assert.match(notice, /Changed since you last saw it on/);
      assert.match(notice, /New recipients: .*Criteo/);
      await popup.close();
    });

    test('the report copies as Markdown with page text escaped', async () => {
      const markdown = await session.ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'report-markdown', tabId: id }), policyTab);
      assert.match(markdown.markdown, /^# privlens report: /);
      assert.match(markdown.markdown, /\n## Who they share it with\n/);
    });

    test('"Forget everything" in the options forgets remembered sites', async () => {
      const options = await openPopup(session.ctx, session.ext, policyTab).then(async (p) => {
        await p.evaluate(() => chrome.tabs.create({ url: 'options.html' }));
        await p.close();
        return findPage(session.ctx, /options\.html$/);
      });
      await options.click('#forget');
      await options.waitForFunction(() => document.getElementById('forgotten').textContent !== '');
      const remembered = await session.ext.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('site:')));
      assert.deepEqual(remembered, []);
      assert.deepEqual(await axeViolations(options), []);
    });

    test('no network request was made for any of this', () => {
      assert.deepEqual(strayRequests(session.proxy.requests, site), []);
    });
  });
}
