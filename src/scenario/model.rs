//! The scenario file format as serde types: exactly what a coach writes in RON.
//!
//! These are the *raw* types. They carry strings where the validated form
//! carries checked ids; [`super::validate`] checks every cross-reference and
//! reports problems at their place in the file. Keep this file in step with
//! `docs/scenario-format.md`.

use serde::{Deserialize, Serialize};

use crate::rules::Cond;

/// The only `format` number this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// The id of every drill's scenario (`hotseat drill` builds it from
/// stand-alone questions): a drill is practice, so its debrief gives a
/// score and the traps but no hiring verdict.
pub const DRILL_ID: &str = "drill";

/// What joins a drill question's source scenario and node in its id
/// (`alibaba-cloud-pm--start`).
pub const DRILL_JOIN: &str = "--";

/// The source (scenario, node) of node `node` asked in a session of
/// `scenario`: a drill's `<scenario>--<node>` split at its first `--`
/// (scenario ids rarely hold one; node ids may), anything else as it is.
/// A drill node without the join (its closing `drill-end`) stays the
/// drill's own.
pub fn node_source<'a>(scenario: &'a str, node: &'a str) -> (&'a str, &'a str) {
    if scenario != DRILL_ID {
        return (scenario, node);
    }
    match node.split_once(DRILL_JOIN) {
        Some((sc, n)) if !sc.is_empty() && !n.is_empty() => (sc, n),
        _ => (scenario, node),
    }
}

/// A node id as a person reads it in a debrief: a drill's question as
/// `scenario › node`, any other id as it is.
pub fn shown_node<'a>(scenario: &str, node: &'a str) -> std::borrow::Cow<'a, str> {
    match node_source(scenario, node) {
        (sc, n) if sc != scenario => std::borrow::Cow::Owned(format!("{sc} › {n}")),
        _ => std::borrow::Cow::Borrowed(node),
    }
}

/// One interview scenario: metadata, the interviewer and the question graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// File format version; always 1 for now.
    pub format: u32,
    pub id: String,
    pub title: String,
    pub company: String,
    pub role: String,
    pub language: Language,
    pub difficulty: Difficulty,
    /// Estimated minutes a typical run takes.
    pub minutes: u32,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub description: String,
    pub persona: Persona,
    /// Session-wide limit in seconds; when it runs out the session ends.
    #[serde(default)]
    pub session_limit_s: Option<u32>,
    /// Node to jump to when the session-wide limit runs out (an end node);
    /// without it the session simply ends.
    #[serde(default)]
    pub on_session_timeout: Option<String>,
    /// Conditions defined once and used by name (`Named("gave-number")`)
    /// in this scenario's rules.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub conditions: crate::rules::Conditions,
    /// Extra phrases for built-in signals (`"ownership": ["I fixed"]`),
    /// in force for this scenario's rules.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub signals: crate::rules::SignalPhrases,
    /// Id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
    /// Traps of this scenario's own, and bundled ones adapted for its
    /// audience (see [`super::own_traps`]).
    #[serde(default)]
    pub traps: Vec<OwnTrap>,
}

/// A trap defined in the scenario. A new id is a new trap and needs all
/// four texts; the id of a catalogue trap adapts that trap for this
/// scenario's candidates: the texts given replace the catalogue's, and
/// `detect`, when given, replaces its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnTrap {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub why: Option<String>,
    #[serde(default)]
    pub instead: Option<String>,
    #[serde(default)]
    pub example: Option<String>,
    #[serde(default)]
    pub detect: Option<Vec<crate::traps::Detect>>,
    /// The four texts in Chinese, for a Chinese debrief of a scenario
    /// written in English (or both); replaces an adapted trap's own.
    #[serde(default)]
    pub zh: Option<crate::traps::TrapTexts>,
}

/// Which language(s) the scenario is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    En,
    Zh,
    Both,
}

impl Language {
    /// The short code used in `list --json` and the picker.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh",
            Language::Both => "en+zh",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// The interviewer, shown in the session header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub style: String,
}

/// One question (or closing remark) in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Optional scene-setting shown above the prompt.
    #[serde(default)]
    pub context: Option<String>,
    /// The interviewer's question. End nodes may leave it empty.
    #[serde(default)]
    pub prompt: String,
    /// Alternative wordings: the session draws one of `prompt` and these
    /// with its seed, so reruns of the same seed ask the same question.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Seconds allowed for this question. Required on question nodes.
    #[serde(default)]
    pub limit_s: Option<u32>,
    /// What happens when the time runs out.
    #[serde(default)]
    pub on_timeout: Timeout,
    /// Something the interviewer says when the question's clock gets low
    /// ("30 seconds left -- land it").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interject: Option<Interject>,
    /// Competency tags scored in the debrief, e.g. `billing`.
    #[serde(default)]
    pub competencies: Vec<String>,
    /// Catalogue trap ids this question is designed to expose.
    #[serde(default)]
    pub traps: Vec<String>,
    /// What a strong answer covers; shown in the debrief.
    #[serde(default)]
    pub talking_points: Vec<String>,
    /// A model answer for the debrief.
    #[serde(default)]
    pub model_answer: Option<String>,
    /// Who asks this question when it is not the scenario's interviewer
    /// (the HR partner who takes over for pay): the header names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Persona>,
    /// The question makes sense without what came before it, so a drill
    /// (`hotseat drill`) may ask it on its own. Only on question nodes,
    /// and only when nothing in it reads earlier answers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub standalone: bool,
    pub answer: Answer,
}

/// For `skip_serializing_if`: a flag left at its default is not written.
fn is_false(b: &bool) -> bool {
    !*b
}

impl Node {
    /// An End node with these closing remarks and nothing else: for a
    /// scenario built or repaired in code (a drill's close, a stand-in).
    pub fn end(id: &str, remarks: String) -> Node {
        Node {
            id: id.to_string(),
            context: None,
            prompt: String::new(),
            variants: Vec::new(),
            limit_s: None,
            on_timeout: Timeout::Overtime,
            interject: None,
            competencies: Vec::new(),
            traps: Vec::new(),
            talking_points: Vec::new(),
            model_answer: None,
            speaker: None,
            standalone: false,
            answer: Answer::End { remarks, outcome: None },
        }
    }

    /// End nodes close the interview and take no answer.
    pub fn is_end(&self) -> bool {
        matches!(self.answer, Answer::End { .. })
    }
}

/// A timed interjection: the interviewer speaks up when `left_s` seconds
/// are left on the question's clock, and the line stays until the
/// question is left. It is a function of the clock, so a replay shows it
/// at the same moment and nothing needs recording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interject {
    /// Seconds left on the question's clock when it is said (real
    /// seconds, whatever the pace: the text usually says how many).
    pub left_s: u32,
    pub text: String,
}

impl Interject {
    /// Whether it has been said by the time `spent_ms` of a question with
    /// `limit_ms` (under the session's pace) have gone.
    pub fn due(&self, limit_ms: u64, spent_ms: u64) -> bool {
        spent_ms.saturating_add(u64::from(self.left_s).saturating_mul(1000)) >= limit_ms
    }
}

/// What happens when a question's time runs out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Timeout {
    /// The question stays open, the clock shows overtime and the answer
    /// earns the `over-time` trap.
    #[default]
    Overtime,
    /// Move on to this node; a half-typed answer is kept and assessed.
    Goto(String),
}

/// How the candidate answers, and where each answer leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Answer {
    /// Pick one of 2-9 options.
    Choice { options: Vec<ChoiceOption> },
    /// Free text; rules are tried in order, first match wins.
    FreeText {
        #[serde(default)]
        rules: Vec<Rule>,
        default: Transition,
    },
    /// A number, graded against `expected` within `tolerance`.
    Numeric {
        expected: f64,
        tolerance: Tolerance,
        #[serde(default)]
        unit: String,
        right: Transition,
        wrong: Transition,
        /// Worked solution shown in the debrief.
        solution: String,
        /// Partial credit: a wrong answer this close to `expected` scores
        /// half (an estimate in the right ballpark).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partial: Option<Partial>,
        /// Where a close (half-credit) answer leads; without it, `wrong`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        close: Option<Transition>,
    },
    /// Answer aloud or in notes, then tick the talking points covered.
    /// Covering at least `pass` points takes `next`, fewer takes `short`
    /// (or `next` when `short` is absent).
    Spoken {
        #[serde(default)]
        pass: u32,
        next: Transition,
        #[serde(default)]
        short: Option<Transition>,
    },
    /// Closes the interview with the interviewer's remarks. `outcome`, when
    /// given, is the hiring call this ending stands for: the debrief's
    /// verdict can be no better than it.
    End {
        remarks: String,
        #[serde(default)]
        outcome: Option<Outcome>,
    },
}

/// A hiring call, best first: the debrief's verdict, and the bound an
/// ending puts on it. Written in scenarios as a string (`"lean-no"`), so a
/// typo gets a message naming the four values rather than an identifier
/// error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Outcome {
    StrongHire,
    Hire,
    LeanNo,
    No,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::StrongHire, Outcome::Hire, Outcome::LeanNo, Outcome::No];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::StrongHire => "strong-hire",
            Outcome::Hire => "hire",
            Outcome::LeanNo => "lean-no",
            Outcome::No => "no",
        }
    }

    /// The worse of two calls: an ending bounds a verdict from above.
    pub fn at_most(self, bound: Outcome) -> Outcome {
        self.max(bound)
    }
}

impl From<Outcome> for String {
    fn from(o: Outcome) -> String {
        o.as_str().to_string()
    }
}

impl TryFrom<String> for Outcome {
    type Error = String;

    fn try_from(s: String) -> Result<Outcome, String> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s.trim()).ok_or_else(|| {
            let all: Vec<String> = Outcome::ALL.iter().map(|o| format!("\"{}\"", o.as_str())).collect();
            format!("unknown outcome \"{s}\": write one of {}", all.join(", "))
        })
    }
}

/// One option of a Choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub label: String,
    pub next: String,
    /// A catalogue trap this option falls into, if any.
    #[serde(default)]
    pub trap: Option<String>,
    #[serde(default)]
    pub set: Vec<VarOp>,
}

/// A FreeText branch: when `when` holds of the answer (and the variables),
/// go to `next`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub when: Cond,
    pub next: String,
    #[serde(default)]
    pub set: Vec<VarOp>,
}

/// An unconditional move to a node, possibly updating variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub next: String,
    #[serde(default)]
    pub set: Vec<VarOp>,
}

/// How close a Numeric answer must be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Tolerance {
    /// Within this many units of the expected value.
    Abs(f64),
    /// Within this percentage of the expected value.
    Percent(f64),
}

impl Tolerance {
    /// Whether `given` is close enough to `expected`.
    pub fn accepts(self, expected: f64, given: f64) -> bool {
        let slack = match self {
            Tolerance::Abs(a) => a,
            Tolerance::Percent(p) => expected.abs() * p / 100.0,
        };
        (given - expected).abs() <= slack + f64::EPSILON * expected.abs().max(1.0)
    }
}

/// How close a wrong Numeric answer must be for half credit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Partial {
    /// Within this factor of the expected value, either way, and of the
    /// same sign: `Ratio(2.0)` takes 50 to 200 for an expected 100.
    Ratio(f64),
}

impl Partial {
    /// Whether `given` earns half credit for `expected`.
    pub fn accepts(self, expected: f64, given: f64) -> bool {
        match self {
            Partial::Ratio(r) => {
                if !(r.is_finite() && r >= 1.0) || expected == 0.0 || !given.is_finite() {
                    return false;
                }
                let ratio = given / expected;
                let slack = 1.0 + 1e-9;
                ratio > 0.0 && ratio <= r * slack && ratio * r * slack >= 1.0
            }
        }
    }
}

/// A change to a session variable, made when a transition is taken.
/// Variables are integers that start at 0; a flag is a variable set to 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VarOp {
    /// Set the variable to a value.
    Set(String, i64),
    /// Add to the variable (use a negative number to subtract).
    Add(String, i64),
}

impl VarOp {
    pub fn var(&self) -> &str {
        match self {
            VarOp::Set(v, _) | VarOp::Add(v, _) => v,
        }
    }
}

impl Scenario {
    /// Catalogue ids this scenario can expose: the traps its nodes are
    /// designed for, those its choices and rules name, and `over-time`
    /// when any question leaves the clock running past zero.
    pub fn exposed_traps(&self) -> std::collections::BTreeSet<&str> {
        let mut out: std::collections::BTreeSet<&str> = self.nodes.iter().flat_map(Node::exposed_traps).collect();
        // A rule may reach a trap through a named condition.
        for def in self.conditions.values() {
            def.walk(&mut |c| {
                if let Cond::Trap(t) = c {
                    out.insert(t.as_str());
                }
            });
        }
        out
    }
}

impl Node {
    /// Catalogue ids this one node can expose: its `traps`, its options'
    /// traps, the `Trap(...)` conditions of its rules, and `over-time` when
    /// it is a question that leaves the clock running past zero.
    pub fn exposed_traps(&self) -> std::collections::BTreeSet<&str> {
        let mut out: std::collections::BTreeSet<&str> = self.traps.iter().map(String::as_str).collect();
        match &self.answer {
            Answer::Choice { options } => out.extend(options.iter().filter_map(|o| o.trap.as_deref())),
            Answer::FreeText { rules, .. } => {
                for r in rules {
                    r.when.walk(&mut |c| {
                        if let Cond::Trap(t) = c {
                            out.insert(t.as_str());
                        }
                    });
                }
            }
            _ => {}
        }
        if !self.is_end() && self.on_timeout == Timeout::Overtime {
            out.insert("over-time");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_ratio_takes_values_within_the_factor_either_way_and_of_the_same_sign() {
        let p = Partial::Ratio(2.0);
        for v in [50.0, 100.0, 150.0, 200.0, 199.9999] {
            assert!(p.accepts(100.0, v), "{v}");
        }
        for v in [49.9, 200.1, -100.0, 0.0, f64::NAN, f64::INFINITY] {
            assert!(!p.accepts(100.0, v), "{v}");
        }
        assert!(p.accepts(-10.0, -15.0) && !p.accepts(-10.0, 15.0));
        assert!(!p.accepts(0.0, 0.0), "no ratio of zero");
        assert!(!Partial::Ratio(0.5).accepts(100.0, 100.0) && !Partial::Ratio(f64::NAN).accepts(1.0, 1.0));
    }
}
