//! Session files for tests, written the way the recorder writes them:
//! line 1 the magic word and a format version, line 2 the header, then
//! one line per record. Used with `#[path = "support/session_file.rs"]`.

#![allow(dead_code)]

use std::path::Path;

use hotseat::record::format::{self, Header, Line};
use hotseat::record::reader::{self, Recording};
use hotseat::session::Pace;

/// A header for `source` recorded at `cols` x `rows` with `pace`.
pub fn header(source: &str, pace: Pace, cols: u16, rows: u16) -> Header {
    Header {
        hotseat: "test".into(),
        scenario: "t".into(),
        title: "T".into(),
        sha256: format::hash(source),
        source: source.into(),
        seed: 1,
        pace,
        cols,
        rows,
        started: "2026-11-23T00:00:00Z".into(),
        judged_with: Some(hotseat::record::format::JudgedWith::of(&hotseat::traps::Catalogue::default())),
    }
}

/// The file's text in session format `version`.
pub fn text(version: u32, header: &Header, lines: &[Line]) -> String {
    let mut text = format!("{} {version}\n{}\n", format::MAGIC, serde_json::to_string(header).expect("header"));
    let mut prev = 0;
    for l in lines {
        if let Some(encoded) = format::encode(l, prev) {
            text.push_str(&encoded);
        }
        prev = l.at_ms();
    }
    text
}

/// The recording as the reader reads it.
pub fn recording(version: u32, header: &Header, lines: &[Line]) -> Recording {
    reader::parse(Path::new("/nonexistent/test.session"), &text(version, header, lines)).expect("parses")
}
