use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let t0 = Instant::now();
    hotseat::cli::run(hotseat::cli::help::parse(), t0)
}
