//! `hotseat progress`: how the recorded sessions went over time, from the
//! session index (never a replay of every session), as text in the UI
//! language, Markdown, or JSON (English ids, stable fields; see
//! `docs/progress.md`).

use super::out::{pad, pad_left};
use super::{EXIT_USAGE, out};
use crate::i18n::{Lang, ui};
use crate::index;
use crate::practice::progress::{self, Filter};
use crate::practice::sheet::{self, Align, Block};
use crate::record::store;
use crate::text::one_line;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgressFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON (the same as --format json).
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// Output format: text, md (Markdown) or json.
    #[arg(long, value_enum, default_value_t = ProgressFormat::Text)]
    format: ProgressFormat,
    /// Only sessions started on or after this day (YYYY-MM-DD, UTC) or
    /// moment (RFC 3339).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only sessions of this scenario id.
    #[arg(long, value_name = "ID")]
    scenario: Option<String>,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let since = match args.since.as_deref().map(progress::parse_since).transpose() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotseat: {}", tr!(ui(), "progress-bad-since", value = one_line(&crate::text::quote(&e.0))));
            return Ok(EXIT_USAGE);
        }
    };
    let filter = Filter { since, scenario: args.scenario.clone() };
    let listing = index::list(&store::list(), index::Mode::Refresh);
    if let Some(note) = &listing.note {
        eprintln!("hotseat: {}", tr!(ui(), "index-unavailable", error = one_line(note)));
    }
    let report = progress::report(&listing.sessions, &filter);
    let format = if args.json { ProgressFormat::Json } else { args.format };
    match format {
        ProgressFormat::Json => {
            // JSON's advice names questions by their ids: no scenarios
            // loaded unless the trap's title needs them.
            let cat = json_titles(&report);
            let advice = sheet::next_sentence(&report, &cat, &sheet::Questions::default(), Lang::En);
            out::json(&Json { report: &report, advice })?
        }
        ProgressFormat::Text | ProgressFormat::Md => {
            let cat = super::catalogue();
            let entries = crate::library::load(&cat);
            let scenarios = || entries.iter().filter_map(|e| e.checked.scenario.as_ref());
            let questions = sheet::Questions::of(scenarios());
            let cat = sheet::with_scenario_traps(&cat, scenarios());
            let blocks = sheet::sheet(&report, &cat, &questions, ui());
            let text = if format == ProgressFormat::Md { markdown(&blocks, ui()) } else { text(&blocks, ui()) };
            out::print(&text)?;
        }
    }
    Ok(0)
}

/// The catalogue to name JSON's practise-next trap with, in `advice`: with
/// the scenarios' own traps only when that trap is one of theirs, because
/// loading every scenario costs tens of milliseconds. (Text and Markdown
/// load the scenarios anyway, to name questions.)
fn json_titles(report: &progress::Report) -> crate::traps::Catalogue {
    let cat = super::catalogue();
    let missing = match &report.next {
        progress::Next::Trap { trap, .. } => cat.get(trap).is_none(),
        _ => false,
    };
    if !missing {
        return cat;
    }
    let entries = crate::library::load(&cat);
    sheet::with_scenario_traps(&cat, entries.iter().filter_map(|e| e.checked.scenario.as_ref()))
}

/// `progress --json`: the report's fields (see
/// [`crate::practice::progress::Report`]) and the practise-next sentence
/// in English. Field names are an interface: add, never rename.
#[derive(serde::Serialize)]
struct Json<'a> {
    #[serde(flatten)]
    report: &'a progress::Report,
    advice: String,
}

/// Display width of a cell.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The sheet as aligned text: a title line, headings, tables with every
/// column as wide as its widest cell.
pub fn text(blocks: &[Block], lang: Lang) -> String {
    let mut out = format!("{}\n", tr!(lang, "progress-title"));
    for b in blocks {
        match b {
            Block::Heading(h) => out.push_str(&format!("\n{h}\n")),
            Block::Text(t) => out.push_str(&format!("{t}\n")),
            Block::Table { columns, rows } => {
                let widths: Vec<usize> = (0..columns.len())
                    .map(|i| rows.iter().map(|r| width(&r[i])).chain([width(&columns[i].head)]).max().unwrap_or(0))
                    .collect();
                let line = |cells: Vec<&str>| {
                    let padded: Vec<String> = cells
                        .iter()
                        .zip(columns)
                        .zip(&widths)
                        .map(|((c, col), w)| match col.align {
                            Align::Right => pad_left(c, *w),
                            Align::Left | Align::Spark => pad(c, *w),
                        })
                        .collect();
                    format!("  {}\n", padded.join("  ").trim_end())
                };
                out.push_str(&line(columns.iter().map(|c| c.head.as_str()).collect()));
                for r in rows {
                    out.push_str(&line(r.iter().map(String::as_str).collect()));
                }
            }
        }
    }
    out
}

/// A table cell for Markdown: `|` and backslashes escaped.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// The sheet as Markdown: `#` title, `##` headings, pipe tables.
pub fn markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = format!("# {}\n", tr!(lang, "progress-title"));
    let mut after_heading = false;
    for b in blocks {
        match b {
            Block::Heading(h) => out.push_str(&format!("\n## {h}\n\n")),
            // A heading ends with its blank line already; anywhere else a
            // blank line first (a line right under a table would be a row,
            // one right under a sentence would join its paragraph).
            Block::Text(t) if after_heading => out.push_str(&format!("{t}\n")),
            Block::Text(t) => out.push_str(&format!("\n{t}\n")),
            Block::Table { columns, rows } => {
                let head: Vec<String> = columns.iter().map(|c| md_cell(&c.head)).collect();
                out.push_str(&format!("| {} |\n", head.join(" | ")));
                let rule: Vec<&str> =
                    columns.iter().map(|c| if c.align == Align::Right { "---:" } else { "---" }).collect();
                out.push_str(&format!("|{}|\n", rule.join("|")));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
            }
        }
        after_heading = matches!(b, Block::Heading(_));
    }
    out
}
