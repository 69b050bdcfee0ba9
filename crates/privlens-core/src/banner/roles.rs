//! What a banner button does, from its label (25 languages, `data/button_labels/`) and, when
//! the label says nothing, from its id and class ("onetrust-reject-all-handler").
//!
//! A language file lists phrases per role (the longest phrase found in a label decides;
//! `=phrase` counts only as the whole label: "Consent" accepts, "Manage consent" does not) and
//! word stems (`stems`) for labels no phrase knows: `akzept*`, `einstell*`, and the words for
//! "necessary" (`restrict`) and "only" (`only`) that make "Nur notwendige zulassen" a refusal,
//! and for "selected" (`selection`) that make "Auswahl erlauben" a saved choice.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::knowledge::BUTTON_LABELS;
use crate::matcher::PhraseMatcher;
use crate::script::{is_hangul, is_unspaced};

/// What a label can say: the roles, and "info" ("Learn more", "Mehr erfahren"), which opens the
/// banner's details or its policy. Both labelled corpora (and the platforms' own second layers)
/// treat it as the way to the settings, so it is reported as `settings`; the flags still know
/// it offers no choice of its own.
const KINDS: &[&str] = &["accept", "reject", "settings", "save", "close", "pay", "info", "other"];
const ACCEPT: usize = 0;
const REJECT: usize = 1;
const SETTINGS: usize = 2;
const SAVE: usize = 3;
const CLOSE: usize = 4;
const INFO: usize = 6;
const OTHER: usize = 7;
/// Stem kinds beyond the roles: "necessary"-type words and "only"-type words.
const RESTRICT: usize = 100;
const ONLY: usize = 101;
const SELECTION: usize = 102;
/// Longer texts are descriptions (a cookie category's blurb), not button labels.
const MAX_LABEL_WORDS: usize = 12;
/// When two phrases of equal length match, the one that decides consent wins.
const PRIORITY: &[usize] = &[3, 0, 2, 1, 6, 4, 5, 7];
const CLOSE_MARKS: &[&str] = &["×", "✕", "x", "X", "✖", "╳"];
/// Words that undo a following "necessary" ("non-essential", "nicht notwendige") or "accept"
/// ("do not accept", "ne pas accepter", "nie akceptuję").
const NEGATIONS: &[&str] = &[
    "non",
    "not",
    "nicht",
    "no",
    "nem",
    "ne",
    "un",
    "nie",
    "don't",
    "pas",
    "não",
    "niet",
    "ikke",
    "inte",
    "ei",
    "nu",
    "ne mogu",
    "ไม่",
    "غیر",
    "mhux",
    "ní",
    "ná",
];
/// Id/class words that name a role, checked when the label does not.
const HINTS: &[(&str, &str)] = &[
    ("reject", "reject"),
    ("decline", "reject"),
    ("deny", "reject"),
    ("refuse", "reject"),
    ("necessary", "reject"),
    ("essential", "reject"),
    ("accept", "accept"),
    ("allow", "accept"),
    ("agree", "accept"),
    ("consent-yes", "accept"),
    ("preference", "settings"),
    ("settings", "settings"),
    ("customi", "settings"),
    ("manage", "settings"),
    ("options", "settings"),
    ("save", "save"),
    ("confirm", "save"),
    ("close", "close"),
    ("dismiss", "close"),
];

struct RoleMatcher {
    /// Phrase -> kind, looked up for every stretch of whole words of a label.
    phrases: HashMap<String, usize>,
    /// Phrases that count only as the whole label.
    whole: HashMap<String, usize>,
    stems: PhraseMatcher,
    stem_kinds: Vec<usize>,
}

/// Each label file, parsed, in file order.
fn label_files() -> impl Iterator<Item = (&'static str, serde_json::Map<String, serde_json::Value>)> {
    BUTTON_LABELS.iter().map(|(lang, json)| (*lang, serde_json::from_str(json).unwrap_or_else(|e| panic!("{lang}.json: {e}"))))
}

/// A file's phrases of one kind, normalised.
fn phrases_of(map: &serde_json::Map<String, serde_json::Value>, kind: &str) -> Vec<String> {
    map.get(kind).map(normalized).unwrap_or_default()
}

/// The strings of a JSON list, normalised.
fn normalized(list: &serde_json::Value) -> Vec<String> {
    list.as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(normalize).collect()
}

fn role_matcher() -> &'static RoleMatcher {
    static R: OnceLock<RoleMatcher> = OnceLock::new();
    R.get_or_init(|| {
        let (mut phrases, mut whole, mut stems) = (HashMap::new(), HashMap::new(), Vec::new());
        for (lang, map) in label_files() {
            for (k, kind) in KINDS.iter().enumerate() {
                for p in phrases_of(&map, kind) {
                    match p.strip_prefix('=') {
                        Some(w) => {
                            whole.insert(w.to_string(), k);
                        }
                        None => {
                            phrases.entry(p).or_insert(k);
                        }
                    }
                }
            }
            for (kind, list) in map.get("stems").and_then(|v| v.as_object()).into_iter().flatten() {
                let k = match kind.as_str() {
                    "restrict" => RESTRICT,
                    "only" => ONLY,
                    "selection" => SELECTION,
                    _ => KINDS.iter().position(|x| x == kind).unwrap_or_else(|| panic!("{lang}.json: stems.{kind}")),
                };
                stems.extend(normalized(list).into_iter().map(|p| (k, p)));
            }
        }
        RoleMatcher {
            phrases,
            whole,
            stems: PhraseMatcher::new(stems.iter().enumerate().map(|(i, (_, p))| (i, p.as_str(), false))),
            stem_kinds: stems.iter().map(|(k, _)| *k).collect(),
        }
    })
}

/// Every phrase with its kind, as characters, for near matches of misspelt labels: built only
/// when a label matches no phrase at all, which most pages never show.
fn near_phrases() -> &'static [(usize, Vec<char>)] {
    static NEAR: OnceLock<Vec<(usize, Vec<char>)>> = OnceLock::new();
    NEAR.get_or_init(|| {
        let mut near = Vec::new();
        for (_, map) in label_files() {
            for (k, kind) in KINDS.iter().enumerate() {
                for p in phrases_of(&map, kind) {
                    near.push((k, p.strip_prefix('=').unwrap_or(&p).chars().collect()));
                }
            }
        }
        near
    })
}

/// Lower case (all scripts, not only ASCII), one kind of apostrophe, single spaces.
fn normalize(label: &str) -> String {
    if is_normal(label) {
        return label.to_string();
    }
    let lower = label.to_lowercase().replace(['\u{2019}', '\u{2018}', '`', '\u{b4}'], "'");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `normalize` would leave `label` as it is (the label files are written that way).
fn is_normal(label: &str) -> bool {
    let mut prev_space = true;
    for c in label.chars() {
        let mut lower = c.to_lowercase();
        let space = c.is_whitespace();
        if (space && (c != ' ' || prev_space)) || matches!(c, '\u{2019}' | '\u{2018}' | '`' | '\u{b4}') {
            return false;
        }
        if lower.next() != Some(c) || lower.next().is_some() {
            return false;
        }
        prev_space = space;
    }
    !prev_space || label.is_empty()
}

/// A phrase found in a label: kind, byte range.
#[derive(Clone, Copy)]
struct Found {
    kind: usize,
    start: usize,
    end: usize,
}

/// Every known phrase that covers whole words of the label, those inside a longer one left
/// out ("accept necessary" is a refusal, not an acceptance too). Exact lookups of every
/// stretch, so a longer phrase that fails at a word's end ("manage your consent" in "manage
/// your consents") does not hide a shorter one ("manage").
fn phrases_in(label: &str) -> Vec<Found> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    // Two characters of one word: Chinese and Japanese characters are each a word of their own.
    let joined = |a: char, b: char| word(a) && word(b) && !is_unspaced(a) && !is_unspaced(b);
    let chars: Vec<(usize, char)> = label.char_indices().collect();
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next_at = chars.get(i + 1).map_or(label.len(), |n| n.0);
        let next = chars.get(i + 1).map(|n| n.1);
        if !c.is_whitespace() && prev.is_none_or(|p| !joined(p, c)) {
            starts.push(at);
        }
        if !c.is_whitespace() && next.is_none_or(|n| !joined(c, n)) {
            ends.push(next_at);
        }
    }
    let rm = role_matcher();
    let mut found = Vec::new();
    for &s in &starts {
        for &e in ends.iter().filter(|&&e| e > s) {
            if let Some(&kind) = rm.phrases.get(&label[s..e]) {
                found.push(Found { kind, start: s, end: e });
            }
        }
    }
    let inside = |a: &Found, b: &Found| b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
    found.iter().filter(|a| !found.iter().any(|b| inside(a, b))).copied().collect()
}

/// Edit distance between `a` and `b`, or None when it exceeds `max`.
fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        prev = cur;
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// The kind of a label: the kind of the longest known phrase in it (the deciding one on a
/// tie), or the refusal or saved choice a moving-on phrase follows. "Close" and filler ("click
/// here") give way to a phrase that decides consent ("I agree, dismiss this banner", "click
/// here to agree"), and so do pointers away from the banner ("see our cookie policy for full
/// details", "cookie settings in Google Chrome"), which are no way to the settings, but a label
/// that starts with "close" closes whatever it names ("Close cookie settings"). "Learn more"
/// counts when little follows it ("Learn more about our cookies" is a policy link). An
/// accepting label limited to the necessary refuses ("Only accept technically necessary
/// cookies"), one limited to a selection saves ("Accetta selezionati"), and saving settings is
/// saving ("Einstellungen speichern"). Nothing known: the word stems, then a phrase one or two
/// typing errors away from the whole label. Over a dozen words, or a question: not a button.
fn kind_of_label(label: &str) -> usize {
    let label = normalize(label);
    let words = crate::script::words(&label);
    if CLOSE_MARKS.contains(&label.as_str()) {
        return CLOSE;
    }
    // A description, or a question ("What if I don't consent?" opens an FAQ entry).
    if words > MAX_LABEL_WORDS || label.ends_with('?') {
        return OTHER;
    }
    // "Powered by Usercentrics Consent Management Platform": the banner's maker, not a choice.
    if label.starts_with("powered by") {
        return OTHER;
    }
    let rm = role_matcher();
    let bare = label.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(&k) = rm.whole.get(bare) {
        return k;
    }
    let matches = phrases_in(&label);
    // Chinese, Japanese and Korean name the topic before "learn more" ("쿠키에 대해 자세히
    // 알아보기"): there, only a bare "learn more" opens the settings.
    let topic_first = label.chars().any(|c| is_unspaced(c) || is_hangul(c));
    let info_fits = |start: usize, end: usize| {
        let phrase_words = label[start..end].split_whitespace().count();
        let nothing_before = label[..start].trim().is_empty();
        crate::script::words(&label[end..]) <= 1 && (nothing_before || (phrase_words > 1 && !topic_first))
    };
    let found: Vec<(usize, usize)> =
        matches.iter().filter(|m| m.kind != INFO || info_fits(m.start, m.end)).map(|m| (m.kind, m.end - m.start)).collect();
    let longest = |keep: &dyn Fn(usize) -> bool| {
        found.iter().filter(|(k, _)| keep(*k)).max_by_key(|(k, len)| (*len, std::cmp::Reverse(PRIORITY[*k]))).map(|(k, _)| *k)
    };
    let decisive = longest(&|k| matches!(k, ACCEPT | REJECT | SAVE));
    let starts_with_close = matches.iter().filter(|m| m.start == 0).max_by_key(|m| m.end).is_some_and(|m| m.kind == CLOSE);
    let kind = match longest(&|_| true) {
        _ if starts_with_close => decisive.unwrap_or(CLOSE),
        Some(CLOSE) => decisive.unwrap_or(CLOSE),
        Some(OTHER) if points_away(&label, &matches) => decisive.unwrap_or(OTHER),
        Some(OTHER) => decisive.or_else(|| longest(&|k| k == SETTINGS)).unwrap_or(OTHER),
        Some(k) => k,
        None if matches.is_empty() => {
            return stem_match(&label).unwrap_or_else(|| {
                near_match(&label.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace() || *c == '\'').collect::<String>())
            });
        }
        None => OTHER,
    };
    let stems = stem_kinds(&label);
    let accept_negated =
        matches.iter().filter(|m| m.kind == ACCEPT).max_by_key(|m| m.end - m.start).is_some_and(|m| negated(&label[..m.start]));
    match kind {
        ACCEPT if accept_negated || stems.contains(&RESTRICT) => REJECT,
        ACCEPT if let Some(k) = refused_then_moving_on(&label, &matches) => k,
        ACCEPT if stems.contains(&SELECTION) => SAVE,
        SETTINGS | INFO if found.iter().any(|(k, _)| *k == SAVE) || stems.contains(&SAVE) => SAVE,
        _ => kind,
    }
}

/// "Decline and continue", "Valider et continuer": a refusal or a saved choice that comes
/// before an accepting phrase which only moves on (it holds no word of accepting: "No worries,
/// accept all" accepts) decides.
fn refused_then_moving_on(label: &str, matches: &[Found]) -> Option<usize> {
    let rm = role_matcher();
    let accepts = |m: &Found| rm.stems.find_all(&label[m.start..m.end]).iter().any(|s| rm.stem_kinds[s.entry] == ACCEPT);
    if matches.iter().any(|m| m.kind == ACCEPT && accepts(m)) {
        return None;
    }
    matches
        .iter()
        .filter(|m| matches!(m.kind, ACCEPT | REJECT | SAVE))
        .min_by_key(|m| m.start)
        .map(|m| m.kind)
        .filter(|k| *k != ACCEPT)
}

/// Words of an "other" phrase that lead away from the banner: the policy, a page, a browser's
/// help, an opt-out tool, a cookie category ("see our cookie policy for full details", "cookie
/// settings in Google Chrome"). Such a label is no way to the settings, whatever else it says.
const POINTS_AWAY: &[&str] = &[
    "policy",
    "notice",
    "statement",
    "page",
    "chrome",
    "explorer",
    "firefox",
    "safari",
    "edge",
    "opera",
    "manager",
    "plugin",
    "how to manage",
    "personali",
];

fn points_away(label: &str, matches: &[Found]) -> bool {
    matches
        .iter()
        .filter(|m| m.kind == OTHER)
        .max_by_key(|m| m.end - m.start)
        .is_some_and(|m| POINTS_AWAY.iter().any(|w| label[m.start..m.end].contains(w)))
}

/// The stem kinds in a label, a negated "necessary" left out.
fn stem_kinds(label: &str) -> Vec<usize> {
    let rm = role_matcher();
    rm.stems
        .find_all(label)
        .into_iter()
        .filter(|m| !(rm.stem_kinds[m.entry] == RESTRICT && negated(&label[..m.start])))
        .map(|m| rm.stem_kinds[m.entry])
        .collect()
}

/// A label no phrase knows, by its word stems: "necessary" with "accept" or "only" refuses
/// ("Nur technisch notwendige zulassen"; alone it names a cookie category); else the deciding
/// stem first (reject, save, settings, accept, close).
fn stem_match(label: &str) -> Option<usize> {
    let kinds = stem_kinds(label);
    let has = |k: usize| kinds.contains(&k);
    if has(RESTRICT) && (has(ACCEPT) || has(REJECT) || has(ONLY)) {
        return Some(REJECT);
    }
    kinds.into_iter().filter(|&k| k < KINDS.len()).min_by_key(|&k| PRIORITY[k])
}

/// The words before end in a negation ("non-", "nicht").
fn negated(before: &str) -> bool {
    let before = before.trim_end_matches(['-', ' ']);
    NEGATIONS
        .iter()
        .any(|n| before.ends_with(n) && before[..before.len() - n.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// A misspelt or cut-off label ("managae cookies", "only neccesary"): the closest phrase
/// within one edit (two for long labels), first letter right; short labels must match exactly.
fn near_match(label: &str) -> usize {
    let chars: Vec<char> = label.trim().chars().collect();
    let max = match chars.len() {
        0..=6 => return OTHER,
        7..=14 => 1,
        _ => 2,
    };
    near_phrases()
        .iter()
        .filter(|(_, p)| p.len() > 4 && p.first() == chars.first())
        .filter_map(|(k, p)| within(&chars, p, max).map(|d| (d, std::cmp::Reverse(p.len()), PRIORITY[*k], *k)))
        .min()
        .map_or(OTHER, |(.., k)| k)
}

/// The role of a button from its label.
pub fn role_of_label(label: &str) -> &'static str {
    match kind_of_label(label) {
        INFO => "settings",
        k => KINDS[k],
    }
}

/// The label only offers more information ("Learn more"): no choice of its own.
pub fn is_info_label(label: &str) -> bool {
    kind_of_label(label) == INFO
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
            ("Accept all cookies", "accept"),
            ("Alle akzeptieren", "accept"),
            ("Tout refuser", "reject"),
            ("Rechazar todo", "reject"),
            ("Accept only necessary", "reject"),
            ("Nur notwendige akzeptieren", "reject"),
            ("Cookie settings", "settings"),
            ("Gestisci preferenze", "settings"),
            ("Save my choices", "save"),
            ("×", "close"),
            ("Continuer sans accepter", "reject"),
            ("Read our privacy policy", "other"),
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

    #[test]
    fn info_labels_lead_to_settings_but_policy_links_do_not() {
        assert_eq!(role_of_label("Learn more"), "settings");
        assert!(is_info_label("Mehr erfahren"));
        assert!(!is_info_label("Manage cookies"));
        assert_eq!(role_of_label("Learn more about our cookie policy"), "other");
        // Pointers away from the banner: the policy, a browser's help page, an opt-out tool,
        // a cookie category's name.
        for label in [
            "See our cookie policy for full details",
            "Cookie settings in Google Chrome",
            "Google advertising preferences manager",
            "Our cookies and how to manage them",
            "Personalization",
        ] {
            assert_eq!(role_of_label(label), "other", "{label}");
        }
        // Other phrases inside a settings label leave it a way to the settings.
        for label in ["Data protection settings", "Manage cookie consent", "Cookie consent options"] {
            assert_eq!(role_of_label(label), "settings", "{label}");
        }
        assert_eq!(role_of_label("What if I don't consent?"), "other");
    }

    #[test]
    fn a_refusal_before_moving_on_refuses_but_not_before_accepting() {
        for (label, role) in [
            ("Decline and continue", "reject"),
            ("Refuser et continuer", "reject"),
            ("Valider et continuer", "save"),
            ("No worries, accept all", "accept"),
            ("Confirm and accept all", "accept"),
            ("Accept all or reject", "accept"),
            ("Continue", "accept"),
        ] {
            assert_eq!(role_of_label(label), role, "{label}");
        }
    }

    #[test]
    fn negation_necessity_and_selection_change_an_accepting_verb() {
        for (label, role) in [
            ("Do not allow", "reject"),
            ("Only accept technically necessary cookies", "reject"),
            ("Accept non-essential cookies", "accept"),
            ("Nur technisch notwendige zulassen", "reject"),
            ("Accetta selezionati", "save"),
            ("Einstellungen speichern", "save"),
            ("I agree, dismiss this banner", "accept"),
            ("Close cookie settings", "close"),
            ("Manage your consents", "settings"),
            ("Consent", "accept"),
            ("Don't show this message again", "other"),
        ] {
            assert_eq!(role_of_label(label), role, "{label}");
        }
    }

    #[test]
    fn unknown_wording_falls_back_to_stems_and_near_spellings() {
        for (label, role) in [
            ("Akzeptieren Sie alles", "accept"),
            ("Refusing cookies", "reject"),
            ("Préférences de confidentialité", "settings"),
            ("Managae cookies", "settings"),
            ("Only neccesary", "reject"),
            ("Only necesary", "reject"),
            ("Datenschutzeinstellunge", "settings"),
            ("Player", "other"),
        ] {
            assert_eq!(role_of_label(label), role, "{label}");
        }
    }
}
