//! Data collected and the purposes it serves.
//!
//! A data type counts when a sentence states that it is collected, used or shared, not when it
//! is merely named: "update your email address in your settings" (an access right),
//! "unsubscribe by email" (a channel), "not including your name" (a negation), "Kaleida Health"
//! (a proper name) and "credit card processing" (a service) are not collection.

mod sentence_kind;
mod word_sense;

use sentence_kind::{
    DEFINITION, SECURITY_TALK, defines_collected_data, defines_personal_information, is_definition, is_pointer_or_browser_talk,
    is_title, reader_acts,
};
use word_sense::{negated_aside, not_data, other_sense_at};

use super::{Ctx, FindingSet, lexicon_findings};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{Sentence, contains_phrase, has_any, verb_negated};

const COLLECT_VERBS: &[&str] = &[
    "collect",
    "gather",
    "receiv",
    "obtain",
    "store",
    "record",
    "log",
    "ask",
    "request",
    "retain",
    "keep",
    "process",
    "track",
    "captur",
    "access",
    "transmit",
    "save",
    "use",
    "provid",
    "submit",
    "enter",
    "upload",
    "includ",
    "automatically",
    "know",
    "need",
    "require",
    "shar",
    "disclos",
    "sell",
    "transfer",
    "rent",
    "place",
    "set",
];
const COLLECT_CUES: &[&str] = &[
    "collect",
    "gather",
    "receiv",
    "obtain",
    "store",
    "record",
    "logs",
    "log",
    "ask",
    "captur",
    "provid",
    "submit",
    "upload",
    "includ",
    "automated",
    "information",
    "data",
    "enter",
];
/// Verbs whose negation in the clause cancels the data type: "we do not collect", "does not
/// include your name", "we will not share your email address", "please do not register or
/// provide us with your name".
pub(super) const NEGATED_COLLECT: &[&str] = &[
    "collect", "gather", "store", "record", "track", "log", "ask", "request", "retain", "keep", "save", "transmit", "receiv",
    "obtain", "access", "use", "includ", "contain", "referenc", "shar", "sell", "rent", "disclos", "regist", "provid", "submit",
    "post", "send", "give",
];
/// The reader writing to us: the address is a channel, not data we collect.
const CONTACT_US: &[&str] = &[
    "contact us",
    "email us",
    "e-mail us",
    "write to us",
    "send us an email",
    "send us an e-mail",
    "send an email",
    "send an e-mail",
    "call us",
    "by email at",
    "by e-mail at",
    "please email",
    "please e-mail",
    "please contact",
    "please include",
    "please provide",
    "please send",
    "unsubscribe",
    "opt out",
    "opt-out",
];

pub fn collected(ctx: &Ctx, k: &Knowledge) -> (Vec<Finding>, Vec<Finding>) {
    let mut data = FindingSet::default();
    for s in ctx.sentences {
        let matches = ctx.find_all(&k.data_types.matcher, s);
        if matches.is_empty() {
            continue;
        }
        let facts = SentenceFacts::of(ctx, s);
        for m in matches {
            // A location worked out from the IP address is a coarse one, whatever it is called.
            let id = match k.data_types.ids[m.entry].as_str() {
                "precise_location" if word_sense::derived_from_ip(s.text, m.end) => "coarse_location",
                id => id,
            };
            if !crate::sentences::in_url(s.text, m.start) && is_collected(k, s, &facts, id, m.start, m.end) {
                data.add(id, ctx.evidence(s));
            }
        }
    }
    let purposes = lexicon_findings(ctx, &k.purposes, |s, _, at| !verb_negated(s.text, at, &["use", "sell", "share"]));
    (data.into_vec(), purposes.into_vec())
}

/// A short line that gives the site's own address or number ("Email: privacy@example.com",
/// "Telephone: (886) 2 2894 3447") names a way to reach it, not data it collects.
fn gives_contact_detail(text: &str) -> bool {
    let address = || text.split_whitespace().any(|w| w.find('@').is_some_and(|at| at > 0 && w[at..].contains('.')));
    // (A line of eight words is short in bytes too: most sentences are ruled out by their length.)
    text.len() <= 160
        && text.split_whitespace().nth(8).is_none()
        && (address() || text.bytes().filter(u8::is_ascii_digit).count() >= 7)
}

/// What a sentence says whatever data word is looked at: worked out once per sentence.
struct SentenceFacts {
    lower: String,
    /// An item of a list introduced by "We collect the following:" is data whatever its words.
    data_item: bool,
    /// Never collection: a warning to the reader, a definition, security advice.
    ruled_out: bool,
    contact_us: bool,
    states_collection: bool,
    /// Whether cookie vocabulary here says the site uses cookies: asked once per sentence.
    cookie_statement: std::cell::OnceCell<bool>,
}

impl SentenceFacts {
    fn of(ctx: &Ctx, s: &Sentence) -> Self {
        let lower = s.text.to_lowercase();
        let short_item = s.text.split_whitespace().count() <= 12;
        let data_item = short_item && has_any(ctx.lead_in(s), COLLECT_CUES);
        // A warning to the reader ("Never put passwords in your files") is not collection.
        let warning = ["never ", "do not ", "don't ", "please do not "].iter().any(|w| lower.starts_with(w));
        let ruled_out = warning
            || gives_contact_detail(s.text)
            || (contains_phrase(s.text, DEFINITION) && !defines_collected_data(s.text))
            || defines_personal_information(&lower)
            || contains_phrase(s.text, SECURITY_TALK);
        let heading = ctx.heading(s);
        let states_collection = has_any(s.text, COLLECT_VERBS)
            || (has_any(heading, COLLECT_CUES) && !has_any(heading, &["never", "not", "don't", "warning"]))
            || data_item;
        SentenceFacts {
            contact_us: contains_phrase(s.text, CONTACT_US),
            lower,
            data_item,
            ruled_out,
            states_collection,
            cookie_statement: std::cell::OnceCell::new(),
        }
    }

    /// Cookie vocabulary counts on its own: a policy mentioning cookies uses them; a bare
    /// title ("Third Party Cookies") or a definition states nothing yet.
    fn uses_cookies(&self, s: &Sentence) -> bool {
        let lower = &self.lower;
        *self.cookie_statement.get_or_init(|| {
            !lower.contains("allaboutcookies") && !is_title(s.text) && !is_definition(lower) && !is_pointer_or_browser_talk(lower)
        })
    }
}

/// Children's data named without being collected: deleted once found, what a law requires of
/// sites, a section title ("Information About Children Under 13").
const NOT_COLLECTING_CHILDREN: &[&str] = &[
    "actual knowledge",
    "if we learn",
    "if we discover",
    "if we become aware",
    "inadvertently",
    "imposes requirements",
    "requires that we inform",
    "remove such information",
    "delete such information",
];

fn is_collected(k: &Knowledge, s: &Sentence, facts: &SentenceFacts, id: &str, at: usize, end: usize) -> bool {
    // Cookie vocabulary is judged on its own below; any other type needs a sentence that states
    // collection, a cheap precomputed fact, so it is asked first.
    if facts.ruled_out || (id != "cookies_tracking" && !facts.states_collection) {
        return false;
    }
    if verb_negated(s.text, at, NEGATED_COLLECT)
        || negated_aside(s.text, at)
        || (!facts.data_item && not_data(k, s.text, id, at, end))
        || (facts.data_item && other_sense_at(s.text, id, at, end))
    {
        return false;
    }
    if reader_acts(s.text, at) {
        return false;
    }
    if matches!(id, "email" | "phone" | "postal_address" | "communications" | "name") && facts.contact_us {
        return false;
    }
    // (A section title or a question heads the answer: "Does Walgreens collect information from
    // children?", "Collection of Information from Children.")
    let heading = || is_title(s.text) || s.text.trim_end().ends_with('?') || s.text.split_whitespace().count() <= 6;
    if id == "children_data" && (contains_phrase(s.text, NOT_COLLECTING_CHILDREN) || heading()) {
        return false;
    }
    if id == "cookies_tracking" {
        return facts.uses_cookies(s);
    }
    facts.states_collection
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_giving_the_sites_address_or_number_collects_nothing() {
        assert!(gives_contact_detail("Email: LegalCompliance@asus.com"));
        assert!(gives_contact_detail("Telephone: (886) 2 2894 3447"));
        assert!(!gives_contact_detail("Email address"));
        assert!(!gives_contact_detail("We collect your email address and phone number when you sign up for an account."));
    }

    #[test]
    fn reader_choices_are_not_collection() {
        let t = "You can update your email address in your account settings.";
        assert!(reader_acts(t, t.find("email").unwrap()));
        let t = "If you disable cookies, some features will not work.";
        assert!(reader_acts(t, t.find("cookies").unwrap()));
        let t = "If you register, we ask for your email address.";
        assert!(!reader_acts(t, t.find("email").unwrap()));
    }
}
