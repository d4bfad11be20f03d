//! The rule language as coaches write it: one condition type shared by
//! FreeText branches and trap detection, so a coach learns it once.

use serde::{Deserialize, Serialize};

/// A condition over an answer's text, its signals and the session variables.
///
/// Phrases match case-insensitively on whole words for Latin text and as
/// plain substrings for Chinese; spaces in a phrase match any whitespace,
/// and a trailing `*` makes the last word a stem (`patch*` matches "patching").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    /// Always true; handy as a catch-all.
    Always,
    /// At least one of the phrases occurs.
    AnyOf(Vec<String>),
    /// Every phrase occurs.
    AllOf(Vec<String>),
    /// None of the phrases occurs, not counting a phrase negated or waved
    /// away in its own clause ("no commitments", "不搞预付", "提前做没意义").
    NoneOf(Vec<String>),
    /// The regex matches (case-insensitive, Unicode).
    Regex(String),
    /// A figure: digits (ASCII or full-width) not glued to letters, so
    /// "k8s" and "P7" are names, not numbers; units such as `18M`, `3x`
    /// and `120万` are fine; also `百分之…`.
    Number,
    /// A percentage: `12%`, `12 percent`, `百分之十二`, `12个百分点`.
    Percent,
    /// A money amount: `¥18M`, `$50K`, `RMB 2 million`, `120万`, `3亿元`.
    Money,
    /// A before→after change: "from 40% to 12%", "从3天降到1天", "cut X by 30%".
    Change,
    /// At least this many words (Chinese counted by characters).
    WordsAtLeast(u32),
    /// Fewer than this many words (Chinese counted by characters).
    WordsBelow(u32),
    /// At least this many Latin-script words, ignoring Chinese.
    LatinWordsAtLeast(u32),
    /// At least this many CJK characters, ignoring Latin words.
    CjkCharsAtLeast(u32),
    /// Structure markers: first/second/finally, 首先/其次/最后, numbered points.
    Structured,
    /// Hedging: "maybe", "I think", "kind of", "可能", "大概".
    Hedged,
    /// The speaker owns the work: "I built", "I led", "我负责", "我推动".
    Owns,
    /// Hands the problem to someone else: "legal will", "the team will", "交给法务".
    Defers,
    /// The answer falls into this catalogue trap (by its detection rules).
    Trap(String),
    /// A session variable compared with a number (variables start at 0).
    Var(String, Cmp),
    /// How many times a node has been visited, compared with a number.
    Visits(String, Cmp),
    /// Every condition holds.
    And(Vec<Cond>),
    /// At least one condition holds.
    Or(Vec<Cond>),
    /// The condition does not hold.
    Not(Box<Cond>),
    /// The condition holds of one sentence of the answer on its own: every
    /// phrase, pattern, signal and count inside looks only at that
    /// sentence, so ownership in one sentence cannot cancel blame in
    /// another, and a guard sees only what was said alongside the mistake.
    InSentence(Box<Cond>),
    /// A condition defined once under a name in the file's `conditions`
    /// map (the scenario's, or the trap catalogue's) and used by name here,
    /// so "gave a number" is written once and reused everywhere.
    Named(String),
}

/// A comparison with a fixed integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    AtLeast(i64),
    AtMost(i64),
    Equals(i64),
}

impl Cmp {
    pub fn holds(self, value: i64) -> bool {
        match self {
            Cmp::AtLeast(n) => value >= n,
            Cmp::AtMost(n) => value <= n,
            Cmp::Equals(n) => value == n,
        }
    }
}

impl Cond {
    /// Calls `f` on this condition and every condition nested in it (not
    /// through a `Named` reference: the definitions live in the file's
    /// `conditions` map, see [`Cond::walk_with`]).
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Cond)) {
        f(self);
        match self {
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.walk(f)),
            Cond::Not(c) | Cond::InSentence(c) => c.walk(f),
            _ => {}
        }
    }

    /// [`Cond::walk`], also through `Named` references into `defs`; each
    /// definition is walked once, so a cycle (which `check` reports) ends.
    pub fn walk_with<'a>(&'a self, defs: &'a std::collections::BTreeMap<String, Cond>, f: &mut impl FnMut(&'a Cond)) {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec![self];
        while let Some(c) = todo.pop() {
            c.walk(&mut |inner| {
                f(inner);
                if let Cond::Named(n) = inner
                    && seen.insert(n.as_str())
                    && let Some(def) = defs.get(n)
                {
                    todo.push(def);
                }
            });
        }
    }

    /// A short human summary, used for graph edge labels and messages.
    pub fn summary(&self) -> String {
        fn list(words: &[String]) -> String {
            let shown: Vec<&str> = words.iter().take(3).map(String::as_str).collect();
            let more = if words.len() > 3 { ", …" } else { "" };
            format!("{}{more}", shown.join(", "))
        }
        match self {
            Cond::Always => "always".into(),
            Cond::AnyOf(w) => format!("any of {}", list(w)),
            Cond::AllOf(w) => format!("all of {}", list(w)),
            Cond::NoneOf(w) => format!("none of {}", list(w)),
            Cond::Regex(r) => format!("/{r}/"),
            Cond::Number => "a number".into(),
            Cond::Percent => "a percentage".into(),
            Cond::Money => "a money amount".into(),
            Cond::Change => "a before→after change".into(),
            Cond::WordsAtLeast(n) => format!("≥{n} words"),
            Cond::WordsBelow(n) => format!("<{n} words"),
            Cond::LatinWordsAtLeast(n) => format!("≥{n} Latin words"),
            Cond::CjkCharsAtLeast(n) => format!("≥{n} CJK characters"),
            Cond::Structured => "structured".into(),
            Cond::Hedged => "hedged".into(),
            Cond::Owns => "owns it".into(),
            Cond::Defers => "defers".into(),
            Cond::Trap(t) => format!("trap {t}"),
            Cond::Var(v, c) => format!("{v} {}", cmp_text(*c)),
            Cond::Visits(n, c) => format!("visits({n}) {}", cmp_text(*c)),
            Cond::And(cs) => join(cs, " and "),
            Cond::Or(cs) => join(cs, " or "),
            Cond::Not(c) => format!("not {}", c.summary()),
            Cond::InSentence(c) => format!("in one sentence {}", c.summary()),
            Cond::Named(n) => format!("<{n}>"),
        }
    }
}

fn join(cs: &[Cond], sep: &str) -> String {
    let parts: Vec<String> = cs.iter().map(Cond::summary).collect();
    format!("({})", parts.join(sep))
}

fn cmp_text(c: Cmp) -> String {
    match c {
        Cmp::AtLeast(n) => format!("≥ {n}"),
        Cmp::AtMost(n) => format!("≤ {n}"),
        Cmp::Equals(n) => format!("= {n}"),
    }
}
