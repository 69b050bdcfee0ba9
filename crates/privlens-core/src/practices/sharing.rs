//! Who receives the data: named organisations from the knowledge base and generic recipients.

use super::Ctx;
use crate::knowledge::Knowledge;
use crate::matcher::PhraseMatch;
use crate::report::ThirdParty;
use crate::sentences::{Sentence, clause_has, contains_phrase, has_any, in_url, verb_negated};

/// Sentences that name organisations without giving them data: examples of other sites,
/// disclaimers about linked sites, where to learn more.
const NOT_A_RECIPIENT: &[&str] = &[
    "privacy policies of",
    "privacy policy of",
    "privacy practices of",
    "their own privacy",
    "their privacy polic",
    "not responsible for",
    "does not cover",
    "doesn't cover",
    "does not apply",
    "doesn't apply",
    "other websites",
    "other web sites",
    "other sites",
    "links to",
    "link to",
    "follow us",
    "find us on",
    "share this",
    "archived on",
    "wayback machine",
    "hyperlink",
    "external site",
    "third party sites",
    "third-party sites",
    "third party websites",
    "third-party websites",
    "third party web sites",
    "third-party web sites",
    "shine the light",
    "1798.83",
    "such businesses",
    "certain businesses",
];
/// Bare "third parties" is everywhere ("third-party websites", "the privacy of others"); it is a
/// recipient only when its own clause moves data to or through it.
const UNNAMED: &str = "third_parties";
const FLOW_IN_CLAUSE: &[&str] = &[
    "share",
    "shar",
    "disclos",
    "sell",
    "sold",
    "rent",
    "trade",
    "transfer",
    "provid",
    "give",
    "pass",
    "release",
    "made available",
    "make available",
    "collect",
    "gather",
    "obtain",
    "receiv",
    "access",
    "track",
    "place",
    "serve",
    "supplie",
    "supply",
    "cookie",
    "beacon",
    "pixel",
];
/// Words before a recipient phrase that make it the reader's own provider: "your Internet
/// service provider (ISP)", "wireless service provider".
const READERS_PROVIDER: &[&str] =
    &["internet", "wireless", "mobile", "cellular", "telephone", "phone", "cable", "network", "your", "isp"];
/// The reader's choices about what others do ("you may opt out of targeted advertising from ad
/// networks"): a recipient there is only one if the sentence also moves data.
const CHOICE_TALK: &[&str] =
    &["opt out", "opt-out", "opt in", "opt-in", "you may choose", "you can choose", "unsubscribe", "your choices"];
const SHARE_VERBS: &[&str] =
    &["share", "disclos", "sell", "transfer", "provid", "give", "pass", "send", "rent", "trade", "make available"];
const MAX_EVIDENCE: usize = 3;
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
/// How the policy names its own company: "Amazon.com Privacy Notice", `Acme Inc. ("we")`.
const OWN_POLICY: &[&str] =
    &["Privacy Policy", "Privacy Notice", "Privacy Statement", "Privacy Center", "Privacy Centre", "Privacy Promise"];
/// What a policy says of its own company: "Yahoo takes your privacy seriously".
const OWN_VOICE: &[&str] = &[
    "takes your privacy",
    "respects your privacy",
    "values your privacy",
    "cares about your privacy",
    "is committed to protecting",
    "knows that you care",
    "privacy policy only applies to",
    "privacy notice only applies to",
];
/// "This Privacy Policy describes how we at Spotify USA Inc. process personal data".
const OWN_VOICE_BEFORE: &[&str] = &["we at", "we here at", "we, at"];
const OWN_ALIAS: &[&str] =
    &["(\"we", "(“we", "(the \"company", "(\"us", "(collectively, \"we", "(collectively \"we", "(hereinafter"];
/// Regulators and programmes named as where to complain are not recipients of the data.
const COMPLAINT: &[&str] = &["complain", "complaint", "lodge"];
const AUTHORITY_DISCLOSURE: &[&str] =
    &["disclos", "share", "provid", "report", "pass", "release", "transfer", "request", "respond", "cooperat", "hand"];
/// (Stems match word starts, so "use" would also match "users": its forms are listed instead,
/// and the bare verb is looked for as a whole word.)
const DISCLOSURE_CUES: &[&str] = &[
    "share",
    "shar",
    "disclos",
    "sell",
    "transfer",
    "provid",
    "give",
    "pass",
    "send",
    "release",
    "third",
    "partner",
    "process",
    "uses",
    "used",
    "using",
    "host",
    "access",
    "receiv",
    "made available",
    "supply",
    "supplie",
];
/// Verbs whose negation means the recipient gets nothing: "we do not share ... with
/// advertisers", "such third parties do not collect any personally identifiable information".
const NOT_GIVEN: &[&str] = &[
    "share",
    "disclos",
    "sell",
    "transfer",
    "provid",
    "give",
    "pass",
    "send",
    "rent",
    "trade",
    "make available",
    "collect",
    "receiv",
    "obtain",
    "track",
    "releas",
];
/// Negations that come before the subject: "None of the information collected is sold or
/// shared", "It is not the practice of the site to share".
const NEGATED_SUBJECT: &[&str] = &["none of", "no personal", "no information", "nothing", "not the practice", "never"];

pub fn third_parties(ctx: &Ctx, k: &Knowledge) -> Vec<ThirdParty> {
    let mut out: Vec<ThirdParty> = Vec::new();
    let party_hits: Vec<Vec<PhraseMatch>> = ctx.sentences.iter().map(|s| k.party_matcher.find_all(s.text)).collect();
    let own = own_company(ctx, &party_hits);
    for (s, parties) in ctx.sentences.iter().zip(&party_hits) {
        // The gates below cost a pass over the sentence each: ask them only when there is a match to judge.
        if !parties.is_empty() {
            third_parties_named(ctx, k, s, parties, &own, &mut out);
        }
        let recipients = k.recipient_matcher.find_all(s.text);
        if !recipients.is_empty() {
            recipients_named(ctx, k, s, &recipients, &mut out);
        }
    }
    out
}

fn third_parties_named(
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
    // Whoever hears complaints (a regulator, a seal programme) is not given data.
    if has_any(s.text, COMPLAINT) {
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

fn recipients_named(ctx: &Ctx, k: &Knowledge, s: &Sentence, recipients: &[PhraseMatch], out: &mut Vec<ThirdParty>) {
    let cued = |t: &str| has_any(t, DISCLOSURE_CUES) || has_word(t, "use");
    let disclosure = cued(s.text) || cued(ctx.heading(s)) || cued(ctx.lead_in(s));
    let choice_only = contains_phrase(s.text, CHOICE_TALK) && !has_any(s.text, SHARE_VERBS);
    // A heading ("Sharing Your Information with Third Parties") announces a section; its
    // body says whether and with whom data is shared.
    let heading_line = is_heading_line(s.text) && ctx.lead_in(s).is_empty();
    if !disclosure || choice_only || heading_line {
        return;
    }
    for m in recipients {
        let refused = verb_negated(s.text, m.start, NOT_GIVEN) || negated_subject(s.text, m.start);
        if refused || readers_provider(s.text, m.start) {
            continue;
        }
        let r = &k.recipients[m.entry];
        if r.id == UNNAMED && !clause_has(s.text, m.start, FLOW_IN_CLAUSE) {
            continue;
        }
        add(out, &r.name, &r.category, Some(&r.id), ctx.evidence(s));
    }
}

/// Known organisations that the policy shows to be its own author: named right before
/// "Privacy Policy" in a heading-like line or given the "we" alias. A site's own name is not a
/// third party (Amazon's notice names Amazon.com in every section).
fn own_company(ctx: &Ctx, party_hits: &[Vec<PhraseMatch>]) -> Vec<usize> {
    let mut own = Vec::new();
    for (s, parties) in ctx.sentences.iter().zip(party_hits) {
        for m in parties {
            let after = strip_possessive(&s.text[m.end..]);
            let after =
                after.trim_start_matches(".com").trim_start_matches(',').trim_start().trim_start_matches("Inc.").trim_start();
            let before = s.text[..m.start].trim().to_lowercase();
            let opens = matches!(before.as_str(), "" | "the" | "welcome to" | "welcome to the");
            let titled = opens && OWN_POLICY.iter().any(|t| after.starts_with(t)) && s.text.split_whitespace().count() <= 8;
            let aliased = OWN_ALIAS.iter().any(|a| after.to_lowercase().starts_with(a));
            let voiced = OWN_VOICE.iter().any(|v| after.to_lowercase().starts_with(v) || before.ends_with(v))
                || OWN_VOICE_BEFORE.iter().any(|v| before.ends_with(v))
                || called_we(after);
            if (titled || aliased || voiced) && !own.contains(&m.entry) {
                own.push(m.entry);
            }
        }
    }
    own
}

/// Named parties that belong to the organisation whose site this is: on youtube.com, Google
/// Analytics is Google's own. Known from the knowledge base's domains and owners.
pub fn without_own_organisation(parties: Vec<ThirdParty>, url: Option<&str>, k: &Knowledge) -> Vec<ThirdParty> {
    use crate::trackers::{host_of, site_of};
    let Some(site) = url
        .and_then(|u| host_of(if u.contains("://") { u.to_string() } else { format!("http://{u}") }.as_str()))
        .map(|h| site_of(&h))
    else {
        return parties;
    };
    let owner_of = |p: &crate::knowledge::KnownParty| p.owner.clone().unwrap_or_else(|| p.name.clone());
    let own_owners: Vec<String> =
        k.parties.iter().filter(|p| p.domains.iter().any(|d| site_of(d) == site)).map(owner_of).collect();
    if own_owners.is_empty() {
        return parties;
    }
    parties
        .into_iter()
        .filter(|t| t.generic || !k.parties.iter().any(|p| p.name == t.name && own_owners.contains(&owner_of(p))))
        .collect()
}

#[cfg(test)]
mod own_organisation_tests {
    use super::*;
    use crate::knowledge::knowledge;

    fn named(name: &str) -> ThirdParty {
        ThirdParty { name: name.into(), category: "other".into(), generic: false, id: None, evidence: vec![] }
    }

    #[test]
    fn the_sites_own_organisation_is_no_third_party() {
        let parties = vec![named("Google Analytics"), named("Facebook")];
        let kept = without_own_organisation(parties.clone(), Some("https://www.youtube.com/t/privacy"), knowledge());
        assert_eq!(kept.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["Facebook"]);
        assert_eq!(without_own_organisation(parties.clone(), Some("shop.example/privacy"), knowledge()).len(), 2);
        assert_eq!(without_own_organisation(parties, None, knowledge()).len(), 2);
    }
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(word))
}

/// A short line without a full stop, a colon or a list mark: a heading.
fn is_heading_line(text: &str) -> bool {
    let t = text.trim();
    let list_item = t.starts_with(['-', '*', '•', '(']) || t.contains(':');
    t.split_whitespace().count() <= 8 && !t.ends_with(['.', ';', ',', '!', '?']) && !list_item
}

/// A negation opening the clause before the match, with a verb of giving after it.
fn negated_subject(text: &str, at: usize) -> bool {
    let lower = text.to_lowercase();
    let (cs, ce) = crate::sentences::clause(text, at);
    let c = &lower[cs..ce];
    NEGATED_SUBJECT.iter().any(|n| c.find(n).is_some_and(|i| has_any(&c[i..], NOT_GIVEN)))
}

/// "your wireless service provider": the reader's own carrier, not someone we give data to.
fn readers_provider(text: &str, at: usize) -> bool {
    let prev = text[..at].split_whitespace().next_back().unwrap_or("").to_lowercase();
    READERS_PROVIDER.contains(&prev.trim_matches(|c: char| !c.is_alphanumeric()))
}

fn strip_possessive(text: &str) -> &str {
    text.strip_prefix("'s").or_else(|| text.strip_prefix("’s")).unwrap_or(text).trim_start()
}

/// "Spotify USA Inc. (“Spotify”, “we”, “us”)": a definition in brackets right after the name
/// that calls the company "we" or "us".
fn called_we(after: &str) -> bool {
    let near: String = after.chars().take(80).collect::<String>().to_lowercase();
    let Some(open) = near.find('(') else {
        return false;
    };
    let inside = &near[open..near[open..].find(')').map_or(near.len(), |c| open + c)];
    ["“we”", "\"we\"", "“us”", "\"us\"", "'we'", "‘we’"].iter().any(|q| inside.contains(q))
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

fn add(out: &mut Vec<ThirdParty>, name: &str, category: &str, id: Option<&str>, ev: crate::report::Evidence) {
    match out.iter_mut().find(|t| t.name == name) {
        Some(t) => {
            if t.evidence.len() < MAX_EVIDENCE && !t.evidence.iter().any(|e| e.segment == ev.segment && e.start == ev.start) {
                t.evidence.push(ev);
            }
        }
        None => out.push(ThirdParty {
            name: name.to_string(),
            category: category.to_string(),
            generic: id.is_some(),
            id: id.map(str::to_string),
            evidence: vec![ev],
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::practices_of_text;

    fn names(text: &str) -> Vec<String> {
        practices_of_text(text, None).third_parties.into_iter().map(|t| t.id.unwrap_or(t.name)).collect()
    }

    #[test]
    fn certifiers_products_and_the_site_itself_are_not_recipients() {
        assert!(names("Acme has received TRUSTe's Privacy Seal for this policy.").is_empty());
        assert!(names("You can opt out through the Network Advertising Initiative.").is_empty());
        assert!(names("Use the settings of Microsoft Internet Explorer to refuse cookies.").is_empty());
        let own = names("Amazon.com Privacy Notice\n\nWe share customer information with Amazon.com subsidiaries.");
        assert!(!own.iter().any(|n| n == "Amazon"), "{own:?}");
        // A recipient certified under a framework is still a recipient.
        let aws =
            names("Your data is transferred to the US by Amazon Web Services, which is certified under the Privacy Shield.");
        assert!(aws.iter().any(|n| n == "Amazon Web Services"), "{aws:?}");
    }

    #[test]
    fn authorities_named_for_their_rules_are_not_recipients() {
        let t = "The European Commission has approved contractual clauses that allow companies to transfer data outside the EEA.";
        assert!(names(t).is_empty(), "{:?}", names(t));
        let t = "We transfer data under standard contractual clauses adopted by the European Commission.";
        assert!(!names(t).iter().any(|n| n == "European Commission"), "{:?}", names(t));
        let t = "We rely on the European Commission-approved Standard Contractual Clauses for transfers.";
        assert!(names(t).is_empty(), "{:?}", names(t));
        let t = "We transfer data to Israel in reliance on the European Commission’s adequacy decision for Israel.";
        assert!(names(t).is_empty(), "{:?}", names(t));
        let t = "We may disclose your information to the Federal Trade Commission when required by law.";
        assert!(names(t).iter().any(|n| n == "Federal Trade Commission"), "{:?}", names(t));
    }

    #[test]
    fn the_company_calling_itself_we_is_not_a_third_party() {
        let t = "This Privacy Policy describes how we at Spotify USA Inc. process personal data.\n\nWe share data with Spotify and Google.";
        assert!(!names(t).iter().any(|n| n == "Spotify"), "{:?}", names(t));
        let t = "Spotify AB (“Spotify”, “we”, “us”) runs this service.\n\nWe share data with Spotify partners and Google.";
        assert!(!names(t).iter().any(|n| n == "Spotify"), "{:?}", names(t));
        assert!(names(t).iter().any(|n| n == "Google"), "{:?}", names(t));
    }

    #[test]
    fn unnamed_third_parties_need_data_moving_to_them() {
        assert_eq!(names("We may share your information with third parties."), vec!["third_parties"]);
        assert!(names("We are not responsible for third-party websites.").is_empty());
        assert!(names("We may gather the name of your Internet service provider.").is_empty());
    }
}
