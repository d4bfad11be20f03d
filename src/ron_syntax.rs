//! The RON dialect every hotseat file is read in: scenarios, trap
//! catalogues and playtest answers alike. It sits below the modules that
//! read those files, so none of them has to import another to parse.

use ron::extensions::Extensions;

/// RON with `implicit_some`, so an optional field is written as its value
/// (`limit_s: 60`), never `Some(60)`.
pub fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}
