//! Traps that travel with a scenario. A coach writing for AWS candidates
//! cannot use coaching written for "hiring committees at the big Chinese
//! clouds", and a shared scenario cannot depend on each candidate's own
//! `traps.ron`. So a scenario may define traps of its own and adapt the
//! text (and rules) of a catalogue trap for its audience; a session
//! records them with the rest of what it is judged with.

use std::collections::{HashMap, HashSet};

use super::model::{Language, OwnTrap, Scenario};
use super::report::Reporter;
use super::spans::SpanNode;
use super::validate::{Refs, TrapIds, check_cond, is_valid_id};
use crate::text::quote;
use crate::tr;
use crate::traps::{Catalogue, Trap, TrapTexts};

/// `cat` with the scenario's traps laid over it: an adapted trap takes
/// the texts (and rules) given, a new trap is added. The scenario was
/// checked, so a new trap has its texts; one that somehow lacks a text
/// shows its id rather than nothing. A new trap of a scenario written in
/// Chinese (`language: Zh`) is written in Chinese, so its texts are also
/// its Chinese texts: a Chinese debrief shows them as they are instead of
/// marking them as English.
pub fn merge(cat: &Catalogue, sc: &Scenario) -> Catalogue {
    let mut out = cat.clone();
    for own in &sc.traps {
        match out.traps.iter_mut().find(|t| t.id == own.id) {
            Some(t) => adapt(t, own),
            None => {
                let mut t = Trap {
                    id: own.id.clone(),
                    title: own.id.clone(),
                    why: String::new(),
                    instead: String::new(),
                    example: String::new(),
                    detect: Vec::new(),
                    zh: None,
                };
                adapt(&mut t, own);
                if sc.language == Language::Zh && own.zh.is_none() {
                    t.zh = Some(TrapTexts {
                        title: t.title.clone(),
                        why: t.why.clone(),
                        instead: t.instead.clone(),
                        example: t.example.clone(),
                    });
                }
                out.traps.push(t);
            }
        }
    }
    out
}

fn adapt(t: &mut Trap, own: &OwnTrap) {
    for (field, given) in [
        (&mut t.title, &own.title),
        (&mut t.why, &own.why),
        (&mut t.instead, &own.instead),
        (&mut t.example, &own.example),
    ] {
        if let Some(text) = given {
            *field = text.clone();
        }
    }
    if let Some(rules) = &own.detect {
        t.detect = rules.clone();
    }
    if let Some(zh) = &own.zh {
        t.zh = Some(zh.clone());
    }
}

/// Trap ids a scenario may name: the catalogue's and its own.
pub struct Ids<'a> {
    pub own: &'a [OwnTrap],
    pub known: &'a dyn TrapIds,
}

impl TrapIds for Ids<'_> {
    fn contains(&self, id: &str) -> bool {
        self.own.iter().any(|t| t.id == id) || self.known.contains(id)
    }
    fn all(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.own.iter().map(|t| t.id.as_str()).collect();
        ids.extend(self.known.all());
        ids
    }
    fn detectable(&self, id: &str) -> bool {
        match self.own.iter().find(|t| t.id == id).and_then(|t| t.detect.as_ref()) {
            Some(rules) => !rules.is_empty(),
            None => self.known.detectable(id),
        }
    }
}

/// Checks the scenario's `traps`: ids valid and unique, a new trap has
/// all four texts, no text is blank, every rule well-formed.
pub fn check(sc: &Scenario, root: Option<&SpanNode<'_>>, known: &dyn TrapIds, rep: &mut Reporter) {
    let list = root.and_then(|r| r.field("traps"));
    let nodes: HashSet<&str> = sc.nodes.iter().map(|n| n.id.as_str()).collect();
    let ids = Ids { own: &sc.traps, known };
    // Named conditions in a scenario trap's rules resolve against the
    // catalogue at run time; they are not checked here.
    let refs = Refs { nodes: Some(&nodes), vars: None, traps: &ids, conditions: None };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, t) in sc.traps.iter().enumerate() {
        let at = list.and_then(|l| l.item(i));
        let id_at = at.and_then(|a| a.field("id")).or(at);
        if !is_valid_id(&t.id) {
            let (msg, help) =
                (tr!(rep.lang, "diag-bad-trap-id", id = quote(&t.id)), tr!(rep.lang, "diag-bad-trap-id-help"));
            rep.error(id_at, "bad-id", msg, help);
        }
        if let Some(&j) = seen.get(t.id.as_str()) {
            let lang = rep.lang;
            let first = rep.line_of(list.and_then(|l| l.item(j)).and_then(|t| t.field("id")));
            let help =
                first.map_or(tr!(lang, "own-trap-twice-help"), |l| tr!(lang, "own-trap-twice-at-line-help", line = l));
            rep.error(id_at, "duplicate-trap", tr!(lang, "own-trap-twice", id = quote(&t.id)), help);
        }
        seen.entry(&t.id).or_insert(i);
        texts(t, at, known.contains(&t.id), known, rep);
        for (j, d) in t.detect.iter().flatten().enumerate() {
            let rule = at.and_then(|a| a.field("detect")).and_then(|r| r.item(j));
            check_cond(rep, &refs, &d.when, rule.and_then(|r| r.field("when")).or(rule));
        }
    }
}

/// A new trap needs every text; any text given must say something.
fn texts(t: &OwnTrap, at: Option<&SpanNode<'_>>, adapts: bool, known: &dyn TrapIds, rep: &mut Reporter) {
    let fields = [("title", &t.title), ("why", &t.why), ("instead", &t.instead), ("example", &t.example)];
    for (name, text) in fields {
        if text.as_ref().is_some_and(|s| s.trim().is_empty()) {
            let msg = tr!(rep.lang, "diag-empty-trap-text", field = name, id = quote(&t.id));
            let help = tr!(rep.lang, "own-trap-empty-text-help");
            rep.error(at.and_then(|a| a.field(name)).or(at), "empty-field", msg, help);
        }
    }
    let missing: Vec<&str> = fields.iter().filter(|(_, v)| v.is_none()).map(|(n, _)| *n).collect();
    if adapts || missing.is_empty() {
        return;
    }
    let add = missing.iter().map(|m| format!("{m}: \"...\"")).collect::<Vec<_>>().join(", ");
    let lang = rep.lang;
    let like = rep.may_suggest().then(|| super::diag::did_you_mean(&t.id, known.all())).flatten();
    let help = match like {
        Some(m) => tr!(lang, "own-trap-adapt-help", name = quote(m), add = add),
        None => tr!(lang, "own-trap-new-help", add = add),
    };
    let msg = tr!(lang, "own-trap-new-text", id = quote(&t.id), missing = missing.join(&tr!(lang, "own-trap-or")));
    rep.error(at.and_then(|a| a.field("id")).or(at), "new-trap-text", msg, help);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(id: &str, title: Option<&str>) -> OwnTrap {
        OwnTrap {
            id: id.into(),
            title: title.map(str::to_string),
            why: title.map(|_| "w".to_string()),
            instead: title.map(|_| "i".to_string()),
            example: title.map(|_| "e".to_string()),
            detect: None,
            zh: None,
        }
    }

    /// Issue 14: a scenario's own trap may carry its Chinese texts, which a
    /// Chinese debrief then shows (an English scenario's new trap, and an
    /// adapted catalogue trap alike).
    #[test]
    fn a_scenario_trap_may_carry_its_chinese_texts() {
        let (cat, _) = crate::traps::load(None);
        let zh = TrapTexts {
            title: "标题".into(), why: "原因".into(), instead: "做法".into(), example: "示例".into()
        };
        let src = include_str!("../../tests/fixtures/session-core.ron");
        let mut sc: Scenario = crate::ron_syntax::options().from_str(src).expect("fixture parses");
        sc.traps = vec![
            OwnTrap { zh: Some(zh.clone()), ..own("wrong-benchmark", Some("Wrong benchmark")) },
            OwnTrap { zh: Some(zh.clone()), ..own("vague-ask", None) },
        ];
        let merged = merge(&cat, &sc);
        for id in ["wrong-benchmark", "vague-ask"] {
            let t = merged.get(id).expect("in the merged catalogue");
            assert_eq!(t.zh.as_ref(), Some(&zh), "{id}");
        }
        assert_eq!(merged.get("wrong-benchmark").map(|t| t.title.as_str()), Some("Wrong benchmark"));
    }

    #[test]
    fn adapting_a_trap_keeps_its_rules_and_replaces_only_what_is_given() {
        let (cat, _) = crate::traps::load(None);
        let bundled = cat.get("compliance-deferred-to-legal").expect("bundled trap").clone();
        let mut sc: Scenario = crate::ron_syntax::options()
            .from_str(include_str!("../../tests/fixtures/session-core.ron"))
            .expect("parses");
        sc.traps = vec![
            OwnTrap { title: Some("Handing the audit to counsel".into()), ..own("compliance-deferred-to-legal", None) },
            own("blames-others", Some("Blaming another team")),
        ];
        let merged = merge(&cat, &sc);
        let adapted = merged.get("compliance-deferred-to-legal").expect("still there");
        assert_eq!(adapted.title, "Handing the audit to counsel");
        assert_eq!((&adapted.why, &adapted.detect), (&bundled.why, &bundled.detect));
        assert_eq!(merged.get("blames-others").map(|t| t.title.as_str()), Some("Blaming another team"));
        assert_eq!(merged.traps.len(), cat.traps.len() + 1);
    }

    /// A new trap in a Chinese scenario is written in Chinese: the Chinese
    /// debrief once showed its title marked "（英文）" (in English).
    #[test]
    fn a_new_trap_of_a_chinese_scenario_is_its_own_chinese_text() {
        let (cat, _) = crate::traps::load(None);
        let mut sc: Scenario = crate::ron_syntax::options()
            .from_str(include_str!("../../tests/fixtures/session-core.ron"))
            .expect("parses");
        sc.traps = vec![own("inflated-pay", Some("虚报现薪"))];
        sc.language = Language::Zh;
        let merged = merge(&cat, &sc);
        let t = merged.get("inflated-pay").expect("added");
        assert_eq!(t.zh.as_ref().map(|z| (z.title.as_str(), z.why.as_str())), Some(("虚报现薪", "w")));
        // In an English scenario a new trap is English and stays marked so.
        sc.language = Language::En;
        let merged = merge(&cat, &sc);
        assert!(merged.get("inflated-pay").expect("added").zh.is_none());
    }
}
