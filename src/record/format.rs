//! The session file format (see docs/session-format.md): line-oriented and
//! append-only. Line 1 is a magic word and version, line 2 a JSON header
//! holding everything needed to replay anywhere (the scenario's full text
//! and hash, seed, pace, terminal size, start time); then one JSON array
//! per input event, its time as a delta from the previous event in ms:
//!
//! ```text
//! hotseat-session 2
//! {"hotseat":"0.1.0","scenario":"alibaba-cloud-pm","sha256":"…","source":"Scenario(…)",…}
//! [0,"go"]
//! [812,"a","I"]
//! [95,"a"," "]
//! [3020,"pn","pasted text"]
//! [40,"sub"]
//! [9000,"end","finished"]
//! ```
//!
//! Ticks are never written: the clock is implied by the event times.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::session::{Event, EventKind, Key, KeyCode, Pace, Target};

/// First line of every session file.
pub const MAGIC: &str = "hotseat-session";
/// The version this build writes. 2: numbers are read in the question's
/// unit (`16.5万` for a 万元 question) and a spoken answer is marked done
/// (`done`) before its points are rated. 3: the text boxes take readline's
/// keys (Ctrl-U kills to the line start; Ctrl-_ undoes), where earlier
/// files were typed into a widget whose Ctrl-U undid. 4: a number may end
/// with a sentence's punctuation (`约120万。`), which earlier formats
/// refused.
pub const VERSION: u32 = 4;

/// The oldest version this build reads. A format-1 recording folds with
/// format 1's number reading, and a format-1 or 2 recording with the keys
/// of its day, so its replay is the session that happened.
pub const OLDEST: u32 = 1;

/// Line 2: what the session is, enough to replay it with nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The hotseat version that recorded it.
    pub hotseat: String,
    pub scenario: String,
    pub title: String,
    /// SHA-256 of `source`, hex.
    pub sha256: String,
    /// The scenario file's full text.
    pub source: String,
    pub seed: u64,
    pub pace: Pace,
    pub cols: u16,
    pub rows: u16,
    /// Wall-clock start, RFC 3339 UTC.
    pub started: String,
    /// What the answers are judged with (from format 3; older files are
    /// judged with the catalogue of the day they are read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged_with: Option<JudgedWith>,
}

/// What a session's answers are judged with, so that a debrief, replay or
/// export anywhere, any time later, finds the same traps: the traps beyond
/// the bundled catalogue in full (the user's own, a scenario's own, bundled
/// ones adapted), and the bundled catalogue and learned scorer by id (they
/// are part of the program; a build whose ids differ says so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedWith {
    /// [`crate::traps::bundled_id`] of the recording build.
    pub bundled: String,
    /// [`crate::assess::Scorer::bundled_id`] of the recording build.
    pub scorer: String,
    /// The traps in force beyond the bundled ones, as catalogue RON.
    pub traps: String,
}

impl JudgedWith {
    /// What `cat` (a session's catalogue in force) records.
    pub fn of(cat: &crate::traps::Catalogue) -> JudgedWith {
        JudgedWith {
            bundled: crate::traps::bundled_id().to_string(),
            scorer: crate::assess::Scorer::bundled_id().to_string(),
            traps: cat.beyond_bundled().to_ron(),
        }
    }

    /// How this build's judging differs from the recording's, if it does.
    pub fn drift(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.bundled != crate::traps::bundled_id() {
            parts.push("trap catalogue");
        }
        if self.scorer != crate::assess::Scorer::bundled_id() {
            parts.push("learned scorer");
        }
        (!parts.is_empty()).then(|| {
            format!(
                "recorded by a hotseat with another bundled {}: judged here with this build's, so findings may differ",
                parts.join(" and ")
            )
        })
    }
}

impl Header {
    /// The header of a new recording of `state`, whose scenario text is `source`.
    pub fn new(state: &crate::session::State, source: &str, cols: u16, rows: u16) -> Header {
        let sc = &state.compiled.scenario;
        Header {
            hotseat: env!("CARGO_PKG_VERSION").to_string(),
            scenario: sc.id.clone(),
            title: sc.title.clone(),
            sha256: hash(source),
            source: source.to_string(),
            seed: state.seed,
            pace: state.pace,
            cols,
            rows,
            started: jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            judged_with: Some(JudgedWith::of(&state.compiled.catalogue)),
        }
    }
}

/// How a session ended, written as its last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EndStatus {
    Finished,
    Quit,
}

/// One line after the header.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Event(Event),
    /// The terminal was resized (for faithful replay and export).
    Resize {
        at_ms: u64,
        cols: u16,
        rows: u16,
    },
    /// The session was resumed by a later process at this point.
    Resumed {
        at_ms: u64,
    },
    End {
        at_ms: u64,
        status: EndStatus,
    },
}

impl Line {
    pub fn at_ms(&self) -> u64 {
        match self {
            Line::Event(e) => e.at_ms,
            Line::Resize { at_ms, .. } | Line::Resumed { at_ms } | Line::End { at_ms, .. } => *at_ms,
        }
    }
}

fn target_code(t: Target, key: &'static str, notes: &'static str) -> &'static str {
    match t {
        Target::Answer => key,
        Target::Notes => notes,
    }
}

/// A key as a short token: the character itself, or a name; `C-`/`M-`
/// prefixes for Ctrl and Alt. A single character is always that character.
pub fn key_token(k: Key) -> String {
    let base = match k.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Delete => "DEL".into(),
        KeyCode::Enter => "RET".into(),
        KeyCode::Left => "LEFT".into(),
        KeyCode::Right => "RIGHT".into(),
        KeyCode::Up => "UP".into(),
        KeyCode::Down => "DOWN".into(),
        KeyCode::Home => "HOME".into(),
        KeyCode::End => "END".into(),
        KeyCode::PageUp => "PGUP".into(),
        KeyCode::PageDown => "PGDN".into(),
        KeyCode::Tab => "TAB".into(),
    };
    let mut out = String::new();
    if k.ctrl {
        out.push_str("C-");
    }
    if k.alt {
        out.push_str("M-");
    }
    out.push_str(&base);
    out
}

pub fn parse_key(token: &str) -> Option<Key> {
    let mut rest = token;
    let (mut ctrl, mut alt) = (false, false);
    // A lone character is that character, even "C" or "-".
    while rest.chars().count() > 2 {
        if let Some(r) = rest.strip_prefix("C-") {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("M-") {
            alt = true;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => match rest {
            "BS" => KeyCode::Backspace,
            "DEL" => KeyCode::Delete,
            "RET" => KeyCode::Enter,
            "LEFT" => KeyCode::Left,
            "RIGHT" => KeyCode::Right,
            "UP" => KeyCode::Up,
            "DOWN" => KeyCode::Down,
            "HOME" => KeyCode::Home,
            "END" => KeyCode::End,
            "PGUP" => KeyCode::PageUp,
            "PGDN" => KeyCode::PageDown,
            "TAB" => KeyCode::Tab,
            _ => return None,
        },
    };
    Some(Key { code, ctrl, alt })
}

/// Encodes a line given the previous line's time; `None` for events that
/// are never recorded (ticks).
pub fn encode(line: &Line, prev_ms: u64) -> Option<String> {
    let dt = Value::from(line.at_ms().saturating_sub(prev_ms));
    let parts: Vec<Value> = match line {
        Line::Event(e) => match &e.kind {
            EventKind::Tick => return None,
            EventKind::Start => vec![dt, "go".into()],
            EventKind::Key(t, k) => vec![dt, target_code(*t, "a", "n").into(), key_token(*k).into()],
            EventKind::Paste(t, s) => vec![dt, target_code(*t, "pa", "pn").into(), s.as_str().into()],
            EventKind::Select(i) => vec![dt, "sel".into(), (*i).into()],
            EventKind::Toggle(i) => vec![dt, "tog".into(), (*i).into()],
            EventKind::Submit => vec![dt, "sub".into()],
            EventKind::Done => vec![dt, "done".into()],
            EventKind::Pause => vec![dt, "pau".into()],
            EventKind::Resume => vec![dt, "res".into()],
            EventKind::Quit => vec![dt, "quit".into()],
            EventKind::Reopen => vec![dt, "reopen".into()],
        },
        Line::Resize { cols, rows, .. } => vec![dt, "rs".into(), (*cols).into(), (*rows).into()],
        Line::Resumed { .. } => vec![dt, "resumed".into()],
        Line::End { status, .. } => {
            let s = match status {
                EndStatus::Finished => "finished",
                EndStatus::Quit => "quit",
            };
            vec![dt, "end".into(), s.into()]
        }
    };
    let mut text = serde_json::to_string(&parts).ok()?;
    text.push('\n');
    Some(text)
}

/// Decodes one event line given the previous line's time.
pub fn decode(text: &str, prev_ms: u64) -> Option<Line> {
    let parts: Vec<Value> = serde_json::from_str(text).ok()?;
    let at_ms = prev_ms.checked_add(parts.first()?.as_u64()?)?;
    let code = parts.get(1)?.as_str()?;
    let str_arg = || parts.get(2).and_then(Value::as_str);
    let num_arg = |i: usize| parts.get(i).and_then(Value::as_u64);
    let ev = |kind| Some(Line::Event(Event::new(at_ms, kind)));
    match code {
        "go" => ev(EventKind::Start),
        "a" => ev(EventKind::Key(Target::Answer, parse_key(str_arg()?)?)),
        "n" => ev(EventKind::Key(Target::Notes, parse_key(str_arg()?)?)),
        "pa" => ev(EventKind::Paste(Target::Answer, str_arg()?.to_string())),
        "pn" => ev(EventKind::Paste(Target::Notes, str_arg()?.to_string())),
        "sel" => ev(EventKind::Select(usize::try_from(num_arg(2)?).ok()?)),
        "tog" => ev(EventKind::Toggle(usize::try_from(num_arg(2)?).ok()?)),
        "sub" => ev(EventKind::Submit),
        "done" => ev(EventKind::Done),
        "pau" => ev(EventKind::Pause),
        "res" => ev(EventKind::Resume),
        "quit" => ev(EventKind::Quit),
        "reopen" => ev(EventKind::Reopen),
        "rs" => {
            Some(Line::Resize { at_ms, cols: u16::try_from(num_arg(2)?).ok()?, rows: u16::try_from(num_arg(3)?).ok()? })
        }
        "resumed" => Some(Line::Resumed { at_ms }),
        "end" => {
            let status = match str_arg()? {
                "finished" => EndStatus::Finished,
                "quit" => EndStatus::Quit,
                _ => return None,
            };
            Some(Line::End { at_ms, status })
        }
        _ => None,
    }
}

/// The SHA-256 of a scenario's text, hex.
pub fn hash(source: &str) -> String {
    crate::digest::sha256_hex(source.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_round_trips() {
        let kinds = vec![
            EventKind::Start,
            EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('x'))),
            EventKind::Key(Target::Notes, Key::plain(KeyCode::Char('C'))),
            EventKind::Key(Target::Notes, Key::plain(KeyCode::Char('数'))),
            EventKind::Key(Target::Answer, Key::ctrl('u')),
            EventKind::Key(Target::Answer, Key { code: KeyCode::Left, ctrl: true, alt: true }),
            EventKind::Key(Target::Answer, Key::plain(KeyCode::Backspace)),
            EventKind::Paste(Target::Notes, "line\n\"quoted\" \\ 数据".into()),
            EventKind::Select(3),
            EventKind::Toggle(1),
            EventKind::Submit,
            EventKind::Done,
            EventKind::Pause,
            EventKind::Resume,
            EventKind::Quit,
            EventKind::Reopen,
        ];
        let mut prev = 0;
        for (i, k) in kinds.into_iter().enumerate() {
            let line = Line::Event(Event::new(prev + 10 * i as u64, k));
            let text = encode(&line, prev).expect("encodes");
            assert!(text.ends_with('\n') && text.matches('\n').count() == 1, "one line: {text}");
            assert_eq!(decode(text.trim_end(), prev), Some(line.clone()), "{text}");
            prev = line.at_ms();
        }
        let end = Line::End { at_ms: 500, status: EndStatus::Quit };
        assert_eq!(decode(encode(&end, 400).expect("encodes").trim_end(), 400), Some(end));
    }

    #[test]
    fn a_typed_character_is_small() {
        let line = Line::Event(Event::new(1234, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('a')))));
        let text = encode(&line, 1000).expect("encodes");
        assert!(text.len() <= 14, "{} bytes: {text}", text.len());
    }

    #[test]
    fn ticks_are_not_written_and_junk_is_not_read() {
        assert_eq!(encode(&Line::Event(Event::new(5, EventKind::Tick)), 0), None);
        for junk in ["", "[", "[1]", "[1,\"zz\"]", "[-1,\"go\"]", "[1,\"a\",\"NOPE\"]", "{\"a\":1}"] {
            assert_eq!(decode(junk, 0), None, "{junk}");
        }
    }
}
