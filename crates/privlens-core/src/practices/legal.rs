//! The reader's rights and the laws the policy names.

use super::{lexicon_findings, Ctx};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{contains_phrase, has_any, verb_negated};

/// Rights need the reader as the one who may act.
const RIGHT_CUES: &[&str] = &["you", "your", "user", "individual", "data subject", "request", "right", "may", "can", "consumer", "resident"];

const BARE_VERB_CUES: &[&str] = &["you can", "you may", "request", "ask us", "contact us", "right to", "we will take steps", "please contact", "you have the right"];
const MARKETING: &[&str] = &["marketing", "newsletter", "promotional", "mailing"];
const STOP: &[&str] = &["withdraw", "opt out", "opt-out", "unsubscribe", "stop receiving"];

pub fn rights(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    let mut found = lexicon_findings(ctx, &k.rights, |s, id, at| {
        if verb_negated(s.text, at, &["access", "correct", "delet", "request", "withdraw", "object", "opt", "complain", "lodge", "have", "erase", "remov"]) {
            return false;
        }
        // "provide access to secure areas" is not an access right; "profiling" alone is not one either.
        if id == "access" && contains_phrase(s.text, &["access to secure", "to provide access", "unauthorized access", "unauthorised access"]) {
            return false;
        }
        // Deleting cookies in one's own browser is not a right the site grants.
        if contains_phrase(s.text, &["cookie"]) && contains_phrase(s.text, &["browser"]) {
            return false;
        }
        // Bare verbs ("delete", "correct") are a right only when the reader can ask for them.
        let word = s.text[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if matches!(word.to_lowercase().as_str(), "delete" | "correct") && !contains_phrase(s.text, BARE_VERB_CUES) {
            return false;
        }
        if id == "non_discrimination" && !contains_phrase(s.text, &["not discriminate", "won't discriminate", "non-discrimination", "discriminate against you", "right not to"]) {
            return false;
        }
        has_any(s.text, RIGHT_CUES) || has_any(ctx.heading(s), &["right", "choice", "access", "control"])
    });
    // "You can withdraw permission [for marketing messages] at any time": a marketing opt-out,
    // wherever the paragraph names the marketing.
    for s in ctx.sentences {
        let paragraph = &ctx.segments[s.segment].text;
        if contains_phrase(s.text, STOP) && (contains_phrase(s.text, MARKETING) || contains_phrase(paragraph, MARKETING)) {
            found.add("opt_out_marketing", ctx.evidence(s));
        }
    }
    found.into_vec()
}

pub fn laws(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    lexicon_findings(ctx, &k.laws, |_, _, _| true).into_vec()
}
