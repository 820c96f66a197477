//! The contract of `shared/claims/ANNOTATION.md`: what a claim is and the JSON shape of its value.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

/// The four kinds of checkable claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An amount: troops, money, people, percentages…
    Quantity,
    /// A point or period on the calendar.
    Date,
    /// A sovereign state, by name, abbreviation or demonym.
    Country,
    /// A city, region or other named place below country level.
    Place,
}

impl Kind {
    /// Every kind, in the order the contract lists them.
    pub const ALL: [Kind; 4] = [Kind::Quantity, Kind::Date, Kind::Country, Kind::Place];

    /// The kind's name in the contract (`"quantity"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Country => "country",
            Kind::Place => "place",
        }
    }

    /// The kind named `name`, as the contract spells it.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// What a quantity counts; the counted noun decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Military people of any side: troops, soldiers, fighters…
    Personnel,
    /// Killed, dead, wounded, injured.
    Casualties,
    /// Any other people.
    People,
    /// Currency amounts.
    Money,
    /// Percentages.
    Percent,
    /// Tanks, aircraft, missiles, vehicles, weapons.
    Equipment,
    /// Kilometres, miles, metres.
    Distance,
    /// Anything else countable.
    Other,
}

/// An ISO 3166-1 alpha-2 code such as `"RU"` (plus `"XK"` for Kosovo).
pub type CountryCode = &'static str;

/// The value of a claim; its variant is the claim's kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Value {
    /// `{"low", "high", "unit"}`; an open end is `null`.
    Quantity {
        /// Lower bound, `None` for "as many as X".
        low: Option<f64>,
        /// Upper bound, `None` for "more than X".
        high: Option<f64>,
        /// What is counted.
        unit: Unit,
    },
    /// `{"start", "end", "timex"}`: an inclusive day interval and its TIMEX3 value.
    Date {
        /// First day, inclusive.
        #[serde(serialize_with = "iso_date")]
        start: Date,
        /// Last day, inclusive.
        #[serde(serialize_with = "iso_date")]
        end: Date,
        /// The TIMEX3 `value`: `2022-01-10`, `2021-12`, `2022-W02`, `199`…
        timex: String,
    },
    /// The country's ISO alpha-2 code, as a bare string.
    Country(CountryCode),
    /// `{"name", "country"}`: the canonical English name and the sovereign state.
    Place {
        /// Canonical English name (`"Kyiv"` for `Kiev`); a place the tables lack is named by
        /// its text (`INDEPENDENCE, Mo.` gives `Independence`).
        name: Cow<'static, str>,
        /// The country the UN recognises as sovereign there.
        country: CountryCode,
    },
}

impl Value {
    /// The kind of claim this value belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Quantity { .. } => Kind::Quantity,
            Value::Date { .. } => Kind::Date,
            Value::Country(_) => Kind::Country,
            Value::Place { .. } => Kind::Place,
        }
    }
}

fn iso_date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso(*d))
}

/// `YYYY-MM-DD` for a four-digit year, written by hand: jiff's `Display` would ship its
/// printer and error machinery to the browser.
pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// One checkable claim. Serialises to the contract's JSON:
/// `{"kind", "start", "end", "text", "value"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Start of the span in UTF-16 code units, as JavaScript indexes strings.
    pub start: usize,
    /// End of the span (exclusive) in UTF-16 code units.
    pub end: usize,
    /// The span's text, exactly the input's slice.
    pub text: String,
    /// The kind and value together.
    #[serde(flatten)]
    pub value: Value,
}

impl Claim {
    /// The claim's kind.
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    #[test]
    fn iso_matches_jiff() {
        for d in [date(2022, 1, 10), date(1000, 12, 31), date(9998, 2, 28)] {
            assert_eq!(super::iso(d), d.to_string());
        }
    }
}
