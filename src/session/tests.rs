//! Unit tests of the session core: every transition kind, timeouts, the
//! session limit, variables, pause, and determinism.

use std::sync::Arc;

use super::*;
use crate::scenario::graph::EdgeKind;

/// A small scenario with every answer kind and both timeout rules.
const SCENARIO: &str = include_str!("../../tests/fixtures/session-core.ron");

/// Compiled once: building the trap detector is the slow part.
static COMPILED: std::sync::LazyLock<Arc<Compiled>> = std::sync::LazyLock::new(|| {
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(SCENARIO).expect("test scenario parses");
    Compiled::new(sc, cat).expect("test scenario compiles")
});

fn compiled() -> Arc<Compiled> {
    COMPILED.clone()
}

fn started(seed: u64, pace: Pace) -> State {
    let mut s = State::new(compiled(), seed, pace);
    update(&mut s, Event::new(0, EventKind::Start));
    s
}

fn ev(s: &mut State, at: u64, kind: EventKind) -> Vec<Effect> {
    update(s, Event::new(at, kind))
}

fn type_text(s: &mut State, at: u64, text: &str) {
    ev(s, at, EventKind::Paste(Target::Answer, text.into()));
}

fn node_id(s: &State) -> &str {
    &s.current().id
}

#[test]
fn free_text_rules_first_match_wins_and_default_otherwise() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 1000, "We grew committed spend by ¥18M");
    ev(&mut s, 2000, EventKind::Submit);
    assert_eq!(node_id(&s), "pick");
    assert_eq!(s.turns[0].edge, Some(EdgeKind::Rule(2)));

    let mut s = started(1, Pace::Real);
    type_text(&mut s, 1000, "No idea");
    ev(&mut s, 2000, EventKind::Submit);
    assert_eq!(node_id(&s), "quiz");
    assert_eq!(s.turns[0].edge, Some(EdgeKind::Default));
}

#[test]
fn a_second_dodge_ends_early_through_a_variable() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 1000, "Legal would handle that.");
    ev(&mut s, 2000, EventKind::Submit);
    assert_eq!((node_id(&s), s.vars.get("dodges")), ("open", Some(&1)));
    assert_eq!(s.visits[0], 2);
    type_text(&mut s, 3000, "还是交给法务吧");
    ev(&mut s, 4000, EventKind::Submit);
    assert_eq!(node_id(&s), "early");
    assert_eq!(s.phase, Phase::Finished(Ending::Completed));
}

#[test]
fn numeric_right_wrong_pass_and_not_a_number() {
    let to_quiz = |s: &mut State| {
        ev(s, 500, EventKind::Submit); // empty: a pass, default route
        assert_eq!(s.turns[0].given, Given::Pass);
    };
    let mut s = started(1, Pace::Real);
    to_quiz(&mut s);
    type_text(&mut s, 1000, "22.2%");
    ev(&mut s, 2000, EventKind::Submit);
    assert_eq!((node_id(&s), s.turns[1].correct), ("pick", Some(true)));

    let mut s = started(1, Pace::Real);
    to_quiz(&mut s);
    type_text(&mut s, 1000, "abc");
    ev(&mut s, 2000, EventKind::Submit);
    assert_eq!(node_id(&s), "quiz", "not a number stays on the question");
    assert!(s.numeric_error.is_some());
    ev(&mut s, 2100, EventKind::Key(Target::Answer, Key::plain(KeyCode::Backspace)));
    assert!(s.numeric_error.is_none(), "editing clears the message");
    s.answer = state_editor_with("30");
    ev(&mut s, 3000, EventKind::Submit);
    assert_eq!((node_id(&s), s.turns[1].correct), ("talk", Some(false)));
}

fn state_editor_with(text: &str) -> super::Editor {
    let mut t = super::Editor::new(super::Keymap::Readline);
    t.insert_str(text);
    t
}

#[test]
fn choice_marks_its_trap_and_sets_variables() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 100, "¥5M");
    ev(&mut s, 200, EventKind::Submit);
    ev(&mut s, 300, EventKind::Select(1));
    ev(&mut s, 400, EventKind::Submit);
    let turn = s.turns.last().expect("answered");
    assert_eq!(turn.given, Given::Choice(1));
    assert_eq!(turn.traps[0].id, "vague-ask");
    assert_eq!(s.vars.get("bad"), Some(&1));
    assert_eq!(node_id(&s), "talk");
}

#[test]
fn spoken_needs_enough_points() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 100, "¥5M");
    ev(&mut s, 200, EventKind::Submit);
    ev(&mut s, 300, EventKind::Submit);
    ev(&mut s, 400, EventKind::Toggle(0));
    ev(&mut s, 500, EventKind::Submit);
    assert_eq!(node_id(&s), "early");
    assert_eq!(s.turns.last().map(|t| t.edge.clone()), Some(Some(EdgeKind::Short)));
}

#[test]
fn timeout_goto_keeps_the_half_typed_answer() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 5_000, "Legal will");
    ev(&mut s, 61_000, EventKind::Tick);
    assert_eq!(node_id(&s), "quiz");
    let turn = &s.turns[0];
    assert_eq!((turn.exit, turn.left_ms), (Exit::TimedOut, 60_000));
    assert_eq!(turn.given, Given::Text("Legal will".into()));
    assert!(turn.traps.iter().any(|t| t.id == "compliance-deferred-to-legal"), "{:?}", turn.traps);
    assert_eq!(s.asked_ms, 60_000, "the next question starts at the deadline, not the tick");
}

#[test]
fn overtime_keeps_the_question_open_and_earns_the_trap() {
    let mut s = started(1, Pace::Real);
    ev(&mut s, 500, EventKind::Submit); // -> quiz (30 s, Overtime)
    ev(&mut s, 40_000, EventKind::Tick);
    assert!(s.overtime);
    assert_eq!(s.remaining_ms(), Some(30_000 - 39_500));
    type_text(&mut s, 41_000, "22.2");
    ev(&mut s, 42_000, EventKind::Submit);
    let turn = &s.turns[1];
    assert!(turn.over_time());
    assert!(turn.traps.iter().any(|t| t.id == "over-time"));
}

#[test]
fn a_late_event_settles_every_deadline_it_passed_in_order() {
    let mut s = started(1, Pace::Real);
    // No tick for 100 s: open times out at 60 s into quiz, which then runs
    // over at 90 s and stays open.
    ev(&mut s, 100_000, EventKind::Tick);
    assert_eq!(node_id(&s), "quiz");
    assert!(s.overtime);
    assert_eq!(s.turns.len(), 1);
}

#[test]
fn the_session_limit_ends_the_session() {
    let mut s = started(1, Pace::Real);
    ev(&mut s, 500, EventKind::Submit);
    ev(&mut s, 700_000, EventKind::Tick);
    assert_eq!(s.phase, Phase::Finished(Ending::SessionTimeout));
    assert_eq!(s.turns.last().map(|t| (t.exit, t.left_ms)), Some((Exit::SessionOver, 600_000)));
}

#[test]
fn pause_freezes_the_clock_and_blocks_typing() {
    let mut s = started(1, Pace::Real);
    ev(&mut s, 10_000, EventKind::Pause);
    type_text(&mut s, 20_000, "peek");
    ev(&mut s, 500_000, EventKind::Tick);
    assert_eq!((node_id(&s), s.answer_text().as_str()), ("open", ""));
    ev(&mut s, 500_000, EventKind::Resume);
    assert_eq!(s.elapsed_ms(), 10_000);
    ev(&mut s, 549_000, EventKind::Tick);
    assert_eq!(node_id(&s), "open", "59 s of session time");
    ev(&mut s, 551_000, EventKind::Tick);
    assert_eq!(node_id(&s), "quiz");
}

#[test]
fn paces_scale_the_limits() {
    let s = started(1, Pace::Pressure);
    assert_eq!(s.limit_ms(), Some(45_000));
    assert_eq!(started(1, Pace::Relaxed).limit_ms(), Some(90_000));
    let mut s = started(1, Pace::Untimed);
    ev(&mut s, 10_000_000, EventKind::Tick);
    assert_eq!((node_id(&s), s.remaining_ms()), ("open", None));
}

#[test]
fn quit_records_the_answer_in_progress() {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 1000, "half an answer");
    ev(&mut s, 2000, EventKind::Quit);
    assert_eq!(s.phase, Phase::Finished(Ending::Quit));
    assert_eq!(s.turns[0].given, Given::Text("half an answer".into()));
    assert!(ev(&mut s, 3000, EventKind::Submit).is_empty(), "a finished session ignores input");
}

#[test]
fn notes_last_the_whole_session() {
    let mut s = started(1, Pace::Real);
    ev(&mut s, 100, EventKind::Paste(Target::Notes, "数据主权 canary".into()));
    ev(&mut s, 200, EventKind::Submit);
    assert_eq!(s.notes_text(), "数据主权 canary");
}

fn script() -> Vec<Event> {
    let kinds = [
        (0, EventKind::Start),
        (1000, EventKind::Paste(Target::Answer, "Legal will".into())),
        (2000, EventKind::Submit),
        (3000, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('x')))),
        (70_000, EventKind::Tick),
        (71_000, EventKind::Paste(Target::Answer, "22.2".into())),
        (72_000, EventKind::Submit),
    ];
    kinds.into_iter().map(|(at, k)| Event::new(at, k)).collect()
}

fn run(seed: u64, events: &[Event]) -> State {
    let mut s = State::new(compiled(), seed, Pace::Real);
    for e in events {
        update(&mut s, e.clone());
    }
    s
}

#[test]
fn same_seed_and_events_give_the_same_session() {
    let a = run(42, &script());
    let b = run(42, &script());
    assert_eq!(a.turns, b.turns);
    assert_eq!((a.node, a.variant, a.vars.clone()), (b.node, b.variant, b.vars.clone()));
    let variants: std::collections::HashSet<usize> = (0..32).map(|seed| run(seed, &script()[..1]).variant).collect();
    assert_eq!(variants.len(), 3, "the seed draws among all wordings");
}

#[test]
fn ticks_never_change_the_outcome() {
    let plain = run(7, &script());
    let mut ticked = Vec::new();
    for e in script() {
        let from = ticked.last().map_or(0, |x: &Event| x.at_ms);
        ticked.extend((from..e.at_ms).step_by(333).map(|t| Event::new(t, EventKind::Tick)));
        ticked.push(e);
    }
    let with_ticks = run(7, &ticked);
    assert_eq!(plain.turns, with_ticks.turns);
    assert_eq!(plain.node, with_ticks.node);
}

/// Issue 11 item 7: a 1 MB paste then a submit pinned the UI for minutes.
/// The answer holds at most `MAX_ANSWER_BYTES`; the rest of a paste is
/// dropped, keys past the limit are refused, and the state says so.
#[test]
fn a_huge_paste_into_the_answer_is_cut_at_the_limit_and_said_so() {
    for unit in ["we did not commit to a monthly amount ", "我们没有做预付也不搞承诺 "] {
        let mut s = started(1, Pace::Real);
        type_text(&mut s, 1000, &unit.repeat(1_000_000 / unit.len()));
        assert!(s.answer_bytes() <= MAX_ANSWER_BYTES && s.answer_bytes() + 64 > MAX_ANSWER_BYTES);
        assert!(s.answer_clipped, "the view is told");
        let full = s.answer_text();
        ev(&mut s, 1100, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('x'))));
        assert_eq!(s.answer_text(), full, "keys past the limit are refused");
        ev(&mut s, 1200, EventKind::Key(Target::Answer, Key::plain(KeyCode::Backspace)));
        assert!(!s.answer_clipped, "an edit that fits clears the notice");
        ev(&mut s, 2000, EventKind::Submit);
        assert_eq!(s.turns.len(), 1);
    }
}

/// Typing up to and past the limit one key at a time stops at the limit.
#[test]
fn typing_past_the_answer_limit_is_refused_key_by_key() {
    let mut s = started(1, Pace::Untimed);
    type_text(&mut s, 1000, &"x".repeat(MAX_ANSWER_BYTES - 20));
    for c in "ab数据".chars().cycle().take(40) {
        ev(&mut s, 1000, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char(c))));
    }
    assert!(s.answer_bytes() <= MAX_ANSWER_BYTES && s.answer_bytes() > MAX_ANSWER_BYTES - 4);
    assert!(s.answer_clipped);
}

/// Arrives at `talk` (Spoken, 10 s, points "a" and "b") asked at 300 ms.
fn at_talk() -> State {
    let mut s = started(1, Pace::Real);
    type_text(&mut s, 100, "¥5M");
    ev(&mut s, 200, EventKind::Submit);
    ev(&mut s, 300, EventKind::Submit);
    assert_eq!((node_id(&s), s.asked_ms), ("talk", 300));
    s
}

/// Issue 12 item 3: the talking points were a checklist to copy while
/// answering. Now `Done` ends the answer and only then are the points
/// rated; the answer can no longer change, and `Submit` confirms.
#[test]
fn spoken_points_are_rated_only_after_the_answer_is_marked_done() {
    let mut s = at_talk();
    type_text(&mut s, 1_000, "we bill yearly");
    ev(&mut s, 2_000, EventKind::Done);
    assert!(s.rating());
    assert_eq!((node_id(&s), s.turns.len()), ("talk", 2), "rating is still the same question");
    ev(&mut s, 2_100, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('!'))));
    type_text(&mut s, 2_200, " and more");
    ev(&mut s, 2_300, EventKind::Key(Target::Notes, Key::plain(KeyCode::Char('n'))));
    assert_eq!((s.answer_text().as_str(), s.notes_text().as_str()), ("we bill yearly", "n"), "the answer is final");
    ev(&mut s, 2_400, EventKind::Done);
    ev(&mut s, 2_500, EventKind::Toggle(0));
    ev(&mut s, 2_600, EventKind::Toggle(1));
    ev(&mut s, 4_000, EventKind::Submit);
    let t = s.turns.last().expect("answered");
    assert_eq!(t.given, Given::Points { ticked: vec![0, 1], text: "we bill yearly".into() });
    assert_eq!((t.exit, t.edge.clone(), t.left_ms), (Exit::Submitted, Some(EdgeKind::Next), 2_000));
    assert_eq!(node_id(&s), "good");
    assert!(!s.rating());
}

/// The question's clock stops when the answer is marked done: rating takes
/// as long as it takes, and never times the question out or makes it late.
#[test]
fn rating_stops_the_question_clock() {
    let mut s = at_talk();
    ev(&mut s, 9_000, EventKind::Done);
    assert_eq!(s.remaining_ms(), Some(1_300));
    ev(&mut s, 60_000, EventKind::Tick);
    assert_eq!((node_id(&s), s.overtime, s.remaining_ms()), ("talk", false, Some(1_300)));
    assert_eq!(s.next_deadline(), s.monotonic_at(600_000), "only the session limit is pending");
    ev(&mut s, 61_000, EventKind::Toggle(0));
    ev(&mut s, 62_000, EventKind::Submit);
    let t = s.turns.last().expect("answered");
    assert_eq!((t.left_ms, t.over_time(), t.traps.len()), (9_000, false, 0));
    assert_eq!(t.edge, Some(EdgeKind::Short));
    assert_eq!(s.asked_ms, 62_000, "the next question starts when the rating is confirmed");
}

/// `Done` means nothing outside a Spoken question, and a quit during the
/// rating keeps what was ticked; taking the session up again goes back to
/// the rating step, not to an answer box with hidden ticks.
#[test]
fn quitting_during_rating_keeps_the_ticks_and_reopening_returns_to_rating() {
    let mut s = started(1, Pace::Real);
    ev(&mut s, 100, EventKind::Done);
    assert!(!s.rating(), "a FreeText question has no rating step");
    let mut s = at_talk();
    type_text(&mut s, 1_000, "we bill yearly");
    ev(&mut s, 2_000, EventKind::Done);
    ev(&mut s, 2_500, EventKind::Toggle(1));
    ev(&mut s, 3_000, EventKind::Quit);
    let t = s.turns.last().expect("recorded");
    assert_eq!((t.exit, t.left_ms), (Exit::Quit, 2_000));
    assert_eq!(t.given, Given::Points { ticked: vec![1], text: "we bill yearly".into() });
    ev(&mut s, 10_000, EventKind::Reopen);
    ev(&mut s, 11_000, EventKind::Resume);
    assert!(s.rating());
    assert_eq!(s.ticked, vec![false, true]);
    ev(&mut s, 12_000, EventKind::Submit);
    assert_eq!(s.turns.last().map(|t| t.exit), Some(Exit::Submitted));
}

/// `SCENARIO` with its session limit sent to `wrap`, a wrap-up question
/// whose answer leads to `next`.
fn with_wrap_up(next: &str, on_timeout: &str) -> Arc<Compiled> {
    let src = SCENARIO.replace("session_limit_s: 600,", "session_limit_s: 100, on_session_timeout: \"wrap\",").replace(
        "(id: \"good\",",
        &format!(
            "(id: \"wrap\", prompt: \"Land it.\", limit_s: 30, on_timeout: {on_timeout}, answer: FreeText(default: (next: \"{next}\"))),\n(id: \"good\","
        ),
    );
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(&src).expect("wrap-up scenario parses");
    Compiled::new(sc, cat).expect("wrap-up scenario compiles")
}

#[test]
fn the_session_limit_goes_to_the_wrap_up_question_once_and_its_answer_leads_to_the_ending() {
    let mut s = State::new(with_wrap_up("good", "Overtime"), 1, Pace::Real);
    ev(&mut s, 0, EventKind::Start);
    type_text(&mut s, 1000, "half an answer");
    ev(&mut s, 100_000, EventKind::Tick);
    assert_eq!((node_id(&s), s.phase), ("wrap", Phase::Running), "the limit asks the wrap-up, not an ending");
    assert_eq!(s.turns.last().map(|t| (t.exit, t.left_ms)), Some((Exit::SessionOver, 100_000)));
    assert_eq!(s.asked_ms, 100_000);
    assert_eq!(s.next_deadline(), Some(130_000), "its own limit applies, the session's no more");
    ev(&mut s, 200_000, EventKind::Tick);
    assert!(s.overtime && !s.is_finished(), "the session limit does not fire again");
    type_text(&mut s, 201_000, "We shipped it.");
    ev(&mut s, 202_000, EventKind::Submit);
    assert_eq!((node_id(&s), s.phase), ("good", Phase::Finished(Ending::Completed)));
}

#[test]
fn after_the_wrap_up_a_next_question_is_not_asked_and_the_session_ends() {
    let mut s = State::new(with_wrap_up("quiz", "Overtime"), 1, Pace::Real);
    ev(&mut s, 0, EventKind::Start);
    ev(&mut s, 100_000, EventKind::Tick);
    ev(&mut s, 101_000, EventKind::Submit);
    assert_eq!(s.phase, Phase::Finished(Ending::SessionTimeout));
    assert_eq!(
        s.turns.last().map(|t| (s.compiled.scenario.nodes[t.node].id.as_str(), t.exit)),
        Some(("wrap", Exit::Submitted))
    );
    // The wrap-up's own timeout to another question ends it the same way.
    let mut s = State::new(with_wrap_up("good", "Goto(\"quiz\")"), 1, Pace::Real);
    ev(&mut s, 0, EventKind::Start);
    ev(&mut s, 500_000, EventKind::Tick);
    let trail: Vec<(&str, Exit, u64)> =
        s.turns.iter().map(|t| (s.compiled.scenario.nodes[t.node].id.as_str(), t.exit, t.left_ms)).collect();
    assert_eq!(s.phase, Phase::Finished(Ending::SessionTimeout), "{trail:?} at {}", node_id(&s));
    assert_eq!(s.turns.last().map(|t| (t.exit, t.left_ms)), Some((Exit::TimedOut, 130_000)));
}

#[test]
fn a_number_within_the_partial_ratio_is_close_and_takes_the_close_edge() {
    let src =
        SCENARIO.replace("solution: \"20/90\")", "solution: \"20/90\", partial: Ratio(2.0), close: (next: \"good\"))");
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(&src).expect("parses");
    let compiled = Compiled::new(sc, cat).expect("compiles");
    let answer = |text: &str| {
        let mut s = State::new(compiled.clone(), 1, Pace::Real);
        ev(&mut s, 0, EventKind::Start);
        ev(&mut s, 500, EventKind::Submit); // a pass on `open` leads to `quiz`
        type_text(&mut s, 1000, text);
        ev(&mut s, 2000, EventKind::Submit);
        let t = &s.turns[1];
        (node_id(&s).to_string(), t.correct, t.close, t.edge.clone())
    };
    assert_eq!(answer("22.2"), ("pick".into(), Some(true), false, Some(EdgeKind::Right)));
    assert_eq!(answer("40"), ("good".into(), Some(false), true, Some(EdgeKind::Close)));
    assert_eq!(answer("11.1"), ("good".into(), Some(false), true, Some(EdgeKind::Close)), "half is within 2x");
    assert_eq!(answer("45"), ("talk".into(), Some(false), false, Some(EdgeKind::Wrong)));
    assert_eq!(answer("-22.2"), ("talk".into(), Some(false), false, Some(EdgeKind::Wrong)), "the sign must agree");
    // The debrief gives it half credit and says so.
    let mut s = State::new(compiled.clone(), 1, Pace::Real);
    ev(&mut s, 0, EventKind::Start);
    ev(&mut s, 500, EventKind::Submit);
    type_text(&mut s, 1000, "40");
    ev(&mut s, 2000, EventKind::Submit);
    let d = crate::assess::debrief::build(&s);
    assert_eq!(d.numeric[0].mark(), "close (half credit)");
    assert_eq!(crate::assess::debrief::turn_score(&s, &s.turns[1]), Some(50));
    let md = crate::assess::debrief::markdown(&d);
    assert!(
        md.contains("close (half credit)") && md.contains("0 of 1 numeric questions right, 1 close (half credit)."),
        "{md}"
    );
}

#[test]
fn an_interjection_is_said_when_the_clock_comes_down_to_it_and_stays_until_the_question_is_left() {
    let src = SCENARIO.replace(
        "on_timeout: Goto(\"quiz\"), competencies",
        "on_timeout: Goto(\"quiz\"), interject: (left_s: 20, text: \"20 seconds -- land it\"), competencies",
    );
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(&src).expect("parses");
    let mut s = State::new(Compiled::new(sc, cat).expect("compiles"), 1, Pace::Real);
    assert_eq!(s.interjection(), None, "nothing before the start");
    ev(&mut s, 0, EventKind::Start);
    ev(&mut s, 39_999, EventKind::Tick);
    assert_eq!(s.interjection(), None);
    assert_eq!(s.next_change(), Some(40_000), "the screen is redrawn the moment it is said");
    ev(&mut s, 40_000, EventKind::Tick);
    assert_eq!(s.interjection(), Some("20 seconds -- land it"));
    ev(&mut s, 41_000, EventKind::Pause);
    ev(&mut s, 90_000, EventKind::Tick);
    assert_eq!(s.interjection(), Some("20 seconds -- land it"), "a pause keeps it");
    ev(&mut s, 90_000, EventKind::Resume);
    ev(&mut s, 95_000, EventKind::Submit);
    assert_eq!((node_id(&s), s.interjection()), ("quiz", None), "gone with the question");
    let d = crate::assess::debrief::build(&s);
    assert_eq!(d.timeline[0].interjected.as_deref(), Some("20 seconds -- land it"));
    assert!(
        crate::assess::debrief::markdown(&d)
            .contains("At question 1 (open) the interviewer said: \"20 seconds -- land it\"")
    );
}

#[test]
fn a_prompt_shows_variables_and_earlier_answers_as_they_stood_when_it_was_asked() {
    let src = SCENARIO.replace(
        "(id: \"quiz\", prompt: \"Margin?\"",
        "(id: \"quiz\", prompt: \"You said {answer:open}, dodged {dodges}x, picked {answer:pick}. Margin?\"",
    );
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(&src).expect("parses");
    let mut s = State::new(Compiled::new(sc, cat).expect("compiles"), 1, Pace::Real);
    ev(&mut s, 0, EventKind::Start);
    type_text(&mut s, 1000, "Legal would handle that.");
    ev(&mut s, 2000, EventKind::Submit);
    type_text(&mut s, 3000, "No\nidea");
    ev(&mut s, 4000, EventKind::Submit);
    let asked = "You said No idea, dodged 1x, picked (no answer yet). Margin?";
    assert_eq!((node_id(&s), s.prompt()), ("quiz", asked));
    type_text(&mut s, 5000, "22.2");
    ev(&mut s, 6000, EventKind::Submit);
    assert_eq!(s.turns[2].prompt, asked, "the turn keeps the wording asked");
    let d = crate::assess::debrief::build(&s);
    assert!(d.numeric[0].question == asked);
}

#[test]
fn an_unchecked_scenario_with_a_cycle_of_named_conditions_does_not_start() {
    let src = SCENARIO.replace(
        "session_limit_s: 600, start: \"open\",",
        "session_limit_s: 600, conditions: {\"a\": Named(\"b\"), \"b\": Or([Money, Named(\"a\")])}, start: \"open\",",
    )
    .replace("(when: Money, next: \"pick\")", "(when: Named(\"a\"), next: \"pick\")");
    let (cat, _) = crate::traps::load(None);
    let sc = crate::scenario::load::ron_options().from_str(&src).expect("parses");
    let err = Compiled::new(sc, cat).err().expect("refused").to_string();
    assert!(err.contains("open: rule 3: named condition \"a\" refers back to itself"), "{err}");
}
