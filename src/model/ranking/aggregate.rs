//! The participants' private ballots taken together: Bradley–Terry strengths with bootstrap
//! intervals, Kendall's W (how far participants agree), each participant's own order, and
//! where the ballots part from the group's own decision.
//!
//! Ranks are never added up across participants: the pooled figure is a strength fitted to
//! every ballot's decisions, and the note that travels with it ([`AGGREGATE_METHOD_NOTE`])
//! says so.

use super::*;

/// What every screen and export showing an [`Aggregate`] says about how it was made.
pub const AGGREGATE_METHOD_NOTE: &str = "Bradley–Terry strengths (maximum likelihood over every \
ballot's decisions; a tie is half a win to each), scaled so all strengths sum to 100, with 95% \
bootstrap intervals over ballots. Every pair of items also gets one virtual half-comparison \
(a quarter of a win to each side), so an item that wins or loses everything keeps a finite \
strength. Ranks are not added up across participants.";

/// The virtual comparison every pair of items gets before the ballots are counted, in
/// comparisons: 0.5, split as a quarter of a win to each side (see [`Ranking::aggregate`]).
pub const VIRTUAL_TIE_WEIGHT: f64 = 0.5;

/// The fit stops when no strength changes by more than this fraction in an iteration.
const CONVERGENCE: f64 = 1e-9;
/// ... or after this many iterations.
const MAX_ITERATIONS: usize = 10_000;
/// More bootstrap samples than this are not drawn (the interval would not change, and a
/// mistaken huge request must not freeze the page).
const MAX_BOOTSTRAP_SAMPLES: usize = 100_000;
/// Strengths (on the 0–100 scale) closer than this share a rank: the fit's own precision is
/// far finer, so only items the data cannot tell apart are this close.
const SAME_STRENGTH: f64 = 1e-6;

/// The ballots taken together. See [`Ranking::aggregate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    /// How the strengths were made ([`AGGREGATE_METHOD_NOTE`]), for every place they appear.
    pub method_note: &'static str,
    /// One line per item, best first by strength (equal strengths in item order).
    pub items: Vec<AggregateItem>,
    /// Kendall's coefficient of concordance across the participants' ranks, 0 (no agreement)
    /// to 1 (the same order). None with fewer than 2 ballots or 2 items, or when every
    /// ballot ranks every item level.
    pub kendall_w: Option<f64>,
    /// The sealed ballots counted.
    pub ballots_counted: usize,
    /// The bootstrap samples drawn for the intervals.
    pub bootstrap_samples: usize,
    /// Whether the strengths' fit settled (no strength changing by 1e-9 of itself) within
    /// its 10,000 iterations. False would mean the strengths are the last iterate, close to
    /// the fit but not settled, and a screen should say so.
    pub converged: bool,
    /// Each counted participant's own order, in the order the ballots were cast.
    pub participant_orders: Vec<ParticipantOrder>,
    /// The group's own decision against the ballots', one per item, in the order of `items`.
    pub disagreements: Vec<Disagreement>,
}

/// One item's pooled result.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateItem {
    pub item_id: String,
    /// Bradley–Terry strength; all items' strengths sum to 100. An item's chance of being
    /// preferred to another is its strength over the sum of the two.
    pub strength: f64,
    /// The 95% bootstrap interval of `strength`, on the same scale.
    pub low: f64,
    pub high: f64,
    /// The mean, over the ballots that compared this item at all, of its share of its
    /// decided comparisons in that ballot: (wins + ½ ties) / (pairs with a winner or a tie).
    /// 0 to 1. None when no counted ballot compared it.
    pub win_share: Option<f64>,
    /// 1-based, by strength; equal strengths share the rank and the next is skipped.
    pub rank: usize,
    /// Another item has the same rank: shown as "=3".
    pub shared: bool,
}

/// One participant's own order, read from their ballot alone.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantOrder {
    pub ballot_id: String,
    /// The generalised identifier ("Participant 3 (CBO)").
    pub label: String,
    /// Item ids, best first: the ballot's standings, or its quick-mode order once complete
    /// ([`Ranking::method_ranks`] of the ballot).
    pub order: Vec<String>,
    /// The rank of each id in `order` (shared ranks share the number).
    pub ranks: Vec<usize>,
    /// Whether the participant finished every question before handing over.
    pub complete: bool,
}

/// Where the ballots place an item against where the group's own decision placed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub item_id: String,
    /// The rank in the group's own decision (its matrix standings, or its quick-mode order
    /// once complete); None when the group has not decided any pair with this item.
    pub group_rank: Option<usize>,
    /// The rank in [`Aggregate::items`].
    pub ballots_rank: usize,
    /// How far apart the two ranks are; 0 when the group has no rank for the item.
    pub gap: usize,
}

impl Aggregate {
    /// The items to start the discussion with: every item whose ranks are 2 or more apart,
    /// or, when none is, the items with the largest gap (if it is at least 1). Largest gap
    /// first, then in the order of [`Aggregate::items`]. Empty when the group and the
    /// ballots agree on every rank.
    pub fn most_disputed(&self) -> Vec<&Disagreement> {
        let largest = self.disagreements.iter().map(|d| d.gap).max().unwrap_or(0);
        let threshold = largest.min(2);
        if threshold == 0 {
            return Vec::new();
        }
        let mut disputed: Vec<&Disagreement> = self
            .disagreements
            .iter()
            .filter(|d| d.gap >= threshold)
            .collect();
        // Stable: equal gaps keep the order of `items`.
        crate::model::order::sort_by_key(&mut disputed, |d| std::cmp::Reverse(d.gap));
        disputed
    }
}

impl Ranking {
    /// The participants' ballots taken together.
    ///
    /// Only sealed ballots count ([`Ballot::handed_over`]): a ballot still being filled in is
    /// left out of everything here. None when no ballot is sealed or there are fewer than 2
    /// items. The items are the current ones, each id once; a ballot's decisions about items
    /// no longer in the list, an item paired with itself, or a winner outside its pair are
    /// ignored, and a pair decided twice counts once (the first), as in the group's matrix.
    ///
    /// **Strengths.** Bradley–Terry: item i is preferred to j with probability
    /// p_i / (p_i + p_j). The strengths are the maximum-likelihood fit to every sealed
    /// ballot's decisions pooled: a win counts 1 to the winner, a tie ½ a win to each side,
    /// "can't decide" nothing. They are found by Hunter's (2004) MM iteration,
    /// p_i ← W_i / Σ_{j≠i} n_ij / (p_i + p_j) (W_i: i's wins, n_ij: comparisons of i and j),
    /// normalised every iteration, until no strength changes by more than 1e-9 of itself (at
    /// most 10,000 iterations); then scaled to sum to 100.
    ///
    /// **Regularisation.** Before the ballots are counted, every pair of items gets one
    /// virtual half-comparison that neither side wins: a quarter of a win to each
    /// ([`VIRTUAL_TIE_WEIGHT`] = 0.5 comparisons). Without it, an item that wins every
    /// comparison would have an infinite strength and one that loses every comparison a
    /// strength of 0; with it, every strength is finite and above 0, and the pull towards
    /// "all equal" is small beside real ballots (30 ballots give a pair 30 comparisons
    /// against the virtual half). With two items the fit is exact by hand:
    /// strength_A = 100 (W_A + ¼) / (n_AB + ½). An item no ballot compared with anything
    /// has only the virtual ties: such items get equal strengths, at the point where each
    /// would be expected to win half its comparisons with the rest; with no comparisons at
    /// all, every item gets 100/n.
    ///
    /// **Intervals.** The sealed ballots are resampled with replacement `bootstrap_samples`
    /// times (at most 100,000), each sample refitted; `low` and `high` are the 2.5th and
    /// 97.5th percentiles of each item's scaled strength (linear interpolation between the
    /// sorted samples). With very few ballots the percentiles can both fall on one side of
    /// the estimate; the interval is then widened to reach it, so it always contains the
    /// strength. With no samples, `low` and `high` are the strength. The samples are drawn
    /// by SplitMix64 from `seed`: the same ballots and seed give the same result, bit for
    /// bit.
    ///
    /// **Agreement.** Kendall's W from each ballot's ranks of the n items (its standings, or
    /// its finished quick-mode order), tied items taking the average of the places they
    /// share. With m ballots, R_i the sum of item i's ranks, R̄ = m (n + 1) / 2, and
    /// T_j = Σ (t³ − t) over each group of t tied items in ballot j:
    /// W = 12 Σ (R_i − R̄)² / (m² (n³ − n) − m Σ_j T_j).
    /// A ballot handed over unfinished counts with the ranks its decisions give so far, as
    /// its own standings show them.
    pub fn aggregate(&self, bootstrap_samples: usize, seed: u64) -> Option<Aggregate> {
        let items: Vec<RankItem> = self
            .pairable_indices()
            .into_iter()
            .map(|index| self.items[index].clone())
            .collect();
        let n = items.len();
        let sealed: Vec<&Ballot> = self.ballots.iter().filter(|b| b.handed_over).collect();
        if sealed.is_empty() || n < 2 {
            return None;
        }
        let tallies: Vec<BallotTally> = sealed.iter().map(|b| tally(b, &items)).collect();

        let pooled = pooled_wins(&tallies, &vec![1; tallies.len()], n);
        let point = fit_bradley_terry(&pooled, n, VIRTUAL_TIE_WEIGHT, None);
        let strengths: Vec<f64> = point.strengths.iter().map(|p| p * 100.0).collect();

        let samples = bootstrap_samples.min(MAX_BOOTSTRAP_SAMPLES);
        let intervals = bootstrap_intervals(&tallies, &point.strengths, samples, seed);

        let win_shares = mean_win_shares(&tallies, n);
        let ranked = rank_by_strength(&strengths);
        let aggregate_items: Vec<AggregateItem> = ranked
            .iter()
            .map(|&(position, rank, shared)| {
                let strength = strengths[position];
                let (low, high) = intervals
                    .get(position)
                    .map_or((strength, strength), |&(low, high)| {
                        (low.min(strength), high.max(strength))
                    });
                AggregateItem {
                    item_id: items[position].id.clone(),
                    strength,
                    low,
                    high,
                    win_share: win_shares[position],
                    rank,
                    shared,
                }
            })
            .collect();

        let participant_orders = sealed
            .iter()
            .zip(&tallies)
            .map(|(ballot, tally)| ParticipantOrder {
                ballot_id: ballot.id.clone(),
                label: ballot.label.clone(),
                order: tally.order.clone(),
                ranks: tally.order_ranks.clone(),
                complete: tally.complete,
            })
            .collect();

        let disagreements = self.disagreements(&items, &ranked);
        Some(Aggregate {
            method_note: AGGREGATE_METHOD_NOTE,
            items: aggregate_items,
            kendall_w: kendall_w(&tallies, n),
            ballots_counted: sealed.len(),
            bootstrap_samples: samples,
            converged: point.converged,
            participant_orders,
            disagreements,
        })
    }

    /// The group's own ranks against the ballots' (`ranked`: positions in `items` with their
    /// aggregate rank, best first).
    fn disagreements(
        &self,
        items: &[RankItem],
        ranked: &[(usize, usize, bool)],
    ) -> Vec<Disagreement> {
        // The group's decisions over the same de-duplicated items, so a damaged list with an
        // id twice cannot shift the group's ranks.
        let group = Ranking {
            method: self.method,
            items: items.to_vec(),
            decisions: self.decisions.clone(),
            ..Ranking::default()
        };
        let mut decided = vec![false; items.len()];
        for (low, high) in group.counted_outcomes().into_keys() {
            decided[low] = true;
            decided[high] = true;
        }
        let position_of = positions_by_id(items);
        let mut group_rank = vec![None; items.len()];
        for (id, rank) in group.method_ranks() {
            if let Some(&position) = position_of.get(id.as_str()) {
                if decided[position] && group_rank[position].is_none() {
                    group_rank[position] = Some(rank);
                }
            }
        }
        ranked
            .iter()
            .map(|&(position, ballots_rank, _)| {
                let group_rank = group_rank[position];
                Disagreement {
                    item_id: items[position].id.clone(),
                    group_rank,
                    ballots_rank,
                    gap: group_rank.map_or(0, |g| g.abs_diff(ballots_rank)),
                }
            })
            .collect()
    }
}

// ----- One ballot's counts -----------------------------------------------------------------

/// What one sealed ballot contributes, by position in the de-duplicated items.
struct BallotTally {
    /// `wins[i * n + j]`: how much i won against j (1 a win, ½ a tie).
    wins: Vec<f64>,
    /// Per item: (wins + ½ ties, pairs with a winner or a tie).
    shares: Vec<(f64, u32)>,
    /// The ballot's own ranks of every item, tied items averaged (for Kendall's W).
    mid_ranks: Vec<f64>,
    /// Σ (t³ − t) over the ballot's groups of t tied items.
    tie_correction: f64,
    order: Vec<String>,
    order_ranks: Vec<usize>,
    complete: bool,
}

fn positions_by_id(items: &[RankItem]) -> HashMap<&str, usize> {
    // Only looked up, never iterated, so its order cannot reach a result.
    items
        .iter()
        .enumerate()
        .map(|(position, item)| (item.id.as_str(), position))
        .collect()
}

fn tally(ballot: &Ballot, items: &[RankItem]) -> BallotTally {
    let n = items.len();
    let ranking = ballot.as_ranking(items);
    // Sorted, so sums are taken in the same order on every run.
    let mut outcomes: Vec<((usize, usize), Counted)> =
        ranking.counted_outcomes().into_iter().collect();
    outcomes.sort_unstable_by_key(|&(key, _)| key);

    let mut wins = vec![0.0; n * n];
    let mut shares = vec![(0.0, 0u32); n];
    for ((low, high), counted) in outcomes {
        let low_gets = match counted {
            Counted::Won(winner) if winner == low => 1.0,
            Counted::Won(_) => 0.0,
            Counted::Tie => 0.5,
            Counted::Undecidable => continue,
        };
        wins[low * n + high] += low_gets;
        wins[high * n + low] += 1.0 - low_gets;
        shares[low].0 += low_gets;
        shares[low].1 += 1;
        shares[high].0 += 1.0 - low_gets;
        shares[high].1 += 1;
    }

    let position_of = positions_by_id(items);
    let mut order = Vec::with_capacity(n);
    let mut order_ranks = Vec::with_capacity(n);
    let mut rank_of: Vec<Option<usize>> = vec![None; n];
    for (id, rank) in ranking.method_ranks() {
        if let Some(&position) = position_of.get(id.as_str()) {
            if rank_of[position].is_none() {
                rank_of[position] = Some(rank);
                order.push(id);
                order_ranks.push(rank);
            }
        }
    }
    // Every item has a rank from its own standings; should one be missing, it shares the
    // place after the others rather than vanishing.
    let last = order.len() + 1;
    let ranks: Vec<usize> = rank_of.iter().map(|r| r.unwrap_or(last)).collect();
    let (mid_ranks, tie_correction) = mid_ranks(&ranks);
    BallotTally {
        wins,
        shares,
        mid_ranks,
        tie_correction,
        order,
        order_ranks,
        complete: ranking.results_status().complete,
    }
}

/// Competition ranks (1, 2, 2, 4) to the average of the places each tie group covers
/// (1, 2.5, 2.5, 4), and Σ (t³ − t) over the tie groups.
fn mid_ranks(ranks: &[usize]) -> (Vec<f64>, f64) {
    let mut sorted = ranks.to_vec();
    sorted.sort_unstable();
    let mut correction = 0.0;
    let mid = ranks
        .iter()
        .map(|&rank| {
            let below = sorted.partition_point(|&r| r < rank);
            let tied = sorted.partition_point(|&r| r <= rank) - below;
            // Places below+1 ..= below+tied, averaged.
            below as f64 + (tied as f64 + 1.0) / 2.0
        })
        .collect();
    let mut start = 0;
    while start < sorted.len() {
        let end = sorted.partition_point(|&r| r <= sorted[start]);
        let t = (end - start) as f64;
        correction += t * t * t - t;
        start = end;
    }
    (mid, correction)
}

/// The wins of every ballot, each counted `copies[b]` times (1 for the estimate itself, the
/// draw's multiplicity for a bootstrap sample).
fn pooled_wins(tallies: &[BallotTally], copies: &[u32], n: usize) -> Vec<f64> {
    let mut wins = vec![0.0; n * n];
    for (tally, &times) in tallies.iter().zip(copies) {
        if times == 0 {
            continue;
        }
        let times = f64::from(times);
        for (total, &won) in wins.iter_mut().zip(&tally.wins) {
            *total += times * won;
        }
    }
    wins
}

fn mean_win_shares(tallies: &[BallotTally], n: usize) -> Vec<Option<f64>> {
    (0..n)
        .map(|position| {
            let (sum, ballots) = tallies
                .iter()
                .filter_map(|t| {
                    let (points, decided) = t.shares[position];
                    (decided > 0).then(|| points / f64::from(decided))
                })
                .fold((0.0, 0u32), |(sum, count), share| (sum + share, count + 1));
            (ballots > 0).then(|| sum / f64::from(ballots))
        })
        .collect()
}

// ----- Bradley–Terry -----------------------------------------------------------------------

/// A fitted set of strengths, summing to 1.
pub(super) struct Fit {
    pub strengths: Vec<f64>,
    /// False when the iterations ran out first; the strengths are then the last iterate.
    pub converged: bool,
}

/// Bradley–Terry by Hunter's MM iteration (see [`Ranking::aggregate`]). `wins[i * n + j]`:
/// how much i won against j; `virtual_tie`: comparisons added to every pair, half won by
/// each side; `start`: strengths to begin from (a bootstrap sample starts from the estimate,
/// which is near its answer). Non-finite or negative counts are read as 0. With
/// `virtual_tie` = 0 the data must connect every item both ways (Hunter's condition), or
/// some strengths go to 0; nothing divides by 0 either way.
pub(super) fn fit_bradley_terry(
    wins: &[f64],
    n: usize,
    virtual_tie: f64,
    start: Option<&[f64]>,
) -> Fit {
    let count = |i: usize, j: usize| {
        let won = wins.get(i * n + j).copied().unwrap_or(0.0);
        if won.is_finite() && won > 0.0 {
            won
        } else {
            0.0
        }
    };
    let virtual_tie = if virtual_tie.is_finite() && virtual_tie > 0.0 {
        virtual_tie
    } else {
        0.0
    };
    let mut total_wins = vec![0.0; n];
    let mut comparisons = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j {
                total_wins[i] += count(i, j) + virtual_tie / 2.0;
                comparisons[i * n + j] = count(i, j) + count(j, i) + virtual_tie;
            }
        }
    }
    let even = 1.0 / n.max(1) as f64;
    let mut strengths: Vec<f64> = match start {
        Some(start) if start.len() == n && start.iter().all(|p| p.is_finite() && *p > 0.0) => {
            start.to_vec()
        }
        _ => vec![even; n],
    };
    let mut next = vec![0.0; n];
    let mut denominators = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        // Σ_j n_ij / (p_i + p_j) for every i, each pair's quotient computed once for both
        // of its items.
        denominators.fill(0.0);
        for i in 0..n {
            for j in i + 1..n {
                let together = strengths[i] + strengths[j];
                if together > 0.0 {
                    let share = comparisons[i * n + j] / together;
                    denominators[i] += share;
                    denominators[j] += share;
                }
            }
        }
        for (((next, &won), &denominator), &current) in next
            .iter_mut()
            .zip(&total_wins)
            .zip(&denominators)
            .zip(&strengths)
        {
            *next = if denominator > 0.0 {
                won / denominator
            } else {
                current
            };
        }
        let sum: f64 = next.iter().sum();
        if !(sum.is_finite() && sum > 0.0) {
            // Cannot happen with counts read as above; stop rather than spread a NaN.
            return Fit {
                strengths,
                converged: false,
            };
        }
        let mut largest_change: f64 = 0.0;
        for (old, new) in strengths.iter_mut().zip(&next) {
            let new = new / sum;
            let change = if *old > 0.0 {
                (new - *old).abs() / *old
            } else {
                new
            };
            largest_change = largest_change.max(change);
            *old = new;
        }
        if largest_change < CONVERGENCE {
            return Fit {
                strengths,
                converged: true,
            };
        }
    }
    Fit {
        strengths,
        converged: false,
    }
}

/// (position, rank, shared) best first: by strength, equal strengths in item order sharing
/// the rank (1, 2, =3, =3, 5).
fn rank_by_strength(strengths: &[f64]) -> Vec<(usize, usize, bool)> {
    let mut by_strength: Vec<usize> = (0..strengths.len()).collect();
    crate::model::order::sort_by(&mut by_strength, |&x, &y| {
        strengths[y].total_cmp(&strengths[x]).then(x.cmp(&y))
    });
    let mut ranked = Vec::with_capacity(strengths.len());
    let mut start = 0;
    while start < by_strength.len() {
        let leader = strengths[by_strength[start]];
        let mut end = start + 1;
        while end < by_strength.len()
            && (leader - strengths[by_strength[end]]).abs() <= SAME_STRENGTH
        {
            end += 1;
        }
        let mut tier = by_strength[start..end].to_vec();
        tier.sort_unstable();
        let shared = tier.len() > 1;
        for position in tier {
            ranked.push((position, start + 1, shared));
        }
        start = end;
    }
    ranked
}

// ----- Bootstrap ---------------------------------------------------------------------------

/// A small seeded generator (SplitMix64, Steele et al. 2014): the bootstrap's only
/// randomness, so a seed always draws the same samples.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A whole number below `bound` (> 0), by Lemire's multiply-shift: no modulo bias to
    /// speak of for a few dozen ballots.
    fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next()) * bound as u128) >> 64) as usize
    }
}

/// (2.5th, 97.5th percentile) of each item's scaled strength over `samples` resamplings of
/// the ballots. Empty when there are no samples.
fn bootstrap_intervals(
    tallies: &[BallotTally],
    estimate: &[f64],
    samples: usize,
    seed: u64,
) -> Vec<(f64, f64)> {
    let n = estimate.len();
    if samples == 0 || tallies.is_empty() {
        return Vec::new();
    }
    let mut random = SplitMix64(seed);
    let mut drawn: Vec<Vec<f64>> = vec![Vec::with_capacity(samples); n];
    let mut copies = vec![0u32; tallies.len()];
    for _ in 0..samples {
        copies.fill(0);
        for _ in 0..tallies.len() {
            copies[random.below(tallies.len())] += 1;
        }
        let wins = pooled_wins(tallies, &copies, n);
        let fit = fit_bradley_terry(&wins, n, VIRTUAL_TIE_WEIGHT, Some(estimate));
        for (item, strength) in drawn.iter_mut().zip(&fit.strengths) {
            item.push(strength * 100.0);
        }
    }
    drawn
        .iter_mut()
        .map(|values| {
            values.sort_by(f64::total_cmp);
            (percentile(values, 0.025), percentile(values, 0.975))
        })
        .collect()
}

/// The `q` quantile of sorted values, interpolating linearly between neighbours (the usual
/// "type 7" definition). 0 for no values.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let Some(&last) = sorted.last() else {
        return 0.0;
    };
    let h = (sorted.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    match sorted.get(below + 1) {
        Some(&above) => sorted[below] + (h - below as f64) * (above - sorted[below]),
        None => last,
    }
}

// ----- Kendall's W -------------------------------------------------------------------------

/// Kendall's coefficient of concordance with the correction for ties (see
/// [`Ranking::aggregate`]). None for fewer than 2 ballots or items, or when every ballot
/// leaves every item level (the formula's denominator is then 0).
fn kendall_w(tallies: &[BallotTally], n: usize) -> Option<f64> {
    let m = tallies.len();
    if m < 2 || n < 2 {
        return None;
    }
    let (m, nf) = (m as f64, n as f64);
    let mean = m * (nf + 1.0) / 2.0;
    let spread: f64 = (0..n)
        .map(|item| {
            let total: f64 = tallies.iter().map(|t| t.mid_ranks[item]).sum();
            (total - mean).powi(2)
        })
        .sum();
    let ties: f64 = tallies.iter().map(|t| t.tie_correction).sum();
    let denominator = m * m * (nf * nf * nf - nf) - m * ties;
    if denominator <= 1e-9 {
        return None;
    }
    // Rounding can only carry it a hair outside 0..=1.
    Some((12.0 * spread / denominator).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_recovers_strengths_the_data_match_exactly() {
        // Strengths 4 : 2 : 1 predict A beats B 2 of 3 times, A beats C 4 of 5, B beats C 2
        // of 3: with exactly those counts the likelihood equations hold at (4, 2, 1) / 7.
        let n = 3;
        let mut wins = vec![0.0; n * n];
        let mut set = |i: usize, j: usize, w: f64| wins[i * n + j] = w;
        set(0, 1, 2.0);
        set(1, 0, 1.0);
        set(0, 2, 4.0);
        set(2, 0, 1.0);
        set(1, 2, 2.0);
        set(2, 1, 1.0);
        let fit = fit_bradley_terry(&wins, n, 0.0, None);
        assert!(fit.converged);
        for (got, want) in fit.strengths.iter().zip([4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0]) {
            assert!((got - want).abs() / want < 1e-7, "{got} v {want}");
        }
    }

    #[test]
    fn the_fit_converges_when_one_item_wins_everything() {
        let n = 12;
        let mut wins = vec![0.0; n * n];
        // 30 ballots in the same order 0 > 1 > … > 11.
        for i in 0..n {
            for j in i + 1..n {
                wins[i * n + j] = 30.0;
            }
        }
        let fit = fit_bradley_terry(&wins, n, VIRTUAL_TIE_WEIGHT, None);
        assert!(fit.converged);
        assert!(fit.strengths.iter().all(|p| p.is_finite() && *p > 0.0));
        assert!(fit.strengths.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn damaged_counts_do_not_spread_nan() {
        let wins = [0.0, f64::NAN, -3.0, 0.0, f64::INFINITY, 1.0];
        let fit = fit_bradley_terry(&wins, 3, VIRTUAL_TIE_WEIGHT, Some(&[f64::NAN, 1.0, 1.0]));
        assert!(fit.strengths.iter().all(|p| p.is_finite() && *p > 0.0));
        assert!(fit_bradley_terry(&[], 0, 0.0, None).strengths.is_empty());
    }

    #[test]
    fn mid_ranks_average_the_places_a_tie_covers() {
        let (mid, correction) = mid_ranks(&[1, 2, 2, 4]);
        assert_eq!(mid, [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(correction, 6.0);
        let (mid, correction) = mid_ranks(&[1, 1, 1]);
        assert_eq!(mid, [2.0, 2.0, 2.0]);
        assert_eq!(correction, 24.0);
    }

    #[test]
    fn percentiles_interpolate() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&values, 0.5), 3.0);
        assert_eq!(percentile(&values, 0.025), 1.1);
        assert_eq!(percentile(&values, 1.0), 5.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn split_mix_matches_its_reference_output() {
        // The first outputs for seed 1234567 in Vigna's reference splitmix64.c.
        let mut random = SplitMix64(1_234_567);
        assert_eq!(random.next(), 6_457_827_717_110_365_317);
        assert_eq!(random.next(), 3_203_168_211_198_807_973);
    }
}
