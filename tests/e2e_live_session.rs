//! Issue 16 in a real terminal (tmux): a fair clock, clear transitions,
//! screens that fit, and replay's `t`. Skips, with a message, where tmux
//! is not installed.

use std::path::Path;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");
const WAIT: Duration = Duration::from_secs(15);

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

/// The shell command run in the pane: hotseat with `args`, then a marker
/// once it has exited.
fn script(data: &Path, args: &str) -> String {
    format!("HOTSEAT_DATA_DIR='{}' '{BIN}' {args}; echo \"EXIT=$?\"; sleep 60", data.display())
}

/// The question's time left as the Timer panel shows it (`02:29  OK`), in
/// seconds.
fn time_left(screen: &str) -> Option<u32> {
    screen.lines().find_map(|l| {
        let at = ["  OK", "  HALF", "  LOW"].iter().find_map(|w| l.find(w))?;
        let clock = l[..at].rsplit(|c: char| !c.is_ascii_digit() && c != ':').next()?;
        let (m, s) = clock.split_once(':')?;
        Some(m.parse::<u32>().ok()? * 60 + s.parse::<u32>().ok()?)
    })
}

macro_rules! need_tmux {
    () => {
        if !have_tmux() {
            println!("SKIPPED: tmux or pgrep is not installed");
            return;
        }
    };
}

/// Item 1: the help overlay and a terminal too small hide the question, so
/// the clock stops while they show: the time left is the same after.
#[test]
fn the_help_overlay_and_a_too_small_terminal_leave_the_time_left_unchanged() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start("clock", (120, 40), &script(dir.path(), "run alibaba-cloud-pm --seed 1"));
    let s = t.wait_for(WAIT, "the session", |s| time_left(s).is_some());
    let before = time_left(&s).expect("a time left");
    t.keys(&["F1"]);
    t.wait_for(WAIT, "help", |s| s.contains("Help") && s.contains("Esc closes"));
    std::thread::sleep(Duration::from_secs(3));
    t.keys(&["Escape"]);
    let s = t.wait_for(WAIT, "the session again", |s| time_left(s).is_some());
    let after_help = time_left(&s).expect("a time left");
    assert!(before - after_help <= 1, "help cost {} s", before - after_help);

    t.resize(50, 14);
    t.wait_for(WAIT, "too small", |s| s.contains("too small"));
    std::thread::sleep(Duration::from_secs(3));
    t.resize(120, 40);
    let s = t.wait_for(WAIT, "the session again", |s| time_left(s).is_some());
    let after_small = time_left(&s).expect("a time left");
    assert!(after_help - after_small <= 1, "too small cost {} s", after_help - after_small);
}

/// Item 2: a question whose time runs out says so above the next one.
#[test]
fn a_timeout_shows_the_interviewer_moving_on() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("quick.ron");
    std::fs::write(
        &file,
        r#"Scenario(
    format: 1, id: "quick", title: "Quick", company: "C", role: "R", language: En, difficulty: Easy,
    minutes: 1, persona: (name: "N", role: "R"), start: "one",
    nodes: [
        (id: "one", prompt: "First question, on a short clock.", limit_s: 5, on_timeout: Goto("two"),
         answer: FreeText(default: (next: "two"))),
        (id: "two", prompt: "Second question.", limit_s: 60, answer: FreeText(default: (next: "end"))),
        (id: "end", answer: End(remarks: "Thanks.")),
    ],
)"#,
    )
    .expect("writes the scenario");
    let t = Tmux::start("timeout", (100, 30), &script(dir.path(), &format!("run '{}' --seed 1", file.display())));
    t.wait_for(WAIT, "the first question", |s| s.contains("First question"));
    t.text("I was saying");
    let s =
        t.wait_for(WAIT, "the notice", |s| s.contains("Second question") && s.contains("Time's up on that question"));
    assert!(!s.contains("I was saying"), "the old answer does not follow: {s}");
}

/// Item 3: Enter on the debrief does not leave it; `q` does.
#[test]
fn enter_on_the_debrief_does_not_exit() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start("debrief", (100, 30), &script(dir.path(), "run alibaba-cloud-pm --seed 1"));
    t.wait_for(WAIT, "the session", |s| time_left(s).is_some());
    t.keys(&["C-c"]);
    t.wait_for(WAIT, "quit confirmation", |s| s.contains("Quit?"));
    t.keys(&["y"]);
    t.wait_for(WAIT, "the debrief", |s| s.contains("Debrief") && s.contains("Verdict"));
    t.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(700));
    let s = t.screen();
    assert!(s.contains("Debrief") && !s.contains("EXIT="), "Enter left the debrief:\n{s}");
    t.keys(&["q"]);
    t.wait_for(WAIT, "the shell", |s| s.contains("EXIT=0"));
}

/// Item 4: at 60x16 every screen shows its primary action, and content
/// that is cut has a scroll mark.
#[test]
fn at_60x16_the_primary_actions_and_scroll_marks_show() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start("small", (60, 16), &script(dir.path(), ""));
    t.wait_for(WAIT, "the picker", |s| s.contains("Enter"));
    t.keys(&["Enter"]);
    // Each wait names everything the screen must show: a frame is checked
    // whole, never half drawn.
    t.wait_for(WAIT, "the ready screen with its action", |s| s.contains("Ready?") && s.contains("Press Enter"));
    t.keys(&["Enter"]);
    t.wait_for(WAIT, "the session, its primary key and the cut question marked", |s| {
        time_left(s).is_some() && s.contains("^S submit") && s.contains("Alt-PgDn for more") && s.contains('█')
    });
    // An answer, so the debrief has more to say than fits.
    t.text("I led the Kubernetes migration; it was a great success");
    t.keys(&["C-s"]);
    t.wait_for(WAIT, "the next question", |s| s.contains("Q 2"));
    t.keys(&["C-c"]);
    t.wait_for(WAIT, "quit confirmation", |s| s.contains("Quit?"));
    t.keys(&["y"]);
    // Waiting for the key line: the frame is whole once it shows.
    t.wait_for(WAIT, "the debrief, its keys and the cut marked", |s| {
        s.contains("Debrief")
            && s.contains("q leave")
            && s.contains("e save")
            && s.contains("↓ more")
            && s.contains('█')
    });
}

/// Item 6: `t` in a replay stops before the answer that fell into a trap,
/// the answer on screen and the trap named.
#[test]
fn replay_t_stops_before_the_trapped_answer() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/alibaba-cloud-pm.weak.ron");
    let out = std::process::Command::new(BIN)
        .env("HOTSEAT_DATA_DIR", dir.path())
        .env("HOTSEAT_LANG", "en")
        .args(["playtest", "alibaba-cloud-pm", "--record", "--answers"])
        .arg(&answers)
        .output()
        .expect("playtest runs");
    assert!(out.status.success(), "{out:?}");
    let t = Tmux::start("replay", (120, 40), &script(dir.path(), "replay latest"));
    t.wait_for(WAIT, "the replay", |s| s.contains("play/pause"));
    t.keys(&["t"]);
    let s = t.wait_for(WAIT, "the trap named", |s| s.contains("Trap ahead at "));
    let named = s.lines().find(|l| l.contains("Trap ahead at ")).unwrap_or_default();
    let node = named.split("Trap ahead at ").nth(1).and_then(|r| r.split(':').next()).unwrap_or_default().trim();
    assert!(!node.is_empty(), "{named}");
    // The answer is still in its box: the box's title counts its words.
    assert!(s.lines().any(|l| l.contains("Answer ·") && !l.contains("0 words")), "{s}");
}

/// Issue 14: `HOTSEAT_LANG=zh hotseat` speaks Chinese on every screen at
/// 120x40, 80x24 and 60x16: picker, ready, session, help, pause, the quit
/// question, the debrief, and the replay of what was recorded.
#[test]
fn the_whole_app_speaks_chinese_at_every_size() {
    need_tmux!();
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let zh = |args: &str| format!("HOTSEAT_LANG=zh {}", script(dir.path(), args));
        let t = Tmux::start("zh", (w, h), &zh(""));
        let size = format!("{w}x{h}");
        t.wait_for(WAIT, &format!("{size}: the picker"), |s| s.contains("选择一场面试") && s.contains("开始"));
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: ready"), |s| s.contains("准备好了吗") && s.contains("按 Enter"));
        t.keys(&["Enter"]);
        t.wait_for(WAIT, &format!("{size}: the session"), |s| {
            s.contains("问题") && s.contains("计时") && s.contains("提交") && !s.contains("Prompt")
        });
        t.text("我们把按量计费改成了月度承诺，两个季度多了1700万元承诺消费。");
        t.keys(&["F1"]);
        t.wait_for(WAIT, &format!("{size}: help"), |s| s.contains("帮助") && s.contains("Esc 关闭"));
        t.keys(&["Escape"]);
        // Two Escapes sent together read as Alt-Escape: one at a time.
        t.wait_for(WAIT, &format!("{size}: help closed"), |s| !s.contains("Esc 关闭") && s.contains("计时"));
        t.keys(&["Escape"]);
        t.wait_for(WAIT, &format!("{size}: paused"), |s| s.contains("已暂停"));
        t.keys(&["Escape"]);
        t.wait_for(WAIT, &format!("{size}: resumed"), |s| s.contains("计时"));
        t.keys(&["C-c"]);
        t.wait_for(WAIT, &format!("{size}: the quit question"), |s| s.contains("继续面试"));
        t.keys(&["y"]);
        t.wait_for(WAIT, &format!("{size}: the debrief"), |s| {
            s.contains("复盘") && s.contains("结论") && s.contains("q 离开") && !s.contains("Verdict")
        });
        t.keys(&["q"]);
        t.wait_for(WAIT, &format!("{size}: the shell"), |s| s.contains("EXIT=0"));

        let t = Tmux::start("zh-replay", (w, h), &zh("replay latest"));
        t.wait_for(WAIT, &format!("{size}: the replay"), |s| s.contains("播放/暂停") && s.contains("q 退出"));
        t.keys(&["q"]);
        t.wait_for(WAIT, &format!("{size}: the shell after the replay"), |s| s.contains("EXIT=0"));
    }
}

/// Ctrl-Z then `fg` brings the interview back where it was (it used to end
/// it: redrawing asked the terminal for the cursor position, and the reply
/// went to the input thread).
#[test]
fn ctrl_z_then_fg_brings_the_interview_back() {
    need_tmux!();
    let dir = tempfile::tempdir().expect("tempdir");
    // An interactive shell with job control, so `fg` works.
    let t = Tmux::start("suspend", (100, 30), "env -i PATH=\"$PATH\" TERM=xterm-256color HOME=/tmp bash --norc -i");
    t.text(&format!(
        "HOTSEAT_LANG=en HOTSEAT_DATA_DIR='{}' '{BIN}' run alibaba-cloud-pm --seed 1",
        dir.path().display()
    ));
    t.keys(&["Enter"]);
    t.wait_for(WAIT, "the session", |s| time_left(s).is_some() && s.contains("^S submit"));
    t.text("half an answer");
    t.keys(&["C-z"]);
    t.wait_for(WAIT, "the shell", |s| s.contains("Stopped"));
    t.text("fg");
    t.keys(&["Enter"]);
    // Suspending paused the clock: the interview comes back paused.
    t.wait_for(WAIT, "the interview again, paused", |s| s.contains("Paused") && !s.contains("cursor position"));
    t.keys(&["Escape"]);
    t.wait_for(WAIT, "the answer as it was", |s| s.contains("half an answer") && s.contains("^S submit"));
    t.keys(&["C-c"]);
    t.wait_for(WAIT, "quit confirmation", |s| s.contains("Quit?"));
}
