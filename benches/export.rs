//! `hotseat export --asciicast`: rendering a recording as an asciicast, in
//! memory. A realistic 20-minute session of 8,400 events (goal ≤ 1 s), the
//! 3-hour 200,000-event shape of the replay bench (goal ≤ 10 s), and sizes
//! in between to show the time grows linearly with the events.
//!
//! Run: `cargo bench --bench export`

use std::time::Instant;

use hotseat::record::replay::Replay;

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::Pattern;

fn export(dir: &std::path::Path, pattern: Pattern, n: usize, span_ms: u64) -> f64 {
    let rec = synthetic::read(dir, "export", &synthetic::session(pattern, n, span_ms));
    let t = Instant::now();
    let replay = Replay::new(rec).expect("replays");
    let mut out = std::io::sink();
    let mut counted = CountingWriter { inner: &mut out, bytes: 0 };
    let frames = hotseat::tui::export::asciicast(&replay, &mut counted).expect("exports");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{:<44} {n:>7} events over {:>4} min: {secs:>6.2} s, {frames} frames, {} KiB of cast ({:.1} µs per event)",
        pattern.name(),
        span_ms / 60_000,
        counted.bytes / 1024,
        secs * 1e6 / n as f64
    );
    secs
}

struct CountingWriter<'a, W: std::io::Write> {
    inner: &'a mut W,
    bytes: usize,
}

impl<W: std::io::Write> std::io::Write for CountingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    const MIN: u64 = 60 * 1000;
    export(dir.path(), Pattern::Realistic, 8_400, 20 * MIN);
    export(dir.path(), Pattern::Alternating, 8_400, 20 * MIN);
    let mut per_event = Vec::new();
    for n in [50_000, 100_000, 200_000] {
        // The same pace as the 3-hour session: 54 ms between events.
        let secs = export(dir.path(), Pattern::Mixed, n, 180 * MIN * n as u64 / 200_000);
        per_event.push(secs / n as f64);
    }
    let (lo, hi) = per_event.iter().fold((f64::MAX, 0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    println!("time per event from {:.1} to {:.1} µs (linear: a ratio near 1, here {:.2})", lo * 1e6, hi * 1e6, hi / lo);
    // The notes grow all session in this shape; two sizes show how the
    // time grows with them.
    for n in [100_000, 200_000] {
        export(dir.path(), Pattern::Alternating, n, 180 * MIN * n as u64 / 200_000);
    }
}
