//! The terminal UI: the event loop turns terminal events and ticks into
//! actions and session events; views draw the state. See
//! [`runtime::run`] for the loop, [`keymap`] for what keys mean,
//! [`app::App`] for the state around a session and [`views`] for drawing.
//! [`terminal`] owns the terminal (entering, restoring, signals),
//! [`input`] reads keys on a thread of its own, [`watch`] follows the
//! scenario folders for the picker, [`replay`] is the replay player and
//! [`export`] renders a recording as an asciicast.

pub mod app;
pub mod cohort;
pub mod export;
pub mod input;
pub mod keymap;
pub mod replay;
pub mod runtime;
pub mod terminal;
pub mod theme;
pub mod views;
pub mod watch;
