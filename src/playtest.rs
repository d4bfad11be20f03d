//! Headless play: a scripted candidate answers a scenario through the same
//! `session::update` the terminal uses. The script is a RON map from node
//! id to the answers given on each visit:
//!
//! ```ron
//! {
//!     "start": [Text(text: "I cut unit cost from ¥3.1 to ¥2.2...", after_s: 45)],
//!     "pick": [Choice(pick: 3)],            // or Label(label: "Sell a monthly commitment")
//!     "quiz": [Number(value: 22.2)],
//!     "pitch": [Spoken(points: [1, 2, 4])],
//!     "slow": [Timeout],
//! }
//! ```

pub mod check;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::i18n::Lang;
use crate::scenario::Answer;
use crate::session::{Compiled, Event, EventKind, Pace, State, Target, update};
use crate::tr;

/// One scripted answer. `after_s` is how long the candidate takes
/// (default: 20 s, or half the limit if that is shorter).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Step {
    Text {
        text: String,
        #[serde(default)]
        after_s: Option<f64>,
    },
    /// Option number, 1-based.
    Choice {
        pick: usize,
        #[serde(default)]
        after_s: Option<f64>,
    },
    /// Option by its label (case-insensitive; a unique prefix is enough).
    Label {
        label: String,
        #[serde(default)]
        after_s: Option<f64>,
    },
    Number {
        value: f64,
        #[serde(default)]
        after_s: Option<f64>,
    },
    /// Talking points covered, 1-based, and optionally what was said.
    Spoken {
        points: Vec<usize>,
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        after_s: Option<f64>,
    },
    /// Submit nothing.
    Pass {
        #[serde(default)]
        after_s: Option<f64>,
    },
    /// Let the time run out without answering.
    Timeout,
}

/// The whole script.
pub type Script = BTreeMap<String, Vec<Step>>;

/// Why a playtest stopped short.
#[derive(Debug, thiserror::Error)]
pub enum PlaytestError {
    #[error("{path}:{line}:{col}: {message}")]
    Parse { path: String, line: usize, col: usize, message: String },
    #[error("no answer for node \"{node}\" (visit {visit}); add one to the answers file")]
    Missing { node: String, visit: u32 },
    #[error("node \"{node}\": {message}")]
    Invalid { node: String, message: String },
    #[error("the session did not finish after {0} steps; is there a loop in the answers?")]
    Runaway(usize),
    #[error("the answers file names nodes the scenario does not have: {0}")]
    UnknownNodes(String),
}

impl PlaytestError {
    /// The error for a reader of `lang`; `Display` is the English one.
    /// Texts carried inside (`Parse`, `Invalid`) are already in the
    /// language they were made in (see [`parse_in`], [`play_logged_in`]).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            _ if lang == Lang::En => self.to_string(),
            PlaytestError::Parse { .. } => self.to_string(),
            PlaytestError::Missing { node, visit } => {
                tr!(lang, "playtest-missing", node = node.as_str(), visit = visit.to_string())
            }
            PlaytestError::Invalid { node, message } => {
                tr!(lang, "playtest-invalid", node = node.as_str(), message = message.as_str())
            }
            PlaytestError::Runaway(steps) => tr!(lang, "playtest-runaway", steps = steps.to_string()),
            PlaytestError::UnknownNodes(ids) => tr!(lang, "playtest-unknown-nodes", ids = ids.as_str()),
        }
    }
}

/// Parses an answers file (errors in English).
pub fn parse(path: &str, src: &str) -> Result<Script, PlaytestError> {
    parse_in(Lang::En, path, src)
}

/// [`parse`] with the error's words in `lang`.
pub fn parse_in(lang: Lang, path: &str, src: &str) -> Result<Script, PlaytestError> {
    crate::scenario::load::ron_options().from_str(src).map_err(|e: ron::error::SpannedError| PlaytestError::Parse {
        path: path.to_string(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: teach(lang, &crate::text::one_line(&e.code.to_string())),
    })
}

/// Every kind of answer, as an answers file writes it, in `lang`.
pub fn step_forms(lang: Lang) -> String {
    tr!(lang, "answers-step-forms")
}

/// The parser's words, with what an answers file expects: a bare value
/// such as `Choice(1)` reads to RON as a field name (and it suggests a
/// "raw identifier"), and a misspelt kind names Rust's variant list.
fn teach(lang: Lang, message: &str) -> String {
    if message.contains("raw identifier") {
        let found = message.split('"').nth(1).unwrap_or("this");
        tr!(lang, "answers-raw-identifier", found = found, forms = step_forms(lang))
    } else if message.contains("variant") || message.contains("Expected") || message.contains("expected") {
        tr!(lang, "answers-ron-error", message = message, forms = step_forms(lang))
    } else {
        message.to_string()
    }
}

/// Plays `script` through a new session; returns the finished state.
pub fn play(compiled: Arc<Compiled>, seed: u64, script: &Script) -> Result<State, PlaytestError> {
    play_logged(compiled, seed, script).map(|(s, _)| s)
}

/// Like [`play`], also returning every event fed to the session, in
/// order: what a recording of this run holds.
pub fn play_logged(compiled: Arc<Compiled>, seed: u64, script: &Script) -> Result<(State, Vec<Event>), PlaytestError> {
    play_logged_in(Lang::En, compiled, seed, script)
}

/// [`play_logged`] with the reasons an answer does not fit in `lang`.
pub fn play_logged_in(
    lang: Lang,
    compiled: Arc<Compiled>,
    seed: u64,
    script: &Script,
) -> Result<(State, Vec<Event>), PlaytestError> {
    let unknown: Vec<&str> = script.keys().map(String::as_str).filter(|id| compiled.node_index(id).is_none()).collect();
    if !unknown.is_empty() {
        return Err(PlaytestError::UnknownNodes(unknown.join(", ")));
    }
    let mut d = Driver { lang, s: State::new(compiled, seed, Pace::Real), log: Vec::new() };
    d.send(0, EventKind::Start);
    let mut t: u64 = 0;
    let mut steps = 0;
    while !d.s.is_finished() {
        steps += 1;
        if steps > 10_000 {
            return Err(PlaytestError::Runaway(steps));
        }
        let node = d.s.current().id.clone();
        let visit = d.s.visits[d.s.node];
        let step = script.get(&node).and_then(|v| v.get(visit as usize - 1)).cloned();
        let step = step.ok_or(PlaytestError::Missing { node: node.clone(), visit })?;
        t = d.answer(&step, t).map_err(|message| PlaytestError::Invalid { node, message })?;
    }
    Ok((d.s, d.log))
}

/// The session being played, and the events fed to it.
struct Driver {
    /// The language of the reasons an answer does not fit.
    lang: Lang,
    s: State,
    log: Vec<Event>,
}

impl Driver {
    fn send(&mut self, at: u64, kind: EventKind) {
        let e = Event::new(at, kind);
        if e.kind != EventKind::Tick {
            self.log.push(e.clone());
        }
        update(&mut self.s, e);
    }

    /// Gives one answer starting at monotonic time `t`; returns the time after.
    fn answer(&mut self, step: &Step, t: u64) -> Result<u64, String> {
        let after = |a: &Option<f64>, s: &State| -> u64 {
            let default = s.limit_ms().map_or(20_000, |l| (l / 2).min(20_000));
            a.map_or(default, |x| (x.max(0.0) * 1000.0) as u64)
        };
        let type_at = t + 500;
        let end = match step {
            Step::Timeout => {
                let left = self.s.remaining_ms().ok_or_else(|| tr!(self.lang, "playtest-timeout-untimed"))?;
                let at = t + left.max(0) as u64 + 1;
                // A tick is not an input: a replay settles the timeout at the
                // next event, so log the moment as a pass when it stays open.
                update(&mut self.s, Event::new(at, EventKind::Tick));
                if self.s.overtime {
                    self.submit(at, &[]);
                }
                return Ok(at);
            }
            Step::Text { text, after_s } => {
                self.send(type_at, EventKind::Paste(Target::Answer, text.clone()));
                t + after(after_s, &self.s)
            }
            Step::Number { value, after_s } => {
                self.send(type_at, EventKind::Paste(Target::Answer, value.to_string()));
                t + after(after_s, &self.s)
            }
            Step::Choice { pick, after_s } => {
                let n = options(self.lang, &self.s)?;
                if *pick == 0 || *pick > n {
                    return Err(tr!(self.lang, "playtest-bad-pick", pick = pick.to_string(), n = n.to_string()));
                }
                self.send(type_at, EventKind::Select(pick - 1));
                t + after(after_s, &self.s)
            }
            Step::Label { label, after_s } => {
                let i = option_by_label(self.lang, &self.s, label)?;
                self.send(type_at, EventKind::Select(i));
                t + after(after_s, &self.s)
            }
            Step::Spoken { points, text, after_s } => {
                let n = self.s.ticked.len();
                if let Some(p) = points.iter().find(|&&p| p == 0 || p > n) {
                    return Err(tr!(self.lang, "playtest-bad-point", p = p.to_string(), n = n.to_string()));
                }
                if let Some(text) = text {
                    self.send(type_at, EventKind::Paste(Target::Answer, text.clone()));
                }
                t + after(after_s, &self.s)
            }
            Step::Pass { after_s } => t + after(after_s, &self.s),
        };
        let end = end.max(type_at + 1);
        // Took longer than a question that moves on at its timeout: the time
        // ran out first (what was typed is kept), so there is nothing to submit.
        let before = (self.s.node, self.s.turns.len());
        update(&mut self.s, Event::new(end, EventKind::Tick));
        if (self.s.node, self.s.turns.len()) != before || self.s.is_finished() {
            return Ok(end);
        }
        let points = match step {
            Step::Spoken { points, .. } => points.as_slice(),
            _ => &[],
        };
        self.submit(end, points);
        if self.s.numeric_error.is_some() {
            return Err(tr!(self.lang, "playtest-number-rejected"));
        }
        Ok(end)
    }
}

impl Driver {
    /// Submits the answer at `at` as the terminal does: a Spoken answer is
    /// marked done first, then `points` (1-based, checked) are ticked in its
    /// rating step, and the submit confirms them.
    fn submit(&mut self, at: u64, points: &[usize]) {
        if self.s.is_spoken() {
            self.send(at, EventKind::Done);
            for &p in points {
                self.send(at, EventKind::Toggle(p - 1));
            }
        }
        self.send(at, EventKind::Submit);
    }
}

/// Gives one scripted answer to the current question of running session
/// `s` at monotonic time `t`; returns the session after it and the time.
/// The step [`play`] takes, for callers that drive a session themselves:
/// the all-paths playtest (`crate::coach::explore`) branches at every
/// question.
pub fn step(s: State, step: &Step, t: u64) -> Result<(State, u64), String> {
    let mut d = Driver { lang: Lang::En, s, log: Vec::new() };
    let t = d.answer(step, t)?;
    Ok((d.s, t))
}

fn options(lang: Lang, s: &State) -> Result<usize, String> {
    match &s.current().answer {
        Answer::Choice { options } => Ok(options.len()),
        _ => Err(tr!(lang, "playtest-not-a-choice")),
    }
}

fn option_by_label(lang: Lang, s: &State, label: &str) -> Result<usize, String> {
    let Answer::Choice { options } = &s.current().answer else {
        return Err(tr!(lang, "playtest-not-a-choice"));
    };
    label_index(lang, options, label)
}

/// The option a `Label` answer picks: the exact label (ignoring case), or
/// the only one it is a prefix of.
pub(crate) fn label_index(lang: Lang, options: &[crate::scenario::ChoiceOption], label: &str) -> Result<usize, String> {
    let want = label.to_lowercase();
    let exact = options.iter().position(|o| o.label.to_lowercase() == want);
    let prefix: Vec<usize> =
        options.iter().enumerate().filter(|(_, o)| o.label.to_lowercase().starts_with(&want)).map(|(i, _)| i).collect();
    match (exact, prefix.as_slice()) {
        (Some(i), _) => Ok(i),
        (None, [i]) => Ok(*i),
        (None, []) => Err(tr!(lang, "playtest-no-label", label = label)),
        (None, _) => Err(tr!(lang, "playtest-label-ambiguous", label = label)),
    }
}
