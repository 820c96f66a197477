//! The word tables of the quantity finder, parsed once into phrase lookups.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::claim::Unit;
use crate::token::{Gap, Text};

/// Tokens in the longest phrase a table may hold (`a quarter of a million`, `a.m.`).
const MAX_PHRASE: usize = 8;

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
            if n > MAX_PHRASE {
                bad_row::<()>(line);
            }
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
        push_lower(&mut k, text.str(i));
    }
    Some(k)
}

fn push_lower(key: &mut String, s: &str) {
    if s.is_ascii() {
        key.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        key.extend(s.chars().flat_map(char::to_lowercase));
    }
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
        let run = Run::new(text, i, self.longest);
        if run.count == 0 || !self.firsts.contains(run.slice(0, 0)) {
            return None;
        }
        (1..=run.count).rev().find_map(|n| Some((self.entry(run.slice(0, n - 1), roles)?, i + n - 1)))
    }

    /// The longest phrase with one of `roles` ending just before token `i`, in the same
    /// block: its entry and first token.
    pub(super) fn before(&self, text: &Text, i: usize, roles: &[Role]) -> Option<(Entry, usize)> {
        if text.tokens.get(i)?.gap == Gap::Block {
            return None;
        }
        let mut first = i.saturating_sub(self.longest);
        // Start after the last block break before `i`.
        if let Some(b) = (first + 1..i).rev().find(|&k| text.tokens[k].gap == Gap::Block) {
            first = b;
        }
        let run = Run::new(text, first, i - first);
        let last = run.count.checked_sub(1)?;
        (0..=last)
            .filter(|&k| self.firsts.contains(run.slice(k, k)))
            .find_map(|k| Some((self.entry(run.slice(k, last), roles)?, first + k)))
    }
}

/// Up to `MAX_PHRASE` tokens in a row, lower-cased into one key string (as `key` builds
/// it), so that every sub-phrase is a slice of it: one allocation per look-up.
struct Run {
    key: String,
    /// Byte range of each token's text in `key`.
    bounds: [(usize, usize); MAX_PHRASE],
    count: usize,
}

impl Run {
    /// Tokens from `first`, at most `most` of them, stopping before a block break.
    fn new(text: &Text, first: usize, most: usize) -> Run {
        let mut run = Run { key: String::new(), bounds: [(0, 0); MAX_PHRASE], count: 0 };
        for i in first..(first + most.min(MAX_PHRASE)).min(text.tokens.len()) {
            if i > first {
                match text.tokens[i].gap {
                    Gap::Block => break,
                    Gap::Space => run.key.push(' '),
                    Gap::None => {}
                }
            }
            let start = run.key.len();
            push_lower(&mut run.key, text.str(i));
            run.bounds[run.count] = (start, run.key.len());
            run.count += 1;
        }
        run
    }

    /// The key of tokens `a..=b` of the run.
    fn slice(&self, a: usize, b: usize) -> &str {
        &self.key[self.bounds[a].0..self.bounds[b].1]
    }
}
