//! The answer and notes boxes' editing model. Sessions from format 3 on
//! edit with readline's keys (Ctrl-A/E/K/U/W, Alt-B/F, Ctrl-Y, Ctrl-_) in
//! [`textbox`], which costs what each key touches. A recording stores keys,
//! not edits, so what a key means is part of the session format: files
//! written before format 3 replay through the text-area widget they were
//! typed into, whose keys differ (Ctrl-U was undo there).

mod buffer;
mod history;
mod keys;
mod textbox;

use ratatui_textarea::{TextArea, WrapMode};

use super::event::Key;
use textbox::TextBox;

/// What keys mean in a text box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keymap {
    /// Readline's keys, from session format 3.
    Readline,
    /// The `ratatui-textarea` widget's own keys, for sessions recorded
    /// before format 3.
    Widget,
}

impl Keymap {
    /// The keymap a session file of format `version` was typed with.
    pub fn of_format(version: u32) -> Keymap {
        if version >= 3 { Keymap::Readline } else { Keymap::Widget }
    }

    /// Whether `key` reads the undo history (undo or redo). Typing before
    /// such a key is replayed key by key, since its undo steps matter.
    pub fn reads_history(self, key: &Key) -> bool {
        match self {
            Keymap::Readline => keys::reads_history(key),
            Keymap::Widget => key.ctrl && !key.alt && matches!(key.code, super::KeyCode::Char('u' | 'r')),
        }
    }
}

/// One text box.
#[derive(Clone)]
pub struct Editor {
    engine: Engine,
}

#[derive(Clone)]
enum Engine {
    Readline(TextBox),
    Widget(Box<TextArea<'static>>),
}

impl Editor {
    pub fn new(keymap: Keymap) -> Editor {
        let engine = match keymap {
            Keymap::Readline => Engine::Readline(TextBox::default()),
            Keymap::Widget => Engine::Widget(Box::new(widget())),
        };
        Editor { engine }
    }

    pub fn keymap(&self) -> Keymap {
        match self.engine {
            Engine::Readline(_) => Keymap::Readline,
            Engine::Widget(_) => Keymap::Widget,
        }
    }

    /// The text, one string per line.
    pub fn lines(&self) -> &[String] {
        match &self.engine {
            Engine::Readline(t) => t.lines(),
            Engine::Widget(w) => w.lines(),
        }
    }

    /// The cursor as (line, character column).
    pub fn cursor(&self) -> (usize, usize) {
        match &self.engine {
            Engine::Readline(t) => t.cursor(),
            Engine::Widget(w) => {
                let ratatui_textarea::DataCursor(row, col) = w.cursor();
                (row, col)
            }
        }
    }

    /// The text with `\n` between lines.
    pub fn text(&self) -> String {
        self.lines().join("\n")
    }

    /// Bytes of the text, line breaks included.
    pub fn bytes(&self) -> usize {
        match &self.engine {
            Engine::Readline(t) => t.bytes(),
            Engine::Widget(w) => w.lines().iter().map(|l| l.len() + 1).sum::<usize>().saturating_sub(1),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes() == 0
    }

    /// One key. Keys that mean nothing in a text box are ignored.
    pub fn key(&mut self, key: Key) {
        match &mut self.engine {
            Engine::Readline(t) => {
                if let Some(cmd) = keys::command(key) {
                    t.run(cmd);
                }
            }
            Engine::Widget(w) => {
                w.input(key.to_input());
            }
        }
    }

    /// Inserts pasted text at the cursor.
    pub fn insert_str(&mut self, text: &str) {
        match &mut self.engine {
            Engine::Readline(t) => t.insert_str(text),
            Engine::Widget(w) => {
                w.insert_str(text);
            }
        }
    }
}

/// The widget set up the way format-2 sessions were typed in. No soft
/// wrap: with wrapping, cursor moves follow screen lines, which depend on
/// the terminal's width, and a replay at another size would diverge.
fn widget() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_wrap_mode(WrapMode::None);
    t.set_max_histories(200);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::KeyCode;
    use proptest::prelude::*;

    /// Keys both keymaps read the same way: typing, line breaks, deleting a
    /// character, moving along a line, and Ctrl-K.
    fn shared_key() -> impl Strategy<Value = Key> {
        prop_oneof![
            12 => prop_oneof![proptest::char::range('a', 'z'), Just(' '), Just('云'), Just('，'), Just('é')]
                .prop_map(|c| Key::plain(KeyCode::Char(c))),
            2 => Just(Key::plain(KeyCode::Enter)),
            3 => Just(Key::plain(KeyCode::Backspace)),
            1 => Just(Key::plain(KeyCode::Delete)),
            2 => Just(Key::plain(KeyCode::Left)),
            2 => Just(Key::plain(KeyCode::Right)),
            1 => Just(Key::plain(KeyCode::Home)),
            1 => Just(Key::plain(KeyCode::End)),
            1 => Just(Key::ctrl('k')),
            1 => Just(Key::ctrl('d')),
            1 => Just(Key::ctrl('a')),
            1 => Just(Key::ctrl('e')),
        ]
    }

    /// Any key a candidate may press in a box.
    fn any_key() -> impl Strategy<Value = Key> {
        let code = prop_oneof![
            proptest::char::range('a', 'z').prop_map(KeyCode::Char),
            Just(KeyCode::Char('_')),
            Just(KeyCode::Char('7')),
            Just(KeyCode::Char('<')),
            Just(KeyCode::Char('>')),
            Just(KeyCode::Char('数')),
            Just(KeyCode::Char(' ')),
            Just(KeyCode::Backspace),
            Just(KeyCode::Delete),
            Just(KeyCode::Enter),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Home),
            Just(KeyCode::End),
            Just(KeyCode::PageUp),
            Just(KeyCode::PageDown),
            Just(KeyCode::Tab),
        ];
        (code, prop::bool::weighted(0.3), prop::bool::weighted(0.15)).prop_map(|(code, ctrl, alt)| Key {
            code,
            ctrl,
            alt,
        })
    }

    fn typed(keymap: Keymap, keys: &[Key]) -> Editor {
        let mut e = Editor::new(keymap);
        for k in keys {
            e.key(*k);
        }
        e
    }

    proptest! {
        /// The readline box edits exactly as the widget did wherever their
        /// keys agree, so nothing about plain typing changed with format 3.
        #[test]
        fn readline_box_types_as_the_widget_did(keys in prop::collection::vec(shared_key(), 0..120)) {
            let ours = typed(Keymap::Readline, &keys);
            let widget = typed(Keymap::Widget, &keys);
            prop_assert_eq!(ours.lines(), widget.lines());
            prop_assert_eq!(ours.cursor(), widget.cursor());
            prop_assert_eq!(ours.bytes(), widget.bytes());
        }

        /// Whatever is pressed, the box stays consistent: the cursor on a
        /// character boundary within the text, the byte count right, and
        /// undoing every change gives back the empty box, redoing them all
        /// the text as it was.
        #[test]
        fn any_keys_keep_the_box_consistent_and_undo_restores_it(
            keys in prop::collection::vec(any_key(), 0..150),
            paste in "[a-z 数\r\n]{0,20}",
        ) {
            let mut e = typed(Keymap::Readline, &keys);
            e.insert_str(&paste);
            let (row, col) = e.cursor();
            prop_assert!(row < e.lines().len());
            prop_assert!(col <= e.lines()[row].chars().count());
            prop_assert_eq!(e.bytes(), e.text().len());
            prop_assert!(!e.text().contains('\r'));
            let Engine::Readline(t) = &mut e.engine else { unreachable!() };
            let done = t.lines().to_vec();
            let mut undos = 0;
            while t.history_len() > 0 {
                t.run(keys::Command::Undo);
                undos += 1;
            }
            prop_assert_eq!(t.lines(), [String::new()]);
            for _ in 0..undos {
                t.run(keys::Command::Redo);
            }
            prop_assert_eq!(t.lines(), done.as_slice());
        }
    }
}
