//! Property tests of prompt placeholders (`{var}`, `{answer:node}`): any
//! template with any answer renders without panicking, never puts a
//! terminal control character on screen, and keeps text that is not a
//! placeholder as written.

use hotseat::scenario::template::{self, Piece};
use proptest::prelude::*;

/// Templates made of text, braces and placeholder-like pieces, so the
/// parser's edges are hit often.
fn template_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("{{".to_string()),
        Just("}}".to_string()),
        "[a-z0-9_-]{0,6}".prop_map(|n| format!("{{{n}}}")),
        "[a-z0-9_-]{0,6}".prop_map(|n| format!("{{answer:{n}}}")),
        Just("{answer:}".to_string()),
        Just("\u{1b}[2J".to_string()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn answer_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        any::<String>().prop_map(Some),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069} a-z]{0,400}".prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rendering_never_panics_and_what_it_fills_in_is_safe(
        text in template_text(),
        answer in answer_text(),
        value in any::<i64>(),
    ) {
        let out = template::render(&text, &|_| value, &|_| answer.clone());
        // Whatever was filled in is safe; hazards can only come from the
        // template itself, which `check` refuses in a scenario file.
        let template_hazards = text.chars().filter(|&c| hotseat::text::is_hazard(c)).count();
        let out_hazards = out.chars().filter(|&c| hotseat::text::is_hazard(c)).count();
        prop_assert!(out_hazards <= template_hazards, "{out:?}");
        let from_answer = template::render("{answer:a}", &|_| value, &|_| answer.clone());
        prop_assert!(!from_answer.chars().any(hotseat::text::is_hazard), "{from_answer:?}");
        prop_assert!(!from_answer.contains('\n'));
        prop_assert!(from_answer.chars().count() <= template::MAX_SHOWN_CHARS + 1);
    }

    #[test]
    fn text_outside_placeholders_is_kept_as_written(text in template_text()) {
        // Parsing loses nothing but braces: the pieces, written back,
        // hold every other character of the template in order.
        let mut back = String::new();
        for p in template::parse(&text) {
            match p {
                Piece::Text(t) => back.push_str(t),
                Piece::Var(v) => back.push_str(v),
                Piece::Answer(n) => back.push_str(&format!("answer:{n}")),
            }
        }
        let strip = |s: &str| s.replace(['{', '}'], "");
        prop_assert_eq!(strip(&back), strip(&text));
        if !text.contains(['{', '}']) {
            prop_assert_eq!(template::render(&text, &|_| 1, &|_| None), text);
        }
    }
}
