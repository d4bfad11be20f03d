//! The question graph: which node leads where, and under what condition.
//! Used by the validator (reachability, ways out), and by graph and stats.

use std::collections::{HashMap, HashSet, VecDeque};

use super::model::{Answer, Node, Scenario, Timeout, VarOp};

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
    /// Numeric, wrong but close enough for half credit (`close`).
    Close,
    /// Spoken with enough talking points.
    Next,
    /// Spoken with too few talking points.
    Short,
    /// The question's time ran out.
    Timeout,
}

impl EdgeKind {
    /// A stable one-word name, used in JSON (`playtest --all-paths`) and
    /// graph labels: `choice`, `rule`, `default`, `right`, `wrong`, `close`, `pass`,
    /// `short` or `timeout`.
    pub fn name(&self) -> &'static str {
        match self {
            EdgeKind::Choice(_) => "choice",
            EdgeKind::Rule(_) => "rule",
            EdgeKind::Default => "default",
            EdgeKind::Right => "right",
            EdgeKind::Wrong => "wrong",
            EdgeKind::Close => "close",
            EdgeKind::Next => "pass",
            EdgeKind::Short => "short",
            EdgeKind::Timeout => "timeout",
        }
    }

    /// [`Self::name`] with the 1-based option or rule number where there is
    /// one (`choice 2`, `rule 1`), so two edges of a node never read alike.
    pub fn numbered(&self) -> String {
        match self {
            EdgeKind::Choice(i) | EdgeKind::Rule(i) => format!("{} {}", self.name(), i + 1),
            _ => self.name().to_string(),
        }
    }
}

/// One way from a node to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge<'a> {
    pub to: &'a str,
    pub kind: EdgeKind,
    /// The variable updates made when the edge is taken (none for timeouts).
    pub set: &'a [VarOp],
}

impl Edge<'_> {
    /// What makes the answer take this edge, in a few words: the option's
    /// label, the rule's [`crate::rules::Cond::summary`], `right`, `wrong`,
    /// `pass (≥ n points)`, `short`, `timeout` or `default`. Not clipped: the
    /// graph writers shorten it to fit.
    pub fn condition(&self, from: &Node) -> String {
        match (&self.kind, &from.answer) {
            (EdgeKind::Choice(i), Answer::Choice { options }) => {
                options.get(*i).map_or_else(|| self.kind.numbered(), |o| o.label.clone())
            }
            (EdgeKind::Rule(i), Answer::FreeText { rules, .. }) => {
                rules.get(*i).map_or_else(|| self.kind.numbered(), |r| r.when.summary())
            }
            (EdgeKind::Default, _) => "default".into(),
            (EdgeKind::Next, Answer::Spoken { pass, short: Some(_), .. }) => format!("pass (≥ {pass} points)"),
            (EdgeKind::Next, _) => "answered".into(),
            _ => self.kind.name().into(),
        }
    }

    /// The trap a Choice option marks when picked, if any.
    pub fn trap<'n>(&self, from: &'n Node) -> Option<&'n str> {
        match (&self.kind, &from.answer) {
            (EdgeKind::Choice(i), Answer::Choice { options }) => options.get(*i).and_then(|o| o.trap.as_deref()),
            _ => None,
        }
    }
}

/// The `set` operations in a few characters each: `dodges+1`, `misses-2`,
/// `flag=1`, joined with `, `. Empty when there are none.
pub fn summarise_ops(ops: &[VarOp]) -> String {
    let one = |op: &VarOp| match op {
        VarOp::Add(v, n) if *n < 0 => format!("{v}{n}"),
        VarOp::Add(v, n) => format!("{v}+{n}"),
        VarOp::Set(v, n) => format!("{v}={n}"),
    };
    ops.iter().map(one).collect::<Vec<_>>().join(", ")
}

impl Node {
    /// Every outgoing edge, in the order the file lists them.
    pub fn edges(&self) -> Vec<Edge<'_>> {
        let mut out: Vec<Edge<'_>> = match &self.answer {
            Answer::Choice { options } => options
                .iter()
                .enumerate()
                .map(|(i, o)| Edge { to: &o.next, kind: EdgeKind::Choice(i), set: &o.set })
                .collect(),
            Answer::FreeText { rules, default } => rules
                .iter()
                .enumerate()
                .map(|(i, r)| Edge { to: &r.next, kind: EdgeKind::Rule(i), set: &r.set })
                .chain([Edge { to: &default.next, kind: EdgeKind::Default, set: &default.set }])
                .collect(),
            Answer::Numeric { right, wrong, close, .. } => {
                let mut v = vec![
                    Edge { to: &right.next, kind: EdgeKind::Right, set: &right.set },
                    Edge { to: &wrong.next, kind: EdgeKind::Wrong, set: &wrong.set },
                ];
                v.extend(close.iter().map(|c| Edge { to: &c.next, kind: EdgeKind::Close, set: &c.set }));
                v
            }
            Answer::Spoken { next, short, .. } => {
                let mut v = vec![Edge { to: &next.next, kind: EdgeKind::Next, set: &next.set }];
                v.extend(short.iter().map(|s| Edge { to: &s.next, kind: EdgeKind::Short, set: &s.set }));
                v
            }
            Answer::End { .. } => Vec::new(),
        };
        if let Timeout::Goto(to) = &self.on_timeout {
            out.push(Edge { to, kind: EdgeKind::Timeout, set: &[] });
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

/// The longest route from `start` to an end node that asks no question
/// twice: the sum of its questions' `limit_s`, and the node ids in order.
/// Loops are left out (a loop can repeat without bound; the clock then
/// decides). The search stops after `budget` steps and returns the longest
/// route found so far, a lower bound, so a warning built on it is never
/// false; a scenario of a few dozen nodes is searched completely.
pub fn longest_route<'a>(sc: &'a Scenario, start: &str, budget: usize) -> Option<(u64, Vec<&'a str>)> {
    let at: HashMap<&str, usize> = sc.nodes.iter().enumerate().rev().map(|(i, n)| (n.id.as_str(), i)).collect();
    let next: Vec<Vec<usize>> =
        sc.nodes.iter().map(|n| n.edges().iter().filter_map(|e| at.get(e.to).copied()).collect()).collect();
    let cost = |i: usize| if sc.nodes[i].is_end() { 0 } else { u64::from(sc.nodes[i].limit_s.unwrap_or(0)) };
    let first = *at.get(start)?;
    let mut on_path = vec![false; sc.nodes.len()];
    // The path as (node, index of the next edge to try), and its total.
    let mut path: Vec<(usize, usize)> = vec![(first, 0)];
    on_path[first] = true;
    let mut total = cost(first);
    let mut best: Option<(u64, Vec<usize>)> = None;
    let mut steps = 0;
    while let Some(&(node, edge)) = path.last() {
        steps += 1;
        if steps > budget {
            break;
        }
        if edge == 0 && sc.nodes[node].is_end() && best.as_ref().is_none_or(|(b, _)| total > *b) {
            best = Some((total, path.iter().map(|&(n, _)| n).collect()));
        }
        match next[node].get(edge) {
            Some(&to) => {
                if let Some(top) = path.last_mut() {
                    top.1 += 1;
                }
                if !on_path[to] {
                    on_path[to] = true;
                    total += cost(to);
                    path.push((to, 0));
                }
            }
            None => {
                on_path[node] = false;
                total -= cost(node);
                path.pop();
            }
        }
    }
    best.map(|(t, route)| (t, route.into_iter().map(|i| sc.nodes[i].id.as_str()).collect()))
}

#[cfg(test)]
mod route_tests {
    use super::*;

    fn example() -> Scenario {
        crate::scenario::load::ron_options().from_str(include_str!("../../docs/example.ron")).expect("example parses")
    }

    #[test]
    fn the_longest_route_skips_loops_and_sums_question_limits() {
        let sc = example();
        let (total, route) = longest_route(&sc, "intro", 10_000).expect("a route");
        // intro 120 + pressure 60 + quiz 120 + spoken 90; the loop back to intro is not taken twice.
        assert_eq!(total, 390);
        assert_eq!(route, ["intro", "pressure", "quiz", "spoken", "end-good"]);
    }

    #[test]
    fn a_spent_budget_gives_a_shorter_route_never_a_longer_one() {
        let sc = example();
        let (full, _) = longest_route(&sc, "intro", 10_000).expect("a route");
        for budget in 0..40 {
            if let Some((total, route)) = longest_route(&sc, "intro", budget) {
                assert!(total <= full, "budget {budget}");
                assert!(sc.nodes.iter().any(|n| n.id == *route.last().expect("non-empty") && n.is_end()));
            }
        }
    }
}
