//! Hostile input for `hotseat check`: every file a coach (or an attacker)
//! could hand the checker must end in a located error on stdout, the right
//! exit code, no raw control sequences on the terminal, and quickly.
//!
//! Every hostile file is generated in a temporary directory at test time;
//! nothing large is kept in the repository.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

const EXAMPLE: &str = include_str!("../docs/example.ron");

/// A generous guard, not a benchmark: every hostile file is at most a few
/// seconds of work in a debug build; the guard only catches runaway
/// (quadratic, hanging) behaviour, on a machine that may be busy with other
/// tests (a 12,000-warning file once took 20 s of wall time there). The
/// release figures are in docs/performance.md.
const GUARD: Duration = Duration::from_secs(45);

/// A hard stop so a hang fails the test instead of stalling the suite.
const KILL_AFTER: Duration = Duration::from_secs(120);

/// A data directory and a working directory, both fresh and private.
struct Sandbox {
    data: TempDir,
    work: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox { data: TempDir::new().expect("data dir"), work: TempDir::new().expect("work dir") }
    }

    /// Writes `bytes` to `name` (relative to the working directory).
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, bytes).expect("write hostile file");
        path
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotseat"));
        cmd.current_dir(self.work.path())
            .env("HOTSEAT_DATA_DIR", self.data.path())
            .env("NO_COLOR", "1")
            .env_remove("HOTSEAT_SCENARIO_PATH")
            .timeout(KILL_AFTER);
        cmd
    }

    /// Runs `hotseat ARGS...` and returns its output and wall time.
    fn run(&self, args: &[&str]) -> (Output, Duration) {
        let started = Instant::now();
        let out = self.cmd().args(args).output().expect("run hotseat");
        (out, started.elapsed())
    }
}

/// At most `max` characters of `bytes`, escaped, for assertion messages.
fn shown(bytes: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: String = text.chars().take(max).flat_map(char::escape_debug).collect();
    if text.chars().nth(max).is_some() {
        let _ = write!(out, "… ({} bytes in all)", bytes.len());
    }
    out
}

fn describe(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        shown(&out.stdout, 1500),
        shown(&out.stderr, 1500)
    )
}

/// Whether `c` must never reach a terminal raw: C0 controls but newline,
/// DEL, C1 controls, and the bidi embeddings, overrides and isolates.
fn is_hazard(c: char) -> bool {
    (c < '\u{20}' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Fails when `bytes` (a whole stdout or stderr) is not UTF-8 or carries a
/// raw control or bidi character.
fn assert_no_hazards(label: &str, stream: &str, bytes: &[u8]) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => panic!("{label}: {stream} is not UTF-8 ({e}): {}", shown(bytes, 500)),
    };
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_hazard(c)) {
        let from = text.floor_char_boundary(at.saturating_sub(60));
        panic!(
            "{label}: raw U+{:04X} at byte {at} of {stream}; around it: {}",
            c as u32,
            shown(&text.as_bytes()[from..], 120)
        );
    }
}

/// Parses `^<path>:<line>:<col>: error: ` off the first line of stdout.
fn first_error_at(label: &str, stdout: &str, path: &str) -> (usize, usize) {
    let first = stdout.lines().next().unwrap_or("");
    let fail = || -> ! {
        panic!("{label}: first line is not `{path}:LINE:COL: error: ...`: {}", shown(first.as_bytes(), 300))
    };
    let Some(rest) = first.strip_prefix(path).and_then(|r| r.strip_prefix(':')) else { fail() };
    let mut parts = rest.splitn(3, ':');
    let (Some(line), Some(col), Some(tail)) = (parts.next(), parts.next(), parts.next()) else { fail() };
    let number =
        |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<usize>().ok()).flatten();
    let (Some(line), Some(col)) = (number(line), number(col)) else { fail() };
    if !tail.starts_with(" error: ") {
        fail();
    }
    (line, col)
}

/// What one hostile run produced, after the shared contract held.
struct Verdict {
    stdout: String,
    line: usize,
    col: usize,
}

/// Checks the shared contract for `hotseat check [EXTRA...] NAME`: exit 1,
/// a located error naming the file first, no raw hazards on either stream,
/// and done within [`GUARD`].
fn assert_hostile_run(sb: &Sandbox, label: &str, name: &str, extra: &[&str]) -> Verdict {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    args.push(name);
    let (out, took) = sb.run(&args);
    println!("hostile {label}: {took:.2?} ({} bytes of stdout)", out.stdout.len());
    assert_eq!(out.status.code(), Some(1), "{label}: expected exit 1\n{}", describe(&out));
    assert_no_hazards(label, "stdout", &out.stdout);
    assert_no_hazards(label, "stderr", &out.stderr);
    let stdout = String::from_utf8(out.stdout).expect("checked above");
    let (line, col) = first_error_at(label, &stdout, name);
    assert!(line >= 1 && col >= 1, "{label}: position {line}:{col} is not 1-based");
    assert!(took < GUARD, "{label}: took {took:?}, over the {GUARD:?} guard");
    Verdict { stdout, line, col }
}

/// Writes `bytes` to a fresh sandbox as `name` and checks the contract.
fn hostile(label: &str, name: &str, bytes: impl AsRef<[u8]>) -> Verdict {
    let sb = Sandbox::new();
    sb.write(name, bytes);
    assert_hostile_run(&sb, label, name, &[])
}

/// The example with `from` replaced by `to`, which must occur exactly once.
fn example_with(from: &str, to: &str) -> String {
    assert_eq!(EXAMPLE.matches(from).count(), 1, "test setup: `{from}` must occur once in docs/example.ron");
    EXAMPLE.replacen(from, to, 1)
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
fn pseudo_random(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
        })
        .collect()
}

#[test]
fn the_example_itself_is_clean() {
    // The hostile cases below are variations of it; they mean little if
    // the base already fails.
    let sb = Sandbox::new();
    sb.write("example.ron", EXAMPLE);
    let (out, _) = sb.run(&["check", "example.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
}

#[test]
fn empty_file() {
    let v = hostile("empty file", "empty.ron", b"");
    assert_eq!((v.line, v.col), (1, 1));
}

#[test]
fn whitespace_only_file() {
    for (label, text) in [("spaces", "   "), ("newlines", "\n\n\n"), ("mixed", " \t\r\n \n\t  \r\n")] {
        hostile(&format!("whitespace-only ({label})"), "blank.ron", text);
    }
}

#[test]
fn truncated_example() {
    let last_paren = EXAMPLE.rfind(')').expect("example ends with `)`");
    let mut cuts = vec![1, 2, 10, 40, 41, 100, 250, 500, 1000, EXAMPLE.len() / 2, EXAMPLE.len() * 2 / 3, last_paren];
    cuts.retain(|&c| c <= last_paren && EXAMPLE.is_char_boundary(c));
    cuts.dedup();
    assert!(cuts.len() >= 8, "test setup: too few cut points");
    for cut in cuts {
        hostile(&format!("example cut at byte {cut}"), "cut.ron", &EXAMPLE[..cut]);
    }
}

#[test]
fn truncated_inside_a_multibyte_character() {
    let text = example_with("title: \"Example\"", "title: \"示例面试\"");
    let at = text.find('示').expect("inserted") + 1; // inside the 3-byte character
    let cut = &text.as_bytes()[..at];
    let line = 1 + cut.iter().filter(|&&b| b == b'\n').count();
    let v = hostile("cut inside a character", "cut.ron", cut);
    assert_eq!(v.line, line, "the cut is on line {line}\n{}", v.stdout);
}

#[test]
fn random_binary_bytes() {
    for seed in [1_u64, 0xdead_beef, 0x1234_5678_9abc_def0] {
        let bytes = pseudo_random(seed, 64 * 1024);
        hostile(&format!("random bytes, seed {seed:#x}"), "random.ron", bytes);
    }
}

#[test]
fn random_ascii_bytes_with_controls() {
    // Valid UTF-8 full of control characters: this reaches the RON parser
    // rather than stopping at the UTF-8 check.
    for seed in [7_u64, 0xfeed_f00d] {
        let bytes: Vec<u8> = pseudo_random(seed, 64 * 1024).into_iter().map(|b| b & 0x7f).collect();
        hostile(&format!("random ASCII, seed {seed:#x}"), "ascii.ron", bytes);
    }
}

#[test]
fn invalid_utf8_in_the_middle_of_line_3() {
    let lines: Vec<&str> = EXAMPLE.split_inclusive('\n').collect();
    assert_eq!(lines[2], "    format: 1,\n", "test setup: line 3 of docs/example.ron changed");
    let mut bytes = Vec::new();
    bytes.extend(lines[..2].concat().as_bytes());
    bytes.extend(b"    for");
    bytes.push(0xff);
    bytes.extend(b"mat: 1,\n");
    bytes.extend(lines[3..].concat().as_bytes());
    let v = hostile("invalid UTF-8 on line 3", "utf8.ron", &bytes);
    assert_eq!((v.line, v.col), (3, 8), "the 0xFF is the 8th character of line 3\n{}", v.stdout);
}

#[test]
fn invalid_utf8_after_wide_characters_counts_characters() {
    // Column counts characters, not bytes: 数据 are 2 characters, 6 bytes.
    let prefix = "    format: 1, // 数据";
    let mut text = example_with("    format: 1,\n", "").into_bytes();
    let line3 = text.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(1).expect("two lines").0 + 1;
    let mut inserted = prefix.as_bytes().to_vec();
    inserted.extend([0xe6, 0x95]); // a 3-byte character cut short
    inserted.extend("主权\n".as_bytes());
    text.splice(line3..line3, inserted);
    let v = hostile("truncated UTF-8 sequence after CJK text", "utf8.ron", &text);
    assert_eq!((v.line, v.col), (3, prefix.chars().count() + 1), "{}", v.stdout);
}

#[test]
fn nul_bytes() {
    let cases: [(&str, Vec<u8>); 4] = [
        ("in a field name", example_with("    title:", "    ti\0tle:").into_bytes()),
        ("inside a string", example_with("id: \"example\"", "id: \"exa\0mple\"").into_bytes()),
        ("at the start", [b"\0".as_slice(), EXAMPLE.as_bytes()].concat()),
        ("nothing else", vec![0; 4096]),
    ];
    for (label, bytes) in cases {
        let v = hostile(&format!("NUL {label}"), "nul.ron", bytes);
        assert!(!v.stdout.contains('\0'), "NUL {label}: raw NUL in stdout");
    }
}

#[test]
fn escape_sequence_and_bidi_inside_strings() {
    // An invalid id puts the hostile text into the message and the excerpt.
    for (label, hostile_text, escaped) in [
        ("ESC", "\u{1b}[2J", "\\u{1b}"),
        ("bidi override", "\u{202e}", "\\u{202e}"),
        ("C1 CSI", "\u{9b}2J", "\\u{9b}"),
        ("DEL", "\u{7f}", "\\u{7f}"),
        ("isolate", "\u{2066}x\u{2069}", "\\u{2066}"),
    ] {
        let text = example_with("id: \"example\"", &format!("id: \"ex{hostile_text}ample\""));
        let v = hostile(&format!("{label} inside a string"), "str.ron", text);
        assert!(v.stdout.contains(escaped), "{label}: expected the escaped form {escaped} in\n{}", v.stdout);
    }
}

#[test]
fn escape_sequence_and_bidi_outside_strings() {
    for (label, hostile_text) in [
        ("ESC", "\u{1b}[2J"),
        ("bidi override", "\u{202e}"),
        ("C1 CSI", "\u{9b}2J"),
        ("DEL", "\u{7f}"),
        ("terminal title OSC", "\u{1b}]0;pwned\u{7}"),
    ] {
        let between_fields = example_with("    id: \"example\",\n", &format!("    id: \"example\", {hostile_text}\n"));
        hostile(&format!("{label} between fields"), "out.ron", between_fields);
        let as_a_name = example_with("    title:", &format!("    {hostile_text}title:"));
        hostile(&format!("{label} before a field name"), "out.ron", as_a_name);
    }
}

#[test]
fn two_hundred_thousand_nested_brackets() {
    const N: usize = 200_000;
    hostile("bare [ x 200k", "brackets.ron", "[".repeat(N));
    hostile("bare ( x 200k", "parens.ron", "(".repeat(N));
    let closed = example_with("variants: [", &format!("variants: {}", "[".repeat(N))).replacen(
        "\"Walk me through a product you led.\"]",
        &format!("\"x\"{}", "]".repeat(N)),
        1,
    );
    hostile("closed [ x 200k inside a scenario", "brackets.ron", closed);
}

#[test]
fn two_hundred_thousand_nested_not_conditions() {
    const N: usize = 200_000;
    let rule = "(when: And([Money, Change]), next: \"quiz\")";
    let closed = example_with(rule, &format!("(when: {}Money{}, next: \"quiz\")", "Not(".repeat(N), ")".repeat(N)));
    let v = hostile("Not( x 200k, closed", "not.ron", closed);
    assert!(v.stdout.contains("too deep"), "expected a nesting error:\n{}", shown(v.stdout.as_bytes(), 800));
    let open = example_with(rule, &format!("(when: {}Money, next: \"quiz\")", "Not(".repeat(N)));
    hostile("Not( x 200k, never closed", "not.ron", open);
}

#[test]
fn forty_megabytes_is_refused_by_size() {
    let sb = Sandbox::new();
    let big: Vec<u8> = EXAMPLE.bytes().cycle().take(40 * 1024 * 1024).collect();
    sb.write("huge.ron", big);
    let v = assert_hostile_run(&sb, "40 MB file", "huge.ron", &[]);
    assert!(v.stdout.contains("--max-size"), "the refusal should mention --max-size:\n{}", v.stdout);
}

#[test]
fn custom_max_size_boundary() {
    let sb = Sandbox::new();
    // A valid scenario padded with a comment to exactly SIZE bytes.
    const SIZE: usize = 4096;
    let mut text = format!("{EXAMPLE}// ");
    text.push_str(&"x".repeat(SIZE - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), SIZE);
    sb.write("padded.ron", &text);

    for max in [SIZE, SIZE + 1] {
        let max = max.to_string();
        let (out, took) = sb.run(&["check", "--max-size", &max, "padded.ron"]);
        println!("max-size boundary, limit {max}: {took:.2?}");
        assert_eq!(out.status.code(), Some(0), "a {SIZE}-byte file is within --max-size {max}\n{}", describe(&out));
        assert!(took < GUARD, "took {took:?}");
    }
    let v = assert_hostile_run(&sb, "one byte over --max-size", "padded.ron", &["--max-size", &(SIZE - 1).to_string()]);
    assert!(v.stdout.contains("--max-size"), "the refusal should mention --max-size:\n{}", v.stdout);
    assert!(v.stdout.contains(&SIZE.to_string()), "the refusal should give the file's size:\n{}", v.stdout);
}

#[test]
fn seven_megabytes_of_one_string() {
    const LEN: usize = 7 * 1024 * 1024;
    let closed = format!("\"{}\"", "a".repeat(LEN));
    hostile("7 MB string, closed", "string.ron", closed);
    let open = format!("\"{}", "a".repeat(LEN));
    hostile("7 MB string, never closed", "string.ron", open);
    let in_scenario =
        example_with("description: \"Shows every answer kind.\"", &format!("description: \"{}\"", "a".repeat(LEN)))
            .replacen("start: \"intro\"", "start: \"nowhere\"", 1);
    hostile("7 MB description in a scenario with an error", "string.ron", in_scenario);
}

#[test]
fn deeply_nested_block_comments() {
    const N: usize = 100_000;
    hostile("/* x 100k, never closed", "comments.ron", "/*".repeat(N));
    hostile("/* x 100k closed, then garbage", "comments.ron", format!("{}{}[", "/*".repeat(N), "*/".repeat(N)));
    hostile(
        "/* x 100k with one close missing",
        "comments.ron",
        format!("{}{}\n{EXAMPLE}", "/*".repeat(N), "*/".repeat(N - 1)),
    );
}

#[test]
fn deeply_nested_block_comment_before_a_valid_scenario_is_accepted() {
    const N: usize = 100_000;
    let sb = Sandbox::new();
    sb.write("comments.ron", format!("{}{}\n{EXAMPLE}", "/*".repeat(N), "*/".repeat(N)));
    let (out, took) = sb.run(&["check", "comments.ron"]);
    println!("nested comments before a valid scenario: {took:.2?}");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(took < GUARD, "took {took:?}");
}

#[test]
fn a_regex_too_big_to_compile() {
    let text = example_with("AnyOf([\"kubernetes\", \"k8s\"])", r#"Regex("(\\w{100}){100}(a{1000}){1000}")"#);
    let v = hostile("huge regex repetition", "regex.ron", text);
    assert!(v.stdout.contains("regex"), "expected a regex error:\n{}", v.stdout);
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_by_size() {
    // /dev/zero reports length 0 but never ends: the limit must still hold.
    let sb = Sandbox::new();
    let (out, took) = sb.run(&["check", "/dev/zero"]);
    println!("hostile /dev/zero: {took:.2?}");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    first_error_at("/dev/zero", &stdout, "/dev/zero");
    assert!(stdout.contains("--max-size"), "{stdout}");
    assert!(took < GUARD, "took {took:?}");
}

#[test]
fn missing_path_is_a_usage_error() {
    let sb = Sandbox::new();
    let (out, _) = sb.run(&["check", "no-such-file.ron"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-file.ron"), "stderr should name the path: {stderr}");
}

/// A directory tree of one good and several bad scenarios, plus a non-RON
/// file that must be ignored. Returns the bad files' display paths.
fn mixed_tree(sb: &Sandbox) -> Vec<&'static str> {
    sb.write("lib/good.ron", EXAMPLE);
    sb.write("lib/notes.txt", "\u{1b}[2J not a scenario");
    sb.write("lib/bad-empty.ron", "");
    sb.write("lib/sub/bad-syntax.ron", &EXAMPLE[..EXAMPLE.len() / 2]);
    sb.write("lib/sub/deeper/bad-utf8.ron", [EXAMPLE.as_bytes(), b"\xff"].concat());
    sb.write("lib/sub/bad-id.ron", example_with("id: \"example\"", "id: \"Not An Id\""));
    vec!["lib/bad-empty.ron", "lib/sub/bad-syntax.ron", "lib/sub/deeper/bad-utf8.ron", "lib/sub/bad-id.ron"]
}

#[test]
fn a_directory_of_good_and_bad_files_reports_every_bad_one() {
    let sb = Sandbox::new();
    let bad = mixed_tree(&sb);
    let (out, took) = sb.run(&["check", "lib"]);
    println!("mixed directory: {took:.2?}");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert_no_hazards("mixed directory", "stdout", &out.stdout);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    for path in &bad {
        let reported = stdout.lines().any(|l| l.starts_with(&format!("{path}:")) && l.contains(": error: "));
        assert!(reported, "{path} is not reported:\n{stdout}");
    }
    assert!(!stdout.contains("lib/good.ron:"), "the good file has no problems:\n{stdout}");
    assert!(!stdout.contains("notes.txt"), "non-.ron files are not scenarios:\n{stdout}");
    assert!(stdout.contains("checked 5 files"), "five .ron files:\n{stdout}");
    assert!(took < GUARD, "took {took:?}");
}

const JSON_KEYS: [&str; 7] = ["path", "line", "col", "severity", "code", "message", "help"];

fn assert_json_diagnostics(label: &str, stdout: &[u8]) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("{label}: stdout is not JSON ({e}):\n{}", shown(stdout, 1000)));
    let items = value.as_array().unwrap_or_else(|| panic!("{label}: not a JSON array: {value}")).clone();
    for item in &items {
        let obj = item.as_object().unwrap_or_else(|| panic!("{label}: not an object: {item}"));
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut want = JSON_KEYS.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want, "{label}: wrong keys in {item}");
        assert!(obj["path"].is_string(), "{label}: {item}");
        assert!(obj["line"].as_u64().is_some_and(|n| n >= 1), "{label}: {item}");
        assert!(obj["col"].as_u64().is_some_and(|n| n >= 1), "{label}: {item}");
        assert!(matches!(obj["severity"].as_str(), Some("error" | "warning")), "{label}: {item}");
        assert!(obj["code"].as_str().is_some_and(|c| !c.is_empty()), "{label}: {item}");
        assert!(obj["message"].is_string(), "{label}: {item}");
        assert!(obj["help"].is_string() || obj["help"].is_null(), "{label}: {item}");
    }
    items
}

#[test]
fn json_output_is_an_array_of_diagnostics() {
    let sb = Sandbox::new();
    let bad = mixed_tree(&sb);
    sb.write("lib/warn.ron", warnings_only());
    let (out, _) = sb.run(&["check", "--format", "json", "lib"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let items = assert_json_diagnostics("mixed directory", &out.stdout);
    for path in bad {
        assert!(items.iter().any(|d| d["path"] == path && d["severity"] == "error"), "{path} missing from {items:?}");
    }
    assert!(items.iter().any(|d| d["path"] == "lib/warn.ron" && d["severity"] == "warning"), "{items:?}");

    // A clean file is an empty array, not nothing.
    let (out, _) = sb.run(&["check", "--format", "json", "lib/good.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(assert_json_diagnostics("clean file", &out.stdout).is_empty());

    // Hostile content stays valid JSON.
    sb.write("evil.ron", example_with("id: \"example\"", "id: \"\u{1b}[2J\u{0}\u{202e}\u{9b}\""));
    let (out, _) = sb.run(&["check", "--format", "json", "evil.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert_json_diagnostics("hostile id", &out.stdout);
}

#[test]
fn json_output_has_no_raw_hazards() {
    let sb = Sandbox::new();
    sb.write("evil.ron", example_with("id: \"example\"", "id: \"a\u{202e}b\u{9b}2Jc\u{7f}d\u{2066}\""));
    let (out, _) = sb.run(&["check", "--format", "json", "evil.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert_json_diagnostics("hostile id", &out.stdout);
    assert_no_hazards("json output", "stdout", &out.stdout);
}

/// The example plus an end node nothing leads to: one `unreachable` warning.
fn warnings_only() -> String {
    example_with(
        "        (id: \"end-early\", answer: End(remarks: \"Let's stop here.\")),\n",
        "        (id: \"end-early\", answer: End(remarks: \"Let's stop here.\")),\n        (id: \"orphan\", answer: End(remarks: \"Nobody gets here.\")),\n",
    )
}

#[test]
fn warnings_only_exit_0_unless_denied() {
    let sb = Sandbox::new();
    sb.write("warn.ron", warnings_only());
    let (out, _) = sb.run(&["check", "warn.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().next().is_some_and(|l| l.starts_with("warn.ron:") && l.contains(": warning: ")), "{stdout}");
    assert!(stdout.contains("0 errors, 1 warning"), "{stdout}");

    let (out, _) = sb.run(&["check", "--deny-warnings", "warn.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_a_usage_error() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let path = sb.write("secret.ron", EXAMPLE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(&path).is_ok() {
        println!("SKIPPED unreadable_file_is_a_usage_error: chmod 000 does not stop this user (root?) from reading");
        return;
    }
    let (out, _) = sb.run(&["check", "secret.ron"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret.ron"), "{}", describe(&out));
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_to_read_is_a_usage_error() {
    // Readable even for root to open, but reading offset 0 fails with EIO:
    // a file that cannot be read whatever the permissions.
    let sb = Sandbox::new();
    let (out, _) = sb.run(&["check", "/proc/self/mem"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/proc/self/mem"), "{stderr}");
}

#[test]
fn hostile_user_catalogue_reaches_stderr_escaped() {
    let sb = Sandbox::new();
    let trap = "(id: \"x\u{1b}[2J\u{202e}\", title: \"t\", why: \"w\", instead: \"i\", example: \"e\")";
    std::fs::write(sb.data.path().join("traps.ron"), format!("(traps: [{trap}, {trap}])")).expect("write catalogue");
    sb.write("example.ron", EXAMPLE);
    let (out, _) = sb.run(&["check", "example.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(!out.stderr.is_empty(), "the duplicate should be reported");
    assert_no_hazards("hostile catalogue", "stderr", &out.stderr);
}

#[cfg(unix)]
#[test]
fn hostile_file_names_in_a_directory_are_escaped() {
    let sb = Sandbox::new();
    sb.write("lib/evil\u{1b}[2J\u{202e}.ron", "garbage");
    let (out, _) = sb.run(&["check", "lib"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert_no_hazards("hostile file name", "stdout", &out.stdout);
    assert_no_hazards("hostile file name", "stderr", &out.stderr);
}

#[cfg(unix)]
#[test]
fn hostile_file_name_on_stderr_is_escaped() {
    // A dangling symlink, as a shell glob would pass it: the path reaches
    // the "cannot read" message on stderr.
    let sb = Sandbox::new();
    std::os::unix::fs::symlink("nowhere", sb.work.path().join("evil\u{1b}[2J\u{202e}.ron")).expect("symlink");
    let (out, _) = sb.run(&["check", "evil\u{1b}[2J\u{202e}.ron"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert_no_hazards("hostile missing path", "stderr", &out.stderr);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_a_directory_is_an_io_problem() {
    // `check DIR` must not skip what it cannot read: the link is named on
    // stderr and the exit code says an I/O problem happened, while every
    // file that could be read is still checked.
    let sb = Sandbox::new();
    let bad = mixed_tree(&sb);
    std::os::unix::fs::symlink("nowhere.ron", sb.work.path().join("lib/sub/gone\u{1b}[2J.ron")).expect("symlink");
    let (out, _) = sb.run(&["check", "lib"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert_no_hazards("dangling link", "stderr", &out.stderr);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lib/sub/gone\\u{1b}[2J.ron"), "stderr should name the link:\n{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for path in &bad {
        assert!(stdout.contains(&format!("{path}:")), "{path} is still checked:\n{stdout}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_is_not_a_problem() {
    let sb = Sandbox::new();
    sb.write("lib/good.ron", EXAMPLE);
    std::os::unix::fs::symlink("..", sb.work.path().join("lib/up")).expect("symlink");
    let (out, _) = sb.run(&["check", "lib"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_an_io_problem() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.write("lib/good.ron", EXAMPLE);
    let locked = sb.write("lib/locked/hidden.ron", EXAMPLE).parent().expect("parent").to_path_buf();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let readable = std::fs::read_dir(&locked).is_ok();
    let (out, _) = sb.run(&["check", "lib"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    if readable {
        println!("SKIPPED an_unreadable_directory_is_an_io_problem: chmod 000 does not stop this user (root?)");
        return;
    }
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lib/locked"), "{}", describe(&out));
}

#[test]
fn suggestions_stop_after_fifty_unknown_names() {
    // Each suggestion compares a name with every node id, so only the
    // first unknown names in a file get one; the rest get the plain hint.
    let sb = Sandbox::new();
    let text = with_many_nodes(60, false, |i| {
        format!(
            "(id: \"node-{i}\", prompt: \"p\", limit_s: 1, answer: Choice(options: [(label: \"a\", next: \"node-{i}x\"), (label: \"b\", next: \"end-good\")]))"
        )
    });
    sb.write("typos.ron", text);
    let (out, _) = sb.run(&["check", "--format", "json", "typos.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let items = assert_json_diagnostics("typos", &out.stdout);
    let unknown: Vec<_> = items.iter().filter(|d| d["code"] == "unknown-node").collect();
    assert_eq!(unknown.len(), 60, "{items:#?}");
    let suggested = unknown.iter().filter(|d| d["help"].as_str().is_some_and(|h| h.contains("did you mean"))).count();
    assert_eq!(suggested, 50, "{unknown:#?}");
}

#[test]
fn long_values_are_clipped_in_messages() {
    let long = "x".repeat(5000);
    let sb = Sandbox::new();
    sb.write("long.ron", example_with("start: \"intro\"", &format!("start: \"{long}\"")));
    let (out, _) = sb.run(&["check", "--format", "json", "long.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let items = assert_json_diagnostics("long id", &out.stdout);
    let d = items.iter().find(|d| d["code"] == "unknown-node").expect("an unknown-node diagnostic");
    let message = d["message"].as_str().expect("a message");
    assert!(message.contains(&format!("\"{}…\"", "x".repeat(80))), "{message}");
    assert!(message.chars().count() < 120, "{message}");
}

#[test]
fn text_output_shows_at_most_two_hundred_problems_per_file() {
    let sb = Sandbox::new();
    sb.write("many.ron", with_many_nodes(250, false, unreachable_node));
    let (out, _) = sb.run(&["check", "many.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().filter(|l| l.starts_with("many.ron:")).count(), 200, "{stdout}");
    assert!(stdout.contains("... and 50 more problems in this file"), "{stdout}");
    assert!(stdout.contains("checked 1 file: 0 errors, 250 warnings"), "{stdout}");
    let (out, _) = sb.run(&["check", "--format", "json", "many.ron"]);
    assert_eq!(assert_json_diagnostics("many", &out.stdout).len(), 250);
}

// Size is not the only way to make the checker slow: a file well under the
// 8 MB limit with thousands of problems must still be reported promptly.

/// The example with `n` extra nodes made by `node(i)`, one per line or all
/// on one line.
fn with_many_nodes(n: usize, one_line: bool, node: impl Fn(usize) -> String) -> String {
    let sep = if one_line { " " } else { "\n" };
    let nodes: String = (0..n).map(|i| format!("{},{sep}", node(i))).collect();
    let text = example_with("    nodes: [\n", &format!("    nodes: [\n{nodes}"));
    if one_line {
        // Comments would swallow the rest of the line.
        text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join(" ")
    } else {
        text
    }
}

fn unreachable_node(i: usize) -> String {
    format!(
        "(id: \"n{i}\", prompt: \"p\", limit_s: 1, answer: Choice(options: [(label: \"a\", next: \"end-good\"), (label: \"b\", next: \"end-good\")]))"
    )
}

#[test]
fn many_warnings_on_many_lines_render_promptly() {
    let sb = Sandbox::new();
    sb.write("many.ron", with_many_nodes(12_000, false, unreachable_node));
    let (out, took) = sb.run(&["check", "many.ron"]);
    println!("12000 warnings on 12000 lines: {took:.2?}");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(took < GUARD, "took {took:?}");
}

#[test]
fn many_warnings_on_one_line_render_promptly() {
    let sb = Sandbox::new();
    sb.write("oneline.ron", with_many_nodes(2000, true, unreachable_node));
    let (out, took) = sb.run(&["check", "oneline.ron"]);
    println!("2000 warnings on one line: {took:.2?}");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(took < GUARD, "took {took:?}");
}

#[test]
fn many_unknown_node_ids_are_checked_promptly() {
    let sb = Sandbox::new();
    let text = with_many_nodes(3000, false, |i| {
        format!(
            "(id: \"n{i}\", prompt: \"p\", limit_s: 1, answer: Choice(options: [(label: \"a\", next: \"m{i}\"), (label: \"b\", next: \"end-good\")]))"
        )
    });
    sb.write("unknown.ron", text);
    // JSON output skips text rendering, so this times the validator alone.
    let (out, took) = sb.run(&["check", "--format", "json", "unknown.ron"]);
    println!("3000 unknown node ids: {took:.2?}");
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(took < GUARD, "took {took:?}");
}

#[test]
fn many_unset_variables_are_checked_promptly() {
    let sb = Sandbox::new();
    let sets: Vec<String> = (0..3000).map(|i| format!("Add(\"w{i}\", 1)")).collect();
    let text = with_many_nodes(3000, false, |i| {
        format!(
            "(id: \"n{i}\", prompt: \"p\", limit_s: 1, answer: FreeText(rules: [(when: Var(\"v{i}\", AtLeast(1)), next: \"end-good\")], default: (next: \"end-good\")))"
        )
    })
    .replacen("set: [Add(\"dodges\", 1)]", &format!("set: [{}]", sets.join(", ")), 1);
    sb.write("vars.ron", text);
    let (out, took) = sb.run(&["check", "--format", "json", "vars.ron"]);
    println!("3000 unset variables against 3000 set: {took:.2?}");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(took < GUARD, "took {took:?}");
}
