//! `hotseat check` on a playtest answers file: the same located errors
//! and hints as a scenario gets, and, when the scenario it is for is
//! known, every node id, option number, label and talking point checked
//! against it before a playtest would stop on the first.
//!
//! An answers file is told apart by its content (a RON map, `{...}`),
//! never by its name.

use ron::error::Error as RonError;

use super::{Script, Step, label_index, step_forms};
use crate::i18n::Lang;
use crate::scenario::diag::{Diagnostic, did_you_mean};
use crate::scenario::load::{Checked, report_syntax, report_unsafe_text, ron_options};
use crate::scenario::report::Reporter;
use crate::scenario::spans::{self, Kind, SpanNode};
use crate::scenario::{Answer, Node, Scenario};
use crate::text::quote;
use crate::tr;

/// Whether `text` is a playtest answers file rather than a scenario or
/// a trap catalogue: its document is a map.
pub fn is_answers(text: &str) -> bool {
    spans::root_is_map(text)
}

/// Checks answers-file text; with `scenario`, against it too. The
/// messages are in `lang`.
pub fn check_answers(lang: Lang, path: &str, text: String, scenario: Option<&Scenario>) -> Checked {
    let diagnostics = diagnose(lang, path, &text, scenario);
    Checked { path: path.to_string(), source: text, scenario: None, diagnostics }
}

fn diagnose(lang: Lang, path: &str, text: &str, scenario: Option<&Scenario>) -> Vec<Diagnostic> {
    let mut rep = Reporter::new(lang, path, text);
    let hazards = report_unsafe_text(&mut rep, text);
    match ron_options().from_str::<Script>(text) {
        Ok(script) => {
            if let Some(sc) = scenario {
                against(&mut rep, text, &script, sc);
            }
        }
        Err(e) => report_syntax(&mut rep, text, &hazards, &e, &describe),
    }
    let mut out = rep.diagnostics;
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// A `ron` error no lesson fits, in an answers file's terms.
fn describe(lang: Lang, code: &RonError) -> (String, String) {
    let forms = tr!(lang, "answers-forms", forms = step_forms(lang));
    match code {
        RonError::NoSuchEnumVariant { found, .. } => (tr!(lang, "answers-unknown-kind", found = quote(found)), forms),
        RonError::NoSuchStructField { found, expected, outer } => {
            let within = outer.as_ref().map(|o| tr!(lang, "ron-within", outer = o.as_str())).unwrap_or_default();
            let help = match did_you_mean(found, expected.iter().copied()) {
                Some(m) => tr!(lang, "diag-did-you-mean", name = m),
                None => tr!(lang, "ron-expected-one-of", list = expected.join(", ")),
            };
            (tr!(lang, "ron-unknown-field", found = quote(found), within = within), help)
        }
        RonError::SuggestRawIdentifier(found) => {
            (tr!(lang, "answers-bare-value", found = quote(found)), tr!(lang, "answers-bare-value-help", forms = forms))
        }
        RonError::ExpectedMapColon => (tr!(lang, "answers-expected-colon"), tr!(lang, "answers-expected-colon-help")),
        RonError::ExpectedMap | RonError::ExpectedMapEnd => {
            (tr!(lang, "answers-expected-map"), tr!(lang, "answers-expected-map-help"))
        }
        other => (super::teach(lang, &crate::text::one_line(&other.to_string())), forms),
    }
}

/// Every node id, answer kind, option, label and talking point checked
/// against the scenario, each at its place in the file.
fn against(rep: &mut Reporter, text: &str, script: &Script, sc: &Scenario) {
    let root = spans::scan(text);
    let entries: Vec<(&SpanNode, &SpanNode)> = match root.as_ref().map(|r| &r.kind) {
        Some(Kind::Map(entries)) => entries.iter().map(|(k, v)| (k, v)).collect(),
        _ => Vec::new(),
    };
    for (id, steps) in script {
        // The last entry with this id is the one the map keeps.
        let place = entries.iter().rev().find(|(k, _)| unquoted(text, k) == Some(id.as_str()));
        let key = place.map(|(k, _)| *k);
        let list = place.map(|(_, v)| *v);
        let Some(node) = sc.nodes.iter().find(|n| &n.id == id) else {
            let ids = sc.nodes.iter().map(|n| n.id.as_str());
            let lang = rep.lang;
            let help = match did_you_mean(id, ids) {
                Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
                None => tr!(lang, "answers-no-such-node-help", scenario = quote(&sc.id)),
            };
            rep.error(key, "unknown-node", tr!(lang, "diag-unknown-node", id = quote(id)), help);
            continue;
        };
        for (i, step) in steps.iter().enumerate() {
            let at = list.and_then(|l| l.item(i)).or(key);
            step_fits(rep, node, step, at);
        }
    }
}

/// A map key's text without its quotes, when it is a plain string.
fn unquoted<'t>(text: &'t str, key: &SpanNode) -> Option<&'t str> {
    text.get(key.span.clone())?.trim().strip_prefix('"')?.strip_suffix('"')
}

/// One answer against the node it answers.
fn step_fits(rep: &mut Reporter, node: &Node, step: &Step, at: Option<&SpanNode>) {
    let field = |name: &str| at.and_then(|s| s.field(name)).or(at);
    let id = quote(&node.id).into_owned();
    let lang = rep.lang;
    match (&node.answer, step) {
        (Answer::End { .. }, _) => rep.warning(
            at,
            "answer-for-end",
            tr!(lang, "answers-for-end", id = id.as_str()),
            tr!(lang, "answers-for-end-help"),
        ),
        (_, Step::Pass { .. } | Step::Timeout) => {}
        (Answer::Choice { options }, Step::Choice { pick, .. }) => {
            if *pick == 0 || *pick > options.len() {
                rep.error(
                    field("pick"),
                    "bad-answer",
                    tr!(lang, "answers-no-option", id = id.as_str(), n = options.len(), pick = pick.to_string()),
                    tr!(lang, "answers-no-option-help", n = options.len()),
                );
            }
        }
        (Answer::Choice { options }, Step::Label { label, .. }) => {
            if let Err(problem) = label_index(lang, options, label) {
                let labels: Vec<String> = options.iter().map(|o| format!("\"{}\"", quote(&o.label))).collect();
                let help = match did_you_mean(label, options.iter().map(|o| o.label.as_str())) {
                    Some(m) => tr!(lang, "diag-did-you-mean", name = quote(m)),
                    None => tr!(lang, "answers-options-are", list = labels.join(", ")),
                };
                let message = tr!(lang, "answers-bad-label", id = id.as_str(), problem = problem);
                rep.error(field("label"), "bad-answer", message, help);
            }
        }
        (Answer::Spoken { .. }, Step::Spoken { points, .. }) => {
            let n = node.talking_points.len();
            if let Some((i, p)) = points.iter().enumerate().find(|&(_, &p)| p == 0 || p > n) {
                let list = at.and_then(|s| s.field("points"));
                rep.error(
                    list.and_then(|l| l.item(i)).or(field("points")),
                    "bad-answer",
                    tr!(lang, "answers-no-point", id = id.as_str(), n = n, p = p.to_string()),
                    tr!(lang, "answers-no-point-help", n = n),
                );
            }
        }
        (Answer::FreeText { .. } | Answer::Spoken { .. }, Step::Text { .. })
        | (Answer::Numeric { .. }, Step::Number { .. }) => {}
        (answer, _) => {
            let (kind, forms) = match answer {
                Answer::Choice { .. } => ("Choice", tr!(lang, "answers-forms-choice")),
                Answer::FreeText { .. } => ("FreeText", "Text(text: \"...\")".to_string()),
                Answer::Numeric { .. } => ("Numeric", "Number(value: 22.5)".to_string()),
                Answer::Spoken { .. } => ("Spoken", "Spoken(points: [1, 2])".to_string()),
                Answer::End { .. } => ("End", tr!(lang, "answers-forms-nothing")),
            };
            rep.error(
                at,
                "wrong-answer-kind",
                tr!(lang, "answers-wrong-kind", id = id.as_str(), kind = kind),
                tr!(lang, "answers-wrong-kind-help", forms = forms),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        ron_options().from_str(include_str!("../../docs/example.ron")).expect("example parses")
    }

    fn messages(text: &str) -> Vec<String> {
        diagnose(Lang::En, "a.ron", text, Some(&example()))
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.col, d.message))
            .collect()
    }

    #[test]
    fn answers_are_told_apart_by_content() {
        assert!(is_answers("// answers\n{\"intro\": [Pass()]}"));
        assert!(!is_answers("Scenario(format: 1)"));
        assert!(!is_answers("(format: 1)"));
    }

    #[test]
    fn a_good_answers_file_is_clean() {
        let text = r#"{
            "intro": [Text(text: "margin")],
            "pressure": [Label(label: "talk m")],
            "quiz": [Number(value: 33.3)],
            "spoken": [Spoken(points: [1, 2])],
        }"#;
        assert_eq!(messages(text), Vec::<String>::new());
    }

    #[test]
    fn each_mistake_is_placed_at_its_answer() {
        let text = "{\n  \"intro\": [Number(value: 1)],\n  \"pressure\": [Choice(pick: 3), Label(label: \"Talk pots\")],\n  \"spoken\": [Spoken(points: [0])],\n  \"quizz\": [Pass()],\n}";
        let got = messages(text);
        assert_eq!(
            got,
            [
                "2:13 node \"intro\" is a FreeText question: this answer does not fit it",
                "3:29 node \"pressure\" has 2 options: there is no option 3",
                "3:46 node \"pressure\": no option labelled \"Talk pots\"",
                "4:30 node \"spoken\" has 2 talking points: there is no point 0",
                "5:3 unknown node id \"quizz\"",
            ],
            "{got:#?}"
        );
    }

    #[test]
    fn syntax_errors_are_located_and_taught() {
        let got = diagnose(Lang::En, "a.ron", "{\n  \"intro\": [Text(text: \"say \"no\" now\")],\n}", None);
        assert_eq!((got[0].line, got[0].col), (2, 29), "{got:#?}");
        assert!(got[0].help.as_deref().is_some_and(|h| h.contains(r#"\"no\""#)), "{got:#?}");
    }
}
