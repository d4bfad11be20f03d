//! A validated scenario made ready to run: node ids resolved to indices,
//! rule conditions and trap rules compiled once, and the distance from each
//! node to an ending (for "question k of about n").

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::assess::Detector;
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
    #[error("{node}: rule {rule} does not compile: {message}")]
    Pattern { node: String, rule: usize, message: String },
    #[error("{node}: rule {rule}: {message}")]
    Name { node: String, rule: usize, message: String },
}

/// Everything a session needs about its scenario, shared and read-only.
pub struct Compiled {
    pub scenario: Scenario,
    pub catalogue: Catalogue,
    pub start: usize,
    index: HashMap<String, usize>,
    /// Per node, questions still to answer on its main route to an end.
    to_end: Vec<Option<u32>>,
    /// Compiling every rule and trap pattern takes ~150 ms: it must not delay
    /// the first frame, so it runs on a helper thread started by [`warm`]
    /// and is joined on first use (the first answer), or done then.
    matchers: OnceLock<Matchers>,
    job: Mutex<Option<JoinHandle<Matchers>>>,
}

/// The compiled patterns.
struct Matchers {
    detector: Arc<Detector>,
    /// Per node, its FreeText rule matchers in order.
    rules: Vec<Vec<Matcher>>,
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
        check_patterns(&scenario)?;
        let to_end = distances_to_end(&scenario, &index);
        let catalogue = in_force(&crate::scenario::own_traps::merge(&catalogue, &scenario), &scenario);
        Ok(Arc::new(Compiled {
            scenario,
            catalogue,
            start,
            index,
            to_end,
            matchers: OnceLock::new(),
            job: Mutex::new(None),
        }))
    }

    /// Starts compiling the patterns on a helper thread, if that has not
    /// happened yet. The runtime calls it once the first frame is drawn, so
    /// the two do not compete for the CPU; the first answer joins it.
    pub fn warm(&self) {
        if self.matchers.get().is_some() {
            return;
        }
        let Ok(mut job) = self.job.lock() else { return };
        if job.is_none() {
            let (sc, cat) = (self.scenario.clone(), self.catalogue.clone());
            *job = std::thread::Builder::new().name("compile-rules".into()).spawn(move || compile(&sc, &cat)).ok();
        }
    }

    fn matchers(&self) -> &Matchers {
        self.matchers.get_or_init(|| {
            let job = self.job.lock().ok().and_then(|mut j| j.take());
            match job.map(JoinHandle::join) {
                Some(Ok(m)) => m,
                // No thread could be started, or it died: compile here.
                _ => compile(&self.scenario, &self.catalogue),
            }
        })
    }

    pub fn detector(&self) -> &Detector {
        &self.matchers().detector
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn rules(&self, node: usize) -> &[Matcher] {
        self.matchers().rules.get(node).map_or(&[], Vec::as_slice)
    }

    /// Questions left on the main route from `node` to an ending.
    pub fn questions_to_end(&self, node: usize) -> u32 {
        self.to_end.get(node).copied().flatten().unwrap_or(0)
    }
}

/// The traps of `cat` that a session of `sc` can meet: those its nodes and
/// choices name, those with a rule that runs on one of its answered
/// questions, and every trap their rules ask about with `Trap(...)`. This
/// is the catalogue a session runs with and records in its file, so a
/// replay anywhere judges with exactly the same traps (and a recording
/// carries a few dozen traps, not the whole catalogue).
fn in_force(cat: &Catalogue, sc: &Scenario) -> Catalogue {
    let answered: Vec<&[String]> = sc
        .nodes
        .iter()
        .filter(|n| matches!(n.answer, Answer::FreeText { .. } | Answer::Spoken { .. }))
        .map(|n| n.competencies.as_slice())
        .collect();
    let runs = |t: &crate::traps::Trap| {
        t.detect.iter().any(|d| answered.iter().any(|node| crate::assess::in_scope(&d.competencies, node)))
    };
    let mut wanted: std::collections::BTreeSet<String> = sc.exposed_traps().into_iter().map(str::to_string).collect();
    wanted.extend(cat.traps.iter().filter(|t| runs(t)).map(|t| t.id.clone()));
    // Traps asked about from inside the rules of those wanted, until none is new.
    let mut todo: Vec<String> = wanted.iter().cloned().collect();
    while let Some(id) = todo.pop() {
        for d in cat.get(&id).into_iter().flat_map(|t| &t.detect) {
            d.when.walk_with(&cat.conditions, &mut |c| {
                if let crate::rules::Cond::Trap(t) = c
                    && wanted.insert(t.clone())
                {
                    todo.push(t.clone());
                }
            });
        }
    }
    Catalogue {
        conditions: cat.conditions.clone(),
        signals: cat.signals.clone(),
        traps: cat.traps.iter().filter(|t| wanted.contains(&t.id)).cloned().collect(),
    }
}

/// Checks every pattern parses, cheaply (no compiling: that would delay the
/// first frame), so a broken pattern stops the session before it starts.
/// One that parses but is too big to compile (`check` reports those) never
/// matches.
fn check_patterns(sc: &Scenario) -> Result<(), CompileError> {
    let first_bad = |cond: &crate::rules::Cond| {
        let mut bad = None;
        cond.walk(&mut |c| {
            if let crate::rules::Cond::Regex(p) = c
                && bad.is_none()
            {
                bad = crate::rules::parse_regex(p).err();
            }
        });
        bad
    };
    let unresolvable = crate::rules::lexicon::unresolvable(&sc.conditions);
    let bad_name = |cond: &crate::rules::Cond| {
        let mut bad = None;
        cond.walk_with(&sc.conditions, &mut |c| {
            if let crate::rules::Cond::Named(n) = c
                && bad.is_none()
            {
                let quoted = crate::text::quote(n);
                if !sc.conditions.contains_key(n) {
                    bad = Some(format!("no condition is named \"{quoted}\""));
                } else if unresolvable.contains(n.as_str()) {
                    bad = Some(format!("named condition \"{quoted}\" refers back to itself, or to a name not defined"));
                }
            }
        });
        bad
    };
    for node in &sc.nodes {
        if let Answer::FreeText { rules, .. } = &node.answer {
            for (i, r) in rules.iter().enumerate() {
                if let Some(e) = first_bad(&r.when) {
                    return Err(CompileError::Pattern { node: node.id.clone(), rule: i + 1, message: e });
                }
                if let Some(message) = bad_name(&r.when) {
                    return Err(CompileError::Name { node: node.id.clone(), rule: i + 1, message });
                }
            }
        }
    }
    for def in sc.conditions.values() {
        if let Some(e) = first_bad(def) {
            return Err(CompileError::Pattern { node: "conditions".into(), rule: 0, message: e });
        }
    }
    // The catalogue's own patterns are checked where it is loaded (the
    // bundled one by tests, a user's by `hotseat check`): parsing dozens of
    // Unicode patterns here would delay the first frame.
    Ok(())
}

/// Compiles every rule and trap pattern. Patterns were checked first; one
/// that still fails (only a size limit could) never matches.
fn compile(sc: &Scenario, cat: &Catalogue) -> Matchers {
    let never = || Matcher::Not(Box::new(Matcher::Always));
    // One compiler for every rule, so each named condition compiles once.
    let mut compiler = crate::rules::Compiler::new(&sc.conditions, &sc.signals);
    let rules = sc
        .nodes
        .iter()
        .map(|node| match &node.answer {
            Answer::FreeText { rules, .. } => {
                rules.iter().map(|r| compiler.compile(&r.when).unwrap_or_else(|_| never())).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let detector = Detector::shared(cat).unwrap_or_else(|_| Arc::new(Detector::empty()));
    Matchers { detector, rules }
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
