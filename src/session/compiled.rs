//! A validated scenario made ready to run: node ids resolved to indices,
//! rule conditions and trap rules compiled once, and the distance from each
//! node to an ending (for "question k of about n").

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::assess::{DetectError, Detector};
use crate::rules::Matcher;
use crate::scenario::{Answer, Scenario};
use crate::traps::Catalogue;

/// Why a scenario cannot run. `check` reports these with locations first;
/// this is the backstop for a scenario that skipped it.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("node \"{from}\" leads to unknown node \"{to}\"")]
    UnknownNode { from: String, to: String },
    #[error("start node \"{0}\" does not exist")]
    NoStart(String),
    #[error("node \"{node}\": rule {rule} does not compile: {source}")]
    Rule {
        node: String,
        rule: usize,
        #[source]
        source: regex::Error,
    },
    #[error(transparent)]
    Detect(#[from] DetectError),
}

/// Everything a session needs about its scenario, shared and read-only.
pub struct Compiled {
    pub scenario: Scenario,
    pub catalogue: Catalogue,
    pub detector: Detector,
    pub start: usize,
    index: HashMap<String, usize>,
    /// Per node, its FreeText rule matchers in order.
    rules: Vec<Vec<Matcher>>,
    /// Per node, questions still to answer on the shortest way to an end.
    to_end: Vec<Option<u32>>,
}

impl Compiled {
    pub fn new(scenario: Scenario, catalogue: Catalogue) -> Result<Arc<Compiled>, CompileError> {
        let index: HashMap<String, usize> =
            scenario.nodes.iter().enumerate().rev().map(|(i, n)| (n.id.clone(), i)).collect();
        let start = *index.get(&scenario.start).ok_or_else(|| CompileError::NoStart(scenario.start.clone()))?;
        for node in &scenario.nodes {
            if let Some(e) = node.edges().into_iter().find(|e| !index.contains_key(e.to)) {
                return Err(CompileError::UnknownNode { from: node.id.clone(), to: e.to.to_string() });
            }
        }
        let rules = scenario
            .nodes
            .iter()
            .map(|node| match &node.answer {
                Answer::FreeText { rules, .. } => rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        Matcher::compile(&r.when).map_err(|source| CompileError::Rule {
                            node: node.id.clone(),
                            rule: i + 1,
                            source,
                        })
                    })
                    .collect(),
                _ => Ok(Vec::new()),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let detector = Detector::new(&catalogue)?;
        let to_end = distances_to_end(&scenario, &index);
        Ok(Arc::new(Compiled { scenario, catalogue, detector, start, index, rules, to_end }))
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn rules(&self, node: usize) -> &[Matcher] {
        self.rules.get(node).map_or(&[], Vec::as_slice)
    }

    /// Questions left on the shortest way from `node` to an ending.
    pub fn questions_to_end(&self, node: usize) -> u32 {
        self.to_end.get(node).copied().flatten().unwrap_or(0)
    }
}

/// Questions left from each node to an ending along its *main route*: the
/// way a steady candidate goes (FreeText default, Numeric right, Spoken
/// next, the first Choice option that is not a trap). Shortest routes are
/// the fallback where the main route loops. Only an estimate, for
/// "question k of about n".
fn distances_to_end(sc: &Scenario, index: &HashMap<String, usize>) -> Vec<Option<u32>> {
    let shortest = shortest_to_end(sc, index);
    let main_next: Vec<Option<usize>> =
        sc.nodes.iter().map(|n| main_route(n).and_then(|id| index.get(id).copied())).collect();
    (0..sc.nodes.len())
        .map(|start| {
            let mut seen = vec![false; sc.nodes.len()];
            let (mut at, mut steps) = (start, 0u32);
            loop {
                if sc.nodes[at].is_end() {
                    return Some(steps);
                }
                if std::mem::replace(&mut seen[at], true) {
                    return shortest[at].map(|d| d + steps);
                }
                match main_next[at] {
                    Some(next) => {
                        at = next;
                        steps += 1;
                    }
                    None => return shortest[at].map(|d| d + steps),
                }
            }
        })
        .collect()
}

fn main_route(node: &crate::scenario::Node) -> Option<&str> {
    match &node.answer {
        Answer::FreeText { default, .. } => Some(&default.next),
        Answer::Numeric { right, .. } => Some(&right.next),
        Answer::Spoken { next, .. } => Some(&next.next),
        Answer::Choice { options } => {
            options.iter().find(|o| o.trap.is_none()).or(options.first()).map(|o| o.next.as_str())
        }
        Answer::End { .. } => None,
    }
}

/// Breadth-first from the ends backwards over every edge.
fn shortest_to_end(sc: &Scenario, index: &HashMap<String, usize>) -> Vec<Option<u32>> {
    let n = sc.nodes.len();
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, node) in sc.nodes.iter().enumerate() {
        for e in node.edges() {
            if let Some(&j) = index.get(e.to) {
                incoming[j].push(i);
            }
        }
    }
    let mut dist: Vec<Option<u32>> = vec![None; n];
    let mut queue = VecDeque::new();
    for (i, node) in sc.nodes.iter().enumerate() {
        if node.is_end() {
            dist[i] = Some(0);
            queue.push_back(i);
        }
    }
    while let Some(j) = queue.pop_front() {
        let d = dist[j].unwrap_or(0) + 1;
        for &i in &incoming[j] {
            if dist[i].is_none() {
                dist[i] = Some(d);
                queue.push_back(i);
            }
        }
    }
    dist
}
