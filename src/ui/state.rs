//! The app's state: the library of workshops, undo histories, and saving.
//!
//! Every committed change goes through `AppState::edit_workshop` (or a library-level action),
//! which records one undo step and saves that workshop at once. There is no debounce, so a
//! reload, a closed tab or a crash loses nothing that was committed.

use crate::model::history::History;
use crate::model::{new_id, ExerciseKind, Library, Workshop};
use crate::storage::{self, browser::LocalStore, KeyValueStore, OtherTab, Saver, StoreError};
use leptos::prelude::*;
use std::collections::HashMap;

pub use crate::model::notices::{Notice, NoticeBoard, NoticeKind};
pub use crate::model::route::{Location, Route};

/// One undo step: the workshop (or the library) as it was, and the control that had the
/// keyboard when it changed (its element id), so undo and redo put the cursor back where the
/// value came back.
#[derive(Debug, Clone)]
struct Step<T> {
    state: T,
    focus: Option<String>,
}

/// Goes one step back (or forward) from `current`. The step kept for the way back remembers
/// the same control as the step taken.
fn take_step<T>(history: &mut History<Step<T>>, current: T, forward: bool) -> Option<Step<T>> {
    let focus = if forward {
        history.peek_redo()
    } else {
        history.peek_undo()
    }
    .and_then(|step| step.focus.clone());
    let current = Step {
        state: current,
        focus,
    };
    if forward {
        history.redo(current)
    } else {
        history.undo(current)
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub library: RwSignal<Library>,
    pub route: RwSignal<Route>,
    /// The open view of the exercise on screen (a ranking's matrix, a map's links tab), kept
    /// in the location hash beside the route; "" for the screen's first view.
    pub view: RwSignal<String>,
    pub notices: RwSignal<NoticeBoard>,
    /// True while some change could not be written because storage is full.
    pub storage_full: RwSignal<bool>,
    /// True once the app's data nears the browser's quota.
    pub storage_nearly_full: RwSignal<bool>,
    /// Bumped on every edit, undo and redo, so undo buttons know to look again.
    pub revision: RwSignal<u64>,
    histories: StoredValue<HashMap<String, History<Step<Workshop>>>>,
    library_history: StoredValue<History<Step<Library>>>,
    /// What storage holds and what is still to write (`storage::Saver`).
    saver: StoredValue<Saver>,
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

pub use crate::export::files::file_stem;

use super::timing::{mark, measure};

impl AppState {
    /// Loads every workshop's header, quarantining what cannot be read. An exercise's page
    /// needs its data at once; any other page needs only titles and kinds, so the data
    /// waits until that page is on the screen (`ensure_data_read`).
    pub fn load() -> AppState {
        let mut store = LocalStore;
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let opens_an_exercise = matches!(Route::from_hash(&hash), Route::Exercise(..));
        mark("storage-read-start");
        let (saver, library, quarantined) = Saver::open(&mut store, now());
        mark("storage-read-end");
        let state = AppState {
            library: RwSignal::new(library),
            route: RwSignal::new(Route::Home),
            view: RwSignal::new(String::new()),
            notices: RwSignal::new(NoticeBoard::default()),
            storage_full: RwSignal::new(false),
            storage_nearly_full: RwSignal::new(false),
            revision: RwSignal::new(0),
            histories: StoredValue::new(HashMap::new()),
            library_history: StoredValue::new(History::default()),
            saver: StoredValue::new(saver),
        };
        // Report every record still in quarantine, not only this load's: the user decides
        // when a record may go. A record storage had no room for is reported all the same.
        let mut held = storage::quarantined(&store);
        let kept: Vec<String> = held.iter().map(|(key, _)| key.clone()).collect();
        held.extend(
            quarantined
                .into_iter()
                .filter(|(key, _)| !kept.contains(key)),
        );
        for (key, record) in held {
            state.notify(NoticeKind::Quarantined {
                key,
                reason: record.reason,
                raw: record.raw,
            });
        }
        if opens_an_exercise {
            state.ensure_data_read();
        }
        state.check_quota_headroom();
        state
    }

    /// Reads the exercise data that start-up left unread, putting aside any exercise whose
    /// data cannot be read. Runs once the first page is on the screen, and before anything
    /// that edits, copies or exports a workshop or opens an exercise, whichever comes first;
    /// until then the library holds empty placeholders, which the saver never writes.
    pub fn ensure_data_read(&self) {
        if !self.saver.with_value(Saver::has_unread) {
            return;
        }
        let mut quarantined = Vec::new();
        self.library.update(|library| {
            self.saver.update_value(|saver| {
                quarantined = saver.read_unread(&mut LocalStore, library, now());
            });
        });
        // The benchmark reports when every exercise's data is in, beside the first paint.
        mark("exercise-data-read");
        for (key, record) in quarantined {
            self.notify(NoticeKind::Quarantined {
                key,
                reason: record.reason,
                raw: record.raw,
            });
        }
        self.check_quota_headroom();
    }

    /// Goes to another screen, at its first view. An exercise's page needs its data read
    /// first.
    pub fn go(&self, route: Route) {
        self.go_to(Location {
            route,
            view: String::new(),
        });
    }

    /// Goes to a screen and a view of it (a reload or the Back button does this).
    pub fn go_to(&self, location: Location) {
        if matches!(location.route, Route::Exercise(..)) {
            self.ensure_data_read();
        }
        let changes_page = self.route.with_untracked(|r| *r != location.route);
        if changes_page {
            // Information was about the page being left.
            self.notices.maybe_update(NoticeBoard::page_changed);
            self.route.set(location.route);
        }
        if self.view.with_untracked(|v| *v != location.view) {
            self.view.set(location.view);
        }
    }

    /// Shows a notice; an identical one already shown counts up instead. Information goes by
    /// itself after a few seconds.
    pub fn notify(&self, kind: NoticeKind) {
        let stays = kind.stays();
        self.notices.update(|n| {
            n.push(kind, now());
        });
        if !stays {
            let notices = self.notices;
            set_timeout(
                move || {
                    notices.maybe_update(|n| n.expire(now()));
                },
                // A little after the lifetime, so the notice is surely past it.
                std::time::Duration::from_millis(
                    crate::model::notices::INFO_LIFETIME_MS as u64 + 100,
                ),
            );
        }
    }

    pub fn dismiss(&self, notice_id: u32) {
        self.notices.update(|n| n.dismiss(notice_id));
    }

    /// Deletes a quarantine record once the user has said so.
    pub fn discard_quarantine(&self, key: &str, notice_id: u32) {
        LocalStore.remove(key);
        self.saver.update_value(|saver| saver.forget_key(key));
        self.check_quota_headroom();
        self.dismiss(notice_id);
    }

    /// An exercise's title, the participant group that made it, and the workshop's date: what
    /// an exported figure prints at its top.
    pub fn exercise_caption(
        &self,
        workshop_id: &str,
        exercise_id: &str,
    ) -> (String, String, String) {
        self.library
            .with_untracked(|l| {
                let workshop = l.get(workshop_id)?;
                let exercise = workshop.exercise(exercise_id)?;
                let group = workshop.exercise_group_label(exercise).to_string();
                Some((exercise.title.clone(), group, workshop.date.clone()))
            })
            .unwrap_or_default()
    }

    /// The workshop as it is now, for an action (an edit, an export): read untracked, since
    /// an action is not a view that should follow changes.
    pub fn workshop(&self, id: &str) -> Option<Workshop> {
        self.ensure_data_read();
        self.library.with_untracked(|l| l.get(id).cloned())
    }

    /// A workshop's participant groups, as (id, label), for the selects that name them.
    pub fn workshop_groups(&self, id: &str) -> Vec<(String, String)> {
        self.library
            .with_untracked(|l| {
                l.get(id).map(|w| {
                    w.groups
                        .iter()
                        .map(|g| (g.id.clone(), g.label.clone()))
                        .collect()
                })
            })
            .unwrap_or_default()
    }

    /// Applies one committed change to a workshop: one undo step, one save.
    /// Edits that share a `coalesce_key` in a row (typing in one field) make one undo step.
    pub fn edit_workshop(
        &self,
        id: &str,
        coalesce_key: Option<&str>,
        change: impl FnOnce(&mut Workshop),
    ) {
        let Some(before) = self.workshop(id) else {
            return;
        };
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return;
        }
        after.updated_at = now();
        let step = Step {
            state: before,
            focus: super::focus::focused_control(),
        };
        self.histories.update_value(|h| {
            h.entry(id.to_string())
                .or_default()
                .record(step, coalesce_key)
        });
        self.put(after);
    }

    /// Ends a run of coalesced edits (for example when a text field loses focus).
    pub fn seal_history(&self, id: &str) {
        self.histories.update_value(|h| {
            if let Some(history) = h.get_mut(id) {
                history.seal();
            }
        });
    }

    /// Focus moved: the next edit anywhere starts a new undo step, so one visit to a field or
    /// a shape is one step and coming back to it is another.
    pub fn seal_all_histories(&self) {
        self.histories
            .update_value(|h| h.values_mut().for_each(History::seal));
    }

    pub fn can_undo(&self, id: &str) -> bool {
        self.revision.track();
        self.histories
            .with_value(|h| h.get(id).is_some_and(History::can_undo))
    }

    pub fn can_redo(&self, id: &str) -> bool {
        self.revision.track();
        self.histories
            .with_value(|h| h.get(id).is_some_and(History::can_redo))
    }

    pub fn undo(&self, id: &str) {
        self.step_workshop(id, false);
    }

    pub fn redo(&self, id: &str) {
        self.step_workshop(id, true);
    }

    /// One undo (or redo) step, after which the keyboard goes to the control whose value came
    /// back. The step kept for the way back remembers the same control.
    fn step_workshop(&self, id: &str, forward: bool) {
        let Some(current) = self.workshop(id) else {
            return;
        };
        let recorded = current.plan.clone();
        let target = self
            .histories
            .try_update_value(|h| take_step(h.get_mut(id)?, current, forward))
            .flatten();
        if let Some(Step { mut state, focus }) = target {
            // The running order's times are records, not edits: they stay.
            state.keep_visits_of(&recorded);
            self.put(state);
            super::focus::focus_after_render(focus);
        }
    }

    /// Keeps a record that is not an edit (when a step of the running order was on the
    /// screen): saved at once, with no undo step, and the workshop's "last edited" stays.
    /// `record` says whether it changed anything.
    pub fn record_in_workshop(&self, id: &str, record: impl FnOnce(&mut Workshop) -> bool) {
        let Some(mut workshop) = self.workshop(id) else {
            return;
        };
        if record(&mut workshop) {
            self.put(workshop);
        }
    }

    /// Replaces the workshop in memory and saves it.
    fn put(&self, workshop: Workshop) {
        let id = workshop.id.clone();
        self.library.update(|l| l.upsert(workshop));
        self.revision.update(|r| *r += 1);
        self.saver.update_value(|saver| saver.changed(&id));
        self.flush();
    }

    /// Writes every workshop that has changes not yet in storage. A full store keeps the
    /// changes in memory, shows the warning, and tries again on the next change.
    pub fn flush(&self) {
        mark("save-start");
        let result = self.library.with_untracked(|library| {
            self.saver
                .try_update_value(|saver| saver.flush(&mut LocalStore, library, now()))
                .unwrap_or(Ok(()))
        });
        measure("save", "save-start");
        if let Err(StoreError::Other(message)) = &result {
            web_sys::console::error_1(&message.into());
        }
        let full = result.is_err();
        if self.storage_full.get_untracked() != full {
            self.storage_full.set(full);
        }
        self.check_quota_headroom();
    }

    fn check_quota_headroom(&self) {
        let used = self.saver.with_value(Saver::stored_total);
        let nearly = used > storage::QUOTA_WARNING_CHARS;
        if self.storage_nearly_full.get_untracked() != nearly {
            self.storage_nearly_full.set(nearly);
        }
    }

    // Library-level actions, undone from the home screen.

    fn change_library(&self, change: impl FnOnce(&mut Library) -> Vec<String>) {
        self.ensure_data_read();
        let before = self.library.get_untracked();
        let mut touched = Vec::new();
        self.library.update(|l| touched = change(l));
        let step = Step {
            state: before,
            focus: super::focus::focused_control(),
        };
        self.library_history.update_value(|h| h.record(step, None));
        self.revision.update(|r| *r += 1);
        self.saver
            .update_value(|saver| touched.iter().for_each(|id| saver.changed(id)));
        self.flush();
    }

    pub fn create_workshop(&self) -> String {
        let workshop = Workshop::new(new_id(), "New workshop", now());
        let id = workshop.id.clone();
        self.change_library(|l| {
            l.upsert(workshop);
            vec![id.clone()]
        });
        id
    }

    pub fn duplicate_workshop(&self, id: &str) {
        let Some(original) = self.workshop(id) else {
            return;
        };
        let copy = original.duplicate(new_id, now());
        let copy_id = copy.id.clone();
        self.change_library(|l| {
            l.upsert(copy);
            vec![copy_id]
        });
    }

    pub fn delete_workshop(&self, id: &str) {
        let id = id.to_string();
        self.change_library(|l| {
            l.remove(&id);
            vec![id.clone()]
        });
    }

    pub fn can_undo_library(&self) -> bool {
        self.revision.track();
        self.library_history.with_value(History::can_undo)
    }

    pub fn can_redo_library(&self) -> bool {
        self.revision.track();
        self.library_history.with_value(History::can_redo)
    }

    pub fn undo_library(&self) {
        self.step_library(true);
    }

    pub fn redo_library(&self) {
        self.step_library(false);
    }

    fn step_library(&self, back: bool) {
        let current = self.library.get_untracked();
        let target = self
            .library_history
            .try_update_value(|h| take_step(h, current.clone(), !back))
            .flatten();
        let Some(Step {
            state: target,
            focus,
        }) = target
        else {
            return;
        };
        // Save what differs: workshops that came back, and remove those that went.
        let mut touched: Vec<String> = current.workshops.iter().map(|w| w.id.clone()).collect();
        touched.extend(target.workshops.iter().map(|w| w.id.clone()));
        self.library.set(target);
        self.revision.update(|r| *r += 1);
        self.saver
            .update_value(|saver| touched.iter().for_each(|id| saver.changed(id)));
        self.flush();
        super::focus::focus_after_render(focus);
    }

    /// Adds an import's workshops in one undoable step.
    pub fn import(
        &self,
        plan: crate::storage::import::ImportPlan,
        choice: crate::storage::import::ConflictChoice,
    ) {
        let count = plan.fresh.len() + plan.conflicts.len();
        self.change_library(|l| {
            crate::storage::import::apply_import(l, plan, choice, new_id, now())
        });
        self.notify(NoticeKind::Info(format!(
            "Imported {count} workshop{}.",
            if count == 1 { "" } else { "s" }
        )));
    }

    pub fn add_exercise(&self, workshop_id: &str, kind: ExerciseKind) -> String {
        let exercise_id = new_id();
        let id = exercise_id.clone();
        self.edit_workshop(workshop_id, None, move |w| {
            let count = w.exercises.iter().filter(|e| e.data.kind() == kind).count();
            let title = if count == 0 {
                kind.label().to_string()
            } else {
                format!("{} {}", kind.label(), count + 1)
            };
            w.add_exercise(id, kind, title);
        });
        exercise_id
    }

    /// Another tab wrote (or deleted) one of the app's keys: a workshop's header takes that
    /// tab's version, since each tab saves every change at once. A workshop this tab could
    /// not save (storage full) is not replaced; the user is warned instead.
    pub fn take_change_from_other_tab(&self, key: &str, new_value: Option<String>) {
        let mut outcome = OtherTab::Nothing;
        self.library.maybe_update(|library| {
            self.saver.update_value(|saver| {
                outcome =
                    saver.take_other_tab_change(&LocalStore, library, key, new_value.as_deref());
            });
            !matches!(outcome, OtherTab::Nothing | OtherTab::Conflict { .. })
        });
        self.check_quota_headroom();
        match outcome {
            OtherTab::Nothing => {}
            OtherTab::Conflict { .. } => self.notify(NoticeKind::Error(
                "Another tab changed a workshop that this tab has not yet saved. Export this tab's copy before you go on.".into(),
            )),
            OtherTab::Removed { workshop } => {
                self.forget_history(&workshop);
            }
            OtherTab::Replaced { workshop, title } => {
                self.forget_history(&workshop);
                let open = self
                    .route
                    .with_untracked(|r| r.workshop_id() == Some(workshop.as_str()));
                if open {
                    self.notify(NoticeKind::ChangedElsewhere { workshop, title });
                }
            }
        }
    }

    /// Forgets the workshop's undo and redo steps: after a participant hands a ballot over,
    /// so that Ctrl+Z can never bring a sealed ballot back onto the screen for the next.
    pub fn forget_undo(&self, workshop_id: &str) {
        self.forget_history(workshop_id);
    }

    /// Undo steps made against a version another tab replaced would undo that tab's work.
    fn forget_history(&self, workshop_id: &str) {
        self.histories.update_value(|h| {
            h.remove(workshop_id);
        });
        self.revision.update(|r| *r += 1);
    }
}
