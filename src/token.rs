//! Tokens: the one pass over the text that every finder reads.
//!
//! A token is a run of letters (a word), a run of decimal digits (a number), or one
//! other visible character (punctuation). Spans are half-open UTF-8 byte offsets into the
//! text. White space is not a token; each token records what white space precedes it, so a
//! finder can tell `100,000` (no space) from `100, 000` and never join across a paragraph.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A word table keyed by lower-cased text, hashed with [`WordHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A set of lower-cased words, hashed with [`WordHasher`].
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// FxHash (as in rustc): a few multiplies per word, against SipHash's rounds. The tables'
/// keys are our own, so they need no defence against crafted collisions.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Letters (any script), with the combining marks that follow them.
    Word,
    /// Decimal digits of any script (`0-9`, full-width, Arabic-Indic…).
    Number,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// The white space (if any) between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Touches the previous token: `100,000`, `U.S.`, `12m`.
    None,
    /// Spaces or one line break: the same paragraph.
    Space,
    /// A blank line or U+2029: a new block. Nothing joins across it.
    Block,
}

/// One token; `start..end` is its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub class: Class,
    pub gap: Gap,
}

/// The text and its tokens.
pub(crate) struct Text<'a> {
    pub src: &'a str,
    pub tokens: Vec<Token>,
    /// The lower case of the tokens that differ from it, one after another.
    lowered: String,
    /// Per token: where its lower case ends in `lowered`; an empty span means the token itself.
    ends: Vec<usize>,
}

impl<'a> Text<'a> {
    pub fn new(src: &'a str) -> Self {
        let tokens = tokenize(src);
        let mut lowered = String::new();
        let ends = tokens
            .iter()
            .map(|t| {
                lower_into(&src[t.start..t.end], &mut lowered);
                lowered.len()
            })
            .collect();
        Text { src, tokens, lowered, ends }
    }

    /// Token `i` lower-cased as `str::to_lowercase` does, or `""` past either end.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else { return "" };
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        if start == end {
            self.str(i)
        } else {
            &self.lowered[start..end]
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn str(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.src[t.start..t.end]
    }

    /// The text of token `i`, or `""` past either end.
    #[inline]
    pub fn get(&self, i: usize) -> &'a str {
        if i < self.tokens.len() {
            self.str(i)
        } else {
            ""
        }
    }

    /// Whether token `i` is `word`, ignoring ASCII case. False past the end.
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.get(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` starts with an upper-case letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.get(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The byte span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }

    /// Whether tokens `i` and `i + 1` touch (no white space between them).
    pub fn touches_next(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|t| t.gap == Gap::None)
    }

    /// Whether a block boundary lies between tokens `first` and `last` (inclusive range).
    pub fn crosses_block(&self, first: usize, last: usize) -> bool {
        self.tokens[first + 1..=last].iter().any(|t| t.gap == Gap::Block)
    }
}

/// Appends the lower case of `s` to `out` when it differs from `s`.
fn lower_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            let start = out.len();
            out.push_str(s);
            out[start..].make_ascii_lowercase();
        }
    } else {
        let lower = s.to_lowercase();
        if lower != s {
            out.push_str(&lower);
        }
    }
}

fn char_class(c: char) -> Option<Class> {
    if c.is_alphabetic() {
        Some(Class::Word)
    } else if is_decimal_digit(c) {
        Some(Class::Number)
    } else if c.is_whitespace() || c.is_control() {
        None
    } else {
        Some(Class::Punct)
    }
}

/// The value of a decimal digit of any of the scripts news is written in.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        '०'..='९' => '०',
        _ => return None,
    };
    Some(c as u32 - zero as u32)
}

fn is_decimal_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// A combining mark continues the word it follows (`é` written as `e` + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn tokenize(src: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(src.len() / 5);
    let mut gap = Gap::Block;
    let mut newlines = 0;
    let mut current: Option<Token> = None;
    for (i, c) in src.char_indices() {
        let class = if is_combining(c) && current.is_some_and(|t| t.class == Class::Word) {
            Some(Class::Word)
        } else {
            char_class(c)
        };
        let end = i + c.len_utf8();
        match (class, current.as_mut()) {
            (Some(cl), Some(t)) if cl == t.class && cl != Class::Punct => t.end = end,
            (Some(cl), _) => {
                tokens.extend(current.take());
                current = Some(Token { start: i, end, class: cl, gap });
                gap = Gap::None;
                newlines = 0;
            }
            (None, _) => {
                tokens.extend(current.take());
                if c == '\n' {
                    newlines += 1;
                }
                gap = if newlines >= 2 || c == '\u{2029}' || gap == Gap::Block { Gap::Block } else { Gap::Space };
            }
        }
    }
    tokens.extend(current);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(src: &str) -> Vec<(String, Class, Gap)> {
        let t = Text::new(src);
        (0..t.tokens.len()).map(|i| (t.str(i).to_string(), t.tokens[i].class, t.tokens[i].gap)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        use Class::*;
        use Gap::*;
        let got = show("About 100,000 troops.\n\nKyiv’s 12m");
        let want = [
            ("About", Word, Block),
            ("100", Number, Space),
            (",", Punct, None),
            ("000", Number, None),
            ("troops", Word, Space),
            (".", Punct, None),
            ("Kyiv", Word, Block),
            ("’", Punct, None),
            ("s", Word, None),
            ("12", Number, Space),
            ("m", Word, None),
        ];
        let want: Vec<_> = want.iter().map(|(s, c, g)| (s.to_string(), *c, *g)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn lower_cases_each_token() {
        let t = Text::new("The ÉTÉ été ΟΔΟΣ x");
        let got: Vec<&str> = (0..6).map(|i| t.lower(i)).collect();
        assert_eq!(got, ["the", "été", "été", "οδος", "x", ""]);
    }

    #[test]
    fn keeps_combining_marks_in_the_word() {
        let got = show("Bogote\u{301} x");
        assert_eq!(got[0].0, "Bogote\u{301}");
    }

    #[test]
    fn reads_digits_of_other_scripts() {
        assert_eq!(digit_value('７'), Some(7));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(show("٢٠٢٢")[0].1, Class::Number);
    }
}
