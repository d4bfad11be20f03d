//! Looking for user scenarios in directories a user does not control the
//! shape of: symbolic links along many paths to one file, overlapping
//! scenario directories, and trees too big to walk whole.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../docs/example.ron");

fn hotseat(data: &Path, scenario_path: &std::ffi::OsStr) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotseat"));
    cmd.env("HOTSEAT_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("HOTSEAT_SCENARIO_PATH", scenario_path)
        .timeout(std::time::Duration::from_secs(120));
    cmd
}

/// The user rows of `list --json`, and stderr.
fn user_rows(cmd: &mut Command) -> (Vec<Value>, String) {
    let out = cmd.args(["list", "--json"]).output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    let user = rows.into_iter().filter(|r| r["source"] == "user").collect();
    (user, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[path = "support/symlink_tree.rs"]
mod symlink_tree;
use symlink_tree::symlinked_tree;

#[test]
fn list_shows_a_file_reached_along_many_symlinked_paths_once_and_not_as_its_own_duplicate() {
    let data = tempfile::tempdir().expect("tempdir");
    let tree = tempfile::tempdir().expect("tempdir");
    let top = symlinked_tree(tree.path(), 7, EXAMPLE);
    let (rows, stderr) = user_rows(&mut hotseat(data.path(), top.as_os_str()));
    assert_eq!(rows.len(), 1, "one real file, one row: {} rows", rows.len());
    assert_eq!(rows[0]["errors"], 0, "{}", rows[0]);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn overlapping_scenario_dirs_list_each_real_file_once() {
    let data = tempfile::tempdir().expect("tempdir");
    let user = data.path().join("scenarios");
    std::fs::create_dir_all(user.join("sub")).expect("mkdir");
    std::fs::write(user.join("sub/mine.ron"), EXAMPLE).expect("write");
    let path = std::env::join_paths([user.clone(), user.join("sub"), user.join("sub/../sub")]).expect("joins");
    let (rows, _) = user_rows(&mut hotseat(data.path(), &path));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["errors"], 0, "{}", rows[0]);
}

#[test]
fn list_says_when_a_scenario_dir_is_too_big_to_walk_whole() {
    let data = tempfile::tempdir().expect("tempdir");
    let big = tempfile::tempdir().expect("tempdir");
    for i in 0..hotseat::library::MAX_ENTRIES + 10 {
        std::fs::File::create(big.path().join(format!("{i}.txt"))).expect("create");
    }
    let (rows, stderr) = user_rows(&mut hotseat(data.path(), big.path().as_os_str()));
    assert!(rows.is_empty());
    let shown = big.path().display().to_string();
    assert!(
        stderr.contains(&format!("hotseat: stopped looking for scenarios under {shown} after 10000 entries")),
        "{stderr}"
    );
}

#[test]
fn check_says_when_a_directory_is_too_big_to_walk_whole() {
    let data = tempfile::tempdir().expect("tempdir");
    let big = tempfile::tempdir().expect("tempdir");
    for i in 0..hotseat::library::MAX_ENTRIES + 10 {
        std::fs::File::create(big.path().join(format!("{i}.txt"))).expect("create");
    }
    let out = hotseat(data.path(), std::ffi::OsStr::new("")).arg("check").arg(big.path()).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stopped looking for scenarios under") && stderr.contains("10000 entries"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "not everything was checked: {stderr}");
}

/// A shared repository keeps its trap catalogue beside the scenarios: it is
/// not listed as a scenario (and so `run traps` never says "has errors").
#[test]
fn a_trap_catalogue_in_a_scenario_folder_is_not_listed_as_a_scenario() {
    let data = tempfile::TempDir::new().expect("tempdir");
    let repo = tempfile::TempDir::new().expect("tempdir");
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron")).expect("example");
    std::fs::write(repo.path().join("aws.ron"), example.replacen("id: \"example\"", "id: \"aws\"", 1)).expect("write");
    std::fs::write(
        repo.path().join("traps.ron"),
        "// The team's own traps.\nCatalogue(traps: [(id: \"blames-others\", title: \"t\", why: \"w\", instead: \"i\", example: \"e\", detect: [(when: AnyOf([\"dropped the ball\"]))])])",
    )
    .expect("write");
    let (rows, _) = user_rows(&mut hotseat(data.path(), repo.path().as_os_str()));
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["aws"], "only the scenario is listed");
}
