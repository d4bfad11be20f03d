//! `<data dir>/config.toml`: what the user chose in the app and expects it
//! to remember. Today only the UI language (`lang = "zh"`). A file that
//! cannot be read or parsed counts as no choice, never as an error: it
//! holds preferences, not data.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
}

fn path() -> Option<std::path::PathBuf> {
    crate::paths::data_dir().map(|d| d.join("config.toml"))
}

fn read() -> Config {
    let Some(p) = path() else { return Config::default() };
    let Ok(bytes) = crate::files::read_regular(&p, false, 64 * 1024) else { return Config::default() };
    std::str::from_utf8(&bytes).ok().and_then(|s| toml::from_str(s).ok()).unwrap_or_default()
}

/// The UI language last chosen in the picker.
pub fn remembered_lang() -> Option<Lang> {
    read().lang.as_deref().and_then(Lang::from_code)
}

/// Remembers `lang` as the UI language (written privately, replacing the
/// file whole, other settings kept).
pub fn remember_lang(lang: Lang) -> std::io::Result<()> {
    let p = path().ok_or_else(|| std::io::Error::other("no data directory: set HOTSEAT_DATA_DIR"))?;
    let mut c = read();
    c.lang = Some(lang.code().to_string());
    let text = toml::to_string(&c).map_err(std::io::Error::other)?;
    crate::files::write_private(&p, text.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_broken_config_is_no_choice() {
        let c: super::Config = toml::from_str("lang = 5").unwrap_or_default();
        assert_eq!(c.lang, None);
    }
}
