#![cfg(not(target_arch = "wasm32"))]
//! The statistics of participants' private ballots: circular triads and Kendall's ζ for any
//! set of decisions (consistency.rs), and the ballots taken together: Bradley–Terry
//! strengths, bootstrap intervals, Kendall's W, and where the ballots part from the group
//! (aggregate.rs); and their files (exports.rs).

mod aggregate;
#[path = "../common/mod.rs"]
mod common;
mod consistency;
mod exports;

use common::{id, ranking_of};
use pla_workshop::model::ranking::{Decision, Outcome, Ranking};

// ----- Helpers -------------------------------------------------------------------------------

/// A decision as a file holds it, with no check at all (for damaged input).
fn raw(a: &str, b: &str, outcome: Outcome) -> Decision {
    Decision {
        a: a.to_string(),
        b: b.to_string(),
        outcome,
        reason: String::new(),
        decided_at: 0.0,
    }
}

fn won(winner: usize, loser: usize) -> Decision {
    raw(&id(winner), &id(loser), Outcome::Wins(id(winner)))
}

fn tied(x: usize, y: usize) -> Decision {
    raw(&id(x), &id(y), Outcome::Tie)
}

fn cant_decide(x: usize, y: usize) -> Decision {
    raw(&id(x), &id(y), Outcome::CantDecide)
}

fn with_decisions(n: usize, decisions: Vec<Decision>) -> Ranking {
    let mut ranking = ranking_of(n);
    ranking.decisions = decisions;
    ranking
}

/// SplitMix64: the same "random" tournaments on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn coin(&mut self) -> bool {
        self.next() >> 63 == 1
    }
}

/// Every pair of `n` items with a winner; `first_wins(i, j)` for i < j.
fn tournament(n: usize, mut first_wins: impl FnMut(usize, usize) -> bool) -> Ranking {
    let mut decisions = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            decisions.push(if first_wins(i, j) {
                won(i, j)
            } else {
                won(j, i)
            });
        }
    }
    with_decisions(n, decisions)
}
