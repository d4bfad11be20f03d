//! What `check` and `playtest` tell a scenario author comes in the
//! reader's language (issue 14, item 1), while JSON stays English
//! whatever the language, so scripts read the same fields and words.

#[path = "support/cli.rs"]
mod support;

use std::path::Path;

use hotseat::i18n::{self, Lang};
use support::{describe, hotseat};

const BROKEN: &str = "tests/fixtures/broken";

/// `hotseat ARGS` under `HOTSEAT_LANG=lang`: stdout, stderr.
fn run_in(lang: &str, args: &[&str]) -> (String, String) {
    let data = tempfile::tempdir().expect("temp dir");
    let out = hotseat(data.path()).env("HOTSEAT_LANG", lang).args(args).output().expect("runs");
    assert!(out.status.code().is_some(), "{}", describe(&out));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The `path:line:col: ` prefixes of a text report's diagnostics, in order,
/// with what follows each.
fn located(report: &str) -> Vec<(String, String)> {
    report
        .lines()
        .filter(|l| l.starts_with(BROKEN))
        .filter_map(|l| {
            // path:line:col: rest
            let mut parts = l.splitn(4, ':');
            let (p, line, col, rest) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            Some((format!("{p}:{line}:{col}"), rest.trim_start().to_string()))
        })
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn check_json_is_byte_identical_whatever_the_language() {
    let (en, _) = run_in("en", &["check", "--format", "json", BROKEN]);
    let (zh, _) = run_in("zh", &["check", "--format", "json", BROKEN]);
    assert!(en.contains("\"code\": \"unknown-node\""), "{en}");
    assert_eq!(en, zh, "check --json must not change with the language");
}

#[test]
fn a_broken_scenario_checked_in_chinese_is_told_in_chinese_at_the_same_places() {
    let (en, _) = run_in("en", &["check", BROKEN]);
    let (zh, _) = run_in("zh", &["check", BROKEN]);
    let (en_at, zh_at) = (located(&en), located(&zh));
    assert!(en_at.len() > 40, "{en}");
    let places = |v: &[(String, String)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(places(&en_at), places(&zh_at), "the same diagnostics at the same file:line:col");
    for (at, rest) in &zh_at {
        assert!(rest.starts_with("错误: ") || rest.starts_with("警告: "), "{at}: {rest}");
    }
    // Every message but the few `ron` words passed through is Chinese.
    let english: Vec<&(String, String)> = zh_at.iter().filter(|(_, rest)| !has_cjk(rest)).collect();
    assert!(english.is_empty(), "left in English: {english:#?}");
    assert!(zh.contains("提示："), "hints are introduced in Chinese: {zh}");
    assert!(zh.lines().last().is_some_and(|l| l.starts_with("已检查 ")), "{zh}");
    // The caret points at the same column in both.
    let caret = |s: &str| s.lines().filter(|l| l.trim_start().starts_with("| ") && l.ends_with('^')).count();
    assert_eq!(caret(&en), caret(&zh));
}

#[test]
fn a_suggestion_is_kept_in_chinese() {
    let file = Path::new(BROKEN).join("03-unknown-node.ron");
    let file = file.to_str().expect("utf-8 path");
    let (en, _) = run_in("en", &["check", file]);
    let (zh, _) = run_in("zh", &["check", file]);
    let suggested = |s: &str| s.split('"').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>();
    let en_help: Vec<&str> = en.lines().filter(|l| l.starts_with("help: did you mean")).collect();
    let zh_help: Vec<&str> = zh.lines().filter(|l| l.starts_with("提示：是不是想写")).collect();
    assert!(!en_help.is_empty(), "{en}");
    assert_eq!(en_help.len(), zh_help.len(), "{zh}");
    for (e, z) in en_help.iter().zip(&zh_help) {
        assert_eq!(suggested(e), suggested(z));
    }
}

/// Every `tr!(lang, "id")` in the authoring code names a message both
/// languages have: a typo'd id would print the id itself.
#[test]
fn every_message_id_the_authoring_code_uses_exists_in_both_languages() {
    let files = [
        "src/scenario/diag.rs",
        "src/scenario/load.rs",
        "src/scenario/teach.rs",
        "src/scenario/validate.rs",
        "src/scenario/own_traps.rs",
        "src/playtest.rs",
        "src/playtest/check.rs",
        "src/cli/check.rs",
        "src/cli/playtest.rs",
        "src/cli/all_paths.rs",
        "src/cli/graph.rs",
        "src/cli/stats.rs",
        "src/cli/new.rs",
        "src/cli/watch.rs",
        "src/traps.rs",
    ];
    let (en, zh) = (i18n::ids(Lang::En), i18n::ids(Lang::Zh));
    let mut used = 0;
    for file in files {
        let text = std::fs::read_to_string(file).expect("source file");
        for (i, _) in text.match_indices("tr!(") {
            // `tr!` itself, not `include_str!`.
            if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let call = &text[i..];
            let Some(id) = call.split('"').nth(1) else { continue };
            // Only the first argument after the language is the id.
            let head = &call[..call.find('"').unwrap_or(0)];
            if head.contains(')') {
                continue;
            }
            used += 1;
            assert!(en.iter().any(|m| m == id), "{file}: en lacks {id}");
            assert!(zh.iter().any(|m| m == id), "{file}: zh lacks {id}");
        }
    }
    assert!(used > 150, "only {used} ids found: is the scan broken?");
}

#[test]
fn playtest_tells_the_path_in_chinese_and_keeps_json_english() {
    let args = ["playtest", "alibaba-cloud-pm", "--answers", "tests/playtests/alibaba-cloud-pm.strong.ron"];
    let (en, _) = run_in("en", &args);
    let (zh, _) = run_in("zh", &args);
    let path = |s: &str, label: &str| s.lines().next().and_then(|l| l.strip_prefix(label)).map(str::to_string);
    let en_path = path(&en, "Path: ").unwrap_or_else(|| panic!("{en}"));
    assert_eq!(path(&zh, "路线：").as_deref(), Some(en_path.as_str()), "{zh}");
    let json = [&args[..], &["--json"]].concat();
    assert_eq!(run_in("en", &json).0, run_in("zh", &json).0, "playtest --json must not change with the language");
}

#[test]
fn a_playtest_that_stops_says_why_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.ron");
    std::fs::write(&answers, "{\"nope\": [Pass()]}").expect("write");
    let answers = answers.to_str().expect("utf-8 path");
    let (_, zh) = run_in("zh", &["playtest", "alibaba-cloud-pm", "--answers", answers]);
    assert!(zh.contains("答案文件中提到了场景里没有的节点：nope"), "{zh}");
    let (_, en) = run_in("en", &["playtest", "alibaba-cloud-pm", "--answers", answers]);
    assert!(en.contains("the answers file names nodes the scenario does not have: nope"), "{en}");
}

#[test]
fn stats_and_coverage_are_told_in_chinese() {
    let (zh, _) = run_in("zh", &["stats", "docs/example.ron"]);
    assert!(zh.starts_with("场景          example\n"), "{zh}");
    let (en, _) = run_in("en", &["stats", "docs/example.ron"]);
    assert!(en.starts_with("scenario      example\n"), "{en}");
    let (zh, _) = run_in("zh", &["playtest", "docs/example.ron", "--all-paths"]);
    assert!(zh.contains("每条跳转和每个节点都已到达"), "{zh}");
}

#[test]
fn a_broken_user_catalogue_is_named_in_chinese() {
    let data = tempfile::tempdir().expect("temp dir");
    let traps = r#"Catalogue(traps: [
        (id: "broken", title: "Broken", why: "w", instead: "i", example: "e",
         detect: [(when: Regex("(unclosed"))]),
    ])"#;
    std::fs::write(data.path().join("traps.ron"), traps).expect("catalogue");
    let out =
        hotseat(data.path()).env("HOTSEAT_LANG", "zh").args(["stats", "docs/example.ron"]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(": 错误: 陷阱 \"broken\" 的第 1 条检测规则："), "{}", describe(&out));
    assert!(stderr.contains("已略去该陷阱"), "{stderr}");
}

#[test]
fn new_says_what_it_wrote_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pricing.ron");
    let file = file.to_str().expect("utf-8 path");
    let (out, _) = run_in("zh", &["new", file]);
    assert!(out.starts_with(&format!("已写入 {file}：")), "{out}");
    assert!(out.contains("下一步：hotseat check"), "{out}");
    let (_, err) = run_in("zh", &["new", file]);
    assert!(err.contains("已存在；如要覆盖，请加 --force"), "{err}");
}

/// The variables a message's text uses, in any variant.
fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for el in &pattern.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// Each message's variables, by id, in one language's author.ftl.
fn author_messages(code: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let text = std::fs::read_to_string(format!("assets/i18n/{code}/author.ftl")).expect("author.ftl");
    let resource = fluent_syntax::parser::parse(text.as_str()).expect("author.ftl parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => {
                let mut vars = std::collections::BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_chinese_author_message_uses_the_variables_of_the_english_one() {
    let (en, zh) = (author_messages("en"), author_messages("zh"));
    assert!(en.len() > 250, "{} messages", en.len());
    assert_eq!(en.keys().collect::<Vec<_>>(), zh.keys().collect::<Vec<_>>(), "the same ids");
    for (id, vars) in &en {
        assert_eq!(Some(vars), zh.get(id), "{id}: the Chinese message must place the same variables");
    }
}
