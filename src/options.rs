//! What a scan is asked to do, and the one error type: bad options.

use std::fmt;

use jiff::civil::Date;

use crate::claim::Kind;

/// How to scan: the publication date that relative dates are read against, and which kinds
/// to look for (all four unless narrowed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    date: Date,
    kinds: [bool; 4],
}

impl Options {
    /// Options for an article published on `date`, looking for every kind.
    ///
    /// ```
    /// let options = factmark::Options::new(jiff::civil::date(2022, 1, 10));
    /// assert!(options.wants(factmark::Kind::Place));
    /// ```
    pub fn new(date: Date) -> Self {
        Options { date, kinds: [true; 4] }
    }

    /// Options for an article published on `date`, given as `YYYY-MM-DD`.
    ///
    /// ```
    /// assert!(factmark::Options::from_date("2022-01-10").is_ok());
    /// let err = factmark::Options::from_date("10/01/2022").unwrap_err();
    /// assert!(err.to_string().contains("YYYY-MM-DD"));
    /// ```
    pub fn from_date(date: &str) -> Result<Self, Error> {
        Ok(Options::new(parse_date(date)?))
    }

    /// Look only for the kinds named (`"quantity"`, `"date"`, `"country"`, `"place"`).
    ///
    /// ```
    /// let options = factmark::Options::from_date("2022-01-10")?.with_kinds(["date", "place"])?;
    /// assert!(!options.wants(factmark::Kind::Country));
    /// assert!(factmark::Options::from_date("2022-01-10")?.with_kinds(["dates"]).is_err());
    /// # Ok::<(), factmark::Error>(())
    /// ```
    pub fn with_kinds<I, S>(mut self, names: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.kinds = [false; 4];
        for name in names {
            let name = name.as_ref();
            let kind = Kind::from_name(name).ok_or_else(|| Error(ErrorKind::UnknownKind(name.to_string())))?;
            self.kinds[kind as usize] = true;
        }
        if !self.kinds.contains(&true) {
            return Err(Error(ErrorKind::NoKinds));
        }
        Ok(self)
    }

    /// The publication date.
    pub fn date(&self) -> Date {
        self.date
    }

    /// Whether claims of `kind` are wanted.
    pub fn wants(&self, kind: Kind) -> bool {
        self.kinds[kind as usize]
    }
}

/// Reads a calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, Error> {
    let bad = || Error(ErrorKind::BadDate(s.to_string()));
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i16>().map_err(|_| bad());
    Date::new(n(0..4)?, n(5..7)? as i8, n(8..10)? as i8).map_err(|_| bad())
}

/// Bad options: the only way a scan can be refused. The message says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(ErrorKind);

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    BadDate(String),
    UnknownKind(String),
    NoKinds,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            ErrorKind::BadDate(s) => write!(f, "bad date {s:?}: expected a calendar date written YYYY-MM-DD"),
            ErrorKind::UnknownKind(s) => {
                write!(f, "unknown kind {s:?}: expected one of quantity, date, country, place")
            }
            ErrorKind::NoKinds => write!(f, "no kinds given: name at least one of quantity, date, country, place"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in ["", "2022-1-10", "2022-02-30", "2022-13-01", "２０２２-01-10", "2022-01-10T00", "+022-01-10"] {
            let err = parse_date(bad).unwrap_err().to_string();
            assert!(err.contains("YYYY-MM-DD"), "{bad:?}: {err}");
        }
        assert_eq!(parse_date("2024-02-29").unwrap(), jiff::civil::date(2024, 2, 29));
    }

    #[test]
    fn rejects_unknown_and_empty_kinds() {
        let o = Options::from_date("2022-01-10").unwrap();
        assert!(o.clone().with_kinds(["Quantity"]).unwrap_err().to_string().contains("unknown kind"));
        assert!(o.with_kinds(Vec::<&str>::new()).unwrap_err().to_string().contains("no kinds"));
    }
}
