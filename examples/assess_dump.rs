//! Everything the detector says about many answers, one JSON line each:
//! what `hotseat assess --json` reports (findings with their evidence, the
//! signals) plus each trap's verdict by its rules alone (what routing and
//! `Trap(...)` conditions see). `tools/assess_baseline.py` runs it to check
//! that a change to the rule engine changes no result, in one process
//! instead of one per answer.
//!
//! Run: `cargo run --release --example assess_dump < answers.json`, where
//! `answers.json` is a JSON array of strings.

use std::io::{Read, Write};

use hotseat::assess::Detector;
use hotseat::rules::{Answer, NoEnv};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let answers: Vec<String> = serde_json::from_str(&input)?;
    let (cat, _) = hotseat::traps::load(None);
    let detector = Detector::new(&cat)?;
    let ids: Vec<&str> = cat.ids().collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in &answers {
        let answer = Answer::new(text);
        let findings: Vec<_> = detector
            .detect(&answer, &[], &NoEnv)
            .into_iter()
            .map(|f| (f.id, f.evidence.into_iter().map(|r| (r.start, r.end)).collect::<Vec<_>>()))
            .collect();
        let rules: Vec<_> = ids
            .iter()
            .filter_map(|id| {
                let ev = detector.check(id, &answer, &[], &NoEnv)?;
                Some((*id, ev.into_iter().map(|r| (r.start, r.end)).collect::<Vec<_>>()))
            })
            .collect();
        let line = serde_json::json!({ "findings": findings, "rules": rules, "signals": answer.signals });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
