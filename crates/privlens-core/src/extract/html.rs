//! A small, forgiving HTML reader: enough to pull readable blocks out of any page, broken
//! markup included, without a DOM. Script, style and hidden elements are skipped; navigation,
//! headers, footers and consent banners are kept but marked as boilerplate.

use super::banner_candidates::{Banners, read_controls};
use super::tag::{Tag, find_close, parse_tag, skip_past_close};
use super::{Block, BlockKind, Extracted, decode_entities, normalize_space};

const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "select"];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "hr",
    "body",
    "caption",
    "details",
    "summary",
    "button",
    "label",
    "dialog",
];
const BOILERPLATE_TAGS: &[&str] = &["nav", "footer", "aside", "header", "dialog"];
const BOILERPLATE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"];
/// Whole class/id words that mark page chrome.
const CHROME_WORDS: &[&str] =
    &["nav", "navbar", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "masthead", "toolbar", "skip"];
/// Class/id fragments that mark consent banners (and make their text boilerplate), so none may
/// be part of an ordinary word: not a bare "cmp-" (layout systems use it for every component:
/// "ls-cmp-wrap", Adobe's "cmp-text"), "cky-" ("sticky-wrapper") or "truste" ("trusted-shops").
pub(super) const BANNER_FRAGMENTS: &[&str] = &[
    "cookie-banner",
    "cookie-notice",
    "cookie-consent",
    "cookiebanner",
    "cookienotice",
    "cookieconsent",
    "cookie-bar",
    "cookiebar",
    "consent-banner",
    "cc-window",
    "cc-banner",
    "onetrust",
    "cybotcookiebot",
    "cookie-law",
    "gdpr-banner",
    "cmpbox",
    "didomi",
    "qc-cmp",
    "usercentrics",
    "truste-",
    "truste_",
    "osano",
    "cky-consent",
    "cky-modal",
    "cky-overlay",
    "cky-preference",
    "cookie-popup",
    "cookie-modal",
    "cookie_banner",
    "cookie_notice",
    "cookie-disclaimer",
    "eu-cookie",
];
const MAX_MARKERS: usize = 4000;
/// The main region must hold at least this share of the page's words to rule.
const MIN_MAIN_SHARE: f64 = 0.25;

#[derive(Debug)]
/// An open element. The flags hold for everything inside it (each is its parent's or its own),
/// so the innermost element answers for the whole stack: deeply nested or unclosed markup costs
/// no walk down the stack.
struct Open {
    name: String,
    boilerplate: bool,
    hidden: bool,
    main: bool,
    in_link: bool,
    /// The address of a `mailto:` link, written after its text when the text does not show it.
    mailto: Option<String>,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    block_is_main: Vec<bool>,
    text: String,
    link_chars: usize,
    kind: Option<BlockKind>,
    boilerplate: bool,
    main: bool,
}

impl Builder {
    fn flush(&mut self) {
        let text = normalize_space(&decode_entities(&self.text));
        if !text.is_empty() {
            let mut block = Block::new(self.kind.unwrap_or(BlockKind::Paragraph), text);
            let total = normalize_space(&self.text).chars().count().max(1);
            block.link_only = self.link_chars * 10 >= total * 9;
            block.boilerplate = self.boilerplate;
            self.blocks.push(block);
            self.block_is_main.push(self.main);
        }
        self.text.clear();
        self.link_chars = 0;
        self.kind = None;
    }
}

pub fn extract_html(input: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut b = Builder::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut saw_main = false;
    let mut banners = Banners::default();
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = input[i..].find('<').map_or(input.len(), |p| i + p);
            let hidden = stack.last().is_some_and(|o| o.hidden);
            if !hidden {
                let chunk = &input[i..next];
                if stack.last().is_some_and(|o| o.in_link) {
                    b.link_chars += normalize_space(chunk).chars().count();
                }
                b.text.push_str(chunk);
                if banners.inside() {
                    banners.text(chunk);
                }
            }
            i = next;
            continue;
        }
        let rest = &input[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |p| p + 1);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            b.text.push('<');
            i += 1;
            continue;
        };
        i += tag.len;
        if tag.closing {
            close_tag(&mut stack, &mut b, &tag.name);
            banners.close_to(stack.len() + 1);
            continue;
        }
        if tag.name == "html" {
            out.lang = tag.attr("lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
            continue;
        }
        if tag.name == "title" {
            let end = find_close(input, i, "title");
            let title = normalize_space(&decode_entities(&input[i..end]));
            if out.title.is_none() && !title.is_empty() {
                out.title = Some(title);
            }
            i = skip_past_close(input, end, "title");
            continue;
        }
        collect_markers(&tag, &mut out.markers);
        if banners.inside() {
            banners.markers(&tag);
            read_controls(&tag, &mut banners);
        }
        if SKIPPED.contains(&tag.name.as_str()) {
            if !tag.self_closing {
                let end = find_close(input, i, &tag.name);
                i = skip_past_close(input, end, &tag.name);
            }
            continue;
        }
        if is_cell(&tag.name) && stack.last().is_some_and(|o| o.name == "tr") {
            // The cells of a table row read as one line ("WeChat SDK | Tencent | login,
            // sharing | device identifiers"): a cell alone is a fragment that names no practice.
            b.text.push_str(CELL_SEPARATOR);
        } else if BLOCKS.contains(&tag.name.as_str()) {
            b.flush();
        }
        if VOID.contains(&tag.name.as_str()) || tag.self_closing {
            if tag.name == "img" {
                // Alt text of images is not policy text; skip it.
            }
            continue;
        }
        let parent_boiler = stack.last().is_some_and(|o| o.boilerplate);
        let parent_hidden = stack.last().is_some_and(|o| o.hidden);
        let parent_main = stack.last().is_some_and(|o| o.main);
        let main = parent_main || tag.name == "main" || tag.name == "article" || tag.attr("role") == Some("main");
        saw_main |= main;
        // The page's own main region is content, whatever wraps it (themes often put <main>
        // inside a mislabelled "page-wrapper menu-open" container).
        let is_main_region = tag.name == "main" || tag.attr("role") == Some("main");
        let open = Open {
            boilerplate: !is_main_region && (parent_boiler || is_boilerplate(&tag, &stack)),
            hidden: parent_hidden || is_hidden(&tag),
            main,
            in_link: stack.last().is_some_and(|o| o.in_link) || tag.name == "a",
            mailto: (tag.name == "a")
                .then(|| tag.attr("href"))
                .flatten()
                .and_then(|h| super::text::mailto_address(&decode_entities(h))),
            name: tag.name.clone(),
        };
        b.boilerplate = open.boilerplate;
        b.main = open.main;
        if let Some(kind) = block_kind(&tag.name) {
            b.kind = Some(kind);
        }
        let hidden = open.hidden;
        stack.push(open);
        banners.element_opened(&tag, stack.len(), hidden);
    }
    b.flush();
    banners.close_to(0);
    out.banners = banners.found;
    // The page's main region rules only when it holds a real share of the text: a teaser
    // <article>, a cart widget or an empty <article> must not wipe out the policy.
    if saw_main && main_share(&b.blocks, &b.block_is_main) >= MIN_MAIN_SHARE {
        for (block, in_main) in b.blocks.iter_mut().zip(&b.block_is_main) {
            block.boilerplate |= !in_main;
        }
    }
    out.blocks = b.blocks;
    out
}

/// Share of the page's words inside <main>, <article> or role=main.
fn main_share(blocks: &[Block], in_main: &[bool]) -> f64 {
    let words = |b: &Block| b.text.split_whitespace().count();
    let total: usize = blocks.iter().map(words).sum();
    let main: usize = blocks.iter().zip(in_main).filter(|(_, m)| **m).map(|(b, _)| words(b)).sum();
    main as f64 / total.max(1) as f64
}

fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading(name.as_bytes()[1] - b'0')),
        "li" | "dt" | "dd" => Some(BlockKind::ListItem),
        _ => None,
    }
}

/// What stands between the cells of a table row in its line.
const CELL_SEPARATOR: &str = " | ";

fn is_cell(name: &str) -> bool {
    name == "td" || name == "th"
}

fn close_tag(stack: &mut Vec<Open>, b: &mut Builder, name: &str) {
    if BLOCKS.contains(&name) && !is_cell(name) {
        b.flush();
    }
    // A close tag matches one of the innermost elements or none: a stray "</div>" under
    // thousands of unclosed tags is not looked for all the way down.
    let reach = stack.len().saturating_sub(CLOSE_REACH);
    if let Some(pos) = stack[reach..].iter().rposition(|o| o.name == name) {
        for closed in &stack[reach + pos..] {
            if let Some(address) = closed.mailto.as_ref().filter(|a| !closed.hidden && !b.text.contains(a.as_str())) {
                b.text.push_str(&format!(" ({address})"));
            }
        }
        stack.truncate(reach + pos);
    }
    b.boilerplate = stack.last().is_some_and(|o| o.boilerplate);
    b.main = stack.last().is_some_and(|o| o.main);
}

/// How many of the innermost open elements a close tag may close.
const CLOSE_REACH: usize = 256;

fn is_boilerplate(tag: &Tag, stack: &[Open]) -> bool {
    let inside_content = stack.last().is_some_and(|o| o.main);
    if BOILERPLATE_TAGS.contains(&tag.name.as_str()) && !(tag.name == "header" && inside_content) {
        return true;
    }
    if tag.attr("role").is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim())) {
        return true;
    }
    if matches!(tag.name.as_str(), "body" | "html") {
        return false;
    }
    let names = format!("{} {}", tag.attr("id").unwrap_or(""), tag.attr("class").unwrap_or("")).to_ascii_lowercase();
    names.split(char::is_whitespace).any(is_chrome_word) || BANNER_FRAGMENTS.iter().any(|f| names.contains(f))
}

/// "nav", "site-footer", "menu-main" are page chrome; layout names that merely contain such a
/// word ("panel-two-col-sidebar-right-mix", "no-sidebars") are not.
fn is_chrome_word(word: &str) -> bool {
    let mut parts = word.split(['-', '_']).filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or("");
    let last = parts.next_back().unwrap_or(first);
    !word.contains("content") && (CHROME_WORDS.contains(&first) || CHROME_WORDS.contains(&last))
}

fn is_hidden(tag: &Tag) -> bool {
    if tag.attr("hidden").is_some() || tag.attr("aria-hidden") == Some("true") {
        return true;
    }
    tag.attr("style").is_some_and(|s| {
        let s: String = s.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

pub(super) fn collect_markers(tag: &Tag, markers: &mut Vec<String>) {
    if markers.len() >= MAX_MARKERS {
        return;
    }
    if let Some(id) = tag.attr("id") {
        markers.push(format!("#{id}"));
    }
    if let Some(class) = tag.attr("class") {
        markers.extend(class.split_whitespace().take(8).map(|c| format!(".{c}")));
    }
    if matches!(tag.name.as_str(), "script" | "iframe")
        && let Some(src) = tag.attr("src")
    {
        markers.push(format!("src:{src}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(BlockKind, String, bool)> {
        extract_html(html).blocks.into_iter().map(|b| (b.kind, b.text, b.boilerplate)).collect()
    }

    #[test]
    fn reads_headings_paragraphs_and_lists() {
        let got =
            texts("<h2>What we collect</h2><p>We collect your <b>email</b> address.</p><ul><li>Name</li><li>Phone</li></ul>");
        assert_eq!(got[0], (BlockKind::Heading(2), "What we collect".into(), false));
        assert_eq!(got[1].1, "We collect your email address.");
        assert_eq!(got[2], (BlockKind::ListItem, "Name".into(), false));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn skips_scripts_styles_and_hidden_text() {
        let got = texts(
            "<p>Visible</p><script>var a = '<p>no</p>';</script><style>p{}</style><p hidden>secret</p><div style='display: none'>gone</div>",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "Visible");
    }

    #[test]
    fn marks_navigation_and_banners_as_boilerplate() {
        let got = texts(
            "<nav><a href=/>Home</a></nav><div id='onetrust-banner-sdk'><p>We use cookies</p></div><p>Policy text here.</p>",
        );
        assert!(got[0].2 && got[1].2);
        assert!(!got[2].2);
    }

    #[test]
    fn a_teaser_article_does_not_hide_the_page() {
        let policy = "<p>We collect your email address and share it with our payment processor.</p>".repeat(20);
        let got = texts(&format!("<article><p>Buy now</p></article><div>{policy}</div>"));
        assert!(got.iter().filter(|b| b.1.starts_with("We collect")).all(|b| !b.2));
        let got = texts(&format!("<nav><p>Menu</p></nav><article>{policy}</article><div><p>Related links here</p></div>"));
        assert!(got.iter().find(|b| b.1.starts_with("Related")).unwrap().2, "outside a real article is chrome");
    }

    #[test]
    fn br_separates_lines_and_title_lang_are_read() {
        let ex =
            extract_html("<html lang='de'><head><title>Datenschutz &amp; Cookies</title></head><body>eins<br>zwei</body></html>");
        assert_eq!(ex.title.as_deref(), Some("Datenschutz & Cookies"));
        assert_eq!(ex.lang.as_deref(), Some("de"));
        assert_eq!(ex.blocks.len(), 2);
    }

    #[test]
    fn reads_banner_candidates_with_their_buttons_and_checkboxes() {
        let ex = extract_html(concat!(
            "<p>Article</p><div id='onetrust-banner-sdk'><p>We use cookies.</p>",
            "<button id='onetrust-accept-btn-handler'>Accept all</button><a href='#' class='reject'>Reject</a>",
            "<input type='checkbox' checked><input type='checkbox' checked disabled><input type='submit' value='Save'></div>"
        ));
        assert_eq!(ex.banners.len(), 1);
        let c = &ex.banners[0];
        assert!(c.text.contains("We use cookies."));
        let labels: Vec<(&str, &str)> = c.buttons.iter().map(|b| (b.label.as_str(), b.tag.as_str())).collect();
        assert_eq!(labels, vec![("Accept all", "button"), ("Reject", "a"), ("Save", "input")]);
        assert_eq!(c.buttons[0].hint, "onetrust-accept-btn-handler");
        assert_eq!(c.checkboxes, vec![(true, false), (true, true)]);
        assert!(c.markers.contains(&"#onetrust-banner-sdk".to_string()));
    }

    #[test]
    fn a_radio_ticked_for_consent_is_a_preticked_choice_and_one_ticked_for_no_is_not() {
        let ticked = |radios: &str| {
            extract_html(&format!("<div class='cookie-prompt'><p>Cookies?</p>{radios}</div>")).banners[0].checkboxes.clone()
        };
        assert_eq!(
            ticked("<input type='radio' id='pref_optin' checked><input type='radio' id='pref_optout'>"),
            vec![(true, false)]
        );
        assert!(ticked("<input type='radio' id='pref_optin'><input type='radio' id='pref_optout' checked>").is_empty());
        assert!(ticked("<input type='radio' value='accept' checked disabled>").is_empty());
        assert!(ticked("<input type='radio' id='disallow' checked>").is_empty());
        assert!(ticked("<input type='radio' id='marketing-optin-no' checked>").is_empty());
        assert_eq!(ticked("<input type='radio' name='consent' value='yes' checked>"), vec![(true, false)]);
    }

    #[test]
    fn survives_broken_markup() {
        let got = texts("<p>unclosed <b>bold <p>after</p> 3 < 4 and < not a tag <");
        assert!(got.iter().any(|b| b.1.contains("unclosed bold")));
        assert!(got.iter().any(|b| b.1.contains("< not a tag <")));
    }

    #[test]
    fn mailto_links_show_their_address() {
        let ex = extract_html(
            "<p>Questions? <a href='mailto:privacy@example.com?subject=Hi'>Email our privacy team</a>.</p><p><a href='mailto:a@b.c'>a@b.c</a></p>",
        );
        let texts: Vec<&str> = ex.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Questions? Email our privacy team (privacy@example.com).", "a@b.c"]);
    }
}
