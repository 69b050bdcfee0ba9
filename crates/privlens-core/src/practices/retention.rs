//! Retention periods, turned into days.

use std::sync::OnceLock;

use regex_lite::Regex;

use super::Ctx;
use crate::report::Retention;
use crate::sentences::{contains_phrase, has_any};

const RETENTION_CUES: &[&str] = &[
    "retain",
    "retention",
    "keep",
    "kept",
    "store",
    "stored",
    "delet",
    "held",
    "hold",
    "remain",
    "expire",
    "purg",
    "erase",
    "anonymi",
    "last",
    "persist",
    "lifetime",
    "duration",
];
const COOKIE_LIFETIME: &[&str] =
    &["session cookie", "persistent cookie", "cookies exist", "cookies stay", "cookies remain", "cookie remains", "cookie stays"];
const INDEFINITE: &[&str] = &[
    "as long as necessary",
    "as long as is necessary",
    "as long as needed",
    "as long as reasonably necessary",
    "for as long as we need",
    "indefinitely",
    "for as long as required",
    "no longer than necessary",
    "as long as it is necessary",
    "as long as we deem",
    "as long as we think",
    "for as long as is reasonably",
    "as long as your account is active",
    "until you delete your account",
    "as long as it is required",
    "as long as it is needed",
    "as long as the information is needed",
    "until it is no longer necessary",
    "until it is no longer needed",
    "business or tax need",
    "for as long as you",
    "as long as we have a legitimate",
    "period necessary",
    "period of time necessary",
    "as necessary to comply",
    "longer than reasonably necessary",
    "longer than is necessary",
    "longer than necessary",
    "reasonable period of time",
    "for a reasonable time",
    "until you delete",
    "until you remove",
    "until you change or remove",
];
/// Periods that time something else: "it may take up to four weeks to process your request",
/// "we will respond within 30 days", "keep in mind".
const NOT_RETENTION: &[&str] = &[
    "to process your",
    "days to process",
    "to complete your",
    "to fulfil",
    "process your request",
    "deletion request",
    "hold your order",
    "respond to your request",
    "we will respond",
    "respond within",
    "take up to",
    "keep in mind",
    "within 30 days of receiving",
    "to respond",
    "business days",
];

fn period_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eighteen|twenty|twenty-four|thirty|thirty-six|sixty|ninety)(?:\s*\(\d+\))?[\s-]+(calendar\s+)?(day|week|month|year)s?\b")
            .expect("valid regex")
    })
}

fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "twenty-four" => 24,
        "thirty" => 30,
        "thirty-six" => 36,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
    })
}

/// Days in "six years", "365 days", "12 months" (a month is 30 days, a year 365).
pub fn period_days(text: &str) -> Vec<u32> {
    // The regex engine walks every byte; most sentences name no time unit at all.
    if !has_any(text, &["day", "week", "month", "year"]) {
        return Vec::new();
    }
    period_regex()
        .captures_iter(text)
        .filter_map(|c| {
            let n = number(&c[1])?;
            let unit = match c[3].to_ascii_lowercase().as_str() {
                "day" => 1,
                "week" => 7,
                "month" => 30,
                _ => 365,
            };
            Some(n.saturating_mul(unit))
        })
        .collect()
}

pub fn periods(ctx: &Ctx) -> Vec<Retention> {
    let mut out: Vec<Retention> = Vec::new();
    for s in ctx.sentences {
        let about_retention =
            has_any(s.text, RETENTION_CUES) || has_any(ctx.heading(s), &["retention", "retain", "keep", "long"]);
        if !about_retention {
            continue;
        }
        let timed_elsewhere = contains_phrase(s.text, NOT_RETENTION);
        let periods = period_days(s.text);
        for &days in &periods {
            if !out.iter().any(|r| r.days == Some(days)) && !is_age(s.text) && !timed_elsewhere {
                out.push(Retention { days: Some(days), indefinite: false, evidence: ctx.evidence(s) });
            }
        }
        // A cookie's lifetime ("persistent cookies stay on your computer until you delete them")
        // is not how long the site keeps data.
        let cookie_lifetime = contains_phrase(s.text, COOKIE_LIFETIME);
        // "until you ask us to delete it, but not longer than 24 months": the period is the limit.
        let capped = !periods.is_empty();
        if contains_phrase(s.text, INDEFINITE) && !cookie_lifetime && !capped && !out.iter().any(|r| r.indefinite) {
            out.push(Retention { days: None, indefinite: true, evidence: ctx.evidence(s) });
        }
    }
    out
}

/// "children under 13 years of age" states an age, not a period.
fn is_age(text: &str) -> bool {
    contains_phrase(text, &["years of age", "years old", "age of", "years-of-age", "year-old", "year old"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_periods_to_days() {
        assert_eq!(period_days("up to six years after closure"), vec![2190]);
        assert_eq!(period_days("for 365 days"), vec![365]);
        assert_eq!(period_days("12 months or thirty (30) days, a 2-week window"), vec![360, 30, 14]);
        assert!(period_days("in 2018 we had many years").is_empty());
    }

    #[test]
    fn response_times_and_ages_are_not_periods() {
        let p = crate::practices_of_text("Please keep in mind that it may take up to four weeks to process your request.", None);
        assert!(p.retention.is_empty());
        let p = crate::practices_of_text(
            "If we learn that data of someone less than 13-years-of-age was collected, we delete it.",
            None,
        );
        assert!(p.retention.iter().all(|r| r.days.is_none()));
        let p =
            crate::practices_of_text("We retain your data for the period necessary to fulfil the purposes of this policy.", None);
        assert!(p.retention.iter().any(|r| r.indefinite));
        let p = crate::practices_of_text("We retain information only for as long as we have a business or tax need.", None);
        assert!(p.retention.iter().any(|r| r.indefinite));
        let p = crate::practices_of_text("Persistent cookies stay on your computer until you delete your account or them.", None);
        assert!(!p.retention.iter().any(|r| r.indefinite));
    }
}
