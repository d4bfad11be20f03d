//! Opening a synthetic 3-hour, 200,000-event recording (goal ≤250 ms) and
//! seeking in it, backward included (goal ≤50 ms per seek), in several
//! typing patterns (one box, alternating boxes, many short answers, long
//! notes, a typist who corrects); and the bytes a recording costs per typed
//! character and per idle second.
//!
//! Run: `cargo bench --bench replay` (`EVENTS=50000` for other sizes)

use std::time::{Duration, Instant};

use hotseat::record::format::{self, Line};
use hotseat::record::replay::Replay;
use hotseat::session::{Event, EventKind, Key, KeyCode, Target};

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::Pattern;

/// Opens a session of `n` events in `pattern` and seeks in it; prints the
/// figures and returns the open time.
fn open_and_seek(dir: &std::path::Path, pattern: Pattern, n: usize, span_ms: u64) -> Duration {
    let text = synthetic::session(pattern, n, span_ms);
    let path = dir.join("big.session");
    std::fs::write(&path, &text).expect("writes");
    let t = Instant::now();
    let rec = hotseat::record::reader::read(&path).expect("reads");
    let read = t.elapsed();
    let replay = Replay::new(rec).expect("replays");
    let open = t.elapsed();
    let (first, last) = replay.span();
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
        "{:<44} {n:>7} events, {:>5} KiB: open {:>6.1} ms (read {:.1}); seek mean {:.2} ms, worst {:.2} ms",
        pattern.name(),
        text.len() / 1024,
        open.as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / points.len() as f64,
        worst.as_secs_f64() * 1e3,
    );
    open
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n: usize = std::env::var("EVENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    const HOURS_3: u64 = 3 * 3600 * 1000;
    println!("3-hour sessions (goal: open <= 250 ms, seek <= 50 ms, whatever the pattern):");
    let patterns = [
        Pattern::Mixed,
        Pattern::OneBox,
        Pattern::Alternating,
        Pattern::ShortAnswers,
        Pattern::LongNotes,
        Pattern::Realistic,
    ];
    let worst = patterns.iter().map(|&p| open_and_seek(dir.path(), p, n, HOURS_3)).max().unwrap_or_default();
    println!("worst open over the patterns: {:.1} ms", worst.as_secs_f64() * 1e3);
    println!("20-minute sessions:");
    open_and_seek(dir.path(), Pattern::Realistic, 8_400, 20 * 60 * 1000);
    open_and_seek(dir.path(), Pattern::Alternating, 8_400, 20 * 60 * 1000);

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
