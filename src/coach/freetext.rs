//! Writing a free-text answer that takes a chosen branch: the rule the
//! coach wrote must be the *first* rule that holds (or, for the default,
//! none may hold), in the session's current state.
//!
//! The wanted outcome is a condition: "rule i, and not rules 0..i". It is
//! put in disjunctive normal form, so each term is a list of atomic
//! conditions, each wanted true or false. A term is turned into texts:
//! one fragment per wanted-true atom (a phrase of an `AnyOf`, all phrases
//! of an `AllOf`, a sample of a `Regex`, `¥18M` for `Money`, "from 40% to
//! 12%" for `Change`, markers for `Structured`…), joined, then padded with
//! neutral words to any length the term needs. `Trap(id)` is replaced by
//! the catalogue trap's own detect rules. Atoms wanted false are not
//! planned for: every candidate is checked against the real compiled rules
//! in the real session state, which is the only judge. `Var` and `Visits`
//! atoms cannot be changed by the text; a term whose variables do not hold
//! in this state is skipped, and the path explorer reaches the node again
//! in other states.

use crate::rules::{self, Cond, Env};
use crate::scenario::Answer;
use crate::session::State;
use crate::traps::Catalogue;

/// An atomic condition, wanted true or false.
#[derive(Debug, Clone, Copy)]
struct Lit<'c> {
    cond: &'c Cond,
    want: bool,
}

type Term<'c> = Vec<Lit<'c>>;

/// At most this many DNF terms are kept; the rest are dropped.
const MAX_TERMS: usize = 512;
/// `Trap(id)` inside a trap's detect rules is expanded this deep at most.
const MAX_TRAP_DEPTH: usize = 3;
/// Fragment combinations tried per term.
const COMBOS_PER_TERM: usize = 48;
/// Candidate texts checked per synthesis, at most.
const MAX_CHECKS: usize = 4000;
/// Samples taken of each regex.
const REGEX_SAMPLES: usize = 12;

/// Neutral Latin padding: no signal, phrase or structure marker in it.
const LATIN_FILLER: &[&str] = &[
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "eiusmod",
    "tempor",
    "incididunt",
    "labore",
    "dolore",
    "magna",
    "aliqua",
];
/// Neutral CJK padding (the celestial stems).
const CJK_FILLER: &[char] = &['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// Where the answer should lead: the first rule that holds must be
/// `Some(i)`, or `None` for the default.
pub type Target = Option<usize>;

/// A text that makes the current FreeText question of `s` leave by
/// `target`, or `None` when none was found in this state.
pub fn solve(s: &State, target: Target) -> Option<String> {
    let Answer::FreeText { rules, .. } = &s.current().answer else {
        return None;
    };
    let mut wanted: Vec<Lit> = Vec::new();
    let upto = target.unwrap_or(rules.len()).min(rules.len());
    if let Some(i) = target {
        wanted.push(Lit { cond: &rules.get(i)?.when, want: true });
    }
    wanted.extend(rules[..upto].iter().map(|r| Lit { cond: &r.when, want: false }));
    let dnf = Dnf {
        catalogue: &s.compiled.catalogue,
        conditions: &s.compiled.scenario.conditions,
        competencies: &s.current().competencies,
    };
    let env = s;
    let mut terms = product(wanted.iter().map(|l| dnf.of(l.cond, l.want, 0)));
    terms.retain(|t| consistent(t) && state_allows(t, env));
    terms.sort_by_cached_key(|t| t.iter().filter(|l| fragments(l).is_some()).count());
    let checks = std::cell::Cell::new(0usize);
    let mut check = |text: &str| {
        checks.set(checks.get() + 1);
        first_rule(s, text) == target
    };
    for term in &terms {
        if checks.get() >= MAX_CHECKS {
            break;
        }
        if let Some(text) = try_term(term, &mut check) {
            return Some(text);
        }
    }
    fallbacks(s).into_iter().find(|t| check(t))
}

/// The index of the first rule of the current question that holds of
/// `text` in state `s`: exactly what the session core computes on submit.
pub fn first_rule(s: &State, text: &str) -> Option<usize> {
    let answer = rules::Answer::new(text);
    let env = s;
    s.compiled.rules(s.node).iter().position(|m| m.eval(&answer, env).is_some())
}

/// Expands conditions into DNF terms, `Trap(id)` into its detect rules.
struct Dnf<'c> {
    catalogue: &'c Catalogue,
    /// The scenario's named conditions; inside a trap's rules (depth > 0)
    /// names are the catalogue's.
    conditions: &'c rules::Conditions,
    competencies: &'c [String],
}

/// `Named` references are expanded this deep at most (`check` refuses
/// cycles; this bounds a scenario that skipped it).
const MAX_NAMED_DEPTH: usize = 32;

impl<'c> Dnf<'c> {
    fn of(&self, c: &'c Cond, want: bool, depth: usize) -> Vec<Term<'c>> {
        self.of_named(c, want, depth, 0)
    }

    fn of_named(&self, c: &'c Cond, want: bool, depth: usize, named: usize) -> Vec<Term<'c>> {
        if let Cond::Named(n) = c {
            let defs = if depth == 0 { self.conditions } else { &self.catalogue.conditions };
            return match defs.get(n) {
                Some(def) if named < MAX_NAMED_DEPTH => self.of_named(def, want, depth, named + 1),
                _ => Vec::new(),
            };
        }
        let of = |c: &'c Cond, want: bool, depth: usize| self.of_named(c, want, depth, named);
        match (c, want) {
            (Cond::Not(inner), _) => of(inner, !want, depth),
            // An answer of one sentence meets a sentence-scoped condition
            // exactly when it meets the condition.
            (Cond::InSentence(inner), _) => of(inner, want, depth),
            (Cond::And(cs), true) | (Cond::Or(cs), false) => product(cs.iter().map(|c| of(c, want, depth))),
            (Cond::Or(cs), true) | (Cond::And(cs), false) => {
                let mut out = Vec::new();
                for c in cs {
                    out.extend(of(c, want, depth));
                    if out.len() >= MAX_TERMS {
                        out.truncate(MAX_TERMS);
                        break;
                    }
                }
                out
            }
            (Cond::Trap(id), true) if depth < MAX_TRAP_DEPTH => {
                let Some(trap) = self.catalogue.get(id) else { return Vec::new() };
                let in_scope = |d: &&crate::traps::Detect| {
                    d.competencies.is_empty()
                        || self.competencies.is_empty()
                        || d.competencies.iter().any(|c| self.competencies.contains(c))
                };
                let mut out = Vec::new();
                for d in trap.detect.iter().filter(in_scope) {
                    out.extend(of(&d.when, true, depth + 1));
                }
                out.truncate(MAX_TERMS);
                out
            }
            _ => vec![vec![Lit { cond: c, want }]],
        }
    }
}

/// Every way of picking one term from each list, concatenated; at most
/// [`MAX_TERMS`]. An empty list makes the product empty (impossible).
fn product<'c>(lists: impl Iterator<Item = Vec<Term<'c>>>) -> Vec<Term<'c>> {
    let mut acc: Vec<Term<'c>> = vec![Vec::new()];
    for list in lists {
        let mut next = Vec::with_capacity(acc.len().saturating_mul(list.len()).min(MAX_TERMS));
        'outer: for a in &acc {
            for t in &list {
                let mut joined = a.clone();
                joined.extend_from_slice(t);
                next.push(joined);
                if next.len() >= MAX_TERMS {
                    break 'outer;
                }
            }
        }
        acc = next;
        if acc.is_empty() {
            break;
        }
    }
    acc
}

/// A term that wants one condition both true and false cannot hold.
fn consistent(t: &Term) -> bool {
    !t.iter().any(|a| a.want && t.iter().any(|b| !b.want && a.cond == b.cond))
        && !t.iter().any(|l| matches!(l.cond, Cond::Always) && !l.want)
}

/// `Var` and `Visits` atoms are facts of the state, not of the text.
fn state_allows(t: &Term, env: &State) -> bool {
    t.iter().all(|l| match l.cond {
        Cond::Var(v, cmp) => cmp.holds(env.var(v)) == l.want,
        Cond::Visits(n, cmp) => cmp.holds(i64::from(env.visits(n))) == l.want,
        _ => true,
    })
}

/// The fragments that make a wanted-true atom hold, or `None` when the
/// atom needs no fragment (a length, a state fact, an atom wanted false).
fn fragments(l: &Lit) -> Option<Vec<String>> {
    let list = |xs: &[&str]| Some(xs.iter().map(|s| s.to_string()).collect());
    match (l.cond, l.want) {
        (Cond::AnyOf(ps), true) | (Cond::NoneOf(ps), false) => Some(ps.iter().map(|p| phrase_text(p)).collect()),
        (Cond::AllOf(ps), true) => Some(vec![ps.iter().map(|p| phrase_text(p)).collect::<Vec<_>>().join(" ")]),
        (Cond::Regex(r), true) => Some(super::regex_sample::samples(r, REGEX_SAMPLES)),
        (Cond::Number, true) => list(&["42", "3.5"]),
        (Cond::Percent, true) => list(&["12%", "百分之十二"]),
        (Cond::Money, true) => list(&["¥18M", "$50K", "120万元"]),
        (Cond::Change, true) => list(&["from 40% to 12%", "从3天降到1天", "cut the cost by 30%"]),
        (Cond::Structured, true) => list(&["First, A. Second, B.", "首先，甲。其次，乙。", "1. A\n2. B\n"]),
        (Cond::Hedged, true) => list(&["maybe", "I think", "可能"]),
        (Cond::Owns, true) => list(&["I built it", "I led it", "我负责"]),
        (Cond::Defers, true) => {
            list(&["legal will handle it", "the sales team will handle it", "they will handle it", "交给法务"])
        }
        _ => None,
    }
}

/// A phrase as plain text: its trailing stem `*` dropped (the stem alone
/// matches), spaces kept single.
fn phrase_text(p: &str) -> String {
    let p = p.trim();
    let p = p.strip_suffix('*').unwrap_or(p);
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Length bounds a term asks for.
#[derive(Debug, Default)]
struct Lengths {
    words: usize,
    latin: usize,
    cjk: usize,
}

fn lengths(t: &Term) -> Lengths {
    let mut min = Lengths::default();
    for l in t {
        match (l.cond, l.want) {
            (Cond::WordsAtLeast(n), true) | (Cond::WordsBelow(n), false) => min.words = min.words.max(*n as usize),
            (Cond::LatinWordsAtLeast(n), true) => min.latin = min.latin.max(*n as usize),
            (Cond::CjkCharsAtLeast(n), true) => min.cjk = min.cjk.max(*n as usize),
            _ => {}
        }
    }
    min
}

/// Tries the term's fragment combinations, each padded in Latin then in
/// CJK filler, until `check` accepts one.
fn try_term(term: &Term, check: &mut impl FnMut(&str) -> bool) -> Option<String> {
    let options: Vec<Vec<String>> = term.iter().filter_map(fragments).collect();
    if options.iter().any(Vec::is_empty) {
        return None;
    }
    let min = lengths(term);
    let total: usize = options.iter().map(Vec::len).try_fold(1usize, |a, n| a.checked_mul(n)).unwrap_or(usize::MAX);
    for combo in 0..total.min(COMBOS_PER_TERM) {
        // Mixed radix: the first atom's options vary fastest.
        let mut rest = combo;
        let parts: Vec<&str> = options
            .iter()
            .map(|o| {
                let pick = &o[rest % o.len()];
                rest /= o.len();
                pick.as_str()
            })
            .collect();
        let base = parts.join(". ");
        for cjk in [false, true] {
            let text = pad(&base, &min, cjk);
            if check(&text) {
                return Some(text);
            }
        }
    }
    None
}

/// `base` with neutral filler appended until it is long enough.
fn pad(base: &str, min: &Lengths, cjk_words: bool) -> String {
    let have = rules::signals::analyse(base);
    let mut latin_needed = min.latin.saturating_sub(have.latin_words);
    let mut cjk_needed = min.cjk.saturating_sub(have.cjk_chars);
    let words_short = min.words.saturating_sub(have.words + latin_needed + cjk_needed);
    if cjk_words {
        cjk_needed += words_short;
    } else {
        latin_needed += words_short;
    }
    if latin_needed == 0 && cjk_needed == 0 {
        return base.to_string();
    }
    let mut text = base.to_string();
    if !text.is_empty() {
        text.push_str(". ");
    }
    let latin: Vec<&str> = LATIN_FILLER.iter().copied().cycle().take(latin_needed).collect();
    text.push_str(&latin.join(" "));
    if latin_needed > 0 && cjk_needed > 0 {
        text.push(' ');
    }
    text.extend(CJK_FILLER.iter().cycle().take(cjk_needed));
    text
}

/// Texts worth a try when no term worked: what the coach wrote as a strong
/// answer, the talking points, and the catalogue's example answers (the
/// question's own traps first), and an empty answer.
fn fallbacks(s: &State) -> Vec<String> {
    let node = s.current();
    let cat = &s.compiled.catalogue;
    let mut out: Vec<String> = vec![String::new()];
    out.extend(node.model_answer.clone());
    if !node.talking_points.is_empty() {
        out.push(node.talking_points.join(". "));
    }
    out.extend(node.traps.iter().filter_map(|t| cat.get(t)).map(|t| t.example.clone()));
    out.extend(cat.traps.iter().map(|t| t.example.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filler_trips_no_signal() {
        let text = pad("", &Lengths { words: 0, latin: 80, cjk: 160 }, false);
        let s = rules::signals::analyse(&text);
        assert!(s.latin_words >= 80 && s.cjk_chars >= 160, "{s:?}");
        assert!(s.numbers.is_empty() && s.structure.is_empty() && s.hedges.is_empty());
        assert!(s.ownership.is_empty() && s.deferrals.is_empty() && s.money.is_empty());
    }

    #[test]
    fn stems_lose_their_star() {
        assert_eq!(phrase_text(" rsu* "), "rsu");
        assert_eq!(phrase_text("legal   team"), "legal team");
    }

    #[test]
    fn every_fixed_fragment_trips_its_signal() {
        let cases: &[(Cond, &[&str])] = &[
            (Cond::Number, &["42", "3.5"]),
            (Cond::Percent, &["12%", "百分之十二"]),
            (Cond::Money, &["¥18M", "$50K", "120万元"]),
            (Cond::Change, &["from 40% to 12%", "从3天降到1天", "cut the cost by 30%"]),
            (Cond::Structured, &["First, A. Second, B.", "首先，甲。其次，乙。", "1. A\n2. B\n"]),
            (Cond::Hedged, &["maybe", "I think", "可能"]),
            (Cond::Owns, &["I built it", "I led it", "我负责"]),
            (
                Cond::Defers,
                &["legal will handle it", "the sales team will handle it", "they will handle it", "交给法务"],
            ),
        ];
        for (cond, texts) in cases {
            let m = rules::Matcher::compile(cond).expect("compiles");
            let got = fragments(&Lit { cond, want: true }).expect("has fragments");
            assert_eq!(&got, texts);
            for t in *texts {
                assert!(m.matches(t), "{cond:?} does not hold of {t:?}");
            }
        }
    }
}
