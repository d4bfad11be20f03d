//! The ready screen: what is about to happen, and Enter to start the clock.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::centered;
use super::common::{escape_lines, footer, mmss};
use crate::session::State;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let sc = &s.compiled.scenario;
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let limit = s.limit_ms().map_or("no time limits".to_string(), |l| format!("{} for the first question", mmss(l)));
    let mut lines = vec![
        Line::styled(sc.title.clone(), theme.title()),
        Line::from(format!("{} · {}", sc.company, sc.role)),
        Line::from(""),
        Line::from(format!("Your interviewer: {}, {}", sc.persona.name, sc.persona.role)),
        Line::styled(sc.persona.style.clone(), theme.dim()),
        Line::from(""),
        Line::from(sc.description.clone()),
        Line::from(""),
        Line::from(format!(
            "About {} questions · {} minutes · pace {}",
            s.questions_estimate().max(1),
            sc.minutes,
            s.pace.as_str()
        )),
        Line::from(limit),
        Line::from(""),
        Line::styled("Press Enter when you are ready: the clock starts at once.", theme.accent()),
    ];
    if let Some(notice) = &app.catalogue_notice {
        lines.insert(lines.len() - 1, Line::styled(format!("⚠ {notice}"), theme.warn()));
        lines.insert(lines.len() - 1, Line::from(""));
    }
    escape_lines(&mut lines);
    let r = centered(body, 76, 18);
    let block = Block::default().borders(Borders::ALL).title(" Ready? ");
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), r);
    footer(theme, &[("Enter", "start the clock"), ("Esc", "back"), ("F1", "help"), ("q", "quit")], frame, keys);
}
