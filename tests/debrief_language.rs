//! Issue 14: the debrief speaks the scenario's language unless the reader
//! chose one, and JSON stays English (language-neutral) whatever is chosen.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::hotseat;

/// A data directory holding one recorded `behavioral-zh` session.
fn recorded(dir: &Path) {
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/behavioral-zh.weak.ron");
    let out =
        hotseat(dir).args(["playtest", "behavioral-zh", "--record", "--answers"]).arg(&answers).output().expect("runs");
    assert!(out.status.success(), "playtest --record: {out:?}");
}

/// `debrief latest` with `args`, with no language chosen by flag or
/// environment (the machine's locale is plain C).
fn debrief(dir: &Path, args: &[&str]) -> String {
    let out = hotseat(dir)
        .env_remove("HOTSEAT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(["debrief", "latest"])
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "debrief {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

const ENGLISH_HEADINGS: [&str; 6] =
    ["# Debrief:", "Verdict:", "Why this verdict", "## Traps", "**Why it hurts:**", "## Timeline"];

#[test]
fn a_chinese_session_is_debriefed_in_chinese_without_a_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    recorded(dir.path());
    let md = debrief(dir.path(), &["--format", "md"]);
    for zh in [
        "# 复盘：",
        "**结论：",
        "## 为什么是这个结论",
        "## 陷阱（",
        "**为什么扣分：**",
        "**更好的做法：**",
        "**你的原话：**",
    ] {
        assert!(md.contains(zh), "no `{zh}` in\n{md}");
    }
    assert!(md.contains("优秀回答示例（不是你的原话）"), "{md}");
    assert!(md.contains("## 时间线") && md.contains("## 笔记"), "{md}");
    // A trap it fell into, under its Chinese title.
    assert!(md.contains("讲成果却没有数字"), "{md}");
    assert!(!md.contains("Impact claimed without a number"), "{md}");
    for en in ENGLISH_HEADINGS {
        assert!(!md.contains(en), "English `{en}` in\n{md}");
    }
    let text = debrief(dir.path(), &["--format", "text"]);
    assert!(text.contains("为什么是这个结论\n") && !text.contains("Why this verdict"), "{text}");
}

#[test]
fn lang_en_makes_the_chinese_session_debrief_english() {
    let dir = tempfile::tempdir().expect("tempdir");
    recorded(dir.path());
    let md = debrief(dir.path(), &["--format", "md", "--lang", "en"]);
    for en in ENGLISH_HEADINGS {
        assert!(md.contains(en), "no `{en}` in\n{md}");
    }
    assert!(md.contains("Impact claimed without a number"), "{md}");
    assert!(!md.contains("# 复盘：") && !md.contains("**为什么扣分：**"), "{md}");
}

#[test]
fn json_debrief_is_the_same_in_every_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    recorded(dir.path());
    let plain = debrief(dir.path(), &["--format", "json"]);
    let zh = debrief(dir.path(), &["--format", "json", "--lang", "zh"]);
    let en = debrief(dir.path(), &["--format", "json", "--lang", "en"]);
    assert_eq!(plain, zh);
    assert_eq!(plain, en);
    let v: serde_json::Value = serde_json::from_str(&plain).expect("json");
    assert!(v["reasons"][0].as_str().is_some_and(|r| r.starts_with("Overall score")), "{v}");
    assert!(v.get("lang").is_none(), "the language is not a JSON field");
}

#[test]
fn playtest_json_is_english_whatever_the_ui_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playtests/behavioral-zh.weak.ron");
    let run = |lang: &str| {
        let out = hotseat(dir.path())
            .env("HOTSEAT_LANG", lang)
            .args(["playtest", "behavioral-zh", "--json", "--answers"])
            .arg(&answers)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let zh = run("zh");
    assert_eq!(zh, run("en"));
    assert!(zh.contains("Overall score") && !zh.contains("总分"), "{zh}");
}

/// Issue 14: what the commands say to a person follows the UI language
/// (here `HOTSEAT_LANG=zh`): errors, confirmations, table headings, the
/// assess report with the trap's Chinese title, the annotations heading of
/// a Markdown debrief.
#[test]
fn the_commands_speak_chinese_when_it_is_chosen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zh = || {
        let mut cmd = hotseat(dir.path());
        cmd.env("HOTSEAT_LANG", "zh");
        cmd
    };
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = |out: &std::process::Output| String::from_utf8_lossy(&out.stdout).into_owned();

    let out = zh().args(["run", "alibaba-cloud-p"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("没有 id 为“alibaba-cloud-p”的场景；你是不是想找“alibaba-cloud-pm”"), "{out:?}");

    let out = zh().args(["sessions"]).output().expect("runs");
    assert!(stdout(&out).contains("还没有任何场次"), "{out:?}");
    let out = zh().args(["debrief", "latest"]).output().expect("runs");
    assert!(stderr(&out).contains("还没有任何场次（查找位置："), "{out:?}");

    let out = zh().args(["list"]).output().expect("runs");
    let first = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(first.contains("语言") && first.contains("标题"), "{first:?}");

    let out = zh().args(["assess", "我们的系统很稳定，客户都很满意，效果非常好。"]).output().expect("runs");
    let text = stdout(&out);
    assert!(text.contains("陷阱 ") && text.contains("触发原文："), "{text}");
    assert!(text.contains("信号："), "{text}");

    recorded(dir.path());
    let out = zh().args(["sessions"]).output().expect("runs");
    let head = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(head.contains("状态") && head.contains("结论"), "{head:?}");
    let md = dir.path().join("d.md");
    let out = zh().args(["export", "latest", "--markdown"]).arg(&md).output().expect("runs");
    assert!(stderr(&out).contains("复盘已写入"), "{out:?}");
}
