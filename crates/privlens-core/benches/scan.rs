//! Scan speed: every seed, and synthetic policies of 100 KB, 1 MB and 10 MB made by
//! repeating real seed text; the German, French, Polish and Swedish fixture pages, read with
//! their language packs, and 1 MB of each. Run: `cargo bench -p privlens-core --bench scan`.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use privlens_core::{PageInput, scan};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy()[..3].to_string(), std::fs::read_to_string(e.path()).expect("seed is text")))
        .collect();
    out.sort();
    out
}

/// A policy of about `size` bytes: the seeds' text repeated.
fn synthetic(seeds: &[(String, String)], size: usize) -> String {
    let all: String = seeds.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    let mut out = String::with_capacity(size + all.len());
    while out.len() < size {
        out.push_str(&all);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut group = c.benchmark_group("seed");
    for (name, text) in &seeds {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| scan(&PageInput { content: t, ..PageInput::default() }).expect("seed scans"))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = synthetic(&seeds, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| scan(&PageInput { content: t, ..PageInput::default() }).expect("synthetic scans"))
        });
    }
    group.finish();
}

/// The German, French, Polish and Swedish fixture pages, as written, and 1 MB of each page's
/// policy body.
fn pack_pages() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/policies");
    let mut out = Vec::new();
    let cases = [
        ("de", "de_onlineshop_datenschutz"),
        ("fr", "fr_boutique_confidentialite"),
        ("pl", "pl_sklep_polityka"),
        ("sv", "sv_app_integritetspolicy"),
        ("ja", "ja_coffee_privacy"),
        ("zh", "zh_maicai_yinsi"),
        ("ko", "ko_gagyebu_privacy"),
        ("ru", "ru_magazin_politika"),
        ("uk", "uk_kubyk_konfidentsiinist"),
        ("tr", "tr_indirim_aydinlatma"),
        ("hu", "hu_akcioapp_adatkezeles"),
    ];
    for (label, case) in cases {
        let page = std::fs::read_to_string(dir.join(case).join("page.html")).expect("fixture page");
        let body = page.split("<main").nth(1).and_then(|m| m.split("</main>").next()).expect("a <main> element");
        let mut big = format!("<html lang=\"{label}\"><body><main");
        while big.len() < 1_000_000 {
            big.push_str(body);
            big.push_str("</main><main");
        }
        big.push_str("></main></body></html>");
        out.push((format!("{label}_page"), page));
        out.push((format!("{label}_1MB"), big));
    }
    out
}

fn bench_packs(c: &mut Criterion) {
    let mut group = c.benchmark_group("language_pack");
    group.sample_size(10);
    for (label, page) in pack_pages() {
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&label), &page, |b, t| {
            b.iter(|| scan(&PageInput { content: t, ..PageInput::default() }).expect("page scans"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_packs);
criterion_main!(benches);
