//! Sentences that mention data without collecting it: the reader acting on their own data,
//! definitions, titles, security advice, pointers to browser settings.

use crate::sentences::{clause, contains_phrase, has_any};

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
/// Sentences about keeping secrets safe: "keep your password confidential", "we encrypt your
/// credit card number with SSL" say how data is protected (OPP-115: data security), and
/// "phishers" asking for passwords are not the site.
pub(super) const SECURITY_TALK: &[&str] = &[
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
pub(super) const DEFINITION: &[&str] = &[
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
/// A definition of data the site itself holds: "User Registration Data means data collected at
/// registration, including your email address", "Account Information refers to your name,
/// mailing address and phone number". Modern policies name their categories so; such a
/// definition says what is collected.
pub(super) fn defines_collected_data(text: &str) -> bool {
    contains_phrase(
        text,
        &["collected", "we collect", "we receive", "we obtain", "you provide", "provided by you", "refers to your", "means your"],
    )
}

/// "Personally identifiable information includes a name, an address or a social security
/// number": the term explained, unless the site says it collects them.
pub(super) fn defines_personal_information(lower: &str) -> bool {
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
pub(super) fn reader_acts(text: &str, at: usize) -> bool {
    let (cs, ce) = clause(text, at);
    let c = text[cs..ce].to_lowercase();
    static PHRASES: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| aho_corasick::AhoCorasick::new(READER_ACTS).expect("reader phrases build an automaton"));
    phrases.find_overlapping_iter(&c).any(|m| {
        c[m.end()..]
            .split_whitespace()
            .take(READER_REACH)
            .any(|w| CHOICE_VERBS.iter().any(|v| w.trim_matches(|ch: char| !ch.is_alphanumeric()).starts_with(v)))
    })
}

/// A heading-like line: a few words with no verb, without a full stop or in title case
/// ("Cookies", "Third Party Cookies", "Web Beacons and Other Tracking Technologies.").
pub(super) fn is_title(text: &str) -> bool {
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
pub(super) fn is_definition(lower: &str) -> bool {
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
pub(super) fn is_pointer_or_browser_talk(lower: &str) -> bool {
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
