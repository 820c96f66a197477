//! factmark finds the checkable claims in news text — quantities (above all troop counts),
//! dates (relative ones resolved against the publication date), countries and places — as
//! the contract in `shared/claims/ANNOTATION.md` defines them.
//!
//! ```
//! let options = factmark::Options::from_date("2022-01-10")?;
//! for claim in factmark::scan("Talks began on Monday in Geneva.", &options) {
//!     println!("{} {}..{} {:?}", claim.kind().name(), claim.start, claim.end, claim.text);
//! }
//! # Ok::<(), factmark::Error>(())
//! ```
//!
//! # Map
//! - [`scan`] (`scan.rs`): the driver; runs the finders, resolves overlaps, converts offsets.
//! - `token.rs`: the one tokenizer every finder reads.
//! - `quantity/`, `date/`, `country/`: one finder per kind (places live with countries,
//!   which share their tables and their disambiguation). A finder proposes candidates; only
//!   the driver decides which become claims.
//! - [`check`] (`consistency/`): findings where the article disagrees with itself or the
//!   calendar, each linking the claims involved; `offsets.rs` maps claims back to bytes.
//! - [`facts`] (`facts.rs`): capital and population per country, with source and year.
//! - [`annotations`], [`claim_review`] (`annotation.rs`): W3C Web Annotations, schema.org
//!   `ClaimReview`.
//! - [`sentences`] (`sentence/`): sentence splitting, check-worthiness scores and Full Fact
//!   claim types with their reasons; the model's weights are the generated
//!   `data/checkworthy.tsv` (`cargo run --release --bin train_checkworthy`).
//! - `data/*.tsv`: names, aliases, demonyms, places — each headed by its source and licence.
//! - `wasm.rs`: the only file that knows about wasm-bindgen.
//!
//! # Invariants
//! - Pure: no clock, IO or DOM in the core; the reference date is an input.
//! - Scanning never fails and never panics; only bad [`Options`] are an [`Error`].
//! - Offsets are UTF-8 bytes inside, UTF-16 code units in every [`Claim`], converted once.
//! - Output is sorted by start and never overlaps; overlaps are settled in one place.
#![deny(missing_docs)]

/// A table of `src/data/` as `build.rs` leaves it: the same lines without the `#` comments.
macro_rules! data {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}

mod annotation;
mod claim;
mod consistency;
mod country;
mod date;
mod facts;
mod offsets;
mod options;
mod quantity;
mod scan;
mod sentence;
mod token;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use annotation::{annotations, claim_review};
pub use claim::{Claim, CountryCode, Kind, Unit, Value};
pub use consistency::{check, Check, Finding, Place};
pub use facts::{facts, CountryFacts};
pub use options::{parse_date, Error, Options};
pub use scan::scan;
pub use sentence::{
    assess, features, sentences, sentences_of, Assessment, ClaimType, Cue, Reason, Sentence, FEATURE_BUCKETS,
};
