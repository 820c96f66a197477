//! The date finder.

use crate::options::Options;
use crate::scan::Candidate;
use crate::token::Text;

/// Proposes date claims.
pub(crate) fn find(_text: &Text, _options: &Options, _out: &mut Vec<Candidate>) {}
