//! Known organisations named in a sentence, and the ones named there without being given any
//! data: certifiers, self-regulatory bodies, complaint bodies, authorities named for their
//! rules, products named after their maker.

use super::own::strip_possessive;
use super::{
    CHOICE_TALK, Ctx, LINKED_SITES, NOT_A_RECIPIENT, NOT_GIVEN, PAGE_CHROME, PAGE_CHROME_MAX_WORDS, PROFILE_LINK,
    PROFILE_LINK_MAX_WORDS, SITE_USES, THEIR_POLICY, TRACKING_THERE, add,
};
use crate::knowledge::Knowledge;
use crate::matcher::PhraseMatch;
use crate::report::ThirdParty;
use crate::sentences::{Sentence, contains_phrase, has_any, in_url, starts_with_word, tail, verb_negated};

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
    "transparency & consent framework",
    "transparency and consent framework",
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
    "truste program",
    "validation page",
    // Privacy Shield's pledge to regulators, and notifying a regulator of the processing.
    "comply with the advice",
    "advice given by",
    "has been reported to",
    "has been declared to",
    "registered with the",
    "jurisdiction",
];
/// Verbs that show data moving, which outweigh certification talk: "your data is transferred to
/// the US by Amazon Web Services, which is certified under the Privacy Shield".
/// ("received TRUSTe's Privacy Seal" is no data flow, so "receive" is not among them.)
const DATA_FLOW: &[&str] = &["transfer", "shar", "disclos", "sell", "sold", "host", "process", "stor", "send", "sent"];
/// Search engines named as examples: "a search engine (such as Google or Bing)".
const SEARCH_ENGINES: &[&str] = &["search engine", "crawler"];
/// A short step of instructions ("Select Google;") names a menu item, not a recipient.
const INSTRUCTION_STEP: &[&str] = &["select", "tap", "open", "click", "choose"];
const INSTRUCTION_STEP_MAX_WORDS: usize = 4;

/// Verbs that show data moving to a company whatever else the sentence says of it. Narrower
/// than `DATA_FLOW`: "the Apple App Store" is no storage, a "dispute resolution process" no
/// processing of the reader's data.
const CUE_OUTWEIGHING_FLOW: &[&str] = &["transfer", "shar", "disclos", "sell", "sold", "send", "sent", "receiv"];

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
    "IDFA",
    "AAID",
    "Advertising ID",
    "Advertiser ID",
    "Advertising Identifier",
    "folder",
    "website",
    "web site",
    "Report",
    // Page furniture: "Facebook logo Instagram logo" (icons' alternative text).
    "logo",
    // "in Google settings": the reader's device or account settings.
    "settings",
    "Xbox",
    // "sent to a Hotmail or Yahoo e-mail address": the reader's mailbox, not a recipient.
    "e-mail address",
    "email address",
];
/// A company named for its group ("one of the Facebook Companies"): affiliates, not third parties.
const GROUP_AFTER: &[&str] = &["Companies", "Company Products", "family of companies", "group of companies", "Group companies"];
/// Regulators and programmes named as where to complain are not recipients of the data.
const COMPLAINT: &[&str] = &["complain", "complaint", "lodge"];
const COMPLAINT_PHRASES: &[&str] =
    &["filing a report", "file a report", "report it to", "report identity theft", "you may contact", "you can contact"];
const AUTHORITY_DISCLOSURE: &[&str] =
    &["disclos", "share", "provid", "report", "pass", "release", "transfer", "request", "respond", "cooperat", "handed"];

pub(super) fn third_parties_named(
    ctx: &Ctx,
    k: &Knowledge,
    s: &Sentence,
    parties: &[PhraseMatch],
    own: &[usize],
    out: &mut Vec<ThirdParty>,
) {
    let certification = contains_phrase(s.text, CERTIFICATION) && !has_any(s.text, DATA_FLOW);
    let words = s.text.split_whitespace().count();
    let lower_start = crate::sentences::head(s.text, 8).to_ascii_lowercase();
    let chrome = (contains_phrase(s.text, PAGE_CHROME) && words <= PAGE_CHROME_MAX_WORDS)
        || (starts_with_word(&lower_start, PROFILE_LINK) && words <= PROFILE_LINK_MAX_WORDS)
        // A step of instructions: "Open Settings; Select Google; Select Privacy."
        || (starts_with_word(&lower_start, INSTRUCTION_STEP) && words <= INSTRUCTION_STEP_MAX_WORDS);
    let linked_site = contains_phrase(s.text, LINKED_SITES) && !contains_phrase(s.text, TRACKING_THERE);
    // "a search engine (such as Google or Bing)", "search engine crawlers (e.g. Google, Yahoo)":
    // the names say what kind of thing is meant, and nothing is given to them.
    let search_engine_talk = contains_phrase(s.text, SEARCH_ENGINES) && !has_any(s.text, DATA_FLOW);
    if chrome || linked_site || furniture(ctx, s) || contains_phrase(s.text, NOT_A_RECIPIENT) {
        return;
    }
    // Regulators in certification talk ("the Safe Harbor framework of the U.S. Department of
    // Commerce") administer the programme whatever verbs surround them.
    let administers = contains_phrase(s.text, CERTIFICATION);
    // Whoever hears complaints (a regulator, a seal programme) is not given data; software the
    // site runs on its own servers ("we self-host Plausible") gives its maker none either.
    if has_any(s.text, COMPLAINT)
        || contains_phrase(s.text, COMPLAINT_PHRASES)
        || contains_phrase(s.text, crate::signals::cues("self_hosted"))
    {
        return;
    }
    // "private data that won't be shared with business partners:" followed by a list: the
    // services named in its items get nothing.
    let lead_in = ctx.lead_in(s);
    if !lead_in.is_empty() && verb_negated(lead_in, lead_in.len() - 1, NOT_GIVEN) {
        return;
    }
    let data_flow = has_any(s.text, CUE_OUTWEIGHING_FLOW);
    // "We allow Adobe to set cookies ... for Adobe Flash Player": the maker sets them itself.
    let lets_it_set_cookies = contains_phrase(s.text, &["allow", "to set", "to place", "sets cookies", "places cookies"]);
    let their_policy = contains_phrase(s.text, THEIR_POLICY);
    let choice_talk = contains_phrase(s.text, CHOICE_TALK);
    for m in parties {
        let p = &k.parties[m.entry];
        let (before, after) = (&s.text[..m.start], &s.text[m.end..]);
        let search_engine_example = search_engine_talk && contains_phrase(before, SEARCH_ENGINES);
        if (their_policy && !used_by_site(before)) || (choice_talk && names_its_opt_out_page(after)) || search_engine_example {
            continue;
        }
        let authority_not_given_data = p.category == "authorities"
            && (administers
                || contains_phrase(s.text, AUTHORITY_ROLE)
                || makes_rules(s.text, m.start, m.end)
                || informs(&s.text[m.end..])
                || gives_advice(&s.text[..m.start])
                || !has_any(s.text, AUTHORITY_DISCLOSURE));
        let other_role = !data_flow && !lets_it_set_cookies && mentions_any(s.text, &p.non_recipient_cues);
        // "the advertising companies we work with, including DoubleClick, are members of the NAI":
        // partners named as such stay partners whatever programme they belong to.
        let certified_only = certification && !listed_as_partner(&s.text[..m.start]);
        if in_url(s.text, m.start)
            || certified_only
            || authority_not_given_data
            || other_role
            || names_its_group(&s.text[m.end..])
            || own.contains(&m.entry)
            || not_a_party(&p.name, &s.text[m.end..])
            || named_in_product(&s.text[..m.start])
            || listed_as_affiliate(&s.text[..m.start])
        {
            continue;
        }
        add(out, &p.name, &p.category, None, ctx.evidence_near(s, m.start));
    }
}

/// "We use BluePay ...": the site says it uses the company named next.
fn used_by_site(before: &str) -> bool {
    let lower = tail(before, 24).trim_end().to_lowercase();
    SITE_USES.iter().any(|w| lower.ends_with(w))
}

/// Where a company's opt-out lives, named in choice talk: "on TRUSTe's site", "the Amazon
/// Advertising Preferences page". The company gets nothing from such a sentence.
const OPT_OUT_PAGE_AFTER: &[&str] =
    &["site", "website", "web site", "preferences page", "preference page", "opt-out page", "opt out page"];

fn names_its_opt_out_page(after: &str) -> bool {
    let after = strip_possessive(after.trim_start()).to_lowercase();
    starts_with_word(&after, OPT_OUT_PAGE_AFTER)
}

/// What an authority is named for when no data goes to it: its adequacy decisions and model
/// contracts ("countries deemed to provide an adequate level of protection by the European
/// Commission"), or a panel the site cooperates with on complaints.
const AUTHORITY_ROLE: &[&str] =
    &["adequa", "model contract", "contractual clauses", "cooperate with", "co-operate with", "regulations issued by"];

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
    "has jurisdiction",
    "has assessed",
    "assessed",
    "has not deemed",
    "have not deemed",
    "have deemed",
    "have approved",
    "have adopted",
    "have decided",
    "have determined",
    "have found",
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
    "issued by",
    "determined by",
    "deemed by",
    "assessed by",
    "found by",
    "conforms to",
    "conform to",
    "comply with",
    "complies with",
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
const RULES_OWNED: &[&str] = &[
    "standard",
    "model",
    "adequacy",
    "decision",
    "approved",
    "clauses",
    "sccs",
    "-approved",
    "-adopted",
    "fair information",
    "guidelines",
    "rules",
    "principles",
];

fn makes_rules(text: &str, start: usize, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let owned = strip_possessive(rest);
    if (owned.len() < rest.len() || rest.starts_with('-')) && RULES_OWNED.iter().any(|w| owned.to_lowercase().starts_with(w)) {
        return true;
    }
    let after = rest.to_lowercase();
    let before = text[..start].trim_end().to_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    starts_with_word(&after, RULE_MAKING_AFTER) || RULE_MAKING_BEFORE.iter().any(|w| before.ends_with(w))
}

/// Words a line of page furniture may have: a menu item ("Facebook"), an app badge, a
/// footnote. A short line under a list's lead-in or a heading about partners is a list item.
const FURNITURE_MAX_WORDS: usize = 4;
const PARTNER_HEADINGS: &[&str] =
    &["third part", "partner", "provider", "vendor", "service", "analytic", "advertis", "cookie", "processor", "recipient"];

/// How far back (in bytes) a list's introduction ("Partners ... are listed below.") may be.
const LIST_INTRO_REACH: usize = 400;
const LIST_INTRO: &[&str] = &["below", "following", "include", "including"];

fn furniture(ctx: &Ctx, s: &Sentence) -> bool {
    // "Nielsen: http://www.nielsen.com/privacy": a partner listed with its privacy page.
    let with_link = s.text.contains("://") || s.text.contains("www.");
    if s.text.split_whitespace().count() > FURNITURE_MAX_WORDS || with_link || !ctx.lead_in(s).is_empty() {
        return false;
    }
    let before = tail(&ctx.segments[s.segment].text[..s.start], LIST_INTRO_REACH);
    let introduced =
        [ctx.heading(s), before].iter().any(|t| contains_phrase(t, PARTNER_HEADINGS) || contains_phrase(t, LIST_INTRO));
    !introduced
}

/// "the information about children and privacy that the FTC provides", "The FTC and the
/// Antiphishing Workgroup are also good sources of information": the authority informs.
fn informs(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(next.trim_end_matches(|c: char| !c.is_alphanumeric()), "provides" | "offers" | "publishes" | "explains")
        || contains_phrase(after, &["sources of information", "source of information"])
}

/// "the helpful information provided by the FTC": the authority as a source of advice.
fn gives_advice(before: &str) -> bool {
    let before = before.trim_end().to_lowercase();
    ["information provided by", "advice provided by", "information from", "guidance from", "tips from"]
        .iter()
        .any(|p| before.ends_with(p) || before.ends_with(&format!("{p} the")))
}

/// A company named for its group: "one of the Facebook Companies", "the Acme family of companies".
fn names_its_group(after: &str) -> bool {
    let after = strip_possessive(after.trim_start());
    starts_with_word(after, GROUP_AFTER)
}

/// Whether `text` names one of `cues` (lower-case) at a word start. Asked only of sentences
/// that name a company with such cues, so a plain search is cheap enough.
fn mentions_any(text: &str, cues: &[String]) -> bool {
    if cues.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    cues.iter().any(|c| {
        lower.match_indices(c.as_str()).any(|(i, _)| lower[..i].chars().next_back().is_none_or(|b| !b.is_alphanumeric()))
    })
}

/// A product named for what it works with: "Active Backup for Office 365" is the site's own
/// product, and Office 365 gets nothing from it.
fn named_in_product(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(" for") else {
        return false;
    };
    let mut words = rest.split_whitespace().rev();
    let product = words.next().unwrap_or("");
    let starts_sentence = words.next().is_none();
    product.chars().next().is_some_and(char::is_uppercase) && !starts_sentence
}

/// Phrases that open a list of the site's partners.
const PARTNER_LIST: &[&str] = &[
    "we work with",
    "we partner with",
    "we engage",
    "partners include",
    "partners, including",
    "partners such as",
    "partners, such as",
    "vendors, including",
    "vendors such as",
    "vendors, such as",
    "providers, including",
    "providers such as",
    "providers, such as",
    "companies, including",
    "companies such as",
];

fn listed_as_partner(before: &str) -> bool {
    contains_phrase(tail(before, LIST_REACH), PARTNER_LIST)
}

/// How far back a list of partners or affiliates may begin.
const LIST_REACH: usize = 100;

/// Nouns for outside companies: a list after "affiliates, or service providers (including"
/// belongs to the providers, not to the affiliates.
const OUTSIDE_NOUNS: &[&str] = &["provider", "partner", "vendor", "advertiser", "processor", "network"];

/// A company listed as an affiliate ("an AT&T affiliate (like Xandr)", "our subsidiaries, such
/// as X"): part of the site's own group, which OPP-115 and readers tell apart from third parties.
fn listed_as_affiliate(before: &str) -> bool {
    let near = tail(before, LIST_REACH).to_lowercase();
    let Some(at) = near.rfind("affiliate").or_else(|| near.rfind("subsidiar")) else {
        return false;
    };
    let between = &near[at..];
    let Some(opens) = [" like ", "such as", "includ", "("].iter().filter_map(|w| between.find(w)).min() else {
        return false;
    };
    !between.contains([';', '.', ':']) && !OUTSIDE_NOUNS.iter().any(|n| between[..opens].contains(n))
}

/// A self-regulatory body, or a company named for its product ("Adobe Flash").
fn not_a_party(name: &str, after: &str) -> bool {
    let after = strip_possessive(after.trim_start());
    SELF_REGULATORY.contains(&name) || starts_with_word(after, PRODUCT_AFTER)
}
