//! The reader's rights and the laws the policy names.

use super::{lexicon_findings, Ctx};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{contains_phrase, has_any, verb_negated};

/// Rights need the reader as the one who may act.
const RIGHT_CUES: &[&str] = &["you", "your", "user", "individual", "data subject", "request", "right", "may", "can", "consumer", "resident"];

pub fn rights(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    lexicon_findings(ctx, &k.rights, |s, id, at| {
        if verb_negated(s.text, at, &["access", "correct", "delet", "request", "withdraw", "object", "opt", "complain", "lodge", "have", "erase", "remov"]) {
            return false;
        }
        // "provide access to secure areas" is not an access right; "profiling" alone is not one either.
        if id == "access" && contains_phrase(s.text, &["access to secure", "to provide access", "unauthorized access", "unauthorised access"]) {
            return false;
        }
        if id == "non_discrimination" && !contains_phrase(s.text, &["not discriminate", "won't discriminate", "non-discrimination", "discriminate against you", "right not to"]) {
            return false;
        }
        has_any(s.text, RIGHT_CUES) || has_any(ctx.heading(s), &["right", "choice", "access", "control"])
    })
    .into_vec()
}

pub fn laws(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    lexicon_findings(ctx, &k.laws, |s, _, at| !inside_url(s.text, at)).into_vec()
}

/// A match inside a web address ("aws.amazon.com/compliance/gdpr-center") names no law.
fn inside_url(text: &str, at: usize) -> bool {
    let word_start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
    let word = &text[word_start..at];
    word.contains('/') || word.contains("www.")
}
