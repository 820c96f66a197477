//! The unit of an amount: the counted noun after it (`100,000 Russian troops`), a casualty
//! verb around it (`killed 40`, `40 soldiers were killed`), or, when nothing follows, the
//! noun the sentence counted before it (`the number of troops — about 130,000`).

use crate::claim::Unit;
use crate::token::{Class, Gap, Text};

use super::amount::{Amount, Form};
use super::words::{noun_at, number_at, Noun, NumberWord};

/// Tokens searched after the number for its noun.
const AHEAD: usize = 10;
/// Unknown lower-case words (adjectives) passed over on the way to the noun.
const MAX_UNKNOWN: usize = 3;
/// Tokens searched before the number when nothing follows it.
const BEHIND: usize = 14;
/// `aux` words between the noun and a casualty word: `have been killed`.
const MAX_AUX: usize = 3;

/// What the search after the number found.
struct Ahead {
    noun: Option<Noun>,
    /// The last token of the noun, or of the number when there is none.
    last: usize,
    /// The search stopped at once: punctuation, a verb, the end.
    bare: bool,
    /// The last word passed over was capitalised and plural: `200 Americans`.
    demonym: bool,
    /// A casualty word in the compound: `injured soldiers`, `people killed`.
    casualty: bool,
    /// `eight of them`: a share of what the sentence counted before.
    partitive: bool,
}

/// The unit of amount `a` whose span starts at `start`, or `None` when it is not a quantity
/// (a duration; a spelled-out number that counts nothing countable). `earlier` is the unit of
/// the claim before, when this one continues it (`from 52 million people in 1991 to 41 million`).
pub(super) fn unit(text: &Text, a: &Amount, start: usize, free: usize, earlier: Option<Unit>) -> Option<Unit> {
    let (from, shared) = past_alternative(text, a.end + 1);
    if let Some(unit) = a.unit.or(shared) {
        if a.form == Form::Spelled
            && !matches!(unit, Unit::Percent | Unit::Money | Unit::People | Unit::Personnel | Unit::Equipment)
        {
            return None;
        }
        return Some(unit);
    }
    let ahead = search_ahead(text, from);
    let casualty_before = casualty_before(text, start);
    let casualty_after = ahead.casualty || casualty_tail(text, ahead.last + 1);
    let casualty = casualty_before || casualty_after;
    let unit = match ahead.noun {
        Some(Noun::Time) => return None,
        Some(Noun::Unit(u)) => u,
        Some(Noun::Counted) => Unit::Other,
        Some(Noun::Member) => army_of(text, start).unwrap_or(Unit::Other),
        Some(Noun::Others) => nearest_noun(text, start, free).unwrap_or(Unit::People),
        _ if ahead.demonym => Unit::People,
        // `eight of them`, spelled out, counts what the sentence counted: people or things.
        _ if a.form == Form::Spelled && ahead.partitive => match behind(text, start, free) {
            Some(u @ (Unit::People | Unit::Personnel | Unit::Casualties | Unit::Equipment)) => return Some(u),
            _ => return None,
        },
        _ if a.form == Form::Spelled && !casualty => return None,
        _ if named(text, a, start) && !casualty => return None,
        _ => match army_of(text, start) {
            Some(u) => u,
            None if ahead.bare => {
                let found = behind(text, start, free);
                found.filter(|u| *u != Unit::Other).or(earlier).or(found).unwrap_or(Unit::Other)
            }
            None => Unit::Other,
        },
    };
    let countable = matches!(
        ahead.noun,
        Some(
            Noun::Counted
                | Noun::Others
                | Noun::Unit(Unit::People | Unit::Personnel | Unit::Casualties | Unit::Equipment | Unit::Money)
        )
    ) || ahead.demonym
        || casualty;
    if a.form == Form::Spelled && !countable {
        return None;
    }
    let human =
        matches!(unit, Unit::People | Unit::Personnel) || ahead.noun.is_none() || ahead.noun == Some(Noun::Member);
    if human && casualty {
        return Some(Unit::Casualties);
    }
    // `a 62-member rescue team`: the members are people.
    if unit == Unit::Other && a.end > a.last && (text.is(a.end, "member") || text.is(a.end, "man")) {
        return Some(Unit::People);
    }
    Some(unit)
}

/// `Windows 10`: a bare number right after a capitalised name inside a sentence.
fn named(text: &Text, a: &Amount, start: usize) -> bool {
    let before = start.wrapping_sub(1);
    start == a.first
        && a.form == Form::Digits
        && !a.marked
        && a.unit.is_none()
        && before > 0
        && before < text.tokens.len()
        && text.tokens[before].class == Class::Word
        && text.tokens[before].gap == Gap::Space
        && text.tokens[a.first].gap == Gap::Space
        && (text.tokens[before - 1].class == Class::Word || matches!(text.str(before - 1), "," | ";"))
        && text.is_capitalised(before)
        && !text.str(before).ends_with("day")
        && noun_at(text, before).is_none()
        && number_at(text, before).is_none()
}

/// A casualty word before the amount: `killed 40`, `the deaths of 30 soldiers`, `killed the
/// driver and 10 passengers`, `died with nine others`.
fn casualty_before(text: &Text, start: usize) -> bool {
    let b = start.wrapping_sub(1);
    if is_casualty(text, b) {
        return true;
    }
    if text.is(b, "of") {
        return is_casualty(text, b.wrapping_sub(1));
    }
    let and = text.is(b, "and");
    if !and && !text.is(b, "with") {
        return false;
    }
    for k in 2..=4 {
        let j = start.wrapping_sub(k);
        if j >= text.tokens.len() || text.tokens[j].class != Class::Word {
            return false;
        }
        if is_casualty(text, j) {
            // `were killed and 500 troops were sent` is not one list.
            let passive = matches!(noun_at(text, j.wrapping_sub(1)), Some((Noun::Aux, _)));
            return !(and && (k == 2 || passive));
        }
    }
    false
}

/// The word tokens before `start`, nearest first, back to `free`, at most `BEHIND` tokens,
/// and never past the start of the sentence or the line.
fn words_behind<'t>(text: &'t Text, start: usize, free: usize) -> impl Iterator<Item = usize> + 't {
    (free..start)
        .rev()
        .take(BEHIND)
        .take_while(move |&i| {
            let sentence_end = text.tokens[i].class == Class::Punct
                && matches!(text.str(i), "." | "!" | "?" | ";")
                && !abbreviation_dot(text, i);
            !new_line(text, i + 1) && !sentence_end
        })
        .filter(move |&i| text.tokens[i].class == Class::Word)
}

/// The unit of the nearest counted noun before `start` in the sentence: what `others` stands for.
fn nearest_noun(text: &Text, start: usize, free: usize) -> Option<Unit> {
    words_behind(text, start, free).find_map(|i| match noun_at(text, i) {
        Some((Noun::Unit(u), _)) => Some(u),
        Some((Noun::Counted, _)) => Some(Unit::Other),
        _ => None,
    })
}

/// `20 or 21 months`, `25 or 30 percent`, `10 of 12 victims`: both numbers count the same
/// noun, so the search for it starts after the second, whose sign (`%`, `$`) an `or` shares.
fn past_alternative(text: &Text, from: usize) -> (usize, Option<Unit>) {
    let or = text.is(from, "or");
    if !or && !text.is(from, "of") {
        return (from, None);
    }
    match super::amount::read(text, from + 1) {
        Some(b) if !b.invalid && (or || b.form != Form::Vague && !b.year_like(text)) => {
            (b.end + 1, b.unit.filter(|u| or && matches!(u, Unit::Percent | Unit::Money)))
        }
        _ => (from, None),
    }
}

fn is_casualty(text: &Text, i: usize) -> bool {
    matches!(noun_at(text, i), Some((Noun::Unit(Unit::Casualties), _)))
}

/// `were killed`, `who have been wounded`, `were reported dead`, `died` right after the noun.
fn casualty_tail(text: &Text, from: usize) -> bool {
    let from = if text.is(from, "who") || text.is(from, "that") { from + 1 } else { from };
    let mut i = from;
    while i < from + MAX_AUX
        && matches!(noun_at(text, i), Some((Noun::Aux | Noun::Hedge, 1)))
        && text.tokens[i].gap != Gap::Block
    {
        i += 1;
    }
    i < text.tokens.len() && text.tokens[i].gap != Gap::Block && is_casualty(text, i)
}

/// `an army of 1 million members`: the people the amount belongs to.
fn army_of(text: &Text, start: usize) -> Option<Unit> {
    if !text.is(start.wrapping_sub(1), "of") {
        return None;
    }
    match noun_at(text, start.wrapping_sub(2))? {
        (Noun::Unit(u @ (Unit::Personnel | Unit::People)), _) => Some(u),
        _ => None,
    }
}

/// An abbreviation's dot (`U.S.`, `U.N.`) does not end a phrase or a sentence.
fn abbreviation_dot(text: &Text, i: usize) -> bool {
    i > 0
        && text.str(i) == "."
        && text.touches_next(i - 1)
        && text.tokens[i - 1].class == Class::Word
        && text.str(i - 1).chars().count() <= 2
        && text.is_capitalised(i - 1)
}

fn search_ahead(text: &Text, from: usize) -> Ahead {
    let n = text.tokens.len();
    let mut ahead = Ahead {
        noun: None,
        last: from.saturating_sub(1),
        bare: true,
        demonym: false,
        casualty: false,
        partitive: false,
    };
    let (mut i, mut unknown, mut after_of) = (from, 0, false);
    while i < n && i < from + AHEAD && text.tokens[i].gap != Gap::Block && !new_line(text, i) {
        match text.tokens[i].class {
            Class::Number => break,
            Class::Punct => {
                let hyphen = text.str(i) == "-" && text.touches_next(i - 1) && text.touches_next(i) && i > from;
                if !(abbreviation_dot(text, i) || hyphen) {
                    break;
                }
            }
            Class::Word => match noun_at(text, i) {
                Some((Noun::Stop, 1)) if text.is(i, "of") && !after_of => {
                    // `133 of them`: the noun is the one counted before.
                    if ["them", "those", "these", "whom", "us"].iter().any(|w| text.is(i + 1, w)) {
                        ahead.bare = i == from;
                        ahead.partitive = ahead.bare;
                        break;
                    }
                    after_of = true;
                    // `of the`, `of their`.
                    if matches!(noun_at(text, i + 1), Some((Noun::Stop, 1))) && !text.is(i + 1, "of") {
                        i += 1;
                    }
                }
                Some((Noun::Stop | Noun::Aux, _)) => break,
                Some((Noun::Hedge, _)) => {
                    unknown += 1;
                    if unknown > MAX_UNKNOWN {
                        break;
                    }
                }
                // `300,000 last year`: a date after the amount, not what it counts.
                Some((Noun::Time, _)) if i > from && ["last", "next", "every"].iter().any(|w| text.is(i - 1, w)) => {
                    ahead.bare = i - 1 == from;
                    break;
                }
                Some((noun, len)) => {
                    let (mut noun, mut last) = (noun, i + len - 1);
                    ahead.casualty = noun == Noun::Unit(Unit::Casualties);
                    // A compound's head is its last noun: `bomb blasts`, `people killed`.
                    while noun != Noun::Time {
                        match noun_at(text, last + 1) {
                            Some((next @ (Noun::Unit(_) | Noun::Counted), len))
                                if text.tokens[last + 1].gap != Gap::Block =>
                            {
                                noun = next;
                                last += len;
                                ahead.casualty |= noun == Noun::Unit(Unit::Casualties);
                            }
                            _ => break,
                        }
                    }
                    ahead.noun = Some(noun);
                    ahead.last = last;
                    ahead.bare = false;
                    return ahead;
                }
                None => {
                    if let Some(end) = model_code(text, i) {
                        // `30 F-16 jets`; `30 F-16s` are aircraft or tanks.
                        if text.is(end + 1, "s") && text.touches_next(end) {
                            ahead.noun = Some(Noun::Unit(Unit::Equipment));
                            ahead.last = end + 1;
                            ahead.bare = false;
                            return ahead;
                        }
                        ahead.bare = false;
                        i = end + 1;
                        continue;
                    }
                    if text.is_capitalised(i) {
                        let w = text.str(i);
                        ahead.demonym = w.len() > 3 && (w.ends_with('s') || w.ends_with("ese"));
                        if ahead.demonym {
                            ahead.last = i;
                        }
                    } else {
                        unknown += 1;
                        if unknown > MAX_UNKNOWN {
                            break;
                        }
                    }
                }
            },
        }
        ahead.bare = false;
        i += 1;
    }
    if ahead.bare {
        ahead.demonym = false;
    }
    ahead
}

/// The last token of a model name at `i` (`F-16`, `MiG-29`, `Boeing 737`), if one stands there.
fn model_code(text: &Text, i: usize) -> Option<usize> {
    let number = |j: usize| text.tokens.get(j).is_some_and(|t| t.class == Class::Number);
    let short = text.str(i).chars().count() <= 4 && text.is_capitalised(i);
    if short && text.is(i + 1, "-") && text.touches_next(i) && text.touches_next(i + 1) && number(i + 2) {
        return Some(i + 2);
    }
    let code = matches!(number_at(text, i), Some((NumberWord::Code, 1)));
    (code && number(i + 1) && text.tokens[i + 1].gap == Gap::Space).then_some(i + 1)
}

/// The noun the sentence counted before an amount that stands alone: a noun that follows an
/// earlier number (`17 million residents, and Kuwait about 1.9 million`), else the nearest
/// noun of a countable unit (`the number of troops — about 130,000`), else `other`.
fn behind(text: &Text, start: usize, free: usize) -> Option<Unit> {
    let (mut nearest, mut weak) = (None, false);
    for i in words_behind(text, start, free) {
        match noun_at(text, i) {
            // `the number injured topped 2,200`: a casualty word is the strongest cue.
            Some((Noun::Unit(Unit::Casualties), _)) if nearest.is_none() => return Some(Unit::Casualties),
            Some((Noun::Unit(u), _)) if u != Unit::Other => {
                if let Some(number) = counting_number(text, i) {
                    let casualty =
                        (1..=3).any(|k| is_casualty(text, number.wrapping_sub(k))) || casualty_tail(text, i + 1);
                    let human = matches!(u, Unit::People | Unit::Personnel);
                    return Some(if casualty && human { Unit::Casualties } else { u });
                }
                nearest = nearest.or(Some(u));
            }
            Some((Noun::Unit(_) | Noun::Counted, _)) => {
                if counting_number(text, i).is_some() && nearest.is_none() {
                    return Some(Unit::Other);
                }
                weak = true;
            }
            _ => {}
        }
    }
    nearest.or(weak.then_some(Unit::Other))
}

/// The number a few words before the noun at `i` that counts it, if any.
fn counting_number(text: &Text, i: usize) -> Option<usize> {
    let number = |j: usize| {
        text.tokens[j].class == Class::Number
            || number_at(text, j).is_some_and(|(w, _)| {
                matches!(w, NumberWord::Cardinal(_) | NumberWord::Scale(_) | NumberWord::Vague(..))
            })
    };
    (i.saturating_sub(3)..i).rev().find(|&j| number(j))
}

/// Whether a line break with a capitalised word after it stands before token `i`: a new line
/// of a list or a table (`Total dead: 10` / `Injured: 74`).
fn new_line(text: &Text, i: usize) -> bool {
    i > 0
        && i < text.tokens.len()
        && text.is_capitalised(i)
        && text.src[text.tokens[i - 1].end..text.tokens[i].start].contains('\n')
}
