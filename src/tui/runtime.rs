//! The event loop: one `select!` over terminal input, the next moment the
//! screen changes, and signals. It turns what happens into actions for the
//! [`App`] and redraws only when something visible changed. No busy loop:
//! when the terminal goes away it restores what it can and exits.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event as TermEvent;
use tokio::time::sleep_until;

use super::app::{App, Screen};
use super::input::{Input, terminal_gone};
use super::keymap;
use super::terminal::{self, Signals, TerminalGuard};
use super::views;
use super::watch::ScenarioWatch;
use crate::record::{Line, Recorder};
use crate::session::EventKind;

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user left.
    Normal,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal went away (closed tty, input error, orphaned).
    Gone,
}

/// How the runtime records what happens.
pub struct Recording {
    /// Record sessions this run starts (`--no-record` turns it off).
    pub enabled: bool,
    /// An open recording to append to (when resuming).
    pub recorder: Option<Recorder>,
}

/// The monotonic clock every event is stamped with: ms since `t0`, plus
/// `base` (a resumed session carries on from its last recorded time).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub t0: Instant,
    pub base: u64,
}

impl Clock {
    pub fn now_ms(&self) -> u64 {
        self.base + self.t0.elapsed().as_millis() as u64
    }

    fn instant_at(&self, ms: u64) -> Instant {
        self.t0 + Duration::from_millis(ms.saturating_sub(self.base))
    }
}

/// Runs the app full-screen until it quits.
pub fn run(app: App, clock: Clock, recording: Recording) -> io::Result<Exit> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(event_loop(app, clock, recording))
}

/// What the clocks on screen show; redraw on a tick only when it changes.
fn clock_face(app: &App) -> Option<(u64, Option<i64>)> {
    let s = app.session()?;
    Some((s.elapsed_ms() / 1000, s.remaining_ms().map(|r| r.div_euclid(1000))))
}

/// When to wake up next without input: the next visible change of a
/// running clock, a due rescan of the scenario folders, and at least once
/// a second to check the terminal is still there (which costs nothing).
fn next_wake(app: &App, clock: Clock, watch: Option<&ScenarioWatch>) -> Instant {
    let watchdog = Instant::now() + Duration::from_secs(1);
    let change = match &app.screen {
        Screen::Session(s) => s.next_change().and_then(|ms| s.monotonic_at(ms)).map(|at| clock.instant_at(at)),
        _ => None,
    };
    [change, watch.and_then(ScenarioWatch::due)].into_iter().flatten().fold(watchdog, Instant::min)
}

/// Waits for a change in the scenario folders, when they are watched.
async fn folder_change(watch: Option<&mut ScenarioWatch>) {
    match watch {
        Some(w) => w.changed().await,
        None => std::future::pending().await,
    }
}

/// Walks the scenario folders again for the picker, and watches what the
/// walk read. Off the picker nothing is walked: coming back to it does.
fn rescan(app: &mut App, watch: &mut ScenarioWatch) -> bool {
    if !matches!(app.screen, Screen::Picker(_)) {
        watch.rescanned(&[]);
        return false;
    }
    let scan = crate::library::scan();
    watch.rescanned(&scan.dirs);
    let problem = watch.problem.clone();
    app.refresh_picker(scan, problem.as_deref())
}

/// The watch on the scenario folders, for a run that shows the picker.
fn start_watch(app: &mut App) -> Option<ScenarioWatch> {
    let Screen::Picker(p) = &mut app.screen else { return None };
    let mut watch = ScenarioWatch::start(crate::paths::scenario_dirs(), &p.dirs);
    p.notices.extend(watch.problem.clone());
    // A file written between the first walk and the watch being armed
    // would be missed until the next change: walk once more, now.
    watch.poke();
    Some(watch)
}

async fn event_loop(mut app: App, clock: Clock, mut rec: Recording) -> io::Result<Exit> {
    // Before the terminal changes: a signal in between would leave it raw.
    let mut signals = Signals::new()?;
    let (guard, mut term) = TerminalGuard::enter()?;
    let mut events = Input::spawn()?;
    app.unrecorded = !rec.enabled;
    let mut dirty = true;
    let mut face = clock_face(&app);
    let mut watch: Option<ScenarioWatch> = None;
    let mut watch_started = false;
    let mut on_picker = true;
    let exit = loop {
        // Back on the picker (Esc from the ready screen): the folders may
        // have changed meanwhile, and the watch must follow them again.
        let picker_now = matches!(app.screen, Screen::Picker(_));
        if picker_now
            && !on_picker
            && let Some(w) = &mut watch
        {
            w.poke();
        }
        on_picker = picker_now;
        if app.lang_changed {
            app.lang_changed = false;
            crate::i18n::set_ui(crate::i18n::Choice { lang: app.lang, explicit: true });
            if let Err(e) = crate::config::remember_lang(app.lang) {
                let error = crate::text::one_line(&e.to_string());
                app.status = Some(crate::tr!(app.lang, "status-lang-not-kept", error = error));
            }
            dirty = true;
        }
        if app.export {
            app.export = false;
            app.overlay = None;
            let (saved, message) = export(&app);
            app.debrief_saved |= saved;
            app.status = Some(message);
            dirty = true;
        }
        if let Ok(size) = term.size() {
            // A session that starts (or resumes) in a terminal too small to
            // show its question pauses at once, as a resize to it would.
            let too_small = size.width < views::MIN_WIDTH || size.height < views::MIN_HEIGHT;
            if too_small != app.too_small {
                app.resized(size.width, size.height, too_small, clock.now_ms());
                dirty = true;
            }
            app.size = (size.width, size.height);
        }
        if dirty {
            term.draw(|f| views::render(&app, f))?;
            dirty = false;
            terminal::panic_for_tests();
            // Now that something is on screen, compile the answer rules.
            if let Some(s) = app.session() {
                s.compiled.warm();
            }
        }
        // After the first frame: arming one watch per directory must not
        // delay it. A problem with the watch is news for the picker.
        if !watch_started {
            watch_started = true;
            watch = start_watch(&mut app);
            if watch.as_ref().is_some_and(|w| w.problem.is_some()) {
                dirty = true;
                continue;
            }
        }
        // After drawing: creating the recording syncs to disk, which must
        // not delay the first frame.
        save(&mut app, &mut rec);
        if app.quit {
            break Exit::Normal;
        }
        if app.suspend {
            app.suspend = false;
            terminal::suspend(&mut term)?;
            dirty = true;
            continue;
        }
        let wake = next_wake(&app, clock, watch.as_ref());
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => dirty |= on_terminal_event(&mut app, ev, clock.now_ms()),
                Some(Err(_)) | None => break Exit::Gone,
            },
            () = sleep_until(wake.into()) => {
                if terminal_gone() {
                    break Exit::Gone;
                }
                app.tick(clock.now_ms());
                if let Some(w) = watch.as_mut().filter(|w| w.is_due(Instant::now())) {
                    dirty |= rescan(&mut app, w);
                }
                let new_face = clock_face(&app);
                dirty |= new_face != face;
                face = new_face;
            }
            () = folder_change(watch.as_mut()) => {}
            n = signals.recv() => break Exit::Signal(n),
        }
    };
    // Settle the session at the moment we stop (timeouts that fell due),
    // and write what is left; an unfinished session stays resumable.
    app.tick(clock.now_ms());
    save(&mut app, &mut rec);
    drop(guard);
    Ok(exit)
}

/// Appends what the session core was fed to the recording, starting the
/// recording when a session's clock starts. Problems become a status line;
/// the session always goes on.
fn save(app: &mut App, rec: &mut Recording) {
    let lines = std::mem::take(&mut app.journal);
    let boundary = std::mem::take(&mut app.boundary);
    let starts = lines.iter().any(|l| matches!(l, Line::Event(e) if e.kind == EventKind::Start));
    if rec.recorder.is_none() && rec.enabled && starts {
        match start_recording(app) {
            Ok(r) => rec.recorder = Some(r),
            Err(e) => {
                rec.enabled = false;
                app.unrecorded = true;
                let error = crate::text::one_line(&e.to_string());
                app.status = Some(crate::tr!(app.lang, "status-not-recording", error = error));
            }
        }
    }
    let Some(r) = rec.recorder.as_mut() else { return };
    for l in &lines {
        r.record(l);
    }
    if boundary {
        r.boundary();
    }
    if let Some(p) = &r.problem {
        app.status = Some(crate::text::one_line(p));
    }
}

fn start_recording(app: &App) -> io::Result<Recorder> {
    let s = app.session().ok_or_else(|| io::Error::other("no session"))?;
    let source = app.source.clone().ok_or_else(|| io::Error::other("the scenario text is unknown"))?;
    let dir = crate::record::store::sessions_dir().ok_or_else(|| io::Error::other("no data directory"))?;
    let header = crate::record::Header::new(s, &source, app.size.0, app.size.1);
    Recorder::create(&dir, &crate::record::store::new_id(&header.scenario), &header)
}

/// Writes the debrief as Markdown to `<data dir>/debriefs/`; returns the
/// message to show.
fn export(app: &App) -> (bool, String) {
    let Some(state) = app.session().filter(|s| s.is_finished()) else {
        return (false, crate::tr!(app.lang, "status-nothing-to-save"));
    };
    let Some(dir) = crate::paths::data_dir() else {
        return (false, crate::tr!(app.lang, "status-no-data-dir"));
    };
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%SZ").to_string();
    let path = dir.join("debriefs").join(format!("{}-{stamp}.md", state.compiled.scenario.id));
    let md = crate::assess::debrief::markdown(&app.debrief(state));
    match crate::files::write_private(&path, md.as_bytes()) {
        Ok(()) => {
            (true, crate::tr!(app.lang, "status-saved", path = crate::text::one_line(&path.display().to_string())))
        }
        Err(e) => (false, crate::tr!(app.lang, "status-not-saved", error = crate::text::one_line(&e.to_string()))),
    }
}

/// Applies one terminal event; returns whether the screen must be redrawn.
fn on_terminal_event(app: &mut App, ev: TermEvent, now: u64) -> bool {
    let action = match ev {
        TermEvent::Key(key) => keymap::action_for(app, key),
        TermEvent::Paste(text) => keymap::paste_action(app, text),
        TermEvent::Resize(cols, rows) => {
            if app.session().is_some() {
                app.journal.push(Line::Resize { at_ms: now, cols, rows });
            }
            let too_small = cols < views::MIN_WIDTH || rows < views::MIN_HEIGHT;
            app.resized(cols, rows, too_small, now);
            return true;
        }
        _ => None,
    };
    match action {
        Some(a) => {
            app.act(a, now);
            true
        }
        None => false,
    }
}
