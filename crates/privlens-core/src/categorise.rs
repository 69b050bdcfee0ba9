//! The 12 OPP-115 categories of a segment, scored from the category lexicon. A stand-in
//! until the trained classifier lands: it gives every segment at least one category.

use std::collections::BTreeMap;

use crate::knowledge::knowledge;

/// Score at which a category is assigned.
const THRESHOLD: f64 = 0.6;

pub fn categorise(heading: Option<&str>, text: &str) -> (Vec<String>, BTreeMap<String, f64>) {
    let lex = &knowledge().categories;
    let mut hits = vec![0usize; lex.ids.len()];
    for m in lex.matcher.find_all(text) {
        hits[m.entry] += 1;
    }
    // The heading names the topic: it weighs like several mentions.
    for m in lex.matcher.find_all(heading.unwrap_or("")) {
        hits[m.entry] += 2;
    }
    let scores: BTreeMap<String, f64> =
        lex.ids.iter().zip(&hits).map(|(id, h)| (id.clone(), ((1.0 - (-(*h as f64) / 2.0).exp()) * 1000.0).round() / 1000.0)).collect();
    let mut categories: Vec<String> = scores.iter().filter(|(_, s)| **s >= THRESHOLD).map(|(id, _)| id.clone()).collect();
    if categories.is_empty() {
        let best = scores.iter().max_by(|a, b| a.1.total_cmp(b.1)).filter(|(_, s)| **s > 0.0);
        categories.push(best.map_or("practice_not_covered".to_string(), |(id, _)| id.clone()));
    }
    (categories, scores)
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
    fn every_segment_gets_a_category() {
        let (cats, _) = categorise(None, "Lorem ipsum dolor sit amet.");
        assert_eq!(cats, vec!["practice_not_covered".to_string()]);
    }
}
