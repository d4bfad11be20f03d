//! The bundled scenarios: each one validates clean and meets the bar the
//! product promises (size, branching, timeouts, endings), and together
//! they expose every trap in the catalogue.

use std::collections::BTreeSet;

use hotseat::library::BUNDLED;
use hotseat::scenario::load::check_bytes;
use hotseat::scenario::{Answer, Scenario, Timeout};

fn bundled() -> Vec<Scenario> {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    BUNDLED
        .iter()
        .map(|(name, src)| {
            let checked = check_bytes(name, src.as_bytes(), &cat);
            assert!(checked.diagnostics.is_empty(), "{name} is not clean: {:#?}", checked.diagnostics);
            checked.scenario.expect("clean scenario parses")
        })
        .collect()
}

#[test]
fn the_bundled_scenarios_are_bundled_under_their_ids() {
    let ids: Vec<String> = bundled().into_iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "alibaba-cloud-pm",
            "tencent-compliance-panel",
            "huawei-case",
            "offer-negotiation",
            "behavioral-zh",
            "us-seat-negotiation",
            "hr-round-zh",
            "bar-raiser-intl",
            "dual-stack-gtm",
            "token-pricing",
        ]
    );
    for (name, _) in BUNDLED {
        assert!(ids.iter().any(|id| format!("{id}.ron") == *name), "{name} is named after its id");
    }
}

#[test]
fn each_scenario_meets_the_bar() {
    for sc in bundled() {
        let id = &sc.id;
        assert!(sc.nodes.len() >= 12, "{id}: {} nodes", sc.nodes.len());
        let ends = sc.nodes.iter().filter(|n| n.is_end()).count();
        assert!(ends >= 2, "{id}: {ends} end nodes");
        let timeouts = sc.nodes.iter().filter(|n| matches!(n.on_timeout, Timeout::Goto(_))).count();
        assert!(timeouts >= 1, "{id}: no timeout branch");
        let text_branches: usize = sc
            .nodes
            .iter()
            .map(|n| match &n.answer {
                Answer::FreeText { rules, default } => rules.iter().filter(|r| r.next != default.next).count(),
                _ => 0,
            })
            .sum();
        assert!(text_branches >= 3, "{id}: {text_branches} free-text branches");
        let numeric = sc.nodes.iter().any(|n| matches!(n.answer, Answer::Numeric { .. }));
        assert!(numeric, "{id}: no numeric question");
        let start = sc.nodes.iter().find(|n| n.id == sc.start).expect("start exists");
        assert!(start.limit_s.unwrap_or(0) >= 60, "{id}: first question allows under 60 s");
    }
}

#[test]
fn together_they_expose_every_catalogue_trap() {
    let (cat, _) = hotseat::traps::load(None);
    let scenarios = bundled();
    let exposed: BTreeSet<&str> = scenarios.iter().flat_map(|s| s.exposed_traps()).collect();
    let all: BTreeSet<&str> = cat.ids().collect();
    assert_eq!(all.len(), 18);
    let missing: Vec<&&str> = all.difference(&exposed).collect();
    assert!(missing.is_empty(), "no bundled scenario exposes {missing:?}");
}

#[test]
fn the_chinese_scenarios_are_written_in_chinese() {
    for id in ["behavioral-zh", "hr-round-zh"] {
        let sc = bundled().into_iter().find(|s| s.id == id).expect("bundled");
        assert_eq!(sc.language.code(), "zh", "{id}");
        for n in sc.nodes.iter().filter(|n| !n.is_end()) {
            let cjk = n.prompt.chars().filter(|&c| hotseat::rules::signals::is_cjk(c)).count();
            assert!(cjk * 2 >= n.prompt.chars().filter(|c| c.is_alphabetic()).count(), "{id} {}: {}", n.id, n.prompt);
        }
    }
}

#[test]
fn bundled_catalogue_has_exactly_the_documented_ids() {
    let (cat, _) = hotseat::traps::load(None);
    let ids: Vec<&str> = cat.ids().collect();
    assert_eq!(
        ids,
        [
            "tech-over-economics",
            "unquantified-impact",
            "output-over-pnl",
            "consumer-metrics-framing",
            "compliance-deferred-to-legal",
            "reactive-compliance",
            "security-as-afterthought",
            "ignores-data-jurisdiction",
            "idle-capacity-is-free",
            "usage-pricing-assumption",
            "workaround-over-supply-chain",
            "sales-owns-positioning",
            "no-structure",
            "generic-behavioral",
            "single-dimension-negotiation",
            "no-leverage",
            "vague-ask",
            "over-time",
        ]
    );
    assert!(hotseat::assess::Detector::new(&cat).is_ok(), "every detection rule compiles");
    let checked = check_bytes("traps.ron", hotseat::traps::BUNDLED_SOURCE.as_bytes(), &cat);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
}

/// A Chinese candidate is coached from the `zh` texts, so every bundled
/// trap has all four, written in Chinese rather than copied from the
/// English, with a title short enough for the debrief's heading.
#[test]
fn every_bundled_trap_has_chinese_coaching() {
    use hotseat::rules::signals::is_cjk;
    let (cat, _) = hotseat::traps::load(None);
    for t in &cat.traps {
        let id = &t.id;
        let zh = t.zh.as_ref().unwrap_or_else(|| panic!("{id}: no zh texts"));
        let pairs = [
            ("title", &t.title, &zh.title),
            ("why", &t.why, &zh.why),
            ("instead", &t.instead, &zh.instead),
            ("example", &t.example, &zh.example),
        ];
        for (field, en, text) in pairs {
            assert!(!text.trim().is_empty(), "{id}: zh {field} is empty");
            assert_ne!(text.trim(), en.trim(), "{id}: zh {field} is the English text");
            let cjk = text.chars().filter(|&c| is_cjk(c)).count();
            let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert!(cjk > 0 && cjk >= latin, "{id}: zh {field} is not mostly Chinese: {text}");
        }
        assert!(!zh.title.is_ascii(), "{id}: zh title is ASCII only");
        assert!(zh.title.chars().count() <= 16, "{id}: zh title over 16 characters: {}", zh.title);
    }
}

/// The regime in force is MLPS 2.0 (等保2.0, GB/T 22239-2019): coaching
/// that names a "3.0" teaches the candidate a regulation that does not
/// exist, in either language.
#[test]
fn no_trap_text_names_a_nonexistent_mlps_version() {
    let (cat, _) = hotseat::traps::load(None);
    for t in &cat.traps {
        let zh = t.zh.iter().flat_map(|z| [&z.title, &z.why, &z.instead, &z.example]);
        for text in [&t.title, &t.why, &t.instead, &t.example].into_iter().chain(zh) {
            let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
            for bad in ["mlps3", "等保3", "等级保护3"] {
                assert!(!flat.contains(bad), "{}: names a nonexistent regime: {text}", t.id);
            }
        }
    }
}
