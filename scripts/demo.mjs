// The main job, shown without a display: load the built extension in headless Chromium, open
// a bundled demo policy page (seed 000, PythonAnywhere's privacy policy), wait for the badge,
// open the popup, save a screenshot of it and print what it says.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSite, root } from '../tests/e2e/pages.mjs';
import { badgeText, extensionPage, launch, openPage, openPopup, startProxy, tabIdOf, waitFor } from '../tests/e2e/harness.mjs';

const browserKind = process.argv[2] ?? 'chromium';
const url = 'http://pythonanywhere.test/privacy/';
const site = fixtureSite();
const proxy = await startProxy(site);
const ctx = await launch(browserKind, proxy.port);
try {
  const ext = await extensionPage(ctx);
  await openPage(ctx, url);
  const tabId = await waitFor(() => tabIdOf(ext, url), 5000, 'the demo tab');
  const badge = await waitFor(async () => (await badgeText(ext, tabId)) || null, 20000, 'the badge');
  const popup = await openPopup(ctx, ext, tabId);
  const outDir = join(root, 'dist', 'demo');
  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, `popup-${browserKind}.png`);
  // What a user sees when the popup opens: its first 600 pixels.
  await popup.screenshot({ path: shot, clip: { x: 0, y: 0, width: 400, height: 600 } });
  const text = await popup.$eval('main', (e) => e.innerText);
  console.log(`privlens demo in ${browserKind}: ${url}`);
  console.log(`badge: ${badge}`);
  console.log(`popup screenshot: ${shot}\n`);
  console.log(text);
} finally {
  await ctx.browser.close();
  await proxy.close();
}
