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
//! [`Ranking::consistency`] counts circular triads (A > B > C > A) in any set of decisions,
//! with Kendall's ζ. [`Ranking::aggregate`] pools the participants' sealed ballots into
//! Bradley–Terry strengths with bootstrap intervals, Kendall's W, and where the ballots
//! disagree with the group's own decision.
//!
//! Nothing here trusts its input: unknown ids, duplicates and empty lists are refused or
//! ignored, never a panic.

mod aggregate;
mod ballots;
mod compare;
mod consistency;
mod matrix;
mod quick;

pub use aggregate::{
    Aggregate, AggregateItem, Disagreement, ParticipantOrder, AGGREGATE_METHOD_NOTE,
    VIRTUAL_TIE_WEIGHT,
};
pub use ballots::Ballot;
pub use compare::{compare, kendall_tau_b, ComparedItem, Comparison, GroupAgreement};
pub use consistency::{kendall_zeta, most_circular_triads, Consistency, Triad};
pub use quick::{
    binary_insertion_bound, comparison_lower_bound, ford_johnson_bound, quick_session, quick_step,
};

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
    /// The participants' private ballots, in the order they were cast.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ballots: Vec<Ballot>,
    /// Whether the facilitator has revealed the ballots' results (hidden until then, so no
    /// one anchors on them).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub results_revealed: bool,
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
        problems.extend(self.check_ballots());
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
        // A ballot's decisions go with the item too (a sealed ballot as well: it keeps to the
        // items that are left), so no ballot names an item that no longer exists.
        for ballot in &mut self.ballots {
            ballot.decisions.retain(|d| d.a != id && d.b != id);
            ballot.drafts.retain(|d| d.a != id && d.b != id);
        }
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

#[cfg(test)]
mod tests {
    use super::matrix::{balanced_schedule, share_an_item};
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
