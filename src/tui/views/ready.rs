//! The ready screen: what is about to happen, and Enter to start the clock.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::centered;
use super::common::{escape_lines, footer, mmss};
use crate::session::State;
use crate::tr;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let sc = &s.compiled.scenario;
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let l = app.lang;
    let limit = s.limit_ms().map_or(tr!(l, "ready-no-limits"), |ms| tr!(l, "ready-first-limit", limit = mmss(ms)));
    let mut lines = vec![
        Line::styled(sc.title.clone(), theme.title()),
        Line::from(format!("{} · {}", sc.company, sc.role)),
        Line::from(""),
        Line::from(tr!(l, "ready-interviewer", name = sc.persona.name.as_str(), role = sc.persona.role.as_str())),
        Line::styled(sc.persona.style.clone(), theme.dim()),
        Line::from(""),
        Line::from(sc.description.clone()),
        Line::from(""),
        Line::from(tr!(
            l,
            "ready-about",
            questions = s.questions_estimate().max(1),
            minutes = sc.minutes,
            pace = s.pace.as_str()
        )),
        Line::from(limit),
        Line::from(""),
        Line::styled(tr!(l, "ready-press-enter"), theme.accent()),
    ];
    if let Some(notice) = &app.catalogue_notice {
        lines.insert(lines.len() - 1, Line::styled(format!("⚠ {notice}"), theme.warn()));
        lines.insert(lines.len() - 1, Line::from(""));
    }
    escape_lines(&mut lines);
    let r = centered(body, 76, 18);
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", tr!(l, "ready-title")));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), r);
    let hints = [
        ("Enter", tr!(l, "key-start-clock")),
        ("Esc", tr!(l, "key-back")),
        ("F1", tr!(l, "key-help")),
        ("q", tr!(l, "key-quit")),
    ];
    footer(theme, &hints, frame, keys);
}
