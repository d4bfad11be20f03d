//! Is a phrase negated or waved away where it stands? `NoneOf` lists the
//! ingredients of a strong answer ("commitment", "utilisation", "提前"),
//! and a candidate who names an ingredient only to reject it ("no
//! commitments", "不搞预付", "提前做没意义", "I wouldn't worry about
//! utilisation") has not supplied it. Deliberately local: a negator counts
//! only in the same clause, a few words before the phrase or a dismissal
//! right after it, so "we never let logs leave the province, and the
//! residency map is mine" still counts "residency map".

use std::ops::Range;

/// Latin words that negate what follows them within a few words.
const NEGATORS: &[&str] = &[
    "no",
    "not",
    "never",
    "without",
    "don't",
    "dont",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "nothing",
    "nor",
    "neither",
    "skip",
    "skipping",
    "forget",
    "zero",
];

/// Latin two-word negators.
const NEGATOR_PAIRS: &[(&str, &str)] =
    &[("rather", "than"), ("instead", "of"), ("no", "need"), ("no", "point"), ("avoid", "any"), ("avoid", "a")];

/// How many words may stand between a Latin negator and the phrase.
const LATIN_REACH: usize = 3;

/// Chinese characters that negate what follows within a few characters.
const CJK_NEGATORS: &[char] = &['不', '没', '无', '别', '未', '非', '免', '勿'];

/// Compounds where those characters do not negate: "不仅" (not only),
/// "非常" (very), "未来" (future), "别的" (other), "免费" (free)…
const CJK_NOT_NEGATING: &[&str] = &[
    "不仅",
    "不只",
    "不止",
    "不但",
    "不光",
    "不错",
    "不少",
    "不断",
    "不同",
    "不久",
    "不管",
    "不论",
    "不得不",
    "不可或缺",
    "不亚于",
    "无论",
    "非常",
    "未来",
    "别的",
    "别人",
    "别家",
    "免费",
    "没错",
    "特别",
    "区别",
    "级别",
    "类别",
    "识别",
    "分别",
    "告别",
    "性别",
    "差不多",
    "要不",
    "不过",
    "避免",
    "以免",
    "免得",
    "难免",
    "不免",
];

/// How many characters may stand between a Chinese negator and the phrase.
const CJK_REACH: usize = 4;

/// Negating verbs that reach further: "没必要让他们签包年".
const CJK_LONG_NEGATORS: &[&str] =
    &["没必要", "不需要", "不必", "无需", "用不着", "不想", "不愿", "不搞", "不用", "不要", "拿不出", "不建议"];
const CJK_LONG_REACH: usize = 10;

/// Dismissals right after a phrase ("提前做太多没意义", "utilisation doesn't matter").
const CJK_DISMISSALS: &[&str] = &[
    "没用",
    "没意义",
    "没有意义",
    "没必要",
    "没关系",
    "无所谓",
    "不重要",
    "意义不大",
    "不值得",
    "不现实",
    "白费",
    "不是我",
    "不是产品",
    "不是PM",
    "不是pm",
    "不归我",
    "自然会",
    "自然就",
    "水到渠成",
    "区别不大",
    "都一样",
    "白做",
];
const LATIN_DISMISSALS: &[&str] = &[
    "doesn't matter",
    "don't matter",
    "does not matter",
    "do not matter",
    "is pointless",
    "are pointless",
    "is overkill",
    "is a waste",
    "are a waste",
    "isn't worth",
    "aren't worth",
    "is not worth",
    "isn't needed",
    "isn't necessary",
    "is unnecessary",
    "isn't my",
    "is not my",
    "aren't my",
    "isn't the pm",
    "isn't a pm",
    "isn't our",
    "is not our",
    "isn't really my",
    "can wait",
    "takes care of itself",
    "take care of itself",
    "will follow",
    "follows",
    "comes later",
    "will come",
];

/// Dismissals anywhere in the rest of the clause ("asking buyers to commit
/// to a monthly amount just scares them off").
const LATIN_DISMISSALS_ANYWHERE: &[&str] = &[
    "scare",
    "scares",
    "put off",
    "puts off",
    "put buyers off",
    "puts buyers off",
    "turn away",
    "turns away",
    "finance handles",
    "someone else handles",
];

/// How far after a phrase a dismissal may start, in characters.
const DISMISSAL_REACH: usize = 8;

/// Words that reject the thing named right after them: "not a firefight",
/// "isn't a driver hack". Narrower than [`NEGATORS`]: "skip encryption" or
/// "wouldn't allocate the idle hours" negate an action, and the action's
/// absence is often the trap; and "rather than ship data abroad" still puts
/// the answer on that topic.
const REJECTORS: &[&str] = &["not", "isn't", "aren't", "wasn't", "never", "zero"];
const CJK_REJECTORS: &[&str] = &["不是", "并非", "而非", "不靠"];
const REJECTIONS_AFTER: &[&str] = &[
    "isn't the answer",
    "is not the answer",
    "isn't the way",
    "is the wrong",
    "不是办法",
    "不可取",
    "行不通",
    "不是答案",
];

/// How many characters one word of reach stands for: a word and its
/// separator, longer than nearly every English word. Reaches are counted in
/// words (or, for Chinese, in characters with each Latin run as one), so a
/// window of this many characters per unit covers them.
const WORD_SPAN: usize = 16;

/// The most words (or collapsed characters) any check looks back: the long
/// Chinese negators' reach and their own length (`CJK_LONG_REACH + 3`),
/// which is more than the Latin negators need (`LATIN_REACH + 2` words).
const BEHIND_UNITS: usize = CJK_LONG_REACH + 3;
/// The most words any check looks ahead: the clause-wide Latin dismissals.
const AHEAD_WORDS: usize = 12;

/// How far before a phrase negation looks, in characters. Bounding it is
/// what keeps detection linear: without punctuation a clause can be the
/// whole answer, and scanning back to its start for every match made a
/// 100 KB answer take ten seconds. A negator farther back than this is out
/// of reach anyway (see the reaches above).
pub const LOOK_BEHIND: usize = BEHIND_UNITS * WORD_SPAN;
/// How far after a phrase negation looks, in characters.
pub const LOOK_AHEAD: usize = AHEAD_WORDS * WORD_SPAN;

const _: () = assert!(LOOK_BEHIND >= (LATIN_REACH + 2) * WORD_SPAN);
const _: () = assert!(LOOK_AHEAD >= DISMISSAL_REACH + 6 && LOOK_AHEAD >= 12 + 20);

/// The text around `span` that negation may look at: the phrase's own
/// clause, at most [`LOOK_BEHIND`] characters before it and [`LOOK_AHEAD`]
/// after, never starting or ending inside a Latin word (a cut "cannot"
/// must not read as "not").
pub fn surroundings(text: &str, span: Range<usize>) -> (&str, &str) {
    (clause_tail(window_before(text, span.start)), clause_head(window_after(text, span.end)))
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// At most [`LOOK_BEHIND`] characters of `text` before byte `at`.
fn window_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let Some((from, _)) = before.char_indices().rev().nth(LOOK_BEHIND - 1) else {
        return before;
    };
    let cut = &before[from..];
    if before[..from].chars().next_back().is_some_and(is_word_char) {
        // Drop the rest of a word the window cut into.
        return cut.trim_start_matches(is_word_char);
    }
    cut
}

/// At most [`LOOK_AHEAD`] characters of `text` after byte `at`.
fn window_after(text: &str, at: usize) -> &str {
    let after = &text[at..];
    let Some((to, _)) = after.char_indices().nth(LOOK_AHEAD) else {
        return after;
    };
    let cut = &after[..to];
    if after[to..].chars().next().is_some_and(is_word_char) {
        return cut.trim_end_matches(is_word_char);
    }
    cut
}

/// Whether the phrase at `span` is named only to be rejected: what `AnyOf`
/// asks before it counts a trigger phrase.
/// Whether the phrase at `span` sits inside quotation marks that close
/// shortly after it: a word the candidate quotes ("saying ‘a bit more’ was
/// too vague", "外面讲‘效果很好’的人多了") is mentioned, not said. Only a
/// short quotation counts, closed on the same line, so a long quoted
/// passage of the candidate's own plan still reads as said.
pub fn quoted(text: &str, span: Range<usize>) -> bool {
    const REACH: usize = 24;
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else { return false };
    let before: Vec<char> = before.chars().rev().take_while(|&c| c != '\n').take(REACH).collect();
    let Some((open_at, open)) = before.iter().enumerate().find(|(_, c)| OPENERS.contains(c)) else { return false };
    let close = closer(*open);
    // A closing mark between the opener and the phrase ends that quotation.
    if before[..open_at].contains(&close)
        || (*open == '\'' && before.get(open_at + 1).is_some_and(|c| c.is_alphanumeric()))
    {
        return false;
    }
    let mut rest = after.chars().take_while(|&c| c != '\n').take(REACH).peekable();
    while let Some(c) = rest.next() {
        if c == close {
            return *open != '\'' || !rest.peek().is_some_and(|c| c.is_alphanumeric());
        }
    }
    false
}

const OPENERS: [char; 6] = ['‘', '“', '「', '『', '"', '\''];

fn closer(open: char) -> char {
    match open {
        '‘' => '’',
        '“' => '”',
        '「' => '」',
        '『' => '』',
        c => c,
    }
}

pub fn rejected(text: &str, span: Range<usize>) -> bool {
    let (before, after) = surroundings(text, span);
    if last_latin_words(latin_run(before), 3).iter().any(|w| REJECTORS.contains(&w.as_str())) {
        return true;
    }
    let tail: String = collapse_latin_last(before, 5).iter().collect();
    if CJK_REJECTORS.iter().any(|r| tail.contains(r)) {
        return true;
    }
    let head = after.to_lowercase();
    REJECTIONS_AFTER.iter().any(|r| head.find(r).is_some_and(|i| head[..i].chars().count() <= 12))
}

/// Whether the phrase at `span` of `text` is negated or dismissed.
pub fn negated(text: &str, span: Range<usize>) -> bool {
    let (before, after) = surroundings(text, span);
    latin_negated(before) || cjk_negated(before) || dismissed_after(after)
}

fn is_boundary(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '。' | '，' | '；' | '：' | '！' | '？' | '、' | '(' | ')')
}

/// The part of `before` in the phrase's own clause.
fn clause_tail(before: &str) -> &str {
    let start = before.rfind(is_boundary).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let tail = &before[start..];
    // "…, but" and "但" open a new clause too.
    let lower = tail.to_ascii_lowercase();
    let cut = [" but ", "但", "可是", "不过"].iter().filter_map(|m| lower.rfind(m).map(|i| i + m.len())).max();
    &tail[cut.unwrap_or(0)..]
}

fn clause_head(after: &str) -> &str {
    after.find(is_boundary).map_or(after, |i| &after[..i])
}

/// The last `n` Latin words of `text` (see [`word`]), found from its end:
/// a negator reaches a few words, and the window holds dozens.
fn last_latin_words(text: &str, n: usize) -> Vec<String> {
    let mut words: Vec<String> =
        text.rsplit(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).take(n).map(word).collect();
    words.reverse();
    words
}

/// The first `n` Latin words of `text` (see [`word`]).
fn first_latin_words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).take(n).map(word).collect()
}

/// A Latin word lowercased, with curly apostrophes made straight.
fn word(w: &str) -> String {
    let w = w.to_ascii_lowercase();
    if w.contains('’') { w.replace('’', "'") } else { w }
}

/// The last `n` items of `items`.
fn last<T>(items: &[T], n: usize) -> &[T] {
    &items[items.len().saturating_sub(n)..]
}

/// The end of `tail` after its last Chinese character: a Latin negator's
/// reach stops at Chinese text.
fn latin_run(tail: &str) -> &str {
    tail.rsplit(crate::rules::signals::is_cjk).next().unwrap_or(tail)
}

fn latin_negated(tail: &str) -> bool {
    let latin_tail = latin_run(tail);
    let words = &last_latin_words(latin_tail, LATIN_REACH + 2)[..];
    let reach = words.len().saturating_sub(LATIN_REACH + 1);
    if words[reach..].iter().any(|w| NEGATORS.contains(&w.as_str())) {
        return true;
    }
    if words.windows(2).any(|pair| NEGATOR_PAIRS.iter().any(|(a, b)| pair[0] == *a && pair[1] == *b)) {
        return true;
    }
    // "I'd rather spend my time on the roadmap than write pitch decks".
    words[reach..].iter().any(|w| w == "than") && latin_tail.to_ascii_lowercase().contains("rather ")
}

fn cjk_negated(tail: &str) -> bool {
    // The negator may sit up to CJK_REACH characters back; Latin text in
    // between ("没有别的offer") counts as one character, so Latin runs are
    // collapsed first.
    // Only the end counts: the farthest negator plus its own length.
    let collapsed = collapse_latin_last(tail, CJK_LONG_REACH + 3);
    let from = collapsed.len().saturating_sub(CJK_REACH + 1);
    if (from..collapsed.len()).any(|i| CJK_NEGATORS.contains(&collapsed[i]) && !in_compound(&collapsed, i)) {
        return true;
    }
    let far: String = last(&collapsed, CJK_LONG_REACH + 3).iter().collect();
    CJK_LONG_NEGATORS.iter().any(|n| far.contains(n))
}

/// The last `n` characters of `text` without whitespace, each run of Latin
/// letters and digits replaced by one placeholder character. Read from the
/// end, since only the few characters before a phrase count (a run
/// collapses the same read either way).
fn collapse_latin_last(text: &str, n: usize) -> Vec<char> {
    let mut out = Vec::with_capacity(n);
    for c in text.chars().rev() {
        if out.len() == n {
            break;
        }
        if c.is_ascii_alphanumeric() {
            if out.last() != Some(&'a') {
                out.push('a');
            }
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out.reverse();
    out
}

/// Whether the negator at `i` is part of a compound that does not negate.
fn in_compound(chars: &[char], i: usize) -> bool {
    CJK_NOT_NEGATING.iter().any(|w| {
        let w: Vec<char> = w.chars().collect();
        w.iter().enumerate().any(|(k, &c)| {
            c == chars[i] && i >= k && i - k + w.len() <= chars.len() && chars[i - k..i - k + w.len()] == w[..]
        })
    })
}

/// Whether `clause` holds ` {words} `: `words` between spaces.
fn has_words(clause: &str, words: &str) -> bool {
    clause
        .match_indices(' ')
        .any(|(i, _)| clause[i + 1..].strip_prefix(words).is_some_and(|rest| rest.starts_with(' ')))
}

fn dismissed_after(head: &str) -> bool {
    let near: String = head.chars().take(DISMISSAL_REACH + 6).collect();
    let near_cjk: String = near.chars().filter(|c| !c.is_whitespace()).collect();
    if CJK_DISMISSALS.iter().any(|d| near_cjk.find(d).is_some_and(|i| near_cjk[..i].chars().count() <= DISMISSAL_REACH))
    {
        return true;
    }
    let head_words = first_latin_words(head, 12);
    let clause = format!(" {} ", head_words.join(" "));
    if LATIN_DISMISSALS_ANYWHERE.iter().any(|d| has_words(&clause, d)) {
        return true;
    }
    let words = head_words[..head_words.len().min(6)].join(" ");
    LATIN_DISMISSALS
        .iter()
        .any(|d| words.starts_with(d) || words.split_once(' ').is_some_and(|(_, rest)| rest.starts_with(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn neg(text: &str, phrase: &str) -> bool {
        let start = text.find(phrase).expect("phrase in text");
        negated(text, start..start + phrase.len())
    }

    #[test]
    fn latin_negators_reach_a_few_words() {
        assert!(neg("metered billing with no commitments", "commitments"));
        assert!(neg("I wouldn't worry much about utilization", "utilization"));
        assert!(neg("I'm not interviewing elsewhere", "elsewhere"));
        assert!(neg("I'd write the specs rather than training resellers", "training"));
        assert!(neg("I'd rather spend time on the roadmap than write pitch decks", "pitch decks"));
        assert!(!neg("a monthly commitment with overage", "commitment"));
        assert!(!neg("no, the commitment tier is mine", "commitment"));
        assert!(!neg("not legal: I built the residency map and the routing", "routing"));
    }

    #[test]
    fn chinese_negators_and_compounds() {
        assert!(neg("不搞预付也不搞承诺", "预付"));
        assert!(neg("我手上没有别的offer", "别的offer"));
        assert!(neg("没用上的部分其实不算浪费", "浪费"));
        assert!(neg("没必要让他们签包年", "包年"));
        assert!(!neg("不仅有月度承诺，还有封顶", "月度承诺"));
        assert!(!neg("非常重视利用率", "利用率"));
        assert!(!neg("加15%余量，避免预算浪费", "浪费"));
        assert!(!neg("未来的承诺额度", "承诺额度"));
    }

    #[test]
    fn dismissals_after_the_phrase() {
        assert!(neg("现在提前做太多没意义", "提前"));
        assert!(neg("利用率低一点没关系", "利用率"));
        assert!(neg("渠道培训不是PM的活", "培训"));
        assert!(neg("utilisation doesn't matter much", "utilisation"));
        assert!(neg("reseller training isn't my job", "training"));
        assert!(neg("asking them to commit to a monthly amount just scares them off", "commit to"));
        assert!(!neg("利用率从38%提高到71%", "利用率"));
    }

    fn rej(text: &str, phrase: &str) -> bool {
        let start = text.find(phrase).expect("phrase in text");
        rejected(text, start..start + phrase.len())
    }

    #[test]
    fn rejection_is_narrower_than_negation() {
        assert!(rej("a planned migration, not a firefight", "firefight"));
        assert!(rej("the answer isn't a driver hack", "hack"));
        assert!(rej("不是去 hack 驱动", "hack"));
        assert!(rej("stockpiling cards isn't the answer", "stockpiling"));
        assert!(!rej("For the MVP I'd skip encryption at rest", "encryption"));
        assert!(!rej("I wouldn't allocate the idle hours", "idle"));
        assert!(!rej("第一期先不做密钥托管", "密钥"));
    }

    #[test]
    fn clauses_end_the_reach() {
        assert!(!neg("no. We sell a monthly commitment", "commitment"));
        assert!(!neg("没有问题，我们有月度承诺", "月度承诺"));
        assert!(!neg("not cheap, but the commitment holds", "commitment"));
    }

    /// Issue 11 item 7: with no punctuation the clause is the whole answer,
    /// and scanning it for every match made detection quadratic (100 KB
    /// took ten seconds). What negation looks at stays within the window
    /// however long the clause.
    #[test]
    fn negation_looks_at_a_bounded_window_however_long_the_clause() {
        let unit = "we sold a monthly commitment to the bank and 我们没有做预付 ";
        let text = unit.repeat(20_000);
        let mid = text.len() / 2;
        let start = mid + text[mid..].find("commitment").expect("phrase");
        let (before, after) = surroundings(&text, start..start + "commitment".len());
        assert!(before.chars().count() <= LOOK_BEHIND, "{} chars behind", before.chars().count());
        assert!(after.chars().count() <= LOOK_AHEAD, "{} chars ahead", after.chars().count());
        assert!(!before.is_empty() && !after.is_empty());
    }

    #[test]
    fn a_word_cut_by_the_window_does_not_count() {
        // "cannot" cut to "not" right at the window's edge must not negate.
        let pad = "x".repeat(LOOK_BEHIND - 4);
        let text = format!("we cannot{pad} commitment");
        let start = text.find(" commitment").expect("phrase") + 1;
        let (before, _) = surroundings(&text, start..text.len());
        assert!(!before.contains("not"), "{before:?}");
        assert!(!neg(&text, "commitment"));
        // Within reach it still counts.
        assert!(neg("we cannot offer a commitment", "commitment"));
    }

    #[test]
    fn negators_within_reach_count_in_a_long_unpunctuated_answer() {
        let filler = "and then we talked about the roadmap ".repeat(5_000);
        let text = format!("{filler}with no commitments {filler}");
        assert!(neg(&text, "commitments"));
        let text = format!("{filler}我们不搞预付 {filler}");
        assert!(neg(&text, "预付"));
        let text = format!("{filler}utilisation doesn't matter {filler}");
        assert!(neg(&text, "utilisation"));
    }

    /// The checks as they were before they were made to read only the words
    /// they need (issue 11 item 7): the reference the faster ones must
    /// agree with.
    mod before {
        use super::super::*;

        /// The Latin words of `text`, lowercased, with curly apostrophes made straight.
        fn latin_words(text: &str) -> Vec<String> {
            text.split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(|w| w.to_ascii_lowercase().replace('’', "'"))
                .collect()
        }

        pub(super) fn rejected(text: &str, span: Range<usize>) -> bool {
            let (before, after) = surroundings(text, span);
            if last(&latin_words(latin_run(before)), 3).iter().any(|w| REJECTORS.contains(&w.as_str())) {
                return true;
            }
            let collapsed = collapse_latin(before);
            let tail: String = last(&collapsed, 5).iter().collect();
            if CJK_REJECTORS.iter().any(|r| tail.contains(r)) {
                return true;
            }
            let head = after.to_lowercase();
            REJECTIONS_AFTER.iter().any(|r| head.find(r).is_some_and(|i| head[..i].chars().count() <= 12))
        }

        pub(super) fn negated(text: &str, span: Range<usize>) -> bool {
            let (before, after) = surroundings(text, span);
            latin_negated(before) || cjk_negated(before) || dismissed_after(after)
        }

        fn latin_negated(tail: &str) -> bool {
            let latin_tail = latin_run(tail);
            let all = latin_words(latin_tail);
            let words = last(&all, LATIN_REACH + 2);
            let reach = words.len().saturating_sub(LATIN_REACH + 1);
            if words[reach..].iter().any(|w| NEGATORS.contains(&w.as_str())) {
                return true;
            }
            if words.windows(2).any(|pair| NEGATOR_PAIRS.iter().any(|(a, b)| pair[0] == *a && pair[1] == *b)) {
                return true;
            }
            // "I'd rather spend my time on the roadmap than write pitch decks".
            words[reach..].iter().any(|w| w == "than") && latin_tail.to_ascii_lowercase().contains("rather ")
        }

        fn cjk_negated(tail: &str) -> bool {
            // The negator may sit up to CJK_REACH characters back; Latin text in
            // between ("没有别的offer") counts as one character, so Latin runs are
            // collapsed first.
            let collapsed = collapse_latin(tail);
            let from = collapsed.len().saturating_sub(CJK_REACH + 1);
            if (from..collapsed.len()).any(|i| CJK_NEGATORS.contains(&collapsed[i]) && !in_compound(&collapsed, i)) {
                return true;
            }
            let far: String = last(&collapsed, CJK_LONG_REACH + 3).iter().collect();
            CJK_LONG_NEGATORS.iter().any(|n| far.contains(n))
        }

        fn collapse_latin(text: &str) -> Vec<char> {
            let mut out = Vec::with_capacity(text.len());
            for c in text.chars() {
                if c.is_ascii_alphanumeric() {
                    if out.last() != Some(&'a') {
                        out.push('a');
                    }
                } else if !c.is_whitespace() {
                    out.push(c);
                }
            }
            out
        }

        fn dismissed_after(head: &str) -> bool {
            let near: String = head.chars().take(DISMISSAL_REACH + 6).collect();
            let near_cjk: String = near.chars().filter(|c| !c.is_whitespace()).collect();
            if CJK_DISMISSALS
                .iter()
                .any(|d| near_cjk.find(d).is_some_and(|i| near_cjk[..i].chars().count() <= DISMISSAL_REACH))
            {
                return true;
            }
            let head_words = latin_words(head);
            let clause = format!(" {} ", head_words[..head_words.len().min(12)].join(" "));
            if LATIN_DISMISSALS_ANYWHERE.iter().any(|d| clause.contains(&format!(" {d} "))) {
                return true;
            }
            let words = head_words[..head_words.len().min(6)].join(" ");
            LATIN_DISMISSALS
                .iter()
                .any(|d| words.starts_with(d) || words.split_once(' ').is_some_and(|(_, rest)| rest.starts_with(d)))
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The checks read the few words and characters they need from the
        /// ends of the window instead of splitting all of it, and say what
        /// they said before on any text: Latin and Chinese negators,
        /// compounds, dismissals, quotes, spaces and punctuation.
        #[test]
        fn reading_only_the_words_needed_changes_no_verdict(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "no", "not", "never", "cannot", "don't", "Doesn’t", "rather", "than", "instead", "of", "need",
                "point", "avoid", "any", "a", "skip", "zero", "isn't", "scares", "put", "off", "buyers",
                "finance", "handles", "doesn't", "matter", "is", "pointless", "my", "job", "follows", "will",
                "come", "commitment", "utilisation", "but", "the", "x", "k8s", "不", "没", "无", "别", "未",
                "非", "不仅", "非常", "未来", "别的", "差不多", "不可或缺", "没必要", "不搞", "不是", "并非",
                "没意义", "没关系", "不是PM", "区别不大", "预付", "承诺", "offer", "但", "不过", "可是", "利用率",
                "不是办法", "isn't the answer", " ", " ", " ", "  ", "\n", ",", ".", "，", "。", "、", "(",
                "‘", "’", "'", "\"", "-",
            ]), 0..70),
            a in 0usize..200,
            len in 1usize..12,
        ) {
            let text: String = parts.concat();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = bounds[a % bounds.len()];
            let end = bounds[(a % bounds.len() + len).min(bounds.len() - 1)];
            proptest::prop_assert_eq!(negated(&text, start..end), before::negated(&text, start..end));
            proptest::prop_assert_eq!(rejected(&text, start..end), before::rejected(&text, start..end));
        }
    }

    proptest::proptest! {
        /// Any text, any span on character boundaries: an answer is input,
        /// and looking around a phrase must never panic.
        #[test]
        fn never_panics(text in "\\PC{0,60}", a in 0usize..80, b in 0usize..80) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let span = a.min(b)..a.max(b);
            let _ = negated(&text, span.clone());
            let _ = rejected(&text, span);
        }
    }
}
