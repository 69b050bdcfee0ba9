//! What the policy says about the reader's data: one module per kind of practice, all
//! reading the same sentences and returning findings with evidence.

mod changes;
mod collection;
mod contacts;
mod dates;
mod legal;
mod misc;
pub(crate) mod other_language;
mod retention;
mod sharing;

pub use changes::CONTINUED_USE;
pub use dates::find_dates;

use crate::extract::RawSegment;
use crate::knowledge::{Lexicon, knowledge};
use crate::language_pack::LanguagePack;
use crate::matcher::{PhraseMatch, PhraseMatcher, TextHits};
use crate::parallel::Task;
use crate::report::{Evidence, Finding, Practices};
use crate::sentences::{Sentence, evidence, in_url, tail};

/// A regex compiled on first use: the practice extractors keep theirs in statics.
fn regex(cell: &'static std::sync::OnceLock<regex_lite::Regex>, pattern: &str) -> &'static regex_lite::Regex {
    cell.get_or_init(|| regex_lite::Regex::new(pattern).expect("valid regex"))
}

/// Evidence kept per finding: enough to convince, few enough to read.
const MAX_EVIDENCE: usize = 3;
/// How many lines back a list's lead-in may be.
const LIST_REACH: usize = 20;
/// How far back, in bytes, those lines are looked for.
const LEAD_IN_REACH_BYTES: usize = 4_000;

pub struct Ctx<'a> {
    pub segments: &'a [RawSegment],
    pub sentences: &'a [Sentence<'a>],
    /// The page's address, when known: the site's own organisation is no third party.
    pub url: Option<&'a str>,
    /// Every lexicon phrase in every sentence, found in one pass.
    hits: TextHits,
    /// The words to read a policy in another language with; none for English.
    pub pack: Option<&'static LanguagePack>,
    /// The sentences and headings as a pack reads them, worked out once for all its tasks.
    folded: std::sync::OnceLock<Folded>,
    /// The signals a pack's wording raises, read beside the practices rather than after them.
    worded: std::sync::OnceLock<Vec<(String, Vec<Evidence>)>>,
}

/// A page's sentences and segment headings through [`crate::language_pack::fold`].
pub struct Folded {
    pub sentences: Vec<String>,
    pub headings: Vec<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(segments: &'a [RawSegment], sentences: &'a [Sentence<'a>], url: Option<&'a str>) -> Self {
        let hits = knowledge().sentence_matcher.index(sentences.iter().map(|s| s.text));
        Ctx { segments, sentences, url, hits, pack: None, folded: std::sync::OnceLock::new(), worded: std::sync::OnceLock::new() }
    }

    /// The signals the pack's wording raises (none for English), read once.
    pub fn worded_signals(&self) -> &[(String, Vec<Evidence>)] {
        self.worded.get_or_init(|| self.pack.map(|pack| other_language::worded_signals(self, pack)).unwrap_or_default())
    }

    /// The sentences and headings as a language pack reads them, made once.
    pub fn folded(&self) -> &Folded {
        use crate::language_pack::fold;
        self.folded.get_or_init(|| Folded {
            sentences: self.sentences.iter().map(|s| fold(s.text)).collect(),
            headings: self.segments.iter().map(|s| fold(s.heading.as_deref().unwrap_or(""))).collect(),
        })
    }

    /// The context read in `language`: with its pack, where privlens has one.
    pub fn in_language(self, language: &str) -> Self {
        Ctx { pack: crate::language_pack::pack(language), ..self }
    }

    /// `matcher.find_all(s.text)`, read off the page's index when the matcher is in it.
    pub fn find_all(&self, matcher: &PhraseMatcher, s: &Sentence) -> Vec<PhraseMatch> {
        self.hits.find_all(matcher, s.index, s.text)
    }

    pub fn evidence(&self, s: &Sentence) -> Evidence {
        evidence(s)
    }

    /// Evidence quoting the part of `s` around byte `at`, where `s` is long.
    pub fn evidence_near(&self, s: &Sentence, at: usize) -> Evidence {
        crate::sentences::evidence_near(s, at)
    }

    /// The whole sentence a piece of evidence quotes: rules judge it, not the quote, which may
    /// be cut (a long sentence is quoted around what was found in it).
    pub fn sentence_of<'e>(&self, e: &'e Evidence) -> &'e str
    where
        'a: 'e,
    {
        self.sentences
            .binary_search_by_key(&(e.segment, e.start), |s| (s.segment, s.char_start))
            .map_or(e.quote.as_str(), |i| self.sentences[i].text)
    }

    pub fn heading(&self, s: &Sentence) -> &str {
        self.segments[s.segment].heading.as_deref().unwrap_or("")
    }

    /// The line that introduces the list sentence `s` belongs to ("We collect:"), if any:
    /// the nearest earlier line of the segment ending in a colon.
    pub fn lead_in(&self, s: &Sentence) -> &str {
        // Looked for in the last few kilobytes only: a page that is one huge line would
        // otherwise be read back to its start for every sentence.
        let before = tail(&self.segments[s.segment].text[..s.start], LEAD_IN_REACH_BYTES);
        before.lines().rev().take(LIST_REACH).find(|l| l.trim_end().ends_with(':')).unwrap_or("")
    }
}

/// Findings keyed by id, in order of first appearance.
#[derive(Default)]
pub struct FindingSet(Vec<Finding>);

impl FindingSet {
    pub fn add(&mut self, id: &str, ev: Evidence) {
        match self.0.iter_mut().find(|f| f.id == id) {
            Some(f) => {
                if f.evidence.len() < MAX_EVIDENCE && !f.evidence.iter().any(|e| e.segment == ev.segment && e.start == ev.start) {
                    f.evidence.push(ev);
                }
            }
            None => self.0.push(Finding { id: id.to_string(), evidence: vec![ev] }),
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.0.iter().any(|f| f.id == id)
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.0
    }
}

/// Every sentence mentioning a lexicon id, with the match's byte offset in the sentence,
/// filtered by `keep`.
pub fn lexicon_findings(ctx: &Ctx, lex: &Lexicon, mut keep: impl FnMut(&Sentence, &str, usize) -> bool) -> FindingSet {
    let mut set = FindingSet::default();
    for s in ctx.sentences {
        for m in ctx.find_all(&lex.matcher, s) {
            let id = &lex.ids[m.entry];
            if !in_url(s.text, m.start) && keep(s, id, m.start) {
                set.add(id, ctx.evidence(s));
            }
        }
    }
    set
}

/// Every practice of a page read one after the other (for text read on its own, and tests).
pub fn extract_practices(ctx: &Ctx) -> Practices {
    let mut practices = Practices::default();
    crate::parallel::share(false, tasks(|| ctx, &mut practices));
    practices
}

/// One task per part of the practices, for [`crate::parallel::share`], each filling in its
/// fields of `practices` and getting the page's context from `ctx` (which may wait for it).
/// The longest first, so that the two threads end together.
pub fn tasks<'t, 'c: 't, 's: 'c>(
    ctx: impl Fn() -> &'c Ctx<'s> + Copy + Send + 't,
    practices: &'t mut Practices,
) -> Vec<Task<'t>> {
    let Practices {
        data_collected,
        purposes,
        third_parties,
        retention,
        rights,
        laws,
        children,
        international_transfer,
        security_measures,
        contacts,
        changes,
    } = practices;
    let k = knowledge();
    vec![
        Box::new(move || {
            let ctx = ctx();
            (*data_collected, *purposes) = match ctx.pack {
                Some(pack) => other_language::collected(ctx, pack),
                None => collection::collected(ctx, k),
            };
        }),
        Box::new(move || {
            let ctx = ctx();
            let found = match ctx.pack {
                Some(pack) => other_language::third_parties(ctx, k, pack),
                None => sharing::third_parties(ctx, k),
            };
            *third_parties = sharing::without_own_organisation(found, ctx.url, k);
        }),
        Box::new(move || {
            let ctx = ctx();
            *retention = ctx.pack.map_or_else(|| retention::periods(ctx), |pack| other_language::retention(ctx, pack));
        }),
        Box::new(move || *contacts = contacts::contacts(ctx())),
        // The pack's wording signals are read here, beside the practices, so that the signals
        // step after them has only to raise them.
        Box::new(move || {
            ctx().worded_signals();
        }),
        Box::new(move || {
            let ctx = ctx();
            *changes = ctx.pack.map_or_else(|| changes::changes(ctx), |pack| other_language::changes(ctx, pack));
        }),
        Box::new(move || {
            let ctx = ctx();
            *rights = ctx.pack.map_or_else(|| legal::rights(ctx, k), |pack| other_language::rights(ctx, pack));
        }),
        Box::new(move || {
            let ctx = ctx();
            *laws = legal::laws(ctx, k);
            *children = match ctx.pack {
                Some(pack) => other_language::children(ctx, pack),
                None => misc::children(ctx),
            };
            *international_transfer = misc::transfer(ctx, k);
            *security_measures = misc::security(ctx, k);
            if let Some(pack) = ctx.pack {
                other_language::add_security(ctx, pack, security_measures);
                other_language::add_transfer(ctx, pack, international_transfer);
            }
        }),
    ]
}
