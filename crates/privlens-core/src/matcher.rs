//! Finding lexicon phrases in text: many phrases at once (Aho-Corasick), whole words only.
//! A phrase ending in `*` matches as a word prefix ("encrypt*" finds "encrypted").

use std::cell::RefCell;

use aho_corasick::packed::{Config, Searcher};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the entry the phrase belongs to (the caller's id table).
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

pub struct PhraseMatcher {
    insensitive: Option<(AhoCorasick, Vec<(usize, bool)>)>,
    sensitive: Option<(AhoCorasick, Vec<(usize, bool)>)>,
    /// For lexicons of up to 64 phrases: quick tests for the case-insensitive and the
    /// case-sensitive phrases.
    quick: Option<(Option<QuickTest>, Option<QuickTest>)>,
}

impl PhraseMatcher {
    /// `phrases`: (entry index, phrase, match case).
    pub fn new<'a>(phrases: impl IntoIterator<Item = (usize, &'a str, bool)>) -> Self {
        let (mut ci, mut cs): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
        for (entry, phrase, case) in phrases {
            let (text, prefix) = match phrase.strip_suffix('*') {
                Some(p) => (p, true),
                None => (phrase, false),
            };
            if text.trim().is_empty() {
                continue;
            }
            let list = if case { &mut cs } else { &mut ci };
            list.push((text.to_string(), entry, prefix));
        }
        let build = |list: Vec<(String, usize, bool)>, insensitive: bool| {
            if list.is_empty() {
                return None;
            }
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(insensitive)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .build(list.iter().map(|(p, _, _)| p.as_str()))
                .expect("lexicon phrases build an automaton");
            Some((ac, list.into_iter().map(|(_, e, p)| (e, p)).collect()))
        };
        let quick = quick_tests(&ci, &cs);
        PhraseMatcher { insensitive: build(ci, true), sensitive: build(cs, false), quick }
    }

    /// False only when no phrase occurs anywhere in `text`.
    fn may_match(&self, text: &str) -> bool {
        let Some((insensitive, sensitive)) = &self.quick else { return true };
        [insensitive, sensitive].into_iter().flatten().any(|q| q.may_occur(text))
    }

    /// Every whole-word match in `text`, in order of position; where matches overlap, the
    /// leftmost, then the longest, wins. A longer phrase that fails at a word boundary does
    /// not hide a shorter one that fits: the same start is tried again with a shorter reach.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        if !self.may_match(text) {
            return out;
        }
        for (ac, meta) in [&self.insensitive, &self.sensitive].into_iter().flatten() {
            for m in ac.find_iter(text) {
                if !is_boundary_before(text, m.start()) {
                    continue;
                }
                let mut found = Some(m);
                while let Some(candidate) = found {
                    let (entry, prefix) = meta[candidate.pattern().as_usize()];
                    let end = if prefix { word_end(text, candidate.end()) } else { candidate.end() };
                    if prefix || is_boundary_after(text, end) {
                        out.push(PhraseMatch { entry, start: candidate.start(), end });
                        break;
                    }
                    // The longest phrase here ran into a word: look for a shorter one at the same start.
                    let input = Input::new(text).span(candidate.start()..candidate.end() - 1).anchored(Anchored::Yes);
                    found = if candidate.end() - 1 > candidate.start() { ac.find(input) } else { None };
                }
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        // The two automata may overlap: a match inside a longer one is not a match of its own.
        let mut kept: Vec<PhraseMatch> = Vec::with_capacity(out.len());
        for m in out {
            if kept.last().is_none_or(|k| m.start >= k.end) {
                kept.push(m);
            }
        }
        kept
    }

    pub fn contains_any(&self, text: &str) -> bool {
        !self.find_all(text).is_empty()
    }
}

/// A vectorised multi-substring searcher (aho-corasick's packed Teddy) that tells, about ten
/// times faster than an automaton, whether any phrase of a short list occurs in a text: the
/// common answer on a sentence is no, and then the automaton need not run.
pub(crate) struct QuickTest {
    searcher: Searcher,
    /// Phrases lower-cased, and each text lower-cased before the search (ASCII only, as the
    /// automata's case folding).
    fold_case: bool,
}

impl QuickTest {
    /// None when the vectorised searcher cannot take the list (over 64 phrases, or no vector
    /// instructions on this target, as in wasm32).
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>, fold_case: bool) -> Option<QuickTest> {
        let phrases = phrases.into_iter().map(|p| if fold_case { p.to_ascii_lowercase() } else { p.to_string() });
        Config::new().builder().extend(phrases).build().map(|searcher| QuickTest { searcher, fold_case })
    }

    /// False only when no phrase occurs anywhere in `text`.
    pub(crate) fn may_occur(&self, text: &str) -> bool {
        if !self.fold_case {
            return self.searcher.find(text).is_some();
        }
        LOWERED.with(|cell| {
            let mut lower = cell.borrow_mut();
            lower.clear();
            lower.push_str(text);
            lower.make_ascii_lowercase();
            self.searcher.find(lower.as_str()).is_some()
        })
    }
}

thread_local! {
    /// The lower-cased text, in a buffer kept between calls: the quick tests run once per
    /// sentence and list.
    static LOWERED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The quick tests for both halves of a lexicon, or none when either half has a phrase list
/// the vectorised searcher cannot take.
fn quick_tests(ci: &[(String, usize, bool)], cs: &[(String, usize, bool)]) -> Option<(Option<QuickTest>, Option<QuickTest>)> {
    let test = |list: &[(String, usize, bool)], fold_case: bool| -> Option<Option<QuickTest>> {
        if list.is_empty() {
            return Some(None);
        }
        QuickTest::new(list.iter().map(|(p, _, _)| p.as_str()), fold_case).map(Some)
    };
    Some((test(ci, true)?, test(cs, false)?))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_boundary_before(text: &str, at: usize) -> bool {
    let first = text[at..].chars().next();
    // Phrases that start with punctuation ("@", "(") need no boundary.
    if first.is_some_and(|c| !is_word_char(c)) {
        return true;
    }
    text[..at].chars().next_back().is_none_or(|c| !is_word_char(c))
}

fn is_boundary_after(text: &str, at: usize) -> bool {
    let last = text[..at].chars().next_back();
    if last.is_some_and(|c| !is_word_char(c)) {
        return true;
    }
    text[at..].chars().next().is_none_or(|c| !is_word_char(c))
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..].find(|c: char| !is_word_char(c)).map_or(text.len(), |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_longest_wins() {
        let m = PhraseMatcher::new([(0, "email", false), (1, "email address", false), (2, "age", false)]);
        let found = m.find_all("Your Email Address and page views.");
        assert_eq!(found, vec![PhraseMatch { entry: 1, start: 5, end: 18 }]);
    }

    #[test]
    fn a_longer_phrase_failing_its_boundary_does_not_hide_a_shorter_one() {
        let m = PhraseMatcher::new([(0, "cookie settings", false), (1, "cookie settingsx", false)]);
        let text = "review cookie settingsxyz or cookie settings";
        let found = m.find_all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "cookie settings");
        assert_eq!(found[0].start, 29);
        let m = PhraseMatcher::new([(0, "cookie", false), (1, "cookie settingsx", false)]);
        assert_eq!(m.find_all("cookie settingsxyz").len(), 1, "falls back to the shorter phrase");
    }

    #[test]
    fn prefix_phrases_and_case_sensitive_entries() {
        let m = PhraseMatcher::new([(0, "encrypt*", false), (1, "Square", true)]);
        let found = m.find_all("Data is encrypted; a square is not Square.");
        assert_eq!(found.len(), 2);
        assert_eq!(&"Data is encrypted; a square is not Square."[found[0].start..found[0].end], "encrypted");
        assert_eq!(found[1].entry, 1);
    }
}
