//! Whatever the page, a scan returns a report or a clear error, never a panic: random mixes
//! of policy words, markup, accents, scripts of other languages and control characters.

use privlens_core::{PageInput, decode_input, scan};

const PIECES: &[&str] = &[
    "We",
    "do not",
    "don’t",
    "collect",
    "your",
    "email address",
    "für",
    "Daten",
    "données",
    "jamais",
    "数据",
    "收集",
    "privacy policy",
    "<p>",
    "</p>",
    "<h2>",
    "<div class='cookie-banner'>",
    "<button>Accept all</button>",
    "<a href=x>",
    "&amp;",
    "&#x2019;",
    "&bogus",
    "\n",
    "\n\n",
    "1.",
    "(一)",
    "**",
    "# ",
    "- ",
    ";",
    ":",
    ",",
    ".",
    "?",
    "'",
    "’",
    "n't",
    "\u{200b}",
    "\u{feff}",
    "🍪",
    "é",
    "ß",
    "İ",
    "ǅ",
    "retain",
    "for six years",
    "30 days",
    "under 13",
    "GDPR",
    "@",
    "x@y.z",
    "https://a.b/c",
    "Last updated: May 2024",
    "{{date}}",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<",
    ">",
    "\"",
    "\t",
];

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_pages_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let len = 1 + rng.next() % 300;
        let page: String = (0..len).map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
        let result = scan(&PageInput { content: &page, ..PageInput::default() });
        if let Ok(report) = result {
            assert!(report.segments.iter().all(|s| !s.categories.is_empty()));
        }
    }
}

#[test]
fn bytes_that_are_not_text_are_refused_plainly() {
    let mut rng = Rng(42);
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..2048).map(|_| (rng.next() % 256) as u8).collect();
        match decode_input(&bytes) {
            Ok(text) => {
                let _ = scan(&PageInput { content: &text, ..PageInput::default() });
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}
