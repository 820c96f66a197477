//! Words and cues: one sentence's tokens normalised for the model, and the cues found in them.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::token::{digit_value, Class, Gap, Text};

/// What a reason names: a claim the scanner found, or a cue word or shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A quantity claim found by the scanner.
    Quantity,
    /// A date claim found by the scanner, or a date word or year.
    Date,
    /// A country claim found by the scanner.
    Country,
    /// A place claim found by the scanner.
    Place,
    /// A number, a number word, a percent or currency sign.
    Number,
    /// `more`, `fewer`, `higher`, `compared with`…
    Comparative,
    /// `most`, `largest`, `record`…
    Superlative,
    /// `will`, `going to`, `expected to`, `forecast`…
    Future,
    /// `would`, `could`, `should`, `may`…
    Modal,
    /// `because`, `due to`, `led to`, `as a result`…
    Causal,
    /// `law`, `bill`, `illegal`, `regulation`, `must`…
    Rule,
    /// `I`, `me`, `my`…
    FirstPerson,
    /// A verb in the past tense.
    Past,
    /// A question mark.
    Question,
    /// A capitalised word or run of them inside the sentence: a name (`Green New Deal`).
    Name,
}

impl Cue {
    fn from_name(name: &str) -> Option<Cue> {
        Some(match name {
            "number" => Cue::Number,
            "date" => Cue::Date,
            "comparative" => Cue::Comparative,
            "superlative" => Cue::Superlative,
            "future" => Cue::Future,
            "modal" => Cue::Modal,
            "causal" => Cue::Causal,
            "rule" => Cue::Rule,
            "first_person" => Cue::FirstPerson,
            "past" => Cue::Past,
            _ => return None,
        })
    }
}

/// One normalised word: lower case, contractions joined (`don't`), numbers as `<num>` or
/// `<year>`, typographic quotes and dashes made plain. `span` is its byte span in the text.
pub(crate) struct Word {
    pub norm: String,
    pub span: Range<usize>,
    /// A capitalised word that does not start the sentence (and is not `I`).
    pub name: bool,
}

/// A cue and the byte span of the words that carry it.
pub(crate) struct Found {
    pub cue: Cue,
    pub span: Range<usize>,
}

const CONTRACTIONS: [&str; 7] = ["s", "t", "ll", "ve", "re", "d", "m"];

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘")
}

/// The normalised words of tokens `range` of `text`.
pub(crate) fn words(text: &Text, range: Range<usize>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(range.len());
    let end = range.end.min(text.tokens.len());
    let mut i = range.start;
    while i < end {
        let token = text.tokens[i];
        let mut last = i;
        let mut name = false;
        let norm = match token.class {
            Class::Word => {
                name = i > range.start
                    && token.gap != Gap::Block
                    && text.is_capitalised(i)
                    && !text.is(i, "i")
                    && !matches!(text.str(i - 1), "\"" | "“" | "‘" | "'" | "(" | ":" | "-" | "—" | "–");
                let mut norm = text.str(i).to_ascii_lowercase();
                let joins = last + 2 < end
                    && is_apostrophe(text.str(last + 1))
                    && text.touches_next(last)
                    && text.touches_next(last + 1)
                    && CONTRACTIONS.iter().any(|c| text.is(last + 2, c));
                if joins {
                    norm.push('\'');
                    norm.push_str(&text.str(last + 2).to_ascii_lowercase());
                    last += 2;
                }
                norm
            }
            Class::Number => {
                while last + 2 < end
                    && matches!(text.str(last + 1), "," | ".")
                    && text.touches_next(last)
                    && text.touches_next(last + 1)
                    && text.tokens[last + 2].class == Class::Number
                {
                    last += 2;
                }
                if last == i && is_year(text.str(i)) { "<year>" } else { "<num>" }.to_string()
            }
            Class::Punct => match text.str(i) {
                "’" | "‘" => "'",
                "“" | "”" | "„" | "«" | "»" => "\"",
                "–" | "—" => "-",
                other => other,
            }
            .to_string(),
        };
        out.push(Word { norm, span: text.span(i, last), name });
        i = last + 1;
    }
    out
}

fn is_year(digits: &str) -> bool {
    let mut value = 0u32;
    for c in digits.chars() {
        match digit_value(c) {
            Some(d) if value < 1000 => value = value * 10 + d,
            _ => return false,
        }
    }
    digits.chars().count() == 4 && (1900..=2099).contains(&value)
}

struct Lexicon {
    phrases: HashMap<&'static str, Vec<Cue>>,
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut phrases: HashMap<&'static str, Vec<Cue>> = HashMap::new();
        let mut longest = 1;
        for line in data!("sentence_cues.tsv").lines().filter(|l| !l.starts_with('#')) {
            let Some((phrase, cue)) = line.split_once('\t') else {
                continue;
            };
            if let Some(cue) = Cue::from_name(cue.trim()) {
                longest = longest.max(phrase.split(' ').count());
                phrases.entry(phrase).or_default().push(cue);
            }
        }
        Lexicon { phrases, longest }
    })
}

/// The cues in `words`, left to right.
pub(crate) fn find(words: &[Word]) -> Vec<Found> {
    let lexicon = lexicon();
    let mut out = Vec::new();
    let mut key = String::new();
    let mut k = 0;
    while k < words.len() {
        let word = &words[k];
        let shape = match word.norm.as_str() {
            "<num>" | "%" | "$" | "£" | "€" => Some(Cue::Number),
            "<year>" => Some(Cue::Date),
            "?" => Some(Cue::Question),
            w if w.len() >= 5 && w.ends_with("ed") && w.chars().all(char::is_alphabetic) => Some(Cue::Past),
            _ => None,
        };
        let mut matched = None;
        for n in (1..=lexicon.longest.min(words.len() - k)).rev() {
            key.clear();
            for (j, w) in words[k..k + n].iter().enumerate() {
                if j > 0 {
                    key.push(' ');
                }
                key.push_str(&w.norm);
            }
            if let Some(cues) = lexicon.phrases.get(key.as_str()) {
                matched = Some((n, cues));
                break;
            }
        }
        if word.name {
            let mut last = k;
            while words.get(last + 1).is_some_and(|w| w.name) {
                last += 1;
            }
            out.push(Found { cue: Cue::Name, span: word.span.start..words[last].span.end });
            k = last + 1;
            continue;
        }
        match matched {
            Some((n, cues)) => {
                let span = word.span.start..words[k + n - 1].span.end;
                out.extend(cues.iter().map(|&cue| Found { cue, span: span.clone() }));
                k += n;
            }
            None => {
                out.extend(shape.map(|cue| Found { cue, span: word.span.clone() }));
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(src: &str) -> Vec<String> {
        let text = Text::new(src);
        words(&text, 0..text.tokens.len()).into_iter().map(|w| w.norm).collect()
    }

    fn cues(src: &str) -> Vec<(Cue, String)> {
        let text = Text::new(src);
        let words = words(&text, 0..text.tokens.len());
        find(&words).into_iter().map(|f| (f.cue, src[f.span].to_string())).collect()
    }

    #[test]
    fn normalises_contractions_numbers_and_quotes() {
        assert_eq!(
            norms("We’ve spent $1,500.25 in 2012 — “twice”"),
            ["we've", "spent", "$", "<num>", "in", "<year>", "-", "\"", "twice", "\""]
        );
        assert_eq!(norms("don't 12,"), ["don't", "<num>", ","]);
    }

    #[test]
    fn finds_phrases_longest_first() {
        let got = cues("Prices rose due to the war, and I expected to win 3 seats?");
        let want = [
            (Cue::Comparative, "rose"),
            (Cue::Causal, "due to"),
            (Cue::FirstPerson, "I"),
            (Cue::Future, "expected to"),
            (Cue::Number, "3"),
            (Cue::Question, "?"),
        ];
        assert_eq!(got, want.map(|(c, s)| (c, s.to_string())));
    }
}
