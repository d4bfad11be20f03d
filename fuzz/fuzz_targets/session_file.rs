//! Arbitrary bytes as a session file, read the way every command that takes
//! one reads it (lossy UTF-8, then `reader::parse`); what parses is folded
//! to its final state (as `debrief` and `resume` do), opened for replay and
//! seeked (as `replay` does), and debriefed. Anything after a line
//! `--annotations--` is the session's annotation sidecar, read by the
//! replay. The scenario a file carries is compiled from its own text unless
//! it is exactly a bundled one (then the compiled copy is reused: compiling
//! the big bundled scenarios costs more than the rest of the run).
#![no_main]

use hotseat::assess::debrief;
use hotseat::record::annotations;
use hotseat::record::reader::{Folder, Recording, parse};
use hotseat::record::replay::Replay;
use hotseat::session::State;
use hotseat_fuzz::{bundled_by_source, data_dir};
use libfuzzer_sys::fuzz_target;

const SEPARATOR: &[u8] = b"\n--annotations--\n";

fuzz_target!(|data: &[u8]| {
    let (session, notes) = match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(i) => (&data[..i], Some(&data[i + SEPARATOR.len()..])),
        None => (data, None),
    };
    let path = data_dir().join("fuzz.session");
    let sidecar = annotations::sidecar(&path);
    match notes {
        Some(bytes) => std::fs::write(&sidecar, bytes).unwrap_or_else(|e| panic!("cannot write the sidecar: {e}")),
        None => {
            let _ = std::fs::remove_file(&sidecar);
        }
    }
    let notes = annotations::read(&path);
    assert!(notes.windows(2).all(|w| w[0].at_ms <= w[1].at_ms), "annotations out of order");

    let text = String::from_utf8_lossy(session);
    let Ok(rec) = parse(&path, &text) else { return };
    let times: Vec<u64> = rec.lines.iter().map(|l| l.at_ms()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "line times go backwards: {times:?}");
    let _ = (rec.end(), rec.events().count(), rec.last_ms(), rec.status());

    let Some(state) = fold(&rec) else { return };
    let d = debrief::build(&state);
    let md = debrief::markdown(&d);
    let _ = debrief::text(&md);

    // The replay compiles the scenario itself: only for the bundled ones'
    // small edits is that worth its cost here.
    if bundled_by_source(&rec.header.source).is_some() {
        replay(rec, &state);
    }
});

/// The state at the end of the file, as `Recording::fold` builds it.
fn fold(rec: &Recording) -> Option<State> {
    let Some(compiled) = bundled_by_source(&rec.header.source) else {
        return rec.fold().ok();
    };
    let mut s = State::new(compiled, rec.header.seed, rec.header.pace);
    Folder::new(&rec.lines).apply(&mut s, &rec.lines, 0, rec.lines.len());
    Some(s)
}

/// Opens the replay and seeks around; the end of the replay is the fold.
fn replay(rec: Recording, folded: &State) {
    let Ok(r) = Replay::new(rec) else { return };
    let (first, last) = r.span();
    assert!(first <= last);
    for at in [first, first + (last - first) / 3, last / 2, last, last.saturating_add(1), u64::MAX] {
        let s = r.state_at(at);
        let d = r.to_display(at);
        assert!(d <= r.display_len() || at > last, "display time {d} past the end {}", r.display_len());
        let back = r.from_display(d);
        assert!(back <= last, "display {d} maps past the end");
        let _ = s.elapsed_ms();
    }
    let end = r.state_at(last);
    assert_eq!(end.turns.len(), folded.turns.len(), "replay's end differs from the fold");
    assert_eq!(end.answer_text(), folded.answer_text(), "replay's end differs from the fold");
}
