//! The knowledge privlens reads policies with: lexicons, known third parties and recipient
//! kinds, all from JSON files under `data/` (see `build.rs`), parsed once per process.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::matcher::{CombinedMatcher, PhraseMatcher};

mod files {
    include!(concat!(env!("OUT_DIR"), "/data_files.rs"));
}
pub use files::{BUTTON_LABELS, CONSENT_PLATFORMS, LANGUAGE_PACKS, THIRD_PARTIES};

/// Ids mapped to the phrases that express them.
pub struct Lexicon {
    pub ids: Vec<String>,
    pub matcher: PhraseMatcher,
}

impl Lexicon {
    pub fn from_json(json: &str) -> Result<Self, String> {
        let map: BTreeMap<String, Vec<String>> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(Self::from_map(&map))
    }

    pub fn from_map(map: &BTreeMap<String, Vec<String>>) -> Self {
        let ids: Vec<String> = map.keys().cloned().collect();
        let matcher = PhraseMatcher::new(
            map.values().enumerate().flat_map(|(i, phrases)| phrases.iter().map(move |p| (i, p.as_str(), false))),
        );
        Lexicon { ids, matcher }
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct KnownParty {
    pub name: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub match_case: bool,
    /// Words (lower-case) that, in a sentence without data moving, show the name stands for
    /// something other than a recipient: the company's technology (Adobe with "flash", Apple
    /// with "idfa") or its role as a certifier (TRUSTe with "seal").
    #[serde(default)]
    pub non_recipient_cues: Vec<String>,
    /// Analytics built to count visits without cookies or any identifier that follows a
    /// visitor (Plausible, Fathom): named by a policy, it tracks no one.
    #[serde(default)]
    pub cookieless: bool,
    /// Filled from the file the entry is in.
    #[serde(skip)]
    pub category: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecipientKind {
    pub id: String,
    pub name: String,
    pub category: String,
    pub phrases: Vec<String>,
}

pub struct Knowledge {
    pub data_types: Lexicon,
    pub purposes: Lexicon,
    pub rights: Lexicon,
    pub laws: Lexicon,
    pub security: Lexicon,
    pub transfer_mechanisms: Lexicon,
    pub regions: Lexicon,
    pub categories: Lexicon,
    pub document_kinds: Lexicon,
    pub parties: Vec<KnownParty>,
    pub party_matcher: PhraseMatcher,
    pub recipients: Vec<RecipientKind>,
    pub recipient_matcher: PhraseMatcher,
    /// The lexicons read sentence by sentence, in one automaton run once per sentence.
    pub sentence_matcher: CombinedMatcher,
}

macro_rules! lexicon {
    ($file:literal) => {
        Lexicon::from_json(include_str!(concat!("../data/lexicon/", $file))).expect(concat!("valid lexicon ", $file))
    };
}

/// Each phrase also capitalised and in capitals where it has letters beyond ASCII: the matcher
/// folds ASCII case only, and a law's name in Russian starts a sentence ("Федеральный закон")
/// or is an abbreviation ("152-ФЗ").
fn with_capitals(mut map: BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    for phrases in map.values_mut() {
        let extra: Vec<String> = phrases
            .iter()
            .filter(|p| p.chars().any(|c| !c.is_ascii() && c.is_lowercase()))
            .flat_map(|p| {
                let mut chars = p.chars();
                let capitalised = chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>());
                [capitalised, Some(p.to_uppercase())]
            })
            .flatten()
            .collect();
        for e in extra {
            if !phrases.contains(&e) {
                phrases.push(e);
            }
        }
    }
    map
}

pub fn load_parties() -> Result<Vec<KnownParty>, String> {
    let mut all = Vec::new();
    for (category, json) in THIRD_PARTIES {
        let mut entries: Vec<KnownParty> = serde_json::from_str(json).map_err(|e| format!("{category}.json: {e}"))?;
        for e in &mut entries {
            e.category = category.to_string();
            if e.aliases.is_empty() {
                e.aliases.push(e.name.clone());
            }
        }
        all.extend(entries);
    }
    Ok(all)
}

pub fn load_recipients() -> Result<Vec<RecipientKind>, String> {
    serde_json::from_str(include_str!("../data/recipients.json")).map_err(|e| format!("recipients.json: {e}"))
}

fn build() -> Knowledge {
    let parties = load_parties().expect("valid third-party files");
    let party_matcher = PhraseMatcher::new(
        parties.iter().enumerate().flat_map(|(i, p)| p.aliases.iter().map(move |a| (i, a.as_str(), p.match_case))),
    );
    let recipients = load_recipients().expect("valid recipients file");
    let recipient_matcher = PhraseMatcher::new(
        recipients.iter().enumerate().flat_map(|(i, r)| r.phrases.iter().map(move |p| (i, p.as_str(), false))),
    );
    let (mut data_types, mut purposes, mut rights) =
        (lexicon!("data_types.json"), lexicon!("purposes.json"), lexicon!("rights.json"));
    let laws_by_case = with_capitals(serde_json::from_str(include_str!("../data/lexicon/laws.json")).expect("valid laws.json"));
    let (mut laws, mut security) = (Lexicon::from_map(&laws_by_case), lexicon!("security.json"));
    let (mut transfer_mechanisms, mut regions) = (lexicon!("transfer_mechanisms.json"), lexicon!("regions.json"));
    let (mut party_matcher, mut recipient_matcher) = (party_matcher, recipient_matcher);
    let sentence_matcher = CombinedMatcher::new(&mut [
        &mut data_types.matcher,
        &mut purposes.matcher,
        &mut rights.matcher,
        &mut laws.matcher,
        &mut security.matcher,
        &mut transfer_mechanisms.matcher,
        &mut regions.matcher,
        &mut party_matcher,
        &mut recipient_matcher,
    ]);
    Knowledge {
        data_types,
        purposes,
        rights,
        laws,
        security,
        transfer_mechanisms,
        regions,
        categories: lexicon!("categories.json"),
        document_kinds: lexicon!("document_kinds.json"),
        parties,
        party_matcher,
        recipients,
        recipient_matcher,
        sentence_matcher,
    }
}

pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const DATA_TYPES: &[&str] = &[
        "name",
        "email",
        "phone",
        "postal_address",
        "username",
        "credentials",
        "payment_card",
        "financial",
        "government_id",
        "date_of_birth",
        "demographics",
        "precise_location",
        "coarse_location",
        "ip_address",
        "device_identifiers",
        "browser_device_info",
        "cookies_tracking",
        "usage_activity",
        "referrer",
        "user_content",
        "communications",
        "contacts",
        "photos_media",
        "audio",
        "health",
        "biometric",
        "social_profile",
        "purchase_history",
        "employment_education",
        "children_data",
        "inferences",
    ];
    const CATEGORIES: &[&str] = &[
        "analytics",
        "advertising",
        "social",
        "payment",
        "hosting_cdn",
        "error_monitoring",
        "email_marketing",
        "support",
        "consent_platform",
        "security",
        "authorities",
        "other",
    ];

    #[test]
    fn lexicon_ids_are_the_report_ids() {
        let k = knowledge();
        let ids: HashSet<&str> = k.data_types.ids.iter().map(String::as_str).collect();
        assert_eq!(ids, DATA_TYPES.iter().copied().collect());
        assert_eq!(k.rights.ids.len(), 12);
        assert_eq!(k.purposes.ids.len(), 9);
        assert_eq!(k.categories.ids.len(), 12);
        for id in ["gdpr", "uk_gdpr", "ccpa", "coppa", "pipeda", "lgpd"] {
            assert!(k.laws.index(id).is_some(), "{id}");
        }
    }

    #[test]
    fn third_party_files_are_valid_and_large_enough() {
        let parties = load_parties().unwrap();
        assert!(parties.len() >= 150, "only {} known third parties", parties.len());
        let mut names = HashSet::new();
        for p in &parties {
            assert!(CATEGORIES.contains(&p.category.as_str()), "{}: category {}", p.name, p.category);
            assert!(names.insert(p.name.to_lowercase()), "duplicate {}", p.name);
            assert!(p.aliases.iter().all(|a| a.trim().len() >= 2), "{}: empty alias", p.name);
            assert!(p.domains.iter().all(|d| d.contains('.') && !d.contains('/')), "{}: bad domain", p.name);
            assert!(
                p.non_recipient_cues.iter().all(|c| !c.is_empty() && c == &c.to_lowercase()),
                "{}: non-recipient cue",
                p.name
            );
            assert!(!p.cookieless || p.category == "analytics", "{}: only analytics can be cookieless", p.name);
        }
    }

    #[test]
    fn recipient_kinds_are_valid() {
        let rec = load_recipients().unwrap();
        assert!(rec.len() >= 10);
        for r in rec {
            assert!(CATEGORIES.contains(&r.category.as_str()), "{}", r.id);
            assert!(!r.phrases.is_empty() && r.phrases.iter().all(|p| p == &p.to_lowercase()), "{}", r.id);
        }
    }
}
