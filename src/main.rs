use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

fn main() -> ExitCode {
    let t0 = Instant::now();
    hotseat::cli::run(hotseat::cli::Cli::parse(), t0)
}
