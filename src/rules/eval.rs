//! Compiled conditions and their evaluation. A [`Matcher`] is a [`Cond`]
//! with its phrases and regexes compiled once, at load time, so answering a
//! question never compiles a pattern.

use std::ops::Range;

use regex::Regex;

use super::negation::{negated, quoted, rejected};
use super::phrases::{Normalised, PhraseSet, Scan};
use super::signals::{Signals, analyse};
use super::{Cmp, Cond, build_regex};

/// The words that made a condition true: byte ranges into the answer. A
/// condition can hold with no evidence (e.g. `Not(Money)`).
pub type Evidence = Vec<Range<usize>>;

/// A phrase list's kept matches: (the list's address, read as NoneOf, the
/// matches sorted by start).
type KeptEntry = (usize, bool, std::sync::Arc<Vec<Range<usize>>>);

/// The negation checks' verdicts on one match, by its byte range: (whether
/// `NoneOf` drops it, whether `AnyOf` does), each worked out on first use.
type Verdicts = std::collections::HashMap<(usize, usize), (Option<bool>, Option<bool>)>;

/// One answer, analysed once and shared by every rule that looks at it.
#[derive(Debug)]
pub struct Answer<'a> {
    pub text: &'a str,
    pub signals: Signals,
    /// The text as phrase lists match it, normalised once for all of them.
    normalised: Normalised,
    /// Scans by phrase index (its id, what it found), made on first use.
    scans: std::sync::Mutex<Vec<(usize, std::sync::Arc<Scan>)>>,
    /// The sentences' byte ranges, found on first use by `InSentence`.
    sentences: std::sync::OnceLock<Vec<Range<usize>>>,
    /// Inside `InSentence`, what each phrase list keeps (by list and by
    /// the kind of negation it skips), sorted by start, so that every
    /// sentence finds its own matches by binary search instead of
    /// re-reading every match of the answer: linear, not quadratic, in the
    /// number of sentences.
    kept: std::sync::Mutex<Vec<KeptEntry>>,
    /// What the negation checks said of each match: a catalogue's lists
    /// share many phrases ("legal", "commitment"), so the same words were
    /// checked again for every list that holds them, and those checks were
    /// most of the time a long answer took. They read only the text around
    /// the match, so one verdict per range serves every list.
    verdicts: std::sync::Mutex<Verdicts>,
    /// The signals' spans sorted by start, for the same reason.
    sorted_signals: std::sync::OnceLock<Signals>,
    /// One value a higher layer derives from the text and wants to work
    /// out once per answer (the learned scorer's features).
    memo: std::sync::OnceLock<Box<dyn std::any::Any + Send + Sync>>,
}

impl Clone for Answer<'_> {
    fn clone(&self) -> Self {
        Answer::new(self.text)
    }
}

impl<'a> Answer<'a> {
    pub fn new(text: &'a str) -> Self {
        Answer {
            text,
            signals: analyse(text),
            normalised: Normalised::new(text),
            scans: Default::default(),
            sentences: Default::default(),
            kept: Default::default(),
            verdicts: Default::default(),
            sorted_signals: Default::default(),
            memo: Default::default(),
        }
    }

    /// What `set` keeps once `drop` has discarded negated (NoneOf) or
    /// rejected and quoted (AnyOf) matches, sorted by start; worked out
    /// once per answer.
    fn kept_sorted(&self, set: &PhraseSet, none_of: bool) -> std::sync::Arc<Vec<Range<usize>>> {
        let key = set as *const PhraseSet as usize;
        let mut cache = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, _, v)) = cache.iter().find(|(k, n, _)| *k == key && *n == none_of) {
            return v.clone();
        }
        let mut v = kept(self, set, none_of);
        v.sort_by_key(|r| (r.start, r.end));
        let v = std::sync::Arc::new(v);
        cache.push((key, none_of, v.clone()));
        v
    }

    /// The signals with every list sorted by start.
    fn sorted_signals(&self) -> &Signals {
        self.sorted_signals.get_or_init(|| {
            let mut s = self.signals.clone();
            for v in [
                &mut s.numbers,
                &mut s.percents,
                &mut s.money,
                &mut s.changes,
                &mut s.structure,
                &mut s.hedges,
                &mut s.ownership,
                &mut s.deferrals,
            ] {
                v.sort_by_key(|r| (r.start, r.end));
            }
            s
        })
    }

    /// `make(text)`, worked out on first use and kept with the answer.
    /// The slot holds one type: asked for another, this returns `None` and
    /// the caller works it out itself.
    pub fn memo<T: std::any::Any + Send + Sync>(&self, make: impl FnOnce(&str) -> T) -> Option<&T> {
        self.memo.get_or_init(|| Box::new(make(self.text))).downcast_ref()
    }

    /// The sentences of the answer (Unicode sentence boundaries, UAX #29,
    /// which also end a sentence at 。！？ and keep "1.2" whole), each
    /// without the spaces around it; a line break ends one too, since
    /// typed answers use them as sentence ends.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| sentence_ranges(self.text))
    }

    /// What `set` finds in the answer: from its index's one scan of the
    /// answer (made once, then shared by every list of the index), or by
    /// itself when it is in no index.
    fn matches(&self, set: &PhraseSet) -> Vec<Range<usize>> {
        self.with_matches(set, <[Range<usize>]>::to_vec)
    }

    /// `f` of what `set` finds in the answer, without copying the matches.
    fn with_matches<R>(&self, set: &PhraseSet, f: impl FnOnce(&[Range<usize>]) -> R) -> R {
        let Some((index, list)) = set.slot() else { return f(&set.find_in(&self.normalised)) };
        let mut scans = self.scans.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let scan = match scans.iter().find(|(id, _)| *id == index.id()) {
            Some((_, scan)) => scan.clone(),
            None => {
                let scan = std::sync::Arc::new(index.scan(&self.normalised));
                scans.push((index.id(), scan.clone()));
                scan
            }
        };
        drop(scans);
        f(scan.get(list).map_or(&[], Vec::as_slice))
    }

    /// Whether negation discards the match `r`: [`negated`] for `NoneOf`,
    /// the narrower [`rejected_or_quoted`] for `AnyOf`. Worked out once per
    /// match and kind, then remembered.
    fn dropped(&self, verdicts: &mut Verdicts, r: &Range<usize>, none_of: bool) -> bool {
        let (neg, rej) = verdicts.entry((r.start, r.end)).or_default();
        let (slot, drop): (_, fn(&str, Range<usize>) -> bool) =
            if none_of { (neg, negated) } else { (rej, rejected_or_quoted) };
        *slot.get_or_insert_with(|| drop(self.text, r.clone()))
    }

    /// Whether `set` keeps any match in the whole answer: what `kept` would
    /// find, stopping at the first.
    fn keeps_any(&self, set: &PhraseSet, none_of: bool) -> bool {
        self.with_matches(set, |matches| {
            let mut verdicts = self.verdicts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            matches.iter().any(|r| !self.dropped(&mut verdicts, r, none_of))
        })
    }
}

fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    for (start, sentence) in text.split_sentence_bound_indices() {
        let mut at = start;
        for line in sentence.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                out.push(at + lead..at + lead + trimmed.len());
            }
            at += line.len();
        }
    }
    out
}

/// What a condition may ask of the session besides the text.
pub trait Env {
    /// A session variable's value (0 when never set).
    fn var(&self, name: &str) -> i64;
    /// How many times a node has been visited.
    fn visits(&self, node: &str) -> u32;
    /// Whether the answer falls into catalogue trap `id`, with evidence.
    fn trap(&self, id: &str, answer: &Answer) -> Option<Evidence>;
}

/// An environment with no session: variables are 0, no visits, no traps.
pub struct NoEnv;

impl Env for NoEnv {
    fn var(&self, _: &str) -> i64 {
        0
    }
    fn visits(&self, _: &str) -> u32 {
        0
    }
    fn trap(&self, _: &str, _: &Answer) -> Option<Evidence> {
        None
    }
}

/// The matches of `set` in the answer that negation does not discard:
/// `negated` for `NoneOf`, the narrower `rejected_or_quoted` for `AnyOf`.
fn kept(answer: &Answer, set: &PhraseSet, none_of: bool) -> Vec<Range<usize>> {
    answer.with_matches(set, |matches| {
        let mut verdicts = answer.verdicts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        matches.iter().filter(|r| !answer.dropped(&mut verdicts, r, none_of)).cloned().collect()
    })
}

/// Words in `part`: Latin words plus CJK characters, as the signals
/// count them; the answer's own count when `part` is all of it.
fn words(all: usize, part: &str, whole: bool) -> usize {
    if whole { all } else { super::signals::latin_words(part) + super::signals::cjk_chars(part) }
}

/// `ms` from the cheapest to the costliest (see [`Matcher::cost`]), each
/// cost class in the order written.
fn cheapest_first(ms: &[Matcher]) -> impl Iterator<Item = &Matcher> {
    (0..=2).flat_map(move |cost| ms.iter().filter(move |m| m.cost() == cost))
}

/// `AnyOf` skips a phrase rejected by name and one only quoted.
fn rejected_or_quoted(text: &str, span: Range<usize>) -> bool {
    rejected(text, span.clone()) || quoted(text, span)
}

/// A compiled [`Cond`].
#[derive(Debug, Clone)]
pub enum Matcher {
    Always,
    AnyOf(PhraseSet),
    AllOf(Vec<PhraseSet>),
    NoneOf(PhraseSet),
    Regex(std::sync::Arc<Regex>),
    Number,
    Percent,
    Money,
    Change,
    WordsAtLeast(u32),
    WordsBelow(u32),
    LatinWordsAtLeast(u32),
    CjkCharsAtLeast(u32),
    Structured,
    Hedged,
    Owns,
    Defers,
    Trap(String),
    Var(String, Cmp),
    Visits(String, Cmp),
    And(Vec<Matcher>),
    Or(Vec<Matcher>),
    Not(Box<Matcher>),
    InSentence(Box<Matcher>),
    /// A named condition (or an extended signal's phrases), compiled once
    /// and shared by every rule that uses it.
    Shared(std::sync::Arc<Matcher>),
}

/// The compiled regex for `pattern`: the one already compiled for it while
/// any rule still holds it, else a new one. A catalogue repeats patterns
/// (a guard shared by two rules of a trap), and each compiled copy had its
/// own program and its own search cache, which grows to hundreds of
/// kilobytes on a long answer.
fn shared_regex(pattern: &str) -> Result<std::sync::Arc<Regex>, regex::Error> {
    use std::sync::{Arc, Mutex, Weak};
    static LIVE: Mutex<Vec<(String, Weak<Regex>)>> = Mutex::new(Vec::new());
    let mut live = LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(re) = live.iter().find(|(p, _)| p == pattern).and_then(|(_, w)| w.upgrade()) {
        return Ok(re);
    }
    let re = Arc::new(build_regex(pattern)?);
    live.retain(|(_, w)| w.strong_count() > 0);
    live.push((pattern.to_string(), Arc::downgrade(&re)));
    Ok(re)
}

fn phrase_set(phrases: &[String]) -> Result<PhraseSet, PatternError> {
    PhraseSet::new(phrases).map_err(PatternError::Phrases)
}

/// A pattern that does not compile.
#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    #[error(transparent)]
    Regex(#[from] regex::Error),
    #[error("phrase list: {0}")]
    Phrases(aho_corasick::BuildError),
    #[error("no condition is named \"{}\"", crate::text::quote(.0))]
    UnknownCondition(String),
    #[error("named condition \"{}\" refers back to itself", crate::text::quote(.0))]
    Cycle(String),
}

impl Matcher {
    /// Compiles `cond` with nothing defined (no named conditions, built-in
    /// signals); fails on a regex that does not compile or a `Named`.
    pub fn compile(cond: &Cond) -> Result<Matcher, PatternError> {
        super::Compiler::plain().compile(cond)
    }

    /// Compiles `cond` with `cx`'s named conditions and signal phrases.
    pub(super) fn compile_with(cond: &Cond, cx: &mut super::Compiler) -> Result<Matcher, PatternError> {
        fn all(cs: &[Cond], cx: &mut super::Compiler) -> Result<Vec<Matcher>, PatternError> {
            cs.iter().map(|c| Matcher::compile_with(c, cx)).collect()
        }
        Ok(match cond {
            Cond::Always => Matcher::Always,
            Cond::AnyOf(p) => Matcher::AnyOf(phrase_set(p)?),
            Cond::AllOf(p) => {
                Matcher::AllOf(p.iter().map(|p| phrase_set(std::slice::from_ref(p))).collect::<Result<_, _>>()?)
            }
            Cond::NoneOf(p) => Matcher::NoneOf(phrase_set(p)?),
            Cond::Regex(r) => Matcher::Regex(shared_regex(r)?),
            Cond::Number => Matcher::Number,
            Cond::Percent => Matcher::Percent,
            Cond::Money => Matcher::Money,
            Cond::Change => Matcher::Change,
            Cond::WordsAtLeast(n) => Matcher::WordsAtLeast(*n),
            Cond::WordsBelow(n) => Matcher::WordsBelow(*n),
            Cond::LatinWordsAtLeast(n) => Matcher::LatinWordsAtLeast(*n),
            Cond::CjkCharsAtLeast(n) => Matcher::CjkCharsAtLeast(*n),
            Cond::Structured => Matcher::Structured,
            Cond::Hedged => cx.signal("hedging", Matcher::Hedged)?,
            Cond::Owns => cx.signal("ownership", Matcher::Owns)?,
            Cond::Defers => cx.signal("deferral", Matcher::Defers)?,
            Cond::Trap(t) => Matcher::Trap(t.clone()),
            Cond::Var(v, c) => Matcher::Var(v.clone(), *c),
            Cond::Visits(n, c) => Matcher::Visits(n.clone(), *c),
            Cond::And(cs) => Matcher::And(all(cs, cx)?),
            Cond::Or(cs) => Matcher::Or(all(cs, cx)?),
            Cond::Not(c) => Matcher::Not(Box::new(Matcher::compile_with(c, cx)?)),
            Cond::InSentence(c) => Matcher::InSentence(Box::new(Matcher::compile_with(c, cx)?)),
            Cond::Named(n) => cx.named(n)?,
        })
    }

    /// `Some(evidence)` when the condition holds of `answer` in `env`.
    pub fn eval(&self, answer: &Answer, env: &dyn Env) -> Option<Evidence> {
        let all = 0..answer.text.len();
        if !self.holds_in(answer, env, &all) {
            return None;
        }
        self.eval_in(answer, env, &all)
    }

    /// Whether the condition holds: `eval(…).is_some()`, without gathering
    /// the evidence. Most rules do not hold of a given answer, and finding
    /// that out stops at the first phrase kept or the first regex match,
    /// where gathering evidence reads every match and checks each one's
    /// negation: on a long answer, most of the time it took.
    pub fn holds(&self, answer: &Answer, env: &dyn Env) -> bool {
        self.holds_in(answer, env, &(0..answer.text.len()))
    }

    /// [`Matcher::holds`] looking only at the bytes `win` of the answer;
    /// exactly `eval_in(…).is_some()`, case for case.
    fn holds_in(&self, answer: &Answer, env: &dyn Env, win: &Range<usize>) -> bool {
        let text = answer.text;
        let whole = win.start == 0 && win.end == text.len();
        let s = if whole { &answer.signals } else { answer.sorted_signals() };
        let inside = |r: &Range<usize>| whole || (win.start <= r.start && r.end <= win.end);
        // How many of the spans (sorted by start inside a sentence) fall
        // within the window, counting no further than `enough`.
        let count_within = |spans: &[Range<usize>], enough: usize| -> usize {
            if whole {
                return spans.len();
            }
            let from = spans.partition_point(|r| r.start < win.start);
            spans[from..].iter().take_while(|r| r.start < win.end).filter(|r| r.end <= win.end).take(enough).count()
        };
        let any_within = |spans: &[Range<usize>]| count_within(spans, 1) > 0;
        let any_phrase = |set: &PhraseSet, none_of: bool| -> bool {
            if whole { answer.keeps_any(set, none_of) } else { any_within(&answer.kept_sorted(set, none_of)) }
        };
        let part = &text[win.clone()];
        match self {
            Matcher::Always => true,
            Matcher::AnyOf(set) => any_phrase(set, false),
            Matcher::Regex(re) => re.is_match(part),
            Matcher::AllOf(sets) => sets.iter().all(|set| answer.with_matches(set, |m| m.iter().any(&inside))),
            Matcher::NoneOf(set) => !any_phrase(set, true),
            Matcher::Number => any_within(&s.numbers),
            Matcher::Percent => any_within(&s.percents),
            Matcher::Money => any_within(&s.money),
            Matcher::Change => any_within(&s.changes),
            Matcher::WordsAtLeast(n) => words(s.words, part, whole) >= *n as usize,
            Matcher::WordsBelow(n) => words(s.words, part, whole) < *n as usize,
            Matcher::LatinWordsAtLeast(n) => {
                (if whole { s.latin_words } else { super::signals::latin_words(part) }) >= *n as usize
            }
            Matcher::CjkCharsAtLeast(n) => {
                (if whole { s.cjk_chars } else { super::signals::cjk_chars(part) }) >= *n as usize
            }
            Matcher::Structured => count_within(&s.structure, 2) >= 2,
            Matcher::Hedged => any_within(&s.hedges),
            Matcher::Owns => any_within(&s.ownership),
            Matcher::Defers => any_within(&s.deferrals),
            Matcher::Trap(id) => env.trap(id, answer).is_some(),
            Matcher::Var(v, c) => c.holds(env.var(v)),
            Matcher::Visits(n, c) => c.holds(i64::from(env.visits(n))),
            // Conditions have no side effects, so the order in which the
            // parts are tried changes nothing but the time: cheapest first.
            Matcher::And(ms) => cheapest_first(ms).all(|m| m.holds_in(answer, env, win)),
            Matcher::Or(ms) => cheapest_first(ms).any(|m| m.holds_in(answer, env, win)),
            Matcher::Not(m) => !m.holds_in(answer, env, win),
            Matcher::Shared(m) => m.holds_in(answer, env, win),
            Matcher::InSentence(m) => {
                answer.sentences().iter().filter(|r| inside(r)).any(|r| m.holds_in(answer, env, r))
            }
        }
    }

    /// [`Matcher::eval`] looking only at the bytes `win` of the answer:
    /// the whole answer, or one sentence inside `InSentence`. Matches are
    /// found once over the whole text and kept when they fall inside, so a
    /// phrase's negation still reads its own clause.
    fn eval_in(&self, answer: &Answer, env: &dyn Env, win: &Range<usize>) -> Option<Evidence> {
        let text = answer.text;
        let whole = win.start == 0 && win.end == text.len();
        let s = if whole { &answer.signals } else { answer.sorted_signals() };
        let inside = |r: &Range<usize>| whole || (win.start <= r.start && r.end <= win.end);
        // Spans sorted by start (always so inside a sentence): those within
        // the window, found by binary search.
        let within = |spans: &[Range<usize>]| -> Vec<Range<usize>> {
            if whole {
                return spans.to_vec();
            }
            let from = spans.partition_point(|r| r.start < win.start);
            spans[from..].iter().take_while(|r| r.start < win.end).filter(|r| r.end <= win.end).cloned().collect()
        };
        let phrases = |set: &PhraseSet, none_of: bool| -> Vec<Range<usize>> {
            if whole { kept(answer, set, none_of) } else { within(&answer.kept_sorted(set, none_of)) }
        };
        let found = |spans: Vec<Range<usize>>| (!spans.is_empty()).then_some(spans);
        let holds = |b: bool| b.then(Vec::new);
        let part = &text[win.clone()];
        match self {
            Matcher::Always => Some(Vec::new()),
            // "Not a firefight", "不是去 hack 驱动": a phrase named to reject
            // it is not said.
            Matcher::AnyOf(set) => found(phrases(set, false)),
            Matcher::Regex(re) => {
                found(re.find_iter(part).map(|m| m.start() + win.start..m.end() + win.start).collect())
            }
            Matcher::AllOf(sets) => {
                let mut ev = Vec::new();
                for set in sets {
                    ev.push(answer.matches(set).into_iter().find(|r| inside(r))?);
                }
                Some(ev)
            }
            // A strong answer's ingredient named only to reject it ("no
            // commitments", "不搞预付") is not there.
            Matcher::NoneOf(_) => holds(self.holds_in(answer, env, win)),
            Matcher::Number => found(within(&s.numbers)),
            Matcher::Percent => found(within(&s.percents)),
            Matcher::Money => found(within(&s.money)),
            Matcher::Change => found(within(&s.changes)),
            Matcher::WordsAtLeast(n) => holds(words(s.words, part, whole) >= *n as usize),
            Matcher::WordsBelow(n) => holds(words(s.words, part, whole) < *n as usize),
            Matcher::LatinWordsAtLeast(n) => {
                holds(if whole { s.latin_words } else { super::signals::latin_words(part) } >= *n as usize)
            }
            Matcher::CjkCharsAtLeast(n) => {
                holds(if whole { s.cjk_chars } else { super::signals::cjk_chars(part) } >= *n as usize)
            }
            Matcher::Structured => {
                let markers = within(&s.structure);
                (markers.len() >= 2).then_some(markers)
            }
            Matcher::Hedged => found(within(&s.hedges)),
            Matcher::Owns => found(within(&s.ownership)),
            Matcher::Defers => found(within(&s.deferrals)),
            // A trap is a judgement on the whole answer.
            Matcher::Trap(id) => env.trap(id, answer),
            Matcher::Var(v, c) => holds(c.holds(env.var(v))),
            Matcher::Visits(n, c) => holds(c.holds(i64::from(env.visits(n)))),
            Matcher::And(ms) => {
                let mut ev = Vec::new();
                for m in ms {
                    ev.extend(m.eval_in(answer, env, win)?);
                }
                Some(ev)
            }
            // The first alternative that holds, and only its evidence.
            Matcher::Or(ms) => ms.iter().find(|m| m.holds_in(answer, env, win))?.eval_in(answer, env, win),
            Matcher::Not(m) => holds(!m.holds_in(answer, env, win)),
            Matcher::Shared(m) => m.eval_in(answer, env, win),
            Matcher::InSentence(m) => {
                let r = answer.sentences().iter().filter(|r| inside(r)).find(|r| m.holds_in(answer, env, r))?;
                m.eval_in(answer, env, r)
            }
        }
    }

    /// How costly finding out whether the condition holds can be: 0 for
    /// what is already counted (signals, lengths, variables), 1 for phrase
    /// lists (scanned once for all, then a negation check per match), 2
    /// for what reads the text again (a regex, a split into sentences,
    /// another trap's rules).
    fn cost(&self) -> u8 {
        match self {
            Matcher::AnyOf(_) | Matcher::AllOf(_) | Matcher::NoneOf(_) => 1,
            Matcher::Regex(_) | Matcher::InSentence(_) | Matcher::Trap(_) => 2,
            Matcher::And(ms) | Matcher::Or(ms) => ms.iter().map(Matcher::cost).max().unwrap_or(0),
            Matcher::Not(m) => m.cost(),
            Matcher::Shared(m) => m.cost(),
            _ => 0,
        }
    }

    /// Every phrase list in the condition, to join them into one index.
    /// A shared (named) condition's lists are left out: they are read
    /// through an `Arc`, and scan on their own.
    pub fn phrase_sets_mut<'m>(&'m mut self, out: &mut Vec<&'m mut PhraseSet>) {
        match self {
            Matcher::AnyOf(set) | Matcher::NoneOf(set) => out.push(set),
            Matcher::AllOf(sets) => out.extend(sets.iter_mut()),
            Matcher::And(ms) | Matcher::Or(ms) => ms.iter_mut().for_each(|m| m.phrase_sets_mut(out)),
            Matcher::Not(m) | Matcher::InSentence(m) => m.phrase_sets_mut(out),
            _ => {}
        }
    }

    /// Shorthand for tests and `assess`: does `cond` hold of `text` alone?
    pub fn matches(&self, text: &str) -> bool {
        self.eval(&Answer::new(text), &NoEnv).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(cond: &str) -> Matcher {
        let cond: Cond = ron::from_str(cond).expect("test condition parses");
        Matcher::compile(&cond).expect("compiles")
    }

    #[test]
    fn phrases_are_case_insensitive_whole_words() {
        let k8s = m(r#"AnyOf(["kubernetes", "k8s"])"#);
        assert!(k8s.matches("I led the KUBERNETES migration"));
        assert!(k8s.matches("用Kubernetes做调度"));
        assert!(!k8s.matches("k8ss"));
        assert!(m(r#"AnyOf(["legal  team"])"#).matches("the Legal\nteam will"));
        let stem = m(r#"AnyOf(["patch*"])"#);
        assert!(stem.matches("we'd be patching it") && stem.matches("Patched") && !stem.matches("dispatch"));
    }

    #[test]
    fn chinese_phrases_match_inside_text() {
        assert!(m(r#"AnyOf(["法务"])"#).matches("这个问题交给法务部门处理"));
        assert!(m(r#"AllOf(["数据", "主权"])"#).matches("数据主权很重要"));
        assert!(!m(r#"AllOf(["数据", "出境"])"#).matches("数据主权很重要"));
    }

    #[test]
    fn compliance_dodge_example_from_the_format_docs() {
        let dodge = m(r#"And([AnyOf(["legal", "法务"]), Not(Owns)])"#);
        assert!(dodge.matches("Legal would handle that."));
        assert!(dodge.matches("这个交给法务"));
        assert!(!dodge.matches("I built a residency rule engine and legal reviewed it"));
    }

    #[test]
    fn none_of_and_not_hold_without_evidence() {
        let ev = m(r#"NoneOf(["rsu"])"#).eval(&Answer::new("base only"), &NoEnv);
        assert_eq!(ev, Some(vec![]));
        assert!(!m(r#"Not(Money)"#).matches("¥18M"));
    }

    #[test]
    fn evidence_points_at_the_words() {
        let text = "Honestly we saved a lot";
        let ev = m(r#"AnyOf(["saved a lot"])"#).eval(&Answer::new(text), &NoEnv).expect("holds");
        assert_eq!(&text[ev[0].clone()], "saved a lot");
    }

    #[test]
    fn a_phrase_in_quotation_marks_is_mentioned_not_said() {
        let vague = m(r#"AnyOf(["a bit more", "效果很好"])"#);
        assert!(!vague.matches("Fair, 'a bit more' was lazy of me, so let me be exact: ¥1.05M."));
        assert!(!vague.matches("外面讲‘效果很好’的人多了，我这个数有据可查。"));
        assert!(!vague.matches("He said “a bit more” and left it there."));
        assert!(vague.matches("I'd like a bit more on the RSU side."));
        assert!(vague.matches("上线之后效果很好，客户都很满意。"));
        // An apostrophe is not a quotation mark.
        assert!(vague.matches("I'd just want a bit more, that's all."));
    }

    #[test]
    fn in_sentence_keeps_ownership_in_one_sentence_from_cancelling_blame_in_another() {
        let blame = r#"And([AnyOf(["dropped the ball", "他们的锅"]), Not(Owns)])"#;
        let text = "Honestly the other team dropped the ball on the rollout. Later I launched the fix myself.";
        assert!(!m(blame).matches(text), "over the whole answer, `I launched` hides the blame");
        assert!(m(&format!("InSentence({blame})")).matches(text));
        assert!(!m(&format!("InSentence({blame})")).matches("I launched it after the team dropped the ball."));
        assert!(m(&format!("InSentence({blame})")).matches("上线延期是他们的锅。后来我负责补救。"));
    }

    #[test]
    fn in_sentence_evidence_and_counts_stay_inside_the_sentence() {
        let text = "We grew spend 1.5x in 2023. Costs were high.";
        let a = Answer::new(text);
        let sentences: Vec<&str> = a.sentences().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(sentences, ["We grew spend 1.5x in 2023.", "Costs were high."]);
        let ev = m(r#"InSentence(And([AnyOf(["costs"]), Not(Number)]))"#).eval(&a, &NoEnv).expect("holds");
        assert_eq!(ev.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["Costs"]);
        assert!(m(r#"InSentence(WordsBelow(4))"#).matches(text), "the second sentence has three words");
        assert!(!m(r#"WordsBelow(4)"#).matches(text));
        let zh = Answer::new("预算有限。我们按小时计费！然后呢");
        assert_eq!(zh.sentences().len(), 3);
    }

    /// Conditions evaluated as they were before `holds` and the shared
    /// negation verdicts (issue 11 item 7): every part gathers all its
    /// evidence, every match's negation is checked afresh. The reference
    /// the faster evaluation must agree with.
    fn reference(m: &Matcher, answer: &Answer, env: &dyn Env, win: &Range<usize>) -> Option<Evidence> {
        let text = answer.text;
        let whole = win.start == 0 && win.end == text.len();
        let s = if whole { &answer.signals } else { answer.sorted_signals() };
        let inside = |r: &Range<usize>| whole || (win.start <= r.start && r.end <= win.end);
        let within = |spans: &[Range<usize>]| -> Vec<Range<usize>> {
            if whole {
                return spans.to_vec();
            }
            let from = spans.partition_point(|r| r.start < win.start);
            spans[from..].iter().take_while(|r| r.start < win.end).filter(|r| r.end <= win.end).cloned().collect()
        };
        let phrases = |set: &PhraseSet, none_of: bool| -> Vec<Range<usize>> {
            let drop = if none_of { negated } else { rejected_or_quoted };
            let mut kept: Vec<Range<usize>> =
                answer.matches(set).into_iter().filter(|r| !drop(text, r.clone())).collect();
            if whole {
                return kept;
            }
            kept.sort_by_key(|r| (r.start, r.end));
            within(&kept)
        };
        let found = |spans: Vec<Range<usize>>| (!spans.is_empty()).then_some(spans);
        let holds = |b: bool| b.then(Vec::new);
        let part = &text[win.clone()];
        match m {
            Matcher::Always => Some(Vec::new()),
            Matcher::AnyOf(set) => found(phrases(set, false)),
            Matcher::Regex(re) => {
                found(re.find_iter(part).map(|m| m.start() + win.start..m.end() + win.start).collect())
            }
            Matcher::AllOf(sets) => {
                let mut ev = Vec::new();
                for set in sets {
                    ev.push(answer.matches(set).into_iter().find(|r| inside(r))?);
                }
                Some(ev)
            }
            Matcher::NoneOf(set) => holds(phrases(set, true).is_empty()),
            Matcher::Number => found(within(&s.numbers)),
            Matcher::Percent => found(within(&s.percents)),
            Matcher::Money => found(within(&s.money)),
            Matcher::Change => found(within(&s.changes)),
            Matcher::WordsAtLeast(n) => holds(words(s.words, part, whole) >= *n as usize),
            Matcher::WordsBelow(n) => holds(words(s.words, part, whole) < *n as usize),
            Matcher::LatinWordsAtLeast(n) => {
                holds(if whole { s.latin_words } else { super::super::signals::latin_words(part) } >= *n as usize)
            }
            Matcher::CjkCharsAtLeast(n) => {
                holds(if whole { s.cjk_chars } else { super::super::signals::cjk_chars(part) } >= *n as usize)
            }
            Matcher::Structured => {
                let markers = within(&s.structure);
                (markers.len() >= 2).then_some(markers)
            }
            Matcher::Hedged => found(within(&s.hedges)),
            Matcher::Owns => found(within(&s.ownership)),
            Matcher::Defers => found(within(&s.deferrals)),
            Matcher::Trap(id) => env.trap(id, answer),
            Matcher::Var(v, c) => holds(c.holds(env.var(v))),
            Matcher::Visits(n, c) => holds(c.holds(i64::from(env.visits(n)))),
            Matcher::And(ms) => {
                let mut ev = Vec::new();
                for m in ms {
                    ev.extend(reference(m, answer, env, win)?);
                }
                Some(ev)
            }
            Matcher::Or(ms) => ms.iter().find_map(|m| reference(m, answer, env, win)),
            Matcher::Not(m) => holds(reference(m, answer, env, win).is_none()),
            Matcher::Shared(m) => reference(m, answer, env, win),
            Matcher::InSentence(m) => {
                answer.sentences().iter().filter(|r| inside(r)).find_map(|r| reference(m, answer, env, r))
            }
        }
    }

    /// Every detection rule of the bundled catalogue, its phrase lists
    /// joined into one index as the detector joins them.
    fn bundled_rules() -> &'static [Matcher] {
        static RULES: std::sync::LazyLock<Vec<Matcher>> = std::sync::LazyLock::new(|| {
            let (cat, _) = crate::traps::load(None);
            let mut rules: Vec<Matcher> = cat
                .traps
                .iter()
                .flat_map(|t| &t.detect)
                .map(|d| Matcher::compile(&d.when).expect("bundled rule compiles"))
                .collect();
            let mut sets = Vec::new();
            rules.iter_mut().for_each(|m| m.phrase_sets_mut(&mut sets));
            super::super::phrases::PhraseIndex::join(&mut sets).expect("index builds");
            rules
        });
        &RULES
    }

    /// Pieces of text the bundled rules look for: their phrases, the words
    /// of their patterns, negators, quotation marks, figures, Chinese and
    /// accented letters.
    fn pieces() -> Vec<String> {
        let (cat, _) = crate::traps::load(None);
        let mut out: Vec<String> = Vec::new();
        for d in cat.traps.iter().flat_map(|t| &t.detect) {
            d.when.walk(&mut |c| match c {
                Cond::AnyOf(p) | Cond::AllOf(p) | Cond::NoneOf(p) => {
                    out.extend(p.iter().map(|p| p.trim_end_matches('*').to_string()))
                }
                Cond::Regex(r) => out.extend(
                    r.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == ' '))
                        .filter(|w| w.trim().len() > 1 && !w.contains('?'))
                        .map(|w| w.trim().to_string()),
                ),
                _ => {}
            });
        }
        out.sort();
        out.dedup();
        let extra = [
            "no",
            "not",
            "never",
            "don't",
            "cannot",
            "rather than",
            "instead of",
            "doesn't matter",
            "scares",
            "不",
            "没有",
            "没必要",
            "不搞",
            "不是",
            "不仅",
            "非常",
            "无所谓",
            "but",
            "但",
            "31",
            "¥18M",
            "40%",
            "from 40% to 12%",
            "3x",
            "k8s",
            "I",
            "we",
            "my team",
            "maybe",
            "first",
            "second",
            "finally",
            "数据",
            "天",
            "é",
            "naïve",
            "区域",
        ];
        out.extend(extra.iter().map(|s| s.to_string()));
        out
    }

    const SEPARATORS: &[&str] =
        &[" ", " ", " ", ". ", ", ", "; ", "\n", "。", "，", "！", "? ", "'", "\"", "‘", "’", "“", "”", ": ", "", "  "];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Deciding whether a rule holds first, then gathering evidence only
        /// for one that does (stopping at the first match, cheap parts
        /// first, negation verdicts shared between lists), gives exactly
        /// what gathering every part's evidence gave: the same verdict and
        /// the same evidence, for every bundled rule, on text made of what
        /// the rules look for.
        #[test]
        fn deciding_first_gives_what_gathering_everything_gave(
            parts in proptest::collection::vec(
                (proptest::sample::select(pieces()), proptest::sample::select(SEPARATORS)),
                0..60,
            ),
        ) {
            let text: String = parts.iter().flat_map(|(p, s)| [p.as_str(), *s]).collect();
            let answer = Answer::new(&text);
            for (i, m) in bundled_rules().iter().enumerate() {
                let expected = reference(m, &answer, &Traps, &(0..text.len()));
                proptest::prop_assert_eq!(m.holds(&answer, &Traps), expected.is_some(), "rule {}", i);
                proptest::prop_assert_eq!(m.eval(&answer, &Traps), expected, "rule {}", i);
            }
        }
    }

    /// Another trap holds of an answer with an even number of bytes.
    struct Traps;
    impl Env for Traps {
        fn var(&self, _: &str) -> i64 {
            0
        }
        fn visits(&self, _: &str) -> u32 {
            0
        }
        fn trap(&self, _: &str, answer: &Answer) -> Option<Evidence> {
            let first = 0..answer.text.len().min(1);
            answer.text.len().is_multiple_of(2).then(|| Vec::from([first]))
        }
    }

    /// A pattern repeated in a catalogue is compiled once while a rule
    /// holds it, sharing its program and search cache; once no rule does,
    /// it is let go.
    #[test]
    fn a_repeated_pattern_is_compiled_once() {
        let pattern = r#"Regex("(?-u:\\b)repeated-pattern-test(?-u:\\b)")"#;
        let (Matcher::Regex(a), Matcher::Regex(b)) = (m(pattern), m(pattern)) else { panic!("regex matchers") };
        assert!(std::sync::Arc::ptr_eq(&a, &b));
        assert!(a.is_match("a repeated-pattern-test here"));
        let weak = std::sync::Arc::downgrade(&a);
        drop((a, b));
        assert!(weak.upgrade().is_none(), "no rule holds it any more");
    }

    struct Vars;
    impl Env for Vars {
        fn var(&self, name: &str) -> i64 {
            if name == "dodges" { 1 } else { 0 }
        }
        fn visits(&self, _: &str) -> u32 {
            2
        }
        fn trap(&self, id: &str, _: &Answer) -> Option<Evidence> {
            (id == "vague-ask").then(Vec::new)
        }
    }

    #[test]
    fn variables_visits_and_traps_come_from_the_env() {
        let a = Answer::new("");
        assert!(m(r#"Var("dodges", AtLeast(1))"#).eval(&a, &Vars).is_some());
        assert!(m(r#"Var("other", AtLeast(1))"#).eval(&a, &Vars).is_none());
        assert!(m(r#"Visits("intro", Equals(2))"#).eval(&a, &Vars).is_some());
        assert!(m(r#"Trap("vague-ask")"#).eval(&a, &Vars).is_some());
    }
}
