//! How changes to the policy are announced, and whether using the site counts as accepting
//! the policy or its changes.

use super::{Ctx, FindingSet};
use crate::report::Changes;
use crate::sentences::{contains_phrase, has_any, verb_negated};

const EMAIL_NOTICE: &[&str] = &[
    "by email",
    "by e-mail",
    "via email",
    "via e-mail",
    "send you an email",
    "sending you an email",
    "sending you an e-mail",
    "send you an e-mail",
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
    "notice will be posted",
    "placing a note",
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

/// "By using our Services, you are telling us that you are 18 years or older": a claim about
/// the reader's age, not acceptance of the policy.
const ABOUT_AGE: &[&str] = &["years or older", "years of age or older", "of legal age", "age of majority"];

/// "Your continued use of our Website constitutes your acceptance of those changes", "By using
/// Fox News Services, you agree to the terms of this Privacy Policy".
fn accepts_by_use(text: &str) -> bool {
    (contains_phrase(text, CONTINUED_USE) || uses_the_site(text))
        && !contains_phrase(text, ABOUT_AGE)
        && !cookie_consent_only(text)
        && has_any(text, &["agree", "accept", "consent", "deemed", "bound", "assume", "constitut"])
        && has_any(text, &["change", "update", "modif", "amend", "revis", "policy", "notice", "statement", "terms"])
}

/// What "by using" must be followed by to mean use of the site: "By using our Services", "By
/// using Fox News Services" (a name), not "by using the browser-based cookie controls".
const SITE_WORDS: &[&str] = &["site", "website", "web", "service", "app", "application", "platform", "product", "page", "portal"];

fn uses_the_site(text: &str) -> bool {
    // Most sentences say no "by using" at all: the shared automaton settles those.
    if !contains_phrase(text, USE_AS_ACCEPTANCE) {
        return false;
    }
    // ASCII lower-casing keeps byte offsets, so a match in `lower` is one in `text`.
    let lower = text.to_ascii_lowercase();
    USE_AS_ACCEPTANCE.iter().any(|phrase| {
        lower.match_indices(phrase).any(|(i, _)| {
            let next: Vec<&str> = text[i + phrase.len()..].split_whitespace().take(8).collect();
            let named = next.first().is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            named || next.iter().any(|w| is_site_word(w))
        })
    })
}

/// "site", "Sites,", "apps": a word naming the site, not one that only begins like it ("apply").
fn is_site_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    SITE_WORDS.contains(&w.as_str()) || SITE_WORDS.contains(&singular)
}

/// "By continuing to use our website, you are agreeing to our use of cookies": consent to
/// cookies (its own signal), not acceptance of the policy.
fn cookie_consent_only(text: &str) -> bool {
    contains_phrase(text, &["use of cookies", "to cookies", "placement of cookies", "to our cookies", "cookies being"])
        && !contains_phrase(
            text,
            &[
                "to this policy",
                "to our privacy policy",
                "to the privacy policy",
                "to this privacy",
                "to these terms",
                "to the terms",
                "to our terms",
                "to this statement",
                "acceptance of",
                "of this policy",
                "of the privacy policy",
                "of our privacy policy",
                "of the revised",
                "of the updated",
            ],
        )
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
        // The flag is set above; an accepting sentence about a change is still quoted, once.
        relevant |= out.continued_use_is_acceptance && accepts_by_use(s.text);
        let ev = ctx.evidence(s);
        let quoted = out.evidence.iter().any(|e| e.segment == ev.segment && e.start == ev.start);
        if relevant && !quoted && out.evidence.len() < 3 {
            out.evidence.push(ev);
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
    fn a_promise_to_notify_is_a_notice_and_posting_is_not() {
        let promised = "We will notify you if we make any material changes to this Privacy Policy and will revise the \"Last Updated\" date.";
        assert_eq!(notice(promised), vec!["notice_on_site"]);
        let in_app = "We will update this policy here and notify you via WeChat before the change becomes effective.";
        assert_eq!(notice(in_app), vec!["notice_on_site"]);
        let by_mail = "If we change this policy, we will notify you by email.";
        assert_eq!(notice(by_mail), vec!["notice_by_email"]);
        let announced = "If we make material changes to this policy, we will notify you by posting an announcement on our Sites, or by sending you an email.";
        assert_eq!(notice(announced), vec!["notice_by_email"]);
        let noted = "When we change the policy in a material way, a notice will be posted on our website.";
        assert_eq!(notice(noted), vec!["notice_on_site"]);
        assert!(notice("Last updated: June 30, 2026").is_empty());
        let accepted = |t: &str| practices_of_text(t, None).changes.continued_use_is_acceptance;
        assert!(accepted("Your use of the Services following these changes means that you accept the revised Privacy Policy."));
        assert!(accepted(
            "By using our services after the Privacy Policy has been updated, ASUS will deem that you consent to it."
        ));
        assert!(!accepted("If we change this policy, we will notify you by email."));
        let once = "Your continued use of the site after changes to this policy constitutes your acceptance.";
        assert_eq!(practices_of_text(once, None).changes.evidence.len(), 1);
        let posted = "We may update this policy from time to time and will notify you by posting the new policy on this page.";
        assert_eq!(notice(posted), vec!["posted_only"]);
    }
}
