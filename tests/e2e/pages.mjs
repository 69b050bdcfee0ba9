// Test pages: made from the seeds and from real pages in ../shared/datasets (read from there,
// never copied into the repository), served under made-up hosts through the test proxy.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = join(root, '..', 'shared');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A seed (Markdown or text dump) as the HTML page it came from: headings, lists, paragraphs. */
export function seedAsHtml(text, title, head = '') {
  const body = [];
  let list = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[*-]\s+(.*)$/.exec(line);
    if (!item && list) {
      body.push('</ul>');
      list = false;
    }
    if (!line) continue;
    const inline = (s) => escapeHtml(s).replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '<a href="$2">$1</a>').replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
    if (heading) body.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    else if (item) {
      if (!list) body.push('<ul>');
      list = true;
      body.push(`<li>${inline(item[1])}</li>`);
    } else body.push(`<p>${inline(line)}</p>`);
  }
  if (list) body.push('</ul>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head><body><main>${body.join('\n')}</main></body></html>`;
}

export function seedText(prefix) {
  const dir = join(shared, 'seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(prefix));
  return readFileSync(join(dir, file), 'utf8');
}

/** A real saved non-policy page from the readability corpus, without what makes the browser
 * reach out on the page's behalf even under a blocking CSP (Chromium's preload scanner opens
 * connections for resource hints, external scripts and frames), so that every request the
 * proxy sees could only be the extension's. */
export function readabilityPage(name) {
  const html = readFileSync(join(shared, 'datasets', 'readability-test-pages', 'pages', name, 'source.html'), 'utf8');
  return html
    .replace(/<link[^>]+rel=["']?(preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload)[^>]*>/gi, '')
    .replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '')
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, '');
}

/** A real 2015 policy page with its site chrome, from OPP-115. */
export function oppPolicyPage(match) {
  const dir = join(shared, 'datasets', 'opp115', 'original_policies');
  const file = readdirSync(dir).find((f) => f.includes(match));
  return readFileSync(join(dir, file), 'utf8');
}

/** Real pages must not load anything themselves: every other request seen is the browser's or ours. */
export const NO_SUBRESOURCES = "default-src 'none'; style-src 'unsafe-inline'";
const TRACKER_SCRIPTS = ['https://www.googletagmanager.com/gtag/js?id=G-TEST', 'https://connect.facebook.net/en_US/fbevents.js']
  .map((src) => `<script async src="${src}"></script>`)
  .join('');
export const STRICT_CSP = "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'";

export function fixtureSite() {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  return {
    'http://pythonanywhere.test/privacy/': { body: seedAsHtml(seedText('000'), 'Privacy and cookies policy | PythonAnywhere'), headers: html },
    'http://strict.test/privacy-policy': {
      body: seedAsHtml(seedText('004'), 'Privacy Policy - Python Playground'),
      headers: { ...html, 'content-security-policy': STRICT_CSP },
    },
    'http://news.test/article': { body: readabilityPage('aclu'), headers: { ...html, 'content-security-policy': NO_SUBRESOURCES } },
    'http://docs.test/page': { body: readabilityPage('wikipedia'), headers: { ...html, 'content-security-policy': NO_SUBRESOURCES } },
    'http://opp.test/privacy': { body: oppPolicyPage('ted.com'), headers: { ...html, 'content-security-policy': NO_SUBRESOURCES } },
    'http://tracked.test/privacy': {
      // The page loads nothing (its CSP forbids scripts); its markup still says what it would load.
      body: seedAsHtml(seedText('004'), 'Privacy Policy', TRACKER_SCRIPTS),
      headers: { ...html, 'content-security-policy': STRICT_CSP },
    },
    'http://beispiel.test/datenschutz': {
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Datenschutzerklärung</title></head><body><main>
<h1>Datenschutzerklärung</h1>${'<p>Wir erheben personenbezogene Daten wie Ihre IP-Adresse und verwenden Cookies. Sie haben das Recht auf Auskunft und Löschung Ihrer personenbezogenen Daten nach der DSGVO. Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte. Kontakt: datenschutz@beispiel.test.</p>'.repeat(8)}</main></body></html>`,
      headers: html,
    },
    'http://rei.test/company/kojinjoho': {
      body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>プライバシーポリシー</title></head><body><main>
<h1>プライバシーポリシー</h1>${'<p>当社は、お客様の個人情報（氏名、メールアドレス、IPアドレス）を収集し、サービスの提供のために利用します。個人情報の開示、訂正、削除をご請求いただけます。</p>'.repeat(8)}</main></body></html>`,
      headers: html,
    },
    'http://dukkan.test/privacy': {
      body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>سياسة الخصوصية</title></head><body><main>
<h1>سياسة الخصوصية</h1>${'<p>نجمع بياناتك الشخصية مثل الاسم والبريد الإلكتروني وعنوان IP لتقديم الخدمة. يحق لك طلب الوصول إلى بياناتك الشخصية وتصحيحها وحذفها. لا نبيع بياناتك الشخصية إلى أي طرف ثالث.</p>'.repeat(8)}</main></body></html>`,
      headers: html,
    },
    'http://sawasdee.test/nayobai': {
      body: `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>นโยบายความเป็นส่วนตัว</title></head><body><main>
<h1>นโยบายความเป็นส่วนตัว</h1>
<p>บริษัทเก็บรวบรวมข้อมูลส่วนบุคคลของท่าน เช่น ชื่อ อีเมล และหมายเลขไอพี เพื่อให้บริการและปรับปรุงบริการของเรา</p>
<p>ท่านมีสิทธิขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคลของท่าน ขอแก้ไขข้อมูลให้ถูกต้อง และขอให้ลบหรือทำลายข้อมูลส่วนบุคคลของท่านได้</p>
<p>บริษัทจะไม่ขายข้อมูลส่วนบุคคลของท่านให้แก่บุคคลภายนอก</p></main></body></html>`,
      headers: html,
    },
    'http://selam.test/privacy': {
      body: `<!doctype html><html lang="am"><head><meta charset="utf-8"><title>Privacy Policy</title></head><body><main>
<h1>Privacy Policy</h1>${'<p>ኩባንያው አገልግሎቱን ለመስጠት እና ለማሻሻል የእርስዎን የግል መረጃ እንደ ስም፣ ኢሜይል እና IP አድራሻ ይሰበስባል። This privacy policy. መረጃዎን የማግኘት፣ የማስተካከል ወይም የማጥፋት መብት አለዎት።</p>'.repeat(8)}</main></body></html>`,
      headers: html,
    },
    'http://hostile.test/privacy': {
      body: seedAsHtml(`# Privacy Policy\n\nWe collect your email address <img src=x onerror="document.title='pwned'"> and <script>document.title='pwned'</script> your name when you register.\n\n${seedText('004')}`, 'Privacy Policy'),
      headers: html,
    },
  };
}

const ARTICLE = '<h1>Ten ways to enjoy autumn</h1>' + '<p>Walk in the park, gather leaves, bake bread and read a good book by the window while the rain falls.</p>'.repeat(12);

function page(title, body, script = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>.cookie-bar{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:1px solid #ccc;padding:16px;z-index:9999}
.cookie-bar button{padding:12px 24px;margin:4px}.cookie-bar a{font-size:11px}</style></head>
<body>${ARTICLE}${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const ONETRUST = `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="cookie-bar" role="region" aria-label="Cookie banner">
<p id="onetrust-policy-text">We and our partners use cookies to personalise content and ads and to analyse our traffic. By continuing to browse you accept our use of cookies.</p>
<button id="onetrust-pc-btn-handler">Cookie Settings</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div></div>`;

const LATE_BANNER = `<div class="cookie-bar cookie-consent"><p>This website uses cookies to improve your experience. You can accept all cookies or refuse the ones that are not necessary.</p><button id="accept">Accept all</button><button id="reject">Reject all</button></div>`;

/** Pages with cookie banners, made as their platforms and sites render them. */
export function bannerSite() {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  return {
    'http://banner.test/onetrust': { body: page('Autumn ideas', ONETRUST, 'window.__tcfapi = function () {};'), headers: html },
    'http://late.test/article': {
      body: page('Autumn ideas', '', `setTimeout(() => document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(LATE_BANNER)}), 2000);`),
      headers: html,
    },
    'http://shadow.test/article': {
      body: page('Autumn ideas', '<div id="usercentrics-root"></div>', `const root = document.getElementById('usercentrics-root').attachShadow({ mode: 'open' });
root.innerHTML = ${JSON.stringify('<div class="cookie-bar" role="dialog" aria-label="Privacy settings"><p>We use cookies and similar technologies with your consent to measure and improve our service.</p><button>Deny</button><button>Accept All</button><button>More Information</button></div>')};`),
      headers: html,
    },
    // A real news page (its DOM as saved) with a OneTrust banner in it: the cost of the first
    // DOM pass on a typical page.
    'http://typical.test/article': {
      body: readabilityPage('nytimes-1').replace(/<\/body>/i, `${ONETRUST}</body>`),
      headers: { ...html, 'content-security-policy': NO_SUBRESOURCES },
    },
    // A policy page with a banner over it: both findings must survive, whichever comes first.
    'http://banner.test/privacy': {
      body: seedAsHtml(seedText('004'), 'Privacy Policy').replace('</body>', `${ONETRUST}</body>`),
      headers: html,
    },
    'http://plain.test/article': { body: page('Autumn ideas', '<footer><a href="/cookies">Cookie settings</a></footer>'), headers: html },
  };
}

/** Over 320 characters, with the company named after the first 300. */
export const LONG_SENTENCE =
  'To understand how visitors find and use the tutorials, the exercises, the forum threads, the search page, the sign-up form, ' +
  'the pricing page, the newsletter archive and every other part of this website, and to decide which of them to improve first ' +
  'when we plan the work of the coming months, we send a record of each page view to Matomo Cloud, which counts them for us.';

/** A small shop site: home page with a footer link to its policy, the policy, and a later
 * version of the PythonAnywhere policy that names a new recipient and drops a right. */
export function siteMemorySite() {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const seed = seedText('000');
  const changed = seed
    .replace('4.1 Information which you upload', '4.0 We share your browsing history with Criteo for targeted advertising.\n\n4.1 Information which you upload')
    .replace(/to rectify it if there are mistakes, /, '');
  const home = (name, policyPath) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>${ARTICLE}
<footer><a href="/about">About</a> · <a href="${policyPath}">Privacy Policy</a> · <a href="/terms">Terms</a></footer></body></html>`;
  return {
    ...fixtureSite(),
    'http://pythonanywhere.test/': { body: home('PythonAnywhere', '/privacy/'), headers: html },
    'http://pythonanywhere.test/privacy_v2/': { body: seedAsHtml(changed, 'Privacy and cookies policy | PythonAnywhere'), headers: html },
    'http://shop.test/': { body: home('Shop', '/legal/privacy-policy'), headers: html },
    'http://shop.test/legal/privacy-policy': { body: seedAsHtml(seedText('004'), 'Privacy Policy'), headers: html },
    // Seed 004 with one long sentence that names a company near its end: the popup quotes the
    // stretch around the name, and "Show on page" must still find it.
    'http://longquote.test/privacy/': { body: seedAsHtml(seedText('004').replace('\n1. Introduction\n', `\n1. Introduction\n${LONG_SENTENCE}\n`), 'Privacy Policy'), headers: html },
  };
}
