//! `hotseat run ID|PATH` and plain `hotseat` (the picker): the full-screen
//! session. Everything before the first frame is kept cheap.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use super::{EXIT_PROBLEMS, EXIT_USAGE};
use crate::i18n::ui;
use crate::library;
use crate::record::Status;
use crate::scenario::Scenario;
use crate::scenario::diag::did_you_mean;
use crate::scenario::load::{DEFAULT_MAX_SIZE, check_file};
use crate::session::EventKind;
use crate::session::{Compiled, Pace};
use crate::text::one_line;
use crate::tr;
use crate::tui::app::{Action, App};
use crate::tui::runtime::{self, Clock, Exit, Recording};
use crate::tui::theme::Theme;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id (see `hotseat list`) or a scenario file.
    #[arg(value_name = "ID|PATH")]
    scenario: String,
    /// Seed for drawing question variants: the same seed asks the same questions.
    #[arg(long)]
    seed: Option<u64>,
    /// How hard the clock pushes: untimed, relaxed (1.5×), real, pressure (0.75×).
    #[arg(long, value_enum, default_value_t = Pace::Real)]
    pace: Pace,
    /// Do not record this session.
    #[arg(long)]
    no_record: bool,
}

/// A seed from the clock, for runs that do not pass `--seed`.
pub(super) fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
}

pub(super) fn need_terminal() -> Option<u8> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return None;
    }
    eprintln!("hotseat: {}", tr!(ui(), "cli-needs-terminal"));
    Some(EXIT_USAGE)
}

/// `hotseat run`.
pub fn run(args: &Args, t0: Instant) -> std::io::Result<u8> {
    let catalogue = super::catalogue();
    let (scenario, source) = match resolve_with_source(&args.scenario, &catalogue) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    if let Some(code) = need_terminal() {
        return Ok(code);
    }
    let seed = args.seed.unwrap_or_else(fresh_seed);
    start(Start { scenario, source, catalogue, pace: args.pace, seed, record: !args.no_record, ready: false }, t0)
}

/// A session about to start full-screen: `hotseat run`'s and `hotseat
/// drill`'s, which share everything from here on.
pub(super) struct Start {
    pub scenario: Scenario,
    /// The scenario's text, embedded in the recording.
    pub source: String,
    pub catalogue: crate::traps::Catalogue,
    pub pace: Pace,
    pub seed: u64,
    pub record: bool,
    /// Wait on the ready screen for Enter instead of starting the clock.
    pub ready: bool,
}

/// Compiles and runs a session full-screen, recorded under
/// `<data dir>/sessions/` unless told not to, debriefed at its end.
/// The caller has checked for a terminal.
pub(super) fn start(s: Start, t0: Instant) -> std::io::Result<u8> {
    let compiled = match Compiled::new(s.scenario, s.catalogue.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    let clock = Clock { t0, base: 0 };
    let mut app = if s.ready {
        App::ready(compiled, s.catalogue, s.pace, s.seed, Theme::from_env())
    } else {
        App::running(compiled, s.catalogue, s.pace, s.seed, Theme::from_env(), clock.now_ms())
    };
    app.catalogue_notice = super::catalogue_notice();
    app.source = Some(s.source);
    finish(runtime::run(app, clock, Recording { enabled: s.record, recorder: None })?)
}

/// `hotseat resume ID|latest`: rebuild an interrupted or quit session from
/// its file and carry on, appending to the same file.
pub fn resume(arg: &str, t0: Instant) -> std::io::Result<u8> {
    let rec = match super::sessions::open_or_report(arg) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    // The lock first: a session another hotseat is recording is live
    // whatever its last line says.
    let lock = crate::record::reader::lock_state(&rec.path);
    if lock != crate::record::reader::Lock::Free {
        eprintln!("hotseat: {}", tr!(ui(), "cli-session-live-in", id = one_line(&rec.id), holder = lock.holder()));
        return Ok(EXIT_PROBLEMS);
    }
    match rec.ending() {
        Status::Finished => {
            eprintln!("hotseat: {}", tr!(ui(), "cli-session-finished", id = one_line(&rec.id)));
            return Ok(EXIT_PROBLEMS);
        }
        Status::Quit | Status::Interrupted | Status::Live | Status::Damaged => {}
    }
    // Rebuilt before asking for a terminal: a file that cannot be is a
    // problem with the file (exit 1), whatever runs it.
    let state = match rec.fold() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.message(ui())));
            return Ok(EXIT_PROBLEMS);
        }
    };
    if let Some(code) = need_terminal() {
        return Ok(code);
    }
    // Carry on from the last recorded moment: the time the process was gone
    // does not count.
    let clock = Clock { t0, base: rec.last_ms() + 1 };
    let mut recorder = match crate::record::Recorder::append_to(&rec.path, rec.last_ms(), rec.len) {
        Ok(r) => r,
        Err(e) => {
            let (path, error) = (one_line(&rec.path.display().to_string()), one_line(&e.to_string()));
            eprintln!("hotseat: {}", tr!(ui(), "cli-cannot-append", path = path, error = error));
            return Ok(EXIT_PROBLEMS);
        }
    };
    recorder.record(&crate::record::Line::Resumed { at_ms: clock.base });
    let mut app = App::resumed(state, super::catalogue(), Theme::from_env());
    app.catalogue_notice = super::catalogue_notice();
    app.source = Some(rec.header.source.clone());
    // It comes back paused, so the candidate picks up the thread first.
    app.act(Action::Session(EventKind::Reopen), clock.base);
    app.act(Action::Session(EventKind::Pause), clock.base);
    finish(runtime::run(app, clock, Recording { enabled: true, recorder: Some(recorder) })?)
}

/// Plain `hotseat`: the picker.
pub fn picker(t0: Instant) -> std::io::Result<u8> {
    if let Some(code) = need_terminal() {
        return Ok(code);
    }
    let catalogue = super::catalogue();
    // One bounded walk finds the files, fingerprints them and tells the
    // watch which directories to follow.
    let scan = library::scan();
    let entries = library::load_from(&scan, &catalogue);
    let picker = crate::tui::app::Picker::new(entries, scan).with_history();
    let mut app = App::from_picker(picker, catalogue, Pace::Real, fresh_seed(), Theme::from_env());
    app.catalogue_notice = super::catalogue_notice();
    finish(runtime::run(app, Clock { t0, base: 0 }, Recording { enabled: true, recorder: None })?)
}

fn finish(exit: Exit) -> std::io::Result<u8> {
    Ok(exit_code(exit))
}

/// The exit status of a full-screen mode: 128 + the signal that ended it,
/// as a shell reports a process killed by that signal.
pub(super) fn exit_code(exit: Exit) -> u8 {
    match exit {
        Exit::Normal => 0,
        Exit::Signal(n) => 128 + n as u8,
        Exit::Gone => 129,
    }
}

/// A scenario by id (bundled or user) or by path, with errors reported the
/// way `check` reports them.
pub(super) fn resolve(arg: &str, catalogue: &crate::traps::Catalogue) -> Result<Scenario, u8> {
    resolve_with_source(arg, catalogue).map(|(sc, _)| sc)
}

/// Like [`resolve`], with the scenario's text (recordings embed it).
pub(super) fn resolve_with_source(arg: &str, catalogue: &crate::traps::Catalogue) -> Result<(Scenario, String), u8> {
    let path = Path::new(arg);
    if path.exists() || arg.ends_with(".ron") {
        let checked = check_file(path, DEFAULT_MAX_SIZE, catalogue).map_err(|e| {
            eprintln!("hotseat: {}", tr!(ui(), "cli-cannot-read", error = one_line(&e.to_string())));
            EXIT_USAGE
        })?;
        return runnable(&checked);
    }
    // A bundled id needs only its own file checked: keeps start-up fast.
    let file = format!("{arg}.ron");
    if let Some((name, src)) = library::BUNDLED.iter().find(|(name, _)| *name == file) {
        let checked = crate::scenario::load::check_bytes(&format!("bundled:{name}"), src.as_bytes(), catalogue);
        return runnable(&checked);
    }
    let entries = library::load(catalogue);
    match library::find(&entries, arg) {
        Some(entry) => runnable(&entry.checked),
        None => {
            let id = one_line(arg);
            let said = match did_you_mean(arg, entries.iter().map(|e| e.id.as_str())) {
                Some(m) => tr!(ui(), "cli-no-scenario-did-you-mean", id = id, suggestion = m),
                None => tr!(ui(), "cli-no-scenario", id = id),
            };
            eprintln!("hotseat: {said}");
            Err(EXIT_USAGE)
        }
    }
}

pub(super) fn runnable(checked: &crate::scenario::load::Checked) -> Result<(Scenario, String), u8> {
    match checked.runnable() {
        Some(sc) => Ok((sc.clone(), checked.source.clone())),
        // A catalogue or answers file checks clean as what it is, but it
        // is not something to run: say what it is instead of "has errors".
        None if checked.errors() == 0 && crate::library::is_companion(&checked.source) => {
            let path = one_line(&checked.path);
            let said = if crate::library::is_catalogue(&checked.source) {
                tr!(ui(), "cli-is-catalogue", path = path)
            } else {
                tr!(ui(), "cli-is-answers", path = path)
            };
            eprintln!("hotseat: {said}");
            Err(EXIT_USAGE)
        }
        None => {
            let lines = crate::scenario::diag::LineIndex::new(&checked.source);
            for d in checked.diagnostics.iter().filter(|d| d.is_error()) {
                eprint!("{}", d.render(lines.line(d.line)));
            }
            eprintln!("hotseat: {}", tr!(ui(), "cli-has-errors", path = one_line(&checked.path)));
            Err(EXIT_PROBLEMS)
        }
    }
}
