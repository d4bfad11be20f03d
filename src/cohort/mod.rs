//! A coach's cohort read together: the sessions of many candidates (each
//! named by their bundle) aggregated into a candidate × trap table, how
//! often each trap catches the cohort, how long each question takes
//! against its limit and where the interviews end.
//!
//! Pure: it takes session [`Summary`]s (from [`crate::index`], so the
//! counts are the debriefs' own) and returns plain data. Finding bundles
//! and reading files is `hotseat cohort`'s job (`crate::cli`), drawing it
//! the cohort view's. The field names serialised here are the stable
//! `cohort --json` interface (docs/cohort.md): add fields, never rename.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use crate::assess::debrief::Verdict;
use crate::index::Summary;
use crate::practice::place::{is_drill, source};

/// One session file as the cohort sees it: whose it is, where it is (to
/// open its replay) and its summary.
#[derive(Debug, Clone)]
pub struct Entry {
    pub candidate: String,
    pub path: PathBuf,
    pub summary: Summary,
}

/// One candidate's row: their sessions and their falls per trap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub name: String,
    pub sessions: usize,
    /// Sessions whose file is damaged (counted, figures partial or none).
    pub damaged: usize,
    /// Occurrences per trap, as the debriefs list them; traps never fallen
    /// into are left out. In the order of [`Cohort::traps`].
    pub falls: Vec<Fall>,
}

/// How often one candidate fell into one trap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fall {
    pub trap: String,
    pub count: usize,
}

/// One trap across the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trap {
    pub trap: String,
    /// Candidates who fell into it at least once.
    pub candidates_fell: usize,
    /// Candidates in the cohort.
    pub candidates: usize,
    /// Candidates asked at least one question written to expose it.
    pub candidates_exposed: usize,
    /// Occurrences over every session, as the debriefs count them.
    pub occurrences: usize,
    /// Sessions with at least one occurrence.
    pub sessions: usize,
}

/// One question (a scenario's node) across the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub scenario: String,
    pub node: String,
    /// Times it was asked.
    pub asked: usize,
    /// Times the answer was submitted (not timed out, cut or quit).
    pub answered: usize,
    pub median_ms: u64,
    pub max_ms: u64,
    /// The limit it was asked with most often; none when untimed.
    pub limit_ms: Option<u64>,
    /// Times the time spent went past the limit it was asked with.
    pub over_time: usize,
}

/// Where interviews of one scenario ended, with which verdict, and how
/// often. Drills are practice, not interviews, and are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ending {
    pub scenario: String,
    /// How the session ended, as the debrief says (`ending` in its JSON).
    pub ending: Option<String>,
    pub end_node: Option<String>,
    /// The End node's declared outcome: the best verdict that ending
    /// allows, not the verdict itself.
    pub outcome: Option<&'static str>,
    pub count: usize,
    /// The debrief's verdict (the one a coach compares): sessions with
    /// different verdicts at one ending are counted on rows of their own.
    pub verdict: Option<&'static str>,
}

/// One session's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub candidate: String,
    pub id: String,
    pub scenario: String,
    pub started: String,
    pub status: String,
    pub verdict: Option<&'static str>,
    pub score: Option<u32>,
    pub ending: Option<String>,
    pub end_node: Option<String>,
    pub outcome: Option<&'static str>,
    pub traps: Vec<crate::index::summary::TrapCount>,
    /// Where the file is, for the cohort view's replay (not in JSON: it is
    /// the coach's own disk layout).
    #[serde(skip)]
    pub path: PathBuf,
}

/// An answer that fell into a trap: what the cohort view lists under a
/// trap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub candidate: String,
    /// Index into [`Cohort::sessions`].
    pub session: usize,
    pub scenario: String,
    pub node: String,
    pub trap: String,
    pub count: usize,
    /// The words that triggered it.
    pub quote: String,
}

/// The cohort, aggregated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    /// By name (digits compared as numbers).
    pub candidates: Vec<Candidate>,
    /// Most occurrences first, then most candidates, then id.
    pub traps: Vec<Trap>,
    /// By scenario, then node.
    pub questions: Vec<Question>,
    /// By scenario, then most frequent first.
    pub endings: Vec<Ending>,
    /// By candidate, then start time.
    pub sessions: Vec<Session>,
    /// Damaged sessions (counted in their candidate's row).
    pub damaged: usize,
}

impl Cohort {
    /// How often `candidate` (an index into `candidates`) fell into `trap`.
    pub fn falls(&self, candidate: usize, trap: &str) -> usize {
        self.candidates.get(candidate).and_then(|c| c.falls.iter().find(|f| f.trap == trap)).map_or(0, |f| f.count)
    }

    /// Every answer that fell into `trap`, candidate by candidate.
    pub fn quotes(&self, trap: &str) -> Vec<Quote> {
        let mut out = Vec::new();
        for (i, s) in self.sessions.iter().enumerate() {
            for t in s.traps.iter().filter(|t| t.trap == trap) {
                out.push(Quote {
                    candidate: s.candidate.clone(),
                    session: i,
                    scenario: s.scenario.clone(),
                    node: t.node.clone(),
                    trap: t.trap.clone(),
                    count: t.count,
                    quote: t.quote.clone(),
                });
            }
        }
        out
    }
}

/// Aggregates `entries` (in any order).
pub fn aggregate(entries: &[Entry]) -> Cohort {
    let sessions = sessions(entries);
    let candidates_unsorted = candidates(&sessions, entries);
    let traps = traps(entries, candidates_unsorted.len());
    let order: Vec<&str> = traps.iter().map(|t| t.trap.as_str()).collect();
    let candidates = candidates_unsorted
        .into_iter()
        .map(|mut c| {
            c.falls.sort_by_key(|f| order.iter().position(|t| *t == f.trap));
            c
        })
        .collect();
    Cohort {
        candidates,
        traps,
        questions: questions(entries),
        endings: endings(entries),
        sessions,
        damaged: entries.iter().filter(|e| is_damaged(&e.summary)).count(),
    }
}

fn is_damaged(s: &Summary) -> bool {
    s.status == crate::record::Status::Damaged.as_str()
}

fn sessions(entries: &[Entry]) -> Vec<Session> {
    let mut rows: Vec<Session> = entries
        .iter()
        .map(|e| {
            let s = &e.summary;
            Session {
                candidate: e.candidate.clone(),
                id: s.id.clone(),
                scenario: s.scenario.clone(),
                started: s.started.clone(),
                status: s.status.clone(),
                verdict: s.verdict.map(Verdict::as_str),
                score: s.score,
                ending: s.ending.clone(),
                end_node: s.end_node.clone(),
                outcome: s.outcome.map(Verdict::as_str),
                traps: s.trap_counts.clone(),
                path: e.path.clone(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        crate::record::store::natural(&a.candidate, &b.candidate)
            .then_with(|| a.started.cmp(&b.started))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// One row per candidate name (bundles with the same name merge), by name.
fn candidates(sessions: &[Session], entries: &[Entry]) -> Vec<Candidate> {
    let mut by_name: BTreeMap<&str, (usize, usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for s in sessions {
        let row = by_name.entry(&s.candidate).or_default();
        row.0 += 1;
        for t in &s.traps {
            *row.2.entry(&t.trap).or_default() += t.count;
        }
    }
    for e in entries.iter().filter(|e| is_damaged(&e.summary)) {
        if let Some(row) = by_name.get_mut(e.candidate.as_str()) {
            row.1 += 1;
        }
    }
    let mut out: Vec<Candidate> = by_name
        .into_iter()
        .map(|(name, (sessions, damaged, falls))| Candidate {
            name: name.to_string(),
            sessions,
            damaged,
            falls: falls.into_iter().map(|(trap, count)| Fall { trap: trap.to_string(), count }).collect(),
        })
        .collect();
    out.sort_by(|a, b| crate::record::store::natural(&a.name, &b.name));
    out
}

fn traps(entries: &[Entry], candidates: usize) -> Vec<Trap> {
    #[derive(Default)]
    struct Acc<'a> {
        fell: BTreeSet<&'a str>,
        exposed: BTreeSet<&'a str>,
        occurrences: usize,
        sessions: usize,
    }
    let mut by_trap: BTreeMap<&str, Acc> = BTreeMap::new();
    for e in entries {
        let s = &e.summary;
        for q in &s.questions {
            for g in &q.guarded {
                by_trap.entry(g).or_default().exposed.insert(&e.candidate);
            }
        }
        let mut seen = BTreeSet::new();
        for t in &s.trap_counts {
            let acc = by_trap.entry(&t.trap).or_default();
            acc.fell.insert(&e.candidate);
            acc.exposed.insert(&e.candidate);
            acc.occurrences += t.count;
            if seen.insert(t.trap.as_str()) {
                acc.sessions += 1;
            }
        }
    }
    let mut out: Vec<Trap> = by_trap
        .into_iter()
        .filter(|(_, a)| a.occurrences > 0)
        .map(|(trap, a)| Trap {
            trap: trap.to_string(),
            candidates_fell: a.fell.len(),
            candidates,
            candidates_exposed: a.exposed.len(),
            occurrences: a.occurrences,
            sessions: a.sessions,
        })
        .collect();
    out.sort_by(|a, b| {
        b.occurrences.cmp(&a.occurrences).then(b.candidates_fell.cmp(&a.candidates_fell)).then(a.trap.cmp(&b.trap))
    });
    out
}

/// Per question, a drill's answers with their source question's.
fn questions(entries: &[Entry]) -> Vec<Question> {
    let mut by_node: BTreeMap<(&str, &str), Vec<&crate::index::summary::Question>> = BTreeMap::new();
    for e in entries {
        for q in &e.summary.questions {
            by_node.entry(source(&e.summary.scenario, &q.node)).or_default().push(q);
        }
    }
    by_node
        .into_iter()
        .map(|((scenario, node), asked)| {
            let mut spent: Vec<u64> = asked.iter().map(|q| q.spent_ms).collect();
            spent.sort_unstable();
            Question {
                scenario: scenario.to_string(),
                node: node.to_string(),
                asked: asked.len(),
                answered: asked.iter().filter(|q| q.exit == "submitted").count(),
                median_ms: median(&spent),
                max_ms: spent.last().copied().unwrap_or(0),
                limit_ms: most_common(asked.iter().filter_map(|q| q.limit_ms)),
                over_time: asked.iter().filter(|q| q.limit_ms.is_some_and(|l| q.spent_ms > l)).count(),
            }
        })
        .collect()
}

/// The median of sorted values (the lower of the middle two for an even
/// count, so it is always a time someone actually took); 0 when empty.
fn median(sorted: &[u64]) -> u64 {
    match sorted.len() {
        0 => 0,
        n => sorted[(n - 1) / 2],
    }
}

/// The most frequent value, the smallest on a tie.
fn most_common(values: impl Iterator<Item = u64>) -> Option<u64> {
    let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// Where the interviews ended (drills are left out), per verdict.
fn endings(entries: &[Entry]) -> Vec<Ending> {
    type Key<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'static str>, Option<&'static str>);
    let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
    let interviews = entries.iter().filter(|e| !is_drill(&e.summary));
    for e in interviews.filter(|e| !is_damaged(&e.summary) || e.summary.ending.is_some()) {
        let s = &e.summary;
        let key = (
            s.scenario.as_str(),
            s.ending.as_deref(),
            s.end_node.as_deref(),
            s.outcome.map(Verdict::as_str),
            s.verdict.map(Verdict::as_str),
        );
        *counts.entry(key).or_default() += 1;
    }
    let mut out: Vec<Ending> = counts
        .into_iter()
        .map(|((scenario, ending, end_node, outcome, verdict), count)| Ending {
            scenario: scenario.to_string(),
            ending: ending.map(str::to_string),
            end_node: end_node.map(str::to_string),
            outcome,
            count,
            verdict,
        })
        .collect();
    out.sort_by(|a, b| a.scenario.cmp(&b.scenario).then(b.count.cmp(&a.count)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::summary::{Question as Asked, TrapCount};

    fn summary(id: &str, scenario: &str, traps: &[(&str, &str, usize)], asked: &[(&str, u64, Option<u64>)]) -> Summary {
        let mut s = crate::index::summary::unreadable(std::path::Path::new("x.session"), String::new());
        s.id = id.into();
        s.scenario = scenario.into();
        s.status = "finished".into();
        s.reason = None;
        s.started = format!("2026-12-0{}T00:00:00Z", id.len() % 9 + 1);
        s.ending = Some("reached-end".into());
        s.end_node = Some("close".into());
        s.outcome = Some(Verdict::ALL[0]);
        s.trap_counts = traps
            .iter()
            .map(|(t, n, c)| TrapCount {
                trap: (*t).into(),
                node: (*n).into(),
                count: *c,
                quote: format!("{t} at {n}"),
            })
            .collect();
        s.questions = asked
            .iter()
            .map(|(node, spent, limit)| Asked {
                node: (*node).into(),
                spent_ms: *spent,
                limit_ms: *limit,
                exit: "submitted".into(),
                guarded: vec!["vague-ask".into()],
                fallen: Vec::new(),
            })
            .collect();
        s
    }

    fn entry(candidate: &str, s: Summary) -> Entry {
        Entry { candidate: candidate.into(), path: PathBuf::from(format!("{}.session", s.id)), summary: s }
    }

    #[test]
    fn falls_are_summed_per_candidate_and_bundles_of_one_name_merge() {
        let entries = [
            entry("ann", summary("a1", "s", &[("no-leverage", "q1", 2), ("vague-ask", "q2", 1)], &[])),
            entry("bob", summary("b1", "s", &[("no-leverage", "q1", 1)], &[])),
            entry("ann", summary("a2", "s", &[("no-leverage", "q3", 1)], &[])),
            entry("cy", summary("c1", "s", &[], &[("q1", 10, None)])),
        ];
        let c = aggregate(&entries);
        let names: Vec<_> = c.candidates.iter().map(|c| (c.name.as_str(), c.sessions)).collect();
        assert_eq!(names, [("ann", 2), ("bob", 1), ("cy", 1)]);
        assert_eq!(c.falls(0, "no-leverage"), 3);
        assert_eq!(c.falls(0, "vague-ask"), 1);
        assert_eq!(c.falls(2, "no-leverage"), 0);
        let t = &c.traps[0];
        assert_eq!(
            (t.trap.as_str(), t.candidates_fell, t.candidates, t.occurrences, t.sessions),
            ("no-leverage", 2, 3, 4, 3)
        );
        // cy was asked a question guarding vague-ask and did not fall.
        let v = &c.traps[1];
        assert_eq!((v.trap.as_str(), v.candidates_fell, v.candidates_exposed), ("vague-ask", 1, 2));
        assert_eq!(c.quotes("no-leverage").len(), 3);
        assert_eq!(c.quotes("no-leverage")[0].quote, "no-leverage at q1");
    }

    #[test]
    fn question_timing_takes_the_median_the_max_and_counts_overruns() {
        let entries = [
            entry("a", summary("1", "s", &[], &[("q", 10_000, Some(60_000))])),
            entry("b", summary("2", "s", &[], &[("q", 90_000, Some(60_000))])),
            entry("c", summary("3", "s", &[], &[("q", 30_000, Some(60_000)), ("r", 5, None)])),
        ];
        let c = aggregate(&entries);
        let q = &c.questions[0];
        assert_eq!(
            (q.node.as_str(), q.asked, q.median_ms, q.max_ms, q.limit_ms, q.over_time),
            ("q", 3, 30_000, 90_000, Some(60_000), 1)
        );
        assert_eq!((c.questions[1].node.as_str(), c.questions[1].limit_ms), ("r", None));
    }

    #[test]
    fn endings_are_counted_per_scenario_and_damaged_sessions_counted_apart() {
        let mut broken = crate::index::summary::unreadable(std::path::Path::new("z.session"), "torn".into());
        broken.id = "z".into();
        let entries =
            [entry("a", summary("1", "s", &[], &[])), entry("b", summary("2", "s", &[], &[])), entry("b", broken)];
        let c = aggregate(&entries);
        assert_eq!(c.damaged, 1);
        assert_eq!(c.candidates[1].damaged, 1);
        assert_eq!(c.candidates[1].sessions, 2);
        assert_eq!(c.endings.len(), 1, "{:?}", c.endings);
        assert_eq!((c.endings[0].end_node.as_deref(), c.endings[0].count), (Some("close"), 2));
    }

    /// A drill of `x`'s question `q`, ending at the drill's End node.
    fn drill(id: &str) -> Summary {
        let mut d =
            summary(id, crate::practice::drill::DRILL_ID, &[("vague-ask", "x--q", 1)], &[("x--q", 20_000, None)]);
        d.end_node = Some(crate::practice::drill::END_ID.into());
        d
    }

    #[test]
    fn drills_are_left_out_of_where_interviews_end_but_their_traps_count() {
        let entries = [entry("a", summary("1", "x", &[], &[])), entry("a", drill("2"))];
        let c = aggregate(&entries);
        assert_eq!(c.endings.iter().map(|e| e.scenario.as_str()).collect::<Vec<_>>(), ["x"], "{:?}", c.endings);
        assert_eq!(c.falls(0, "vague-ask"), 1);
        assert_eq!(c.sessions.len(), 2);
    }

    #[test]
    fn a_drill_question_is_timed_with_its_source_question() {
        let entries = [entry("a", summary("1", "x", &[], &[("q", 10_000, None)])), entry("b", drill("2"))];
        let c = aggregate(&entries);
        let qs: Vec<_> = c.questions.iter().map(|q| (q.scenario.as_str(), q.node.as_str(), q.asked)).collect();
        assert_eq!(qs, [("x", "q", 2)]);
    }

    #[test]
    fn an_ending_carries_the_debriefs_verdict_beside_the_end_nodes_outcome() {
        let mut capped = summary("1", "x", &[], &[]);
        capped.outcome = Some(Verdict::LeanNo);
        capped.verdict = Some(Verdict::No);
        let mut other = capped.clone();
        other.id = "2".into();
        other.verdict = Some(Verdict::LeanNo);
        let c = aggregate(&[entry("a", capped), entry("b", other)]);
        let rows: Vec<_> = c.endings.iter().map(|e| (e.outcome, e.verdict, e.count)).collect();
        assert_eq!(rows, [(Some("lean-no"), Some("lean-no"), 1), (Some("lean-no"), Some("no"), 1)]);
    }

    #[test]
    fn the_median_of_an_even_count_is_a_time_someone_took() {
        assert_eq!(median(&[]), 0);
        assert_eq!(median(&[1, 5]), 1);
        assert_eq!(median(&[1, 5, 9]), 5);
        assert_eq!(most_common([3, 4, 4, 3].into_iter()), Some(3));
    }
}
