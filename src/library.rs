//! The scenarios a candidate can pick: the bundled ones compiled into the
//! binary, and user scenarios found under the data directory and
//! `HOTSEAT_SCENARIO_PATH`. Broken user scenarios are listed too, with
//! their errors, so a coach sees why one cannot start.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::scenario::diag::{Diagnostic, Severity};
use crate::scenario::load::{Checked, DEFAULT_MAX_SIZE, check_bytes, check_file};
use crate::scenario::validate::TrapIds;
use crate::text::{one_line, quote};

/// The bundled scenarios, by file name and source text.
pub const BUNDLED: &[(&str, &str)] = &[
    ("alibaba-cloud-pm.ron", include_str!("../scenarios/alibaba-cloud-pm.ron")),
    ("tencent-compliance-panel.ron", include_str!("../scenarios/tencent-compliance-panel.ron")),
    ("huawei-case.ron", include_str!("../scenarios/huawei-case.ron")),
    ("offer-negotiation.ron", include_str!("../scenarios/offer-negotiation.ron")),
    ("behavioral-zh.ron", include_str!("../scenarios/behavioral-zh.ron")),
];

/// Where a scenario came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Bundled => "bundled",
            Origin::User => "user",
        }
    }
}

/// One scenario in the library, runnable or not.
#[derive(Debug)]
pub struct Entry {
    /// The scenario id, or the file stem when the file did not parse.
    pub id: String,
    pub origin: Origin,
    /// The file, for user scenarios.
    pub path: Option<PathBuf>,
    pub checked: Checked,
}

impl Entry {
    pub fn title(&self) -> &str {
        self.checked.scenario.as_ref().map_or(self.id.as_str(), |s| s.title.as_str())
    }
}

/// Every bundled and user scenario, bundled first, each group in file order.
pub fn load(traps: &dyn TrapIds) -> Vec<Entry> {
    let mut entries: Vec<Entry> = BUNDLED.iter().map(|(name, src)| bundled(name, src, traps)).collect();
    for dir in crate::paths::scenario_dirs() {
        entries.extend(user_files(&dir).into_iter().map(|p| user(&p, traps)));
    }
    mark_clashes(&mut entries);
    entries
}

fn bundled(name: &str, src: &str, traps: &dyn TrapIds) -> Entry {
    let checked = check_bytes(&format!("bundled:{name}"), src.as_bytes(), traps);
    Entry { id: id_of(&checked, Path::new(name)), origin: Origin::Bundled, path: None, checked }
}

fn user(path: &Path, traps: &dyn TrapIds) -> Entry {
    let checked = check_file(path, DEFAULT_MAX_SIZE, traps).unwrap_or_else(|e| Checked {
        path: path.display().to_string(),
        source: String::new(),
        scenario: None,
        diagnostics: vec![Diagnostic {
            path: path.display().to_string(),
            line: 1,
            col: 1,
            severity: Severity::Error,
            code: "unreadable",
            message: format!("cannot read the file: {}", e.source),
            help: Some("check the file's permissions".into()),
        }],
    });
    Entry { id: id_of(&checked, path), origin: Origin::User, path: Some(path.to_path_buf()), checked }
}

fn id_of(checked: &Checked, path: &Path) -> String {
    match &checked.scenario {
        Some(sc) => sc.id.clone(),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
    }
}

/// `*.ron` files under `dir`, recursively, sorted; a missing dir is empty.
/// Entries that cannot be read are left out: the library lists what it
/// can. `check` uses [`walk`] instead, which reports them.
pub fn user_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir).0
}

/// An entry under a directory that could not be read while looking for
/// scenario files: an unreadable directory or file, a dangling link.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = one_line(&self.path.display().to_string());
        write!(f, "{path}: {}", one_line(&self.error.to_string()))
    }
}

/// `*.ron` files under `dir`, recursively, sorted, and the entries that
/// could not be read, sorted by path. A link back to a directory above it
/// is not a problem: what it leads to is walked anyway.
pub fn walk(dir: &Path) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true).max_depth(16) {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ron") => {
                files.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let error = e.into_io_error().unwrap_or_else(|| std::io::Error::other("cannot be read"));
                problems.push(WalkError { path, error });
            }
        }
    }
    files.sort();
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    (files, problems)
}

/// A second scenario with an id already taken gets an error naming both.
fn mark_clashes(entries: &mut [Entry]) {
    let mut first: HashMap<String, String> = HashMap::new();
    for e in entries.iter_mut() {
        let here = e.checked.path.clone();
        match first.get(&e.id) {
            Some(other) => e.checked.diagnostics.insert(
                0,
                Diagnostic {
                    message: format!(
                        "scenario id \"{}\" in {} is also used by {}",
                        one_line(&quote(&e.id)),
                        one_line(&here),
                        one_line(other)
                    ),
                    path: here,
                    line: 1,
                    col: 1,
                    severity: Severity::Error,
                    code: "duplicate-scenario",
                    help: Some("give one of them another `id`".into()),
                },
            ),
            None => {
                first.insert(e.id.clone(), here);
            }
        }
    }
}

/// Finds a runnable-or-not entry by id.
pub fn find<'a>(entries: &'a [Entry], id: &str) -> Option<&'a Entry> {
    entries.iter().find(|e| e.id == id)
}

/// A cheap summary of the user scenario files (path, size, modification
/// time), to notice edits without re-reading them.
pub fn fingerprint() -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    crate::paths::scenario_dirs()
        .iter()
        .flat_map(|d| user_files(d))
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            (p, len, modified)
        })
        .collect()
}
