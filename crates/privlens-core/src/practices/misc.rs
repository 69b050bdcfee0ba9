//! Children, international transfers, security measures, contacts and policy changes.

use std::sync::OnceLock;

use regex_lite::Regex;

use super::{Ctx, FindingSet, lexicon_findings};
use crate::knowledge::Knowledge;
use crate::report::{Changes, Children, Contact, Finding, Transfer};
use crate::sentences::{contains_phrase, has_any, head, tail, verb_negated};

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

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
            && k.transfer_mechanisms.matcher.find_all(s.text).iter().any(|m| k.transfer_mechanisms.ids[m.entry] == id)
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
        for m in k.regions.matcher.find_all(s.text) {
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
    "unencrypted",
    "not encrypted",
    "string of characters",
    "cannot be turned back",
    "targeted advertising",
    "encryption-generated",
];

pub fn contacts(ctx: &Ctx) -> Vec<Contact> {
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    let email = regex(&EMAIL, r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}");
    let mut out: Vec<Contact> = Vec::new();
    let mut push = |kind: &str, value: String, ev| {
        if !out.iter().any(|c: &Contact| c.kind == kind && c.value.eq_ignore_ascii_case(&value)) {
            out.push(Contact { kind: kind.to_string(), value, evidence: ev });
        }
    };
    for s in ctx.sentences {
        // The address pattern has no literal prefix, so the regex engine would try every byte.
        // A regulator's address, given for complaints, is not a way to reach the company.
        let regulators = contains_phrase(s.text, REGULATOR_TALK);
        let addresses = if s.text.contains('@') && !regulators { email.find_iter(s.text).collect() } else { Vec::new() };
        for m in addresses {
            push("email", m.as_str().trim_end_matches('.').to_string(), ctx.evidence(s));
        }
        if contains_phrase(s.text, &["data protection officer", " dpo", "(dpo)", "datenschutzbeauftragte"]) {
            push("dpo", "Data protection officer".to_string(), ctx.evidence(s));
        }
        if let Some(number) = phone_number(s.text) {
            push("phone", number, ctx.evidence(s));
        }
        if let Some(address) = postal_address(s.text).filter(|_| offers_address(ctx, s)) {
            push("postal_address", address, ctx.evidence(s));
        }
        if contains_phrase(s.text, WEB_FORMS)
            && has_any(s.text, &["contact", "request", "question"])
            && !has_any(s.text, &["order", "purchas"])
        {
            push("web_form", "Contact form".to_string(), ctx.evidence(s));
        }
    }
    out
}

const WEB_FORMS: &[&str] = &[
    "contact form",
    "contact us form",
    "web form",
    "online form",
    "privacy request form",
    "webform",
    "form on our website",
    "form on our site",
];

/// Sentences that point to a regulator ("lodge a complaint with the ICO at casework@ico.org.uk").
/// Addresses for others' business: a regulator's (given for complaints) or the legal
/// department's for copyright notices.
const REGULATOR_TALK: &[&str] =
    &["lodge", "supervisory authority", "data protection authority", "commissioner", "regulator", "copyright", "infringement"];

/// A telephone number offered for calling: "call us at 1-800-782-8332", "Tel: +44 20 7946 0958".
fn phone_number(text: &str) -> Option<String> {
    if !contains_phrase(text, &["call", "phone", "telephone", "tel:", "tel.", "toll-free", "toll free"]) {
        return None;
    }
    static PHONE: OnceLock<Regex> = OnceLock::new();
    let phone = regex(&PHONE, r"\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,4}\)?){2,4}");
    phone
        .find_iter(text)
        .map(|m| m.as_str().trim().to_string())
        .find(|n| (9..=15).contains(&n.chars().filter(char::is_ascii_digit).count()))
}

/// Words that offer an address to write to, in the sentence, its lead-in or its heading.
const ADDRESS_CUES: &[&str] = &[
    "write to",
    "writing to",
    "by mail",
    "by post",
    "mailing address",
    "postal address",
    "attn",
    "attention:",
    "address:",
    "contact",
    "registered office",
    "located at",
    "letter",
    "c/o",
    "our address",
    "send",
    "directed to",
];

fn offers_address(ctx: &Ctx, s: &crate::sentences::Sentence) -> bool {
    // An address block's lines sit next to the line that offers it ("ATTN: Privacy Operations"),
    // before or after them.
    let text = &ctx.segments[s.segment].text;
    let near_before = tail(&text[..s.start], ADDRESS_REACH);
    let near_after = head(&text[s.end..], ADDRESS_REACH);
    [s.text, near_before, near_after, ctx.lead_in(s), ctx.heading(s)].iter().any(|t| contains_phrase(t, ADDRESS_CUES))
}

/// Street words the address pattern below needs one of, as whole words ("Road", "rue", "Box")
/// or word endings ("Aastvej", "Hauptstraße", "Hauptstr."). Numbered sections ("4.1 Cookies")
/// put a digit in many sentences; this word test spares them the pattern's slower run.
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Drive",
    "Dr",
    "Boulevard",
    "Blvd",
    "Lane",
    "Ln",
    "Way",
    "Place",
    "Pl",
    "Court",
    "Ct",
    "Square",
    "Sq",
    "Plaza",
    "Parkway",
    "Pkwy",
    "Highway",
    "Hwy",
    "Terrace",
    "Circle",
    "Row",
    "Broadway",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "via",
    "calle",
    "rua",
    "Box",
];
const STREET_ENDINGS: &[&str] = &[
    "straße", "strasse", "str", "vej", "weg", "gade", "gatan", "vägen", "laan", "straat", "gasse", "platz", "allee", "plein",
    "kade",
];

fn may_name_a_street(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| STREET_WORDS.contains(&w) || STREET_ENDINGS.iter().any(|e| w.len() > e.len() && w.ends_with(e)))
}

/// How far (in bytes) from an address block its offer may be.
const ADDRESS_REACH: usize = 120;

/// How far (in bytes) after the street its postcode may come.
const POSTCODE_REACH: usize = 60;

/// A street address with its number, and the postcode that follows it within a line:
/// "1601 Willow Road Menlo Park, CA 94025", "Aastvej 1, 7190 Billund", "P.O. Box 123".
fn postal_address(text: &str) -> Option<String> {
    if !text.contains(|c: char| c.is_ascii_digit()) || !may_name_a_street(text) {
        return None;
    }
    static STREET: OnceLock<Regex> = OnceLock::new();
    let street = regex(
        &STREET,
        concat!(
            r"\b\d{1,5}[A-Za-z]?\s+(?:(?:[A-Z][A-Za-z.'-]*|\d{1,3}(?:st|nd|rd|th))\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Place|Pl|Court|Ct|Square|Sq|Plaza|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Row|Broadway)\b\.?",
            r"|\b[A-ZÄÖÜÅÆØ][a-zäöüßåæøé-]*(?:straße|strasse|str\.|vej|weg|gade|gatan|vägen|laan|straat|gasse|platz|allee|plein|kade)\s+\d{1,4}[a-z]?\b",
            r"|\b\d{1,4},?\s+(?:rue|avenue|boulevard|place|via|calle|rua)\s+[A-Za-zÀ-ÿ' -]{2,40}",
            r"|\bP\.?\s?O\.?\s+Box\s+\d+",
            // "P.O." ending the line before: lines are sentences of their own.
            r"|^Box\s+\d+",
        ),
    );
    static POSTCODE: OnceLock<Regex> = OnceLock::new();
    let postcode = regex(&POSTCODE, r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d{4,5}\b");
    let m = street.find(text)?;
    let end = postcode.find(head(&text[m.end()..], POSTCODE_REACH)).map_or(m.end(), |p| m.end() + p.end());
    Some(text[m.start()..end].trim().trim_end_matches(',').to_string())
}

const EMAIL_NOTICE: &[&str] = &[
    "by email",
    "by e-mail",
    "via email",
    "via e-mail",
    "send you an email",
    "email you",
    "notice by email",
    "emailing you",
    "e-mail notification",
    "email notification",
    "directly notify",
    "notify you directly",
    "contact you",
];
/// An active notice on the site: the reader sees it without looking for it.
const SITE_NOTICE: &[&str] = &[
    "prominent notice",
    "notice on our",
    "notice on the",
    "banner",
    "prominently post",
    "prominently display",
    "notification on our",
    "pop-up",
    "prominently",
];
/// A promise to tell the reader, by whatever channel: "we will notify you if we make any
/// material changes", "notify you via WeChat". Counted as a notice on the service itself unless
/// the channel is email, or the "notice" is the posting ("notify you by posting the new policy").
const ACTIVE_NOTICE: &[&str] = &[
    "notify you",
    "notify users",
    "inform you",
    "let you know",
    "alert you",
    "provide you with notice",
    "give you notice",
    "provide notice",
    "notice to you",
    "additional notice",
    "notice of material changes",
    "notice through the services",
];
const NOTICE_BY_POSTING: &[&str] = &["by posting", "by updating", "by placing", "by changing the"];
/// The new version is merely put up; the reader has to check.
const POSTED: &[&str] = &[
    "posting the",
    "post the",
    "post any",
    "posted on",
    "on this page",
    "on our website",
    "on the website",
    "on our site",
    "on this site",
    "banner",
    "updated date",
    "last updated",
    "revised date",
    "effective date",
    "homepage",
    "check whenever",
    "check this page",
    "review this policy",
    "posted here",
    "check back",
    "review it periodically",
    "periodically visit this page",
    "periodically reread",
    "bookmark this page",
    "no obligation to notify",
];
pub const CONTINUED_USE: &[&str] = &[
    "continued use",
    "continue to use",
    "continuing to use",
    "use the site after",
    "use the service after",
    "use our services after",
    "continue using",
    "after its effective date",
    "you will be deemed",
    "assume you agree",
    "constitutes your acceptance",
    "constitute acceptance",
    "deemed to have accepted",
    "constitutes acceptance",
    "signifies your acceptance",
    "means you accept",
    "continued access",
    "after the privacy policy has been updated",
    "consider your use as",
    "will deem that you",
    "following these changes",
    "after the effective date",
    "failure to opt out after",
];

/// Use itself, not only continued use, taken as accepting the policy.
const USE_AS_ACCEPTANCE: &[&str] = &["by using", "by visiting or using", "your use of any"];

/// "Your continued use of our Website constitutes your acceptance of those changes", "By using
/// Fox News Services, you agree to the terms of this Privacy Policy".
fn accepts_by_use(text: &str) -> bool {
    (contains_phrase(text, CONTINUED_USE) || contains_phrase(text, USE_AS_ACCEPTANCE))
        && has_any(text, &["agree", "accept", "consent", "deemed", "bound", "assume", "constitut"])
        && has_any(text, &["change", "update", "modif", "amend", "revis", "policy", "notice", "statement", "terms"])
}

pub fn changes(ctx: &Ctx) -> Changes {
    let mut out = Changes::default();
    let mut seen = FindingSet::default();
    // Acceptance by use may stand in a sentence that names no change.
    if let Some(s) = ctx.sentences.iter().find(|s| accepts_by_use(s.text)) {
        out.continued_use_is_acceptance = true;
        out.evidence.push(ctx.evidence(s));
    }
    for s in ctx.sentences {
        let about_change = has_any(s.text, &["change", "update", "modif", "amend", "revis"])
            && (has_any(s.text, &["policy", "notice", "statement", "terms"])
                || has_any(ctx.heading(s), &["change", "update", "policy", "revis"]));
        let heading_change = has_any(ctx.heading(s), &["change", "update", "amend", "revis", "might the policy"]);
        if !(about_change || heading_change) || is_date_line(s.text) {
            continue;
        }
        let mut relevant = false;
        if contains_phrase(s.text, EMAIL_NOTICE) && !verb_negated(s.text, 0, &["notify", "email", "send", "contact"]) {
            seen.add("notice_by_email", ctx.evidence(s));
            relevant = true;
        }
        let promised = contains_phrase(s.text, ACTIVE_NOTICE)
            && !contains_phrase(s.text, NOTICE_BY_POSTING)
            && !verb_negated(s.text, 0, &["notify", "inform", "let", "alert", "provide", "give"]);
        if contains_phrase(s.text, SITE_NOTICE)
            || (promised && !seen.has("notice_by_email") && !contains_phrase(s.text, EMAIL_NOTICE))
        {
            seen.add("notice_on_site", ctx.evidence(s));
            relevant = true;
        } else if promised {
            relevant = true;
        } else if contains_phrase(s.text, POSTED) {
            seen.add("posted_only", ctx.evidence(s));
            relevant = true;
        }
        if accepts_by_use(s.text) {
            out.continued_use_is_acceptance = true;
            relevant = true;
        }
        if relevant && out.evidence.len() < 3 {
            out.evidence.push(ctx.evidence(s));
        }
    }
    let active = seen.has("notice_by_email") || seen.has("notice_on_site");
    out.notice = seen.into_vec().into_iter().map(|f| f.id).filter(|id| !(active && id == "posted_only")).collect();
    out
}

/// "Last updated: June 30, 2026": the date of this version, which says nothing of how changes
/// are announced.
fn is_date_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ["last updated", "last modified", "last revised", "updated", "effective", "revised"].iter().any(|p| lower.starts_with(p))
        && text.split_whitespace().count() <= DATE_LINE_WORDS
}

const DATE_LINE_WORDS: usize = 7;

#[cfg(test)]
mod tests {
    use crate::practices_of_text;

    fn notice(text: &str) -> Vec<String> {
        practices_of_text(text, None).changes.notice
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
    fn postal_addresses_offered_for_writing_are_contacts() {
        let contacts = |t: &str| practices_of_text(t, None).contacts.into_iter().map(|c| (c.kind, c.value)).collect::<Vec<_>>();
        let facebook = "You can contact us online or by mail at: Facebook, Inc. ATTN: Privacy Operations 1601 Willow Road Menlo Park, CA 94025";
        assert_eq!(contacts(facebook), vec![("postal_address".to_string(), "1601 Willow Road Menlo Park, CA 94025".to_string())]);
        let lego = "Questions can be directed to LEGO System A/S, Aastvej 1, 7190 Billund, Denmark.";
        assert_eq!(contacts(lego), vec![("postal_address".to_string(), "Aastvej 1, 7190".to_string())]);
        let block = "Contact us by mail at:\n\nFacebook, Inc.\nATTN: Privacy Operations\n1601 Willow Road\nMenlo Park, CA 94025";
        assert_eq!(contacts(block), vec![("postal_address".to_string(), "1601 Willow Road".to_string())]);
        let split_box = "Write to us at:\nHallmark Cards Consumer Care\nP.O.\nBox 419034 Kansas City, MO 64141";
        assert_eq!(contacts(split_box), vec![("postal_address".to_string(), "Box 419034 Kansas City, MO 64141".to_string())]);
        let ordinal = "Write to us. Our postal address is 601 West 26th Street, New York, NY 10001.";
        assert_eq!(
            contacts(ordinal),
            vec![("postal_address".to_string(), "601 West 26th Street, New York, NY 10001".to_string())]
        );
        let copyright = "Notices of copyright infringement should go to our Law Department at law@example.com.";
        assert!(contacts(copyright).is_empty(), "{:?}", contacts(copyright));
        let complaints = "If you have a privacy complaint, e-mail us at privacy@example.com.";
        assert_eq!(contacts(complaints), vec![("email".to_string(), "privacy@example.com".to_string())]);
        let form = "For privacy related questions, you can reach us by submitting a form on our website.";
        assert_eq!(contacts(form), vec![("web_form".to_string(), "Contact form".to_string())]);
        let phone = "If you have questions, call us toll-free at 1-800-782-8332.";
        assert_eq!(contacts(phone), vec![("phone".to_string(), "1-800-782-8332".to_string())]);
        assert!(contacts("Our phone app was downloaded 12 times in 2019.").is_empty());
        let ico = "You may lodge a complaint with the Information Commissioner's Office at casework@ico.org.uk.";
        assert!(contacts(ico).is_empty());
        let orders = "We may request personal information through online forms for ordering products and services.";
        assert!(contacts(orders).is_empty());
        let attn_after = "LEGO SYSTEM A/S\nAastvej 1,\nDK-7190 Billund Denmark\nAttn: Privacy Officer";
        assert_eq!(contacts(attn_after), vec![("postal_address".to_string(), "Aastvej 1".to_string())]);
        // A number and a street in passing are no address to write to.
        assert!(contacts("Our team grew from 12 People Street fans in 2019.").is_empty());
    }

    #[test]
    fn a_promise_to_notify_is_a_notice_and_posting_is_not() {
        let promised = "We will notify you if we make any material changes to this Privacy Policy and will revise the \"Last Updated\" date.";
        assert_eq!(notice(promised), vec!["notice_on_site"]);
        let in_app = "We will update this policy here and notify you via WeChat before the change becomes effective.";
        assert_eq!(notice(in_app), vec!["notice_on_site"]);
        let by_mail = "If we change this policy, we will notify you by email.";
        assert_eq!(notice(by_mail), vec!["notice_by_email"]);
        assert!(notice("Last updated: June 30, 2026").is_empty());
        let accepted = |t: &str| practices_of_text(t, None).changes.continued_use_is_acceptance;
        assert!(accepted("Your use of the Services following these changes means that you accept the revised Privacy Policy."));
        assert!(accepted(
            "By using our services after the Privacy Policy has been updated, ASUS will deem that you consent to it."
        ));
        assert!(!accepted("If we change this policy, we will notify you by email."));
        let security = |t: &str| practices_of_text(t, None).security_measures.into_iter().map(|f| f.id).collect::<Vec<_>>();
        assert!(
            !security("We may share encrypted versions of your email address with advertising partners.")
                .contains(&"encryption".to_string())
        );
        assert!(security("We encrypt your data in transit with TLS.").contains(&"encryption".to_string()));
        let posted = "We may update this policy from time to time and will notify you by posting the new policy on this page.";
        assert_eq!(notice(posted), vec!["posted_only"]);
    }
}
