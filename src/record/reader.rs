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
/// keystroke; so a run of plain typing, with no deadline falling inside
/// it, is applied as at most one insertion per box. A run may switch
/// between the answer and the notes as often as it likes (each box keeps
/// its own cursor, so each box's characters land together), may hold
/// Enter in the notes and Backspace over what the run itself typed. The
/// text, cursors and session come out the same as key by key; only the
/// widget's undo history is coarser, so a box's typing is only joined when
/// no undo or redo key (Ctrl-U, Ctrl-R: the only keys that read the
/// history) is pressed in that box later in the recording.
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

/// Whether `k` reads the widget's undo history.
fn is_undo(k: &crate::session::Key) -> bool {
    k.ctrl && !k.alt && matches!(k.code, KeyCode::Char('u' | 'r'))
}

impl Folder {
    pub fn new(lines: &[Line]) -> Folder {
        let mut last_undo = [None, None];
        for (i, l) in lines.iter().enumerate() {
            if let Line::Event(Event { kind: EventKind::Key(t, k), .. }) = l
                && is_undo(k)
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
        if s.phase != crate::session::Phase::Running {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Key;

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
        assert_eq!(Folder::new(&lines).typing_run(&s, &lines, 0, lines.len()), 1000);
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
        assert_eq!(Folder::new(&lines).typing_run(&s, &lines, 0, lines.len()), typed);
        lines.push(key(302, Target::Answer, Key::ctrl('u')));
        // Line 1 is typed into the answer, where an undo comes later.
        assert_eq!(
            Folder::new(&lines).typing_run(&s, &lines, 1, lines.len()),
            0,
            "an undo later needs key-by-key history"
        );
    }
}
