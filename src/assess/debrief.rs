//! The debrief: what a session's answers add up to. Built from the session
//! state alone (a pure function), so the live screen, `playtest` and a
//! replay produce the same debrief. Rendered as Markdown by [`markdown`];
//! the TUI draws the same data.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::Lang;
use crate::scenario::{Answer, Node};
use crate::session::{Ending, Exit, Given, Phase, State, Turn};
use crate::text::mmss;
use crate::tr;

/// The overall call, as a hiring committee would make it: the same four
/// calls an End node's `outcome` names, so an ending can bound it.
pub use crate::scenario::Outcome as Verdict;

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub ending: &'static str,
    /// The End node the interview reached, its closing remarks and the
    /// outcome it declares (which bounds the verdict).
    pub end_node: Option<String>,
    pub remark: Option<String>,
    pub outcome: Option<Verdict>,
    /// Why the interview ended before its normal close, when it did.
    pub early: Option<String>,
    /// `None` when nothing was answered.
    pub verdict: Option<Verdict>,
    pub reasons: Vec<String>,
    /// The largest contributions to the verdict, largest first (at most
    /// three): "why this verdict".
    pub why: Vec<Contribution>,
    /// 0–100 overall.
    pub score: Option<u32>,
    pub competencies: Vec<CompetencyScore>,
    /// Distinct traps fallen into, and how many times in all: the one
    /// count the header, the trap list, `sessions` and JSON all use.
    pub trap_count: usize,
    pub occurrence_count: usize,
    /// Every occurrence, in the order they happened.
    pub traps: Vec<TrapHit>,
    /// The same occurrences grouped by trap, in order of first occurrence.
    pub trap_groups: Vec<TrapGroup>,
    pub numeric: Vec<NumericResult>,
    pub timeline: Vec<TimelineRow>,
    pub points: Vec<PointsRow>,
    pub notes: String,
    /// The answers as typed, in order.
    pub answers: Vec<AnswerRow>,
    /// The language the human text above is in. Not in the JSON: a JSON
    /// debrief is always built in English, ids being what programs read.
    #[serde(skip)]
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyScore {
    pub name: String,
    pub score: u32,
    pub questions: usize,
}

/// One trap fallen into, with the words that did it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrapHit {
    pub id: String,
    pub title: String,
    pub node: String,
    pub question: String,
    /// The answer, and the byte ranges in it that triggered the trap.
    pub answer: String,
    pub evidence: Vec<Range<usize>>,
    pub why: String,
    pub instead: String,
    pub example: String,
    pub model_answer: Option<String>,
}

/// One trap with every place the candidate fell into it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrapGroup {
    pub id: String,
    pub title: String,
    pub why: String,
    pub instead: String,
    /// The catalogue's example of a strong answer (never the candidate's words).
    pub example: String,
    /// Indexes into [`Debrief::traps`].
    pub occurrences: Vec<usize>,
}

/// One reason the verdict is what it is. `points` is what it cost the
/// overall score (negative); `None` for a bound that decides the verdict
/// without moving the score (the ending's outcome, leaving early).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub what: String,
    pub points: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumericResult {
    pub node: String,
    pub question: String,
    pub expected: f64,
    pub unit: String,
    /// The answer as typed; `None` for a pass.
    pub given: Option<String>,
    /// The value understood from `given`, in `unit`; `None` for a pass or
    /// text that is not a number.
    pub understood: Option<f64>,
    pub correct: bool,
    /// Wrong, but within the question's `partial` band: half credit.
    pub close: bool,
    pub solution: String,
}

/// What a close numeric answer is worth: half a right one.
pub const CLOSE_SCORE: i32 = 50;

impl NumericResult {
    /// `right`, `close (half credit)` or `wrong`.
    pub fn mark(&self) -> &'static str {
        match (self.correct, self.close) {
            (true, _) => "right",
            (false, true) => "close (half credit)",
            (false, false) => "wrong",
        }
    }

    /// [`Self::mark`] in `lang`.
    pub fn mark_in(&self, lang: Lang) -> String {
        match (self.correct, self.close) {
            (true, _) => tr!(lang, "mark-right"),
            (false, true) => tr!(lang, "mark-close"),
            (false, false) => tr!(lang, "mark-wrong"),
        }
    }

    /// What the candidate gave, as understood in the question's unit
    /// (`16.5 万元`), followed by what they typed when that says more than
    /// the bare number (`16.5 万元 (typed 16.5万)`): a wrong answer then shows
    /// how it was read, and nothing typed is hidden.
    pub fn given_text(&self) -> String {
        self.given_text_in(Lang::En)
    }

    /// [`Self::given_text`] in `lang`.
    pub fn given_text_in(&self, lang: Lang) -> String {
        match (&self.given, self.understood) {
            (None, _) => tr!(lang, "given-pass"),
            (Some(raw), None) => raw.clone(),
            (Some(raw), Some(v)) => {
                let read = format!("{}{}", fmt_given(v), unit_suffix(&self.unit));
                let plain = raw.trim().chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+'));
                if plain { read } else { tr!(lang, "given-typed", read = read, raw = raw.trim()) }
            }
        }
    }
}

/// Like [`fmt_num`], but a value below 0.01 keeps three significant
/// digits instead of showing as 0: `16.5 元` read for a question in 万元 is
/// 0.00165 万元, and "you gave 0 万元" would hide why it is wrong.
fn fmt_given(v: f64) -> String {
    if v == 0.0 || v.abs() >= 0.01 || !v.is_finite() {
        return fmt_num(v);
    }
    format!("{:.2e}", v).parse::<f64>().map_or_else(|_| v.to_string(), |r| r.to_string())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    pub node: String,
    pub spent_ms: u64,
    pub limit_ms: Option<u64>,
    pub over_time: bool,
    pub exit: &'static str,
    /// What the interviewer interjected as the clock ran low, when the
    /// question lasted that long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interjected: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointsRow {
    pub node: String,
    pub covered: Vec<String>,
    pub missed: Vec<String>,
    /// Always true: covered is what the candidate ticked, not what anyone
    /// checked. Said in the JSON so no reader takes it for a measurement.
    pub self_rated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRow {
    pub node: String,
    pub question: String,
    pub answer: String,
}

/// Score lost for each trap in an answer, and for running over time.
const TRAP_COST: i32 = 35;
const OVER_TIME_COST: i32 = 15;

/// Builds the debrief of a session (finished or not) in the language to
/// coach it in: the UI's when chosen, else the scenario's own.
pub fn build(s: &State) -> Debrief {
    build_in(s, crate::i18n::for_scenario(s.compiled.scenario.language))
}

/// Builds the debrief with its human text in `lang` (ids, numbers and the
/// JSON field names are the same in every language).
pub fn build_in(s: &State, lang: Lang) -> Debrief {
    let sc = &s.compiled.scenario;
    let scores: Vec<Option<u32>> = s.turns.iter().map(|t| turn_score(s, t)).collect();
    let answered: Vec<u32> = scores.iter().flatten().copied().collect();
    let score = (!answered.is_empty()).then(|| answered.iter().sum::<u32>() / answered.len() as u32);
    let traps = trap_hits(s, lang);
    let trap_groups = group(&traps);
    let competencies = competency_scores(s, &scores);
    let numeric = numeric_results(s);
    let end = end_of(s);
    let early = early_reason(s, &end, &traps, lang);
    let drill = sc.id == crate::scenario::DRILL_ID;
    let (verdict, mut reasons, capped) = match score {
        // A drill is practice: a few questions picked for their traps say
        // nothing about hiring.
        Some(_) if drill => (None, vec![tr!(lang, "reason-drill")], false),
        Some(score) => verdict(s, (score, answered.len()), &trap_groups, &numeric, &competencies, end.outcome, lang),
        None => (None, vec![tr!(lang, "reason-no-answers")], false),
    };
    // With closing remarks, "How it ended" already says why it came early;
    // with too few answers for a verdict, that reason says the candidate left.
    let said_left = score.is_some() && verdict.is_none() && !drill;
    if let (Some(e), None, false) = (&early, &end.remark, said_left) {
        reasons.push(e.clone());
    }
    let why = match verdict {
        Some(v) => why(s, &scores, capped.then_some(v), lang),
        None => Vec::new(),
    };
    Debrief {
        scenario: sc.id.clone(),
        title: sc.title.clone(),
        ending: ending(s),
        end_node: end.node,
        remark: end.remark,
        outcome: end.outcome,
        early,
        verdict,
        reasons,
        why,
        score,
        competencies,
        trap_count: trap_groups.len(),
        occurrence_count: traps.len(),
        traps,
        trap_groups,
        numeric,
        timeline: s.turns.iter().map(|t| timeline_row(s, t)).collect(),
        points: points_rows(s),
        notes: s.notes_text(),
        answers: s
            .turns
            .iter()
            .map(|t| AnswerRow {
                node: node(s, t).id.clone(),
                question: asked(s, t),
                answer: given_text_in(s, t, lang),
            })
            .collect(),
        lang,
    }
}

fn node<'a>(s: &'a State, t: &Turn) -> &'a Node {
    &s.compiled.scenario.nodes[t.node]
}

/// The wording that was asked.
/// The question as it was asked: the wording drawn, placeholders filled.
fn asked(_s: &State, t: &Turn) -> String {
    t.prompt.clone()
}

fn ending(s: &State) -> &'static str {
    match s.phase {
        Phase::Finished(Ending::Completed) => "completed",
        Phase::Finished(Ending::SessionTimeout) => "session-timeout",
        Phase::Finished(Ending::Quit) => "quit",
        _ => "in-progress",
    }
}

/// The End node a finished interview reached.
struct EndOf {
    node: Option<String>,
    remark: Option<String>,
    outcome: Option<Verdict>,
}

fn end_of(s: &State) -> EndOf {
    let n = s.current();
    match (&s.phase, &n.answer) {
        (Phase::Finished(Ending::Completed | Ending::SessionTimeout), Answer::End { remarks, outcome }) => {
            EndOf { node: Some(n.id.clone()), remark: Some(remarks.clone()), outcome: *outcome }
        }
        _ => EndOf { node: None, remark: None, outcome: None },
    }
}

/// Why the interview closed before its normal end: the session's time ran
/// out, the candidate left, or the interviewer closed it on an ending that
/// bounds the verdict below hire, right after a given answer.
fn early_reason(s: &State, end: &EndOf, traps: &[TrapHit], lang: Lang) -> Option<String> {
    match s.phase {
        Phase::Finished(Ending::SessionTimeout) => Some(tr!(lang, "early-timeout")),
        Phase::Finished(Ending::Quit) => Some(tr!(lang, "early-quit")),
        Phase::Finished(Ending::Completed) if end.outcome.is_some_and(|o| o >= Verdict::LeanNo) => {
            let last = s.turns.last()?;
            let node = &node(s, last).id;
            let fell: Vec<&str> = traps.iter().filter(|t| &t.node == node).map(|t| t.title.as_str()).collect();
            let question = one_line(&asked(s, last));
            Some(if fell.is_empty() {
                tr!(lang, "early-closed", question = question)
            } else {
                tr!(lang, "early-closed-traps", question = question, traps = fell.join(&tr!(lang, "list-sep")))
            })
        }
        _ => None,
    }
}

/// A question cut to one short line for a sentence that quotes it.
fn one_line(text: &str) -> String {
    let flat = one_para(text);
    match flat.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// The answer in words, as the candidate gave it.
pub fn given_text(s: &State, t: &Turn) -> String {
    given_text_in(s, t, Lang::En)
}

/// [`given_text`] with its own words (a pass, "covered: ") in `lang`.
pub fn given_text_in(s: &State, t: &Turn, lang: Lang) -> String {
    let n = node(s, t);
    let option = |i: usize| tr!(lang, "given-option", n = i + 1);
    match &t.given {
        Given::Pass => tr!(lang, "given-pass"),
        Given::Text(text) => text.clone(),
        Given::Choice(i) => match &n.answer {
            Answer::Choice { options } => options.get(*i).map_or(option(*i), |o| format!("{}. {}", i + 1, o.label)),
            _ => option(*i),
        },
        Given::Number { raw, .. } => raw.clone(),
        Given::NotANumber(raw) => tr!(lang, "given-not-a-number", raw = raw.as_str()),
        Given::Points { ticked, text } => {
            let pts: Vec<String> = ticked.iter().filter_map(|&i| n.talking_points.get(i).cloned()).collect();
            let covered = tr!(lang, "given-covered", points = list_or_none(&pts, lang));
            if text.trim().is_empty() { covered } else { format!("{covered}\n{text}") }
        }
    }
}

/// The text an answer's traps were found in (for quoting evidence).
fn answer_text(t: &Turn) -> &str {
    match &t.given {
        Given::Text(text) | Given::Points { text, .. } => text,
        _ => "",
    }
}

/// 0–100 for one question, `None` for the question the candidate quit
/// during: an answer never submitted is not judged (what was typed still
/// shows in the timeline).
pub fn turn_score(s: &State, t: &Turn) -> Option<u32> {
    let lost: i32 = turn_losses(s, t, Lang::En)?.iter().map(|l| l.1).sum();
    Some((100 - lost).clamp(0, 100) as u32)
}

/// What one question's score lost, and to what: the shortfall of the
/// answer itself, each trap, running over time, timing out. The score is
/// 100 minus their sum, so "why this verdict" can name the same parts.
fn turn_losses(s: &State, t: &Turn, lang: Lang) -> Option<Vec<(String, i32)>> {
    if t.exit == Exit::Quit {
        return None;
    }
    let (base, short) = base_score(s, t);
    let mut lost = vec![(short.map_or_else(String::new, |why| why.text(lang)), 100 - base)];
    for f in t.traps.iter().filter(|f| f.id != "over-time") {
        let title = s.compiled.catalogue.get(&f.id).map_or(f.id.clone(), |d| trap_texts(d, lang).title);
        lost.push((tr!(lang, "loss-trap", title = title), TRAP_COST));
    }
    if t.over_time() || t.traps.iter().any(|f| f.id == "over-time") {
        lost.push((tr!(lang, "loss-over-time"), OVER_TIME_COST));
    }
    if t.exit == Exit::TimedOut {
        lost.push((tr!(lang, "loss-timed-out"), 10));
    }
    Some(lost)
}

/// What an answer lacked, by kind: "why this verdict" sums by it.
#[derive(Clone, Copy)]
enum Short {
    Passed,
    NotANumber,
    Close,
    Wrong,
    Spoken,
    Text,
}

impl Short {
    fn text(self, lang: Lang) -> String {
        match self {
            Short::Passed => tr!(lang, "loss-pass"),
            Short::NotANumber => tr!(lang, "loss-not-a-number"),
            Short::Close => tr!(lang, "loss-close"),
            Short::Wrong => tr!(lang, "loss-wrong"),
            Short::Spoken => tr!(lang, "loss-spoken"),
            Short::Text => tr!(lang, "loss-text"),
        }
    }
}

/// An answer's own score before traps and time, and what it lacked when
/// that is under 100.
fn base_score(s: &State, t: &Turn) -> (i32, Option<Short>) {
    match (&t.given, &node(s, t).answer) {
        (Given::Pass, _) => (0, Some(Short::Passed)),
        (Given::NotANumber(_), _) => (10, Some(Short::NotANumber)),
        (Given::Choice(_), _) => (100, None),
        (Given::Number { .. }, _) => {
            if t.correct == Some(true) {
                (100, None)
            } else if t.close {
                (CLOSE_SCORE, Some(Short::Close))
            } else {
                (35, Some(Short::Wrong))
            }
        }
        (Given::Points { ticked, text }, _) => {
            (spoken_base(text, ticked.len(), node(s, t).talking_points.len()), Some(Short::Spoken))
        }
        (Given::Text(text), _) => (text_quality(text), Some(Short::Text)),
    }
}

/// A trap's four texts in `lang`. Chinese uses the trap's `zh` block, and
/// without one the base texts with the title marked as English; English
/// uses the base texts, which every trap has.
pub fn trap_texts(def: &crate::traps::Trap, lang: Lang) -> crate::traps::TrapTexts {
    match (lang, &def.zh) {
        (Lang::Zh, Some(zh)) => zh.clone(),
        (Lang::Zh, None) => crate::traps::TrapTexts {
            title: tr!(lang, "trap-in-english", title = def.title.as_str()),
            why: def.why.clone(),
            instead: def.instead.clone(),
            example: def.example.clone(),
        },
        (Lang::En, _) => crate::traps::TrapTexts {
            title: def.title.clone(),
            why: def.why.clone(),
            instead: def.instead.clone(),
            example: def.example.clone(),
        },
    }
}

/// How much of a Spoken answer's baseline (in %) rests on the notes typed
/// about what was said; the rest is the talking points ticked. The ticks
/// are the candidate's own claim, checked by nothing, so they weigh less
/// than text the assessment can read.
const SPOKEN_NOTES_SHARE: i32 = 60;

/// Notes with fewer words than this (Latin words plus CJK characters) back
/// nothing: "covered all" earns no credit for its text.
const NOTES_MIN_WORDS: usize = 8;

/// Whether a Spoken answer's notes say enough to be assessed as text.
pub fn notes_back_it(text: &str) -> bool {
    crate::rules::signals::word_count(text) >= NOTES_MIN_WORDS
}

/// A Spoken answer's baseline before traps: the notes' text quality, as
/// for a FreeText answer (none for empty or near-empty notes), blended
/// with the share of `points` ticked. Empty notes with every point ticked
/// come to 40.
fn spoken_base(text: &str, ticked: usize, points: usize) -> i32 {
    let notes = if notes_back_it(text) { text_quality(text) } else { 0 };
    let coverage = (100 * ticked.min(points) / points.max(1)) as i32;
    (SPOKEN_NOTES_SHARE * notes + (100 - SPOKEN_NOTES_SHARE) * coverage) / 100
}

/// Spoken answers whose ticks have nothing behind them: points claimed with
/// no notes (or near none). However high the average, such a session is
/// not a strong hire: nothing shows the points were made.
fn unbacked_spoken(s: &State) -> usize {
    s.turns
        .iter()
        .filter(|t| matches!(&t.given, Given::Points { ticked, text } if !ticked.is_empty() && !notes_back_it(text)))
        .count()
}

/// A free-text answer's baseline before traps: credit for evidence
/// (figures, a before→after change), ownership and structure.
fn text_quality(text: &str) -> i32 {
    let sig = crate::rules::signals::analyse(text);
    let mut q = 55;
    if !sig.money.is_empty() || !sig.percents.is_empty() || !sig.numbers.is_empty() {
        q += 20;
    }
    if !sig.changes.is_empty() {
        q += 10;
    }
    if !sig.ownership.is_empty() {
        q += 10;
    }
    if sig.structured() || sig.words < 60 {
        q += 5;
    }
    if sig.words < 8 {
        q -= 25;
    }
    q
}

fn trap_hits(s: &State, lang: Lang) -> Vec<TrapHit> {
    let mut out = Vec::new();
    for t in &s.turns {
        let n = node(s, t);
        for f in &t.traps {
            let def = s.compiled.catalogue.get(&f.id).map(|d| trap_texts(d, lang));
            let answer = answer_text(t).to_string();
            let evidence = merge(&f.evidence, answer.len());
            out.push(TrapHit {
                id: f.id.clone(),
                title: def.as_ref().map_or(f.id.clone(), |d| d.title.clone()),
                node: n.id.clone(),
                question: asked(s, t),
                answer: if answer.is_empty() { given_text_in(s, t, lang) } else { answer },
                evidence,
                why: def.as_ref().map_or(String::new(), |d| d.why.clone()),
                instead: def.as_ref().map_or(String::new(), |d| d.instead.clone()),
                example: def.as_ref().map_or(String::new(), |d| d.example.clone()),
                model_answer: n.model_answer.clone(),
            });
        }
    }
    out
}

/// The occurrences grouped by trap, in order of first occurrence.
fn group(hits: &[TrapHit]) -> Vec<TrapGroup> {
    let mut groups: Vec<TrapGroup> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        match groups.iter_mut().find(|g| g.id == h.id) {
            Some(g) => g.occurrences.push(i),
            None => groups.push(TrapGroup {
                id: h.id.clone(),
                title: h.title.clone(),
                why: h.why.clone(),
                instead: h.instead.clone(),
                example: h.example.clone(),
                occurrences: vec![i],
            }),
        }
    }
    groups
}

/// Sorted, non-overlapping evidence ranges within the text.
pub fn merge(ranges: &[Range<usize>], len: usize) -> Vec<Range<usize>> {
    let mut v: Vec<Range<usize>> = ranges.iter().filter(|r| r.start < r.end && r.end <= len).cloned().collect();
    v.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Each competency's weighted average. A Spoken answer counts half as much
/// as a checked one (free text, a choice, a number): its ticks are
/// self-rated.
fn competency_scores(s: &State, scores: &[Option<u32>]) -> Vec<CompetencyScore> {
    // Per competency: weighted sum, total weight, questions.
    let mut sums: BTreeMap<&str, (u32, u32, usize)> = BTreeMap::new();
    for (t, score) in s.turns.iter().zip(scores) {
        let Some(score) = score else { continue };
        let n = node(s, t);
        let weight = if matches!(n.answer, Answer::Spoken { .. }) { 1 } else { 2 };
        for c in &n.competencies {
            let e = sums.entry(c.as_str()).or_default();
            e.0 += score * weight;
            e.1 += weight;
            e.2 += 1;
        }
    }
    sums.into_iter()
        .map(|(name, (sum, weight, n))| CompetencyScore {
            name: name.to_string(),
            score: sum / weight.max(1),
            questions: n,
        })
        .collect()
}

fn numeric_results(s: &State) -> Vec<NumericResult> {
    s.turns
        .iter()
        // The question quit during was never answered: not right, not wrong.
        .filter(|t| t.exit != Exit::Quit)
        .filter_map(|t| {
            let n = node(s, t);
            let Answer::Numeric { expected, unit, solution, .. } = &n.answer else { return None };
            let (given, understood) = match &t.given {
                Given::Number { raw, value } => (Some(raw.clone()), Some(*value)),
                Given::NotANumber(raw) => (Some(raw.clone()), None),
                _ => (None, None),
            };
            Some(NumericResult {
                node: n.id.clone(),
                question: asked(s, t),
                expected: *expected,
                unit: unit.clone(),
                given,
                understood,
                correct: t.correct == Some(true),
                close: t.close,
                solution: solution.clone(),
            })
        })
        .collect()
}

fn timeline_row(s: &State, t: &Turn) -> TimelineRow {
    let exit = match t.exit {
        Exit::Submitted => "submitted",
        Exit::TimedOut => "timed-out",
        Exit::SessionOver => "session-over",
        Exit::Quit => "quit",
    };
    TimelineRow {
        node: node(s, t).id.clone(),
        spent_ms: t.spent_ms(),
        limit_ms: t.limit_ms,
        over_time: t.over_time(),
        exit,
        interjected: node(s, t)
            .interject
            .as_ref()
            .filter(|i| t.limit_ms.is_some_and(|l| i.due(l, t.spent_ms())))
            .map(|i| i.text.clone()),
    }
}

fn points_rows(s: &State) -> Vec<PointsRow> {
    s.turns
        .iter()
        .filter_map(|t| {
            let n = node(s, t);
            let Answer::Spoken { .. } = n.answer else { return None };
            let ticked: &[usize] = match &t.given {
                Given::Points { ticked, .. } => ticked,
                _ => &[],
            };
            let (covered, missed) =
                n.talking_points.iter().enumerate().fold((vec![], vec![]), |(mut c, mut m), (i, p)| {
                    if ticked.contains(&i) {
                        c.push(p.clone())
                    } else {
                        m.push(p.clone())
                    }
                    (c, m)
                });
            Some(PointsRow { node: n.id.clone(), covered, missed, self_rated: true })
        })
        .collect()
}

/// The band and the reasons behind it.
/// `(score, answered)`: the overall score and how many answers it averages.
/// `bound`: the outcome the ending declares; the verdict is no better.
fn verdict(
    s: &State,
    (score, answered): (u32, usize),
    groups: &[TrapGroup],
    numeric: &[NumericResult],
    comps: &[CompetencyScore],
    bound: Option<Verdict>,
    lang: Lang,
) -> (Option<Verdict>, Vec<String>, bool) {
    let mut reasons = Vec::new();
    let serious = groups.iter().filter(|g| g.id != "over-time").count();
    let late = groups.iter().find(|g| g.id == "over-time").map_or(0, |g| g.occurrences.len());
    reasons.push(tr!(lang, "reason-score", score = score, n = answered));
    if groups.is_empty() {
        reasons.push(tr!(lang, "reason-no-traps"));
    } else {
        reasons.push(trap_count_line(groups, lang));
    }
    if !numeric.is_empty() {
        let right = numeric.iter().filter(|n| n.correct).count();
        let close = numeric.iter().filter(|n| n.close).count();
        let total = numeric.len();
        reasons.push(if close > 0 {
            tr!(lang, "reason-numeric-close", right = right, total = total, close = close)
        } else {
            tr!(lang, "reason-numeric", right = right, total = total)
        });
    }
    if let Some(weak) = comps.iter().min_by_key(|c| c.score).filter(|c| c.score < 60) {
        reasons.push(tr!(lang, "reason-weakest", name = competency_name(&weak.name, lang), score = weak.score));
    }
    let quit = s.phase == Phase::Finished(Ending::Quit);
    let numeric_ok = numeric.iter().all(|n| n.correct);
    let unbacked = unbacked_spoken(s);
    if unbacked > 0 {
        reasons.push(tr!(lang, "reason-unbacked", n = unbacked));
    }
    // Two answers are too few to judge an interview by: no verdict, where
    // a `no` beside a high score would contradict itself.
    if quit && answered < 3 {
        reasons.push(tr!(lang, "reason-too-few", n = answered));
        return (None, reasons, false);
    }
    let band = if score >= 85 && serious == 0 && late <= 1 && numeric_ok && !quit && unbacked == 0 {
        Verdict::StrongHire
    } else if score >= 70 && serious <= 1 {
        Verdict::Hire
    } else if score >= 50 && serious <= 3 {
        Verdict::LeanNo
    } else {
        Verdict::No
    };
    let bounded = bound.map_or(band, |b| band.at_most(b));
    if bounded != band {
        reasons.push(tr!(
            lang,
            "reason-bounded",
            bounded = verdict_name(bounded, lang),
            band = verdict_name(band, lang)
        ));
    }
    (Some(bounded), reasons, bounded != band)
}

/// A competency as a reader says it: the id in English (`unit-economics`,
/// as scenarios write it), a word in Chinese for the bundled ones
/// (`competency-<id>` in the message files); an id no file names stays
/// as written.
pub fn competency_name(id: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return id.to_string();
    }
    let key = format!("competency-{id}");
    let name = crate::i18n::message(lang, &key, &[]);
    if name == key { id.to_string() } else { name }
}

/// "−17": a loss with a true minus sign.
pub fn signed(points: i32) -> String {
    if points < 0 { format!("−{}", -points) } else { format!("+{points}") }
}

/// A verdict as a reader says it: the id in English (`lean-no`), words in
/// Chinese.
pub fn verdict_name(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::StrongHire => tr!(lang, "verdict-strong-hire"),
        Verdict::Hire => tr!(lang, "verdict-hire"),
        Verdict::LeanNo => tr!(lang, "verdict-lean-no"),
        Verdict::No => tr!(lang, "verdict-no"),
    }
}

/// "2 traps, 3 times: A (2×), B." One wording for the one count.
pub fn trap_count_line(groups: &[TrapGroup], lang: Lang) -> String {
    let times: usize = groups.iter().map(|g| g.occurrences.len()).sum();
    let names: Vec<String> = groups
        .iter()
        .map(|g| match g.occurrences.len() {
            1 => g.title.clone(),
            n => tr!(lang, "trap-times", title = g.title.as_str(), n = n),
        })
        .collect();
    let names = names.join(&tr!(lang, "list-sep"));
    tr!(lang, "reason-trap-line", n = groups.len(), times = times, names = names)
}

/// The three largest contributions to the verdict. A bound that decided it
/// (the ending's outcome, leaving early) comes first; then what cost the
/// overall score most, each part of each question's loss averaged over the
/// answered questions and summed by kind.
/// `capped`: the verdict the ending held it to, when that lowered it.
fn why(s: &State, scores: &[Option<u32>], capped: Option<Verdict>, lang: Lang) -> Vec<Contribution> {
    let mut out = Vec::new();
    if let Some(b) = capped {
        out.push(Contribution { what: tr!(lang, "why-bound", verdict = verdict_name(b, lang)), points: None });
    }
    if s.phase == Phase::Finished(Ending::Quit) {
        out.push(Contribution { what: tr!(lang, "why-quit"), points: None });
    }
    let answered = scores.iter().flatten().count().max(1) as f64;
    // Per kind of loss: its points and the questions (numbered as in the
    // timeline) that lost them, so the candidate can find the answers.
    let mut by_kind: Vec<(String, f64, Vec<usize>)> = Vec::new();
    for (i, (t, score)) in s.turns.iter().zip(scores).enumerate() {
        let (Some(score), Some(parts)) = (score, turn_losses(s, t, lang)) else { continue };
        let nominal: i32 = parts.iter().map(|p| p.1).sum();
        let actual = 100 - *score as i32;
        let scale = if nominal > 0 { f64::from(actual) / f64::from(nominal) } else { 0.0 };
        for (what, cost) in parts.into_iter().filter(|p| p.1 > 0) {
            let points = f64::from(cost) * scale / answered;
            match by_kind.iter_mut().find(|k| k.0 == what) {
                Some(k) => {
                    k.1 += points;
                    k.2.push(i + 1);
                }
                None => by_kind.push((what, points, vec![i + 1])),
            }
        }
    }
    by_kind.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (what, points, at) in by_kind.into_iter().filter(|k| k.1 >= 0.5) {
        let what = match at.len() {
            1 => tr!(lang, "why-at-one", what = what, k = at[0]),
            n => tr!(lang, "why-repeated-at", what = what, n = n, list = question_list(&at)),
        };
        out.push(Contribution { what, points: Some(-(points.round() as i32)) });
    }
    out.truncate(3);
    out
}

/// A node id of this debrief as a person reads it (a drill's question by
/// its source: `alibaba-cloud-pm › start`).
pub fn shown<'a>(d: &Debrief, node: &'a str) -> std::borrow::Cow<'a, str> {
    crate::scenario::shown_node(&d.scenario, node)
}

/// Question numbers for a loss line: `1, 3, 4`, the first six and `…`.
fn question_list(at: &[usize]) -> String {
    let mut list: Vec<String> = at.iter().take(6).map(usize::to_string).collect();
    if at.len() > 6 {
        list.push("…".into());
    }
    list.join(", ")
}

/// The debrief as Markdown: for `e` in the TUI, `playtest` and export.
/// Every control character from the scenario, the catalogue or the answers
/// is escaped visibly (`\u{1b}`) in the result, once, here: this is the
/// Markdown format's choke point, so a saved or exported debrief cannot
/// drive the terminal or viewer it is opened in.
pub fn markdown(d: &Debrief) -> String {
    crate::text::escape_controls(&markdown_unescaped(d)).into_owned()
}

fn markdown_unescaped(d: &Debrief) -> String {
    use std::fmt::Write as _;
    let l = d.lang;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", tr!(l, "md-title", title = d.title.as_str()));
    match d.verdict {
        Some(v) => {
            let verdict = verdict_name(v, l);
            let line = match d.score {
                Some(score) => tr!(l, "md-verdict-score", verdict = verdict, score = score),
                None => tr!(l, "md-verdict", verdict = verdict),
            };
            let _ = writeln!(out, "{line}\n");
        }
        None if d.scenario == crate::scenario::DRILL_ID => {
            let score = d.score.map_or_else(|| "-".to_string(), |s| s.to_string());
            let _ = writeln!(out, "{}\n", tr!(l, "md-verdict-drill", score = score));
        }
        None => {
            let _ = writeln!(out, "{}\n", tr!(l, "md-verdict-none"));
        }
    }
    if let Some(remark) = &d.remark {
        let _ = writeln!(out, "{}\n", tr!(l, "md-how-ended", text = ending_label(d)));
        let _ = writeln!(out, "> {}\n", one_para(remark));
    } else if let Some(early) = &d.early {
        let _ = writeln!(out, "{}\n", tr!(l, "md-how-ended", text = early.as_str()));
    }
    for r in &d.reasons {
        let _ = writeln!(out, "- {r}");
    }
    if !d.why.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-why"));
        for c in &d.why {
            let _ = writeln!(out, "- {}", contribution(c, l));
        }
    }
    if !d.competencies.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-competencies"));
        for c in &d.competencies {
            match l {
                Lang::En => {
                    let _ = writeln!(out, "- `{:<16}` {} {}", c.name, bar(c.score, 20), c.score);
                }
                _ => {
                    let _ = writeln!(out, "- {}：{} {}", competency_name(&c.name, l), bar(c.score, 20), c.score);
                }
            }
        }
    }
    let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-traps", count = count_label(d)));
    if d.trap_groups.is_empty() {
        let _ = writeln!(out, "{}", tr!(l, "debrief-no-traps"));
    }
    for (i, g) in d.trap_groups.iter().enumerate() {
        let _ = writeln!(out, "### {}. {} (`{}`)\n", i + 1, g.title, g.id);
        if !g.why.is_empty() {
            let _ = writeln!(out, "{}\n", tr!(l, "md-why-hurts", text = g.why.as_str()));
            let _ = writeln!(out, "{}\n", tr!(l, "md-instead", text = g.instead.as_str()));
        }
        for (k, &at) in g.occurrences.iter().enumerate() {
            let Some(t) = d.traps.get(at) else { continue };
            let (node, question) = (shown(d, &t.node), one_para(&t.question));
            let where_ = if g.occurrences.len() > 1 {
                tr!(l, "md-where-nth", k = k + 1, node = node.as_ref(), question = question)
            } else {
                tr!(l, "md-where", node = node.as_ref(), question = question)
            };
            let _ = writeln!(out, "{where_}\n");
            let _ = writeln!(out, "{}\n", tr!(l, "md-you-said", text = highlight(&t.answer, &t.evidence)));
            if let Some(m) = &t.model_answer {
                let _ = writeln!(out, "{}\n", tr!(l, "md-model-answer", text = one_para(m)));
            }
        }
        if !g.example.is_empty() {
            let _ = writeln!(out, "{}\n", tr!(l, "md-example", text = g.example.as_str()));
        }
    }
    if !d.numeric.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-numbers"));
        for n in &d.numeric {
            let line = tr!(
                l,
                "md-numeric",
                node = shown(d, &n.node).as_ref(),
                expected = format!("{}{}", fmt_num(n.expected), unit_suffix(&n.unit)),
                given = n.given_text_in(l),
                mark = n.mark_in(l),
                solution = one_para(&n.solution)
            );
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-timeline"));
    let _ = writeln!(out, "{}\n|---|---|---|---|---|", tr!(l, "md-timeline-head"));
    for (i, r) in d.timeline.iter().enumerate() {
        let limit = r.limit_ms.map_or("-".into(), mmss);
        let flag = if r.over_time { tr!(l, "md-over-time") } else { exit_name(r.exit, l) };
        let _ = writeln!(out, "| {} | {} | {} | {limit} | {flag} |", i + 1, shown(d, &r.node), mmss(r.spent_ms));
    }
    for (i, r) in d.timeline.iter().enumerate() {
        if let Some(said) = &r.interjected {
            let line = tr!(l, "md-interjected", n = i + 1, node = shown(d, &r.node).as_ref(), said = one_para(said));
            let _ = writeln!(out, "\n{line}");
        }
    }
    if !d.points.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-points"));
        for p in &d.points {
            let line = tr!(
                l,
                "md-points",
                node = shown(d, &p.node).as_ref(),
                covered = list_or_none(&p.covered, l),
                missed = list_or_none(&p.missed, l)
            );
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "\n## {}\n", tr!(l, "debrief-h-notes"));
    if d.notes.trim().is_empty() {
        let _ = writeln!(out, "{}", tr!(l, "debrief-notes-none"));
    } else {
        for line in d.notes.lines() {
            let _ = writeln!(out, "> {line}");
        }
    }
    out
}

/// "What (−12 points)", or just what for a bound that moved no points.
pub fn contribution(c: &Contribution, lang: Lang) -> String {
    match c.points {
        Some(p) => tr!(lang, "why-points", what = c.what.as_str(), points = signed(p)),
        None => c.what.clone(),
    }
}

/// How a question was left, for the timeline: nothing for a plain submit.
pub fn exit_name(exit: &str, lang: Lang) -> String {
    match exit {
        "submitted" => String::new(),
        "timed-out" => tr!(lang, "exit-timed-out"),
        "session-over" => tr!(lang, "exit-session-over"),
        "quit" => tr!(lang, "exit-quit"),
        other => other.to_string(),
    }
}

/// "ending `end-early`, which allows at most no" or just the node.
fn ending_label(d: &Debrief) -> String {
    let node = shown(d, d.end_node.as_deref().unwrap_or("end"));
    let node = node.as_ref();
    match &d.early {
        Some(e) => tr!(d.lang, "md-closing-words-after", early = e.as_str(), node = node),
        None => tr!(d.lang, "md-closing-words", node = node),
    }
}

/// "2 traps, 3 times" or "none": the one count, worded once.
pub fn count_label(d: &Debrief) -> String {
    match (d.trap_count, d.occurrence_count) {
        (0, _) => tr!(d.lang, "count-none"),
        (n, m) if n == m => format!("{n}"),
        (n, m) => tr!(d.lang, "count-times", n = n, m = m),
    }
}

/// " CNY" after a number, but "%" straight after it.
pub fn unit_suffix(unit: &str) -> String {
    match unit {
        "" => String::new(),
        "%" => "%".into(),
        u => format!(" {u}"),
    }
}

/// Items joined as a list in `lang`, or "none".
pub fn list_or_none(v: &[String], lang: Lang) -> String {
    if v.is_empty() { tr!(lang, "list-none") } else { v.join(&tr!(lang, "list-sep")) }
}

fn one_para(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The answer with the trigger words in bold.
fn highlight(text: &str, ev: &[Range<usize>]) -> String {
    let mut out = String::from("“");
    let mut at = 0;
    for r in ev {
        if r.start < at || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push_str("**");
        out.push_str(&text[r.clone()]);
        out.push_str("**");
        at = r.end;
    }
    out.push_str(&text[at..]);
    out.push('”');
    one_para(&out)
}

pub fn bar(score: u32, width: usize) -> String {
    let full = (score as usize * width).div_ceil(100).min(width);
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// A number for reading: thousands separated, at most two decimals.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let int = rounded.trunc().abs() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let frac = (rounded.abs() - int as f64) * 100.0;
    let sign = if rounded < 0.0 { "-" } else { "" };
    match frac.round() as u64 {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// The Markdown debrief as plain text for a terminal: no emphasis marks,
/// headings as underlined lines, control characters escaped (the input may
/// carry appended text that did not come through [`markdown`]).
pub fn text(markdown: &str) -> String {
    let markdown = crate::text::escape_controls(markdown);
    let mut out = String::new();
    for line in markdown.lines() {
        let plain = line.replace("**", "").replace('`', "");
        match plain.trim_start_matches('#').trim() {
            t if plain.starts_with('#') => {
                out.push_str(t);
                out.push('\n');
                out.push_str(&"=".repeat(unicode_width::UnicodeWidthStr::width(t)));
                out.push('\n');
            }
            _ => {
                out.push_str(&plain);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Lang, fmt_num, trap_texts};
    use crate::traps::{Trap, TrapTexts};

    fn trap(zh: Option<TrapTexts>) -> Trap {
        Trap {
            id: "t".into(),
            title: "Rambling".into(),
            why: "why".into(),
            instead: "instead".into(),
            example: "example".into(),
            detect: Vec::new(),
            zh,
        }
    }

    #[test]
    fn a_trap_without_chinese_texts_falls_back_to_english_marked_as_such() {
        let t = trap(None);
        let zh = trap_texts(&t, Lang::Zh);
        assert_eq!(zh.title, "Rambling（英文）");
        assert_eq!((zh.why.as_str(), zh.example.as_str()), ("why", "example"));
        assert_eq!(trap_texts(&t, Lang::En).title, "Rambling");
    }

    #[test]
    fn a_trap_with_chinese_texts_uses_them_in_chinese_and_its_base_texts_in_english() {
        let zh = TrapTexts {
            title: "啰嗦".into(), why: "因为".into(), instead: "改为".into(), example: "例子".into()
        };
        let t = trap(Some(zh.clone()));
        assert_eq!(trap_texts(&t, Lang::Zh), zh);
        assert_eq!(trap_texts(&t, Lang::En).title, "Rambling");
    }

    #[test]
    fn numbers_read_like_numbers() {
        assert_eq!(fmt_num(480000.0), "480,000");
        assert_eq!(fmt_num(22.2222), "22.22");
        assert_eq!(fmt_num(94.6), "94.6");
        assert_eq!(fmt_num(-1250.5), "-1,250.5");
        assert_eq!(fmt_num(0.0), "0");
    }
}

#[cfg(test)]
mod quit_tests {
    use super::*;
    use crate::session::{Compiled, Event, EventKind, Pace, Target, update};

    /// The small fixture with every answer kind: `open` (money) → `pick`.
    fn session() -> State {
        let src = include_str!("../../tests/fixtures/session-core.ron");
        let sc: crate::scenario::Scenario = crate::ron_syntax::options().from_str(src).expect("fixture parses");
        let (cat, _) = crate::traps::load(None);
        let mut s = State::new(Compiled::new(sc, cat).expect("compiles"), 1, Pace::Real);
        update(&mut s, Event::new(0, EventKind::Start));
        s
    }

    fn send(s: &mut State, at: u64, kind: EventKind) {
        update(s, Event::new(at, kind));
    }

    /// Review 6: quitting on a number question with half a sentence typed
    /// was graded as a wrong number (−13) and counted in "numeric questions
    /// right"; a question left by quitting is not judged.
    #[test]
    fn the_question_quit_during_is_not_judged() {
        let mut s = session();
        // A pass on `open` leads to the Numeric `quiz`.
        send(&mut s, 1_000, EventKind::Submit);
        assert_eq!(s.current().id, "quiz");
        send(&mut s, 2_000, EventKind::Paste(Target::Answer, "I would not match on price.".into()));
        send(&mut s, 3_000, EventKind::Quit);
        let quit = s.turns.last().expect("the quit turn");
        assert_eq!(quit.exit, Exit::Quit);
        assert_eq!(turn_score(&s, quit), None, "not scored");
        let d = build_in(&s, Lang::En);
        assert!(d.numeric.is_empty(), "not counted as a wrong number: {:?}", d.numeric);
    }

    /// Review 6: a quit after two answers said `no` beside 90/100; too few
    /// answers give no verdict, and the reasons say why.
    #[test]
    fn leaving_after_too_few_answers_gives_no_verdict_and_says_why() {
        let mut s = session();
        send(
            &mut s,
            1_000,
            EventKind::Paste(Target::Answer, "We grew committed spend by ¥18M in two quarters.".into()),
        );
        send(&mut s, 2_000, EventKind::Submit);
        assert_eq!(s.current().id, "pick");
        send(&mut s, 3_000, EventKind::Submit);
        send(&mut s, 4_000, EventKind::Quit);
        let d = build_in(&s, Lang::En);
        assert_eq!(d.verdict, None);
        assert!(d.reasons.iter().any(|r| r.contains("too few to judge")), "{:?}", d.reasons);
        assert!(!d.reasons.iter().any(|r| r.contains("left the interview early")), "said once: {:?}", d.reasons);
    }
}
