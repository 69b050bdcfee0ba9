//! Reading elements that may be consent banners while the HTML is read: their text, buttons
//! and checkboxes, for the banner analysis to choose from.

use super::html::{BANNER_FRAGMENTS, collect_markers};
use super::tag::Tag;
use super::{BannerCandidate, RawButton, decode_entities, normalize_space};

/// Class/id fragments that make an element worth a look as a consent banner (filtered later
/// by what it says); broader than BANNER_FRAGMENTS, which hides text from the policy body.
const CANDIDATE_FRAGMENTS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "cmp",
    "sp_message",
    "iubenda",
    "klaro",
    "axeptio",
    "privacy-banner",
    "privacy-notice",
    "tarteaucitron",
    "orejime",
    "termly",
];
const MAX_CANDIDATES: usize = 64;
/// Text beyond this many characters: a page section, not a banner.
const MAX_BANNER_CHARS: usize = 5000;
const MAX_CANDIDATE_MARKERS: usize = 300;
/// Buttons kept per candidate: a banner has a handful; thousands make a page section, and
/// copying each into every enclosing candidate would grow without bound on hostile markup.
const MAX_CANDIDATE_BUTTONS: usize = 40;

/// Banner candidates being read: (candidate index, stack depth of its element).
#[derive(Default)]
pub(super) struct Banners {
    pub(super) found: Vec<BannerCandidate>,
    open: Vec<(usize, usize)>,
    /// The button being read: (stack depth, button, its text so far).
    button: Option<(usize, RawButton, String)>,
}

impl Banners {
    pub(super) fn text(&mut self, chunk: &str) {
        for (i, _) in &self.open {
            let c = &mut self.found[*i];
            if c.text.len() + chunk.len() > MAX_BANNER_CHARS {
                c.oversized = true;
            } else {
                c.text.push_str(chunk);
            }
        }
        if let Some((_, _, text)) = &mut self.button {
            text.push_str(chunk);
        }
    }

    pub(super) fn markers(&mut self, tag: &Tag) {
        for (i, _) in &self.open {
            let c = &mut self.found[*i];
            if c.markers.len() < MAX_CANDIDATE_MARKERS {
                collect_markers(tag, &mut c.markers);
            }
        }
    }

    pub(super) fn add_button(&mut self, button: RawButton) {
        for (i, _) in &self.open {
            let buttons = &mut self.found[*i].buttons;
            if buttons.len() < MAX_CANDIDATE_BUTTONS {
                buttons.push(button.clone());
            }
        }
    }

    /// Elements closed down to `depth`: finish the button and candidates opened deeper.
    pub(super) fn close_to(&mut self, depth: usize) {
        if self.button.as_ref().is_some_and(|(d, _, _)| *d >= depth) {
            let (_, mut button, text) = self.button.take().unwrap();
            let label = normalize_space(&decode_entities(&text));
            if !label.is_empty() {
                button.label = label;
            }
            if !button.label.is_empty() {
                self.add_button(button);
            }
        }
        self.open.retain(|(_, d)| *d < depth);
    }

    /// An element opened at stack depth `depth`: maybe a new candidate, maybe a button.
    pub(super) fn element_opened(&mut self, tag: &Tag, depth: usize, hidden: bool) {
        if !hidden && self.found.len() < MAX_CANDIDATES && is_banner_candidate(tag) {
            self.found.push(BannerCandidate::default());
            self.open.push((self.found.len() - 1, depth));
            self.markers(tag);
        }
        if self.inside() && self.button.is_none() && is_button(tag) {
            let label = tag.attr("aria-label").unwrap_or("").trim().to_string();
            let button = RawButton { label, tag: tag.name.clone(), hint: hint_of(tag) };
            self.button = Some((depth, button, String::new()));
        }
    }

    pub(super) fn inside(&self) -> bool {
        !self.open.is_empty()
    }
}

fn is_banner_candidate(tag: &Tag) -> bool {
    let names = format!("{} {}", tag.attr("id").unwrap_or(""), tag.attr("class").unwrap_or("")).to_ascii_lowercase();
    let label = tag.attr("aria-label").unwrap_or("").to_ascii_lowercase();
    if is_button(tag) || matches!(tag.name.as_str(), "span" | "label" | "strong" | "b" | "em" | "i") {
        return false;
    }
    tag.name == "dialog"
        || tag.attr("role").is_some_and(|r| matches!(r.trim(), "dialog" | "alertdialog"))
        || tag.attr("aria-modal") == Some("true")
        || CANDIDATE_FRAGMENTS.iter().any(|f| names.contains(f) || label.contains(f))
        || BANNER_FRAGMENTS.iter().any(|f| names.contains(f))
        || crate::banner::is_platform_element(tag.attr("id"), tag.attr("class"))
}

fn is_button(tag: &Tag) -> bool {
    tag.name == "button" || tag.name == "a" || tag.attr("role") == Some("button")
}

/// Id, class or value words of a radio button that stands for consent, and words that turn
/// it into a refusal ("marketing-optin-no", "disallow").
const CONSENTING_RADIO: &[&str] = &["optin", "accept", "agree", "allow", "yes"];
const REFUSING_RADIO: &[&str] = &["no", "out", "optout", "false", "0", "disallow", "deny", "decline", "reject"];

/// A radio button ticked for consent before the reader chose ("Yes, I agree" selected in an
/// opt-in prompt): a pre-ticked choice. One ticked for "no" is not.
fn ticked_for_consent(tag: &Tag) -> bool {
    let names = format!("{} {}", hint_of(tag), tag.attr("value").unwrap_or("").to_ascii_lowercase()).replace("opt-in", "optin");
    let words: Vec<&str> = names.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let says = |list: &[&str]| words.iter().any(|w| list.contains(w) || list.iter().any(|l| l.len() > 3 && w.ends_with(l)));
    tag.attr("checked").is_some() && tag.attr("disabled").is_none() && says(CONSENTING_RADIO) && !says(REFUSING_RADIO)
}

fn hint_of(tag: &Tag) -> String {
    format!("{} {}", tag.attr("id").unwrap_or(""), tag.attr("class").unwrap_or("")).trim().to_ascii_lowercase()
}

/// Void controls inside a banner: input buttons and checkboxes.
pub(super) fn read_controls(tag: &Tag, banners: &mut Banners) {
    if tag.name != "input" && tag.attr("role") != Some("switch") && tag.attr("role") != Some("checkbox") {
        return;
    }
    let kind = tag.attr("type").unwrap_or("").to_ascii_lowercase();
    if matches!(kind.as_str(), "button" | "submit") {
        let label = tag.attr("value").or(tag.attr("aria-label")).unwrap_or("").trim().to_string();
        banners.add_button(RawButton { label, tag: "input".to_string(), hint: hint_of(tag) });
    } else if kind == "radio" {
        if ticked_for_consent(tag) {
            for (i, _) in &banners.open {
                banners.found[*i].checkboxes.push((true, false));
            }
        }
    } else if kind == "checkbox" || tag.attr("role").is_some() {
        let checked = tag.attr("checked").is_some() || tag.attr("aria-checked") == Some("true");
        let disabled = tag.attr("disabled").is_some() || tag.attr("aria-disabled") == Some("true");
        for (i, _) in &banners.open {
            banners.found[*i].checkboxes.push((checked, disabled));
        }
    }
}
