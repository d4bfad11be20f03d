//! clap's help, usage and errors in the UI language, and the shell
//! completions. The language has to be known before clap parses (the
//! parse may end in help or a usage error), so it is read from argv
//! (`--lang zh`, `--lang=zh`) and the usual chain ([`crate::i18n::choose`])
//! first. English is `Cli::command()` untouched, so its help stays exactly
//! what the doc comments say; any other language rebuilds every text clap
//! shows from `assets/i18n/<lang>/help.ftl`, keyed by command path and
//! argument id, so a new flag without a message fails a test instead of
//! showing English in a Chinese help.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::{Lang, message};
use crate::tr;

/// A shell `hotseat completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The command line of this process, parsed with help, usage and errors
/// in the UI language. Like `Cli::parse`, prints help, the version or a
/// usage error and exits when there is nothing to run: 0, or clap's 2 for
/// a usage error, which is hotseat's [`super::EXIT_USAGE`].
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = |k: &str| std::env::var(k).ok();
    let choice = crate::i18n::choose(lang_flag(&args), &env, crate::config::remembered_lang());
    // The error formatter reads the UI language; `run` sets it again.
    crate::i18n::set_ui(choice);
    let mut cmd = command(choice.lang);
    let parsed =
        cmd.try_get_matches_from_mut(args).and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut cmd)));
    match parsed {
        Ok(cli) => cli,
        Err(e) if choice.lang == Lang::En => e.exit(),
        Err(e) => e.apply::<Localized>().exit(),
    }
}

/// The `--lang` given on the command line, read before clap parses it: the
/// first `--lang X` or `--lang=X` before a `--`. A value clap will refuse
/// counts as none (clap then says what is wrong, in the chain's language).
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == "--lang" {
            return it.next().and_then(Lang::from_code);
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::from_code(v);
        }
    }
    None
}

/// The clap command speaking `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // Building first adds clap's own `-h`, `-V` and `help` command (and
    // the global `--lang` to every command), so they can be translated
    // too, and fixes the layout (one line or two per flag) as English has
    // it.
    cmd.build();
    localize(cmd, &[], lang)
}

/// Prints the completion script for `shell`. Names and flags are the same
/// in every language, so it is made from the English command.
pub fn completions(shell: Shell) -> std::io::Result<u8> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    match shell {
        Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "hotseat", &mut script),
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, "hotseat", &mut script),
        Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, "hotseat", &mut script),
    }
    super::out::print(&String::from_utf8_lossy(&script))?;
    Ok(0)
}

/// Message ids of the texts clap shows for one command (the path of
/// subcommand names from the top, empty for hotseat itself).
fn about_id(path: &[String]) -> String {
    match path.last().map(String::as_str) {
        None => "help-about".to_string(),
        // clap's own `help` command, wherever it is.
        Some("help") => "help-cmd-help".to_string(),
        Some(_) => format!("help-cmd-{}", path.join("-")),
    }
}

/// Ids for one argument's help and long help. A global argument (`--lang`)
/// is one message wherever clap copied it.
fn arg_ids(path: &[String], arg: &Arg) -> (String, String) {
    match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong if arg.get_long_help().is_some() => {
            ("help-flag-help-short".into(), "help-flag-help-long".into())
        }
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => ("help-flag-help".into(), String::new()),
        ArgAction::Version => ("help-flag-version".into(), String::new()),
        _ => {
            let mut parts: Vec<&str> =
                if arg.is_global_set() { Vec::new() } else { path.iter().map(String::as_str).collect() };
            let id = arg.get_id().as_str().replace('_', "-");
            parts.push(&id);
            let base = format!("help-arg-{}", parts.join("-"));
            (base.clone(), format!("{base}-long"))
        }
    }
}

fn value_id(path: &[String], arg: &Arg, value: &str) -> String {
    format!("{}-{value}", arg_ids(path, arg).0.replacen("help-arg-", "help-value-", 1))
}

/// The path of a subcommand: clap's `help` command lists copies of the
/// real commands, which share their messages.
fn sub_path(path: &[String], parent: &Command, name: &str) -> Vec<String> {
    if parent.get_name() == "help" {
        let mut p = path.to_vec();
        p.pop();
        p.push(name.to_string());
        return p;
    }
    let mut p = path.to_vec();
    p.push(name.to_string());
    p
}

/// Every (message id, English text) clap shows for `cmd` and its
/// subcommands, for the test that every one has a message.
/// One of clap's tips in `lang`: the one it gives for an unknown
/// argument that looks like a flag is translated; others, rarer, stay as
/// clap words them.
fn tip_in(lang: Lang, tip: &str) -> String {
    let arg = tip.strip_prefix("to pass '").and_then(|r| r.split_once("' as a value, use '-- ")).map(|(arg, _)| arg);
    match arg {
        Some(arg) => tr!(lang, "error-tip-pass-as-value", arg = arg),
        None => tip.to_string(),
    }
}

#[cfg(test)]
fn texts(cmd: &Command, path: &[String], out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((about_id(path), about.to_string()));
    }
    if let Some(long) = cmd.get_long_about() {
        out.push((format!("{}-long", about_id(path)), long.to_string()));
    }
    for arg in cmd.get_arguments() {
        let (short, long) = arg_ids(path, arg);
        if let Some(help) = arg.get_help() {
            out.push((short, help.to_string()));
        }
        if let Some(help) = arg.get_long_help() {
            out.push((long, help.to_string()));
        }
        // Hidden values are shown in the help text instead (see `notes`).
        for v in arg.get_possible_values().into_iter().filter(|_| !arg.is_hide_possible_values_set()) {
            if let Some(help) = v.get_help() {
                out.push((value_id(path, arg, v.get_name()), help.to_string()));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        texts(sub, &sub_path(path, cmd, sub.get_name()), out);
    }
}

/// `cmd` with every text clap shows in `lang`.
fn localize(mut cmd: Command, path: &[String], lang: Lang) -> Command {
    if cmd.get_about().is_some() {
        cmd = cmd.about(message(lang, &about_id(path), &[]));
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(message(lang, &format!("{}-long", about_id(path)), &[]));
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().as_str().to_string()).collect();
    for id in args {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, path, lang));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let p = sub_path(path, &cmd, &name);
        cmd = cmd.mut_subcommand(name, |s| localize(s, &p, lang));
    }
    let template = template(&cmd, lang);
    cmd.help_template(template)
}

/// clap's help layout with its words in `lang`: the usage line, then the
/// commands, arguments and options sections this command has.
fn template(cmd: &Command, lang: Lang) -> String {
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!("{}\n{{subcommands}}", tr!(lang, "help-heading-commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!("{}\n{{positionals}}", tr!(lang, "help-heading-arguments")));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        sections.push(format!("{}\n{{options}}", tr!(lang, "help-heading-options")));
    }
    let usage = tr!(lang, "help-usage");
    format!("{{before-help}}{{about-with-newline}}\n{usage}{{usage}}\n\n{}{{after-help}}", sections.join("\n\n"))
}

/// One argument's help in `lang`. clap's own
/// `[default: ..]` and `[possible values: ..]` words cannot be changed, so
/// they are hidden and written into the help in `lang` instead.
fn localize_arg(arg: Arg, path: &[String], lang: Lang) -> Arg {
    let (short_id, long_id) = arg_ids(path, &arg);
    let help = arg.get_help().map(|_| message(lang, &short_id, &[]));
    let long = arg.get_long_help().map(|_| message(lang, &long_id, &[]));
    let (notes, values) = notes(&arg, path, lang);
    if notes.is_empty() && values.is_none() {
        return match (help, long) {
            (Some(help), Some(long)) => arg.help(help).long_help(long),
            (Some(help), None) => arg.help(help),
            _ => arg,
        };
    }
    let short = help.iter().chain(&notes).cloned().collect::<Vec<_>>().join(" ");
    let long = [long.or(help).unwrap_or_default(), values.unwrap_or_default(), notes.join("\n")];
    let long = long.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n\n");
    arg.help(short).long_help(long).hide_default_value(true).hide_possible_values(true)
}

/// An argument's default and possible values as clap would show them, in
/// `lang`: the bracketed notes, and the list of values with their helps
/// when they have any (long help only).
fn notes(arg: &Arg, path: &[String], lang: Lang) -> (Vec<String>, Option<String>) {
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        notes.push(tr!(lang, "help-default", value = defaults.join(" ")));
    }
    let values: Vec<_> = arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    if values.is_empty() || arg.is_hide_possible_values_set() {
        return (notes, None);
    }
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    notes.push(tr!(lang, "help-possible-values", values = names.join(", ")));
    if values.iter().all(|v| v.get_help().is_none()) {
        return (notes, None);
    }
    let mut list = tr!(lang, "help-possible-values-heading");
    for v in &values {
        let help = v.get_help().map(|_| message(lang, &value_id(path, arg, v.get_name()), &[])).unwrap_or_default();
        list.push_str(&format!("\n- {}{}{help}", v.get_name(), tr!(lang, "help-colon")));
    }
    (notes, Some(list))
}

/// clap's usage errors in the UI language. clap keeps its wording in one
/// formatter; this is that formatter's Chinese (the kinds hotseat's
/// command line can produce; a rarer one keeps clap's English words).
pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let lang = crate::i18n::ui();
        let mut s = format!("{}{}", tr!(lang, "error-prefix"), describe(error, lang));
        let mut suggested = false;
        for (kind, noun) in [
            (ContextKind::SuggestedSubcommand, "error-noun-subcommand"),
            (ContextKind::SuggestedArg, "error-noun-argument"),
            (ContextKind::SuggestedValue, "error-noun-value"),
        ] {
            let names = match error.get(kind) {
                Some(ContextValue::String(n)) => vec![n.clone()],
                Some(ContextValue::Strings(n)) => n.clone(),
                _ => continue,
            };
            s.push_str(if suggested { "\n" } else { "\n\n" });
            suggested = true;
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            let similar =
                tr!(lang, "error-similar", n = names.len(), kind = tr_id(lang, noun), names = quoted.join(", "));
            s.push_str(&format!("  {}{similar}", tr!(lang, "error-tip")));
        }
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            if !suggested {
                s.push('\n');
            }
            for tip in tips {
                s.push_str(&format!("\n  {}{}", tr!(lang, "error-tip"), tip_in(lang, &tip.to_string())));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage
                .strip_prefix("Usage: ")
                .map_or(usage.clone(), |rest| format!("{}{rest}", tr!(lang, "help-usage")));
            s.push_str(&format!("\n\n{usage}"));
        }
        s.push_str(&format!("\n\n{}\n", tr!(lang, "error-more", flag = "--help")));
        StyledStr::from(s)
    }
}

fn tr_id(lang: Lang, id: &str) -> String {
    message(lang, id, &[])
}

/// A context value as text, or empty.
fn text(error: &clap::error::Error<Localized>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        other => Some(other.to_string()),
    }
}

/// The first line of a usage error, in `lang`.
fn describe(error: &clap::error::Error<Localized>, lang: Lang) -> String {
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue).unwrap_or_default();
    let valid = |kind, noun| match error.get(kind) {
        Some(ContextValue::Strings(v)) if !v.is_empty() => {
            let values = v.iter().map(|v| quote_if_spaced(v)).collect::<Vec<_>>().join(", ");
            format!("\n  {}", tr!(lang, "error-valid-list", noun = tr_id(lang, noun), values = values))
        }
        _ => String::new(),
    };
    match error.kind() {
        ErrorKind::UnknownArgument => tr!(lang, "error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            tr!(
                lang,
                "error-unknown-subcommand",
                name = text(error, ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            tr!(lang, "error-value-required", arg = arg) + &valid(ContextKind::ValidValue, "error-possible-values")
        }
        ErrorKind::InvalidValue => {
            tr!(lang, "error-invalid-value", arg = arg, value = value)
                + &valid(ContextKind::ValidValue, "error-possible-values")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error).map(|e| format!(": {e}")).unwrap_or_default();
            tr!(lang, "error-invalid-value", arg = arg, value = value) + &why
        }
        ErrorKind::MissingRequiredArgument => match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(missing)) => {
                let mut s = tr!(lang, "error-missing-required");
                for m in missing {
                    s.push_str(&format!("\n  {m}"));
                }
                s
            }
            _ => tr!(lang, "error-missing-required"),
        },
        ErrorKind::MissingSubcommand => {
            tr!(
                lang,
                "error-missing-subcommand",
                name = text(error, ContextKind::InvalidSubcommand).unwrap_or_default()
            ) + &valid(ContextKind::ValidSubcommand, "error-noun-subcommands")
        }
        ErrorKind::ArgumentConflict => conflict(error, lang, &arg),
        ErrorKind::TooManyValues => tr!(lang, "error-too-many-values", arg = arg, value = value),
        ErrorKind::NoEquals => tr!(lang, "error-no-equals", arg = arg),
        _ => tr!(lang, "error-other", what = error.kind().as_str().unwrap_or("?")),
    }
}

fn conflict(error: &clap::error::Error<Localized>, lang: Lang, arg: &str) -> String {
    let prior = error.get(ContextKind::PriorArg);
    if prior == Some(&ContextValue::String(arg.to_string())) {
        return tr!(lang, "error-repeated", arg = arg);
    }
    let with = match prior {
        Some(ContextValue::Strings(v)) => v.iter().map(|v| format!("\n  {v}")).collect::<String>(),
        Some(ContextValue::String(v)) => format!(" '{v}'"),
        _ => format!(" {}", tr!(lang, "error-conflict-others")),
    };
    tr!(lang, "error-conflict", arg = arg) + &with
}

fn quote_if_spaced(v: &str) -> String {
    if v.contains(char::is_whitespace) { format!("'{v}'") } else { v.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_texts() -> Vec<(String, String)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        texts(&cmd, &[], &mut out);
        out
    }

    /// A new subcommand, flag or value without a message would show
    /// English in the Chinese help; the English message must say what the
    /// doc comment says, or the two helps drift apart.
    #[test]
    fn every_help_text_has_a_message_in_every_language_and_english_matches_the_doc_comments() {
        let texts = all_texts();
        assert!(texts.len() > 40, "too few texts found: {texts:?}");
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let ids = crate::i18n::ids(lang);
            for (id, _) in &texts {
                if !ids.contains(id) {
                    problems.push(format!("{}/help.ftl lacks {id}", lang.code()));
                }
            }
        }
        for (id, english) in &texts {
            let msg = message(Lang::En, id, &[]);
            if &msg != english {
                problems.push(format!("en {id} = {msg:?}, but clap shows {english:?}"));
            }
        }
        problems.dedup();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_chinese_command_has_no_english_text_left() {
        let mut cmd = command(Lang::Zh);
        let mut out = Vec::new();
        texts(&cmd, &[], &mut out);
        for (id, text) in out {
            let first = text.split(['[', '\n']).next().unwrap_or_default();
            // An argument without a help shows only its values.
            assert!(text.starts_with('[') || first.chars().any(|c| c > '\u{2e80}'), "{id} is not Chinese: {text:?}");
        }
        let help = cmd.render_long_help().to_string();
        for heading in ["用法：hotseat", "命令：\n", "选项：\n"] {
            assert!(help.contains(heading), "{heading:?} missing in\n{help}");
        }
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing_and_stops_at_a_double_dash() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_flag(&args(&["hotseat", "run", "--lang", "zh", "x"])), Some(Lang::Zh));
        assert_eq!(lang_flag(&args(&["hotseat", "--lang=zh"])), Some(Lang::Zh));
        assert_eq!(lang_flag(&args(&["hotseat", "--lang=en", "--help"])), Some(Lang::En));
        assert_eq!(lang_flag(&args(&["hotseat", "assess", "--", "--lang", "zh"])), None);
        assert_eq!(lang_flag(&args(&["hotseat", "--lang", "xx"])), None);
        assert_eq!(lang_flag(&args(&["hotseat", "--lang"])), None);
    }
}
