//! The tmux harness the end-to-end tests share: one tmux server per test,
//! on its own socket, running the real binary in a pseudo-terminal, typed
//! into with `send-keys` and read back with `capture-pane`. Included with
//! `#[path = "support/tmux.rs"] mod tmux;`; each test file uses a part.
#![allow(dead_code)]

use std::process::Command;
use std::time::{Duration, Instant};

/// Whether the tools the harness needs are installed (tests skip, with a
/// printed reason, where they are not).
pub fn have_tmux() -> bool {
    let ok = |c: &str, a: &str| Command::new(c).arg(a).output().is_ok_and(|o| o.status.success());
    ok("tmux", "-V") && ok("pgrep", "--version")
}

/// Whether `pid` is still running. A zombie has exited: once its shell
/// is gone it waits for init to reap it, which some container inits do
/// only every second or two.
pub fn running(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rsplit(')').next().and_then(|rest| rest.split_whitespace().next()) != Some("Z"),
        Err(_) => Command::new("kill")
            .args(["-0", pid])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success()),
    }
}

/// One tmux server (its own socket, in its own temporary directory),
/// killed on drop.
pub struct Tmux {
    socket: String,
    _dir: tempfile::TempDir,
}

impl Tmux {
    /// A detached session `t` of `size` running `command`.
    pub fn start(name: &str, size: (u16, u16), command: &str) -> Tmux {
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = dir.path().join(format!("{name}.sock")).display().to_string();
        let t = Tmux { socket, _dir: dir };
        let (w, h) = size;
        let ok = t
            .cmd(&["new-session", "-d", "-s", "t", "-x", &w.to_string(), "-y", &h.to_string(), command])
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux new-session failed");
        t
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        // English whatever the machine's locale: the tests read the screen.
        c.args(["-S", &self.socket, "-f", "/dev/null"]).args(args).env("HOTSEAT_LANG", "en");
        c
    }

    /// Keys by tmux name (`Enter`, `C-s`…).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().expect("send-keys").success());
    }

    /// Literal text.
    pub fn text(&self, text: &str) {
        assert!(self.cmd(&["send-keys", "-t", "t", "-l", text]).status().expect("send-keys").success());
    }

    pub fn screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", "t"]).output().expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format (`#{pane_pid}`…) expanded for the pane.
    pub fn format(&self, f: &str) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", "t", f]).output().expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn resize(&self, w: u16, h: u16) {
        assert!(
            self.cmd(&["resize-window", "-t", "t", "-x", &w.to_string(), "-y", &h.to_string()])
                .status()
                .expect("resize")
                .success()
        );
    }

    /// Waits up to `limit` for `pred` to hold of the screen; says what
    /// was on it if it never does.
    pub fn try_wait_for(&self, limit: Duration, what: &str, pred: impl Fn(&str) -> bool) -> Result<String, String> {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return Ok(s);
            }
            if start.elapsed() > limit {
                return Err(format!("timed out waiting for {what}; screen:\n{s}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// [`try_wait_for`](Self::try_wait_for), failing the test on time-out.
    pub fn wait_for(&self, limit: Duration, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.try_wait_for(limit, what, pred).unwrap_or_else(|e| panic!("{e}"))
    }

    /// hotseat's pid: the child of the pane's shell.
    pub fn hotseat_pid(&self) -> Result<String, String> {
        let pid = self.format("#{pane_pid}");
        let out = Command::new("pgrep").args(["-P", &pid]).output().expect("pgrep");
        let child = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").trim().to_string();
        if child.is_empty() { Err("no hotseat process under the pane's shell".into()) } else { Ok(child) }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}
