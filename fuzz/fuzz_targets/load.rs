//! Arbitrary bytes as a scenario file, the way `hotseat check` reads one:
//! load + validate with the bundled catalogue, render every diagnostic as
//! text and JSON; a scenario that checks clean must also compile (the
//! runtime's backstop must never be what catches a problem). The same
//! bytes also go through the trap-catalogue loader, as a user's
//! `traps.ron`, and a catalogue that loads is compiled into a detector.
#![no_main]

use hotseat::assess::Detector;
use hotseat::rules::{Answer, NoEnv};
use hotseat::scenario::diag::LineIndex;
use hotseat::scenario::load::check_bytes;
use hotseat::session::Compiled;
use hotseat_fuzz::{catalogue, is_slice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    scenario(data);
    if let Ok(text) = std::str::from_utf8(data) {
        trap_catalogue(text);
    }
});

fn scenario(data: &[u8]) {
    let cat = catalogue();
    let checked = check_bytes("fuzz.ron", data, cat);
    let lines = LineIndex::new(&checked.source);
    for d in &checked.diagnostics {
        assert!(d.line >= 1 && d.col >= 1, "diagnostic located at {}:{}: {d:?}", d.line, d.col);
        let shown = d.render(lines.line(d.line));
        assert_terminal_safe(&shown);
    }
    // `check --format json` prints all of them.
    assert!(serde_json::to_string(&checked.diagnostics).is_ok());
    if let Some(sc) = checked.runnable() {
        let compiled = Compiled::new(sc.clone(), cat.clone());
        assert!(compiled.is_ok(), "checked clean but does not compile: {:?}", compiled.err());
    }
}

fn trap_catalogue(text: &str) {
    let Ok(user) = hotseat::traps::parse("fuzz-traps.ron", text) else { return };
    let Ok(detector) = Detector::new(&user) else { return };
    for sample in ["We will figure it out later, maybe.", "我们大概会做得更好，100%没问题"] {
        let answer = Answer::new(sample);
        for f in detector.detect(&answer, &[], &NoEnv) {
            assert!(f.evidence.iter().all(|r| is_slice(sample, r)), "evidence out of the text: {f:?}");
        }
    }
}

/// What `check` prints must not carry a raw control character from the
/// file: only the newlines it puts there itself.
fn assert_terminal_safe(shown: &str) {
    if let Some(c) = shown.chars().find(|&c| hotseat::text::is_hazard(c)) {
        panic!("raw control U+{:04X} in check output: {shown:?}", c as u32);
    }
}
