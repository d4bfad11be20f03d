//! `hotseat check` on playtest answers files (issue 13, item 5): told
//! apart from scenarios by content, parsed with located errors and hints,
//! and checked against the scenario they answer, given with `--scenario`
//! or by the playtests' naming, `<scenario-id>.<label>.ron`.

use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

const EXAMPLE: &str = include_str!("../docs/example.ron");

#[path = "support/cli.rs"]
mod cli;
use cli::{describe, hotseat};

fn check(data: &Path, args: &[&str]) -> (Output, String) {
    let out = hotseat(data).arg("check").args(args).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out, stdout)
}

/// Answers against the example: each mistake at its answer, in the
/// scenario's terms (ids, option numbers, labels, talking points).
#[test]
fn answers_are_checked_against_the_scenario_given() {
    let dir = TempDir::new().expect("tempdir");
    let scenario = dir.path().join("example.ron");
    std::fs::write(&scenario, EXAMPLE).expect("write");
    // Not named .ron, nor after the scenario: recognised by content.
    let answers = dir.path().join("answers.txt");
    let text = "// a script\n{\n  \"intro\": [Number(value: 1)],\n  \"pressure\": [Choice(pick: 3)],\n  \
                \"spoken\": [Spoken(points: [1, 5])],\n  \"quizz\": [Pass()],\n  \"quiz\": [Number(value: 33.3)],\n}\n";
    std::fs::write(&answers, text).expect("write");
    let (out, stdout) =
        check(dir.path(), &[answers.to_str().expect("utf-8"), "--scenario", scenario.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    for want in [
        "answers.txt:3:13: error: node \"intro\" is a FreeText question: this answer does not fit it",
        "help: answer it with Text(text: \"...\"), or Pass() / Timeout",
        "answers.txt:4:29: error: node \"pressure\" has 2 options: there is no option 3",
        "answers.txt:5:33: error: node \"spoken\" has 2 talking points: there is no point 5",
        "answers.txt:6:3: error: unknown node id \"quizz\"",
        "help: did you mean \"quiz\"?",
        "checked 1 file: 4 errors, 0 warnings",
    ] {
        assert!(stdout.contains(want), "missing {want:?}\n{}", describe(&out));
    }
}

/// An answers file named for a bundled scenario, as the playtests are, is
/// checked against it with no flag; the bundled playtests are clean.
#[test]
fn answers_named_for_a_scenario_are_checked_against_it() {
    let data = TempDir::new().expect("tempdir");
    let playtests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests");
    let (out, stdout) = check(data.path(), &[playtests.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(stdout.contains("0 errors, 0 warnings"), "{}", describe(&out));

    let strong = std::fs::read_to_string(playtests.join("alibaba-cloud-pm.strong.ron")).expect("read");
    let first_key = strong.split('"').nth(1).expect("a node id").to_string();
    let typo = strong.replacen(&format!("\"{first_key}\""), &format!("\"{first_key}x\""), 1);
    let file = data.path().join("alibaba-cloud-pm.typo.ron");
    std::fs::write(&file, typo).expect("write");
    let (out, stdout) = check(data.path(), &[file.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(stdout.contains(&format!("error: unknown node id \"{first_key}x\"")), "{}", describe(&out));
    assert!(stdout.contains(&format!("did you mean \"{first_key}\"?")), "{}", describe(&out));
}

/// A syntax mistake in an answers file gets the same located lessons as
/// a scenario, in answers' terms, never the scenario's ("expected `(` to
/// start the scenario"); with no scenario known the file is checked alone.
#[test]
fn answers_syntax_errors_are_located_and_taught() {
    let data = TempDir::new().expect("tempdir");
    let file = data.path().join("mine.ron");
    for (text, want, help) in [
        (
            "{\n  \"intro\": [Choice(1)],\n}",
            "mine.ron:2:20: error: found `1` where a field name belongs",
            "Choice(pick: 1)",
        ),
        (
            "{\n  \"intro\": [Text(text: \"say \"no\" now\")],\n}",
            "mine.ron:2:29: error: this `\"` ends the string early",
            r#"Text(text: "say \"no\" now")"#,
        ),
        ("{\n  \"intro\": [Txt(text: \"x\")],\n}", "mine.ron:2:13: error: unknown answer kind \"Txt\"", "Timeout"),
    ] {
        std::fs::write(&file, text).expect("write");
        let (out, stdout) = check(data.path(), &[file.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        assert!(stdout.contains(want) && stdout.contains(help), "want {want:?} and {help:?}\n{}", describe(&out));
        assert!(!stdout.contains("scenario"), "speaks of a scenario:\n{}", describe(&out));
    }
}
