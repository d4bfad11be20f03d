//! Assessing one answer (signals + every trap rule) and building a whole
//! debrief, as medians over many runs. Goals: ≤1 ms and ≤50 ms. Then long
//! answers with no punctuation at all (one clause), English and Chinese,
//! and a paragraph of many short sentences (for the sentence-scoped rules),
//! 10 KB to 1 MB: the time must grow linearly (goal: 100 KB ≤ 20 ms).
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

    // No competency: every rule runs, as in `hotseat assess TEXT`.
    long_answers(&detector, &[]);

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

/// One clause without punctuation, so the negation checks' clause is the
/// whole answer; full of phrases the rules look for.
const LONG_EN: &str = "we did not commit to a monthly amount and I led the Kubernetes migration \
    legal would handle the residency map maybe the team will sort it out with no commitments \
    utilisation doesn't matter much and we cut cost from 31 to 22 yuan ";
const LONG_ZH: &str = "我们没有做预付也不搞承诺 这个问题交给法务处理 利用率低一点没关系 \
    我负责数据分级 成本从31降到22元 可能效果会很好 没必要让他们签包年 ";

/// `unit` repeated to `bytes`, cut on a character boundary.
fn sized(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// A realistic paragraph, several sentences in both languages: long
/// answers made of it have thousands of sentences for `InSentence` rules.
const SENTENCES: &str = "I led the billing redesign for forty accounts. Legal reviewed the residency plan, and the \
    security team signed off early. We cut disputes from 12 to 7 per thousand invoices. The stock feels abstract to me, \
    but base matters. 我们把数据放在境内，备份在北京。效果很好，客户满意。";

fn long_answers(detector: &Detector, comps: &[String]) {
    for (lang, unit) in [("English", LONG_EN), ("Chinese", LONG_ZH), ("Mixed, with sentences,", SENTENCES)] {
        let mut per_kb = Vec::new();
        for kb in [10, 30, 100, 1000] {
            let text = sized(unit, kb * 1000);
            let runs = if kb >= 1000 { 3 } else { 9 };
            let times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let a = Answer::new(&text);
                    std::hint::black_box(detector.detect(&a, comps, &NoEnv));
                    t.elapsed()
                })
                .collect();
            let ms = median(times).as_secs_f64() * 1e3;
            per_kb.push(ms / kb as f64);
            println!("assess {lang} {kb:>4} KB: median {ms:.2} ms ({:.3} ms per KB)", ms / kb as f64);
        }
        let (lo, hi) = per_kb.iter().fold((f64::MAX, 0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        println!("  {lang}: ms per KB from {lo:.3} to {hi:.3} (linear: a ratio near 1, here {:.2})", hi / lo);
    }
}
