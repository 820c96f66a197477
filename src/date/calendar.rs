//! Periods on the calendar and the arithmetic that builds them. All of it goes through jiff
//! and returns `None` rather than leave jiff's range: nothing here panics.

use jiff::civil::{Date, Weekday};
use jiff::Span;

use super::lexicon::{Grain, Rule};

/// Years a date claim may name: four-digit years keep TIMEX3 values well formed.
const YEARS: std::ops::RangeInclusive<i64> = 1000..=9998;

/// What a period is the whole of; `early`/`mid`/`late` divide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Whole {
    Day,
    Month,
    Year,
    Decade,
    /// Anything else (weeks, seasons, rolling periods): `early`/`mid`/`late` leave it as is.
    Other,
}

/// An inclusive day interval with its TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Period {
    pub start: Date,
    pub end: Date,
    pub timex: String,
    pub whole: Whole,
}

/// Which third of a period `early`, `mid` and `late` mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Third {
    Early,
    Mid,
    Late,
}

pub(super) fn ymd(year: i64, month: i8, day: i8) -> Option<Date> {
    if !YEARS.contains(&year) {
        return None;
    }
    Date::new(year as i16, month, day).ok()
}

pub(super) fn add_days(d: Date, days: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(days).ok()?).ok().filter(|d| YEARS.contains(&i64::from(d.year())))
}

/// Adds whole months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28).
pub(super) fn add_months(d: Date, months: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(months).ok()?).ok().filter(|d| YEARS.contains(&i64::from(d.year())))
}

/// Adds `n` of `grain` to `d` (hours count as whole days, rounded up).
pub(super) fn add(d: Date, grain: Grain, n: i64) -> Option<Date> {
    match grain {
        Grain::Hour => add_days(d, n.checked_add(23 * n.signum())? / 24),
        Grain::Day => add_days(d, n),
        Grain::Week => add_days(d, n.checked_mul(7)?),
        Grain::Month => add_months(d, n),
        Grain::Year => add_months(d, n.checked_mul(12)?),
    }
}

pub(super) fn day(d: Date) -> Period {
    Period { start: d, end: d, timex: crate::claim::iso(d), whole: Whole::Day }
}

pub(super) fn month(year: i64, month: i8) -> Option<Period> {
    let start = ymd(year, month, 1)?;
    Some(Period { start, end: start.last_of_month(), timex: format!("{year:04}-{month:02}"), whole: Whole::Month })
}

pub(super) fn year(year: i64) -> Option<Period> {
    let start = ymd(year, 1, 1)?;
    Some(Period { start, end: start.last_of_year(), timex: format!("{year:04}"), whole: Whole::Year })
}

/// The ten years from `first` (a multiple of ten): TIMEX3 `199` for the 1990s.
pub(super) fn decade(first: i64) -> Option<Period> {
    let end = ymd(first.checked_add(9)?, 12, 31)?;
    Some(Period { start: ymd(first, 1, 1)?, end, timex: format!("{:03}", first / 10), whole: Whole::Decade })
}

/// The hundred years from `first`: TIMEX3 `19` for 1900–1999.
pub(super) fn century(first: i64) -> Option<Period> {
    let end = ymd(first.checked_add(99)?, 12, 31)?;
    Some(Period { start: ymd(first, 1, 1)?, end, timex: format!("{:02}", first / 100), whole: Whole::Other })
}

/// The Monday-to-Sunday week holding `d`.
pub(super) fn week(d: Date) -> Option<Period> {
    let start = add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))?;
    let iso = d.iso_week_date();
    Some(Period {
        start,
        end: add_days(start, 6)?,
        timex: format!("{:04}-W{:02}", iso.year(), iso.week()),
        whole: Whole::Other,
    })
}

/// The Saturday and Sunday of the week holding `d`.
pub(super) fn weekend(d: Date) -> Option<Period> {
    let w = week(d)?;
    Some(Period { start: add_days(w.start, 5)?, end: w.end, timex: format!("{}-WE", w.timex), whole: Whole::Other })
}

/// The season `code` (first month `first`) that starts in `year`.
pub(super) fn season(year: i64, code: &str, first: i8) -> Option<Period> {
    let start = ymd(year, first, 1)?;
    let end = add_days(add_months(start, 3)?, -1)?;
    Some(Period { start, end, timex: format!("{year:04}-{code}"), whole: Whole::Other })
}

/// Quarter `q` (1–4) of `year`: TIMEX3 `2021-Q4`.
pub(super) fn quarter(year: i64, q: i8) -> Option<Period> {
    let start = ymd(year, q.checked_mul(3)?.checked_sub(2)?, 1)?;
    let end = add_days(add_months(start, 3)?, -1)?;
    Some(Period { start, end, timex: format!("{year:04}-Q{q}"), whole: Whole::Other })
}

/// A rolling period between two days, with the TIMEX3 duration (`P4Y`) as its value.
pub(super) fn rolling(a: Date, b: Date, grain: Grain, n: i64) -> Period {
    let unit = match grain {
        Grain::Hour => "TH",
        Grain::Day => "D",
        Grain::Week => "W",
        Grain::Month => "M",
        Grain::Year => "Y",
    };
    let (t, unit) = unit.split_at(unit.len() - 1);
    Period { start: a.min(b), end: a.max(b), timex: format!("P{t}{n}{unit}"), whole: Whole::Other }
}

/// The day of `rule` in `year`.
pub(super) fn holiday(year: i64, rule: Rule) -> Option<Date> {
    match rule {
        Rule::Fixed(m, d) => ymd(year, m, d),
        Rule::Nth(m, nth, weekday, plus) => {
            let weekday = Weekday::from_monday_one_offset(weekday).ok()?;
            let d = ymd(year, m, 1)?.nth_weekday_of_month(nth, weekday).ok()?;
            add_days(d, i64::from(plus))
        }
        Rule::Easter(plus) => add_days(easter(year)?, i64::from(plus)),
    }
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm.
fn easter(y: i64) -> Option<Date> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    ymd(y, month as i8, day as i8)
}

/// The early, middle or late part of `p`: thirds of a year (Jan–Apr, May–Aug, Sep–Dec),
/// days 1–10, 11–20 and 21–end of a month, years 0–3, 4–6 and 7–9 of a decade.
pub(super) fn third(p: Period, third: Third) -> Option<Period> {
    let (start, end) = match (p.whole, third) {
        (Whole::Year, Third::Early) => (p.start, add_days(add_months(p.start, 4)?, -1)?),
        (Whole::Year, Third::Mid) => (add_months(p.start, 4)?, add_days(add_months(p.start, 8)?, -1)?),
        (Whole::Year, Third::Late) => (add_months(p.start, 8)?, p.end),
        (Whole::Month, Third::Early) => (p.start, add_days(p.start, 9)?),
        (Whole::Month, Third::Mid) => (add_days(p.start, 10)?, add_days(p.start, 19)?),
        (Whole::Month, Third::Late) => (add_days(p.start, 20)?, p.end),
        (Whole::Decade, Third::Early) => (p.start, add_days(add_months(p.start, 48)?, -1)?),
        (Whole::Decade, Third::Mid) => (add_months(p.start, 48)?, add_days(add_months(p.start, 84)?, -1)?),
        (Whole::Decade, Third::Late) => (add_months(p.start, 84)?, p.end),
        _ => return Some(p),
    };
    Some(Period { start, end, timex: p.timex, whole: Whole::Other })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weeks_weekends_and_thirds() {
        let w = week(date(2022, 1, 12)).unwrap();
        assert_eq!((w.start, w.end, w.timex.as_str()), (date(2022, 1, 10), date(2022, 1, 16), "2022-W02"));
        assert_eq!(weekend(date(2020, 12, 5)).unwrap().start, date(2020, 12, 5));
        let late = third(month(2021, 9).unwrap(), Third::Late).unwrap();
        assert_eq!((late.start, late.end), (date(2021, 9, 21), date(2021, 9, 30)));
        let mid = third(year(2022).unwrap(), Third::Mid).unwrap();
        assert_eq!((mid.start, mid.end), (date(2022, 5, 1), date(2022, 8, 31)));
    }

    #[test]
    fn holidays_and_easter() {
        assert_eq!(holiday(2020, Rule::Nth(11, 1, 1, 1)), Some(date(2020, 11, 3)));
        assert_eq!(holiday(2021, Rule::Nth(11, 4, 4, 0)), Some(date(2021, 11, 25)));
        assert_eq!(holiday(2022, Rule::Nth(5, -1, 1, 0)), Some(date(2022, 5, 30)));
        assert_eq!(holiday(2022, Rule::Easter(0)), Some(date(2022, 4, 17)));
        assert_eq!(holiday(2024, Rule::Easter(-2)), Some(date(2024, 3, 29)));
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(ymd(99999, 1, 10), None);
        assert_eq!(ymd(2022, 2, 30), None);
        assert_eq!(add(date(9998, 12, 31), Grain::Year, 5), None);
        assert_eq!(add(date(2022, 1, 1), Grain::Year, i64::MAX), None);
        assert_eq!(rolling(date(2022, 1, 10), date(2022, 1, 11), Grain::Hour, 24).timex, "PT24H");
    }
}
