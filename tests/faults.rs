//! Crash and fault suite for session files: damaged files of every kind
//! under every command that reads a session (no panic, no hang, a clear
//! line), locks (a live session is never removed), resume after a torn
//! line, same-second ordering, modified scenarios, symbolic links planted
//! where the app writes, a read-only data directory, and, in a real
//! terminal (tmux), kill -9 while typing and after a resume, and a full disk.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hotseat::record::format::{self, EndStatus, Header, Line};
use hotseat::session::{Event, EventKind, Pace, Target};

const BIN: &str = env!("CARGO_BIN_EXE_hotseat");

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, have_tmux};

/// How long a tmux screen may take to show what a test waits for.
const SCREEN: Duration = Duration::from_secs(30);
/// Far above what any command here needs, even on a loaded machine: a
/// command still running after this hangs.
const HANG: Duration = Duration::from_secs(90);

// ---------------------------------------------------------------- helpers

/// A command's outcome.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn describe(&self) -> String {
        format!("exit {}\n--- stdout\n{}\n--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

/// Runs hotseat with `data` as its data directory and no terminal, failing
/// the test if it runs longer than [`HANG`]. Output goes through files, so
/// a large output cannot block the child on a full pipe.
fn hotseat(data: &Path, args: &[&str]) -> Out {
    hotseat_with(data, args, |_| {})
}

fn hotseat_with(data: &Path, args: &[&str], setup: impl FnOnce(&mut Command)) -> Out {
    let io = tempfile::tempdir().expect("tempdir");
    let (o, e) = (io.path().join("out"), io.path().join("err"));
    let mut cmd = Command::new(BIN);
    cmd.env("HOTSEAT_DATA_DIR", data)
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&o).expect("out file"))
        .stderr(File::create(&e).expect("err file"));
    setup(&mut cmd);
    let mut child = cmd.spawn().expect("spawns");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("waits") {
            break s;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("hotseat {args:?} hung (still running after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).expect("reads")).into_owned();
    Out { code: status.code().unwrap_or(-1), stdout: read(&o), stderr: read(&e) }
}

/// No panic, and every stderr line is one of ours.
fn assert_clean(label: &str, out: &Out) {
    assert!(!out.stderr.contains("panicked"), "{label}: panicked\n{}", out.describe());
    for line in out.stderr.lines() {
        assert!(line.starts_with("hotseat:"), "{label}: stray stderr line {line:?}\n{}", out.describe());
    }
    assert!((0..=2).contains(&out.code), "{label}: exit code\n{}", out.describe());
}

fn bundled_source(id: &str) -> String {
    let file = format!("{id}.ron");
    let (_, src) = hotseat::library::BUNDLED.iter().find(|(n, _)| *n == file).expect("bundled id");
    src.to_string()
}

fn header(source: &str) -> Header {
    Header {
        hotseat: "test".into(),
        scenario: "alibaba-cloud-pm".into(),
        title: "Alibaba Cloud PM".into(),
        sha256: format::hash(source),
        source: source.into(),
        seed: 1,
        pace: Pace::Real,
        cols: 120,
        rows: 40,
        started: "2026-12-01T00:00:00Z".into(),
        judged_with: Some(hotseat::record::format::JudgedWith::of(&hotseat::traps::Catalogue::default())),
    }
}

/// A session file's text: magic, header, the lines encoded.
fn session_text(header: &Header, lines: &[Line]) -> String {
    let mut out = format!("{} {}\n{}\n", format::MAGIC, format::VERSION, serde_json::to_string(header).expect("json"));
    let mut prev = 0;
    for l in lines {
        if let Some(t) = format::encode(l, prev) {
            out.push_str(&t);
            prev = l.at_ms();
        }
    }
    out
}

fn ev(at: u64, kind: EventKind) -> Line {
    Line::Event(Event::new(at, kind))
}

/// A short session that quit: notes, one answer submitted, quit.
fn quit_lines() -> Vec<Line> {
    vec![
        ev(0, EventKind::Start),
        ev(500, EventKind::Paste(Target::Notes, "canary-notes".into())),
        ev(1000, EventKind::Paste(Target::Answer, "I led the Kubernetes migration for our GPU platform".into())),
        ev(2000, EventKind::Submit),
        ev(3000, EventKind::Quit),
        Line::End { at_ms: 3000, status: EndStatus::Quit },
    ]
}

fn healthy() -> String {
    session_text(&header(&bundled_source("alibaba-cloud-pm")), &quit_lines())
}

fn sessions_dir(data: &Path) -> PathBuf {
    let d = data.join("sessions");
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

fn put(data: &Path, id: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = sessions_dir(data).join(format!("{id}.session"));
    std::fs::write(&p, bytes).expect("writes");
    p
}

fn rows(data: &Path) -> Vec<serde_json::Value> {
    let out = hotseat(data, &["sessions", "--json"]);
    assert_clean("sessions --json", &out);
    assert_eq!(out.code, 0, "{}", out.describe());
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}\n{}", out.describe()))
}

fn row<'a>(rows: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no row {id} in {rows:#?}"))
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().expect("utf-8")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Holds an exclusive lock on a session file, as a recording hotseat does.
fn hold_lock(path: &Path) -> File {
    let f = std::fs::OpenOptions::new().append(true).open(path).expect("opens");
    f.try_lock().expect("locks");
    f
}

// ------------------------------------------------- damaged files x commands

/// What a kind of damage must lead to.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// Reads fine (a torn last line is normal after a crash).
    Fine,
    /// Rebuilt from the readable lines, with a warning saying what was skipped.
    Rebuilt,
    /// Opens with the edited scenario, with a warning.
    Modified,
    /// Cannot be read: exit 1 with a one-line reason containing this.
    Unreadable(&'static str),
}

/// Every kind of damage: (id, expectation, status in `sessions`, setup).
#[allow(clippy::type_complexity)]
fn kinds() -> Vec<(&'static str, Expect, &'static str, Box<dyn Fn(&Path, &str)>)> {
    let h = healthy();
    let lines: Vec<String> = h.lines().map(str::to_string).collect();
    let with_line = move |extra: &[u8]| {
        let mut bytes = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if i == 4 {
                bytes.extend_from_slice(extra);
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(l.as_bytes());
            bytes.push(b'\n');
        }
        bytes
    };
    let junk = with_line(b"garbage{{ not json");
    let bad_utf8 = with_line(b"[10,\"pn\",\"\xff\xfe\"]");
    let torn = h[..h.len() - 4].to_string();
    let mut edited = header(&bundled_source("alibaba-cloud-pm"));
    edited.source.push_str("\n// edited after recording\n");
    let modified = session_text(&edited, &quit_lines());
    let broken_scenario = session_text(&header("Scenario(format: 1, id: \"x\""), &quit_lines());
    let newer = h.replacen(
        &format!("{} {}", format::MAGIC, format::VERSION),
        &format!("{} {}", format::MAGIC, format::VERSION + 1),
        1,
    );
    let header_only: String = h.lines().take(2).map(|l| format!("{l}\n")).collect();
    let mut binary = vec![0u8; 4096];
    let mut x: u32 = 12345;
    for b in binary.iter_mut() {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        *b = (x >> 16) as u8;
    }
    let write = |bytes: Vec<u8>| -> Box<dyn Fn(&Path, &str)> {
        Box::new(move |d: &Path, id: &str| {
            put(d, id, &bytes);
        })
    };
    let mut v: Vec<(&'static str, Expect, &'static str, Box<dyn Fn(&Path, &str)>)> = vec![
        ("healthy", Expect::Fine, "quit", write(h.clone().into_bytes())),
        ("torn-last-line", Expect::Fine, "interrupted", write(torn.into_bytes())),
        ("header-only", Expect::Fine, "interrupted", write(header_only.into_bytes())),
        ("junk-mid-file", Expect::Rebuilt, "damaged", write(junk)),
        ("invalid-utf8-mid-file", Expect::Rebuilt, "damaged", write(bad_utf8)),
        ("modified-scenario", Expect::Modified, "quit", write(modified.into_bytes())),
        ("bad-magic", Expect::Unreadable("not a hotseat session"), "damaged", write(b"hello\nworld\n".to_vec())),
        ("newer-version", Expect::Unreadable("newer"), "damaged", write(newer.into_bytes())),
        (
            "damaged-header",
            Expect::Unreadable("header"),
            "damaged",
            write(b"hotseat-session 1\n{\"hotseat\": broken\n[0,\"go\"]\n".to_vec()),
        ),
        (
            "header-invalid-utf8",
            Expect::Unreadable("header"),
            "damaged",
            write(b"hotseat-session 1\n{\"a\xff\"}\n".to_vec()),
        ),
        ("scenario-does-not-load", Expect::Unreadable("does not load"), "damaged", write(broken_scenario.into_bytes())),
        ("whitespace-only", Expect::Unreadable("not a hotseat session"), "damaged", write(b"\n \n\n".to_vec())),
        ("zero-bytes", Expect::Unreadable("empty"), "damaged", write(Vec::new())),
        ("binary", Expect::Unreadable("not a hotseat session"), "damaged", write(binary)),
        (
            "directory",
            Expect::Unreadable("directory"),
            "damaged",
            Box::new(|d: &Path, id: &str| {
                std::fs::create_dir_all(sessions_dir(d).join(format!("{id}.session"))).expect("mkdir");
            }),
        ),
        (
            "too-large",
            Expect::Unreadable("too large"),
            "damaged",
            Box::new(move |d: &Path, id: &str| {
                let p = put(d, id, &h);
                // Sparse: costs no disk.
                File::options()
                    .write(true)
                    .open(&p)
                    .expect("opens")
                    .set_len(hotseat::record::reader::MAX_BYTES + 1)
                    .expect("grows");
            }),
        ),
    ];
    #[cfg(unix)]
    {
        v.push((
            "fifo",
            Expect::Unreadable("FIFO"),
            "damaged",
            Box::new(|d: &Path, id: &str| mkfifo(&sessions_dir(d).join(format!("{id}.session")))),
        ));
        v.push((
            "symlink",
            Expect::Unreadable("symbolic link"),
            "damaged",
            Box::new(|d: &Path, id: &str| {
                let target = d.join(format!("{id}-target.txt"));
                std::fs::write(&target, healthy()).expect("writes");
                std::os::unix::fs::symlink(&target, sessions_dir(d).join(format!("{id}.session"))).expect("links");
            }),
        ));
    }
    v
}

#[test]
fn damaged_files_of_every_kind_under_every_command_fail_cleanly() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let kinds = kinds();
    for (id, _, _, setup) in &kinds {
        setup(d, id);
    }
    // The listing: every entry is there, damaged ones say why.
    let listed = rows(d);
    assert_eq!(listed.len(), kinds.len(), "{listed:#?}");
    for (id, expect, status, _) in &kinds {
        let r = row(&listed, id);
        assert_eq!(r["status"], *status, "{id}: {r}");
        assert_eq!(r["modified"], *expect == Expect::Modified, "{id}: {r}");
        if *status == "damaged" {
            let reason = r["reason"].as_str().unwrap_or_else(|| panic!("{id}: no reason: {r}"));
            if let Expect::Unreadable(why) = expect {
                assert!(reason.contains(why), "{id}: reason {reason:?} should say {why:?}");
            }
        }
    }
    let text = hotseat(d, &["sessions"]);
    assert_clean("sessions", &text);
    assert_eq!(text.code, 0);
    for (id, _, status, _) in &kinds {
        let line = text.stdout.lines().find(|l| l.starts_with(id)).unwrap_or_else(|| panic!("{id} not listed"));
        assert!(line.contains(status), "{id}: {line}");
    }
    assert_eq!(text.stderr.lines().count(), 1, "one warning, for the modified session: {}", text.stderr);

    let out_dir = tempfile::tempdir().expect("tempdir");
    for (id, expect, _, _) in &kinds {
        let md = out_dir.path().join(format!("{id}.md"));
        let cast = out_dir.path().join(format!("{id}.cast"));
        let bundle = out_dir.path().join(format!("bundle-{id}"));
        let commands: Vec<(&str, Vec<String>)> = vec![
            ("debrief text", vec!["debrief".into(), id.to_string()]),
            ("debrief md", vec!["debrief".into(), id.to_string(), "--format".into(), "md".into()]),
            ("debrief json", vec!["debrief".into(), id.to_string(), "--format".into(), "json".into()]),
            ("export markdown", vec!["export".into(), id.to_string(), "--markdown".into(), md.display().to_string()]),
            (
                "export asciicast",
                vec!["export".into(), id.to_string(), "--asciicast".into(), cast.display().to_string()],
            ),
            ("resume", vec!["resume".into(), id.to_string()]),
            ("replay", vec!["replay".into(), id.to_string()]),
        ];
        for (what, args) in &commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = hotseat(d, &args);
            let label = format!("{id} / {what}");
            assert_clean(&label, &out);
            let needs_tty = matches!(*what, "resume" | "replay");
            match expect {
                Expect::Unreadable(why) => {
                    assert_eq!(out.code, 1, "{label}\n{}", out.describe());
                    assert_eq!(out.stderr.lines().count(), 1, "{label}: one line\n{}", out.describe());
                    assert!(out.stderr.contains(why), "{label}: should say {why:?}\n{}", out.describe());
                }
                _ if needs_tty => {
                    assert_eq!(out.code, 2, "{label}\n{}", out.describe());
                    assert!(out.stderr.contains("needs a terminal"), "{label}\n{}", out.describe());
                }
                _ => assert_eq!(out.code, 0, "{label}\n{}", out.describe()),
            }
            match expect {
                Expect::Rebuilt => assert!(
                    out.stderr.contains("is damaged") && out.stderr.contains("skipped"),
                    "{label}: says what was skipped\n{}",
                    out.describe()
                ),
                Expect::Modified => assert!(
                    out.stderr.lines().filter(|l| l.contains("sha256")).count() == 1,
                    "{label}: one line about the edit\n{}",
                    out.describe()
                ),
                Expect::Fine => assert!(!out.stderr.contains("warning"), "{label}\n{}", out.describe()),
                Expect::Unreadable(_) => {}
            }
            if matches!(expect, Expect::Rebuilt) && *what == "debrief json" {
                assert!(out.stdout.contains("canary-notes"), "{label}: rebuilt what could be read");
            }
        }
        // A bundle copies any regular file as it is (a coach may still use it).
        let out = hotseat(d, &["export", id, "--bundle", &bundle.display().to_string()]);
        let label = format!("{id} / export bundle");
        assert_clean(&label, &out);
        let regular = !matches!(*id, "directory" | "fifo" | "symlink" | "too-large");
        assert_eq!(out.code, if regular { 0 } else { 1 }, "{label}\n{}", out.describe());
        if regular {
            let copy = bundle.join(format!("{id}.session"));
            assert_eq!(
                std::fs::read(&copy).expect("copied"),
                std::fs::read(sessions_dir(d).join(format!("{id}.session"))).expect("reads"),
                "{label}: copied byte for byte"
            );
        } else {
            assert_eq!(out.stderr.lines().count(), 1, "{label}\n{}", out.describe());
        }
    }
}

// ------------------------------------------------------------ locks and rm

#[test]
fn a_live_resumed_session_is_live_and_rm_refuses_it_naming_the_process() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    // Quit, then a later hotseat resumed it and is typing (no end yet).
    let mut lines = quit_lines();
    lines.extend([
        Line::Resumed { at_ms: 3001 },
        ev(3001, EventKind::Reopen),
        ev(3001, EventKind::Pause),
        ev(9000, EventKind::Resume),
        ev(9500, EventKind::Paste(Target::Notes, " typed after the resume".into())),
    ]);
    let id = "20261201-000000-alibaba-cloud-pm";
    let path = put(d, id, session_text(&header(&bundled_source("alibaba-cloud-pm")), &lines));
    {
        let _lock = hold_lock(&path);
        assert_eq!(row(&rows(d), id)["status"], "live");
        let out = hotseat(d, &["sessions", "rm", id]);
        assert_clean("rm", &out);
        assert_eq!(out.code, 1, "{}", out.describe());
        let pid = std::process::id().to_string();
        assert!(out.stderr.contains("live") && out.stderr.contains(&pid), "names the process: {}", out.describe());
        assert!(path.exists(), "not removed");
        let out = hotseat(d, &["resume", id]);
        assert_eq!(out.code, 1, "resume refuses a live session: {}", out.describe());
    }
    // The process is gone (killed): the session is interrupted, not quit.
    assert_eq!(row(&rows(d), id)["status"], "interrupted");
    let out = hotseat(d, &["sessions", "rm", id]);
    assert_eq!(out.code, 0, "{}", out.describe());
    assert!(!path.exists());
}

#[test]
fn rm_of_a_session_whose_lock_is_held_is_refused_in_every_status() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let source = bundled_source("alibaba-cloud-pm");
    let mut finished = quit_lines();
    finished.pop();
    finished.push(Line::End { at_ms: 3000, status: EndStatus::Finished });
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("finished", session_text(&header(&source), &finished).into_bytes()),
        ("quit", healthy().into_bytes()),
        ("interrupted", session_text(&header(&source), &quit_lines()[..3]).into_bytes()),
        ("damaged", healthy().replacen("[500,", "junk\n[500,", 1).into_bytes()),
        ("not-a-session", b"hello\n".to_vec()),
        ("empty", Vec::new()),
    ];
    for (id, bytes) in &cases {
        let path = put(d, id, bytes);
        let lock = hold_lock(&path);
        assert_eq!(row(&rows(d), id)["status"], "live", "{id}");
        let out = hotseat(d, &["sessions", "rm", id]);
        assert_clean(id, &out);
        assert_eq!(out.code, 1, "{id}: {}", out.describe());
        assert!(path.exists(), "{id}: not removed while locked");
        drop(lock);
        let out = hotseat(d, &["sessions", "rm", id]);
        assert_eq!(out.code, 0, "{id}: removable once nobody records it: {}", out.describe());
        assert!(!path.exists(), "{id}");
    }
}

// ------------------------------------------------------------------ resume

#[test]
fn resume_after_a_torn_line_starts_on_a_fresh_line() {
    let data = tempfile::tempdir().expect("tempdir");
    let text = healthy();
    let cut = text.rfind("[0,\"end\"").expect("end record");
    let torn = format!("{}[0,\"a", &text[..cut]);
    let path = put(data.path(), "torn", &torn);
    let rec = hotseat::record::reader::read(&path).expect("reads");
    assert_eq!((rec.skipped, rec.damage.clone()), (1, None), "a torn last line is not damage");
    let mut w = hotseat::record::Recorder::append_to(&path, rec.last_ms(), rec.len).expect("appends");
    w.record(&Line::Resumed { at_ms: rec.last_ms() + 1 });
    w.record(&ev(rec.last_ms() + 5, EventKind::Paste(Target::Notes, "after".into())));
    drop(w);
    let bytes = std::fs::read_to_string(&path).expect("reads");
    assert!(bytes.contains("[0,\"a\n[1,\"resumed\"]\n"), "the resumed record has a line of its own:\n{bytes}");
    let again = hotseat::record::reader::read(&path).expect("reads");
    assert!(again.lines.iter().any(|l| matches!(l, Line::Resumed { .. })), "resumed is read back");
    assert_eq!(again.damage, None, "a torn line before a resume is expected, not damage");
    assert_eq!(again.skipped, 1);
}

#[test]
fn resume_refuses_a_file_that_changed_or_vanished_after_it_was_read() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = put(data.path(), "x", healthy());
    let rec = hotseat::record::reader::read(&path).expect("reads");
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"[1,\"go\"]\n"))
        .expect("appends");
    assert!(hotseat::record::Recorder::append_to(&path, rec.last_ms(), rec.len).is_err(), "changed since read");
    let rec = hotseat::record::reader::read(&path).expect("reads");
    std::fs::remove_file(&path).expect("removes");
    assert!(hotseat::record::Recorder::append_to(&path, rec.last_ms(), rec.len).is_err(), "removed");
}

// --------------------------------------------------------------- ordering

#[test]
fn same_second_sessions_sort_by_suffix_and_latest_is_the_most_recent_start() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let base = "20261201-101010-alibaba-cloud-pm";
    for suffix in ["", "-3", "-2", "-10"] {
        put(d, &format!("{base}{suffix}"), healthy());
    }
    put(d, "20261201-101009-alibaba-cloud-pm", healthy());
    let ids: Vec<String> = rows(d).iter().map(|r| r["id"].as_str().expect("id").to_string()).collect();
    let want: Vec<String> = ["-10", "-3", "-2", ""]
        .iter()
        .map(|s| format!("{base}{s}"))
        .chain(["20261201-101009-alibaba-cloud-pm".to_string()])
        .collect();
    assert_eq!(ids, want);
    let out = hotseat(d, &["debrief", "latest", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["id"], format!("{base}-10"));
}

// --------------------------------------------------------------- modified

#[test]
fn an_edited_scenario_is_flagged_modified_on_every_command_and_still_opens() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let mut h = header(&bundled_source("alibaba-cloud-pm"));
    h.source = h.source.replace("Alibaba", "Alibada");
    let id = "20261201-000000-edited";
    put(d, id, session_text(&h, &quit_lines()));
    let r = rows(d);
    assert_eq!((row(&r, id)["modified"].as_bool(), row(&r, id)["status"].as_str()), (Some(true), Some("quit")));
    let text = hotseat(d, &["sessions"]);
    assert!(text.stdout.contains("[modified]"), "{}", text.describe());
    let out_dir = tempfile::tempdir().expect("tempdir");
    let bundle = out_dir.path().join("bundle");
    for args in [
        vec!["sessions"],
        vec!["sessions", "--json"],
        vec!["debrief", id],
        vec!["debrief", id, "--format", "json"],
        vec!["replay", id],
        vec!["resume", id],
        vec!["export", id, "--bundle", bundle.to_str().expect("utf-8")],
    ] {
        let out = hotseat(d, &args);
        assert_clean(&args.join(" "), &out);
        assert_eq!(out.stderr.lines().filter(|l| l.contains("sha256")).count(), 1, "{args:?}: {}", out.describe());
    }
    let json = hotseat(d, &["debrief", id, "--format", "json"]);
    assert!(json.stdout.contains("\"modified\": true"), "{}", json.describe());
}

// ---------------------------------------------------------- symbolic links

#[cfg(unix)]
#[test]
fn a_symlinked_annotations_sidecar_is_never_written_through() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = put(data.path(), "s", healthy());
    let outside = data.path().join("outside.txt");
    std::fs::write(&outside, "precious").expect("writes");
    std::os::unix::fs::symlink(&outside, hotseat::record::annotations::sidecar(&path)).expect("links");
    let a = hotseat::record::annotations::Annotation { at_ms: 5, text: "note".into() };
    assert!(hotseat::record::annotations::add(&path, &a).is_err(), "refused");
    assert_eq!(std::fs::read_to_string(&outside).expect("reads"), "precious");
}

#[cfg(unix)]
#[test]
fn export_replaces_planted_symlinks_instead_of_writing_through_them() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let id = "20261201-000000-alibaba-cloud-pm";
    put(d, id, healthy());
    let out_dir = tempfile::tempdir().expect("tempdir");
    let victim = out_dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("writes");
    let bundle = out_dir.path().join("bundle");
    std::fs::create_dir(&bundle).expect("mkdir");
    let planted = bundle.join(format!("{id}.session"));
    std::os::unix::fs::symlink(&victim, &planted).expect("links");
    let md = out_dir.path().join("debrief.md");
    std::os::unix::fs::symlink(&victim, &md).expect("links");
    let cast = out_dir.path().join("replay.cast");
    std::os::unix::fs::symlink(&victim, &cast).expect("links");
    for flag in [("--bundle", &bundle), ("--markdown", &md), ("--asciicast", &cast)] {
        let out = hotseat(d, &["export", id, flag.0, &flag.1.display().to_string()]);
        assert_clean(flag.0, &out);
        assert_eq!(out.code, 0, "{}: {}", flag.0, out.describe());
        assert_eq!(std::fs::read_to_string(&victim).expect("reads"), "precious", "{}: target untouched", flag.0);
    }
    assert!(!std::fs::symlink_metadata(&planted).expect("exists").file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&planted).expect("reads"), healthy());
    assert!(std::fs::read_to_string(&md).expect("reads").contains("# Debrief"));
}

#[cfg(unix)]
#[test]
fn export_bundle_refuses_a_directory_owned_by_another_user() {
    use std::os::unix::fs::MetadataExt;
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    put(d, "s", healthy());
    // SAFETY: no preconditions.
    let me = unsafe { libc::geteuid() };
    let foreign = tempfile::tempdir().expect("tempdir");
    let dir = if me == 0 {
        let dir = foreign.path().join("theirs");
        std::fs::create_dir(&dir).expect("mkdir");
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).expect("chown");
        dir
    } else {
        // Not root: any directory of root's will do, e.g. /.
        PathBuf::from("/")
    };
    assert_ne!(std::fs::metadata(&dir).expect("exists").uid(), me);
    let out = hotseat(d, &["export", "s", "--bundle", &dir.display().to_string()]);
    assert_clean("bundle", &out);
    assert_eq!(out.code, 1, "{}", out.describe());
    assert!(out.stderr.contains("another user"), "{}", out.describe());
    assert!(!dir.join("s.session").exists());
}

// ------------------------------------------------------ read-only data dir

#[cfg(unix)]
#[test]
fn a_read_only_data_dir_still_reads_and_every_write_fails_in_one_line() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let d = tmp.path().join("data");
    put(&d, "s", healthy());
    // SAFETY: no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        // Root writes anywhere: run the commands as nobody over a tree nobody owns.
        for p in [d.clone(), d.join("sessions"), d.join("sessions/s.session")] {
            std::os::unix::fs::chown(&p, Some(65534), Some(65534)).expect("chown");
        }
    }
    for p in [d.join("sessions"), d.clone()] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    }
    let as_user = |cmd: &mut Command| {
        cmd.env("HOME", tmp.path());
        if root {
            // SAFETY: setgid/setuid are async-signal-safe.
            unsafe {
                cmd.pre_exec(|| {
                    if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
    };
    let probe = hotseat_with(&d, &["sessions", "--json"], as_user);
    if probe.code != 0 && probe.stderr.contains("Operation not permitted") {
        println!("SKIPPED: cannot drop privileges here: {}", probe.stderr);
        return;
    }
    assert_eq!(probe.code, 0, "{}", probe.describe());
    assert!(probe.stdout.contains("\"quit\""), "{}", probe.describe());
    let out = hotseat_with(&d, &["debrief", "s"], as_user);
    assert_eq!(out.code, 0, "{}", out.describe());
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/alibaba-cloud-pm.strong.ron");
    for args in [
        vec!["sessions", "rm", "s"],
        vec!["playtest", "alibaba-cloud-pm", "--record", "--answers", answers.to_str().expect("utf-8")],
        vec!["export", "s", "--markdown", d.join("sessions/x.md").to_str().expect("utf-8")],
    ] {
        let out = hotseat_with(&d, &args, as_user);
        assert_clean(&args.join(" "), &out);
        assert_ne!(out.code, 0, "{args:?}: {}", out.describe());
        assert!(
            out.stderr.lines().count() >= 1 && out.stderr.lines().all(|l| l.starts_with("hotseat:")),
            "{args:?}: {}",
            out.describe()
        );
    }
    assert!(d.join("sessions/s.session").exists(), "nothing lost");
    for p in [d.clone(), d.join("sessions")] {
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o700));
    }
}

// ------------------------------------------------------- a real terminal

fn shell(data: &Path, prefix: &str, args: &str) -> String {
    format!("{prefix} HOTSEAT_DATA_DIR='{}' '{BIN}' {args}; echo \"EXIT=$?\"; sleep 60", data.display())
}

/// Everything typed that the file keeps: both boxes and the answers given.
fn kept_text(path: &Path) -> String {
    let s = hotseat::record::reader::read(path).expect("reads").fold().expect("folds");
    format!("{} {} {:?}", s.answer_text(), s.notes_text(), s.turns)
}

fn only_session(data: &Path) -> PathBuf {
    let files: Vec<PathBuf> =
        std::fs::read_dir(data.join("sessions")).expect("sessions dir").flatten().map(|e| e.path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// A kill point from the clock, printed so a failure can be reproduced.
fn pick(n: usize) -> usize {
    let seed = std::env::var("FAULTS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(7, |d| d.subsec_nanos() as usize)
    });
    println!("kill point seed {seed} (FAULTS_SEED={seed} repeats it)");
    1 + seed % n
}

/// Types `words` one at a time, each shown on screen before the next, and
/// returns once `upto` are in.
fn type_words(t: &Tmux, words: &[String], upto: usize) {
    for w in &words[..upto] {
        t.text(&format!("{w} "));
        t.wait_for(SCREEN, w, |s| s.contains(w.as_str()));
    }
}

#[test]
fn kill_9_while_typing_and_after_a_resume_loses_nothing_shown_and_leaves_it_interrupted() {
    if !have_tmux() {
        println!("SKIPPED: tmux or pgrep is not installed");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let words: Vec<String> = (0..12).map(|i| format!("w{i}x")).collect();
    // First process: type, then kill -9 at a random word.
    let t = Tmux::start("first", (120, 40), &shell(d, "", "run alibaba-cloud-pm --seed 1"));
    t.wait_for(SCREEN, "the session", |s| s.contains("Notes"));
    let k = pick(words.len());
    type_words(&t, &words, k);
    let pid = t.hotseat_pid().expect("hotseat's pid");
    assert!(Command::new("kill").args(["-KILL", &pid]).status().expect("kill").success());
    t.wait_for(SCREEN, "the shell", |s| s.contains("EXIT="));
    drop(t);
    let path = only_session(d);
    let id = path.file_stem().expect("stem").to_string_lossy().into_owned();
    let kept = kept_text(&path);
    for w in &words[..k] {
        assert!(kept.contains(w.as_str()), "{w} was on screen before the kill, so it is in the file: {kept}");
    }
    assert_eq!(row(&rows(d), &id)["status"], "interrupted");

    // Quit it properly, so the file ends in an `end` line.
    let t = Tmux::start("second", (120, 40), &shell(d, "", &format!("resume {id}")));
    t.wait_for(SCREEN, "paused", |s| s.contains("Paused"));
    t.keys(&["Enter"]);
    t.wait_for(SCREEN, "running", |s| !s.contains("Paused"));
    t.keys(&["C-c"]);
    t.wait_for(SCREEN, "quit confirmation", |s| s.contains("Quit"));
    t.keys(&["y"]);
    t.wait_for(SCREEN, "the debrief", |s| s.contains("Debrief"));
    t.keys(&["q"]);
    t.wait_for(SCREEN, "the shell", |s| s.contains("EXIT="));
    drop(t);
    assert_eq!(row(&rows(d), &id)["status"], "quit");

    // Resume the quit session and type: it is live, and rm refuses it.
    let t = Tmux::start("third", (120, 40), &shell(d, "", &format!("resume {id}")));
    t.wait_for(SCREEN, "paused", |s| s.contains("Paused"));
    t.keys(&["Enter"]);
    t.wait_for(SCREEN, "running", |s| !s.contains("Paused"));
    let later: Vec<String> = (0..8).map(|i| format!("r{i}y")).collect();
    let k2 = pick(later.len());
    type_words(&t, &later, k2);
    let pid = t.hotseat_pid().expect("hotseat's pid");
    assert_eq!(row(&rows(d), &id)["status"], "live", "a resumed session being recorded is live");
    let out = hotseat(d, &["sessions", "rm", &id]);
    assert_eq!(out.code, 1, "{}", out.describe());
    assert!(out.stderr.contains(&pid), "names the live process {pid}: {}", out.describe());
    assert!(path.exists());
    assert!(Command::new("kill").args(["-KILL", &pid]).status().expect("kill").success());
    t.wait_for(SCREEN, "the shell", |s| s.contains("EXIT="));
    drop(t);
    assert_eq!(row(&rows(d), &id)["status"], "interrupted", "a killed resumed session is interrupted, not quit");
    let kept = kept_text(&path);
    for w in words[..k].iter().chain(&later[..k2]) {
        assert!(kept.contains(w.as_str()), "{w} is kept: {kept}");
    }
}

#[test]
fn a_full_disk_then_resume_keeps_what_was_written_and_starts_on_a_fresh_line() {
    if !have_tmux() || Command::new("prlimit").arg("--version").output().is_err() {
        println!("SKIPPED: tmux, pgrep or prlimit is not installed");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    // The file may grow to the header and a few hundred bytes more: the
    // "disk" fills while typing. SIGXFSZ is ignored so writes fail with
    // EFBIG, as on a full disk, instead of killing the process.
    let head_len = format!("{} {}\n", format::MAGIC, format::VERSION).len()
        + serde_json::to_string(&header(&bundled_source("alibaba-cloud-pm"))).expect("json").len();
    let limit = head_len + 300;
    let t = Tmux::start(
        "full",
        (120, 40),
        &shell(d, "trap '' XFSZ;", "run alibaba-cloud-pm --seed 1").replacen(
            &format!("'{BIN}'"),
            &format!("prlimit --fsize={limit} '{BIN}'"),
            1,
        ),
    );
    t.wait_for(SCREEN, "the session", |s| s.contains("Notes"));
    let words: Vec<String> = (0..40).map(|i| format!("d{i}z")).collect();
    for w in &words {
        t.text(&format!("{w} "));
        t.wait_for(SCREEN, w, |s| s.contains(w.as_str()));
    }
    t.wait_for(SCREEN, "the recording problem", |s| s.contains("recording stopped"));
    t.keys(&["C-c"]);
    t.wait_for(SCREEN, "quit confirmation", |s| s.contains("Quit"));
    t.keys(&["y"]);
    t.wait_for(SCREEN, "the debrief", |s| s.contains("Debrief"));
    t.keys(&["q"]);
    t.wait_for(SCREEN, "the shell", |s| s.contains("EXIT="));
    drop(t);
    let path = only_session(d);
    let size = std::fs::metadata(&path).expect("exists").len() as usize;
    assert!(size <= limit, "{size} > {limit}");
    let before = hotseat::record::reader::read(&path).expect("still readable");
    assert_eq!(before.damage, None);
    let id = before.id.clone();
    let kept_before = kept_text(&path);
    assert!(kept_before.contains("d0z"), "what was written stays: {kept_before}");

    // Space is back: resume and type.
    let t = Tmux::start("resume", (120, 40), &shell(d, "", &format!("resume {id}")));
    t.wait_for(SCREEN, "paused", |s| s.contains("Paused"));
    t.keys(&["Enter"]);
    t.wait_for(SCREEN, "running", |s| !s.contains("Paused"));
    t.text("after-the-disk-filled ");
    t.wait_for(SCREEN, "typed", |s| s.contains("after-the-disk-filled"));
    t.keys(&["C-c"]);
    t.wait_for(SCREEN, "quit confirmation", |s| s.contains("Quit"));
    t.keys(&["y"]);
    t.wait_for(SCREEN, "the debrief", |s| s.contains("Debrief"));
    t.keys(&["q"]);
    t.wait_for(SCREEN, "the shell", |s| s.contains("EXIT="));
    drop(t);
    let after = hotseat::record::reader::read(&path).expect("reads");
    assert_eq!(after.damage, None, "no record glued onto the torn line");
    assert!(after.lines.iter().any(|l| matches!(l, Line::Resumed { .. })), "the resumed record is read back");
    assert!(kept_text(&path).contains("after-the-disk-filled"));
    assert_eq!(row(&rows(d), &id)["status"], "quit");
}

// ---------------------------------------------------------------- listing

#[test]
fn a_listing_does_not_assess_a_huge_answer_but_still_lists_it() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let long = "we scaled the platform and it worked well for everyone ".repeat(2000);
    let lines = vec![
        ev(0, EventKind::Start),
        ev(1000, EventKind::Paste(Target::Answer, long)),
        ev(2000, EventKind::Submit),
        ev(3000, EventKind::Quit),
        Line::End { at_ms: 3000, status: EndStatus::Quit },
    ];
    put(d, "20261201-000000-long", session_text(&header(&bundled_source("alibaba-cloud-pm")), &lines));
    put(d, "20261201-000001-short", healthy());
    let r = rows(d);
    let long = row(&r, "20261201-000000-long");
    assert_eq!(long["status"], "quit");
    assert!(long["reason"].as_str().is_some_and(|s| s.contains("not summarised")), "{long}");
    assert_eq!(row(&r, "20261201-000001-short")["reason"], serde_json::Value::Null);
}
