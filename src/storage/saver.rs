//! Saving the library, key by key, and knowing what storage holds.
//!
//! The one place that decides what to write: which exercises changed since they were last
//! written, in which order the keys go (each exercise's data first, its workshop's header
//! last, so a crash between two writes leaves the old header naming data that is all
//! there), what a full store leaves unsaved, and what another tab's write means here.
//! It works on any [`KeyValueStore`], so all of it is tested natively on a `MemoryStore`.

use super::format::{self, ReadError};
use super::layout::{
    self, exercise_ids_of_key, exercise_key, workshop_id_of_key, workshop_key, WorkshopHeader,
    EXERCISE_PREFIX, WORKSHOP_PREFIX,
};
use super::{
    stored_chars, KeyValueStore, QuarantineRecord, StoreError, KEY_PREFIX, QUARANTINE_PREFIX,
};
use crate::model::{
    Exercise, ExerciseData, ExerciseKind, Library, Millis, SharedExercise, Workshop,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A stored value put aside, with its quarantine key.
pub type Quarantined = (String, QuarantineRecord);

/// An exercise whose data start-up left unread: whose, and what its header says it is.
#[derive(Debug, Clone)]
struct Unread {
    workshop_id: String,
    exercise_id: String,
    kind: ExerciseKind,
}

#[derive(Debug, Default)]
pub struct Saver {
    /// Each exercise as its data key holds it, by key: as this tab last wrote or read it, or,
    /// while its data is unread, the empty placeholder the library holds for it. An exercise
    /// is written again only when its data differs from this (a pointer says "the same" at
    /// once), so a placeholder is never written over the data it stands for.
    written: HashMap<String, SharedExercise>,
    /// Exercise keys whose data start-up has not read yet.
    unread: BTreeMap<String, Unread>,
    /// Workshops changed in memory and not yet (all) in storage.
    unsaved: BTreeSet<String>,
    /// Characters each of the app's keys takes, to warn before the quota.
    stored_chars: HashMap<String, usize>,
    /// Exercise keys another tab wrote since its last header: read when that header comes.
    changed_elsewhere: HashSet<String>,
}

/// What another tab's write to storage means for this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum OtherTab {
    /// Nothing here changes (an exercise's data, which waits for its header; a key not ours;
    /// a header this build cannot read).
    Nothing,
    /// The workshop was replaced by the other tab's version.
    Replaced { workshop: String, title: String },
    /// The other tab deleted the workshop.
    Removed { workshop: String },
    /// The other tab changed a workshop that this tab has not been able to save: this tab's
    /// copy is kept, and the user must be told.
    Conflict { workshop: String },
}

/// A header key, read.
enum Read {
    /// Its header: the exercises' data waits in their keys.
    Header(WorkshopHeader),
    /// A version 1 value, read whole and moved to this layout (or, when the store had no
    /// room, left unsaved for the next save to move).
    Whole(Workshop),
}

impl Saver {
    /// Reads every workshop's header and makes the library, each exercise's data an empty
    /// placeholder until [`Saver::read_unread`]. Moves version 1 values to this layout, puts
    /// aside what cannot be read, and removes exercise keys no header names (left by a crash
    /// between writes, after a deletion). Returns the quarantine records it made.
    pub fn open(store: &mut impl KeyValueStore, now: Millis) -> (Saver, Library, Vec<Quarantined>) {
        let mut saver = Saver::default();
        let mut library = Library::default();
        let mut quarantined = Vec::new();
        let mut headers = Vec::new();
        let mut data_keys = BTreeSet::new();
        for key in store.keys() {
            if key.starts_with(WORKSHOP_PREFIX) {
                headers.push(key);
            } else if key.starts_with(EXERCISE_PREFIX) {
                data_keys.insert(key);
            } else if key.starts_with(QUARANTINE_PREFIX) {
                if let Some(raw) = store.get(&key) {
                    saver
                        .stored_chars
                        .insert(key.clone(), stored_chars(&key, &raw));
                }
            }
        }
        headers.sort();
        for key in headers {
            let Some(raw) = store.get(&key) else { continue };
            saver
                .stored_chars
                .insert(key.clone(), stored_chars(&key, &raw));
            let read = match layout::stored_version(&raw) {
                Ok(1) => saver.migrate_v1(store, &key, &raw).map(Read::Whole),
                Ok(_) => layout::read_header(&key, &raw).map(Read::Header),
                Err(error) => Err(error),
            };
            match read {
                Ok(Read::Header(header)) => {
                    let workshop =
                        saver.with_placeholders(store, header, &data_keys, &mut quarantined, now);
                    library.upsert(workshop);
                }
                Ok(Read::Whole(workshop)) => library.upsert(workshop),
                Err(error) => {
                    quarantined.push(saver.put_aside(store, &key, raw, &error.to_string(), now));
                    // Nothing would read its exercises' data now: it goes aside with it.
                    let id = workshop_id_of_key(&key).unwrap_or_default();
                    let prefix = exercise_key(&id, "");
                    let own: Vec<String> = data_keys
                        .iter()
                        .filter(|k| k.starts_with(&prefix))
                        .cloned()
                        .collect();
                    for data_key in own {
                        data_keys.remove(&data_key);
                        if let Some(raw) = store.get(&data_key) {
                            let reason = format!("Its workshop could not be read. {error}");
                            quarantined.push(saver.put_aside(store, &data_key, raw, &reason, now));
                        }
                    }
                }
            }
        }
        saver.sweep_orphans(store, &library, &data_keys);
        // Headers that lost an exercise are written again, so a loss is reported once.
        let _ = saver.flush(store, &library, now);
        (saver, library, quarantined)
    }

    /// The workshop of `header`, each exercise holding an empty placeholder for its unread
    /// data. An exercise whose data key is missing is left out and reported.
    fn with_placeholders(
        &mut self,
        store: &mut impl KeyValueStore,
        mut header: WorkshopHeader,
        data_keys: &BTreeSet<String>,
        quarantined: &mut Vec<Quarantined>,
        now: Millis,
    ) -> Workshop {
        let workshop_id = header.id.clone();
        let before = header.exercises.len();
        let mut missing = Vec::new();
        header.exercises.retain(|exercise| {
            if data_keys.contains(&exercise_key(&workshop_id, &exercise.id)) {
                return true;
            }
            // Nothing to keep but what the header says; kept as a record all the same, so
            // the loss is said and the title and notes can still be read.
            let reason = format!(
                "The data of the exercise \u{201c}{}\u{201d} was not in storage. What its workshop said of it is kept here.",
                exercise.title
            );
            let raw = serde_json::to_string(exercise).unwrap_or_default();
            let key = exercise_key(&workshop_id, &exercise.id);
            missing.push((key, raw, reason));
            false
        });
        if header.exercises.len() != before {
            self.unsaved.insert(workshop_id.clone());
        }
        for (key, raw, reason) in missing {
            quarantined.push(self.put_aside(store, &key, raw, &reason, now));
        }
        let workshop = header.into_workshop(|e| ExerciseData::empty(e.kind));
        for exercise in &workshop.exercises {
            let key = exercise_key(&workshop_id, &exercise.id);
            self.unread.insert(
                key.clone(),
                Unread {
                    workshop_id: workshop_id.clone(),
                    exercise_id: exercise.id.clone(),
                    kind: exercise.data.kind(),
                },
            );
            self.written.insert(key, exercise.clone());
        }
        workshop
    }

    /// Moves a version 1 value (a whole workshop under its header key, as a one-workshop
    /// file) to this layout: read whole with every rule of a file, then written as any
    /// change is, its exercises' data first and its header over the old value last. A store
    /// with no room for that leaves the old value as it is, and the workshop unsaved.
    fn migrate_v1(
        &mut self,
        store: &mut impl KeyValueStore,
        key: &str,
        raw: &str,
    ) -> Result<Workshop, ReadError> {
        let mut file = format::read(raw)?;
        let workshop = match file.workshops.pop() {
            Some(workshop) if file.workshops.is_empty() => workshop,
            _ => {
                return Err(ReadError::Invalid {
                    path: "workshops".into(),
                    message: "a stored value holds exactly one workshop".into(),
                })
            }
        };
        if key.strip_prefix(WORKSHOP_PREFIX) != Some(workshop.id.as_str()) {
            return Err(ReadError::Invalid {
                path: "workshops[0].id".into(),
                message: format!("the workshop's id does not match its storage key {key:?}"),
            });
        }
        let saved_at = file.saved_at;
        match self.write_workshop(store, &workshop, saved_at) {
            // Version 2 escapes `/` and `%` in the key; the old key then goes.
            Ok(()) if workshop_key(&workshop.id) != key => {
                store.remove(key);
                self.stored_chars.remove(key);
            }
            Ok(()) => {}
            Err(_) => {
                self.unsaved.insert(workshop.id.clone());
            }
        }
        Ok(workshop)
    }

    /// Removes exercise keys that no workshop names: a crash came between deleting an
    /// exercise (or a workshop) from its header and deleting its data, or between writing
    /// a new exercise's data and the header that would have named it.
    fn sweep_orphans(
        &mut self,
        store: &mut impl KeyValueStore,
        library: &Library,
        data_keys: &BTreeSet<String>,
    ) {
        for key in data_keys {
            let named = exercise_ids_of_key(key).is_some_and(|(workshop, exercise)| {
                library
                    .get(&workshop)
                    .is_some_and(|w| w.exercise(&exercise).is_some())
            });
            if !named {
                store.remove(key);
                self.stored_chars.remove(key);
            }
        }
    }

    /// Whether any exercise's data is still to be read.
    pub fn has_unread(&self) -> bool {
        !self.unread.is_empty()
    }

    /// Reads the data that [`Saver::open`] left unread into the library. Data that cannot
    /// be read is put aside on its own: its exercise leaves the workshop, and the rest of the
    /// workshop stays. Returns the quarantine records made.
    pub fn read_unread(
        &mut self,
        store: &mut impl KeyValueStore,
        library: &mut Library,
        now: Millis,
    ) -> Vec<Quarantined> {
        let mut quarantined = Vec::new();
        for (key, unread) in std::mem::take(&mut self.unread) {
            let Some(workshop) = library.get_mut(&unread.workshop_id) else {
                continue;
            };
            let raw = store.get(&key);
            let read = raw
                .as_deref()
                .map(|raw| layout::read_exercise(raw, unread.kind));
            match read {
                Some(Ok(data)) => {
                    self.stored_chars.insert(
                        key.clone(),
                        stored_chars(&key, raw.as_deref().unwrap_or_default()),
                    );
                    let Some(shared) = workshop
                        .exercises
                        .iter_mut()
                        .find(|e| e.id == unread.exercise_id)
                    else {
                        continue;
                    };
                    // Only into the placeholder: data put there since (an import) is newer, and
                    // is written by the next flush, since it differs from the placeholder.
                    if shared.data == ExerciseData::empty(unread.kind) {
                        shared.make_mut().data = data;
                        self.written.insert(key, shared.clone());
                    }
                }
                failed => {
                    let title = workshop
                        .exercise(&unread.exercise_id)
                        .map(|e| e.title.clone())
                        .unwrap_or_default();
                    workshop.remove_exercise(&unread.exercise_id);
                    self.written.remove(&key);
                    self.unsaved.insert(unread.workshop_id.clone());
                    let why = match &failed {
                        Some(Err(error)) => error.to_string(),
                        _ => "It was not in storage.".to_string(),
                    };
                    let reason = format!(
                        "The data of the exercise \u{201c}{title}\u{201d} in \u{201c}{}\u{201d} could not be read, so the workshop opens without it. {why}",
                        workshop.title
                    );
                    // Data gone from storage leaves only its header's words to keep.
                    let raw = raw.unwrap_or_default();
                    quarantined.push(self.put_aside(store, &key, raw, &reason, now));
                }
            }
        }
        let _ = self.flush(store, library, now);
        quarantined
    }

    /// Moves a value that cannot be read to a quarantine key, with why, keeping the count of
    /// characters right.
    fn put_aside(
        &mut self,
        store: &mut impl KeyValueStore,
        key: &str,
        raw: String,
        reason: &str,
        now: Millis,
    ) -> Quarantined {
        let record = QuarantineRecord {
            original_key: key.to_string(),
            reason: reason.to_string(),
            quarantined_at: now,
            raw,
        };
        let quarantine_key = format!(
            "{QUARANTINE_PREFIX}{}/{now}",
            key.strip_prefix(KEY_PREFIX).unwrap_or(key)
        );
        let stored = serde_json::to_string(&record).unwrap_or_default();
        // Only free the original key once the copy is safely stored. If storage is too full
        // for the copy, the original stays where it is: it is still never overwritten, since
        // nothing in the library stands for it, so nothing saves over it.
        if store.set(&quarantine_key, &stored).is_ok() {
            store.remove(key);
        }
        if store.get(key).is_none() {
            self.stored_chars.remove(key);
            let chars = stored_chars(&quarantine_key, &record.raw) + record.reason.len();
            self.stored_chars.insert(quarantine_key.clone(), chars);
        }
        (quarantine_key, record)
    }

    /// The workshop changed in memory: the next [`Saver::flush`] writes it.
    pub fn changed(&mut self, workshop_id: &str) {
        self.unsaved.insert(workshop_id.to_string());
    }

    pub fn is_unsaved(&self, workshop_id: &str) -> bool {
        self.unsaved.contains(workshop_id)
    }

    /// Writes every workshop changed since it was last written, and deletes from storage
    /// those no longer in the library. What a full store refuses stays unsaved, to be tried
    /// again on the next flush; the error says so.
    pub fn flush(
        &mut self,
        store: &mut impl KeyValueStore,
        library: &Library,
        now: Millis,
    ) -> Result<(), StoreError> {
        let mut outcome = Ok(());
        for id in std::mem::take(&mut self.unsaved) {
            let written = match library.get(&id) {
                Some(workshop) => self.write_workshop(store, workshop, now),
                None => {
                    self.delete_workshop(store, &id);
                    Ok(())
                }
            };
            if let Err(error) = written {
                self.unsaved.insert(id);
                // A full store is the error the user can act on; say it first.
                if outcome.is_ok() || error == StoreError::QuotaExceeded {
                    outcome = Err(error);
                }
            }
        }
        outcome
    }

    /// One workshop: each exercise whose data changed, then the header, then the data keys
    /// of exercises it no longer has.
    fn write_workshop(
        &mut self,
        store: &mut impl KeyValueStore,
        workshop: &Workshop,
        now: Millis,
    ) -> Result<(), StoreError> {
        for exercise in &workshop.exercises {
            let key = exercise_key(&workshop.id, &exercise.id);
            if let Some(last) = self.written.get(&key) {
                if last == exercise {
                    continue;
                }
                // Only the title, group or notes changed: those are in the header.
                if last.data == exercise.data {
                    self.written.insert(key, exercise.clone());
                    continue;
                }
            }
            let text = layout::exercise_text(&exercise.data, now);
            store.set(&key, &text)?;
            self.stored_chars
                .insert(key.clone(), stored_chars(&key, &text));
            self.unread.remove(&key);
            self.written.insert(key, exercise.clone());
        }
        let header_key = workshop_key(&workshop.id);
        let header = layout::header_text(workshop, now);
        store.set(&header_key, &header)?;
        self.stored_chars.insert(
            header_key,
            stored_chars(&workshop_key(&workshop.id), &header),
        );
        let prefix = exercise_key(&workshop.id, "");
        let gone: Vec<String> = self
            .written
            .keys()
            .filter(|key| key.starts_with(&prefix))
            .filter(|key| {
                exercise_ids_of_key(key)
                    .is_none_or(|(_, exercise)| workshop.exercise(&exercise).is_none())
            })
            .cloned()
            .collect();
        for key in gone {
            self.forget_exercise_key(store, &key);
        }
        Ok(())
    }

    /// The header first, so no header ever names data that is gone; orphans a crash leaves
    /// are swept at the next start.
    fn delete_workshop(&mut self, store: &mut impl KeyValueStore, workshop_id: &str) {
        let header_key = workshop_key(workshop_id);
        store.remove(&header_key);
        self.stored_chars.remove(&header_key);
        let prefix = exercise_key(workshop_id, "");
        let own: Vec<String> = self
            .written
            .keys()
            .chain(self.unread.keys())
            .filter(|key| key.starts_with(&prefix))
            .cloned()
            .collect();
        for key in own {
            self.forget_exercise_key(store, &key);
        }
    }

    fn forget_exercise_key(&mut self, store: &mut impl KeyValueStore, key: &str) {
        store.remove(key);
        self.written.remove(key);
        self.unread.remove(key);
        self.stored_chars.remove(key);
    }

    /// Characters the app's keys take in storage, as far as this tab knows.
    pub fn stored_total(&self) -> usize {
        self.stored_chars.values().sum()
    }

    /// A quarantine record was deleted.
    pub fn forget_key(&mut self, key: &str) {
        self.stored_chars.remove(key);
    }

    /// Another tab wrote `key` (or removed it, `None`). Each tab saves every change at once,
    /// so what is stored is the newest: a header takes the other tab's version of the
    /// workshop, reading again only the data that tab wrote since.
    pub fn take_other_tab_change(
        &mut self,
        store: &impl KeyValueStore,
        library: &mut Library,
        key: &str,
        new_value: Option<&str>,
    ) -> OtherTab {
        match new_value {
            Some(value) if key.starts_with(super::layout::KEY_PREFIX) => {
                self.stored_chars
                    .insert(key.to_string(), stored_chars(key, value));
            }
            _ => {
                self.stored_chars.remove(key);
            }
        }
        if key.starts_with(EXERCISE_PREFIX) {
            // Its header comes next (data first, header last).
            self.changed_elsewhere.insert(key.to_string());
            return OtherTab::Nothing;
        }
        let Some(id) = workshop_id_of_key(key) else {
            return OtherTab::Nothing;
        };
        if self.unsaved.contains(&id) {
            return OtherTab::Conflict { workshop: id };
        }
        let Some(value) = new_value else {
            library.remove(&id);
            let prefix = exercise_key(&id, "");
            self.written.retain(|k, _| !k.starts_with(&prefix));
            self.unread.retain(|k, _| !k.starts_with(&prefix));
            self.changed_elsewhere.retain(|k| !k.starts_with(&prefix));
            return OtherTab::Removed { workshop: id };
        };
        let Ok(header) = layout::read_header(key, value) else {
            return OtherTab::Nothing;
        };
        let ours = library.get(&id);
        let mut exercises = Vec::new();
        let mut fresh = Vec::new();
        for entry in &header.exercises {
            let data_key = exercise_key(&id, &entry.id);
            let kept = ours
                .and_then(|w| w.shared_exercise(&entry.id))
                .filter(|_| !self.changed_elsewhere.contains(&data_key))
                .filter(|e| e.data.kind() == entry.kind);
            let exercise = match kept {
                // Unchanged there, so as stored (or still a placeholder, still unread); shared,
                // not copied, unless the header changed its title, group or notes.
                Some(exercise) if entry.describes(exercise) => exercise.clone(),
                Some(exercise) => SharedExercise::new(Exercise {
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    group_id: entry.group_id.clone(),
                    notes: entry.notes.clone(),
                    data: exercise.data.clone(),
                }),
                None => match store
                    .get(&data_key)
                    .map(|raw| layout::read_exercise(&raw, entry.kind))
                {
                    Some(Ok(data)) => {
                        fresh.push(data_key);
                        SharedExercise::new(Exercise {
                            id: entry.id.clone(),
                            title: entry.title.clone(),
                            group_id: entry.group_id.clone(),
                            notes: entry.notes.clone(),
                            data,
                        })
                    }
                    // Data this tab cannot read: the next start puts it aside. Until then
                    // this tab keeps its own version.
                    _ => return OtherTab::Nothing,
                },
            };
            exercises.push(exercise);
        }
        let prefix = exercise_key(&id, "");
        self.changed_elsewhere.retain(|k| !k.starts_with(&prefix));
        for key in fresh {
            self.unread.remove(&key);
        }
        let workshop = header.with_exercises(exercises);
        self.written.retain(|k, _| !k.starts_with(&prefix));
        for exercise in &workshop.exercises {
            self.written
                .insert(exercise_key(&id, &exercise.id), exercise.clone());
        }
        let title = workshop.title.clone();
        library.upsert(workshop);
        OtherTab::Replaced {
            workshop: id,
            title,
        }
    }
}
