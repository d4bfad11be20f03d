//! Which language to speak: `--lang`, then `HOTSEAT_LANG`, then the one
//! remembered from the picker (config.toml), then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. A remembered choice
//! outranks the locale because the user made it; the flag and the
//! variable outrank it because they are made for this one run.

use super::Lang;

/// A language and whether the user chose it (anything but the locale).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub lang: Lang,
    pub explicit: bool,
}

/// Chooses from the flag, the environment (`env` reads a variable) and
/// the remembered choice. An unknown `HOTSEAT_LANG` is ignored (the
/// caller may warn); the locale only counts when it names a language.
pub fn choose(flag: Option<Lang>, env: &dyn Fn(&str) -> Option<String>, remembered: Option<Lang>) -> Choice {
    let chosen = flag.or_else(|| env("HOTSEAT_LANG").and_then(|v| Lang::from_code(&v))).or(remembered);
    if let Some(lang) = chosen {
        return Choice { lang, explicit: true };
    }
    // POSIX order: the first of these that is set and not empty decides.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|k| env(k).filter(|v| !v.is_empty()));
    Choice { lang: locale.and_then(|l| from_locale(&l)).unwrap_or(Lang::En), explicit: false }
}

/// The language a locale name such as `zh_CN.UTF-8`, `zh-Hans` or
/// `en_GB` names; `None` for `C`, `POSIX` and languages hotseat lacks.
pub fn from_locale(locale: &str) -> Option<Lang> {
    let lang = locale.split(['_', '-', '.', '@']).next()?;
    Lang::from_code(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_flag_wins_then_the_variable_then_the_remembered_choice_then_the_locale() {
        let all = env(&[("HOTSEAT_LANG", "en"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(Some(Lang::Zh), &all, None), Choice { lang: Lang::Zh, explicit: true });
        assert_eq!(choose(None, &all, Some(Lang::Zh)), Choice { lang: Lang::En, explicit: true });
        let locale = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(None, &locale, Some(Lang::En)), Choice { lang: Lang::En, explicit: true });
        assert_eq!(choose(None, &locale, None), Choice { lang: Lang::Zh, explicit: false });
        assert_eq!(choose(None, &env(&[]), None), Choice { lang: Lang::En, explicit: false });
    }

    #[test]
    fn locales_are_read_the_posix_way() {
        let lc_all = env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(None, &lc_all, None).lang, Lang::En, "LC_ALL outranks LANG");
        let empty = env(&[("LC_ALL", ""), ("LANG", "zh_TW.UTF-8")]);
        assert_eq!(choose(None, &empty, None).lang, Lang::Zh, "an empty LC_ALL does not count");
        assert_eq!(from_locale("C.UTF-8"), None);
        assert_eq!(from_locale("zh-Hans"), Some(Lang::Zh));
        assert!(!choose(None, &env(&[("HOTSEAT_LANG", "klingon")]), None).explicit);
    }
}
