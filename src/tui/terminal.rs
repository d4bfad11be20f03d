//! Owning the terminal: entering full-screen mode and, above all, leaving
//! it. Every mode is undone on its own, best effort, so one failure cannot
//! leave the others on; restoring twice is harmless. Called on normal exit,
//! on error (the guard's Drop), from the panic hook, on signals and before
//! suspending with Ctrl-Z.
//!
//! Every full-screen mode (session, picker, replay) listens for
//! [`Signals`] from before it touches the terminal: a signal left to its
//! default action would kill the process with the terminal still raw.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use tokio::signal::unix::{Signal, SignalKind, signal};

pub type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Whether we changed the terminal and have not yet put it back.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped.
pub struct TerminalGuard;

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and bracketed paste.
    pub fn enter() -> io::Result<(TerminalGuard, Term)> {
        install_panic_hook();
        enter_modes()?;
        let term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok((TerminalGuard, term))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Ok(())
}

/// Puts the terminal back: cooked mode, cursor shown, main screen, paste
/// and mouse reporting off. Safe to call any number of times, from anywhere.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, ratatui::crossterm::cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// The signals that end a full-screen mode. In raw mode Ctrl-C and Ctrl-\
/// arrive as keys (Ctrl-C asks to quit); these come from outside (`kill`,
/// a closing terminal).
/// Each ends the mode with the terminal restored and exit 128 + its number.
pub struct Signals {
    int: Signal,
    term: Signal,
    hup: Signal,
    quit: Signal,
}

impl Signals {
    /// Takes over SIGINT, SIGTERM, SIGHUP and SIGQUIT; needs a Tokio runtime.
    pub fn new() -> io::Result<Signals> {
        Ok(Signals {
            int: signal(SignalKind::interrupt())?,
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            quit: signal(SignalKind::quit())?,
        })
    }

    /// Waits for the next of them; returns its number.
    pub async fn recv(&mut self) -> i32 {
        tokio::select! {
            _ = self.int.recv() => SIGINT,
            _ = self.term.recv() => SIGTERM,
            _ = self.hup.recv() => SIGHUP,
            _ = self.quit.recv() => SIGQUIT,
        }
    }
}

/// A deliberate panic for the end-to-end tests, which check that a panic
/// in each full-screen mode restores the terminal. Only in debug builds,
/// and only when `HOTSEAT_TEST_PANIC` is set.
pub fn panic_for_tests() {
    #[cfg(debug_assertions)]
    if std::env::var_os("HOTSEAT_TEST_PANIC").is_some() {
        panic!("HOTSEAT_TEST_PANIC is set");
    }
}

/// Restores the terminal before the default panic message prints, so the
/// message is readable and the shell usable.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
pub fn suspend(term: &mut Term) -> io::Result<()> {
    restore();
    // Stops us exactly as the shell's Ctrl-Z would; `fg` resumes here.
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_modes()?;
    // Redraw everything on the next frame. Not `Terminal::clear`: it asks
    // the terminal where the cursor is, and the reply is read by the input
    // thread, so the query times out and `fg` ended the session.
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}
