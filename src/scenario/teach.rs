//! Syntax mistakes a coach makes, told in a coach's words.
//!
//! `ron` names the token it stopped at ("expected a comma", "expected
//! identifier"), which is often not where the mistake is and never says
//! how to fix it. Each lesson here recognises one common mistake from the
//! text around that token, places the error where the mistake is (the
//! quote that ended a string early, the line that lacks its comma) and
//! gives a corrected line to copy. A lesson only reads the text; when none
//! fits, the caller falls back to the plain description.

use ron::error::Error as RonError;

use crate::i18n::Lang;
use crate::text::{QUOTE_MAX, clip};
use crate::tr;

/// One taught syntax error: where it is (a byte offset), what was found
/// and what RON expects, and a hint that shows a corrected line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub at: usize,
    pub message: String,
    pub help: String,
}

/// The lesson for `code`, which `ron` reported at byte `at` (the next
/// token, blanks skipped), inside the value of `field` when known.
/// The lesson is written in `lang`.
pub fn syntax(lang: Lang, text: &str, at: usize, code: &RonError, field: Option<&str>) -> Option<Lesson> {
    let next = text.get(at..).and_then(|s| s.chars().next());
    match code {
        RonError::ExpectedComma => unescaped_quote(lang, text, at)
            .or_else(|| number_with_unit(lang, text, at, field))
            .or_else(|| Some(missing_comma(lang, text, at))),
        RonError::ExpectedIdentifier | RonError::ExpectedNamedStructLike(_) if next == Some('"') => {
            quoted_key(lang, text, at).or_else(|| string_for_variant(lang, text, at))
        }
        RonError::ExpectedIdentifier if next == Some('[') => list_for_one(lang, text, at),
        RonError::InvalidEscape(_) => unknown_escape(lang, text, at),
        RonError::ExpectedFloat | RonError::ExpectedInteger => {
            wrong_argument(lang, text, at, matches!(code, RonError::ExpectedInteger), field)
        }
        _ => None,
    }
}

/// Field names coaches reach for that mean another field: checked before
/// spelling similarity, which would offer `next` for `text`.
const ALIASES: &[(&str, &str)] = &[
    ("text", "label"),
    ("option", "label"),
    ("name", "label"),
    ("title", "prompt"),
    ("question", "prompt"),
    ("ask", "prompt"),
    ("choices", "options"),
    ("answers", "options"),
    ("goto", "next"),
    ("go_to", "next"),
    ("to", "next"),
    ("then", "next"),
    ("target", "next"),
    ("timeout", "on_timeout"),
    ("limit", "limit_s"),
    ("time_limit", "limit_s"),
    ("seconds", "limit_s"),
    ("time", "limit_s"),
    ("tags", "competencies"),
    ("skills", "competencies"),
    ("points", "talking_points"),
    ("remark", "remarks"),
    ("closing", "remarks"),
    ("value", "expected"),
    ("answer_value", "expected"),
    ("condition", "when"),
    ("if", "when"),
];

/// The field a misspelt or mistaken field name most likely means, by the
/// alias table: only a field the struct really has.
pub fn alias<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    let (_, meant) = ALIASES.iter().find(|(wrong, _)| *wrong == found)?;
    expected.iter().copied().find(|e| e == meant)
}

/// `prompt: "And the "money"?"`: a quote inside the string ended it, and
/// `ron` stops at the word after it. The error goes on that quote.
fn unescaped_quote(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    // The quote before the word, on the same line (`"And the " money"?"`).
    let gap = text[..at].len() - text[..at].trim_end_matches([' ', '\t']).len();
    let close = (at - gap).checked_sub(1).filter(|&c| text.as_bytes()[c] == b'"')?;
    // `"A" next: "b"` lacks a comma before a field; that is not this.
    let word_end = text[at..].find(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(text.len(), |i| at + i);
    if word_end > at && text[word_end..].trim_start_matches([' ', '\t']).starts_with(':') {
        return None;
    }
    let (start, end) = line_bounds(text, close);
    // The rest of the line must hold the string's intended end.
    let last = start + text[start..end].rfind('"')?;
    if last <= at {
        return None;
    }
    let open = string_open(&text[start..close])? + start;
    let inner = &text[open + 1..last];
    let escaped = escape_quotes(inner);
    let fixed = format!("{}{}{}", &text[start..=open], escaped, &text[last..end]);
    let raw = format!("{}r#\"{}\"#{}", &text[start..open], unescape_quotes(inner), &text[last + 1..end]);
    Some(Lesson {
        at: close,
        message: tr!(lang, "teach-inner-quote"),
        help: tr!(lang, "teach-inner-quote-help", fixed = fixed.trim(), raw = raw.trim()),
    })
}

/// `limit_s: 5m`: a number written with a unit. Limits are seconds.
fn number_with_unit(lang: Lang, text: &str, at: usize, field: Option<&str>) -> Option<Lesson> {
    let bytes = text.as_bytes();
    if !bytes.get(at)?.is_ascii_alphabetic() || !at.checked_sub(1).is_some_and(|p| bytes[p].is_ascii_digit()) {
        return None;
    }
    let start = text[..at].rfind(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(0, |i| i + 1);
    let unit_end = text[at..].find(|c: char| !c.is_ascii_alphabetic()).map_or(text.len(), |i| at + i);
    let (number, unit) = (&text[start..at], &text[at..unit_end]);
    let field = field.or_else(|| field_before(text, start));
    let value: f64 = number.parse().ok()?;
    let per = match unit.to_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(1.0),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(60.0),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(3600.0),
        _ => None,
    };
    let found = clip(&text[start..unit_end], QUOTE_MAX);
    let (message, example) = match (field, per) {
        (Some(field @ ("limit_s" | "session_limit_s")), Some(per)) => (
            tr!(lang, "teach-unit-seconds", field = field, found = found.as_ref()),
            format!("{}", (value * per).round()),
        ),
        (Some("minutes"), Some(per)) => {
            (tr!(lang, "teach-unit-minutes", found = found.as_ref()), format!("{}", (value * per / 60.0).round()))
        }
        (Some(field), _) => (tr!(lang, "teach-unit-plain", field = field, found = found.as_ref()), number.to_string()),
        (None, _) => (tr!(lang, "teach-unit-plain-this", found = found.as_ref()), number.to_string()),
    };
    let (line_start, line_end) = line_bounds(text, start);
    let fixed = format!("{}{}{}", &text[line_start..start], example, &text[unit_end..line_end]);
    Some(Lesson { at: start, message, help: tr!(lang, "teach-unit-help", fixed = fixed.trim()) })
}

/// A missing comma: `ron` finds the next field where it wanted a comma.
/// The comma belongs at the end of the value before it, so the error goes
/// there, usually at the end of the line above.
fn missing_comma(lang: Lang, text: &str, at: usize) -> Lesson {
    let end = value_end_before(text, at);
    let (start, _) = line_bounds(text, end.saturating_sub(1));
    let fixed = format!("{},", &text[start..end]);
    let next = clip(text[at..].split(|c: char| c.is_whitespace() || c == ':').next().unwrap_or(""), QUOTE_MAX);
    Lesson {
        at: end,
        message: tr!(lang, "teach-missing-comma"),
        help: tr!(lang, "teach-missing-comma-help", fixed = fixed.trim(), next = next.as_ref()),
    }
}

/// `"id": "x"`: a JSON-style key in quotes.
fn quoted_key(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    let close = string_close(text, at)?;
    let after = text[close + 1..].trim_start_matches([' ', '\t']);
    if !after.starts_with(':') {
        return None;
    }
    let key = &text[at + 1..close];
    let (start, end) = line_bounds(text, at);
    let fixed = format!("{}{}{}", &text[start..at], key, &text[close + 1..end]);
    Some(Lesson {
        at,
        message: tr!(lang, "teach-quoted-key", key = clip(key, QUOTE_MAX)),
        help: tr!(lang, "teach-quoted-key-help", fixed = fixed.trim()),
    })
}

/// `on_timeout: "x"`, `difficulty: "Medium"`: a string where a variant
/// name belongs. The hint gives the field's forms with the string in place.
fn string_for_variant(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    let close = string_close(text, at)?;
    let inner = &text[at + 1..close];
    let shown = clip(inner, QUOTE_MAX);
    // Only a string written as the field's own value (`on_timeout: "x"`)
    // gets the field's forms; one nested deeper (`Var("x", "1")`) does not.
    let field = field_before(text, at);
    let (expects, written) = match field {
        Some("on_timeout") => (tr!(lang, "teach-expects-on-timeout"), format!("Goto(\"{inner}\")")),
        Some("language") => (tr!(lang, "teach-expects-language"), variant_like(inner, &["En", "Zh", "Both"])),
        Some("difficulty") => (tr!(lang, "teach-expects-difficulty"), variant_like(inner, &["Easy", "Medium", "Hard"])),
        Some("tolerance") => (tr!(lang, "teach-expects-tolerance"), tolerance_like(inner)),
        Some("when") => (tr!(lang, "teach-expects-when"), format!("AnyOf([\"{inner}\"])")),
        _ => {
            return Some(Lesson {
                at,
                message: tr!(lang, "teach-string-for-variant", shown = shown.as_ref()),
                help: tr!(lang, "teach-string-for-variant-help"),
            });
        }
    };
    let field = field?;
    let (start, end) = line_bounds(text, at);
    let fixed = format!("{}{}{}", &text[start..at], written, &text[close + 1..end]);
    Some(Lesson {
        at,
        message: tr!(lang, "teach-field-takes-variant", field = field, expects = expects, shown = shown.as_ref()),
        help: tr!(lang, "teach-field-takes-variant-help", fixed = fixed.trim()),
    })
}

/// The variant `inner` names, ignoring case, or the first one.
fn variant_like(inner: &str, variants: &[&str]) -> String {
    variants.iter().find(|v| v.eq_ignore_ascii_case(inner.trim())).unwrap_or(&variants[0]).to_string()
}

/// `"5%"` as a tolerance: `Percent(5.0)`; `"0.5"`: `Abs(0.5)`.
fn tolerance_like(inner: &str) -> String {
    let t = inner.trim();
    match t.strip_suffix('%') {
        Some(p) => format!("Percent({})", float_text(p).unwrap_or_else(|| "2.0".into())),
        None => format!("Abs({})", float_text(t).unwrap_or_else(|| "0.5".into())),
    }
}

/// A number as RON writes a float (`5.0`, `0.5`), if `s` is one.
fn float_text(s: &str) -> Option<String> {
    s.trim().parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| format!("{f:?}"))
}

/// `Not([Money, Change])`: a list given to a variant that takes one value.
fn list_for_one(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    let Some((tag, _)) = tag_before(text, at) else {
        return list_for_when(lang, text, at);
    };
    let close = matching_bracket(text, at)?;
    let list = &text[at..=close];
    let (start, end) = line_bounds(text, at);
    let on_line = close < end;
    let message = tr!(lang, "teach-list-for-one", tag = tag);
    let help = match tag {
        "Not" | "InSentence" => {
            let wrapped = format!("{tag}(Or({list}))");
            let example = if on_line {
                let fixed = format!("{}Or({list}){}", &text[start..at], &text[close + 1..end]);
                format!("`{}`", fixed.trim())
            } else {
                format!("`{}`", clip(&wrapped, 2 * QUOTE_MAX))
            };
            if tag == "Not" {
                tr!(lang, "teach-list-for-not-help", example = example)
            } else {
                tr!(lang, "teach-list-for-in-sentence-help", example = example)
            }
        }
        _ => return None,
    };
    Some(Lesson { at, message, help })
}

/// `when: [Money, Change]`: a rule's condition written as a list.
fn list_for_when(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    if field_before(text, at) != Some("when") {
        return None;
    }
    let close = matching_bracket(text, at)?;
    let (start, end) = line_bounds(text, at);
    let example = if close < end {
        format!("{}And({}){}", &text[start..at], &text[at..=close], &text[close + 1..end])
    } else {
        "when: And([...])".to_string()
    };
    Some(Lesson {
        at,
        message: tr!(lang, "teach-list-for-when"),
        help: tr!(lang, "teach-list-for-when-help", example = example.trim()),
    })
}

/// `Regex("\d")`: a backslash sequence a RON string does not know.
fn unknown_escape(lang: Lang, text: &str, at: usize) -> Option<Lesson> {
    if text.as_bytes().get(at) != Some(&b'\\') {
        return None;
    }
    let seq: String = text[at..].chars().take(2).collect();
    let (start, end) = line_bounds(text, at);
    let open = string_open(&text[start..at])? + start;
    let close = string_close(text, open).filter(|&c| c < end)?;
    let inner = &text[open + 1..close];
    let raw = if inner.contains('"') { format!("r#\"{}\"#", unescape_quotes(inner)) } else { format!("r\"{inner}\"") };
    let fixed = format!("{}{}{}", &text[start..open], raw, &text[close + 1..end]);
    let doubled = format!("\"{}\"", double_unknown_escapes(inner));
    let seq = clip(&seq, QUOTE_MAX);
    let in_regex = tag_before(text, open).is_some_and(|(t, _)| t == "Regex");
    let help = if in_regex {
        tr!(lang, "teach-unknown-escape-regex-help", fixed = fixed.trim(), doubled = doubled)
    } else {
        tr!(lang, "teach-unknown-escape-help", doubled = doubled, raw = raw)
    };
    Some(Lesson { at, message: tr!(lang, "teach-unknown-escape", seq = seq), help })
}

/// `Percent("5%")`: a variant that takes a number was given something
/// else. The example uses the variant in use, with the number if any.
fn wrong_argument(lang: Lang, text: &str, at: usize, whole: bool, field: Option<&str>) -> Option<Lesson> {
    let (tag, tag_at) = tag_before(text, at)?;
    let found = token_at(text, at);
    let number = found.trim_matches('"').trim().trim_end_matches('%');
    let example = if whole {
        number.parse::<f64>().ok().filter(|f| f.is_finite()).map_or_else(|| "1".into(), |f| format!("{}", f.round()))
    } else {
        float_text(number).unwrap_or_else(|| if tag == "Abs" { "0.5".into() } else { "2.0".into() })
    };
    let what = if whole { tr!(lang, "ron-a-whole-number") } else { tr!(lang, "ron-a-number") };
    let string = found.starts_with('"');
    let written = format!("{tag}({example})");
    // `tolerance: Percent(5.0)` when the variant is the field's value.
    let shown = match field {
        Some(f) if text[..tag_at].trim_end().ends_with(':') => format!("{f}: {written}"),
        _ => written,
    };
    Some(Lesson {
        at,
        message: if string {
            tr!(lang, "teach-wrong-argument-string", tag = tag, what = what, found = clip(found, QUOTE_MAX))
        } else {
            tr!(lang, "teach-wrong-argument", tag = tag, what = what, found = clip(found, QUOTE_MAX))
        },
        help: tr!(lang, "teach-wrong-argument-help", shown = shown),
    })
}

/// The token starting at `at`: a whole string literal or a word.
fn token_at(text: &str, at: usize) -> &str {
    if text[at..].starts_with('"') {
        return string_close(text, at).map_or(&text[at..at + 1], |c| &text[at..=c]);
    }
    let end =
        text[at..].find(|c: char| c.is_whitespace() || matches!(c, ',' | ')' | ']')).map_or(text.len(), |i| at + i);
    &text[at..end]
}

/// The variant name written just before the `(` that precedes `at`, with
/// its offset: `Not` in `Not([`, `Percent` in `Percent("5%")`.
fn tag_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let before = text[..at].trim_end();
    let before = before.strip_suffix('(')?.trim_end();
    let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let tag = &before[start..];
    tag.chars().next().is_some_and(char::is_alphabetic).then_some((tag, start))
}

/// The field name before the `:` that precedes `at` on its line.
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches([' ', '\t']).strip_suffix(':')?.trim_end_matches([' ', '\t']);
    let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|f| !f.is_empty())
}

/// The byte range of the line holding `at`, without its line break.
fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    // Callers step back a byte from an end; land on a character's start.
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let end = if text[..end].ends_with('\r') { end - 1 } else { end };
    (start, end)
}

/// Where the string that `prefix` leaves open starts: the last quote in
/// `prefix` that opens a string (escaped quotes skipped), or `None` when
/// `prefix` ends outside a string.
fn string_open(prefix: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    for (i, c) in prefix.char_indices() {
        match (open, c) {
            (Some(_), '\\') if !escaped => escaped = true,
            (Some(_), '"') if !escaped => open = None,
            (None, '"') => open = Some(i),
            (None, '/') if prefix[i..].starts_with("//") => break,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    open
}

/// The closing quote of the string that opens at `open`.
fn string_close(text: &str, open: usize) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text[open + 1..].char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(open + 1 + i),
            '\n' => return None,
            _ => escaped = false,
        }
    }
    None
}

/// The `]` that closes the `[` at `at`, skipping strings.
fn matching_bracket(text: &str, at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    while i < text.len() {
        match text.as_bytes()[i] {
            b'"' => i = string_close(text, i)?,
            b'[' | b'(' => depth += 1,
            b']' | b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (text.as_bytes()[i] == b']').then_some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the value before `at` ends: back over blanks and comments.
fn value_end_before(text: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let trimmed = text[..end].trim_end().len();
        let (start, _) = line_bounds(text, trimmed.saturating_sub(1));
        let line = &text[start..trimmed];
        let code = match comment_start(line) {
            Some(c) => line[..c].trim_end(),
            None => line,
        };
        if !code.is_empty() || start == 0 {
            return start + code.len();
        }
        end = start;
    }
}

/// Where a `//` comment starts in `line`, outside strings.
fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_string = !in_string,
            '/' if !in_string && line[i..].starts_with("//") => return Some(i),
            _ => {}
        }
        escaped = false;
    }
    None
}

/// Every `"` in `s` not already escaped, escaped.
fn escape_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut escaped = false;
    for c in s.chars() {
        if c == '"' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// `\"` back to `"`, for a raw string.
fn unescape_quotes(s: &str) -> String {
    s.replace("\\\"", "\"")
}

/// Each backslash that starts an unknown escape, doubled.
fn double_unknown_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            match chars.peek() {
                Some(&n) if matches!(n, '\\' | '"' | 'n' | 't' | 'r' | '0' | 'u' | 'x' | '\'') => {
                    out.push(n);
                    chars.next();
                }
                _ => out.push('\\'),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(text: &str, needle: &str, code: RonError) -> Lesson {
        let at = text.find(needle).expect("needle in text");
        syntax(Lang::En, text, at, &code, None).expect("a lesson")
    }

    #[test]
    fn an_inner_quote_is_shown_escaped_and_raw() {
        let text = "(\n    prompt: \"And the \"money\"?\",\n)";
        let l = lesson(text, "money\"?", RonError::ExpectedComma);
        assert_eq!(&text[l.at..l.at + 1], "\"");
        assert!(l.help.contains(r#"`prompt: "And the \"money\"?",`"#), "{}", l.help);
        assert!(l.help.contains(r##"`prompt: r#"And the "money"?"#,`"##), "{}", l.help);
    }

    #[test]
    fn a_quote_before_a_spaced_word_ends_the_string_but_one_before_a_field_lacks_a_comma() {
        let text = "(prompt: \"Say \" no\", x: 1)";
        let l = lesson(text, "no\"", RonError::ExpectedComma);
        assert!(l.message.contains("ends the string early"), "{}", l.message);
        let text = "(label: \"A\" next: \"b\")";
        let l = lesson(text, "next", RonError::ExpectedComma);
        assert_eq!(l.message, "a comma is missing here");
        assert_eq!(&text[..l.at], "(label: \"A\"");
    }

    #[test]
    fn a_missing_comma_is_placed_after_the_value_past_comments() {
        let text = "(\n    limit_s: 60 // a minute\n\n    // next\n    answer: x,\n)";
        let l = lesson(text, "answer", RonError::ExpectedComma);
        assert_eq!(&text[..l.at], "(\n    limit_s: 60");
        assert!(l.help.contains("`limit_s: 60,`"), "{}", l.help);
    }

    #[test]
    fn a_unit_on_a_limit_is_converted_to_seconds() {
        for (written, seconds) in [("5m", "300"), ("90s", "90"), ("2h", "7200"), ("1.5min", "90")] {
            let text = format!("(limit_s: {written}, x: 1)");
            let unit = written.find(|c: char| c.is_ascii_alphabetic()).unwrap();
            let at = "(limit_s: ".len() + unit;
            let l = syntax(Lang::En, &text, at, &RonError::ExpectedComma, None).expect("lesson");
            assert!(l.help.contains(&format!("`(limit_s: {seconds}, x: 1)`")), "{written}: {}", l.help);
        }
    }

    /// Every lesson slices the text around the error: on multibyte text,
    /// at every character of it, none may panic.
    #[test]
    fn lessons_never_panic_on_multibyte_text() {
        let texts = [
            "(\n    limit_s: 60 // 一分钟\n    answer: x,\n)",
            "(prompt: \"数据\"主权\"？\", x: 数5分钟, when: Not([\"数\"]), r: Regex(\"\\数\"), t: Percent(\"五%\"))",
            "{\"键\": [Choice(数)], \"id\": 1}",
        ];
        let codes = [
            RonError::ExpectedComma,
            RonError::ExpectedIdentifier,
            RonError::InvalidEscape("x"),
            RonError::ExpectedFloat,
            RonError::ExpectedInteger,
        ];
        for text in texts {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                for code in &codes {
                    for field in [None, Some("tolerance"), Some("on_timeout"), Some("limit_s")] {
                        let _ = syntax(Lang::En, text, at, code, field);
                    }
                }
            }
        }
    }

    #[test]
    fn a_list_as_a_rule_condition_is_combined_with_and() {
        let l = lesson("(when: [Money, Change], next: \"q\")", "[Money", RonError::ExpectedIdentifier);
        assert!(l.help.contains("`(when: And([Money, Change]), next: \"q\")`"), "{}", l.help);
    }

    #[test]
    fn a_string_for_a_variant_gets_the_fields_forms_only_as_its_own_value() {
        let l = lesson("(difficulty: \"medium\")", "\"medium", RonError::ExpectedIdentifier);
        assert!(l.help.contains("`(difficulty: Medium)`"), "{}", l.help);
        let l = lesson("(when: Var(\"x\", \"1\"))", "\"1", RonError::ExpectedIdentifier);
        assert!(l.message.starts_with("found the string \"1\" where a variant name belongs"), "{}", l.message);
    }

    #[test]
    fn a_json_key_is_shown_bare() {
        let l = lesson("(\n    \"id\": \"example\",\n)", "\"id\"", RonError::ExpectedIdentifier);
        assert!(l.help.contains("`id: \"example\",`"), "{}", l.help);
    }

    #[test]
    fn aliases_prefer_meaning_over_spelling() {
        assert_eq!(alias("text", &["label", "next", "trap", "set"]), Some("label"));
        assert_eq!(alias("Title", &["id", "prompt"]), Some("prompt"));
        assert_eq!(alias("title", &["id", "next"]), None);
    }

    #[test]
    fn the_percent_example_uses_the_variant_in_use() {
        let text = "(tolerance: Percent(\"5%\"))";
        let at = text.find("\"5%").unwrap();
        let l = syntax(Lang::En, text, at, &RonError::ExpectedFloat, Some("tolerance")).expect("lesson");
        assert!(l.help.contains("`tolerance: Percent(5.0)`"), "{}", l.help);
    }

    #[test]
    fn an_unknown_escape_in_a_regex_becomes_a_raw_string() {
        let l = lesson("(when: Regex(\"\\d+ users\"), next: \"q\")", "\\d", RonError::InvalidEscape("x"));
        assert!(l.help.contains(r#"`(when: Regex(r"\d+ users"), next: "q")`"#), "{}", l.help);
        assert!(l.help.contains(r#"`"\\d+ users"`"#), "{}", l.help);
    }
}
