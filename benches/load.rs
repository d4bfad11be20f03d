//! Loads and validates generated scenarios of 10,000 and 20,000 nodes and
//! prints the median time of each and their ratio (goal: ≤300 ms for
//! 10,000 nodes, and doubling the size at most 2.3× the time).
//!
//! Run: `cargo bench --bench load`

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use hotseat::scenario::load::check_bytes;

/// A chain of FreeText questions, each with two phrase rules, a regex rule,
/// a timeout branch and a variable, ending in two end nodes: the shape of a
/// real scenario, only longer.
fn generate(nodes: usize) -> String {
    let mut s = String::from(
        "Scenario(format: 1, id: \"big\", title: \"Big\", company: \"Acme\", role: \"PM\", language: En,\n\
         difficulty: Hard, minutes: 60, persona: (name: \"A\", role: \"B\"), start: \"n0\", nodes: [\n",
    );
    for i in 0..nodes {
        let next = if i + 1 < nodes { format!("n{}", i + 1) } else { "end-a".into() };
        let _ = write!(
            s,
            "  (id: \"n{i}\", context: \"Context {i}\", prompt: \"Question {i}: how would you price it?\", limit_s: 120,\n\
             \x20  on_timeout: Goto(\"{next}\"), competencies: [\"billing\"], traps: [\"vague-ask\"],\n\
             \x20  talking_points: [\"margin\", \"commitment\"], model_answer: \"A model answer.\",\n\
             \x20  answer: FreeText(rules: [\n\
             \x20    (when: And([AnyOf([\"legal\", \"法务\"]), Not(Owns)]), next: \"end-b\", set: [Add(\"dodges\", 1)]),\n\
             \x20    (when: And([Money, Var(\"dodges\", AtLeast(1))]), next: \"{next}\"),\n\
             \x20    (when: Regex(\"commit(ment|ted)\\\\s+spend{i}\"), next: \"{next}\"),\n\
             \x20  ], default: (next: \"{next}\"))),\n"
        );
    }
    s.push_str("  (id: \"end-a\", answer: End(remarks: \"Thanks.\")),\n  (id: \"end-b\", answer: End(remarks: \"Stop.\")),\n])\n");
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(src: &str, runs: usize) -> Duration {
    let (cat, _) = hotseat::traps::load(None);
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let checked = check_bytes("big.ron", src.as_bytes(), &cat);
            let elapsed = t.elapsed();
            assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics.first());
            elapsed
        })
        .collect();
    median(times)
}

fn main() {
    if let Some(path) = std::env::args().nth(1).filter(|a| a.starts_with("--write=")) {
        let _ = std::fs::write(&path["--write=".len()..], generate(10_000));
        return;
    }
    let small = generate(10_000);
    let large = generate(20_000);
    time(&small, 1); // warm up
    let a = time(&small, 9);
    let b = time(&large, 9);
    println!("load+validate 10,000 nodes ({} KiB): median {:.1} ms", small.len() / 1024, a.as_secs_f64() * 1e3);
    println!("load+validate 20,000 nodes ({} KiB): median {:.1} ms", large.len() / 1024, b.as_secs_f64() * 1e3);
    println!("ratio 20k/10k: {:.2}x", b.as_secs_f64() / a.as_secs_f64());
}
