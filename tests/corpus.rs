//! The trap-detection corpus: for each text trap in the catalogue, answers
//! that fall into it and strong answers on the same topic that must not
//! trip any trap. The corpus lives in `tests/fixtures/corpus/*.ron`:
//!
//! ```ron
//! Corpus(trap: "vague-ask", competencies: ["negotiation"], fall: ["..."], strong: ["..."])
//! ```
//!
//! `competencies` is the context the answers are assessed under (a node
//! with those tags); `[]` means "no competency", where every rule runs. A
//! file without `trap` (`_other-topics.ron`) holds strong answers only.
//! `<trap>.paraphrases.ron` hold answers written independently of the
//! rules, in batches that were each scored before the rules saw them (the
//! scores are in docs/performance.md); they run with no competency, the way
//! `hotseat assess` does by default.
//!
//! The run prints a per-trap table with the failing texts and asserts
//! overall recall ≥ 90% and false-positive rate ≤ 5%. Set `CORPUS_DIR` to
//! run the same checks on another directory (a held-out set, say).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hotseat::assess::{Detector, Finding};
use hotseat::library::BUNDLED;
use hotseat::rules::{Answer, NoEnv};
use hotseat::scenario::load::check_bytes;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    /// The trap the `fall` answers fall into; none for a strong-only file.
    #[serde(default)]
    trap: Option<String>,
    competencies: Vec<String>,
    #[serde(default)]
    fall: Vec<String>,
    #[serde(default)]
    strong: Vec<String>,
}

const MIN_RECALL: f64 = 0.90;
const MAX_FP_RATE: f64 = 0.05;

fn corpus_dir() -> PathBuf {
    match std::env::var_os("CORPUS_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"),
    }
}

fn load_corpus(dir: &Path) -> Vec<(String, Corpus)> {
    let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("file name").to_string_lossy().into_owned();
            let src = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            let corpus: Corpus = opts.from_str(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, corpus)
        })
        .collect()
}

fn detector() -> Detector {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    Detector::new(&cat).expect("bundled detection rules compile")
}

/// Runs the detector and checks that every evidence span is a valid range
/// on char boundaries of `text`.
fn detect(d: &Detector, text: &str, competencies: &[String]) -> Vec<Finding> {
    let findings = d.detect(&Answer::new(text), competencies, &NoEnv);
    for f in &findings {
        for r in &f.evidence {
            assert!(
                r.start <= r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end),
                "trap {}: evidence {r:?} is not a char range of {text:?}",
                f.id
            );
        }
    }
    findings
}

fn ids(findings: &[Finding]) -> String {
    findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 150 {
        format!("{}…", one_line.chars().take(150).collect::<String>())
    } else {
        one_line
    }
}

#[derive(Default)]
struct Row {
    falls: usize,
    recalled: usize,
    strong: usize,
    false_positives: usize,
    failures: Vec<String>,
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 { "-".into() } else { format!("{:.1}%", 100.0 * n as f64 / d as f64) }
}

#[test]
fn corpus_recall_and_false_positives() {
    let d = detector();
    let (cat, _) = hotseat::traps::load(None);
    let corpus = load_corpus(&corpus_dir());
    assert!(!corpus.is_empty(), "no corpus files in {}", corpus_dir().display());
    let default_dir = std::env::var_os("CORPUS_DIR").is_none();

    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for (name, c) in &corpus {
        let key = c.trap.clone().unwrap_or_else(|| name.trim_end_matches(".ron").to_string());
        if let Some(trap) = &c.trap {
            assert!(cat.get(trap).is_some(), "{name}: unknown trap {trap:?}");
            let stem = name.split('.').next().unwrap_or_default();
            assert!(stem == trap || !default_dir, "{name}: a trap's corpus file is named after the trap");
        } else {
            assert!(c.fall.is_empty(), "{name}: `fall` answers need a `trap`");
        }
        let row = rows.entry(key).or_default();
        for text in &c.fall {
            let trap = c.trap.as_deref().expect("checked above");
            let found = detect(&d, text, &c.competencies);
            row.falls += 1;
            if found.iter().any(|f| f.id == trap) {
                row.recalled += 1;
            } else {
                row.failures.push(format!("  MISS  [{}] {}", ids(&found), short(text)));
            }
        }
        for text in &c.strong {
            let found = detect(&d, text, &c.competencies);
            row.strong += 1;
            if !found.is_empty() {
                row.false_positives += 1;
                row.failures.push(format!("  FP    [{}] {}", ids(&found), short(text)));
            }
        }
    }

    let (mut falls, mut recalled, mut strong, mut fps) = (0, 0, 0, 0);
    println!("\n{:<32} {:>6} {:>8} {:>7} {:>6} {:>7}", "trap", "fall", "recall", "strong", "FP", "FP%");
    for (trap, row) in &rows {
        println!(
            "{:<32} {:>6} {:>8} {:>7} {:>6} {:>7}",
            trap,
            row.falls,
            pct(row.recalled, row.falls),
            row.strong,
            row.false_positives,
            pct(row.false_positives, row.strong)
        );
        for f in &row.failures {
            println!("{f}");
        }
        falls += row.falls;
        recalled += row.recalled;
        strong += row.strong;
        fps += row.false_positives;
    }
    println!(
        "{:<32} {:>6} {:>8} {:>7} {:>6} {:>7}\n",
        "TOTAL",
        falls,
        pct(recalled, falls),
        strong,
        fps,
        pct(fps, strong)
    );

    // A stricter view, reported but not asserted: every strong answer again
    // with no competency, so that every rule runs, scoped or not.
    let mut unscoped = Vec::new();
    for (_, c) in &corpus {
        for text in &c.strong {
            let found = detect(&d, text, &[]);
            if !found.is_empty() {
                unscoped.push(format!("  FP    [{}] {}", ids(&found), short(text)));
            }
        }
    }
    println!("strong answers with no competency (every rule runs): {} of {} fire a trap", unscoped.len(), strong);
    for f in &unscoped {
        println!("{f}");
    }
    println!();

    if default_dir {
        // Every text trap has its corpus, of the promised size and mix.
        for t in cat.traps.iter().filter(|t| !t.detect.is_empty()) {
            let (name, c) = corpus
                .iter()
                .find(|(_, c)| c.trap.as_deref() == Some(t.id.as_str()))
                .unwrap_or_else(|| panic!("no corpus file for trap {}", t.id));
            assert!(c.fall.len() >= 10 && c.strong.len() >= 10, "{name}: needs 10 fall and 10 strong answers");
            let zh = |v: &[String]| v.iter().filter(|s| s.chars().any(hotseat::rules::signals::is_cjk)).count();
            assert!(zh(&c.fall) >= 3 && zh(&c.strong) >= 3, "{name}: needs 3 Chinese answers in each list");
        }
        let other = corpus.iter().find(|(n, _)| n == "_other-topics.ron").expect("_other-topics.ron");
        assert!(other.1.competencies.is_empty() && other.1.strong.len() >= 20, "_other-topics.ron");
    }

    assert!(falls > 0 && strong > 0, "the corpus needs fall and strong answers");
    let recall = recalled as f64 / falls as f64;
    let fp_rate = fps as f64 / strong as f64;
    assert!(recall >= MIN_RECALL, "overall recall {:.1}% is under {:.0}%", 100.0 * recall, 100.0 * MIN_RECALL);
    assert!(fp_rate <= MAX_FP_RATE, "false positives {:.1}% are over {:.0}%", 100.0 * fp_rate, 100.0 * MAX_FP_RATE);
}

/// A model answer flagged as a trap would contradict the debrief that shows
/// it: each bundled model answer, assessed with its node's competencies and
/// with none, must fire no trap.
#[test]
fn bundled_model_answers_fall_into_no_trap() {
    let d = detector();
    let (cat, _) = hotseat::traps::load(None);
    let mut flagged = Vec::new();
    let mut seen = 0;
    for (name, src) in BUNDLED {
        let checked = check_bytes(name, src.as_bytes(), &cat);
        let sc = checked.scenario.unwrap_or_else(|| panic!("{name} parses"));
        for n in &sc.nodes {
            let Some(text) = &n.model_answer else { continue };
            seen += 1;
            // With the node's competencies, as the debrief reads it, and
            // with none, as `hotseat assess` does.
            for scope in [&n.competencies[..], &[]] {
                let found = detect(&d, text, scope);
                if !found.is_empty() {
                    flagged.push(format!("{name} / {} {scope:?}: [{}] {}", n.id, ids(&found), short(text)));
                }
            }
        }
    }
    assert!(seen >= 20, "only {seen} model answers found");
    assert!(flagged.is_empty(), "model answers fall into traps:\n{}", flagged.join("\n"));
}

/// Each trap's `example` is shown as what a strong answer sounds like, so it
/// must fire no trap either, even with every rule running; so must its
/// Chinese version, which a Chinese candidate is shown instead.
#[test]
fn catalogue_examples_fall_into_no_trap() {
    let d = detector();
    let (cat, _) = hotseat::traps::load(None);
    let flagged: Vec<String> = cat
        .traps
        .iter()
        .flat_map(|t| std::iter::once(&t.example).chain(t.zh.as_ref().map(|z| &z.example)).map(move |e| (t, e)))
        .filter_map(|(t, example)| {
            let found = detect(&d, example, &[]);
            (!found.is_empty()).then(|| format!("{}: [{}] {}", t.id, ids(&found), short(example)))
        })
        .collect();
    assert!(flagged.is_empty(), "catalogue examples fall into traps:\n{}", flagged.join("\n"));
}
