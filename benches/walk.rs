//! Walks the scenario directories of hostile shapes and prints the median
//! time of each: a tree of symbolic links with 3^11 paths to one file
//! (11 levels, three links per level to the next), a directory of 50,000
//! entries (over the walk's 10,000-entry bound), and 200 real scenario
//! folders of 20 files. Goal: the symlinked tree costs what one real
//! file does, and no directory costs more than the 10,000 entries the walk
//! is bounded to.
//!
//! Run: `cargo bench --bench walk`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hotseat::library::walk_all;

#[path = "../tests/support/symlink_tree.rs"]
mod symlink_tree;
use symlink_tree::symlinked_tree;

fn flat(root: &Path, n: usize) -> PathBuf {
    let dir = root.join("flat");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for i in 0..n {
        std::fs::File::create(dir.join(format!("{i}.txt"))).expect("create");
    }
    dir
}

fn folders(root: &Path, dirs: usize, files: usize) -> PathBuf {
    let top = root.join("folders");
    for d in 0..dirs {
        let dir = top.join(format!("team-{d}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in 0..files {
            std::fs::write(dir.join(format!("s{f}.ron")), "x").expect("write");
        }
    }
    top
}

fn median(root: &Path, runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let w = walk_all(&[root.to_path_buf()]);
        times.push(t.elapsed());
        found = w.files.len();
    }
    times.sort();
    (times[times.len() / 2], found)
}

fn main() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("3^11 symlinked paths to one file", symlinked_tree(&tmp.path().join("tree"), 11, "x")),
        ("50,000 entries in one directory", flat(tmp.path(), 50_000)),
        ("200 folders x 20 scenarios", folders(tmp.path(), 200, 20)),
    ];
    for (name, root) in &cases {
        let (t, found) = median(root, 9);
        println!("{name:<36} {:>8.2} ms  ({found} files found)", t.as_secs_f64() * 1000.0);
    }
}
