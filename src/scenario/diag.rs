//! Diagnostics: one problem in a file, located by line and column, with a
//! hint. Rendered in the `path:line:col: severity: message` form editors
//! jump to, or as JSON for tools.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::text::{escape_controls, one_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One located problem. `line` and `col` are 1-based; `col` counts
/// characters, as editors and `ron` do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    /// A stable short name for the kind of problem, e.g. `unknown-node`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The editor-style form: the fixed first line, the source line with a
    /// caret under the column, then the hint. Everything from the file is
    /// escaped, so a hostile file cannot drive the terminal.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = format!(
            "{}:{}:{}: {}: {}\n",
            one_line(&self.path),
            self.line,
            self.col,
            self.severity.as_str(),
            one_line(&self.message)
        );
        if let Some(line) = source.and_then(|s| s.lines().nth(self.line.saturating_sub(1))) {
            let (shown, caret_at) = excerpt(line, self.col);
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, "{pad} |\n{gutter} | {shown}\n{pad} | {}^", " ".repeat(caret_at));
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "help: {}", one_line(help));
        }
        out
    }
}

/// The source line made safe to print, and the display column of `col`.
/// Long lines are cut to a window around the column.
fn excerpt(line: &str, col: usize) -> (String, usize) {
    const WINDOW: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    let at = col.saturating_sub(1).min(chars.len());
    // Short lines are shown whole; long ones as a window around the column.
    let from = if chars.len() <= WINDOW { 0 } else { at.saturating_sub(WINDOW / 2).min(chars.len() - WINDOW) };
    let to = (from + WINDOW).min(chars.len());
    let mut shown = String::new();
    let mut caret = 0;
    if from > 0 {
        shown.push('…');
        caret += 1;
    }
    for (i, &c) in chars[from..to].iter().enumerate() {
        let piece: String = match c {
            '\t' => " ".into(),
            c => escape_controls(&c.to_string()).into_owned(),
        };
        if from + i < at {
            caret += piece.chars().map(display_width).sum::<usize>();
        }
        shown.push_str(&piece);
    }
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

fn display_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Maps byte offsets in a source text to 1-based line and column.
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let starts = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { src, starts }
    }

    /// Line and column (in characters) of byte `offset`, clamped to the text.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.src.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// Byte offset of a 1-based line and character column, clamped.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.src.len();
        };
        let rest = &self.src[start..];
        rest.char_indices().nth(col.saturating_sub(1)).map_or(self.src.len(), |(i, _)| start + i)
    }

    pub fn span_start(&self, span: &Range<usize>) -> (usize, usize) {
        self.position(span.start)
    }
}

/// The closest of `candidates` to `wrong`, if one is close enough to be a
/// plausible typo.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let idx = LineIndex::new("ab\n数据x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(9), (2, 3));
        assert_eq!(idx.position(999), (3, 1));
    }

    #[test]
    fn render_escapes_and_points() {
        let d = Diagnostic {
            path: "f.ron".into(),
            line: 1,
            col: 4,
            severity: Severity::Error,
            code: "x",
            message: "bad \u{1b}[2J".into(),
            help: Some("try".into()),
        };
        let out = d.render(Some("ab\u{1b}cd"));
        assert!(!out.contains('\u{1b}'));
        assert!(out.starts_with("f.ron:1:4: error: bad \\u{1b}[2J\n"));
        assert!(out.contains("ab\\u{1b}cd"));
        assert!(out.contains("help: try"));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("pressur", ["pressure", "intro"]), Some("pressure"));
        assert_eq!(did_you_mean("zzz", ["pressure", "intro"]), None);
    }
}
