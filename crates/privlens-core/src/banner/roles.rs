//! What a banner button does, from its label (25 languages, `data/button_labels/`) and, when
//! the label says nothing, from its id and class ("onetrust-reject-all-handler").

use std::sync::OnceLock;

use crate::knowledge::BUTTON_LABELS;
use crate::matcher::PhraseMatcher;

pub const ROLES: &[&str] = &["accept", "reject", "settings", "save", "close", "pay", "other"];
const CLOSE_MARKS: &[&str] = &["×", "✕", "x", "X", "✖", "╳"];
/// Id/class words that name a role, checked when the label does not.
const HINTS: &[(&str, &str)] = &[
    ("reject", "reject"), ("decline", "reject"), ("deny", "reject"), ("refuse", "reject"), ("necessary", "reject"),
    ("essential", "reject"), ("accept", "accept"), ("allow", "accept"), ("agree", "accept"), ("consent-yes", "accept"),
    ("preference", "settings"), ("settings", "settings"), ("customi", "settings"), ("manage", "settings"),
    ("options", "settings"), ("save", "save"), ("confirm", "save"), ("close", "close"), ("dismiss", "close"),
];

struct RoleMatcher {
    matcher: PhraseMatcher,
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
pub fn role_of_label(label: &str) -> &'static str {
    let label = label.trim();
    if CLOSE_MARKS.contains(&label) {
        return "close";
    }
    let rm = role_matcher();
    rm.matcher.find_all(label).into_iter().max_by_key(|m| m.end - m.start).map_or("other", |m| ROLES[rm.roles[m.entry]])
}

/// The role from the label, else from the id/class hint.
pub fn role_of(label: &str, hint: &str) -> &'static str {
    match role_of_label(label) {
        "other" => HINTS.iter().find(|(word, _)| hint.contains(word)).map_or("other", |(_, role)| role),
        role => role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_several_languages() {
        for (label, role) in [
            ("Accept all cookies", "accept"), ("Alle akzeptieren", "accept"), ("Tout refuser", "reject"),
            ("Rechazar todo", "reject"), ("Accept only necessary", "reject"), ("Nur notwendige akzeptieren", "reject"),
            ("Cookie settings", "settings"), ("Gestisci preferenze", "settings"), ("Save my choices", "save"),
            ("×", "close"), ("Continuer sans accepter", "reject"), ("Read our privacy policy", "other"),
        ] {
            assert_eq!(role_of_label(label), role, "{label}");
        }
    }

    #[test]
    fn ids_and_classes_tell_when_the_label_does_not() {
        assert_eq!(role_of("", "onetrust-reject-all-handler"), "reject");
        assert_eq!(role_of("➜", "cc-btn cc-allow"), "accept");
        assert_eq!(role_of("Continue", "cmp-decline"), "accept");
    }
}
