//! `hotseat sessions`, `hotseat debrief` and `hotseat resume`: recorded
//! sessions, rebuilt from their files alone (a listing takes each
//! session's summary from [`crate::index`], which rebuilds it from the
//! file whenever the file changed).

use serde::Serialize;

use super::out::{pad, pad_left};
use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::assess::debrief::{self, Debrief};
use crate::i18n::ui;
use crate::index::{self, Reason};
use crate::record::Recording;
use crate::record::{reader, store};
use crate::text::one_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    command: Option<SessionsCommand>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Rebuild the session index from the session files, and say how many
    /// were indexed.
    #[arg(long)]
    reindex: bool,
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

/// The row for one listed session, its reason in `lang` (English for
/// JSON, which is language-neutral; the UI's for the table).
fn row(listed: &crate::index::Listed, lang: crate::i18n::Lang) -> Row {
    let s = &listed.summary;
    let reason = s.reason.as_ref().map(|r| match r {
        Reason::TooLarge(bytes) => tr!(lang, "sessions-too-large", bytes = *bytes),
        Reason::LongAnswer(chars) => tr!(lang, "sessions-long-answer", chars = *chars),
        Reason::Text(why) => why.clone(),
    });
    Row {
        id: s.id.clone(),
        scenario: s.scenario.clone(),
        title: s.title.clone(),
        started: s.started.clone(),
        duration_s: s.duration_s,
        status: s.status_with(listed.lock).as_str(),
        traps: s.traps,
        verdict: s.verdict.map(|v| v.as_str()),
        modified: s.modified,
        reason,
    }
}

pub fn sessions(args: &SessionsArgs) -> std::io::Result<u8> {
    if let Some(SessionsCommand::Rm { id }) = &args.command {
        return rm(id);
    }
    let files = store::list();
    let mode = if args.reindex { index::Mode::Rebuild } else { index::Mode::Refresh };
    let listing = index::list(&files, mode);
    if let Some(note) = &listing.note {
        eprintln!("hotseat: {}", tr!(ui(), "index-unavailable", error = one_line(note)));
    }
    if args.reindex {
        out::print(&format!("{}\n", tr!(ui(), "sessions-reindexed", n = listing.stats.summarised)))?;
        return Ok(0);
    }
    for listed in &listing.sessions {
        if listed.summary.modified {
            eprintln!("hotseat: {}", tr!(ui(), "sessions-warn-modified", id = one_line(&listed.summary.id)));
        }
    }
    let lang = if args.json { crate::i18n::Lang::En } else { ui() };
    let rows: Vec<Row> = listing.sessions.iter().map(|l| row(l, lang)).collect();
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
    crate::index::forget(&path);
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
    /// Name the candidate in the bundle (written to DIR/candidate.txt).
    #[arg(long, value_name = "NAME", requires = "bundle")]
    candidate: Option<String>,
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
        if let Err(e) = bundle(&path, &bytes, dir).and_then(|()| name_candidate(dir, args.candidate.as_deref())) {
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

/// Writes `DIR/candidate.txt` (one line, privately, replacing a link
/// rather than following it) when the export names a candidate, so
/// `hotseat cohort` groups the bundle under that name.
fn name_candidate(dir: &std::path::Path, name: Option<&str>) -> std::io::Result<()> {
    let Some(name) = name else { return Ok(()) };
    let line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let path = dir.join(super::cohort::CANDIDATE_FILE);
    crate::files::replace_private(&path, |w| std::io::Write::write_all(w, format!("{line}\n").as_bytes()))
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
