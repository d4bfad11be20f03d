//! The asciicast export is bounded whatever the file says (issue 11 item
//! 8): a header asking for a 65535x65535 terminal aborted on a 206 GB
//! allocation, and an end line 10^13 ms after the last event on an 80 GB
//! one (a frame per second of the gap). Sizes are clamped and idle gaps
//! follow the asciicast `idle_time_limit` convention.

use hotseat::record::format::{self, EndStatus, Line};
use hotseat::record::replay::Replay;
use hotseat::session::{Event, EventKind, Key, KeyCode, Pace, Target};
use hotseat::tui::export::{IDLE_LIMIT_MS, MAX_COLS, MAX_ROWS, asciicast};

#[path = "support/session_file.rs"]
mod session_file;

const SCENARIO: &str = include_str!("fixtures/session-core.ron");

fn session(cols: u16, rows: u16, lines: &[Line]) -> Replay {
    let header = session_file::header(SCENARIO, Pace::Untimed, cols, rows);
    Replay::new(session_file::recording(format::VERSION, &header, lines)).expect("replays")
}

/// (header, [time, data]...) of an asciicast.
fn parse(cast: &[u8]) -> (serde_json::Value, Vec<(f64, String)>) {
    let text = std::str::from_utf8(cast).expect("UTF-8");
    let mut lines = text.lines();
    let header = serde_json::from_str(lines.next().expect("header")).expect("JSON");
    let events = lines
        .map(|l| {
            let (t, _, d): (f64, String, String) = serde_json::from_str(l).expect("event");
            (t, d)
        })
        .collect();
    (header, events)
}

fn typing(n: usize) -> Vec<Line> {
    let mut v = vec![Line::Event(Event::new(0, EventKind::Start))];
    v.extend((1..=n).map(|i| {
        Line::Event(Event::new(i as u64 * 200, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('a')))))
    }));
    v
}

#[test]
fn a_huge_terminal_in_the_header_is_clamped() {
    let replay = session(65535, 65535, &typing(3));
    let mut cast = Vec::new();
    asciicast(&replay, &mut cast).expect("exports");
    let (header, events) = parse(&cast);
    assert_eq!((header["width"].as_u64(), header["height"].as_u64()), (Some(MAX_COLS.into()), Some(MAX_ROWS.into())));
    assert!(!events.is_empty());
    // And a tiny one is drawn at the views' minimum.
    let mut cast = Vec::new();
    asciicast(&session(1, 1, &typing(3)), &mut cast).expect("exports");
    let (header, _) = parse(&cast);
    assert_eq!(header["width"].as_u64(), Some(hotseat::tui::views::MIN_WIDTH.into()));
}

#[test]
fn an_end_line_ages_later_costs_a_few_frames_and_no_idle_time() {
    let mut lines = typing(3);
    let last = lines.last().map_or(0, Line::at_ms);
    lines.push(Line::End { at_ms: last + 10_000_000_000_000, status: EndStatus::Quit });
    let replay = session(120, 40, &lines);
    let mut cast = Vec::new();
    let frames = asciicast(&replay, &mut cast).expect("exports");
    let (header, events) = parse(&cast);
    assert!(frames <= 3 * lines.len(), "{frames} frames for {} lines", lines.len());
    assert_eq!(header["idle_time_limit"].as_u64(), Some(IDLE_LIMIT_MS / 1000));
    let limit = IDLE_LIMIT_MS as f64 / 1000.0;
    for w in events.windows(2) {
        assert!(w[1].0 >= w[0].0 && w[1].0 - w[0].0 <= limit + 1e-9, "gap {} -> {}", w[0].0, w[1].0);
    }
}

/// The clock ticks on screen while it runs, once a second, but only for
/// the idle limit into a pause: a ten-minute silence is not 600 frames.
#[test]
fn a_long_silence_with_the_clock_running_is_a_few_ticks() {
    let mut lines = typing(2);
    let last = lines.last().map_or(0, Line::at_ms);
    lines.push(Line::Event(Event::new(last + 600_000, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('b'))))));
    let replay = session(120, 40, &lines);
    let mut cast = Vec::new();
    let frames = asciicast(&replay, &mut cast).expect("exports");
    assert!(frames <= lines.len() + 2 * (IDLE_LIMIT_MS as usize / 1000 + 1), "{frames} frames");
}
