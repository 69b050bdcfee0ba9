//! The committed segment classifier scores validation segments held out of its training
//! exactly as `privlens-train train` recorded them when it wrote the model.

use privlens_core::classify::{LABELS, Model, model};

#[test]
fn committed_model_scores_held_out_segments_as_recorded() {
    let fixture = include_str!("segment_classifier_fixture.jsonl");
    let mut n = 0;
    for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        let text = rec["text"].as_str().unwrap();
        let scores = model().scores(text);
        for (l, id) in LABELS.iter().enumerate() {
            let want = rec["scores"][id].as_f64().unwrap();
            assert!((f64::from(scores[l]) - want).abs() <= 2e-4, "{id}: {} vs recorded {want} for {text:.60}", scores[l]);
        }
        let got: Vec<&str> = Model::assign(&scores).into_iter().map(|l| LABELS[l]).collect();
        let want: Vec<&str> = rec["categories"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(got, want, "{text:.60}");
        // The public entry point agrees with the model (scores rounded to 3 decimals).
        let (cats, rounded) = privlens_core::classify::classify(text);
        assert_eq!(cats, want);
        assert_eq!(rounded.len(), 12);
        n += 1;
    }
    assert!(n >= 5, "the fixture holds {n} segments");
}
