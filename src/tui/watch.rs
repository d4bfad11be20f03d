//! The picker's watch on the scenario directories: the list reloads when a
//! scenario file is added, removed or saved, without rescanning anything
//! while nothing changes (a rescan every second cost 13-18 % of a core with
//! `HOTSEAT_SCENARIO_PATH=/usr`).
//!
//! Each directory the last walk read is watched on its own, not
//! recursively: `notify`'s recursive watch follows every path through
//! symbolic links, the very walk the library bounds. A scenario directory
//! not there yet is watched through its nearest existing parent, so
//! creating it is noticed. Any change there starts a timer; when changes
//! settle (150 ms, as `check --watch`), the runtime walks again, reloads if
//! the files' fingerprint changed, and the watch follows the directories
//! now there. Opening and reading files (the walk itself) is not a change.
//!
//! When watching is impossible (too many directories for the inotify
//! limit, no inotify), the picker says so and looks every 10 s instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use crate::text::one_line;

/// How long changes must settle before a rescan.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// Between rescans when the directories cannot be watched.
pub const POLL: Duration = Duration::from_secs(10);

enum Mode {
    Watching(RecommendedWatcher),
    Polling,
}

/// A watch on the scenario directories, or the slow poll that stands in.
pub struct ScenarioWatch {
    roots: Vec<PathBuf>,
    mode: Mode,
    watched: HashSet<PathBuf>,
    events: UnboundedReceiver<notify::Result<notify::Event>>,
    /// When the next rescan is due: changes settled, or the next poll.
    due: Option<Instant>,
    /// Why the directories are polled rather than watched, for the picker.
    pub problem: Option<String>,
}

impl ScenarioWatch {
    /// Watches `dirs` (what the last walk of `roots` read) and the nearest
    /// existing parent of each root that is missing.
    pub fn start(roots: Vec<PathBuf>, dirs: &[PathBuf]) -> ScenarioWatch {
        let (tx, events) = unbounded_channel();
        let watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when the picker is: nothing to tell.
            let _ = tx.send(event);
        });
        let mut w =
            ScenarioWatch { roots, mode: Mode::Polling, watched: HashSet::new(), events, due: None, problem: None };
        match watcher {
            Ok(watcher) => {
                w.mode = Mode::Watching(watcher);
                w.follow(dirs);
            }
            Err(e) => w.fall_back(&e),
        }
        w
    }

    /// Whether a rescan is due at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due.is_some_and(|at| at <= now)
    }

    /// When the runtime must wake for a rescan, if one is pending.
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// Asks for a rescan after the usual settling time.
    pub fn poke(&mut self) {
        self.due = Some(Instant::now() + DEBOUNCE);
    }

    /// Waits for a relevant change and schedules the rescan; never returns
    /// while polling.
    pub async fn changed(&mut self) {
        loop {
            if !matches!(self.mode, Mode::Watching(_)) {
                return std::future::pending().await;
            }
            match self.events.recv().await {
                Some(Ok(event)) if !relevant(&event) => continue,
                // An error may mean lost events: look again.
                Some(_) => {
                    self.poke();
                    return;
                }
                None => return std::future::pending().await,
            }
        }
    }

    /// After a rescan: watch the directories it read, and stop waiting (or
    /// wait for the next poll).
    pub fn rescanned(&mut self, dirs: &[PathBuf]) {
        self.due = None;
        self.follow(dirs);
        if matches!(self.mode, Mode::Polling) {
            self.due = Some(Instant::now() + POLL);
        }
    }

    /// Makes the watched set `dirs` plus the stand-ins for missing roots.
    fn follow(&mut self, dirs: &[PathBuf]) {
        let Mode::Watching(watcher) = &mut self.mode else { return };
        let mut wanted: HashSet<PathBuf> = dirs.iter().cloned().collect();
        wanted.extend(self.roots.iter().filter(|r| !r.is_dir()).filter_map(|r| nearest_existing(r)));
        for gone in self.watched.difference(&wanted) {
            // Already gone with its directory, most likely: nothing to do.
            let _ = watcher.unwatch(gone);
        }
        let mut failure = None;
        for dir in wanted.difference(&self.watched) {
            if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
                // A directory removed since the walk is not a failure.
                if dir.is_dir() {
                    failure = Some(e);
                    break;
                }
            }
        }
        self.watched = wanted;
        if let Some(e) = failure {
            self.fall_back(&e);
        }
    }

    /// Stops watching and polls instead, saying why.
    fn fall_back(&mut self, e: &notify::Error) {
        self.mode = Mode::Polling;
        self.watched.clear();
        self.due = Some(Instant::now() + POLL);
        self.problem = Some(crate::tr!(
            crate::i18n::ui(),
            "status-not-watching",
            error = one_line(&e.to_string()),
            secs = POLL.as_secs()
        ));
    }
}

/// Whether an event can change the list: a creation, removal, rename or
/// write of a scenario file or of something that may be a directory (no
/// extension). Reading (the walk opens every directory) and metadata
/// changes do not count, nor do editors' swap and backup files.
fn relevant(event: &notify::Event) -> bool {
    if event.need_rescan() {
        return true;
    }
    crate::library::is_content_change(&event.kind)
        && event.paths.iter().any(|p| p.extension().is_none_or(|x| x == "ron"))
}

/// The nearest existing directory at or above `path`.
fn nearest_existing(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    abs.ancestors().find(|a| a.is_dir()).map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use notify::event::{AccessKind, CreateKind, DataChange, EventKind, MetadataKind, ModifyKind, RemoveKind};

    use super::*;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_changes_to_scenario_files_and_directories_count() {
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(relevant(&event(EventKind::Create(CreateKind::File), "/s/a.ron")));
        assert!(relevant(&event(EventKind::Remove(RemoveKind::Folder), "/s/sub")));
        assert!(relevant(&event(write, "/s/a.ron")));
        assert!(!relevant(&event(write, "/s/.a.ron.swp")));
        assert!(!relevant(&event(write, "/s/a.ron~")));
        assert!(!relevant(&event(EventKind::Access(AccessKind::Any), "/s/a.ron")));
        assert!(!relevant(&event(EventKind::Access(AccessKind::Any), "/s")));
        assert!(!relevant(&event(EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)), "/s/a.ron")));
    }

    #[test]
    fn a_watch_with_nothing_changing_never_asks_for_a_rescan() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let w = ScenarioWatch::start(vec![tmp.path().to_path_buf()], &[tmp.path().to_path_buf()]);
        assert!(w.problem.is_none(), "{:?}", w.problem);
        assert_eq!(w.due(), None, "no rescan is scheduled while nothing changes");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_new_file_and_a_new_scenario_dir_are_noticed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("scenarios");
        let mut w = ScenarioWatch::start(vec![root.clone()], &[]);
        assert!(w.watched.contains(tmp.path()), "the missing root is watched through its parent");
        std::fs::create_dir(&root).expect("mkdir");
        let limit = Duration::from_secs(30);
        tokio::time::timeout(limit, w.changed()).await.expect("the new directory is noticed");
        assert!(w.due().is_some());
        w.rescanned(std::slice::from_ref(&root));
        assert!(w.watched.contains(&root) && w.due().is_none());
        std::fs::write(root.join("mine.ron"), "x").expect("writes");
        tokio::time::timeout(limit, w.changed()).await.expect("the new file is noticed");
    }

    #[test]
    fn polling_stands_in_when_watching_fails() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut w = ScenarioWatch::start(vec![tmp.path().to_path_buf()], &[]);
        w.fall_back(&notify::Error::generic("too many watches"));
        assert!(w.problem.as_deref().is_some_and(|p| p.contains("every 10 s")), "{:?}", w.problem);
        let due = w.due().expect("a poll is scheduled");
        assert!(due >= Instant::now() + POLL - Duration::from_secs(1), "not sooner than the poll interval");
        w.rescanned(&[]);
        assert!(w.due().is_some(), "polling goes on");
    }
}
