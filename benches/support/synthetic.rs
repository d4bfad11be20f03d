//! Synthetic recordings for the replay and export benchmarks, in several
//! typing patterns: the replay must open fast whatever the candidate did.

use hotseat::record::format::{self, Header, Line};
use hotseat::session::{Event, EventKind, Key, KeyCode, Pace, Target};

/// One question the candidate keeps answering until they say "finish":
/// the session stays live for all three hours.
const LOOP: &str = r#"Scenario(format: 1, id: "marathon", title: "Marathon", company: "Acme", role: "PM",
    language: En, difficulty: Hard, minutes: 180, persona: (name: "A", role: "B"), start: "q",
    nodes: [
        (id: "q", prompt: "Walk me through your numbers.", limit_s: 600, competencies: ["billing"],
         answer: FreeText(rules: [(when: AnyOf(["finish"]), next: "end")], default: (next: "q"))),
        (id: "end", answer: End(remarks: "Thanks.")),
    ])"#;

const TEXT: &str = "We cut GPU cost per training hour from 31 to 22 yuan, keeping every checkpoint verifiable. ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each bench uses some of them
pub enum Pattern {
    /// Answers submitted every 400 events; one key in 50 to the notes, in
    /// lines of about 60 characters.
    Mixed,
    /// Everything typed into the answer box; submitted every 12,000 keys.
    OneBox,
    /// 50 keys into the answer, 50 into the notes, and so on; submitted
    /// every 2,000 events.
    Alternating,
    /// Answers of 60 keys, each submitted.
    ShortAnswers,
    /// Everything into the notes, a line break every 3,000 characters, a
    /// Backspace every 40 keys.
    LongNotes,
    /// A typist: answers of ~700 keys with a Backspace every 12 keys, a
    /// word deleted (Alt-Backspace) every 150 and the cursor moved now and
    /// then; one key in 30 to the notes.
    Realistic,
}

impl Pattern {
    pub fn name(self) -> &'static str {
        match self {
            Pattern::Mixed => "mixed (the original bench)",
            Pattern::OneBox => "one box",
            Pattern::Alternating => "alternating boxes every 50 keys",
            Pattern::ShortAnswers => "many short answers",
            Pattern::LongNotes => "long notes, few newlines",
            Pattern::Realistic => "a typist (backspace, word delete, arrows)",
        }
    }

    fn kind(self, i: usize) -> EventKind {
        let ch = || KeyCode::Char(TEXT.chars().nth(i % TEXT.chars().count()).unwrap_or('x'));
        let key = |t, code| EventKind::Key(t, Key::plain(code));
        match self {
            Pattern::Mixed => match i {
                _ if i.is_multiple_of(400) => EventKind::Submit,
                _ if i.is_multiple_of(3000) => key(Target::Notes, KeyCode::Enter),
                _ if i.is_multiple_of(50) => key(Target::Notes, KeyCode::Char('n')),
                _ => key(Target::Answer, ch()),
            },
            Pattern::OneBox => match i {
                _ if i.is_multiple_of(12_000) => EventKind::Submit,
                _ => key(Target::Answer, ch()),
            },
            Pattern::Alternating => match i {
                _ if i.is_multiple_of(2000) => EventKind::Submit,
                _ if (i / 50).is_multiple_of(2) => key(Target::Answer, ch()),
                _ if i.is_multiple_of(60) => key(Target::Notes, KeyCode::Enter),
                _ => key(Target::Notes, ch()),
            },
            Pattern::ShortAnswers => match i {
                _ if i.is_multiple_of(61) => EventKind::Submit,
                _ => key(Target::Answer, ch()),
            },
            Pattern::LongNotes => match i {
                _ if i.is_multiple_of(3000) => key(Target::Notes, KeyCode::Enter),
                _ if i.is_multiple_of(40) => key(Target::Notes, KeyCode::Backspace),
                _ => key(Target::Notes, ch()),
            },
            Pattern::Realistic => match i {
                _ if i.is_multiple_of(700) => EventKind::Submit,
                _ if i.is_multiple_of(150) => {
                    EventKind::Key(Target::Answer, Key { code: KeyCode::Backspace, ctrl: false, alt: true })
                }
                _ if i.is_multiple_of(97) => key(Target::Answer, KeyCode::Left),
                _ if i.is_multiple_of(98) => key(Target::Answer, KeyCode::End),
                _ if i.is_multiple_of(12) => key(Target::Answer, KeyCode::Backspace),
                _ if i.is_multiple_of(30) => key(Target::Notes, ch()),
                _ => key(Target::Answer, ch()),
            },
        }
    }
}

/// A session file of `events` events in `pattern`, spread over `span_ms`.
pub fn session(pattern: Pattern, events: usize, span_ms: u64) -> String {
    let header = Header {
        hotseat: "bench".into(),
        scenario: "marathon".into(),
        title: "bench".into(),
        sha256: format::hash(LOOP),
        source: LOOP.into(),
        seed: 1,
        pace: Pace::Real,
        cols: 120,
        rows: 40,
        started: "2026-11-23T00:00:00Z".into(),
        judged_with: None,
    };
    let mut out =
        format!("{} {}\n{}\n", format::MAGIC, format::VERSION, serde_json::to_string(&header).expect("header"));
    let step = span_ms / events as u64;
    let mut prev = 0;
    for i in 0..events {
        let at = i as u64 * step;
        let kind = if i == 0 { EventKind::Start } else { pattern.kind(i) };
        let line = Line::Event(Event::new(at, kind));
        out.push_str(&format::encode(&line, prev).expect("encodes"));
        prev = at;
    }
    out
}

/// Writes `text` to a new file in `dir` and reads it back as a recording.
#[allow(dead_code)] // the export bench uses it, the replay bench times its own read
pub fn read(dir: &std::path::Path, name: &str, text: &str) -> hotseat::record::reader::Recording {
    let path = dir.join(format!("{name}.session"));
    std::fs::write(&path, text).expect("writes");
    hotseat::record::reader::read(&path).expect("reads")
}
