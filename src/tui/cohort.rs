//! The cohort view (`hotseat cohort DIR...` on a terminal): the trap ×
//! candidate table, scrollable both ways; Enter on a trap lists the
//! answers that fell into it (candidate, scenario, question, the words
//! that triggered it); Enter on one opens that session's replay stopped
//! just before the answer was submitted (as the replay's `t` does);
//! leaving the replay comes back to the list. Esc or `q` goes back a
//! level, `?` shows the keys.
//!
//! [`View`] is plain state changed by [`View::key`]; drawing it is
//! [`super::views::cohort::render`], a pure function of it. Opening a
//! replay reads a file, so the key returns an [`Open`] request and the
//! loop ([`run`]) does it.

use std::io;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::replay::Player;
use super::runtime::Exit;
use super::theme::Theme;
use crate::cohort::{Cohort, Quote};
use crate::i18n::Lang;
use crate::record::replay::{MarkerKind, Replay};

/// Where the view is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The table: the selected trap (row) and candidate (column).
    Table,
    /// The answers that fell into the trap of row `trap`.
    Quotes { trap: usize, quotes: Vec<Quote>, selected: usize },
}

/// The cohort view's state.
pub struct View {
    pub cohort: Cohort,
    /// Each trap's title in `lang`, parallel to `cohort.traps`.
    pub titles: Vec<String>,
    pub theme: Theme,
    pub lang: Lang,
    pub screen: Screen,
    /// The selected trap (row of the table).
    pub row: usize,
    /// The selected candidate (column of the table).
    pub col: usize,
    pub help: bool,
    /// One line about the last thing done (a replay that could not open).
    pub status: Option<String>,
    pub quit: bool,
}

/// A session to replay, stopped before the answer that fell into `trap`
/// at `node`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub path: PathBuf,
    pub id: String,
    pub candidate: String,
    pub node: String,
    pub trap: String,
}

impl View {
    pub fn new(cohort: Cohort, titles: Vec<String>, theme: Theme, lang: Lang) -> View {
        View {
            cohort,
            titles,
            theme,
            lang,
            screen: Screen::Table,
            row: 0,
            col: 0,
            help: false,
            status: None,
            quit: false,
        }
    }

    /// A trap's title (its id when none was given).
    pub fn title(&self, trap: usize) -> String {
        self.titles
            .get(trap)
            .cloned()
            .or_else(|| self.cohort.traps.get(trap).map(|t| t.trap.clone()))
            .unwrap_or_default()
    }

    /// One key; a request to open a replay when Enter was pressed on a
    /// quote.
    pub fn key(&mut self, key: KeyEvent) -> Option<Open> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.status = None;
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return None;
        }
        if self.help {
            self.help = false;
            return None;
        }
        if matches!(key.code, KeyCode::Char('?') | KeyCode::F(1)) {
            self.help = true;
            return None;
        }
        match &mut self.screen {
            Screen::Table => {
                self.table_key(key.code);
                None
            }
            Screen::Quotes { quotes, selected, .. } => {
                let n = quotes.len();
                match key.code {
                    KeyCode::Esc | KeyCode::Char('q') | KeyCode::Left | KeyCode::Char('h') => {
                        self.screen = Screen::Table
                    }
                    KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                    KeyCode::Down | KeyCode::Char('j') => *selected = (*selected + 1).min(n.saturating_sub(1)),
                    KeyCode::PageUp => *selected = selected.saturating_sub(5),
                    KeyCode::PageDown => *selected = (*selected + 5).min(n.saturating_sub(1)),
                    KeyCode::Home => *selected = 0,
                    KeyCode::End => *selected = n.saturating_sub(1),
                    KeyCode::Enter => return self.open(),
                    _ => {}
                }
                None
            }
        }
    }

    fn table_key(&mut self, code: KeyCode) {
        let rows = self.cohort.traps.len();
        let cols = self.cohort.candidates.len();
        let last = |n: usize| n.saturating_sub(1);
        match code {
            KeyCode::Esc | KeyCode::Char('q') => self.quit = true,
            KeyCode::Up | KeyCode::Char('k') => self.row = self.row.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.row = (self.row + 1).min(last(rows)),
            KeyCode::Left | KeyCode::Char('h') => self.col = self.col.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => self.col = (self.col + 1).min(last(cols)),
            KeyCode::PageUp => self.row = self.row.saturating_sub(10),
            KeyCode::PageDown => self.row = (self.row + 10).min(last(rows)),
            KeyCode::Home => (self.row, self.col) = (0, 0),
            KeyCode::End => self.row = last(rows),
            KeyCode::Enter => self.open_trap(),
            _ => {}
        }
    }

    /// The quotes of the selected trap, starting at the selected
    /// candidate's first one.
    fn open_trap(&mut self) {
        let Some(trap) = self.cohort.traps.get(self.row) else { return };
        let quotes = self.cohort.quotes(&trap.trap);
        let who = self.cohort.candidates.get(self.col).map(|c| c.name.as_str());
        let selected = quotes.iter().position(|q| Some(q.candidate.as_str()) == who).unwrap_or(0);
        self.screen = Screen::Quotes { trap: self.row, quotes, selected };
    }

    fn open(&self) -> Option<Open> {
        let Screen::Quotes { quotes, selected, .. } = &self.screen else { return None };
        let q = quotes.get(*selected)?;
        let s = self.cohort.sessions.get(q.session)?;
        Some(Open {
            path: s.path.clone(),
            id: s.id.clone(),
            candidate: q.candidate.clone(),
            node: q.node.clone(),
            trap: q.trap.clone(),
        })
    }
}

/// Why a replay could not be opened, for the status line.
fn open_replay(open: &Open, theme: Theme, lang: Lang) -> Result<Player, String> {
    let rec = crate::record::reader::read_file(&open.path, false).map_err(|e| e.reason())?;
    let replay = Replay::new(rec).map_err(|e| e.message(lang))?;
    let mut p = Player::new(replay, theme);
    p.view.lang = lang;
    p.playing = false;
    match ended_at(&p.replay, &open.node, &open.trap) {
        Some(ended) => {
            let before = p.replay.before_turn_ended(ended);
            // As replay's `t`: one display millisecond before the submit.
            let end_at = p.replay.to_display(ended);
            p.seek(p.replay.to_display(before).min(end_at.saturating_sub(1)));
            p.status = Some(crate::tr!(
                lang,
                "cohort-replay-before",
                candidate = open.candidate.as_str(),
                node = crate::text::one_line(&open.node)
            ));
        }
        None => p.seek(0),
    }
    Ok(p)
}

/// When the turn at `node` that fell into `trap` ended: the first trap
/// marker whose turn matches.
fn ended_at(replay: &Replay, node: &str, trap: &str) -> Option<u64> {
    replay.markers.iter().filter(|m| m.kind == MarkerKind::Trap).map(|m| m.at_ms).find(|&at| {
        let done = replay.state_at(at.saturating_sub(1)).turns.len();
        let state = replay.state_at(at);
        state.turns.iter().skip(done).any(|t| {
            state.compiled.scenario.nodes.get(t.node).is_some_and(|n| n.id == node)
                && t.traps.iter().any(|f| f.id == trap)
        })
    })
}

/// Runs the cohort view full-screen, a replay inside it when asked.
pub fn run(view: View) -> io::Result<Exit> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(super::replay::animate(&mut Running { view, player: None }))
}

/// The cohort view, and the replay open over it, if any.
struct Running {
    view: View,
    player: Option<Player>,
}

impl super::replay::Animated for Running {
    fn draw(&self, frame: &mut ratatui::Frame) {
        match &self.player {
            Some(p) => super::replay::render(p, frame),
            None => super::views::cohort::render(&self.view, frame),
        }
    }

    fn key(&mut self, k: KeyEvent) {
        if let Some(p) = &mut self.player {
            p.key(k);
            if p.quit {
                self.player = None;
            }
            return;
        }
        let v = &mut self.view;
        if let Some(open) = v.key(k) {
            match open_replay(&open, v.theme, v.lang) {
                Ok(p) => self.player = Some(p),
                Err(why) => {
                    let id = crate::text::one_line(&open.id);
                    let error = crate::text::one_line(&why);
                    v.status = Some(crate::tr!(v.lang, "cohort-replay-failed", id = id, error = error));
                }
            }
        }
    }

    fn done(&self) -> bool {
        self.view.quit
    }

    fn playing(&self) -> bool {
        self.player.as_ref().is_some_and(|p| p.playing)
    }

    fn advance(&mut self, elapsed: std::time::Duration) {
        if let Some(p) = &mut self.player {
            p.frame(elapsed);
        }
    }
}
