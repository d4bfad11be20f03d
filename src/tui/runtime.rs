//! The event loop: one `select!` over terminal input, the next moment the
//! screen changes, and signals. It turns what happens into actions for the
//! [`App`] and redraws only when something visible changed. No busy loop:
//! when the terminal goes away it restores what it can and exits.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use ratatui::crossterm::event::{Event as TermEvent, EventStream};
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::sleep_until;

use super::app::{App, Screen};
use super::keymap;
use super::terminal::{self, TerminalGuard};
use super::views;

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user left.
    Normal,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal went away (hang-up, closed tty, input error).
    Gone,
}

/// Runs the app full-screen until it quits. `t0` is the process's start:
/// every event's time is measured from it.
pub fn run(app: App, t0: Instant) -> io::Result<Exit> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(event_loop(app, t0))
}

fn now_ms(t0: Instant) -> u64 {
    t0.elapsed().as_millis() as u64
}

/// What the clocks on screen show; redraw on a tick only when it changes.
fn clock_face(app: &App) -> Option<(u64, Option<i64>)> {
    let s = app.session()?;
    Some((s.elapsed_ms() / 1000, s.remaining_ms().map(|r| r.div_euclid(1000))))
}

/// When to wake up next without input: the next visible change of a
/// running clock, and at least once a second to check the terminal is
/// still there.
fn next_wake(app: &App, t0: Instant) -> Instant {
    let watchdog = Instant::now() + Duration::from_secs(1);
    let change = match &app.screen {
        Screen::Session(s) => s.next_change().and_then(|ms| s.monotonic_at(ms)),
        _ => None,
    };
    change.map_or(watchdog, |at| (t0 + Duration::from_millis(at)).min(watchdog))
}

/// The terminal is gone when stdin stops being one or we were orphaned.
fn terminal_gone() -> bool {
    !io::stdin().is_terminal() || std::os::unix::process::parent_id() == 1
}

async fn event_loop(mut app: App, t0: Instant) -> io::Result<Exit> {
    let (guard, mut term) = TerminalGuard::enter()?;
    let mut events = EventStream::new();
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    let mut face = clock_face(&app);
    let exit = loop {
        if app.export {
            app.export = false;
            app.status = Some(export(&app));
            dirty = true;
        }
        if dirty {
            if let Ok(size) = term.size() {
                app.size = (size.width, size.height);
            }
            term.draw(|f| views::render(&app, f))?;
            dirty = false;
        }
        if app.quit {
            break Exit::Normal;
        }
        if app.suspend {
            app.suspend = false;
            terminal::suspend(&mut term)?;
            events = EventStream::new();
            dirty = true;
            continue;
        }
        let wake = next_wake(&app, t0);
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => dirty |= on_terminal_event(&mut app, ev, now_ms(t0)),
                Some(Err(_)) | None => break Exit::Gone,
            },
            () = sleep_until(wake.into()) => {
                if terminal_gone() {
                    break Exit::Gone;
                }
                app.tick(now_ms(t0));
                let new_face = clock_face(&app);
                dirty |= new_face != face;
                face = new_face;
            }
            _ = sigterm.recv() => break Exit::Signal(15),
            _ = sighup.recv() => break Exit::Gone,
            _ = sigint.recv() => break Exit::Signal(2),
        }
    };
    // Settle the session at the moment we stop (timeouts that fell due).
    app.tick(now_ms(t0));
    drop(guard);
    Ok(exit)
}

/// Writes the debrief as Markdown to `<data dir>/debriefs/`; returns the
/// message to show.
fn export(app: &App) -> String {
    let Some(state) = app.session().filter(|s| s.is_finished()) else {
        return "Nothing to save yet".into();
    };
    let Some(dir) = crate::paths::data_dir() else {
        return "No data directory: set HOTSEAT_DATA_DIR".into();
    };
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%SZ").to_string();
    let path = dir.join("debriefs").join(format!("{}-{stamp}.md", state.compiled.scenario.id));
    let md = crate::assess::debrief::markdown(&crate::assess::debrief::build(state));
    match crate::files::write_private(&path, md.as_bytes()) {
        Ok(()) => format!("Saved {}", crate::text::one_line(&path.display().to_string())),
        Err(e) => format!("Could not save: {}", crate::text::one_line(&e.to_string())),
    }
}

/// Applies one terminal event; returns whether the screen must be redrawn.
fn on_terminal_event(app: &mut App, ev: TermEvent, now: u64) -> bool {
    let action = match ev {
        TermEvent::Key(key) => keymap::action_for(app, key),
        TermEvent::Paste(text) => keymap::paste_action(app, text),
        TermEvent::Resize(..) => return true,
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
