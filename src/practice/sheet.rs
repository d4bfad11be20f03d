//! The progress report laid out for a person, in one language: headings,
//! sentences and tables of plain cells, so `hotseat progress` (text and
//! Markdown) and the picker's progress screen show the same thing. Pure:
//! the report, the trap catalogue (for titles) and a language in, blocks
//! out. Text from files (titles, ids) is made one line and escaped here, so
//! every renderer measures what it shows.

use std::collections::HashMap;

use super::progress::{CompetencyTrend, Next, Place, Report, ScenarioRecord, Timing};
use super::schedule::{TrapRecord, Trend};
use crate::i18n::{Lang, message};
use crate::text::{mmss, one_line};
use crate::tr;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    /// A sparkline: cut from the left, so the latest scores stay.
    Spark,
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub head: String,
    pub align: Align,
    /// When the screen is narrow, columns with the highest `drop` go first;
    /// 0 is never dropped.
    pub drop: u8,
}

/// A piece of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Text(String),
    /// The first column is the one cut to fit.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
}

/// The eight levels of a sparkline, lowest first.
pub const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Scores shown in a sparkline at most (the latest).
pub const SPARK_MAX: usize = 24;

/// A score of 0–100 as one sparkline level.
pub fn spark(score: u32) -> char {
    let level = (score.min(100) as usize * (SPARKS.len() - 1) + 50) / 100;
    SPARKS[level]
}

/// How the advice names a question for people: its scenario's title and
/// the start of its prompt, from the scenarios at hand. A question of a
/// scenario not at hand (deleted since) is named by its ids.
#[derive(Debug, Default, Clone)]
pub struct Questions(HashMap<(String, String), (String, String)>);

/// A prompt is cut to this many columns in the advice.
const PROMPT_COLUMNS: usize = 30;

impl Questions {
    pub fn of<'a>(scenarios: impl Iterator<Item = &'a crate::scenario::Scenario>) -> Questions {
        let mut map = HashMap::new();
        for sc in scenarios {
            for n in sc.nodes.iter().filter(|n| !n.is_end()) {
                let prompt = crate::text::clip_columns(&one_line(n.prompt.trim()), PROMPT_COLUMNS);
                map.entry((sc.id.clone(), n.id.clone())).or_insert_with(|| (one_line(&sc.title), prompt));
            }
        }
        Questions(map)
    }

    /// The places, each scenario named once: `Title: “prompt…”, “prompt…”`;
    /// a question of a scenario not at hand as `scenario › node`.
    fn names(&self, places: &[Place], lang: Lang) -> String {
        let (sep, group_sep) = if lang == Lang::Zh { ("、", "；") } else { (", ", "; ") };
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for p in places {
            let (head, item) = match self.0.get(&(p.scenario.clone(), p.node.clone())) {
                Some((title, prompt)) => (title.clone(), tr!(lang, "progress-place-prompt", prompt = prompt.as_str())),
                None => (String::new(), place(p)),
            };
            match groups.iter_mut().find(|g| g.0 == head) {
                Some(g) => g.1.push(item),
                None => groups.push((head, vec![item])),
            }
        }
        let named = groups.into_iter().map(|(head, items)| {
            let items = items.join(sep);
            if head.is_empty() { items } else { tr!(lang, "progress-place", scenario = head, prompts = items) }
        });
        named.collect::<Vec<_>>().join(group_sep)
    }
}

/// The sheet of `report` in `lang`, trap titles from `catalogue`,
/// questions in the advice named by `questions`.
pub fn sheet(report: &Report, catalogue: &crate::traps::Catalogue, questions: &Questions, lang: Lang) -> Vec<Block> {
    let mut out = vec![Block::Text(summary_line(report, lang))];
    out.push(Block::Heading(tr!(lang, "progress-h-next")));
    let (advice, command) = next_parts(report, catalogue, questions, lang);
    out.push(Block::Text(advice));
    // The command on a line of its own, so it is never broken at its `--`.
    out.extend(command.map(|c| Block::Text(format!("  `{c}`"))));
    if report.sessions == 0 {
        out.extend(notes(report, lang));
        return out;
    }
    let fallen: Vec<&TrapRecord> = report.traps.iter().filter(|t| t.falls > 0).collect();
    if !fallen.is_empty() {
        out.push(Block::Heading(tr!(lang, "progress-h-traps")));
        out.push(traps_table(&fallen, catalogue, lang));
        let clean = report.traps.len() - fallen.len();
        if clean > 0 {
            out.push(Block::Text(tr!(lang, "progress-traps-clean", n = clean)));
        }
    }
    if !report.competencies.is_empty() {
        out.push(Block::Heading(tr!(lang, "progress-h-competencies")));
        out.push(competency_table(&report.competencies, lang));
    }
    out.push(Block::Heading(tr!(lang, "progress-h-scenarios")));
    if !report.scenarios.is_empty() {
        out.push(scenario_table(&report.scenarios, lang));
    }
    if report.drills > 0 {
        out.push(Block::Text(tr!(lang, "progress-drills", n = report.drills)));
    }
    if !report.timing.is_empty() {
        out.push(Block::Heading(tr!(lang, "progress-h-timing")));
        out.push(timing_table(&report.timing, lang));
    }
    out.extend(notes(report, lang));
    out
}

/// "6 sessions from 2026-11-01 to 2026-12-07", and the filter.
fn summary_line(report: &Report, lang: Lang) -> String {
    let mut line = match (&report.first, &report.last) {
        (Some(a), Some(b)) => tr!(lang, "progress-summary", n = report.sessions, first = day(a), last = day(b)),
        _ => tr!(lang, "progress-summary-none"),
    };
    if let Some(id) = &report.filter.scenario {
        line.push_str(&tr!(lang, "progress-filter-scenario", id = one_line(id)));
    }
    if let Some(t) = &report.filter.since {
        line.push_str(&tr!(lang, "progress-filter-since", since = t.strftime("%Y-%m-%d %H:%M UTC").to_string()));
    }
    line
}

/// The date part of an RFC 3339 time, escaped.
fn day(started: &str) -> String {
    one_line(started.get(..10).unwrap_or(started))
}

/// A trap's title in `lang`, or its id when the catalogue has no such trap.
pub fn trap_title(id: &str, catalogue: &crate::traps::Catalogue, lang: Lang) -> String {
    match catalogue.get(id) {
        Some(def) => one_line(&crate::assess::debrief::trap_texts(def, lang).title),
        None => one_line(id),
    }
}

/// `cat` with the traps that only scenarios define (their own traps), so
/// a trap fallen into in such a scenario is named by its title, not its
/// id. A catalogue trap keeps the catalogue's texts: a scenario's
/// adaptation speaks to its own audience only.
pub fn with_scenario_traps<'a>(
    cat: &crate::traps::Catalogue,
    scenarios: impl Iterator<Item = &'a crate::scenario::Scenario>,
) -> crate::traps::Catalogue {
    let mut out = cat.clone();
    for sc in scenarios {
        let merged = crate::scenario::own_traps::merge(cat, sc);
        for t in merged.traps {
            if out.get(&t.id).is_none() {
                out.traps.push(t);
            }
        }
    }
    out
}

/// Whether some trap of `report` is missing from `cat` (so the scenarios'
/// own traps are worth loading for its title).
pub fn needs_scenario_traps(report: &Report, cat: &crate::traps::Catalogue) -> bool {
    report.traps.iter().any(|t| t.falls > 0 && cat.get(&t.trap).is_none())
}

/// A question as `scenario › node`.
fn place(p: &Place) -> String {
    one_line(&format!("{} › {}", p.scenario, p.node))
}

/// The one sentence on what to practise next, with the command that
/// drills it at its end.
pub fn next_sentence(
    report: &Report,
    catalogue: &crate::traps::Catalogue,
    questions: &Questions,
    lang: Lang,
) -> String {
    match next_parts(report, catalogue, questions, lang) {
        (advice, Some(command)) => format!("{advice} `{command}`"),
        (advice, None) => advice,
    }
}

/// The practise-next sentence and, when it names a trap, the command that
/// drills it.
fn next_parts(
    report: &Report,
    catalogue: &crate::traps::Catalogue,
    questions: &Questions,
    lang: Lang,
) -> (String, Option<String>) {
    let advice = match &report.next {
        Next::NoSessions if report.filter.scenario.is_some() || report.filter.since.is_some() => {
            tr!(lang, "progress-next-none-match")
        }
        Next::NoSessions => tr!(lang, "progress-next-no-sessions"),
        Next::NoTraps => tr!(lang, "progress-next-no-traps"),
        Next::AllReceded => tr!(lang, "progress-next-all-receded", n = super::RECEDE_AFTER),
        Next::Trap { trap, falls, sessions, last_fallen, questions: places, command } => {
            let places = questions.names(places, lang);
            let advice = tr!(
                lang,
                "progress-next-trap",
                title = trap_title(trap, catalogue, lang),
                falls = *falls,
                sessions = *sessions,
                last = last_fallen.as_deref().map(day).unwrap_or_default(),
                places = places
            );
            return (advice, Some(one_line(command)));
        }
    };
    (advice, None)
}

fn col(lang: Lang, id: &str, align: Align, drop: u8) -> Column {
    Column { head: message(lang, id, &[]), align, drop }
}

fn trend_name(t: Trend, lang: Lang) -> String {
    let id = match t {
        Trend::Better => "progress-trend-better",
        Trend::Worse => "progress-trend-worse",
        Trend::Steady => "progress-trend-steady",
        Trend::New => "progress-trend-new",
    };
    message(lang, id, &[])
}

fn traps_table(traps: &[&TrapRecord], catalogue: &crate::traps::Catalogue, lang: Lang) -> Block {
    let columns = vec![
        col(lang, "progress-col-trap", Align::Left, 0),
        col(lang, "progress-col-falls", Align::Right, 0),
        col(lang, "progress-col-sessions", Align::Right, 3),
        col(lang, "progress-col-last-fallen", Align::Left, 2),
        col(lang, "progress-col-trend", Align::Left, 1),
        col(lang, "progress-col-state", Align::Left, 4),
        col(lang, "progress-col-last-seen", Align::Left, 5),
    ];
    let rows = traps
        .iter()
        .map(|t| {
            // A receded trap says so in its trend, the column a narrow
            // screen keeps longest, so it never reads as an active one;
            // the clean run is then the streak's length like any other.
            let trend = if t.receded { tr!(lang, "progress-receded") } else { trend_name(t.trend, lang) };
            let state = tr!(lang, "progress-clean-streak", n = t.clean_streak);
            vec![
                trap_title(&t.trap, catalogue, lang),
                t.falls.to_string(),
                t.sessions.to_string(),
                t.last_fallen.as_deref().map_or("-".into(), day),
                trend,
                state,
                t.last_seen.as_deref().map_or("-".into(), day),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

/// The latest scores as a sparkline, at most [`SPARK_MAX`] of them.
pub fn sparkline(c: &CompetencyTrend) -> String {
    let from = c.scores.len().saturating_sub(SPARK_MAX);
    c.scores[from..].iter().map(|p| spark(p.score)).collect()
}

fn competency_table(list: &[CompetencyTrend], lang: Lang) -> Block {
    let columns = vec![
        col(lang, "progress-col-competency", Align::Left, 0),
        col(lang, "progress-col-scores", Align::Spark, 1),
        col(lang, "progress-col-latest", Align::Right, 0),
        col(lang, "progress-col-best", Align::Right, 2),
        col(lang, "progress-col-mean", Align::Right, 3),
        col(lang, "progress-col-sessions", Align::Right, 4),
    ];
    let rows = list
        .iter()
        .map(|c| {
            vec![
                one_line(&crate::assess::debrief::competency_name(&c.name, lang)),
                sparkline(c),
                c.latest.to_string(),
                c.best.to_string(),
                c.mean.to_string(),
                c.scores.len().to_string(),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

fn verdict_name(v: Option<crate::assess::debrief::Verdict>, lang: Lang) -> String {
    v.map_or("-".into(), |v| message(lang, &format!("verdict-{}", v.as_str()), &[]))
}

fn scenario_table(list: &[ScenarioRecord], lang: Lang) -> Block {
    let columns = vec![
        col(lang, "progress-col-scenario", Align::Left, 0),
        col(lang, "progress-col-sessions", Align::Right, 2),
        col(lang, "progress-col-best", Align::Left, 0),
        col(lang, "progress-col-latest", Align::Left, 1),
        col(lang, "progress-col-last-played", Align::Left, 3),
    ];
    let rows = list
        .iter()
        .map(|s| {
            let name = if s.title.is_empty() { &s.scenario } else { &s.title };
            vec![
                one_line(name),
                s.sessions.to_string(),
                verdict_name(s.best, lang),
                verdict_name(s.latest.verdict, lang),
                day(&s.latest.started),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

fn timing_table(list: &[Timing], lang: Lang) -> Block {
    let columns = vec![
        col(lang, "progress-col-question", Align::Left, 0),
        col(lang, "progress-col-asked", Align::Right, 3),
        col(lang, "progress-col-mean-time", Align::Right, 0),
        col(lang, "progress-col-max-time", Align::Right, 2),
        col(lang, "progress-col-limit", Align::Right, 1),
        col(lang, "progress-col-over", Align::Right, 0),
        col(lang, "progress-col-timed-out", Align::Right, 4),
    ];
    let rows = list
        .iter()
        .map(|t| {
            vec![
                one_line(&format!("{} › {}", t.scenario, t.node)),
                t.asked.to_string(),
                mmss(t.mean_ms),
                mmss(t.max_ms),
                t.limit_ms.map_or("-".into(), mmss),
                t.over.to_string(),
                t.timed_out.to_string(),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

/// What was left out, one sentence each.
fn notes(report: &Report, lang: Lang) -> Vec<Block> {
    let l = &report.left_out;
    let mut out = Vec::new();
    if l.damaged > 0 {
        out.push(Block::Text(tr!(lang, "progress-note-damaged", n = l.damaged)));
    }
    if l.live > 0 {
        out.push(Block::Text(tr!(lang, "progress-note-live", n = l.live)));
    }
    if l.unindexed > 0 {
        out.push(Block::Text(tr!(lang, "progress-note-unindexed", n = l.unindexed)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_maps_0_to_100_onto_eight_levels() {
        assert_eq!([0, 14, 50, 86, 100, 250].map(spark), ['▁', '▂', '▅', '▇', '█', '█']);
    }
}
