//! The quantity finder: a number (digits or words, with its scale), the qualifier before it,
//! a currency or percent sign, and the counted noun after it that decides the unit.
//!
//! Words live in `data/numbers.tsv` and `data/units.tsv`. Every look-around is bounded in
//! tokens and every digit run is capped, so the scan is linear and never overflows.
//!
//! - `lexicon.rs`: the two tables, parsed once into phrase look-ups.
//! - `number.rs`: one number at a token: digits, spelled-out words or a vague multiple.
//! - `guard.rs`: what makes a number not a quantity (codes, times, durations, ages, labels).
//! - `noun.rs`: the counted noun that decides the unit.
//! - here: currency, qualifier, sign and range around the number, then the decision.

mod guard;
mod lexicon;
mod noun;
mod number;

use crate::claim::{Unit, Value};
use crate::options::Options;
use crate::scan::Candidate;
use crate::token::{Class, Text};

use guard::{glued_after, glued_before, in_digit_sequence, is_label, names_at_sentence_start, time_follows};
use lexicon::{lexicon, Entry, Lexicon, Role};
use noun::{casualties_before, counted, counted_earlier};
use number::{class, is_number, number_at, Form, Num};

/// What the scan does at one token.
enum Step {
    /// A quantity, and the token after it.
    Found(Candidate, usize),
    /// A number that is not a quantity; go on after its last token.
    Skip(usize),
    /// No number starts here.
    Nothing,
}

/// A number with what surrounds it: the span's first token past currency and qualifier,
/// its last token past any sign, the bounds, and the unit the signs fix.
struct Reading {
    start: usize,
    end: usize,
    low: f64,
    high: f64,
    fixed: Option<Unit>,
    /// `cents` count hundredths.
    factor: f64,
}

/// Four bare digits from 1000 to 2100: almost always a year, left to the date finder.
fn is_year(text: &Text, x: &Num) -> bool {
    x.form == Form::Plain && text.str(x.first).chars().count() == 4 && (1000.0..=2100.0).contains(&x.low)
}

/// A sign or unit right after token `end`: `%`, `percent`, `cents`, a fused `430km`.
/// `Err` when digits are glued to some other word (`3rd`, `1990s`, `737s`).
/// A spaced sign is not read after a currency (`$5 dlrs`).
fn sign_after(text: &Text, lex: &Lexicon, end: usize, digits: bool, fixed: Option<Unit>) -> Result<Option<(Entry, usize)>, ()> {
    if digits && text.touches_next(end) && class(text, end + 1) == Some(Class::Word) {
        return lex.next(text, end + 1, &[Role::Suffix, Role::Noun]).map(Some).ok_or(());
    }
    Ok(if fixed.is_none() { lex.next(text, end + 1, &[Role::Suffix]) } else { None })
}

/// Widens `r` to a range when `X` is followed by `-`, `–`, `to` or (after `between`) `and`
/// and a larger `Y`: `15-20 percent`, `$1.5 to $2 billion`. `Err` gives the last token of a
/// hyphenated pair that is a score or a phone number (`3-2`, `555-0100`); `Ok(true)` when
/// the range was read.
fn extend_to_range(text: &Text, lex: &Lexicon, x: &Num, r: &mut Reading, between: bool, x_sign: Option<Unit>) -> Result<bool, usize> {
    let link = r.end + 1;
    let dash = match text.get(link) {
        "-" => text.touches_next(r.end) && text.touches_next(link),
        "–" => true,
        _ => false,
    };
    let joined = (between && text.is(link, "and")) || dash || text.is(link, "to");
    if !(joined && link + 1 < text.tokens.len() && !text.crosses_block(r.end, link + 1)) {
        return Ok(false);
    }
    let mut y_at = link + 1;
    let y_prefix = lex.next(text, y_at, &[Role::Prefix]);
    if let Some((_, last)) = y_prefix {
        y_at = last + 1;
    }
    // A year does not start a range of amounts: `from 52 million in 1991 to 41 million`.
    let same_form = |y: &Num| {
        y.form != Form::Vague && (y.form == Form::Words) == (x.form == Form::Words) && !(is_year(text, x) && y.form != Form::Plain)
    };
    let Some(y) = number_at(text, lex, y_at).filter(same_form) else { return Ok(false) };
    if dash && text.get(y.last + 1) == "-" && text.touches_next(y.last) && is_number(text, y.last + 2) {
        return Err(y.last + 2);
    }
    let mut x_low = x.low;
    if x.scale == 1.0 && y.scale > 1.0 && x.low < y.low / y.scale {
        x_low *= y.scale;
    }
    // `3% to 4%` is a range, `3.4% to 152.30` is not.
    let y_sign = sign_after(text, lex, y.last, y.form != Form::Words, None).ok().flatten();
    let same_sign = x_sign.is_none() || x_sign == y_sign.map(|(e, _)| e.unit);
    if !(x_low < y.low && same_sign && !glued_after(text, y.last)) {
        return if dash { Err(y.last) } else { Ok(false) };
    }
    r.low = x_low;
    r.high = y.high;
    r.end = y.last;
    if let Some((e, _)) = y_prefix {
        r.fixed = r.fixed.or(Some(e.unit));
    }
    if let Some((e, last)) = y_sign.filter(|_| r.fixed.is_none() || x_sign.is_some()) {
        r.fixed = Some(e.unit);
        r.factor = e.low;
        r.end = last;
    }
    Ok(true)
}

/// The unit: fixed by a sign, else the counted noun after, else `<noun> of X`, else (for a
/// large number standing alone) a noun earlier in the sentence; a verb of killing before it
/// makes people casualties.
fn unit_of(text: &Text, lex: &Lexicon, x: &Num, r: &Reading, span_start: usize, noun: Option<Unit>) -> Option<Unit> {
    let mut unit = r.fixed.or(noun);
    if unit.is_none() && span_start >= 2 && text.is(span_start - 1, "of") {
        unit = lex.word(text, span_start - 2, &[Role::Noun]).map(|e| e.unit);
    }
    let stands_alone = class(text, r.end + 1) != Some(Class::Word) || lex.word(text, r.end + 1, &[Role::Stop, Role::Aux]).is_some();
    if unit.is_none() && stands_alone && matches!(x.form, Form::Digits | Form::Vague) {
        unit = counted_earlier(text, lex, span_start);
    }
    if matches!(unit, None | Some(Unit::People | Unit::Personnel)) && casualties_before(text, lex, span_start) {
        unit = Some(Unit::Casualties);
    }
    unit
}

/// Reads the number at token `i` with its surroundings and decides whether it is a quantity.
fn candidate_at(text: &Text, lex: &Lexicon, i: usize) -> Step {
    use Role::*;
    let Some(x) = number_at(text, lex, i) else { return Step::Nothing };
    let skip = |last: usize| Step::Skip(last + 1);
    let digits = matches!(x.form, Form::Plain | Form::Digits);
    if digits && (glued_before(text, i) || glued_after(text, x.last)) {
        return skip(x.last);
    }
    let mut r = Reading { start: i, end: x.last, low: x.low, high: x.high, fixed: None, factor: 1.0 };
    if x.form != Form::Vague {
        if let Some((e, first)) = lex.before(text, i, &[Prefix]) {
            r.start = first;
            r.fixed = Some(e.unit);
        }
    }
    let mut qualifier = lex.before(text, r.start, &[High, Low, About, Between]);
    let mut x_sign = None;
    match sign_after(text, lex, x.last, digits, r.fixed) {
        Err(()) => return skip(x.last),
        Ok(Some((e, last))) => {
            x_sign = Some(e.unit);
            r.fixed = Some(e.unit);
            r.factor = e.low;
            r.end = last;
        }
        Ok(None) => {}
    }
    if x.form != Form::Vague {
        let between = qualifier.is_some_and(|(e, _)| e.role == Between);
        match extend_to_range(text, lex, &x, &mut r, between, x_sign) {
            Err(last) => return skip(last),
            Ok(false) if between => qualifier = None,
            Ok(_) => {}
        }
    }
    if time_follows(text, lex, r.end, x.form) {
        return skip(r.end);
    }
    let span_start = qualifier.map_or(r.start, |(_, first)| first);
    if digits && lex.before(text, span_start, &[Label]).is_some() {
        return skip(r.end);
    }
    let bare = x.form == Form::Plain && r.fixed.is_none() && qualifier.is_none();
    if bare && (is_label(text, r.start, r.end) || in_digit_sequence(text, i)) {
        return skip(r.end);
    }
    let noun = counted(text, lex, r.end + 1);
    if bare && noun.is_none() && names_at_sentence_start(text, lex, r.start) {
        return skip(r.end);
    }
    if is_year(text, &x) && r.fixed.is_none() && matches!(noun, None | Some(Unit::Other)) {
        return skip(r.end);
    }
    let unit = unit_of(text, lex, &x, &r, span_start, noun);
    let counts = match x.form {
        Form::Words => x.low >= 2.0 && unit.is_some(),
        Form::Plain => x.low >= 2.0 || unit.is_some(),
        Form::Digits | Form::Vague => true,
    };
    if !counts {
        return skip(r.end);
    }
    let (low, high) = (r.low * r.factor, r.high * r.factor);
    let (low, high) = match qualifier.map(|(e, _)| e.role) {
        Some(High) => (None, Some(high)),
        Some(Low) => (Some(low), None),
        _ => (Some(low), Some(high)),
    };
    let value = Value::Quantity { low, high, unit: unit.unwrap_or(Unit::Other) };
    Step::Found(Candidate { span: text.span(span_start, r.end), value }, r.end + 1)
}

/// Proposes quantity claims.
pub(crate) fn find(text: &Text, _options: &Options, out: &mut Vec<Candidate>) {
    let lex = lexicon();
    let mut i = 0;
    while i < text.tokens.len() {
        i = match candidate_at(text, lex, i) {
            Step::Found(candidate, next) => {
                out.push(candidate);
                next
            }
            Step::Skip(next) => next.max(i + 1),
            Step::Nothing => i + 1,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(String, Value)> {
        let text = Text::new(src);
        let options = Options::from_date("2022-01-10").unwrap();
        let mut out = Vec::new();
        find(&text, &options, &mut out);
        out.into_iter().map(|c| (src[c.span].to_string(), c.value)).collect()
    }

    #[test]
    fn token_soup_never_panics() {
        let vocabulary = [
            "1", "100", "000", ",", ".", "-", "–", "$", "US", "%", "per", "cent", "between", "and", "to", "of",
            "tens", "thousands", "a", "hundred", "twenty", "-", "five", "million", "m", "bn", "troops", "killed",
            "were", "up", "at", "least", "Jan", "2014", ":", "/", "+", "\u{a0}", "\n\n", "٣", "０", "é", "year",
            "old", "U", "S", "Boeing", "737", "'", "’", "(", ")", "more", "than", "cents", "km", "the", "army",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut src = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src += vocabulary[(seed % vocabulary.len() as u64) as usize];
                if seed % 3 == 0 {
                    src.push(' ');
                }
            }
            for (span, _) in found(&src) {
                assert!(!span.is_empty(), "{src:?}");
            }
        }
    }

    #[test]
    fn tables_load() {
        let lex = lexicon();
        assert!(lex.entry("tens of thousands", &[Role::Vague]).is_some());
        assert!(lex.entry("us$", &[Role::Prefix]).is_some());
    }

    #[test]
    fn huge_digit_runs_neither_overflow_nor_stall() {
        let run = "1".to_string() + &",000".repeat(100_000);
        assert!(found(&run).is_empty());
        let digits = "9".repeat(1_000_000);
        assert!(found(&digits).is_empty());
        let spaced = "100 000 ".repeat(20_000);
        assert!(!found(&spaced).is_empty());
        let words = "two hundred ".repeat(20_000) + "troops";
        let _ = found(&words);
    }
}
