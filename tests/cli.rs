//! The command line as a user meets it: `--version`, `help`, and `list`
//! with bundled and user scenarios.
//!
//! The bundled scenarios are still being written, so nothing here depends
//! on their number or content: only that they are listed as bundled, with
//! no path.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const EXAMPLE: &str = include_str!("../docs/example.ron");

const ROW_KEYS: [&str; 9] = ["id", "title", "path", "source", "language", "nodes", "minutes", "traps", "errors"];

/// `hotseat` with a private data directory and no extra scenario path.
#[path = "support/cli.rs"]
mod cli;
use cli::{describe, hotseat};

/// The example with its id changed, so it cannot clash with a bundled one.
fn scenario_with_id(id: &str) -> String {
    assert_eq!(EXAMPLE.matches("id: \"example\"").count(), 1, "test setup: docs/example.ron changed");
    EXAMPLE.replacen("id: \"example\"", &format!("id: \"{id}\""), 1)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dirs");
    std::fs::write(path, text).expect("write scenario");
}

/// Runs `list --json`, checks the row shape, and returns the rows.
fn list_json(cmd: &mut Command) -> Vec<Value> {
    let out = cmd.args(["list", "--json"]).output().expect("run hotseat");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let value: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("list --json is not JSON ({e})\n{}", describe(&out)));
    let rows = value.as_array().unwrap_or_else(|| panic!("not a JSON array: {value}")).clone();
    for row in &rows {
        let obj = row.as_object().unwrap_or_else(|| panic!("not an object: {row}"));
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut want = ROW_KEYS.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want, "wrong fields in {row}");
        assert!(obj["id"].is_string() && obj["title"].is_string(), "{row}");
        assert!(obj["path"].is_string() || obj["path"].is_null(), "{row}");
        assert!(matches!(obj["source"].as_str(), Some("bundled" | "user")), "{row}");
        assert!(obj["language"].is_string() || obj["language"].is_null(), "{row}");
        assert!(obj["nodes"].is_u64(), "{row}");
        assert!(obj["minutes"].is_u64() || obj["minutes"].is_null(), "{row}");
        assert!(obj["traps"].as_array().is_some_and(|t| t.iter().all(Value::is_string)), "{row}");
        assert!(obj["errors"].is_u64(), "{row}");
        if obj["source"] == "bundled" {
            assert!(obj["path"].is_null(), "bundled scenarios have no path: {row}");
        }
    }
    rows
}

fn user_rows(rows: &[Value]) -> Vec<&Value> {
    rows.iter().filter(|r| r["source"] == "user").collect()
}

fn row_at<'a>(rows: &'a [Value], path: &Path) -> &'a Value {
    let path = path.display().to_string();
    rows.iter().find(|r| r["path"] == path.as_str()).unwrap_or_else(|| panic!("no row with path {path} in {rows:#?}"))
}

#[test]
fn version_prints_the_crate_version() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("hotseat {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_commands() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).arg("help").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for word in ["Usage:", "check", "list"] {
        assert!(stdout.contains(word), "`hotseat help` lacks {word}:\n{stdout}");
    }

    let out = hotseat(data.path()).args(["help", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for flag in ["--format", "--deny-warnings", "--max-size"] {
        assert!(stdout.contains(flag), "`hotseat help check` lacks {flag}:\n{stdout}");
    }
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).arg("no-such-command").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(!out.stderr.is_empty());
}

#[test]
fn list_json_with_a_fresh_data_dir_lists_only_bundled_scenarios() {
    let data = TempDir::new().unwrap();
    let rows = list_json(&mut hotseat(data.path()));
    for row in &rows {
        assert_eq!(row["source"], "bundled", "{row}");
        assert!(row["path"].is_null(), "{row}");
    }
}

#[test]
fn list_table_with_a_fresh_data_dir() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().next().is_some_and(|l| l.starts_with("ID")), "no header:\n{stdout}");
    assert!(out.stderr.is_empty(), "{}", describe(&out));
}

/// Enough user scenarios, with long titles, that `list` writes far more
/// than a pipe holds, as a table or as JSON.
fn many_user_scenarios(data: &Path, n: usize) {
    let title = format!("title: \"{}\"", "Long title ".repeat(30));
    for i in 0..n {
        let text = scenario_with_id(&format!("pipe-test-{i}")).replacen("title: \"Example\"", &title, 1);
        write(&data.join(format!("scenarios/many/s{i:04}.ron")), &text);
    }
}

/// Runs `hotseat ARGS | head -c 10` through `sh -c`; returns the shell's
/// output and hotseat's own exit status.
fn into_closed_pipe(data: &Path, args: &str) -> (Output, String) {
    let status_file = data.join("hotseat-status");
    let script = format!("(\"$0\" {args}; echo $? > \"$1\") | head -c 10");
    let out = std::process::Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_hotseat")])
        .arg(&status_file)
        .env("HOTSEAT_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .output()
        .expect("run sh");
    let status = std::fs::read_to_string(&status_file).unwrap_or_default().trim().to_string();
    (out, status)
}

#[test]
fn list_into_a_closed_pipe_is_quiet() {
    let data = TempDir::new().unwrap();
    many_user_scenarios(data.path(), 400);
    for args in ["list --json", "list"] {
        // The setup is only a test if the output overflows the pipe buffer.
        let full = hotseat(data.path()).args(args.split(' ')).output().unwrap();
        assert!(full.stdout.len() > 128 * 1024, "{args}: only {} bytes, the pipe never fills", full.stdout.len());

        let (out, status) = into_closed_pipe(data.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args}: {}", describe(&out));
        assert_eq!(out.stdout.len(), 10, "{args}: head should pass 10 bytes: {}", describe(&out));
        assert!(out.stderr.is_empty(), "`hotseat {args} | head -c 10` printed to stderr:\n{}", describe(&out));
        assert_eq!(status, "0", "`hotseat {args}` into a closed pipe should exit 0");
    }
}

#[test]
fn a_user_scenario_in_a_subdirectory_is_listed_with_its_path() {
    let data = TempDir::new().unwrap();
    let path = data.path().join("scenarios/sub/mine.ron");
    write(&path, &scenario_with_id("my-own-scenario"));
    let rows = list_json(&mut hotseat(data.path()));
    assert_eq!(user_rows(&rows).len(), 1, "{rows:#?}");
    let row = row_at(&rows, &path);
    assert_eq!(row["id"], "my-own-scenario");
    assert_eq!(row["title"], "Example");
    assert_eq!(row["source"], "user");
    assert_eq!(row["language"], "en");
    assert_eq!(row["nodes"], 6);
    assert_eq!(row["minutes"], 10);
    assert_eq!(row["errors"], 0);
    assert!(row["traps"].as_array().is_some_and(|t| t.contains(&Value::from("tech-over-economics"))), "{row}");
}

#[test]
fn a_broken_user_scenario_is_listed_with_its_errors() {
    let data = TempDir::new().unwrap();
    let path = data.path().join("scenarios/broken.ron");
    write(&path, &EXAMPLE[..EXAMPLE.len() / 2]);
    let rows = list_json(&mut hotseat(data.path()));
    let row = row_at(&rows, &path);
    assert_eq!(row["source"], "user");
    assert_eq!(row["id"], "broken", "a file that does not parse is named by its stem");
    assert!(row["errors"].as_u64().is_some_and(|n| n >= 1), "{row}");
    assert_eq!(row["nodes"], 0);

    let out = hotseat(data.path()).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("broken ") && l.contains("error")), "{stdout}");
}

/// Two user files with one id; the second in path order is `b/two.ron`.
fn duplicate_ids(data: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let first = data.join("scenarios/a/one.ron");
    let second = data.join("scenarios/b/two.ron");
    write(&first, &scenario_with_id("same-id"));
    write(&second, &scenario_with_id("same-id"));
    (first, second)
}

#[test]
fn two_user_scenarios_with_one_id_mark_the_second() {
    let data = TempDir::new().unwrap();
    let (first, second) = duplicate_ids(data.path());
    let rows = list_json(&mut hotseat(data.path()));
    assert_eq!(row_at(&rows, &first)["errors"], 0, "{rows:#?}");
    assert!(row_at(&rows, &second)["errors"].as_u64().is_some_and(|n| n >= 1), "{rows:#?}");
}

#[test]
fn two_user_scenarios_with_one_id_are_both_named_in_the_table() {
    let data = TempDir::new().unwrap();
    let (first, second) = duplicate_ids(data.path());
    let out = hotseat(data.path()).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for path in [&first, &second] {
        assert!(stdout.contains(&path.display().to_string()), "the table should name {}:\n{stdout}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_the_data_dir_does_not_stop_list() {
    // `check DIR` reports what it cannot read; `list` lists what it can.
    let data = TempDir::new().unwrap();
    let good = data.path().join("scenarios/good.ron");
    write(&good, &scenario_with_id("still-listed"));
    std::os::unix::fs::symlink("nowhere.ron", data.path().join("scenarios/gone.ron")).expect("symlink");
    let rows = list_json(&mut hotseat(data.path()));
    assert_eq!(user_rows(&rows).len(), 1, "{rows:#?}");
    assert_eq!(row_at(&rows, &good)["id"], "still-listed");
}

#[test]
fn hotseat_scenario_path_searches_every_directory() {
    let data = TempDir::new().unwrap();
    let extra1 = TempDir::new().unwrap();
    let extra2 = TempDir::new().unwrap();
    let in_data = data.path().join("scenarios/home.ron");
    let in_1 = extra1.path().join("one.ron");
    let in_2 = extra2.path().join("nested/two.ron");
    write(&in_data, &scenario_with_id("from-data-dir"));
    write(&in_1, &scenario_with_id("from-path-one"));
    write(&in_2, &scenario_with_id("from-path-two"));
    let joined = format!("{}:{}", extra1.path().display(), extra2.path().display());

    let rows = list_json(hotseat(data.path()).env("HOTSEAT_SCENARIO_PATH", &joined));
    assert_eq!(user_rows(&rows).len(), 3, "{rows:#?}");
    for (path, id) in [(&in_data, "from-data-dir"), (&in_1, "from-path-one"), (&in_2, "from-path-two")] {
        let row = row_at(&rows, path);
        assert_eq!(row["id"], id);
        assert_eq!(row["source"], "user");
        assert_eq!(row["errors"], 0, "{row}");
    }
}

/// Whether `c` must never reach a terminal raw (as in tests/hostile.rs).
fn is_hazard(c: char) -> bool {
    (c < '\u{20}' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_no_hazards(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    if let Some(c) = text.chars().find(|&c| is_hazard(c)) {
        panic!("{what} has a raw U+{:04X}:\n{}", c as u32, text.escape_debug());
    }
}

/// A user scenario whose title and id carry terminal controls.
fn hostile_user_scenario(data: &Path) {
    let text = scenario_with_id("evil\u{1b}[2J\u{202e}").replacen(
        "title: \"Example\"",
        "title: \"\u{1b}]0;pwned\u{7}\u{202e}\u{9b}31m\u{7f}\"",
        1,
    );
    write(&data.join("scenarios/evil.ron"), &text);
}

#[test]
fn list_table_escapes_hostile_titles_and_ids() {
    let data = TempDir::new().unwrap();
    hostile_user_scenario(data.path());
    let out = hotseat(data.path()).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_no_hazards("list stdout", &out.stdout);
    assert_no_hazards("list stderr", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u{1b}"), "{}", describe(&out));
}

#[test]
fn list_json_escapes_hostile_titles_and_ids() {
    let data = TempDir::new().unwrap();
    hostile_user_scenario(data.path());
    let rows = list_json(&mut hotseat(data.path()));
    assert_eq!(user_rows(&rows).len(), 1, "{rows:#?}");
    let out = hotseat(data.path()).args(["list", "--json"]).output().unwrap();
    assert_no_hazards("list --json stdout", &out.stdout);
}

/// Issue 13, item 5: an answers file with a bare value or a misspelt kind
/// is told the forms an answer takes, at its line and column.
#[test]
fn playtest_answer_file_mistakes_name_the_answer_forms() {
    let data = TempDir::new().expect("tempdir");
    for (text, found) in [
        ("{\"start\": [Choice(1)]}", "found `1` where a field name belongs"),
        ("{\"start\": [Choise(pick: 1)]}", "Choise"),
    ] {
        let answers = data.path().join("answers.ron");
        std::fs::write(&answers, text).expect("write");
        let out = hotseat(data.path())
            .args(["playtest", "alibaba-cloud-pm", "--answers"])
            .arg(&answers)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        assert!(err.contains("answers.ron:1:") && err.contains(found), "{err}");
        assert!(err.contains("Choice(pick: 1)") && err.contains("Timeout"), "names the forms: {err}");
    }
}

/// Issue 13, item 6: the warnings `check` learnt (a `limit_s` on an End
/// node, a route whose limits exceed the session limit) pass a plain check
/// and fail one with `--deny-warnings`, like every other warning.
#[test]
fn new_check_warnings_fail_only_with_deny_warnings() {
    let data = TempDir::new().expect("tempdir");
    let cases = [
        ("(id: \"end-good\", answer: End(", "(id: \"end-good\", limit_s: 30, answer: End(", "limit_s"),
        ("session_limit_s: 900,", "session_limit_s: 300,", "longest route"),
    ];
    for (from, to, said) in cases {
        assert_eq!(EXAMPLE.matches(from).count(), 1, "test setup: docs/example.ron changed");
        let file = data.path().join("warn.ron");
        write(&file, &EXAMPLE.replacen(from, to, 1));
        let plain = hotseat(data.path()).arg("check").arg(&file).output().expect("runs");
        assert_eq!(plain.status.code(), Some(0), "{}", describe(&plain));
        assert!(String::from_utf8_lossy(&plain.stdout).contains(said), "{}", describe(&plain));
        let denied = hotseat(data.path()).args(["check", "--deny-warnings"]).arg(&file).output().expect("runs");
        assert_eq!(denied.status.code(), Some(1), "{}", describe(&denied));
    }
}

/// Issue 13, item 6: one id misspelt on two edges is one error in JSON
/// too, its other place and the problems it causes in `notes`; a
/// diagnostic without notes has no such field, as before.
#[test]
fn check_json_folds_consequences_into_notes() {
    let data = TempDir::new().expect("tempdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/66-id-typo-on-two-edges.ron");
    let out = hotseat(data.path()).args(["check", "--format", "json"]).arg(&fixture).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert_eq!(all.len(), 1, "{all:#?}");
    let notes = all[0]["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert!(notes[0].as_str().is_some_and(|n| n.contains("line 56")), "{notes:#?}");

    let plain = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/05-misspelled-field.ron");
    let out = hotseat(data.path()).args(["check", "--format", "json"]).arg(&plain).output().expect("runs");
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert!(all.iter().all(|d| d.get("notes").is_none()), "{all:#?}");
}

/// Issue 16, item 7: running a file that is not a scenario says so in one
/// plain sentence (it used to print RON parser jargon such as "Expected an
/// `#![enable(...)]` attribute", or "has errors" naming none).
#[test]
fn running_a_file_that_is_not_a_scenario_says_what_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text, expect) in [
        ("notes.md", "# My notes\nsome text\n", "this is not a hotseat scenario: it starts with `#`"),
        ("data.json", "{\"a\": 1}\n", "this is not a hotseat scenario: it starts with `{`"),
        ("list.yaml", "- a: 1\n", "this is not a hotseat scenario: it starts with `-`"),
        ("prose.ron", "hello there\n", "this is not a hotseat scenario: it starts with `hello`"),
        ("traps.ron", "Catalogue(traps: [])\n", "is not a scenario: it is a trap catalogue"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("writes");
        let out = hotseat(dir.path()).arg("run").arg(&path).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}");
        assert!(stderr.contains(expect), "{name}: {stderr}");
        assert!(!stderr.contains("enable("), "{name}: no parser jargon: {stderr}");
    }
}
