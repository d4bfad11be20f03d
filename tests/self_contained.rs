//! Sessions open anywhere and never change (issue 13, item 2): a session
//! records the traps it is judged with, so deleting or editing the user's
//! `traps.ron` afterwards changes no debrief, and a bundle opens with the
//! same debrief in an empty data directory.

use std::path::Path;

use tempfile::TempDir;

/// A user trap that the weak playtest answers fall into.
const USER_TRAPS: &str = r#"Catalogue(traps: [
    (id: "vague-about-impact", title: "Impact without numbers", why: "w", instead: "i", example: "e",
     detect: [(when: AnyOf(["improved significantly"]))]),
])"#;

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

fn debrief_json(data: &Path, id: &str) -> serde_json::Value {
    let out = hotseat(data).args(["debrief", "--format", "json", id]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn trap_ids(d: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> =
        d["traps"].as_array().expect("traps").iter().filter_map(|t| t["id"].as_str().map(str::to_string)).collect();
    ids.sort();
    ids
}

/// Records the weak playtest with the user's traps in force; returns its id.
fn record(data: &Path) -> String {
    std::fs::write(data.join("traps.ron"), USER_TRAPS).expect("catalogue");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = hotseat(data)
        .args(["playtest", "--record", "alibaba-cloud-pm", "--answers"])
        .arg(root.join("tests/playtests/alibaba-cloud-pm.weak.ron"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sessions = data.join("sessions");
    let file = std::fs::read_dir(&sessions).expect("sessions").flatten().next().expect("one session").path();
    file.file_stem().and_then(|s| s.to_str()).expect("id").to_string()
}

#[test]
fn deleting_or_editing_traps_ron_changes_no_debrief_of_a_recorded_session() {
    let dir = TempDir::new().expect("tempdir");
    let id = record(dir.path());
    let before = debrief_json(dir.path(), &id);
    assert!(
        trap_ids(&before).iter().any(|t| t == "vague-about-impact"),
        "the user trap fired: {:?}",
        trap_ids(&before)
    );

    std::fs::remove_file(dir.path().join("traps.ron")).expect("deleted");
    assert_eq!(debrief_json(dir.path(), &id), before, "deleting traps.ron changes nothing");

    let edited = USER_TRAPS.replace("improved significantly", "no such words anywhere");
    std::fs::write(dir.path().join("traps.ron"), edited).expect("edited");
    assert_eq!(debrief_json(dir.path(), &id), before, "editing traps.ron changes nothing");
}

#[test]
fn a_bundle_opens_with_the_same_debrief_in_an_empty_data_dir() {
    let dir = TempDir::new().expect("tempdir");
    let id = record(dir.path());
    let before = debrief_json(dir.path(), &id);
    let bundle = TempDir::new().expect("bundle dir");
    let out =
        hotseat(dir.path()).args(["export", "--bundle"]).arg(bundle.path().join("b")).arg(&id).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let elsewhere = TempDir::new().expect("empty data dir");
    let file = bundle.path().join("b").join(format!("{id}.session"));
    let out = hotseat(elsewhere.path()).args(["debrief", "--format", "json"]).arg(&file).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(trap_ids(&after), trap_ids(&before));
    assert_eq!(after["score"], before["score"]);
    assert_eq!(after["verdict"], before["verdict"]);
}

/// Issue 16, item 7: `export --markdown` into a directory that does not
/// exist fails like the asciicast export does (it used to create the
/// directories silently), and on success says where it wrote.
#[test]
fn export_markdown_confirms_and_never_creates_directories() {
    let dir = TempDir::new().expect("tempdir");
    let id = record(dir.path());
    let missing = dir.path().join("no/such/dir/x.md");
    let out = hotseat(dir.path()).args(["export", &id, "--markdown"]).arg(&missing).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.path().join("no").exists(), "no directory was created");
    let md = dir.path().join("x.md");
    let out = hotseat(dir.path()).args(["export", &id, "--markdown"]).arg(&md).output().expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote the debrief to"));
    assert!(std::fs::read_to_string(&md).expect("written").starts_with("# Debrief"));
}
