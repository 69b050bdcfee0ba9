//! Every language pack is checked against the ids the English knowledge and REPORT.md use.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::*;

fn keys(json: &str) -> BTreeSet<String> {
    let v: BTreeMap<String, Value> = serde_json::from_str(json).unwrap();
    v.into_keys().collect()
}

fn raw_packs() -> Vec<(&'static str, Value)> {
    LANGUAGE_PACKS.iter().enumerate().map(|(i, (file, _, _))| (*file, serde_json::from_str(&pack_json(i)).unwrap())).collect()
}

#[test]
fn every_pack_loads_under_its_own_tag() {
    assert!(!LANGUAGE_PACKS.is_empty());
    for (i, (file, name, _)) in LANGUAGE_PACKS.iter().enumerate() {
        let pack = LanguagePack::from_json(&pack_json(i)).unwrap_or_else(|e| panic!("{file}.json: {e}"));
        assert_eq!(pack.language, *file, "{file}.json names another language");
        assert_eq!(&pack.name, name, "{file}.json: the name read at build time is the pack's own");
        assert!(super::pack(file).is_some());
    }
    assert!(super::pack("en").is_none(), "English is read by the full reader, not a pack");
}

#[test]
fn a_kin_language_is_read_with_its_kin_pack_under_its_own_name() {
    let kin: BTreeMap<String, Value> = serde_json::from_str(include_str!("../../data/lexicon/language_kin.json")).unwrap();
    for (tag, k) in &kin {
        let with = k["read_with"].as_str().unwrap();
        assert!(LANGUAGE_PACKS.iter().all(|(file, _, _)| file != tag), "{tag} has a pack of its own");
        assert_eq!(super::pack(tag).map(|p| p.language.as_str()), Some(with), "{tag}");
    }
    let page = "<html lang=\"bs\"><head><title>Politika privatnosti</title></head><body><main><h1>Politika privatnosti</h1>\
        <p>Prikupljamo vaše ime, adresu e-pošte i broj telefona kako bismo isporučili narudžbu.</p>\
        <p>Imate pravo na pristup svojim ličnim podacima i pravo na brisanje podataka.</p>\
        <p>Vaše lične podatke ne prodajemo trećim licima.</p></main></body></html>";
    // Long enough to be a policy, not a stub.
    let more = "<p>Podatke čuvamo dok traje vaš korisnički račun i obrađujemo ih u skladu sa zakonom.</p>".repeat(6);
    let page = page.replace("</main>", &(more + "</main>"));
    let report = crate::scan(&crate::PageInput { content: &page, ..Default::default() }).unwrap();
    assert_eq!(report.language, "bs");
    assert_eq!(report.read_with.as_deref(), Some("hr"));
    assert!(report.summary.contains("in Bosnian (read with privlens's Croatian word lists)"), "{}", report.summary);
}

#[test]
fn pack_ids_are_the_report_ids() {
    let known: [(&str, BTreeSet<String>); 6] = [
        ("data_types", keys(include_str!("../../data/lexicon/data_types.json"))),
        ("purposes", keys(include_str!("../../data/lexicon/purposes.json"))),
        ("rights", keys(include_str!("../../data/lexicon/rights.json"))),
        ("security", keys(include_str!("../../data/lexicon/security.json"))),
        ("transfer_mechanisms", keys(include_str!("../../data/lexicon/transfer_mechanisms.json"))),
        ("recipients", crate::knowledge::load_recipients().unwrap().into_iter().map(|r| r.id).collect()),
    ];
    for (file, pack) in raw_packs() {
        for (field, ids) in &known {
            let map = pack[field].as_object().unwrap_or_else(|| panic!("{file}.json: {field} is no map"));
            for id in map.keys() {
                // A recipient phrase may name two kinds at once: "analytics_providers+advertising_partners".
                let parts: Vec<&str> = if *field == "recipients" { id.split('+').collect() } else { vec![id.as_str()] };
                assert!(parts.iter().all(|p| ids.contains(*p)), "{file}.json: {field} has unknown id {id}");
            }
        }
        let regions = keys(include_str!("../../data/lexicon/regions.json"));
        for id in pack.get("regions").and_then(Value::as_object).into_iter().flat_map(|m| m.keys()) {
            assert!(regions.contains(id), "{file}.json: unknown region {id}");
        }
        for id in pack["retention"]["units"].as_object().unwrap().keys() {
            assert!(unit_days(id).is_some(), "{file}.json: unknown time unit {id}");
        }
        for id in pack.get("right_needs").and_then(Value::as_object).into_iter().flat_map(|m| m.keys()) {
            assert!(known[2].1.contains(id), "{file}.json: right_needs names unknown right {id}");
        }
    }
}

/// Every phrase in a pack, with where it is.
fn phrases_in(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((at.to_string(), s.clone())),
        Value::Array(a) => a.iter().for_each(|x| phrases_in(x, at, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| phrases_in(x, &format!("{at}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn phrases_are_lower_case_whole_words_with_prefixes_marked_at_the_end() {
    for (file, pack) in raw_packs() {
        let mut all = Vec::new();
        phrases_in(&pack, "", &mut all);
        for (at, p) in all {
            if at == ".name" || at == ".language" {
                continue;
            }
            assert!(!p.trim().is_empty(), "{file}.json{at}: empty phrase");
            assert_eq!(p, p.to_lowercase(), "{file}.json{at}: {p:?} is not lower-case");
            assert!(!p.trim_end_matches('*').contains('*'), "{file}.json{at}: {p:?} has * inside");
            // Page text is read with its apostrophes made straight.
            assert!(!p.contains('’'), "{file}.json{at}: {p:?} has a typographic apostrophe");
            // Page text is folded (figures plain, Arabic vowel marks dropped...) before matching.
            assert_eq!(fold(&p), p, "{file}.json{at}: {p:?} would never match folded text");
            if at != ".clause_breaks" && at != ".purpose_links" {
                assert_eq!(p, p.trim(), "{file}.json{at}: {p:?} has spaces around it");
            }
        }
    }
}

#[test]
fn no_phrase_stands_for_two_ids() {
    for (file, pack) in raw_packs() {
        for field in ["data_types", "purposes", "rights", "recipients", "security", "transfer_mechanisms"] {
            let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
            for (id, list) in pack[field].as_object().unwrap() {
                for p in list.as_array().unwrap() {
                    let p = p.as_str().unwrap();
                    if let Some(other) = seen.insert(p, id) {
                        assert_eq!(other, id, "{file}.json: {field} lists {p:?} under {other} and {id}");
                    }
                }
            }
        }
    }
}

/// A pack's `signals` raise only signals that rest on wording: those read off findings
/// (`encryption`, `clear_contact`...) come from the findings, and absences are never raised.
#[test]
fn pack_signals_are_defined_wording_signals() {
    let defined: BTreeSet<&str> = crate::signals::definitions().iter().map(|d| d.id.as_str()).collect();
    let from_findings_or_absence = [
        "encryption",
        "clear_contact",
        "no_contact_given",
        "deletion_on_request",
        "no_deletion_right",
        "short_retention",
        "indefinite_retention",
        "changes_without_notice",
        "continued_use_is_acceptance",
        "outdated_transfer_mechanism",
        "third_party_tracking",
        "shares_for_advertising",
    ];
    for (i, (file, _, _)) in LANGUAGE_PACKS.iter().enumerate() {
        let pack = LanguagePack::from_json(&pack_json(i)).unwrap();
        assert!(!pack.signals.is_empty(), "{file}.json has no signals");
        for words in &pack.signals {
            for id in std::iter::once(&words.id).chain(&words.negated) {
                assert!(defined.contains(id.as_str()), "{file}.json: unknown signal {id}");
                assert!(!from_findings_or_absence.contains(&id.as_str()), "{file}.json: {id} is not read from wording");
            }
        }
    }
}

#[test]
fn fold_reads_figures_of_other_scripts_and_drops_arabic_vowel_marks() {
    assert_eq!(fold("٣٠ يومًا"), "30 يوما");
    assert_eq!(fold("۱۸ سال"), "18 سال");
    assert_eq!(fold("३० दिन"), "30 दिन");
    assert_eq!(fold("๓๐ วัน"), "30 วัน");
    assert_eq!(fold("৩০ দিন"), "30 দিন");
    assert_eq!(fold("সময়"), "সময\u{09bc}", "one-character য় reads as য and a nukta");
    assert_eq!(fold("התשמ״א-1981"), "התשמ\"א-1981");
    assert_eq!(fold("الخصـوصية"), "الخصوصية");
    assert_eq!(fold("Ｗｅ ３０日"), "ｗｅ 30日");
}
