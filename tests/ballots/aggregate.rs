//! The ballots taken together: Bradley–Terry strengths, bootstrap intervals, Kendall's W,
//! win shares, each participant's order, and where the ballots part from the group.

use super::{cant_decide, id, ranking_of, raw, tied, tournament, with_decisions, won, Random};
use pla_workshop::model::ranking::{
    Aggregate, Ballot, Decision, Outcome, QuickStep, Ranking, RankingMethod, AGGREGATE_METHOD_NOTE,
};
use proptest::prelude::*;

// ----- Ballots taken together: helpers ---------------------------------------------------------

/// A sealed ballot with these decisions.
fn sealed(number: usize, decisions: Vec<Decision>) -> Ballot {
    Ballot {
        id: format!("ballot-{number}"),
        label: format!("Participant {number}"),
        decisions,
        handed_over: true,
        ..Ballot::default()
    }
}

/// Every pair decided to agree with `ranks` (lower is better; equal ranks tie).
fn ballot_from_ranks(number: usize, ranks: &[usize]) -> Ballot {
    let mut decisions = Vec::new();
    for i in 0..ranks.len() {
        for j in i + 1..ranks.len() {
            decisions.push(match ranks[i].cmp(&ranks[j]) {
                std::cmp::Ordering::Less => won(i, j),
                std::cmp::Ordering::Greater => won(j, i),
                std::cmp::Ordering::Equal => tied(i, j),
            });
        }
    }
    sealed(number, decisions)
}

fn with_ballots(n: usize, ballots: Vec<Ballot>) -> Ranking {
    let mut ranking = ranking_of(n);
    ranking.ballots = ballots;
    ranking
}

fn aggregate_of(ranking: &Ranking) -> Aggregate {
    match ranking.aggregate(200, 7) {
        Some(aggregate) => aggregate,
        None => panic!("no aggregate for {ranking:?}"),
    }
}

/// The strength of item `i`, read from the aggregate.
fn strength(aggregate: &Aggregate, i: usize) -> f64 {
    aggregate
        .items
        .iter()
        .find(|item| item.item_id == id(i))
        .map_or(f64::NAN, |item| item.strength)
}

fn assert_close(got: f64, want: f64, relative: f64) {
    assert!(
        (got - want).abs() <= relative * want.abs().max(1e-12),
        "{got} is not within {relative} of {want}"
    );
}

/// Everything an aggregate promises, whatever the input.
fn assert_well_formed(aggregate: &Aggregate) {
    let total: f64 = aggregate.items.iter().map(|i| i.strength).sum();
    assert!((total - 100.0).abs() < 1e-9, "strengths sum to {total}");
    for item in &aggregate.items {
        assert!(
            item.strength.is_finite() && item.strength > 0.0,
            "{item:?} has no finite strength"
        );
        assert!(item.low.is_finite() && item.high.is_finite(), "{item:?}");
        assert!(item.low <= item.strength + 1e-9, "{item:?}");
        assert!(item.strength <= item.high + 1e-9, "{item:?}");
        if let Some(share) = item.win_share {
            assert!((0.0..=1.0).contains(&share), "{item:?}");
        }
    }
    // Best first; items sharing a rank (strengths within 1e-6) are in item order instead.
    assert!(aggregate
        .items
        .windows(2)
        .all(|w| w[0].strength >= w[1].strength - 1e-6 && w[0].rank <= w[1].rank));
    if let Some(w) = aggregate.kendall_w {
        assert!((0.0..=1.0).contains(&w), "W = {w}");
    }
    assert!(aggregate.converged);
}

// ----- Bradley–Terry strengths ---------------------------------------------------------------

#[test]
fn strengths_match_a_hand_worked_fit_with_the_virtual_ties() {
    // A (item-0) beats B once, B beats C once, A beats C six times. With the virtual ties
    // every pair gains a quarter of a win each way, so the counts become A–B 1¼ : ¼,
    // B–C 1¼ : ¼, A–C 6¼ : ¼: exactly the odds 5 : 1, 5 : 1 and 25 : 1 of strengths
    // 25 : 5 : 1. The likelihood equations hold there (A: 7½ = 1½·25/30 + 6½·25/26;
    // B: 1½ = 1½·5/30 + 1½·5/6; C: ½ = 6½·1/26 + 1½·1/6), so the fit is 100·(25, 5, 1)/31.
    let mut ballots = vec![sealed(1, vec![won(0, 1), won(1, 2), won(0, 2)])];
    for number in 2..=6 {
        ballots.push(sealed(number, vec![won(0, 2)]));
    }
    let aggregate = aggregate_of(&with_ballots(3, ballots));
    assert_well_formed(&aggregate);
    for (i, share) in [(0, 25.0), (1, 5.0), (2, 1.0)] {
        assert_close(strength(&aggregate, i), 100.0 * share / 31.0, 1e-6);
    }
    let order: Vec<&str> = aggregate.items.iter().map(|i| i.item_id.as_str()).collect();
    assert_eq!(order, ["item-0", "item-1", "item-2"]);
}

/// A published fit: Stigler's (1994) citations between four statistics journals, as Agresti
/// (2002, p. 448) analyses them and the R package BradleyTerry2 fits them (its
/// `tests/BTabilities.Rout.save`): a citation is a win for the journal cited. The published
/// log-abilities, against Biometrika, are Comm Statist −2.9490725, JASA −0.4795698 and
/// JRSS-B 0.2689541. Here each pair's counts are spread over as many ballots as the pair
/// has citations. The one virtual half-comparison per pair (a quarter of a win each way)
/// moves the fit a little, most for Comm Statist, whose 17, 33 and 68 wins gain a quarter
/// each (about 0.007 on the log scale); the tolerance, 0.01, allows that and no more.
#[test]
fn strengths_match_a_published_fit_of_journal_citations() {
    // (i, j, times i was cited by j, times j was cited by i): Biometrika 0, Comm Statist 1,
    // JASA 2, JRSS-B 3.
    let counts = [
        (0, 1, 730, 33),
        (0, 2, 498, 320),
        (0, 3, 221, 284),
        (1, 2, 68, 813),
        (1, 3, 17, 276),
        (2, 3, 142, 325),
    ];
    let most = counts.iter().map(|&(_, _, a, b)| a + b).max().unwrap_or(0);
    let ballots = (0..most)
        .map(|k| {
            let decisions = counts
                .iter()
                .filter(|&&(_, _, a, b)| k < a + b)
                .map(|&(i, j, a, _)| if k < a { won(i, j) } else { won(j, i) })
                .collect();
            sealed(k, decisions)
        })
        .collect();
    let ranking = with_ballots(4, ballots);
    let aggregate = match ranking.aggregate(0, 1) {
        Some(aggregate) => aggregate,
        None => panic!("no aggregate"),
    };
    let log_ability = |i: usize| (strength(&aggregate, i) / strength(&aggregate, 0)).ln();
    for (i, published) in [(1, -2.9490725), (2, -0.4795698), (3, 0.2689541)] {
        let got = log_ability(i);
        println!("journal {i}: {got:.5}, published {published}");
        assert!(
            (got - published).abs() < 0.01,
            "journal {i}: {got} against the published {published}"
        );
    }
}

#[test]
fn two_items_follow_the_closed_form() {
    // strength_A = 100 (W_A + ¼) / (n_AB + ½): A wins 3, loses 1 and ties 2 → W_A = 4 of 6.
    let mut ballots = Vec::new();
    for number in 0..3 {
        ballots.push(sealed(number, vec![won(0, 1)]));
    }
    ballots.push(sealed(3, vec![won(1, 0)]));
    ballots.push(sealed(4, vec![tied(0, 1)]));
    ballots.push(sealed(5, vec![tied(1, 0)]));
    let aggregate = aggregate_of(&with_ballots(2, ballots));
    assert_well_formed(&aggregate);
    assert_close(strength(&aggregate, 0), 100.0 * 4.25 / 6.5, 1e-6);
    assert_close(strength(&aggregate, 1), 100.0 * 2.25 / 6.5, 1e-6);
}

#[test]
fn ties_all_round_give_equal_strengths() {
    let ballots = (0..4).map(|b| ballot_from_ranks(b, &[1; 5])).collect();
    let aggregate = aggregate_of(&with_ballots(5, ballots));
    assert_well_formed(&aggregate);
    for item in &aggregate.items {
        assert_close(item.strength, 20.0, 1e-9);
        assert_eq!((item.rank, item.shared), (1, true));
        assert_eq!(item.win_share, Some(0.5));
    }
    // Equal strengths keep the item order.
    let order: Vec<String> = aggregate.items.iter().map(|i| i.item_id.clone()).collect();
    assert_eq!(order, (0..5).map(id).collect::<Vec<_>>());
}

#[test]
fn nothing_compared_gives_every_item_an_equal_strength() {
    let ballots = vec![sealed(1, Vec::new()), sealed(2, vec![cant_decide(0, 1)])];
    let aggregate = aggregate_of(&with_ballots(4, ballots));
    assert_well_formed(&aggregate);
    for item in &aggregate.items {
        assert_close(item.strength, 25.0, 1e-9);
        assert_eq!(item.win_share, None);
        assert_close(item.low, 25.0, 1e-9);
        assert_close(item.high, 25.0, 1e-9);
    }
}

#[test]
fn items_no_ballot_compared_share_one_strength_in_the_middle() {
    // Items 0–2 in a clear order on every ballot; items 3 and 4 never compared.
    let ballots = (0..5)
        .map(|b| sealed(b, vec![won(0, 1), won(1, 2), won(0, 2)]))
        .collect();
    let aggregate = aggregate_of(&with_ballots(5, ballots));
    assert_well_formed(&aggregate);
    assert_close(strength(&aggregate, 3), strength(&aggregate, 4), 1e-7);
    assert!(strength(&aggregate, 0) > strength(&aggregate, 3));
    assert!(strength(&aggregate, 3) > strength(&aggregate, 2));
    let never: Vec<_> = aggregate
        .items
        .iter()
        .filter(|i| i.win_share.is_none())
        .collect();
    assert_eq!(never.len(), 2);
    assert!(never.iter().all(|i| i.shared && i.rank == never[0].rank));
}

#[test]
fn an_item_that_wins_or_loses_everything_keeps_a_finite_strength() {
    // 30 participants, 12 items, all in the same order: item-0 wins every comparison and
    // item-11 loses every one. Without the virtual ties the fit would not exist.
    let ranks: Vec<usize> = (1..=12).collect();
    let ballots = (0..30).map(|b| ballot_from_ranks(b, &ranks)).collect();
    let aggregate = aggregate_of(&with_ballots(12, ballots));
    assert_well_formed(&aggregate);
    let first = strength(&aggregate, 0);
    let last = strength(&aggregate, 11);
    assert!(first < 100.0 && last > 0.0, "{first} {last}");
    assert_eq!(aggregate.items[0].win_share, Some(1.0));
    assert_eq!(aggregate.items[11].win_share, Some(0.0));
    // Every participant agrees, so every resample is the same: the interval is the point.
    for item in &aggregate.items {
        assert_close(item.low, item.strength, 1e-9);
        assert_close(item.high, item.strength, 1e-9);
    }
    assert_eq!(aggregate.kendall_w, Some(1.0));

    // One participant alone, too.
    let alone = aggregate_of(&with_ballots(12, vec![ballot_from_ranks(0, &ranks)]));
    assert_well_formed(&alone);
}

#[test]
fn the_method_note_says_how_the_strengths_were_made() {
    let aggregate = aggregate_of(&with_ballots(2, vec![sealed(1, vec![won(0, 1)])]));
    assert_eq!(aggregate.method_note, AGGREGATE_METHOD_NOTE);
    assert!(AGGREGATE_METHOD_NOTE.starts_with(
        "Bradley–Terry strengths (maximum likelihood over every ballot's decisions; a tie is \
         half a win to each)"
    ));
    assert!(AGGREGATE_METHOD_NOTE.contains("not added up across participants"));
}

// ----- Bootstrap intervals -------------------------------------------------------------------

/// Ten participants who mostly, but not entirely, agree on 6 items.
fn mixed_opinions() -> Ranking {
    let mut random = Random(42);
    let ballots = (0..10)
        .map(|b| {
            let mut decisions = Vec::new();
            for i in 0..6 {
                for j in i + 1..6 {
                    // The lower id wins three times in four.
                    decisions.push(if !random.next().is_multiple_of(4) {
                        won(i, j)
                    } else {
                        won(j, i)
                    });
                }
            }
            sealed(b, decisions)
        })
        .collect();
    with_ballots(6, ballots)
}

#[test]
fn the_bootstrap_is_reproducible_and_its_interval_holds_the_estimate() {
    let ranking = mixed_opinions();
    let first = ranking.aggregate(500, 2024);
    let again = ranking.aggregate(500, 2024);
    assert!(first.is_some());
    assert_eq!(first, again);
    let other = ranking.aggregate(500, 2025);
    let intervals = |a: &Option<Aggregate>| -> Vec<(f64, f64)> {
        a.iter()
            .flat_map(|a| a.items.iter().map(|i| (i.low, i.high)))
            .collect()
    };
    assert_ne!(intervals(&first), intervals(&other));
    let (Some(first), Some(other)) = (first, other) else {
        return;
    };
    // The seed moves only the intervals, never the estimate.
    let strengths = |a: &Aggregate| -> Vec<f64> { a.items.iter().map(|i| i.strength).collect() };
    assert_eq!(strengths(&first), strengths(&other));
    assert_well_formed(&first);
    assert_eq!(first.bootstrap_samples, 500);
    // With real disagreement the interval has width.
    assert!(
        first.items.iter().all(|i| i.high - i.low > 0.1),
        "{first:?}"
    );
}

#[test]
fn no_bootstrap_samples_give_the_point_as_its_interval() {
    let ranking = mixed_opinions();
    let Some(aggregate) = ranking.aggregate(0, 1) else {
        panic!("no aggregate");
    };
    assert_eq!(aggregate.bootstrap_samples, 0);
    for item in &aggregate.items {
        assert_eq!((item.low, item.high), (item.strength, item.strength));
    }
}

// ----- Kendall's W ---------------------------------------------------------------------------

#[test]
fn identical_ballots_agree_completely() {
    let ballots = (0..4)
        .map(|b| ballot_from_ranks(b, &[2, 1, 4, 3, 5]))
        .collect();
    let aggregate = aggregate_of(&with_ballots(5, ballots));
    assert_eq!(aggregate.kendall_w, Some(1.0));
}

#[test]
fn opposite_ballots_do_not_agree_at_all() {
    let ballots = vec![
        ballot_from_ranks(1, &[1, 2, 3, 4]),
        ballot_from_ranks(2, &[4, 3, 2, 1]),
    ];
    let aggregate = aggregate_of(&with_ballots(4, ballots));
    assert!(aggregate.kendall_w.is_some_and(|w| w.abs() < 1e-12));
}

#[test]
fn kendall_w_matches_a_hand_worked_three_by_four() {
    // Ranks of items A B C D:
    //   judge 1: 1 2 3 4;  judge 2: 1 3 2 4;  judge 3: 2 1 4 3.
    // Sums R = 4, 6, 9, 11; mean R̄ = m(n + 1)/2 = 3·5/2 = 7.5; deviations −3.5, −1.5, 1.5,
    // 3.5; S = 12.25 + 2.25 + 2.25 + 12.25 = 29.
    // W = 12 S / (m²(n³ − n)) = 348 / (9 · 60) = 29/45.
    let ballots = vec![
        ballot_from_ranks(1, &[1, 2, 3, 4]),
        ballot_from_ranks(2, &[1, 3, 2, 4]),
        ballot_from_ranks(3, &[2, 1, 4, 3]),
    ];
    let aggregate = aggregate_of(&with_ballots(4, ballots));
    assert_close(aggregate.kendall_w.unwrap_or(f64::NAN), 29.0 / 45.0, 1e-12);

    // Judge 3 ties A and B for first instead: their ranks are the average place, 1.5 each
    // (1, 2.5 … as in the standings' "=1"), then C 3 and D 4.
    // R = 3.5, 6.5, 8, 12; deviations −4, −1, 0.5, 4.5; S = 16 + 1 + 0.25 + 20.25 = 37.5.
    // One tie group of t = 2: T = 2³ − 2 = 6. W = 12 · 37.5 / (9 · 60 − 3 · 6) = 450/522
    // = 25/29.
    let ballots = vec![
        ballot_from_ranks(1, &[1, 2, 3, 4]),
        ballot_from_ranks(2, &[1, 3, 2, 4]),
        ballot_from_ranks(3, &[1, 1, 3, 4]),
    ];
    let aggregate = aggregate_of(&with_ballots(4, ballots));
    assert_close(aggregate.kendall_w.unwrap_or(f64::NAN), 25.0 / 29.0, 1e-12);
}

#[test]
fn kendall_w_needs_two_ballots_that_rank_something() {
    let one = aggregate_of(&with_ballots(3, vec![ballot_from_ranks(1, &[1, 2, 3])]));
    assert_eq!(one.kendall_w, None);
    // Two ballots that leave every item level: no order to agree on.
    let level = aggregate_of(&with_ballots(3, vec![sealed(1, vec![]), sealed(2, vec![])]));
    assert_eq!(level.kendall_w, None);
}

// ----- Which ballots count, and damaged input ------------------------------------------------

#[test]
fn unsealed_ballots_are_left_out() {
    let counted = vec![
        ballot_from_ranks(1, &[1, 2, 3]),
        ballot_from_ranks(2, &[2, 1, 3]),
    ];
    let mut still_open = ballot_from_ranks(3, &[3, 2, 1]);
    still_open.handed_over = false;
    let mut with_open = counted.clone();
    with_open.insert(1, still_open.clone());
    let a = aggregate_of(&with_ballots(3, counted));
    let b = aggregate_of(&with_ballots(3, with_open));
    assert_eq!(a, b);
    assert_eq!(b.ballots_counted, 2);
    let labels: Vec<&str> = b
        .participant_orders
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(labels, ["Participant 1", "Participant 2"]);

    assert_eq!(with_ballots(3, vec![still_open]).aggregate(10, 1), None);
    assert_eq!(with_ballots(3, Vec::new()).aggregate(10, 1), None);
}

#[test]
fn fewer_than_two_items_give_no_aggregate() {
    for n in 0..2 {
        let ranking = with_ballots(n, vec![sealed(1, vec![won(0, 1)])]);
        assert_eq!(ranking.aggregate(10, 1), None, "n = {n}");
    }
}

#[test]
fn damaged_ballots_count_only_what_makes_sense() {
    let clean = vec![
        sealed(1, vec![won(0, 1), tied(1, 2)]),
        sealed(2, vec![won(2, 0)]),
    ];
    let damaged = vec![
        sealed(
            1,
            vec![
                won(0, 1),
                won(1, 0), // the pair again: the first counts
                raw(&id(0), &id(0), Outcome::Wins(id(0))),
                raw(&id(1), "removed", Outcome::Wins("removed".into())),
                raw("", "", Outcome::Tie),
                raw(&id(2), &id(0), Outcome::Wins("nobody".into())),
                tied(1, 2),
            ],
        ),
        sealed(2, vec![won(2, 0), cant_decide(0, 0)]),
    ];
    let a = aggregate_of(&with_ballots(3, clean));
    let mut damaged_ranking = with_ballots(3, damaged);
    // An id twice in the item list: the first counts, as in the group's matrix.
    damaged_ranking.items.push(damaged_ranking.items[0].clone());
    let b = aggregate_of(&damaged_ranking);
    assert_well_formed(&b);
    let strengths = |a: &Aggregate| -> Vec<(String, f64)> {
        a.items
            .iter()
            .map(|i| (i.item_id.clone(), i.strength))
            .collect()
    };
    assert_eq!(strengths(&a), strengths(&b));
    assert_eq!(b.items.len(), 3);
}

// ----- Win shares, participants' orders, and the group's decision ----------------------------

#[test]
fn win_share_averages_over_the_ballots_that_compared_the_item() {
    let ballots = vec![
        // item-0 wins one and ties one: 1.5 of 2.
        sealed(1, vec![won(0, 1), tied(0, 2)]),
        // item-0 loses its only comparison: 0 of 1.
        sealed(2, vec![won(1, 0)]),
        // item-0 not compared (a "can't decide" is no comparison): this ballot doesn't count.
        sealed(3, vec![won(1, 2), cant_decide(0, 1)]),
    ];
    let aggregate = aggregate_of(&with_ballots(4, ballots));
    let share = |i: usize| {
        aggregate
            .items
            .iter()
            .find(|item| item.item_id == id(i))
            .and_then(|item| item.win_share)
    };
    assert_eq!(share(0), Some((0.75 + 0.0) / 2.0));
    // item-1: 0 of 1, 1 of 1, 1 of 1.
    assert_eq!(share(1), Some(2.0 / 3.0));
    assert_eq!(share(3), None);
}

#[test]
fn each_participant_keeps_their_own_order() {
    let mut quick = sealed(2, Vec::new());
    quick.method = RankingMethod::Quick;
    // Answer quick mode's questions from the order 2 > 0 > 1 until it is done.
    let truth = [1, 2, 0]; // rank of each item
    loop {
        let answer = quick.as_ranking(&ranking_of(3).items).quick_next();
        match answer {
            QuickStep::Ask(a, b) => {
                let rank = |x: &str| truth[x[5..].parse::<usize>().unwrap_or(0)];
                let winner = if rank(&a) < rank(&b) {
                    a.clone()
                } else {
                    b.clone()
                };
                quick.decisions.push(raw(&a, &b, Outcome::Wins(winner)));
            }
            QuickStep::Done(_) => break,
        }
    }
    let unfinished = sealed(3, vec![won(1, 0)]);
    let ballots = vec![ballot_from_ranks(1, &[1, 1, 2]), quick, unfinished];
    let aggregate = aggregate_of(&with_ballots(3, ballots));
    let orders = &aggregate.participant_orders;
    assert_eq!(orders.len(), 3);
    assert_eq!(orders[0].ballot_id, "ballot-1");
    assert_eq!(orders[0].order, [id(0), id(1), id(2)]);
    assert_eq!(orders[0].ranks, [1, 1, 3]);
    assert!(orders[0].complete);
    assert_eq!(orders[1].order, [id(2), id(0), id(1)]);
    assert_eq!(orders[1].ranks, [1, 2, 3]);
    assert!(orders[1].complete);
    assert_eq!(orders[2].order, [id(1), id(0), id(2)]);
    assert!(!orders[2].complete);
}

#[test]
fn the_most_disputed_items_are_where_the_group_and_the_ballots_part() {
    // The group decided 0 > 1 > 2 > 3; every participant alone says the reverse.
    let mut ranking = tournament(4, |_, _| true);
    ranking.ballots = (0..3)
        .map(|b| ballot_from_ranks(b, &[4, 3, 2, 1]))
        .collect();
    let aggregate = aggregate_of(&ranking);
    let rows: Vec<(String, Option<usize>, usize, usize)> = aggregate
        .disagreements
        .iter()
        .map(|d| (d.item_id.clone(), d.group_rank, d.ballots_rank, d.gap))
        .collect();
    assert_eq!(
        rows,
        [
            (id(3), Some(4), 1, 3),
            (id(2), Some(3), 2, 1),
            (id(1), Some(2), 3, 1),
            (id(0), Some(1), 4, 3),
        ]
    );
    let disputed: Vec<&str> = aggregate
        .most_disputed()
        .iter()
        .map(|d| d.item_id.as_str())
        .collect();
    assert_eq!(disputed, ["item-3", "item-0"]);

    // When no gap reaches 2, the largest gap (1) is where to start.
    let mut close = tournament(3, |_, _| true);
    close.ballots = vec![ballot_from_ranks(1, &[2, 1, 3])];
    let aggregate = aggregate_of(&close);
    let disputed: Vec<&str> = aggregate
        .most_disputed()
        .iter()
        .map(|d| d.item_id.as_str())
        .collect();
    assert_eq!(disputed, ["item-1", "item-0"]);

    // Agreement everywhere: nothing to dispute.
    let mut agreed = tournament(3, |_, _| true);
    agreed.ballots = vec![ballot_from_ranks(1, &[1, 2, 3])];
    assert!(aggregate_of(&agreed).most_disputed().is_empty());
}

#[test]
fn an_item_the_group_has_not_compared_has_no_group_rank() {
    let mut ranking = with_decisions(3, vec![won(1, 0)]);
    ranking.ballots = vec![ballot_from_ranks(1, &[3, 2, 1])];
    let aggregate = aggregate_of(&ranking);
    let row = |i: usize| aggregate.disagreements.iter().find(|d| d.item_id == id(i));
    assert_eq!(row(2).map(|d| (d.group_rank, d.gap)), Some((None, 0)));
    assert_eq!(row(1).map(|d| d.group_rank), Some(Some(1)));
    assert_eq!(row(0).map(|d| d.group_rank), Some(Some(2)));
}

// ----- Any ballots at all ------------------------------------------------------------------

/// One ballot from codes, one per pair in (i < j) order: 0 first wins, 1 second wins,
/// 2 tie, 3 can't decide, 4 not decided.
fn ballot_from_codes(number: usize, n: usize, codes: &[u8], handed_over: bool) -> Ballot {
    let mut decisions = Vec::new();
    let mut codes = codes.iter();
    for i in 0..n {
        for j in i + 1..n {
            match codes.next().copied().unwrap_or(4) {
                0 => decisions.push(won(i, j)),
                1 => decisions.push(won(j, i)),
                2 => decisions.push(tied(i, j)),
                3 => decisions.push(cant_decide(i, j)),
                _ => {}
            }
        }
    }
    let mut ballot = sealed(number, decisions);
    ballot.handed_over = handed_over;
    ballot
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn any_ballots_give_finite_strengths_summing_to_100_inside_their_intervals(
        (n, ballots) in (2usize..=8).prop_flat_map(|n| {
            let pairs = n * (n - 1) / 2;
            (
                Just(n),
                prop::collection::vec(
                    (prop::collection::vec(0u8..5, pairs), prop::bool::weighted(0.8)),
                    1..=6,
                ),
            )
        }),
        seed in any::<u64>(),
    ) {
        let ballots: Vec<Ballot> = ballots
            .iter()
            .enumerate()
            .map(|(number, (codes, is_sealed))| ballot_from_codes(number, n, codes, *is_sealed))
            .collect();
        let sealed_count = ballots.iter().filter(|b| b.handed_over).count();
        let ranking = with_ballots(n, ballots);
        match ranking.aggregate(60, seed) {
            None => prop_assert_eq!(sealed_count, 0),
            Some(aggregate) => {
                prop_assert_eq!(aggregate.ballots_counted, sealed_count);
                prop_assert_eq!(aggregate.items.len(), n);
                assert_well_formed(&aggregate);
                let again = ranking.aggregate(60, seed);
                prop_assert_eq!(Some(aggregate), again);
            }
        }
    }
}
