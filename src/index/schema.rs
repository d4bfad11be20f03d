//! The index file: opening it safely, and its tables.
//!
//! The file is `<data dir>/index.sqlite3`, created 0600 by hotseat itself
//! (SQLite gives its `-wal` and `-shm` files the same mode). It is never
//! opened through a symbolic link: an entry there that hotseat did not
//! create (a link, a directory, a FIFO) is left alone and the listing reads
//! the session files instead.

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// Bumped whenever the tables or what a summary holds change: an index of
/// another version is dropped and rebuilt from the files.
pub const VERSION: i32 = 4;

/// The index file's name in the data directory.
pub const FILE_NAME: &str = "index.sqlite3";

/// The cohort index's file name in the data directory: the same tables,
/// rows keyed by whole paths (see [`super::list_paths`]).
pub const COHORT_FILE_NAME: &str = "cohort.sqlite3";

/// How long a listing waits for another hotseat writing the index.
const BUSY: Duration = Duration::from_secs(5);

/// The tables. `sessions` has one row per session file (keyed by its file
/// name's bytes), the freshness key, the summary's columns for queries and
/// the whole summary as JSON; the others break the summary out for
/// progress and cohort queries.
const TABLES: &str = "
CREATE TABLE sessions (
    name BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    tail INTEGER NOT NULL,
    context TEXT NOT NULL,
    id TEXT NOT NULL,
    scenario TEXT NOT NULL,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    started TEXT NOT NULL,
    duration_s INTEGER NOT NULL,
    status TEXT NOT NULL,
    ending TEXT,
    outcome TEXT,
    verdict TEXT,
    verdict_rank INTEGER,
    score INTEGER,
    traps INTEGER NOT NULL,
    modified INTEGER NOT NULL,
    summary TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_scenario ON sessions (scenario, started);
CREATE TABLE traps (name BLOB NOT NULL, trap TEXT NOT NULL, node TEXT NOT NULL, count INTEGER NOT NULL);
CREATE INDEX traps_by_session ON traps (name);
CREATE INDEX traps_by_trap ON traps (trap);
CREATE TABLE competencies (name BLOB NOT NULL, competency TEXT NOT NULL, score INTEGER NOT NULL, questions INTEGER NOT NULL);
CREATE INDEX competencies_by_session ON competencies (name);
CREATE TABLE numerics (name BLOB NOT NULL, node TEXT NOT NULL, given TEXT, correct INTEGER NOT NULL, close INTEGER NOT NULL);
CREATE INDEX numerics_by_session ON numerics (name);
";

const DROP: &str = "
DROP TABLE IF EXISTS sessions;
DROP TABLE IF EXISTS traps;
DROP TABLE IF EXISTS competencies;
DROP TABLE IF EXISTS numerics;
";

/// Why the index cannot be used; every one of these falls back to reading
/// the session files.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Something other than a file hotseat made is at the index path.
    #[error("{path} is {what}; leaving it alone")]
    Refused { path: String, what: &'static str },
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{0}")]
    Sql(#[from] rusqlite::Error),
}

impl IndexError {
    /// Whether the file is not a usable database (garbage, truncated,
    /// corrupt, or SQLite cannot open it at all): then it is deleted and
    /// built again from the session files.
    pub fn is_broken(&self) -> bool {
        use rusqlite::ErrorCode::{CannotOpen, DatabaseCorrupt, NotADatabase};
        match self {
            IndexError::Sql(e) => matches!(e.sqlite_error_code(), Some(DatabaseCorrupt | NotADatabase | CannotOpen)),
            _ => false,
        }
    }
}

/// The files SQLite keeps beside the index.
fn companions(path: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    [with("-wal"), with("-shm"), with("-journal")]
}

/// Refuses an entry at `path` that is not a regular file (a symbolic link
/// above all): what is missing is fine.
fn check_entry(path: &Path) -> Result<(), IndexError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => {
            Err(IndexError::Refused { path: path.display().to_string(), what: crate::files::kind_of(&m.file_type()) })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Creates the index file 0600 if it is missing, never through a link.
fn create_private(path: &Path) -> Result<(), IndexError> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Opens (creating if needed) the index at `path` with the current tables.
pub fn open(path: &Path) -> Result<Connection, IndexError> {
    check_entry(path)?;
    for c in companions(path) {
        check_entry(&c)?;
    }
    create_private(path)?;
    check_entry(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let mut conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY)?;
    // Readers never wait for a writer, and a crash mid-write loses at most
    // the last transaction (rebuilt from the files anyway).
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Creates the tables in a new file, or drops and recreates them when the
/// file holds another version's; one writer at a time does it.
fn migrate(conn: &mut Connection) -> Result<(), IndexError> {
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another hotseat may have done it while this one waited.
    let version: i32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != VERSION {
        tx.execute_batch(DROP)?;
        tx.execute_batch(TABLES)?;
        tx.pragma_update(None, "user_version", VERSION)?;
    }
    tx.commit()?;
    Ok(())
}

/// Deletes a broken index and what SQLite kept beside it, so the next open
/// starts afresh. Only regular files are removed.
pub fn remove(path: &Path) -> io::Result<()> {
    for p in std::iter::once(path.to_path_buf()).chain(companions(path)) {
        if check_entry(&p).is_ok() {
            match std::fs::remove_file(&p) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}
