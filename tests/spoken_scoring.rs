//! How a Spoken answer is scored: its ticks are the candidate's own claim,
//! so they weigh less than the notes, and the answer counts half in its
//! competencies' averages (issue 12 item 3).

use hotseat::assess::debrief;
use hotseat::playtest::{self, Script, Step};
use hotseat::scenario::load::ron_options;
use hotseat::session::{Compiled, State};

const SCENARIO: &str = r#"Scenario(
    format: 1, id: "s", title: "S", company: "C", role: "R", language: En, difficulty: Easy,
    minutes: 5, persona: (name: "N", role: "R"), start: "tell",
    nodes: [
        (id: "tell", prompt: "Tell me.", limit_s: 60, competencies: ["c"],
         answer: FreeText(rules: [], default: (next: "pitch"))),
        (id: "pitch", prompt: "Pitch.", limit_s: 60, competencies: ["c"],
         talking_points: ["one", "two", "three", "four"],
         answer: Spoken(pass: 2, next: (next: "end"))),
        (id: "end", answer: End(remarks: "Thanks.")),
    ],
)"#;

const STRONG_TEXT: &str = "First, I owned the billing redesign: I cut unit cost from ¥3.1 to ¥2.2 per GPU-hour. \
                           Second, renewals went from 70% to 85% within two quarters.";

fn play(spoken: Step) -> State {
    let (cat, _) = hotseat::traps::load(None);
    let sc = ron_options().from_str(SCENARIO).expect("parses");
    let compiled = Compiled::new(sc, cat).expect("compiles");
    let mut script = Script::new();
    script.insert("tell".into(), vec![Step::Text { text: STRONG_TEXT.into(), after_s: Some(30.0) }]);
    script.insert("pitch".into(), vec![spoken]);
    playtest::play(compiled, 0, &script).expect("plays")
}

fn scores(s: &State) -> Vec<u32> {
    s.turns.iter().map(|t| debrief::turn_score(s, t).expect("answered")).collect()
}

fn spoken(points: Vec<usize>, text: Option<&str>) -> Step {
    Step::Spoken { points, text: text.map(str::to_string), after_s: Some(30.0) }
}

#[test]
fn ticks_over_an_empty_or_near_empty_box_earn_only_their_share() {
    for text in [None, Some("covered all four"), Some("   ")] {
        let s = play(spoken(vec![1, 2, 3, 4], text));
        assert_eq!(scores(&s)[1], 40, "{text:?}: 40 % for coverage, nothing for the notes");
    }
    let s = play(spoken(vec![1, 2], None));
    assert_eq!(scores(&s)[1], 20);
}

#[test]
fn notes_carry_most_of_a_spoken_score() {
    let all = play(spoken(vec![1, 2, 3, 4], Some(STRONG_TEXT)));
    let none = play(spoken(vec![], Some(STRONG_TEXT)));
    let written = scores(&all)[0];
    assert_eq!(scores(&all)[1], written * 60 / 100 + 40, "the notes scored as text, plus full coverage");
    assert_eq!(scores(&none)[1], written * 60 / 100);
}

#[test]
fn a_spoken_answer_counts_half_in_its_competency() {
    let s = play(spoken(vec![1, 2, 3, 4], None));
    let [written, said] = scores(&s)[..] else { panic!("two answers") };
    let d = debrief::build(&s);
    let c = d.competencies.iter().find(|c| c.name == "c").expect("competency c");
    assert_eq!((c.score, c.questions), ((2 * written + said) / 3, 2));
    assert!(d.reasons.iter().any(|r| r.contains("no notes")), "{:?}", d.reasons);
}
