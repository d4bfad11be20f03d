//! Compiled conditions and their evaluation. A [`Matcher`] is a [`Cond`]
//! with its phrases and regexes compiled once, at load time, so answering a
//! question never compiles a pattern.

use std::ops::Range;

use regex::Regex;

use super::negation::{negated, rejected};
use super::phrases::{Normalised, PhraseSet, Scan};
use super::signals::{Signals, analyse};
use super::{Cmp, Cond, build_regex};

/// The words that made a condition true: byte ranges into the answer. A
/// condition can hold with no evidence (e.g. `Not(Money)`).
pub type Evidence = Vec<Range<usize>>;

/// One answer, analysed once and shared by every rule that looks at it.
#[derive(Debug)]
pub struct Answer<'a> {
    pub text: &'a str,
    pub signals: Signals,
    /// The text as phrase lists match it, normalised once for all of them.
    normalised: Normalised,
    /// Scans by phrase index (its id, what it found), made on first use.
    scans: std::sync::Mutex<Vec<(usize, std::sync::Arc<Scan>)>>,
}

impl Clone for Answer<'_> {
    fn clone(&self) -> Self {
        Answer::new(self.text)
    }
}

impl<'a> Answer<'a> {
    pub fn new(text: &'a str) -> Self {
        Answer { text, signals: analyse(text), normalised: Normalised::new(text), scans: Default::default() }
    }

    /// What `set` finds in the answer: from its index's one scan of the
    /// answer (made once, then shared by every list of the index), or by
    /// itself when it is in no index.
    fn matches(&self, set: &PhraseSet) -> Vec<Range<usize>> {
        let Some((index, list)) = set.slot() else { return set.find_in(&self.normalised) };
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
        scan.get(list).cloned().unwrap_or_default()
    }
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

/// The matches of `set` in `text` that `drop` does not discard: `negated`
/// for `NoneOf`, the narrower `rejected` for `AnyOf`.
fn kept(answer: &Answer, set: &PhraseSet, drop: fn(&str, Range<usize>) -> bool) -> Vec<Range<usize>> {
    answer.matches(set).into_iter().filter(|r| !drop(answer.text, r.clone())).collect()
}

/// A compiled [`Cond`].
#[derive(Debug, Clone)]
pub enum Matcher {
    Always,
    AnyOf(PhraseSet),
    AllOf(Vec<PhraseSet>),
    NoneOf(PhraseSet),
    Regex(Regex),
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
}

impl Matcher {
    /// Compiles `cond`; fails only on a regex that does not compile.
    pub fn compile(cond: &Cond) -> Result<Matcher, PatternError> {
        let all = |cs: &[Cond]| cs.iter().map(Matcher::compile).collect::<Result<Vec<_>, _>>();
        Ok(match cond {
            Cond::Always => Matcher::Always,
            Cond::AnyOf(p) => Matcher::AnyOf(phrase_set(p)?),
            Cond::AllOf(p) => {
                Matcher::AllOf(p.iter().map(|p| phrase_set(std::slice::from_ref(p))).collect::<Result<_, _>>()?)
            }
            Cond::NoneOf(p) => Matcher::NoneOf(phrase_set(p)?),
            Cond::Regex(r) => Matcher::Regex(build_regex(r)?),
            Cond::Number => Matcher::Number,
            Cond::Percent => Matcher::Percent,
            Cond::Money => Matcher::Money,
            Cond::Change => Matcher::Change,
            Cond::WordsAtLeast(n) => Matcher::WordsAtLeast(*n),
            Cond::WordsBelow(n) => Matcher::WordsBelow(*n),
            Cond::LatinWordsAtLeast(n) => Matcher::LatinWordsAtLeast(*n),
            Cond::CjkCharsAtLeast(n) => Matcher::CjkCharsAtLeast(*n),
            Cond::Structured => Matcher::Structured,
            Cond::Hedged => Matcher::Hedged,
            Cond::Owns => Matcher::Owns,
            Cond::Defers => Matcher::Defers,
            Cond::Trap(t) => Matcher::Trap(t.clone()),
            Cond::Var(v, c) => Matcher::Var(v.clone(), *c),
            Cond::Visits(n, c) => Matcher::Visits(n.clone(), *c),
            Cond::And(cs) => Matcher::And(all(cs)?),
            Cond::Or(cs) => Matcher::Or(all(cs)?),
            Cond::Not(c) => Matcher::Not(Box::new(Matcher::compile(c)?)),
        })
    }

    /// `Some(evidence)` when the condition holds of `answer` in `env`.
    pub fn eval(&self, answer: &Answer, env: &dyn Env) -> Option<Evidence> {
        let s = &answer.signals;
        let text = answer.text;
        let found = |spans: &[Range<usize>]| (!spans.is_empty()).then(|| spans.to_vec());
        let holds = |b: bool| b.then(Vec::new);
        match self {
            Matcher::Always => Some(Vec::new()),
            // "Not a firefight", "不是去 hack 驱动": a phrase named to reject
            // it is not said.
            Matcher::AnyOf(set) => found(&kept(answer, set, rejected)),
            Matcher::Regex(re) => found(&re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>()),
            Matcher::AllOf(sets) => {
                let mut ev = Vec::new();
                for set in sets {
                    ev.push(answer.matches(set).into_iter().next()?);
                }
                Some(ev)
            }
            // A strong answer's ingredient named only to reject it ("no
            // commitments", "不搞预付") is not there.
            Matcher::NoneOf(set) => holds(kept(answer, set, negated).is_empty()),
            Matcher::Number => found(&s.numbers),
            Matcher::Percent => found(&s.percents),
            Matcher::Money => found(&s.money),
            Matcher::Change => found(&s.changes),
            Matcher::WordsAtLeast(n) => holds(s.words >= *n as usize),
            Matcher::WordsBelow(n) => holds(s.words < *n as usize),
            Matcher::LatinWordsAtLeast(n) => holds(s.latin_words >= *n as usize),
            Matcher::CjkCharsAtLeast(n) => holds(s.cjk_chars >= *n as usize),
            Matcher::Structured => s.structured().then(|| s.structure.clone()),
            Matcher::Hedged => found(&s.hedges),
            Matcher::Owns => found(&s.ownership),
            Matcher::Defers => found(&s.deferrals),
            Matcher::Trap(id) => env.trap(id, answer),
            Matcher::Var(v, c) => holds(c.holds(env.var(v))),
            Matcher::Visits(n, c) => holds(c.holds(i64::from(env.visits(n)))),
            Matcher::And(ms) => {
                let mut ev = Vec::new();
                for m in ms {
                    ev.extend(m.eval(answer, env)?);
                }
                Some(ev)
            }
            Matcher::Or(ms) => ms.iter().find_map(|m| m.eval(answer, env)),
            Matcher::Not(m) => holds(m.eval(answer, env).is_none()),
        }
    }

    /// Every phrase list in the condition, to join them into one index.
    pub fn phrase_sets_mut<'m>(&'m mut self, out: &mut Vec<&'m mut PhraseSet>) {
        match self {
            Matcher::AnyOf(set) | Matcher::NoneOf(set) => out.push(set),
            Matcher::AllOf(sets) => out.extend(sets.iter_mut()),
            Matcher::And(ms) | Matcher::Or(ms) => ms.iter_mut().for_each(|m| m.phrase_sets_mut(out)),
            Matcher::Not(m) => m.phrase_sets_mut(out),
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
