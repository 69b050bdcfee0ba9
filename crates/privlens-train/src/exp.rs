//! Experiments, validation only: feature variants fitted on train and scored in float (before
//! quantisation) on validation at a few global thresholds. Nothing here is written or shipped.
//!
//!   privlens-train exp --split VARIANT[,VARIANT...] [--c C]
//!
//! VARIANT is `name[:option...]`. Names: `base` (the shipped features); `ctxwA` (plus one group
//! of the previous and next segments' word 1-2-grams, tf-idf, each scaled by A); `ctxpnA` (the
//! previous and next in separate groups); `ctxallA` (separate groups, words and characters).
//! Options: `nb:a:beta` (NBSVM-style log-count-ratio scaling, smoothing a, interpolation beta);
//! `ens` (mean logit of the plain and the `nb:1:0.5` fits); `CX` (C = X); `noctx` (score
//! validation with the neighbours left empty); `dup` (train on each segment with and without
//! its neighbours). Neighbours come from OPP-115's derived segments in policy order
//! (`../opp115/derived/opp115_segments.jsonl` beside the benchmark directory), matched on
//! lower-cased alphanumeric text. Results: docs/CLASSIFIER.md.

use std::collections::HashMap;
use std::path::Path;

use crate::data::{self, Segment};
use crate::lr::{self, Csr};
use privlens_core::classify::{self, N_GROUPS, N_LABELS, Sparse};

pub fn norm(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Policy-order neighbours of benchmark segments, from OPP-115's derived segments.
pub struct Context {
    pos: HashMap<String, (u64, u64)>,
    text: HashMap<(u64, u64), String>,
}

impl Context {
    pub fn load(bench: &Path) -> Result<Context, String> {
        let path = bench.join("../opp115/derived/opp115_segments.jsonl");
        let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut pos = HashMap::new();
        let mut text = HashMap::new();
        for line in s.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            let (p, i) = (v["policy_id"].as_u64().unwrap(), v["segment_id"].as_u64().unwrap());
            let t = v["text"].as_str().unwrap().to_string();
            pos.entry(norm(&t)).or_insert((p, i));
            text.insert((p, i), t);
        }
        Ok(Context { pos, text })
    }
    /// (previous, next) segment texts, empty when unknown.
    pub fn neighbours(&self, t: &str) -> (String, String) {
        match self.pos.get(&norm(t)) {
            Some(&(p, i)) => (
                if i > 0 { self.text.get(&(p, i - 1)).cloned().unwrap_or_default() } else { String::new() },
                self.text.get(&(p, i + 1)).cloned().unwrap_or_default(),
            ),
            None => (String::new(), String::new()),
        }
    }
}

fn idf(docs: &[&[Sparse; N_GROUPS]], bits: u32) -> [Vec<f32>; N_GROUPS] {
    let n = docs.len() as f32;
    std::array::from_fn(|g| {
        let mut df = vec![0u32; 1 << bits];
        for d in docs {
            for (k, _) in &d[g] {
                df[*k as usize] += 1;
            }
        }
        df.iter().map(|d| if *d == 0 { 0.0 } else { ((1.0 + n) / (1.0 + *d as f32)).ln() + 1.0 }).collect()
    })
}

fn tfidf(tf: &Sparse, idf: &[f32], scale: f32, offset: u32, out: &mut Vec<(u32, f32)>) {
    let mut v = tf.clone();
    classify::apply_idf(&mut v, idf);
    out.extend(v.into_iter().filter(|x| x.1 != 0.0).map(|(k, x)| (offset + k, x * scale)));
}

struct Doc {
    own: [Sparse; N_GROUPS],
    prev: [Sparse; N_GROUPS],
    next: [Sparse; N_GROUPS],
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64 }
}

fn score(segs: &[Segment], p: &[[f32; N_LABELS]], t: &[f32; N_LABELS]) -> (f64, f64, Vec<f64>) {
    let mut c = [(0usize, 0usize, 0usize); N_LABELS];
    for (s, p) in segs.iter().zip(p) {
        let mut a: Vec<usize> = (0..N_LABELS).filter(|l| p[*l] >= t[*l]).collect();
        if a.is_empty() {
            a.push((0..N_LABELS).fold(0, |b, l| if p[l] / t[l] > p[b] / t[b] { l } else { b }));
        }
        for l in 0..N_LABELS {
            match (a.contains(&l), s.labels[l]) {
                (true, true) => c[l].0 += 1,
                (true, false) => c[l].1 += 1,
                (false, true) => c[l].2 += 1,
                _ => {}
            }
        }
    }
    let micro = f1(c.iter().map(|x| x.0).sum(), c.iter().map(|x| x.1).sum(), c.iter().map(|x| x.2).sum());
    let per: Vec<f64> = c.iter().map(|x| f1(x.0, x.1, x.2)).collect();
    (micro, per.iter().sum::<f64>() / N_LABELS as f64, per)
}

pub fn report(name: &str, val: &[Segment], p: &[[f32; N_LABELS]]) {
    let mut line = format!("{name:<34}");
    let mut best = (0.0, 0.0, 0.0f32);
    for t in [0.12f32, 0.16, 0.2, 0.25, 0.3] {
        let (mi, ma, _) = score(val, p, &[t; N_LABELS]);
        line += &format!(" t{t:.2} {mi:.3}/{ma:.3}");
        if mi + ma > best.0 + best.1 {
            best = (mi, ma, t);
        }
    }
    println!("{line}");
    let (_, _, per) = score(val, p, &[best.2; N_LABELS]);
    println!("    per-label at {:.2}: {}", best.2, per.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(" "));
}

pub fn fit_predict(xtr: &Csr, ytr: &[Segment], xva: &Csr, c: f64) -> Vec<[f32; N_LABELS]> {
    let mut out = vec![[0.0f32; N_LABELS]; xva.rows()];
    for l in 0..N_LABELS {
        let y: Vec<bool> = ytr.iter().map(|s| s.labels[l]).collect();
        let fit = lr::fit(xtr, &y, c, false, 1000);
        for i in 0..xva.rows() {
            out[i][l] = classify::sigmoid((xva.dot(i, &fit.w) + fit.b) as f32);
        }
    }
    out
}

/// NBSVM-style: per label, features scaled by the log-count ratio r (smoothing a), then
/// interpolated: r' = beta * r + (1 - beta) (beta 1 = plain NB scaling).
pub fn fit_predict_nb(xtr: &Csr, ytr: &[Segment], xva: &Csr, c: f64, a: f64, beta: f64) -> Vec<[f32; N_LABELS]> {
    let mut out = vec![[0.0f32; N_LABELS]; xva.rows()];
    for l in 0..N_LABELS {
        let y: Vec<bool> = ytr.iter().map(|s| s.labels[l]).collect();
        let (mut p, mut q) = (vec![a; xtr.dim], vec![a; xtr.dim]);
        for i in 0..xtr.rows() {
            for j in xtr.indptr[i]..xtr.indptr[i + 1] {
                let v = f64::from(xtr.val[j]).abs();
                if y[i] { p[xtr.idx[j] as usize] += v } else { q[xtr.idx[j] as usize] += v }
            }
        }
        let (sp, sq): (f64, f64) = (p.iter().sum(), q.iter().sum());
        let r: Vec<f64> = (0..xtr.dim).map(|k| ((p[k] / sp) / (q[k] / sq)).ln().abs() * beta + (1.0 - beta)).collect();
        let mut x2 = Csr { indptr: xtr.indptr.clone(), idx: xtr.idx.clone(), val: xtr.val.clone(), dim: xtr.dim };
        for j in 0..x2.val.len() {
            x2.val[j] *= r[x2.idx[j] as usize] as f32;
        }
        let fit = lr::fit(&x2, &y, c, false, 1000);
        let w: Vec<f64> = fit.w.iter().zip(&r).map(|(w, r)| w * r).collect();
        for i in 0..xva.rows() {
            out[i][l] = classify::sigmoid((xva.dot(i, &w) + fit.b) as f32);
        }
    }
    out
}

pub fn run(dir: &Path, which: &str, c: f64) -> Result<(), String> {
    let bits = 15u32;
    let train = data::load(dir, "train")?;
    let val = data::load(dir, "validation")?;
    let ctx = Context::load(dir)?;
    let docs = |segs: &[Segment]| -> Vec<Doc> {
        segs.iter()
            .map(|s| {
                let (p, n) = ctx.neighbours(&s.text);
                Doc {
                    own: classify::term_frequencies(&s.text, bits),
                    prev: classify::term_frequencies(&p, bits),
                    next: classify::term_frequencies(&n, bits),
                }
            })
            .collect()
    };
    let (dtr, dva) = (docs(&train), docs(&val));
    let linked = train.iter().filter(|s| ctx.pos.contains_key(&norm(&s.text))).count();
    eprintln!("linked {linked}/{} train segments", train.len());
    let idf_v = idf(&dtr.iter().map(|d| &d.own).collect::<Vec<_>>(), bits);
    let b = 1u32 << bits;
    let idf = &idf_v;
    let build = |docs: &[Doc], f: &dyn Fn(&Doc, &mut Vec<(u32, f32)>)| -> Csr {
        let mut x = Csr::new(8 << bits);
        for d in docs {
            let mut row = Vec::new();
            f(d, &mut row);
            x.push(row);
        }
        x
    };
    let own = |d: &Doc, r: &mut Vec<(u32, f32)>| {
        tfidf(&d.own[0], &idf[0], 1.0, 0, r);
        tfidf(&d.own[1], &idf[1], 1.0, b, r);
    };
    for spec in which.split(',') {
        let t0 = std::time::Instant::now();
        // variant[:nb:a:beta][:c]
        let parts: Vec<&str> = spec.split(':').collect();
        let v = parts[0];
        let f: Box<dyn Fn(&Doc, &mut Vec<(u32, f32)>)> = match v {
            "base" => Box::new(own),
            v if v.starts_with("ctxw") => {
                // prev + next words in one group, scaled
                let a: f32 = v[4..].parse().unwrap_or(0.5);
                Box::new(move |d: &Doc, r: &mut Vec<(u32, f32)>| {
                    own(d, r);
                    tfidf(&d.prev[0], &idf[0], a, 2 * b, r);
                    tfidf(&d.next[0], &idf[0], a, 2 * b, r);
                })
            }
            v if v.starts_with("ctxpn") => {
                let a: f32 = v[5..].parse().unwrap_or(0.5);
                Box::new(move |d: &Doc, r: &mut Vec<(u32, f32)>| {
                    own(d, r);
                    tfidf(&d.prev[0], &idf[0], a, 2 * b, r);
                    tfidf(&d.next[0], &idf[0], a, 3 * b, r);
                })
            }
            v if v.starts_with("ctxall") => {
                let a: f32 = v[6..].parse().unwrap_or(0.5);
                Box::new(move |d: &Doc, r: &mut Vec<(u32, f32)>| {
                    own(d, r);
                    tfidf(&d.prev[0], &idf[0], a, 2 * b, r);
                    tfidf(&d.next[0], &idf[0], a, 3 * b, r);
                    tfidf(&d.prev[1], &idf[1], a, 4 * b, r);
                    tfidf(&d.next[1], &idf[1], a, 5 * b, r);
                })
            }
            other => return Err(format!("unknown variant {other}")),
        };
        let (xtr, ytr) = if parts.contains(&"dup") {
            let mut all: Vec<Doc> =
                dtr.iter().map(|d| Doc { own: d.own.clone(), prev: d.prev.clone(), next: d.next.clone() }).collect();
            all.extend(dtr.iter().map(|d| Doc { own: d.own.clone(), prev: Default::default(), next: Default::default() }));
            (build(&all, &*f), train.iter().chain(train.iter()).cloned().collect::<Vec<_>>())
        } else {
            (build(&dtr, &*f), train.clone())
        };
        let train = &ytr;
        let xva = if parts.contains(&"noctx") {
            let empty: Vec<Doc> =
                dva.iter().map(|d| Doc { own: d.own.clone(), prev: Default::default(), next: Default::default() }).collect();
            build(&empty, &*f)
        } else {
            build(&dva, &*f)
        };
        let c = parts.iter().find_map(|p| p.strip_prefix("C")).map(|x| x.parse().unwrap()).unwrap_or(c);
        let p = if parts.get(1) == Some(&"ens") {
            let a = fit_predict(&xtr, train, &xva, c);
            let b = fit_predict_nb(&xtr, train, &xva, c, 1.0, 0.5);
            a.iter()
                .zip(&b)
                .map(|(a, b)| std::array::from_fn(|l| classify::sigmoid((classify::logit(a[l]) + classify::logit(b[l])) / 2.0)))
                .collect()
        } else if parts.get(1) == Some(&"nb") {
            let a: f64 = parts[2].parse().unwrap();
            let beta: f64 = parts[3].parse().unwrap();
            fit_predict_nb(&xtr, train, &xva, c, a, beta)
        } else {
            fit_predict(&xtr, train, &xva, c)
        };
        report(&format!("{spec} C{c}"), &val, &p);
        eprintln!("  ({:.0} s)", t0.elapsed().as_secs_f64());
    }
    Ok(())
}
