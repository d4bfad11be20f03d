//! `hotseat playtest SCENARIO --answers FILE [--seed N] [--json]`: play a
//! scenario without a terminal and print the path and the debrief.
//! `hotseat playtest SCENARIO --all-paths` instead synthesises answers for
//! every branch and reports edge coverage (see [`super::all_paths`]).

use std::path::PathBuf;

use serde::Serialize;

use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::assess::debrief::{self, Debrief};
use crate::i18n::Lang;
use crate::playtest;
use crate::session::Compiled;
use crate::text::one_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id or file.
    #[arg(value_name = "SCENARIO")]
    scenario: String,
    /// The scripted answers (RON): node id → answers, one per visit.
    #[arg(long, value_name = "FILE", required_unless_present = "all_paths", conflicts_with = "all_paths")]
    answers: Option<PathBuf>,
    /// Synthesise answers for every branch instead, and report which edges
    /// and nodes no synthesised path reaches (exit 1 when there are any).
    #[arg(long)]
    all_paths: bool,
    /// Seed for question variants.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Print JSON: the path and the debrief (with --all-paths: the coverage).
    #[arg(long)]
    json: bool,
    /// Record the scripted session like a live one, under <data dir>/sessions/.
    #[arg(long, conflicts_with = "all_paths")]
    record: bool,
}

impl Args {
    pub(super) fn scenario(&self) -> &str {
        &self.scenario
    }

    pub(super) fn seed(&self) -> u64 {
        self.seed
    }

    pub(super) fn json(&self) -> bool {
        self.json
    }
}

#[derive(Serialize)]
struct Output<'a> {
    path: Vec<&'a str>,
    debrief: &'a Debrief,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let Some(answers) = args.answers.as_ref().filter(|_| !args.all_paths) else {
        return super::all_paths::run(args);
    };
    let catalogue = super::catalogue();
    let (scenario, source) = match super::run::resolve_with_source(&args.scenario, &catalogue) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let shown = answers.display().to_string();
    let src = match std::fs::read_to_string(answers) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: cannot read {}: {}", one_line(&shown), one_line(&e.to_string()));
            return Ok(EXIT_USAGE);
        }
    };
    // JSON is for programs: always English, whatever the UI language.
    let lang = if args.json { Lang::En } else { crate::i18n::ui() };
    let played = playtest::parse_in(lang, &shown, &src).and_then(|script| {
        let compiled = Compiled::new(scenario, catalogue)
            .map_err(|e| playtest::PlaytestError::Invalid { node: "(scenario)".into(), message: e.to_string() })?;
        playtest::play_logged_in(lang, compiled, args.seed, &script)
    });
    let (state, events) = match played {
        Ok(played) => played,
        Err(e) => {
            eprintln!("hotseat: playtest: {}", one_line(&e.message(lang)));
            return Ok(EXIT_PROBLEMS);
        }
    };
    if args.record {
        match crate::record::writer::save_scripted(&state, &events, &source) {
            Ok(path) => eprintln!("hotseat: recorded {}", one_line(&path.display().to_string())),
            Err(e) => {
                eprintln!("hotseat: cannot record: {}", one_line(&e.to_string()));
                return Ok(EXIT_PROBLEMS);
            }
        }
    }
    let d = if args.json { debrief::build_in(&state, crate::i18n::Lang::En) } else { debrief::build(&state) };
    let path: Vec<&str> = state
        .turns
        .iter()
        .map(|t| state.compiled.scenario.nodes[t.node].id.as_str())
        .chain(state.current().is_end().then(|| state.current().id.as_str()))
        .collect();
    if args.json {
        out::json(&Output { path, debrief: &d })?;
    } else {
        let path = tr!(lang, "playtest-path", path = path.join(" → "));
        out::print(&format!("{path}\n\n{}", debrief::markdown(&d)))?;
    }
    Ok(0)
}
