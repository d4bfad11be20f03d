//! Listing recorded sessions (`hotseat sessions --json`, the real binary,
//! release build) over 1,000 sessions of the bundled scenarios; then the
//! same directory with one session holding a 100 KB answer, and with a
//! FIFO and a 70 MB file named `*.session` (which must cost nothing).
//!
//! Since the session index (issue 17) the first of the five runs builds
//! `index.sqlite3` and the median is a warm listing; `benches/index.rs`
//! measures the first (indexing) and warm listings apart.
//!
//! Run: `cargo bench --bench sessions` (SESSIONS=n to change the count).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/session_gen.rs"]
mod session_gen;

/// Median wall time of `runs` listings.
fn list(data: &Path, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_hotseat"))
                .env("HOTSEAT_DATA_DIR", data)
                .args(["sessions", "--json"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("runs");
            assert!(out.success());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let n: usize = std::env::var("SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("sessions");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let bundled = hotseat::library::BUNDLED;
    let mut bytes = 0;
    for i in 0..n {
        let (name, src) = bundled[i % bundled.len()];
        let text = session_gen::session(name, src, i, "2026-11-23T00:00:00Z", None);
        bytes += text.len();
        std::fs::write(dir.join(format!("20261123-{:06}-{}.session", i, name.trim_end_matches(".ron"))), text)
            .expect("writes");
    }
    let t = list(data.path(), 5);
    println!(
        "sessions --json, {n} sessions ({} MiB): {:.0} ms ({:.2} ms per session)",
        bytes >> 20,
        t.as_secs_f64() * 1e3,
        t.as_secs_f64() * 1e3 / n as f64
    );

    let (name, src) = bundled[0];
    let long: String = "we scaled the platform and it worked well for everyone involved ".repeat(1600);
    std::fs::write(
        dir.join("20261124-000000-long-answer.session"),
        session_gen::session(name, src, 0, "2026-11-23T00:00:00Z", Some(&long[..100_000])),
    )
    .expect("writes");
    let t = list(data.path(), 3);
    println!("  with one 100 KB answer among them: {:.0} ms", t.as_secs_f64() * 1e3);

    #[cfg(unix)]
    {
        let fifo =
            std::ffi::CString::new(dir.join("20261125-000000-fifo.session").to_str().expect("utf-8")).expect("no NUL");
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) };
    }
    let big = std::fs::File::create(dir.join("20261125-000001-huge.session")).expect("creates");
    big.set_len(70 << 20).expect("sparse");
    let t = list(data.path(), 3);
    println!("  and a FIFO and a 70 MB file named *.session: {:.0} ms", t.as_secs_f64() * 1e3);
}
