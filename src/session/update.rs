//! The session's only logic: `update(state, event)`. First every deadline
//! due by the event's time is settled (question timeouts, the session
//! limit), each at the exact time it fell due; then the event is handled.
//! So the outcome depends only on the events and their times, never on
//! when a tick happened to arrive.

use super::draw;
use super::editor::Editor;
use super::event::{Event, EventKind, KeyCode, Target};
use super::numeric::{judge, read_as};
use super::state::{Ending, Exit, Given, MAX_ANSWER_BYTES, Phase, State, Turn};
use crate::assess::Finding;
use crate::rules;
use crate::scenario::graph::EdgeKind;
use crate::scenario::{Answer, Timeout, Transition, VarOp};

/// What the runtime should do after an update. The core does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A new question was asked: a good moment to make the record durable.
    Asked(usize),
    /// The session is over.
    Finished,
}

/// How many questions in a row may time out into another (`Goto`) with no
/// input at all before the session is over, as if its time had run out.
/// Timeouts can form a cycle, and then time alone would walk it forever:
/// one turn per limit, so a candidate gone for a week (or a session file
/// with a 10^13 ms gap) meant millions of turns, or a loop that never
/// ends. Counting in the state, not per event, keeps a replay that ticks
/// rarely in step with a live session that ticks every second.
pub const MAX_IDLE_TIMEOUTS: u32 = 100;

/// Applies one event to the session.
pub fn update(state: &mut State, event: Event) -> Vec<Effect> {
    let mut fx = Vec::new();
    state.last_at = state.last_at.max(event.at_ms);
    settle(state, event.at_ms, &mut fx);
    // Anything but the clock is the candidate doing something, after the
    // timeouts that fell due before it.
    if event.kind != EventKind::Tick {
        state.idle_timeouts = 0;
    }
    handle(state, event, &mut fx);
    fx
}

/// Fires every deadline due by monotonic time `at`, earliest first.
fn settle(s: &mut State, at: u64, fx: &mut Vec<Effect>) {
    while s.phase == Phase::Running {
        let now = s.session_ms(at);
        let node_due = s.question_deadline().filter(|&d| d <= now);
        let session_due = s.session_deadline().filter(|&d| d <= now);
        match (node_due, session_due) {
            // Finishes the session, or asks the wrap-up question, whose own
            // deadline may fall due by `at` as well.
            (_, Some(end)) if node_due.is_none_or(|n| end <= n) => session_over(s, end, fx),
            (Some(due), _) => question_timeout(s, due, fx),
            _ => return,
        }
    }
}

fn question_timeout(s: &mut State, due: u64, fx: &mut Vec<Effect>) {
    match s.current().on_timeout.clone() {
        Timeout::Overtime => s.overtime = true,
        Timeout::Goto(_) if s.idle_timeouts >= MAX_IDLE_TIMEOUTS => session_over(s, due, fx),
        Timeout::Goto(to) => {
            s.idle_timeouts += 1;
            let next = s.compiled.node_index(&to);
            leave(s, due, Exit::TimedOut, next, Some(EdgeKind::Timeout), fx);
        }
    }
}

fn session_over(s: &mut State, at: u64, fx: &mut Vec<Effect>) {
    let next = s.compiled.scenario.on_session_timeout.as_deref().and_then(|id| s.compiled.node_index(id));
    // A question named by `on_session_timeout` is the wrap-up: asked once,
    // with its own limit, and then the session ends.
    if let Some(wrap) = next.filter(|&i| !s.wrapping_up && !s.compiled.scenario.nodes[i].is_end()) {
        leave(s, at, Exit::SessionOver, Some(wrap), None, fx);
        s.wrapping_up = true;
        return;
    }
    leave(s, at, Exit::SessionOver, next, None, fx);
    if !s.is_finished() {
        finish(s, at, Ending::SessionTimeout, fx);
    }
}

fn handle(s: &mut State, event: Event, fx: &mut Vec<Effect>) {
    let at = event.at_ms;
    match (s.phase, event.kind) {
        (Phase::Ready, EventKind::Start) => {
            s.started_at = Some(at);
            s.phase = Phase::Running;
            enter(s, s.compiled.start, 0, fx);
        }
        (Phase::Ready | Phase::Running | Phase::Paused { .. }, EventKind::Quit) => {
            let now = s.session_ms(at);
            if s.phase != Phase::Ready && !s.current().is_end() {
                let given = partial(s);
                record(
                    s,
                    Leaving {
                        at: now,
                        given,
                        exit: Exit::Quit,
                        next: None,
                        edge: None,
                        correct: None,
                        close: false,
                        traps: Vec::new(),
                    },
                );
            }
            finish(s, now, Ending::Quit, fx);
        }
        (Phase::Running, EventKind::Pause) => s.phase = Phase::Paused { since: at },
        (Phase::Finished(Ending::Quit), EventKind::Reopen) if s.started_at.is_some() => {
            if s.turns.last().is_some_and(|t| t.exit == Exit::Quit) {
                s.turns.pop();
            }
            // Session time stands where it was left; the gap is a pause.
            let left = s.finished_ms.take().unwrap_or(0);
            let start = s.started_at.unwrap_or(0);
            s.paused_total = at.saturating_sub(start).saturating_sub(left);
            s.phase = Phase::Paused { since: at };
        }
        (Phase::Paused { since }, EventKind::Resume) => {
            s.paused_total = s.paused_total.saturating_add(at.saturating_sub(since));
            s.phase = Phase::Running;
        }
        // A control character typed as a key (only a crafted file can) would
        // reach the screen raw: ignore it.
        (Phase::Running, EventKind::Key(_, key)) if matches!(key.code, KeyCode::Char(c) if crate::text::is_hazard(c)) =>
            {}
        // A Spoken answer marked done is final: only its rating is left.
        (Phase::Running, EventKind::Key(Target::Answer, _) | EventKind::Paste(Target::Answer, _)) if s.rating() => {}
        (Phase::Running, EventKind::Key(Target::Answer, key)) => answer_key(s, key),
        (Phase::Running, EventKind::Key(target, key)) => edit(s, target, |t| t.key(key)),
        (Phase::Running, EventKind::Paste(target, text)) => {
            // Terminals send `\r` line ends in pastes; and no pasted control
            // character may reach the screen raw.
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let mut text = crate::text::escape_controls(&text).into_owned();
            if target == Target::Answer {
                let room = MAX_ANSWER_BYTES.saturating_sub(s.answer_bytes());
                s.answer_clipped = text.len() > room;
                text.truncate(floor_char_boundary(&text, room));
            }
            edit(s, target, |t| t.insert_str(&text));
        }
        (Phase::Running, EventKind::Select(i)) => {
            if let Answer::Choice { options } = &s.current().answer
                && i < options.len()
            {
                s.selected = i;
            }
        }
        (Phase::Running, EventKind::Toggle(i)) => {
            if let Some(t) = s.ticked.get_mut(i) {
                *t = !*t;
            }
        }
        (Phase::Running, EventKind::Done) => mark_done(s, s.session_ms(at)),
        (Phase::Running, EventKind::Submit) => submit(s, s.session_ms(at), fx),
        _ => {}
    }
}

/// A key into the answer, refused when it would take the answer past
/// [`MAX_ANSWER_BYTES`]. A plain character's size is known beforehand;
/// any other key adds at most four bytes (a tab's spaces) unless it is a
/// Ctrl/Alt key (a yank can insert anything), so only near the limit, or
/// for those, is the editor saved to be put back.
fn answer_key(s: &mut State, key: super::event::Key) {
    let before = s.answer_bytes();
    if let KeyCode::Char(c) = key.code
        && !key.ctrl
        && !key.alt
        && before + c.len_utf8() > MAX_ANSWER_BYTES
    {
        s.answer_clipped = true;
        return;
    }
    let may_overflow = key.ctrl || key.alt || before + 4 > MAX_ANSWER_BYTES;
    let saved = may_overflow.then(|| s.answer.clone());
    edit(s, Target::Answer, |t| t.key(key));
    s.answer_clipped = false;
    if let Some(saved) = saved
        && s.answer_bytes() > MAX_ANSWER_BYTES.max(before)
    {
        s.answer = saved;
        s.answer_clipped = true;
    }
}

/// The largest character boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Applies an edit to the answer or the notes. Single-line answers (a
/// number) never take a line break; a Choice has no text to edit.
fn edit(s: &mut State, target: Target, f: impl FnOnce(&mut Editor)) {
    match target {
        Target::Notes => f(&mut s.notes),
        Target::Answer => match s.current().answer {
            Answer::Choice { .. } | Answer::End { .. } => {}
            Answer::Numeric { .. } => {
                f(&mut s.answer);
                if s.answer.lines().len() > 1 {
                    let joined = s.answer.lines().concat();
                    s.answer = Editor::new(s.answer.keymap());
                    s.answer.insert_str(&joined);
                }
                s.numeric_error = None;
            }
            _ => f(&mut s.answer),
        },
    }
}

/// The candidate submits the current answer.
fn submit(s: &mut State, now: u64, fx: &mut Vec<Effect>) {
    let node = s.current().clone();
    let mut close = false;
    let (given, route, correct, mut traps) = match &node.answer {
        Answer::Choice { options } => {
            let Some(opt) = options.get(s.selected) else { return };
            let traps = opt.trap.iter().map(|t| Finding { id: t.clone(), evidence: Vec::new() }).collect();
            let route = Route { next: opt.next.clone(), set: opt.set.clone(), edge: EdgeKind::Choice(s.selected) };
            (Given::Choice(s.selected), route, None, traps)
        }
        Answer::Numeric { expected, tolerance, unit, right, wrong, partial, close: close_edge, .. } => {
            let raw = s.answer_text();
            let judged = judge(&raw, unit, *expected, *tolerance, s.numbers);
            let (given, ok) = match judged {
                Ok((value, ok)) => (Given::Number { raw, value }, ok),
                Err(_) if raw.trim().is_empty() => (Given::Pass, false),
                Err(e) => {
                    s.numeric_error = Some(e);
                    return;
                }
            };
            let near = !ok
                && matches!(given, Given::Number { value, .. } if partial.is_some_and(|p| p.accepts(*expected, value)));
            let (t, edge) = match (ok, near, close_edge) {
                (true, _, _) => (right, EdgeKind::Right),
                (false, true, Some(close)) => (close, EdgeKind::Close),
                _ => (wrong, EdgeKind::Wrong),
            };
            close = near;
            (given, Route::of(t, edge), Some(ok), Vec::new())
        }
        Answer::FreeText { .. } | Answer::Spoken { .. } => {
            let (given, route, traps) = text_answer(s);
            (given, route, None, traps)
        }
        Answer::End { .. } => return,
    };
    if s.overtime {
        traps.push(Finding { id: "over-time".into(), evidence: Vec::new() });
    }
    apply(s, &route.set);
    let next = s.compiled.node_index(&route.next);
    let edge = Some(route.edge);
    record(s, Leaving { at: now, given, exit: Exit::Submitted, next, edge, correct, close, traps });
    if let Some(next) = next {
        enter(s, next, now, fx);
    }
}

/// The candidate has finished speaking: the question's clock stops and the
/// rating step begins. Only a Spoken answer has one, and only once.
fn mark_done(s: &mut State, now: u64) {
    if s.is_spoken() && !s.rating() {
        s.done_ms = Some(now);
    }
}

/// Where an answer leads and what it changes on the way.
struct Route {
    next: String,
    set: Vec<VarOp>,
    edge: EdgeKind,
}

impl Route {
    fn of(t: &Transition, edge: EdgeKind) -> Route {
        Route { next: t.next.clone(), set: t.set.clone(), edge }
    }
}

/// Routes a FreeText or Spoken answer and finds the traps in its text.
fn text_answer(s: &State) -> (Given, Route, Vec<Finding>) {
    let text = s.answer_text();
    let analysed = rules::Answer::new(&text);
    let traps = detect(s, &analysed);
    match &s.current().answer {
        Answer::Spoken { pass, next, short } => {
            let ticked: Vec<usize> = s.ticked.iter().enumerate().filter(|(_, t)| **t).map(|(i, _)| i).collect();
            let route = match short {
                Some(short) if (ticked.len() as u32) < *pass => Route::of(short, EdgeKind::Short),
                _ => Route::of(next, EdgeKind::Next),
            };
            (Given::Points { ticked, text }, route, traps)
        }
        Answer::FreeText { rules, default } => {
            let env = s;
            let hit = s.compiled.rules(s.node).iter().position(|m| m.eval(&analysed, env).is_some());
            let route = match hit {
                Some(i) => Route { next: rules[i].next.clone(), set: rules[i].set.clone(), edge: EdgeKind::Rule(i) },
                None => Route::of(default, EdgeKind::Default),
            };
            let given = if text.trim().is_empty() { Given::Pass } else { Given::Text(text) };
            (given, route, traps)
        }
        _ => unreachable_route(s),
    }
}

/// `text_answer` is only called for text kinds; keep the type total anyway.
fn unreachable_route(s: &State) -> (Given, Route, Vec<Finding>) {
    let id = s.current().id.clone();
    (Given::Pass, Route { next: id, set: Vec::new(), edge: EdgeKind::Default }, Vec::new())
}

/// Every catalogue trap the text falls into (none for an empty answer).
fn detect(s: &State, answer: &rules::Answer) -> Vec<Finding> {
    if answer.text.trim().is_empty() {
        return Vec::new();
    }
    s.compiled.detector().detect(answer, &s.current().competencies, s)
}

fn apply(s: &mut State, ops: &[VarOp]) {
    for op in ops {
        match op {
            VarOp::Set(v, n) => {
                s.vars.insert(v.clone(), *n);
            }
            VarOp::Add(v, n) => {
                let slot = s.vars.entry(v.clone()).or_insert(0);
                *slot = slot.saturating_add(*n);
            }
        }
    }
}

/// Leaves the current question without a submit (timeout, session over):
/// whatever was typed is kept and assessed, never dropped.
fn leave(s: &mut State, at: u64, exit: Exit, next: Option<usize>, edge: Option<EdgeKind>, fx: &mut Vec<Effect>) {
    let text = s.answer_text();
    let analysed = rules::Answer::new(&text);
    let traps = match s.current().answer {
        Answer::FreeText { .. } | Answer::Spoken { .. } => detect(s, &analysed),
        _ => Vec::new(),
    };
    let given = partial(s);
    record(s, Leaving { at, given, exit, next, edge, correct: None, close: false, traps });
    if let Some(next) = next {
        enter(s, next, at, fx);
    }
}

/// How the current question was left; becomes a [`Turn`].
struct Leaving {
    at: u64,
    given: Given,
    exit: Exit,
    next: Option<usize>,
    edge: Option<EdgeKind>,
    correct: Option<bool>,
    /// A wrong number within the `partial` band.
    close: bool,
    traps: Vec<Finding>,
}

/// Appends the current question's turn to the history.
fn record(s: &mut State, l: Leaving) {
    let turn = Turn {
        node: s.node,
        variant: s.variant,
        asked_ms: s.asked_ms,
        // A Spoken answer ends when it was marked done, not when rated.
        left_ms: s.done_ms.unwrap_or(l.at),
        limit_ms: s.limit_ms(),
        prompt: s.prompt_text.clone(),
        given: l.given,
        exit: l.exit,
        next: l.next,
        edge: l.edge,
        correct: l.correct,
        close: l.close,
        traps: l.traps,
    };
    s.turns.push(turn);
}

/// The answer as it stands when a question is left without a submit.
fn partial(s: &State) -> Given {
    let text = s.answer_text();
    match &s.current().answer {
        Answer::Choice { .. } => Given::Pass,
        Answer::Spoken { .. } => {
            let ticked: Vec<usize> = s.ticked.iter().enumerate().filter(|(_, t)| **t).map(|(i, _)| i).collect();
            if ticked.is_empty() && text.trim().is_empty() { Given::Pass } else { Given::Points { ticked, text } }
        }
        Answer::Numeric { unit, .. } => match read_as(&text, unit, s.numbers) {
            Ok(value) => Given::Number { raw: text, value },
            Err(_) if text.trim().is_empty() => Given::Pass,
            Err(_) => Given::NotANumber(text),
        },
        _ if text.trim().is_empty() => Given::Pass,
        _ => Given::Text(text),
    }
}

/// Asks node `next` at session time `at`; an end node finishes the session.
/// After the wrap-up question only an end node is entered: the session's
/// time is up, so any other next question ends it instead.
fn enter(s: &mut State, next: usize, at: u64, fx: &mut Vec<Effect>) {
    if s.wrapping_up && !s.compiled.scenario.nodes[next].is_end() {
        return finish(s, at, Ending::SessionTimeout, fx);
    }
    s.visits[next] += 1;
    let node = &s.compiled.scenario.nodes[next];
    s.variant = draw::variant(s.seed, &node.id, s.visits[next], 1 + node.variants.len());
    s.ticked = vec![false; node.talking_points.len()];
    s.done_ms = None;
    s.node = next;
    s.asked_ms = at;
    s.overtime = false;
    s.answer = Editor::new(s.answer.keymap());
    s.answer_clipped = false;
    s.order = match &node.answer {
        crate::scenario::Answer::Choice { options } if s.shuffle => {
            draw::order(s.seed, &node.id, s.visits[next], options.len())
        }
        crate::scenario::Answer::Choice { options } => (0..options.len()).collect(),
        _ => Vec::new(),
    };
    // The cursor starts on the option shown first.
    s.selected = s.order.first().copied().unwrap_or(0);
    s.numeric_error = None;
    s.prompt_text = s.render_prompt();
    fx.push(Effect::Asked(next));
    if s.current().is_end() {
        finish(s, at, Ending::Completed, fx);
    }
}

fn finish(s: &mut State, at: u64, ending: Ending, fx: &mut Vec<Effect>) {
    s.finished_ms = Some(at);
    s.phase = Phase::Finished(ending);
    fx.push(Effect::Finished);
}
