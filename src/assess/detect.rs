//! Trap detection: the catalogue's rules compiled once, run on an answer.

use std::sync::{Arc, Mutex};

use super::scorer::{self, Scorer};
use crate::rules::{Answer, Env, Evidence, Matcher};
use crate::traps::Catalogue;

/// `Trap("id")` inside a detection rule may name another trap; this bounds
/// the chain so a cycle in a user catalogue cannot recurse forever.
const MAX_TRAP_DEPTH: usize = 4;

/// A trap one answer fell into, and the words that triggered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: String,
    pub evidence: Evidence,
}

/// A detection rule that does not compile.
#[derive(Debug, thiserror::Error)]
#[error("trap \"{id}\": detection rule {rule} does not compile: {source}")]
pub struct DetectError {
    pub id: String,
    pub rule: usize,
    #[source]
    pub source: crate::rules::PatternError,
}

struct Rule {
    matcher: Matcher,
    competencies: Vec<String>,
}

struct CompiledTrap {
    id: String,
    rules: Vec<Rule>,
    /// The learned scorer judges this trap too: it has the bundled rules
    /// the scorer was trained beside. A scenario that replaces a bundled
    /// trap's rules means something else by it, so only its rules judge.
    scored: bool,
}

/// Every text trap of a catalogue, ready to run.
pub struct Detector {
    traps: Vec<CompiledTrap>,
    /// The learned scorer beside the rules (see [`super::scorer`]).
    scorer: Option<&'static Scorer>,
}

/// A trap the rules found stands only when the scorer gives it at least
/// this probability: below it, the words matched but the answer is not
/// the mistake (a strong answer naming it to reject it, a hard negative).
const CONFIRM: f32 = 0.1;

/// A trap the rules missed is added when the scorer is this sure of it.
const ADD: f32 = 0.7;

/// The scorer adds nothing to an answer shorter than this (words), where
/// character n-grams say too little.
const ADD_MIN_WORDS: usize = 6;

/// Nor does it overrule the rules on an answer shorter than this (Latin
/// words plus CJK characters): a sentence or two is what the rules were
/// written on, and they are precise there; chance matches are a hazard
/// of long answers.
const CONFIRM_MIN_WORDS: usize = 40;

impl Detector {
    pub fn new(cat: &Catalogue) -> Result<Detector, DetectError> {
        let mut traps = Vec::with_capacity(cat.traps.len());
        // One compiler for every rule, so each named condition compiles once.
        let mut compiler = crate::rules::Compiler::new(&cat.conditions, &cat.signals);
        for t in &cat.traps {
            let mut rules = Vec::with_capacity(t.detect.len());
            for (i, d) in t.detect.iter().enumerate() {
                let matcher = compiler.compile(&d.when).map_err(|source| DetectError {
                    id: t.id.clone(),
                    rule: i + 1,
                    source,
                })?;
                rules.push(Rule { matcher, competencies: d.competencies.clone() });
            }
            traps.push(CompiledTrap { id: t.id.clone(), rules, scored: crate::traps::has_bundled_rules(t) });
        }
        // One scan of an answer for every phrase list of the catalogue.
        let mut sets = Vec::new();
        for r in traps.iter_mut().flat_map(|t| t.rules.iter_mut()) {
            r.matcher.phrase_sets_mut(&mut sets);
        }
        crate::rules::phrases::PhraseIndex::join(&mut sets).map_err(|e| DetectError {
            id: "(all)".into(),
            rule: 0,
            source: crate::rules::PatternError::Phrases(e),
        })?;
        Ok(Detector { traps, scorer: Scorer::bundled() })
    }

    /// The detector for `cat`, compiled once per process while the
    /// catalogue stays the same. Compiling takes ~150 ms, and a process
    /// often needs it many times: `sessions` rebuilds every recording, a
    /// replay or playtest compiles its scenario, tests compile dozens.
    pub fn shared(cat: &Catalogue) -> Result<Arc<Detector>, DetectError> {
        static LAST: Mutex<Option<(Catalogue, Arc<Detector>)>> = Mutex::new(None);
        let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((c, d)) = last.as_ref()
            && c == cat
        {
            return Ok(d.clone());
        }
        let d = Arc::new(Detector::new(cat)?);
        *last = Some((cat.clone(), d.clone()));
        Ok(d)
    }

    /// A detector that finds nothing (a last resort when compiling fails).
    pub fn empty() -> Detector {
        Detector { traps: Vec::new(), scorer: None }
    }

    /// Every trap `answer` falls into. `competencies` are the node's tags;
    /// empty means "unknown", and then scoped rules run too.
    pub fn detect(&self, answer: &Answer, competencies: &[String], env: &dyn Env) -> Vec<Finding> {
        self.traps
            .iter()
            .filter_map(|t| {
                let evidence = self.judge(t, answer, competencies, env)?;
                Some(Finding { id: t.id.clone(), evidence })
            })
            .collect()
    }

    /// Whether `answer` falls into trap `id`.
    pub fn check(&self, id: &str, answer: &Answer, competencies: &[String], env: &dyn Env) -> Option<Evidence> {
        let t = self.traps.iter().find(|t| t.id == id)?;
        self.run(t, answer, competencies, env, 0)
    }

    fn run(
        &self,
        t: &CompiledTrap,
        answer: &Answer,
        competencies: &[String],
        env: &dyn Env,
        depth: usize,
    ) -> Option<Evidence> {
        let scoped = ScopedEnv { detector: self, inner: env, competencies, depth: depth + 1 };
        t.rules.iter().filter(|r| in_scope(&r.competencies, competencies)).find_map(|r| r.matcher.eval(answer, &scoped))
    }

    /// A trap as the debrief reports it: the rules' finding weighed by the
    /// learned scorer. Routing (`Trap(...)` in a scenario, [`Detector::check`])
    /// follows the catalogue's rules alone, so what a coach writes is
    /// exactly what branches, and all-paths coverage can reach it.
    fn judge(&self, t: &CompiledTrap, answer: &Answer, competencies: &[String], env: &dyn Env) -> Option<Evidence> {
        // Out of scope for this question: neither rules nor scorer judge it.
        if !t.rules.iter().any(|r| in_scope(&r.competencies, competencies)) {
            return None;
        }
        let by_rules = self.run(t, answer, competencies, env, 0);
        let Some(scorer) = self.scorer.filter(|s| t.scored && s.knows(&t.id)) else { return by_rules };
        let computed;
        let features = match answer.memo(scorer::features) {
            Some(f) => f,
            None => {
                computed = scorer::features(answer.text);
                &computed
            }
        };
        let p = scorer.probability(&t.id, features)?;
        match by_rules {
            Some(evidence) => (p >= CONFIRM || answer.signals.words < CONFIRM_MIN_WORDS).then_some(evidence),
            None if p >= ADD && answer.signals.words >= ADD_MIN_WORDS => best_sentence(scorer, &t.id, answer),
            None => None,
        }
    }
}

/// The evidence for a trap only the scorer found: the sentence it scores
/// highest, so the debrief still quotes the words that made the call.
fn best_sentence(scorer: &Scorer, id: &str, answer: &Answer) -> Option<Evidence> {
    let best = answer
        .sentences()
        .iter()
        .filter_map(|r| Some((r.clone(), scorer.probability(id, &scorer::features(&answer.text[r.clone()]))?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(vec![best.0])
}

/// A rule scoped to competencies runs only on nodes with one of them.
pub fn in_scope(rule: &[String], node: &[String]) -> bool {
    rule.is_empty() || node.is_empty() || rule.iter().any(|c| node.contains(c))
}

/// Answers `Trap("id")` inside detection rules from the same detector.
struct ScopedEnv<'a> {
    detector: &'a Detector,
    inner: &'a dyn Env,
    competencies: &'a [String],
    depth: usize,
}

impl Env for ScopedEnv<'_> {
    fn var(&self, name: &str) -> i64 {
        self.inner.var(name)
    }
    fn visits(&self, node: &str) -> u32 {
        self.inner.visits(node)
    }
    fn trap(&self, id: &str, answer: &Answer) -> Option<Evidence> {
        if self.depth > MAX_TRAP_DEPTH {
            return None;
        }
        let t = self.detector.traps.iter().find(|t| t.id == id)?;
        self.detector.run(t, answer, self.competencies, self.inner, self.depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::NoEnv;

    fn catalogue(src: &str) -> Catalogue {
        crate::traps::parse("test", src).expect("test catalogue parses")
    }

    fn bundled() -> Detector {
        let (cat, _) = crate::traps::load(None);
        Detector::new(&cat).expect("bundled catalogue compiles")
    }

    fn ids(d: &Detector, text: &str) -> Vec<String> {
        d.detect(&Answer::new(text), &[], &NoEnv).into_iter().map(|f| f.id).collect()
    }

    /// A trap of a coach's own is unknown to the scorer: its rules alone
    /// decide, however long the answer.
    #[test]
    fn a_coachs_own_trap_is_judged_by_its_rules_alone() {
        let cat = catalogue(
            r#"Catalogue(traps: [(id: "blames-others", title: "t", why: "w", instead: "i", example: "e",
                detect: [(when: AnyOf(["dropped the ball"]))])])"#,
        );
        let d = Detector::new(&cat).expect("compiles");
        let long = "The other team dropped the ball on the rollout. ".repeat(12);
        assert_eq!(ids(&d, &long), ["blames-others"]);
    }

    /// In a long answer, words a rule looks for that the scorer reads as a
    /// strong answer do not make a finding; in a short one the rules stand.
    #[test]
    fn the_scorer_overrules_chance_matches_in_long_answers_only() {
        let d = bundled();
        let short = "那月薪5万吧，我现在是4万2，涨个两成左右应该算合理。";
        assert!(!ids(&d, short).is_empty(), "a short answer keeps what the rules found");
        // Over the corpus's long strong answers, some rule matches words
        // that the scorer reads as a strong answer; those are overruled.
        let mut overruled = 0;
        for path in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus")).expect("corpus") {
            let src = std::fs::read_to_string(path.expect("entry").path()).expect("read");
            let Some(strong) = src.split("strong: [").nth(1) else { continue };
            for text in strong.split("\",\n").map(|t| t.trim().trim_matches('"')) {
                let a = Answer::new(text);
                if a.signals.words < CONFIRM_MIN_WORDS {
                    continue;
                }
                let found = ids(&d, text);
                overruled += d
                    .traps
                    .iter()
                    .filter(|t| d.check(&t.id, &a, &[], &NoEnv).is_some() && !found.contains(&t.id))
                    .count();
            }
        }
        assert!(overruled >= 5, "only {overruled} chance matches overruled");
    }

    /// A finding only the scorer made quotes the sentence it scored highest.
    #[test]
    fn a_scorer_finding_quotes_its_sentence() {
        let d = bundled();
        let text = "I ran the pricing revamp for our storage line last year across about two hundred enterprise \
            customers. Honestly the results were really great, customers were much happier and margins went up \
            quite a bit, though I don't have the exact figures with me right now.";
        let a = Answer::new(text);
        for f in d.detect(&a, &[], &NoEnv) {
            assert!(!f.evidence.is_empty(), "{} has no evidence", f.id);
            for r in &f.evidence {
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end);
            }
        }
        assert!(d.detect(&a, &[], &NoEnv).iter().any(|f| f.id == "unquantified-impact"));
    }

    #[test]
    fn scoped_rules_only_narrow() {
        let cat = catalogue(
            r#"Catalogue(traps: [(id: "k8s", title: "t", why: "w", instead: "i", example: "e",
                detect: [(when: AnyOf(["kubernetes"]), competencies: ["billing"])])])"#,
        );
        let d = Detector::new(&cat).expect("compiles");
        let a = Answer::new("I led the Kubernetes migration");
        assert_eq!(d.detect(&a, &["billing".into()], &NoEnv).len(), 1);
        assert_eq!(d.detect(&a, &["negotiation".into()], &NoEnv).len(), 0);
        assert_eq!(d.detect(&a, &[], &NoEnv).len(), 1);
    }

    #[test]
    fn trap_cycles_terminate() {
        let cat = catalogue(
            r#"Catalogue(traps: [
                (id: "a", title: "t", why: "w", instead: "i", example: "e", detect: [(when: Trap("b"))]),
                (id: "b", title: "t", why: "w", instead: "i", example: "e", detect: [(when: Trap("a"))]),
            ])"#,
        );
        let d = Detector::new(&cat).expect("compiles");
        assert!(d.detect(&Answer::new("x"), &[], &NoEnv).is_empty());
    }

    /// The regex crate's fast engine (a lazy DFA) cannot decide a Unicode
    /// word boundary next to non-ASCII text: it gives up and the whole
    /// search runs again in the slow one. One bundled pattern with a `\b`
    /// took 9 ms on 100 KB of Chinese, more than every other rule together
    /// (issue 11 item 7). Bundled patterns use `(?-u:\b)` beside Latin
    /// words, or spell the boundary out.
    #[test]
    fn no_bundled_regex_makes_the_fast_engine_give_up_on_non_ascii_text() {
        let (cat, _) = crate::traps::load(None);
        let mut unicode_boundaries = Vec::new();
        for t in &cat.traps {
            for d in &t.detect {
                d.when.walk(&mut |c| {
                    if let crate::rules::Cond::Regex(p) = c {
                        let hir = regex_syntax::ParserBuilder::new()
                            .case_insensitive(true)
                            .build()
                            .parse(p)
                            .expect("bundled pattern parses");
                        if hir.properties().look_set().contains_word_unicode() {
                            unicode_boundaries.push(format!("{}: {p}", t.id));
                        }
                    }
                });
            }
        }
        assert!(unicode_boundaries.is_empty(), "{unicode_boundaries:#?}");
    }

    /// The place-word pattern of ignores-data-jurisdiction lost its `\b`
    /// for a non-word character (see the test above); it finds exactly
    /// what it found before, next to Chinese and accented letters too.
    #[test]
    fn the_place_word_pattern_finds_what_it_found_with_a_word_boundary() {
        let tail = r#"(?:doesn't|does not|don't|do not|won't|will not|wouldn't|isn't|is not|not)\s+(?:really\s+)?(?:a\s+)?(?:big\s+|real\s+|major\s+|huge\s+)?(?:matter|care|concern|issue|problem|priority|important|deal)"#;
        let head = r#"(?-u:\b)(?:where|location|geography|which region|what region|region)"#;
        let before = crate::rules::build_regex(&format!(r"{head}\b[^.;!?]{{0,40}}{tail}")).expect("compiles");
        let after = crate::rules::build_regex(&format!(r"{head}[^\w.;!?][^.;!?]{{0,39}}{tail}")).expect("compiles");
        for text in [
            "the region doesn't matter",
            "region数据 doesn't matter",
            "regioné not a concern",
            "Region, honestly, is not a big deal",
            "where it sits won't matter. region isn't a problem",
            "regionnot matter",
            "where不 matter",
            "location\u{00A0}does not matter",
            "region — 这个 doesn't really matter at all",
            "geography x not an issue, where: not a priority",
            &format!("where {} not important", "y".repeat(38)),
            &format!("where {} not important", "y".repeat(39)),
            &format!("where {} not important", "y".repeat(40)),
        ] {
            let found = |re: &regex::Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(found(&before), found(&after), "{text}");
        }
        let (cat, _) = crate::traps::load(None);
        assert!(format!("{cat:?}").contains(r"region)[^\\w.;!?][^.;!?]{0,39}"), "the catalogue holds the new form");
    }

    /// Issue 11 item 7: the negation checks scanned the whole clause for
    /// every match, and with no punctuation the clause is the whole answer:
    /// 100 KB took ten seconds, 300 KB (here) minutes. Linear now, it takes
    /// well under a second; the timeout is generous for a loaded machine.
    #[test]
    fn every_rule_on_a_long_unpunctuated_answer_finishes_promptly() {
        let unit = "we did not commit to a monthly amount and legal would handle the residency map with no \
                    commitments utilisation doesn't matter 我们没有做预付也不搞承诺 利用率低一点没关系 ";
        let text = unit.repeat(300_000 / unit.len());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let (cat, _) = crate::traps::load(None);
            let d = Detector::new(&cat).expect("catalogue compiles");
            let _ = tx.send(d.detect(&Answer::new(&text), &[], &NoEnv).len());
        });
        // Finishing in time is the point; what it finds in a nonsense
        // repetition does not matter.
        let _found = rx.recv_timeout(std::time::Duration::from_secs(120)).expect("detection finishes within 2 minutes");
    }
}
