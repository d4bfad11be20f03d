//! The question graph in Graphviz DOT: `hotseat graph ID --format dot |
//! dot -Tsvg > graph.svg`. Each node's DOT id is its scenario id in
//! double quotes, so a coach can grep the output for an id.
//!
//! Styles: the start node is bold with a double outline, end nodes are
//! filled grey, nodes designed to expose traps have a red outline (their
//! traps in the tooltip), unreachable nodes are dashed; timeout edges are
//! dashed and options that mark a trap are red.

use std::fmt::Write as _;

use super::view::{EdgeView, GraphView, NodeView};
use crate::scenario::graph::EdgeKind;

/// `text` as the inside of a DOT double-quoted string. Backslashes are
/// doubled so Graphviz's own escapes (`\N`, `\G`, `\l`…) never fire on
/// scenario text, quotes are escaped, and line breaks (which [`view`]
/// already removed) would become `\n` rather than end the string.
///
/// [`view`]: super::view
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines of a label joined with DOT's centred line break.
fn label(lines: &[String]) -> String {
    lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\\n")
}

/// The whole graph as DOT source, ending in a newline.
pub fn write(g: &GraphView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "// hotseat graph: {} ({})", escape(g.id), escape(&super::label::clip(g.title, 80)));
    let _ = writeln!(out, "digraph \"{}\" {{", escape(g.id));
    let _ = writeln!(out, "    graph [label=\"{}\", labelloc=t];", escape(&super::label::clip(g.title, 80)));
    out.push_str("    node [shape=box, style=rounded, fontsize=11];\n");
    out.push_str("    edge [fontsize=9];\n");
    for n in &g.nodes {
        let _ = writeln!(out, "    \"{}\" [{}];", escape(n.id), node_attrs(n).join(", "));
    }
    for e in &g.edges {
        let _ = writeln!(out, "    \"{}\" -> \"{}\" [{}];", escape(e.from), escape(e.to), edge_attrs(e).join(", "));
    }
    out.push_str("}\n");
    out
}

fn node_attrs(n: &NodeView) -> Vec<String> {
    let mut attrs = vec![format!("label=\"{}\"", label(&n.lines()))];
    let mut style = vec!["rounded"];
    if n.start {
        style.push("bold");
        attrs.push("peripheries=2".into());
    }
    if n.end {
        style.push("filled");
        attrs.push("fillcolor=\"#e6e6e6\"".into());
    }
    if n.unreachable {
        style.push("dashed");
    }
    if !n.traps.is_empty() {
        attrs.push("color=red".into());
        attrs.push("penwidth=2".into());
        attrs.push(format!("tooltip=\"{}\"", escape(&format!("traps: {}", n.traps.join(", ")))));
    }
    attrs.push(format!("style=\"{}\"", style.join(",")));
    attrs
}

fn edge_attrs(e: &EdgeView) -> Vec<String> {
    let mut attrs = vec![format!("label=\"{}\"", label(&e.lines()))];
    if e.kind == EdgeKind::Timeout {
        attrs.push("style=dashed".into());
    }
    if e.trap.is_some() {
        attrs.push("color=red".into());
        attrs.push("fontcolor=red".into());
    }
    attrs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(escape(r#"say "hi" \N"#), r#"say \"hi\" \\N"#);
        assert_eq!(escape("数据\n主权"), "数据\\n主权");
    }

    #[test]
    fn every_quoted_string_in_the_output_is_closed() {
        let sc = crate::coach::view::tests_support::tricky();
        let dot = write(&crate::coach::view::build(&sc));
        for line in dot.lines().filter(|l| !l.trim_start().starts_with("//")) {
            // Outside escapes, quotes come in pairs on every line.
            let mut quotes = 0;
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => quotes += 1,
                    _ => {}
                }
            }
            assert_eq!(quotes % 2, 0, "unbalanced quotes in {line}");
        }
        assert!(dot.contains("\"tricky-start\" ["), "{dot}");
        assert!(dot.contains(r#"\"quoted\""#), "{dot}");
    }
}
