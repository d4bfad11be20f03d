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
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// One phrase's edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Its own automaton, built on first use: a list that joins an index
    /// never needs one (the index matches for it), and building them all
    /// up front cost more memory than the index itself.
    ac: std::sync::OnceLock<Option<AhoCorasick>>,
    /// The phrases as matched (whitespace runs made single spaces).
    pats: Vec<String>,
    edges: Vec<Edges>,
    /// The shared index this list is part of, and its number there: with
    /// one, an answer is scanned once for every list instead of per list.
    slot: Option<(Arc<PhraseIndex>, usize)>,
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
        // Built once here so a list that cannot be built is an error at
        // load time, then dropped until it is needed.
        automaton(&pats)?;
        Ok(PhraseSet { ac: std::sync::OnceLock::new(), pats, edges, slot: None })
    }

    /// The shared index this list was joined to, and its number there.
    pub fn slot(&self) -> Option<(&PhraseIndex, usize)> {
        self.slot.as_ref().map(|(index, i)| (index.as_ref(), *i))
    }

    /// Every match, as non-overlapping byte ranges of `text`, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.find_in(&Normalised::new(text))
    }

    /// [`find_all`](Self::find_all) in a text normalised once for many lists.
    pub fn find_in(&self, normalised: &Normalised) -> Vec<Range<usize>> {
        if let Some((index, i)) = &self.slot {
            return index.scan(normalised).into_iter().nth(*i).unwrap_or_default();
        }
        let Some(ac) = self.ac.get_or_init(|| automaton(&self.pats).ok()) else { return Vec::new() };
        let found = ac
            .find_overlapping_iter(normalised.text.as_str())
            .filter_map(|m| occurrence(normalised, self.edges[m.pattern().as_usize()], m.start(), m.end()))
            .collect();
        leftmost_longest(found)
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.find_all(text).is_empty()
    }
}

/// The automaton for normalised phrases. A contiguous NFA: compact, and
/// fast enough (a DFA would cost megabytes per trap and was no faster).
fn automaton<P: AsRef<[u8]>>(pats: &[P]) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(pats)
}

/// An occurrence of a phrase with `edges` at `start..end` of the
/// normalised text, as a range of the original text; `None` when its edges
/// do not hold there.
fn occurrence(normalised: &Normalised, e: Edges, start: usize, end: usize) -> Option<Range<usize>> {
    let (norm, map) = (&normalised.text, &normalised.map);
    let before = norm[..start].chars().next_back();
    if e.start && before.is_some_and(is_word) {
        return None;
    }
    let mut end = end;
    if e.stem {
        end += norm[end..].chars().take_while(|&c| is_stem_char(c)).map(char::len_utf8).sum::<usize>();
    } else if e.end && norm[end..].chars().next().is_some_and(is_word) {
        return None;
    }
    Some(map[start]..map[end])
}

/// Leftmost, then longest; drop what overlaps a kept match.
fn leftmost_longest(mut found: Vec<Range<usize>>) -> Vec<Range<usize>> {
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in found {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

/// Many phrase lists in one automaton. A trap catalogue holds over a
/// hundred lists; scanned one by one, a long answer was read once per list
/// (a third of the time assessing it). The index reads it once and hands
/// each list exactly what its own automaton would have found: the same
/// phrases, matched with the same edges, then the same leftmost-longest
/// choice per list.
#[derive(Debug)]
pub struct PhraseIndex {
    ac: AhoCorasick,
    edges: Vec<Edges>,
    /// Per distinct phrase: the lists that hold it.
    owners: Vec<Vec<usize>>,
    lists: usize,
    /// Tells indexes apart in an answer's cache of scans.
    id: usize,
}

/// What one scan found: per list of the index, its matches.
pub type Scan = Vec<Vec<Range<usize>>>;

impl PhraseIndex {
    /// Joins `sets` into one index; each set then scans through it.
    pub fn join(sets: &mut [&mut PhraseSet]) -> Result<(), aho_corasick::BuildError> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let mut ids: std::collections::HashMap<(&str, Edges), usize> = std::collections::HashMap::new();
        let (mut pats, mut edges, mut owners): (Vec<&str>, Vec<Edges>, Vec<Vec<usize>>) = Default::default();
        for (list, set) in sets.iter().enumerate() {
            for (p, e) in set.pats.iter().zip(&set.edges) {
                let at = *ids.entry((p.as_str(), *e)).or_insert_with(|| {
                    pats.push(p);
                    edges.push(*e);
                    owners.push(Vec::new());
                    pats.len() - 1
                });
                if owners[at].last() != Some(&list) {
                    owners[at].push(list);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&pats)?;
        let index =
            Arc::new(PhraseIndex { ac, edges, owners, lists: sets.len(), id: NEXT.fetch_add(1, Ordering::Relaxed) });
        for (i, set) in sets.iter_mut().enumerate() {
            set.slot = Some((index.clone(), i));
        }
        Ok(())
    }

    pub fn id(&self) -> usize {
        self.id
    }

    /// Every list's matches in one pass over the text.
    pub fn scan(&self, normalised: &Normalised) -> Scan {
        let mut found: Scan = vec![Vec::new(); self.lists];
        for m in self.ac.find_overlapping_iter(normalised.text.as_str()) {
            let p = m.pattern().as_usize();
            if let Some(r) = occurrence(normalised, self.edges[p], m.start(), m.end()) {
                for &list in &self.owners[p] {
                    found[list].push(r.clone());
                }
            }
        }
        found.into_iter().map(leftmost_longest).collect()
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

    /// Lists joined into one index find exactly what each finds alone,
    /// whatever the text: shared phrases, stems, edges, overlaps, case.
    fn lists() -> Vec<PhraseSet> {
        [
            &["legal", "legal team", "法务", "patch*"][..],
            &["legal", "team", "k8s", "saved a lot"],
            &["patch*", "patch", "数据", "数据主权"],
            &["saved", "a lot", "Legal Team"],
        ]
        .iter()
        .map(|p| set(p))
        .collect()
    }

    proptest::proptest! {
        #[test]
        fn an_index_finds_what_each_list_finds_alone(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "legal", "LEGAL", "team", "legalteam", "patching", "patch", "xpatch", "k8s", "k8ss",
                    "saved", "a", "lot", "法务", "数据", "主权", " ", "\n", ",", "-",
                ]),
                0..40,
            ),
        ) {
            let text = words.join(" ");
            let alone: Vec<Vec<Range<usize>>> = lists().iter().map(|s| s.find_all(&text)).collect();
            let mut joined = lists();
            let mut refs: Vec<&mut PhraseSet> = joined.iter_mut().collect();
            PhraseIndex::join(&mut refs).expect("builds");
            let scan = joined[0].slot().expect("joined").0.scan(&Normalised::new(&text));
            proptest::prop_assert_eq!(scan, alone);
        }
    }
}
