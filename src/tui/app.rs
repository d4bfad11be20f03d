//! The application state around a session: which screen shows, what has
//! focus, overlays, scroll offsets. [`App::act`] applies one semantic
//! [`Action`] (from the keymap); session logic itself is left to
//! [`crate::session::update`].

use std::sync::Arc;

use super::theme::Theme;
use crate::library::Entry;
use crate::record::{EndStatus, Line};
use crate::scenario::Answer;
use crate::session::{Compiled, Effect, Event, EventKind, Pace, Phase, State, Target, update};
use crate::traps::Catalogue;

/// What fills the screen.
pub enum Screen {
    Picker(Picker),
    /// A session created from the picker, waiting for Enter to start.
    Ready(Box<State>),
    /// A running, paused or finished session (finished shows the summary).
    Session(Box<State>),
    /// The progress report, opened from the picker (`g`).
    Progress(Box<Progress>),
}

/// The progress screen's state: the report as loaded when it opened, and
/// the picker to go back to as it was.
pub struct Progress {
    pub report: crate::practice::progress::Report,
    /// The trap catalogue with the scenarios' own traps, for titles.
    pub catalogue: Catalogue,
    /// The picker's scenarios' questions, to name them in the advice.
    pub questions: crate::practice::sheet::Questions,
    pub scroll: u16,
    pub picker: Picker,
}

impl Progress {
    /// How many session files opening the progress screen summarises into
    /// the index at most (about 0.5–1 ms each): a backlog of thousands
    /// (sessions copied in, an index deleted) must not freeze the picker.
    /// The rest are counted in a note; `hotseat progress` indexes them all.
    pub const NEW_AT_MOST: usize = 200;
}

/// The scenario picker's own state.
#[derive(Debug, Default)]
pub struct Picker {
    pub entries: Vec<Entry>,
    /// The user files as last loaded, to reload when one changes.
    pub fingerprint: crate::library::Fingerprint,
    /// The directories the last walk read: the ones to watch.
    pub dirs: Vec<std::path::PathBuf>,
    /// Things the user should know about the list: a walk that hit its
    /// bounds, scenario folders that cannot be watched.
    pub notices: Vec<String>,
    /// Index into the *filtered* rows.
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
    /// Why the last Enter did not start a session.
    pub message: Option<String>,
    /// Per scenario id: when it was last played and its best verdict, from
    /// the session index (empty until [`Picker::with_history`]).
    pub played: std::collections::HashMap<String, crate::index::Played>,
}

impl Picker {
    /// The picker over `entries`, loaded from what `scan` found.
    pub fn new(entries: Vec<Entry>, scan: crate::library::Walk) -> Picker {
        Picker {
            entries,
            fingerprint: scan.fingerprint(),
            notices: scan.notices(),
            dirs: scan.dirs,
            ..Picker::default()
        }
    }

    /// How many new session files the picker summarises into the index
    /// before it shows: the one or two played since the last listing, never
    /// a backlog of thousands (`hotseat sessions` indexes those).
    pub const HISTORY_NEW: usize = 20;

    /// The picker with each scenario's history from the session index.
    pub fn with_history(mut self) -> Picker {
        self.played = crate::index::played(Picker::HISTORY_NEW);
        self
    }

    /// Indices of the entries matching the filter (case-insensitive, on id,
    /// title and company).
    pub fn rows(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                needle.is_empty() || {
                    let company = e.checked.scenario.as_ref().map_or("", |s| s.company.as_str());
                    [e.id.as_str(), e.title(), company].iter().any(|t| t.to_lowercase().contains(&needle))
                }
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

/// Where keys go in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The answer: editor, number field or choice list.
    Answer,
    /// The talking-point checklist of a Spoken question.
    Points,
    Notes,
}

/// What a key means, decided by the keymap.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave now (nothing to lose: picker, summary, confirmed quit).
    Quit,
    /// From the interviewer's closing remarks on to the debrief.
    DismissEnding,
    AskQuit,
    ConfirmQuit,
    CloseOverlay,
    Help,
    Suspend,
    // picker
    Move(i32),
    FilterStart,
    FilterChar(char),
    /// Pasted text for the filter.
    FilterText(String),
    FilterBackspace,
    FilterDone,
    FilterClear,
    Choose,
    CyclePace,
    /// Switch the UI language (the picker's `l`).
    ToggleLang,
    // ready screen
    StartClock,
    Back,
    // session
    Session(EventKind),
    FocusNext,
    FocusPrev,
    FocusNotes,
    ChoiceMove(i32),
    ChoicePick(usize),
    PointMove(i32),
    PointToggle,
    PointPick(usize),
    ScrollPrompt(i32),
    Scroll(i32),
    ScrollHelp(i32),
    /// Debrief: jump to the next or previous trap.
    NextTrap,
    PrevTrap,
    /// Debrief: save it as Markdown.
    Export,
    /// The picker's `g`: the progress screen.
    Progress,
}

/// The whole application.
pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub focus: Focus,
    pub point_cursor: usize,
    pub prompt_scroll: u16,
    /// Scroll of the summary (and, later, the debrief).
    pub scroll: u16,
    /// Scroll of the help overlay, for small terminals.
    pub help_scroll: u16,
    pub theme: Theme,
    pub pace: Pace,
    pub seed: u64,
    pub catalogue: Catalogue,
    pub quit: bool,
    /// Ctrl-Z was pressed; the runtime suspends and clears this.
    pub suspend: bool,
    /// `e` on the debrief: the runtime writes the Markdown and clears this.
    pub export: bool,
    /// A one-line message for the user (e.g. where a file was saved).
    pub status: Option<String>,
    /// The terminal size at the last draw, for jumps that depend on wrapping.
    pub size: (u16, u16),
    /// What the session core was fed since the runtime last looked: the
    /// runtime appends it to the recording.
    pub journal: Vec<Line>,
    /// A question boundary happened: a moment to make the recording durable.
    pub boundary: bool,
    /// The text of the scenario on screen, for the recording's header.
    pub source: Option<String>,
    /// The candidate has read the interviewer's closing remarks and moved
    /// on to the debrief.
    pub ending_dismissed: bool,
    /// What is wrong with the user's trap catalogue, in one line: shown in
    /// the picker, on the ready screen and in the session's key line, so a
    /// broken catalogue is never silent.
    pub catalogue_notice: Option<String>,
    /// The language the screens speak (see [`crate::i18n`]).
    pub lang: crate::i18n::Lang,
    /// The language was switched in the picker: the runtime remembers it.
    pub lang_changed: bool,
    /// Sessions are not recorded (`--no-record`): a debrief exists only on
    /// screen until `e` saves it.
    pub unrecorded: bool,
    /// The debrief on screen was saved with `e`.
    pub debrief_saved: bool,
    /// The clock was paused because the question got hidden (help, the
    /// quit question, a terminal too small), not by the candidate.
    pub held: bool,
    /// The terminal is too small to draw the screens.
    pub too_small: bool,
    /// The last question was left without a submit (its time ran out):
    /// said above the new question until it expires or a key is pressed.
    pub moved_on: Option<MovedOn>,
}

/// Why the session moved on by itself, and when (monotonic ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovedOn {
    pub why: MovedOnWhy,
    pub at: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovedOnWhy {
    /// The question's time ran out.
    QuestionTime,
    /// The session's time ran out: this is the last question.
    SessionTime,
}

impl MovedOnWhy {
    /// The message id that says it.
    pub fn message_id(self) -> &'static str {
        match self {
            MovedOnWhy::QuestionTime => "moved-on-timeout",
            MovedOnWhy::SessionTime => "moved-on-session",
        }
    }
}

/// How long the moved-on notice shows at most.
pub const MOVED_ON_MS: u64 = 5_000;
/// For this long after the session moves on by itself, typing and submit
/// keys are not taken: they were meant for the question that just went (a
/// sentence being finished, a Ctrl-S a moment too late), not for the new one.
pub const MOVED_ON_GRACE_MS: u64 = 1_000;

impl App {
    /// Leaving now would lose the debrief: it was neither recorded nor saved.
    pub fn debrief_unkept(&self) -> bool {
        self.unrecorded && !self.debrief_saved
    }

    /// The picker over `entries`.
    pub fn picker(entries: Vec<Entry>, catalogue: Catalogue, pace: Pace, seed: u64, theme: Theme) -> App {
        App::from_picker(Picker::new(entries, crate::library::scan()), catalogue, pace, seed, theme)
    }

    /// The picker as given (its entries and the walk that found them).
    pub fn from_picker(picker: Picker, catalogue: Catalogue, pace: Pace, seed: u64, theme: Theme) -> App {
        App::with_screen(Screen::Picker(picker), catalogue, pace, seed, theme)
    }

    /// A session whose clock started at monotonic time `now`.
    pub fn running(
        compiled: Arc<Compiled>,
        catalogue: Catalogue,
        pace: Pace,
        seed: u64,
        theme: Theme,
        now: u64,
    ) -> App {
        let state = State::new(compiled, seed, pace);
        let mut app = App::with_screen(Screen::Session(Box::new(state)), catalogue, pace, seed, theme);
        app.send(EventKind::Start, now);
        app.reset_focus();
        app
    }

    /// A session waiting on the ready screen for Enter, as one picked in
    /// the picker does: `hotseat drill`, whose questions the candidate has
    /// not chosen, shows what is coming before the clock runs.
    pub fn ready(compiled: Arc<Compiled>, catalogue: Catalogue, pace: Pace, seed: u64, theme: Theme) -> App {
        let state = State::new(compiled, seed, pace);
        App::with_screen(Screen::Ready(Box::new(state)), catalogue, pace, seed, theme)
    }

    /// A session rebuilt from its recording, carrying on where it stopped.
    pub fn resumed(state: State, catalogue: Catalogue, theme: Theme) -> App {
        let (pace, seed) = (state.pace, state.seed);
        let screen = if state.phase == crate::session::Phase::Ready {
            Screen::Ready(Box::new(state))
        } else {
            Screen::Session(Box::new(state))
        };
        let mut app = App::with_screen(screen, catalogue, pace, seed, theme);
        app.reset_focus();
        app
    }

    fn with_screen(screen: Screen, catalogue: Catalogue, pace: Pace, seed: u64, theme: Theme) -> App {
        App {
            screen,
            overlay: None,
            focus: Focus::Answer,
            point_cursor: 0,
            prompt_scroll: 0,
            scroll: 0,
            help_scroll: 0,
            theme,
            pace,
            seed,
            catalogue,
            quit: false,
            suspend: false,
            export: false,
            status: None,
            size: (80, 24),
            journal: Vec::new(),
            boundary: false,
            source: None,
            ending_dismissed: false,
            catalogue_notice: None,
            lang: crate::i18n::ui(),
            lang_changed: false,
            moved_on: None,
            unrecorded: false,
            debrief_saved: false,
            held: false,
            too_small: false,
        }
    }

    /// The interviewer's closing remarks are on screen (before the debrief).
    pub fn ending_showing(&self) -> bool {
        !self.ending_dismissed
            && matches!(&self.screen, Screen::Session(s) if crate::tui::views::ending::closing(s).is_some())
    }

    /// The session on screen, if any.
    pub fn session(&self) -> Option<&State> {
        match &self.screen {
            Screen::Ready(s) | Screen::Session(s) => Some(s),
            Screen::Picker(_) | Screen::Progress(_) => None,
        }
    }

    /// Whether keys currently go into a text editor (so `q` and `?` type).
    pub fn typing(&self) -> bool {
        match (&self.screen, self.focus) {
            (Screen::Picker(p), _) => p.filtering,
            (Screen::Session(s), Focus::Notes) => s.phase == Phase::Running,
            (Screen::Session(s), Focus::Answer) => {
                s.phase == Phase::Running && !s.rating() && !matches!(s.current().answer, Answer::Choice { .. })
            }
            _ => false,
        }
    }

    /// Applies one action at monotonic time `now` (ms).
    pub fn act(&mut self, action: Action, now: u64) {
        match action {
            Action::Quit => self.quit = true,
            Action::AskQuit => {
                self.overlay = Some(Overlay::ConfirmQuit);
                self.hold(now);
            }
            Action::ConfirmQuit => self.confirm_quit(now),
            Action::CloseOverlay => {
                self.overlay = None;
                self.release(now);
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
                self.hold(now);
            }
            Action::ScrollHelp(d) => self.help_scroll = shift(self.help_scroll, d),
            Action::NextTrap => self.jump_trap(1),
            Action::PrevTrap => self.jump_trap(-1),
            Action::Export => self.export = true,
            Action::DismissEnding => {
                self.ending_dismissed = true;
                self.scroll = 0;
            }
            Action::Suspend => {
                // Stepping away stops the clock, as Esc would.
                if matches!(&self.screen, Screen::Session(s) if s.phase == Phase::Running) {
                    self.send(EventKind::Pause, now);
                }
                self.suspend = true;
            }
            Action::Move(d) => self.picker_move(d),
            Action::FilterStart
            | Action::FilterChar(_)
            | Action::FilterText(_)
            | Action::FilterBackspace
            | Action::FilterDone
            | Action::FilterClear => self.filter(action),
            Action::Choose => self.choose(),
            Action::ToggleLang => {
                self.lang = self.lang.other();
                self.lang_changed = true;
            }
            Action::CyclePace => {
                let i = Pace::ALL.iter().position(|p| *p == self.pace).unwrap_or(0);
                self.pace = Pace::ALL[(i + 1) % Pace::ALL.len()];
            }
            Action::StartClock => self.start_clock(now),
            Action::Back => self.back(),
            Action::Session(kind) => {
                if !self.spilled(&kind, now) {
                    self.send(kind, now);
                }
            }
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusNotes => self.focus = Focus::Notes,
            Action::ChoiceMove(d) => self.choice_move(d, now),
            Action::ChoicePick(shown) => {
                // The key names the option by where it shows; the core
                // takes the scenario's index.
                if let Some(&i) = self.session().and_then(|s| s.order.get(shown)) {
                    self.send(EventKind::Select(i), now);
                }
            }
            Action::PointMove(d) => self.point_move(d),
            Action::PointToggle => self.send(EventKind::Toggle(self.point_cursor), now),
            Action::PointPick(i) => {
                self.point_cursor = i;
                self.send(EventKind::Toggle(i), now);
            }
            Action::ScrollPrompt(d) => self.prompt_scroll = shift(self.prompt_scroll, d),
            Action::Scroll(d) => match &mut self.screen {
                Screen::Progress(p) => {
                    let max = super::views::progress::max_scroll(&self.theme, self.lang, p, self.size);
                    p.scroll = shift(p.scroll, d).min(max);
                }
                _ => self.scroll = shift(self.scroll, d).min(self.debrief_max_scroll()),
            },
            Action::Progress => self.open_progress(),
        }
    }

    /// Reloads the picker's list from a new walk when a user scenario file
    /// was added, removed or saved; the selection stays on the same
    /// scenario. `problem` is the watch's, if it cannot watch. Returns
    /// whether anything on screen changed.
    pub fn refresh_picker(&mut self, scan: crate::library::Walk, problem: Option<&str>) -> bool {
        let Screen::Picker(p) = &mut self.screen else { return false };
        let mut notices = scan.notices();
        notices.extend(problem.map(str::to_string));
        let mut changed = notices != p.notices;
        p.notices = notices;
        let now = scan.fingerprint();
        if now != p.fingerprint {
            let selected = p.rows().get(p.selected).map(|&i| p.entries[i].id.clone());
            p.entries = crate::library::load_from(&scan, &self.catalogue);
            p.fingerprint = now;
            let rows = p.rows();
            p.selected = selected.and_then(|id| rows.iter().position(|&i| p.entries[i].id == id)).unwrap_or(0);
            changed = true;
        }
        p.dirs = scan.dirs;
        changed
    }

    /// Whether `kind` is a key meant for the question the session just left
    /// by itself (see [`MOVED_ON_GRACE_MS`]); any later key puts the
    /// moved-on notice away.
    fn spilled(&mut self, kind: &EventKind, now: u64) -> bool {
        let Some(m) = self.moved_on else { return false };
        let typing = matches!(kind, EventKind::Key(..) | EventKind::Paste(..) | EventKind::Submit | EventKind::Done);
        if typing && now < m.at + MOVED_ON_GRACE_MS {
            return true;
        }
        self.moved_on = None;
        false
    }

    /// Time passes: lets the core settle deadlines.
    pub fn tick(&mut self, now: u64) {
        if self.moved_on.is_some_and(|m| now >= m.at + MOVED_ON_MS) {
            self.moved_on = None;
        }
        if let Screen::Session(s) = &self.screen
            && matches!(s.phase, Phase::Running)
        {
            self.send(EventKind::Tick, now);
        }
    }

    /// Feeds one event to the session core and follows its effects.
    fn send(&mut self, kind: EventKind, now: u64) {
        let Screen::Session(state) = &mut self.screen else { return };
        let event = Event::new(now, kind);
        if event.kind != EventKind::Tick {
            self.journal.push(Line::Event(event.clone()));
        }
        let effects = update(state, event);
        // A Spoken answer marked done: its checklist takes the keys.
        if state.rating() && self.focus == Focus::Answer {
            self.focus = Focus::Points;
        }
        let quit = state.phase == Phase::Finished(crate::session::Ending::Quit);
        for effect in effects {
            match effect {
                Effect::Asked(_) => {
                    self.boundary = true;
                    self.reset_focus();
                    self.moved_on = self.moved_on_why().map(|why| MovedOn { why, at: now });
                }
                Effect::Finished => {
                    let status = if quit { EndStatus::Quit } else { EndStatus::Finished };
                    self.journal.push(Line::End { at_ms: now, status });
                    self.overlay = None;
                    self.scroll = 0;
                }
            }
        }
    }

    /// Why the session moved on to the question now asked, if it did so by
    /// itself (the last turn was left without a submit).
    fn moved_on_why(&self) -> Option<MovedOnWhy> {
        match self.session()?.turns.last()?.exit {
            crate::session::Exit::TimedOut => Some(MovedOnWhy::QuestionTime),
            crate::session::Exit::SessionOver => Some(MovedOnWhy::SessionTime),
            _ => None,
        }
    }

    /// A new question: the answer gets focus, the prompt scrolls to the top.
    fn reset_focus(&mut self) {
        let rating = self.session().is_some_and(State::rating);
        self.focus = if rating { Focus::Points } else { Focus::Answer };
        self.point_cursor = 0;
        self.prompt_scroll = 0;
    }

    /// Quitting a running interview ends it and shows the summary; from
    /// anywhere else it leaves.
    /// The question is hidden (an overlay over it, or a terminal too small
    /// to show it): a running clock pauses, through the core, so the pause
    /// is recorded and a replay or debrief counts the same time.
    fn hold(&mut self, now: u64) {
        if !self.held && matches!(&self.screen, Screen::Session(s) if s.phase == crate::session::Phase::Running) {
            self.send(EventKind::Pause, now);
            self.held = true;
        }
    }

    /// The question shows again: the clock runs on, unless the candidate
    /// had paused it themselves or it is still hidden.
    fn release(&mut self, now: u64) {
        if self.held && self.overlay.is_none() && !self.too_small {
            self.held = false;
            if matches!(&self.screen, Screen::Session(s) if matches!(s.phase, crate::session::Phase::Paused { .. })) {
                self.send(EventKind::Resume, now);
            }
        }
    }

    /// The terminal is now `cols`x`rows`; `too_small` when the screens
    /// cannot be drawn there (the question is then hidden).
    pub fn resized(&mut self, cols: u16, rows: u16, too_small: bool, now: u64) {
        self.size = (cols, rows);
        self.too_small = too_small;
        if too_small { self.hold(now) } else { self.release(now) }
    }

    fn confirm_quit(&mut self, now: u64) {
        self.overlay = None;
        if matches!(&self.screen, Screen::Session(s) if !s.is_finished()) {
            self.send(EventKind::Quit, now);
        } else {
            self.quit = true;
        }
    }

    fn picker_move(&mut self, d: i32) {
        if let Screen::Picker(p) = &mut self.screen {
            let n = p.rows().len();
            if n > 0 {
                p.selected = (p.selected as i64 + i64::from(d)).clamp(0, n as i64 - 1) as usize;
            }
            p.message = None;
        }
    }

    fn filter(&mut self, action: Action) {
        let Screen::Picker(p) = &mut self.screen else { return };
        match action {
            Action::FilterStart => p.filtering = true,
            Action::FilterChar(c) => p.filter.push(c),
            Action::FilterText(t) => p.filter.extend(t.chars().filter(|c| !c.is_control())),
            Action::FilterBackspace => {
                p.filter.pop();
            }
            Action::FilterDone => p.filtering = false,
            Action::FilterClear => {
                p.filter.clear();
                p.filtering = false;
            }
            _ => {}
        }
        p.selected = p.selected.min(p.rows().len().saturating_sub(1));
    }

    /// Enter on the picker: a runnable scenario goes to the ready screen.
    fn choose(&mut self) {
        let Screen::Picker(p) = &mut self.screen else { return };
        let Some(&i) = p.rows().get(p.selected) else { return };
        let entry = &p.entries[i];
        if let Some(d) = entry.checked.first_error() {
            let problem = format!("{}:{}:{}: {}", d.path, d.line, d.col, d.message);
            p.message = Some(crate::tr!(self.lang, "picker-cannot-start", id = entry.id.as_str(), problem = problem));
            return;
        }
        let Some(sc) = entry.checked.scenario.clone() else { return };
        self.source = Some(entry.checked.source.clone());
        match Compiled::new(sc, self.catalogue.clone()) {
            Ok(compiled) => {
                let state = State::new(compiled, self.seed, self.pace);
                self.screen = Screen::Ready(Box::new(state));
            }
            Err(e) => {
                p.message =
                    Some(crate::tr!(self.lang, "picker-cannot-start", id = entry.id.as_str(), problem = e.to_string()))
            }
        }
    }

    fn start_clock(&mut self, now: u64) {
        let screen = std::mem::replace(&mut self.screen, Screen::Picker(Picker::default()));
        self.screen = match screen {
            Screen::Ready(state) => Screen::Session(state),
            other => other,
        };
        self.send(EventKind::Start, now);
        self.reset_focus();
    }

    /// The progress screen, from the session index: what it holds, plus
    /// at most [`Progress::NEW_AT_MOST`] sessions not indexed yet.
    fn open_progress(&mut self) {
        let files = crate::record::store::list();
        let listing = crate::index::list(&files, crate::index::Mode::AtMost(Progress::NEW_AT_MOST));
        let filter = crate::practice::progress::Filter::default();
        let mut report = crate::practice::progress::report(&listing.sessions, &filter);
        report.left_out.unindexed = files.len().saturating_sub(listing.sessions.len());
        self.show_progress(report);
    }

    /// Shows `report` on the progress screen; Esc comes back to the picker
    /// as it is now. Only from the picker.
    pub fn show_progress(&mut self, report: crate::practice::progress::Report) {
        if !matches!(self.screen, Screen::Picker(_)) {
            return;
        }
        let Screen::Picker(picker) = std::mem::replace(&mut self.screen, Screen::Picker(Picker::default())) else {
            return;
        };
        let mut catalogue = self.catalogue.clone();
        if crate::practice::sheet::needs_scenario_traps(&report, &catalogue) {
            let scenarios = picker.entries.iter().filter_map(|e| e.checked.scenario.as_ref());
            catalogue = crate::practice::sheet::with_scenario_traps(&catalogue, scenarios);
        }
        let questions =
            crate::practice::sheet::Questions::of(picker.entries.iter().filter_map(|e| e.checked.scenario.as_ref()));
        self.screen = Screen::Progress(Box::new(Progress { report, catalogue, questions, scroll: 0, picker }));
    }

    /// Esc on the ready screen: back to the picker, the list as it was;
    /// on the progress screen: back to the picker it was opened from.
    fn back(&mut self) {
        if let Screen::Progress(_) = self.screen {
            let Screen::Progress(p) = std::mem::replace(&mut self.screen, Screen::Picker(Picker::default())) else {
                return;
            };
            self.screen = Screen::Picker(p.picker);
            return;
        }
        if let Screen::Ready(_) = self.screen {
            let scan = crate::library::scan();
            let entries = crate::library::load_from(&scan, &self.catalogue);
            self.screen = Screen::Picker(Picker::new(entries, scan).with_history());
        }
    }

    fn cycle_focus(&mut self, d: i32) {
        let Some(s) = self.session() else { return };
        // The talking points are hidden until the answer is done; then the
        // answer is final and the points take its place.
        let order: &[Focus] = if s.rating() { &[Focus::Points, Focus::Notes] } else { &[Focus::Answer, Focus::Notes] };
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0) as i32;
        let n = order.len() as i32;
        self.focus = order[((i + d).rem_euclid(n)) as usize];
    }

    /// Moves the choice cursor `d` places down the options as shown.
    fn choice_move(&mut self, d: i32, now: u64) {
        let Some(s) = self.session() else { return };
        if !matches!(s.current().answer, Answer::Choice { .. }) || s.order.is_empty() {
            return;
        }
        let at = s.order.iter().position(|&i| i == s.selected).unwrap_or(0);
        let to = (at as i64 + i64::from(d)).clamp(0, s.order.len() as i64 - 1) as usize;
        let i = s.order[to];
        self.send(EventKind::Select(i), now);
    }

    fn point_move(&mut self, d: i32) {
        let Some(s) = self.session() else { return };
        let n = s.ticked.len() as i64;
        if n > 0 {
            self.point_cursor = (self.point_cursor as i64 + i64::from(d)).clamp(0, n - 1) as usize;
        }
    }

    /// The language to coach `s` in: the one switched to in the picker
    /// (not yet told to [`crate::i18n::set_ui`], or the screen would be a
    /// frame behind it), else as the CLI chooses: the UI's when it was
    /// chosen, the scenario's own when not.
    pub fn debrief_lang(&self, s: &State) -> crate::i18n::Lang {
        if self.lang_changed || self.lang != crate::i18n::ui() {
            self.lang
        } else {
            crate::i18n::for_scenario(s.compiled.scenario.language)
        }
    }

    /// The debrief of `s` in [`Self::debrief_lang`].
    pub fn debrief(&self, s: &State) -> crate::assess::debrief::Debrief {
        crate::assess::debrief::build_in(s, self.debrief_lang(s))
    }

    /// How far the debrief can scroll at the current terminal size.
    fn debrief_max_scroll(&self) -> u16 {
        let Some(s) = self.session().filter(|s| s.is_finished()) else { return u16::MAX };
        let (w, h) = self.size;
        let rows = super::views::debrief::total_rows(&self.theme, &self.debrief(s), w.saturating_sub(2));
        // Header, footer and the two borders are not scrolled text.
        rows.saturating_sub(usize::from(h.saturating_sub(4))).min(usize::from(u16::MAX)) as u16
    }

    /// Scrolls the debrief to the next (or previous) trap heading.
    fn jump_trap(&mut self, d: i32) {
        let Some(s) = self.session().filter(|s| s.is_finished()) else { return };
        let debrief = self.debrief(s);
        let offsets = super::views::debrief::trap_offsets(&self.theme, &debrief, self.size.0.saturating_sub(2));
        let at = usize::from(self.scroll);
        let target = if d > 0 { offsets.iter().find(|&&o| o > at) } else { offsets.iter().rev().find(|&&o| o < at) };
        if let Some(&o) = target.or(if d > 0 { offsets.last() } else { offsets.first() }) {
            self.scroll = o.min(usize::from(u16::MAX)) as u16;
        }
    }

    /// The text target of the focused editor, if one has focus.
    pub fn target(&self) -> Option<Target> {
        if !self.typing() {
            return None;
        }
        match self.focus {
            Focus::Notes => Some(Target::Notes),
            Focus::Answer => Some(Target::Answer),
            Focus::Points => None,
        }
    }
}

fn shift(v: u16, d: i32) -> u16 {
    (i32::from(v) + d).clamp(0, i32::from(u16::MAX)) as u16
}
