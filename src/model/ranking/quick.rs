//! Quick mode: the fewest questions, by Ford–Johnson merge-insertion.

use super::*;

impl Ranking {
    // ----- Quick mode --------------------------------------------------------------------

    /// The next quick-mode question, or the finished order, answered from the decisions.
    /// See [`quick_step`]; a tie or "can't decide" counts the item earlier in the list as
    /// better, so the order is always total.
    pub fn quick_next(&self) -> QuickStep {
        self.quick_session().next
    }

    /// [`Ranking::quick_next`] with the number of questions already answered on the way.
    pub fn quick_session(&self) -> QuickSession {
        let ids: Vec<String> = self
            .pairable_indices()
            .into_iter()
            .map(|i| self.items[i].id.clone())
            .collect();
        let outcomes = self.counted_outcomes();
        quick_session(&ids, |first, second| {
            let x = self.index_of(first)?;
            let y = self.index_of(second)?;
            match outcomes.get(&(x.min(y), x.max(y)))? {
                Counted::Won(winner) => Some(*winner == x),
                Counted::Tie | Counted::Undecidable => Some(x < y),
            }
        })
    }

    /// (questions answered, the most quick mode can need) for a progress line. The most is
    /// Ford–Johnson's worst case for this many items.
    pub fn quick_progress(&self) -> (usize, usize) {
        let answered = self.quick_session().answered;
        (answered, ford_johnson_bound(self.pairable_indices().len()))
    }

    /// The finished quick-mode order (ids, best first), or None while questions remain.
    pub fn quick_order(&self) -> Option<Vec<String>> {
        match self.quick_next() {
            QuickStep::Done(order) => Some(order),
            QuickStep::Ask(..) => None,
        }
    }

    /// The ranks this ranking's method gives, item id to rank (1-based; shared ranks share
    /// the number). Matrix: [`Ranking::standings`]. Quick: the position in the finished
    /// order, or the standings of the answers so far while it is unfinished.
    pub fn method_ranks(&self) -> Vec<(String, usize)> {
        if self.method == RankingMethod::Quick {
            if let Some(order) = self.quick_order() {
                return order
                    .into_iter()
                    .enumerate()
                    .map(|(position, id)| (id, position + 1))
                    .collect();
            }
        }
        self.standings()
            .into_iter()
            .map(|s| (s.item_id, s.rank))
            .collect()
    }
}

// ----- Quick mode: Ford–Johnson merge-insertion ------------------------------------------

/// The next question of quick mode, or the finished order.
///
/// Sorts `item_ids` by Ford–Johnson merge-insertion, which needs at most
/// [`ford_johnson_bound`] questions (111 for 30 items, near the lower bound
/// ⌈log2 30!⌉ = 108; plain binary insertion would need up to 119). The sort is re-run from
/// scratch at every step, asking `answer(first, second)` for each comparison: `Some(true)`
/// when `first` is better, `Some(false)` when `second` is, `None` when the group has not
/// been asked yet, which stops the run at that question. Being deterministic, the run asks
/// the same questions in the same order each time, so recorded answers replay it.
///
/// The final order agrees with every answer the sort used, even if answers contradict each
/// other (then some answer the sort did not need may disagree). A tie is the caller's to
/// resolve into `Some(..)`; [`Ranking::quick_next`] counts the item earlier in the list as
/// better. Repeated ids count once.
pub fn quick_step(item_ids: &[String], answer: impl Fn(&str, &str) -> Option<bool>) -> QuickStep {
    quick_session(item_ids, answer).next
}

/// [`quick_step`] with the number of answers it used.
pub fn quick_session(
    item_ids: &[String],
    answer: impl Fn(&str, &str) -> Option<bool>,
) -> QuickSession {
    let mut seen = HashSet::new();
    let ids: Vec<&str> = item_ids
        .iter()
        .map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect();
    let mut oracle = Oracle {
        ids: &ids,
        answer,
        answered: 0,
    };
    let positions: Vec<usize> = (0..ids.len()).collect();
    let next = match merge_insertion(&positions, &mut oracle) {
        Ok(order) => QuickStep::Done(order.into_iter().map(|i| ids[i].to_string()).collect()),
        Err(Unanswered(first, second)) => {
            QuickStep::Ask(ids[first].to_string(), ids[second].to_string())
        }
    };
    QuickSession {
        next,
        answered: oracle.answered,
    }
}

/// The comparison (positions) that has no answer yet.
struct Unanswered(usize, usize);

struct Oracle<'a, F> {
    ids: &'a [&'a str],
    answer: F,
    answered: usize,
}

impl<F: Fn(&str, &str) -> Option<bool>> Oracle<'_, F> {
    /// Whether `x` is better than `y` (comes first).
    fn better(&mut self, x: usize, y: usize) -> Result<bool, Unanswered> {
        match (self.answer)(self.ids[x], self.ids[y]) {
            Some(verdict) => {
                self.answered += 1;
                Ok(verdict)
            }
            None => Err(Unanswered(x, y)),
        }
    }
}

/// Ford–Johnson merge-insertion, best first.
///
/// 1. Pair the items and compare each pair; the worse of each pair goes on.
/// 2. Sort those recursively: they form the main chain, best first.
/// 3. Each better partner belongs somewhere before its worse partner in the chain. The
///    partner of the chain's first item goes straight in front of it. The rest (and an
///    unpaired last item, which may go anywhere) are inserted by binary search, in the order
///    3, 2, 5, 4, 11 … 6, 21 … 12 (Jacobsthal numbers): that order keeps every search within
///    a range of 2^k − 1 items, so each insertion costs exactly k questions at worst.
fn merge_insertion<F: Fn(&str, &str) -> Option<bool>>(
    items: &[usize],
    oracle: &mut Oracle<'_, F>,
) -> Result<Vec<usize>, Unanswered> {
    if items.len() < 2 {
        return Ok(items.to_vec());
    }
    let mut worse_ones = Vec::with_capacity(items.len() / 2);
    let mut better_partner: HashMap<usize, usize> = HashMap::new();
    for pair in items.chunks_exact(2) {
        let (x, y) = (pair[0], pair[1]);
        if oracle.better(x, y)? {
            worse_ones.push(y);
            better_partner.insert(y, x);
        } else {
            worse_ones.push(x);
            better_partner.insert(x, y);
        }
    }
    let unpaired = if items.len() % 2 == 1 {
        items.last().copied()
    } else {
        None
    };
    let main = merge_insertion(&worse_ones, oracle)?;

    let mut chain = Vec::with_capacity(items.len());
    // (item, the chain item it must precede; None: anywhere)
    let mut pending: Vec<(usize, Option<usize>)> = Vec::with_capacity(main.len());
    for (position, &worse) in main.iter().enumerate() {
        let Some(&better) = better_partner.get(&worse) else {
            continue;
        };
        if position == 0 {
            chain.push(better);
        } else {
            pending.push((better, Some(worse)));
        }
    }
    chain.extend(main.iter().copied());
    if let Some(item) = unpaired {
        pending.push((item, None));
    }

    // pending[j] is the (j + 2)-th partner in Ford–Johnson's numbering.
    let mut done_up_to = 1; // partner 1 is in the chain already
    let (mut previous_jacobsthal, mut jacobsthal) = (1usize, 3usize);
    let last_partner = pending.len() + 1;
    while done_up_to < last_partner {
        let group_end = jacobsthal.min(last_partner);
        for number in (done_up_to + 1..=group_end).rev() {
            let (item, bound) = pending[number - 2];
            let end = bound
                .and_then(|b| chain.iter().position(|&c| c == b))
                .unwrap_or(chain.len());
            let (mut low, mut high) = (0, end);
            while low < high {
                let middle = low + (high - low) / 2;
                if oracle.better(item, chain[middle])? {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            chain.insert(low, item);
        }
        done_up_to = group_end;
        (previous_jacobsthal, jacobsthal) = (
            jacobsthal,
            jacobsthal.saturating_add(2 * previous_jacobsthal),
        );
    }
    Ok(chain)
}

/// ⌈log2 k⌉ for k >= 1 (0 for 0 and 1).
fn ceil_log2(k: usize) -> usize {
    if k <= 1 {
        0
    } else {
        (usize::BITS - (k - 1).leading_zeros()) as usize
    }
}

/// The most questions binary insertion can need for `n` items: Σ_{k=1..n} ⌈log2 k⌉
/// (119 for 30). Quick mode never asks more.
pub fn binary_insertion_bound(n: usize) -> usize {
    (1..=n).map(ceil_log2).sum()
}

/// The most questions Ford–Johnson merge-insertion can need for `n` items:
/// Σ_{k=1..n} ⌈log2(3k/4)⌉ (111 for 30).
pub fn ford_johnson_bound(n: usize) -> usize {
    // ⌈log2(3k/4)⌉ = the least c >= 0 with 4 * 2^c >= 3k.
    (1..=n)
        .map(|k| {
            let target = 3u128 * k as u128;
            let mut c = 0;
            while 4u128 << c < target {
                c += 1;
            }
            c
        })
        .sum()
}

/// ⌈log2 n!⌉: no method that compares two items at a time can promise fewer questions.
pub fn comparison_lower_bound(n: usize) -> usize {
    let bits: f64 = (2..=n).map(|k| (k as f64).log2()).sum();
    // Guard against rounding just above a whole number (log2 of 1!, 2! are exact).
    (bits - 1e-9).ceil().max(0.0) as usize
}
