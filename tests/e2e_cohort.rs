//! The cohort view in a real terminal (tmux) at 120x40, 80x24 and 60x16:
//! the trap × candidate table, Enter on a trap to its quoted answers,
//! Enter on one to its replay stopped before that answer was submitted,
//! back to the answers when the replay is left, back to the table, quit,
//! and the terminal restored. Skips, with a message, where tmux is not
//! installed.

use std::path::Path;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");
const WAIT: Duration = Duration::from_secs(20);

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

/// A weak and a strong run of one scenario, bundled for two candidates.
fn cohort(root: &Path) {
    for (who, kind) in [("Ann", "weak"), ("Bob", "strong")] {
        let data = root.join(format!("data-{who}"));
        let answers =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/playtests/offer-negotiation.{kind}.ron"));
        let out = std::process::Command::new(BIN)
            .env("HOTSEAT_DATA_DIR", &data)
            .env("HOTSEAT_LANG", "en")
            .args(["playtest", "offer-negotiation", "--record", "--answers"])
            .arg(&answers)
            .output()
            .expect("playtest runs");
        assert!(out.status.success(), "{out:?}");
        let out = std::process::Command::new(BIN)
            .env("HOTSEAT_DATA_DIR", &data)
            .env("HOTSEAT_LANG", "en")
            .args(["export", "latest", "--bundle"])
            .arg(root.join("cohort").join(who.to_lowercase()))
            .args(["--candidate", who])
            .output()
            .expect("export runs");
        assert!(out.status.success(), "{out:?}");
    }
}

#[test]
fn table_to_trap_to_quotes_to_replay_and_back_then_quit_with_the_terminal_restored() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    cohort(dir.path());
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let size = format!("{w}x{h}");
        let cmd = format!(
            "HOTSEAT_LANG=en HOTSEAT_DATA_DIR='{}' '{BIN}' cohort '{}'; echo \"EXIT=$?\"; sleep 60",
            dir.path().join("coach").display(),
            dir.path().join("cohort").display()
        );
        let t = Tmux::start("cohort", (w, h), &cmd);
        t.wait_for(WAIT, &format!("{size}: the table"), |s| {
            s.contains("Cohort: 2 candidates, 2 sessions") && s.contains("Ann") && s.contains("Bob") && s.contains("▸ ")
        });
        assert_eq!(t.format("#{alternate_on}"), "1", "{size}: on the alternate screen");
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: the answers under the first trap"), |s| {
            s.contains("▸ Ann · offer-negotiation · ") && s.contains('“') && s.contains("Enter replay")
        });
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: the replay, stopped before the answer"), |s| {
            s.contains("Ann at ") && s.contains("just before the answer was submitted") && s.contains("❚❚")
        });
        t.keys(&["q"]);
        t.wait_for(WAIT, &format!("{size}: back to the answers"), |s| {
            s.contains("▸ Ann · offer-negotiation · ") && s.contains("Enter replay")
        });
        t.keys(&["Escape"]);
        t.wait_for(WAIT, &format!("{size}: back to the table"), |s| {
            s.contains("Cohort: 2 candidates, 2 sessions") && s.contains("Enter answers")
        });
        t.keys(&["q"]);
        let s = t.wait_for(WAIT, &format!("{size}: the shell again"), |s| s.contains("EXIT="));
        assert!(s.contains("EXIT=0"), "{size}: {s}");
        assert_eq!(t.format("#{alternate_on}"), "0", "{size}: alternate screen off");
        assert_eq!(t.format("#{cursor_flag}"), "1", "{size}: cursor shown");
    }
}
