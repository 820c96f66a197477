//! The invariants every scan keeps, whatever the text. Shared by `tests/properties.rs` and
//! the fuzz target (`tests/fuzz/fuzz_targets/scan.rs`), so both assert exactly the same.

use factmark::{Claim, Options, Value};

/// Checks the claims that `options` asked of `src`: every span lies inside the text in
/// UTF-16 code units, on character boundaries, is non-empty and its `text` is exactly that
/// slice; claims are sorted and never overlap; no claim crosses a block boundary (a blank
/// line or U+2029); values are of a wanted kind and sane (finite numbers, low ≤ high,
/// start ≤ end, upper-case ISO codes).
pub fn check(src: &str, options: &Options, claims: &[Claim]) -> Result<(), String> {
    let units: Vec<u16> = src.encode_utf16().collect();
    let splits_pair = |i: usize| units.get(i).is_some_and(|u| (0xDC00..0xE000).contains(u));
    let mut previous_end = 0;
    for (n, c) in claims.iter().enumerate() {
        let at = format!("claim {n} {}..{} {:?}", c.start, c.end, c.text);
        if c.start >= c.end || c.end > units.len() {
            return Err(format!("{at}: span empty or past the end of {} UTF-16 units", units.len()));
        }
        if c.start < previous_end {
            return Err(format!("{at}: starts before the previous claim ends ({previous_end})"));
        }
        previous_end = c.end;
        if splits_pair(c.start) || splits_pair(c.end) {
            return Err(format!("{at}: splits a surrogate pair"));
        }
        if String::from_utf16(&units[c.start..c.end]).ok().as_deref() != Some(c.text.as_str()) {
            return Err(format!("{at}: text is not the slice at its offsets"));
        }
        if crosses_block(&c.text) {
            return Err(format!("{at}: crosses a block boundary"));
        }
        if !options.wants(c.kind()) {
            return Err(format!("{at}: kind {} was not asked for", c.kind().name()));
        }
        value_is_sane(&c.value).map_err(|e| format!("{at}: {e}"))?;
    }
    Ok(())
}

/// A blank line (two line breaks with only white space between) or a paragraph separator.
fn crosses_block(text: &str) -> bool {
    let mut newlines = 0;
    for c in text.chars() {
        match c {
            '\u{2029}' => return true,
            '\n' => newlines += 1,
            c if c.is_whitespace() || c.is_control() => {}
            _ => newlines = 0,
        }
        if newlines >= 2 {
            return true;
        }
    }
    false
}

fn value_is_sane(value: &Value) -> Result<(), String> {
    let code = |cc: &str| cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase());
    match value {
        Value::Quantity { low, high, .. } => {
            if low.iter().chain(high).any(|n| !n.is_finite()) {
                return Err(format!("non-finite number {low:?}..{high:?}"));
            }
            if let (Some(l), Some(h)) = (low, high) {
                if l > h {
                    return Err(format!("low {l} above high {h}"));
                }
            }
        }
        Value::Date { start, end, timex } if start > end || timex.is_empty() => {
            return Err(format!("date {start}..{end} {timex:?}"))
        }
        Value::Country(cc) if !code(cc) => return Err(format!("country code {cc:?}")),
        Value::Place { name, country } if name.is_empty() || !code(country) => {
            return Err(format!("place {name:?} in {country:?}"))
        }
        _ => {}
    }
    Ok(())
}
