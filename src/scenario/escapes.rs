//! Control characters written as escapes inside RON strings.
//!
//! A raw ESC or U+202E in a file is caught character by character (see
//! `load::report_hazards`), but RON decodes `"\u{1b}"`, `"\x1b"`,
//! `"\xc2\x9b"` (U+009B as UTF-8 bytes), `"\0"` and `"\r"` into the very
//! same characters, which then reach every output. This lexer finds every
//! string, byte-string and char literal outside comments, decodes each
//! escape the way `ron` does, and returns those that decode to a
//! [`crate::text::is_hazard`] character, at the backslash, so the error
//! points at the escape itself. [`parsed_hazard`] is the backstop over the
//! values `ron` actually produced, for anything this lexer might miss.

/// One escape that decodes to a hazard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscapedHazard {
    /// Byte offset of the backslash.
    pub at: usize,
    /// The escape as written, e.g. `\u{1b}` or `\xc2\x9b`.
    pub written: String,
    /// What it decodes to.
    pub decoded: char,
}

/// Every escape in a literal of `src` that decodes to a hazard, in order.
/// Never fails: text it cannot make sense of is left for `ron` to report.
pub fn escaped_hazards(src: &str) -> Vec<EscapedHazard> {
    let mut lx = Lexer { b: src.as_bytes(), i: 0, found: Vec::new(), src };
    lx.run();
    lx.found
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    found: Vec<EscapedHazard>,
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.i + ahead).copied()
    }

    fn run(&mut self) {
        while let Some(c) = self.peek(0) {
            match c {
                b'/' if self.peek(1) == Some(b'/') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                b'"' => self.quoted(b'"'),
                b'\'' => self.quoted(b'\''),
                c if c == b'_' || c.is_ascii_alphabetic() => self.ident(),
                _ => self.i += 1,
            }
        }
    }

    fn line_comment(&mut self) {
        while let Some(c) = self.peek(0) {
            if c == b'\n' {
                return;
            }
            self.i += 1;
        }
    }

    /// Block comments nest in RON, as in Rust.
    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while self.i < self.b.len() {
            if self.peek(0) == Some(b'/') && self.peek(1) == Some(b'*') {
                depth += 1;
                self.i += 2;
            } else if self.peek(0) == Some(b'*') && self.peek(1) == Some(b'/') {
                depth -= 1;
                self.i += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.i += 1;
            }
        }
    }

    /// An identifier, or the prefix of a raw (`r"`, `r#"`, `br"`) or byte
    /// (`b"`, `b'`) literal.
    fn ident(&mut self) {
        let start = self.i;
        while self.peek(0).is_some_and(|c| c == b'_' || c.is_ascii_alphanumeric()) {
            self.i += 1;
        }
        match (&self.b[start..self.i], self.peek(0)) {
            (b"r" | b"br", Some(b'"' | b'#')) => self.raw_string(),
            (b"b", Some(b'"')) => self.quoted(b'"'),
            (b"b", Some(b'\'')) => self.quoted(b'\''),
            _ => {}
        }
    }

    /// A raw string holds no escapes (a raw control in it is reported by
    /// the raw-character check): skip to its closing quote and hashes.
    /// `r#ident` (a raw identifier) has no quote and is skipped as text.
    fn raw_string(&mut self) {
        let hashes = self.b[self.i..].iter().take_while(|&&c| c == b'#').count();
        if self.peek(hashes) != Some(b'"') {
            self.i += hashes;
            return;
        }
        self.i += hashes + 1;
        let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
        match self.b[self.i..].windows(close.len()).position(|w| w == close.as_slice()) {
            Some(at) => self.i += at + close.len(),
            None => self.i = self.b.len(),
        }
    }

    /// A string or char literal closed by `quote`, decoding its escapes.
    fn quoted(&mut self, quote: u8) {
        self.i += 1;
        while let Some(c) = self.peek(0) {
            match c {
                c if c == quote => {
                    self.i += 1;
                    return;
                }
                b'\\' => self.escape(),
                _ => self.i += 1,
            }
        }
    }

    /// Decodes the escape at the backslash and records it if hazardous.
    fn escape(&mut self) {
        let at = self.i;
        let decoded = match self.peek(1) {
            Some(b'0') => Some(('\0', 2)),
            Some(b'r') => Some(('\r', 2)),
            Some(b'u') => unicode_escape(&self.b[at..]),
            Some(b'x') => hex_escapes(&self.b[at..]),
            // `\\`, `\"`, `\n`, ... are harmless; an unknown escape is ron's to report.
            Some(_) => None,
            None => None,
        };
        let len = match decoded {
            Some((c, len)) => {
                if crate::text::is_hazard(c) {
                    let written = self.src.get(at..at + len).unwrap_or_default().to_string();
                    self.found.push(EscapedHazard { at, written, decoded: c });
                }
                len
            }
            // Step over the backslash and the next character so `\"` does not end the string.
            None => 1 + self.src.get(at + 1..).and_then(|s| s.chars().next()).map_or(0, char::len_utf8),
        };
        self.i = at + len;
    }
}

/// `\u{H..}` (1 to 6 hex digits) at the start of `b`: the character and
/// the escape's length.
fn unicode_escape(b: &[u8]) -> Option<(char, usize)> {
    if b.get(2) != Some(&b'{') {
        return None;
    }
    let digits = b[3..].iter().take(7).take_while(|c| c.is_ascii_hexdigit()).count();
    if !(1..=6).contains(&digits) || b.get(3 + digits) != Some(&b'}') {
        return None;
    }
    let hex = std::str::from_utf8(&b[3..3 + digits]).ok()?;
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((c, 4 + digits))
}

/// `\xHH`, or a run of up to four `\xHH` that together are one UTF-8
/// character, as `ron` reads them: the character and the run's length.
fn hex_escapes(b: &[u8]) -> Option<(char, usize)> {
    let byte_at = |k: usize| -> Option<u8> {
        let e = b.get(4 * k..4 * k + 4)?;
        if e[0] != b'\\' || e[1] != b'x' {
            return None;
        }
        u8::from_str_radix(std::str::from_utf8(&e[2..4]).ok()?, 16).ok()
    };
    let mut bytes = Vec::with_capacity(4);
    for k in 0..4 {
        bytes.push(byte_at(k)?);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            return s.chars().next().map(|c| (c, 4 * bytes.len()));
        }
    }
    None
}

/// The first hazard in any string `ron` produced for `value` (map keys
/// included), CR aside: a multi-line string in a file saved with Windows
/// line endings holds CRs, and the raw-character check allows those.
pub fn parsed_hazard<T: serde::Serialize>(value: &T) -> Option<char> {
    fn walk(v: &serde_json::Value) -> Option<char> {
        let bad = |s: &str| s.chars().find(|&c| c != '\r' && crate::text::is_hazard(c));
        match v {
            serde_json::Value::String(s) => bad(s),
            serde_json::Value::Array(items) => items.iter().find_map(walk),
            serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| bad(k).or_else(|| walk(v))),
            _ => None,
        }
    }
    serde_json::to_value(value).ok().as_ref().and_then(walk)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(usize, String, char)> {
        escaped_hazards(src).into_iter().map(|h| (h.at, h.written, h.decoded)).collect()
    }

    #[test]
    fn finds_every_written_form_at_its_backslash() {
        let src = r#"(a: "x\u{1b}]52;c;aGk=\u{7}", b: "\x1b[2J", c: "\xc2\x9b", d: "\0\r\n", e: '\u{202e}')"#;
        let got: Vec<(String, char)> = found(src).into_iter().map(|(_, w, c)| (w, c)).collect();
        let want = [
            (r"\u{1b}", '\u{1b}'),
            (r"\u{7}", '\u{7}'),
            (r"\x1b", '\u{1b}'),
            (r"\xc2\x9b", '\u{9b}'),
            (r"\0", '\0'),
            (r"\r", '\r'),
            (r"\u{202e}", '\u{202e}'),
        ];
        assert_eq!(got, want.map(|(w, c)| (w.to_string(), c)).to_vec());
        assert_eq!(found(r#"(a: "ab\u{2066}")"#)[0].0, 7);
    }

    #[test]
    fn ignores_comments_raw_strings_and_harmless_escapes() {
        let src = "// \"\\u{1b}\"\n/* \"\\u{1b}\" /* nested */ \"\\0\" */ (a: r#\"\\u{1b}\"#, b: \"\\\\u{1b} \\\" \\n \\t \\u{e9} 数\", c: r#x)";
        assert_eq!(found(src), vec![]);
    }

    #[test]
    fn an_escaped_quote_does_not_end_the_string() {
        assert_eq!(found(r#"("a\"b\u{9b}")"#).len(), 1);
        assert_eq!(found(r#"(b"\x1b")"#).len(), 1);
    }

    #[test]
    fn unterminated_and_malformed_escapes_do_not_panic() {
        for src in
            [r#""\u{1b"#, r#""\u{"#, r#""\x1"#, r#""\xc2"#, "\"\\", "/*", "r#\"", "'\\u{110000}'", "\"\\u{1234567}\""]
        {
            let _ = escaped_hazards(src);
        }
    }

    #[test]
    fn the_parsed_backstop_looks_in_keys_and_nested_values() {
        let v = serde_json::json!({"a": ["ok", {"k\u{9b}": 1}]});
        assert_eq!(parsed_hazard(&v), Some('\u{9b}'));
        assert_eq!(parsed_hazard(&serde_json::json!({"a": "x\r\ny"})), None);
    }
}
