//! Reference facts per country, bundled for the country popover: capital, population and
//! the population's year and source (`data/facts.tsv`, headed by its sources and licences).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

/// What a reader checking a claim about a country wants at hand. Serialises as
/// `{"code", "capital", "population", "populationYear", "populationSource", "capitalSource"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryFacts {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo).
    pub code: &'static str,
    /// The capital (several, with their roles, where a country has more than one).
    pub capital: &'static str,
    /// Total population.
    pub population: u64,
    /// The year the population figure is for.
    pub population_year: u16,
    /// Where the population figure comes from, with its licence.
    pub population_source: &'static str,
    /// Where the capital comes from, with its licence.
    pub capital_source: &'static str,
}

const WORLD_BANK: &str = "World Bank, World Development Indicators (SP.POP.TOTL), CC BY 4.0";
const FACTBOOK: &str = "CIA World Factbook, public domain";

fn table() -> &'static HashMap<&'static str, CountryFacts> {
    static TABLE: OnceLock<HashMap<&'static str, CountryFacts>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows = data!("facts.tsv").lines().filter(|l| !l.starts_with('#'));
        rows.filter_map(|line| {
            let mut f = line.split('\t');
            let (code, capital, population, year, source) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
            let population_source = if source == "WB" { WORLD_BANK } else { FACTBOOK };
            let facts = CountryFacts {
                code,
                capital,
                population: population.parse().ok()?,
                population_year: year.parse().ok()?,
                population_source,
                capital_source: FACTBOOK,
            };
            Some((code, facts))
        })
        .collect()
    })
}

/// The bundled facts for the country with ISO code `code` (any case), if it is one the
/// scanner knows.
///
/// ```
/// let ua = factmark::facts("UA").unwrap();
/// assert_eq!(ua.capital, "Kyiv");
/// assert!(ua.population > 40_000_000);
/// assert!(factmark::facts("EU").is_none());
/// ```
pub fn facts(code: &str) -> Option<CountryFacts> {
    table().get(code.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_and_covers_the_scanners_countries() {
        let rows = data!("facts.tsv").lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(table().len(), rows);
        assert_eq!(rows, 197, "193 UN members, VA, PS, TW, XK");
        for code in ["US", "RU", "PS", "VA", "TW", "XK", "GB"] {
            assert!(facts(code).is_some(), "{code}");
        }
        assert_eq!(facts("tw").unwrap().population_source, FACTBOOK);
        assert_eq!(facts("de").unwrap().population_year, 2019);
    }
}
