//! The quantity finder: a number (digits or words, with its scale), the qualifier before it,
//! a currency or percent sign, and the counted noun after it that decides the unit.
//!
//! Words live in `data/numbers.tsv` and `data/units.tsv`. Every look-around is bounded in
//! tokens and every digit run is capped, so the scan is linear and never overflows.

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
use number::{class, is_number, number_at, Form};

enum Step {
    Found(Candidate, usize),
    Skip(usize),
    Nothing,
}

fn candidate_at(text: &Text, lex: &Lexicon, i: usize) -> Step {
    use Role::*;
    let Some(x) = number_at(text, lex, i) else { return Step::Nothing };
    let skip = |last: usize| Step::Skip(last + 1);
    let digits = matches!(x.form, Form::Plain | Form::Digits);
    if digits && (glued_before(text, i) || glued_after(text, x.last)) {
        return skip(x.last);
    }
    // Currency before the number, then a qualifier before that.
    let mut start = i;
    let mut fixed: Option<Unit> = None;
    if x.form != Form::Vague {
        if let Some((e, first)) = lex.before(text, start, &[Prefix]) {
            start = first;
            fixed = Some(e.unit);
        }
    }
    let mut qualifier = lex.before(text, start, &[High, Low, About, Between]);
    // Sign or unit after the number: `%`, `percent`, `cents`, a fused `430km`.
    let mut factor = 1.0;
    let mut end = x.last;
    let suffix = |end: usize, fixed: Option<Unit>| -> Result<Option<(Entry, usize)>, ()> {
        if digits && text.touches_next(end) && class(text, end + 1) == Some(Class::Word) {
            return match lex.next(text, end + 1, &[Suffix, Noun]) {
                Some(found) => Ok(Some(found)),
                None => Err(()),
            };
        }
        Ok(if fixed.is_none() { lex.next(text, end + 1, &[Suffix]) } else { None })
    };
    let mut x_suffix = None;
    match suffix(end, fixed) {
        Err(()) => return skip(x.last),
        Ok(Some((e, last))) => {
            x_suffix = Some(e.unit);
            fixed = Some(e.unit);
            factor = e.low;
            end = last;
        }
        Ok(None) => {}
    }
    let (mut low, mut high) = (x.low, x.high);
    let mut core_last = x.last;
    if x.form != Form::Vague {
        let between = qualifier.is_some_and(|(e, _)| e.role == Between);
        let link = end + 1;
        let dash = match text.get(link) {
            "-" => text.touches_next(end) && text.touches_next(link),
            "–" => true,
            _ => false,
        };
        let joined = (between && text.is(link, "and")) || dash || text.is(link, "to");
        let mut y_at = link + 1;
        if joined && !text.crosses_block(end, y_at.min(text.tokens.len().saturating_sub(1)).max(end)) {
            let y_prefix = lex.next(text, y_at, &[Prefix]);
            if let Some((_, last)) = y_prefix {
                y_at = last + 1;
            }
            let y = number_at(text, lex, y_at).filter(|y| y.form != Form::Vague && (y.form == Form::Words) == (x.form == Form::Words));
            if let Some(y) = y {
                if dash && text.get(y.last + 1) == "-" && text.touches_next(y.last) && is_number(text, y.last + 2) {
                    return skip(y.last + 2);
                }
                let mut x_low = x.low;
                if x.scale == 1.0 && y.scale > 1.0 && x.low < y.low / y.scale {
                    x_low *= y.scale;
                }
                // `3% to 4%` is a range, `3.4% to 152.30` is not.
                let y_suffix = suffix(y.last, None).ok().flatten();
                let same_sign = x_suffix.is_none() || x_suffix == y_suffix.map(|(e, _)| e.unit);
                if x_low < y.low && same_sign && !glued_after(text, y.last) {
                    low = x_low;
                    high = y.high;
                    end = y.last;
                    core_last = y.last;
                    if let Some((e, _)) = y_prefix {
                        fixed = fixed.or(Some(e.unit));
                    }
                    if let Some((e, last)) = y_suffix.filter(|_| fixed.is_none() || x_suffix.is_some()) {
                        fixed = Some(e.unit);
                        factor = e.low;
                        end = last;
                    }
                } else if dash {
                    return skip(y.last);
                }
            }
        }
        if between && core_last == x.last {
            qualifier = None;
        }
    }
    if time_follows(text, lex, end, x.form) {
        return skip(end);
    }
    let span_start = qualifier.map_or(start, |(_, first)| first);
    if digits && lex.before(text, span_start, &[Label]).is_some() {
        return skip(end);
    }
    let bare = x.form == Form::Plain && fixed.is_none() && qualifier.is_none();
    if bare && (is_label(text, start, end) || in_digit_sequence(text, i)) {
        return skip(end);
    }
    let noun = counted(text, lex, end + 1);
    if bare && noun.is_none() && names_at_sentence_start(text, lex, start) {
        return skip(end);
    }
    let year_like = x.form == Form::Plain && text.str(i).chars().count() == 4 && (1000.0..=2100.0).contains(&x.low);
    if year_like && fixed.is_none() && matches!(noun, None | Some(Unit::Other)) {
        return skip(end);
    }
    let mut unit = fixed.or(noun);
    if unit.is_none() && span_start >= 2 && text.is(span_start - 1, "of") {
        // `an army of 1 million members`, `a force of 5,000`
        unit = lex.word(text, span_start - 2, &[Role::Noun]).map(|e| e.unit);
    }
    let stands_alone = class(text, end + 1) != Some(Class::Word) || lex.word(text, end + 1, &[Role::Stop, Role::Aux]).is_some();
    if unit.is_none() && stands_alone && matches!(x.form, Form::Digits | Form::Vague) {
        unit = counted_earlier(text, lex, span_start);
    }
    if matches!(unit, None | Some(Unit::People | Unit::Personnel)) && casualties_before(text, lex, span_start) {
        unit = Some(Unit::Casualties);
    }
    let counts = match x.form {
        Form::Words => x.low >= 2.0 && unit.is_some(),
        Form::Plain => x.low >= 2.0 || unit.is_some(),
        _ => true,
    };
    if !counts {
        return skip(end);
    }
    let (low, high) = (low * factor, high * factor);
    let (low, high) = match qualifier.map(|(e, _)| e.role) {
        Some(High) => (None, Some(high)),
        Some(Low) => (Some(low), None),
        _ => (Some(low), Some(high)),
    };
    let value = Value::Quantity { low, high, unit: unit.unwrap_or(Unit::Other) };
    Step::Found(Candidate { span: text.span(span_start, end), value }, end + 1)
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
