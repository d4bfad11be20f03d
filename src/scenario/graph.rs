//! The question graph: which node leads where, and under what condition.
//! Used by the validator (reachability, ways out), and by graph and stats.

use std::collections::{HashMap, HashSet, VecDeque};

use super::model::{Answer, Node, Scenario, Timeout};

/// Why an edge is taken.
#[derive(Debug, Clone, PartialEq)]
pub enum EdgeKind {
    /// Choice option `i` (0-based).
    Choice(usize),
    /// FreeText rule `i` (0-based).
    Rule(usize),
    /// FreeText when no rule matches.
    Default,
    /// Numeric within tolerance.
    Right,
    /// Numeric outside tolerance.
    Wrong,
    /// Spoken with enough talking points.
    Next,
    /// Spoken with too few talking points.
    Short,
    /// The question's time ran out.
    Timeout,
}

/// One way from a node to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge<'a> {
    pub to: &'a str,
    pub kind: EdgeKind,
}

impl Node {
    /// Every outgoing edge, in the order the file lists them.
    pub fn edges(&self) -> Vec<Edge<'_>> {
        let mut out: Vec<Edge<'_>> = match &self.answer {
            Answer::Choice { options } => {
                options.iter().enumerate().map(|(i, o)| Edge { to: &o.next, kind: EdgeKind::Choice(i) }).collect()
            }
            Answer::FreeText { rules, default } => rules
                .iter()
                .enumerate()
                .map(|(i, r)| Edge { to: &r.next, kind: EdgeKind::Rule(i) })
                .chain([Edge { to: &default.next, kind: EdgeKind::Default }])
                .collect(),
            Answer::Numeric { right, wrong, .. } => {
                vec![Edge { to: &right.next, kind: EdgeKind::Right }, Edge { to: &wrong.next, kind: EdgeKind::Wrong }]
            }
            Answer::Spoken { next, short, .. } => {
                let mut v = vec![Edge { to: &next.next, kind: EdgeKind::Next }];
                v.extend(short.iter().map(|s| Edge { to: &s.next, kind: EdgeKind::Short }));
                v
            }
            Answer::End { .. } => Vec::new(),
        };
        if let Timeout::Goto(to) = &self.on_timeout {
            out.push(Edge { to, kind: EdgeKind::Timeout });
        }
        out
    }
}

/// Node ids reachable from `start` (following every edge, timeouts too).
pub fn reachable<'a>(sc: &'a Scenario, start: &'a str) -> HashSet<&'a str> {
    let by_id = index(sc);
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(node) = by_id.get(id) {
            queue.extend(node.edges().into_iter().map(|e| e.to));
        }
    }
    seen
}

/// Node ids from which some end node can be reached.
pub fn can_finish(sc: &Scenario) -> HashSet<&str> {
    let mut incoming: HashMap<&str, Vec<&str>> = HashMap::new();
    for node in &sc.nodes {
        for e in node.edges() {
            incoming.entry(e.to).or_default().push(&node.id);
        }
    }
    let mut done: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&str> = sc.nodes.iter().filter(|n| n.is_end()).map(|n| n.id.as_str()).collect();
    while let Some(id) = queue.pop_front() {
        if done.insert(id) {
            queue.extend(incoming.get(id).into_iter().flatten().copied());
        }
    }
    done
}

/// First node with each id (the validator reports duplicates).
pub fn index(sc: &Scenario) -> HashMap<&str, &Node> {
    let mut map = HashMap::new();
    for n in &sc.nodes {
        map.entry(n.id.as_str()).or_insert(n);
    }
    map
}
