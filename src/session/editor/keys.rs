//! Readline's keys, the ones every shell user's fingers know (bash, zsh,
//! Emacs, macOS text fields), mapped to editing commands. The TUI takes
//! Ctrl-S (submit), Ctrl-N (notes), Ctrl-C, Ctrl-Z, Tab and Esc before
//! they get here.

use crate::session::event::{Key, KeyCode};

/// Where a motion goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    LineStart,
    LineEnd,
    WordBack,
    WordForward,
    Top,
    Bottom,
}

/// What a word is when deleting back to its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// Letters and digits (Alt-Backspace, Alt-D, Alt-B, Alt-F).
    Alphanumeric,
    /// Anything but whitespace (Ctrl-W, as in a shell).
    Unspaced,
}

/// One editing command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Insert(char),
    Newline,
    Tab,
    /// Backspace.
    Rubout,
    DeleteForward,
    KillToLineEnd,
    KillToLineStart,
    KillWordBack(Word),
    KillWordForward,
    Yank,
    Undo,
    Redo,
    Move(Motion),
}

/// The command for `key`, or `None` when it means nothing in a text box.
pub fn command(key: Key) -> Option<Command> {
    use Command as C;
    use KeyCode as K;
    use Motion as M;
    Some(match (key.code, key.ctrl, key.alt) {
        (K::Char('\n' | '\r'), false, false) | (K::Enter, _, false) | (K::Char('m' | 'j'), true, false) => C::Newline,
        (K::Char(c), false, false) => C::Insert(c),
        (K::Tab, false, false) => C::Tab,
        (K::Backspace, false, false) | (K::Char('h'), true, false) => C::Rubout,
        (K::Delete, false, false) | (K::Char('d'), true, false) => C::DeleteForward,
        (K::Char('k'), true, false) => C::KillToLineEnd,
        (K::Char('u'), true, false) => C::KillToLineStart,
        (K::Char('w'), true, false) => C::KillWordBack(Word::Unspaced),
        (K::Backspace, _, true) | (K::Backspace, true, false) | (K::Char('h'), false, true) => {
            C::KillWordBack(Word::Alphanumeric)
        }
        (K::Char('d'), false, true) | (K::Delete, _, true) | (K::Delete, true, false) => C::KillWordForward,
        (K::Char('y'), true, false) => C::Yank,
        // Ctrl-_ and Ctrl-/ send the same byte, which terminals report as
        // Ctrl-7; keyboards that say more report `_` or `/`.
        (K::Char('_' | '/' | '7'), true, false) => C::Undo,
        (K::Char('r'), true, false) => C::Redo,
        (K::Left, false, false) | (K::Char('b'), true, false) => C::Move(M::Left),
        (K::Right, false, false) | (K::Char('f'), true, false) => C::Move(M::Right),
        (K::Up, false, false) | (K::Char('p'), true, false) => C::Move(M::Up),
        (K::Down, false, false) => C::Move(M::Down),
        (K::PageUp, false, false) => C::Move(M::PageUp),
        (K::PageDown, false, false) => C::Move(M::PageDown),
        (K::Home, false, _) | (K::Char('a'), true, false) => C::Move(M::LineStart),
        (K::End, false, _) | (K::Char('e'), true, false) => C::Move(M::LineEnd),
        (K::Char('b'), false, true) | (K::Left, true, _) | (K::Left, false, true) => C::Move(M::WordBack),
        (K::Char('f'), false, true) | (K::Right, true, _) | (K::Right, false, true) => C::Move(M::WordForward),
        (K::Char('<'), false, true) | (K::Home, true, _) => C::Move(M::Top),
        (K::Char('>'), false, true) | (K::End, true, _) => C::Move(M::Bottom),
        _ => return None,
    })
}

/// Whether `key` reads the undo history: a run of typing before it must be
/// replayed key by key, since its undo steps matter.
pub fn reads_history(key: &Key) -> bool {
    matches!(command(*key), Some(Command::Undo | Command::Redo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readline_keys_mean_what_shell_users_expect() {
        let ctrl = Key::ctrl;
        let alt = |c| Key { code: KeyCode::Char(c), ctrl: false, alt: true };
        assert_eq!(command(ctrl('a')), Some(Command::Move(Motion::LineStart)));
        assert_eq!(command(ctrl('e')), Some(Command::Move(Motion::LineEnd)));
        assert_eq!(command(ctrl('k')), Some(Command::KillToLineEnd));
        assert_eq!(command(ctrl('u')), Some(Command::KillToLineStart), "Ctrl-U is not undo");
        assert_eq!(command(ctrl('w')), Some(Command::KillWordBack(Word::Unspaced)));
        assert_eq!(command(alt('b')), Some(Command::Move(Motion::WordBack)));
        assert_eq!(command(alt('f')), Some(Command::Move(Motion::WordForward)));
        assert_eq!(command(ctrl('_')), Some(Command::Undo));
        assert_eq!(command(ctrl('7')), Some(Command::Undo), "what a terminal reports for Ctrl-_");
        assert_eq!(command(ctrl('y')), Some(Command::Yank));
        assert_eq!(command(Key::plain(KeyCode::Char('u'))), Some(Command::Insert('u')));
        assert_eq!(command(ctrl('q')), None);
    }
}
