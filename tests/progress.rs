//! `hotseat progress` (issue 17 item 2) over recorded playtests: weak and
//! strong runs of three scenarios. The must-show: its JSON counts every
//! trap exactly as the debriefs do. Also the filters, a bad `--since`, an
//! empty data directory, both languages, Markdown, and no control
//! character reaching the terminal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
#[path = "support/drill.rs"]
mod drill;
use cli::{describe, hotseat};

const SCENARIOS: [&str; 3] = ["token-pricing", "alibaba-cloud-pm", "hr-round-zh"];

/// A data directory with a weak and a strong recorded playtest of each of
/// [`SCENARIOS`], made once for the whole file.
static RECORDED: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let playtests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests");
    for id in SCENARIOS {
        for kind in ["weak", "strong"] {
            let answers = playtests.join(format!("{id}.{kind}.ron"));
            let out = hotseat(dir.path())
                .args(["playtest", id, "--answers"])
                .arg(&answers)
                .arg("--record")
                .output()
                .expect("runs");
            assert!(out.status.success(), "{id} {kind}: {}", describe(&out));
        }
    }
    dir
});

fn data() -> &'static Path {
    RECORDED.path()
}

/// Runs `hotseat ARGS` over `dir`; returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = hotseat(dir).args(args).output().expect("runs");
    let code = out.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(dir, args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{stdout}"))
}

fn session_ids(dir: &Path) -> Vec<String> {
    let list = json(dir, &["sessions", "--json"]);
    list.as_array().expect("a list").iter().map(|s| s["id"].as_str().expect("an id").to_string()).collect()
}

/// Per trap id, the falls `progress --json` reports.
fn falls(report: &Value) -> BTreeMap<String, u64> {
    report["traps"]
        .as_array()
        .expect("traps")
        .iter()
        .filter(|t| t["falls"].as_u64() > Some(0))
        .map(|t| (t["trap"].as_str().expect("id").to_string(), t["falls"].as_u64().expect("falls")))
        .collect()
}

/// No byte a terminal acts on, other than newline.
fn assert_clean(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|&c| c != '\n' && hotseat::text::is_hazard(c)).collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
}

#[test]
fn progress_counts_every_trap_exactly_as_the_debriefs_do() {
    let ids = session_ids(data());
    assert_eq!(ids.len(), 6, "six recorded sessions");
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for id in &ids {
        let d = json(data(), &["debrief", id, "--format", "json"]);
        let traps = d["traps"].as_array().expect("a debrief's trap list");
        assert_eq!(traps.len() as u64, d["occurrence_count"].as_u64().expect("count"), "{id}");
        for t in traps {
            *expected.entry(t["id"].as_str().expect("trap id").to_string()).or_default() += 1;
        }
    }
    assert!(expected.len() >= 5, "the weak runs fall into traps: {expected:?}");
    let report = json(data(), &["progress", "--json"]);
    assert_eq!(report["sessions"], 6);
    assert_eq!(falls(&report), expected);
    // The same per scenario, through the filter.
    for scenario in SCENARIOS {
        let mut want: BTreeMap<String, u64> = BTreeMap::new();
        for id in ids.iter().filter(|id| id.ends_with(scenario)) {
            let d = json(data(), &["debrief", id, "--format", "json"]);
            for t in d["traps"].as_array().expect("traps") {
                *want.entry(t["id"].as_str().expect("trap id").to_string()).or_default() += 1;
            }
        }
        let got = json(data(), &["progress", "--json", "--scenario", scenario]);
        assert_eq!(got["sessions"], 2, "{scenario}");
        assert_eq!(falls(&got), want, "{scenario}");
        assert_eq!(got["scenarios"].as_array().map(Vec::len), Some(1), "{scenario}");
    }
}

#[test]
fn the_json_names_what_to_practise_next_and_how_to_drill_it() {
    let report = json(data(), &["progress", "--format", "json"]);
    let next = &report["next"];
    assert_eq!(next["kind"], "trap", "{next}");
    let trap = next["trap"].as_str().expect("a trap");
    // The first not-receded trap in practise order, as `practice::traps` sorts.
    let first = report["traps"].as_array().expect("traps").iter().find(|t| t["receded"] == false).expect("one");
    assert_eq!(first["trap"], trap);
    assert_eq!(next["command"], format!("hotseat drill --trap {trap}"));
    assert!(!next["questions"].as_array().expect("places").is_empty());
    for field in ["competencies", "scenarios", "timing"] {
        assert!(!report[field].as_array().expect(field).is_empty(), "{field}");
    }
    let spark = &report["competencies"][0]["scores"];
    assert!(spark.as_array().is_some_and(|s| !s.is_empty()), "scores over time");
    assert!(report["timing"][0]["limit_ms"].is_u64());
}

#[test]
fn since_filters_by_start_time_and_a_bad_date_is_a_usage_error() {
    let all = json(data(), &["progress", "--json", "--since", "2000-01-01"]);
    assert_eq!(all["sessions"], 6);
    assert_eq!(all["filter"]["since"], "2000-01-01T00:00:00Z");
    let none = json(data(), &["progress", "--json", "--since", "2999-01-01T00:00:00+08:00"]);
    assert_eq!((none["sessions"].as_u64(), none["next"]["kind"].as_str()), (Some(0), Some("no-sessions")));
    for bad in ["yesterday", "2026-02-30", "12/01/2026"] {
        let (code, stdout, stderr) = run(data(), &["progress", "--since", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stdout.is_empty(), "{bad}: {stdout}");
        assert_eq!(stderr.lines().count(), 1, "{bad}: one line: {stderr}");
        assert!(stderr.starts_with("hotseat: --since") && stderr.contains("YYYY-MM-DD"), "{bad}: {stderr}");
    }
}

#[test]
fn an_unknown_scenario_has_no_sessions_and_says_so_with_exit_0() {
    let (code, stdout, _) = run(data(), &["progress", "--scenario", "no-such-scenario"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("No recorded session matches the filter"), "{stdout}");
    assert!(stdout.contains("scenario no-such-scenario"), "{stdout}");
}

#[test]
fn an_empty_data_dir_says_how_to_start_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, stdout, stderr) = run(dir.path(), &["progress"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("No recorded sessions yet"), "{stdout}");
    let report = json(dir.path(), &["progress", "--json"]);
    assert_eq!((report["sessions"].as_u64(), report["next"]["kind"].as_str()), (Some(0), Some("no-sessions")));
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path()).expect("lists").flatten().map(|e| e.path()).collect();
    assert!(left.is_empty(), "progress over nothing creates nothing: {left:?}");
}

#[test]
fn the_human_report_speaks_english_or_chinese_with_sparklines() {
    let (code, en, _) = run(data(), &["progress"]);
    assert_eq!(code, 0);
    for needle in ["Progress", "6 sessions", "Practise next", "Traps", "Competencies", "Time per question"] {
        assert!(en.contains(needle), "{needle}:\n{en}");
    }
    assert!(en.contains("hotseat drill --trap"), "{en}");
    assert!(en.chars().any(|c| ('▁'..='█').contains(&c)), "a sparkline:\n{en}");
    let (code, zh, _) = run(data(), &["progress", "--lang", "zh"]);
    assert_eq!(code, 0);
    for needle in ["进度", "共 6 场", "接下来练什么", "陷阱", "能力", "每题用时", "专项练习"] {
        assert!(zh.contains(needle), "{needle}:\n{zh}");
    }
    assert!(!zh.contains("Practise next"), "{zh}");
}

#[test]
fn markdown_has_a_title_headings_and_pipe_tables() {
    let (code, md, _) = run(data(), &["progress", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# Progress\n"), "{md}");
    assert!(md.contains("\n## Traps\n\n| Trap | Falls |"), "{md}");
    assert!(md.contains("|---|---:|"), "{md}");
    let (code, _, stderr) = run(data(), &["progress", "--json", "--format", "md"]);
    assert_eq!(code, 2, "--json and --format are one choice: {stderr}");
}

#[test]
fn no_control_character_reaches_the_terminal_from_an_argument_or_a_file() {
    let hostile = "x\u{1b}]52;c;aGk=\u{7}\u{202e}y";
    for args in [
        vec!["progress", "--scenario", hostile],
        vec!["progress", "--format", "md", "--scenario", hostile],
        vec!["progress", "--json", "--scenario", hostile],
        vec!["progress", "--since", hostile],
        vec!["progress"],
        vec!["progress", "--lang", "zh"],
    ] {
        let (_, stdout, stderr) = run(data(), &args);
        assert_clean(&format!("{args:?} stdout"), &stdout);
        assert_clean(&format!("{args:?} stderr"), &stderr);
    }
    let (_, stdout, _) = run(data(), &["progress", "--scenario", hostile]);
    assert!(stdout.contains("\\u{1b}"), "shown escaped: {stdout}");
}

/// A data directory with a weak interview of alibaba-cloud-pm and a drill
/// recorded after it, and the drill's source questions.
static DRILLED: LazyLock<(tempfile::TempDir, Vec<(String, String)>)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/alibaba-cloud-pm.weak.ron");
    let out = hotseat(dir.path())
        .args(["playtest", "alibaba-cloud-pm", "--answers"])
        .arg(&answers)
        .arg("--record")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    let asked = drill::record_drill(dir.path());
    (dir, asked)
});

#[test]
fn a_drill_has_no_verdict_line_but_its_traps_count_and_it_is_counted_as_a_drill() {
    let data = DRILLED.0.path();
    let report = json(data, &["progress", "--json"]);
    assert_eq!((report["sessions"].as_u64(), report["drills"].as_u64()), (Some(2), Some(1)), "{report:#}");
    let scenarios: Vec<&str> =
        report["scenarios"].as_array().expect("scenarios").iter().filter_map(|s| s["scenario"].as_str()).collect();
    assert_eq!(scenarios, ["alibaba-cloud-pm"], "a drill is practice, not an interview");
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for id in session_ids(data) {
        let d = json(data, &["debrief", &id, "--format", "json"]);
        for t in d["traps"].as_array().expect("traps") {
            *expected.entry(t["id"].as_str().expect("trap id").to_string()).or_default() += 1;
        }
    }
    assert_eq!(falls(&report), expected, "the drill's traps still count");
    let (_, en, _) = run(data, &["progress"]);
    assert!(en.contains("1 drill (practice: no verdict)"), "{en}");
    assert!(!en.contains("Drill:"), "no verdict line for the drill:\n{en}");
    let (_, zh, _) = run(data, &["progress", "--lang", "zh"]);
    assert!(zh.contains("专项练习 1 场"), "{zh}");
}

#[test]
fn a_drills_questions_are_timed_and_advised_at_their_source_scenario_and_node() {
    let (dir, asked) = &*DRILLED;
    let report = json(dir.path(), &["progress", "--json"]);
    let timing = report["timing"].as_array().expect("timing");
    let rows: Vec<(&str, &str)> =
        timing.iter().map(|t| (t["scenario"].as_str().expect("id"), t["node"].as_str().expect("id"))).collect();
    for (scenario, node) in &rows {
        assert!(*scenario != "drill" && !node.contains("--"), "{scenario} › {node} in {rows:?}");
    }
    let first = &asked[0];
    assert!(rows.contains(&(first.0.as_str(), first.1.as_str())), "{first:?} in {rows:?}");
    if let Some(places) = report["next"]["questions"].as_array() {
        for p in places {
            assert!(p["scenario"] != "drill" && !p["node"].as_str().unwrap_or("").contains("--"), "{p}");
        }
    }
    for t in report["traps"].as_array().expect("traps") {
        for n in t["nodes"].as_array().expect("nodes") {
            assert!(!n.as_str().unwrap_or("").contains("--"), "{t}");
        }
    }
    for lang in ["en", "zh"] {
        let (_, text, _) = run(dir.path(), &["progress", "--lang", lang]);
        assert!(!text.contains("drill ›"), "{text}");
    }
}

#[test]
fn markdown_has_one_blank_line_under_every_heading_in_both_languages() {
    for lang in ["en", "zh"] {
        let (code, md, _) = run(data(), &["progress", "--format", "md", "--lang", lang]);
        assert_eq!(code, 0);
        assert!(!md.contains("\n\n\n"), "{lang}: a double blank line in\n{md}");
        assert!(md.contains("\n\n“") || md.contains("\n\n\u{201c}"), "{lang}: the advice under its heading:\n{md}");
    }
}
