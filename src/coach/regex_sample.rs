//! Example texts a coach's `Regex(...)` matches, so the all-paths playtest
//! can write an answer that takes a regex rule. The pattern is parsed the
//! way rules compile it (case-insensitive, Unicode) and walked: each
//! alternation contributes its branches, an optional part is tried absent
//! first, and a character class is stood in for by a plain character
//! (a space, a lowercase letter or a digit where it allows one).
//!
//! These are candidates only: the synthesiser always checks a text against
//! the real compiled rules before using it.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Up to `max` distinct texts `pattern` matches; empty when it does not parse.
pub fn samples(pattern: &str, max: usize) -> Vec<String> {
    let mut parser = regex_syntax::ParserBuilder::new().case_insensitive(true).unicode(true).build();
    let Ok(hir) = parser.parse(pattern) else {
        return Vec::new();
    };
    let mut out = walk(&hir, max.max(1), 0);
    out.retain(|s| !s.trim().is_empty());
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.clone()));
    out.truncate(max);
    out
}

/// Deeper nesting than this stands for the empty string: the rule language
/// caps nesting already; this only keeps a pathological pattern cheap.
const MAX_DEPTH: usize = 64;

fn walk(h: &Hir, max: usize, depth: usize) -> Vec<String> {
    if depth > MAX_DEPTH {
        return vec![String::new()];
    }
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![String::new()],
        HirKind::Literal(lit) => vec![String::from_utf8_lossy(&lit.0).into_owned()],
        HirKind::Class(class) => vec![stand_in(class).map(String::from).unwrap_or_default()],
        HirKind::Capture(c) => walk(&c.sub, max, depth + 1),
        HirKind::Repetition(r) => {
            let sub = walk(&r.sub, max, depth + 1);
            let times = r.min.min(16) as usize;
            let mut out: Vec<String> = sub.iter().map(|s| s.repeat(times)).collect();
            if times == 0 {
                // Absent first, then once: "hot ?fix" gives "hotfix", "hot fix".
                out = std::iter::once(String::new()).chain(sub).collect();
            }
            out.truncate(max);
            out
        }
        HirKind::Concat(parts) => {
            let mut acc = vec![String::new()];
            for p in parts {
                let next = walk(p, max, depth + 1);
                let mut grown = Vec::with_capacity(acc.len().min(max));
                'outer: for a in &acc {
                    for n in &next {
                        grown.push(format!("{a}{n}"));
                        if grown.len() >= max {
                            break 'outer;
                        }
                    }
                }
                acc = grown;
            }
            acc
        }
        HirKind::Alternation(alts) => {
            // Round-robin so every branch gets a sample before any gets two.
            let lists: Vec<Vec<String>> = alts.iter().map(|a| walk(a, max, depth + 1)).collect();
            let mut out = Vec::new();
            let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
            for i in 0..longest {
                for l in &lists {
                    if let Some(s) = l.get(i) {
                        out.push(s.clone());
                    }
                }
            }
            out.truncate(max);
            out
        }
    }
}

/// A plain character in the class: a space, else a lowercase ASCII letter,
/// else a digit, else its first printable character.
fn stand_in(class: &Class) -> Option<char> {
    let ranges: Vec<(char, char)> = match class {
        Class::Unicode(u) => u.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        Class::Bytes(b) => b.ranges().iter().map(|r| (char::from(r.start()), char::from(r.end()))).collect(),
    };
    let has = |c: char| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
    if has(' ') {
        return Some(' ');
    }
    if let Some(c) = ('a'..='z').chain('0'..='9').find(|&c| has(c)) {
        return Some(c);
    }
    ranges.iter().find_map(|&(lo, hi)| {
        let lo = if lo < '!' { '!' } else { lo };
        (lo <= hi).then_some(lo).filter(|c| !crate::text::is_hazard(*c) && !c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches_all(pattern: &str) {
        let re = crate::rules::build_regex(pattern).expect("compiles");
        let got = samples(pattern, 16);
        assert!(!got.is_empty(), "no samples for {pattern}");
        for s in &got {
            assert!(re.is_match(s), "{pattern} does not match its sample {s:?}");
        }
    }

    #[test]
    fn samples_match_their_pattern() {
        matches_all(r"\bpatch|hot ?fix|upgrade (the|our) system|打补丁");
        matches_all(r"(^|[^a-z])(rsus?|tc|p\d{1,2})([^a-z]|$)");
        matches_all(r"[0-9]{2,}");
        matches_all(r"\bgrad(e|ed|ing)\b|\btag|de-?identif|分类分级");
        matches_all(r"gr[ae]y[- ]market|smuggl");
    }

    #[test]
    fn every_branch_of_an_alternation_is_sampled() {
        let got = samples("shadow|pathway|影子", 8);
        assert_eq!(got, ["shadow", "pathway", "影子"]);
    }

    #[test]
    fn an_invalid_pattern_has_no_samples() {
        assert!(samples("(unclosed", 4).is_empty());
    }
}
