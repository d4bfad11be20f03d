//! `hotseat list [--json]`: the scenarios a candidate can pick.

use serde::Serialize;

use super::out;
use crate::library::{self, Entry};

#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

/// One row of `list --json`; these field names are an interface.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    path: Option<String>,
    source: &'static str,
    language: Option<&'static str>,
    nodes: usize,
    minutes: Option<u32>,
    traps: Vec<&'a str>,
    errors: usize,
}

fn row(e: &Entry) -> Row<'_> {
    let sc = e.checked.scenario.as_ref();
    Row {
        id: &e.id,
        title: e.title(),
        path: e.path.as_ref().map(|p| p.display().to_string()),
        source: e.origin.as_str(),
        language: sc.map(|s| s.language.code()),
        nodes: sc.map_or(0, |s| s.nodes.len()),
        minutes: sc.map(|s| s.minutes),
        traps: sc.map(|s| s.exposed_traps().into_iter().collect()).unwrap_or_default(),
        errors: e.checked.errors(),
    }
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let traps = super::catalogue();
    let scan = library::scan();
    for notice in scan.notices() {
        eprintln!("hotseat: {notice}");
    }
    let entries = library::load_from(&scan, &traps);
    let rows: Vec<Row> = entries.iter().map(row).collect();
    if args.json {
        out::json(&rows)?;
    } else {
        out::print(&table(&entries, &rows))?;
    }
    Ok(0)
}

fn table(entries: &[Entry], rows: &[Row]) -> String {
    use super::out::{pad, pad_left};
    use crate::text::one_line;
    let col = |id| crate::i18n::message(crate::i18n::ui(), id, &[]);
    let mut text = format!(
        "{} {} {} {}  {}\n",
        pad(&col("list-col-id"), 26),
        pad(&col("list-col-lang"), 5),
        pad_left(&col("list-col-min"), 4),
        pad_left(&col("list-col-nodes"), 5),
        col("list-col-title")
    );
    for (e, r) in entries.iter().zip(rows) {
        let title = match e.checked.first_error() {
            Some(d) => {
                crate::tr!(crate::i18n::ui(), "list-errors", title = r.title, n = r.errors, first = d.message.as_str())
            }
            None => r.title.to_string(),
        };
        text.push_str(&format!(
            "{:<26} {:<5} {:>4} {:>5}  {}\n",
            one_line(r.id),
            r.language.unwrap_or("?"),
            r.minutes.map_or("?".into(), |m| m.to_string()),
            r.nodes,
            one_line(&title)
        ));
    }
    text
}
