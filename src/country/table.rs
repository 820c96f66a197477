//! The tables of `src/data/`, parsed once into lookups keyed by normalised token text.

use std::sync::OnceLock;

use crate::claim::CountryCode;
use crate::token::{Gap, Text, WordMap, WordSet};

/// What a matched name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    Country(CountryCode),
    Place {
        name: &'static str,
        country: CountryCode,
    },
    /// A news organisation, club, sea or region larger than a country: no claim.
    None,
}

/// One name of the tables, as written there.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The first token of the name as the table writes it, for the case check.
    pub first: Box<str>,
    /// Which tokens of the name are capitalised: names of `names.tsv` must match it all
    /// (`Russia Today` the channel, not `Russia today said`).
    pub capitals: Box<[bool]>,
    /// How many letters the name has (short names are not read in ALL CAPS).
    pub letters: usize,
    pub meaning: Meaning,
    /// A demonym or adjective (`Russian`), which may also name a language.
    pub demonym: bool,
    /// The name is also a person's name (`Jordan`, `Washington`).
    pub person: bool,
    /// A one-word abbreviation with a full stop (`Ga.`), read only after a comma.
    pub abbrev: bool,
    /// A state of the United States: `Town, State` puts the town there.
    pub state: bool,
    /// A place a person's name once seen does not hide: a capital, or a country.
    pub capital: bool,
}

/// The last column of a place: a US state, or a capital that is also a person's name.
#[derive(Clone, Copy, Default)]
struct Flag {
    state: bool,
    capital: bool,
}

/// Countries, like capitals, stay themselves after a person of the same name.
const COUNTRY: Flag = Flag { state: false, capital: true };

/// Context words, lower-cased: each field is the class of `context.tsv` of that name (its
/// comments say what each does); `org_before`, `org_after` and `broadcast` come from
/// `names.tsv`.
#[derive(Default)]
pub(super) struct Words {
    pub open: WordSet,
    pub after: WordSet,
    pub lang: WordSet,
    pub lang_after: WordSet,
    pub lang_end: WordSet,
    pub lang_how: WordSet,
    pub languages: WordSet,
    pub title: WordSet,
    pub locative: WordSet,
    pub movement: WordSet,
    pub loc_end: WordSet,
    pub kind_of: WordSet,
    pub kind_after: WordSet,
    /// Capitalised endings such as `Air Base`, as lower-case word lists.
    pub suffixes: Vec<Vec<String>>,
    pub us: WordSet,
    pub abroad: WordSet,
    pub twin: WordSet,
    pub org_before: WordSet,
    pub org_after: WordSet,
    pub broadcast: WordSet,
}

pub(super) struct Tables {
    pub names: WordMap<Vec<Entry>>,
    /// The most tokens any name has: the bound of the look-ahead.
    pub max_tokens: usize,
    pub words: Words,
}

const COUNTRIES: &str = data!("countries.tsv");
const PLACES: &str = data!("places.tsv");
const NAMES: &str = data!("names.tsv");
const CONTEXT: &str = data!("context.tsv");

/// The tables, parsed on first use.
pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// Appends token `i` to a lookup key: lower case, one space for white space, curly
/// apostrophes straightened.
pub(super) fn push_key(key: &mut String, text: &Text, i: usize) {
    if !key.is_empty() && text.tokens[i].gap != Gap::None {
        key.push(' ');
    }
    let lower = text.lower(i);
    if lower.is_ascii() {
        key.push_str(lower);
        return;
    }
    for c in lower.chars() {
        match c {
            '’' | 'ʼ' | '‘' | '´' => key.push('\''),
            '‐' | '‑' | '–' => key.push('-'),
            c => key.push(c),
        }
    }
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

fn build() -> Tables {
    let mut t = Tables { names: WordMap::default(), max_tokens: 1, words: Words::default() };
    for row in rows(COUNTRIES) {
        let code = row[0];
        for name in row.get(1).into_iter().flat_map(|c| c.split('|')) {
            t.add(name, Meaning::Country(code), false, COUNTRY);
        }
        for demonym in row.get(2).into_iter().flat_map(|c| c.split('|')) {
            match demonym.strip_suffix('+') {
                Some(one) => {
                    t.add(one, Meaning::Country(code), true, COUNTRY);
                    t.add(&format!("{one}s"), Meaning::Country(code), true, COUNTRY);
                }
                None => t.add(demonym, Meaning::Country(code), true, COUNTRY),
            }
        }
    }
    for row in rows(PLACES) {
        let (Some(name), Some(code)) = (row.first(), row.get(1)) else { continue };
        let meaning = Meaning::Place { name: name.trim_start_matches('~'), country: code };
        let flag = Flag { state: row.get(3) == Some(&"state"), capital: row.get(3) == Some(&"capital") };
        t.add(row[0], meaning, false, flag);
        for alias in row.get(2).into_iter().flat_map(|c| c.split('|')).filter(|a| !a.is_empty()) {
            t.add(alias, meaning, false, flag);
        }
    }
    for row in rows(NAMES) {
        let list = row.get(1).copied().unwrap_or("").split('|');
        match row[0] {
            "before" => t.words.org_before.extend(list.map(str::to_lowercase)),
            "after" => t.words.org_after.extend(list.map(str::to_lowercase)),
            "broadcast" => t.words.broadcast.extend(list.map(str::to_lowercase)),
            _ => list.for_each(|name| t.add(name, Meaning::None, false, Flag::default())),
        }
    }
    for row in rows(CONTEXT) {
        if row[0] == "suffix" {
            let list = row.get(1).copied().unwrap_or("").split('|');
            t.words.suffixes.extend(list.map(|s| s.split_whitespace().map(str::to_lowercase).collect()));
            continue;
        }
        let set = match row[0] {
            "open" => &mut t.words.open,
            "after" => &mut t.words.after,
            "lang" => &mut t.words.lang,
            "langafter" => &mut t.words.lang_after,
            "langend" => &mut t.words.lang_end,
            "langhow" => &mut t.words.lang_how,
            "languages" => &mut t.words.languages,
            "title" => &mut t.words.title,
            "locative" => &mut t.words.locative,
            "movement" => &mut t.words.movement,
            "locend" => &mut t.words.loc_end,
            "kindof" => &mut t.words.kind_of,
            "kindafter" => &mut t.words.kind_after,
            "us" => &mut t.words.us,
            "abroad" => &mut t.words.abroad,
            "twin" => &mut t.words.twin,
            _ => continue,
        };
        set.extend(row.get(1).copied().unwrap_or("").split_whitespace().map(str::to_lowercase));
    }
    t
}

impl Tables {
    /// Adds `name` (a leading `~` marks a person's name too).
    fn add(&mut self, name: &str, meaning: Meaning, demonym: bool, flag: Flag) {
        let person = name.starts_with('~');
        let name = name.trim_start_matches('~');
        let text = Text::new(name);
        if text.tokens.is_empty() {
            return;
        }
        let mut key = String::new();
        (0..text.tokens.len()).for_each(|i| push_key(&mut key, &text, i));
        self.max_tokens = self.max_tokens.max(text.tokens.len());
        let first = text.str(0).into();
        let capitals = (0..text.tokens.len()).map(|i| text.is_capitalised(i)).collect();
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let abbrev = text.tokens.len() == 2 && text.str(1) == ".";
        self.names.entry(key).or_default().push(Entry {
            first,
            capitals,
            letters,
            meaning,
            demonym,
            person,
            abbrev,
            state: flag.state,
            capital: flag.capital,
        });
    }
}
