//! Turning a page (HTML, Markdown or plain text) into clean blocks of text, then into the
//! policy's segments. Real pages are noisy; everything here is about keeping the policy body
//! and leaving menus, footers, banners and archive toolbars out.

mod banner_candidates;
mod entities;
mod html;
mod region;
mod tag;
mod text;

pub use html::extract_html;
pub use region::{RawSegment, split_segments};

/// What kind of text a block holds. Headings carry their level (1 = top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Inside navigation, header, footer, aside or a consent banner's markup.
    pub boilerplate: bool,
    /// Only links (a menu entry, a link list); never policy content.
    pub link_only: bool,
}

impl Block {
    pub fn new(kind: BlockKind, text: String) -> Self {
        Block { kind, text, boilerplate: false, link_only: false }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

/// A page read into blocks, with what the page says about itself.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub blocks: Vec<Block>,
    /// Raw attribute and id/class markers seen (for consent-platform detection).
    pub markers: Vec<String>,
    /// Elements that may be a consent banner, outermost first (HTML only).
    pub banners: Vec<BannerCandidate>,
}

/// An element whose markup says it may be a consent banner or dialog, with what it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BannerCandidate {
    /// `#id` and `.class` markers of the element and everything inside it.
    pub markers: Vec<String>,
    pub text: String,
    /// More text than any banner holds: a page section, not a banner.
    pub oversized: bool,
    pub buttons: Vec<RawButton>,
    /// Checkboxes and switches inside: (checked, disabled).
    pub checkboxes: Vec<(bool, bool)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawButton {
    pub label: String,
    /// The element's tag: `button`, `a`, `input`, or the tag carrying role=button.
    pub tag: String,
    /// Its id and class, lower-cased: "onetrust-accept-btn-handler" tells a role too.
    pub hint: String,
}

/// Guess the format from the content itself.
pub fn sniff_format(input: &str) -> Format {
    let head: String = input.chars().take(4096).collect::<String>().to_ascii_lowercase();
    let tags = ["<html", "<!doctype html", "<body", "<div", "<p>", "<p ", "<h1", "<head"];
    if tags.iter().any(|t| head.contains(t)) {
        return Format::Html;
    }
    let markdown_cues = input
        .lines()
        .take(400)
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("# ") || l.starts_with("## ") || l.contains("](") || l.starts_with("**")
        })
        .count();
    if markdown_cues >= 2 { Format::Markdown } else { Format::Text }
}

pub fn extract(input: &str, format: Format) -> Extracted {
    match format {
        Format::Html => html::extract_html(input),
        Format::Markdown => text::extract_lines(input, true),
        Format::Text => text::extract_lines(input, false),
    }
}

/// Collapse runs of whitespace to one space and trim.
pub fn normalize_space(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii_space(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The same for ASCII text, a byte at a time: most lines of an English page.
fn normalize_ascii_space(s: &str) -> String {
    let is_space = |b: u8| b.is_ascii_whitespace() || b == 0x0b;
    // Most lines need nothing done: single spaces between words, none at either end.
    let bytes = s.as_bytes();
    let mut clean = !bytes.first().is_some_and(|b| is_space(*b)) && !bytes.last().is_some_and(|b| is_space(*b));
    let mut prev = b'x';
    for &b in bytes {
        clean &= !(is_space(b) && (b != b' ' || prev == b' '));
        prev = b;
    }
    if clean {
        return s.to_string();
    }
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut pending_space = false;
    for &b in s.as_bytes() {
        if b.is_ascii_whitespace() || b == 0x0b {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.push(b);
        }
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

pub use entities::decode_entities;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space_and_ends_are_trimmed() {
        for (text, want) in [
            ("one two three", "one two three"),
            ("one  two", "one two"),
            (" one two", "one two"),
            ("one two ", "one two"),
            ("one\ttwo", "one two"),
            ("one\u{b}two", "one two"),
            ("one \n two", "one two"),
            ("über  straße", "über straße"),
            ("", ""),
            ("   ", ""),
        ] {
            assert_eq!(normalize_space(text), want, "{text:?}");
        }
    }
}
