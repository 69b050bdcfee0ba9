//! The 12 OPP-115 categories of a segment, from the on-device classifier ([`crate::classify`]).
//! Every segment gets at least one category; the scores of all 12 go into the report.

use std::collections::BTreeMap;

/// Categories and scores of a segment. The heading, when known, is read with the text: the
/// training segments carry their heading as their first words.
pub fn categorise(heading: Option<&str>, text: &str) -> (Vec<String>, BTreeMap<String, f64>) {
    match heading.map(str::trim).filter(|h| !h.is_empty() && !text.trim_start().starts_with(*h)) {
        Some(h) => crate::classify::classify(&format!("{h}\n{text}")),
        None => crate::classify::classify(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_text_gets_retention() {
        let (cats, scores) = categorise(Some("How long we keep your data"), "We retain your data for 30 days, then delete it.");
        assert!(cats.contains(&"data_retention".to_string()), "{cats:?}");
        assert_eq!(scores.len(), 12);
    }

    #[test]
    fn heading_steers_the_category() {
        let text = "You can reach us by mail at the address below.";
        let (with, _) = categorise(Some("Contact us"), text);
        assert!(with.contains(&"contact_information".to_string()), "{with:?}");
    }

    #[test]
    fn every_segment_gets_a_category() {
        let (cats, _) = categorise(None, "Lorem ipsum dolor sit amet.");
        assert_eq!(cats.len().min(1), 1);
    }
}
