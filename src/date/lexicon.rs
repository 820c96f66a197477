//! The date words of `src/data/dates.tsv`, parsed once into lookups.

use std::sync::OnceLock;

use super::tense::Tense;
use crate::token::{Text, WordMap};

/// A calendar grain that counts and rolling periods are measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Grain {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// How a holiday falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    /// Month and day.
    Fixed(i8, i8),
    /// Month, nth (−1 for the last) weekday (Monday = 1), then days to add.
    Nth(i8, i8, i8, i8),
    /// Days from Easter Sunday.
    Easter(i8),
}

/// What a single word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// A month: its number, whether it needs a day, a year or a date word beside it, and
    /// whether it is an abbreviation (`Jan`, which may take a `.`).
    Month(i8, bool, bool),
    /// Monday = 1 … Sunday = 7, and whether it is an abbreviation (`Sat`: only before a date).
    Weekday(i8, bool),
    /// The TIMEX3 code (`SP`) and first month of a meteorological season.
    Season(&'static str, i8),
    /// A time of day: `morning`, `night`, `noon`.
    Part,
    /// A grain and how many of it (`decade` = 10 years).
    Unit(Grain, i64),
    /// A spelled number: `a`, `two`.
    Number(i64),
    /// An ordinal: `first`, `fourth`.
    Ordinal(i64),
    /// A word whose `.` does not end a sentence.
    Abbrev,
    /// A noun that a number before it counts.
    Count,
    /// A word after which a bare month or year reads as a date: `in`, `since`, `last`.
    Prep,
    /// A function word: it can follow a season name (`the summer when`).
    Function,
    /// A word that makes the number after it a name or code: `Flight 2014`.
    Label,
    /// A word that makes the number after it an amount: `nearly 2014`.
    Approx,
    /// A word that marks its sentence as past or future.
    Cue(Tense),
    /// A verb of intention: followed by `to`, it looks ahead (`agreed to meet`).
    Intent,
}

pub(super) struct Lexicon {
    words: WordMap<Vec<Word>>,
    /// Holiday names by first word: the lower-cased tokens of the name, and the rule.
    holidays: WordMap<Vec<(Vec<String>, Rule)>>,
}

/// Token `i` lower-cased for lookup (`""` past either end); a curly apostrophe becomes straight.
pub(super) fn fold<'t>(text: &'t Text, i: usize) -> &'t str {
    match text.lower(i) {
        "\u{2019}" => "'",
        s => s,
    }
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(data!("dates.tsv")))
    }

    fn parse(tsv: &'static str) -> Lexicon {
        let mut lex = Lexicon { words: WordMap::default(), holidays: WordMap::default() };
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let n = |i: usize| f.get(i).and_then(|s| s.trim_start_matches('+').parse::<i64>().ok());
            let small = |i: usize| n(i).and_then(|v| i8::try_from(v).ok()).unwrap_or(0);
            let word = match f.get(1).copied() {
                Some("month") => Word::Month(small(2), f.len() > 3, f.get(3) == Some(&"abbr")),
                Some("weekday") => Word::Weekday(small(2), f.len() > 3),
                Some("season") => Word::Season(f.get(2).copied().unwrap_or(""), small(3)),
                Some("part") => Word::Part,
                Some("number") => Word::Number(n(2).unwrap_or(0)),
                Some("ordinal") => Word::Ordinal(n(2).unwrap_or(0)),
                Some("abbrev") => Word::Abbrev,
                Some("count") => Word::Count,
                Some("prep") => Word::Prep,
                Some("function") => Word::Function,
                Some("label") => Word::Label,
                Some("approx") => Word::Approx,
                Some("future") => Word::Cue(Tense::Future),
                Some("past") => Word::Cue(Tense::Past),
                Some("intent") => Word::Intent,
                Some("unit") => {
                    let grain = match f.get(2).copied() {
                        Some("hour") => Grain::Hour,
                        Some("day") => Grain::Day,
                        Some("week") => Grain::Week,
                        Some("month") => Grain::Month,
                        _ => Grain::Year,
                    };
                    Word::Unit(grain, n(3).unwrap_or(1))
                }
                Some("holiday") => {
                    let rule = match f.get(2).copied() {
                        Some("fixed") => Rule::Fixed(small(3), small(4)),
                        Some("nth") => Rule::Nth(small(3), small(4), small(5), small(6)),
                        _ => Rule::Easter(small(3)),
                    };
                    let text = Text::new(f[0]);
                    let name: Vec<String> = (0..text.tokens.len()).map(|i| fold(&text, i).to_string()).collect();
                    if let Some(first) = name.first() {
                        lex.holidays.entry(first.clone()).or_default().push((name, rule));
                    }
                    continue;
                }
                _ => continue,
            };
            lex.words.entry(f[0].to_string()).or_default().push(word);
        }
        for names in lex.holidays.values_mut() {
            names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        }
        lex
    }

    /// The meanings of token `i` (empty for anything but a known word).
    pub fn words(&self, text: &Text, i: usize) -> &[Word] {
        let s = text.get(i);
        if s.is_empty() || s.len() > 12 || !s.chars().next().is_some_and(char::is_alphabetic) {
            return &[];
        }
        self.words.get(fold(text, i)).map_or(&[], Vec::as_slice)
    }

    /// The longest holiday name starting at token `i`: its last token and rule.
    pub fn holiday(&self, text: &Text, i: usize) -> Option<(usize, Rule)> {
        let names = self.holidays.get(fold(text, i))?;
        names.iter().find_map(|(name, rule)| {
            let fits = name.iter().enumerate().all(|(k, w)| {
                let at = i + k;
                at < text.tokens.len()
                    && (k == 0 || text.tokens[at].gap != crate::token::Gap::Block)
                    && fold(text, at) == w
            });
            fits.then(|| (i + name.len() - 1, *rule))
        })
    }
}
