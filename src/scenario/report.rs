//! Collects diagnostics for one file while the validator walks it.

use super::diag::{Diagnostic, LineIndex, Severity};
use super::spans::SpanNode;
use crate::i18n::Lang;

/// How many unknown names in one file get a "did you mean" suggestion.
/// Each one compares the name with every candidate, so a file with
/// thousands of unknown names would otherwise take quadratic time.
pub const SUGGESTIONS_PER_FILE: usize = 50;

/// Turns "this span is wrong because…" into located [`Diagnostic`]s.
pub struct Reporter<'a> {
    /// The language the messages are written in: the reader's for text
    /// output, English for JSON (which stays language-neutral).
    pub lang: Lang,
    path: &'a str,
    index: LineIndex<'a>,
    suggestions_left: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(lang: Lang, path: &'a str, src: &'a str) -> Self {
        Reporter {
            lang,
            path,
            index: LineIndex::new(src),
            suggestions_left: SUGGESTIONS_PER_FILE,
            diagnostics: Vec::new(),
        }
    }

    /// Whether one more unknown name may look for a suggestion; counts it.
    /// After [`SUGGESTIONS_PER_FILE`] the answer is no, and the hint
    /// stays plain.
    pub fn may_suggest(&mut self) -> bool {
        let yes = self.suggestions_left > 0;
        self.suggestions_left = self.suggestions_left.saturating_sub(1);
        yes
    }

    /// Reports at the start of `at`, or at 1:1 when the place is unknown.
    pub fn at(
        &mut self,
        at: Option<&SpanNode>,
        severity: Severity,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        let (line, col) = at.map_or((1, 1), |n| self.index.span_start(&n.span));
        self.push(line, col, severity, code, message, help);
    }

    pub fn error(
        &mut self,
        at: Option<&SpanNode>,
        code: &'static str,
        message: String,
        help: impl Into<Option<String>>,
    ) {
        self.at(at, Severity::Error, code, message, help.into());
    }

    pub fn warning(
        &mut self,
        at: Option<&SpanNode>,
        code: &'static str,
        message: String,
        help: impl Into<Option<String>>,
    ) {
        self.at(at, Severity::Warning, code, message, help.into());
    }

    pub fn push(
        &mut self,
        line: usize,
        col: usize,
        severity: Severity,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_string(),
            line,
            col,
            severity,
            code,
            message,
            help,
            notes: Vec::new(),
        });
    }

    /// The line of a span, for "first defined at line N" hints.
    pub fn line_of(&self, at: Option<&SpanNode>) -> Option<usize> {
        at.map(|n| self.index.span_start(&n.span).0)
    }

    /// The source text of a span, for hints that depend on how a value
    /// was written (a raw string or not).
    pub fn text_of(&self, at: Option<&SpanNode>) -> Option<&'a str> {
        at.and_then(|n| self.index.source().get(n.span.clone()))
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.index.position(offset)
    }

    pub fn offset(&self, line: usize, col: usize) -> usize {
        self.index.offset(line, col)
    }
}
