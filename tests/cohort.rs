//! `hotseat cohort`: bundles made the way a candidate makes them
//! (`playtest --record`, then `export --bundle --candidate`), read back as
//! a coach: the tables, `--json`, `--csv` and `--format md`; candidates
//! named by `candidate.txt` or by folder; hostile names and quotes;
//! missing paths and damaged files; and the cohort index.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/drill.rs"]
mod drill;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cli::{describe, hotseat};
use serde_json::Value;

/// Records `scenario` played with its `kind` (weak or strong) answers in
/// the data directory `data`, and returns the new session's id.
fn record(data: &Path, scenario: &str, kind: &str) -> String {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/playtests/{scenario}.{kind}.ron"));
    let out = hotseat(data).args(["playtest", scenario, "--record", "--answers"]).arg(&answers).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    let path = err.lines().find_map(|l| l.strip_prefix("hotseat: recorded ")).expect("says where it recorded");
    Path::new(path.trim()).file_stem().expect("a name").to_string_lossy().into_owned()
}

/// Exports session `id` of `data` into the bundle `dir`, naming the
/// candidate when `who` is given.
fn export(data: &Path, id: &str, dir: &Path, who: Option<&str>) {
    let mut cmd = hotseat(data);
    cmd.args(["export", id, "--bundle"]).arg(dir);
    if let Some(who) = who {
        cmd.args(["--candidate", who]);
    }
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
}

/// A cohort made once for the tests that only read it: Ann (weak
/// answers to two scenarios, named by candidate.txt), Bob (strong
/// answers, named by candidate.txt) and a folder-named bundle `cy` (weak
/// and strong offer negotiation). Returns the folder of bundles and the
/// candidates' data directories.
struct Made {
    _tmp: tempfile::TempDir,
    cohort: PathBuf,
    /// (candidate data dir, session id, candidate name) of each session.
    /// Ids alone are not unique across candidates: two recorded in the
    /// same second of the same scenario share one.
    sessions: Vec<(PathBuf, String, String)>,
}

static COHORT: LazyLock<Made> = LazyLock::new(|| {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cohort = tmp.path().join("cohort");
    let mut sessions = Vec::new();
    for (who, dir, named, plays) in [
        ("ann", "ann-bundle", Some("Ann Lee"), [("alibaba-cloud-pm", "weak"), ("offer-negotiation", "weak")]),
        ("bob", "bob-bundle", Some("Bob Li"), [("alibaba-cloud-pm", "strong"), ("offer-negotiation", "strong")]),
        ("cy", "cy", None, [("offer-negotiation", "weak"), ("offer-negotiation", "strong")]),
    ] {
        let data = tmp.path().join(who);
        for (scenario, kind) in plays {
            let id = record(&data, scenario, kind);
            export(&data, &id, &cohort.join(dir), named);
            sessions.push((data.clone(), id, named.unwrap_or(dir).to_string()));
        }
    }
    Made { _tmp: tmp, cohort, sessions }
});

fn run(data: &Path, args: &[&str], paths: &[&Path]) -> std::process::Output {
    let mut cmd = hotseat(data);
    cmd.arg("cohort").args(paths).args(args);
    cmd.output().expect("runs")
}

fn json(data: &Path, paths: &[&Path]) -> Value {
    let out = run(data, &["--json"], paths);
    assert!(out.status.success(), "{}", describe(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn json_counts_every_trap_exactly_as_each_sessions_debrief_does() {
    let coach = tempfile::tempdir().expect("tempdir");
    let c = json(coach.path(), &[&COHORT.cohort]);
    let names: Vec<&str> =
        c["candidates"].as_array().expect("list").iter().map(|k| k["name"].as_str().expect("name")).collect();
    assert_eq!(names, ["Ann Lee", "Bob Li", "cy"]);
    assert_eq!(c["sessions"].as_array().expect("list").len(), 6);
    assert_eq!(c["damaged"], 0);
    for key in ["candidates", "traps", "questions", "endings", "sessions"] {
        assert!(c[key].is_array(), "{key} is a list");
    }
    // Per session, the traps as the debrief lists them.
    for (data, id, who) in &COHORT.sessions {
        let out = hotseat(data).args(["debrief", id, "--format", "json"]).output().expect("runs");
        let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let mut debrief: Vec<(String, String)> = d["traps"]
            .as_array()
            .expect("list")
            .iter()
            .map(|t| (t["id"].as_str().expect("id").to_string(), t["node"].as_str().expect("node").to_string()))
            .collect();
        debrief.sort();
        let row = c["sessions"]
            .as_array()
            .expect("list")
            .iter()
            .find(|s| s["id"] == id.as_str() && s["candidate"] == who.as_str())
            .expect("listed");
        let mut ours: Vec<(String, String)> = Vec::new();
        for t in row["traps"].as_array().expect("list") {
            for _ in 0..t["count"].as_u64().expect("count") {
                ours.push((t["trap"].as_str().expect("trap").into(), t["node"].as_str().expect("node").into()));
            }
        }
        ours.sort();
        assert_eq!(ours, debrief, "session {id}");
        assert_eq!(row["verdict"], d["verdict"], "session {id}");
        assert_eq!(row["end_node"], d["end_node"], "session {id}");
    }
    // The candidate × trap cells and the trap totals add up.
    let mut total = 0;
    for t in c["traps"].as_array().expect("list") {
        let trap = t["trap"].as_str().expect("id");
        let cells: u64 = c["candidates"]
            .as_array()
            .expect("list")
            .iter()
            .flat_map(|k| k["falls"].as_array().expect("list"))
            .filter(|f| f["trap"] == trap)
            .map(|f| f["count"].as_u64().expect("count"))
            .sum();
        assert_eq!(cells, t["occurrences"].as_u64().expect("n"), "{trap}");
        assert_eq!(t["candidates"], 3);
        total += cells;
    }
    assert!(total > 5, "the weak runs fell into traps");
    // Bob's strong runs fell into fewer traps than Ann's weak ones.
    let falls = |i: usize| -> u64 {
        c["candidates"][i]["falls"].as_array().expect("list").iter().map(|f| f["count"].as_u64().expect("n")).sum()
    };
    assert!(falls(1) < falls(0), "strong {} < weak {}", falls(1), falls(0));
}

#[test]
fn csv_has_a_row_per_trap_and_question_and_one_per_clean_session() {
    let coach = tempfile::tempdir().expect("tempdir");
    let c = json(coach.path(), &[&COHORT.cohort]);
    let out = run(coach.path(), &["--csv"], &[&COHORT.cohort]);
    assert!(out.status.success(), "{}", describe(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = text.split('\n');
    assert_eq!(
        lines.next(),
        Some("candidate,session,scenario,started,status,verdict,score,ending,end_node,trap,node,count,quote")
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let expected: usize =
        c["sessions"].as_array().expect("list").iter().map(|s| s["traps"].as_array().expect("list").len().max(1)).sum();
    assert_eq!(rows.len(), expected, "{text}");
    assert!(text.ends_with('\n') && !text.contains('\r'));
    assert!(rows.iter().all(|r| r.starts_with("Ann Lee,") || r.starts_with("Bob Li,") || r.starts_with("cy,")));
}

#[test]
fn text_and_markdown_show_the_four_tables() {
    let coach = tempfile::tempdir().expect("tempdir");
    let out = run(coach.path(), &[], &[&COHORT.cohort]);
    assert!(out.status.success(), "{}", describe(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("3 candidates, 6 sessions\n"), "{text}");
    for heading in [
        "Falls per trap and candidate",
        "Trap frequency across the cohort",
        "Time per question",
        "Where candidates end",
    ] {
        assert!(text.contains(&format!("\n{heading}\n")), "{heading} in\n{text}");
    }
    let header = text.lines().find(|l| l.starts_with("Trap ") && l.contains("Ann Lee")).expect("the table header");
    assert!(header.ends_with("Ann Lee  Bob Li  cy"), "{header:?}");
    let md = run(coach.path(), &["--format", "md"], &[&COHORT.cohort]);
    let md = String::from_utf8(md.stdout).expect("UTF-8");
    assert!(md.starts_with("# Cohort\n\n3 candidates, 6 sessions\n"), "{md}");
    assert!(md.contains("| Trap | Ann Lee | Bob Li | cy |\n| --- | ---: | ---: | ---: |\n"), "{md}");
    assert!(md.contains("## Where candidates end"), "{md}");
    let zh = hotseat(coach.path()).env("HOTSEAT_LANG", "zh").arg("cohort").arg(&COHORT.cohort).output().expect("runs");
    let zh = String::from_utf8(zh.stdout).expect("UTF-8");
    assert!(zh.starts_with("3 位候选人，6 场会话\n"), "{zh}");
    assert!(zh.contains("每道题的用时"), "{zh}");
}

#[test]
fn a_bundle_named_directly_uses_its_candidate_file_and_bundles_of_one_name_merge() {
    let coach = tempfile::tempdir().expect("tempdir");
    let ann = COHORT.cohort.join("ann-bundle");
    let c = json(coach.path(), &[&ann]);
    assert_eq!(c["candidates"][0]["name"], "Ann Lee");
    // Another folder naming the same candidate merges into one row.
    let tmp = tempfile::tempdir().expect("tempdir");
    let other = tmp.path().join("ann-again");
    std::fs::create_dir(&other).expect("mkdir");
    let (data, id, _) = &COHORT.sessions[2];
    std::fs::copy(data.join(format!("sessions/{id}.session")), other.join(format!("{id}.session"))).expect("copies");
    std::fs::write(other.join("candidate.txt"), "  Ann Lee  \nignored second line\n").expect("writes");
    let c = json(coach.path(), &[&ann, &other]);
    assert_eq!(c["candidates"].as_array().expect("list").len(), 1);
    assert_eq!(c["candidates"][0]["sessions"], 3);
    // An empty candidate.txt names the bundle by its folder.
    std::fs::write(other.join("candidate.txt"), "\n").expect("writes");
    let c = json(coach.path(), &[&other]);
    assert_eq!(c["candidates"][0]["name"], "ann-again");
}

#[test]
fn hostile_names_and_quotes_are_escaped_and_never_a_spreadsheet_formula() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("bundle");
    std::fs::create_dir(&dir).expect("mkdir");
    let (data, id, _) = &COHORT.sessions[0];
    std::fs::copy(data.join(format!("sessions/{id}.session")), dir.join(format!("{id}.session"))).expect("copies");
    std::fs::write(dir.join("candidate.txt"), "=HYPERLINK(\"http://x\",\"a,b\")\u{1b}[31m\u{202e}\n").expect("writes");
    let coach = tempfile::tempdir().expect("tempdir");
    for args in [&[][..], &["--csv"], &["--json"], &["--format", "md"]] {
        let out = run(coach.path(), args, &[&dir]);
        assert!(out.status.success(), "{}", describe(&out));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'), "{args:?}: a raw control character\n{text}");
        if args == ["--csv"] {
            for row in text.split('\n').skip(1).filter(|r| !r.is_empty()) {
                assert!(row.starts_with("\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\\u{1b}[31m\\u{202e}\","), "{row}");
            }
        }
    }
    let c = json(coach.path(), &[&dir]);
    assert_eq!(c["candidates"][0]["name"], "=HYPERLINK(\"http://x\",\"a,b\")\\u{1b}[31m\\u{202e}");
}

#[test]
fn a_missing_path_a_file_and_an_empty_folder_are_clear_errors() {
    let coach = tempfile::tempdir().expect("tempdir");
    let missing = coach.path().join("nowhere");
    let out = run(coach.path(), &[], &[&missing]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("hotseat: cannot read "), "{}", describe(&out));
    let file = coach.path().join("file.txt");
    std::fs::write(&file, "x").expect("writes");
    let out = run(coach.path(), &[], &[&file]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a bundle or a folder of bundles"),
        "{}",
        describe(&out)
    );
    let empty = coach.path().join("empty");
    std::fs::create_dir_all(empty.join("sub")).expect("mkdir");
    let out = run(coach.path(), &[], &[&empty]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sessions found in"), "{}", describe(&out));
    let out = hotseat(coach.path()).args(["export", "latest", "--candidate", "x"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "--candidate needs --bundle: {}", describe(&out));
}

#[test]
fn a_damaged_session_is_counted_and_noted_not_fatal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("dana");
    std::fs::create_dir(&dir).expect("mkdir");
    let (data, id, _) = &COHORT.sessions[0];
    std::fs::copy(data.join(format!("sessions/{id}.session")), dir.join(format!("{id}.session"))).expect("copies");
    std::fs::write(dir.join("20261201-000000-torn.session"), "{\"not\": \"a session\"\n").expect("writes");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", dir.join("20261201-000001-link.session")).expect("links");
    let coach = tempfile::tempdir().expect("tempdir");
    let out = run(coach.path(), &["--json"], &[&dir]);
    assert!(out.status.success(), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    let damaged = if cfg!(unix) { 2 } else { 1 };
    assert!(err.contains(&format!("{damaged} damaged sessions counted")), "{err}");
    let c: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(c["damaged"], damaged);
    assert_eq!(c["candidates"][0]["damaged"], damaged);
    assert_eq!(c["candidates"][0]["sessions"], damaged + 1);
}

/// Never a file written into a coach's folders; the summaries go to
/// `<data dir>/cohort.sqlite3`, and `hotseat sessions` does not see them.
#[test]
fn the_cohort_index_lives_in_the_data_dir_and_the_bundles_are_left_untouched() {
    let coach = tempfile::tempdir().expect("tempdir");
    let listing = |dir: &Path| {
        let mut names: Vec<_> = walk(dir);
        names.sort();
        names
    };
    let before = listing(&COHORT.cohort);
    json(coach.path(), &[&COHORT.cohort]);
    json(coach.path(), &[&COHORT.cohort]);
    assert_eq!(listing(&COHORT.cohort), before);
    assert!(coach.path().join("cohort.sqlite3").is_file());
    let out = hotseat(coach.path()).args(["sessions", "--json"]).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("lists").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// Rows are keyed by whole path: a listing drops the rows of files gone
/// from the folders it was given, and keeps another cohort's.
#[test]
fn a_listing_drops_rows_of_files_gone_from_its_roots_and_keeps_other_cohorts() {
    use hotseat::index::{Mode, list_paths};
    let tmp = tempfile::tempdir().expect("tempdir");
    let index = tmp.path().join("cohort.sqlite3");
    let root = |name: &str| {
        let dir = tmp.path().join(name);
        std::fs::create_dir(&dir).expect("mkdir");
        for (data, id, _) in &COHORT.sessions[..2] {
            std::fs::copy(data.join(format!("sessions/{id}.session")), dir.join(format!("{id}.session")))
                .expect("copies");
        }
        std::fs::canonicalize(&dir).expect("canonical")
    };
    let (a, b) = (root("a"), root("a-b"));
    let files = |dir: &Path| -> Vec<PathBuf> {
        let mut f: Vec<PathBuf> = std::fs::read_dir(dir).expect("lists").flatten().map(|e| e.path()).collect();
        f.sort();
        f
    };
    let first = list_paths(&index, &files(&a), std::slice::from_ref(&a), Mode::Refresh);
    assert_eq!((first.stats.summarised, first.stats.stored), (2, 2));
    let other = list_paths(&index, &files(&b), std::slice::from_ref(&b), Mode::Refresh);
    assert_eq!((other.stats.stored, other.stats.dropped), (2, 0), "a-b is not under a: nothing of a dropped");
    let again = list_paths(&index, &files(&a), std::slice::from_ref(&a), Mode::Refresh);
    assert_eq!((again.stats.reused, again.stats.summarised, again.stats.dropped), (2, 0, 0));
    std::fs::remove_file(&files(&a)[0]).expect("removes");
    let after = list_paths(&index, &files(&a), std::slice::from_ref(&a), Mode::Refresh);
    assert_eq!((after.stats.reused, after.stats.dropped), (1, 1));
    let b_again = list_paths(&index, &files(&b), std::slice::from_ref(&b), Mode::Refresh);
    assert_eq!((b_again.stats.reused, b_again.stats.summarised), (2, 0), "b's rows were kept");
}

/// A link inside a folder of bundles is not followed: a linked folder is
/// not a bundle, so nothing outside the folders named is read.
#[cfg(unix)]
#[test]
fn a_symlinked_bundle_inside_a_folder_of_bundles_is_not_followed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).expect("mkdir");
    let (data, id, _) = &COHORT.sessions[0];
    std::fs::copy(data.join(format!("sessions/{id}.session")), outside.join(format!("{id}.session"))).expect("copies");
    let folder = tmp.path().join("cohort");
    std::fs::create_dir_all(folder.join("real")).expect("mkdir");
    std::fs::copy(data.join(format!("sessions/{id}.session")), folder.join(format!("real/{id}.session")))
        .expect("copies");
    std::os::unix::fs::symlink(&outside, folder.join("linked")).expect("links");
    let coach = tempfile::tempdir().expect("tempdir");
    let c = json(coach.path(), &[&folder]);
    let names: Vec<&str> =
        c["candidates"].as_array().expect("list").iter().map(|k| k["name"].as_str().expect("name")).collect();
    assert_eq!(names, ["real"]);
}

/// The DuckDB examples of docs/cohort.md run as written on two cohorts'
/// `--csv` and `--json` (when Python's `duckdb` package is installed:
/// `pip install duckdb`; otherwise the test says so and skips).
#[test]
fn the_duckdb_examples_in_the_docs_run_on_real_cohort_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("cohorts");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let coach = tmp.path().join("coach");
    let spring = COHORT.cohort.clone();
    let autumn = tmp.path().join("autumn");
    let data = tmp.path().join("dee");
    let id = record(&data, "token-pricing", "weak");
    export(&data, &id, &autumn.join("dee"), Some("Dee"));
    for (name, dir) in [("spring", &spring), ("autumn", &autumn)] {
        for (flag, ext) in [("--csv", "csv"), ("--json", "json")] {
            let out = run(&coach, &[flag], &[dir.as_path()]);
            assert!(out.status.success(), "{}", describe(&out));
            std::fs::write(out_dir.join(format!("{name}.{ext}")), &out.stdout).expect("writes");
        }
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/check_duckdb_docs.py");
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cohort.md");
    let ran = std::process::Command::new("python3").arg(&script).arg(&doc).arg(tmp.path()).output();
    match ran {
        Err(e) => eprintln!("skipped: python3 cannot run ({e})"),
        Ok(o) if o.status.code() == Some(3) => eprintln!("skipped: Python's duckdb package is not installed"),
        Ok(o) => {
            assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
        }
    }
}

#[test]
fn where_candidates_end_shows_each_sessions_debrief_verdict_and_labels_the_outcome_a_cap() {
    let coach = tempfile::tempdir().expect("tempdir");
    let c = json(coach.path(), &[&COHORT.cohort]);
    // Every session is counted at its ending with its own debrief verdict.
    let mut want: Vec<(String, String, String, String)> = Vec::new();
    for s in c["sessions"].as_array().expect("sessions") {
        let key = |f: &str| s[f].as_str().unwrap_or("-").to_string();
        want.push((key("scenario"), key("end_node"), key("outcome"), key("verdict")));
    }
    let mut got: Vec<(String, String, String, String)> = Vec::new();
    for e in c["endings"].as_array().expect("endings") {
        let key = |f: &str| e[f].as_str().unwrap_or("-").to_string();
        for _ in 0..e["count"].as_u64().expect("count") {
            got.push((key("scenario"), key("end_node"), key("outcome"), key("verdict")));
        }
    }
    want.sort();
    got.sort();
    assert_eq!(got, want);
    let text = String::from_utf8(run(coach.path(), &["--format", "text"], &[&COHORT.cohort]).stdout).expect("UTF-8");
    let endings = text.split("Where candidates end\n").nth(1).expect("the endings table");
    let header = endings.lines().next().expect("a header");
    let words: Vec<&str> = header.split("  ").map(str::trim).filter(|w| !w.is_empty()).collect();
    assert_eq!(words, ["Scenario", "Ending", "End node", "Verdict", "Capped at", "Sessions"], "{header:?}");
    assert!(!header.contains("Outcome"), "{header:?}");
    let zh = hotseat(coach.path()).env("HOTSEAT_LANG", "zh").arg("cohort").arg(&COHORT.cohort).output().expect("runs");
    let zh = String::from_utf8(zh.stdout).expect("UTF-8");
    assert!(zh.contains("结论") && zh.contains("结局上限"), "{zh}");
}

#[test]
fn drills_are_left_out_of_where_candidates_end_and_their_questions_are_timed_at_their_source() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("ann");
    record(&data, "alibaba-cloud-pm", "weak");
    let asked = drill::record_drill(&data);
    let bundle = data.join("sessions");
    let coach = tempfile::tempdir().expect("tempdir");
    let c = json(coach.path(), &[&bundle]);
    assert_eq!(c["sessions"].as_array().map(Vec::len), Some(2));
    let endings = c["endings"].as_array().expect("endings");
    assert!(endings.iter().all(|e| e["scenario"] != "drill" && e["end_node"] != "drill-end"), "{endings:?}");
    assert_eq!(endings.iter().map(|e| e["count"].as_u64().expect("count")).sum::<u64>(), 1);
    let questions = c["questions"].as_array().expect("questions");
    for q in questions {
        assert!(q["scenario"] != "drill" && !q["node"].as_str().expect("node").contains("--"), "{q}");
    }
    let first = &asked[0];
    assert!(questions.iter().any(|q| q["scenario"] == first.0.as_str() && q["node"] == first.1.as_str()), "{first:?}");
    assert!(c["traps"].as_array().is_some_and(|t| !t.is_empty()), "the drill's falls still count");
    let text = String::from_utf8(run(coach.path(), &["--format", "text"], &[&bundle]).stdout).expect("UTF-8");
    assert!(!text.contains("drill-end") && !text.contains("\ndrill "), "{text}");
}
