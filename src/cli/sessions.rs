//! `hotseat sessions`, `hotseat debrief` and `hotseat resume`: recorded
//! sessions, rebuilt from their files alone.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::out::{pad, pad_left};
use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::assess::debrief::{self, Debrief};
use crate::i18n::ui;
use crate::record::{Recording, Status};
use crate::record::{reader, store};
use crate::session::Compiled;
use crate::text::one_line;
use crate::tr;

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

/// One row of `sessions --json`; these field names are an interface (add
/// fields, never rename them).
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
    /// The embedded scenario does not match the header's sha256.
    modified: bool,
    /// Why the session is damaged, or why its summary is left out: in
    /// English, as JSON is language-neutral (the table shows it as is).
    reason: Option<String>,
}

/// A listing folds (replays) only files up to this size, to count traps and
/// time; a larger one is listed from its header and last line alone, so no
/// single file makes `hotseat sessions` slow. A three-hour session is
/// about 2.6 MB.
pub const LIST_FOLD_BYTES: u64 = 8 << 20;

/// A listing does not assess an answer longer than this (characters typed
/// or pasted between two submits): assessing is the costly part of a
/// summary, and a pasted book must not slow every `hotseat sessions`.
/// Five minutes of speech is about 4,500 characters.
pub const LIST_ANSWER_CHARS: usize = 16_000;

/// What a listing reuses across files: the trap catalogue (loading compiles
/// dozens of regexes) and each scenario text compiled once.
struct ListCache {
    catalogue: crate::traps::Catalogue,
    compiled: HashMap<String, Result<Arc<Compiled>, String>>,
}

impl ListCache {
    fn new() -> ListCache {
        let (catalogue, _) = crate::traps::load(crate::paths::user_catalogue().as_deref());
        ListCache { catalogue, compiled: HashMap::new() }
    }

    fn compiled(&mut self, rec: &Recording) -> Result<Arc<Compiled>, String> {
        let key = cache_key(rec);
        if let Some(c) = self.compiled.get(&key) {
            return c.clone();
        }
        let c = rec.catalogue(|| self.catalogue.clone()).and_then(|cat| rec.compile_with(cat)).map_err(|e| e.reason());
        let key = cache_key(rec);
        self.compiled.insert(key, c.clone());
        c
    }
}

/// Recordings with the same scenario text and recorded traps compile alike.
fn cache_key(rec: &Recording) -> String {
    match &rec.header.judged_with {
        Some(j) => format!("{}\n{}", rec.header.source, j.traps),
        None => rec.header.source.clone(),
    }
}

/// The row for one entry of the sessions directory; never fails: what
/// cannot be read is a `damaged` row saying why.
fn row(path: &std::path::Path, cache: &mut ListCache) -> Row {
    let lock = reader::lock_state(path);
    let rec = match reader::read_file(path, false) {
        Ok(r) => r,
        Err(e) => return damaged_row(path, lock, e.reason()),
    };
    warn_modified(&rec);
    let mut status = rec.status_with(lock);
    let mut reason = rec.damage.clone();
    let (mut traps, mut verdict, mut duration) = (0, None, rec.last_ms() / 1000);
    if rec.len > LIST_FOLD_BYTES {
        reason = reason.or_else(|| Some(tr!(crate::i18n::Lang::En, "sessions-too-large", bytes = LIST_FOLD_BYTES)));
    } else if let longest = rec.longest_answer()
        && longest > LIST_ANSWER_CHARS
    {
        reason = reason.or_else(|| Some(tr!(crate::i18n::Lang::En, "sessions-long-answer", chars = longest)));
    } else {
        match cache.compiled(&rec) {
            Ok(c) => {
                let state = rec.fold_with(c);
                // Only counts and ids are read: no language needed.
                let d = debrief::build_in(&state, crate::i18n::Lang::En);
                (traps, verdict, duration) = (d.trap_count, d.verdict.map(|v| v.as_str()), state.elapsed_ms() / 1000);
            }
            Err(why) => {
                if status != Status::Live {
                    status = Status::Damaged;
                }
                reason = Some(why);
            }
        }
    }
    Row {
        id: rec.id.clone(),
        scenario: rec.header.scenario.clone(),
        title: rec.header.title.clone(),
        started: rec.header.started.clone(),
        duration_s: duration,
        status: status.as_str(),
        traps,
        verdict,
        modified: rec.modified,
        reason,
    }
}

fn damaged_row(path: &std::path::Path, lock: reader::Lock, reason: String) -> Row {
    let status = if lock == reader::Lock::Free { Status::Damaged } else { Status::Live };
    Row {
        id: store::id_of(path),
        scenario: String::new(),
        title: String::new(),
        started: String::new(),
        duration_s: 0,
        status: status.as_str(),
        traps: 0,
        verdict: None,
        modified: false,
        reason: Some(reason),
    }
}

pub fn sessions(args: &SessionsArgs) -> std::io::Result<u8> {
    if let Some(SessionsCommand::Rm { id }) = &args.command {
        return rm(id);
    }
    let files = store::list();
    let mut cache = ListCache::new();
    let rows: Vec<Row> = files.iter().map(|p| row(p, &mut cache)).collect();
    if args.json {
        out::json(&rows)?;
        return Ok(0);
    }
    if rows.is_empty() {
        out::print(&format!("{}\n", tr!(ui(), "sessions-none")))?;
        return Ok(0);
    }
    let col = |id| crate::i18n::message(ui(), id, &[]);
    let mut text = format!(
        "{} {} {} {} {} {}\n",
        pad(&col("sessions-col-id"), 40),
        pad(&col("sessions-col-status"), 12),
        pad_left(&col("sessions-col-time"), 6),
        pad_left(&col("sessions-col-traps"), 5),
        pad(&col("sessions-col-verdict"), 11),
        col("sessions-col-title")
    );
    for r in &rows {
        // A damaged row has no title to show: its reason goes there.
        let mut title = match &r.reason {
            Some(why) if r.title.is_empty() || r.status == "damaged" => format!("({why})"),
            _ => r.title.clone(),
        };
        if r.modified {
            title = format!("{} {title}", tr!(ui(), "sessions-modified"));
        }
        // Status and verdict are ids in JSON; a person reads their names.
        let status = crate::i18n::message(ui(), &format!("status-{}", r.status), &[]);
        let verdict = r.verdict.map_or("-".into(), |v| crate::i18n::message(ui(), &format!("verdict-{v}"), &[]));
        text.push_str(&format!(
            "{:<40} {} {:>3}:{:02} {:>5} {} {}\n",
            one_line(&r.id),
            pad(&status, 12),
            r.duration_s / 60,
            r.duration_s % 60,
            r.traps,
            pad(&verdict, 11),
            one_line(&title)
        ));
    }
    out::print(&text)?;
    Ok(0)
}

/// `sessions rm ID`: takes the session's lock itself before unlinking, so
/// it never removes a session a hotseat is recording (whatever the file's
/// last line says), and a hotseat starting to resume at the same moment
/// either gets the lock first (and rm refuses) or finds the file gone.
fn rm(id: &str) -> std::io::Result<u8> {
    let (path, typed) = match store::find_where(id) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.message(ui())));
            return Ok(EXIT_USAGE);
        }
    };
    let shown_id = store::id_of(&path);
    // A path typed by the user must at least be a session file; an id in
    // the sessions directory is removed even when damaged.
    if typed && let Err(e) = reader::read_file(&path, true) {
        eprintln!("hotseat: {}", tr!(ui(), "sessions-not-removed", error = one_line(&e.to_string())));
        return Ok(EXIT_PROBLEMS);
    }
    let file = match crate::files::open_regular(&path, typed) {
        Ok(f) => f,
        Err(e) => {
            let (path, error) = (one_line(&path.display().to_string()), one_line(&e.to_string()));
            eprintln!("hotseat: {}", tr!(ui(), "sessions-not-removed-path", path = path, error = error));
            return Ok(EXIT_PROBLEMS);
        }
    };
    match reader::lock_exclusive(&file) {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = reader::Lock::Held(reader::lock_owner(&file)).holder();
            eprintln!("hotseat: {}", tr!(ui(), "sessions-live-end-first", id = one_line(&shown_id), holder = holder));
            return Ok(EXIT_PROBLEMS);
        }
        Err(std::fs::TryLockError::Error(e)) => {
            let (id, error) = (one_line(&shown_id), one_line(&e.to_string()));
            eprintln!("hotseat: {}", tr!(ui(), "sessions-cannot-lock", id = id, error = error));
            return Ok(EXIT_PROBLEMS);
        }
    }
    // Holding the lock: remove the name, then the annotations.
    std::fs::remove_file(&path)?;
    let _ = std::fs::remove_file(crate::record::annotations::sidecar(&path));
    drop(file);
    out::print(&format!("{}\n", tr!(ui(), "sessions-removed", id = one_line(&shown_id))))?;
    Ok(0)
}

/// One stderr line when a session's embedded scenario was edited.
fn warn_modified(rec: &Recording) {
    if rec.modified {
        eprintln!("hotseat: {}", tr!(ui(), "sessions-warn-modified", id = one_line(&rec.id)));
    }
}

/// One stderr line when the session is not judged exactly as recorded: an
/// old file (judged with today's traps) or another build's catalogue or
/// scorer.
/// Only for a session that can be rebuilt: one that cannot gets its one
/// line of error, nothing more.
fn warn_judging(rec: &Recording) {
    if let Some(note) = rec.judging_note()
        && rec.compile().is_ok()
    {
        eprintln!("hotseat: {}", tr!(ui(), "sessions-note-judging", id = one_line(&rec.id), note = note));
    }
}

/// One stderr line saying what a damaged session's rebuild skipped.
fn warn_damaged(rec: &Recording) {
    if let Some(why) = &rec.damage {
        eprintln!("hotseat: {}", tr!(ui(), "sessions-warn-damaged", id = one_line(&rec.id), why = one_line(why)));
    }
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
    modified: bool,
    /// Set when the session is not judged exactly as recorded (see
    /// [`Recording::judging_note`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    judging_note: Option<String>,
    #[serde(flatten)]
    debrief: &'a Debrief,
    annotations: Vec<crate::record::annotations::Annotation>,
}

pub fn debrief(args: &DebriefArgs) -> std::io::Result<u8> {
    let rec = match open_or_report(&args.session) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let state = match rec.fold() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.message(ui())));
            return Ok(EXIT_PROBLEMS);
        }
    };
    // JSON is for programs: always English, whatever the UI language.
    let d = match args.format {
        DebriefFormat::Json => debrief::build_in(&state, crate::i18n::Lang::En),
        DebriefFormat::Md | DebriefFormat::Text => debrief::build(&state),
    };
    let notes = crate::record::annotations::read(&rec.path);
    match args.format {
        DebriefFormat::Json => out::json(&DebriefJson {
            id: &rec.id,
            status: rec.status().as_str(),
            modified: rec.modified,
            judging_note: rec.judging_note(),
            debrief: &d,
            annotations: notes,
        })?,
        DebriefFormat::Md => out::print(&with_annotations(debrief::markdown(&d), &notes, d.lang))?,
        DebriefFormat::Text => out::print(&debrief::text(&with_annotations(debrief::markdown(&d), &notes, d.lang)))?,
    }
    Ok(0)
}

/// The Markdown debrief with the coach's annotations appended.
pub fn with_annotations(
    mut md: String,
    notes: &[crate::record::annotations::Annotation],
    lang: crate::i18n::Lang,
) -> String {
    if notes.is_empty() {
        return md;
    }
    md.push_str(&format!("\n## {}\n\n", tr!(lang, "sessions-annotations")));
    for a in notes {
        let s = a.at_ms / 1000;
        // The note comes from a file: escaped like the rest of the Markdown.
        let note = crate::text::escape_controls(&a.text.replace('\n', " ")).into_owned();
        md.push_str(&format!("- **{:02}:{:02}** {note}\n", s / 60, s % 60));
    }
    md
}

/// Opens a session for a command, saying on stderr what is wrong with it:
/// not found is a usage error (2); a file that cannot be read at all is
/// exit 1 with one line; a damaged or modified one opens with a warning.
pub(super) fn open_or_report(arg: &str) -> Result<Recording, u8> {
    match store::open(arg) {
        Ok(rec) => {
            warn_modified(&rec);
            warn_damaged(&rec);
            warn_judging(&rec);
            Ok(rec)
        }
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.message(ui())));
            Err(match e {
                store::OpenError::Find(_) => EXIT_USAGE,
                store::OpenError::Read(_) => EXIT_PROBLEMS,
            })
        }
    }
}

/// `hotseat replay ID|latest|PATH`.
pub fn replay(arg: &str) -> std::io::Result<u8> {
    let rec = match open_or_report(arg) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let replay = match crate::record::replay::Replay::new(rec) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.message(ui())));
            return Ok(EXIT_PROBLEMS);
        }
    };
    if let Some(code) = super::run::need_terminal() {
        return Ok(code);
    }
    let exit = crate::tui::replay::run(crate::tui::replay::Player::new(replay, crate::tui::theme::Theme::from_env()))?;
    Ok(super::run::exit_code(exit))
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
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!("hotseat: {what}: {}", one_line(&e.to_string()));
        EXIT_PROBLEMS
    };
    // A bundle copies the file as it is, damaged or not: the coach may
    // still make something of it.
    if let Some(dir) = &args.bundle {
        let (path, typed) = match store::find_where(&args.session) {
            Ok(found) => found,
            Err(e) => {
                eprintln!("hotseat: {}", one_line(&e.message(ui())));
                return Ok(EXIT_USAGE);
            }
        };
        let id = store::id_of(&path);
        let bytes = match crate::files::read_regular(&path, typed, reader::MAX_BYTES) {
            Ok(b) => b,
            Err(e) => return Ok(fail(&tr!(ui(), "export-cannot-bundle", id = one_line(&id)), &e)),
        };
        match reader::parse_bytes(&path, &bytes) {
            Ok(rec) => {
                warn_modified(&rec);
                warn_damaged(&rec);
            }
            Err(e) => {
                let why = one_line(&e.reason());
                eprintln!("hotseat: {}", tr!(ui(), "export-bundling-as-is", id = one_line(&id), why = why))
            }
        }
        if let Err(e) = bundle(&path, &bytes, dir) {
            return Ok(fail(&tr!(ui(), "export-cannot-write-bundle"), &e));
        }
        let bundled = tr!(ui(), "export-bundled", id = one_line(&id), dir = one_line(&dir.display().to_string()));
        out::print(&format!("{bundled}\n"))?;
        if args.markdown.is_none() && args.asciicast.is_none() {
            return Ok(0);
        }
    }
    let rec = match open_or_report(&args.session) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    if let Some(path) = &args.markdown {
        let state = match rec.fold() {
            Ok(s) => s,
            Err(e) => return Ok(fail(&tr!(ui(), "export-cannot-replay"), &e)),
        };
        let notes = crate::record::annotations::read(&rec.path);
        let d = debrief::build(&state);
        let md = with_annotations(debrief::markdown(&d), &notes, d.lang);
        // Like the asciicast: into an existing directory, said on success.
        let written = crate::files::replace_private(path, |w| std::io::Write::write_all(w, md.as_bytes()));
        match written {
            Ok(()) => {
                eprintln!(
                    "hotseat: {}",
                    tr!(ui(), "export-wrote-debrief", path = one_line(&path.display().to_string()))
                )
            }
            Err(e) => return Ok(fail(&tr!(ui(), "export-cannot-write-markdown"), &e)),
        }
    }
    if let Some(path) = &args.asciicast {
        let replay = match crate::record::replay::Replay::new(rec.clone()) {
            Ok(r) => r,
            Err(e) => return Ok(fail(&tr!(ui(), "export-cannot-replay"), &e)),
        };
        let written = crate::files::replace_private(path, |w| crate::tui::export::asciicast(&replay, w));
        match written {
            Ok(n) => {
                let path = one_line(&path.display().to_string());
                eprintln!("hotseat: {}", tr!(ui(), "export-wrote-frames", n = n, path = path))
            }
            Err(e) => return Ok(fail(&tr!(ui(), "export-cannot-write-asciicast"), &e)),
        }
    }
    Ok(0)
}

/// Writes the session file's bytes and its annotations into `dir`, which must be
/// the user's own: each copy goes through a temporary file renamed into
/// place, so a symbolic link planted at `DIR/<id>.session` is replaced,
/// never written through.
fn bundle(path: &std::path::Path, bytes: &[u8], dir: &std::path::Path) -> std::io::Result<()> {
    crate::files::own_dir(dir)?;
    let name = path.file_name().ok_or_else(|| std::io::Error::other("no file name"))?;
    crate::files::replace_private(&dir.join(name), |w| std::io::Write::write_all(w, bytes))?;
    let side = crate::record::annotations::sidecar(path);
    if let (Ok(bytes), Some(n)) = (crate::files::read_regular(&side, false, reader::MAX_BYTES), side.file_name()) {
        crate::files::replace_private(&dir.join(n), |w| std::io::Write::write_all(w, &bytes))?;
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
        let failed: std::io::Result<()> = crate::files::replace_private(&path, |w| {
            w.write_all(b"half a frame")?;
            Err(std::io::Error::other("the renderer failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "the previous export");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("lists").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["talk.cast"], "no temporary file is left behind");
        crate::files::replace_private(&path, |w| w.write_all(b"the new export")).expect("writes");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "the new export");
    }
}
