//! The help overlay: every key, grouped by where it works. Scrolls on
//! small terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::centered;
use super::common::wrap;
use crate::tr;
use crate::tui::app::App;

/// Every key, as (key, message id); an empty key is a section heading.
const KEYS: &[(&str, &str)] = &[
    ("", "help-answering"),
    ("Ctrl-S, Alt-Enter", "help-submit"),
    ("Enter", "help-enter"),
    ("1-9, ↑ ↓", "help-pick"),
    ("Tab, Shift-Tab", "help-tab"),
    ("Space, 1-9", "help-tick"),
    ("Ctrl-N", "help-notes"),
    ("", "help-editing"),
    ("Ctrl-A, Ctrl-E", "help-line-ends"),
    ("Alt-B, Alt-F", "help-words"),
    ("Ctrl-K, Ctrl-U", "help-kill-line"),
    ("Ctrl-W, Alt-Bksp", "help-kill-word"),
    ("Alt-D", "help-kill-next-word"),
    ("Ctrl-Y", "help-yank"),
    ("Ctrl-_, Ctrl-R", "help-undo"),
    ("Alt-PgUp, Alt-PgDn", "help-scroll"),
    ("", "help-clock"),
    ("Esc", "help-pause"),
    ("Esc, Enter, Space", "help-resume"),
    ("Ctrl-Z", "help-suspend"),
    ("", "help-leaving"),
    ("q, Ctrl-C", "help-quit"),
    ("", "help-picking"),
    ("↑ ↓, Enter", "help-choose"),
    ("/", "help-filter"),
    ("p", "help-pace"),
    ("l", "help-language"),
    ("g", "help-progress"),
    ("", "help-anywhere"),
    ("F1, ?", "help-help"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // Narrow terminals put each description under its key.
    let narrow = area.width < 78;
    let l = app.lang;
    let r = centered(area, 78, area.height);
    let width = r.width.saturating_sub(2);
    // Descriptions wrap with a hanging indent, under their own column.
    let indent: u16 = if narrow { 6 } else { 22 };
    let lines: Vec<Line> = KEYS
        .iter()
        .flat_map(|(k, id)| {
            let what = crate::i18n::message(l, id, &[]);
            if k.is_empty() {
                return wrap(&what, width).into_iter().map(|w| Line::styled(w, theme.title())).collect();
            }
            let mut rows = Vec::new();
            let mut key = Some(format!("  {k}"));
            if narrow && let Some(key) = key.take() {
                rows.push(Line::styled(key, theme.accent()));
            }
            for w in wrap(&what, width.saturating_sub(indent).max(8)) {
                let lead = match key.take() {
                    Some(key) => {
                        let pad =
                            usize::from(indent).saturating_sub(unicode_width::UnicodeWidthStr::width(key.as_str()));
                        Span::styled(format!("{key}{}", " ".repeat(pad)), theme.accent())
                    }
                    None => Span::raw(" ".repeat(usize::from(indent))),
                };
                rows.push(Line::from(vec![lead, Span::raw(w)]));
            }
            rows
        })
        .collect();
    let r = centered(area, 78, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    let visible = usize::from(r.height.saturating_sub(2));
    let fits = visible >= lines.len();
    let title = if fits {
        format!(" {} · {} ", tr!(l, "help-title"), tr!(l, "help-close"))
    } else {
        format!(" {} · {} · {} ", tr!(l, "help-title"), tr!(l, "help-scroll-keys"), tr!(l, "help-close"))
    };
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = usize::from(app.help_scroll).min(max_scroll);
    let block = Block::default().borders(Borders::ALL).title(title).border_style(theme.focused());
    let p = Paragraph::new(lines).scroll((scroll as u16, 0)).block(block);
    frame.render_widget(p, r);
    if !fits {
        super::session::scrollbar(frame, r, max_scroll, scroll);
    }
}
