//! Word count, reading time and Flesch-Kincaid grade level.

/// Adult silent reading speed, words per minute.
const WORDS_PER_MINUTE: usize = 238;

pub struct Readability {
    pub words: usize,
    pub minutes: u32,
    pub grade_level: f64,
}

pub fn measure(texts: &[&str], sentence_count: usize) -> Readability {
    let mut words = 0usize;
    let mut syllables = 0usize;
    for text in texts {
        for w in text.split_whitespace() {
            if w.chars().any(char::is_alphabetic) {
                words += 1;
                syllables += count_syllables(w);
            }
        }
    }
    let sentences = sentence_count.max(1) as f64;
    let grade_level = if words == 0 {
        0.0
    } else {
        let g = 0.39 * (words as f64 / sentences) + 11.8 * (syllables as f64 / words as f64) - 15.59;
        (g.clamp(0.0, 30.0) * 10.0).round() / 10.0
    };
    Readability { words, minutes: words.div_ceil(WORDS_PER_MINUTE) as u32, grade_level }
}

/// Vowel groups, less a silent final "e"; at least one per word.
fn count_syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    let vowel = |c: &char| "aeiouyäöüéèàáíóú".contains(*c);
    let mut count = 0;
    let mut prev = false;
    for c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    if w.len() > 2 && w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_roughly() {
        assert_eq!(count_syllables("cat"), 1);
        assert_eq!(count_syllables("information"), 4);
        assert_eq!(count_syllables("make"), 1);
        assert_eq!(count_syllables("table"), 2);
    }

    #[test]
    fn simple_text_reads_easier_than_legalese() {
        let easy = measure(&["The cat sat. The dog ran."], 2);
        let hard = measure(
            &[
                "Notwithstanding the aforementioned stipulations, personal information is processed pursuant to applicable legislation.",
            ],
            1,
        );
        assert!(easy.grade_level < 3.0 && hard.grade_level > 15.0, "{} {}", easy.grade_level, hard.grade_level);
        assert_eq!(measure(&["word "; 239].map(|s| s), 1).minutes, 2);
    }
}
