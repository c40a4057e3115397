#![cfg(not(target_arch = "wasm32"))]
//! Pair-wise ranking: scores, tie-breaks, the balanced schedule, quick mode, Kendall's tau-b,
//! the group comparison, and the CSV and SVG exports.

mod common;
use common::*;

use pla_workshop::export::ranking::{
    agreement_csv, bar_chart_svg, comparison_csv, decisions_csv, iso_8601_utc, matrix_csv,
    matrix_svg, scores_csv, CROSSED_OUT,
};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::ranking::{
    binary_insertion_bound, compare, comparison_lower_bound, ford_johnson_bound, kendall_tau_b,
    quick_session, quick_step, Outcome, QuickStep, Ranking, RankingMethod, Standing, TieBreak,
};
use proptest::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

// ----- Helpers -------------------------------------------------------------------------------

fn id(i: usize) -> String {
    format!("item-{i}")
}

/// A ranking of `n` items with ids item-0 … and labels "Item 0" ….
fn ranking_of(n: usize) -> Ranking {
    let mut ranking = Ranking::default();
    for i in 0..n {
        assert!(ranking.add_item(id(i), format!("Item {i}")));
    }
    ranking
}

fn with_labels(labels: &[&str]) -> Ranking {
    let mut ranking = Ranking::default();
    for (i, label) in labels.iter().enumerate() {
        assert!(ranking.add_item(id(i), label.to_string()));
    }
    ranking
}

fn win(ranking: &mut Ranking, winner: usize, loser: usize) {
    assert!(ranking.decide(
        &id(winner),
        &id(loser),
        Outcome::Wins(id(winner)),
        String::new(),
        0.0
    ));
}

fn tie(ranking: &mut Ranking, x: usize, y: usize) {
    assert!(ranking.decide(&id(x), &id(y), Outcome::Tie, String::new(), 0.0));
}

/// Every pair decided: outcome code 0 = first wins, 1 = second wins, 2 = tie, 3 = can't
/// decide, one code per pair in (i < j) order.
fn decide_all(n: usize, codes: &[u8]) -> Ranking {
    let mut ranking = ranking_of(n);
    let mut codes = codes.iter();
    for i in 0..n {
        for j in i + 1..n {
            let outcome = match codes.next().copied().unwrap_or(2) % 4 {
                0 => Outcome::Wins(id(i)),
                1 => Outcome::Wins(id(j)),
                2 => Outcome::Tie,
                _ => Outcome::CantDecide,
            };
            assert!(ranking.decide(&id(i), &id(j), outcome, "because".into(), 1.0));
        }
    }
    ranking
}

fn rank_labels(standings: &[Standing]) -> Vec<String> {
    standings.iter().map(Standing::rank_label).collect()
}

fn order_of(standings: &[Standing]) -> Vec<String> {
    standings.iter().map(|s| s.item_id.clone()).collect()
}

/// Runs quick mode to the end against a full answer key (`rank_of[item]`, lower is better)
/// and returns the order and how many questions it asked.
fn sort_quickly(ids: &[String], rank_of: &HashMap<String, usize>) -> (Vec<String>, usize) {
    let session = quick_session(ids, |a, b| Some(rank_of[a] < rank_of[b]));
    match session.next {
        QuickStep::Done(order) => (order, session.answered),
        QuickStep::Ask(a, b) => panic!("a full answer key left {a} v {b} unasked"),
    }
}

/// The next permutation in lexicographic order; false after the last.
fn next_permutation(values: &mut [usize]) -> bool {
    let Some(i) = (1..values.len()).rev().find(|&i| values[i - 1] < values[i]) else {
        return false;
    };
    let j = (i..values.len())
        .rev()
        .find(|&j| values[j] > values[i - 1])
        .unwrap_or(i);
    values.swap(i - 1, j);
    values[i..].reverse();
    true
}

/// A small deterministic generator (xorshift64*), so "100 random orders" are the same 100
/// each run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle(&mut self, values: &mut [usize]) {
        for i in (1..values.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            values.swap(i, j);
        }
    }
}

// ----- Items and decisions -------------------------------------------------------------------

#[test]
fn items_come_one_per_non_empty_trimmed_line() {
    let text = "  Clean water \n\n\t\nSchools\r\n  Roads  \nSchools";
    assert_eq!(
        Ranking::items_from_lines(text),
        ["Clean water", "Schools", "Roads", "Schools"]
    );
    assert!(Ranking::items_from_lines("").is_empty());
    assert!(Ranking::items_from_lines(" \n \n").is_empty());
}

#[test]
fn items_are_added_renamed_moved_and_refused_sensibly() {
    let mut ranking = ranking_of(3);
    assert!(!ranking.add_item(id(0), "Again".into()), "duplicate id");
    assert!(!ranking.add_item(String::new(), "No id".into()));
    assert!(ranking.rename_item(&id(1), "Schools".into()));
    assert!(!ranking.rename_item("missing", "x".into()));
    assert_eq!(ranking.items[1].label, "Schools");
    assert!(ranking.move_item(&id(2), -1));
    assert_eq!(ranking.items[1].id, id(2));
    assert!(!ranking.move_item(&id(0), -1), "already first");
    assert!(!ranking.move_item(&id(0), 0));
    assert!(ranking.move_item(&id(0), isize::MAX));
    assert_eq!(ranking.items[2].id, id(0));
    assert!(ranking.check().is_empty());
}

#[test]
fn decisions_are_found_either_way_round_and_revised_in_place() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    tie(&mut ranking, 2, 3);
    win(&mut ranking, 1, 2);
    assert_eq!(
        ranking.decision_for(&id(1), &id(0)).map(|d| &d.outcome),
        Some(&Outcome::Wins(id(0)))
    );
    assert!(ranking.decision_for(&id(0), &id(0)).is_none());
    assert!(ranking.decision_for(&id(0), "missing").is_none());
    // Revising the first decision keeps it first.
    assert!(ranking.decide(
        &id(1),
        &id(0),
        Outcome::CantDecide,
        "split vote".into(),
        9.0
    ));
    assert_eq!(ranking.decisions.len(), 3);
    assert_eq!(ranking.decisions[0].outcome, Outcome::CantDecide);
    assert_eq!(ranking.decisions[0].reason, "split vote");
    // Refusals leave the record as it was.
    let before = ranking.clone();
    assert!(!ranking.decide("missing", &id(0), Outcome::Tie, String::new(), 0.0));
    assert!(!ranking.decide(&id(0), &id(0), Outcome::Tie, String::new(), 0.0));
    assert!(!ranking.decide(&id(0), &id(1), Outcome::Wins(id(3)), String::new(), 0.0));
    assert!(!ranking.decide(
        &id(0),
        &id(1),
        Outcome::Wins("missing".into()),
        String::new(),
        0.0
    ));
    assert_eq!(ranking, before);
    // Undeciding.
    assert!(ranking.undecide(&id(3), &id(2)).is_some());
    assert!(ranking.undecide(&id(3), &id(2)).is_none());
    assert!(ranking.undecide(&id(3), &id(3)).is_none());
    assert_eq!(ranking.decisions.len(), 2);
    assert!(ranking.check().is_empty());
}

#[test]
fn removing_an_item_reports_the_decisions_dropped_with_it() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    win(&mut ranking, 2, 1);
    win(&mut ranking, 2, 3);
    let dropped = ranking.remove_item(&id(1));
    assert_eq!(dropped.len(), 2);
    assert!(dropped.iter().all(|d| d.a == id(1) || d.b == id(1)));
    assert_eq!(ranking.items.len(), 3);
    assert_eq!(ranking.decisions.len(), 1);
    assert!(ranking.remove_item("missing").is_empty());
    assert!(ranking.check().is_empty());
}

#[test]
fn check_reports_duplicate_and_empty_ids() {
    let mut ranking = ranking_of(2);
    ranking.items.push(ranking.items[0].clone());
    ranking.items[1].id.clear();
    let problems = ranking.check();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("items[1]")));
    assert!(problems.iter().any(|p| p.starts_with("items[2]")));
}

#[test]
fn damaged_records_never_panic_and_bad_decisions_do_not_count() {
    let mut ranking = ranking_of(3);
    // Written as a damaged file might hold them, past `decide`'s checks.
    let raw = |a: &str, b: &str, outcome: Outcome| pla_workshop::model::ranking::Decision {
        a: a.into(),
        b: b.into(),
        outcome,
        reason: String::new(),
        decided_at: f64::NAN,
    };
    ranking.decisions = vec![
        raw(&id(0), "ghost", Outcome::Wins(id(0))),
        raw(&id(1), &id(1), Outcome::Wins(id(1))),
        raw(&id(0), &id(2), Outcome::Wins(id(1))),
        raw(&id(1), &id(2), Outcome::Wins(id(2))),
        raw(&id(2), &id(1), Outcome::Wins(id(1))),
    ];
    ranking.items.push(ranking.items[0].clone());
    assert!(!ranking.check().is_empty());
    let scores = ranking.scores();
    assert_eq!(scores.len(), 4);
    let total: f64 = scores.iter().map(|s| s.score).sum();
    assert_eq!(total, 1.0, "only the first decision on 1–2 counts");
    assert_eq!(ranking.standings().len(), 4);
    assert_eq!(
        ranking.pair_count(),
        3,
        "the repeated id is not a fourth item"
    );
    let schedule = ranking.schedule();
    assert_eq!(schedule.len(), 3);
    assert!(schedule.iter().all(|(a, b)| a != b));
    assert!(ranking.next_pair().is_some());
    assert!(matches!(ranking.quick_next(), QuickStep::Ask(..)));
    // Every export copes.
    let meta = FigureMeta::default();
    for text in [
        matrix_csv(&ranking),
        scores_csv(&ranking),
        decisions_csv(&ranking),
        matrix_svg(&ranking, &meta),
        bar_chart_svg(&ranking, &meta),
    ] {
        assert!(!text.is_empty());
    }
    // Deciding the pair again heals the duplicates.
    assert!(ranking.decide(&id(1), &id(2), Outcome::Tie, String::new(), 1.0));
    assert_eq!(
        ranking
            .decisions
            .iter()
            .filter(|d| d.a != d.b && (d.a == id(1) || d.b == id(1)) && d.a != id(0))
            .count(),
        1
    );
}

#[test]
fn empty_and_single_item_rankings_are_fine() {
    for n in 0..2 {
        let ranking = ranking_of(n);
        assert_eq!(ranking.pair_count(), 0);
        assert_eq!(ranking.progress(), (0, 0));
        assert!(ranking.schedule().is_empty());
        assert_eq!(ranking.next_pair(), None);
        assert_eq!(ranking.standings().len(), n);
        assert_eq!(
            ranking.quick_next(),
            QuickStep::Done((0..n).map(id).collect())
        );
    }
}

#[test]
fn the_file_format_is_unchanged() {
    let mut ranking = with_labels(&["Water", "Roads"]);
    win(&mut ranking, 0, 1);
    let json = serde_json::to_value(&ranking).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "method": "matrix",
            "items": [
                { "id": "item-0", "label": "Water", "description": "" },
                { "id": "item-1", "label": "Roads", "description": "" }
            ],
            "decisions": [
                { "a": "item-0", "b": "item-1", "outcome": { "wins": "item-0" },
                  "reason": "", "decided_at": 0.0 }
            ]
        })
    );
    let outcomes: Vec<Outcome> =
        serde_json::from_str(r#"[{"wins":"x"},"tie","cant_decide"]"#).expect("reads");
    assert_eq!(
        outcomes,
        [Outcome::Wins("x".into()), Outcome::Tie, Outcome::CantDecide]
    );
    let quick: Ranking = serde_json::from_str(r#"{"method":"quick"}"#).expect("reads");
    assert_eq!(quick.method, RankingMethod::Quick);
}

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

// ----- The matrix schedule -------------------------------------------------------------------

fn shares_an_item(p: &(String, String), q: &(String, String)) -> bool {
    p.0 == q.0 || p.0 == q.1 || p.1 == q.0 || p.1 == q.1
}

#[test]
fn the_schedule_asks_every_pair_once_and_never_the_same_item_twice_running() {
    for n in 2..=40 {
        let ranking = ranking_of(n);
        let schedule = ranking.schedule();
        assert_eq!(schedule.len(), n * (n - 1) / 2, "n = {n}");
        let mut pairs = HashSet::new();
        for (a, b) in &schedule {
            assert_ne!(a, b);
            assert!(ranking.item(a).is_some() && ranking.item(b).is_some());
            assert!(
                pairs.insert(if a < b { (a, b) } else { (b, a) }),
                "n = {n}: repeated pair"
            );
        }
        let repeats = schedule
            .windows(2)
            .filter(|w| shares_an_item(&w[0], &w[1]))
            .count();
        if n >= 5 {
            assert_eq!(repeats, 0, "n = {n}");
        } else if n >= 3 {
            assert_eq!(repeats, 2, "n = {n}: 3 and 4 items cannot do better");
        }
        assert_eq!(schedule, ranking.schedule(), "deterministic");
    }
}

#[test]
fn each_item_comes_up_evenly_through_the_session() {
    for n in 5..=30 {
        let schedule = ranking_of(n).schedule();
        let per_round = n / 2;
        for i in 0..n {
            let turns: Vec<usize> = schedule
                .iter()
                .enumerate()
                .filter(|(_, (a, b))| *a == id(i) || *b == id(i))
                .map(|(position, _)| position)
                .collect();
            assert_eq!(turns.len(), n - 1);
            // Round robin: an item waits at most two rounds (three when it sits one out).
            let longest_wait = turns.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
            let allowed = if n % 2 == 0 {
                2 * per_round
            } else {
                3 * per_round
            };
            assert!(
                longest_wait <= allowed,
                "n = {n}, item {i}: waits {longest_wait} pairs (allowed {allowed})"
            );
            assert!(
                turns[0] < 2 * per_round + 1,
                "n = {n}: item {i} first seen late"
            );
        }
        // Neither side of the screen favours an item.
        for i in 0..n {
            let first = schedule.iter().filter(|(a, _)| *a == id(i)).count();
            let second = schedule.iter().filter(|(_, b)| *b == id(i)).count();
            assert!(
                first.abs_diff(second) <= 1,
                "n = {n}, item {i}: {first} v {second}"
            );
        }
    }
}

#[test]
fn next_pair_resumes_where_the_group_left_off() {
    let mut ranking = ranking_of(7);
    let schedule = ranking.schedule();
    let mut asked = Vec::new();
    while let Some((a, b)) = ranking.next_pair() {
        asked.push((a.clone(), b.clone()));
        assert!(ranking.decide(&a, &b, Outcome::Wins(a.clone()), String::new(), 0.0));
        // Leaving and coming back (a copy, as when reloaded from storage) resumes.
        let reloaded: Ranking =
            serde_json::from_str(&serde_json::to_string(&ranking).expect("saves")).expect("loads");
        assert_eq!(reloaded.next_pair(), ranking.next_pair());
    }
    assert_eq!(asked, schedule);
    // Decided out of order: the first undecided pair of the schedule comes next.
    let mut ranking = ranking_of(7);
    let (a, b) = schedule[0].clone();
    let (c, d) = schedule[3].clone();
    assert!(ranking.decide(&c, &d, Outcome::Tie, String::new(), 0.0));
    assert_eq!(ranking.next_pair(), Some((a.clone(), b.clone())));
    assert!(ranking.decide(&b, &a, Outcome::Tie, String::new(), 0.0));
    assert_eq!(ranking.next_pair(), Some(schedule[1].clone()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn any_ids_give_a_full_schedule_without_repeats(
        labels in prop::collection::vec("[a-z]{1,6}", 5..=30)
    ) {
        let mut ranking = Ranking::default();
        for label in &labels {
            ranking.add_item(label.clone(), label.clone());
        }
        let n = ranking.items.len();
        let schedule = ranking.schedule();
        prop_assert_eq!(schedule.len(), n * n.saturating_sub(1) / 2);
        let distinct: HashSet<(String, String)> = schedule
            .iter()
            .map(|(a, b)| if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) })
            .collect();
        prop_assert_eq!(distinct.len(), schedule.len());
        if n >= 5 {
            prop_assert!(schedule.windows(2).all(|w| !shares_an_item(&w[0], &w[1])));
        }
    }
}

// ----- Quick mode ----------------------------------------------------------------------------

#[test]
fn the_bounds_are_the_known_figures() {
    assert_eq!(binary_insertion_bound(30), 119);
    assert_eq!(ford_johnson_bound(30), 111);
    assert_eq!(comparison_lower_bound(30), 108);
    assert_eq!(binary_insertion_bound(0), 0);
    assert_eq!(ford_johnson_bound(0), 0);
    for n in 0..=200 {
        assert!(comparison_lower_bound(n) <= ford_johnson_bound(n));
        assert!(ford_johnson_bound(n) <= binary_insertion_bound(n));
    }
}

#[test]
fn quick_mode_sorts_every_permutation_of_up_to_eight_items_within_the_bound() {
    for n in 0..=8 {
        let ids: Vec<String> = (0..n).map(id).collect();
        let mut order: Vec<usize> = (0..n).collect();
        let mut most = 0;
        let mut permutations = 0;
        loop {
            // order[k] is the true rank of item k.
            let rank_of: HashMap<String, usize> = (0..n).map(|k| (id(k), order[k])).collect();
            let (sorted, questions) = sort_quickly(&ids, &rank_of);
            let ranks: Vec<usize> = sorted.iter().map(|i| rank_of[i]).collect();
            assert_eq!(ranks, (0..n).collect::<Vec<_>>(), "n = {n}, {order:?}");
            assert!(
                questions <= ford_johnson_bound(n),
                "n = {n}: {questions} questions"
            );
            most = most.max(questions);
            permutations += 1;
            if !next_permutation(&mut order) {
                break;
            }
        }
        assert_eq!(permutations, (1..=n).product::<usize>());
        // Ford–Johnson's worst case is reached, and it meets the lower bound up to 8.
        assert_eq!(most, ford_johnson_bound(n), "n = {n}");
        assert!(most <= binary_insertion_bound(n));
        assert_eq!(most, comparison_lower_bound(n), "n = {n}");
    }
}

#[test]
fn quick_mode_needs_at_most_111_questions_for_thirty_items() {
    let n = 30;
    let ids: Vec<String> = (0..n).map(id).collect();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut most = 0;
    let mut total = 0;
    for _ in 0..100 {
        let mut order: Vec<usize> = (0..n).collect();
        random.shuffle(&mut order);
        let rank_of: HashMap<String, usize> = (0..n).map(|k| (id(k), order[k])).collect();
        let (sorted, questions) = sort_quickly(&ids, &rank_of);
        assert!(sorted.windows(2).all(|w| rank_of[&w[0]] < rank_of[&w[1]]));
        most = most.max(questions);
        total += questions;
    }
    println!(
        "quick mode, 30 items, 100 random orders: at most {most} questions, {:.1} on average \
         (Ford–Johnson bound {}, binary insertion {}, lower bound {})",
        total as f64 / 100.0,
        ford_johnson_bound(n),
        binary_insertion_bound(n),
        comparison_lower_bound(n)
    );
    assert!(most <= 119);
    assert!(most <= ford_johnson_bound(n));
}

/// Plays quick mode as the app does: re-run from scratch after each answer, answering from
/// the record. Returns the order and the questions asked.
fn play_quick_mode(ids: &[String], better: impl Fn(&str, &str) -> bool) -> (Vec<String>, usize) {
    let mut record: HashMap<(String, String), bool> = HashMap::new();
    loop {
        let step = quick_step(ids, |a, b| {
            record
                .get(&(a.to_string(), b.to_string()))
                .copied()
                .or_else(|| record.get(&(b.to_string(), a.to_string())).map(|v| !v))
        });
        match step {
            QuickStep::Done(order) => return (order, record.len()),
            QuickStep::Ask(a, b) => {
                assert!(
                    !record.contains_key(&(a.clone(), b.clone()))
                        && !record.contains_key(&(b.clone(), a.clone())),
                    "asked {a} v {b} twice"
                );
                let verdict = better(&a, &b);
                record.insert((a, b), verdict);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn quick_mode_replayed_step_by_step_sorts_any_order_within_the_bound(
        order in (1usize..=30).prop_flat_map(|n| Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
    ) {
        let n = order.len();
        let ids: Vec<String> = (0..n).map(id).collect();
        let (sorted, asked) = play_quick_mode(&ids, |a, b| {
            let rank = |x: &str| ids.iter().position(|i| i == x).map(|k| order[k]);
            rank(a) < rank(b)
        });
        let ranks: Vec<usize> = sorted
            .iter()
            .filter_map(|x| ids.iter().position(|i| i == x).map(|k| order[k]))
            .collect();
        prop_assert_eq!(ranks, (0..n).collect::<Vec<_>>());
        prop_assert!(asked <= ford_johnson_bound(n));
        prop_assert!(asked <= binary_insertion_bound(n));
    }

    #[test]
    fn contradictory_answers_still_give_an_order_that_agrees_with_each_one_used(
        n in 0usize..=20,
        seed in any::<u64>()
    ) {
        // Each pair gets a fixed, random verdict: cycles abound.
        let ids: Vec<String> = (0..n).map(id).collect();
        let verdict = |a: &str, b: &str| {
            let (low, high, flipped) = if a < b { (a, b, false) } else { (b, a, true) };
            let mut h = seed ^ 0x9E37_79B9_7F4A_7C15;
            for byte in low.bytes().chain([0]).chain(high.bytes()) {
                h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
            }
            ((h >> 33) % 2 == 0) != flipped
        };
        let used = RefCell::new(Vec::new());
        let session = quick_session(&ids, |a, b| {
            used.borrow_mut().push((a.to_string(), b.to_string()));
            Some(verdict(a, b))
        });
        let QuickStep::Done(order) = session.next else {
            return Err(TestCaseError::fail("a full answer key must finish"));
        };
        let mut sorted_ids = order.clone();
        sorted_ids.sort();
        prop_assert_eq!(sorted_ids, { let mut all = ids.clone(); all.sort(); all });
        let position: HashMap<&String, usize> =
            order.iter().enumerate().map(|(p, x)| (x, p)).collect();
        for (a, b) in used.borrow().iter() {
            let a_first = position[a] < position[b];
            prop_assert_eq!(a_first, verdict(a, b), "{} v {}", a, b);
        }
        prop_assert!(session.answered <= ford_johnson_bound(n));
    }
}

#[test]
fn quick_mode_through_the_ranking_records_and_resumes() {
    let labels = ["E", "B", "D", "A", "C", "G", "F"];
    let mut ranking = with_labels(&labels);
    ranking.method = RankingMethod::Quick;
    let true_rank = |x: &str| {
        let index = ranking_index(x);
        labels[index]
    };
    fn ranking_index(x: &str) -> usize {
        x.trim_start_matches("item-").parse().unwrap_or(usize::MAX)
    }
    let mut questions = 0;
    loop {
        let (answered, at_most) = ranking.quick_progress();
        assert_eq!(answered, questions);
        assert_eq!(at_most, ford_johnson_bound(7));
        match ranking.quick_next() {
            QuickStep::Ask(a, b) => {
                let winner = if true_rank(&a) < true_rank(&b) {
                    &a
                } else {
                    &b
                };
                let winner = winner.clone();
                assert!(ranking.decide(&a, &b, Outcome::Wins(winner), String::new(), 0.0));
                questions += 1;
            }
            QuickStep::Done(order) => {
                let shown: Vec<&str> = order.iter().map(|x| labels[ranking_index(x)]).collect();
                assert_eq!(shown, ["A", "B", "C", "D", "E", "F", "G"]);
                assert_eq!(ranking.quick_order(), Some(order));
                break;
            }
        }
    }
    assert!(questions <= ford_johnson_bound(7));
    let ranks: HashMap<String, usize> = ranking.method_ranks().into_iter().collect();
    assert_eq!(ranks[&id(3)], 1, "A first");
    assert_eq!(ranks[&id(5)], 7, "G last");
}

#[test]
fn a_tie_in_quick_mode_puts_the_earlier_item_first() {
    let mut ranking = ranking_of(2);
    ranking.method = RankingMethod::Quick;
    assert_eq!(ranking.quick_next(), QuickStep::Ask(id(0), id(1)));
    tie(&mut ranking, 1, 0);
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(0), id(1)]));
    assert!(ranking.decide(&id(0), &id(1), Outcome::CantDecide, String::new(), 0.0));
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(0), id(1)]));
    win(&mut ranking, 1, 0);
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(1), id(0)]));
    // Everything tied: the list order.
    let mut ranking = ranking_of(9);
    while let QuickStep::Ask(a, b) = ranking.quick_next() {
        assert!(ranking.decide(&a, &b, Outcome::Tie, String::new(), 0.0));
    }
    assert_eq!(ranking.quick_order(), Some((0..9).map(id).collect()));
}

#[test]
fn quick_mode_counts_repeated_ids_once() {
    let ids = vec![id(0), id(1), id(0)];
    let step = quick_step(&ids, |a, b| Some(a < b));
    assert_eq!(step, QuickStep::Done(vec![id(0), id(1)]));
}

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
fn ranked(labels: &[&str]) -> Ranking {
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

// ----- CSV exports ---------------------------------------------------------------------------

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("parses as CSV")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

const HOSTILE: &str = "<script>&\"'";
const ARABIC: &str = "المياه النظيفة";

fn workshop_example() -> Ranking {
    // Water beats everything; Roads and Clinic tie on score, Roads won their cell;
    // "=SUM(A1)" is a label a spreadsheet must not run.
    let mut ranking = with_labels(&["Water, clean", "Roads", HOSTILE, "Clinic", "=SUM(A1)"]);
    for other in 1..5 {
        win(&mut ranking, 0, other);
    }
    win(&mut ranking, 1, 3);
    win(&mut ranking, 2, 1);
    win(&mut ranking, 3, 2);
    tie(&mut ranking, 1, 4);
    tie(&mut ranking, 3, 4);
    assert!(ranking.decide(
        &id(2),
        &id(4),
        Outcome::CantDecide,
        "We argued, \"then\" stopped;\nnew line".into(),
        1_764_100_000_000.0,
    ));
    ranking
}

#[test]
fn the_matrix_csv_is_the_upper_triangle() {
    let ranking = workshop_example();
    let rows = parse_csv(&matrix_csv(&ranking));
    assert_eq!(rows.len(), 6);
    assert_eq!(
        rows[0],
        ["", "Water, clean", "Roads", HOSTILE, "Clinic", "'=SUM(A1)"]
    );
    assert_eq!(rows[1][0], "Water, clean");
    assert_eq!(rows[1][1], CROSSED_OUT);
    assert_eq!(rows[1][2], "Water, clean");
    assert_eq!(rows[2][1], CROSSED_OUT, "the mirrored half is crossed out");
    assert_eq!(rows[2][3], HOSTILE, "item 2 beat item 1");
    assert_eq!(rows[2][5], "tie");
    assert_eq!(rows[3][5], "can't decide");
    assert_eq!(rows[4][3], CROSSED_OUT);
    assert!(rows.iter().all(|row| row.len() == 6));
    // Undecided cells are empty.
    let mut partial = ranking_of(3);
    win(&mut partial, 2, 0);
    let rows = parse_csv(&matrix_csv(&partial));
    assert_eq!(rows[1], ["Item 0", CROSSED_OUT, "", "Item 2"]);
}

#[test]
fn the_scores_csv_has_ranks_scores_and_how_each_was_settled() {
    let ranking = workshop_example();
    let rows = parse_csv(&scores_csv(&ranking));
    assert_eq!(
        rows[0],
        ["rank", "item", "wins", "ties", "score", "settled"]
    );
    // Scores: Water 4; Roads 1 + tie = 1.5; HOSTILE 1; Clinic 1 + tie = 1.5;
    // =SUM 0 + 2 ties = 1. Roads v Clinic: Roads won. HOSTILE v =SUM: can't decide → shared.
    let table: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        table,
        [
            ("1", "Water, clean", "4"),
            ("2", "Roads", "1.5"),
            ("3", "Clinic", "1.5"),
            ("4", HOSTILE, "1"),
            ("4", "'=SUM(A1)", "1"),
        ]
    );
    // Ranks are numbers a spreadsheet sorts, never formulas; "settled" says they are shared.
    assert!(rows[1..].iter().all(|r| r[0].parse::<u32>().is_ok()));
    assert!(
        rows[4][5].contains("shared") && rows[5][5].contains("shared"),
        "{rows:?}"
    );
    let total: f64 = rows[1..]
        .iter()
        .map(|r| r[4].parse::<f64>().expect("a number"))
        .sum();
    assert_eq!(total, 10.0 - 1.0, "ten pairs, one undecidable");
    assert_eq!(rows[1][5], "by score");
    assert_eq!(rows[2][5], "head-to-head: ahead of Clinic");
    assert_eq!(rows[3][5], "head-to-head: behind Roads");
    assert!(
        rows[4][5].starts_with("shared with =SUM(A1)"),
        "{}",
        rows[4][5]
    );
    assert_eq!(rows[1][2], "4");
    assert_eq!(rows[2][3], "1");
}

#[test]
fn the_decisions_csv_keeps_reasons_and_times() {
    let ranking = workshop_example();
    let rows = parse_csv(&decisions_csv(&ranking));
    assert_eq!(
        rows[0],
        [
            "order",
            "item A",
            "item B",
            "result",
            "winner",
            "reason",
            "decided at (UTC)"
        ]
    );
    assert_eq!(rows.len(), ranking.decisions.len() + 1);
    assert_eq!(
        rows[1],
        [
            "1",
            "Water, clean",
            "Roads",
            "win",
            "Water, clean",
            "",
            "1970-01-01T00:00:00Z"
        ]
    );
    let last = rows.last().expect("rows");
    assert_eq!(last[0], "10");
    assert_eq!(last[3], "can't decide");
    assert_eq!(last[4], "");
    assert_eq!(last[5], "We argued, \"then\" stopped;\nnew line");
    assert_eq!(last[6], "2025-11-25T19:46:40Z");
    assert!(rows.iter().any(|r| r[3] == "tie" && r[4].is_empty()));
}

#[test]
fn times_are_iso_8601_utc() {
    assert_eq!(iso_8601_utc(0.0).as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(
        iso_8601_utc(1_764_100_000_000.0).as_deref(),
        Some("2025-11-25T19:46:40Z")
    );
    assert_eq!(
        iso_8601_utc(1_709_168_523_999.0).as_deref(),
        Some("2024-02-29T01:02:03Z")
    );
    assert_eq!(
        iso_8601_utc(951_782_400_000.0).as_deref(),
        Some("2000-02-29T00:00:00Z")
    );
    assert_eq!(iso_8601_utc(-1.0).as_deref(), Some("1969-12-31T23:59:59Z"));
    assert_eq!(
        iso_8601_utc(253_402_300_799_000.0).as_deref(),
        Some("9999-12-31T23:59:59Z")
    );
    assert_eq!(iso_8601_utc(253_402_300_800_000.0), None);
    assert_eq!(iso_8601_utc(f64::NAN), None);
    assert_eq!(iso_8601_utc(f64::INFINITY), None);
    assert_eq!(iso_8601_utc(-1e300), None);
}

#[test]
fn the_comparison_csvs_parse_back() {
    let community = ranked(&["Water", "Schools", "Roads", "Clinic"]);
    let statutory = ranked(&["Clinic", "Schools", "Water", "Roads", "Market"]);
    let comparison = compare(&[
        ("Community, 20 people".to_string(), &community),
        ("Statutory".to_string(), &statutory),
    ]);
    let rows = parse_csv(&comparison_csv(&comparison));
    assert_eq!(
        rows[0],
        [
            "item",
            "rank: Community, 20 people",
            "rank: Statutory",
            "spread"
        ]
    );
    assert_eq!(rows[1], ["Clinic", "4", "1", "3"]);
    assert_eq!(
        rows.last().map(|r| r.as_slice()),
        Some(
            &[
                "Market".to_string(),
                String::new(),
                "5".into(),
                String::new()
            ][..]
        )
    );
    let rows = parse_csv(&agreement_csv(&comparison));
    assert_eq!(
        rows[0],
        ["group", "other group", "items in both", "Kendall tau-b"]
    );
    assert_eq!(
        rows[1],
        ["Community, 20 people", "Statutory", "4", "-0.333"]
    );
}

#[test]
fn quick_mode_scores_csv_follows_the_quick_order() {
    let mut ranking = with_labels(&["C", "A", "B"]);
    ranking.method = RankingMethod::Quick;
    while let QuickStep::Ask(a, b) = ranking.quick_next() {
        let label = |x: &str| ranking.item(x).map(|i| i.label.clone()).unwrap_or_default();
        let winner = if label(&a) < label(&b) {
            a.clone()
        } else {
            b.clone()
        };
        assert!(ranking.decide(&a, &b, Outcome::Wins(winner), String::new(), 0.0));
    }
    let rows = parse_csv(&scores_csv(&ranking));
    let order: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(order, [("1", "A"), ("2", "B"), ("3", "C")]);
    assert!(rows[1..].iter().all(|r| r[5] == "quick mode order"));
    let svg = bar_chart_svg(&ranking, &FigureMeta::default());
    check_svg(&svg);
}

// ----- SVG exports ---------------------------------------------------------------------------

/// What every ranking figure must be ([`check_figure_svg`]), with text of at least 14 px.
fn check_svg(svg: &str) -> Vec<XmlElement> {
    check_figure_svg(svg, 14.0).0
}

fn meta() -> FigureMeta {
    FigureMeta {
        title: "Priorities <for> the ward & \"us\"".into(),
        group: "Community organisations, 20 people".into(),
        date: "2026-11-25".into(),
    }
}

#[test]
fn the_matrix_figure_is_well_formed_and_escapes_hostile_labels() {
    let mut ranking = workshop_example();
    assert!(ranking.add_item("arabic".into(), ARABIC.into()));
    assert!(ranking.decide(
        "arabic",
        &id(0),
        Outcome::Wins("arabic".into()),
        String::new(),
        0.0
    ));
    let svg = matrix_svg(&ranking, &meta());
    assert!(!svg.contains("<script"), "the label must be escaped");
    assert!(svg.contains("&lt;script&gt;&amp;"));
    assert!(
        svg.contains(ARABIC),
        "the Arabic label is written as typed, not reversed"
    );
    let elements = check_svg(&svg);
    let shown = texts(&elements);
    assert!(shown.contains(&HOSTILE));
    assert!(shown.contains(&"Priorities <for> the ward & \"us\""));
    assert!(shown.contains(&"Community organisations, 20 people"));
    assert!(shown.contains(&"2026-11-25"));
    assert!(shown.contains(&"=4"), "shared ranks are marked");
    assert_eq!(
        elements[1].text,
        "Priorities <for> the ward & \"us\" — Community organisations, 20 people, 2026-11-25"
    );
    let arabic = elements
        .iter()
        .find(|e| e.name == "text" && e.text == ARABIC)
        .expect("the Arabic label");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    assert_eq!(arabic.attribute("unicode-bidi"), Some("embed"));
    let latin = elements
        .iter()
        .find(|e| e.name == "text" && e.text == "Roads")
        .expect("a Latin label");
    assert_eq!(latin.attribute("direction"), None);
    // Cells: item 6 (Arabic) beat item 1 in row 1's last column.
    assert!(shown.contains(&"6"));
    assert!(shown.contains(&"tie") && shown.contains(&"?"));
}

#[test]
fn the_bar_chart_is_sorted_by_rank_with_values_written() {
    let mut ranking = workshop_example();
    assert!(ranking.add_item("arabic".into(), ARABIC.into()));
    let svg = bar_chart_svg(&ranking, &meta());
    assert!(!svg.contains("<script"));
    let elements = check_svg(&svg);
    let shown = texts(&elements);
    let position = |text: &str| shown.iter().position(|t| *t == text).unwrap_or(usize::MAX);
    assert!(position("Water, clean") < position("Roads"));
    assert!(position("Roads") < position("Clinic"));
    assert!(position("Clinic") < position(HOSTILE));
    assert!(position(HOSTILE) < position(ARABIC), "no points: last");
    for value in ["4", "1.5", "1", "0"] {
        assert!(shown.contains(&value), "value {value} written");
    }
    // Bars: one per item, the longest for the best.
    let bars: Vec<f64> = elements
        .iter()
        .filter(|e| e.name == "rect" && e.attribute("fill") == Some("#1f4e79"))
        .filter_map(|e| e.attribute("width").and_then(|w| w.parse().ok()))
        .collect();
    assert_eq!(bars.len(), 6);
    assert!(bars.windows(2).all(|w| w[0] >= w[1]), "{bars:?}");
}

#[test]
fn figures_of_nothing_and_of_strange_labels_are_still_well_formed() {
    let empty = Ranking::default();
    for svg in [
        matrix_svg(&empty, &FigureMeta::default()),
        bar_chart_svg(&empty, &FigureMeta::default()),
    ] {
        let elements = check_svg(&svg);
        assert!(texts(&elements).contains(&"No items yet."));
        assert!(texts(&elements).contains(&"Pair-wise ranking"));
    }
    let strange = with_labels(&[
        "",
        "nul\u{0}bell\u{7}tab\tnew\nline",
        "\u{FFFE}\u{FFFF}",
        "]]>",
        "<!-- -->",
        "&amp;",
        "שלום 123",
        "水",
        "e\u{301}",
    ]);
    let awkward_meta = FigureMeta {
        title: "\u{1}".into(),
        group: "<g>".into(),
        date: String::new(),
    };
    for svg in [
        matrix_svg(&strange, &awkward_meta),
        bar_chart_svg(&strange, &awkward_meta),
    ] {
        let elements = check_svg(&svg);
        let shown = texts(&elements);
        assert!(shown.contains(&"nulbelltab new line"));
        assert!(shown.contains(&"&amp;"), "a literal '&amp;' stays literal");
        assert!(shown.contains(&"<!-- -->"));
        let hebrew = elements
            .iter()
            .find(|e| e.text == "שלום 123")
            .expect("Hebrew");
        assert_eq!(hebrew.attribute("direction"), Some("rtl"));
    }
    for csv_text in [
        matrix_csv(&strange),
        scores_csv(&strange),
        decisions_csv(&strange),
    ] {
        assert!(!parse_csv(&csv_text).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn any_labels_give_well_formed_figures_and_parseable_csv(
        labels in prop::collection::vec(any::<String>(), 0..8),
        codes in prop::collection::vec(0u8..5, 28)
    ) {
        let mut ranking = Ranking::default();
        for (i, label) in labels.iter().enumerate() {
            ranking.add_item(id(i), label.clone());
        }
        let n = ranking.items.len();
        let mut codes = codes.iter();
        for i in 0..n {
            for j in i + 1..n {
                let outcome = match codes.next().copied().unwrap_or(4) {
                    0 => Outcome::Wins(id(i)),
                    1 => Outcome::Wins(id(j)),
                    2 => Outcome::Tie,
                    3 => Outcome::CantDecide,
                    _ => continue,
                };
                ranking.decide(&id(i), &id(j), outcome, labels.concat(), 0.0);
            }
        }
        let meta = FigureMeta { title: labels.concat(), group: labels.join("\n"), date: String::new() };
        check_svg(&matrix_svg(&ranking, &meta));
        check_svg(&bar_chart_svg(&ranking, &meta));
        let rows = parse_csv(&matrix_csv(&ranking));
        prop_assert_eq!(rows.len(), n + 1);
        let rows = parse_csv(&scores_csv(&ranking));
        prop_assert_eq!(rows.len(), n + 1);
        let rows = parse_csv(&decisions_csv(&ranking));
        prop_assert_eq!(rows.len(), ranking.decisions.len() + 1);
    }
}

// ----- Draft reasons and provisional results -------------------------------------------------

#[test]
fn a_reason_typed_before_deciding_is_the_pairs_draft_and_becomes_its_reason() {
    let mut ranking = ranking_of(3);
    assert!(ranking.write_reason(&id(0), &id(1), "Rent is due".into()));
    // The draft belongs to that pair, in either order, and to no other.
    assert_eq!(ranking.reason_for(&id(1), &id(0)), "Rent is due");
    assert_eq!(ranking.reason_for(&id(0), &id(2)), "");
    // It survives a save and a load.
    let stored = serde_json::to_string(&ranking).unwrap();
    let mut ranking: Ranking = serde_json::from_str(&stored).unwrap();
    assert_eq!(ranking.reason_for(&id(0), &id(1)), "Rent is due");
    // Deciding the pair takes the draft as its reason and leaves no draft behind.
    let reason = ranking.reason_for(&id(0), &id(1));
    assert!(ranking.decide(&id(0), &id(1), Outcome::Tie, reason, 0.0));
    assert!(ranking.drafts.is_empty());
    assert_eq!(
        ranking.decision_for(&id(0), &id(1)).unwrap().reason,
        "Rent is due"
    );
    // Typing on a decided pair edits its reason directly.
    assert!(ranking.write_reason(&id(1), &id(0), "Rent is due now".into()));
    assert_eq!(
        ranking.decision_for(&id(0), &id(1)).unwrap().reason,
        "Rent is due now"
    );
    assert!(ranking.drafts.is_empty());
}

#[test]
fn deciding_another_pair_never_moves_or_wipes_a_draft() {
    let mut ranking = ranking_of(3);
    assert!(ranking.write_reason(&id(0), &id(2), "draft".into()));
    win(&mut ranking, 0, 1);
    win(&mut ranking, 1, 2);
    assert_eq!(ranking.reason_for(&id(0), &id(2)), "draft");
    assert_eq!(ranking.decision_for(&id(0), &id(1)).unwrap().reason, "");
    assert_eq!(ranking.decision_for(&id(1), &id(2)).unwrap().reason, "");
}

#[test]
fn drafts_are_refused_for_unknown_pairs_cleared_when_empty_and_dropped_with_their_item() {
    let mut ranking = ranking_of(3);
    assert!(!ranking.write_reason(&id(0), &id(0), "self".into()));
    assert!(!ranking.write_reason(&id(0), "nobody", "unknown".into()));
    assert!(ranking.drafts.is_empty());
    assert!(ranking.write_reason(&id(0), &id(1), "x".into()));
    assert!(ranking.write_reason(&id(1), &id(0), String::new()));
    assert!(ranking.drafts.is_empty(), "an emptied box leaves no draft");
    assert!(ranking.write_reason(&id(0), &id(1), "x".into()));
    assert!(ranking.write_reason(&id(1), &id(2), "y".into()));
    ranking.remove_item(&id(0));
    assert_eq!(ranking.drafts.len(), 1);
    assert_eq!(ranking.reason_for(&id(1), &id(2)), "y");
    assert!(ranking.check().is_empty());
}

#[test]
fn a_ranking_without_drafts_is_stored_exactly_as_before() {
    let mut ranking = ranking_of(2);
    win(&mut ranking, 0, 1);
    let text = serde_json::to_string(&ranking).unwrap();
    assert!(!text.contains("drafts"), "{text}");
}

#[test]
fn results_are_provisional_until_every_pair_is_decided() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    win(&mut ranking, 2, 3);
    let status = ranking.results_status();
    assert_eq!(
        (status.decided, status.total, status.complete),
        (2, 6, false)
    );
    assert_eq!(
        status.provisional_note().as_deref(),
        Some("2 of 6 pairs decided: ranks are provisional")
    );
    // Items 0 and 2 share the top score and were never compared: no "no result separates
    // them" claim.
    let standings = ranking.standings();
    let top: Vec<&Standing> = standings.iter().filter(|s| s.rank == 1).collect();
    assert_eq!(top.len(), 2);
    for standing in top {
        assert!(
            matches!(standing.settled_by, TieBreak::NotYetCompared { .. }),
            "{standing:?}"
        );
    }
    let csv = scores_csv(&ranking);
    assert!(!csv.contains("no result separates them"), "{csv}");
    let meta = FigureMeta::default();
    let chart = bar_chart_svg(&ranking, &meta);
    assert!(
        chart.contains("2 of 6 pairs decided: ranks are provisional"),
        "{chart}"
    );
    let finished = decide_all(4, &[0, 0, 0, 0, 0, 0]);
    assert!(!bar_chart_svg(&finished, &meta).contains("provisional"));
    let all = decide_all(4, &[0, 0, 0, 0, 0, 0]);
    assert_eq!(all.results_status().provisional_note(), None);
}

#[test]
fn a_tie_among_items_all_compared_still_shares_the_rank() {
    let mut ranking = ranking_of(2);
    tie(&mut ranking, 0, 1);
    assert!(ranking
        .standings()
        .iter()
        .all(|s| matches!(s.settled_by, TieBreak::Shared { .. })));
}

#[test]
fn the_decide_screen_shows_a_revisited_pair_else_the_next_and_backspace_walks_back() {
    let mut ranking = ranking_of(3);
    let first = ranking.current_pair(None).expect("a pair to ask");
    assert_eq!(Some(first.clone()), ranking.next_pair());
    // Nothing decided yet: nowhere to go back to.
    assert_eq!(ranking.previous_pair(Some(&first)), None);
    let (a, b) = first.clone();
    assert!(ranking.decide(&a, &b, Outcome::Tie, String::new(), 0.0));
    let second = ranking.current_pair(None).expect("a second pair");
    assert_ne!(second, first);
    // From an undecided pair, Backspace goes to the last decision; from the first decision,
    // nowhere.
    assert_eq!(ranking.previous_pair(Some(&second)), Some(first.clone()));
    assert_eq!(ranking.previous_pair(Some(&first)), None);
    // A revisited pair is shown while both items exist; not once one is removed.
    assert_eq!(ranking.current_pair(Some(&first)), Some(first.clone()));
    let stale = (a.clone(), "gone".to_string());
    assert_eq!(ranking.current_pair(Some(&stale)), ranking.next_pair());
    let own = (a.clone(), a.clone());
    assert_eq!(ranking.current_pair(Some(&own)), ranking.next_pair());
}

#[test]
fn quick_mode_calls_its_unfinished_order_provisional_in_questions() {
    let mut ranking = ranking_of(4);
    ranking.method = RankingMethod::Quick;
    let status = ranking.results_status();
    assert!(!status.complete);
    let note = status.provisional_note().expect("unfinished");
    assert!(note.starts_with("0 questions answered (at most "), "{note}");
    assert!(note.ends_with("the order is provisional"), "{note}");
}

#[test]
fn a_stale_draft_beside_a_decision_never_hides_the_decisions_reason() {
    // As a damaged or hand-edited file might hold it.
    let mut ranking = ranking_of(2);
    assert!(ranking.decide(&id(0), &id(1), Outcome::Tie, "kept".into(), 0.0));
    ranking
        .drafts
        .push(pla_workshop::model::ranking::DraftReason {
            a: id(0),
            b: id(1),
            text: "stale".into(),
        });
    assert_eq!(ranking.reason_for(&id(0), &id(1)), "kept");
}

#[test]
fn the_comparison_writes_a_shared_rank_as_shared() {
    // Group A: a tie between 0 and 1 at the top; group B: a plain order.
    let mut a = ranking_of(3);
    tie(&mut a, 0, 1);
    win(&mut a, 0, 2);
    win(&mut a, 1, 2);
    let b = decide_all(3, &[0, 0, 0]);
    let comparison = compare(&[("A".to_string(), &a), ("B".to_string(), &b)]);
    let row = |label: &str| {
        comparison
            .items
            .iter()
            .position(|i| i.label == label)
            .expect("compared")
    };
    assert_eq!(comparison.rank_text(row("Item 0"), 0), "=1");
    assert_eq!(comparison.rank_text(row("Item 1"), 0), "=1");
    assert_eq!(comparison.rank_text(row("Item 2"), 0), "3");
    assert_eq!(comparison.rank_text(row("Item 0"), 1), "1");
    assert_eq!(comparison.rank_text(99, 0), "—");
}
