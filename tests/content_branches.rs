//! The branches of the bundled scenarios that issue 15 tightened: each test
//! plays a scripted candidate through the bundled scenario and checks where
//! one answer leads. A partial script stops at the first node it has no
//! answer for, which is the node the answer led to.

use std::sync::Arc;

use hotseat::assess::debrief::{self, Verdict};
use hotseat::i18n::Lang;
use hotseat::library::BUNDLED;
use hotseat::playtest::{self, PlaytestError, Script, Step};
use hotseat::scenario::load::check_bytes;
use hotseat::scenario::{Answer, Scenario};
use hotseat::session::{Compiled, State};

fn scenario(id: &str) -> Scenario {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    let (name, src) = BUNDLED.iter().find(|(name, _)| *name == format!("{id}.ron")).expect("bundled scenario");
    check_bytes(name, src.as_bytes(), &cat).scenario.expect("bundled scenario parses")
}

fn compiled(id: &str) -> Arc<Compiled> {
    let (cat, _) = hotseat::traps::load(None);
    Compiled::new(scenario(id), cat).expect("compiles")
}

fn script(src: &str) -> Script {
    playtest::parse("inline", src).unwrap_or_else(|e| panic!("{e}"))
}

fn strong_script(id: &str) -> Script {
    let path = format!("{}/tests/playtests/{id}.strong.ron", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    playtest::parse(&path, &src).unwrap_or_else(|e| panic!("{e}"))
}

/// Where the script leads: the first node it has no answer for, or the end
/// node it finishes on.
fn reached(id: &str, script: &Script) -> String {
    match playtest::play(compiled(id), 0, script) {
        Err(PlaytestError::Missing { node, .. }) => node,
        Err(e) => panic!("{id}: {e}"),
        Ok(state) => finished_on(&state),
    }
}

fn finished_on(state: &State) -> String {
    assert!(state.current().is_end(), "finished off an end node: {}", state.current().id);
    state.current().id.clone()
}

fn text(s: &str) -> Vec<Step> {
    vec![Step::Text { text: s.to_string(), after_s: Some(30.0) }]
}

fn number(value: f64) -> Vec<Step> {
    vec![Step::Number { value, after_s: Some(30.0) }]
}

// ---------------------------------------------------------------------------
// alibaba-cloud-pm

#[test]
fn a_technical_percentage_is_not_economics_and_gets_the_pushback() {
    for answer in [
        "I led the Kubernetes migration of our inference platform, and p99 latency fell 40% across the fleet.",
        "I re-architected the cluster scheduler; throughput went up 3x and uptime reached 99.99%.",
    ] {
        let s = script(&format!("{{\"start\": [Text(text: {answer:?})]}}"));
        assert_eq!(reached("alibaba-cloud-pm", &s), "tech-pushback", "{answer}");
    }
    // A figure next to a money word is economics: no pushback.
    let s = script(
        r#"{"start": [Text(text: "I led the Kubernetes migration, and it cut our cost per vCPU-hour by 24%, from ¥0.21 to ¥0.16.")]}"#,
    );
    assert_eq!(reached("alibaba-cloud-pm", &s), "proof");
}

#[test]
fn a_figure_with_no_document_behind_it_is_asked_for_its_source() {
    let mut s = strong_script("alibaba-cloud-pm");
    s.retain(|k, _| k == "start");
    s.insert("proof".into(), text("It went up roughly 20%, I'm fairly sure."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "proof-source");
    // Still no document: counted as a dodge, and the interview moves on.
    s.insert("proof-source".into(), text("Around 20% overall; I'd have to check."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "billing-design");
    // After an earlier dodge, the same answer ends the interview.
    s.insert("start".into(), text("I led the Kubernetes migration, and p99 latency fell 40%."));
    s.insert("tech-pushback".into(), text("It cut our cost per vCPU-hour from ¥0.21 to ¥0.16."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "end-early");
    // Naming the document and the figures goes straight on.
    s.insert("proof".into(), text("The signed renewals: committed spend went from ¥61M to ¥87M, reconciled by FP&A."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "billing-design");
}

#[test]
fn a_wrong_margin_is_followed_by_a_walk_through() {
    let mut s = strong_script("alibaba-cloud-pm");
    s.retain(|k, _| ["start", "proof", "billing-design", "commitment-bill"].contains(&k.as_str()));
    s.insert("unit-cost-quiz".into(), number(20.0));
    assert_eq!(reached("alibaba-cloud-pm", &s), "margin-walkthrough");
}

#[test]
fn matching_the_price_cut_for_nothing_is_challenged() {
    let mut s = strong_script("alibaba-cloud-pm");
    s.remove("channel");
    s.insert("match-or-not".into(), text("Yes, we match it straight away; losing the SOE would be worse."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "giveaway-probe");
    s.insert("match-or-not".into(), text("Only against a two-year term and a committed block 50% larger."));
    assert_eq!(reached("alibaba-cloud-pm", &s), "channel");
}

// ---------------------------------------------------------------------------
// tencent-compliance-panel

#[test]
fn a_mainland_primary_does_not_excuse_a_copy_abroad() {
    let mut s = strong_script("tencent-compliance-panel");
    s.retain(|k, _| ["mlps-shock", "shadow-choice"].contains(&k.as_str()));
    for answer in [
        "Primary in Shanghai, and we keep the Singapore DR copy.",
        "Primary and index in Beijing; disaster recovery goes to Hong Kong, which is still China.",
        "Store everything in a domestic region in Shenzhen. The global index stays as it is for ops.",
    ] {
        s.insert("residency-map".into(), text(answer));
        assert_eq!(reached("tencent-compliance-panel", &s), "jurisdiction-probe", "{answer}");
    }
    // Rejecting the copy abroad in the same sentence goes straight on.
    s.insert(
        "residency-map".into(),
        text("Primary in Shanghai and DR in Beijing rather than Singapore; overseas replication is switched off for the tenant."),
    );
    assert_eq!(reached("tencent-compliance-panel", &s), "log-retention-cost");
}

#[test]
fn a_thin_audit_answer_gets_its_own_follow_up_not_the_timeout_line() {
    let mut s = strong_script("tencent-compliance-panel");
    s.retain(|k, _| {
        ["mlps-shock", "shadow-choice", "residency-map", "log-retention-cost", "prd-tab", "dsl-pipl", "sdwan-carrier"]
            .contains(&k.as_str())
    });
    s.insert("audit-30day".into(), vec![Step::Text { text: "We'd fix the gaps.".into(), after_s: Some(8.0) }]);
    assert_eq!(reached("tencent-compliance-panel", &s), "audit-thin");
    let sc = scenario("tencent-compliance-panel");
    let thin = sc.nodes.iter().find(|n| n.id == "audit-thin").expect("node");
    let said = format!("{} {}", thin.context.as_deref().unwrap_or(""), thin.prompt).to_lowercase();
    assert!(!said.contains("time."), "an 8-second answer is not told time is up: {said}");
    // Running out the clock still reaches the timeout line.
    s.insert("audit-30day".into(), vec![Step::Timeout]);
    assert_eq!(reached("tencent-compliance-panel", &s), "audit-triage");
}

// ---------------------------------------------------------------------------
// huawei-case

fn play_huawei(edit: impl FnOnce(&mut Script)) -> (String, Option<Verdict>) {
    let mut s = strong_script("huawei-case");
    edit(&mut s);
    let state = playtest::play(compiled("huawei-case"), 0, &s).unwrap_or_else(|e| panic!("{e}"));
    let end = finished_on(&state);
    (end, debrief::build_in(&state, Lang::En).verdict)
}

#[test]
fn huawei_case_with_every_number_wrong_ends_with_a_no_hire() {
    let (end, verdict) = play_huawei(|s| {
        s.insert("chargeback".into(), number(360000.0));
        s.insert("idle-probe".into(), text("Each city should carry its own idle hours through a monthly commitment."));
        s.insert("storage-waste".into(), number(78000.0));
        s.insert("tco-power".into(), number(259200.0));
    });
    assert_eq!(end, "end-numbers");
    assert_eq!(verdict, Some(Verdict::No));
}

#[test]
fn huawei_case_sending_training_to_hong_kong_does_not_end_in_an_offer() {
    let (end, verdict) = play_huawei(|s| {
        s.insert("residency-choice".into(), vec![Step::Label { label: "Whichever".into(), after_s: Some(20.0) }]);
    });
    assert_eq!(end, "end-trust");
    assert_eq!(verdict, Some(Verdict::No));
}

#[test]
fn huawei_case_strong_candidate_still_reaches_the_offer() {
    let (end, verdict) = play_huawei(|_| {});
    assert_eq!(end, "end-offer");
    assert!(matches!(verdict, Some(Verdict::Hire | Verdict::StrongHire)), "{verdict:?}");
}

// ---------------------------------------------------------------------------
// offer-negotiation

fn offer_script_to(node: &str) -> Script {
    let order = ["start", "offer-reveal", "first-reaction", "leverage", "level-mapping", "band-cap"];
    let mut s = strong_script("offer-negotiation");
    let keep = order.iter().position(|n| *n == node).expect("known node");
    s.retain(|k, _| order[..keep].contains(&k.as_str()));
    s
}

#[test]
fn a_competing_offer_that_sounds_bluffed_is_asked_to_be_shown() {
    for answer in [
        "It's a verbal offer for now, around ¥1.05M in year one; the letter should come next week.",
        "Another big cloud company, about ¥1.05M year one. I'd rather not say which.",
    ] {
        let mut s = offer_script_to("leverage");
        s.insert("leverage".into(), text(answer));
        assert_eq!(reached("offer-negotiation", &s), "show-offer", "{answer}");
    }
    let mut s = offer_script_to("leverage");
    s.insert(
        "leverage".into(),
        text("Tencent Cloud, in writing until Friday: ¥1.05M in year one, ¥680K base, a ¥136K bonus at target, ¥134K stock and a ¥100K sign-on."),
    );
    assert_eq!(reached("offer-negotiation", &s), "level-mapping");
}

#[test]
fn threatening_to_walk_away_is_asked_for_the_number_that_keeps_you() {
    let mut s = offer_script_to("band-cap");
    s.insert("band-cap".into(), text("Then I'll walk away and take the other offer."));
    assert_eq!(reached("offer-negotiation", &s), "walk-away");
    s.insert("walk-away".into(), text("No, I've made up my mind."));
    assert_eq!(reached("offer-negotiation", &s), "end-walked");
    s.insert("walk-away".into(), text("Base ¥660K, RSUs ¥520K, a ¥100K sign-on and the bonus at target: ¥1,022K."));
    assert_eq!(reached("offer-negotiation", &s), "counter-calc");
}

// ---------------------------------------------------------------------------
// Every scenario

/// In every choice question once seen, the right option was the longest: a
/// candidate could pick by length. Now it is the longest in at most half.
#[test]
fn the_right_option_is_not_usually_the_longest() {
    let (mut choices, mut longest_is_right) = (0, 0);
    for (name, _) in BUNDLED {
        let sc = scenario(name.trim_end_matches(".ron"));
        for n in &sc.nodes {
            let Answer::Choice { options } = &n.answer else { continue };
            choices += 1;
            let len = |l: &str| l.chars().count();
            let max = options.iter().map(|o| len(&o.label)).max().unwrap_or(0);
            let longest: Vec<_> = options.iter().filter(|o| len(&o.label) == max).collect();
            if longest.iter().all(|o| o.trap.is_none()) {
                longest_is_right += 1;
                println!("{} / {}: the longest option is a right one", sc.id, n.id);
            }
        }
    }
    assert!(choices >= 9, "{choices} choice questions");
    assert!(longest_is_right * 2 <= choices, "{longest_is_right} of {choices} choices: the longest option is right");
}

/// The regime in force is MLPS 2.0 (等保2.0): no scenario may teach a
/// "3.0" as if it existed.
#[test]
fn no_bundled_scenario_names_a_nonexistent_mlps_version() {
    for (name, src) in BUNDLED {
        let flat: String = src.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        for bad in ["mlps3", "等保3", "等级保护3"] {
            assert!(!flat.contains(bad), "{name} names a nonexistent regime ({bad})");
        }
    }
}

/// A US big-tech offer is no lever for a Hangzhou seat: no model answer or
/// trap example uses one. A seat in the US is the exception: there the
/// seed's own lever is a Google or Meta PM offer at a mapped level.
#[test]
fn no_model_answer_or_trap_example_leans_on_a_us_offer() {
    const US_SEATS: &[&str] = &["us-seat-negotiation"];
    let (cat, _) = hotseat::traps::load(None);
    let examples = cat
        .traps
        .iter()
        .flat_map(|t| std::iter::once(t.example.clone()).chain(t.zh.as_ref().map(|z| z.example.clone())));
    let answers = BUNDLED
        .iter()
        .map(|(name, _)| name.trim_end_matches(".ron"))
        .filter(|id| !US_SEATS.contains(id))
        .flat_map(|id| scenario(id).nodes)
        .filter_map(|n| n.model_answer);
    for text in examples.chain(answers) {
        let lower = text.to_lowercase();
        for bad in ["meta", "ic6", "google"] {
            let hit = lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == bad);
            assert!(!hit, "leans on a US offer ({bad}): {text}");
        }
    }
}

// ---------------------------------------------------------------------------
// Figures

fn numeric_expected(id: &str, node: &str) -> f64 {
    let sc = scenario(id);
    let n = sc.nodes.iter().find(|n| n.id == node).expect("node");
    match n.answer {
        Answer::Numeric { expected, .. } => expected,
        _ => panic!("{node} is not numeric"),
    }
}

/// A tax-inclusive (含税) bid: the seller's margin is on the price net of
/// 6% VAT, ¥100 → ¥90 含税 with a ¥70 cost.
#[test]
fn the_tax_inclusive_margin_follows_from_its_prompt() {
    let margin = |gross: f64| {
        let net = gross / 1.06;
        (net - 70.0) / net * 100.0
    };
    assert!((margin(100.0) - 25.8).abs() < 0.05);
    assert!((numeric_expected("alibaba-cloud-pm", "vat-inclusive") - margin(90.0)).abs() < 0.05);
    let volume: f64 = (100.0 / 1.06 - 70.0) / (90.0 / 1.06 - 70.0);
    assert!((volume - 1.633).abs() < 0.005, "volume must rise about 63%: {volume}");
    // The net quiz before it: 20 / 90.
    assert!((numeric_expected("alibaba-cloud-pm", "unit-cost-quiz") - 20.0 / 90.0 * 100.0).abs() < 0.01);
}

/// The idle-capacity example's second figure once read ¥0.5; from its own
/// first figure (¥1.4 of idle cost per used hour at 40% utilisation) it is
/// about ¥0.36 at 72%.
#[test]
fn the_idle_capacity_example_recomputes_from_its_own_figures() {
    let per_capacity_hour: f64 = 1.4 * 0.4 / 0.6;
    let at_72 = per_capacity_hour * 0.28 / 0.72;
    assert!((at_72 - 0.36).abs() < 0.01, "{at_72}");
    let (cat, _) = hotseat::traps::load(None);
    let t = cat.traps.iter().find(|t| t.id == "idle-capacity-is-free").expect("trap");
    assert!(t.example.contains("¥0.36") && !t.example.contains("¥0.5"), "{}", t.example);
    assert!(t.zh.as_ref().is_some_and(|z| z.example.contains("0.36")));
}
