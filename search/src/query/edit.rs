//! Damerau-Levenshtein distance (optimal string alignment), bounded: a transposition
//! of two neighbours counts as one edit, and work stops once `max` is exceeded.

/// Longest word compared; longer ones are never typos of each other here.
const MAX_LEN: usize = 40;

/// The distance between `a` and `b` if it is at most `max`.
pub(crate) fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_LEN || b.len() > MAX_LEN {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: two back (for transpositions), previous, current.
    let mut rows = [[0usize; MAX_LEN + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (current, previous, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[current][0] = i;
        let mut best = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[previous][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[before][j - 2] + 1);
            }
            rows[current][j] = value;
            best = best.min(value);
        }
        if best > max {
            return None;
        }
    }
    let last = rows[a.len() % 3][b.len()];
    (last <= max).then_some(last)
}

/// Edits allowed for a word of `len` bytes: none below four, one from four, two from
/// eight.
pub(crate) fn allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(distance("connect", "connect", 2), Some(0));
        assert_eq!(distance("conect", "connect", 2), Some(1));
        assert_eq!(
            distance("connetc", "connect", 2),
            Some(1),
            "a transposition is one edit"
        );
        assert_eq!(distance("cnonetc", "connect", 2), Some(2));
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
        assert_eq!(distance("", "ab", 2), Some(2));
        assert_eq!(distance("abc", "", 2), None);
    }

    #[test]
    fn thresholds_follow_length() {
        assert_eq!([3, 4, 7, 8, 20].map(allowed), [0, 1, 1, 2, 2]);
    }
}
