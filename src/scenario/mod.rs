//! Scenarios: the file format, loading with located errors, and validation.

pub mod model;

pub use model::*;
pub mod diag;
pub mod escapes;
pub mod graph;
pub mod load;
mod report;
pub mod spans;
pub mod validate;
