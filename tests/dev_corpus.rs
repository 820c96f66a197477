//! The dev corpus in `../shared/corpus/dev`, scored by the rules of `shared/claims/score.py`
//! (overlap matching, one-to-one, largest overlap first). Fails when a kind drops below the bar.

use std::path::{Path, PathBuf};

use factmark::{Claim, Options, Value};
use serde_json::Value as Json;

/// Minimum overlap F1 and value accuracy per kind.
const BAR: [(&str, f64, f64); 4] =
    [("quantity", 0.90, 0.90), ("date", 0.90, 0.90), ("country", 0.90, 0.90), ("place", 0.85, 0.90)];

struct Gold {
    kind: String,
    start: usize,
    end: usize,
    value: Json,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// UTF-16 offsets of the `occurrence`-th whole-word match of `span` in `text`.
fn locate(text: &str, span: &str, occurrence: usize) -> Option<(usize, usize)> {
    let guard_left = span.chars().next().is_some_and(char::is_alphanumeric);
    let guard_right = span.chars().last().is_some_and(char::is_alphanumeric);
    let hits = text.match_indices(span).filter(|(i, _)| {
        let before = text[..*i].chars().next_back();
        let after = text[i + span.len()..].chars().next();
        !(guard_left && before.is_some_and(is_word_char) || guard_right && after.is_some_and(is_word_char))
    });
    let (at, _) = hits.into_iter().nth(occurrence.checked_sub(1)?)?;
    let start = text[..at].encode_utf16().count();
    Some((start, start + span.encode_utf16().count()))
}

fn load_gold(txt: &Path, text: &str) -> Vec<Gold> {
    let gold = std::fs::read_to_string(txt.with_extension("gold.jsonl")).unwrap();
    gold.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let g: Json = serde_json::from_str(l).unwrap();
            let span = g["text"].as_str().unwrap();
            let occurrence = g.get("occurrence").and_then(Json::as_u64).unwrap_or(1) as usize;
            let (start, end) =
                locate(text, span, occurrence).unwrap_or_else(|| panic!("{}: {span:?} #{occurrence}", txt.display()));
            Gold { kind: g["kind"].as_str().unwrap().to_string(), start, end, value: g["value"].clone() }
        })
        .collect()
}

fn day(v: &Json) -> Option<i64> {
    let d: jiff::civil::Date = v.as_str()?.get(..10)?.parse().ok()?;
    Some(d.since(jiff::civil::date(1900, 1, 1)).ok()?.get_days() as i64)
}

fn value_ok(gold: &Json, claim: &Claim) -> bool {
    let close = |a: &Json, b: Option<f64>| match (a.as_f64(), b) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => a.is_null(),
        _ => false,
    };
    match &claim.value {
        Value::Quantity { low, high, .. } => close(&gold["low"], *low) && close(&gold["high"], *high),
        Value::Date { start, end, .. } => {
            let (Some(g0), Some(g1)) = (day(&gold["start"]), day(&gold["end"])) else { return false };
            let (p0, p1) = (day(&Json::from(start.to_string())).unwrap(), day(&Json::from(end.to_string())).unwrap());
            let inter = (g1.min(p1) - g0.max(p0) + 1).max(0) as f64;
            inter / (g1.max(p1) - g0.min(p0) + 1) as f64 >= 0.5
        }
        Value::Country(cc) => gold.as_str() == Some(*cc),
        Value::Place { country, .. } => gold["country"].as_str() == Some(*country),
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched: usize,
    value: usize,
}

#[test]
fn dev_corpus_meets_the_bar() {
    let dir = corpus_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the dev corpus lives in ../shared beside the checkout)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut tallies: Vec<Tally> = BAR.iter().map(|_| Tally::default()).collect();
    let mut offset_errors = 0;
    for txt in &files {
        let text = std::fs::read_to_string(txt).unwrap();
        let meta: Json =
            serde_json::from_str(&std::fs::read_to_string(txt.with_extension("meta.json")).unwrap()).unwrap();
        let claims = factmark::scan(&text, &Options::from_date(meta["dct"].as_str().unwrap()).unwrap());
        let units: Vec<u16> = text.encode_utf16().collect();
        offset_errors += claims
            .iter()
            .filter(|c| String::from_utf16(&units[c.start..c.end]).ok().as_deref() != Some(&c.text))
            .count();
        let gold = load_gold(txt, &text);
        for ((kind, ..), tally) in BAR.iter().zip(&mut tallies) {
            let g: Vec<&Gold> = gold.iter().filter(|g| g.kind == *kind).collect();
            let p: Vec<&Claim> = claims.iter().filter(|c| c.kind().name() == *kind).collect();
            let mut pairs = Vec::new();
            for (i, g) in g.iter().enumerate() {
                for (j, c) in p.iter().enumerate() {
                    let overlap = g.end.min(c.end) as isize - g.start.max(c.start) as isize;
                    if overlap > 0 {
                        pairs.push((-overlap, i, j));
                    }
                }
            }
            pairs.sort();
            let (mut used_g, mut used_p) = (vec![false; g.len()], vec![false; p.len()]);
            for (_, i, j) in pairs {
                if !used_g[i] && !used_p[j] {
                    used_g[i] = true;
                    used_p[j] = true;
                    tally.matched += 1;
                    tally.value += value_ok(&g[i].value, p[j]) as usize;
                }
            }
            tally.gold += g.len();
            tally.pred += p.len();
        }
    }
    let mut report = String::new();
    let mut below = Vec::new();
    for ((kind, min_f1, min_value), t) in BAR.iter().zip(&tallies) {
        let p = t.matched as f64 / t.pred.max(1) as f64;
        let r = t.matched as f64 / t.gold.max(1) as f64;
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let value = t.value as f64 / t.matched.max(1) as f64;
        report += &format!(
            "{kind:<9} gold {:>4} pred {:>4}  P {p:.3} R {r:.3} F1 {f1:.3}  value {value:.3}\n",
            t.gold, t.pred
        );
        if f1 < *min_f1 || value < *min_value {
            below.push(format!("{kind}: F1 {f1:.3} (bar {min_f1}), value accuracy {value:.3} (bar {min_value})"));
        }
    }
    eprintln!("{report}offset errors: {offset_errors}");
    assert_eq!(offset_errors, 0, "claims whose text is not the slice at their offsets");
    assert!(below.is_empty(), "below the bar:\n{}\n{report}", below.join("\n"));
}
