//! Scores and standings: wins, ties, tie-breaks and ranks.

use super::*;

// ----- Scores and standings ------------------------------------------------------------------

#[test]
fn scores_count_wins_and_half_ties_but_not_cant_decide() {
    let mut ranking = ranking_of(3);
    win(&mut ranking, 0, 1);
    tie(&mut ranking, 0, 2);
    assert!(ranking.decide(&id(1), &id(2), Outcome::CantDecide, "no".into(), 0.0));
    let scores = ranking.scores();
    assert_eq!(
        scores
            .iter()
            .map(|s| (s.wins, s.ties, s.score))
            .collect::<Vec<_>>(),
        [(1, 1, 1.5), (0, 0, 0.0), (0, 1, 0.5)]
    );
    assert_eq!(
        ranking.progress(),
        (3, 3),
        "can't decide counts as discussed"
    );
}

#[test]
fn two_level_items_are_ordered_by_their_own_cell() {
    // 0 and 1 both score 2; 1 beat 0, so 1 comes first.
    let mut ranking = ranking_of(4);
    win(&mut ranking, 1, 0);
    win(&mut ranking, 0, 2);
    win(&mut ranking, 0, 3);
    win(&mut ranking, 1, 2);
    win(&mut ranking, 2, 3);
    win(&mut ranking, 3, 1);
    let standings = ranking.standings();
    assert_eq!(order_of(&standings), [id(1), id(0), id(2), id(3)]);
    assert_eq!(rank_labels(&standings), ["1", "2", "3", "4"]);
    assert_eq!(
        standings[0].settled_by,
        TieBreak::HeadToHead {
            level_with: vec![id(0)]
        }
    );
    // 2 and 3 are level too (1 each); 2 won their cell.
    assert_eq!(
        standings[2].settled_by,
        TieBreak::HeadToHead {
            level_with: vec![id(3)]
        }
    );
}

#[test]
fn a_tied_cell_between_level_items_shares_the_rank() {
    let mut ranking = ranking_of(3);
    tie(&mut ranking, 0, 1);
    win(&mut ranking, 0, 2);
    win(&mut ranking, 1, 2);
    let standings = ranking.standings();
    assert_eq!(rank_labels(&standings), ["=1", "=1", "3"]);
    assert!(standings[0].shared && standings[1].shared && !standings[2].shared);
    assert_eq!(
        standings[1].settled_by,
        TieBreak::Shared { with: vec![id(0)] }
    );
}

#[test]
fn level_items_are_split_by_points_among_themselves_then_recursively() {
    // Four items level on 3 points, split in two by their results among themselves, and
    // each half then split by its own cell.
    let mut ranking = ranking_of(6);
    win(&mut ranking, 0, 1);
    win(&mut ranking, 0, 2);
    win(&mut ranking, 0, 3);
    win(&mut ranking, 1, 3);
    win(&mut ranking, 2, 3);
    win(&mut ranking, 2, 1);
    win(&mut ranking, 1, 4);
    win(&mut ranking, 1, 5);
    win(&mut ranking, 2, 4);
    win(&mut ranking, 3, 4);
    win(&mut ranking, 3, 5);
    win(&mut ranking, 5, 0);
    win(&mut ranking, 5, 2);
    win(&mut ranking, 5, 4);
    let scores: Vec<f64> = ranking.scores().iter().map(|s| s.score).collect();
    assert_eq!(scores, [3.0, 3.0, 3.0, 2.0, 0.0, 3.0]);
    // Level at 3: items 0, 1, 2, 5. Among them: 0>1, 0>2, 2>1, 1>5, 5>0, 5>2.
    // Points: 0: 2, 1: 1, 2: 1, 5: 2. Tiers {0, 5} then {1, 2}.
    // {0, 5}: 5 beat 0. {1, 2}: 2 beat 1.
    let standings = ranking.standings();
    assert_eq!(
        order_of(&standings),
        [id(5), id(0), id(2), id(1), id(3), id(4)]
    );
    assert_eq!(rank_labels(&standings), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        standings[0].settled_by,
        TieBreak::HeadToHead {
            level_with: vec![id(0), id(1), id(2)]
        }
    );
    assert_eq!(
        standings[2].settled_by,
        TieBreak::HeadToHead {
            level_with: vec![id(0), id(1), id(5)]
        }
    );
    let rows = parse_csv(&scores_csv(&ranking));
    assert_eq!(
        rows[3][5],
        "head-to-head: ahead of Item 1; behind Item 0, Item 5"
    );
}

#[test]
fn a_cycle_among_level_items_is_shared_and_ranks_skip_after_it() {
    let mut ranking = ranking_of(5);
    // 1, 2, 3 beat each other round a cycle and all beat 4; 0 beats everyone.
    for other in 1..5 {
        win(&mut ranking, 0, other);
    }
    win(&mut ranking, 1, 2);
    win(&mut ranking, 2, 3);
    win(&mut ranking, 3, 1);
    for other in 1..4 {
        win(&mut ranking, other, 4);
    }
    let standings = ranking.standings();
    assert_eq!(rank_labels(&standings), ["1", "=2", "=2", "=2", "5"]);
    assert_eq!(order_of(&standings)[1..4], [id(1), id(2), id(3)]);
}

#[test]
fn undecided_level_items_share_the_rank_for_now_without_a_claim_why() {
    // Nothing decided: they share the rank, but "no result separates them" would claim a
    // comparison that never happened.
    let ranking = ranking_of(3);
    let standings = ranking.standings();
    assert_eq!(rank_labels(&standings), ["=1", "=1", "=1"]);
    assert!(standings
        .iter()
        .all(|s| matches!(s.settled_by, TieBreak::NotYetCompared { .. })));
}

/// What the tie-break rule requires of any result, checked without re-implementing it.
fn check_standings(ranking: &Ranking) {
    let scores = ranking.scores();
    let standings = ranking.standings();
    let n = ranking.items.len();
    assert_eq!(standings.len(), n);
    let position: HashMap<&str, usize> = standings
        .iter()
        .enumerate()
        .map(|(p, s)| (s.item_id.as_str(), p))
        .collect();
    assert_eq!(position.len(), n, "each item once");
    for s in &scores {
        assert_eq!(standings[position[s.item_id.as_str()]].score, s.score);
    }
    let beat = |x: &str, y: &str| {
        ranking
            .decision_for(x, y)
            .is_some_and(|d| d.outcome == Outcome::Wins(x.to_string()))
    };
    for (p, s) in standings.iter().enumerate() {
        // Best first, and ranks numbered 1, 2, =3, =3, 5.
        if p > 0 {
            assert!(standings[p - 1].score >= s.score);
        }
        let first_of_rank = standings.iter().position(|t| t.rank == s.rank);
        assert_eq!(first_of_rank, Some(s.rank - 1), "competition ranking");
        let sharing = standings.iter().filter(|t| t.rank == s.rank).count();
        assert_eq!(s.shared, sharing > 1);
        let level: Vec<&Standing> = standings.iter().filter(|t| t.score == s.score).collect();
        // Different scores never share a rank.
        assert!(standings
            .iter()
            .filter(|t| t.rank == s.rank)
            .all(|t| t.score == s.score));
        match &s.settled_by {
            TieBreak::NotTied => assert_eq!(level.len(), 1),
            TieBreak::HeadToHead { level_with } => {
                assert!(!s.shared);
                assert_eq!(level_with.len(), level.len() - 1);
                assert!(level_with
                    .iter()
                    .all(|other| standings[position[other.as_str()]].score == s.score));
            }
            TieBreak::Shared { with } | TieBreak::NotYetCompared { with } => {
                assert!(s.shared);
                assert_eq!(with.len(), sharing - 1);
            }
        }
        // Two level items: the winner of their cell comes first; otherwise they share.
        if level.len() == 2 {
            let (x, y) = (&level[0].item_id, &level[1].item_id);
            if beat(x, y) {
                assert!(level[0].rank < level[1].rank);
            } else if beat(y, x) {
                panic!("{y} beat {x} but is listed after it");
            } else {
                assert!(level[0].shared && level[1].rank == level[0].rank);
            }
        }
        // Items sharing a rank have the same points among themselves.
        let tier: Vec<&str> = standings
            .iter()
            .filter(|t| t.rank == s.rank)
            .map(|t| t.item_id.as_str())
            .collect();
        if tier.len() > 1 {
            let points = |x: &str| -> u32 {
                tier.iter()
                    .filter(|&&y| y != x)
                    .map(|&y| match ranking.decision_for(x, y).map(|d| &d.outcome) {
                        Some(Outcome::Wins(w)) if w == x => 2,
                        Some(Outcome::Tie) => 1,
                        _ => 0,
                    })
                    .sum()
            };
            assert!(tier.iter().all(|&x| points(x) == points(tier[0])));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn complete_wins_and_ties_always_sum_to_the_pair_count(
        (n, codes) in (0usize..=12).prop_flat_map(|n| {
            (Just(n), prop::collection::vec(0u8..3, n * n.saturating_sub(1) / 2))
        })
    ) {
        let ranking = decide_all(n, &codes);
        let total: f64 = ranking.scores().iter().map(|s| s.score).sum();
        prop_assert_eq!(total, (n * n.saturating_sub(1) / 2) as f64);
        prop_assert_eq!(ranking.progress(), (ranking.pair_count(), ranking.pair_count()));
        prop_assert_eq!(ranking.next_pair(), None);
        check_standings(&ranking);
    }

    #[test]
    fn cant_decide_takes_its_pair_out_of_the_total(
        (n, codes) in (0usize..=12).prop_flat_map(|n| {
            (Just(n), prop::collection::vec(0u8..4, n * n.saturating_sub(1) / 2))
        })
    ) {
        let ranking = decide_all(n, &codes);
        let undecidable = codes.iter().filter(|&&c| c == 3).count();
        let total: f64 = ranking.scores().iter().map(|s| s.score).sum();
        prop_assert_eq!(total, (n * n.saturating_sub(1) / 2 - undecidable) as f64);
        check_standings(&ranking);
    }

    #[test]
    fn partial_decisions_give_consistent_standings(
        (n, codes) in (0usize..=10).prop_flat_map(|n| {
            (Just(n), prop::collection::vec(0u8..6, n * n.saturating_sub(1) / 2))
        })
    ) {
        // Codes 4 and 5 leave the pair undecided.
        let mut ranking = ranking_of(n);
        let mut codes = codes.iter();
        let mut decided = 0;
        for i in 0..n {
            for j in i + 1..n {
                let outcome = match codes.next().copied().unwrap_or(5) {
                    0 => Outcome::Wins(id(i)),
                    1 => Outcome::Wins(id(j)),
                    2 => Outcome::Tie,
                    3 => Outcome::CantDecide,
                    _ => continue,
                };
                prop_assert!(ranking.decide(&id(j), &id(i), outcome, String::new(), 0.0));
                decided += 1;
            }
        }
        prop_assert_eq!(ranking.progress(), (decided, n * n.saturating_sub(1) / 2));
        check_standings(&ranking);
        let next = ranking.next_pair();
        prop_assert_eq!(next.is_none(), decided == ranking.pair_count());
        if let Some((a, b)) = next {
            prop_assert!(ranking.decision_for(&a, &b).is_none());
        }
    }
}
