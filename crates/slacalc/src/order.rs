//! Putting things in order with one compiled sort (issue #8, the page's size).
//!
//! Each `sort`/`sort_by` of the standard library is compiled anew for every element type and
//! comparison it is used with, about 3 KB of wasm each. The engine and the page sort through
//! these functions instead: they sort the positions `0..n` with a comparison behind a `dyn`
//! reference, so the sort itself is compiled once, and then move the elements into that
//! order. All sorts here are stable: equal elements keep the order they came in.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their original order.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` by the key `key` gives each element (stable).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order (stable).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one compiled sort: positions ordered by a comparison of the elements at them.
#[inline(never)]
fn positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_owned_values_without_copying_them() {
        let mut v: Vec<String> = ["pear", "apple", "fig"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "fig", "pear"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn descending_by_a_comparison() {
        let mut v = vec![1, 5, 2, 4];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [5, 4, 2, 1]);
    }
}
