//! Answer signals: facts about an answer's text that rules and the debrief
//! use: numbers, percentages, money, before→after changes, length,
//! structure, hedging, ownership and deferral. English and Chinese.
//!
//! Each signal keeps the byte spans that triggered it, so the debrief can
//! quote the words. Patterns are deliberately plain regexes, compiled once.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// What was found in one answer. Spans are byte ranges into the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Signals {
    pub numbers: Vec<Range<usize>>,
    pub percents: Vec<Range<usize>>,
    pub money: Vec<Range<usize>>,
    pub changes: Vec<Range<usize>>,
    /// Latin words plus CJK characters.
    pub words: usize,
    /// Latin words alone.
    pub latin_words: usize,
    /// CJK characters alone.
    pub cjk_chars: usize,
    pub structure: Vec<Range<usize>>,
    pub hedges: Vec<Range<usize>>,
    pub ownership: Vec<Range<usize>>,
    pub deferrals: Vec<Range<usize>>,
}

impl Signals {
    /// Structure needs at least two markers: one "first" is not a plan.
    pub fn structured(&self) -> bool {
        self.structure.len() >= 2
    }
}

/// Lazy-DFA cache for the signal patterns. The coach-pattern default (256
/// KiB) is too small for `CHANGE`'s bounded gaps on a long answer: the DFA
/// gave up and the slow fallback took 13 ms per 100 KB instead of 0.25 ms.
/// Ten fixed patterns, and the cache only grows as far as a text needs.
const SIGNAL_DFA_BYTES: usize = 1 << 20;

/// Builds a case-insensitive regex from a pattern fixed in this file.
fn re(pattern: &str) -> Regex {
    let built = regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .dfa_size_limit(SIGNAL_DFA_BYTES)
        .build();
    match built {
        Ok(r) => r,
        // Patterns here are constants covered by tests; a typo is a bug.
        Err(e) => panic!("built-in signal pattern does not compile: {e}"),
    }
}

const DIGITS: &str = r"[0-9０-９]+(?:[.,．][0-9０-９]+)*";

/// Digits with any Latin letters glued to them, so "k8s", "P7" and "IC6"
/// can be told apart from figures; see [`is_figure`].
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\p{{Latin}}*{DIGITS}\p{{Latin}}*|百分之[一二三四五六七八九十百点零两]+")));

/// Unit suffixes that keep a number a number: "18M", "3x", "40pp", "2TB".
const UNIT_SUFFIXES: &[&str] = &[
    "", "k", "m", "b", "bn", "x", "pp", "s", "h", "ms", "kb", "mb", "gb", "tb", "pb", "kw", "mw", "kwh", "w", "st",
    "nd", "rd", "th",
];

/// A figure, not a name: no letters before the digits, and only a unit after.
fn is_figure(token: &str) -> bool {
    let Some(first_digit) = token.find(|c: char| c.is_numeric()) else {
        return true; // 百分之…
    };
    let last_digit = token.rfind(|c: char| c.is_numeric()).unwrap_or(first_digit);
    let suffix = token[last_digit..].trim_start_matches(|c: char| c.is_numeric());
    first_digit == 0 && UNIT_SUFFIXES.contains(&suffix.to_ascii_lowercase().as_str())
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"{DIGITS}\s*(?:%|％|(?-u:\b)percent(?:age points?)?(?-u:\b)|pct(?-u:\b)|个百分点|百分点|bps(?-u:\b)|basis points)|百分之[一二三四五六七八九十百点零两0-9]+"
    ))
});

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:[¥￥$€£]|(?-u:\b)(?:rmb|cny|usd|sgd|us\$)\s?){DIGITS}\s*(?:[km](?-u:\b)|bn(?-u:\b)|million|billion|万|亿|千)?|{DIGITS}\s*(?:k|m|bn|million|billion)?\s*(?:rmb|cny|usd|sgd|yuan|dollars)(?-u:\b)|{DIGITS}\s*(?:万|亿|千)?\s*(?:元|块)|{DIGITS}\s*(?:万|亿)|(?-u:\b)[0-9]+(?:\.[0-9]+)?(?:k|m|bn)(?-u:\b)"
    ))
});

static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)from\s+[^.;。；\n]{{0,30}}?{DIGITS}[^.;。；\n]{{0,40}}?(?-u:\b)(?:to|down to|up to)\s+[^.;。；\n]{{0,20}}?{DIGITS}|(?-u:\b)(?:reduc|cut|drop|lower|decreas|increas|rais|grow|grew|improv|boost|shrank|shrunk|fell|rose|lift|shorten|sav)\w*\s[^.;。；\n]{{0,40}}?(?-u:\b)by\s+[^.;。；\n]{{0,12}}?{DIGITS}|从[^。；;\n]{{0,20}}?{DIGITS}[^。；;\n]{{0,20}}?(?:降|提|增|减|涨|缩|升|压|下降|上升)[^。；;\n]{{0,6}}?(?:到|至)[^。；;\n]{{0,10}}?{DIGITS}|(?:降低|减少|提升|提高|增加|缩短|下降|增长|节省|节约|压缩)了?[^。；;\n]{{0,8}}?{DIGITS}|{DIGITS}[^\n→]{{0,15}}?(?:→|->)\s*{DIGITS}"
    ))
});

static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|to summari[sz]e|in summary|step one|step two)(?-u:\b)|首先|其次|再次|最后|第[一二三四五六七八九十1-9](?:点|步|个方面|方面|是|，|,|、)|一是|二是|三是|一方面|另一方面|总结来说|总之|(?m:^\s*(?:[0-9]+[.)、]|[-*•]|[（(][0-9一二三四五][)）])\s*)",
    )
});

static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:maybe|perhaps|probably|possibly|i think|i guess|i suppose|i believe|kind of|sort of|not sure|hopefully|might be|more or less)(?-u:\b)|可能|大概|也许|或许|应该吧|差不多|说不定|我觉得",
    )
});

static OWNERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)i(?:'ve|'d|'ll| have| had| would| will)?\s+(?:\w+\s+){0,2}?(?:built|build|led|lead|own|owned|designed|design|redesigned|drove|drive|launched|wrote|write|shipped|negotiated|created|ran|set up|defined|define|modell?ed|model|trained|cut|reduced|increased|mapped|map|introduced|personally|made|changed|rebuilt|started|put)(?-u:\b)|(?-u:\b)my\s+(?:plan|model|roadmap|design|team|proposal|approach|framework)(?-u:\b)|我(?:负责|主导|推动|设计|搭建|牵头|带领|会|来|建立|制定|重新设计|亲自|推进|做了|定义)",
    )
});

static DEFERRAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:the\s+)?(?:legal(?:\s+team)?|lawyers|compliance(?:\s+team)?|(?:\w+\s+)?team|sales(?:\s+team)?|engineering|security(?:\s+team)?|someone(?:\s+else)?|they)\s+(?:will|would|'ll|can\s|should|could|needs? to|has to|handles?|owns?|takes? care)(?-u:\b)|(?-u:\b)(?:leave|hand|pass|defer|escalate|delegate|push)\w*\s+(?:it\s+|this\s+|that\s+)?(?:off\s+)?(?:to|with)\s+(?:the\s+)?(?:legal|compliance|lawyers|\w+\s+team|sales|engineering)|(?-u:\b)let\s+(?:the\s+)?(?:legal|sales|compliance|lawyers|\w+\s+team)(?-u:\b)|交给|让法务|由法务|法务(?:会|来|负责|处理|部门)|合规(?:部门|团队)(?:会|来|负责|处理)|让销售|销售(?:会|来|去)",
    )
});

static LATIN_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{Latin}\p{N}][\p{Latin}\p{N}'’-]*"));

/// Whether `c` is counted as one word on its own (Han, kana, Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Word count: Latin words plus CJK characters.
pub fn word_count(text: &str) -> usize {
    latin_words(text) + cjk_chars(text)
}

/// Latin words alone (numbers count as words).
pub fn latin_words(text: &str) -> usize {
    LATIN_WORD.find_iter(text).count()
}

/// CJK characters alone.
pub fn cjk_chars(text: &str) -> usize {
    text.chars().filter(|&c| is_cjk(c)).count()
}

fn spans(re: &Regex, text: &str) -> Vec<Range<usize>> {
    re.find_iter(text).map(|m| m.range()).collect()
}

/// Computes every signal of `text`.
pub fn analyse(text: &str) -> Signals {
    let (latin_words, cjk_chars) = (latin_words(text), cjk_chars(text));
    Signals {
        numbers: NUMBER.find_iter(text).filter(|m| is_figure(m.as_str())).map(|m| m.range()).collect(),
        percents: spans(&PERCENT, text),
        money: spans(&MONEY, text),
        changes: spans(&CHANGE, text),
        words: latin_words + cjk_chars,
        latin_words,
        cjk_chars,
        structure: spans(&STRUCTURE, text),
        hedges: spans(&HEDGE, text),
        ownership: spans(&OWNERSHIP, text),
        deferrals: spans(&DEFERRAL, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(spans: &[Range<usize>], text: &str) -> Vec<String> {
        spans.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn every_pattern_compiles() {
        let s = analyse("");
        assert_eq!(s, Signals::default());
    }

    #[test]
    fn money_in_many_notations() {
        for t in ["¥18M", "$50K", "RMB 2 million", "120万", "3亿元", "￥1,200", "18M annually", "500 yuan"] {
            assert!(!analyse(t).money.is_empty(), "{t}");
        }
        assert!(analyse("we have 3 options").money.is_empty());
    }

    #[test]
    fn percents_english_and_chinese() {
        for t in ["12%", "12 percent", "百分之十二", "3个百分点", "８％"] {
            assert!(!analyse(t).percents.is_empty(), "{t}");
        }
    }

    #[test]
    fn changes_before_after() {
        let text = "cut disputes from 40% to 12%";
        assert_eq!(found(&analyse(text).changes, text), ["from 40% to 12"]);
        for t in ["从3天降到1天", "reduced churn by 23%", "审计准备时间缩短了60%", "40 -> 12"] {
            assert!(!analyse(t).changes.is_empty(), "{t}");
        }
        assert!(analyse("we moved from Beijing to Hangzhou").changes.is_empty());
    }

    #[test]
    fn numbers_are_figures_not_names() {
        let text = "k8s on P7 and IC6 cut cost 30% to ¥18M in 2024, 3x faster, 第1点";
        assert_eq!(found(&analyse(text).numbers, text), ["30", "18M", "2024", "3x", "1"]);
    }

    #[test]
    fn words_count_cjk_by_character() {
        assert_eq!(word_count("I led the 2024 migration"), 5);
        assert_eq!(word_count("数据主权 canary"), 5);
    }

    #[test]
    fn structure_needs_two_markers() {
        assert!(analyse("First, the price. Second, the cost. Finally, margin.").structured());
        assert!(analyse("首先看成本，其次看定价").structured());
        assert!(analyse("1. cost\n2. price\n").structured());
        assert!(!analyse("At first I was unsure").structured());
        assert!(!analyse("然后我们做了，然后又做了，第一次上线").structured());
        assert!(analyse("第一点是成本，第二点是定价").structured());
    }

    #[test]
    fn ownership_and_deferral() {
        assert!(!analyse("I redesigned the billing model").ownership.is_empty());
        assert!(!analyse("我负责数据分级").ownership.is_empty());
        assert!(!analyse("Legal will handle residency").deferrals.is_empty());
        assert!(!analyse("the team will sort it out").deferrals.is_empty());
        assert!(!analyse("这个交给法务").deferrals.is_empty());
        assert!(!analyse("we'd hand it off to the compliance team").deferrals.is_empty());
        assert!(analyse("I mapped residency per workload").deferrals.is_empty());
    }

    #[test]
    fn latin_boundaries_do_not_split_inside_words_next_to_han() {
        assert!(!analyse("maybe可以").hedges.is_empty());
        assert!(analyse("unmaybe").hedges.is_empty());
    }
}
