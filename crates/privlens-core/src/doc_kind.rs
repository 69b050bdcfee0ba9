//! What kind of document a page is: privacy policy, cookie policy, terms of service, other.
//!
//! Three kinds of evidence, all from `data/lexicon/document_kinds.json`:
//! - what the page calls itself: its title and URL (`*_title` names, and the bare `*_word`s such as
//!   "privacy" or "terms", which count only there), its first headings and first short lines
//!   (`*_title` names only: "Privacy" alone is a section heading in many terms of service);
//! - how the text refers to itself (`*_self`): a privacy policy says "this Privacy Policy", terms
//!   say "these Terms" or "this Agreement" — and mention the other document as "our Privacy
//!   Policy", which does not count. Three such references are as good as a title;
//! - what the text talks about: vocabulary per 1,000 words (`*_vocabulary`, plus names and words
//!   used in running text). Ids ending in `_cjk` hold Chinese, Japanese and Korean phrases, counted
//!   as substrings since those scripts put no spaces between words.
//!
//! Each side (privacy or cookie policy / terms) collects points: a name 2 (a bare word in the
//! title or URL 1), each self-reference 0.5 (at most 2), and its vocabulary density / 7.5. A side
//! needs 2.5 points. When both qualify, a page named a privacy policy whose privacy vocabulary
//! stays dense (combined "Terms and Privacy" pages) is a policy; otherwise the larger side wins.
//! A text that keeps calling itself "these Terms"/"this Agreement" and never a privacy or cookie
//! policy is not a policy, however much it speaks of personal data (data processing terms), and
//! the other way round.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::knowledge::knowledge;
use crate::report::DocumentKind;

pub struct KindInput<'a> {
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The first headings of the page.
    pub headings: &'a [&'a str],
    /// The page's readable text (boilerplate left out).
    pub body: &'a str,
}

pub struct KindResult {
    pub kind: DocumentKind,
    pub confidence: f64,
    pub reasons: Vec<String>,
}

/// Below this many words a page is too short to be a policy, whatever it calls itself.
const MIN_WORDS: usize = 60;
/// Points a side needs to be that kind of document.
const BAR: f64 = 2.5;
/// Points for a name (title, URL, heading, first line), and for a bare word in the title or URL.
const NAME_POINTS: f64 = 2.0;
const WORD_POINTS: f64 = 1.0;
/// Points per self-reference ("this Privacy Policy"), and the most they add up to.
const SELF_POINTS: f64 = 0.5;
const SELF_MAX: usize = 4;
/// This many self-references name the document as well as a title does.
const SELF_NAMES: usize = 3;
/// Vocabulary density (per 1,000 words) worth one point, and the highest density counted.
const DENSITY_PER_POINT: f64 = 7.5;
const DENSITY_CAP: f64 = 40.0;
/// The bare words ("privacy", "cookies") add at most this much to a density.
const WORD_DENSITY_CAP: f64 = 10.0;
/// A page named a privacy policy that also reads as terms is a (combined) policy when its
/// privacy vocabulary is at least this dense.
const COMBINED_PRIVACY_DENSITY: f64 = 12.0;
/// First lines of the text that may carry the document's name (pages without headings).
const FIRST_LINES: usize = 3;
const NAME_MAX_WORDS: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Privacy,
    Cookie,
    Terms,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A document name ("privacy policy", "terms of service").
    Title,
    /// A bare word that names the document only in a title or URL ("privacy", "terms").
    Word,
    /// The text referring to itself ("this privacy policy", "these terms").
    SelfRef,
    Vocabulary,
}

/// Lexicon ids are `<side>_<role>`, or `<side>_<role>_cjk` for Chinese, Japanese, Korean and Thai
/// phrases, which are counted as substrings (those scripts put no spaces between words).
fn role_of(id: &str) -> Option<(Side, Role, bool)> {
    let (id, cjk) = id.strip_suffix("_cjk").map_or((id, false), |i| (i, true));
    let (side, role) = id.split_once('_')?;
    let side = match side {
        "privacy" => Side::Privacy,
        "cookie" => Side::Cookie,
        "terms" => Side::Terms,
        _ => return None,
    };
    let role = match role {
        "title" => Role::Title,
        "word" => Role::Word,
        "self" => Role::SelfRef,
        "vocabulary" => Role::Vocabulary,
        _ => return None,
    };
    Some((side, role, cjk))
}

/// The lexicon's ids resolved to (side, role), and its CJK substrings.
struct Vocab {
    roles: Vec<Option<(Side, Role)>>,
    cjk: Vec<(Side, Role)>,
    /// All CJK phrases in one automaton, pattern i being `cjk[i]`: one pass over the text.
    cjk_matcher: aho_corasick::AhoCorasick,
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let lex = &knowledge().document_kinds;
        let roles = lex.ids.iter().map(|id| role_of(id).filter(|r| !r.2).map(|(side, role, _)| (side, role))).collect();
        let map: BTreeMap<String, Vec<String>> =
            serde_json::from_str(include_str!("../data/lexicon/document_kinds.json")).expect("valid document_kinds.json");
        let (cjk, phrases): (Vec<(Side, Role)>, Vec<&String>) = map
            .iter()
            .filter_map(|(id, phrases)| match role_of(id) {
                Some((side, role, true)) => Some(phrases.iter().map(move |p| ((side, role), p))),
                _ => None,
            })
            .flatten()
            .unzip();
        let cjk_matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(phrases)
            .expect("CJK phrases build an automaton");
        Vocab { roles, cjk, cjk_matcher }
    })
}

/// Hits per role: title, word, self-reference, vocabulary.
type RoleCounts = [usize; 4];

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    privacy: RoleCounts,
    cookie: RoleCounts,
    terms: RoleCounts,
}

impl Counts {
    fn add(&mut self, side: Side, role: Role, n: usize) {
        let s = match side {
            Side::Privacy => &mut self.privacy,
            Side::Cookie => &mut self.cookie,
            Side::Terms => &mut self.terms,
        };
        s[role as usize] += n;
    }
}

/// Lexicon hits in a lower-cased text, by side and role.
fn count(text: &str) -> Counts {
    let v = vocab();
    let mut c = Counts::default();
    for m in knowledge().document_kinds.matcher.find_all(text) {
        if let Some((side, role)) = v.roles[m.entry] {
            c.add(side, role, 1);
        }
    }
    if text.chars().any(|c| crate::script::is_cjk(c) || crate::script::is_thai(c)) {
        // Overlapping search, as counting each phrase on its own did.
        for m in v.cjk_matcher.find_overlapping_iter(text) {
            let (side, role) = v.cjk[m.pattern().as_usize()];
            c.add(side, role, 1);
        }
    }
    c
}

fn url_words(url: &str) -> String {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    path.replace(['-', '_', '/', '.', '?', '=', '&', '#'], " ")
}

/// A numbered line ("4. Privacy Policy", "II) Terms") is a section in a table of contents.
fn is_numbered(line: &str) -> bool {
    let t = line.trim_start();
    let n = t.chars().take_while(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X')).count();
    n > 0 && t[n..].starts_with(['.', ')'])
}

/// How strongly the page names itself each kind: 2 for a name, 1 for a bare word in the title or
/// URL, 0 for nothing.
#[derive(Default, Debug, Clone, Copy)]
struct Names {
    privacy: f64,
    cookie: f64,
    terms: f64,
}

fn names(input: &KindInput, body: &str) -> Names {
    let mut n = Names::default();
    let mut note = |c: &Counts, title_like: bool| {
        let strength = |side: &RoleCounts| {
            if side[Role::Title as usize] + side[Role::SelfRef as usize] > 0 {
                NAME_POINTS
            } else if title_like && side[Role::Word as usize] > 0 {
                WORD_POINTS
            } else {
                0.0
            }
        };
        n.privacy = n.privacy.max(strength(&c.privacy));
        n.cookie = n.cookie.max(strength(&c.cookie));
        n.terms = n.terms.max(strength(&c.terms));
    };
    for title_like in [input.title.map(str::to_lowercase), input.url.map(|u| url_words(u).to_lowercase())].into_iter().flatten() {
        note(&count(&title_like), true);
    }
    let first_lines = body
        .lines()
        .take(FIRST_LINES)
        .filter(|l| (1..=NAME_MAX_WORDS).contains(&l.split_whitespace().count()) && !is_numbered(l));
    for line in input.headings.iter().map(|h| h.to_lowercase()).chain(first_lines.map(str::to_string)) {
        note(&count(&line), false);
    }
    n
}

fn per_k(n: usize, words: usize) -> f64 {
    n as f64 * 1000.0 / words.max(1) as f64
}

/// A document shows what it is in its first pages: past this many bytes of body text the rest
/// is not read for the kind, so a 10 MB page costs no more here than a long policy.
const KIND_SAMPLE_BYTES: usize = 256 * 1024;

pub fn classify(input: &KindInput) -> KindResult {
    let body = crate::sentences::head(input.body, KIND_SAMPLE_BYTES).to_lowercase();
    let words = crate::script::words(&body);
    let mut named = names(input, &body);
    let c = count(&body);
    let self_ref = Role::SelfRef as usize;
    let (self_p, self_c, self_t) = (c.privacy[self_ref], c.cookie[self_ref], c.terms[self_ref]);
    // Saying "this Privacy Policy" again and again names the document as well as a title.
    for (n, refs) in [(&mut named.privacy, self_p), (&mut named.cookie, self_c), (&mut named.terms, self_t)] {
        if refs >= SELF_NAMES {
            *n = NAME_POINTS;
        }
    }
    // Names and vocabulary count in running text; "privacy" and "cookies" too, up to a point (an
    // article about privacy says "privacy" a lot); "terms" and "conditions" do not.
    let density = |s: &RoleCounts, words_cap: f64| {
        per_k(s[Role::Title as usize] + s[Role::Vocabulary as usize], words) + per_k(s[Role::Word as usize], words).min(words_cap)
    };
    let (privacy, cookie, terms) =
        (density(&c.privacy, WORD_DENSITY_CAP), density(&c.cookie, WORD_DENSITY_CAP), density(&c.terms, 0.0));

    let mut reasons = Vec::new();
    for (score, what, word) in [
        (named.privacy, "a privacy policy", "privacy"),
        (named.cookie, "a cookie policy", "cookies"),
        (named.terms, "terms", "terms"),
    ] {
        if score >= NAME_POINTS {
            reasons.push(format!("calls itself {what}"));
        } else if score > 0.0 {
            reasons.push(format!("title or address mentions {word}"));
        }
    }
    if self_p + self_c > 0 {
        reasons.push(format!("refers to itself as a privacy or cookie policy {} times", self_p + self_c));
    }
    if self_t > 0 {
        reasons.push(format!("refers to itself as terms or an agreement {self_t} times"));
    }
    reasons.push(format!(
        "privacy vocabulary {privacy:.0}/1000 words, cookie vocabulary {cookie:.0}/1000 words, terms vocabulary {terms:.0}/1000 words"
    ));
    if words < MIN_WORDS {
        reasons.push(format!("only {words} words"));
        return KindResult { kind: DocumentKind::Other, confidence: 0.9, reasons };
    }

    let policy_name = named.privacy.max(named.cookie);
    let policy_density = privacy + cookie * 0.5;
    // "this Policy", unqualified, is how some privacy policies name themselves throughout; it
    // counts as a privacy policy's self-reference when privacy words outnumber terms words.
    let plain_policy_refs = body.matches("this policy").count();
    let plain_self = if self_p + self_c == 0 && privacy > terms { plain_policy_refs } else { 0 };
    let policy_points = policy_name
        + SELF_POINTS * (self_p + self_c + plain_self).min(SELF_MAX) as f64
        + policy_density.min(DENSITY_CAP) / DENSITY_PER_POINT;
    let terms_points = named.terms + SELF_POINTS * self_t.min(SELF_MAX) as f64 + terms.min(DENSITY_CAP) / DENSITY_PER_POINT;

    let mut policy_ok = policy_points >= BAR;
    let mut terms_ok = terms_points >= BAR;
    if policy_ok && self_t >= SELF_NAMES && self_p + self_c == 0 && policy_name == 0.0 && plain_policy_refs < self_t {
        policy_ok = false;
        reasons.push("calls itself terms or an agreement, never a privacy policy".to_string());
    }
    if terms_ok && self_p + self_c >= SELF_NAMES && self_t == 0 && named.terms == 0.0 {
        terms_ok = false;
    }
    let policy_wins = match (policy_ok, terms_ok) {
        (true, true) => {
            let combined = policy_name >= NAME_POINTS && policy_density >= COMBINED_PRIVACY_DENSITY;
            if combined && terms_points > policy_points {
                reasons.push("also reads as terms; holds a privacy policy".to_string());
            }
            combined || policy_points >= terms_points
        }
        (ok, _) => ok,
    };
    let kind = if policy_wins {
        // Named a cookie policy (and not a privacy policy) unless its text keeps saying "this
        // privacy policy"; or its text says "this cookie policy" more often.
        let cookie_led =
            (named.cookie >= NAME_POINTS && named.privacy < NAME_POINTS && self_p <= self_c) || (self_c > self_p && self_c >= 2);
        if cookie_led { DocumentKind::CookiePolicy } else { DocumentKind::PrivacyPolicy }
    } else if terms_ok {
        DocumentKind::TermsOfService
    } else {
        DocumentKind::Other
    };
    let margin = match kind {
        DocumentKind::Other => BAR - policy_points.max(terms_points),
        DocumentKind::TermsOfService => terms_points - policy_points.max(BAR),
        _ => policy_points - if terms_ok { terms_points.min(policy_points) } else { BAR },
    };
    let confidence = (0.5 + 0.5 * (1.0 - (-margin.abs()).exp())).clamp(0.5, 0.99);
    KindResult { kind, confidence: (confidence * 100.0).round() / 100.0, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(title: &str, body: &str) -> DocumentKind {
        classify(&KindInput { url: None, title: Some(title), headings: &[], body }).kind
    }

    fn kind_untitled(headings: &[&str], body: &str) -> DocumentKind {
        classify(&KindInput { url: None, title: None, headings, body }).kind
    }

    #[test]
    fn tells_policies_terms_and_other_pages_apart() {
        let policy = "We collect personal information such as your email address. We share personal data with third parties. Cookies help us. ".repeat(20);
        let terms = "By using the service you agree to these terms. Our liability is limited. Governing law is Delaware. You may not infringe copyright. ".repeat(20);
        let recipe = "Mix the flour with butter and sugar, then bake the cookies for twelve minutes until golden. ".repeat(20);
        assert_eq!(kind("Privacy Policy", &policy), DocumentKind::PrivacyPolicy);
        assert_eq!(kind("Terms of Service", &terms), DocumentKind::TermsOfService);
        assert_eq!(kind("Best butter cookies", &recipe), DocumentKind::Other);
        assert_eq!(kind("Privacy Policy", "Too short."), DocumentKind::Other);
        // Without any title, the text's own words decide.
        assert_eq!(kind_untitled(&[], &policy), DocumentKind::PrivacyPolicy);
        assert_eq!(kind_untitled(&[], &terms), DocumentKind::TermsOfService);
    }

    #[test]
    fn a_page_that_only_mentions_privacy_is_not_a_policy() {
        // A news article about privacy: the word comes up, the policy vocabulary does not.
        let article = "The senator said the new bill would protect consumer privacy online. Critics argue the \
            proposal does little for privacy, and technology firms lobbied hard against it this spring. The vote \
            is expected next month, after a hearing in which several witnesses testified about the market. "
            .repeat(8);
        assert_eq!(kind("Senate weighs online privacy bill", &article), DocumentKind::Other);
        // A footer link or a "Privacy" section heading does not name a page either.
        let blog = "We shipped a faster build system this week and fixed a long list of bugs reported by users. ".repeat(20);
        assert_eq!(kind_untitled(&["Privacy", "Release notes"], &blog), DocumentKind::Other);
    }

    #[test]
    fn terms_that_talk_about_data_stay_terms() {
        let terms = "These Terms govern your use of the service. You agree that we may collect and process personal \
            information as described in our Privacy Policy. You may not infringe the intellectual property of others. \
            We may terminate your account if you breach these Terms. Our liability is limited to the fees you paid. "
            .repeat(10);
        assert_eq!(kind_untitled(&["Your Privacy", "Termination"], &terms), DocumentKind::TermsOfService);
        // A data processing agreement is about personal data through and through, but it calls
        // itself "these Terms", never a privacy policy.
        let dpa = "These Terms apply where we process personal data on your behalf. The processor shall process \
            personal data only on documented instructions from the controller. Personal data breaches shall be \
            notified without undue delay. The data subject may exercise rights under the GDPR. "
            .repeat(10);
        assert_ne!(kind_untitled(&["Data Processing Terms"], &dpa), DocumentKind::PrivacyPolicy);
    }

    #[test]
    fn a_policy_calling_itself_this_policy_is_a_privacy_policy() {
        // It says "these terms" in its introduction, then "this Policy" throughout.
        let policy = "By using the site you accept these terms. This Policy explains how we collect personal \
            information such as your email address and share personal data with third parties. Under this Policy \
            you may access and delete your personal information. We may change this Policy. "
            .repeat(10);
        assert_eq!(kind_untitled(&["Your Information"], &policy), DocumentKind::PrivacyPolicy);
    }

    #[test]
    fn combined_terms_and_privacy_page_is_a_policy() {
        let terms =
            "By using the site you agree to these terms of use. Our liability is limited. You may not infringe copyright. "
                .repeat(10);
        let policy = "This Privacy Policy explains how we collect personal information, such as your email address, \
            and share it with third parties and service providers. You can opt out of marketing emails. "
            .repeat(10);
        let page = format!("{terms}\n{policy}");
        assert_eq!(kind("Terms of Use and Privacy Policy", &page), DocumentKind::PrivacyPolicy);
    }

    #[test]
    fn cookie_policies_are_told_from_privacy_policies() {
        let cookies = "This Cookie Policy explains how we use cookies and similar technologies such as pixel tags and \
            local storage. Strictly necessary cookies keep you signed in; analytics cookies count visits. You can \
            delete cookies in your browser settings or change your cookie preferences at any time. "
            .repeat(8);
        assert_eq!(kind("Cookie Policy", &cookies), DocumentKind::CookiePolicy);
        assert_eq!(kind_untitled(&[], &cookies), DocumentKind::CookiePolicy);
        // A privacy policy with a section on cookies stays a privacy policy.
        let policy = "This Privacy Policy describes the personal information we collect and how we share it with \
            service providers. We use cookies to remember your preferences. "
            .repeat(12);
        assert_eq!(kind_untitled(&["Privacy Policy", "How we use cookies"], &policy), DocumentKind::PrivacyPolicy);
        // "Privacy and Cookies Policy" is a privacy policy.
        assert_eq!(kind("Privacy and Cookies Policy", &policy), DocumentKind::PrivacyPolicy);
    }

    #[test]
    fn non_english_policies_and_terms() {
        let de = "Diese Datenschutzerklärung informiert Sie über die Verarbeitung personenbezogener Daten. Wir \
            verarbeiten Ihre Daten nur mit Ihrer Einwilligung. Sie haben ein Recht auf Auskunft und Löschung. Die \
            Speicherung erfolgt auf Servern in der EU. "
            .repeat(10);
        assert_eq!(kind_untitled(&["Datenschutzerklärung"], &de), DocumentKind::PrivacyPolicy);
        assert_eq!(kind_untitled(&[], &de), DocumentKind::PrivacyPolicy);
        let fr = "La présente politique de confidentialité décrit le traitement de vos données personnelles. Nous \
            collectons vos données avec votre consentement et vous disposez d'un droit d'accès et de rectification. "
            .repeat(10);
        assert_eq!(kind("Politique de confidentialité", &fr), DocumentKind::PrivacyPolicy);
        let agb = "Diese Nutzungsbedingungen regeln den Vertrag zwischen Ihnen und uns. Die Haftung ist beschränkt. \
            Gerichtsstand ist Berlin. Eine Kündigung ist jederzeit möglich. "
            .repeat(12);
        assert_eq!(kind("Nutzungsbedingungen", &agb), DocumentKind::TermsOfService);
        // Chinese has no spaces: words and vocabulary are counted by characters.
        let zh = "本隐私政策说明我们如何收集、使用和保护您的个人信息。我们重视用户的隐私，未经您的同意不会向第三方提供个人信息。"
            .repeat(10);
        assert_eq!(kind("隐私政策", &zh), DocumentKind::PrivacyPolicy);
    }

    #[test]
    fn table_of_contents_lines_are_not_names() {
        assert!(is_numbered("4. Privacy Policy"));
        assert!(is_numbered("II) Terms"));
        assert!(!is_numbered("Privacy Policy"));
        assert!(!is_numbered("2021 Privacy Policy update"));
    }
}
