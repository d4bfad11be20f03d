//! Where sessions live (`<data dir>/sessions/`), and finding one by id,
//! `latest` or path.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::reader::{self, ReadError, Recording};

pub const EXTENSION: &str = "session";

pub fn sessions_dir() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join("sessions"))
}

/// Every entry named `*.session` (whatever its type: a damaged one is
/// listed as such, not hidden), most recent start first.
pub fn list() -> Vec<PathBuf> {
    let Some(dir) = sessions_dir() else { return Vec::new() };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == EXTENSION)).collect())
        .unwrap_or_default();
    sort_newest_first(&mut files);
    files
}

/// A session's id: its file name without `.session`.
pub fn id_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Orders session files most recent start first. Ids begin with the start
/// time (`20261123-121340-…`), and sessions started in the same second get
/// `-2`, `-3`… suffixes; comparing digit runs as numbers sorts both right
/// (`-pm`, `-pm-2`, `-pm-3`, `-pm-10`), where plain text order put `-pm-10`
/// before `-pm-2`. Names that do not start with a time sort as oldest.
pub fn sort_newest_first(files: &mut Vec<PathBuf>) {
    // Each id computed once, not once per comparison.
    let mut keyed: Vec<(String, PathBuf)> = files.drain(..).map(|p| (id_of(&p), p)).collect();
    keyed.sort_by(|(a, _), (b, _)| starts_with_time(b).cmp(&starts_with_time(a)).then_with(|| natural(b, a)));
    files.extend(keyed.into_iter().map(|(_, p)| p));
}

/// `YYYYMMDD-HHMMSS` at the start, as [`new_id`] writes.
fn starts_with_time(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() >= 15 && b[..8].iter().all(u8::is_ascii_digit) && b[8] == b'-' && b[9..15].iter().all(u8::is_ascii_digit)
}

/// Compares text with runs of ASCII digits compared as numbers.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = split_digits(a);
                let (nb, rb) = split_digits(b);
                let (ta, tb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
                let o = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb)).then_with(|| na.len().cmp(&nb.len()));
                if o != Ordering::Equal {
                    return o;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error("no sessions yet (looked in {0})")]
    None(String),
    #[error("no session \"{0}\"; `hotseat sessions` lists them")]
    NotFound(String),
    #[error("no data directory: set HOTSEAT_DATA_DIR")]
    NoDataDir,
}

impl FindError {
    /// The error for a person reading `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            FindError::None(dir) => tr!(lang, "find-none", dir = dir.as_str()),
            FindError::NotFound(id) => tr!(lang, "find-not-found", id = id.as_str()),
            FindError::NoDataDir => tr!(lang, "find-no-data-dir"),
        }
    }
}

/// A session file by id, `latest`, or path. An id names whatever entry is
/// there (a FIFO or directory too, so reading can say what is wrong).
pub fn find(arg: &str) -> Result<PathBuf, FindError> {
    Ok(find_where(arg)?.0)
}

/// [`find`], and whether the user typed the path (so a symbolic link may
/// be followed) rather than an id or `latest`.
pub fn find_where(arg: &str) -> Result<(PathBuf, bool), FindError> {
    let as_path = Path::new(arg);
    if as_path.is_file() {
        return Ok((as_path.to_path_buf(), true));
    }
    let dir = sessions_dir().ok_or(FindError::NoDataDir)?;
    if arg == "latest" {
        return list().into_iter().next().map(|p| (p, false)).ok_or_else(|| FindError::None(dir.display().to_string()));
    }
    let path = dir.join(format!("{arg}.{EXTENSION}"));
    let id_like = !arg.is_empty() && !arg.contains(['/', '\\']) && arg != "." && arg != "..";
    if id_like && std::fs::symlink_metadata(&path).is_ok() {
        Ok((path, false))
    } else {
        Err(FindError::NotFound(crate::text::quote(arg).into_owned()))
    }
}

/// Reads the session `arg` names.
pub fn open(arg: &str) -> Result<Recording, OpenError> {
    let (path, typed) = find_where(arg)?;
    Ok(reader::read_file(&path, typed)?)
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Find(#[from] FindError),
    #[error(transparent)]
    Read(#[from] ReadError),
}

impl OpenError {
    /// The error for a person reading `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            OpenError::Find(e) => e.message(lang),
            OpenError::Read(e) => e.message(lang),
        }
    }
}

/// The id for a new session: UTC start time and scenario.
pub fn new_id(scenario: &str) -> String {
    format!("{}-{scenario}", jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_second_ids_sort_by_their_numeric_suffix() {
        let mut files: Vec<PathBuf> = ["pm-2", "pm", "pm-10", "pm-3"]
            .iter()
            .map(|s| PathBuf::from(format!("20261123-121340-{s}.session")))
            .chain([PathBuf::from("20261123-121339-zz.session"), PathBuf::from("hand-made.session")])
            .collect();
        sort_newest_first(&mut files);
        let names: Vec<String> = files.iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(
            names,
            [
                "20261123-121340-pm-10",
                "20261123-121340-pm-3",
                "20261123-121340-pm-2",
                "20261123-121340-pm",
                "20261123-121339-zz",
                "hand-made"
            ]
        );
    }

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        assert_eq!(natural("a-10", "a-9"), Ordering::Greater);
        assert_eq!(natural("a", "a-2"), Ordering::Less);
        assert_eq!(natural("a-02", "a-2"), Ordering::Greater);
        assert_eq!(natural("数-1", "数-1"), Ordering::Equal);
    }
}
