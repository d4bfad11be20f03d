//! `hotseat cohort DIR|BUNDLE...`: a coach's view of many candidates'
//! bundles (folders made by `hotseat export ID --bundle DIR`). Each
//! argument is a bundle (a folder holding `*.session` files) or a folder
//! of bundles (its sub-folders). Summaries come from the cohort index
//! (`<data dir>/cohort.sqlite3`, see [`crate::index::list_paths`]); the
//! coach's folders are only read. Aggregation is [`crate::cohort`];
//! this module finds the files and prints: a table in the UI language,
//! `--json`, `--csv` or `--format md`, or the full-screen cohort view
//! when stdout is a terminal and no format is asked for.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::out::{pad, pad_left};
use super::{EXIT_PROBLEMS, EXIT_USAGE, out};
use crate::cohort::{Cohort, Entry};
use crate::i18n::{Lang, ui};
use crate::text::one_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bundles (folders of .session files) or folders of bundles.
    #[arg(value_name = "DIR|BUNDLE", required = true)]
    paths: Vec<PathBuf>,
    /// Print JSON (see docs/cohort.md).
    #[arg(long, conflicts_with_all = ["csv", "format"])]
    json: bool,
    /// Print CSV: one row per trap fallen into per question, and one per clean session.
    #[arg(long, conflicts_with = "format")]
    csv: bool,
    /// Print text or Markdown tables.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Text,
    Md,
}

/// A folder is read up to this many entries (a bundle of bundles of
/// 10,000 sessions is far below it); past it the rest is left out, said.
pub const MAX_ENTRIES: usize = 100_000;

/// `candidate.txt` is read up to this many bytes: one name.
const CANDIDATE_BYTES: u64 = 4096;

/// The name of the file naming a bundle's candidate.
pub const CANDIDATE_FILE: &str = "candidate.txt";

/// The session files found under the arguments.
#[derive(Debug, Default)]
pub struct Found {
    /// (candidate, canonical session path)
    pub files: Vec<(String, PathBuf)>,
    /// The canonical folders named.
    pub roots: Vec<PathBuf>,
    /// Folders cut at [`MAX_ENTRIES`].
    pub cut: Vec<PathBuf>,
}

/// Why an argument cannot be read as a cohort.
#[derive(Debug)]
pub enum Problem {
    Missing(PathBuf, std::io::Error),
    NotFolder(PathBuf),
    NoSessions(PathBuf),
}

impl Problem {
    fn say(&self, lang: Lang) -> (String, u8) {
        let shown = |p: &Path| one_line(&p.display().to_string());
        match self {
            Problem::Missing(p, e) => {
                (tr!(lang, "cohort-missing", path = shown(p), error = one_line(&e.to_string())), EXIT_USAGE)
            }
            Problem::NotFolder(p) => (tr!(lang, "cohort-not-bundle", path = shown(p)), EXIT_USAGE),
            Problem::NoSessions(p) => (tr!(lang, "cohort-no-sessions", path = shown(p)), EXIT_PROBLEMS),
        }
    }
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let found = match find(&args.paths) {
        Ok(f) => f,
        Err(p) => {
            let (msg, code) = p.say(ui());
            eprintln!("hotseat: {msg}");
            return Ok(code);
        }
    };
    for dir in &found.cut {
        eprintln!("hotseat: {}", tr!(ui(), "cohort-cut", path = one_line(&dir.display().to_string()), n = MAX_ENTRIES));
    }
    let cohort = load(&found);
    if cohort.damaged > 0 {
        eprintln!("hotseat: {}", tr!(ui(), "cohort-damaged", n = cohort.damaged));
    }
    let table = args.format.is_some();
    if args.json {
        out::json(&cohort)?;
    } else if args.csv {
        out::print(&csv(&cohort))?;
    } else if args.format == Some(TableFormat::Md) {
        out::print(&markdown(&cohort, &names(ui())))?;
    } else if !table && std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        let n = names(ui());
        let titles = cohort.traps.iter().map(|t| n.trap(&t.trap)).collect();
        let view = crate::tui::cohort::View::new(cohort, titles, crate::tui::theme::Theme::from_env(), ui());
        let exit = crate::tui::cohort::run(view)?;
        return Ok(super::run::exit_code(exit));
    } else {
        out::print(&text(&cohort, &names(ui())))?;
    }
    Ok(0)
}

/// The cohort's summaries, from the cohort index where fresh.
pub fn load(found: &Found) -> Cohort {
    let paths: Vec<PathBuf> = found.files.iter().map(|(_, p)| p.clone()).collect();
    let listing = match crate::index::cohort_index_path() {
        Some(index) if index.parent().is_some_and(|d| crate::files::private_dir(d).is_ok()) => {
            crate::index::list_paths(&index, &paths, &found.roots, crate::index::Mode::Refresh)
        }
        _ => crate::index::unindexed(&paths),
    };
    if let Some(note) = &listing.note {
        eprintln!("hotseat: {}", tr!(ui(), "index-unavailable", error = one_line(note)));
    }
    let entries: Vec<Entry> = found
        .files
        .iter()
        .zip(listing.sessions)
        .map(|((candidate, _), l)| Entry { candidate: candidate.clone(), path: l.path, summary: l.summary })
        .collect();
    crate::cohort::aggregate(&entries)
}

/// Every session file under `args`, with its candidate.
pub fn find(args: &[PathBuf]) -> Result<Found, Problem> {
    let mut found = Found::default();
    for arg in args {
        // The user named this folder: a link to it is followed; nothing
        // inside is (entries are taken by their own type).
        let root = std::fs::canonicalize(arg).map_err(|e| Problem::Missing(arg.clone(), e))?;
        if !root.is_dir() {
            return Err(Problem::NotFolder(arg.clone()));
        }
        let before = found.files.len();
        let (sessions, subdirs) = read_folder(&root, &mut found.cut);
        if !sessions.is_empty() {
            let who = candidate(&root);
            found.files.extend(sessions.into_iter().map(|p| (who.clone(), p)));
        } else {
            for dir in subdirs {
                let (sessions, _) = read_folder(&dir, &mut found.cut);
                let who = candidate(&dir);
                found.files.extend(sessions.into_iter().map(|p| (who.clone(), p)));
            }
        }
        if found.files.len() == before {
            return Err(Problem::NoSessions(arg.clone()));
        }
        found.roots.push(root);
    }
    // The same file named twice (a bundle and its parent) counts once.
    let mut seen = std::collections::HashSet::new();
    found.files.retain(|(_, p)| seen.insert(p.clone()));
    Ok(found)
}

/// A folder's `*.session` entries (any type: one that cannot be read is
/// listed as damaged, never followed) and its sub-folders (real ones, not
/// links), both sorted; at most [`MAX_ENTRIES`] entries are read.
fn read_folder(dir: &Path, cut: &mut Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut sessions, mut dirs) = (Vec::new(), Vec::new());
    let Ok(rd) = std::fs::read_dir(dir) else { return (sessions, dirs) };
    for (i, entry) in rd.flatten().enumerate() {
        if i >= MAX_ENTRIES {
            cut.push(dir.to_path_buf());
            break;
        }
        let path = entry.path();
        if path.extension().is_some_and(|x| x == crate::record::store::EXTENSION) {
            sessions.push(path);
        } else if entry.file_type().is_ok_and(|t| t.is_dir()) {
            dirs.push(path);
        }
    }
    sessions.sort();
    dirs.sort();
    (sessions, dirs)
}

/// The bundle's candidate: the first line of its `candidate.txt` (never
/// read through a link), else the folder's name; escaped and trimmed.
pub fn candidate(dir: &Path) -> String {
    let named = crate::files::read_regular(&dir.join(CANDIDATE_FILE), false, CANDIDATE_BYTES)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).lines().next().unwrap_or_default().trim().to_string())
        .filter(|n| !n.is_empty());
    let name = named.unwrap_or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    one_line(name.trim())
}

/// Trap titles and other words of the human tables, in one language.
pub struct Names {
    pub lang: Lang,
    catalogue: crate::traps::Catalogue,
}

impl Names {
    /// A trap's title in the language (a scenario's own trap by the
    /// scenario's title for it), or its id when no catalogue or scenario
    /// here knows it.
    pub fn trap(&self, id: &str) -> String {
        crate::practice::sheet::trap_title(id, &self.catalogue, self.lang)
    }

    /// An ending id or verdict id as a person reads it.
    pub fn word(&self, prefix: &str, id: Option<&str>) -> String {
        match id {
            None => "-".into(),
            Some(id) => {
                let key = format!("{prefix}-{id}");
                // Verdict ids are words already; endings have cohort messages.
                if crate::i18n::ids(self.lang).contains(&key) {
                    crate::i18n::message(self.lang, &key, &[])
                } else {
                    one_line(id)
                }
            }
        }
    }
}

/// The words for people: the catalogue with the bundled and the coach's
/// scenarios' own traps, so a trap a scenario defines (`pretax-only`) is
/// named by its title too. JSON and CSV keep ids and never load these.
pub fn names(lang: Lang) -> Names {
    let cat = super::catalogue();
    let entries = crate::library::load(&cat);
    let catalogue =
        crate::practice::sheet::with_scenario_traps(&cat, entries.iter().filter_map(|e| e.checked.scenario.as_ref()));
    Names { lang, catalogue }
}

/// One table's cells, header first, laid out by display width.
struct Table {
    rows: Vec<Vec<String>>,
    /// Which columns are numbers (right-aligned).
    numeric: Vec<bool>,
}

impl Table {
    fn new(header: Vec<String>, numeric: Vec<bool>) -> Table {
        Table { rows: vec![header], numeric }
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn widths(&self) -> Vec<usize> {
        let mut w = vec![0; self.numeric.len()];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                w[i] = w[i].max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
            }
        }
        w
    }

    fn text(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| if self.numeric[i] { pad_left(c, widths[i]) } else { pad(c, widths[i]) })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    fn markdown(&self) -> String {
        let cell = |c: &str| one_line(c).replace('\\', "\\\\").replace('|', "\\|");
        let mut out = String::new();
        for (n, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
            if n == 0 {
                let rule: Vec<&str> = self.numeric.iter().map(|&num| if num { "---:" } else { "---" }).collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
            }
        }
        out
    }
}

/// The four tables of the human outputs, with their headings.
fn tables(c: &Cohort, n: &Names) -> Vec<(String, Table)> {
    let l = n.lang;
    let col = |id: &str| crate::i18n::message(l, id, &[]);
    let mut out = Vec::new();

    let mut header = vec![col("cohort-col-trap")];
    header.extend(c.candidates.iter().map(|k| one_line(&k.name)));
    let mut falls = Table::new(header, std::iter::once(false).chain(c.candidates.iter().map(|_| true)).collect());
    for t in &c.traps {
        let mut row = vec![n.trap(&t.trap)];
        row.extend((0..c.candidates.len()).map(|i| match c.falls(i, &t.trap) {
            0 => "·".to_string(),
            k => k.to_string(),
        }));
        falls.push(row);
    }
    out.push((col("cohort-heading-falls"), falls));

    let mut freq = Table::new(
        vec![
            col("cohort-col-trap"),
            col("cohort-col-candidates"),
            col("cohort-col-occurrences"),
            col("cohort-col-sessions"),
        ],
        vec![false, true, true, true],
    );
    for t in &c.traps {
        freq.push(vec![
            n.trap(&t.trap),
            format!("{}/{}", t.candidates_fell, t.candidates),
            t.occurrences.to_string(),
            t.sessions.to_string(),
        ]);
    }
    out.push((col("cohort-heading-frequency"), freq));

    let mut q = Table::new(
        vec![
            col("cohort-col-scenario"),
            col("cohort-col-question"),
            col("cohort-col-answered"),
            col("cohort-col-median"),
            col("cohort-col-max"),
            col("cohort-col-limit"),
            col("cohort-col-over"),
        ],
        vec![false, false, true, true, true, true, true],
    );
    for x in &c.questions {
        q.push(vec![
            one_line(&x.scenario),
            one_line(&x.node),
            format!("{}/{}", x.answered, x.asked),
            crate::text::mmss(x.median_ms),
            crate::text::mmss(x.max_ms),
            x.limit_ms.map_or("-".into(), crate::text::mmss),
            x.over_time.to_string(),
        ]);
    }
    out.push((col("cohort-heading-questions"), q));

    let mut e = Table::new(
        vec![
            col("cohort-col-scenario"),
            col("cohort-col-ending"),
            col("cohort-col-end-node"),
            col("cohort-col-verdict"),
            col("cohort-col-outcome"),
            col("cohort-col-sessions"),
        ],
        vec![false, false, false, false, false, true],
    );
    // The debrief's verdict is the one a coach compares; the End node's
    // outcome only bounds it, and is headed so ("capped at").
    for x in &c.endings {
        e.push(vec![
            one_line(&x.scenario),
            n.word("cohort-ending", x.ending.as_deref()),
            x.end_node.as_deref().map_or("-".into(), one_line),
            n.word("verdict", x.verdict),
            n.word("verdict", x.outcome),
            x.count.to_string(),
        ]);
    }
    out.push((col("cohort-heading-endings"), e));
    out
}

/// One line saying how big the cohort is.
fn headline(c: &Cohort, lang: Lang) -> String {
    let mut s = tr!(lang, "cohort-headline", candidates = c.candidates.len(), sessions = c.sessions.len());
    if c.damaged > 0 {
        s.push(' ');
        s.push_str(&tr!(lang, "cohort-headline-damaged", n = c.damaged));
    }
    s
}

/// The human tables, aligned by display width.
pub fn text(c: &Cohort, n: &Names) -> String {
    let mut out = format!("{}\n", headline(c, n.lang));
    for (heading, table) in tables(c, n) {
        let _ = write!(out, "\n{heading}\n{}", table.text());
    }
    out
}

/// The same tables in Markdown.
pub fn markdown(c: &Cohort, n: &Names) -> String {
    let mut out = format!("# {}\n\n{}\n", tr!(n.lang, "cohort-title"), headline(c, n.lang));
    for (heading, table) in tables(c, n) {
        let _ = write!(out, "\n## {heading}\n\n{}", table.markdown());
    }
    out
}

/// The CSV header: one row per (session, trap, question), and one row
/// with empty trap columns for a session that fell into nothing, so every
/// session counts (docs/cohort.md).
pub const CSV_HEADER: &str =
    "candidate,session,scenario,started,status,verdict,score,ending,end_node,trap,node,count,quote";

/// The cohort as tidy CSV rows: RFC 4180 quoting, LF line ends (every
/// CSV reader takes them; stdout never carries a raw CR).
pub fn csv(c: &Cohort) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for s in &c.sessions {
        let lead = [
            csv_cell(&s.candidate),
            csv_cell(&s.id),
            csv_cell(&s.scenario),
            csv_cell(&s.started),
            csv_cell(&s.status),
            csv_cell(s.verdict.unwrap_or_default()),
            s.score.map(|v| v.to_string()).unwrap_or_default(),
            csv_cell(s.ending.as_deref().unwrap_or_default()),
            csv_cell(s.end_node.as_deref().unwrap_or_default()),
        ]
        .join(",");
        if s.traps.is_empty() {
            let _ = writeln!(out, "{lead},,,,");
        }
        for t in &s.traps {
            let _ =
                writeln!(out, "{lead},{},{},{},{}", csv_cell(&t.trap), csv_cell(&t.node), t.count, csv_cell(&t.quote));
        }
    }
    out
}

/// One text cell: control characters escaped (`\n`, `\u{1b}`), a
/// leading `=`, `+`, `-` or `@` defused with `'` (a spreadsheet would run
/// it as a formula), quoted when it holds a comma, a quote or starts or
/// ends with a space.
pub fn csv_cell(s: &str) -> String {
    let mut v = one_line(s);
    if v.starts_with(['=', '+', '-', '@']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_is_quoted_escaped_and_never_a_formula() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("@SUM"), "'@SUM");
        assert_eq!(csv_cell("line\nbreak\u{1b}[31m"), "line\\nbreak\\u{1b}[31m");
        assert_eq!(csv_cell("\r\n"), "\\u{d}\\n");
    }
}
