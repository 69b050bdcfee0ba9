//! On-device segment classifier: the 12 OPP-115 categories of a policy segment.
//!
//! A one-vs-rest logistic regression over hashed tf-idf features: word unigrams and bigrams
//! in one group, character 2..5-grams of each word (padded with a space on each side) in the
//! other, each group L2-normalised. Trained by `crates/privlens-train` on the OPP-115
//! benchmark split (train + validation); see docs/CLASSIFIER.md. The model ships inside the
//! library (`data/model/segment_classifier.bin`), so the wasm build needs no download.
//!
//! The featuriser here is the one the trainer uses: a change to it needs a retrain.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The report's category ids, in the model's label order.
pub const LABELS: [&str; 12] = [
    "first_party_collection",
    "third_party_sharing",
    "user_choice",
    "user_access",
    "data_retention",
    "data_security",
    "policy_change",
    "do_not_track",
    "international_audiences",
    "introductory",
    "practice_not_covered",
    "contact_information",
];
pub const N_LABELS: usize = LABELS.len();
/// Feature groups: 0 = words and word bigrams, 1 = character n-grams within words.
pub const N_GROUPS: usize = 2;
/// Character n-gram lengths.
const CHAR_MIN: usize = 2;
const CHAR_MAX: usize = 5;

const MAGIC: &[u8; 8] = b"PLSEG001";
static MODEL_BYTES: &[u8] = include_bytes!("../data/model/segment_classifier.bin");

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn bucket(h: u64, mask: u32) -> u32 {
    ((h ^ (h >> 32)) as u32) & mask
}

/// Lower-cased words: maximal runs of alphanumeric characters.
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Sparse vector: (bucket, value), buckets distinct, in order of first occurrence.
pub type Sparse = Vec<(u32, f32)>;

/// Sublinear term frequencies (1 + ln count) of each group's hashed features, before idf.
pub fn term_frequencies(text: &str, bits: u32) -> [Sparse; N_GROUPS] {
    let mask = (1u32 << bits) - 1;
    let lower = text.to_lowercase();
    let mut words = word_slices(&lower).into_iter().peekable();
    let (word_seed, pair_seed, char_seed) = (fnv(FNV_OFFSET, b"w"), fnv(FNV_OFFSET, b"b"), fnv(FNV_OFFSET, b"c"));
    let mut word_keys: Vec<u32> = Vec::with_capacity(lower.len() / 3);
    let mut char_keys: Vec<u32> = Vec::with_capacity(lower.len() * 3);
    let mut bounds: Vec<usize> = Vec::new();
    let mut padded: Vec<u8> = Vec::new();
    while let Some(w) = words.next() {
        word_keys.push(bucket(fnv(word_seed, w.as_bytes()), mask));
        if let Some(next) = words.peek() {
            word_keys.push(bucket(fnv(fnv(fnv(pair_seed, w.as_bytes()), b" "), next.as_bytes()), mask));
        }
        // Character n-grams of " word ": each start extends its hash one character at a time.
        padded.clear();
        padded.push(b' ');
        padded.extend_from_slice(w.as_bytes());
        padded.push(b' ');
        if w.is_ascii() {
            ascii_char_keys(&padded, char_seed, mask, &mut char_keys);
            continue;
        }
        bounds.clear();
        bounds.push(0);
        bounds.extend(w.char_indices().map(|(b, _)| b + 1));
        bounds.push(padded.len() - 1);
        bounds.push(padded.len());
        let n_chars = bounds.len() - 1;
        for start in 0..n_chars.saturating_sub(CHAR_MIN - 1) {
            let mut h = char_seed;
            for n in 1..=CHAR_MAX.min(n_chars - start) {
                h = fnv(h, &padded[bounds[start + n - 1]..bounds[start + n]]);
                if n >= CHAR_MIN {
                    char_keys.push(bucket(h, mask));
                }
            }
        }
    }
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        if scratch.len() < 1 << bits {
            scratch.resize(1 << bits, 0);
        }
        [counts(&mut word_keys, &mut scratch), counts(&mut char_keys, &mut scratch)]
    })
}

/// The words of lower-cased text: maximal runs of alphanumeric characters. ASCII text, nearly
/// every English policy, is cut a byte at a time rather than a character at a time.
fn word_slices(lower: &str) -> Vec<&str> {
    if !lower.is_ascii() {
        return lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    }
    let bytes = lower.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i > start {
            out.push(&lower[start..i]);
        }
    }
    out
}

/// The character n-gram keys of a padded ASCII word, where every character is one byte: the
/// same hashes as the general path, without working out character boundaries.
fn ascii_char_keys(padded: &[u8], seed: u64, mask: u32, out: &mut Vec<u32>) {
    for start in 0..padded.len().saturating_sub(CHAR_MIN - 1) {
        let mut h = seed;
        for (n, b) in padded[start..padded.len().min(start + CHAR_MAX)].iter().enumerate() {
            h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
            if n + 1 >= CHAR_MIN {
                out.push(bucket(h, mask));
            }
        }
    }
}

/// Distinct keys in order of first occurrence, with 1 + ln(count). `scratch` holds a zero
/// count per bucket and is left that way. The distinct keys are gathered at the front of `keys`
/// itself (the n-th distinct key never lands past the n-th key), so no buffer is allocated.
fn counts(keys: &mut [u32], scratch: &mut [u32]) -> Sparse {
    // Written without a branch on "first time seen": that branch goes either way at random.
    let mut n = 0;
    for i in 0..keys.len() {
        let k = keys[i];
        let c = &mut scratch[k as usize];
        keys[n] = k;
        n += usize::from(*c == 0);
        *c += 1;
    }
    keys[..n].iter().map(|k| (*k, sublinear(std::mem::take(&mut scratch[*k as usize])))).collect()
}

/// 1 + ln(count), from a table for the common small counts.
fn sublinear(count: u32) -> f32 {
    static SMALL: OnceLock<[f32; 64]> = OnceLock::new();
    let table = SMALL.get_or_init(|| std::array::from_fn(|c| if c <= 1 { 1.0 } else { 1.0 + (c as f32).ln() }));
    table.get(count as usize).copied().unwrap_or_else(|| 1.0 + (count as f32).ln())
}

/// Multiply by idf and L2-normalise, in place.
pub fn apply_idf(tf: &mut Sparse, idf: &[f32]) {
    apply_idf_with(tf, |k| idf[k as usize]);
}

/// [`apply_idf`] with the idf of each bucket from `idf_of`.
fn apply_idf_with(tf: &mut Sparse, idf_of: impl Fn(u32) -> f32) {
    let mut norm = 0.0f32;
    for (k, v) in tf.iter_mut() {
        *v *= idf_of(*k);
        norm += *v * *v;
    }
    if norm > 0.0 {
        let inv = 1.0 / norm.sqrt();
        for (_, v) in tf.iter_mut() {
            *v *= inv;
        }
    }
}

/// Idf code 0 marks a feature never seen in training (left out, as a vocabulary would);
/// codes 1..=255 step up from `min`.
pub fn decode_idf(code: u8, min: f32, step: f32) -> f32 {
    if code == 0 { 0.0 } else { min + step * f32::from(code - 1) }
}

/// A model fresh from training, in the form [`TrainedModel::to_bytes`] writes.
pub struct TrainedModel {
    pub bits: u32,
    pub bias: [f32; N_LABELS],
    /// Probability at which a label is assigned.
    pub threshold: [f32; N_LABELS],
    /// Dequantisation scale of each label's weights.
    pub scale: [f32; N_LABELS],
    /// Per group: bucket-major, N_LABELS quantised weights per bucket.
    pub weights: [Vec<i16>; N_GROUPS],
}

/// One feature group's idf: a u8 code per bucket ([`decode_idf`]) and the 256 values the codes
/// stand for.
pub struct IdfCodes<'a> {
    codes: &'a [u8],
    values: [f32; 256],
}

impl IdfCodes<'_> {
    #[inline]
    fn of(&self, bucket: u32) -> f32 {
        self.values[usize::from(self.codes[bucket as usize])]
    }
}

/// The trained model, read in place from its bytes: per label a bias, a threshold and
/// weights over both feature groups. Nothing is copied or decoded up front (decoding 1.6 MB
/// of weights was a sixth of a page's first scan in the browser).
pub struct Model<'a> {
    pub bits: u32,
    pub idf: [IdfCodes<'a>; N_GROUPS],
    pub bias: [f32; N_LABELS],
    /// Probability at which a label is assigned.
    pub threshold: [f32; N_LABELS],
    /// Dequantisation scale of each label's weights.
    pub scale: [f32; N_LABELS],
    /// Per group: bucket-major, N_LABELS little-endian i16 weights per bucket.
    pub weights: [&'a [u8]; N_GROUPS],
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8], String> {
    if bytes.len() < n {
        return Err("segment classifier model is truncated".to_string());
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Ok(head)
}

fn u32_le(bytes: &mut &[u8]) -> Result<u32, String> {
    Ok(u32::from_le_bytes(take(bytes, 4)?.try_into().unwrap()))
}

fn f32_le(bytes: &mut &[u8]) -> Result<f32, String> {
    Ok(f32::from_le_bytes(take(bytes, 4)?.try_into().unwrap()))
}

impl TrainedModel {
    /// Serialise in the layout [`Model::from_bytes`] reads. `idf_codes` are the u8 codes with
    /// each group's (min, step).
    pub fn to_bytes(&self, idf_codes: &[(f32, f32, Vec<u8>); N_GROUPS]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [self.bits, N_LABELS as u32, N_GROUPS as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for id in LABELS {
            out.push(id.len() as u8);
            out.extend_from_slice(id.as_bytes());
        }
        for arr in [&self.bias, &self.threshold, &self.scale] {
            for v in arr {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for (min, step, codes) in idf_codes {
            out.extend_from_slice(&min.to_le_bytes());
            out.extend_from_slice(&step.to_le_bytes());
            out.extend_from_slice(codes);
        }
        for g in &self.weights {
            for w in g {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

impl<'a> Model<'a> {
    /// Layout (little-endian): magic `PLSEG001`; u32 bits, u32 labels, u32 groups; per label
    /// a u8 length and its id; f32 bias, threshold and scale per label; per group f32 idf_min,
    /// f32 idf_step and one u8 idf code per bucket ([`decode_idf`]); per group, per bucket, one i16 weight per
    /// label.
    pub fn from_bytes(mut bytes: &'a [u8]) -> Result<Model<'a>, String> {
        let b = &mut bytes;
        if take(b, 8)? != MAGIC {
            return Err("not a privlens segment classifier model".to_string());
        }
        let bits = u32_le(b)?;
        let (labels, groups) = (u32_le(b)? as usize, u32_le(b)? as usize);
        if !(8..=24).contains(&bits) || labels != N_LABELS || groups != N_GROUPS {
            return Err(format!("unexpected model shape: {bits} bits, {labels} labels, {groups} groups"));
        }
        for want in LABELS {
            let len = take(b, 1)?[0] as usize;
            if take(b, len)? != want.as_bytes() {
                return Err(format!("model labels differ from the report's ids (expected {want})"));
            }
        }
        let mut bias = [0.0; N_LABELS];
        let mut threshold = [0.0; N_LABELS];
        let mut scale = [0.0; N_LABELS];
        for arr in [&mut bias, &mut threshold, &mut scale] {
            for v in arr.iter_mut() {
                *v = f32_le(b)?;
            }
        }
        let buckets = 1usize << bits;
        let mut idf = Vec::with_capacity(N_GROUPS);
        for _ in 0..N_GROUPS {
            let (min, step) = (f32_le(b)?, f32_le(b)?);
            let values = std::array::from_fn(|q| decode_idf(q as u8, min, step));
            idf.push(IdfCodes { codes: take(b, buckets)?, values });
        }
        let mut weights = [&[][..]; N_GROUPS];
        for g in weights.iter_mut() {
            *g = take(b, buckets * N_LABELS * 2)?;
        }
        if !b.is_empty() {
            return Err("segment classifier model has trailing bytes".to_string());
        }
        let idf = idf.try_into().unwrap_or_else(|_| unreachable!("one idf table per group"));
        Ok(Model { bits, idf, bias, threshold, scale, weights })
    }

    /// Logits (before the sigmoid) of every label.
    pub fn logits(&self, text: &str) -> [f32; N_LABELS] {
        let mut tf = term_frequencies(text, self.bits);
        let mut acc = [0.0f32; N_LABELS];
        for (g, feats) in tf.iter_mut().enumerate() {
            apply_idf_with(feats, |k| self.idf[g].of(k));
            let w = self.weights[g];
            for (k, x) in feats.iter() {
                let row: &[u8; 2 * N_LABELS] = w[*k as usize * 2 * N_LABELS..][..2 * N_LABELS].try_into().unwrap();
                for l in 0..N_LABELS {
                    acc[l] += x * f32::from(i16::from_le_bytes([row[2 * l], row[2 * l + 1]]));
                }
            }
        }
        let mut out = [0.0; N_LABELS];
        for l in 0..N_LABELS {
            out[l] = self.bias[l] + acc[l] * self.scale[l];
        }
        out
    }

    /// Probability of every label.
    pub fn probabilities(&self, text: &str) -> [f32; N_LABELS] {
        self.logits(text).map(sigmoid)
    }

    /// Scores in (0, 1) with the label's threshold moved to 0.5: a label is assigned when its
    /// score is at least 0.5, and when none is, the highest-scoring label.
    pub fn scores(&self, text: &str) -> [f32; N_LABELS] {
        let z = self.logits(text);
        let mut out = [0.0; N_LABELS];
        for l in 0..N_LABELS {
            out[l] = sigmoid(z[l] - logit(self.threshold[l]));
        }
        out
    }

    /// Assigned label indices for scores from [`Model::scores`]: never empty.
    pub fn assign(scores: &[f32; N_LABELS]) -> Vec<usize> {
        let mut out: Vec<usize> = (0..N_LABELS).filter(|l| scores[*l] >= 0.5).collect();
        if out.is_empty() {
            let best = (0..N_LABELS).fold(0, |b, l| if scores[l] > scores[b] { l } else { b });
            out.push(best);
        }
        out
    }
}

#[inline]
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[inline]
pub fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// The model shipped with the library.
pub fn model() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES).expect("the embedded segment classifier model is valid"))
}

/// Categories and scores of one segment's text (its heading, when known, goes first in the
/// text, as in the training data). Scores are rounded to 3 decimals; a category is assigned
/// when its score is at least 0.5, and every segment gets at least one.
pub fn classify(text: &str) -> (Vec<String>, BTreeMap<String, f64>) {
    let scores = model().scores(text);
    let categories = Model::assign(&scores).into_iter().map(|l| LABELS[l].to_string()).collect();
    let scores = LABELS.iter().zip(scores).map(|(id, s)| (id.to_string(), (f64::from(s) * 1000.0).round() / 1000.0)).collect();
    (categories, scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_alphanumeric_runs() {
        assert_eq!(words("We DON'T sell data—ever (2024)."), vec!["we", "don", "t", "sell", "data", "ever", "2024"]);
    }

    #[test]
    fn term_frequencies_are_distinct_sublinear_counts() {
        let [w, c] = term_frequencies("data data data", 15);
        // "wdata" and "bdata data" (twice each kind of count), at most two word buckets.
        assert!(w.len() <= 2 && !w.is_empty());
        let mut keys: Vec<u32> = w.iter().map(|x| x.0).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), w.len());
        let top = w.iter().map(|x| x.1).fold(0.0f32, f32::max);
        assert!((top - (1.0 + 3f32.ln())).abs() < 1e-6, "{w:?}");
        // " data ": 5 bigrams + 4 trigrams + 3 four-grams + 2 five-grams, at most 14 buckets.
        assert!(c.len() <= 14 && c.len() >= 10, "{}", c.len());
        assert!(term_frequencies("", 15).iter().all(Vec::is_empty));
    }

    #[test]
    fn embedded_model_loads_within_budget() {
        let m = model();
        assert_eq!(m.weights[0].len(), (1 << m.bits) * N_LABELS * 2);
        assert!(m.threshold.iter().all(|t| *t > 0.0 && *t < 1.0));
        assert!(MODEL_BYTES.len() < 3_000_000, "model is {} bytes", MODEL_BYTES.len());
        assert!(Model::from_bytes(&MODEL_BYTES[..MODEL_BYTES.len() - 1]).is_err());
        assert!(Model::from_bytes(b"PLSEG000").is_err());
    }

    #[test]
    fn a_trained_model_reads_back_in_place_as_written() {
        let bits = 8;
        let buckets = 1usize << bits;
        let weights: [Vec<i16>; N_GROUPS] = std::array::from_fn(|g| {
            (0..buckets * N_LABELS).map(|i| (i as i16).wrapping_mul(37).wrapping_sub(g as i16 * 1000)).collect()
        });
        let trained = TrainedModel { bits, bias: [0.5; N_LABELS], threshold: [0.2; N_LABELS], scale: [0.001; N_LABELS], weights };
        let codes: [(f32, f32, Vec<u8>); N_GROUPS] =
            std::array::from_fn(|g| (1.0, 0.25, (0..buckets).map(|b| ((b + g) % 256) as u8).collect()));
        let bytes = trained.to_bytes(&codes);
        let model = Model::from_bytes(&bytes).expect("reads back");
        for (g, (_, _, group_codes)) in codes.iter().enumerate() {
            for (i, w) in trained.weights[g].iter().enumerate() {
                assert_eq!(i16::from_le_bytes([model.weights[g][2 * i], model.weights[g][2 * i + 1]]), *w);
            }
            for (b, code) in group_codes.iter().enumerate() {
                assert_eq!(model.idf[g].of(b as u32), decode_idf(*code, 1.0, 0.25));
            }
        }
        assert_eq!(model.bias, trained.bias);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 2]).is_err());
    }

    #[test]
    fn clear_segments_get_their_category() {
        let cases = [
            (
                "We retain your personal information for as long as your account is active and delete it within 30 days after you close it.",
                "data_retention",
            ),
            (
                "We use industry-standard SSL encryption and firewalls to protect your information from unauthorized access.",
                "data_security",
            ),
            (
                "If you have any questions about this privacy policy, please contact us at privacy@example.com or write to us at 1 Main Street.",
                "contact_information",
            ),
            ("We do not knowingly collect personal information from children under the age of 13.", "international_audiences"),
            ("We may share your information with advertisers and other third parties.", "third_party_sharing"),
        ];
        for (text, want) in cases {
            let (cats, scores) = classify(text);
            assert!(cats.contains(&want.to_string()), "{text}: {cats:?} {scores:?}");
            assert_eq!(scores.len(), 12);
        }
    }

    #[test]
    fn every_segment_gets_a_category() {
        for text in ["", "Lorem ipsum dolor sit amet.", "§§§"] {
            let (cats, scores) = classify(text);
            assert!(!cats.is_empty(), "{text:?}");
            assert!(scores.values().all(|s| (0.0..=1.0).contains(s)));
        }
    }
}
