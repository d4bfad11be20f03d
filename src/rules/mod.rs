//! The rule language: conditions over answer text, its signals and the
//! session variables. Shared by FreeText branches and trap detection.

mod cond;

pub use cond::{Cmp, Cond};

/// Compiles a coach-written regex: case-insensitive, Unicode, and with a
/// size limit so a pathological pattern is refused rather than slow.
pub fn build_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).case_insensitive(true).size_limit(1 << 20).dfa_size_limit(1 << 20).build()
}
