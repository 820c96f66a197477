//! Duckling-style example corpora: `tests/corpus/*.txt`, one annotated line a case.
//!
//! ```text
//! # a comment
//! @date 2022-01-10                       the publication date for the lines below
//! Talks began on [Monday]{date 2022-01-10} in [Geneva]{place CH Geneva}.
//! [as many as 100,000]{quantity _..100000 personnel} troops
//! ```
//! Values: `{quantity LOW..HIGH UNIT}` (`_` for an open end, one number when low = high),
//! `{date START[..END] [TIMEX]}`, `{country CC}`, `{place CC [Name]}`. A file checks the
//! kind it is named after (`date.txt`, `date-holidays.txt`); `negative.txt`, `unicode.txt`
//! and any other file check every kind, so a line with no brackets there says nothing may be found. Every
//! failing line is printed as expected vs actual, in the same syntax.

use std::fmt::Write as _;
use std::path::Path;

use factmark::{Claim, Kind, Options, Value};

fn fmt_number(n: Option<f64>) -> String {
    n.map_or("_".into(), |n| format!("{n}"))
}

fn render_value(v: &Value) -> String {
    match v {
        Value::Quantity { low, high, unit } => {
            let unit = serde_json::to_value(unit).unwrap();
            let unit = unit.as_str().unwrap();
            if low == high {
                format!("quantity {} {unit}", fmt_number(*low))
            } else {
                format!("quantity {}..{} {unit}", fmt_number(*low), fmt_number(*high))
            }
        }
        Value::Date { start, end, timex } if start == end => format!("date {start} {timex}"),
        Value::Date { start, end, timex } => format!("date {start}..{end} {timex}"),
        Value::Country(cc) => format!("country {cc}"),
        Value::Place { name, country } => format!("place {country} {name}"),
    }
}

/// The text with each claim written as `[span]{value}`; offsets are UTF-16.
fn render(text: &str, claims: &[(usize, usize, String)]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (mut out, mut at) = (String::new(), 0);
    for (start, end, value) in claims {
        out += &String::from_utf16_lossy(&units[at..*start]);
        let _ = write!(out, "[{}]{{{value}}}", String::from_utf16_lossy(&units[*start..*end]));
        at = *end;
    }
    out + &String::from_utf16_lossy(&units[at..])
}

struct Expected {
    start: usize,
    end: usize,
    kind: Kind,
    words: Vec<String>,
}

/// Splits an annotated line into its plain text and the expected claims.
fn parse_line(line: &str) -> Result<(String, Vec<Expected>), String> {
    let (mut text, mut expected, mut rest) = (String::new(), Vec::new(), line);
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("]{").map(|i| open + i) else { break };
        let end = rest[close..].find('}').map(|i| close + i).ok_or("a `]{` without its `}`")?;
        text += &rest[..open];
        let start = text.encode_utf16().count();
        text += &rest[open + 1..close];
        let words: Vec<String> = rest[close + 2..end].split_whitespace().map(String::from).collect();
        let kind = words
            .first()
            .and_then(|w| Kind::from_name(w))
            .ok_or(format!("no kind in {{{}}}", &rest[close + 2..end]))?;
        expected.push(Expected { start, end: text.encode_utf16().count(), kind, words: words[1..].to_vec() });
        rest = &rest[end + 1..];
    }
    text += rest;
    Ok((text, expected))
}

/// Whether `claim` has the value the annotation's words give (fields not written are free).
fn agrees(e: &Expected, claim: &Claim) -> bool {
    let shown = render_value(&claim.value);
    let shown: Vec<&str> = shown.split_whitespace().skip(1).collect();
    let number = |a: &str, b: &str| match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => a == b,
    };
    let same = |a: &str, b: &str| {
        let (a_lo, a_hi) = a.split_once("..").unwrap_or((a, a));
        let (b_lo, b_hi) = b.split_once("..").unwrap_or((b, b));
        a == b || (number(a_lo, b_lo) && number(a_hi, b_hi))
    };
    e.kind == claim.kind()
        && (e.start, e.end) == (claim.start, claim.end)
        && e.words.len() <= shown.len()
        && e.words.iter().zip(&shown).all(|(a, b)| same(a, b))
}

fn check_file(path: &Path, failures: &mut Vec<String>) -> usize {
    let name = path.file_stem().unwrap().to_str().unwrap();
    let only = Kind::from_name(name.split('-').next().unwrap_or(name));
    let content = std::fs::read_to_string(path).unwrap();
    let mut options = None;
    let mut cases = 0;
    for (n, line) in content.lines().enumerate() {
        let at = format!("{}:{}", path.display(), n + 1);
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(date) = line.strip_prefix("@date ") {
            options = Some(Options::from_date(date.trim()).unwrap_or_else(|e| panic!("{at}: {e}")));
            continue;
        }
        let options = options.as_ref().unwrap_or_else(|| panic!("{at}: no @date line before the first case"));
        let (text, expected) = parse_line(line).unwrap_or_else(|e| panic!("{at}: {e}"));
        let claims: Vec<Claim> =
            factmark::scan(&text, options).into_iter().filter(|c| only.is_none_or(|k| c.kind() == k)).collect();
        cases += 1;
        let ok = claims.len() == expected.len() && expected.iter().zip(&claims).all(|(e, c)| agrees(e, c));
        if !ok {
            let want: Vec<_> = expected
                .iter()
                .map(|e| {
                    (e.start, e.end, {
                        let mut w = vec![e.kind.name().to_string()];
                        w.extend(e.words.iter().cloned());
                        w.join(" ")
                    })
                })
                .collect();
            let got: Vec<_> = claims.iter().map(|c| (c.start, c.end, render_value(&c.value))).collect();
            failures.push(format!("{at}\n  expected: {}\n  actual:   {}", render(&text, &want), render(&text, &got)));
        }
    }
    cases
}

#[test]
fn corpora() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut failures = Vec::new();
    let cases: usize = files.iter().map(|f| check_file(f, &mut failures)).sum();
    assert!(cases > 0, "no cases in {}", dir.display());
    for f in &failures {
        eprintln!("{f}\n");
    }
    assert!(failures.is_empty(), "{} of {cases} corpus lines failed (printed above)", failures.len());
}

#[test]
fn annotated_lines_parse_and_render_back() {
    let line = "On [Monday]{date 2022-01-10} in [Genève]{place CH Geneva} and 😀 [3%]{quantity 3 percent}.";
    let (text, expected) = parse_line(line).unwrap();
    assert_eq!(text, "On Monday in Genève and 😀 3%.");
    let spans: Vec<_> =
        expected.iter().map(|e| (e.start, e.end, format!("{} {}", e.kind.name(), e.words.join(" ")))).collect();
    assert_eq!(render(&text, &spans), line);
}
