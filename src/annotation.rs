//! Standard exports: every claim as a W3C Web Annotation (JSON-LD), and a schema.org
//! `ClaimReview` skeleton for one claim that a newsroom's CMS can take as it is.
//!
//! An annotation's target carries a `TextQuoteSelector` (the exact text with about 32
//! characters either side) and a `TextPositionSelector` (UTF-16 offsets), so a client can
//! re-anchor it after the page changes: by position when the text there still matches, by
//! quote and context otherwise.

use jiff::civil::Date;
use serde_json::{json, Value as Json};

use crate::claim::{Claim, Value};
use crate::offsets::byte_spans;

/// How many characters of context a `TextQuoteSelector` keeps on either side.
const CONTEXT: usize = 32;

/// The claims of `src` as a W3C `AnnotationCollection` whose first page holds one
/// `Annotation` per claim (claims whose offsets do not fit `src` are left out). `source` is
/// the URL of the page, put in every target when given.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-10")?;
/// let text = "Talks began in Geneva.";
/// let claims = factmark::scan(text, &options);
/// let collection = factmark::annotations(text, &claims, Some("https://example.com/a"));
/// assert_eq!(collection["type"], "AnnotationCollection");
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn annotations(src: &str, claims: &[Claim], source: Option<&str>) -> Json {
    let items: Vec<Json> = claims
        .iter()
        .zip(byte_spans(src, claims))
        .filter_map(|(claim, span)| Some(annotation(src, claim, span?, source)))
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "Checkable claims found by factmark",
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

/// One claim as an `Annotation`. Its `id` is made from the page and the claim's offsets
/// (`URL#factmark-START-END`, or `urn:factmark:START-END` without a page): a store that
/// keeps annotations gives them its own IRIs.
fn annotation(src: &str, claim: &Claim, span: std::ops::Range<usize>, source: Option<&str>) -> Json {
    let prefix: String = {
        let mut p: Vec<char> = src[..span.start].chars().rev().take(CONTEXT).collect();
        p.reverse();
        p.into_iter().collect()
    };
    let suffix: String = src[span.end..].chars().take(CONTEXT).collect();
    let mut target = json!({
        "selector": [
            { "type": "TextQuoteSelector", "exact": claim.text, "prefix": prefix, "suffix": suffix },
            { "type": "TextPositionSelector", "start": claim.start, "end": claim.end },
        ],
    });
    if let Some(url) = source {
        target["source"] = json!(url);
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": match source {
            Some(url) => format!("{url}#factmark-{}-{}", claim.start, claim.end),
            None => format!("urn:factmark:{}-{}", claim.start, claim.end),
        },
        "type": "Annotation",
        "motivation": "highlighting",
        "body": [
            { "type": "TextualBody", "purpose": "tagging", "value": claim.kind().name() },
            { "type": "TextualBody", "purpose": "describing", "format": "text/plain", "value": describe(&claim.value) },
            { "type": "TextualBody", "purpose": "describing", "format": "application/json", "value": value_json(&claim.value) },
        ],
        "target": target,
        "generator": { "type": "Software", "name": "factmark" },
    })
}

/// The claim's value as the contract's JSON, in a string (a `TextualBody` holds text).
fn value_json(value: &Value) -> String {
    serde_json::to_value(value).map(|v| v["value"].to_string()).unwrap_or_default()
}

/// The value in plain words: `100000 to 130000 (personnel)`, `2022-01-10`, `RU`.
fn describe(value: &Value) -> String {
    let n = |x: &Option<f64>| x.map_or("?".to_string(), |x| x.to_string());
    match value {
        Value::Quantity { low, high, unit } => {
            let unit = serde_json::to_value(unit).ok().and_then(|u| u.as_str().map(str::to_string)).unwrap_or_default();
            match (low, high) {
                (Some(l), Some(h)) if l == h => format!("{l} ({unit})"),
                (Some(l), None) => format!("at least {l} ({unit})"),
                (None, Some(h)) => format!("at most {h} ({unit})"),
                _ => format!("{} to {} ({unit})", n(low), n(high)),
            }
        }
        Value::Date { start, end, .. } if start == end => start.to_string(),
        Value::Date { start, end, .. } => format!("{start} to {end}"),
        Value::Country(cc) => cc.to_string(),
        Value::Place { name, country } => format!("{name}, {country}"),
    }
}

/// A schema.org `ClaimReview` skeleton for `claim` in `src`: the sentence that makes the
/// claim as `claimReviewed`, where it appeared (`url`, `published`), and the parts only the
/// editor can fill in — author, rating, the review's own URL and date — left empty.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-10")?;
/// let text = "Russia has massed 100,000 troops. Talks begin Monday.";
/// let claims = factmark::scan(text, &options);
/// if let Some(claim) = claims.first() {
///     let review = factmark::claim_review(text, claim, Some("https://example.com/a"), Some(options.date()));
///     assert_eq!(review["@type"], "ClaimReview");
/// }
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn claim_review(src: &str, claim: &Claim, url: Option<&str>, published: Option<Date>) -> Json {
    let span = byte_spans(src, std::slice::from_ref(claim)).pop().flatten();
    let said = span.map_or_else(|| claim.text.clone(), |s| sentence_around(src, s));
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": said,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": { "@type": "CreativeWork", "url": url.unwrap_or_default() },
            "datePublished": published.map(|d| d.to_string()).unwrap_or_default(),
        },
        "author": { "@type": "Organization", "name": "", "url": "" },
        "reviewRating": { "@type": "Rating", "ratingValue": "", "bestRating": "", "worstRating": "", "alternateName": "" },
        "url": "",
        "datePublished": "",
    })
}

/// The sentence around `span`: back to the previous `.`/`!`/`?` followed by a space (or a
/// line break), forward to the next, at most 300 characters each way.
fn sentence_around(src: &str, span: std::ops::Range<usize>) -> String {
    let head = &src[..span.start];
    let mut start = span.start;
    let mut prev = ' ';
    for (taken, (i, c)) in head.char_indices().rev().enumerate() {
        if taken >= 300 || c == '\n' || (matches!(c, '.' | '!' | '?') && prev.is_whitespace()) {
            break;
        }
        start = i;
        prev = c;
    }
    let tail = &src[span.end..];
    let mut end = span.end;
    let mut chars = tail.char_indices().peekable();
    let mut taken = 0;
    while let Some((i, c)) = chars.next() {
        if taken >= 300 || c == '\n' {
            break;
        }
        end = span.end + i + c.len_utf8();
        taken += 1;
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            break;
        }
    }
    src[start..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_claim_stops_at_sentence_ends() {
        let src = "First one. Russia has 100,000 troops. Last.";
        let at = src.find("100,000").unwrap();
        assert_eq!(sentence_around(src, at..at + 7), "Russia has 100,000 troops.");
    }
}
