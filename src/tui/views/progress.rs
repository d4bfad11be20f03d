//! The progress screen: the same sheet `hotseat progress` prints (what to
//! practise next, traps, competency sparklines, verdicts per scenario,
//! time per question), laid out for the terminal's width. A table that
//! does not fit drops its least useful columns first and cuts its first
//! column with `…`; the whole sheet scrolls, with a scrollbar when cut.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Panel, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::common::{ellipsis, footer, wrap};
use crate::i18n::Lang;
use crate::practice::sheet::{self, Align, Block, Column};
use crate::text::{pad, pad_left};
use crate::tr;
use crate::tui::app::{App, Progress};
use crate::tui::theme::Theme;

/// The narrowest the first column of a table gets before other columns
/// are dropped to make room for it.
const FIRST_MIN: usize = 20;

/// Spaces between columns.
const GAP: usize = 2;

pub fn render(app: &App, p: &Progress, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let l = app.lang;
    let [title, body, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let head = Line::from(vec![
        Span::styled(" hotseat ", theme.title()),
        Span::styled(format!("│ {}", tr!(l, "progress-title")), theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(head), title);
    let lines = lines(theme, l, p, body.width.saturating_sub(2));
    let visible = usize::from(body.height.saturating_sub(2));
    let max = lines.len().saturating_sub(visible);
    let scroll = usize::from(p.scroll).min(max);
    let block = Panel::default().borders(Borders::ALL);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(Paragraph::new(shown).block(block), body);
    if max > 0 {
        super::session::scrollbar(frame, body, max, scroll);
    }
    let hints =
        [("↑↓", tr!(l, "progress-keys-scroll")), ("Esc", tr!(l, "progress-keys-back")), ("?", tr!(l, "key-help"))];
    footer(theme, &hints, frame, keys);
}

/// How far the screen scrolls at terminal size `size`.
pub fn max_scroll(theme: &Theme, lang: Lang, p: &Progress, size: (u16, u16)) -> u16 {
    let (w, h) = size;
    // Title, key line and the two borders are not scrolled.
    let rows = lines(theme, lang, p, w.saturating_sub(2)).len();
    rows.saturating_sub(usize::from(h.saturating_sub(4))).min(usize::from(u16::MAX)) as u16
}

/// The sheet as lines `width` columns wide: a one-column margin on the
/// left, one kept free on the right for the scrollbar.
pub fn lines(theme: &Theme, lang: Lang, p: &Progress, width: u16) -> Vec<Line<'static>> {
    let width = width.saturating_sub(2).max(1);
    let blocks = sheet::sheet(&p.report, &p.catalogue, &p.questions, lang);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut after_table = false;
    for b in &blocks {
        // A sentence under a table is set off from its last row.
        if after_table && matches!(b, Block::Text(_)) {
            out.push(Line::from(""));
        }
        after_table = matches!(b, Block::Table { .. });
        match b {
            Block::Heading(h) => {
                out.push(Line::from(""));
                out.push(Line::styled(format!(" {}", ellipsis(h, usize::from(width))), theme.title()));
            }
            Block::Text(t) => out.extend(wrap(t, width).into_iter().map(|l| Line::from(format!(" {l}")))),
            Block::Table { columns, rows } => out.extend(table(theme, columns, rows, usize::from(width) + 1)),
        }
    }
    out
}

/// Which columns to keep in `width`, and how wide each is: the natural
/// width of each (its widest cell), dropping the columns with the highest
/// `drop` until the rest fit with the first at least [`FIRST_MIN`] wide
/// (or as wide as it needs); the first takes whatever room is left.
fn fit(columns: &[Column], rows: &[Vec<String>], width: usize) -> Vec<Option<usize>> {
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| rows.iter().map(|r| r[i].width()).chain([columns[i].head.width()]).max().unwrap_or(0))
        .collect();
    let mut keep: Vec<bool> = vec![true; columns.len()];
    let need = |keep: &[bool]| -> usize {
        let rest: usize = (1..columns.len()).filter(|&i| keep[i]).map(|i| natural[i] + GAP).sum();
        rest + natural[0].min(FIRST_MIN) + 1
    };
    while need(&keep) > width {
        let worst =
            (1..columns.len()).filter(|&i| keep[i] && columns[i].drop > 0).max_by_key(|&i| (columns[i].drop, i));
        match worst {
            Some(i) => keep[i] = false,
            None => break,
        }
    }
    let rest: usize = (1..columns.len()).filter(|&i| keep[i]).map(|i| natural[i] + GAP).sum();
    let first = width.saturating_sub(rest + 1).min(natural[0]).max(1);
    (0..columns.len()).map(|i| keep[i].then_some(if i == 0 { first } else { natural[i] })).collect()
}

/// A cell cut and padded to `w` columns.
fn cell(text: &str, align: Align, w: usize) -> String {
    match align {
        Align::Right => pad_left(&ellipsis(text, w), w),
        Align::Left => pad(&ellipsis(text, w), w),
        Align::Spark => {
            // The latest scores are the ones to keep.
            let chars: Vec<char> = text.chars().collect();
            let from = chars.len().saturating_sub(w);
            pad(&chars[from..].iter().collect::<String>(), w)
        }
    }
}

fn table(theme: &Theme, columns: &[Column], rows: &[Vec<String>], width: usize) -> Vec<Line<'static>> {
    let widths = fit(columns, rows, width);
    let row = |cells: Vec<&str>| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(columns)
            .zip(&widths)
            .filter_map(|((c, col), w)| w.map(|w| cell(c, col.align, w)))
            .collect();
        format!(" {}", parts.join(&" ".repeat(GAP))).trim_end().to_string()
    };
    let mut out = vec![Line::styled(row(columns.iter().map(|c| c.head.as_str()).collect()), theme.dim())];
    out.extend(rows.iter().map(|r| Line::from(row(r.iter().map(String::as_str).collect()))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(head: &str, drop: u8) -> Column {
        Column { head: head.into(), align: Align::Left, drop }
    }

    #[test]
    fn a_narrow_table_drops_its_least_useful_columns_first_and_cuts_the_first() {
        let columns = [col("Trap", 0), col("Falls", 0), col("Seen", 2), col("Trend", 1)];
        let rows =
            vec![vec!["A very long trap title indeed".to_string(), "3".into(), "2026-11-01".into(), "worse".into()]];
        assert_eq!(fit(&columns, &rows, 80), [Some(29), Some(5), Some(10), Some(5)]);
        let narrow = fit(&columns, &rows, 36);
        assert_eq!(narrow, [Some(21), Some(5), None, Some(5)]);
        let lines = table(&Theme::plain(), &columns, &rows, 36);
        assert!(lines.iter().all(|l| l.width() <= 36), "{lines:?}");
        assert!(lines[1].to_string().contains('…'));
    }
}
