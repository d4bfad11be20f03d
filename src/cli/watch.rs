//! `hotseat check --watch PATH...`: check, then check again on every save.
//!
//! Directories are watched recursively and files through their directory,
//! since editors often save by writing a new file and renaming it over the
//! old one, which a watch on the file itself would lose. Only writes,
//! creations, renames and removals of `*.ron` paths (and of the exact
//! files named) count: editors' swap and backup files do not trigger runs,
//! and neither does the check itself opening the files to read them, which
//! is why this uses `notify` with its event kinds rather than a debouncer
//! that drops them. Changes are debounced for 150 ms: one save that
//! touches a file several times gives one run. On a terminal the
//! screen is cleared before each run; otherwise runs are separated by a
//! line. Ctrl-C (or SIGTERM) stops it with exit 0.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use std::time::Instant;

use notify::{RecursiveMode, Watcher};

use super::{EXIT_USAGE, out};
use crate::text::one_line;
use crate::tr;

/// How long changes must settle before a run.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// How often the loop looks at the Ctrl-C flag.
const POLL: Duration = Duration::from_millis(50);
/// Between runs when stdout is not a terminal.
/// Clear the screen and home the cursor.
const CLEAR: &str = "\x1b[2J\x1b[H";

/// What to watch: directories (recursively) and single files.
struct Targets {
    dirs: Vec<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Targets {
    fn of(paths: &[PathBuf]) -> Targets {
        let mut t = Targets { dirs: Vec::new(), files: HashSet::new() };
        for p in paths {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            if abs.is_dir() {
                t.dirs.push(abs.canonicalize().unwrap_or(abs));
            } else {
                // A file (or one not there yet): watch it through its directory.
                let dir = abs.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
                let dir = dir.canonicalize().unwrap_or(dir);
                t.files.insert(abs.file_name().map_or_else(|| dir.clone(), |name| dir.join(name)));
            }
        }
        t
    }

    /// Whether `event` changes a watched file's content or presence.
    fn wants_event(&self, event: &notify::Event) -> bool {
        crate::library::is_content_change(&event.kind) && event.paths.iter().any(|p| self.wants(p))
    }

    /// Whether a change at `path` is one a re-check should see.
    fn wants(&self, path: &Path) -> bool {
        self.files.contains(path)
            || (path.extension().is_some_and(|e| e == "ron") && self.dirs.iter().any(|d| path.starts_with(d)))
    }
}

/// Runs `check` once, then again after every relevant change.
pub fn run(args: &super::check::Args, paths: &[PathBuf]) -> std::io::Result<u8> {
    let ui = args.lang();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let targets = Targets::of(paths);
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("hotseat: {}", tr!(ui, "watch-cannot-watch", error = one_line(&e.to_string())));
            return Ok(EXIT_USAGE);
        }
    };
    let file_dirs: HashSet<PathBuf> = targets.files.iter().filter_map(|f| f.parent().map(Path::to_path_buf)).collect();
    let watches = targets
        .dirs
        .iter()
        .map(|d| (d, RecursiveMode::Recursive))
        .chain(file_dirs.iter().map(|d| (d, RecursiveMode::NonRecursive)));
    for (dir, mode) in watches {
        if let Err(e) = watcher.watch(dir, mode) {
            let shown = one_line(&dir.display().to_string());
            eprintln!(
                "hotseat: {}",
                tr!(ui, "watch-cannot-watch-path", path = shown.as_str(), error = one_line(&e.to_string()))
            );
            return Ok(EXIT_USAGE);
        }
    }
    let terminal = std::io::stdout().is_terminal();
    if terminal {
        out::control(CLEAR)?;
    }
    eprintln!("hotseat: {}", tr!(ui, "watch-watching"));
    super::check::check_once(args)?;
    // When the last relevant change arrived, while a run is pending.
    let mut pending: Option<Instant> = None;
    while !stop.load(Ordering::Relaxed) {
        match rx.recv_timeout(POLL) {
            Ok(Ok(event)) if targets.wants_event(&event) => pending = Some(Instant::now()),
            Ok(Ok(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Ok(Err(e)) => eprintln!("hotseat: {}", tr!(ui, "watch-error", error = one_line(&e.to_string()))),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if pending.is_some_and(|at| at.elapsed() >= DEBOUNCE) {
            pending = None;
            if terminal {
                out::control(CLEAR)?
            } else {
                out::print(&format!("{}\n", tr!(ui, "watch-separator")))?
            };
            super::check::check_once(args)?;
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scenario_files_and_named_files_count() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        let file = dir.path().join("one.txt");
        std::fs::write(&file, "x").expect("write");
        let t = Targets::of(&[sub.clone(), file.clone()]);
        let sub = sub.canonicalize().expect("exists");
        let root = dir.path().canonicalize().expect("exists");
        assert!(t.wants(&sub.join("a.ron")));
        assert!(t.wants(&sub.join("deep/b.ron")));
        assert!(!t.wants(&sub.join(".a.ron.swp")));
        assert!(!t.wants(&sub.join("a.ron~")));
        assert!(t.wants(&root.join("one.txt")));
        assert!(!t.wants(&root.join("other.ron")));
    }
}
