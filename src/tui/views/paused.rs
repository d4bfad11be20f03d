//! Paused: the clock is frozen and the question hidden, so no peeking.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::centered;
use super::common::{footer, header, mmss};
use crate::session::State;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    header(theme, s, frame, top);
    let left = s.remaining_ms().map_or("untimed".to_string(), |l| {
        if l > 0 { format!("{} left on this question", mmss(l as u64 + 999)) } else { "over time".to_string() }
    });
    let lines = vec![
        Line::styled("Paused", theme.title()),
        Line::from(""),
        Line::from("The clock is stopped and the question is hidden."),
        Line::styled(left, theme.dim()),
    ];
    let r = centered(body, 54, 7);
    let block = Block::default().borders(Borders::ALL).title(" Paused ");
    frame.render_widget(Paragraph::new(lines).centered().block(block), r);
    footer(theme, &[("Esc/Enter", "resume"), ("q", "quit"), ("F1", "help")], frame, keys);
}
