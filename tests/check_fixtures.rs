//! The broken-scenario suite: every file in `tests/fixtures/broken/` breaks
//! `docs/example.ron` in exactly one way. For each one the checker's whole
//! rendered output is snapshotted, and the first line, the one an editor
//! jumps to, is spelled out in [`EXPECTED`] so its place and message are in
//! plain sight.

use std::path::{Path, PathBuf};

use hotseat::scenario::diag::LineIndex;
use hotseat::scenario::load::{Checked, DEFAULT_MAX_SIZE, check_file};

/// What a fixture must yield besides its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// At least one error.
    Error,
    /// No errors, at least one warning.
    Warning,
}

use Expect::{Error, Warning};

/// Each fixture, its expected first rendered line, and its severity.
const EXPECTED: &[(&str, &str, Expect)] = &[
    ("01-empty-file.ron", "01-empty-file.ron:1:1: error: the file is empty", Error),
    ("02-truncated.ron", "02-truncated.ron:49:21: error: string is not closed", Error),
    ("03-unknown-node.ron", "03-unknown-node.ron:33:56: error: unknown node id \"quizz\"", Error),
    ("04-unknown-trap.ron", "04-unknown-trap.ron:26:21: error: unknown trap id \"tech-over-economic\"", Error),
    ("05-misspelled-field.ron", "05-misspelled-field.ron:40:13: error: unknown field \"promt\" in `Node`", Error),
    (
        "06-misspelled-variant.ron",
        "06-misspelled-variant.ron:9:17: error: unknown variant \"Meduim\" in `Difficulty`",
        Error,
    ),
    ("07-duplicate-node.ron", "07-duplicate-node.ron:69:14: error: duplicate node id \"end-good\"", Error),
    ("08-missing-start.ron", "08-missing-start.ron:2:1: error: missing field \"start\" in `Scenario`", Error),
    ("09-unknown-start.ron", "09-unknown-start.ron:16:12: error: unknown node id \"intor\"", Error),
    (
        "10-unreachable-node.ron",
        "10-unreachable-node.ron:68:17: warning: node \"bonus\" cannot be reached from the start",
        Warning,
    ),
    ("11-dead-end.ron", "11-dead-end.ron:39:17: error: node \"pressure\" is a dead end: no way out", Error),
    (
        "12-loop-no-way-out.ron",
        "12-loop-no-way-out.ron:39:17: error: node \"pressure\" is in a loop with no way out: no end node can be reached from it",
        Error,
    ),
    ("13-empty-prompt.ron", "13-empty-prompt.ron:40:21: error: node \"pressure\" has an empty prompt", Error),
    (
        "14-choice-one-option.ron",
        "14-choice-one-option.ron:42:37: error: a Choice needs 2 to 9 options, this one has 1",
        Error,
    ),
    (
        "15-choice-ten-options.ron",
        "15-choice-ten-options.ron:42:37: error: a Choice needs 2 to 9 options, this one has 10",
        Error,
    ),
    ("16-negative-tolerance.ron", "16-negative-tolerance.ron:53:32: error: tolerance -0.5 is negative", Error),
    ("17-bad-regex.ron", "17-bad-regex.ron:33:34: error: the regex does not compile: unclosed group", Error),
    ("18-limit-zero.ron", "18-limit-zero.ron:41:22: error: `limit_s` of 0 s is out of range", Error),
    ("19-limit-too-long.ron", "19-limit-too-long.ron:63:22: error: `limit_s` of 7201 s is out of range", Error),
    ("20-unknown-format.ron", "20-unknown-format.ron:3:13: error: unknown format 2", Error),
    ("21-missing-field.ron", "21-missing-field.ron:51:21: error: missing field \"solution\" in `Numeric`", Error),
    ("22-nul-byte.ron", "22-nul-byte.ron:41:25: error: a NUL byte in the file", Error),
    ("23-invalid-utf8.ron", "23-invalid-utf8.ron:62:44: error: invalid UTF-8 (byte 0xE9)", Error),
    ("24-escape-in-string.ron", "24-escape-in-string.ron:43:46: error: unknown node id \"quiz\\u{1b}[2J\"", Error),
    (
        "25-spoken-pass-too-high.ron",
        "25-spoken-pass-too-high.ron:65:34: error: `pass: 3` but only 2 talking points",
        Error,
    ),
    (
        "26-unknown-variable.ron",
        "26-unknown-variable.ron:31:66: warning: variable \"dodgse\" is never set, so it is always 0",
        Warning,
    ),
    ("27-cjk-column.ron", "27-cjk-column.ron:40:35: error: unknown field \"limt_s\" in `Node`", Error),
    ("28-unknown-timeout-node.ron", "28-unknown-timeout-node.ron:24:30: error: unknown node id \"presure\"", Error),
    ("29-duplicate-field.ron", "29-duplicate-field.ron:64:13: error: field \"limit_s\" appears twice in `Node`", Error),
    ("30-wrong-type.ron", "30-wrong-type.ron:41:22: error: `limit_s` must be a whole number", Error),
    ("31-trailing-text.ron", "31-trailing-text.ron:71:1: error: unexpected text after the end of the scenario", Error),
    (
        "32-unknown-trap-in-choice.ron",
        "32-unknown-trap-in-choice.ron:44:59: error: unknown trap id \"tech-over-economic\"",
        Error,
    ),
    (
        "34-infinite-tolerance.ron",
        "34-infinite-tolerance.ron:53:36: error: tolerance inf is not a finite number",
        Error,
    ),
    ("35-missing-comma.ron", "35-missing-comma.ron:41:24: error: a comma is missing here", Error),
    (
        "36-mismatched-bracket.ron",
        "36-mismatched-bracket.ron:45:13: error: expected `(` to start a choice option",
        Error,
    ),
    ("37-negative-limit.ron", "37-negative-limit.ron:41:22: error: `limit_s` is out of range", Error),
    (
        "38-misspelled-answer-field.ron",
        "38-misspelled-answer-field.ron:68:39: error: unknown field \"remark\" in `End`",
        Error,
    ),
    (
        "39-unknown-session-timeout.ron",
        "39-unknown-session-timeout.ron:16:25: error: unknown node id \"end-god\"",
        Error,
    ),
    (
        "40-bidi-override-in-prompt.ron",
        "40-bidi-override-in-prompt.ron:40:30: error: a bidi control U+202E in the file",
        Error,
    ),
    ("41-escape-in-prompt.ron", "41-escape-in-prompt.ron:40:30: error: control character U+001B in the file", Error),
    (
        "42-misspelled-freetext-rules.ron",
        "42-misspelled-freetext-rules.ron:30:17: error: unknown field \"rulez\" in `FreeText`",
        Error,
    ),
    (
        "43-misspelled-numeric-unit.ron",
        "43-misspelled-numeric-unit.ron:54:17: error: unknown field \"units\" in `Numeric`",
        Error,
    ),
    (
        "44-misspelled-spoken-pass.ron",
        "44-misspelled-spoken-pass.ron:65:28: error: unknown field \"pas\" in `Spoken`",
        Error,
    ),
    ("45-nul-in-prompt.ron", "45-nul-in-prompt.ron:40:30: error: a NUL byte in the file", Error),
    (
        "46-catalogue-problems.ron",
        "46-catalogue-problems.ron:10:31: error: the regex does not compile: unclosed group",
        Error,
    ),
    (
        "47-escaped-osc52-in-prompt.ron",
        "47-escaped-osc52-in-prompt.ron:40:36: error: control character U+001B written as `\\u{1b}` in a string",
        Error,
    ),
    (
        "48-escaped-c1-csi-in-title.ron",
        "48-escaped-c1-csi-in-title.ron:5:20: error: control character U+009B written as `\\u{9b}` in a string",
        Error,
    ),
    (
        "49-escaped-bidi-in-description.ron",
        "49-escaped-bidi-in-description.ron:13:31: error: a bidi control U+202E written as `\\u{202e}` in a string",
        Error,
    ),
    (
        "50-escaped-nul-in-persona.ron",
        "50-escaped-nul-in-persona.ron:14:62: error: a NUL byte written as `\\0` in a string",
        Error,
    ),
    (
        "51-hex-escaped-controls-in-model-answer.ron",
        "51-hex-escaped-controls-in-model-answer.ron:28:41: error: control character U+001B written as `\\x1b` in a string",
        Error,
    ),
    (
        "52-escaped-cr-and-isolate-in-variant.ron",
        "52-escaped-cr-and-isolate-in-variant.ron:22:40: error: control character U+000D written as `\\r` in a string",
        Error,
    ),
    (
        "53-escaped-osc0-in-catalogue.ron",
        "53-escaped-osc0-in-catalogue.ron:6:26: error: control character U+001B written as `\\u{1b}` in a string",
        Error,
    ),
    ("54-bare-tolerance.ron", "54-bare-tolerance.ron:54:28: error: found `5` where a variant name belongs", Error),
    (
        "55-json-style-key.ron",
        "55-json-style-key.ron:4:5: error: found the quoted field name `\"id\"`: RON field names are bare words",
        Error,
    ),
    (
        "56-unescaped-quote.ron",
        "56-unescaped-quote.ron:40:30: error: this `\"` ends the string early: a quote inside a string must be escaped",
        Error,
    ),
    (
        "57-limit-with-unit.ron",
        "57-limit-with-unit.ron:41:22: error: `limit_s` is a number of seconds, found `5m`",
        Error,
    ),
    (
        "58-string-timeout.ron",
        "58-string-timeout.ron:24:25: error: `on_timeout` takes `Overtime` or `Goto(\"node-id\")`, found the string \"pressure\"",
        Error,
    ),
    ("59-not-with-a-list.ron", "59-not-with-a-list.ron:33:32: error: `Not` takes one condition, found a list", Error),
    (
        "60-unknown-escape-in-regex.ron",
        "60-unknown-escape-in-regex.ron:33:35: error: `\\d` is not an escape in a RON string",
        Error,
    ),
    ("61-text-for-label.ron", "61-text-for-label.ron:43:18: error: unknown field \"text\" in `ChoiceOption`", Error),
    (
        "62-percent-as-string.ron",
        "62-percent-as-string.ron:53:36: error: `Percent` takes a number, found the string \"5%\"",
        Error,
    ),
    (
        "63-raw-regex-bracket.ron",
        "63-raw-regex-bracket.ron:33:34: error: the regex does not compile: unclosed group",
        Error,
    ),
    (
        "64-limit-on-end.ron",
        "64-limit-on-end.ron:67:35: warning: end node \"end-good\" has a `limit_s`, which is ignored",
        Warning,
    ),
    (
        "65-route-past-session-limit.ron",
        "65-route-past-session-limit.ron:15:22: warning: the longest route takes up to 6.5 min (390 s) of question time, past the session limit of 5 min (300 s)",
        Warning,
    ),
    ("66-id-typo-on-two-edges.ron", "66-id-typo-on-two-edges.ron:55:31: error: unknown node id \"spokn\"", Error),
    ("67-unknown-condition.ron", "67-unknown-condition.ron:34:39: error: unknown condition \"gave-figures\"", Error),
    (
        "68-condition-cycle.ron",
        "68-condition-cycle.ron:17:21: error: named condition \"concrete\" refers back to itself: \"concrete\" → \"gave-figure\" → \"concrete\"",
        Error,
    ),
    ("69-unknown-signal.ron", "69-unknown-signal.ron:16:15: error: unknown signal \"ownershp\"", Error),
    ("70-bad-partial.ron", "70-bad-partial.ron:58:32: error: partial-credit ratio 0.5 must be a number above 1", Error),
    (
        "71-interject-past-limit.ron",
        "71-interject-past-limit.ron:64:33: error: `left_s: 90` is not within the question's limit of 90 s",
        Error,
    ),
    (
        "72-unknown-placeholder.ron",
        "72-unknown-placeholder.ron:40:21: error: the prompt shows variable \"dodgs\", which no transition sets",
        Error,
    ),
    (
        "73-new-trap-without-text.ron",
        "73-new-trap-without-text.ron:18:14: error: trap \"blames-others\" is new here and has no instead or example",
        Error,
    ),
    (
        "74-own-trap-twice.ron",
        "74-own-trap-twice.ron:19:14: error: trap \"compliance-deferred-to-legal\" is defined twice",
        Error,
    ),
    (
        "75-standalone-end.ron",
        "75-standalone-end.ron:68:39: error: end node \"end-early\" is marked `standalone`, but only a question can be asked on its own",
        Error,
    ),
    (
        "76-standalone-reads-variable.ron",
        "76-standalone-reads-variable.ron:32:28: error: stand-alone node \"intro\" depends on earlier answers through `Var(\"dodges\")`, but a drill asks it without them",
        Error,
    ),
    (
        "77-standalone-shows-answer.ron",
        "77-standalone-shows-answer.ron:40:21: error: stand-alone node \"pressure\" depends on earlier answers through `{answer:intro}`, but a drill asks it without them",
        Error,
    ),
];

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The `.ron` files in a fixture directory, sorted by name.
fn fixtures(name: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(name))
        .expect("fixture directory exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().expect("a file name").to_string_lossy().into_owned()
}

fn check(path: &Path) -> Checked {
    let (catalogue, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue has problems: {problems:?}");
    check_file(path, DEFAULT_MAX_SIZE, &catalogue).expect("fixture is readable")
}

/// Every diagnostic rendered with its excerpt, the path shown as the bare
/// file name so snapshots do not depend on where the repository lives.
fn render(checked: &Checked, name: &str) -> String {
    let lines = LineIndex::new(&checked.source);
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.path = name.to_string();
            d.render(lines.line(d.line))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// C0 controls other than newline, DEL and C1 controls.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars().filter(|&c| (c < ' ' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c)).collect()
}

#[test]
fn every_fixture_is_listed_once() {
    let on_disk: Vec<String> = fixtures("broken").iter().map(|p| file_name(p)).collect();
    let listed: Vec<String> = EXPECTED.iter().map(|(name, ..)| name.to_string()).collect();
    assert_eq!(on_disk, listed, "tests/fixtures/broken/ and EXPECTED must list the same files, in order");
    assert!(listed.len() >= 18);
}

#[test]
fn broken_fixtures() {
    for path in fixtures("broken") {
        let name = file_name(&path);
        let Some(&(_, first_line, expect)) = EXPECTED.iter().find(|(n, ..)| *n == name) else {
            panic!("{name} has no entry in EXPECTED");
        };
        let checked = check(&path);
        let text = render(&checked, &name);

        assert_eq!(text.lines().next(), Some(first_line), "first line of {name}:\n{text}");
        match expect {
            Error => assert!(checked.errors() >= 1, "{name} should yield an error:\n{text}"),
            Warning => {
                assert_eq!(checked.errors(), 0, "{name} should yield no errors:\n{text}");
                assert!(checked.warnings() >= 1, "{name} should yield a warning:\n{text}");
            }
        }
        assert!(checked.runnable().is_none() || expect == Warning, "{name} must not be runnable");
        let raw = raw_controls(&text);
        assert!(raw.is_empty(), "{name}: raw control characters {raw:?} in output:\n{text}");

        let stem = name.trim_end_matches(".ron");
        insta::assert_snapshot!(stem, text);
    }
}

/// A UTF-8 byte-order mark (common from Windows editors) is not an error.
#[test]
fn byte_order_mark_is_accepted() {
    let checked = check(&dir("valid").join("byte-order-mark.ron"));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
}
