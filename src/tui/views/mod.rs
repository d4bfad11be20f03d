//! Rendering: pure functions from [`App`] to a frame, one file per screen.
//! Nothing here changes state or reads a clock; the session's own time
//! (`State::last_at`) is what the clock panels show.

pub mod cohort;
mod common;
pub mod debrief;
pub mod ending;
mod help;
mod paused;
mod picker;
pub mod progress;
mod ready;
pub(crate) mod session;
mod textbox;

pub use common::{ellipsis, footer};
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
    draw_in(app, frame, area);
    scrub(frame.buffer_mut());
}

/// The TUI's control characters, in two layers. Text from a file is
/// escaped visibly (`\u{1b}`) where the views take it in ([`common::wrap`],
/// [`common::ellipsis`], [`common::escape_lines`]), before layout, so
/// widths stay right. Behind that, every frame passes through [`scrub`]
/// before it reaches the terminal, so a string some view forgot cannot
/// inject a sequence: ratatui drops C0/C1 controls itself, but it keeps
/// zero-width characters such as the bidi overrides, which it would write
/// raw beside the previous cell's character.
fn draw_in(app: &App, frame: &mut Frame, area: Rect) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        common::too_small(app.lang, frame, area);
        return;
    }
    draw_screen(app, frame, area);
}

/// Draws `app` for the replay into `area`, the screen less its last row:
/// the replay's keys take that row, and its scrubber covers the view's own
/// key line (the candidate's keys, which do nothing in a replay). So a
/// replay fits every terminal a live session fits. Returns whether it fit.
pub fn render_replayed(app: &App, frame: &mut Frame, area: Rect) -> bool {
    let fits = area.width >= MIN_WIDTH && area.height + 1 >= MIN_HEIGHT;
    if fits {
        draw_screen(app, frame, area);
    } else {
        common::too_small(app.lang, frame, area);
    }
    scrub(frame.buffer_mut());
    fits
}

fn draw_screen(app: &App, frame: &mut Frame, area: Rect) {
    match &app.screen {
        Screen::Picker(p) => picker::render(app, p, frame, area),
        Screen::Ready(s) => ready::render(app, s, frame, area),
        Screen::Progress(p) => progress::render(app, p, frame, area),
        Screen::Session(s) if app.ending_showing() => ending::render(app, s, frame, area),
        Screen::Session(s) if s.is_finished() => debrief::render(app, s, frame, area),
        // Help or the quit question over a paused session: only the header
        // under it, not the pause box (whose edges would show around it).
        Screen::Session(s) if matches!(s.phase, Phase::Paused { .. }) && app.overlay.is_some() => {
            common::header(&app.theme, app.lang, s, frame, Rect { height: 1, ..area })
        }
        Screen::Session(s) if matches!(s.phase, Phase::Paused { .. }) => paused::render(app, s, frame, area),
        Screen::Session(s) => session::render(app, s, frame, area),
    }
    match app.overlay {
        Some(Overlay::Help) => help::render(app, frame, area),
        Some(Overlay::ConfirmQuit) => common::confirm_quit(app, frame, area),
        None => {}
    }
}

/// Removes every [`crate::text::is_hazard`] character from the cells of
/// `buf`: the last pass before a frame is drawn (see `draw_in`). A cell
/// left empty becomes a space, so the layout does not shift.
pub fn scrub(buf: &mut ratatui::buffer::Buffer) {
    use crate::text::is_hazard;
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(is_hazard) {
            let clean: String = cell.symbol().chars().filter(|&c| !is_hazard(c)).collect();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    /// ratatui writes a zero-width character (a bidi override) raw beside
    /// the previous cell's character; the scrub takes it out.
    #[test]
    fn scrub_leaves_no_bidi_control_in_any_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        Line::from("a\u{202e}b\u{2066}c\u{200f}").render(buf.area, &mut buf);
        assert!(buf.content.iter().any(|c| c.symbol().chars().any(crate::text::is_hazard)), "ratatui kept them");
        super::scrub(&mut buf);
        assert!(!buf.content.iter().any(|c| c.symbol().chars().any(crate::text::is_hazard)));
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(row.starts_with("abc"), "{row:?}");
    }

    /// Text from a file is escaped visibly before layout, where ratatui
    /// would otherwise drop ESC silently and show the rest of the sequence.
    #[test]
    fn wrapped_text_shows_escapes_visibly() {
        let lines = super::common::wrap("a\u{1b}]52;c;x\u{7}b", 80);
        assert_eq!(lines, vec!["a\\u{1b}]52;c;x\\u{7}b".to_string()]);
        assert_eq!(super::common::ellipsis("t\u{9b}2J", 80), "t\\u{9b}2J");
    }
}
