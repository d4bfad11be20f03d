//! Short, safe label text for graph pictures: one line, no control
//! characters, cut to a display width so CJK prompts (two columns a
//! character) stay as compact as Latin ones.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How wide a node's prompt line may be, in terminal columns.
pub const PROMPT_WIDTH: usize = 40;
/// How wide an edge's condition may be, in terminal columns.
pub const EDGE_WIDTH: usize = 48;

/// `text` on one line (every run of whitespace, line breaks included,
/// becomes one space; control and bidi characters become visible
/// `\u{..}` escapes) and cut to at most `width` columns, with `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = crate::text::one_line(&flat);
    if flat.width() <= width {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = c.width().unwrap_or(0);
        if used + w >= width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(clip("Tell me\nabout   it", 40), "Tell me about it");
        assert_eq!(clip("exactly ten", 11), "exactly ten");
    }

    #[test]
    fn long_text_is_cut_to_the_width_with_an_ellipsis() {
        let cut = clip(&"word ".repeat(30), 20);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.width() <= 20, "{cut}");
        let zh = clip("用两分钟向市大数据局的处长介绍这个月度承诺加超额的方案", 20);
        assert!(zh.ends_with('…') && zh.width() <= 20, "{zh}");
    }

    #[test]
    fn control_characters_become_escapes() {
        assert_eq!(clip("a\u{1b}[2Jb", 40), "a\\u{1b}[2Jb");
        assert!(!clip("x\u{202e}y", 40).contains('\u{202e}'));
    }
}
