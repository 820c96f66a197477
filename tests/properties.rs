//! Property tests: for any text — news-like, random Unicode, lone surrogates from JavaScript,
//! adversarial shapes of up to 10 MB — `factmark::scan` returns, never panics, and keeps the
//! invariants of `support/invariants.rs`. Generated inputs come from fixed seeds, so a failure
//! names its seed and reproduces exactly.

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/shapes.rs"]
mod shapes;

use factmark::{Kind, Options};
use jiff::civil::{date, Date};

/// SplitMix64: a tiny deterministic generator, so every run sees the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn any_char(&mut self) -> char {
        loop {
            if let Some(c) = char::from_u32(self.below(0x11_0000) as u32) {
                return c;
            }
        }
    }
}

/// Pieces of news text that lead into the finders' paths, with their near misses.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "100,000", "1,000", "2.5", "1.5", "3.2", "12", "0", "007", "1998", "2022", "1990s", "'90s", "10,00", "1,2,3",
    "99999999999999999999999999", "1e308", "12m", "430km", "45-year-old", "3-2", "10-20", "1/2", "24/7", "10:30",
    "G20", "COVID-19", "No.", "1st", "3rd", "$", "€", "£", "US$", "%", "percent", "per cent", "dlrs", "troops",
    "soldiers", "killed", "civilians", "tanks", "km", "miles", "as many as", "up to", "more than", "at least",
    "about", "nearly", "some", "an estimated", "between", "and", "to", "from", "tens of", "hundreds of",
    "thousands", "millions", "dozens", "of", "million", "billion", "trillion", "bn", "one", "two", "twelve",
    "hundred", "a", "the", "January", "Jan.", "Sept.", "May", "March", "december", "Monday", "Tue.", "Sunday",
    "today", "yesterday", "tomorrow", "last", "next", "this", "week", "month", "year", "years", "ago", "early",
    "mid", "mid-", "late", "spring", "winter", "weekend", "decade", "century", "Election Day", "morning", "night",
    "on", "in", "by", "said", "will", "was", "Russia", "Russian", "Russians", "Ukraine", "U.S.", "US", "UK",
    "United States", "America", "Americans", "Britain", "Georgia", "Jordan", "Congo", "Kosovo", "Taiwan",
    "Hong Kong", "Gaza", "Palestinian", "NATO", "EU", "Soviet Union", "Kyiv", "Kiev", "Geneva", "Moscow",
    "Washington", "Crimea", "Donetsk", "Jerusalem", "Atlanta", "PANAMA CITY", "CNN", "(AP)", "—", "-", "–", "'",
    "’", "\"", "“", "”", ".", ",", ";", ":", "(", ")", "/", "\u{a0}", "\u{2009}", "\u{202f}", "\n", "\n\n",
    "\r\n", "\u{2029}", "\u{2028}", "\t", "\0", "\u{200f}", "\u{200e}", "\u{200d}", "\u{feff}", "\u{301}",
    "e\u{301}", "１２３", "２０２２", "٣٤٥", "۱۲", "१२३", "٬", "٫", "😀", "🇺🇦", "\u{fffd}", "Ⅻ", "²", "½", "ß",
    "İstanbul", "Київ", "Москва", "北京", "東京",
];

/// A text of up to `pieces` news-like pieces and random characters, joined by assorted space.
fn news_like(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(pieces + 1) {
        match rng.below(10) {
            0 => s.push(rng.any_char()),
            1 => s.push_str(&rng.below(10_000_000).to_string()),
            _ => s.push_str(rng.pick(PIECES)),
        }
        s.push_str(rng.pick(&[" ", " ", " ", "", "\u{a0}", "\n"]));
    }
    s
}

/// Publication dates, including the ends of the calendar where date arithmetic overflows.
fn any_options(rng: &mut Rng) -> Options {
    let dates: [Date; 8] = [
        date(2022, 1, 10),
        date(1998, 8, 18),
        date(2024, 2, 29),
        date(2000, 12, 31),
        date(9999, 12, 31),
        date(-9999, 1, 1),
        date(0, 1, 1),
        date(1, 1, 1),
    ];
    let options = Options::new(rng.pick(&dates));
    if rng.below(4) > 0 {
        return options;
    }
    let kinds: Vec<&str> = Kind::ALL.iter().filter(|_| rng.below(2) == 0).map(|k| k.name()).collect();
    options.clone().with_kinds(kinds).unwrap_or(options)
}

fn assert_scan_keeps_invariants(src: &str, options: &Options, what: &str) {
    let claims = factmark::scan(src, options);
    if let Err(e) = invariants::check(src, options, &claims) {
        let shown: String = src.chars().take(300).collect();
        panic!("{what}: {e}\noptions: {options:?}\ntext (first 300 chars): {shown:?}");
    }
}

fn default_options() -> Options {
    Options::new(date(2022, 1, 10))
}

#[test]
fn news_like_text_keeps_the_invariants() {
    for seed in 0..10_000 {
        let mut rng = Rng(seed);
        let src = news_like(&mut rng, 40);
        let options = any_options(&mut rng);
        assert_scan_keeps_invariants(&src, &options, &format!("seed {seed}"));
    }
}

#[test]
fn text_from_javascript_with_lone_surrogates_keeps_the_invariants() {
    for seed in 0..3000 {
        let mut rng = Rng(seed);
        let mut units: Vec<u16> = news_like(&mut rng, 20).encode_utf16().collect();
        for _ in 0..rng.below(8) {
            let at = rng.below(units.len() + 1);
            units.insert(at, 0xD800 + rng.below(0x800) as u16);
        }
        let src = String::from_utf16_lossy(&units);
        assert_scan_keeps_invariants(&src, &any_options(&mut rng), &format!("seed {seed}"));
    }
}

#[test]
fn random_unicode_keeps_the_invariants() {
    for seed in 0..1000 {
        let mut rng = Rng(seed);
        let src: String = (0..rng.below(200)).map(|_| rng.any_char()).collect();
        assert_scan_keeps_invariants(&src, &any_options(&mut rng), &format!("seed {seed}"));
    }
}

const MB: usize = 1 << 20;

/// Every pair of pieces, a paragraph apart, in a sentence: nothing may join across the break
/// (`We met in the morning` / `Yesterday it rained.` once gave one date).
#[test]
fn no_claim_joins_two_paragraphs() {
    let options = default_options();
    let gaps = ["\n\n", "\u{2029}", "\n \r\n"];
    for (i, a) in PIECES.iter().enumerate() {
        for (j, b) in PIECES.iter().enumerate() {
            let src = format!("It was {a}{}{b} in 2022.", gaps[(i + j) % gaps.len()]);
            assert_scan_keeps_invariants(&src, &options, "two paragraphs");
        }
    }
    let src = "We met in the morning\n\nYesterday it rained.";
    assert_scan_keeps_invariants(src, &options, "a part of day before a paragraph");
}

/// Every shape that makes a finder look far ahead, join without end or overflow a number, at
/// 128 KB (the throughput bench runs them at 1 MB).
#[test]
fn adversarial_shapes_keep_the_invariants() {
    for (what, src) in shapes::adversarial(MB / 8) {
        assert_scan_keeps_invariants(&src, &default_options(), what);
    }
}

#[test]
fn a_megabyte_without_a_space_keeps_the_invariants() {
    for (what, src) in shapes::adversarial(MB).into_iter().filter(|(what, _)| what.ends_with("without a space")) {
        assert_scan_keeps_invariants(&src, &default_options(), what);
    }
}

/// 10 MB in an optimised build (`cargo test --release`); 2 MB in debug, to stay in seconds.
#[test]
fn megabytes_of_digits_and_commas_keep_the_invariants() {
    let bytes = if cfg!(debug_assertions) { 2 * MB } else { 10 * MB };
    assert_scan_keeps_invariants(&shapes::repeated("1,000,", bytes), &default_options(), "digits and commas");
}

#[test]
fn empty_and_tiny_texts_keep_the_invariants() {
    for src in ["", " ", "\0", "\n\n", "\u{2029}", "$", "%", "1", "-1", "a", "\u{301}", "\u{fffd}", "U.S", "U.S."] {
        assert_scan_keeps_invariants(src, &default_options(), &format!("{src:?}"));
    }
}

/// The checker itself must catch each broken invariant, or the tests above prove nothing.
mod checker {
    use super::*;
    use factmark::{Claim, Unit, Value};

    fn claim(start: usize, end: usize, text: &str, value: Value) -> Claim {
        Claim { start, end, text: text.to_string(), value }
    }

    fn country(start: usize, end: usize, text: &str) -> Claim {
        claim(start, end, text, Value::Country("UA"))
    }

    fn rejects(src: &str, claims: &[Claim], why: &str) {
        let err = invariants::check(src, &default_options(), claims).expect_err(why);
        assert!(err.contains(why), "expected {why:?}, got {err:?}");
    }

    #[test]
    fn accepts_good_claims() {
        let src = "😀 Kyiv, Kyiv";
        assert_eq!(
            invariants::check(src, &default_options(), &[country(3, 7, "Kyiv"), country(9, 13, "Kyiv")]),
            Ok(())
        );
    }

    #[test]
    fn rejects_each_broken_invariant() {
        rejects("Kyiv", &[country(2, 2, "")], "span empty");
        rejects("Kyiv", &[country(2, 6, "iv")], "past the end");
        rejects("Kyiv Kyiv", &[country(5, 9, "Kyiv"), country(0, 4, "Kyiv")], "starts before");
        rejects("Kyiv Kyiv", &[country(0, 6, "Kyiv K"), country(5, 9, "Kyiv")], "starts before");
        rejects("😀Kyiv", &[country(1, 6, "\u{fffd}Kyiv")], "surrogate pair");
        rejects("Kyiv", &[country(0, 4, "Kiev")], "not the slice");
        rejects("Ky\n \niv", &[country(0, 7, "Ky\n \niv")], "block boundary");
        rejects("Ky\u{2029}iv", &[country(0, 5, "Ky\u{2029}iv")], "block boundary");
        let only_dates = default_options().with_kinds(["date"]).unwrap();
        assert!(invariants::check("Kyiv", &only_dates, &[country(0, 4, "Kyiv")]).unwrap_err().contains("not asked"));
        let q = |low, high| Value::Quantity { low, high, unit: Unit::Other };
        rejects("12", &[claim(0, 2, "12", q(Some(f64::INFINITY), None))], "non-finite");
        rejects("12", &[claim(0, 2, "12", q(Some(f64::NAN), Some(1.0)))], "non-finite");
        rejects("12", &[claim(0, 2, "12", q(Some(2.0), Some(1.0)))], "above high");
        rejects("Kyiv", &[claim(0, 4, "Kyiv", Value::Country("ua"))], "country code");
        let d = |s, e| Value::Date { start: s, end: e, timex: "2022".into() };
        rejects("2022", &[claim(0, 4, "2022", d(date(2022, 2, 1), date(2022, 1, 1)))], "date");
    }
}
