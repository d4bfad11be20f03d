//! Rendering: pure functions from [`App`] to a frame, one file per screen.
//! Nothing here changes state or reads a clock; the session's own time
//! (`State::last_at`) is what the clock panels show.

mod common;
pub mod debrief;
mod help;
mod paused;
mod picker;
mod ready;
pub(crate) mod session;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, Overlay, Screen};
use crate::session::Phase;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen for `app`.
pub fn render(app: &App, frame: &mut Frame) {
    render_in(app, frame, frame.area());
}

/// Draws `app` into `area` of the frame (the replay keeps rows for its
/// scrubber).
pub fn render_in(app: &App, frame: &mut Frame, area: Rect) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        common::too_small(frame, area);
        return;
    }
    match &app.screen {
        Screen::Picker(p) => picker::render(app, p, frame, area),
        Screen::Ready(s) => ready::render(app, s, frame, area),
        Screen::Session(s) if s.is_finished() => debrief::render(app, s, frame, area),
        Screen::Session(s) if matches!(s.phase, Phase::Paused { .. }) => paused::render(app, s, frame, area),
        Screen::Session(s) => session::render(app, s, frame, area),
    }
    match app.overlay {
        Some(Overlay::Help) => help::render(app, frame, area),
        Some(Overlay::ConfirmQuit) => common::confirm_quit(app, frame, area),
        None => {}
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
