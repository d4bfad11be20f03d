//! The hot seat: header, prompt, timer, answer, notes and the keys that
//! work right now. Three layouts: comfortable (≥100 wide, ≥30 high),
//! complete (≥80x24) and compact (down to 60x16).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::common::{footer, header, mmss, over};
use crate::rules::signals::word_count;
use crate::scenario::Answer;
use crate::session::State;
use crate::tui::app::{App, Focus};
use crate::tui::theme::Theme;

/// Where each panel goes.
struct Areas {
    header: Rect,
    prompt: Rect,
    timer: Rect,
    answer: Rect,
    notes: Rect,
    footer: Rect,
}

fn layout(area: Rect) -> Areas {
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if area.width >= 80 && area.height >= 24 {
        let side = if area.width >= 100 { 36 } else { 28 };
        let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(body);
        let [prompt, answer] = Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(left);
        let timer_h = if area.height >= 30 { 6 } else { 5 };
        let [timer, notes] = Layout::vertical([Constraint::Length(timer_h), Constraint::Fill(1)]).areas(right);
        Areas { header, prompt, timer, answer, notes, footer }
    } else {
        // Compact: the timer shares the bottom row with the notes so the
        // question keeps as many lines as possible.
        let [prompt, answer, bottom] =
            Layout::vertical([Constraint::Fill(3), Constraint::Fill(2), Constraint::Length(3)]).areas(body);
        let [notes, timer] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(22)]).areas(bottom);
        Areas { header, prompt, timer, answer, notes, footer }
    }
}

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let a = layout(area);
    let theme = &app.theme;
    header(theme, s, frame, a.header);
    prompt(app, s, frame, a.prompt);
    timer(theme, s, frame, a.timer);
    answer(app, s, frame, a.answer);
    let notes_block = panel(theme, " Notes ", app.focus == Focus::Notes);
    editor(&s.notes, notes_block, app.focus == Focus::Notes, theme, frame, a.notes);
    footer(theme, &keys(app, s), frame, a.footer);
}

fn panel(theme: &Theme, title: &str, focused: bool) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL).title(title.to_string());
    if focused { block.border_style(theme.focused()) } else { block }
}

fn prompt(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let node = s.current();
    let question: Vec<Line> = s.prompt().lines().map(|l| Line::styled(l.to_string(), app.theme.title())).collect();
    let context: Vec<Line> =
        node.context.iter().flat_map(|c| c.lines()).map(|l| Line::styled(l.to_string(), app.theme.dim())).collect();
    // Context sets the scene above the question; where space is short the
    // question comes first so it is never scrolled out of sight.
    let mut lines = Vec::new();
    if context.is_empty() {
        lines = question;
    } else if area.height >= 10 {
        lines.extend(context);
        lines.push(Line::from(""));
        lines.extend(question);
    } else {
        lines.extend(question);
        lines.push(Line::from(""));
        lines.extend(context);
    }
    let block = panel(&app.theme, " Prompt ", false);
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((app.prompt_scroll, 0)).block(block);
    frame.render_widget(p, area);
}

/// The timer: `mm:ss` left, a gauge, and a word for how urgent it is.
fn timer(theme: &Theme, s: &State, frame: &mut Frame, area: Rect) {
    let block = panel(theme, " Timer ", false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(limit), Some(left)) = (s.limit_ms(), s.remaining_ms()) else {
        frame.render_widget(Paragraph::new(format!("untimed · {}", mmss(s.elapsed_ms()))), inner);
        return;
    };
    let ratio = (left.max(0) as f64 / limit.max(1) as f64).clamp(0.0, 1.0);
    let (word, style) = match left {
        l if l <= 0 => ("OVER", theme.danger()),
        _ if ratio < 0.2 => ("LOW", theme.danger()),
        _ if ratio < 0.5 => ("HALF", theme.warn()),
        _ => ("OK", theme.ok()),
    };
    let clock = if left <= 0 { over(left.unsigned_abs()) } else { mmss(left as u64 + 999) };
    let mut lines = vec![Line::from(vec![
        Span::styled(clock, style.add_modifier(ratatui::style::Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(word, style),
    ])];
    if let Some(session_left) = s.session_limit_ms().map(|l| l.saturating_sub(s.elapsed_ms())) {
        lines.push(Line::styled(format!("session {} left", mmss(session_left)), theme.dim()));
    }
    let gauge_row = inner.height.saturating_sub(1);
    let text_area = Rect { height: gauge_row.max(1).min(inner.height), ..inner };
    frame.render_widget(Paragraph::new(lines), text_area);
    if inner.height >= 2 {
        let bar = Rect { y: inner.y + inner.height - 1, height: 1, ..inner };
        frame.render_widget(Paragraph::new(gauge(ratio, bar.width)).style(style), bar);
    }
}

/// A bar of `width` cells, full for time left and light for time used;
/// readable without colour.
fn gauge(ratio: f64, width: u16) -> String {
    let full = (ratio * f64::from(width)).round() as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(usize::from(width).saturating_sub(full)))
}

fn answer(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Answer;
    let theme = &app.theme;
    match &s.current().answer {
        Answer::Choice { options } => {
            let items: Vec<ListItem> =
                options.iter().enumerate().map(|(i, o)| ListItem::new(format!("{}. {}", i + 1, o.label))).collect();
            let list = List::new(items)
                .block(panel(theme, " Answer: pick one ", focused))
                .highlight_style(theme.selected())
                .highlight_symbol("› ");
            let mut st = ListState::default().with_selected(Some(s.selected));
            frame.render_stateful_widget(list, area, &mut st);
        }
        Answer::Numeric { unit, .. } => {
            let title =
                if unit.is_empty() { " Answer: a number ".to_string() } else { format!(" Answer: a number ({unit}) ") };
            let block = panel(theme, &title, focused);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let [field, msg] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            editor(&s.answer, Block::default(), focused, theme, frame, field);
            let (text, style) = match &s.numeric_error {
                Some(e) => (e.clone(), theme.danger()),
                None => ("e.g. 1,200 · 12% · ¥1.2M · 120万 · Enter submits".to_string(), theme.dim()),
            };
            frame.render_widget(Paragraph::new(text).style(style).wrap(Wrap { trim: true }), msg);
        }
        Answer::Spoken { pass, .. } => {
            let n = s.ticked.len() as u16;
            let [text_area, points] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length((n + 2).min(area.height / 2 + 1))])
                    .areas(area);
            let title = format!(" Answer aloud or in writing · {} words ", word_count(&s.answer_text()));
            editor(&s.answer, panel(theme, &title, focused), focused, theme, frame, text_area);
            let items: Vec<ListItem> = s
                .current()
                .talking_points
                .iter()
                .zip(&s.ticked)
                .enumerate()
                .map(|(i, (p, t))| ListItem::new(format!("{} {}. {p}", if *t { "[x]" } else { "[ ]" }, i + 1)))
                .collect();
            let done = s.ticked.iter().filter(|t| **t).count();
            let title = format!(" Talking points covered: {done}/{} (need {pass}) ", s.ticked.len());
            let pfocus = app.focus == Focus::Points;
            let list = List::new(items).block(panel(theme, &title, pfocus)).highlight_style(if pfocus {
                theme.selected()
            } else {
                Style::new()
            });
            let mut st = ListState::default().with_selected(Some(app.point_cursor));
            frame.render_stateful_widget(list, points, &mut st);
        }
        Answer::FreeText { .. } => {
            let title = format!(" Answer · {} words ", word_count(&s.answer_text()));
            editor(&s.answer, panel(theme, &title, focused), focused, theme, frame, area);
        }
        Answer::End { .. } => {}
    }
}

/// Draws a text area in a block; the focused one shows the cursor (and
/// puts the terminal's own cursor there, for input methods).
fn editor(
    text: &TextArea<'static>,
    block: Block<'static>,
    focused: bool,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let mut ta = text.clone();
    ta.set_block(block);
    ta.set_cursor_line_style(Style::new());
    if !focused {
        ta.set_cursor_style(Style::new());
    } else {
        ta.set_cursor_style(theme.selected());
    }
    frame.render_widget(&ta, area);
    if focused {
        let inner = ta.block().map_or(area, |b| b.inner(area));
        let c = ta.screen_cursor();
        let (top, left) = ta.scroll_offset();
        let row = (c.row as u16).saturating_sub(top);
        let col = (c.col as u16).saturating_sub(left);
        if row < inner.height && col < inner.width {
            frame.set_cursor_position(Position { x: inner.x + col, y: inner.y + row });
        }
    }
}

fn keys(app: &App, s: &State) -> Vec<(&'static str, &'static str)> {
    let mut keys = vec![("^S", "submit")];
    match (app.focus, &s.current().answer) {
        (Focus::Answer, Answer::Choice { .. }) => {
            keys.splice(0..0, [("1-9/↑↓", "pick"), ("Enter", "submit")]).for_each(drop)
        }
        (Focus::Answer, Answer::Numeric { .. }) => keys.insert(0, ("Enter", "submit")),
        (Focus::Points, _) => keys.insert(0, ("Space", "tick")),
        _ => {}
    }
    keys.extend([("Esc", "pause"), ("F1", "help"), ("^C", "quit"), ("^N", "notes"), ("Tab", "focus")]);
    keys
}
