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
