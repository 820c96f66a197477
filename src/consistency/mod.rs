//! Checks that need nothing but the article: places where the text disagrees with itself
//! or with the calendar. Each finding is a note for an editor, not a verdict; it links every
//! place involved so the reader can see both.
//!
//! The checks read the scanner's claims plus a few words around them, inside bounded
//! windows of tokens, so a whole check is linear in the text. `mod.rs` holds the findings,
//! the word classes and the [`Article`] every check reads; `dates.rs` the checks on dates,
//! `counts.rs` those on figures.

mod counts;
mod dates;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Serialize;

use crate::claim::{Claim, Unit, Value};
use crate::date::tense;
use crate::offsets::{byte_spans, utf16_offsets};
use crate::options::Options;
use crate::token::{Gap, Text};

/// Which check a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// A weekday named next to a date that falls on another day (`Monday, Jan. 11, 2022`).
    Weekday,
    /// A relative date (`yesterday`) set beside an absolute one for the same day that differs.
    RelativeDate,
    /// The same subject counted with figures that do not agree (`100,000 troops`, later
    /// `130,000 troops`).
    Recount,
    /// A share of a whole above 100% (`120% of voters`).
    Percent,
    /// A range whose low end is above its high end (`between 50 and 20`).
    Range,
    /// A date after the publication date told in the past tense.
    FuturePast,
}

/// One place a finding points at: a span of the text in UTF-16 code units, and the index of
/// the claim there in the list checked, when the place is a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// The index of the claim at this place, if it is one.
    pub claim: Option<usize>,
}

/// A place where the article disagrees with itself or the calendar. Serialises as
/// `{"code": "weekday", "message": "…", "places": [{"start", "end", "text", "claim"}]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The check that found it.
    pub code: Check,
    /// What is wrong, in plain words.
    pub message: String,
    /// Every place involved, in text order.
    pub places: Vec<Place>,
}

/// Runs every check over `claims` (as [`scan`](crate::scan) returned them for `src`) and
/// returns the findings in text order. Claims whose offsets do not fit `src` are ignored;
/// checking never fails and never panics.
///
/// ```
/// let options = factmark::Options::from_date("2022-01-20")?;
/// let text = "Talks were held on Monday, Jan. 11, 2022.";
/// let claims = factmark::scan(text, &options);
/// for finding in factmark::check(text, &claims, &options) {
///     println!("{}", finding.message);
/// }
/// # Ok::<(), factmark::Error>(())
/// ```
pub fn check(src: &str, claims: &[Claim], options: &Options) -> Vec<Finding> {
    let article = Article::new(src, claims, options.date());
    let mut drafts = Vec::new();
    article.weekdays(&mut drafts);
    article.relative_dates(&mut drafts);
    article.recounts(&mut drafts);
    article.percents(&mut drafts);
    article.ranges(&mut drafts);
    article.future_past(&mut drafts);
    finish(src, drafts)
}

/// A finding with byte spans, before the one conversion to UTF-16.
struct Draft {
    code: Check,
    message: String,
    places: Vec<(Range<usize>, Option<usize>)>,
}

fn finish(src: &str, mut drafts: Vec<Draft>) -> Vec<Finding> {
    for d in &mut drafts {
        d.places.sort_by_key(|(span, _)| span.start);
    }
    drafts.sort_by_key(|d| d.places.first().map_or(0, |(span, _)| span.start));
    let mut marks: Vec<usize> =
        drafts.iter().flat_map(|d| d.places.iter().flat_map(|(s, _)| [s.start, s.end])).collect();
    marks.sort_unstable();
    marks.dedup();
    let units = utf16_offsets(src, &marks);
    let unit = |b: usize| marks.binary_search(&b).map_or(0, |i| units[i]);
    drafts
        .into_iter()
        .map(|d| Finding {
            code: d.code,
            message: d.message,
            places: d
                .places
                .into_iter()
                .map(|(span, claim)| Place {
                    start: unit(span.start),
                    end: unit(span.end),
                    text: src.get(span).unwrap_or_default().to_string(),
                    claim,
                })
                .collect(),
        })
        .collect()
}

/// The word classes of `data/consistency.tsv`.
#[derive(Clone, Copy)]
enum Word {
    Relative = 1,
    Forward = 2,
    Ahead = 4,
    Whole = 8,
    Growth = 16,
    Extra = 32,
    Share = 64,
    Function = 128,
    Contrast = 256,
    Either = 512,
}

struct Words {
    classes: HashMap<&'static str, u16>,
    weekdays: HashMap<&'static str, i8>,
    scales: HashMap<&'static str, f64>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words { classes: HashMap::new(), weekdays: HashMap::new(), scales: HashMap::new() };
        let mut weekday = 0;
        for line in data!("consistency.tsv").lines().filter(|l| !l.starts_with('#')) {
            let Some((class, list)) = line.split_once('\t') else {
                continue;
            };
            let bit = match class {
                "weekday" => {
                    w.weekdays.extend(list.split(' ').map(|s| (s, weekday)));
                    weekday += 1;
                    continue;
                }
                "scale" => {
                    let pairs = list.split(' ').filter_map(|p| p.split_once('='));
                    w.scales.extend(pairs.filter_map(|(s, v)| Some((s, v.parse().ok()?))));
                    continue;
                }
                "relative" => Word::Relative,
                "forward" => Word::Forward,
                "ahead" => Word::Ahead,
                "whole" => Word::Whole,
                "growth" => Word::Growth,
                "extra" => Word::Extra,
                "share" => Word::Share,
                "function" => Word::Function,
                "contrast" => Word::Contrast,
                "either" => Word::Either,
                _ => continue,
            };
            for word in list.split(' ') {
                *w.classes.entry(word).or_default() |= bit as u16;
            }
        }
        w
    })
}

const WEEKDAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// How many tokens either side of a claim the checks look at.
const WINDOW: usize = 12;

/// How far either side of a date a word that looks ahead clears it: about a sentence.
const SENTENCE: usize = 30;

/// Longer claims are no claim a finder makes; skipping them keeps every check linear.
const MAX_CLAIM_TOKENS: usize = 24;

/// The text, its tokens and sentences, and where each claim sits among them.
struct Article<'a> {
    text: Text<'a>,
    claims: &'a [Claim],
    /// Claim indices in text order, with their first and last token; bad claims left out.
    order: Vec<(usize, usize, usize)>,
    /// The claim covering each token, if any.
    claim_at: Vec<Option<usize>>,
    /// The sentence number of each token.
    sentence: Vec<u32>,
    dct: Date,
    words: &'static Words,
}

impl<'a> Article<'a> {
    fn new(src: &'a str, claims: &'a [Claim], dct: Date) -> Self {
        let text = Text::new(src);
        let words = words();
        let mut order = Vec::new();
        let mut claim_at = vec![None; text.tokens.len()];
        for (i, span) in byte_spans(src, claims).into_iter().enumerate() {
            let Some(span) = span else { continue };
            let first = text.tokens.partition_point(|t| t.end <= span.start);
            let after = text.tokens.partition_point(|t| t.start < span.end);
            if first < after && after - first <= MAX_CLAIM_TOKENS {
                order.push((i, first, after - 1));
                claim_at[first..after].iter_mut().for_each(|c| *c = Some(i));
            }
        }
        order.sort_by_key(|&(_, first, _)| first);
        let sentence = sentences(&text);
        Article { text, claims, order, claim_at, sentence, dct, words }
    }

    fn has(&self, i: usize, class: Word) -> bool {
        let w = self.text.get(i).to_lowercase();
        self.words.classes.get(w.as_str()).is_some_and(|c| c & class as u16 != 0)
    }

    /// The weekday token `i` names (0 for Monday): a capitalised full name, or an
    /// abbreviation with its full stop (`Wed.`), so that `The Sun` names no day.
    fn weekday(&self, i: usize) -> Option<i8> {
        let short = self.text.get(i).len() < 6;
        if !self.text.is_capitalised(i) || (short && !(self.text.get(i + 1) == "." && self.text.touches_next(i))) {
            return None;
        }
        self.words.weekdays.get(self.text.get(i).to_lowercase().as_str()).copied()
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.text.span(first, last)
    }

    /// Token indices of the sentence around `i`, at most `WINDOW` either side.
    fn window(&self, first: usize, last: usize, width: usize) -> Range<usize> {
        let s = self.sentence[first];
        let mut a = first;
        while a > 0 && first - a < width && self.sentence[a - 1] == s {
            a -= 1;
        }
        let mut b = last + 1;
        while b < self.text.tokens.len() && b - last <= width && self.sentence[b] == s {
            b += 1;
        }
        a..b
    }

    fn dates(&self) -> impl Iterator<Item = (usize, usize, usize, Date, Date)> + '_ {
        self.order.iter().filter_map(|&(i, first, last)| match &self.claims[i].value {
            Value::Date { start, end, .. } => Some((i, first, last, *start, *end)),
            _ => None,
        })
    }

    fn quantities(&self) -> impl Iterator<Item = (usize, usize, usize, Option<f64>, Option<f64>, Unit)> + '_ {
        self.order.iter().filter_map(|&(i, first, last)| match &self.claims[i].value {
            Value::Quantity { low, high, unit } => Some((i, first, last, *low, *high, *unit)),
            _ => None,
        })
    }
}

/// The sentence number of every token: a new sentence after a sentence end as the date
/// finder reads it (`.` not closing an abbreviation such as `Jan.` or `U.S.`, `!`, `?`, `;`),
/// past any closing quotes or brackets, and at every block.
fn sentences(text: &Text) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.tokens.len());
    let (mut id, mut ended) = (0, false);
    for (i, t) in text.tokens.iter().enumerate() {
        if i > 0 && (t.gap == Gap::Block || (ended && t.gap != Gap::None)) {
            id += 1;
        }
        out.push(id);
        ended = tense::ends_sentence(text, i) || (ended && matches!(text.str(i), "\"" | "”" | "’" | "'" | ")"));
    }
    out
}
