//! What a file adds to the rule language: named conditions, defined once
//! in a `conditions` map and used as `Named("...")`, and extra phrases for
//! the built-in signals, in a `signals` map. A scenario and a trap
//! catalogue each have their own; a [`Compiler`] turns conditions into
//! [`Matcher`]s with one of them in force.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::eval::{Matcher, PatternError};
use super::{Cond, PhraseSet};

/// Named conditions by name.
pub type Conditions = BTreeMap<String, Cond>;
/// Extra phrases by signal name.
pub type SignalPhrases = BTreeMap<String, Vec<String>>;

/// The signals a file may extend with its own phrases, and the condition
/// each one feeds. Only phrase-like signals: a number or a money amount
/// is a pattern, not a list of phrasings.
pub const SIGNALS: [(&str, &str); 3] = [("ownership", "Owns"), ("hedging", "Hedged"), ("deferral", "Defers")];

/// The extensible signal a condition reads, if any.
pub fn signal_of(cond: &Cond) -> Option<&'static str> {
    match cond {
        Cond::Owns => Some("ownership"),
        Cond::Hedged => Some("hedging"),
        Cond::Defers => Some("deferral"),
        _ => None,
    }
}

/// The first cycle among named conditions, as the names around it with the
/// first repeated at the end (`a → b → a`), in name order so the report is
/// stable. A cycle would make a condition stand for itself.
pub fn first_cycle(conditions: &Conditions) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn refs(c: &Cond) -> Vec<&str> {
        let mut out = Vec::new();
        c.walk(&mut |c| {
            if let Cond::Named(n) = c {
                out.push(n.as_str());
            }
        });
        out
    }
    fn visit<'a>(
        name: &'a str,
        defs: &'a Conditions,
        marks: &mut HashMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match marks.get(name) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = path.iter().position(|n| *n == name).unwrap_or(0);
                let mut cycle: Vec<String> = path[from..].iter().map(|s| s.to_string()).collect();
                cycle.push(name.to_string());
                return Some(cycle);
            }
            None => {}
        }
        let (key, def) = defs.get_key_value(name)?;
        marks.insert(key, Mark::Open);
        path.push(key);
        for r in refs(def) {
            if let Some(c) = visit(r, defs, marks, path) {
                return Some(c);
            }
        }
        path.pop();
        marks.insert(key, Mark::Done);
        None
    }
    let mut marks = HashMap::new();
    conditions.keys().find_map(|name| visit(name, conditions, &mut marks, &mut Vec::new()))
}

/// Every name whose definition cannot be compiled: it uses, directly or
/// through other names, a name that is not defined or a cycle. Where
/// [`first_cycle`] reports one cycle for a coach to fix, this finds every
/// name a session could not run.
pub fn unresolvable(conditions: &Conditions) -> std::collections::BTreeSet<&str> {
    fn bad<'a>(
        name: &'a str,
        defs: &'a Conditions,
        open: &mut Vec<&'a str>,
        known: &mut HashMap<&'a str, bool>,
    ) -> bool {
        if let Some(&b) = known.get(name) {
            return b;
        }
        let Some((key, def)) = defs.get_key_value(name) else { return true };
        if open.contains(&name) {
            return true;
        }
        open.push(key);
        let mut refs = Vec::new();
        def.walk(&mut |c| {
            if let Cond::Named(n) = c {
                refs.push(n.as_str());
            }
        });
        let b = refs.into_iter().any(|r| bad(r, defs, open, known));
        open.pop();
        known.insert(key, b);
        b
    }
    let mut known = HashMap::new();
    conditions.keys().map(String::as_str).filter(|n| bad(n, conditions, &mut Vec::new(), &mut known)).collect()
}

static NO_CONDITIONS: Conditions = BTreeMap::new();
static NO_SIGNALS: SignalPhrases = BTreeMap::new();

/// Compiles conditions with a file's named conditions and signal phrases
/// in force. Each named condition (and each extended signal) is compiled
/// once, the first time it is used, and shared by every rule that uses it.
pub struct Compiler<'d> {
    conditions: &'d Conditions,
    signals: &'d SignalPhrases,
    done: HashMap<String, Arc<Matcher>>,
    /// Names being compiled, to refuse a cycle rather than recurse.
    open: Vec<String>,
}

impl<'d> Compiler<'d> {
    pub fn new(conditions: &'d Conditions, signals: &'d SignalPhrases) -> Self {
        Compiler { conditions, signals, done: HashMap::new(), open: Vec::new() }
    }

    /// A compiler with nothing defined: `Named` is an error, signals are built in.
    pub fn plain() -> Compiler<'static> {
        Compiler::new(&NO_CONDITIONS, &NO_SIGNALS)
    }

    /// Compiles `cond`.
    pub fn compile(&mut self, cond: &Cond) -> Result<Matcher, PatternError> {
        Matcher::compile_with(cond, self)
    }

    /// The compiled named condition `name`.
    pub(super) fn named(&mut self, name: &str) -> Result<Matcher, PatternError> {
        if let Some(m) = self.done.get(name) {
            return Ok(Matcher::Shared(m.clone()));
        }
        let def = self.conditions.get(name).ok_or_else(|| PatternError::UnknownCondition(name.to_string()))?;
        if self.open.iter().any(|n| n == name) {
            return Err(PatternError::Cycle(name.to_string()));
        }
        self.open.push(name.to_string());
        let compiled = Matcher::compile_with(def, self);
        self.open.pop();
        let shared = Arc::new(compiled?);
        self.done.insert(name.to_string(), shared.clone());
        Ok(Matcher::Shared(shared))
    }

    /// `built_in`, or when the file extends `signal`, `built_in` or one of
    /// its extra phrases (phrases match the way `AnyOf` does).
    pub(super) fn signal(&mut self, signal: &str, built_in: Matcher) -> Result<Matcher, PatternError> {
        let Some(extra) = self.signals.get(signal).filter(|p| !p.is_empty()) else {
            return Ok(built_in);
        };
        let key = format!("signal:{signal}");
        let phrases = match self.done.get(&key) {
            Some(m) => m.clone(),
            None => {
                let set = PhraseSet::new(extra).map_err(PatternError::Phrases)?;
                let m = Arc::new(Matcher::AnyOf(set));
                self.done.insert(key, m.clone());
                m
            }
        };
        Ok(Matcher::Or(vec![built_in, Matcher::Shared(phrases)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(src: &str) -> Conditions {
        ron::from_str(src).expect("test map parses")
    }

    #[test]
    fn a_named_condition_is_compiled_once_and_shared() {
        let c = defs(r#"{"gave-number": Or([Number, Percent])}"#);
        let signals = SignalPhrases::new();
        let mut compiler = Compiler::new(&c, &signals);
        let a = compiler.compile(&Cond::Named("gave-number".into())).expect("compiles");
        let b = compiler.compile(&Cond::Not(Box::new(Cond::Named("gave-number".into())))).expect("compiles");
        assert!(a.matches("about 40%") && !b.matches("about 40%"));
        match (&a, &b) {
            (Matcher::Shared(x), Matcher::Not(inner)) => match inner.as_ref() {
                Matcher::Shared(y) => assert!(Arc::ptr_eq(x, y)),
                other => panic!("not shared: {other:?}"),
            },
            other => panic!("not shared: {other:?}"),
        }
    }

    #[test]
    fn an_unknown_or_cyclic_name_does_not_compile() {
        let c = defs(r#"{"a": Named("b"), "b": And([Number, Named("a")]), "c": Always}"#);
        let signals = SignalPhrases::new();
        let mut compiler = Compiler::new(&c, &signals);
        assert!(matches!(compiler.compile(&Cond::Named("zz".into())), Err(PatternError::UnknownCondition(_))));
        assert!(matches!(compiler.compile(&Cond::Named("a".into())), Err(PatternError::Cycle(_))));
        assert!(compiler.compile(&Cond::Named("c".into())).is_ok());
        assert_eq!(first_cycle(&c), Some(vec!["a".to_string(), "b".into(), "a".into()]));
        assert_eq!(first_cycle(&defs(r#"{"a": Named("b"), "b": Number}"#)), None);
        assert_eq!(first_cycle(&defs(r#"{"a": Not(Named("a"))}"#)), Some(vec!["a".to_string(), "a".into()]));
        let two = defs(
            r#"{"a": Named("b"), "b": Named("a"), "c": Named("d"), "d": Named("c"), "e": Named("c"), "f": Named("zz"), "g": Number}"#,
        );
        let bad: Vec<&str> = unresolvable(&two).into_iter().collect();
        assert_eq!(bad, ["a", "b", "c", "d", "e", "f"], "every cycle, what leads into one, and unknown names");
    }

    #[test]
    fn extra_signal_phrases_count_as_the_signal() {
        let c = Conditions::new();
        let signals: SignalPhrases = ron::from_str(r#"{"ownership": ["I fixed", "I traced"]}"#).expect("parses");
        let mut compiler = Compiler::new(&c, &signals);
        let owns = compiler.compile(&Cond::Owns).expect("compiles");
        assert!(owns.matches("I traced the leak to the cache"));
        assert!(owns.matches("I led the migration"), "the built-in phrasings still count");
        assert!(!Compiler::plain().compile(&Cond::Owns).expect("compiles").matches("I traced the leak"));
        let blame = compiler
            .compile(&Cond::InSentence(Box::new(Cond::And(vec![
                Cond::AnyOf(vec!["dropped the ball".into()]),
                Cond::Not(Box::new(Cond::Owns)),
            ]))))
            .expect("compiles");
        assert!(blame.matches("I fixed it later. The vendor dropped the ball."));
        assert!(!blame.matches("The vendor dropped the ball and I fixed it."));
    }
}
