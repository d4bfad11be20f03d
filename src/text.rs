//! Text helpers shared by every output path: escaping control characters so
//! nothing from a scenario or a note reaches a terminal as a raw sequence.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must never be written raw to a terminal: C0 and C1 controls
/// (tab and newline excepted) and the Unicode bidi overrides and isolates,
/// which can reorder what a reader sees.
pub fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Replaces hazardous characters with a visible `\u{..}` escape.
/// Borrows when there is nothing to escape, which is the common case.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hazard(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape_controls`], but also escapes newlines and tabs, for text
/// that must stay on one line (a diagnostic's first line, a list cell).
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_hazard(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `s`, with `…` appended when it was cut:
/// for echoing a user's value (an id, a found token) in a message without
/// letting a huge one flood the output. Borrows when `s` is short enough.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    // A character is at least one byte, so a short string needs no count.
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => Cow::Owned(format!("{}…", &s[..cut])),
    }
}

/// How long a user's value quoted in a message may be, in characters.
pub const QUOTE_MAX: usize = 80;

/// [`clip`] to [`QUOTE_MAX`]: the form every message quotes values in.
pub fn quote(s: &str) -> Cow<'_, str> {
    clip(s, QUOTE_MAX)
}

/// `mm:ss` for a duration in milliseconds (hours fold into minutes).
pub fn mmss(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_escape_and_bidi_but_keeps_text() {
        assert_eq!(escape_controls("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("数据\n主权"), "数据\n主权");
        assert_eq!(escape_controls("\u{85}"), "\\u{85}");
        assert!(matches!(escape_controls("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_escapes_newlines() {
        assert_eq!(one_line("a\nb\tc\0"), "a\\nb\\tc\\u{0}");
    }

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("short", 80), "short");
        assert!(matches!(clip("short", 80), Cow::Borrowed(_)));
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("数据主权", 2), "数据…");
        assert_eq!(clip("数据", 2), "数据");
        assert_eq!(quote(&"x".repeat(200)).chars().count(), QUOTE_MAX + 1);
    }
}
