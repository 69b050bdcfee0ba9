//! Language packs: the words privlens reads a policy's practices with when the policy is not
//! in English (`data/language_packs/<tag>.json`, one file per language). The English reader
//! knows many senses and exceptions; a pack is simpler: phrases per practice id, the verbs
//! that state collection or sharing, the negations and where a clause ends.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use crate::knowledge::{LANGUAGE_PACKS, Lexicon};
use crate::matcher::PhraseMatcher;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    language: String,
    name: String,
    negations: Vec<String>,
    not_negations: Vec<String>,
    clause_breaks: Vec<String>,
    #[serde(default)]
    purpose_links: Vec<String>,
    #[serde(default)]
    ordinal_numbers: bool,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    sentence_continuations: Vec<String>,
    collect_verbs: Vec<String>,
    share_verbs: Vec<String>,
    contact_us: Vec<String>,
    not_readers: Vec<String>,
    #[serde(default)]
    other_senses: Vec<String>,
    data_types: BTreeMap<String, Vec<String>>,
    purposes: BTreeMap<String, Vec<String>>,
    rights: BTreeMap<String, Vec<String>>,
    /// Rights whose phrases count only beside one of these words ("Widerruf" is consent's
    /// only next to "Einwilligung": alone it is a buyer's right to cancel a purchase).
    #[serde(default)]
    right_needs: BTreeMap<String, Vec<String>>,
    right_cues: Vec<String>,
    recipients: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    source_before: Vec<String>,
    #[serde(default)]
    source_after: Vec<String>,
    retention: RetentionFile,
    security: BTreeMap<String, Vec<String>>,
    transfer_mechanisms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    transfer_cues: Vec<String>,
    #[serde(default)]
    regions: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    children: ChildrenFile,
    #[serde(default)]
    changes: ChangesFile,
    #[serde(default)]
    signals: BTreeMap<String, SignalFile>,
    #[serde(default)]
    contacts: ContactsFile,
    #[serde(default)]
    coordinators: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ContactsFile {
    address_cues: Vec<String>,
    web_forms: Vec<String>,
    phone_cues: Vec<String>,
    regulators: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalFile {
    cues: Vec<String>,
    #[serde(default)]
    needs: Vec<Vec<String>>,
    #[serde(default)]
    not: Vec<String>,
    #[serde(default)]
    negated: Option<String>,
    #[serde(default)]
    negation_before_only: bool,
    #[serde(default)]
    needs_in_clause: bool,
    #[serde(default)]
    cancelled_by: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ChangesFile {
    cues: Vec<String>,
    notice_by_email: Vec<String>,
    notice_on_site: Vec<String>,
    notice_promised: Vec<String>,
    posted_only: Vec<String>,
    continued_use: Vec<String>,
    accept_words: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ChildrenFile {
    words: Vec<String>,
    age_before: Vec<String>,
    age_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetentionFile {
    cues: Vec<String>,
    units: BTreeMap<String, Vec<String>>,
    numbers: BTreeMap<String, u32>,
    not_periods: Vec<String>,
    #[serde(default)]
    not_before_number: Vec<String>,
    indefinite: Vec<String>,
}

/// A language pack, its phrase lists compiled into matchers. Every phrase is lower-case and
/// is matched against lower-cased text, whole words, `*` marking a word prefix.
pub struct LanguagePack {
    pub language: String,
    /// The language's name in English ("German").
    pub name: String,
    pub negations: PhraseMatcher,
    /// Phrases holding a negation that negate nothing ("nicht nur", "non seulement").
    pub not_negations: PhraseMatcher,
    /// Where a clause ends: a negation beyond it belongs to another clause. One automaton
    /// finds them all in a sentence at once.
    pub clause_breaks: AhoCorasick,
    /// Whether "18." is an ordinal that ends no sentence ("ab dem 18. Lebensjahr").
    pub ordinal_numbers: bool,
    /// Abbreviations whose stop ends no sentence (lower-case, without the stop: "abs", "bzw").
    pub abbreviations: Vec<String>,
    /// Words that go on with the sentence before them, in a language that ends sentences with a
    /// space (Thai "และ", "ถือว่า"): no sentence ends right before one.
    pub sentence_continuations: Vec<String>,
    /// Clause breaks that tie a purpose to the clause before ("..., um dir Werbung zu
    /// zeigen"): a negation there negates the purpose too.
    pub purpose_links: Vec<String>,
    pub collect_verbs: PhraseMatcher,
    pub share_verbs: PhraseMatcher,
    /// The reader writing to the site: an address there is a channel, not data collected.
    pub contact_us: PhraseMatcher,
    /// The site's or its officer's own name and address, not the reader's.
    pub not_readers: PhraseMatcher,
    /// Phrases in which a data word means something else ("berechtigte Interessen", a
    /// legal basis, not the reader's interests).
    pub other_senses: PhraseMatcher,
    pub data_types: Lexicon,
    pub purposes: Lexicon,
    pub rights: Lexicon,
    pub right_needs: BTreeMap<String, PhraseMatcher>,
    pub right_cues: PhraseMatcher,
    /// Generic recipients, by the ids of `data/recipients.json`.
    pub recipients: Lexicon,
    /// Words right before a recipient ("von Dritten", "provenant de") or right after it
    /// ("Marketingpartner, die uns Daten bereitstellen") that make it where data comes from.
    pub source_before: PhraseMatcher,
    pub source_after: PhraseMatcher,
    pub retention: RetentionWords,
    pub security: Lexicon,
    pub transfer_mechanisms: Lexicon,
    /// Words of data going abroad ("Drittland", "übermittelt").
    pub transfer_cues: PhraseMatcher,
    /// Countries and regions, by the names of `data/lexicon/regions.json`.
    pub regions: Lexicon,
    pub children: ChildrenWords,
    pub changes: ChangesWords,
    /// The signals that rest on wording ("wir verkaufen Ihre Daten nicht"), by signal id.
    pub signals: Vec<SignalWords>,
    pub contacts: ContactWords,
    /// Words joining two statements ("und", "et"): a negation before one negates nothing after
    /// it, when the pack reads signals.
    pub coordinators: PhraseMatcher,
    /// Every signal's cues in one matcher, each cue's entry the index of its signal in
    /// `signals`: one pass over a sentence finds them all.
    pub signal_cues: PhraseMatcher,
}

/// The words of one signal: a sentence raises it where a cue stands un-negated in its clause,
/// every group of `needs` has a phrase in the sentence and no phrase of `not` is in it.
pub struct SignalWords {
    pub id: String,
    pub needs: Vec<PhraseMatcher>,
    pub not: PhraseMatcher,
    /// The signal a negated cue raises instead (`sells_data` negated is `no_sale`).
    pub negated: Option<String>,
    /// Only a negation before the cue cancels it: for signals whose statements go on to deny
    /// something ("anonym ausgewertet, sodass keine Rückschlüsse möglich sind").
    pub negation_before_only: bool,
    /// `needs` must be met in the cue's own clause: what is sold must be the reader's data,
    /// not the goods of "wenn Sie etwas verkaufen, geben Sie uns Informationen".
    pub needs_in_clause: bool,
    /// Phrases that take the signal back wherever the page says them beside its needs
    /// ("Bestandskunden" get offers without an opt-in).
    pub cancelled_by: PhraseMatcher,
}

/// How the language offers a way to reach the company (added to the English words).
pub struct ContactWords {
    /// Words that offer a postal address to write to ("schreiben Sie an", "à adresser à").
    pub address_cues: PhraseMatcher,
    /// In one matcher, by entry: a contact form ("Kontaktformular"; [`CONTACT_FORM`]), words
    /// that offer a number to call ("Telefon"; [`CONTACT_PHONE`]) and a regulator named for
    /// complaints ("Aufsichtsbehörde"; [`CONTACT_REGULATOR`]), whose address is not the company's.
    pub sentence_cues: PhraseMatcher,
}

pub const CONTACT_FORM: usize = 0;
pub const CONTACT_PHONE: usize = 1;
pub const CONTACT_REGULATOR: usize = 2;

pub struct ChangesWords {
    /// Words that make a sentence about changes to the policy.
    pub cues: PhraseMatcher,
    pub notice_by_email: PhraseMatcher,
    /// A notice where the site or app shows it ("Hinweis auf unserer Website", "bandeau").
    pub notice_on_site: PhraseMatcher,
    /// A promise to tell the reader, by no named channel ("informieren wir Sie"): a notice on
    /// the site unless the e-mail is named.
    pub notice_promised: PhraseMatcher,
    pub posted_only: PhraseMatcher,
    /// Continued use taken as acceptance ("durch die weitere Nutzung ... erklären Sie sich einverstanden").
    pub continued_use: PhraseMatcher,
    /// Continued use counts only beside a word of accepting ("zustimmen", "accepter").
    pub accept_words: PhraseMatcher,
}

pub struct ChildrenWords {
    /// Words for children, minors and parents.
    pub words: PhraseMatcher,
    /// Words just before an age ("unter", "moins de") and just after it ("Jahren", "ans").
    pub age_before: PhraseMatcher,
    pub age_after: PhraseMatcher,
}

pub struct RetentionWords {
    pub cues: PhraseMatcher,
    /// Time units by id: `hour`, `day`, `week`, `month`, `year`, or one with its count (`year:2`).
    pub units: Lexicon,
    pub numbers: BTreeMap<String, u32>,
    /// Words around a number that make it an age or a deadline, not a period data is kept.
    pub not_periods: PhraseMatcher,
    /// Words right before the number that make it an age ("unter 16 Jahren", "ab 18 Jahren").
    pub not_before_number: PhraseMatcher,
    pub indefinite: PhraseMatcher,
}

/// Days in one of each time unit a pack may name. A unit word that carries its own count, as a
/// dual does (Arabic "سنتين", Hebrew "שנתיים", Maltese "sentejn": two years), has an id with
/// the count after a colon: `year:2`.
pub fn unit_days(unit: &str) -> Option<f64> {
    if let Some((base, count)) = unit.split_once(':') {
        let count: u32 = count.parse().ok().filter(|c| (1..=100).contains(c))?;
        return Some(unit_days(base)? * f64::from(count));
    }
    Some(match unit {
        "hour" => 1.0 / 24.0,
        "day" => 1.0,
        "week" => 7.0,
        "month" => 30.0,
        "year" => 365.0,
        _ => return None,
    })
}

fn phrases(list: &[String]) -> PhraseMatcher {
    PhraseMatcher::new(list.iter().map(|p| (0, p.as_str(), false)))
}

impl LanguagePack {
    pub fn from_json(json: &str) -> Result<Self, String> {
        let f: PackFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(LanguagePack {
            language: f.language,
            name: f.name,
            negations: phrases(&f.negations),
            not_negations: phrases(&f.not_negations),
            clause_breaks: AhoCorasick::new(&f.clause_breaks).map_err(|e| format!("clause_breaks: {e}"))?,
            purpose_links: f.purpose_links,
            ordinal_numbers: f.ordinal_numbers,
            abbreviations: f.abbreviations,
            sentence_continuations: f.sentence_continuations,
            collect_verbs: phrases(&f.collect_verbs),
            share_verbs: phrases(&f.share_verbs),
            contact_us: phrases(&f.contact_us),
            not_readers: phrases(&f.not_readers),
            other_senses: phrases(&f.other_senses),
            data_types: Lexicon::from_map(&f.data_types),
            purposes: Lexicon::from_map(&f.purposes),
            rights: Lexicon::from_map(&f.rights),
            right_needs: f.right_needs.iter().map(|(id, words)| (id.clone(), phrases(words))).collect(),
            right_cues: phrases(&f.right_cues),
            recipients: Lexicon::from_map(&f.recipients),
            source_before: phrases(&f.source_before),
            source_after: phrases(&f.source_after),
            retention: RetentionWords {
                cues: phrases(&f.retention.cues),
                units: Lexicon::from_map(&f.retention.units),
                numbers: f.retention.numbers,
                not_periods: phrases(&f.retention.not_periods),
                not_before_number: phrases(&f.retention.not_before_number),
                indefinite: phrases(&f.retention.indefinite),
            },
            security: Lexicon::from_map(&f.security),
            transfer_mechanisms: Lexicon::from_map(&f.transfer_mechanisms),
            transfer_cues: phrases(&f.transfer_cues),
            regions: Lexicon::from_map(&f.regions),
            children: ChildrenWords {
                words: phrases(&f.children.words),
                age_before: phrases(&f.children.age_before),
                age_after: phrases(&f.children.age_after),
            },
            changes: ChangesWords {
                cues: phrases(&f.changes.cues),
                notice_by_email: phrases(&f.changes.notice_by_email),
                notice_on_site: phrases(&f.changes.notice_on_site),
                notice_promised: phrases(&f.changes.notice_promised),
                posted_only: phrases(&f.changes.posted_only),
                continued_use: phrases(&f.changes.continued_use),
                accept_words: phrases(&f.changes.accept_words),
            },
            coordinators: phrases(&f.coordinators),
            contacts: ContactWords {
                address_cues: phrases(&f.contacts.address_cues),
                sentence_cues: PhraseMatcher::new(
                    [
                        (CONTACT_FORM, &f.contacts.web_forms),
                        (CONTACT_PHONE, &f.contacts.phone_cues),
                        (CONTACT_REGULATOR, &f.contacts.regulators),
                    ]
                    .into_iter()
                    .flat_map(|(kind, list)| list.iter().map(move |p| (kind, p.as_str(), false))),
                ),
            },
            signal_cues: PhraseMatcher::new(
                f.signals.values().enumerate().flat_map(|(i, w)| w.cues.iter().map(move |c| (i, c.as_str(), false))),
            ),
            signals: f
                .signals
                .into_iter()
                .map(|(id, w)| SignalWords {
                    id,
                    needs: w.needs.iter().map(|group| phrases(group)).collect(),
                    not: phrases(&w.not),
                    negated: w.negated,
                    negation_before_only: w.negation_before_only,
                    needs_in_clause: w.needs_in_clause,
                    cancelled_by: phrases(&w.cancelled_by),
                })
                .collect(),
        })
    }
}

/// One slot per pack file, filled the first time a page in that language is read: building a
/// pack's matchers costs milliseconds (tens in the browser), and a page needs one pack at most.
fn pack_slots() -> &'static [OnceLock<LanguagePack>] {
    static SLOTS: OnceLock<Vec<OnceLock<LanguagePack>>> = OnceLock::new();
    SLOTS.get_or_init(|| LANGUAGE_PACKS.iter().map(|_| OnceLock::new()).collect())
}

impl LanguagePack {
    /// What ends a sentence in the pack's language.
    pub fn stops(&self) -> crate::sentences::Stops<'_> {
        crate::sentences::Stops {
            ordinals: self.ordinal_numbers,
            abbreviations: &self.abbreviations,
            continuations: &self.sentence_continuations,
        }
    }
}

/// Text as the packs' phrases are written: lower-case, with typographic apostrophes straight
/// ("nom d’utilisateur" is "nom d'utilisateur", "імʼя" is "ім'я"), figures plain ("３０日" is "30日",
/// "٣٠ يومًا" is "30 يوما", "३० दिन" is "30 दिन", "৩০ দিন" is "30 দিন", "๓๐ วัน" is "30 วัน"), Hebrew gershayim as quotes ("התשמ״א" is
/// "התשמ"א") and Arabic vowel marks dropped.
pub fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    // "’" and the Ukrainian apostrophe "ʼ" (a letter to Unicode: "імʼя") are written "'".
    let lower = if lower.contains(['’', 'ʼ']) { lower.replace(['’', 'ʼ'], "'") } else { lower };
    // Turkish "İ" lower-cases to "i" and a combining dot, which would break the word.
    let lower = if lower.contains('\u{307}') { lower.replace("i\u{307}", "i") } else { lower };
    if lower.chars().all(|c| fold_char(c) == Some(c) && bengali_nukta_letter(c).is_none()) {
        return lower;
    }
    let mut folded = String::with_capacity(lower.len());
    for c in lower.chars() {
        match bengali_nukta_letter(c) {
            Some(letter) => folded.extend([letter, BENGALI_NUKTA]),
            None => folded.extend(fold_char(c)),
        }
    }
    folded
}

const BENGALI_NUKTA: char = '\u{09bc}';

/// Bengali "য়", "ড়", "ঢ়" are typed as one character or as a letter with a nukta: the letter
/// the one-character form stands for, read as the two, Unicode's normal form.
fn bengali_nukta_letter(c: char) -> Option<char> {
    match c {
        '\u{09df}' => Some('\u{09af}'),
        '\u{09dc}' => Some('\u{09a1}'),
        '\u{09dd}' => Some('\u{09a2}'),
        _ => None,
    }
}

/// What [`fold`] makes of a character: figures of other scripts plain, Hebrew geresh and
/// gershayim as quotes, Arabic vowel marks and tatweel (written in some texts and not in
/// others) dropped.
fn fold_char(c: char) -> Option<char> {
    let digit = |zero: u32| char::from(b'0' + (c as u32 - zero) as u8);
    Some(match c {
        '\u{ff10}'..='\u{ff19}' => digit(0xff10),
        '\u{0660}'..='\u{0669}' => digit(0x0660),
        '\u{06f0}'..='\u{06f9}' => digit(0x06f0),
        '\u{0966}'..='\u{096f}' => digit(0x0966),
        '\u{09e6}'..='\u{09ef}' => digit(0x09e6),
        '\u{0e50}'..='\u{0e59}' => digit(0x0e50),
        '\u{05f3}' => '\'',
        '\u{05f4}' => '"',
        '\u{0640}' | '\u{064b}'..='\u{0652}' => return None,
        c => c,
    })
}

/// The pack for a language tag (`de`), if privlens has one: the file named after the tag.
pub fn pack(language: &str) -> Option<&'static LanguagePack> {
    let language = pack_tag(language);
    let i = LANGUAGE_PACKS.iter().position(|(file, _, _)| *file == language)?;
    let file = LANGUAGE_PACKS[i].0;
    Some(
        pack_slots()[i]
            .get_or_init(|| LanguagePack::from_json(&pack_json(i)).unwrap_or_else(|e| panic!("language pack {file}.json: {e}"))),
    )
}

/// A language read with a close kin's pack: Bosnian with the Croatian one, Montenegrin with
/// the Serbian one (`data/lexicon/language_kin.json`); blind tests read them as well with those
/// as with the other.
#[derive(Debug, serde::Deserialize)]
pub struct Kin {
    /// The language's English name ("Bosnian").
    pub name: String,
    /// The tag of the pack that reads it.
    pub read_with: String,
}

/// The tag of the pack that reads `language`: its own, or its kin's ("bs" is read with "hr").
pub fn pack_tag(language: &str) -> &str {
    kin(language).map_or(language, |k| k.read_with.as_str())
}

pub fn kin(language: &str) -> Option<&'static Kin> {
    static K: OnceLock<std::collections::HashMap<String, Kin>> = OnceLock::new();
    K.get_or_init(|| serde_json::from_str(include_str!("../data/lexicon/language_kin.json")).expect("valid language_kin.json"))
        .get(language)
}

/// The JSON text of the `i`th pack, inflated from the library.
fn pack_json(i: usize) -> String {
    let (file, _, deflated) = LANGUAGE_PACKS[i];
    let bytes = miniz_oxide::inflate::decompress_to_vec(deflated).unwrap_or_else(|e| panic!("language pack {file}.json: {e:?}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("language pack {file}.json: {e}"))
}

/// The names of the languages privlens has a pack for ("German"), read without building any
/// pack's matchers.
pub fn names() -> Vec<&'static str> {
    LANGUAGE_PACKS.iter().map(|(_, name, _)| *name).collect()
}

#[cfg(test)]
mod tests;
