//! The checks on dates: a weekday that is not the date's, a relative date beside an absolute
//! one for another day, a later date told in the past tense.

use jiff::civil::Date;

use super::{Article, Check, Draft, Word, SENTENCE, WEEKDAY_NAMES};
use crate::date::tense::{self, Tense};
use crate::token::Class;

impl Article<'_> {
    /// A weekday named in a one-day date claim, just before it (`Monday, Jan. 11`), or just
    /// after it in brackets (`Jan. 11 (Monday)`), that is not the weekday of the date.
    pub(super) fn weekdays(&self, out: &mut Vec<Draft>) {
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
            let nearest =
                if self.has_year(first, last) { start } else { nearest_day(self.dct, start).unwrap_or(start) };
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
            out.push(Draft { code: Check::Weekday, message, places });
        }
    }

    /// Whether a date claim writes its year (four digits).
    pub(super) fn has_year(&self, first: usize, last: usize) -> bool {
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
    pub(super) fn relative_dates(&self, out: &mut Vec<Draft>) {
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
            let message = format!(
                "{ta} and {tb} seem to name the same day, but counted from the publication date ({}) {} is {}, not {}.",
                self.dct,
                if self.is_relative(a.1, a.2) { ta } else { tb },
                show_days(if self.is_relative(a.1, a.2) { (a.3, a.4) } else { (b.3, b.4) }),
                show_days(if self.is_relative(a.1, a.2) { (b.3, b.4) } else { (a.3, a.4) }),
            );
            let places = vec![(self.span(a.1, a.2), Some(a.0)), (self.span(b.1, b.2), Some(b.0))];
            out.push(Draft { code: Check::RelativeDate, message, places });
        }
    }

    /// A date after the publication date, named with its year (or as `tomorrow`/`next …`),
    /// in a clause told in the past tense with nothing looking ahead.
    pub(super) fn future_past(&self, out: &mut Vec<Draft>) {
        for (i, first, last, start, _) in self.dates() {
            if start <= self.dct {
                continue;
            }
            let year = self.has_year(first, last);
            let forward = (first..=last).any(|t| self.has(t, Word::Forward));
            let bare_year = year && first == last;
            let introduced =
                first > 0 && ["in", "during", "on", "throughout"].iter().any(|w| self.text.is(first - 1, w));
            if !(year || forward) || (bare_year && !introduced) {
                continue;
            }
            let ahead = |t: usize| self.has(t, Word::Ahead) || tense::cue(&self.text, t, t < first) == Tense::Future;
            if self.window(first, last, SENTENCE).any(|t| !(first..=last).contains(&t) && ahead(t)) {
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
            out.push(Draft { code: Check::FuturePast, message, places });
        }
    }

    /// A past-tense verb in the clause of a claim: up to 8 tokens before it, or 6 after it
    /// (past one comma right after it: `On March 3, 2023, troops attacked`).
    fn past_verb_near(&self, first: usize, last: usize, or_after: bool) -> Option<usize> {
        let s = self.sentence[first];
        let stop = |t: usize| {
            self.sentence[t] != s || matches!(self.text.get(t), "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")")
        };
        let before = (first.saturating_sub(8)..first).rev().take_while(|&t| !stop(t)).find(|&t| self.is_past(t, first));
        let from = if self.text.get(last + 1) == "," { last + 2 } else { last + 1 };
        let end = if or_after { (from + 6).min(self.text.tokens.len()) } else { from };
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
    let days = years.into_iter().filter_map(|y| Date::new(y, day.month(), day.day()).ok());
    days.min_by_key(|d| (d.duration_until(dct).as_hours() / 24).abs())
}

fn show_days((start, end): (Date, Date)) -> String {
    if start == end {
        crate::claim::iso(start)
    } else {
        format!("{} to {}", crate::claim::iso(start), crate::claim::iso(end))
    }
}
