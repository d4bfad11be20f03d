//! Paused: the clock is frozen and the question hidden, so no peeking.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::centered;
use super::common::{footer, header, mmss};
use crate::session::State;
use crate::tr;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let l = app.lang;
    header(theme, l, s, frame, top);
    let left = s.remaining_ms().map_or(tr!(l, "paused-untimed"), |ms| {
        if ms > 0 { tr!(l, "paused-left", time = mmss(ms as u64 + 999)) } else { tr!(l, "paused-over") }
    });
    let lines = vec![
        Line::styled(tr!(l, "paused-title"), theme.title()),
        Line::from(""),
        Line::from(tr!(l, "paused-body")),
        Line::styled(left, theme.dim()),
    ];
    let r = centered(body, 54, 7);
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", tr!(l, "paused-title")));
    frame.render_widget(Paragraph::new(lines).centered().block(block), r);
    let hints = [("Esc/Enter", tr!(l, "key-resume")), ("q", tr!(l, "key-quit")), ("F1", tr!(l, "key-help"))];
    footer(theme, &hints, frame, keys);
}
