//! Tools for coaches who write scenarios: a picture of the question graph
//! ([`dot`], [`mermaid`], both drawn from one [`view`]), numbers about it
//! ([`stats`]), answers synthesised to walk every branch ([`synth`],
//! [`explore`]) and starter files ([`templates`]).
//!
//! Everything here reads a checked [`crate::scenario::Scenario`]; the
//! all-paths playtest drives the same session core as the terminal.

pub mod dot;
pub mod explore;
pub mod freetext;
pub mod label;
pub mod mermaid;
pub mod regex_sample;
pub mod stats;
pub mod synth;
pub mod templates;
pub mod view;
