//! The cohort view's screens, pure functions of [`View`]: the trap ×
//! candidate table (the trap column stays while candidates scroll
//! sideways; `‹ ›` and a scrollbar say what is cut), the answers under one
//! trap, and the keys. What goes first on a small terminal: the
//! per-trap line under the table, then key hints past the width.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::common::{ellipsis, footer, too_small, wrap};
use super::{MIN_HEIGHT, MIN_WIDTH, centered, scrub};
use crate::tr;
use crate::tui::cohort::{Screen, View};

/// Widest a candidate column gets (names longer are cut with `…`).
const CELL_MAX: usize = 12;
/// Narrowest a candidate column gets.
const CELL_MIN: usize = 4;

pub fn render(v: &View, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(v.lang, frame, area);
    } else {
        let [title, body, keys] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        match &v.screen {
            Screen::Table => {
                headline(v, frame, title, None);
                table(v, frame, body);
            }
            Screen::Quotes { trap, quotes, selected } => {
                headline(v, frame, title, Some(*trap));
                self::quotes(v, quotes, *selected, frame, body);
            }
        }
        key_line(v, frame, keys);
        if v.help {
            help(v, frame, area);
        }
    }
    scrub(frame.buffer_mut());
}

fn headline(v: &View, frame: &mut Frame, area: Rect, trap: Option<usize>) {
    let c = &v.cohort;
    let mut text = tr!(v.lang, "cohort-view-title", candidates = c.candidates.len(), sessions = c.sessions.len());
    if c.damaged > 0 {
        text = format!("{text} {}", tr!(v.lang, "cohort-headline-damaged", n = c.damaged));
    }
    if let Some(t) = trap {
        text = format!("{text} › {}", v.title(t));
    }
    let line = Line::styled(ellipsis(&format!(" {text}"), usize::from(area.width)), v.theme.title());
    frame.render_widget(Paragraph::new(line), area);
}

fn key_line(v: &View, frame: &mut Frame, area: Rect) {
    if let Some(s) = &v.status {
        let line = Line::styled(ellipsis(&format!(" {s}"), usize::from(area.width)), v.theme.warn());
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let l = v.lang;
    let m = |id: &str| crate::i18n::message(l, id, &[]);
    let keys: Vec<(&str, String)> = match v.screen {
        Screen::Table => vec![
            ("Enter", m("cohort-key-answers")),
            ("q", m("key-quit")),
            ("↑↓←→", m("cohort-key-move")),
            ("?", m("cohort-key-help")),
        ],
        Screen::Quotes { .. } => vec![
            ("Enter", m("cohort-key-replay")),
            ("Esc", m("cohort-key-back")),
            ("↑↓", m("cohort-key-move")),
            ("?", m("cohort-key-help")),
        ],
    };
    footer(&v.theme, &keys, frame, area);
}

/// The widths of the trap column and of each candidate column for
/// `width` columns (one kept for the scrollbar).
fn columns(v: &View, width: usize) -> (usize, usize) {
    let widest_name = v.cohort.candidates.iter().map(|c| ellipsis(&c.name, CELL_MAX).width()).max().unwrap_or(0);
    let cell = widest_name.clamp(CELL_MIN, CELL_MAX);
    let widest_title = (0..v.cohort.traps.len()).map(|i| ellipsis(&v.title(i), 200).width()).max().unwrap_or(0);
    // The trap column takes what the titles need, at most 45% of the
    // width, and leaves room for at least two candidates.
    let most = (width * 45 / 100).max(16);
    let trap = widest_title.clamp(10, most).min(width.saturating_sub(2 * (cell + 1) + 5));
    (trap, cell)
}

/// The first item shown so that `selected` is in a window of `shown`.
fn first_shown(selected: usize, shown: usize) -> usize {
    if shown == 0 { selected } else { selected.saturating_sub(shown - 1) }
}

fn table(v: &View, frame: &mut Frame, area: Rect) {
    let c = &v.cohort;
    let l = v.lang;
    let theme = &v.theme;
    if c.traps.is_empty() {
        let text = wrap(&tr!(l, "cohort-no-traps"), area.width.saturating_sub(2));
        let lines: Vec<Line> = text.into_iter().map(|t| Line::from(format!(" {t}"))).collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    // The line under the table goes first when rows are short.
    let detail = area.height >= 10;
    let [grid, info] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(if detail { 2 } else { 0 })]).areas(area);
    let width = usize::from(grid.width).saturating_sub(1);
    let (trap_w, cell_w) = columns(v, width);
    // Two columns before the trap mark the selected row, in any theme.
    let room = width.saturating_sub(trap_w + 4);
    let visible_cols = (room / (cell_w + 1)).max(1);
    let left = first_shown(v.col, visible_cols);
    let shown_cols = left..(left + visible_cols).min(c.candidates.len());
    let cut_left = left > 0;
    let cut_right = shown_cols.end < c.candidates.len();
    let rows_room = usize::from(grid.height).saturating_sub(1);
    let top = first_shown(v.row, rows_room);

    // Header: the trap heading, then candidate names, with marks when cut.
    let heading = crate::i18n::message(l, "cohort-col-trap", &[]);
    let mut spans = vec![
        Span::styled(format!("  {}", crate::text::pad(&ellipsis(&heading, trap_w), trap_w)), theme.dim()),
        Span::styled(if cut_left { "‹ " } else { "  " }, theme.accent()),
    ];
    for i in shown_cols.clone() {
        let name = ellipsis(&c.candidates[i].name, cell_w);
        let style = if i == v.col { theme.accent() } else { theme.dim() };
        spans.push(Span::styled(format!("{} ", crate::text::pad_left(&name, cell_w)), style));
    }
    if cut_right {
        spans.push(Span::styled("›", theme.accent()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), Rect { height: 1, ..grid });

    let mut lines = Vec::new();
    for (r, t) in c.traps.iter().enumerate().skip(top).take(rows_room) {
        let selected_row = r == v.row;
        let title_style = if selected_row { theme.selected() } else { Style::default() };
        let mark = if selected_row { "▸ " } else { "  " };
        let title = crate::text::pad(&ellipsis(&v.title(r), trap_w), trap_w);
        let mut spans = vec![Span::styled(format!("{mark}{title}"), title_style), Span::raw("  ")];
        for i in shown_cols.clone() {
            let n = c.falls(i, &t.trap);
            let text = if n == 0 { "·".to_string() } else { n.to_string() };
            let style = match (selected_row && i == v.col, n) {
                (true, _) => theme.selected(),
                (false, 0) => theme.dim(),
                _ => theme.warn(),
            };
            spans.push(Span::styled(crate::text::pad_left(&text, cell_w), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let rows_area = Rect { y: grid.y + 1, height: grid.height.saturating_sub(1), ..grid };
    frame.render_widget(Paragraph::new(lines), rows_area);
    if c.traps.len() > rows_room {
        let mut state = bar_state(c.traps.len(), rows_room, top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(bar, rows_area, &mut state);
    }
    if detail && let Some(t) = c.traps.get(v.row) {
        let who = c.candidates.get(v.col).map(|k| k.name.as_str()).unwrap_or_default();
        let line1 = tr!(
            l,
            "cohort-view-trap-line",
            fell = t.candidates_fell,
            candidates = t.candidates,
            occurrences = t.occurrences
        );
        let line2 = tr!(l, "cohort-view-cell-line", candidate = who, n = c.falls(v.col, &t.trap));
        let w = usize::from(info.width);
        let lines = vec![
            Line::styled(ellipsis(&format!(" {line1}"), w), theme.dim()),
            Line::styled(ellipsis(&format!(" {line2}"), w), theme.dim()),
        ];
        frame.render_widget(Paragraph::new(lines), info);
    }
}

/// A scrollbar for `total` items of which `shown` show from `top`:
/// ratatui puts the thumb at the end when the position is its content
/// length less one, so the content is the positions `top` can take.
fn bar_state(total: usize, shown: usize, top: usize) -> ScrollbarState {
    ScrollbarState::new(total.saturating_sub(shown) + 1).position(top).viewport_content_length(shown)
}

/// Lines per answer in the list: who, where, and two lines of quote (the
/// heading line's colour sets answers apart).
const QUOTE_ROWS: usize = 3;

/// Lines of quote shown per answer.
const QUOTE_LINES: usize = QUOTE_ROWS - 1;

fn quotes(v: &View, quotes: &[crate::cohort::Quote], selected: usize, frame: &mut Frame, area: Rect) {
    let theme = &v.theme;
    let l = v.lang;
    if quotes.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", tr!(l, "cohort-no-quotes"))), area);
        return;
    }
    let width = area.width.saturating_sub(2);
    let shown = (usize::from(area.height) / QUOTE_ROWS).max(1);
    let top = first_shown(selected, shown);
    let mut lines = Vec::new();
    for (i, q) in quotes.iter().enumerate().skip(top).take(shown) {
        let mark = if i == selected { "▸ " } else { "  " };
        let times = if q.count > 1 { format!(" ×{}", q.count) } else { String::new() };
        // A drill's question by its source, as every cohort table names it.
        let (scenario, node) = crate::practice::place::source(&q.scenario, &q.node);
        let head = format!("{mark}{} · {scenario} · {node}{times}", q.candidate);
        let style = if i == selected { theme.selected() } else { theme.accent() };
        lines.push(Line::styled(ellipsis(&head, usize::from(width)), style));
        let room = width.saturating_sub(4);
        let mut body = wrap(&format!("“{}”", q.quote), room);
        if body.len() > QUOTE_LINES {
            body.truncate(QUOTE_LINES);
            if let Some(last) = body.last_mut() {
                *last = cut_quote(last, usize::from(room));
            }
        }
        while body.len() < QUOTE_ROWS - 1 {
            body.push(String::new());
        }
        lines.extend(body.into_iter().map(|b| Line::from(format!("    {b}"))));
    }
    frame.render_widget(Paragraph::new(lines), Rect { width: area.width.saturating_sub(1), ..area });
    if quotes.len() > shown {
        let mut state = bar_state(quotes.len(), shown, top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(bar, area, &mut state);
    }
}

/// The last line of a quote cut short: one `…` and the closing `”`, within
/// `room` columns.
fn cut_quote(line: &str, room: usize) -> String {
    let core = line.trim_end().trim_end_matches(['…', '”']);
    let mut out = crate::text::clip_columns(core, room.saturating_sub(2));
    if !out.ends_with('…') {
        out.push('…');
    }
    out.push('”');
    out
}

/// The keys, over the screen.
fn help(v: &View, frame: &mut Frame, area: Rect) {
    const KEYS: &[(&str, &str)] = &[
        ("↑↓ ←→ hjkl", "cohort-help-move"),
        ("PgUp PgDn Home End", "cohort-help-jump"),
        ("Enter", "cohort-help-answers"),
        ("Enter", "cohort-help-replay"),
        ("Esc, q", "cohort-help-back"),
        ("?", "cohort-help-help"),
    ];
    let r = centered(area, 72, area.height.saturating_sub(2));
    let inner = r.width.saturating_sub(2);
    let rows = usize::from(r.height.saturating_sub(2));
    let mut lines = Vec::new();
    for (k, id) in KEYS {
        lines.push(Line::styled(format!(" {k}"), v.theme.accent()));
        for w in wrap(&crate::i18n::message(v.lang, id, &[]), inner.saturating_sub(4)) {
            lines.push(Line::from(format!("    {w}")));
        }
    }
    if lines.len() > rows {
        // Too tall: each key on the line of its description.
        lines.clear();
        for (k, id) in KEYS {
            let text = format!("{k}  {}", crate::i18n::message(v.lang, id, &[]));
            for (i, w) in wrap(&text, inner.saturating_sub(3)).into_iter().enumerate() {
                lines.push(Line::from(format!("{}{w}", if i == 0 { " " } else { "   " })));
            }
        }
    }
    if lines.len() > rows && rows > 0 {
        // Still too tall: say that more is cut rather than stop mid-way.
        lines.truncate(rows - 1);
        lines.push(Line::styled(" …", v.theme.dim()));
    }
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", tr!(v.lang, "cohort-help-title")))
        .border_style(v.theme.focused());
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

#[cfg(test)]
mod tests {
    /// Review of issue 17: a quote cut at two lines ended `……` with its
    /// closing mark lost (`I was a good……`).
    #[test]
    fn a_quote_cut_short_ends_in_one_ellipsis_and_its_closing_mark() {
        assert_eq!(super::cut_quote("“I was a good", 40), "“I was a good…”");
        assert_eq!(super::cut_quote("“I was a good…", 40), "“I was a good…”");
        let cut = super::cut_quote("“我希望月薪能比现在高一点，具体多少", 12);
        assert!(cut.ends_with("…”") && unicode_width::UnicodeWidthStr::width(cut.as_str()) <= 12, "{cut}");
    }
}
