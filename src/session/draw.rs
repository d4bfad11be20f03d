//! Which wording of a question a session asks. The draw depends only on the
//! seed, the node and how many times it was visited, so a seed always gives
//! the same session, on any machine and any version of hotseat. (A general
//! RNG crate may change its output between versions, which would break the
//! replay of old recordings; this is small enough to own.)

/// Index of the wording to ask, in `0..count`.
pub fn variant(seed: u64, node_id: &str, visit: u32, count: usize) -> usize {
    if count <= 1 {
        return 0;
    }
    let mut h = seed ^ 0x9e37_79b9_7f4a_7c15;
    for b in node_id.bytes().chain(visit.to_le_bytes()) {
        h = splitmix64(h ^ u64::from(b));
    }
    (h % count as u64) as usize
}

/// The order a Choice question shows its `count` options in, for the
/// session's seed, the node and its visit: a permutation, `order[k]` being
/// the option shown k-th. Shuffled so the right answer is not always where
/// the author wrote it (first, or the longest at the end).
pub fn order(seed: u64, node_id: &str, visit: u32, count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut h = seed ^ 0x5851_f42d_4c95_7f2d;
    for b in node_id.bytes().chain(visit.to_le_bytes()) {
        h = splitmix64(h ^ u64::from(b));
    }
    // Fisher-Yates, each step drawing from the running hash.
    for i in (1..count).rev() {
        h = splitmix64(h);
        order.swap(i, (h % (i as u64 + 1)) as usize);
    }
    order
}

/// SplitMix64's output function: a fast, well-mixed 64-bit hash step.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_is_a_permutation_the_seed_fixes_and_every_option_comes_first_somewhere() {
        for count in 0..8 {
            let mut o = order(3, "pick", 1, count);
            assert_eq!(o, order(3, "pick", 1, count));
            o.sort_unstable();
            assert_eq!(o, (0..count).collect::<Vec<_>>());
        }
        let firsts: std::collections::HashSet<usize> = (0..200).map(|s| order(s, "pick", 1, 4)[0]).collect();
        assert_eq!(firsts.len(), 4);
    }

    #[test]
    fn same_seed_same_draw_and_every_variant_reachable() {
        assert_eq!(variant(7, "intro", 1, 3), variant(7, "intro", 1, 3));
        let seen: std::collections::HashSet<usize> = (0..64).map(|s| variant(s, "intro", 1, 3)).collect();
        assert_eq!(seen.len(), 3);
        assert_eq!(variant(5, "x", 1, 1), 0);
    }
}
