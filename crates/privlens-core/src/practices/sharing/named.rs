//! Known organisations named in a sentence, and the ones named there without being given any
//! data: certifiers, self-regulatory bodies, complaint bodies, authorities named for their
//! rules, products named after their maker.

use super::own::strip_possessive;
use super::{Ctx, NOT_A_RECIPIENT, add};
use crate::knowledge::Knowledge;
use crate::matcher::PhraseMatch;
use crate::report::ThirdParty;
use crate::sentences::{Sentence, contains_phrase, has_any, in_url};

/// Industry bodies named as where to opt out or what the site adheres to: they run opt-out
/// pages and codes of conduct and never receive the reader's data.
const SELF_REGULATORY: &[&str] = &[
    "Network Advertising Initiative",
    "Digital Advertising Alliance",
    "European Interactive Digital Advertising Alliance",
    "Digital Advertising Alliance of Canada",
];
/// Certification and self-regulation talk ("has received TRUSTe's Privacy Seal", "Amazon has
/// certified that we adhere to the Safe Harbor Principles"): the names there are certifiers or
/// the site itself, not recipients.
const CERTIFICATION: &[&str] = &[
    "seal",
    "certif",
    "safe harbor",
    "privacy shield",
    "self-regulatory",
    "watchdog",
    "dispute resolution",
    "adhere to",
    "members of the",
    "member of the",
    "subscribe to the",
];
/// Verbs that show data moving, which outweigh certification talk: "your data is transferred to
/// the US by Amazon Web Services, which is certified under the Privacy Shield".
/// ("received TRUSTe's Privacy Seal" is no data flow, so "receive" is not among them.)
const DATA_FLOW: &[&str] = &["transfer", "shar", "disclos", "sell", "sold", "host", "process", "stor", "send", "sent"];

/// A company's product named after it is software on the reader's device, not the company
/// receiving data: "Microsoft Internet Explorer", "Adobe Flash", "Google Chrome", "Apple phones".
const PRODUCT_AFTER: &[&str] = &[
    "Internet Explorer",
    "Chrome",
    "Safari",
    "Firefox",
    "Edge",
    "Flash",
    "Windows",
    "Android",
    "iOS",
    "Reader",
    "Acrobat",
    "Navigator",
    "phones",
    "phone",
    "devices",
    "device",
    "browser",
    "operating system",
    "account",
];
/// Regulators and programmes named as where to complain are not recipients of the data.
const COMPLAINT: &[&str] = &["complain", "complaint", "lodge"];
const AUTHORITY_DISCLOSURE: &[&str] =
    &["disclos", "share", "provid", "report", "pass", "release", "transfer", "request", "respond", "cooperat", "hand"];

pub(super) fn third_parties_named(
    ctx: &Ctx,
    k: &Knowledge,
    s: &Sentence,
    parties: &[PhraseMatch],
    own: &[usize],
    out: &mut Vec<ThirdParty>,
) {
    let certification = contains_phrase(s.text, CERTIFICATION) && !has_any(s.text, DATA_FLOW);
    if certification || contains_phrase(s.text, NOT_A_RECIPIENT) {
        return;
    }
    // Regulators in certification talk ("the Safe Harbor framework of the U.S. Department of
    // Commerce") administer the programme whatever verbs surround them.
    let administers = contains_phrase(s.text, CERTIFICATION);
    // Whoever hears complaints (a regulator, a seal programme) is not given data; software the
    // site runs on its own servers ("we self-host Plausible") gives its maker none either.
    if has_any(s.text, COMPLAINT) || contains_phrase(s.text, crate::signals::cues("self_hosted")) {
        return;
    }
    for m in parties {
        let p = &k.parties[m.entry];
        let authority_not_given_data = p.category == "authorities"
            && (administers || makes_rules(s.text, m.start, m.end) || !has_any(s.text, AUTHORITY_DISCLOSURE));
        if in_url(s.text, m.start) || authority_not_given_data || own.contains(&m.entry) || not_a_party(&p.name, &s.text[m.end..])
        {
            continue;
        }
        add(out, &p.name, &p.category, None, ctx.evidence(s));
    }
}

/// Rules and decisions an authority is named for: "the European Commission has approved
/// contractual clauses", "clauses adopted by the European Commission". Naming them gives the
/// authority no data.
const RULE_MAKING_AFTER: &[&str] = &[
    "has approved",
    "approved",
    "has adopted",
    "adopted",
    "has issued",
    "has decided",
    "decided",
    "has determined",
    "determined",
    "has found",
    "has recognised",
    "has recognized",
    "recognises",
    "recognizes",
    "considers",
    "has deemed",
    "deems",
];
const RULE_MAKING_BEFORE: &[&str] = &[
    "approved by",
    "adopted by",
    "issued by",
    "recognised by",
    "recognized by",
    "decision of",
    "decisions of",
    "decision by",
    "decisions by",
];

/// What an authority's possessive names when it names a rule: "the European Commission's
/// standard contractual clauses", "the Commission's adequacy decision".
const RULES_OWNED: &[&str] =
    &["standard", "model", "adequacy", "decision", "approved", "clauses", "sccs", "-approved", "-adopted"];

fn makes_rules(text: &str, start: usize, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let owned = strip_possessive(rest);
    if (owned.len() < rest.len() || rest.starts_with('-')) && RULES_OWNED.iter().any(|w| owned.to_lowercase().starts_with(w)) {
        return true;
    }
    let after = rest.to_lowercase();
    let before = text[..start].trim_end().to_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    RULE_MAKING_AFTER.iter().any(|w| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        || RULE_MAKING_BEFORE.iter().any(|w| before.ends_with(w))
}

/// A self-regulatory body, or a company named for its product ("Adobe Flash").
fn not_a_party(name: &str, after: &str) -> bool {
    let after = strip_possessive(after.trim_start());
    SELF_REGULATORY.contains(&name)
        || PRODUCT_AFTER
            .iter()
            .any(|w| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}
