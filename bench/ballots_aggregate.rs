//! `ballots_aggregate_ms` for the benchmark: the time to take 30 sealed ballots of 12 items
//! together (Bradley–Terry strengths, a 1,000-sample bootstrap, Kendall's W), the median of 9
//! runs. The ballots are fixed (a seeded generator), so every run measures the same work.
//! Run by scripts/bench.sh as `cargo run --release --example ballots_aggregate`; prints
//! `ballots_aggregate_ms <median>`.

use pla_workshop::model::ranking::{Ballot, Decision, Outcome, Ranking};
use std::time::Instant;

const ITEMS: usize = 12;
const BALLOTS: usize = 30;
const BOOTSTRAP_SAMPLES: usize = 1_000;
const RUNS: usize = 9;

/// xorshift64*: enough randomness for the ballots, and no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Participants who broadly agree on an order (item-0 best) but part from it on about one
/// pair in four, tie one in twelve and can't decide one in twenty-four: every pair decided.
fn workshop() -> Ranking {
    let mut ranking = Ranking::default();
    for i in 0..ITEMS {
        ranking.add_item(format!("item-{i}"), format!("Item {i}"));
    }
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    for b in 0..BALLOTS {
        let mut decisions = Vec::new();
        for i in 0..ITEMS {
            for j in i + 1..ITEMS {
                let (a, z) = (format!("item-{i}"), format!("item-{j}"));
                let outcome = match random.next() % 24 {
                    0 => Outcome::CantDecide,
                    1 | 2 => Outcome::Tie,
                    3..=8 => Outcome::Wins(z.clone()),
                    _ => Outcome::Wins(a.clone()),
                };
                decisions.push(Decision {
                    a,
                    b: z,
                    outcome,
                    reason: String::new(),
                    decided_at: 0.0,
                });
            }
        }
        ranking.ballots.push(Ballot {
            id: format!("ballot-{b}"),
            label: format!("Participant {b}"),
            decisions,
            handed_over: true,
            ..Ballot::default()
        });
    }
    ranking
}

fn main() {
    let ranking = workshop();
    let mut times = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        let start = Instant::now();
        let aggregate = ranking.aggregate(BOOTSTRAP_SAMPLES, run as u64);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(
            aggregate.is_some_and(|a| a.items.len() == ITEMS && a.converged),
            "the aggregate failed"
        );
    }
    times.sort_by(f64::total_cmp);
    println!("ballots_aggregate_ms {:.1}", times[RUNS / 2]);
}
