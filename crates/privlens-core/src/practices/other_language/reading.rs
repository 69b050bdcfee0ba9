//! How a pack reads a sentence: lower-cased with straight apostrophes, cut into clauses at the
//! pack's breaks, a negation counting only in the clause of what it negates.

use crate::knowledge::Lexicon;
use crate::language_pack::{LanguagePack, fold};
use crate::matcher::{PhraseMatch, PhraseMatcher};
use crate::practices::Ctx;
use crate::sentences::Sentence;

/// The clause of the lower-cased `text` around byte `at`, by the pack's clause breaks. Brackets
/// end a clause only for what stands inside them: a clause reads on across a bracketed list
/// ("adatokat (név, e-mail-cím, ...) ellenérték fejében átadja").
pub(super) fn clause(pack: &LanguagePack, text: &str, at: usize) -> (usize, usize) {
    let inside = bracket_around(text, at);
    let (mut start, mut end) = (0, text.len());
    for b in pack.clause_breaks.find_overlapping_iter(text) {
        let bracket = is_bracket(&text[b.start()..b.end()]);
        if bracket && inside.is_none_or(|(open, close)| b.start() != open && b.start() != close) {
            continue;
        }
        if b.end() <= at {
            start = start.max(b.end());
        } else if b.start() >= at {
            end = end.min(b.start());
        }
    }
    (start, end)
}

fn is_bracket(s: &str) -> bool {
    matches!(s, "(" | ")" | "（" | "）")
}

/// The byte offsets of the opening and closing brackets around `at`, if it stands inside a pair.
fn bracket_around(text: &str, at: usize) -> Option<(usize, usize)> {
    // Callers may point inside a character (an offset computed on the text before lower-casing).
    let at = super::floor_char(text, at.min(text.len()));
    let before = &text[..at];
    let open = before.rfind(['(', '（'])?;
    if before[open..].contains([')', '）']) {
        return None;
    }
    let close = text[at..].find([')', '）'])? + at;
    Some((open, close))
}

/// Whether a negation stands in the clause of byte `at`, outside the phrases that negate nothing.
pub(super) fn negated(pack: &LanguagePack, text: &str, at: usize) -> bool {
    negated_outside(pack, text, at, at)
}

/// Whether a negation stands in the clause of the phrase at `start..end`, outside the phrase
/// itself ("ne souhaitez plus recevoir" is an opt-out, not a negated one) and outside the
/// phrases that negate nothing.
pub(super) fn negated_outside(pack: &LanguagePack, text: &str, start: usize, end: usize) -> bool {
    let (cs, ce) = clause(pack, text, start);
    negation_in(pack, text, cs, ce, start, end)
}

/// Whether a statement's cue at `start..end` is negated: in its clause, but not before a
/// coordinating word ("und", "et") that starts a new statement before the cue ("Wir verkaufen
/// deine Daten nicht, und Newsletter gibt es nur mit Einwilligung"); with `before_only`, only
/// a negation before the cue counts.
pub(super) fn statement_negated(pack: &LanguagePack, text: &str, start: usize, end: usize, before_only: bool) -> bool {
    let (cs, ce) = clause(pack, text, start);
    let coordinated = pack.coordinators.find_all(&text[cs..start]).last().map_or(cs, |m| cs + m.end);
    negation_in(pack, text, coordinated, if before_only { start } else { ce }, start, end)
}

/// Whether a negation stands in `text[from..to]`, outside the phrases that negate nothing.
pub(super) fn negation_between(pack: &LanguagePack, text: &str, from: usize, to: usize) -> bool {
    from < to && negation_in(pack, text, from, to, 0, 0)
}

/// Whether a negation stands anywhere in `text`, outside the phrases that negate nothing.
pub(super) fn has_negation(pack: &LanguagePack, text: &str) -> bool {
    negation_in(pack, text, 0, text.len(), 0, 0)
}

/// Whether a negation stands in `text[cs..ce]` outside the phrase at `start..end` and outside
/// the phrases that negate nothing.
fn negation_in(pack: &LanguagePack, text: &str, cs: usize, ce: usize, start: usize, end: usize) -> bool {
    let c = &text[cs..ce];
    let negations = pack.negations.find_all(c);
    if negations.is_empty() {
        return false;
    }
    let exempt = pack.not_negations.find_all(c);
    let inside_phrase = |n: &PhraseMatch| cs + n.start >= start && cs + n.end <= end;
    // A bracketed aside the phrase is not in says nothing of it ("パスワード（...知ることはできません）").
    // (Callers asking about a stretch of text rather than a phrase pass 0..0.)
    let about_phrase = end > 0;
    let aside = |n: &PhraseMatch| about_phrase && in_other_brackets(c, n.start, start.saturating_sub(cs));
    negations.iter().any(|n| !inside_phrase(n) && !aside(n) && !exempt.iter().any(|e| e.start <= n.start && n.end <= e.end))
}

/// Whether byte `at` of `clause` stands inside a bracket pair that `phrase_at` is not in.
fn in_other_brackets(clause: &str, at: usize, phrase_at: usize) -> bool {
    let pair = bracket_around(clause, at);
    pair.is_some_and(|(open, close)| !(open < phrase_at && phrase_at <= close))
}

/// Whether a purpose at byte `at` is negated: in its clause, or in the clause its own is tied
/// to ("Wir verwenden weder ... noch ..., um dir Werbung anzuzeigen").
pub(super) fn purpose_negated(pack: &LanguagePack, text: &str, at: usize) -> bool {
    if negated(pack, text, at) {
        return true;
    }
    let (cs, _) = clause(pack, text, at);
    let before = &text[..cs];
    pack.purpose_links
        .iter()
        .any(|link| before.ends_with(link.as_str()) && cs > link.len() && negated(pack, text, cs - link.len() - 1))
}

pub(super) fn clause_has(pack: &LanguagePack, matcher: &PhraseMatcher, text: &str, at: usize) -> bool {
    let (cs, ce) = clause(pack, text, at);
    matcher.contains_any(&text[cs..ce])
}

/// A sentence as a pack reads it, folded once, with its segment's heading folded once too.
pub(super) struct Lowered<'c, 's> {
    pub(super) s: &'c Sentence<'s>,
    pub(super) text: &'c str,
    pub(super) heading: &'c str,
}

impl Lowered<'_, '_> {
    /// Byte `at` of the original sentence, in the lower-cased text (lower-casing may change
    /// a character's length: "ẞ" becomes "ß").
    pub(super) fn at(&self, at: usize) -> usize {
        if self.text.len() == self.s.text.len() { at } else { fold(&self.s.text[..at]).len() }
    }
}

pub(super) fn lowered<'c, 's>(ctx: &'c Ctx<'s>) -> impl Iterator<Item = Lowered<'c, 's>> {
    let folded = ctx.folded();
    ctx.sentences.iter().zip(&folded.sentences).map(|(s, text)| Lowered { s, text, heading: &folded.headings[s.segment] })
}

/// The phrases of `lexicon` in `text`, but those inside a phrase of another sense
/// ("berechtigte Interessen", "Cookie-Löschung").
pub(super) fn in_its_sense(pack: &LanguagePack, lexicon: &Lexicon, text: &str) -> Vec<PhraseMatch> {
    let mut found = lexicon.matcher.find_all(text);
    if !found.is_empty() {
        let senses = pack.other_senses.find_all(text);
        found.retain(|m| !senses.iter().any(|o| o.start <= m.start && m.end <= o.end));
    }
    found
}
