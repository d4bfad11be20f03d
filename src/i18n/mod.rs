//! What hotseat says, in the reader's language. Messages live in Project
//! Fluent files, a folder per language (`assets/i18n/<code>/*.ftl`: the
//! screens, the commands, the authoring checks, progress, drills and
//! cohorts), so
//! plurals, variables and word order are the translator's to get right,
//! not the code's. Ids, JSON and session files stay language-neutral: only
//! human text goes through here. docs/translating.md says how to add a
//! language.

mod choose;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use choose::{Choice, choose, from_locale};

/// A language hotseat speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used by `--lang`, `HOTSEAT_LANG` and config.toml.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The other language, for falling back.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The message files of this language, as (name, text).
    fn sources(self) -> &'static [(&'static str, &'static str)] {
        /// One language's files, by the names every language shares.
        macro_rules! files {
            ($code:literal) => {
                &[
                    ("ui", include_str!(concat!("../../assets/i18n/", $code, "/ui.ftl"))),
                    ("cli", include_str!(concat!("../../assets/i18n/", $code, "/cli.ftl"))),
                    ("author", include_str!(concat!("../../assets/i18n/", $code, "/author.ftl"))),
                    ("help", include_str!(concat!("../../assets/i18n/", $code, "/help.ftl"))),
                    ("progress", include_str!(concat!("../../assets/i18n/", $code, "/progress.ftl"))),
                    ("drill", include_str!(concat!("../../assets/i18n/", $code, "/drill.ftl"))),
                    ("cohort", include_str!(concat!("../../assets/i18n/", $code, "/cohort.ftl"))),
                ]
            };
        }
        match self {
            Lang::En => files!("en"),
            Lang::Zh => files!("zh"),
        }
    }
}

/// The UI language of this process: set once at start-up from
/// [`choose`], read wherever a message is shown.
static UI: AtomicU8 = AtomicU8::new(0);
/// Whether the UI language was chosen (flag, environment, picker) rather
/// than guessed from the locale: a chosen one wins over a scenario's own.
static EXPLICIT: AtomicU8 = AtomicU8::new(0);

pub fn set_ui(choice: Choice) {
    UI.store(choice.lang as u8, Ordering::Relaxed);
    EXPLICIT.store(u8::from(choice.explicit), Ordering::Relaxed);
}

pub fn ui() -> Lang {
    if UI.load(Ordering::Relaxed) == Lang::Zh as u8 { Lang::Zh } else { Lang::En }
}

pub fn explicit() -> bool {
    EXPLICIT.load(Ordering::Relaxed) == 1
}

/// The language to coach in for a scenario written in `scenario`: the
/// UI's when it was chosen, else the scenario's own (a Chinese scenario
/// gets a Chinese debrief on an English machine).
pub fn for_scenario(scenario: crate::scenario::Language) -> Lang {
    match scenario {
        _ if explicit() => ui(),
        crate::scenario::Language::Zh => Lang::Zh,
        crate::scenario::Language::En => Lang::En,
        crate::scenario::Language::Both => ui(),
    }
}

/// One language's messages, parsed once.
struct Messages {
    bundle: FluentBundle<FluentResource>,
}

fn messages(lang: Lang) -> &'static Messages {
    static EN: OnceLock<Messages> = OnceLock::new();
    static ZH: OnceLock<Messages> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    cell.get_or_init(|| Messages::parse(lang))
}

impl Messages {
    /// A message file that fails to parse keeps what did parse (a test
    /// checks the bundled files parse whole).
    fn parse(lang: Lang) -> Messages {
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Fluent wraps each variable in bidi isolation marks by default;
        // hotseat treats those as hazards in a terminal, and neither
        // language here needs them.
        bundle.set_use_isolating(false);
        for (_, source) in lang.sources() {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
            // An id defined twice keeps its first text (a test checks
            // there are none).
            let _ = bundle.add_resource(resource);
        }
        Messages { bundle }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// Message `id` in `lang`, with `args`; the English one when `lang` lacks
/// it; the id itself when neither has it (a test checks none is missing).
pub fn message(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    let args = (!args.is_empty()).then_some(&fa);
    messages(lang).format(id, args).or_else(|| messages(Lang::En).format(id, args)).unwrap_or_else(|| id.to_string())
}

/// `tr!(lang, "id")` or `tr!(lang, "id", name = value, ...)`: a message
/// in `lang`. Values are anything Fluent takes (strings, numbers).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::message($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($lang, $id, &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+])
    };
}

/// The ids of every message of `lang`, for tests and tools.
pub fn ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, source) in lang.sources() {
        let r = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        ids.extend(r.entries().filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        }));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_file_parses_whole_and_languages_have_the_same_ids() {
        for lang in Lang::ALL {
            for (name, source) in lang.sources() {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("{}/{name}.ftl: {errors:?}", lang.code());
                }
            }
            let mut seen = std::collections::HashSet::new();
            let twice: Vec<_> = ids(lang).into_iter().filter(|id| !seen.insert(id.clone())).collect();
            assert!(twice.is_empty(), "{}: ids defined twice: {twice:?}", lang.code());
        }
        let mut en = ids(Lang::En);
        let mut zh = ids(Lang::Zh);
        en.sort();
        zh.sort();
        let missing: Vec<_> = en.iter().filter(|i| !zh.contains(i)).collect();
        let extra: Vec<_> = zh.iter().filter(|i| !en.contains(i)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "zh lacks {missing:?}; zh has extra {extra:?}");
    }

    #[test]
    fn every_message_formats_in_every_language_without_bidi_marks() {
        for lang in Lang::ALL {
            for id in ids(lang) {
                let text = message(lang, &id, &[("n", FluentValue::from(2)), ("name", FluentValue::from("x"))]);
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{}: {id}", lang.code());
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(crate::tr!(Lang::En, "count-traps", n = 1), "1 trap");
        assert_eq!(crate::tr!(Lang::En, "count-traps", n = 3), "3 traps");
        assert_eq!(crate::tr!(Lang::Zh, "count-traps", n = 3), "3 个陷阱");
    }
}
