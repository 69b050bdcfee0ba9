//! The one-line verdict at the top of the popup and the text report.

use crate::report::{DocumentKind, Report};

pub fn summarise(r: &Report) -> String {
    let what = match r.document.kind {
        DocumentKind::PrivacyPolicy => "Privacy policy",
        DocumentKind::CookiePolicy => "Cookie policy",
        DocumentKind::TermsOfService => return "Terms of service, not a privacy policy.".to_string(),
        DocumentKind::Other => {
            return if r.cookie_banner.present {
                "Not a privacy policy; this page shows a cookie banner.".to_string()
            } else {
                "This page does not look like a privacy policy.".to_string()
            };
        }
    };
    let p = &r.practices;
    let named = p.third_parties.iter().filter(|t| !t.generic).count();
    if r.grade.letter.is_none() {
        return format!(
            "{what} in another language ({}): privlens reads practices in English and {} only, so it gives no grade; what it recognised is listed.",
            r.language,
            crate::language_pack::names().join(", "),
        );
    }
    // A policy read with a language pack says so: its grade rests on simpler word lists.
    let what = match r.read_with.as_deref().and_then(crate::language_pack::pack) {
        Some(pack) => {
            let language = crate::language_pack::kin(&r.language).map_or(pack.name.as_str(), |k| k.name.as_str());
            format!("{what} in {language} (read with privlens's {} word lists)", pack.name)
        }
        None => what.to_string(),
    };
    let bad = r.signals.iter().filter(|s| s.direction == crate::report::Direction::Bad).count();
    let verdict = match r.grade.letter {
        Some('A') => "handles your data with care",
        Some('B') => "mostly reasonable",
        Some('C') => "mixed: read the red flags",
        Some('D') => "several practices to worry about",
        _ => "many practices to worry about",
    };
    format!(
        "{what}, grade {}: {verdict}. Collects {}, names {} it works with; {}.",
        r.grade.letter.unwrap_or('?'),
        count(p.data_collected.len(), "kind of data", "kinds of data"),
        count(named, "company", "companies"),
        count(bad, "red flag", "red flags"),
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
