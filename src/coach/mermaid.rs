//! The question graph as a Mermaid `flowchart TD`, for pasting into
//! Markdown that renders Mermaid (GitHub, GitLab, many wikis).
//!
//! Mermaid ids are the scenario ids with `-` made `_` and an `n_` prefix:
//! `-` would read as part of an arrow, and a bare `end` (a common node id)
//! is a keyword that breaks the chart. Labels are double-quoted, with every
//! character Mermaid could read as syntax written as an entity code
//! (`#quot;`, `#91;`…), so no label can end early or inject markup.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::view::GraphView;
use crate::scenario::graph::EdgeKind;

/// `text` as the inside of a quoted Mermaid label: quotes, brackets,
/// braces, parentheses, pipes, angle brackets, `#`, `&`, `;` and backticks
/// become entity codes, which Mermaid turns back into the characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' | '&' | ';' | '<' | '>' | '[' | ']' | '(' | ')' | '{' | '}' | '|' | '`' | '\\' => {
                let _ = write!(out, "#{};", c as u32);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Lines of a label, escaped, joined with Mermaid's line break.
fn label(lines: &[String]) -> String {
    lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br/>")
}

/// Mermaid-safe ids for every node id of the view: `n_` + the id with
/// `-` as `_`, and a numeric suffix should two ids collide that way
/// (`a-b` and `a_b`).
pub fn ids<'a>(g: &GraphView<'a>) -> HashMap<&'a str, String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut map = HashMap::new();
    let all = g.nodes.iter().map(|n| n.id).chain(g.edges.iter().map(|e| e.to));
    for id in all {
        if map.contains_key(id) {
            continue;
        }
        let base: String = format!(
            "n_{}",
            id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect::<String>()
        );
        let mut safe = base.clone();
        let mut k = 2;
        while !taken.insert(safe.clone()) {
            safe = format!("{base}_{k}");
            k += 1;
        }
        map.insert(id, safe);
    }
    map
}

/// The whole graph as Mermaid source, ending in a newline.
pub fn write(g: &GraphView) -> String {
    let ids = ids(g);
    let id = |s: &str| ids.get(s).cloned().unwrap_or_else(|| "n_".into());
    let mut out = String::new();
    let _ = writeln!(out, "%% hotseat graph: {}", escape(g.id));
    out.push_str("flowchart TD\n");
    for n in &g.nodes {
        let text = label(&n.lines());
        // Ends are stadiums, questions rectangles.
        let shape = if n.end { format!("([\"{text}\"])") } else { format!("[\"{text}\"]") };
        let _ = writeln!(out, "    {}{shape}", id(n.id));
    }
    for e in &g.edges {
        let arrow = if e.kind == EdgeKind::Timeout { "-.->" } else { "-->" };
        let _ = writeln!(out, "    {} {arrow}|\"{}\"| {}", id(e.from), label(&e.lines()), id(e.to));
    }
    out.push_str("    classDef start stroke-width:4px\n");
    out.push_str("    classDef ending fill:#e6e6e6\n");
    out.push_str("    classDef trap stroke:#d00000,stroke-width:2px\n");
    out.push_str("    classDef unreachable stroke-dasharray:5 5\n");
    let class = |name: &str, pick: &dyn Fn(&super::view::NodeView) -> bool, out: &mut String| {
        let members: Vec<String> = g.nodes.iter().filter(|n| pick(n)).map(|n| id(n.id)).collect();
        if !members.is_empty() {
            let _ = writeln!(out, "    class {} {name}", members.join(","));
        }
    };
    class("start", &|n| n.start, &mut out);
    class("ending", &|n| n.end, &mut out);
    class("trap", &|n| !n.traps.is_empty(), &mut out);
    class("unreachable", &|n| n.unreachable, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::view::{build, tests_support::tricky};

    /// What may appear inside a quoted label: anything but the characters
    /// Mermaid reads as syntax there.
    fn label_is_inert(label: &str) -> bool {
        !label.chars().any(|c| matches!(c, '"' | '[' | ']' | '(' | ')' | '{' | '}' | '|' | '`' | '\n'))
            && label.replace("<br/>", "").chars().all(|c| c != '<' && c != '>')
    }

    #[test]
    fn entity_codes_replace_syntax_characters() {
        assert_eq!(escape(r#"a "b" [c]"#), "a #quot;b#quot; #91;c#93;");
        assert_eq!(escape("数据|主权"), "数据#124;主权");
        assert_eq!(escape("#1;"), "#35;1#59;");
    }

    #[test]
    fn ids_are_mermaid_safe_and_distinct() {
        let sc = tricky();
        let g = build(&sc);
        let ids = ids(&g);
        assert_eq!(ids["tricky-start"], "n_tricky_start");
        assert_eq!(ids["end"], "n_end");
        let mut all: Vec<&String> = ids.values().collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), ids.len());
        assert!(ids.values().all(|i| i.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')));
    }

    /// A syntax check of every line: a header, node statements
    /// `ID["label"]` or `ID(["label"])`, edges `ID -->|"label"| ID` (or
    /// `-.->`), classDefs and class statements; every label inert.
    #[test]
    fn output_follows_the_flowchart_grammar() {
        let sc = tricky();
        let text = write(&build(&sc));
        let mut lines = text.lines().filter(|l| !l.starts_with("%%"));
        assert_eq!(lines.next(), Some("flowchart TD"));
        let is_id = |s: &str| s.starts_with("n_") && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        for line in lines {
            let line = line.trim();
            if line.starts_with("classDef ") {
                continue;
            }
            if let Some(rest) = line.strip_prefix("class ") {
                let (members, name) = rest.rsplit_once(' ').expect("class MEMBERS NAME");
                assert!(members.split(',').all(is_id) && name.chars().all(|c| c.is_ascii_lowercase()), "{line}");
                continue;
            }
            let arrow = line.split_once(' ').and_then(|(from, rest)| {
                let rest = rest.strip_prefix("-->").or_else(|| rest.strip_prefix("-.->"))?;
                Some((from, rest))
            });
            if let Some((from, rest)) = arrow {
                let rest = rest.strip_prefix("|\"").expect(line);
                let (label, to) = rest.rsplit_once("\"| ").expect(line);
                assert!(is_id(from) && is_id(to), "{line}");
                assert!(label_is_inert(label), "{line}");
                continue;
            }
            let open = line.find('[').expect(line);
            let (id, shape) = line.split_at(open);
            let id = id.strip_suffix('(').unwrap_or(id);
            assert!(is_id(id), "{line}");
            let label = shape
                .strip_prefix("[\"")
                .and_then(|s| s.strip_suffix("\"]"))
                .or_else(|| shape.strip_prefix("[\"").and_then(|s| s.strip_suffix("\"])")))
                .expect(line);
            assert!(label_is_inert(label), "{line}");
        }
        assert!(text.contains("数字"), "CJK text is kept: {text}");
    }
}
