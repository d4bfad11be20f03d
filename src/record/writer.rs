//! Appending a session to its file, durably: every event is one `write`
//! of one whole line on an unbuffered file (so a SIGKILL loses nothing
//! already typed), and a helper thread calls `sync_data` at least once a
//! second and at once at question boundaries (so a power cut costs at most
//! a second), off the UI thread. The file is locked while the session is
//! live. If the disk fills or the directory is read-only, recording stops
//! with a message and the session goes on; what was written stays.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::format::{self, EndStatus, Header, Line, MAGIC, VERSION};

enum Sync {
    Now,
    Stop,
}

/// A session being recorded.
pub struct Recorder {
    file: File,
    pub path: PathBuf,
    prev_ms: u64,
    dirty: Arc<AtomicBool>,
    sync: Option<(Sender<Sync>, JoinHandle<()>)>,
    /// Why recording stopped, for the status bar.
    pub problem: Option<String>,
}

impl Recorder {
    /// Creates `<dir>/<id>.session` (a new file, mode 0600, locked) with the
    /// header. The id gets a `-2`, `-3`… suffix if taken.
    pub fn create(dir: &Path, id: &str, header: &Header) -> io::Result<Recorder> {
        crate::files::private_dir(dir)?;
        let (path, file) = new_file(dir, id)?;
        file.try_lock().map_err(|e| io::Error::other(format!("cannot lock {}: {e}", path.display())))?;
        let mut rec = Recorder::start(file, path, 0)?;
        let head = serde_json::to_string(header).map_err(io::Error::other)?;
        rec.write_raw(format!("{MAGIC} {VERSION}\n{head}\n").as_bytes())?;
        rec.file.sync_all()?;
        // The new name must survive a power cut too.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(rec)
    }

    /// Reopens an existing session for appending (resume), after the line at
    /// `prev_ms`. `expected_len` is the size the caller read: if the file
    /// changed since (another process appended, or `sessions rm` removed
    /// it), this refuses rather than append to a state it did not read.
    /// A symbolic link is not followed. If the file does not end in a
    /// newline (a torn last line), one is written first, so the first new
    /// record starts on a line of its own.
    pub fn append_to(path: &Path, prev_ms: u64, expected_len: u64) -> io::Result<Recorder> {
        let mut file = crate::files::append_private(path, false)?;
        super::reader::lock_exclusive(&file).map_err(|_| {
            let holder = super::reader::lock_owner(&file).map_or("another hotseat".into(), |p| format!("process {p}"));
            io::Error::other(format!("the session is live in {holder}"))
        })?;
        still_there(path, &file)?;
        let len = file.metadata()?.len();
        if len != expected_len {
            return Err(io::Error::other("the session changed while it was being opened; try again"));
        }
        if !ends_with_newline(&file, len)? {
            file.write_all(b"\n")?;
        }
        Recorder::start(file, path.to_path_buf(), prev_ms)
    }

    fn start(file: File, path: PathBuf, prev_ms: u64) -> io::Result<Recorder> {
        let dirty = Arc::new(AtomicBool::new(false));
        let sync = spawn_sync(file.try_clone()?, dirty.clone());
        Ok(Recorder { file, path, prev_ms, dirty, sync, problem: None })
    }

    /// Appends one line; ticks are skipped. After a write error nothing more
    /// is written, so no line can follow a torn one.
    pub fn record(&mut self, line: &Line) {
        if self.problem.is_some() {
            return;
        }
        let Some(text) = format::encode(line, self.prev_ms) else { return };
        match self.write_raw(text.as_bytes()) {
            Ok(()) => self.prev_ms = line.at_ms(),
            Err(e) => self.problem = Some(format!("recording stopped: {e}")),
        }
    }

    /// A question boundary: make everything so far durable now.
    pub fn boundary(&self) {
        if let Some((tx, _)) = &self.sync {
            let _ = tx.send(Sync::Now);
        }
    }

    /// Writes the end record and makes the file durable.
    pub fn finish(&mut self, at_ms: u64, status: EndStatus) {
        self.record(&Line::End { at_ms, status });
        let _ = self.file.sync_data();
    }

    /// One `write` call for the whole line when the kernel takes it all.
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if let Some((tx, handle)) = self.sync.take() {
            let _ = tx.send(Sync::Stop);
            let _ = handle.join();
        }
        let _ = self.file.sync_data();
    }
}

/// Checks that `file` (locked) is still the one at `path`: `sessions rm`
/// takes the lock before unlinking, so a file that lost its name between
/// our open and our lock was removed, and writing to it would lose
/// everything.
fn still_there(path: &Path, file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (ours, named) = (file.metadata()?, std::fs::symlink_metadata(path)?);
        if ours.nlink() == 0 || ours.ino() != named.ino() || ours.dev() != named.dev() {
            return Err(io::Error::other("the session was removed while it was being opened"));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, file);
    Ok(())
}

/// Whether the file's last byte is a newline (an empty file counts as yes).
fn ends_with_newline(file: &File, len: u64) -> io::Result<bool> {
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8];
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut last, len - 1)?;
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(len - 1))?;
        f.read_exact(&mut last)?;
    }
    Ok(last[0] == b'\n')
}

/// The first free `<id>[-n].session` in `dir`, created 0600.
fn new_file(dir: &Path, id: &str) -> io::Result<(PathBuf, File)> {
    for n in 1..1000 {
        let name = if n == 1 { format!("{id}.session") } else { format!("{id}-{n}.session") };
        let path = dir.join(name);
        let mut o = std::fs::OpenOptions::new();
        o.append(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        match o.open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many sessions with the same name"))
}

/// The syncing thread: `sync_data` when asked, and at least once a second
/// while there are unsynced writes.
fn spawn_sync(file: File, dirty: Arc<AtomicBool>) -> Option<(Sender<Sync>, JoinHandle<()>)> {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name("session-sync".into())
        .spawn(move || {
            loop {
                let msg = rx.recv_timeout(Duration::from_secs(1));
                if dirty.swap(false, Ordering::AcqRel) {
                    let _ = file.sync_data();
                }
                match msg {
                    Ok(Sync::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                    Ok(Sync::Now) | Err(RecvTimeoutError::Timeout) => {}
                }
            }
        })
        .ok()?;
    Some((tx, handle))
}

/// Records a finished scripted session (a playtest) as a session file, like
/// a live one: header, every event, the end record. Returns its path.
pub fn save_scripted(
    state: &crate::session::State,
    events: &[crate::session::Event],
    source: &str,
) -> io::Result<PathBuf> {
    let dir =
        super::store::sessions_dir().ok_or_else(|| io::Error::other("no data directory: set HOTSEAT_DATA_DIR"))?;
    let header = Header::new(state, source, 120, 40);
    let mut rec = Recorder::create(&dir, &super::store::new_id(&header.scenario), &header)?;
    for e in events {
        rec.record(&Line::Event(e.clone()));
    }
    if let crate::session::Phase::Finished(ending) = state.phase {
        let status = if ending == crate::session::Ending::Quit { EndStatus::Quit } else { EndStatus::Finished };
        rec.finish(state.last_at, status);
    }
    match rec.problem.take() {
        Some(p) => Err(io::Error::other(p)),
        None => Ok(rec.path.clone()),
    }
}
