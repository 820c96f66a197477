//! The driver: runs the finders, resolves overlaps in one place, converts offsets once.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::claim::{Claim, Kind, Value};
use crate::options::Options;
use crate::token::Text;
use crate::{country, date, quantity};

/// A finder's proposal: a byte span of the text and its value. Only the driver decides
/// which proposals become claims.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub span: Range<usize>,
    pub value: Value,
}

/// Finds the checkable claims in `text`, sorted by start, never overlapping.
///
/// Any text gives a (possibly empty) list: scanning never fails and never panics.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-10")?;
/// let claims = factmark::scan("Talks began in Geneva.", &options);
/// assert!(claims.iter().all(|c| c.start < c.end));
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn scan(src: &str, options: &Options) -> Vec<Claim> {
    let text = Text::new(src);
    let mut found = Vec::new();
    if options.wants(Kind::Quantity) {
        quantity::find(&text, options, &mut found);
    }
    if options.wants(Kind::Date) {
        date::find(&text, options, &mut found);
    }
    if options.wants(Kind::Country) || options.wants(Kind::Place) {
        country::find(&text, options, &mut found);
    }
    found.retain(|c| options.wants(c.value.kind()) && c.span.start < c.span.end);
    to_claims(src, resolve(found))
}

/// Keeps a set of non-overlapping candidates: longer spans first, then the kind listed
/// first in `Kind::ALL`, then the earlier span. Returns them sorted by start.
fn resolve(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by(|a, b| {
        let len = |c: &Candidate| c.span.end - c.span.start;
        len(b).cmp(&len(a)).then(a.value.kind().cmp(&b.value.kind())).then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in found {
        let clashes_before = kept.range(..c.span.end).next_back().is_some_and(|(_, k)| k.span.end > c.span.start);
        if !clashes_before {
            kept.insert(c.span.start, c);
        }
    }
    kept.into_values().collect()
}

/// Turns byte spans into UTF-16 offsets in one walk over the text.
fn to_claims(src: &str, found: Vec<Candidate>) -> Vec<Claim> {
    let mut byte = 0;
    let mut unit = 0;
    let mut at = |target: usize| {
        unit += src[byte..target].chars().map(char::len_utf16).sum::<usize>();
        byte = target;
        unit
    };
    found
        .into_iter()
        .map(|c| {
            let start = at(c.span.start);
            let end = at(c.span.end);
            Claim { start, end, text: src[c.span].to_string(), value: c.value }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Unit;

    fn cand(start: usize, end: usize, value: Value) -> Candidate {
        Candidate { span: start..end, value }
    }

    #[test]
    fn longer_spans_win_and_output_is_sorted() {
        let q = Value::Quantity { low: Some(1.0), high: Some(1.0), unit: Unit::Other };
        let c = Value::Country("RU");
        let kept = resolve(vec![cand(10, 12, c.clone()), cand(0, 4, c.clone()), cand(2, 11, q.clone())]);
        assert_eq!(kept, vec![cand(2, 11, q)]);
        let kept = resolve(vec![cand(5, 9, c.clone()), cand(0, 4, c.clone())]);
        assert_eq!(kept.iter().map(|c| c.span.start).collect::<Vec<_>>(), [0, 5]);
    }

    #[test]
    fn offsets_are_utf16_code_units() {
        let src = "😀 é Kyiv";
        let claims = to_claims(src, vec![cand(src.find("Kyiv").unwrap(), src.len(), Value::Country("UA"))]);
        assert_eq!((claims[0].start, claims[0].end), (5, 9));
        assert_eq!(claims[0].text, "Kyiv");
    }
}
