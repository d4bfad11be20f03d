//! `hotseat drill` (issue 17 item 3): the plan follows the recorded
//! history (the most frequent recent traps first, a trap answered cleanly
//! three times recedes), the flags bound it, and the drill it builds is a
//! scenario like any other: it checks clean, plays, records, debriefs and
//! replays.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use hotseat::i18n::Lang;
use hotseat::practice::drill::{self, Request};
use hotseat::scenario::Scenario;
use hotseat::scenario::model::Language;
use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
#[path = "support/drill.rs"]
#[allow(dead_code)] // record_drill serves progress and cohort
mod recorded;
use cli::{describe, hotseat};
use recorded::{answers, bundled};

/// Records a scripted run (`weak` or `strong`) of a bundled scenario.
/// Session start times have whole seconds, so it waits for the next one:
/// the history's order is then the order of recording.
fn record(data: &Path, scenario: &str, run: &str) {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/playtests/{scenario}.{run}.ron"));
    let out =
        hotseat(data).args(["playtest", scenario, "--answers"]).arg(&answers).arg("--record").output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    std::thread::sleep(Duration::from_millis(1100));
}

/// `drill --dry-run --json` with `args`, parsed.
fn plan(data: &Path, args: &[&str]) -> Value {
    let out = hotseat(data).args(["drill", "--dry-run", "--json"]).args(args).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn targets(plan: &Value) -> Vec<&str> {
    plan["targets"].as_array().expect("targets").iter().map(|t| t["trap"].as_str().expect("trap")).collect()
}

fn target<'a>(plan: &'a Value, trap: &str) -> &'a Value {
    plan["targets"].as_array().expect("targets").iter().find(|t| t["trap"] == trap).expect("the target is listed")
}

/// Falls per trap over every recorded session, as the debriefs list them.
fn debriefed_falls(data: &Path) -> BTreeMap<String, u64> {
    let out = hotseat(data).args(["sessions", "--json"]).output().expect("runs");
    let sessions: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut falls = BTreeMap::new();
    for s in sessions.as_array().expect("a list") {
        let id = s["id"].as_str().expect("id");
        let out = hotseat(data).args(["debrief", id, "--format", "json"]).output().expect("runs");
        assert!(out.status.success(), "{}", describe(&out));
        let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        for t in d["traps"].as_array().expect("traps") {
            *falls.entry(t["id"].as_str().expect("id").to_string()).or_default() += 1;
        }
    }
    falls
}

#[test]
fn drill_targets_the_most_frequent_recent_traps_first_and_a_trap_answered_cleanly_in_three_sessions_recedes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    record(data, "offer-negotiation", "weak");
    record(data, "bar-raiser-intl", "weak");
    record(data, "offer-negotiation", "weak");
    let falls = debriefed_falls(data);
    let p = plan(data, &["--minutes", "120"]);
    assert_eq!(p["first"], false);
    let order = targets(&p);
    let a = order[0];
    let most = falls.values().max().copied().unwrap_or(0);
    assert_eq!(falls.get(a).copied(), Some(most), "{a} is not the most frequent: {falls:?}");
    for t in p["targets"].as_array().expect("targets") {
        let trap = t["trap"].as_str().expect("trap");
        assert_eq!(
            t["falls"].as_u64(),
            Some(falls.get(trap).copied().unwrap_or(0)),
            "{trap} counted unlike the debriefs"
        );
    }
    let weights: Vec<f64> =
        p["targets"].as_array().expect("targets").iter().map(|t| t["weight"].as_f64().expect("w")).collect();
    assert!(weights.windows(2).all(|w| w[0] >= w[1]), "by weight: {weights:?}");
    let first = &p["questions"][0];
    assert_eq!(first["target"], a);
    assert!(first["traps"].as_array().expect("traps").iter().any(|t| t == a));
    // B: the first trap fallen into less often than A.
    let b = *order.iter().find(|t| falls.get(**t).is_some_and(|f| *f > 0 && *f < falls[a])).expect("a B");

    // One strong run answers A's questions cleanly, several times: not yet
    // enough, a habit shows over sessions.
    record(data, "offer-negotiation", "strong");
    let p = plan(data, &["--minutes", "120"]);
    assert_eq!(target(&p, a)["receded"], false, "one clean session does not make {a} recede: {p:#}");
    // Three sessions in a row without a fall do.
    record(data, "offer-negotiation", "strong");
    record(data, "offer-negotiation", "strong");
    let p = plan(data, &["--minutes", "120"]);
    let order = targets(&p);
    assert_eq!(target(&p, a)["receded"], true, "{p:#}");
    assert_eq!(target(&p, b)["receded"], false);
    let (ia, ib) = (order.iter().position(|t| *t == a), order.iter().position(|t| *t == b));
    assert!(ia > ib, "{a} should come after {b} once receded: {order:?}");
    assert_ne!(p["questions"][0]["target"], a);
}

#[test]
fn trap_competency_and_minutes_bound_the_drill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    for minutes in [1u64, 3, 10, 45] {
        let p = plan(data, &["--minutes", &minutes.to_string()]);
        let qs = p["questions"].as_array().expect("questions");
        let total: u64 = qs.iter().map(|q| q["limit_s"].as_u64().expect("limit")).sum();
        assert!(!qs.is_empty());
        assert!(total <= minutes * 60 || qs.len() == 1, "{minutes} min: {total} s");
        let ids: BTreeSet<String> = qs.iter().map(|q| format!("{}/{}", q["scenario"], q["node"])).collect();
        assert_eq!(ids.len(), qs.len(), "a question repeats");
    }
    let p = plan(data, &["--trap", "pretax-only", "--minutes", "60"]);
    for q in p["questions"].as_array().expect("questions") {
        assert_eq!(q["target"], "pretax-only");
        assert!(q["traps"].as_array().expect("traps").iter().any(|t| t == "pretax-only"));
    }
    assert_eq!(targets(&p), ["pretax-only"]);
    let p = plan(data, &["--competency", "negotiation", "--minutes", "60"]);
    let bundled = bundled();
    for q in p["questions"].as_array().expect("questions") {
        let sc = bundled.iter().find(|s| s.id == q["scenario"].as_str().expect("id")).expect("bundled");
        let node = sc.nodes.iter().find(|n| n.id == q["node"].as_str().expect("node")).expect("node");
        assert!(node.competencies.iter().any(|c| c == "negotiation"), "{}", node.id);
    }

    let out = hotseat(data).args(["drill", "--trap", "vage-ask", "--dry-run"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown trap id \"vage-ask\"") && err.contains("vague-ask"), "{err}");
    for args in [&["--minutes", "0"][..], &["--minutes", "100000"], &["--json"], &["--minutes", "-3"]] {
        let out = hotseat(data).arg("drill").args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", describe(&out));
        assert!(out.stdout.is_empty());
    }
    let out = hotseat(data)
        .args(["drill", "--dry-run", "--trap", "pretax-only", "--competency", "pricing"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no stand-alone question matches"), "{}", describe(&out));
    // Review of issue 17: an unknown competency was a failure (exit 1) with
    // an author's hint; it is a usage error naming the ones there are.
    let out = hotseat(data).args(["drill", "--dry-run", "--competency", "nope"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"nope\"") && err.contains("negotiation") && err.contains("pricing"), "{err}");
}

#[test]
fn a_first_drill_says_so_in_english_and_in_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = hotseat(dir.path()).args(["drill", "--dry-run"]).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    let en = String::from_utf8_lossy(&out.stdout);
    assert!(
        en.contains("First drill") && en.contains("A drill of") && en.contains("Questions, in the order asked"),
        "{en}"
    );
    let out = hotseat(dir.path()).args(["drill", "--dry-run", "--lang", "zh"]).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    let zh = String::from_utf8_lossy(&out.stdout);
    assert!(zh.contains("第一次专项练习") && zh.contains("本次专项练习共") && zh.contains("题目，按提问顺序"), "{zh}");
    // A Chinese candidate's first drill starts with Chinese questions.
    let p = plan(dir.path(), &["--lang", "zh", "--minutes", "3"]);
    let zh_ids: Vec<String> = bundled().into_iter().filter(|s| s.language == Language::Zh).map(|s| s.id).collect();
    let first = p["questions"][0]["scenario"].as_str().expect("id").to_string();
    assert!(zh_ids.contains(&first), "{p:#}");
}

/// Review of issue 17: the plan listed trap ids (`vague-ask`) and node ids,
/// in English even for a Chinese candidate. People read titles.
#[test]
fn the_plan_names_traps_by_title_and_questions_by_their_words_in_the_candidates_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    for lang in ["en", "zh"] {
        let json = plan(dir.path(), &["--lang", lang]);
        let out = hotseat(dir.path()).args(["drill", "--dry-run", "--lang", lang]).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        for t in json["targets"].as_array().expect("targets") {
            let id = t["trap"].as_str().expect("id");
            assert!(!text.contains(&format!("{id}:")) && !text.contains(&format!("{id}：")), "{id} by id:\n{text}");
        }
        let for_word = if lang == "zh" { "针对：" } else { "for: " };
        assert!(text.contains(for_word), "{text}");
    }
    let zh = String::from_utf8_lossy(
        &hotseat(dir.path()).args(["drill", "--dry-run", "--lang", "zh"]).output().expect("runs").stdout,
    )
    .into_owned();
    assert!(zh.contains("谈薪只盯着base"), "a Chinese title from the catalogue:\n{zh}");
}

#[test]
fn a_drill_checks_clean_plays_records_debriefs_and_replays_like_any_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    let lib = bundled();
    let refs: Vec<&Scenario> = lib.iter().collect();
    let req = Request { trap: None, competency: None, minutes: 10, lang: Lang::En };
    let plan = drill::plan(&refs, &[], &req).expect("a plan");
    let src = drill::build(&plan, &refs, &hotseat::traps::load(None).0, Lang::En).expect("built");
    let file = data.join("drill.ron");
    std::fs::write(&file, &src).expect("writes");
    let out = hotseat(data).args(["check", "--deny-warnings"]).arg(&file).output().expect("runs");
    assert!(out.status.success(), "{}\n{src}", describe(&out));

    let cat = hotseat::traps::load(None).0;
    let sc = hotseat::scenario::load::check_bytes("drill.ron", src.as_bytes(), &cat).scenario.expect("parses");
    let script = data.join("answers.ron");
    std::fs::write(&script, answers(&sc)).expect("writes");
    let out =
        hotseat(data).arg("playtest").arg(&file).arg("--answers").arg(&script).arg("--record").output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));

    let out = hotseat(data).args(["sessions", "--json"]).output().expect("runs");
    let sessions: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(sessions[0]["scenario"], "drill", "{sessions:#}");
    let out = hotseat(data).args(["debrief", "latest", "--format", "json"]).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(d["scenario"], "drill");
    assert!(!d["traps"].as_array().expect("traps").is_empty(), "weak answers fall into traps: {d:#}");
    // Review of issue 17: a drill's debrief gave a hiring verdict
    // ("LEAN NO 63/100"), listed by `sessions` and in cohorts too.
    assert!(d["verdict"].is_null() && d["score"].is_u64(), "a score, no verdict: {d:#}");
    assert!(d["reasons"].to_string().contains("A drill is practice"), "{d:#}");
    assert!(sessions[0]["verdict"].is_null(), "{sessions:#}");
    let md = hotseat(data).args(["debrief", "latest", "--format", "md"]).output().expect("runs");
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("**Drill: ") && !md.contains("too little was answered"), "{md}");
    // Review 8: the debrief named a drill's questions `alibaba-cloud-pm--start`.
    let ids = md.lines().filter(|l| l.contains("Where") || l.starts_with("| ")).filter(|l| l.contains("--"));
    assert_eq!(ids.count(), 0, "{md}");
    assert!(md.contains(" › "), "questions by their source: {md}");
    // The file carries its scenario: it replays with the drill file gone.
    std::fs::remove_file(&file).expect("removes");
    let cast = data.join("drill.cast");
    let out = hotseat(data).args(["export", "latest", "--asciicast"]).arg(&cast).output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    assert!(std::fs::metadata(&cast).expect("written").len() > 0);
    // And the drill counts in the history of the next one.
    let next = self::plan(data, &[]);
    assert_eq!(next["first"], false);
    assert!(next["targets"].as_array().expect("targets").iter().any(|t| t["falls"].as_u64() > Some(0)), "{next:#}");
}

/// Every catalogue trap some bundled question guards has a stand-alone
/// question guarding it, in each language a bundled question guards it in.
#[test]
fn every_guarded_catalogue_trap_has_a_stand_alone_guard_in_each_language() {
    let cat = hotseat::traps::load(None).0;
    let catalogue: BTreeSet<&str> = cat.ids().collect();
    let mut guarded: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut standalone: BTreeSet<(&str, &str)> = BTreeSet::new();
    let lib = bundled();
    for sc in &lib {
        let langs: &[&str] = match sc.language {
            Language::En => &["en"],
            Language::Zh => &["zh"],
            Language::Both => &["en", "zh"],
        };
        let marked = sc.nodes.iter().filter(|n| n.standalone).count();
        assert!((2..=4).contains(&marked), "{}: {marked} stand-alone questions", sc.id);
        for n in sc.nodes.iter().filter(|n| !n.is_end()) {
            for t in n.traps.iter().filter(|t| catalogue.contains(t.as_str())) {
                for l in langs {
                    guarded.insert((t, l));
                    if n.standalone {
                        standalone.insert((t, l));
                    }
                }
            }
        }
    }
    let missing: Vec<_> = guarded.difference(&standalone).collect();
    assert!(missing.is_empty(), "no stand-alone guard for {missing:?}");
    assert!(guarded.len() > 20, "too few found: {guarded:?}");
}
