//! Every common banner button label (tests/data/common_button_labels.json, ten languages) gets
//! the role it has on a real banner.

use std::collections::BTreeMap;

use privlens_core::banner::role_of_label;

#[test]
fn common_labels_in_ten_languages_get_their_roles() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("data/common_button_labels.json")).expect("the label file is JSON");
    let langs: BTreeMap<String, BTreeMap<String, Vec<String>>> =
        serde_json::from_value(file["labels"].clone()).expect("language -> role -> labels");
    assert_eq!(langs.len(), 10);
    let mut wrong = Vec::new();
    let mut total = 0;
    for (lang, roles) in &langs {
        for (role, labels) in roles {
            for label in labels {
                total += 1;
                let said = role_of_label(label);
                if said != role {
                    wrong.push(format!("{lang} {label:?}: {role}, said {said}"));
                }
            }
        }
    }
    assert!(total > 1000, "only {total} labels");
    assert!(wrong.is_empty(), "{} of {total} wrong:\n{}", wrong.len(), wrong.join("\n"));
}
