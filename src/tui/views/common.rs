//! Pieces shared by several screens: the header, the footer, clocks,
//! the too-small message and the quit confirmation.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{MIN_HEIGHT, MIN_WIDTH, centered};
use crate::session::State;
use crate::tui::app::App;
use crate::tui::theme::Theme;

use crate::text::escape_controls;
pub use crate::text::mmss;

/// Escapes control characters visibly in every span of `lines`, for text
/// from files that goes to a widget without [`wrap`] or [`ellipsis`].
pub fn escape_lines(lines: &mut [Line<'_>]) {
    for span in lines.iter_mut().flat_map(|l| l.spans.iter_mut()) {
        if let std::borrow::Cow::Owned(escaped) = escape_controls(&span.content) {
            span.content = escaped.into();
        }
    }
}

/// A pace as the reader says it (`real` in English, 真实 in Chinese).
pub fn pace_name(pace: crate::session::Pace, lang: crate::i18n::Lang) -> String {
    crate::i18n::message(lang, &format!("pace-{}", pace.as_str()), &[])
}

/// `mm:ss` for a time left: rounded up, so it reads 00:00 only at the end.
pub fn left(ms: u64) -> String {
    mmss(ms.saturating_add(999))
}

/// `+mm:ss` for time past a limit.
pub fn over(ms: u64) -> String {
    format!("+{}", mmss(ms))
}

/// `text` wrapped to `width` display columns by the rules of each script
/// ([`crate::linebreak`]): Chinese breaks between characters but never
/// before `，。？`, English after spaces, and no line starts with a space.
/// Control characters are escaped visibly first, so the wrap measures what
/// is shown.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let text = escape_controls(text);
    text.lines()
        .flat_map(|l| crate::linebreak::lines(l, width).into_iter().map(|c| crate::linebreak::shown(c).to_string()))
        .collect()
}

/// A styled line wrapped to `width` columns by [`crate::linebreak`], each
/// span keeping its style across the breaks; the spaces a row ends with are
/// dropped, as a terminal would not show them. Rows after the first hang
/// under the line's text: indented like the line, and past its bullet
/// (`  • `, `- `, `3. `), so a wrapped bullet reads as one. Expects text
/// already escaped.
pub fn wrap_line(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let mut spans = Vec::with_capacity(line.spans.len());
    let mut at = 0;
    for s in &line.spans {
        spans.push((at, at + s.content.len(), s.style));
        at += s.content.len();
    }
    let width = usize::from(width.max(1));
    let indent = hanging_indent(&text).filter(|i| i * 2 < width).unwrap_or(0);
    // The first row at the full width; the rest, one wrap, at what the
    // indent leaves.
    let first = crate::linebreak::lines(&text, width).into_iter().next().unwrap_or_default();
    let mut pieces = vec![(0, first)];
    if first.len() < text.len() {
        let mut at = first.len();
        for piece in crate::linebreak::lines(&text[first.len()..], width - indent) {
            pieces.push((indent, piece));
            at += piece.len();
        }
        debug_assert_eq!(at, text.len());
    }
    let mut out = Vec::with_capacity(pieces.len());
    let mut start = 0;
    for (pad, piece) in pieces {
        let shown_end = start + crate::linebreak::shown(piece).len();
        let mut row: Vec<Span<'static>> = Vec::new();
        if pad > 0 {
            row.push(Span::raw(" ".repeat(pad)));
        }
        row.extend(spans.iter().filter_map(|&(a, b, style)| {
            let (s, e) = (a.max(start), b.min(shown_end));
            (s < e).then(|| Span::styled(text[s..e].to_string(), style))
        }));
        out.push(Line::from(row).style(line.style));
        start += piece.len();
    }
    out
}

/// The columns a wrapped line's later rows are indented by: its leading
/// spaces and, after them, a bullet (`• `, `- `, `* `) or a number (`12. `);
/// none for a line with neither.
fn hanging_indent(text: &str) -> Option<usize> {
    let body = text.trim_start_matches(' ');
    let lead = text.len() - body.len();
    let bullet = ["• ", "- ", "* "].iter().find(|b| body.starts_with(**b)).map(|b| b.chars().count());
    let number = body.find(". ").filter(|&i| i > 0 && i <= 3 && body[..i].bytes().all(|b| b.is_ascii_digit()));
    let extra = bullet.or(number.map(|i| i + 2)).unwrap_or(0);
    (lead + extra > 0).then_some(lead + extra)
}

/// `lines` wrapped to `width` columns by [`crate::linebreak`] (each span
/// keeping its style), control characters escaped visibly first: what
/// ratatui's own word wrapping would do, but by the rules of each script.
pub fn wrapped(mut lines: Vec<Line<'_>>, width: u16) -> Vec<Line<'static>> {
    escape_lines(&mut lines);
    lines.iter().flat_map(|l| wrap_line(l, width)).collect()
}

/// Ends `line` with `…`, taking characters off its end until the `…`
/// fits in `width` columns: the mark of a text cut short.
pub fn end_with_ellipsis(line: &mut Line<'_>, width: u16) {
    while line.width() + 1 > usize::from(width) {
        let Some(span) = line.spans.last_mut() else { break };
        let mut text = span.content.to_string();
        if text.pop().is_none() {
            line.spans.pop();
            continue;
        }
        span.content = text.into();
    }
    line.spans.push(Span::raw("…"));
}

/// `text` cut to `width` display columns, with `…` when cut; control
/// characters escaped visibly first ([`crate::text::clip_columns`]).
pub fn ellipsis(text: &str, width: usize) -> String {
    crate::text::clip_columns(text, width)
}

pub fn too_small(lang: crate::i18n::Lang, frame: &mut Frame, area: Rect) {
    let need = format!("{MIN_WIDTH}x{MIN_HEIGHT}");
    let text = crate::tr!(lang, "too-small", need = need, have = format!("{}x{}", area.width, area.height));
    let p = Paragraph::new(wrapped(vec![Line::from(text)], area.width)).alignment(Alignment::Center);
    let h = 3.min(area.height);
    frame.render_widget(p, Rect { y: area.y + area.height.saturating_sub(h) / 2, height: h, ..area });
}

/// The session header: title and interviewer on the left (cut to fit),
/// question k of about n and the elapsed clock always visible on the right.
pub fn header(theme: &Theme, lang: crate::i18n::Lang, s: &State, frame: &mut Frame, area: Rect) {
    let sc = &s.compiled.scenario;
    let progress = if s.is_finished() {
        crate::tr!(lang, "header-questions", n = s.turns.len())
    } else {
        let k = s.question_number();
        crate::tr!(lang, "header-progress", k = k, n = s.questions_estimate().max(k))
    };
    let right = Line::from(vec![
        Span::styled(" │ ", theme.dim()),
        Span::styled(progress, theme.accent()),
        Span::styled(" │ ", theme.dim()),
        Span::raw(format!("{} ", mmss(s.elapsed_ms()))),
    ]);
    let right_w = (right.width() as u16).min(area.width);
    let [left_area, right_area] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_w)]).areas(area);
    // The interviewer shows only when the whole name and role fit.
    let title = escape_controls(&format!(" {} ", sc.title)).into_owned();
    // Whoever asks the question on screen: a node may hand over (to HR).
    let p = s.current().speaker.as_ref().unwrap_or(&sc.persona);
    let who = crate::tr!(lang, "header-who", name = p.name.as_str(), role = p.role.as_str());
    let who = escape_controls(&who).into_owned();
    let room = usize::from(left_area.width);
    let mut spans = vec![Span::styled(ellipsis(&title, room), theme.title())];
    if unicode_width::UnicodeWidthStr::width(title.as_str()) + unicode_width::UnicodeWidthStr::width(who.as_str())
        <= room
    {
        spans.push(Span::styled(who, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), left_area);
    frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), right_area);
}

/// One line of key hints, `(key, what)` pairs in order of importance: as
/// many as fit the width.
pub fn footer<S: AsRef<str>>(theme: &Theme, keys: &[(&str, S)], frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for (i, (k, what)) in keys.iter().enumerate() {
        let what = what.as_ref();
        let sep = if i > 0 { " · " } else { "" };
        let piece = format!("{sep}{k} {what}");
        let w = unicode_width::UnicodeWidthStr::width(piece.as_str());
        if width + w > area.width as usize {
            break;
        }
        width += w;
        if i > 0 {
            spans.push(Span::styled(sep, theme.dim()));
        }
        spans.push(Span::styled(*k, theme.accent()));
        spans.push(Span::raw(format!(" {what}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let running = app.session().is_some_and(|s| !s.is_finished());
    let l = app.lang;
    // Leaving a debrief kept nowhere (`--no-record`) offers to save it.
    let unkept = !running && app.session().is_some() && app.debrief_unkept();
    let body = match (running, unkept) {
        (true, _) => crate::tr!(l, "quit-running"),
        (false, true) => crate::tr!(l, "quit-unkept"),
        (false, false) => crate::tr!(l, "quit-app"),
    };
    let r = centered(area, 44, if unkept { 7 } else { 6 });
    frame.render_widget(Clear, r);
    let mut keys = vec![
        Span::styled("y", app.theme.accent()),
        Span::raw(format!(" {}   ", crate::tr!(l, "quit-yes"))),
        Span::styled("n", app.theme.accent()),
        Span::raw(format!(" {}", crate::tr!(l, "quit-no"))),
    ];
    if unkept {
        keys.push(Span::raw("   "));
        keys.push(Span::styled("e", app.theme.accent()));
        keys.push(Span::raw(format!(" {}", crate::tr!(l, "quit-save"))));
    }
    let text = vec![Line::from(body), Line::from(""), Line::from(keys)];
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", crate::tr!(l, "quit-title")))
        .border_style(app.theme.focused());
    let text = wrapped(text, r.width.saturating_sub(2));
    frame.render_widget(Paragraph::new(text).block(block), r);
}

#[cfg(test)]
mod hanging_tests {
    use ratatui::text::Line;

    /// Review 7: a debrief bullet's second row started at the left edge
    /// (`结` / `论。` under `  • 专项练习…`), so it read as a new paragraph.
    #[test]
    fn a_wrapped_bullet_hangs_under_its_text() {
        let rows = super::wrap_line(&Line::from("  • one two three four five six"), 14);
        let text: Vec<String> =
            rows.iter().map(|r| r.spans.iter().map(|s| s.content.as_ref()).collect::<String>()).collect();
        assert_eq!(text, ["  • one two", "    three four", "    five six"]);
        let plain = super::wrap_line(&Line::from("one two three"), 8);
        assert_eq!(plain.len(), 2, "no indent without one");
        assert_eq!(super::hanging_indent("12. item"), Some(4));
        assert_eq!(super::hanging_indent("v1. x"), None);
    }
}
