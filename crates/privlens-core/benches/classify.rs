//! Segment classifier speed: every segment of a 10,000-word policy, as `scan` segments it.
//! The policy is the seeds' segments repeated until they hold 10,000 words.
//! Run: `cargo bench -p privlens-core --bench classify`.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use privlens_core::{PageInput, categorise::categorise, scan};

/// (heading, text) of the segments of a policy of at least `words` words.
fn policy_segments(words: usize) -> Vec<(Option<String>, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut all = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("seed is text");
        let report = scan(&PageInput { content: &text, ..PageInput::default() }).expect("seed scans");
        all.extend(report.segments.into_iter().map(|s| (s.heading, s.text)));
    }
    let mut out = Vec::new();
    let mut count = 0;
    for seg in all.iter().cycle() {
        if count >= words {
            break;
        }
        count += seg.1.split_whitespace().count();
        out.push(seg.clone());
    }
    out
}

fn bench(c: &mut Criterion) {
    let segments = policy_segments(10_000);
    let words: usize = segments.iter().map(|s| s.1.split_whitespace().count()).sum();
    eprintln!("policy: {} segments, {words} words", segments.len());
    // Load the model outside the timing (the extension loads it once per worker).
    let _ = categorise(None, "warm up");
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(segments.len() as u64));
    group.bench_function("policy_10k_words", |b| {
        b.iter(|| segments.iter().map(|(h, t)| categorise(h.as_deref(), t).0.len()).sum::<usize>())
    });
    group.finish();
    c.bench_function("classify/model_load", |b| {
        b.iter(|| {
            privlens_core::classify::Model::from_bytes(include_bytes!("../data/model/segment_classifier.bin")).unwrap().bits
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
