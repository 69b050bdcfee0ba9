//! Who receives the data: named organisations from the knowledge base and generic recipients.

mod named;
mod own;

use super::Ctx;
use crate::knowledge::Knowledge;
use crate::matcher::PhraseMatch;
use crate::report::ThirdParty;
use crate::sentences::{Sentence, clause_has, contains_phrase, has_any, verb_negated};
use named::third_parties_named;
use own::own_company;
pub use own::without_own_organisation;

/// Sentences that name organisations without giving them data: examples of other sites,
/// disclaimers about linked sites, where to learn more.
const NOT_A_RECIPIENT: &[&str] = &[
    // "Apple, the Apple logo and iPhone are trademarks of Apple Inc.": a footer notice.
    "trademarks of",
    "trademark of",
    "registered trademark",
    "privacy policies of",
    "privacy policy of",
    "privacy practices of",
    "their own terms",
    "see the privacy polic",
    "no expectation of privacy",
    "(and not",
    "third party beneficiar",
    "third-party beneficiar",
    // Card networks named for their security rules, not as recipients.
    "rules adopted by",
    "standards adopted by",
    "standards established by",
    "standards set by",
    "not responsible for",
    "does not cover",
    "doesn't cover",
    "does not apply",
    "doesn't apply",
    "archived on",
    // "You can grab a copy of this Privacy Policy ... on GitHub".
    "copy of this privacy policy",
    "copy of this policy",
    "these versions on",
    "previous versions on",
    "wayback machine",
    "shine the light",
    "1798.83",
    "such businesses",
    "certain businesses",
    "competitors are",
    "their terms and privacy",
    "fraud alert",
    "security freeze",
    "credit freeze",
    "total visits",
    ", unique visitors",
];
/// Pointers to a company's own policy: the company gets nothing from such a sentence unless the
/// site says it uses the company there ("We use BluePay Processing LLC to process credit card
/// purchases and their privacy policy may be viewed here").
const THEIR_POLICY: &[&str] =
    &["their own privacy", "governed by their own", "their privacy polic", "their policy", "their policies"];
/// Words just before a name that say the site uses the company.
const SITE_USES: &[&str] = &["we use", "we utilize", "we utilise", "we engage", "we have engaged", "we partner with"];
/// Other sites linked to or mentioned: their names get nothing from these sentences, unless the
/// sentence has them tracking ("Third party vendors, including Google, use cookies to serve ads
/// based on your visits to this and other websites").
const LINKED_SITES: &[&str] = &[
    "other websites",
    "other web sites",
    "other sites",
    "links to",
    "link to",
    "hyperlink",
    "external site",
    "third party sites",
    "third-party sites",
    "third party websites",
    "third-party websites",
    "third party web sites",
    "third-party web sites",
];
const TRACKING_THERE: &[&str] = &["cookie", "serve ads", "to serve", "collect", "track", "pixel", "beacon"];
/// Page furniture: "Follow us on Facebook", "Share this: Twitter". In a full sentence the same
/// words describe a plug-in ("widgets such as the 'share this' button ... may collect your IP
/// address"), whose maker does get data.
const PAGE_CHROME: &[&str] = &["follow us", "find us on", "share this", "share on"];
const PAGE_CHROME_MAX_WORDS: usize = 10;
/// "Visit WebMD on Twitter", "Follow Acme on Instagram": a footer link to the site's profile.
const PROFILE_LINK: &[&str] = &["visit", "follow", "join"];
const PROFILE_LINK_MAX_WORDS: usize = 6;
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
    "permit",
    "allow",
];
/// Negations that come before the subject: "None of the information collected is sold or
/// shared", "It is not the practice of the site to share".
const NEGATED_SUBJECT: &[&str] = &["none of", "no personal", "no information", "nothing", "not the practice", "never"];

pub fn third_parties(ctx: &Ctx, k: &Knowledge) -> Vec<ThirdParty> {
    let mut out: Vec<ThirdParty> = Vec::new();
    let party_hits: Vec<Vec<PhraseMatch>> = ctx.sentences.iter().map(|s| ctx.find_all(&k.party_matcher, s)).collect();
    let own = own_company(ctx, k, &party_hits);
    for (s, parties) in ctx.sentences.iter().zip(&party_hits) {
        // The gates below cost a pass over the sentence each: ask them only when there is a match to judge.
        if !parties.is_empty() {
            third_parties_named(ctx, k, s, parties, &own, &mut out);
        }
        let recipients = ctx.find_all(&k.recipient_matcher, s);
        if !recipients.is_empty() {
            recipients_named(ctx, k, s, &recipients, &mut out);
        }
    }
    out
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

pub(super) fn add(out: &mut Vec<ThirdParty>, name: &str, category: &str, id: Option<&str>, ev: crate::report::Evidence) {
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

    fn assert_none_named(texts: &[&str]) {
        for t in texts {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

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
        assert_none_named(&[
            "We will only transfer your personal data to countries deemed to provide an adequate level of protection by the European Commission.",
            "Acme commits to cooperate with the panel established by the EU DPAs and the Swiss Federal Data Protection and Information Commissioner.",
        ]);
    }

    #[test]
    fn seals_arbitrators_logos_and_footer_links_are_not_recipients() {
        assert_none_named(&[
            "Comcast is a Member of TRUSTe",
            "Disputes must be submitted to binding arbitration administered by JAMS.",
            "All trademarks of adidas (including the Three Stripe logo) are trademarks of adidas.",
            "Visit WebMD on Twitter",
            "Share on WhatsApp",
            "Apple and the Apple logo are trademarks of Apple Inc., registered in the U.S. and other countries.",
            "Read the helpful information provided by the FTC about protecting children online.",
            "We participate in the IAB Europe Transparency & Consent Framework.",
            "Android users, go to Google Play Store to update to the latest version of the app.",
        ]);
        let t = "Amazon.co.uk knows that you care how information about you is used.\n\nWe share data with Amazon subsidiaries.";
        assert!(!names(t).iter().any(|n| n == "Amazon"), "{:?}", names(t));
        let t = "We collect information to provide Google apps, sites, and devices, like Search, YouTube, and Google Home.";
        assert!(!names(t).iter().any(|n| n == "YouTube"), "{:?}", names(t));
    }

    #[test]
    fn the_company_calling_itself_we_is_not_a_third_party() {
        let t = "This Privacy Policy describes how we at Spotify USA Inc. process personal data.\n\nWe share data with Spotify and Google.";
        assert!(!names(t).iter().any(|n| n == "Spotify"), "{:?}", names(t));
        let t = "Our Products include Facebook, Instagram and Messenger.\n\nWe share data with Facebook and Google Analytics.";
        assert!(!names(t).iter().any(|n| n == "Facebook" || n == "Instagram"), "{:?}", names(t));
        assert!(names(t).iter().any(|n| n == "Google Analytics"), "{:?}", names(t));
        let t = "Spotify AB (“Spotify”, “we”, “us”) runs this service.\n\nWe share data with Spotify partners and Google.";
        assert!(!names(t).iter().any(|n| n == "Spotify"), "{:?}", names(t));
        assert!(names(t).iter().any(|n| n == "Google"), "{:?}", names(t));
    }

    #[test]
    fn technology_opt_out_pages_and_other_sites_policies_name_no_recipient() {
        assert_none_named(&[
            "LSOs using Adobe Flash can be managed using Flash management tools on the Adobe website.",
            "This may include your device and mobile ad identifiers (e.g., Apple IDFA or Android AAID).",
            "You can deactivate the Google Advertising ID in the settings.",
            "Depending on the platform provider (such as Apple or Google), you may be able to download apps that give you control.",
            "Facebook and Twitter are governed by their own terms of use and privacy policies, which you should review.",
            "If you buy from a retailer like Best Buy or Amazon.com, information you give them is subject to their policy.",
            "The TRUSTe program covers only those properties identified on the validation page.",
        ]);
        // Adobe setting cookies is Adobe receiving data.
        assert_eq!(names("We allow Adobe to set cookies and process data about your visits."), vec!["Adobe"]);
    }

    #[test]
    fn regulators_named_for_their_role_and_affiliates_are_not_recipients() {
        assert_none_named(&[
            "Transfers rely on clauses which the European Commission has assessed as providing adequate protection.",
            "We commit to cooperate with EU data protection authorities and the Swiss Federal Data Protection and Information Commissioner (FDPIC) and comply with the advice given by such authorities with regard to data transferred from the EU.",
            "This processing has been reported to the relevant local authority (Commission Nationale de l’Informatique et des Libertés).",
            "The press may describe the company as an AT&T affiliate (like Xandr).",
            "Our products include Active Backup for Office 365 and Active Backup for G Suite.",
            "We are one of the Facebook Companies and share information with the other Facebook Companies.",
            "TRUSTe's Dispute Resolution process is only available in English.",
            "Consider filing a report with the Federal Trade Commission.",
            "Read the information about children and privacy that the FTC provides.",
            "We follow data security rules adopted by credit card companies such as Visa and MasterCard.",
            "The Usage Rules are set forth in the Apple App Store Terms of Service.",
            "If you have a dispute regarding our handling of your data, you may contact the FTC for information.",
            "The federal agency with jurisdiction over our practices is the Federal Trade Commission.",
            "Transfers go to countries not yet determined by the European Commission to be adequate.",
        ]);
        // The list belongs to the nearest noun: here the providers, not the affiliates.
        let t = "Cookies are used by our partners, affiliates, or analytics or service providers (including Optimizely, Google Analytics and Mixpanel).";
        assert_eq!(names(t)[..3], ["Optimizely", "Google Analytics", "Mixpanel"]);
    }

    #[test]
    fn plug_ins_and_certified_partners_are_recipients_but_page_furniture_is_not() {
        let t = "In addition, social media buttons such as Facebook and Pinterest (that might include widgets such as the “share this” button) may be on our site.";
        assert_eq!(names(t), vec!["Facebook", "Pinterest"]);
        assert!(names("Share this: Facebook Twitter").is_empty(), "{:?}", names("Share this: Facebook Twitter"));
        let t = "Most of the advertising companies we work with, including DoubleClick, are members of the Network Advertising Initiative.";
        assert_eq!(names(t), vec!["DoubleClick"]);
        assert!(names("Amazon has certified that it adheres to the Privacy Shield Principles.").is_empty());
    }

    #[test]
    fn linked_sites_get_nothing_unless_they_track_and_menus_name_no_one() {
        assert!(names("Our site links to other websites such as YouTube.").is_empty());
        let t =
            "Third party vendors, including Google, use cookies to serve ads based on your visits to this and other websites.";
        assert!(names(t).contains(&"Google".to_string()), "{:?}", names(t));
        assert!(names("Connect\n\nFacebook\n\nTwitter").is_empty(), "{:?}", names("Connect\n\nFacebook\n\nTwitter"));
        let t = "Advertising partners that use cookies on the service are listed below.\nDoubleClick\nQuantcast: https://www.quantcast.com/privacy";
        assert_eq!(names(t), vec!["advertising_partners", "DoubleClick", "Quantcast"]);
    }

    #[test]
    fn services_listed_under_a_refusal_to_share_get_nothing() {
        let t = "These items are private data that won't be shared with business partners:\nyour password\nyour login credentials for other services (Twitter, Facebook, etc.)";
        assert!(names(t).is_empty(), "{:?}", names(t));
        let t = "We share these items with our partners:\nyour purchases, with Google Analytics";
        assert!(names(t).iter().any(|n| n == "Google Analytics"), "{:?}", names(t));
    }

    #[test]
    fn a_service_the_site_uses_is_a_recipient_even_beside_its_policy_and_opt_out_pages_are_not() {
        let t = "We use BluePay Processing LLC to process credit card purchases and their privacy policy may be viewed here.";
        assert_eq!(names(t), vec!["BluePay"]);
        let t = "We share payment data with PayPal to process payments, prevent fraud and for dispute resolution.";
        assert!(names(t).contains(&"PayPal".to_string()), "{:?}", names(t));
        assert_none_named(&[
            "Facebook and Twitter have their own privacy policies.",
            "You can opt-out of being targeted by certain ad servers using the NAI's Opt-Out Tool, or on TRUSTe's site.",
            "You can learn more about how to opt-out of interest-based advertising by going to the Amazon Advertising Preferences page.",
            "We sign data processing agreements based on the European Commission's Standard Contractual Clauses.",
            "Mad About Plaid: Styles Up to 70% Off",
            "Facebook logo Instagram logo Snapchat logo",
            "The Website is a search engine (such as Google or Bing).",
            "We limit access by search engine “crawlers” (e.g. Google, Yahoo, MSN, Ask).",
            "The e-mail asks that Personal Information be sent to a Yahoo e-mail address.",
            "The Federal Trade Commission and the Antiphishing Workgroup are also good sources of information.",
            "You can watch on devices such as your Microsoft Xbox 360.",
            "You can grab a copy of this Privacy Policy and other legal documents on GitHub.",
            "We group you into interest categories (“Audience Segment Cookies”).",
            "TRUSTe also provides you with ways to opt-out of behavioral tracking.",
            "Select \"Opt out of Interest Based Ads\" in Google settings.",
            "Reddit commits to refer unresolved complaints to JAMS, an alternative dispute resolution provider.",
            "The services of JAMS are provided at no cost to you.",
            "Select Google;",
            "We comply with regulations issued by the Brazilian Data Protection Agency (ANPD).",
        ]);
    }

    #[test]
    fn unnamed_third_parties_need_data_moving_to_them() {
        assert_eq!(names("We may share your information with third parties."), vec!["third_parties"]);
        assert!(names("We are not responsible for third-party websites.").is_empty());
        assert!(names("We may gather the name of your Internet service provider.").is_empty());
    }
}
