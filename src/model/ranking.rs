//! Pair-wise ranking: the items, and the group's decision on each pair with its reason.
//!
//! Two methods share the same items and decisions:
//! - the PLA **matrix** asks every pair once, in a balanced [`Ranking::schedule`]; an item's
//!   score is its wins plus half a point per tie, and [`Ranking::standings`] ranks by score
//!   with a head-to-head tie-break;
//! - the **quick** mode ([`quick_step`], [`Ranking::quick_next`]) asks only the questions
//!   Ford–Johnson merge-insertion needs to put the items in order.
//!
//! [`compare`] sets several groups' rankings side by side with Kendall's tau-b
//! ([`kendall_tau_b`]); ranks are never summed across groups, as the PLA literature warns.
//!
//! Nothing here trusts its input: unknown ids, duplicates and empty lists are refused or
//! ignored, never a panic.

use super::Millis;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankItem {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// What the group decided for one pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The item with this id matters more.
    Wins(String),
    /// Both matter as much: half a point each.
    Tie,
    /// The group could not decide; no points, and the reason is kept.
    CantDecide,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub a: String,
    pub b: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub reason: String,
    pub decided_at: Millis,
}

/// The PLA matrix (every pair) or the adaptive quick mode (fewest questions).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankingMethod {
    #[default]
    Matrix,
    Quick,
}

/// A reason typed for a pair the group has not decided yet. It belongs to that pair: it
/// survives leaving the screen and a reload, becomes the decision's reason when the pair is
/// decided, and is never shown on another pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftReason {
    pub a: String,
    pub b: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    #[serde(default)]
    pub method: RankingMethod,
    #[serde(default)]
    pub items: Vec<RankItem>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Reasons typed for pairs not yet decided, one per pair.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<DraftReason>,
}

/// How far the group is: results are provisional until every question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultsStatus {
    /// Pairs decided (matrix) or questions answered (quick mode).
    pub decided: usize,
    /// Pairs in all (matrix), or the most questions quick mode may still need.
    pub total: usize,
    pub complete: bool,
    /// Quick mode counts questions, and its total is only the most it may need.
    pub quick: bool,
}

impl ResultsStatus {
    /// What the results screen and every export say while the ranking is unfinished.
    pub fn provisional_note(&self) -> Option<String> {
        if self.complete {
            return None;
        }
        Some(if self.quick {
            format!(
                "{} questions answered (at most {} needed): the order is provisional",
                self.decided, self.total
            )
        } else {
            format!(
                "{} of {} pairs decided: ranks are provisional",
                self.decided, self.total
            )
        })
    }
}

/// One item's points in the matrix method.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemScore {
    pub item_id: String,
    pub wins: u32,
    pub ties: u32,
    /// `wins + 0.5 * ties`. "Can't decide" gives no points.
    pub score: f64,
}

/// How an item's place among items with the same score was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieBreak {
    /// No other item has the same score.
    NotTied,
    /// Other items have the same score (`level_with`: their ids, in item order), and the
    /// results among those items placed this one. Whom it is ahead of and behind is its
    /// order against them in the standings.
    HeadToHead { level_with: Vec<String> },
    /// No result separates this item from `with` (ids, in item order): they share the rank.
    Shared { with: Vec<String> },
    /// Level on points with `with` (ids, in item order), and some pair among them is not
    /// decided yet: they share the rank for now, and nothing is claimed about why.
    NotYetCompared { with: Vec<String> },
}

/// One line of the final table, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub item_id: String,
    pub score: f64,
    /// 1-based; items that share a place share its number and the next place is skipped
    /// (1, 2, =3, =3, 5).
    pub rank: usize,
    /// Another item has the same rank: shown as "=3".
    pub shared: bool,
    pub settled_by: TieBreak,
}

impl Standing {
    /// The rank as a report writes it: "3", or "=3" when shared.
    pub fn rank_label(&self) -> String {
        if self.shared {
            format!("={}", self.rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// What quick mode needs next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuickStep {
    /// Ask the group: which of these two (ids) matters more?
    Ask(String, String),
    /// Every question is answered: the ids, best first.
    Done(Vec<String>),
}

/// A quick-mode step and how many answers it already used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickSession {
    pub next: QuickStep,
    /// Questions answered so far on the way to `next`.
    pub answered: usize,
}

impl Ranking {
    pub fn item(&self, id: &str) -> Option<&RankItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The position of the first item with this id.
    fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// Every rule a stored ranking keeps: item ids are non-empty and unique; decisions name
    /// two different, existing items, once.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for (index, item) in self.items.iter().enumerate() {
            if item.id.is_empty() {
                problems.push(format!("items[{index}]: the id is empty"));
            } else if !ids.insert(item.id.as_str()) {
                problems.push(format!(
                    "items[{index}]: the id {:?} is used twice",
                    item.id
                ));
            }
        }
        let mut pairs = HashSet::new();
        for (index, decision) in self.decisions.iter().enumerate() {
            for side in [&decision.a, &decision.b] {
                if self.item(side).is_none() {
                    problems.push(format!("decisions[{index}]: item {side:?} does not exist"));
                }
            }
            if decision.a == decision.b {
                problems.push(format!(
                    "decisions[{index}]: an item is compared with itself"
                ));
            }
            if let Outcome::Wins(winner) = &decision.outcome {
                if winner != &decision.a && winner != &decision.b {
                    problems.push(format!(
                        "decisions[{index}]: the winner {winner:?} is not one of the pair"
                    ));
                }
            }
            if !pairs.insert(pair_key(&decision.a, &decision.b)) {
                problems.push(format!("decisions[{index}]: this pair was already decided"));
            }
        }
        problems
    }

    // ----- Items -------------------------------------------------------------------------

    /// One item label per non-empty line, trimmed, in order. The caller gives each an id.
    pub fn items_from_lines(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Adds an item at the end. Refused (false) when the id is empty or already used.
    pub fn add_item(&mut self, id: String, label: String) -> bool {
        if id.is_empty() || self.item(&id).is_some() {
            return false;
        }
        self.items.push(RankItem {
            id,
            label,
            description: String::new(),
        });
        true
    }

    /// Relabels an item; false when there is no such item. Decisions refer to ids, so they
    /// stay as they are.
    pub fn rename_item(&mut self, id: &str, label: String) -> bool {
        match self.items.iter_mut().find(|i| i.id == id) {
            Some(item) => {
                item.label = label;
                true
            }
            None => false,
        }
    }

    /// Moves an item `offset` places (negative: towards the top), stopping at either end.
    /// True when it moved.
    pub fn move_item(&mut self, id: &str, offset: isize) -> bool {
        let Some(from) = self.index_of(id) else {
            return false;
        };
        let last = self.items.len() - 1;
        let to = if offset < 0 {
            from.saturating_sub(offset.unsigned_abs())
        } else {
            from.saturating_add(offset.unsigned_abs()).min(last)
        };
        if to == from {
            return false;
        }
        let item = self.items.remove(from);
        self.items.insert(to, item);
        true
    }

    /// Removes the item and every decision that named it, and returns those decisions (in
    /// their recorded order) so the caller can say what went with it. Nothing happens to an
    /// unknown id.
    pub fn remove_item(&mut self, id: &str) -> Vec<Decision> {
        let Some(index) = self.index_of(id) else {
            return Vec::new();
        };
        self.items.remove(index);
        if self.item(id).is_some() {
            // A damaged file held the id twice: the remaining item keeps the decisions.
            return Vec::new();
        }
        let (dropped, kept): (Vec<Decision>, Vec<Decision>) = std::mem::take(&mut self.decisions)
            .into_iter()
            .partition(|d| d.a == id || d.b == id);
        self.decisions = kept;
        self.drafts.retain(|d| d.a != id && d.b != id);
        dropped
    }

    // ----- Decisions ---------------------------------------------------------------------

    /// The decision on this pair, in either order.
    pub fn decision_for(&self, a: &str, b: &str) -> Option<&Decision> {
        if a == b {
            return None;
        }
        self.decisions.iter().find(|d| same_pair(d, a, b))
    }

    /// Records the group's decision on the pair, or revises it in place (a revision keeps
    /// the decision's position in the record). Refused (false) when either item is unknown,
    /// an item is paired with itself, or the winner is not one of the pair.
    pub fn decide(
        &mut self,
        a: &str,
        b: &str,
        outcome: Outcome,
        reason: String,
        at: Millis,
    ) -> bool {
        if a == b || self.item(a).is_none() || self.item(b).is_none() {
            return false;
        }
        if let Outcome::Wins(winner) = &outcome {
            if winner != a && winner != b {
                return false;
            }
        }
        let decision = Decision {
            a: a.to_string(),
            b: b.to_string(),
            outcome,
            reason,
            decided_at: at,
        };
        match self.decisions.iter().position(|d| same_pair(d, a, b)) {
            Some(index) => {
                self.decisions[index] = decision;
                // A damaged file may hold the pair again further on; one decision per pair.
                let mut seen_first = false;
                self.decisions.retain(|d| {
                    if !same_pair(d, a, b) {
                        return true;
                    }
                    let keep = !seen_first;
                    seen_first = true;
                    keep
                });
            }
            None => self.decisions.push(decision),
        }
        self.drafts.retain(|d| !same_draft_pair(d, a, b));
        true
    }

    /// The pair on the decide screen: a pair being revisited (while both its items exist),
    /// else the method's next question. None when every question is answered.
    pub fn current_pair(&self, revisit: Option<&(String, String)>) -> Option<(String, String)> {
        if let Some((a, b)) = revisit {
            if a != b && self.item(a).is_some() && self.item(b).is_some() {
                return Some((a.clone(), b.clone()));
            }
        }
        match self.method {
            RankingMethod::Matrix => self.next_pair(),
            RankingMethod::Quick => match self.quick_next() {
                QuickStep::Ask(a, b) => Some((a, b)),
                QuickStep::Done(_) => None,
            },
        }
    }

    /// Where Backspace goes from `current`: the decision recorded just before it, or, when
    /// `current` is not decided (or there is none), the last decision. None at the first.
    pub fn previous_pair(&self, current: Option<&(String, String)>) -> Option<(String, String)> {
        let position =
            current.and_then(|(a, b)| self.decisions.iter().position(|d| same_pair(d, a, b)));
        let index = match position {
            Some(0) => return None,
            Some(i) => i - 1,
            None => self.decisions.len().checked_sub(1)?,
        };
        self.decisions
            .get(index)
            .map(|d| (d.a.clone(), d.b.clone()))
    }

    /// The reason box's text for a pair: the decision's reason once it is decided, before
    /// that the draft typed for it. (Deciding takes the draft, so a decided pair has none;
    /// one found in a file beside a decision is stale and the decision's reason wins.)
    pub fn reason_for(&self, a: &str, b: &str) -> String {
        if let Some(decision) = self.decision_for(a, b) {
            return decision.reason.clone();
        }
        self.drafts
            .iter()
            .find(|d| same_draft_pair(d, a, b))
            .map(|d| d.text.clone())
            .unwrap_or_default()
    }

    /// Keeps what was typed in the reason box for this pair. On a decided pair it is the
    /// decision's reason at once; on an undecided pair it is kept as the pair's draft (empty
    /// text removes the draft). Refused (false) for an unknown item or an item paired with
    /// itself, so a draft can never belong to a pair that does not exist.
    pub fn write_reason(&mut self, a: &str, b: &str, text: String) -> bool {
        if a == b || self.item(a).is_none() || self.item(b).is_none() {
            return false;
        }
        if let Some(decision) = self.decisions.iter_mut().find(|d| same_pair(d, a, b)) {
            decision.reason = text;
            self.drafts.retain(|d| !same_draft_pair(d, a, b));
            return true;
        }
        if text.is_empty() {
            self.drafts.retain(|d| !same_draft_pair(d, a, b));
        } else if let Some(draft) = self.drafts.iter_mut().find(|d| same_draft_pair(d, a, b)) {
            draft.text = text;
        } else {
            self.drafts.push(DraftReason {
                a: a.to_string(),
                b: b.to_string(),
                text,
            });
        }
        true
    }

    /// Takes back the decision on the pair and returns it.
    pub fn undecide(&mut self, a: &str, b: &str) -> Option<Decision> {
        if a == b {
            return None;
        }
        let index = self.decisions.iter().position(|d| same_pair(d, a, b))?;
        let removed = self.decisions.remove(index);
        self.decisions.retain(|d| !same_pair(d, a, b));
        Some(removed)
    }

    /// The item indices (first item with each id) and the decision that counts for each
    /// decided pair, keyed by (lower index, higher index). Decisions naming unknown items,
    /// pairing an item with itself, or naming a winner outside the pair do not count; when a
    /// damaged file holds a pair twice, the first counts, as in [`Ranking::decision_for`].
    fn counted_outcomes(&self) -> HashMap<(usize, usize), Counted> {
        let mut outcomes = HashMap::new();
        for decision in &self.decisions {
            let (Some(a), Some(b)) = (self.index_of(&decision.a), self.index_of(&decision.b))
            else {
                continue;
            };
            if a == b {
                continue;
            }
            let key = (a.min(b), a.max(b));
            if outcomes.contains_key(&key) {
                continue;
            }
            let counted = match &decision.outcome {
                Outcome::Wins(winner) if *winner == decision.a => Counted::Won(a),
                Outcome::Wins(winner) if *winner == decision.b => Counted::Won(b),
                Outcome::Wins(_) => continue,
                Outcome::Tie => Counted::Tie,
                Outcome::CantDecide => Counted::Undecidable,
            };
            outcomes.insert(key, counted);
        }
        outcomes
    }

    /// The indices of the items that can be paired: the first item with each id. (Only a
    /// damaged file has an id twice.)
    fn pairable_indices(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        (0..self.items.len())
            .filter(|&index| seen.insert(self.items[index].id.as_str()))
            .collect()
    }

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
        by_score.sort_by(|&x, &y| half_points[y].cmp(&half_points[x]).then(x.cmp(&y)));

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

/// A decided pair as the scores count it, by item index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    Won(usize),
    Tie,
    Undecidable,
}

fn pair_key<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn same_pair(decision: &Decision, a: &str, b: &str) -> bool {
    (decision.a == a && decision.b == b) || (decision.a == b && decision.b == a)
}

/// True when some pair of `tier` has no decision at all ("can't decide" is a decision).
fn has_undecided_pair(tier: &[usize], outcomes: &HashMap<(usize, usize), Counted>) -> bool {
    tier.iter().enumerate().any(|(position, &x)| {
        tier[position + 1..]
            .iter()
            .any(|&y| !outcomes.contains_key(&(x.min(y), x.max(y))))
    })
}

fn same_draft_pair(draft: &DraftReason, a: &str, b: &str) -> bool {
    (draft.a == a && draft.b == b) || (draft.a == b && draft.b == a)
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
fn balanced_schedule(n: usize) -> Vec<(usize, usize)> {
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

fn share_an_item(p: (usize, usize), q: (usize, usize)) -> bool {
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
    rows.sort_by(|p, q| match (p.spread, q.spread) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ranking(labels: &[&str]) -> Ranking {
        let mut r = Ranking::default();
        for label in labels {
            assert!(r.add_item(label.to_lowercase(), label.to_string()));
        }
        r
    }

    #[test]
    fn decide_revises_in_place_and_refuses_nonsense() {
        let mut r = ranking(&["A", "B", "C"]);
        assert!(r.decide("a", "b", Outcome::Wins("a".into()), "first".into(), 1.0));
        assert!(r.decide("b", "c", Outcome::Tie, String::new(), 2.0));
        assert!(r.decide("b", "a", Outcome::Wins("b".into()), "revised".into(), 3.0));
        assert_eq!(r.decisions.len(), 2);
        assert_eq!(r.decisions[0].reason, "revised");
        assert_eq!(r.decision_for("a", "b").map(|d| d.decided_at), Some(3.0));
        assert!(!r.decide("a", "a", Outcome::Tie, String::new(), 4.0));
        assert!(!r.decide("a", "zzz", Outcome::Tie, String::new(), 4.0));
        assert!(!r.decide("a", "c", Outcome::Wins("b".into()), String::new(), 4.0));
        assert_eq!(r.decisions.len(), 2);
        assert!(r.check().is_empty());
    }

    #[test]
    fn removing_an_item_returns_its_decisions() {
        let mut r = ranking(&["A", "B", "C"]);
        r.decide("a", "b", Outcome::Tie, String::new(), 1.0);
        r.decide("b", "c", Outcome::CantDecide, "split".into(), 2.0);
        r.decide("a", "c", Outcome::Wins("c".into()), String::new(), 3.0);
        let dropped = r.remove_item("b");
        assert_eq!(dropped.len(), 2);
        assert_eq!(r.decisions.len(), 1);
        assert!(r.remove_item("b").is_empty());
        assert_eq!(r.undecide("c", "a").map(|d| d.decided_at), Some(3.0));
        assert!(r.decisions.is_empty());
    }

    #[test]
    fn move_item_stops_at_the_ends() {
        let mut r = ranking(&["A", "B", "C"]);
        assert!(r.move_item("a", 10));
        assert_eq!(r.items[2].id, "a");
        assert!(!r.move_item("a", 1));
        assert!(r.move_item("a", isize::MIN));
        assert_eq!(r.items[0].id, "a");
        assert!(!r.move_item("missing", 1));
    }

    #[test]
    fn small_schedules_have_the_fewest_repeats_possible() {
        for (n, repeats) in [(2, 0), (3, 2), (4, 2), (5, 0), (6, 0), (7, 0)] {
            let schedule = balanced_schedule(n);
            assert_eq!(schedule.len(), n * (n - 1) / 2);
            let found = schedule
                .windows(2)
                .filter(|w| share_an_item(w[0], w[1]))
                .count();
            assert_eq!(found, repeats, "n = {n}: {schedule:?}");
        }
    }

    #[test]
    fn a_three_way_cycle_shares_the_rank() {
        let mut r = ranking(&["A", "B", "C", "D"]);
        r.decide("a", "b", Outcome::Wins("a".into()), String::new(), 1.0);
        r.decide("b", "c", Outcome::Wins("b".into()), String::new(), 1.0);
        r.decide("c", "a", Outcome::Wins("c".into()), String::new(), 1.0);
        for other in ["a", "b", "c"] {
            r.decide(other, "d", Outcome::Wins(other.into()), String::new(), 1.0);
        }
        let standings = r.standings();
        let ranks: Vec<String> = standings.iter().map(Standing::rank_label).collect();
        assert_eq!(ranks, ["=1", "=1", "=1", "4"]);
        assert_eq!(
            standings[0].settled_by,
            TieBreak::Shared {
                with: vec!["b".into(), "c".into()]
            }
        );
        assert_eq!(standings[3].settled_by, TieBreak::NotTied);
    }

    #[test]
    fn bounds_match_the_literature() {
        assert_eq!(binary_insertion_bound(30), 119);
        assert_eq!(ford_johnson_bound(30), 111);
        assert_eq!(comparison_lower_bound(30), 108);
        // Ford–Johnson's worst case for 1..=12 items (Knuth, TAOCP vol. 3, 5.3.1).
        let known = [0, 1, 3, 5, 7, 10, 13, 16, 19, 22, 26, 30];
        for (n, &f) in known.iter().enumerate() {
            assert_eq!(ford_johnson_bound(n + 1), f, "n = {}", n + 1);
        }
    }
}
