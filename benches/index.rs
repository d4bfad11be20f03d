//! The session index (issue 17): `hotseat sessions --json` (the real
//! binary, release build) over N sessions of the bundled scenarios: the
//! first listing, which summarises every file into `index.sqlite3`, and a
//! warm one, which reads the index and looks at each file's size, time and
//! last bytes only. Run at several sizes to show the cost grows linearly.
//! Then a warm `hotseat progress --json` over the same sessions (issue 17
//! item 2): the same index read, plus the report and its JSON.
//!
//! Run: `cargo bench --bench index` (SESSIONS=1000,10000 by default;
//! SESSIONS=n or a comma-separated list to change it; INDEX_BENCH_KEEP=1
//! keeps the generated data directory, to profile a command over it).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/scaling.rs"]
mod scaling;
#[path = "support/session_gen.rs"]
mod session_gen;

/// Wall time of one `hotseat ARGS` over `data`.
fn run(data: &Path, args: &[&str]) -> Duration {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_hotseat"))
        .env("HOTSEAT_DATA_DIR", data)
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success());
    t.elapsed()
}

/// Median of `runs` warm runs of `hotseat ARGS`.
fn warm(data: &Path, runs: usize, args: &[&str]) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| run(data, args)).collect();
    times.sort();
    times[times.len() / 2]
}

/// (first listing, warm listing) over `n` sessions, and a warm progress.
fn measure(n: usize) -> (Duration, Duration) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().to_path_buf();
    // INDEX_BENCH_KEEP=1 keeps the data directory, to profile a command
    // over it afterwards.
    if std::env::var_os("INDEX_BENCH_KEEP").is_some() {
        println!("data directory kept: {}", tmp.keep().display());
    }
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let bundled = hotseat::library::BUNDLED;
    let mut bytes = 0;
    for i in 0..n {
        let (name, src) = bundled[i % bundled.len()];
        let text = session_gen::session(name, src, i, &format!("2026-11-{:02}T00:00:00Z", 1 + i % 28), None);
        bytes += text.len();
        let id = format!("20261123-{:06}-{}", i, name.trim_end_matches(".ron"));
        std::fs::write(dir.join(format!("{id}.session")), text).expect("writes");
    }
    let first = run(&data, &["sessions", "--json"]);
    let progress = warm(&data, 5, &["progress", "--json"]);
    let warm = warm(&data, 5, &["sessions", "--json"]);
    println!(
        "{n} sessions ({} MiB): first listing {:.0} ms ({:.2} ms per session); warm {:.0} ms ({:.1} µs per session)",
        bytes >> 20,
        first.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3 / n as f64,
        warm.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e6 / n as f64
    );
    println!(
        "{n} sessions: warm progress --json {:.0} ms ({:.1} µs per session)",
        progress.as_secs_f64() * 1e3,
        progress.as_secs_f64() * 1e6 / n as f64
    );
    (first, warm)
}

fn main() {
    scaling::run(measure);
}
