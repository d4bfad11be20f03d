//! The scenario picker: every bundled and user scenario with title,
//! company, language, minutes and node count; `/` filters; a broken user
//! scenario shows its first error and cannot start.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState};

use super::common::{ellipsis, footer, wrapped};
use crate::index::Played;
use crate::library::Entry;
use crate::tr;
use crate::tui::app::{App, Picker};

pub fn render(app: &App, p: &Picker, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [title, filter, body, message, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if p.message.is_some() || !p.notices.is_empty() || app.catalogue_notice.is_some() {
            2
        } else {
            0
        }),
        Constraint::Length(1),
    ])
    .areas(area);
    let l = app.lang;
    let head = Line::from(vec![
        Span::styled(" hotseat ", theme.title()),
        Span::styled(format!("│ {}", tr!(l, "picker-title")), theme.dim()),
        Span::styled(format!(" │ {}", tr!(l, "picker-pace")), theme.dim()),
        Span::styled(super::common::pace_name(app.pace, l), theme.accent()),
    ]);
    frame.render_widget(Paragraph::new(head), title);
    let filter_line = if p.filtering || !p.filter.is_empty() {
        let cursor = if p.filtering { "▏" } else { "" };
        Line::from(vec![Span::styled(" / ", theme.accent()), Span::raw(format!("{}{cursor}", p.filter))])
    } else {
        Line::styled(format!(" {}", tr!(l, "picker-filter-hint")), theme.dim())
    };
    frame.render_widget(Paragraph::new(filter_line), filter);

    let rows = p.rows();
    let wide = area.width >= 100;
    let [list, detail] = if wide {
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body)
    } else {
        [body, Rect::default()]
    };
    table(app, p, &rows, frame, list);
    if wide && let Some(&i) = rows.get(p.selected) {
        details(app, &p.entries[i], p.played.get(&p.entries[i].id), frame, detail);
    }
    if let Some(m) = &p.message {
        let text = wrapped(vec![Line::from(m.as_str())], message.width);
        frame.render_widget(Paragraph::new(text).style(theme.danger()), message);
    } else if let Some(notice) = &app.catalogue_notice {
        // A broken catalogue first: it changes what every debrief says.
        let text = wrapped(vec![Line::from(format!("⚠ {notice}"))], message.width);
        frame.render_widget(Paragraph::new(text).style(theme.warn()), message);
    } else if !p.notices.is_empty() {
        // Why the list may be incomplete or stale; the latest choice error wins.
        let text = p.notices.join(" · ");
        let text = wrapped(vec![Line::from(text)], message.width);
        frame.render_widget(Paragraph::new(text).style(theme.dim()), message);
    }
    let hints: Vec<(&str, String)> = if p.filtering {
        vec![("a-z", tr!(l, "key-filter")), ("Enter", tr!(l, "key-done")), ("Esc", tr!(l, "key-clear"))]
    } else {
        vec![
            ("↑↓", tr!(l, "key-move")),
            ("Enter", tr!(l, "key-start")),
            ("/", tr!(l, "key-filter")),
            ("p", tr!(l, "key-pace")),
            ("?", tr!(l, "key-help")),
            ("q", tr!(l, "key-quit")),
            // After help and quit: at 60 columns those matter more, and
            // the help overlay lists `g` too.
            ("g", tr!(l, "key-progress")),
            ("l", tr!(l, "key-language")),
        ]
    };
    footer(theme, &hints, frame, keys);
}

fn table(app: &App, p: &Picker, rows: &[usize], frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let with_company = area.width >= 70;
    let widths: Vec<Constraint> = if with_company {
        vec![
            Constraint::Fill(3),
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(4),
            Constraint::Length(5),
        ]
    } else {
        vec![Constraint::Fill(1), Constraint::Length(5), Constraint::Length(4), Constraint::Length(5)]
    };
    // The same split the table makes, to cut cells with an ellipsis.
    let inner = Rect { width: area.width.saturating_sub(4), ..area };
    let cols = Layout::horizontal(widths.clone()).spacing(1).split(inner);
    let cut = |text: &str, col: usize| ellipsis(text, usize::from(cols[col].width));
    let lines: Vec<Row> = rows
        .iter()
        .map(|&i| {
            let e = &p.entries[i];
            let sc = e.checked.scenario.as_ref();
            let title = match e.checked.first_error() {
                Some(d) => format!("{} ⚠ {}", e.title(), d.message),
                None => e.title().to_string(),
            };
            let mut cells = vec![cut(&title, 0)];
            if with_company {
                cells.push(cut(sc.map_or("", |s| s.company.as_str()), 1));
            }
            cells.push(sc.map_or("?".into(), |s| s.language.code().to_string()));
            cells.push(sc.map_or("?".into(), |s| tr!(app.lang, "picker-minutes", n = s.minutes)));
            cells.push(sc.map_or("?".into(), |s| s.nodes.len().to_string()));
            let row = Row::new(cells);
            if e.checked.errors() > 0 { row.style(theme.danger()) } else { row }
        })
        .collect();
    let l = app.lang;
    let mut head = vec![tr!(l, "picker-col-scenario")];
    if with_company {
        head.push(tr!(l, "picker-col-company"));
    }
    head.extend([tr!(l, "picker-col-lang"), tr!(l, "picker-col-min"), tr!(l, "picker-col-nodes")]);
    let t = Table::new(lines, widths)
        .header(Row::new(head).style(theme.dim()))
        .block(
            Block::default().borders(Borders::ALL).title(format!(" {} ", tr!(l, "picker-scenarios", n = rows.len()))),
        )
        .row_highlight_style(theme.selected())
        .highlight_symbol("› ");
    let mut st = TableState::default().with_selected(if rows.is_empty() { None } else { Some(p.selected) });
    frame.render_stateful_widget(t, area, &mut st);
    // More scenarios than rows (borders and the header take three): say so.
    if rows.len() > usize::from(area.height.saturating_sub(3)) {
        super::session::scrollbar(frame, area, rows.len().saturating_sub(1), p.selected);
    }
}

fn details(app: &App, e: &Entry, played: Option<&Played>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    match &e.checked.scenario {
        Some(sc) => {
            lines.push(Line::styled(sc.title.clone(), theme.title()));
            lines.push(Line::from(format!("{} · {}", sc.company, sc.role)));
            let with = tr!(app.lang, "picker-with", name = sc.persona.name.as_str(), role = sc.persona.role.as_str());
            lines.push(Line::styled(with, theme.dim()));
            lines.push(Line::from(""));
            lines.push(Line::from(sc.description.clone()));
            lines.push(Line::from(""));
            // Competencies, not trap ids: naming the traps would give the game away.
            let mut skills: Vec<&str> =
                sc.nodes.iter().flat_map(|n| n.competencies.iter().map(String::as_str)).collect();
            skills.sort_unstable();
            skills.dedup();
            lines.push(Line::styled(tr!(app.lang, "picker-tests", skills = skills.join(", ")), theme.dim()));
            lines.extend(history(app, played));
        }
        None => lines.push(Line::styled(e.id.clone(), theme.title())),
    }
    if let Some(path) = &e.path {
        lines.push(Line::styled(format!("{}", path.display()), theme.dim()));
    }
    for d in e.checked.diagnostics.iter().filter(|d| d.is_error()).take(3) {
        lines.push(Line::styled(format!("{}:{}: {}", d.line, d.col, d.message), theme.danger()));
    }
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", tr!(app.lang, "picker-about")));
    let lines = wrapped(lines, area.width.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// When the scenario was last played (the date it started, UTC) and the
/// best verdict it got, from the session index; nothing if never played.
fn history(app: &App, played: Option<&Played>) -> Vec<Line<'static>> {
    let Some(p) = played else { return Vec::new() };
    let date = p.last.get(..10).unwrap_or(&p.last);
    let mut lines =
        vec![Line::from(""), Line::from(tr!(app.lang, "picker-last-played", date = crate::text::one_line(date)))];
    if let Some(v) = p.best {
        let verdict = crate::i18n::message(app.lang, &format!("verdict-{}", v.as_str()), &[]);
        lines.push(Line::from(tr!(app.lang, "picker-best-verdict", verdict = verdict)));
    }
    lines
}
