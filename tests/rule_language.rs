//! The richer rule language (issue 13, item 4) end to end, through
//! `hotseat check` and `hotseat playtest` on tests/fixtures/rules-features.ron,
//! which uses every part: named conditions, an extended signal, sentence
//! scope, prompt placeholders, a timed interjection, partial credit and a
//! wrap-up question at the session limit.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("hotseat runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{:?}\n{text}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    text
}

fn playtest(data: &Path, scenario: &Path, json: bool) -> String {
    let mut cmd = hotseat(data);
    cmd.arg("playtest").arg(scenario).arg("--answers").arg(fixture("rules-features-answers.ron"));
    if json {
        cmd.arg("--json");
    }
    stdout(&mut cmd)
}

#[test]
fn the_fixture_using_every_feature_checks_clean() {
    let data = TempDir::new().expect("temp dir");
    let out = stdout(hotseat(data.path()).arg("check").arg(fixture("rules-features.ron")));
    assert!(out.contains("checked 1 file: 0 errors, 0 warnings"), "{out}");
}

#[test]
fn playtest_text_shows_the_path_the_close_estimate_and_the_interjection() {
    let data = TempDir::new().expect("temp dir");
    let out = playtest(data.path(), &fixture("rules-features.ron"), false);
    // intro is vague in one sentence (a named condition) -> push; "I traced"
    // is ownership only by the scenario's own phrase -> quiz; the session
    // limit cuts `slow` short and asks the wrap-up, which closes on its end.
    assert!(out.starts_with("Path: intro → push → quiz → slow → wrap → end-wrap\n"), "{out}");
    assert!(out.contains("you gave 150,000 CNY: close (half credit)"), "{out}");
    assert!(out.contains("0 of 1 numeric questions right, 1 close (half credit)."), "{out}");
    assert!(out.contains("At question 1 (intro) the interviewer said: \"20 seconds -- land it\""), "{out}");
    assert!(out.contains("| 4 | slow | 01:30 | 02:00 | session-over |"), "{out}");
}

#[test]
fn playtest_json_has_the_questions_as_asked_with_their_placeholders_filled() {
    let data = TempDir::new().expect("temp dir");
    let out = playtest(data.path(), &fixture("rules-features.ron"), true);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let d = &v["debrief"];
    let asked: Vec<&str> =
        d["answers"].as_array().expect("answers").iter().filter_map(|a| a["question"].as_str()).collect();
    assert_eq!(asked[1], "You said \"It saved a lot of money.\" (vague answers: 1). Give me the number.");
    assert_eq!(asked[4], "We're out of time. One line: what would you do first? (Earlier: 150000)");
    assert_eq!(d["timeline"][0]["interjected"], "20 seconds -- land it");
    assert!(d["timeline"][1].get("interjected").is_none(), "a question answered early hears nothing");
    assert_eq!((d["numeric"][0]["correct"].as_bool(), d["numeric"][0]["close"].as_bool()), (Some(false), Some(true)));
    assert_eq!(d["ending"], "completed");
    assert_eq!(d["end_node"], "end-wrap");
}

#[test]
fn without_the_scenarios_own_signal_phrase_the_answer_is_not_ownership() {
    let data = TempDir::new().expect("temp dir");
    let src = std::fs::read_to_string(fixture("rules-features.ron")).expect("fixture");
    let plain = src.replace("    signals: {\"ownership\": [\"I traced\", \"I fixed\"]},\n", "");
    assert_ne!(plain, src, "test setup: the fixture's signals line changed");
    let path = data.path().join("plain.ron");
    std::fs::write(&path, plain).expect("write");
    let out = playtest(data.path(), &path, false);
    assert!(out.starts_with("Path: intro → push → slow → wrap → end-wrap\n"), "{out}");
}

#[test]
fn check_places_a_catalogues_misspelt_signal_and_condition_with_suggestions() {
    let data = TempDir::new().expect("temp dir");
    let path = data.path().join("my-traps.ron");
    let src = r#"Catalogue(
    conditions: {"blames-vendor": And([AnyOf(["the vendor"]), Not(Owns)])},
    signals: {"ownrship": ["I traced"]},
    traps: [
        (id: "vendor-blame", title: "t", why: "w", instead: "i", example: "e",
         detect: [(when: InSentence(Named("blames-vendr")))]),
    ],
)
"#;
    std::fs::write(&path, src).expect("write");
    let out = hotseat(data.path()).arg("check").arg(&path).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("my-traps.ron:3:15: error: unknown signal \"ownrship\""), "{text}");
    assert!(text.contains("my-traps.ron:6:43: error: unknown condition \"blames-vendr\""), "{text}");
    assert!(text.contains("did you mean \"ownership\"?") && text.contains("did you mean \"blames-vendor\"?"), "{text}");
}
