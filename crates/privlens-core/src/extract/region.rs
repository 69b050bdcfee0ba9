//! Finding the policy body among the page's blocks, and cutting it into segments.

use super::{Block, BlockKind};

/// A segment before analysis: its heading and its text (blocks joined by newlines).
#[derive(Debug, Clone, PartialEq)]
pub struct RawSegment {
    pub heading: Option<String>,
    pub text: String,
}

/// Past this many characters a section is cut at the next paragraph.
const SEGMENT_TARGET_CHARS: usize = 700;
const TITLE_WORDS: &[&str] = &[
    "privacy",
    "policy",
    "cookie",
    "cookies",
    "notice",
    "statement",
    "datenschutz",
    "datenschutzerklärung",
    "confidentialité",
    "privacidad",
    "privacy-policy",
    "terms",
    "conditions",
    "data protection",
    "gdpr",
];

/// Running-text blocks a page may show before the policy's title (a cookie notice, a teaser).
const PREAMBLE_BLOCKS: usize = 2;
/// Title words that name a document, not just its subject.
const DOCUMENT_WORDS: &[&str] = &[
    "policy",
    "notice",
    "statement",
    "datenschutz",
    "confidentialité",
    "privacidad",
    "terms",
    "conditions",
    "data protection",
    "gdpr",
];

/// A block that reads like running text, not a menu entry.
fn is_content(b: &Block) -> bool {
    if b.boilerplate || b.link_only || matches!(b.kind, BlockKind::Heading(_)) {
        return false;
    }
    let n = crate::script::words(&b.text);
    n >= 20
        || (n >= 7 && b.text.contains(['.', '!', '?', ';', ':', '。', '।', '؟']))
        || (n >= THAI_CONTENT_WORDS && b.text.contains(crate::script::is_thai))
}

/// Thai puts no stop after a sentence: a Thai line of this many words is running text, while a
/// menu's few items stay below it.
const THAI_CONTENT_WORDS: usize = 12;

fn is_policy_title(b: &Block) -> bool {
    let short = crate::script::words(&b.text) <= 12;
    let lower = b.text.to_lowercase();
    let title_word = TITLE_WORDS.iter().any(|w| lower.contains(w));
    // A plain line stands for a title only when it names a document: "Attn: Privacy Officer" in
    // an address block or a question like "What About Cookies?" names none.
    let title_line = b.kind == BlockKind::Paragraph
        && short
        && !b.text.ends_with(['.', '?'])
        && DOCUMENT_WORDS.iter().any(|w| lower.contains(w));
    let heading = matches!(b.kind, BlockKind::Heading(_)) || title_line;
    heading && short && !b.boilerplate && !b.link_only && title_word
}

/// The range of blocks that holds the policy body.
fn main_region(blocks: &[Block]) -> Option<(usize, usize)> {
    let first_content = blocks.iter().position(is_content)?;
    let last_content = blocks.iter().rposition(is_content)?;
    let half = blocks.len() / 2 + 1;
    // A policy title followed closely by running text starts the body, even when a cookie
    // notice or a menu with a paragraph comes before it.
    // Only a short preamble may be skipped: a "Cookies" heading deep in the policy is no title.
    let titled = (0..half).find(|&i| is_policy_title(&blocks[i]) && blocks[i + 1..].iter().take(4).any(is_content));
    let titled = titled.filter(|&t| blocks[..t].iter().filter(|b| is_content(b)).count() <= PREAMBLE_BLOCKS);
    let start = match titled {
        Some(t) if t <= last_content => t,
        _ => heading_before(blocks, first_content),
    };
    let mut end = last_content;
    loop {
        while end + 1 < blocks.len() && (is_trailing_sentence(&blocks[end + 1]) || is_trailing_item(&blocks[end + 1])) {
            end += 1;
        }
        match contact_block_end(&blocks[end + 1..]) {
            Some(last) => end += last + 1,
            None => break,
        }
    }
    Some((start, end))
}

/// Past the policy's last running text, the lines of a contact block (a company's address,
/// "Email: privacy@…", "Tel: 03-7654321") still belong to it: this many plain lines are
/// looked through for one that gives an e-mail address or a telephone number.
const CONTACT_BLOCK_LINES: usize = 6;

/// The index of the last line with an address or number in the plain lines that open `rest`.
fn contact_block_end(rest: &[Block]) -> Option<usize> {
    let plain = |b: &&Block| !b.boilerplate && !matches!(b.kind, BlockKind::Heading(_)) && (!b.link_only || b.text.contains('@'));
    let gives_contact = |b: &Block| b.text.contains('@') || b.text.chars().filter(char::is_ascii_digit).count() >= 7;
    rest.iter().take(CONTACT_BLOCK_LINES).take_while(plain).enumerate().filter(|(_, b)| gives_contact(b)).map(|(i, _)| i).last()
}

fn heading_before(blocks: &[Block], content: usize) -> usize {
    (content.saturating_sub(3)..content)
        .find(|&i| matches!(blocks[i].kind, BlockKind::Heading(_)) && !blocks[i].boilerplate)
        .unwrap_or(content)
}

fn is_trailing_item(b: &Block) -> bool {
    b.kind == BlockKind::ListItem && !b.boilerplate && !b.link_only
}

fn is_trailing_sentence(b: &Block) -> bool {
    !b.boilerplate && !b.link_only && crate::script::words(&b.text) >= 2 && b.text.trim_end().ends_with(['.', '!', '?', ';', ')'])
}

/// A run of very short plain lines inside the body is a menu the region caught.
fn menu_runs(blocks: &[Block]) -> Vec<bool> {
    // (More than three words split by spaces settles it before the whole text is counted.)
    let short = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && b.text.split_whitespace().nth(3).is_none()
            && crate::script::words(&b.text) <= 3
            && !b.text.contains(['.', ':', '?'])
    };
    let mut drop = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len() && short(&blocks[j]) {
            j += 1;
        }
        if j - i >= 4 {
            drop[i..j].iter_mut().for_each(|d| *d = true);
        }
        i = j.max(i + 1);
    }
    drop
}

/// The policy body as segments, each under its nearest heading, and the range of blocks
/// (inclusive) the body was taken from.
pub fn split_segments(blocks: &[Block]) -> (Vec<RawSegment>, Option<(usize, usize)>) {
    let Some((start, end)) = main_region(blocks) else { return (Vec::new(), None) };
    let body = &blocks[start..=end];
    let menu = menu_runs(body);
    let mut segments: Vec<RawSegment> = Vec::new();
    let mut heading: Option<String> = None;
    let mut current = String::new();
    // Characters in `current`, kept as it grows rather than counted again per paragraph.
    let mut current_chars = 0;
    let flush = |segments: &mut Vec<RawSegment>, heading: &Option<String>, current: &mut String, chars: &mut usize| {
        if !current.trim().is_empty() {
            segments.push(RawSegment { heading: heading.clone(), text: std::mem::take(current) });
        }
        current.clear();
        *chars = 0;
    };
    for (b, in_menu) in body.iter().zip(menu) {
        if b.boilerplate || b.link_only || in_menu {
            continue;
        }
        match b.kind {
            BlockKind::Heading(_) => {
                flush(&mut segments, &heading, &mut current, &mut current_chars);
                heading = Some(b.text.clone());
            }
            kind => {
                let starts_paragraph = kind == BlockKind::Paragraph;
                if starts_paragraph && current_chars >= SEGMENT_TARGET_CHARS {
                    flush(&mut segments, &heading, &mut current, &mut current_chars);
                }
                if !current.is_empty() {
                    current.push('\n');
                    current_chars += 1;
                }
                current.push_str(&b.text);
                current_chars += b.text.chars().count();
            }
        }
    }
    flush(&mut segments, &heading, &mut current, &mut current_chars);
    (segments, Some((start, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t.into())
    }
    fn head(t: &str) -> Block {
        Block::new(BlockKind::Heading(2), t.into())
    }

    #[test]
    fn body_starts_at_policy_title_after_a_cookie_notice() {
        let blocks = vec![
            para("We use cookies to provide social media features and to analyse our traffic here."),
            para("Forums"),
            head("Privacy Policy"),
            para("We collect your name and email address when you register for an account."),
            head("Contact"),
            para("Write to us at privacy@example.com with any question about this policy."),
            para("Home"),
        ];
        let (segs, _) = split_segments(&blocks);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].heading.as_deref(), Some("Privacy Policy"));
        assert!(segs[1].text.starts_with("Write to us"));
    }

    #[test]
    fn an_address_line_is_no_title() {
        let blocks = vec![
            para("This document contains the privacy policy of the LEGO Group."),
            para("Introduction"),
            para("This policy governs any kind of processing of personal data by all business units of the LEGO Group."),
            para("Any question regarding our processing of personal data may be directed to:"),
            para("LEGO SYSTEM A/S"),
            para("Aastvej 1,"),
            para("Attn: Privacy Officer"),
            para("What About Cookies?"),
            para("Generally, the LEGO Group will be guided by the following principles when processing personal data."),
        ];
        let (segs, _) = split_segments(&blocks);
        let all: String = segs.iter().map(|s| s.text.clone()).collect();
        assert!(all.contains("This policy governs") && all.contains("Aastvej 1"), "{segs:?}");
    }

    #[test]
    fn a_section_heading_deep_in_the_text_is_no_title() {
        let mut blocks = vec![para("Last updated September 2024")];
        for n in 0..5 {
            blocks.push(para(&format!("We collect your account information, number {n}, when you register for the website.")));
        }
        blocks.push(head("E. Information Collection Technologies/Cookies"));
        blocks.push(para("We may collect personal data through the use of cookies or other tracking technologies."));
        for n in 0..8 {
            blocks.push(para(&format!("Paragraph {n} of the rest of the policy, which explains what else happens.")));
        }
        let (segs, _) = split_segments(&blocks);
        assert!(segs[0].text.contains("number 0"), "{:?}", segs[0]);
    }

    #[test]
    fn menus_inside_the_body_are_dropped() {
        let mut blocks = vec![head("Privacy"), para("We collect very little data about you, only what we need.")];
        blocks.extend(["About", "Docs", "Blog", "Jobs"].map(para));
        blocks.push(para("We keep server logs for thirty days and then delete them."));
        let (segs, _) = split_segments(&blocks);
        let all: String = segs.iter().map(|s| s.text.clone()).collect();
        assert!(!all.contains("Docs"));
        assert!(all.contains("thirty days"));
    }

    #[test]
    fn text_without_spaces_is_content() {
        let zh = "百度公司非常重视用户信息的保护，在使用百度公司的所有产品和服务前，请您务必仔细阅读并透彻理解本声明。";
        let (segs, _) = split_segments(&[head("隐私政策"), para(zh), para(zh)]);
        assert_eq!(segs.len(), 1);
    }

    #[test]
    fn nothing_readable_gives_no_segments() {
        assert!(split_segments(&[para("Home"), para("About")]).0.is_empty());
    }
}
