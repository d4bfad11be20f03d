//! The editing engine behind the readline keys: a buffer, a cursor, undo
//! and a kill ring. Every command costs what it touches (its own line, the
//! text it moves over), so typing stays as fast with 100 KB of notes as
//! with none.

use super::buffer::{Buffer, Pos};
use super::history::{Change, History, Kind};
use super::keys::{Command, Motion, Word};

/// Lines a page key moves. The core has no viewport (a replay at another
/// terminal size must edit the same way), so a page is a fixed size.
const PAGE: usize = 10;

/// Columns between tab stops; a tab inserts spaces up to the next one.
const TAB: usize = 4;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextBox {
    buf: Buffer,
    cursor: Pos,
    /// The column (in characters) Up and Down aim for, kept across short lines.
    goal: Option<usize>,
    history: History,
    /// The last text killed, for Ctrl-Y.
    kill: String,
    /// The previous command killed: another kill adds to the same text.
    killing: bool,
}

impl TextBox {
    pub fn lines(&self) -> &[String] {
        self.buf.lines()
    }

    pub fn bytes(&self) -> usize {
        self.buf.bytes()
    }

    /// Changes that undo can take back.
    #[cfg(test)]
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    /// The cursor as (line, character column).
    pub fn cursor(&self) -> (usize, usize) {
        let p = self.cursor;
        (p.row, self.buf.line(p.row)[..p.byte].chars().count())
    }

    /// Inserts `text` at the cursor as one undo step. `\r\n` and a lone
    /// `\r` are line breaks, as terminals paste them.
    /// Even an empty insertion ends a kill run and forgets the column Up and
    /// Down aim for, as the keys it stands for (typing, then Backspace over
    /// it: see the replay's bulk folding) would have.
    pub fn insert_str(&mut self, text: &str) {
        self.killing = false;
        self.goal = None;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        self.edit(self.cursor, self.cursor, &text, Kind::Other);
    }

    /// Carries out one command.
    pub fn run(&mut self, cmd: Command) {
        let was_killing = std::mem::take(&mut self.killing);
        if !matches!(cmd, Command::Move(Motion::Up | Motion::Down | Motion::PageUp | Motion::PageDown)) {
            self.goal = None;
        }
        let c = self.cursor;
        match cmd {
            Command::Insert(ch) => self.edit(c, c, ch.encode_utf8(&mut [0; 4]), Kind::Typing),
            Command::Newline => self.edit(c, c, "\n", Kind::Other),
            Command::Tab => {
                let col = self.cursor().1;
                self.edit(c, c, &" ".repeat(TAB - col % TAB), Kind::Other);
            }
            Command::Rubout => {
                if let Some(p) = self.buf.prev(c) {
                    self.edit(p, c, "", Kind::Rubout);
                }
            }
            Command::DeleteForward => {
                if let Some(p) = self.buf.next(c) {
                    self.edit(c, p, "", Kind::Other);
                }
            }
            Command::KillToLineEnd => {
                let end = self.buf.line_end(c.row);
                let to = if c == end { self.buf.next(c).unwrap_or(c) } else { end };
                self.kill_range(c, to, true, was_killing);
            }
            Command::KillToLineStart => self.kill_range(Pos::new(c.row, 0), c, false, was_killing),
            Command::KillWordBack(w) => {
                let from = self.word_back(c, w);
                self.kill_range(from, c, false, was_killing);
            }
            Command::KillWordForward => {
                let to = self.word_forward(c);
                self.kill_range(c, to, true, was_killing);
            }
            Command::Yank => {
                let kill = self.kill.clone();
                if !kill.is_empty() {
                    self.edit(c, c, &kill, Kind::Other);
                }
            }
            Command::Undo => {
                if let Some(p) = self.history.undo(&mut self.buf) {
                    self.cursor = p;
                }
            }
            Command::Redo => {
                if let Some(p) = self.history.redo(&mut self.buf) {
                    self.cursor = p;
                }
            }
            Command::Move(m) => self.cursor = self.motion(m),
        }
    }

    /// Replaces `a..b` with `text`, records it for undo, and puts the
    /// cursor after the new text.
    fn edit(&mut self, a: Pos, b: Pos, text: &str, kind: Kind) {
        if a == b && text.is_empty() {
            return;
        }
        let before = self.cursor;
        let (removed, end) = self.buf.replace(a, b, text);
        self.history.push(Change { at: a, removed, inserted: text.to_string(), before, kind });
        self.cursor = end;
    }

    /// Deletes `a..b` into the kill ring; right after another kill the text
    /// joins the last kill (after it going forward, before it going back).
    fn kill_range(&mut self, a: Pos, b: Pos, forward: bool, after_kill: bool) {
        if a == b {
            self.killing = after_kill;
            return;
        }
        let text = self.buf.slice(a, b);
        match (after_kill, forward) {
            (false, _) => self.kill = text,
            (true, true) => self.kill.push_str(&text),
            (true, false) => self.kill.insert_str(0, &text),
        }
        self.edit(a, b, "", Kind::Other);
        self.killing = true;
    }

    fn motion(&mut self, m: Motion) -> Pos {
        let c = self.cursor;
        let last = self.buf.lines().len() - 1;
        match m {
            Motion::Left => self.buf.prev(c).unwrap_or(c),
            Motion::Right => self.buf.next(c).unwrap_or(c),
            Motion::Up => self.vertical(c.row.checked_sub(1)),
            Motion::Down => self.vertical((c.row < last).then_some(c.row + 1)),
            Motion::PageUp => self.vertical((c.row > 0).then(|| c.row.saturating_sub(PAGE))),
            Motion::PageDown => self.vertical((c.row < last).then(|| (c.row + PAGE).min(last))),
            Motion::LineStart => Pos::new(c.row, 0),
            Motion::LineEnd => self.buf.line_end(c.row),
            Motion::WordBack => self.word_back(c, Word::Alphanumeric),
            Motion::WordForward => self.word_forward(c),
            Motion::Top => Pos::default(),
            Motion::Bottom => self.buf.end(),
        }
    }

    /// The cursor on line `row` at the goal column, or where it is when
    /// there is no such line.
    fn vertical(&mut self, row: Option<usize>) -> Pos {
        let Some(row) = row else { return self.cursor };
        let goal = *self.goal.get_or_insert_with(|| {
            let p = self.cursor;
            self.buf.line(p.row)[..p.byte].chars().count()
        });
        let line = self.buf.line(row);
        let byte = line.char_indices().nth(goal).map_or(line.len(), |(i, _)| i);
        Pos::new(row, byte)
    }

    /// The start of the word before `p`: skip what is not a word, then the word.
    fn word_back(&self, mut p: Pos, w: Word) -> Pos {
        let is_word = |c: char| is_word(c, w);
        while self.buf.char_before(p).is_some_and(|c| !is_word(c)) {
            p = self.buf.prev(p).unwrap_or(p);
        }
        while self.buf.char_before(p).is_some_and(is_word) {
            p = self.buf.prev(p).unwrap_or(p);
        }
        p
    }

    /// The end of the word after `p`.
    fn word_forward(&self, mut p: Pos) -> Pos {
        let is_word = |c: char| is_word(c, Word::Alphanumeric);
        while self.buf.char_at(p).is_some_and(|c| !is_word(c)) {
            p = self.buf.next(p).unwrap_or(p);
        }
        while self.buf.char_at(p).is_some_and(is_word) {
            p = self.buf.next(p).unwrap_or(p);
        }
        p
    }
}

fn is_word(c: char, w: Word) -> bool {
    match w {
        Word::Alphanumeric => c.is_alphanumeric(),
        Word::Unspaced => !c.is_whitespace(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextBox {
        let mut t = TextBox::default();
        for c in text.chars() {
            t.run(if c == '\n' { Command::Newline } else { Command::Insert(c) });
        }
        t
    }

    #[test]
    fn ctrl_u_kills_to_the_line_start_and_ctrl_y_brings_it_back() {
        let mut t = typed("first\nsecond line");
        t.run(Command::Move(Motion::WordBack));
        t.run(Command::KillToLineStart);
        assert_eq!(t.lines(), ["first", "line"]);
        t.run(Command::Move(Motion::LineEnd));
        t.run(Command::Yank);
        assert_eq!(t.lines(), ["first", "linesecond "]);
    }

    #[test]
    fn kills_in_a_row_join_into_one_yank() {
        let mut t = typed("alpha beta gamma");
        t.run(Command::KillWordBack(Word::Unspaced));
        t.run(Command::KillWordBack(Word::Unspaced));
        assert_eq!(t.lines(), ["alpha "]);
        t.run(Command::Move(Motion::LineStart));
        t.run(Command::Yank);
        assert_eq!(t.lines(), ["beta gammaalpha "]);
    }

    #[test]
    fn ctrl_k_at_a_line_end_joins_the_next_line() {
        let mut t = typed("ab\ncd");
        t.run(Command::Move(Motion::Top));
        t.run(Command::KillToLineEnd);
        assert_eq!(t.lines(), ["", "cd"]);
        t.run(Command::KillToLineEnd);
        assert_eq!(t.lines(), ["cd"]);
        t.run(Command::Yank);
        assert_eq!(t.lines(), ["ab", "cd"]);
    }

    #[test]
    fn undo_takes_back_a_word_of_typing_at_a_time() {
        let mut t = typed("hello big world");
        t.run(Command::Undo);
        assert_eq!(t.lines(), ["hello big"]);
        t.run(Command::Undo);
        assert_eq!(t.lines(), ["hello"]);
        t.run(Command::Redo);
        assert_eq!(t.lines(), ["hello big"]);
        assert_eq!(t.cursor(), (0, 9));
    }

    #[test]
    fn a_run_of_backspaces_is_one_undo_step() {
        let mut t = typed("abc def");
        for _ in 0..3 {
            t.run(Command::Rubout);
        }
        assert_eq!(t.lines(), ["abc "]);
        t.run(Command::Undo);
        assert_eq!(t.lines(), ["abc def"]);
        assert_eq!(t.cursor(), (0, 7));
    }

    #[test]
    fn up_and_down_keep_the_column_across_a_short_line() {
        let mut t = typed("long line here\nab\nanother long one");
        t.run(Command::Move(Motion::Up));
        t.run(Command::Move(Motion::Up));
        assert_eq!(t.cursor(), (0, 14));
        t.run(Command::Move(Motion::LineStart));
        for _ in 0..10 {
            t.run(Command::Move(Motion::Right));
        }
        t.run(Command::Move(Motion::Down));
        assert_eq!(t.cursor(), (1, 2));
        t.run(Command::Move(Motion::Down));
        assert_eq!(t.cursor(), (2, 10));
    }

    #[test]
    fn word_motions_step_over_punctuation_and_chinese() {
        let mut t = typed("云计算，好 ok");
        t.run(Command::Move(Motion::WordBack));
        assert_eq!(t.cursor(), (0, 6));
        t.run(Command::Move(Motion::WordBack));
        assert_eq!(t.cursor(), (0, 4));
        t.run(Command::Move(Motion::WordBack));
        assert_eq!(t.cursor(), (0, 0));
        t.run(Command::Move(Motion::WordForward));
        assert_eq!(t.cursor(), (0, 3));
    }
}
