//! The help overlay: every key, grouped by where it works. Scrolls on
//! small terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::tui::app::App;

const KEYS: &[(&str, &str)] = &[
    ("Answering", ""),
    ("Ctrl-S, Alt-Enter", "submit (empty: pass); spoken: done, then tick points"),
    ("Enter", "submit a choice or a number; a new line in text"),
    ("1-9, ↑ ↓", "pick a choice"),
    ("Tab, Shift-Tab", "move between answer (or talking points) and notes"),
    ("Space, 1-9", "tick points you covered (once done); Enter confirms"),
    ("Ctrl-N", "jump to your notes"),
    ("Editing text", ""),
    ("Ctrl-A, Ctrl-E", "start, end of the line (also Home, End)"),
    ("Alt-B, Alt-F", "back, forward a word (also Ctrl-← →)"),
    ("Ctrl-K, Ctrl-U", "delete to the end, to the start of the line"),
    ("Ctrl-W, Alt-Bksp", "delete the word before the cursor"),
    ("Alt-D", "delete the word after the cursor"),
    ("Ctrl-Y", "put back what was last deleted"),
    ("Ctrl-_, Ctrl-R", "undo, redo"),
    ("Alt-PgUp, Alt-PgDn", "scroll a long question"),
    ("The clock", ""),
    ("Esc", "pause: the clock stops and the question hides"),
    ("Esc, Enter, Space", "resume after a pause"),
    ("Ctrl-Z", "suspend (pauses too); `fg` comes back"),
    ("Leaving", ""),
    ("q, Ctrl-C", "end the interview (asks first; shows the summary)"),
    ("Picking a scenario", ""),
    ("↑ ↓, Enter", "choose; Enter again on the ready screen starts"),
    ("/", "filter by title, company or id"),
    ("p", "change the pace: real, pressure, untimed, relaxed"),
    ("Anywhere", ""),
    ("F1, ?", "this help (? only when not typing)"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // Narrow terminals put each description under its key.
    let narrow = area.width < 78;
    let lines: Vec<Line> = KEYS
        .iter()
        .flat_map(|(k, what)| match (what.is_empty(), narrow) {
            (true, _) => vec![Line::styled(*k, theme.title())],
            (false, false) => {
                vec![Line::from(vec![Span::styled(format!("  {k:<20}"), theme.accent()), Span::raw(*what)])]
            }
            (false, true) => vec![Line::styled(format!("  {k}"), theme.accent()), Line::from(format!("      {what}"))],
        })
        .collect();
    let r = centered(area, 78, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    let fits = usize::from(r.height.saturating_sub(2)) >= lines.len();
    let title = if fits { " Help · Esc closes " } else { " Help · ↑↓ scroll · Esc closes " };
    let block = Block::default().borders(Borders::ALL).title(title).border_style(theme.focused());
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((app.help_scroll, 0)).block(block);
    frame.render_widget(p, r);
}
