//! Children, international transfers and security measures.

use std::sync::OnceLock;

use regex_lite::Regex;

use super::{Ctx, lexicon_findings, regex};
use crate::knowledge::Knowledge;
use crate::report::{Children, Finding, Transfer};
use crate::sentences::{contains_phrase, has_any, verb_negated};

pub fn children(ctx: &Ctx) -> Option<Children> {
    static AGE: OnceLock<Regex> = OnceLock::new();
    let age = regex(
        &AGE,
        r"(?i)\b(?:under|below|younger than|less than|over|at least|minimum age of|age of)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b|\b(\d{1,2})\s+(?:years of age|years old)",
    );
    let mut found: Option<Children> = None;
    for s in ctx.sentences {
        if !has_any(s.text, &["child", "minor", "kid", "age", "years", "coppa", "teen", "parent", "old"]) {
            continue;
        }
        let about_children = has_any(s.text, &["child", "minor", "kid", "coppa", "teen", "parent", "under", "younger"])
            || has_any(ctx.heading(s), &["child", "minor", "age"]);
        if !about_children {
            continue;
        }
        let stated = age.captures(s.text).and_then(|c| c.get(1).or(c.get(2))).and_then(|m| m.as_str().parse::<u32>().ok());
        let entry = found.get_or_insert(Children { min_age: None, evidence: Vec::new() });
        if entry.min_age.is_none()
            && let Some(a) = stated.filter(|a| (8..=21).contains(a))
        {
            entry.min_age = Some(a);
        }
        if entry.evidence.len() < 3 {
            entry.evidence.push(ctx.evidence(s));
        }
    }
    found
}

const DISOWNED_MECHANISM: &[&str] =
    &["not rely", "not relied", "no longer rel", "not participate", "no longer participate", "invalidated", "no longer valid"];

fn disowned_anywhere(ctx: &Ctx, k: &Knowledge, id: &str) -> bool {
    ctx.sentences.iter().any(|s| {
        contains_phrase(s.text, DISOWNED_MECHANISM)
            && ctx.find_all(&k.transfer_mechanisms.matcher, s).iter().any(|m| k.transfer_mechanisms.ids[m.entry] == id)
    })
}

const TRANSFER_CUES: &[&str] = &[
    "transfer",
    "stored in",
    "processed in",
    "located in",
    "outside",
    "servers in",
    "hosted in",
    "cross-border",
    "international",
    "country",
    "countries",
    "shield",
    "clauses",
    "adequa",
];

pub fn transfer(ctx: &Ctx, k: &Knowledge) -> Transfer {
    // "although Microsoft does not rely on the EU-U.S. Privacy Shield": a mechanism disowned
    // anywhere in the sentence is not relied on.
    let mut mechanisms = lexicon_findings(ctx, &k.transfer_mechanisms, |s, _, at| {
        !verb_negated(s.text, at, &["rel", "us", "particip", "certif"]) && !contains_phrase(s.text, DISOWNED_MECHANISM)
    })
    .into_vec();
    // "While not relied upon for transfers, Fitbit complies with the Privacy Shield": disowned
    // once, the framework's complaint and arbitration sentences elsewhere are no reliance either.
    mechanisms.retain(|m| !disowned_anywhere(ctx, k, &m.id));
    let mut out = Transfer { mechanisms, ..Transfer::default() };
    for s in ctx.sentences {
        if !contains_phrase(s.text, TRANSFER_CUES) {
            continue;
        }
        let mut named = false;
        for m in ctx.find_all(&k.regions.matcher, s) {
            let region = &k.regions.ids[m.entry];
            if !out.regions.contains(region) {
                out.regions.push(region.clone());
            }
            named = true;
        }
        if named && out.evidence.len() < 3 {
            out.evidence.push(ctx.evidence(s));
        }
    }
    out
}

pub fn security(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    lexicon_findings(ctx, &k.security, |s, id, at| {
        if id == "breach_notification" {
            return has_any(s.text, &["notify", "inform"]);
        }
        // Encrypted or hashed identifiers handed to ad partners are sharing, not protection.
        let shared_hashed = id == "encryption"
            && contains_phrase(s.text, &["share", "provide", "disclose", "send", "pass"])
            && contains_phrase(s.text, &["partner", "advertis", "third part"]);
        !verb_negated(s.text, at, &["encrypt", "use", "employ", "guarant"])
            && !contains_phrase(s.text, NOT_SECURITY)
            && !shared_hashed
    })
    .into_vec()
}

/// Encryption that hides who you are from advertisers, or turns identifiers into strings for
/// ad profiles, protects the ad business, not your data.
const NOT_SECURITY: &[&str] = &[
    // "http/https request method": a field of a logged request, not encryption.
    "http/https",
    "unencrypted",
    "not encrypted",
    "string of characters",
    "cannot be turned back",
    "targeted advertising",
    "encryption-generated",
    // Hashed e-mails and customer lists handed to ad partners; export rules for software.
    "md5",
    "customer list",
    "cannot be exported",
];

#[cfg(test)]
mod tests {
    use crate::practices_of_text;

    #[test]
    fn hashed_lists_for_ad_partners_and_export_rules_are_no_encryption() {
        let security = |t: &str| practices_of_text(t, None).security_measures.into_iter().map(|m| m.id).collect::<Vec<_>>();
        assert!(security("We upload an encrypted customer list to a third party to target our advertising.").is_empty());
        assert!(security("Encrypted email addresses of our users (MD5 hash) go to our ad partner.").is_empty());
        assert!(security("We encrypt your payment details with TLS.").contains(&"encryption".to_string()));
    }

    #[test]
    fn a_disowned_transfer_mechanism_is_not_relied_on() {
        let mechanisms =
            |t: &str| practices_of_text(t, None).international_transfer.mechanisms.into_iter().map(|m| m.id).collect::<Vec<_>>();
        let t = "For complaints about the Privacy Shield frameworks, although we do not rely on the EU-U.S. Privacy Shield, we cooperate with regulators.";
        assert!(!mechanisms(t).contains(&"privacy_shield".to_string()), "{:?}", mechanisms(t));
        assert!(mechanisms("We participate in the EU-U.S. Privacy Shield Framework.").contains(&"privacy_shield".to_string()));
        let fitbit = "While not relied upon for transfers, we comply with the EU-U.S. Privacy Shield Framework.\n\nIf you have a complaint about our Privacy Shield compliance, please contact us.";
        assert!(mechanisms(fitbit).is_empty(), "{:?}", mechanisms(fitbit));
    }

    #[test]
    fn encrypted_identifiers_for_advertisers_are_no_security() {
        let security = |t: &str| practices_of_text(t, None).security_measures.into_iter().map(|f| f.id).collect::<Vec<_>>();
        assert!(
            !security("We may share encrypted versions of your email address with advertising partners.")
                .contains(&"encryption".to_string())
        );
        assert!(security("We encrypt your data in transit with TLS.").contains(&"encryption".to_string()));
    }
}
