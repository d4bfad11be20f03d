//! Traps that travel with a scenario (issue 13, item 3): a scenario defines
//! a trap of its own and adapts a bundled one for its audience; routes and
//! the debrief use both; a recording of it opens with the same debrief in an
//! empty data dir; `check --traps FILE` checks against a team's catalogue.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/own-traps").join(name)
}

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// (id, title, example) of every trap in a debrief.
fn traps(d: &serde_json::Value) -> Vec<(String, String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    d["traps"].as_array().expect("traps").iter().map(|t| (s(&t["id"]), s(&t["title"]), s(&t["example"]))).collect()
}

#[test]
fn a_scenario_trap_routes_and_an_adapted_bundled_trap_speaks_to_its_audience() {
    let data = TempDir::new().expect("tempdir");
    let out = hotseat(data.path())
        .args(["playtest", "--json"])
        .arg(fixture("aws-bar-raiser.ron"))
        .arg("--answers")
        .arg(fixture("weak.ron"))
        .output()
        .expect("runs");
    let v = json(&out);
    assert_eq!(v["path"], serde_json::json!(["incident", "blame"]), "Trap(\"blames-others\") routed: {v}");
    let found = traps(&v["debrief"]);
    let own = found.iter().find(|t| t.0 == "blames-others").expect("the scenario's own trap is in the debrief");
    assert_eq!(own.1, "Blaming another team");
    let adapted = found.iter().find(|t| t.0 == "compliance-deferred-to-legal").expect("the adapted trap fires");
    assert_eq!(adapted.1, "Handing the audit to counsel", "the scenario's title replaces the bundled one");
    assert!(adapted.2.contains("SOC 2"), "and its example: {}", adapted.2);
}

#[test]
fn a_recorded_session_with_scenario_traps_opens_the_same_in_an_empty_data_dir() {
    let data = TempDir::new().expect("tempdir");
    let out = hotseat(data.path())
        .args(["playtest", "--record"])
        .arg(fixture("aws-bar-raiser.ron"))
        .arg("--answers")
        .arg(fixture("weak.ron"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = json(&hotseat(data.path()).args(["debrief", "--format", "json", "latest"]).output().expect("runs"));
    let bundle = TempDir::new().expect("bundle");
    let dest = bundle.path().join("b");
    let out = hotseat(data.path()).args(["export", "latest", "--bundle"]).arg(&dest).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::read_dir(&dest)
        .expect("bundle dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "session"))
        .expect("a session in the bundle");
    let empty = TempDir::new().expect("empty");
    let after = json(&hotseat(empty.path()).args(["debrief", "--format", "json"]).arg(&file).output().expect("runs"));
    assert_eq!(traps(&after), traps(&before));
    assert_eq!(after["verdict"], before["verdict"]);
}

#[test]
fn check_with_a_team_catalogue_knows_its_traps() {
    let dir = TempDir::new().expect("tempdir");
    let scenario = std::fs::read_to_string(fixture("aws-bar-raiser.ron"))
        .expect("fixture")
        .replace("Trap(\"blames-others\")", "Trap(\"hides-the-numbers\")");
    let sc = dir.path().join("s.ron");
    std::fs::write(&sc, scenario).expect("scenario");
    let team = dir.path().join("team-traps.ron");
    std::fs::write(
        &team,
        r#"Catalogue(traps: [(id: "hides-the-numbers", title: "t", why: "w", instead: "i", example: "e",
            detect: [(when: AnyOf(["can't share numbers"]))])])"#,
    )
    .expect("catalogue");

    let without = hotseat(dir.path()).arg("check").arg(&sc).output().expect("runs");
    assert_eq!(without.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&without.stdout).contains("unknown trap id \"hides-the-numbers\""));

    let with = hotseat(dir.path()).arg("check").arg(&sc).arg("--traps").arg(&team).output().expect("runs");
    let text = String::from_utf8_lossy(&with.stdout);
    assert_eq!(with.status.code(), Some(0), "{text}");
    assert!(text.contains("checked 2 files: 0 errors"), "the catalogue is checked too: {text}");

    let missing = hotseat(dir.path()).arg("check").arg(&sc).arg("--traps").arg(dir.path().join("nope.ron")).output();
    assert_eq!(missing.expect("runs").status.code(), Some(2), "an unreadable --traps file is a usage error");
}
