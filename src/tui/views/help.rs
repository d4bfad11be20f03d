//! The help overlay: every key, grouped by where it works. Scrolls on
//! small terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
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
    ("", "help-anywhere"),
    ("F1, ?", "help-help"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // Narrow terminals put each description under its key.
    let narrow = area.width < 78;
    let l = app.lang;
    let lines: Vec<Line> = KEYS
        .iter()
        .flat_map(|(k, id)| {
            let what = crate::i18n::message(l, id, &[]);
            match (k.is_empty(), narrow) {
                (true, _) => vec![Line::styled(what, theme.title())],
                (false, false) => {
                    let pad = 20usize.saturating_sub(unicode_width::UnicodeWidthStr::width(*k));
                    vec![Line::from(vec![
                        Span::styled(format!("  {k}{}", " ".repeat(pad)), theme.accent()),
                        Span::raw(what),
                    ])]
                }
                (false, true) => {
                    vec![Line::styled(format!("  {k}"), theme.accent()), Line::from(format!("      {what}"))]
                }
            }
        })
        .collect();
    let r = centered(area, 78, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    let fits = usize::from(r.height.saturating_sub(2)) >= lines.len();
    let title = if fits {
        format!(" {} · {} ", tr!(l, "help-title"), tr!(l, "help-close"))
    } else {
        format!(" {} · {} · {} ", tr!(l, "help-title"), tr!(l, "help-scroll-keys"), tr!(l, "help-close"))
    };
    let block = Block::default().borders(Borders::ALL).title(title).border_style(theme.focused());
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((app.help_scroll, 0)).block(block);
    frame.render_widget(p, r);
}
