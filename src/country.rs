//! The country finder.

use crate::options::Options;
use crate::scan::Candidate;
use crate::token::Text;

/// Proposes country claims.
pub(crate) fn find(_text: &Text, _options: &Options, _out: &mut Vec<Candidate>) {}
