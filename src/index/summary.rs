//! One session's summary: what a listing, a progress chart or a cohort
//! table needs to know about a session without replaying it again. Built
//! with the debrief's own code (in English: ids, not titles), so the index
//! can never disagree with `hotseat debrief`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::assess::debrief::{self, Verdict};
use crate::record::reader::{self, Lock};
use crate::record::{Recording, Status, store};
use crate::session::Compiled;

/// A listing folds (replays) only files up to this size, to count traps and
/// time; a larger one is listed from its header and last line alone, so no
/// single file makes `hotseat sessions` slow. A three-hour session is
/// about 2.6 MB.
pub const LIST_FOLD_BYTES: u64 = 8 << 20;

/// A listing does not assess an answer longer than this (characters typed
/// or pasted between two submits): assessing is the costly part of a
/// summary, and a pasted book must not slow every `hotseat sessions`.
/// Five minutes of speech is about 4,500 characters.
pub const LIST_ANSWER_CHARS: usize = 16_000;

/// Why a summary has no debrief figures, or why the file is damaged. Kept
/// as data, not text, so a cached summary reads in whatever language the
/// listing is shown in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum Reason {
    /// The file is larger than [`LIST_FOLD_BYTES`].
    TooLarge(u64),
    /// An answer is longer than [`LIST_ANSWER_CHARS`] (its length).
    LongAnswer(usize),
    /// What the reader or the scenario compiler said (English, as today).
    Text(String),
}

/// How often one trap was fallen into at one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrapCount {
    pub trap: String,
    pub node: String,
    pub count: usize,
    /// The candidate's words that triggered it the first time at this
    /// question (the evidence spans, joined by `…`; at most
    /// [`QUOTE_CHARS`] characters), so a coach's table can quote them
    /// without replaying the session.
    #[serde(default)]
    pub quote: String,
}

/// A quote in a summary is cut at this many characters.
pub const QUOTE_CHARS: usize = 160;

/// One question as it was asked: where the time went and which traps it
/// could expose. Progress charts time against the limit; a drill counts a
/// trap the question guards and the answer did not fall into as answered
/// cleanly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub node: String,
    pub spent_ms: u64,
    /// The limit under the session's pace; none when untimed.
    pub limit_ms: Option<u64>,
    /// How the question was left: submitted, timed-out, session-over, quit.
    pub exit: String,
    /// The catalogue traps the question is written to expose.
    pub guarded: Vec<String>,
    /// The traps the answer fell into (each once).
    pub fallen: Vec<String>,
}

/// One competency's score in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competency {
    pub name: String,
    pub score: u32,
    pub questions: usize,
}

/// One numeric question's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Numeric {
    pub node: String,
    pub given: Option<String>,
    pub correct: bool,
    pub close: bool,
}

/// A session's summary as the files alone give it. Liveness is not in it:
/// the lock says that at the moment of asking (see [`Summary::status_with`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub scenario: String,
    pub title: String,
    /// The scenario's language code (`en`, `zh`, `en+zh`); empty when the
    /// scenario did not compile.
    pub language: String,
    pub started: String,
    pub duration_s: u64,
    /// The status with nobody holding the lock: finished, quit,
    /// interrupted or damaged.
    pub status: String,
    /// How the session ended, as the debrief says (`ending` in its JSON).
    pub ending: Option<String>,
    /// The End node reached, when the interview reached one.
    #[serde(default)]
    pub end_node: Option<String>,
    pub outcome: Option<Verdict>,
    pub verdict: Option<Verdict>,
    pub score: Option<u32>,
    /// Distinct traps fallen into.
    pub traps: usize,
    pub modified: bool,
    pub reason: Option<Reason>,
    pub competencies: Vec<Competency>,
    pub trap_counts: Vec<TrapCount>,
    pub numerics: Vec<Numeric>,
    /// Every question asked, in order.
    #[serde(default)]
    pub questions: Vec<Question>,
}

impl Summary {
    /// The status shown: live when a hotseat holds the lock, else what the
    /// file says.
    pub fn status_with(&self, lock: Lock) -> Status {
        match lock {
            Lock::Held(_) => Status::Live,
            Lock::Free => status_named(&self.status),
        }
    }
}

/// The status a stored name stands for (an unknown one reads as damaged).
pub fn status_named(name: &str) -> Status {
    [Status::Finished, Status::Quit, Status::Interrupted, Status::Live]
        .into_iter()
        .find(|s| s.as_str() == name)
        .unwrap_or(Status::Damaged)
}

/// What summarising reuses across files: the trap catalogue (loading
/// compiles dozens of regexes) and each scenario text compiled once.
pub struct Summariser {
    catalogue: crate::traps::Catalogue,
    compiled: HashMap<String, Result<Arc<Compiled>, String>>,
}

impl Default for Summariser {
    fn default() -> Summariser {
        Summariser::new()
    }
}

impl Summariser {
    pub fn new() -> Summariser {
        let (catalogue, _) = crate::traps::load(crate::paths::user_catalogue().as_deref());
        Summariser { catalogue, compiled: HashMap::new() }
    }

    fn compiled(&mut self, rec: &Recording) -> Result<Arc<Compiled>, String> {
        let key = cache_key(rec);
        if let Some(c) = self.compiled.get(&key) {
            return c.clone();
        }
        let c = rec.catalogue(|| self.catalogue.clone()).and_then(|cat| rec.compile_with(cat)).map_err(|e| e.reason());
        self.compiled.insert(key, c.clone());
        c
    }

    /// The summary of a file that was read (or could not be).
    pub fn summary(&mut self, path: &Path, read: Result<Recording, reader::ReadError>) -> Summary {
        match read {
            Ok(rec) => self.of_recording(&rec),
            Err(e) => unreadable(path, e.reason()),
        }
    }

    /// The summary of a recording: folded and debriefed unless too large.
    pub fn of_recording(&mut self, rec: &Recording) -> Summary {
        let mut s = Summary {
            id: rec.id.clone(),
            scenario: rec.header.scenario.clone(),
            title: rec.header.title.clone(),
            language: String::new(),
            started: rec.header.started.clone(),
            duration_s: rec.last_ms() / 1000,
            status: rec.status_with(Lock::Free).as_str().into(),
            ending: None,
            end_node: None,
            outcome: None,
            verdict: None,
            score: None,
            traps: 0,
            modified: rec.modified,
            reason: rec.damage.clone().map(Reason::Text),
            competencies: Vec::new(),
            trap_counts: Vec::new(),
            numerics: Vec::new(),
            questions: Vec::new(),
        };
        if rec.len > LIST_FOLD_BYTES {
            s.reason = s.reason.or(Some(Reason::TooLarge(LIST_FOLD_BYTES)));
            return s;
        }
        let longest = rec.longest_answer();
        if longest > LIST_ANSWER_CHARS {
            s.reason = s.reason.or(Some(Reason::LongAnswer(longest)));
            return s;
        }
        match self.compiled(rec) {
            Ok(c) => {
                let state = rec.fold_with(c);
                s.language = state.compiled.scenario.language.code().into();
                s.duration_s = state.elapsed_ms() / 1000;
                // JSON language: ids, not titles, whatever the UI speaks.
                let d = debrief::build_in(&state, crate::i18n::Lang::En);
                fill(&mut s, &d);
                s.questions = questions(&state, &d);
            }
            Err(why) => {
                s.status = Status::Damaged.as_str().into();
                s.reason = Some(Reason::Text(why));
            }
        }
        s
    }
}

/// Copies the debrief's figures into the summary.
fn fill(s: &mut Summary, d: &debrief::Debrief) {
    s.ending = Some(d.ending.into());
    s.end_node = d.end_node.clone();
    s.outcome = d.outcome;
    s.verdict = d.verdict;
    s.score = d.score;
    s.traps = d.trap_count;
    s.competencies = d
        .competencies
        .iter()
        .map(|c| Competency { name: c.name.clone(), score: c.score, questions: c.questions })
        .collect();
    let mut counts: Vec<TrapCount> = Vec::new();
    for hit in &d.traps {
        match counts.iter_mut().find(|t| t.trap == hit.id && t.node == hit.node) {
            Some(t) => t.count += 1,
            None => counts.push(TrapCount {
                trap: hit.id.clone(),
                node: hit.node.clone(),
                count: 1,
                quote: quote(&hit.answer, &hit.evidence),
            }),
        }
    }
    s.trap_counts = counts;
    s.numerics = d
        .numeric
        .iter()
        .map(|n| Numeric { node: n.node.clone(), given: n.given.clone(), correct: n.correct, close: n.close })
        .collect();
}

/// The sentences of `answer` that hold the `evidence`, joined by `…` and
/// cut at [`QUOTE_CHARS`] characters; the answer's start when there is no
/// span. Whole sentences, not the matched words alone: a coach reading
/// "hoping … base … a bit higher" cannot tell what the candidate said.
pub fn quote(answer: &str, evidence: &[std::ops::Range<usize>]) -> String {
    let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
    for r in evidence.iter().filter(|r| answer.get((*r).clone()).is_some()) {
        let s = sentence_around(answer, r.clone());
        match sentences.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => sentences.push(s),
        }
    }
    let spans: Vec<&str> = sentences.iter().filter_map(|r| answer.get(r.clone())).map(str::trim).collect();
    let joined = if spans.is_empty() { answer.trim().to_string() } else { spans.join(" … ") };
    let one_line: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// The sentence of `text` around `span`: back to just after the previous
/// sentence end (or the start), on to the next sentence end included (or
/// the end). A full stop inside a number (`1.5`) ends nothing.
fn sentence_around(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let ends = |i: usize, c: char| match c {
        '。' | '！' | '？' | '!' | '?' | '\n' | '；' => true,
        '.' => !text[i + 1..].starts_with(|n: char| n.is_ascii_digit()),
        _ => false,
    };
    let start = text[..span.start].char_indices().rev().find(|&(i, c)| ends(i, c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end..]
        .char_indices()
        .find(|&(i, c)| ends(span.end + i, c))
        .map_or(text.len(), |(i, c)| span.end + i + c.len_utf8());
    start..end
}

/// Each question asked, from the folded state and its debrief's timeline
/// (one row per turn, in the same order).
fn questions(state: &crate::session::State, d: &debrief::Debrief) -> Vec<Question> {
    state
        .turns
        .iter()
        .zip(&d.timeline)
        .map(|(t, row)| {
            let node = &state.compiled.scenario.nodes[t.node];
            let mut fallen: Vec<String> = Vec::new();
            for f in &t.traps {
                if !fallen.contains(&f.id) {
                    fallen.push(f.id.clone());
                }
            }
            Question {
                node: row.node.clone(),
                spent_ms: row.spent_ms,
                limit_ms: row.limit_ms,
                exit: row.exit.into(),
                guarded: node.traps.clone(),
                fallen,
            }
        })
        .collect()
}

/// A file that cannot be read at all: damaged, saying why.
pub fn unreadable(path: &Path, reason: String) -> Summary {
    Summary {
        id: store::id_of(path),
        scenario: String::new(),
        title: String::new(),
        language: String::new(),
        started: String::new(),
        duration_s: 0,
        status: Status::Damaged.as_str().into(),
        ending: None,
        end_node: None,
        outcome: None,
        verdict: None,
        score: None,
        traps: 0,
        modified: false,
        reason: Some(Reason::Text(reason)),
        competencies: Vec::new(),
        trap_counts: Vec::new(),
        numerics: Vec::new(),
        questions: Vec::new(),
    }
}

/// Recordings with the same scenario text and recorded traps compile alike.
fn cache_key(rec: &Recording) -> String {
    match &rec.header.judged_with {
        Some(j) => format!("{}\n{}", rec.header.source, j.traps),
        None => rec.header.source.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_joins_the_evidence_on_one_line_and_is_cut_with_a_mark() {
        let answer = "First,\nlegal handles compliance. Then   security signs off.";
        assert_eq!(
            quote(answer, &[7..12, 51..56]),
            "legal handles compliance. Then security signs off.",
            "sentences next to each other are one quote"
        );
        assert_eq!(quote("  just this  ", &[]), "just this");
        let long = "字".repeat(QUOTE_CHARS + 5);
        let cut = quote(&long, std::slice::from_ref(&(0..long.len())));
        assert_eq!(cut.chars().count(), QUOTE_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(quote("abc", std::slice::from_ref(&(1..99))), "abc", "a span past the end quotes the answer");
    }

    /// Review of issue 17: a cohort's quotes were the matched words alone
    /// ("hoping … base … salary … a bit higher"), which says nothing.
    #[test]
    fn a_quote_is_the_whole_sentence_around_each_match_once() {
        let answer = "Thanks for the offer. I was hoping the base salary could be 1.5x higher. That is all.";
        let base = answer.find("base").expect("base");
        let higher = answer.find("higher").expect("higher");
        assert_eq!(
            quote(answer, &[base..base + 4, higher..higher + 6]),
            "I was hoping the base salary could be 1.5x higher."
        );
        let three = "Legal owns it. We shipped fast. Legal signs off.";
        assert_eq!(quote(three, &[0..5, 32..37]), "Legal owns it. … Legal signs off.");
        let zh = "谢谢您。我希望月薪能再高一点，股票无所谓。就这些。";
        let at = zh.find("月薪").expect("月薪");
        assert_eq!(quote(zh, std::slice::from_ref(&(at..at + 6))), "我希望月薪能再高一点，股票无所谓。");
    }
}
