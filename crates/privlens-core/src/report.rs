//! The report a scan produces. Field names and ids follow `spec/REPORT.md`; the popup,
//! the command-line tool and the tests all read this one shape.

use serde::{Deserialize, Serialize};

/// Where a finding comes from: the quote, and its place in the extracted text.
/// `start`/`end` are character (Unicode scalar) offsets inside segment `segment`'s text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub url: Option<String>,
    pub title: Option<String>,
    pub language: String,
    /// The language whose words the practices were read with: `en` (the full reader) or the
    /// tag of a language pack; none when privlens cannot read the page's language.
    #[serde(default)]
    pub read_with: Option<String>,
    pub document: DocumentInfo,
    pub segments: Vec<Segment>,
    pub practices: Practices,
    pub signals: Vec<Signal>,
    pub grade: Grade,
    pub cookie_banner: CookieBanner,
    /// Third-party scripts and frames the page loads (live pages and saved HTML).
    #[serde(default)]
    pub trackers: Trackers,
    /// One line a person can read first: what this page is and whether to worry.
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    PrivacyPolicy,
    CookiePolicy,
    TermsOfService,
    Other,
}

impl DocumentKind {
    pub fn id(self) -> &'static str {
        match self {
            DocumentKind::PrivacyPolicy => "privacy_policy",
            DocumentKind::CookiePolicy => "cookie_policy",
            DocumentKind::TermsOfService => "terms_of_service",
            DocumentKind::Other => "other",
        }
    }

    pub fn is_policy(self) -> bool {
        matches!(self, DocumentKind::PrivacyPolicy | DocumentKind::CookiePolicy)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub kind: DocumentKind,
    pub is_policy: bool,
    pub confidence: f64,
    pub reasons: Vec<String>,
    pub effective_date: Option<String>,
    pub last_updated: Option<String>,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub grade_level: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Segment {
    pub heading: Option<String>,
    /// The segment's text (the extension drops it from stored reports; evidence keeps quotes).
    #[serde(default)]
    pub text: String,
    pub categories: Vec<String>,
    pub scores: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Practices {
    pub data_collected: Vec<Finding>,
    pub purposes: Vec<Finding>,
    pub third_parties: Vec<ThirdParty>,
    pub retention: Vec<Retention>,
    pub rights: Vec<Finding>,
    pub laws: Vec<Finding>,
    pub children: Option<Children>,
    pub international_transfer: Transfer,
    pub security_measures: Vec<Finding>,
    pub contacts: Vec<Contact>,
    pub changes: Changes,
}

/// A practice identified by an id from REPORT.md, with every place that supports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThirdParty {
    pub name: String,
    pub category: String,
    pub generic: bool,
    /// Set for generic recipients: the recipient kind id (e.g. `law_enforcement`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Retention {
    pub days: Option<u32>,
    pub indefinite: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Children {
    pub min_age: Option<u32>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Transfer {
    pub regions: Vec<String>,
    pub mechanisms: Vec<Finding>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contact {
    /// `email`, `dpo`, `postal_address`, `web_form`
    pub kind: String,
    pub value: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Changes {
    pub notice: Vec<String>,
    pub continued_use_is_acceptance: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Good,
    Bad,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Signal {
    pub id: String,
    pub direction: Direction,
    pub severity: u8,
    pub explanation: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grade {
    /// `A` (best) to `E` (worst); null when the page is not a policy.
    pub letter: Option<char>,
    pub score: i32,
    /// Ids of the signals that moved the grade.
    pub moved_by: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CookieBanner {
    pub present: bool,
    pub platform: Option<Platform>,
    pub tcf: bool,
    pub text: Option<String>,
    pub buttons: Vec<Button>,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Trackers {
    pub organisations: Vec<Tracker>,
    /// Organisations the page loads code from that the policy never names.
    pub undisclosed: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tracker {
    pub organisation: String,
    pub category: String,
    /// The known services seen (Google Tag Manager, Google Analytics, ...).
    pub services: Vec<String>,
    pub hosts: Vec<String>,
    /// The policy names this organisation or one of its services.
    pub disclosed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Platform {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Button {
    pub role: String,
    pub label: String,
}
