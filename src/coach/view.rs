//! The question graph as a picture sees it: per node a short text and a
//! role (start, end, trap-exposing), per edge a short condition. The DOT
//! and Mermaid writers draw this same view, so they never disagree about
//! what an edge means; each only adds its own escaping and styling.

use crate::scenario::graph::{self, EdgeKind};
use crate::scenario::{Answer, Scenario};

use super::label::{EDGE_WIDTH, PROMPT_WIDTH, clip};

/// A scenario ready to draw.
#[derive(Debug)]
pub struct GraphView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub nodes: Vec<NodeView<'a>>,
    pub edges: Vec<EdgeView<'a>>,
}

/// One node to draw.
#[derive(Debug)]
pub struct NodeView<'a> {
    pub id: &'a str,
    /// The prompt (or an end node's remarks), clipped to one short line.
    pub text: String,
    pub start: bool,
    pub end: bool,
    /// Traps the node is designed to expose, `over-time` left out: nearly
    /// every question can run over, so it would paint the whole graph red.
    pub traps: Vec<&'a str>,
    /// Not reachable from the start (`check` warns about it).
    pub unreachable: bool,
    /// The node `on_session_timeout` jumps to when the session runs out.
    pub session_timeout: bool,
}

/// One edge to draw.
#[derive(Debug)]
pub struct EdgeView<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub kind: EdgeKind,
    /// What takes it: `2. <option label>`, `rule 1: <summary>`, `right`…
    pub condition: String,
    /// Its variable updates, summarised (`dodges+1`); empty when none.
    pub ops: String,
    /// The trap a Choice option marks, if any.
    pub trap: Option<&'a str>,
}

impl NodeView<'_> {
    /// The label's lines: the id, the clipped text, and a note when the
    /// node is where the session goes when its time runs out.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.id.to_string()];
        if !self.text.is_empty() {
            lines.push(self.text.clone());
        }
        if self.session_timeout {
            lines.push("(on session timeout)".into());
        }
        lines
    }
}

impl EdgeView<'_> {
    /// The label's lines: the condition, then the `set` updates and the
    /// trap an option marks, when there are any.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.condition.clone()];
        if !self.ops.is_empty() {
            lines.push(clip(&self.ops, EDGE_WIDTH));
        }
        if let Some(t) = self.trap {
            lines.push(clip(&format!("trap: {t}"), EDGE_WIDTH));
        }
        lines
    }
}

/// Builds the view of `sc`. Works on any parsed scenario, even one with
/// dangling ids: an edge to a missing node is kept, pointing at that id.
pub fn build(sc: &Scenario) -> GraphView<'_> {
    let reachable = {
        let mut r = graph::reachable(sc, &sc.start);
        if sc.session_limit_s.is_some()
            && let Some(to) = &sc.on_session_timeout
        {
            r.extend(graph::reachable(sc, to));
        }
        r
    };
    let session_target = sc.session_limit_s.and(sc.on_session_timeout.as_deref());
    let nodes = sc
        .nodes
        .iter()
        .map(|n| {
            let text = match &n.answer {
                Answer::End { remarks, .. } => remarks.as_str(),
                _ => n.prompt.as_str(),
            };
            NodeView {
                id: &n.id,
                text: clip(text, PROMPT_WIDTH),
                start: n.id == sc.start,
                end: n.is_end(),
                traps: n.exposed_traps().into_iter().filter(|t| *t != "over-time").collect(),
                unreachable: !reachable.contains(n.id.as_str()),
                session_timeout: session_target == Some(n.id.as_str()),
            }
        })
        .collect();
    let edges = sc
        .nodes
        .iter()
        .flat_map(|n| {
            n.edges().into_iter().map(move |e| {
                let what = e.condition(n);
                let condition = match e.kind {
                    EdgeKind::Choice(i) => clip(&format!("{}. {what}", i + 1), EDGE_WIDTH),
                    EdgeKind::Rule(_) => clip(&format!("{}: {what}", e.kind.numbered()), EDGE_WIDTH),
                    _ => clip(&what, EDGE_WIDTH),
                };
                EdgeView {
                    from: n.id.as_str(),
                    to: e.to,
                    condition,
                    ops: graph::summarise_ops(e.set),
                    trap: e.trap(n),
                    kind: e.kind,
                }
            })
        })
        .collect();
    GraphView { id: &sc.id, title: &sc.title, nodes, edges }
}

/// A scenario with every hazard a label can hold, for the writers' tests.
#[cfg(test)]
pub mod tests_support {
    use crate::scenario::Scenario;

    pub const TRICKY: &str = r#"Scenario(
        format: 1, id: "tricky", title: "Tricky \"labels\"", company: "C", role: "R",
        language: Both, difficulty: Easy, minutes: 1,
        persona: (name: "N", role: "R"),
        session_limit_s: 600, on_session_timeout: "end",
        start: "tricky-start",
        nodes: [
            (id: "tricky-start", prompt: "Say \"quoted\" [a] {b} (c) <d> |e| #f; `g` \\N back\\slash\nnew line",
             limit_s: 60, on_timeout: Goto("end"), traps: ["vague-ask"],
             answer: Choice(options: [
                (label: "A \"quoted\" | option]", next: "o", trap: "vague-ask", set: [Add("x", 1)]),
                (label: "用两分钟向市大数据局的处长介绍这个“月度承诺 + 超额”的方案", next: "x"),
             ])),
            (id: "o", prompt: "数字？", limit_s: 60,
             answer: Numeric(expected: 1.0, tolerance: Abs(0.0), right: (next: "end"), wrong: (next: "end", set: [Set("y", -2)]), solution: "s")),
            (id: "x", prompt: "Free", limit_s: 60,
             answer: FreeText(rules: [(when: And([AnyOf(["a\"b", "c]d"]), Var("x", AtLeast(1))]), next: "end")], default: (next: "end"))),
            (id: "end", answer: End(remarks: "Bye \"now\"")),
        ],
    )"#;

    pub fn tricky() -> Scenario {
        crate::scenario::load::ron_options().from_str(TRICKY).expect("the tricky scenario parses")
    }
}
