//! Coach annotations: comments pinned to a moment of a recorded session,
//! kept in a sidecar file beside the recording (`<id>.annotations.jsonl`)
//! so the recording itself is never modified.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One comment at a session time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Session time (ms since the clock started, pauses excluded).
    pub at_ms: u64,
    pub text: String,
}

/// The sidecar path for a session file.
pub fn sidecar(session: &Path) -> PathBuf {
    let stem = session.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    session.with_file_name(format!("{stem}.annotations.jsonl"))
}

/// Every readable annotation, in time order; unreadable lines are skipped.
pub fn read(session: &Path) -> Vec<Annotation> {
    let bytes = crate::files::read_regular(&sidecar(session), false, super::reader::MAX_BYTES).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let mut v: Vec<Annotation> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    v.sort_by_key(|a| a.at_ms);
    v
}

/// Appends one annotation (file created 0600). A symbolic link in the
/// sidecar's place is refused, never written through: it could point
/// anywhere outside the data directory.
pub fn add(session: &Path, a: &Annotation) -> std::io::Result<()> {
    let mut f = crate::files::append_private(&sidecar(session), true)?;
    let mut line = serde_json::to_string(a).map_err(std::io::Error::other)?;
    line.push('\n');
    f.write_all(line.as_bytes())?;
    f.sync_data()
}
