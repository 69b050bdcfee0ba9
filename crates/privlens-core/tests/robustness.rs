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

/// Shapes of hostile or broken pages that once made the scan quadratic (minutes, or hundreds of
/// megabytes, for a few megabytes of input): each must still be read, down to the policy
/// sentence at its end, unless that sentence sits inside a banner.
#[test]
fn hostile_shapes_are_read_to_the_end() {
    let tail = " Privacy Policy. We collect your email address.";
    let shapes = [
        ("deep nesting", format!("<html><body>{}<p>{tail}</p></body></html>", "<div>".repeat(20_000)), true),
        ("unclosed inline tags", format!("<html><body>{}<p>{tail}</p></body></html>", "<p>Hello <b>".repeat(20_000)), true),
        ("run-on sentence", format!("{}{tail}", "we keep your data, ".repeat(20_000)), true),
        ("unmatched brackets", format!("{}\n\n{tail}", "<[".repeat(20_000)), true),
        (
            "nested banners",
            format!("<html><body>{}<p>{tail}</p></body></html>", "<div class='cookie-banner'><button>OK</button>".repeat(5_000)),
            false,
        ),
    ];
    for (name, page, tail_is_policy) in shapes {
        let report = scan(&PageInput { content: &page, ..PageInput::default() }).unwrap_or_else(|e| panic!("{name}: {e}"));
        let found = report.practices.data_collected.iter().any(|f| f.id == "email");
        assert_eq!(found, tail_is_policy, "{name}: the policy sentence at the end was read: {found}");
        assert!(report.cookie_banner.buttons.len() <= 40, "{name}: {} buttons", report.cookie_banner.buttons.len());
    }
}
