//! The cohort view rendered to a `TestBackend` at 120x40, 80x24 and 60x16
//! in both languages and kept as plain-text snapshots (as
//! tests/ui_snapshots.rs does for the other screens): the table, the table
//! scrolled to its last candidate, the answers under a trap and the keys.
//! Built from summaries made here, so nothing depends on the clock.

use hotseat::cohort::{Entry, aggregate};
use hotseat::i18n::Lang;
use hotseat::index::summary::{Question, TrapCount, unreadable};
use hotseat::tui::cohort::{Screen, View};
use hotseat::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

const TRAPS: [(&str, &str); 14] = [
    ("no-leverage", "Negotiating with no leverage"),
    ("vague-ask", "An ask without a number"),
    ("unquantified-impact", "Impact claimed without a number"),
    ("over-time", "Ran over time"),
    ("no-structure", "A long answer with no structure"),
    ("consumer-metrics-framing", "Consumer metrics as the yardstick for an enterprise cloud role"),
    ("output-over-pnl", "Counting features shipped instead of money moved"),
    ("sales-owns-positioning", "Leaving positioning to sales"),
    ("usage-pricing-assumption", "Pure pay-as-you-go for state buyers"),
    ("generic-behavioral", "Stock behavioural phrases with no story"),
    ("single-dimension-negotiation", "Negotiating base pay alone"),
    ("tech-over-economics", "Technology over economics"),
    ("reactive-compliance", "Compliance as an afterthought"),
    ("security-as-afterthought", "Security bolted on at the end"),
];

fn summary(id: &str, i: usize, falls: &[(usize, usize)]) -> hotseat::index::Summary {
    let mut s = unreadable(std::path::Path::new("x.session"), String::new());
    s.id = id.into();
    s.scenario = if i.is_multiple_of(2) { "offer-negotiation".into() } else { "alibaba-cloud-pm".into() };
    s.status = "finished".into();
    s.reason = None;
    s.started = format!("2026-12-{:02}T09:00:00Z", 1 + i % 28);
    s.trap_counts = falls
        .iter()
        .map(|&(t, count)| TrapCount {
            trap: TRAPS[t].0.into(),
            node: format!("question-{}", t + 1),
            count,
            quote: format!("we will see \u{1b}[31m how it goes, probably {} or so", t * 10 + i),
        })
        .collect();
    s.questions = vec![Question {
        node: "start".into(),
        spent_ms: 60_000,
        limit_ms: Some(90_000),
        exit: "submitted".into(),
        guarded: vec!["vague-ask".into()],
        fallen: Vec::new(),
    }];
    s
}

fn view(lang: Lang) -> View {
    let people = [
        "Ann Lee",
        "Bob",
        "陈小明",
        "Dana\u{202e}evil",
        "Eve Extremely-Long-Name",
        "Farid",
        "Grace",
        "Hu Wei",
        "Ines",
        "Jo",
        "Kai",
        "Lin",
    ];
    let mut entries = Vec::new();
    for (i, who) in people.iter().enumerate() {
        let falls: Vec<(usize, usize)> =
            (0..TRAPS.len()).filter(|t| (i + t) % 3 != 0).map(|t| (t, 1 + (i * t) % 3)).collect();
        let s = summary(&format!("2026120{}-0900-s{i}", i % 9), i, &falls);
        entries.push(Entry { candidate: (*who).into(), path: format!("/nowhere/{i}.session").into(), summary: s });
    }
    let cohort = aggregate(&entries);
    let titles = cohort
        .traps
        .iter()
        .map(|t| {
            let title = TRAPS.iter().find(|(id, _)| *id == t.trap).map_or("?", |(_, title)| title);
            if lang == Lang::Zh { format!("{title}（中）") } else { title.to_string() }
        })
        .collect();
    View::new(cohort, titles, Theme::plain(), lang)
}

fn key(v: &mut View, code: KeyCode) -> Option<hotseat::tui::cohort::Open> {
    v.key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The screen as rows; fails when a row is wider than the terminal or a
/// wide character is cut.
fn render(v: &View, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| hotseat::tui::views::cohort::render(v, f)).expect("draws");
    let buf = terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in 0..h {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                row.push_str(sym);
            } else {
                assert!(sym == " " || sym.is_empty(), "{w}x{h} row {y}: wide character cut at {x}\n{row}");
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        assert!(row.width() <= usize::from(w), "{w}x{h} row {y} too wide: {row:?}");
        assert!(
            !row.contains('\u{1b}') && !row.contains('\u{202e}'),
            "a control character reached the screen: {row:?}"
        );
        rows.push(row);
    }
    rows
}

fn snap_all(name: &str, v: &View, check: impl Fn(u16, u16, &str)) {
    for (w, h) in SIZES {
        let text = render(v, w, h).join("\n");
        insta::assert_snapshot!(format!("cohort_{name}_{}_{w}x{h}", v.lang.code()), text);
        check(w, h, &text);
    }
}

#[test]
fn the_table_shows_falls_per_trap_and_candidate_with_marks_where_it_is_cut() {
    for lang in [Lang::En, Lang::Zh] {
        let v = view(lang);
        snap_all("table", &v, |w, _, text| {
            assert!(text.contains("Ann Lee"), "{w}: {text}");
            assert!(text.contains('›'), "{w}: the cut columns are marked\n{text}");
        });
    }
}

#[test]
fn the_table_scrolls_sideways_and_down_to_the_last_cell() {
    for lang in [Lang::En, Lang::Zh] {
        let mut v = view(lang);
        for _ in 0..20 {
            key(&mut v, KeyCode::Right);
            key(&mut v, KeyCode::Down);
        }
        assert_eq!((v.row, v.col), (v.cohort.traps.len() - 1, v.cohort.candidates.len() - 1));
        snap_all("scrolled", &v, |w, h, text| {
            if h == 16 {
                assert!(
                    text.contains('█') || text.contains('║'),
                    "{w}x{h}: a scrollbar shows the rows are cut\n{text}"
                );
            }
            assert!(text.contains("Lin"), "{w}: the last candidate shows\n{text}");
            assert!(text.contains('‹'), "{w}: the columns cut on the left are marked\n{text}");
        });
    }
}

#[test]
fn enter_on_a_trap_lists_its_quoted_answers_and_enter_on_one_asks_for_its_replay() {
    for lang in [Lang::En, Lang::Zh] {
        let mut v = view(lang);
        key(&mut v, KeyCode::Right);
        assert_eq!(key(&mut v, KeyCode::Enter), None);
        let Screen::Quotes { quotes, selected, .. } = &v.screen else { panic!("quotes open") };
        let bob = &v.cohort.candidates[1].name;
        let first = quotes.iter().position(|q| &q.candidate == bob).unwrap_or(0);
        assert_eq!(*selected, first, "starts at the selected candidate's first answer");
        snap_all("quotes", &v, |w, _, text| {
            assert!(text.contains("we will see"), "{w}: the quote shows\n{text}");
            assert!(text.contains("\\u{1b}"), "{w}: a control character in a quote is shown escaped\n{text}");
        });
        let open = key(&mut v, KeyCode::Enter).expect("asks for a replay");
        assert!(open.path.to_string_lossy().starts_with("/nowhere/"));
        key(&mut v, KeyCode::Esc);
        assert_eq!(v.screen, Screen::Table);
        key(&mut v, KeyCode::Char('q'));
        assert!(v.quit);
    }
}

#[test]
fn question_mark_shows_the_keys() {
    for lang in [Lang::En, Lang::Zh] {
        let mut v = view(lang);
        key(&mut v, KeyCode::Char('?'));
        snap_all("help", &v, |_, _, _| {});
        key(&mut v, KeyCode::Char('x'));
        assert!(!v.help);
        assert!(!v.quit);
    }
}

#[test]
fn a_drills_answer_is_listed_at_its_source_question_and_replays_at_the_drills_own_node() {
    let mut s = summary("20261201-0900-drill", 0, &[]);
    s.scenario = hotseat::practice::drill::DRILL_ID.into();
    s.trap_counts = vec![TrapCount {
        trap: "vague-ask".into(),
        node: "alibaba-cloud-pm--start".into(),
        count: 1,
        quote: "somewhere around market rate".into(),
    }];
    let entries = [Entry { candidate: "Ann".into(), path: "/nowhere/d.session".into(), summary: s }];
    let mut v = View::new(aggregate(&entries), vec!["An ask without a number".into()], Theme::plain(), Lang::En);
    assert_eq!(key(&mut v, KeyCode::Enter), None);
    let text = render(&v, 120, 40).join("\n");
    assert!(text.contains("Ann · alibaba-cloud-pm · start"), "{text}");
    assert!(!text.contains("drill ·") && !text.contains("--start"), "{text}");
    let open = key(&mut v, KeyCode::Enter).expect("asks for a replay");
    assert_eq!(open.node, "alibaba-cloud-pm--start", "the replay finds the drill's own node");
}
