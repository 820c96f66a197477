//! The checks on figures: one subject counted twice with figures that disagree, a share above
//! 100%, a range written from high to low.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use super::{Article, Check, Draft, Word, WINDOW};
use crate::claim::{CountryCode, Kind, Unit, Value};
use crate::token::Class;

impl Article<'_> {
    /// Two counts of one subject — same unit, same counted noun, same country, same time —
    /// that do not agree even allowing 10% for rounding. A much smaller figure is usually a
    /// part of the whole, and figures in one sentence usually come from different sources,
    /// so neither is compared.
    pub(super) fn recounts(&self, out: &mut Vec<Draft>) {
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
            let value = Interval { low: low.unwrap_or(f64::NEG_INFINITY), high: high.unwrap_or(f64::INFINITY), when };
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
                    out.push(Draft { code: Check::Recount, message, places });
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
        let after = (self.text.is(t + 1, "from") || self.text.is(t + 1, "of")).then(|| country(t + 2)).flatten();
        let before =
            (first.saturating_sub(WINDOW)..first).rev().take_while(|&b| self.sentence[b] == sentence).find_map(country);
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
            (self.dct.checked_sub(jiff::SignedDuration::from_hours(24 * 31)).unwrap_or(self.dct), self.dct)
        })
    }

    /// A percentage above 100 that is a share of a whole (`120% of voters`, `a turnout of
    /// 120%`), not a change (`rose 150%`).
    pub(super) fn percents(&self, out: &mut Vec<Draft>) {
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
            let message =
                format!("{} is a share of a whole here, and a share cannot be more than 100%.", self.claims[i].text);
            out.push(Draft { code: Check::Percent, message, places: vec![(self.span(first, last), Some(i))] });
        }
    }

    /// A quantity or date whose low end is above its high end, as the finder read it or as
    /// the text writes it (`between 50 and 20`, `50-20`).
    pub(super) fn ranges(&self, out: &mut Vec<Draft>) {
        for &(i, first, last) in &self.order {
            let backwards = match &self.claims[i].value {
                Value::Quantity { low: Some(l), high: Some(h), .. } => l > h,
                Value::Date { start, end, .. } => start > end,
                _ => false,
            };
            if backwards || self.written_backwards(first, last) {
                let message =
                    format!("The range {} runs from high to low: its first figure is the larger.", self.claims[i].text);
                out.push(Draft { code: Check::Range, message, places: vec![(self.span(first, last), Some(i))] });
            } else if let Some(b) = self.split_range_backwards(first, last) {
                let whole = self.text.src.get(self.span(first, b)).unwrap_or_default();
                let message = format!("The range {whole} runs from high to low: its first figure is the larger.");
                let mut places = vec![(self.span(first, last), Some(i))];
                if let Some(j) = self.claim_at[last + 2].filter(|&j| j != i) {
                    let (_, f, l) = self.order.iter().copied().find(|&(c, _, _)| c == j).unwrap_or((j, last + 2, b));
                    places.push((self.span(f, l), Some(j)));
                }
                out.push(Draft { code: Check::Range, message, places });
            }
        }
    }

    /// A range a finder read as two quantities: `between 50` and `20`, or `50`-`20`. Returns
    /// the last token of the second figure when the first is the larger.
    fn split_range_backwards(&self, first: usize, last: usize) -> Option<usize> {
        if !matches!(self.claims.get(self.claim_at[first]?)?.value, Value::Quantity { .. }) {
            return None;
        }
        let between_at = if self.text.is(first, "between") { Some(first) } else { first.checked_sub(1) };
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
        let written: String = (start..=end).map(|t| self.text.str(t)).collect::<String>().replace(',', "");
        let digits: String =
            written.chars().map(|c| crate::token::digit_value(c).map_or(c, |d| char::from(b'0' + d as u8))).collect();
        let value: f64 = digits.parse().ok()?;
        let scale = self.words.scales.get(self.text.get(end + 1).to_lowercase().as_str()).copied();
        Some((value, scale, end + 1 + usize::from(scale.is_some())))
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
        let (lo, hi) = if self.high < other.low { (self, other) } else { (other, self) };
        let apart = lo.high * 1.1 < hi.low;
        apart && lo.high.is_finite() && hi.low <= lo.high * 2.0
    }
}
