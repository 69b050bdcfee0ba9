//! What kind of document a page is: privacy policy, cookie policy, terms of service, other.
//! Two kinds of evidence: what the page calls itself (URL, title, top headings) and what its
//! text talks about (vocabulary density per 1,000 words).

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
const MIN_WORDS: usize = 120;

#[derive(Default, Debug)]
struct Names {
    privacy: bool,
    cookie: bool,
    terms: bool,
}

fn names_in(text: &str) -> Names {
    let lex = &knowledge().document_kinds;
    let mut n = Names::default();
    for m in lex.matcher.find_all(text) {
        match lex.ids[m.entry].as_str() {
            "privacy_title" => n.privacy = true,
            "cookie_title" => n.cookie = true,
            "terms_title" => n.terms = true,
            _ => {}
        }
    }
    n
}

fn densities(body: &str, words: usize) -> (f64, f64, f64) {
    let lex = &knowledge().document_kinds;
    let (mut p, mut c, mut t) = (0usize, 0usize, 0usize);
    for m in lex.matcher.find_all(body) {
        match lex.ids[m.entry].as_str() {
            "privacy_vocabulary" | "privacy_title" => p += 1,
            "cookie_vocabulary" | "cookie_title" => c += 1,
            "terms_vocabulary" | "terms_title" => t += 1,
            _ => {}
        }
    }
    let per_k = |n: usize| n as f64 * 1000.0 / words.max(1) as f64;
    (per_k(p), per_k(c), per_k(t))
}

fn url_words(url: &str) -> String {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    path.replace(['-', '_', '/', '.', '?', '=', '&'], " ")
}

pub fn classify(input: &KindInput) -> KindResult {
    let words = input.body.split_whitespace().count();
    let mut own_name = String::new();
    for part in [input.title.unwrap_or(""), &input.url.map(url_words).unwrap_or_default()] {
        own_name.push_str(part);
        own_name.push_str(" \n ");
    }
    for h in input.headings {
        own_name.push_str(h);
        own_name.push_str(" \n ");
    }
    let named = names_in(&own_name);
    let (privacy, cookie, terms) = densities(input.body, words);
    let mut reasons = Vec::new();
    if named.privacy {
        reasons.push("calls itself a privacy policy".to_string());
    }
    if named.cookie {
        reasons.push("calls itself a cookie policy".to_string());
    }
    if named.terms {
        reasons.push("calls itself terms".to_string());
    }
    reasons.push(format!("privacy vocabulary {privacy:.0}/1000 words, terms vocabulary {terms:.0}/1000 words"));
    if words < MIN_WORDS {
        reasons.push(format!("only {words} words"));
        return KindResult { kind: DocumentKind::Other, confidence: 0.9, reasons };
    }
    // Points for privacy-ness and terms-ness; the larger wins if it clears the bar.
    let privacy_points = f64::from(u8::from(named.privacy || named.cookie)) * 2.0 + (privacy + cookie * 0.5) / 8.0;
    let terms_points = f64::from(u8::from(named.terms && !named.privacy)) * 2.0 + terms / 8.0;
    let kind = if privacy_points >= 2.5 && privacy_points >= terms_points {
        let cookie_led = named.cookie && !named.privacy || (cookie > privacy * 0.8 && !named.privacy);
        if cookie_led { DocumentKind::CookiePolicy } else { DocumentKind::PrivacyPolicy }
    } else if terms_points >= 2.5 {
        DocumentKind::TermsOfService
    } else {
        DocumentKind::Other
    };
    let margin = match kind {
        DocumentKind::Other => 2.5 - privacy_points.max(terms_points),
        DocumentKind::TermsOfService => terms_points - privacy_points.max(2.5),
        _ => privacy_points - terms_points.max(2.5),
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

    #[test]
    fn tells_policies_terms_and_other_pages_apart() {
        let policy = "We collect personal information such as your email address. We share personal data with third parties. Cookies help us. ".repeat(20);
        let terms = "By using the service you agree to these terms. Our liability is limited. Governing law is Delaware. You may not infringe copyright. ".repeat(20);
        let recipe = "Mix the flour with butter and sugar, then bake the cookies for twelve minutes until golden. ".repeat(20);
        assert_eq!(kind("Privacy Policy", &policy), DocumentKind::PrivacyPolicy);
        assert_eq!(kind("Terms of Service", &terms), DocumentKind::TermsOfService);
        assert_eq!(kind("Best butter cookies", &recipe), DocumentKind::Other);
        assert_eq!(kind("Privacy Policy", "Too short."), DocumentKind::Other);
    }
}
