//! One synthesised answer per edge: what a scripted candidate gives so the
//! current question leaves by a chosen edge. Choice: that option. Numeric:
//! the expected value for `right`, a value well outside the tolerance for
//! `wrong`. Spoken: every talking point ticked for `pass`, one short of
//! `pass` for `short`. Timeout: let the clock run out. FreeText: a text
//! from [`super::freetext`].

use crate::playtest::Step;
use crate::scenario::graph::EdgeKind;
use crate::scenario::{Answer, Partial, Tolerance};
use crate::session::State;

/// How long each synthesised answer takes: short, so no question runs
/// over and the session limit is not spent before the path is.
const ANSWER_S: f64 = 1.0;

/// The answer that should make the current question of `s` leave by
/// `kind`, or `None` when none can (in this state).
pub fn answer_for(s: &State, kind: &EdgeKind) -> Option<Step> {
    let after_s = Some(ANSWER_S);
    match (kind, &s.current().answer) {
        (EdgeKind::Timeout, _) => Some(Step::Timeout),
        (EdgeKind::Choice(i), Answer::Choice { options }) if *i < options.len() => {
            Some(Step::Choice { pick: i + 1, after_s })
        }
        (EdgeKind::Right, Answer::Numeric { expected, .. }) => Some(Step::Number { value: *expected, after_s }),
        (EdgeKind::Wrong, Answer::Numeric { expected, tolerance, partial, .. }) => {
            wrong_value(*expected, *tolerance, *partial).map(|value| Step::Number { value, after_s })
        }
        (EdgeKind::Close, Answer::Numeric { expected, tolerance, partial: Some(p), .. }) => {
            close_value(*expected, *tolerance, *p).map(|value| Step::Number { value, after_s })
        }
        (EdgeKind::Next, Answer::Spoken { .. }) => {
            Some(Step::Spoken { points: (1..=s.ticked.len()).collect(), text: None, after_s })
        }
        (EdgeKind::Short, Answer::Spoken { pass, .. }) => {
            let short = (*pass as usize).checked_sub(1)?;
            Some(Step::Spoken { points: (1..=short.min(s.ticked.len())).collect(), text: None, after_s })
        }
        (EdgeKind::Rule(i), Answer::FreeText { .. }) => {
            super::freetext::solve(s, Some(*i)).map(|text| Step::Text { text, after_s })
        }
        (EdgeKind::Default, Answer::FreeText { .. }) => {
            super::freetext::solve(s, None).map(|text| Step::Text { text, after_s })
        }
        _ => None,
    }
}

/// A value the tolerance refuses, far enough from `expected` that no
/// rounding in printing it could bring it back in range.
/// Nor does `partial` give it half credit.
pub fn wrong_value(expected: f64, tolerance: Tolerance, partial: Option<Partial>) -> Option<f64> {
    let scale = expected.abs().max(1.0);
    let near = |v: f64| partial.is_some_and(|p| p.accepts(expected, v) || p.accepts(expected, v.round()));
    [expected + 2.0 * scale + 1.0, expected + 1000.0 * scale, -(expected.abs() + 1.0) * 1000.0].into_iter().find(|v| {
        v.is_finite() && !tolerance.accepts(expected, *v) && !tolerance.accepts(expected, v.round()) && !near(*v)
    })
}

/// A value outside the tolerance that `partial` gives half credit, kept
/// exact in printing (it is tried as is and rounded to 3 places).
pub fn close_value(expected: f64, tolerance: Tolerance, partial: Partial) -> Option<f64> {
    let Partial::Ratio(r) = partial;
    [r, 1.0 / r, (1.0 + r) / 2.0, 2.0 / (1.0 + r)]
        .into_iter()
        .map(|f| ((expected * f) * 1000.0).round() / 1000.0)
        .find(|v| v.is_finite() && !tolerance.accepts(expected, *v) && partial.accepts(expected, *v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_values_are_refused() {
        for (e, t) in [(480000.0, Tolerance::Abs(100.0)), (0.0, Tolerance::Abs(0.5)), (22.22, Tolerance::Percent(50.0))]
        {
            let v = wrong_value(e, t, None).expect("some value is wrong");
            assert!(!t.accepts(e, v), "{v} is accepted for {e}");
        }
    }
}
