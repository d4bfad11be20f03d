//! Reading a session file back, and rebuilding the session from it by
//! feeding its events through `session::update` again: a replay is exact
//! because it is the same function on the same inputs. A torn last line
//! (the process died mid-write) is skipped.

use std::path::{Path, PathBuf};

use super::format::{self, EndStatus, Header, Line, MAGIC, VERSION};
use crate::session::{Compiled, Event, EventKind, KeyCode, State, Target, update};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a hotseat session file (line 1 should be \"{MAGIC} {VERSION}\")")]
    NotASession { path: String },
    #[error("{path}: session format {found} is newer than this hotseat reads ({VERSION})")]
    Version { path: String, found: String },
    #[error("{path}: the header (line 2) is damaged: {message}")]
    Header { path: String, message: String },
    #[error("{path}: the recorded scenario does not load: {message}")]
    Scenario { path: String, message: String },
}

/// What a session file holds.
#[derive(Debug, Clone)]
pub struct Recording {
    pub path: PathBuf,
    /// The file name without `.session`.
    pub id: String,
    pub header: Header,
    pub lines: Vec<Line>,
    /// Lines that could not be read (a torn last line, normally).
    pub skipped: usize,
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A hotseat is recording it now (it holds the lock).
    Live,
    Finished,
    /// The candidate quit early.
    Quit,
    /// The process died: no end record and nobody holds the lock.
    Interrupted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Live => "live",
            Status::Finished => "finished",
            Status::Quit => "quit",
            Status::Interrupted => "interrupted",
        }
    }
}

pub fn read(path: &Path) -> Result<Recording, ReadError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io { path: shown.clone(), source })?;
    let text = String::from_utf8_lossy(&bytes);
    parse(path, &text)
}

pub fn parse(path: &Path, text: &str) -> Result<Recording, ReadError> {
    let shown = path.display().to_string();
    let mut lines = text.split('\n');
    let magic = lines.next().unwrap_or("");
    let Some(version) = magic.strip_prefix(MAGIC).map(str::trim) else {
        return Err(ReadError::NotASession { path: shown });
    };
    if version != VERSION.to_string() {
        return Err(ReadError::Version { path: shown, found: crate::text::quote(version).into_owned() });
    }
    let header: Header = serde_json::from_str(lines.next().unwrap_or(""))
        .map_err(|e| ReadError::Header { path: shown.clone(), message: e.to_string() })?;
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut prev = 0;
    for raw in lines.filter(|l| !l.trim().is_empty()) {
        match format::decode(raw, prev) {
            Some(line) => {
                prev = line.at_ms();
                out.push(line);
            }
            None => skipped += 1,
        }
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Recording { path: path.to_path_buf(), id, header, lines: out, skipped })
}

impl Recording {
    /// How it ended, if it did.
    pub fn end(&self) -> Option<(EndStatus, u64)> {
        self.lines.iter().rev().find_map(|l| match l {
            Line::End { at_ms, status } => Some((*status, *at_ms)),
            _ => None,
        })
    }

    /// The status, asking the lock whether a hotseat still has it open.
    pub fn status(&self) -> Status {
        match self.end() {
            Some((EndStatus::Finished, _)) => Status::Finished,
            Some((EndStatus::Quit, _)) => Status::Quit,
            None => match std::fs::File::open(&self.path).map(|f| f.try_lock_shared()) {
                Ok(Err(std::fs::TryLockError::WouldBlock)) => Status::Live,
                _ => Status::Interrupted,
            },
        }
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

    /// The recorded scenario, compiled (from the text in the file).
    pub fn compile(&self) -> Result<std::sync::Arc<Compiled>, ReadError> {
        let shown = self.path.display().to_string();
        let (cat, _) = crate::traps::load(crate::paths::user_catalogue().as_deref());
        let checked = crate::scenario::load::check_bytes(&self.header.scenario, self.header.source.as_bytes(), &cat);
        let sc = checked.runnable().cloned().ok_or_else(|| ReadError::Scenario {
            path: shown.clone(),
            message: checked.first_error().map_or("it has errors".into(), |d| d.message.clone()),
        })?;
        Compiled::new(sc, cat).map_err(|e| ReadError::Scenario { path: shown, message: e.to_string() })
    }

    /// The session as it stood at the end of the file.
    pub fn fold(&self) -> Result<State, ReadError> {
        let mut s = State::new(self.compile()?, self.header.seed, self.header.pace);
        Folder::new(&self.lines).apply(&mut s, &self.lines, 0, self.lines.len());
        Ok(s)
    }
}

/// Applies recorded lines in bulk, fast. Typing is most of a recording,
/// and the text widget does work proportional to the whole text on every
/// keystroke; so a run of plain characters typed into one box, with no
/// deadline falling inside it, is applied as one insertion. The text,
/// cursor and session come out the same; only the widget's undo history
/// is coarser, so a run is only joined when no Ctrl/Alt key (undo, redo…)
/// is ever pressed in that box later in the recording.
pub struct Folder {
    /// Per box (answer, notes): index of the last Ctrl/Alt key line.
    last_modified: [Option<usize>; 2],
}

fn slot(t: Target) -> usize {
    match t {
        Target::Answer => 0,
        Target::Notes => 1,
    }
}

/// A plain typed character: (box, char, time).
fn typed(line: &Line) -> Option<(Target, char, u64)> {
    match line {
        Line::Event(Event { at_ms, kind: EventKind::Key(t, k) }) if !k.ctrl && !k.alt => match k.code {
            KeyCode::Char(c) if !crate::text::is_hazard(c) => Some((*t, c, *at_ms)),
            _ => None,
        },
        _ => None,
    }
}

impl Folder {
    pub fn new(lines: &[Line]) -> Folder {
        let mut last_modified = [None, None];
        for (i, l) in lines.iter().enumerate() {
            if let Line::Event(Event { kind: EventKind::Key(t, k), .. }) = l
                && (k.ctrl || k.alt)
            {
                last_modified[slot(*t)] = Some(i);
            }
        }
        Folder { last_modified }
    }

    /// Applies `lines[from..to]` to `s`.
    pub fn apply(&self, s: &mut State, lines: &[Line], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let n = self.typing_run(s, lines, i, to);
            if n >= 2 {
                let text: String = lines[i..i + n].iter().filter_map(|l| typed(l).map(|(_, c, _)| c)).collect();
                let (t, _, _) = typed(&lines[i]).unwrap_or((Target::Answer, ' ', 0));
                update(s, Event::new(lines[i].at_ms(), EventKind::Tick));
                update(s, Event::new(lines[i + n - 1].at_ms(), EventKind::Paste(t, text)));
                i += n;
            } else {
                apply(s, &lines[i]);
                i += 1;
            }
        }
    }

    /// How many lines from `i` are plain typing that can be inserted at once.
    pub fn typing_run(&self, s: &State, lines: &[Line], i: usize, to: usize) -> usize {
        let Some((t, _, _)) = typed(&lines[i]) else { return 0 };
        if s.phase != crate::session::Phase::Running || self.last_modified[slot(t)].is_some_and(|m| m > i) {
            return 0;
        }
        let deadline = s.next_deadline().unwrap_or(u64::MAX);
        // Near the answer's size limit keys are refused one by one; a paste
        // would be cut instead, so a run stops where the limit could bite.
        let mut room = match t {
            Target::Answer => crate::session::MAX_ANSWER_BYTES.saturating_sub(s.answer_bytes()),
            Target::Notes => usize::MAX,
        };
        lines[i..to]
            .iter()
            .take_while(|l| {
                typed(l).is_some_and(|(t2, c, at)| {
                    let fits = c.len_utf8() <= room;
                    room = room.saturating_sub(c.len_utf8());
                    t2 == t && at < deadline && fits
                })
            })
            .count()
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
