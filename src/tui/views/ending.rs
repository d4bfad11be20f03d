//! The interview's close: the interviewer's closing remarks on a screen of
//! their own, before the debrief, so an early ending ("I'm going to stop us
//! here…") is heard and explained rather than skipped straight to a verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::centered;
use super::common::{footer, header, wrapped};
use crate::scenario::{Answer, Outcome};
use crate::session::{Ending, Phase, State};
use crate::tui::app::App;

/// How long a replay or an asciicast holds the ending before the debrief.
pub const HOLD_MS: u64 = 4_000;

/// What the ending screen says: a heading (a message id) and the
/// interviewer's words.
/// `None` when there is nothing to hear (the candidate quit, or an ending
/// with no End node), so the debrief comes straight away.
pub fn closing(s: &State) -> Option<(&'static str, String)> {
    let Phase::Finished(ending) = s.phase else { return None };
    let remark = match &s.current().answer {
        Answer::End { remarks, outcome } => Some((remarks.trim().to_string(), *outcome)),
        _ => None,
    };
    match (ending, remark) {
        (Ending::Quit, _) => None,
        (Ending::SessionTimeout, r) => Some(("ending-timeout", r.map(|r| r.0).unwrap_or_default())),
        (Ending::Completed, Some((r, Some(Outcome::LeanNo | Outcome::No)))) => Some(("ending-early", r)),
        (Ending::Completed, Some((r, _))) => Some(("ending-over", r)),
        (Ending::Completed, None) => None,
    }
}

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    header(theme, app.lang, s, frame, top);
    let Some((heading, remark)) = closing(s) else { return };
    let heading = crate::i18n::message(app.lang, heading, &[]);
    let width = body.width.saturating_sub(4).clamp(20, 76);
    let remark = if remark.is_empty() { String::new() } else { format!("“{remark}”") };
    let text = vec![Line::styled(heading, theme.title()), Line::from(""), Line::from(remark)];
    let text = wrapped(text, width.saturating_sub(2));
    let height = (text.len() as u16 + 2).min(body.height);
    let r = centered(body, width, height);
    frame.render_widget(Paragraph::new(text).block(Block::default().borders(Borders::ALL)), r);
    footer(theme, &[("Enter", crate::tr!(app.lang, "key-debrief"))], frame, keys);
}
