//! Effective and last-updated dates, as ISO strings ("2018-05-10", or "2025-02").

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex_lite::Regex;

/// Date cues and month names in every language privlens reads (`data/lexicon/dates.json`).
#[derive(serde::Deserialize)]
struct DateWords {
    effective: Vec<String>,
    updated: Vec<String>,
    /// Per month, January first: its names and abbreviations, lower-case, the English name first.
    months: Vec<Vec<String>>,
    /// Names that mean another month in one language than in the shared lists: Croatian
    /// "listopad" is October, Czech and Polish "listopad" November. Used when the page says
    /// it is in that language.
    months_by_language: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>>,
}

fn words() -> &'static DateWords {
    static W: OnceLock<DateWords> = OnceLock::new();
    W.get_or_init(|| serde_json::from_str(include_str!("../../data/lexicon/dates.json")).expect("valid dates.json"))
}

/// Every cue in one automaton: a line is searched cue by cue only for the cues it holds (most
/// lines with a digit hold none, and seventy searches a line cost a tenth of a scan).
fn any_cue() -> &'static AhoCorasick {
    static A: OnceLock<AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        let w = words();
        AhoCorasick::new(w.effective.iter().chain(&w.updated)).expect("date cues build an automaton")
    })
}

/// How far after the cue a date may sit (characters).
const WINDOW: usize = 60;

fn month_number(word: &str, language: Option<&str>) -> Option<u32> {
    let w = word.to_lowercase();
    // Bosnian months are Croatian ones ("listopad" is October), Montenegrin ones Serbian.
    let language = language.map(crate::language_pack::pack_tag);
    let own = language.and_then(|l| words().months_by_language.get(l)).and_then(|names| names.get(&w));
    if let Some(month) = own {
        return Some(*month);
    }
    // English months (each list's first name) also by their three-letter start ("Sept" too);
    // other languages by the names and abbreviations listed.
    let months = &words().months;
    let english = |names: &Vec<String>| {
        let m = &names[0];
        *m == w || (w.len() >= 3 && m.starts_with(w.as_str()) && (w.len() == 3 || w == "sept"))
    };
    let listed = || months.iter().position(|names| names.contains(&w));
    months.iter().position(english).or_else(listed).map(|i| i as u32 + 1)
}

/// A month's name in the scripts the date regex reads (Latin, Cyrillic, Greek, Armenian, Hebrew,
/// Arabic and Urdu, Devanagari, Bengali, Georgian): written once, used by two alternatives.
macro_rules! month_word {
    () => {
        "[A-Za-zÀ-ÿĀ-žƏəЀ-ӿΆ-ώԱ-ֆא-תء-يٹ-ۓऀ-ॿঀ-৿ა-ჰ]{3,12}"
    };
}

fn date_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:(\d{4})-(\d{1,2})-(\d{1,2})", // 2018-05-10
            // 10 May 2018, 12. März 2024, 5 de marzo de 2024, 1er mars 2024, 15 ta' Marzu 2025
            r"|(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+|ta['’]\s*)?((?:كانون|تشرين) (?:الأول|الثاني)|",
            month_word!(),
            r")\.?,?\s+(?:de\s+)?(\d{4})",
            r"|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", // May 10, 2018
            r"|((?:كانون|تشرين) (?:الأول|الثاني)|",
            month_word!(),
            r")\.?,?\s+(?:de\s+)?(\d{4})",               // February 2025, marzo de 2025
            r"|(\d{1,2})[/.]\s?(\d{1,2})[/.]\s?(\d{4})", // 10/05/2018
            r"|(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?", // 2024年3月1日, 2024년 3월 1일
            r"|(?:(\d{1,2})\s+)?tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})", // 1 tháng 3 năm 2024
            r"|(\d{1,2})\s*([ก-์.]{2,12}?)\s*(?:พ\.\s?ศ\.\s*)?(\d{4})", // 1 มีนาคม พ.ศ. 2568, 1 ม.ค. 2568
            r"|(\d{4})\s*(?:წლის|жылғы|ж\.)\s+(\d{1,2})\s+([ა-ჰЀ-ӿ]{3,12})", // 2025 წლის 15 მარტი, 2025 жылғы 15 наурыз
            r"|(\d{4})\s*(?:թվականի|թ\.)\s+([Ա-ֆ]{3,12})\s+(\d{1,2})", // 2025 թվականի մարտի 15
            r"|(\d{4})\s*-?e?ko\s+([a-z]{4,12})\s+(\d{1,2})(?:[a-z]{1,5})?\b)", // 2025eko martxoaren 15a
        ))
        .expect("valid regex")
    })
}

/// Thai dates count years in the Buddhist era, 543 years ahead: 2568 is 2025.
const BUDDHIST_ERA_OFFSET: u32 = 543;

fn valid(y: u32, m: u32, d: Option<u32>) -> Option<String> {
    let y = if y >= 2400 { y - BUDDHIST_ERA_OFFSET } else { y };
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) if (1..=31).contains(&d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{y:04}-{m:02}")),
    }
}

/// The first date in `text`, as ISO.
#[cfg(test)]
fn parse_date(text: &str) -> Option<String> {
    parse_date_in(text, None)
}

/// The date regex's alternatives with the month as a figure, by their (year, month, day) groups:
/// "2018-05-10", "2024年3月1日", "1 tháng 3 năm 2024".
const NUMBER_MONTH_GROUPS: [(usize, usize, usize); 3] = [(1, 2, 3), (15, 16, 17), (20, 19, 18)];
/// The alternatives with the month as a name: "10 May 2018", "May 10, 2018", "February 2025",
/// "1 มีนาคม 2568", "2025 წლის 15 მარტი", "2025 թվականի մարտի 15", "2025eko martxoaren 15a".
const WORD_MONTH_GROUPS: [(usize, usize, Option<usize>); 7] = [
    (6, 5, Some(4)),
    (9, 7, Some(8)),
    (11, 10, None),
    (23, 22, Some(21)),
    (24, 26, Some(25)),
    (27, 28, Some(29)),
    (30, 31, Some(32)),
];

/// [`parse_date`], month names read as `language` (a page's declared tag) has them.
fn parse_date_in(text: &str, language: Option<&str>) -> Option<String> {
    let c = date_regex().captures(text)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let word = |i: usize| c.get(i).and_then(|m| month_number(m.as_str(), language));
    // Each alternative's capture groups: (year, month, day).
    for (y, m, d) in NUMBER_MONTH_GROUPS {
        if let Some(y) = num(y) {
            return valid(y, num(m)?, num(d));
        }
    }
    for (y, m, d) in WORD_MONTH_GROUPS {
        if let Some(y) = num(y) {
            return valid(y, word(m)?, d.and_then(num));
        }
    }
    // Dotted dates are day first ("1. 2. 2025", "10.05.2018") unless the second number can only
    // be a day ("12.13.2017" on a US page); slashed ones are month first unless the first can
    // only be a day.
    let (a, b, y) = (num(12)?, num(13)?, num(14)?);
    let dotted = c.get(0).is_some_and(|m| m.as_str().contains('.'));
    let day_first = if dotted { b <= 12 } else { a > 12 };
    if day_first { valid(y, b, Some(a)) } else { valid(y, a, Some(b)) }
}

/// (effective date, last updated) from the page's text, searched near their cues. A cue
/// followed by a template placeholder ("{{...}}") gives null, not some later date.
pub fn find_dates(lines: &[&str], language: Option<&str>) -> (Option<String>, Option<String>) {
    let mut effective = None;
    let mut updated = None;
    for line in lines {
        // Most lines name no date at all: only those with a digit are worth lower-casing.
        // Figures of other scripts ("١٥ مارس ٢٠٢٤", "१५ मार्च २०२४") are read as plain ones.
        let folded;
        let line: &str = if line.bytes().any(|b| b.is_ascii_digit()) {
            line
        } else if !line.is_ascii() && line.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
            folded = crate::language_pack::fold(line);
            &folded
        } else {
            continue;
        };
        let lower = line.to_lowercase();
        if !any_cue().is_match(&lower) {
            continue;
        }
        if effective.is_none() {
            effective = date_after(line, &lower, &words().effective, language);
        }
        if updated.is_none() {
            updated = date_after(line, &lower, &words().updated, language);
        }
        if effective.is_some() && updated.is_some() {
            break;
        }
    }
    (effective, updated)
}

fn date_after(line: &str, lower: &str, cues: &[String], language: Option<&str>) -> Option<String> {
    for cue in cues {
        let Some(pos) = lower.find(cue.as_str()) else { continue };
        // `lower` may differ in length from `line` where lower-casing changes a letter's size.
        let Some(rest) = line.get(pos + cue.len()..) else { continue };
        let window: String = rest.chars().take(WINDOW).collect();
        if window.contains("{{") || window.contains("{%") {
            return None;
        }
        if let Some(d) = parse_date_in(&window, language) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_date_forms() {
        assert_eq!(parse_date("10 May 2018.").as_deref(), Some("2018-05-10"));
        assert_eq!(parse_date("May 10th, 2018").as_deref(), Some("2018-05-10"));
        assert_eq!(parse_date("February 2025").as_deref(), Some("2025-02"));
        assert_eq!(parse_date("2023-01-31").as_deref(), Some("2023-01-31"));
        assert_eq!(parse_date("31/01/2023").as_deref(), Some("2023-01-31"));
        assert_eq!(parse_date("Maybe 2025"), None);
    }

    #[test]
    fn parses_dates_in_the_languages_packs_read() {
        let cases = [
            ("12. März 2024", "2024-03-12"),
            ("1er mars 2024", "2024-03-01"),
            ("5 de marzo de 2024", "2024-03-05"),
            ("3 de março de 2023", "2023-03-03"),
            ("14 febbraio 2025", "2025-02-14"),
            ("14 februari 2025", "2025-02-14"),
            ("12 marca 2025 r.", "2025-03-12"),
            ("14. februar 2025", "2025-02-14"),
            ("1. desember 2024", "2024-12-01"),
            ("październik 2024", "2024-10"),
            ("15 martie 2024", "2024-03-15"),
            ("1. července 2024", "2024-07-01"),
            ("1. 2. 2025", "2025-02-01"),
            ("12.13.2017", "2017-12-13"),
            ("2024年3月1日", "2024-03-01"),
            ("2023년 12월 5일", "2023-12-05"),
            ("2022年10月", "2022-10"),
            ("15 марта 2024 г.", "2024-03-15"),
            ("ngày 1 tháng 3 năm 2024", "2024-03-01"),
            ("15 مارس 2025م", "2025-03-15"),
            ("1 كانون الثاني 2024", "2024-01-01"),
            ("1 בספטמבר 2025", "2025-09-01"),
            ("20 नवंबर 2025", "2025-11-20"),
            ("3 март 2025 г.", "2025-03-03"),
            ("14. siječnja 2025.", "2025-01-14"),
            ("20. februarja 2025", "2025-02-20"),
            ("tháng 10 năm 2023", "2023-10"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), Some(want), "{text}");
        }
        let (e, u) = find_dates(&["Stand: 12. März 2024", "Gültig ab 1. Januar 2024"], None);
        assert_eq!((e.as_deref(), u.as_deref()), (Some("2024-01-01"), Some("2024-03-12")));
        // (line, the page's declared language, the last-updated date it gives)
        let updated = [
            ("Ostatnia aktualizacja: 12 marca 2025 r.", None, "2025-03-12"),
            ("Senast uppdaterad: 14 februari 2025", None, "2025-02-14"),
            // Figures of other scripts.
            ("آخر تحديث: ١٥ مارس ٢٠٢٥", None, "2025-03-15"),
            ("अंतिम अद्यतन: २० नवंबर २०२५", None, "2025-11-20"),
            ("সর্বশেষ হালনাগাদ: ১৫ নভেম্বর ২০২৫", Some("bn"), "2025-11-15"),
            // Thai counts years in the Buddhist era, 543 ahead, and shortens months with stops.
            ("ปรับปรุงล่าสุด: 1 มีนาคม 2568", Some("th"), "2025-03-01"),
            ("ปรับปรุงล่าสุดเมื่อวันที่ ๑๕ ม.ค. พ.ศ. ๒๕๖๗", Some("th"), "2024-01-15"),
            ("آخری تازہ کاری: 15 مارچ 2025", Some("ur"), "2025-03-15"),
            // Cyrillic letters beyond Russian's: Ukrainian і, Serbian and Macedonian ј.
            ("Останнє оновлення: 15 квітня 2024", Some("uk"), "2024-04-15"),
            ("Последно ажурирано: 1 јули 2025", Some("mk"), "2025-07-01"),
            // Georgian and Kazakh put the year first.
            ("ბოლო განახლება: 2025 წლის 15 მარტი", Some("ka"), "2025-03-15"),
            ("Соңғы жаңарту: 2025 жылғы 15 наурыз", Some("kk"), "2025-03-15"),
            // Armenian puts the year first and the day last.
            ("Վերջին թարմացում՝ 2025 թվականի մարտի 15", Some("hy"), "2025-03-15"),
            ("Son yenilənmə: 15 mart 2025", Some("az"), "2025-03-15"),
            // Basque puts the year first, glued to its case ending, and the day last.
            ("Azken eguneratzea: 2025eko martxoaren 15a", Some("eu"), "2025-03-15"),
            ("Azken aldaketa: 2024ko urriaren 1ean", Some("eu"), "2024-10-01"),
            ("Nuashonraithe go deireanach: 15 Márta 2025", Some("ga"), "2025-03-15"),
            ("Data da última actualización: 15 de xaneiro de 2025", Some("gl"), "2025-01-15"),
            ("L-aħħar aġġornament: 15 ta' Marzu 2025", Some("mt"), "2025-03-15"),
            // Croatian "listopad" is October; Czech and Polish "listopad" November.
            ("Zadnje ažurirano: 14. listopada 2025.", Some("hr"), "2025-10-14"),
            ("Zadnje ažurirano: 14. listopada 2025.", Some("bs"), "2025-10-14"),
            ("Ostatnia aktualizacja: 14 listopada 2025 r.", Some("pl"), "2025-11-14"),
        ];
        for (line, language, want) in updated {
            assert_eq!(find_dates(&[line], language).1.as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn finds_dates_near_cues_and_ignores_placeholders() {
        let (e, u) = find_dates(&["**Effective Date: 10 May 2018.**", "Last updated: February 2025"], None);
        assert_eq!(e.as_deref(), Some("2018-05-10"));
        assert_eq!(u.as_deref(), Some("2025-02"));
        let (e, u) = find_dates(&["Last updated **{{git_revision_date_localized}}**", "Copyright 2024"], None);
        assert_eq!((e, u), (None, None));
    }
}
