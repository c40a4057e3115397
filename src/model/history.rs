//! Undo and redo by snapshots.
//!
//! A workshop is small (kilobytes, a megabyte at most), so keeping whole earlier states is
//! simpler and safer than inverse operations: an undo can never disagree with the edit it undoes.

use std::collections::VecDeque;

/// The least number of steps a workshop can undo (the product promises at least 100).
pub const UNDO_LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct History<T> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    limit: usize,
    /// Consecutive edits with the same key (typing in one field) make one step.
    last_key: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::with_limit(UNDO_LIMIT)
    }
}

impl<T> History<T> {
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            last_key: None,
        }
    }

    /// Call with the state as it was just before a change. An edit whose `coalesce_key`
    /// matches the previous edit's joins that step instead of starting a new one.
    pub fn record(&mut self, before: T, coalesce_key: Option<&str>) {
        let joins_previous = coalesce_key.is_some() && coalesce_key == self.last_key.as_deref();
        self.last_key = coalesce_key.map(str::to_owned);
        self.redo.clear();
        if joins_previous {
            return;
        }
        self.undo.push_back(before);
        if self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Ends the current run of coalesced edits, so the next edit is its own step.
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    /// Takes the state to go back to, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current);
        self.last_key = None;
        Some(previous)
    }

    /// Takes the state to go forward to, keeping `current` for undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push_back(current);
        self.last_key = None;
        Some(next)
    }

    /// The state an undo would go back to.
    pub fn peek_undo(&self) -> Option<&T> {
        self.undo.back()
    }

    /// The state a redo would go forward to.
    pub fn peek_redo(&self) -> Option<&T> {
        self.redo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_then_redo_returns_to_each_state() {
        let mut history = History::default();
        let mut state = 0;
        for next in 1..=3 {
            history.record(state, None);
            state = next;
        }
        state = history.undo(state).unwrap();
        assert_eq!(state, 2);
        state = history.undo(state).unwrap();
        assert_eq!(state, 1);
        state = history.redo(state).unwrap();
        assert_eq!(state, 2);
        assert!(history.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut history = History::default();
        history.record(0, None);
        let state = history.undo(1).unwrap();
        history.record(state, None);
        assert!(!history.can_redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut history = History::default();
        let mut text = String::new();
        for ch in "Church".chars() {
            history.record(text.clone(), Some("title"));
            text.push(ch);
        }
        assert_eq!(history.undo(text).unwrap(), "");
        assert!(!history.can_undo());
    }

    #[test]
    fn one_visit_to_a_shape_is_one_step_and_a_new_visit_is_a_new_step() {
        // Nine arrow presses on one circle, a Tab away and back (the app seals the history
        // whenever focus moves), then three more presses.
        let mut history = History::default();
        let mut x = 0;
        for _ in 0..9 {
            history.record(x, Some("keys-circle"));
            x += 10;
        }
        history.seal();
        for _ in 0..3 {
            history.record(x, Some("keys-circle"));
            x += 10;
        }
        assert_eq!(x, 120);
        assert_eq!(history.peek_undo(), Some(&90));
        assert_eq!(history.undo(x), Some(90));
        assert_eq!(history.undo(90), Some(0));
        assert!(!history.can_undo());
        assert_eq!(history.peek_redo(), Some(&90));
    }

    #[test]
    fn keeps_at_least_one_hundred_steps() {
        let mut history = History::default();
        for step in 0..150 {
            history.record(step, None);
        }
        let mut state = 150;
        let mut undone = 0;
        while let Some(previous) = history.undo(state) {
            state = previous;
            undone += 1;
        }
        assert_eq!(undone, 150);
        assert_eq!(state, 0);
    }
}
