//! The check-worthiness model: hashed features and a logistic regression whose weights are
//! the generated file `data/checkworthy.tsv` (made by `src/bin/train_checkworthy.rs`).

use std::sync::OnceLock;

use super::cues::{Cue, Found, Word};
use crate::claim::Value;

/// How many hash buckets the features fall into (2^14).
pub const FEATURE_BUCKETS: usize = 1 << 14;

/// FNV-1a, 32 bits: the same on every platform, so training and the browser agree.
struct Hash(u32);

impl Hash {
    fn new(tag: u8) -> Self {
        let mut h = Hash(0x811c_9dc5);
        h.feed(&[tag]);
        h
    }

    fn feed(&mut self, bytes: &[u8]) -> &mut Self {
        for &b in bytes {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        self
    }

    fn bucket(&self) -> u32 {
        self.0.wrapping_mul(0x9e37_79b1) >> (32 - FEATURE_BUCKETS.trailing_zeros())
    }
}

/// The hashed features of one sentence: its words and word pairs, its cues, the claims the
/// scanner found in it (kind, unit of a quantity, how many), the pairs of distinct cues and
/// claim kinds present, and its length.
pub(crate) fn features<'a>(words: &[Word], cues: &[Found], claims: impl IntoIterator<Item = &'a Value>) -> Vec<u32> {
    let mut out = Vec::with_capacity(2 * words.len() + cues.len() + 8);
    let mut previous = "<s>";
    for w in words {
        out.push(Hash::new(b'u').feed(w.norm.as_bytes()).bucket());
        out.push(Hash::new(b'b').feed(previous.as_bytes()).feed(b" ").feed(w.norm.as_bytes()).bucket());
        if w.norm.len() > 5 && w.norm.bytes().all(|b| b.is_ascii_lowercase()) {
            out.push(Hash::new(b's').feed(&w.norm.as_bytes()[w.norm.len() - 3..]).bucket());
        }
        previous = &w.norm;
    }
    out.push(Hash::new(b'b').feed(previous.as_bytes()).feed(b" </s>").bucket());
    // Which cues and claim kinds are present, as bits of `Cue`.
    let mut present = 0u32;
    for f in cues {
        out.push(Hash::new(b'c').feed(&[f.cue as u8]).bucket());
        present |= 1 << f.cue as u32;
    }
    let mut count = 0u8;
    for value in claims {
        let (tag, cue) = match value {
            Value::Quantity { unit, .. } => {
                out.push(Hash::new(b'q').feed(&[*unit as u8]).bucket());
                (b'Q', Cue::Quantity)
            }
            Value::Date { .. } => (b'D', Cue::Date),
            Value::Country(_) => (b'C', Cue::Country),
            Value::Place { .. } => (b'P', Cue::Place),
        };
        out.push(Hash::new(b'k').feed(&[tag]).bucket());
        present |= 1 << cue as u32;
        count = count.saturating_add(1);
    }
    out.push(Hash::new(b'K').feed(&[count.min(3)]).bucket());
    for a in 0..u32::BITS {
        for b in a + 1..u32::BITS {
            if present & (1 << a) != 0 && present & (1 << b) != 0 {
                out.push(Hash::new(b'p').feed(&[a as u8, b as u8]).bucket());
            }
        }
    }
    let length = words.iter().filter(|w| w.norm.chars().next().is_some_and(char::is_alphanumeric)).count();
    let length_class = usize::BITS - length.leading_zeros();
    out.push(Hash::new(b'n').feed(&length_class.to_le_bytes()).bucket());
    out
}

struct Model {
    bias: f32,
    scale: f32,
    weights: Vec<i8>,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(data!("checkworthy.tsv")))
}

/// Reads the weights file: `bias` and `scale` in billionths, then `weights` rows of hex bytes
/// (two's-complement i8) in bucket order. Missing or malformed values count as zero.
/// (Integers, not floats: float parsing would add ~15 KB to the wasm.)
fn parse(src: &str) -> Model {
    let mut model = Model { bias: 0.0, scale: 0.0, weights: Vec::with_capacity(FEATURE_BUCKETS) };
    let billionths = |v: &str| v.trim().parse::<i64>().unwrap_or(0) as f32 / 1e9;
    for line in src.lines().filter(|l| !l.starts_with('#')) {
        let Some((key, value)) = line.split_once('\t') else {
            continue;
        };
        match key {
            "bias" => model.bias = billionths(value),
            "scale" => model.scale = billionths(value),
            "weights" => {
                let hex = value.trim().as_bytes();
                let byte = |pair: &[u8]| std::str::from_utf8(pair).ok().and_then(|p| u8::from_str_radix(p, 16).ok());
                model.weights.extend(hex.chunks(2).map(|pair| byte(pair).unwrap_or(0) as i8));
            }
            _ => {}
        }
    }
    model.weights.resize(FEATURE_BUCKETS, 0);
    model
}

/// The probability-like score of a sentence with these features, in 0..=1: each feature
/// weighs 1/sqrt(n) in a sentence of n features. The decision threshold is folded into the
/// bias: a sentence is check-worthy when its score is ≥ 0.5.
pub(crate) fn score(features: &[u32]) -> f32 {
    let model = model();
    let sum: i32 = features.iter().map(|&f| i32::from(model.weights.get(f as usize).copied().unwrap_or(0))).sum();
    let logit = model.bias + model.scale * sum as f32 / (features.len().max(1) as f32).sqrt();
    1.0 / (1.0 + (-logit).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_file_is_complete() {
        let src = include_str!("../data/checkworthy.tsv");
        let rows = src.lines().filter(|l| l.starts_with("weights\t")).count();
        assert_eq!(rows * 64, FEATURE_BUCKETS);
        assert!(src.lines().any(|l| l.starts_with("# Trained")), "the header says how the file was made");
        let model = parse(src);
        assert!(model.scale > 0.0 && model.weights.iter().any(|&w| w != 0));
    }

    #[test]
    fn hashes_are_fixed() {
        assert_eq!(Hash::new(b'u').feed(b"percent").0, Hash::new(b'u').feed(b"per").feed(b"cent").0);
        assert!(Hash::new(b'u').feed(b"percent").bucket() < FEATURE_BUCKETS as u32);
    }
}
