//! The hot seat: header, prompt, timer, answer, notes and the keys that
//! work right now. Three layouts: comfortable (≥100 wide, ≥30 high),
//! complete (≥80x24) and compact (down to 60x16).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use crate::i18n::Lang;
use crate::session::Editor;
use crate::tr;

use super::common::{footer, header, left, mmss, over, wrap};
use crate::rules::signals::{cjk_chars, latin_words};
use crate::scenario::Answer;
use crate::session::{MAX_ANSWER_BYTES, State};
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

/// A number's box: the field, two lines for its hint or error, borders.
const NUMERIC_ROWS: u16 = 5;

fn layout(area: Rect, s: &State) -> Areas {
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let roomy = area.width >= 80 && area.height >= 24;
    let split = prompt_answer_split(&s.current().answer, roomy);
    if roomy {
        let side = if area.width >= 100 { 36 } else { 28 };
        let [main, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(body);
        let [prompt, answer] = Layout::vertical(split).areas(main);
        let timer_h = if area.height >= 30 { 6 } else { 5 };
        let [timer, notes] = Layout::vertical([Constraint::Length(timer_h), Constraint::Fill(1)]).areas(right);
        Areas { header, prompt, timer, answer, notes, footer }
    } else {
        // Compact: the timer shares the bottom row with the notes so the
        // question keeps as many lines as possible.
        let [prompt, answer, bottom] = Layout::vertical([split[0], split[1], Constraint::Length(3)]).areas(body);
        let [notes, timer] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(22)]).areas(bottom);
        Areas { header, prompt, timer, answer, notes, footer }
    }
}

/// How the question and the answer share their column: lists of options
/// and talking points need more room than a text box; a number needs one
/// line and its hint, so the question gets the rest.
fn prompt_answer_split(answer: &Answer, roomy: bool) -> [Constraint; 2] {
    match answer {
        Answer::Numeric { .. } => [Constraint::Fill(1), Constraint::Length(NUMERIC_ROWS)],
        Answer::Choice { .. } | Answer::Spoken { .. } if roomy => [Constraint::Percentage(38), Constraint::Fill(1)],
        Answer::Choice { .. } | Answer::Spoken { .. } => [Constraint::Fill(2), Constraint::Fill(3)],
        _ if roomy => [Constraint::Percentage(45), Constraint::Fill(1)],
        _ => [Constraint::Fill(3), Constraint::Fill(2)],
    }
}

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let a = layout(area, s);
    let theme = &app.theme;
    header(theme, app.lang, s, frame, a.header);
    prompt(app, s, frame, a.prompt);
    timer(theme, app.lang, s, frame, a.timer);
    answer(app, s, frame, a.answer);
    let notes_block = panel(theme, &tr!(app.lang, "session-notes"), app.focus == Focus::Notes);
    editor(&s.notes, notes_block, app.focus == Focus::Notes, theme, frame, a.notes);
    match &app.status {
        // A problem (say, recording stopped) shows in place of the hints.
        Some(msg) => frame.render_widget(Paragraph::new(format!(" ⚠ {msg}")).style(theme.warn()), a.footer),
        None => footer(theme, &keys(app, s), frame, a.footer),
    }
}

/// A bordered panel titled ` title `.
fn panel(theme: &Theme, title: &str, focused: bool) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL).title(format!(" {title} "));
    if focused { block.border_style(theme.focused()) } else { block }
}

/// The question, with its scene-setting context. Where it does not fit, a
/// scrollbar and the title say so.
fn prompt(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(2);
    let mut question: Vec<Line> =
        wrap(s.prompt(), width).into_iter().map(|l| Line::styled(l, app.theme.title())).collect();
    // The interviewer speaking up as the clock runs low: right under the
    // question, so it shows wherever the question does.
    if let Some(said) = s.interjection() {
        let who = &s.current().speaker.as_ref().unwrap_or(&s.compiled.scenario.persona).name;
        question.push(Line::from(""));
        question.extend(wrap(&format!("{who}: {said}"), width).into_iter().map(|l| Line::styled(l, app.theme.warn())));
    }
    let context: Vec<Line> = s
        .current()
        .context
        .as_deref()
        .map(|c| wrap(c, width).into_iter().map(|l| Line::styled(l, app.theme.dim())).collect())
        .unwrap_or_default();
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
    // The last question's time ran out: said first, so the candidate knows
    // why the question changed under their typing.
    if let Some(m) = app.moved_on {
        let said = format!("⏱ {}", crate::i18n::message(app.lang, m.why.message_id(), &[]));
        let mut notice: Vec<Line> = wrap(&said, width).into_iter().map(|l| Line::styled(l, app.theme.warn())).collect();
        notice.push(Line::from(""));
        lines.splice(0..0, notice);
    }
    let visible = usize::from(area.height.saturating_sub(2));
    let overflow = lines.len() > visible;
    let title = if overflow { tr!(app.lang, "session-prompt-more") } else { tr!(app.lang, "session-prompt") };
    let scroll = app.prompt_scroll.min(lines.len().saturating_sub(visible) as u16);
    let total = lines.len();
    let p = Paragraph::new(lines).scroll((scroll, 0)).block(panel(&app.theme, &title, false));
    frame.render_widget(p, area);
    if overflow {
        scrollbar(frame, area, total.saturating_sub(visible), usize::from(scroll));
    }
}

/// A vertical scrollbar on the right border of `area`.
pub fn scrollbar(frame: &mut Frame, area: Rect, max_scroll: usize, at: usize) {
    let mut st = ScrollbarState::new(max_scroll + 1).position(at);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
    frame.render_stateful_widget(bar, area.inner(Margin { vertical: 1, horizontal: 0 }), &mut st);
}

/// The timer: `mm:ss` left, a gauge, and a word for how urgent it is.
fn timer(theme: &Theme, lang: Lang, s: &State, frame: &mut Frame, area: Rect) {
    let block = panel(theme, &tr!(lang, "session-timer"), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(limit), Some(remaining)) = (s.limit_ms(), s.remaining_ms()) else {
        frame.render_widget(Paragraph::new(tr!(lang, "session-untimed", time = mmss(s.elapsed_ms()))), inner);
        return;
    };
    let ratio = (remaining.max(0) as f64 / limit.max(1) as f64).clamp(0.0, 1.0);
    let (word, style) = match remaining {
        // A Spoken answer marked done: its clock stopped, rating is untimed.
        _ if s.rating() => (tr!(lang, "timer-stopped"), theme.dim()),
        r if r <= 0 => (tr!(lang, "timer-over"), theme.danger()),
        _ if ratio < 0.2 => (tr!(lang, "timer-low"), theme.danger()),
        _ if ratio < 0.5 => (tr!(lang, "timer-half"), theme.warn()),
        _ => (tr!(lang, "timer-ok"), theme.ok()),
    };
    let clock = if remaining <= 0 { over(remaining.unsigned_abs()) } else { left(remaining as u64) };
    let mut lines = vec![Line::from(vec![
        Span::styled(clock, style.add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(word, style),
    ])];
    if s.wrapping_up {
        lines.push(Line::styled(tr!(lang, "timer-wrapping-up"), theme.warn()));
    } else if let Some(session_left) = s.session_limit_ms().map(|l| l.saturating_sub(s.elapsed_ms())) {
        lines.push(Line::styled(tr!(lang, "timer-session-left", time = left(session_left)), theme.dim()));
    }
    let text_rows = if inner.height >= 2 { inner.height - 1 } else { inner.height };
    frame.render_widget(Paragraph::new(lines), Rect { height: text_rows, ..inner });
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

/// "12 words", or "26 字" for an answer mostly in Chinese, then, when
/// the last insertion hit the answer limit, that it is full.
/// (Counts only: the full signal analysis would compile a dozen patterns
/// on the first frame.)
fn length_label(lang: Lang, s: &State) -> String {
    let text = s.answer_text();
    let (latin, cjk) = (latin_words(&text), cjk_chars(&text));
    let n = latin + cjk;
    // An empty box counts in the reader's unit (0 字 in Chinese).
    let chars = cjk > latin || (n == 0 && lang == Lang::Zh);
    let count = if chars { tr!(lang, "count-chars", n = n) } else { tr!(lang, "count-words", n = n) };
    if s.answer_clipped {
        format!("{count} · {}", tr!(lang, "answer-full", kb = MAX_ANSWER_BYTES / 1024))
    } else {
        count
    }
}

/// List items that wrap instead of being cut: `marker` before the first
/// line, indentation after. An item never grows past `max_lines` (a list
/// cannot show an item taller than itself), ending in `…` when cut.
fn wrapped_items<'a>(
    labels: impl Iterator<Item = (String, &'a str)>,
    width: u16,
    max_lines: u16,
) -> Vec<ListItem<'static>> {
    let max_lines = usize::from(max_lines.max(1));
    labels
        .map(|(marker, label)| {
            let pad = unicode_width::UnicodeWidthStr::width(marker.as_str());
            let mut wrapped = wrap(label, width.saturating_sub(pad as u16).max(8));
            if wrapped.len() > max_lines {
                wrapped.truncate(max_lines);
                if let Some(last) = wrapped.last_mut() {
                    last.push('…');
                }
            }
            let lines: Vec<Line> = wrapped
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    Line::from(if i == 0 { format!("{marker}{l}") } else { format!("{}{l}", " ".repeat(pad)) })
                })
                .collect();
            ListItem::new(Text::from(lines))
        })
        .collect()
}

fn answer(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Answer;
    let theme = &app.theme;
    match &s.current().answer {
        Answer::Choice { options } => {
            // Inner width less the border and the highlight symbol.
            let width = area.width.saturating_sub(4);
            let rows = area.height.saturating_sub(2);
            // Shown in the session's order, numbered as shown.
            let shown: Vec<usize> =
                if s.order.len() == options.len() { s.order.clone() } else { (0..options.len()).collect() };
            let items = wrapped_items(
                shown.iter().enumerate().map(|(k, &i)| (format!("{}. ", k + 1), options[i].label.as_str())),
                width,
                rows,
            );
            let cursor = shown.iter().position(|&i| i == s.selected).unwrap_or(0);
            let block = panel(theme, &tr!(app.lang, "answer-pick"), focused);
            let cut = items.iter().map(ListItem::height).sum::<usize>() > usize::from(rows);
            let count = items.len();
            let list = List::new(items).block(block).highlight_style(theme.selected()).highlight_symbol("› ");
            let mut st = ListState::default().with_selected(Some(cursor));
            frame.render_stateful_widget(list, area, &mut st);
            // Options below (or above) the box: a scrollbar says so.
            if cut {
                scrollbar(frame, area, count.saturating_sub(1), cursor);
            }
        }
        Answer::Numeric { unit, .. } => {
            let title = if unit.is_empty() {
                tr!(app.lang, "answer-number")
            } else {
                tr!(app.lang, "answer-number-unit", unit = unit.as_str())
            };
            let block = panel(theme, &title, focused);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let [field, msg] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            editor(&s.answer, Block::default(), focused, theme, frame, field);
            let (text, style) = match &s.numeric_error {
                Some(e) => (e.message(app.lang), theme.danger()),
                None => (tr!(app.lang, "answer-number-hint"), theme.dim()),
            };
            let lines: Vec<Line> = wrap(&text, msg.width).into_iter().map(Line::from).collect();
            frame.render_widget(Paragraph::new(lines).style(style), msg);
        }
        Answer::Spoken { pass, .. } => spoken(app, s, *pass, frame, area),
        Answer::FreeText { .. } => {
            let title = tr!(app.lang, "answer-text", length = length_label(app.lang, s));
            editor(&s.answer, panel(theme, &title, focused), focused, theme, frame, area);
        }
        Answer::End { .. } => {}
    }
}

/// A spoken answer. While it is being given: a box for notes on what was
/// said and a line saying the talking points come once it is done (shown
/// earlier they would be a script to read out). Once done: the rating step.
fn spoken(app: &App, s: &State, pass: u32, frame: &mut Frame, area: Rect) {
    if s.rating() {
        return rating(app, s, pass, frame, area);
    }
    // Only a recording made before the rating step ticks points while the
    // answer is given; its replay shows them where they were ticked.
    if s.ticked.iter().any(|t| *t) {
        return spoken_with_points(app, s, pass, frame, area);
    }
    let theme = &app.theme;
    let focused = app.focus == Focus::Answer;
    let hint = tr!(app.lang, "answer-spoken-hint");
    let lines = wrap(&hint, area.width.saturating_sub(1));
    let rows = (lines.len() as u16).min(2).min(area.height.saturating_sub(3));
    let [text_area, hint_area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(area);
    let title = tr!(app.lang, "answer-spoken", length = length_label(app.lang, s));
    editor(&s.answer, panel(theme, &title, focused), focused, theme, frame, text_area);
    let hint: Vec<Line> = lines.into_iter().map(|l| Line::from(format!(" {l}"))).collect();
    frame.render_widget(Paragraph::new(hint).style(theme.dim()), hint_area);
}

/// The talking points as a checklist, the cursor on `app.point_cursor`.
/// Where the points do not all fit wrapped, each takes one line but the one
/// under the cursor, so every point can be seen and the current one read.
fn checklist(app: &App, s: &State, title: &str, focused: bool, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4);
    let rows = area.height.saturating_sub(2);
    let labeled: Vec<(String, &str)> = s
        .current()
        .talking_points
        .iter()
        .zip(&s.ticked)
        .enumerate()
        .map(|(i, (p, t))| (format!("{} {}. ", if *t { "[x]" } else { "[ ]" }, i + 1), p.as_str()))
        .collect();
    let mut items = wrapped_items(labeled.iter().cloned(), width, rows);
    let others = labeled.len().saturating_sub(1) as u16;
    if items.iter().map(ListItem::height).sum::<usize>() > usize::from(rows) && rows > others {
        items = labeled
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let max = if i == app.point_cursor { rows - others } else { 1 };
                wrapped_items(std::iter::once(l.clone()), width, max)
            })
            .collect();
    }
    let cut = items.iter().map(ListItem::height).sum::<usize>() > usize::from(rows);
    let count = items.len();
    let list = List::new(items)
        .block(panel(theme, title, focused))
        .highlight_style(if focused { theme.selected() } else { Style::new() })
        .highlight_symbol(if focused { "› " } else { "  " });
    let mut st = ListState::default().with_selected(Some(app.point_cursor));
    frame.render_stateful_widget(list, area, &mut st);
    if cut {
        scrollbar(frame, area, count.saturating_sub(1), app.point_cursor);
    }
}

/// The rating step: "which of these did you cover?", with what the
/// candidate jotted above it (read-only) when there is room to recall by.
fn rating(app: &App, s: &State, pass: u32, frame: &mut Frame, area: Rect) {
    let done = s.ticked.iter().filter(|t| **t).count();
    let title = tr!(app.lang, "answer-which-covered", done = done, total = s.ticked.len(), pass = pass);
    let focused = app.focus != Focus::Notes;
    if area.height < 14 || s.answer_text().trim().is_empty() {
        return checklist(app, s, &title, focused, frame, area);
    }
    let [said, points] = Layout::vertical([Constraint::Percentage(30), Constraint::Fill(1)]).areas(area);
    let said_title = tr!(app.lang, "answer-jotted", length = length_label(app.lang, s));
    editor(&s.answer, panel(&app.theme, &said_title, false), false, &app.theme, frame, said);
    checklist(app, s, &title, focused, frame, points);
}

/// A spoken answer with points ticked while it was given (recordings made
/// before the rating step): the box and the checklist side by side.
fn spoken_with_points(app: &App, s: &State, pass: u32, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Answer;
    let pfocus = app.focus == Focus::Points;
    let [text_area, points] = if area.height < 10 {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area)
    } else {
        Layout::vertical([Constraint::Min(4), Constraint::Percentage(55)]).areas(area)
    };
    let title = tr!(app.lang, "answer-spoken", length = length_label(app.lang, s));
    editor(&s.answer, panel(theme, &title, focused), focused, theme, frame, text_area);
    let done = s.ticked.iter().filter(|t| **t).count();
    let title = tr!(app.lang, "answer-points", done = done, total = s.ticked.len(), pass = pass);
    checklist(app, s, &title, pfocus, frame, points);
}

/// Draws a text box in a block ([`super::textbox`]).
fn editor(text: &Editor, block: Block<'static>, focused: bool, theme: &Theme, frame: &mut Frame, area: Rect) {
    super::textbox::draw(text, block, focused, theme, frame, area);
}

/// The keys that work right now, most useful first.
fn keys(app: &App, s: &State) -> Vec<(&'static str, String)> {
    let l = app.lang;
    let mut keys = match (app.focus, &s.current().answer) {
        (Focus::Points, _) if s.rating() => vec![("Space/1-9", "key-tick"), ("Enter", "key-confirm")],
        (_, Answer::Spoken { .. }) if s.rating() => vec![("^S", "key-confirm-points")],
        (Focus::Answer, Answer::Choice { .. }) => vec![("1-9/↑↓", "key-pick"), ("Enter", "key-submit")],
        (Focus::Answer, Answer::Numeric { .. }) => vec![("Enter", "key-submit")],
        (Focus::Points, _) => vec![("Space", "key-tick"), ("^S", "key-submit")],
        (_, Answer::Spoken { .. }) => vec![("^S", "key-done-then-tick")],
        _ => vec![("^S", "key-submit")],
    };
    keys.extend([
        ("Esc", "key-pause"),
        ("F1", "key-help"),
        ("^C", "key-quit"),
        ("^N", "key-notes"),
        ("Tab", "key-focus"),
    ]);
    if app.catalogue_notice.is_some() {
        // Short here: the full message is on the ready screen and stderr.
        keys.insert(0, ("⚠", "key-traps-broken"));
    }
    keys.into_iter().map(|(k, id)| (k, crate::i18n::message(l, id, &[]))).collect()
}
