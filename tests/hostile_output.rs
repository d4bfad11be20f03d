//! No control character from a file reaches any output (issue 11, item 6).
//!
//! A hostile scenario writes terminal sequences as RON escapes in every
//! text field: OSC 52 (writes the clipboard), OSC 0 (window title), CSI 2J
//! (clear screen), the one-byte C1 CSI U+009B, BEL, NUL, CR, and the bidi
//! controls U+202E and U+2066. `check` rejects it, so the session that
//! carries it is written by hand, as an old or hand-made file would be,
//! beside a hostile annotations sidecar and a hostile user trap catalogue.
//! Then every command that prints file content runs in every format, and
//! its stdout, stderr and any file it writes must hold none of those
//! characters: only the asciicast's frames hold ESC, in the app's own
//! cursor and colour sequences.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const EXAMPLE: &str = include_str!("../docs/example.ron");

/// What a hostile string carries, written as RON escapes.
const PAYLOAD_RON: &str =
    r"\u{1b}]52;c;aGk=\u{7}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}2J\u{0}x\ry\u{202e}z\u{2066}w\x1b[31m\xc2\x9b";
/// The same, as JSON escapes (for the annotations sidecar and keys).
const PAYLOAD_JSON: &str = r"\u001b]52;c;aGk=\u0007\u001b]0;pwned\u0007\u001b[2J\u009b2J\u0000x\ry\u202ez\u2066w\u2028";

const ID: &str = "20261123-121340-hostile";

/// Whether `c` must not appear raw in any output.
fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

fn assert_clean(label: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_hazard(c)) {
        let from = text[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        let around: String = text[from..].chars().take(120).collect();
        panic!("{label}: raw U+{:04X} at byte {at}, around {around:?}", c as u32);
    }
}

/// The example scenario with the payload appended to every text field
/// (ids stay clean so the scenario still parses and runs).
fn hostile_scenario() -> String {
    let mut src = EXAMPLE.replace("id: \"example\"", "id: \"hostile\"");
    for field in [
        "title: \"Example",
        "company: \"Acme Cloud",
        "role: \"Senior PM",
        "description: \"Shows every answer kind.",
        "name: \"Li Wei",
        "role: \"Director",
        "style: \"Blunt",
        "context: \"You are ten minutes in.",
        "prompt: \"Tell me about a product you owned.",
        "\"Walk me through a product you led.",
        "\"Number",
        "\"Margin",
        "model_answer: \"I redesigned ...",
        "label: \"Talk margin",
        "prompt: \"Price 100, cost 60. Drop price 10%. New margin %?",
        "solution: \"(90-60)/90 = 33.3%",
        "prompt: \"Pitch it to a city bureau.",
        "\"Audit",
        "remarks: \"Thanks, we'll be in touch.",
    ] {
        assert!(src.contains(field), "{field}");
        src = src.replacen(field, &format!("{field}{PAYLOAD_RON}"), 1);
    }
    src.replace("traps: [\"tech-over-economics\"]", "traps: [\"tech-over-economics\", \"hostile-buzz\"]")
}

/// A user catalogue with one trap whose every text is hostile; it fires on
/// "synergy".
fn hostile_catalogue() -> String {
    format!(
        "Catalogue(traps: [(id: \"hostile-buzz\", title: \"Buzz{p}\", why: \"Why{p}\", instead: \"Instead{p}\", \
         example: \"Example{p}\", detect: [(when: AnyOf([\"synergy\"]))])])\n",
        p = PAYLOAD_RON
    )
}

/// A session file as a hand-made one would be: the hostile source in the
/// header, hostile pastes and keys, a quit-free run to the end.
fn hostile_session(source: &str) -> String {
    let sha = Sha256::digest(source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect::<String>();
    let header = serde_json::json!({
        "hotseat": "0.1.0",
        "scenario": "hostile",
        "title": "Example\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}",
        "sha256": sha,
        "source": source,
        "seed": 1,
        "pace": "real",
        "cols": 100,
        "rows": 30,
        "started": "2026-11-23T12:13:40Z",
    });
    let lines = [
        "[10,\"go\"]".to_string(),
        format!("[500,\"pa\",\"we get synergy {PAYLOAD_JSON} from margin\"]"),
        "[100,\"a\",\"\\u001b\"]".to_string(),
        "[100,\"a\",\"\\u009b\"]".to_string(),
        "[100,\"a\",\"\\u202e\"]".to_string(),
        format!("[100,\"pn\",\"note {PAYLOAD_JSON} end\"]"),
        "[2000,\"sub\"]".to_string(),
        "[500,\"a\",\"3\"]".to_string(),
        "[100,\"a\",\"3\"]".to_string(),
        "[1000,\"sub\"]".to_string(),
        "[500,\"tog\",0]".to_string(),
        "[1000,\"sub\"]".to_string(),
        "[100,\"end\",\"finished\"]".to_string(),
    ];
    format!("hotseat-session 1\n{header}\n{}\n", lines.join("\n"))
}

/// A data directory with the hostile session, sidecar, catalogue and a
/// scenario directory; a working directory with the hostile files.
struct World {
    data: TempDir,
    work: TempDir,
}

impl World {
    fn new() -> World {
        let w = World { data: TempDir::new().expect("data dir"), work: TempDir::new().expect("work dir") };
        let source = hostile_scenario();
        let sessions = w.data.path().join("sessions");
        std::fs::create_dir_all(&sessions).expect("sessions dir");
        std::fs::create_dir_all(w.data.path().join("scenarios")).expect("scenarios dir");
        std::fs::write(sessions.join(format!("{ID}.session")), hostile_session(&source)).expect("session");
        let note = format!("{{\"at_ms\":1500,\"text\":\"coach {PAYLOAD_JSON} note\"}}\n");
        std::fs::write(sessions.join(format!("{ID}.annotations.jsonl")), note).expect("sidecar");
        std::fs::write(w.data.path().join("traps.ron"), hostile_catalogue()).expect("catalogue");
        std::fs::write(w.data.path().join("scenarios/hostile.ron"), &source).expect("scenario");
        std::fs::write(w.work.path().join("hostile.ron"), &source).expect("scenario");
        std::fs::write(w.work.path().join("example.ron"), EXAMPLE).expect("example");
        let answers = format!(
            "{{\"intro\": [Text(text: \"synergy and margin {PAYLOAD_RON}\")], \"quiz\": [Number(value: 33.3)], \
             \"spoken\": [Spoken(points: [1], text: \"audit {PAYLOAD_RON}\")]}}\n"
        );
        std::fs::write(w.work.path().join("answers.ron"), answers).expect("answers");
        w
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotseat"));
        cmd.current_dir(self.work.path())
            .env("HOTSEAT_DATA_DIR", self.data.path())
            .env("HOTSEAT_SCENARIO_PATH", self.work.path())
            .env("NO_COLOR", "1")
            .timeout(std::time::Duration::from_secs(120));
        cmd
    }

    fn out(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    /// Runs `hotseat ARGS`, asserts stdout and stderr are clean and that
    /// it neither crashed nor hung; returns stdout.
    fn run(&self, args: &[&str]) -> String {
        self.run_with_stdin(args, "")
    }

    fn run_with_stdin(&self, args: &[&str], stdin: &str) -> String {
        let label = format!("hotseat {}", args.join(" "));
        let out = self.cmd().args(args).write_stdin(stdin.to_string()).output().expect("runs");
        assert!(out.status.code().is_some_and(|c| c <= 2), "{label}: {:?}", out.status);
        assert_clean(&format!("{label} (stdout)"), &out.stdout);
        assert_clean(&format!("{label} (stderr)"), &out.stderr);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn check_reports_the_hostile_scenario_and_catalogue_and_prints_nothing_raw() {
    let w = World::new();
    for path in ["hostile.ron", &w.data.path().join("traps.ron").display().to_string()] {
        let text = w.run(&["check", path]);
        assert!(text.contains("written as `\\u{1b}` in a string"), "{text}");
        let json = w.run(&["check", "--format", "json", path]);
        let diags: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert!(diags.to_string().contains("control-char"), "{json}");
    }
}

#[test]
fn scenario_commands_print_nothing_raw() {
    let w = World::new();
    w.run(&["list"]);
    w.run(&["list", "--json"]);
    let answer = "synergy \u{1b}]52;c;aGk=\u{7} \u{9b}2J \r\u{202e}\u{0}";
    // An argument cannot hold NUL; standard input can.
    let arg = answer.trim_end_matches('\u{0}');
    w.run(&["assess", arg]);
    w.run(&["assess", "--json", arg]);
    w.run_with_stdin(&["assess", "-"], answer);
    w.run_with_stdin(&["assess", "--json", "-"], answer);
    for scenario in ["hostile.ron", "example.ron"] {
        w.run(&["playtest", scenario, "--answers", "answers.ron"]);
        w.run(&["playtest", scenario, "--answers", "answers.ron", "--json"]);
        w.run(&["playtest", scenario, "--all-paths"]);
        w.run(&["playtest", scenario, "--all-paths", "--json"]);
        w.run(&["graph", scenario]);
        w.run(&["graph", scenario, "--format", "mermaid"]);
        w.run(&["stats", scenario]);
        w.run(&["stats", scenario, "--json"]);
    }
    w.run(&["new", "fresh.ron"]);
    // Refused (the scenario has errors), with the located error escaped.
    let refused = w.cmd().args(["run", "hostile.ron"]).output().expect("runs");
    assert_clean("hotseat run hostile.ron (stdout)", &refused.stdout);
    assert_clean("hotseat run hostile.ron (stderr)", &refused.stderr);
    assert_ne!(refused.status.code(), Some(0));
}

/// The full-screen commands, given no terminal, say so and draw nothing;
/// what they draw on a terminal is the views' (see the screen test below).
#[test]
fn full_screen_commands_without_a_terminal_print_nothing_raw() {
    let w = World::new();
    for args in [["replay", ID], ["resume", ID]] {
        let out = w.cmd().args(args).output().expect("runs");
        assert_clean(&format!("hotseat {} (stdout)", args.join(" ")), &out.stdout);
        assert_clean(&format!("hotseat {} (stderr)", args.join(" ")), &out.stderr);
    }
}

#[test]
fn playtest_escapes_hostile_answers_visibly() {
    let w = World::new();
    let text = w.run(&["playtest", "example.ron", "--answers", "answers.ron"]);
    assert!(text.contains("\\u{1b}]52;c;aGk="), "{text}");
    assert!(text.contains("\\u{202e}"), "{text}");
}

#[test]
fn session_commands_print_and_write_nothing_raw() {
    let w = World::new();
    w.run(&["sessions"]);
    w.run(&["sessions", "--json"]);
    let text = w.run(&["debrief", ID]);
    let md = w.run(&["debrief", ID, "--format", "md"]);
    w.run(&["debrief", ID, "--format", "json"]);
    // Visibly escaped, from the scenario, the catalogue, the answer, the
    // notes and the annotation.
    for shown in [&text, &md] {
        for needle in [
            "Tell me about a product you owned.\\u{1b}]52;c;aGk=\\u{7}",
            "Buzz\\u{1b}",
            "coach \\u{1b}",
            "note \\u{1b}",
        ] {
            assert!(shown.contains(needle), "{needle:?} missing from:\n{shown}");
        }
    }
    let md_path = w.out("debrief.md");
    w.run(&["export", ID, "--markdown", md_path.to_str().expect("utf-8")]);
    assert_clean("export --markdown (file)", &read(&md_path));
    // The bundle copies the user's own files byte for byte: it is a copy,
    // not an output shown to anyone, so only the command's own output counts.
    let bundle = w.out("bundle");
    w.run(&["export", ID, "--bundle", bundle.to_str().expect("utf-8")]);
    assert!(bundle.join(format!("{ID}.session")).exists());
}

/// The cast's frames are the app's own drawing: ESC only in its cursor and
/// colour sequences, the screen cleared once at the start; everything else
/// clean once the JSON is decoded.
#[test]
fn asciicast_frames_hold_only_the_apps_own_sequences() {
    let w = World::new();
    let cast = w.out("hostile.cast");
    w.run(&["export", ID, "--asciicast", cast.to_str().expect("utf-8")]);
    let text = String::from_utf8(read(&cast)).expect("UTF-8");
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().expect("header")).expect("JSON header");
    assert_clean("asciicast header (decoded)", header.to_string().as_bytes());
    assert_clean("asciicast title (decoded)", header["title"].as_str().expect("title").as_bytes());
    let mut all = String::new();
    for line in lines {
        let event: serde_json::Value = serde_json::from_str(line).expect("JSON event");
        all.push_str(event[2].as_str().expect("frame text"));
    }
    assert_eq!(all.matches("\u{1b}[2J").count(), 1, "the screen is cleared once, by the app");
    assert_clean("asciicast frames without the app's sequences", strip_own_sequences(&all).as_bytes());
    assert!(all.contains("\\u{1b}]52;c;aGk="), "the payload shows visibly in the frames");
}

/// `all` without the CSI sequences a terminal backend writes: `ESC [`,
/// parameters (digits, `;`, `?`) and one final letter. An OSC (`ESC ]`) or
/// anything else with ESC stays, and fails the check.
fn strip_own_sequences(all: &str) -> String {
    let mut out = String::with_capacity(all.len());
    let mut chars = all.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_ascii_digit() || *c == ';' || *c == '?') {
                chars.next();
            }
            if chars.peek().is_some_and(char::is_ascii_alphabetic) {
                chars.next();
                continue;
            }
            out.push_str("\u{1b}[");
            continue;
        }
        out.push(c);
    }
    out
}

/// Every full-screen view drawn with the hostile scenario and catalogue:
/// the picker (with the scenario's errors), the ready screen, each
/// question, and the debrief after hostile pastes. No cell may hold a
/// hazard, and the payload must show, escaped.
#[test]
fn every_screen_shows_hostile_text_escaped_and_draws_nothing_raw() {
    use hotseat::session::{Compiled, EventKind, Pace, State, Target};
    use hotseat::tui::app::{Action, App, Screen};
    use hotseat::tui::theme::Theme;

    let w = World::new();
    // SAFETY: this test binary runs its commands through child processes;
    // this variable only points the in-process loader at the hostile catalogue.
    unsafe { std::env::set_var("HOTSEAT_DATA_DIR", w.data.path()) };
    let (cat, _) = hotseat::traps::load(Some(&w.data.path().join("traps.ron")));
    let source = hostile_scenario();
    let checked = hotseat::scenario::load::check_bytes("hostile.ron", source.as_bytes(), &cat);
    assert!(checked.errors() > 0, "check must reject it");
    let sc = checked.scenario.clone().expect("it parses");
    let entry = hotseat::library::Entry {
        id: "hostile".into(),
        origin: hotseat::library::Origin::User,
        path: Some(w.work.path().join("hostile.ron")),
        checked,
    };
    let mut screens: Vec<(String, App)> = Vec::new();
    screens.push(("picker".into(), App::picker(vec![entry], cat.clone(), Pace::Real, 1, Theme::plain())));
    let compiled = Compiled::new(sc, cat.clone()).expect("compiles");
    let mut ready = App::running(compiled.clone(), cat.clone(), Pace::Real, 1, Theme::plain(), 0);
    ready.screen = Screen::Ready(Box::new(State::new(compiled.clone(), 1, Pace::Real)));
    screens.push(("ready".into(), ready));
    let mut app = App::running(compiled, cat, Pace::Real, 1, Theme::plain(), 0);
    let hostile = "synergy \u{1b}]52;c;aGk=\u{7} \u{9b}2J \u{202e}x\u{2066}";
    let mut at = 1_000;
    for target in [Target::Notes, Target::Answer] {
        app.act(Action::Session(EventKind::Paste(target, hostile.into())), at);
        at += 1_000;
    }
    for step in 0..8 {
        screens.push((format!("question {step}"), clone_app(&app)));
        app.act(Action::Session(EventKind::Submit), at);
        at += 1_000;
    }
    screens.push(("debrief".into(), app));
    let mut shown_escaped = false;
    for (name, app) in &screens {
        for (cols, rows) in [(120, 40), (60, 16)] {
            let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(cols, rows)).expect("terminal");
            term.draw(|f| hotseat::tui::views::render(app, f)).expect("draws");
            let text: String = term.backend().buffer().content.iter().map(|c| c.symbol()).collect();
            assert_clean(&format!("{name} at {cols}x{rows}"), text.as_bytes());
            shown_escaped |= text.contains("\\u{1b}");
        }
    }
    assert!(shown_escaped, "the payload shows escaped somewhere");
}

/// The same session drawn later: App is not Clone, so rebuild it from state.
fn clone_app(app: &hotseat::tui::app::App) -> hotseat::tui::app::App {
    let state = app.session().expect("a session").clone();
    let (cat, _) = hotseat::traps::load(None);
    hotseat::tui::app::App::resumed(state, cat, hotseat::tui::theme::Theme::plain())
}
