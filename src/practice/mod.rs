//! Reading many sessions together: how each trap has gone over time and
//! which to practise next. Pure functions over the index's summaries
//! ([`crate::index::Summary`]), shared by `hotseat progress` (the trend
//! and the "practise next" sentence) and `hotseat drill` (which traps a
//! drill targets), so the two never disagree.

pub mod drill;
pub mod progress;
pub mod schedule;
pub mod sheet;

pub use schedule::{RECEDE_AFTER, TrapRecord, Trend, traps};

use crate::i18n::Lang;
use crate::scenario::Scenario;

/// A trap's title for people, in `lang`: the catalogue's (its Chinese
/// block for Chinese), else the first scenario's own trap of that id that
/// has a title, else the id itself. Plans and reports name traps by title;
/// JSON keeps the ids.
pub fn trap_title(catalogue: &crate::traps::Catalogue, scenarios: &[&Scenario], id: &str, lang: Lang) -> String {
    if let Some(def) = catalogue.get(id) {
        return crate::assess::debrief::trap_texts(def, lang).title;
    }
    let own = scenarios.iter().flat_map(|sc| sc.traps.iter()).filter(|t| t.id == id);
    for t in own {
        match (lang, &t.zh, &t.title) {
            (Lang::Zh, Some(zh), _) if !zh.title.is_empty() => return zh.title.clone(),
            (_, _, Some(title)) => return title.clone(),
            _ => {}
        }
    }
    id.to_string()
}
