//! hotseat: a terminal mock-interview simulator.
//!
//! # Map
//! - [`scenario`]: the RON file format ([`scenario::model`]), loading with
//!   located errors ([`scenario::load`]), validation ([`scenario::validate`])
//!   and the question graph ([`scenario::graph`]).
//! - [`rules`]: the rule language shared by FreeText branches and trap
//!   detection: conditions, their compiled form, and answer signals.
//! - [`traps`]: the trap catalogue (`assets/traps.ron` + the user's).
//! - [`session`]: the pure session core: `update(state, event) -> effects`.
//! - [`assess`]: which traps an answer falls into, and the debrief.
//! - [`tui`]: the terminal UI: event loop, keymap, views.
//! - [`library`]: bundled and user scenarios, as the picker and `list` see them.
//! - [`linebreak`]: where text may break across lines (UAX #14), for
//!   every view that wraps.
//! - [`paths`]: the data directory and where user files live; [`files`]
//!   writes there privately (0600 files, 0700 directories).
//! - [`i18n`]: what hotseat says, in English or Chinese (Fluent files in
//!   `assets/i18n/`); [`config`]: the choices it remembers.
//! - [`playtest`]: a scripted candidate, for tests and coaches.
//! - [`coach`]: tools for scenario authors: graph pictures, stats,
//!   all-paths playtests with synthesised answers, starter templates.
//! - [`record`]: session files: the event log, reading it back, replay.
//! - [`index`]: each session's summary kept in SQLite, so listings never
//!   replay every session again (the files stay the truth).
//! - [`cohort`]: a coach's cohort aggregated: candidate × trap falls,
//!   trap frequency, question timing and endings, for `hotseat cohort`.
//! - [`practice`]: many sessions read together: each trap's falls, trend
//!   and spaced-repetition order, for progress and drills.
//! - [`cli`]: one module per subcommand; `main.rs` only calls [`cli::run`].
//! - [`ron_syntax`]: the RON dialect every hotseat file is read in.
//! - [`text`]: escaping, so nothing from a file drives the terminal;
//!   [`digest`]: content ids for what a session was judged with.

pub mod assess;
pub mod cli;
pub mod coach;
pub mod cohort;
pub mod config;
pub mod digest;
pub mod files;
pub mod i18n;
pub mod index;
pub mod library;
pub mod linebreak;
pub mod paths;
pub mod playtest;
pub mod practice;
pub mod record;
pub mod ron_syntax;
pub mod rules;
pub mod scenario;
pub mod session;
pub mod text;
pub mod traps;
pub mod tui;
