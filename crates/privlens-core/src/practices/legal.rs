//! The reader's rights and the laws the policy names.

use super::{Ctx, lexicon_findings};
use crate::knowledge::Knowledge;
use crate::report::Finding;
use crate::sentences::{contains_phrase, has_any, verb_negated};

/// Rights need the reader as the one who may act.
const RIGHT_CUES: &[&str] =
    &["you", "your", "user", "individual", "data subject", "request", "right", "may", "can", "consumer", "resident"];

const BARE_VERB_CUES: &[&str] = &[
    "how do i",
    "you can",
    "you may",
    "request",
    "ask us",
    "contact us",
    "right to",
    "we will take steps",
    "please contact",
    "you have the right",
];
const MARKETING: &[&str] = &["marketing", "newsletter", "promotional", "mailing"];
/// What makes automated decisions a right of the reader's rather than a statement about them.
const AUTOMATED_DECISION_RIGHT: &[&str] = &[
    "right",
    "request",
    "review",
    "contest",
    "challenge",
    "subject to",
    "object",
    "opt out",
    "opt-out",
    "human",
    "informed",
    "information about",
    "you may",
    "you can",
];
const STOP: &[&str] = &["withdraw", "opt out", "opt-out", "unsubscribe", "stop receiving"];
const OPT_OUT: &[&str] = &["opt out", "opt-out", "opting out"];
/// What a bare "opt out" is about decides which right it is: advertising and tracking
/// (objection to that processing) or handing data to others (opting out of sale/sharing).
const TRACKING: &[&str] = &[
    "advertis",
    "ads",
    "tracking",
    "track",
    "cookie",
    "analytics",
    "interest-based",
    "targeted",
    "behavioral",
    "behavioural",
    "web beacon",
];
const SHARING: &[&str] =
    &["sharing", "share", "shared", "disclos", "sell", "sale", "rent", "third parties", "third-party", "third party"];
/// Sentences that describe a law's requirements for businesses in general (California's "Shine
/// the Light" section) state no right this site offers.
const ABOUT_THE_LAW: &[&str] =
    &["1798.83", "shine the light", "such businesses", "a business is not required", "certain businesses"];
/// "If you object to any such changes, your sole recourse is to stop using the site": leaving,
/// not a right to object.
const OBJECT_BY_LEAVING: &[&str] = &["cease using", "stop using", "discontinue", "sole recourse", "not use the"];

/// Deletion that is the site's to decide, or a child's data removed once the site learns of it.
const NOT_READERS_ERASURE: &[&str] = &[
    "reserve the right",
    "reserves the right",
    "sole discretion",
    "shall have the right",
    "a child under",
    "your child has provided",
    "under 13",
    "under the age of 13",
    "under 18",
    "under the age of 18",
    "we learn that",
    "learns that",
    // "this does not ensure complete or comprehensive deletion of your information".
    "does not ensure",
];

/// Whether "without" comes before byte `at` in its clause.
fn without_before(sentence: &str, at: usize) -> bool {
    let (start, _) = crate::sentences::clause(sentence, at);
    sentence[start..at].split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("without"))
}

pub fn rights(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    let mut found = lexicon_findings(ctx, &k.rights, |s, id, at| {
        if verb_negated(
            s.text,
            at,
            &[
                "access", "correct", "delet", "request", "withdraw", "object", "opt", "complain", "lodge", "have", "erase",
                "remov",
            ],
        ) {
            return false;
        }
        // "without obligation, compensation, or restriction of any kind" (a licence the reader
        // grants) is no right to restrict processing.
        if id == "restriction" && without_before(s.text, at) {
            return false;
        }
        // "provide access to secure areas" is not an access right; "profiling" alone is not one either.
        if id == "access"
            && contains_phrase(s.text, &["access to secure", "to provide access", "unauthorized access", "unauthorised access"])
        {
            return false;
        }
        // Deleting cookies in one's own browser is not a right the site grants, nor is the
        // site deleting inactive accounts on its own.
        let object: String = s.text[at..].split_whitespace().skip(1).take(3).collect::<Vec<_>>().join(" ").to_lowercase();
        if contains_phrase(s.text, &["cookie"]) && (contains_phrase(s.text, &["browser"]) || object.contains("cookie")) {
            return false;
        }
        // "Kaboodle reserves the right to delete any Posting": the site's right, not the reader's.
        // Nor is deleting what a child gave, once the site learns of it: that right is not the
        // reader's.
        if id == "erasure" && contains_phrase(s.text, NOT_READERS_ERASURE) {
            return false;
        }
        if id == "erasure" && contains_phrase(s.text, &["inactiv", "automatically delete", "automatically deleted"]) {
            return false;
        }
        // Bare verbs ("delete", "correct") are a right only when the reader can ask for them.
        let word = s.text[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if matches!(word.to_lowercase().as_str(), "delete" | "correct") && !contains_phrase(s.text, BARE_VERB_CUES) {
            return false;
        }
        if id.starts_with("opt_out") && contains_phrase(s.text, ABOUT_THE_LAW) {
            return false;
        }
        if id == "objection" && contains_phrase(s.text, OBJECT_BY_LEAVING) {
            return false;
        }
        // "We do not engage in any profiling or automated decision-making" offers no right (an
        // item of a list of rights is one).
        if id == "automated_decisions"
            && !contains_phrase(s.text, AUTOMATED_DECISION_RIGHT)
            && !has_any(ctx.lead_in(s), &["right"])
        {
            return false;
        }
        if id == "non_discrimination"
            && !contains_phrase(
                s.text,
                &["not discriminate", "won't discriminate", "non-discrimination", "discriminate against you", "right not to"],
            )
        {
            return false;
        }
        // An item of a list the policy opens with "You have the right to:" is a right too.
        has_any(s.text, RIGHT_CUES)
            || has_any(ctx.heading(s), &["right", "choice", "access", "control"])
            || has_any(ctx.lead_in(s), &["right"])
    });
    // "You can withdraw permission [for marketing messages] at any time": a marketing opt-out,
    // wherever the paragraph names the marketing.
    for s in ctx.sentences {
        let paragraph = &ctx.segments[s.segment].text;
        if contains_phrase(s.text, ABOUT_THE_LAW) {
            continue;
        }
        let lower = s.text.to_lowercase();
        // ("You may not opt out of these service announcements" offers no way out.)
        let refused = || {
            let stop_at = STOP.iter().filter_map(|p| lower.find(p)).min();
            stop_at.is_some_and(|at| verb_negated(s.text, at, &["opt", "unsubscribe", "stop", "withdraw"]))
        };
        if contains_phrase(s.text, STOP)
            && (contains_phrase(s.text, MARKETING) || contains_phrase(paragraph, MARKETING))
            && !refused()
        {
            found.add("opt_out_marketing", ctx.evidence(s));
        }
        // "You may opt out of this" with what it is about elsewhere in the sentence.
        let opt_at = OPT_OUT.iter().filter_map(|p| lower.find(p)).min();
        if opt_at.is_some_and(|at| !verb_negated(s.text, at, &["opt"])) {
            if has_any(s.text, TRACKING) {
                found.add("objection", ctx.evidence(s));
            } else if contains_phrase(s.text, SHARING) {
                found.add("opt_out_sale", ctx.evidence(s));
            }
        }
    }
    found.into_vec()
}

pub fn laws(ctx: &Ctx, k: &Knowledge) -> Vec<Finding> {
    lexicon_findings(ctx, &k.laws, |_, _, _| true).into_vec()
}

#[cfg(test)]
mod tests {
    use crate::practices_of_text;

    fn rights(text: &str) -> Vec<String> {
        practices_of_text(text, None).rights.into_iter().map(|r| r.id).collect()
    }

    #[test]
    fn a_bare_opt_out_is_read_from_what_it_is_about() {
        assert!(rights("You may opt out of interest-based advertising at any time.").contains(&"objection".to_string()));
        assert!(
            rights("To opt-out of any sharing of your information with third parties, click here.")
                .contains(&"opt_out_sale".to_string())
        );
        assert!(rights("If you object to any such changes, your sole recourse is to stop using the site.").is_empty());
        assert!(
            rights("California law requires certain businesses to let customers opt out of disclosures to third parties.")
                .is_empty()
        );
    }

    #[test]
    fn items_of_a_list_of_rights_are_rights_and_profiling_alone_is_none() {
        let page = "Depending on where you live, you have the right to:\nobject to certain processing activities;\nport your information to another service.";
        let found = rights(page);
        assert!(found.contains(&"objection".to_string()) && found.contains(&"portability".to_string()), "{found:?}");
        let prohibited = "You may not:\nobject to certain processing activities;";
        assert!(!rights(prohibited).contains(&"objection".to_string()));
        assert!(
            !rights("LinkedIn may use profiling techniques to achieve these purposes.")
                .contains(&"automated_decisions".to_string())
        );
        let review = "You have the right to request a review of any automated decisions made about you.";
        assert!(rights(review).contains(&"automated_decisions".to_string()));
        let none = "We do not engage in any profiling or automated decision-making.";
        assert!(!rights(none).contains(&"automated_decisions".to_string()));
        let refused = "You may not opt-out from these service-related announcements, which are not promotional.";
        assert!(!rights(refused).contains(&"opt_out_marketing".to_string()));
    }

    #[test]
    fn using_something_without_restriction_is_no_right_to_restrict() {
        let grant = "You grant us the right to use your submission without obligation, compensation, or restriction of any kind.";
        assert!(!rights(grant).contains(&"restriction".to_string()));
        assert!(!rights("We may share de-identified data without restriction.").contains(&"restriction".to_string()));
        assert!(rights("You have the right to request restriction of processing.").contains(&"restriction".to_string()));
    }

    #[test]
    fn deleting_cookies_or_inactive_accounts_is_no_right_to_erasure() {
        assert!(!rights("You can delete cookies already on your computer.").contains(&"erasure".to_string()));
        assert!(!rights("Accounts inactive for two years will be deleted.").contains(&"erasure".to_string()));
        assert!(rights("You can request that we delete your personal data.").contains(&"erasure".to_string()));
        assert!(
            !rights("We shall have the right, in our sole discretion, to delete any postings.").contains(&"erasure".to_string())
        );
        assert!(
            rights("If you would like to correct any errors, or remove such information, please contact us.")
                .contains(&"erasure".to_string())
        );
    }
}
