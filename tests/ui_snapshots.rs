//! Every screen rendered to a `TestBackend` at 120x40, 80x24 and 60x16 and
//! kept as a plain-text snapshot (`Theme::plain()`, events at fixed times,
//! an empty data directory), plus checks that hold whatever the snapshots
//! say: no row is wider than the terminal, no wide character is cut by
//! something drawn over its second half, the session screen always shows
//! its `Prompt`, `Timer` and `Notes` panels, and pausing hides the question.

use std::sync::{Arc, LazyLock};

use hotseat::library::{self, BUNDLED};
use hotseat::scenario::load::{check_bytes, ron_options};
use hotseat::scenario::{Answer, Scenario};
use hotseat::session::{Compiled, Ending, EventKind, Pace, Phase, Target};
use hotseat::traps::Catalogue;
use hotseat::tui::app::{Action, App, Screen};
use hotseat::tui::theme::Theme;
use hotseat::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];
const SEED: u64 = 7;

/// A small scenario with every answer kind (as in the session core's tests).
const SCENARIO: &str = include_str!("fixtures/session-core.ron");

/// An empty data directory for the whole test process, so no user
/// scenario or catalogue on this machine reaches a snapshot.
static DATA_DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set once, under the LazyLock, before anything in this
    // process reads these variables (every test forces this first).
    unsafe {
        std::env::set_var("HOTSEAT_DATA_DIR", dir.path());
        std::env::remove_var("HOTSEAT_SCENARIO_PATH");
    }
    dir
});

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    LazyLock::force(&DATA_DIR);
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    cat
});

fn catalogue() -> Catalogue {
    CATALOGUE.clone()
}

/// A bundled scenario by id.
fn bundled(id: &str) -> Scenario {
    let (name, src) = BUNDLED.iter().find(|(name, _)| *name == format!("{id}.ron")).expect("bundled scenario");
    check_bytes(name, src.as_bytes(), &*CATALOGUE).scenario.expect("bundled scenario is clean")
}

/// A running session of bundled scenario `id` starting at node `start`, its
/// clock started at 0.
fn session_at(id: &str, start: &str) -> App {
    let mut sc = bundled(id);
    sc.start = start.to_string();
    let compiled = Compiled::new(sc, catalogue()).expect("compiles");
    App::running(compiled, catalogue(), Pace::Real, SEED, Theme::plain(), 0)
}

/// A running session of the small inline scenario.
fn inline_session() -> App {
    let sc: Scenario = ron_options().from_str(SCENARIO).expect("test scenario parses");
    let compiled: Arc<Compiled> = Compiled::new(sc, catalogue()).expect("test scenario compiles");
    App::running(compiled, catalogue(), Pace::Real, SEED, Theme::plain(), 0)
}

fn picker() -> App {
    let entries = library::load(&*CATALOGUE);
    assert_eq!(entries.len(), BUNDLED.len(), "only the bundled scenarios");
    App::picker(entries, catalogue(), Pace::Real, SEED, Theme::plain())
}

fn paste(app: &mut App, target: Target, text: &str, at: u64) {
    app.act(Action::Session(EventKind::Paste(target, text.to_string())), at);
}

fn state(app: &App) -> &hotseat::session::State {
    app.session().expect("a session on screen")
}

/// The screen as plain text, one string per row, nothing trimmed. A cell
/// hidden under the second half of a wide character is left out (as a
/// terminal shows it); if anything but a blank was drawn there, the wide
/// character was cut, and the test fails.
fn render(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| views::render(app, f)).expect("draws");
    let buf = terminal.backend().buffer();
    let mut rows = Vec::with_capacity(usize::from(h));
    for y in 0..h {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            if skip == 0 {
                row.push_str(sym);
            } else {
                assert!(
                    sym == " " || sym.is_empty(),
                    "{w}x{h} row {y}: {sym:?} at column {x} is drawn over the second half of a wide character\n{row}"
                );
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        assert!(row.width() <= usize::from(w), "{w}x{h} row {y} is {} wide: {row:?}", row.width());
        rows.push(row);
    }
    rows
}

/// Renders `app` at `w`x`h`, snapshots it as `{name}_{w}x{h}` and returns
/// the rows for further checks.
fn snap(name: &str, app: &App, w: u16, h: u16) -> Vec<String> {
    let rows = render(app, w, h);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), rows.join("\n"));
    rows
}

/// Snapshots at every size; `check` sees the rows of each.
fn snap_all(name: &str, app: &App, check: impl Fn(u16, u16, &[String])) {
    for (w, h) in SIZES {
        let rows = snap(name, app, w, h);
        check(w, h, &rows);
    }
}

fn contains(rows: &[String], needle: &str) -> bool {
    rows.iter().any(|r| r.contains(needle))
}

/// The session screen's panels are all there.
fn has_panels(w: u16, h: u16, rows: &[String]) {
    for title in ["Prompt", "Timer", "Notes"] {
        assert!(contains(rows, &format!(" {title} ")), "{w}x{h}: no `{title}` panel\n{}", rows.join("\n"));
    }
}

#[test]
fn picker_lists_the_bundled_scenarios() {
    let app = picker();
    snap_all("picker", &app, |w, h, rows| {
        assert!(contains(rows, &format!("Scenarios ({})", BUNDLED.len())), "{w}x{h}");
        assert!(contains(rows, "pace: real"), "{w}x{h}");
    });
}

/// Issue 17 item 5: the details say when the selected scenario was last
/// played and its best verdict (from the session index), in both languages.
#[test]
fn picker_details_show_when_a_scenario_was_last_played_and_its_best_verdict() {
    use hotseat::index::Played;
    let mut app = picker();
    let Screen::Picker(p) = &mut app.screen else { panic!("picker") };
    let first = p.entries[p.rows()[0]].id.clone();
    let played = Played { last: "2026-12-05T09:30:00Z".into(), best: Some(hotseat::assess::debrief::Verdict::Hire) };
    p.played.insert(first, played);
    let rows = snap("picker_played", &app, 120, 40);
    assert!(contains(&rows, "Last played 2026-12-05"), "{}", rows.join("\n"));
    assert!(contains(&rows, "Best verdict: hire"), "{}", rows.join("\n"));
    app.act(Action::ToggleLang, 0);
    let rows = snap("zh_picker_played", &app, 120, 40);
    assert!(contains(&rows, "上次练习：2026-12-05"), "{}", rows.join("\n"));
    assert!(contains(&rows, "最好的结论：录用"), "{}", rows.join("\n"));
    app.act(Action::Move(1), 0);
    let rows = render(&app, 120, 40);
    assert!(!contains(&rows, "上次练习"), "a scenario never played says nothing");
}

#[test]
fn picker_with_a_filter_typed() {
    let mut app = picker();
    app.act(Action::FilterStart, 0);
    for c in "cloud".chars() {
        app.act(Action::FilterChar(c), 0);
    }
    let Screen::Picker(p) = &app.screen else { panic!("picker") };
    let shown = p.rows().len();
    assert!(shown > 0 && shown < BUNDLED.len(), "{shown} rows match");
    snap_all("picker_filtered", &app, |w, h, rows| {
        assert!(contains(rows, " / cloud"), "{w}x{h}");
        assert!(contains(rows, &format!("Scenarios ({shown})")), "{w}x{h}");
    });
}

#[test]
fn ready_screen() {
    let mut app = picker();
    app.act(Action::Choose, 0);
    assert!(matches!(app.screen, Screen::Ready(_)));
    snap_all("ready", &app, |w, h, rows| {
        assert!(contains(rows, "Ready?"), "{w}x{h}");
    });
}

#[test]
fn free_text_with_typed_answer_and_chinese_notes() {
    let mut app = session_at("alibaba-cloud-pm", "start");
    paste(
        &mut app,
        Target::Answer,
        "I moved government accounts from node-hours to a monthly commitment.\nCommitted spend grew by ¥17M over two quarters.",
        12_000,
    );
    app.act(Action::FocusNotes, 13_000);
    paste(&mut app, Target::Notes, "数据主权 canary: ask who signs off", 14_000);
    app.tick(15_400);
    assert_eq!(state(&app).notes_text(), "数据主权 canary: ask who signs off");
    snap_all("free_text", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "数据主权 canary"), "{w}x{h}: the notes show the Chinese text");
        assert!(contains(rows, "00:15"), "{w}x{h}: the elapsed clock");
    });
}

#[test]
fn free_text_in_chinese() {
    let mut app = session_at("behavioral-zh", "intro");
    paste(&mut app, Target::Answer, "我负责过一个数据主权相关的产品，上线半年续约率提升了12%。", 5_000);
    app.tick(6_000);
    snap_all("free_text_zh", &app, has_panels);
}

#[test]
fn choice_question() {
    let mut app = session_at("alibaba-cloud-pm", "usage-pushback");
    app.act(Action::ChoiceMove(1), 3_000);
    // Shown in the seed's order; the cursor moved to the second shown.
    let order = state(&app).order.clone();
    assert_eq!(state(&app).selected, order[1]);
    let Answer::Choice { options } = &state(&app).current().answer else { panic!("a choice") };
    let first: String = options[order[0]].label.chars().take(20).collect();
    snap_all("choice", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, &format!("1. {first}")), "{w}x{h}");
    });
}

#[test]
fn numeric_question_with_an_invalid_entry() {
    let mut app = session_at("alibaba-cloud-pm", "commitment-bill");
    paste(&mut app, Target::Answer, "about half a million", 20_000);
    app.act(Action::Session(EventKind::Submit), 21_000);
    let error = state(&app).numeric_error.clone().expect("an inline error").to_string();
    assert_eq!(state(&app).current().id, "commitment-bill", "stays on the question");
    snap_all("numeric_invalid", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "about half a million"), "{w}x{h}: the entry stays");
        let joined = rows.join(" ");
        let start: String = error.chars().take(12).collect();
        assert!(joined.contains(&start), "{w}x{h}: the error {error:?} shows");
    });
}

/// The spoken reseller pitch with a line of notes typed.
fn pitch_answered() -> App {
    let mut app = session_at("alibaba-cloud-pm", "reseller-pitch");
    paste(
        &mut app,
        Target::Answer,
        "Director, your budget is approved once a year, so your bill should be too.",
        30_000,
    );
    app
}

/// Issue 12 item 3: while a Spoken answer is given its talking points are
/// hidden, and a line says they come once it is done.
#[test]
fn spoken_question_hides_its_points_while_answering() {
    let app = pitch_answered();
    let points = state(&app).current().talking_points.clone();
    snap_all("spoken_answering", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "Once done, press Ctrl-S"), "{w}x{h}: says the points come later");
        assert!(contains(rows, "^S done"), "{w}x{h}: the footer says how");
        let joined = rows.join(" ");
        for p in &points {
            let start: String = p.chars().take(20).collect();
            assert!(!joined.contains(&start), "{w}x{h}: point {p:?} shows while answering");
        }
        assert!(!contains(rows, "[ ]"), "{w}x{h}: no checklist");
    });
}

/// Once marked done: "Which of these did you cover?", the checklist, the
/// question's clock stopped, Enter to confirm.
#[test]
fn spoken_question_rating_step() {
    let mut app = pitch_answered();
    app.act(Action::Session(EventKind::Done), 40_000);
    app.act(Action::PointPick(0), 41_000);
    app.tick(300_000);
    assert_eq!(state(&app).ticked.iter().filter(|t| **t).count(), 1);
    assert_eq!(state(&app).current().id, "reseller-pitch", "rating is untimed");
    snap_all("spoken_rating", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "Which of these did you cover?"), "{w}x{h}");
        assert!(contains(rows, "[x] 1."), "{w}x{h}: the ticked point");
        assert!(contains(rows, "STOPPED"), "{w}x{h}: the question's clock stopped");
        assert!(contains(rows, "Enter confirm") || w < 80, "{w}x{h}: the footer says how to confirm");
    });
}

#[test]
fn paused_hides_the_question() {
    let mut app = session_at("alibaba-cloud-pm", "start");
    let answer = "Committed spend grew by ¥17M";
    paste(&mut app, Target::Answer, answer, 10_000);
    app.act(Action::Session(EventKind::Pause), 45_000);
    app.tick(90_000);
    let s = state(&app);
    assert!(matches!(s.phase, Phase::Paused { .. }));
    let prompt = s.prompt().to_string();
    let context = s.current().context.clone().unwrap_or_default();
    snap_all("paused", &app, |w, h, rows| {
        let joined = rows.join(" ");
        assert!(joined.contains("Paused"), "{w}x{h}");
        for hidden in [&prompt, &context, &answer.to_string()] {
            // Any 12 characters of it would give it away, even wrapped.
            let words: Vec<&str> = hidden.split_whitespace().collect();
            for chunk in words.windows(2) {
                let piece = chunk.join(" ");
                if piece.chars().count() >= 12 {
                    assert!(!joined.contains(&piece), "{w}x{h}: {piece:?} shows while paused\n{}", rows.join("\n"));
                }
            }
        }
        assert!(!contains(rows, " Prompt "), "{w}x{h}: no prompt panel while paused");
        assert!(contains(rows, "00:45"), "{w}x{h}: the clock stopped at the pause");
    });
}

#[test]
fn help_overlay() {
    let mut app = session_at("alibaba-cloud-pm", "usage-pushback");
    app.act(Action::Help, 1_000);
    snap_all("help", &app, |w, h, rows| {
        assert!(contains(rows, "Help"), "{w}x{h}");
        assert!(contains(rows, "Ctrl-S, Alt-Enter"), "{w}x{h}");
    });
}

#[test]
fn quit_confirmation() {
    let mut app = session_at("alibaba-cloud-pm", "start");
    paste(&mut app, Target::Answer, "Half an answer", 4_000);
    app.act(Action::AskQuit, 5_000);
    snap_all("confirm_quit", &app, |w, h, rows| {
        assert!(contains(rows, "Quit?"), "{w}x{h}");
        assert!(contains(rows, "keep going"), "{w}x{h}");
    });
}

#[test]
fn debrief_after_a_short_run() {
    let mut app = inline_session();
    app.act(Action::FocusNotes, 500);
    paste(&mut app, Target::Notes, "数据主权 canary", 1_000);
    app.act(Action::FocusNext, 1_500);
    paste(&mut app, Target::Answer, "We grew committed spend by ¥18M", 4_000);
    app.act(Action::Session(EventKind::Submit), 9_000);
    assert_eq!(state(&app).current().id, "pick");
    app.act(Action::ChoicePick(1), 12_000);
    app.act(Action::Session(EventKind::Submit), 13_000);
    assert_eq!(state(&app).current().id, "talk");
    paste(&mut app, Target::Answer, "Short pitch.", 16_000);
    // Done past the 10 s limit: the debrief shows an answer over time.
    app.act(Action::Session(EventKind::Done), 24_000);
    app.act(Action::PointPick(0), 24_500);
    app.act(Action::Session(EventKind::Submit), 25_000);
    assert_eq!(state(&app).phase, Phase::Finished(Ending::Completed));
    // The interviewer's closing remarks come first, on their own screen.
    snap_all("ending", &app, |w, h, rows| {
        assert!(contains(rows, "The interview is over"), "{w}x{h}");
        assert!(contains(rows, "“Stop.”"), "{w}x{h}: the End node's remarks");
        assert!(contains(rows, "Enter debrief"), "{w}x{h}: the way on");
    });
    app.act(Action::DismissEnding, 26_000);
    snap_all("debrief", &app, |w, h, rows| {
        assert!(contains(rows, "Debrief"), "{w}x{h}");
        assert!(contains(rows, "Verdict:"), "{w}x{h}");
        assert!(contains(rows, "An ask without a number"), "{w}x{h}: the trap the choice marked");
    });
    // `n` jumps to the first trap heading; End shows the notes.
    app.act(Action::NextTrap, 30_000);
    snap_all("debrief_next_trap", &app, |w, h, rows| {
        assert!(contains(rows, "1. "), "{w}x{h}");
    });
}

/// A broken user catalogue is never silent (issue 13): the session's key
/// line keeps a marker (the ready screen and the picker say what is wrong).
#[test]
fn a_broken_catalogue_is_marked_in_the_session_key_line() {
    let notice = "traps.ron: error: trap \"broken\", detection rule 1: regex parse error (left out)";
    let mut app = inline_session();
    app.catalogue_notice = Some(notice.to_string());
    snap_all("catalogue_notice_session", &app, |w, h, rows| {
        assert!(contains(rows, "traps.ron has errors"), "{w}x{h}");
    });
}

/// An early ending in Chinese: the interviewer's words, and the way on.
#[test]
fn early_ending_in_chinese() {
    let app = session_at("behavioral-zh", "end-early");
    assert!(state(&app).is_finished());
    snap_all("ending_early_zh", &app, |w, h, rows| {
        assert!(contains(rows, "The interviewer ends it here"), "{w}x{h}");
        assert!(contains(rows, "我们先到这里吧"), "{w}x{h}");
        assert!(contains(rows, "Enter debrief"), "{w}x{h}");
    });
}

#[test]
fn timer_low() {
    let mut app = session_at("alibaba-cloud-pm", "commitment-bill");
    app.tick(125_000);
    assert_eq!(state(&app).remaining_ms(), Some(25_000));
    snap_all("timer_low", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "00:25  LOW"), "{w}x{h}");
    });
}

#[test]
fn timer_over() {
    let mut app = session_at("alibaba-cloud-pm", "commitment-bill");
    app.tick(170_000);
    assert!(state(&app).overtime);
    snap_all("timer_over", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "+00:20  OVER"), "{w}x{h}");
    });
}

#[test]
fn too_small() {
    let app = picker();
    let rows = snap("too_small", &app, 40, 10);
    let joined = rows.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join(" ");
    assert!(joined.contains("Terminal too small: need 60x16, have 40x10"), "{joined:?}");
}

/// Issue 14: the screens whose words are translated so far, in Chinese, at
/// every size: the picker (switched with `l`), the ready screen, pause,
/// help and the quit question. The scenario's own text stays as written.
#[test]
fn screens_in_chinese() {
    use hotseat::i18n::Lang;
    let mut app = picker();
    app.act(Action::ToggleLang, 0);
    assert_eq!(app.lang, Lang::Zh);
    snap_all("zh_picker", &app, |w, h, rows| {
        assert!(contains(rows, "选择一场面试"), "{w}x{h}");
        assert!(contains(rows, &format!("场景（{}）", BUNDLED.len())), "{w}x{h}");
    });
    app.act(Action::Choose, 0);
    snap_all("zh_ready", &app, |w, h, rows| {
        assert!(contains(rows, "准备好了吗"), "{w}x{h}");
        assert!(contains(rows, "Enter"), "{w}x{h}: the primary action shows");
    });

    let mut app = session_at("behavioral-zh", "intro");
    app.lang = Lang::Zh;
    app.act(Action::Help, 1_000);
    snap_all("zh_help", &app, |w, h, rows| assert!(contains(rows, "帮助"), "{w}x{h}"));
    app.act(Action::CloseOverlay, 1_500);
    app.act(Action::AskQuit, 2_000);
    snap_all("zh_confirm_quit", &app, |w, h, rows| assert!(contains(rows, "继续面试"), "{w}x{h}"));
    app.act(Action::CloseOverlay, 2_500);
    app.act(Action::Session(EventKind::Pause), 3_000);
    snap_all("zh_paused", &app, |w, h, rows| assert!(contains(rows, "已暂停"), "{w}x{h}"));
}

/// A running session of tests/fixtures/rules-features.ron from `start`.
fn rules_features_at(start: &str) -> App {
    let src = include_str!("fixtures/rules-features.ron");
    let mut sc: Scenario = ron_options().from_str(src).expect("fixture parses");
    sc.start = start.to_string();
    let compiled = Compiled::new(sc, catalogue()).expect("fixture compiles");
    App::running(compiled, catalogue(), Pace::Real, SEED, Theme::plain(), 0)
}

#[test]
fn the_interviewer_interjects_under_the_question_as_the_clock_runs_low() {
    let mut app = rules_features_at("intro");
    app.tick(39_500);
    assert!(!contains(&render(&app, 100, 30), "land it"), "not before its time");
    app.tick(40_200);
    snap_all("interjection", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(contains(rows, "Li Wei: 20 seconds"), "{w}x{h}: the interjection\n{}", rows.join("\n"));
    });
}

#[test]
fn a_prompt_shows_an_unanswered_node_as_a_placeholder() {
    let app = rules_features_at("push");
    let rows = render(&app, 100, 30);
    assert!(contains(&rows, "You said \"(no answer yet)\" (vague answers: 0)"), "{}", rows.join("\n"));
}

#[test]
fn the_wrap_up_question_says_the_session_time_is_up() {
    let mut app = rules_features_at("slow");
    app.tick(151_000);
    assert_eq!(state(&app).current().id, "wrap");
    let rows = render(&app, 120, 40);
    assert!(contains(&rows, "session time up: last question"), "{}", rows.join("\n"));
    assert!(contains(&rows, "(Earlier: (no answer yet))"), "{}", rows.join("\n"));
}

/// Issue 14: a Chinese scenario's debrief is coached in Chinese on the
/// screen too (no language chosen: the scenario's own), trap titles from
/// the catalogue's Chinese texts; and no wrapped line starts with closing
/// punctuation.
#[test]
fn debrief_in_chinese() {
    let mut app = session_at("behavioral-zh", "wrap-up");
    paste(
        &mut app,
        Target::Answer,
        "我最想让您记住的是我的执行力和学习能力，做事认真负责，做出来的效果很好，客户和老板都很认可。",
        5_000,
    );
    app.act(Action::Session(EventKind::Submit), 20_000);
    assert!(state(&app).is_finished());
    app.act(Action::DismissEnding, 21_000);
    snap_all("debrief_zh", &app, |w, h, rows| {
        assert!(contains(rows, "复盘"), "{w}x{h}");
        assert!(contains(rows, "结论："), "{w}x{h}");
        assert!(!contains(rows, "Verdict") && !contains(rows, "Debrief"), "{w}x{h}");
        for r in rows {
            // Inside the box: after the border and any spaces.
            let inner = r.trim_start_matches(['│', ' ']);
            assert!(!inner.starts_with(['。', '，', '；', '：', '）', '”', '、']), "{w}x{h}: {r:?}");
        }
    });
    let rows = render(&app, 120, 40);
    assert!(contains(&rows, "讲成果却没有数字"), "{}", rows.join("\n"));
}

/// The session screen's panels, in Chinese.
fn has_panels_zh(w: u16, h: u16, rows: &[String]) {
    for title in ["问题", "计时", "笔记"] {
        assert!(contains(rows, &format!(" {title} ")), "{w}x{h}: no `{title}` panel\n{}", rows.join("\n"));
    }
    for english in ["Prompt", "Timer", "Notes", "Answer", "submit", "pause"] {
        assert!(!contains(rows, english), "{w}x{h}: `{english}` left in English\n{}", rows.join("\n"));
    }
}

/// `app` with its UI in Chinese.
fn in_chinese(mut app: App) -> App {
    app.lang = hotseat::i18n::Lang::Zh;
    app
}

/// Issue 14: every kind of question, the timer's states, the closing
/// screen and a too-small terminal in Chinese, at every size. The
/// scenario's own words stay in the language they were written in.
#[test]
fn session_screens_in_chinese() {
    let mut app = in_chinese(session_at("behavioral-zh", "intro"));
    paste(&mut app, Target::Answer, "我负责过一个数据主权相关的产品，上线半年续约率提升了12%。", 5_000);
    app.act(Action::FocusNotes, 5_500);
    paste(&mut app, Target::Notes, "先讲结果，再讲过程：续约率 +12%", 6_000);
    app.tick(6_500);
    snap_all("zh_free_text", &app, |w, h, rows| {
        has_panels_zh(w, h, rows);
        assert!(contains(rows, "回答 · "), "{w}x{h}: the answer's title and length");
        assert!(contains(rows, "Esc 暂停"), "{w}x{h}: the key line");
    });

    let mut app = in_chinese(session_at("alibaba-cloud-pm", "usage-pushback"));
    app.act(Action::ChoiceMove(1), 3_000);
    snap_all("zh_choice", &app, |w, h, rows| {
        has_panels_zh(w, h, rows);
        assert!(contains(rows, "回答：选一项"), "{w}x{h}");
    });

    let mut app = in_chinese(session_at("alibaba-cloud-pm", "commitment-bill"));
    paste(&mut app, Target::Answer, "不太确定，估计不少", 20_000);
    app.act(Action::Session(EventKind::Submit), 21_000);
    app.tick(125_000);
    snap_all("zh_numeric_invalid", &app, |w, h, rows| {
        has_panels_zh(w, h, rows);
        assert!(contains(rows, "回答：一个数"), "{w}x{h}");
        assert!(rows.join("").contains("这不是一个数"), "{w}x{h}: the inline error in Chinese");
        assert!(contains(rows, "将尽"), "{w}x{h}: the timer's word");
    });

    let mut app = in_chinese(pitch_answered());
    snap_all("zh_spoken_answering", &app, |w, h, rows| {
        has_panels_zh(w, h, rows);
        assert!(contains(rows, "说出来，或记几笔"), "{w}x{h}");
    });
    app.act(Action::Session(EventKind::Done), 40_000);
    app.act(Action::PointPick(0), 41_000);
    snap_all("zh_spoken_rating", &app, |w, h, rows| {
        has_panels_zh(w, h, rows);
        assert!(contains(rows, "这些要点你讲到了哪些"), "{w}x{h}");
        assert!(contains(rows, "已停"), "{w}x{h}");
    });

    let app = in_chinese(session_at("behavioral-zh", "end-early"));
    snap_all("zh_ending_early", &app, |w, h, rows| {
        assert!(contains(rows, "面试官在这里结束了面试") || contains(rows, "面试"), "{w}x{h}");
        assert!(!contains(rows, "interview"), "{w}x{h}: the heading in Chinese");
    });

    let rows = snap("zh_too_small", &in_chinese(picker()), 40, 10);
    assert!(rows.join("").contains("40x10"), "the size it has");
    assert!(!rows.join("").contains("Terminal"), "in Chinese");
}

/// A recorded playtest of `id` (its weak script from tests/playtests).
fn replay_of(id: &str) -> hotseat::tui::replay::Player {
    use hotseat::record::{reader, writer};
    LazyLock::force(&DATA_DIR);
    let (_, src) = BUNDLED.iter().find(|(name, _)| *name == format!("{id}.ron")).expect("bundled scenario");
    let compiled = Compiled::new(bundled(id), catalogue()).expect("compiles");
    let script_src = std::fs::read_to_string(format!("{}/tests/playtests/{id}.weak.ron", env!("CARGO_MANIFEST_DIR")))
        .expect("script reads");
    let script = hotseat::playtest::parse("script", &script_src).expect("script parses");
    let (state, events) = hotseat::playtest::play_logged(compiled, 0, &script).expect("plays");
    let path = writer::save_scripted(&state, &events, src).expect("records");
    let rec = reader::read(&path).expect("reads back");
    let replay = hotseat::record::replay::Replay::new(rec).expect("replays");
    hotseat::tui::replay::Player::new(replay, Theme::plain())
}

/// The replay screen as plain text rows.
fn render_replay(p: &hotseat::tui::replay::Player, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| hotseat::tui::replay::render(p, f)).expect("draws");
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0usize;
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                if skip == 0 {
                    row.push_str(sym);
                }
                skip = skip.max(sym.width()).saturating_sub(1);
            }
            row
        })
        .collect()
}

/// Issue 14: replay, in English and in Chinese, at every size: the session
/// as it stood, the scrubber, and as many keys as fit with `q` always there.
#[test]
fn replay_screen_in_both_languages() {
    for (lang, id, quit, play) in [
        (hotseat::i18n::Lang::En, "alibaba-cloud-pm", "q quit", "play/pause"),
        (hotseat::i18n::Lang::Zh, "behavioral-zh", "q 退出", "播放/暂停"),
    ] {
        let mut p = replay_of(id);
        p.view.lang = lang;
        p.playing = false;
        p.seek(20_000);
        for (w, h) in SIZES {
            let rows = render_replay(&p, w, h);
            insta::assert_snapshot!(format!("replay_{}_{w}x{h}", lang.code()), rows.join("\n"));
            let last = rows.last().expect("a key line");
            assert!(last.contains(quit) && last.contains(play), "{w}x{h}: {last:?}");
            assert!(rows[usize::from(h) - 2].contains("00:20"), "{w}x{h}: the scrubber shows the time");
        }
    }
}

/// Issue 16 item 2: a question that times out says so above the next one;
/// keys typed in the moment after (the end of a sentence, a Ctrl-S a
/// moment late) stay out of the new answer; the next key puts the notice
/// away, and it goes by itself after a few seconds.
#[test]
fn a_timeout_says_the_interviewer_moved_on_and_keeps_late_keys_out_of_the_next_answer() {
    // `start` has 150 s and moves on to `proof` when they run out.
    let mut app = session_at("alibaba-cloud-pm", "start");
    paste(&mut app, Target::Answer, "I led the billing migration and", 100_000);
    app.tick(151_000);
    assert_eq!(state(&app).current().id, "proof", "timed out and moved on");
    let asked = state(&app).turns.len();
    paste(&mut app, Target::Answer, "million", 151_400);
    app.act(Action::Session(EventKind::Submit), 151_600);
    assert_eq!(state(&app).turns.len(), asked, "the late Ctrl-S did not submit the new question");
    assert_eq!(state(&app).answer_text(), "", "the late typing stayed out of the new answer");
    snap_all("moved_on", &app, |w, h, rows| {
        has_panels(w, h, rows);
        assert!(rows.join(" ").contains("Time's up on that question"), "{w}x{h}\n{}", rows.join("\n"));
    });
    paste(&mut app, Target::Answer, "New answer", 153_000);
    assert_eq!(state(&app).answer_text(), "New answer");
    assert!(!contains(&render(&app, 120, 40), "Time's up on that question"), "a key put it away");

    let mut app = in_chinese(session_at("alibaba-cloud-pm", "start"));
    app.tick(151_000);
    assert!(render(&app, 80, 24).join("").contains("上一题时间到"), "in Chinese");
    app.tick(156_500);
    assert!(!render(&app, 80, 24).join("").contains("上一题时间到"), "gone after a few seconds");
}

/// Issue 16 item 6: `t` in a replay lands on the moment before the answer
/// that fell into a trap was submitted: that question on screen, the
/// answer still in its box, the trap named; `t` again goes on to the next.
#[test]
fn replay_t_lands_before_the_trapped_answer_with_the_trap_named() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    let mut p = replay_of("alibaba-cloud-pm");
    p.playing = false;
    p.seek(0);
    let mut seen = Vec::new();
    for _ in 0..2 {
        p.key(t);
        let Screen::Session(s) = &p.view.screen else { panic!("a session on screen") };
        let node = s.current().id.clone();
        assert!(
            !s.answer_text().trim().is_empty() || s.selected > 0 || !s.ticked.is_empty(),
            "{node}: the answer is visible"
        );
        let rows = render_replay(&p, 120, 40);
        let keys = rows.last().expect("a key line");
        assert!(keys.contains("Trap ahead at ") && keys.contains(&node), "{node}: {keys:?}");
        // Playing on from here submits this very answer, into the trap.
        let after = p.replay.state_at(p.replay.from_display(p.pos) + 60_000);
        let turn = after.turns.iter().find(|t| after.compiled.scenario.nodes[t.node].id == node).expect("the turn");
        assert!(!turn.traps.is_empty(), "{node}: the answer falls into a trap");
        seen.push((p.pos, node));
    }
    assert!(seen[1].0 > seen[0].0, "t again goes on to the next trap: {seen:?}");
}
