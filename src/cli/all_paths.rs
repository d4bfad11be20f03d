//! `hotseat playtest SCENARIO --all-paths [--json]`: explore every branch
//! with synthesised answers (`crate::coach::explore`) and report coverage.
//! Exit 0 when every edge and node was reached, 1 otherwise.

use serde::Serialize;

use super::{EXIT_PROBLEMS, out};
use crate::coach::explore::{self, Coverage, Limits};
use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::session::Compiled;
use crate::text::one_line;
use crate::tr;

/// The JSON report; its field names are an interface.
#[derive(Debug, Serialize)]
struct Report<'a> {
    scenario: &'a str,
    /// Every edge of the graph.
    edges: usize,
    /// Edges some synthesised path took.
    covered: usize,
    uncovered: Vec<Uncovered<'a>>,
    /// Node ids no synthesised path entered.
    nodes_uncovered: Vec<&'a str>,
    /// Synthesised sessions that ran to an end.
    paths: usize,
    /// Distinct session states explored.
    states: usize,
    /// A search limit was hit (coverage may be incomplete because of it).
    capped: bool,
}

#[derive(Debug, Serialize)]
struct Uncovered<'a> {
    from: &'a str,
    to: &'a str,
    /// `choice 2`, `rule 1`, `default`, `right`, `wrong`, `pass`, `short`, `timeout`.
    kind: String,
    /// What takes the edge, as the graph labels it.
    condition: String,
}

pub(super) fn run(args: &super::playtest::Args) -> std::io::Result<u8> {
    let catalogue = super::catalogue();
    let scenario = match super::run::resolve(args.scenario(), &catalogue) {
        Ok(sc) => sc,
        Err(code) => return Ok(code),
    };
    let limits = Limits::for_scenario(&scenario);
    let compiled = match Compiled::new(scenario, catalogue) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    let cov = explore::explore(&compiled, args.seed(), limits);
    let report = report(&compiled.scenario, &cov);
    if args.json() {
        out::json(&report)?;
    } else {
        out::print(&text(crate::i18n::ui(), &report))?;
    }
    Ok(if cov.complete() { 0 } else { EXIT_PROBLEMS })
}

fn report<'a>(sc: &'a Scenario, cov: &Coverage) -> Report<'a> {
    let uncovered = cov
        .edges
        .iter()
        .zip(&cov.covered)
        .filter(|(_, c)| !**c)
        .filter_map(|(e, _)| {
            let node = sc.nodes.get(e.from)?;
            let edge = node.edges().into_iter().find(|x| x.kind == e.kind)?;
            Some(Uncovered {
                from: &node.id,
                to: edge.to,
                kind: e.kind.numbered(),
                condition: crate::coach::label::clip(&edge.condition(node), 80),
            })
        })
        .collect();
    Report {
        scenario: &sc.id,
        edges: cov.edges.len(),
        covered: cov.covered_count(),
        uncovered,
        nodes_uncovered: sc.nodes.iter().zip(&cov.reached).filter(|(_, r)| !**r).map(|(n, _)| n.id.as_str()).collect(),
        paths: cov.paths,
        states: cov.states,
        capped: cov.capped,
    }
}

/// The coverage report for a reader of `lang`. Edge kinds and conditions
/// (`choice 2`, `default`) are shown as the JSON and the graph name them.
fn text(lang: Lang, r: &Report) -> String {
    let (scenario, covered, edges) = (one_line(r.scenario), r.covered.to_string(), r.edges.to_string());
    let states = r.states.to_string();
    let summary = if r.capped {
        tr!(
            lang,
            "coverage-summary-capped",
            scenario = scenario,
            covered = covered,
            edges = edges,
            paths = r.paths,
            states = states
        )
    } else {
        tr!(
            lang,
            "coverage-summary",
            scenario = scenario,
            covered = covered,
            edges = edges,
            paths = r.paths,
            states = states
        )
    };
    let mut out = format!("{summary}\n");
    if !r.uncovered.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "coverage-edges-missed")));
        for u in &r.uncovered {
            out.push_str(&format!(
                "  {} -> {}  [{}] {}\n",
                one_line(u.from),
                one_line(u.to),
                u.kind,
                one_line(&u.condition)
            ));
        }
    }
    if !r.nodes_uncovered.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "coverage-nodes-missed")));
        for n in &r.nodes_uncovered {
            out.push_str(&format!("  {}\n", one_line(n)));
        }
    }
    if r.uncovered.is_empty() && r.nodes_uncovered.is_empty() {
        out.push_str(&format!("{}\n", tr!(lang, "coverage-complete")));
    }
    out
}
