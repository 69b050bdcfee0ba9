//! Cookie and consent banners: found in a page's markup (an HTML file, or the element the
//! content script picked on a live page) or in its text, with the platform that runs them,
//! what each button does, and the tricks regulators have named.

mod platform;
mod roles;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub use platform::{PlatformDef, identify as identify_platform, is_platform_element, platforms};
pub use roles::{is_info_label, role_of, role_of_label};

use crate::extract::{BannerCandidate, Block, RawButton, decode_entities, extract_html};
use crate::matcher::PhraseMatcher;
use crate::report::{Button, CookieBanner};
use crate::sentences::contains_phrase;

/// What only a rendered page knows, measured by the content script.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BannerHints {
    /// The banner lies over the page and blocks it (a full-screen overlay).
    pub covers_viewport: bool,
    /// The page cannot scroll while the banner is up.
    pub scroll_locked: bool,
    /// On-screen area of the largest accept and reject buttons, in CSS pixels.
    pub accept_area: Option<f64>,
    pub reject_area: Option<f64>,
    /// The page exposes the IAB TCF API (`__tcfapi`).
    pub tcf: bool,
    /// Consent-platform markers seen elsewhere on the page (`src:url`, `global:Name`).
    pub markers: Vec<String>,
}

/// Accept at least this many times the reject button's area is emphasised.
const EMPHASIS_RATIO: f64 = 2.0;
/// A notice is short; a page section about cookies is not a banner.
const MAX_NOTICE_WORDS: usize = 150;
const MAX_BUTTON_WORDS: usize = 6;
const MAX_QUOTE_CHARS: usize = 400;
/// Vocabulary stems strong enough on their own to mark consent talk.
const STRONG: &[&str] = &[
    "cookie",
    "consent",
    "einwillig",
    "zustimm",
    "consentement",
    "consenso",
    "consentimiento",
    "toestemming",
    "zgod",
    "samtyck",
    "samtykk",
    "suostum",
    "souhlas",
    "tracking technolog",
    "traceurs",
    "store and/or access",
    "クッキー",
    "쿠키",
    "同意",
    "동의",
    "ملفات تعريف الارتباط",
    "الكوكيز",
    "كوكيز",
    "الموافقة",
    "עוגיות",
    "העוגיות",
    "בעוגיות",
    "עוגיה",
    "עוגייה",
    "הסכמה",
    "कुकी",
    "कुकीज़",
    "कुकीज",
    "सहमति",
    "คุกกี้",
    "คุ้กกี้",
    "ความยินยอม",
    "کوکی",
    "کوکیز",
    "رضامندی",
    "cookia",
    "baimen",
    "onespen",
    "fianá",
    "fhianá",
    "bhfianá",
    "fiana",
    "toiliú",
    "thoiliú",
    "dtoiliú",
    "kunsens",
];
const TEXT_NOTICE_CUES: &[&str] = &[
    "we use",
    "this site uses",
    "this website uses",
    "uses cookies",
    "use cookies",
    "accept",
    "agree",
    "consent",
    "continu",
    "by using",
    "by clicking",
    "wir verwenden",
    "nous utilisons",
    "utilizamos",
    "utilizziamo",
    "we gebruiken",
    "analyse our traffic",
    "improve your experience",
    "best experience",
    "使用",
    "利用",
    "사용",
    "نستخدم",
    "يستخدم",
    "משתמש",
    "משתמשים",
    "उपयोग करते",
    "उपयोग करता",
    "ใช้คุกกี้",
    "ใช้งาน",
    "استعمال کرتے",
    "استعمال کرتی",
];

fn phrase_lists(file: &'static str, json: &'static str) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn vocabulary() -> &'static PhraseMatcher {
    static V: OnceLock<PhraseMatcher> = OnceLock::new();
    V.get_or_init(|| {
        let by_lang: BTreeMap<String, Vec<String>> =
            serde_json::from_str(include_str!("../../data/consent_vocabulary.json")).expect("valid consent_vocabulary.json");
        let phrases: Vec<String> = by_lang.into_values().flatten().collect();
        let leaked: &'static [String] = Box::leak(phrases.into_boxed_slice());
        PhraseMatcher::new(leaked.iter().enumerate().map(|(i, p)| (i, p.as_str(), false)))
    })
}

/// Flag name → its phrases in every language (`data/banner_phrases.json`).
fn flag_phrases() -> &'static BTreeMap<String, Vec<String>> {
    static F: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    F.get_or_init(|| {
        phrase_lists("banner_phrases.json", include_str!("../../data/banner_phrases.json"))
            .into_iter()
            .map(|(flag, langs)| (flag, langs.into_values().flatten().map(|p| p.to_lowercase()).collect()))
            .collect()
    })
}

/// The banner's text says one of a flag's phrases, as whole words ("abo" is not in "about").
fn says(text: &str, flag: &str) -> bool {
    static M: OnceLock<BTreeMap<String, PhraseMatcher>> = OnceLock::new();
    let matchers = M.get_or_init(|| {
        flag_phrases()
            .iter()
            .map(|(f, phrases)| (f.clone(), PhraseMatcher::new(phrases.iter().map(|p| (0, p.as_str(), false)))))
            .collect()
    });
    matchers.get(flag).is_some_and(|m| m.contains_any(&text.to_lowercase()))
}

/// Consent talk: two vocabulary phrases, or one banner sentence of three words or more ("Diese
/// Website verwendet Cookies", which hides the shorter phrases inside it); and a strong word.
pub fn is_consent_text(text: &str) -> bool {
    let found = vocabulary().find_all(text);
    let distinct: std::collections::BTreeSet<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
    let sentence = distinct.iter().any(|p| p.split_whitespace().count() >= BANNER_SENTENCE_WORDS);
    (distinct.len() >= 2 || sentence) && contains_phrase(text, STRONG)
}

/// A vocabulary phrase this long is a banner's own sentence ("we use cookies").
const BANNER_SENTENCE_WORDS: usize = 3;

/// A candidate's text as shown: entities decoded, spaces collapsed.
fn shown_text(c: &BannerCandidate) -> String {
    crate::extract::normalize_space(&decode_entities(&c.text))
}

/// A control the page shows: its label is text on the page (an `<input>` carries it in its
/// value). A labelled control whose label is nowhere in the text is an icon (a close cross)
/// or sits in a hidden layer (the second layer's "Accept all", an FAQ kept display:none).
fn shown(b: &RawButton, text: &str) -> bool {
    // Plain containment: the candidate's text runs elements together ("…experience.Accept all").
    b.tag == "input" || text.contains(b.label.as_str())
}

fn quote(text: &str) -> String {
    crate::sentences::shorten(&crate::extract::normalize_space(&decode_entities(text)), MAX_QUOTE_CHARS)
}

/// The candidate most likely to be the first layer of the banner: among those that talk
/// consent (in their own words, not only their buttons' labels) and are banner-sized, the one
/// whose shown buttons make the most distinct choices (accept, reject, settings, save) - a
/// fragment such as the policy text with its one link is not the banner - and of those the
/// smallest (a wrapper adds nothing but other layers, hidden ones included). `answerable`: it
/// must also offer a way to answer or dismiss it (accept, reject or close) - a section of a
/// cookie policy with its "Cookie settings" button talks consent too, but it is no banner.
fn best_candidate(candidates: &[BannerCandidate], answerable: bool) -> Option<&BannerCandidate> {
    let scored = candidates.iter().enumerate().filter(|(_, c)| !c.oversized).filter_map(|(i, c)| {
        let text = shown_text(c);
        let buttons: Vec<&RawButton> = c.buttons.iter().filter(|b| shown(b, &text)).collect();
        let mut prose = text.clone();
        for b in &buttons {
            prose = prose.replacen(b.label.as_str(), " ", 1);
        }
        if !is_consent_text(&prose) {
            return None;
        }
        let roles: Vec<&str> = buttons.iter().map(|b| role_of(&b.label, &b.hint)).collect();
        // A close icon counts even when its label (aria-label) is not text on the page.
        let closable = c.buttons.iter().any(|b| role_of(&b.label, &b.hint) == "close");
        if answerable && !closable && !roles.iter().any(|r| matches!(*r, "accept" | "reject")) {
            return None;
        }
        let choices: std::collections::BTreeSet<&str> =
            roles.into_iter().filter(|r| matches!(*r, "accept" | "reject" | "settings" | "save")).collect();
        Some((c, (std::cmp::Reverse(choices.len()), buttons.is_empty(), text.len(), std::cmp::Reverse(i))))
    });
    // Equal text: the inner element (found later), not the wrapper that may hold hidden layers.
    scored.min_by_key(|(_, key)| *key).map(|(c, _)| c)
}

/// A link styled as a link, not as a button: an `<a>` whose class does not say button.
fn plain_link(tag: &str, hint: &str) -> bool {
    tag == "a" && !hint.contains("btn") && !hint.contains("button")
}

/// `looks`: per button, its tag and id/class (how it is drawn: a button or a plain link).
fn flags_for(
    text: &str,
    buttons: &[Button],
    looks: &[(&str, &str)],
    checkboxes: &[(bool, bool)],
    hints: &BannerHints,
) -> Vec<String> {
    let has = |role: &str| buttons.iter().any(|b| b.role == role);
    let mut flags = Vec::new();
    if !has("reject") {
        flags.push("no_reject_first_layer");
    }
    // "Learn more" is reported as settings but offers no choice: a notice with only that
    // and an OK button is still a notice.
    let choice = buttons.iter().any(|b| b.role == "save" || b.role == "settings" && !is_info_label(&b.label));
    let notice_only = !has("reject") && !choice && !has("pay");
    if says(text, "implied_consent") || notice_only {
        flags.push("implied_consent");
    }
    if checkboxes.iter().any(|(checked, disabled)| *checked && !disabled) {
        flags.push("preticked_choices");
    }
    // "Accept" drawn as a button, every way to refuse a bare text link.
    let drawn = |role: &str| -> Vec<bool> {
        buttons.iter().zip(looks).filter(|(b, _)| b.role == role).map(|(_, (tag, hint))| plain_link(tag, hint)).collect()
    };
    let reject_is_plain_link = drawn("reject").iter().all(|plain| *plain) && drawn("accept").iter().any(|plain| !plain);
    let bigger = matches!((hints.accept_area, hints.reject_area), (Some(a), Some(r)) if r > 0.0 && a / r >= EMPHASIS_RATIO);
    if has("accept") && has("reject") && (reject_is_plain_link || bigger) {
        flags.push("accept_emphasized");
    }
    if says(text, "cookie_wall") || (hints.covers_viewport && hints.scroll_locked && !has("reject")) {
        flags.push("cookie_wall");
    }
    if has("pay") || says(text, "pay_or_consent") && has("accept") {
        flags.push("pay_or_consent");
    }
    flags.into_iter().map(str::to_string).collect()
}

fn from_candidate(c: &BannerCandidate, page_markers: &[String], hints: &BannerHints) -> CookieBanner {
    let mut buttons = Vec::new();
    let mut looks = Vec::new();
    let text = shown_text(c);
    for b in c.buttons.iter().filter(|b| crate::script::words(&b.label) <= MAX_BUTTON_WORDS * 2) {
        let role = role_of(&b.label, &b.hint);
        if (role == "close" || shown(b, &text)) && !buttons.iter().any(|x: &Button| x.label == b.label) {
            buttons.push(Button { role: role.to_string(), label: b.label.clone() });
            looks.push((b.tag.as_str(), b.hint.as_str()));
        }
    }
    let markers: Vec<String> = c.markers.iter().chain(page_markers).chain(&hints.markers).cloned().collect();
    CookieBanner {
        present: true,
        platform: identify_platform(&markers),
        tcf: hints.tcf,
        text: Some(quote(&text)),
        flags: flags_for(&text, &buttons, &looks, &c.checkboxes, hints),
        buttons,
    }
}

/// A notice in running text (a Markdown or text dump): a cookie paragraph outside the body.
fn from_text(blocks: &[Block], outside_body: &dyn Fn(usize) -> bool) -> Option<CookieBanner> {
    let is_notice = |b: &Block| {
        let words = crate::script::words(&b.text);
        (4..=MAX_NOTICE_WORDS).contains(&words)
            && contains_phrase(&b.text, &["cookie", "tracking technolog"])
            && contains_phrase(&b.text, TEXT_NOTICE_CUES)
    };
    let at = (0..blocks.len()).find(|&i| (outside_body(i) || blocks[i].boilerplate) && is_notice(&blocks[i]))?;
    let near = at.saturating_sub(3)..(at + 6).min(blocks.len());
    let buttons: Vec<Button> = near
        .filter(|&i| i != at && crate::script::words(&blocks[i].text) <= MAX_BUTTON_WORDS)
        .filter_map(|i| {
            let role = role_of_label(&blocks[i].text);
            (role != "other").then(|| Button { role: role.to_string(), label: blocks[i].text.clone() })
        })
        .collect();
    let looks = vec![("button", ""); buttons.len()];
    let text = &blocks[at].text;
    Some(CookieBanner {
        present: true,
        platform: None,
        tcf: false,
        text: Some(quote(text)),
        flags: flags_for(text, &buttons, &looks, &[], &BannerHints::default()),
        buttons,
    })
}

/// The banner of a whole page. `outside_body(i)`: block `i` is not part of the policy body
/// (cookie talk inside the body is the policy speaking, not a banner).
pub fn detect(
    candidates: &[BannerCandidate],
    blocks: &[Block],
    markers: &[String],
    outside_body: &dyn Fn(usize) -> bool,
) -> CookieBanner {
    if let Some(c) = best_candidate(candidates, true) {
        return from_candidate(c, markers, &BannerHints::default());
    }
    if let Some(b) = from_text(blocks, outside_body) {
        return b;
    }
    // No visible banner, but a platform's markup on the page: it injects one at run time.
    CookieBanner { platform: identify_platform(markers), ..CookieBanner::default() }
}

/// The banner element a live page shows (its outer HTML), with what the page knows of it.
pub fn analyse_live(html: &str, hints: &BannerHints) -> CookieBanner {
    // Wrapping makes the picked element a candidate whatever its own markup says.
    let page = extract_html(&format!("<div class=\"cookie-banner\">{html}</div>"));
    match best_candidate(&page.banners, false) {
        Some(c) => from_candidate(c, &page.markers, hints),
        None => CookieBanner { platform: identify_platform(&hints.markers), tcf: hints.tcf, ..CookieBanner::default() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::BlockKind;

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t.into())
    }

    fn page(html: &str) -> CookieBanner {
        let ex = extract_html(html);
        detect(&ex.banners, &ex.blocks, &ex.markers, &|_| true)
    }

    #[test]
    fn a_notice_with_only_a_close_cross_implies_consent() {
        let blocks =
            vec![p("×"), p("We use cookies to provide social media features and to analyse our traffic."), p("Policy body")];
        let b = detect(&[], &blocks, &[], &|i| i < 2);
        assert!(b.present);
        assert_eq!(b.buttons.len(), 1);
        assert_eq!(b.buttons[0].role, "close");
        assert_eq!(b.flags, vec!["no_reject_first_layer", "implied_consent"]);
    }

    #[test]
    fn cookie_talk_inside_the_policy_body_is_no_banner() {
        let blocks = vec![p("We use cookies to remember your preferences and analyse traffic on our site.")];
        assert!(!detect(&[], &blocks, &[], &|_| false).present);
    }

    #[test]
    fn onetrust_markup_gives_platform_buttons_and_no_flags() {
        let b = page(concat!(
            "<div id='onetrust-consent-sdk'><div id='onetrust-banner-sdk'><p>We use cookies and similar technologies to improve your experience.</p>",
            "<button id='onetrust-accept-btn-handler'>Accept all cookies</button><button id='onetrust-reject-all-handler'>Reject all</button>",
            "<button id='onetrust-pc-btn-handler'>Cookie settings</button></div></div>"
        ));
        assert_eq!(b.platform.map(|p| p.id).as_deref(), Some("onetrust"));
        let roles: Vec<&str> = b.buttons.iter().map(|x| x.role.as_str()).collect();
        assert_eq!(roles, vec!["accept", "reject", "settings"]);
        assert!(b.flags.is_empty(), "{:?}", b.flags);
    }

    #[test]
    fn dark_patterns_are_flagged() {
        let b = page(concat!(
            "<div class='cookie-consent'><p>By continuing to use this site you consent to our use of cookies.</p>",
            "<input type=checkbox checked> Marketing <button>Accept</button><a href='#'>Reject</a></div>"
        ));
        for flag in ["implied_consent", "preticked_choices", "accept_emphasized"] {
            assert!(b.flags.contains(&flag.to_string()), "{flag} in {:?}", b.flags);
        }
        assert!(!b.flags.contains(&"no_reject_first_layer".to_string()));
    }

    #[test]
    fn overlays_that_are_not_about_consent_stay_silent() {
        for html in [
            "<div role='dialog'><p>Subscribe to our newsletter for weekly recipes. We respect your privacy.</p><button>Subscribe</button></div>",
            "<div class='age-gate' role='dialog'><p>Are you over 18?</p><button>Yes</button><button>No</button></div>",
            "<div class='modal' aria-modal='true'><p>Chat with us! Our team replies in minutes.</p><button>Start chat</button></div>",
        ] {
            assert!(!page(html).present, "{html}");
        }
    }

    #[test]
    fn live_hints_add_what_markup_cannot_say() {
        let hints = BannerHints {
            accept_area: Some(9000.0),
            reject_area: Some(1200.0),
            covers_viewport: true,
            scroll_locked: true,
            tcf: true,
            markers: vec![],
        };
        let b = analyse_live(
            "<p>We and our partners use cookies to store and/or access information on a device.</p><button>Agree</button><button>Disagree</button>",
            &hints,
        );
        assert!(b.tcf);
        assert!(b.flags.contains(&"accept_emphasized".to_string()), "{:?}", b.flags);
    }

    #[test]
    fn the_first_layer_is_the_element_with_the_choices_not_its_policy_text() {
        // The policy paragraph (an onetrust- id with one link) is smaller, but the banner is
        // the element that holds the buttons; the button row alone has no words of its own.
        let b = page(concat!(
            "<div id='onetrust-banner-sdk'><div id='onetrust-policy-text'>We use cookies to improve your experience and for ads. ",
            "<a href='/cookies'>Cookie Policy</a></div><div id='onetrust-button-group'><button id='onetrust-pc-btn-handler'>Cookie settings</button>",
            "<button id='onetrust-reject-all-handler'>Reject all</button><button id='onetrust-accept-btn-handler'>Accept all cookies</button></div></div>"
        ));
        let roles: Vec<&str> = b.buttons.iter().map(|x| x.role.as_str()).collect();
        assert_eq!(roles, vec!["other", "settings", "reject", "accept"]);
        assert!(b.text.unwrap().starts_with("We use cookies"));
    }

    #[test]
    fn controls_of_hidden_layers_do_not_count() {
        let b = page(concat!(
            "<div class='cmp-root'><div class='cmp-notice' role='dialog'><p>We and our partners use cookies to store and/or access information on a device.</p>",
            "<button>Consent</button><button>Manage options</button></div>",
            "<div class='cmp-faq' style='display:none'><button aria-label='What if I do not consent?'></button><button aria-label='Reject all'></button></div></div>"
        ));
        let roles: Vec<&str> = b.buttons.iter().map(|x| x.role.as_str()).collect();
        assert_eq!(roles, vec!["accept", "settings"]);
        assert!(b.flags.contains(&"no_reject_first_layer".to_string()));
    }

    #[test]
    fn a_refusal_drawn_as_a_text_link_under_a_button_is_emphasis() {
        let styled = page(concat!(
            "<div class='cookie-box'><p>We use cookies for statistics and marketing.</p>",
            "<a href='#' role='button' class='btn btn-accept'>Accept all</a><a href='#' class='link'>Only necessary cookies</a></div>"
        ));
        assert!(styled.flags.contains(&"accept_emphasized".to_string()), "{:?}", styled.flags);
        let equal = page(concat!(
            "<div class='cookie-box'><p>We use cookies for statistics and marketing.</p>",
            "<a href='#' class='btn'>Accept all</a><a href='#' class='btn'>Only necessary cookies</a></div>"
        ));
        assert!(!equal.flags.contains(&"accept_emphasized".to_string()), "{:?}", equal.flags);
    }

    #[test]
    fn flag_phrases_match_whole_words_and_explicit_consent_is_not_implied() {
        // "abo" (German for subscription) is not in "about"; "By clicking Accept, you consent" is explicit.
        let b = page(concat!(
            "<div class='cookie-consent'><p>We use cookies to analyse traffic. Read more about them. By clicking \"Accept\", you consent to our use of cookies.</p>",
            "<button>Accept</button><button>Reject</button><button>Customise</button></div>"
        ));
        assert!(b.flags.is_empty(), "{:?}", b.flags);
    }

    #[test]
    fn a_learn_more_link_is_no_choice_and_pay_is_no_notice() {
        let notice = page(
            "<div class='cookie-bar'><p>This site uses cookies to improve your experience.</p><a href='/cookies'>Learn more</a><button>OK</button></div>",
        );
        assert!(notice.buttons.iter().any(|x| x.role == "settings"));
        assert!(notice.flags.contains(&"implied_consent".to_string()), "{:?}", notice.flags);
        let pay = page(concat!(
            "<div class='cmp-wall'><p>We and our partners use cookies for personalised advertising. Or read without ads for 2.99 per month.</p>",
            "<button>Accept and continue</button><button>Subscribe ad-free</button></div>"
        ));
        assert!(
            pay.flags.contains(&"pay_or_consent".to_string()) && !pay.flags.contains(&"implied_consent".to_string()),
            "{:?}",
            pay.flags
        );
    }
}
