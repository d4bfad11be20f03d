//! Replaying a recording with random access. The recording is folded once,
//! keeping a snapshot of the session every [`SNAPSHOT_EVERY`] lines, so
//! seeking anywhere (backwards too) costs one clone and at most that many
//! `update` calls, never a replay from the start.
//!
//! Times: *recorded* times are the file's monotonic milliseconds; *display*
//! times are what the scrubber shows, where idle gaps can be compressed to
//! at most [`IDLE_CAP_MS`] so watching is not mostly waiting.

use super::annotations::Annotation;
use super::format::Line;
use super::reader::{self, ReadError, Recording};
use crate::session::{Event, EventKind, Phase, State, update};

pub const SNAPSHOT_EVERY: usize = 4000;
pub const IDLE_CAP_MS: u64 = 2000;

/// Something worth jumping to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    /// A question was asked.
    Question,
    /// An answer fell into a trap.
    Trap,
    /// A coach's annotation.
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Recorded time.
    pub at_ms: u64,
    pub kind: MarkerKind,
}

pub struct Replay {
    pub recording: Recording,
    /// (lines applied, session after them).
    snapshots: Vec<(usize, State)>,
    /// Recorded time of each line.
    times: Vec<u64>,
    /// Display time of each line, with idle gaps compressed.
    compressed: Vec<u64>,
    pub markers: Vec<Marker>,
    pub annotations: Vec<Annotation>,
    /// Compress idle gaps on the display timeline.
    pub compress: bool,
    folder: reader::Folder,
}

impl Replay {
    /// Folds the whole recording once, keeping snapshots and markers.
    pub fn new(recording: Recording) -> Result<Replay, ReadError> {
        let mut s = recording.new_state(recording.compile()?);
        let mut snapshots = vec![(0, s.clone())];
        let mut markers = Vec::new();
        let lines = &recording.lines;
        let times: Vec<u64> = lines.iter().map(Line::at_ms).collect();
        let folder = reader::Folder::new(lines, s.answer.keymap());
        // Fold a snapshot's worth at a time; markers come from what changed
        // (a question asked, a turn with traps) between line groups, placed
        // at the line where it changed.
        let mut i = 0;
        while i < lines.len() {
            let end = (i + SNAPSHOT_EVERY).min(lines.len());
            while i < end {
                let (asked, turns) = (s.asked_ms, s.turns.len());
                let started = s.phase == Phase::Ready;
                // Plain typing cannot ask a question or end a turn: fold it
                // in bulk; anything else one line at a time.
                let n = folder.typing_run(&s, lines, i, end).max(1);
                folder.apply(&mut s, lines, i, i + n);
                let at = lines[i + n - 1].at_ms();
                if s.asked_ms != asked || s.turns.len() != turns || (started && s.phase != Phase::Ready) {
                    markers.push(Marker { at_ms: at, kind: MarkerKind::Question });
                }
                if s.turns.len() > turns && s.turns[turns..].iter().any(|t| !t.traps.is_empty()) {
                    markers.push(Marker { at_ms: at, kind: MarkerKind::Trap });
                }
                i += n;
            }
            snapshots.push((i, s.clone()));
        }
        let annotations = super::annotations::read(&recording.path);
        markers.extend(annotations.iter().map(|a| Marker { at_ms: a.at_ms, kind: MarkerKind::Note }));
        markers.sort_by_key(|m| m.at_ms);
        markers.dedup();
        let compressed = compress(&times);
        Ok(Replay { recording, snapshots, times, compressed, markers, annotations, compress: true, folder })
    }

    /// The session before any line: where a one-pass walk (the asciicast
    /// export) starts.
    pub fn initial_state(&self) -> State {
        self.snapshots[0].1.clone()
    }

    /// Recorded time of the first and last line.
    pub fn span(&self) -> (u64, u64) {
        (self.times.first().copied().unwrap_or(0), self.times.last().copied().unwrap_or(0))
    }

    /// The session as it stood at recorded time `at`.
    pub fn state_at(&self, at: u64) -> State {
        let upto = self.times.partition_point(|&t| t <= at);
        let (from, snap) = self.snapshots.iter().rev().find(|(n, _)| *n <= upto).unwrap_or(&self.snapshots[0]);
        let mut s = snap.clone();
        self.folder.apply(&mut s, &self.recording.lines, *from, upto);
        if s.phase == Phase::Running {
            update(&mut s, Event::new(at, EventKind::Tick));
        }
        s
    }

    /// The last recorded moment before the turn that ended at recorded
    /// time `ended` was left: the answer still on screen, not yet judged.
    /// `ended` is where a [`MarkerKind::Trap`] marker stands (the line
    /// that ended the turn, by a submit or a deadline passed); the moment
    /// is found by halving, since how many turns are done only grows with
    /// time.
    pub fn before_turn_ended(&self, ended: u64) -> u64 {
        let done = self.state_at(ended).turns.len();
        let (mut lo, mut hi) = (self.span().0, ended);
        if self.state_at(lo).turns.len() >= done {
            return lo;
        }
        // Invariant: fewer turns at `lo`, all of them at `hi`.
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.state_at(mid).turns.len() < done { lo = mid } else { hi = mid }
        }
        lo
    }

    /// Length of the display timeline.
    pub fn display_len(&self) -> u64 {
        self.to_display(self.span().1)
    }

    /// Display time of recorded time `t`.
    pub fn to_display(&self, t: u64) -> u64 {
        let (first, _) = self.span();
        if !self.compress {
            return t.saturating_sub(first);
        }
        let i = self.times.partition_point(|&x| x <= t);
        if i == 0 {
            return 0;
        }
        self.compressed[i - 1] + (t - self.times[i - 1]).min(IDLE_CAP_MS)
    }

    /// Recorded time of display time `d`.
    pub fn from_display(&self, d: u64) -> u64 {
        let (first, last) = self.span();
        if !self.compress {
            return (first + d).min(last);
        }
        let i = self.compressed.partition_point(|&x| x <= d);
        if i == 0 {
            return first;
        }
        (self.times[i - 1] + (d - self.compressed[i - 1])).min(self.times.get(i).copied().unwrap_or(last)).min(last)
    }
}

/// Display times with every gap between lines capped at [`IDLE_CAP_MS`].
fn compress(times: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(times.len());
    let mut d = 0;
    for (i, &t) in times.iter().enumerate() {
        if i > 0 {
            d += (t - times[i - 1]).min(IDLE_CAP_MS);
        }
        out.push(d);
    }
    out
}
