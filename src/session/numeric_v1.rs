//! How session files of format 1 read numbers, kept so that a recording
//! made before numbers were read in the question's unit folds exactly as it
//! did: a replay must show the session that happened, refusals included.
//! New recordings (format 2) use [`super::numeric`].

use super::numeric::NumberError;

/// Judges `text` the format-1 way: units and currency marks dropped,
/// multipliers applied, the value compared with `expected` as it stands.
pub fn judge(text: &str, expected: f64, tolerance: crate::scenario::Tolerance) -> Result<(f64, bool), NumberError> {
    let value = parse_number(text)?;
    Ok((value, tolerance.accepts(expected, value)))
}

/// Parses `text` as a number, applying any multiplier suffix.
fn parse_number(text: &str) -> Result<f64, NumberError> {
    let normal: String = text.chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    if normal.is_empty() {
        return Err(NumberError::Empty);
    }
    let body = strip_affixes(&normal);
    let (digits, factor) = split_multiplier(body);
    let digits: String = digits.chars().filter(|&c| c != ',' && c != '_').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+') {
        return Err(NumberError::Invalid);
    }
    let value: f64 = digits.parse().map_err(|_| NumberError::Invalid)?;
    let value = value * factor;
    if value.is_finite() { Ok(value) } else { Err(NumberError::Invalid) }
}

/// Full-width digits and signs to ASCII, Chinese punctuation to Latin.
fn narrow(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '。' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        '％' => '%',
        other => other,
    }
}

/// Drops currency marks before and units after the number.
fn strip_affixes(s: &str) -> &str {
    const PREFIXES: &[&str] = &["US$", "RMB", "CNY", "USD", "SGD", "¥", "￥", "$", "€", "£", "约", "~", "≈"];
    const SUFFIXES: &[&str] = &[
        "%",
        "percent",
        "pct",
        "个百分点",
        "百分点",
        "元",
        "块",
        "rmb",
        "cny",
        "yuan",
        "usd",
        "dollars",
        "sgd",
        "天",
        "days",
        "day",
        "h",
        "hours",
        "个",
        "人",
    ];
    let mut s = s;
    for p in PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
            break;
        }
    }
    let lower = s.to_lowercase();
    for suf in SUFFIXES {
        if lower.ends_with(suf) && s.len() >= suf.len() && s.is_char_boundary(s.len() - suf.len()) {
            s = &s[..s.len() - suf.len()];
            break;
        }
    }
    s
}

/// Splits a trailing multiplier: K/M/B/bn, 千/万/亿 (and 万亿).
fn split_multiplier(s: &str) -> (&str, f64) {
    const MULTIPLIERS: &[(&str, f64)] = &[
        ("万亿", 1e12),
        ("亿", 1e8),
        ("万", 1e4),
        ("千", 1e3),
        ("bn", 1e9),
        ("BN", 1e9),
        ("b", 1e9),
        ("B", 1e9),
        ("m", 1e6),
        ("M", 1e6),
        ("k", 1e3),
        ("K", 1e3),
    ];
    for (suffix, factor) in MULTIPLIERS {
        if let Some(rest) = s.strip_suffix(suffix) {
            return (rest, *factor);
        }
    }
    (s, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Tolerance;

    /// What format 1 refused stays refused, and what it read stays read.
    #[test]
    fn format_one_reads_numbers_as_it_always_did() {
        assert_eq!(parse_number("120万"), Ok(1_200_000.0));
        assert_eq!(parse_number("¥1.2M"), Ok(1_200_000.0));
        assert_eq!(parse_number("36000 accounts"), Err(NumberError::Invalid));
        assert_eq!(parse_number("about 36000"), Err(NumberError::Invalid));
        assert!(matches!(judge("16.5万", 16.5, Tolerance::Abs(0.1)), Ok((_, false))));
    }
}
