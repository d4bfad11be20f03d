//! Undo and redo. Each change remembers what it removed and inserted, so
//! undoing costs the size of the change, not of the text. Typing is undone
//! a word at a time and a run of Backspaces as one, the way most editors
//! group them, instead of one character per press.

use super::buffer::{Buffer, Pos};

/// The most changes kept for undo.
const LIMIT: usize = 200;

/// What made a change, for grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One typed character.
    Typing,
    /// One character deleted by Backspace.
    Rubout,
    /// Anything else: its own undo step.
    Other,
}

/// One replacement: at `at`, `removed` became `inserted`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub at: Pos,
    pub removed: String,
    pub inserted: String,
    /// The cursor before the change, where undo puts it back.
    pub before: Pos,
    pub kind: Kind,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    done: std::collections::VecDeque<Change>,
    undone: Vec<Change>,
}

impl History {
    /// Records a change just made, joined to the previous one when it
    /// continues the same word of typing or the same run of Backspaces.
    pub fn push(&mut self, c: Change) {
        self.undone.clear();
        if let Some(last) = self.done.back_mut()
            && joins(last, &c)
        {
            match c.kind {
                Kind::Typing => last.inserted.push_str(&c.inserted),
                _ => {
                    last.removed.insert_str(0, &c.removed);
                    last.at = c.at;
                }
            }
            return;
        }
        if self.done.len() == LIMIT {
            self.done.pop_front();
        }
        self.done.push_back(c);
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.done.len()
    }

    /// Undoes the latest change; returns where the cursor goes.
    pub fn undo(&mut self, buf: &mut Buffer) -> Option<Pos> {
        let c = self.done.pop_back()?;
        buf.replace(c.at, Buffer::end_of(c.at, &c.inserted), &c.removed);
        let cursor = c.before;
        self.undone.push(c);
        Some(cursor)
    }

    /// Redoes the latest undone change; returns where the cursor goes.
    pub fn redo(&mut self, buf: &mut Buffer) -> Option<Pos> {
        let c = self.undone.pop()?;
        let (_, end) = buf.replace(c.at, Buffer::end_of(c.at, &c.removed), &c.inserted);
        self.done.push_back(c);
        Some(end)
    }
}

/// Whether `next` continues `last`: typing right after the previous
/// character, until a space starts a new word; or a Backspace right before
/// the previous one.
fn joins(last: &Change, next: &Change) -> bool {
    match (last.kind, next.kind) {
        (Kind::Typing, Kind::Typing) => {
            let word_ends =
                next.inserted.starts_with(char::is_whitespace) && !last.inserted.ends_with(char::is_whitespace);
            next.at == Buffer::end_of(last.at, &last.inserted) && !word_ends && !next.inserted.contains('\n')
        }
        (Kind::Rubout, Kind::Rubout) => Buffer::end_of(next.at, &next.removed) == last.at,
        _ => false,
    }
}
