//! Who receives the data: named organisations from the knowledge base and generic recipients.

use super::Ctx;
use crate::knowledge::Knowledge;
use crate::report::ThirdParty;
use crate::sentences::{contains_phrase, has_any, in_url, verb_negated};

/// Sentences that name organisations without giving them data: examples of other sites,
/// disclaimers about linked sites, where to learn more.
const NOT_A_RECIPIENT: &[&str] = &[
    "privacy policies of", "privacy policy of", "privacy practices of", "their own privacy", "their privacy polic",
    "not responsible for", "does not cover", "doesn't cover", "does not apply", "doesn't apply", "other websites",
    "other web sites", "other sites", "links to", "link to", "follow us", "find us on", "share this", "archived on",
    "wayback machine",
];
const SHARE_VERBS: &[&str] = &["share", "disclos", "sell", "transfer", "provid", "give", "pass", "send", "rent", "trade", "make available"];
const MAX_EVIDENCE: usize = 3;
/// Regulators named as where to complain are not recipients of the data.
const COMPLAINT: &[&str] = &["complain", "complaint", "lodge"];
const AUTHORITY_DISCLOSURE: &[&str] = &["disclos", "share", "provid", "report", "pass", "release", "transfer", "request", "respond", "cooperat", "hand"];
const DISCLOSURE_CUES: &[&str] = &["share", "shar", "disclos", "sell", "transfer", "provid", "give", "pass", "send", "release", "third", "partner", "process", "use", "host", "access", "receiv", "made available", "supply", "supplie"];

pub fn third_parties(ctx: &Ctx, k: &Knowledge) -> Vec<ThirdParty> {
    let mut out: Vec<ThirdParty> = Vec::new();
    for s in ctx.sentences {
        let excluded = contains_phrase(s.text, NOT_A_RECIPIENT);
        if !excluded {
            for m in k.party_matcher.find_all(s.text) {
                let p = &k.parties[m.entry];
                let authority_not_given_data = p.category == "authorities" && (contains_phrase(s.text, COMPLAINT) || !has_any(s.text, AUTHORITY_DISCLOSURE));
                if in_url(s.text, m.start) || authority_not_given_data {
                    continue;
                }
                add(&mut out, &p.name, &p.category, None, ctx.evidence(s));
            }
        }
        let disclosure = has_any(s.text, DISCLOSURE_CUES) || has_any(ctx.heading(s), DISCLOSURE_CUES) || has_any(ctx.lead_in(s), DISCLOSURE_CUES);
        for m in k.recipient_matcher.find_all(s.text) {
            if !disclosure || verb_negated(s.text, m.start, SHARE_VERBS) {
                continue;
            }
            let r = &k.recipients[m.entry];
            add(&mut out, &r.name, &r.category, Some(&r.id), ctx.evidence(s));
        }
    }
    out
}

fn add(out: &mut Vec<ThirdParty>, name: &str, category: &str, id: Option<&str>, ev: crate::report::Evidence) {
    match out.iter_mut().find(|t| t.name == name) {
        Some(t) => {
            if t.evidence.len() < MAX_EVIDENCE && !t.evidence.iter().any(|e| e.segment == ev.segment && e.start == ev.start) {
                t.evidence.push(ev);
            }
        }
        None => out.push(ThirdParty {
            name: name.to_string(),
            category: category.to_string(),
            generic: id.is_some(),
            id: id.map(str::to_string),
            evidence: vec![ev],
        }),
    }
}
