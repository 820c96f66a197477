//! The word tables of the quantity finder, parsed once into phrase lookups.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::claim::Unit;
use crate::token::{Gap, Text};

/// What a table word does next to a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Small,
    Tens,
    Multiplier,
    Scale,
    Abbrev,
    Article,
    Vague,
    High,
    Low,
    About,
    Between,
    Time,
    Month,
    Label,
    Noun,
    Prefix,
    Suffix,
    Cause,
    Aux,
    Link,
    Stop,
    Speech,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub(super) role: Role,
    pub(super) unit: Unit,
    /// The value, the low end of a range, or a unit's factor (`cents` = 0.01).
    pub(super) low: f64,
    pub(super) high: f64,
}

pub(super) struct Lexicon {
    entries: HashMap<String, Vec<Entry>>,
    /// The first word of every phrase: most tokens are not, and are rejected at once.
    firsts: HashSet<String>,
    /// Tokens in the longest phrase.
    longest: usize,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon { entries: HashMap::new(), firsts: HashSet::new(), longest: 1 };
        let rows = include_str!("../data/numbers.tsv").lines().chain(include_str!("../data/units.tsv").lines());
        for line in rows.filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let number = |i: usize, default: f64| cols.get(i).map_or(default, |s| s.parse().unwrap_or_else(|_| bad_row(line)));
            let role = role_named(cols.get(1).copied().unwrap_or_default()).unwrap_or_else(|| bad_row(line));
            let entry = match role {
                Role::Noun | Role::Prefix | Role::Suffix | Role::Cause => {
                    let unit = unit_named(cols.get(2).copied().unwrap_or_default()).unwrap_or_else(|| bad_row(line));
                    Entry { role, unit, low: number(3, 1.0), high: 0.0 }
                }
                _ => {
                    let low = number(2, 0.0);
                    Entry { role, unit: Unit::Other, low, high: number(3, low) }
                }
            };
            let phrase = Text::new(cols[0]);
            let n = phrase.tokens.len();
            let whole = key(&phrase, 0, n.saturating_sub(1)).unwrap_or_else(|| bad_row(line));
            lex.longest = lex.longest.max(n);
            lex.firsts.extend(key(&phrase, 0, 0));
            lex.entries.entry(whole).or_default().push(entry);
        }
        lex
    })
}

/// The tables are part of the crate; a malformed row is a bug caught by the tests.
fn bad_row<T>(line: &str) -> T {
    panic!("bad table row {line:?}")
}

fn role_named(name: &str) -> Option<Role> {
    use Role::*;
    Some(match name {
        "small" => Small,
        "tens" => Tens,
        "multiplier" => Multiplier,
        "scale" => Scale,
        "abbrev" => Abbrev,
        "article" => Article,
        "vague" => Vague,
        "high" => High,
        "low" => Low,
        "about" => About,
        "between" => Between,
        "time" => Time,
        "month" => Month,
        "label" => Label,
        "noun" => Noun,
        "prefix" => Prefix,
        "suffix" => Suffix,
        "cause" => Cause,
        "aux" => Aux,
        "link" => Link,
        "stop" => Stop,
        "speech" => Speech,
        _ => return None,
    })
}

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "personnel" => Unit::Personnel,
        "casualties" => Unit::Casualties,
        "people" => Unit::People,
        "money" => Unit::Money,
        "percent" => Unit::Percent,
        "equipment" => Unit::Equipment,
        "distance" => Unit::Distance,
        "other" => Unit::Other,
        _ => return None,
    })
}

/// Tokens `first..=last` lower-cased, a space where the text has white space; `None` across
/// a block or past the end.
fn key(text: &Text, first: usize, last: usize) -> Option<String> {
    let mut k = String::new();
    for i in first..=last {
        let t = text.tokens.get(i)?;
        if i > first {
            match t.gap {
                Gap::Block => return None,
                Gap::Space => k.push(' '),
                Gap::None => {}
            }
        }
        let s = text.str(i);
        if s.is_ascii() {
            k.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            k.extend(s.chars().flat_map(char::to_lowercase));
        }
    }
    Some(k)
}

impl Lexicon {
    pub(super) fn entry(&self, key: &str, roles: &[Role]) -> Option<Entry> {
        self.entries.get(key)?.iter().find(|e| roles.contains(&e.role)).copied()
    }

    /// The table entry of token `i` alone with one of `roles`.
    pub(super) fn word(&self, text: &Text, i: usize, roles: &[Role]) -> Option<Entry> {
        self.entry(&key(text, i, i)?, roles)
    }

    pub(super) fn known(&self, text: &Text, i: usize) -> bool {
        key(text, i, i).is_some_and(|k| self.entries.contains_key(&k))
    }

    /// Like `after`, for a phrase that must follow token `i - 1` in the same block.
    pub(super) fn next(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        text.tokens.get(i).filter(|t| t.gap != Gap::Block)?;
        self.after(text, i, roles)
    }

    /// The longest phrase with one of `roles` starting at token `i`: its entry and last token.
    pub(super) fn after(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        if !self.firsts.contains(&key(text, i, i)?) {
            return None;
        }
        (1..=self.longest).rev().find_map(|n| {
            let last = i + n - 1;
            Some((self.entry(&key(text, i, last)?, roles)?, last))
        })
    }

    /// The longest phrase with one of `roles` ending just before token `i`, in the same
    /// block: its entry and first token.
    pub(super) fn before(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        if text.tokens.get(i)?.gap == Gap::Block {
            return None;
        }
        let first_known = |first: usize| key(text, first, first).is_some_and(|k| self.firsts.contains(&k));
        (1..=self.longest.min(i)).rev().filter(|&n| first_known(i - n)).find_map(|n| Some((self.entry(&key(text, i - n, i - 1)?, roles)?, i - n)))
    }
}
