//! Cookie and consent notices found in a page's own text or markup (static HTML, Markdown or
//! text dumps). Live-page detection in the browser adds what only a rendered page knows.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::extract::{Block, BlockKind};
use crate::knowledge::{BUTTON_LABELS, CONSENT_PLATFORMS};
use crate::matcher::PhraseMatcher;
use crate::report::{Button, CookieBanner, Platform};
use crate::sentences::contains_phrase;

/// A notice in running text must speak of cookies (the word is the same in most languages).
const COOKIE_WORDS: &[&str] = &["cookie", "tracking technolog", "traceurs"];
const NOTICE_CUES: &[&str] = &["we use", "this site uses", "this website uses", "uses cookies", "use cookies", "accept", "agree", "consent", "continu", "by using", "by clicking", "wir verwenden", "nous utilisons", "utilizamos", "utilizziamo", "we gebruiken", "analyse our traffic", "improve your experience", "best experience"];
const IMPLIED: &[&str] = &["by continuing", "by using this", "by using our", "if you continue", "continue to use", "continued use", "by browsing", "by scrolling", "by clicking any link", "weitere nutzung", "en poursuivant"];
/// A notice is short; a page section about cookies is not a banner.
const MAX_NOTICE_WORDS: usize = 150;
const MAX_BUTTON_WORDS: usize = 6;
const ROLES: &[&str] = &["accept", "reject", "settings", "save", "close", "other"];

#[derive(Debug, Deserialize)]
pub struct PlatformDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub element_ids: Vec<String>,
    #[serde(default)]
    pub classes: Vec<String>,
    #[serde(default)]
    pub class_prefixes: Vec<String>,
    #[serde(default)]
    pub script_hosts: Vec<String>,
}

pub fn platforms() -> &'static [PlatformDef] {
    static P: OnceLock<Vec<PlatformDef>> = OnceLock::new();
    P.get_or_init(|| CONSENT_PLATFORMS.iter().map(|(name, json)| serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}.json: {e}"))).collect())
}

struct RoleMatcher {
    matcher: PhraseMatcher,
    /// Role index per entry.
    roles: Vec<usize>,
}

fn role_matcher() -> &'static RoleMatcher {
    static R: OnceLock<RoleMatcher> = OnceLock::new();
    R.get_or_init(|| {
        let mut phrases: Vec<(usize, String)> = Vec::new();
        for (lang, json) in BUTTON_LABELS {
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).unwrap_or_else(|e| panic!("{lang}.json: {e}"));
            for (r, role) in ROLES.iter().enumerate() {
                for p in map.get(*role).and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()) {
                    phrases.push((r, p.to_string()));
                }
            }
        }
        let roles = phrases.iter().map(|(r, _)| *r).collect();
        let matcher = PhraseMatcher::new(phrases.iter().enumerate().map(|(i, (_, p))| (i, p.as_str(), false)));
        RoleMatcher { matcher, roles }
    })
}

/// The role of a button from its label: the role of the longest known phrase in it.
pub fn button_role(label: &str) -> &'static str {
    let label = label.trim();
    if matches!(label, "×" | "✕" | "x" | "X" | "✖") {
        return "close";
    }
    let rm = role_matcher();
    rm.matcher
        .find_all(label)
        .into_iter()
        .max_by_key(|m| m.end - m.start)
        .map_or("other", |m| ROLES[rm.roles[m.entry]])
}

fn is_notice(b: &Block) -> bool {
    let words = b.text.split_whitespace().count();
    (4..=MAX_NOTICE_WORDS).contains(&words) && contains_phrase(&b.text, COOKIE_WORDS) && contains_phrase(&b.text, NOTICE_CUES)
}

fn detect_platform(markers: &[String]) -> Option<Platform> {
    platforms().iter().find_map(|p| {
        let hit = markers.iter().any(|m| {
            if let Some(id) = m.strip_prefix('#') {
                p.element_ids.iter().any(|e| e == id)
            } else if let Some(class) = m.strip_prefix('.') {
                p.classes.iter().any(|c| c == class) || p.class_prefixes.iter().any(|c| class.starts_with(c.as_str()))
            } else if let Some(src) = m.strip_prefix("src:") {
                p.script_hosts.iter().any(|h| src.contains(h.as_str()))
            } else {
                false
            }
        });
        hit.then(|| Platform { id: p.id.clone(), name: p.name.clone() })
    })
}

/// `outside_body(i)`: block `i` is not part of the policy's body (a notice inside the body
/// is the policy talking about cookies, not a banner).
pub fn detect(blocks: &[Block], markers: &[String], outside_body: impl Fn(usize) -> bool) -> CookieBanner {
    let platform = detect_platform(markers);
    let notice = (0..blocks.len()).find(|&i| (outside_body(i) || blocks[i].boilerplate) && is_notice(&blocks[i]));
    let Some(at) = notice else {
        return CookieBanner { present: platform.is_some(), platform, ..CookieBanner::default() };
    };
    let text = blocks[at].text.clone();
    let buttons: Vec<Button> = nearby_buttons(blocks, at);
    let has = |role: &str| buttons.iter().any(|b| b.role == role);
    let mut flags = Vec::new();
    if !has("reject") {
        flags.push("no_reject_first_layer".to_string());
    }
    if contains_phrase(&text, IMPLIED) || (!has("accept") && !has("reject")) {
        flags.push("implied_consent".to_string());
    }
    CookieBanner { present: true, platform, tcf: false, text: Some(text), buttons, flags }
}

fn nearby_buttons(blocks: &[Block], at: usize) -> Vec<Button> {
    let from = at.saturating_sub(3);
    let to = (at + 6).min(blocks.len());
    (from..to)
        .filter(|&i| i != at)
        .map(|i| &blocks[i])
        .filter(|b| b.kind != BlockKind::Heading(1) && b.text.split_whitespace().count() <= MAX_BUTTON_WORDS)
        .filter_map(|b| {
            let role = button_role(&b.text);
            (role != "other").then(|| Button { role: role.to_string(), label: b.text.clone() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t.into())
    }

    #[test]
    fn a_notice_with_only_a_close_cross_implies_consent() {
        let blocks = vec![p("×"), p("We use cookies to provide social media features and to analyse our traffic."), p("Policy body")];
        let b = detect(&blocks, &[], |i| i < 2);
        assert!(b.present);
        assert_eq!(b.buttons.len(), 1);
        assert_eq!(b.buttons[0].role, "close");
        assert_eq!(b.flags, vec!["no_reject_first_layer", "implied_consent"]);
    }

    #[test]
    fn cookie_talk_inside_the_policy_body_is_no_banner() {
        let blocks = vec![p("We use cookies to remember your preferences and analyse traffic on our site.")];
        assert!(!detect(&blocks, &[], |_| false).present);
    }
}
