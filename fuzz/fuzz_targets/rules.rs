//! Arbitrary text through the rule engine, as `hotseat assess` and a live
//! answer run it: the answer signals, trap detection over the whole bundled
//! catalogue (with and without a competency scope), one bundled scenario's
//! FreeText rules on every node, and the negation helpers at arbitrary
//! spans. Every span any of them returns must slice the text (the debrief
//! and `assess` slice with them), and merged evidence must stay ordered.
#![no_main]

use std::ops::Range;

use hotseat::assess::debrief::merge;
use hotseat::rules::negation::{negated, rejected};
use hotseat::rules::{Answer, NoEnv};
use hotseat_fuzz::{detector, is_slice, scenarios};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Two leading bytes steer the run; the rest is the answer.
    let (steer, body) = data.split_at(data.len().min(2));
    let pick = |i: usize| usize::from(steer.get(i).copied().unwrap_or(0));
    let text = String::from_utf8_lossy(body);
    let answer = Answer::new(&text);
    signals(&answer);
    let scenario = &scenarios()[pick(0) % scenarios().len()];
    let competencies: Vec<String> = match pick(1) % 3 {
        0 => Vec::new(),
        // One node's tags, as a live answer to that node is assessed.
        _ => scenario
            .scenario
            .nodes
            .get(pick(1) % scenario.scenario.nodes.len().max(1))
            .map(|n| n.competencies.clone())
            .unwrap_or_default(),
    };
    for f in detector().detect(&answer, &competencies, &NoEnv) {
        evidence(&text, &f.evidence);
    }
    for node in 0..scenario.scenario.nodes.len() {
        for rule in scenario.rules(node) {
            if let Some(ev) = rule.eval(&answer, &NoEnv) {
                evidence(&text, &ev);
            }
        }
    }
    negation(&text, body);
});

fn signals(a: &Answer) {
    let s = &a.signals;
    for spans in [&s.numbers, &s.percents, &s.money, &s.changes, &s.structure, &s.hedges, &s.ownership, &s.deferrals] {
        evidence(a.text, spans);
    }
    assert!(s.latin_words + s.cjk_chars == s.words, "word counts disagree: {s:?}");
}

/// Evidence slices the text, and merging it (as the debrief and `assess`
/// do) gives ordered, disjoint, non-empty slices.
fn evidence(text: &str, ev: &[Range<usize>]) {
    for r in ev {
        assert!(is_slice(text, r), "span {r:?} does not slice a {}-byte text", text.len());
    }
    let merged = merge(ev, text.len());
    for w in merged.windows(2) {
        assert!(w[0].end < w[1].start, "merged spans overlap: {merged:?}");
    }
    for r in &merged {
        assert!(r.start < r.end && is_slice(text, r), "merged span {r:?} bad");
    }
}

/// The negation helpers at spans chosen by the input's own bytes, on
/// character boundaries (their contract), start <= end.
fn negation(text: &str, raw: &[u8]) {
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for pair in raw.chunks_exact(2).take(4) {
        let a = cuts[usize::from(pair[0]) * cuts.len() / 256];
        let b = cuts[usize::from(pair[1]) * cuts.len() / 256];
        let span = a.min(b)..a.max(b);
        let _ = rejected(text, span.clone());
        let _ = negated(text, span);
    }
}
