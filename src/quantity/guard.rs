//! What makes a number not a quantity: codes, times, durations, ages, dates and labels.

use super::lexicon::{Lexicon, Role};
use super::number::{class, is_number, Form};
use crate::token::{Class, Gap, Text};

/// Digits glued to what comes before: `G20`, `F-16`, `COVID-19`, `1,000` read from its
/// second group, `10:30`, a URL.
pub(super) fn glued_before(text: &Text, i: usize) -> bool {
    if i == 0 || text.tokens[i].gap != Gap::None {
        return false;
    }
    if text.str(i - 1) == "+" {
        return true;
    }
    match text.tokens[i - 1].class {
        Class::Word | Class::Number => true,
        Class::Punct => {
            matches!(text.str(i - 1), "-" | "–" | "+" | "." | "," | ":" | "/" | "#" | "_" | "@" | "=" | "\\")
                && text.tokens[i - 1].gap == Gap::None
                && i >= 2
        }
    }
}

/// Digits glued to what follows: `10:30`, `1/2`, `1.2.3`.
pub(super) fn glued_after(text: &Text, last: usize) -> bool {
    if !text.touches_next(last) {
        return false;
    }
    match text.get(last + 1) {
        "/" | "\\" | "@" => true,
        ":" | "." | "," => text.touches_next(last + 1) && is_number(text, last + 2),
        _ => false,
    }
}

/// A duration, time of day or age follows: `three days`, `10 a.m.`, `45-year-old`,
/// `five straight years`, `hundreds of years`.
pub(super) fn time_follows(text: &Text, lex: &Lexicon, last: usize, form: Form) -> bool {
    let mut k = last + 1;
    if (text.get(k) == "-" && text.touches_next(last)) || (form == Form::Vague && text.is(k, "of")) {
        k += 1;
    }
    if lex.next(text, k, &[Role::Time]).is_some() || (text.is_capitalised(k) && lex.next(text, k, &[Role::Month]).is_some()) {
        return true;
    }
    let adjective = class(text, k) == Some(Class::Word)
        && !text.is_capitalised(k)
        && (!lex.known(text, k) || lex.word(text, k, &[Role::Link]).is_some());
    adjective && lex.next(text, k + 1, &[Role::Time]).is_some()
}

/// A bare number that names rather than counts: `Boeing 737`, `Jan. 10`, `Shah, 58,`.
pub(super) fn is_label(text: &Text, start: usize, last: usize) -> bool {
    let Some(prev) = start.checked_sub(1) else { return false };
    if text.tokens[start].gap == Gap::Block {
        return false;
    }
    let word = |i: usize| class(text, i) == Some(Class::Word);
    let sentence_start = |i: usize| {
        text.tokens[i].gap == Gap::Block
            || i == 0
            || matches!(text.get(i - 1), "." | "!" | "?" | "\"" | "“" | "‘" | "'" | ":" | "—" | "(" | "-" | "–")
    };
    // Boeing 737, Article 5, January 10 (a capitalised word inside a sentence).
    if word(prev) && text.is_capitalised(prev) && !sentence_start(prev) {
        return true;
    }
    // Jan. 10, No. 1: an abbreviation (capital, then small letters) and its point.
    if prev >= 1 && text.get(prev) == "." && text.touches_next(prev - 1) && word(prev - 1) {
        let abbr = text.str(prev - 1);
        let mut chars = abbr.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        if capital && abbr.chars().count() >= 2 && chars.all(char::is_lowercase) {
            return true;
        }
    }
    // Shah, 58, said: an age after a name.
    if prev >= 1 && text.get(prev) == "," && text.touches_next(prev - 1) && word(prev - 1) && text.is_capitalised(prev - 1) {
        let next = last + 1;
        let ends = next >= text.tokens.len()
            || text.tokens[next].gap == Gap::Block
            || matches!(text.get(next), "," | "." | ")" | ";");
        return ends;
    }
    false
}

/// Bare digits next to other bare digits, as in a phone number (`20 7946 0958`), or with a
/// leading zero.
pub(super) fn in_digit_sequence(text: &Text, i: usize) -> bool {
    let spaced_number = |j: usize| is_number(text, j) && text.tokens[j.max(i)].gap == Gap::Space;
    let zero = text.str(i).starts_with('0') && text.str(i).len() > 1;
    zero || (i > 0 && spaced_number(i - 1)) || spaced_number(i + 1)
}

/// A sentence opening with an unlisted capitalised word and a bare number that counts
/// nothing: `Apollo 11 landed`.
pub(super) fn names_at_sentence_start(text: &Text, lex: &Lexicon, start: usize) -> bool {
    let Some(prev) = start.checked_sub(1) else { return false };
    let opens = prev == 0 || text.tokens[prev].gap == Gap::Block || matches!(text.get(prev - 1), "." | "!" | "?");
    class(text, prev) == Some(Class::Word) && text.is_capitalised(prev) && opens && !lex.known(text, prev)
}
