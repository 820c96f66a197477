//! The word tables `src/data/numbers.tsv` and `src/data/units.tsv`, parsed once.

use std::sync::OnceLock;

use crate::claim::Unit;
use crate::token::{Gap, Text, WordMap};

/// What a qualifier does to the number after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Bound {
    AtMost,
    AtLeast,
    About,
    Between,
}

/// A word of `numbers.tsv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NumberWord {
    Cardinal(f64),
    Scale(f64),
    Fused(f64),
    Vague(f64, f64),
    Qualifier(Bound),
    Currency,
    Percent,
    Subunit(f64),
    Month,
    Code,
    /// A time of day or an age after the number: `10 am`, `65 and older`.
    After,
    Age,
    /// A verb of change before a number: `rose 2% to 4%` is a change and a level.
    Change,
    /// A street word: `285 Toure Drive` is an address.
    Street,
}

/// A word of `units.tsv`: what a noun after a number says about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Noun {
    Unit(Unit),
    /// Events and units: unit other, and spelled-out numbers count them.
    Counted,
    /// `members`, `-strong`: the unit comes from `an army of`.
    Member,
    /// A duration or an age: not a quantity.
    Time,
    Stop,
    /// Ends the search too, but may stand before `killed`.
    Aux,
    /// Passed over like an adjective, and may stand before `killed`: `were reported dead`.
    Hedge,
    /// `others`: the noun counted just before in the sentence, else people.
    Others,
}

/// Phrases of one or more tokens, found by their first or their last token, and word
/// endings (written `-ists`) that stand for any longer word.
pub(super) struct Table<T> {
    by_first: WordMap<Vec<(Vec<String>, T)>>,
    by_last: WordMap<Vec<(Vec<String>, T)>>,
    endings: Vec<(String, T)>,
}

impl<T: Copy> Table<T> {
    fn parse(src: &str, value: impl Fn(&[&str]) -> Option<T>) -> Self {
        let mut table = Table { by_first: WordMap::default(), by_last: WordMap::default(), endings: Vec::new() };
        for line in src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            let Some(v) = value(&fields[1..]) else { continue };
            if let Some(ending) = fields[0].strip_prefix('-') {
                table.endings.push((ending.to_lowercase(), v));
                continue;
            }
            let words: Vec<String> = fields[0].split(' ').map(str::to_lowercase).collect();
            let (first, last) = (words[0].clone(), words[words.len() - 1].clone());
            table.by_first.entry(first).or_default().push((words.clone(), v));
            table.by_last.entry(last).or_default().push((words, v));
        }
        for list in table.by_first.values_mut().chain(table.by_last.values_mut()) {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        table
    }

    /// The longest entry whose tokens start at token `i`: its value and length in tokens.
    pub fn at(&self, text: &Text, i: usize) -> Option<(T, usize)> {
        let list = self.by_first.get(lower(text, i)?)?;
        list.iter().find(|(w, _)| same_block_words(text, i, w)).map(|(w, v)| (*v, w.len()))
    }

    /// The longest entry whose tokens end at token `i`, starting at or after `floor`.
    pub fn ending_at(&self, text: &Text, i: usize, floor: usize) -> Option<(T, usize)> {
        let list = self.by_last.get(lower(text, i)?)?;
        list.iter()
            .find(|(w, _)| i + 1 >= floor + w.len() && same_block_words(text, i + 1 - w.len(), w))
            .map(|(w, v)| (*v, w.len()))
    }

    /// A one-word entry for `word` (already lower case).
    fn word(&self, word: &str) -> Option<T> {
        self.by_first.get(word)?.iter().find(|(w, _)| w.len() == 1).map(|(_, v)| *v)
    }
}

fn lower<'t>(text: &'t Text, i: usize) -> Option<&'t str> {
    let s = text.get(i);
    (!s.is_empty() && s.len() <= 40).then(|| text.lower(i))
}

/// Whether `words` stand at tokens `i…` within one block.
fn same_block_words(text: &Text, i: usize, words: &[String]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        let t = i + k;
        t < text.tokens.len()
            && (k == 0 || text.tokens[t].gap != Gap::Block)
            && text.str(t).len() <= 2 * w.len() + 4
            && text.lower(t) == w
    })
}

/// `numbers.tsv`.
pub(super) fn numbers() -> &'static Table<NumberWord> {
    static TABLE: OnceLock<Table<NumberWord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::parse(data!("numbers.tsv"), |f| {
            let n = |k: usize| f.get(k).and_then(|s| s.parse::<f64>().ok());
            Some(match *f.first()? {
                "cardinal" => NumberWord::Cardinal(n(1)?),
                "scale" => NumberWord::Scale(n(1)?),
                "fused" => NumberWord::Fused(n(1)?),
                "vague" => NumberWord::Vague(n(1)?, n(2)?),
                "at-most" => NumberWord::Qualifier(Bound::AtMost),
                "at-least" => NumberWord::Qualifier(Bound::AtLeast),
                "about" => NumberWord::Qualifier(Bound::About),
                "between" => NumberWord::Qualifier(Bound::Between),
                "currency" => NumberWord::Currency,
                "percent" => NumberWord::Percent,
                "subunit" => NumberWord::Subunit(n(1)?),
                "month" => NumberWord::Month,
                "code" => NumberWord::Code,
                "after" => NumberWord::After,
                "age" => NumberWord::Age,
                "change" => NumberWord::Change,
                "street" => NumberWord::Street,
                _ => return None,
            })
        })
    })
}

/// `units.tsv`.
fn units() -> &'static Table<Noun> {
    static TABLE: OnceLock<Table<Noun>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::parse(data!("units.tsv"), |f| {
            Some(match *f.first()? {
                "personnel" => Noun::Unit(Unit::Personnel),
                "casualties" => Noun::Unit(Unit::Casualties),
                "people" => Noun::Unit(Unit::People),
                "money" => Noun::Unit(Unit::Money),
                "percent" => Noun::Unit(Unit::Percent),
                "equipment" => Noun::Unit(Unit::Equipment),
                "distance" => Noun::Unit(Unit::Distance),
                "other" => Noun::Unit(Unit::Other),
                "counted" => Noun::Counted,
                "member" => Noun::Member,
                "time" => Noun::Time,
                "stop" => Noun::Stop,
                "aux" => Noun::Aux,
                "hedge" => Noun::Hedge,
                "others" => Noun::Others,
                _ => return None,
            })
        })
    })
}

/// The noun entry at token `i` (a phrase, the word, or the word less a plural `s`) and its
/// length in tokens.
pub(super) fn noun_at(text: &Text, i: usize) -> Option<(Noun, usize)> {
    let table = units();
    if let Some(found) = table.at(text, i) {
        return Some(found);
    }
    let word = lower(text, i)?;
    let singular = word.strip_suffix('s').filter(|s| s.len() >= 2);
    if let Some(noun) = singular.and_then(|s| table.word(s)) {
        return Some((noun, 1));
    }
    // `activists`, `physicians`: a long word with a people ending.
    let ending = table.endings.iter().find(|(e, _)| word.len() >= e.len() + 4 && word.ends_with(e.as_str()))?;
    Some((ending.1, 1))
}

/// The `numbers.tsv` entry at token `i` and its length in tokens.
pub(super) fn number_at(text: &Text, i: usize) -> Option<(NumberWord, usize)> {
    numbers().at(text, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_find_phrases() {
        let text = Text::new("tens of thousands of service members");
        assert_eq!(number_at(&text, 0), Some((NumberWord::Vague(20000.0, 99999.0), 3)));
        assert_eq!(noun_at(&text, 4), Some((Noun::Unit(Unit::Personnel), 2)));
        let text = Text::new("Troops as many as");
        assert_eq!(noun_at(&text, 0), Some((Noun::Unit(Unit::Personnel), 1)));
        assert_eq!(numbers().ending_at(&text, 3, 1), Some((NumberWord::Qualifier(Bound::AtMost), 3)));
        assert_eq!(numbers().ending_at(&text, 3, 2), None);
    }
}
