//! Semantic checks on a parsed scenario: every cross-reference resolves,
//! every node can be reached and left, and every value is in range. All
//! problems are reported in one pass, each at its place in the file.

use std::collections::{HashMap, HashSet};

use super::diag::did_you_mean;
use super::fold;
use super::graph::{self, EdgeKind};
use super::model::{Answer, FORMAT_VERSION, Node, Partial, Scenario, Timeout, Tolerance, VarOp};
use super::report::Reporter;
use super::spans::SpanNode;
use crate::i18n::Lang;
use crate::rules::{self, Cond, Matcher};
use crate::text::quote;
use crate::tr;

/// The longest time limit a question may have: two hours.
pub const MAX_LIMIT_S: u32 = 2 * 60 * 60;

/// Trap ids a scenario may name: the catalogue's.
pub trait TrapIds {
    fn contains(&self, id: &str) -> bool;
    fn all(&self) -> Vec<&str>;
    /// Whether the trap can be detected in text (it has detection rules).
    fn detectable(&self, id: &str) -> bool {
        self.contains(id)
    }
}

impl TrapIds for crate::traps::Catalogue {
    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
    fn detectable(&self, id: &str) -> bool {
        self.get(id).is_some_and(|t| !t.detect.is_empty())
    }
    fn all(&self) -> Vec<&str> {
        self.ids().collect()
    }
}

/// Whether `id` is a valid scenario or node id: `[a-z0-9][a-z0-9_-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Checks `sc`, whose source scanned to `root`, and reports into `rep`.
pub fn validate<'a>(sc: &'a Scenario, root: Option<&'a SpanNode<'a>>, traps: &'a dyn TrapIds, rep: &mut Reporter<'_>) {
    super::own_traps::check(sc, root, traps, rep);
    // The scenario's own traps may be named like the catalogue's.
    let with_own = super::own_traps::Ids { own: &sc.traps, known: traps };
    let mut v = Validator {
        sc,
        root,
        traps: &with_own,
        rep,
        node_ids: HashSet::new(),
        vars_set: HashSet::new(),
        bad_limit: false,
        unknown: Vec::new(),
    };
    v.run();
}

struct Validator<'a, 'r, 'p> {
    sc: &'a Scenario,
    root: Option<&'a SpanNode<'a>>,
    traps: &'a dyn TrapIds,
    rep: &'r mut Reporter<'p>,
    node_ids: HashSet<&'a str>,
    vars_set: HashSet<&'a str>,
    /// A limit is out of range: sums of limits would only repeat that.
    bad_limit: bool,
    /// Unknown node ids on edges, the start and the session timeout, with
    /// where each is written, for [`Self::graph`] to report.
    unknown: Vec<(&'a str, Option<&'a SpanNode<'a>>)>,
}

impl<'a> Validator<'a, '_, '_> {
    fn field(&self, name: &str) -> Option<&'a SpanNode<'a>> {
        self.root.and_then(|r| r.field(name))
    }

    fn node_span(&self, i: usize) -> Option<&'a SpanNode<'a>> {
        self.field("nodes").and_then(|n| n.item(i))
    }

    fn run(&mut self) {
        self.header();
        self.collect_ids();
        self.collect_vars();
        let refs = Refs {
            nodes: Some(&self.node_ids),
            vars: Some(&self.vars_set),
            traps: self.traps,
            conditions: Some(&self.sc.conditions),
        };
        check_lexicon(self.rep, &refs, &self.sc.conditions, &self.sc.signals, self.root);
        for (i, node) in self.sc.nodes.iter().enumerate() {
            self.node(node, self.node_span(i));
        }
        self.unused_conditions();
        self.graph();
    }

    fn header(&mut self) {
        let sc = self.sc;
        if sc.format != FORMAT_VERSION {
            self.rep.error(
                self.field("format"),
                "unknown-format",
                tr!(self.rep.lang, "diag-unknown-format", found = sc.format.to_string()),
                tr!(self.rep.lang, "diag-unknown-format-help", version = FORMAT_VERSION),
            );
        }
        if !is_valid_id(&sc.id) {
            let message = tr!(self.rep.lang, "diag-bad-scenario-id", id = quote(&sc.id));
            self.bad_id(self.field("id"), message);
        }
        for (name, value) in [("title", &sc.title), ("company", &sc.company), ("role", &sc.role)] {
            if value.trim().is_empty() {
                self.rep.error(
                    self.field(name),
                    "empty-field",
                    tr!(self.rep.lang, "diag-empty-field", field = name),
                    tr!(self.rep.lang, "diag-empty-field-help"),
                );
            }
        }
        if sc.minutes == 0 {
            self.rep.error(
                self.field("minutes"),
                "bad-minutes",
                tr!(self.rep.lang, "diag-bad-minutes"),
                tr!(self.rep.lang, "diag-bad-minutes-help"),
            );
        }
        if let Some(limit) = sc.session_limit_s {
            self.limit_range(limit, self.field("session_limit_s"), "session_limit_s", u32::MAX / 1000);
        }
        if sc.nodes.is_empty() {
            self.rep.error(
                self.field("nodes"),
                "no-nodes",
                tr!(self.rep.lang, "diag-no-nodes"),
                tr!(self.rep.lang, "diag-no-nodes-help"),
            );
        }
    }

    fn bad_id(&mut self, at: Option<&SpanNode<'a>>, message: String) {
        let help = tr!(self.rep.lang, "diag-bad-id-help");
        self.rep.error(at, "bad-id", message, help);
    }

    /// Node ids, reporting malformed and duplicate ones.
    fn collect_ids(&mut self) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, node) in self.sc.nodes.iter().enumerate() {
            let at = self.node_span(i).and_then(|n| n.field("id")).or(self.node_span(i));
            if !is_valid_id(&node.id) {
                let message = tr!(self.rep.lang, "diag-bad-node-id", id = quote(&node.id));
                self.bad_id(at, message);
            }
            match first.get(node.id.as_str()) {
                Some(&j) => {
                    let line = self.rep.line_of(self.node_span(j).and_then(|n| n.field("id")));
                    let lang = self.rep.lang;
                    let help = line.map(|l| tr!(lang, "diag-duplicate-node-help", line = l));
                    self.rep.error(at, "duplicate-node", tr!(lang, "diag-duplicate-node", id = quote(&node.id)), help);
                }
                None => {
                    first.insert(&node.id, i);
                }
            }
            self.node_ids.insert(&node.id);
        }
    }

    /// Variables some transition sets, to warn about ones only ever read.
    fn collect_vars(&mut self) {
        for node in &self.sc.nodes {
            let ops: Vec<&'a VarOp> = match &node.answer {
                Answer::Choice { options } => options.iter().flat_map(|o| &o.set).collect(),
                Answer::FreeText { rules, default } => rules.iter().flat_map(|r| &r.set).chain(&default.set).collect(),
                Answer::Numeric { right, wrong, close, .. } => {
                    right.set.iter().chain(&wrong.set).chain(close.iter().flat_map(|c| &c.set)).collect()
                }
                Answer::Spoken { next, short, .. } => {
                    next.set.iter().chain(short.iter().flat_map(|s| &s.set)).collect()
                }
                Answer::End { .. } => Vec::new(),
            };
            self.vars_set.extend(ops.into_iter().map(VarOp::var));
        }
    }

    fn node(&mut self, node: &'a Node, ns: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| ns.and_then(|n| n.field(name)).or(ns);
        let lang = self.rep.lang;
        let id = quote(&node.id);
        if node.is_end() {
            if let Answer::End { remarks, .. } = &node.answer
                && remarks.trim().is_empty()
            {
                self.rep.warning(
                    f("answer"),
                    "empty-remarks",
                    tr!(lang, "diag-empty-remarks", id = id.as_ref()),
                    tr!(lang, "diag-empty-remarks-help"),
                );
            }
            if node.limit_s.is_some() {
                self.rep.warning(
                    f("limit_s"),
                    "limit-on-end",
                    tr!(lang, "diag-limit-on-end", id = id.as_ref()),
                    tr!(lang, "diag-no-clock-on-end-help"),
                );
            }
            if node.interject.is_some() {
                self.rep.warning(
                    f("interject"),
                    "interject-on-end",
                    tr!(lang, "diag-interject-on-end", id = id.as_ref()),
                    tr!(lang, "diag-no-clock-on-end-help"),
                );
            }
            if matches!(node.on_timeout, Timeout::Goto(_)) {
                self.rep.warning(
                    f("on_timeout"),
                    "timeout-on-end",
                    tr!(lang, "diag-timeout-on-end", id = id.as_ref()),
                    tr!(lang, "diag-timeout-on-end-help"),
                );
            }
        } else {
            self.question(node, ns);
        }
        for (i, t) in node.traps.iter().enumerate() {
            let at = ns.and_then(|n| n.field("traps")).and_then(|l| l.item(i));
            self.trap_ref(t, at.or(f("traps")));
            if t == "over-time" && matches!(node.on_timeout, Timeout::Goto(_)) {
                self.rep.warning(
                    at,
                    "over-time-unreachable",
                    tr!(lang, "diag-over-time-unreachable", id = id.as_ref()),
                    tr!(lang, "diag-over-time-unreachable-help"),
                );
            }
        }
        for (i, c) in node.competencies.iter().enumerate() {
            if !is_valid_id(c) {
                let at = ns.and_then(|n| n.field("competencies")).and_then(|l| l.item(i));
                self.rep.error(
                    at.or(f("competencies")),
                    "bad-competency",
                    tr!(lang, "diag-bad-competency", tag = quote(c)),
                    tr!(lang, "diag-bad-competency-help"),
                );
            }
        }
        self.answer(node, ns.and_then(|n| n.field("answer")).or(ns));
        self.edges(node, ns);
        if node.standalone {
            self.standalone(node, ns);
        }
    }

    /// A node marked `standalone` may be asked on its own in a drill, with
    /// nothing asked before it: so it must be a question, and neither its
    /// wording nor its branches may read earlier answers (placeholders,
    /// variables, visits), which a drill would leave at nothing.
    fn standalone(&mut self, node: &'a Node, ns: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| ns.and_then(|n| n.field(name)).or(ns);
        let lang = self.rep.lang;
        let id = quote(&node.id);
        if node.is_end() {
            self.rep.error(
                f("standalone"),
                "standalone-end",
                tr!(lang, "diag-standalone-end", id = id.as_ref()),
                tr!(lang, "diag-standalone-end-help"),
            );
            return;
        }
        let wordings =
            std::iter::once((&node.prompt, f("prompt"))).chain(node.variants.iter().enumerate().map(|(i, v)| {
                let at = ns.and_then(|n| n.field("variants")).and_then(|l| l.item(i));
                (v, at.or(f("variants")))
            }));
        let mut found: Vec<(String, Option<&'a SpanNode<'a>>)> = Vec::new();
        for (text, at) in wordings {
            for piece in super::template::parse(text) {
                match piece {
                    super::template::Piece::Var(v) => found.push((format!("{{{}}}", quote(v)), at)),
                    super::template::Piece::Answer(n) => found.push((format!("{{answer:{}}}", quote(n)), at)),
                    super::template::Piece::Text(_) => {}
                }
            }
        }
        if let Answer::FreeText { rules, .. } = &node.answer {
            let rules_at = ns.and_then(|n| n.field("answer")).and_then(|a| a.field("rules"));
            for (i, r) in rules.iter().enumerate() {
                let at = rules_at.and_then(|l| l.item(i)).and_then(|r| r.field("when")).or(f("answer"));
                r.when.walk_with(&self.sc.conditions, &mut |c| match c {
                    Cond::Var(v, _) => found.push((format!("Var(\"{}\")", quote(v)), at)),
                    Cond::Visits(n, _) => found.push((format!("Visits(\"{}\")", quote(n)), at)),
                    _ => {}
                });
            }
        }
        for (what, at) in found {
            self.rep.error(
                at,
                "standalone-depends",
                tr!(lang, "diag-standalone-depends", id = id.as_ref(), what = what),
                tr!(lang, "diag-standalone-depends-help"),
            );
        }
    }

    fn question(&mut self, node: &'a Node, ns: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| ns.and_then(|n| n.field(name)).or(ns);
        let lang = self.rep.lang;
        if node.prompt.trim().is_empty() {
            self.rep.error(
                f("prompt"),
                "empty-prompt",
                tr!(lang, "diag-empty-prompt", id = quote(&node.id)),
                tr!(lang, "diag-empty-prompt-help"),
            );
        }
        for (i, v) in node.variants.iter().enumerate() {
            if v.trim().is_empty() {
                let at = ns.and_then(|n| n.field("variants")).and_then(|l| l.item(i));
                self.rep.error(
                    at.or(f("variants")),
                    "empty-prompt",
                    tr!(lang, "diag-empty-variant", n = i + 1, id = quote(&node.id)),
                    tr!(lang, "diag-empty-variant-help"),
                );
            }
        }
        self.placeholders(&node.prompt, f("prompt"));
        for (i, v) in node.variants.iter().enumerate() {
            let at = ns.and_then(|n| n.field("variants")).and_then(|l| l.item(i));
            self.placeholders(v, at.or(f("variants")));
        }
        match node.limit_s {
            None => self.rep.error(
                ns,
                "missing-limit",
                tr!(lang, "diag-missing-limit", id = quote(&node.id)),
                tr!(lang, "diag-missing-limit-help", max = MAX_LIMIT_S.to_string()),
            ),
            Some(limit) => self.limit_range(limit, f("limit_s"), "limit_s", MAX_LIMIT_S),
        }
        if let Some(i) = &node.interject {
            self.interject(i, node.limit_s, ns.and_then(|n| n.field("interject")).or(ns));
        }
    }

    /// `{var}` names a variable some transition sets, `{answer:node}` a
    /// node that exists.
    fn placeholders(&mut self, text: &str, at: Option<&'a SpanNode<'a>>) {
        use super::template::Piece;
        for piece in super::template::parse(text) {
            let (kind, name, known): (&str, &str, Vec<&str>) = match piece {
                Piece::Var(v) if !self.vars_set.contains(v) => ("variable", v, self.vars_set.iter().copied().collect()),
                Piece::Answer(n) if !self.node_ids.contains(n) => ("node", n, self.node_ids.iter().copied().collect()),
                _ => continue,
            };
            let lang = self.rep.lang;
            let help = match self.rep.may_suggest().then(|| did_you_mean(name, known)).flatten() {
                Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
                None if kind == "variable" => tr!(lang, "diag-unknown-placeholder-var-help"),
                None => tr!(lang, "diag-unknown-placeholder-node-help"),
            };
            let message = if kind == "node" {
                tr!(lang, "diag-unknown-placeholder-node", name = quote(name))
            } else {
                tr!(lang, "diag-unknown-placeholder-var", name = quote(name))
            };
            self.rep.error(at, "unknown-placeholder", message, help);
        }
    }

    /// An interjection is said before the limit, and says something.
    fn interject(&mut self, i: &super::model::Interject, limit: Option<u32>, at: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| at.and_then(|n| n.field(name)).or(at);
        let lang = self.rep.lang;
        if let Some(limit) = limit
            && (i.left_s == 0 || i.left_s >= limit)
        {
            self.rep.error(
                f("left_s"),
                "bad-interject",
                tr!(lang, "diag-bad-interject", left = i.left_s.to_string(), limit = limit.to_string()),
                tr!(lang, "diag-bad-interject-help", max = limit.saturating_sub(1).max(1).to_string()),
            );
        }
        if i.text.trim().is_empty() {
            self.rep.error(
                f("text"),
                "empty-field",
                tr!(lang, "diag-empty-interject"),
                tr!(lang, "diag-empty-interject-help"),
            );
        }
    }

    fn limit_range(&mut self, limit: u32, at: Option<&SpanNode<'a>>, name: &str, max: u32) {
        if limit == 0 || limit > max {
            self.bad_limit = true;
            self.rep.error(
                at,
                "bad-limit",
                tr!(self.rep.lang, "diag-bad-limit", field = name, limit = limit.to_string()),
                tr!(self.rep.lang, "diag-bad-limit-help", max = max.to_string()),
            );
        }
    }

    fn answer(&mut self, node: &'a Node, at: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| at.and_then(|n| n.field(name)).or(at);
        let lang = self.rep.lang;
        match &node.answer {
            Answer::Choice { options } => {
                if !(2..=9).contains(&options.len()) {
                    self.rep.error(
                        f("options"),
                        "choice-count",
                        tr!(lang, "diag-choice-count", n = options.len()),
                        tr!(lang, "diag-choice-count-help"),
                    );
                }
                for (i, o) in options.iter().enumerate() {
                    let os = f("options").and_then(|l| l.item(i));
                    if o.label.trim().is_empty() {
                        self.rep.error(
                            os.and_then(|o| o.field("label")).or(os),
                            "empty-label",
                            tr!(lang, "diag-empty-label", n = i + 1),
                            tr!(lang, "diag-empty-label-help"),
                        );
                    }
                    if let Some(t) = &o.trap {
                        self.trap_ref(t, os.and_then(|o| o.field("trap")).or(os));
                    }
                }
            }
            Answer::FreeText { rules, .. } => {
                for (i, r) in rules.iter().enumerate() {
                    let rs = f("rules").and_then(|l| l.item(i));
                    self.cond(&r.when, rs.and_then(|r| r.field("when")).or(rs));
                }
            }
            Answer::Numeric { expected, tolerance, solution, partial, close, .. } => {
                self.partial(*expected, *partial, close.is_some(), at);
                if !expected.is_finite() {
                    let help = tr!(lang, "diag-expected-not-finite-help");
                    self.rep.error(f("expected"), "bad-number", tr!(lang, "diag-expected-not-finite"), help);
                }
                let (Tolerance::Abs(t) | Tolerance::Percent(t)) = *tolerance;
                let at = f("tolerance").and_then(|n| n.item(0)).or(f("tolerance"));
                if !t.is_finite() {
                    let help = tr!(lang, "diag-tolerance-not-finite-help");
                    self.rep.error(at, "bad-number", tr!(lang, "diag-tolerance-not-finite", t = t.to_string()), help);
                } else if t < 0.0 {
                    let help = tr!(lang, "diag-negative-tolerance-help");
                    self.rep.error(
                        at,
                        "negative-tolerance",
                        tr!(lang, "diag-negative-tolerance", t = t.to_string()),
                        help,
                    );
                }
                if matches!(tolerance, Tolerance::Percent(_)) && *expected == 0.0 {
                    self.rep.warning(
                        f("tolerance"),
                        "percent-of-zero",
                        tr!(lang, "diag-percent-of-zero"),
                        tr!(lang, "diag-percent-of-zero-help"),
                    );
                }
                if solution.trim().is_empty() {
                    self.rep.warning(
                        f("solution"),
                        "empty-solution",
                        tr!(lang, "diag-empty-solution"),
                        tr!(lang, "diag-empty-solution-help"),
                    );
                }
            }
            Answer::Spoken { pass, .. } => {
                let points = node.talking_points.len();
                if points == 0 {
                    self.rep.error(
                        at,
                        "no-talking-points",
                        tr!(lang, "diag-no-talking-points", id = quote(&node.id)),
                        tr!(lang, "diag-no-talking-points-help"),
                    );
                } else if *pass as usize > points {
                    self.rep.error(
                        f("pass"),
                        "pass-too-high",
                        tr!(lang, "diag-pass-too-high", pass = pass.to_string(), n = points),
                        tr!(lang, "diag-pass-too-high-help", n = points),
                    );
                }
            }
            Answer::End { .. } => {}
        }
    }

    /// Partial credit needs a ratio above 1 and a non-zero expected value;
    /// a `close` edge needs `partial` to ever be taken.
    fn partial(&mut self, expected: f64, partial: Option<Partial>, close: bool, at: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| at.and_then(|n| n.field(name)).or(at);
        let lang = self.rep.lang;
        match partial {
            Some(Partial::Ratio(r)) if !(r.is_finite() && r > 1.0) => {
                let at = f("partial").and_then(|n| n.item(0)).or(f("partial"));
                self.rep.error(
                    at,
                    "bad-partial",
                    tr!(lang, "diag-bad-partial-ratio", r = r.to_string()),
                    tr!(lang, "diag-bad-partial-ratio-help"),
                );
            }
            Some(_) if expected == 0.0 => self.rep.warning(
                f("partial"),
                "bad-partial",
                tr!(lang, "diag-partial-of-zero"),
                tr!(lang, "diag-partial-of-zero-help"),
            ),
            None if close => self.rep.warning(
                f("close"),
                "close-without-partial",
                tr!(lang, "diag-close-without-partial"),
                tr!(lang, "diag-close-without-partial-help"),
            ),
            _ => {}
        }
    }

    fn cond(&mut self, cond: &Cond, at: Option<&SpanNode<'_>>) {
        let refs = Refs {
            nodes: Some(&self.node_ids),
            vars: Some(&self.vars_set),
            traps: self.traps,
            conditions: Some(&self.sc.conditions),
        };
        check_cond(self.rep, &refs, cond, at);
    }

    /// Warns about a named condition no rule uses, directly or through
    /// another name: a leftover, or a rule meant to use it names another.
    fn unused_conditions(&mut self) {
        let sc = self.sc;
        let mut used = HashSet::new();
        for node in &sc.nodes {
            if let Answer::FreeText { rules, .. } = &node.answer {
                for r in rules {
                    r.when.walk_with(&sc.conditions, &mut |c| {
                        if let Cond::Named(n) = c {
                            used.insert(n.as_str());
                        }
                    });
                }
            }
        }
        // A name written wrong leaves the one meant unused: the unknown
        // name's error says so already.
        if used.iter().any(|n| !sc.conditions.contains_key(*n)) {
            return;
        }
        let map = self.field("conditions");
        for name in sc.conditions.keys().filter(|n| !used.contains(n.as_str())) {
            self.rep.warning(
                map_key(self.rep, map, name).or(map),
                "unused-condition",
                tr!(self.rep.lang, "diag-unused-condition", name = quote(name)),
                tr!(self.rep.lang, "diag-unused-condition-help", name = quote(name)),
            );
        }
    }

    fn trap_ref(&mut self, id: &str, at: Option<&SpanNode<'_>>) {
        trap_ref(self.rep, self.traps, id, at);
    }

    /// An edge, the start or the session timeout names `id`: an unknown
    /// one is reported after the graph checks, once, with what it causes.
    fn node_ref(&mut self, id: &'a str, at: Option<&'a SpanNode<'a>>) {
        if !self.node_ids.contains(id) {
            self.unknown.push((id, at));
        }
    }

    /// Every edge's target exists; set-ops name valid variables.
    fn edges(&mut self, node: &'a Node, ns: Option<&'a SpanNode<'a>>) {
        for edge in node.edges() {
            let at = edge_span(ns, &edge.kind);
            self.node_ref(edge.to, at.or(ns));
        }
    }

    fn graph(&mut self) {
        let sc = self.sc;
        let start_ok = self.node_ids.contains(sc.start.as_str());
        self.node_ref(&sc.start, self.field("start"));
        if let Some(to) = &sc.on_session_timeout {
            self.session_timeout(to);
        }
        let groups = self.unknown_groups();
        let mut folded: Vec<Vec<String>> = vec![Vec::new(); groups.len()];
        if start_ok && !sc.nodes.iter().any(Node::is_end) {
            self.rep.error(
                self.field("nodes"),
                "no-end",
                tr!(self.rep.lang, "diag-no-end"),
                tr!(self.rep.lang, "diag-no-end-help"),
            );
        } else if start_ok {
            self.route_past_session_limit();
            let stuck = fold::stuck_nodes(sc);
            let fixes: Vec<(&str, Option<&str>)> = groups.iter().map(|g| (g.id, g.meant)).collect();
            for (&(i, kind), cause) in stuck.iter().zip(fold::blame(sc, &stuck, &fixes)) {
                let at = self.node_span(i).and_then(|n| n.field("id")).or(self.node_span(i));
                let lang = self.rep.lang;
                let (code, message, help) = stuck_message(lang, &sc.nodes[i], kind);
                match cause {
                    Some(g) => {
                        let note = match self.rep.line_of(at) {
                            Some(l) => tr!(lang, "diag-so-at-line", message = message, line = l),
                            None => tr!(lang, "diag-so", message = message),
                        };
                        folded[g].push(note);
                    }
                    None if kind == fold::Stuck::Unreachable => self.rep.warning(at, code, message, help),
                    None => self.rep.error(at, code, message, help),
                }
            }
        }
        for (group, notes) in groups.into_iter().zip(folded) {
            self.report_unknown(group, notes);
        }
    }

    /// The unknown node ids met so far, each once, with the node it most
    /// likely means and every place it is written (in file order).
    fn unknown_groups(&mut self) -> Vec<UnknownId<'a>> {
        let mut groups: Vec<UnknownId<'a>> = Vec::new();
        let unknown = std::mem::take(&mut self.unknown);
        for (id, at) in unknown {
            match groups.iter_mut().find(|g| g.id == id) {
                Some(g) => g.places.push(at),
                None => groups.push(UnknownId { id, meant: None, places: vec![at] }),
            }
        }
        for g in &mut groups {
            g.places.sort_by_key(|at| at.map_or(usize::MAX, |n| n.span.start));
            if self.rep.may_suggest() {
                g.meant = did_you_mean(g.id, self.node_ids.iter().copied());
            }
        }
        groups.sort_by_key(|g| g.places[0].map_or(usize::MAX, |n| n.span.start));
        groups
    }

    /// One error for an unknown id, at its first place: the other places
    /// and the graph problems it causes are its notes.
    fn report_unknown(&mut self, group: UnknownId<'a>, consequences: Vec<String>) {
        let lang = self.rep.lang;
        let mut help = match group.meant {
            Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
            None => tr!(lang, "diag-unknown-node-help"),
        };
        // When the id is written the same way in several places and no
        // edge leads to the node meant, the node's own id may be the typo.
        if let Some(m) = group.meant
            && group.places.len() > 1
            && m != self.sc.start
            && !self.sc.nodes.iter().flat_map(Node::edges).any(|e| e.to == m)
        {
            let i = self.sc.nodes.iter().position(|n| n.id == m);
            let line = i.and_then(|i| self.rep.line_of(self.node_span(i).and_then(|n| n.field("id"))));
            help.push_str(&match line {
                Some(l) => tr!(lang, "diag-or-rename-at-line", node = quote(m), line = l, id = quote(group.id)),
                None => tr!(lang, "diag-or-rename", node = quote(m), id = quote(group.id)),
            });
        }
        let mut notes = Vec::new();
        let others: Vec<String> =
            group.places[1..].iter().filter_map(|&at| self.rep.line_of(at)).map(|l| l.to_string()).collect();
        match others.len() {
            _ if group.places.len() == 1 => {}
            0 => notes.push(tr!(lang, "diag-same-unknown-more", n = group.places.len() - 1)),
            1 => notes.push(tr!(lang, "diag-same-unknown-at-line", line = others[0].as_str())),
            _ => notes.push(tr!(lang, "diag-same-unknown-at-lines", lines = others.join(", "))),
        }
        notes.extend(consequences);
        let message = tr!(lang, "diag-unknown-node", id = quote(group.id));
        self.rep.error(group.places[0], "unknown-node", message, help);
        if let Some(d) = self.rep.diagnostics.last_mut() {
            d.notes = notes;
        }
    }

    /// Warns when the questions' limits along one route add up to more
    /// than the session limit: a candidate who uses each question's time
    /// is cut off before the end the coach wrote.
    fn route_past_session_limit(&mut self) {
        let sc = self.sc;
        let Some(limit) = sc.session_limit_s.filter(|_| !self.bad_limit) else {
            return;
        };
        // A wrap-up question is written for exactly that: the limit
        // cutting a long route short.
        let wrap_up = sc.on_session_timeout.as_deref().and_then(|to| sc.nodes.iter().find(|n| n.id == to));
        if wrap_up.is_some_and(|n| !n.is_end()) {
            return;
        }
        let Some((total, route)) = graph::longest_route(sc, &sc.start, ROUTE_SEARCH_BUDGET) else {
            return;
        };
        if total <= u64::from(limit) {
            return;
        }
        let route: Vec<String> = route.iter().map(|id| quote(id).into_owned()).collect();
        self.rep.warning(
            self.field("session_limit_s"),
            "route-past-session-limit",
            tr!(
                self.rep.lang,
                "diag-route-past-session-limit",
                total = minutes(self.rep.lang, total),
                limit = minutes(self.rep.lang, u64::from(limit))
            ),
            tr!(self.rep.lang, "diag-route-past-session-limit-help", route = route.join(" → ")),
        );
    }

    /// `on_session_timeout` names an end node (the closing remarks) or a
    /// wrap-up question, and needs a session limit.
    fn session_timeout(&mut self, to: &'a str) {
        let at = self.field("on_session_timeout");
        self.node_ref(to, at);
        if self.sc.session_limit_s.is_none() {
            self.rep.warning(
                at,
                "session-timeout-unused",
                tr!(self.rep.lang, "diag-session-timeout-unused"),
                tr!(self.rep.lang, "diag-session-timeout-unused-help"),
            );
        }
    }
}

/// An unknown node id: where it is written, and the node it likely means.
struct UnknownId<'a> {
    id: &'a str,
    meant: Option<&'a str>,
    places: Vec<Option<&'a SpanNode<'a>>>,
}

/// The diagnostic code, message and hint for a node stuck in the graph.
fn stuck_message(lang: Lang, node: &Node, kind: fold::Stuck) -> (&'static str, String, String) {
    let id = quote(&node.id);
    match kind {
        fold::Stuck::Unreachable => {
            ("unreachable", tr!(lang, "diag-unreachable", id = id), tr!(lang, "diag-unreachable-help"))
        }
        fold::Stuck::DeadEnd => {
            let hint = if matches!(node.on_timeout, Timeout::Overtime) && node.edges().is_empty() {
                tr!(lang, "diag-dead-end-answer-help")
            } else {
                tr!(lang, "diag-dead-end-help")
            };
            ("dead-end", tr!(lang, "diag-dead-end", id = id), hint)
        }
        fold::Stuck::NoWayOut => {
            ("no-way-out", tr!(lang, "diag-no-way-out", id = id), tr!(lang, "diag-no-way-out-help"))
        }
    }
}

/// How many steps the longest-route search may take: enough for any
/// hand-written scenario, bounded for a generated one.
const ROUTE_SEARCH_BUDGET: usize = 200_000;

/// Seconds as minutes for a message: `28 min (1680 s)`.
fn minutes(lang: Lang, s: u64) -> String {
    let min = if s.is_multiple_of(60) { (s / 60).to_string() } else { format!("{:.1}", s as f64 / 60.0) };
    tr!(lang, "diag-minutes", min = min, s = s.to_string())
}

/// Where the target id of an edge is written.
fn edge_span<'a, 's>(ns: Option<&'s SpanNode<'a>>, kind: &EdgeKind) -> Option<&'s SpanNode<'a>> {
    let ans = ns.and_then(|n| n.field("answer"));
    let next_of = |n: Option<&'s SpanNode<'a>>| n.and_then(|n| n.field("next")).or(n);
    match kind {
        EdgeKind::Choice(i) => next_of(ans.and_then(|a| a.field("options")).and_then(|o| o.item(*i))),
        EdgeKind::Rule(i) => next_of(ans.and_then(|a| a.field("rules")).and_then(|o| o.item(*i))),
        EdgeKind::Default => next_of(ans.and_then(|a| a.field("default"))),
        EdgeKind::Right => next_of(ans.and_then(|a| a.field("right"))),
        EdgeKind::Wrong => next_of(ans.and_then(|a| a.field("wrong"))),
        EdgeKind::Close => next_of(ans.and_then(|a| a.field("close"))),
        EdgeKind::Next => next_of(ans.and_then(|a| a.field("next"))),
        EdgeKind::Short => next_of(ans.and_then(|a| a.field("short"))),
        EdgeKind::Timeout => ns.and_then(|n| n.field("on_timeout")).and_then(|t| t.item(0)),
    }
}

/// What names a condition may refer to. `None` means the context has no
/// such thing (a trap rule has no nodes or variables).
pub struct Refs<'x> {
    pub nodes: Option<&'x HashSet<&'x str>>,
    pub vars: Option<&'x HashSet<&'x str>>,
    pub traps: &'x dyn TrapIds,
    /// The file's named conditions (`None`: names are not checked here).
    pub conditions: Option<&'x rules::Conditions>,
}

/// The value written for `key` in the RON map `map`, found by its key's text.
fn map_value<'s, 'a>(rep: &Reporter, map: Option<&'s SpanNode<'a>>, key: &str) -> Option<&'s SpanNode<'a>> {
    map_entry(rep, map, key).map(|(_, v)| v)
}

/// Where `key` is written in the RON map `map`.
fn map_key<'s, 'a>(rep: &Reporter, map: Option<&'s SpanNode<'a>>, key: &str) -> Option<&'s SpanNode<'a>> {
    map_entry(rep, map, key).map(|(k, _)| k)
}

fn map_entry<'s, 'a>(
    rep: &Reporter,
    map: Option<&'s SpanNode<'a>>,
    key: &str,
) -> Option<(&'s SpanNode<'a>, &'s SpanNode<'a>)> {
    let super::spans::Kind::Map(entries) = &map?.kind else { return None };
    entries.iter().find(|(k, _)| rep.text_of(Some(k)).is_some_and(|t| unquote(t) == key)).map(|(k, v)| (k, v))
}

/// A map key as written, without its quotes (`"a"`, `r"a"`, `r#"a"#`).
fn unquote(written: &str) -> &str {
    let t = written.trim();
    let t = t.strip_prefix('r').map(|r| r.trim_matches('#')).unwrap_or(t);
    t.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(t)
}

/// Checks a file's named conditions (valid names, each condition sound,
/// no cycle) and its signal phrases (known signals, no empty phrase).
/// `root` is the file's top-level struct (scenario or catalogue).
pub fn check_lexicon(
    rep: &mut Reporter,
    refs: &Refs,
    conditions: &rules::Conditions,
    signals: &rules::SignalPhrases,
    root: Option<&SpanNode<'_>>,
) {
    let map = root.and_then(|r| r.field("conditions"));
    let lang = rep.lang;
    for (name, def) in conditions {
        if !is_valid_id(name) {
            rep.error(
                map_key(rep, map, name).or(map),
                "bad-id",
                tr!(lang, "diag-bad-condition-name", name = quote(name)),
                tr!(lang, "diag-bad-condition-name-help"),
            );
        }
        check_cond(rep, refs, def, map_value(rep, map, name).or(map));
    }
    if let Some(cycle) = rules::lexicon::first_cycle(conditions) {
        let shown: Vec<String> = cycle.iter().map(|n| format!("\"{}\"", quote(n))).collect();
        rep.error(
            map_value(rep, map, &cycle[0]).or(map),
            "condition-cycle",
            tr!(lang, "diag-condition-cycle", name = quote(&cycle[0]), cycle = shown.join(" → ")),
            tr!(lang, "diag-condition-cycle-help"),
        );
    }
    let map = root.and_then(|r| r.field("signals"));
    let known: Vec<&str> = rules::lexicon::SIGNALS.iter().map(|(s, _)| *s).collect();
    for (signal, phrases) in signals {
        let key = map_key(rep, map, signal).or(map);
        if !known.contains(&signal.as_str()) {
            let all = rules::lexicon::SIGNALS.iter().map(|(s, c)| format!("\"{s}\" ({c})")).collect::<Vec<_>>();
            let help = match rep.may_suggest().then(|| did_you_mean(signal, known.iter().copied())).flatten() {
                Some(m) => tr!(lang, "diag-did-you-mean", name = m),
                None => tr!(lang, "diag-unknown-signal-help", list = all.join(", ")),
            };
            rep.error(key, "unknown-signal", tr!(lang, "diag-unknown-signal", name = quote(signal)), help);
            continue;
        }
        let list = map_value(rep, map, signal);
        let as_cond = Cond::AnyOf(phrases.clone());
        check_cond(rep, refs, &as_cond, list.or(key));
    }
}

/// Checks a rule condition: regexes compile, phrase lists are not empty,
/// trap and node ids exist, variables are set somewhere.
pub fn check_cond(rep: &mut Reporter, refs: &Refs, cond: &Cond, at: Option<&SpanNode<'_>>) {
    let arg = at.and_then(|n| n.item(0)).or(at);
    let lang = rep.lang;
    match cond {
        Cond::AnyOf(words) | Cond::AllOf(words) | Cond::NoneOf(words) => {
            if words.is_empty() {
                rep.error(arg, "empty-phrases", tr!(lang, "diag-empty-phrases"), tr!(lang, "diag-empty-phrases-help"));
            }
            // Escaped phrases always compile; only a huge list can hit
            // the size limit, so skip the cost for ordinary ones.
            let big = words.iter().map(String::len).sum::<usize>() > 4096;
            if big && let Err(e) = Matcher::compile(cond) {
                rep.error(
                    arg,
                    "bad-regex",
                    tr!(lang, "diag-phrases-too-large", detail = e.to_string()),
                    tr!(lang, "diag-phrases-too-large-help"),
                );
            }
            for (i, w) in words.iter().enumerate() {
                if w.trim().trim_end_matches('*').trim().is_empty() {
                    rep.error(
                        arg.and_then(|l| l.item(i)).or(arg),
                        "empty-phrases",
                        tr!(lang, "diag-empty-phrase"),
                        tr!(lang, "diag-empty-phrase-help"),
                    );
                }
            }
        }
        Cond::Regex(pattern) => {
            if let Err(detail) = rules::check_regex(pattern) {
                rep.error(
                    arg,
                    "bad-regex",
                    tr!(lang, "diag-bad-regex", detail = detail),
                    regex_hint(lang, rep.text_of(arg)),
                );
            }
        }
        Cond::Trap(t) if refs.traps.contains(t) && !refs.traps.detectable(t) => rep.warning(
            arg,
            "undetectable-trap",
            tr!(lang, "diag-undetectable-trap", id = quote(t)),
            tr!(lang, "diag-undetectable-trap-help"),
        ),
        Cond::Trap(t) => trap_ref(rep, refs.traps, t, arg),
        Cond::Var(name, _) if refs.vars.is_some_and(|v| !v.contains(name.as_str())) => {
            let suggestion = rep.may_suggest().then(|| did_you_mean(name, refs.vars.into_iter().flatten().copied()));
            let name = quote(name);
            let help = match suggestion.flatten() {
                Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
                None => tr!(lang, "diag-unset-variable-help", name = name.as_ref()),
            };
            rep.warning(arg, "unset-variable", tr!(lang, "diag-unset-variable", name = name.as_ref()), help);
        }
        // In a trap rule there are no nodes to check the id against.
        Cond::Visits(node, _) => {
            if let Some(nodes) = refs.nodes {
                node_ref(rep, nodes, node, arg);
            }
        }
        Cond::And(cs) | Cond::Or(cs) => {
            for (i, c) in cs.iter().enumerate() {
                check_cond(rep, refs, c, arg.and_then(|l| l.item(i)).or(arg));
            }
        }
        Cond::Not(c) | Cond::InSentence(c) => check_cond(rep, refs, c, arg),
        Cond::Named(name) => {
            if let Some(defs) = refs.conditions
                && !defs.contains_key(name)
            {
                let help =
                    match rep.may_suggest().then(|| did_you_mean(name, defs.keys().map(String::as_str))).flatten() {
                        Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
                        None if defs.is_empty() => tr!(lang, "diag-unknown-condition-define-help", name = quote(name)),
                        None => tr!(lang, "diag-unknown-condition-help"),
                    };
                rep.error(arg, "unknown-condition", tr!(lang, "diag-unknown-condition", name = quote(name)), help);
            }
        }
        _ => {}
    }
}

/// How to write a literal bracket in a regex, for the way the pattern was
/// written: a raw string (`r"..."`) keeps backslashes as they are, so one
/// is enough there; a plain RON string needs two.
fn regex_hint(lang: Lang, written: Option<&str>) -> String {
    let raw = written.is_some_and(|w| w.trim_start().starts_with('r'));
    if raw { tr!(lang, "diag-bad-regex-raw-help") } else { tr!(lang, "diag-bad-regex-help") }
}

pub fn trap_ref(rep: &mut Reporter, traps: &dyn TrapIds, id: &str, at: Option<&SpanNode<'_>>) {
    if !traps.contains(id) {
        let lang = rep.lang;
        let help = match rep.may_suggest().then(|| did_you_mean(id, traps.all())).flatten() {
            Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
            None => tr!(lang, "diag-unknown-trap-help"),
        };
        rep.error(at, "unknown-trap", tr!(lang, "diag-unknown-trap", id = quote(id)), help);
    }
}

pub fn node_ref(rep: &mut Reporter, nodes: &HashSet<&str>, id: &str, at: Option<&SpanNode<'_>>) {
    if !nodes.contains(id) {
        let lang = rep.lang;
        let help = match rep.may_suggest().then(|| did_you_mean(id, nodes.iter().copied())).flatten() {
            Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
            None => tr!(lang, "diag-unknown-node-help"),
        };
        rep.error(at, "unknown-node", tr!(lang, "diag-unknown-node", id = quote(id)), help);
    }
}

/// Checks a trap catalogue file: ids valid and unique, texts present,
/// detection rules well-formed. `known` holds the ids of traps defined
/// elsewhere (the bundled catalogue) that rules here may refer to;
/// `clash` says whether defining one of those again is an error (it is in
/// a user catalogue, which may only add traps).
pub fn validate_catalogue(
    cat: &crate::traps::Catalogue,
    root: Option<&SpanNode<'_>>,
    known: &crate::traps::Catalogue,
    clash: bool,
    rep: &mut Reporter,
) {
    let list = root.and_then(|r| r.field("traps"));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let lang = rep.lang;
    for (i, t) in cat.traps.iter().enumerate() {
        let ts = list.and_then(|l| l.item(i));
        let at = ts.and_then(|t| t.field("id")).or(ts);
        if !is_valid_id(&t.id) {
            rep.error(
                at,
                "bad-id",
                tr!(lang, "diag-bad-trap-id", id = quote(&t.id)),
                tr!(lang, "diag-bad-trap-id-help"),
            );
        }
        if let Some(&j) = seen.get(t.id.as_str()) {
            let first = rep.line_of(list.and_then(|l| l.item(j)).and_then(|t| t.field("id")));
            let help = first.map(|l| tr!(lang, "diag-duplicate-trap-help", line = l));
            rep.error(at, "duplicate-trap", tr!(lang, "diag-duplicate-trap", id = quote(&t.id)), help);
        } else if clash && known.get(&t.id).is_some() {
            rep.error(
                at,
                "duplicate-trap",
                tr!(lang, "diag-trap-already-bundled", id = quote(&t.id)),
                tr!(lang, "diag-trap-already-bundled-help"),
            );
        }
        seen.entry(&t.id).or_insert(i);
        for (name, text) in [("title", &t.title), ("why", &t.why), ("instead", &t.instead), ("example", &t.example)] {
            if text.trim().is_empty() {
                rep.error(
                    ts.and_then(|t| t.field(name)).or(ts),
                    "empty-field",
                    tr!(lang, "diag-empty-trap-text", field = name, id = quote(&t.id)),
                    tr!(lang, "diag-empty-trap-text-help"),
                );
            }
        }
    }
    let ids = CatalogueIds { here: cat, known };
    // A user catalogue's rules may use the bundled catalogue's names too.
    let mut names = known.conditions.clone();
    names.extend(cat.conditions.iter().map(|(k, v)| (k.clone(), v.clone())));
    let refs = Refs { nodes: None, vars: None, traps: &ids, conditions: Some(&names) };
    check_lexicon(rep, &refs, &cat.conditions, &cat.signals, root);
    for (i, t) in cat.traps.iter().enumerate() {
        let rules = list.and_then(|l| l.item(i)).and_then(|t| t.field("detect"));
        for (j, d) in t.detect.iter().enumerate() {
            let at = rules.and_then(|r| r.item(j)).and_then(|r| r.field("when"));
            check_cond(rep, &refs, &d.when, at.or(rules));
        }
    }
}

/// Trap ids visible from a catalogue being checked: its own and the known ones.
struct CatalogueIds<'c> {
    here: &'c crate::traps::Catalogue,
    known: &'c crate::traps::Catalogue,
}

impl TrapIds for CatalogueIds<'_> {
    fn contains(&self, id: &str) -> bool {
        self.here.get(id).is_some() || self.known.get(id).is_some()
    }
    fn all(&self) -> Vec<&str> {
        self.here.ids().chain(self.known.ids()).collect()
    }
}
