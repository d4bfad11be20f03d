use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hotseat::cli::run(hotseat::cli::Cli::parse())
}
