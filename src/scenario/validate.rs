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
use crate::rules::{self, Cond, Matcher};
use crate::text::quote;

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
                format!("unknown format {}", sc.format),
                format!("this hotseat reads format {FORMAT_VERSION}"),
            );
        }
        if !is_valid_id(&sc.id) {
            self.bad_id(self.field("id"), "scenario", &sc.id);
        }
        for (name, value) in [("title", &sc.title), ("company", &sc.company), ("role", &sc.role)] {
            if value.trim().is_empty() {
                self.rep.error(
                    self.field(name),
                    "empty-field",
                    format!("`{name}` is empty"),
                    "give it a short text".to_string(),
                );
            }
        }
        if sc.minutes == 0 {
            self.rep.error(
                self.field("minutes"),
                "bad-minutes",
                "`minutes` is 0".into(),
                "estimate how long a typical run takes".to_string(),
            );
        }
        if let Some(limit) = sc.session_limit_s {
            self.limit_range(limit, self.field("session_limit_s"), "session_limit_s", u32::MAX / 1000);
        }
        if sc.nodes.is_empty() {
            self.rep.error(
                self.field("nodes"),
                "no-nodes",
                "the scenario has no nodes".into(),
                "add at least a start node and an end node".to_string(),
            );
        }
    }

    fn bad_id(&mut self, at: Option<&SpanNode<'a>>, what: &str, id: &str) {
        self.rep.error(
            at,
            "bad-id",
            format!("{what} id \"{}\" is not valid", quote(id)),
            "ids use lowercase letters, digits, `-` and `_`, and start with a letter or digit".to_string(),
        );
    }

    /// Node ids, reporting malformed and duplicate ones.
    fn collect_ids(&mut self) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, node) in self.sc.nodes.iter().enumerate() {
            let at = self.node_span(i).and_then(|n| n.field("id")).or(self.node_span(i));
            if !is_valid_id(&node.id) {
                self.bad_id(at, "node", &node.id);
            }
            match first.get(node.id.as_str()) {
                Some(&j) => {
                    let line = self.rep.line_of(self.node_span(j).and_then(|n| n.field("id")));
                    let help = line.map(|l| format!("the first node with this id is at line {l}; rename one of them"));
                    self.rep.error(at, "duplicate-node", format!("duplicate node id \"{}\"", quote(&node.id)), help);
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
        if node.is_end() {
            if let Answer::End { remarks, .. } = &node.answer
                && remarks.trim().is_empty()
            {
                self.rep.warning(
                    f("answer"),
                    "empty-remarks",
                    format!("end node \"{}\" has no closing remarks", quote(&node.id)),
                    "say how the interviewer closes".to_string(),
                );
            }
            if node.limit_s.is_some() {
                self.rep.warning(
                    f("limit_s"),
                    "limit-on-end",
                    format!("end node \"{}\" has a `limit_s`, which is ignored", quote(&node.id)),
                    "remove it: an end node asks nothing, so no clock runs there".to_string(),
                );
            }
            if node.interject.is_some() {
                self.rep.warning(
                    f("interject"),
                    "interject-on-end",
                    format!("end node \"{}\" has an `interject`, which is never said", quote(&node.id)),
                    "remove it: an end node asks nothing, so no clock runs there".to_string(),
                );
            }
            if matches!(node.on_timeout, Timeout::Goto(_)) {
                self.rep.warning(
                    f("on_timeout"),
                    "timeout-on-end",
                    format!("end node \"{}\" has an `on_timeout`, which never applies", quote(&node.id)),
                    "remove it: an end node closes the interview at once".to_string(),
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
                    format!("node \"{}\" moves on when time runs out, so it cannot earn `over-time`", quote(&node.id)),
                    "remove `over-time` from its traps, or use `on_timeout: Overtime`".to_string(),
                );
            }
        }
        for (i, c) in node.competencies.iter().enumerate() {
            if !is_valid_id(c) {
                let at = ns.and_then(|n| n.field("competencies")).and_then(|l| l.item(i));
                self.rep.error(
                    at.or(f("competencies")),
                    "bad-competency",
                    format!("competency \"{}\" is not a valid tag", quote(c)),
                    "tags look like `unit-economics`: lowercase letters, digits, `-` and `_`".to_string(),
                );
            }
        }
        self.answer(node, ns.and_then(|n| n.field("answer")).or(ns));
        self.edges(node, ns);
    }

    fn question(&mut self, node: &'a Node, ns: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| ns.and_then(|n| n.field(name)).or(ns);
        if node.prompt.trim().is_empty() {
            self.rep.error(
                f("prompt"),
                "empty-prompt",
                format!("node \"{}\" has an empty prompt", quote(&node.id)),
                "write the interviewer's question in `prompt`".to_string(),
            );
        }
        for (i, v) in node.variants.iter().enumerate() {
            if v.trim().is_empty() {
                let at = ns.and_then(|n| n.field("variants")).and_then(|l| l.item(i));
                self.rep.error(
                    at.or(f("variants")),
                    "empty-prompt",
                    format!("variant {} of node \"{}\" is empty", i + 1, quote(&node.id)),
                    "remove it or write the question".to_string(),
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
                format!("node \"{}\" has no `limit_s`", quote(&node.id)),
                format!("give every question a time limit in seconds, 1 to {MAX_LIMIT_S}"),
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
            let help = match self.rep.may_suggest().then(|| did_you_mean(name, known)).flatten() {
                Some(m) => format!("did you mean \"{}\"?", quote(m)),
                None if kind == "variable" => {
                    "`{name}` shows a variable some `set` changes; write `{{` for a literal brace".to_string()
                }
                None => "`{answer:node-id}` shows the latest answer to that node".to_string(),
            };
            self.rep.error(
                at,
                "unknown-placeholder",
                format!(
                    "the prompt shows {kind} \"{}\", which {}",
                    quote(name),
                    if kind == "node" { "does not exist" } else { "no transition sets" }
                ),
                help,
            );
        }
    }

    /// An interjection is said before the limit, and says something.
    fn interject(&mut self, i: &super::model::Interject, limit: Option<u32>, at: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| at.and_then(|n| n.field(name)).or(at);
        if let Some(limit) = limit
            && (i.left_s == 0 || i.left_s >= limit)
        {
            self.rep.error(
                f("left_s"),
                "bad-interject",
                format!("`left_s: {}` is not within the question's limit of {limit} s", i.left_s),
                format!(
                    "`left_s` counts the seconds left when it is said: use 1 to {}",
                    limit.saturating_sub(1).max(1)
                ),
            );
        }
        if i.text.trim().is_empty() {
            self.rep.error(
                f("text"),
                "empty-field",
                "the interjection's `text` is empty".into(),
                "write what the interviewer says, e.g. \"30 seconds left -- land it\"".to_string(),
            );
        }
    }

    fn limit_range(&mut self, limit: u32, at: Option<&SpanNode<'a>>, name: &str, max: u32) {
        if limit == 0 || limit > max {
            self.bad_limit = true;
            self.rep.error(
                at,
                "bad-limit",
                format!("`{name}` of {limit} s is out of range"),
                format!("use 1 to {max} seconds"),
            );
        }
    }

    fn answer(&mut self, node: &'a Node, at: Option<&'a SpanNode<'a>>) {
        let f = |name: &str| at.and_then(|n| n.field(name)).or(at);
        match &node.answer {
            Answer::Choice { options } => {
                if !(2..=9).contains(&options.len()) {
                    self.rep.error(
                        f("options"),
                        "choice-count",
                        format!("a Choice needs 2 to 9 options, this one has {}", options.len()),
                        "options are picked with the keys 1-9".to_string(),
                    );
                }
                for (i, o) in options.iter().enumerate() {
                    let os = f("options").and_then(|l| l.item(i));
                    if o.label.trim().is_empty() {
                        self.rep.error(
                            os.and_then(|o| o.field("label")).or(os),
                            "empty-label",
                            format!("option {} has an empty label", i + 1),
                            "write what the candidate picks".to_string(),
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
                    let help = "write the correct answer as a plain number, e.g. `expected: 22.2`".to_string();
                    self.rep.error(f("expected"), "bad-number", "`expected` must be a finite number".into(), help);
                }
                let (Tolerance::Abs(t) | Tolerance::Percent(t)) = *tolerance;
                let at = f("tolerance").and_then(|n| n.item(0)).or(f("tolerance"));
                if !t.is_finite() {
                    let help = "use a margin such as `Abs(0.5)` or `Percent(2.0)`".to_string();
                    self.rep.error(at, "bad-number", format!("tolerance {t} is not a finite number"), help);
                } else if t < 0.0 {
                    let help = "use 0 for an exact answer, or a positive margin".to_string();
                    self.rep.error(at, "negative-tolerance", format!("tolerance {t} is negative"), help);
                }
                if matches!(tolerance, Tolerance::Percent(_)) && *expected == 0.0 {
                    self.rep.warning(
                        f("tolerance"),
                        "percent-of-zero",
                        "a percentage of an expected 0 is 0: only exactly 0 is accepted".into(),
                        "use `Abs(...)` for an expected value of 0".to_string(),
                    );
                }
                if solution.trim().is_empty() {
                    self.rep.warning(
                        f("solution"),
                        "empty-solution",
                        "the worked solution is empty".into(),
                        "show the arithmetic; the debrief prints it".to_string(),
                    );
                }
            }
            Answer::Spoken { pass, .. } => {
                let points = node.talking_points.len();
                if points == 0 {
                    self.rep.error(
                        at,
                        "no-talking-points",
                        format!("Spoken node \"{}\" has no talking points to tick", quote(&node.id)),
                        "list them in `talking_points`".to_string(),
                    );
                } else if *pass as usize > points {
                    self.rep.error(
                        f("pass"),
                        "pass-too-high",
                        format!("`pass: {pass}` but only {points} talking points"),
                        format!("use at most {points}"),
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
        match partial {
            Some(Partial::Ratio(r)) if !(r.is_finite() && r > 1.0) => {
                let at = f("partial").and_then(|n| n.item(0)).or(f("partial"));
                self.rep.error(
                    at,
                    "bad-partial",
                    format!("partial-credit ratio {r} must be a number above 1"),
                    "`Ratio(2.0)` gives half credit to an answer within a factor of 2 of `expected`".to_string(),
                );
            }
            Some(_) if expected == 0.0 => self.rep.warning(
                f("partial"),
                "bad-partial",
                "no answer is within a ratio of an expected 0, so `partial` never applies".into(),
                "remove `partial`, or widen the `tolerance` instead".to_string(),
            ),
            None if close => self.rep.warning(
                f("close"),
                "close-without-partial",
                "`close` is never taken without `partial`".into(),
                "add e.g. `partial: Ratio(2.0)`, or remove `close`".to_string(),
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
                format!("named condition \"{}\" is never used", quote(name)),
                format!("use it in a rule as `Named(\"{}\")`, or remove it", quote(name)),
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
                "the scenario has no end node".into(),
                "add a node with `answer: End(remarks: \"...\")`".to_string(),
            );
        } else if start_ok {
            self.route_past_session_limit();
            let stuck = fold::stuck_nodes(sc);
            let fixes: Vec<(&str, Option<&str>)> = groups.iter().map(|g| (g.id, g.meant)).collect();
            for (&(i, kind), cause) in stuck.iter().zip(fold::blame(sc, &stuck, &fixes)) {
                let at = self.node_span(i).and_then(|n| n.field("id")).or(self.node_span(i));
                let (code, message, help) = stuck_message(&sc.nodes[i], kind);
                match cause {
                    Some(g) => {
                        let line = self.rep.line_of(at).map(|l| format!(" (line {l})")).unwrap_or_default();
                        folded[g].push(format!("so {message}{line}"));
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
        let mut help = match group.meant {
            Some(m) => format!("did you mean \"{}\"?", quote(m)),
            None => "no node has this id; check the `id` fields".to_string(),
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
            let at = line.map(|l| format!(" at line {l}")).unwrap_or_default();
            help.push_str(&format!(
                " (or, if the node's own id is the typo, rename node \"{}\"{at} to \"{}\")",
                quote(m),
                quote(group.id)
            ));
        }
        let mut notes = Vec::new();
        let others: Vec<String> =
            group.places[1..].iter().filter_map(|&at| self.rep.line_of(at)).map(|l| l.to_string()).collect();
        match others.len() {
            _ if group.places.len() == 1 => {}
            0 => notes.push(format!("the same unknown id is written {} more times", group.places.len() - 1)),
            1 => notes.push(format!("the same unknown id is also written at line {}", others[0])),
            _ => notes.push(format!("the same unknown id is also written at lines {}", others.join(", "))),
        }
        notes.extend(consequences);
        let message = format!("unknown node id \"{}\"", quote(group.id));
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
            format!(
                "the longest route takes up to {} of question time, past the session limit of {}",
                minutes(total),
                minutes(u64::from(limit))
            ),
            format!(
                "route: {}; the session ends when its limit runs out, so raise `session_limit_s` or shorten the \
                 questions' `limit_s`",
                route.join(" → ")
            ),
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
                "`on_session_timeout` is set but there is no `session_limit_s`".into(),
                "add a session-wide limit, or remove this field".to_string(),
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
fn stuck_message(node: &Node, kind: fold::Stuck) -> (&'static str, String, String) {
    let id = quote(&node.id);
    match kind {
        fold::Stuck::Unreachable => (
            "unreachable",
            format!("node \"{id}\" cannot be reached from the start"),
            "link to it from another node, or remove it".to_string(),
        ),
        fold::Stuck::DeadEnd => {
            let hint = if matches!(node.on_timeout, Timeout::Overtime) && node.edges().is_empty() {
                "give it an answer that leads to another node"
            } else {
                "add a transition to another node"
            };
            ("dead-end", format!("node \"{id}\" is a dead end: no way out"), hint.to_string())
        }
        fold::Stuck::NoWayOut => (
            "no-way-out",
            format!("node \"{id}\" is in a loop with no way out: no end node can be reached from it"),
            "let at least one branch of the loop lead towards an end node".to_string(),
        ),
    }
}

/// How many steps the longest-route search may take: enough for any
/// hand-written scenario, bounded for a generated one.
const ROUTE_SEARCH_BUDGET: usize = 200_000;

/// Seconds as minutes for a message: `28 min (1680 s)`.
fn minutes(s: u64) -> String {
    if s.is_multiple_of(60) { format!("{} min ({s} s)", s / 60) } else { format!("{:.1} min ({s} s)", s as f64 / 60.0) }
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
    for (name, def) in conditions {
        if !is_valid_id(name) {
            rep.error(
                map_key(rep, map, name).or(map),
                "bad-id",
                format!("condition name \"{}\" is not valid", quote(name)),
                "names use lowercase letters, digits, `-` and `_`, like `gave-number`".to_string(),
            );
        }
        check_cond(rep, refs, def, map_value(rep, map, name).or(map));
    }
    if let Some(cycle) = rules::lexicon::first_cycle(conditions) {
        let shown: Vec<String> = cycle.iter().map(|n| format!("\"{}\"", quote(n))).collect();
        rep.error(
            map_value(rep, map, &cycle[0]).or(map),
            "condition-cycle",
            format!("named condition \"{}\" refers back to itself: {}", quote(&cycle[0]), shown.join(" → ")),
            "a condition cannot be defined in terms of itself; write one of them out in full".to_string(),
        );
    }
    let map = root.and_then(|r| r.field("signals"));
    let known: Vec<&str> = rules::lexicon::SIGNALS.iter().map(|(s, _)| *s).collect();
    for (signal, phrases) in signals {
        let key = map_key(rep, map, signal).or(map);
        if !known.contains(&signal.as_str()) {
            let all = rules::lexicon::SIGNALS.iter().map(|(s, c)| format!("\"{s}\" ({c})")).collect::<Vec<_>>();
            let help = match rep.may_suggest().then(|| did_you_mean(signal, known.iter().copied())).flatten() {
                Some(m) => format!("did you mean \"{m}\"?"),
                None => format!("the signals you can extend are {}", all.join(", ")),
            };
            rep.error(key, "unknown-signal", format!("unknown signal \"{}\"", quote(signal)), help);
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
    match cond {
        Cond::AnyOf(words) | Cond::AllOf(words) | Cond::NoneOf(words) => {
            if words.is_empty() {
                rep.error(
                    arg,
                    "empty-phrases",
                    "the phrase list is empty".into(),
                    "add a phrase, or remove the condition".to_string(),
                );
            }
            // Escaped phrases always compile; only a huge list can hit
            // the size limit, so skip the cost for ordinary ones.
            let big = words.iter().map(String::len).sum::<usize>() > 4096;
            if big && let Err(e) = Matcher::compile(cond) {
                rep.error(
                    arg,
                    "bad-regex",
                    format!("the phrase list is too large to compile: {e}"),
                    "split it into several conditions".to_string(),
                );
            }
            for (i, w) in words.iter().enumerate() {
                if w.trim().trim_end_matches('*').trim().is_empty() {
                    rep.error(
                        arg.and_then(|l| l.item(i)).or(arg),
                        "empty-phrases",
                        "an empty phrase matches everything".into(),
                        "remove it".to_string(),
                    );
                }
            }
        }
        Cond::Regex(pattern) => {
            if let Err(detail) = rules::check_regex(pattern) {
                rep.error(
                    arg,
                    "bad-regex",
                    format!("the regex does not compile: {detail}"),
                    regex_hint(rep.text_of(arg)),
                );
            }
        }
        Cond::Trap(t) if refs.traps.contains(t) && !refs.traps.detectable(t) => rep.warning(
            arg,
            "undetectable-trap",
            format!("trap \"{}\" has no detection rules, so this condition is never true", crate::text::quote(t)),
            "it comes from the clock or a choice; test a variable that choice sets instead".to_string(),
        ),
        Cond::Trap(t) => trap_ref(rep, refs.traps, t, arg),
        Cond::Var(name, _) if refs.vars.is_some_and(|v| !v.contains(name.as_str())) => {
            let suggestion = rep.may_suggest().then(|| did_you_mean(name, refs.vars.into_iter().flatten().copied()));
            let name = quote(name);
            let help = match suggestion.flatten() {
                Some(m) => format!("did you mean \"{}\"?", quote(m)),
                None => format!("set it on a transition, e.g. `set: [Add(\"{name}\", 1)]`"),
            };
            rep.warning(arg, "unset-variable", format!("variable \"{name}\" is never set, so it is always 0"), help);
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
                        Some(m) => format!("did you mean \"{}\"?", quote(m)),
                        None if defs.is_empty() => format!(
                            "define it in the file's `conditions`, e.g. `conditions: {{\"{}\": Number}}`",
                            quote(name)
                        ),
                        None => "named conditions come from the file's `conditions` map".to_string(),
                    };
                rep.error(arg, "unknown-condition", format!("unknown condition \"{}\"", quote(name)), help);
            }
        }
        _ => {}
    }
}

/// How to write a literal bracket in a regex, for the way the pattern was
/// written: a raw string (`r"..."`) keeps backslashes as they are, so one
/// is enough there; a plain RON string needs two.
fn regex_hint(written: Option<&str>) -> String {
    let raw = written.is_some_and(|w| w.trim_start().starts_with('r'));
    if raw {
        "patterns use the syntax of Rust's regex crate; in a raw string `r\"...\"` a literal bracket is written \\( (one backslash)".to_string()
    } else {
        "patterns use the syntax of Rust's regex crate; in a RON string a literal bracket is written \\\\(, or \\( in a raw string `r\"...\"`".to_string()
    }
}

pub fn trap_ref(rep: &mut Reporter, traps: &dyn TrapIds, id: &str, at: Option<&SpanNode<'_>>) {
    if !traps.contains(id) {
        let help = match rep.may_suggest().then(|| did_you_mean(id, traps.all())).flatten() {
            Some(m) => format!("did you mean \"{}\"?", quote(m)),
            None => "trap ids come from the catalogue: `hotseat check` knows the bundled ones; add your own in <data dir>/traps.ron".to_string(),
        };
        rep.error(at, "unknown-trap", format!("unknown trap id \"{}\"", quote(id)), help);
    }
}

pub fn node_ref(rep: &mut Reporter, nodes: &HashSet<&str>, id: &str, at: Option<&SpanNode<'_>>) {
    if !nodes.contains(id) {
        let help = match rep.may_suggest().then(|| did_you_mean(id, nodes.iter().copied())).flatten() {
            Some(m) => format!("did you mean \"{}\"?", quote(m)),
            None => "no node has this id; check the `id` fields".to_string(),
        };
        rep.error(at, "unknown-node", format!("unknown node id \"{}\"", quote(id)), help);
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
    for (i, t) in cat.traps.iter().enumerate() {
        let ts = list.and_then(|l| l.item(i));
        let at = ts.and_then(|t| t.field("id")).or(ts);
        if !is_valid_id(&t.id) {
            rep.error(
                at,
                "bad-id",
                format!("trap id \"{}\" is not valid", quote(&t.id)),
                "ids use lowercase letters, digits, `-` and `_`".to_string(),
            );
        }
        if let Some(&j) = seen.get(t.id.as_str()) {
            let first = rep.line_of(list.and_then(|l| l.item(j)).and_then(|t| t.field("id")));
            let help = first.map(|l| format!("the first trap with this id is at line {l}"));
            rep.error(at, "duplicate-trap", format!("duplicate trap id \"{}\"", quote(&t.id)), help);
        } else if clash && known.get(&t.id).is_some() {
            rep.error(
                at,
                "duplicate-trap",
                format!("trap \"{}\" is already in the bundled catalogue", quote(&t.id)),
                "a user catalogue can only add traps; pick a new id".to_string(),
            );
        }
        seen.entry(&t.id).or_insert(i);
        for (name, text) in [("title", &t.title), ("why", &t.why), ("instead", &t.instead), ("example", &t.example)] {
            if text.trim().is_empty() {
                rep.error(
                    ts.and_then(|t| t.field(name)).or(ts),
                    "empty-field",
                    format!("`{name}` of trap \"{}\" is empty", quote(&t.id)),
                    "the debrief shows it; write a sentence or two".to_string(),
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
