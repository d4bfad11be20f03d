//! A directory tree with 3^levels symlinked paths to one file, for the
//! walker's test and bench. Used with `#[path = ".../symlink_tree.rs"]`.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

/// `levels` directories, each holding three links to the next one, the
/// last holding `x.ron` with `contents`: 3^levels paths to one file.
pub fn symlinked_tree(root: &Path, levels: usize, contents: &str) -> PathBuf {
    for i in 0..levels {
        let dir = root.join(format!("l{i}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        for name in ["a", "b", "c"] {
            symlink(format!("../l{}", i + 1), dir.join(name)).expect("symlink");
        }
    }
    let last = root.join(format!("l{levels}"));
    std::fs::create_dir_all(&last).expect("mkdir");
    std::fs::write(last.join("x.ron"), contents).expect("write");
    root.join("l0")
}
