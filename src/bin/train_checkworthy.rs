//! Trains the check-worthiness model and writes `src/data/checkworthy.tsv`.
//!
//! ```text
//! cargo run --release --bin train_checkworthy -- [--data DIR] [--out FILE] [--date YYYY-MM-DD]
//! ```
//! Trains on ClaimBuster `crowdsourced.jsonl` (= CheckThat! 2024 train) and chooses the
//! hyper-parameters on its later debates (held out) and `groundtruth.jsonl` (= CheckThat! 2024
//! dev), the threshold on groundtruth and out-of-fold crowdsourced scores; it never reads a test
//! set. Features come from `factmark::features`, the code inference runs (scanner included), so
//! training and serving agree. Deterministic: a fixed seed and a fixed grid. Then it times
//! `factmark::assess` and `factmark::sentences` on the training text and prints MB/s.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;

const SEED: u64 = 0x5eed_c1a1_b057_e200;
const LEARNING_RATE: f64 = 0.1;
const L2: [f64; 3] = [1e-5, 1e-4, 1e-3];
const EPOCHS: [usize; 4] = [4, 8, 16, 32];
/// How much a check-worthy sentence's error counts against a non-check-worthy one's.
const POSITIVE_WEIGHT: [f64; 2] = [1.0, 2.0];
const HELD_OUT_FROM: &str = "2016";
/// Weights are quantised to -LEVELS..=LEVELS, the largest |weight| at LEVELS.
const LEVELS: i8 = 127;
/// Where the threshold is chosen: "groundtruth" (expert labels) or "both", the best mean F1
/// of groundtruth and of out-of-fold scores of the crowdsourced sentences (crowd labels).
const THRESHOLD_ON: &str = "both";

#[derive(Deserialize)]
struct Row {
    text: String,
    label: u8,
    debate: String,
}

struct Example {
    features: Vec<u32>,
    positive: bool,
    /// The debate's date, `YYYY-MM-DD`.
    debate: String,
}

fn load(path: &str) -> Result<(Vec<Example>, Vec<String>), String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut examples = Vec::new();
    let mut texts = Vec::new();
    for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row: Row = serde_json::from_str(line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        examples.push(Example {
            features: factmark::features(&row.text),
            positive: row.label == 1,
            debate: row.debate,
        });
        texts.push(row.text);
    }
    Ok((examples, texts))
}

/// xorshift64*: a small fixed-seed generator for the shuffles.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

struct Weights {
    bias: f64,
    w: Vec<f64>,
}

/// Each feature counts 1/sqrt(n) in a sentence of n features, as in `factmark`'s model.
fn norm(features: &[u32]) -> f64 {
    1.0 / (features.len().max(1) as f64).sqrt()
}

fn logit(w: &Weights, features: &[u32]) -> f64 {
    w.bias + norm(features) * features.iter().map(|&f| w.w[f as usize]).sum::<f64>()
}

/// Logistic regression by AdaGrad with L2 on the active weights; a positive example's error
/// counts `positive_weight` times.
fn train(data: &[&Example], l2: f64, epochs: usize, positive_weight: f64) -> Weights {
    let mut w = Weights { bias: 0.0, w: vec![0.0; factmark::FEATURE_BUCKETS] };
    let mut g2 = vec![1e-8; factmark::FEATURE_BUCKETS];
    let mut g2_bias = 1e-8;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(SEED);
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in &order {
            let ex = &data[i];
            let p = 1.0 / (1.0 + (-logit(&w, &ex.features)).exp());
            let err = (p - f64::from(u8::from(ex.positive))) * if ex.positive { positive_weight } else { 1.0 };
            let x = norm(&ex.features);
            for &f in &ex.features {
                let f = f as usize;
                let g = err * x + l2 * w.w[f];
                g2[f] += g * g;
                w.w[f] -= LEARNING_RATE * g / g2[f].sqrt();
            }
            g2_bias += err * err;
            w.bias -= LEARNING_RATE * err / f64::sqrt(g2_bias);
        }
    }
    w
}

/// The threshold on the logit with the best positive-class F1, and that F1, P and R.
fn best_threshold(scored: &mut [(f64, bool)]) -> (f64, f64, f64, f64) {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = scored.iter().filter(|s| s.1).count() as f64;
    let (mut tp, mut best) = (0.0, (f64::INFINITY, 0.0, 0.0, 0.0));
    for (k, &(score, positive)) in scored.iter().enumerate() {
        tp += f64::from(u8::from(positive));
        let next_differs = scored.get(k + 1).is_none_or(|n| n.0 < score);
        let (p, r) = (tp / (k + 1) as f64, tp / positives.max(1.0));
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        if next_differs && f1 > best.1 {
            let below = scored.get(k + 1).map_or(score - 1.0, |n| n.0);
            best = ((score + below) / 2.0, f1, p, r);
        }
    }
    best
}

/// F1, precision and recall of the positive class when a logit ≥ `threshold` says positive.
fn f1_at(scored: &[(f64, bool)], threshold: f64) -> (f64, f64, f64) {
    let count = |predicted: bool, positive: bool| {
        scored.iter().filter(|s| (s.0 >= threshold) == predicted && s.1 == positive).count() as f64
    };
    let (tp, fp, fne) = (count(true, true), count(true, false), count(false, true));
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fne > 0.0 { tp / (tp + fne) } else { 0.0 };
    (if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }, p, r)
}

/// The threshold (on a 0.01 grid) with the best mean F1 over the two sets.
fn best_mean_threshold(a: &[(f64, bool)], b: &[(f64, bool)]) -> f64 {
    let mut best = (f64::NEG_INFINITY, 0.0);
    for step in -500..=300 {
        let t = f64::from(step) / 100.0;
        let mean = (f1_at(a, t).0 + f1_at(b, t).0) / 2.0;
        if mean > best.0 {
            best = (mean, t);
        }
    }
    best.1
}

/// Weights as integers in -LEVELS..=LEVELS times one scale, the largest |weight| at LEVELS.
fn quantise(w: &Weights) -> (f64, Vec<i8>) {
    let max = w.w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let levels = f64::from(LEVELS);
    let scale = if max > 0.0 { max / levels } else { 1.0 };
    (scale, w.w.iter().map(|x| (x / scale).round().clamp(-levels, levels) as i8).collect())
}

fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let date = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(days as i64));
    date.map_or_else(|_| "unknown".into(), |d| d.to_string())
}

fn run() -> Result<(), String> {
    let mut data = "../shared/benchmarks/checkworthy/claimbuster".to_string();
    let mut out = "src/data/checkworthy.tsv".to_string();
    let mut date = None;
    let mut argv = std::env::args().skip(1);
    while let Some(a) = argv.next() {
        let mut value = || argv.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = value()?,
            "--out" => out = value()?,
            "--date" => date = Some(value()?),
            other => {
                return Err(format!(
                "unknown argument {other:?}; usage: train_checkworthy [--data DIR] [--out FILE] [--date YYYY-MM-DD]"
            ))
            }
        }
    }
    let date = date.unwrap_or_else(today);
    let (train_set, train_texts) = load(&format!("{data}/crowdsourced.jsonl"))?;
    let (dev_set, _) = load(&format!("{data}/groundtruth.jsonl"))?;
    eprintln!("train {} sentences, dev {}", train_set.len(), dev_set.len());

    // Hyper-parameters: trained on the debates before HELD_OUT_FROM, judged on the later ones
    // (new debates, new names: what the model meets in use) and on groundtruth.
    let (early, late): (Vec<&Example>, Vec<&Example>) =
        train_set.iter().partition(|e| e.debate.as_str() < HELD_OUT_FROM);
    let mut best: Option<(f64, f64, usize, f64)> = None;
    for l2 in L2 {
        for epochs in EPOCHS {
            for positive_weight in POSITIVE_WEIGHT {
                let w = train(&early, l2, epochs, positive_weight);
                let best_of = |set: &mut dyn Iterator<Item = &Example>| {
                    let mut scored: Vec<(f64, bool)> = set.map(|e| (logit(&w, &e.features), e.positive)).collect();
                    best_threshold(&mut scored)
                };
                let (late, dev) = (best_of(&mut late.iter().copied()), best_of(&mut dev_set.iter()));
                let (late_f1, dev_f1) = (late.1, dev.1);
                eprintln!(
                    "l2 {l2:e} epochs {epochs} positive weight {positive_weight}: held-out debates F1 {late_f1:.4} at {:.3}, groundtruth F1 {dev_f1:.4} at {:.3}",
                    late.0, dev.0
                );
                if best.is_none_or(|b| late_f1 + dev_f1 > b.0) {
                    best = Some((late_f1 + dev_f1, l2, epochs, positive_weight));
                }
            }
        }
    }
    let Some((_, l2, epochs, positive_weight)) = best else {
        return Err("empty grid".into());
    };
    let w = train(&train_set.iter().collect::<Vec<_>>(), l2, epochs, positive_weight);
    let (scale, q) = quantise(&w);
    let quantised_logit = |e: &Example| {
        w.bias + norm(&e.features) * scale * e.features.iter().map(|&f| f64::from(q[f as usize])).sum::<f64>()
    };
    let mut scored: Vec<(f64, bool)> = dev_set.iter().map(|e| (quantised_logit(e), e.positive)).collect();
    let (dev_threshold, ..) = best_threshold(&mut scored);
    // Out-of-fold scores of the crowdsourced sentences, one fold per debate year.
    let mut years: Vec<&str> = train_set.iter().map(|e| &e.debate[..4.min(e.debate.len())]).collect();
    years.sort_unstable();
    years.dedup();
    let mut out_of_fold: Vec<(f64, bool)> = Vec::with_capacity(train_set.len());
    for year in &years {
        let (rest, fold): (Vec<&Example>, Vec<&Example>) = train_set.iter().partition(|e| !e.debate.starts_with(year));
        let fold_model = train(&rest, l2, epochs, positive_weight);
        out_of_fold.extend(fold.iter().map(|e| (logit(&fold_model, &e.features), e.positive)));
    }
    let (oof_threshold, ..) = best_threshold(&mut out_of_fold);
    let threshold = match THRESHOLD_ON {
        "groundtruth" => dev_threshold,
        _ => best_mean_threshold(&scored, &out_of_fold),
    };
    let (f1, p, r) = f1_at(&scored, threshold);
    let (oof_f1, oof_p, oof_r) = f1_at(&out_of_fold, threshold);
    eprintln!("thresholds: groundtruth {dev_threshold:.3}, out-of-fold crowdsourced {oof_threshold:.3}; chosen ({THRESHOLD_ON}) {threshold:.3}");
    eprintln!("at it: out-of-fold crowdsourced F1 {oof_f1:.4} (P {oof_p:.4} R {oof_r:.4})");
    let nonzero = q.iter().filter(|&&x| x != 0).count();
    eprintln!("chosen l2 {l2:e} epochs {epochs} positive weight {positive_weight}; quantised dev F1 {f1:.4} (P {p:.4} R {r:.4}), threshold logit {threshold:.4}, {nonzero} non-zero weights");

    let mut file = String::new();
    let _ = writeln!(
        file,
        "# Trained by `cargo run --release --bin train_checkworthy` (src/bin/train_checkworthy.rs) on {date}; generated: do not edit.
# Data: ClaimBuster (Arslan, Hassan, Li, Tremayne 2020, \"A Benchmark Dataset of Check-worthy Factual Claims\",
# ICWSM; doi:10.5281/zenodo.3609356), CC BY 4.0. Trained on its crowdsourced sentences ({} = CheckThat! 2024
# train). Hyper-parameters: grid L2 {L2:?} x epochs {EPOCHS:?} x positive weight
# {POSITIVE_WEIGHT:?}, best sum of F1 on the crowdsourced debates from {HELD_OUT_FROM} (model trained on the earlier
# ones) and on groundtruth ({} = CheckThat! 2024 dev). Threshold ({THRESHOLD_ON}): best mean F1 of groundtruth and
# of out-of-fold crowdsourced scores (one fold per debate year). No test set is read here.
# Model: logistic regression on factmark::features ({} hashed buckets: words, word pairs, suffixes, cues, the
# scanner's claims (kind, quantity unit, count), pairs of cues and claim kinds present, length; each feature
# weighs 1/sqrt(n) in a sentence of n; a sentence is scanned as if published 2016-01-01), AdaGrad, learning
# rate {LEARNING_RATE}, L2 {l2:e}, {epochs} epochs, positive weight {positive_weight}, seed {SEED:#x}.
# At the threshold: groundtruth F1 {f1:.4} (P {p:.4}, R {r:.4}), out-of-fold crowdsourced F1 {oof_f1:.4}
# (P {oof_p:.4}, R {oof_r:.4}); positive class = CFS.
# Format: bias and scale in billionths (the threshold is folded into the bias: score >= 0.5 is
# check-worthy); then weights rows, 64 weights each in bucket order, as two's-complement i8 in hex
# (-{LEVELS}..={LEVELS}); a weight is value * scale.",
        train_set.len(),
        dev_set.len(),
        factmark::FEATURE_BUCKETS,
    );
    let _ = writeln!(file, "bias\t{}", ((w.bias - threshold) * 1e9).round() as i64);
    let _ = writeln!(file, "scale\t{}", (scale * 1e9).round() as i64);
    for row in q.chunks(64) {
        file.push_str("weights\t");
        for x in row {
            let _ = write!(file, "{:02x}", *x as u8);
        }
        file.push('\n');
    }
    std::fs::write(&out, file).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out}");

    let bytes: usize = train_texts.iter().map(String::len).sum();
    let started = Instant::now();
    let worthy = train_texts.iter().filter(|t| factmark::assess(t).checkworthy).count();
    let took = started.elapsed().as_secs_f64();
    eprintln!(
        "assess: {:.2} MB/s ({bytes} bytes, {worthy} check-worthy with the weights built in)",
        bytes as f64 / took / 1e6
    );
    let joined = train_texts.join(" ");
    let options = factmark::Options::from_date("2016-10-19").map_err(|e| e.to_string())?;
    let started = Instant::now();
    let n = factmark::sentences(&joined, &options).len();
    let took = started.elapsed().as_secs_f64();
    eprintln!("sentences (split + scan + assess): {:.2} MB/s ({n} sentences)", joined.len() as f64 / took / 1e6);
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("train_checkworthy: {msg}");
            ExitCode::FAILURE
        }
    }
}
