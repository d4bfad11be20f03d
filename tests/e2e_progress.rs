//! The progress screen in a real terminal (issue 17 item 2): a data
//! directory with recorded sessions, the picker, `g`, whole frames checked
//! at 120x40, 80x24 and 60x16, Esc back to the picker, `q`, and the
//! terminal restored. Skips, with a message, where tmux is not installed.

use std::path::Path;
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");
const WAIT: Duration = Duration::from_secs(20);

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

#[path = "support/cli.rs"]
mod cli;

/// The shell command run in the pane: hotseat, then its exit code and the
/// terminal's modes once it has exited.
fn script(data: &Path, stty_out: &Path) -> String {
    format!(
        "HOTSEAT_DATA_DIR='{}' '{BIN}'; echo \"EXIT=$?\"; stty -a > '{}'; echo STTY-DONE; sleep 60",
        data.display(),
        stty_out.display()
    )
}

/// A weak and a strong recorded playtest of two scenarios.
fn record(data: &Path) {
    let playtests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests");
    for id in ["token-pricing", "hr-round-zh"] {
        for kind in ["weak", "strong"] {
            let out = cli::hotseat(data)
                .args(["playtest", id, "--answers"])
                .arg(playtests.join(format!("{id}.{kind}.ron")))
                .arg("--record")
                .output()
                .expect("runs");
            assert!(out.status.success(), "{id} {kind}: {}", cli::describe(&out));
        }
    }
}

/// Every row of the captured frame fits `w` columns, and there are `h` of them.
fn fits(screen: &str, w: usize, h: usize) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    rows.len() <= h && rows.iter().all(|r| r.width() <= w)
}

/// The progress screen, whole: its title, the advice, the trap table's
/// head, the bottom border and the key line.
fn progress_frame(s: &str, w: usize, h: usize, more: &[&str]) -> bool {
    let base = ["Progress", "4 sessions", "Practise next", "hotseat drill --trap", "Trap", "└", "┘", "Esc back"];
    fits(s, w, h) && base.iter().chain(more).all(|n| s.contains(n))
}

#[test]
fn the_progress_screen_from_the_picker_at_three_sizes_and_back() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    record(dir.path());
    let stty = dir.path().join("stty.txt");
    let t = Tmux::start("progress", (120, 40), &script(dir.path(), &stty));
    t.wait_for(WAIT, "the picker", |s| s.contains("Scenarios") && s.contains("g progress"));
    t.keys(&["g"]);
    t.wait_for(WAIT, "the progress screen at 120x40", |s| {
        progress_frame(s, 120, 40, &["Falls", "Competencies", "Scores", "Verdicts per scenario", "? help"])
    });
    t.resize(80, 24);
    t.wait_for(WAIT, "the progress screen at 80x24", |s| progress_frame(s, 80, 24, &["Falls", "? help"]));
    t.resize(60, 16);
    t.wait_for(WAIT, "the progress screen at 60x16, cut and scrollable", |s| {
        progress_frame(s, 60, 16, &["Falls"]) && s.contains('█')
    });
    // Scrolled to the end: the timing table's last rows show.
    t.keys(&["End"]);
    t.wait_for(WAIT, "the end of the sheet at 60x16", |s| {
        fits(s, 60, 16) && s.contains("token-pricing ›") && s.contains("Esc back") && !s.contains("Practise next")
    });
    t.resize(120, 40);
    t.keys(&["Escape"]);
    t.wait_for(WAIT, "the picker again", |s| s.contains("Scenarios") && s.contains("g progress"));
    t.keys(&["q"]);
    t.wait_for(WAIT, "the shell again", |s| s.contains("STTY-DONE"));
    let screen = t.screen();
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
    let modes = std::fs::read_to_string(&stty).expect("stty output");
    assert!(modes.split_whitespace().any(|w| w == "icanon"), "cooked mode: {modes}");
    assert!(modes.split_whitespace().any(|w| w == "echo"), "echo on: {modes}");
}

#[test]
fn the_progress_screen_with_no_sessions_says_how_to_start() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let stty = dir.path().join("stty.txt");
    let t = Tmux::start("progress-empty", (80, 24), &script(dir.path(), &stty));
    t.wait_for(WAIT, "the picker", |s| s.contains("Scenarios") && s.contains("g progress"));
    t.keys(&["g"]);
    t.wait_for(WAIT, "the empty progress screen", |s| {
        fits(s, 80, 24) && s.contains("Progress") && s.contains("No recorded sessions yet") && s.contains("Esc back")
    });
    t.keys(&["q"]);
    t.wait_for(WAIT, "the picker again", |s| s.contains("Scenarios"));
    t.keys(&["q"]);
    t.wait_for(WAIT, "the shell again", |s| s.contains("EXIT=0"));
}
