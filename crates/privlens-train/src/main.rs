//! `privlens-train`: trains privlens's segment classifier on the OPP-115 benchmark split and
//! evaluates it. Deterministic: the same data and flags give the same model file, byte for byte.
//!
//!   privlens-train train                      train + validation -> the shipped model and fixture
//!   privlens-train eval --split validation    the same recipe on train only, scored on validation
//!   privlens-train eval --split test          the committed model, scored on test (report only)
//!   privlens-train exp --split VARIANTS       feature experiments on validation (src/exp.rs)
//!
//! Options: --data DIR (default ../shared/datasets/opp115-benchmark beside the workspace),
//! --model FILE, --fixture FILE, and the recipe: --c C, --bits B, --min-df N,
//! --thresholds per-label|global|F, --folds K, --balanced. The defaults were chosen on
//! validation (docs/CLASSIFIER.md).

mod data;
mod exp;
mod lr;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use data::Segment;
use lr::Csr;
use privlens_core::classify::{self, LABELS, Model, N_GROUPS, N_LABELS, Sparse, TrainedModel};

/// Validation segments held out of the shipped model, for the recorded-output test.
const FIXTURE_EVERY: usize = 69;

#[derive(Debug, Clone)]
struct Recipe {
    c: f64,
    bits: u32,
    min_df: u32,
    balanced: bool,
    folds: usize,
    thresholds: Thresholds,
    max_iter: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Thresholds {
    PerLabel,
    Global,
    Fixed(f32),
}

impl Default for Recipe {
    fn default() -> Recipe {
        Recipe { c: 100.0, bits: 15, min_df: 1, balanced: false, folds: 5, thresholds: Thresholds::Global, max_iter: 1000 }
    }
}

struct Opts {
    command: String,
    split: String,
    data: PathBuf,
    model: PathBuf,
    fixture: PathBuf,
    recipe: Recipe,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parse(argv: &[String]) -> Result<Opts, String> {
    let root = workspace();
    let mut o = Opts {
        command: argv.first().cloned().ok_or("usage: privlens-train train|eval [--split validation|test] [options]")?,
        split: "validation".into(),
        data: root.join("../shared/datasets/opp115-benchmark"),
        model: root.join("crates/privlens-core/data/model/segment_classifier.bin"),
        fixture: root.join("crates/privlens-core/tests/segment_classifier_fixture.jsonl"),
        recipe: Recipe::default(),
    };
    let mut it = argv[1..].iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        let num = |v: String| v.parse::<f64>().map_err(|_| format!("{flag}: not a number: {v}"));
        match flag.as_str() {
            "--split" => o.split = value()?,
            "--data" => o.data = value()?.into(),
            "--model" => o.model = value()?.into(),
            "--fixture" => o.fixture = value()?.into(),
            "--c" => o.recipe.c = num(value()?)?,
            "--bits" => o.recipe.bits = num(value()?)? as u32,
            "--min-df" => o.recipe.min_df = num(value()?)? as u32,
            "--folds" => o.recipe.folds = num(value()?)? as usize,
            "--max-iter" => o.recipe.max_iter = num(value()?)? as usize,
            "--balanced" => o.recipe.balanced = true,
            "--thresholds" => {
                o.recipe.thresholds = match value()?.as_str() {
                    "per-label" => Thresholds::PerLabel,
                    "global" => Thresholds::Global,
                    v => Thresholds::Fixed(num(v.to_string())? as f32),
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = parse(&argv).and_then(|o| match o.command.as_str() {
        "train" => train(&o),
        "eval" => eval(&o),
        "exp" => exp::run(&o.data, &o.split, o.recipe.c),
        other => Err(format!("unknown command {other} (train or eval)")),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("privlens-train: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Idf of each group: smooth idf, ln((1 + n) / (1 + df)) + 1, quantised to u8 codes; buckets
/// seen in fewer than `min_df` documents get code 0 (left out).
fn idf_codes(tfs: &[[Sparse; N_GROUPS]], bits: u32, min_df: u32) -> [(f32, f32, Vec<u8>); N_GROUPS] {
    let n = tfs.len() as f64;
    let (min, max) = (1.0f64, (1.0 + n).ln() + 1.0);
    let step = (max - min) / 254.0;
    std::array::from_fn(|g| {
        let mut df = vec![0u32; 1 << bits];
        for doc in tfs {
            for (k, _) in &doc[g] {
                df[*k as usize] += 1;
            }
        }
        let codes = df
            .iter()
            .map(|d| {
                if *d == 0 || *d < min_df {
                    0
                } else {
                    let idf = ((1.0 + n) / (1.0 + f64::from(*d))).ln() + 1.0;
                    1 + ((idf - min) / step).round().clamp(0.0, 254.0) as u8
                }
            })
            .collect();
        (min as f32, step as f32, codes)
    })
}

fn decode(codes: &[(f32, f32, Vec<u8>); N_GROUPS]) -> [Vec<f32>; N_GROUPS] {
    std::array::from_fn(|g| codes[g].2.iter().map(|q| classify::decode_idf(*q, codes[g].0, codes[g].1)).collect())
}

fn matrix(tfs: &[[Sparse; N_GROUPS]], idf: &[Vec<f32>; N_GROUPS], bits: u32) -> Csr {
    let mut x = Csr::new(N_GROUPS << bits);
    for doc in tfs {
        let mut row = Vec::new();
        for g in 0..N_GROUPS {
            let mut v = doc[g].clone();
            classify::apply_idf(&mut v, &idf[g]);
            row.extend(v.into_iter().filter(|(_, v)| *v != 0.0).map(|(k, v)| ((g as u32) << bits | k, v)));
        }
        x.push(row);
    }
    x
}

/// Per label: weights over all groups and a bias.
struct Fitted {
    w: Vec<Vec<f64>>,
    b: Vec<f64>,
    idf: [(f32, f32, Vec<u8>); N_GROUPS],
}

fn fit_all(segs: &[&Segment], tfs: &[[Sparse; N_GROUPS]], r: &Recipe) -> Fitted {
    let idf = idf_codes(tfs, r.bits, r.min_df);
    let x = matrix(tfs, &decode(&idf), r.bits);
    let mut w = Vec::new();
    let mut b = Vec::new();
    for l in 0..N_LABELS {
        let y: Vec<bool> = segs.iter().map(|s| s.labels[l]).collect();
        let fit = lr::fit(&x, &y, r.c, r.balanced, r.max_iter);
        w.push(fit.w);
        b.push(fit.b);
    }
    Fitted { w, b, idf }
}

/// Probabilities of the float model (before quantisation).
fn predict(f: &Fitted, tfs: &[[Sparse; N_GROUPS]], bits: u32) -> Vec<[f32; N_LABELS]> {
    let x = matrix(tfs, &decode(&f.idf), bits);
    (0..x.rows()).map(|i| std::array::from_fn(|l| classify::sigmoid((x.dot(i, &f.w[l]) + f.b[l]) as f32))).collect()
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64 }
}

/// Thresholds from out-of-fold probabilities on the training segments.
fn thresholds(segs: &[&Segment], tfs: &[[Sparse; N_GROUPS]], r: &Recipe) -> [f32; N_LABELS] {
    if let Thresholds::Fixed(t) = r.thresholds {
        return [t; N_LABELS];
    }
    // Fold of each segment: a fixed pseudo-random permutation, dealt round-robin.
    let n = segs.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut fold = vec![0; n];
    for (pos, i) in order.iter().enumerate() {
        fold[*i] = pos % r.folds;
    }
    let mut oof = vec![[0.0f32; N_LABELS]; n];
    for k in 0..r.folds {
        let train: Vec<usize> = (0..n).filter(|i| fold[*i] != k).collect();
        let held: Vec<usize> = (0..n).filter(|i| fold[*i] == k).collect();
        let ts: Vec<&Segment> = train.iter().map(|i| segs[*i]).collect();
        let ttf: Vec<[Sparse; N_GROUPS]> = train.iter().map(|i| tfs[*i].clone()).collect();
        let htf: Vec<[Sparse; N_GROUPS]> = held.iter().map(|i| tfs[*i].clone()).collect();
        let fitted = fit_all(&ts, &ttf, r);
        for (i, p) in held.iter().zip(predict(&fitted, &htf, r.bits)) {
            oof[*i] = p;
        }
    }
    let grid: Vec<f32> = (5..=95).map(|t| t as f32 / 100.0).collect();
    let counts = |l: usize, t: f32| {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (s, p) in segs.iter().zip(&oof) {
            match (p[l] >= t, s.labels[l]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        (tp, fp, fn_)
    };
    // Smoothed over neighbouring grid points, so a lone spike does not win.
    let best = |score: &dyn Fn(f32) -> f64| -> f32 {
        let raw: Vec<f64> = grid.iter().map(|t| score(*t)).collect();
        let smooth = |i: usize| {
            let (a, b) = (i.saturating_sub(2), (i + 2).min(raw.len() - 1));
            raw[a..=b].iter().sum::<f64>() / (b - a + 1) as f64
        };
        let i = (0..raw.len()).fold(0, |b, i| if smooth(i) > smooth(b) + 1e-12 { i } else { b });
        grid[i]
    };
    match r.thresholds {
        Thresholds::PerLabel => std::array::from_fn(|l| {
            best(&|t| {
                let (tp, fp, fn_) = counts(l, t);
                f1(tp, fp, fn_)
            })
        }),
        _ => {
            let t = best(&|t| {
                let (mut tp, mut fp, mut fn_) = (0, 0, 0);
                for l in 0..N_LABELS {
                    let c = counts(l, t);
                    tp += c.0;
                    fp += c.1;
                    fn_ += c.2;
                }
                f1(tp, fp, fn_)
            });
            [t; N_LABELS]
        }
    }
}

/// The recipe end to end: fit, thresholds, quantise, serialise.
fn build(segs: &[&Segment], r: &Recipe) -> Vec<u8> {
    let t0 = Instant::now();
    let tfs: Vec<[Sparse; N_GROUPS]> = segs.iter().map(|s| classify::term_frequencies(&s.text, r.bits)).collect();
    let threshold = thresholds(segs, &tfs, r);
    eprintln!("thresholds ({:.0} s): {threshold:?}", t0.elapsed().as_secs_f64());
    let fitted = fit_all(segs, &tfs, r);
    let buckets = 1usize << r.bits;
    let mut scale = [0.0f32; N_LABELS];
    for l in 0..N_LABELS {
        let max = fitted.w[l].iter().fold(0.0f64, |a, w| a.max(w.abs()));
        scale[l] = if max > 0.0 { (max / 32767.0) as f32 } else { 1.0 };
    }
    let weights: [Vec<i16>; N_GROUPS] = std::array::from_fn(|g| {
        let mut out = vec![0i16; buckets * N_LABELS];
        for k in 0..buckets {
            for l in 0..N_LABELS {
                out[k * N_LABELS + l] = (fitted.w[l][g * buckets + k] / f64::from(scale[l])).round() as i16;
            }
        }
        out
    });
    let model = TrainedModel { bits: r.bits, bias: std::array::from_fn(|l| fitted.b[l] as f32), threshold, scale, weights };
    eprintln!("trained on {} segments in {:.0} s", segs.len(), t0.elapsed().as_secs_f64());
    model.to_bytes(&fitted.idf)
}

fn is_fixture(i: usize) -> bool {
    i.is_multiple_of(FIXTURE_EVERY)
}

fn train(o: &Opts) -> Result<(), String> {
    let train = data::load(&o.data, "train")?;
    let val = data::load(&o.data, "validation")?;
    let segs: Vec<&Segment> =
        train.iter().chain(val.iter().enumerate().filter(|(i, _)| !is_fixture(*i)).map(|(_, s)| s)).collect();
    let bytes = build(&segs, &o.recipe);
    let model = Model::from_bytes(&bytes)?;
    if let Some(dir) = o.model.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&o.model, &bytes).map_err(|e| format!("cannot write {}: {e}", o.model.display()))?;
    eprintln!("wrote {} ({} bytes)", o.model.display(), bytes.len());
    let mut lines = String::new();
    for s in val.iter().enumerate().filter(|(i, _)| is_fixture(*i)).map(|(_, s)| s) {
        let scores = model.scores(&s.text);
        let cats: Vec<&str> = Model::assign(&scores).into_iter().map(|l| LABELS[l]).collect();
        let scores: serde_json::Map<String, serde_json::Value> = LABELS
            .iter()
            .zip(scores)
            .map(|(id, v)| (id.to_string(), serde_json::json!((f64::from(v) * 1e4).round() / 1e4)))
            .collect();
        lines.push_str(&serde_json::json!({ "text": s.text, "gold": s.ids(), "categories": cats, "scores": scores }).to_string());
        lines.push('\n');
    }
    std::fs::write(&o.fixture, lines).map_err(|e| format!("cannot write {}: {e}", o.fixture.display()))?;
    eprintln!("wrote {}", o.fixture.display());
    Ok(())
}

fn eval(o: &Opts) -> Result<(), String> {
    let (bytes, segs) = match o.split.as_str() {
        "validation" => {
            let train = data::load(&o.data, "train")?;
            let segs: Vec<&Segment> = train.iter().collect();
            eprintln!("recipe {:?}, trained on train only", o.recipe);
            (build(&segs, &o.recipe), data::load(&o.data, "validation")?)
        }
        "test" => {
            let bytes = std::fs::read(&o.model).map_err(|e| format!("cannot read {}: {e}", o.model.display()))?;
            eprintln!("model {} ({} bytes)", o.model.display(), bytes.len());
            (bytes, data::load(&o.data, "test")?)
        }
        other => return Err(format!("unknown split {other} (validation or test)")),
    };
    let model = Model::from_bytes(&bytes)?;
    let mut c = [(0usize, 0usize, 0usize); N_LABELS];
    let t0 = Instant::now();
    for s in &segs {
        let assigned = Model::assign(&model.scores(&s.text));
        for l in 0..N_LABELS {
            match (assigned.contains(&l), s.labels[l]) {
                (true, true) => c[l].0 += 1,
                (true, false) => c[l].1 += 1,
                (false, true) => c[l].2 += 1,
                _ => {}
            }
        }
    }
    let elapsed = t0.elapsed();
    let micro = f1(c.iter().map(|x| x.0).sum(), c.iter().map(|x| x.1).sum(), c.iter().map(|x| x.2).sum());
    let per: Vec<f64> = c.iter().map(|x| f1(x.0, x.1, x.2)).collect();
    let macro_ = per.iter().sum::<f64>() / N_LABELS as f64;
    println!("split {} ({} segments, classified in {:.1} ms)", o.split, segs.len(), elapsed.as_secs_f64() * 1e3);
    println!("micro-F1 {micro:.4}  macro-F1 {macro_:.4}");
    println!("{:<26} {:>6} {:>6} {:>6} {:>6}", "label", "F1", "tp", "fp", "fn");
    for l in 0..N_LABELS {
        println!("{:<26} {:>6.3} {:>6} {:>6} {:>6}", LABELS[l], per[l], c[l].0, c[l].1, c[l].2);
    }
    Ok(())
}
