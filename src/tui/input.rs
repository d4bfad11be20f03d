//! Terminal input, read on a thread of its own.
//!
//! crossterm's reader loops without end when the terminal hangs up: its
//! read of the tty returns 0 bytes (or EIO) and it tries again at once.
//! Polled from the event loop (as `EventStream` does), that loop never
//! returns, so neither signals nor the watchdog are seen: the process is
//! left spinning after its terminal closed. Read on a separate thread, a
//! stuck read costs that thread alone; the event loop still sees SIGHUP or
//! [`terminal_gone`] within a second and exits, which ends the thread too.

use std::io::{self, IsTerminal};

use ratatui::crossterm::event::{self, Event};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

/// Terminal events, as they arrive.
pub struct Input {
    rx: UnboundedReceiver<io::Result<Event>>,
}

impl Input {
    /// Starts the reading thread.
    pub fn spawn() -> io::Result<Input> {
        let (tx, rx) = unbounded_channel();
        std::thread::Builder::new().name("input".into()).spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                // The loop has gone (or the read failed): stop reading.
                if tx.send(ev).is_err() || failed {
                    return;
                }
            }
        })?;
        Ok(Input { rx })
    }

    /// The next event; `None` once the reader has stopped.
    pub async fn next(&mut self) -> Option<io::Result<Event>> {
        self.rx.recv().await
    }
}

/// The terminal is gone when stdin stops being one or we were orphaned.
pub fn terminal_gone() -> bool {
    !io::stdin().is_terminal() || std::os::unix::process::parent_id() == 1
}
