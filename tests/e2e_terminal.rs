//! The terminal is the user's: every full-screen mode (a session, the
//! picker, a replay, a resumed session) gives it back intact whatever ends
//! it -- SIGINT, SIGTERM, SIGHUP or SIGQUIT from outside, or a panic -- and
//! exits 128 + the signal (101 for a panic). And the idle picker leaves the
//! scenario directories alone. tmux runs the binary in a pseudo-terminal;
//! skips (with a message) where tmux is not installed.
//!
//! Each case runs in its own tmux server, the cases of one mode in
//! parallel, so the whole suite takes seconds, not minutes.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};
/// Generous: the machine may be busy compiling.
const LIMIT: Duration = Duration::from_secs(30);

/// A full-screen mode: its arguments, and what shows once it is up.
#[derive(Clone, Copy)]
struct Mode {
    args: &'static str,
    ready: &'static str,
}

const RUN: Mode = Mode { args: "run alibaba-cloud-pm --seed 1", ready: "Notes" };
const PICKER: Mode = Mode { args: "", ready: "Scenarios (" };
const REPLAY: Mode = Mode { args: "replay latest", ready: "play/pause" };
const RESUME: Mode = Mode { args: "resume latest", ready: "Paused" };

/// How a case ends the mode.
#[derive(Clone, Copy, Debug)]
enum End {
    Signal(&'static str, u8),
    Panic,
}

const ENDS: [End; 5] =
    [End::Signal("INT", 2), End::Signal("TERM", 15), End::Signal("HUP", 1), End::Signal("QUIT", 3), End::Panic];

/// A data directory holding one recorded session: finished (for replay)
/// or cut off after its first answer (for resume).
fn data_with_session(dir: &Path, interrupted: bool) {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/alibaba-cloud-pm.strong.ron");
    let out = Command::new(BIN)
        .env("HOTSEAT_DATA_DIR", dir)
        .args(["playtest", "alibaba-cloud-pm", "--record", "--answers"])
        .arg(&answers)
        .output()
        .expect("runs");
    assert!(out.status.success(), "playtest --record: {out:?}");
    if interrupted {
        let file = std::fs::read_dir(dir.join("sessions")).expect("sessions").flatten().next().expect("a session");
        let text = std::fs::read_to_string(file.path()).expect("reads");
        // The magic line, the header, start, one answer, its submission.
        let cut: Vec<&str> = text.lines().take(5).collect();
        std::fs::write(file.path(), cut.join("\n") + "\n").expect("writes");
    }
}

/// Runs `mode` in a fresh terminal, ends it with `end`, and checks the
/// exit code and every terminal mode afterwards.
fn case(mode: Mode, end: End, data: &Path) -> Result<(), String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let stty = tmp.path().join("stty.txt");
    let panic = if matches!(end, End::Panic) { "HOTSEAT_TEST_PANIC=1 " } else { "" };
    // After hotseat: its exit code, the tty modes, then a program that
    // shows raw what a paste sends (bracketed paste would wrap it).
    let script = format!(
        "{panic}HOTSEAT_DATA_DIR='{}' NO_COLOR=1 '{BIN}' {}; echo \"EXIT=$?\"; stty -a > '{}'; echo STTY-DONE; cat -v",
        data.display(),
        mode.args,
        stty.display()
    );
    let t = Tmux::start("s", (100, 30), &script);
    let expected = match end {
        End::Signal(name, n) => {
            t.try_wait_for(LIMIT, "the full-screen mode", |s| s.contains(mode.ready))?;
            let pid = t.hotseat_pid()?;
            let ok = Command::new("kill").args([&format!("-{name}"), &pid]).status().expect("kill").success();
            if !ok {
                return Err(format!("kill -{name} {pid} failed"));
            }
            128 + n
        }
        End::Panic => 101,
    };
    let screen = t.try_wait_for(LIMIT, "the shell again", |s| s.contains("STTY-DONE"))?;
    let mut wrong = Vec::new();
    if !screen.contains(&format!("EXIT={expected}")) {
        wrong.push(format!("exit code is not {expected}"));
    }
    for (flag, want) in [("alternate_on", "0"), ("cursor_flag", "1"), ("mouse_any_flag", "0")] {
        let got = t.format(&format!("#{{{flag}}}"));
        if got != want {
            wrong.push(format!("{flag} is {got}"));
        }
    }
    let modes = std::fs::read_to_string(&stty).unwrap_or_default();
    for word in ["icanon", "echo", "isig"] {
        if !modes.split_whitespace().any(|w| w == word) {
            wrong.push(format!("stty shows no {word}"));
        }
    }
    let pasted = t.cmd(&["set-buffer", "paste-probe"]).status().is_ok_and(|s| s.success())
        && t.cmd(&["paste-buffer", "-p", "-t", "t"]).status().is_ok_and(|s| s.success());
    match t.try_wait_for(LIMIT, "the pasted text", |s| s.contains("paste-probe")) {
        Ok(s) if s.contains("[200~") => wrong.push("bracketed paste is still on".into()),
        Ok(_) => {}
        Err(e) if pasted => wrong.push(e),
        Err(_) => wrong.push("could not paste".into()),
    }
    if wrong.is_empty() { Ok(()) } else { Err(format!("{}; screen:\n{screen}", wrong.join(", "))) }
}

/// Every way of ending `mode`, each in its own terminal, in parallel.
fn every_end(mode: Mode, session: Option<bool>) {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = ENDS
            .iter()
            .map(|&end| {
                scope.spawn(move || {
                    let data = tempfile::tempdir().expect("tempdir");
                    if let Some(interrupted) = session {
                        data_with_session(data.path(), interrupted);
                    }
                    case(mode, end, data.path()).map_err(|e| format!("{end:?}: {e}"))
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().expect("case thread").err()).collect()
    });
    assert!(failures.is_empty(), "`hotseat {}`:\n{}", mode.args, failures.join("\n\n"));
}

#[test]
fn every_signal_and_a_panic_restore_the_terminal_in_a_session() {
    every_end(RUN, None);
}

#[test]
fn every_signal_and_a_panic_restore_the_terminal_in_the_picker() {
    every_end(PICKER, None);
}

#[test]
fn every_signal_and_a_panic_restore_the_terminal_in_a_replay() {
    every_end(REPLAY, Some(false));
}

#[test]
fn every_signal_and_a_panic_restore_the_terminal_in_a_resumed_session() {
    every_end(RESUME, Some(true));
}

#[test]
fn the_idle_picker_does_not_walk_the_scenario_folders_and_still_sees_a_new_file() {
    use notify::event::{AccessKind, EventKind};
    use notify::{RecursiveMode, Watcher};

    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, folder) = (tmp.path().join("data"), tmp.path().join("folder"));
    std::fs::create_dir_all(folder.join("sub")).expect("mkdir");
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron")).expect("reads");
    std::fs::write(folder.join("sub/mine.ron"), &example).expect("writes");
    let script = format!(
        "HOTSEAT_DATA_DIR='{}' HOTSEAT_SCENARIO_PATH='{}' '{BIN}'; echo \"EXIT=$?\"; sleep 60",
        data.display(),
        folder.display()
    );
    let t = Tmux::start("s", (100, 30), &script);
    // Every bundled scenario and the one user scenario.
    let listed = format!("Scenarios ({})", hotseat::library::BUNDLED.len() + 1);
    t.try_wait_for(LIMIT, "the picker", |s| s.contains(&listed)).expect("picker");
    // Let start-up finish, then count how often anything opens the folders:
    // walking them means opening every directory.
    std::thread::sleep(Duration::from_millis(1500));
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).expect("watcher");
    for dir in [folder.clone(), folder.join("sub")] {
        watcher.watch(&dir, RecursiveMode::NonRecursive).expect("watch");
    }
    std::thread::sleep(Duration::from_millis(3500));
    let opens = rx
        .try_iter()
        .flatten()
        .filter(|e| matches!(e.kind, EventKind::Access(AccessKind::Open(_))) && e.paths.iter().any(|p| p.is_dir()))
        .count();
    assert_eq!(opens, 0, "the idle picker opened the scenario folders {opens} times in 3.5 s");
    std::fs::write(folder.join("sub/new.ron"), example.replace("id: \"example\"", "id: \"fresh\"")).expect("writes");
    let listed = format!("Scenarios ({})", hotseat::library::BUNDLED.len() + 2);
    t.try_wait_for(LIMIT, "the new scenario", |s| s.contains(&listed)).expect("reloads");
    t.cmd(&["send-keys", "-t", "t", "q"]).status().expect("send-keys");
    t.try_wait_for(LIMIT, "the shell", |s| s.contains("EXIT=0")).expect("quits");
}
