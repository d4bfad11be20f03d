//! Records a real drill the way `hotseat drill` builds one (plan, build,
//! play with short weak answers, record), so progress and cohort tests
//! read a session of scenario `drill` whose questions are other
//! scenarios' nodes (`<scenario>--<node>`).

use std::path::Path;

use hotseat::i18n::Lang;
use hotseat::practice::drill::{self, Request};
use hotseat::scenario::Scenario;
use hotseat::scenario::model::Answer;

use super::cli::{describe, hotseat};

/// The bundled scenarios, parsed.
pub fn bundled() -> Vec<Scenario> {
    let cat = hotseat::traps::load(None).0;
    hotseat::library::BUNDLED
        .iter()
        .map(|(name, src)| {
            let checked = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat);
            checked.runnable().cloned().unwrap_or_else(|| panic!("{name} runs"))
        })
        .collect()
}

/// A short, weak scripted answer for each question of `sc`.
pub fn answers(sc: &Scenario) -> String {
    let mut out = String::from("{\n");
    for n in sc.nodes.iter().filter(|n| !n.is_end()) {
        let step = match &n.answer {
            Answer::Choice { .. } => "Choice(pick: 1, after_s: 20)".to_string(),
            Answer::Numeric { .. } => "Number(value: 1, after_s: 20)".to_string(),
            Answer::Spoken { .. } => "Spoken(points: [1], after_s: 30)".to_string(),
            _ => {
                "Text(text: \"We did a lot of things and it went well, the team was happy.\", after_s: 30)".to_string()
            }
        };
        out.push_str(&format!("    \"{}\": [{step}],\n", n.id));
    }
    out.push('}');
    out
}

/// Plans a first ten-minute drill, records it with weak answers in `data`
/// and returns its questions' source (scenario, node) pairs.
pub fn record_drill(data: &Path) -> Vec<(String, String)> {
    let lib = bundled();
    let refs: Vec<&Scenario> = lib.iter().collect();
    let req = Request { trap: None, competency: None, minutes: 10, lang: Lang::En };
    let plan = drill::plan(&refs, &[], &req).expect("a plan");
    let cat = hotseat::traps::load(None).0;
    let src = drill::build(&plan, &refs, &cat, Lang::En).expect("built");
    let work = tempfile::tempdir().expect("tempdir");
    let file = work.path().join("drill.ron");
    std::fs::write(&file, &src).expect("writes");
    let sc = hotseat::scenario::load::check_bytes("drill.ron", src.as_bytes(), &cat).scenario.expect("parses");
    let script = work.path().join("answers.ron");
    std::fs::write(&script, answers(&sc)).expect("writes");
    let out =
        hotseat(data).arg("playtest").arg(&file).arg("--answers").arg(&script).arg("--record").output().expect("runs");
    assert!(out.status.success(), "{}", describe(&out));
    plan.questions.iter().map(|q| (q.scenario.clone(), q.node.clone())).collect()
}
