//! privlens core: reads a page (HTML, Markdown or text) and reports what it says about the
//! reader's data, every finding with the sentence it came from. Pure Rust, no I/O; the
//! command-line tool and the browser (through wasm) call [`scan`].

pub mod banner;
pub mod categorise;
pub mod classify;
pub mod doc_kind;
pub mod extract;
pub mod grade;
pub mod knowledge;
pub mod language;
pub mod language_pack;
pub mod matcher;
mod parallel;
pub mod practices;
pub mod readability;
pub mod render;
pub mod report;
pub mod script;
pub mod sentences;
pub mod signals;
mod summary;
pub mod trackers;

use std::fmt;

pub use extract::Format;
pub use report::Report;

/// Largest input accepted, in bytes. Policies run to a few hundred KB; 32 MiB leaves room for
/// whole saved pages while bounding work and memory.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
/// Report format version, bumped when a field changes meaning.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    Empty,
    Binary,
    TooLarge { size: usize, limit: usize },
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::Empty => write!(f, "the page is empty: there is no text to analyse"),
            ScanError::Binary => write!(f, "this looks like a binary file, not a web page or text"),
            ScanError::TooLarge { size, limit } => {
                write!(f, "the page is too large to analyse ({size} bytes; the limit is {limit} bytes)")
            }
        }
    }
}

impl std::error::Error for ScanError {}

/// One page to scan.
#[derive(Debug, Clone, Default)]
pub struct PageInput<'a> {
    pub content: &'a str,
    pub url: Option<&'a str>,
    /// The title the browser shows, when known (HTML carries its own).
    pub title: Option<&'a str>,
    /// None: guessed from the content.
    pub format: Option<Format>,
    /// Consent-platform markers seen on the live page (`#id`, `.class`, `src:url`).
    pub markers: Vec<String>,
}

/// Check raw bytes and turn them into text: rejects empty, binary and oversized input.
pub fn decode_input(bytes: &[u8]) -> Result<String, ScanError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ScanError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|b| **b == 0 || (**b < 8) || (**b > 13 && **b < 32 && **b != 27)).count();
    if sample.contains(&0) || controls * 20 > sample.len().max(1) {
        return Err(ScanError::Binary);
    }
    let text = String::from_utf8_lossy(bytes);
    let replaced = text.chars().take(8192).filter(|c| *c == '\u{fffd}').count();
    if replaced * 10 > text.chars().take(8192).count().max(1) {
        return Err(ScanError::Binary);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    if text.trim().is_empty() {
        return Err(ScanError::Empty);
    }
    Ok(text)
}

/// Scan one page.
pub fn scan(input: &PageInput) -> Result<Report, ScanError> {
    if input.content.len() > MAX_INPUT_BYTES {
        return Err(ScanError::TooLarge { size: input.content.len(), limit: MAX_INPUT_BYTES });
    }
    if input.content.trim().is_empty() {
        return Err(ScanError::Empty);
    }
    let format = input.format.unwrap_or_else(|| extract::sniff_format(input.content));
    let mut page = extract::extract(input.content, format);
    page.markers.extend(input.markers.iter().cloned());
    let (segments, body) = extract::split_segments(&page.blocks);
    let title = input.title.map(str::to_string).or(page.title.clone());

    // The practices and what the page is (kind, dates, categories, readability)
    // are many independent tasks: in a native build two threads share them.
    let sentences = parallel::Ready::default();
    let ctx_cell = parallel::Ready::default();
    let mut about = About::default();
    let mut practices = report::Practices::default();
    let mut language = String::new();
    {
        let (sentences, ctx_cell, segments, language) = (&sentences, &ctx_cell, &segments, &mut language);
        let declared = page.lang.as_deref();
        let mut tasks: Vec<parallel::Task> = vec![Box::new(move || {
            // The language decides which words the practices are read with.
            *language = language::detect_in(declared, segments.iter().map(|s| s.text.as_str()));
            let stops = language_pack::pack(language).map(|p| p.stops()).unwrap_or_default();
            let sentences = sentences.make(|| sentences::split_with(segments, stops));
            ctx_cell.make(|| practices::Ctx::new(segments, sentences, input.url).in_language(language));
        })];
        let (about_tasks, readability) = about_tasks(input, &page, segments, body, title.as_deref(), sentences, &mut about);
        tasks.extend(about_tasks);
        // After the classifier's chunks, by when the first task has split the sentences.
        tasks.push(readability);
        tasks.extend(practices::tasks(|| ctx_cell.wait(), &mut practices));
        parallel::share(parallel::worth_a_thread(segments), tasks);
    }
    let ctx = ctx_cell.get().expect("the context task ran");
    let About { categorised, kind, effective_date, last_updated, read } = about;
    let (kind, read) = (kind.expect("the kind task ran"), read.expect("the readability task ran"));
    let is_policy = kind.kind.is_policy();
    // A policy read by the English reader or a language pack is graded; one in a language
    // privlens cannot read would be graded on nothing, so it gets no grade.
    let read_with = match ctx.pack {
        Some(pack) => Some(pack.language.clone()),
        None => reads_practices(&language).then(|| "en".to_string()),
    };
    let graded = is_policy && read_with.is_some();
    let signals = match (graded, ctx.pack) {
        (true, Some(_)) => signals::from_findings(ctx, &practices),
        (true, None) => signals::signals(ctx, &practices),
        (false, _) => Vec::new(),
    };
    let grade = grade::grade(if graded { &signals } else { &[] }, graded);
    let outside = |i: usize| body.is_none_or(|(s, e)| i < s || i > e);
    let trackers = trackers::trackers(&page.markers, input.url, &practices.third_parties);
    let cookie_banner = banner::detect(&page.banners, &page.blocks, &page.markers, &outside);
    let segments = segments
        .into_iter()
        .zip(categorised)
        .map(|(s, (categories, scores))| report::Segment { heading: s.heading, text: s.text, categories, scores })
        .collect();
    let document = report::DocumentInfo {
        kind: kind.kind,
        is_policy,
        confidence: kind.confidence,
        reasons: kind.reasons,
        effective_date,
        last_updated,
        word_count: read.words,
        reading_minutes: read.minutes,
        grade_level: read.grade_level,
    };
    let mut report = Report {
        version: REPORT_VERSION,
        url: input.url.map(str::to_string),
        title,
        language,
        read_with,
        document,
        segments,
        practices,
        signals,
        grade,
        cookie_banner,
        trackers,
        summary: String::new(),
    };
    report.summary = summary::summarise(&report);
    Ok(report)
}

/// What the page is and how it reads: all that needs no practice findings.
#[derive(Default)]
struct About {
    /// Every segment's categories and scores, in order.
    categorised: Vec<(Vec<String>, std::collections::BTreeMap<String, f64>)>,
    kind: Option<doc_kind::KindResult>,
    effective_date: Option<String>,
    last_updated: Option<String>,
    read: Option<readability::Readability>,
}

/// Text per classifier task: small enough for the two threads to end together.
const CLASSIFY_CHUNK_BYTES: usize = 32 * 1024;

/// The tasks that fill in `about`: the kind, the dates, the categories of
/// the segments a chunk at a time; and apart, readability, which waits for the sentences.
fn about_tasks<'t, 's: 't>(
    input: &'t PageInput,
    page: &'t extract::Extracted,
    segments: &'t [extract::RawSegment],
    body: Option<(usize, usize)>,
    title: Option<&'t str>,
    sentences: &'t parallel::Ready<Vec<sentences::Sentence<'s>>>,
    about: &'t mut About,
) -> (Vec<parallel::Task<'t>>, parallel::Task<'t>) {
    let About { categorised, kind, effective_date, last_updated, read } = about;
    let mut tasks: Vec<parallel::Task> = vec![
        Box::new(move || {
            let body_text = segments.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
            let headings = top_headings(&page.blocks, body);
            *kind = Some(doc_kind::classify(&doc_kind::KindInput {
                url: input.url,
                title,
                headings: &headings.iter().map(String::as_str).collect::<Vec<_>>(),
                body: &body_text,
            }));
        }),
        Box::new(move || {
            let date_lines: Vec<&str> = page.blocks.iter().filter(|b| !b.link_only).map(|b| b.text.as_str()).collect();
            // Month names are read as the page's declared language has them.
            let declared = language::declared_tag(page.lang.as_deref());
            (*effective_date, *last_updated) = practices::find_dates(&date_lines, declared.as_deref());
        }),
    ];
    categorised.resize(segments.len(), Default::default());
    let mut rest: (&[extract::RawSegment], &mut [_]) = (segments, categorised.as_mut_slice());
    while !rest.0.is_empty() {
        let (mut n, mut bytes) = (0, 0);
        while n < rest.0.len() && bytes < CLASSIFY_CHUNK_BYTES {
            bytes += rest.0[n].text.len();
            n += 1;
        }
        let (segs, tail_segs) = rest.0.split_at(n);
        let (slots, tail_slots) = std::mem::take(&mut rest.1).split_at_mut(n);
        tasks.push(Box::new(move || {
            for (slot, s) in slots.iter_mut().zip(segs) {
                *slot = categorise::categorise(s.heading.as_deref(), &s.text);
            }
        }));
        rest = (tail_segs, tail_slots);
    }
    let readability: parallel::Task = Box::new(move || {
        let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        *read = Some(readability::measure(&texts, sentences.wait().len()));
    });
    (tasks, readability)
}

/// The practices stated in a piece of policy text read on its own (one segment, or a few
/// paragraphs), without page extraction or document-kind checks: for evaluating extraction
/// against annotated segments, and for callers that already hold clean policy text.
pub fn practices_of_text(text: &str, url: Option<&str>) -> report::Practices {
    let segments: Vec<extract::RawSegment> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| extract::RawSegment { heading: None, text: p.trim().to_string() })
        .collect();
    let sentences = sentences::split(&segments);
    practices::extract_practices(&practices::Ctx::new(&segments, &sentences, url))
}

/// Languages the full English reader reads (a page that does not tell is read as English).
fn reads_practices(language: &str) -> bool {
    matches!(language, "en" | "und")
}

/// The headings that name the page: the first few, body first.
fn top_headings(blocks: &[extract::Block], body: Option<(usize, usize)>) -> Vec<String> {
    let start = body.map_or(0, |(s, _)| s);
    blocks[start..]
        .iter()
        .chain(blocks[..start].iter())
        .filter(|b| matches!(b.kind, extract::BlockKind::Heading(_)) && !b.boilerplate)
        .take(3)
        .map(|b| b.text.clone())
        .collect()
}
