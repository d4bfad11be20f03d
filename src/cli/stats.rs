//! `hotseat stats ID|PATH [--json]`: size, shortest and longest route,
//! route count, and what a scenario can test (see `crate::coach::stats`).

use super::out;
use crate::coach::stats;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario id (see `hotseat list`) or a scenario file.
    #[arg(value_name = "ID|PATH")]
    scenario: String,
    /// Print JSON (fields documented in docs/authoring.md).
    #[arg(long)]
    json: bool,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let catalogue = super::catalogue();
    let scenario = match super::run::resolve(&args.scenario, &catalogue) {
        Ok(sc) => sc,
        Err(code) => return Ok(code),
    };
    let st = stats::compute(&scenario);
    if args.json {
        out::json(&st)?;
    } else {
        out::print(&stats::text(crate::i18n::ui(), &st))?;
    }
    Ok(0)
}
