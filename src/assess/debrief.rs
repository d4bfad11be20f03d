//! The debrief: what a session's answers add up to. Built from the session
//! state alone (a pure function), so the live screen, `playtest` and a
//! replay produce the same debrief. Rendered as Markdown by [`markdown`];
//! the TUI draws the same data.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::scenario::{Answer, Node};
use crate::session::{Ending, Exit, Given, Phase, State, Turn};
use crate::text::mmss;

/// The overall call, as a hiring committee would make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    StrongHire,
    Hire,
    LeanNo,
    No,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::StrongHire => "strong-hire",
            Verdict::Hire => "hire",
            Verdict::LeanNo => "lean-no",
            Verdict::No => "no",
        }
    }
}

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub ending: &'static str,
    /// `None` when nothing was answered.
    pub verdict: Option<Verdict>,
    pub reasons: Vec<String>,
    /// 0–100 overall.
    pub score: Option<u32>,
    pub competencies: Vec<CompetencyScore>,
    pub traps: Vec<TrapHit>,
    pub numeric: Vec<NumericResult>,
    pub timeline: Vec<TimelineRow>,
    pub points: Vec<PointsRow>,
    pub notes: String,
    /// The answers as typed, in order.
    pub answers: Vec<AnswerRow>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumericResult {
    pub node: String,
    pub question: String,
    pub expected: f64,
    pub unit: String,
    pub given: Option<String>,
    pub correct: bool,
    pub solution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    pub node: String,
    pub spent_ms: u64,
    pub limit_ms: Option<u64>,
    pub over_time: bool,
    pub exit: &'static str,
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

/// Builds the debrief of a session (finished or not).
pub fn build(s: &State) -> Debrief {
    let sc = &s.compiled.scenario;
    let scores: Vec<Option<u32>> = s.turns.iter().map(|t| turn_score(s, t)).collect();
    let answered: Vec<u32> = scores.iter().flatten().copied().collect();
    let score = (!answered.is_empty()).then(|| answered.iter().sum::<u32>() / answered.len() as u32);
    let traps = trap_hits(s);
    let competencies = competency_scores(s, &scores);
    let numeric = numeric_results(s);
    let (verdict, reasons) = match score {
        Some(score) => verdict(s, (score, answered.len()), &traps, &numeric, &competencies),
        None => (None, vec!["No question was answered.".to_string()]),
    };
    Debrief {
        scenario: sc.id.clone(),
        title: sc.title.clone(),
        ending: ending(s),
        verdict,
        reasons,
        score,
        competencies,
        traps,
        numeric,
        timeline: s.turns.iter().map(|t| timeline_row(s, t)).collect(),
        points: points_rows(s),
        notes: s.notes_text(),
        answers: s
            .turns
            .iter()
            .map(|t| AnswerRow { node: node(s, t).id.clone(), question: asked(s, t), answer: given_text(s, t) })
            .collect(),
    }
}

fn node<'a>(s: &'a State, t: &Turn) -> &'a Node {
    &s.compiled.scenario.nodes[t.node]
}

/// The wording that was asked.
fn asked(s: &State, t: &Turn) -> String {
    let n = node(s, t);
    match t.variant {
        0 => n.prompt.clone(),
        v => n.variants.get(v - 1).cloned().unwrap_or_else(|| n.prompt.clone()),
    }
}

fn ending(s: &State) -> &'static str {
    match s.phase {
        Phase::Finished(Ending::Completed) => "completed",
        Phase::Finished(Ending::SessionTimeout) => "session-timeout",
        Phase::Finished(Ending::Quit) => "quit",
        _ => "in-progress",
    }
}

/// The answer in words, as the candidate gave it.
pub fn given_text(s: &State, t: &Turn) -> String {
    let n = node(s, t);
    match &t.given {
        Given::Pass => "(pass)".into(),
        Given::Text(text) => text.clone(),
        Given::Choice(i) => match &n.answer {
            Answer::Choice { options } => {
                options.get(*i).map_or(format!("option {}", i + 1), |o| format!("{}. {}", i + 1, o.label))
            }
            _ => format!("option {}", i + 1),
        },
        Given::Number { raw, .. } => raw.clone(),
        Given::NotANumber(raw) => format!("{raw} (not a number)"),
        Given::Points { ticked, text } => {
            let pts: Vec<&str> = ticked.iter().filter_map(|&i| n.talking_points.get(i).map(String::as_str)).collect();
            let covered = if pts.is_empty() { "none".to_string() } else { pts.join("; ") };
            if text.trim().is_empty() { format!("covered: {covered}") } else { format!("covered: {covered}\n{text}") }
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

/// 0–100 for one question, `None` when it was never really asked (quit on arrival).
pub fn turn_score(s: &State, t: &Turn) -> Option<u32> {
    if t.exit == Exit::Quit && t.given == Given::Pass {
        return None;
    }
    let traps = t.traps.iter().filter(|f| f.id != "over-time").count() as i32;
    let late = if t.over_time() || t.traps.iter().any(|f| f.id == "over-time") { OVER_TIME_COST } else { 0 };
    let base: i32 = match (&t.given, &node(s, t).answer) {
        (Given::Pass, _) => 0,
        (Given::NotANumber(_), _) => 10,
        (Given::Choice(_), _) => 100,
        (Given::Number { .. }, _) => {
            if t.correct == Some(true) {
                100
            } else {
                35
            }
        }
        (Given::Points { ticked, text }, _) => spoken_base(text, ticked.len(), node(s, t).talking_points.len()),
        (Given::Text(text), _) => text_quality(text),
    };
    let timed_out = if t.exit == Exit::TimedOut { 10 } else { 0 };
    Some((base - traps * TRAP_COST - late - timed_out).clamp(0, 100) as u32)
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

fn trap_hits(s: &State) -> Vec<TrapHit> {
    let mut out = Vec::new();
    for t in &s.turns {
        let n = node(s, t);
        for f in &t.traps {
            let def = s.compiled.catalogue.get(&f.id);
            let answer = answer_text(t).to_string();
            let evidence = merge(&f.evidence, answer.len());
            out.push(TrapHit {
                id: f.id.clone(),
                title: def.map_or(f.id.clone(), |d| d.title.clone()),
                node: n.id.clone(),
                question: asked(s, t),
                answer: if answer.is_empty() { given_text(s, t) } else { answer },
                evidence,
                why: def.map_or(String::new(), |d| d.why.clone()),
                instead: def.map_or(String::new(), |d| d.instead.clone()),
                example: def.map_or(String::new(), |d| d.example.clone()),
                model_answer: n.model_answer.clone(),
            });
        }
    }
    out
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
        .filter_map(|t| {
            let n = node(s, t);
            let Answer::Numeric { expected, unit, solution, .. } = &n.answer else { return None };
            let given = match &t.given {
                Given::Number { raw, .. } | Given::NotANumber(raw) => Some(raw.clone()),
                _ => None,
            };
            Some(NumericResult {
                node: n.id.clone(),
                question: asked(s, t),
                expected: *expected,
                unit: unit.clone(),
                given,
                correct: t.correct == Some(true),
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
fn verdict(
    s: &State,
    (score, answered): (u32, usize),
    traps: &[TrapHit],
    numeric: &[NumericResult],
    comps: &[CompetencyScore],
) -> (Option<Verdict>, Vec<String>) {
    let mut reasons = Vec::new();
    let serious: Vec<&str> = {
        let mut ids: Vec<&str> = traps.iter().filter(|t| t.id != "over-time").map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let late = traps.iter().filter(|t| t.id == "over-time").count();
    let plural = if answered == 1 { "" } else { "s" };
    reasons.push(format!("Overall score {score}/100 over {answered} answered question{plural}."));
    if serious.is_empty() {
        reasons.push("No content traps.".into());
    } else {
        reasons.push(format!(
            "{} trap{}: {}.",
            serious.len(),
            if serious.len() == 1 { "" } else { "s" },
            serious.join(", ")
        ));
    }
    if late > 0 {
        reasons.push(format!("{late} answer{} over time.", if late == 1 { "" } else { "s" }));
    }
    if !numeric.is_empty() {
        let right = numeric.iter().filter(|n| n.correct).count();
        reasons.push(format!("{right} of {} numeric questions right.", numeric.len()));
    }
    if let Some(weak) = comps.iter().min_by_key(|c| c.score).filter(|c| c.score < 60) {
        reasons.push(format!("Weakest competency: {} ({}).", weak.name, weak.score));
    }
    let quit = s.phase == Phase::Finished(Ending::Quit);
    if quit {
        reasons.push("Left the interview early.".into());
    }
    let numeric_ok = numeric.iter().all(|n| n.correct);
    let unbacked = unbacked_spoken(s);
    if unbacked > 0 {
        reasons.push(format!(
            "{unbacked} spoken answer{} rated covered with no notes of what was said.",
            if unbacked == 1 { "" } else { "s" }
        ));
    }
    let band = if quit && answered < 3 {
        Verdict::No
    } else if score >= 85 && serious.is_empty() && late <= 1 && numeric_ok && !quit && unbacked == 0 {
        Verdict::StrongHire
    } else if score >= 70 && serious.len() <= 1 {
        Verdict::Hire
    } else if score >= 50 && serious.len() <= 3 {
        Verdict::LeanNo
    } else {
        Verdict::No
    };
    (Some(band), reasons)
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
    let mut out = String::new();
    let _ = writeln!(out, "# Debrief: {}\n", d.title);
    match d.verdict {
        Some(v) => {
            let _ = writeln!(
                out,
                "**Verdict: {}**{}\n",
                v.as_str(),
                d.score.map(|s| format!(" ({s}/100)")).unwrap_or_default()
            );
        }
        None => out.push_str("**Verdict: none** (nothing was answered)\n\n"),
    }
    for r in &d.reasons {
        let _ = writeln!(out, "- {r}");
    }
    if !d.competencies.is_empty() {
        out.push_str("\n## Competencies\n\n");
        for c in &d.competencies {
            let _ = writeln!(out, "- `{:<16}` {} {}", c.name, bar(c.score, 20), c.score);
        }
    }
    out.push_str("\n## Traps\n\n");
    if d.traps.is_empty() {
        out.push_str("None. Well done.\n");
    }
    for (i, t) in d.traps.iter().enumerate() {
        let _ = writeln!(out, "### {}. {} (`{}`)\n", i + 1, t.title, t.id);
        let _ = writeln!(out, "**Question ({}):** {}\n", t.node, one_para(&t.question));
        let _ = writeln!(out, "**You said:** {}\n", highlight(&t.answer, &t.evidence));
        if !t.why.is_empty() {
            let _ = writeln!(out, "**Why it hurts:** {}\n", t.why);
            let _ = writeln!(out, "**Instead:** {}\n", t.instead);
            let _ = writeln!(out, "**For example:** {}\n", t.example);
        }
        if let Some(m) = &t.model_answer {
            let _ = writeln!(out, "**Model answer:** {}\n", one_para(m));
        }
    }
    if !d.numeric.is_empty() {
        out.push_str("\n## Numbers\n\n");
        for n in &d.numeric {
            let mark = if n.correct { "right" } else { "wrong" };
            let given = n.given.as_deref().unwrap_or("(pass)");
            let _ = writeln!(
                out,
                "- **{}**: expected {}{}, you gave {given}: {mark}. {}",
                n.node,
                fmt_num(n.expected),
                unit_suffix(&n.unit),
                one_para(&n.solution)
            );
        }
    }
    out.push_str("\n## Timeline\n\n| # | question | time | limit | |\n|---|---|---|---|---|\n");
    for (i, r) in d.timeline.iter().enumerate() {
        let limit = r.limit_ms.map_or("-".into(), mmss);
        let flag = if r.over_time {
            "**over time**"
        } else if r.exit != "submitted" {
            r.exit
        } else {
            ""
        };
        let _ = writeln!(out, "| {} | {} | {} | {limit} | {flag} |", i + 1, r.node, mmss(r.spent_ms));
    }
    if !d.points.is_empty() {
        out.push_str("\n## Talking points (self-rated)\n\n");
        for p in &d.points {
            let _ = writeln!(
                out,
                "- **{}**: covered {}; missed {}",
                p.node,
                list_or_none(&p.covered),
                list_or_none(&p.missed)
            );
        }
    }
    out.push_str("\n## Notes\n\n");
    if d.notes.trim().is_empty() {
        out.push_str("(none)\n");
    } else {
        for l in d.notes.lines() {
            let _ = writeln!(out, "> {l}");
        }
    }
    out
}

/// " CNY" after a number, but "%" straight after it.
pub fn unit_suffix(unit: &str) -> String {
    match unit {
        "" => String::new(),
        "%" => "%".into(),
        u => format!(" {u}"),
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() { "none".into() } else { v.join("; ") }
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
    use super::fmt_num;

    #[test]
    fn numbers_read_like_numbers() {
        assert_eq!(fmt_num(480000.0), "480,000");
        assert_eq!(fmt_num(22.2222), "22.22");
        assert_eq!(fmt_num(94.6), "94.6");
        assert_eq!(fmt_num(-1250.5), "-1,250.5");
        assert_eq!(fmt_num(0.0), "0");
    }
}
