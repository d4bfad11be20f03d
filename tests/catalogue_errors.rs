//! A broken user catalogue never fails silently and never turns off the
//! other traps (issue 13, item 1): one trap with a regex that does not
//! compile is left out and named on every command; the bundled traps and
//! the user's valid traps keep working.

use std::path::Path;

use tempfile::TempDir;

const USER_TRAPS: &str = r#"Catalogue(traps: [
    (id: "blames-others", title: "Blaming another team", why: "w", instead: "i", example: "e",
     detect: [(when: AnyOf(["dropped the ball"]))]),
    (id: "broken", title: "Broken", why: "w", instead: "i", example: "e",
     detect: [(when: Regex("(unclosed"))]),
])"#;

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

fn data_dir() -> TempDir {
    let dir = TempDir::new().expect("tempdir");
    std::fs::write(dir.path().join("traps.ron"), USER_TRAPS).expect("catalogue");
    dir
}

#[test]
fn a_bad_regex_leaves_out_its_trap_and_every_other_trap_still_fires() {
    let dir = data_dir();
    let out = hotseat(dir.path())
        .args(["assess", "--json", "Legal will handle the residency question. The other team dropped the ball."])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"broken\"") && stderr.contains("left out"), "the error is named: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = v["traps"].as_array().expect("traps").iter().filter_map(|t| t["id"].as_str()).collect();
    assert!(ids.contains(&"compliance-deferred-to-legal"), "a bundled trap still fires: {ids:?}");
    assert!(ids.contains(&"blames-others"), "the user's valid trap still fires: {ids:?}");
}

#[test]
fn the_bundled_traps_still_fire_in_playtest_and_it_names_the_error() {
    let dir = data_dir();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = hotseat(dir.path())
        .args(["playtest", "--json", "alibaba-cloud-pm", "--answers"])
        .arg(root.join("tests/playtests/alibaba-cloud-pm.weak.ron"))
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"broken\""));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["debrief"]["trap_count"].as_u64().unwrap_or(0) >= 3, "bundled traps fire: {}", v["debrief"]);
}

#[test]
fn every_command_names_the_catalogue_error() {
    let dir = data_dir();
    for args in [&["list"][..], &["sessions"], &["check", "alibaba-cloud-pm"], &["stats", "alibaba-cloud-pm"]] {
        let out = hotseat(dir.path()).args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("\"broken\""), "{args:?} names the broken trap: {stderr}");
    }
}
