//! The fast paths over a recording (bulk typing in `Folder`, the replay's
//! snapshots and seeks, the asciicast export's one-pass cursor) give
//! exactly the session a plain fold gives, line by line, for random event
//! streams in every typing pattern: one box, alternating boxes, many short
//! answers, long notes, Backspace, undo, deadlines, the answer-size limit.

use hotseat::record::format::{self, Line};
use hotseat::record::reader::{self, Folder, Recording};
use hotseat::record::replay::Replay;
use hotseat::session::{Event, EventKind, Key, KeyCode, MAX_ANSWER_BYTES, Pace, Phase, State, Target, update};
use proptest::prelude::*;

#[path = "support/session_file.rs"]
mod session_file;

const SCENARIO: &str = include_str!("fixtures/session-core.ron");

/// Everything a view or a later event can see of a session.
fn fingerprint(s: &State) -> String {
    format!(
        "{:?} node {} v{} asked {} over {} done {:?} | answer {:?} @{:?} clipped {} | notes {:?} @{:?} | sel {} {:?} {:?} | \
         vars {:?} visits {:?} | last {} elapsed {} | turns {:?}",
        s.phase,
        s.node,
        s.variant,
        s.asked_ms,
        s.overtime,
        s.done_ms,
        s.answer.lines(),
        s.answer.cursor(),
        s.answer_clipped,
        s.notes.lines(),
        s.notes.cursor(),
        s.selected,
        s.ticked,
        s.numeric_error,
        s.vars,
        s.visits,
        s.last_at,
        s.elapsed_ms(),
        s.turns,
    )
}

/// A recording of `events` in format `version` (what keys mean differs
/// from format 3 on, and both must fold the same every way).
fn recording(events: &[Event]) -> Recording {
    recording_v(events, format::VERSION)
}

fn recording_v(events: &[Event], version: u32) -> Recording {
    let lines: Vec<Line> = events.iter().cloned().map(Line::Event).collect();
    session_file::recording(version, &session_file::header(SCENARIO, Pace::Real, 120, 40), &lines)
}

/// The reference: every line through `update`, one at a time.
fn plain(rec: &Recording, upto: usize) -> State {
    let mut s = rec.new_state(rec.compile().expect("compiles"));
    for l in &rec.lines[..upto] {
        reader::apply(&mut s, l);
    }
    s
}

/// The reference for "the session at time `at`".
fn plain_at(rec: &Recording, at: u64) -> State {
    let upto = rec.lines.partition_point(|l| l.at_ms() <= at);
    let mut s = plain(rec, upto);
    if s.phase == Phase::Running {
        update(&mut s, Event::new(at, EventKind::Tick));
    }
    s
}

/// One step of a generated session.
#[derive(Debug, Clone)]
enum Step {
    Type(Target, char),
    Key(Target, Key),
    Paste(Target, String),
    Submit,
    Done,
    Select(usize),
    Toggle(usize),
    Pause,
    Resume,
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![Just(Target::Answer), Just(Target::Notes)]
}

fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![8 => proptest::char::range('a', 'z'), 2 => Just(' '), 1 => Just('数'), 1 => Just('\n'), 1 => Just('\t')]
}

fn any_key() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => Just(Key::plain(KeyCode::Backspace)),
        2 => Just(Key::plain(KeyCode::Enter)),
        1 => Just(Key::plain(KeyCode::Left)),
        1 => Just(Key::plain(KeyCode::Home)),
        1 => Just(Key::plain(KeyCode::End)),
        1 => Just(Key::plain(KeyCode::Delete)),
        1 => Just(Key::ctrl('u')),
        1 => Just(Key::ctrl('r')),
        1 => Just(Key::ctrl('_')),
        1 => Just(Key::ctrl('w')),
        1 => Just(Key::ctrl('k')),
        1 => Just(Key::ctrl('a')),
        1 => Just(Key { code: KeyCode::Char('b'), ctrl: false, alt: true }),
        1 => Just(Key::plain(KeyCode::Up)),
        1 => Just(Key { code: KeyCode::Backspace, ctrl: false, alt: true }),
        1 => Just(Key::ctrl('y')),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        40 => (target(), typed_char()).prop_map(|(t, c)| Step::Type(t, c)),
        8 => (target(), any_key()).prop_map(|(t, k)| Step::Key(t, k)),
        2 => (target(), "[a-z 数]{0,12}").prop_map(|(t, s)| Step::Paste(t, s)),
        // Close to the answer-size limit, so typing runs meet it.
        1 => Just(Step::Paste(Target::Answer, "x".repeat(MAX_ANSWER_BYTES - 6))),
        2 => Just(Step::Submit),
        1 => Just(Step::Done),
        1 => (0usize..3).prop_map(Step::Select),
        1 => (0usize..3).prop_map(Step::Toggle),
        1 => Just(Step::Pause),
        1 => Just(Step::Resume),
    ]
}

/// Steps with their delays: mostly typing speed, sometimes long enough to
/// cross a question's deadline (10-60 s in the scenario).
fn timed_steps() -> impl Strategy<Value = Vec<(u64, Step)>> {
    let delay = prop_oneof![20 => 0u64..300, 1 => 5_000u64..40_000];
    proptest::collection::vec((delay, step()), 0..160)
}

/// A whole pattern, so long runs of one kind happen, not only random mixes.
fn pattern() -> impl Strategy<Value = Vec<(u64, Step)>> {
    prop_oneof![
        timed_steps(),
        // Alternating boxes every few keys.
        (1usize..8, proptest::collection::vec(typed_char(), 0..200)).prop_map(|(every, cs)| {
            cs.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let t = if (i / every) % 2 == 0 { Target::Answer } else { Target::Notes };
                    (90, Step::Type(t, c))
                })
                .collect()
        }),
        // Many short answers.
        proptest::collection::vec(("[a-z ]{0,8}", 0u64..2_000), 0..30).prop_map(|answers| {
            answers
                .into_iter()
                .flat_map(|(text, gap)| {
                    let mut v: Vec<(u64, Step)> = text.chars().map(|c| (120, Step::Type(Target::Answer, c))).collect();
                    v.push((gap, Step::Submit));
                    v
                })
                .collect()
        }),
    ]
}

fn events(steps: &[(u64, Step)]) -> Vec<Event> {
    let mut at = 0;
    let mut out = vec![Event::new(0, EventKind::Start)];
    for (delay, st) in steps {
        at += delay;
        let kind = match st.clone() {
            Step::Type(t, c) => EventKind::Key(t, Key::plain(KeyCode::Char(c))),
            Step::Key(t, k) => EventKind::Key(t, k),
            Step::Paste(t, s) => EventKind::Paste(t, s),
            Step::Submit => EventKind::Submit,
            Step::Done => EventKind::Done,
            Step::Select(i) => EventKind::Select(i),
            Step::Toggle(i) => EventKind::Toggle(i),
            Step::Pause => EventKind::Pause,
            Step::Resume => EventKind::Resume,
        };
        out.push(Event::new(at, kind));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn bulk_folding_gives_the_state_of_a_plain_fold(steps in pattern(), version in 2u32..=format::VERSION) {
        let rec = recording_v(&events(&steps), version);
        let n = rec.lines.len();
        let mut fast = rec.new_state(rec.compile().expect("compiles"));
        Folder::new(&rec.lines, rec.keymap()).apply(&mut fast, &rec.lines, 0, n);
        prop_assert_eq!(fingerprint(&fast), fingerprint(&plain(&rec, n)));
    }

    #[test]
    fn replay_seeks_and_the_export_walk_give_the_state_of_a_plain_fold(steps in pattern()) {
        let rec = recording(&events(&steps));
        let replay = Replay::new(rec.clone()).expect("replays");
        let (first, last) = replay.span();
        // Seeks, backward included.
        for k in [7u64, 2, 9, 0, 5, 10] {
            let at = first + (last - first) * k / 10;
            prop_assert_eq!(fingerprint(&replay.state_at(at)), fingerprint(&plain_at(&rec, at)), "seek to {}", at);
        }
        // The export's one pass, at every frame it draws.
        let mut cursor = hotseat::tui::export::Cursor::new(&replay);
        let mut s = replay.initial_state();
        let mut reference = plain(&rec, 0);
        let mut applied = 0;
        let mut frames = 0;
        while let Some(at) = cursor.next_frame(Some(&s)) {
            cursor.advance(&mut s, at);
            while applied < rec.lines.len() && rec.lines[applied].at_ms() <= at {
                reader::apply(&mut reference, &rec.lines[applied]);
                applied += 1;
            }
            let mut expected = reference.clone();
            if expected.phase == Phase::Running {
                update(&mut expected, Event::new(at, EventKind::Tick));
            }
            prop_assert_eq!(fingerprint(&s), fingerprint(&expected), "frame at {}", at);
            frames += 1;
            prop_assert!(frames <= 4 * rec.lines.len() + 4, "frames stay linear in lines");
        }
    }
}

/// A recording made before Spoken answers had a rating step: talking points
/// ticked while answering, then one `sub`; and a `sub` with nothing ticked.
/// Both must still finish the answer at once, with the same turns the
/// fold gave before (values taken from the build before the change), so no
/// old session replays, resumes or debriefs differently.
#[test]
fn recordings_made_before_the_rating_step_fold_to_the_same_turns() {
    let at = |ms: u64, kind: EventKind| Event::new(ms, kind);
    let talk = |t0: u64, text: &str, ticks: &[usize]| {
        let mut v = vec![at(t0, EventKind::Paste(Target::Answer, text.into()))];
        v.extend(ticks.iter().map(|&i| at(t0 + 100 + i as u64, EventKind::Toggle(i))));
        v.push(at(t0 + 500, EventKind::Submit));
        v
    };
    // open (money) -> pick -> talk.
    let to_talk = [
        at(0, EventKind::Start),
        at(100, EventKind::Paste(Target::Answer, "¥5M".into())),
        at(200, EventKind::Submit),
        at(300, EventKind::Submit),
    ];
    let mut both = to_talk.to_vec();
    both.extend(talk(1_000, "we bill yearly", &[0, 1]));
    let mut none = to_talk.to_vec();
    none.extend(talk(1_000, "we bill yearly", &[]));
    none.push(at(9_000, EventKind::Submit));

    let turns = |events: &[Event]| {
        let rec = recording(events);
        let s = plain(&rec, rec.lines.len());
        let mut fast = rec.new_state(rec.compile().expect("compiles"));
        Folder::new(&rec.lines, rec.keymap()).apply(&mut fast, &rec.lines, 0, rec.lines.len());
        assert_eq!(fingerprint(&fast), fingerprint(&s));
        let rows: Vec<String> = s
            .turns
            .iter()
            .map(|t| {
                let id = &s.compiled.scenario.nodes[t.node].id;
                format!("{id} {}-{} {:?} {:?} {:?} next {:?}", t.asked_ms, t.left_ms, t.given, t.exit, t.edge, t.next)
            })
            .collect();
        (rows, format!("{:?}", s.phase))
    };
    let (rows, phase) = turns(&both);
    assert_eq!(
        rows[2],
        "talk 300-1500 Points { ticked: [0, 1], text: \"we bill yearly\" } Submitted Some(Next) next Some(4)"
    );
    assert_eq!((rows.len(), phase.as_str()), (3, "Finished(Completed)"));

    let (rows, phase) = turns(&none);
    assert_eq!(
        rows[2],
        "talk 300-1500 Points { ticked: [], text: \"we bill yearly\" } Submitted Some(Short) next Some(5)"
    );
    assert_eq!((rows.len(), phase.as_str()), (3, "Finished(Completed)"), "the later sub changes nothing");
}
