//! Which consent platform runs a banner, from markers written in `data/consent_platforms/`:
//! element ids, classes and class prefixes, script hosts.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::knowledge::CONSENT_PLATFORMS;
use crate::report::Platform;

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
    #[serde(default)]
    pub globals: Vec<String>,
}

pub fn platforms() -> &'static [PlatformDef] {
    static P: OnceLock<Vec<PlatformDef>> = OnceLock::new();
    P.get_or_init(|| {
        CONSENT_PLATFORMS
            .iter()
            .map(|(name, json)| serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}.json: {e}")))
            .collect()
    })
}

/// The element ids and classes the platforms give their own banners, leaving out generic ones
/// ("cookie-banner"): an element carrying one is worth a look as a banner whatever its words.
/// (Class prefixes are left out: "cc-" would also pick a shop's "cc-number" fields, and the
/// candidates are few.)
fn branded_names() -> &'static HashSet<String> {
    static N: OnceLock<HashSet<String>> = OnceLock::new();
    N.get_or_init(|| {
        let ids = platforms().iter().flat_map(|p| p.element_ids.iter().map(|i| format!("#{i}")));
        let classes = platforms().iter().flat_map(|p| p.classes.iter().map(|c| format!(".{c}")));
        ids.chain(classes).filter(|m| !is_generic(m)).map(|m| m[1..].to_string()).collect()
    })
}

/// Whether an element's id or one of its classes is a platform's own banner name.
pub fn is_platform_element(id: Option<&str>, class: Option<&str>) -> bool {
    let names = branded_names();
    id.is_some_and(|i| names.contains(i)) || class.is_some_and(|c| c.split_whitespace().any(|c| names.contains(c)))
}

fn host_of(src: &str) -> &str {
    let rest = src.split_once("//").map_or(src, |(_, r)| r);
    rest.split(['/', '?', '#', ':']).next().unwrap_or("")
}

fn matches(p: &PlatformDef, marker: &str) -> bool {
    if let Some(id) = marker.strip_prefix('#') {
        p.element_ids.iter().any(|e| e == id)
    } else if let Some(class) = marker.strip_prefix('.') {
        p.classes.iter().any(|c| c == class) || p.class_prefixes.iter().any(|c| class.starts_with(c.as_str()))
    } else if let Some(src) = marker.strip_prefix("src:") {
        let host = host_of(src);
        p.script_hosts.iter().any(|h| host == h || host.ends_with(&format!(".{h}")))
    } else if let Some(global) = marker.strip_prefix("global:") {
        p.globals.iter().any(|g| g == global)
    } else {
        false
    }
}

/// Words any site may use for its own banner ("cookie-notice", "cookie_modal"): a marker made
/// only of them is no evidence of a platform on its own.
const GENERIC_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "notice",
    "banner",
    "bar",
    "modal",
    "popup",
    "dialog",
    "box",
    "gdpr",
    "privacy",
    "container",
    "wrapper",
    "root",
    "overlay",
    "window",
    "message",
    "content",
    "text",
    "visible",
    "law",
    "info",
];

fn is_generic(marker: &str) -> bool {
    let name = marker.trim_start_matches(['#', '.']);
    !marker.starts_with("src:")
        && !marker.starts_with("global:")
        && name.split(['-', '_']).all(|w| GENERIC_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The platform with the most matching markers (`#id`, `.class`, `src:url`, `global:Name`),
/// at least one of them its own (a script host, a global, a branded id or class). A platform
/// named by an element id, a script host or a global comes before one known by classes alone:
/// several platforms (Consentmo, Pandectes) draw their banner with the open-source
/// cookieconsent library, whose `cc-` classes then outnumber their own markers.
pub fn identify(markers: &[String]) -> Option<Platform> {
    platforms()
        .iter()
        .filter_map(|p| {
            let hits: Vec<&String> = markers.iter().filter(|m| matches(p, m)).collect();
            let mut own = hits.iter().filter(|m| !is_generic(m)).peekable();
            own.peek()?;
            let named = own.any(|m| !m.starts_with('.'));
            Some((p, (named, hits.len())))
        })
        .max_by_key(|(_, rank)| *rank)
        .map(|(p, _)| Platform { id: p.id.clone(), name: p.name.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn platform_files_are_valid_and_cover_the_spec() {
        let all = platforms();
        assert!(all.len() >= 25, "{} platforms", all.len());
        let ids: HashSet<&str> = all.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), all.len(), "ids are unique");
        for id in [
            "onetrust",
            "cookiebot",
            "didomi",
            "quantcast",
            "usercentrics",
            "trustarc",
            "osano",
            "sourcepoint",
            "iubenda",
            "complianz",
            "cookieyes",
            "termly",
            "klaro",
            "axeptio",
            "google_funding_choices",
        ] {
            assert!(ids.contains(id), "{id}");
        }
        for p in all {
            let markers = p.element_ids.len() + p.classes.len() + p.class_prefixes.len() + p.script_hosts.len() + p.globals.len();
            assert!(markers > 0, "{} has no marker", p.id);
            assert!(p.script_hosts.iter().all(|h| !h.contains('/')), "{}: hosts are bare", p.id);
        }
    }

    #[test]
    fn identifies_by_id_class_prefix_or_script_host() {
        let id = |m: &[&str]| identify(&m.iter().map(|s| s.to_string()).collect::<Vec<_>>()).map(|p| p.id);
        assert_eq!(id(&["#onetrust-banner-sdk"]).as_deref(), Some("onetrust"));
        assert_eq!(id(&["src:https://consent.cookiebot.com/uc.js"]).as_deref(), Some("cookiebot"));
        assert_eq!(id(&[".nothing", "#main"]), None);
        // A site's own "cookie-notice" is not the Cookie Notice plugin until something branded says so.
        assert_eq!(id(&["#cookie-notice", ".cookie-modal"]), None);
        assert_eq!(id(&["#cookie-notice", "#cn-accept-cookie"]).as_deref(), Some("cookie_notice"));
        // An id or script host outranks more classes shared with a library the platform draws with.
        assert_eq!(id(&[".cc-window", ".cc-banner", ".cc-btn", "#pandectes-banner"]).as_deref(), Some("pandectes"));
    }

    #[test]
    fn a_platform_own_id_or_class_marks_an_element_but_generic_names_do_not() {
        assert!(is_platform_element(Some("onetrust-banner-sdk"), None));
        assert!(is_platform_element(None, Some("main pea_cook_wrapper")));
        assert!(!is_platform_element(Some("cookie-banner"), Some("cookie-notice")));
        assert!(!is_platform_element(None, Some("cc-number")));
    }
}
