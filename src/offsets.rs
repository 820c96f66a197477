//! Claims carry UTF-16 offsets; the checks and exports read the text in UTF-8 bytes.
//! This maps them back, checking each claim against the text it claims to come from.

use std::ops::Range;

use crate::claim::Claim;

/// The byte span of each claim in `src`, or `None` where its offsets do not fit the text
/// (out of range, inside a character, or its `text` differs): a caller may hand us any list.
pub(crate) fn byte_spans(src: &str, claims: &[Claim]) -> Vec<Option<Range<usize>>> {
    let mut marks: Vec<usize> = claims.iter().flat_map(|c| [c.start, c.end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut bytes = Vec::with_capacity(marks.len());
    let mut wanted = marks.iter().copied().peekable();
    let mut unit = 0;
    for (byte, c) in src.char_indices().chain(std::iter::once((src.len(), '\0'))) {
        while wanted.peek().is_some_and(|&m| m < unit) {
            wanted.next();
        }
        if wanted.peek() == Some(&unit) {
            bytes.push((unit, byte));
            wanted.next();
        }
        unit += c.len_utf16();
    }
    let find = |u: usize| bytes.binary_search_by_key(&u, |&(u, _)| u).ok().map(|i| bytes[i].1);
    claims
        .iter()
        .map(|c| {
            let span = find(c.start)?..find(c.end)?;
            (span.start < span.end && src.get(span.clone()) == Some(c.text.as_str())).then_some(span)
        })
        .collect()
}

/// The UTF-16 offset of each byte position in `marks` (sorted ascending) in `src`.
pub(crate) fn utf16_offsets(src: &str, marks: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(marks.len());
    let (mut byte, mut unit) = (0, 0);
    for &m in marks {
        let m = m.clamp(byte, src.len());
        unit += src.get(byte..m).map_or(0, |s| s.chars().map(char::len_utf16).sum::<usize>());
        byte = m;
        out.push(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Value;

    fn claim(start: usize, end: usize, text: &str) -> Claim {
        Claim { start, end, text: text.into(), value: Value::Country("UA") }
    }

    #[test]
    fn maps_utf16_back_to_bytes_and_rejects_bad_claims() {
        let src = "😀 é Kyiv";
        let spans =
            byte_spans(src, &[claim(5, 9, "Kyiv"), claim(1, 2, "x"), claim(5, 99, "Kyiv"), claim(5, 9, "Kiev")]);
        assert_eq!(spans, vec![Some(8..12), None, None, None]);
        assert_eq!(utf16_offsets(src, &[0, 4, 8, 12]), vec![0, 2, 5, 9]);
    }
}
