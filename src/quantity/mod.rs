//! The quantity finder: a number with its qualifier, scale and sign (`as many as 100,000`,
//! `$1.5 billion`, `15-20 percent`, `tens of thousands`), and the unit that the counted noun
//! after it decides (`troops` → personnel). Years, dates, times, codes, ages, durations and
//! scores are left alone.
//!
//! Every look-around is a bounded number of tokens, so the finder is linear in the text.

mod amount;
mod noun;
mod words;

use crate::claim::{Unit, Value};
use crate::options::Options;
use crate::scan::Candidate;
use crate::token::{Class, Gap, Text};

use amount::{Amount, Form};
use words::{Bound, NumberWord};

/// Proposes quantity claims.
pub(crate) fn find(text: &Text, _options: &Options, out: &mut Vec<Candidate>) {
    // Tokens before `free` belong to a claim already made; `prev` is its unit and last token.
    let (mut i, mut free, mut prev) = (0, 0, None);
    while i < text.tokens.len() {
        let Some(a) = amount::read(text, i) else {
            i += 1;
            continue;
        };
        let (claim, end) = quantity(text, a, free, prev);
        if let Some((claim, unit)) = claim {
            out.push(claim);
            free = end + 1;
            prev = Some((unit, end));
        }
        i = (end + 1).max(i + 1);
    }
}

/// The claim for amount `a` (with its qualifier and range) and its unit, if it is one, and the
/// last token it used.
fn quantity(
    text: &Text,
    mut a: Amount,
    free: usize,
    prev: Option<(Unit, usize)>,
) -> (Option<(Candidate, Unit)>, usize) {
    if a.invalid {
        return (None, a.end);
    }
    let (bound, mut start) = match words::numbers().ending_at(text, a.first.wrapping_sub(1), free) {
        Some((NumberWord::Qualifier(b), len)) if a.first > free && same_block(text, a.first - len, a.first) => {
            (Some(b), a.first - len)
        }
        _ => (None, a.first),
    };
    // A range: `15-20`, `10 to 15`, `between 3 and 5`.
    let mut end = a.end;
    if let Some(b) = range_end(text, &a, bound, start) {
        // `1991 to 1995` are years; `in 1991 to 41 million` is a year, then an amount.
        if a.year_like(text) {
            return (None, if b.year_like(text) { b.end } else { a.end });
        }
        if b.invalid {
            return (None, b.end);
        }
        if b.low > a.low {
            merge(&mut a, b);
            end = a.end;
        } else if is_dash(text, a.last + 1) {
            // `3-2`: a score.
            return (None, b.end);
        }
    }
    let bound = match bound {
        Some(Bound::Between) if a.high == a.low => {
            start = a.first;
            None
        }
        b => b,
    };
    if blocked(text, &a, bound.is_some(), start) {
        return (None, end);
    }
    // The claim before, in the same sentence and a few words back.
    let near =
        |last: usize| start < last + 16 && !(last + 1..start).any(|k| matches!(text.str(k), "." | ";" | "!" | "?"));
    let prev = prev.filter(|&(_, last)| near(last)).map(|(u, _)| u);
    // `from 52 million people in 1991 to 41 million`: the same noun.
    let earlier = prev.filter(|u| {
        !matches!(u, Unit::Percent | Unit::Money)
            && ["to", "from", "than"].iter().any(|w| text.is(start.wrapping_sub(1), w))
    });
    let Some(unit) = noun::unit(text, &a, start, free, earlier) else {
        return (None, end);
    };
    // `a 30m wall`: metres, not millions; `ran the 100m`: a race.
    let word_after = text.tokens.get(a.last + 1).is_some_and(|t| t.class == Class::Word)
        && !matches!(words::noun_at(text, a.last + 1), Some((words::Noun::Stop, _)));
    if a.fused_m && a.unit.is_none() && text.is(start.wrapping_sub(1), "the") && !word_after {
        return (None, end);
    }
    let (unit, a) = if a.fused_m && unit == Unit::Other && a.unit.is_none() {
        (Unit::Distance, Amount { low: a.low / a.scale, high: a.high / a.scale, ..a })
    } else {
        (unit, a)
    };
    // `killed 259 people, including 12 Americans`: the Americans were killed too.
    let unit = if unit == Unit::People && prev == Some(Unit::Casualties) && text.is(start.wrapping_sub(1), "including")
    {
        Unit::Casualties
    } else {
        unit
    };
    let (low, high) = match bound {
        Some(Bound::AtMost) => (None, Some(a.high)),
        Some(Bound::AtLeast) => (Some(a.low), None),
        _ => (Some(a.low), Some(a.high)),
    };
    let value = Value::Quantity { low, high, unit };
    (Some((Candidate { span: text.span(start, a.last), value }, unit)), end)
}

fn same_block(text: &Text, first: usize, last: usize) -> bool {
    first >= last || !text.crosses_block(first, last)
}

fn is_dash(text: &Text, i: usize) -> bool {
    i < text.tokens.len() && text.tokens[i].class == Class::Punct && matches!(text.str(i), "-" | "\u{2013}")
}

/// The second amount of a range after `a` (whose span starts at `start`), if one follows.
fn range_end(text: &Text, a: &Amount, bound: Option<Bound>, start: usize) -> Option<Amount> {
    if a.end != a.last || a.form == Form::Vague {
        return None;
    }
    let link = a.last + 1;
    let dash = is_dash(text, link);
    let to = text.is(link, "to");
    let joined = if dash {
        text.touches_next(a.last) && text.touches_next(link)
    } else if to {
        !text.is(a.first.wrapping_sub(1), "from")
    } else {
        text.is(link, "and") && bound == Some(Bound::Between)
    };
    if !joined || text.tokens.get(link + 1).is_none_or(|t| t.gap == Gap::Block) {
        return None;
    }
    let b = amount::read(text, link + 1).filter(|b| b.form != Form::Vague)?;
    // `3% to 4%`, `$50 billion to $65 billion`, `10 to 15 million`; not `2.1% to 95 pence`.
    if !dash && a.unit.is_some_and(|u| b.unit != Some(u)) {
        return None;
    }
    // `rose 2% to 4%`, `rose by 5 to 40`: a change and a level; `by 40 to 50 percent` is a range.
    let change = matches!(words::number_at(text, start.wrapping_sub(1)), Some((NumberWord::Change, 1)));
    if to && change && !(a.unit.is_none() && b.unit.is_some()) {
        return None;
    }
    // `202-555-0100`: a phone number or a date, not a range.
    let chained = is_dash(text, b.last + 1) && text.touches_next(b.last);
    Some(Amount { invalid: b.invalid || chained, ..b })
}

/// `a` becomes the range from `a` to `b`, taking `b`'s scale and unit (`10 to 15 million`).
fn merge(a: &mut Amount, b: Amount) {
    if a.scale == 1.0 && a.low * b.scale <= b.low {
        a.low *= b.scale;
    }
    a.high = b.high;
    a.last = b.last;
    a.end = b.end;
    a.marked |= b.marked;
    a.unit = a.unit.or(b.unit);
    if a.form == Form::Spelled && b.form != Form::Spelled {
        a.form = b.form;
    }
}

/// Whether what stands around the amount makes it a date, a time, a code, a year or an age.
fn blocked(text: &Text, a: &Amount, qualified: bool, start: usize) -> bool {
    let before = a.first.wrapping_sub(1);
    let after = a.last + 1;
    let punct = |i: usize, set: &[&str]| {
        i < text.tokens.len() && text.tokens[i].class == Class::Punct && set.contains(&text.str(i))
    };
    let word_kind = |i: usize| words::number_at(text, i).filter(|(_, len)| *len == 1).map(|(w, _)| w);
    let phrase_kind = |i: usize| words::number_at(text, i).map(|(w, _)| w);
    let month = |i: usize| {
        word_kind(i) == Some(NumberWord::Month)
            && (text.is_capitalised(i) || !(text.is(i, "may") || text.is(i, "march")))
    };
    // Touching on the left: `G7`, `F-16`, `'90s`, `1/2`, `10:30`, `+1`.
    if before < text.tokens.len() && text.touches_next(before) {
        let joined = match text.tokens[before].class {
            Class::Word | Class::Number => true,
            // `’98` is a year; `'200 died,' he said` is a quote.
            Class::Punct if matches!(text.str(before), "'" | "\u{2019}") => {
                a.core == a.last && text.str(a.core).len() == 2
            }
            Class::Punct => ["/", ":", ".", "@", "#", "_", "+", "=", "&", "\\", "-", "\u{2010}", "\u{2011}"]
                .contains(&text.str(before)),
        };
        if joined {
            return true;
        }
    }
    // Touching on the right: `10:30`, `1/2`, `1990's`.
    if text.touches_next(a.last) && punct(after, &["/", ":", ".", "'", "\u{2019}"]) {
        let follows = text.tokens.get(after + 1).is_some_and(|t| t.gap == Gap::None && t.class != Class::Punct);
        if follows {
            return true;
        }
    }
    // `0800 030 8013`, `+44 20 7946 0958`: a phone number or a code.
    let number = |i: usize| text.tokens.get(i).is_some_and(|t| t.class == Class::Number);
    if number(before) && text.str(before).starts_with('0') {
        return true;
    }
    let spaced_number = |i: usize| number(i) && text.tokens[i].gap == Gap::Space;
    if spaced_number(after) && a.form == Form::Digits && !a.marked
        || spaced_number(a.first)
            && number(before)
            && (number(before.wrapping_sub(1)) || punct(before.wrapping_sub(1), &["+"]))
    {
        return true;
    }
    // `285 Toure Drive`, `221 Baker Street`: an address.
    if a.form == Form::Digits && !a.marked && start == a.first {
        let street = (after..after + 3)
            .take_while(|&i| text.is_capitalised(i))
            .any(|i| i > after && matches!(words::number_at(text, i), Some((NumberWord::Street, 1))));
        if street {
            return true;
        }
    }
    // `before he is 40`, `when she was 4`: an age.
    let age_phrase = matches!(words::numbers().ending_at(text, before, 0), Some((NumberWord::Age, 2)));
    let word_after = text.tokens.get(after).is_some_and(|t| t.class == Class::Word)
        && !matches!(words::noun_at(text, after), Some((words::Noun::Stop, _)));
    if age_phrase && start == a.first && !a.marked && a.low <= 120.0 && !word_after {
        return true;
    }
    // `(202) 555-0100`.
    if punct(before, &["("])
        && punct(after, &[")"])
        && text.tokens.get(after + 1).is_some_and(|t| t.class == Class::Number)
    {
        return true;
    }
    // `Jan. 10`, `Article 5`, `No. 225`, `aged 40`; `10 January`, `10 a.m.`, `10 GMT`.
    let name_before = |i: usize| month(i) || matches!(word_kind(i), Some(NumberWord::Code | NumberWord::Age));
    if start == a.first && (name_before(before) || punct(before, &["."]) && name_before(before.wrapping_sub(1))) {
        return true;
    }
    if a.unit.is_none() && (month(after) || phrase_kind(after) == Some(NumberWord::After)) {
        return true;
    }
    // `April 24 and 25`: the second day of a date.
    if matches!(text.get(before), "and" | "or" | "to" | "-" | "\u{2013}")
        && text.tokens.get(before.wrapping_sub(1)).is_some_and(|t| t.class == Class::Number)
        && month(before.wrapping_sub(2))
    {
        return true;
    }
    // `2 1/2 times`: a mixed fraction.
    if text.tokens.get(after).is_some_and(|t| t.class == Class::Number) && punct(after + 1, &["/"]) {
        return true;
    }
    // `10 a.m.`, `8 o'clock`, and `7 or 8 o'clock`.
    let clock = |i: usize| {
        (text.is(i, "a") || text.is(i, "p")) && text.touches_next(i) && punct(i + 1, &["."]) && text.is(i + 2, "m")
            || text.is(i, "o") && punct(i + 1, &["'", "\u{2019}"]) && text.is(i + 2, "clock")
    };
    let alternative = matches!(text.get(after), "or" | "to" | "and") && number(after + 1);
    if clock(after) || alternative && (clock(after + 2) || phrase_kind(after + 2) == Some(NumberWord::After)) {
        return true;
    }
    // `1 in 5`, `1 out of 6`: a ratio; not `100,000 in 1980`.
    let out_of = |i: usize| text.is(i, "out") && text.is(i + 1, "of");
    let larger = |i: usize| amount::read(text, i).is_some_and(|b| b.low > a.low && !b.year_like(text));
    if text.is(after, "in") && larger(after + 1)
        || out_of(after) && number(after + 2)
        || text.is(before, "in") && number(before.wrapping_sub(1))
        || text.is(before, "of") && text.is(before.wrapping_sub(1), "out")
    {
        return true;
    }
    // `Shah, 58, a former envoy`: an age after a name.
    let age = a.form == Form::Digits
        && !qualified
        && !a.marked
        && a.low <= 120.0
        && a.low.fract() == 0.0
        && punct(before, &[","])
        && text.tokens.get(before.wrapping_sub(1)).is_some_and(|t| t.class == Class::Word)
        && (punct(after, &[",", ")", "."]) || after >= text.tokens.len());
    if age {
        return true;
    }
    // A bare year; `2014 troops` stays a quantity.
    if a.year_like(text) && !qualified {
        let noun_next = matches!(
            words::noun_at(text, after),
            Some((words::Noun::Unit(Unit::Personnel | Unit::People | Unit::Casualties | Unit::Equipment), _))
        );
        let prep_before = matches!(words::noun_at(text, before), Some((words::Noun::Stop, _))) || month(before);
        return !noun_next || prep_before;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(String, Option<f64>, Option<f64>, Unit)> {
        let text = Text::new(src);
        let options = Options::from_date("2022-01-10").unwrap();
        let mut out = Vec::new();
        find(&text, &options, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Quantity { low, high, unit } => (src[c.span].to_string(), low, high, unit),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn huge_digit_runs_are_linear_and_never_amounts() {
        let long = format!("1{}", ",000".repeat(200_000));
        assert!(found(&long).is_empty());
        let digits = "9".repeat(1_000_000);
        assert!(found(&digits).is_empty());
        let spaced = "100 ".repeat(100_000);
        assert!(found(&spaced).len() < 100_000);
    }

    #[test]
    fn never_panics_on_shuffled_pieces() {
        let pieces = [
            "1",
            "12",
            "000",
            "2014",
            ",",
            ".",
            "-",
            "–",
            "$",
            "US",
            "€",
            "%",
            "m",
            "bn",
            "million",
            "a",
            "an",
            "half",
            "tens",
            "of",
            "thousands",
            "between",
            "and",
            "to",
            "up",
            "as many as",
            "killed",
            "troops",
            "were",
            "Jan",
            "No",
            "(",
            ")",
            "’",
            "'",
            "s",
            "٣",
            "３",
            "two",
            "twenty",
            "hundred",
            "percent",
            "per",
            "cent",
            "mile",
            "strong",
            "year",
            "old",
            "in",
            "a.m.",
            ":",
            "/",
            "é",
            "😀",
            " ",
            " ",
            "\u{a0}",
            "\n",
            "\n\n",
        ];
        let mut seed: u64 = 7;
        for _ in 0..3000 {
            let mut src = String::new();
            for _ in 0..24 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                src += pieces[(seed >> 33) as usize % pieces.len()];
            }
            let text = Text::new(&src);
            let mut out = Vec::new();
            find(&text, &Options::from_date("2022-01-10").unwrap(), &mut out);
            for c in out {
                assert!(
                    c.span.start < c.span.end && src.is_char_boundary(c.span.start) && src.is_char_boundary(c.span.end)
                );
            }
        }
    }

    #[test]
    fn reads_ranges_and_qualifiers() {
        assert_eq!(
            found("between 10 and 15 million people")[0],
            ("between 10 and 15 million".into(), Some(1e7), Some(1.5e7), Unit::People)
        );
        assert_eq!(found("up to $2bn")[0], ("up to $2bn".into(), None, Some(2e9), Unit::Money));
    }
}
