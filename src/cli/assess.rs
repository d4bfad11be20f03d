//! `hotseat assess [--json] [--competency C] TEXT|-`: the trap rules and
//! answer signals on one answer. Exit 0 whether or not a trap fires.

use std::io::Read;
use std::ops::Range;

use serde::Serialize;

use super::{EXIT_USAGE, out};
use crate::assess::Detector;
use crate::assess::debrief::merge;
use crate::rules::{Answer, NoEnv};
use crate::text::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answer text, or `-` to read it from standard input.
    #[arg(value_name = "TEXT|-")]
    text: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Assess as an answer to a question with this competency (repeatable);
    /// rules scoped to other competencies then stay silent.
    #[arg(long = "competency", value_name = "C")]
    competencies: Vec<String>,
}

/// A stretch of the answer, counted in Unicode scalar values (end exclusive).
#[derive(Debug, Serialize)]
struct Span {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct TrapJson {
    id: String,
    title: String,
    evidence: Vec<Span>,
}

/// The signal names here are documented in docs/scenario-format.md.
#[derive(Debug, Serialize)]
struct Signals {
    words: usize,
    latin_words: usize,
    cjk_chars: usize,
    structured: bool,
    numbers: Vec<Span>,
    percents: Vec<Span>,
    money: Vec<Span>,
    changes: Vec<Span>,
    structure: Vec<Span>,
    hedges: Vec<Span>,
    ownership: Vec<Span>,
    deferrals: Vec<Span>,
}

#[derive(Debug, Serialize)]
struct Report {
    traps: Vec<TrapJson>,
    signals: Signals,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let text = if args.text == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            let error = one_line(&e.to_string());
            eprintln!("hotseat: {}", crate::tr!(crate::i18n::ui(), "assess-cannot-read-stdin", error = error));
            return Ok(EXIT_USAGE);
        }
        s
    } else {
        args.text.clone()
    };
    let catalogue = super::catalogue();
    let detector = match Detector::new(&catalogue) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("hotseat: {}", one_line(&e.to_string()));
            return Ok(EXIT_USAGE);
        }
    };
    let report = assess(&detector, &catalogue, &text, &args.competencies);
    if args.json {
        out::json(&report)?
    } else {
        out::print(&plain(&report, &catalogue, crate::i18n::ui()))?
    }
    Ok(0)
}

fn assess(detector: &Detector, cat: &crate::traps::Catalogue, text: &str, competencies: &[String]) -> Report {
    let answer = Answer::new(text);
    let findings = detector.detect(&answer, competencies, &NoEnv);
    let spans = |ranges: &[Range<usize>]| -> Vec<Span> { spans_of(text, merge(ranges, text.len())) };
    let traps = findings
        .iter()
        .map(|f| TrapJson {
            id: f.id.clone(),
            title: cat.get(&f.id).map_or(f.id.clone(), |t| t.title.clone()),
            evidence: spans(&f.evidence),
        })
        .collect();
    let s = &answer.signals;
    let signals = Signals {
        words: s.words,
        latin_words: s.latin_words,
        cjk_chars: s.cjk_chars,
        structured: s.structured(),
        numbers: spans(&s.numbers),
        percents: spans(&s.percents),
        money: spans(&s.money),
        changes: spans(&s.changes),
        structure: spans(&s.structure),
        hedges: spans(&s.hedges),
        ownership: spans(&s.ownership),
        deferrals: spans(&s.deferrals),
    };
    Report { traps, signals }
}

/// Sorted, disjoint byte ranges as character-counted spans. Characters are
/// counted on from the previous range, not from the start of the text each
/// time: a long answer has thousands of evidence ranges, and counting from
/// the start made the output quadratic in the answer.
fn spans_of(text: &str, ranges: Vec<Range<usize>>) -> Vec<Span> {
    let (mut byte, mut char) = (0, 0);
    ranges
        .into_iter()
        .map(|r| {
            char += text[byte..r.start].chars().count();
            let piece = &text[r.clone()];
            let start = char;
            char += piece.chars().count();
            byte = r.end;
            Span { start, end: char, text: piece.to_string() }
        })
        .collect()
}

/// The report for a person, in `lang` (trap titles too); signal names
/// stay as the rule language spells them.
fn plain(r: &Report, cat: &crate::traps::Catalogue, lang: crate::i18n::Lang) -> String {
    use crate::tr;
    let mut out = String::new();
    if r.traps.is_empty() {
        out.push_str(&format!("{}\n", tr!(lang, "assess-no-traps")));
    }
    for t in &r.traps {
        let quotes: Vec<String> = t.evidence.iter().map(|e| format!("“{}”", one_line(&e.text))).collect();
        let title = cat.get(&t.id).map_or(t.title.clone(), |def| crate::assess::debrief::trap_texts(def, lang).title);
        out.push_str(&format!("{}\n", tr!(lang, "assess-trap", id = t.id.as_str(), title = title)));
        if !quotes.is_empty() {
            out.push_str(&format!("  {}\n", tr!(lang, "assess-triggered-by", quotes = quotes.join(", "))));
        }
    }
    let s = &r.signals;
    let list = |v: &[Span]| v.iter().map(|e| one_line(&e.text)).collect::<Vec<_>>().join(", ");
    let signals = tr!(
        lang,
        "assess-signals",
        words = s.words,
        latin = s.latin_words,
        cjk = s.cjk_chars,
        structured = if s.structured { "yes" } else { "no" }
    );
    out.push_str(&format!("{signals}\n"));
    for (name, v) in [
        ("numbers", &s.numbers),
        ("percents", &s.percents),
        ("money", &s.money),
        ("changes", &s.changes),
        ("hedges", &s.hedges),
        ("ownership", &s.ownership),
        ("deferrals", &s.deferrals),
    ] {
        if !v.is_empty() {
            out.push_str(&format!("  {name}: {}\n", list(v)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans counted on from range to range agree with counting each from
    /// the start of the text, across multi-byte characters.
    #[test]
    fn incremental_spans_count_characters_like_counting_from_the_start() {
        let text = "数据 sovereignty 不交给法务, legal owns it 然后 we ship";
        let ranges: Vec<Range<usize>> = ["数据", "不交给法务", "legal", "然后", "ship"]
            .iter()
            .filter_map(|p| text.find(p).map(|i| i..i + p.len()))
            .collect();
        let naive: Vec<(usize, usize)> =
            ranges.iter().map(|r| (text[..r.start].chars().count(), text[..r.end].chars().count())).collect();
        let got: Vec<(usize, usize)> = spans_of(text, ranges).iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, naive);
    }
}
