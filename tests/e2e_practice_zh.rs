//! The progress screen and the cohort view in Chinese, in a real terminal
//! (tmux), at 120x40, 80x24 and 60x16: whole frames in Chinese, no row
//! starting with closing punctuation, back and quit with the terminal
//! restored. The English runs are in e2e_progress.rs and e2e_cohort.rs.
//! Skips, with a message, where tmux is not installed.

use std::path::Path;
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");
const WAIT: Duration = Duration::from_secs(20);
const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

#[path = "support/cli.rs"]
mod cli;

/// Records `scenario` played with its `kind` answers in `data`.
fn record(data: &Path, scenario: &str, kind: &str) {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/playtests/{scenario}.{kind}.ron"));
    let out = cli::hotseat(data).args(["playtest", scenario, "--record", "--answers"]).arg(&answers).output();
    let out = out.expect("runs");
    assert!(out.status.success(), "{}", cli::describe(&out));
}

/// Every row fits `w` columns, there are at most `h`, and none starts
/// with punctuation that must not begin a line in Chinese.
fn fits(screen: &str, w: usize, h: usize) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    let bad_start = |r: &str| r.trim_start().starts_with(['，', '。', '、', '？', '！', '；', '：', '」', '）', '》']);
    rows.len() <= h && rows.iter().all(|r| r.width() <= w && !bad_start(r))
}

fn restored(t: &Tmux, size: &str) {
    let s = t.wait_for(WAIT, &format!("{size}: the shell again"), |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{size}: {s}");
    assert_eq!(t.format("#{alternate_on}"), "0", "{size}: alternate screen off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "{size}: cursor shown");
}

#[test]
fn the_progress_screen_speaks_chinese_at_every_size() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for kind in ["weak", "strong"] {
        record(dir.path(), "behavioral-zh", kind);
    }
    for (w, h) in SIZES {
        let size = format!("{w}x{h}");
        let cmd =
            format!("HOTSEAT_LANG=zh HOTSEAT_DATA_DIR='{}' '{BIN}'; echo \"EXIT=$?\"; sleep 60", dir.path().display());
        let t = Tmux::start("progress-zh", (w, h), &cmd);
        t.wait_for(WAIT, &format!("{size}: the picker"), |s| s.contains("选择一场面试") && fits(s, w.into(), h.into()));
        t.keys(&["g"]);
        t.wait_for(WAIT, &format!("{size}: the progress screen"), |s| {
            let whole = ["进度", "共 2 场", "接下来练什么", "hotseat drill --trap", "└", "┘", "滚动", "返回"];
            whole.iter().all(|n| s.contains(n)) && fits(s, w.into(), h.into()) && !s.contains("Practise")
        });
        t.keys(&["End"]);
        t.wait_for(WAIT, &format!("{size}: the end of the sheet"), |s| {
            s.contains("behavioral-zh ›") && s.contains("返回") && fits(s, w.into(), h.into())
        });
        t.keys(&["Escape"]);
        t.wait_for(WAIT, &format!("{size}: the picker again"), |s| s.contains("选择一场面试"));
        t.keys(&["q"]);
        restored(&t, &size);
    }
}

#[test]
fn the_cohort_view_speaks_chinese_at_every_size() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (who, kind) in [("王小明", "weak"), ("李娜", "strong")] {
        let data = dir.path().join(format!("data-{kind}"));
        record(&data, "behavioral-zh", kind);
        let out = cli::hotseat(&data)
            .args(["export", "latest", "--bundle"])
            .arg(dir.path().join("cohort").join(kind))
            .args(["--candidate", who])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", cli::describe(&out));
    }
    for (w, h) in SIZES {
        let size = format!("{w}x{h}");
        let cmd = format!(
            "HOTSEAT_LANG=zh HOTSEAT_DATA_DIR='{}' '{BIN}' cohort '{}'; echo \"EXIT=$?\"; sleep 60",
            dir.path().join("coach").display(),
            dir.path().join("cohort").display()
        );
        let t = Tmux::start("cohort-zh", (w, h), &cmd);
        t.wait_for(WAIT, &format!("{size}: the table"), |s| {
            s.contains("学员组：2 位候选人，2 场会话")
                && s.contains("王小明")
                && s.contains("▸ ")
                && fits(s, w.into(), h.into())
        });
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: the answers under the first trap"), |s| {
            s.contains("▸ 王小明 · behavioral-zh · ")
                && s.contains('“')
                && s.contains("回放")
                && fits(s, w.into(), h.into())
        });
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: the replay, stopped before the answer"), |s| {
            s.contains("王小明 在 ") && s.contains("停在回答提交之前") && s.contains("❚❚")
        });
        t.keys(&["q"]);
        t.wait_for(WAIT, &format!("{size}: back to the answers"), |s| s.contains("▸ 王小明 · behavioral-zh · "));
        t.keys(&["Escape"]);
        t.wait_for(WAIT, &format!("{size}: back to the table"), |s| s.contains("学员组：2 位候选人，2 场会话"));
        t.keys(&["q"]);
        restored(&t, &size);
    }
}
