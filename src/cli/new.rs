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
    let shown = one_line(&args.path.display().to_string());
    if args.path.extension().is_none_or(|e| e != "ron") {
        eprintln!("hotseat: scenario files end in .ron (hotseat finds them by that): try {shown}.ron");
        return Ok(EXIT_USAGE);
    }
    let stem = args.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let id = templates::id_from_stem(&stem);
    let (src, what) = match &args.from {
        Some(from) => match bundled(from) {
            Some(src) => (src, format!("a copy of {from}")),
            None => {
                let ids = BUNDLED.iter().map(|(name, _)| name.trim_end_matches(".ron"));
                let hint = did_you_mean(from, ids.clone())
                    .map(|m| format!("; did you mean \"{m}\"?"))
                    .unwrap_or_else(|| format!("; bundled: {}", ids.collect::<Vec<_>>().join(", ")));
                eprintln!("hotseat: no bundled scenario with id \"{}\"{hint}", one_line(from));
                return Ok(EXIT_USAGE);
            }
        },
        None => {
            let (t, lang) = (template(args.template), lang(crate::i18n::ui()));
            (templates::source(t, lang), format!("the {:?} template ({:?})", t, lang).to_lowercase())
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
            eprintln!("hotseat: {shown} already exists; pass --force to overwrite it");
        } else {
            eprintln!("hotseat: cannot write {shown}: {}", one_line(&e.to_string()));
        }
        return Ok(EXIT_USAGE);
    }
    if BUNDLED.iter().any(|(name, _)| name.trim_end_matches(".ron") == id) {
        eprintln!(
            "hotseat: note: \"{id}\" is also a bundled scenario's id; rename {shown} before putting it among your scenarios"
        );
    }
    out::print(&format!(
        "wrote {shown}: {what}, id \"{id}\"\nnext: hotseat check {shown}\n      hotseat run {shown}\n"
    ))?;
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
