//! Reading many sessions together: how each trap has gone over time and
//! which to practise next. Pure functions over the index's summaries
//! ([`crate::index::Summary`]), shared by `hotseat progress` (the trend
//! and the "practise next" sentence) and `hotseat drill` (which traps a
//! drill targets), so the two never disagree.

pub mod drill;
pub mod place;
pub mod progress;
pub mod schedule;
pub mod sheet;

pub use schedule::{RECEDE_AFTER, TrapRecord, Trend, traps};
