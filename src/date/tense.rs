//! Past or future: a small heuristic over the words of the sentence near a date, enough to
//! pick which `Monday` or which `March` is meant. It reads at most `WINDOW` tokens on each
//! side and never crosses a sentence end. The cue words are in `src/data/dates.tsv`.

use super::lexicon::{fold, Lexicon, Word};
use crate::token::{Class, Gap, Text};

const WINDOW: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// The tense token `i` points to; `ahead` when it stands before the date.
pub(crate) fn cue(text: &Text, i: usize, ahead: bool) -> Tense {
    if text.tokens[i].class != Class::Word {
        return Tense::Unknown;
    }
    let before = |words: &[&str]| i > 0 && words.contains(&fold(text, i - 1));
    let words = Lexicon::get().words(text, i);
    // A participle after `be` (`will be held`) belongs to the word before it.
    if before(&["be", "being"]) {
        return Tense::Unknown;
    }
    let cue_at = |j: usize| {
        Lexicon::get().words(text, j).iter().find_map(|w| if let Word::Cue(t) = w { Some(*t) } else { None })
    };
    if let Some(t) = cue_at(i) {
        // `is heard in May`: a present passive is no past.
        if t == Tense::Past && before(&["is", "are", "am"]) {
            return Tense::Unknown;
        }
        // `were planning to`: the word after `was` decides.
        let be = matches!(fold(text, i), "was" | "were");
        if be && i + 1 < text.tokens.len() && cue_at(i + 1) == Some(Tense::Future) {
            return Tense::Unknown;
        }
        // `was scheduled`, `as planned`: a participle after these looks back.
        let participle = text.str(i).ends_with("ed");
        if t == Tense::Future && participle && before(&["was", "were", "had", "as", "previously", "originally"]) {
            return Tense::Past;
        }
        return t;
    }
    let w = fold(text, i);
    // `agreed to meet on Monday`: an intention looks ahead (but `on Monday agreed to` not).
    if ahead && words.contains(&Word::Intent) && text.is(i + 1, "to") {
        return Tense::Future;
    }
    if w == "set" {
        // `set to`, `set for` look ahead; `a record set on Aug. 6` looks back.
        return if matches!(fold(text, i + 1), "to" | "for") { Tense::Future } else { Tense::Past };
    }
    let regular_past = w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !text.is_capitalised(i);
    if regular_past && words.is_empty() {
        return Tense::Past;
    }
    Tense::Unknown
}

/// Whether a sentence ends at token `i` (a `.`, `?`, `!` or `;` not closing an abbreviation).
pub(crate) fn ends_sentence(text: &Text, i: usize) -> bool {
    match text.get(i) {
        "?" | "!" | ";" => true,
        "." if i > 0 => {
            let short = text.get(i - 1).chars().count() == 1;
            let abbrev =
                Lexicon::get().words(text, i - 1).iter().any(|w| matches!(w, Word::Abbrev | Word::Month(_, _, true)));
            !short && !abbrev
        }
        "." => true,
        _ => false,
    }
}

/// The tense of the sentence around tokens `first..=last`: that of the nearest cue on
/// either side (the one before on a tie), up to a sentence end.
pub(super) fn around(text: &Text, first: usize, last: usize) -> Tense {
    let (mut before, mut after) = (Some(first), Some(last));
    for _ in 0..WINDOW {
        before = before
            .filter(|&i| i > 0 && text.tokens[i].gap != Gap::Block)
            .map(|i| i - 1)
            .filter(|&i| !ends_sentence(text, i));
        after = after
            .map(|i| i + 1)
            .filter(|&i| i < text.tokens.len() && text.tokens[i].gap != Gap::Block && !ends_sentence(text, i));
        for (i, ahead) in [(before, true), (after, false)].into_iter().filter_map(|(i, a)| Some((i?, a))) {
            if let t @ (Tense::Past | Tense::Future) = cue(text, i, ahead) {
                return t;
            }
        }
        if before.is_none() && after.is_none() {
            break;
        }
    }
    Tense::Unknown
}
