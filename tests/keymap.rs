//! What each key means where: tables of (context, key, expected action)
//! run through `keymap::action_for` and `keymap::paste_action`, with no
//! terminal. Each context is an [`App`] built through the public API and
//! brought to its state with `App::act`, as the runtime would.

use std::sync::{Arc, LazyLock};

use hotseat::scenario::Scenario;
use hotseat::scenario::load::ron_options;
use hotseat::session::{Compiled, Ending, EventKind, Given, Key, KeyCode as K, Pace, Phase, Target};
use hotseat::traps::Catalogue;
use hotseat::tui::app::{Action, App, Focus, Overlay, Screen};
use hotseat::tui::keymap::{action_for, paste_action};
use hotseat::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A small scenario with every answer kind (as in the session core's tests):
/// `open` FreeText → (money) `pick` Choice → `talk` Spoken; a pass on
/// `open` goes to `quiz` Numeric, a pass there to `talk`.
const SCENARIO: &str = include_str!("fixtures/session-core.ron");

/// An empty data directory for this test process, so the picker lists the
/// bundled scenarios only.
static DATA_DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set once, under the LazyLock, before anything in this
    // process reads these variables (every App is built after forcing it).
    unsafe {
        std::env::set_var("HOTSEAT_DATA_DIR", dir.path());
        std::env::remove_var("HOTSEAT_SCENARIO_PATH");
    }
    dir
});

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    LazyLock::force(&DATA_DIR);
    hotseat::traps::load(None).0
});

static COMPILED: LazyLock<Arc<Compiled>> = LazyLock::new(|| {
    let sc: Scenario = ron_options().from_str(SCENARIO).expect("test scenario parses");
    Compiled::new(sc, CATALOGUE.clone()).expect("test scenario compiles")
});

/// Where the keys are pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Picker,
    Filtering,
    Ready,
    FreeText,
    Numeric,
    Choice,
    Spoken,
    /// A Spoken question marked done: rating its talking points.
    Rating,
    /// A Choice question with the notes focused.
    ChoiceNotes,
    Paused,
    /// The help overlay over a running Choice question.
    Help,
    /// The quit confirmation over a running FreeText question.
    ConfirmQuit,
    Summary,
}

const SESSION: [Ctx; 6] = [Ctx::FreeText, Ctx::Numeric, Ctx::Choice, Ctx::Spoken, Ctx::Rating, Ctx::ChoiceNotes];

fn picker() -> App {
    let entries = hotseat::library::load(&*CATALOGUE);
    App::picker(entries, CATALOGUE.clone(), Pace::Real, 1, Theme::plain())
}

fn running() -> App {
    LazyLock::force(&DATA_DIR);
    App::running(COMPILED.clone(), CATALOGUE.clone(), Pace::Real, 1, Theme::plain(), 0)
}

fn act(app: &mut App, action: Action) {
    app.act(action, 100);
}

fn submit(app: &mut App) {
    act(app, Action::Session(EventKind::Submit));
}

fn node(app: &App) -> &str {
    &app.session().expect("a session").current().id
}

fn build(ctx: Ctx) -> App {
    let mut app = match ctx {
        Ctx::Picker | Ctx::Filtering | Ctx::Ready => picker(),
        _ => running(),
    };
    match ctx {
        Ctx::Picker | Ctx::FreeText => {}
        Ctx::Filtering => act(&mut app, Action::FilterStart),
        Ctx::Ready => act(&mut app, Action::Choose),
        Ctx::Numeric => submit(&mut app),
        Ctx::Choice | Ctx::ChoiceNotes | Ctx::Help => {
            act(&mut app, Action::Session(EventKind::Paste(Target::Answer, "¥5M".into())));
            submit(&mut app);
            if ctx == Ctx::ChoiceNotes {
                act(&mut app, Action::FocusNotes);
            }
            if ctx == Ctx::Help {
                act(&mut app, Action::Help);
            }
        }
        Ctx::Spoken | Ctx::Rating => {
            submit(&mut app);
            submit(&mut app);
            if ctx == Ctx::Rating {
                act(&mut app, Action::Session(EventKind::Done));
            }
        }
        Ctx::Paused => act(&mut app, Action::Session(EventKind::Pause)),
        Ctx::ConfirmQuit => act(&mut app, Action::AskQuit),
        Ctx::Summary => act(&mut app, Action::Session(EventKind::Quit)),
    }
    // The context is what it says it is.
    match ctx {
        Ctx::Picker => assert!(matches!(&app.screen, Screen::Picker(p) if !p.filtering)),
        Ctx::Filtering => assert!(matches!(&app.screen, Screen::Picker(p) if p.filtering)),
        Ctx::Ready => assert!(matches!(app.screen, Screen::Ready(_))),
        Ctx::FreeText | Ctx::ConfirmQuit => assert_eq!(node(&app), "open"),
        Ctx::Numeric => assert_eq!(node(&app), "quiz"),
        Ctx::Choice | Ctx::ChoiceNotes | Ctx::Help => assert_eq!(node(&app), "pick"),
        Ctx::Spoken | Ctx::Rating => assert_eq!(node(&app), "talk"),
        Ctx::Paused => assert!(matches!(app.session().map(|s| s.phase), Some(Phase::Paused { .. }))),
        Ctx::Summary => assert!(app.session().is_some_and(|s| s.is_finished())),
    }
    let focus = match ctx {
        Ctx::Rating => Focus::Points,
        Ctx::ChoiceNotes => Focus::Notes,
        _ => Focus::Answer,
    };
    assert_eq!(app.focus, focus, "{ctx:?}");
    let overlay = match ctx {
        Ctx::Help => Some(Overlay::Help),
        Ctx::ConfirmQuit => Some(Overlay::ConfirmQuit),
        _ => None,
    };
    assert_eq!(app.overlay, overlay, "{ctx:?}");
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::ALT)
}

fn shift_tab() -> KeyEvent {
    KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
}

/// The action of an editing key typed into `target`.
fn edit(target: Target, code: K) -> Option<Action> {
    Some(Action::Session(EventKind::Key(target, Key::plain(code))))
}

fn typed(target: Target, c: char) -> Option<Action> {
    edit(target, K::Char(c))
}

fn session(kind: EventKind) -> Option<Action> {
    Some(Action::Session(kind))
}

/// Checks every row; reports all mismatches at once.
fn check(table: &[(Ctx, KeyEvent, Option<Action>)]) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(ctx, key, want)| {
            let got = action_for(&build(*ctx), *key);
            (got != *want).then(|| format!("{ctx:?} {:?}+{:?}: want {want:?}, got {got:?}", key.modifiers, key.code))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} rows wrong:\n{}", failures.len(), table.len(), failures.join("\n"));
}

#[test]
fn ctrl_c_asks_in_a_running_session_and_quits_at_once_elsewhere() {
    let mut table = vec![
        (Ctx::Picker, ctrl('c'), Some(Action::Quit)),
        (Ctx::Filtering, ctrl('c'), Some(Action::Quit)),
        (Ctx::Ready, ctrl('c'), Some(Action::Quit)),
        (Ctx::Summary, ctrl('c'), Some(Action::Quit)),
        (Ctx::Paused, ctrl('c'), Some(Action::AskQuit)),
        (Ctx::Help, ctrl('c'), Some(Action::AskQuit)),
    ];
    table.extend(SESSION.map(|ctx| (ctx, ctrl('c'), Some(Action::AskQuit))));
    check(&table);

    let mut app = build(Ctx::Picker);
    app.act(action_for(&app, ctrl('c')).expect("an action"), 0);
    assert!(app.quit, "the picker quits at once");

    let mut app = build(Ctx::FreeText);
    app.act(action_for(&app, ctrl('c')).expect("an action"), 0);
    assert!(!app.quit, "a running session asks first");
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
}

#[test]
fn q_and_question_mark_type_in_editors_but_quit_and_help_elsewhere() {
    check(&[
        (Ctx::FreeText, ch('q'), typed(Target::Answer, 'q')),
        (Ctx::FreeText, ch('?'), typed(Target::Answer, '?')),
        (Ctx::Numeric, ch('q'), typed(Target::Answer, 'q')),
        (Ctx::Spoken, ch('?'), typed(Target::Answer, '?')),
        (Ctx::ChoiceNotes, ch('q'), typed(Target::Notes, 'q')),
        (Ctx::ChoiceNotes, ch('?'), typed(Target::Notes, '?')),
        (Ctx::Filtering, ch('q'), Some(Action::FilterChar('q'))),
        (Ctx::Filtering, ch('?'), Some(Action::FilterChar('?'))),
        (Ctx::Choice, ch('q'), Some(Action::AskQuit)),
        (Ctx::Choice, ch('?'), Some(Action::Help)),
        (Ctx::Rating, ch('q'), Some(Action::AskQuit)),
        (Ctx::Rating, ch('?'), Some(Action::Help)),
        (Ctx::Paused, ch('q'), Some(Action::AskQuit)),
        (Ctx::Paused, ch('?'), Some(Action::Help)),
        (Ctx::Picker, ch('q'), Some(Action::Quit)),
        (Ctx::Picker, ch('?'), Some(Action::Help)),
        (Ctx::Ready, ch('q'), Some(Action::Quit)),
        (Ctx::Summary, ch('q'), Some(Action::Quit)),
        (Ctx::Summary, ch('?'), Some(Action::Help)),
    ]);
}

#[test]
fn ctrl_s_and_alt_enter_submit_from_any_focus() {
    let mut table = Vec::new();
    for ctx in SESSION {
        // On a Spoken answer being given the key marks it done instead.
        let want = if ctx == Ctx::Spoken { EventKind::Done } else { EventKind::Submit };
        table.push((ctx, ctrl('s'), session(want.clone())));
        table.push((ctx, alt(KeyCode::Enter), session(want)));
    }
    check(&table);
}

/// Issue 12 item 3: the talking points are hidden while a Spoken answer is
/// given. The submit key marks it done, the checklist then has the keys,
/// and Enter confirms what was ticked.
#[test]
fn a_spoken_answer_is_marked_done_then_its_points_rated_and_confirmed() {
    let mut app = build(Ctx::Spoken);
    let press = |app: &mut App, k: KeyEvent, at: u64| app.act(action_for(app, k).expect("an action"), at);
    press(&mut app, ch('x'), 200);
    assert_eq!(action_for(&app, ch('2')), typed(Target::Answer, '2'), "no checklist while answering");
    press(&mut app, ctrl('s'), 300);
    let s = app.session().expect("a session");
    assert!(s.rating() && s.turns.len() == 2, "still on the question, rating it");
    assert_eq!(app.focus, Focus::Points);
    assert!(!app.typing(), "the answer is final");
    press(&mut app, ch('2'), 400);
    press(&mut app, key(KeyCode::Down), 450);
    press(&mut app, ch(' '), 500);
    press(&mut app, ch(' '), 550);
    assert_eq!(app.session().map(|s| s.ticked.clone()), Some(vec![false, true]));
    press(&mut app, key(KeyCode::Enter), 600);
    let s = app.session().expect("a session");
    let t = s.turns.last().expect("answered");
    assert_eq!(t.given, Given::Points { ticked: vec![1], text: "x".into() });
    assert_eq!(t.left_ms, 300, "the answer ended when it was marked done");
}

#[test]
fn enter_submits_a_choice_or_number_and_breaks_a_line_in_text() {
    check(&[
        (Ctx::Choice, key(KeyCode::Enter), session(EventKind::Submit)),
        (Ctx::Numeric, key(KeyCode::Enter), session(EventKind::Submit)),
        (Ctx::FreeText, key(KeyCode::Enter), edit(Target::Answer, K::Enter)),
        (Ctx::Spoken, key(KeyCode::Enter), edit(Target::Answer, K::Enter)),
        (Ctx::ChoiceNotes, key(KeyCode::Enter), edit(Target::Notes, K::Enter)),
        (Ctx::Rating, key(KeyCode::Enter), session(EventKind::Submit)),
    ]);
    // And it really breaks the line.
    let mut app = build(Ctx::FreeText);
    for k in [ch('a'), key(KeyCode::Enter), ch('b')] {
        app.act(action_for(&app, k).expect("an action"), 200);
    }
    assert_eq!((node(&app), app.session().map(|s| s.answer_text())), ("open", Some("a\nb".to_string())));
}

#[test]
fn digits_pick_choices_and_points_and_type_elsewhere() {
    let mut table: Vec<_> =
        ('1'..='9').enumerate().map(|(i, c)| (Ctx::Choice, ch(c), Some(Action::ChoicePick(i)))).collect();
    table.extend([
        (Ctx::Choice, ch('0'), None),
        (Ctx::Rating, ch('2'), Some(Action::PointPick(1))),
        (Ctx::FreeText, ch('1'), typed(Target::Answer, '1')),
        (Ctx::Numeric, ch('1'), typed(Target::Answer, '1')),
        (Ctx::ChoiceNotes, ch('1'), typed(Target::Notes, '1')),
    ]);
    check(&table);

    let mut app = build(Ctx::Choice);
    app.act(action_for(&app, ch('2')).expect("an action"), 200);
    assert_eq!(app.session().map(|s| s.selected), Some(1));
    app.act(action_for(&app, ch('9')).expect("an action"), 300);
    assert_eq!(app.session().map(|s| s.selected), Some(1), "a digit past the last option changes nothing");
}

#[test]
fn esc_pauses_and_esc_enter_space_resume() {
    let mut table: Vec<_> = SESSION.map(|ctx| (ctx, key(KeyCode::Esc), session(EventKind::Pause))).to_vec();
    table.extend([
        (Ctx::Paused, key(KeyCode::Esc), session(EventKind::Resume)),
        (Ctx::Paused, key(KeyCode::Enter), session(EventKind::Resume)),
        (Ctx::Paused, ch(' '), session(EventKind::Resume)),
        (Ctx::Paused, ch('a'), None),
        (Ctx::Paused, key(KeyCode::Tab), None),
        (Ctx::Paused, ctrl('s'), None),
    ]);
    check(&table);

    let mut app = build(Ctx::FreeText);
    app.act(action_for(&app, key(KeyCode::Esc)).expect("an action"), 1_000);
    assert!(matches!(app.session().map(|s| s.phase), Some(Phase::Paused { .. })));
    app.act(action_for(&app, ch(' ')).expect("an action"), 5_000);
    assert_eq!(app.session().map(|s| (s.phase, s.elapsed_ms())), Some((Phase::Running, 1_000)));
}

#[test]
fn tab_and_backtab_cycle_focus() {
    let mut table = Vec::new();
    for ctx in SESSION {
        table.push((ctx, key(KeyCode::Tab), Some(Action::FocusNext)));
        table.push((ctx, shift_tab(), Some(Action::FocusPrev)));
    }
    check(&table);

    let cycle = |ctx: Ctx, key: KeyEvent, want: &[Focus]| {
        let mut app = build(ctx);
        let mut seen = vec![app.focus];
        for _ in 0..want.len() - 1 {
            app.act(action_for(&app, key).expect("an action"), 200);
            seen.push(app.focus);
        }
        assert_eq!(seen, want, "{ctx:?} {:?}", key.code);
    };
    use Focus::{Answer, Notes, Points};
    cycle(Ctx::Spoken, key(KeyCode::Tab), &[Answer, Notes, Answer]);
    cycle(Ctx::Rating, key(KeyCode::Tab), &[Points, Notes, Points]);
    cycle(Ctx::Rating, shift_tab(), &[Points, Notes, Points]);
    cycle(Ctx::FreeText, key(KeyCode::Tab), &[Answer, Notes, Answer]);
    cycle(Ctx::Choice, shift_tab(), &[Answer, Notes, Answer]);
    cycle(Ctx::Numeric, key(KeyCode::Tab), &[Answer, Notes, Answer]);
}

#[test]
fn ctrl_n_focuses_the_notes() {
    check(&SESSION.map(|ctx| (ctx, ctrl('n'), Some(Action::FocusNotes))));
    let mut app = build(Ctx::Rating);
    app.act(action_for(&app, ctrl('n')).expect("an action"), 200);
    assert_eq!(app.focus, Focus::Notes);
    app.act(action_for(&app, ch('x')).expect("an action"), 300);
    assert_eq!(app.session().map(|s| s.notes_text()), Some("x".to_string()));
}

#[test]
fn f1_opens_help_everywhere() {
    let mut table: Vec<_> = SESSION.map(|ctx| (ctx, key(KeyCode::F(1)), Some(Action::Help))).to_vec();
    for ctx in [Ctx::Picker, Ctx::Filtering, Ctx::Ready, Ctx::Paused, Ctx::Summary] {
        table.push((ctx, key(KeyCode::F(1)), Some(Action::Help)));
    }
    check(&table);
}

#[test]
fn help_closes_and_swallows_other_keys() {
    check(&[
        (Ctx::Help, key(KeyCode::Esc), Some(Action::CloseOverlay)),
        (Ctx::Help, key(KeyCode::Enter), Some(Action::CloseOverlay)),
        (Ctx::Help, key(KeyCode::F(1)), Some(Action::CloseOverlay)),
        (Ctx::Help, ch('?'), Some(Action::CloseOverlay)),
        (Ctx::Help, ch('q'), Some(Action::CloseOverlay)),
        (Ctx::Help, ch('1'), None),
        (Ctx::Help, ctrl('s'), None),
        (Ctx::Help, key(KeyCode::Tab), None),
    ]);
    let mut app = build(Ctx::Help);
    app.act(action_for(&app, key(KeyCode::Esc)).expect("an action"), 200);
    assert_eq!(app.overlay, None);
    assert!(app.session().is_some_and(|s| s.phase == Phase::Running), "closing help does not pause");
}

#[test]
fn quit_confirmation_yes_and_no() {
    check(&[
        (Ctx::ConfirmQuit, ch('y'), Some(Action::ConfirmQuit)),
        (Ctx::ConfirmQuit, ch('Y'), Some(Action::ConfirmQuit)),
        // Enter is too easily pressed meaning "submit"; a second Ctrl-C means yes.
        (Ctx::ConfirmQuit, key(KeyCode::Enter), None),
        (Ctx::ConfirmQuit, ctrl('c'), Some(Action::ConfirmQuit)),
        (Ctx::ConfirmQuit, ch('n'), Some(Action::CloseOverlay)),
        (Ctx::ConfirmQuit, ch('N'), Some(Action::CloseOverlay)),
        (Ctx::ConfirmQuit, key(KeyCode::Esc), Some(Action::CloseOverlay)),
        (Ctx::ConfirmQuit, ch('a'), None),
        (Ctx::ConfirmQuit, ctrl('s'), None),
    ]);

    let mut app = build(Ctx::ConfirmQuit);
    app.act(action_for(&app, ch('n')).expect("an action"), 200);
    assert_eq!((app.overlay, app.quit), (None, false));
    assert!(app.session().is_some_and(|s| s.phase == Phase::Running));

    // Yes ends the interview and shows the summary; leaving is one more key.
    let mut app = build(Ctx::ConfirmQuit);
    app.act(action_for(&app, ch('y')).expect("an action"), 200);
    assert!(!app.quit);
    assert_eq!(app.session().map(|s| s.phase), Some(Phase::Finished(Ending::Quit)));
    app.act(action_for(&app, ch('q')).expect("an action"), 300);
    assert!(app.quit);
}

#[test]
fn picker_filtering() {
    check(&[
        (Ctx::Picker, ch('/'), Some(Action::FilterStart)),
        (Ctx::Picker, key(KeyCode::Esc), Some(Action::FilterClear)),
        (Ctx::Picker, key(KeyCode::Enter), Some(Action::Choose)),
        (Ctx::Picker, key(KeyCode::Down), Some(Action::Move(1))),
        (Ctx::Picker, ch('k'), Some(Action::Move(-1))),
        (Ctx::Filtering, ch('h'), Some(Action::FilterChar('h'))),
        (Ctx::Filtering, ch('/'), Some(Action::FilterChar('/'))),
        (Ctx::Filtering, ch('p'), Some(Action::FilterChar('p'))),
        (Ctx::Filtering, ch('j'), Some(Action::FilterChar('j'))),
        (Ctx::Filtering, key(KeyCode::Backspace), Some(Action::FilterBackspace)),
        (Ctx::Filtering, key(KeyCode::Enter), Some(Action::FilterDone)),
        (Ctx::Filtering, key(KeyCode::Esc), Some(Action::FilterClear)),
        (Ctx::Filtering, key(KeyCode::Down), Some(Action::Move(1))),
        (Ctx::Filtering, ctrl('a'), None),
    ]);

    let picker = |app: &App| match &app.screen {
        Screen::Picker(p) => (p.filter.clone(), p.filtering, p.rows().len()),
        _ => panic!("not the picker"),
    };
    let press = |app: &mut App, k: KeyEvent| app.act(action_for(app, k).expect("an action"), 0);
    let mut app = build(Ctx::Picker);
    let all = picker(&app).2;
    press(&mut app, ch('/'));
    for c in "huawei".chars() {
        press(&mut app, ch(c));
    }
    assert_eq!(picker(&app), ("huawei".to_string(), true, 1));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(picker(&app), ("huawei".to_string(), false, 1), "Enter keeps the filter and stops typing");
    assert_eq!(action_for(&app, ch('q')), Some(Action::Quit), "after Enter, keys are commands again");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(picker(&app), (String::new(), false, all), "Esc clears");

    press(&mut app, ch('/'));
    press(&mut app, ch('x'));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, ch('z'));
    press(&mut app, ch('z'));
    assert_eq!(picker(&app), ("zz".to_string(), true, 0));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(action_for(&app, key(KeyCode::Enter)), Some(Action::Choose));
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Picker(_)), "Enter on an empty list starts nothing");
}

#[test]
fn p_cycles_the_pace() {
    check(&[
        (Ctx::Picker, ch('p'), Some(Action::CyclePace)),
        (Ctx::Picker, key(KeyCode::Tab), Some(Action::CyclePace)),
        (Ctx::Filtering, ch('p'), Some(Action::FilterChar('p'))),
        (Ctx::Ready, ch('p'), None),
    ]);
    let mut app = build(Ctx::Picker);
    let mut seen = vec![app.pace];
    for _ in 0..4 {
        app.act(action_for(&app, ch('p')).expect("an action"), 0);
        seen.push(app.pace);
    }
    assert_eq!(seen, [Pace::Real, Pace::Pressure, Pace::Untimed, Pace::Relaxed, Pace::Real]);

    // The pace chosen is the one the session runs at.
    app.act(Action::CyclePace, 0);
    app.act(Action::Choose, 0);
    assert_eq!(app.session().map(|s| s.pace), Some(Pace::Pressure));
}

#[test]
fn ready_screen_keys() {
    check(&[
        (Ctx::Ready, key(KeyCode::Enter), Some(Action::StartClock)),
        (Ctx::Ready, key(KeyCode::Esc), Some(Action::Back)),
        (Ctx::Ready, ch('?'), Some(Action::Help)),
        (Ctx::Ready, ctrl('s'), None),
    ]);
    let mut app = build(Ctx::Ready);
    app.act(action_for(&app, key(KeyCode::Enter)).expect("an action"), 500);
    assert!(app.session().is_some_and(|s| s.phase == Phase::Running));
    assert!(matches!(app.screen, Screen::Session(_)));
}

#[test]
fn ctrl_z_suspends_everywhere() {
    let mut table: Vec<_> = SESSION.map(|ctx| (ctx, ctrl('z'), Some(Action::Suspend))).to_vec();
    for ctx in [Ctx::Picker, Ctx::Filtering, Ctx::Ready, Ctx::Paused, Ctx::Help, Ctx::ConfirmQuit, Ctx::Summary] {
        table.push((ctx, ctrl('z'), Some(Action::Suspend)));
    }
    check(&table);
    let mut app = build(Ctx::FreeText);
    app.act(action_for(&app, ctrl('z')).expect("an action"), 200);
    assert!(app.suspend);
}

#[test]
fn key_releases_mean_nothing() {
    for ctx in [Ctx::Picker, Ctx::FreeText, Ctx::Choice, Ctx::Paused] {
        for k in [ch('q'), ctrl('c'), key(KeyCode::Enter), key(KeyCode::Esc)] {
            let release = KeyEvent { kind: KeyEventKind::Release, ..k };
            assert_eq!(action_for(&build(ctx), release), None, "{ctx:?} {k:?}");
        }
    }
}

#[test]
fn summary_keys() {
    check(&[
        (Ctx::Summary, key(KeyCode::Enter), None),
        (Ctx::Summary, key(KeyCode::Esc), Some(Action::Quit)),
        (Ctx::Summary, key(KeyCode::Down), Some(Action::Scroll(1))),
        (Ctx::Summary, key(KeyCode::PageUp), Some(Action::Scroll(-10))),
        (Ctx::Summary, ch(' '), Some(Action::Scroll(10))),
        (Ctx::Summary, ctrl('s'), None),
    ]);
}

#[test]
fn paste_goes_to_the_focused_editor_and_never_to_a_choice_list() {
    let text = || "数据主权 canary\nline two".to_string();
    let pasted = |target| session(EventKind::Paste(target, text()));
    let table = [
        (Ctx::FreeText, pasted(Target::Answer)),
        (Ctx::Numeric, pasted(Target::Answer)),
        (Ctx::Spoken, pasted(Target::Answer)),
        (Ctx::ChoiceNotes, pasted(Target::Notes)),
        (Ctx::Choice, None),
        (Ctx::Rating, None),
        (Ctx::Help, None),
        (Ctx::ConfirmQuit, None),
        (Ctx::Paused, None),
        (Ctx::Picker, None),
        (Ctx::Ready, None),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(ctx, want)| {
            let got = paste_action(&build(*ctx), text());
            (got != *want).then(|| format!("{ctx:?}: want {want:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Applied: the notes get the whole text; the Choice's selection stays.
    let mut app = build(Ctx::ChoiceNotes);
    app.act(paste_action(&app, text()).expect("an action"), 200);
    let s = app.session().expect("a session");
    assert_eq!((s.notes_text(), s.selected), (text(), 0));
}

/// Issue 16, item 3: Enter on the debrief does not leave the app (the
/// footer offers `q`); `q` and Esc leave; a debrief kept nowhere
/// (`--no-record`, not saved) asks first, and `e` at the question saves it.
#[test]
fn the_debrief_is_left_with_q_and_an_unrecorded_one_asks_first() {
    check(&[
        (Ctx::Summary, key(KeyCode::Enter), None),
        (Ctx::Summary, ch('q'), Some(Action::Quit)),
        (Ctx::Summary, key(KeyCode::Esc), Some(Action::Quit)),
    ]);
    let mut app = build(Ctx::Summary);
    app.unrecorded = true;
    assert_eq!(action_for(&app, ch('q')), Some(Action::AskQuit), "an unrecorded debrief asks before leaving");
    assert_eq!(action_for(&app, ctrl('c')), Some(Action::AskQuit));
    app.act(Action::AskQuit, 0);
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(action_for(&app, ch('e')), Some(Action::Export), "e saves it from the question");
    app.debrief_saved = true;
    app.overlay = None;
    assert_eq!(action_for(&app, ch('q')), Some(Action::Quit), "once saved, q leaves at once");
}

/// Issue 16, item 1: while the question is hidden (help, the quit
/// question, a terminal too small) the clock is paused, and the pause goes
/// into the recording (the journal), so a replay and the debrief agree.
#[test]
fn the_clock_stops_while_the_question_is_hidden_and_the_pause_is_recorded() {
    use hotseat::record::format::Line;
    use hotseat::session::Phase;
    let mut app = build(Ctx::FreeText);
    let elapsed = |app: &App| app.session().expect("session").elapsed_ms();
    app.tick(1_000);
    let before = elapsed(&app);
    app.act(Action::Help, 1_000);
    app.tick(8_000);
    assert!(matches!(app.session().expect("session").phase, Phase::Paused { .. }), "help pauses");
    app.act(Action::CloseOverlay, 8_000);
    assert_eq!(app.session().expect("session").phase, Phase::Running, "closing help resumes");
    assert_eq!(elapsed(&app), before, "the 7 s of help cost nothing");

    app.act(Action::AskQuit, 9_000);
    app.act(Action::CloseOverlay, 12_000);
    assert_eq!(elapsed(&app), before + 1_000, "nor does the quit question");

    app.resized(50, 14, true, 13_000);
    app.tick(20_000);
    assert!(matches!(app.session().expect("session").phase, Phase::Paused { .. }), "too small pauses");
    app.resized(120, 40, false, 20_000);
    assert_eq!(elapsed(&app), before + 2_000, "nor does a terminal too small");
    let pauses = app
        .journal
        .iter()
        .filter(|l| matches!(l, Line::Event(e) if matches!(e.kind, EventKind::Pause | EventKind::Resume)))
        .count();
    assert_eq!(pauses, 6, "each hiding and showing is recorded");

    // A pause the candidate chose is theirs: closing help does not end it.
    app.act(Action::Session(EventKind::Pause), 21_000);
    app.act(Action::Help, 21_500);
    app.act(Action::CloseOverlay, 22_000);
    assert!(matches!(app.session().expect("session").phase, Phase::Paused { .. }));
}
