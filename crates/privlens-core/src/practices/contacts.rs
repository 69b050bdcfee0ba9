//! How to reach the company about your data: e-mail addresses, a data protection officer,
//! telephone numbers, postal addresses offered for writing, contact forms.

use std::sync::OnceLock;

use regex_lite::Regex;

use super::{Ctx, regex};
use crate::language_pack::{CONTACT_FORM, CONTACT_PHONE, CONTACT_REGULATOR, fold};
use crate::report::Contact;
use crate::sentences::{contains_phrase, has_any, head, tail};

/// A data protection officer, named in the languages privlens reads.
const DATA_PROTECTION_OFFICER: &[&str] = &[
    "data protection officer",
    " dpo",
    "(dpo)",
    "datenschutzbeauftragte",
    "délégué à la protection des données",
    "déléguée à la protection des données",
    "delegado de protección de datos",
    "responsabile della protezione dei dati",
    "functionaris voor gegevensbescherming",
    "encarregado de proteção de dados",
    "encarregado pelo tratamento de dados",
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
    let pack = ctx.pack.map(|p| &p.contacts.sentence_cues);
    let folded = pack.map(|_| &ctx.folded().sentences);
    for (i, s) in ctx.sentences.iter().enumerate() {
        // The pack's words, read in the sentence as the packs read it, all in one pass.
        let pack_hits = pack.zip(folded).map(|(cues, folded)| cues.find_all(&folded[i])).unwrap_or_default();
        let in_pack = |kind: usize| pack_hits.iter().any(|m| m.entry == kind);
        // The address pattern has no literal prefix, so the regex engine would try every byte.
        // A regulator's address, given for complaints, is not a way to reach the company.
        let regulators = contains_phrase(s.text, REGULATOR_TALK) || in_pack(CONTACT_REGULATOR);
        let addresses = if s.text.contains('@') && !regulators { email.find_iter(s.text).collect() } else { Vec::new() };
        for m in addresses {
            push("email", m.as_str().trim_end_matches('.').to_string(), ctx.evidence(s));
        }
        for address in spelled_out_emails(s.text).into_iter().filter(|_| !regulators) {
            push("email", address, ctx.evidence(s));
        }
        if contains_phrase(s.text, DATA_PROTECTION_OFFICER) {
            push("dpo", "Data protection officer".to_string(), ctx.evidence(s));
        }
        let offers_call = contains_phrase(s.text, PHONE_CUES) || in_pack(CONTACT_PHONE);
        if let Some(number) = if offers_call { phone_number(s.text) } else { None } {
            push("phone", number, ctx.evidence(s));
        }
        if let Some(address) = postal_address(s.text).filter(|_| offers_address(ctx, s)) {
            push("postal_address", address, ctx.evidence(s));
        }
        let english_form = contains_phrase(s.text, WEB_FORMS)
            && has_any(s.text, &["contact", "request", "question"])
            && !has_any(s.text, &["order", "purchas"]);
        if english_form || in_pack(CONTACT_FORM) {
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

/// Words that offer a number to call, in English.
const PHONE_CUES: &[&str] = &["call", "phone", "telephone", "tel:", "tel.", "toll-free", "toll free"];

/// A telephone number in a sentence that offers one for calling: "call us at 1-800-782-8332",
/// "Tel: +44 20 7946 0958".
fn phone_number(text: &str) -> Option<String> {
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    static PHONE: OnceLock<Regex> = OnceLock::new();
    let phone = regex(&PHONE, r"\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,4}\)?){2,4}");
    phone
        .find_iter(text)
        .map(|m| m.as_str().trim().to_string())
        .find(|n| (9..=15).contains(&n.chars().filter(char::is_ascii_digit).count()))
}

/// Addresses written against harvesters: "privacy[at]example.com", "privacy (at) example (dot) com".
fn spelled_out_emails(text: &str) -> Vec<String> {
    if !text.contains("at]") && !text.contains("at)") {
        return Vec::new();
    }
    static SPELLED: OnceLock<Regex> = OnceLock::new();
    let spelled = regex(
        &SPELLED,
        r"(?i)\b([a-z0-9._%+-]+)\s?[\[(]at[\])]\s?([a-z0-9-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[a-z0-9-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[a-z]{2,})\b",
    );
    static DOT: OnceLock<Regex> = OnceLock::new();
    let dot = regex(&DOT, r"(?i)\s?[\[(]dot[\])]\s?");
    spelled.captures_iter(text).map(|c| format!("{}@{}", &c[1], dot.replace_all(&c[2], "."))).collect()
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
    // A section title the page did not mark as a heading opens its segment ("15. HOW CAN YOU
    // CONTACT SKYPE?").
    let first_line = text.lines().next().filter(|l| l.split_whitespace().count() <= TITLE_WORDS).unwrap_or("");
    let around = [s.text, near_before, near_after, ctx.lead_in(s), ctx.heading(s), first_line];
    let pack_cues = ctx.pack.map(|p| &p.contacts.address_cues);
    around.iter().any(|t| contains_phrase(t, ADDRESS_CUES) || pack_cues.is_some_and(|cues| cues.contains_any(&fold(t))))
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
/// Street words written before the name, the number after it ("Calle Mayor, 5", "ul. Długa 5").
const NAME_FIRST_STREETS: &[&str] = &[
    "Calle", "Avenida", "Paseo", "Plaza", "Via", "Viale", "Piazza", "Corso", "Largo", "Rua", "Travessa", "Praça", "ul", "ulica",
    "Ulica", "aleja", "Aleja",
];
const STREET_ENDINGS: &[&str] = &[
    "straße", "strasse", "str", "vej", "weg", "gade", "gatan", "vägen", "laan", "straat", "gasse", "platz", "allee", "plein",
    "kade",
];

fn may_name_a_street(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        STREET_WORDS.contains(&w)
            || NAME_FIRST_STREETS.contains(&w)
            || STREET_ENDINGS.iter().any(|e| w.len() > e.len() && w.ends_with(e))
    })
}

/// A segment's first line this short may be its title.
const TITLE_WORDS: usize = 10;

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
            r"|\b[A-ZÄÖÜÅÆØ][a-zäöüßåæøé-]*(?:straße|strasse|str\.|vej|weg|gade|gatan|vägen|laan|straat|gasse|platz|allee|plein|kade)\s+\d{1,4}[A-Za-z]?\b",
            r"|\b\d{1,4},?\s+(?:rue|avenue|boulevard|place|via|calle|rua)\s+[A-Za-zÀ-ÿ' -]{2,40}",
            r"|\bP\.?\s?O\.?\s+Box\s+\d+",
            // "P.O." ending the line before: lines are sentences of their own.
            r"|^Box\s+\d+",
        ),
    );
    static POSTCODE: OnceLock<Regex> = OnceLock::new();
    let postcode = regex(
        &POSTCODE,
        r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d{4,5}\b|\b\d{2}-\d{3}\b|\b\d{3}\s\d{2}\b",
    );
    // "Calle Mayor, 5", "Via Roma 12", "ul. Długa 5": the number after the name, looked
    // for only where such a street word stands (one more alternative slows every sentence).
    static NAME_FIRST: OnceLock<Regex> = OnceLock::new();
    let name_first = || {
        regex(
            &NAME_FIRST,
            r"\b(?:Calle|Avenida|Paseo|Plaza|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Praça|ul\.|[Uu]lica|[Aa]leja)\s+(?:[A-Za-zÀ-ÿĀ-ž'.-]+\s+){0,4}[A-ZÀ-ÞĀ-ž][A-Za-zÀ-ÿĀ-ž'.-]*,?\s+(?:n\.?º?\s*)?\d{1,4}[a-z]?\b",
        )
    };
    let words_first = || text.split(|c: char| !c.is_alphanumeric()).any(|w| NAME_FIRST_STREETS.contains(&w));
    let m = street.find(text).or_else(|| if words_first() { name_first().find(text) } else { None })?;
    let end = postcode.find(head(&text[m.end()..], POSTCODE_REACH)).map_or(m.end(), |p| m.end() + p.end());
    Some(text[m.start()..end].trim().trim_end_matches(',').to_string())
}

#[cfg(test)]
mod tests {
    use crate::practices_of_text;

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
        let spelled = "Questions? Email privacy [at] example [dot] com or legal(at)example.co.uk.";
        assert_eq!(
            contacts(spelled),
            vec![
                ("email".to_string(), "privacy@example.com".to_string()),
                ("email".to_string(), "legal@example.co.uk".to_string())
            ]
        );
        let titled =
            "15. HOW CAN YOU CONTACT SKYPE?\nSkype Inc.\nFor members only:\n3210 Porter Drive\nPalo Alto, California 94304";
        assert_eq!(contacts(titled), vec![("postal_address".to_string(), "3210 Porter Drive".to_string())]);
        // A number and a street in passing are no address to write to.
        assert!(contacts("Our team grew from 12 People Street fans in 2019.").is_empty());
    }

    #[test]
    fn polish_and_swedish_streets_with_their_postcodes() {
        let address = super::postal_address;
        assert_eq!(
            address("Księgarnia Sp. z o.o., ul. Świętokrzyska 12/4, 00-916 Warszawa").as_deref(),
            Some("ul. Świętokrzyska 12/4, 00-916")
        );
        assert_eq!(address("Adres: ul. Długa 5, 80-827 Gdańsk").as_deref(), Some("ul. Długa 5, 80-827"));
        assert_eq!(address("Aleja Jana Pawła II 27, 00-867 Warszawa").as_deref(), Some("Aleja Jana Pawła II 27, 00-867"));
        assert_eq!(address("Matbolaget AB, Storgatan 12, 111 22 Stockholm").as_deref(), Some("Storgatan 12, 111 22"));
        assert_eq!(address("Kungsvägen 3B, 411 05 Göteborg").as_deref(), Some("Kungsvägen 3B, 411 05"));
        assert_eq!(address("Smith et al. Warsaw 2019 found that"), None);
    }
}
