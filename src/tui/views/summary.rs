//! The end of a session: the path taken, time per question against its
//! limit, the answers as given, traps noticed, and the notes. Scrollable.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::common::{footer, header, mmss};
use crate::scenario::Answer;
use crate::session::{Ending, Exit, Given, Phase, State, Turn};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [top, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    header(theme, s, frame, top);
    let width = body.width.saturating_sub(2);
    let text: Vec<Line> = lines(theme, s).into_iter().flat_map(|l| rewrap(l, width)).collect();
    let visible = usize::from(body.height.saturating_sub(2));
    let max_scroll = text.len().saturating_sub(visible);
    let scroll = usize::from(app.scroll).min(max_scroll);
    let title = if scroll < max_scroll { " Summary · ↓ more " } else { " Summary " };
    let block = Block::default().borders(Borders::ALL).title(title);
    frame.render_widget(Paragraph::new(text).scroll((scroll as u16, 0)).block(block), body);
    if max_scroll > 0 {
        super::session::scrollbar(frame, body, max_scroll, scroll);
    }
    footer(theme, &[("↑↓ PgUp PgDn", "scroll"), ("q/Enter", "leave")], frame, keys);
}

/// One styled line wrapped to `width`, keeping its style.
fn rewrap(line: Line<'static>, width: u16) -> Vec<Line<'static>> {
    let style = line.spans.first().map(|s| s.style).unwrap_or_default();
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if unicode_width::UnicodeWidthStr::width(text.as_str()) <= usize::from(width) {
        return vec![line];
    }
    super::common::wrap(&text, width).into_iter().map(|l| Line::styled(l, style)).collect()
}

/// The summary as lines, so tests and a later Markdown export can share it.
pub fn lines(theme: &Theme, s: &State) -> Vec<Line<'static>> {
    let sc = &s.compiled.scenario;
    let mut out = vec![Line::styled(ending(s), theme.title()), Line::from("")];
    if let Some(Answer::End { remarks }) = s.is_finished().then(|| &s.current().answer) {
        out.push(Line::from(format!("{}: “{remarks}”", sc.persona.name)));
        out.push(Line::from(""));
    }
    let path: Vec<&str> = s.turns.iter().map(|t| sc.nodes[t.node].id.as_str()).collect();
    out.push(Line::from(vec![Span::styled("Path: ", theme.dim()), Span::raw(path.join(" → "))]));
    out.push(Line::from(""));
    for (i, t) in s.turns.iter().enumerate() {
        turn(theme, s, i, t, &mut out);
    }
    let notes = s.notes_text();
    out.push(Line::styled("Notes", theme.title()));
    if notes.trim().is_empty() {
        out.push(Line::styled("(none)", theme.dim()));
    } else {
        out.extend(notes.lines().map(|l| Line::from(l.to_string())));
    }
    out
}

fn ending(s: &State) -> String {
    match s.phase {
        Phase::Finished(Ending::Completed) => "Interview over".into(),
        Phase::Finished(Ending::SessionTimeout) => "Time is up: the session limit ran out".into(),
        Phase::Finished(Ending::Quit) => "You left the interview early".into(),
        _ => "In progress".into(),
    }
}

fn turn(theme: &Theme, s: &State, i: usize, t: &Turn, out: &mut Vec<Line<'static>>) {
    let node = &s.compiled.scenario.nodes[t.node];
    let limit = t.limit_ms.map_or("untimed".to_string(), mmss);
    let time_style = if t.over_time() { theme.danger() } else { theme.ok() };
    let over = if t.over_time() { " OVER" } else { "" };
    let exit = match t.exit {
        Exit::Submitted => "",
        Exit::TimedOut => " · timed out",
        Exit::SessionOver => " · session ended",
        Exit::Quit => " · quit",
    };
    out.push(Line::from(vec![
        Span::styled(format!("{}. {} ", i + 1, node.id), theme.title()),
        Span::styled(format!("{} / {limit}{over}", mmss(t.spent_ms())), time_style),
        Span::styled(exit.to_string(), theme.dim()),
    ]));
    let prompt = match t.variant {
        0 => node.prompt.as_str(),
        v => node.variants.get(v - 1).map_or(node.prompt.as_str(), String::as_str),
    };
    out.push(Line::styled(format!("   Q: {}", first_line(prompt)), theme.dim()));
    for (k, line) in given(s, t).lines().enumerate() {
        out.push(Line::from(format!("   {} {line}", if k == 0 { "A:" } else { "  " })));
    }
    if let Some(ok) = t.correct {
        out.push(Line::styled(
            format!("   {}", if ok { "correct" } else { "not within tolerance" }),
            if ok { theme.ok() } else { theme.warn() },
        ));
    }
    if !t.traps.is_empty() {
        let ids: Vec<&str> = t.traps.iter().map(|f| f.id.as_str()).collect();
        out.push(Line::styled(format!("   traps: {}", ids.join(", ")), theme.warn()));
    }
    out.push(Line::from(""));
}

fn first_line(s: &str) -> String {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// The answer as the candidate gave it, in words.
fn given(s: &State, t: &Turn) -> String {
    let node = &s.compiled.scenario.nodes[t.node];
    match &t.given {
        Given::Pass => "(pass)".into(),
        Given::Text(text) => text.clone(),
        Given::Choice(i) => match &node.answer {
            Answer::Choice { options } => options.get(*i).map_or("?".into(), |o| format!("{}. {}", i + 1, o.label)),
            _ => format!("option {}", i + 1),
        },
        Given::Number { raw, .. } => raw.clone(),
        Given::NotANumber(raw) => format!("{raw} (not a number)"),
        Given::Points { ticked, text } => {
            let pts: Vec<String> = ticked.iter().filter_map(|&i| node.talking_points.get(i).cloned()).collect();
            let mut out = format!("covered: {}", if pts.is_empty() { "none".into() } else { pts.join("; ") });
            if !text.trim().is_empty() {
                out.push('\n');
                out.push_str(text);
            }
            out
        }
    }
}
