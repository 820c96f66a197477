//! Places the tables lack, known by the words around them.

use std::ops::Range;

use super::table::Words;
use crate::claim::CountryCode;
use crate::token::{Class, Gap, Text};

/// The country of a place the tables lack, whose name runs over tokens `first..=last`:
/// the country or demonym right before its kind (`the Cuban city of Cardenas`), the place
/// right after a comma (`Independence, Missouri`), the one named just after it (`Zyabrovka Air
/// Base in Belarus`), else the last one named before it. `located` holds the first token and
/// country of each name of a country or place (not a demonym), `countries` the last token and
/// country of each name or demonym of a country, both in text order.
pub(super) fn where_is(
    text: &Text,
    w: &Words,
    located: &[(usize, CountryCode)],
    countries: &[(usize, CountryCode)],
    first: usize,
    last: usize,
) -> Option<CountryCode> {
    if first >= 3 && text.is(first - 1, "of") && w.kind_of.contains(&text.get(first - 2).to_lowercase()) {
        let mut end = first - 3;
        if end >= 2 && text.is(end, "s") && matches!(text.get(end - 1), "'" | "’") {
            end -= 2;
        }
        if let Ok(k) = countries.binary_search_by_key(&end, |&(at, _)| at) {
            return Some(countries[k].1);
        }
    }
    let after = located.partition_point(|&(at, _)| at <= last);
    if let Some(&(at, country)) = located.get(after) {
        if at == last + 2 && text.get(last + 1) == "," {
            return Some(country);
        }
        let near = at <= last + 12 && matches!(text.get(at - 1), "in" | "near" | "of");
        let same_sentence = || {
            (last + 1..=at).all(|i| !matches!(text.get(i), "." | ";" | "!" | "?") && text.tokens[i].gap != Gap::Block)
        };
        if near && same_sentence() {
            return Some(country);
        }
    }
    let before = located.partition_point(|&(at, _)| at < first);
    before.checked_sub(1).map(|b| located[b].1)
}

/// Places the tables lack, known by the word before or after them: `the town of Bucha`,
/// `Idlib province`, `Luninets Air Base` (span `Luninets`), `Fulton County` (in the US, the
/// last value). Yields the first and last token of each name, and the last of its suffix.
pub(super) fn unknown_places(text: &Text, w: &Words, range: Range<usize>) -> Vec<(usize, usize, usize, bool)> {
    let lower = |i: usize| text.get(i).to_lowercase();
    let word = |i: usize| text.tokens.get(i).is_some_and(|t| t.class == Class::Word);
    let capital = |i: usize| word(i) && text.is_capitalised(i);
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let starts = capital(i)
            && text.tokens[i].gap != Gap::None
            && !w.open.contains(&lower(i))
            && !w.after.contains(&lower(i))
            && !(i > 0 && capital(i - 1) && text.tokens[i].gap == Gap::Space);
        if !starts {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < range.end && last - i < 5 {
            let next = &text.tokens[last + 1];
            if next.gap == Gap::Space && capital(last + 1) {
                last += 1;
            } else if next.gap == Gap::None
                && text.get(last + 1) == "-"
                && last + 2 < range.end
                && word(last + 2)
                && text.touches_next(last + 1)
            {
                last += 2;
            } else {
                break;
            }
        }
        let words: Vec<String> = (i..=last).map(lower).collect();
        let suffix = w.suffixes.iter().filter(|s| s.len() < words.len() && words.ends_with(s)).map(Vec::len).max();
        let name_end = last - suffix.unwrap_or(0);
        let of_kind = i >= 2 && text.is(i - 1, "of") && w.kind_of.contains(&lower(i - 2));
        let kind_after = suffix.is_none()
            && text.tokens.get(last + 1).is_some_and(|t| t.gap == Gap::Space)
            && w.kind_after.contains(&lower(last + 1));
        let county = suffix.is_some() && words.last().is_some_and(|s| s == "county");
        let named = (i..=name_end).all(|k| !w.after.contains(&lower(k)));
        if (of_kind || kind_after || suffix.is_some()) && named {
            found.push((i, name_end, last, county));
        }
        i = last + 1;
    }
    found
}

/// The name of a place the tables lack, as written, or in title case when written in
/// capitals: `INDEPENDENCE` → `Independence`, `OAK RIDGE` → `Oak Ridge`.
pub(super) fn display_name(written: &str) -> String {
    if written.chars().any(char::is_lowercase) {
        return written.to_string();
    }
    let mut after_letter = false;
    let mut name = String::with_capacity(written.len());
    for c in written.chars() {
        if after_letter {
            name.extend(c.to_lowercase());
        } else {
            name.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    name
}
