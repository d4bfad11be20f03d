//! Root causes and their consequences in the question graph.
//!
//! One misspelt node id can leave a node with no way out and every node
//! behind the typo unreachable: reported one by one, the consequences
//! bury the cause (and, sorted by line, often come before it). This module
//! finds which graph problems a misspelt id causes, by repairing the ids
//! (each to its likely meaning, or to a stand-in end node when there is
//! none) and seeing which problems go away. The validator then reports the
//! cause once and folds its consequences under it.

use std::collections::HashSet;

use super::graph;
use super::model::{Answer, Node, Scenario, Timeout};

/// Why a node is a problem in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stuck {
    /// No route from the start leads to it.
    Unreachable,
    /// It has no edge to another existing node.
    DeadEnd,
    /// Its edges lead only into a loop no end node can be reached from.
    NoWayOut,
}

/// The graph problems of `sc`, one per node id (first node with the id),
/// as (node index, problem). Empty when the start node does not exist or
/// there is no end node: those are reported on their own.
pub fn stuck_nodes(sc: &Scenario) -> Vec<(usize, Stuck)> {
    let ids: HashSet<&str> = sc.nodes.iter().map(|n| n.id.as_str()).collect();
    if !ids.contains(sc.start.as_str()) || !sc.nodes.iter().any(Node::is_end) {
        return Vec::new();
    }
    let mut reachable = graph::reachable(sc, &sc.start);
    // The session limit can end any question at its target.
    if let Some(to) = sc.on_session_timeout.as_deref().filter(|_| sc.session_limit_s.is_some()) {
        reachable.extend(graph::reachable(sc, to));
    }
    let finishes = graph::can_finish(sc);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, node) in sc.nodes.iter().enumerate() {
        if !seen.insert(node.id.as_str()) {
            continue;
        }
        if !reachable.contains(node.id.as_str()) {
            out.push((i, Stuck::Unreachable));
        } else if !finishes.contains(node.id.as_str()) {
            let leaves = node.edges().iter().any(|e| e.to != node.id && ids.contains(e.to));
            out.push((i, if leaves { Stuck::NoWayOut } else { Stuck::DeadEnd }));
        }
    }
    out
}

/// The id of the stand-in end node a repair points unknown ids at when
/// no real node is likely meant; no valid id can equal it.
const STAND_IN: &str = "\u{0}unknown";

/// `sc` with each `(wrong, meant)` id replaced on every edge, at the start
/// and in `on_session_timeout`: by `meant`, or by a stand-in end node
/// (appended last) when nothing is meant.
pub fn repaired(sc: &Scenario, fixes: &[(&str, Option<&str>)]) -> Scenario {
    let mut out = sc.clone();
    let fix = |id: &mut String| {
        if let Some((_, meant)) = fixes.iter().find(|(wrong, _)| *wrong == id.as_str()) {
            *id = meant.unwrap_or(STAND_IN).to_string();
        }
    };
    fix(&mut out.start);
    if let Some(to) = out.on_session_timeout.as_mut() {
        fix(to);
    }
    for node in &mut out.nodes {
        for target in targets_mut(node) {
            fix(target);
        }
    }
    if fixes.iter().any(|(_, meant)| meant.is_none()) {
        out.nodes.push(stand_in());
    }
    out
}

fn stand_in() -> Node {
    Node::end(STAND_IN, String::new())
}

/// Every edge target of a node, to rewrite: the same edges as
/// [`Node::edges`] lists.
fn targets_mut(node: &mut Node) -> Vec<&mut String> {
    let mut out: Vec<&mut String> = match &mut node.answer {
        Answer::Choice { options } => options.iter_mut().map(|o| &mut o.next).collect(),
        Answer::FreeText { rules, default } => {
            rules.iter_mut().map(|r| &mut r.next).chain([&mut default.next]).collect()
        }
        Answer::Numeric { right, wrong, close, .. } => {
            let mut v = vec![&mut right.next, &mut wrong.next];
            v.extend(close.iter_mut().map(|c| &mut c.next));
            v
        }
        Answer::Spoken { next, short, .. } => {
            let mut v = vec![&mut next.next];
            v.extend(short.iter_mut().map(|s| &mut s.next));
            v
        }
        Answer::End { .. } => Vec::new(),
    };
    if let Timeout::Goto(to) = &mut node.on_timeout {
        out.push(to);
    }
    out
}

/// How many unknown ids are each repaired alone to tell whose
/// consequence a problem is; past this, all go to the first.
const ATTRIBUTED: usize = 10;

/// Which of `stuck` (the problems as written) follow from the unknown
/// ids in `fixes`: for each problem, the index in `fixes` of the id that
/// causes it, or `None` when it is a problem of its own. A problem is a
/// consequence when repairing every id clears it; it is put under the
/// first id whose repair alone clears it, else under the first id.
pub fn blame(sc: &Scenario, stuck: &[(usize, Stuck)], fixes: &[(&str, Option<&str>)]) -> Vec<Option<usize>> {
    if fixes.is_empty() || stuck.is_empty() {
        return vec![None; stuck.len()];
    }
    let all: HashSet<(usize, Stuck)> = stuck_nodes(&repaired(sc, fixes)).into_iter().collect();
    let alone: Vec<HashSet<(usize, Stuck)>> = if fixes.len() > 1 && fixes.len() <= ATTRIBUTED {
        fixes.iter().map(|f| stuck_nodes(&repaired(sc, std::slice::from_ref(f))).into_iter().collect()).collect()
    } else {
        Vec::new()
    };
    stuck
        .iter()
        .map(|p| {
            if all.contains(p) {
                return None;
            }
            Some(alone.iter().position(|left| !left.contains(p)).unwrap_or(0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(edit: impl Fn(String) -> String) -> Scenario {
        let text = edit(include_str!("../../docs/example.ron").to_string());
        crate::scenario::load::ron_options().from_str(&text).expect("example parses")
    }

    #[test]
    fn a_typo_on_two_edges_causes_the_dead_end_and_the_unreachable_nodes() {
        let sc = example(|t| t.replace("(next: \"spoken\")", "(next: \"spokn\")"));
        let stuck = stuck_nodes(&sc);
        assert_eq!(stuck.len(), 3, "{stuck:?}"); // quiz dead end, spoken and end-good unreachable
        assert_eq!(blame(&sc, &stuck, &[("spokn", Some("spoken"))]), vec![Some(0); 3]);
    }

    #[test]
    fn a_typo_with_no_likely_meaning_still_explains_the_dead_end() {
        let sc = example(|t| t.replace("(next: \"spoken\")", "(next: \"zzz\")"));
        let stuck = stuck_nodes(&sc);
        let blamed = blame(&sc, &stuck, &[("zzz", None)]);
        let quiz = sc.nodes.iter().position(|n| n.id == "quiz").expect("quiz");
        for (p, b) in stuck.iter().zip(&blamed) {
            // The dead end follows from the typo; what the typo hid stays unreachable.
            assert_eq!(b.is_some(), p.0 == quiz, "{p:?}");
        }
    }

    #[test]
    fn a_problem_of_its_own_is_not_blamed_on_a_typo() {
        let sc = example(|t| {
            t.replace("next: \"end-early\"),\n", "next: \"end-erly\"),\n").replace(
                "(id: \"end-good\"",
                "(id: \"bonus\", prompt: \"x\", limit_s: 5, answer: End(remarks: \"x\")),\n        (id: \"end-good\"",
            )
        });
        let stuck = stuck_nodes(&sc);
        let bonus = sc.nodes.iter().position(|n| n.id == "bonus").expect("bonus");
        let blamed = blame(&sc, &stuck, &[("end-erly", Some("end-early"))]);
        let own = stuck.iter().zip(&blamed).find(|(p, _)| p.0 == bonus).expect("bonus is unreachable");
        assert_eq!(*own.1, None);
    }
}
