//! Consistency of one set of decisions: circular triads (A beats B, B beats C, C beats A) and
//! Kendall's coefficient of consistence ζ. It applies to any [`Ranking`]: the group's matrix,
//! and each participant's ballot read through [`Ballot::as_ranking`].

use super::*;

/// Three items whose decisions go round in a circle.
///
/// Written in cycle order, starting from the member that comes first in the item list:
/// `items[0]` beats `items[1]`, `items[1]` beats `items[2]`, and `items[2]` beats `items[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triad {
    pub items: [String; 3],
}

/// How consistent one set of decisions is.
#[derive(Debug, Clone, PartialEq)]
pub struct Consistency {
    /// Every circular triad, ordered by the item-list positions of its members (first member,
    /// then second, then third), so the list is the same on every run.
    pub triads: Vec<Triad>,
    /// `triads.len()`: Kendall's c.
    pub circular_count: usize,
    /// Kendall's coefficient of consistence, from 1 (no circular triad) down to 0 (as many as
    /// n items can have). None with fewer than 3 items, and in quick mode.
    pub zeta: Option<f64>,
    /// n: the current items ζ is computed over (each id once).
    pub items_compared: usize,
}

impl Ranking {
    /// The circular triads among the decisions, and Kendall's ζ.
    ///
    /// Only pairs with a winner count: a tie or "can't decide" takes no part in a triad, and
    /// neither does a pair not decided yet. Decisions naming items that are no longer in the
    /// list are ignored, and a pair decided twice (a damaged file) counts once, the first, as
    /// in [`Ranking::decision_for`].
    ///
    /// ζ (Kendall and Babington Smith, 1940) over the n current items, c circular triads:
    /// - n odd: ζ = 1 − 24c / (n³ − n);
    /// - n even: ζ = 1 − 24c / (n³ − 4n).
    ///
    /// The denominators are 24 times the most circular triads n items can have, so ζ is 0 at
    /// that maximum. The formula assumes every pair has a winner: while pairs are tied or
    /// undecided there are fewer chances for a triad, and ζ can only read as more consistent
    /// than a full set of decisions would.
    ///
    /// Quick mode asks only the questions that sorting needs and reads the answers as one
    /// consistent order, so it never asks the pairs that would reveal a circle: it reports
    /// no triads and no ζ (None), which means "not measured", not "consistent".
    pub fn consistency(&self) -> Consistency {
        let indices = self.pairable_indices();
        let n = indices.len();
        if self.method == RankingMethod::Quick {
            return Consistency {
                triads: Vec::new(),
                circular_count: 0,
                zeta: None,
                items_compared: n,
            };
        }
        let beats = self.beats_matrix(&indices);
        let mut triads = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                for k in j + 1..n {
                    let cycle = if beats[i][j] && beats[j][k] && beats[k][i] {
                        Some([i, j, k])
                    } else if beats[i][k] && beats[k][j] && beats[j][i] {
                        Some([i, k, j])
                    } else {
                        None
                    };
                    if let Some(members) = cycle {
                        triads.push(Triad {
                            items: members.map(|m| self.items[indices[m]].id.clone()),
                        });
                    }
                }
            }
        }
        let circular_count = triads.len();
        Consistency {
            triads,
            circular_count,
            zeta: kendall_zeta(n, circular_count),
            items_compared: n,
        }
    }

    /// `beats[x][y]`: the item at `indices[x]` won its pair against the one at `indices[y]`.
    fn beats_matrix(&self, indices: &[usize]) -> Vec<Vec<bool>> {
        let n = indices.len();
        let mut position_of = vec![None; self.items.len()];
        for (position, &index) in indices.iter().enumerate() {
            position_of[index] = Some(position);
        }
        let mut beats = vec![vec![false; n]; n];
        for ((low, high), counted) in self.counted_outcomes() {
            let Counted::Won(winner) = counted else {
                continue;
            };
            let loser = if winner == low { high } else { low };
            if let (Some(Some(w)), Some(Some(l))) =
                (position_of.get(winner), position_of.get(loser))
            {
                beats[*w][*l] = true;
            }
        }
        beats
    }
}

/// Kendall's ζ for `circular` triads among `n` items (see [`Ranking::consistency`]); None
/// with fewer than 3 items.
pub fn kendall_zeta(n: usize, circular: usize) -> Option<f64> {
    if n < 3 {
        return None;
    }
    let n = n as f64;
    let denominator = if n as usize % 2 == 1 {
        n * n * n - n
    } else {
        n * n * n - 4.0 * n
    };
    Some(1.0 - 24.0 * circular as f64 / denominator)
}

/// The most circular triads `n` items can have (Kendall and Babington Smith): (n³ − n)/24 for
/// odd n, (n³ − 4n)/24 for even n; 0 below 3 items.
pub fn most_circular_triads(n: usize) -> usize {
    if n < 3 {
        return 0;
    }
    if n % 2 == 1 {
        (n * n * n - n) / 24
    } else {
        (n * n * n - 4 * n) / 24
    }
}
