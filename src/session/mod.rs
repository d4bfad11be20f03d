//! The session core: a pure state machine. [`update`] takes the state and
//! one [`Event`] (with its monotonic time) and returns [`Effect`]s for the
//! runtime to carry out. No I/O, no clock, no terminal: the TUI, the
//! headless playtest, the tests and replay all drive this same function.

mod compiled;
mod draw;
mod editor;
mod event;
pub mod numeric;
mod numeric_v1;
mod pace;
mod state;
mod update;

pub use compiled::{CompileError, Compiled};
pub use editor::{Editor, Keymap};
pub use event::{Event, EventKind, Key, KeyCode, Target};
pub use pace::Pace;
pub use state::{Ending, Exit, Given, MAX_ANSWER_BYTES, Phase, State, Turn};
pub use update::{Effect, MAX_IDLE_TIMEOUTS, update};
#[cfg(test)]
mod tests;
