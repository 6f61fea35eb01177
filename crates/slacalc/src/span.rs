//! Spans of time in epoch seconds, half-open `[start, end)`: the force-majeure events (L5.1)
//! and customer pauses (L3.4) that stop the vendor's clocks.

/// Merges overlapping or touching spans into a sorted list of disjoint spans.
pub fn merge(mut spans: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    spans.retain(|(s, e)| e > s);
    crate::order::sort(&mut spans);
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Seconds of the disjoint `spans` that fall inside `[from, to)`.
pub fn overlap(spans: &[(i64, i64)], from: i64, to: i64) -> i64 {
    spans
        .iter()
        .map(|&(s, e)| (e.min(to) - s.max(from)).max(0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_and_measures() {
        let m = merge(vec![(10, 20), (0, 5), (15, 30), (30, 31), (40, 40)]);
        assert_eq!(m, vec![(0, 5), (10, 31)]);
        assert_eq!(overlap(&m, 3, 12), 4);
        assert_eq!(overlap(&m, 100, 200), 0);
    }
}
