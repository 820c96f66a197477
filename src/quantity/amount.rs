//! Reading one amount: `$1.5 billion`, `100,000`, `twenty-five`, `tens of thousands`, `3.2%`.

use crate::claim::Unit;
use crate::token::{digit_value, Class, Gap, Text};

use super::words::{noun_at, number_at, Noun, NumberWord};

/// Digit groups one number may span (`1,000,000,000,000,000,000`); longer runs are not amounts.
const MAX_GROUPS: usize = 7;
/// Larger values are codes or noise, not amounts.
const MAX_VALUE: f64 = 1e16;

/// How the number is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Form {
    Digits,
    /// `two` … `ninety-nine`, with no scale word.
    Spelled,
    /// A spelled or `a` number with a scale word: `three million`, `a hundred`.
    SpelledScaled,
    /// `dozens`, `tens of thousands`.
    Vague,
}

/// One amount read from the tokens.
#[derive(Clone, Debug)]
pub(super) struct Amount {
    /// First token of the span (a currency sign if any).
    pub first: usize,
    /// First token of the number itself.
    pub core: usize,
    /// Last token of the span.
    pub last: usize,
    /// Last token read (past `last` for `-mile`); the caller goes on after it.
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub form: Form,
    /// The factor the scale words gave (`1.5 million` → 1e6).
    pub scale: f64,
    /// A scale word or sign follows the digits (`million`, `%`): not a year.
    pub marked: bool,
    /// Set by a sign or word in the span (`$`, `%`, `km`) or a hyphenated noun (`-mile`).
    pub unit: Option<Unit>,
    /// A fused lower-case `m` read as million (`12m`): metres after all when it counts nothing.
    pub fused_m: bool,
    /// A number that is not an amount: a code, a score, a time, a run too long.
    pub invalid: bool,
}

impl Amount {
    /// A 4-digit number 1000–2100 with nothing around it: most likely a year.
    pub fn year_like(&self, text: &Text) -> bool {
        self.form == Form::Digits
            && !self.marked
            && self.core == self.last
            && text.str(self.core).chars().count() == 4
            && (1000.0..=2100.0).contains(&self.low)
    }
}

fn is_punct(text: &Text, i: usize, chars: &str) -> bool {
    i < text.tokens.len() && text.tokens[i].class == Class::Punct && chars.contains(text.str(i))
}

fn touches(text: &Text, i: usize) -> bool {
    text.touches_next(i)
}

fn class(text: &Text, i: usize) -> Option<Class> {
    text.tokens.get(i).map(|t| t.class)
}

/// Appends the digits of token `i` (of any script) to `out` as ASCII, stopping at a length
/// that is already past `MAX_VALUE`.
fn push_digits(text: &Text, i: usize, out: &mut String) {
    for d in text.str(i).chars().filter_map(digit_value) {
        if out.len() > 24 {
            return;
        }
        out.extend(char::from_digit(d, 10));
    }
}

/// Whether the white space before token `i` is one space (of any width) that may group digits.
fn group_space(text: &Text, i: usize) -> bool {
    let between = &text.src[text.tokens[i - 1].end..text.tokens[i].start];
    matches!(between, " " | "\u{a0}" | "\u{2009}" | "\u{202f}")
}

/// Whether `.` and digits touch the end of token `last`: a decimal part.
fn decimal_after(text: &Text, last: usize) -> bool {
    is_punct(text, last + 1, ".")
        && touches(text, last)
        && touches(text, last + 1)
        && class(text, last + 2) == Some(Class::Number)
}

/// Reads `100,000.5`, `100 000`; returns the value, the last token and whether it is valid.
/// A run of any length is read in one pass, so the caller can skip it whole.
fn read_digits(text: &Text, i: usize) -> (f64, usize, bool) {
    let mut number = String::new();
    push_digits(text, i, &mut number);
    let (mut last, mut groups) = (i, 0usize);
    let head = text.str(i).chars().count();
    let group = |j: usize| class(text, j) == Some(Class::Number) && text.str(j).chars().count() == 3;
    while is_punct(text, last + 1, ",") && touches(text, last) && touches(text, last + 1) && group(last + 2) {
        push_digits(text, last + 2, &mut number);
        last += 2;
        groups += 1;
    }
    if groups == 0 && head <= 3 {
        while group(last + 1) && text.tokens[last + 1].gap == Gap::Space && group_space(text, last + 1) {
            push_digits(text, last + 1, &mut number);
            last += 1;
            groups += 1;
        }
    }
    let mut valid = (groups == 0 || head <= 3) && groups <= MAX_GROUPS && number.len() <= 24;
    if decimal_after(text, last) {
        number.push('.');
        let mut fraction = String::new();
        push_digits(text, last + 2, &mut fraction);
        number += &fraction;
        last += 2;
        // `1.2.3`: a version or an address.
        while decimal_after(text, last) {
            last += 2;
            valid = false;
        }
    } else if head > 1 && text.str(i).starts_with('0') && groups == 0 {
        valid = false;
    }
    let value = number.parse::<f64>().unwrap_or(f64::INFINITY);
    (value, last, valid && value < MAX_VALUE)
}

/// Reads `twenty-five`, `twenty five`, `three`: value and last token.
fn read_spelled(text: &Text, i: usize) -> Option<(f64, usize)> {
    let (NumberWord::Cardinal(v), len) = number_at(text, i)? else {
        return None;
    };
    let i = i + len - 1;
    let unit_after = |j: usize| match number_at(text, j) {
        Some((NumberWord::Cardinal(u), 1)) if u < 10.0 => Some(u),
        _ => None,
    };
    if v >= 20.0 && v % 10.0 == 0.0 {
        if is_punct(text, i + 1, "-") && touches(text, i) && touches(text, i + 1) {
            if let Some(u) = unit_after(i + 2) {
                return Some((v + u, i + 2));
            }
        } else if let Some(u) = unit_after(i + 1) {
            return Some((v + u, i + 1));
        }
    }
    Some((v, i))
}

/// Reads the amount that starts at token `i`, if one does.
pub(super) fn read(text: &Text, i: usize) -> Option<Amount> {
    let n = text.tokens.len();
    // A currency sign or word before the number: `$`, `US$`, `dlrs`.
    let mut money = false;
    let mut core = i;
    if class(text, i) == Some(Class::Word)
        && is_punct(text, i + 1, "$")
        && touches(text, i)
        && text.str(i).len() <= 3
        && text.str(i).chars().all(|c| c.is_ascii_uppercase())
    {
        core = i + 1;
    }
    if let Some((NumberWord::Currency, 1)) = number_at(text, core) {
        let sign = text.tokens[core].class == Class::Punct;
        if core + 1 < n && (!sign || touches(text, core)) && text.tokens[core + 1].gap != Gap::Block {
            money = true;
            core += 1;
        } else {
            return None;
        }
    } else if core != i {
        return None;
    }
    let mut a = Amount {
        first: i,
        core,
        last: core,
        end: core,
        low: 0.0,
        high: 0.0,
        form: Form::Digits,
        scale: 1.0,
        marked: money,
        unit: money.then_some(Unit::Money),
        fused_m: false,
        invalid: false,
    };
    match class(text, core)? {
        Class::Number => {
            let (value, last, valid) = read_digits(text, core);
            a.low = value;
            a.last = last;
            a.invalid = !valid;
        }
        Class::Word => {
            if let Some((NumberWord::Vague(low, high), len)) = number_at(text, core) {
                a.low = low;
                a.high = high;
                a.last = core + len - 1;
                a.end = a.last;
                a.form = Form::Vague;
                a.marked = true;
                return Some(a);
            }
            let article = text.is(core, "a") || text.is(core, "an");
            if article {
                let Some((NumberWord::Scale(_), 1)) = number_at(text, core + 1) else {
                    return None;
                };
                a.low = 1.0;
                a.form = Form::SpelledScaled;
            } else {
                let (value, last) = read_spelled(text, core)?;
                // `one` alone is a determiner, `half a` a fraction: they count only before a
                // scale word (`one million`, `half a million`).
                if value < 2.0 && !matches!(number_at(text, last + 1), Some((NumberWord::Scale(_), 1))) {
                    return None;
                }
                a.low = value;
                a.last = last;
                a.form = Form::Spelled;
            }
        }
        Class::Punct => return None,
    }
    // `two and a half million`, `21 and a half percent`.
    if text.is(a.last + 1, "and")
        && text.is(a.last + 2, "a")
        && text.is(a.last + 3, "half")
        && a.form != Form::SpelledScaled
    {
        a.low += 0.5;
        a.last += 3;
    }
    read_scales(text, &mut a);
    read_suffix(text, &mut a);
    a.high = a.low;
    a.end = a.end.max(a.last);
    Some(a)
}

/// `value` times a scale word's `factor`, without the binary noise of `17.1 * 1e9`.
fn scaled(value: f64, factor: f64) -> f64 {
    let v = value * factor;
    if factor >= 100.0 {
        v.round()
    } else {
        v
    }
}

/// `million`, `bn`, fused `m`: multiplies the value; `one hundred and sixty-three thousand`.
fn read_scales(text: &Text, a: &mut Amount) {
    multiply(text, a);
    if a.form == Form::SpelledScaled && text.is(a.last + 1, "and") {
        if let Some((v, last)) = read_spelled(text, a.last + 2).filter(|(v, _)| *v < 100.0) {
            let hundreds = a.low;
            a.low = v;
            a.last = last;
            multiply(text, a);
            a.low += if a.low > v { hundreds * (a.low / v) } else { hundreds };
        }
    }
}

/// Applies the scale words after `a.last` (at most three: `two hundred thousand`,
/// `$1.9-trillion`).
fn multiply(text: &Text, a: &mut Amount) {
    for _ in 0..3 {
        let hyphen = is_punct(text, a.last + 1, "-")
            && touches(text, a.last)
            && touches(text, a.last + 1)
            && matches!(number_at(text, a.last + 2), Some((NumberWord::Scale(_), 1)));
        if hyphen {
            a.last += 1;
        }
        let next = a.last + 1;
        match number_at(text, next) {
            Some((NumberWord::Scale(s), 1)) if text.tokens[next].gap != Gap::Block => {
                a.low = scaled(a.low, s);
                a.scale *= s;
                a.last = next;
                a.marked = true;
                if a.form == Form::Spelled {
                    a.form = Form::SpelledScaled;
                }
            }
            // `$3B`, but `221B Baker Street` is an address.
            Some((NumberWord::Fused(s), 1))
                if a.form == Form::Digits
                    && touches(text, a.last)
                    && (a.unit == Some(Unit::Money) || !text.is(next, "b")) =>
            {
                a.low = scaled(a.low, s);
                a.scale *= s;
                a.fused_m = text.str(next) == "m";
                a.last = next;
                a.marked = true;
            }
            _ => break,
        }
    }
}

/// `%`, `percent`, `per cent`, `cents`, `dlrs`, fused `km`, `-mile`, `-strong`.
fn read_suffix(text: &Text, a: &mut Amount) {
    let next = a.last + 1;
    if next >= text.tokens.len() || text.tokens[next].gap == Gap::Block {
        return;
    }
    let fused = touches(text, a.last);
    match number_at(text, next) {
        Some((NumberWord::Percent, len)) => {
            a.last = next + len - 1;
            a.unit = Some(Unit::Percent);
            a.marked = true;
            return;
        }
        Some((NumberWord::Subunit(s), 1)) if !fused && a.unit.is_none() => {
            a.low *= s;
            a.last = next;
            a.unit = Some(Unit::Money);
            a.marked = true;
            return;
        }
        Some((NumberWord::Currency, 1)) if text.tokens[next].class == Class::Word && !fused => {
            a.last = next;
            a.unit = Some(Unit::Money);
            a.marked = true;
            return;
        }
        _ => {}
    }
    if !fused {
        return;
    }
    match class(text, next) {
        // `430km`, `120mph`; any other letters make a code or an ordinal (`G7`, `3rd`, `1990s`).
        Some(Class::Word) => match noun_at(text, next) {
            Some((Noun::Unit(unit @ (Unit::Distance | Unit::Other)), 1)) if a.form == Form::Digits => {
                a.last = next;
                a.unit = Some(unit);
                a.marked = true;
            }
            _ => a.invalid = true,
        },
        Some(Class::Punct)
            if matches!(text.str(next), "-" | "\u{2010}" | "\u{2011}") && touches(text, next) && a.unit.is_none() =>
        {
            if class(text, next + 1) != Some(Class::Word)
                || number_at(text, next + 1).is_some_and(|(w, _)| matches!(w, NumberWord::Cardinal(_)))
            {
                return;
            }
            // `1,200-mile`, `20-person`, `100,000-strong`; `10-year`, `two-thirds` are not amounts.
            match noun_at(text, next + 1) {
                Some((Noun::Unit(unit), 1)) if !matches!(unit, Unit::Money | Unit::Percent) => {
                    a.unit = Some(unit);
                    a.end = next + 1;
                }
                // The counted noun comes after: `a 100,000-strong force`.
                Some((Noun::Member | Noun::Counted, 1)) => a.end = next + 1,
                _ => a.invalid = true,
            }
        }
        _ => {}
    }
}
