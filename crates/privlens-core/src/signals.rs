//! Good and bad signals, read off the practices and a few telling phrases. Definitions
//! (severity, explanation) live in `data/signals.json`; cue phrases in `data/signal_phrases.json`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::practices::{CONTINUED_USE, Ctx};
use crate::report::{Direction, Evidence, Practices, Signal};
use crate::sentences::Sentence;
use crate::sentences::{contains_phrase, has_any, verb_negated};

#[derive(Debug, Clone, Deserialize)]
pub struct SignalDef {
    pub id: String,
    pub direction: Direction,
    pub severity: u8,
    pub explanation: String,
}

pub fn definitions() -> &'static [SignalDef] {
    static D: OnceLock<Vec<SignalDef>> = OnceLock::new();
    D.get_or_init(|| serde_json::from_str(include_str!("../data/signals.json")).expect("valid signals.json"))
}

fn phrase_strings() -> &'static BTreeMap<String, Vec<String>> {
    static P: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    P.get_or_init(|| serde_json::from_str(include_str!("../data/signal_phrases.json")).expect("valid signal_phrases.json"))
}

/// Each cue list as one lasting slice, so the phrase matcher compiles it once.
pub(crate) fn cues(list: &str) -> &'static [&'static str] {
    static C: OnceLock<BTreeMap<String, Vec<&'static str>>> = OnceLock::new();
    let all =
        C.get_or_init(|| phrase_strings().iter().map(|(k, v)| (k.clone(), v.iter().map(String::as_str).collect())).collect());
    all.get(list).map_or(&[], Vec::as_slice)
}

/// Verbs whose negation takes advertising back: "we do not partner with any ad server companies".
const AD_VERBS: &[&str] =
    &["use", "share", "serve", "show", "display", "sell", "partner", "work with", "permit", "allow", "send", "sent"];
/// Matching sentences looked at when choosing which two to quote.
const EVIDENCE_POOL: usize = 8;
/// Fewer words than this make a heading or a label, not a statement.
const FULL_SENTENCE_WORDS: usize = 6;
/// Distinct stated periods that make a retention schedule.
const RETENTION_SCHEDULE: usize = 3;
/// Days at or under which retention counts as short.
const SHORT_RETENTION_DAYS: u32 = 90;

struct Collector<'a> {
    ctx: &'a Ctx<'a>,
    out: Vec<Signal>,
}

impl Collector<'_> {
    fn raise(&mut self, id: &str, evidence: Vec<Evidence>) {
        if self.out.iter().any(|s| s.id == id) {
            return;
        }
        let def = definitions().iter().find(|d| d.id == id).unwrap_or_else(|| panic!("signal {id} is defined"));
        self.out.push(Signal {
            id: def.id.clone(),
            direction: def.direction,
            severity: def.severity,
            explanation: def.explanation.clone(),
            evidence,
        });
    }

    /// Sentences containing one of the named phrase list's phrases, passing `keep`.
    /// Full sentences come first: a heading ("Ad Partners.") matches the words but shows the
    /// reader nothing, so it is quoted only when nothing better says it.
    fn sentences_with(&self, list: &str, keep: impl Fn(&str) -> bool) -> Vec<Evidence> {
        self.sentences_preferring(list, keep, |_| true)
    }

    /// Like `sentences_with`, quoting first the full statements that `prefer` picks.
    fn sentences_preferring(&self, list: &str, keep: impl Fn(&str) -> bool, prefer: impl Fn(&str) -> bool) -> Vec<Evidence> {
        let cues = cues(list);
        let mut found: Vec<&Sentence> =
            self.ctx.sentences.iter().filter(|s| contains_phrase(s.text, cues) && keep(s.text)).take(EVIDENCE_POOL).collect();
        found.sort_by_key(|s| (s.text.split_whitespace().count() < FULL_SENTENCE_WORDS, !prefer(s.text)));
        found.into_iter().take(2).map(|s| self.ctx.evidence(s)).collect()
    }

    fn when(&mut self, id: &str, evidence: Vec<Evidence>) {
        if !evidence.is_empty() {
            self.raise(id, evidence);
        }
    }
}

/// Evidence without repeats: two parties named in one sentence cite it once.
fn distinct<'e>(evidence: impl Iterator<Item = &'e Evidence>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for e in evidence {
        if !out.iter().any(|o| o.segment == e.segment && o.start == e.start) {
            out.push(e.clone());
        }
        if out.len() == 2 {
            break;
        }
    }
    out
}

/// A party's evidence that reads as a statement, else its first.
fn best_quote(evidence: &[Evidence]) -> Option<&Evidence> {
    evidence.iter().find(|e| e.quote.split_whitespace().count() >= FULL_SENTENCE_WORDS).or(evidence.first())
}

/// A social network tracks through pixels, plug-ins and cookies; signing in with it or
/// sharing to it is the reader's own act.
fn tracks_socially(quote: &str) -> bool {
    contains_phrase(quote, cues("social_tracking")) && !contains_phrase(quote, cues("social_login"))
}

/// "By visiting" counts only for the site itself ("by visiting this site, you accept"), not for
/// an instruction ("opt out by visiting the Google ad settings page").
fn visits_the_site(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(at) = lower.find("by visiting") else {
        return true;
    };
    let object: String = lower[at + "by visiting".len()..].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    ["this", "our", "these"].iter().any(|w| object.starts_with(w))
        || ["site", "website", "service", "app"].iter().any(|w| object.contains(w))
        || object.split_whitespace().next().is_some_and(|w| w.trim_end_matches([',', '.']).contains('.'))
        || contains_phrase(text, &["by continuing", "by using", "continue to use", "deemed to consent", "implied consent"])
}

/// "No Targeted Advertising Sales.": a heading that denies.
fn starts_with_no(text: &str) -> bool {
    text.trim_start().get(..3).is_some_and(|w| w.eq_ignore_ascii_case("no "))
}

/// Reasons of the company's own ("if we think it necessary to protect us or others", "where
/// requested by the police") make disclosure broad even next to "required by law".
fn own_judgement(text: &str) -> bool {
    contains_phrase(text, cues("authorities_own_reasons"))
}

fn sale_negated(text: &str) -> bool {
    let lower = text.to_lowercase();
    let at = lower.find("sell").or_else(|| lower.find("sold")).or_else(|| lower.find("sale")).unwrap_or(0);
    verb_negated(text, at, &["sell", "sold", "rent", "trade", "share"])
        || lower.contains("never sell")
        || lower.contains("no sale")
}

pub fn signals(ctx: &Ctx, p: &Practices) -> Vec<Signal> {
    // Each half reads every sentence several times over: on a big page two threads share them.
    let (mut first, mut second) = (Collector { ctx, out: Vec::new() }, Collector { ctx, out: Vec::new() });
    crate::parallel::share(
        crate::parallel::worth_a_thread(ctx.segments),
        vec![Box::new(|| sharing_signals(&mut first, p)), Box::new(|| other_signals(&mut second, p))],
    );
    debug_assert!(second.out.iter().all(|s| first.out.iter().all(|f| f.id != s.id)), "each signal is raised in one half");
    first.out.extend(second.out);
    first.out
}

/// Sales, advertising, tracking and consent to cookies by visiting.
fn sharing_signals(c: &mut Collector, p: &Practices) {
    // Describing the right to opt out of sales, or what a law calls a sale, says nothing of
    // whether this site sells.
    // A question ("Does Grammarly sell my data?") or a heading ("Sale of Personal
    // Information.") heads its answer; it says nothing itself.
    let sold = c.sentences_with("sale", |t| {
        !sale_negated(t)
            && !contains_phrase(t, cues("sale_not_selling"))
            && !t.trim_end().ends_with('?')
            && (t.split_whitespace().count() >= FULL_SENTENCE_WORDS || has_any(t, &["sell", "sold"]))
    });
    c.when("sells_data", sold);
    // "request that your information not be sold" asks for no sale; it does not promise one.
    let not_sold = c.sentences_with("sale", |t| sale_negated(t) && !contains_phrase(t, cues("no_sale_not")));
    c.when("no_sale", not_sold);

    // Aggregate statistics shown to advertisers are no one's data.
    let ad_parties = distinct(
        p.third_parties
            .iter()
            .filter(|t| t.category == "advertising")
            .flat_map(|t| best_quote(&t.evidence))
            .filter(|e| !contains_phrase(c.ctx.sentence_of(e), cues("advertising_not"))),
    );
    // "Advertising" alone may be the site's own promotion ("used in advertising and
    // publicity"): the text must name who advertises or how ads are aimed.
    let ad_text = c.sentences_with("advertising", |t| {
        // Negation is looked for in the clause that names the advertisers: "We may share
        // information, but we won't sell it to advertisers".
        let at = t.to_lowercase().find("advertis").unwrap_or(0);
        !verb_negated(t, 0, AD_VERBS)
            && !verb_negated(t, at, AD_VERBS)
            && !starts_with_no(t)
            && !t.to_lowercase().contains("no advertising")
            && contains_phrase(t, cues("advertising_recipients"))
            && !contains_phrase(t, cues("advertising_not"))
    });
    c.when("shares_for_advertising", if ad_parties.is_empty() { ad_text } else { ad_parties });

    let trackers = tracker_evidence(c, p, &["analytics", "advertising", "social"]);
    // Beacons and pixel tags are tracking tools, the site's own as often as anyone's: quote
    // first the sentences that have someone else using them.
    let tracking_text = c.sentences_preferring(
        "tracking",
        |t| !verb_negated(t, 0, &["use", "track", "allow"]),
        |t| contains_phrase(t, cues("third_party_words")),
    );
    c.when("third_party_tracking", if trackers.is_empty() { tracking_text } else { trackers });

    let implied = c.sentences_with("implied_consent", |t| {
        // "in connection with your continued use of the Services" agrees to e-mails, not cookies.
        let continued_use_only = contains_phrase(t, CONTINUED_USE) && !contains_phrase(t, &["cookie", "tracking"]);
        // Consent by use to something else (transfers abroad, e-mails) is not cookie consent,
        // and a heading ("What You Agree to by Using Our Site") says nothing yet.
        let to_the_policy = contains_phrase(t, &["this policy", "privacy policy", "this privacy", "these terms", "practices"])
            && !contains_phrase(
                t,
                &["international", "countr", "abroad", "outside", "stored and processed", "such transfers", "to the transfer"],
            );
        (contains_phrase(t, &["cookie"]) || to_the_policy)
            && t.split_whitespace().count() >= FULL_SENTENCE_WORDS
            && !continued_use_only
            && !contains_phrase(t, cues("implied_consent_not"))
            && visits_the_site(t)
    });
    c.when("implied_consent_cookies", implied);
}

/// Quotes naming the tracking companies of `categories` the policy names: analytics the
/// site hosts itself is no third party tracking the reader, and a social network tracks only
/// through its plug-ins.
fn tracker_evidence(c: &Collector, p: &Practices, categories: &[&str]) -> Vec<Evidence> {
    let self_hosted_cues = cues("self_hosted");
    let self_hosted = |sentence: &str| {
        contains_phrase(sentence, self_hosted_cues)
            || c.ctx.pack.is_some_and(|pack| crate::practices::other_language::says_self_hosted(pack, sentence))
    };
    // A tool the page says it hosts itself, in a sentence of its own ("Matomo läuft auf unserem
    // eigenen Server"), tracks for no one else wherever else it is named.
    let hosted_here = |name: &str| c.ctx.sentences.iter().any(|s| s.text.contains(name) && self_hosted(s.text));
    distinct(
        p.third_parties
            .iter()
            .filter(|t| !t.generic && categories.contains(&t.category.as_str()) && !cookieless(&t.name))
            .filter(|t| !t.evidence.iter().any(|e| self_hosted(c.ctx.sentence_of(e))) && !hosted_here(&t.name))
            .flat_map(|t| t.evidence.iter().find(|e| t.category != "social" || tracks_socially(c.ctx.sentence_of(e)))),
    )
}

/// Whether the known service of that name counts visits without following anyone.
fn cookieless(name: &str) -> bool {
    crate::knowledge::knowledge().parties.iter().any(|k| k.cookieless && k.name == name)
}

/// The signals of a policy read with a language pack: those its wording raises (the pack's
/// `signals` lists), those that follow from its findings and quote them, and those resting on
/// what the findings lack (no contact, no deletion right), as for English. (Social networks are
/// left out: whether one tracks is read from English wording.)
pub fn from_findings(ctx: &Ctx, p: &Practices) -> Vec<Signal> {
    let mut c = Collector { ctx, out: Vec::new() };
    for (id, evidence) in ctx.worded_signals() {
        c.raise(id, evidence.clone());
    }
    let advertisers = tracker_evidence(&c, p, &["advertising"]);
    c.when("shares_for_advertising", advertisers);
    let trackers = tracker_evidence(&c, p, &["analytics", "advertising"]);
    c.when("third_party_tracking", trackers);
    finding_signals(&mut c, p);
    c.out
}

/// The signals that follow from the findings themselves, and from what they lack: changes,
/// transfers, retention, the contact, deletion and encryption.
fn finding_signals(c: &mut Collector, p: &Practices) {
    let posted_only = p.changes.notice.iter().any(|n| n == "posted_only");
    if posted_only {
        c.raise("changes_without_notice", p.changes.evidence.iter().take(2).cloned().collect());
    }
    if p.changes.continued_use_is_acceptance {
        // Cite the continued-use sentence itself, not any sentence about changes.
        let own: Vec<Evidence> =
            p.changes.evidence.iter().filter(|e| contains_phrase(&e.quote, CONTINUED_USE)).cloned().collect();
        let evidence = if own.is_empty() { p.changes.evidence.iter().take(2).cloned().collect() } else { own };
        c.raise("continued_use_is_acceptance", evidence);
    }
    if let Some(m) = p.international_transfer.mechanisms.iter().find(|m| m.id == "privacy_shield") {
        c.raise("outdated_transfer_mechanism", m.evidence.clone());
    }
    let retained_days: Vec<u32> = p.retention.iter().filter_map(|r| r.days).collect();
    // "No time limit is given": a policy whose periods form a schedule (three or more) has
    // given limits even if it also says "as long as necessary"; one or two periods for narrow
    // data (search queries kept 90 days) leave the rest unlimited, and are no short retention.
    let mut periods = retained_days.clone();
    periods.sort_unstable();
    periods.dedup();
    let schedule = periods.len() >= RETENTION_SCHEDULE;
    let open_ended = p.retention.iter().find(|r| r.indefinite);
    if let Some(r) = open_ended.filter(|_| !schedule) {
        c.raise("indefinite_retention", vec![r.evidence.clone()]);
    } else if open_ended.is_none() && !retained_days.is_empty() && retained_days.iter().all(|d| *d <= SHORT_RETENTION_DAYS) {
        c.raise("short_retention", p.retention.iter().map(|r| r.evidence.clone()).take(2).collect());
    }
    // Quote the contact offered for privacy questions before one met in passing (a sales
    // number, a legal department's address).
    let for_privacy =
        |q: &str| contains_phrase(q, &["privacy", "question", "personal information", "personal data", "contact us"]);
    let best = p.contacts.iter().find(|k| for_privacy(&k.evidence.quote)).or(p.contacts.first());
    match best {
        Some(contact) => c.raise("clear_contact", vec![contact.evidence.clone()]),
        None => c.raise("no_contact_given", Vec::new()),
    }
    match p.rights.iter().find(|r| r.id == "erasure") {
        Some(r) => c.raise("deletion_on_request", r.evidence.clone()),
        None => c.raise("no_deletion_right", Vec::new()),
    }
    if let Some(e) = p.security_measures.iter().find(|m| m.id == "encryption") {
        c.raise("encryption", e.evidence.clone());
    }
}

/// Changes, transfers, retention, authorities, mergers, contact, deletion, marketing,
/// minimisation, security and analytics.
fn other_signals(c: &mut Collector, p: &Practices) {
    finding_signals(c, p);
    // Handing data over only when the law compels it is the narrow case, not the broad one,
    // unless the policy adds reasons of its own.
    let authorities = c.sentences_with("authorities_broad", |t| {
        contains_phrase(t, cues("authorities")) && (!contains_phrase(t, cues("authorities_limited")) || own_judgement(t))
    });
    c.when("shares_with_authorities_broadly", authorities);
    let merger = c.sentences_with("merger", |t| {
        contains_phrase(t, &["transfer", "disclos", "share", "sold", "part of", "assets", "acquir", "successor", "pass"])
            && !contains_phrase(t, cues("merger_not"))
    });
    c.when("data_transferred_in_merger", merger);

    let opt_in = c.sentences_with("opt_in", |t| {
        contains_phrase(t, &["marketing", "newsletter", "promotional", "mailing", "advertis", "communications"])
            && !contains_phrase(t, cues("opt_in_not"))
    });
    c.when("opt_in_marketing", opt_in);
    let minimal = c.sentences_with("minimization", |t| !contains_phrase(t, cues("minimization_not")));
    c.when("data_minimization", minimal);
    let self_hosted_analytics: Vec<Evidence> = c.sentences_with("self_hosted", |t| {
        contains_phrase(t, &["analytics", "statistic", "traffic", "plausible", "matomo", "usage"])
    });
    c.when("self_hosted_analytics", self_hosted_analytics);
    // "We may disclose aggregate data to advertisers" is sharing, not anonymous analytics.
    let anonymous = c.sentences_with("anonymous_analytics", |t| {
        contains_phrase(t, &["analytic", "statistic", "usage", "traffic", "error"])
            && !contains_phrase(t, cues("anonymous_analytics_not"))
    });
    c.when("anonymous_analytics", anonymous);
    // A heading ("Local storage") states nothing yet.
    let local = c.sentences_with("local_storage", |t| {
        t.split_whitespace().count() >= FULL_SENTENCE_WORDS
            && !contains_phrase(t, &["cookie", "flash"])
            && !contains_phrase(t, cues("local_storage_not"))
    });
    c.when("local_only_storage", local);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contact_quoted_is_the_one_for_privacy_questions() {
        let page =
            "Call our sales team at 1-800-555-0199 for offers.\n\nFor questions about your privacy, e-mail privacy@example.com.";
        let contact = signals_of(page).into_iter().find(|s| s.id == "clear_contact").expect("raised");
        assert!(contact.evidence[0].quote.contains("privacy@example.com"), "{:?}", contact.evidence);
    }

    fn signals_of(text: &str) -> Vec<Signal> {
        let segments: Vec<crate::extract::RawSegment> =
            text.split("\n\n").map(|p| crate::extract::RawSegment { heading: None, text: p.to_string() }).collect();
        let sentences = crate::sentences::split(&segments);
        let ctx = Ctx::new(&segments, &sentences, None);
        let practices = crate::practices::extract_practices(&ctx);
        signals(&ctx, &practices)
    }

    fn signal_ids(text: &str) -> Vec<String> {
        signals_of(text).into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn the_right_to_opt_out_of_sales_is_no_sale() {
        let policy = "Privacy Policy\n\nWe collect your email address. We do not sell Personal Data collected about you.\n\n\
            Nevada law requires operators of online services to provide a way for Nevada residents to request to opt-out of the sale of Personal Data.\n\n\
            California residents have the right to opt out of the sale of personal information.";
        let ids = signal_ids(policy);
        assert!(ids.contains(&"no_sale".to_string()) && !ids.contains(&"sells_data".to_string()), "{ids:?}");
        let seller = "Privacy Policy\n\nWe collect your email address. We sell personal information to data brokers.";
        assert!(signal_ids(seller).contains(&"sells_data".to_string()));
    }

    #[test]
    fn a_retention_schedule_is_a_limit_and_processing_times_are_not_retention() {
        let vague = "We keep your information for as long as necessary to provide the service.";
        assert!(signal_ids(vague).contains(&"indefinite_retention".to_string()));
        let narrow = "We keep your information for as long as necessary.\n\nSearch queries are deleted after 90 days.";
        let ids = signal_ids(narrow);
        assert!(ids.contains(&"indefinite_retention".to_string()) && !ids.contains(&"short_retention".to_string()), "{ids:?}");
        let schedule =
            "We keep data no longer than necessary.\n\nLogs are kept for 30 days, backups for 90 days and invoices for 6 years.";
        assert!(!signal_ids(schedule).contains(&"indefinite_retention".to_string()));
        let short = "Logs are deleted after 30 days and backups after 90 days.";
        assert!(signal_ids(short).contains(&"short_retention".to_string()));
        let processing = "It may take us up to 14 days to process your account deletion request.";
        assert!(!signal_ids(processing).contains(&"short_retention".to_string()));
    }

    #[test]
    fn cookieless_analytics_tracks_no_one() {
        let plausible = "We use Plausible Analytics to count visits to our website; it sets no cookies.";
        assert!(!signal_ids(plausible).contains(&"third_party_tracking".to_string()));
        let google = "We use Google Analytics to count visits to our website.";
        assert!(signal_ids(google).contains(&"third_party_tracking".to_string()));
    }

    /// Sentences from real policies that once raised the wrong signal, and their right
    /// counterparts: (text, signal, raised?).
    #[test]
    fn signals_need_the_practice_not_just_its_words() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "We may pass Aggregated Data to third parties, such as advertisers and business partners.",
                "anonymous_analytics",
                false,
            ),
            ("We use anonymous usage statistics to improve the site.", "anonymous_analytics", true),
            ("We collect the content you provide, including when you sign up for an account.", "opt_in_marketing", false),
            (
                "We use your data for direct marketing if you specifically opt-in, or elect not to opt-out.",
                "opt_in_marketing",
                false,
            ),
            (
                "The 'opt-in' on the website lets you choose whether you receive marketing information from us.",
                "opt_in_marketing",
                true,
            ),
            ("We only collect personal information from you when you register on the Site.", "data_minimization", false),
            ("We only collect the minimum amount of data needed to run the service.", "data_minimization", true),
            (
                "We will only send you commercial electronic messages where we have your express or implied consent.",
                "implied_consent_cookies",
                false,
            ),
            ("By continuing to use this site, you consent to our use of cookies.", "implied_consent_cookies", true),
            (
                "You may opt out of the use of the DART cookie by visiting the Google ad and content privacy policy.",
                "implied_consent_cookies",
                false,
            ),
            (
                "By visiting Amazon.com, you are accepting the practices described in this Privacy Notice.",
                "implied_consent_cookies",
                true,
            ),
            (
                "Your continued use of our Services constitutes your consent to our use of these cookies.",
                "implied_consent_cookies",
                true,
            ),
            (
                "Your continued use of the Services after changes take effect means you agree to them.",
                "implied_consent_cookies",
                false,
            ),
            (
                "If you signed up to receive marketing emails from an affiliate, follow the opt-out instructions in them.",
                "opt_in_marketing",
                false,
            ),
            ("So, we do not offer an opt-out to the sale of personal data.", "sells_data", false),
            (
                "If we exchange personal information with partners for valuable consideration in the future, we will take steps to avoid activities that could be considered a “sale”.",
                "sells_data",
                false,
            ),
            (
                "MLB has disclosed and sold personal information to third parties for a business or commercial purpose in the past 12 months.",
                "sells_data",
                true,
            ),
            (
                "If you play a game offline, this data will be stored on your device and transmitted to EA when your device connects.",
                "local_only_storage",
                false,
            ),
            (
                "As a rule you cannot unsubscribe from such notifications because these e-mails are not sent for advertising purposes.",
                "shares_for_advertising",
                false,
            ),
            (
                "We use non-identifying and aggregate information to design the service and to share with advertisers and publishers.",
                "shares_for_advertising",
                false,
            ),
            (
                "We process your data with your consent for targeted advertising and profiling to serve more accurate advertising.",
                "opt_in_marketing",
                false,
            ),
            (
                "Users may modify or remove any of their personal information at any time in their account.",
                "deletion_on_request",
                true,
            ),
            (
                "If you no longer wish to use our service, you can delete your personal data in your account.",
                "deletion_on_request",
                true,
            ),
            (
                "If you learn that your child has provided us with Personal Information, contact us and we will delete that information.",
                "deletion_on_request",
                false,
            ),
            (
                "By using our Services, you are telling us that you are 18 years or older and agree to these terms.",
                "continued_use_is_acceptance",
                false,
            ),
            ("If you have questions about our privacy policy, please email us at privacy[at]example.com", "clear_contact", true),
            (
                "With your consent, we may share your contact information with third party marketing partners.",
                "opt_in_marketing",
                false,
            ),
            ("We do not collect \"Personal Information\" unless you voluntarily provide it to us.", "data_minimization", false),
            ("The Sportsman's Guide will not sell, trade, share or rent your email address to anyone.", "no_sale", false),
            ("If you are registered, you can remove your information by deleting your profile.", "deletion_on_request", true),
            ("Local storage", "local_only_storage", false),
            // Read in session 5's held-out policies.
            ("Sale of Personal Information.", "sells_data", false),
            (
                "Your continued use after changes constitutes acceptance of the revised Privacy Policy and our use of cookies.",
                "continued_use_is_acceptance",
                true,
            ),
            ("By using the applicable settings you agree to this policy.", "continued_use_is_acceptance", false),
            ("We sell your personal information.", "sells_data", true),
            (
                "We may assign our rights and obligations under these Terms and Conditions, including in connection with a merger.",
                "data_transferred_in_merger",
                false,
            ),
            (
                "We only collect Personally Identifiable Information when you specifically provide it to us.",
                "data_minimization",
                false,
            ),
            (
                "Once we confirm your deletion request, we will delete your personal information within 45 days.",
                "short_retention",
                false,
            ),
            ("You may ask to have your information removed from our database at any time.", "no_deletion_right", false),
            ("The business or commercial purposes for which we collected or sold Personal Information.", "sells_data", false),
            ("We do not sell or rent phone numbers.", "no_sale", false),
            (
                "Personal information will not be sold or transferred to unaffiliated third parties without your prior consent.",
                "data_transferred_in_merger",
                false,
            ),
            (
                "We do not collect personal information from you on the website unless you are logged onto our service.",
                "data_minimization",
                false,
            ),
            (
                "Our site may contain links to and from the websites of our partner networks, advertisers and affiliates.",
                "shares_for_advertising",
                false,
            ),
            (
                "If we process your information with your consent (such as for advertising), you can withdraw your consent at any time.",
                "opt_in_marketing",
                false,
            ),
            (
                "By continuing to use our website, you are agreeing to our use of cookies. Privacy Policy",
                "continued_use_is_acceptance",
                false,
            ),
            (
                "You can withdraw consent to cookies by using the browser-based cookie controls described in this privacy statement.",
                "continued_use_is_acceptance",
                false,
            ),
            (
                "By using any of the CBS Services, you consent to the terms of the updated Privacy Policy.",
                "continued_use_is_acceptance",
                true,
            ),
            (
                "If you opt in to receive communications from a third party, its own privacy policy applies.",
                "opt_in_marketing",
                false,
            ),
            (
                "In the European Union we only collect information about you when we have a valid reason.",
                "data_minimization",
                false,
            ),
            (
                "For more information about data we disclose in response to requests from law enforcement, please see our report.",
                "shares_with_authorities_broadly",
                false,
            ),
            (
                "We use Local Storage Objects (LSOs) such as HTML5 to store content information and preferences.",
                "local_only_storage",
                false,
            ),
            ("Your notes are only stored on your device and never leave it.", "local_only_storage", true),
            ("When used in \"local storage\" mode, it enables data to be stored across sessions.", "local_only_storage", false),
            (
                "We may share information as discussed below, but we won’t sell it to advertisers.",
                "shares_for_advertising",
                false,
            ),
            (
                "We may contact you with updates in connection with your continued use of the Services.",
                "implied_consent_cookies",
                false,
            ),
            (
                "With your consent (or provided you have not objected), we send you marketing communications.",
                "opt_in_marketing",
                false,
            ),
            ("If we decide to sell personal information at any point, we would give notice.", "sells_data", false),
            ("You have the right to direct us to not sell your personal information.", "no_sale", false),
            ("Does Grammarly sell or rent my Personal Data?", "sells_data", false),
            ("We sell these categories of personal information to third parties for their own marketing.", "sells_data", true),
            (
                "By using Fox News Services, you agree to the terms and conditions of this Privacy Policy.",
                "continued_use_is_acceptance",
                true,
            ),
            ("We use ad delivery technologies that encrypt information to support targeted advertising.", "encryption", false),
            ("WE DO NOT COLLECT THE CONTENTS OF ANY COMMUNICATIONS THAT PASS THROUGH OUR DEVICES.", "data_minimization", false),
            ("By visiting the Site you consent to such transfers to other countries.", "implied_consent_cookies", false),
            ("By continuing to use this site, you agree to our use of cookies.", "implied_consent_cookies", true),
            ("Once we receive your request, we will not sell your personal information.", "no_sale", false),
            (
                "We do not permit third-party ad networks to collect information about your browsing.",
                "shares_for_advertising",
                false,
            ),
            (
                "We disclose aggregated user statistics to partners, advertisers and other third parties.",
                "shares_for_advertising",
                false,
            ),
            (
                "You can opt out of the sale of personal data by using this Do Not Sell My Personal Information link.",
                "no_sale",
                false,
            ),
            (
                "We do not partner with or have special relationships with any ad server companies.",
                "shares_for_advertising",
                false,
            ),
            (
                "We may use web beacons, pixel tags, local storage and other technologies to track your use of our site.",
                "local_only_storage",
                false,
            ),
            (
                "In the preceding twelve months, Care2 has sold the following categories of personal information.",
                "sells_data",
                true,
            ),
            ("O2 has sold its home broadband business to Sky.", "sells_data", false),
            ("We don't sell any of your information to anyone, and we never will.", "no_sale", true),
            (
                "If we buy, merge, reorganize or sell any business, personal data will likely be transferred.",
                "data_transferred_in_merger",
                true,
            ),
            ("We share data with affiliates under common ownership or control.", "data_transferred_in_merger", false),
            (
                "If requested or required by government authorities, we may disclose any information we have.",
                "shares_with_authorities_broadly",
                true,
            ),
            (
                "We may provide information to law enforcement officials when we believe in good faith that the law requires it.",
                "shares_with_authorities_broadly",
                false,
            ),
            (
                "We may disclose information to the police at the request of the police or to protect us or others.",
                "shares_with_authorities_broadly",
                true,
            ),
            (
                "This includes responding to a legally appropriate preservation request made by law enforcement.",
                "shares_with_authorities_broadly",
                false,
            ),
            ("No Targeted Advertising Sales.", "shares_for_advertising", false),
            ("Hot Topic may use your content for advertising, marketing and publicity.", "shares_for_advertising", false),
            ("We share device identifiers with advertising partners to show you targeted ads.", "shares_for_advertising", true),
            ("You agree not to sell, resell, rent, or charge for our Services.", "sells_data", false),
            (
                "We may disclose your name and mailing address to marketing companies for trade or rental purposes.",
                "sells_data",
                true,
            ),
            ("We may receive data about you from companies we acquire.", "data_transferred_in_merger", false),
            (
                "If we are involved in a merger or acquisition, your data may be transferred to the new owner.",
                "data_transferred_in_merger",
                true,
            ),
        ];
        for (text, id, raised) in cases {
            assert_eq!(signal_ids(text).iter().any(|s| s == id), *raised, "{id} on {text:?}");
        }
    }

    #[test]
    fn statements_are_quoted_before_headings() {
        let page = "Ad Partners.\n\nWe share device identifiers with advertising partners to show you targeted ads.";
        let ad = signals_of(page).into_iter().find(|s| s.id == "shares_for_advertising").expect("raised");
        assert!(ad.evidence[0].quote.starts_with("We share"), "{:?}", ad.evidence);
    }

    #[test]
    fn social_networks_track_through_plugins_not_log_ins() {
        let login = "You can log into your account using Facebook.";
        assert!(!signal_ids(login).contains(&"third_party_tracking".to_string()));
        let plugin = "Our pages include the Facebook Like button, which sets cookies.";
        assert!(signal_ids(plugin).contains(&"third_party_tracking".to_string()));
    }

    #[test]
    fn every_signal_in_the_spec_is_defined_once() {
        let spec = [
            "sells_data",
            "shares_for_advertising",
            "third_party_tracking",
            "implied_consent_cookies",
            "changes_without_notice",
            "continued_use_is_acceptance",
            "outdated_transfer_mechanism",
            "indefinite_retention",
            "shares_with_authorities_broadly",
            "data_transferred_in_merger",
            "no_contact_given",
            "no_deletion_right",
            "no_sale",
            "opt_in_marketing",
            "deletion_on_request",
            "data_minimization",
            "encryption",
            "self_hosted_analytics",
            "anonymous_analytics",
            "local_only_storage",
            "short_retention",
            "clear_contact",
        ];
        let defs = definitions();
        for id in spec {
            assert_eq!(defs.iter().filter(|d| d.id == id).count(), 1, "{id}");
        }
        assert!(defs.iter().all(|d| (1..=3).contains(&d.severity) && !d.explanation.is_empty()));
        assert!(phrase_strings().values().all(|v| v.iter().all(|p| p == &p.to_lowercase())));
    }
}
