//! Diagnostics: one problem in a file, located by line and column, with a
//! hint. Rendered in the `path:line:col: severity: message` form editors
//! jump to, or as JSON for tools.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::Lang;
use crate::text::{escape_controls, one_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// The name JSON and tools use; never translated.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word a reader sees in `lang`.
    pub fn word(self, lang: Lang) -> String {
        match self {
            Severity::Error => crate::tr!(lang, "diag-error"),
            Severity::Warning => crate::tr!(lang, "diag-warning"),
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
    /// Problems that follow from this one (a node left unreachable by a
    /// misspelt id, the same typo elsewhere): folded under their cause so
    /// the cause is read first and fixing it clears them. Left out of
    /// JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The editor-style form: the fixed first line, the source line with a
    /// caret under the column, then the hint. `line` is the text of line
    /// `self.line` (without its line break; see [`LineIndex::line`]), or
    /// `None` to leave the excerpt out. Everything from the file is
    /// escaped, so a hostile file cannot drive the terminal.
    /// In the process's UI language; see [`Self::render_in`].
    pub fn render(&self, line: Option<&str>) -> String {
        self.render_in(crate::i18n::ui(), line)
    }

    /// [`Self::render`] with the words around the message (`error`,
    /// `help`, `note`) in `lang`, the language the message was built in.
    pub fn render_in(&self, lang: Lang, line: Option<&str>) -> String {
        debug_assert!(line.is_none_or(|l| !l.contains('\n')), "render takes one line, not the whole source");
        let mut out = format!(
            "{}:{}:{}: {}: {}\n",
            one_line(&self.path),
            self.line,
            self.col,
            self.severity.word(lang),
            one_line(&self.message)
        );
        if let Some(line) = line {
            let (shown, caret_at) = excerpt(line, self.col);
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, "{pad} |\n{gutter} | {shown}\n{pad} | {}^", " ".repeat(caret_at));
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{}", crate::tr!(lang, "diag-help", text = one_line(help)));
        }
        for note in &self.notes {
            let _ = writeln!(out, "{}", crate::tr!(lang, "diag-note", text = one_line(note)));
        }
        out
    }
}

/// How many characters of a long line an excerpt shows.
const WINDOW: usize = 100;

/// The source line made safe to print, and the display column of `col`.
/// Short lines are shown whole; long ones as a window of [`WINDOW`]
/// characters around the column, so the cost is bounded by the column and
/// the window, never by the rest of the line.
fn excerpt(line: &str, col: usize) -> (String, usize) {
    // The column as a character index and byte offset, clamped to the line.
    let wanted = col.saturating_sub(1);
    let (at, at_byte) = line
        .char_indices()
        .take(wanted + 1)
        .enumerate()
        .last()
        .map_or((0, 0), |(n, (i, c))| if n == wanted { (n, i) } else { (n + 1, i + c.len_utf8()) });
    // Characters after the column, counted only as far as the window needs.
    let after = line[at_byte..].chars().take(WINDOW + 1).count();
    let short = at + after <= WINDOW;
    // How many characters before the column the excerpt shows: half the
    // window, or more when the line ends within the other half.
    let before = if short { at } else { at.min((WINDOW / 2).max(WINDOW.saturating_sub(after))) };
    let from_byte = match before {
        0 => at_byte,
        n => line[..at_byte].char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
    };
    let cut_before = from_byte > 0;
    let cut_after = !short && after > WINDOW - before;
    let mut shown = String::new();
    let mut caret = 0;
    if cut_before {
        shown.push('…');
        caret += 1;
    }
    let mut buf = [0; 4];
    for (i, c) in line[from_byte..].chars().take(if short { at + after } else { WINDOW }).enumerate() {
        let piece: Cow<str> = match c {
            '\t' => " ".into(),
            c => escape_controls(c.encode_utf8(&mut buf)),
        };
        if i < before {
            caret += piece.chars().map(display_width).sum::<usize>();
        }
        shown.push_str(&piece);
    }
    if cut_after {
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

    /// The whole text the index maps.
    pub fn source(&self) -> &'a str {
        self.src
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

    /// The text of 1-based line `n` without its line break, as
    /// `str::lines` would give it; `None` past the last line.
    pub fn line(&self, n: usize) -> Option<&'a str> {
        let start = *self.starts.get(n.checked_sub(1)?)?;
        if start >= self.src.len() {
            return None; // after a final newline: `lines` yields no line here
        }
        match self.starts.get(n) {
            Some(&next) => {
                let line = &self.src[start..next - 1];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => Some(&self.src[start..]),
        }
    }
}

/// The closest of `candidates` to `wrong`, if one is close enough to be a
/// plausible typo. Candidates whose length differs from `wrong`'s by more
/// than half the longer of the two are skipped unscored: they are never
/// plausible, and scoring is the expensive part.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = wrong.chars().count();
    candidates
        .into_iter()
        .filter(|c| {
            // A character is 1 to 4 bytes, so the byte length settles far
            // shorter and far longer candidates without counting.
            if c.len() * 2 < len || c.len().div_ceil(4) > len * 2 {
                return false;
            }
            let other = c.chars().count();
            len.abs_diff(other) * 2 <= len.max(other)
        })
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
            notes: Vec::new(),
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

    /// The excerpt as first written, collecting the whole line: the
    /// windowed version must show exactly the same.
    fn excerpt_reference(line: &str, col: usize) -> (String, usize) {
        let chars: Vec<char> = line.chars().collect();
        let at = col.saturating_sub(1).min(chars.len());
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

    #[test]
    fn excerpt_windows_like_the_reference() {
        let unit = ["a", "数", "\t", "\u{1b}", "é"];
        for len in [0, 1, 2, 49, 50, 51, 99, 100, 101, 102, 149, 150, 151, 250] {
            for (k, u) in unit.iter().enumerate() {
                // Mix the units so widths and escapes land on both sides.
                let line: String = (0..len).map(|i| if i % 7 == 3 { unit[(k + 1) % unit.len()] } else { u }).collect();
                for col in [0, 1, 2, 30, 50, 51, 52, 98, 99, 100, 101, 102, 120, 149, 150, 151, 152, 200, 251, 252, 999]
                {
                    assert_eq!(excerpt(&line, col), excerpt_reference(&line, col), "len {len}, unit {u:?}, col {col}");
                }
            }
        }
    }

    #[test]
    fn line_matches_str_lines() {
        for src in ["", "a", "a\n", "a\n\n", "a\r\nb", "a\r\nb\r\n", "\n", "\r\n", "x\ny\nz", "a\rb\n", "a\r", "a\nb\r"]
        {
            let idx = LineIndex::new(src);
            let want: Vec<&str> = src.lines().collect();
            let got: Vec<&str> = (1..).map_while(|n| idx.line(n)).collect();
            assert_eq!(got, want, "{src:?}");
            assert_eq!(idx.line(0), None);
        }
    }

    #[test]
    fn suggestions_skip_very_different_lengths() {
        assert_eq!(did_you_mean("ab", ["abcdefgh"]), None);
        assert_eq!(did_you_mean("limit", ["limit_s", "x"]), Some("limit_s"));
        assert_eq!(did_you_mean("数据主权", ["数据主", "数"]), Some("数据主"));
    }
}
