//! Pair-wise ranking: the items, and the group's decision on each pair with its reason.

use super::Millis;
use serde::{Deserialize, Serialize};

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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    #[serde(default)]
    pub method: RankingMethod,
    #[serde(default)]
    pub items: Vec<RankItem>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Ranking {
    pub fn item(&self, id: &str) -> Option<&RankItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Every rule a stored ranking keeps: decisions name two different, existing items, once.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut pairs = std::collections::HashSet::new();
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
            let key = if decision.a < decision.b {
                (decision.a.as_str(), decision.b.as_str())
            } else {
                (decision.b.as_str(), decision.a.as_str())
            };
            if !pairs.insert(key) {
                problems.push(format!("decisions[{index}]: this pair was already decided"));
            }
        }
        problems
    }
}
