//! Where hotseat keeps its files: `HOTSEAT_DATA_DIR`, else the platform's
//! data directory (e.g. `~/.local/share/hotseat` on Linux).

use std::path::PathBuf;

/// The data directory, or `None` when neither the variable nor a home
/// directory is available.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HOTSEAT_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "hotseat").map(|p| p.data_dir().to_path_buf())
}

/// Directories searched for user scenarios: `<data dir>/scenarios` and each
/// entry of the colon-separated `HOTSEAT_SCENARIO_PATH`.
pub fn scenario_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = data_dir().map(|d| d.join("scenarios")).into_iter().collect();
    if let Some(extra) = std::env::var_os("HOTSEAT_SCENARIO_PATH") {
        dirs.extend(std::env::split_paths(&extra).filter(|p| !p.as_os_str().is_empty()));
    }
    dirs
}

/// The user's own trap catalogue, which adds to the bundled one.
pub fn user_catalogue() -> Option<PathBuf> {
    data_dir().map(|d| d.join("traps.ron"))
}
