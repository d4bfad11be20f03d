//! The ready screen: what is about to happen, and Enter to start the clock.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::centered;
use super::common::mmss;
use crate::session::State;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let sc = &s.compiled.scenario;
    let first = s.current();
    let limit = s.limit_ms().map_or("no limit".to_string(), |l| format!("{} for the first question", mmss(l)));
    let lines = vec![
        Line::styled(sc.title.clone(), theme.title()),
        Line::from(format!("{} · {}", sc.company, sc.role)),
        Line::from(""),
        Line::from(format!("Your interviewer: {}, {}", sc.persona.name, sc.persona.role)),
        Line::styled(sc.persona.style.clone(), theme.dim()),
        Line::from(""),
        Line::from(sc.description.clone()),
        Line::from(""),
        Line::from(format!(
            "About {} questions · {} minutes · pace {} · {limit}",
            s.questions_estimate().max(1),
            sc.minutes,
            s.pace.as_str()
        )),
        Line::styled(format!("Starts with: {}", first.id), theme.dim()),
        Line::from(""),
        Line::styled("Enter starts the clock · Esc goes back · F1 help", theme.accent()),
    ];
    let r = centered(area, 76, 18);
    let block = Block::default().borders(Borders::ALL).title(" Ready? ");
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), r);
}
