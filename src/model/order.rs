//! Stable sorting through one copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over its comparison, so each closure handed to it builds the
//! whole stable sort again: the app's 17 calls built 21 copies, about 70 KB of the browser
//! build's code before wasm-opt (issue #17). Here every sort orders the items' indices with
//! the comparison behind a `dyn` reference, which builds that sort once, and then moves the
//! items into that order. The one hot loop over plain numbers (the bootstrap's percentiles in
//! `ranking::aggregate`) keeps `sort_by`; three copies are left in all.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in the order they came: as
/// `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let len = items.len();
    let order = sorted_indices(len, &mut |a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    // `order` holds every index once, so every item is taken exactly once.
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
    debug_assert_eq!(items.len(), len, "the order lost an item");
}

/// Sorts `items` by the key `key` gives each, keeping items of equal keys in the order they
/// came: as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in the order `compare` puts them, ties in ascending order. The one
/// place that instantiates the standard library's stable sort for the app's orders.
fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // Pairs (key, arrival): sorting by key alone must keep arrivals ascending within a key.
        let mut seed = 7_u64;
        for len in [0_usize, 1, 2, 3, 10, 33, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            assert_eq!(ours, expected, "length {len}");
            let mut descending = items;
            sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
            assert!(descending
                .windows(2)
                .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }
    }

    #[test]
    fn keeps_items_that_cannot_be_copied() {
        let mut names = vec![
            "b".to_string(),
            "a".to_string(),
            "c".to_string(),
            "a".to_string(),
        ];
        sort_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["a", "a", "b", "c"]);
    }
}
