//! Where sessions live (`<data dir>/sessions/`), and finding one by id,
//! `latest` or path.

use std::path::{Path, PathBuf};

use super::reader::{self, ReadError, Recording};

pub const EXTENSION: &str = "session";

pub fn sessions_dir() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join("sessions"))
}

/// Every session file, newest first (ids start with the UTC start time).
pub fn list() -> Vec<PathBuf> {
    let Some(dir) = sessions_dir() else { return Vec::new() };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == EXTENSION)).collect())
        .unwrap_or_default();
    files.sort();
    files.reverse();
    files
}

#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error("no sessions yet (looked in {0})")]
    None(String),
    #[error("no session \"{0}\"; `hotseat sessions` lists them")]
    NotFound(String),
    #[error("no data directory: set HOTSEAT_DATA_DIR")]
    NoDataDir,
}

/// A session file by id, `latest`, or path.
pub fn find(arg: &str) -> Result<PathBuf, FindError> {
    let as_path = Path::new(arg);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let dir = sessions_dir().ok_or(FindError::NoDataDir)?;
    if arg == "latest" {
        return list().into_iter().next().ok_or_else(|| FindError::None(dir.display().to_string()));
    }
    let path = dir.join(format!("{arg}.{EXTENSION}"));
    if path.is_file() { Ok(path) } else { Err(FindError::NotFound(crate::text::quote(arg).into_owned())) }
}

/// Reads the session `arg` names.
pub fn open(arg: &str) -> Result<Recording, OpenError> {
    let path = find(arg)?;
    Ok(reader::read(&path)?)
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Find(#[from] FindError),
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// The id for a new session: UTC start time and scenario.
pub fn new_id(scenario: &str) -> String {
    format!("{}-{scenario}", jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S"))
}
