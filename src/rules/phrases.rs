//! Phrase lists (`AnyOf`, `AllOf`, `NoneOf`) matched with one Aho-Corasick
//! automaton instead of a regex alternation: the trap catalogue holds
//! hundreds of phrases, and as case-insensitive Unicode regexes they cost
//! ~150 ms and ~15 MB to compile; an automaton costs a fraction of either.
//!
//! Semantics (the rule language's): ASCII letters match in any case; runs
//! of whitespace in the text match a single space in a phrase; a phrase
//! that starts (ends) with a Latin letter or digit must start (end) on a
//! word boundary; a trailing `*` makes the last word a stem, so `patch*`
//! matches "patching"; Chinese phrases match anywhere.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// One phrase's edges.
#[derive(Debug, Clone, Copy)]
struct Edges {
    /// Must not follow a word character.
    start: bool,
    /// Must not be followed by a word character (not for stems).
    end: bool,
    /// Extend the match over the rest of the word.
    stem: bool,
}

/// A compiled phrase list.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    ac: AhoCorasick,
    edges: Vec<Edges>,
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_stem_char(c: char) -> bool {
    c.is_alphanumeric() && !crate::rules::signals::is_cjk(c) || c == '\'' || c == '-'
}

/// A text with whitespace runs made single spaces, as phrases are matched
/// against it. Built once per answer and shared by every phrase list: a
/// catalogue holds over a hundred lists, and normalising the text for
/// each cost as much as matching it.
#[derive(Debug, Clone, Default)]
pub struct Normalised {
    text: String,
    /// `map[i]` is the original byte offset of normalised byte `i` (plus
    /// one entry for the end).
    map: Vec<usize>,
}

impl Normalised {
    pub fn new(text: &str) -> Normalised {
        let (text, map) = normalise(text);
        Normalised { text, map }
    }
}

/// Whitespace runs become one space; `map[i]` is the original byte offset
/// of normalised byte `i` (plus one entry for the end).
fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let at = out.len();
        out.push(c);
        map.extend(std::iter::repeat_n(i, out.len() - at));
    }
    map.push(text.len());
    (out, map)
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> Result<PhraseSet, aho_corasick::BuildError> {
        let mut pats = Vec::with_capacity(phrases.len());
        let mut edges = Vec::with_capacity(phrases.len());
        for p in phrases {
            let p = p.trim();
            let (p, stem) = match p.strip_suffix('*') {
                Some(rest) => (rest.trim_end(), true),
                None => (p, false),
            };
            let norm = p.split_whitespace().collect::<Vec<_>>().join(" ");
            let first = norm.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            let last = norm.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            edges.push(Edges { start: first, end: last && !stem, stem });
            pats.push(norm);
        }
        // A contiguous NFA: compact, and fast enough for answers of a few
        // hundred words (a DFA here would cost megabytes per trap).
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&pats)?;
        Ok(PhraseSet { ac, edges })
    }

    /// Every match, as non-overlapping byte ranges of `text`, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.find_in(&Normalised::new(text))
    }

    /// [`find_all`](Self::find_all) in a text normalised once for many lists.
    pub fn find_in(&self, normalised: &Normalised) -> Vec<Range<usize>> {
        let (norm, map) = (&normalised.text, &normalised.map);
        let mut found: Vec<Range<usize>> = Vec::new();
        for m in self.ac.find_overlapping_iter(norm.as_str()) {
            let e = self.edges[m.pattern().as_usize()];
            let before = norm[..m.start()].chars().next_back();
            if e.start && before.is_some_and(is_word) {
                continue;
            }
            let mut end = m.end();
            if e.stem {
                end += norm[end..].chars().take_while(|&c| is_stem_char(c)).map(char::len_utf8).sum::<usize>();
            } else if e.end && norm[end..].chars().next().is_some_and(is_word) {
                continue;
            }
            found.push(map[m.start()]..map[end]);
        }
        // Leftmost, then longest; drop what overlaps a kept match.
        found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<Range<usize>> = Vec::new();
        for r in found {
            if out.last().is_none_or(|last| r.start >= last.end) {
                out.push(r);
            }
        }
        out
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.find_all(text).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(p: &[&str]) -> PhraseSet {
        PhraseSet::new(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>()).expect("builds")
    }

    fn found<'a>(s: &PhraseSet, text: &'a str) -> Vec<&'a str> {
        s.find_all(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_cases_spaces_stems_and_chinese() {
        let s = set(&["kubernetes", "k8s", "legal team", "patch*", "法务"]);
        assert_eq!(found(&s, "I led the KUBERNETES move"), ["KUBERNETES"]);
        assert_eq!(found(&s, "用Kubernetes做调度"), ["Kubernetes"]);
        assert!(found(&s, "k8ss and xk8s").is_empty());
        assert_eq!(found(&s, "the Legal\n  team will"), ["Legal\n  team"]);
        assert_eq!(found(&s, "we'd be patching it; Patched; dispatch"), ["patching", "Patched"]);
        assert_eq!(found(&s, "交给法务处理"), ["法务"]);
    }

    #[test]
    fn the_longest_of_overlapping_matches_wins() {
        let s = set(&["saved", "saved a lot"]);
        assert_eq!(found(&s, "we saved a lot, and saved more"), ["saved a lot", "saved"]);
    }

    #[test]
    fn spans_map_back_through_whitespace_and_multibyte_text() {
        let s = set(&["data residency"]);
        let text = "数据 — data \t residency ok";
        let r = s.find_all(text);
        assert_eq!(&text[r[0].clone()], "data \t residency");
    }
}
