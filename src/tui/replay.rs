//! `hotseat replay`: the recorded session played back through the same
//! views, with a scrubber. Space plays and pauses, `+`/`-` change speed
//! (0.25×–16×), ←/→ seek 5 s, PgUp/PgDn 30 s, Home/End, `[`/`]` previous/next
//! question, `t` next trap, `c` toggles idle compression, `a` annotates.

use std::io;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Screen};
use super::runtime::Exit;
use super::terminal::{Signals, TerminalGuard};
use super::theme::Theme;
use super::views;
use crate::record::annotations::{self, Annotation};
use crate::record::replay::{MarkerKind, Replay};
use crate::text::mmss;

/// The replay's keys, as (key, message id), most useful first.
const KEYS: [(&str, &str); 8] = [
    ("Space", "replay-key-play"),
    ("t", "replay-key-trap"),
    ("[ ]", "replay-key-question"),
    ("←→", "replay-key-seek"),
    ("PgUp/PgDn", "replay-key-seek-far"),
    ("+/-", "replay-key-speed"),
    ("c", "replay-key-idle"),
    ("a", "replay-key-note"),
];

const SPEEDS: [f64; 7] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0];
const FRAME: Duration = Duration::from_millis(100);

/// The replay's state: where on the timeline, how fast, and the session
/// as it stood there (inside an [`App`], so the live views draw it).
pub struct Player {
    pub replay: Replay,
    /// Display time, ms.
    pub pos: u64,
    pub playing: bool,
    speed: usize,
    pub view: App,
    /// An annotation being typed.
    pub input: Option<String>,
    pub status: Option<String>,
    pub quit: bool,
}

impl Player {
    pub fn new(replay: Replay, theme: Theme) -> Player {
        let start = replay.state_at(replay.span().0);
        let cat = start.compiled.catalogue.clone();
        let view = App::resumed(start, cat, theme);
        let mut p = Player { replay, pos: 0, playing: true, speed: 2, view, input: None, status: None, quit: false };
        p.seek(0);
        p
    }

    pub fn speed(&self) -> f64 {
        SPEEDS[self.speed]
    }

    /// Shows the session as it stood at display time `d`.
    pub fn seek(&mut self, d: u64) {
        self.pos = d.min(self.replay.display_len());
        let state = self.replay.state_at(self.replay.from_display(self.pos));
        // Arriving at the close shows the interviewer's remarks first, as
        // it did live; Enter goes on to the debrief.
        if !state.is_finished() {
            self.view.ending_dismissed = false;
        }
        self.view.screen = Screen::Session(Box::new(state));
    }

    fn seek_by(&mut self, ms: i64) {
        self.seek(self.pos.saturating_add_signed(ms));
    }

    /// The next (or previous) marker of a kind, by display time.
    fn jump(&mut self, kinds: &[MarkerKind], forward: bool) {
        let pos = self.pos;
        let times: Vec<u64> = self
            .replay
            .markers
            .iter()
            .filter(|m| kinds.contains(&m.kind))
            .map(|m| self.replay.to_display(m.at_ms))
            .collect();
        let target =
            if forward { times.iter().find(|&&t| t > pos) } else { times.iter().rev().find(|&&t| t + 500 < pos) };
        if let Some(&t) = target {
            self.seek(t);
        }
    }

    /// `t`: to the moment before the next answer that fell into a trap,
    /// the answer still in its box, the trap named in the status line.
    fn next_trap(&mut self) {
        let ends: Vec<u64> =
            self.replay.markers.iter().filter(|m| m.kind == MarkerKind::Trap).map(|m| m.at_ms).collect();
        for ended in ends {
            // The moment before a turn ended comes before its end: a trap
            // whose end is not ahead cannot be, so it costs no search.
            let end_at = self.replay.to_display(ended);
            if end_at <= self.pos {
                continue;
            }
            let before = self.replay.before_turn_ended(ended);
            // A long pause before the submit is compressed on the display
            // timeline, so `before` may share its display time with the
            // submit: one display millisecond earlier is still before it.
            let at = self.replay.to_display(before).min(end_at - 1);
            if at > self.pos || (at == self.pos && self.status.is_none()) {
                self.playing = false;
                self.seek(at);
                self.status = Some(self.trap_named(before, ended));
                return;
            }
        }
        // Said rather than nothing happening.
        self.status = Some(crate::tr!(self.view.lang, "replay-no-more-traps"));
    }

    /// "Trap ahead at <question>: <titles>" for the turns that ended at
    /// `ended`, the last of them unfinished at `before`.
    fn trap_named(&self, before: u64, ended: u64) -> String {
        let done = self.replay.state_at(before).turns.len();
        let after = self.replay.state_at(ended);
        let lang = self.view.lang;
        let cat = &after.compiled.catalogue;
        let mut titles = Vec::new();
        let mut node = String::new();
        for t in &after.turns[done.min(after.turns.len())..] {
            node = after.compiled.scenario.nodes.get(t.node).map(|n| n.id.clone()).unwrap_or_default();
            for f in &t.traps {
                let title = cat.get(&f.id).map_or(f.id.clone(), |d| crate::assess::debrief::trap_texts(d, lang).title);
                if !titles.contains(&title) {
                    titles.push(title);
                }
            }
        }
        crate::tr!(lang, "replay-trap", titles = titles.join(", "), node = node)
    }

    /// One key; returns whether the screen changed.
    pub fn key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if let Some(text) = &mut self.input {
            match key.code {
                KeyCode::Enter => self.save_annotation(),
                KeyCode::Esc => self.input = None,
                KeyCode::Backspace => {
                    text.pop();
                }
                // A control character cannot be typed into a note, as into an answer.
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) && !crate::text::is_hazard(c) => {
                    text.push(c)
                }
                _ => {}
            }
            return;
        }
        // What the last key said (a trap named, a note saved) goes with the next.
        if key.code != KeyCode::Char('t') {
            self.status = None;
        }
        match key.code {
            KeyCode::Enter if self.view.ending_showing() => self.view.ending_dismissed = true,
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char(' ') => {
                if self.pos >= self.replay.display_len() {
                    self.seek(0);
                }
                self.playing = !self.playing;
            }
            KeyCode::Char('+') | KeyCode::Char('=') => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
            KeyCode::Char('-') => self.speed = self.speed.saturating_sub(1),
            KeyCode::Left => self.seek_by(-5_000),
            KeyCode::Right => self.seek_by(5_000),
            KeyCode::PageUp => self.seek_by(-30_000),
            KeyCode::PageDown => self.seek_by(30_000),
            KeyCode::Home => self.seek(0),
            KeyCode::End => self.seek(u64::MAX),
            KeyCode::Char('[') => self.jump(&[MarkerKind::Question], false),
            KeyCode::Char(']') => self.jump(&[MarkerKind::Question], true),
            KeyCode::Char('t') => self.next_trap(),
            KeyCode::Char('c') => {
                let at = self.replay.from_display(self.pos);
                self.replay.compress = !self.replay.compress;
                self.seek(self.replay.to_display(at));
            }
            KeyCode::Char('a') => {
                self.playing = false;
                self.input = Some(String::new());
            }
            _ => {}
        }
    }

    fn save_annotation(&mut self) {
        let Some(text) = self.input.take().filter(|t| !t.trim().is_empty()) else { return };
        let a = Annotation { at_ms: self.replay.from_display(self.pos), text };
        self.status = Some(match annotations::add(&self.replay.recording.path, &a) {
            Ok(()) => crate::tr!(self.view.lang, "replay-saved"),
            Err(e) => crate::tr!(self.view.lang, "replay-not-saved", error = crate::text::one_line(&e.to_string())),
        });
        self.replay.markers.push(crate::record::replay::Marker { at_ms: a.at_ms, kind: MarkerKind::Note });
        self.replay.markers.sort_by_key(|m| m.at_ms);
        self.replay.annotations.push(a);
    }

    /// Advances playback by one frame.
    pub fn frame(&mut self, elapsed: Duration) {
        if !self.playing {
            return;
        }
        let step = (elapsed.as_millis() as f64 * self.speed()) as u64;
        self.seek(self.pos + step.max(1));
        if self.pos >= self.replay.display_len() {
            self.playing = false;
        }
    }
}

/// Draws the session as it stood, then the scrubber and the keys.
pub fn render(p: &Player, frame: &mut Frame) {
    let area = frame.area();
    let [main, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if !views::render_replayed(&p.view, frame, main) {
        return;
    }
    let scrub = Rect { y: main.bottom().saturating_sub(1), height: 1, ..main };
    frame.render_widget(ratatui::widgets::Clear, scrub);
    scrubber(p, frame, scrub);
    let theme = &p.view.theme;
    let l = p.view.lang;
    let line = match (&p.input, &p.status) {
        (Some(text), _) => Line::from(vec![
            Span::styled(format!(" {} ", crate::tr!(l, "replay-note")), theme.accent()),
            Span::raw(format!("{}▏  {}", crate::text::escape_controls(text), crate::tr!(l, "replay-note-keys"))),
        ]),
        (None, Some(s)) => Line::styled(views::ellipsis(&format!(" {s}"), usize::from(keys.width)), theme.accent()),
        (None, None) => {
            // As many keys as fit, most useful first; `q` always shows.
            let mut hints: Vec<(&str, String)> =
                KEYS.iter().map(|(k, id)| (*k, crate::i18n::message(l, id, &[]))).collect();
            hints.insert(1, ("q", crate::tr!(l, "key-quit")));
            views::footer(theme, &hints, frame, keys);
            views::scrub(frame.buffer_mut());
            return;
        }
    };
    frame.render_widget(Paragraph::new(line), keys);
    views::scrub(frame.buffer_mut());
}

/// `▶ 1× 03:12/17:40 ──│──!──●──*──` with question, trap and note marks.
fn scrubber(p: &Player, frame: &mut Frame, area: Rect) {
    let theme = &p.view.theme;
    let len = p.replay.display_len().max(1);
    let label = format!(
        " {} {}× {}/{}{} ",
        if p.playing { "▶" } else { "❚❚" },
        p.speed(),
        mmss(p.pos),
        mmss(len),
        if p.replay.compress { format!(" {}", crate::tr!(p.view.lang, "replay-idle")) } else { String::new() }
    );
    let width =
        usize::from(area.width).saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()) + 1).max(10);
    let mut cells = vec!['─'; width];
    for m in &p.replay.markers {
        let i = ((p.replay.to_display(m.at_ms) as f64 / len as f64) * (width - 1) as f64) as usize;
        let c = match m.kind {
            MarkerKind::Question => '│',
            MarkerKind::Trap => '!',
            MarkerKind::Note => '*',
        };
        if let Some(cell) = cells.get_mut(i.min(width - 1))
            && (*cell == '─' || c != '│')
        {
            *cell = c;
        }
    }
    let at = ((p.pos as f64 / len as f64) * (width - 1) as f64) as usize;
    let bar: String = cells.iter().collect();
    let (before, after) = bar.split_at(bar.char_indices().nth(at.min(width - 1)).map_or(bar.len(), |(i, _)| i));
    let after: String = after.chars().skip(1).collect();
    let line = Line::from(vec![
        Span::styled(label, theme.title()),
        Span::styled(before.to_string(), theme.dim()),
        Span::styled("●", theme.accent().add_modifier(Modifier::BOLD)),
        Span::styled(after, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// Runs the replay full-screen; says how it ended, as the live session does.
pub fn run(player: Player) -> io::Result<Exit> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(event_loop(player))
}

async fn event_loop(mut p: Player) -> io::Result<Exit> {
    animate(&mut p).await
}

/// A full-screen view with a clock that may be playing: the replay, and
/// the cohort view with a replay open inside it. [`animate`] drives it.
pub trait Animated {
    fn draw(&self, frame: &mut Frame);
    fn key(&mut self, key: KeyEvent);
    /// Whether the view asked to leave.
    fn done(&self) -> bool;
    /// Whether time moves on by itself (a frame every [`FRAME`]).
    fn playing(&self) -> bool;
    fn advance(&mut self, elapsed: Duration);
}

impl Animated for Player {
    fn draw(&self, frame: &mut Frame) {
        render(self, frame);
    }
    fn key(&mut self, key: KeyEvent) {
        Player::key(self, key);
    }
    fn done(&self) -> bool {
        self.quit
    }
    fn playing(&self) -> bool {
        self.playing
    }
    fn advance(&mut self, elapsed: Duration) {
        self.frame(elapsed);
    }
}

/// Runs `view` full-screen until it is done, the terminal goes or a
/// signal comes: draws only on change, a frame every [`FRAME`] while it
/// plays, the clock held while it does not.
pub async fn animate(view: &mut impl Animated) -> io::Result<Exit> {
    // Before the terminal changes: a signal in between would leave it raw.
    let mut signals = Signals::new()?;
    let (guard, mut term) = TerminalGuard::enter()?;
    let mut events = super::input::Input::spawn()?;
    let mut last = Instant::now();
    let mut dirty = true;
    let mut exit = Exit::Normal;
    while !view.done() {
        if dirty {
            term.draw(|f| view.draw(f))?;
            dirty = false;
            super::terminal::panic_for_tests();
        }
        let wait = if view.playing() { FRAME } else { Duration::from_secs(1) };
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(TermEvent::Key(k))) => {
                    view.key(k);
                    dirty = true;
                }
                Some(Ok(TermEvent::Resize(..))) => dirty = true,
                Some(Ok(_)) => {}
                Some(Err(_)) | None => {
                    exit = Exit::Gone;
                    break;
                }
            },
            () = tokio::time::sleep(wait) => {
                if super::input::terminal_gone() {
                    exit = Exit::Gone;
                    break;
                }
                let now = Instant::now();
                if view.playing() {
                    view.advance(now - last);
                    dirty = true;
                }
                last = now;
            }
            n = signals.recv() => {
                exit = Exit::Signal(n);
                break;
            }
        }
        if !view.playing() {
            last = Instant::now();
        }
    }
    drop(guard);
    Ok(exit)
}
