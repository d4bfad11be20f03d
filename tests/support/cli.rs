//! The hotseat binary as the CLI tests run it: its own data directory, no
//! user scenario folders, no colour, English whatever the machine's locale
//! (a developer's `LANG=zh_CN.UTF-8` must not change what tests read), and
//! a generous timeout so a hang fails instead of stalling the suite.

use std::path::Path;

use std::process::Output;

use assert_cmd::Command;

pub fn hotseat(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotseat"));
    cmd.env("HOTSEAT_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("HOTSEAT_LANG", "en")
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .timeout(std::time::Duration::from_secs(120));
    cmd
}

/// A command's status and both streams, for an assertion message.
#[allow(dead_code)]
pub fn describe(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
