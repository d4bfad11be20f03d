//! Regression tests for the sentences issue 12 quoted from realistic
//! answers: each missed trap now fires, each false alarm no longer does.
//! Every answer is checked both with no competency (as `hotseat assess`
//! reads it) and, where the issue named one, with its node's competencies.

use hotseat::assess::{Detector, Finding};
use hotseat::rules::{Answer, NoEnv};

fn detector() -> Detector {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    Detector::new(&cat).expect("bundled detection rules compile")
}

fn found(text: &str, competencies: &[&str]) -> Vec<String> {
    let competencies: Vec<String> = competencies.iter().map(|c| c.to_string()).collect();
    let findings: Vec<Finding> = detector().detect(&Answer::new(text), &competencies, &NoEnv);
    findings.into_iter().map(|f| f.id).collect()
}

fn fires(trap: &str, text: &str) {
    let ids = found(text, &[]);
    assert!(ids.iter().any(|id| id == trap), "{trap} should fire on {text:?}, found {ids:?}");
}

fn clean(text: &str, competencies: &[&str]) {
    for scope in [&[][..], competencies] {
        let ids = found(text, scope);
        assert!(ids.is_empty(), "no trap should fire on {text:?} (competencies {scope:?}), found {ids:?}");
    }
}

#[test]
fn no_other_company_and_no_market_data_is_no_leverage() {
    fires(
        "no-leverage",
        "I haven't spoken to any other company and I don't really know what the market pays, ¥1.2M just feels right",
    );
}

#[test]
fn a_bluffed_competing_offer_with_an_ultimatum_is_no_leverage() {
    fires(
        "no-leverage",
        "I'll tell them I have a Tencent Cloud offer at ¥1.3M even though I don't, and that I walk away on Friday unless they match it.",
    );
}

#[test]
fn caring_only_about_the_monthly_base_is_single_dimension() {
    fires(
        "single-dimension-negotiation",
        "all I really care about is the monthly base, the stock is too far away to count",
    );
}

#[test]
fn security_signing_an_appendix_after_design_is_an_afterthought() {
    fires("security-as-afterthought", "the security team signs off on an appendix once the design is finished");
}

#[test]
fn keeping_an_encrypted_singapore_dr_copy_ignores_jurisdiction() {
    fires("ignores-data-jurisdiction", "Keep the Singapore DR copy, it's encrypted so it should be fine");
}

#[test]
fn data_governance_as_the_banks_problem_ignores_jurisdiction() {
    fires(
        "ignores-data-jurisdiction",
        "data governance is really the bank's responsibility, we're just infrastructure",
    );
}

#[test]
fn opening_with_one_time_does_not_switch_off_generic_behavioral() {
    fires("generic-behavioral", "有一次跨部门合作，我们充分沟通，求同存异，最后达成共识。");
}

#[test]
fn a_residency_answer_that_deletes_the_singapore_copy_is_clean() {
    clean(
        "所有数据副本都放在中国境内，包括备份；新加坡的那份副本我们已经删除，存储和灾备都在上海和北京两个可用区。",
        &["data-residency", "compliance"],
    );
}

#[test]
fn one_word_remediation_in_a_proactive_plan_is_not_reactive() {
    clean(
        "We designed the audit controls up front in the PRD, mapped to each clause, and built a remediation runbook so any gap found in the annual assessment is closed within 30 days.",
        &["compliance", "security"],
    );
}

#[test]
fn a_precise_counter_is_not_no_leverage() {
    clean(
        "I'd move RSU from ¥400K to ¥600K and add a ¥100K sign-on; with that I'm ready to sign this week.",
        &["negotiation"],
    );
}

#[test]
fn engineering_velocity_beside_unit_cost_is_not_output_over_pnl() {
    clean(
        "My biggest win was lifting engineering velocity by 30% while cutting cloud cost per customer from ¥41 to ¥29.",
        &["unit-economics"],
    );
}

#[test]
fn a_vague_word_quoted_to_correct_it_is_not_a_vague_ask() {
    clean(
        "Fair, 'a bit more' was lazy of me, so let me be exact. I'm asking for ¥1.05M year-one total to match the written Huawei Cloud offer: base ¥640K, RSU ¥640K over four years, a ¥120K sign-on.",
        &["negotiation"],
    );
}

#[test]
fn blame_in_one_sentence_is_not_cancelled_by_ownership_in_another() {
    // Sentence scope at work in a catalogue rule: the hand-off sentence is
    // read on its own.
    fires(
        "compliance-deferred-to-legal",
        "I led the rollout end to end. On the residency question, honestly, that's counsel's call, not mine; whatever they say we implement.",
    );
}
