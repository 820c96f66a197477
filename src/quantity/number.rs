//! Reading one number: digits with separators, decimals and scale, spelled-out words, or a
//! vague multiple.

use super::lexicon::{Lexicon, Role};
use crate::token::{digit_value, Class, Gap, Text};

/// Digits in one run, and 3-digit groups after it, beyond which a number is not a quantity.
const MAX_DIGITS: usize = 15;
const MAX_GROUPS: usize = 6;
/// Tokens one spelled-out number may span (`three hundred and twenty-five thousand`).
const MAX_WORDS: usize = 12;

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// Bare digits: no separator, decimal point or scale (`2014`, `5`).
    Plain,
    /// Digits with separators, decimals or a scale word (`100,000`, `1.5 million`).
    Digits,
    /// Spelled out (`two`, `a hundred`).
    Words,
    /// A vague multiple with a fixed range (`tens of thousands`).
    Vague,
}

/// A number read at one token: its value (a range for vague multiples) and its last token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub(super) low: f64,
    pub(super) high: f64,
    /// The scale word's factor, 1 when there is none.
    pub(super) scale: f64,
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) form: Form,
}

pub(super) fn class(text: &Text, i: usize) -> Option<Class> {
    text.tokens.get(i).map(|t| t.class)
}

pub(super) fn is_number(text: &Text, i: usize) -> bool {
    class(text, i) == Some(Class::Number)
}

fn digits_value(s: &str) -> f64 {
    s.chars().filter_map(digit_value).fold(0.0, |v, d| v * 10.0 + f64::from(d))
}

/// A group of three digits at token `i`.
fn is_group(text: &Text, i: usize) -> bool {
    is_number(text, i) && text.str(i).chars().count() == 3
}

/// Token `i + 1` follows token `i` after exactly one space character, as in `100 000`.
fn one_space_after(text: &Text, i: usize) -> bool {
    let (Some(a), Some(b)) = (text.tokens.get(i), text.tokens.get(i + 1)) else { return false };
    let mut between = text.src[a.end..b.start].chars();
    matches!((between.next(), between.next()), (Some(' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'), None))
}

fn digits_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    let head = text.str(i);
    let width = head.chars().count();
    if width > MAX_DIGITS {
        return None;
    }
    let mut value = digits_value(head);
    let (mut last, mut form, mut scale) = (i, Form::Plain, 1.0);
    if width <= 3 {
        let comma = text.get(i + 1) == "," && text.touches_next(i) && text.touches_next(i + 1) && is_group(text, i + 2);
        let spaced = !comma && one_space_after(text, i) && is_group(text, i + 1);
        let mut groups = 0;
        loop {
            let next = if comma && text.get(last + 1) == "," && text.touches_next(last) && text.touches_next(last + 1) {
                last + 2
            } else if spaced && one_space_after(text, last) {
                last + 1
            } else {
                break;
            };
            if !is_group(text, next) {
                break;
            }
            if groups == MAX_GROUPS {
                return None;
            }
            value = value * 1000.0 + digits_value(text.str(next));
            last = next;
            groups += 1;
            form = Form::Digits;
        }
    }
    if text.get(last + 1) == "." && text.touches_next(last) && text.touches_next(last + 1) && is_number(text, last + 2) {
        let fraction = text.str(last + 2);
        let places = fraction.chars().count();
        if places > MAX_DIGITS {
            return None;
        }
        value += digits_value(fraction) / 10f64.powi(places as i32);
        last += 2;
        form = Form::Digits;
    }
    // `1.5 billion`, `12m`, and the hyphenated `1.5-billion`.
    let hyphen = text.get(last + 1) == "-" && text.touches_next(last) && text.touches_next(last + 1);
    let at = if hyphen { last + 2 } else { last + 1 };
    if class(text, at) == Some(Class::Word) {
        let roles: &[Role] = if text.touches_next(last) && !hyphen {
            &[Role::Scale, Role::Abbrev, Role::Multiplier]
        } else {
            &[Role::Scale, Role::Multiplier]
        };
        let found = lex.next(text, at, roles).filter(|(_, end)| *end == at).map(|(e, _)| e);
        // `12m` is 12 million only as money or before a counted noun: not `100m sprint`, `221B`.
        let money_or_noun = || lex.before(text, i, &[Role::Prefix]).is_some() || lex.next(text, at + 1, &[Role::Noun]).is_some();
        if let Some(e) = found.filter(|e| e.role != Role::Abbrev || money_or_noun()) {
            value *= e.low;
            scale = e.low;
            last = at;
            form = Form::Digits;
        }
    }
    value.is_finite().then_some(Num { low: value, high: value, scale, first: i, last, form })
}

fn words_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    use Role::*;
    let roles = [Small, Tens, Multiplier, Scale, Article];
    let (mut total, mut current, mut scale) = (0.0, 0.0, 1.0);
    let (mut last, mut prev): (Option<usize>, Option<Role>) = (None, None);
    let mut j = i;
    while j < i + MAX_WORDS && class(text, j) == Some(Class::Word) {
        if j > i && text.tokens[j].gap == Gap::Block {
            break;
        }
        let Some(e) = lex.word(text, j, &roles) else {
            let continues = text.is(j, "and")
                && prev == Some(Multiplier)
                && lex.word(text, j + 1, &[Small, Tens]).is_some();
            if continues {
                j += 1;
                continue;
            }
            break;
        };
        match (e.role, prev) {
            (Article, None) if lex.word(text, j + 1, &[Multiplier, Scale]).is_some() => current = 1.0,
            (Small, None | Some(Multiplier | Scale)) => current += e.low,
            (Small, Some(Tens)) if e.low < 10.0 => current += e.low,
            (Tens, None | Some(Multiplier | Scale)) => current += e.low,
            (Multiplier, Some(Small | Tens | Article)) => current *= e.low,
            (Scale, Some(Small | Tens | Multiplier | Article)) => {
                total += current * e.low;
                current = 0.0;
                scale = e.low;
            }
            _ => break,
        }
        prev = Some(e.role);
        last = Some(j);
        j += 1;
        let hyphen = text.get(j) == "-" && text.touches_next(j - 1) && text.touches_next(j);
        if hyphen && e.role == Tens && lex.word(text, j + 1, &[Small]).is_some() {
            j += 1;
        }
    }
    let value = total + current;
    Some(Num { low: value, high: value, scale, first: i, last: last?, form: Form::Words })
}

pub(super) fn number_at(text: &Text, lex: &Lexicon, i: usize) -> Option<Num> {
    match class(text, i)? {
        Class::Number => digits_at(text, lex, i),
        Class::Word => match lex.after(text, i, &[Role::Vague]) {
            Some((e, last)) => Some(Num { low: e.low, high: e.high, scale: 1.0, first: i, last, form: Form::Vague }),
            None => words_at(text, lex, i),
        },
        Class::Punct => None,
    }
}
