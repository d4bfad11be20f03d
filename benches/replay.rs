//! Opening a synthetic 3-hour, 200,000-event recording (goal ≤250 ms) and
//! seeking in it, backward included (goal ≤50 ms per seek); and the bytes a
//! recording costs per typed character and per idle second.
//!
//! Run: `cargo bench --bench replay`

use std::time::{Duration, Instant};

use hotseat::record::format::{self, Header, Line};
use hotseat::record::replay::Replay;
use hotseat::session::{Event, EventKind, Key, KeyCode, Pace, Target};

/// A long session: answers typed and submitted every 400
/// events, one keystroke in `NOTES_EVERY` (default 50: about 4,000 characters,
/// two pages) going to the notes in lines of about 60 characters, spread
/// over three hours.
/// One question the candidate keeps answering until they say "finish":
/// the session stays live for all three hours.
const LOOP: &str = r#"Scenario(format: 1, id: "marathon", title: "Marathon", company: "Acme", role: "PM",
    language: En, difficulty: Hard, minutes: 180, persona: (name: "A", role: "B"), start: "q",
    nodes: [
        (id: "q", prompt: "Walk me through your numbers.", limit_s: 600, competencies: ["billing"],
         answer: FreeText(rules: [(when: AnyOf(["finish"]), next: "end")], default: (next: "q"))),
        (id: "end", answer: End(remarks: "Thanks.")),
    ])"#;

fn synthetic(events: usize) -> String {
    let (name, src) = ("marathon", LOOP);
    let header = Header {
        hotseat: "bench".into(),
        scenario: name.trim_end_matches(".ron").into(),
        title: "bench".into(),
        sha256: format::hash(src),
        source: src.into(),
        seed: 1,
        pace: Pace::Real,
        cols: 120,
        rows: 40,
        started: "2026-11-23T00:00:00Z".into(),
    };
    let mut out =
        format!("{} {}\n{}\n", format::MAGIC, format::VERSION, serde_json::to_string(&header).expect("header"));
    let step = 3 * 3600 * 1000 / events as u64;
    let mut prev = 0;
    let text = "We cut GPU cost per training hour from 31 to 22 yuan, keeping every checkpoint verifiable. ";
    let notes_every: usize = std::env::var("NOTES_EVERY").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    for i in 0..events {
        let at = i as u64 * step;
        let kind = match i {
            0 => EventKind::Start,
            _ if i % 400 == 0 => EventKind::Submit,
            // Notes in lines of about 60 characters, as people write them.
            _ if i % (notes_every * 60) == 0 => EventKind::Key(Target::Notes, Key::plain(KeyCode::Enter)),
            _ if i % notes_every == 0 => EventKind::Key(Target::Notes, Key::plain(KeyCode::Char('n'))),
            _ => {
                let c = text.chars().nth(i % text.chars().count()).unwrap_or('x');
                EventKind::Key(Target::Answer, Key::plain(KeyCode::Char(c)))
            }
        };
        let line = Line::Event(Event::new(at, kind));
        out.push_str(&format::encode(&line, prev).expect("encodes"));
        prev = at;
    }
    out
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.session");
    let n: usize = std::env::var("EVENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let text = synthetic(n);
    std::fs::write(&path, &text).expect("writes");

    let t = Instant::now();
    let rec = hotseat::record::reader::read(&path).expect("reads");
    let read = t.elapsed();
    let replay = Replay::new(rec).expect("replays");
    let open = t.elapsed();
    println!("  (reading and decoding the file: {:.1} ms)", read.as_secs_f64() * 1e3);
    let len = replay.display_len();
    let (first, last) = replay.span();
    println!("open 200,000 events ({} KiB, 3 h): {:.1} ms", text.len() / 1024, open.as_secs_f64() * 1e3);

    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    // Jump around: forward, backward, to the ends.
    let points: Vec<u64> = (0..50u64).map(|i| first + (i * 7919 % 9973) * (last - first) / 9973).collect();
    for &at in &points {
        let t = Instant::now();
        std::hint::black_box(replay.state_at(at));
        let e = t.elapsed();
        worst = worst.max(e);
        total += e;
    }
    println!(
        "seek (50 random points, backward included): mean {:.2} ms, worst {:.2} ms; display length {} s",
        total.as_secs_f64() * 1e3 / points.len() as f64,
        worst.as_secs_f64() * 1e3,
        len / 1000
    );

    // Bytes per typed character: 120 keystrokes at a typist's pace.
    let mut prev = 0;
    let typed: usize = (0..120)
        .map(|i| {
            let at = 1000 + i * 180;
            let line = Line::Event(Event::new(at, EventKind::Key(Target::Answer, Key::plain(KeyCode::Char('a')))));
            let n = format::encode(&line, prev).map_or(0, |s| s.len());
            prev = at;
            n
        })
        .sum();
    println!(
        "recording: {:.1} bytes per typed character; 0 bytes per idle second (ticks are not written)",
        typed as f64 / 120.0
    );
}
