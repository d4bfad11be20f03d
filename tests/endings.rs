//! Endings and the verdict (issue 12, item 2): the interviewer's closing
//! remarks reach every output, an ending's `outcome` bounds the verdict,
//! and the debrief says why the verdict is what it is.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

/// A strong candidate, by every measure the score takes, who walks into an
/// ending the scenario declares `lean-no`.
const CAPPED: &str = r#"Scenario(
    format: 1, id: "capped", title: "Capped", company: "Acme Cloud", role: "Senior PM",
    language: En, difficulty: Medium, minutes: 5, author: "t", version: "1",
    description: "An ending that bounds the verdict.",
    persona: (name: "Li", role: "Director", style: "Blunt"),
    start: "q1",
    nodes: [
        (id: "q1", prompt: "What did your billing work do for the business?", limit_s: 300,
         competencies: ["billing"],
         answer: FreeText(rules: [(when: AnyOf(["stop"]), next: "end-early")], default: (next: "end-ok"))),
        (id: "end-ok", answer: End(remarks: "Thank you, we'll be in touch.")),
        (id: "end-early", answer: End(remarks: "I'm going to stop us here. Thank you for coming in.", outcome: "lean-no")),
    ],
)"#;

const STRONG: &str = "I moved forty government accounts from node-hours to a monthly commitment with a published overage rate; disputed invoices fell from 12 to 7 per thousand and committed spend rose from ¥61M to ¥87M in two quarters, which I reconciled with FP&A.";

fn play(answer: &str) -> (TempDir, Value, String) {
    let dir = TempDir::new().expect("tempdir");
    let sc = dir.path().join("capped.ron");
    std::fs::write(&sc, CAPPED).expect("scenario");
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, format!("{{\"q1\": [Text(text: {answer:?}, after_s: 30)]}}")).expect("answers");
    let json =
        hotseat(dir.path()).args(["playtest", "--json", "--answers"]).arg(&answers).arg(&sc).output().expect("runs");
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let v: Value = serde_json::from_slice(&json.stdout).expect("json");
    let text = hotseat(dir.path()).args(["playtest", "--answers"]).arg(&answers).arg(&sc).output().expect("runs");
    (dir, v, String::from_utf8_lossy(&text.stdout).into_owned())
}

#[test]
fn an_ending_declared_lean_no_holds_a_strong_answer_to_lean_no() {
    let (_d, v, text) = play(&format!("{STRONG} Happy to stop there."));
    let d = &v["debrief"];
    assert_eq!(d["end_node"], "end-early", "{d}");
    assert_eq!(d["outcome"], "lean-no");
    assert_eq!(d["verdict"], "lean-no", "the ending bounds the verdict: {d}");
    assert!(d["score"].as_u64().unwrap_or(0) >= 85, "the answer itself scores high: {d}");
    let why = d["why"].as_array().expect("why");
    assert!(why[0]["what"].as_str().unwrap_or("").contains("ending"), "the cap comes first in why: {why:?}");
    assert!(!text.contains("Verdict: hire") && !text.contains("Verdict: strong-hire"), "{text}");
    assert!(text.contains("I'm going to stop us here."), "the remark is printed:\n{text}");
    assert!(text.contains("The interviewer closed the interview after your answer to"), "{text}");
}

#[test]
fn the_same_answer_reaching_an_unbounded_ending_keeps_its_verdict() {
    let (_d, v, text) = play(STRONG);
    let d = &v["debrief"];
    assert_eq!(d["end_node"], "end-ok");
    assert_eq!(d["outcome"], Value::Null);
    assert_eq!(d["verdict"], "strong-hire", "{d}");
    assert_eq!(d["remark"], "Thank you, we'll be in touch.");
    assert!(text.contains("Thank you, we'll be in touch."), "{text}");
}

#[test]
fn no_bundled_playtest_reaching_a_no_hire_ending_prints_a_hire_verdict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = TempDir::new().expect("tempdir");
    for entry in std::fs::read_dir(root.join("tests/playtests")).expect("playtests") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let scenario = name.split('.').next().unwrap_or_default().to_string();
        let out = hotseat(data.path())
            .args(["playtest", "--json", &scenario, "--answers"])
            .arg(&path)
            .output()
            .expect("runs");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let d = &v["debrief"];
        let rank = |s: &Value| ["strong-hire", "hire", "lean-no", "no"].iter().position(|x| s == x);
        if let (Some(outcome), Some(verdict)) = (rank(&d["outcome"]), rank(&d["verdict"])) {
            assert!(verdict >= outcome, "{name}: verdict {} above the ending's {}", d["verdict"], d["outcome"]);
        }
        assert!(d["remark"].is_string(), "{name}: every bundled playtest ends on an End node with remarks: {d}");
    }
}

#[test]
fn an_unknown_outcome_is_a_located_error_naming_the_four_values() {
    let dir = TempDir::new().expect("tempdir");
    let sc = dir.path().join("bad.ron");
    std::fs::write(&sc, CAPPED.replace("outcome: \"lean-no\"", "outcome: \"no-hire\"")).expect("write");
    let out = hotseat(dir.path()).arg("check").arg(&sc).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.ron:"), "located: {err}");
    assert!(err.contains("\"no-hire\"") && err.contains("\"lean-no\""), "{err}");
}

/// The recorded session shows the close: the asciicast holds the
/// interviewer's remarks and, after them, the debrief; `debrief --json`
/// of the recording names the ending.
#[test]
fn a_recorded_session_exports_the_ending_remark_and_then_the_debrief() {
    let dir = TempDir::new().expect("tempdir");
    let sc = dir.path().join("capped.ron");
    std::fs::write(&sc, CAPPED).expect("scenario");
    let answers = dir.path().join("answers.ron");
    std::fs::write(
        &answers,
        format!("{{\"q1\": [Text(text: {:?}, after_s: 30)]}}", format!("{STRONG} Happy to stop there.")),
    )
    .expect("answers");
    let out =
        hotseat(dir.path()).args(["playtest", "--record", "--answers"]).arg(&answers).arg(&sc).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cast = dir.path().join("out.cast");
    let out = hotseat(dir.path()).args(["export", "--asciicast"]).arg(&cast).arg("latest").output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cast = screen_text(&std::fs::read_to_string(&cast).expect("cast"));
    // The cast holds only what changed from frame to frame, so look for
    // the ending screen's heading and the start of the remark, which are
    // new when that screen appears.
    let heading = cast.find("Theinterviewerendsithere").expect("the ending screen is in the cast");
    let remark = cast.find("I'mgoingtostopushere").expect("the remark is in the cast");
    let debrief = cast.rfind("Verdict").expect("the debrief follows");
    assert!(heading < debrief && remark < debrief, "the close comes before the debrief: {cast}");
    let out = hotseat(dir.path()).args(["debrief", "--format", "json", "latest"]).output().expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = if v["debrief"].is_object() { &v["debrief"] } else { &v };
    assert_eq!(d["end_node"], "end-early", "{v}");
    assert_eq!(d["verdict"], "lean-no");
}

/// What an asciicast writes on screen, in order, with escape sequences,
/// spaces and box lines taken out (a wrapped or partly redrawn line then
/// still reads as its words).
fn screen_text(cast: &str) -> String {
    let mut out = String::new();
    for line in cast.lines().skip(1) {
        let Ok(Value::Array(event)) = serde_json::from_str::<Value>(line) else { continue };
        let data = event.get(2).and_then(Value::as_str).unwrap_or_default();
        let mut chars = data.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // CSI: ESC [ parameters final-letter.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                continue;
            }
            if !c.is_whitespace() && !"│─┌┐└┘█║".contains(c) {
                out.push(c);
            }
        }
    }
    out
}
