//! Practices of a policy in a language privlens has a pack for (`crate::language_pack`): a
//! phrase counts where its sentence states collection, sharing, keeping or a right and no
//! negation in the phrase's own clause cancels it. Plainer than the English reader, which
//! knows many senses and exceptions; the pack's lists carry what the language needs.

mod reading;

use reading::{
    Lowered, clause, clause_has, has_negation, in_its_sense, lowered, negated, negated_outside, negation_between,
    purpose_negated, statement_negated,
};

use super::{Ctx, FindingSet, sharing};
use crate::knowledge::{Knowledge, Lexicon};
use crate::language_pack::{LanguagePack, SignalWords, fold, unit_days};
use crate::matcher::{PhraseMatch, PhraseMatcher};
use crate::report::{Changes, Children, Evidence, Finding, Retention, ThirdParty, Transfer};
use crate::sentences::in_url;

/// Data types that are contact details: the site's own, or a channel to it, are not collected.
const CONTACT_TYPES: &[&str] = &["name", "email", "phone", "postal_address", "communications"];
/// A list item is this short at most.
const LIST_ITEM_MAX_WORDS: usize = 12;
/// The generic recipient named by bare "third parties": a recipient only where its clause moves data.
const UNNAMED: &str = "third_parties";
/// How far, in bytes, around a number words may show it is an age or a deadline.
const PERIOD_CONTEXT_BEFORE: usize = 40;
const PERIOD_CONTEXT_AFTER: usize = 12;
/// A figure this large before a year unit is a year of the calendar.
const CALENDAR_YEARS_FROM: u32 = 1000;
/// How far before a number its leading word ("unter", "ab") is looked for.
const NUMBER_LEAD_BYTES: usize = 16;
const MAX_CHILDREN_EVIDENCE: usize = 3;
const MAX_CHANGES_EVIDENCE: usize = 3;
const MAX_TRANSFER_EVIDENCE: usize = 3;
/// How far around a recipient its source words are looked for.
const SOURCE_REACH_BYTES: usize = 32;

/// Whether the sentence states that data is collected, used or shared: its own verbs, or a
/// short list item under a lead-in or heading that does.
fn states_collection(ctx: &Ctx, pack: &LanguagePack, l: &Lowered) -> bool {
    let verbs = &pack.collect_verbs;
    if verbs.contains_any(l.text) || verbs.contains_any(l.heading) {
        return true;
    }
    crate::script::words(l.s.text) <= LIST_ITEM_MAX_WORDS && verbs.contains_any(&fold(ctx.lead_in(l.s)))
}

/// Data collected and purposes.
pub fn collected(ctx: &Ctx, pack: &LanguagePack) -> (Vec<Finding>, Vec<Finding>) {
    let (mut data, mut purposes) = (FindingSet::default(), FindingSet::default());
    for l in lowered(ctx) {
        let types = in_its_sense(pack, &pack.data_types, l.text);
        if !types.is_empty() && states_collection(ctx, pack, &l) {
            let contact_us = pack.contact_us.contains_any(l.text);
            for m in types {
                let id = pack.data_types.ids[m.entry].as_str();
                let not_readers =
                    CONTACT_TYPES.contains(&id) && (contact_us || clause_has(pack, &pack.not_readers, l.text, m.start));
                // "If we learn we hold a child's data, we delete it" collects no child's data.
                let deleted_child = id == "children_data" && erases(pack, l.text);
                if !in_url(l.text, m.start) && !not_readers && !deleted_child && !negated(pack, l.text, m.start) {
                    data.add(id, ctx.evidence(l.s));
                }
            }
        }
        for m in in_its_sense(pack, &pack.purposes, l.text) {
            if !purpose_negated(pack, l.text, m.start) {
                purposes.add(&pack.purposes.ids[m.entry], ctx.evidence(l.s));
            }
        }
    }
    (data.into_vec(), purposes.into_vec())
}

/// Whether the sentence speaks of erasing data (the erasure right's words: "löschen", "削除").
fn erases(pack: &LanguagePack, text: &str) -> bool {
    pack.rights.matcher.find_all(text).iter().any(|m| pack.rights.ids[m.entry] == "erasure")
}

/// The reader's rights: a right's phrase where the sentence, its lead-in or its heading
/// gives the reader something to do or have.
pub fn rights(ctx: &Ctx, pack: &LanguagePack) -> Vec<Finding> {
    let mut rights = FindingSet::default();
    for l in lowered(ctx) {
        let found = in_its_sense(pack, &pack.rights, l.text);
        if found.is_empty() {
            continue;
        }
        let cued = |t: &str| pack.right_cues.contains_any(t);
        if !(cued(l.text) || cued(&fold(ctx.lead_in(l.s))) || cued(l.heading)) {
            continue;
        }
        for m in found {
            let id = &pack.rights.ids[m.entry];
            let needs_met = pack.right_needs.get(id).is_none_or(|needs| needs.contains_any(l.text));
            if needs_met && !negated_outside(pack, l.text, m.start, m.end) {
                rights.add(id, ctx.evidence(l.s));
            }
        }
    }
    rights.into_vec()
}

/// Retention periods in days, and whether data is kept for as long as a purpose lasts.
pub fn retention(ctx: &Ctx, pack: &LanguagePack) -> Vec<Retention> {
    let words = &pack.retention;
    let mut out: Vec<Retention> = Vec::new();
    for l in lowered(ctx) {
        // A list item under "保存期間は以下のとおりです：" is about keeping too.
        let about_keeping = |t: &str| words.cues.contains_any(t);
        if !about_keeping(l.text) && !about_keeping(l.heading) && !about_keeping(&fold(ctx.lead_in(l.s))) {
            continue;
        }
        let mut timed = false;
        for u in words.units.matcher.find_all(l.text) {
            let unit = &words.units.ids[u.entry];
            let days = if unit.contains(':') {
                counted_unit_days(pack, l.text, u.start, u.end, unit)
            } else {
                period_days(pack, l.text, u.start, unit)
            };
            let Some(days) = days else { continue };
            timed = true;
            if !out.iter().any(|r| r.days == Some(days)) {
                out.push(Retention { days: Some(days), indefinite: false, evidence: ctx.evidence(l.s) });
            }
        }
        if !timed && words.indefinite.contains_any(l.text) && !out.iter().any(|r| r.indefinite) {
            out.push(Retention { days: None, indefinite: true, evidence: ctx.evidence(l.s) });
        }
    }
    out
}

/// Days in the period whose unit starts at byte `unit_at`: the number just before it ("30",
/// "sechs", "two (2)"), unless words around it make it an age or a deadline.
fn period_days(pack: &LanguagePack, text: &str, unit_at: usize, unit: &str) -> Option<u32> {
    let before = &text[..unit_at];
    let mut words = before.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !crate::script::is_word_char(c)));
    let mut word = glued_number(pack, words.next()?);
    // "zwei (2) Jahre": the figure in brackets repeats the number before it.
    if word.chars().all(|c| c.is_ascii_digit()) && before.trim_end().ends_with(')') {
        word = words.next().filter(|w| pack.retention.numbers.contains_key(*w)).unwrap_or(word);
    }
    let n: u32 = word.parse().ok().or_else(|| pack.retention.numbers.get(word).copied())?;
    // "2024年4月1日": a calendar year, not two thousand years.
    if unit == "year" && n >= CALENDAR_YEARS_FROM {
        return None;
    }
    let number_at = before.rfind(word).unwrap_or(unit_at);
    if age_or_deadline(pack, text, number_at, unit_at + unit.len()) {
        return None;
    }
    let days = (f64::from(n) * unit_days(unit)?).ceil();
    Some(days.clamp(1.0, f64::from(u32::MAX)) as u32)
}

/// Days in a unit word that carries its count ("לשנתיים", for two years), unless the words
/// around it make it an age or a deadline.
fn counted_unit_days(pack: &LanguagePack, text: &str, unit_at: usize, unit_end: usize, unit: &str) -> Option<u32> {
    if age_or_deadline(pack, text, unit_at, unit_end) {
        return None;
    }
    Some(unit_days(unit)?.ceil() as u32)
}

/// Whether the period from byte `at` (its number, or a unit that carries its count) to `end`
/// is an age ("unter 16 Jahren": an age word right before it) or a deadline (a `not_periods`
/// word nearby), not a time data is kept.
fn age_or_deadline(pack: &LanguagePack, text: &str, at: usize, end: usize) -> bool {
    let from = word_start(text, floor_char(text, at.saturating_sub(PERIOD_CONTEXT_BEFORE)));
    let to = word_end(text, floor_char(text, (end + PERIOD_CONTEXT_AFTER).min(text.len())));
    let just_before = crate::sentences::tail(&text[..at], NUMBER_LEAD_BYTES);
    let age =
        pack.retention.not_before_number.find_all(just_before).last().is_some_and(|m| just_before[m.end..].trim().is_empty());
    age || pack.retention.not_periods.contains_any(&text[from..to])
}

/// The number at the end of a word of Chinese or Japanese, written without a space before the
/// unit ("保存期間は30" before "日", "三" before "年"); other words as they are.
fn glued_number<'w>(pack: &LanguagePack, word: &'w str) -> &'w str {
    if !word.chars().any(crate::script::is_unspaced) {
        return word;
    }
    let before_digits = word.trim_end_matches(|c: char| c.is_ascii_digit());
    if before_digits.len() < word.len() {
        return &word[before_digits.len()..];
    }
    let longest = pack.retention.numbers.keys().filter(|n| word.ends_with(n.as_str())).max_by_key(|n| n.len());
    longest.map_or(word, |n| &word[word.len() - n.len()..])
}

/// Where the word around byte `at` starts: a window cut inside "분쟁처리에" must not read
/// "처리에" as a word of its own.
fn word_start(text: &str, at: usize) -> usize {
    text[..at]
        .rfind(|c: char| !crate::script::is_word_char(c) || crate::script::is_unspaced(c))
        .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8))
}

/// Where the word around byte `at` ends.
fn word_end(text: &str, at: usize) -> usize {
    text[at..].find(|c: char| !crate::script::is_word_char(c) || crate::script::is_unspaced(c)).map_or(text.len(), |p| at + p)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Named organisations and generic recipients, where the sentence has data moving or a
/// service running and no negation in the name's clause.
pub fn third_parties(ctx: &Ctx, k: &Knowledge, pack: &LanguagePack) -> Vec<ThirdParty> {
    let mut out = Vec::new();
    for l in lowered(ctx) {
        let named = ctx.find_all(&k.party_matcher, l.s);
        let generic = pack.recipients.matcher.find_all(l.text);
        if named.is_empty() && generic.is_empty() {
            continue;
        }
        // A list item under "Empfänger können sein:" or a heading of recipients moves data too.
        let moves = |t: &str| pack.share_verbs.contains_any(t);
        if !moves(l.text) && !moves(&fold(ctx.lead_in(l.s))) && !moves(l.heading) {
            continue;
        }
        let senses = pack.other_senses.find_all(l.text);
        // A regulator named as where to complain receives nothing from the site.
        let complaint = pack.rights.matcher.find_all(l.text).iter().any(|r| pack.rights.ids[r.entry] == "complaint_authority");
        for m in named {
            let p = &k.parties[m.entry];
            // "Adobe Flash Player": the company's product named, not the company given data.
            let its_product = p.non_recipient_cues.iter().any(|c| l.text.contains(c.as_str()));
            let at = l.at(m.start);
            let other_sense = senses.iter().any(|o| o.start <= at && at < o.end) || (complaint && p.category == "authorities");
            if !in_url(l.s.text, m.start) && !its_product && !other_sense && !negated(pack, l.text, at) {
                sharing::add(&mut out, &p.name, &p.category, None, ctx.evidence(l.s));
            }
        }
        for m in generic.into_iter().filter(|m| !senses.iter().any(|o| o.start <= m.start && m.end <= o.end)) {
            let id = &pack.recipients.ids[m.entry];
            let moved = (id != UNNAMED || clause_has(pack, &pack.share_verbs, l.text, m.start)) && !a_source(pack, l.text, &m);
            if !moved || negated(pack, l.text, m.start) {
                continue;
            }
            // One phrase may name two kinds at once ("analytics and advertising partners"): its
            // id joins theirs with "+".
            for r in id.split('+').filter_map(|part| k.recipients.iter().find(|r| r.id == part)) {
                sharing::add(&mut out, &r.name, &r.category, Some(&r.id), ctx.evidence(l.s));
            }
        }
    }
    out
}

/// The youngest age the policy allows, from a sentence about children (or under a heading about
/// them): a number from 8 to 21
/// with an age word just before or after it ("unter 16 Jahren", "moins de 15 ans").
pub fn children(ctx: &Ctx, pack: &LanguagePack) -> Option<Children> {
    let words = &pack.children;
    let mut found: Option<Children> = None;
    for l in lowered(ctx) {
        // Under a heading "Barn" or "Kinder", "Du må være minst 13 år" is about children too.
        if !words.words.contains_any(l.text) && !words.words.contains_any(l.heading) {
            continue;
        }
        let entry = found.get_or_insert(Children { min_age: None, evidence: Vec::new() });
        if entry.min_age.is_none() {
            entry.min_age = stated_age(pack, l.text);
        }
        if entry.evidence.len() < MAX_CHILDREN_EVIDENCE {
            entry.evidence.push(ctx.evidence(l.s));
        }
    }
    found
}

fn stated_age(pack: &LanguagePack, text: &str) -> Option<u32> {
    let words = &pack.children;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // (An ASCII digit byte is never inside a longer character: `i` is a boundary there.)
        let starts_number = bytes[i].is_ascii_digit()
            && text[..i].chars().next_back().is_none_or(|c| !crate::script::is_word_char(c) || crate::script::is_unspaced(c));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let Some(age) = text[start..i].parse::<u32>().ok().filter(|a| (8..=21).contains(a)) else { continue };
        let (before, after) = (crate::sentences::tail(&text[..start], 24), crate::sentences::head(&text[i..], 24));
        let ends_before = words.age_before.find_all(before).last().is_some_and(|m| before[m.end..].trim().is_empty());
        let starts_after =
            words.age_after.find_all(after).first().is_some_and(|m| after[..m.start].trim_matches(['.', ' ']).is_empty());
        if ends_before || starts_after {
            return Some(age);
        }
    }
    None
}

/// How changes to the policy are announced, and whether using the site on counts as accepting them.
pub fn changes(ctx: &Ctx, pack: &LanguagePack) -> Changes {
    let words = &pack.changes;
    let mut out = Changes::default();
    let mut notice = FindingSet::default();
    for l in lowered(ctx) {
        if !words.cues.contains_any(l.text) && !words.cues.contains_any(l.heading) {
            continue;
        }
        let mut said = |id: &str, matcher: &PhraseMatcher| {
            let found = matcher.find_all(l.text);
            let kept = found.iter().any(|m| !negated(pack, l.text, m.start));
            if kept {
                notice.add(id, ctx.evidence(l.s));
            }
            kept
        };
        let by_email = said("notice_by_email", &words.notice_by_email);
        let on_site =
            said("notice_on_site", &words.notice_on_site) || (!by_email && said("notice_on_site", &words.notice_promised));
        let posted = !by_email && !on_site && said("posted_only", &words.posted_only);
        let accepts = words.continued_use.contains_any(l.text) && words.accept_words.contains_any(l.text);
        out.continued_use_is_acceptance |= accepts;
        if (by_email || on_site || posted || accepts) && out.evidence.len() < MAX_CHANGES_EVIDENCE {
            out.evidence.push(ctx.evidence(l.s));
        }
    }
    // A notice by e-mail or on the site, said anywhere, outdoes "the current version is posted here".
    let notices: Vec<String> = notice.into_vec().into_iter().map(|f| f.id).collect();
    let active = notices.iter().any(|id| id != "posted_only");
    out.notice = notices.into_iter().filter(|id| !(active && id == "posted_only")).collect();
    out
}

/// Fewer words than this make a heading or a label, not a statement...
const FULL_SENTENCE_WORDS: usize = 6;
/// ...unless they end with a full stop: "Vi säljer aldrig dina personuppgifter."
const SHORT_STATEMENT_WORDS: usize = 3;
/// Quotes kept per worded signal.
const MAX_SIGNAL_EVIDENCE: usize = 2;

/// The signals the pack's wording raises (`sells_data`, `opt_in_marketing`...), each with up to
/// two quotes, in the pack's order. A statement raises a signal where one of its cues stands in
/// it with no negation in its clause but the cue's own ("verlassen Ihr Gerät nicht"), or none
/// before the cue where the pack says so (negated, the cue raises its `negated` signal if it
/// names one), every group of `needs` has a phrase in it or its heading (in the cue's clause,
/// where the pack says so) and no phrase of `not` is in it. A statement anywhere with a phrase
/// of `cancelled_by` that meets the needs takes the signal back.
/// Headings and questions state nothing.
pub fn worded_signals(ctx: &Ctx, pack: &LanguagePack) -> Vec<(String, Vec<Evidence>)> {
    let mut out: Vec<(String, Vec<Evidence>)> = Vec::new();
    let mut cancelled: Vec<&str> = Vec::new();
    for l in lowered(ctx) {
        cancelled.extend(cancellations(pack, &l));
        if !is_statement(l.s.text) {
            continue;
        }
        let cues = pack.signal_cues.find_all(l.text);
        for (i, words) in pack.signals.iter().enumerate() {
            // Every cue has its say: "データ販売事業者を通じて...販売しています" is ruled out at its
            // first "販売" (a kind of business), not at its second.
            let own: Vec<&PhraseMatch> = cues.iter().filter(|c| c.entry == i).collect();
            let raised = own.iter().find_map(|cue| signal_stated(pack, words, &l, cue, &own));
            if let Some(id) = raised {
                add_quote(&mut out, id, ctx.evidence(l.s));
            }
        }
    }
    out.retain(|(id, _)| !cancelled.contains(&id.as_str()));
    out
}

/// Headings, labels and questions state nothing.
fn is_statement(text: &str) -> bool {
    let (words, end) = (crate::script::words(text), text.trim_end());
    !end.ends_with(['?', '？', '؟'])
        && (words >= FULL_SENTENCE_WORDS || (words >= SHORT_STATEMENT_WORDS && end.ends_with(['.', '!', '。', '！', '।'])))
}

/// The signals a sentence takes back ("existing customers get offers on our legitimate
/// interest": no opt-in for them): a `cancelled_by` phrase beside the signal's needs, in a
/// sentence that denies nothing ("Même si vous êtes déjà abonné, vous ne recevrez pas d'offres
/// sans votre accord" keeps the opt-in).
fn cancellations<'p>(pack: &'p LanguagePack, l: &Lowered) -> Vec<&'p str> {
    let cancelling: Vec<&SignalWords> =
        pack.signals.iter().filter(|w| !w.cancelled_by.is_empty() && w.cancelled_by.contains_any(l.text)).collect();
    if cancelling.is_empty() || has_negation(pack, l.text) {
        return Vec::new();
    }
    cancelling
        .into_iter()
        .filter(|w| w.needs.iter().all(|group| group.contains_any(l.text) || group.contains_any(l.heading)))
        .map(|w| w.id.as_str())
        .collect()
}

/// The signal the sentence states with `cue`, if its needs are met and nothing rules it out:
/// the signal itself, or its `negated` one where the cue is negated.
fn signal_stated<'p>(
    pack: &'p LanguagePack,
    words: &'p SignalWords,
    l: &Lowered,
    cue: &PhraseMatch,
    all_cues: &[&PhraseMatch],
) -> Option<&'p str> {
    // A need is met in the cue's clause where the pack says so, else in the sentence or its
    // heading ("Newsletter" above "Wir nutzen das Double-Opt-in-Verfahren").
    let met = |group: &PhraseMatcher| match words.needs_in_clause {
        true => {
            let (cs, ce) = clause(pack, l.text, cue.start);
            group.contains_any(&l.text[cs..ce])
        }
        false => group.contains_any(l.text) || group.contains_any(l.heading),
    };
    if !words.needs.iter().all(met) {
        return None;
    }
    let negated = statement_negated(pack, l.text, cue.start, cue.end, words.negation_before_only);
    if ruled_out(pack, words, l.text, cue, all_cues, negated) {
        return None;
    }
    if negated { words.negated.as_deref() } else { Some(words.id.as_str()) }
}

/// Whether a phrase of the signal's `not` rules the statement out: one up to the end of the
/// cue's clause (a later clause, "..., som ønsker at markedsføre deres produkter", speaks of
/// something else) and not holding another of the signal's cues (it is that cue's other sense),
/// unless a negation after the (unnegated) cue, in the phrase's clause, denies it: "när de
/// begär det, även när vi inte är skyldiga enligt lag" is disclosure beyond the law, "på vår
/// egen server och lämnas inte ut till tredje part" and "外部の解析事業者に送信されることはありません"
/// still self-hosted.
fn ruled_out(
    pack: &LanguagePack,
    words: &SignalWords,
    text: &str,
    cue: &PhraseMatch,
    all_cues: &[&PhraseMatch],
    cue_negated: bool,
) -> bool {
    let cue_clause = clause(pack, text, cue.start);
    let another_cue = |m: &PhraseMatch| all_cues.iter().any(|c| c.start != cue.start && c.start < m.end && m.start < c.end);
    // A phrase inside the cue itself was written into it ("nie je nikdy vopred zaškrtnuté").
    let in_cue = |m: &PhraseMatch| cue.start <= m.start && m.end <= cue.end;
    words.not.find_all(text).iter().filter(|m| m.start < cue_clause.1 && !another_cue(m) && !in_cue(m)).any(|m| {
        // A phrase before the cue may be denied anywhere in its own clause ("Wir nutzen nicht
        // Google Analytics, sondern..."); one after it, between the cue and its clause's end.
        let (from, to) = clause(pack, text, m.start);
        let own_clause = (from, to) == cue_clause;
        let from = if m.start >= cue.end { from.max(cue.end) } else { from };
        let overlaps_cue = m.start < cue.end && cue.start < m.end;
        // A negated cue keeps a denied phrase of another clause: "Data Anda bukan barang
        // dagangan: kami tidak menjualnya" is still no sale.
        (cue_negated && own_clause) || overlaps_cue || !negation_between(pack, text, from, to)
    })
}

/// Whether the pack reads `sentence` as analytics run on the site's own servers ("Matomo,
/// installiert auf unseren eigenen Servern"): the tool named there tracks for no one else.
pub fn says_self_hosted(pack: &LanguagePack, sentence: &str) -> bool {
    let text = fold(sentence);
    let Some(i) = pack.signals.iter().position(|w| w.id == "self_hosted_analytics") else { return false };
    pack.signal_cues.find_all(&text).iter().any(|c| c.entry == i)
}

fn add_quote(out: &mut Vec<(String, Vec<Evidence>)>, id: &str, quote: Evidence) {
    match out.iter_mut().find(|(known, _)| known == id) {
        Some((_, quotes)) if quotes.len() < MAX_SIGNAL_EVIDENCE => quotes.push(quote),
        Some(_) => {}
        None => out.push((id.to_string(), vec![quote])),
    }
}

/// Whether the recipient phrase `m` names where data comes from: a source word right before it
/// or right after it (past a comma).
fn a_source(pack: &LanguagePack, text: &str, m: &PhraseMatch) -> bool {
    let before = crate::sentences::tail(&text[..m.start], SOURCE_REACH_BYTES);
    let after = crate::sentences::head(&text[m.end..], SOURCE_REACH_BYTES);
    pack.source_before.find_all(before).last().is_some_and(|s| before[s.end..].trim().is_empty())
        || pack.source_after.find_all(after).first().is_some_and(|s| after[..s.start].trim_matches([' ', ',']).is_empty())
}

/// Findings of a simple lexicon: each phrase in its sense ("verschlüsselte IP-Adresse" is
/// anonymised, not protected) and not negated in its clause.
fn plain_findings(ctx: &Ctx, pack: &LanguagePack, lexicon: &Lexicon) -> Vec<Finding> {
    let mut set = FindingSet::default();
    for l in lowered(ctx) {
        for m in in_its_sense(pack, lexicon, l.text) {
            if !in_url(l.text, m.start) && !negated(pack, l.text, m.start) {
                set.add(&lexicon.ids[m.entry], ctx.evidence(l.s));
            }
        }
    }
    set.into_vec()
}

/// Security measures the pack finds, added to those the shared lexicon found.
pub fn add_security(ctx: &Ctx, pack: &LanguagePack, found: &mut Vec<Finding>) {
    add_missing(found, plain_findings(ctx, pack, &pack.security));
}

/// Transfer mechanisms as the pack reads them, and countries or regions named where data goes
/// abroad (with up to three quotes), added to what the shared lexicons found.
pub fn add_transfer(ctx: &Ctx, pack: &LanguagePack, transfer: &mut Transfer) {
    // The pack names every mechanism it knows, English names included, and reads its own
    // negations: "Wij maken geen gebruik van het Privacy Shield" relies on nothing.
    transfer.mechanisms.retain(|m| !pack.transfer_mechanisms.ids.contains(&m.id));
    add_missing(&mut transfer.mechanisms, plain_findings(ctx, pack, &pack.transfer_mechanisms));
    for l in lowered(ctx) {
        let named = pack.regions.matcher.find_all(l.text);
        // "Nie przekazujemy Twoich danych do państw trzecich, takich jak Stany Zjednoczone"
        // moves nothing there.
        let moves = |c: &PhraseMatch| !statement_negated(pack, l.text, c.start, c.end, false);
        if named.is_empty() || !pack.transfer_cues.find_all(l.text).iter().any(moves) {
            continue;
        }
        for m in named {
            let region = &pack.regions.ids[m.entry];
            if !transfer.regions.contains(region) {
                transfer.regions.push(region.clone());
            }
        }
        let quote = ctx.evidence(l.s);
        if transfer.evidence.len() < MAX_TRANSFER_EVIDENCE && !transfer.evidence.contains(&quote) {
            transfer.evidence.push(quote);
        }
    }
}

/// Findings of `more` whose ids `found` lacks, added to it.
fn add_missing(found: &mut Vec<Finding>, more: Vec<Finding>) {
    for f in more {
        if !found.iter().any(|x| x.id == f.id) {
            found.push(f);
        }
    }
}

#[cfg(test)]
mod tests;
