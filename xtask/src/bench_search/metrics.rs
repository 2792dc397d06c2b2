//! Relevance of a ranking against the articles that answer a query, and percentiles.

/// `1 / rank` of the first expected article among the first ten, 0 if none is there.
pub fn reciprocal_rank(found: &[String], expected: &[String]) -> f64 {
    found
        .iter()
        .take(10)
        .position(|key| expected.contains(key))
        .map_or(0.0, |rank| 1.0 / (rank + 1) as f64)
}

/// The share of the expected articles among the first five, out of as many as five
/// places can hold.
pub fn recall_at_5(found: &[String], expected: &[String]) -> f64 {
    if expected.is_empty() {
        return 0.0;
    }
    let hits = found
        .iter()
        .take(5)
        .filter(|key| expected.contains(key))
        .count();
    hits as f64 / expected.len().min(5) as f64
}

/// The nearest-rank percentile (`0.5`: the median, the lower one of an even count); 0
/// for none.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p * sorted.len() as f64).ceil() as usize).max(1);
    sorted.get(rank - 1).copied().unwrap_or(0.0)
}

pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ranks_and_recall() {
        let found = keys(&["a", "b", "c", "d", "e", "f"]);
        assert_eq!(reciprocal_rank(&found, &keys(&["c"])), 1.0 / 3.0);
        assert_eq!(reciprocal_rank(&found, &keys(&["z"])), 0.0);
        assert_eq!(recall_at_5(&found, &keys(&["a", "f"])), 0.5);
        assert_eq!(
            recall_at_5(&found, &keys(&["a", "b", "c", "d", "e", "f"])),
            1.0
        );
        assert_eq!(percentile(&[3.0, 1.0, 2.0, 4.0], 0.5), 2.0);
        assert_eq!(percentile(&[1.0; 20], 0.95), 1.0);
    }
}
