//! Where a question comes from. A drill (`hotseat drill`) is recorded as a
//! session of scenario [`DRILL_ID`] whose questions are other scenarios'
//! nodes, renamed `<scenario>--<node>`. Progress and cohort group and name
//! questions by their source, so a drill's answer to a question counts
//! with every interview's answer to it; this is the one mapping both use.

use super::drill::DRILL_ID;
use crate::index::Summary;

/// Whether `s` is a drill: practice, never an interview, so it has no
/// place among the verdicts per scenario or where interviews end.
pub fn is_drill(s: &Summary) -> bool {
    s.scenario == DRILL_ID
}

/// The source (scenario, node) of a question: see
/// [`crate::scenario::node_source`], the one rule the debrief uses too.
pub fn source<'a>(scenario: &'a str, node: &'a str) -> (&'a str, &'a str) {
    crate::scenario::node_source(scenario, node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drill_question_maps_back_to_its_source_scenario_and_node() {
        assert_eq!(source(DRILL_ID, "alibaba-cloud-pm--start"), ("alibaba-cloud-pm", "start"));
        assert_eq!(source(DRILL_ID, "hr-round-zh--ask--number"), ("hr-round-zh", "ask--number"));
        assert_eq!(source(DRILL_ID, "drill-end"), (DRILL_ID, "drill-end"));
        assert_eq!(source(DRILL_ID, "--start"), (DRILL_ID, "--start"));
        assert_eq!(source(DRILL_ID, "x--"), (DRILL_ID, "x--"));
    }

    #[test]
    fn an_interview_question_is_its_own_source_even_with_a_double_hyphen() {
        assert_eq!(source("offer-negotiation", "start"), ("offer-negotiation", "start"));
        assert_eq!(source("offer-negotiation", "a--b"), ("offer-negotiation", "a--b"));
    }
}
