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
            if !w.is_ascii() {
                // Chinese and Japanese run words together: two characters to a word, one syllable
                // each. Thai too: four characters to a word, of two syllables.
                let thai = w.chars().filter(|c| crate::script::is_thai(*c)).count();
                if thai > 0 {
                    let thai_words = thai.div_ceil(crate::script::THAI_CHARS_PER_WORD);
                    words += thai_words;
                    syllables += 2 * thai_words;
                    continue;
                }
                let unspaced = w.chars().filter(|c| crate::script::is_unspaced(*c)).count();
                if unspaced > 0 {
                    words += unspaced.div_ceil(2);
                    syllables += unspaced.div_ceil(2);
                    continue;
                }
            }
            let has_letter =
                if w.is_ascii() { w.bytes().any(|b| b.is_ascii_alphabetic()) } else { w.chars().any(char::is_alphabetic) };
            if has_letter {
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

/// Vowel groups, less a silent final "e"; at least one per word. Counted on the fly: a policy
/// has tens of thousands of words, and a lower-cased copy of each cost more than the count.
fn count_syllables(word: &str) -> usize {
    if word.is_ascii() {
        return ascii_syllables(word.as_bytes());
    }
    let vowel = |c: char| "aeiouyäöüéèàáíóú".contains(c);
    let letters = word.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphabetic()).map(|c| (c, vowel(c)));
    finish_count(letters)
}

/// The same count for an ASCII word, a byte at a time: nearly every word of an English
/// policy, where looking each letter up among the accented vowels cost most of the time.
fn ascii_syllables(word: &[u8]) -> usize {
    let letters = word.iter().filter(|b| b.is_ascii_alphabetic()).map(|b| {
        let c = b.to_ascii_lowercase();
        (char::from(c), matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
    });
    finish_count(letters)
}

/// Syllables from a word's lower-case letters, each with whether it is a vowel.
fn finish_count(letters: impl Iterator<Item = (char, bool)>) -> usize {
    let (mut count, mut len, mut prev_vowel) = (0, 0, false);
    let (mut last, mut before_last) = ('\0', '\0');
    for (c, v) in letters {
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
        (before_last, last) = (last, c);
        len += 1;
    }
    if len > 2 && last == 'e' && before_last != 'l' && count > 1 {
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
        assert_eq!(count_syllables("Légère"), 2);
        assert_eq!(count_syllables("e-mail"), 2);
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
        // Thirteen characters of Japanese read as seven words.
        assert_eq!(measure(&["当社は個人情報を収集します"], 1).words, 7);
        assert_eq!(measure(&["word "; 239].map(|s| s), 1).minutes, 2);
    }
}
