//! Inputs to the session core. Each carries the monotonic time it happened
//! at, in milliseconds since the session began; nothing else about time
//! reaches the core. Events are what a recording stores, so they describe
//! intent ("typed `a` into the notes"), never screen output.

use serde::{Deserialize, Serialize};

/// One input, stamped with its monotonic time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at_ms: u64,
    pub kind: EventKind,
}

impl Event {
    pub fn new(at_ms: u64, kind: EventKind) -> Self {
        Event { at_ms, kind }
    }
}

/// Which text an edit goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// The answer being composed (free text, spoken notes, the number).
    Answer,
    /// The scratch notes that last the whole session.
    Notes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// The candidate is ready: the clock starts.
    Start,
    /// Time passes; nothing else happened. Never needs recording.
    Tick,
    /// An editing key for one of the text areas.
    Key(Target, Key),
    /// Text pasted into one of the text areas.
    Paste(Target, String),
    /// The Choice cursor moved to option `i` (0-based).
    Select(usize),
    /// Talking point `i` (0-based) of a Spoken question was ticked or unticked.
    Toggle(usize),
    /// Submit the current answer (empty means a pass). In a Spoken
    /// question's rating step it confirms the points ticked. A Submit while
    /// a Spoken answer is still being given (only recordings made before
    /// the rating step have one) submits it at once with whatever was
    /// ticked, as it always did.
    Submit,
    /// The Spoken answer is done: the question's clock stops and the
    /// talking points are shown for the candidate to tick the ones they
    /// covered, then confirm with `Submit`. Ignored on other questions.
    Done,
    /// Freeze the clock and hide the question.
    Pause,
    /// Unfreeze.
    Resume,
    /// The candidate quit before the end.
    Quit,
    /// Take up a session the candidate quit (resume): it comes back paused
    /// at the question it was left at.
    Reopen,
}

/// An editing key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub code: KeyCode,
    #[serde(default)]
    pub ctrl: bool,
    #[serde(default)]
    pub alt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyCode {
    Char(char),
    Backspace,
    Delete,
    Enter,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Tab,
}

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false }
    }

    pub fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// The same key in the text-area widget's terms.
    pub fn to_input(self) -> ratatui_textarea::Input {
        use ratatui_textarea::Key as K;
        let key = match self.code {
            KeyCode::Char(c) => K::Char(c),
            KeyCode::Backspace => K::Backspace,
            KeyCode::Delete => K::Delete,
            KeyCode::Enter => K::Enter,
            KeyCode::Left => K::Left,
            KeyCode::Right => K::Right,
            KeyCode::Up => K::Up,
            KeyCode::Down => K::Down,
            KeyCode::Home => K::Home,
            KeyCode::End => K::End,
            KeyCode::PageUp => K::PageUp,
            KeyCode::PageDown => K::PageDown,
            KeyCode::Tab => K::Tab,
        };
        ratatui_textarea::Input { key, ctrl: self.ctrl, alt: self.alt, shift: false }
    }
}
