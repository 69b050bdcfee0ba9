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
    if let Some(tag) = declared_tag(declared) {
        return tag;
    }
    let texts: Vec<&str> = texts.into_iter().collect();
    if let Some(tag) = by_script(&texts) {
        return tag.to_string();
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

/// The primary tag of a page's declared language ("de-DE" is `de`), lower-case; Bokmål and
/// Nynorsk are read as Norwegian, Serbian of Montenegro ("sr-ME", "sr-Latn-ME") as Montenegrin.
pub fn declared_tag(declared: Option<&str>) -> Option<String> {
    let mut subtags = declared?.split(['-', '_']);
    let tag = subtags.next().filter(|t| (2..=3).contains(&t.len()))?.to_ascii_lowercase();
    // Montenegrin sites mostly declare Serbian of Montenegro.
    if tag == "sr" && subtags.any(|s| s.eq_ignore_ascii_case("me")) {
        return Some("cnr".to_string());
    }
    Some(if tag == "nb" || tag == "nn" { "no".to_string() } else { tag })
}

/// How many characters of the page the script count reads.
const SCRIPT_SAMPLE_CHARS: usize = 20_000;

/// Chinese, Japanese, Korean or Thai, told by their scripts: kana is Japanese, Hangul Korean,
/// Han alone Chinese. None when those scripts are under a third of the letters (a language menu
/// on an English page).
fn by_script(texts: &[&str]) -> Option<&'static str> {
    let (mut letters, mut kana, mut hangul, mut han, mut thai) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let chars = texts.iter().filter(|t| !t.is_ascii()).flat_map(|t| t.chars()).take(SCRIPT_SAMPLE_CHARS);
    for c in chars.filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c {
            c if crate::script::is_kana(c) => kana += 1,
            c if crate::script::is_hangul(c) => hangul += 1,
            c if crate::script::is_thai(c) => thai += 1,
            c if crate::script::is_unspaced(c) => han += 1,
            _ => {}
        }
    }
    if thai >= MIN_SCRIPT_CHARS && thai * 3 >= letters && thai > kana + hangul + han {
        return Some("th");
    }
    let cjk = kana + hangul + han;
    if cjk < MIN_SCRIPT_CHARS || cjk * 3 < letters {
        return None;
    }
    Some(if hangul * 2 > cjk {
        "ko"
    } else if kana * 10 >= cjk {
        "ja"
    } else {
        "zh"
    })
}

/// Fewer Chinese, Japanese, Korean or Thai characters than this tell nothing.
const MIN_SCRIPT_CHARS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_japanese_and_korean_are_told_by_their_scripts() {
        let ja = "当社は、お客様の個人情報を適切に取り扱います。取得した個人情報は、利用目的の範囲内で利用します。";
        let zh = "我们非常重视您的个人信息保护。我们收集的个人信息仅用于向您提供服务，未经您的同意不会向第三方提供。";
        let ko = "회사는 이용자의 개인정보를 중요시하며, 개인정보 보호법을 준수하고 있습니다. 수집한 개인정보는 목적 외로 이용하지 않습니다.";
        assert_eq!(detect(None, ja), "ja");
        assert_eq!(detect(None, zh), "zh");
        assert_eq!(detect(None, ko), "ko");
        let ru = "Мы обрабатываем персональные данные, которые вы нам сообщаете, только если это необходимо, а также храним их не дольше, чем требуется.";
        assert_eq!(detect(None, ru), "ru");
        let th = "บริษัทฯ ให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลของท่าน และจะเก็บรวบรวมข้อมูลเท่าที่จำเป็นเท่านั้น";
        assert_eq!(detect(None, th), "th");
        // A language menu on an English page changes nothing.
        let english = "We collect the data and we use it for the service of our users. 简体中文 日本語 한국어 ภาษาไทย";
        assert_eq!(detect(None, english), "en");
    }

    #[test]
    fn declared_language_wins_then_words_decide() {
        assert_eq!(detect(Some("de-DE"), "the and of"), "de");
        assert_eq!(detect(Some("nb-NO"), "the and of"), "no");
        assert_eq!(detect(Some("sr-Latn-ME"), "the and of"), "cnr");
        assert_eq!(detect(Some("sr-RS"), "the and of"), "sr");
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

    #[test]
    fn session_eleven_languages_are_told_apart_from_their_neighbours_and_persian_from_arabic() {
        let cases = [
            (
                "bg",
                "Ние обработваме личните ви данни, които ни предоставяте, само когато това е необходимо, и ги съхраняваме не по-дълго от нужното.",
            ),
            (
                "hr",
                "Podaci koje prikupljamo koriste se samo za pružanje usluge, a također ih ne prodajemo niti dijelimo s trećim stranama koje nisu naši partneri ili obrađivači.",
            ),
            (
                "sl",
                "Vaše osebne podatke obdelujemo, da vam lahko zagotovimo storitev, in jih hranimo le toliko časa, kot je potrebno, ter jih ne prodajamo.",
            ),
            ("ar", "نحن نجمع بياناتك الشخصية التي تقدمها لنا عند التسجيل، ونستخدمها لتقديم الخدمة ولا نبيعها إلى أي طرف آخر."),
            (
                "he",
                "אנו אוספים את המידע האישי שאתה מוסר לנו בעת ההרשמה, ומשתמשים בו כדי לספק את השירות, ואיננו מוכרים אותו לאף גורם.",
            ),
            ("hi", "हम आपकी व्यक्तिगत जानकारी एकत्र करते हैं जो आप पंजीकरण के समय हमें देते हैं, और इसका उपयोग सेवा प्रदान करने के लिए करते हैं।"),
            (
                "fa",
                "ما اطلاعات شخصی شما را که هنگام ثبت‌نام به ما می‌دهید جمع‌آوری می‌کنیم و از آن برای ارائه خدمات استفاده می‌کنیم و آن را به هیچ کس نمی‌فروشیم.",
            ),
        ];
        for (want, text) in cases {
            assert_eq!(detect(None, text), want, "{text}");
        }
    }

    #[test]
    fn languages_of_sessions_twelve_and_thirteen_are_told_apart_from_their_neighbours() {
        let cases = [
            (
                "et",
                "Töötleme teie isikuandmeid ainult selleks, et osutada teenust, ning säilitame neid nii kaua, kui see on vajalik; me ei müü neid kellelegi.",
            ),
            (
                "lv",
                "Mēs apstrādājam jūsu personas datus tikai tad, kad tas ir nepieciešams pakalpojuma sniegšanai, un glabājam tos līdz līguma beigām.",
            ),
            (
                "lt",
                "Jūsų asmens duomenis tvarkome tik tada, kai to reikia paslaugai teikti, ir saugome juos ne ilgiau, nei būtina; jų neparduodame.",
            ),
            (
                "ca",
                "Tractem les vostres dades personals només per prestar el servei i les conservem mentre sigui necessari; també podeu retirar el consentiment en qualsevol moment.",
            ),
            (
                "es",
                "Tratamos sus datos personales solo para prestar el servicio y los conservamos mientras sea necesario; también puede retirar su consentimiento en cualquier momento.",
            ),
            (
                "ms",
                "Kami memproses maklumat peribadi anda hanya untuk menyediakan perkhidmatan dan tidak akan mendedahkannya kepada sebarang pihak ketiga tanpa persetujuan anda.",
            ),
            (
                "sr",
                "Ваше податке о личности обрађујемо само ако је то потребно, а такође их не продајемо трећим лицима, која нису наши обрађивачи.",
            ),
            // Urdu, not Persian or Arabic, though all three share a script.
            ("ur", "ہم آپ کی ذاتی معلومات صرف آرڈر کی ترسیل کے لیے استعمال کرتے ہیں اور انہیں کسی کو فروخت نہیں کرتے۔"),
            // Macedonian, not Bulgarian or Serbian.
            (
                "mk",
                "Вашите лични податоци ги обработуваме само доколку е потребно и нема да ги продаваме на трети лица, ниту ќе ги користиме за други цели.",
            ),
            (
                "sq",
                "Ne i përpunojmë të dhënat tuaja personale vetëm për të ofruar shërbimin dhe nuk i shesim ato te palë të treta, sipas ligjit në fuqi.",
            ),
            ("bn", "আমরা আপনার ব্যক্তিগত তথ্য শুধুমাত্র সেবা দেওয়ার জন্য সংগ্রহ করি এবং এই তথ্য কখনো বিক্রি করি না।"),
            // Icelandic, not Norwegian or Danish; Kazakh, not Russian.
            (
                "is",
                "Við vinnum persónuupplýsingar þínar aðeins þegar það er nauðsynlegt og seljum þær ekki til þriðju aðila, hvorki nú né síðar.",
            ),
            (
                "kk",
                "Біз сіздің дербес деректеріңізді тек қызмет көрсету үшін өңдейміз және оларды үшінші тұлғаларға сатпаймыз, бұл заңға сәйкес.",
            ),
            (
                "ka",
                "ჩვენ ვამუშავებთ თქვენს პერსონალურ მონაცემებს მხოლოდ მომსახურების გასაწევად და არ ვყიდით მათ მესამე მხარეებზე.",
            ),
            // Azerbaijani, not Turkish.
            (
                "az",
                "Biz şəxsi məlumatlarınızı yalnız xidmət göstərmək üçün emal edirik və onları üçüncü şəxslərə satmırıq, həmçinin qanuna uyğun olaraq qoruyuruq.",
            ),
            (
                "hy",
                "Մենք մշակում ենք Ձեր անձնական տվյալները միայն ծառայությունը մատուցելու համար և չենք վաճառում դրանք երրորդ անձանց։",
            ),
            // Galician, not Portuguese; Irish, not English; Basque and Maltese.
            (
                "gl",
                "Os teus datos persoais trátanse unicamente para xestionar a túa conta e non se ceden a terceiros sen o teu consentimento.",
            ),
            (
                "ga",
                "Ní roinnimid do shonraí pearsanta le tríú páirtithe agus tá sé de cheart agat rochtain a fháil orthu freisin.",
            ),
            ("eu", "Zure datu pertsonalak zerbitzua emateko bakarrik erabiltzen ditugu eta ez ditugu hirugarrenei saltzen."),
            (
                "mt",
                "Aħna nipproċessaw id-data personali tiegħek biex nipprovdu s-servizz u ma nbigħux id-data tiegħek lil partijiet terzi.",
            ),
        ];
        for (want, text) in cases {
            assert_eq!(detect(None, text), want, "{text}");
        }
    }
}
