//! `hotseat sessions`, `hotseat debrief` and `hotseat resume`: recorded
//! sessions, rebuilt from their files alone.

use serde::Serialize;

use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::assess::debrief::{self, Debrief};
use crate::record::store;
use crate::record::{Recording, Status};
use crate::text::one_line;

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    command: Option<SessionsCommand>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum SessionsCommand {
    /// Delete a recorded session (and its annotations).
    Rm {
        /// The session id (see `hotseat sessions`).
        id: String,
    },
}

/// One row of `sessions --json`; these field names are an interface.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    scenario: String,
    title: String,
    started: String,
    duration_s: u64,
    status: &'static str,
    traps: usize,
    verdict: Option<&'static str>,
}

fn row(rec: &Recording) -> Row {
    let (traps, verdict, duration) = match rec.fold() {
        Ok(state) => {
            let d = debrief::build(&state);
            (d.traps.len(), d.verdict.map(|v| v.as_str()), state.elapsed_ms() / 1000)
        }
        Err(_) => (0, None, 0),
    };
    Row {
        id: rec.id.clone(),
        scenario: rec.header.scenario.clone(),
        title: rec.header.title.clone(),
        started: rec.header.started.clone(),
        duration_s: duration,
        status: rec.status().as_str(),
        traps,
        verdict,
    }
}

pub fn sessions(args: &SessionsArgs) -> std::io::Result<u8> {
    if let Some(SessionsCommand::Rm { id }) = &args.command {
        return rm(id);
    }
    let rows: Vec<Row> =
        store::list().iter().filter_map(|p| crate::record::reader::read(p).ok()).map(|r| row(&r)).collect();
    if args.json {
        out::json(&rows)?;
        return Ok(0);
    }
    if rows.is_empty() {
        out::print("No sessions yet: `hotseat` starts one.\n")?;
        return Ok(0);
    }
    let mut text =
        format!("{:<40} {:<12} {:>6} {:>5} {:<11} {}\n", "ID", "STATUS", "TIME", "TRAPS", "VERDICT", "TITLE");
    for r in &rows {
        text.push_str(&format!(
            "{:<40} {:<12} {:>3}:{:02} {:>5} {:<11} {}\n",
            one_line(&r.id),
            r.status,
            r.duration_s / 60,
            r.duration_s % 60,
            r.traps,
            r.verdict.unwrap_or("-"),
            one_line(&r.title)
        ));
    }
    out::print(&text)?;
    Ok(0)
}

fn rm(id: &str) -> std::io::Result<u8> {
    let rec = match store::open(id) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_USAGE);
        }
    };
    if rec.status() == Status::Live {
        eprintln!("hotseat: session {} is live; end it first", one_line(&rec.id));
        return Ok(EXIT_PROBLEMS);
    }
    std::fs::remove_file(&rec.path)?;
    let _ = std::fs::remove_file(crate::record::annotations::sidecar(&rec.path));
    out::print(&format!("Removed {}\n", one_line(&rec.id)))?;
    Ok(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DebriefFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DebriefArgs {
    /// A session id, `latest`, or a session file.
    #[arg(value_name = "ID|latest|PATH")]
    session: String,
    #[arg(long, value_enum, default_value_t = DebriefFormat::Text)]
    format: DebriefFormat,
}

#[derive(Serialize)]
struct DebriefJson<'a> {
    id: &'a str,
    status: &'static str,
    #[serde(flatten)]
    debrief: &'a Debrief,
    annotations: Vec<crate::record::annotations::Annotation>,
}

pub fn debrief(args: &DebriefArgs) -> std::io::Result<u8> {
    let rec = match store::open(&args.session) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_USAGE);
        }
    };
    let state = match rec.fold() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    let d = debrief::build(&state);
    let notes = crate::record::annotations::read(&rec.path);
    match args.format {
        DebriefFormat::Json => {
            out::json(&DebriefJson { id: &rec.id, status: rec.status().as_str(), debrief: &d, annotations: notes })?
        }
        DebriefFormat::Md => out::print(&with_annotations(debrief::markdown(&d), &notes))?,
        DebriefFormat::Text => out::print(&debrief::text(&with_annotations(debrief::markdown(&d), &notes)))?,
    }
    Ok(0)
}

/// The Markdown debrief with the coach's annotations appended.
pub fn with_annotations(mut md: String, notes: &[crate::record::annotations::Annotation]) -> String {
    if notes.is_empty() {
        return md;
    }
    md.push_str("\n## Coach's annotations\n\n");
    for a in notes {
        let s = a.at_ms / 1000;
        md.push_str(&format!("- **{:02}:{:02}** {}\n", s / 60, s % 60, a.text.replace('\n', " ")));
    }
    md
}

fn open_or_report(arg: &str) -> Result<Recording, u8> {
    store::open(arg).map_err(|e| {
        eprintln!("hotseat: {}", one_line(&e.to_string()));
        EXIT_USAGE
    })
}

/// `hotseat replay ID|latest|PATH`.
pub fn replay(arg: &str) -> std::io::Result<u8> {
    let rec = match open_or_report(arg) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    if let Some(code) = super::run::need_terminal() {
        return Ok(code);
    }
    let replay = match crate::record::replay::Replay::new(rec) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    crate::tui::replay::run(crate::tui::replay::Player::new(replay, crate::tui::theme::Theme::from_env()))?;
    Ok(0)
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true)))]
pub struct ExportArgs {
    /// A session id, `latest`, or a session file.
    #[arg(value_name = "ID|latest|PATH")]
    session: String,
    /// Write the replay as an asciicast v2 file (plays in asciinema).
    #[arg(long, value_name = "FILE", group = "what")]
    asciicast: Option<std::path::PathBuf>,
    /// Write the debrief as Markdown.
    #[arg(long, value_name = "FILE", group = "what")]
    markdown: Option<std::path::PathBuf>,
    /// Copy the session and its annotations into DIR, to send to a coach.
    #[arg(long, value_name = "DIR", group = "what")]
    bundle: Option<std::path::PathBuf>,
}

/// `hotseat export`.
pub fn export(args: &ExportArgs) -> std::io::Result<u8> {
    let rec = match open_or_report(&args.session) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!("hotseat: {what}: {}", one_line(&e.to_string()));
        EXIT_PROBLEMS
    };
    if let Some(dir) = &args.bundle {
        if let Err(e) = bundle(&rec, dir) {
            return Ok(fail("cannot write the bundle", &e));
        }
        out::print(&format!("Bundled {} into {}\n", one_line(&rec.id), one_line(&dir.display().to_string())))?;
    }
    if let Some(path) = &args.markdown {
        let state = match rec.fold() {
            Ok(s) => s,
            Err(e) => return Ok(fail("cannot replay", &e)),
        };
        let notes = crate::record::annotations::read(&rec.path);
        let md = with_annotations(debrief::markdown(&debrief::build(&state)), &notes);
        if let Err(e) = crate::files::write_private(path, md.as_bytes()) {
            return Ok(fail("cannot write the Markdown", &e));
        }
    }
    if let Some(path) = &args.asciicast {
        let replay = match crate::record::replay::Replay::new(rec.clone()) {
            Ok(r) => r,
            Err(e) => return Ok(fail("cannot replay", &e)),
        };
        let written = write_via_temp(path, |w| crate::tui::export::asciicast(&replay, w));
        match written {
            Ok(n) => eprintln!("hotseat: wrote {n} frames to {}", one_line(&path.display().to_string())),
            Err(e) => return Ok(fail("cannot write the asciicast", &e)),
        }
    }
    Ok(0)
}

/// Writes `path` through a temporary file beside it, renamed over it only
/// once everything is written and synced: a failed export (or a killed
/// one) never truncates a file that was there. (A shared helper for this
/// is coming to `crate::files`; this one is local to the export.)
fn write_via_temp<T>(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<T>,
) -> std::io::Result<T> {
    let name = path.file_name().ok_or_else(|| std::io::Error::other("not a file name"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = crate::files::private_file(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        let value = write(&mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(value)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Copies the session file and its annotations into `dir`.
fn bundle(rec: &Recording, dir: &std::path::Path) -> std::io::Result<()> {
    crate::files::private_dir(dir)?;
    let name = rec.path.file_name().ok_or_else(|| std::io::Error::other("no file name"))?;
    crate::files::write_private(&dir.join(name), &std::fs::read(&rec.path)?)?;
    let side = crate::record::annotations::sidecar(&rec.path);
    if let (Ok(bytes), Some(n)) = (std::fs::read(&side), side.file_name()) {
        crate::files::write_private(&dir.join(n), &bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// Issue 11 item 8: the asciicast was written straight into the output
    /// file, truncated first, so an export that failed (it aborted on a
    /// 206 GB allocation) left an empty file where the last one had been.
    #[test]
    fn a_failed_export_leaves_the_existing_file_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("talk.cast");
        std::fs::write(&path, "the previous export").expect("writes");
        let failed: std::io::Result<()> = super::write_via_temp(&path, |w| {
            w.write_all(b"half a frame")?;
            Err(std::io::Error::other("the renderer failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "the previous export");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("lists").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["talk.cast"], "no temporary file is left behind");
        super::write_via_temp(&path, |w| w.write_all(b"the new export")).expect("writes");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "the new export");
    }
}
