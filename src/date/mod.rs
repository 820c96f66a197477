//! The date finder: calendar dates, months, years, decades, weekdays, relative expressions
//! (`last week`, `two years ago`, `the past four years`), seasons and holidays, each
//! resolved against the publication date (the DCT) as `shared/claims/ANNOTATION.md` says.
//!
//! The finder walks the tokens once; at each token it tries the patterns below, each of
//! which looks at a few tokens around it, and keeps the longest match. Words live in
//! `src/data/dates.tsv` (`lexicon.rs`), calendar arithmetic in `calendar.rs` (through jiff),
//! and the past/future guess that picks which `Monday` is meant in `tense.rs`.

mod calendar;
mod lexicon;
pub(crate) mod tense;

use jiff::civil::Date;

use self::calendar::{Period, Third, Whole};
use self::lexicon::{fold, Grain, Lexicon, Rule, Word};
use self::tense::Tense;
use crate::claim::Value;
use crate::options::Options;
use crate::scan::Candidate;
use crate::token::{Class, Gap, Text};

/// A match: the index of its last token and the period it names.
type Match = Option<(usize, Period)>;

/// Proposes date claims.
pub(crate) fn find(text: &Text, options: &Options, out: &mut Vec<Candidate>) {
    let lex = Lexicon::get();
    let words = (0..text.tokens.len()).map(|i| lex.words(text, i)).collect();
    let finder = Finder { text, lex, words, dct: options.date() };
    let mut i = 0;
    while i < text.tokens.len() {
        match finder.at(i) {
            Some((last, p)) => {
                let value = Value::Date { start: p.start, end: p.end, timex: p.timex };
                out.push(Candidate { span: text.span(i, last), value });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

struct Finder<'t, 'a> {
    text: &'t Text<'a>,
    lex: &'static Lexicon,
    /// The meanings of each token, looked up once.
    words: Vec<&'static [Word]>,
    dct: Date,
}

/// Which occurrence a relative word asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    Last,
    This,
    Next,
}

impl Finder<'_, '_> {
    // ---- token helpers ----

    fn words(&self, i: usize) -> &'static [Word] {
        self.words.get(i).copied().unwrap_or(&[])
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.text.is(i, word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.is(i, w))
    }

    /// Token `i` exists and follows `i - 1` within the same block.
    fn joins(&self, i: usize) -> bool {
        self.text.tokens.get(i).is_some_and(|t| t.gap != Gap::Block)
    }

    fn touches(&self, i: usize) -> bool {
        self.text.tokens.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    fn class(&self, i: usize) -> Option<Class> {
        self.text.tokens.get(i).map(|t| t.class)
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, words)
    }

    fn prev_is_prep(&self, i: usize) -> bool {
        i > 0 && self.words(i - 1).contains(&Word::Prep)
    }

    /// The digits of number token `i` and how many there are (at most nine).
    fn number(&self, i: usize) -> Option<(i64, usize)> {
        if self.class(i)? != Class::Number {
            return None;
        }
        let s = self.text.str(i);
        let digits = s.chars().count();
        if digits > 9 {
            return None;
        }
        let value = s.chars().try_fold(0i64, |n, c| Some(n * 10 + i64::from(crate::token::digit_value(c)?)))?;
        Some((value, digits))
    }

    /// A number glued to its neighbours by `,` `.` `:` `/` is part of something else
    /// (`2,014`, `20.14`, `10:30`, `1/2014`).
    fn glued(&self, i: usize) -> bool {
        let joiner = |p: usize| self.is_any(p, &[",", ".", ":", "/"]);
        let before = i >= 2
            && self.touches(i)
            && joiner(i - 1)
            && self.touches(i - 1)
            && self.class(i - 2) == Some(Class::Number);
        let after =
            self.touches(i + 1) && joiner(i + 1) && self.touches(i + 2) && self.class(i + 2) == Some(Class::Number);
        before || after
    }

    /// A day of the month at `i` (`10`, `10th`): the day and the last token.
    fn day_number(&self, i: usize) -> Option<(i8, usize)> {
        let (d, digits) = self.number(i)?;
        if digits > 2 || !(1..=31).contains(&d) || self.glued(i) || !self.joins(i) {
            return None;
        }
        if self.touches(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
            return Some((d as i8, i + 1));
        }
        if self.touches(i + 1) && (self.class(i + 1) == Some(Class::Word) || self.is(i + 1, "%")) {
            return None;
        }
        Some((d as i8, i))
    }

    /// A four-digit number at `i` that can be a year.
    fn year_number(&self, i: usize) -> Option<i64> {
        let (y, digits) = self.number(i)?;
        (digits == 4 && self.joins(i) && !self.glued(i)).then_some(y)
    }

    /// A count at `i`: digits or a spelled number.
    fn count(&self, i: usize) -> Option<i64> {
        if let Some((n, digits)) = self.number(i) {
            return (digits <= 4 && !self.glued(i)).then_some(n);
        }
        self.words(i).iter().find_map(|w| if let Word::Number(n) = w { Some(*n) } else { None })
    }

    fn unit(&self, i: usize) -> Option<(Grain, i64)> {
        self.words(i).iter().find_map(|w| if let Word::Unit(g, n) = w { Some((*g, *n)) } else { None })
    }

    fn weekday(&self, i: usize) -> Option<i8> {
        if !self.text.is_capitalised(i) {
            return None;
        }
        self.words(i).iter().find_map(|w| if let Word::Weekday(n, false) = w { Some(*n) } else { None })
    }

    fn is_part(&self, i: usize) -> bool {
        self.joins(i) && self.words(i).contains(&Word::Part)
    }

    /// A month name at `i`: the month, its last token (after an abbreviation's `.`) and
    /// whether it needs a day, a year or a date word beside it (`Jan`, `May`, `March`).
    fn month(&self, i: usize) -> Option<(i8, usize, bool)> {
        if !self.text.is_capitalised(i) {
            return None;
        }
        let (m, needs, abbr) =
            self.words(i).iter().find_map(|w| if let Word::Month(m, n, a) = w { Some((*m, *n, *a)) } else { None })?;
        let dot = abbr && self.touches(i + 1) && self.is(i + 1, ".");
        Some((m, if dot { i + 1 } else { i }, needs))
    }

    fn season(&self, i: usize) -> Option<(&'static str, i8)> {
        self.words(i).iter().find_map(|w| if let Word::Season(c, m) = w { Some((*c, *m)) } else { None })
    }

    fn pick(&self, i: usize) -> Option<Pick> {
        match fold(self.text, i) {
            "last" | "past" | "previous" => Some(Pick::Last),
            "this" | "current" => Some(Pick::This),
            "next" | "coming" => Some(Pick::Next),
            _ => None,
        }
    }

    fn tense(&self, first: usize, last: usize) -> Tense {
        tense::around(self.text, first, last)
    }

    // ---- resolution ----

    fn dct_year(&self) -> i64 {
        i64::from(self.dct.year())
    }

    /// Among candidate periods, the nearest to the DCT, where one on the side the tense
    /// points away from counts ten times as far (so `Jan. 14` said in the past tense on
    /// Jan. 5 is still the coming one, not last year's). Without a tense a future one
    /// counts twice as far: news reports more than it announces.
    fn choose(&self, options: impl Iterator<Item = Period>, tense: Tense) -> Option<Period> {
        let dct = self.dct;
        let (past, future) = match tense {
            Tense::Past => (1, 10),
            Tense::Future => (10, 1),
            Tense::Unknown => (1, 2),
        };
        let distance = |p: &Period| {
            let days = |a: Date, b: Date| i32::try_from(a.duration_until(b).as_hours() / 24).unwrap_or(i32::MAX);
            if p.end < dct {
                days(p.end, dct).saturating_mul(past)
            } else if p.start > dct {
                days(dct, p.start).saturating_mul(future)
            } else {
                0
            }
        };
        options.min_by_key(|p| (distance(p), p.start.year() != dct.year()))
    }

    fn years_around(&self) -> impl Iterator<Item = i64> {
        let y = self.dct_year();
        (y - 2)..=(y + 1)
    }

    fn month_day(&self, m: i8, d: i8, tense: Tense) -> Option<Period> {
        self.choose(self.years_around().filter_map(|y| calendar::ymd(y, m, d).map(calendar::day)), tense)
    }

    fn month_near(&self, m: i8, tense: Tense) -> Option<Period> {
        self.choose(self.years_around().filter_map(|y| calendar::month(y, m)), tense)
    }

    fn weekday_near(&self, n: i8, pick: Option<Pick>, tense: Tense) -> Option<Period> {
        let ahead = i64::from(self.dct.weekday().to_monday_one_offset()).checked_sub(i64::from(n))?;
        let forward = (-ahead).rem_euclid(7);
        let back = ahead.rem_euclid(7);
        let days = match (pick, tense) {
            (Some(Pick::Last), _) => -(if back == 0 { 7 } else { back }),
            (Some(Pick::Next), _) => {
                if forward == 0 {
                    7
                } else {
                    forward
                }
            }
            (_, Tense::Past) => -back,
            (_, Tense::Future) => forward,
            _ if forward < back => forward,
            _ => -back,
        };
        calendar::add_days(self.dct, days).map(calendar::day)
    }

    fn season_near(&self, code: &'static str, first: i8, pick: Option<Pick>, tense: Tense) -> Option<Period> {
        let all = || self.years_around().filter_map(|y| calendar::season(y, code, first));
        let dct = self.dct;
        match pick {
            Some(Pick::Last) => all().filter(|p| p.end < dct).max_by_key(|p| p.start),
            Some(Pick::Next) => all().filter(|p| p.start > dct).min_by_key(|p| p.start),
            _ => all().find(|p| p.start <= dct && dct <= p.end).or_else(|| self.choose(all(), tense)),
        }
    }

    fn holiday_near(&self, rule: Rule, pick: Option<Pick>, tense: Tense) -> Option<Period> {
        let all = || self.years_around().filter_map(|y| calendar::holiday(y, rule).map(calendar::day));
        match pick {
            Some(Pick::Last) => all().filter(|p| p.end < self.dct).max_by_key(|p| p.start),
            Some(Pick::Next) => all().filter(|p| p.start > self.dct).min_by_key(|p| p.start),
            _ => self.choose(all(), tense),
        }
    }

    /// The calendar week, weekend, month, year, decade or century `offset` steps from the DCT.
    fn calendar_unit(&self, grain: Grain, size: i64, weekend: bool, offset: i64) -> Option<Period> {
        let y = self.dct_year();
        match (grain, size) {
            (Grain::Week, _) if weekend => calendar::weekend(calendar::add(self.dct, Grain::Week, offset)?),
            (Grain::Week, _) => calendar::week(calendar::add(self.dct, Grain::Week, offset)?),
            (Grain::Month, _) => {
                let d = calendar::add_months(self.dct, offset)?;
                calendar::month(i64::from(d.year()), d.month())
            }
            (Grain::Year, 1) => calendar::year(y.checked_add(offset)?),
            (Grain::Year, 10) => calendar::decade((y.div_euclid(10)).checked_add(offset)?.checked_mul(10)?),
            (Grain::Year, 100) => calendar::century((y.div_euclid(100)).checked_add(offset)?.checked_mul(100)?),
            _ => None,
        }
    }

    /// The period `n` units before the DCT, at the unit's grain (`two years ago` → that year).
    fn ago(&self, grain: Grain, n: i64) -> Option<Period> {
        let d = calendar::add(self.dct, grain, n.checked_neg()?)?;
        match grain {
            Grain::Hour | Grain::Day => Some(calendar::day(d)),
            Grain::Week => calendar::week(d),
            Grain::Month => calendar::month(i64::from(d.year()), d.month()),
            Grain::Year => calendar::year(i64::from(d.year())),
        }
    }

    // ---- patterns ----

    /// The longest date expression starting at token `i`.
    fn at(&self, i: usize) -> Match {
        if self.prev_is(i, &["every", "each", "per"]) {
            return None;
        }
        self.modified(i).or_else(|| self.core(i))
    }

    /// `early 2022`, `mid-January`, `late yesterday`, `earlier this month`,
    /// `the end of the year`, `the week of March 6`, `noon Saturday`.
    fn modified(&self, i: usize) -> Match {
        let third = match fold(self.text, i) {
            "early" => Some(Third::Early),
            "mid" => Some(Third::Mid),
            "late" => Some(Third::Late),
            _ => None,
        };
        if let Some(third) = third {
            let j = if self.is(i + 1, "-") && self.touches(i + 1) { i + 2 } else { i + 1 };
            if !self.joins(j) {
                return None;
            }
            let (last, p) = self.core(j).or_else(|| self.core_in(j))?;
            return Some((last, calendar::third(p, third)?));
        }
        if self.is_any(i, &["earlier", "later"])
            && self.is_any(i + 1, &["this", "today", "tonight"])
            && self.joins(i + 1)
        {
            return self.core(i + 1);
        }
        if self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of") && self.joins(i + 3) {
            let (last, p) = self.core(i + 3).filter(|(_, p)| p.whole == Whole::Day)?;
            return Some((last, calendar::week(p.start)?)); // `the week of March 6`
        }
        let the = usize::from(self.is(i, "the"));
        let edge = match fold(self.text, i + the) {
            "end" => Some(Third::Late),
            "beginning" | "start" => Some(Third::Early),
            "middle" => Some(Third::Mid),
            _ => None,
        };
        if let Some(third) = edge {
            if !self.is(i + the + 1, "of") || !self.joins(i + the + 2) {
                return None;
            }
            if let Some((last, p)) = self.core_in(i + the + 2) {
                // `peaked by the end of the year` said in March: last year's end.
                let part = calendar::third(p, third)?;
                let tense = self.tense(i, last);
                let shift = match tense {
                    Tense::Past if part.start > self.dct => -1,
                    Tense::Future if part.end < self.dct => 1,
                    _ => 0,
                };
                if shift == 0 {
                    return Some((last, part));
                }
                let (grain, size) = self.unit(last)?;
                return Some((last, calendar::third(self.calendar_unit(grain, size, false, shift)?, third)?));
            }
            let (last, p) = self.core(i + the + 2)?;
            return Some((last, calendar::third(p, third)?));
        }
        if self.is_part(i)
            && self.joins(i + 1)
            && (self.weekday(i + 1).is_some() || self.is_any(i + 1, &["today", "yesterday", "tomorrow"]))
        {
            return self.core(i + 1);
        }
        None
    }

    /// `the year`, `year`, `the month`, `the week` after `end of` and the like: the current one.
    fn core_in(&self, i: usize) -> Match {
        let at = i + usize::from(self.is(i, "the"));
        let (grain, size) = self.unit(at)?;
        if self.text.get(at).ends_with('s') || grain == Grain::Day || grain == Grain::Hour {
            return None;
        }
        Some((at, self.calendar_unit(grain, size, false, 0)?))
    }

    /// A date expression starting at `i`, without `early`/`late` and the like.
    fn core(&self, i: usize) -> Match {
        [
            self.month_first(i),
            self.day_first(i),
            self.numeric(i),
            self.weekday_at(i, None),
            self.relative(i),
            self.rolling(i),
            self.counted(i),
            self.season_at(i),
            self.holiday(i, None),
            self.century(i),
            self.quarter(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(last, _)| *last)
    }

    /// `January 10, 2022`, `Jan. 10`, `March 10-12`, `March 2020`, `March of 2020`, `December`.
    fn month_first(&self, i: usize) -> Match {
        let (m, last, needs) = self.month(i)?;
        if let Some((d, k)) = self.day_number(last + 1) {
            if let Some((y, end)) = self.year_after(k).or_else(|| self.year_word(k)) {
                return Some((end, calendar::day(calendar::ymd(y, m, d)?)));
            }
            if self.is_any(k + 1, &["-", "–"]) && self.touches(k + 1) && self.touches(k + 2) {
                if let Some((d2, k2)) = self.day_number(k + 2).filter(|(d2, _)| *d2 > d) {
                    let first = self.month_day(m, d, self.tense(i, k2))?;
                    let end = calendar::ymd(i64::from(first.start.year()), m, d2)?;
                    return Some((k2, Period { end, ..first }));
                }
            }
            return Some((k, self.month_day(m, d, self.tense(i, k))?));
        }
        let of = if self.is(last + 1, "of") { last + 2 } else { last + 1 };
        if let Some(y) = self.year_number(of).filter(|_| !self.counts_something(of) && !self.before_plural(of)) {
            return Some((of, calendar::month(y, m)?));
        }
        if let Some((y, end)) = self.year_after(last).filter(|_| self.is(last + 1, ",") && self.prev_is_prep(i)) {
            return Some((end, calendar::month(y, m)?)); // `in October, 1958`
        }
        if let Some((y, end)) = self.year_word(last).filter(|_| !needs || self.prev_is_prep(i)) {
            return Some((end, calendar::month(y, m)?));
        }
        let supported = self.prev_is_prep(i) && !self.prev_is(i, &["may", "and", "or"]);
        if last != i || (needs && !supported) {
            return None;
        }
        let pick = i.checked_sub(1).and_then(|p| self.pick(p));
        if pick.is_some() {
            return None; // `last March` is read by `relative`
        }
        Some((i, self.month_near(m, self.tense(i, i))?))
    }

    /// `, 2022` or ` 2022` after a day or month: the year and its token (not `, 1500 troops`).
    fn year_after(&self, k: usize) -> Option<(i64, usize)> {
        let at = if self.is(k + 1, ",") { k + 2 } else { k + 1 };
        self.year_number(at).filter(|_| !self.counts_something(at) && !self.before_plural(at)).map(|y| (y, at))
    }

    /// `this year`, `last year` or `next year` after a day or month (`October this year`):
    /// that calendar year and the token of `year`.
    fn year_word(&self, k: usize) -> Option<(i64, usize)> {
        if !self.joins(k + 1) || !self.joins(k + 2) || !self.is(k + 2, "year") {
            return None;
        }
        let offset = match self.pick(k + 1)? {
            Pick::Last if self.is(k + 1, "last") => -1,
            Pick::This if self.is(k + 1, "this") => 0,
            Pick::Next if self.is(k + 1, "next") => 1,
            _ => return None,
        };
        Some((self.dct_year().checked_add(offset)?, k + 2))
    }

    /// `10 January 2022`, `10th of January`.
    fn day_first(&self, i: usize) -> Match {
        let (d, k) = self.day_number(i)?;
        let at = if self.is(k + 1, "of") { k + 2 } else { k + 1 };
        if !self.joins(at) {
            return None;
        }
        let (m, last, _) = self.month(at)?;
        if let Some((y, end)) =
            self.year_after(last).filter(|(_, end)| *end == last + 1).or_else(|| self.year_word(last))
        {
            return Some((end, calendar::day(calendar::ymd(y, m, d)?)));
        }
        Some((last, self.month_day(m, d, self.tense(i, last))?))
    }

    /// `2021-12-29`, `2014`, `1990s`, `'90s`, `2009-2010`, `1990-91`.
    fn numeric(&self, i: usize) -> Match {
        let the = usize::from(self.is(i, "the") && self.joins(i + 1));
        let at = i + the;
        if self.is_any(at, &["'", "\u{2019}", "\u{2018}"]) && self.touches(at + 1) {
            let (n, digits) = self.number(at + 1)?;
            if digits == 2 && n % 10 == 0 && self.touches(at + 2) && self.is(at + 2, "s") {
                let this_century = self.dct_year().div_euclid(100) * 100;
                let first = if this_century + n <= self.dct_year() { this_century + n } else { this_century - 100 + n };
                return Some((at + 2, calendar::decade(first)?));
            }
            return None;
        }
        let y = self.year_number(at)?;
        if self.touches(at + 1) && self.is(at + 1, "s") && y % 10 == 0 {
            return Some((at + 1, calendar::decade(y)?));
        }
        if the == 1 {
            return None;
        }
        if self.is(i + 1, "-") && self.touches(i + 1) && self.touches(i + 2) {
            if let Some((m, 2)) = self.number(i + 2) {
                if self.is(i + 3, "-") && self.touches(i + 3) && self.touches(i + 4) {
                    let (d, _) = self.number(i + 4).filter(|(_, n)| *n == 2)?;
                    return Some((
                        i + 4,
                        calendar::day(calendar::ymd(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)?),
                    ));
                }
            }
        }
        if !self.year_in_context(i, y) {
            return None;
        }
        let first = calendar::year(y)?;
        if self.is_any(i + 1, &["-", "–", "/"]) && self.touches(i + 1) && self.touches(i + 2) {
            let end = match self.number(i + 2) {
                Some((e, 4)) => e,
                Some((e, 2)) => y - y % 100 + e,
                _ => return Some((i, first)),
            };
            if end > y && end - y < 100 && !self.glued(i + 2) {
                let last = calendar::year(end)?;
                return Some((i + 2, Period { end: last.end, whole: Whole::Other, ..first }));
            }
        }
        Some((i, first))
    }

    /// Whether the four-digit number `y` at `i` reads as a year here: not money, not a
    /// count of something (`2014 troops`), not a share.
    fn year_in_context(&self, i: usize, y: i64) -> bool {
        if !(1000..=2100).contains(&y) {
            return false;
        }
        let prep = self.prev_is_prep(i);
        let prefixed = i >= 2 && self.is(i - 1, "-") && self.touches(i - 1) && {
            let w = self.text.get(i - 2);
            w.len() >= 3 && self.class(i - 2) == Some(Class::Word) && !self.text.is_capitalised(i - 2)
        };
        if i > 0
            && self.class(i - 1) == Some(Class::Punct)
            && self.touches(i)
            && !prefixed
            && !self.is_any(i - 1, &["(", "'", "\"", "\u{201C}", "\u{2018}"])
        {
            return false; // `$2014`, `#2014`, `-2014`, `F-2014` (but `mid-2014`, `post-1959`)
        }
        if i > 0 && self.touches(i) && self.class(i - 1) == Some(Class::Word) {
            return false; // `#CPAC2020`, `@user1977`
        }
        if self.touches(i + 1) && (self.is_any(i + 1, &["%", "+"]) || self.class(i + 1) == Some(Class::Word)) {
            return false; // `2014%`, `2000+`, `2014km`
        }
        let name = i > 0
            && self.joins(i)
            && self.class(i - 1) == Some(Class::Word)
            && self.text.is_capitalised(i - 1)
            && self.words(i - 1).is_empty();
        if name {
            return false; // `Windows 2000`, `Euro 2020`: a name, not a year
        }
        let before = |kind: Word| i > 0 && self.words(i - 1).contains(&kind);
        if before(Word::Label) || (!prep && before(Word::Approx)) {
            return false; // `Flight 2014`, `nearly 2014`
        }
        if y < 1900 && !prep && !self.prev_is(i, &["the"]) {
            return false;
        }
        // `the 1992 protests`, `its 2014 sanctions`: a determiner makes the number a modifier.
        let determined = self.prev_is(i, &["the", "its", "their", "his", "her", "our", "s"]);
        !self.counts_something(i) && (prep || determined || !self.before_plural(i))
    }

    /// Whether the word after the number at `i` makes it a count or a time, not a year:
    /// `2014 people`, `1500 GMT`, `2000 hours`, `a 2000-strong force`.
    fn counts_something(&self, i: usize) -> bool {
        let next = i + 1;
        let counted = self.joins(next) && (self.words(next).contains(&Word::Count) || self.unit(next).is_some());
        let compound = self.is(next, "-")
            && self.touches(next)
            && self.touches(next + 1)
            && self.class(next + 1) == Some(Class::Word);
        counted || compound
    }

    /// Whether a lower-case plural noun follows the number at `i`: `2014 troops`.
    fn before_plural(&self, i: usize) -> bool {
        let next = i + 1;
        if self.class(next) != Some(Class::Word) || !self.joins(next) || self.text.is_capitalised(next) {
            return false;
        }
        let word = fold(self.text, next);
        let singular_s = ["ss", "is", "us"].iter().any(|e| word.ends_with(e));
        word.len() > 3 && word.ends_with('s') && !singular_s && self.words(next).is_empty()
    }

    /// `Monday`, `Monday morning`, `Monday, Jan. 10`; `pick` from `last`/`next`/`this` before.
    fn weekday_at(&self, i: usize, pick: Option<Pick>) -> Match {
        if let Some(found) = self.weekday_dated(i) {
            return Some(found);
        }
        let n = self.weekday(i)?;
        let last = if self.is_part(i + 1) { i + 1 } else { i };
        let capital_word =
            |j: usize| self.class(j) == Some(Class::Word) && self.text.is_capitalised(j) && self.joins(j);
        let named_before = i > 0 && (self.is(i - 1, "the") || (capital_word(i - 1) && self.words(i - 1).is_empty()));
        if pick.is_none() && last == i && named_before && capital_word(i + 1) {
            return None; // a name: `the Sunday Times`, `Fox News Sunday Show`
        }
        let first = if pick.is_some() { i - 1 } else { i };
        Some((last, self.weekday_near(n, pick, self.tense(first, last))?))
    }

    /// `Monday, Oct. 26`, `Sat December 5, 2020`, `Tues. (Jan. 11)`: the weekday picks the
    /// year when none is written.
    fn weekday_dated(&self, i: usize) -> Match {
        if !self.text.is_capitalised(i) {
            return None;
        }
        let (n, abbr) =
            self.words(i).iter().find_map(|w| if let Word::Weekday(n, a) = w { Some((*n, *a)) } else { None })?;
        let mut at = i + 1;
        if abbr && self.is(at, ".") && self.touches(at) {
            at += 1;
        }
        if self.is_part(at) {
            at += 1;
        }
        if self.is_any(at, &[",", "("]) {
            at += 1;
        }
        if !self.joins(at) {
            return None;
        }
        let (end, p) = self.month_first(at).or_else(|| self.day_first(at))?;
        if p.whole != Whole::Day {
            return None;
        }
        let close = if self.is(end + 1, ")") { end + 1 } else { end };
        let (m, d) = (p.start.month(), p.start.day());
        let fits = |q: &Period| q.start.weekday().to_monday_one_offset() == n;
        let p = match self.year_number(end) {
            None if !fits(&p) => self
                .choose(
                    self.years_around().filter_map(|y| calendar::ymd(y, m, d).map(calendar::day)).filter(fits),
                    Tense::Unknown,
                )
                .unwrap_or(p),
            _ => p,
        };
        Some((close, p))
    }

    /// `today`, `yesterday afternoon`, `tonight`, `this morning`, `last night`,
    /// `last week`, `next month`, `this year`, `this weekend`, `the weekend`, `last Monday`,
    /// `last August`, `last summer`, `this century`.
    fn relative(&self, i: usize) -> Match {
        let day = match fold(self.text, i) {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        let named = self.text.is_capitalised(i)
            && i > 0
            && self.class(i - 1) == Some(Class::Word)
            && self.text.is_capitalised(i - 1);
        if let Some(offset) = day.filter(|_| !named) {
            let last = if self.is_part(i + 1) { i + 1 } else { i };
            return Some((last, calendar::day(calendar::add_days(self.dct, offset)?)));
        }
        if self.is(i, "the") && self.is(i + 1, "day") && self.joins(i + 3) {
            let offset = match (fold(self.text, i + 2), fold(self.text, i + 3)) {
                ("before", "yesterday") => -2,
                ("after", "tomorrow") => 2,
                _ => return None,
            };
            return Some((i + 3, calendar::day(calendar::add_days(self.dct, offset)?)));
        }
        if self.is(i, "the") && self.is(i + 1, "weekend") && self.joins(i + 1) {
            return Some((i + 1, self.weekend_near(None, self.tense(i, i + 1))?));
        }
        let pick = self.pick(i)?;
        if !self.joins(i + 1) {
            return None;
        }
        if self.is(i, "past") || self.is(i, "previous") || self.is(i, "current") || self.is(i, "coming") {
            return None; // only with `the`: read by `rolling`
        }
        let j = if pick == Pick::This && self.is(i + 1, "past") { i + 2 } else { i + 1 };
        let pick = if j == i + 2 { Pick::Last } else { pick };
        let offset = match pick {
            Pick::Last => -1,
            Pick::This => 0,
            Pick::Next => 1,
        };
        if self.is_part(j) {
            let night = self.is_any(j, &["night", "evening"]);
            return match pick {
                Pick::This => Some((j, calendar::day(self.dct))),
                Pick::Last if night => Some((j, calendar::day(calendar::add_days(self.dct, -1)?))),
                _ => None,
            };
        }
        if self.is(j, "weekend") {
            return Some((j, self.weekend_near(Some(pick), self.tense(i, j))?));
        }
        let k = if self.is(j, "fiscal") { j + 1 } else { j };
        if let Some((grain, size)) = self.unit(k) {
            if self.text.get(k).ends_with('s') || matches!(grain, Grain::Day | Grain::Hour) {
                return None;
            }
            if self.text.is_capitalised(k) && self.text.is_capitalised(k + 1) && self.joins(k + 1) {
                return None; // a title: `This Week With David Brinkley`
            }
            return Some((k, self.calendar_unit(grain, size, false, offset)?));
        }
        if self.is(j, "century") {
            return Some((j, self.calendar_unit(Grain::Year, 100, false, offset)?));
        }
        if self.weekday(j).is_some() {
            return self.weekday_at(j, Some(pick));
        }
        if let Some((code, first)) = self.season(j) {
            return Some((j, self.season_near(code, first, Some(pick), self.tense(i, j))?));
        }
        if let Some((m, last, _)) = self.month(j) {
            if last != j {
                return None;
            }
            let y = self.dct_year().checked_add(offset)?;
            return Some((j, calendar::month(y, m)?));
        }
        self.holiday(j, Some(pick))
    }

    fn weekend_near(&self, pick: Option<Pick>, tense: Tense) -> Option<Period> {
        let in_weekend = self.dct.weekday().to_monday_one_offset() >= 6;
        let offset = match pick {
            Some(Pick::Last) => -1,
            Some(Pick::Next) => 1,
            _ if in_weekend => 0,
            _ if tense == Tense::Past => -1,
            // Without a tense, the nearer one: the last on Monday to Wednesday, the next after.
            _ if tense == Tense::Unknown && self.dct.weekday().to_monday_one_offset() <= 3 => -1,
            _ => 0,
        };
        self.calendar_unit(Grain::Week, 1, true, offset)
    }

    /// `the past four years`, `the last decade`, `the next 24 hours`, `the coming week`.
    fn rolling(&self, i: usize) -> Match {
        if !self.is(i, "the") || !self.joins(i + 1) {
            return None;
        }
        let back = match fold(self.text, i + 1) {
            "past" | "last" | "previous" => true,
            "next" | "coming" => false,
            _ => return None,
        };
        let (n, k) = match self.count(i + 2) {
            Some(n) if !self.is(i + 2, "a") && !self.is(i + 2, "an") => (n, i + 3),
            _ => (1, i + 2),
        };
        let (grain, size) = self.unit(k)?;
        if k == i + 2 && (matches!(grain, Grain::Day | Grain::Hour) || self.text.get(k).ends_with('s')) {
            return None; // `the next day` is relative to another event
        }
        if self.is(k + 1, "-") || self.is(k + 1, "of") {
            return None;
        }
        let n = n.checked_mul(size)?;
        let other = calendar::add(self.dct, grain, if back { n.checked_neg()? } else { n })?;
        Some((k, calendar::rolling(other, self.dct, grain, n)))
    }

    /// `two years ago`, `a week or so ago`, `six weeks ago`, `a year earlier`.
    fn counted(&self, i: usize) -> Match {
        let n = self.count(i)?;
        let (grain, size) = self.unit(i + 1)?;
        if self.touches(i + 1) && self.class(i + 1) == Some(Class::Word) && self.class(i) == Some(Class::Number) {
            return None;
        }
        let k = if self.is(i + 2, "or") && self.is(i + 3, "so") { i + 4 } else { i + 2 };
        let ago = self.is(k, "ago") || (self.is(k, "earlier") && !self.is(k + 1, "than"));
        if !ago || !self.joins(k) || (self.is_any(i, &["a", "an"]) && self.text.get(i + 1).ends_with('s')) {
            return None;
        }
        Some((k, self.ago(grain, n.checked_mul(size)?)?))
    }

    /// `the spring of 2021`, `summer 2020`, `the fall`; `last summer` is read by `relative`.
    fn season_at(&self, i: usize) -> Match {
        let the = usize::from(self.is(i, "the"));
        let at = i + the;
        let (code, first) = self.season(at)?;
        if the == 1 && !self.joins(at) {
            return None;
        }
        let year = if self.is(at + 1, "of") { at + 2 } else { at + 1 };
        if let Some(y) = self.year_number(year).filter(|y| (1000..=2100).contains(y)) {
            return Some((year, calendar::season(y, code, first)?));
        }
        let supported = the == 1 || self.prev_is_prep(i);
        if !supported
            || self.is(at + 1, "of")
            || (code == "FA" && the == 0 && !self.prev_is(i, &["in", "this", "last", "next"]))
        {
            return None;
        }
        let next_word = self.class(at + 1) == Some(Class::Word) && self.joins(at + 1);
        if next_word && (self.text.is_capitalised(at + 1) || self.words(at + 1).is_empty()) {
            return None; // `the spring offensive`, `summer camp`, `the Winter Olympics`
        }
        Some((at, self.season_near(code, first, None, self.tense(i, at))?))
    }

    /// `Election Day`, `Christmas 2021`, `New Year's Eve`.
    fn holiday(&self, i: usize, pick: Option<Pick>) -> Match {
        if !self.text.is_capitalised(i) {
            return None;
        }
        let (last, rule) = self.lex.holiday(self.text, i)?;
        let next = last + 1;
        let verb = |w: &str| w.ends_with("ing") || w.ends_with("ed");
        let noun = pick.is_none()
            && last == i
            && self.joins(next)
            && self.class(next) == Some(Class::Word)
            && !self.text.is_capitalised(next)
            && !verb(self.text.get(next))
            && self.words(next).is_empty();
        if noun {
            return None; // `Christmas tree`, `Thanksgiving dinner`: a modifier
        }
        if let Some(y) = self.year_number(last + 1).filter(|y| (1000..=2100).contains(y)) {
            return Some((last + 1, calendar::day(calendar::holiday(y, rule)?)));
        }
        Some((last, self.holiday_near(rule, pick, self.tense(i, last))?))
    }

    /// `the 20th century`, `the 21st century`.
    fn century(&self, i: usize) -> Match {
        let at = i + usize::from(self.is(i, "the"));
        let (n, digits) = self.number(at)?;
        if digits > 2
            || !self.touches(at + 1)
            || !self.is_any(at + 1, &["st", "nd", "rd", "th"])
            || !self.is(at + 2, "century")
        {
            return None;
        }
        Some((at + 2, calendar::century(n.checked_sub(1)?.checked_mul(100)?)?))
    }

    /// `the fourth quarter`, `the first quarter of 2021`.
    fn quarter(&self, i: usize) -> Match {
        let at = i + usize::from(self.is(i, "the"));
        let q = self.words(at).iter().find_map(|w| if let Word::Ordinal(n) = w { Some(*n) } else { None })?;
        if !(1..=4).contains(&q) || !self.is(at + 1, "quarter") || !self.joins(at + 1) {
            return None;
        }
        let of = if self.is(at + 2, "of") { at + 3 } else { at + 2 };
        let quarter = |y: i64| calendar::quarter(y, q as i8);
        if let Some(y) = self.year_number(of) {
            return Some((of, quarter(y)?));
        }
        Some((at + 1, self.choose(self.years_around().filter_map(quarter), self.tense(i, at + 1))?))
    }
}

#[cfg(test)]
mod tests {
    use crate::options::Options;
    use jiff::civil::date;

    const EVERY_FORM: &str = "On Monday, Jan. 10, 2022 and Sat Dec 5 (the day before yesterday), \
        late last July, the past 9999 years, 9999 decades ago, the next 24 hours, the 99th century, \
        the ’90s, early 2022, mid-January, the end of the year, last winter, Easter, Election Day, \
        the fourth quarter, this century, the weekend, 2021-12-29, 2009-10, Feb. 29, 9998.";

    #[test]
    fn never_panics_at_the_ends_of_the_calendar() {
        for dct in [date(-9999, 1, 1), date(1, 1, 1), date(999, 12, 31), date(9998, 12, 31), date(9999, 12, 31)] {
            let claims = crate::scan(EVERY_FORM, &Options::new(dct));
            assert!(claims.iter().all(|c| c.start < c.end), "{dct}");
        }
        let claims = crate::scan(EVERY_FORM, &Options::new(date(2022, 1, 10)));
        assert!(claims.len() > 15, "{claims:?}");
    }
}
