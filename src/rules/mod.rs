//! The rule language: conditions over answer text, its signals and the
//! session variables. Shared by FreeText branches and trap detection.
//!
//! - [`Cond`]: what a coach writes in RON.
//! - [`Matcher`]: a compiled `Cond`, evaluated against an [`Answer`].
//! - [`signals`]: numbers, money, changes, structure… found in a text.

mod cond;
mod eval;
pub mod signals;

pub use cond::{Cmp, Cond};
pub use eval::{Answer, Env, Evidence, Matcher, NoEnv, phrase_pattern};

/// Compiles a coach-written regex: case-insensitive, Unicode, and with a
/// size limit so a pathological pattern is refused rather than slow.
pub fn build_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).case_insensitive(true).size_limit(1 << 20).dfa_size_limit(1 << 20).build()
}
