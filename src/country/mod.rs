//! The country and place finder.
//!
//! Names, abbreviations and demonyms of sovereign states, and places below them, are looked
//! up over tokens, longest name first (a hash lookup per start token, at most
//! `max_tokens` tokens ahead), then read in context: a person's name (`Michael Jordan`), a
//! news organisation or club (`Voice of America`, `Spartak Moscow`), a language
//! (`speaks French`), or Georgia the US state rather than the country.

mod read;
mod table;
mod unknown;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::claim::{CountryCode, Value};
use crate::options::Options;
use crate::scan::Candidate;
use crate::token::{Class, Gap, Text};
use read::Reader;
use table::{push_key, tables, Entry, Meaning, Tables};
use unknown::{display_name, unknown_places, where_is};

/// A name found over tokens `first..=last`, with the table entries whose case fits.
pub(super) struct Match<'t> {
    first: usize,
    last: usize,
    entries: Vec<&'t Entry>,
}

/// Proposes country and place claims.
pub(crate) fn find(text: &Text, _options: &Options, out: &mut Vec<Candidate>) {
    let t = tables();
    let found = matches(text, t);
    let named: HashSet<CountryCode> = found
        .iter()
        .filter_map(|m| match m.entries.first()?.meaning {
            Meaning::Country(code) => Some(code),
            _ => None,
        })
        .collect();
    let mut reader = Reader::new(text, t, &found);
    let (mut from, mut gaps, mut located, mut countries) = (0, Vec::new(), Vec::new(), Vec::new());
    for (k, m) in found.iter().enumerate() {
        gaps.push(from..m.first);
        from = m.last + 1;
        let (value, country) = match reader.meaning(k) {
            Some(Meaning::Country(code)) => {
                countries.push((m.last, code));
                (Value::Country(code), code)
            }
            Some(Meaning::Place { country, .. }) if country != "US" && us_county(text, m, &named, country) => {
                let name = Cow::Owned(display_name(&text.src[text.span(m.first, m.last)]));
                (Value::Place { name, country: "US" }, "US")
            }
            Some(Meaning::Place { name, country }) => (Value::Place { name: Cow::Borrowed(name), country }, country),
            Some(Meaning::None) | None => continue,
        };
        if let Some(town) = reader.town_before(k, country) {
            out.push(town);
        }
        out.push(Candidate { span: text.span(m.first, m.last), value });
        if !m.entries.iter().any(|e| e.demonym) {
            located.push((m.first, country));
        }
    }
    gaps.push(from..text.tokens.len());
    for gap in gaps {
        for (first, last, end, in_us) in unknown_places(text, &t.words, gap) {
            let country = if in_us { Some("US") } else { where_is(text, &t.words, &located, &countries, first, end) };
            if let Some(country) = country {
                let name = Cow::Owned(display_name(&text.src[text.span(first, last)]));
                out.push(Candidate { span: text.span(first, last), value: Value::Place { name, country } });
            }
        }
    }
}

/// Whether a place abroad names a county of the United States (`Nassau County`): `County`
/// follows it and its country is named nowhere in the text.
fn us_county(text: &Text, m: &Match, named: &HashSet<CountryCode>, country: CountryCode) -> bool {
    let next = m.last + 1;
    text.tokens.get(next).is_some_and(|t| t.gap == Gap::Space) && text.get(next) == "County" && !named.contains(country)
}

/// The names in the text, left to right, longest first, never overlapping.
fn matches<'t>(text: &Text, t: &'t Tables) -> Vec<Match<'t>> {
    let n = text.tokens.len();
    let mut found = Vec::new();
    let mut key = String::new();
    let mut i = 0;
    while i < n {
        if text.tokens[i].class != Class::Word || !text.is_capitalised(i) {
            i += 1;
            continue;
        }
        key.clear();
        let mut best = None;
        for j in i..n.min(i + t.max_tokens) {
            if j > i && text.tokens[j].gap == Gap::Block {
                break;
            }
            push_key(&mut key, text, j);
            if let Some(entries) = t.names.get(&key) {
                let fits: Vec<&Entry> = entries.iter().filter(|e| cased(text, i, j, e)).collect();
                if !fits.is_empty() {
                    best = Some(Match { first: i, last: j, entries: fits });
                }
            }
        }
        match best {
            Some(m) => {
                i = m.last + 1;
                found.push(m);
            }
            None => i += 1,
        }
    }
    found
}

/// Whether tokens `first..=last` are written as a proper noun: the first word as the table
/// has it (every word, for names that are no claim), or the whole name in capitals (a
/// dateline) when it is not a short word.
fn cased(text: &Text, first: usize, last: usize, e: &Entry) -> bool {
    let s = text.str(first);
    let all_capitals = || (first..=last).all(|k| !text.str(k).chars().any(char::is_lowercase));
    if e.meaning == Meaning::None {
        let shaped = (first..=last).zip(e.capitals.iter()).all(|(k, &capital)| text.is_capitalised(k) == capital);
        return shaped || all_capitals();
    }
    if s == &*e.first {
        return true;
    }
    all_capitals() && (e.letters >= 4 || e.abbrev) && s.to_lowercase() == e.first.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn scan(src: &str) -> Vec<(String, Value)> {
        let options = Options::from_date("2022-01-10").unwrap();
        let text = Text::new(src);
        let mut out = Vec::new();
        find(&text, &options, &mut out);
        out.into_iter().map(|c| (src[c.span].to_string(), c.value)).collect()
    }

    #[test]
    fn every_place_lies_in_a_country_of_the_table() {
        let t = tables();
        let countries: HashSet<&str> = t
            .names
            .values()
            .flatten()
            .filter_map(|e| if let Meaning::Country(c) = e.meaning { Some(c) } else { None })
            .collect();
        assert_eq!(countries.len(), 197, "193 UN members, 2 observers, Taiwan and Kosovo");
        for e in t.names.values().flatten() {
            if let Meaning::Place { name, country } = e.meaning {
                assert!(countries.contains(country), "{name} lies in unknown {country}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let odd = [
            "",
            "U",
            "U.",
            "U.S",
            "’",
            "Georgia",
            "Georgia’",
            "Georgia's",
            "in Russian",
            "Russian-",
            ", Ga.",
            "X, Ga.",
            "in A, Russia",
            "\n\nMOSCOW, Russia",
            "Ukraine-",
            "-Ukraine",
            "Côte d’",
            "Jordan Jordan Jordan",
            "é́́ Kyiv",
            "IN 😀, IRAQ",
            "Mr. Washington",
            ".Washington",
            "Real",
            "Real Madrid",
            "Bosnia and",
        ];
        for s in odd {
            scan(s);
        }
        let pieces = [
            "Georgia",
            "Jordan",
            ",",
            " ",
            "in",
            "’s",
            "U.S.",
            "-",
            "\n\n",
            "Russian",
            "and",
            "Ga.",
            "ÉTÉ",
            "X",
            "town of",
            "County",
            "Air Base",
            "Oblast",
            "Texas",
            "Jean",
            "Pierre",
            "speaks",
            "Mr.",
            "OAK",
            "Panama City",
            ".",
        ];
        let mut seed = 7u32;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s += pieces[(seed >> 16) as usize % pieces.len()];
            }
            scan(&s);
        }
    }

    #[test]
    fn long_text_is_read_in_one_pass() {
        let src = "In Atlanta, Georgia, Jordan Henderson met Iraqis in Kuwait City and Kiev’s envoy. ".repeat(5_000);
        assert_eq!(scan(&src).len(), 25_000);
    }

    #[test]
    fn reads_names_in_context() {
        let got = scan("George Washington and Jordan met in Washington; speaks French; French troops.");
        let got: Vec<_> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["Jordan", "Washington", "French"]);
    }
}
