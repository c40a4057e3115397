//! Kendall's tau-b, and comparing the groups' rankings.

use super::*;

// ----- Kendall's tau-b -----------------------------------------------------------------------

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn kendall_tau_b_matches_hand_worked_examples() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    assert!(close(kendall_tau_b(&x, &x), 1.0));
    assert!(close(kendall_tau_b(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]), -1.0));

    // One swap among four: x = 1 2 3 4, y = 1 2 4 3. Of the 6 pairs, only (3, 4) is
    // discordant: (5 − 1) / 6 = 2/3.
    assert!(close(
        kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[1.0, 2.0, 4.0, 3.0]),
        2.0 / 3.0
    ));

    // Ties in y only: x = 1 2 3 4, y = 1 3 2 2 (items C and D share rank 2 in y).
    // Pairs: AB C, AC C, AD C, BC D, BD D, CD tied in y.
    // concordant 3, discordant 2, n0 = 6, tied_x = 0, tied_y = 1:
    // tau-b = (3 − 2) / √(6 · 5) = 1/√30 ≈ 0.182574.
    assert!(close(
        kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 2.0]),
        1.0 / 30f64.sqrt()
    ));

    // Ties in both, as two groups' shared ranks give them:
    // x = 1 =2 =2 4 (A, B, C, D), y = =1 =1 3 4.
    // AB: x 1<2, y tied → tied_y. AC: x 1<2, y 1<3 → C. AD: C. BC: x tied → tied_x
    // (y 1<3). BD: C. CD: C. So concordant 4, discordant 0, tied_x 1, tied_y 1:
    // tau-b = 4 / √(5 · 5) = 0.8.
    assert!(close(
        kendall_tau_b(&[1.0, 2.0, 2.0, 4.0], &[1.0, 1.0, 3.0, 4.0]),
        0.8
    ));

    // A pair tied in both counts in both tie totals: x = 1 1 2, y = 1 1 2.
    // AB tied both, AC C, BC C: (2 − 0) / √((3 − 1)(3 − 1)) = 1.
    assert!(close(
        kendall_tau_b(&[1.0, 1.0, 2.0], &[1.0, 1.0, 2.0]),
        1.0
    ));
}

#[test]
fn kendall_tau_b_is_none_where_undefined() {
    assert_eq!(kendall_tau_b(&[], &[]), None);
    assert_eq!(kendall_tau_b(&[1.0], &[1.0]), None);
    assert_eq!(kendall_tau_b(&[1.0, 2.0], &[1.0]), None);
    assert_eq!(kendall_tau_b(&[3.0, 3.0, 3.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(kendall_tau_b(&[1.0, f64::NAN], &[1.0, 2.0]), None);
    assert_eq!(kendall_tau_b(&[1.0, f64::INFINITY], &[1.0, 2.0]), None);
}

proptest! {
    #[test]
    fn kendall_tau_b_stays_within_minus_one_and_one(
        pairs in prop::collection::vec((0u8..5, 0u8..5), 0..30)
    ) {
        let x: Vec<f64> = pairs.iter().map(|p| f64::from(p.0)).collect();
        let y: Vec<f64> = pairs.iter().map(|p| f64::from(p.1)).collect();
        if let Some(tau) = kendall_tau_b(&x, &y) {
            prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&tau));
            prop_assert!(close(kendall_tau_b(&y, &x), tau), "symmetric");
        }
    }
}

// ----- Comparing groups ----------------------------------------------------------------------

/// A finished matrix whose order is `labels` (first best).
pub(super) fn ranked(labels: &[&str]) -> Ranking {
    let mut ranking = with_labels(labels);
    for i in 0..labels.len() {
        for j in i + 1..labels.len() {
            win(&mut ranking, i, j);
        }
    }
    ranking
}

#[test]
fn groups_are_compared_by_label_and_ordered_by_disagreement() {
    let community = ranked(&["Water", "Schools", "Roads", "Clinic"]);
    let statutory = ranked(&[" clinic", "SCHOOLS ", "Water", "Roads", "Market"]);
    let youth = ranked(&["Football pitch"]);
    let comparison = compare(&[
        ("Community".to_string(), &community),
        ("Statutory".to_string(), &statutory),
        ("Youth".to_string(), &youth),
    ]);
    assert_eq!(comparison.groups, ["Community", "Statutory", "Youth"]);
    let row = |label: &str| {
        comparison
            .items
            .iter()
            .find(|item| item.label == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    assert_eq!(row("Clinic").ranks, [Some(4), Some(1), None]);
    assert_eq!(row("Clinic").spread, Some(3));
    assert_eq!(row("Schools").ranks, [Some(2), Some(2), None]);
    assert_eq!(row("Market").ranks, [None, Some(5), None]);
    assert_eq!(row("Market").spread, None);
    // Most disputed first; items only one group ranked last.
    let labels: Vec<&str> = comparison.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Clinic",
            "Water",
            "Roads",
            "Schools",
            "Market",
            "Football pitch"
        ]
    );
    // Community v Statutory over the 4 shared items: community order W S R C, statutory
    // ranks them C1 S2 W3 R4 → as ranks (W, S, R, C) = (1, 2, 3, 4) v (3, 2, 4, 1).
    // Pairs: WS D, WR C, WC D, SR C, SC D, RC D → (2 − 4) / 6 = −1/3.
    let pair = &comparison.agreements[0];
    assert_eq!((pair.first, pair.second, pair.common_items), (0, 1, 4));
    assert!(close(pair.tau_b, -1.0 / 3.0));
    // Youth shares nothing with the others.
    assert_eq!(comparison.agreements.len(), 3);
    assert_eq!(comparison.agreements[1].common_items, 0);
    assert_eq!(comparison.agreements[1].tau_b, None);
}

#[test]
fn a_label_used_twice_in_a_group_is_kept_apart() {
    let first = ranked(&["Water", "water", "Roads"]);
    let second = ranked(&["Roads", "Water"]);
    let comparison = compare(&[("A".into(), &first), ("B".into(), &second)]);
    let labels: Vec<&str> = comparison.items.iter().map(|i| i.label.as_str()).collect();
    assert!(labels.contains(&"water (2)"), "{labels:?}");
    assert_eq!(comparison.items.len(), 3);
    assert!(compare(&[]).items.is_empty());
}

#[test]
fn shared_ranks_carry_into_the_comparison() {
    let mut tied = with_labels(&["Water", "Roads", "Clinic"]);
    tie(&mut tied, 0, 1);
    win(&mut tied, 0, 2);
    win(&mut tied, 1, 2);
    let other = ranked(&["Water", "Roads", "Clinic"]);
    let comparison = compare(&[("A".into(), &tied), ("B".into(), &other)]);
    let water = comparison.items.iter().find(|i| i.label == "Water");
    assert_eq!(water.map(|w| w.ranks.clone()), Some(vec![Some(1), Some(1)]));
    // (1, 1, 3) v (1, 2, 3): WR tied in x, WC C, RC C → 2 / √(2 · 3).
    assert!(close(comparison.agreements[0].tau_b, 2.0 / 6f64.sqrt()));
}
