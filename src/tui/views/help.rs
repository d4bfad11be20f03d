//! The help overlay: every key, grouped by where it works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::centered;
use crate::tui::app::App;

const KEYS: &[(&str, &str)] = &[
    ("In a session", ""),
    ("Ctrl-S / Alt-Enter", "submit the answer (empty = pass)"),
    ("Enter", "submit a choice or a number; new line in text"),
    ("1-9, ↑↓", "pick a choice / move in a list"),
    ("Space", "tick a talking point"),
    ("Tab / Shift-Tab", "move focus: answer, points, notes"),
    ("Ctrl-N", "jump to your notes"),
    ("Ctrl-U / Ctrl-R", "undo / redo in an editor"),
    ("Alt-PgUp/PgDn", "scroll a long question"),
    ("Esc", "pause: stops the clock, hides the question"),
    ("q or Ctrl-C", "quit (asks first)"),
    ("Ctrl-Z", "suspend; `fg` to come back"),
    ("Picker", ""),
    ("↑↓ Enter", "choose and start"),
    ("/", "filter"),
    ("p", "change the pace"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(k, what)| {
            if what.is_empty() {
                Line::styled(*k, theme.title())
            } else {
                Line::from(vec![Span::styled(format!("  {k:<20}"), theme.accent()), Span::raw(*what)])
            }
        })
        .collect();
    let r = centered(area, 72, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    let block = Block::default().borders(Borders::ALL).title(" Help · Esc closes ").border_style(theme.focused());
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
