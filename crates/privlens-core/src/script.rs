//! Writing systems that put no spaces between words (Chinese, Japanese, Thai): where a word
//! starts and how many words a text holds.

/// A Han character, kana or Thai letter: a script written without spaces, where any character
/// may start or end a word. Hangul is left out: Korean puts spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0e01}'..='\u{0e5b}'       // Thai
        | '\u{3005}'                    // 々, the repetition mark
        | '\u{3040}'..='\u{30ff}'       // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}'       // katakana extensions
        | '\u{3400}'..='\u{4dbf}'       // Han, extension A
        | '\u{4e00}'..='\u{9fff}'       // Han
        | '\u{f900}'..='\u{faff}'       // Han compatibility
        | '\u{ff66}'..='\u{ff9f}'       // half-width katakana
    )
}

/// A Thai letter, vowel sign, tone mark or figure.
pub fn is_thai(c: char) -> bool {
    matches!(c, '\u{0e01}'..='\u{0e5b}')
}

/// Whether a Thai syllable goes on from `before` to `after`, so no word may end between them:
/// vowel signs and tone marks belong to the consonant before them ("ข้อมูล"), and the vowels
/// written first ("เ", "ไ") to the consonant after.
pub fn thai_cluster_continues(before: char, after: char) -> bool {
    matches!(after, '\u{0e30}'..='\u{0e3a}' | '\u{0e45}' | '\u{0e47}'..='\u{0e4e}') || matches!(before, '\u{0e40}'..='\u{0e44}')
}

/// Hiragana or katakana: only Japanese writes them.
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}')
}

/// A Hangul syllable: Korean glues units and particles to numbers ("30일", "14세").
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7af}')
}

/// Chinese, Japanese and Korean characters, as the page-level counts have always taken them.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// A mark that belongs to the word it stands in though Unicode counts it as no letter: the
/// Devanagari virama and nukta ("प्रयोग", "ज़"), Arabic vowel marks and tatweel ("يومًا"), Hebrew
/// points, Thai vowel signs and tone marks, combining accents of decomposed Latin text, and the
/// zero-width joiners.
pub fn is_word_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0591}'..='\u{05bd}' | '\u{05bf}' | '\u{05c1}'..='\u{05c2}' | '\u{05c4}'..='\u{05c5}' | '\u{05c7}'
        | '\u{0610}'..='\u{061a}' | '\u{0640}' | '\u{064b}'..='\u{065f}' | '\u{0670}'
        | '\u{06d6}'..='\u{06ed}'
        | '\u{0900}'..='\u{0963}' | '\u{0966}'..='\u{0dff}'
        | '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}'
        | '\u{200c}'..='\u{200d}'
    )
}

/// A Hebrew or Arabic letter or mark. Both scripts glue "and", "the", "to" to the next word,
/// also to a name in Latin letters ("وFirebase", "וGoogle"): a change between them and
/// another script is a word boundary.
pub fn is_hebrew_or_arabic(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05ff}' | '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// Scripts whose phrases the matcher keeps apart, so that a page shows a script's letters before
/// its automaton is built: 0 stands for Latin and everything not listed, always searched.
pub const SCRIPT_GROUPS: usize = 10;

/// The [`SCRIPT_GROUPS`] entry a character belongs to.
pub fn script_group(c: char) -> usize {
    match c {
        '\u{0370}'..='\u{03ff}' | '\u{1f00}'..='\u{1fff}' => 1,
        '\u{0400}'..='\u{052f}' => 2,
        '\u{0590}'..='\u{05ff}' | '\u{fb1d}'..='\u{fb4f}' => 3,
        '\u{0600}'..='\u{06ff}'
        | '\u{0750}'..='\u{077f}'
        | '\u{08a0}'..='\u{08ff}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}' => 4,
        '\u{0900}'..='\u{0dff}' => 5,
        '\u{3000}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' => 6,
        '\u{1100}'..='\u{11ff}' | '\u{ac00}'..='\u{d7af}' => 7,
        '\u{0e00}'..='\u{0e7f}' => 8,
        '\u{0530}'..='\u{058f}' | '\u{10a0}'..='\u{10ff}' | '\u{1c90}'..='\u{1cbf}' => 9,
        _ => 0,
    }
}

/// The script groups of a phrase: the first character outside group 0 decides (a phrase can
/// only occur in a text that holds that character).
pub fn phrase_group(phrase: &str) -> usize {
    phrase.chars().map(script_group).find(|g| *g != 0).unwrap_or(0)
}

/// The script groups present in a text, as bits (group 0 always).
pub fn groups_in(text: &str) -> u16 {
    if text.is_ascii() {
        return 1;
    }
    text.chars().filter(|c| !c.is_ascii()).fold(1, |bits, c| bits | 1 << script_group(c))
}

/// A letter, digit or word mark: what a word is made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_word_mark(c))
}

/// Characters of Thai text to a word, on average ("ข้อมูล", "ส่วน", "บุคคล").
pub const THAI_CHARS_PER_WORD: usize = 4;

/// Words, with Chinese, Japanese and Korean characters counted two to a word and Thai ones four.
pub fn words(text: &str) -> usize {
    let spaced = text.split_whitespace().count();
    if text.is_ascii() {
        return spaced;
    }
    let (cjk, thai) = text.chars().fold((0, 0), |(cjk, thai), c| (cjk + usize::from(is_cjk(c)), thai + usize::from(is_thai(c))));
    spaced + cjk / 2 + thai / THAI_CHARS_PER_WORD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_belongs_to_the_script_of_its_first_letter_beyond_latin() {
        assert_eq!(phrase_group("Google Analytics"), 0);
        assert_eq!(phrase_group("données personnelles’"), 0, "accents and curly quotes are Latin");
        assert_eq!(phrase_group("Yandex Метрика"), script_group('М'));
        assert_ne!(phrase_group("个人信息"), phrase_group("개인정보"));
        assert_eq!(groups_in("plain ASCII"), 1);
        let bits = groups_in("Yandex Метрика и وFirebase");
        assert_eq!(bits, 1 | 1 << script_group('М') | 1 << script_group('و'));
    }

    #[test]
    fn thai_is_unspaced_and_its_syllables_hold_together() {
        assert!("ข้อมูลส่วนบุคคล๑๒".chars().all(|c| is_unspaced(c) && is_thai(c)));
        assert!("ข้อมูล".chars().all(is_word_char), "tone marks belong to the word");
        assert!(thai_cluster_continues('ข', '\u{0e49}') && thai_cluster_continues('เ', 'ก'));
        assert!(!thai_cluster_continues('ล', 'ส'));
        assert_eq!(words("ข้อมูลส่วนบุคคล"), 1 + 15 / THAI_CHARS_PER_WORD);
        assert_ne!(phrase_group("ข้อมูล"), 0);
        assert_ne!(phrase_group("მონაცემები"), 0, "Georgian has a group of its own");
    }

    #[test]
    fn han_and_kana_are_unspaced_hangul_and_latin_are_not() {
        assert!("個人情報をお預かりします".chars().all(is_unspaced));
        assert!(!"개인정보".chars().any(is_unspaced) && "개인정보".chars().all(is_hangul));
        assert!(!"données".chars().any(is_unspaced));
        assert_eq!(words("we collect data"), 3);
        assert_eq!(words("当社は個人情報を収集します"), 1 + 6);
    }

    #[test]
    fn viramas_vowel_marks_and_points_are_part_of_their_words() {
        for word in ["प्रयोग", "कुकीज़", "يومًا", "שָׁלוֹם", "donne\u{301}es"] {
            assert!(word.chars().all(|c| c.is_alphanumeric() || is_word_mark(c)), "{word}");
        }
        assert!(!is_word_mark('।') && !is_word_mark('،') && !is_word_mark(' ') && !is_word_mark('-'));
    }
}
