//! Reading a number the way candidates type it: `1,200`, `36 000`, `12%`,
//! `12.5 percent`, `百分之十二点五`, `¥1.2M`, `120万`, `1.2亿`, `３３.３`, `-5`,
//! `2.5k`, `about 36000 accounts`, `16.5万左右`.
//!
//! A number answers a question asked in a unit (`unit: "万元"`), so it is
//! read *in that unit*: a bare `16.5`, `16.5万元` and `16.5万` all mean
//! 16.5 万元, because the candidate is repeating the question's own unit (or
//! its scale). Only an answer that states a different scale is converted:
//! `165000 元` or `¥165,000` is 16.5 万元. A multiplier (K, M, bn, 千, 万, 亿…)
//! or a currency mark states a scale; a word unit (`accounts`, `人`, `%`)
//! does not. For a question without a unit this is exactly the old reading:
//! multipliers apply, marks and units are dropped.

/// Why a typed answer is not a number, phrased for the inline message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("type a number")]
    Empty,
    #[error("not a number: try 1,200 or 12% or ¥1.2M or 120万")]
    Invalid,
    /// Separators that do not split the digits into threes (`3,6000`):
    /// a misplaced comma would silently change the value by a factor of ten.
    #[error("{typed}: group digits in threes ({grouped}) or not at all ({plain})")]
    Grouping { typed: String, grouped: String, plain: String },
    /// Something after the number that is neither a scale, a currency, a
    /// percent nor this question's unit.
    #[error("not sure what \"{found}\" means here: answer {}", want_en(unit))]
    Unit { found: String, unit: String },
}

/// How to answer a question asked in `unit` (English; see
/// [`NumberError::message`] for the reader's language).
fn want_en(unit: &str) -> String {
    if unit.is_empty() { "with a plain number".into() } else { format!("in {unit}") }
}

impl NumberError {
    /// The inline message in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            NumberError::Empty => tr!(lang, "number-empty"),
            NumberError::Invalid => tr!(lang, "number-invalid"),
            NumberError::Grouping { typed, grouped, plain } => {
                tr!(lang, "number-grouping", typed = typed.as_str(), grouped = grouped.as_str(), plain = plain.as_str())
            }
            NumberError::Unit { found, unit } if unit.is_empty() => {
                tr!(lang, "number-unit-plain", found = found.as_str())
            }
            NumberError::Unit { found, unit } => {
                tr!(lang, "number-unit", found = found.as_str(), unit = unit.as_str())
            }
        }
    }
}

/// Reads `text` as a number with no unit of reference: multipliers apply
/// (`120万` is 1200000), currency marks and unit words are dropped.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    read_answer(text, "")
}

/// How a session reads typed numbers: each session file format keeps the
/// reading it was recorded with, so a replay refuses and accepts exactly
/// what the live session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// Format 1: units and currency marks dropped, multipliers applied
    /// (`numeric_v1`).
    Format1,
    /// Formats 2 and 3: read in the question's unit; anything after the
    /// number must say something about it.
    InUnit,
    /// Format 4 on: as `InUnit`, and the punctuation a sentence ends with
    /// (`约120万。`) is dropped.
    #[default]
    Sentence,
}

/// Judges a typed answer to a Numeric question: the value understood, in
/// the question's `unit`, and whether it is within `tolerance` of
/// `expected`. The session's submit calls this, so anything that tests it
/// tests what a candidate meets.
pub fn judge(
    text: &str,
    unit: &str,
    expected: f64,
    tolerance: crate::scenario::Tolerance,
    reading: Reading,
) -> Result<(f64, bool), NumberError> {
    if reading == Reading::Format1 {
        return super::numeric_v1::judge(text, expected, tolerance);
    }
    let value = read_as(text, unit, reading)?;
    Ok((value, tolerance.accepts(expected, value)))
}

/// Reads `text` as a value in the question's `unit` (see the module doc).
pub fn read_answer(text: &str, unit: &str) -> Result<f64, NumberError> {
    read_as(text, unit, Reading::Sentence)
}

/// [`read_answer`] as `reading` reads it (format 1 aside: see [`judge`]).
pub fn read_as(text: &str, unit: &str, reading: Reading) -> Result<f64, NumberError> {
    let s = normalize(text);
    let s = if reading == Reading::Sentence { without_sentence_end(&s) } else { &s };
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let question = QuestionUnit::of(unit);
    let s = strip_hedges(s);
    let (negative, money_mark, s) = strip_sign_and_currency(s);
    let (number, tail) = match s.strip_prefix("百分之") {
        Some(rest) => (percent_in_words(rest.trim())?, ""),
        // A number in Chinese numerals (`八十四万`, `一百零五万`), read
        // from format 4 on; its 万/亿 and unit are read as after digits.
        None if reading == Reading::Sentence && s.starts_with(is_chinese_numeral) => scan_chinese(s)?,
        None => scan_number(s)?,
    };
    let value = match read_tail(tail.trim(), &question)? {
        Tail::InUnit => number,
        Tail::Scale(scale) => rescale(number, scale, question.scale),
        // A currency mark alone states the currency's base unit: `¥165,000`.
        Tail::Nothing if money_mark => rescale(number, 1.0, question.scale),
        Tail::Nothing => number,
    };
    let value = if negative { -value } else { value };
    if value.is_finite() { Ok(value) } else { Err(NumberError::Invalid) }
}

/// `n` stated in units of `from` (1, 1e3, 1e4…), in units of `to`. The two
/// are powers of ten, so their ratio is exact and only one rounding happens:
/// `165000 元` is exactly 16.5 万元.
fn rescale(n: f64, from: f64, to: f64) -> f64 {
    if from >= to { n * (from / to) } else { n / (to / from) }
}

/// Full-width forms to ASCII, Chinese punctuation to Latin, lower case,
/// runs of white space to one space, trimmed.
fn normalize(text: &str) -> String {
    let narrow: String = text.chars().map(narrow).collect::<String>().to_lowercase();
    narrow.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalized text without the punctuation a sentence ends with
/// (`约120万。`, `about 36,000!`): it says nothing about the number.
fn without_sentence_end(s: &str) -> &str {
    // Spoken particles end a Chinese sentence too (`五十万左右吧`).
    s.trim_end_matches(['.', '!', '?', ',', ';', '…', '~', '吧', '啊', '呀', '呢', '嘛', '哈']).trim_end()
}

/// Full-width digits, letters and signs to ASCII; Chinese punctuation to Latin.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        '−' => '-',
        '﹪' => '%',
        other => other,
    }
}

/// Words that say "about", before the number. Longest first, so
/// `approximately` is not read as `approx` + `imately`.
const HEDGES_BEFORE: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "around",
    "about",
    "circa",
    "nearly",
    "almost",
    "差不多",
    "大约",
    "大概",
    "大致",
    "约",
    "~",
    "≈",
];

/// Words that say "about", after the number (and its unit).
const HEDGES_AFTER: &[&str] = &["左右", "or so"];

/// Drops hedges: an estimate asked for is an estimate given.
fn strip_hedges(s: &str) -> &str {
    let mut s = s.trim();
    'again: loop {
        for h in HEDGES_BEFORE {
            if let Some(rest) = s.strip_prefix(h)
                && !(h.ends_with(|c: char| c.is_ascii_alphabetic())
                    && rest.starts_with(|c: char| c.is_ascii_alphabetic()))
            {
                s = rest.trim_start();
                continue 'again;
            }
        }
        for h in HEDGES_AFTER {
            if let Some(rest) = s.strip_suffix(h) {
                s = rest.trim_end();
                continue 'again;
            }
        }
        return s;
    }
}

/// Currency marks written before a number.
const CURRENCY_BEFORE: &[&str] = &["us$", "rmb", "cny", "usd", "sgd", "us$", "¥", "￥", "$", "€", "£"];

/// A sign (before or after the currency mark) and whether a currency mark
/// was there: `-¥5`, `¥-5`, `RMB 82万`.
fn strip_sign_and_currency(s: &str) -> (bool, bool, &str) {
    let (mut negative, mut s) = split_sign(s);
    let mut money = false;
    for c in CURRENCY_BEFORE {
        if let Some(rest) = s.strip_prefix(c) {
            money = true;
            let (neg, rest) = split_sign(rest.trim_start());
            negative ^= neg;
            s = rest;
            break;
        }
    }
    (negative, money, s.trim_start())
}

fn split_sign(s: &str) -> (bool, &str) {
    if let Some(rest) = s.strip_prefix('-') {
        (true, rest.trim_start())
    } else {
        (false, s.strip_prefix('+').unwrap_or(s).trim_start())
    }
}

/// The number at the start of `s` and what follows it. Digits may be
/// grouped in threes by `,`, `_` or a space (`36,000`, `36 000`), one kind
/// per number; anything else (`3,6000`) is refused rather than guessed.
fn scan_number(s: &str) -> Result<(f64, &str), NumberError> {
    let bytes = s.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        let separator = matches!(b, b',' | b'_' | b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || b == b'.' || (separator && end > 0) {
            end += 1;
        } else {
            break;
        }
    }
    let (literal, tail) = s.split_at(end);
    let (int, frac) = literal.split_once('.').unwrap_or((literal, ""));
    if !int.bytes().chain(frac.bytes()).any(|b| b.is_ascii_digit()) || frac.bytes().any(|b| !b.is_ascii_digit()) {
        return Err(NumberError::Invalid);
    }
    let int = ungroup(int, literal)?;
    let value: f64 = format!("{int}.{frac}0").parse().map_err(|_| NumberError::Invalid)?;
    Ok((value, tail))
}

/// The integer digits without their group separators, if grouped in threes.
fn ungroup(int: &str, literal: &str) -> Result<String, NumberError> {
    let Some(sep) = int.chars().find(|c| !c.is_ascii_digit()) else {
        return Ok(int.to_string());
    };
    let groups: Vec<&str> = int.split(sep).collect();
    let plain: String = int.chars().filter(char::is_ascii_digit).collect();
    let well_formed = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if well_formed {
        return Ok(plain);
    }
    let frac = literal.split_once('.').map(|(_, f)| format!(".{f}")).unwrap_or_default();
    Err(NumberError::Grouping { typed: literal.to_string(), grouped: group(&plain) + &frac, plain: plain + &frac })
}

/// `36000` as `36,000`.
fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Multipliers, longest first so `万亿` is not read as `万`.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("bn", 1e9),
    ("mn", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
];

/// A multiplier at the start of `s`, and the rest. A Latin one must not run
/// into a word (`2km`, `5 MB`, `3 hours` carry no multiplier) unless the
/// word is a currency (`1.2Mrmb`).
fn split_multiplier(s: &str) -> Option<(f64, &str)> {
    MULTIPLIERS.iter().find_map(|(word, factor)| {
        let rest = s.strip_prefix(word)?;
        let glued = rest.starts_with(|c: char| c.is_ascii_alphabetic());
        let ok = !word.is_ascii() || !glued || MONEY_WORDS.iter().any(|m| rest.starts_with(m));
        ok.then_some((*factor, rest.trim_start()))
    })
}

/// Currency words written after a number: they state the base unit.
const MONEY_WORDS: &[&str] = &[
    "元",
    "块",
    "块钱",
    "人民币",
    "美元",
    "rmb",
    "cny",
    "yuan",
    "usd",
    "dollar",
    "sgd",
    "us$",
    "¥",
    "￥",
    "$",
    "€",
    "£",
];

/// Percent forms: the value is already in percent.
const PERCENT_WORDS: &[&str] =
    &["%", "percent", "per cent", "pct", "pp", "percentage point", "% point", "个百分点", "百分点"];

/// Counting words and time units accepted (and ignored) after any number,
/// as they always have been.
const COUNT_WORDS: &[&str] =
    &["天", "日", "day", "h", "hr", "hour", "小时", "个", "人", "名", "位", "台", "次", "家", "项", "件", "张"];

/// What the text after a number says about the number's scale.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tail {
    /// Nothing, or only words that carry no scale (`%`, `人`, `days`).
    Nothing,
    /// The question's own unit, written out: the number is in it.
    InUnit,
    /// A multiplier or a base unit: the number is in units of this
    /// (`万` = 1e4, `元` = 1 for a question in 万元).
    Scale(f64),
}

/// Reads the text after the number against the question's unit.
fn read_tail(tail: &str, q: &QuestionUnit) -> Result<Tail, NumberError> {
    if tail.is_empty() {
        return Ok(Tail::Nothing);
    }
    if q.is_unit(tail) {
        return Ok(Tail::InUnit);
    }
    let (factor, rest) = match split_multiplier(tail) {
        Some((f, rest)) => (Some(f), rest),
        None => (None, tail),
    };
    let money = !rest.is_empty() && is_one_of(rest, MONEY_WORDS);
    let base = !rest.is_empty() && q.is_base(rest);
    let known = rest.is_empty()
        || money
        || base
        || is_one_of(rest, PERCENT_WORDS)
        || is_one_of(rest, COUNT_WORDS)
        || q.is_unit(rest);
    if !known {
        return Err(NumberError::Unit { found: rest.to_string(), unit: q.unit() });
    }
    // A currency word is the currency's base unit; so is the question's own
    // base after a scaled unit (`165000 元` for 万元, `36000 人` for 万人).
    let base_unit = money || (base && q.scale != 1.0);
    Ok(match factor {
        Some(f) => Tail::Scale(f),
        None if base_unit => Tail::Scale(1.0),
        None => Tail::Nothing,
    })
}

/// Whether `word` is one of `list`, in any case, spacing or number.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| same_word(word, w))
}

/// `GPU-hours` = `gpu hour` = `GPU-hour`: case, spaces, hyphens and a
/// plural ending do not make a different unit.
fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    !a.is_empty() && stems(&a).iter().any(|s| stems(&b).contains(s))
}

fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase).collect()
}

/// The word and what it would be without a plural ending.
fn stems(k: &str) -> Vec<String> {
    let mut out = vec![k.to_string()];
    if k.ends_with(|c: char| c.is_ascii_alphabetic()) {
        if let Some(s) = k.strip_suffix("ies") {
            out.push(format!("{s}y"));
        }
        if let Some(s) = k.strip_suffix("es") {
            out.push(s.to_string());
        }
        if let Some(s) = k.strip_suffix('s')
            && !s.is_empty()
        {
            out.push(s.to_string());
        }
    }
    out
}

/// The unit a question is asked in: its scale (万元 = 1e4 元, `K CNY` = 1e3
/// CNY, `accounts` = 1) and the base unit after the scale.
#[derive(Debug)]
struct QuestionUnit {
    /// The unit as the scenario writes it, for messages.
    display: String,
    /// The whole unit, normalized (`万元`, `k cny`, `accounts`).
    whole: String,
    /// What is left after the scale (`元`, `cny`, `accounts`).
    base: String,
    scale: f64,
}

impl QuestionUnit {
    fn of(unit: &str) -> QuestionUnit {
        let whole = normalize(unit);
        let (scale, base) = unit_scale(&whole).unwrap_or((1.0, whole.as_str()));
        QuestionUnit { display: unit.trim().to_string(), base: base.to_string(), scale, whole: whole.clone() }
    }

    fn is_unit(&self, word: &str) -> bool {
        same_word(word, &self.whole)
    }

    fn is_base(&self, word: &str) -> bool {
        same_word(word, &self.base)
    }

    /// How to answer, for the message when a unit is not understood.
    /// The unit as written, or nothing for a question without one.
    fn unit(&self) -> String {
        if self.whole.is_empty() { String::new() } else { self.display.clone() }
    }
}

/// The scale at the start of a question's unit, and its base. A Latin scale
/// counts only alone or before a currency or a separate word (`K CNY`, `M`,
/// `k accounts`), so `MB`, `kWh` and `km` are units, not scales; `b` alone
/// is as likely bytes as billions, so it is not one either.
fn unit_scale(unit: &str) -> Option<(f64, &str)> {
    MULTIPLIERS.iter().find_map(|(word, factor)| {
        let rest = unit.strip_prefix(word)?;
        let ok = !word.is_ascii() || rest.is_empty() || rest.starts_with(' ') || is_one_of(rest, MONEY_WORDS);
        (ok && unit != "b").then_some((*factor, rest.trim_start()))
    })
}

/// `十二点五` (after `百分之`) or `12.5`: the percent as a number.
fn percent_in_words(s: &str) -> Result<f64, NumberError> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let (n, tail) = scan_number(s)?;
        return if tail.trim().is_empty() { Ok(n) } else { Err(NumberError::Invalid) };
    }
    chinese_numeral(s).ok_or(NumberError::Invalid)
}

/// Whether `c` can be part of a Chinese numeral below 一万.
fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '点')
}

/// The Chinese numeral `s` starts with, and the rest (`八十四万` is 84
/// and `万`).
fn scan_chinese(s: &str) -> Result<(f64, &str), NumberError> {
    let end = s.char_indices().find(|&(_, c)| !is_chinese_numeral(c)).map_or(s.len(), |(i, _)| i);
    let n = chinese_numeral(&s[..end]).ok_or(NumberError::Invalid)?;
    Ok((n, &s[end..]))
}

/// A Chinese numeral below 一万 with an optional decimal part: `十二点五`,
/// `一百`, `零点五`, `百` (百分之百).
fn chinese_numeral(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('点').unwrap_or((s, ""));
    let mut total: u64 = 0;
    let mut digit: Option<u64> = None;
    for c in int.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            continue;
        }
        let place = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total += digit.take().unwrap_or(1) * place;
    }
    total += digit.unwrap_or(0);
    let frac: String =
        frac.chars().map(|c| chinese_digit(c).map(|d| char::from(b'0' + d as u8))).collect::<Option<_>>()?;
    if int.is_empty() || (s.contains('点') && frac.is_empty()) {
        return None;
    }
    format!("{total}.{frac}0").parse().ok()
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Tolerance;

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

    fn read(text: &str, unit: &str) -> f64 {
        read_answer(text, unit).unwrap_or_else(|e| panic!("{text} in {unit:?}: {e}"))
    }

    #[test]
    fn wan_yuan_answer_with_wan_is_right() {
        for text in
            ["16.5万", "16.5 万", "16.5万元", "16.5", "约16.5万元", "16.5万左右", "¥16.5万", "165000 元", "¥165,000"]
        {
            assert_eq!(judge(text, "万元", 16.5, Tolerance::Abs(0.1), Reading::Sentence), Ok((16.5, true)), "{text}");
        }
    }

    #[test]
    fn accounts_answer_with_unit_word_and_hedge_is_right() {
        for text in ["36000 accounts", "about 36000", "36,000 Accounts", "~36k accounts", "around 36 000 account"] {
            assert_eq!(
                judge(text, "accounts", 36000.0, Tolerance::Abs(0.0), Reading::Sentence),
                Ok((36000.0, true)),
                "{text}"
            );
        }
    }

    #[test]
    fn an_answer_in_the_question_scale_is_not_scaled_again() {
        assert_eq!(read("16.5k", "K CNY"), 16.5);
        assert_eq!(read("16.5 K CNY", "K CNY"), 16.5);
        assert_eq!(read("16500 CNY", "K CNY"), 16.5);
        assert_eq!(read("0.0165M", "K CNY"), 16.5);
        assert_eq!(read("3亿", "亿"), 3.0);
        assert_eq!(read("300000000", "亿"), 300_000_000.0, "a bare number is already in the question's unit");
        assert_eq!(read("3.6万人", "人"), 36000.0);
        assert_eq!(read("360000人", "万人"), 36.0);
        assert_eq!(read("1.5 百万", "M"), 1.5);
        assert_eq!(read("5 MB", "MB"), 5.0, "MB is a unit, not a scale");
        assert_eq!(read("12 GPU-hours", "GPU-hour"), 12.0);
        assert_eq!(read("1 gpu hour", "GPU-hours"), 1.0);
    }

    #[test]
    fn percent_forms_read_as_percent() {
        for text in ["12.5%", "12.5 %", "12.5 percent", "12.5％", "百分之十二点五", "百分之12.5", "about 12.5 pct"]
        {
            assert_eq!(read(text, "%"), 12.5, "{text}");
        }
        assert_eq!(read("百分之百", "%"), 100.0);
        assert_eq!(read("百分之零点五", "%"), 0.5);
    }

    #[test]
    fn full_width_and_separators() {
        assert_eq!(read("３６，０００", ""), 36000.0);
        assert_eq!(read("３６０００　ａｃｃｏｕｎｔｓ", "accounts"), 36000.0);
        assert_eq!(read("36 000", ""), 36000.0);
        assert_eq!(read("1,234,567.5", ""), 1_234_567.5);
        assert_eq!(read("ＲＭＢ８２万", "CNY"), 820_000.0);
        assert_eq!(read("-¥5", ""), -5.0);
    }

    #[test]
    fn digits_grouped_other_than_in_threes_are_refused_with_the_fix() {
        let err = read_answer("3,6000", "").unwrap_err();
        assert_eq!(err.to_string(), "3,6000: group digits in threes (36,000) or not at all (36000)");
        for text in ["12,5", "1,2345", "36 00", "1,000 000"] {
            assert!(matches!(read_answer(text, ""), Err(NumberError::Grouping { .. })), "{text}");
        }
    }

    /// The examples docs/scenario-format.md gives, read as it says.
    #[test]
    fn the_forms_the_format_doc_lists_are_read_as_it_says() {
        let cases = [
            ("36,000", "", 36000.0),
            ("1_000", "", 1000.0),
            (".5", "", 0.5),
            ("１６．５万", "万元", 16.5),
            ("36000 Account", "accounts", 36000.0),
            ("16.5 K CNY", "K CNY", 16.5),
            ("RMB 165000", "万元", 16.5),
            ("0.165百万元", "万元", 16.5),
            ("165000", "万元", 165000.0),
            ("82万", "CNY", 820_000.0),
            ("0.82M", "CNY", 820_000.0),
            ("1.2 billion", "", 1.2e9),
            ("165000 US$", "万元", 16.5),
            ("12.5 percentage points", "%", 12.5),
            ("3 hrs", "", 3.0),
            ("约16.5万元左右", "万元", 16.5),
            ("circa 5 or so", "", 5.0),
            ("5 kWh", "kWh", 5.0),
        ];
        for (text, unit, want) in cases {
            assert_eq!(read(text, unit), want, "{text} in {unit:?}");
        }
    }

    #[test]
    fn an_unknown_unit_names_the_question_unit() {
        let err = read_answer("36000 users", "accounts").unwrap_err();
        assert_eq!(err.to_string(), "not sure what \"users\" means here: answer in accounts");
        assert!(read_answer("2km", "").is_err());
    }

    proptest::proptest! {
        /// No typed text makes the reader panic or return a value that is
        /// not finite, whatever the question's unit.
        #[test]
        fn any_text_reads_to_a_finite_value_or_a_message(text in "\\PC{0,24}", unit in "(|%|万元|K CNY|accounts|\\PC{0,6})") {
            if let Ok(v) = read_answer(&text, &unit) {
                proptest::prop_assert!(v.is_finite(), "{text:?} in {unit:?}: {v}");
            }
        }

        /// A plain decimal is read as itself in any unit: only a stated
        /// scale converts.
        #[test]
        fn a_plain_decimal_is_itself_in_any_unit(v in -1e12f64..1e12, unit in "(|%|万元|亿|K CNY|M|accounts|人)") {
            let text = format!("{v}");
            proptest::prop_assert_eq!(read_answer(&text, &unit), Ok(v));
        }
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::i18n::Lang;

    /// The English message in the reader's language file says what the
    /// error's own text says (the one logs and tests see).
    #[test]
    fn every_number_error_reads_the_same_in_the_english_messages() {
        let errors = [
            NumberError::Empty,
            NumberError::Invalid,
            NumberError::Grouping { typed: "3,6000".into(), grouped: "36,000".into(), plain: "36000".into() },
            NumberError::Unit { found: "apples".into(), unit: String::new() },
            NumberError::Unit { found: "apples".into(), unit: "万元".into() },
        ];
        for e in errors {
            assert_eq!(e.message(Lang::En), e.to_string());
            assert_ne!(e.message(Lang::Zh), e.to_string(), "{e:?} has a Chinese message");
        }
    }

    /// Issue 14 item 4: numbers typed with a Chinese input method, in
    /// either UI: full-width digits, `，` and `．` as separators, `％`,
    /// 万/亿, a sentence's closing `。`, and Chinese numerals (review 6:
    /// `八十四万` was refused).
    #[test]
    fn numbers_typed_with_chinese_punctuation_are_read() {
        for (typed, want) in [
            ("１，２００", 1200.0),
            ("１２．５％", 12.5),
            ("12.5％", 12.5),
            ("约120万。", 1_200_000.0),
            ("1.2亿", 120_000_000.0),
            ("３３．３", 33.3),
            ("大概 36,000。", 36_000.0),
            ("25％左右", 25.0),
            ("八十四万", 840_000.0),
            ("一百零五万元", 1_050_000.0),
            ("大概十二点五%", 12.5),
            ("三千五百万", 35_000_000.0),
            ("两亿", 200_000_000.0),
            ("大概五十万左右吧", 500_000.0),
            ("３６０００人！", 36_000.0),
        ] {
            let got = parse_number(typed);
            assert!(got.as_ref().is_ok_and(|v| (v - want).abs() < 1e-6), "{typed:?}: {got:?}");
        }
    }
}
