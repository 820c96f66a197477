//! Sentence splitting over the shared tokens: a sentence ends at `.`, `!`, `?` or `…`
//! (with the quotes and brackets that close it) before white space and a word that does not
//! start in lower case, unless the full stop ends an abbreviation or an initial; and always
//! at a block boundary.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::token::{Class, Gap, Text};

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data!("abbreviations.tsv").lines().filter(|l| !l.starts_with('#')).map(str::trim).collect())
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "。" | "！" | "？")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | "»" | ")" | "]")
}

/// Whether a full stop at token `i` belongs to the word before it (`Mr.`, `U.S.`, `J.`).
fn ends_abbreviation(text: &Text, i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else { return false };
    if text.str(i) != "." || !text.touches_next(before) || text.tokens[before].class != Class::Word {
        return false;
    }
    let word = text.str(before);
    word.chars().count() == 1 || abbreviations().contains(word.to_ascii_lowercase().as_str())
}

/// The sentences of `text`, as ranges of token indices, in order, covering every token.
pub(crate) fn split(text: &Text) -> Vec<Range<usize>> {
    let n = text.tokens.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if i > start && text.tokens[i].gap == Gap::Block {
            out.push(start..i);
            start = i;
        }
        if !is_terminator(text.str(i)) {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < n
            && text.touches_next(last)
            && (is_terminator(text.str(last + 1)) || is_closer(text.str(last + 1)))
        {
            last += 1;
        }
        let next = last + 1;
        let ends = next < n
            && text.tokens[next].gap != Gap::None
            && !text.get(next).chars().next().is_some_and(char::is_lowercase)
            && !(last == i && ends_abbreviation(text, i));
        if ends {
            out.push(start..next);
            start = next;
        }
        i = next;
    }
    if start < n {
        out.push(start..n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(src: &str) -> Vec<&str> {
        let text = Text::new(src);
        split(&text).into_iter().map(|r| &src[text.span(r.start, r.end - 1)]).collect()
    }

    #[test]
    fn splits_news_sentences() {
        let cases: [(&str, &[&str]); 7] = [
            ("Prices rose 3.5%. Wages fell!", &["Prices rose 3.5%.", "Wages fell!"]),
            ("Mr. Smith met U.S. officials. They agreed.", &["Mr. Smith met U.S. officials.", "They agreed."]),
            (
                "\"Is it true?\" he asked. \"Yes.\" Then silence",
                &["\"Is it true?\" he asked.", "\"Yes.\"", "Then silence"],
            ),
            ("Headline without stop\n\nBody text.", &["Headline without stop", "Body text."]),
            ("It cost $1.5m... Really.", &["It cost $1.5m...", "Really."]),
            ("(See below.) Next one.", &["(See below.)", "Next one."]),
            ("", &[]),
        ];
        for (src, want) in cases {
            assert_eq!(sentences(src), want, "{src:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for src in [".", "?!", "\n\n.", "a.", "’", "。。", " . . ", "Dr."] {
            let text = Text::new(src);
            let covered: usize = split(&text).iter().map(Range::len).sum();
            assert_eq!(covered, text.tokens.len(), "{src:?}");
        }
    }
}
