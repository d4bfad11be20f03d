//! `hotseat man`: the manual page, in roff, made from the clap command so
//! it cannot disagree with `--help`. clap_mangen writes the title,
//! synopsis and global options; the commands with their own options, the
//! environment, the files and the exit status are written here. The page
//! is in English, like the command names; docs/hotseat.1 is this output
//! (a test fails when it is stale).

use std::fmt::Write as _;

use clap::{Arg, Command, CommandFactory};

use super::Cli;

/// Prints the page on stdout.
pub fn print() -> std::io::Result<u8> {
    super::out::print(&page()?)?;
    Ok(0)
}

/// The whole page.
pub fn page() -> std::io::Result<String> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone()).manual("hotseat manual");
    let mut head = Vec::new();
    man.render_title(&mut head)?;
    man.render_name_section(&mut head)?;
    man.render_synopsis_section(&mut head)?;
    man.render_description_section(&mut head)?;
    man.render_options_section(&mut head)?;
    let mut page = String::from_utf8_lossy(&head).into_owned();
    page.push_str(&commands(&cmd));
    page.push_str(TAIL);
    let mut version = Vec::new();
    man.render_version_section(&mut version)?;
    page.push_str(&String::from_utf8_lossy(&version));
    Ok(page)
}

/// The COMMANDS section: each command's usage, what it does and its own
/// options (the global ones are listed once, under OPTIONS).
fn commands(root: &Command) -> String {
    let mut s = String::from(".SH COMMANDS\n");
    let mut queue: Vec<&Command> = root.get_subcommands().collect();
    let mut i = 0;
    while i < queue.len() {
        let cmd = queue[i];
        i += 1;
        if cmd.get_name() == "help" {
            continue;
        }
        let usage = cmd.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        let _ = write!(s, ".TP\n.B {}\n", escape(usage));
        if let Some(about) = cmd.get_long_about().or(cmd.get_about()) {
            let _ = writeln!(s, "{}", escape(&about.to_string()));
        }
        let own: Vec<&Arg> =
            cmd.get_arguments().filter(|a| !a.is_global_set() && !a.is_hide_set() && !is_builtin(a)).collect();
        if !own.is_empty() {
            s.push_str(".RS\n");
            for a in own {
                let _ = write!(s, ".TP\n{}\n{}\n", escape(&arg_name(a)), escape(&arg_help(a)));
            }
            s.push_str(".RE\n");
        }
        queue.splice(i..i, cmd.get_subcommands());
    }
    s
}

fn is_builtin(a: &Arg) -> bool {
    matches!(a.get_action(), clap::ArgAction::Help | clap::ArgAction::Version)
}

/// `--seed <SEED>` or `<ID|PATH>`, as the help shows it.
fn arg_name(a: &Arg) -> String {
    let value = a.get_value_names().map(|v| v.iter().map(|n| format!("<{n}>")).collect::<Vec<_>>().join(" "));
    let value = value.unwrap_or_else(|| format!("<{}>", a.get_id().as_str().to_uppercase()));
    match (a.get_long(), a.get_action().takes_values()) {
        (Some(long), true) => format!("--{long} {value}"),
        (Some(long), false) => format!("--{long}"),
        (None, _) => value,
    }
}

/// The help with the default and the possible values, as `--help` has them.
fn arg_help(a: &Arg) -> String {
    let mut help = a.get_long_help().or(a.get_help()).map(ToString::to_string).unwrap_or_default();
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        let _ = write!(help, " [default: {}]", defaults.join(" "));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("{} ({h})", v.get_name()),
            None => v.get_name().to_string(),
        })
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        let _ = write!(help, " [possible values: {}]", values.join(", "));
    }
    help
}

/// Text made safe for roff: a backslash is printed, a hyphen is a hyphen
/// (not a line-break point), and no line can start a request.
fn escape(text: &str) -> String {
    let s = text.replace('\\', "\\e").replace('-', "\\-");
    s.lines()
        .map(|l| if l.starts_with(['.', '\'']) { format!("\\&{l}") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sections no clap text holds: read from src/paths.rs, src/config.rs,
/// src/record and src/tui/runtime.rs.
const TAIL: &str = r#".SH ENVIRONMENT
.TP
.B HOTSEAT_DATA_DIR
The data directory. Without it, the platform's data directory
(\fI~/.local/share/hotseat\fR on Linux).
.TP
.B HOTSEAT_LANG
The language to speak, \fBen\fR or \fBzh\fR, when \fB\-\-lang\fR is not given.
Without either: the language chosen in the scenario picker (\fIconfig.toml\fR),
then the locale (\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR), else English.
.TP
.B HOTSEAT_SCENARIO_PATH
More directories of user scenarios, separated by colons, searched after
\fI<data dir>/scenarios\fR.
.TP
.B NO_COLOR
When set to anything non\-empty, the full\-screen modes draw without colour.
.SH FILES
In the data directory:
.TP
.I sessions/
Recorded sessions, one \fI<id>.session\fR file each, with annotations beside
it in \fI<id>.annotations.jsonl\fR.
.TP
.I scenarios/
The user's own scenarios (\fI*.ron\fR), listed beside the bundled ones.
.TP
.I traps.ron
The user's trap catalogue, which adds to the bundled one.
.TP
.I config.toml
What was chosen in the app and is remembered: the UI language (\fBlang = "zh"\fR).
.TP
.I debriefs/
Debriefs saved as Markdown with \fBe\fR on the debrief screen.
.TP
.I index.sqlite3
The session index: each session's summary, so listings need not replay
every session. Only a cache of the session files: deleted or damaged, it is
rebuilt (\fBhotseat sessions \-\-reindex\fR rebuilds it at any time).
.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Problems were found (\fBcheck\fR, \fBplaytest \-\-all\-paths\fR) or the operation failed.
.TP
.B 2
A usage error or an input/output problem.
.TP
.B 128+N
The full\-screen app was ended by signal \fIN\fR (129 also when its terminal went away).
"#;
