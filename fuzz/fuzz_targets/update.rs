//! Arbitrary event sequences through the session core, `session::update`,
//! on a bundled scenario (or one of two small fixtures) picked by the input. The events are decoded here
//! from the fuzzer's bytes: keys with modifiers into either box, pastes
//! (CJK, emoji, control characters, `\r` line ends), choices, talking
//! points, submits, pause/resume, quit and reopen, ticks; times mostly
//! move forward by small and large steps, and in a "weird" run they jump
//! anywhere, backwards and to the ends of `u64`. A "resize" draws the whole
//! screen at a decoded size, as the TUI would. After every step a few
//! invariants that hold for any input are checked.
#![no_main]

use arbitrary::{Result, Unstructured};
use hotseat::session::{Effect, Event, EventKind, Key, KeyCode, MAX_IDLE_TIMEOUTS, Pace, Phase, State, Target, update};
use hotseat::tui::app::App;
use hotseat::tui::theme::Theme;
use hotseat::tui::views;
use hotseat_fuzz::{catalogue, fixtures, scenarios};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Bounds the steps of one input, so one run stays fast.
const MAX_STEPS: usize = 400;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = run(&mut u);
});

/// One step: an event, or a redraw at a new terminal size.
enum Step {
    Event(EventKind),
    Resize(u16, u16),
}

fn run(u: &mut Unstructured) -> Result<()> {
    let all: Vec<_> = scenarios().iter().chain(fixtures()).collect();
    let compiled = all[u.choose_index(all.len())?].clone();
    let pace = *u.choose(&Pace::ALL)?;
    let seed = u.arbitrary::<u64>()?;
    let weird = u.ratio(1, 8)?;
    let mut s = State::new(compiled, seed, pace);
    let mut now = 0u64;
    for _ in 0..MAX_STEPS {
        if u.is_empty() {
            break;
        }
        now = next_time(u, now, weird)?;
        match step(u)? {
            Step::Resize(w, h) => draw(&s, w, h),
            Step::Event(kind) => apply(&mut s, Event::new(now, kind), weird),
        }
    }
    Ok(())
}

fn next_time(u: &mut Unstructured, now: u64, weird: bool) -> Result<u64> {
    if weird && u.ratio(1, 4)? {
        return Ok(match u.int_in_range(0..=3)? {
            0 => u64::MAX - u.int_in_range(0..=5_000_000)?,
            1 => u.int_in_range(0..=now)?,
            2 => 0,
            _ => u.arbitrary()?,
        });
    }
    let dt: u64 = match u.int_in_range(0..=9)? {
        0..=5 => u.int_in_range(0..=400)?,
        6 | 7 => u.int_in_range(0..=30_000)?,
        8 => u.int_in_range(0..=600_000)?,
        // Hours: past every question's limit and the session's.
        _ => u.int_in_range(0..=20_000_000)?,
    };
    Ok(now.saturating_add(dt))
}

fn step(u: &mut Unstructured) -> Result<Step> {
    let target = if u.ratio(1, 4)? { Target::Notes } else { Target::Answer };
    Ok(Step::Event(match u.int_in_range(0..=19)? {
        0 => EventKind::Start,
        1 => EventKind::Tick,
        2..=7 => EventKind::Key(target, key(u)?),
        8 | 9 => EventKind::Paste(target, paste(u)?),
        10 => EventKind::Select(small(u)?),
        11 => EventKind::Toggle(small(u)?),
        12 | 13 => EventKind::Submit,
        14 => EventKind::Pause,
        15 => EventKind::Resume,
        16 => EventKind::Quit,
        17 => EventKind::Reopen,
        18 => EventKind::Done,
        _ => return Ok(Step::Resize(u.int_in_range(0..=300)?, u.int_in_range(0..=120)?)),
    }))
}

/// An index: mostly in range of any question's options, sometimes not.
fn small(u: &mut Unstructured) -> Result<usize> {
    Ok(if u.ratio(1, 16)? { u.arbitrary()? } else { u.int_in_range(0..=8)? })
}

const CODES: [KeyCode; 12] = [
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Enter,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Tab,
];

fn key(u: &mut Unstructured) -> Result<Key> {
    let code = if u.ratio(2, 3)? { KeyCode::Char(ch(u)?) } else { *u.choose(&CODES)? };
    let (ctrl, alt) = match u.int_in_range(0..=7)? {
        0 => (true, false),
        1 => (false, true),
        2 => (true, true),
        _ => (false, false),
    };
    Ok(Key { code, ctrl, alt })
}

/// Characters worth trying: the editor's Ctrl/Alt letters, CJK, wide and
/// combining characters, emoji, C0/C1 controls and bidi overrides.
const CHARS: &[char] = &[
    'a', 'z', 'h', 'u', 'y', 'w', 'k', 'd', 'f', 'b', 'e', 'm', 'n', 'p', 'r', 'v', ' ', '1', '%', '.', ',', '的',
    '我', '。', '，', '\u{301}', '😀', '\u{1b}', '\u{7}', '\0', '\r', '\n', '\t', '\u{9b}', '\u{202e}', '\u{200b}',
    '\u{feff}',
];

fn ch(u: &mut Unstructured) -> Result<char> {
    if u.ratio(1, 4)? { u.arbitrary() } else { Ok(*u.choose(CHARS)?) }
}

const PIECES: &[&str] = &[
    "We grew revenue 30% ",
    "我负责了这个项目，收入提升了三倍。",
    "\r\n",
    "\r",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{1b}[2J",
    "\u{202e}evil",
    "¥18M ",
    "Legal would handle that. ",
    "not ",
    "42",
    "1e309",
    "-0.0",
    "NaN",
    "😀👍🏽",
];

fn paste(u: &mut Unstructured) -> Result<String> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(0..=6)? {
        if u.ratio(1, 3)? {
            out.push_str(u.arbitrary::<&str>()?);
        } else {
            out.push_str(u.choose(PIECES)?);
        }
    }
    Ok(out)
}

/// Applies one event and checks what must hold after it.
fn apply(s: &mut State, e: Event, weird: bool) {
    let before = Before::of(s);
    let reopen = e.kind == EventKind::Reopen;
    let fx = update(s, e);
    assert!(s.last_at >= before.last_at, "the state's clock went backwards");
    assert!(s.node < s.compiled.scenario.nodes.len(), "current node out of range");
    assert_eq!(s.visits.len(), s.compiled.scenario.nodes.len());
    if before.finished && !(reopen && before.phase == Phase::Finished(hotseat::session::Ending::Quit)) {
        assert_eq!(s.phase, before.phase, "a finished session changed without a reopen");
    }
    if !before.finished && s.is_finished() {
        assert!(fx.contains(&Effect::Finished), "finished without a Finished effect");
    }
    // However long the gap, one event settles a bounded number of questions.
    let bound = before.turns + MAX_IDLE_TIMEOUTS as usize + 2;
    assert!(s.turns.len() <= bound, "one event added {} turns", s.turns.len() - before.turns);
    if reopen {
        assert!(s.turns.len() + 1 >= before.turns, "a reopen dropped more than the quit turn");
    } else {
        assert!(s.turns.len() >= before.turns, "turns were lost");
    }
    if !weird {
        // With time moving forward, session time never runs backwards.
        assert!(
            s.elapsed_ms() >= before.elapsed,
            "session time went backwards: {} -> {}",
            before.elapsed,
            s.elapsed_ms()
        );
        for t in &s.turns {
            assert!(t.asked_ms <= t.left_ms, "a turn left before it was asked: {t:?}");
        }
    }
    for text in [s.answer_text(), s.notes_text()] {
        if let Some(c) = text.chars().find(|&c| hotseat::text::is_hazard(c)) {
            panic!("raw control U+{:04X} reached an editor: {text:?}", c as u32);
        }
    }
}

struct Before {
    last_at: u64,
    elapsed: u64,
    finished: bool,
    phase: Phase,
    turns: usize,
}

impl Before {
    fn of(s: &State) -> Before {
        Before {
            last_at: s.last_at,
            elapsed: s.elapsed_ms(),
            finished: s.is_finished(),
            phase: s.phase,
            turns: s.turns.len(),
        }
    }
}

/// Draws the screen the TUI would show for `s` at `w`×`h`.
fn draw(s: &State, w: u16, h: u16) {
    let app = App::resumed(s.clone(), catalogue().clone(), Theme::plain());
    let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
    let _ = terminal.draw(|f| views::render(&app, f));
}
