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
    ("us-seat-negotiation.ron", include_str!("../scenarios/us-seat-negotiation.ron")),
    ("hr-round-zh.ron", include_str!("../scenarios/hr-round-zh.ron")),
    ("bar-raiser-intl.ron", include_str!("../scenarios/bar-raiser-intl.ron")),
    ("dual-stack-gtm.ron", include_str!("../scenarios/dual-stack-gtm.ron")),
    ("token-pricing.ron", include_str!("../scenarios/token-pricing.ron")),
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
    load_from(&scan(), traps)
}

/// The user scenario files under every scenario directory, each real file
/// once, within the walk's bounds.
pub fn scan() -> Walk {
    walk_all(&crate::paths::scenario_dirs())
}

/// The bundled scenarios and the user files `scan` found.
pub fn load_from(scan: &Walk, traps: &dyn TrapIds) -> Vec<Entry> {
    let mut entries: Vec<Entry> = BUNDLED.iter().map(|(name, src)| bundled(name, src, traps)).collect();
    // A trap catalogue or playtest answers kept beside the scenarios (the
    // natural layout of a shared repository) is not a scenario: told apart
    // by what it holds, not by its name.
    entries.extend(scan.files.iter().map(|p| user(p, traps)).filter(|e| !is_companion(&e.checked.source)));
    mark_clashes(&mut entries);
    entries
}

/// Whether RON text is a file that lives beside scenarios without being
/// one: a trap catalogue, or playtest answers (a map, `{...}`).
pub fn is_companion(src: &str) -> bool {
    is_catalogue(src) || crate::scenario::spans::root_is_map(src)
}

/// Whether RON text is a trap catalogue (`Catalogue(...)`) rather than a
/// scenario: its first value, past comments and `#![...]` attributes.
pub fn is_catalogue(src: &str) -> bool {
    let rest = crate::scenario::spans::first_value(src);
    rest.strip_prefix("Catalogue").is_some_and(|r| r.trim_start().starts_with('('))
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
            message: crate::tr!(crate::i18n::ui(), "library-cannot-read", error = e.source.to_string()),
            help: Some(crate::tr!(crate::i18n::ui(), "library-cannot-read-help")),
            notes: Vec::new(),
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

/// Whether a file-system event of `kind` can change what a scenario file
/// holds or whether it is there: creating, removing, renaming or writing.
/// Reading (a walk opens every directory) and metadata changes cannot.
/// Shared by `check --watch` and the picker's watch.
pub fn is_content_change(kind: &notify::event::EventKind) -> bool {
    use notify::event::{EventKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// How many directories below a scenario directory the walk goes.
pub const MAX_DEPTH: usize = 16;
/// How many directory entries one walk of one scenario directory looks
/// at before it stops: pointing `HOTSEAT_SCENARIO_PATH` at `/usr` must not
/// cost a walk of all of it.
pub const MAX_ENTRIES: usize = 10_000;

/// `*.ron` files under `dir`, recursively, sorted; a missing dir is empty.
/// Entries that cannot be read are left out: the library lists what it
/// can. `check` uses [`walk`] instead, which reports them.
pub fn user_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir).files
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

/// Which bound stopped a walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Directories deeper than [`MAX_DEPTH`] were not read.
    Depth(usize),
    /// The walk stopped after [`MAX_ENTRIES`] entries.
    Entries(usize),
}

/// A walk that did not see everything under `root`, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truncated {
    pub root: PathBuf,
    pub bound: Bound,
}

impl Truncated {
    /// What was not looked at, for a person reading `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let root = one_line(&self.root.display().to_string());
        match self.bound {
            Bound::Entries(n) => crate::tr!(lang, "library-stopped-entries", root = root, n = n),
            Bound::Depth(n) => crate::tr!(lang, "library-stopped-depth", root = root, n = n),
        }
    }
}

impl std::fmt::Display for Truncated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

/// What a walk found: `*.ron` files (each real file once, sorted), what
/// could not be read (sorted), every directory read (each real one once,
/// for watching), and the bounds that stopped it.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub problems: Vec<WalkError>,
    pub dirs: Vec<PathBuf>,
    pub truncated: Vec<Truncated>,
}

impl Walk {
    /// The size and modification time of every file found, to notice a
    /// change without parsing anything.
    pub fn fingerprint(&self) -> Fingerprint {
        self.files
            .iter()
            .map(|p| {
                let meta = std::fs::metadata(p).ok();
                let len = meta.as_ref().map_or(0, |m| m.len());
                let modified = meta.and_then(|m| m.modified().ok());
                (p.clone(), len, modified)
            })
            .collect()
    }

    /// One line per bound hit, for `list`'s stderr and the picker.
    pub fn notices(&self) -> Vec<String> {
        self.truncated.iter().map(|t| t.message(crate::i18n::ui())).collect()
    }
}

/// `*.ron` files under `dir`, recursively; see [`Walker`].
pub fn walk(dir: &Path) -> Walk {
    Walker::default().walk(dir)
}

/// Every directory in `dirs` walked with one [`Walker`], so a file or a
/// directory reachable from two of them is still seen once.
pub fn walk_all(dirs: &[PathBuf]) -> Walk {
    let mut walker = Walker::default();
    let mut all = Walk::default();
    for dir in dirs {
        let w = walker.walk(dir);
        all.files.extend(w.files);
        all.problems.extend(w.problems);
        all.dirs.extend(w.dirs);
        all.truncated.extend(w.truncated);
    }
    all
}

/// The identity of a real file or directory, however it was reached
/// (through symbolic links, `..`, or a second scenario directory): its
/// device and inode, as `find -L` and ripgrep tell them apart.
type RealId = (u64, u64);

fn real_id(meta: &std::fs::Metadata) -> RealId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Walks scenario directories breadth first, following symbolic links but
/// reading each real directory once and keeping each real file once
/// (under the shallowest, then alphabetically first, path that reaches
/// it), so link cycles end and a file reached along many paths is one
/// scenario, not a clash with itself. Bounded by depth and by the number
/// of entries looked at per directory walked, so no tree can make it slow.
#[derive(Debug)]
pub struct Walker {
    max_depth: usize,
    max_entries: usize,
    dirs: std::collections::HashSet<RealId>,
    files: std::collections::HashSet<RealId>,
}

impl Default for Walker {
    fn default() -> Walker {
        Walker::with_bounds(MAX_DEPTH, MAX_ENTRIES)
    }
}

impl Walker {
    /// A walker with other bounds than the defaults (tests use small ones).
    pub fn with_bounds(max_depth: usize, max_entries: usize) -> Walker {
        Walker { max_depth, max_entries, dirs: Default::default(), files: Default::default() }
    }

    /// Walks `root`: a missing directory is empty; a `*.ron` file is itself.
    pub fn walk(&mut self, root: &Path) -> Walk {
        let mut out = Walk::default();
        match std::fs::metadata(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => out.problems.push(WalkError { path: root.to_path_buf(), error }),
            Ok(meta) if meta.is_dir() => {
                if self.dirs.insert(real_id(&meta)) {
                    self.walk_dir(root, &mut out);
                }
            }
            Ok(meta) => {
                if meta.is_file() && is_ron(root) && self.files.insert(real_id(&meta)) {
                    out.files.push(root.to_path_buf());
                }
            }
        }
        out.files.sort();
        out.problems.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// Breadth first from `root`, which is already marked as seen.
    fn walk_dir(&mut self, root: &Path, out: &mut Walk) {
        let mut queue = std::collections::VecDeque::from([(root.to_path_buf(), 0usize)]);
        let mut budget = self.max_entries;
        let mut too_deep = false;
        while let Some((dir, depth)) = queue.pop_front() {
            let Some((children, more)) = read_sorted(&dir, budget, out) else { continue };
            out.dirs.push(dir);
            budget -= children.len();
            for child in children {
                match self.visit(child, out) {
                    Some(sub) if depth + 1 < self.max_depth => queue.push_back((sub, depth + 1)),
                    Some(_) => too_deep = true,
                    None => {}
                }
            }
            if more {
                out.truncated.push(Truncated { root: root.to_path_buf(), bound: Bound::Entries(self.max_entries) });
                break;
            }
        }
        if too_deep {
            out.truncated.push(Truncated { root: root.to_path_buf(), bound: Bound::Depth(self.max_depth) });
        }
    }

    /// Looks at one entry: keeps a scenario file not seen before; returns
    /// a directory not read before. Links are followed with one `stat`;
    /// other files are judged by their name before any system call.
    fn visit(&mut self, entry: std::fs::DirEntry, out: &mut Walk) -> Option<PathBuf> {
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(k) => k,
            Err(error) => {
                out.problems.push(WalkError { path, error });
                return None;
            }
        };
        if !(kind.is_dir() || kind.is_symlink() || (kind.is_file() && is_ron(&path))) {
            return None;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(error) => {
                out.problems.push(WalkError { path, error });
                return None;
            }
        };
        let id = real_id(&meta);
        if meta.is_dir() {
            return self.dirs.insert(id).then_some(path);
        }
        if meta.is_file() && is_ron(&path) && self.files.insert(id) {
            out.files.push(path);
        }
        None
    }
}

/// At most `limit` entries of `dir`, by name so walks are reproducible,
/// and whether there were more; a problem is recorded and the directory
/// skipped (`None`) or the entry left out.
fn read_sorted(dir: &Path, limit: usize, out: &mut Walk) -> Option<(Vec<std::fs::DirEntry>, bool)> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(error) => {
            out.problems.push(WalkError { path: dir.to_path_buf(), error });
            return None;
        }
    };
    let mut children = Vec::new();
    let mut more = false;
    for entry in read {
        if children.len() == limit {
            more = true;
            break;
        }
        match entry {
            Ok(e) => children.push(e),
            Err(error) => out.problems.push(WalkError { path: dir.to_path_buf(), error }),
        }
    }
    children.sort_by_cached_key(std::fs::DirEntry::file_name);
    Some((children, more))
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "ron")
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
                    notes: Vec::new(),
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

/// A cheap summary of user scenario files (path, size, modification
/// time), to notice edits without re-reading them.
pub type Fingerprint = Vec<(PathBuf, u64, Option<std::time::SystemTime>)>;

#[cfg(test)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    fn touch(path: &Path) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, "x").expect("write");
    }

    /// `levels` directories, each holding three links to the next one, the
    /// last holding `x.ron`: 3^levels paths to one file.
    fn symlinked_tree(root: &Path, levels: usize) -> PathBuf {
        for i in 0..levels {
            let dir = root.join(format!("l{i}"));
            std::fs::create_dir_all(&dir).expect("mkdir");
            for name in ["a", "b", "c"] {
                symlink(format!("../l{}", i + 1), dir.join(name)).expect("symlink");
            }
        }
        touch(&root.join(format!("l{levels}/x.ron")));
        root.join("l0")
    }

    #[test]
    fn a_catalogue_is_told_from_a_scenario_by_what_it_holds() {
        assert!(is_catalogue("Catalogue(traps: [])"));
        assert!(is_catalogue("// my team's traps\n/* v2 */\n#![enable(implicit_some)]\nCatalogue (traps: [])"));
        assert!(!is_catalogue("Scenario(format: 1)"));
        assert!(!is_catalogue("// Catalogue(traps: [])\nScenario(format: 1)"));
        assert!(!is_catalogue(""));
    }

    #[test]
    fn answers_beside_scenarios_are_not_listed_as_scenarios() {
        assert!(is_companion(
            "// weak candidate
{ \"start\": [Pass] }"
        ));
        assert!(is_companion("Catalogue(traps: [])"));
        assert!(!is_companion("Scenario(format: 1)"));
    }

    #[test]
    fn a_file_reached_along_many_symlinked_paths_is_found_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let top = symlinked_tree(tmp.path(), 8);
        let w = walk(&top);
        assert_eq!(w.files, vec![top.join("a/a/a/a/a/a/a/a/x.ron")], "{w:?}");
        assert_eq!(w.dirs.len(), 9, "each real directory read once: {:?}", w.dirs);
        assert!(w.problems.is_empty() && w.truncated.is_empty(), "{w:?}");
    }

    #[test]
    fn link_cycles_end_the_walk_without_a_problem() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        touch(&root.join("a/one.ron"));
        touch(&root.join("b/two.ron"));
        symlink("..", root.join("a/up")).expect("symlink");
        symlink("../b", root.join("a/to-b")).expect("symlink");
        symlink("../a", root.join("b/to-a")).expect("symlink");
        let w = walk(root);
        assert_eq!(w.files, vec![root.join("a/one.ron"), root.join("b/two.ron")]);
        assert!(w.problems.is_empty() && w.truncated.is_empty(), "{w:?}");
    }

    #[test]
    fn overlapping_scenario_dirs_give_each_file_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        touch(&root.join("sub/one.ron"));
        symlink("sub/one.ron", root.join("alias.ron")).expect("symlink");
        let w = walk_all(&[root.to_path_buf(), root.join("sub"), root.join("sub/one.ron")]);
        assert_eq!(w.files, vec![root.join("alias.ron")], "{w:?}");
    }

    #[test]
    fn the_walk_stops_at_its_entry_bound_and_says_so() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for i in 0..10 {
            touch(&tmp.path().join(format!("d{i}/s.ron")));
        }
        let w = Walker::with_bounds(16, 7).walk(tmp.path());
        assert!(w.files.len() <= 7, "{w:?}");
        assert_eq!(w.truncated, vec![Truncated { root: tmp.path().to_path_buf(), bound: Bound::Entries(7) }]);
        assert!(w.notices()[0].contains("after 7 entries"), "{:?}", w.notices());
    }

    #[test]
    fn a_huge_directory_is_not_read_past_the_entry_bound() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for i in 0..50 {
            touch(&tmp.path().join(format!("{i:02}.ron")));
        }
        let w = Walker::with_bounds(16, 20).walk(tmp.path());
        assert_eq!(w.files.len(), 20);
        assert_eq!(w.truncated.len(), 1);
    }

    #[test]
    fn the_walk_stops_at_its_depth_bound_and_says_so() {
        let tmp = tempfile::tempdir().expect("tempdir");
        touch(&tmp.path().join("1/2/shallow.ron"));
        touch(&tmp.path().join("1/2/3/4/5/deep.ron"));
        let w = Walker::with_bounds(3, 100).walk(tmp.path());
        assert_eq!(w.files, vec![tmp.path().join("1/2/shallow.ron")]);
        assert_eq!(w.truncated, vec![Truncated { root: tmp.path().to_path_buf(), bound: Bound::Depth(3) }]);
        assert!(w.notices()[0].contains("more than 3 directories deep"), "{:?}", w.notices());
    }

    #[test]
    fn dangling_links_are_reported_and_missing_dirs_are_empty() {
        let tmp = tempfile::tempdir().expect("tempdir");
        symlink("nowhere.ron", tmp.path().join("gone.ron")).expect("symlink");
        let w = walk(tmp.path());
        assert!(w.files.is_empty());
        assert_eq!(w.problems.len(), 1, "{w:?}");
        assert_eq!(w.problems[0].path, tmp.path().join("gone.ron"));
        let missing = walk(&tmp.path().join("missing"));
        assert!(missing.files.is_empty() && missing.problems.is_empty() && missing.dirs.is_empty());
    }
}
