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
    /// Reasons typed on this ballot for pairs it has not decided yet (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<DraftReason>,
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
            drafts: self.drafts.clone(),
            ballots: Vec::new(),
            results_revealed: false,
        }
    }
}

impl Ranking {
    pub fn ballot(&self, id: &str) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.id == id)
    }

    /// The ballot being cast: the last one, while it is not handed over. At most one is open
    /// at a time, as there is one laptop.
    pub fn open_ballot(&self) -> Option<&Ballot> {
        self.ballots.last().filter(|b| !b.handed_over)
    }

    /// The ballots handed over, which are the ones that count.
    pub fn sealed_ballots(&self) -> impl Iterator<Item = &Ballot> {
        self.ballots.iter().filter(|b| b.handed_over)
    }

    /// The ballot as a ranking of this ranking's items (see [`Ballot::as_ranking`]).
    pub fn ballot_ranking(&self, id: &str) -> Option<Ranking> {
        self.ballot(id).map(|b| b.as_ranking(&self.items))
    }

    /// Starts the next participant's ballot, with the ranking's method. Refused (false) while
    /// another ballot is open, for an id already used, or with fewer than two items. Starting
    /// a ballot hides the results again until the facilitator reveals them.
    pub fn start_ballot(&mut self, id: String, label: String, group_id: String) -> bool {
        if self.open_ballot().is_some() || self.ballot(&id).is_some() || self.items.len() < 2 {
            return false;
        }
        self.ballots.push(Ballot {
            id,
            label,
            group_id,
            method: self.method,
            ..Ballot::default()
        });
        self.results_revealed = false;
        true
    }

    /// Applies `change` to the ballot read as a ranking (decide, write a reason, revise), and
    /// keeps its decisions and drafts. None, and nothing changes, for an unknown or sealed
    /// ballot: a ballot is the participant's to revise only until it is handed over.
    pub fn edit_ballot<R>(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut Ranking) -> R,
    ) -> Option<R> {
        let items = &self.items;
        let ballot = self
            .ballots
            .iter_mut()
            .find(|b| b.id == id && !b.handed_over)?;
        let mut own = ballot.as_ranking(items);
        let result = change(&mut own);
        ballot.decisions = own.decisions;
        ballot.drafts = own.drafts;
        Some(result)
    }

    /// Seals the ballot: it counts from now on, and can no longer be revised. Refused (false)
    /// for an unknown ballot, one already handed over, or one not finished (every pair
    /// decided, or the quick order found).
    pub fn hand_over(&mut self, id: &str) -> bool {
        let finished = self
            .ballot_ranking(id)
            .is_some_and(|own| own.results_status().complete);
        match self.ballots.iter_mut().find(|b| b.id == id) {
            Some(ballot) if finished && !ballot.handed_over => {
                ballot.handed_over = true;
                true
            }
            _ => false,
        }
    }

    /// Throws a ballot away (the facilitator's call, for one abandoned half way). Returns it.
    pub fn discard_ballot(&mut self, id: &str) -> Option<Ballot> {
        let index = self.ballots.iter().position(|b| b.id == id)?;
        Some(self.ballots.remove(index))
    }

    /// A label for the next participant: "Participant N", with the group's label in brackets
    /// when there is one ("Participant 3 (CBO)"), N one more than the ballots so far.
    pub fn next_participant_label(&self, group_label: &str) -> String {
        let n = self.ballots.len() + 1;
        let group = group_label.trim();
        if group.is_empty() {
            format!("Participant {n}")
        } else {
            format!("Participant {n} ({group})")
        }
    }

    /// The ballots' rules: unique, non-empty ids, and each ballot's decisions as valid as the
    /// group's (existing items, each pair once, a winner from the pair).
    pub(super) fn check_ballots(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for (index, ballot) in self.ballots.iter().enumerate() {
            if ballot.id.is_empty() {
                problems.push(format!("ballots[{index}]: the id is empty"));
            } else if !ids.insert(ballot.id.as_str()) {
                problems.push(format!(
                    "ballots[{index}]: the id {:?} is used twice",
                    ballot.id
                ));
            }
            // The items' own problems are the group's to report, once.
            for problem in ballot.as_ranking(&self.items).check() {
                if problem.starts_with("decisions[") {
                    problems.push(format!("ballots[{index}].{problem}"));
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranking(labels: &[&str]) -> Ranking {
        let mut r = Ranking::default();
        for (i, label) in labels.iter().enumerate() {
            r.add_item(format!("i{i}"), label.to_string());
        }
        r
    }

    #[test]
    fn a_ballot_is_cast_revised_and_sealed_and_then_cannot_change() {
        let mut r = ranking(&["A", "B", "C"]);
        assert!(r.start_ballot("b1".into(), r.next_participant_label("CBO"), "g".into()));
        assert_eq!(r.ballots[0].label, "Participant 1 (CBO)");
        // One ballot at a time.
        assert!(!r.start_ballot("b2".into(), "P2".into(), String::new()));
        // Decided as the group would, on the ballot only.
        while let Some((a, b)) = r
            .ballot_ranking("b1")
            .and_then(|own| own.current_pair(None))
        {
            let decided = r.edit_ballot("b1", |own| {
                own.decide(&a, &b, Outcome::Wins(a.clone()), String::new(), 1.0)
            });
            assert_eq!(decided, Some(true));
        }
        assert!(r.decisions.is_empty(), "the group's matrix is untouched");
        // Revised before handing over.
        let first = r.ballots[0].decisions[0].clone();
        r.edit_ballot("b1", |own| {
            own.decide(&first.a, &first.b, Outcome::Tie, "why".into(), 2.0)
        });
        assert_eq!(r.ballots[0].decisions[0].outcome, Outcome::Tie);
        assert!(r.hand_over("b1"));
        assert!(!r.hand_over("b1"), "once");
        // Sealed: no more changes.
        assert_eq!(
            r.edit_ballot("b1", |own| own.undecide(&first.a, &first.b)),
            None
        );
        assert_eq!(r.ballots[0].decisions.len(), 3);
        assert_eq!(r.sealed_ballots().count(), 1);
        assert!(r.check().is_empty(), "{:?}", r.check());
    }

    #[test]
    fn an_unfinished_ballot_is_not_handed_over_and_starting_one_hides_the_results() {
        let mut r = ranking(&["A", "B", "C"]);
        r.results_revealed = true;
        assert!(r.start_ballot("b1".into(), "P1".into(), String::new()));
        assert!(!r.results_revealed);
        assert!(!r.hand_over("b1"));
        assert!(r.open_ballot().is_some());
        assert!(r.discard_ballot("b1").is_some());
        assert!(r.open_ballot().is_none());
        // Too few items for a ballot.
        let mut one = ranking(&["A"]);
        assert!(!one.start_ballot("b".into(), "P".into(), String::new()));
    }

    #[test]
    fn removing_an_item_takes_it_out_of_every_ballot_and_damaged_ballots_are_reported() {
        let mut r = ranking(&["A", "B", "C"]);
        r.start_ballot("b1".into(), "P1".into(), String::new());
        r.edit_ballot("b1", |own| {
            own.decide("i0", "i1", Outcome::Wins("i1".into()), String::new(), 1.0)
        });
        r.edit_ballot("b1", |own| {
            own.decide("i1", "i2", Outcome::Tie, String::new(), 1.0)
        });
        r.remove_item("i0");
        assert_eq!(r.ballots[0].decisions.len(), 1);
        assert!(r.check().is_empty());
        // A file whose ballot names a missing item, or repeats an id, is refused.
        let mut damaged = r.clone();
        damaged.ballots[0].decisions[0].a = "nobody".into();
        damaged.ballots.push(damaged.ballots[0].clone());
        let problems = damaged.check();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("ballots[0].decisions[0]")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("used twice")),
            "{problems:?}"
        );
    }
}
