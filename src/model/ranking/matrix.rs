//! The PLA matrix: progress, the balanced schedule of every pair, scores and standings.

use super::*;

impl Ranking {
    // ----- The matrix method ---------------------------------------------------------------

    /// How many pairs the matrix asks: n(n-1)/2 for n items.
    pub fn pair_count(&self) -> usize {
        let n = self.pairable_indices().len();
        n * n.saturating_sub(1) / 2
    }

    /// (pairs decided, pairs in all) for the matrix method. "Can't decide" counts as decided:
    /// the group has discussed the pair and its reason is recorded.
    pub fn progress(&self) -> (usize, usize) {
        (self.counted_outcomes().len(), self.pair_count())
    }

    /// Whether the results are final. Matrix: every pair decided. Quick mode: the order is
    /// found (its total is the most questions it may need).
    pub fn results_status(&self) -> ResultsStatus {
        match self.method {
            RankingMethod::Matrix => {
                let (decided, total) = self.progress();
                ResultsStatus {
                    decided,
                    total,
                    complete: decided >= total,
                    quick: false,
                }
            }
            RankingMethod::Quick => {
                let (answered, most) = self.quick_progress();
                ResultsStatus {
                    decided: answered,
                    total: most,
                    complete: self.quick_order().is_some(),
                    quick: true,
                }
            }
        }
    }

    /// The order in which the matrix method asks every pair (ids; each pair exactly once).
    ///
    /// Built as a round robin by the circle method: in each round every item comes up once
    /// (once but for one item when n is odd), so each item's turns are spread evenly over the
    /// session. Each round is rotated so that it starts with a pair sharing no item with the
    /// pair that ended the round before, so the same item never comes up twice running: this
    /// is always possible from 5 items on (for 5, the rounds are also reordered). With 3 or 4
    /// items it cannot be avoided, and the order has the fewest repeats possible (2).
    /// Every item is shown first (on the left) as often as second, give or take one, so
    /// neither side of the screen favours an item. Deterministic: the same items in the same
    /// order give the same schedule.
    pub fn schedule(&self) -> Vec<(String, String)> {
        let indices = self.pairable_indices();
        balanced_schedule(indices.len())
            .into_iter()
            .map(|(first, second)| {
                (
                    self.items[indices[first]].id.clone(),
                    self.items[indices[second]].id.clone(),
                )
            })
            .collect()
    }

    /// The first pair of the schedule not yet decided, so leaving and coming back resumes
    /// where the group was. None when every pair is decided.
    pub fn next_pair(&self) -> Option<(String, String)> {
        let outcomes = self.counted_outcomes();
        self.schedule()
            .into_iter()
            .find(|(a, b)| match (self.index_of(a), self.index_of(b)) {
                (Some(x), Some(y)) => !outcomes.contains_key(&(x.min(y), x.max(y))),
                _ => false,
            })
    }

    /// Each item's wins, ties and score, in item order.
    pub fn scores(&self) -> Vec<ItemScore> {
        let mut wins = vec![0u32; self.items.len()];
        let mut ties = vec![0u32; self.items.len()];
        for ((low, high), counted) in self.counted_outcomes() {
            match counted {
                Counted::Won(winner) => wins[winner] += 1,
                Counted::Tie => {
                    ties[low] += 1;
                    ties[high] += 1;
                }
                Counted::Undecidable => {}
            }
        }
        self.items
            .iter()
            .enumerate()
            .map(|(index, item)| ItemScore {
                item_id: item.id.clone(),
                wins: wins[index],
                ties: ties[index],
                score: f64::from(wins[index]) + 0.5 * f64::from(ties[index]),
            })
            .collect()
    }

    /// The final table, best first.
    ///
    /// The rule:
    /// 1. Items are ranked by score (wins, plus half a point per tie).
    /// 2. Items with equal scores are ordered by their own results among themselves: for two
    ///    items, the cell of their pair; for three or more, the points each won against the
    ///    others of the tied group (a tie half a point). If that separates some but not all,
    ///    the rule is applied again to each still-level subset, counting only results within
    ///    that subset.
    /// 3. Items still level (a tied or "can't decide" cell, a cycle such as A>B>C>A) share a rank,
    ///    written "=3"; the next rank is skipped. Shared items are listed in item order.
    ///
    /// `settled_by` says which step placed each item. Where a pair among items sharing a
    /// rank is not decided yet, it says so ([`TieBreak::NotYetCompared`]) rather than
    /// claiming that no result separates them.
    pub fn standings(&self) -> Vec<Standing> {
        let scores = self.scores();
        let outcomes = self.counted_outcomes();
        // Half-points are whole numbers, so equal scores compare exactly.
        let half_points: Vec<u32> = scores
            .iter()
            .map(|s| s.wins.saturating_mul(2).saturating_add(s.ties))
            .collect();
        let mut by_score: Vec<usize> = (0..self.items.len()).collect();
        crate::model::order::sort_by(&mut by_score, |&x, &y| {
            half_points[y].cmp(&half_points[x]).then(x.cmp(&y))
        });

        let mut standings = Vec::with_capacity(self.items.len());
        let mut start = 0;
        while start < by_score.len() {
            let mut end = start + 1;
            while end < by_score.len() && half_points[by_score[end]] == half_points[by_score[start]]
            {
                end += 1;
            }
            let level = &by_score[start..end];
            for tier in order_by_head_to_head(level, &outcomes) {
                let rank = standings.len() + 1;
                let shared = tier.len() > 1;
                for &index in &tier {
                    let settled_by = if level.len() == 1 {
                        TieBreak::NotTied
                    } else if shared && has_undecided_pair(&tier, &outcomes) {
                        TieBreak::NotYetCompared {
                            with: self.ids_except(&tier, index),
                        }
                    } else if shared {
                        TieBreak::Shared {
                            with: self.ids_except(&tier, index),
                        }
                    } else {
                        TieBreak::HeadToHead {
                            level_with: self.ids_except(level, index),
                        }
                    };
                    standings.push(Standing {
                        item_id: self.items[index].id.clone(),
                        score: scores[index].score,
                        rank,
                        shared,
                        settled_by,
                    });
                }
            }
            start = end;
        }
        standings
    }

    /// The ids of `group` but `except`, in item order.
    fn ids_except(&self, group: &[usize], except: usize) -> Vec<String> {
        let mut others: Vec<usize> = group.iter().copied().filter(|&i| i != except).collect();
        others.sort_unstable();
        others
            .into_iter()
            .map(|i| self.items[i].id.clone())
            .collect()
    }
}

/// Splits a group of equal-score items into tiers, best first, by their results among
/// themselves (see [`Ranking::standings`]). Each tier is one rank; a tier of several shares it.
fn order_by_head_to_head(
    group: &[usize],
    outcomes: &HashMap<(usize, usize), Counted>,
) -> Vec<Vec<usize>> {
    if group.len() < 2 {
        return vec![group.to_vec()];
    }
    let mut points: HashMap<usize, u32> = group.iter().map(|&i| (i, 0)).collect();
    for (position, &x) in group.iter().enumerate() {
        for &y in &group[position + 1..] {
            match outcomes.get(&(x.min(y), x.max(y))) {
                Some(Counted::Won(winner)) => {
                    *points.entry(*winner).or_default() += 2;
                }
                Some(Counted::Tie) => {
                    *points.entry(x).or_default() += 1;
                    *points.entry(y).or_default() += 1;
                }
                Some(Counted::Undecidable) | None => {}
            }
        }
    }
    let mut distinct: Vec<u32> = points.values().copied().collect();
    distinct.sort_unstable_by(|p, q| q.cmp(p));
    distinct.dedup();
    if distinct.len() == 1 {
        // Nothing among them separates them: they share the rank, in item order.
        let mut tier = group.to_vec();
        tier.sort_unstable();
        return vec![tier];
    }
    let mut tiers = Vec::new();
    for level in distinct {
        let mut subset: Vec<usize> = group
            .iter()
            .copied()
            .filter(|i| points.get(i) == Some(&level))
            .collect();
        subset.sort_unstable();
        // Each subset is smaller than the group, so this ends.
        tiers.extend(order_by_head_to_head(&subset, outcomes));
    }
    tiers
}

/// Every pair of `n` positions, in the order [`Ranking::schedule`] describes.
pub(super) fn balanced_schedule(n: usize) -> Vec<(usize, usize)> {
    if n < 2 {
        return Vec::new();
    }
    let rounds = circle_rounds(n);
    if n <= 5 {
        fewest_repeats_by_search(&rounds)
    } else {
        rotations_without_repeats(&rounds)
    }
}

/// The circle method: position `slots - 1` stays put while the others turn one place a
/// round. With an odd count, a dummy slot makes it even and its pairs are left out (the item
/// meeting the dummy sits the round out).
///
/// Which item of a pair is shown first alternates as in Berger tables (the fixed one by
/// round, the others by table), so every item is shown first as often as second, or once
/// more or less.
fn circle_rounds(n: usize) -> Vec<Vec<(usize, usize)>> {
    let slots = n + n % 2;
    let turning = slots - 1;
    (0..turning)
        .map(|round| {
            let mut pairs = vec![if round % 2 == 0 {
                (round, turning)
            } else {
                (turning, round)
            }];
            for k in 1..slots / 2 {
                let (x, y) = ((round + k) % turning, (round + turning - k) % turning);
                pairs.push(if k % 2 == 1 { (x, y) } else { (y, x) });
            }
            pairs.retain(|&(x, y)| x < n && y < n);
            pairs
        })
        .collect()
}

pub(super) fn share_an_item(p: (usize, usize), q: (usize, usize)) -> bool {
    p.0 == q.0 || p.0 == q.1 || p.1 == q.0 || p.1 == q.1
}

/// The round rotated to start at `start`.
fn rotated(round: &[(usize, usize)], start: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    round[start..].iter().chain(&round[..start]).copied()
}

/// Chooses each round's rotation so no round starts with an item the previous round ended
/// with. With 3 or more pairs a round (n >= 6), at most two of a round's pairs touch the
/// previous round's last pair, so such a rotation always exists. Dynamic programming over
/// the rotations finds a sequence with the fewest repeats (none), taking the earliest
/// rotation on ties so the result is deterministic.
fn rotations_without_repeats(rounds: &[Vec<(usize, usize)>]) -> Vec<(usize, usize)> {
    // repeats[r][s]: fewest repeats up to round r when round r starts at s; from[r][s] the
    // rotation of round r-1 that achieves it.
    let mut repeats: Vec<Vec<usize>> = Vec::with_capacity(rounds.len());
    let mut from: Vec<Vec<usize>> = Vec::with_capacity(rounds.len());
    for (r, round) in rounds.iter().enumerate() {
        if r == 0 {
            repeats.push(vec![0; round.len()]);
            from.push(vec![0; round.len()]);
            continue;
        }
        let previous = &rounds[r - 1];
        let mut best = Vec::with_capacity(round.len());
        let mut best_from = Vec::with_capacity(round.len());
        for &first in round.iter() {
            let mut choice = (usize::MAX, 0);
            for (s, &so_far) in repeats[r - 1].iter().enumerate() {
                let last = previous[(s + previous.len() - 1) % previous.len()];
                let total = so_far + usize::from(share_an_item(last, first));
                if total < choice.0 {
                    choice = (total, s);
                }
            }
            best.push(choice.0);
            best_from.push(choice.1);
        }
        repeats.push(best);
        from.push(best_from);
    }
    let mut starts = vec![0; rounds.len()];
    if let Some(last_round) = repeats.last() {
        let mut start = 0;
        for (s, &count) in last_round.iter().enumerate() {
            if count < last_round[start] {
                start = s;
            }
        }
        for r in (0..rounds.len()).rev() {
            starts[r] = start;
            start = from[r][start];
        }
    }
    rounds
        .iter()
        .zip(starts)
        .flat_map(|(round, start)| rotated(round, start))
        .collect()
}

/// For very few items (at most 5, so at most 5 rounds): tries every order of the rounds and
/// every rotation, keeping the first with the fewest repeats. Five items need the rounds
/// reordered; three and four cannot avoid repeats at all.
fn fewest_repeats_by_search(rounds: &[Vec<(usize, usize)>]) -> Vec<(usize, usize)> {
    fn count_repeats(sequence: &[(usize, usize)]) -> usize {
        sequence
            .windows(2)
            .filter(|w| share_an_item(w[0], w[1]))
            .count()
    }
    fn search(
        rounds: &[Vec<(usize, usize)>],
        used: &mut Vec<bool>,
        sequence: &mut Vec<(usize, usize)>,
        best: &mut Option<(usize, Vec<(usize, usize)>)>,
    ) {
        if best.as_ref().is_some_and(|(count, _)| *count == 0) {
            return;
        }
        if used.iter().all(|&u| u) {
            let count = count_repeats(sequence);
            if best.as_ref().is_none_or(|(fewest, _)| count < *fewest) {
                *best = Some((count, sequence.clone()));
            }
            return;
        }
        for r in 0..rounds.len() {
            if used[r] {
                continue;
            }
            for start in 0..rounds[r].len() {
                let length = sequence.len();
                sequence.extend(rotated(&rounds[r], start));
                used[r] = true;
                search(rounds, used, sequence, best);
                used[r] = false;
                sequence.truncate(length);
            }
        }
    }
    let mut best = None;
    search(
        rounds,
        &mut vec![false; rounds.len()],
        &mut Vec::new(),
        &mut best,
    );
    best.map(|(_, sequence)| sequence).unwrap_or_default()
}
