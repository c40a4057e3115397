//! Several groups' rankings of the same items, side by side.

use super::*;

// ----- Comparing groups ----------------------------------------------------------------

/// Kendall's rank correlation tau-b between two paired lists of values (ranks or scores),
/// from −1 (reversed) through 0 to 1 (the same order), with the correction for ties:
///
/// tau-b = (concordant − discordant) / √((n0 − tied_x) · (n0 − tied_y)),
/// n0 = n(n − 1)/2, tied_x = pairs tied in `x`, tied_y = pairs tied in `y`.
///
/// None when it is undefined: lists of different lengths, fewer than 2 items, a value that
/// is not a finite number, or either list constant.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 || x.iter().chain(y).any(|v| !v.is_finite()) {
        return None;
    }
    let n = x.len();
    let (mut concordant, mut discordant, mut tied_x, mut tied_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            let dx = x[i].partial_cmp(&x[j])?;
            let dy = y[i].partial_cmp(&y[j])?;
            use std::cmp::Ordering::Equal;
            match (dx, dy) {
                (Equal, Equal) => {
                    tied_x += 1;
                    tied_y += 1;
                }
                (Equal, _) => tied_x += 1,
                (_, Equal) => tied_y += 1,
                _ if dx == dy => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let pairs = (n * (n - 1) / 2) as i64;
    let denominator = ((pairs - tied_x) as f64 * (pairs - tied_y) as f64).sqrt();
    if denominator <= 0.0 {
        return None;
    }
    Some((concordant - discordant) as f64 / denominator)
}

/// Several groups' rankings of the same items, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The group labels, in the order given.
    pub groups: Vec<String>,
    /// One row per item, most disputed first.
    pub items: Vec<ComparedItem>,
    /// Agreement for every pair of groups.
    pub agreements: Vec<GroupAgreement>,
}

impl Comparison {
    /// An item's rank in one group as the table shows it: "3", "=3" when another item shares
    /// that rank in the same group, or "—" when the group did not rank it.
    pub fn rank_text(&self, item: usize, group: usize) -> String {
        let rank_of = |i: &ComparedItem| i.ranks.get(group).copied().flatten();
        let Some(rank) = self.items.get(item).and_then(rank_of) else {
            return "—".to_string();
        };
        let sharing = self
            .items
            .iter()
            .filter(|other| rank_of(other) == Some(rank))
            .count();
        if sharing > 1 {
            format!("={rank}")
        } else {
            rank.to_string()
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComparedItem {
    /// The label as the first group to have it wrote it (trimmed). A label a group used
    /// twice gets " (2)", " (3)" … on its later items, matched the same way across groups.
    pub label: String,
    /// The rank in each group, in the order of [`Comparison::groups`]; None where the group
    /// did not rank this item.
    pub ranks: Vec<Option<usize>>,
    /// Highest rank minus lowest across the groups that ranked it: how much the groups
    /// disagree. None when fewer than two groups ranked it.
    pub spread: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupAgreement {
    /// Indices into [`Comparison::groups`], `first < second`.
    pub first: usize,
    pub second: usize,
    /// Items both groups ranked: tau-b is computed over these.
    pub common_items: usize,
    /// Kendall's tau-b of the two groups' ranks; None when undefined (see [`kendall_tau_b`]).
    pub tau_b: Option<f64>,
}

/// The key that matches labels across groups: trimmed, inner spaces collapsed, lower case.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Sets the groups' rankings side by side, matching items by label (see [`label_key`]).
/// Each group's ranks come from its own method ([`Ranking::method_ranks`]). Ranks are
/// never summed across groups. Items are ordered by `spread`, largest first (items fewer
/// than two groups ranked come last), then in the order first met.
pub fn compare(rankings: &[(String, &Ranking)]) -> Comparison {
    let groups: Vec<String> = rankings.iter().map(|(label, _)| label.clone()).collect();
    let mut rows: Vec<ComparedItem> = Vec::new();
    let mut row_of_key: HashMap<String, usize> = HashMap::new();
    for (group, (_, ranking)) in rankings.iter().enumerate() {
        let rank_of: HashMap<String, usize> = ranking.method_ranks().into_iter().collect();
        let mut uses_of_key: HashMap<String, usize> = HashMap::new();
        for item in &ranking.items {
            let Some(&rank) = rank_of.get(&item.id) else {
                continue;
            };
            let base = label_key(&item.label);
            let uses = uses_of_key.entry(base.clone()).or_default();
            *uses += 1;
            let (key, shown) = if *uses == 1 {
                (base, item.label.trim().to_string())
            } else {
                (
                    format!("{base} ({uses})"),
                    format!("{} ({uses})", item.label.trim()),
                )
            };
            let row = *row_of_key.entry(key).or_insert_with(|| {
                rows.push(ComparedItem {
                    label: shown,
                    ranks: vec![None; rankings.len()],
                    spread: None,
                });
                rows.len() - 1
            });
            // A later duplicate id in a damaged file does not overwrite the first.
            if rows[row].ranks[group].is_none() {
                rows[row].ranks[group] = Some(rank);
            }
        }
    }
    for row in &mut rows {
        let present: Vec<usize> = row.ranks.iter().flatten().copied().collect();
        if present.len() >= 2 {
            let highest = present.iter().max().copied().unwrap_or(0);
            let lowest = present.iter().min().copied().unwrap_or(0);
            row.spread = Some(highest - lowest);
        }
    }

    let mut agreements = Vec::new();
    for first in 0..groups.len() {
        for second in first + 1..groups.len() {
            let (x, y): (Vec<f64>, Vec<f64>) = rows
                .iter()
                .filter_map(|row| match (row.ranks[first], row.ranks[second]) {
                    (Some(p), Some(q)) => Some((p as f64, q as f64)),
                    _ => None,
                })
                .unzip();
            agreements.push(GroupAgreement {
                first,
                second,
                common_items: x.len(),
                tau_b: kendall_tau_b(&x, &y),
            });
        }
    }

    // Stable: equal spreads keep the order first met.
    crate::model::order::sort_by(&mut rows, |p, q| match (p.spread, q.spread) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Comparison {
        groups,
        items: rows,
        agreements,
    }
}
