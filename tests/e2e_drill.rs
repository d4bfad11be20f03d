//! `hotseat drill` in a real terminal (tmux, 80x24): it opens on the ready
//! screen for the drill, Enter starts the clock, an answer moves on, and a
//! quit leaves a recorded session and the terminal as it was. Skips, with
//! a message, where tmux is not installed.

use std::path::Path;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");
const WAIT: Duration = Duration::from_secs(20);

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

/// The shell command run in the pane: hotseat in English, then the
/// terminal's modes once it has exited.
fn script(data: &Path, args: &str, stty_out: &Path) -> String {
    format!(
        "HOTSEAT_LANG=en HOTSEAT_DATA_DIR='{}' '{BIN}' {args}; echo \"EXIT=$?\"; stty -a > '{}'; echo STTY-DONE; sleep 60",
        data.display(),
        stty_out.display()
    )
}

#[test]
fn drill_opens_on_the_ready_screen_and_records_a_session_at_80x24() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let stty = dir.path().join("stty.txt");
    let t = Tmux::start("drill", (80, 24), &script(dir.path(), "drill --minutes 5", &stty));
    t.wait_for(WAIT, "the ready screen", |s| s.contains("Drill:") && s.contains("Ready?") && s.contains("Enter"));
    assert_eq!(t.format("#{alternate_on}"), "1", "runs on the alternate screen");
    t.keys(&["Enter"]);
    t.wait_for(WAIT, "the first question", |s| s.contains("Q 1") && !s.contains("Ready?"));
    t.text("I made the call myself and it cost us a quarter; I fixed it with a weekly review.");
    t.keys(&["C-s"]);
    t.wait_for(WAIT, "the second question", |s| s.contains("Q 2"));
    t.keys(&["C-c"]);
    t.wait_for(WAIT, "quit confirmation", |s| s.contains("Quit"));
    t.keys(&["y"]);
    t.wait_for(WAIT, "the debrief", |s| s.contains("Debrief") && s.contains("Verdict"));
    t.keys(&["q"]);
    t.wait_for(WAIT, "the shell again", |s| s.contains("STTY-DONE"));
    let screen = t.screen();
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
    let modes = std::fs::read_to_string(&stty).expect("stty output");
    assert!(modes.split_whitespace().any(|w| w == "icanon"), "cooked mode: {modes}");
    assert!(modes.split_whitespace().any(|w| w == "echo"), "echo on: {modes}");
    let sessions: Vec<String> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("a sessions dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".session"))
        .collect();
    assert!(sessions.len() == 1 && sessions[0].contains("drill"), "{sessions:?}");
}
