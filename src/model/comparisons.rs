//! Which exercises of a workshop the report compares: two Venn diagrams of the same community
//! (then and now, current and ideal), and several groups' rankings of the same items.

use super::venn::label_key;
use super::{Exercise, ExerciseData, Workshop};
use std::collections::BTreeSet;

impl Workshop {
    /// Each Venn diagram with the next one of the same community (by its label, matched as
    /// institutions are), in the workshop's order: three diagrams of one community give two
    /// pairs, the first with the second and the second with the third.
    pub fn venn_pairs(&self) -> Vec<(&Exercise, &Exercise)> {
        let venns: Vec<(&Exercise, String)> = self
            .exercises
            .iter()
            .filter_map(|e| match &e.data {
                ExerciseData::PowerVenn(d) => Some((&**e, label_key(&d.community_label))),
                _ => None,
            })
            .collect();
        let mut pairs = Vec::new();
        for (index, (first, community)) in venns.iter().enumerate() {
            if let Some((next, _)) = venns[index + 1..].iter().find(|(_, c)| c == community) {
                pairs.push((*first, *next));
            }
        }
        pairs
    }

    /// The rankings of the same items (the same labels, matched as institutions are), when
    /// two or more groups ranked them: each set in the workshop's order.
    pub fn ranking_sets(&self) -> Vec<Vec<&Exercise>> {
        let mut sets: Vec<(BTreeSet<String>, Vec<&Exercise>)> = Vec::new();
        for exercise in &self.exercises {
            let ExerciseData::PairwiseRanking(ranking) = &exercise.data else {
                continue;
            };
            let items: BTreeSet<String> =
                ranking.items.iter().map(|i| label_key(&i.label)).collect();
            if items.len() < 2 {
                continue;
            }
            match sets.iter_mut().find(|(same, _)| *same == items) {
                Some((_, list)) => list.push(exercise),
                None => sets.push((items, vec![exercise])),
            }
        }
        sets.into_iter()
            .map(|(_, list)| list)
            .filter(|list| list.len() >= 2)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ExerciseKind;

    fn venn(w: &mut Workshop, id: &str, community: &str) {
        w.add_exercise(id.into(), ExerciseKind::PowerVenn, id);
        if let ExerciseData::PowerVenn(d) = &mut w.exercise_mut(id).expect("added").data {
            d.community_label = community.into();
        }
    }

    fn ranking(w: &mut Workshop, id: &str, items: &[&str]) {
        w.add_exercise(id.into(), ExerciseKind::PairwiseRanking, id);
        if let ExerciseData::PairwiseRanking(r) = &mut w.exercise_mut(id).expect("added").data {
            for (n, label) in items.iter().enumerate() {
                r.add_item(format!("{id}-{n}"), label.to_string());
            }
        }
    }

    #[test]
    fn venns_of_one_community_pair_in_order_and_others_stay_apart() {
        let mut w = Workshop::new("w".into(), "W", 0.0);
        venn(&mut w, "then", "Our community");
        venn(&mut w, "elsewhere", "The estate");
        venn(&mut w, "now", " our  COMMUNITY ");
        venn(&mut w, "ideal", "Our community");
        let ids: Vec<(&str, &str)> = w
            .venn_pairs()
            .iter()
            .map(|(a, b)| (a.id.as_str(), b.id.as_str()))
            .collect();
        assert_eq!(ids, [("then", "now"), ("now", "ideal")]);
    }

    #[test]
    fn rankings_of_the_same_items_form_a_set_whatever_their_order() {
        let mut w = Workshop::new("w".into(), "W", 0.0);
        ranking(&mut w, "a", &["Housing", "Jobs", "Safety"]);
        ranking(&mut w, "other", &["Housing", "Jobs"]);
        ranking(&mut w, "b", &["safety", "Housing", "jobs"]);
        let sets: Vec<Vec<&str>> = w
            .ranking_sets()
            .iter()
            .map(|set| set.iter().map(|e| e.id.as_str()).collect())
            .collect();
        assert_eq!(sets, [["a", "b"]]);
    }
}
