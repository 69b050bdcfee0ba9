//! The page's language: from the page's own declaration, else from common words.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// Languages in tag order, and each common word with the languages (indexes) it belongs to: one
/// lookup per word of the page, however many languages there are.
struct Stopwords {
    languages: Vec<String>,
    word_languages: HashMap<String, Vec<usize>>,
}

fn stopwords() -> &'static Stopwords {
    static S: OnceLock<Stopwords> = OnceLock::new();
    S.get_or_init(|| {
        let lists: BTreeMap<String, Vec<String>> =
            serde_json::from_str(include_str!("../data/lexicon/stopwords.json")).expect("valid stopwords.json");
        let mut word_languages: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, words) in lists.values().enumerate() {
            for w in words {
                word_languages.entry(w.clone()).or_default().push(i);
            }
        }
        Stopwords { languages: lists.into_keys().collect(), word_languages }
    })
}

/// BCP 47 primary tag, e.g. `en`; `und` when nothing tells.
pub fn detect(declared: Option<&str>, text: &str) -> String {
    detect_in(declared, [text])
}

/// [`detect`] over the texts one after the other (a page's segments), as if joined by line breaks.
pub fn detect_in<'a>(declared: Option<&str>, texts: impl IntoIterator<Item = &'a str>) -> String {
    if let Some(tag) = declared.and_then(|d| d.split(['-', '_']).next()).filter(|t| (2..=3).contains(&t.len())) {
        let tag = tag.to_ascii_lowercase();
        // Bokmål and Nynorsk are read as Norwegian.
        return if tag == "nb" || tag == "nn" { "no".to_string() } else { tag };
    }
    let sample: Vec<String> = texts
        .into_iter()
        .flat_map(str::split_whitespace)
        .take(3000)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let stop = stopwords();
    let mut counts = vec![0usize; stop.languages.len()];
    for w in &sample {
        for i in stop.word_languages.get(w).into_iter().flatten() {
            counts[*i] += 1;
        }
    }
    // On a tie the last language in tag order wins, as it always has.
    let best = (0..counts.len()).max_by_key(|i| counts[*i]);
    match best {
        Some(i) if counts[i] >= 3 && counts[i] * 20 >= sample.len().min(400) => stop.languages[i].clone(),
        _ => "und".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_language_wins_then_words_decide() {
        assert_eq!(detect(Some("de-DE"), "the and of"), "de");
        assert_eq!(detect(Some("nb-NO"), "the and of"), "no");
        assert_eq!(detect(None, "We collect the data and we use it for the service of our users."), "en");
        assert_eq!(
            detect(None, "Wir erheben die Daten und nutzen sie für den Dienst, der unseren Nutzern die Daten zeigt."),
            "de"
        );
        assert_eq!(detect(None, "12345 !!!"), "und");
        let polish = "Administratorem Pani/Pana danych osobowych jest sklep, który przetwarza dane w celu realizacji zamówień oraz przez okres niezbędny, jeśli jest to wymagane.";
        assert_eq!(detect(None, polish), "pl");
        let swedish = "Vi behandlar dina personuppgifter för att kunna leverera tjänsten och sparar dem inte längre än vad som behövs, samt när lagen kräver det.";
        assert_eq!(detect(None, swedish), "sv");
        // Norwegian, Danish and Swedish are told apart by the words they do not share.
        let norwegian = "Vi behandler personopplysningene dine for å levere tjenesten til deg, og vi lagrer dem ikke lenger enn nødvendig, med mindre noen lov krever noe annet etter at du har sluttet.";
        assert_eq!(detect(None, norwegian), "no");
        let danish = "Vi behandler dine personoplysninger for at levere tjenesten, og vi gemmer nogle af dem indtil du sletter din konto, medmindre noget andet fremgår af vores vilkår.";
        assert_eq!(detect(None, danish), "da");
        let romanian = "Prelucrăm datele dumneavoastră cu caracter personal pentru a vă livra comenzile și nu le vindem către terți, care nu sunt parteneri ai noștri.";
        assert_eq!(detect(None, romanian), "ro");
        // Czech is not read as Polish.
        let czech = "Vaše osobní údaje zpracováváme pro poskytování služby a uchováváme je pouze po dobu, která je nezbytná, nebo jak to vyžaduje zákon; jsou také chráněny.";
        assert_eq!(detect(None, czech), "cs");
    }
}
