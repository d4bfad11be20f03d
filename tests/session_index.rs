//! The session index (issue 17): `hotseat sessions` reads summaries from
//! `<data dir>/index.sqlite3` instead of replaying every session, says
//! exactly what it said before, and treats the index as a cache: a changed
//! file is summarised again, a deleted one leaves it, a corrupt index is
//! rebuilt silently, a planted symbolic link is never followed.

#[path = "support/session_file.rs"]
mod session_file;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use hotseat::record::format::{self, EndStatus, Header, Line};
use hotseat::session::{Event, EventKind, Pace, Target};

#[path = "support/cli.rs"]
mod cli;

/// A command's outcome, as text.
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

fn hotseat(data: &Path, args: &[&str]) -> Out {
    let out = cli::hotseat(data).args(args).output().expect("runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `sessions` and `sessions --json`, which must both succeed.
fn listings(data: &Path) -> (Out, Out) {
    let text = hotseat(data, &["sessions"]);
    assert_eq!(text.code, 0, "{}", text.describe());
    let json = hotseat(data, &["sessions", "--json"]);
    assert_eq!(json.code, 0, "{}", json.describe());
    (text, json)
}

fn bundled_source(id: &str) -> String {
    let file = format!("{id}.ron");
    let (_, src) = hotseat::library::BUNDLED.iter().find(|(n, _)| *n == file).expect("bundled id");
    src.to_string()
}

fn header(scenario: &str, started: &str) -> Header {
    let source = bundled_source(scenario);
    Header {
        hotseat: "test".into(),
        scenario: scenario.into(),
        title: "Title One".into(),
        sha256: format::hash(&source),
        source,
        seed: 1,
        pace: Pace::Real,
        cols: 120,
        rows: 40,
        started: started.into(),
        judged_with: Some(hotseat::record::format::JudgedWith::of(&hotseat::traps::Catalogue::default())),
    }
}

fn session_text(header: &Header, lines: &[Line]) -> String {
    session_file::text(format::VERSION, header, lines)
}

fn ev(at: u64, kind: EventKind) -> Line {
    Line::Event(Event::new(at, kind))
}

/// One answer (which falls into a trap or two), then quit or not.
fn lines(answer: &str, ended: bool) -> Vec<Line> {
    let mut l = vec![
        ev(0, EventKind::Start),
        ev(1000, EventKind::Paste(Target::Answer, answer.into())),
        ev(62_000, EventKind::Submit),
    ];
    if ended {
        l.push(ev(63_000, EventKind::Quit));
        l.push(Line::End { at_ms: 63_000, status: EndStatus::Quit });
    }
    l
}

const ANSWER: &str = "We did a lot of things and the team worked hard; I think it went well overall.";

fn put(data: &Path, id: &str, text: &str) -> PathBuf {
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let p = dir.join(format!("{id}.session"));
    std::fs::write(&p, text).expect("writes");
    p
}

/// A few sessions of different kinds: quit, interrupted, modified,
/// damaged beyond reading, and a Chinese scenario.
fn several(data: &Path) {
    put(
        data,
        "20261201-100000-a",
        &session_text(&header("alibaba-cloud-pm", "2026-12-01T10:00:00Z"), &lines(ANSWER, true)),
    );
    put(
        data,
        "20261202-100000-b",
        &session_text(&header("behavioral-zh", "2026-12-02T10:00:00Z"), &lines("我们做了很多事情。", false)),
    );
    let mut edited = header("huawei-case", "2026-12-03T10:00:00Z");
    edited.source = edited.source.replacen("Huawei", "Huawai", 1);
    put(data, "20261203-100000-c", &session_text(&edited, &lines(ANSWER, true)));
    put(data, "20261204-100000-d", "not a session at all\n");
}

fn index_file(data: &Path) -> PathBuf {
    data.join("index.sqlite3")
}

fn rows_in_index(data: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(index_file(data)).expect("opens");
    let mut stmt = conn.prepare("SELECT id FROM sessions ORDER BY id").expect("prepares");
    stmt.query_map([], |r| r.get(0)).expect("queries").collect::<Result<_, _>>().expect("rows")
}

/// Overwrites `at` bytes in the file with `with` (same length), keeping
/// its size and modification time: what the freshness key cannot see
/// unless it is in the last bytes.
fn edit_in_place(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let mtime = std::fs::metadata(path).expect("stat").modified().expect("mtime");
    let text = std::fs::read_to_string(path).expect("reads");
    assert!(text.contains(from), "{from} in the file");
    std::fs::write(path, text.replacen(from, to, 1)).expect("writes");
    set_mtime(path, mtime);
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options().write(true).open(path).expect("opens").set_modified(t).expect("sets mtime");
}

#[test]
fn a_second_listing_reads_summaries_from_the_index_not_the_files() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let path = put(
        d,
        "20261201-100000-a",
        &session_text(&header("alibaba-cloud-pm", "2026-12-01T10:00:00Z"), &lines(ANSWER, true)),
    );
    assert!(std::fs::metadata(&path).expect("stat").len() > 8192, "the title is outside the tail");
    let (first, _) = listings(d);
    assert!(first.stdout.contains("Title One"), "{}", first.describe());
    assert!(index_file(d).is_file(), "the first listing built the index");
    // The title changes where the freshness key does not look (same size,
    // same time, same last bytes): only a listing that did not read the
    // file still shows the old one.
    edit_in_place(&path, "Title One", "Title Two");
    let (second, json) = listings(d);
    assert!(second.stdout.contains("Title One"), "from the index:\n{}", second.describe());
    assert!(json.stdout.contains("Title One"), "{}", json.describe());
    // --reindex reads every file again.
    let re = hotseat(d, &["sessions", "--reindex"]);
    assert_eq!((re.code, re.stdout.as_str()), (0, "Indexed 1 session.\n"), "{}", re.describe());
    let (third, _) = listings(d);
    assert!(third.stdout.contains("Title Two"), "{}", third.describe());
}

#[test]
fn a_file_whose_last_line_changed_is_summarised_again() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let h = header("alibaba-cloud-pm", "2026-12-01T10:00:00Z");
    let interrupted = session_text(&h, &lines(ANSWER, false));
    let path = put(d, "20261201-100000-a", &interrupted);
    let (text, before) = listings(d);
    assert!(text.stdout.contains("interrupted"), "{}", text.describe());
    // Same size and time, but the last line torn (as by a crash): the
    // submit it held is gone, and the listing must say so.
    let mtime = std::fs::metadata(&path).expect("stat").modified().expect("mtime");
    let body = interrupted.trim_end_matches('\n');
    let last = body.rfind('\n').expect("lines") + 1;
    let torn = format!("{}{}\n", &body[..last], "x".repeat(body.len() - last));
    assert_eq!(torn.len(), interrupted.len());
    std::fs::write(&path, &torn).expect("writes");
    set_mtime(&path, mtime);
    let (_, after) = listings(d);
    assert_ne!(after.stdout, before.stdout, "summarised again");
    let fresh = tempfile::tempdir().expect("tempdir");
    put(fresh.path(), "20261201-100000-a", &torn);
    assert_eq!(after.stdout, listings(fresh.path()).1.stdout, "as the file says");
    // Grown by an end record: size and time change.
    std::fs::write(&path, session_text(&h, &lines(ANSWER, true))).expect("writes");
    let (text, json) = listings(d);
    assert!(text.stdout.contains("quit"), "{}", text.describe());
    assert!(json.stdout.contains("\"quit\""), "{}", json.describe());
}

#[test]
fn a_deleted_session_leaves_the_listing_and_the_index() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    listings(d);
    assert_eq!(rows_in_index(d).len(), 4);
    std::fs::remove_file(d.join("sessions/20261201-100000-a.session")).expect("removes");
    let (text, _) = listings(d);
    assert!(!text.stdout.contains("20261201-100000-a"), "{}", text.describe());
    assert_eq!(rows_in_index(d), ["20261202-100000-b", "20261203-100000-c", "20261204-100000-d"]);
    let rm = hotseat(d, &["sessions", "rm", "20261202-100000-b"]);
    assert_eq!(rm.code, 0, "{}", rm.describe());
    assert_eq!(rows_in_index(d), ["20261203-100000-c", "20261204-100000-d"], "rm drops the row at once");
}

#[test]
fn a_corrupt_index_is_rebuilt_silently() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    let (before, before_json) = listings(d);
    for garbage in [b"garbage, not a database at all".repeat(200), Vec::new()] {
        std::fs::write(index_file(d), &garbage).expect("writes");
        let (after, after_json) = listings(d);
        assert_eq!(after.stdout, before.stdout);
        assert_eq!(after_json.stdout, before_json.stdout);
        assert_eq!(after.stderr, before.stderr, "no word about the index");
        assert_eq!(rows_in_index(d).len(), 4, "rebuilt");
    }
    // Garbage past a valid header page: SQLite says corrupt only when it reads there.
    let mut bytes = std::fs::read(index_file(d)).expect("reads");
    for b in bytes.iter_mut().skip(100) {
        *b = 0xA5;
    }
    let _ = std::fs::remove_file(d.join("index.sqlite3-wal"));
    let _ = std::fs::remove_file(d.join("index.sqlite3-shm"));
    std::fs::write(index_file(d), &bytes).expect("writes");
    let (after, after_json) = listings(d);
    assert_eq!(after.stdout, before.stdout);
    assert_eq!(after_json.stdout, before_json.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlinked_index_path_is_never_followed() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    let (plain, plain_json) = listings(d);
    std::fs::remove_file(index_file(d)).expect("removes");
    let target = d.join("precious.txt");
    std::fs::write(&target, "precious").expect("writes");
    std::os::unix::fs::symlink(&target, index_file(d)).expect("links");
    let (text, json) = listings(d);
    assert_eq!(text.stdout, plain.stdout, "the same listing, from the files");
    assert_eq!(json.stdout, plain_json.stdout);
    let notes: Vec<&str> = text.stderr.lines().filter(|l| l.contains("index")).collect();
    assert_eq!(notes.len(), 1, "one note: {}", text.describe());
    assert!(notes[0].starts_with("hotseat: ") && notes[0].contains("symbolic link"), "{}", text.describe());
    assert_eq!(std::fs::read_to_string(&target).expect("reads"), "precious");
    assert!(std::fs::symlink_metadata(index_file(d)).expect("still there").file_type().is_symlink());
    // A link planted where SQLite keeps its write-ahead log is refused too.
    std::fs::remove_file(index_file(d)).expect("removes");
    std::os::unix::fs::symlink(&target, d.join("index.sqlite3-wal")).expect("links");
    let (text, _) = listings(d);
    assert_eq!(text.stdout, plain.stdout);
    assert_eq!(std::fs::read_to_string(&target).expect("reads"), "precious");
}

#[test]
fn the_listing_is_the_same_with_and_without_the_index() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    // A directory where the index goes: refused, so the files are read.
    std::fs::create_dir_all(index_file(d)).expect("mkdir");
    let (files, files_json) = listings(d);
    assert_eq!(files.stderr.lines().filter(|l| l.contains("index")).count(), 1, "{}", files.describe());
    std::fs::remove_dir(index_file(d)).expect("rmdir");
    let (cold, cold_json) = listings(d);
    let (warm, warm_json) = listings(d);
    for (label, text, json) in [("cold", &cold, &cold_json), ("warm", &warm, &warm_json)] {
        assert_eq!(text.stdout, files.stdout, "{label}");
        assert_eq!(json.stdout, files_json.stdout, "{label}");
        let warnings =
            |o: &Out| o.stderr.lines().filter(|l| !l.contains("index")).map(String::from).collect::<Vec<_>>();
        assert_eq!(warnings(text), warnings(&files), "{label}: the same warnings (the modified session)");
    }
    assert!(warm.stdout.contains("[modified]"), "{}", warm.describe());
    assert!(warm_json.stdout.contains("\"damaged\""), "{}", warm_json.describe());
}

#[cfg(unix)]
#[test]
fn the_index_is_private_and_only_made_when_there_are_sessions() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let out = hotseat(d, &["sessions"]);
    assert_eq!(out.code, 0, "{}", out.describe());
    assert!(!index_file(d).exists(), "listing nothing writes nothing");
    several(d);
    listings(d);
    let mode = std::fs::metadata(index_file(d)).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn listings_at_the_same_time_corrupt_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    let (expected, _) = {
        // The expected text, from the files alone (no index yet is fine:
        // the first listing of the racers builds it).
        let probe = tempfile::tempdir().expect("tempdir");
        several(probe.path());
        listings(probe.path())
    };
    let children: Vec<_> = (0..4)
        .map(|_| {
            let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hotseat"));
            c.env("HOTSEAT_DATA_DIR", d)
                .env("NO_COLOR", "1")
                .env("HOTSEAT_LANG", "en")
                .env_remove("HOTSEAT_SCENARIO_PATH")
                .args(["sessions", "--reindex"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            c.spawn().expect("spawns")
        })
        .collect();
    let racers: Vec<_> = (0..4).map(|_| hotseat(d, &["sessions"])).collect();
    for c in children {
        let out = c.wait_with_output().expect("waits");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    for r in racers {
        assert_eq!(r.stdout, expected.stdout, "{}", r.describe());
    }
    assert_eq!(rows_in_index(d).len(), 4);
    let (after, _) = listings(d);
    assert_eq!(after.stdout, expected.stdout);
}

/// The counter behind "a warm listing replays nothing": the second pass
/// over the same files summarises none of them; a touched file is the one
/// summarised again; a removed one is dropped.
#[test]
fn a_warm_listing_summarises_only_what_changed() {
    use hotseat::index::{Mode, list_in};
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(d.join("sessions")).expect("lists").flatten().map(|e| e.path()).collect();
    files.sort();
    let index = index_file(d);
    let first = list_in(&index, &files, Mode::Refresh);
    assert_eq!((first.stats.summarised, first.stats.reused, first.stats.stored), (4, 0, 4));
    let second = list_in(&index, &files, Mode::Refresh);
    assert_eq!((second.stats.summarised, second.stats.reused, second.stats.stored), (0, 4, 0));
    let summaries = |l: &hotseat::index::Listing| l.sessions.iter().map(|s| s.summary.clone()).collect::<Vec<_>>();
    assert_eq!(summaries(&first), summaries(&second), "the stored summary is the computed one");
    std::fs::write(&files[0], session_text(&header("alibaba-cloud-pm", "2026-12-09T10:00:00Z"), &lines(ANSWER, false)))
        .expect("writes");
    std::fs::remove_file(&files[3]).expect("removes");
    files.pop();
    let third = list_in(&index, &files, Mode::Refresh);
    assert_eq!((third.stats.summarised, third.stats.reused, third.stats.dropped), (1, 2, 1));
    let rebuilt = list_in(&index, &files, Mode::Rebuild);
    assert_eq!((rebuilt.stats.summarised, rebuilt.stats.reused), (3, 0));
}

/// Issue 17 item 5's query: per scenario, the latest start and the best
/// verdict over its sessions.
#[test]
fn played_gives_each_scenario_its_last_start_and_best_verdict() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    let strong = "I own the billing roadmap. I cut GPU cost per training hour from 31 to 22 yuan (29%) in two quarters \
                  by moving idle capacity to spot pools; churn fell from 4.1% to 2.6%, measured on the cohort dashboard.";
    put(
        d,
        "20261205-100000-e",
        // Not quit: a session left after one answer has no verdict.
        &session_text(&header("alibaba-cloud-pm", "2026-12-05T10:00:00Z"), &lines(strong, false)),
    );
    let (_, json) = listings(d);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).expect("json");
    let played = hotseat::index::played_in(&index_file(d)).expect("reads");
    let pm = &played["alibaba-cloud-pm"];
    assert_eq!(pm.last, "2026-12-05T10:00:00Z");
    let verdicts: Vec<&str> =
        rows.iter().filter(|r| r["scenario"] == "alibaba-cloud-pm").filter_map(|r| r["verdict"].as_str()).collect();
    let best = hotseat::assess::debrief::Verdict::ALL.into_iter().find(|v| verdicts.contains(&v.as_str()));
    assert!(best.is_some(), "verdicts: {verdicts:?}");
    assert_eq!(pm.best, best, "the best of {verdicts:?}");
    assert!(played.contains_key("behavioral-zh"));
    assert!(!played.contains_key(""), "an unreadable file has no scenario");
}

/// The picker's bounded refresh never falls back to replaying every
/// session when the index cannot be used: it shows no history instead.
#[cfg(unix)]
#[test]
fn the_pickers_refresh_reads_no_file_when_the_index_is_refused() {
    use hotseat::index::{Mode, list_in};
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    several(d);
    std::os::unix::fs::symlink(d.join("elsewhere"), index_file(d)).expect("links");
    let files: Vec<PathBuf> =
        std::fs::read_dir(d.join("sessions")).expect("lists").flatten().map(|e| e.path()).collect();
    let picker = list_in(&index_file(d), &files, Mode::AtMost(20));
    assert_eq!((picker.sessions.len(), picker.stats.summarised), (0, 0));
    assert!(picker.note.as_deref().is_some_and(|n| n.contains("symbolic link")), "{:?}", picker.note);
    let listing = list_in(&index_file(d), &files, Mode::Refresh);
    assert_eq!(listing.stats.summarised, 4, "a listing still reads the files");
    assert!(!d.join("elsewhere").exists(), "nothing created through the link");
}

/// A session a hotseat is recording is live (from the lock) and its
/// summary is never stored: it is still being written.
#[test]
fn a_live_session_is_summarised_but_never_stored() {
    use hotseat::index::{Mode, list_in};
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let h = header("alibaba-cloud-pm", "2026-12-01T10:00:00Z");
    let path = put(d, "20261201-100000-a", &session_text(&h, &lines(ANSWER, false)));
    let lock = std::fs::OpenOptions::new().append(true).open(&path).expect("opens");
    lock.try_lock().expect("locks");
    let files = vec![path.clone()];
    let live = list_in(&index_file(d), &files, Mode::Refresh);
    assert_eq!(live.sessions[0].summary.status_with(live.sessions[0].lock).as_str(), "live");
    assert_eq!((live.stats.summarised, live.stats.stored), (1, 0));
    let again = list_in(&index_file(d), &files, Mode::Refresh);
    assert_eq!((again.stats.summarised, again.stats.reused), (1, 0), "summarised afresh while live");
    drop(lock);
    let (text, _) = listings(d);
    assert!(text.stdout.contains("interrupted"), "{}", text.describe());
    assert_eq!(rows_in_index(d), ["20261201-100000-a"], "stored once nobody records it");
}

/// A session recorded before sessions kept their traps is judged with
/// today's catalogue, the user's `traps.ron` included: editing that file
/// must show in the next listing, not a summary from before.
#[test]
fn an_old_session_is_summarised_again_when_the_users_traps_change() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let mut h = header("alibaba-cloud-pm", "2026-12-01T10:00:00Z");
    h.judged_with = None;
    let answer = "I led the zanzibar migration and the zanzibar rollout for our GPU platform.";
    put(d, "20261201-100000-a", &session_text(&h, &lines(answer, true)));
    let traps = |json: &str| -> u64 {
        let rows: Vec<serde_json::Value> = serde_json::from_str(json).expect("json");
        rows[0]["traps"].as_u64().expect("a count")
    };
    let (_, before) = listings(d);
    std::fs::write(
        d.join("traps.ron"),
        r#"Catalogue(traps: [
    (id: "index-test-trap", title: "Says zanzibar", why: "w", instead: "i", example: "e",
     detect: [(when: AnyOf(["zanzibar"]))]),
])"#,
    )
    .expect("catalogue");
    let (_, after) = listings(d);
    assert_eq!(traps(&after.stdout), traps(&before.stdout) + 1, "{}\n{}", before.stdout, after.stdout);
    let fresh = hotseat(d, &["sessions", "--reindex"]);
    assert_eq!(fresh.code, 0);
    assert_eq!(listings(d).1.stdout, after.stdout, "as a rebuild says");
}

/// Why a summary is left out is stored as data, not as text: the cached
/// reason reads as one computed from the files, and JSON keeps it English
/// whatever the UI language.
#[test]
fn a_cached_reason_reads_as_from_the_files_and_stays_english_in_json() {
    let data = tempfile::tempdir().expect("tempdir");
    let d = data.path();
    let long = "we scaled the platform ".repeat(800);
    put(
        d,
        "20261201-100000-a",
        &session_text(&header("alibaba-cloud-pm", "2026-12-01T10:00:00Z"), &lines(&long, true)),
    );
    let (_, en) = listings(d);
    assert!(en.stdout.contains("characters"), "{}", en.describe());
    // Under a Chinese UI, JSON is language-neutral: its reason stays English.
    let zh = |d: &Path| {
        let out = cli::hotseat(d).env("HOTSEAT_LANG", "zh").args(["sessions", "--json"]).output().expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let warm = zh(d);
    std::fs::remove_file(index_file(d)).expect("removes");
    std::fs::create_dir(index_file(d)).expect("mkdir");
    assert_eq!(warm, zh(d), "the same as read from the files");
    assert!(warm.contains("characters") && !warm.contains("字的回答"), "{warm}");
}
