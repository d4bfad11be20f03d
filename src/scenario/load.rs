//! Reading a scenario file: size limit, UTF-8, RON parsing and validation,
//! with every problem turned into a located [`Diagnostic`]. Never panics:
//! anything the file contains becomes a diagnostic, and only I/O failures
//! (missing file, no permission) are errors.

use std::io::Read;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};

use super::diag::{Diagnostic, Severity, did_you_mean};
use super::model::{FORMAT_VERSION, Scenario};
use super::report::Reporter;
use super::spans;
use super::validate::{TrapIds, validate};
use crate::i18n::Lang;
use crate::text::{QUOTE_MAX, clip, quote};
use crate::tr;

/// The diagnostic code of every control-character error, raw or escaped.
pub const CONTROL_CHAR: &str = "control-char";

/// Files larger than this are refused before parsing (`--max-size` changes it).
pub const DEFAULT_MAX_SIZE: u64 = 8 * 1024 * 1024;

/// The outcome of checking one file: the scenario when it parsed, and every
/// problem found. A scenario with errors must not be run.
#[derive(Debug)]
pub struct Checked {
    pub path: String,
    /// The text as read (lossy for invalid UTF-8), for excerpts.
    pub source: String,
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }

    /// The scenario, if it parsed and has no errors.
    pub fn runnable(&self) -> Option<&Scenario> {
        self.scenario.as_ref().filter(|_| self.errors() == 0)
    }

    /// The scenario, if it parsed and its only errors are control
    /// characters: for reading back a recording made from it (an old or
    /// hand-made session file), whose every output escapes them, rather than
    /// refusing the user's own record. Never for starting a new session.
    pub fn readable(&self) -> Option<&Scenario> {
        let only_controls = self.diagnostics.iter().filter(|d| d.is_error()).all(|d| d.code == CONTROL_CHAR);
        self.scenario.as_ref().filter(|_| only_controls)
    }
}

/// An I/O problem reading a file (as opposed to a problem in its content).
/// `path` is as given; the message escapes it.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", crate::text::one_line(.path))]
pub struct ReadError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Reads and checks the file at `path`, refusing files over `max_size`;
/// the messages in the UI language.
pub fn check_file(path: &Path, max_size: u64, traps: &dyn TrapIds) -> Result<Checked, ReadError> {
    check_file_in(crate::i18n::ui(), path, max_size, traps)
}

/// [`check_file`] with the messages in `lang`.
pub fn check_file_in(lang: Lang, path: &Path, max_size: u64, traps: &dyn TrapIds) -> Result<Checked, ReadError> {
    Ok(match read_source(lang, path, max_size)? {
        Ok(text) => check_source(lang, &path.display().to_string(), text, traps),
        Err(refused) => *refused,
    })
}

/// The text of the file at `path`, as [`check_file`] reads it (size
/// limit, UTF-8, a byte-order mark read as a space), or the diagnostic
/// that refuses it. For callers that check other kinds of file (playtest
/// answers) with the same reading rules.
pub fn read_source(lang: Lang, path: &Path, max_size: u64) -> Result<Result<String, Box<Checked>>, ReadError> {
    let shown = path.display().to_string();
    let io_err = |source| ReadError { path: shown.clone(), source };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if len > max_size {
        return Ok(Err(Box::new(too_big(lang, shown, len, max_size))));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // Read one byte past the limit so a file that grew is still caught.
    file.take(max_size + 1).read_to_end(&mut bytes).map_err(io_err)?;
    if bytes.len() as u64 > max_size {
        return Ok(Err(Box::new(too_big(lang, shown, bytes.len() as u64, max_size))));
    }
    Ok(decode(lang, &shown, &bytes))
}

fn too_big(lang: Lang, path: String, len: u64, max: u64) -> Checked {
    let diag = Diagnostic {
        path: path.clone(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        code: "too-large",
        message: tr!(lang, "load-too-large", len = len.to_string(), max = max.to_string()),
        help: Some(tr!(lang, "load-too-large-help")),
        notes: Vec::new(),
    };
    Checked { path, source: String::new(), scenario: None, diagnostics: vec![diag] }
}

/// Checks scenario text that is already in memory; the messages in the
/// UI language.
pub fn check_bytes(path: &str, bytes: &[u8], traps: &dyn TrapIds) -> Checked {
    check_bytes_in(crate::i18n::ui(), path, bytes, traps)
}

/// [`check_bytes`] with the messages in `lang`.
pub fn check_bytes_in(lang: Lang, path: &str, bytes: &[u8], traps: &dyn TrapIds) -> Checked {
    match decode(lang, path, bytes) {
        Ok(text) => check_source(lang, path, text, traps),
        Err(refused) => *refused,
    }
}

/// Checks decoded scenario (or catalogue) text.
fn check_source(lang: Lang, path: &str, text: String, traps: &dyn TrapIds) -> Checked {
    let (scenario, diagnostics) = check_text(lang, path, &text, traps);
    Checked { path: path.to_string(), source: text, scenario, diagnostics }
}

/// The file's bytes as text, or the diagnostic for invalid UTF-8.
fn decode(lang: Lang, path: &str, bytes: &[u8]) -> Result<String, Box<Checked>> {
    let text = std::str::from_utf8(bytes).map_err(|e| Box::new(bad_utf8(lang, path, bytes, e)))?;
    // A byte-order mark from a Windows editor is read as a space, which
    // keeps every character column where the editor shows it.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => format!(" {rest}"),
        None => text.to_string(),
    })
}

fn bad_utf8(lang: Lang, path: &str, bytes: &[u8], e: std::str::Utf8Error) -> Checked {
    let valid = &bytes[..e.valid_up_to()];
    // The prefix is valid by construction; the lossy form only guards it.
    let prefix = String::from_utf8_lossy(valid);
    let line = 1 + prefix.matches('\n').count();
    let col = 1 + prefix.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let diag = Diagnostic {
        path: path.to_string(),
        line,
        col,
        severity: Severity::Error,
        code: "invalid-utf8",
        message: tr!(lang, "load-invalid-utf8", byte = format!("0x{:02X}", bytes[e.valid_up_to()])),
        help: Some(tr!(lang, "load-invalid-utf8-help")),
        notes: Vec::new(),
    };
    Checked {
        path: path.to_string(),
        source: String::from_utf8_lossy(bytes).into_owned(),
        scenario: None,
        diagnostics: vec![diag],
    }
}

/// What a file that cannot be a scenario starts with, and what to do:
/// judged by its first value (past comments and `#![...]` attributes), so
/// a JSON, YAML or answers file gets one plain sentence instead of RON's
/// parser errors. A first value that could still be a scenario (`(`,
/// `Scenario`, or any other name, which RON reports as a misnamed struct)
/// is left to the parser.
fn not_a_scenario(lang: Lang, text: &str) -> Option<(String, String)> {
    let rest = spans::first_value(text);
    let first = rest.chars().next()?;
    let help = match first {
        '{' => tr!(lang, "load-not-a-scenario-map-help"),
        '[' => tr!(lang, "load-not-a-scenario-list-help"),
        '-' | '"' | '\'' | '<' | '#' | '0'..='9' => tr!(lang, "load-not-a-scenario-help"),
        // A name: `Name(` may be a misnamed struct, which the parser names;
        // a word followed by anything else is prose (Markdown, a note).
        c if c.is_alphabetic() => {
            let after = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_').trim_start();
            if after.starts_with('(') {
                return None;
            }
            let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            return Some((format!("`{}`", crate::text::quote(&word)), tr!(lang, "load-not-a-scenario-help")));
        }
        _ => return None,
    };
    Some((format!("`{}`", crate::text::quote(&first.to_string())), help))
}

/// The RON options every scenario file is read with: `Some` may be left out.
pub fn ron_options() -> ron::Options {
    crate::ron_syntax::options()
}

fn check_text(lang: Lang, path: &str, text: &str, traps: &dyn TrapIds) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut rep = Reporter::new(lang, path, text);
    if spans::is_blank(text) {
        rep.error(None, "empty-file", tr!(lang, "load-empty-file"), tr!(lang, "load-empty-file-help"));
        return (None, rep.diagnostics);
    }
    if let Some((found, help)) = not_a_scenario(lang, text) {
        rep.error(None, "not-a-scenario", tr!(lang, "load-not-a-scenario", found = found), help);
        return (None, rep.diagnostics);
    }
    let hazards = report_hazards(&mut rep, text);
    let escaped = report_escaped_hazards(&mut rep, text);
    if spans::root_tag(text) == Some("Catalogue") {
        check_catalogue(path, text, spans::scan(text).as_ref(), &hazards, escaped, &mut rep);
        return (None, sorted(rep.diagnostics));
    }
    let scenario = match ron_options().from_str::<Scenario>(text) {
        Ok(sc) => {
            report_parsed_hazard(&mut rep, &sc, !hazards.is_empty() || escaped);
            // The span tree is only needed to place diagnostics, and costs
            // more than validating: build it only when there is something
            // to place.
            let mut quick = Reporter::new(lang, path, text);
            validate(&sc, None, traps, &mut quick);
            if !quick.diagnostics.is_empty() {
                validate(&sc, spans::scan(text).as_ref(), traps, &mut rep);
            }
            Some(sc)
        }
        Err(e) => {
            let root = spans::scan(text);
            if !unknown_format(&mut rep, text, root.as_ref()) {
                ron_diagnostic(&mut rep, text, root.as_ref(), &hazards, &e);
            }
            None
        }
    };
    (scenario, sorted(rep.diagnostics))
}

fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by_key(|d| (d.line, d.col));
    diags
}

/// An unknown format version may not parse as this version's schema: when
/// parsing fails, say that first rather than report a confusing field error.
fn unknown_format(rep: &mut Reporter, text: &str, root: Option<&spans::SpanNode>) -> bool {
    let Some(fmt) = root.and_then(|r| r.field("format")) else {
        return false;
    };
    let written = text[fmt.span.clone()].trim();
    if written.parse::<u64>().ok() == Some(u64::from(FORMAT_VERSION)) {
        return false;
    }
    let found = crate::text::one_line(&quote(written));
    let help = tr!(rep.lang, "diag-unknown-format-help", version = FORMAT_VERSION);
    rep.error(Some(fmt), "unknown-format", tr!(rep.lang, "diag-unknown-format", found = found), help);
    true
}

/// A trap catalogue given to `check`: parsed and validated like a scenario.
/// Clashes with bundled ids count only in the user's own catalogue.
fn check_catalogue(
    path: &str,
    text: &str,
    root: Option<&spans::SpanNode>,
    hazards: &[usize],
    escaped: bool,
    rep: &mut Reporter,
) {
    let bundled = crate::traps::parse("bundled", crate::traps::BUNDLED_SOURCE).unwrap_or_default();
    let is_user = crate::paths::user_catalogue().is_some_and(|u| same_file(&u, path));
    match ron_options().from_str::<crate::traps::Catalogue>(text) {
        Ok(cat) => {
            report_parsed_hazard(rep, &cat, !hazards.is_empty() || escaped);
            let known = if is_user { bundled } else { crate::traps::Catalogue::default() };
            super::validate::validate_catalogue(&cat, root, &known, is_user, rep);
        }
        Err(e) => ron_diagnostic(rep, text, root, hazards, &e),
    }
}

fn same_file(a: &Path, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The checks every RON file `check` reads shares, for a kind of file
/// defined above this module (playtest answers): control characters,
/// raw and escaped, and a `ron` error turned into a located lesson or,
/// when none fits, into `fallback`'s message and hint.
pub fn report_unsafe_text(rep: &mut Reporter, text: &str) -> Vec<usize> {
    let mut hazards = report_hazards(rep, text);
    if report_escaped_hazards(rep, text) {
        hazards.push(usize::MAX);
    }
    hazards
}

/// See [`report_unsafe_text`]: one `ron` error, located and taught.
pub fn report_syntax(
    rep: &mut Reporter,
    text: &str,
    hazards: &[usize],
    e: &SpannedError,
    fallback: &dyn Fn(Lang, &RonError) -> (String, String),
) {
    let start = rep.offset(e.span.start.line.max(1), e.span.start.col.max(1));
    let at = start + text[start..].len() - text[start..].trim_start().len();
    if hazards.contains(&at) {
        return;
    }
    let root = spans::scan(text);
    let path = root.as_ref().map(|r| spans::path_at(r, at)).unwrap_or_default();
    let field = path.iter().rev().find_map(|(name, _)| *name);
    let (at, message, help) = match super::teach::syntax(rep.lang, text, at, &e.code, field) {
        Some(lesson) => (lesson.at, lesson.message, lesson.help),
        None => {
            let (message, help) = fallback(rep.lang, &e.code);
            (at, message, help)
        }
    };
    let (line, col) = rep.position(at);
    rep.push(line, col, Severity::Error, code_name(&e.code), message, Some(help));
}

/// Reports every character that must not be in a scenario: C0/C1 controls
/// (other than tab and line breaks) and bidi overrides, which could drive a
/// terminal or make text read differently than it is. Returns their offsets.
fn report_hazards(rep: &mut Reporter, text: &str) -> Vec<usize> {
    const SHOWN: usize = 20;
    let found: Vec<(usize, char)> =
        text.char_indices().filter(|&(_, c)| crate::text::is_hazard(c) && c != '\r').collect();
    for &(at, c) in found.iter().take(SHOWN) {
        let (line, col) = rep.position(at);
        let lang = rep.lang;
        let (what, help) = (hazard_name(lang, c), tr!(lang, "load-control-char-help"));
        rep.push(line, col, Severity::Error, CONTROL_CHAR, tr!(lang, "load-control-char", what = what), Some(help));
    }
    if found.len() > SHOWN {
        let (line, col) = rep.position(found[SHOWN].0);
        let msg = tr!(rep.lang, "load-control-char-more", n = found.len() - SHOWN);
        rep.push(line, col, Severity::Error, CONTROL_CHAR, msg, Some(tr!(rep.lang, "load-control-char-more-help")));
    }
    found.into_iter().map(|(at, _)| at).collect()
}

/// What a hazardous character is, for a message.
fn hazard_name(lang: Lang, c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    match c {
        '\0' => tr!(lang, "hazard-nul"),
        '\u{2028}' | '\u{2029}' => tr!(lang, "hazard-line-separator", code = code),
        c if crate::text::is_bidi_control(c) => tr!(lang, "hazard-bidi", code = code),
        _ => tr!(lang, "hazard-control", code = code),
    }
}

/// Reports every escape in a string (`"\u{1b}"`, `"\x1b"`, `"\0"`, ...)
/// that decodes to a character [`report_hazards`] would refuse raw: the
/// parsed text is what reaches the outputs, however it was written. Each
/// error sits at the escape's backslash. Returns whether any was found.
fn report_escaped_hazards(rep: &mut Reporter, text: &str) -> bool {
    const SHOWN: usize = 20;
    let found = super::escapes::escaped_hazards(text);
    for h in found.iter().take(SHOWN) {
        let (line, col) = rep.position(h.at);
        let written = crate::text::one_line(&quote(&h.written));
        let lang = rep.lang;
        let message = tr!(lang, "load-escaped-control", what = hazard_name(lang, h.decoded), written = written);
        let help = tr!(lang, "load-escaped-control-help");
        rep.push(line, col, Severity::Error, CONTROL_CHAR, message, Some(help));
    }
    if found.len() > SHOWN {
        let (line, col) = rep.position(found[SHOWN].at);
        let msg = tr!(rep.lang, "load-escaped-control-more", n = found.len() - SHOWN);
        rep.push(line, col, Severity::Error, CONTROL_CHAR, msg, None);
    }
    !found.is_empty()
}

/// The backstop behind [`report_escaped_hazards`]: if a string `ron`
/// produced still holds a hazard that neither check placed, say so at the
/// start of the file rather than let it through.
fn report_parsed_hazard<T: serde::Serialize>(rep: &mut Reporter, value: &T, already_reported: bool) {
    if already_reported {
        return;
    }
    if let Some(c) = super::escapes::parsed_hazard(value) {
        let message = tr!(rep.lang, "load-parsed-control", what = hazard_name(rep.lang, c));
        let help = tr!(rep.lang, "load-parsed-control-help");
        rep.push(1, 1, Severity::Error, CONTROL_CHAR, message, Some(help));
    }
}

/// Turns a `ron` error into our message and hint, at the token it is about.
fn ron_diagnostic(rep: &mut Reporter, text: &str, root: Option<&spans::SpanNode>, hazards: &[usize], e: &SpannedError) {
    // ron reports the cursor before the offending token: step over blanks.
    let start = rep.offset(e.span.start.line.max(1), e.span.start.col.max(1));
    let at = start + text[start..].len() - text[start..].trim_start().len();
    if hazards.contains(&at) {
        return; // already reported as a control character
    }
    let path = root.map(|r| spans::path_at(r, at)).unwrap_or_default();
    let field = path.iter().rev().find_map(|(name, _)| *name);
    if let Some(lesson) = super::teach::syntax(rep.lang, text, at, &e.code, field) {
        let (line, col) = rep.position(lesson.at);
        rep.push(line, col, Severity::Error, code_name(&e.code), lesson.message, Some(lesson.help));
        return;
    }
    let (message, help) = describe(rep.lang, &e.code, field);
    // A missing field is best shown at the value that lacks it.
    let at = match (&e.code, path.last()) {
        (RonError::MissingStructField { .. }, Some((_, node))) => node.span.start,
        // ron has already consumed a minus sign when it finds the number too small.
        (RonError::IntegerOutOfBounds, _) if text[..at].ends_with('-') => at - 1,
        _ => at,
    };
    let (line, col) = rep.position(at);
    rep.push(line, col, Severity::Error, code_name(&e.code), message, Some(help));
}

fn describe(lang: Lang, code: &RonError, field: Option<&str>) -> (String, String) {
    let within = |outer: &Option<String>| {
        outer.as_ref().map(|o| tr!(lang, "ron-within", outer = o.as_str())).unwrap_or_default()
    };
    let suggest = |found: &str, expected: &[&str], what: &str| match super::teach::alias(found, expected)
        .or_else(|| did_you_mean(found, expected.iter().copied()))
    {
        Some(m) => tr!(lang, "diag-did-you-mean", name = m),
        None if expected.is_empty() && what == "struct" => tr!(lang, "ron-takes-nothing-struct"),
        None if expected.is_empty() => tr!(lang, "ron-takes-nothing-enum"),
        None => tr!(lang, "ron-expected-one-of", list = expected.join(", ")),
    };
    let subject = field.map_or(tr!(lang, "ron-this-value"), |f| format!("`{f}`"));
    let must_be = |what: String, example: &str| {
        (
            tr!(lang, "ron-must-be", subject = subject.as_str(), what = what),
            tr!(lang, "ron-for-example", example = format!("{}: {example}", field.unwrap_or("field"))),
        )
    };
    match code {
        RonError::NoSuchStructField { expected, found, outer } => (
            tr!(lang, "ron-unknown-field", found = quote(found), within = within(outer)),
            suggest(found, expected, "struct"),
        ),
        RonError::NoSuchEnumVariant { expected, found, outer } => (
            tr!(lang, "ron-unknown-variant", found = quote(found), within = within(outer)),
            suggest(found, expected, "enum"),
        ),
        RonError::MissingStructField { field, outer } => (
            tr!(lang, "ron-missing-field", field = *field, within = within(outer)),
            tr!(lang, "ron-missing-field-help", field = *field),
        ),
        RonError::DuplicateStructField { field, outer } => (
            tr!(lang, "ron-duplicate-field", field = *field, within = within(outer)),
            tr!(lang, "ron-duplicate-field-help"),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            tr!(lang, "ron-wrong-struct-name", expected = *expected, found = quote(found)),
            tr!(lang, "ron-wrong-struct-name-help", expected = *expected),
        ),
        RonError::ExpectedInteger => must_be(tr!(lang, "ron-a-whole-number"), "90"),
        // A tolerance is a variant holding the number, never a bare number.
        RonError::ExpectedFloat if field == Some("tolerance") => must_be(tr!(lang, "ron-a-tolerance"), "Abs(0.5)"),
        RonError::ExpectedFloat => must_be(tr!(lang, "ron-a-number"), "22.5"),
        RonError::ExpectedString => must_be(tr!(lang, "ron-a-string"), "\"...\""),
        RonError::ExpectedBoolean => must_be(tr!(lang, "ron-a-boolean"), "true"),
        RonError::ExpectedArray => must_be(tr!(lang, "ron-a-list"), "[...]"),
        RonError::IntegerOutOfBounds => {
            (tr!(lang, "ron-out-of-range", subject = subject.as_str()), tr!(lang, "ron-out-of-range-help"))
        }
        RonError::ExpectedNamedStructLike(name) => {
            (tr!(lang, "ron-expected-open", what = friendly(lang, name)), tr!(lang, "ron-expected-open-help"))
        }
        RonError::ExpectedArrayEnd => (tr!(lang, "ron-expected-list-end"), tr!(lang, "ron-expected-list-end-help")),
        RonError::ExpectedStructLikeEnd => {
            (tr!(lang, "ron-expected-struct-end"), tr!(lang, "ron-expected-struct-end-help"))
        }
        RonError::ExpectedIdentifier => (tr!(lang, "ron-expected-identifier"), tr!(lang, "ron-stray-character")),
        RonError::Eof => (tr!(lang, "ron-eof"), tr!(lang, "ron-eof-help")),
        RonError::ExceededRecursionLimit => (tr!(lang, "ron-too-deep"), tr!(lang, "ron-too-deep-help")),
        RonError::UnexpectedChar(c) => (
            tr!(lang, "ron-unexpected-char", char = c.escape_debug().to_string()),
            tr!(lang, "ron-unexpected-char-help"),
        ),
        RonError::TrailingCharacters => (tr!(lang, "ron-trailing"), tr!(lang, "ron-trailing-help")),
        RonError::ExpectedComma => (tr!(lang, "ron-expected-comma"), tr!(lang, "ron-expected-comma-help")),
        // `tolerance: 5`, `Var("x", 0)`: RON reads the bare value as a name
        // and suggests Rust's raw-identifier syntax, which never helps here.
        RonError::SuggestRawIdentifier(found) => {
            (tr!(lang, "ron-bare-value", found = clip(found, QUOTE_MAX).into_owned()), tr!(lang, "ron-bare-value-help"))
        }
        RonError::ExpectedStringEnd => (tr!(lang, "ron-string-end"), tr!(lang, "ron-string-end-help")),
        RonError::InvalidValueForType { expected, found } => (
            tr!(
                lang,
                "ron-invalid-value",
                subject = subject.as_str(),
                expected = expected.as_str(),
                found = quote(found)
            ),
            tr!(lang, "ron-invalid-value-help"),
        ),
        // Other errors may carry text from the file too (an extension's
        // name, a message): keep the whole message within bounds. ron's
        // own wording stays as ron writes it.
        other => (clip(&other.to_string(), 2 * QUOTE_MAX).into_owned(), tr!(lang, "ron-see-format")),
    }
}

/// How a coach would name one of the format's structs.
fn friendly(lang: Lang, name: &str) -> String {
    match name {
        "ChoiceOption" => tr!(lang, "ron-struct-choice-option"),
        "Rule" => tr!(lang, "ron-struct-rule"),
        "Transition" => tr!(lang, "ron-struct-transition"),
        "Node" => tr!(lang, "ron-struct-node"),
        "Persona" => tr!(lang, "ron-struct-persona"),
        "Scenario" => tr!(lang, "ron-struct-scenario"),
        other => other.to_string(),
    }
}

fn code_name(code: &RonError) -> &'static str {
    match code {
        RonError::NoSuchStructField { .. } => "unknown-field",
        RonError::NoSuchEnumVariant { .. } => "unknown-variant",
        RonError::MissingStructField { .. } => "missing-field",
        RonError::DuplicateStructField { .. } => "duplicate-field",
        RonError::ExceededRecursionLimit => "too-deep",
        RonError::Eof => "unexpected-eof",
        _ => "syntax",
    }
}
