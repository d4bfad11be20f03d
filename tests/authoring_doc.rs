//! docs/authoring.md is a tutorial whose every command must work as
//! written. This test replays it in an empty directory: each ```ron block
//! whose first line names a file (`// pricing-drill.ron`) is written to
//! that file, and each line of each ```sh block is run, in document order,
//! with `sh`, hotseat first on the PATH and a fresh HOME. A trailing
//! `# exits N` gives the expected exit status (default 0). `# needs a
//! terminal` lines must get as far as asking for one; `# runs until
//! Ctrl-C` lines are left to tests/coach.rs; `dot` lines are skipped where
//! Graphviz is not installed. Every ```text block must be output some
//! command printed (the misspelled-id example is reproduced by hand).

use std::path::Path;
use std::process::{Command, Output};

const DOC: &str = include_str!("../docs/authoring.md");
const BIN: &str = env!("CARGO_BIN_EXE_hotseat");

#[derive(Debug)]
enum Block {
    /// A file to write: name and content.
    File(String, String),
    /// A shell command line.
    Sh(String),
    /// Output shown to the reader.
    Text(String),
}

fn blocks(doc: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let Some(lang) = line.strip_prefix("```") else { continue };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        match lang {
            "ron" => {
                let first = body.first().copied().unwrap_or("");
                let name = first.strip_prefix("// ").and_then(|r| r.split([':', ' ']).next());
                if let Some(name) = name.filter(|n| n.ends_with(".ron")) {
                    out.push(Block::File(name.to_string(), body.join("\n") + "\n"));
                }
            }
            "sh" => out.extend(
                body.iter().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| Block::Sh(l.to_string())),
            ),
            "text" => out.push(Block::Text(body.join("\n") + "\n")),
            _ => {}
        }
    }
    out
}

/// The command and what the trailing comment expects of it.
fn split_comment(line: &str) -> (&str, &str) {
    match line.find("  #") {
        Some(i) => (line[..i].trim(), line[i + 3..].trim()),
        None => (line.trim(), ""),
    }
}

fn expected_status(comment: &str) -> i32 {
    comment
        .strip_prefix("exits ")
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn sh(dir: &Path, line: &str) -> Output {
    let bin_dir = Path::new(BIN).parent().expect("binary has a directory");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin_dir.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).expect("PATH joins"))
        .env("HOME", dir.join("home"))
        .env("NO_COLOR", "1")
        .env("HOTSEAT_LANG", "en")
        .env_remove("HOTSEAT_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("HOTSEAT_SCENARIO_PATH")
        .output()
        .expect("sh runs")
}

fn describe(line: &str, out: &Output) -> String {
    format!(
        "`{line}`: status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success())
}

#[test]
fn every_command_in_the_authoring_guide_works_as_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::create_dir(dir.join("home")).expect("home");
    let dot = have("dot", "-V");
    if !dot {
        println!("SKIPPED: graphviz not installed; the `dot` lines are not run");
    }
    let blocks = blocks(DOC);
    let mut outputs: Vec<String> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut ran = 0;
    for block in &blocks {
        match block {
            Block::File(name, content) => std::fs::write(dir.join(name), content).expect("write the file"),
            Block::Text(t) => texts.push(t),
            Block::Sh(line) => {
                let (cmd, comment) = split_comment(line);
                if comment.contains("runs until Ctrl-C") || (!dot && cmd.contains("| dot ")) {
                    continue;
                }
                let out = sh(dir, cmd);
                if comment.contains("needs a terminal") {
                    // It resolved the scenario and stopped only for the terminal.
                    assert_eq!(out.status.code(), Some(2), "{}", describe(cmd, &out));
                    assert!(
                        String::from_utf8_lossy(&out.stderr).contains("needs a terminal"),
                        "{}",
                        describe(cmd, &out)
                    );
                } else {
                    assert_eq!(out.status.code(), Some(expected_status(comment)), "{}", describe(cmd, &out));
                }
                outputs.push(String::from_utf8_lossy(&out.stdout).into_owned());
                ran += 1;
            }
        }
    }
    assert!(ran >= 20, "only {ran} commands found in the guide");
    assert!(outputs.last().is_some_and(|o| o.contains("pricing-drill")), "the last command lists the scenario");
    if dot {
        let svg = std::fs::read_to_string(dir.join("pricing-drill.svg")).expect("the picture was drawn");
        assert!(svg.contains("<svg"));
    }
    for text in texts {
        if text.contains("end-god") {
            // Reproduce the typo on the first version of the file.
            let Some(Block::File(_, first)) =
                blocks.iter().find(|b| matches!(b, Block::File(n, _) if n == "pricing-drill.ron"))
            else {
                panic!("the guide has no pricing-drill.ron");
            };
            let typo = tempfile::tempdir().expect("tempdir");
            std::fs::write(typo.path().join("pricing-drill.ron"), first.replace("\"end-good\")", "\"end-god\")"))
                .expect("write");
            let out = sh(typo.path(), "hotseat check pricing-drill.ron");
            assert!(
                String::from_utf8_lossy(&out.stdout).contains(text),
                "{}\nshould contain\n{text}",
                describe("check", &out)
            );
        } else {
            assert!(outputs.iter().any(|o| o.contains(text)), "no command printed:\n{text}");
        }
    }
}

#[test]
fn the_guide_documents_every_stats_json_field() {
    let st = hotseat::coach::stats::compute(
        &hotseat::scenario::load::ron_options()
            .from_str(hotseat::library::BUNDLED[0].1)
            .expect("the first bundled scenario parses"),
    );
    let json = serde_json::to_value(&st).expect("serialises");
    for key in json.as_object().expect("an object").keys() {
        assert!(DOC.contains(&format!("`{key}`")), "docs/authoring.md does not document `{key}`");
    }
}
