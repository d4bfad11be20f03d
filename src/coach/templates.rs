//! Starter scenarios for `hotseat new`, and the id rewriting that turns a
//! template or a bundled scenario into a coach's own file.
//!
//! The templates are files under `assets/templates/`, compiled in. Each
//! passes `hotseat check --deny-warnings`, covers every edge under
//! `playtest --all-paths`, and carries the placeholder id [`PLACEHOLDER_ID`],
//! which `new` replaces with one derived from the file name.

use crate::scenario::spans;

/// The id every template is written with.
pub const PLACEHOLDER_ID: &str = "my-scenario";

/// What kind of interview a template starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// One free-text question with a follow-up, and a choice.
    Basic,
    /// A case interview: structure, a calculation, a timeout, a pitch.
    Case,
    /// An offer negotiation with a counter and a trap option.
    Negotiation,
}

/// The language a template is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// Every template, for tests and help texts.
pub const ALL: [(Template, Lang); 6] = [
    (Template::Basic, Lang::En),
    (Template::Basic, Lang::Zh),
    (Template::Case, Lang::En),
    (Template::Case, Lang::Zh),
    (Template::Negotiation, Lang::En),
    (Template::Negotiation, Lang::Zh),
];

/// The template's source text.
pub fn source(t: Template, lang: Lang) -> &'static str {
    match (t, lang) {
        (Template::Basic, Lang::En) => include_str!("../../assets/templates/basic.en.ron"),
        (Template::Basic, Lang::Zh) => include_str!("../../assets/templates/basic.zh.ron"),
        (Template::Case, Lang::En) => include_str!("../../assets/templates/case.en.ron"),
        (Template::Case, Lang::Zh) => include_str!("../../assets/templates/case.zh.ron"),
        (Template::Negotiation, Lang::En) => include_str!("../../assets/templates/negotiation.en.ron"),
        (Template::Negotiation, Lang::Zh) => include_str!("../../assets/templates/negotiation.zh.ron"),
    }
}

/// Why a scenario's id could not be rewritten.
#[derive(Debug, thiserror::Error)]
pub enum RewriteError {
    #[error("the scenario source does not parse, so its `id` cannot be found")]
    Unparsed,
    #[error("the scenario has no top-level `id:` field")]
    NoId,
}

/// A scenario id made from a file stem: lowercase ASCII letters and digits
/// kept, `-` and `_` kept, every other run of characters (spaces, dots,
/// Chinese) one `-`, no leading `-`/`_` or trailing `-`; `my-scenario` when
/// nothing is left (a stem such as `面试`).
pub fn id_from_stem(stem: &str) -> String {
    let mut id = String::with_capacity(stem.len());
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        let keep = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
        let c = if keep { c } else { '-' };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push(c);
    }
    let id = id.trim_start_matches(['-', '_']).trim_end_matches('-');
    if id.is_empty() { PLACEHOLDER_ID.to_string() } else { id.to_string() }
}

/// `src` with its scenario-level `id:` value replaced by `id` and nothing
/// else touched: comments, layout and every node id stay as written.
pub fn with_id(src: &str, id: &str) -> Result<String, RewriteError> {
    let root = spans::scan(src).ok_or(RewriteError::Unparsed)?;
    let span = root.field("id").ok_or(RewriteError::NoId)?.span.clone();
    let mut out = String::with_capacity(src.len() + id.len());
    out.push_str(&src[..span.start]);
    out.push('"');
    out.push_str(id);
    out.push('"');
    out.push_str(&src[span.end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_stems() {
        assert_eq!(id_from_stem("My Scenario"), "my-scenario");
        assert_eq!(id_from_stem("pricing_case-v2"), "pricing_case-v2");
        assert_eq!(id_from_stem("--Tencent.Panel  2024--"), "tencent-panel-2024");
        assert_eq!(id_from_stem("面试"), PLACEHOLDER_ID);
        assert_eq!(id_from_stem("阿里 cloud 面试"), "cloud");
        assert_eq!(id_from_stem("_x"), "x");
        assert!(crate::scenario::validate::is_valid_id(&id_from_stem("Ünïcode ünd ☃ 9")));
    }

    #[test]
    fn only_the_scenario_id_is_rewritten() {
        for (t, lang) in ALL {
            let src = source(t, lang);
            let out = with_id(src, "pricing-drill").expect("rewrites");
            let sc: crate::scenario::Scenario =
                crate::scenario::load::ron_options().from_str(&out).expect("still parses");
            assert_eq!(sc.id, "pricing-drill");
            assert_eq!(out.len(), src.len() - PLACEHOLDER_ID.len() + "pricing-drill".len());
            assert_eq!(out.replacen("\"pricing-drill\"", &format!("\"{PLACEHOLDER_ID}\""), 1), src);
        }
    }

    #[test]
    fn every_bundled_scenario_can_be_renamed() {
        for (name, src) in crate::library::BUNDLED {
            let out = with_id(src, "copy").expect(name);
            let sc: crate::scenario::Scenario = crate::scenario::load::ron_options().from_str(&out).expect(name);
            assert_eq!(sc.id, "copy");
        }
    }

    #[test]
    fn chinese_templates_are_in_chinese() {
        for t in [Template::Basic, Template::Case, Template::Negotiation] {
            let sc: crate::scenario::Scenario =
                crate::scenario::load::ron_options().from_str(source(t, Lang::Zh)).expect("parses");
            assert_eq!(sc.language, crate::scenario::Language::Zh);
            for n in sc.nodes.iter().filter(|n| !n.is_end()) {
                assert!(n.prompt.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {}", n.id, n.prompt);
            }
        }
    }
}
