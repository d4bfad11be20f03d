//! Spaced repetition over traps. Every question that guards a trap is an
//! *exposure* to it; an exposure is a fall when the answer fell into the
//! trap, clean otherwise. A trap's weight sums its falls, each halved for
//! every [`HALF_LIFE`] sessions played since, so a trap fallen into often
//! and lately comes first. A trap answered cleanly in [`RECEDE_AFTER`]
//! sessions in a row since its last fall *recedes*: it goes behind every
//! trap that has not, until it is fallen into again. The run is counted in
//! sessions, not answers, because repetition only shows a habit when it is
//! spaced: three clean answers in the one session right after a bad one
//! say less than three separate sessions do.
//!
//! Falls are counted as the debrief counts them (each occurrence of a trap
//! at a question, from [`Summary::trap_counts`]), so the totals here equal
//! the sum of the debriefs' trap lists.

use std::collections::HashMap;

use serde::Serialize;

use crate::index::Summary;

/// Sessions after which a fall weighs half as much.
pub const HALF_LIFE: f64 = 5.0;

/// Sessions in a row that expose a trap without a fall, after which it
/// recedes.
pub const RECEDE_AFTER: usize = 3;

/// How a trap went lately: the latest session that exposed it against all
/// the sessions before (see [`trend`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// Fewer falls lately.
    Better,
    /// More falls lately.
    Worse,
    /// The same share.
    Steady,
    /// Only one session exposed it: nothing to compare yet.
    New,
}

/// One trap across the sessions read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrapRecord {
    pub trap: String,
    /// Occurrences, as the debriefs count them.
    pub falls: usize,
    /// Sessions in which it was fallen into at least once.
    pub sessions: usize,
    /// Questions that guarded it or fell into it.
    pub exposures: usize,
    /// Sessions that exposed it without a fall since the last session that
    /// fell into it (all of them, if never fallen).
    pub clean_streak: usize,
    /// Start time (RFC 3339) of the latest session that fell into it.
    pub last_fallen: Option<String>,
    /// Start time of the latest session that exposed it.
    pub last_seen: Option<String>,
    pub trend: Trend,
    /// Falls, each halved per [`HALF_LIFE`] sessions since.
    pub weight: f64,
    /// Answered cleanly in [`RECEDE_AFTER`] sessions in a row since its
    /// last fall.
    pub receded: bool,
    /// The question ids that fell into it, most recent first, each once.
    pub nodes: Vec<String>,
}

/// Per trap ever fallen into or exposed, in the order to practise: traps
/// not receded before receded ones, then by weight, then by the latest
/// fall, then by id. Traps never fallen into come after every fallen one
/// (weight 0). Sessions are taken in order of their start time; damaged
/// ones (no questions, no traps) add nothing.
pub fn traps(sessions: &[&Summary]) -> Vec<TrapRecord> {
    let mut ordered: Vec<&Summary> = sessions.to_vec();
    ordered.sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id)));
    let played = ordered.len();
    let mut by_trap: HashMap<&str, Acc> = HashMap::new();
    for (i, s) in ordered.iter().enumerate() {
        let age = (played - 1 - i) as f64;
        let decay = 0.5_f64.powf(age / HALF_LIFE);
        for t in &s.trap_counts {
            let acc = by_trap.entry(&t.trap).or_default();
            acc.falls += t.count;
            acc.weight += t.count as f64 * decay;
            acc.fallen_in(&s.started, i);
        }
        // Per trap in this session: questions that fell into it, questions exposing it.
        let mut this_session: HashMap<&str, (usize, usize)> = HashMap::new();
        for q in &s.questions {
            let mut exposed: Vec<&str> = q.guarded.iter().map(String::as_str).collect();
            exposed.extend(q.fallen.iter().map(String::as_str).filter(|f| !q.guarded.iter().any(|g| g == f)));
            for trap in exposed {
                let fell = q.fallen.iter().any(|f| f == trap);
                by_trap.entry(trap).or_default().expose(&s.started, fell, &q.node);
                let e = this_session.entry(trap).or_default();
                e.0 += usize::from(fell);
                e.1 += 1;
            }
        }
        for t in &s.trap_counts {
            let e = this_session.entry(&t.trap).or_default();
            // A fall the questions did not show (an older summary): one.
            e.0 = e.0.max(1);
            e.1 = e.1.max(e.0);
        }
        for (trap, counts) in this_session {
            by_trap.entry(trap).or_default().per_session.push(counts);
        }
    }
    let mut out: Vec<TrapRecord> = by_trap.into_iter().map(|(id, acc)| acc.record(id)).collect();
    out.sort_by(order);
    out
}

/// What is gathered per trap while reading the sessions in order.
#[derive(Default)]
struct Acc {
    falls: usize,
    weight: f64,
    sessions: usize,
    last_session: Option<usize>,
    last_fallen: Option<String>,
    last_seen: Option<String>,
    /// Each exposure in order: fell or not.
    history: Vec<bool>,
    /// Each session that exposed it, in order: (questions that fell into
    /// it, questions that exposed it).
    per_session: Vec<(usize, usize)>,
    nodes: Vec<String>,
}

impl Acc {
    fn fallen_in(&mut self, started: &str, session: usize) {
        if self.last_session != Some(session) {
            self.sessions += 1;
            self.last_session = Some(session);
        }
        self.last_fallen = Some(started.to_string());
    }

    fn expose(&mut self, started: &str, fell: bool, node: &str) {
        self.history.push(fell);
        self.last_seen = Some(started.to_string());
        if fell {
            self.nodes.retain(|n| n != node);
            self.nodes.insert(0, node.to_string());
        }
    }

    fn record(self, id: &str) -> TrapRecord {
        let clean_streak = self.per_session.iter().rev().take_while(|(fell, _)| *fell == 0).count();
        TrapRecord {
            trap: id.to_string(),
            falls: self.falls,
            sessions: self.sessions,
            exposures: self.history.len(),
            clean_streak,
            last_seen: self.last_seen.or_else(|| self.last_fallen.clone()),
            last_fallen: self.last_fallen,
            trend: trend(&self.per_session),
            weight: self.weight,
            receded: self.falls > 0 && clean_streak >= RECEDE_AFTER,
            nodes: self.nodes,
        }
    }
}

/// The latest session against the sessions before it, each given as
/// (questions fallen, questions exposing the trap): better only when the
/// latest session was clean after falls before; worse when its share of
/// falls is higher; else steady. A session that still fell into the trap
/// is never "better", however the share moved: the candidate reads the
/// word right after falling in.
fn trend(per_session: &[(usize, usize)]) -> Trend {
    let Some((&(fell, asked), before)) = per_session.split_last() else { return Trend::New };
    if before.is_empty() || asked == 0 {
        return Trend::New;
    }
    let (b_fell, b_asked) = before.iter().fold((0, 0), |(f, a), (bf, ba)| (f + bf, a + ba));
    if b_asked == 0 {
        return Trend::New;
    }
    if fell == 0 {
        return if b_fell > 0 { Trend::Better } else { Trend::Steady };
    }
    // Compare shares without floats: a/b against c/d as a*d against c*b.
    if fell * b_asked > b_fell * asked { Trend::Worse } else { Trend::Steady }
}

fn order(a: &TrapRecord, b: &TrapRecord) -> std::cmp::Ordering {
    a.receded
        .cmp(&b.receded)
        .then_with(|| b.weight.total_cmp(&a.weight))
        .then_with(|| b.last_fallen.cmp(&a.last_fallen))
        .then_with(|| a.trap.cmp(&b.trap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::summary::{Question, TrapCount, unreadable};

    /// A session started at `day` with one question per (node, guarded,
    /// fallen) triple.
    fn session(day: u32, questions: &[(&str, &[&str], &[&str])]) -> Summary {
        let mut s = unreadable(std::path::Path::new("x.session"), String::new());
        s.id = format!("s{day:02}");
        s.started = format!("2026-11-{day:02}T10:00:00Z");
        for (node, guarded, fallen) in questions {
            s.questions.push(Question {
                node: node.to_string(),
                spent_ms: 1000,
                limit_ms: Some(60_000),
                exit: "submitted".into(),
                guarded: guarded.iter().map(|t| t.to_string()).collect(),
                fallen: fallen.iter().map(|t| t.to_string()).collect(),
            });
            for t in *fallen {
                s.trap_counts.push(TrapCount {
                    trap: t.to_string(),
                    node: node.to_string(),
                    count: 1,
                    quote: String::new(),
                });
            }
        }
        s
    }

    #[test]
    fn a_trap_fallen_often_and_lately_comes_before_one_fallen_once_long_ago() {
        let old = session(1, &[("a", &["legal"], &["legal"]), ("b", &["k8s"], &["k8s"])]);
        let mid = session(2, &[("b", &["k8s"], &["k8s"])]);
        let new = session(3, &[("b", &["k8s"], &["k8s"]), ("a", &["legal"], &[])]);
        let got = traps(&[&new, &old, &mid]);
        let ids: Vec<&str> = got.iter().map(|t| t.trap.as_str()).collect();
        assert_eq!(ids, ["k8s", "legal"]);
        assert_eq!(got[0].falls, 3);
        assert_eq!(got[0].sessions, 3);
        assert_eq!(got[0].last_fallen.as_deref(), Some("2026-11-03T10:00:00Z"));
        assert_eq!(got[1].clean_streak, 1);
        assert_eq!(got[1].last_seen.as_deref(), Some("2026-11-03T10:00:00Z"));
    }

    #[test]
    fn a_trap_answered_cleanly_three_times_in_a_row_recedes_until_fallen_again() {
        let mut days = vec![session(1, &[("a", &["legal"], &["legal"]), ("a", &["legal"], &["legal"])])];
        days.push(session(2, &[("b", &["k8s"], &["k8s"])]));
        for d in 3..6 {
            days.push(session(d, &[("a", &["legal"], &[])]));
        }
        let refs: Vec<&Summary> = days.iter().collect();
        let got = traps(&refs);
        assert_eq!(got.iter().map(|t| t.trap.as_str()).collect::<Vec<_>>(), ["k8s", "legal"]);
        assert!(got[1].receded && got[1].clean_streak == RECEDE_AFTER);
        assert_eq!(got[1].trend, Trend::Better);
        days.push(session(6, &[("a", &["legal"], &["legal"])]));
        let refs: Vec<&Summary> = days.iter().collect();
        let got = traps(&refs);
        assert!(!got.iter().find(|t| t.trap == "legal").expect("legal").receded);
    }

    /// Review of issue 17: one strong session right after a weak one
    /// receded every trap it answered cleanly three times, though the
    /// candidate had shown it only once.
    #[test]
    fn three_clean_answers_in_one_session_do_not_make_a_trap_recede() {
        let weak = session(1, &[("a", &["legal"], &["legal"])]);
        let strong = session(2, &[("a", &["legal"], &[]), ("b", &["legal"], &[]), ("c", &["legal"], &[])]);
        let got = traps(&[&weak, &strong]);
        assert_eq!((got[0].clean_streak, got[0].receded), (1, false));
    }

    #[test]
    fn a_guarded_trap_never_fallen_into_comes_last_and_never_recedes() {
        let s = session(1, &[("a", &["legal", "k8s"], &["k8s"])]);
        let got = traps(&[&s]);
        assert_eq!(got.iter().map(|t| t.trap.as_str()).collect::<Vec<_>>(), ["k8s", "legal"]);
        assert_eq!((got[1].falls, got[1].receded, got[1].last_fallen.as_deref()), (0, false, None));
    }

    #[test]
    fn falls_are_the_debriefs_occurrences_even_off_the_guarded_list() {
        // A trap the question did not guard still counts, and is an exposure.
        let mut s = session(1, &[("a", &[], &["over-time"])]);
        s.trap_counts[0].count = 2;
        let got = traps(&[&s]);
        assert_eq!((got[0].falls, got[0].exposures, got[0].trend), (2, 1, Trend::New));
    }

    #[test]
    fn the_trend_is_better_only_after_a_clean_session_and_worse_when_the_share_rose() {
        assert_eq!(trend(&[(3, 3), (0, 3)]), Trend::Better);
        assert_eq!(trend(&[(3, 3), (1, 3)]), Trend::Steady, "still falling is not better");
        assert_eq!(trend(&[(0, 2), (1, 4), (2, 3)]), Trend::Worse);
        assert_eq!(trend(&[(1, 2), (2, 4)]), Trend::Steady);
        assert_eq!(trend(&[(2, 2)]), Trend::New);
        assert_eq!(trend(&[]), Trend::New);
    }

    /// Review of issue 17: a candidate who fell into a trap three times in
    /// the latest session read "better", because clean answers earlier in
    /// the window outweighed them.
    #[test]
    fn a_trap_fallen_into_in_every_question_of_the_latest_session_is_not_better() {
        let a = session(1, &[("a", &["lev"], &["lev"]), ("b", &["lev"], &[])]);
        let b = session(2, &[("a", &["lev"], &[]), ("b", &["lev"], &[])]);
        let c = session(3, &[("a", &["lev"], &["lev"]), ("b", &["lev"], &["lev"])]);
        let got = traps(&[&a, &b, &c]);
        assert_eq!(got[0].trend, Trend::Worse);
    }
}
