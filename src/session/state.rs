//! The whole state of one interview session. Everything here is data: the
//! views read it, [`super::update`] changes it, and a recording rebuilds it.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::editor::{Editor, Keymap};

use super::compiled::Compiled;
use super::pace::Pace;
use crate::assess::Finding;
use crate::scenario::graph::EdgeKind;
use crate::scenario::{Answer, Node};

/// Where the session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for the candidate to start the clock.
    Ready,
    Running,
    /// Clock frozen and question hidden since this monotonic time.
    Paused {
        since: u64,
    },
    Finished(Ending),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// An end node was reached.
    Completed,
    /// The session-wide limit ran out.
    SessionTimeout,
    /// The candidate quit.
    Quit,
}

/// How one question was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Submitted,
    /// The question's time ran out and it moved on.
    TimedOut,
    /// The session's time ran out during this question.
    SessionOver,
    /// The candidate quit during this question.
    Quit,
}

/// What the candidate gave as an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// Nothing: an empty submit, or time ran out on an empty answer.
    Pass,
    Text(String),
    Choice(usize),
    /// A number: as typed, and the value understood in the question's unit
    /// (`165000 元` is 16.5 for a question in 万元).
    Number {
        raw: String,
        value: f64,
    },
    /// A number field holding something that is not a number.
    NotANumber(String),
    /// Talking points ticked (0-based), and any text typed alongside.
    Points {
        ticked: Vec<usize>,
        text: String,
    },
}

/// One question asked and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub node: usize,
    /// Which wording was asked (0 is `prompt`, then `variants`).
    pub variant: usize,
    /// Session time (ms, pauses excluded) when it was asked and left.
    pub asked_ms: u64,
    pub left_ms: u64,
    /// The question's limit under the session's pace.
    pub limit_ms: Option<u64>,
    /// The wording asked, placeholders filled as they were then.
    pub prompt: String,
    pub given: Given,
    pub exit: Exit,
    /// Where it led, and by which edge.
    pub next: Option<usize>,
    pub edge: Option<EdgeKind>,
    /// For Numeric questions: within tolerance?
    pub correct: Option<bool>,
    /// A wrong Numeric answer within the question's `partial` band: half
    /// credit in the debrief.
    pub close: bool,
    /// Traps the answer fell into, with the words that did it.
    pub traps: Vec<Finding>,
}

impl Turn {
    pub fn spent_ms(&self) -> u64 {
        self.left_ms.saturating_sub(self.asked_ms)
    }

    pub fn over_time(&self) -> bool {
        self.limit_ms.is_some_and(|l| self.spent_ms() > l)
    }
}

/// The session. Cloning it is cheap enough to keep snapshots for replay.
#[derive(Clone)]
pub struct State {
    pub compiled: Arc<Compiled>,
    pub seed: u64,
    pub pace: Pace,
    pub phase: Phase,
    /// Monotonic time of the `Start` event.
    pub(super) started_at: Option<u64>,
    /// Total paused time so far, in ms.
    pub(super) paused_total: u64,
    /// Session time when it finished.
    pub(super) finished_ms: Option<u64>,
    /// `Goto` timeouts in a row with no input from the candidate (see
    /// [`super::update`]'s `MAX_IDLE_TIMEOUTS`).
    pub(super) idle_timeouts: u32,
    /// The session limit ran out and sent the interview to its wrap-up
    /// question (a non-End `on_session_timeout`): the limit no longer
    /// applies, and the next question after the wrap-up ends the session
    /// (an End node is still entered, for its remarks).
    pub wrapping_up: bool,
    /// The latest event time seen, so views can show the clock without
    /// reading one.
    pub last_at: u64,
    /// The current node and the wording drawn for it.
    pub node: usize,
    pub variant: usize,
    /// That wording with its placeholders filled as they stood when the
    /// question was asked (see [`crate::scenario::template`]).
    pub(super) prompt_text: String,
    /// Session time when the current question was asked.
    pub asked_ms: u64,
    /// The current question's time ran out and it stays open.
    pub overtime: bool,
    pub answer: Editor,
    /// The last insertion into the answer was cut short or refused at
    /// [`MAX_ANSWER_BYTES`]; the view says so.
    pub answer_clipped: bool,
    pub notes: Editor,
    /// Choice cursor.
    pub selected: usize,
    /// Spoken talking points ticked so far.
    pub ticked: Vec<bool>,
    /// Session time at which the current Spoken answer was marked done
    /// ([`EventKind::Done`](super::EventKind::Done)): while set, the
    /// question is in its rating step. The talking points stay hidden until
    /// then, so the candidate answers from what they know, not from the
    /// checklist; the question's clock stops here, and its turn ends here.
    pub done_ms: Option<u64>,
    /// Why the number field's text is not a number, after a submit.
    pub numeric_error: Option<super::numeric::NumberError>,
    /// How typed numbers are read: the newest way, or the way of the
    /// session format being folded, so its replay is what happened.
    pub numbers: super::numeric::Reading,
    /// A Choice question's options in the order shown: `order[k]` is the
    /// index (as the scenario lists them) of the option shown k-th.
    /// `selected` and the recorded `Select` events hold scenario indices.
    pub order: Vec<usize>,
    /// Options are shown in a seeded order (session format 4 on); a replay
    /// of an older recording shows them as they were, in the file's order.
    pub shuffle: bool,
    pub vars: BTreeMap<String, i64>,
    /// Times each node (by index) has been entered.
    pub visits: Vec<u32>,
    pub turns: Vec<Turn>,
}

/// The most one answer may hold, in bytes of UTF-8 (16 KiB: about 2,700
/// English words or 5,400 Chinese characters, far more than a spoken
/// answer of twenty minutes). Every answer is assessed on submit, inside
/// `update`, on the UI thread; assessment is linear but runs every rule
/// of the catalogue, about half a millisecond per KB, so this bound keeps
/// a submit within a frame however much is pasted. The bound is in the
/// core, so a replay cuts a paste exactly where the live session did.
pub const MAX_ANSWER_BYTES: usize = 16 * 1024;

impl State {
    /// A session at the ready screen: nothing asked, clock not started.
    pub fn new(compiled: Arc<Compiled>, seed: u64, pace: Pace) -> State {
        let n = compiled.scenario.nodes.len();
        let start = compiled.start;
        let mut s = State {
            compiled,
            seed,
            pace,
            phase: Phase::Ready,
            started_at: None,
            paused_total: 0,
            finished_ms: None,
            idle_timeouts: 0,
            wrapping_up: false,
            last_at: 0,
            node: start,
            variant: 0,
            prompt_text: String::new(),
            asked_ms: 0,
            overtime: false,
            answer: Editor::new(Keymap::Readline),
            answer_clipped: false,
            notes: Editor::new(Keymap::Readline),
            selected: 0,
            ticked: Vec::new(),
            done_ms: None,
            numeric_error: None,
            numbers: super::numeric::Reading::default(),
            order: Vec::new(),
            shuffle: true,
            vars: BTreeMap::new(),
            visits: vec![0; n],
            turns: Vec::new(),
        };
        s.prompt_text = s.render_prompt();
        s
    }

    pub fn current(&self) -> &Node {
        &self.compiled.scenario.nodes[self.node]
    }

    /// The wording asked for the current question, placeholders filled.
    pub fn prompt(&self) -> &str {
        &self.prompt_text
    }

    /// The wording drawn for the current question, as written.
    fn wording(&self) -> &str {
        let node = self.current();
        match self.variant {
            0 => &node.prompt,
            i => node.variants.get(i - 1).map_or(&node.prompt, |v| v.as_str()),
        }
    }

    /// The current wording with `{var}` and `{answer:node}` filled from
    /// the session as it stands: done once, when the question is asked.
    pub(super) fn render_prompt(&self) -> String {
        let var = |name: &str| self.vars.get(name).copied().unwrap_or(0);
        let answer = |node: &str| {
            let i = self.compiled.node_index(node)?;
            self.turns.iter().rev().find(|t| t.node == i).map(|t| self.given_text(t))
        };
        crate::scenario::template::render(self.wording(), &var, &answer)
    }

    /// What the candidate gave on `turn`, as plain text: the words, the
    /// number as typed, the option's label, or the talking points ticked.
    pub fn given_text(&self, turn: &Turn) -> String {
        let node = &self.compiled.scenario.nodes[turn.node];
        match &turn.given {
            Given::Pass => String::new(),
            Given::Text(t) | Given::NotANumber(t) | Given::Number { raw: t, .. } => t.clone(),
            Given::Choice(i) => match &node.answer {
                Answer::Choice { options } => options.get(*i).map(|o| o.label.clone()).unwrap_or_default(),
                _ => String::new(),
            },
            Given::Points { ticked, text } if text.trim().is_empty() => {
                ticked.iter().filter_map(|&i| node.talking_points.get(i).cloned()).collect::<Vec<_>>().join("; ")
            }
            Given::Points { text, .. } => text.clone(),
        }
    }

    /// Session time at monotonic time `at`: since Start, pauses excluded.
    pub fn session_ms(&self, at: u64) -> u64 {
        if let Some(done) = self.finished_ms {
            return done;
        }
        let Some(start) = self.started_at else {
            return 0;
        };
        let until = match self.phase {
            Phase::Paused { since } => since,
            _ => at,
        };
        until.saturating_sub(start).saturating_sub(self.paused_total)
    }

    /// Session time now, as far as the last event knows.
    pub fn elapsed_ms(&self) -> u64 {
        self.session_ms(self.last_at)
    }

    /// The current question's limit under this pace.
    pub fn limit_ms(&self) -> Option<u64> {
        self.current().limit_s.and_then(|s| self.pace.scale(s))
    }

    /// What the interviewer has interjected on the current question, if
    /// its clock has come down to the node's `interject` time: from then
    /// until the question is left.
    pub fn interjection(&self) -> Option<&str> {
        let i = self.current().interject.as_ref().filter(|_| !self.current().is_end())?;
        let spent = self.question_clock_ms().saturating_sub(self.asked_ms);
        let started = matches!(self.phase, Phase::Running | Phase::Paused { .. });
        (started && i.due(self.limit_ms()?, spent)).then_some(i.text.as_str())
    }

    /// Time left on the current question (negative: overtime), if timed.
    pub fn remaining_ms(&self) -> Option<i64> {
        let limit = self.limit_ms()?;
        let spent = self.question_clock_ms().saturating_sub(self.asked_ms);
        let signed = |ms: u64| i64::try_from(ms).unwrap_or(i64::MAX);
        Some(signed(limit).saturating_sub(signed(spent)))
    }

    /// The session-wide limit under this pace.
    pub fn session_limit_ms(&self) -> Option<u64> {
        self.compiled.scenario.session_limit_s.and_then(|s| self.pace.scale(s))
    }

    /// The session limit, while it can still fire: not once it has sent
    /// the interview to its wrap-up question.
    pub fn session_deadline(&self) -> Option<u64> {
        self.session_limit_ms().filter(|_| !self.wrapping_up)
    }

    pub fn is_finished(&self) -> bool {
        matches!(self.phase, Phase::Finished(_))
    }

    /// Questions asked so far, counting the current one.
    pub fn question_number(&self) -> usize {
        self.turns.len() + usize::from(!self.current().is_end())
    }

    /// Roughly how many questions the whole session will have.
    pub fn questions_estimate(&self) -> usize {
        self.turns.len() + self.compiled.questions_to_end(self.node) as usize
    }

    /// Reads keys the way `keymap` does from now on (a recording's format
    /// decides what its keys meant). Both boxes start empty: call it
    /// before anything is typed.
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.answer = Editor::new(keymap);
        self.notes = Editor::new(keymap);
    }

    /// The answer text as typed.
    pub fn answer_text(&self) -> String {
        self.answer.text()
    }

    /// Bytes in the answer's text, without building it.
    pub fn answer_bytes(&self) -> usize {
        self.answer.bytes()
    }

    pub fn notes_text(&self) -> String {
        self.notes.text()
    }

    /// Talking points of the current question, for Spoken answers.
    pub fn is_spoken(&self) -> bool {
        matches!(self.current().answer, Answer::Spoken { .. })
    }

    /// The current Spoken answer is done and its talking points are being
    /// rated ("which of these did you cover?").
    pub fn rating(&self) -> bool {
        self.done_ms.is_some()
    }

    /// Session time on the current question's clock: it stops when a
    /// Spoken answer is marked done, so rating costs the question nothing.
    fn question_clock_ms(&self) -> u64 {
        self.done_ms.unwrap_or_else(|| self.elapsed_ms())
    }
}

impl State {
    /// The monotonic time at which the session clock reads `session_ms`,
    /// while it runs: how the runtime knows when to wake next.
    pub fn monotonic_at(&self, session_ms: u64) -> Option<u64> {
        match (self.phase, self.started_at) {
            // Saturating: a crafted file can put times anywhere in `u64`.
            (Phase::Running, Some(start)) => Some(start.saturating_add(self.paused_total).saturating_add(session_ms)),
            _ => None,
        }
    }

    /// The monotonic time of the next deadline (a question's timeout or the
    /// session limit), if the clock runs and one is pending.
    pub fn next_deadline(&self) -> Option<u64> {
        [self.question_deadline(), self.session_deadline()]
            .into_iter()
            .flatten()
            .min()
            .and_then(|ms| self.monotonic_at(ms))
    }

    /// Session time at which the current question runs out, if it still can
    /// (not once it has gone over time, not on an end node, not untimed).
    pub fn question_deadline(&self) -> Option<u64> {
        if self.overtime || self.rating() || self.current().is_end() {
            return None;
        }
        Some(self.asked_ms.saturating_add(self.limit_ms()?))
    }

    /// The next session time at which anything on screen or any deadline
    /// changes: a second boundary of the elapsed clock or of the question's
    /// countdown, or the session limit. `None` when the clock is stopped.
    pub fn next_change(&self) -> Option<u64> {
        if self.phase != Phase::Running {
            return None;
        }
        let now = self.elapsed_ms();
        let next_second = (now / 1000 + 1).saturating_mul(1000);
        let countdown = self.limit_ms().filter(|_| !self.rating()).map(|limit| {
            // Boundaries fall at asked + limit - k*1000 (and keep going past zero).
            let phase = self.asked_ms.saturating_add(limit) % 1000;
            let base = (now - now % 1000).saturating_add(phase);
            if base > now { base } else { base.saturating_add(1000) }
        });
        let session_end = self.session_deadline().filter(|&l| l > now);
        [Some(next_second), countdown, session_end].into_iter().flatten().min()
    }
}

/// What rule conditions see of a session: its variables, visit counts and
/// the catalogue's traps scoped to the current question's competencies.
impl crate::rules::Env for State {
    fn var(&self, name: &str) -> i64 {
        self.vars.get(name).copied().unwrap_or(0)
    }
    fn visits(&self, node: &str) -> u32 {
        self.compiled.node_index(node).and_then(|i| self.visits.get(i).copied()).unwrap_or(0)
    }
    fn trap(&self, id: &str, answer: &crate::rules::Answer) -> Option<crate::rules::Evidence> {
        self.compiled.detector().check(id, answer, &self.current().competencies, self)
    }
}
