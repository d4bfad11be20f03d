//! Assessing one answer (signals + every trap rule) and building a whole
//! debrief, as medians over many runs. Goals: ≤1 ms and ≤50 ms.
//!
//! Run: `cargo bench --bench assess`

use std::time::{Duration, Instant};

use hotseat::assess::Detector;
use hotseat::rules::{Answer, NoEnv};
use hotseat::session::{Compiled, Event, EventKind, Pace, State, Target, update};

const ANSWERS: &[&str] = &[
    "I led the Kubernetes migration and it significantly improved our platform.",
    "First, I mapped every workload to a sovereignty level. Second, logs for the bank stay in two domestic regions. \
     Finally, audit prep fell from 12 days to 5, and committed spend rose by ¥18M across 47 state clients.",
    "这个问题我们会交给法务处理，他们比较专业，效果应该会很好。",
    "Honestly I'd take whatever they give; maybe a bit more base would be nice if possible.",
];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let (cat, _) = hotseat::traps::load(None);
    let detector = Detector::new(&cat).expect("catalogue compiles");
    let comps = vec!["compliance".to_string(), "negotiation".to_string()];
    // Warm the signal patterns.
    detector.detect(&Answer::new(ANSWERS[0]), &comps, &NoEnv);
    for text in ANSWERS {
        let times: Vec<Duration> = (0..2000)
            .map(|_| {
                let t = Instant::now();
                let a = Answer::new(text);
                std::hint::black_box(detector.detect(&a, &comps, &NoEnv));
                t.elapsed()
            })
            .collect();
        println!("assess {:>3} chars: median {:.3} ms", text.chars().count(), median(times).as_secs_f64() * 1e3);
    }

    // A whole session: every question answered with a long paragraph.
    let (name, src) = hotseat::library::BUNDLED[1];
    let sc = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat).scenario.expect("bundled parses");
    let compiled = Compiled::new(sc, cat.clone()).expect("compiles");
    let mut s = State::new(compiled, 1, Pace::Untimed);
    update(&mut s, Event::new(0, EventKind::Start));
    let mut t = 1;
    while !s.is_finished() && t < 200 {
        update(&mut s, Event::new(t * 1000, EventKind::Paste(Target::Answer, ANSWERS[1].repeat(2))));
        update(&mut s, Event::new(t * 1000 + 500, EventKind::Submit));
        t += 1;
    }
    let times: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            let d = hotseat::assess::debrief::build(&s);
            std::hint::black_box(hotseat::assess::debrief::markdown(&d));
            t.elapsed()
        })
        .collect();
    println!(
        "debrief of {} answers (build + Markdown): median {:.3} ms",
        s.turns.len(),
        median(times).as_secs_f64() * 1e3
    );
}
