//! Sentences of the extracted segments, with their byte ranges, and the clause and negation
//! helpers every extractor shares.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use crate::extract::RawSegment;
use crate::matcher::QuickTest;
use crate::report::Evidence;

#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    /// Place among the page's sentences.
    pub index: usize,
    pub segment: usize,
    /// Byte range inside the segment's text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Characters of the segment before the sentence: evidence offsets are in characters, and
    /// counting them afresh for every finding would cost a pass over the segment each.
    pub char_start: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "ltd", "co", "no", "vs", "mr", "mrs", "dr", "u.s", "st", "art", "sec", "para", "approx", "corp",
    "llc",
];

/// What ends a sentence in the page's language beyond the English rules.
#[derive(Clone, Copy, Default)]
pub struct Stops<'s> {
    /// A number of one or two digits with a stop is an ordinal ("ab dem 18. Lebensjahr").
    pub ordinals: bool,
    /// The language's own abbreviations (lower-case, without the stop: "abs", "bzw").
    pub abbreviations: &'s [String],
    /// Words that go on with the sentence before them where a space may end one (Thai).
    pub continuations: &'s [String],
}

/// Split every segment into sentences; lines (list items) always end a sentence.
pub fn split<'a>(segments: &'a [RawSegment]) -> Vec<Sentence<'a>> {
    split_with(segments, Stops::default())
}

/// [`split`], with a language's own ordinals and abbreviations.
pub fn split_with<'a>(segments: &'a [RawSegment], stops: Stops) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    for (n, seg) in segments.iter().enumerate() {
        let text = seg.text.as_str();
        let mut line_start = 0;
        let first = out.len();
        for line in text.split('\n') {
            split_line(text, line_start, line, n, stops, &mut out);
            line_start += line.len() + 1;
        }
        // Sentences come in order: count characters once, from one start to the next.
        let (mut byte, mut chars) = (0, 0);
        for sentence in &mut out[first..] {
            chars += text[byte..sentence.start].chars().count();
            byte = sentence.start;
            sentence.char_start = chars;
        }
    }
    out
}

fn split_line<'a>(text: &'a str, offset: usize, line: &'a str, segment: usize, stops: Stops, out: &mut Vec<Sentence<'a>>) {
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') && ends_here(line, i, stops) {
            push(text, offset + start, offset + i + 1, segment, out);
            start = i + 1;
        } else if let Some(len) = if c >= 0xd6 { unconditional_stop(&bytes[i..]) } else { None } {
            push(text, offset + start, offset + i + len, segment, out);
            start = i + len;
            i += len;
            continue;
        } else if c == b' '
            && i - start >= THAI_MIN_SENTENCE_BYTES
            && thai_space_ends(bytes, i)
            && !stops.continuations.iter().any(|w| line[i + 1..].starts_with(w.as_str()))
        {
            push(text, offset + start, offset + i, segment, out);
            start = i + 1;
        }
        i += 1;
    }
    push(text, offset + start, offset + line.len(), segment, out);
}

/// The length in bytes of a stop that ends a sentence wherever it stands: "。", "！", "？"
/// (Chinese and Japanese put no space after them), the Devanagari danda "।" and "॥", the
/// Arabic question mark "؟", the Urdu full stop "۔" and the Armenian full stop "։".
fn unconditional_stop(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0xe3, 0x80, 0x82, ..] | [0xef, 0xbc, 0x81 | 0x9f, ..] | [0xe0, 0xa5, 0xa4 | 0xa5, ..] => Some(3),
        [0xd8, 0x9f, ..] | [0xdb, 0x94, ..] | [0xd6, 0x89, ..] => Some(2),
        _ => None,
    }
}

/// Thai writes no full stop: a space between Thai words ends a sentence, or a clause within
/// one. A sentence ends there once it holds this many bytes (about 80 Thai characters), so that
/// short clauses stay with their sentence, and not before a word that goes on with it (the
/// pack's `sentence_continuations`: "และ", "ถือว่า").
const THAI_MIN_SENTENCE_BYTES: usize = 240;

/// Whether the space at byte `i` stands between two Thai letters, not after "ฯ" (the mark of a
/// shortened name: "บริษัทฯ จะ..." goes on).
fn thai_space_ends(bytes: &[u8], i: usize) -> bool {
    let thai_at = |at: usize| bytes.get(at..at + 3).is_some_and(|b| b[0] == 0xe0 && matches!(b[1], 0xb8 | 0xb9));
    let abbreviation_mark = bytes.get(i.wrapping_sub(3)..i) == Some(&[0xe0, 0xb8, 0xaf]);
    i >= 3 && thai_at(i - 3) && thai_at(i + 1) && !abbreviation_mark
}

/// Whether the stop at byte `i` ends a sentence (next is space then a capital, digit or quote).
fn ends_here(line: &str, i: usize, stops: Stops) -> bool {
    let after = &line[i + 1..];
    if !after.starts_with(' ') {
        return false;
    }
    let next = after.trim_start().chars().next();
    // Scripts without capitals (Hangul, Han, kana, Arabic, Hebrew, Devanagari...): any of
    // their letters may start a sentence. Georgian writes no capitals either, though Unicode
    // files its everyday letters as lower-case.
    let starts = |c: char| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '(' | '‘' | '\u{10d0}'..='\u{10ff}')
            || (!c.is_ascii() && c.is_alphabetic() && !c.is_lowercase())
    };
    if !next.is_some_and(starts) {
        return false;
    }
    if line.as_bytes()[i] != b'.' {
        return true;
    }
    let word_start = line[..i].rfind(|c: char| c.is_whitespace() || c == '(').map_or(0, |p| p + 1);
    let word = line[word_start..i].to_ascii_lowercase();
    // "EU-U.S. Privacy Shield": an abbreviation at the end of a hyphenated word still is one.
    let last = word.rsplit('-').next().unwrap_or(&word);
    let ordinal = stops.ordinals && (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    let own = |w: &str| stops.abbreviations.iter().any(|a| a == w);
    !(ABBREVIATIONS.contains(&word.as_str())
        || ABBREVIATIONS.contains(&last)
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
        || is_thai_abbreviation(&word)
        || ordinal
        || own(&word)
        || own(last))
}

/// Thai shortens with stops between letters: "พ.ศ." (Buddhist era), "พ.ร.บ." (act), "ม.ค."
/// (January). Thai ends no sentence with a stop.
fn is_thai_abbreviation(word: &str) -> bool {
    word.contains('.') && word.chars().all(|c| c == '.' || crate::script::is_thai(c))
}

/// The first `n` bytes of `text`, or a little less, ending at a character boundary.
pub fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last `n` bytes of `text`, or a little less, starting at a character boundary.
pub fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Past this many bytes a "sentence" is a run-on list or text without stops: it is cut at the
/// last comma, semicolon or space before the limit. Every check on a sentence reads it whole,
/// some once per word found in it, so an uncut megabyte-long line would take minutes.
const MAX_SENTENCE_BYTES: usize = 1_500;

fn push<'a>(text: &'a str, mut start: usize, end: usize, segment: usize, out: &mut Vec<Sentence<'a>>) {
    while end - start > MAX_SENTENCE_BYTES {
        let window = head(&text[start..end], MAX_SENTENCE_BYTES);
        let limit = start + window.len();
        let cut = window.rfind([',', ';']).or_else(|| window.rfind(' ')).filter(|&i| i > 0).map_or(limit, |i| start + i + 1);
        push_one(text, start, cut, segment, out);
        start = cut;
    }
    push_one(text, start, end, segment, out);
}

fn push_one<'a>(text: &'a str, start: usize, end: usize, segment: usize, out: &mut Vec<Sentence<'a>>) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let s = start + lead;
        out.push(Sentence { index: out.len(), segment, start: s, end: s + trimmed.len(), text: trimmed, char_start: 0 });
    }
}

/// Evidence for a sentence, in character offsets; long sentences are cut for the quote.
pub fn evidence(s: &Sentence) -> Evidence {
    let start = s.char_start;
    let end = start + s.text.chars().count();
    Evidence { segment: s.segment, start, end, quote: shorten(s.text, MAX_QUOTE_CHARS) }
}

const MAX_QUOTE_CHARS: usize = 320;
/// How much of a long sentence a quote keeps before the words it is quoted for.
const QUOTE_LEAD_CHARS: usize = 100;
/// Room the found words need at the end of a quote taken from the sentence's start.
const ROOM_FOR_FOUND_CHARS: usize = QUOTE_LEAD_CHARS / 2;

/// Evidence for what was found at byte `at` of a sentence: a long sentence's quote is the
/// stretch around it ("… like iCloud or Google Account), they will receive …"), so the quote
/// shows what it backs.
pub fn evidence_near(s: &Sentence, at: usize) -> Evidence {
    let mut ev = evidence(s);
    let before = s.text[..at].chars().count();
    // A whole sentence, or one whose quote already shows what was found.
    if s.text.chars().count() <= MAX_QUOTE_CHARS || before + ROOM_FOR_FOUND_CHARS < MAX_QUOTE_CHARS {
        return ev;
    }
    let skip = before.saturating_sub(QUOTE_LEAD_CHARS);
    let from = s.text.char_indices().nth(skip).map_or(0, |(i, _)| i);
    // Start at a word: after the next space, unless that passes what was found.
    let from = s.text[from..at].find(' ').map_or(from, |i| from + i + 1);
    ev.quote = format!("…{}", shorten(&s.text[from..], MAX_QUOTE_CHARS));
    ev
}

/// `text` cut to at most `max` characters, at a word, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at_word])
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    #[test]
    fn a_long_sentence_is_quoted_around_what_was_found() {
        let text = format!("{} We share it with Acme Analytics for reports.", "Lorem ipsum dolor sit amet. ".repeat(20));
        let s = Sentence { index: 0, segment: 0, start: 0, end: text.len(), text: &text, char_start: 0 };
        let at = text.find("Acme").unwrap();
        let ev = evidence_near(&s, at);
        assert!(ev.quote.starts_with('…') && ev.quote.contains("Acme Analytics"), "{}", ev.quote);
        assert!(ev.quote.chars().count() <= MAX_QUOTE_CHARS + 2);
        assert!(!evidence(&s).quote.contains("Acme"));
        assert_eq!(evidence_near(&s, 10).quote, evidence(&s).quote);
    }
}

const CLAUSE_BREAKS: &[&str] =
    &[";", ":", " but ", " however", " except", " unless", " other than", " although", " whereas", " while "];

/// The clause of `sentence` around byte `at`.
pub fn clause(sentence: &str, at: usize) -> (usize, usize) {
    with_clause_breaks(sentence, |breaks| {
        let mut start = 0;
        let mut end = sentence.len();
        for &(b_start, b_end) in breaks {
            if b_end <= at {
                start = start.max(b_end);
            } else if b_start >= at {
                end = end.min(b_start);
            }
        }
        (start, end)
    })
}

/// The clause breaks of the sentence last asked about: a sentence is asked about once per
/// data word in it, and lists name many.
struct ClauseBreaks {
    sentence: String,
    breaks: Vec<(usize, usize)>,
}

thread_local! {
    static CLAUSE_BREAKS_OF_LAST: RefCell<ClauseBreaks> = const { RefCell::new(ClauseBreaks { sentence: String::new(), breaks: Vec::new() }) };
}

fn with_clause_breaks<T>(sentence: &str, f: impl FnOnce(&[(usize, usize)]) -> T) -> T {
    CLAUSE_BREAKS_OF_LAST.with(|cell| {
        let mut last = cell.borrow_mut();
        if last.sentence != sentence {
            last.sentence.clear();
            last.sentence.push_str(sentence);
            last.breaks.clear();
            with_compiled(CLAUSE_BREAKS, ListKind::Phrases, |breaks| {
                last.breaks.extend(breaks.ac.find_overlapping_iter(sentence).map(|m| (m.start(), m.end())));
            });
        }
        f(&last.breaks)
    })
}

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "neither", "nor", "none", "nothing", "don't", "doesn't", "won't", "didn't", "cannot", "can't", "isn't",
    "aren't", "without",
];

/// The words of `s`, as slices (apostrophes kept inside words).
fn words(s: &str) -> impl Iterator<Item = &str> + Clone {
    s.split(|c: char| !(crate::script::is_word_char(c) || c == '\'' || c == '’')).filter(|w| !w.is_empty())
}

fn is_negation(word: &str) -> bool {
    let straight = word.contains('’').then(|| word.replace('’', "'"));
    let w = straight.as_deref().unwrap_or(word);
    // Compared as bytes: slicing the last three bytes of "für" as text would split a character.
    NEGATIONS.iter().any(|n| w.eq_ignore_ascii_case(n))
        || (w.len() > 3 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"n't"))
}

/// Whether `text` begins with one of `words`, ending there: "Flash player", not "Flashy".
pub fn starts_with_word(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.starts_with(w) && text[w.len()..].chars().next().is_none_or(|c| !crate::script::is_word_char(c)))
}

/// Whether `word` starts with one of `stems` (lower-case), ignoring case; curly apostrophes
/// read as straight.
pub fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    // A curly apostrophe ("don’t") is made straight once, not once per stem.
    if word.contains('’') {
        let word = word.replace('’', "'").to_lowercase();
        return stems.iter().any(|s| word.starts_with(s));
    }
    stems.iter().any(|s| word.len() >= s.len() && word.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
}

/// Whether a verb from `verbs` (stems) is negated in the clause of `sentence` around byte `at`:
/// "we do not collect", "is never stored", "no ... is collected".
pub fn verb_negated(sentence: &str, at: usize, verbs: &[&str]) -> bool {
    // Most sentences hold no negation at all: one quick look settles those without working
    // out the clause. (Words ending in "n't" are found by their apostrophe.)
    if !sentence.contains(['\'', '’']) && !has_any(sentence, NEGATIONS) {
        return false;
    }
    let (cs, ce) = clause(sentence, at);
    // Walked without collecting: most clauses hold no negation at all.
    let mut rest = words(&sentence[cs..ce]);
    while let Some(w) = rest.next() {
        if !is_negation(w) {
            continue;
        }
        if rest.clone().take(4).any(|x| starts_with_any(x, verbs)) {
            return true;
        }
        // "No personal information is collected": the verb comes later in the clause. ("If you
        // no longer wish to use our service, you can delete it" negates nothing later on.)
        let idiom = || rest.clone().next().is_some_and(|x| x.eq_ignore_ascii_case("longer") || x.eq_ignore_ascii_case("matter"));
        if w.eq_ignore_ascii_case("no") && !idiom() && rest.clone().any(|x| starts_with_any(x, verbs)) {
            return true;
        }
    }
    false
}

/// Whether the clause around `at` contains any of `stems` as word starts.
pub fn clause_has(sentence: &str, at: usize, stems: &[&str]) -> bool {
    let (cs, ce) = clause(sentence, at);
    words(&sentence[cs..ce]).any(|w| starts_with_any(w, stems))
}

/// Whether the match at byte `at` sits inside a web or e-mail address ("aws.amazon.com/gdpr-center",
/// "jim@outlook.com").
pub fn in_url(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |p| at + p);
    let token = &text[start..end];
    token.contains("://") || token.contains("www.") || (token.contains(['/', '@']) && token.contains('.'))
}

/// Whether a word of `text` starts with one of `stems` (lower-case), ignoring case. Called for
/// every sentence by many extractors, so each stem list is compiled once into an automaton.
pub fn has_any(text: &str, stems: &[&str]) -> bool {
    // Overlapping: a stem found inside a word ("no" in "cannot") must not hide one that
    // starts the word.
    with_compiled(stems, ListKind::Stems, |list| {
        list.may_match(text) && list.ac.find_overlapping_iter(text).any(|m| is_word_start(text, m.start()))
    })
}

/// Whether `text` contains one of `phrases` (lower-case), ignoring ASCII case, starting at a
/// word: "sell, rent" is not in "resell, rent", nor "on request" in "preservation request". A
/// phrase may end inside a word ("certif" finds "certified"), and one that opens with a space or
/// a bracket (" dpo", "(dpo)") needs no boundary.
pub fn contains_phrase(text: &str, phrases: &[&str]) -> bool {
    // Most texts hold none of the phrases: the quick test settles those.
    with_compiled(phrases, ListKind::Phrases, |list| {
        list.may_match(text)
            && list.ac.find_overlapping_iter(text).any(|m| {
                text[m.start()..].starts_with(|c: char| !crate::script::is_word_char(c)) || starts_word_or_quote(text, m.start())
            })
    })
}

/// A word start, or a word opening a quotation: the 'opt-in' (but not the t in "don't").
fn starts_word_or_quote(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some('\'' | '’' | '‘') => before.next().is_none_or(|c| !crate::script::is_word_char(c)),
        // After a Chinese or Japanese character a word may start: "本网站使用Cookie".
        Some(c) => !crate::script::is_word_char(c) || crate::script::is_unspaced(c),
    }
}

fn is_word_start(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !(crate::script::is_word_char(c) || c == '\'' || c == '’'))
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ListKind {
    Stems,
    Phrases,
}

/// A list is known by where it lives and what it starts and ends with: lists are constants or
/// built from knowledge that lives as long as the program.
type ListKey = (usize, usize, usize, usize, ListKind);
/// Lists built on the fly could pile up; past this many the cache starts afresh.
const MAX_CACHED_LISTS: usize = 512;

/// The cache is looked up thousands of times per page with keys that are addresses: a
/// multiply-and-rotate hash is plenty and far cheaper than the default SipHash.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    /// Multiplying carries low bits upward only, and the keys are aligned addresses whose low
    /// bits are all zero: the high half is folded down (the splitmix64 finaliser) so that keys
    /// spread over the table's buckets.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A compiled list: the automaton that finds every match, and a quick test (where the CPU has
/// one and the list is short enough) that settles the common case, no match at all.
struct Compiled {
    ac: AhoCorasick,
    quick: Option<QuickTest>,
}

impl Compiled {
    /// False only when no phrase occurs anywhere in `text`, whatever the case of its letters.
    fn may_match(&self, text: &str) -> bool {
        self.quick.as_ref().is_none_or(|q| q.may_occur(text))
    }
}

type Automata = HashMap<ListKey, Arc<Compiled>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// This thread's lists: looked up without a lock, thousands of times per page.
    static AUTOMATA: RefCell<Automata> = RefCell::new(Automata::default());
}

/// Every thread's lists, so that a thread started for one page need not compile them again.
fn shared_automata() -> &'static Mutex<Automata> {
    static SHARED: OnceLock<Mutex<Automata>> = OnceLock::new();
    SHARED.get_or_init(|| Mutex::new(Automata::default()))
}

/// Calls `f` with the compiled `list`. The thread's own map is read without a lock or a
/// reference count (the two threads of a scan would fight over the count's cache line); a list
/// this thread has not used yet comes from the shared map, compiled there when new.
fn with_compiled<T>(list: &[&str], kind: ListKind, f: impl FnOnce(&Compiled) -> T) -> T {
    let key = (
        list.as_ptr() as usize,
        list.len(),
        list.first().map_or(0, |s| s.as_ptr() as usize),
        list.last().map_or(0, |s| s.as_ptr() as usize),
        kind,
    );
    AUTOMATA.with(|cell| {
        if let Some(compiled) = cell.borrow().get(&key) {
            return f(compiled);
        }
        let compiled = {
            let mut shared = shared_automata().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if shared.len() >= MAX_CACHED_LISTS {
                shared.clear();
            }
            shared.entry(key).or_insert_with(|| Arc::new(build(list, kind))).clone()
        };
        // (Taken only when no lookup of this thread is under way.)
        if let Ok(mut map) = cell.try_borrow_mut() {
            if map.len() >= MAX_CACHED_LISTS {
                map.clear();
            }
            map.insert(key, compiled.clone());
        }
        f(&compiled)
    })
}

fn build(list: &[&str], kind: ListKind) -> Compiled {
    let mut patterns: Vec<String> = Vec::new();
    for p in list.iter().filter(|p| !p.is_empty()) {
        // Stems are matched within one word: a stem with a space never matched a word.
        if kind == ListKind::Stems && p.contains(|c: char| !(c.is_alphanumeric() || c == '\'')) {
            continue;
        }
        patterns.push(p.to_string());
        if p.contains('\'') {
            patterns.push(p.replace('\'', "’"));
        }
    }
    let quick = QuickTest::new(patterns.iter().map(String::as_str), true);
    // Behind a quick test the automaton runs on few sentences, so a DFA's faster search does
    // not pay for its slower build (a tenth of a first scan natively).
    let kind = quick.as_ref().map(|_| aho_corasick::AhoCorasickKind::ContiguousNFA);
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(kind)
        .build(&patterns)
        .expect("phrase lists build an automaton");
    Compiled { ac, quick }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(t: &str) -> Vec<RawSegment> {
        vec![RawSegment { heading: None, text: t.into() }]
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let long = "we collect your email address and phone number, and share them with partners, ".repeat(200);
        let segs = seg(&long);
        let got = split(&segs);
        assert!(got.len() > 5 && got.iter().all(|s| s.text.len() <= MAX_SENTENCE_BYTES), "{}", got.len());
        assert!(got[..got.len() - 1].iter().all(|s| s.text.ends_with(',')));
    }

    #[test]
    fn a_korean_sentence_ends_at_its_full_stop() {
        let segs = seg("개인정보를 판매하지 않습니다. 회사는 법령에 따라 보관합니다.");
        assert_eq!(split(&segs).len(), 2);
    }

    #[test]
    fn ideographic_stops_end_sentences() {
        let segs = seg("当社は個人情報を収集します。第三者に販売しません！質問は？ Then English.");
        let texts: Vec<&str> = split(&segs).iter().map(|s| s.text).collect();
        assert_eq!(texts, ["当社は個人情報を収集します。", "第三者に販売しません！", "質問は？", "Then English."]);
    }

    #[test]
    fn dandas_and_caseless_scripts_end_sentences() {
        let segs = seg("हम आपका डेटा एकत्र करते हैं। हम इसे नहीं बेचते। क्या आप सहमत हैं?");
        let texts: Vec<&str> = split(&segs).iter().map(|s| s.text).collect();
        assert_eq!(texts, ["हम आपका डेटा एकत्र करते हैं।", "हम इसे नहीं बेचते।", "क्या आप सहमत हैं?"]);
        // Arabic and Hebrew have no capitals: a letter after ". " starts a sentence.
        let segs = seg("نحن نجمع بياناتك. لا نبيع بياناتك؟ شكرا.");
        assert_eq!(split(&segs).len(), 3);
        let segs = seg("אנו אוספים מידע. איננו מוכרים מידע.");
        assert_eq!(split(&segs).len(), 2);
        let segs = seg("Մենք հավաքում ենք տվյալներ։ Մենք չենք վաճառում դրանք։");
        assert_eq!(split(&segs).len(), 2, "the Armenian full stop");
        let segs = seg("ჩვენ ვაგროვებთ მონაცემებს. ჩვენ არ ვყიდით მონაცემებს.");
        assert_eq!(split(&segs).len(), 2, "Georgian letters are lower-case to Unicode but start sentences");
    }

    #[test]
    fn thai_sentences_end_at_a_space_once_they_are_long_enough() {
        let first = "บริษัทฯ จะเก็บรวบรวมข้อมูลส่วนบุคคลของท่านเท่าที่จำเป็นตามวัตถุประสงค์ที่แจ้งไว้ในนโยบายนี้";
        let second = "ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านมีสิทธิขอเข้าถึงข้อมูลของท่าน";
        let segs = seg(&format!("{first} {second}"));
        let texts: Vec<&str> = split(&segs).iter().map(|s| s.text).collect();
        // "บริษัทฯ " is a shortened name, not an end; "พ.ศ. 2562" ends no sentence.
        assert_eq!(texts, [first, second]);
        let short = seg("เราไม่ขายข้อมูล และไม่เปิดเผยข้อมูล");
        assert_eq!(split(&short).len(), 1, "a short clause stays with its sentence");
        // "ถือว่า" ("is taken as") goes on with the sentence before it.
        let segs = seg(&format!("{first} ถือว่าท่านยินยอม"));
        let continuations = ["ถือว่า".to_string()];
        let thai = Stops { continuations: &continuations, ..Stops::default() };
        assert_eq!(split_with(&segs, thai).len(), 1);
        assert_eq!(split(&segs).len(), 2);
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let s = seg("We use e.g. cookies. Then we stop! Data from the U.S. Government is kept.\nA list item");
        let got: Vec<&str> = split(&s).iter().map(|x| x.text).collect();
        assert_eq!(got, vec!["We use e.g. cookies.", "Then we stop!", "Data from the U.S. Government is kept.", "A list item"]);
        let s = seg("We do not rely on the EU-U.S. Privacy Shield. We use clauses.");
        assert_eq!(split(&s).len(), 2);
    }

    #[test]
    fn a_language_may_have_ordinals_and_abbreviations_of_its_own() {
        let s = seg("Nach Art. 6 Abs. 1 lit. f DSGVO, bzw. ab dem 18. Lebensjahr. Danach nicht.");
        let abbreviations = ["abs".to_string(), "bzw".to_string()];
        let german = Stops { ordinals: true, abbreviations: &abbreviations, continuations: &[] };
        assert_eq!(split_with(&s, german).len(), 2);
        assert_eq!(split(&s).len(), 4, "English rules cut at 'Abs.' and '18.'");
    }

    #[test]
    fn evidence_uses_character_offsets() {
        let s = seg("Über uns. Wir sammeln Daten.");
        let sentences = split(&s);
        let e = evidence(&sentences[1]);
        assert_eq!((e.start, e.end), (10, 28));
        assert_eq!(e.quote, "Wir sammeln Daten.");
    }

    #[test]
    fn word_and_phrase_tests_ignore_case() {
        assert!(has_any("We COLLECT data", &["collect"]));
        assert!(has_any("We don’t share", &["don't"]));
        assert!(!has_any("recollection", &["collect"]));
        assert!(has_any("IDs cannot be deleted", &["no", "cannot"]), "a stem inside a word hides no other");
        assert!(contains_phrase("By Continuing To Use this site", &["by continuing to use"]));
        assert!(!contains_phrase("short", &["much longer phrase"]));
    }

    #[test]
    fn words_with_accents_never_split_a_character() {
        for s in
            ["Wir erheben Daten für Sie nicht", "Nous ne collectons pas vos données, jamais à aucun moment", "数据 不 收集 ü é ñ"]
        {
            for at in s.char_indices().map(|(i, _)| i) {
                verb_negated(s, at, &["collect", "erheb"]);
                clause_has(s, at, &["collect"]);
            }
        }
        assert!(verb_negated("We don’t collect your email", 20, &["collect"]));
    }

    #[test]
    fn negation_is_scoped_to_the_clause() {
        let verbs = ["collect", "store"];
        let s = "We do not collect your credit card number";
        assert!(verb_negated(s, s.find("credit").unwrap(), &verbs));
        let s = "We don't store personal information unless required; we collect your email";
        assert!(!verb_negated(s, s.find("email").unwrap(), &verbs));
        let s = "No personal information is collected.";
        assert!(verb_negated(s, 3, &verbs));
        let s = "We collect your name and email address.";
        assert!(!verb_negated(s, s.find("email").unwrap(), &verbs));
        let s = "If you no longer wish to use our service, you can delete your data.";
        assert!(!verb_negated(s, s.find("delete").unwrap(), &["delet"]), "'no longer' negates nothing later");
        let s = "We no longer collect your location.";
        assert!(verb_negated(s, s.find("location").unwrap(), &verbs));
    }
}
