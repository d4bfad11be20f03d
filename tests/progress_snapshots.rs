//! The progress screen (issue 17 item 2) rendered to a `TestBackend` at
//! 120x40, 80x24 and 60x16 in English and Chinese from a fixed set of
//! session summaries, kept as plain-text snapshots, with the checks that
//! hold whatever the snapshots say: no row wider than the terminal, no wide
//! character cut, the practise-next advice and the back key always shown,
//! and a scrollbar when the sheet is cut.

use std::sync::LazyLock;

use hotseat::assess::debrief::Verdict;
use hotseat::i18n::Lang;
use hotseat::index::Summary;
use hotseat::index::summary::{Competency, Question, TrapCount, unreadable};
use hotseat::practice::progress::{Filter, LeftOut, Report, of_summaries};
use hotseat::session::Pace;
use hotseat::tui::app::{Action, App, Screen};
use hotseat::tui::theme::Theme;
use hotseat::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

/// An empty data directory, so nothing on this machine reaches a snapshot.
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

fn picker() -> App {
    LazyLock::force(&DATA_DIR);
    let (cat, _) = hotseat::traps::load(None);
    let entries = hotseat::library::load(&cat);
    App::picker(entries, cat, Pace::Real, 7, Theme::plain())
}

/// A finished session of `scenario` on day `day` of November 2026.
fn session(id: &str, scenario: &str, title: &str, day: u32, verdict: Verdict) -> Summary {
    let mut s = unreadable(std::path::Path::new("x.session"), String::new());
    s.id = id.into();
    s.scenario = scenario.into();
    s.title = title.into();
    s.started = format!("2026-11-{day:02}T09:30:00Z");
    s.status = "finished".into();
    s.ending = Some("completed".into());
    s.reason = None;
    s.verdict = Some(verdict);
    s
}

/// One question asked: `spent` seconds against `limit`, falling into `fallen`.
fn ask(s: &mut Summary, node: &str, spent: u64, limit: u64, guarded: &[&str], fallen: &[(&str, usize)]) {
    s.questions.push(Question {
        node: node.into(),
        spent_ms: spent * 1000,
        limit_ms: Some(limit * 1000),
        exit: "submitted".into(),
        guarded: guarded.iter().map(|g| g.to_string()).collect(),
        fallen: fallen.iter().map(|(t, _)| t.to_string()).collect(),
    });
    for (t, n) in fallen {
        s.trap_counts.push(TrapCount { trap: t.to_string(), node: node.into(), count: *n, quote: String::new() });
    }
}

fn score(s: &mut Summary, name: &str, score: u32) {
    s.competencies.push(Competency { name: name.into(), score, questions: 2 });
}

/// Six sessions of three scenarios over three weeks: a candidate who keeps
/// leaving compliance to legal, stops running over time, and gets better
/// at unit economics.
fn report() -> Report {
    let cloud = "alibaba-cloud-pm";
    let cloud_title = "Alibaba Cloud: Senior PM, Billing & Commercialization";
    let hr = "hr-round-zh";
    let hr_title = "HR面：现薪核实、涨幅与offer比较";
    let token = "token-pricing";
    let token_title = "Model-API token pricing in the 2024 price war";
    let mut a = session("20261102-093000-alibaba-cloud-pm", cloud, cloud_title, 2, Verdict::No);
    ask(&mut a, "start", 170, 150, &["unquantified-impact"], &[("unquantified-impact", 2), ("over-time", 1)]);
    ask(&mut a, "billing-design", 120, 180, &["usage-pricing-assumption"], &[("usage-pricing-assumption", 1)]);
    score(&mut a, "unit-economics", 35);
    score(&mut a, "communication", 40);
    let mut b = session("20261105-093000-hr-round-zh", hr, hr_title, 5, Verdict::LeanNo);
    ask(&mut b, "intro", 60, 120, &[], &[]);
    ask(&mut b, "ask-number", 75, 60, &["vague-ask"], &[("vague-ask", 2), ("over-time", 1)]);
    score(&mut b, "negotiation", 45);
    score(&mut b, "communication", 55);
    let mut c = session("20261109-093000-token-pricing", token, token_title, 9, Verdict::LeanNo);
    ask(&mut c, "start", 100, 150, &["consumer-metrics-framing"], &[("consumer-metrics-framing", 1)]);
    ask(&mut c, "idle-cost", 50, 120, &["idle-capacity-is-free"], &[("idle-capacity-is-free", 1)]);
    score(&mut c, "unit-economics", 55);
    score(&mut c, "pricing", 50);
    let mut d = session("20261114-093000-alibaba-cloud-pm", cloud, cloud_title, 14, Verdict::Hire);
    ask(&mut d, "start", 90, 150, &["unquantified-impact"], &[]);
    ask(&mut d, "billing-design", 150, 180, &["usage-pricing-assumption"], &[("usage-pricing-assumption", 1)]);
    score(&mut d, "unit-economics", 72);
    score(&mut d, "communication", 70);
    let mut e = session("20261119-093000-hr-round-zh", hr, hr_title, 19, Verdict::Hire);
    ask(&mut e, "ask-number", 50, 60, &["vague-ask"], &[]);
    score(&mut e, "negotiation", 78);
    score(&mut e, "communication", 74);
    let mut f = session("20261123-093000-token-pricing", token, token_title, 23, Verdict::StrongHire);
    ask(&mut f, "start", 80, 150, &["consumer-metrics-framing"], &[]);
    ask(&mut f, "idle-cost", 40, 120, &["idle-capacity-is-free"], &[]);
    score(&mut f, "unit-economics", 88);
    score(&mut f, "pricing", 84);
    let all = [&a, &b, &c, &d, &e, &f];
    of_summaries(&all, Filter::default(), LeftOut { damaged: 1, live: 0, unindexed: 0 })
}

fn render(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| views::render(app, f)).expect("draws");
    let buf = terminal.backend().buffer();
    let mut rows = Vec::with_capacity(usize::from(h));
    for y in 0..h {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                row.push_str(sym);
            } else {
                assert!(sym == " " || sym.is_empty(), "{w}x{h} row {y}: {sym:?} over a wide character\n{row}");
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        assert!(row.width() <= usize::from(w), "{w}x{h} row {y} is {} wide: {row:?}", row.width());
        rows.push(row);
    }
    rows
}

fn contains(rows: &[String], needle: &str) -> bool {
    rows.iter().any(|r| r.contains(needle))
}

fn progress_app(report: Report, lang: Lang) -> App {
    let mut app = picker();
    if lang != app.lang {
        app.act(Action::ToggleLang, 0);
    }
    app.show_progress(report);
    assert!(matches!(app.screen, Screen::Progress(_)));
    app
}

#[test]
fn the_progress_screen_at_every_size_in_english() {
    let app = progress_app(report(), Lang::En);
    for (w, h) in SIZES {
        let rows = render(&app, w, h);
        insta::assert_snapshot!(format!("progress_{w}x{h}"), rows.join("\n"));
        assert!(contains(&rows, "Practise next"), "{w}x{h}");
        assert!(contains(&rows, "Esc back"), "{w}x{h}");
        assert!(contains(&rows, "Pure pay-as-you-go"), "{w}x{h}: the trap's title, not its id");
    }
    let rows = render(&app, 120, 40);
    assert!(contains(&rows, "▃▅▆▇"), "the unit-economics sparkline");
}

#[test]
fn the_progress_screen_at_every_size_in_chinese() {
    let app = progress_app(report(), Lang::Zh);
    for (w, h) in SIZES {
        let rows = render(&app, w, h);
        insta::assert_snapshot!(format!("zh_progress_{w}x{h}"), rows.join("\n"));
        assert!(contains(&rows, "接下来练什么"), "{w}x{h}");
        assert!(contains(&rows, "Esc 返回"), "{w}x{h}");
    }
}

#[test]
fn the_progress_screen_scrolls_to_its_end_and_goes_back_to_the_picker() {
    let mut app = progress_app(report(), Lang::En);
    app.size = (60, 16);
    app.act(Action::Scroll(10_000), 0);
    let rows = render(&app, 60, 16);
    insta::assert_snapshot!("progress_end_60x16", rows.join("\n"));
    assert!(contains(&rows, "1 session without a summary"), "the note ends the sheet");
    app.act(Action::Back, 0);
    assert!(matches!(app.screen, Screen::Picker(_)));
}

#[test]
fn the_progress_screen_with_no_sessions_says_how_to_start() {
    for lang in [Lang::En, Lang::Zh] {
        let app = progress_app(of_summaries(&[], Filter::default(), LeftOut::default()), lang);
        let rows = render(&app, 80, 24);
        let name = if lang == Lang::En { "progress_empty_80x24" } else { "zh_progress_empty_80x24" };
        insta::assert_snapshot!(name, rows.join("\n"));
        assert!(contains(&rows, "hotseat"), "{lang:?}");
    }
}

#[test]
fn g_in_the_picker_opens_progress_and_esc_or_q_come_back() {
    use hotseat::tui::keymap::action_for;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let mut app = picker();
    assert_eq!(action_for(&app, key(KeyCode::Char('g'))), Some(Action::Progress));
    app.show_progress(report());
    for (k, want) in [
        (KeyCode::Esc, Action::Back),
        (KeyCode::Char('q'), Action::Back),
        (KeyCode::Down, Action::Scroll(1)),
        (KeyCode::PageDown, Action::Scroll(10)),
        (KeyCode::Char('?'), Action::Help),
    ] {
        assert_eq!(action_for(&app, key(k)), Some(want), "{k:?}");
    }
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&app, ctrl_c), Some(Action::Quit), "nothing to lose on the progress screen");
}

/// Four sessions of hr-round-zh: `vague-ask` fallen into in the first and
/// answered cleanly in the three after it (so it has receded), `over-time`
/// fallen into in the last.
fn receded_report() -> Report {
    let hr = "hr-round-zh";
    let title = "HR面：现薪核实、涨幅与offer比较";
    let mut all = Vec::new();
    for day in [2, 9, 16, 23] {
        let mut s = session(&format!("202611{day:02}-093000-hr-round-zh"), hr, title, day, Verdict::Hire);
        let fallen: &[(&str, usize)] = if day == 2 { &[("vague-ask", 1)] } else { &[] };
        ask(&mut s, "ask-number", 50, 60, &["vague-ask"], fallen);
        let late: &[(&str, usize)] = if day == 23 { &[("over-time", 1)] } else { &[] };
        ask(&mut s, "intro", 70, 60, &[], late);
        all.push(s);
    }
    let refs: Vec<&Summary> = all.iter().collect();
    let r = of_summaries(&refs, Filter::default(), LeftOut::default());
    assert!(r.traps.iter().any(|t| t.trap == "vague-ask" && t.receded), "{:?}", r.traps);
    r
}

#[test]
fn a_receded_trap_says_so_at_every_width_in_both_languages() {
    for (lang, title, receded) in
        [(Lang::En, "An ask without a number", "receded"), (Lang::Zh, "诉求没有具体数字", "已淡出")]
    {
        let app = progress_app(receded_report(), lang);
        for (w, h) in SIZES {
            let rows = render(&app, w, h);
            let row = rows.iter().find(|r| r.contains(title)).unwrap_or_else(|| panic!("{w}x{h}: {rows:#?}"));
            assert!(row.contains(receded), "{lang:?} {w}x{h}: {row:?} reads as an active trap");
            if w == 60 {
                let name = if lang == Lang::En { "progress_receded_60x16" } else { "zh_progress_receded_60x16" };
                insta::assert_snapshot!(name, rows.join("\n"));
            }
        }
    }
}
