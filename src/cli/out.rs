//! Writing to stdout without panicking on a closed pipe.

use std::io::{self, Write};

/// Writes `text` to stdout in one go; a closed pipe surfaces as
/// `BrokenPipe`, which [`super::run`] treats as success.
pub fn print(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Writes `value` as pretty JSON and a newline.
pub fn json<T: serde::Serialize>(value: &T) -> io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    text.push('\n');
    print(&text)
}
