//! Reading a session file back, and rebuilding the session from it by
//! feeding its events through `session::update` again: a replay is exact
//! because it is the same function on the same inputs. A torn last line
//! (the process died mid-write) is skipped; other unreadable lines are
//! skipped too, and mark the file damaged. Only regular files up to
//! [`MAX_BYTES`] are read, so no file can hang or swamp a command.

use std::path::{Path, PathBuf};

use super::format::{self, EndStatus, Header, Line, MAGIC, OLDEST, VERSION};
use crate::session::{Compiled, Event, EventKind, KeyCode, State, Target, update};

/// The largest session file read at all. A three-hour session of 200,000
/// events is about 2.6 MB; this leaves room for twenty of those, and keeps
/// a stray huge file from taking the memory and time of every command.
pub const MAX_BYTES: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {what}")]
    Unreadable { path: String, what: String },
    #[error("{path}: empty file (nothing was recorded)")]
    Empty { path: String },
    #[error("{path}: not a hotseat session file (line 1 should be \"{MAGIC} {VERSION}\")")]
    NotASession { path: String },
    #[error("{path}: session format {found} is newer than this hotseat reads ({VERSION})")]
    Version { path: String, found: String },
    #[error("{path}: the header (line 2) is damaged: {message}")]
    Header { path: String, message: String },
    #[error("{path}: the recorded scenario does not load: {message}")]
    Scenario { path: String, message: String },
}

impl ReadError {
    /// What is wrong, without the path (for a listing's reason column).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let path = match self {
            ReadError::Io { path, .. }
            | ReadError::Unreadable { path, .. }
            | ReadError::Empty { path }
            | ReadError::NotASession { path }
            | ReadError::Version { path, .. }
            | ReadError::Header { path, .. }
            | ReadError::Scenario { path, .. } => path,
        };
        full.strip_prefix(path.as_str()).and_then(|r| r.strip_prefix(": ")).unwrap_or(&full).to_string()
    }

    /// The error for a person reading `lang` (what the system itself says,
    /// an I/O error's text, stays as the system says it).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            ReadError::Io { .. } | ReadError::Unreadable { .. } => self.to_string(),
            ReadError::Empty { path } => tr!(lang, "read-empty", path = path.as_str()),
            ReadError::NotASession { path } => {
                tr!(lang, "read-not-a-session", path = path.as_str(), first = format!("{MAGIC} {VERSION}"))
            }
            ReadError::Version { path, found } => {
                tr!(lang, "read-too-new", path = path.as_str(), found = found.as_str(), reads = VERSION)
            }
            ReadError::Header { path, message } => {
                tr!(lang, "read-header", path = path.as_str(), problem = message.as_str())
            }
            ReadError::Scenario { path, message } => {
                tr!(lang, "read-scenario", path = path.as_str(), problem = message.as_str())
            }
        }
    }
}

/// What a session file holds.
#[derive(Debug, Clone)]
pub struct Recording {
    pub path: PathBuf,
    /// The file name without `.session`.
    pub id: String,
    /// The session format it was written in (line 1).
    pub version: u32,
    pub header: Header,
    pub lines: Vec<Line>,
    /// Lines that could not be read (a torn last line, normally).
    pub skipped: usize,
    /// Why the file is damaged, when lines other than a torn one (the last,
    /// or one a resume started a fresh line after) could not be read.
    pub damage: Option<String>,
    /// The embedded scenario does not match the header's sha256: it was
    /// edited after recording. The session still opens, with that text.
    pub modified: bool,
    /// Bytes read: resume checks nothing was appended since.
    pub len: u64,
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A hotseat is recording it now (it holds the lock).
    Live,
    Finished,
    /// The candidate quit early.
    Quit,
    /// The process died: the last record is not an `end` one and nobody
    /// holds the lock.
    Interrupted,
    /// Part of the file cannot be read (see [`Recording::damage`]).
    Damaged,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Live => "live",
            Status::Finished => "finished",
            Status::Quit => "quit",
            Status::Interrupted => "interrupted",
            Status::Damaged => "damaged",
        }
    }
}

/// Who holds a session file's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// Nobody: no hotseat is recording it.
    Free,
    /// A hotseat is recording it; its process id when the system says.
    Held(Option<u32>),
}

impl Lock {
    /// "process 1234" or "another hotseat", for messages.
    pub fn holder(self) -> String {
        match self {
            Lock::Held(Some(pid)) => format!("process {pid}"),
            _ => "another hotseat".into(),
        }
    }
}

/// Asks the lock whether a hotseat has `path` open for recording. The lock
/// is the truth about liveness, whatever the file says, so every status
/// starts here.
pub fn lock_state(path: &Path) -> Lock {
    let Ok(file) = crate::files::open_regular(path, false) else { return Lock::Free };
    match file.try_lock_shared() {
        Err(std::fs::TryLockError::WouldBlock) => Lock::Held(lock_owner(&file)),
        _ => Lock::Free,
    }
}

/// Takes `file`'s exclusive lock without waiting for a recording hotseat,
/// but riding out a listing's momentary shared lock (`hotseat sessions`
/// asks every file's lock): a few short retries before "would block".
pub fn lock_exclusive(file: &std::fs::File) -> Result<(), std::fs::TryLockError> {
    for _ in 0..20 {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock) => std::thread::sleep(std::time::Duration::from_millis(5)),
            other => return other,
        }
    }
    file.try_lock()
}

/// The process holding a `flock` on `file`, from `/proc/locks` (Linux);
/// `None` elsewhere or when it cannot be told.
pub fn lock_owner(file: &std::fs::File) -> Option<u32> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = file.metadata().ok()?;
        let locks = std::fs::read_to_string("/proc/locks").ok()?;
        owner_in_proc_locks(&locks, meta.dev(), meta.ino())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

/// Finds the holder of a granted FLOCK on inode `ino` of device `dev` in
/// the text of `/proc/locks` (`1: FLOCK ADVISORY WRITE 1234 fe:00:5359344 0 EOF`;
/// waiting requests are marked `->` and skipped).
#[cfg(target_os = "linux")]
pub fn owner_in_proc_locks(locks: &str, dev: u64, ino: u64) -> Option<u32> {
    let (major, minor) = (libc::major(dev) as u64, libc::minor(dev) as u64);
    let mut inode_only = None;
    for line in locks.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.get(1) != Some(&"FLOCK") {
            continue;
        }
        let (Some(pid), Some(id)) = (f.get(4).and_then(|p| p.parse().ok()), f.get(5)) else { continue };
        let mut parts = id.split(':');
        let (Some(ma), Some(mi), Some(i)) = (parts.next(), parts.next(), parts.next()) else { continue };
        if i.parse::<u64>().ok() != Some(ino) {
            continue;
        }
        let same_dev =
            u64::from_str_radix(ma, 16).ok() == Some(major) && u64::from_str_radix(mi, 16).ok() == Some(minor);
        if same_dev {
            return Some(pid);
        }
        // Overlay file systems report another device: the inode alone will do.
        inode_only = inode_only.or(Some(pid));
    }
    inode_only
}

/// Reads a session file: only a regular file (a FIFO or a directory named
/// `*.session` is refused at once, never waited on), at most [`MAX_BYTES`].
/// A path the user typed may be a symbolic link; one found by listing the
/// sessions directory is not followed (`follow`).
pub fn read_file(path: &Path, follow: bool) -> Result<Recording, ReadError> {
    let bytes = crate::files::read_regular(path, follow, MAX_BYTES).map_err(|e| read_error(path, e))?;
    parse_bytes(path, &bytes)
}

/// [`read_file`] of a file already opened with
/// [`crate::files::open_regular`] (the session index looks at the open
/// file's size and lock before reading it).
pub fn read_opened(path: &Path, file: std::fs::File) -> Result<Recording, ReadError> {
    let bytes = crate::files::read_opened(file, MAX_BYTES).map_err(|e| read_error(path, e))?;
    parse_bytes(path, &bytes)
}

/// A file that could not be read, as a [`ReadError`] naming `path`.
pub fn read_error(path: &Path, e: crate::files::ReadLimitError) -> ReadError {
    let path = path.display().to_string();
    match e {
        crate::files::ReadLimitError::Io(source) => ReadError::Io { path, source },
        other => ReadError::Unreadable { path, what: other.to_string() },
    }
}

/// [`read_file`], following a symbolic link.
pub fn read(path: &Path) -> Result<Recording, ReadError> {
    read_file(path, true)
}

pub fn parse(path: &Path, text: &str) -> Result<Recording, ReadError> {
    parse_bytes(path, text.as_bytes())
}

/// One line of the file that could not be read.
struct Bad {
    /// 1-based line number in the file.
    line: usize,
    /// Index in the good lines of the next good line.
    before: usize,
    invalid_utf8: bool,
}

pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Recording, ReadError> {
    let shown = path.display().to_string();
    if bytes.is_empty() {
        return Err(ReadError::Empty { path: shown });
    }
    let mut raw = bytes.split(|b| *b == b'\n');
    let magic = std::str::from_utf8(raw.next().unwrap_or_default()).unwrap_or("");
    let Some(version) = magic.strip_prefix(MAGIC).map(str::trim) else {
        return Err(ReadError::NotASession { path: shown });
    };
    let Some(version) = version.parse::<u32>().ok().filter(|v| (OLDEST..=VERSION).contains(v)) else {
        return Err(ReadError::Version { path: shown, found: crate::text::quote(version).into_owned() });
    };
    let head = std::str::from_utf8(raw.next().unwrap_or_default())
        .map_err(|_| ReadError::Header { path: shown.clone(), message: "invalid UTF-8".into() })?;
    let header: Header =
        serde_json::from_str(head).map_err(|e| ReadError::Header { path: shown.clone(), message: e.to_string() })?;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let mut prev = 0;
    for (i, line) in raw.enumerate() {
        let text = std::str::from_utf8(line);
        if text.is_ok_and(|t| t.trim().is_empty()) {
            continue;
        }
        match text.ok().and_then(|t| format::decode(t, prev)) {
            Some(line) => {
                prev = line.at_ms();
                out.push(line);
            }
            None => bad.push(Bad { line: i + 3, before: out.len(), invalid_utf8: text.is_err() }),
        }
    }
    let id = super::store::id_of(path);
    let damage = damage(&bad, &out);
    let modified = format::hash(&header.source) != header.sha256;
    Ok(Recording {
        path: path.to_path_buf(),
        id,
        version,
        header,
        skipped: bad.len(),
        lines: out,
        damage,
        modified,
        len: bytes.len() as u64,
    })
}

/// Unreadable lines are expected in two places: last (the process died
/// mid-write) and just before a `resumed` record (a resume after that
/// starts on a fresh line). Anywhere else the file was damaged.
fn damage(bad: &[Bad], good: &[Line]) -> Option<String> {
    let unexpected: Vec<&Bad> =
        bad.iter().filter(|b| b.before < good.len() && !matches!(good[b.before], Line::Resumed { .. })).collect();
    let first = unexpected.first()?;
    let what = if first.invalid_utf8 { "invalid UTF-8" } else { "not a session record" };
    Some(match unexpected.len() {
        1 => format!("line {} is {what}; skipped", first.line),
        n => format!("{n} lines cannot be read (the first, line {}, is {what}); skipped", first.line),
    })
}

impl Recording {
    /// How it ended: only an `end` record that is the last record counts;
    /// anything after it (`reopen`, `resumed`…) means a later process took
    /// the session up again.
    pub fn end(&self) -> Option<(EndStatus, u64)> {
        match self.lines.last() {
            Some(Line::End { at_ms, status }) => Some((*status, *at_ms)),
            _ => None,
        }
    }

    /// The status the file alone gives (no lock check): finished, quit or
    /// interrupted.
    pub fn ending(&self) -> Status {
        match self.end() {
            Some((EndStatus::Finished, _)) => Status::Finished,
            Some((EndStatus::Quit, _)) => Status::Quit,
            None => Status::Interrupted,
        }
    }

    /// The status: live if a hotseat holds the lock (checked first, always),
    /// else damaged if part of the file cannot be read, else how it ended.
    pub fn status(&self) -> Status {
        self.status_with(lock_state(&self.path))
    }

    /// [`Recording::status`] with the lock already asked.
    pub fn status_with(&self, lock: Lock) -> Status {
        match lock {
            Lock::Held(_) => Status::Live,
            Lock::Free if self.damage.is_some() => Status::Damaged,
            Lock::Free => self.ending(),
        }
    }

    /// An upper bound on the longest answer in the file, in characters: what
    /// was typed or pasted into the answer box between two submits. Cheap
    /// (no fold), so a listing can decline to assess huge answers.
    pub fn longest_answer(&self) -> usize {
        let (mut longest, mut current) = (0, 0);
        for e in self.events() {
            match &e.kind {
                EventKind::Key(Target::Answer, k) if matches!(k.code, KeyCode::Char(_) | KeyCode::Enter) => {
                    current += 1
                }
                EventKind::Paste(Target::Answer, text) => current += text.chars().count(),
                EventKind::Submit | EventKind::Start => current = 0,
                _ => {}
            }
            longest = longest.max(current);
        }
        longest
    }

    /// The session events, in order.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.lines.iter().filter_map(|l| match l {
            Line::Event(e) => Some(e),
            _ => None,
        })
    }

    /// Time of the last line.
    pub fn last_ms(&self) -> u64 {
        self.lines.last().map_or(0, Line::at_ms)
    }

    /// The recorded scenario, compiled (from the text in the file) with
    /// the traps it is judged with (see [`Recording::catalogue`]).
    pub fn compile(&self) -> Result<std::sync::Arc<Compiled>, ReadError> {
        self.compile_with(self.catalogue(|| crate::traps::load(crate::paths::user_catalogue().as_deref()).0)?)
    }

    /// The traps this recording is judged with: those it recorded (format
    /// 3 on), so that editing or deleting `traps.ron` later changes no
    /// debrief; for an older file, `today`'s catalogue, the only one known.
    pub fn catalogue(
        &self,
        today: impl FnOnce() -> crate::traps::Catalogue,
    ) -> Result<crate::traps::Catalogue, ReadError> {
        match &self.header.judged_with {
            Some(j) => crate::traps::Catalogue::recorded(&j.traps).map_err(|e| ReadError::Scenario {
                path: self.path.display().to_string(),
                message: format!("its recorded traps do not load: {e}"),
            }),
            None => Ok(today()),
        }
    }

    /// What a reader should know about how this recording is judged: an
    /// old file judged with today's traps, or a build judging differently.
    pub fn judging_note(&self) -> Option<String> {
        match &self.header.judged_with {
            Some(j) => j.drift(),
            None => Some("recorded before sessions kept their traps: judged with today's trap catalogue".into()),
        }
    }

    /// [`Recording::compile`] with a trap catalogue already chosen (see
    /// [`Recording::catalogue`]).
    pub fn compile_with(&self, cat: crate::traps::Catalogue) -> Result<std::sync::Arc<Compiled>, ReadError> {
        let shown = self.path.display().to_string();
        let checked = crate::scenario::load::check_bytes(&self.header.scenario, self.header.source.as_bytes(), &cat);
        // Control characters are errors for `check` but not a reason to
        // refuse reading a recording: every output escapes them.
        let sc = checked.readable().cloned().ok_or_else(|| ReadError::Scenario {
            path: shown.clone(),
            message: checked.first_error().map_or("it has errors".into(), |d| d.message.clone()),
        })?;
        Compiled::new(sc, cat).map_err(|e| ReadError::Scenario { path: shown, message: e.to_string() })
    }

    /// The session as it stood at the end of the file.
    pub fn fold(&self) -> Result<State, ReadError> {
        Ok(self.fold_with(self.compile()?))
    }

    /// The state a fold of this recording starts from: a format-1 file
    /// reads its numbers the way format 1 did.
    pub fn new_state(&self, compiled: std::sync::Arc<Compiled>) -> State {
        let mut s = State::new(compiled, self.header.seed, self.header.pace);
        s.shuffle = self.version >= 4;
        s.numbers = match self.version {
            1 => crate::session::numeric::Reading::Format1,
            2 | 3 => crate::session::numeric::Reading::InUnit,
            _ => crate::session::numeric::Reading::Sentence,
        };
        s.set_keymap(self.keymap());
        s
    }

    /// What keys meant when this recording was typed.
    pub fn keymap(&self) -> crate::session::Keymap {
        crate::session::Keymap::of_format(self.version)
    }

    /// [`Recording::fold`] with the scenario already compiled.
    pub fn fold_with(&self, compiled: std::sync::Arc<Compiled>) -> State {
        let mut s = self.new_state(compiled);
        Folder::new(&self.lines, s.answer.keymap()).apply(&mut s, &self.lines, 0, self.lines.len());
        s
    }
}

/// Applies recorded lines in bulk, fast. Typing is most of a recording,
/// and the text widget does work proportional to the whole text on every
/// keystroke; so a run of plain typing, with no deadline falling inside
/// it, is applied as at most one insertion per box. A run may switch
/// between the answer and the notes as often as it likes (each box keeps
/// its own cursor, so each box's characters land together), may hold
/// Enter in the notes and Backspace over what the run itself typed. The
/// text, cursors and session come out the same as key by key; only the
/// undo history is coarser, so a box's typing is only joined when no undo
/// or redo key (the only keys that read the history) is pressed in that
/// box later in the recording.
pub struct Folder {
    /// Per box (answer, notes): index of the last undo or redo key line.
    last_undo: [Option<usize>; 2],
}

fn slot(t: Target) -> usize {
    match t {
        Target::Answer => 0,
        Target::Notes => 1,
    }
}

/// What one line does inside a typing run.
enum Stroke {
    /// A character typed into a box.
    Char(Target, char),
    /// Backspace in a box.
    Back(Target),
}

/// A line a typing run may hold: (what it does, its time).
fn stroke(line: &Line) -> Option<(Stroke, u64)> {
    let Line::Event(Event { at_ms, kind: EventKind::Key(t, k) }) = line else { return None };
    if k.ctrl || k.alt {
        return None;
    }
    let st = match (k.code, t) {
        // A line break in the answer of a number field rejoins the field
        // and moves the cursor: not the same as inserting it.
        (KeyCode::Char('\n'), Target::Answer) => return None,
        (KeyCode::Char(c), _) if !crate::text::is_hazard(c) => Stroke::Char(*t, c),
        (KeyCode::Enter, Target::Notes) => Stroke::Char(*t, '\n'),
        (KeyCode::Backspace, _) => Stroke::Back(*t),
        _ => return None,
    };
    Some((st, *at_ms))
}

impl Folder {
    /// A folder for `lines`, typed with `keymap` (see
    /// [`Keymap::of_format`](crate::session::Keymap::of_format)).
    pub fn new(lines: &[Line], keymap: crate::session::Keymap) -> Folder {
        let mut last_undo = [None, None];
        for (i, l) in lines.iter().enumerate() {
            if let Line::Event(Event { kind: EventKind::Key(t, k), .. }) = l
                && keymap.reads_history(k)
            {
                last_undo[slot(*t)] = Some(i);
            }
        }
        Folder { last_undo }
    }

    /// Applies `lines[from..to]` to `s`.
    pub fn apply(&self, s: &mut State, lines: &[Line], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let (n, texts) = self.run(s, lines, i, to);
            if n >= 2 {
                let last = lines[i + n - 1].at_ms();
                update(s, Event::new(lines[i].at_ms(), EventKind::Tick));
                // A box the run touched gets its insertion even when the
                // run's Backspaces ate it all: an edit's side effects (the
                // answer-limit notice, a number field's message) still apply.
                for (t, text) in [Target::Answer, Target::Notes].into_iter().zip(texts) {
                    if let Some(text) = text {
                        update(s, Event::new(last, EventKind::Paste(t, text)));
                    }
                }
                i += n;
            } else {
                apply(s, &lines[i]);
                i += 1;
            }
        }
    }

    /// How many lines from `i` are plain typing that can be inserted at once.
    pub fn typing_run(&self, s: &State, lines: &[Line], i: usize, to: usize) -> usize {
        self.run(s, lines, i, to).0
    }

    /// The typing run from `i`: how many lines, and the text each box gets.
    fn run(&self, s: &State, lines: &[Line], i: usize, to: usize) -> (usize, [Option<String>; 2]) {
        let mut texts: [Option<String>; 2] = [None, None];
        // In a Spoken question's rating step the core ignores answer keys:
        // fold key by key there rather than teach the run that rule.
        if s.phase != crate::session::Phase::Running || s.rating() {
            return (0, texts);
        }
        let deadline = s.next_deadline().unwrap_or(u64::MAX);
        // Near the answer's size limit keys are refused one by one; a paste
        // would be cut instead, so a run stops where the limit could bite.
        let mut room = crate::session::MAX_ANSWER_BYTES.saturating_sub(s.answer_bytes());
        let mut n = 0;
        for (k, l) in lines[i..to].iter().enumerate() {
            let Some((st, at)) = stroke(l) else { break };
            let t = match st {
                Stroke::Char(t, _) | Stroke::Back(t) => t,
            };
            if at >= deadline || self.last_undo[slot(t)].is_some_and(|m| m > i + k) {
                break;
            }
            // A box's text exists only once a stroke of the run lands in it:
            // a stroke that ends the run must leave no (empty) insertion.
            match st {
                Stroke::Char(t, c) => {
                    if t == Target::Answer {
                        if c.len_utf8() > room {
                            break;
                        }
                        room -= c.len_utf8();
                    }
                    texts[slot(t)].get_or_insert_default().push(c);
                }
                // Backspace over a character the run typed: the cursor is
                // right after it. Over older text it must go key by key.
                Stroke::Back(t) => {
                    if texts[slot(t)].as_mut().and_then(String::pop).is_none() {
                        break;
                    }
                }
            }
            n += 1;
        }
        (n, texts)
    }
}

/// Applies one recorded line to a session.
pub fn apply(s: &mut State, line: &Line) {
    match line {
        Line::Event(e) => {
            update(s, e.clone());
        }
        // The end record's time settles what fell due before the end.
        Line::End { at_ms, .. } => {
            update(s, Event::new(*at_ms, EventKind::Tick));
        }
        Line::Resize { .. } | Line::Resumed { .. } => {}
    }
}

#[cfg(all(test, target_os = "linux"))]
mod lock_tests {
    use super::*;

    #[test]
    fn the_lock_owner_is_read_from_proc_locks() {
        let dev = libc::makedev(0xfe, 0x01);
        let locks = "1: POSIX  ADVISORY  WRITE 11 fe:01:77 0 EOF\n\
                     2: FLOCK  ADVISORY  WRITE 4321 fe:01:5359344 0 EOF\n\
                     2: -> FLOCK  ADVISORY  WRITE 99 fe:01:5359344 0 EOF\n\
                     3: FLOCK  ADVISORY  READ 555 00:2f:1234 0 EOF\n";
        assert_eq!(owner_in_proc_locks(locks, dev, 5359344), Some(4321));
        assert_eq!(owner_in_proc_locks(locks, dev, 77), None, "POSIX locks are not ours");
        assert_eq!(owner_in_proc_locks(locks, dev, 1234), Some(555), "an overlay reports another device");
        assert_eq!(owner_in_proc_locks(locks, dev, 9), None);
    }

    #[test]
    fn the_lock_owner_of_a_file_locked_here_is_this_process() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("x.session");
        std::fs::write(&p, "x").expect("writes");
        let f = std::fs::File::open(&p).expect("opens");
        f.lock().expect("locks");
        assert_eq!(lock_state(&p), Lock::Held(Some(std::process::id())));
        drop(f);
        assert_eq!(lock_state(&p), Lock::Free);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Key, Keymap};

    fn key(i: usize, t: Target, k: Key) -> Line {
        Line::Event(Event::new(1000 + i as u64 * 50, EventKind::Key(t, k)))
    }

    fn running() -> State {
        let (cat, _) = crate::traps::load(None);
        let src = include_str!("../../tests/fixtures/session-core.ron");
        let sc = crate::scenario::load::ron_options().from_str(src).expect("parses");
        let mut s =
            State::new(crate::session::Compiled::new(sc, cat).expect("compiles"), 1, crate::session::Pace::Untimed);
        update(&mut s, Event::new(0, EventKind::Start));
        s
    }

    /// Issue 11 item 8b: typing that switched between the answer and the
    /// notes every 50 keys was folded 50 keys at a time, each insertion
    /// costing the whole text, and opening a 3-hour session took 2.9 s.
    /// A run now spans both boxes.
    #[test]
    fn typing_that_alternates_between_boxes_folds_as_one_run() {
        let lines: Vec<Line> = (0..1000)
            .map(|i| {
                let t = if (i / 50) % 2 == 0 { Target::Answer } else { Target::Notes };
                key(i, t, Key::plain(KeyCode::Char('a')))
            })
            .collect();
        let s = running();
        assert_eq!(Folder::new(&lines, Keymap::Widget).typing_run(&s, &lines, 0, lines.len()), 1000);
    }

    /// A typist's Backspace over what they just typed, Enter in the notes,
    /// and a word deleted later (Alt-Backspace, which reads no history) no
    /// longer end or forbid bulk folding; only undo and redo later do.
    #[test]
    fn corrections_and_word_deletes_do_not_stop_bulk_folding() {
        let mut lines: Vec<Line> = Vec::new();
        for i in 0..300 {
            let k = match i % 10 {
                9 => Key::plain(KeyCode::Backspace),
                _ => Key::plain(KeyCode::Char('b')),
            };
            lines.push(key(i, if i % 30 == 0 { Target::Notes } else { Target::Answer }, k));
        }
        lines.push(key(300, Target::Notes, Key::plain(KeyCode::Enter)));
        let typed = lines.len();
        lines.push(key(301, Target::Answer, Key { code: KeyCode::Backspace, ctrl: false, alt: true }));
        let s = running();
        assert_eq!(Folder::new(&lines, Keymap::Widget).typing_run(&s, &lines, 0, lines.len()), typed);
        lines.push(key(302, Target::Answer, Key::ctrl('u')));
        // Line 1 is typed into the answer, where an undo comes later.
        assert_eq!(
            Folder::new(&lines, Keymap::Widget).typing_run(&s, &lines, 1, lines.len()),
            0,
            "an undo later needs key-by-key history"
        );
    }
}
