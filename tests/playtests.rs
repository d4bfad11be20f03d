//! Scripted candidates for every bundled scenario: a strong one that must
//! take the best path to the strong ending without a single trap, and a
//! weak one that must fall into the traps each question is designed to
//! expose. The answers live in `tests/playtests/<id>.<kind>.ron`; each
//! debrief is snapshotted, since the debrief is what a candidate reads.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use hotseat::assess::debrief::{self, Debrief, Verdict};
use hotseat::i18n::Lang;
use hotseat::library::BUNDLED;
use hotseat::playtest::{self, Script, Step};
use hotseat::scenario::load::check_bytes;
use hotseat::scenario::{Answer, Scenario, Timeout};
use hotseat::session::{Compiled, Ending, Exit, Given, Phase, Turn};
use hotseat::traps::Catalogue;

/// Per scenario: the ending the strong candidate must reach.
const STRONG_ENDINGS: &[(&str, &str)] = &[
    ("alibaba-cloud-pm", "end-strong"),
    ("tencent-compliance-panel", "end-panel-close"),
    ("huawei-case", "end-offer"),
    ("offer-negotiation", "end-strong"),
    ("behavioral-zh", "end-strong"),
    ("us-seat-negotiation", "end-strong"),
    ("hr-round-zh", "end-offer"),
    ("bar-raiser-intl", "end-strong"),
    ("dual-stack-gtm", "end-strong"),
    ("token-pricing", "end-strong"),
];

/// Visited nodes whose listed traps the weak script legitimately cannot
/// show on its path: (scenario, node, reason). Every entry needs a reason.
/// Currently every weak answer shows one of its node's traps.
const NO_TRAP_EXPECTED: &[(&str, &str, &str)] = &[];

/// Together the weak runs must show at least this many catalogue traps.
const MIN_CATALOGUE_COVERAGE: usize = 15;

fn catalogue() -> Catalogue {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    cat
}

fn scenarios(cat: &Catalogue) -> Vec<Scenario> {
    BUNDLED
        .iter()
        .map(|(name, src)| {
            let checked = check_bytes(name, src.as_bytes(), cat);
            let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{name} has errors: {errors:#?}");
            checked.scenario.unwrap_or_else(|| panic!("{name} parses"))
        })
        .collect()
}

fn answers_path(id: &str, kind: &str) -> String {
    format!("{}/tests/playtests/{id}.{kind}.ron", env!("CARGO_MANIFEST_DIR"))
}

fn script(id: &str, kind: &str) -> Script {
    let path = answers_path(id, kind);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    playtest::parse(&path, &src).unwrap_or_else(|e| panic!("{e}"))
}

/// One scripted run, played through the library.
struct Run {
    id: String,
    kind: &'static str,
    scenario: Scenario,
    script: Script,
    /// What the session recorded (the `State` itself is not `Sync`).
    turns: Vec<Turn>,
    phase: Phase,
    /// The end node reached, if any.
    end: Option<String>,
    debrief: Debrief,
}

impl Run {
    fn play(compiled: &Arc<Compiled>, kind: &'static str) -> Run {
        let scenario = compiled.scenario.clone();
        let id = scenario.id.clone();
        let script = script(&id, kind);
        let state = playtest::play(Arc::clone(compiled), 0, &script).unwrap_or_else(|e| panic!("{id}.{kind}: {e}"));
        // In English for every scenario: these snapshots pin the scoring and
        // its wording (tests/debrief_language.rs covers the Chinese one).
        let debrief = debrief::build_in(&state, Lang::En);
        let end = state.current().is_end().then(|| state.current().id.clone());
        Run { id, kind, scenario, script, turns: state.turns, phase: state.phase, end, debrief }
    }

    fn node_id(&self, index: usize) -> &str {
        &self.scenario.nodes[index].id
    }

    /// The node ids visited, ending with the end node if one was reached.
    fn path(&self) -> Vec<String> {
        let turns = self.turns.iter().map(|t| self.node_id(t.node).to_string());
        turns.chain(self.end.clone()).collect()
    }

    /// Each turn with the script step that answered it.
    fn turns_with_steps(&self) -> Vec<(&Turn, &Step)> {
        let mut visits: BTreeMap<&str, usize> = BTreeMap::new();
        self.turns
            .iter()
            .map(|t| {
                let node = self.node_id(t.node);
                let visit = visits.entry(node).or_default();
                *visit += 1;
                let step = self.script.get(node).and_then(|v| v.get(*visit - 1));
                let step =
                    step.unwrap_or_else(|| panic!("{}.{}: no step for {node} visit {visit}", self.id, self.kind));
                (t, step)
            })
            .collect()
    }

    fn label(&self) -> String {
        format!("{}.{} (path {})", self.id, self.kind, self.path().join(" → "))
    }

    fn verdict(&self) -> Verdict {
        self.debrief.verdict.unwrap_or_else(|| panic!("{}: no verdict", self.label()))
    }

    fn trap_ids(&self) -> BTreeSet<&str> {
        self.debrief.traps.iter().map(|t| t.id.as_str()).collect()
    }

    fn snapshot(&self) {
        let md = debrief::markdown(&self.debrief);
        let (id, kind) = (&self.id, self.kind);
        insta::assert_snapshot!(format!("{id}-{kind}"), md);
    }
}

/// Every scenario's strong and weak runs, played once and shared by the
/// tests (each play compiles the catalogue, ~0.3 s in a debug build).
fn runs() -> &'static [(Run, Run)] {
    static RUNS: OnceLock<Vec<(Run, Run)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let cat = catalogue();
        let scenarios = scenarios(&cat);
        assert_eq!(scenarios.len(), STRONG_ENDINGS.len(), "a bundled scenario has no playtests");
        // One thread per scenario; its strong and weak runs share the
        // compiled scenario, so the catalogue is compiled once per scenario.
        std::thread::scope(|scope| {
            let jobs: Vec<_> = scenarios
                .into_iter()
                .map(|sc| {
                    let cat = cat.clone();
                    scope.spawn(move || {
                        let id = sc.id.clone();
                        let compiled = Compiled::new(sc, cat).unwrap_or_else(|e| panic!("{id}: {e}"));
                        (Run::play(&compiled, "strong"), Run::play(&compiled, "weak"))
                    })
                })
                .collect();
            jobs.into_iter().map(|j| j.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        })
    })
}

fn check_strong(run: &Run) {
    let label = run.label();
    assert_eq!(run.phase, Phase::Finished(Ending::Completed), "{label}: did not complete");
    let want = STRONG_ENDINGS.iter().find(|(id, _)| *id == run.id).map(|(_, end)| *end);
    let want = want.unwrap_or_else(|| panic!("{label}: add its strong ending to STRONG_ENDINGS"));
    assert_eq!(run.end.as_deref(), Some(want), "{label}: not the strong ending");
    let traps: Vec<String> = run.debrief.traps.iter().map(|t| format!("{} at {}", t.id, t.node)).collect();
    assert!(traps.is_empty(), "{label}: fell into traps: {traps:?}");
    assert!(run.debrief.numeric.iter().all(|n| n.correct), "{label}: a number is wrong");
    assert!(matches!(run.verdict(), Verdict::Hire | Verdict::StrongHire), "{label}: verdict {:?}", run.verdict());
}

fn check_weak(run: &Run) {
    let label = run.label();
    assert_eq!(run.phase, Phase::Finished(Ending::Completed), "{label}: did not complete");
    assert!(run.end.is_some(), "{label}: finished off an end node");
    assert!(matches!(run.verdict(), Verdict::LeanNo | Verdict::No), "{label}: verdict {:?}", run.verdict());
    let traps = run.trap_ids();
    assert!(traps.len() >= 3, "{label}: only {} distinct traps: {traps:?}", traps.len());
    assert!(run.debrief.numeric.iter().any(|n| !n.correct), "{label}: no wrong number");

    let turns = run.turns_with_steps();
    let timed_out_on_goto = turns.iter().any(|(t, step)| {
        matches!(step, Step::Timeout)
            && t.exit == Exit::TimedOut
            && matches!(run.scenario.nodes[t.node].on_timeout, Timeout::Goto(_))
    });
    assert!(timed_out_on_goto, "{label}: no Timeout on a question with on_timeout: Goto(..)");
    let late_on_overtime =
        turns.iter().any(|(t, _)| t.over_time() && run.scenario.nodes[t.node].on_timeout == Timeout::Overtime);
    assert!(late_on_overtime, "{label}: never ran over time on an Overtime question");

    // Every answered question that is designed to expose traps shows one.
    for (turn, step) in turns {
        let node = &run.scenario.nodes[turn.node];
        let answered =
            matches!(step, Step::Text { .. } | Step::Choice { .. } | Step::Label { .. } | Step::Spoken { .. });
        if node.traps.is_empty() || !answered || turn.exit != Exit::Submitted {
            continue;
        }
        if NO_TRAP_EXPECTED.iter().any(|(id, n, _)| *id == run.id && *n == node.id) {
            continue;
        }
        let found: Vec<&str> = turn.traps.iter().map(|f| f.id.as_str()).collect();
        let shown = found.iter().any(|f| *f == "over-time" || node.traps.iter().any(|t| t == f));
        assert!(shown, "{label}: the answer to {} shows none of its traps {:?} (found {found:?})", node.id, node.traps);
    }
}

#[test]
fn scripted_candidates_get_the_debrief_they_deserve() {
    let cat = catalogue();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    for (strong, weak) in runs() {
        check_strong(strong);
        strong.snapshot();
        check_weak(weak);
        weak.snapshot();
        shown.extend(weak.trap_ids());
        println!(
            "{}: strong {} via {}; weak {} via {}, traps {:?}",
            strong.id,
            strong.verdict().as_str(),
            strong.path().join(" → "),
            weak.verdict().as_str(),
            weak.path().join(" → "),
            weak.trap_ids()
        );
    }
    let all: BTreeSet<&str> = cat.ids().collect();
    let missing: Vec<&str> = all.difference(&shown).copied().collect();
    println!("catalogue traps no weak run shows: {missing:?}");
    assert!(
        all.len() - missing.len() >= MIN_CATALOGUE_COVERAGE,
        "the weak runs show {} of {} catalogue traps; missing {missing:?}",
        all.len() - missing.len(),
        all.len()
    );
}

#[test]
fn every_step_in_the_answers_files_is_used() {
    for run in runs().iter().flat_map(|(s, w)| [s, w]) {
        // A step that is never reached is a sign the path changed under the script.
        let visited: BTreeSet<String> = run.path().into_iter().collect();
        let unused: Vec<&String> = run.script.keys().filter(|k| !visited.contains(*k)).collect();
        assert!(unused.is_empty(), "{}: steps for nodes never visited: {unused:?}", run.label());
        for (node, steps) in &run.script {
            let visits = run.turns.iter().filter(|t| run.node_id(t.node) == node).count();
            assert_eq!(steps.len(), visits, "{}: {node} has {} steps, {visits} visits", run.label(), steps.len());
            let numeric =
                run.scenario.nodes.iter().any(|n| &n.id == node && matches!(n.answer, Answer::Numeric { .. }));
            let number_steps = steps.iter().any(|s| matches!(s, Step::Number { .. }));
            assert!(!number_steps || numeric, "{}: {node} is not numeric", run.label());
        }
        // The answer each step gave is the one recorded (a submit that lands
        // on the next question would record a pass there instead).
        for (turn, step) in run.turns_with_steps() {
            let passed = turn.given == Given::Pass;
            let expected_pass = matches!(step, Step::Pass { .. } | Step::Timeout);
            assert_eq!(passed, expected_pass, "{}: {} recorded {:?}", run.label(), run.node_id(turn.node), turn.given);
        }
    }
}

#[test]
fn the_cli_playtest_agrees_with_the_library() {
    const ID: &str = "offer-negotiation";
    let data = tempfile::tempdir().expect("temp dir");
    // Start the process first: it compiles the catalogue while the library
    // runs are being played. The weak run has the longer, branchier path.
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_hotseat"))
        .args(["playtest", ID, "--answers", &answers_path(ID, "weak"), "--json"])
        .env("HOTSEAT_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs hotseat");
    let (_, run) = runs().iter().find(|(s, _)| s.id == ID).expect("bundled");
    let out = child.wait_with_output().expect("hotseat finishes");
    assert!(out.status.success(), "{}: {}", run.label(), String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let path: Vec<String> = json["path"]
        .as_array()
        .expect("path is a list")
        .iter()
        .map(|v| v.as_str().expect("node ids are strings").to_string())
        .collect();
    assert_eq!(path, run.path(), "{}: CLI path differs", run.label());
    assert_eq!(json["debrief"]["verdict"], run.verdict().as_str(), "{}: CLI verdict differs", run.label());
    assert_eq!(json["debrief"]["score"], serde_json::json!(run.debrief.score), "{}: CLI score differs", run.label());
    let traps: Vec<&str> = json["debrief"]["traps"]
        .as_array()
        .expect("traps is a list")
        .iter()
        .map(|t| t["id"].as_str().expect("trap ids are strings"))
        .collect();
    let lib: Vec<&str> = run.debrief.traps.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(traps, lib, "{}: CLI traps differ", run.label());
}

/// Issue 12 item 3: ticking every talking point with nothing in the notes
/// box made a Spoken answer 100 and the session a strong hire. The strong
/// candidate of every bundled scenario, with each Spoken answer given that
/// way instead, must score 50 or less on it and not be a strong hire.
#[test]
fn every_point_ticked_over_an_empty_box_is_not_a_strong_hire() {
    let cat = catalogue();
    let mut tried = 0;
    for sc in scenarios(&cat) {
        let id = sc.id.clone();
        let mut script = script(&id, "strong");
        let spoken: BTreeMap<String, usize> = sc
            .nodes
            .iter()
            .filter(|n| matches!(n.answer, Answer::Spoken { .. }))
            .map(|n| (n.id.clone(), n.talking_points.len()))
            .collect();
        let mut changed = false;
        for (node, steps) in script.iter_mut() {
            let Some(&n) = spoken.get(node) else { continue };
            for step in steps.iter_mut() {
                if let Step::Spoken { points, text, .. } = step {
                    *points = (1..=n).collect();
                    *text = None;
                    changed = true;
                }
            }
        }
        if !changed {
            continue;
        }
        tried += 1;
        let compiled = Compiled::new(sc, cat.clone()).unwrap_or_else(|e| panic!("{id}: {e}"));
        let state = playtest::play(compiled, 0, &script).unwrap_or_else(|e| panic!("{id}: {e}"));
        let d = debrief::build_in(&state, Lang::En);
        assert_ne!(d.verdict, Some(Verdict::StrongHire), "{id}: {:?}", d.reasons);
        let json = serde_json::to_value(&d).expect("serialises");
        let rows = json["points"].as_array().expect("points rows");
        assert!(!rows.is_empty() && rows.iter().all(|r| r["self_rated"] == true), "{id}: {rows:?}");
        assert!(debrief::markdown(&d).contains("## Talking points (self-rated)"), "{id}");
        for t in &state.turns {
            let node = &state.compiled.scenario.nodes[t.node];
            if let Given::Points { ticked, .. } = &t.given {
                assert_eq!(ticked.len(), node.talking_points.len(), "{id}: {}", node.id);
                let score = debrief::turn_score(&state, t);
                assert!(score.is_some_and(|s| s <= 50), "{id}: {} scored {score:?}", node.id);
            }
        }
    }
    assert_eq!(tried, BUNDLED.len(), "every bundled scenario has a Spoken question on its strong path");
}
