//! `hotseat check PATH...`: validate scenario files, all problems at once.

use std::path::{Path, PathBuf};

use super::{EXIT_PROBLEMS, EXIT_USAGE, Format, out};
use crate::scenario::diag::Diagnostic;
use crate::scenario::load::{Checked, DEFAULT_MAX_SIZE, check_file};

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
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let traps = super::catalogue();
    let mut files = Vec::new();
    let mut usage_problem = false;
    for path in &args.paths {
        match expand(path) {
            Ok(found) => files.extend(found),
            Err(msg) => {
                eprintln!("hotseat: {msg}");
                usage_problem = true;
            }
        }
    }
    let mut results: Vec<Checked> = Vec::new();
    for file in &files {
        match check_file(file, args.max_size, &traps) {
            Ok(c) => results.push(c),
            Err(e) => {
                eprintln!("hotseat: cannot read {e}");
                usage_problem = true;
            }
        }
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

fn report(args: &Args, results: &[Checked]) -> std::io::Result<()> {
    if args.format == Format::Json {
        let all: Vec<&Diagnostic> = results.iter().flat_map(|c| &c.diagnostics).collect();
        return out::json(&all);
    }
    let mut text = String::new();
    for c in results {
        for d in &c.diagnostics {
            text.push_str(&d.render(Some(&c.source)));
            text.push('\n');
        }
    }
    let errors: usize = results.iter().map(Checked::errors).sum();
    let warnings: usize = results.iter().map(Checked::warnings).sum();
    let files = results.len();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    text.push_str(&format!(
        "checked {}: {}, {}\n",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    out::print(&text)
}

/// A file as itself; a directory as its `*.ron` files, recursively.
fn expand(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() { Ok(crate::library::user_files(path)) } else { Ok(vec![path.to_path_buf()]) }
}
