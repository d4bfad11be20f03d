//! `hotseat run ID|PATH` and plain `hotseat` (the picker): the full-screen
//! session. Everything before the first frame is kept cheap.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use super::{EXIT_PROBLEMS, EXIT_USAGE};
use crate::library;
use crate::scenario::Scenario;
use crate::scenario::diag::did_you_mean;
use crate::scenario::load::{DEFAULT_MAX_SIZE, check_file};
use crate::session::{Compiled, Pace};
use crate::text::one_line;
use crate::tui::app::App;
use crate::tui::runtime::{self, Exit};
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
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
}

fn need_terminal() -> Option<u8> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return None;
    }
    eprintln!("hotseat: the interview needs a terminal; for scripts use `hotseat list` or `hotseat check`");
    Some(EXIT_USAGE)
}

/// `hotseat run`.
pub fn run(args: &Args, t0: Instant) -> std::io::Result<u8> {
    let catalogue = super::catalogue();
    let scenario = match resolve(&args.scenario, &catalogue) {
        Ok(sc) => sc,
        Err(code) => return Ok(code),
    };
    if let Some(code) = need_terminal() {
        return Ok(code);
    }
    let compiled = match Compiled::new(scenario, catalogue.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    let seed = args.seed.unwrap_or_else(fresh_seed);
    let now = t0.elapsed().as_millis() as u64;
    let app = App::running(compiled, catalogue, args.pace, seed, Theme::from_env(), now);
    finish(runtime::run(app, t0)?)
}

/// Plain `hotseat`: the picker.
pub fn picker(t0: Instant) -> std::io::Result<u8> {
    if let Some(code) = need_terminal() {
        return Ok(code);
    }
    let catalogue = super::catalogue();
    let entries = library::load(&catalogue);
    let app = App::picker(entries, catalogue, Pace::Real, fresh_seed(), Theme::from_env());
    finish(runtime::run(app, t0)?)
}

fn finish(exit: Exit) -> std::io::Result<u8> {
    Ok(match exit {
        Exit::Normal => 0,
        Exit::Signal(n) => 128 + n as u8,
        Exit::Gone => 129,
    })
}

/// A scenario by id (bundled or user) or by path, with errors reported the
/// way `check` reports them.
pub(super) fn resolve(arg: &str, catalogue: &crate::traps::Catalogue) -> Result<Scenario, u8> {
    let path = Path::new(arg);
    if path.exists() || arg.ends_with(".ron") {
        let checked = check_file(path, DEFAULT_MAX_SIZE, catalogue).map_err(|e| {
            eprintln!("hotseat: cannot read {}", one_line(&e.to_string()));
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
            let hint = did_you_mean(arg, entries.iter().map(|e| e.id.as_str()))
                .map(|m| format!("; did you mean \"{m}\"?"))
                .unwrap_or_else(|| "; `hotseat list` shows them".into());
            eprintln!("hotseat: no scenario with id \"{}\"{hint}", one_line(arg));
            Err(EXIT_USAGE)
        }
    }
}

fn runnable(checked: &crate::scenario::load::Checked) -> Result<Scenario, u8> {
    match checked.runnable() {
        Some(sc) => Ok(sc.clone()),
        None => {
            let lines = crate::scenario::diag::LineIndex::new(&checked.source);
            for d in checked.diagnostics.iter().filter(|d| d.is_error()) {
                eprint!("{}", d.render(lines.line(d.line)));
            }
            eprintln!("hotseat: {} has errors; fix them and try again", one_line(&checked.path));
            Err(EXIT_PROBLEMS)
        }
    }
}
