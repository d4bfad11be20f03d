//! Scenarios: the file format ([`model`]), loading with located errors
//! ([`load`], [`spans`], [`diag`]), control characters written as escapes
//! ([`escapes`]), validation ([`validate`]) and the question graph ([`graph`]).

pub mod model;

pub use model::*;
pub mod diag;
pub mod escapes;
pub mod fold;
pub mod graph;
pub mod load;
pub mod own_traps;
pub mod report;
pub mod spans;
pub mod teach;
pub mod template;
pub mod validate;
