//! The command line's own texts: `--help`, `help` and usage errors in the
//! UI language (issue 14), shell completions and the manual page
//! (issue 16).

use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

#[path = "support/cli.rs"]
mod cli;
use cli::{describe, hotseat};

fn zh(data: &Path, args: &[&str]) -> Output {
    hotseat(data).env("HOTSEAT_LANG", "zh").args(args).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// English words clap would show if a text were left untranslated.
const CLAP_ENGLISH: [&str; 6] = ["Usage:", "Commands:", "Options:", "Arguments:", "Print help", "possible values"];

fn assert_no_clap_english(text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "{word:?} left in English:\n{text}");
    }
}

#[test]
fn chinese_help_speaks_chinese_from_the_environment() {
    let data = TempDir::new().unwrap();
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = zh(data.path(), args);
        assert!(out.status.success(), "{args:?}: {}", describe(&out));
        let text = stdout(&out);
        for word in ["在终端里排练", "用法：hotseat", "命令：", "选项：", "立即开始一场面试", "显示帮助"]
        {
            assert!(text.contains(word), "{args:?} lacks {word}:\n{text}");
        }
        assert_no_clap_english(&text);
    }
    for args in [&["run", "--help"][..], &["run", "-h"], &["help", "run"]] {
        let out = zh(data.path(), args);
        assert!(out.status.success(), "{args:?}: {}", describe(&out));
        let text = stdout(&out);
        for word in ["用法：hotseat run", "参数：", "选项：", "不录制这场面试", "[默认：real]"] {
            assert!(text.contains(word), "{args:?} lacks {word}:\n{text}");
        }
        assert_no_clap_english(&text);
    }
    let out = zh(data.path(), &["run", "--help"]);
    assert!(stdout(&out).contains("- untimed：完全不限时"), "{}", stdout(&out));
}

#[test]
fn the_lang_flag_outranks_the_environment_for_help() {
    let data = TempDir::new().unwrap();
    let out = zh(data.path(), &["--lang", "en", "run", "--help"]);
    let text = stdout(&out);
    assert!(text.contains("Usage: hotseat run") && text.contains("Do not record this session"), "{text}");
    let out = hotseat(data.path()).args(["run", "--lang=zh", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("不录制这场面试"), "{}", describe(&out));
}

/// English help is clap's own rendering of the doc comments, unchanged by
/// the translation machinery (tests and users read it).
#[test]
fn english_help_is_unchanged() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).args(["run", "--help"]).output().unwrap();
    insta::assert_snapshot!("run_help_en", stdout(&out));
    let out = hotseat(data.path()).arg("-h").output().unwrap();
    insta::assert_snapshot!("root_short_help_en", stdout(&out));
}

#[test]
fn usage_errors_in_chinese_keep_exit_code_2() {
    let data = TempDir::new().unwrap();
    let cases: [(&[&str], &[&str]); 5] = [
        (&["run"], &["错误：缺少以下必需的参数：", "<ID|PATH>", "用法：hotseat run", "更多信息请运行 '--help'。"]),
        (&["bogus"], &["错误：无法识别的子命令 'bogus'"]),
        (
            &["run", "x", "--pace", "fast"],
            &["'--pace <PACE>' 的值 'fast' 无效", "[可选值：untimed, relaxed, real, pressure]"],
        ),
        (&["run", "x", "--pac", "real"], &["无法识别的参数 '--pac'", "提示：有相近的参数：'--pace'"]),
        (&["run", "--bogus"], &["提示：要把 '--bogus' 当作值传入，请写成 '-- --bogus'"]),
    ];
    for (args, words) in cases {
        let out = zh(data.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", describe(&out));
        let err = stderr(&out);
        for word in words {
            assert!(err.contains(word), "{args:?} lacks {word}:\n{err}");
        }
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{args:?}:\n{err}");
    }
}

#[test]
fn completions_cover_every_shell_and_name_the_commands_and_flags() {
    let data = TempDir::new().unwrap();
    for (shell, flag) in [("bash", "--lang"), ("zsh", "--lang"), ("fish", "-l lang")] {
        // The script is the same whatever the UI language.
        let out = zh(data.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", describe(&out));
        let script = stdout(&out);
        for word in ["sessions", "completions", flag] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let out = hotseat(data.path()).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
}

#[test]
fn the_bash_completion_script_parses() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).args(["completions", "bash"]).output().unwrap();
    let script = data.path().join("hotseat.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    match std::process::Command::new("bash").arg("-n").arg(&script).output() {
        Ok(check) => assert!(check.status.success(), "bash -n: {}", describe(&check)),
        Err(e) => println!("skipped: bash not runnable ({e})"),
    }
}

const MAN_PAGE: &str = "docs/hotseat.1";

/// The committed page is what `hotseat man` prints now.
#[test]
fn the_committed_man_page_is_up_to_date() {
    let data = TempDir::new().unwrap();
    let out = hotseat(data.path()).arg("man").output().unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    let page = stdout(&out);
    for section in
        [".SH COMMANDS", ".SH ENVIRONMENT", ".SH FILES", "HOTSEAT_DATA_DIR", "HOTSEAT_SCENARIO_PATH", "NO_COLOR"]
    {
        assert!(page.contains(section), "the page lacks {section}");
    }
    for command in
        ["hotseat run", "hotseat sessions rm", "hotseat completions", "sessions/", "traps.ron", "config.toml"]
    {
        assert!(page.contains(&command.replace('-', "\\-")), "the page lacks {command}");
    }
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MAN_PAGE)).unwrap_or_default();
    assert!(committed == page, "{MAN_PAGE} is stale: regenerate it with `cargo run -- man > {MAN_PAGE}`");
}

#[test]
fn the_man_page_renders_without_warnings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(MAN_PAGE);
    let out = std::process::Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) => {
            println!("skipped: man not runnable ({e})");
            return;
        }
    };
    assert!(out.status.success() && out.stderr.is_empty(), "man -l {MAN_PAGE}: {}", describe(&out));
    let text = stdout(&out);
    assert!(text.contains("ENVIRONMENT") && text.contains("hotseat run"), "{text}");
}
