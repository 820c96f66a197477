//! Fuzzes `factmark::scan` against the invariants the property tests assert.
//!
//! Input: UTF-8 text, read lossily; or, when the first byte is 0xFF (never valid UTF-8), the
//! rest as UTF-16LE units read lossily, as text arrives from JavaScript with lone surrogates.
//! The last byte picks the publication date and, from 0xF0 up, a subset of kinds.
#![no_main]

#[path = "../../support/invariants.rs"]
mod invariants;

use factmark::{Kind, Options};
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fn options(last: u8) -> Options {
    let dates = [date(2022, 1, 10), date(1998, 8, 18), date(2024, 2, 29), date(9999, 12, 31), date(-9999, 1, 1)];
    let options = Options::new(dates[usize::from(last) % dates.len()]);
    if last < 0xF0 {
        return options;
    }
    let kinds = Kind::ALL.iter().enumerate().filter(|(i, _)| last >> i & 1 == 1).map(|(_, k)| k.name());
    options.clone().with_kinds(kinds).unwrap_or(options)
}

fuzz_target!(|data: &[u8]| {
    let src = match data.split_first() {
        Some((0xFF, rest)) => {
            let units: Vec<u16> = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    let options = options(data.last().copied().unwrap_or(0));
    let claims = factmark::scan(&src, &options);
    if let Err(e) = invariants::check(&src, &options, &claims) {
        panic!("{e}\noptions: {options:?}\ntext: {src:?}");
    }
});
