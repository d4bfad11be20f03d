//! Reading and writing files the app does not fully control, safely.
//!
//! Writing under the data directory is private: directories are created
//! 0700 and files 0600, set when they are created rather than by chmod
//! afterwards, so there is no moment when others could read them.
//!
//! No write follows a symbolic link the app did not create: whole files are
//! written to a temporary file in the same directory and renamed over the
//! destination ([`replace_private`]), which replaces a link rather than
//! writing through it; appends open with `O_NOFOLLOW` ([`append_private`]).
//!
//! Reading a file named by a directory listing never blocks or balloons:
//! [`read_regular`] opens with `O_NONBLOCK` (a FIFO cannot hang the open),
//! insists on a regular file after opening (`fstat`, so nothing can be
//! swapped in between) and reads at most a given number of bytes.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};

/// Creates `dir` and its missing parents with mode 0700.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let mut b = DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    b.mode(0o700);
    b.create(dir)
}

/// Creates `dir` (0700) for files the user asked for, and refuses an
/// existing one that is not a directory or belongs to another user: files
/// put there could be read or swapped by its owner.
pub fn own_dir(dir: &Path) -> io::Result<()> {
    private_dir(dir)?;
    let meta = std::fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::other(format!("{} is not a directory", dir.display())));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me {
            return Err(io::Error::other(format!(
                "{} belongs to another user (uid {}); choose a directory of your own",
                dir.display(),
                meta.uid()
            )));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` privately (0600), creating its directory:
/// through a temporary file renamed into place, see [`replace_private`].
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = parent(path) {
        private_dir(dir)?;
    }
    replace_private(path, |w| w.write_all(bytes))
}

/// The directory a path's file lives in, if the path names one.
fn parent(path: &Path) -> Option<&Path> {
    path.parent().filter(|d| !d.as_os_str().is_empty())
}

/// Replaces `path` with what `write` produces, atomically: the bytes go to
/// a new private (0600) temporary file in the same directory, which is
/// synced and renamed over `path` only if `write` succeeded. Readers see
/// the old file or the whole new one, never a part; a failure leaves the
/// old file as it was; and a symbolic link at `path` is replaced, never
/// written through. The directory must exist.
pub fn replace_private<T>(path: &Path, write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>) -> io::Result<T> {
    let (tmp, file) = temp_beside(path)?;
    let result = (|| {
        let mut w = BufWriter::new(file);
        let value = write(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(value)
    })();
    match result {
        Ok(v) => {
            sync_dir(parent(path).unwrap_or(Path::new(".")));
            Ok(v)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// A new, exclusively created, private temporary file next to `path`.
fn temp_beside(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    let dir = parent(path).unwrap_or(Path::new("."));
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        let mut o = OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        o.mode(0o600);
        match o.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!("cannot create a temporary file in {}", dir.display())))
}

/// Makes a rename in `dir` survive a power cut (best effort).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Opens `path` for appending, creating it 0600 if `create`; never through a
/// symbolic link (the open fails instead).
pub fn append_private(path: &Path, create: bool) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).append(true).create(create);
    #[cfg(unix)]
    o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    o.open(path).map_err(|e| explain_link(path, e))
}

/// `O_NOFOLLOW` reports a link as "too many levels of symbolic links";
/// say what it means.
fn explain_link(path: &Path, e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return io::Error::other(format!("{} is a symbolic link; refusing to follow it", path.display()));
    }
    let _ = path;
    e
}

/// Why [`read_regular`] would not read a file.
#[derive(Debug, thiserror::Error)]
pub enum ReadLimitError {
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Opens `path` read-only without blocking and without following a final
/// symbolic link unless `follow`, and returns the file if it is a regular one.
pub fn open_regular(path: &Path, follow: bool) -> Result<File, ReadLimitError> {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    o.custom_flags(libc::O_NONBLOCK | if follow { 0 } else { libc::O_NOFOLLOW });
    let file = match o.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) && !follow => {
            return Err(ReadLimitError::NotRegular("a symbolic link"));
        }
        Err(e) => return Err(e.into()),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadLimitError::NotRegular(kind_of(&meta.file_type())));
    }
    Ok(file)
}

/// Reads a whole regular file of at most `limit` bytes (see [`open_regular`]).
pub fn read_regular(path: &Path, follow: bool, limit: u64) -> Result<Vec<u8>, ReadLimitError> {
    read_opened(open_regular(path, follow)?, limit)
}

/// Reads a whole file already opened by [`open_regular`], at most `limit`
/// bytes: for a caller that looked at the open file first (its size, its
/// lock) and must read the very file it looked at.
pub fn read_opened(file: File, limit: u64) -> Result<Vec<u8>, ReadLimitError> {
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadLimitError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow while being read (a live session): stop at the limit.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadLimitError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// A file type in words, for messages.
pub fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn files_and_dirs_are_private() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("a/b/c.md");
        write_private(&path, b"x").expect("writes");
        let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&tmp.path().join("a/b")), 0o700);
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
    }

    #[test]
    fn replacing_a_symlinked_file_leaves_its_target_alone() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("outside.txt");
        std::fs::write(&target, "precious").expect("writes");
        let link = tmp.path().join("out.md");
        std::os::unix::fs::symlink(&target, &link).expect("links");
        write_private(&link, b"new").expect("writes");
        assert_eq!(std::fs::read_to_string(&target).expect("reads"), "precious");
        assert!(!std::fs::symlink_metadata(&link).expect("exists").file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&link).expect("reads"), "new");
    }

    #[test]
    fn a_failed_replace_keeps_the_old_file_and_leaves_no_temporary() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("keep.md");
        std::fs::write(&path, "old").expect("writes");
        let r: io::Result<()> = replace_private(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "old");
        assert_eq!(std::fs::read_dir(tmp.path()).expect("lists").count(), 1, "no temporary left");
    }

    #[test]
    fn appending_never_follows_a_symlink() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("outside.txt");
        std::fs::write(&target, "precious").expect("writes");
        let link = tmp.path().join("x.annotations.jsonl");
        std::os::unix::fs::symlink(&target, &link).expect("links");
        let e = append_private(&link, true).expect_err("refused");
        assert!(e.to_string().contains("symbolic link"), "{e}");
    }

    #[test]
    fn reading_refuses_fifos_directories_links_and_big_files_without_blocking() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let fifo = tmp.path().join("f.session");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("no NUL");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_regular(&fifo, false, 10), Err(ReadLimitError::NotRegular("a FIFO"))));
        assert!(matches!(read_regular(tmp.path(), false, 10), Err(ReadLimitError::NotRegular("a directory"))));
        let big = tmp.path().join("big");
        std::fs::write(&big, [b'x'; 11]).expect("writes");
        assert!(matches!(read_regular(&big, false, 10), Err(ReadLimitError::TooLarge { size: 11, limit: 10 })));
        let link = tmp.path().join("l");
        std::os::unix::fs::symlink(&big, &link).expect("links");
        assert!(matches!(read_regular(&link, false, 100), Err(ReadLimitError::NotRegular("a symbolic link"))));
        assert_eq!(read_regular(&link, true, 100).expect("follows when asked").len(), 11);
    }
}
