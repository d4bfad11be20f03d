//! The command line: clap definitions and one module per subcommand. Each
//! subcommand returns an exit code; output goes through [`out`], which
//! treats a closed pipe (`hotseat list | head`) as success.

mod all_paths;
mod assess;
mod check;
mod cohort;
mod drill;
mod graph;
pub mod help;
mod list;
mod man;
mod new;
pub mod out;
mod playtest;
mod progress;
mod run;
mod sessions;
mod stats;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code for "problems were found" (check) or a failed operation.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code for usage and I/O problems.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "hotseat", version, about = "Rehearse hard job interviews in your terminal.", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language to speak: en or zh. Without it: HOTSEAT_LANG, then the
    /// one chosen in the picker, then the locale.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and report every problem with its location.
    Check(check::Args),
    /// List bundled and user scenarios.
    List(list::Args),
    /// Start an interview now, clock running.
    Run(run::Args),
    /// Run the trap rules on one answer and show its signals.
    Assess(assess::Args),
    /// Play a scenario with scripted answers and print the debrief, or
    /// (--all-paths) synthesise answers for every branch and report coverage.
    Playtest(playtest::Args),
    /// Draw a scenario's question graph as Graphviz DOT or a Mermaid flowchart.
    Graph(graph::Args),
    /// Size, shortest and longest routes, path count and reach of a scenario.
    Stats(stats::Args),
    /// Write a starter scenario (or a copy of a bundled one) to adapt.
    New(new::Args),
    /// List recorded sessions, newest first (`sessions rm ID` deletes one).
    Sessions(sessions::SessionsArgs),
    /// Rebuild a recorded session's debrief from its file.
    Debrief(sessions::DebriefArgs),
    /// Replay a recorded session full-screen, with seeking and annotations.
    Replay {
        /// A session id, `latest`, or a session file.
        #[arg(value_name = "ID|latest|PATH")]
        session: String,
    },
    /// Export a session: an asciicast, the debrief as Markdown, or a bundle.
    Export(sessions::ExportArgs),
    /// Carry on an interrupted or quit session.
    Resume {
        /// A session id or `latest`.
        #[arg(value_name = "ID|latest")]
        session: String,
    },
    /// How your sessions went over time: traps, competency scores, verdicts,
    /// time per question, and what to practise next.
    Progress(progress::Args),
    /// Practise the traps you fall into most with stand-alone questions.
    Drill(drill::Args),
    /// Aggregate many candidates' bundles for a coach: falls per trap, timing, endings.
    Cohort(cohort::Args),
    /// Print a shell completion script (bash, zsh or fish) on standard output.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: help::Shell,
    },
    /// Print the manual page (roff) on standard output: `hotseat man | man -l -`.
    Man,
}

/// Output format for commands that can print JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli, t0: std::time::Instant) -> ExitCode {
    let env = |k: &str| std::env::var(k).ok();
    crate::i18n::set_ui(crate::i18n::choose(cli.lang, &env, crate::config::remembered_lang()));
    // Every command says what is wrong with the user's catalogue, once.
    report_catalogue();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::List(args)) => list::run(&args),
        Some(Command::Run(args)) => run::run(&args, t0),
        Some(Command::Assess(args)) => assess::run(&args),
        Some(Command::Playtest(args)) => playtest::run(&args),
        Some(Command::Graph(args)) => graph::run(&args),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Sessions(args)) => sessions::sessions(&args),
        Some(Command::Debrief(args)) => sessions::debrief(&args),
        Some(Command::Progress(args)) => progress::run(&args),
        Some(Command::Resume { session }) => run::resume(&session, t0),
        Some(Command::Replay { session }) => sessions::replay(&session),
        Some(Command::Export(args)) => sessions::export(&args),
        Some(Command::Drill(args)) => drill::run(&args, t0),
        Some(Command::Completions { shell }) => help::completions(shell),
        Some(Command::Man) => man::print(),
        Some(Command::Cohort(args)) => cohort::run(&args),
        None => run::picker(t0),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hotseat: {}", crate::text::one_line(&e.to_string()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// The catalogue for this run and what is wrong with the user's part,
/// read once per process: the report at start, the command and the
/// full-screen notice all use the same reading.
fn loaded() -> &'static (crate::traps::Catalogue, Vec<String>) {
    static LOADED: std::sync::OnceLock<(crate::traps::Catalogue, Vec<String>)> = std::sync::OnceLock::new();
    LOADED.get_or_init(|| {
        let (cat, problems) = crate::traps::load(crate::paths::user_catalogue().as_deref());
        // In the UI language, which `run` sets before anything reads this.
        (cat, problems.iter().map(|p| crate::text::one_line(&p.message(crate::i18n::ui()))).collect())
    })
}

/// The trap catalogue for this run, with the user's additions. Its
/// problems were reported when the command started ([`report_catalogue`])
/// and do not stop the command: the bundled traps and every valid user
/// trap keep working.
fn catalogue() -> crate::traps::Catalogue {
    loaded().0.clone()
}

/// The user's catalogue problems in one line for the full-screen modes.
pub(super) fn catalogue_notice() -> Option<String> {
    let problems = &loaded().1;
    let first = problems.first()?;
    let more = match problems.len() {
        1 => String::new(),
        n => format!(" {}", crate::tr!(crate::i18n::ui(), "catalogue-and-more", n = n - 1)),
    };
    Some(format!("{first}{more}"))
}

/// Prints each problem of the user's catalogue on stderr.
fn report_catalogue() {
    for p in &loaded().1 {
        eprintln!("{p}");
    }
}
