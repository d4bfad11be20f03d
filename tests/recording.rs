//! Recordings: a recorded session replays to the same state and the same
//! debrief, byte for byte; damaged and partial files still replay; resume
//! carries on where the log stops.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use hotseat::assess::debrief;
use hotseat::record::{reader, writer};
use hotseat::session::{Compiled, Event, EventKind, Pace, State, Target, update};

/// One data directory for this test process (the variable is global).
fn data_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let d = tempfile::tempdir().expect("tempdir");
        set_data_dir(d.path());
        d
    });
    dir.path()
}

fn set_data_dir(path: &Path) {
    // SAFETY: `set_var` races with other threads reading the environment;
    // every test calls `data_dir()` (and so this, once, under the OnceLock)
    // before anything reads HOTSEAT_DATA_DIR.
    unsafe {
        std::env::set_var("HOTSEAT_DATA_DIR", path);
    }
}

fn bundled(id: &str) -> (Arc<Compiled>, String) {
    let (cat, _) = hotseat::traps::load(None);
    let (name, src) = hotseat::library::BUNDLED.iter().find(|(n, _)| *n == format!("{id}.ron")).expect("bundled id");
    let sc = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat).scenario.expect("parses");
    (Compiled::new(sc, cat).expect("compiles"), src.to_string())
}

/// The playtest scripts in the repo, plus one written here so the test
/// never depends on them alone.
fn scripts() -> Vec<(String, String)> {
    let mut out = vec![(
        "alibaba-cloud-pm".to_string(),
        r#"{
            "start": [Text(text: "I led the Kubernetes migration for our GPU platform", after_s: 40)],
            "tech-pushback": [Text(text: "It saved a lot of money, significantly", after_s: 30)],
        }"#
        .to_string(),
    )];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    for f in files.into_iter().filter(|f| f.extension().is_some_and(|e| e == "ron")) {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let id = name.split('.').next().unwrap_or_default().to_string();
        out.push((id, std::fs::read_to_string(&f).expect("script reads")));
    }
    out
}

fn record(id: &str, script: &str) -> (State, PathBuf) {
    data_dir();
    let (compiled, source) = bundled(id);
    let script = hotseat::playtest::parse("script", script).expect("script parses");
    let (state, events) = hotseat::playtest::play_logged(compiled, 0, &script).expect("plays");
    let path = writer::save_scripted(&state, &events, &source).expect("records");
    (state, path)
}

/// The file's status once no other process shares its lock. Another test
/// here spawns `asciinema`: between that fork and its exec the child holds
/// a copy of every open descriptor, this test's locked session file among
/// them, so for a moment a finished file reads as live. Waits that moment
/// out (up to 5 s) instead of calling it a failure.
fn settled_status(rec: &reader::Recording) -> hotseat::record::Status {
    for _ in 0..100 {
        match rec.status() {
            hotseat::record::Status::Live => std::thread::sleep(std::time::Duration::from_millis(50)),
            other => return other,
        }
    }
    rec.status()
}

#[test]
fn every_recorded_playtest_replays_to_the_same_state_and_debrief() {
    for (id, script) in scripts() {
        let (live, path) = record(&id, &script);
        let rec = reader::read(&path).expect("reads back");
        assert_eq!(rec.skipped, 0);
        assert_eq!(settled_status(&rec), hotseat::record::Status::Finished, "{id}");
        let replayed = rec.fold().expect("folds");
        assert_eq!(live.turns, replayed.turns, "{id}");
        assert_eq!((live.node, live.phase, live.notes_text()), (replayed.node, replayed.phase, replayed.notes_text()));
        let (a, b) = (debrief::markdown(&debrief::build(&live)), debrief::markdown(&debrief::build(&replayed)));
        assert_eq!(a, b, "{id}: the debrief differs after replay");
    }
}

#[test]
fn a_torn_last_line_is_skipped() {
    let (live, path) = record("alibaba-cloud-pm", &scripts()[0].1);
    let text = std::fs::read_to_string(&path).expect("reads");
    let cut = &text[..text.len() - 4]; // the end record, torn
    let torn = path.with_file_name("torn.session");
    std::fs::write(&torn, cut).expect("writes");
    let rec = reader::read(&torn).expect("reads");
    assert_eq!(rec.skipped, 1);
    assert_eq!(rec.status(), hotseat::record::Status::Interrupted);
    assert_eq!(rec.fold().expect("folds").turns, live.turns);
}

#[test]
fn a_header_only_file_replays_to_the_ready_screen() {
    let (_, path) = record("alibaba-cloud-pm", &scripts()[0].1);
    let text = std::fs::read_to_string(&path).expect("reads");
    let header_only: String = text.lines().take(2).map(|l| format!("{l}\n")).collect();
    let p = path.with_file_name("header-only.session");
    std::fs::write(&p, header_only).expect("writes");
    let s = reader::read(&p).expect("reads").fold().expect("folds");
    assert_eq!(s.phase, hotseat::session::Phase::Ready);
    assert_eq!(debrief::build(&s).verdict, None);
}

#[test]
fn a_recording_replays_after_its_scenario_file_is_gone() {
    data_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("gone.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.ron"), &file).expect("copies");
    let (cat, _) = hotseat::traps::load(None);
    let source = std::fs::read_to_string(&file).expect("reads");
    let sc = hotseat::scenario::load::check_bytes("gone.ron", source.as_bytes(), &cat).scenario.expect("parses");
    let mut s = State::new(Compiled::new(sc, cat).expect("compiles"), 3, Pace::Real);
    let events = vec![
        Event::new(0, EventKind::Start),
        Event::new(900, EventKind::Paste(Target::Answer, "We grew committed spend by ¥18M".into())),
        Event::new(2000, EventKind::Submit),
    ];
    for e in &events {
        update(&mut s, e.clone());
    }
    let path = writer::save_scripted(&s, &events, &source).expect("records");
    std::fs::remove_file(&file).expect("deletes the scenario");
    let replayed = reader::read(&path).expect("reads").fold().expect("folds from the embedded text");
    assert_eq!(replayed.turns, s.turns);
}

#[test]
fn resume_takes_up_a_quit_session_where_it_stopped() {
    let (compiled, _) = bundled("alibaba-cloud-pm");
    let mut s = State::new(compiled, 0, Pace::Real);
    let run = |s: &mut State, at, kind| {
        update(s, Event::new(at, kind));
    };
    run(&mut s, 0, EventKind::Start);
    run(&mut s, 1000, EventKind::Paste(Target::Notes, "crash-canary-42".into()));
    run(&mut s, 2000, EventKind::Paste(Target::Answer, "half an ans".into()));
    run(&mut s, 3000, EventKind::Quit);
    assert_eq!(s.turns.len(), 1);
    // A later process: reopen (comes back paused), resume, finish the answer.
    run(&mut s, 3001, EventKind::Reopen);
    assert!(matches!(s.phase, hotseat::session::Phase::Paused { .. }));
    assert!(s.turns.is_empty(), "the quit is undone");
    run(&mut s, 60_000, EventKind::Resume);
    assert_eq!(s.elapsed_ms(), 3000, "the time away is not counted");
    assert_eq!(s.answer_text(), "half an ans");
    run(&mut s, 61_000, EventKind::Paste(Target::Answer, "wer".into()));
    run(&mut s, 62_000, EventKind::Submit);
    assert_eq!(s.turns[0].given, hotseat::session::Given::Text("half an answer".into()));
    assert_eq!(s.notes_text(), "crash-canary-42");
}

#[cfg(unix)]
#[test]
fn session_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_, path) = record("alibaba-cloud-pm", &scripts()[0].1);
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().expect("sessions dir")), 0o700);
}

#[test]
fn export_writes_an_asciicast_the_player_reads() {
    data_dir();
    let (compiled, source) = bundled("alibaba-cloud-pm");
    let mut s = State::new(compiled, 0, Pace::Real);
    let events = vec![
        Event::new(0, EventKind::Start),
        Event::new(500, EventKind::Paste(Target::Notes, "crash-canary-42 数据".into())),
        Event::new(3000, EventKind::Paste(Target::Answer, "I cut unit cost by 30%".into())),
        Event::new(4000, EventKind::Quit),
    ];
    for e in &events {
        update(&mut s, e.clone());
    }
    let path = writer::save_scripted(&s, &events, &source).expect("records");
    let replay = hotseat::record::replay::Replay::new(reader::read(&path).expect("reads")).expect("replays");
    let mut cast = Vec::new();
    let frames = hotseat::tui::export::asciicast(&replay, &mut cast).expect("renders");
    assert!(frames >= 3, "{frames} frames");
    let text = String::from_utf8(cast).expect("UTF-8");
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().expect("header")).expect("JSON header");
    assert_eq!(
        (header["version"].as_u64(), header["width"].as_u64(), header["height"].as_u64()),
        (Some(2), Some(120), Some(40))
    );
    let mut last = 0.0;
    let mut screen = String::new();
    for l in lines {
        let ev: (f64, String, String) = serde_json::from_str(l).expect("an [time, \"o\", data] event");
        assert_eq!(ev.1, "o");
        assert!(ev.0 >= last, "times never go back");
        last = ev.0;
        screen.push_str(&ev.2);
    }
    assert!(screen.contains("crash-canary-42"), "the notes are on screen");
    let file = path.with_extension("cast");
    std::fs::write(&file, &text).expect("writes");
    match std::process::Command::new("asciinema").arg("cat").arg(&file).output() {
        Ok(out) => {
            assert!(out.status.success(), "asciinema cat failed: {}", String::from_utf8_lossy(&out.stderr));
            assert!(String::from_utf8_lossy(&out.stdout).contains("crash-canary-42"));
        }
        Err(_) => println!("SKIPPED the asciinema check: asciinema is not installed (pip install asciinema==2.4.0)"),
    }
}
