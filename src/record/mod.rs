//! Recording sessions: every input event appended to a file as it happens,
//! so a session can be debriefed, replayed and resumed from the file alone.
//! Reading a recording back folds its events through `session::update`,
//! the same function the live session used.

pub mod annotations;
pub mod format;
pub mod reader;
pub mod replay;
pub mod store;
pub mod writer;

pub use format::{EndStatus, Header, Line};
pub use reader::{Recording, Status};
pub use writer::Recorder;
