//! A realistic short recorded session for the listing and index benches:
//! about 600 keystrokes over three answers, some notes, a quit. Included
//! with `#[path = "support/session_gen.rs"] mod session_gen;`.

#![allow(dead_code)]

use hotseat::record::format::{self, EndStatus, Header, Line};
use hotseat::session::{Event, EventKind, Key, KeyCode, Pace, Target};

/// The session file's text for bundled scenario file `name` (source
/// `src`), number `i`, started at `started`, with `answer` pasted into the
/// first answer when given.
pub fn session(name: &str, src: &str, i: usize, started: &str, answer: Option<&str>) -> String {
    let header = Header {
        hotseat: "bench".into(),
        scenario: name.trim_end_matches(".ron").into(),
        title: "bench".into(),
        sha256: format::hash(src),
        source: src.into(),
        seed: i as u64,
        pace: Pace::Real,
        cols: 120,
        rows: 40,
        started: started.into(),
        judged_with: None,
    };
    let mut lines = vec![Line::Event(Event::new(0, EventKind::Start))];
    let text = "We cut GPU cost per training hour from 31 to 22 yuan, because idle capacity was the biggest line. ";
    let mut at = 0;
    for q in 0..3 {
        if let (0, Some(a)) = (q, answer) {
            at += 1000;
            lines.push(Line::Event(Event::new(at, EventKind::Paste(Target::Answer, a.into()))));
        }
        for (k, c) in text.chars().cycle().take(200).enumerate() {
            at += 150;
            let target = if k % 40 == 39 { Target::Notes } else { Target::Answer };
            lines.push(Line::Event(Event::new(at, EventKind::Key(target, Key::plain(KeyCode::Char(c))))));
        }
        at += 500;
        lines.push(Line::Event(Event::new(at, EventKind::Submit)));
    }
    at += 1000;
    lines.push(Line::Event(Event::new(at, EventKind::Quit)));
    lines.push(Line::End { at_ms: at, status: EndStatus::Quit });
    let mut out = format!("{} {}\n{}\n", format::MAGIC, format::VERSION, serde_json::to_string(&header).expect("json"));
    let mut prev = 0;
    for l in &lines {
        out.push_str(&format::encode(l, prev).expect("encodes"));
        prev = l.at_ms();
    }
    out
}
