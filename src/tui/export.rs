//! Rendering a recorded session as an asciicast v2 file (the format the
//! asciinema player plays): the replay drawn headless through the same
//! views into a byte buffer, one output event per frame.
//!
//! Linear in the recording: one session is advanced through the events
//! once, frame by frame (never re-folded from a snapshot per frame), and
//! drawn in place. Bounded whatever the header says: the terminal size is
//! clamped to [`MAX_COLS`] x [`MAX_ROWS`], and idle time follows the
//! asciicast `idle_time_limit` convention: no gap between two frames is
//! written longer than [`IDLE_LIMIT_MS`], and the clock ticks on screen
//! only while it runs and only for that long into a gap, so a recording
//! whose last line is 10^13 ms later costs one frame, not 10^10.

use std::io::{self, Write};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::json;

use super::app::{App, Screen};
use super::theme::Theme;
use crate::record::reader::Folder;
use crate::record::replay::Replay;
use crate::session::{Event, EventKind, Phase, State, update};

/// The widest and tallest terminal an asciicast is drawn for: more than
/// any real screen shows, and a 65535x65535 header would otherwise ask for
/// a 206 GB frame buffer.
pub const MAX_COLS: u16 = 500;
pub const MAX_ROWS: u16 = 200;

/// The longest pause written between two frames (the header's
/// `idle_time_limit`, in seconds, says the same to the player).
pub const IDLE_LIMIT_MS: u64 = 2000;

/// Events closer together than this share a frame: the cast plays at up
/// to two frames a second, enough to follow someone typing (a word or two
/// a frame) and to see every question and timer change, while drawing the
/// whole screen more often made a 20-minute session's export take seconds
/// (a draw costs ~0.25 ms; at 200 ms a 20-minute session was 5,200 frames).
pub const FRAME_MS: u64 = 500;

/// The terminal size an asciicast of a recording made at `cols` x `rows`
/// is drawn at: at least what the views need, at most [`MAX_COLS`] x
/// [`MAX_ROWS`].
pub fn terminal_size(cols: u16, rows: u16) -> (u16, u16) {
    use crate::tui::views::{MIN_HEIGHT, MIN_WIDTH};
    (cols.clamp(MIN_WIDTH, MAX_COLS), rows.clamp(MIN_HEIGHT, MAX_ROWS))
}

/// Writes the asciicast of `replay` to `out`. Returns the number of frames.
pub fn asciicast(replay: &Replay, out: &mut impl Write) -> io::Result<usize> {
    let h = &replay.recording.header;
    let (cols, rows) = terminal_size(h.cols, h.rows);
    let stamp = h.started.parse::<jiff::Timestamp>().map_or(0, |t| t.as_second());
    let header = json!({
        "version": 2,
        "width": cols,
        "height": rows,
        "timestamp": stamp,
        "idle_time_limit": IDLE_LIMIT_MS / 1000,
        // The player shows the title: escaped like every other output.
        "title": format!("hotseat: {}", crate::text::one_line(&h.title)),
        "env": {"TERM": "xterm-256color"},
    });
    writeln!(out, "{header}")?;
    let backend = CrosstermBackend::new(Vec::<u8>::new());
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, cols, rows)) };
    let mut term = Terminal::with_options(backend, options)?;
    let start = replay.initial_state();
    let cat = start.compiled.catalogue.clone();
    let mut app = App::resumed(start, cat, Theme::from_env());
    app.screen = Screen::Session(Box::new(replay.initial_state()));
    app.size = (cols, rows);
    let mut cursor = Cursor::new(replay);
    let mut clock = Clock::default();
    let mut frames = 0;
    let mut pending = b"\x1b[2J\x1b[H\x1b[?25l".to_vec();
    while let Some(at) = cursor.next_frame(session(&app)) {
        if let Screen::Session(s) = &mut app.screen {
            cursor.advance(s, at);
        }
        term.draw(|f| super::views::render(&app, f))?;
        pending.append(term.backend_mut().writer_mut());
        if pending.is_empty() {
            continue;
        }
        // Whole frames only, so no UTF-8 sequence is ever split.
        let data = String::from_utf8_lossy(&pending).into_owned();
        writeln!(out, "{}", json!([clock.written(at) as f64 / 1000.0, "o", data]))?;
        pending.clear();
        frames += 1;
    }
    // The close, as live: the interviewer's remarks, held a moment, then
    // the debrief.
    if app.ending_showing() {
        let at = cursor.last_frame.unwrap_or(0).saturating_add(super::views::ending::HOLD_MS);
        app.ending_dismissed = true;
        term.draw(|f| super::views::render(&app, f))?;
        pending.append(term.backend_mut().writer_mut());
        let data = String::from_utf8_lossy(&pending).into_owned();
        writeln!(out, "{}", json!([clock.written(at) as f64 / 1000.0, "o", data]))?;
        frames += 1;
    }
    Ok(frames)
}

fn session(app: &App) -> Option<&State> {
    match &app.screen {
        Screen::Session(s) => Some(s),
        _ => None,
    }
}

/// Output time: recorded time with every gap capped at [`IDLE_LIMIT_MS`].
#[derive(Default)]
struct Clock {
    last: Option<u64>,
    written: u64,
}

impl Clock {
    fn written(&mut self, at: u64) -> u64 {
        if let Some(last) = self.last {
            self.written += at.saturating_sub(last).min(IDLE_LIMIT_MS);
        }
        self.last = Some(at);
        self.written
    }
}

/// One pass over the recording: which frame comes next, and the session
/// advanced to it. Every line is applied once, in order, so the whole
/// export costs one fold plus one draw per frame.
pub struct Cursor<'a> {
    replay: &'a Replay,
    folder: Folder,
    /// Lines applied so far.
    applied: usize,
    /// Recorded time of the last frame.
    last_frame: Option<u64>,
    /// Recorded time of the last frame that applied lines: the clock ticks
    /// on for at most [`IDLE_LIMIT_MS`] after it.
    last_event_frame: Option<u64>,
}

impl<'a> Cursor<'a> {
    pub fn new(replay: &'a Replay) -> Cursor<'a> {
        Cursor {
            replay,
            folder: Folder::new(&replay.recording.lines, replay.recording.keymap()),
            applied: 0,
            last_frame: None,
            last_event_frame: None,
        }
    }

    /// The recorded time of the next frame, given the session as drawn at
    /// the last one: the next line's time (with the lines that follow it
    /// within [`FRAME_MS`]), or, while the clock runs, the next moment the
    /// screen's clock changes, within [`IDLE_LIMIT_MS`] of the last frame.
    /// `None` after the last line.
    pub fn next_frame(&self, s: Option<&State>) -> Option<u64> {
        let lines = &self.replay.recording.lines;
        let next_line = lines.get(self.applied).map(|l| l.at_ms());
        let tick = match (self.last_frame, self.last_event_frame, s) {
            (Some(last), Some(event), Some(s)) if s.phase == Phase::Running => s
                .next_change()
                .and_then(|c| s.monotonic_at(c))
                .filter(|&t| t > last && t <= event.saturating_add(IDLE_LIMIT_MS)),
            _ => None,
        };
        match (next_line, tick) {
            (Some(l), Some(t)) if t < l => Some(t),
            (Some(l), _) => {
                // Take in the lines that follow within a frame's time.
                let upto = lines[self.applied..].partition_point(|x| x.at_ms() < l.saturating_add(FRAME_MS));
                Some(lines[self.applied + upto - 1].at_ms())
            }
            // Nothing after the last line.
            (None, _) => None,
        }
    }

    /// Advances `s` (the session as of the last frame) to recorded time `at`.
    pub fn advance(&mut self, s: &mut State, at: u64) {
        let lines = &self.replay.recording.lines;
        let upto = self.applied + lines[self.applied..].partition_point(|l| l.at_ms() <= at);
        self.folder.apply(s, lines, self.applied, upto);
        if upto > self.applied {
            self.last_event_frame = Some(at);
        }
        self.applied = upto;
        // As `Replay::state_at` does: the clock reads `at`. Settling
        // deadlines early changes nothing later (they fire at their own
        // times), so the tick can stay in the session.
        if s.phase == Phase::Running {
            update(s, Event::new(at, EventKind::Tick));
        }
        self.last_frame = Some(at);
    }
}
