//! The all-paths playtest: from the start, every edge of the current
//! question is tried with a synthesised answer ([`super::synth`]), each on
//! its own copy of the session, and every session that has not finished is
//! explored the same way. The sessions run through the real core
//! (`crate::playtest::step` → `crate::session::update`), so coverage is
//! what a candidate could actually do, not what the graph suggests.
//!
//! Two sessions at the same node whose variables and visit counts differ
//! only above the highest threshold any `Var` or `Visits` condition in the
//! scenario or catalogue compares them with behave the same from there on
//! (counts only grow, and variables only grow unless some `Add` is
//! negative), so each such state is explored once; that keeps loops and
//! counters finite. A depth and a state limit bound the rest.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::playtest;
use crate::rules::{Cmp, Cond};
use crate::scenario::graph::EdgeKind;
use crate::scenario::{Answer, Scenario, VarOp};
use crate::session::{Compiled, Event, EventKind, Pace, State, update};

/// Bounds on the search.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Distinct session states explored, at most.
    pub max_states: usize,
    /// Questions on one path, at most.
    pub max_depth: usize,
}

impl Limits {
    /// Room for every bundled scenario many times over.
    pub fn for_scenario(sc: &Scenario) -> Limits {
        Limits { max_states: 50_000, max_depth: 4 * sc.nodes.len() + 16 }
    }
}

/// One edge of the scenario graph.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeInfo {
    pub from: usize,
    pub to: String,
    pub kind: EdgeKind,
}

/// What the exploration reached.
#[derive(Debug)]
pub struct Coverage {
    /// Every edge of every node, in file order.
    pub edges: Vec<EdgeInfo>,
    /// Per edge: taken by some synthesised path.
    pub covered: Vec<bool>,
    /// Per node: entered by some synthesised path.
    pub reached: Vec<bool>,
    /// Synthesised sessions that ran to their end.
    pub paths: usize,
    /// Distinct states explored.
    pub states: usize,
    /// A limit cut the search short.
    pub capped: bool,
}

impl Coverage {
    pub fn covered_count(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    pub fn complete(&self) -> bool {
        self.covered.iter().all(|c| *c) && self.reached.iter().all(|r| *r)
    }
}

/// Explores every branch of `compiled` from its start.
pub fn explore(compiled: &Arc<Compiled>, seed: u64, limits: Limits) -> Coverage {
    let sc = &compiled.scenario;
    let mut edges = Vec::new();
    let mut by_node: Vec<Vec<usize>> = vec![Vec::new(); sc.nodes.len()];
    for (i, node) in sc.nodes.iter().enumerate() {
        for e in node.edges() {
            by_node[i].push(edges.len());
            edges.push(EdgeInfo { from: i, to: e.to.to_string(), kind: e.kind });
        }
    }
    let thresholds = Thresholds::of(compiled);
    let mut cov = Coverage {
        covered: vec![false; edges.len()],
        reached: vec![false; sc.nodes.len()],
        edges,
        paths: 0,
        states: 0,
        capped: false,
    };
    let mut first = State::new(Arc::clone(compiled), seed, Pace::Real);
    update(&mut first, Event::new(0, EventKind::Start));
    session_timeout(&first, &mut cov);
    let mut seen: HashSet<Key> = HashSet::from([thresholds.key(&first)]);
    let mut stack: Vec<(State, u64, usize)> = vec![(first, 0, 0)];
    while let Some((s, t, depth)) = stack.pop() {
        cov.states += 1;
        cov.reached[s.node] = true;
        if s.is_finished() {
            cov.paths += 1;
            continue;
        }
        for &e in &by_node[s.node] {
            let Some(step) = super::synth::answer_for(&s, &cov.edges[e].kind) else { continue };
            let asked = s.turns.len();
            let Ok((next, t_next)) = playtest::step(s.clone(), &step, t) else { continue };
            record(&next, asked, &by_node, &mut cov);
            if next.is_finished() {
                cov.paths += 1;
                continue;
            }
            if depth + 1 >= limits.max_depth || seen.len() >= limits.max_states {
                cov.capped = true;
                continue;
            }
            if seen.insert(thresholds.key(&next)) {
                stack.push((next, t_next, depth + 1));
            }
        }
    }
    cov
}

/// Marks the edges the turns from `asked` on took, and where they led.
fn record(s: &State, asked: usize, by_node: &[Vec<usize>], cov: &mut Coverage) {
    for turn in s.turns.iter().skip(asked) {
        if let Some(kind) = &turn.edge
            && let Some(&e) = by_node[turn.node].iter().find(|&&e| cov.edges[e].kind == *kind)
        {
            cov.covered[e] = true;
        }
        if let Some(n) = turn.next {
            cov.reached[n] = true;
        }
    }
    cov.reached[s.node] = true;
}

/// The node `on_session_timeout` names is reached by letting the whole
/// session run out at the first question.
fn session_timeout(first: &State, cov: &mut Coverage) {
    let Some(limit) = first.session_limit_ms() else { return };
    let mut s = first.clone();
    update(&mut s, Event::new(limit + 1, EventKind::Tick));
    // A wrap-up question is reached without the session finishing.
    if s.is_finished() || s.wrapping_up {
        cov.reached[s.node] = true;
        cov.paths += 1;
    }
}

/// A session state as far as any condition can tell, now or later: the
/// node, and each variable and visit count capped just above the highest
/// threshold conditions compare it with.
type Key = (usize, Vec<i64>, Vec<i64>);

/// The highest number each variable and node's visit count is compared
/// with; a variable some `Add` lowers is never capped.
struct Thresholds {
    vars: BTreeMap<String, i64>,
    visits: Vec<(usize, i64)>,
    lowered: HashSet<String>,
}

impl Thresholds {
    fn of(compiled: &Compiled) -> Thresholds {
        let mut vars: BTreeMap<String, i64> = BTreeMap::new();
        let mut visits: HashMap<usize, i64> = HashMap::new();
        let mut look = |c: &Cond| match c {
            Cond::Var(v, cmp) => {
                let top = vars.entry(v.clone()).or_insert(bound(*cmp));
                *top = (*top).max(bound(*cmp));
            }
            Cond::Visits(node, cmp) => {
                if let Some(i) = compiled.node_index(node) {
                    let top = visits.entry(i).or_insert(bound(*cmp));
                    *top = (*top).max(bound(*cmp));
                }
            }
            _ => {}
        };
        for node in &compiled.scenario.nodes {
            if let Answer::FreeText { rules, .. } = &node.answer {
                rules.iter().for_each(|r| r.when.walk_with(&compiled.scenario.conditions, &mut look));
            }
        }
        for t in &compiled.catalogue.traps {
            t.detect.iter().for_each(|d| d.when.walk_with(&compiled.catalogue.conditions, &mut look));
        }
        let mut visits: Vec<(usize, i64)> = visits.into_iter().collect();
        visits.sort_unstable();
        let mut lowered = HashSet::new();
        for node in &compiled.scenario.nodes {
            for e in node.edges() {
                for op in e.set {
                    if let VarOp::Add(v, n) = op
                        && *n < 0
                    {
                        lowered.insert(v.clone());
                    }
                }
            }
        }
        Thresholds { vars, visits, lowered }
    }

    fn key(&self, s: &State) -> Key {
        let cap = |v: i64, top: i64| v.min(top.saturating_add(1));
        let vars = self
            .vars
            .iter()
            .map(|(name, r)| {
                let v = s.vars.get(name).copied().unwrap_or(0);
                if self.lowered.contains(name) { v } else { cap(v, *r) }
            })
            .collect();
        let visits =
            self.visits.iter().map(|&(i, r)| cap(i64::from(s.visits.get(i).copied().unwrap_or(0)), r)).collect();
        (s.node, vars, visits)
    }
}

fn bound(cmp: Cmp) -> i64 {
    match cmp {
        Cmp::AtLeast(n) | Cmp::AtMost(n) | Cmp::Equals(n) => n,
    }
}
