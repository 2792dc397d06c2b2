//! One small sort for the query side.
//!
//! std's `sort_unstable_by` is fast but each instantiation costs 2-3 KB of wasm (its
//! ipnsort, pivot and small-sort kernels); the engine sorts ten kinds of lists, which
//! came to a third of its size. A shell sort is a few hundred bytes per instantiation
//! and quick enough for the few thousand items a query sorts.

/// Gaps from Ciura, then ×2.25: good for up to tens of thousands of items.
const GAPS: [usize; 12] = [5985, 2660, 1182, 525, 233, 101, 57, 23, 10, 4, 1, 0];

/// Sorts `items` so that `before(a, b)` holds for no later `a` and earlier `b`; not
/// stable.
pub(crate) fn sort_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    let mut gaps: Vec<usize> = Vec::new();
    let mut gap = 13_467;
    while gap < items.len() {
        gaps.push(gap);
        gap = gap * 9 / 4;
    }
    gaps.reverse();
    for &gap in gaps.iter().chain(GAPS.iter().take_while(|&&g| g > 0)) {
        for start in gap..items.len() {
            let mut at = start;
            while at >= gap && before(&items[at], &items[at - gap]) {
                items.swap(at, at - gap);
                at -= gap;
            }
        }
    }
}

/// Sorts by a key, smallest first.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std() {
        let mut seed = 12345u64;
        for len in [0, 1, 2, 3, 10, 100, 1000, 20_000] {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (seed >> 40) as u32 % 500
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            sort_by_key(&mut items, |&n| n);
            assert_eq!(items, expected, "length {len}");
        }
    }
}
