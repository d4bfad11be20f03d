//! `hotseat cohort DIR --json` (the real binary, release build) over N
//! synthetic sessions spread over 50 candidate bundles (each with its
//! `candidate.txt`) in one folder of bundles: the first run, which
//! summarises every file into `<data dir>/cohort.sqlite3`, and a warm
//! one, which reads the index and looks at each file's size, time and last
//! bytes only, then aggregates. Run at several sizes to show the cost
//! grows linearly.
//!
//! Run: `cargo bench --bench cohort` (SESSIONS=1000,10000 by default;
//! SESSIONS=n or a comma-separated list to change it).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/scaling.rs"]
mod scaling;
#[path = "support/session_gen.rs"]
mod session_gen;

/// Candidates the sessions are spread over.
const CANDIDATES: usize = 50;

/// Wall time of one `hotseat cohort DIR --json` with data dir `data`.
fn run(data: &Path, cohort: &Path) -> Duration {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_hotseat"))
        .env("HOTSEAT_DATA_DIR", data)
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .arg("cohort")
        .arg(cohort)
        .arg("--json")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success());
    t.elapsed()
}

/// (first run, median of 5 warm runs) over `n` sessions.
fn measure(n: usize) -> (Duration, Duration) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("coach");
    let cohort = tmp.path().join("cohort");
    let bundled = hotseat::library::BUNDLED;
    let mut bytes = 0;
    for c in 0..CANDIDATES {
        let dir = cohort.join(format!("bundle-{c:02}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("candidate.txt"), format!("Candidate {c}\n")).expect("writes");
    }
    for i in 0..n {
        let (name, src) = bundled[i % bundled.len()];
        // Half the answers fall into traps, so the table has cells.
        let weak = (i % 2 == 1).then_some("I think it will be much better, we should let sales handle it.");
        let text = session_gen::session(name, src, i, &format!("2026-11-{:02}T00:00:00Z", 1 + i % 28), weak);
        bytes += text.len();
        let id = format!("20261123-{:06}-{}", i, name.trim_end_matches(".ron"));
        let dir = cohort.join(format!("bundle-{:02}", i % CANDIDATES));
        std::fs::write(dir.join(format!("{id}.session")), text).expect("writes");
    }
    let first = run(&data, &cohort);
    let mut times: Vec<Duration> = (0..5).map(|_| run(&data, &cohort)).collect();
    times.sort();
    let warm = times[times.len() / 2];
    println!(
        "{n} sessions over {CANDIDATES} bundles ({} MiB): first cohort {:.0} ms ({:.2} ms per session); warm {:.0} ms ({:.1} µs per session)",
        bytes >> 20,
        first.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3 / n as f64,
        warm.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e6 / n as f64
    );
    (first, warm)
}

fn main() {
    scaling::run(measure);
}
