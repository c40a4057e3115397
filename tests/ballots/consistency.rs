//! Consistency: circular triads and Kendall's ζ, for the group's matrix and for a ballot.

use super::{cant_decide, id, ranking_of, raw, tied, tournament, with_decisions, won, Random};
use pla_workshop::model::ranking::{
    kendall_zeta, most_circular_triads, Ballot, Outcome, Ranking, RankingMethod, Triad,
};

// ----- Helpers -------------------------------------------------------------------------------

fn triad(members: [usize; 3]) -> Triad {
    Triad {
        items: members.map(id),
    }
}

/// Kendall and Babington Smith: a complete tournament with scores s_i has
/// c = n(n − 1)(2n − 1)/12 − ½ Σ s_i² circular triads.
fn circular_triads_from_scores(ranking: &Ranking) -> usize {
    let n = ranking.items.len();
    let squares: u32 = ranking.scores().iter().map(|s| s.wins * s.wins).sum();
    let whole = (n * (n - 1) * (2 * n - 1)) as u32;
    // 12c = n(n − 1)(2n − 1) − 6 Σ s_i², exactly, in whole numbers.
    ((whole - 6 * squares) / 12) as usize
}

/// The regular tournament on an odd number of items: i beats the (n − 1)/2 items after it,
/// going round. Every item wins (n − 1)/2, which gives the most circular triads.
fn regular_tournament(n: usize) -> Ranking {
    tournament(n, |i, j| j - i <= (n - 1) / 2)
}

// ----- Consistency: circular triads and Kendall's ζ ------------------------------------------

#[test]
fn three_items_in_a_circle_are_one_triad_and_zeta_zero() {
    let ranking = with_decisions(3, vec![won(0, 1), won(1, 2), won(2, 0)]);
    let consistency = ranking.consistency();
    assert_eq!(consistency.triads, [triad([0, 1, 2])]);
    assert_eq!(consistency.circular_count, 1);
    assert_eq!(consistency.zeta, Some(0.0));
    assert_eq!(consistency.items_compared, 3);

    // The other way round, the triad still starts at the first item and follows the circle.
    let reversed = with_decisions(3, vec![won(1, 0), won(2, 1), won(0, 2)]);
    assert_eq!(reversed.consistency().triads, [triad([0, 2, 1])]);
}

#[test]
fn a_transitive_order_has_no_triad_and_zeta_one() {
    for n in 3..=9 {
        let ranking = tournament(n, |_, _| true);
        let consistency = ranking.consistency();
        assert!(consistency.triads.is_empty(), "n = {n}");
        assert_eq!(consistency.zeta, Some(1.0), "n = {n}");
    }
}

#[test]
fn ties_and_cant_decide_never_form_a_triad() {
    for closing in [tied(2, 0), cant_decide(2, 0)] {
        let ranking = with_decisions(3, vec![won(0, 1), won(1, 2), closing]);
        assert_eq!(ranking.consistency().circular_count, 0);
    }
    // Nor does a pair not decided yet.
    let open = with_decisions(3, vec![won(0, 1), won(1, 2)]);
    assert_eq!(open.consistency().circular_count, 0);
    assert_eq!(open.consistency().zeta, Some(1.0));
}

#[test]
fn four_items_list_their_triads_in_item_order() {
    // 0 > 1 > 2 > 0 and 0 > 1 > 3 > 0 (3 beats 0, 1 beats 3), 2 > 3.
    let ranking = with_decisions(
        4,
        vec![
            won(0, 1),
            won(1, 2),
            won(2, 0),
            won(3, 0),
            won(1, 3),
            won(2, 3),
        ],
    );
    let consistency = ranking.consistency();
    assert_eq!(consistency.triads, [triad([0, 1, 2]), triad([0, 1, 3])]);
    // n = 4 is even: ζ = 1 − 24·2 / (64 − 16) = 0, the most four items can have.
    assert_eq!(consistency.zeta, Some(0.0));
    assert_eq!(circular_triads_from_scores(&ranking), 2);
}

#[test]
fn damaged_decisions_do_not_make_or_break_a_triad() {
    let mut ranking = with_decisions(
        3,
        vec![
            won(0, 1),
            // The pair again, reversed: the first decision counts.
            won(1, 0),
            won(1, 2),
            raw(&id(0), &id(0), Outcome::Wins(id(0))),
            raw(&id(2), "removed", Outcome::Wins(id(2))),
            raw(&id(2), &id(0), Outcome::Wins("someone else".into())),
            won(2, 0),
        ],
    );
    // An id twice (a damaged file): the first item with it is the one that counts.
    ranking.items.push(ranking.items[1].clone());
    let consistency = ranking.consistency();
    assert_eq!(consistency.triads, [triad([0, 1, 2])]);
    assert_eq!(consistency.items_compared, 3);
    assert_eq!(consistency.zeta, Some(0.0));
}

#[test]
fn zeta_needs_three_items() {
    for n in 0..3 {
        let ranking = tournament(n, |_, _| true);
        let consistency = ranking.consistency();
        assert_eq!(consistency.zeta, None, "n = {n}");
        assert!(consistency.triads.is_empty());
        assert_eq!(kendall_zeta(n, 0), None);
    }
}

#[test]
fn quick_mode_assumes_consistency_and_measures_nothing() {
    let mut ranking = with_decisions(3, vec![won(0, 1), won(1, 2), won(2, 0)]);
    ranking.method = RankingMethod::Quick;
    let consistency = ranking.consistency();
    assert!(consistency.triads.is_empty());
    assert_eq!(consistency.circular_count, 0);
    assert_eq!(consistency.zeta, None);
}

#[test]
fn a_ballot_is_checked_like_the_group() {
    let items = ranking_of(4).items;
    let ballot = Ballot {
        id: "b1".into(),
        label: "Participant 1".into(),
        decisions: vec![won(3, 1), won(1, 2), won(2, 3), won(0, 1)],
        handed_over: true,
        ..Ballot::default()
    };
    let consistency = ballot.as_ranking(&items).consistency();
    assert_eq!(consistency.triads, [triad([1, 2, 3])]);
    assert_eq!(consistency.items_compared, 4);
}

#[test]
fn random_tournaments_match_the_count_from_their_scores() {
    let mut random = Random(0x5EED);
    for n in 3..=12 {
        for _ in 0..25 {
            let ranking = tournament(n, |_, _| random.coin());
            let consistency = ranking.consistency();
            let expected = circular_triads_from_scores(&ranking);
            assert_eq!(consistency.circular_count, expected, "n = {n}");
            assert_eq!(consistency.triads.len(), expected);
            let zeta = consistency.zeta.unwrap_or(f64::NAN);
            assert!((0.0..=1.0).contains(&zeta), "n = {n}: ζ = {zeta}");
            // Each triad is a real circle, starting at its member first in item order, and
            // the triads are listed by their members' positions.
            let position = |member: &String| {
                ranking
                    .items
                    .iter()
                    .position(|i| &i.id == member)
                    .unwrap_or(usize::MAX)
            };
            let mut keys = Vec::new();
            for t in &consistency.triads {
                let [first, second, third] = t.items.each_ref().map(position);
                assert!(first < second && first < third, "{t:?}");
                for k in 0..3 {
                    let (winner, loser) = (&t.items[k], &t.items[(k + 1) % 3]);
                    let decision = ranking.decision_for(winner, loser).map(|d| &d.outcome);
                    assert_eq!(decision, Some(&Outcome::Wins(winner.clone())));
                }
                let mut key = [first, second, third];
                key.sort_unstable();
                keys.push(key);
            }
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "triads out of item order"
            );
        }
    }
}

#[test]
fn zeta_is_zero_at_the_most_circular_triads_and_one_at_none() {
    for n in 3..=12 {
        // Odd n: the regular tournament. Even n: the regular tournament on n + 1 items with
        // the last taken away, which leaves half the items n/2 wins and half n/2 − 1.
        let ranking = if n % 2 == 1 {
            regular_tournament(n)
        } else {
            let mut bigger = regular_tournament(n + 1);
            bigger.remove_item(&id(n));
            bigger
        };
        let most = if n % 2 == 1 {
            (n * n * n - n) / 24
        } else {
            (n * n * n - 4 * n) / 24
        };
        assert_eq!(most_circular_triads(n), most);
        let consistency = ranking.consistency();
        assert_eq!(consistency.circular_count, most, "n = {n}");
        assert_eq!(consistency.zeta, Some(0.0), "n = {n}");
        assert_eq!(kendall_zeta(n, 0), Some(1.0));
    }
}
