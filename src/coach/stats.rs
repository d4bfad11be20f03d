//! Numbers about a scenario's graph, for `hotseat stats`: its size, how
//! short and how long an interview through it can be, how many distinct
//! routes it has, and what it can test.
//!
//! Lengths count questions (the nodes answered before an end) and minutes
//! (the sum of those questions' `limit_s`, the time a candidate is given,
//! not what they take). Shortest is minimised separately in questions and
//! in minutes. Longest and the path count are over simple paths (no node
//! twice), so a loop counts once; both searches are bounded and say so
//! when the bound was hit. Timeout edges are edges like any other; the
//! session-wide limit is not modelled.

use std::collections::{BTreeSet, BinaryHeap, HashMap, HashSet};

use serde::Serialize;

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::graph::EdgeKind;
use crate::tr;

/// The path count stops here; `paths_capped` then says "at least".
pub const PATH_CAP: u64 = 10_000;
/// Steps the longest-path search may take before it gives up.
const SEARCH_BUDGET: u64 = 2_000_000;

/// What `hotseat stats --json` prints; the field names are an interface
/// (documented in docs/authoring.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub id: String,
    pub nodes: usize,
    /// Question nodes (every node that is not an End).
    pub questions: usize,
    pub ends: usize,
    pub edges: usize,
    pub shortest_questions: Option<u32>,
    pub shortest_minutes: Option<f64>,
    pub longest_questions: Option<u32>,
    pub longest_minutes: Option<f64>,
    /// The longest-path search ran out of budget: the longest values are
    /// lower bounds.
    pub longest_capped: bool,
    /// Distinct start→end routes (sequences of nodes, no node twice).
    pub paths: u64,
    /// `paths` reached [`PATH_CAP`]: there are at least that many.
    pub paths_capped: bool,
    /// Trap ids the reachable nodes can expose (`over-time` included).
    pub traps: Vec<String>,
    /// Competency tags of the reachable nodes.
    pub competencies: Vec<String>,
    /// Nodes reached only through a question timing out (an `on_timeout:
    /// Goto`, or the session limit's `on_session_timeout`).
    pub timeout_only: Vec<String>,
    /// Nodes not reachable from the start at all.
    pub unreachable: Vec<String>,
}

/// Computes the stats of a scenario that passed `check` (it tolerates
/// dangling ids: an edge to a missing node leads nowhere).
pub fn compute(sc: &Scenario) -> Stats {
    let g = Graph::new(sc);
    let all = g.reach(true);
    let no_timeouts = g.reach(false);
    let mut all_ids: HashSet<usize> = all.clone();
    if sc.session_limit_s.is_some()
        && let Some(i) = sc.on_session_timeout.as_deref().and_then(|id| g.index.get(id))
    {
        all_ids.extend(g.reach_from(*i, true));
    }
    let reachable_nodes = || sc.nodes.iter().enumerate().filter(|(i, _)| all_ids.contains(i)).map(|(_, n)| n);
    let traps: BTreeSet<&str> = reachable_nodes().flat_map(|n| n.exposed_traps()).collect();
    let competencies: BTreeSet<&str> =
        reachable_nodes().flat_map(|n| n.competencies.iter().map(String::as_str)).collect();
    let ids = |set: &dyn Fn(usize) -> bool| -> Vec<String> {
        sc.nodes.iter().enumerate().filter(|(i, _)| set(*i)).map(|(_, n)| n.id.clone()).collect()
    };
    let (shortest_questions, shortest_s) = (g.shortest(|_| 1), g.shortest(|i| g.limit[i]));
    let long = g.longest();
    Stats {
        id: sc.id.clone(),
        nodes: sc.nodes.len(),
        questions: sc.nodes.iter().filter(|n| !n.is_end()).count(),
        ends: sc.nodes.iter().filter(|n| n.is_end()).count(),
        edges: sc.nodes.iter().map(|n| n.edges().len()).sum(),
        shortest_questions: shortest_questions.map(|q| q as u32),
        shortest_minutes: shortest_s.map(minutes),
        longest_questions: long.questions,
        longest_minutes: long.seconds.map(minutes),
        longest_capped: long.capped,
        paths: long.paths.min(PATH_CAP),
        paths_capped: long.paths >= PATH_CAP,
        traps: traps.into_iter().map(String::from).collect(),
        competencies: competencies.into_iter().map(String::from).collect(),
        timeout_only: ids(&|i| all_ids.contains(&i) && !no_timeouts.contains(&i)),
        unreachable: ids(&|i| !all_ids.contains(&i)),
    }
}

/// Seconds as minutes, to one decimal.
fn minutes(seconds: u64) -> f64 {
    (seconds as f64 / 6.0).round() / 10.0
}

/// The graph by node index.
struct Graph<'a> {
    index: HashMap<&'a str, usize>,
    start: Option<usize>,
    end: Vec<bool>,
    /// Per node, its `limit_s` (0 for ends).
    limit: Vec<u64>,
    /// Per node: (successor, is a timeout edge), as listed.
    next: Vec<Vec<(usize, bool)>>,
}

impl<'a> Graph<'a> {
    fn new(sc: &'a Scenario) -> Graph<'a> {
        // The first node with each id, as everywhere else.
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, n) in sc.nodes.iter().enumerate() {
            index.entry(n.id.as_str()).or_insert(i);
        }
        let next = sc
            .nodes
            .iter()
            .map(|n| {
                n.edges()
                    .into_iter()
                    .filter_map(|e| index.get(e.to).map(|&j| (j, e.kind == EdgeKind::Timeout)))
                    .collect()
            })
            .collect();
        Graph {
            start: index.get(sc.start.as_str()).copied(),
            end: sc.nodes.iter().map(|n| n.is_end()).collect(),
            limit: sc.nodes.iter().map(|n| if n.is_end() { 0 } else { u64::from(n.limit_s.unwrap_or(0)) }).collect(),
            next,
            index,
        }
    }

    fn reach(&self, timeouts: bool) -> HashSet<usize> {
        self.start.map(|s| self.reach_from(s, timeouts)).unwrap_or_default()
    }

    fn reach_from(&self, from: usize, timeouts: bool) -> HashSet<usize> {
        let mut seen = HashSet::new();
        let mut stack = vec![from];
        while let Some(i) = stack.pop() {
            if seen.insert(i) {
                stack.extend(self.next[i].iter().filter(|(_, t)| timeouts || !t).map(|(j, _)| *j));
            }
        }
        seen
    }

    /// Dijkstra from the start to the nearest end, each question costing
    /// `cost(node)`.
    fn shortest(&self, cost: impl Fn(usize) -> u64) -> Option<u64> {
        let start = self.start?;
        let mut best: Vec<Option<u64>> = vec![None; self.end.len()];
        let mut heap = BinaryHeap::from([std::cmp::Reverse((0u64, start))]);
        best[start] = Some(0);
        while let Some(std::cmp::Reverse((d, i))) = heap.pop() {
            if self.end[i] {
                return Some(d);
            }
            if best[i].is_some_and(|b| b < d) {
                continue;
            }
            let nd = d + cost(i);
            for &(j, _) in &self.next[i] {
                if best[j].is_none_or(|b| nd < b) {
                    best[j] = Some(nd);
                    heap.push(std::cmp::Reverse((nd, j)));
                }
            }
        }
        None
    }

    /// Longest simple paths to an end (in questions and in seconds) and
    /// how many there are, by depth-first search within a budget.
    fn longest(&self) -> Longest {
        let mut out = Longest { questions: None, seconds: None, paths: 0, capped: false };
        let Some(start) = self.start else { return out };
        let mut on_path = vec![false; self.end.len()];
        let mut budget = SEARCH_BUDGET;
        self.dfs(start, 0, 0, &mut on_path, &mut budget, &mut out);
        out
    }

    fn dfs(&self, i: usize, q: u32, s: u64, on_path: &mut [bool], budget: &mut u64, out: &mut Longest) {
        if *budget == 0 {
            out.capped = true;
            return;
        }
        *budget -= 1;
        if self.end[i] {
            out.paths = out.paths.saturating_add(1);
            out.questions = out.questions.max(Some(q));
            out.seconds = out.seconds.max(Some(s));
            return;
        }
        on_path[i] = true;
        // Two edges to one node are one route.
        let mut done: Vec<usize> = Vec::new();
        for &(j, _) in &self.next[i] {
            if on_path[j] || done.contains(&j) {
                continue;
            }
            done.push(j);
            self.dfs(j, q + 1, s + self.limit[i], on_path, budget, out);
        }
        on_path[i] = false;
    }
}

struct Longest {
    questions: Option<u32>,
    seconds: Option<u64>,
    paths: u64,
    capped: bool,
}

/// The display width of the label column of [`text`].
const LABEL_WIDTH: usize = 14;

/// `stats` as aligned text for a terminal, in `lang`.
pub fn text(lang: Lang, st: &Stats) -> String {
    use crate::text::one_line;
    let num = |q: Option<u32>, m: Option<f64>| match (q, m) {
        (Some(q), Some(m)) => tr!(lang, "stats-route", q = q, min = m.to_string()),
        _ => tr!(lang, "stats-no-end"),
    };
    let list = |xs: &[String]| if xs.is_empty() { "-".to_string() } else { one_line(&xs.join(", ")) };
    let at_least = |capped: bool| if capped { tr!(lang, "stats-at-least") } else { String::new() };
    let row = |label: String, value: String| {
        let width = unicode_width::UnicodeWidthStr::width(label.as_str());
        format!("{label}{}{value}", " ".repeat(LABEL_WIDTH.saturating_sub(width).max(1)))
    };
    let shortest = tr!(
        lang,
        "stats-shortest-value",
        q = st.shortest_questions.map_or("-".into(), |q| q.to_string()),
        min = st.shortest_minutes.map_or("-".into(), |m| m.to_string())
    );
    let mut lines = vec![
        row(tr!(lang, "stats-scenario"), one_line(&st.id)),
        row(tr!(lang, "stats-nodes"), tr!(lang, "stats-nodes-value", n = st.nodes, q = st.questions, e = st.ends)),
        row(tr!(lang, "stats-edges"), st.edges.to_string()),
        row(tr!(lang, "stats-shortest"), shortest),
        row(
            tr!(lang, "stats-longest"),
            format!("{}{}", at_least(st.longest_capped), num(st.longest_questions, st.longest_minutes)),
        ),
        row(tr!(lang, "stats-paths"), format!("{}{}", if st.paths_capped { ">= " } else { "" }, st.paths)),
        row(tr!(lang, "stats-traps"), list(&st.traps)),
        row(tr!(lang, "stats-competencies"), list(&st.competencies)),
        row(tr!(lang, "stats-timeout-only"), list(&st.timeout_only)),
    ];
    if !st.unreachable.is_empty() {
        lines.push(row(tr!(lang, "stats-unreachable"), list(&st.unreachable)));
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// start (60 s) → a (120 s) or b (30 s, only by timeout) → end; a also
    /// loops back to start; a → c (600 s) → end.
    const SMALL: &str = r#"Scenario(
        format: 1, id: "small", title: "Small", company: "C", role: "R",
        language: En, difficulty: Easy, minutes: 5, persona: (name: "N", role: "R"),
        start: "start",
        nodes: [
            (id: "start", prompt: "p", limit_s: 60, on_timeout: Goto("b"), competencies: ["pricing"],
             answer: Choice(options: [(label: "x", next: "a"), (label: "y", next: "a", trap: "vague-ask")])),
            (id: "a", prompt: "p", limit_s: 120, competencies: ["billing"],
             answer: FreeText(rules: [(when: Money, next: "start"), (when: Number, next: "c")], default: (next: "end"))),
            (id: "b", prompt: "p", limit_s: 30, answer: Spoken(pass: 0, next: (next: "end"))),
            (id: "c", prompt: "p", limit_s: 600, traps: ["no-structure"],
             answer: Numeric(expected: 1.0, tolerance: Abs(0.0), right: (next: "end"), wrong: (next: "end"), solution: "s")),
            (id: "end", answer: End(remarks: "r")),
            (id: "island", prompt: "p", limit_s: 10, competencies: ["negotiation"], answer: Spoken(next: (next: "end"))),
        ],
    )"#;

    fn small() -> Stats {
        let sc: Scenario = crate::scenario::load::ron_options().from_str(SMALL).expect("parses");
        compute(&sc)
    }

    #[test]
    fn sizes() {
        let st = small();
        assert_eq!((st.nodes, st.questions, st.ends, st.edges), (6, 5, 1, 10));
    }

    #[test]
    fn shortest_and_longest() {
        let st = small();
        // start → b → end: 2 questions, 90 s; start → a → end: 2 questions, 180 s.
        assert_eq!(st.shortest_questions, Some(2));
        assert_eq!(st.shortest_minutes, Some(1.5));
        // start → a → c → end: 3 questions, 780 s = 13 min.
        assert_eq!(st.longest_questions, Some(3));
        assert_eq!(st.longest_minutes, Some(13.0));
        assert!(!st.longest_capped);
    }

    #[test]
    fn paths_count_node_sequences() {
        // start-a-end, start-a-c-end, start-b-end (the two options to a are one route).
        let st = small();
        assert_eq!((st.paths, st.paths_capped), (3, false));
    }

    #[test]
    fn what_is_reachable() {
        let st = small();
        assert_eq!(st.timeout_only, ["b"]);
        assert_eq!(st.unreachable, ["island"]);
        assert_eq!(st.competencies, ["billing", "pricing"]);
        assert_eq!(st.traps, ["no-structure", "over-time", "vague-ask"]);
    }

    #[test]
    fn the_path_count_is_capped() {
        // 15 binary choices in a row: 2^15 routes if the options led
        // apart; here each pair leads to two different nodes.
        let mut nodes = String::new();
        for i in 0..15 {
            let (a, b) = (format!("q{}a", i + 1), format!("q{}b", i + 1));
            let (a, b) = if i == 14 { ("end".to_string(), "end2".to_string()) } else { (a, b) };
            for side in ["a", "b"] {
                nodes.push_str(&format!(
                    r#"(id: "q{i}{side}", prompt: "p", limit_s: 1, answer: Choice(options: [(label: "x", next: "{a}"), (label: "y", next: "{b}")])),"#
                ));
            }
        }
        let src = format!(
            r#"Scenario(format: 1, id: "wide", title: "W", company: "C", role: "R", language: En,
            difficulty: Easy, minutes: 1, persona: (name: "N", role: "R"), start: "q0a",
            nodes: [{nodes} (id: "end", answer: End(remarks: "r")), (id: "end2", answer: End(remarks: "r"))])"#
        );
        let sc: Scenario = crate::scenario::load::ron_options().from_str(&src).expect("parses");
        let st = compute(&sc);
        assert_eq!((st.paths, st.paths_capped), (PATH_CAP, true));
        assert_eq!(st.longest_questions, Some(15));
        assert_eq!(st.shortest_questions, Some(15));
    }
}
