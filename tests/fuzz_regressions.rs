//! Inputs the fuzz targets (fuzz/, see docs/fuzzing.md) found or pointed
//! at, each kept as a test named for what it guards. They run on stable
//! with the rest of `cargo test`; the fuzz targets themselves do not.

use std::sync::Arc;

use hotseat::scenario::load::{check_bytes, ron_options};
use hotseat::session::{Compiled, Ending, Event, EventKind, Exit, Pace, Phase, State, update};

/// The core's test scenario (tests/fixtures/session-core.ron) with its two
/// timed questions sending each other on timeout and no session limit:
/// valid, and a loop only an absent candidate ever goes round.
fn timeout_cycle(session_limit: &str) -> String {
    let src = include_str!("fixtures/session-core.ron")
        .replace(" session_limit_s: 600,", session_limit)
        .replace("limit_s: 30, answer: Numeric", "limit_s: 30, on_timeout: Goto(\"open\"), answer: Numeric");
    assert!(src.contains("Goto(\"open\")"), "the fixture changed: update this test");
    src
}

fn compiled(src: &str) -> Arc<Compiled> {
    let (cat, _) = hotseat::traps::load(None);
    let checked = check_bytes("cycle.ron", src.as_bytes(), &cat);
    assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
    let sc = ron_options().from_str(src).expect("parses");
    Compiled::new(sc, cat).expect("compiles")
}

fn started(src: &str) -> State {
    let mut s = State::new(compiled(src), 1, Pace::Real);
    update(&mut s, Event::new(0, EventKind::Start));
    s
}

#[test]
fn a_huge_idle_gap_over_a_timeout_cycle_ends_the_session_instead_of_looping() {
    // Ten years of silence: before the fix, one question timed out per 30
    // or 60 s of it, ~10^7 turns (and 10^13 ms, a crafted session file's
    // gap, never finished).
    for src in [timeout_cycle(""), timeout_cycle(" session_limit_s: 4294967,")] {
        let mut s = started(&src);
        update(&mut s, Event::new(10 * 365 * 24 * 3_600_000, EventKind::Tick));
        assert_eq!(s.phase, Phase::Finished(Ending::SessionTimeout));
        assert!(s.turns.len() <= 101, "{} turns", s.turns.len());
        assert_eq!(s.turns.last().map(|t| t.exit), Some(Exit::SessionOver));
        let mut s = started(&src);
        update(&mut s, Event::new(u64::MAX, EventKind::Tick));
        assert!(s.is_finished());
    }
}

#[test]
fn the_idle_timeout_bound_counts_timeouts_in_a_row_not_per_event() {
    // Ticks every second (the live runtime) or one tick at the end (a
    // replay) must end the session at the same moment.
    let src = timeout_cycle("");
    let mut live = started(&src);
    let mut at = 0;
    while !live.is_finished() {
        at += 1000;
        update(&mut live, Event::new(at, EventKind::Tick));
    }
    let mut folded = started(&src);
    update(&mut folded, Event::new(at, EventKind::Tick));
    assert_eq!(live.turns, folded.turns);
    assert_eq!(live.phase, folded.phase);
}

#[test]
fn any_input_between_timeouts_keeps_the_session_going() {
    // A candidate who does something now and then is never cut off, however
    // many questions time out in total.
    let src = timeout_cycle("");
    let mut s = started(&src);
    let mut at = 0;
    for _ in 0..300 {
        at += 90_000;
        update(&mut s, Event::new(at, EventKind::Paste(hotseat::session::Target::Notes, "x".into())));
    }
    assert!(!s.is_finished());
    assert!(s.turns.len() >= 300, "{} turns", s.turns.len());
}

/// The core's test scenario as shipped.
fn core() -> String {
    include_str!("fixtures/session-core.ron").to_string()
}

/// Every clock reading the runtime and the views take from a state.
fn read_clocks(s: &State) {
    let _ = (s.elapsed_ms(), s.remaining_ms(), s.next_deadline(), s.next_change(), s.question_deadline());
}

#[test]
fn pausing_and_resuming_at_times_that_jump_around_does_not_overflow_the_paused_total() {
    // Found by the `update` target: times only a caller with its own clock
    // could send (a recording's times never go backwards).
    let mut s = started(&core());
    for (at, kind) in [
        (0, EventKind::Pause),
        (u64::MAX, EventKind::Resume),
        (0, EventKind::Pause),
        (10, EventKind::Resume),
        (u64::MAX, EventKind::Pause),
        (u64::MAX, EventKind::Resume),
    ] {
        update(&mut s, Event::new(at, kind));
        read_clocks(&s);
    }
}

#[test]
fn a_session_started_near_the_end_of_time_reads_its_deadlines_without_overflow() {
    // A session file's times are deltas, so any time up to u64::MAX can be
    // written; deadlines and the next-change time saturate instead.
    for at in [u64::MAX - 5, u64::MAX] {
        let mut s = State::new(compiled(&core()), 1, Pace::Relaxed);
        update(&mut s, Event::new(at, EventKind::Start));
        read_clocks(&s);
        assert_eq!(s.next_deadline(), Some(u64::MAX));
        update(&mut s, Event::new(u64::MAX, EventKind::Tick));
        read_clocks(&s);
    }
    let mut s = started(&core());
    update(&mut s, Event::new(u64::MAX, EventKind::Tick));
    read_clocks(&s);
}
