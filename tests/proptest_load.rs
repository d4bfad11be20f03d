//! Property tests: loading a scenario never panics, whatever the bytes, and
//! every diagnostic points inside the file.
//!
//! Case counts are kept modest so the whole file runs in a few seconds in
//! a debug build on two cores.

use std::sync::OnceLock;

use hotseat::scenario::diag::LineIndex;
use hotseat::scenario::load::check_bytes;
use hotseat::scenario::spans::scan;
use hotseat::traps::Catalogue;
use proptest::prelude::*;
use proptest::sample::Index;

const EXAMPLE: &str = include_str!("../docs/example.ron");

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        hotseat::traps::parse("bundled:traps.ron", hotseat::traps::BUNDLED_SOURCE).expect("bundled catalogue parses")
    })
}

fn config() -> ProptestConfig {
    // 256 cases each unless PROPTEST_CASES says otherwise (for a longer
    // hunt). No regression files are written into the tree; a failure
    // prints its minimal input, which belongs in a plain test.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Whether `c` must never reach a terminal raw (as in tests/hostile.rs).
fn is_hazard(c: char) -> bool {
    (c < '\u{20}' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Checks `bytes` as a scenario file and holds every diagnostic to the
/// contract: inside the file, 1-based, renderable without raw controls.
fn check_contract(bytes: &[u8]) -> Result<(), TestCaseError> {
    let checked = check_bytes("x.ron", bytes, catalogue());
    let text = String::from_utf8_lossy(bytes);
    let lines = text.lines().count();
    let index = LineIndex::new(&checked.source);
    for d in &checked.diagnostics {
        prop_assert_eq!(d.path.as_str(), "x.ron");
        prop_assert!(d.line >= 1, "line {} < 1: {:?}", d.line, d);
        prop_assert!(d.col >= 1, "col {} < 1: {:?}", d.col, d);
        prop_assert!(d.line <= lines + 1, "line {} is past the end ({} lines): {:?}", d.line, lines, d);
        let shown = d.render(index.line(d.line));
        prop_assert!(!shown.chars().any(is_hazard), "raw control in the rendering: {:?}", shown);
    }
    if checked.runnable().is_some() {
        prop_assert_eq!(checked.errors(), 0);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = scan(text);
    }
    Ok(())
}

/// One RON-ish token: brackets, punctuation, names, numbers, strings,
/// comments, and a few hostile characters.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["(", ")", "[", "]", "{", "}", ":", ",", "\"", " ", "\n", "Not(", "//", "/*", "*/"])
            .prop_map(String::from),
        2 => prop::sample::select(vec![
            "Scenario(", "format: 1", "id:", "nodes:", "answer:", "End(remarks: \"x\")", "Some(", "None", "#![enable(implicit_some)]",
            "r#\"", "\"#", "'", "\\", "b\"", "-", "+", ".", "e", "And([", "Or([", "Trap(", "Var(", "Goto(", "Choice(options:",
        ])
        .prop_map(String::from),
        2 => "[A-Za-z_][A-Za-z0-9_]{0,10}",
        2 => "-?[0-9]{1,12}(\\.[0-9]{0,4})?(e-?[0-9]{1,3})?",
        1 => "\"[^\"\\\\]{0,12}\"",
        1 => prop::sample::select(vec!["数据", "\u{1b}[2J", "\u{202e}", "\0", "\r", "\t", "\u{9b}", "\u{7f}", "\u{feff}"])
            .prop_map(String::from),
    ]
}

fn ronish() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..400).prop_map(|tokens| tokens.concat())
}

/// One edit to a file's bytes; indices are resolved against the length at
/// the time of the edit.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, Index),
    Duplicate(Index, Index),
    Insert(Index, String),
    SwapLines(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Delete(a, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        (any::<Index>(), token()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

/// An ordered byte range from two indices into `len` bytes.
fn range(a: &Index, b: &Index, len: usize) -> std::ops::Range<usize> {
    let (a, b) = (a.index(len + 1), b.index(len + 1));
    a.min(b)..a.max(b)
}

/// The start of the UTF-8 character at or before `at` (or `at` itself in
/// bytes that are not UTF-8 there).
fn char_start(bytes: &[u8], mut at: usize) -> usize {
    while at > 0 && at < bytes.len() && bytes[at] & 0xc0 == 0x80 {
        at -= 1;
    }
    at
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::Delete(a, b) => {
            bytes.drain(range(a, b, bytes.len()));
        }
        Mutation::Duplicate(a, b) => {
            let r = range(a, b, bytes.len());
            let copy = bytes[r.clone()].to_vec();
            bytes.splice(r.end..r.end, copy);
        }
        Mutation::Insert(a, token) => {
            let at = char_start(bytes, a.index(bytes.len() + 1));
            bytes.splice(at..at, token.bytes());
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<Vec<u8>> = bytes.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
            let (i, j) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(i, j);
            *bytes = lines.join(&b'\n');
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_contract(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(chars in prop::collection::vec(any::<char>(), 0..1024)) {
        let text: String = chars.into_iter().collect();
        check_contract(text.as_bytes())?;
    }

    #[test]
    fn ron_like_token_soup_never_panics(text in ronish()) {
        check_contract(text.as_bytes())?;
    }

    #[test]
    fn token_soup_inside_a_scenario_never_panics(text in ronish(), at in any::<Index>()) {
        // Garbage spliced into a real file gets past the first few checks.
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        let at = char_start(&bytes, at.index(bytes.len() + 1));
        bytes.splice(at..at, text.bytes());
        check_contract(&bytes)?;
    }

    #[test]
    fn mutated_example_never_panics(mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_contract(&bytes)?;
    }

    #[test]
    fn scan_never_panics_on_text(chars in prop::collection::vec(any::<char>(), 0..1024)) {
        let text: String = chars.into_iter().collect();
        let _ = scan(&text);
    }

    #[test]
    fn scan_never_panics_on_token_soup(text in ronish()) {
        if let Some(root) = scan(&text) {
            // Spans must lie inside the text, on character boundaries.
            prop_assert!(root.span.end <= text.len());
            prop_assert!(text.get(root.span.clone()).is_some(), "span {:?} splits a character", root.span);
        }
    }

    #[test]
    fn scan_never_panics_on_a_mutated_example(mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Some(root) = scan(&text) {
            prop_assert!(text.get(root.span.clone()).is_some(), "span {:?} is not a slice of the text", root.span);
        }
    }
}

#[test]
fn the_example_checks_clean() {
    let checked = check_bytes("x.ron", EXAMPLE.as_bytes(), catalogue());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    assert!(scan(EXAMPLE).is_some());
}

#[test]
fn deep_nesting_is_refused_without_overflowing_a_test_thread_stack() {
    // Test threads have small stacks; nothing here may recurse per level.
    for text in ["[".repeat(200_000), "Not(".repeat(200_000), "/*".repeat(200_000), "(a: ".repeat(200_000)] {
        assert!(scan(&text).is_none());
        let checked = check_bytes("x.ron", text.as_bytes(), catalogue());
        assert!(checked.errors() >= 1, "{:?}", checked.diagnostics);
    }
}
