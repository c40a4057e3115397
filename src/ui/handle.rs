//! One handle for every exercise editor: which exercise it edits, the exercise's data as a
//! memo, and the one way to change it. Each kind's editor adds its own view state beside it
//! (a map's selection and zoom, a ranking's revisited pair) and reaches these through `Deref`.

use super::state::AppState;
use crate::model::{KindData, SharedExercise};
use leptos::prelude::*;
use std::marker::PhantomData;

pub struct ExerciseHandle<T: Send + Sync + 'static> {
    pub state: AppState,
    ids: StoredValue<(String, String)>,
    /// The exercise as it is now, shared with the library: a change elsewhere in the library
    /// is told apart by pointer, so no keystroke copies a big map. Equal data wakes nothing.
    exercise: Memo<Option<SharedExercise>>,
    kind: PhantomData<fn() -> T>,
}

impl<T: Send + Sync + 'static> Clone for ExerciseHandle<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for ExerciseHandle<T> {}

impl<T: KindData + Clone + PartialEq + Send + Sync + 'static> ExerciseHandle<T> {
    pub fn new(state: AppState, workshop_id: String, exercise_id: String) -> Self {
        let ids = StoredValue::new((workshop_id, exercise_id));
        let exercise = Memo::new(move |_| {
            let (w, e) = ids.get_value();
            state
                .library
                .with(|l| l.get(&w).and_then(|x| x.shared_exercise(&e)).cloned())
        });
        ExerciseHandle {
            state,
            ids,
            exercise,
            kind: PhantomData,
        }
    }

    pub fn workshop_id(&self) -> String {
        self.ids.get_value().0
    }

    pub fn exercise_id(&self) -> String {
        self.ids.get_value().1
    }

    /// One committed change to the exercise: one undo step, one save. Changes that share a
    /// `coalesce_key` in a row (typing in one field, holding an arrow key) make one step.
    pub fn edit(&self, coalesce_key: Option<&str>, change: impl FnOnce(&mut T)) {
        let (workshop_id, exercise_id) = self.ids.get_value();
        self.state.edit_workshop(&workshop_id, coalesce_key, |w| {
            if let Some(data) = w
                .exercise_mut(&exercise_id)
                .and_then(|e| T::of_mut(&mut e.data))
            {
                change(data);
            }
        });
    }

    /// Reads the data, tracked (a view that reads it follows its changes).
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> Option<R> {
        self.exercise
            .with(|e| e.as_ref().and_then(|e| T::of(&e.data)).map(read))
    }

    /// Reads the data for an action (an export), untracked.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> Option<R> {
        self.exercise
            .with_untracked(|e| e.as_ref().and_then(|e| T::of(&e.data)).map(read))
    }

    /// Title, participant group and workshop date: what an exported figure prints at its top.
    pub fn caption(&self) -> (String, String, String) {
        let (workshop_id, exercise_id) = self.ids.get_value();
        self.state.exercise_caption(&workshop_id, &exercise_id)
    }

    /// Title, group and date, as an exported figure's caption gives them.
    pub fn meta(&self) -> crate::export::FigureMeta {
        let (title, group, date) = self.caption();
        crate::export::FigureMeta { title, group, date }
    }

    /// The start of an exported file's name: the exercise's title, or the kind's name.
    pub fn file_stem(&self) -> String {
        super::state::file_stem(&self.caption().0, T::FILE_STEM)
    }
}
