//! The ready screen: what is about to happen, and Enter to start the clock.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::centered;
use super::common::{end_with_ellipsis, footer, mmss, wrapped};
use crate::session::State;
use crate::tr;
use crate::tui::app::App;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let sc = &s.compiled.scenario;
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let l = app.lang;
    let mut limit = s.limit_ms().map_or(tr!(l, "ready-no-limits"), |ms| tr!(l, "ready-first-limit", limit = mmss(ms)));
    // The typical length above; the hard stop here, so the session clock
    // (which counts down the limit) is no surprise.
    if let Some(ms) = s.session_limit_ms() {
        limit = format!("{limit} · {}", tr!(l, "ready-session-limit", minutes = ms.div_ceil(60_000)));
    }
    let about = tr!(
        l,
        "ready-about",
        questions = s.questions_estimate().max(1),
        minutes = sc.minutes,
        pace = super::common::pace_name(s.pace, l)
    );
    let interviewer = tr!(l, "ready-interviewer", name = sc.persona.name.as_str(), role = sc.persona.role.as_str());
    // Blocks of the screen, top to bottom, each with the order in which it
    // gives way when the terminal is short (0: never).
    let mut blocks: Vec<(u8, Vec<Line>)> = vec![
        (0, vec![Line::styled(sc.title.clone(), theme.title())]),
        (4, vec![Line::from(format!("{} · {}", sc.company, sc.role))]),
        (3, vec![Line::from("")]),
        (6, vec![Line::from(interviewer)]),
        (2, vec![Line::styled(sc.persona.style.clone(), theme.dim())]),
        (3, vec![Line::from("")]),
        (5, vec![Line::from(sc.description.clone())]),
        (3, vec![Line::from("")]),
        (0, vec![Line::from(about), Line::from(limit)]),
    ];
    if let Some(notice) = &app.catalogue_notice {
        blocks.push((3, vec![Line::from("")]));
        blocks.push((0, vec![Line::styled(format!("⚠ {notice}"), theme.warn())]));
    }
    blocks.push((3, vec![Line::from("")]));
    blocks.push((0, vec![Line::styled(tr!(l, "ready-press-enter"), theme.accent())]));
    let r = centered(body, 76, body.height);
    let width = r.width.saturating_sub(2);
    let room = usize::from(r.height.saturating_sub(2));
    let lines = fit(blocks.into_iter().map(|(order, b)| (order, wrapped(b, width))).collect(), room, width);
    // What happens next and "Press Enter" are kept whole; if even they do
    // not fit, the top gives way.
    let skip = lines.len().saturating_sub(room);
    let r = centered(body, 76, (lines.len() - skip) as u16 + 2);
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", tr!(l, "ready-title")));
    frame.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)).block(block), r);
    let hints = [
        ("Enter", tr!(l, "key-start-clock")),
        ("Esc", tr!(l, "key-back")),
        ("F1", tr!(l, "key-help")),
        ("q", tr!(l, "key-quit")),
    ];
    footer(theme, &hints, frame, keys);
}

/// The blocks' lines in at most `room` rows, where they can be: the
/// description is cut short (to no fewer than two rows, ending in `…`) and,
/// while that is not enough, blocks give way in their order (the persona's
/// style, blank lines, the company, the description, the interviewer).
fn fit(mut blocks: Vec<(u8, Vec<Line<'static>>)>, room: usize, width: u16) -> Vec<Line<'static>> {
    const ABOUT: u8 = 5;
    let size = |b: &[(u8, Vec<Line>)], order: Option<u8>| -> usize {
        b.iter().filter(|(o, _)| order.is_none_or(|x| *o != x)).map(|(_, l)| l.len()).sum()
    };
    for order in 2..=7 {
        let rest = size(&blocks, Some(ABOUT));
        let about = blocks.iter().find(|(o, _)| *o == ABOUT).map_or(0, |(_, l)| l.len());
        let cut = room.saturating_sub(rest).max(2);
        if rest + about.min(cut) <= room || order == 7 {
            if let Some((_, about)) = blocks.iter_mut().find(|(o, _)| *o == ABOUT)
                && about.len() > cut
            {
                about.truncate(cut);
                if let Some(last) = about.last_mut() {
                    end_with_ellipsis(last, width);
                }
            }
            break;
        }
        blocks.retain(|(o, _)| *o != order);
    }
    blocks.into_iter().flat_map(|(_, l)| l).collect()
}
