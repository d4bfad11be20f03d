//! `hotseat drill [--trap ID] [--competency C] [--minutes N] [--dry-run [--json]]`:
//! a short session of stand-alone questions aimed at the traps the
//! candidate falls into most ([`crate::practice::drill`]), run full-screen
//! and recorded like `hotseat run`; `--dry-run` prints the plan instead.

use std::collections::BTreeSet;
use std::time::Instant;

use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::i18n::{Lang, ui};
use crate::practice::drill::{self, DEFAULT_MINUTES, DrillError, MAX_MINUTES, Plan, Request};
use crate::scenario::Scenario;
use crate::text::{mmss, one_line, quote};
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Drill only this trap (an id from the catalogue or a scenario).
    #[arg(long, value_name = "ID")]
    trap: Option<String>,
    /// Only questions tagged with this competency.
    #[arg(long, value_name = "C")]
    competency: Option<String>,
    /// Question time to fill, in minutes (the questions' limits summed).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MINUTES)]
    minutes: u32,
    /// Print the plan instead of starting the drill.
    #[arg(long)]
    dry_run: bool,
    /// With --dry-run: print the plan as JSON.
    #[arg(long)]
    json: bool,
}

/// `hotseat drill`.
pub fn run(args: &Args, t0: Instant) -> std::io::Result<u8> {
    let lang = ui();
    if args.json && !args.dry_run {
        eprintln!("hotseat: {}", tr!(lang, "drill-json-needs-dry-run"));
        return Ok(EXIT_USAGE);
    }
    if !(1..=MAX_MINUTES).contains(&args.minutes) {
        eprintln!("hotseat: {}", tr!(lang, "drill-bad-minutes", max = MAX_MINUTES, given = args.minutes));
        return Ok(EXIT_USAGE);
    }
    let catalogue = super::catalogue();
    let entries = crate::library::load(&catalogue);
    let library: Vec<&Scenario> = entries.iter().filter_map(|e| e.checked.runnable()).collect();
    if let Some(trap) = &args.trap
        && let Err(said) = known_trap(trap, &catalogue, &library, lang)
    {
        eprintln!("hotseat: {said}");
        return Ok(EXIT_USAGE);
    }
    if let Some(c) = &args.competency
        && let Err(said) = known_competency(c, &library, lang)
    {
        eprintln!("hotseat: {said}");
        return Ok(EXIT_USAGE);
    }
    let listing = crate::index::list(&crate::record::store::list(), crate::index::Mode::Refresh);
    let summaries: Vec<&crate::index::Summary> = listing.sessions.iter().map(|l| &l.summary).collect();
    let history = crate::practice::traps(&summaries);
    let req = Request { trap: args.trap.clone(), competency: args.competency.clone(), minutes: args.minutes, lang };
    let plan = match drill::plan(&library, &history, &req) {
        Ok(p) => p,
        Err(DrillError::NoQuestions) => {
            eprintln!("hotseat: {}", no_questions(&req));
            return Ok(EXIT_PROBLEMS);
        }
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    if args.dry_run {
        if args.json {
            return out::json(&plan).map(|()| 0);
        }
        let catalogue = crate::practice::sheet::with_scenario_traps(&catalogue, library.iter().copied());
        let names = Names { catalogue, library: &library, lang };
        return out::print(&human(&plan, &names)).map(|()| 0);
    }
    start(&plan, &library, catalogue, t0)
}

/// Builds the drill's scenario text, checks it as any scenario file is
/// checked, and runs it full-screen from the ready screen.
fn start(plan: &Plan, library: &[&Scenario], catalogue: crate::traps::Catalogue, t0: Instant) -> std::io::Result<u8> {
    let source = match drill::build(plan, library, &catalogue, ui()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_PROBLEMS);
        }
    };
    let checked = crate::scenario::load::check_bytes("drill.ron", source.as_bytes(), &catalogue);
    let (scenario, source) = match super::run::runnable(&checked) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    if let Some(code) = super::run::need_terminal() {
        return Ok(code);
    }
    let seed = super::run::fresh_seed();
    let pace = crate::session::Pace::Real;
    super::run::start(super::run::Start { scenario, source, catalogue, pace, seed, record: true, ready: true }, t0)
}

/// Whether `--trap` names a trap of the catalogue or of a scenario; if
/// not, the message, listing the close ids (or all of them).
fn known_trap(
    trap: &str,
    catalogue: &crate::traps::Catalogue,
    library: &[&Scenario],
    lang: Lang,
) -> Result<(), String> {
    let mut ids: BTreeSet<&str> = catalogue.ids().collect();
    ids.extend(library.iter().flat_map(|sc| sc.traps.iter().map(|t| t.id.as_str())));
    if ids.contains(trap) {
        return Ok(());
    }
    let close: Vec<&str> = ids.iter().copied().filter(|id| is_close(trap, id)).collect();
    let id = quote(trap);
    Err(if close.is_empty() {
        tr!(lang, "drill-unknown-trap-none", id = id.as_ref(), all = ids.into_iter().collect::<Vec<_>>().join(", "))
    } else {
        tr!(lang, "drill-unknown-trap", id = id.as_ref(), close = close.join(", "))
    })
}

/// Whether `--competency` tags some stand-alone question; if not, the
/// message listing the competencies that do (a drill can only ask those).
fn known_competency(c: &str, library: &[&Scenario], lang: Lang) -> Result<(), String> {
    let tagged: BTreeSet<&str> = library
        .iter()
        .flat_map(|sc| sc.nodes.iter().filter(|n| n.standalone))
        .flat_map(|n| n.competencies.iter().map(String::as_str))
        .collect();
    if tagged.contains(c) {
        return Ok(());
    }
    let all = tagged.into_iter().collect::<Vec<_>>().join(", ");
    Err(tr!(lang, "drill-unknown-competency", competency = quote(c).as_ref(), all = all))
}

/// A plausible misspelling or a part of the id.
fn is_close(wrong: &str, id: &str) -> bool {
    let wrong = wrong.to_lowercase();
    (wrong.len() >= 3 && id.contains(&wrong)) || strsim::jaro_winkler(&wrong, id) >= 0.8
}

fn no_questions(req: &Request) -> String {
    let lang = req.lang;
    let mut what = String::new();
    if let Some(t) = &req.trap {
        what.push_str(&tr!(lang, "drill-no-questions-trap", trap = quote(t).as_ref()));
    }
    if let Some(c) = &req.competency {
        what.push_str(&tr!(lang, "drill-no-questions-competency", competency = quote(c).as_ref()));
    }
    tr!(lang, "drill-no-questions", what = what)
}

/// How the plan names traps and questions for people: by title, in the
/// UI language, never by id.
struct Names<'a> {
    /// The catalogue with the scenarios' own traps, for their titles.
    catalogue: crate::traps::Catalogue,
    library: &'a [&'a Scenario],
    lang: Lang,
}

/// A question's prompt is cut to this many columns in the plan (a Chinese
/// character takes two).
const PROMPT_COLUMNS: usize = 48;

impl Names<'_> {
    fn trap(&self, id: &str) -> String {
        crate::practice::sheet::trap_title(id, &self.catalogue, self.lang)
    }

    /// The scenario's title, the start of the question's prompt, and how
    /// many other wordings the session may draw instead (it draws one by
    /// its seed, so the plan cannot say which).
    fn question(&self, q: &drill::Question) -> (String, String, usize) {
        let sc = self.library.iter().find(|sc| sc.id == q.scenario);
        let title = sc.map_or_else(|| q.scenario.clone(), |sc| sc.title.clone());
        let node = sc.and_then(|sc| sc.nodes.iter().find(|n| n.id == q.node));
        let prompt = node.map_or_else(|| q.node.clone(), |n| n.prompt.clone());
        let others = node.map_or(0, |n| n.variants.len());
        (one_line(&title), crate::text::clip_columns(&one_line(prompt.trim()), PROMPT_COLUMNS), others)
    }
}

/// The plan for people, in the UI language.
fn human(plan: &Plan, names: &Names) -> String {
    let lang = names.lang;
    let mut lines: Vec<String> = Vec::new();
    if plan.first {
        lines.push(tr!(lang, "drill-plan-first"));
    }
    let used = mmss(u64::from(plan.total_s()) * 1000);
    lines.push(tr!(lang, "drill-plan-head", n = plan.questions.len(), used = used, minutes = plan.minutes));
    lines.push(String::new());
    lines.push(tr!(lang, "drill-plan-targets"));
    // The traps questions were chosen for; the others they also guard in one line.
    for t in plan.targets.iter().filter(|t| t.chosen) {
        let last = t.last_fallen.as_deref().map_or_else(String::new, day);
        let trap = names.trap(&t.trap);
        let mut line = format!("  {}", tr!(lang, "drill-plan-target", trap = trap, falls = t.falls, last = last));
        if t.receded {
            line.push_str(&tr!(lang, "drill-plan-receded"));
        }
        lines.push(line);
    }
    let also: Vec<String> = plan.targets.iter().filter(|t| !t.chosen).map(|t| names.trap(&t.trap)).collect();
    if !also.is_empty() {
        lines.push(format!(
            "  {}",
            tr!(lang, "drill-plan-also", traps = also.join(if lang == Lang::Zh { "、" } else { ", " }))
        ));
    }
    lines.push(String::new());
    lines.push(tr!(lang, "drill-plan-questions"));
    for (i, q) in plan.questions.iter().enumerate() {
        let limit = mmss(u64::from(q.limit_s) * 1000);
        let (scenario, prompt, others) = names.question(q);
        let target = names.trap(&q.target);
        lines.push(format!(
            "  {}",
            tr!(lang, "drill-plan-question", n = i + 1, scenario = scenario, prompt = prompt, limit = limit)
        ));
        if others > 0 {
            lines.push(format!("     {}", tr!(lang, "drill-plan-wordings", n = others)));
        }
        lines.push(format!("     {}", tr!(lang, "drill-plan-for", target = target)));
    }
    lines.push(String::new());
    lines.push(tr!(lang, "drill-plan-run"));
    lines.join("\n") + "\n"
}

/// The date part of an RFC 3339 time.
fn day(rfc3339: &str) -> String {
    rfc3339.split('T').next().unwrap_or(rfc3339).to_string()
}
