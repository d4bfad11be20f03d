//! Property tests of the session core over random event streams: it never
//! panics, time only moves forward in the record, the same events give the
//! same session, and extra ticks never change the outcome.

use std::sync::{Arc, LazyLock};

use hotseat::session::{Compiled, Event, EventKind, Key, KeyCode, Pace, State, Target, update};
use proptest::prelude::*;

static SCENARIOS: LazyLock<Vec<Arc<Compiled>>> = LazyLock::new(|| {
    let (cat, _) = hotseat::traps::load(None);
    hotseat::library::BUNDLED
        .iter()
        .map(|(name, src)| {
            let sc = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat).scenario.expect("bundled parses");
            Compiled::new(sc, cat.clone()).expect("bundled compiles")
        })
        .collect()
});

fn kind() -> impl Strategy<Value = EventKind> {
    let target = prop_oneof![Just(Target::Answer), Just(Target::Notes)];
    let key = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        Just(KeyCode::Backspace),
        Just(KeyCode::Enter),
        Just(KeyCode::Left),
        Just(KeyCode::Up),
        Just(KeyCode::Home),
        Just(KeyCode::Delete),
    ];
    prop_oneof![
        3 => (target.clone(), key, any::<bool>()).prop_map(|(t, code, ctrl)| EventKind::Key(t, Key { code, ctrl, alt: false })),
        2 => (target, "[a-z ¥%0-9法务\\n\\r\u{1b}]{0,40}").prop_map(|(t, s)| EventKind::Paste(t, s)),
        1 => (0usize..12).prop_map(EventKind::Select),
        1 => (0usize..8).prop_map(EventKind::Toggle),
        3 => Just(EventKind::Submit),
        1 => Just(EventKind::Done),
        1 => Just(EventKind::Pause),
        1 => Just(EventKind::Resume),
        2 => Just(EventKind::Tick),
    ]
}

/// Events with non-decreasing times, after a Start at 0.
fn events() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec((0u64..90_000, kind()), 0..60).prop_map(|steps| {
        let mut at = 0;
        let mut out = vec![Event::new(0, EventKind::Start)];
        for (dt, k) in steps {
            at += dt;
            out.push(Event::new(at, k));
        }
        out
    })
}

fn run(c: &Arc<Compiled>, seed: u64, pace: Pace, events: &[Event]) -> State {
    let mut s = State::new(c.clone(), seed, pace);
    for e in events {
        update(&mut s, e.clone());
    }
    s
}

fn pace() -> impl Strategy<Value = Pace> {
    prop_oneof![Just(Pace::Real), Just(Pace::Pressure), Just(Pace::Relaxed), Just(Pace::Untimed)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_never_panic_and_keep_time_in_order(which in 0usize..5, seed: u64, pace in pace(), evs in events()) {
        let s = run(&SCENARIOS[which], seed, pace, &evs);
        let mut last = 0;
        for t in &s.turns {
            prop_assert!(t.asked_ms <= t.left_ms);
            prop_assert!(last <= t.asked_ms);
            last = t.left_ms;
        }
        prop_assert!(s.elapsed_ms() <= evs.last().map_or(0, |e| e.at_ms));
        prop_assert!(!s.answer_text().contains('\u{1b}') && !s.notes_text().contains('\u{1b}'), "no raw ESC from a paste");
    }

    #[test]
    fn same_events_same_session(which in 0usize..5, seed: u64, evs in events()) {
        let a = run(&SCENARIOS[which], seed, Pace::Real, &evs);
        let b = run(&SCENARIOS[which], seed, Pace::Real, &evs);
        prop_assert_eq!(&a.turns, &b.turns);
        prop_assert_eq!((a.node, a.variant, &a.vars), (b.node, b.variant, &b.vars));
        prop_assert_eq!(a.notes_text(), b.notes_text());
    }

    #[test]
    fn extra_ticks_never_change_the_outcome(which in 0usize..5, seed: u64, evs in events(), every in 200u64..5_000) {
        let plain = run(&SCENARIOS[which], seed, Pace::Real, &evs);
        let mut ticked = Vec::new();
        for e in &evs {
            let from = ticked.last().map_or(0, |x: &Event| x.at_ms);
            ticked.extend((from..e.at_ms).step_by(every as usize).map(|t| Event::new(t, EventKind::Tick)));
            ticked.push(e.clone());
        }
        let with = run(&SCENARIOS[which], seed, Pace::Real, &ticked);
        prop_assert_eq!(&plain.turns, &with.turns);
        prop_assert_eq!(plain.node, with.node);
        prop_assert_eq!(plain.phase, with.phase);
    }
}
