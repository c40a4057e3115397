//! Where shapes are while they are dragged. Each shape gets its own signal, so a pointer
//! move wakes the dragged shape and what hangs on it (its label, its links) and nothing
//! else, however many shapes the picture has. The drag is committed to the model once, on
//! release, which makes one undo step and one save.

use leptos::prelude::*;
use std::collections::HashMap;

/// Per shape id, its place while dragged: `None` when it sits where the model says.
pub struct LivePlaces<T: Send + Sync + 'static>(
    StoredValue<HashMap<String, ArcRwSignal<Option<T>>>>,
);

impl<T: Send + Sync + 'static> Clone for LivePlaces<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for LivePlaces<T> {}

impl<T: Send + Sync + 'static> LivePlaces<T> {
    pub fn new() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }

    /// The shape's signal. Reference-counted rather than owned by the view that asks first,
    /// because link lists are rebuilt on every change and must not take the signal with
    /// them.
    pub fn of(&self, id: &str) -> ArcRwSignal<Option<T>> {
        if let Some(signal) = self.0.with_value(|all| all.get(id).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(None);
        self.0
            .update_value(|all| drop(all.insert(id.to_string(), signal.clone())));
        signal
    }
}
