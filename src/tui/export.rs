//! Rendering a recorded session as an asciicast v2 file (the format the
//! asciinema player plays): the replay drawn headless through the same
//! views into a byte buffer, one output event per frame.

use std::io::{self, Write};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::json;

use super::app::{App, Screen};
use super::theme::Theme;
use crate::record::replay::Replay;

/// Frames are drawn at every recorded event and once a second between
/// them, so the timer ticks on screen as it did live.
const TICK_MS: u64 = 1000;

/// Writes the asciicast of `replay` to `out`. Returns the number of frames.
pub fn asciicast(replay: &Replay, out: &mut impl Write) -> io::Result<usize> {
    let h = &replay.recording.header;
    let (cols, rows) = (h.cols.max(crate::tui::views::MIN_WIDTH), h.rows.max(crate::tui::views::MIN_HEIGHT));
    let stamp = h.started.parse::<jiff::Timestamp>().map_or(0, |t| t.as_second());
    let header = json!({
        "version": 2,
        "width": cols,
        "height": rows,
        "timestamp": stamp,
        "idle_time_limit": 2,
        // The player shows the title: escaped like every other output.
        "title": format!("hotseat: {}", crate::text::one_line(&h.title)),
        "env": {"TERM": "xterm-256color"},
    });
    writeln!(out, "{header}")?;
    let backend = CrosstermBackend::new(Vec::<u8>::new());
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, cols, rows)) };
    let mut term = Terminal::with_options(backend, options)?;
    let (cat, _) = crate::traps::load(crate::paths::user_catalogue().as_deref());
    let (first, last) = replay.span();
    let mut app = App::resumed(replay.state_at(first), cat, Theme::from_env());
    let mut frames = 0;
    let mut pending = b"\x1b[2J\x1b[H\x1b[?25l".to_vec();
    for at in frame_times(replay, first, last) {
        app.screen = Screen::Session(Box::new(replay.state_at(at)));
        app.size = (cols, rows);
        term.draw(|f| super::views::render(&app, f))?;
        pending.append(term.backend_mut().writer_mut());
        if pending.is_empty() {
            continue;
        }
        // Whole frames only, so no UTF-8 sequence is ever split.
        let data = String::from_utf8_lossy(&pending).into_owned();
        writeln!(out, "{}", json!([(at - first) as f64 / 1000.0, "o", data]))?;
        pending.clear();
        frames += 1;
    }
    Ok(frames)
}

/// Every event time, plus a tick each second in between.
fn frame_times(replay: &Replay, first: u64, last: u64) -> Vec<u64> {
    let mut times: Vec<u64> = replay.recording.lines.iter().map(|l| l.at_ms()).collect();
    times.extend((first..=last).step_by(TICK_MS as usize));
    times.sort_unstable();
    times.dedup();
    times
}
