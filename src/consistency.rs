//! Checks that need nothing but the article: places where the text disagrees with itself
//! or with the calendar. Each finding is a note for an editor, not a verdict; it links every
//! place involved so the reader can see both.
//!
//! The checks read the scanner's claims plus a few words around them, inside bounded
//! windows of tokens, so a whole check is linear in the text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Serialize;

use crate::claim::{Claim, CountryCode, Kind, Unit, Value};
use crate::date::tense::{self, Tense};
use crate::offsets::{byte_spans, utf16_offsets};
use crate::options::Options;
use crate::token::{Class, Gap, Text};

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
    let mut marks: Vec<usize> = drafts
        .iter()
        .flat_map(|d| d.places.iter().flat_map(|(s, _)| [s.start, s.end]))
        .collect();
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
        let mut w = Words {
            classes: HashMap::new(),
            weekdays: HashMap::new(),
            scales: HashMap::new(),
        };
        let mut weekday = 0;
        for line in include_str!("data/consistency.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
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

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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
        Article {
            text,
            claims,
            order,
            claim_at,
            sentence,
            dct,
            words,
        }
    }

    fn has(&self, i: usize, class: Word) -> bool {
        let w = self.text.get(i).to_lowercase();
        self.words
            .classes
            .get(w.as_str())
            .is_some_and(|c| c & class as u16 != 0)
    }

    /// The weekday token `i` names (0 for Monday): a capitalised full name, or an
    /// abbreviation with its full stop (`Wed.`), so that `The Sun` names no day.
    fn weekday(&self, i: usize) -> Option<i8> {
        let short = self.text.get(i).len() < 6;
        if !self.text.is_capitalised(i) || (short && !(self.text.get(i + 1) == "." && self.text.touches_next(i))) {
            return None;
        }
        self.words
            .weekdays
            .get(self.text.get(i).to_lowercase().as_str())
            .copied()
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
        self.order
            .iter()
            .filter_map(|&(i, first, last)| match &self.claims[i].value {
                Value::Date { start, end, .. } => Some((i, first, last, *start, *end)),
                _ => None,
            })
    }

    fn quantities(&self) -> impl Iterator<Item = (usize, usize, usize, Option<f64>, Option<f64>, Unit)> + '_ {
        self.order
            .iter()
            .filter_map(|&(i, first, last)| match &self.claims[i].value {
                Value::Quantity { low, high, unit } => Some((i, first, last, *low, *high, *unit)),
                _ => None,
            })
    }

    /// A weekday named in a one-day date claim, just before it (`Monday, Jan. 11`), or just
    /// after it in brackets (`Jan. 11 (Monday)`), that is not the weekday of the date.
    fn weekdays(&self, out: &mut Vec<Draft>) {
        for (i, first, last, start, end) in self.dates() {
            if start != end {
                continue;
            }
            let inside = (first..=last).find_map(|t| Some((t, self.weekday(t)?)));
            let mut before = first;
            while before > 0 && first - before < 3 && matches!(self.text.get(before - 1), "," | "(" | "—" | "–") {
                before -= 1;
            }
            let before = before.checked_sub(1).and_then(|t| Some((t, self.weekday(t)?)));
            let after = (self.text.get(last + 1) == "(")
                .then(|| (last + 2, self.weekday(last + 2)))
                .and_then(|(t, w)| Some((t, w?)));
            let Some((t, named)) = inside.or(before).or(after) else {
                continue;
            };
            // Without a year, the day a reader takes is the one nearest the publication date,
            // whatever year a finder chose to fit the weekday.
            let nearest = if self.has_year(first, last) {
                start
            } else {
                nearest_day(self.dct, start).unwrap_or(start)
            };
            let actual = nearest.weekday().to_monday_zero_offset();
            if actual == named {
                continue;
            }
            let date = &self.claims[i].text;
            let (actual, named) = (WEEKDAY_NAMES[actual as usize], WEEKDAY_NAMES[named as usize]);
            let message = if nearest == start {
                format!("{date} falls on a {actual}, not a {named}.")
            } else {
                format!("{date} (nearest the publication date: {nearest}) falls on a {actual}, not a {named}.")
            };
            let mut places = vec![(self.span(first, last), Some(i))];
            if !(first..=last).contains(&t) {
                places.push((self.span(t, t), self.claim_at[t]));
            }
            out.push(Draft {
                code: Check::Weekday,
                message,
                places,
            });
        }
    }

    /// Whether a date claim writes its year (four digits).
    fn has_year(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|t| self.text.tokens[t].class == Class::Number && self.text.str(t).chars().count() == 4)
    }

    /// Whether a date claim is relative to the publication date (`yesterday`, `last week`)
    /// and not tied to the calendar by a number.
    fn is_relative(&self, first: usize, last: usize) -> bool {
        let numbered = (first..=last).any(|t| self.text.tokens[t].class == Class::Number);
        let weekday = (first..=last).any(|t| self.weekday(t).is_some());
        !numbered && !weekday && (first..=last).any(|t| self.has(t, Word::Relative))
    }

    fn is_absolute(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|t| self.text.tokens[t].class == Class::Number)
            && !(first..=last).any(|t| self.has(t, Word::Relative))
    }

    /// A relative and an absolute date side by side (`yesterday, Jan. 9`, `Jan. 9 (yesterday)`)
    /// name one day; if their days do not meet, the text contradicts itself.
    fn relative_dates(&self, out: &mut Vec<Draft>) {
        let dates: Vec<_> = self.dates().collect();
        for pair in dates.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let between = a.2 + 1..b.1;
            let joined = between.len() <= 3
                && self.sentence[a.2] == self.sentence[b.1]
                && between
                    .clone()
                    .all(|t| matches!(self.text.get(t), "," | "(" | ")" | "—" | "–" | "-") || self.text.is(t, "on"));
            let mixed = (self.is_relative(a.1, a.2) && self.is_absolute(b.1, b.2))
                || (self.is_absolute(a.1, a.2) && self.is_relative(b.1, b.2));
            // `yesterday, Jan. 5 and Jan. 7` is a list, not one day named twice.
            let listed = ["and", "or", "&"].iter().any(|w| self.text.is(b.2 + 1, w))
                || (self.text.get(b.2 + 1) == "," && self.claim_at.get(b.2 + 2).copied().flatten().is_some());
            if !joined || !mixed || listed || (a.3 <= b.4 && b.3 <= a.4) {
                continue;
            }
            let (ta, tb) = (&self.claims[a.0].text, &self.claims[b.0].text);
            let message =
                format!(
                "{ta} and {tb} seem to name the same day, but counted from the publication date ({}) {} is {}, not {}.",
                self.dct,
                if self.is_relative(a.1, a.2) { ta } else { tb },
                show_days(if self.is_relative(a.1, a.2) { (a.3, a.4) } else { (b.3, b.4) }),
                show_days(if self.is_relative(a.1, a.2) { (b.3, b.4) } else { (a.3, a.4) }),
            );
            let places = vec![(self.span(a.1, a.2), Some(a.0)), (self.span(b.1, b.2), Some(b.0))];
            out.push(Draft {
                code: Check::RelativeDate,
                message,
                places,
            });
        }
    }

    /// Two counts of one subject — same unit, same counted noun, same country, same time —
    /// that do not agree even allowing 10% for rounding. A much smaller figure is usually a
    /// part of the whole, and figures in one sentence usually come from different sources,
    /// so neither is compared.
    fn recounts(&self, out: &mut Vec<Draft>) {
        let mut seen: HashMap<Subject, Vec<(usize, usize, usize, Interval)>> = HashMap::new();
        let mut reported = HashSet::new();
        for (i, first, last, low, high, unit) in self.quantities() {
            if !matches!(unit, Unit::Personnel | Unit::Equipment | Unit::People) {
                continue;
            }
            let Some((noun, country)) = self.subject(first, last) else {
                continue;
            };
            let when = self.when(first, last);
            let value = Interval {
                low: low.unwrap_or(f64::NEG_INFINITY),
                high: high.unwrap_or(f64::INFINITY),
                when,
            };
            let earlier = seen.entry((unit, noun.clone(), country)).or_default();
            let clash = earlier.iter().find(|&&(_, f, _, v)| {
                self.sentence[f] != self.sentence[first] && v.meets_in_time(&value) && v.disagrees(&value)
            });
            if let Some(&(j, f, l, _)) = clash {
                if reported.insert((j, low.map(f64::to_bits), high.map(f64::to_bits))) {
                    let message = format!(
                        "The same {noun} ({country}) seem to be counted differently: {} in one place, {} in another. \
                         Worth a look: both may be right for different dates or sources.",
                        self.claims[j].text, self.claims[i].text
                    );
                    let places = vec![(self.span(f, l), Some(j)), (self.span(first, last), Some(i))];
                    out.push(Draft {
                        code: Check::Recount,
                        message,
                        places,
                    });
                }
            } else if earlier.len() < 4 {
                earlier.push((i, first, last, value));
            }
        }
    }

    /// The counted noun (`troops`) and the country of a quantity: a country claim between
    /// the number and the noun (`100,000 Russian troops`), or after it (`troops from
    /// Russia`), or else the nearest one before it in its sentence (`Russia has massed …`).
    fn subject(&self, first: usize, last: usize) -> Option<(String, CountryCode)> {
        let country = |t: usize| match self.claim_at.get(t).copied().flatten().map(|c| &self.claims[c].value) {
            Some(Value::Country(cc)) => Some(*cc),
            _ => None,
        };
        let mut t = last + 1;
        let mut local = None;
        while t <= last + 4 {
            match country(t) {
                Some(cc) => local = Some(cc),
                None if self.text.is(t, "of") => {}
                None => break,
            }
            t += 1;
        }
        let not_noun = self.has(t, Word::Extra) || self.has(t, Word::Function) || self.text.is_capitalised(t);
        if self.text.tokens.get(t)?.class != Class::Word || not_noun {
            return None;
        }
        let noun = self.text.str(t).to_lowercase();
        let sentence = self.sentence[first];
        let after = (self.text.is(t + 1, "from") || self.text.is(t + 1, "of"))
            .then(|| country(t + 2))
            .flatten();
        let before = (first.saturating_sub(WINDOW)..first)
            .rev()
            .take_while(|&b| self.sentence[b] == sentence)
            .find_map(country);
        Some((noun, local.or(after).or(before)?))
    }

    /// The days a quantity's sentence speaks of: its date claims, or else the month up to
    /// the publication date.
    fn when(&self, first: usize, last: usize) -> (Date, Date) {
        let mut days: Option<(Date, Date)> = None;
        for t in self.window(first, last, WINDOW) {
            if let Some(Value::Date { start, end, .. }) = self.claim_at[t].map(|c| &self.claims[c].value) {
                days = Some(days.map_or((*start, *end), |(s, e)| (s.min(*start), e.max(*end))));
            }
        }
        days.unwrap_or_else(|| {
            (
                self.dct.checked_sub(jiff::Span::new().days(31)).unwrap_or(self.dct),
                self.dct,
            )
        })
    }

    /// A percentage above 100 that is a share of a whole (`120% of voters`, `a turnout of
    /// 120%`), not a change (`rose 150%`).
    fn percents(&self, out: &mut Vec<Draft>) {
        for (i, first, last, low, high, unit) in self.quantities() {
            let top = low.into_iter().chain(high).fold(f64::NEG_INFINITY, f64::max);
            if unit != Unit::Percent || top <= 100.0 {
                continue;
            }
            let growth = (first.saturating_sub(3)..first).any(|t| self.has(t, Word::Growth));
            let of_whole = self.text.is(last + 1, "of")
                && (last + 2..last + 5).any(|t| {
                    self.has(t, Word::Whole)
                        || self
                            .claim_at
                            .get(t)
                            .copied()
                            .flatten()
                            .is_some_and(|c| self.claims[c].value.kind() == Kind::Country)
                });
            let share_near =
                self.has(last + 1, Word::Share) || (first.saturating_sub(3)..first).any(|t| self.has(t, Word::Share));
            if growth || !(of_whole || share_near) {
                continue;
            }
            let message = format!(
                "{} is a share of a whole here, and a share cannot be more than 100%.",
                self.claims[i].text
            );
            out.push(Draft {
                code: Check::Percent,
                message,
                places: vec![(self.span(first, last), Some(i))],
            });
        }
    }

    /// A quantity or date whose low end is above its high end, as the finder read it or as
    /// the text writes it (`between 50 and 20`, `50-20`).
    fn ranges(&self, out: &mut Vec<Draft>) {
        for &(i, first, last) in &self.order {
            let backwards = match &self.claims[i].value {
                Value::Quantity {
                    low: Some(l),
                    high: Some(h),
                    ..
                } => l > h,
                Value::Date { start, end, .. } => start > end,
                _ => false,
            };
            if backwards || self.written_backwards(first, last) {
                let message = format!(
                    "The range {} runs from high to low: its first figure is the larger.",
                    self.claims[i].text
                );
                out.push(Draft {
                    code: Check::Range,
                    message,
                    places: vec![(self.span(first, last), Some(i))],
                });
            } else if let Some(b) = self.split_range_backwards(first, last) {
                let whole = self.text.src.get(self.span(first, b)).unwrap_or_default();
                let message = format!("The range {whole} runs from high to low: its first figure is the larger.");
                let mut places = vec![(self.span(first, last), Some(i))];
                if let Some(j) = self.claim_at[last + 2].filter(|&j| j != i) {
                    let (_, f, l) = self
                        .order
                        .iter()
                        .copied()
                        .find(|&(c, _, _)| c == j)
                        .unwrap_or((j, last + 2, b));
                    places.push((self.span(f, l), Some(j)));
                }
                out.push(Draft {
                    code: Check::Range,
                    message,
                    places,
                });
            }
        }
    }

    /// A range a finder read as two quantities: `between 50` and `20`, or `50`-`20`. Returns
    /// the last token of the second figure when the first is the larger.
    fn split_range_backwards(&self, first: usize, last: usize) -> Option<usize> {
        if !matches!(self.claims.get(self.claim_at[first]?)?.value, Value::Quantity { .. }) {
            return None;
        }
        let between_at = if self.text.is(first, "between") {
            Some(first)
        } else {
            first.checked_sub(1)
        };
        let between = between_at.is_some_and(|b| {
            // `the difference between 94 and 72` compares two figures; it is no range.
            self.text.is(b, "between") && !b.checked_sub(1).is_some_and(|c| self.has(c, Word::Contrast))
        });
        let joined = (between && self.text.is(last + 1, "and")) || matches!(self.text.get(last + 1), "-" | "–");
        let b_first = last + 2;
        if !joined || self.text.tokens.get(b_first)?.class != Class::Number {
            return None;
        }
        let (a, a_scale, _) = self.number(first, last)?;
        let (b, b_scale, after) = self.number(b_first, (b_first + 6).min(self.text.tokens.len() - 1))?;
        let a_scale = a_scale.or(b_scale).unwrap_or(1.0);
        (a * a_scale > b * b_scale.unwrap_or(1.0)).then_some(after.saturating_sub(1).max(b_first))
    }

    /// Whether the tokens `first..=last` write a range `A-B`, `A to B` or `between A and B`
    /// with A above B (a scale word after B alone applies to both: `5 to 10 million`).
    fn written_backwards(&self, first: usize, last: usize) -> bool {
        let Some((a, a_scale, next)) = self.number(first, last) else {
            return false;
        };
        let sep = next;
        let joined =
            matches!(self.text.get(sep), "-" | "–" | "—") || self.text.is(sep, "to") || self.text.is(sep, "and");
        if !joined || sep >= last {
            return false;
        }
        if self.text.tokens[sep + 1].class != Class::Number {
            return false;
        }
        let Some((b, b_scale, _)) = self.number(sep + 1, last) else {
            return false;
        };
        let short_year = (1000.0..3000.0).contains(&a) && a.fract() == 0.0 && b < 100.0;
        !short_year && a * a_scale.or(b_scale).unwrap_or(1.0) > b * b_scale.unwrap_or(1.0)
    }

    /// The first number in `from..=last` (`1,500`, `2.5`), its scale word if any, and the
    /// token after them.
    fn number(&self, from: usize, last: usize) -> Option<(f64, Option<f64>, usize)> {
        let start = (from..=last).find(|&t| self.text.tokens[t].class == Class::Number)?;
        let mut end = start;
        while end + 2 <= last
            && matches!(self.text.get(end + 1), "," | ".")
            && self.text.touches_next(end)
            && self.text.touches_next(end + 1)
            && self.text.tokens[end + 2].class == Class::Number
        {
            end += 2;
        }
        let written: String = (start..=end)
            .map(|t| self.text.str(t))
            .collect::<String>()
            .replace(',', "");
        let digits: String = written
            .chars()
            .map(|c| crate::token::digit_value(c).map_or(c, |d| char::from(b'0' + d as u8)))
            .collect();
        let value: f64 = digits.parse().ok()?;
        let scale = self
            .words
            .scales
            .get(self.text.get(end + 1).to_lowercase().as_str())
            .copied();
        Some((value, scale, end + 1 + usize::from(scale.is_some())))
    }

    /// A date after the publication date, named with its year (or as `tomorrow`/`next …`),
    /// in a clause told in the past tense with nothing looking ahead.
    fn future_past(&self, out: &mut Vec<Draft>) {
        for (i, first, last, start, _) in self.dates() {
            if start <= self.dct {
                continue;
            }
            let year = self.has_year(first, last);
            let forward = (first..=last).any(|t| self.has(t, Word::Forward));
            let bare_year = year && first == last;
            let introduced = first > 0
                && ["in", "during", "on", "throughout"]
                    .iter()
                    .any(|w| self.text.is(first - 1, w));
            if !(year || forward) || (bare_year && !introduced) {
                continue;
            }
            let ahead = |t: usize| self.has(t, Word::Ahead) || tense::cue(&self.text, t, t < first) == Tense::Future;
            if self
                .window(first, last, SENTENCE)
                .any(|t| !(first..=last).contains(&t) && ahead(t))
            {
                continue;
            }
            // Without a year (`next week`), only a verb before the date counts: in `next year,
            // already approved` the participle describes the thing, not the time.
            let Some(verb) = self.past_verb_near(first, last, year) else {
                continue;
            };
            let message = format!(
                "{} is after the publication date ({}), but the sentence tells it in the past tense.",
                self.claims[i].text, self.dct
            );
            let places = vec![(self.span(first, last), Some(i)), (self.span(verb, verb), None)];
            out.push(Draft {
                code: Check::FuturePast,
                message,
                places,
            });
        }
    }

    /// A past-tense verb in the clause of a claim: up to 8 tokens before it, or 6 after it
    /// (past one comma right after it: `On March 3, 2023, troops attacked`).
    fn past_verb_near(&self, first: usize, last: usize, or_after: bool) -> Option<usize> {
        let s = self.sentence[first];
        let stop = |t: usize| {
            self.sentence[t] != s || matches!(self.text.get(t), "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")")
        };
        let before = (first.saturating_sub(8)..first)
            .rev()
            .take_while(|&t| !stop(t))
            .find(|&t| self.is_past(t, first));
        let from = if self.text.get(last + 1) == "," {
            last + 2
        } else {
            last + 1
        };
        let end = if or_after {
            (from + 6).min(self.text.tokens.len())
        } else {
            from
        };
        before.or_else(|| (from..end).take_while(|&t| !stop(t)).find(|&t| self.is_past(t, first)))
    }

    /// A past-tense verb, by the date finder's tense cues (`was`, `said`, `attacked`), but not
    /// one that is as often present (`have slots next week`, `you put me there next year`).
    fn is_past(&self, t: usize, first: usize) -> bool {
        let wont = self.text.is(t, "won") && matches!(self.text.get(t + 1), "'" | "’") && self.text.is(t + 2, "t");
        !wont && !self.has(t, Word::Either) && tense::cue(&self.text, t, t < first) == Tense::Past
    }
}

/// The day with `day`'s month and day of month nearest `dct` (a year before, the same year,
/// a year after).
fn nearest_day(dct: Date, day: Date) -> Option<Date> {
    let years = [dct.year() - 1, dct.year(), dct.year() + 1];
    let days = years
        .into_iter()
        .filter_map(|y| Date::new(y, day.month(), day.day()).ok());
    days.min_by_key(|d| d.until(dct).map_or(i32::MAX, |s| s.get_days().saturating_abs()))
}

fn show_days((start, end): (Date, Date)) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start} to {end}")
    }
}

/// What a count counts: its unit, counted noun and country.
type Subject = (Unit, String, CountryCode);

/// A count as an interval, with the days it speaks of.
#[derive(Clone, Copy)]
struct Interval {
    low: f64,
    high: f64,
    when: (Date, Date),
}

impl Interval {
    fn meets_in_time(&self, other: &Interval) -> bool {
        self.when.0 <= other.when.1 && other.when.0 <= self.when.1
    }

    /// Apart by more than 10% for rounding, yet within a factor of two.
    fn disagrees(&self, other: &Interval) -> bool {
        let (lo, hi) = if self.high < other.low {
            (self, other)
        } else {
            (other, self)
        };
        let apart = lo.high * 1.1 < hi.low;
        apart && lo.high.is_finite() && hi.low <= lo.high * 2.0
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
