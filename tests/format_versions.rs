//! Session files of an older format fold the way they did when recorded:
//! format 1 read numbers without the question's unit, so an answer it
//! refused must stay refused in a replay of that file, or every later
//! keystroke would land on the wrong question.

use std::path::Path;

use hotseat::record::format::{self, Line};
use hotseat::record::reader;
use hotseat::record::replay::Replay;
use hotseat::session::{Event, EventKind, Pace, Target};

#[path = "support/session_file.rs"]
mod session_file;

const SCENARIO: &str = include_str!("fixtures/session-core.ron");

/// A session file of `version` holding `events`.
fn file(version: u32, events: &[Event]) -> reader::Recording {
    let lines: Vec<Line> = events.iter().cloned().map(Line::Event).collect();
    session_file::recording(version, &session_file::header(SCENARIO, Pace::Real, 120, 40), &lines)
}

/// Start, a free-text answer that routes to the numeric `quiz` (unit %),
/// then "about 22.2%" submitted there.
fn events() -> Vec<Event> {
    let e = |at, kind| Event::new(at, kind);
    vec![
        e(0, EventKind::Start),
        e(1_000, EventKind::Paste(Target::Answer, "We focused on the roadmap.".into())),
        e(2_000, EventKind::Submit),
        e(3_000, EventKind::Paste(Target::Answer, "about 22.2%".into())),
        e(4_000, EventKind::Submit),
    ]
}

#[test]
fn a_format_one_file_keeps_refusing_what_format_one_refused() {
    let old = file(1, &events());
    assert_eq!(old.version, 1);
    let s = old.fold().expect("folds");
    assert_eq!(s.current().id, "quiz", "format 1 did not read \"about 22.2%\": the question stays");
    assert!(s.numeric_error.is_some());
    let replayed = Replay::new(old).expect("replays").state_at(u64::MAX);
    assert_eq!(replayed.current().id, "quiz", "the replay agrees with the fold");
}

#[test]
fn a_current_file_reads_the_same_answer_in_the_questions_unit() {
    let new = file(format::VERSION, &events());
    let s = new.fold().expect("folds");
    assert_ne!(s.current().id, "quiz", "\"about 22.2%\" is 22.2 %: answered, moved on");
    assert_eq!(s.turns.iter().filter(|t| t.correct == Some(true)).count(), 1);
}

#[test]
fn a_file_newer_than_this_build_is_refused_with_its_version() {
    let text = format!("{} {}\n{{}}\n", format::MAGIC, format::VERSION + 1);
    let err = reader::parse(Path::new("/nonexistent/n.session"), &text).expect_err("too new");
    assert!(err.to_string().contains("newer"), "{err}");
}

/// Typing "one two", then Ctrl-U, in the first answer box.
fn ctrl_u_events() -> Vec<Event> {
    use hotseat::session::{Key, KeyCode};
    let mut v = vec![Event::new(0, EventKind::Start)];
    for (i, c) in "one two".chars().enumerate() {
        v.push(Event::new(1_000 + i as u64 * 100, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char(c)))));
    }
    v.push(Event::new(2_000, EventKind::Key(Target::Answer, Key::ctrl('u'))));
    v
}

/// Guards session format 3's keys: Ctrl-U meant undo in the widget that
/// format 1 and 2 were typed into, and kills to the line start from
/// format 3 on; each file replays with the keys of its day, by every path.
#[test]
fn ctrl_u_means_what_it_meant_when_the_file_was_typed() {
    for (version, left) in [(2, "one two"[..6].to_string()), (format::VERSION, String::new())] {
        let rec = file(version, &ctrl_u_events());
        let folded = rec.fold().expect("folds").answer_text();
        let replayed = Replay::new(file(version, &ctrl_u_events())).expect("replays").state_at(2_500).answer_text();
        assert_eq!((folded.as_str(), replayed.as_str()), (left.as_str(), left.as_str()), "format {version}");
    }
}

/// Guards session format 4's number reading: `22.2%。` (a sentence's
/// closing punctuation, as a Chinese input method types it) is read from
/// format 4 on; a format-3 file refused it, and its replay still does.
#[test]
fn a_number_ending_a_sentence_is_read_from_format_four_and_refused_before() {
    let mut events = events();
    if let Some(Event { kind: EventKind::Paste(_, text), .. }) = events.get_mut(3) {
        *text = "22.2%。".into();
    }
    let old = file(3, &events).fold().expect("folds");
    assert_eq!(old.current().id, "quiz", "format 3 refused the full stop: the question stays");
    let new = file(format::VERSION, &events).fold().expect("folds");
    assert_ne!(new.current().id, "quiz", "format 4 reads 22.2 %");
    assert_eq!(new.turns.iter().filter(|t| t.correct == Some(true)).count(), 1);
}

/// Guards session format 4's shuffled choices: a file of format 3 replays
/// its options in the scenario's order, as they were shown; from format 4
/// they show in the seed's order, and `Select` still names the scenario's
/// index, so the same events pick the same option either way.
#[test]
fn choices_show_in_the_seeds_order_from_format_four_and_as_written_before() {
    let e = |at, kind| Event::new(at, kind);
    // A money answer routes `open` to the Choice `pick`.
    let events = vec![
        e(0, EventKind::Start),
        e(1_000, EventKind::Paste(Target::Answer, "We grew committed spend by ¥18M".into())),
        e(2_000, EventKind::Submit),
        e(3_000, EventKind::Select(1)),
    ];
    let old = file(3, &events).fold().expect("folds");
    assert_eq!(old.current().id, "pick");
    assert_eq!(old.order, vec![0, 1], "format 3 shows the options as written");
    let new = file(format::VERSION, &events).fold().expect("folds");
    let mut order = new.order.clone();
    order.sort_unstable();
    assert_eq!(order, vec![0, 1], "a permutation");
    assert_eq!((old.selected, new.selected), (1, 1), "Select names the scenario's index in both");
}

/// Format 4 also reads Chinese numerals (`二十二点二%`); a format-3 file
/// refused them, and its replay still does.
#[test]
fn chinese_numerals_are_read_from_format_four_and_refused_before() {
    let mut events = events();
    if let Some(Event { kind: EventKind::Paste(_, text), .. }) = events.get_mut(3) {
        *text = "二十二点二%".into();
    }
    assert_eq!(file(3, &events).fold().expect("folds").current().id, "quiz", "format 3 refused it");
    let new = file(format::VERSION, &events).fold().expect("folds");
    assert_eq!(new.turns.iter().filter(|t| t.correct == Some(true)).count(), 1, "format 4 reads 22.2 %");
}
