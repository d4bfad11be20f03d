//! Placeholders in prompts: `{name}` shows a session variable's value and
//! `{answer:node-id}` the candidate's latest answer to that node; `{{` and
//! `}}` are literal braces. Anything else in braces (`{ "a": 1 }`, `{}`)
//! is text as written, so a prompt quoting code or JSON keeps working.

/// One piece of a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'t> {
    Text(&'t str),
    /// `{name}`: a variable.
    Var(&'t str),
    /// `{answer:node-id}`: the latest answer to a node.
    Answer(&'t str),
}

/// Where the candidate has not answered the node yet (or not at all).
pub const NO_ANSWER_YET: &str = "(no answer yet)";
/// The node was asked but the candidate gave nothing.
pub const NO_ANSWER: &str = "(no answer)";
/// An answer shown inside a prompt is cut to this many characters.
pub const MAX_SHOWN_CHARS: usize = 160;

/// Whether `s` is a placeholder name: the id syntax.
fn is_name(s: &str) -> bool {
    super::validate::is_valid_id(s)
}

/// The pieces of `text`, in order. Adjacent text may come in several
/// pieces (a `{{` is its own).
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let (before, from) = rest.split_at(open);
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        if from.starts_with("{{") || from.starts_with("}}") {
            out.push(Piece::Text(&from[..1]));
            rest = &from[2..];
            continue;
        }
        let placeholder = from.strip_prefix('{').and_then(|inner| {
            let close = inner.find('}')?;
            let body = &inner[..close];
            let piece = match body.strip_prefix("answer:") {
                Some(node) if is_name(node) => Piece::Answer(node),
                None if is_name(body) => Piece::Var(body),
                _ => return None,
            };
            Some((piece, &inner[close + 1..]))
        });
        match placeholder {
            Some((piece, after)) => {
                out.push(piece);
                rest = after;
            }
            None => {
                out.push(Piece::Text(&from[..1]));
                rest = &from[1..];
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Whether `text` has any placeholder or escaped brace (else it renders as
/// itself, and the caller can skip the work).
pub fn is_plain(text: &str) -> bool {
    !text.contains(['{', '}'])
}

/// `text` with its placeholders filled: `var` gives a variable's value,
/// `answer` a node's latest answer (`None`: not answered yet). What is
/// filled in is made safe for a terminal and kept to one line of at most
/// [`MAX_SHOWN_CHARS`] characters.
pub fn render(text: &str, var: &dyn Fn(&str) -> i64, answer: &dyn Fn(&str) -> Option<String>) -> String {
    if is_plain(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for piece in parse(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(name) => out.push_str(&var(name).to_string()),
            Piece::Answer(node) => out.push_str(&shown(answer(node).as_deref())),
        }
    }
    out
}

/// An answer as it appears inside a prompt.
fn shown(answer: Option<&str>) -> String {
    let Some(answer) = answer else { return NO_ANSWER_YET.to_string() };
    let safe = crate::text::escape_controls(answer);
    let one_line = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return NO_ANSWER.to_string();
    }
    match one_line.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", one_line[..cut].trim_end()),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(text: &str) -> String {
        render(text, &|v| if v == "dodges" { 2 } else { 0 }, &|n| (n == "intro").then(|| "We cut churn\nby 3%".into()))
    }

    #[test]
    fn placeholders_fill_with_variables_and_answers() {
        assert_eq!(fill("Dodged {dodges} times; others {x}."), "Dodged 2 times; others 0.");
        assert_eq!(fill("You said: \"{answer:intro}\""), "You said: \"We cut churn by 3%\"");
        assert_eq!(fill("And {answer:quiz}?"), "And (no answer yet)?");
    }

    #[test]
    fn other_braces_are_text() {
        assert_eq!(
            fill("{{dodges}} and {\"a\": 1} and {} and {Bad Name} and }{"),
            "{dodges} and {\"a\": 1} and {} and {Bad Name} and }{"
        );
        assert_eq!(parse("a{b}c"), vec![Piece::Text("a"), Piece::Var("b"), Piece::Text("c")]);
        assert_eq!(parse("{answer:}"), vec![Piece::Text("{"), Piece::Text("answer:"), Piece::Text("}")]);
    }

    #[test]
    fn a_long_or_hostile_answer_is_one_safe_line() {
        let long = "word ".repeat(100);
        let out = render("{answer:a}", &|_| 0, &|_| Some(long.clone()));
        assert!(out.ends_with('…') && out.chars().count() <= MAX_SHOWN_CHARS + 1);
        let out = render("{answer:a}", &|_| 0, &|_| Some("\u{1b}]52;c;x\u{7} hi\u{202e}".into()));
        assert!(!out.chars().any(crate::text::is_hazard), "{out:?}");
        assert_eq!(render("{answer:a}", &|_| 0, &|_| Some("  \n ".into())), NO_ANSWER);
    }
}
