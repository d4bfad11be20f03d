//! How hard the clock pushes: every time limit is scaled by the pace.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Pace {
    /// No limits at all.
    Untimed,
    /// 1.5× every limit.
    Relaxed,
    /// The limits as written.
    #[default]
    Real,
    /// 0.75× every limit.
    Pressure,
}

impl Pace {
    pub const ALL: [Pace; 4] = [Pace::Untimed, Pace::Relaxed, Pace::Real, Pace::Pressure];

    /// A limit in seconds, scaled to milliseconds; `None` when untimed.
    pub fn scale(self, seconds: u32) -> Option<u64> {
        let ms = u64::from(seconds) * 1000;
        match self {
            Pace::Untimed => None,
            Pace::Relaxed => Some(ms * 3 / 2),
            Pace::Real => Some(ms),
            Pace::Pressure => Some(ms * 3 / 4),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Pace::Untimed => "untimed",
            Pace::Relaxed => "relaxed",
            Pace::Real => "real",
            Pace::Pressure => "pressure",
        }
    }
}
