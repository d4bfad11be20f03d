//! `hotseat check PATH...`: validate scenario files, trap catalogues and
//! playtest answers files (told apart by content), all problems at once.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{EXIT_PROBLEMS, EXIT_USAGE, Format, out};
use crate::i18n::Lang;
use crate::playtest::check as answers;
use crate::scenario::Scenario;
use crate::scenario::diag::{Diagnostic, LineIndex};
use crate::scenario::load::{Checked, DEFAULT_MAX_SIZE, check_bytes_in, read_source};
use crate::text::one_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files, or directories to search for `*.ron` files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SIZE)]
    max_size: u64,
    /// Keep running: check again whenever a watched file is saved (Ctrl-C stops).
    #[arg(long)]
    watch: bool,
    /// The scenario (id or file) that playtest answers files among PATH
    /// answer: their node ids, options and talking points are checked
    /// against it. Without it, an answers file named `<scenario-id>.*.ron`
    /// is checked against that scenario when one has the id.
    #[arg(long, value_name = "SCENARIO")]
    scenario: Option<String>,
    /// An extra trap catalogue, such as a team's shared one: scenarios may
    /// name its traps as if installed in <data dir>/traps.ron, and the
    /// file itself is checked too.
    #[arg(long, value_name = "FILE")]
    traps: Option<PathBuf>,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    if args.watch {
        return super::watch::run(args, &args.paths);
    }
    check_once(args)
}

impl Args {
    /// The language of the diagnostics: English for JSON, which stays
    /// language-neutral, else the reader's.
    pub(super) fn lang(&self) -> Lang {
        if self.format == Format::Json { Lang::En } else { crate::i18n::ui() }
    }
}

/// One check of every path: the report, and the exit code it earns.
pub(super) fn check_once(args: &Args) -> std::io::Result<u8> {
    let lang = args.lang();
    let mut traps = super::catalogue();
    let mut files = Vec::new();
    let mut usage_problem = false;
    let mut results: Vec<Checked> = Vec::new();
    if let Some(extra) = &args.traps {
        match extra_catalogue(lang, extra, args.max_size, &mut traps) {
            Some(checked) => results.push(checked),
            None => return Ok(EXIT_USAGE),
        }
    }
    for path in &args.paths {
        let (found, problems) = expand(lang, path);
        files.extend(found);
        for msg in problems {
            eprintln!("hotseat: {msg}");
            usage_problem = true;
        }
    }
    let mut given: Option<Scenario> = None;
    for file in &files {
        let text = match read_source(lang, file, args.max_size) {
            Ok(Ok(text)) => text,
            Ok(Err(refused)) => {
                results.push(*refused);
                continue;
            }
            Err(e) => {
                let (path, error) = (one_line(&e.path), one_line(&e.source.to_string()));
                eprintln!("hotseat: {}", tr!(lang, "check-cannot-read", path = path, error = error));
                usage_problem = true;
                continue;
            }
        };
        let shown = file.display().to_string();
        if !answers::is_answers(&text) {
            results.push(check_bytes_in(lang, &shown, text.as_bytes(), &traps));
            continue;
        }
        let scenario = match (&args.scenario, &given) {
            (Some(_), Some(sc)) => Some(sc.clone()),
            (Some(arg), None) => match super::run::resolve_with_source(arg, &traps) {
                Ok((sc, _)) => {
                    given = Some(sc.clone());
                    Some(sc)
                }
                Err(code) => return Ok(code),
            },
            (None, _) => scenario_named_by(lang, file, &traps),
        };
        results.push(answers::check_answers(lang, &shown, text, scenario.as_ref()));
    }
    report(args, &results)?;
    let errors: usize = results.iter().map(Checked::errors).sum();
    let warnings: usize = results.iter().map(Checked::warnings).sum();
    Ok(if usage_problem {
        EXIT_USAGE
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        EXIT_PROBLEMS
    } else {
        0
    })
}

/// Reads `--traps FILE`: checks it like any catalogue (its report joins
/// the others) and adds its traps to `traps`, so scenarios may name them.
/// `None` (after saying why) when it cannot be read or is not a catalogue.
fn extra_catalogue(lang: Lang, path: &Path, max_size: u64, traps: &mut crate::traps::Catalogue) -> Option<Checked> {
    let shown = path.display().to_string();
    let text = match read_source(lang, path, max_size) {
        Ok(Ok(text)) => text,
        Ok(Err(refused)) => return Some(*refused),
        Err(e) => {
            let (path, error) = (one_line(&e.path), one_line(&e.source.to_string()));
            eprintln!("hotseat: --traps: {}", tr!(lang, "check-cannot-read", path = path, error = error));
            return None;
        }
    };
    if !crate::library::is_catalogue(&text) {
        eprintln!("hotseat: --traps: {}", tr!(lang, "check-not-a-catalogue", path = one_line(&shown)));
        return None;
    }
    let checked = check_bytes_in(lang, &shown, text.as_bytes(), traps);
    if let Ok(extra) = crate::traps::parse(&shown, &text) {
        for t in extra.traps {
            if traps.get(&t.id).is_none() {
                traps.traps.push(t);
            }
        }
    }
    Some(checked)
}

/// The most diagnostics the text output shows for one file; JSON has all.
const SHOWN_PER_FILE: usize = 200;

fn report(args: &Args, results: &[Checked]) -> std::io::Result<()> {
    if args.format == Format::Json {
        let all: Vec<&Diagnostic> = results.iter().flat_map(|c| &c.diagnostics).collect();
        return out::json(&all);
    }
    let lang = args.lang();
    let mut text = String::new();
    for c in results {
        file_report(lang, &mut text, c);
    }
    let errors: usize = results.iter().map(Checked::errors).sum();
    let warnings: usize = results.iter().map(Checked::warnings).sum();
    let _ =
        writeln!(text, "{}", tr!(lang, "check-summary", files = results.len(), errors = errors, warnings = warnings));
    out::print(&text)
}

/// One file's diagnostics, in file order, at most [`SHOWN_PER_FILE`] of
/// them: errors first in line for the space, then warnings, and a last
/// line counting what was left out.
fn file_report(lang: Lang, text: &mut String, c: &Checked) {
    let lines = LineIndex::new(&c.source);
    let (errors, warnings) = (c.errors(), c.warnings());
    let shown_errors = errors.min(SHOWN_PER_FILE);
    let shown_warnings = warnings.min(SHOWN_PER_FILE - shown_errors);
    let (mut error_room, mut warning_room) = (shown_errors, shown_warnings);
    for d in &c.diagnostics {
        let room = if d.is_error() { &mut error_room } else { &mut warning_room };
        if *room == 0 {
            continue;
        }
        *room -= 1;
        text.push_str(&d.render_in(lang, lines.line(d.line)));
        text.push('\n');
    }
    let (hidden_errors, hidden_warnings) = (errors - shown_errors, warnings - shown_warnings);
    let hidden = hidden_errors + hidden_warnings;
    if hidden > 0 {
        let kinds: Vec<String> = [
            (hidden_errors, tr!(lang, "check-errors", n = hidden_errors)),
            (hidden_warnings, tr!(lang, "check-warnings", n = hidden_warnings)),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, w)| w)
        .collect();
        let kinds = kinds.join(&tr!(lang, "check-list-separator"));
        let _ = writeln!(text, "{}\n", tr!(lang, "check-hidden", n = hidden, kinds = kinds));
    }
}

/// The scenario an answers file is for by the playtests' naming,
/// `<scenario-id>.<anything>.ron`, when a scenario with that id exists and
/// has no errors; `None` leaves the file checked on its own.
fn scenario_named_by(lang: Lang, file: &Path, traps: &crate::traps::Catalogue) -> Option<Scenario> {
    let name = file.file_name()?.to_str()?;
    let (id, _) = name.split_once('.')?;
    let bundled = format!("{id}.ron");
    if let Some((name, src)) = crate::library::BUNDLED.iter().find(|(name, _)| *name == bundled) {
        return check_bytes_in(lang, &format!("bundled:{name}"), src.as_bytes(), traps).runnable().cloned();
    }
    let entries = crate::library::load(traps);
    crate::library::find(&entries, id).and_then(|e| e.checked.runnable().cloned())
}

/// A file as itself; a directory as its `*.ron` files, recursively. The
/// second part is every path that could not be read, as a message.
fn expand(lang: Lang, path: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let shown = || one_line(&path.display().to_string());
    match std::fs::metadata(path) {
        Err(e) => (Vec::new(), vec![format!("{}: {}", shown(), one_line(&e.to_string()))]),
        Ok(meta) if meta.is_dir() => {
            let walk = crate::library::walk(path);
            let mut problems: Vec<String> =
                walk.problems.iter().map(|p| tr!(lang, "check-cannot-read-entry", problem = p.to_string())).collect();
            problems.extend(walk.notices());
            (walk.files, problems)
        }
        Ok(_) => (vec![path.to_path_buf()], Vec::new()),
    }
}
