//! hotseat: a terminal mock-interview simulator.

pub mod cli;
pub mod library;
pub mod paths;
pub mod rules;
pub mod scenario;
pub mod text;
pub mod traps;
