//! The learned trap scorer that sits beside the catalogue's rules.
//!
//! Rules read the words a coach wrote down; people say the same mistake in
//! endless other words, and on realistic answers the rules alone caught
//! about four mistakes in five and flagged one strong answer in ten (see
//! docs/performance.md). This scorer is one logistic regression per bundled
//! text trap over hashed character n-grams, trained by
//! `tools/train_scorer.py` on the labelled corpus in `tests/fixtures/corpus`
//! and embedded from `assets/scorer.bin`. The detector uses it two ways: a
//! trap its rules found stands only if the scorer gives it some
//! probability, and a trap the rules missed is added when the scorer is
//! confident, quoting the sentence that scored highest. The catalogue stays
//! the one place a coach edits: traps the scorer was not trained on (a
//! coach's own) are judged by their rules alone.

use std::sync::OnceLock;

/// The trained model, as `tools/train_scorer.py` wrote it.
static MODEL: &[u8] = include_bytes!("../../assets/scorer.bin");

/// The hashed feature space; must match the trainer's `DIMS`.
const DIMS: usize = 1 << 16;

/// One trap's weights.
#[derive(Debug)]
struct Model {
    id: String,
    bias: f32,
    scale: f32,
    /// `DIMS` weights, each `i8 as f32 * scale`.
    weights: &'static [u8],
}

/// Every trap the scorer knows.
#[derive(Debug)]
pub struct Scorer {
    models: Vec<Model>,
}

/// A text's features: (hashed n-gram, weight), weights of unit length.
pub type Features = Vec<(u32, f32)>;

impl Scorer {
    /// The bundled scorer, read once; `None` if the embedded file is
    /// malformed (then the rules work alone).
    pub fn bundled() -> Option<&'static Scorer> {
        static SCORER: OnceLock<Option<Scorer>> = OnceLock::new();
        SCORER.get_or_init(|| Scorer::parse(MODEL)).as_ref()
    }

    /// The id of the bundled model, recorded in every session file.
    pub fn bundled_id() -> &'static str {
        static ID: OnceLock<String> = OnceLock::new();
        ID.get_or_init(|| crate::digest::short_id(MODEL))
    }

    fn parse(bytes: &'static [u8]) -> Option<Scorer> {
        let rest = bytes.strip_prefix(b"HSCR1")?;
        let (dims, rest) = take_u32(rest)?;
        let (count, mut rest) = take_u16(rest)?;
        if dims as usize != DIMS {
            return None;
        }
        let mut heads = Vec::new();
        for _ in 0..count {
            let (&len, after) = rest.split_first()?;
            let (id, after) = after.split_at_checked(usize::from(len))?;
            let (bias, after) = take_f32(after)?;
            let (scale, after) = take_f32(after)?;
            heads.push((String::from_utf8(id.to_vec()).ok()?, bias, scale));
            rest = after;
        }
        if rest.len() != DIMS * heads.len() {
            return None;
        }
        let models = heads
            .into_iter()
            .zip(rest.chunks_exact(DIMS))
            .map(|((id, bias, scale), weights)| Model { id, bias, scale, weights })
            .collect();
        Some(Scorer { models })
    }

    /// Whether the scorer was trained on trap `id`.
    pub fn knows(&self, id: &str) -> bool {
        self.models.iter().any(|m| m.id == id)
    }

    /// The probability that a text with `features` falls into trap `id`.
    pub fn probability(&self, id: &str, features: &Features) -> Option<f32> {
        let m = self.models.iter().find(|m| m.id == id)?;
        let z: f32 =
            features.iter().map(|&(k, x)| f32::from(m.weights[k as usize] as i8) * m.scale * x).sum::<f32>() + m.bias;
        Some(1.0 / (1.0 + (-z).exp()))
    }
}

/// Character n-grams of 2 to 4 characters inside each whitespace-separated
/// word padded with a space, lower-cased, hashed (FNV-1a, 64 bits) into
/// `DIMS` buckets; each count taken as 1 + ln(count), the whole scaled to
/// unit length. Exactly what `tools/train_scorer.py` computes.
pub fn features(text: &str) -> Features {
    let mut grams: Vec<u32> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    for word in text.to_lowercase().split_whitespace() {
        chars.clear();
        chars.push(' ');
        chars.extend(word.chars());
        chars.push(' ');
        for n in 2..=4 {
            grams.extend(chars.windows(n).map(bucket));
        }
    }
    let counted = if grams.len() < LONG { count_sorted(grams) } else { count_table(&grams) };
    let mut v: Features = counted.into_iter().map(|(k, c)| (k, 1.0 + (c as f32).ln())).collect();
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= norm);
    }
    v
}

/// Above this many n-grams, counting in a flat table of every bucket beats
/// sorting them; below, the table would cost more to clear than to use
/// (a sentence at a time, say, for a finding's evidence).
const LONG: usize = 4096;

fn count_sorted(mut grams: Vec<u32>) -> Vec<(u32, u32)> {
    grams.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for k in grams {
        match out.last_mut() {
            Some((last, c)) if *last == k => *c += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

fn count_table(grams: &[u32]) -> Vec<(u32, u32)> {
    let mut counts = vec![0u32; DIMS];
    for &k in grams {
        counts[k as usize] += 1;
    }
    counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(k, c)| (k as u32, *c)).collect()
}

/// FNV-1a (64 bits) of the n-gram's UTF-8 bytes, into one of `DIMS` buckets.
fn bucket(gram: &[char]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in gram {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (h % DIMS as u64) as u32
}

fn take_u32(b: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = b.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*head), rest))
}

fn take_u16(b: &[u8]) -> Option<(u16, &[u8])> {
    let (head, rest) = b.split_first_chunk::<2>()?;
    Some((u16::from_le_bytes(*head), rest))
}

fn take_f32(b: &[u8]) -> Option<(f32, &[u8])> {
    let (head, rest) = b.split_first_chunk::<4>()?;
    Some((f32::from_le_bytes(*head), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features the trainer printed for these texts
    /// (`tools/train_scorer.py`): the two sides must hash and weigh alike,
    /// or the weights mean nothing.
    #[test]
    fn features_match_the_trainer() {
        let f = features("Legal will handle the residency question.");
        assert_eq!(f.len(), 104);
        let head: Vec<u32> = f.iter().take(5).map(|(k, _)| *k).collect();
        assert_eq!(head, [653, 2353, 2413, 2538, 2989]);
        assert!((f[0].1 - 0.094_716_77).abs() < 1e-5 && (f[3].1 - 0.160_369_43).abs() < 1e-5);
        let zh = features("我们把数据放在新加坡，便宜三成。");
        assert_eq!(zh.len(), 48);
        assert_eq!(zh.iter().take(5).map(|(k, _)| *k).collect::<Vec<_>>(), [984, 1047, 1332, 2417, 3219]);
        assert!(features("").is_empty());
    }

    /// Long and short texts are counted two ways; both give the same.
    #[test]
    fn counting_by_table_and_by_sorting_agree() {
        let grams: Vec<u32> = (0..10_000u32).map(|i| (i * 7919) % 300).collect();
        assert_eq!(count_sorted(grams.clone()), count_table(&grams));
        let long = "we priced the idle capacity per tenant ".repeat(200);
        let f = features(&long);
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0), "sorted by bucket");
        assert!((f.iter().map(|(_, x)| x * x).sum::<f32>() - 1.0).abs() < 1e-4, "unit length");
    }

    #[test]
    fn the_bundled_model_loads_and_knows_every_text_trap() {
        let s = Scorer::bundled().expect("assets/scorer.bin parses");
        let (cat, _) = crate::traps::load(None);
        for t in cat.traps.iter().filter(|t| !t.detect.is_empty()) {
            assert!(s.knows(&t.id), "the scorer has no model for {}", t.id);
        }
        let p =
            s.probability("compliance-deferred-to-legal", &features("Honestly that's for legal to decide, not me."));
        assert!(p.is_some_and(|p| p > 0.5), "{p:?}");
    }

    #[test]
    fn a_malformed_model_is_refused_not_trusted() {
        assert!(Scorer::parse(b"HSCR1").is_none());
        assert!(Scorer::parse(b"nope").is_none());
        let mut short = b"HSCR1".to_vec();
        short.extend(65536u32.to_le_bytes());
        short.extend(1u16.to_le_bytes());
        short.extend([1, b'x']);
        short.extend(0f32.to_le_bytes());
        short.extend(1f32.to_le_bytes());
        assert!(Scorer::parse(Box::leak(short.into_boxed_slice())).is_none(), "weights missing");
    }
}
