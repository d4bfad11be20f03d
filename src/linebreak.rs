//! Where text may break across lines, by the rules of each script: the
//! Unicode line-breaking algorithm (UAX #14, through `unicode-linebreak`)
//! decides the break opportunities, so English breaks after spaces and
//! Chinese between characters but never before `，。、？！；：」）》`
//! (closing punctuation and other characters that must not start a line).
//! Lines are slices of the text, so nothing is reordered or lost: the
//! spaces at a break stay at the end of the line before it, where they
//! hang and are not drawn.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` broken into lines at most `width` columns wide (not counting the
/// spaces a line ends with, nor its line break). Joined, the lines give
/// back `text` exactly. A run with no break opportunity wider than `width`
/// (a long URL) is cut between grapheme clusters, never before a
/// character that must not start a line.
pub fn lines(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    // The last place the current line may end, and whether it must.
    let mut last_ok: Option<usize> = None;
    for (at, kind) in unicode_linebreak::linebreaks(text) {
        // UAX #14 lets a line start with `；` or `：` after spaces
        // ("A  ；"); kinsoku does not.
        if kind == unicode_linebreak::BreakOpportunity::Allowed && text[at..].starts_with(no_start) {
            continue;
        }
        if fits(&text[start..at], width) {
            if kind == unicode_linebreak::BreakOpportunity::Mandatory {
                out.push(&text[start..at]);
                start = at;
                last_ok = None;
            } else {
                last_ok = Some(at);
            }
            continue;
        }
        // Too wide: end the line at the last opportunity, then fit the rest.
        if let Some(ok) = last_ok.take() {
            out.push(&text[start..ok]);
            start = ok;
        }
        while !fits(&text[start..at], width) {
            let cut = force_cut(text, start, at, width);
            out.push(&text[start..cut]);
            start = cut;
        }
        if kind == unicode_linebreak::BreakOpportunity::Mandatory {
            out.push(&text[start..at]);
            start = at;
        } else {
            last_ok = Some(at);
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// The text as a line shows it: without the spaces it ends with and its
/// line break.
pub fn shown(line: &str) -> &str {
    line.trim_end_matches(|c: char| c.is_whitespace())
}

fn fits(line: &str, width: usize) -> bool {
    shown(line).width() <= width
}

/// Where to cut `text[start..end]`, which has no break opportunity that
/// fits: after as many grapheme clusters as fit (at least one), moved back
/// while the rest would start with a space or a character that must not
/// start a line; if no cut avoids that, the widest that fits.
fn force_cut(text: &str, start: usize, end: usize, width: usize) -> usize {
    let mut cuts = Vec::new();
    for (i, g) in text[start..end].grapheme_indices(true) {
        let next = start + i + g.len();
        if !cuts.is_empty() && text[start..next].width() > width {
            break;
        }
        cuts.push(next);
    }
    let clean = |&c: &usize| !text[c..].starts_with(|ch: char| ch.is_whitespace() || no_start(ch));
    cuts.iter().rev().find(|c| clean(c)).or(cuts.last()).copied().unwrap_or(end)
}

/// Characters that must not begin a line (closing punctuation, stops,
/// small kana and the like), besides what UAX #14 already keeps off.
pub fn no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '？'
            | '！'
            | '；'
            | '：'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '…'
            | ','
            | '.'
            | '?'
            | '!'
            | ';'
            | ':'
            | ')'
            | ']'
            | '}'
            | '%'
            | '％'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chinese_punctuation_never_starts_a_line() {
        let text = "我们在华东2部署了主备两套，RPO 为零，RTO 小于三十秒。你怎么看？";
        for w in 4..40 {
            for l in lines(text, w).iter().skip(1) {
                assert!(!l.starts_with(no_start), "width {w}: {:?}", lines(text, w));
            }
        }
    }

    #[test]
    fn english_continuation_lines_do_not_start_with_a_space() {
        let text = "Offer A: base 600K, RSU 250K over four years, and a 100K sign-on bonus.";
        let ls = lines(text, 20);
        assert!(ls.iter().skip(1).all(|l| !l.starts_with(' ')), "{ls:?}");
        assert_eq!(ls.concat(), text);
    }

    fn mixed() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z]{1,12}",
            "[0-9]{1,6}",
            Just(" ".to_string()),
            Just("  ".to_string()),
            "[云计算数据出境安全评估等保总包签字费年终奖]{1,8}",
            prop::sample::select(vec![
                "，",
                "。",
                "、",
                "？",
                "！",
                "；",
                "：",
                "」",
                "）",
                "》",
                "「",
                "（",
                "《",
                ",",
                ".",
                "%",
                "万",
                "\n",
                "https://example.com/very/long/path/without/breaks"
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        /// Issue 14's wrapping test: for mixed Chinese, English and numbers
        /// at widths 20–200, no wrapped line starts with closing
        /// punctuation or a space, none is wider than the width, and the
        /// lines joined give back the text.
        #[test]
        fn wrapped_lines_fit_start_cleanly_and_join_back(text in mixed(), width in 20usize..200) {
            let ls = lines(&text, width);
            prop_assert_eq!(ls.concat(), text.clone());
            for (i, l) in ls.iter().enumerate() {
                prop_assert!(shown(l).width() <= width, "too wide at {}: {:?}", width, l);
                let after_break = i > 0 && !ls[i - 1].ends_with('\n');
                if after_break {
                    prop_assert!(!l.starts_with(|c: char| c == ' ' || no_start(c)), "bad start {:?} in {:?}", l, ls);
                }
            }
        }
    }
}
