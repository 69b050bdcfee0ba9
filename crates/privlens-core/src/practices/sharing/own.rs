//! The policy's own company: named in its title, called "we", or owning the site. It is no
//! third party of its own policy.

use super::Ctx;
use crate::knowledge::Knowledge;
use crate::matcher::PhraseMatch;
use crate::report::ThirdParty;

/// How the policy names its own company: "Amazon.com Privacy Notice", `Acme Inc. ("we")`.
const OWN_POLICY: &[&str] =
    &["Privacy Policy", "Privacy Notice", "Privacy Statement", "Privacy Center", "Privacy Centre", "Privacy Promise"];
/// What a policy says of its own company: "Yahoo takes your privacy seriously".
const OWN_VOICE: &[&str] = &[
    "takes your privacy",
    "respects your privacy",
    "values your privacy",
    "cares about your privacy",
    "is committed to protecting",
    "knows that you care",
    "privacy policy only applies to",
    "privacy notice only applies to",
];
/// "This Privacy Policy describes how we at Spotify USA Inc. process personal data".
const OWN_VOICE_BEFORE: &[&str] = &["we at", "we here at", "we, at"];
/// The company listing its own products or brands: "Our Products include Facebook, Instagram,
/// Messenger", "the Meta family of apps, like WhatsApp". Every name in the list is its own.
const OWN_FAMILY: &[&str] = &[
    "our products include",
    "our products, including",
    "our products, like",
    "our products such as",
    "our services include",
    "our services, including",
    "our apps include",
    "our brands include",
    "our family of",
    "family of apps",
    "we offer many products, including",
    "we offer products, including",
    "we offer services, including",
    "family of companies, including",
    "apps, sites, and devices, like",
    "apps, sites and devices, like",
];
const OWN_ALIAS: &[&str] =
    &["(\"we", "(“we", "(the \"company", "(\"us", "(collectively, \"we", "(collectively \"we", "(hereinafter"];

/// Known organisations that the policy shows to be its own author: named right before
/// "Privacy Policy" in a heading-like line or given the "we" alias. A site's own name is not a
/// third party (Amazon's notice names Amazon.com in every section).
pub(super) fn own_company(ctx: &Ctx, k: &Knowledge, party_hits: &[Vec<PhraseMatch>]) -> Vec<usize> {
    let mut own = Vec::new();
    for (s, parties) in ctx.sentences.iter().zip(party_hits) {
        for m in parties {
            let after = strip_possessive(strip_domain_ending(&s.text[m.end..]));
            let after = after.trim_start_matches(',').trim_start().trim_start_matches("Inc.").trim_start();
            let before = s.text[..m.start].trim().to_lowercase();
            let opens = matches!(before.as_str(), "" | "the" | "welcome to" | "welcome to the");
            let titled = opens && OWN_POLICY.iter().any(|t| after.starts_with(t)) && s.text.split_whitespace().count() <= 8;
            let aliased = OWN_ALIAS.iter().any(|a| after.to_lowercase().starts_with(a));
            let voiced = OWN_VOICE.iter().any(|v| after.to_lowercase().starts_with(v) || before.ends_with(v))
                || OWN_VOICE_BEFORE.iter().any(|v| before.ends_with(v))
                || called_we(after);
            let (clause_start, _) = crate::sentences::clause(s.text, m.start);
            let listed_as_own = OWN_FAMILY.iter().any(|f| s.text[clause_start..m.start].to_lowercase().contains(f));
            if (titled || aliased || voiced || listed_as_own) && !own.contains(&m.entry) {
                own.push(m.entry);
            }
        }
    }
    with_siblings(own, k)
}

/// The company's products under its own brand are its own too: Microsoft's statement names
/// Office 365, Azure and Dynamics as its services, not as recipients. Companies it bought that
/// keep their own name (LinkedIn, once AppNexus) may have been independent when the policy was
/// written, so they are left alone.
fn with_siblings(own: Vec<usize>, k: &Knowledge) -> Vec<usize> {
    let owners: Vec<&str> = own.iter().filter_map(|&i| k.parties[i].owner.as_deref()).collect();
    let same_brand = |p: &crate::knowledge::KnownParty| {
        p.owner.as_deref().is_some_and(|o| owners.contains(&o) && p.name.to_lowercase().starts_with(&o.to_lowercase()))
    };
    (0..k.parties.len()).filter(|&i| own.contains(&i) || same_brand(&k.parties[i])).collect()
}

/// Named parties that belong to the organisation whose site this is: on youtube.com, Google
/// Analytics is Google's own. Known from the knowledge base's domains and owners.
pub fn without_own_organisation(parties: Vec<ThirdParty>, url: Option<&str>, k: &Knowledge) -> Vec<ThirdParty> {
    use crate::trackers::{host_of, site_of};
    let Some(site) = url
        .and_then(|u| host_of(if u.contains("://") { u.to_string() } else { format!("http://{u}") }.as_str()))
        .map(|h| site_of(&h))
    else {
        return parties;
    };
    let owner_of = |p: &crate::knowledge::KnownParty| p.owner.clone().unwrap_or_else(|| p.name.clone());
    let own_owners: Vec<String> =
        k.parties.iter().filter(|p| p.domains.iter().any(|d| same_brand(&site_of(d), &site))).map(owner_of).collect();
    if own_owners.is_empty() {
        return parties;
    }
    parties
        .into_iter()
        .filter(|t| t.generic || !k.parties.iter().any(|p| p.name == t.name && own_owners.contains(&owner_of(p))))
        .collect()
}

/// Whether two sites are one brand's: the same site, or the same name under another country's
/// ending (google.de and google.com, amazon.co.uk and amazon.com). Short names are left out:
/// box.de need not be Box's.
fn same_brand(a: &str, b: &str) -> bool {
    const MIN_BRAND_LEN: usize = 4;
    let name = |s: &str| s.split('.').next().unwrap_or("").to_string();
    a == b || (name(a).len() >= MIN_BRAND_LEN && name(a) == name(b))
}

/// "Amazon.co.uk knows": the name's web-address ending (".com", ".co.uk") is part of the name.
fn strip_domain_ending(text: &str) -> &str {
    let ending = text.len() - text.trim_start_matches(|c: char| c == '.' || c.is_ascii_lowercase()).len();
    let looks_like_domain = text.starts_with('.') && ending > 2 && !text[..ending].ends_with('.');
    if looks_like_domain { &text[ending..] } else { text }
}

pub(super) fn strip_possessive(text: &str) -> &str {
    text.strip_prefix("'s").or_else(|| text.strip_prefix("’s")).unwrap_or(text).trim_start()
}

/// "Spotify USA Inc. (“Spotify”, “we”, “us”)": a definition in brackets right after the name
/// that calls the company "we" or "us".
fn called_we(after: &str) -> bool {
    let near: String = after.chars().take(80).collect::<String>().to_lowercase();
    let Some(open) = near.find('(') else {
        return false;
    };
    let inside = &near[open..near[open..].find(')').map_or(near.len(), |c| open + c)];
    ["“we”", "\"we\"", "“us”", "\"us\"", "'we'", "‘we’"].iter().any(|q| inside.contains(q))
}

#[cfg(test)]
mod own_organisation_tests {
    use super::*;
    use crate::knowledge::knowledge;

    fn named(name: &str) -> ThirdParty {
        ThirdParty { name: name.into(), category: "other".into(), generic: false, id: None, evidence: vec![] }
    }

    #[test]
    fn the_own_companys_other_brands_are_its_own() {
        let k = knowledge();
        let microsoft = k.parties.iter().position(|p| p.name == "Microsoft").unwrap();
        let own = with_siblings(vec![microsoft], k);
        let names: Vec<&str> = own.iter().map(|&i| k.parties[i].name.as_str()).collect();
        assert!(names.contains(&"Microsoft Azure") && names.contains(&"Microsoft 365"), "{names:?}");
        assert!(!names.contains(&"Google Analytics") && !names.contains(&"LinkedIn"), "{names:?}");
    }

    #[test]
    fn the_sites_own_organisation_is_no_third_party() {
        let parties = vec![named("Google Analytics"), named("Facebook")];
        let kept = without_own_organisation(parties.clone(), Some("https://www.youtube.com/t/privacy"), knowledge());
        assert_eq!(kept.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["Facebook"]);
        assert_eq!(without_own_organisation(parties.clone(), Some("shop.example/privacy"), knowledge()).len(), 2);
        assert_eq!(without_own_organisation(parties.clone(), None, knowledge()).len(), 2);
        // The same brand under a country's ending; a short name is no brand to go by.
        let kept =
            without_own_organisation(parties.clone(), Some("https://www.google.de/intl/de/policies/privacy/"), knowledge());
        assert_eq!(kept.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["Facebook"]);
        assert!(same_brand("amazon.co.uk", "amazon.com") && !same_brand("box.de", "box.com"));
    }
}
