//! The rule language: conditions over answer text, its signals and the
//! session variables. Shared by FreeText branches and trap detection.
//!
//! - [`Cond`]: what a coach writes in RON.
//! - [`Matcher`]: a compiled `Cond`, evaluated against an [`Answer`].
//! - [`lexicon`]: a file's named conditions and extra signal phrases.
//! - [`signals`]: numbers, money, changes, structure… found in a text.

mod cond;
mod eval;
pub mod lexicon;
pub mod negation;
pub mod phrases;
pub mod signals;

pub use cond::{Cmp, Cond};
pub use eval::{Answer, Env, Evidence, Matcher, NoEnv, PatternError};
pub use lexicon::{Compiler, Conditions, SignalPhrases};
use phrases::PhraseSet;

/// Compiles a coach-written regex: case-insensitive, Unicode, and with a
/// size limit so a pathological pattern is refused rather than slow.
pub fn build_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).case_insensitive(true).size_limit(1 << 20).dfa_size_limit(1 << 18).build()
}

/// Only parses a pattern: the cheapest check, for start-up, where `check`
/// has already done the thorough one.
pub fn parse_regex(pattern: &str) -> Result<(), String> {
    let mut parser = regex_syntax::ParserBuilder::new().unicode(true).build();
    parser.parse(pattern).map(|_| ()).map_err(|e| last_line(&e))
}

/// Checks a coach-written regex without compiling it: parsing costs a few
/// microseconds where compiling costs ~150, so `check` stays fast on large
/// scenarios. Case folding cannot make a valid pattern invalid, so the
/// translation skips it; only counted repetitions (`{n}`) or sheer length can
/// blow the size limit, so those patterns are compiled as well.
pub fn check_regex(pattern: &str) -> Result<(), String> {
    parse_regex(pattern)?;
    if pattern.contains('{') || pattern.len() > 300 {
        build_regex(pattern).map_err(|e| last_line(&e))?;
    }
    Ok(())
}

/// The useful line of a regex error message.
fn last_line(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    text.lines().last().unwrap_or("invalid").trim().trim_start_matches("error: ").to_string()
}
