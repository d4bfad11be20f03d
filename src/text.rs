//! Text helpers shared by every output path: escaping control characters so
//! nothing from a scenario, a session file or a note reaches a terminal, a
//! Markdown viewer or an asciicast player as a raw sequence.
//!
//! [`is_hazard`] is the one definition of "must not go out raw", and
//! [`escape_controls`] the one way to neutralise it; every output format
//! applies it once at its choke point (`cli::out::print` for stdout, the
//! Markdown debrief, the TUI's views and their final buffer pass).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must never be written raw to a terminal or a document.
///
/// - C0 controls, DEL and C1 controls (`char::is_control`), except newline
///   and tab, which the app's own text uses and which cannot start a
///   sequence. ESC starts CSI/OSC sequences (OSC 52 writes the clipboard,
///   OSC 0 the window title), U+009B is a one-byte CSI, BEL ends an OSC,
///   NUL truncates C strings, and CR returns to the start of the line, so
///   later text overwrites what was there.
/// - The bidi embeddings, overrides, isolates and marks (U+061C, U+200E,
///   U+200F, U+202A-U+202E, U+2066-U+2069): they reorder what a reader
///   sees, so a line can read differently than it is.
/// - U+2028 and U+2029, the Unicode line and paragraph separators: some
///   terminals and viewers break the line there and others do not, which
///   desynchronises every width the layout computed.
///
/// Other invisible format characters are kept on purpose: the zero-width
/// joiner and non-joiner, variation selectors and tag characters are parts
/// of emoji and of several scripts, and zero-width space, word joiner, soft
/// hyphen and byte-order mark neither move the cursor nor reorder text (a
/// BOM also starts many files saved on Windows).
pub fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `c` is one of the bidi controls in [`is_hazard`], for messages
/// that name what was found.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Replaces hazardous characters with a visible `\u{..}` escape, the form
/// a scenario author would write them in (`ESC` shows as `\u{1b}`).
/// A CR directly before a newline is a Windows line ending, not a hazard:
/// it is dropped and the newline kept. Borrows when there is nothing to
/// escape, which is the common case.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if is_hazard(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends the visible `\u{..}` form of `c`.
fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// Like [`escape_controls`], but also escapes newlines and tabs, for text
/// that must stay on one line (a diagnostic's first line, a list cell).
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_hazard(c) => push_escape(&mut out, c),
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

/// `text` cut to `width` display columns (a CJK character takes two),
/// ending in `…` when cut, the mark included in the width; control
/// characters escaped visibly first. For a table cell, a header, a prompt
/// quoted in a plan.
pub fn clip_columns(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let text = escape_controls(text);
    let text = text.as_ref();
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
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

/// `text` padded with spaces to `width` terminal columns (a Chinese
/// character takes two), for the columns of a table.
pub fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// [`pad`], right-aligned.
pub fn pad_left(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(w)))
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
    fn escape_controls_keeps_windows_line_endings_but_not_a_lone_cr() {
        assert_eq!(escape_controls("a\r\nb"), "a\nb");
        assert_eq!(escape_controls("done\rfake"), "done\\u{d}fake");
        assert_eq!(escape_controls("a\r"), "a\\u{d}");
    }

    #[test]
    fn line_separators_and_the_arabic_letter_mark_are_hazards_but_joiners_are_not() {
        for c in ['\u{2028}', '\u{2029}', '\u{61c}', '\u{9b}', '\u{7f}', '\u{2066}', '\r', '\0', '\u{7}'] {
            assert!(is_hazard(c), "{:?}", c);
        }
        for c in ['\u{200d}', '\u{200c}', '\u{fe0f}', '\u{feff}', '\u{200b}', '\n', '\t', 'a', '数'] {
            assert!(!is_hazard(c), "{:?}", c);
        }
        assert_eq!(escape_controls("👩\u{200d}💻"), "👩\u{200d}💻");
    }

    proptest::proptest! {
        /// Whatever the input, the escaped form holds no hazard, and
        /// text without hazards passes through unchanged.
        #[test]
        fn escaped_text_never_holds_a_hazard(s in "\\PC*|[\\x00-\\x{a0}\\u{2028}\\u{202e}\\u{2066}a\\n\\r]*") {
            let out = escape_controls(&s);
            proptest::prop_assert!(!out.chars().any(is_hazard), "{:?} -> {:?}", s, out);
            let line = one_line(&s);
            proptest::prop_assert!(!line.chars().any(|c| is_hazard(c) || c == '\n'), "{:?}", line);
            if !s.chars().any(is_hazard) {
                proptest::prop_assert_eq!(out.as_ref(), s.as_str());
            }
        }
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
