//! The counted noun that decides a quantity's unit.

use super::lexicon::{Lexicon, Role};
use super::number::class;
use crate::claim::Unit;
use crate::token::{Class, Gap, Text};

/// Tokens searched after a number for its counted noun.
const MAX_WALK: usize = 10;
/// Tokens searched back in the sentence for the noun of a number that has none after it.
const MAX_LOOK_BACK: usize = 15;

/// A capitalised plural that names a people: `Americans`, `Britons`, `Japanese` (not an
/// acronym such as `HIMARS`).
fn is_demonym_plural(word: &str) -> bool {
    let capital = word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase);
    capital && word.chars().count() > 3 && (word.ends_with('s') || word.ends_with("ese"))
}

/// The unit that the counted noun after token `from` gives, past a few adjectives,
/// demonyms and compound words (`100,000 Russian troops`, `2,000 U.S. Marines`); the last
/// noun of a compound wins (`fighter jets`), and `were killed` makes them casualties.
pub(super) fn counted(text: &Text, lex: &Lexicon, from: usize) -> Option<Unit> {
    let (mut unit, mut adjectives, mut demonym) = (None, 0, None);
    let mut k = from;
    while k < from + MAX_WALK && k < text.tokens.len() {
        let t = text.tokens[k];
        if t.gap == Gap::Block {
            break;
        }
        let between_names = unit.is_none() && k > 0 && text.is_capitalised(k - 1) && text.is_capitalised(k + 1);
        match t.class {
            // A model number inside the noun phrase: `F-16 jets`, `T-72 tanks`.
            Class::Number if t.gap == Gap::None && k > from => {}
            Class::Number => break,
            Class::Punct => {
                let s = text.str(k);
                let abbreviation = s == "." && k > 0 && text.get(k - 1).chars().count() == 1 && text.is_capitalised(k - 1);
                let joins = t.gap == Gap::None && (s == "-" || abbreviation);
                if !(joins || (s == "," && between_names)) {
                    break;
                }
            }
            Class::Word => {
                if let Some((e, last)) = lex.after(text, k, &[Role::Noun]) {
                    unit = Some(e.unit);
                    k = last + 1;
                    continue;
                }
                if lex.word(text, k, &[Role::Aux]).is_some() {
                    let killed = (k + 1..=k + 3).any(|j| {
                        class(text, j) == Some(Class::Word)
                            && lex.word(text, j, &[Role::Noun]).is_some_and(|e| e.unit == Unit::Casualties)
                    });
                    if unit.is_some() && killed {
                        unit = Some(Unit::Casualties);
                    }
                    break;
                }
                if unit.is_some() {
                    // An unlisted plural after a listed noun is the real head: `weapons sites`.
                    let word = text.str(k);
                    if !text.is_capitalised(k) && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
                        unit = None;
                    }
                    break;
                }
                let free = lex.word(text, k, &[Role::Link]).is_some() && adjectives == 0 && demonym.is_none();
                if free || (text.is(k, "and") && between_names) {
                    k += 1;
                    continue;
                }
                if lex.word(text, k, &[Role::Stop]).is_some() {
                    break;
                }
                if text.is_capitalised(k) {
                    demonym = Some(k);
                } else {
                    adjectives += 1;
                    if adjectives > 2 {
                        break;
                    }
                }
            }
        }
        k += 1;
    }
    unit.or_else(|| demonym.filter(|&d| is_demonym_plural(text.str(d))).map(|_| Unit::People))
}

/// For a large number standing alone, the nearest people or troops noun earlier in the
/// sentence and after any verb of saying: `the number of Russian troops near Ukraine -
/// about 130,000`.
pub(super) fn counted_earlier(text: &Text, lex: &Lexicon, start: usize) -> Option<Unit> {
    let counted = [Unit::Personnel, Unit::People, Unit::Casualties, Unit::Equipment];
    for k in (start.saturating_sub(MAX_LOOK_BACK)..start).rev() {
        if text.tokens[k + 1].gap == Gap::Block {
            return None;
        }
        match text.tokens[k].class {
            Class::Punct if matches!(text.str(k), "." | "!" | "?" | ";" | ":") => {
                let abbreviation = k > 0 && text.get(k - 1).chars().count() == 1;
                if !abbreviation {
                    return None;
                }
            }
            Class::Word => {
                if lex.word(text, k, &[Role::Speech]).is_some() {
                    return None;
                }
                if let Some(e) = lex.word(text, k, &[Role::Noun]).filter(|e| counted.contains(&e.unit)) {
                    return Some(e.unit);
                }
            }
            _ => {}
        }
    }
    None
}

/// A verb of killing just before the span (`killed 10 people`), or a toll a few words back.
pub(super) fn casualties_before(text: &Text, lex: &Lexicon, start: usize) -> bool {
    (1..=3).take_while(|&n| n <= start).any(|n| {
        let i = start - n;
        class(text, i) == Some(Class::Word) && lex.word(text, i, &[Role::Cause]).is_some_and(|e| e.low >= n as f64)
    })
}
