//! The trap catalogue: the mistakes the debrief names, why they hurt and
//! what a strong answer does instead. Bundled in `assets/traps.ron`; a user
//! catalogue at `<data dir>/traps.ron` may add more.

use serde::{Deserialize, Serialize};

use crate::rules::Cond;
use crate::text::{one_line, quote};

/// The bundled catalogue source, compiled in so the binary works anywhere.
pub const BUNDLED_SOURCE: &str = include_str!("../assets/traps.ron");

/// The whole catalogue file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Conditions defined once and used by name in detection rules.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub conditions: crate::rules::Conditions,
    /// Extra phrases for built-in signals, in force for detection rules.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub signals: crate::rules::SignalPhrases,
    pub traps: Vec<Trap>,
}

/// One trap a candidate can fall into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    pub id: String,
    pub title: String,
    /// Why interviewers mark it down.
    pub why: String,
    /// What a strong answer does instead.
    pub instead: String,
    /// An example of a strong answer.
    pub example: String,
    /// Detection rules over answer text; any one firing means the trap.
    /// Empty for traps that come from elsewhere (the clock, a choice).
    #[serde(default)]
    pub detect: Vec<Detect>,
    /// The four texts in Chinese, written for Chinese readers (the texts
    /// above are English in the bundled catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<TrapTexts>,
}

/// A trap's coaching in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrapTexts {
    pub title: String,
    pub why: String,
    pub instead: String,
    pub example: String,
}

/// One detection rule for a trap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detect {
    pub when: Cond,
    /// Run only on answers to nodes with one of these competencies;
    /// empty means on every answer.
    #[serde(default)]
    pub competencies: Vec<String>,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&Trap> {
        self.traps.iter().find(|t| t.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.traps.iter().map(|t| t.id.as_str())
    }
}

/// A catalogue problem: the bundled one is checked by tests, so this is
/// about the user's `traps.ron`. Paths and ids hold text as found; the
/// messages escape them, since they go to a terminal.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{}:{line}:{col}: error: {message}", one_line(.path))]
    Parse { path: String, line: usize, col: usize, message: String },
    #[error("{}: error: trap id \"{}\" is already in the catalogue", one_line(.path), one_line(&quote(.id)))]
    Duplicate { path: String, id: String },
    #[error("{}: error: condition \"{}\" is already defined in the bundled catalogue", one_line(.path), one_line(&quote(.name)))]
    DuplicateCondition { path: String, name: String },
    #[error("{}: {}", one_line(.path), one_line(&.source.to_string()))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A trap whose detection rule cannot run: that trap is left out, and
    /// every other trap keeps working.
    #[error(
        "{}: error: trap \"{}\", detection rule {rule}: {} (left out; `hotseat check {}` shows where)",
        one_line(.path), one_line(&quote(.id)), one_line(.message), one_line(.path)
    )]
    Rule { path: String, id: String, rule: usize, message: String },
}

impl CatalogueError {
    /// The problem for a reader of `lang`; `Display` is the English one.
    /// The parser's and the regex crate's own words are kept as they are.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        let error = tr!(lang, "diag-error");
        match self {
            CatalogueError::Parse { path, line, col, message } => {
                format!("{}:{line}:{col}: {error}: {}", one_line(path), message)
            }
            CatalogueError::Duplicate { path, id } => {
                let text = tr!(lang, "catalogue-duplicate", id = one_line(&quote(id)));
                format!("{}: {error}: {text}", one_line(path))
            }
            CatalogueError::DuplicateCondition { path, name } => {
                let text = tr!(lang, "catalogue-duplicate-condition", name = one_line(&quote(name)));
                format!("{}: {error}: {text}", one_line(path))
            }
            CatalogueError::Io { .. } => self.to_string(),
            CatalogueError::Rule { path, id, rule, message } => {
                let text = tr!(
                    lang,
                    "catalogue-rule",
                    id = one_line(&quote(id)),
                    rule = rule.to_string(),
                    message = one_line(message),
                    path = one_line(path)
                );
                format!("{}: {error}: {text}", one_line(path))
            }
        }
    }
}

/// The first detection rule of `t` that cannot run (1-based), and why: a
/// regex that does not compile, a name no condition has, or a cycle among
/// named conditions. One such rule used to make the whole detector fail,
/// and so every trap, bundled ones included, went silent. Compiling here
/// is the thorough check; user catalogues are small.
fn broken_rule(t: &Trap, cat: &Catalogue) -> Option<(usize, String)> {
    let mut compiler = crate::rules::Compiler::new(&cat.conditions, &cat.signals);
    t.detect.iter().enumerate().find_map(|(i, d)| {
        let e = compiler.compile(&d.when).err()?;
        // The regex crate's message draws the pattern over several lines;
        // its last line says what is wrong.
        let message = e.to_string();
        let last = message.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(&message).trim();
        Some((i + 1, last.trim_start_matches("error:").trim().to_string()))
    })
}

/// Adds `phrases` to the extra phrases of `signal`, each once.
fn add_phrases(signals: &mut crate::rules::SignalPhrases, signal: String, phrases: Vec<String>) {
    let have = signals.entry(signal).or_default();
    for p in phrases {
        if !have.contains(&p) {
            have.push(p);
        }
    }
}

/// Parses catalogue text.
pub fn parse(path: &str, src: &str) -> Result<Catalogue, CatalogueError> {
    crate::ron_syntax::options().from_str(src).map_err(|e: ron::error::SpannedError| CatalogueError::Parse {
        path: path.to_string(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: one_line(&e.code.to_string()),
    })
}

/// The bundled catalogue plus the user's additions, if any. A broken user
/// catalogue is reported and left out; the bundled traps still work.
pub fn load(user: Option<&std::path::Path>) -> (Catalogue, Vec<CatalogueError>) {
    let mut problems = Vec::new();
    // Parsed once per process: sessions, the listing and tests load it often.
    let mut cat = match bundled() {
        Ok(c) => c.clone(),
        Err(_) => {
            // Only a broken build gets here; parse again for the located error.
            problems.extend(parse("bundled:traps.ron", BUNDLED_SOURCE).err());
            Catalogue::default()
        }
    };
    let Some(path) = user.filter(|p| p.exists()) else {
        return (cat, problems);
    };
    let shown = path.display().to_string();
    let added = std::fs::read_to_string(path)
        .map_err(|source| CatalogueError::Io { path: shown.clone(), source })
        .and_then(|src| parse(&shown, &src));
    match added {
        Ok(extra) => {
            for (name, def) in extra.conditions {
                match cat.conditions.entry(name) {
                    std::collections::btree_map::Entry::Occupied(e) => {
                        problems.push(CatalogueError::DuplicateCondition { path: shown.clone(), name: e.key().clone() })
                    }
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert(def);
                    }
                }
            }
            for (signal, phrases) in extra.signals {
                add_phrases(&mut cat.signals, signal, phrases);
            }
            for t in extra.traps {
                if cat.get(&t.id).is_some() {
                    problems.push(CatalogueError::Duplicate { path: shown.clone(), id: t.id });
                } else if let Some((rule, message)) = broken_rule(&t, &cat) {
                    problems.push(CatalogueError::Rule { path: shown.clone(), id: t.id, rule, message });
                } else {
                    cat.traps.push(t);
                }
            }
        }
        Err(e) => problems.push(e),
    }
    (cat, problems)
}

/// The id of the bundled catalogue this build carries, recorded in every
/// session file (see [`crate::digest::short_id`]).
pub fn bundled_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| crate::digest::short_id(BUNDLED_SOURCE.as_bytes()))
}

/// The bundled catalogue, parsed once per process.
fn bundled() -> Result<&'static Catalogue, String> {
    static CAT: std::sync::OnceLock<Result<Catalogue, String>> = std::sync::OnceLock::new();
    CAT.get_or_init(|| parse("bundled:traps.ron", BUNDLED_SOURCE).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// Whether `t` detects with the rules of the bundled trap of its id.
pub fn has_bundled_rules(t: &Trap) -> bool {
    bundled().ok().and_then(|b| b.get(&t.id)).is_some_and(|b| b.detect == t.detect)
}

impl Catalogue {
    /// The traps of this catalogue that the bundled one does not hold as
    /// they are: a user's or a scenario's own traps, and bundled traps
    /// whose text was adapted. This is what a session file records.
    pub fn beyond_bundled(&self) -> Catalogue {
        let bundled = bundled().ok();
        let same = |t: &Trap| bundled.and_then(|b| b.get(&t.id)).is_some_and(|b| b == t);
        // Named conditions and signal phrases go along whole: the bundled
        // catalogue defines none, and they are small.
        Catalogue {
            conditions: self.conditions.clone(),
            signals: self.signals.clone(),
            traps: self.traps.iter().filter(|t| !same(t)).cloned().collect(),
        }
    }

    /// The catalogue as RON text, which [`parse`] reads back exactly.
    pub fn to_ron(&self) -> String {
        // Serialising plain data to a String cannot fail; keep the traps
        // even so, as an empty list rather than a panic.
        ron::ser::to_string(self).unwrap_or_else(|_| "(traps: [])".into())
    }

    /// The bundled catalogue with `recorded` laid over it: a recorded trap
    /// replaces the bundled one of its id, the others are added. A session
    /// file is judged with this, never with today's `traps.ron`.
    pub fn recorded(recorded: &str) -> Result<Catalogue, CatalogueError> {
        let extra = parse("the session's recorded traps", recorded)?;
        let mut cat = bundled().cloned().unwrap_or_default();
        cat.conditions.extend(extra.conditions);
        for (signal, phrases) in extra.signals {
            add_phrases(&mut cat.signals, signal, phrases);
        }
        for t in extra.traps {
            match cat.traps.iter_mut().find(|b| b.id == t.id) {
                Some(b) => *b = t,
                None => cat.traps.push(t),
            }
        }
        Ok(cat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_catalogue_adds_named_conditions_and_signal_phrases_and_a_rule_naming_no_condition_is_left_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("traps.ron");
        let src = r#"Catalogue(
            conditions: {"blames-vendor": And([AnyOf(["the vendor"]), Not(Owns)])},
            signals: {"ownership": ["I traced"]},
            traps: [
                (id: "vendor-blame", title: "t", why: "w", instead: "i", example: "e",
                 detect: [(when: InSentence(Named("blames-vendor")))]),
                (id: "typo-blame", title: "t", why: "w", instead: "i", example: "e",
                 detect: [(when: Named("blames-vendr"))]),
            ],
        )"#;
        std::fs::write(&path, src).expect("write");
        let (cat, problems) = load(Some(&path));
        assert!(cat.get("vendor-blame").is_some() && cat.get("typo-blame").is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].to_string().contains("no condition is named \"blames-vendr\""), "{}", problems[0]);
        let detector = crate::assess::Detector::new(&cat).expect("compiles");
        let hit = |text: &str| {
            let found = detector.detect(&crate::rules::Answer::new(text), &[], &crate::rules::NoEnv);
            found.iter().any(|f| f.id == "vendor-blame")
        };
        assert!(hit("The vendor broke it."));
        assert!(!hit("I traced it: the vendor broke it."), "the user's ownership phrase counts");
        // What a session records carries the names along, and reads back the same.
        let recorded = Catalogue::recorded(&cat.beyond_bundled().to_ron()).expect("reads back");
        assert_eq!(recorded.conditions, cat.conditions);
        assert_eq!(recorded.signals, cat.signals);
    }
}
