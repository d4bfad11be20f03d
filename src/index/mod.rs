//! The session index: each session file's [`Summary`] computed once and
//! kept in `<data dir>/index.sqlite3`, so listing many sessions never
//! replays them all again.
//!
//! The session files stay the source of truth. A row is reused only while
//! its file has the same size, modification time (ns) and last bytes, and
//! while this hotseat judges as the one that wrote the row did (the bundled
//! trap catalogue and scorer ids, and for a file from before sessions kept
//! their traps, the user's `traps.ron`); otherwise the file is summarised
//! again. Rows of files that are gone are dropped. A session a hotseat is
//! recording (it holds the lock) is summarised on every listing and never
//! stored. The index can always be rebuilt from the files
//! (`hotseat sessions --reindex`); a missing, corrupt or other-version
//! index is rebuilt silently, and any other failure falls back to reading
//! the files, with one note.

pub mod schema;
pub mod summary;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior, params};

use crate::assess::debrief::Verdict;
use crate::record::reader::{self, Lock};
pub use schema::IndexError;
pub use summary::{Reason, Summariser, Summary};

/// How many bytes at the end of a file go into its freshness key: the last
/// line of a session file (an `end` record, or the last keystroke) and
/// then some, so an edit that keeps the size and the time is still seen.
const TAIL_BYTES: u64 = 4096;

/// One session file as a listing shows it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub path: PathBuf,
    pub summary: Summary,
    /// Who held the file's lock when it was listed.
    pub lock: Lock,
}

/// What a listing did: proof that a warm listing replays nothing.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Summaries taken from the index.
    pub reused: usize,
    /// Files read and summarised (folded and debriefed).
    pub summarised: usize,
    /// Rows dropped because their file is gone.
    pub dropped: usize,
    /// Summaries written to the index.
    pub stored: usize,
}

/// The sessions listed, in the order of the files given.
#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Listed>,
    pub stats: Stats,
    /// Why the index was not used or not updated, for one line on stderr.
    pub note: Option<String>,
}

/// What a listing does with the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reuse what is fresh, summarise the rest.
    Refresh,
    /// Forget every row and summarise every file (`--reindex`).
    Rebuild,
    /// Reuse what is fresh and summarise at most this many other files;
    /// the rest are left out (the picker must start fast).
    AtMost(usize),
}

/// `<data dir>/index.sqlite3`, when there is a data directory.
pub fn index_path() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join(schema::FILE_NAME))
}

/// The sessions in `files` (the sessions directory's entries), from the
/// index where fresh. The index is created only when the sessions
/// directory exists: listing nothing writes nothing.
pub fn list(files: &[PathBuf], mode: Mode) -> Listing {
    let dir_exists = crate::record::store::sessions_dir().is_some_and(|d| d.is_dir());
    match index_path().filter(|_| dir_exists) {
        Some(path) => list_in(&path, files, mode),
        None => without_index(files, None),
    }
}

/// [`list`] with the index at `path`.
pub fn list_in(path: &Path, files: &[PathBuf], mode: Mode) -> Listing {
    list_keyed(path, files, mode, Keys::FileName)
}

/// `<data dir>/cohort.sqlite3`: the summaries of session files outside the
/// sessions directory (coaches' bundles), kept apart so `hotseat sessions`
/// never sees them.
pub fn cohort_index_path() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join(schema::COHORT_FILE_NAME))
}

/// The sessions in `files`, anywhere on disk, from the index at `index`
/// where fresh. Rows are keyed by each file's whole path, so `files` must
/// be canonical absolute paths (the same file is then one row whatever
/// folder was named to reach it). Rows of files under one of `roots`
/// (canonical folders) that are not in `files` are dropped; rows under
/// other roots (another cohort's bundles) are kept.
pub fn list_paths(index: &Path, files: &[PathBuf], roots: &[PathBuf], mode: Mode) -> Listing {
    list_keyed(index, files, mode, Keys::FullPath { roots })
}

/// What a row is keyed by, and so which rows a listing may drop.
#[derive(Clone, Copy)]
enum Keys<'a> {
    /// The file name: every file is in the sessions directory, and a row
    /// not listed is a file that is gone.
    FileName,
    /// The whole (canonical) path: only rows under these roots are the
    /// listing's to drop.
    FullPath { roots: &'a [PathBuf] },
}

impl Keys<'_> {
    fn name(&self, path: &Path) -> Vec<u8> {
        match self {
            Keys::FileName => name_of(path),
            Keys::FullPath { .. } => bytes_of(path.as_os_str()),
        }
    }

    /// Whether a row not seen in this listing is a file that is gone.
    fn owns(&self, name: &[u8]) -> bool {
        match self {
            Keys::FileName => true,
            Keys::FullPath { roots } => roots.iter().any(|root| {
                let mut prefix = bytes_of(root.as_os_str());
                if prefix.last() != Some(&b'/') {
                    prefix.push(b'/');
                }
                name.starts_with(&prefix)
            }),
        }
    }
}

fn list_keyed(path: &Path, files: &[PathBuf], mode: Mode, keys: Keys<'_>) -> Listing {
    let conn = match connect(path) {
        Ok(c) => c,
        Err(e) => return fallback(files, mode, e),
    };
    let cached = match load(&conn, mode) {
        Ok(c) => c,
        Err(e) if e.is_broken() => {
            // Corrupt past the header: start afresh, silently.
            drop(conn);
            return match schema::remove(path).map_err(IndexError::from).and_then(|()| schema::open(path)) {
                Ok(conn) => refresh(conn, path, HashMap::new(), files, mode, keys),
                Err(e) => fallback(files, mode, e),
            };
        }
        Err(e) => return fallback(files, mode, e),
    };
    refresh(conn, path, cached, files, mode, keys)
}

/// Opens the index; a file that is not a usable database is deleted and
/// created again.
fn connect(path: &Path) -> Result<Connection, IndexError> {
    match schema::open(path) {
        Err(e) if e.is_broken() => {
            schema::remove(path)?;
            schema::open(path)
        }
        other => other,
    }
}

/// A stored row's freshness key and summary (parsed only when reused).
struct Cached {
    key: Key,
    context: String,
    summary: String,
}

/// What must be unchanged for a stored summary to stand for its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    size: i64,
    mtime_ns: i64,
    tail: i64,
}

fn load(conn: &Connection, mode: Mode) -> Result<HashMap<Vec<u8>, Cached>, IndexError> {
    if mode == Mode::Rebuild {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare("SELECT name, size, mtime_ns, tail, context, summary FROM sessions")?;
    let rows = stmt.query_map([], |r| {
        let key = Key { size: r.get(1)?, mtime_ns: r.get(2)?, tail: r.get(3)? };
        Ok((r.get::<_, Vec<u8>>(0)?, Cached { key, context: r.get(4)?, summary: r.get(5)? }))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The judging a summary depends on: `recorded` for a file that kept its
/// traps (this build's catalogue and scorer ids), `today` for an older
/// file judged with today's catalogue (the user's `traps.ron` too).
struct Contexts {
    recorded: String,
    today: String,
}

impl Contexts {
    fn now() -> Contexts {
        let recorded = format!("{} {}", crate::traps::bundled_id(), crate::assess::Scorer::bundled_id());
        let user = crate::paths::user_catalogue()
            .and_then(|p| crate::files::read_regular(&p, true, 16 << 20).ok())
            .map_or_else(|| "none".to_string(), |bytes| format!("{:016x}", hash(&bytes)));
        Contexts { today: format!("{recorded} {user}"), recorded }
    }

    fn fresh(&self, stored: &str) -> bool {
        stored == self.recorded || stored == self.today
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // `DefaultHasher::new` is the same in every process of one build; a
    // new build may hash differently, which only costs one re-summary.
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// A summary to store, with what it was computed from.
struct Write {
    name: Vec<u8>,
    key: Key,
    context: String,
    summary: Summary,
}

/// Lists `files`, reusing fresh rows of `cached`, then stores what was
/// summarised and drops rows of files that are gone.
fn refresh(
    mut conn: Connection,
    index: &Path,
    mut cached: HashMap<Vec<u8>, Cached>,
    files: &[PathBuf],
    mode: Mode,
    keys: Keys<'_>,
) -> Listing {
    let contexts = Contexts::now();
    let mut summariser: Option<Summariser> = None;
    let mut listing = Listing::default();
    let mut writes = Vec::new();
    let mut seen = HashSet::new();
    for path in files {
        let name = keys.name(path);
        seen.insert(name.clone());
        let Ok(file) = crate::files::open_regular(path, false) else {
            // Cannot be opened: said as today, never stored.
            let s = summariser.get_or_insert_with(Summariser::new);
            listing.stats.summarised += 1;
            let summary = s.summary(path, reader::read_file(path, false));
            listing.sessions.push(Listed { path: path.clone(), summary, lock: Lock::Free });
            continue;
        };
        let lock = lock_of(&file);
        let key = key_of(&file);
        let hit = match (&key, lock, cached.get(&name)) {
            (Ok(k), Lock::Free, Some(c)) if c.key == *k && contexts.fresh(&c.context) => {
                serde_json::from_str::<Summary>(&c.summary).ok()
            }
            _ => None,
        };
        if let Some(summary) = hit {
            listing.stats.reused += 1;
            listing.sessions.push(Listed { path: path.clone(), summary, lock });
            continue;
        }
        if let Mode::AtMost(n) = mode
            && listing.stats.summarised >= n
        {
            continue;
        }
        let read = reader::read_opened(path, file);
        let today = matches!(&read, Ok(r) if r.header.judged_with.is_none());
        // An I/O error may pass (a flaky disk): said now, never stored.
        let lasting = !matches!(read, Err(reader::ReadError::Io { .. }));
        let summary = summariser.get_or_insert_with(Summariser::new).summary(path, read);
        listing.stats.summarised += 1;
        if let (Ok(key), Lock::Free, true) = (key, lock, lasting) {
            let context = if today { &contexts.today } else { &contexts.recorded };
            writes.push(Write { name, key, context: context.clone(), summary: summary.clone() });
        }
        listing.sessions.push(Listed { path: path.clone(), summary, lock });
    }
    cached.retain(|name, _| !seen.contains(name) && keys.owns(name));
    let gone: Vec<Vec<u8>> = cached.into_keys().collect();
    if writes.is_empty() && gone.is_empty() && mode != Mode::Rebuild {
        return listing;
    }
    match store(&mut conn, &writes, &gone, mode == Mode::Rebuild) {
        Ok(()) => {
            listing.stats.stored = writes.len();
            listing.stats.dropped = gone.len();
        }
        Err(e) if e.is_broken() => {
            // The next listing rebuilds it; this one already has its rows.
            drop(conn);
            let _ = schema::remove(index);
        }
        Err(e) => listing.note = Some(e.to_string()),
    }
    listing
}

/// The index cannot be used: a listing reads every file as before there
/// was an index; a bounded refresh (the picker) reads none.
fn fallback(files: &[PathBuf], mode: Mode, e: IndexError) -> Listing {
    match mode {
        Mode::AtMost(_) => Listing { note: Some(e.to_string()), ..Listing::default() },
        Mode::Refresh | Mode::Rebuild => without_index(files, Some(e.to_string())),
    }
}

/// Every file summarised from itself, with no index at all (no data
/// directory to keep one in).
pub fn unindexed(files: &[PathBuf]) -> Listing {
    without_index(files, None)
}

/// Every file summarised from itself, as before there was an index.
fn without_index(files: &[PathBuf], note: Option<String>) -> Listing {
    let mut s = Summariser::new();
    let sessions: Vec<Listed> = files
        .iter()
        .map(|path| {
            let lock = reader::lock_state(path);
            let summary = s.summary(path, reader::read_file(path, false));
            Listed { path: path.clone(), summary, lock }
        })
        .collect();
    let stats = Stats { summarised: sessions.len(), ..Stats::default() };
    Listing { sessions, stats, note }
}

/// The file name's bytes: the row's key (ids need not be UTF-8).
fn name_of(path: &Path) -> Vec<u8> {
    bytes_of(path.file_name().unwrap_or(path.as_os_str()))
}

fn bytes_of(name: &std::ffi::OsStr) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().as_bytes().to_vec()
    }
}

/// Whether a hotseat is recording the open file: asked with a shared lock
/// given back at once, as [`reader::lock_state`] does.
fn lock_of(file: &File) -> Lock {
    match file.try_lock_shared() {
        Err(std::fs::TryLockError::WouldBlock) => Lock::Held(reader::lock_owner(file)),
        Ok(()) => {
            let _ = file.unlock();
            Lock::Free
        }
        Err(_) => Lock::Free,
    }
}

/// The open file's freshness key: size, modification time, and a hash of
/// its last [`TAIL_BYTES`]. Leaves the file positioned at its start.
fn key_of(mut file: &File) -> std::io::Result<Key> {
    let meta = file.metadata()?;
    let size = meta.len();
    let mtime = meta.modified()?.duration_since(std::time::UNIX_EPOCH).map_err(std::io::Error::other)?;
    let from = size.saturating_sub(TAIL_BYTES);
    file.seek(SeekFrom::Start(from))?;
    let mut tail = Vec::with_capacity(TAIL_BYTES as usize);
    file.take(TAIL_BYTES).read_to_end(&mut tail)?;
    file.seek(SeekFrom::Start(0))?;
    let clamp = |v: u128| i64::try_from(v).unwrap_or(i64::MAX);
    Ok(Key { size: clamp(u128::from(size)), mtime_ns: clamp(mtime.as_nanos()), tail: hash(&tail) as i64 })
}

/// Writes `writes` and drops the rows named in `gone`, in one transaction
/// (another hotseat listing at the same time waits for it, up to the busy
/// timeout). `clear` empties the index first.
fn store(conn: &mut Connection, writes: &[Write], gone: &[Vec<u8>], clear: bool) -> Result<(), IndexError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if clear {
        tx.execute_batch("DELETE FROM sessions; DELETE FROM traps; DELETE FROM competencies; DELETE FROM numerics;")?;
    }
    for name in gone {
        forget_row(&tx, name)?;
    }
    for w in writes {
        forget_row(&tx, &w.name)?;
        insert(&tx, w)?;
    }
    tx.commit()?;
    Ok(())
}

fn forget_row(conn: &Connection, name: &[u8]) -> rusqlite::Result<()> {
    for table in ["sessions", "traps", "competencies", "numerics"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE name = ?1"))?.execute([name])?;
    }
    Ok(())
}

fn insert(conn: &Connection, w: &Write) -> Result<(), IndexError> {
    let s = &w.summary;
    let json = serde_json::to_string(s).map_err(std::io::Error::other)?;
    let rank = s.verdict.and_then(|v| Verdict::ALL.iter().position(|o| *o == v)).map(|r| r as i64);
    conn.prepare_cached(
        "INSERT INTO sessions (name, size, mtime_ns, tail, context, id, scenario, title, language, started,
            duration_s, status, ending, outcome, verdict, verdict_rank, score, traps, modified, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        w.name,
        w.key.size,
        w.key.mtime_ns,
        w.key.tail,
        w.context,
        s.id,
        s.scenario,
        s.title,
        s.language,
        s.started,
        i64::try_from(s.duration_s).unwrap_or(i64::MAX),
        s.status,
        s.ending,
        s.outcome.map(Verdict::as_str),
        s.verdict.map(Verdict::as_str),
        rank,
        s.score,
        s.traps as i64,
        s.modified,
        json,
    ])?;
    for t in &s.trap_counts {
        conn.prepare_cached("INSERT INTO traps (name, trap, node, count) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![w.name, t.trap, t.node, t.count as i64])?;
    }
    for c in &s.competencies {
        conn.prepare_cached("INSERT INTO competencies (name, competency, score, questions) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![w.name, c.name, c.score, c.questions as i64])?;
    }
    for n in &s.numerics {
        conn.prepare_cached("INSERT INTO numerics (name, node, given, correct, close) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![w.name, n.node, n.given, n.correct, n.close])?;
    }
    Ok(())
}

/// Drops the row of a session file that was removed (`sessions rm`). The
/// index is not created for this; a failure only leaves a row the next
/// listing drops.
pub fn forget(session: &Path) {
    let Some(path) = index_path() else { return };
    if std::fs::symlink_metadata(&path).is_err() {
        return;
    }
    if let Ok(conn) = schema::open(&path) {
        let _ = forget_row(&conn, &name_of(session));
    }
}

/// When a scenario was last played and the best verdict it got, for the
/// picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Played {
    /// The latest start time recorded (RFC 3339, UTC).
    pub last: String,
    pub best: Option<Verdict>,
}

/// Per scenario id, what the index knows of its sessions, after a bounded
/// refresh (at most `new` files summarised). Empty when there are no
/// sessions or the index cannot be used: the picker never waits long and
/// never complains about the index.
pub fn played(new: usize) -> HashMap<String, Played> {
    let dir_exists = crate::record::store::sessions_dir().is_some_and(|d| d.is_dir());
    let Some(path) = index_path().filter(|_| dir_exists) else { return HashMap::new() };
    let _ = list_in(&path, &crate::record::store::list(), Mode::AtMost(new));
    played_in(&path).unwrap_or_default()
}

/// [`played`] read from the index at `path` as it stands.
pub fn played_in(path: &Path) -> Result<HashMap<String, Played>, IndexError> {
    let conn = schema::open(path)?;
    let mut stmt = conn.prepare(
        "SELECT scenario, MAX(started), MIN(verdict_rank) FROM sessions
         WHERE scenario != '' GROUP BY scenario",
    )?;
    let rows = stmt.query_map([], |r| {
        let rank: Option<i64> = r.get(2)?;
        let best = rank.and_then(|i| usize::try_from(i).ok()).and_then(|i| Verdict::ALL.get(i).copied());
        Ok((r.get::<_, String>(0)?, Played { last: r.get(1)?, best }))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
