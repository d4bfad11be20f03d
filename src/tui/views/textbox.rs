//! Drawing a text box (the answer, the notes): each line wrapped by the
//! rules of its script ([`crate::linebreak`], so a row never starts with
//! `。` or a space), scrolled just far enough to show the cursor.
//!
//! The box is drawn afresh every frame from the editor's lines, scrolled
//! from the top just far enough that the cursor's row shows. Only the lines
//! that can reach the screen are wrapped: once the rows before the cursor's
//! row fill the box, nothing earlier can show, and nothing after the rows
//! that fill it. So a frame costs the same however long the notes have
//! grown, which is what lets a three-hour session export in seconds.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::session::Editor;
use crate::tui::theme::Theme;

/// One screen row of a text box: a byte range of one of its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    line: usize,
    start: usize,
    end: usize,
}

/// The rows a box of `width` columns shows for `line` (number `at`): the
/// pieces [`crate::linebreak::lines`] cuts it into. An empty line is one
/// empty row.
fn rows_of(at: usize, line: &str, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut start = 0;
    for piece in crate::linebreak::lines(line, width) {
        rows.push(Row { line: at, start, end: start + piece.len() });
        start += piece.len();
    }
    rows
}

/// Where the cursor shows: the row (index into `rows` of its line) and the
/// column. A cursor after the spaces that hang at the end of a full row
/// would fall outside the box; it shows at the start of the next row
/// instead (a row of its own when it is the line's last).
fn cursor_in(line: &str, rows: &[Row], byte: usize, width: usize) -> (usize, usize) {
    let k = rows.iter().rposition(|r| r.start <= byte).unwrap_or(0);
    let col = display(&line[rows[k].start..byte]).width();
    if col >= width { (k + 1, 0) } else { (k, col) }
}

/// The text as the box shows it: tabs as spaces and other control
/// characters as `?`, each taking the bytes of what it replaces, so byte
/// offsets stay valid. (ESC must never reach the terminal raw.)
fn display(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\t' => " ".to_string(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// The byte offset of character column `col` in `line`.
fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// The rows that show in a box `height` rows high, top first, and where the
/// cursor is among them (row, column).
fn visible(lines: &[String], cursor: (usize, usize), width: usize, height: usize) -> (Vec<Row>, (usize, usize)) {
    let (row, col) = cursor;
    let row = row.min(lines.len().saturating_sub(1));
    let Some(line) = lines.get(row) else { return (Vec::new(), (0, 0)) };
    let mut own = rows_of(row, line, width);
    let (k, x) = cursor_in(line, &own, byte_of(line, col), width);
    if k == own.len() {
        own.push(Row { line: row, start: line.len(), end: line.len() });
    }
    // The rows before the cursor's, nearest first, until they fill the box.
    let mut before: Vec<Row> = own[..k].iter().rev().copied().collect();
    let mut at = row;
    while before.len() < height && at > 0 {
        at -= 1;
        before.extend(rows_of(at, &lines[at], width).into_iter().rev());
    }
    before.truncate(height.saturating_sub(1));
    before.reverse();
    let y = before.len();
    let mut shown = before;
    shown.extend(own[k..].iter().copied());
    let mut at = row + 1;
    while shown.len() < height && at < lines.len() {
        shown.extend(rows_of(at, &lines[at], width));
        at += 1;
    }
    shown.truncate(height);
    (shown, (y, x))
}

/// Draws `text` in `block`; the focused box shows its cursor, and puts the
/// terminal's own cursor there for input methods.
pub fn draw(text: &Editor, block: Block<'static>, focused: bool, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let lines = text.lines();
    let (rows, (cy, cx)) = visible(lines, text.cursor(), usize::from(inner.width), usize::from(inner.height));
    let cursor_style = if focused { theme.selected() } else { Style::new() };
    let shown: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(y, r)| {
            let piece = display(crate::linebreak::shown(&lines[r.line][r.start..r.end])).into_owned();
            if y == cy { with_cursor(piece, cx, cursor_style) } else { Line::from(piece) }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    // Text above or below the box: a mark on its right border says so
    // (a whole scrollbar would need every line wrapped, every frame).
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let above = first.line > 0 || first.start > 0;
        let below = last.line + 1 < lines.len() || last.end < lines[last.line].len();
        let x = area.right().saturating_sub(1);
        if above && area.height > 2 {
            frame.buffer_mut()[(x, inner.y)].set_symbol("▲");
        }
        if below && area.height > 2 {
            frame.buffer_mut()[(x, inner.bottom().saturating_sub(1))].set_symbol("▼");
        }
    }
    if focused && (cy as u16) < inner.height && (cx as u16) < inner.width {
        frame.set_cursor_position(Position { x: inner.x + cx as u16, y: inner.y + cy as u16 });
    }
}

/// `piece` with the cell at column `x` styled as the cursor (a space when
/// the cursor is past the end).
fn with_cursor(piece: String, x: usize, style: Style) -> Line<'static> {
    let mut col = 0;
    for (i, c) in piece.char_indices() {
        if col >= x {
            let len = c.len_utf8();
            return Line::from(vec![
                Span::raw(piece[..i].to_string()),
                Span::styled(piece[i..i + len].to_string(), style),
                Span::raw(piece[i + len..].to_string()),
            ]);
        }
        col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    Line::from(vec![Span::raw(piece), Span::styled(" ", style)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every row of `lines` wrapped at `width`, and the cursor's row and
    /// column among them: the plain way, wrapping the whole text.
    fn all_rows(lines: &[String], cursor: (usize, usize), width: usize) -> (Vec<Row>, (usize, usize)) {
        let mut rows = Vec::new();
        let mut at = (0, 0);
        for (i, line) in lines.iter().enumerate() {
            let mut own = rows_of(i, line, width);
            if i == cursor.0 {
                let (k, x) = cursor_in(line, &own, byte_of(line, cursor.1), width);
                if k == own.len() {
                    own.push(Row { line: i, start: line.len(), end: line.len() });
                }
                at = (rows.len() + k, x);
            }
            rows.extend(own);
        }
        (rows, at)
    }

    #[test]
    fn a_chinese_answer_never_shows_a_row_starting_with_closing_punctuation() {
        let line = "我们先按区域拆分数据，再看合规要求。然后给出方案？".to_string();
        let (rows, _) = visible(std::slice::from_ref(&line), (0, 0), 10, 10);
        for r in &rows {
            let text = &line[r.start..r.end];
            assert!(!text.starts_with(['，', '。', '？']), "{text:?}");
            assert!(crate::linebreak::shown(text).width() <= 10);
        }
    }

    #[test]
    fn a_cursor_after_hanging_spaces_shows_on_the_next_row() {
        let line = "hello world   ".to_string();
        let (rows, (y, x)) = visible(std::slice::from_ref(&line), (0, 14), 5, 10);
        assert_eq!((y, x), (2, 0));
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn control_characters_show_as_question_marks_of_the_same_length() {
        assert_eq!(display("a\u{1b}[2Jb\tc\u{9b}"), "a?[2Jb c??");
    }

    proptest! {
        /// Guards the export and replay speed: wrapping only the lines near
        /// the cursor shows exactly the rows that wrapping everything and
        /// scrolling to the cursor shows.
        #[test]
        fn the_visible_rows_equal_those_of_the_whole_text_scrolled_to_the_cursor(
            lines in prop::collection::vec("[a-zA-Z0-9 ,.!?面试题。，“”\\u{301}\\u{200d}👩🏽\\t]{0,90}", 1..60),
            row in 0usize..60,
            col in 0usize..100,
            width in 4usize..50,
            height in 1usize..14,
        ) {
            let row = row.min(lines.len() - 1);
            let col = col.min(lines[row].chars().count());
            let (fast, at) = visible(&lines, (row, col), width, height);
            let (all, (y, x)) = all_rows(&lines, (row, col), width);
            let top = (y + 1).saturating_sub(height);
            let end = (top + height).min(all.len());
            prop_assert_eq!(&fast[..], &all[top..end]);
            prop_assert_eq!(at, (y - top, x));
            prop_assert!(x < width);
        }
    }
}
