// Test pages: made from the seeds and from real pages in ../shared/datasets (read from there,
// never copied into the repository), served under made-up hosts through the test proxy.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = join(root, '..', 'shared');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A seed (Markdown or text dump) as the HTML page it came from: headings, lists, paragraphs. */
export function seedAsHtml(text, title) {
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body.join('\n')}</main></body></html>`;
}

export function seedText(prefix) {
  const dir = join(shared, 'seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(prefix));
  return readFileSync(join(dir, file), 'utf8');
}

/** A real saved non-policy page from the readability corpus. */
export function readabilityPage(name) {
  return readFileSync(join(shared, 'datasets', 'readability-test-pages', 'pages', name, 'source.html'), 'utf8');
}

/** A real 2015 policy page with its site chrome, from OPP-115. */
export function oppPolicyPage(match) {
  const dir = join(shared, 'datasets', 'opp115', 'original_policies');
  const file = readdirSync(dir).find((f) => f.includes(match));
  return readFileSync(join(dir, file), 'utf8');
}

/** Real pages must not load anything themselves: every other request seen is the browser's or ours. */
export const NO_SUBRESOURCES = "default-src 'none'; style-src 'unsafe-inline'";
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
    'http://hostile.test/privacy': {
      body: seedAsHtml(`# Privacy Policy\n\nWe collect your email address <img src=x onerror="document.title='pwned'"> and <script>document.title='pwned'</script> your name when you register.\n\n${seedText('004')}`, 'Privacy Policy'),
      headers: html,
    },
  };
}
