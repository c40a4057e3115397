//! `ranking_quick_questions_n30` for the benchmark: the most questions quick mode asks to
//! order 30 items, over 100 random orders (a fixed seed, so every run measures the same).
//! Run by scripts/bench.sh as `cargo run --release --example quick_questions`.

use pla_workshop::model::ranking::{quick_session, QuickStep};
use std::collections::HashMap;

/// xorshift64*: enough randomness to shuffle, and no dependency.
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            list.swap(i, j);
        }
    }
}

fn questions_to_order(ids: &[String], true_rank: &HashMap<String, usize>) -> usize {
    let mut answers: HashMap<(String, String), bool> = HashMap::new();
    loop {
        let step = quick_session(ids, |a, b| {
            answers.get(&(a.to_string(), b.to_string())).copied()
        });
        match step.next {
            QuickStep::Done(order) => {
                assert!(
                    order
                        .windows(2)
                        .all(|w| true_rank[&w[0]] < true_rank[&w[1]]),
                    "quick mode gave a wrong order"
                );
                return answers.len() / 2;
            }
            QuickStep::Ask(a, b) => {
                let first_better = true_rank[&a] < true_rank[&b];
                answers.insert((a.clone(), b.clone()), first_better);
                answers.insert((b, a), !first_better);
            }
        }
    }
}

fn main() {
    let ids: Vec<String> = (0..30).map(|i| format!("item-{i}")).collect();
    let mut shuffler = Shuffler(0x9E37_79B9_7F4A_7C15);
    let mut most = 0;
    for _ in 0..100 {
        let mut order = ids.clone();
        shuffler.shuffle(&mut order);
        let true_rank: HashMap<String, usize> = order
            .iter()
            .enumerate()
            .map(|(rank, id)| (id.clone(), rank))
            .collect();
        most = most.max(questions_to_order(&ids, &true_rank));
    }
    println!("{most}");
}
