//! Writing to stdout without panicking on a closed pipe, and the one choke
//! point every command's stdout goes through: text from scenario files,
//! session files, catalogues and annotations can hold control characters
//! (an old or hand-made file was never checked), so [`print()`] escapes every
//! [`crate::text::is_hazard`] character visibly and [`json`] escapes them as
//! JSON. Only [`control`] writes raw, for the app's own fixed sequences.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Writes `text` to stdout in one go, with every control character but
/// newline and tab escaped visibly (`\u{1b}`), so no file can drive the
/// terminal; a closed pipe surfaces as `BrokenPipe`, which [`super::run`]
/// treats as success.
pub fn print(text: &str) -> io::Result<()> {
    write_raw(&crate::text::escape_controls(text))
}

pub use crate::text::{pad, pad_left};

/// Writes one of the app's own terminal sequences (clear the screen), the
/// only stdout that may hold an escape. Takes `&'static str` so no text
/// read at run time can come through here.
pub fn control(sequence: &'static str) -> io::Result<()> {
    write_raw(sequence)
}

fn write_raw(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Writes `value` as pretty JSON and a newline, with every character a
/// terminal could act on (see [`escape_json_hazards`]) escaped.
pub fn json<T: serde::Serialize>(value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let mut text = escape_json_hazards(&text).into_owned();
    text.push('\n');
    write_raw(&text)
}

/// `serde_json` escapes only U+0000 to U+001F; this escapes the rest of
/// [`crate::text::is_hazard`] (DEL, C1 controls, bidi controls) as
/// `\uXXXX`. Such characters can only be inside JSON strings, where the
/// escape means the same character, so the JSON stays valid and equal.
pub fn escape_json_hazards(json: &str) -> Cow<'_, str> {
    let hazard = |c: char| c == '\u{7f}' || crate::text::is_hazard(c);
    if !json.chars().any(hazard) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if hazard(c) {
            // Every hazard is in the Basic Multilingual Plane: one escape.
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazards_become_json_escapes() {
        let value = serde_json::json!({ "id": "a\u{202e}b\u{9b}c\u{7f}d\u{2066}\u{1b}\u{200f}" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let escaped = escape_json_hazards(&text);
        assert!(!escaped.chars().any(|c| c == '\u{7f}' || crate::text::is_hazard(c)), "{escaped}");
        assert!(escaped.contains(r"a\u202eb\u009bc\u007fd\u2066\u001b\u200f"), "{escaped}");
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
        assert!(matches!(escape_json_hazards("[\n  \"数据\"\n]"), Cow::Borrowed(_)));
    }
}
