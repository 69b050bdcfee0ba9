//! Finding lexicon phrases in text: many phrases at once (Aho-Corasick), whole words only.
//! A phrase ending in `*` matches as a word prefix ("encrypt*" finds "encrypted").

use std::cell::RefCell;
use std::sync::OnceLock;

use aho_corasick::packed::{Config, Searcher};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::script::{SCRIPT_GROUPS, groups_in, is_hangul, is_unspaced, phrase_group};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the entry the phrase belongs to (the caller's id table).
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

pub struct PhraseMatcher {
    /// This matcher's own automaton and quick tests, built on first use: a matcher taken into
    /// a [`CombinedMatcher`] is mostly read off a page's index and may never need them.
    own: OnceLock<OwnSearch>,
    /// The phrases as given (entry, phrase, match case), for a [`CombinedMatcher`] to take in.
    phrases: Vec<(usize, String, bool)>,
    /// This matcher's place in the [`CombinedMatcher`] that took it in, if one did.
    slot: Option<u16>,
}

impl PhraseMatcher {
    /// `phrases`: (entry index, phrase, match case).
    pub fn new<'a>(phrases: impl IntoIterator<Item = (usize, &'a str, bool)>) -> Self {
        let phrases = phrases.into_iter().map(|(e, p, case)| (e, p.to_string(), case)).collect();
        PhraseMatcher { own: OnceLock::new(), phrases, slot: None }
    }

    fn own(&self) -> &OwnSearch {
        self.own.get_or_init(|| OwnSearch {
            automata: Automata::new(self.phrases.iter().map(|(e, p, case)| (0, *e, p.as_str(), *case))),
            quick: quick_tests(&self.phrases),
        })
    }

    /// Every whole-word match in `text`, in order of position; where matches overlap, the
    /// leftmost, then the longest, wins. A longer phrase that fails at a word boundary does
    /// not hide a shorter one that fits.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch> {
        let own = self.own();
        if !own.may_match(text) {
            return Vec::new();
        }
        let mut candidates = Vec::new();
        own.automata.for_each_hit(text, |origin, start, end| candidates.push(Candidate { origin, start, end }));
        resolve(text, &candidates)
    }

    pub fn contains_any(&self, text: &str) -> bool {
        !self.find_all(text).is_empty()
    }

    /// Whether the matcher has no phrase at all (and so never matches).
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

struct OwnSearch {
    automata: Automata,
    /// For lexicons of up to 64 phrases: quick tests for the case-insensitive and the
    /// case-sensitive phrases.
    quick: Option<(Option<QuickTest>, Option<QuickTest>)>,
}

impl OwnSearch {
    /// False only when no phrase occurs anywhere in `text`.
    fn may_match(&self, text: &str) -> bool {
        let Some((insensitive, sensitive)) = &self.quick else { return true };
        [insensitive, sensitive].into_iter().flatten().any(|q| q.may_occur(text))
    }
}

/// Where an automaton's pattern comes from: which matcher (slot), which of its entries, its
/// place in that matcher's list (the earlier phrase wins a tie) and whether it is a prefix.
#[derive(Debug, Clone, Copy)]
struct Origin {
    slot: u16,
    prefix: bool,
    order: u32,
    entry: u32,
}

/// A phrase found in a text before its word boundaries are checked.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    origin: Origin,
    start: usize,
    end: usize,
}

/// Whole-word matches from raw occurrences: each must start at a word and end at one (a
/// prefix phrase runs on to the end of its word); then, left to right, the longest match
/// starting at a place wins and hides whatever it overlaps. A phrase that runs into a word
/// hides nothing: "the eu" failing in "the European Union" leaves "european union" to match.
fn resolve<'c>(text: &str, candidates: impl IntoIterator<Item = &'c Candidate>) -> Vec<PhraseMatch> {
    let mut found: Vec<(PhraseMatch, usize, u32)> = candidates
        .into_iter()
        .filter(|c| is_boundary_before(text, c.start))
        .filter_map(|c| whole_word(text, c).map(|m| (m, c.end - c.start, c.origin.order)))
        .collect();
    // At one place and one reach, the longer phrase, then the earlier listed, wins.
    found.sort_unstable_by_key(|(m, raw_len, order)| (m.start, std::cmp::Reverse(m.end), std::cmp::Reverse(*raw_len), *order));
    let mut kept: Vec<PhraseMatch> = Vec::with_capacity(found.len());
    for (m, _, _) in found {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

/// The match a candidate makes when it ends at a word (or, as a prefix, runs on to one).
fn whole_word(text: &str, c: &Candidate) -> Option<PhraseMatch> {
    let end = if c.origin.prefix { word_end(text, c.end) } else { c.end };
    (c.origin.prefix || is_boundary_after(text, end)).then_some(PhraseMatch {
        entry: c.origin.entry as usize,
        start: c.start,
        end,
    })
}

/// The automata, one per script group, that report every occurrence of every phrase, overlaps
/// included: which of them count is for [`resolve`] to say. Phrases and text are lower-cased
/// (ASCII only, so offsets stay put) rather than the automaton folding case, which doubles its
/// letter transitions and slows its build. A phrase that must match case is checked against
/// the text where it occurs (a second, case-sensitive automaton cost a second pass over every
/// sentence for a few hundred company names).
///
/// The phrases of a script other than Latin (Arabic, Cyrillic, Han...) get their automaton the
/// first time a text shows a letter of that script: an English page never pays for building
/// the names written in thirty other languages.
struct Automata {
    groups: [ScriptAutomaton; SCRIPT_GROUPS],
    origins: Vec<Origin>,
    /// Per pattern, the exact text a case-sensitive phrase must show.
    exact: Vec<Option<Box<str>>>,
}

#[derive(Default)]
struct ScriptAutomaton {
    patterns: Vec<String>,
    /// Per pattern of this automaton, its index in `origins` and `exact`.
    ids: Vec<u32>,
    ac: OnceLock<AhoCorasick>,
}

impl ScriptAutomaton {
    fn automaton(&self) -> &AhoCorasick {
        self.ac.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&self.patterns)
                .expect("lexicon phrases build an automaton")
        })
    }
}

impl Automata {
    /// `phrases`: (slot, entry, phrase, match case); a phrase ending in `*` is a prefix.
    fn new<'a>(phrases: impl Iterator<Item = (u16, usize, &'a str, bool)>) -> Self {
        let mut groups: [ScriptAutomaton; SCRIPT_GROUPS] = Default::default();
        let (mut origins, mut exact) = (Vec::new(), Vec::new());
        for (slot, entry, phrase, case) in phrases {
            let (text, prefix) = match phrase.strip_suffix('*') {
                Some(p) => (p, true),
                None => (phrase, false),
            };
            if text.trim().is_empty() {
                continue;
            }
            let id = origins.len() as u32;
            // Case-insensitive phrases win ties: the high bit puts the others after them.
            let order = id | u32::from(case) << 31;
            let group = &mut groups[phrase_group(text)];
            group.patterns.push(text.to_ascii_lowercase());
            group.ids.push(id);
            origins.push(Origin { slot, prefix, order, entry: entry as u32 });
            exact.push(case.then(|| Box::from(text)));
        }
        Automata { groups, origins, exact }
    }

    fn for_each_hit(&self, text: &str, mut f: impl FnMut(Origin, usize, usize)) {
        if self.origins.is_empty() {
            return;
        }
        let present = groups_in(text);
        lowered(&SEARCHED, text, |lower| {
            for (g, group) in self.groups.iter().enumerate() {
                if present & 1 << g == 0 || group.patterns.is_empty() {
                    continue;
                }
                for m in group.automaton().find_overlapping_iter(lower) {
                    let id = group.ids[m.pattern().as_usize()] as usize;
                    if self.exact[id].as_deref().is_none_or(|want| &text[m.start()..m.end()] == want) {
                        f(self.origins[id], m.start(), m.end());
                    }
                }
            }
        });
    }
}

/// Several matchers' phrases in one automaton, run once over each sentence of a page: each
/// big lexicon would otherwise cost a pass of its own over every sentence.
pub struct CombinedMatcher {
    automata: Automata,
}

impl CombinedMatcher {
    /// Takes in `matchers`, telling each its slot, so that [`TextHits::find_all`] knows whose
    /// matches to pick.
    pub fn new(matchers: &mut [&mut PhraseMatcher]) -> Self {
        for (slot, m) in matchers.iter_mut().enumerate() {
            m.slot = Some(u16::try_from(slot).expect("fewer than 65,536 matchers"));
        }
        let phrases = matchers.iter().flat_map(|m| {
            let slot = m.slot.unwrap_or_default();
            m.phrases.iter().map(move |(entry, phrase, case)| (slot, *entry, phrase.as_str(), *case))
        });
        CombinedMatcher { automata: Automata::new(phrases) }
    }

    /// Every occurrence of every phrase in each of `texts`, for [`TextHits::find_all`] to sort out.
    pub fn index<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> TextHits {
        let mut index = TextHits::default();
        for text in texts {
            self.automata.for_each_hit(text, |origin, start, end| index.hits.push(Candidate { origin, start, end }));
            index.texts.push((index.hits.len(), text.len()));
        }
        index
    }
}

/// The phrase occurrences of a list of texts (a page's sentences), found in one pass each.
#[derive(Default)]
pub struct TextHits {
    hits: Vec<Candidate>,
    /// Per text: where its hits end in `hits`, and its length (a check that the text asked
    /// about is the one indexed).
    texts: Vec<(usize, usize)>,
}

impl TextHits {
    /// What `matcher.find_all(text)` returns, read off the index when `text` is the indexed
    /// text number `i` and the matcher was taken into the combined automaton.
    pub fn find_all(&self, matcher: &PhraseMatcher, i: usize, text: &str) -> Vec<PhraseMatch> {
        let (Some(slot), Some(&(end, len))) = (matcher.slot, self.texts.get(i)) else { return matcher.find_all(text) };
        if len != text.len() {
            return matcher.find_all(text);
        }
        let start = if i == 0 { 0 } else { self.texts[i - 1].0 };
        resolve(text, self.hits[start..end].iter().filter(|c| c.origin.slot == slot))
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
        lowered(&LOWERED, text, |lower| self.searcher.find(lower).is_some())
    }
}

thread_local! {
    /// The lower-cased text, in a buffer kept between calls: the quick tests run once per
    /// sentence and list.
    static LOWERED: RefCell<String> = const { RefCell::new(String::new()) };
    /// The same for the automata (a quick test may run inside an automaton's callback).
    static SEARCHED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Calls `f` with `text` lower-cased (ASCII only, so offsets stay put) in `buffer`.
fn lowered<T>(buffer: &'static std::thread::LocalKey<RefCell<String>>, text: &str, f: impl FnOnce(&str) -> T) -> T {
    buffer.with(|cell| {
        let mut lower = cell.borrow_mut();
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        f(lower.as_str())
    })
}

/// The quick tests for the case-insensitive and the case-sensitive phrases, or none when
/// either half is a list the vectorised searcher cannot take.
fn quick_tests(phrases: &[(usize, String, bool)]) -> Option<(Option<QuickTest>, Option<QuickTest>)> {
    let test = |case: bool| -> Option<Option<QuickTest>> {
        let half: Vec<&str> = phrases
            .iter()
            .filter(|(_, p, c)| *c == case && !p.trim_end_matches('*').trim().is_empty())
            .map(|(_, p, _)| p.trim_end_matches('*'))
            .collect();
        if half.is_empty() {
            return Some(None);
        }
        QuickTest::new(half, !case).map(Some)
    };
    Some((test(false)?, test(true)?))
}

fn is_word_char(c: char) -> bool {
    crate::script::is_word_char(c) || c == '_'
}

fn is_boundary_before(text: &str, at: usize) -> bool {
    let Some(first) = text[at..].chars().next() else { return true };
    // Phrases that start with punctuation ("@", "(") need no boundary.
    if !is_word_char(first) {
        return true;
    }
    text[..at].chars().next_back().is_none_or(|prev| !is_word_char(prev) || joins_words(prev, first))
}

fn is_boundary_after(text: &str, at: usize) -> bool {
    let Some(last) = text[..at].chars().next_back() else { return true };
    if !is_word_char(last) {
        return true;
    }
    let rest = &text[at..];
    rest.chars().next().is_none_or(|next| {
        !is_word_char(next) || joins_words(last, next) || (is_hangul(last) && is_hangul(next) && particle_follows(rest))
    })
}

/// Korean particles and endings a noun takes with no space ("카카오페이를", "네이버에서"): a name or
/// term before one of them ends there.
const KOREAN_PARTICLES: &[&str] = &[
    "이",
    "가",
    "을",
    "를",
    "은",
    "는",
    "의",
    "에",
    "에서",
    "에게",
    "께",
    "와",
    "과",
    "로",
    "으로",
    "도",
    "만",
    "까지",
    "부터",
    "이나",
    "나",
    "이며",
    "며",
    "이고",
    "고",
    "에는",
    "에서는",
    "에게는",
    "으로는",
    "로는",
    "와는",
    "과는",
    "에도",
    "에서도",
    "등",
    "등의",
    "등을",
    "등에",
    "등이",
    "이라는",
    "라는",
    "이란",
    "란",
    "에의",
    "에서의",
    "으로부터",
    "로부터",
    "에게서",
    "처럼",
    "보다",
    "밖에",
    "마다",
    "조차",
    "이다",
    "입니다",
];

fn particle_follows(rest: &str) -> bool {
    let run = rest.find(|c: char| !is_hangul(c)).map_or(rest, |end| &rest[..end]);
    KOREAN_PARTICLES.contains(&run)
}

/// Two word characters side by side that still stand in different words: any character of a
/// script written without spaces (Chinese, Japanese, Thai) unless inside one Thai syllable, and a
/// Korean unit or particle glued to a figure ("30일", "14세").
fn joins_words(before: char, after: char) -> bool {
    ((is_unspaced(before) || is_unspaced(after)) && !crate::script::thai_cluster_continues(before, after))
        || (before.is_ascii_digit() && is_hangul(after))
        || (crate::script::is_hebrew_or_arabic(before) != crate::script::is_hebrew_or_arabic(after))
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..].find(|c: char| !is_word_char(c) || is_unspaced(c)).map_or(text.len(), |p| from + p)
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
    fn a_name_glued_to_an_arabic_or_hebrew_conjunction_is_still_a_word() {
        let m = PhraseMatcher::new([(0, "firebase", false), (1, "google", false), (2, "ads", false)]);
        assert_eq!(m.find_all("نستخدم Google Analytics وFirebase").len(), 2);
        assert_eq!(m.find_all("אנו משתמשים בשירותי Ads וGoogle").len(), 2);
        assert!(m.find_all("superfirebase googleads").is_empty());
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
    fn a_phrase_running_into_a_word_hides_nothing_after_it() {
        let m = PhraseMatcher::new([(0, "the eu", false), (1, "european union", false)]);
        let found = m.find_all("Users in the European Union");
        assert_eq!(found, vec![PhraseMatch { entry: 1, start: 13, end: 27 }]);
        let m = PhraseMatcher::new([(0, "or restrict", false), (1, "restriction", false)]);
        assert_eq!(m.find_all("or restriction").iter().map(|m| m.entry).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn a_combined_index_finds_what_each_matcher_finds() {
        let mut regions = PhraseMatcher::new([(0, "the eu", false), (1, "european union", false), (2, "EU", true)]);
        let mut data = PhraseMatcher::new([(0, "email*", false), (1, "email address", false), (2, "name", false)]);
        let combined = CombinedMatcher::new(&mut [&mut regions, &mut data]);
        let texts = ["Users in the European Union give their email addresses.", "", "EU and eu names, e-mail", "xemail address"];
        let index = combined.index(texts);
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(index.find_all(&regions, i, text), regions.find_all(text), "{text}");
            assert_eq!(index.find_all(&data, i, text), data.find_all(text), "{text}");
        }
        assert_eq!(index.find_all(&data, 0, texts[0]).len(), 1);
        assert_eq!(index.find_all(&regions, 2, texts[2]).len(), 1, "case-sensitive EU only");
        let stranger = PhraseMatcher::new([(0, "users", false)]);
        assert_eq!(index.find_all(&stranger, 0, texts[0]).len(), 1, "a matcher outside the index reads the text itself");
        assert_eq!(index.find_all(&regions, 0, "another text").len(), 0, "a different text is read afresh");
    }

    #[test]
    fn phrases_of_other_scripts_are_built_only_for_texts_that_show_them() {
        let m = PhraseMatcher::new([(0, "Google", false), (1, "Яндекс", true), (2, "גוגל", false), (3, "Yandex Метрика", false)]);
        assert_eq!(m.find_all("We use GOOGLE and Yandex.").len(), 1);
        let built = |m: &PhraseMatcher| m.own().automata.groups.iter().filter(|g| g.ac.get().is_some()).count();
        assert_eq!(built(&m), 1, "an English text builds the Latin automaton only");
        let text = "Мы используем Яндекс, Yandex Метрика и גוגל; яндекс не считается.";
        let found: Vec<&str> = m.find_all(text).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, ["Яндекс", "Yandex Метрика", "גוגל"]);
        assert_eq!(built(&m), 3, "Latin, Cyrillic and Hebrew");
    }

    #[test]
    fn prefix_phrases_and_case_sensitive_entries() {
        let m = PhraseMatcher::new([(0, "encrypt*", false), (1, "Square", true)]);
        let found = m.find_all("Data is encrypted; a square is not Square.");
        assert_eq!(found.len(), 2);
        assert_eq!(&"Data is encrypted; a square is not Square."[found[0].start..found[0].end], "encrypted");
        assert_eq!(found[1].entry, 1);
    }

    #[test]
    fn unspaced_scripts_match_anywhere_and_korean_units_follow_figures() {
        let m = PhraseMatcher::new([(0, "個人情報", false), (1, "販売", false), (2, "일*", false), (3, "개인정보*", false)]);
        let text = "当社はお客様の個人情報を第三者に販売しません。";
        let found: Vec<&str> = m.find_all(text).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, ["個人情報", "販売"]);
        let korean = "개인정보를 30일 동안 보관합니다";
        let found: Vec<&str> = m.find_all(korean).iter().map(|f| &korean[f.start..f.end]).collect();
        assert_eq!(found, ["개인정보를", "일"]);
        // A name takes its particle ("카카오페이를") but does not match inside a longer word.
        let names = PhraseMatcher::new([(0, "카카오페이", false), (1, "네이버", false)]);
        assert_eq!(names.find_all("카카오페이를 통해 결제하며 네이버에서").len(), 2);
        assert!(names.find_all("네이버클라우드").is_empty());
        // A Latin phrase still needs its word to end.
        assert!(PhraseMatcher::new([(0, "data", false)]).find_all("database").is_empty());
    }

    #[test]
    fn thai_matches_anywhere_but_inside_a_syllable() {
        let m = PhraseMatcher::new([(0, "ข้อมูลส่วนบุคคล", false), (1, "ขายข้อมูล", false), (2, "เก็บ", false), (3, "ขา", false)]);
        let text = "บริษัทไม่ขายข้อมูลส่วนบุคคลของท่าน";
        let found: Vec<&str> = m.find_all(text).iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, ["ขายข้อมูล"], "leftmost wins, as everywhere");
        // "ขา" (leg) is no word of "ข้า", whose tone mark belongs to its first letter; a
        // vowel written before its consonant ("เก็บ") belongs to it too.
        assert!(m.find_all("ข้าพเจ้า").is_empty());
        assert!(m.find_all("เเก็บ").is_empty(), "a doubled leading vowel is a typo, not a word start");
        assert_eq!(m.find_all("จัดเก็บ").len(), 1);
    }
}
