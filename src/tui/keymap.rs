//! Keys to actions, in one place. What a key means depends on the screen,
//! any overlay, the focus and the kind of answer; this module decides it
//! and nothing else, so it is tested as tables without a terminal.
//!
//! Submit is `Ctrl-S` (and `Alt-Enter`): both reach the program in tmux,
//! xterm and the Linux console, unlike `Ctrl-Enter`. In a Choice or number
//! field plain Enter submits too. On a Spoken question the same key marks
//! the answer done, and then Enter (or it again) confirms the points rated.

use ratatui::crossterm::event::{KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, App, Focus, Overlay, Screen};
use crate::scenario::Answer;
use crate::session::{EventKind, Key, KeyCode, Phase, Target};

/// The action for a key press, or `None` when the key means nothing here.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (key.code, ctrl) {
        (CtKey::Char('z'), true) => return Some(Action::Suspend),
        (CtKey::Char('c'), true) => {
            // A second Ctrl-C at the question means yes.
            return Some(match app.overlay {
                _ if quits_at_once(app) => Action::Quit,
                Some(Overlay::ConfirmQuit) => Action::ConfirmQuit,
                _ => Action::AskQuit,
            });
        }
        (CtKey::F(1), _) if app.overlay.is_none() => return Some(Action::Help),
        _ => {}
    }
    if let Some(overlay) = app.overlay {
        return overlay_key(overlay, key);
    }
    match &app.screen {
        Screen::Picker(p) if p.filtering => filter_key(key),
        Screen::Picker(_) => picker_key(key),
        Screen::Ready(_) => ready_key(key),
        Screen::Progress(_) => progress_key(key),
        Screen::Session(_) if app.ending_showing() => ending_key(key),
        Screen::Session(s) if s.is_finished() => summary_key(app, key),
        Screen::Session(s) if matches!(s.phase, Phase::Paused { .. }) => paused_key(key),
        Screen::Session(_) => session_key(app, key),
    }
}

/// Pasted text goes to the focused editor, or the picker filter.
pub fn paste_action(app: &App, text: String) -> Option<Action> {
    if app.overlay.is_some() {
        return None;
    }
    match &app.screen {
        Screen::Picker(p) if p.filtering => Some(Action::FilterText(text)),
        Screen::Session(_) => app.target().map(|t| Action::Session(EventKind::Paste(t, text))),
        _ => None,
    }
}

/// Nothing would be lost by leaving now: not a session under way, nor a
/// debrief that exists nowhere else (`--no-record`, not saved with `e`).
fn quits_at_once(app: &App) -> bool {
    match &app.screen {
        Screen::Picker(_) | Screen::Ready(_) | Screen::Progress(_) => true,
        Screen::Session(s) => s.is_finished() && !app.debrief_unkept(),
    }
}

fn overlay_key(overlay: Overlay, key: KeyEvent) -> Option<Action> {
    match (overlay, key.code) {
        // Leaving an unrecorded debrief: `e` saves it first, as offered.
        (Overlay::ConfirmQuit, CtKey::Char('e')) => Some(Action::Export),
        // Enter does not confirm: it is too easily pressed meaning "submit".
        (Overlay::ConfirmQuit, CtKey::Char('y' | 'Y')) => Some(Action::ConfirmQuit),
        (Overlay::ConfirmQuit, CtKey::Char('n' | 'N') | CtKey::Esc) => Some(Action::CloseOverlay),
        (Overlay::Help, CtKey::Esc | CtKey::Enter | CtKey::F(1) | CtKey::Char('?' | 'q')) => Some(Action::CloseOverlay),
        (Overlay::Help, CtKey::Up | CtKey::Char('k')) => Some(Action::ScrollHelp(-1)),
        (Overlay::Help, CtKey::Down | CtKey::Char('j')) => Some(Action::ScrollHelp(1)),
        (Overlay::Help, CtKey::PageUp) => Some(Action::ScrollHelp(-10)),
        (Overlay::Help, CtKey::PageDown | CtKey::Char(' ')) => Some(Action::ScrollHelp(10)),
        _ => None,
    }
}

fn picker_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Up | CtKey::Char('k') => Action::Move(-1),
        CtKey::Down | CtKey::Char('j') => Action::Move(1),
        CtKey::PageUp => Action::Move(-10),
        CtKey::PageDown => Action::Move(10),
        CtKey::Char('/') => Action::FilterStart,
        CtKey::Enter => Action::Choose,
        CtKey::Char('p') | CtKey::Tab => Action::CyclePace,
        CtKey::Char('l') => Action::ToggleLang,
        CtKey::Char('g') => Action::Progress,
        CtKey::Char('?') => Action::Help,
        CtKey::Char('q') => Action::Quit,
        CtKey::Esc => Action::FilterClear,
        _ => return None,
    })
}

/// The progress screen: it scrolls; Esc or `q` goes back to the picker.
fn progress_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Esc | CtKey::Char('q') => Action::Back,
        CtKey::Up | CtKey::Char('k') => Action::Scroll(-1),
        CtKey::Down | CtKey::Char('j') => Action::Scroll(1),
        CtKey::PageUp => Action::Scroll(-10),
        CtKey::PageDown | CtKey::Char(' ') => Action::Scroll(10),
        CtKey::Home => Action::Scroll(-10_000),
        CtKey::End => Action::Scroll(10_000),
        CtKey::Char('?') => Action::Help,
        _ => return None,
    })
}

fn filter_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Esc => Action::FilterClear,
        CtKey::Enter => Action::FilterDone,
        CtKey::Backspace => Action::FilterBackspace,
        CtKey::Up => Action::Move(-1),
        CtKey::Down => Action::Move(1),
        CtKey::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Action::FilterChar(c),
        _ => return None,
    })
}

fn ready_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Enter => Action::StartClock,
        CtKey::Esc => Action::Back,
        CtKey::Char('q') => Action::Quit,
        CtKey::Char('?') => Action::Help,
        _ => return None,
    })
}

/// Any of the usual "go on" keys leaves the closing remarks; none of them
/// leaves the app, so the debrief cannot be skipped by a reflex.
fn ending_key(key: KeyEvent) -> Option<Action> {
    match key.code {
        CtKey::Enter | CtKey::Char(' ' | 'q') | CtKey::Esc => Some(Action::DismissEnding),
        _ => None,
    }
}

/// The debrief. Leaving takes `q` or Esc, never Enter (pressed from habit
/// after the last answer, it used to end the app); leaving a debrief kept
/// nowhere asks first.
fn summary_key(app: &App, key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Char('q') | CtKey::Esc if app.debrief_unkept() => Action::AskQuit,
        CtKey::Char('q') | CtKey::Esc => Action::Quit,
        CtKey::Up | CtKey::Char('k') => Action::Scroll(-1),
        CtKey::Down | CtKey::Char('j') => Action::Scroll(1),
        CtKey::PageUp => Action::Scroll(-10),
        CtKey::PageDown | CtKey::Char(' ') => Action::Scroll(10),
        CtKey::Home => Action::Scroll(-10_000),
        CtKey::End => Action::Scroll(10_000),
        CtKey::Char('n') => Action::NextTrap,
        CtKey::Char('p') => Action::PrevTrap,
        CtKey::Char('e') => Action::Export,
        CtKey::Char('?') => Action::Help,
        _ => return None,
    })
}

fn paused_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Esc | CtKey::Enter | CtKey::Char(' ') => Action::Session(EventKind::Resume),
        CtKey::Char('q') => Action::AskQuit,
        CtKey::Char('?') => Action::Help,
        _ => return None,
    })
}

/// A key while the clock runs.
fn session_key(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match (key.code, ctrl, alt) {
        (CtKey::Esc, ..) => return Some(Action::Session(EventKind::Pause)),
        (CtKey::Char('s'), true, _) | (CtKey::Enter, _, true) => return Some(Action::Session(submit_event(app))),
        (CtKey::Char('n'), true, _) => return Some(Action::FocusNotes),
        (CtKey::Tab, ..) => return Some(Action::FocusNext),
        (CtKey::BackTab, ..) => return Some(Action::FocusPrev),
        (CtKey::PageUp, _, true) => return Some(Action::ScrollPrompt(-3)),
        (CtKey::PageDown, _, true) => return Some(Action::ScrollPrompt(3)),
        _ => {}
    }
    if !app.typing() {
        match key.code {
            CtKey::Char('q') => return Some(Action::AskQuit),
            CtKey::Char('?') => return Some(Action::Help),
            CtKey::PageUp => return Some(Action::ScrollPrompt(-3)),
            CtKey::PageDown => return Some(Action::ScrollPrompt(3)),
            _ => {}
        }
    }
    let state = app.session()?;
    match app.focus {
        Focus::Notes => edit(Target::Notes, key),
        // Rating a Spoken answer: the checklist has the keys, Enter confirms.
        _ if state.rating() => match key.code {
            CtKey::Enter => Some(Action::Session(EventKind::Submit)),
            _ => points_key(key),
        },
        Focus::Points => points_key(key),
        Focus::Answer => match state.current().answer {
            Answer::Choice { .. } => choice_key(key),
            Answer::Numeric { .. } if key.code == CtKey::Enter => Some(Action::Session(EventKind::Submit)),
            _ => edit(Target::Answer, key),
        },
    }
}

/// What the submit key sends: on a Spoken answer still being given it marks
/// the answer done (the rating step comes next); anywhere else it submits.
fn submit_event(app: &App) -> EventKind {
    match app.session() {
        Some(s) if s.is_spoken() && !s.rating() => EventKind::Done,
        _ => EventKind::Submit,
    }
}

fn choice_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Up | CtKey::Char('k') => Action::ChoiceMove(-1),
        CtKey::Down | CtKey::Char('j') => Action::ChoiceMove(1),
        CtKey::Char(c @ '1'..='9') => Action::ChoicePick(c as usize - '1' as usize),
        CtKey::Enter => Action::Session(EventKind::Submit),
        _ => return None,
    })
}

fn points_key(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        CtKey::Up | CtKey::Char('k') => Action::PointMove(-1),
        CtKey::Down | CtKey::Char('j') => Action::PointMove(1),
        CtKey::Char(' ') | CtKey::Enter | CtKey::Char('x') => Action::PointToggle,
        CtKey::Char(c @ '1'..='9') => Action::PointPick(c as usize - '1' as usize),
        _ => return None,
    })
}

/// An editing key for a text area, in the core's terms.
fn edit(target: Target, key: KeyEvent) -> Option<Action> {
    let code = match key.code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Delete => KeyCode::Delete,
        CtKey::Enter => KeyCode::Enter,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        _ => return None,
    };
    let key = Key {
        code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
    };
    Some(Action::Session(EventKind::Key(target, key)))
}
