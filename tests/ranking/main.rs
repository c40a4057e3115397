#![cfg(not(target_arch = "wasm32"))]
//! Pair-wise ranking: items and decisions (and their file format), scores, tie-breaks, the
//! balanced schedule, quick mode, Kendall's tau-b, the group comparison, the CSV and SVG
//! exports, and draft reasons with provisional results.

#[path = "../common/mod.rs"]
mod common;

mod compare;
mod csv_exports;
mod drafts;
mod items;
mod schedule;
mod scores;
mod svg_exports;
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
