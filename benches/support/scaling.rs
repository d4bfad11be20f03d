//! The sizes a scaling bench runs at (`SESSIONS=1000,10000` by default)
//! and its linearity line: the per-session cost of the largest size
//! against the smallest, for the first (cold) and the warm run.

use std::time::Duration;

/// The sizes from `SESSIONS` (comma-separated), 1,000 and 10,000 without it.
pub fn sizes() -> Vec<usize> {
    std::env::var("SESSIONS")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// Measures each size with `measure` (first, warm) and prints how the
/// per-session cost moved from the smallest to the largest.
pub fn run(measure: impl Fn(usize) -> (Duration, Duration)) {
    let results: Vec<(usize, Duration, Duration)> = sizes()
        .iter()
        .map(|&n| {
            let (f, w) = measure(n);
            (n, f, w)
        })
        .collect();
    if let (Some(a), Some(b)) = (results.first(), results.last())
        && b.0 > a.0
    {
        let per = |d: Duration, n: usize| d.as_secs_f64() / n as f64;
        println!(
            "linearity ({} -> {} sessions): per-session cost x{:.2} first, x{:.2} warm (1.00 = linear)",
            a.0,
            b.0,
            per(b.1, b.0) / per(a.1, a.0),
            per(b.2, b.0) / per(a.2, a.0)
        );
    }
}
