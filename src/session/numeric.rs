//! Reading a number the way candidates type it: `1,200`, `12%`, `¥1.2M`,
//! `120万`, `1.2亿`, `３３.３`, `-5`, `2.5k`. Units and currency marks are
//! accepted and ignored; multipliers (K, M, B/bn, 千, 万, 亿) apply.

/// Why a typed answer is not a number, phrased for the inline message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("type a number")]
    Empty,
    #[error("not a number: try 1,200 or 12% or ¥1.2M or 120万")]
    Invalid,
}

/// Parses `text` as a number, applying any multiplier suffix.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
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

    #[test]
    fn reads_the_notations_candidates_use() {
        let cases = [
            ("1,200", 1200.0),
            ("12%", 12.0),
            ("¥1.2M", 1_200_000.0),
            ("120万", 1_200_000.0),
            ("1.2亿", 120_000_000.0),
            ("３３.３", 33.3),
            ("-5", -5.0),
            ("2.5k", 2500.0),
            (" 480,000 元 ", 480_000.0),
            ("RMB 82万", 820_000.0),
            ("22.2 %", 22.2),
        ];
        for (text, want) in cases {
            let got = parse_number(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!((got - want).abs() < 1e-6, "{text}: {got} != {want}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        assert_eq!(parse_number("  "), Err(NumberError::Empty));
        for text in ["abc", "12abc", "1.2.3", "¥", "--", "1e400"] {
            assert!(parse_number(text).is_err(), "{text}");
        }
    }
}
