//! Data collected and the purposes it serves.

use super::{lexicon_findings, Ctx};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{has_any, verb_negated, Sentence};

const COLLECT_VERBS: &[&str] = &[
    "collect", "gather", "receiv", "obtain", "store", "record", "log", "ask", "request", "retain", "keep", "process",
    "track", "captur", "access", "transmit", "save", "use", "provid", "submit", "enter", "upload", "includ",
    "automatically", "know", "need", "require",
];
const COLLECT_CUES: &[&str] = &["collect", "gather", "receiv", "obtain", "store", "record", "logs", "log", "ask", "captur", "provid", "submit", "upload", "includ", "automated", "information", "data", "enter"];
const NEGATED_COLLECT: &[&str] = &["collect", "gather", "store", "record", "track", "log", "ask", "request", "retain", "keep", "save", "transmit", "receiv", "obtain", "access", "use"];
/// Words that signal a sentence is about something else than our collection.
const NOT_COLLECTION: &[&str] = &["unsubscribe", "contact us", "email us", "write to us", "send us an email"];

pub fn collected(ctx: &Ctx, k: &Knowledge) -> (Vec<Finding>, Vec<Finding>) {
    let data = lexicon_findings(ctx, &k.data_types, |s, id, at| is_collected(ctx, s, id, at));
    let purposes = lexicon_findings(ctx, &k.purposes, |s, _, at| !verb_negated(s.text, at, &["use", "sell", "share"]));
    (data.into_vec(), purposes.into_vec())
}

fn is_collected(ctx: &Ctx, s: &Sentence, id: &str, at: usize) -> bool {
    if verb_negated(s.text, at, NEGATED_COLLECT) {
        return false;
    }
    let lower = s.text.to_lowercase();
    // A warning to the reader ("Never put passwords in your files") is not collection.
    if ["never ", "do not ", "don't ", "please do not "].iter().any(|w| lower.starts_with(w)) {
        return false;
    }
    if NOT_COLLECTION.iter().any(|p| lower.contains(p)) && matches!(id, "email" | "communications") {
        return false;
    }
    // Cookie vocabulary counts on its own: a policy mentioning cookies uses them.
    if id == "cookies_tracking" {
        return !lower.contains("allaboutcookies");
    }
    let short_item = s.text.split_whitespace().count() <= 12;
    has_any(s.text, COLLECT_VERBS)
        || (has_any(ctx.heading(s), COLLECT_CUES) && !has_any(ctx.heading(s), &["never", "not", "don't", "warning"]))
        || (short_item && has_any(ctx.lead_in(s), COLLECT_CUES))
}
