//! `hotseat new PATH [--lang en|zh] [--template basic|case|negotiation]`
//! and `hotseat new PATH --from ID`: write a starter scenario, or a copy of
//! a bundled one, under an id made from the file name.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{EXIT_USAGE, out};
use crate::coach::templates::{self, Lang, Template};
use crate::library::BUNDLED;
use crate::scenario::diag::did_you_mean;
use crate::text::one_line;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateArg {
    /// One free-text question with a follow-up, and a choice.
    Basic,
    /// Structure, a calculation, a timeout branch and a spoken pitch.
    Case,
    /// An offer negotiation with a counter and a trap option.
    Negotiation,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to write (`*.ron`); its name becomes the scenario id.
    #[arg(value_name = "PATH")]
    path: PathBuf,
    /// Which starter to write.
    #[arg(long, value_enum, default_value_t = TemplateArg::Basic, conflicts_with = "from")]
    template: TemplateArg,
    /// Copy a bundled scenario instead (see `hotseat list`), under the new id.
    #[arg(long, value_name = "ID")]
    from: Option<String>,
    /// Overwrite PATH if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> std::io::Result<u8> {
    let ui = crate::i18n::ui();
    let shown = one_line(&args.path.display().to_string());
    if args.path.extension().is_none_or(|e| e != "ron") {
        eprintln!("hotseat: {}", tr!(ui, "new-not-ron", path = shown.as_str()));
        return Ok(EXIT_USAGE);
    }
    let stem = args.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let id = templates::id_from_stem(&stem);
    let (src, what) = match &args.from {
        Some(from) => match bundled(from) {
            Some(src) => (src, tr!(ui, "new-copy-of", id = from.as_str())),
            None => {
                let ids = BUNDLED.iter().map(|(name, _)| name.trim_end_matches(".ron"));
                let hint = match did_you_mean(from, ids.clone()) {
                    Some(m) => tr!(ui, "new-no-bundled-did-you-mean", name = m),
                    None => tr!(ui, "new-no-bundled-list", ids = ids.collect::<Vec<_>>().join(", ")),
                };
                eprintln!("hotseat: {}", tr!(ui, "new-no-bundled", id = one_line(from), hint = hint));
                return Ok(EXIT_USAGE);
            }
        },
        None => {
            let (t, lang) = (template(args.template), lang(ui));
            let (name, code) = (format!("{t:?}").to_lowercase(), format!("{lang:?}").to_lowercase());
            (templates::source(t, lang), tr!(ui, "new-template", template = name, lang = code))
        }
    };
    let text = match templates::with_id(src, &id) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("hotseat: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    if let Err(e) = write(&args.path, text.as_bytes(), args.force) {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            eprintln!("hotseat: {}", tr!(ui, "new-exists", path = shown.as_str()));
        } else {
            eprintln!(
                "hotseat: {}",
                tr!(ui, "new-cannot-write", path = shown.as_str(), error = one_line(&e.to_string()))
            );
        }
        return Ok(EXIT_USAGE);
    }
    if BUNDLED.iter().any(|(name, _)| name.trim_end_matches(".ron") == id) {
        eprintln!("hotseat: {}", tr!(ui, "new-bundled-id", id = id.as_str(), path = shown.as_str()));
    }
    out::print(&format!("{}\n", tr!(ui, "new-wrote", path = shown.as_str(), what = what, id = id.as_str())))?;
    Ok(0)
}

fn bundled(id: &str) -> Option<&'static str> {
    let file = format!("{id}.ron");
    BUNDLED.iter().find(|(name, _)| *name == file).map(|(_, src)| *src)
}

fn template(t: TemplateArg) -> Template {
    match t {
        TemplateArg::Basic => Template::Basic,
        TemplateArg::Case => Template::Case,
        TemplateArg::Negotiation => Template::Negotiation,
    }
}

/// The template is written in the UI language: `--lang` (the global
/// flag), `HOTSEAT_LANG`, the picker's choice or the locale.
fn lang(l: crate::i18n::Lang) -> Lang {
    match l {
        crate::i18n::Lang::En => Lang::En,
        crate::i18n::Lang::Zh => Lang::Zh,
    }
}

/// Writes a new private file (0600), creating missing directories (0700).
/// Without `force`, an existing file is an `AlreadyExists` error, checked
/// by the create itself so nothing can slip in between.
fn write(path: &Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::private_dir(dir)?;
    }
    if force {
        // Replaced through a temporary file: a symlink there is replaced, not followed.
        return crate::files::replace_private(path, |w| w.write_all(bytes));
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let mut f = o.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}
