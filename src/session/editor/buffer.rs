//! The text of one box as lines, and the one edit every command is made
//! of: replace a range with new text. Positions are byte offsets, so an
//! edit at the cursor costs the length of its own line, never the whole
//! text (the widget this replaced re-measured every line on every key).

/// A place in the text: a line and a byte offset on a char boundary in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub row: usize,
    pub byte: usize,
}

impl Pos {
    pub fn new(row: usize, byte: usize) -> Pos {
        Pos { row, byte }
    }
}

/// Lines of text, never empty (an empty box is one empty line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buffer {
    lines: Vec<String>,
    /// Bytes of the whole text, line breaks included.
    bytes: usize,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer { lines: vec![String::new()], bytes: 0 }
    }
}

impl Buffer {
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn line(&self, row: usize) -> &str {
        self.lines.get(row).map_or("", String::as_str)
    }

    /// The end of line `row`.
    pub fn line_end(&self, row: usize) -> Pos {
        Pos::new(row, self.line(row).len())
    }

    /// The end of the text.
    pub fn end(&self) -> Pos {
        self.line_end(self.lines.len() - 1)
    }

    /// The character just before `p`; a line break at a line's start.
    pub fn char_before(&self, p: Pos) -> Option<char> {
        match self.line(p.row)[..p.byte].chars().next_back() {
            Some(c) => Some(c),
            None => (p.row > 0).then_some('\n'),
        }
    }

    /// The character at `p`; a line break at a line's end.
    pub fn char_at(&self, p: Pos) -> Option<char> {
        match self.line(p.row)[p.byte..].chars().next() {
            Some(c) => Some(c),
            None => (p.row + 1 < self.lines.len()).then_some('\n'),
        }
    }

    /// The position one character before `p`.
    pub fn prev(&self, p: Pos) -> Option<Pos> {
        match self.line(p.row)[..p.byte].chars().next_back() {
            Some(c) => Some(Pos::new(p.row, p.byte - c.len_utf8())),
            None => (p.row > 0).then(|| self.line_end(p.row - 1)),
        }
    }

    /// The position one character after `p`.
    pub fn next(&self, p: Pos) -> Option<Pos> {
        match self.line(p.row)[p.byte..].chars().next() {
            Some(c) => Some(Pos::new(p.row, p.byte + c.len_utf8())),
            None => (p.row + 1 < self.lines.len()).then(|| Pos::new(p.row + 1, 0)),
        }
    }

    /// Where `text` ends when it is inserted at `at`.
    pub fn end_of(at: Pos, text: &str) -> Pos {
        match text.rfind('\n') {
            None => Pos::new(at.row, at.byte + text.len()),
            Some(i) => Pos::new(at.row + text.matches('\n').count(), text.len() - i - 1),
        }
    }

    /// The text between `a` and `b` (`a <= b`), line breaks as `\n`.
    pub fn slice(&self, a: Pos, b: Pos) -> String {
        if a.row == b.row {
            return self.line(a.row)[a.byte..b.byte].to_string();
        }
        let mut out = self.line(a.row)[a.byte..].to_string();
        for row in a.row + 1..b.row {
            out.push('\n');
            out.push_str(self.line(row));
        }
        out.push('\n');
        out.push_str(&self.line(b.row)[..b.byte]);
        out
    }

    /// Replaces the text between `a` and `b` (`a <= b`, both valid) with
    /// `text`, whose line breaks are `\n`. Returns what was removed and
    /// where the new text ends.
    pub fn replace(&mut self, a: Pos, b: Pos, text: &str) -> (String, Pos) {
        debug_assert!(a <= b, "replace({a:?}, {b:?})");
        let removed = self.slice(a, b);
        self.bytes = self.bytes + text.len() - removed.len();
        let end = Self::end_of(a, text);
        if a.row == b.row && !text.contains('\n') {
            self.lines[a.row].replace_range(a.byte..b.byte, text);
            return (removed, end);
        }
        let tail = self.lines[b.row][b.byte..].to_string();
        let mut pieces = text.split('\n');
        let first = pieces.next().unwrap_or("");
        let mut new: Vec<String> = Vec::with_capacity(end.row - a.row + 1);
        let mut head = std::mem::take(&mut self.lines[a.row]);
        head.truncate(a.byte);
        head.push_str(first);
        new.push(head);
        new.extend(pieces.map(str::to_string));
        if let Some(last) = new.last_mut() {
            last.push_str(&tail);
        }
        self.lines.splice(a.row..=b.row, new);
        (removed, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buf(text: &str) -> Buffer {
        let mut b = Buffer::default();
        b.replace(Pos::default(), Pos::default(), text);
        b
    }

    #[test]
    fn replacing_across_lines_joins_and_splits_them() {
        let mut b = buf("one\ntwo\nthree");
        assert_eq!(b.lines(), ["one", "two", "three"]);
        let (removed, end) = b.replace(Pos::new(0, 1), Pos::new(2, 2), "X\nY");
        assert_eq!(removed, "ne\ntwo\nth");
        assert_eq!(b.lines(), ["oX", "Yree"]);
        assert_eq!(end, Pos::new(1, 1));
        assert_eq!(b.bytes(), "oX\nYree".len());
    }

    #[test]
    fn stepping_crosses_line_breaks_and_multibyte_characters() {
        let b = buf("好a\nb");
        assert_eq!(b.next(Pos::new(0, 0)), Some(Pos::new(0, 3)));
        assert_eq!(b.char_at(Pos::new(0, 4)), Some('\n'));
        assert_eq!(b.next(Pos::new(0, 4)), Some(Pos::new(1, 0)));
        assert_eq!(b.prev(Pos::new(1, 0)), Some(Pos::new(0, 4)));
        assert_eq!(b.char_before(Pos::new(1, 0)), Some('\n'));
        assert_eq!(b.next(b.end()), None);
        assert_eq!(b.prev(Pos::default()), None);
    }
}
