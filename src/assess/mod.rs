//! Assessment: which catalogue traps an answer falls into, and (with the
//! debrief) how the session went. Pure functions over text and state.

pub mod debrief;
mod detect;
pub mod scorer;

pub use detect::{DetectError, Detector, Finding, in_scope};
pub use scorer::Scorer;
