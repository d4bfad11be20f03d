//! Numeric answers written the way people write them are judged right.
//! Every answer here goes through the session core (`update` with a Paste
//! and a Submit), so these tests judge exactly what a candidate meets.
//!
//! For every Numeric question of the bundled scenarios, the expected value
//! is written in each accepted style (plain, with the question's unit, with
//! its scale, hedged, with a currency mark, grouped in thousands, in
//! full-width characters, in another scale) and must be marked right.

use std::sync::{Arc, LazyLock};

use hotseat::assess::debrief;
use hotseat::library::BUNDLED;
use hotseat::scenario::load::check_bytes;
use hotseat::scenario::{Answer, Scenario};
use hotseat::session::{Compiled, Event, EventKind, Given, Pace, State, Target, update};
use proptest::prelude::*;

/// One Numeric question, compiled as a scenario that starts on it.
struct Question {
    name: String,
    expected: f64,
    unit: String,
    compiled: Arc<Compiled>,
}

fn catalogue() -> hotseat::traps::Catalogue {
    let (cat, problems) = hotseat::traps::load(None);
    assert!(problems.is_empty(), "bundled catalogue: {problems:?}");
    cat
}

/// Every Numeric node of every bundled scenario, each as the start of its
/// own copy of the scenario.
static QUESTIONS: LazyLock<Vec<Question>> = LazyLock::new(|| {
    let cat = catalogue();
    let mut out = Vec::new();
    for (name, src) in BUNDLED {
        let sc = check_bytes(name, src.as_bytes(), &cat).scenario.expect("bundled parses");
        for node in &sc.nodes {
            let Answer::Numeric { expected, unit, .. } = &node.answer else { continue };
            let mut copy: Scenario = sc.clone();
            copy.start = node.id.clone();
            out.push(Question {
                name: format!("{name}#{}", node.id),
                expected: *expected,
                unit: unit.clone(),
                compiled: Compiled::new(copy, cat.clone()).expect("bundled compiles"),
            });
        }
    }
    out
});

/// Types `text` into the first question and submits it; returns the session.
fn answer(compiled: &Arc<Compiled>, text: &str) -> State {
    let mut s = State::new(compiled.clone(), 7, Pace::Untimed);
    update(&mut s, Event::new(0, EventKind::Start));
    update(&mut s, Event::new(1000, EventKind::Paste(Target::Answer, text.to_string())));
    update(&mut s, Event::new(2000, EventKind::Submit));
    s
}

/// Whether the session marked `text` right for question `q`, with a reason
/// when it did not.
fn judged_right(q: &Question, text: &str) -> Result<(), String> {
    let s = answer(&q.compiled, text);
    if let Some(e) = &s.numeric_error {
        return Err(format!("{}: {text:?} refused: {e}", q.name));
    }
    match s.turns.first() {
        Some(t) if t.correct == Some(true) => Ok(()),
        Some(t) => Err(format!("{}: {text:?} marked wrong, read as {:?} (expected {})", q.name, t.given, q.expected)),
        None => Err(format!("{}: {text:?} not submitted", q.name)),
    }
}

// ---- Writing a value the ways people write it (test-side spelling only;
// ---- the reading is the session's).

/// The question's unit as the test understands it: its scale word and
/// factor, its base, and whether it is money.
struct Unit {
    scale: Option<(&'static str, i32)>,
    base: String,
    money: bool,
    percent: bool,
}

fn unit_of(unit: &str) -> Unit {
    let scales: [(&str, i32); 6] = [("百万", 6), ("万", 4), ("亿", 8), ("千", 3), ("K ", 3), ("M", 6)];
    let (scale, base) = match scales.iter().find(|(w, _)| unit.starts_with(w)) {
        Some((w, p)) => (Some((w.trim(), *p)), unit[w.len()..].trim().to_string()),
        None => (None, unit.to_string()),
    };
    let money = ["元", "CNY", "RMB", "¥"].iter().any(|m| unit.contains(m));
    Unit { scale, base, money, percent: unit == "%" }
}

/// `v` as the shortest decimal that reads back as `v`, times 10^`places`,
/// shifted in the text (no float arithmetic, so no rounding creeps in).
fn shifted(v: f64, places: i32) -> String {
    let text = format!("{v}");
    let (sign, text) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 + places;
    let (int, frac) = if point <= 0 {
        ("0".to_string(), format!("{}{digits}", "0".repeat((-point) as usize)))
    } else if point as usize >= digits.len() {
        (format!("{digits}{}", "0".repeat(point as usize - digits.len())), String::new())
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") }
}

/// `number` with its integer digits grouped in threes by `sep`.
fn grouped(number: &str, sep: &str) -> String {
    let (int, frac) = number.split_once('.').map_or((number, String::new()), |(i, f)| (i, format!(".{f}")));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out + &frac
}

/// The number itself, plain and (from 1000 up) grouped in thousands.
fn spellings(number: &str) -> Vec<String> {
    let int_len = number.split('.').next().unwrap_or("").trim_start_matches('-').len();
    let mut out = vec![number.to_string()];
    if int_len >= 4 {
        out.extend([",", " ", "，"].iter().map(|sep| grouped(number, sep)));
    }
    out
}

/// Chinese numerals for a value below 1000 with at most two decimals
/// (`94.6` → 九十四点六), for `百分之…`.
fn chinese(v: f64) -> Option<String> {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let text = format!("{v}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let n: usize = int.parse().ok()?;
    if n >= 1000 {
        return None;
    }
    let (h, t, o) = (n / 100, n / 10 % 10, n % 10);
    let mut out = String::new();
    if h > 0 {
        out += D[h];
        out += "百";
    }
    if t > 0 {
        if h > 0 || t > 1 {
            out += D[t];
        }
        out += "十";
    } else if h > 0 && o > 0 {
        out += "零";
    }
    if o > 0 || n == 0 {
        out += D[o];
    }
    if !frac.is_empty() {
        out += "点";
        for c in frac.chars() {
            out += D[c.to_digit(10)? as usize];
        }
    }
    Some(out)
}

/// Every style this question's expected value can be written in, without
/// hedges or full-width forms (those are added on top).
fn styles(expected: f64, unit: &str) -> Vec<String> {
    let u = unit_of(unit);
    let n = shifted(expected, 0);
    let mut out = Vec::new();
    for num in spellings(&n) {
        out.push(num.clone());
        if !unit.is_empty() {
            out.push(format!("{num}{unit}"));
            out.push(format!("{num} {unit}"));
            out.push(format!("{num} {}", unit.to_lowercase()));
        }
        if let Some((word, _)) = u.scale {
            out.push(format!("{num}{word}"));
            out.push(format!("{num} {word}"));
            if u.money {
                out.push(format!("¥{num}{word}"));
                out.push(format!("RMB {num}{word}"));
            }
        } else if u.money {
            out.extend([
                format!("¥{num}"),
                format!("￥{num}"),
                format!("RMB {num}"),
                format!("{num} 元"),
                format!("{num}元"),
            ]);
        }
        if u.percent {
            out.extend([format!("{num} percent"), format!("{num}％"), format!("百分之{num}")]);
        }
    }
    if u.percent
        && let Some(words) = chinese(expected)
    {
        out.push(format!("百分之{words}"));
    }
    // The other scales: the base unit for a scaled unit (165000 元 for
    // 16.5 万元), 万 and K for a plain money unit (82万 for 820000 CNY).
    match u.scale {
        Some((_, p)) => {
            let base = shifted(expected, p);
            for num in spellings(&base) {
                if !u.base.is_empty() {
                    out.push(format!("{num} {}", u.base));
                    out.push(format!("{num}{}", u.base));
                }
                if u.money {
                    out.push(format!("¥{num}"));
                }
            }
        }
        None if u.money => {
            out.push(format!("{}万", shifted(expected, -4)));
            out.push(format!("{}万元", shifted(expected, -4)));
            out.push(format!("¥{}万", shifted(expected, -4)));
            out.push(format!("{}K", shifted(expected, -3)));
            out.push(format!("¥{}k", shifted(expected, -3)));
            out.push(format!("{}M {unit}", shifted(expected, -6)));
        }
        None => {}
    }
    out
}

const HEDGES: &[(&str, &str)] = &[
    ("", ""),
    ("about ", ""),
    ("around ", ""),
    ("approximately ", ""),
    ("roughly ", ""),
    ("approx. ", ""),
    ("~", ""),
    ("≈ ", ""),
    ("约", ""),
    ("大约", ""),
    ("大概", ""),
    ("差不多", ""),
    ("", "左右"),
    ("约", "左右"),
];

/// ASCII to full-width (digits, letters, signs; a space to an ideographic one).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

#[test]
fn the_bundled_scenarios_have_numeric_questions_in_several_units() {
    let units: std::collections::BTreeSet<&str> = QUESTIONS.iter().map(|q| q.unit.as_str()).collect();
    assert!(QUESTIONS.len() >= 5, "{} numeric questions", QUESTIONS.len());
    assert!(units.contains("万元") && units.contains("%"), "{units:?}");
}

#[test]
fn every_bundled_numeric_question_accepts_every_style_of_its_expected_value() {
    let mut failures = Vec::new();
    for q in QUESTIONS.iter() {
        for style in styles(q.expected, &q.unit) {
            for (before, after) in HEDGES {
                let text = format!("{before}{style}{after}");
                failures.extend(judged_right(q, &text).err());
            }
            failures.extend(judged_right(q, &full_width(&style)).err());
        }
    }
    assert!(failures.is_empty(), "{} refused or wrong:\n{}", failures.len(), failures.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Styles, hedges and full width combined at random on every question.
    #[test]
    fn the_expected_value_in_any_accepted_style_is_right(
        which in any::<prop::sample::Index>(),
        style in any::<prop::sample::Index>(),
        hedge in any::<prop::sample::Index>(),
        wide in any::<bool>(),
        pad in "[ \u{3000}]{0,2}",
    ) {
        let q = which.get(&QUESTIONS);
        let styles = styles(q.expected, &q.unit);
        let (before, after) = hedge.get(HEDGES);
        let body = style.get(&styles);
        let body = if wide { full_width(body) } else { body.clone() };
        let text = format!("{pad}{before}{body}{after}{pad}");
        prop_assert!(judged_right(q, &text).is_ok(), "{}", judged_right(q, &text).unwrap_err());
    }
}

// ---- Regression tests for the two answers reported in issue 12.

/// A one-question scenario asked in `unit`: right goes to `good`.
fn one_question(expected: f64, unit: &str) -> Arc<Compiled> {
    let src = format!(
        r#"Scenario(
    format: 1, id: "n", title: "N", company: "C", role: "R", language: Both, difficulty: Easy,
    minutes: 5, persona: (name: "N", role: "R"), start: "q",
    nodes: [
        (id: "q", prompt: "How much?", limit_s: 60, answer: Numeric(expected: {expected:?}, tolerance: Abs(0.1),
         unit: "{unit}", right: (next: "good"), wrong: (next: "bad"), solution: "s")),
        (id: "good", answer: End(remarks: "Right.")),
        (id: "bad", answer: End(remarks: "Wrong.")),
    ],
)"#
    );
    let cat = catalogue();
    let sc = check_bytes("n.ron", src.as_bytes(), &cat).scenario.expect("test scenario parses");
    Compiled::new(sc, cat).expect("test scenario compiles")
}

fn numbers_line(s: &State) -> String {
    let md = debrief::markdown(&debrief::build(s));
    md.lines().find(|l| l.starts_with("- **q**")).unwrap_or_default().to_string()
}

#[test]
fn wan_yuan_answer_with_wan_is_right() {
    let q = one_question(16.5, "万元");
    let s = answer(&q, "16.5万");
    assert_eq!(s.numeric_error, None);
    assert_eq!(s.turns[0].correct, Some(true), "16.5万 for a question in 万元");
    assert_eq!(s.turns[0].given, Given::Number { raw: "16.5万".into(), value: 16.5 });
    assert!(numbers_line(&s).contains("you gave 16.5 万元 (typed 16.5万): right"), "{}", numbers_line(&s));
    for text in ["165000 元", "¥165,000", "16.5万元", "约16.5万", "16.5"] {
        assert_eq!(answer(&q, text).turns[0].correct, Some(true), "{text}");
    }
}

#[test]
fn a_wrong_answer_names_what_was_understood_in_the_question_unit() {
    let q = one_question(16.5, "万元");
    let s = answer(&q, "165000");
    assert_eq!(s.turns[0].correct, Some(false), "a bare number is in the question's unit: 165000 万元");
    assert!(numbers_line(&s).contains("expected 16.5 万元, you gave 165,000 万元: wrong"), "{}", numbers_line(&s));
    let s = answer(&q, "16.5 元");
    assert!(numbers_line(&s).contains("you gave 0.00165 万元 (typed 16.5 元): wrong"), "{}", numbers_line(&s));
}

#[test]
fn accounts_answer_with_unit_word_and_hedge_is_right() {
    let q = one_question(36000.0, "accounts");
    for text in ["36000 accounts", "about 36000", "about 36,000 accounts", "36k accounts", "36000 account", "约36000"]
    {
        let s = answer(&q, text);
        assert_eq!(s.numeric_error, None, "{text}");
        assert_eq!(s.turns[0].correct, Some(true), "{text}");
    }
}

#[test]
fn a_refused_answer_stays_in_the_box_with_a_message_saying_why() {
    let q = one_question(36000.0, "accounts");
    for (text, message) in [
        ("3,6000", "3,6000: group digits in threes (36,000) or not at all (36000)"),
        ("36000 users", "not sure what \"users\" means here: answer in accounts"),
        ("lots", "not a number: try 1,200 or 12% or ¥1.2M or 120万"),
    ] {
        let s = answer(&q, text);
        assert_eq!(s.numeric_error.as_ref().map(ToString::to_string).as_deref(), Some(message), "{text}");
        assert!(s.turns.is_empty(), "{text}: not submitted");
        assert_eq!(s.answer_text(), text, "the typed answer is kept");
    }
}
