//! The terminal UI: the event loop turns terminal events and ticks into
//! actions and session events; views draw the state. See
//! [`runtime::run`] for the loop, [`keymap`] for what keys mean,
//! [`app::App`] for the state around a session and [`views`] for drawing.

pub mod app;
pub mod export;
pub mod input;
pub mod keymap;
pub mod replay;
pub mod runtime;
pub mod terminal;
pub mod theme;
pub mod views;
pub mod watch;
