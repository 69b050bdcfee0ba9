//! Data collected and the purposes it serves.
//!
//! A data type counts when a sentence states that it is collected, used or shared, not when it
//! is merely named: "update your email address in your settings" (an access right),
//! "unsubscribe by email" (a channel), "not including your name" (a negation), "Kaleida Health"
//! (a proper name) and "credit card processing" (a service) are not collection.

use super::{Ctx, FindingSet, lexicon_findings};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{Sentence, clause, contains_phrase, has_any, verb_negated};

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
const NEGATED_COLLECT: &[&str] = &[
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
/// The reader acting on their own data or device: a choice or an access right, not collection.
const READER_ACTS: &[&str] = &[
    "you can",
    "you may",
    "you could",
    "you will need to",
    "you should",
    "you must",
    "if you",
    "users can",
    "users may",
    "visitors can",
    "visitors may",
    "allows you to",
    "allow you to",
    "enable you to",
    "lets you",
    "let you",
    "choose to",
    "elect to",
    "option to",
    "how to",
    "you want to",
    "you wish to",
    "you prefer",
];
/// How many words after the reader phrase the choice verb may come ("you can easily and at any
/// time update").
const READER_REACH: usize = 5;
const CHOICE_VERBS: &[&str] = &[
    "opt",
    "unsubscrib",
    "disabl",
    "block",
    "reject",
    "refus",
    "declin",
    "delet",
    "remov",
    "clear",
    "eras",
    "chang",
    "updat",
    "correct",
    "edit",
    "modif",
    "review",
    "deactivat",
    "cancel",
    "turn",
    "adjust",
    "manag",
    "withdraw",
    "stop",
    "prevent",
    "notif",
    "accept",
];
/// Words after a data type that make it the name of a service or of an organisation rather
/// than data: "credit card processing", "credit card companies", "health care".
const NOT_DATA_AFTER: &[&str] = &[
    "processing",
    "processor",
    "processors",
    "company",
    "companies",
    "organization",
    "organizations",
    "network",
    "networks",
    "offerings",
    "issuer",
    "issuers",
    "care",
    "plan",
    "plans",
    "providers",
    "provider",
    "professionals",
    "insurance",
    "or safety",
    "and safety",
    "of your internet",
    "of the",
    "of a",
    "of an",
    "campaigns",
    "newsletters",
    "newsletter",
    "marketing",
    "programs",
    "program",
    "services",
    "service",
    "payments",
    "problems",
    "messages",
    "message",
    "calls",
    "communications",
    ", safety",
    "for a particular",
];
/// Words before a data type that make it a place or a purpose rather than data: "laws outside
/// your country of residence".
const NOT_DATA_BEFORE: &[&str] = &["outside your", "outside the", "within your", "laws of your", "in your"];
/// Sentences about keeping secrets safe: "keep your password confidential", "we encrypt your
/// credit card number with SSL" say how data is protected (OPP-115: data security), and
/// "phishers" asking for passwords are not the site.
const SECURITY_TALK: &[&str] = &[
    "encrypt",
    "ssl",
    "secure socket",
    "confidential",
    "unauthorized access",
    "unauthorised access",
    "phish",
    "protect against",
    "password protected",
    "password-protected",
    "safeguard",
];
/// Definitions name data as examples of a term: "Personal information means information that
/// identifies you, such as your name or email address".
const DEFINITION: &[&str] = &[
    "we mean",
    "\" means",
    "” means",
    " means any",
    " means information",
    " means data",
    " shall mean",
    "refers to",
    "is defined as",
    "we use the term",
    "is any information",
    "is information that",
    "could be used to identify",
    "can be used to identify",
];
/// Verbs that make a purchase word the business being done rather than data about it: "to
/// process transactions", "fulfill your orders", "credit card processing, shipping or stocking orders".
const SERVICE_VERBS: &[&str] =
    &["process", "fulfil", "complet", "facilitat", "stock", "ship", "handl", "authoriz", "authoris", "execut", "manag"];
/// How a bare word may still name the reader's data.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// Only next to other personal data: "name, email and phone number".
    Listed,
    /// Next to other personal data or as the reader's own: "your name", "your purchases".
    ListedOrOwned,
    /// Only as the reader's own: "your company" (a list's "credit card company" is a company).
    Owned,
}
/// Bare words that name the reader's data only in context (or in a list introduced by "we
/// collect:"). Otherwise they name a channel ("we send email"), a place ("transferred to
/// another country"), a service ("to process transactions"), a purpose ("ads tailored to your
/// interests") or another thing ("domain names", "a credit card company").
const VAGUE: &[(&str, &[&str], Context)] = &[
    ("email", &["email", "e-mail", "emails"], Context::Listed),
    ("name", &["name", "names"], Context::ListedOrOwned),
    ("coarse_location", &["country", "city", "region"], Context::Listed),
    ("purchase_history", &["transactions", "orders", "purchases"], Context::ListedOrOwned),
    ("employment_education", &["company", "organization", "employer"], Context::Owned),
    ("employment_education", &["employment", "education"], Context::Listed),
    ("inferences", &["interests"], Context::ListedOrOwned),
    ("usage_activity", &["activity", "interactions"], Context::ListedOrOwned),
    ("user_content", &["posts", "comments", "reviews"], Context::ListedOrOwned),
    ("photos_media", &["photos", "images", "videos"], Context::ListedOrOwned),
];
const OWNER_WORDS: &[&str] = &[
    "your",
    "their",
    "his",
    "her",
    "my",
    "user's",
    "users'",
    "customer's",
    "customers'",
    "visitor's",
    "visitors'",
    "member's",
    "members'",
    "person's",
    "individual's",
    "child's",
    "parent's",
    "friend's",
    "recipient's",
    "full",
    "real",
];
/// Kinds that do not make a list of the reader's data: tracking tools and messages ("links,
/// emails, and ads", "a one-pixel gif to see whether readers viewed the email").
const NOT_PARTNERS: &[&str] = &["cookies_tracking", "communications"];
/// How far (in characters, inside the clause) a list of data is looked for around a word.
const LIST_REACH: usize = 60;

pub fn collected(ctx: &Ctx, k: &Knowledge) -> (Vec<Finding>, Vec<Finding>) {
    let mut data = FindingSet::default();
    for s in ctx.sentences {
        let matches = k.data_types.matcher.find_all(s.text);
        if matches.is_empty() {
            continue;
        }
        let facts = SentenceFacts::of(ctx, s);
        for m in matches {
            let id = &k.data_types.ids[m.entry];
            if !crate::sentences::in_url(s.text, m.start) && is_collected(k, s, &facts, id, m.start, m.end) {
                data.add(id, ctx.evidence(s));
            }
        }
    }
    let purposes = lexicon_findings(ctx, &k.purposes, |s, _, at| !verb_negated(s.text, at, &["use", "sell", "share"]));
    (data.into_vec(), purposes.into_vec())
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
}

impl SentenceFacts {
    fn of(ctx: &Ctx, s: &Sentence) -> Self {
        let lower = s.text.to_lowercase();
        let short_item = s.text.split_whitespace().count() <= 12;
        let data_item = short_item && has_any(ctx.lead_in(s), COLLECT_CUES);
        // A warning to the reader ("Never put passwords in your files") is not collection.
        let warning = ["never ", "do not ", "don't ", "please do not "].iter().any(|w| lower.starts_with(w));
        let ruled_out = warning
            || contains_phrase(s.text, DEFINITION)
            || defines_personal_information(&lower)
            || contains_phrase(s.text, SECURITY_TALK);
        let heading = ctx.heading(s);
        let states_collection = has_any(s.text, COLLECT_VERBS)
            || (has_any(heading, COLLECT_CUES) && !has_any(heading, &["never", "not", "don't", "warning"]))
            || data_item;
        SentenceFacts { contact_us: contains_phrase(s.text, CONTACT_US), lower, data_item, ruled_out, states_collection }
    }
}

fn is_collected(k: &Knowledge, s: &Sentence, facts: &SentenceFacts, id: &str, at: usize, end: usize) -> bool {
    if facts.ruled_out {
        return false;
    }
    if verb_negated(s.text, at, NEGATED_COLLECT)
        || negated_aside(s.text, at)
        || (!facts.data_item && not_data(k, s.text, id, at, end))
    {
        return false;
    }
    if reader_acts(s.text, at) {
        return false;
    }
    if matches!(id, "email" | "phone" | "postal_address" | "communications" | "name") && facts.contact_us {
        return false;
    }
    // Cookie vocabulary counts on its own: a policy mentioning cookies uses them; a bare
    // title ("Third Party Cookies") or a definition states nothing yet.
    let lower = &facts.lower;
    if id == "cookies_tracking" {
        return !lower.contains("allaboutcookies")
            && !is_title(s.text)
            && !is_definition(lower)
            && !is_pointer_or_browser_talk(lower);
    }
    facts.states_collection
}

/// Whether the words at `at..end` name something other than the reader's data.
fn not_data(k: &Knowledge, text: &str, id: &str, at: usize, end: usize) -> bool {
    let after = text[end..].trim_start().to_lowercase();
    let word = text[at..end].to_lowercase();
    if NOT_DATA_AFTER.iter().any(|w| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
    {
        // "email address of the sender" is still an address; only bare words name a service.
        return !word.ends_with("address") && !word.ends_with("number");
    }
    let before = text[..at].trim_end().to_lowercase();
    let place = id == "coarse_location" && NOT_DATA_BEFORE.iter().any(|w| before.ends_with(w));
    if place || in_proper_name(text, at, end) {
        return true;
    }
    let Some(&(_, _, context)) = VAGUE.iter().find(|(i, words, _)| *i == id && words.contains(&word.as_str())) else {
        return false;
    };
    // "domain names", "the name of your ISP", "file name": another thing's name.
    let thing =
        ["domain", "host", "file", "brand", "product", "company", "site", "trade", "network", "device", "computer", "server"];
    if id == "name" && (after.starts_with("of ") || thing.iter().any(|t| before.ends_with(t))) {
        return true;
    }
    if id == "purchase_history" && served(text, at) {
        return true;
    }
    // "ads tailored to your interests", "based on your interests": a purpose, not a profile
    // (unlike "to understand your interests").
    if id == "inferences" && ["to your", "on your", "match your", "matches your", "with your"].iter().any(|p| before.ends_with(p))
    {
        return true;
    }
    let by_owner = context != Context::Listed && owned(text, at);
    let by_list = context != Context::Owned && listed(k, text, id, at, end);
    !(by_owner || by_list)
}

/// A processing verb among the three words before: "process your transactions".
fn served(text: &str, at: usize) -> bool {
    text[..at].split_whitespace().rev().take(3).any(|w| SERVICE_VERBS.iter().any(|v| w.to_lowercase().starts_with(v)))
}

/// "your name", "the user's name".
fn owned(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end().to_lowercase();
    let prev = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("").replace('’', "'");
    OWNER_WORDS.contains(&prev.as_str()) && !before.ends_with("in your") && !before.ends_with("under your")
}

/// Whether the word stands in a list of data: another data type within reach in the clause,
/// joined by a comma, "and", "or" or a slash.
fn listed(k: &Knowledge, text: &str, id: &str, at: usize, end: usize) -> bool {
    let (cs, ce) = clause(text, at);
    let from = text[cs..at].char_indices().rev().nth(LIST_REACH).map_or(cs, |(i, _)| cs + i);
    let to = text[end..ce].char_indices().nth(LIST_REACH).map_or(ce, |(i, _)| end + i);
    let window = &text[from..to];
    let joined = [",", " and ", " or ", "/", ";"].iter().any(|j| window.contains(j));
    // A partner of the same kind does not count: "domain names and the name of your ISP".
    // Nor does a vague partner other than a name or email: "fulfill orders, send mail or email".
    let own = k.data_types.index(id);
    let partner = |m: &crate::matcher::PhraseMatch| {
        let (pid, pword) = (k.data_types.ids[m.entry].as_str(), window[m.start..m.end].to_lowercase());
        let vague = VAGUE.iter().any(|(i, ws, _)| *i == pid && ws.contains(&pword.as_str()));
        Some(m.entry) != own && !NOT_PARTNERS.contains(&pid) && (matches!(pid, "name" | "email") || !vague)
    };
    joined && k.data_types.matcher.find_all(window).iter().any(|m| from + m.start != at && partner(m))
}

/// A capitalised word inside a run of capitalised words is part of a proper name ("Kaleida
/// Health", "Department of Health", "Research & Education"), unless the run is a title-case
/// list or heading ("Name, Email Address").
fn in_proper_name(text: &str, at: usize, end: usize) -> bool {
    if !text[at..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // "our Health Wellness operations", "Everyday Health Media": a capitalised word right after
    // the match continues a name (the match itself ends at a word boundary).
    let starts_sentence = text[..at].trim().is_empty();
    if !starts_sentence && text[end..].strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())) {
        return true;
    }
    let mut words = text[..at].split_whitespace().rev();
    let mut prev = words.next();
    if matches!(prev, Some("&" | "of" | "for")) {
        prev = words.next();
    }
    prev.is_some_and(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().last().is_some_and(char::is_alphanumeric)
            && !matches!(
                w.to_lowercase().as_str(),
                "your" | "our" | "the" | "a" | "an" | "my" | "and" | "or" | "what" | "which" | "how" | "why" | "about"
            )
    })
}

/// Negations the clause splitter cuts off: "We do not, however, collect IP addresses" (the
/// aside ends the clause), "the domain name and browser version but not the e-mail address"
/// (the item itself is excluded).
fn negated_aside(text: &str, at: usize) -> bool {
    let before = text[..at].to_lowercase();
    let before = before.trim_end();
    let excluded_item = ["not", "not the", "not your", "not any", "nor", "nor the", "nor your", "never your"]
        .iter()
        .any(|n| before.ends_with(&format!(" {n}")));
    let aside = ["not, however,", "never, however,", "not, though,"]
        .iter()
        .filter_map(|a| before.rfind(a).map(|i| &before[i..]))
        .any(|rest| !rest.contains(['.', ';']) && has_any(rest, NEGATED_COLLECT));
    excluded_item || aside
}

/// "Personally identifiable information includes a name, an address or a social security
/// number": the term explained, unless the site says it collects them.
fn defines_personal_information(lower: &str) -> bool {
    const TERMS: &[&str] = &[
        "personally identifiable information",
        "personal information",
        "personal data",
        "pii",
        "personally identifying information",
    ];
    let term = TERMS.iter().any(|t| lower.starts_with(t));
    let head: String = lower.chars().take(80).collect();
    term && [" includes", " include ", " is ", " means", " refers", " consists"].iter().any(|v| head.contains(v))
        && !has_any(lower, &["we", "our"])
}

/// The reader is the one acting on the data ("you can update your email address", "if you
/// disable cookies"): a choice or an access right, not a collection statement. The choice verb
/// must follow the reader within a few words, so "allows you to sign up ... clear GIFs" is not one.
fn reader_acts(text: &str, at: usize) -> bool {
    let (cs, ce) = clause(text, at);
    let c = text[cs..ce].to_lowercase();
    READER_ACTS.iter().any(|p| {
        c.match_indices(p).any(|(i, _)| {
            let next: Vec<&str> = c[i + p.len()..].split_whitespace().take(READER_REACH).collect();
            next.iter().any(|w| CHOICE_VERBS.iter().any(|v| w.trim_matches(|ch: char| !ch.is_alphanumeric()).starts_with(v)))
        })
    })
}

/// A heading-like line: a few words with no verb, without a full stop or in title case
/// ("Cookies", "Third Party Cookies", "Web Beacons and Other Tracking Technologies.").
fn is_title(text: &str) -> bool {
    let t = text.trim_end();
    let verb =
        |w: &str| matches!(w, "we" | "use" | "uses" | "used" | "may" | "set" | "collect" | "collects" | "place" | "places");
    let raw: Vec<&str> = t.split_whitespace().collect();
    let words: Vec<String> = raw.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let minor = |w: &str| matches!(w, "and" | "or" | "of" | "the" | "a" | "by" | "for" | "to" | "on" | "in" | "&");
    let title_case = raw.iter().all(|w| minor(&w.to_lowercase()) || !w.starts_with(|c: char| c.is_lowercase()));
    words.len() <= 8 && (!t.ends_with('.') || title_case) && !words.iter().any(|w| verb(w))
}

/// "What are cookies?", "A cookie is a small text file", "Web beacons are tiny graphics": what a
/// tracking tool is, not that the site uses it.
fn is_definition(lower: &str) -> bool {
    const TOOLS: &[&str] = &[
        "cookie",
        "cookies",
        "web beacon",
        "web beacons",
        "web bug",
        "web bugs",
        "pixel tag",
        "pixel tags",
        "clear gif",
        "clear gifs",
        "flash cookie",
        "flash cookies",
        "cookie file",
        "cookie files",
    ];
    if ["what are cookies", "what is a cookie", "what are web beacons"].iter().any(|p| lower.contains(p)) {
        return true;
    }
    // "Cookies are identifiers that we transfer to your device" says the site uses them.
    if lower.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "we" | "us" | "our")) {
        return false;
    }
    let t = lower.replace(['"', '“', '”'], "");
    let t = t.trim_start_matches("a ").trim_start_matches("an ").trim_start_matches("the ");
    TOOLS.iter().any(|tool| {
        t.strip_prefix(tool).is_some_and(|rest| {
            let rest = rest.trim_start();
            let rest = if rest.starts_with('(') { rest.find(')').map_or(rest, |i| rest[i + 1..].trim_start()) } else { rest };
            ["is ", "are ", "contain", "can "].iter().any(|v| rest.starts_with(v))
        })
    })
}

/// Pointers elsewhere ("See Sections IV and V for more detail on cookies", "For more information
/// about your choices for cookies, please see ...") and browser behaviour ("Most browsers accept
/// cookies") state no practice of the site.
fn is_pointer_or_browser_talk(lower: &str) -> bool {
    let pointer =
        ["see ", "please see", "for more information", "for more detail", "to learn more", "learn more", "you can find more"]
            .iter()
            .any(|p| lower.starts_with(p))
            || lower.contains("please see")
            || lower.contains("see the section")
            || lower.contains("see our ");
    let browser = (lower.contains("browser") || lower.contains("internet options"))
        && [
            "accept",
            "reject",
            "block",
            "declin",
            "disabl",
            "delet",
            "clear",
            "modify",
            "setting",
            "options",
            "help menu",
            "refus",
            "enabled",
        ]
        .iter()
        .any(|v| lower.contains(v));
    pointer || browser
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::knowledge;

    #[test]
    fn bare_words_need_personal_context() {
        let t = "We may send you email about new features.";
        assert!(not_data(knowledge(), t, "email", t.find("email").unwrap(), t.find("email").unwrap() + 5));
        let t = "We ask for your name, email and phone number.";
        assert!(!not_data(knowledge(), t, "email", t.find("email").unwrap(), t.find("email").unwrap() + 5));
        let t = "We log domain names and the name of your ISP.";
        let at = t.find("names").unwrap();
        assert!(not_data(knowledge(), t, "name", at, at + 5));
        let t = "Please tell us your name.";
        let at = t.find("name").unwrap();
        assert!(!not_data(knowledge(), t, "name", at, at + 4));
    }

    #[test]
    fn services_and_proper_names_are_not_data() {
        let t = "We use a credit card processing company.";
        let at = t.find("credit card").unwrap();
        assert!(not_data(knowledge(), t, "payment_card", at, at + 11));
        let t = "Kaleida Health will protect your records.";
        let at = t.find("Health").unwrap();
        assert!(not_data(knowledge(), t, "health", at, at + 6));
        let t = "We collect health information.";
        let at = t.find("health").unwrap();
        assert!(!not_data(knowledge(), t, "health", at, at + 6));
    }

    #[test]
    fn negations_cut_off_by_asides_still_count() {
        let t = "We do not, however, collect IP addresses.";
        assert!(negated_aside(t, t.find("IP").unwrap()));
        let t = "The server recognizes your browser version but not the e-mail address.";
        assert!(negated_aside(t, t.find("e-mail").unwrap()));
        let t = "We collect your email address.";
        assert!(!negated_aside(t, t.find("email").unwrap()));
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
