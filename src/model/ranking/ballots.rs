//! Private ballots: each participant, in turn, decides the pairs alone at the laptop, with
//! the matrix or quick mode. A ballot is the participant's own decisions over the ranking's
//! items; it reuses the group's rules by being read as a [`Ranking`] of its own.
//!
//! A participant is a generalised identifier ("Participant 3 (CBO)"), never a name. A ballot
//! can be revised until it is handed over ([`Ballot::handed_over`]); after that it is sealed.

use super::*;

/// One participant's ballot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub id: String,
    /// "Participant 3 (CBO)": a generalised identifier, never a name.
    pub label: String,
    /// The workshop group the participant belongs to, if any (its id).
    #[serde(default)]
    pub group_id: String,
    #[serde(default)]
    pub method: RankingMethod,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Set when the participant hands the laptop on: the ballot is sealed from then on.
    #[serde(default)]
    pub handed_over: bool,
}

impl Ballot {
    /// The ballot as a ranking of the same items, so every rule of the group's matrix (the
    /// schedule, the next pair, quick mode, scores, standings) applies to it unchanged.
    pub fn as_ranking(&self, items: &[RankItem]) -> Ranking {
        Ranking {
            method: self.method,
            items: items.to_vec(),
            decisions: self.decisions.clone(),
            drafts: Vec::new(),
            ballots: Vec::new(),
            results_revealed: false,
        }
    }
}
