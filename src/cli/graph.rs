//! `hotseat graph ID|PATH [--format dot|mermaid]`: the question graph as
//! Graphviz DOT or a Mermaid flowchart, on stdout.

use super::out;
use crate::coach::{dot, mermaid, view};

/// Which picture language to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz: `hotseat graph ID | dot -Tsvg > graph.svg`.
    Dot,
    /// A Mermaid `flowchart TD`, for Markdown that renders Mermaid.
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id (see `hotseat list`) or a scenario file.
    #[arg(value_name = "ID|PATH")]
    scenario: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let catalogue = super::catalogue();
    let scenario = match super::run::resolve(&args.scenario, &catalogue) {
        Ok(sc) => sc,
        Err(code) => return Ok(code),
    };
    let g = view::build(&scenario);
    let text = match args.format {
        GraphFormat::Dot => dot::write(&g),
        GraphFormat::Mermaid => mermaid::write(&g),
    };
    out::print(&text)?;
    Ok(0)
}
