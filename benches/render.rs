//! Time to render one full 120x40 session frame (the busiest screen: a
//! long prompt, typed answer and notes), as p50/p99 over many frames.
//!
//! Run: `cargo bench --bench render`

use std::time::{Duration, Instant};

use hotseat::session::{Compiled, EventKind, Pace, Target};
use hotseat::tui::app::{Action, App};
use hotseat::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let (cat, _) = hotseat::traps::load(None);
    let (name, src) = hotseat::library::BUNDLED[0];
    let checked = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat);
    let sc = checked.scenario.expect("bundled scenario parses");
    let compiled = Compiled::new(sc, cat.clone()).expect("compiles");
    let mut app = App::running(compiled, cat, Pace::Real, 1, Theme::from_env(), 0);
    let answer = "I redesigned the overage billing logic for our GPU tier: disputes fell from 40 to 12 a month \
                  and committed spend rose by ¥18M across 47 state clients. ";
    app.act(Action::Session(EventKind::Paste(Target::Answer, answer.repeat(3))), 1000);
    app.act(Action::Session(EventKind::Paste(Target::Notes, "数据主权 canary\n- margin\n- invoices".into())), 2000);
    app
}

fn main() {
    let mut app = app();
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    let mut times: Vec<Duration> = Vec::with_capacity(5000);
    for i in 0..5000u64 {
        app.tick(3000 + i); // the clock moves, as it does between frames
        let t = Instant::now();
        term.draw(|f| hotseat::tui::views::render(&app, f)).expect("draw");
        times.push(t.elapsed());
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize].as_secs_f64() * 1e3;
    println!(
        "render 120x40 session frame: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms ({} frames)",
        pct(0.5),
        pct(0.99),
        pct(1.0),
        times.len()
    );
}
