//! The progress report: how a candidate's sessions went over time, from
//! the index's summaries alone (no replay, no I/O). Per trap (from
//! [`super::traps`], so the advice agrees with `hotseat drill`), per
//! competency, per scenario and per question, and what to practise next.
//! `hotseat progress` prints it and the picker's progress screen shows it;
//! both lay it out with [`super::sheet`].

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::place::{is_drill, source};
use super::schedule::{TrapRecord, traps};
use crate::assess::debrief::Verdict;
use crate::index::{Listed, Summary};
use crate::record::reader::Lock;

/// Which sessions a report reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Only sessions started at or after this moment.
    #[serde(serialize_with = "as_rfc3339")]
    pub since: Option<jiff::Timestamp>,
    /// Only sessions of this scenario id.
    pub scenario: Option<String>,
}

fn as_rfc3339<S: serde::Serializer>(t: &Option<jiff::Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
        None => s.serialize_none(),
    }
}

/// Why `--since` was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: write YYYY-MM-DD or an RFC 3339 time such as 2026-11-23T09:00:00Z")]
pub struct BadDate(pub String);

/// Reads `--since`: a day (`2026-11-23`, midnight UTC) or an RFC 3339 time
/// with its offset (`2026-11-23T09:00:00+08:00`).
pub fn parse_since(text: &str) -> Result<jiff::Timestamp, BadDate> {
    let t = text.trim();
    if t.len() == 10 && t.parse::<jiff::civil::Date>().is_ok() {
        return format!("{t}T00:00:00Z").parse::<jiff::Timestamp>().map_err(|_| BadDate(text.into()));
    }
    t.parse::<jiff::Timestamp>().map_err(|_| BadDate(text.into()))
}

impl Filter {
    /// Whether the filter keeps `s`. A start time that does not parse is
    /// kept only when no `--since` is given.
    pub fn keeps(&self, s: &Summary) -> bool {
        if self.scenario.as_ref().is_some_and(|id| *id != s.scenario) {
            return false;
        }
        match &self.since {
            Some(since) => s.started.parse::<jiff::Timestamp>().is_ok_and(|t| t >= *since),
            None => true,
        }
    }
}

/// Sessions the report leaves out, and why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Damaged, too large or with too long an answer: no debrief figures.
    pub damaged: usize,
    /// Being recorded now (a hotseat holds the lock).
    pub live: usize,
    /// Not indexed yet (the progress screen indexes a bounded number per
    /// visit; `hotseat progress` indexes every one).
    pub unindexed: usize,
}

/// One competency's score in one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    pub session: String,
    pub started: String,
    pub score: u32,
}

/// One competency over the sessions read, in session order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyTrend {
    pub name: String,
    pub scores: Vec<Point>,
    pub latest: u32,
    pub best: u32,
    /// Rounded to a whole point.
    pub mean: u32,
}

/// A verdict and the session that got it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdicted {
    pub verdict: Option<Verdict>,
    pub session: String,
    pub started: String,
}

/// One scenario's sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioRecord {
    pub scenario: String,
    pub title: String,
    pub sessions: usize,
    /// The best verdict any session got (none if no session got one).
    pub best: Option<Verdict>,
    pub latest: Verdicted,
}

/// One question's time across the sessions that asked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timing {
    pub scenario: String,
    pub node: String,
    /// Times asked.
    pub asked: usize,
    pub mean_ms: u64,
    pub max_ms: u64,
    /// The limit the latest session had (none when untimed).
    pub limit_ms: Option<u64>,
    /// Times the answer took longer than its limit.
    pub over: usize,
    /// Times the question's clock ran out before an answer was submitted.
    pub timed_out: usize,
}

/// A question of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub scenario: String,
    pub node: String,
}

/// What to practise next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Next {
    /// No session to read.
    NoSessions,
    /// Sessions, but no trap fallen into.
    NoTraps,
    /// Every trap fallen into has receded.
    AllReceded,
    /// The first trap in practise order.
    Trap {
        trap: String,
        falls: usize,
        sessions: usize,
        last_fallen: Option<String>,
        /// Where it was fallen into, most recent first (at most three).
        questions: Vec<Place>,
        /// The command that drills it.
        command: String,
    },
}

/// The whole report. Its JSON (`hotseat progress --json`) is an interface:
/// add fields, never rename them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub filter: Filter,
    /// Sessions read.
    pub sessions: usize,
    pub left_out: LeftOut,
    /// The first and the latest start time read.
    pub first: Option<String>,
    pub last: Option<String>,
    pub traps: Vec<TrapRecord>,
    pub competencies: Vec<CompetencyTrend>,
    /// Interviews only: a drill is practice and gets no line of its own
    /// (its traps, competencies and question times count with the rest).
    pub scenarios: Vec<ScenarioRecord>,
    /// Drill sessions read (counted in `sessions`, left out of `scenarios`).
    pub drills: usize,
    pub timing: Vec<Timing>,
    pub next: Next,
}

/// How many places the practise-next advice names.
const PLACES: usize = 3;

/// Whether a summary has the debrief's figures (else it is left out as
/// damaged: a file that could not be read, compiled or folded, or one too
/// large to summarise).
pub fn has_figures(s: &Summary) -> bool {
    s.status != "damaged" && s.ending.is_some()
}

/// The report over a listing: live sessions and those without figures are
/// left out and counted; the filter picks the rest.
pub fn report(listed: &[Listed], filter: &Filter) -> Report {
    let mut left_out = LeftOut::default();
    let mut read: Vec<&Summary> = Vec::new();
    for l in listed {
        if !filter.keeps(&l.summary) {
            continue;
        }
        if matches!(l.lock, Lock::Held(_)) {
            left_out.live += 1;
        } else if !has_figures(&l.summary) {
            left_out.damaged += 1;
        } else {
            read.push(&l.summary);
        }
    }
    of_summaries(&read, filter.clone(), left_out)
}

/// The report over summaries already chosen.
pub fn of_summaries(sessions: &[&Summary], filter: Filter, left_out: LeftOut) -> Report {
    let mut ordered: Vec<&Summary> = sessions.to_vec();
    ordered.sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id)));
    let mut traps = traps(&ordered);
    drill_nodes_at_source(&ordered, &mut traps);
    let next = next(&ordered, &traps);
    Report {
        filter,
        sessions: ordered.len(),
        left_out,
        first: ordered.first().map(|s| s.started.clone()),
        last: ordered.last().map(|s| s.started.clone()),
        competencies: competencies(&ordered),
        scenarios: scenarios(&ordered),
        drills: ordered.iter().filter(|s| is_drill(s)).count(),
        timing: timing(&ordered),
        traps,
        next,
    }
}

/// Each competency's scores in session order (`ordered` is).
fn competencies(ordered: &[&Summary]) -> Vec<CompetencyTrend> {
    let mut by_name: BTreeMap<&str, Vec<Point>> = BTreeMap::new();
    for s in ordered {
        for c in &s.competencies {
            by_name.entry(&c.name).or_default().push(Point {
                session: s.id.clone(),
                started: s.started.clone(),
                score: c.score,
            });
        }
    }
    by_name
        .into_iter()
        .filter_map(|(name, scores)| {
            let latest = scores.last()?.score;
            let best = scores.iter().map(|p| p.score).max()?;
            let sum: u64 = scores.iter().map(|p| u64::from(p.score)).sum();
            let n = scores.len() as u64;
            let mean = u32::try_from((sum + n / 2) / n).unwrap_or(u32::MAX);
            Some(CompetencyTrend { name: name.to_string(), scores, latest, best, mean })
        })
        .collect()
}

/// Per scenario: sessions, the best verdict and the latest one; the most
/// recently played scenario first.
fn scenarios(ordered: &[&Summary]) -> Vec<ScenarioRecord> {
    let mut out: Vec<ScenarioRecord> = Vec::new();
    for s in ordered.iter().filter(|s| !is_drill(s)) {
        let latest = Verdicted { verdict: s.verdict, session: s.id.clone(), started: s.started.clone() };
        match out.iter_mut().find(|r| r.scenario == s.scenario) {
            Some(r) => {
                r.sessions += 1;
                r.best = best(r.best, s.verdict);
                r.latest = latest;
                r.title = s.title.clone();
            }
            None => out.push(ScenarioRecord {
                scenario: s.scenario.clone(),
                title: s.title.clone(),
                sessions: 1,
                best: s.verdict,
                latest,
            }),
        }
    }
    out.sort_by(|a, b| b.latest.started.cmp(&a.latest.started).then_with(|| a.scenario.cmp(&b.scenario)));
    out
}

/// The better of two verdicts ([`Verdict`] orders best first).
fn best(a: Option<Verdict>, b: Option<Verdict>) -> Option<Verdict> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Per question: time spent against its limit. Scenarios in id order, each
/// one's questions in the order first asked; a drill's answers count with
/// their source question's ([`source`]).
fn timing(ordered: &[&Summary]) -> Vec<Timing> {
    let mut out: Vec<Timing> = Vec::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    let mut total: Vec<u64> = Vec::new();
    for s in ordered {
        for q in &s.questions {
            let (scenario, node) = source(&s.scenario, &q.node);
            let i = *at.entry((scenario, node)).or_insert_with(|| {
                out.push(Timing {
                    scenario: scenario.to_string(),
                    node: node.to_string(),
                    asked: 0,
                    mean_ms: 0,
                    max_ms: 0,
                    limit_ms: None,
                    over: 0,
                    timed_out: 0,
                });
                total.push(0);
                out.len() - 1
            });
            let t = &mut out[i];
            t.asked += 1;
            t.max_ms = t.max_ms.max(q.spent_ms);
            t.limit_ms = q.limit_ms;
            t.over += usize::from(q.limit_ms.is_some_and(|l| q.spent_ms > l));
            t.timed_out += usize::from(q.exit == "timed-out");
            total[i] = total[i].saturating_add(q.spent_ms);
        }
    }
    for (t, sum) in out.iter_mut().zip(total) {
        t.mean_ms = sum / t.asked.max(1) as u64;
    }
    // Stable: questions keep the order they were first asked in.
    out.sort_by(|a, b| a.scenario.cmp(&b.scenario));
    out
}

/// Each trap's `nodes` with a drill's questions named by their source
/// node (`alibaba-cloud-pm--start` is `start`), like every other
/// question's, each still once. [`traps`] only sees node ids, so the nodes
/// drills fell into are told apart here, where sessions are known.
fn drill_nodes_at_source(ordered: &[&Summary], traps: &mut [TrapRecord]) {
    let mut drilled: HashMap<(&str, &str), &str> = HashMap::new();
    for s in ordered.iter().filter(|s| is_drill(s)) {
        for c in &s.trap_counts {
            drilled.insert((&c.trap, &c.node), source(&s.scenario, &c.node).1);
        }
    }
    if drilled.is_empty() {
        return;
    }
    for t in traps.iter_mut() {
        let mut nodes: Vec<String> = Vec::with_capacity(t.nodes.len());
        for n in &t.nodes {
            let n = drilled.get(&(t.trap.as_str(), n.as_str())).map_or(n.as_str(), |m| *m);
            if !nodes.iter().any(|x| x == n) {
                nodes.push(n.to_string());
            }
        }
        t.nodes = nodes;
    }
}

/// The practise-next advice: the first trap in practise order that has
/// not receded, and where it was fallen into.
fn next(ordered: &[&Summary], traps: &[TrapRecord]) -> Next {
    if ordered.is_empty() {
        return Next::NoSessions;
    }
    let fallen: Vec<&TrapRecord> = traps.iter().filter(|t| t.falls > 0).collect();
    if fallen.is_empty() {
        return Next::NoTraps;
    }
    let Some(t) = fallen.iter().find(|t| !t.receded) else { return Next::AllReceded };
    let mut questions: Vec<Place> = Vec::new();
    for s in ordered.iter().rev() {
        for c in s.trap_counts.iter().rev().filter(|c| c.trap == t.trap) {
            let (scenario, node) = source(&s.scenario, &c.node);
            let place = Place { scenario: scenario.to_string(), node: node.to_string() };
            if !questions.contains(&place) && questions.len() < PLACES {
                questions.push(place);
            }
        }
    }
    Next::Trap {
        trap: t.trap.clone(),
        falls: t.falls,
        sessions: t.sessions,
        last_fallen: t.last_fallen.clone(),
        questions,
        command: format!("hotseat drill --trap {}", t.trap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::summary::{Competency, Question, TrapCount, unreadable};

    fn session(id: &str, scenario: &str, day: u32, verdict: Option<Verdict>) -> Summary {
        let mut s = unreadable(std::path::Path::new("x.session"), String::new());
        s.id = id.into();
        s.scenario = scenario.into();
        s.title = format!("{scenario} title");
        s.started = format!("2026-11-{day:02}T10:00:00Z");
        s.status = "finished".into();
        s.ending = Some("completed".into());
        s.reason = None;
        s.verdict = verdict;
        s
    }

    fn fall(s: &mut Summary, trap: &str, node: &str, count: usize) {
        s.trap_counts.push(TrapCount { trap: trap.into(), node: node.into(), count, quote: String::new() });
        s.questions.push(Question {
            node: node.into(),
            spent_ms: 90_000,
            limit_ms: Some(60_000),
            exit: "submitted".into(),
            guarded: vec![trap.into()],
            fallen: vec![trap.into()],
        });
    }

    fn listed(s: Summary, lock: Lock) -> Listed {
        Listed { path: "x.session".into(), summary: s, lock }
    }

    #[test]
    fn since_reads_a_day_or_an_rfc3339_time_and_refuses_anything_else() {
        assert_eq!(parse_since("2026-11-23").map(|t| t.to_string()), Ok("2026-11-23T00:00:00Z".into()));
        assert_eq!(parse_since("2026-11-23T09:00:00+08:00").map(|t| t.to_string()), Ok("2026-11-23T01:00:00Z".into()));
        for bad in ["yesterday", "2026-13-01", "23/11/2026", "", "2026-11-23T09:00"] {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn live_and_damaged_sessions_are_left_out_and_counted() {
        let mut broken = session("b", "x", 2, None);
        broken.status = "damaged".into();
        let report = report(
            &[
                listed(session("a", "x", 1, Some(Verdict::Hire)), Lock::Free),
                listed(broken, Lock::Free),
                listed(session("c", "x", 3, None), Lock::Held(None)),
            ],
            &Filter::default(),
        );
        assert_eq!(report.sessions, 1);
        assert_eq!((report.left_out.damaged, report.left_out.live), (1, 1));
    }

    #[test]
    fn the_filter_keeps_one_scenario_since_a_moment() {
        let all = [
            listed(session("a", "x", 1, None), Lock::Free),
            listed(session("b", "y", 5, None), Lock::Free),
            listed(session("c", "x", 9, None), Lock::Free),
        ];
        let f = Filter { since: Some(parse_since("2026-11-05").expect("date")), scenario: Some("x".into()) };
        let r = report(&all, &f);
        assert_eq!((r.sessions, r.first.as_deref()), (1, Some("2026-11-09T10:00:00Z")));
    }

    #[test]
    fn scenarios_keep_the_best_and_the_latest_verdict() {
        let a = session("a", "x", 1, Some(Verdict::LeanNo));
        let b = session("b", "x", 2, Some(Verdict::StrongHire));
        let c = session("c", "x", 3, Some(Verdict::No));
        let r = of_summaries(&[&c, &a, &b], Filter::default(), LeftOut::default());
        let x = &r.scenarios[0];
        assert_eq!((x.sessions, x.best, x.latest.verdict), (3, Some(Verdict::StrongHire), Some(Verdict::No)));
        assert_eq!(x.latest.session, "c");
    }

    #[test]
    fn competencies_run_in_session_order_with_latest_best_and_mean() {
        let mut a = session("a", "x", 1, None);
        a.competencies.push(Competency { name: "negotiation".into(), score: 40, questions: 1 });
        let mut b = session("b", "x", 2, None);
        b.competencies.push(Competency { name: "negotiation".into(), score: 81, questions: 1 });
        let r = of_summaries(&[&b, &a], Filter::default(), LeftOut::default());
        let c = &r.competencies[0];
        assert_eq!(c.scores.iter().map(|p| p.score).collect::<Vec<_>>(), [40, 81]);
        assert_eq!((c.latest, c.best, c.mean), (81, 81, 61));
    }

    #[test]
    fn timing_counts_answers_over_their_limit() {
        let mut a = session("a", "x", 1, None);
        fall(&mut a, "legal", "q1", 1);
        let mut b = session("b", "x", 2, None);
        fall(&mut b, "legal", "q1", 1);
        b.questions[0].spent_ms = 30_000;
        let r = of_summaries(&[&a, &b], Filter::default(), LeftOut::default());
        let t = &r.timing[0];
        assert_eq!((t.asked, t.mean_ms, t.max_ms, t.limit_ms, t.over), (2, 60_000, 90_000, Some(60_000), 1));
        assert_eq!(t.timed_out, 0);
    }

    /// Review 8: a question the clock ran out on counted nowhere (it took
    /// exactly its limit, so never "over").
    #[test]
    fn timing_counts_questions_the_clock_ran_out_on() {
        let mut a = session("a", "x", 1, None);
        fall(&mut a, "legal", "q1", 1);
        a.questions[0].spent_ms = 60_000;
        a.questions[0].exit = "timed-out".into();
        let r = of_summaries(&[&a], Filter::default(), LeftOut::default());
        assert_eq!((r.timing[0].over, r.timing[0].timed_out), (0, 1));
    }

    /// A drill of questions from `x`, falling into `legal` at `x--q1`.
    fn drill(id: &str, day: u32) -> Summary {
        let mut d = session(id, crate::practice::drill::DRILL_ID, day, Some(Verdict::No));
        d.title = "Drill: legal".into();
        fall(&mut d, "legal", "x--q1", 1);
        d
    }

    #[test]
    fn a_drill_gets_no_verdict_line_but_is_counted_as_a_drill() {
        let a = session("a", "x", 1, Some(Verdict::Hire));
        let d = drill("d", 2);
        let r = of_summaries(&[&a, &d], Filter::default(), LeftOut::default());
        assert_eq!(r.scenarios.iter().map(|s| s.scenario.as_str()).collect::<Vec<_>>(), ["x"]);
        assert_eq!((r.sessions, r.drills), (2, 1));
        assert_eq!(r.traps[0].falls, 1, "a drill's traps still count");
    }

    #[test]
    fn a_drill_question_is_timed_named_and_advised_as_its_source_question() {
        let mut a = session("a", "x", 1, None);
        fall(&mut a, "legal", "q1", 1);
        let d = drill("d", 2);
        let r = of_summaries(&[&a, &d], Filter::default(), LeftOut::default());
        assert_eq!(r.timing.len(), 1, "{:?}", r.timing);
        assert_eq!((r.timing[0].scenario.as_str(), r.timing[0].node.as_str(), r.timing[0].asked), ("x", "q1", 2));
        let Next::Trap { questions, .. } = &r.next else { panic!("{:?}", r.next) };
        assert_eq!(questions, &[Place { scenario: "x".into(), node: "q1".into() }]);
        assert_eq!(r.traps[0].nodes, ["q1"]);
    }

    #[test]
    fn practise_next_names_the_first_unreceded_trap_and_where_it_was_fallen() {
        let mut a = session("a", "x", 1, None);
        fall(&mut a, "legal", "q1", 2);
        let mut b = session("b", "y", 2, None);
        fall(&mut b, "legal", "q7", 1);
        let r = of_summaries(&[&a, &b], Filter::default(), LeftOut::default());
        let Next::Trap { trap, falls, sessions, questions, command, .. } = &r.next else { panic!("{:?}", r.next) };
        assert_eq!((trap.as_str(), *falls, *sessions), ("legal", 3, 2));
        assert_eq!(questions[0], Place { scenario: "y".into(), node: "q7".into() });
        assert_eq!(command, "hotseat drill --trap legal");
        assert_eq!(of_summaries(&[], Filter::default(), LeftOut::default()).next, Next::NoSessions);
        let clean = session("c", "x", 3, None);
        assert_eq!(of_summaries(&[&clean], Filter::default(), LeftOut::default()).next, Next::NoTraps);
    }
}
