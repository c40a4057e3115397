//! The pure domain: workshops and their exercises.
//!
//! Nothing here touches the browser. Time and identifiers are passed in by the caller, so
//! every function is deterministic and tested natively.

pub mod comparisons;
pub mod history;
pub mod keys;
pub mod notices;
pub mod order;
pub mod orgmap;
pub mod plan;
pub mod pseudonyms;
pub mod ranking;
pub mod route;
pub mod text;
pub mod venn;
pub mod viewport;
pub mod vignette;

use serde::{Deserialize, Serialize};
use std::ops::Deref;
use std::sync::Arc;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = f64;

/// A new random identifier (UUID v4) for a workshop, group or exercise.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Participants are described by a generalised identifier, never by name
/// ("Community organisations", "Statutory services").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantGroup {
    pub id: String,
    pub label: String,
    /// How many people were in the group, when the facilitator recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

/// The four exercises the app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKind {
    OrganisationalMap,
    PowerVenn,
    PairwiseRanking,
    Vignette,
}

impl ExerciseKind {
    pub const ALL: [ExerciseKind; 4] = [
        ExerciseKind::OrganisationalMap,
        ExerciseKind::PowerVenn,
        ExerciseKind::PairwiseRanking,
        ExerciseKind::Vignette,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExerciseKind::OrganisationalMap => "Organisational map",
            ExerciseKind::PowerVenn => "Power Venn diagram",
            ExerciseKind::PairwiseRanking => "Pair-wise ranking",
            ExerciseKind::Vignette => "Vignette",
        }
    }
}

/// The data of one exercise, by kind. In JSON it is an object whose one key is the kind, so a
/// file says what it holds. (Externally tagged: an internal `kind` field would make serde buffer
/// every exercise before reading it, which costs time and bundle size.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseData {
    OrganisationalMap(orgmap::OrgMap),
    PowerVenn(venn::VennDiagram),
    PairwiseRanking(ranking::Ranking),
    Vignette(vignette::Vignette),
}

impl ExerciseData {
    pub fn empty(kind: ExerciseKind) -> Self {
        match kind {
            ExerciseKind::OrganisationalMap => ExerciseData::OrganisationalMap(Default::default()),
            ExerciseKind::PowerVenn => ExerciseData::PowerVenn(Default::default()),
            ExerciseKind::PairwiseRanking => ExerciseData::PairwiseRanking(Default::default()),
            ExerciseKind::Vignette => ExerciseData::Vignette(Default::default()),
        }
    }

    /// The rules the kind's data must keep, each broken one in plain words.
    pub fn check(&self) -> Vec<String> {
        match self {
            ExerciseData::OrganisationalMap(map) => map.check(),
            ExerciseData::PowerVenn(venn) => venn.check(),
            ExerciseData::PairwiseRanking(ranking) => ranking.check(),
            ExerciseData::Vignette(vignette) => vignette.check(),
        }
    }

    pub fn kind(&self) -> ExerciseKind {
        match self {
            ExerciseData::OrganisationalMap(_) => ExerciseKind::OrganisationalMap,
            ExerciseData::PowerVenn(_) => ExerciseKind::PowerVenn,
            ExerciseData::PairwiseRanking(_) => ExerciseKind::PairwiseRanking,
            ExerciseData::Vignette(_) => ExerciseKind::Vignette,
        }
    }
}

/// One kind's data inside [`ExerciseData`]: what lets one editor handle serve every kind.
pub trait KindData: Sized {
    /// The kind's name in a file name when the exercise has no title.
    const FILE_STEM: &'static str;
    fn of(data: &ExerciseData) -> Option<&Self>;
    fn of_mut(data: &mut ExerciseData) -> Option<&mut Self>;
}

macro_rules! kind_data {
    ($type:ty, $variant:ident, $stem:literal) => {
        impl KindData for $type {
            const FILE_STEM: &'static str = $stem;
            fn of(data: &ExerciseData) -> Option<&Self> {
                match data {
                    ExerciseData::$variant(inner) => Some(inner),
                    _ => None,
                }
            }
            fn of_mut(data: &mut ExerciseData) -> Option<&mut Self> {
                match data {
                    ExerciseData::$variant(inner) => Some(inner),
                    _ => None,
                }
            }
        }
    };
}

kind_data!(orgmap::OrgMap, OrganisationalMap, "map");
kind_data!(venn::VennDiagram, PowerVenn, "venn");
kind_data!(ranking::Ranking, PairwiseRanking, "ranking");
kind_data!(vignette::Vignette, Vignette, "vignette");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    /// The participant group that made it, if the facilitator said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    #[serde(default)]
    pub notes: String,
    pub data: ExerciseData,
}

/// An exercise held by reference count, so a copy of a workshop (each undo step is one)
/// shares the exercises it did not change instead of copying them: a 1 MB map is copied
/// only when that map is edited, not when the workshop's notes are typed in. Reading goes
/// through `Deref`; writing through [`SharedExercise::make_mut`], which copies the exercise
/// first only while another workshop copy still shares it. Stored exactly as an `Exercise`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SharedExercise(Arc<Exercise>);

impl SharedExercise {
    pub fn new(exercise: Exercise) -> Self {
        SharedExercise(Arc::new(exercise))
    }

    pub fn make_mut(&mut self) -> &mut Exercise {
        Arc::make_mut(&mut self.0)
    }

    /// The exercise itself, copied only if something else still shares it.
    pub fn into_inner(self) -> Exercise {
        Arc::unwrap_or_clone(self.0)
    }
}

impl Deref for SharedExercise {
    type Target = Exercise;
    fn deref(&self) -> &Exercise {
        &self.0
    }
}

impl From<Exercise> for SharedExercise {
    fn from(exercise: Exercise) -> Self {
        SharedExercise::new(exercise)
    }
}

/// The same exercise shared is equal without looking inside: what makes comparing a
/// workshop with its previous version, or with what was last saved, cheap.
impl PartialEq for SharedExercise {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

/// A workshop and its exercises. Generic over what an exercise is, so storage can keep a
/// workshop's header (`Workshop<storage::layout::ExerciseHeader>`: each exercise without its
/// data) in the same fields; everywhere else it is the default, the exercises whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workshop<E = SharedExercise> {
    pub id: String,
    pub title: String,
    /// The day it was held, as `YYYY-MM-DD`, or empty when not yet set.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub groups: Vec<ParticipantGroup>,
    #[serde(default = "Vec::new")]
    pub exercises: Vec<E>,
    /// The session's running order, planned minutes and visits (`plan.rs`); empty runs the
    /// exercises in their order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<plan::PlanItem>,
    /// The pseudonyms for copies that leave the room (`pseudonyms/`). Never in such a copy.
    #[serde(default, skip_serializing_if = "pseudonyms::Publication::is_empty")]
    pub publication: pseudonyms::Publication,
    pub created_at: Millis,
    pub updated_at: Millis,
}

impl Workshop {
    pub fn new(id: String, title: impl Into<String>, now: Millis) -> Self {
        Workshop {
            id,
            title: title.into(),
            date: String::new(),
            place: String::new(),
            notes: String::new(),
            groups: Vec::new(),
            exercises: Vec::new(),
            plan: Vec::new(),
            publication: Default::default(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().map(Deref::deref).find(|e| e.id == id)
    }

    /// The exercise as the workshop shares it, for a view that compares by pointer.
    pub fn shared_exercise(&self, id: &str) -> Option<&SharedExercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    pub fn exercise_mut(&mut self, id: &str) -> Option<&mut Exercise> {
        self.exercises
            .iter_mut()
            .find(|e| e.id == id)
            .map(SharedExercise::make_mut)
    }

    /// The label of the participant group that made `exercise`, or "" when none is named.
    pub fn exercise_group_label(&self, exercise: &Exercise) -> &str {
        exercise
            .group_id
            .as_deref()
            .and_then(|g| self.group_label(g))
            .unwrap_or_default()
    }

    pub fn group_label(&self, group_id: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g.id == group_id)
            .map(|g| g.label.as_str())
    }

    /// Adds an exercise of `kind` at the end and returns its id.
    pub fn add_exercise(
        &mut self,
        id: String,
        kind: ExerciseKind,
        title: impl Into<String>,
    ) -> String {
        self.exercises.push(SharedExercise::new(Exercise {
            id: id.clone(),
            title: title.into(),
            group_id: None,
            notes: String::new(),
            data: ExerciseData::empty(kind),
        }));
        id
    }

    /// Removes an exercise, and its entry in the plan with it.
    pub fn remove_exercise(&mut self, id: &str) -> Option<Exercise> {
        let index = self.exercises.iter().position(|e| e.id == id)?;
        self.plan.retain(|item| {
            !matches!(&item.entry, plan::PlanEntry::Exercise { exercise_id } if exercise_id == id)
        });
        Some(self.exercises.remove(index).into_inner())
    }

    /// Moves an exercise one place up (`-1`) or down (`+1`). Returns whether it moved.
    pub fn move_exercise(&mut self, id: &str, offset: isize) -> bool {
        let Some(from) = self.exercises.iter().position(|e| e.id == id) else {
            return false;
        };
        let to = from as isize + offset;
        if to < 0 || to as usize >= self.exercises.len() {
            return false;
        }
        self.exercises.swap(from, to as usize);
        true
    }

    /// Removes a participant group; exercises that named it keep their data and lose the tag,
    /// and so do the ballots and vignette responses that named it, so nothing points at a
    /// group that no longer exists.
    pub fn remove_group(&mut self, group_id: &str) {
        self.groups.retain(|g| g.id != group_id);
        for exercise in &mut self.exercises {
            let names_it = exercise.group_id.as_deref() == Some(group_id)
                || match &exercise.data {
                    ExerciseData::PairwiseRanking(r) => {
                        r.ballots.iter().any(|b| b.group_id == group_id)
                    }
                    ExerciseData::Vignette(v) => v.responses.iter().any(|r| r.group_id == group_id),
                    _ => false,
                };
            // Only the exercises that change are copied out of their sharing.
            if !names_it {
                continue;
            }
            let exercise = exercise.make_mut();
            if exercise.group_id.as_deref() == Some(group_id) {
                exercise.group_id = None;
            }
            match &mut exercise.data {
                ExerciseData::PairwiseRanking(r) => {
                    for ballot in r.ballots.iter_mut().filter(|b| b.group_id == group_id) {
                        ballot.group_id.clear();
                    }
                }
                ExerciseData::Vignette(v) => {
                    for response in v.responses.iter_mut().filter(|r| r.group_id == group_id) {
                        response.group_id.clear();
                    }
                }
                _ => {}
            }
        }
    }

    /// A copy with fresh identifiers for the workshop, groups and exercises, keeping every
    /// exercise's link to its group, the plan's links to its exercises, and the groups
    /// vignette responses and ballots name.
    pub fn duplicate(&self, mut fresh_id: impl FnMut() -> String, now: Millis) -> Workshop {
        let mut copy = self.clone();
        copy.id = fresh_id();
        copy.title = format!("{} (copy)", self.title);
        copy.created_at = now;
        copy.updated_at = now;
        let mut renamed = Vec::new();
        for group in &mut copy.groups {
            let new_id = fresh_id();
            renamed.push((group.id.clone(), new_id.clone()));
            group.id = new_id;
        }
        let renamed_to = |old: &str| {
            renamed
                .iter()
                .find(|(from, _)| from == old)
                .map(|(_, to)| to.clone())
        };
        let mut renamed_exercises = Vec::new();
        for shared in &mut copy.exercises {
            let exercise = shared.make_mut();
            let new_id = fresh_id();
            renamed_exercises.push((exercise.id.clone(), new_id.clone()));
            exercise.id = new_id;
            if let Some(old) = &exercise.group_id {
                exercise.group_id = renamed_to(old);
            }
            match &mut exercise.data {
                ExerciseData::Vignette(vignette) => {
                    for response in &mut vignette.responses {
                        response.group_id = renamed_to(&response.group_id).unwrap_or_default();
                    }
                }
                ExerciseData::PairwiseRanking(ranking) => {
                    for ballot in &mut ranking.ballots {
                        ballot.group_id = renamed_to(&ballot.group_id).unwrap_or_default();
                    }
                }
                _ => {}
            }
        }
        for item in &mut copy.plan {
            // A copy is a new session: the old one's times stay with the old one.
            item.visits.clear();
            if let plan::PlanEntry::Exercise { exercise_id } = &mut item.entry {
                if let Some((old, new)) =
                    renamed_exercises.iter().find(|(old, _)| old == exercise_id)
                {
                    // An item named by its exercise keeps being so (see `plan.rs`).
                    if item.id == *old {
                        item.id = new.clone();
                    }
                    *exercise_id = new.clone();
                }
            }
        }
        copy
    }

    /// Checks the rules every stored or imported workshop must keep. Returns each broken rule
    /// in plain words, with where it is broken.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.id.trim().is_empty() {
            problems.push("the workshop has no id".to_string());
        }
        let mut seen = std::collections::HashSet::new();
        for (index, group) in self.groups.iter().enumerate() {
            if !seen.insert(group.id.as_str()) {
                problems.push(format!(
                    "groups[{index}]: the id {:?} is used twice",
                    group.id
                ));
            }
        }
        let mut seen_exercises = std::collections::HashSet::new();
        for (index, exercise) in self.exercises.iter().enumerate() {
            if !seen_exercises.insert(exercise.id.as_str()) {
                problems.push(format!(
                    "exercises[{index}]: the id {:?} is used twice",
                    exercise.id
                ));
            }
            if let Some(group_id) = &exercise.group_id {
                if self.group_label(group_id).is_none() {
                    problems.push(format!(
                        "exercises[{index}]: group_id {group_id:?} names no group of this workshop"
                    ));
                }
            }
            let inner = exercise.data.check();
            problems.extend(
                inner
                    .into_iter()
                    .map(|p| format!("exercises[{index}].data: {p}")),
            );
        }
        problems.extend(self.check_plan());
        problems
    }
}

/// Every workshop the browser holds, newest first when listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub workshops: Vec<Workshop>,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Workshop> {
        self.workshops.iter_mut().find(|w| w.id == id)
    }

    /// Adds the workshop, or replaces the one with the same id.
    pub fn upsert(&mut self, workshop: Workshop) {
        match self.workshops.iter_mut().find(|w| w.id == workshop.id) {
            Some(existing) => *existing = workshop,
            None => self.workshops.push(workshop),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Workshop> {
        let index = self.workshops.iter().position(|w| w.id == id)?;
        Some(self.workshops.remove(index))
    }

    /// The workshops as the home screen lists them: most recently edited first.
    pub fn newest_first(&self) -> Vec<&Workshop> {
        let mut list: Vec<&Workshop> = self.workshops.iter().collect();
        crate::model::order::sort_by(&mut list, |a, b| b.updated_at.total_cmp(&a.updated_at));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id-{n}")
        }
    }

    #[test]
    fn a_copy_shares_exercises_until_one_is_edited_and_the_original_never_changes() {
        let mut original = Workshop::new("w".into(), "W", 0.0);
        original.add_exercise("a".into(), ExerciseKind::PowerVenn, "Venn");
        original.add_exercise("b".into(), ExerciseKind::PairwiseRanking, "Ranking");
        let shared = |x: &Workshop, y: &Workshop, i: usize| {
            std::ptr::eq::<Exercise>(&*x.exercises[i], &*y.exercises[i])
        };
        let mut copy = original.clone();
        assert!(shared(&original, &copy, 0) && shared(&original, &copy, 1));
        copy.exercise_mut("a").expect("a").title = "Venn, revised".into();
        // The edit went to a copy of that one exercise: the original (an undo step) keeps
        // its own, and the other exercise is still shared.
        assert_eq!(
            original.exercise("a").map(|e| e.title.as_str()),
            Some("Venn")
        );
        assert_eq!(
            copy.exercise("a").map(|e| e.title.as_str()),
            Some("Venn, revised")
        );
        assert!(!shared(&original, &copy, 0) && shared(&original, &copy, 1));
        assert_ne!(original, copy);
        // Equal content in separate copies is still equal.
        let mut again = original.clone();
        again.exercise_mut("a").expect("a").title = "Venn, revised".into();
        assert_eq!(again, copy);
        // Removing a group copies only the exercises that named it.
        original.exercises[1].make_mut().group_id = Some("g".into());
        let before = original.clone();
        original.remove_group("g");
        assert!(shared(&before, &original, 0) && !shared(&before, &original, 1));
        assert_eq!(before.exercises[1].group_id.as_deref(), Some("g"));
    }

    #[test]
    fn moving_an_exercise_past_either_end_does_nothing() {
        let mut w = Workshop::new("w".into(), "T", 0.0);
        w.add_exercise("a".into(), ExerciseKind::PowerVenn, "Venn — now");
        w.add_exercise("b".into(), ExerciseKind::PowerVenn, "Venn — ideal");
        assert!(!w.move_exercise("a", -1));
        assert!(w.move_exercise("a", 1));
        assert_eq!(w.exercises[1].id, "a");
        assert!(!w.move_exercise("a", 1));
    }

    #[test]
    fn duplicate_keeps_group_links_with_fresh_ids() {
        let mut w = Workshop::new("w".into(), "Statutory", 0.0);
        w.groups.push(ParticipantGroup {
            id: "g".into(),
            label: "Statutory services".into(),
            size: Some(18),
        });
        let ex = w.add_exercise("e".into(), ExerciseKind::PairwiseRanking, "Ranking");
        w.exercise_mut(&ex).unwrap().group_id = Some("g".into());
        let copy = w.duplicate(counter(), 5.0);
        assert_ne!(copy.id, w.id);
        assert_ne!(copy.groups[0].id, "g");
        assert_eq!(
            copy.exercises[0].group_id.as_deref(),
            Some(copy.groups[0].id.as_str())
        );
        assert!(copy.check().is_empty());
    }

    #[test]
    fn removing_a_group_untags_its_exercises_ballots_and_responses() {
        let mut w = Workshop::new("w".into(), "T", 0.0);
        w.groups.push(ParticipantGroup {
            id: "g".into(),
            label: "CBOs".into(),
            size: None,
        });
        w.add_exercise("e".into(), ExerciseKind::PowerVenn, "Venn");
        w.exercises[0].make_mut().group_id = Some("g".into());
        // A ballot and a vignette's response named it too.
        w.add_exercise("r".into(), ExerciseKind::PairwiseRanking, "Ranking");
        w.add_exercise("v".into(), ExerciseKind::Vignette, "Vignette");
        if let ExerciseData::PairwiseRanking(r) = &mut w.exercise_mut("r").unwrap().data {
            r.add_item("a".into(), "A".into());
            r.add_item("b".into(), "B".into());
            assert!(r.start_ballot("b1".into(), "P1".into(), "g".into()));
        }
        if let ExerciseData::Vignette(v) = &mut w.exercise_mut("v").unwrap().data {
            assert!(v.add_question("q".into(), "Who?".into()));
            assert!(v.add_response("x".into(), "q", "Us".into(), "g".into()));
        }
        let mut copy = w.duplicate(counter(), 5.0);
        let group = copy.groups[0].id.clone();
        let groups_named = |w: &Workshop| -> Vec<String> {
            w.exercises
                .iter()
                .filter_map(|e| match &e.data {
                    ExerciseData::PairwiseRanking(r) => Some(r.ballots[0].group_id.clone()),
                    ExerciseData::Vignette(v) => Some(v.responses[0].group_id.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(groups_named(&copy), [group.clone(), group.clone()]);
        w.remove_group("g");
        assert_eq!(w.exercises[0].group_id, None);
        assert_eq!(groups_named(&w), ["", ""]);
        assert!(w.check().is_empty());
        copy.remove_group(&group);
        assert_eq!(groups_named(&copy), ["", ""]);
    }

    #[test]
    fn check_reports_where_a_rule_is_broken() {
        let mut w = Workshop::new("w".into(), "T", 0.0);
        w.add_exercise("e".into(), ExerciseKind::PowerVenn, "Venn");
        w.exercises[0].make_mut().group_id = Some("missing".into());
        let problems = w.check();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("exercises[0]"), "{problems:?}");
    }

    #[test]
    fn library_lists_newest_first() {
        let mut lib = Library::default();
        lib.upsert(Workshop::new("old".into(), "Old", 1.0));
        lib.upsert(Workshop::new("new".into(), "New", 2.0));
        let order: Vec<&str> = lib.newest_first().iter().map(|w| w.id.as_str()).collect();
        assert_eq!(order, ["new", "old"]);
    }
}
