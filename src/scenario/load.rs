//! Reading a scenario file: size limit, UTF-8, RON parsing and validation,
//! with every problem turned into a located [`Diagnostic`]. Never panics:
//! anything the file contains becomes a diagnostic, and only I/O failures
//! (missing file, no permission) are errors.

use std::io::Read;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::diag::{Diagnostic, Severity, did_you_mean};
use super::model::{FORMAT_VERSION, Scenario};
use super::report::Reporter;
use super::spans;
use super::validate::{TrapIds, validate};

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
}

/// An I/O problem reading a file (as opposed to a problem in its content).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct ReadError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Reads and checks the file at `path`, refusing files over `max_size`.
pub fn check_file(path: &Path, max_size: u64, traps: &dyn TrapIds) -> Result<Checked, ReadError> {
    let shown = path.display().to_string();
    let io_err = |source| ReadError { path: shown.clone(), source };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if len > max_size {
        return Ok(too_big(shown, len, max_size));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // Read one byte past the limit so a file that grew is still caught.
    file.take(max_size + 1).read_to_end(&mut bytes).map_err(io_err)?;
    if bytes.len() as u64 > max_size {
        return Ok(too_big(shown, bytes.len() as u64, max_size));
    }
    Ok(check_bytes(&shown, &bytes, traps))
}

fn too_big(path: String, len: u64, max: u64) -> Checked {
    let diag = Diagnostic {
        path: path.clone(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        code: "too-large",
        message: format!("file is {} bytes, over the {} byte limit", len, max),
        help: Some("scenarios are small text files; pass --max-size BYTES to raise the limit".into()),
    };
    Checked { path, source: String::new(), scenario: None, diagnostics: vec![diag] }
}

/// Checks scenario text that is already in memory.
pub fn check_bytes(path: &str, bytes: &[u8], traps: &dyn TrapIds) -> Checked {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return bad_utf8(path, bytes, e),
    };
    let (scenario, diagnostics) = check_text(path, text, traps);
    Checked { path: path.to_string(), source: text.to_string(), scenario, diagnostics }
}

fn bad_utf8(path: &str, bytes: &[u8], e: std::str::Utf8Error) -> Checked {
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
        message: format!("invalid UTF-8 (byte 0x{:02X})", bytes[e.valid_up_to()]),
        help: Some("scenario files must be UTF-8 text; re-save the file as UTF-8".into()),
    };
    Checked {
        path: path.to_string(),
        source: String::from_utf8_lossy(bytes).into_owned(),
        scenario: None,
        diagnostics: vec![diag],
    }
}

/// The RON options every scenario file is read with: `Some` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn check_text(path: &str, text: &str, traps: &dyn TrapIds) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut rep = Reporter::new(path, text);
    if text.trim().is_empty() {
        rep.error(
            None,
            "empty-file",
            "the file is empty".into(),
            "a scenario starts with `Scenario(`; `hotseat new FILE` writes a starter".to_string(),
        );
        return (None, rep.diagnostics);
    }
    let root = spans::scan(text);
    // An unknown format version may not parse as this version's schema:
    // say so first rather than report a confusing field error.
    if let Some(fmt) = root.as_ref().and_then(|r| r.field("format"))
        && text[fmt.span.clone()].trim() != FORMAT_VERSION.to_string()
    {
        let found = crate::text::one_line(&text[fmt.span.clone()]);
        rep.error(
            Some(fmt),
            "unknown-format",
            format!("unknown format {found}"),
            format!("this hotseat reads format {FORMAT_VERSION}"),
        );
        return (None, rep.diagnostics);
    }
    match ron_options().from_str::<Scenario>(text) {
        Ok(sc) => {
            validate(&sc, root.as_ref(), traps, &mut rep);
            let mut diags = rep.diagnostics;
            diags.sort_by_key(|d| (d.line, d.col));
            (Some(sc), diags)
        }
        Err(e) => {
            ron_diagnostic(&mut rep, &e);
            (None, rep.diagnostics)
        }
    }
}

/// Turns a `ron` error into our message and hint. `ron` positions are
/// 1-based and count characters, like ours.
fn ron_diagnostic(rep: &mut Reporter, e: &SpannedError) {
    let (message, help) = describe(&e.code);
    let pos = e.span.start;
    rep.push(pos.line.max(1), pos.col.max(1), Severity::Error, code_name(&e.code), message, Some(help));
}

fn describe(code: &RonError) -> (String, String) {
    let within = |outer: &Option<String>| outer.as_ref().map(|o| format!(" in `{o}`")).unwrap_or_default();
    let suggest = |found: &str, expected: &[&str], what: &str| match did_you_mean(found, expected.iter().copied()) {
        Some(m) => format!("did you mean \"{m}\"?"),
        None if expected.is_empty() => format!("this {what} takes nothing here"),
        None => format!("expected one of: {}", expected.join(", ")),
    };
    match code {
        RonError::NoSuchStructField { expected, found, outer } => {
            (format!("unknown field \"{found}\"{}", within(outer)), suggest(found, expected, "struct"))
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            (format!("unknown variant \"{found}\"{}", within(outer)), suggest(found, expected, "enum"))
        }
        RonError::MissingStructField { field, outer } => (
            format!("missing field \"{field}\"{}", within(outer)),
            format!("add `{field}: ...`; see docs/scenario-format.md"),
        ),
        RonError::DuplicateStructField { field, outer } => {
            (format!("field \"{field}\" appears twice{}", within(outer)), "keep one of them".into())
        }
        RonError::ExpectedDifferentStructName { expected, found } => (
            format!("expected `{expected}(...)`, found `{found}(...)`"),
            format!("write `{expected}(` or leave the name out"),
        ),
        RonError::Eof => ("unexpected end of file".into(), "a bracket, parenthesis or string is not closed".into()),
        RonError::ExceededRecursionLimit => (
            "nesting is too deep (more than 128 levels)".into(),
            "scenarios never need this much nesting; check for runaway brackets".into(),
        ),
        RonError::UnexpectedChar(c) => (
            format!("unexpected character '{}'", c.escape_debug()),
            "check for a stray character or a missing comma or quote".into(),
        ),
        RonError::TrailingCharacters => {
            ("unexpected text after the end of the scenario".into(), "a file holds exactly one `Scenario(...)`".into())
        }
        RonError::ExpectedComma => ("expected a comma".into(), "separate fields and items with `,`".into()),
        RonError::ExpectedStringEnd => ("string is not closed".into(), "add the closing `\"`".into()),
        RonError::InvalidValueForType { expected, found } => {
            (format!("expected {expected}, found {found}"), "see docs/scenario-format.md for each field's type".into())
        }
        other => (other.to_string(), "see docs/scenario-format.md".into()),
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
