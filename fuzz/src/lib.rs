//! What the fuzz targets share: the bundled catalogue, detector and
//! scenarios, built once per process, since building them costs far more
//! than one fuzz input.

use std::sync::{Arc, LazyLock};

use hotseat::assess::Detector;
use hotseat::library::BUNDLED;
use hotseat::scenario::load::check_bytes;
use hotseat::session::Compiled;
use hotseat::traps::Catalogue;

/// The bundled trap catalogue, as `hotseat check` and `assess` see it with
/// no user catalogue.
pub fn catalogue() -> &'static Catalogue {
    static CAT: LazyLock<Catalogue> = LazyLock::new(|| {
        isolate();
        hotseat::traps::load(None).0
    });
    &CAT
}

/// The bundled catalogue's detector.
pub fn detector() -> &'static Detector {
    static DET: LazyLock<Detector> =
        LazyLock::new(|| Detector::new(catalogue()).unwrap_or_else(|e| panic!("bundled catalogue: {e}")));
    &DET
}

/// Every bundled scenario, compiled, in [`BUNDLED`] order.
pub fn scenarios() -> &'static [Arc<Compiled>] {
    static ALL: LazyLock<Vec<Arc<Compiled>>> = LazyLock::new(|| {
        BUNDLED
            .iter()
            .map(|(name, src)| {
                let checked = check_bytes(name, src.as_bytes(), catalogue());
                let sc = checked.runnable().cloned().unwrap_or_else(|| panic!("bundled {name} has errors"));
                Compiled::new(sc, catalogue().clone()).unwrap_or_else(|e| panic!("bundled {name}: {e}"))
            })
            .collect()
    });
    &ALL
}

/// The core's small test scenario (tests/fixtures/session-core.ron: every
/// answer kind, both timeout rules, short limits) and a variant of it whose
/// two timed questions send each other on timeout, with no session limit:
/// fast to run and quick to reach the timeout paths the bundled ones
/// rarely do.
pub fn fixtures() -> &'static [Arc<Compiled>] {
    static ALL: LazyLock<Vec<Arc<Compiled>>> = LazyLock::new(|| {
        let core = include_str!("../../tests/fixtures/session-core.ron");
        let cycle = core
            .replace(" session_limit_s: 600,", "")
            .replace("limit_s: 30, answer: Numeric", "limit_s: 30, on_timeout: Goto(\"open\"), answer: Numeric");
        [core.to_string(), cycle]
            .iter()
            .map(|src| {
                let checked = check_bytes("fixture", src.as_bytes(), catalogue());
                let sc = checked.runnable().cloned().unwrap_or_else(|| panic!("fixture has errors: {src}"));
                Compiled::new(sc, catalogue().clone()).unwrap_or_else(|e| panic!("fixture: {e}"))
            })
            .collect()
    });
    &ALL
}

/// The compiled bundled scenario whose text is exactly `source`, if any:
/// lets a target skip recompiling what it has already compiled.
pub fn bundled_by_source(source: &str) -> Option<Arc<Compiled>> {
    BUNDLED.iter().position(|(_, src)| *src == source).map(|i| scenarios()[i].clone())
}

/// A private, empty data directory for this process, so nothing from the
/// user's (a `traps.ron`, sessions) leaks into a run, and files a target
/// writes land somewhere disposable.
pub fn data_dir() -> &'static std::path::Path {
    static DIR: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
        let dir = std::env::temp_dir().join(format!("hotseat-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        // SAFETY: set once, before any other thread of this process reads
        // the environment (libFuzzer runs the target on one thread).
        unsafe { std::env::set_var("HOTSEAT_DATA_DIR", &dir) };
        dir
    });
    &DIR
}

/// Points `HOTSEAT_DATA_DIR` at [`data_dir`].
pub fn isolate() {
    let _ = data_dir();
}

/// Whether `r` is a valid range of `text` to slice with.
pub fn is_slice(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
}
