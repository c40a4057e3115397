//! Where workshops live between visits: one key per workshop in the browser's local storage.
//!
//! Each workshop is stored on its own, as a one-workshop file in the export format, so a save
//! writes only what changed and one damaged value never hides the others. Whatever cannot be
//! read is moved aside to a quarantine key, never overwritten, and reported.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod format;
pub mod import;

use crate::model::{Library, Millis, Workshop};
pub use format::ExerciseJsonCache;
use format::{read, Envelope, ReadError};
use serde::{Deserialize, Serialize};

pub const KEY_PREFIX: &str = "pla-workshop/";
pub const WORKSHOP_PREFIX: &str = "pla-workshop/workshop/";
pub const QUARANTINE_PREFIX: &str = "pla-workshop/quarantine/";
pub const PREFERENCES_KEY: &str = "pla-workshop/preferences";

/// Chromium allows about 5 million characters per origin; warn well before that.
pub const QUOTA_CHARS: usize = 5_000_000;
pub const QUOTA_WARNING_CHARS: usize = 4_000_000;

pub fn workshop_key(id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full: the change is kept in memory only.
    QuotaExceeded,
    Other(String),
}

/// The little of local storage that the app needs, so the rules below run natively in tests.
pub trait KeyValueStore {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
}

/// A value moved aside because it could not be read, with why, so it can be downloaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarantineRecord {
    pub original_key: String,
    pub reason: String,
    pub quarantined_at: Millis,
    pub raw: String,
}

#[derive(Debug, Default)]
pub struct LoadReport {
    pub library: Library,
    /// Keys of the quarantine records made by this load.
    pub newly_quarantined: Vec<(String, QuarantineRecord)>,
    /// Characters each workshop key takes, counted while reading, so start-up reads each
    /// value once.
    pub stored_chars: std::collections::HashMap<String, usize>,
}

/// Reads every stored workshop. What cannot be read is moved to a quarantine key first, so
/// nothing later can overwrite it, and the load carries on with the rest.
pub fn load_all(store: &mut impl KeyValueStore, now: Millis) -> LoadReport {
    let mut report = load_all_but_exercise_data(store, now);
    let unreadable = read_deferred(store, &mut report.library, now);
    report.newly_quarantined.extend(unreadable);
    report
}

/// The first half of [`load_all`], for opening the app: every stored workshop, with each
/// exercise's data left unread (`ExerciseBody::Unread`) until [`read_deferred`]. A 1 MB
/// map's data took most of the time between opening the app and its first picture.
pub fn load_all_but_exercise_data(store: &mut impl KeyValueStore, now: Millis) -> LoadReport {
    let mut report = LoadReport::default();
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(WORKSHOP_PREFIX))
        .collect();
    keys.sort();
    for key in keys {
        let Some(raw) = store.get(&key) else { continue };
        report
            .stored_chars
            .insert(key.clone(), stored_chars(&key, &raw));
        let read =
            crate::model::read_with_exercise_data_unread(|| read_stored_workshop(&key, &raw));
        match read {
            Ok(workshop) => report.library.upsert(workshop),
            Err(error) => {
                let quarantined = quarantine(store, &key, raw, &error, now);
                report.newly_quarantined.push(quarantined);
            }
        }
    }
    report
}

/// The second half of [`load_all`]: reads and checks the exercise data left unread. A
/// workshop whose data cannot be read leaves the library, and the text stored for it is
/// read again whole: taken if it now reads (another tab saved it meanwhile), quarantined
/// otherwise. Returns the quarantine records made.
pub fn read_deferred(
    store: &mut impl KeyValueStore,
    library: &mut Library,
    now: Millis,
) -> Vec<(String, QuarantineRecord)> {
    let mut unreadable = Vec::new();
    for workshop in &mut library.workshops {
        if format::read_exercise_data(workshop).is_err() {
            unreadable.push(workshop.id.clone());
        }
    }
    let mut quarantined = Vec::new();
    for id in unreadable {
        library.remove(&id);
        let key = workshop_key(&id);
        // Nothing in this tab saves unread data, but another tab may have saved this workshop
        // since it was loaded: take what is stored now if it reads, and otherwise quarantine
        // exactly that text, with its own reason. Gone from storage, it goes from here too.
        let Some(raw) = store.get(&key) else { continue };
        match crate::model::read_with_exercise_data_read(|| read_stored_workshop(&key, &raw)) {
            Ok(workshop) => library.upsert(workshop),
            Err(error) => quarantined.push(quarantine(store, &key, raw, &error, now)),
        }
    }
    quarantined
}

/// Moves an unreadable value to a quarantine key, with why.
fn quarantine(
    store: &mut impl KeyValueStore,
    key: &str,
    raw: String,
    error: &ReadError,
    now: Millis,
) -> (String, QuarantineRecord) {
    let record = QuarantineRecord {
        original_key: key.to_string(),
        reason: error.to_string(),
        quarantined_at: now,
        raw,
    };
    let quarantine_key = format!(
        "{QUARANTINE_PREFIX}{}/{}",
        &key[WORKSHOP_PREFIX.len()..],
        now
    );
    let stored = serde_json::to_string(&record).unwrap_or_default();
    // Only free the original key once the copy is safely stored. If storage is too full for
    // the copy, the original stays where it is: it is still never overwritten, because the
    // id is not in the library and so is never saved.
    if store.set(&quarantine_key, &stored).is_ok() {
        store.remove(key);
    }
    (quarantine_key, record)
}

fn read_stored_workshop(key: &str, raw: &str) -> Result<Workshop, ReadError> {
    let mut envelope = read(raw)?;
    let expected_id = &key[WORKSHOP_PREFIX.len()..];
    match envelope.workshops.len() {
        1 if envelope.workshops[0].id == expected_id => Ok(envelope.workshops.remove(0)),
        1 => Err(ReadError::Invalid {
            path: "workshops[0].id".into(),
            message: format!("the workshop's id does not match its storage key {key:?}"),
        }),
        n => Err(ReadError::Invalid {
            path: "workshops".into(),
            message: format!("a stored value holds exactly one workshop, not {n}"),
        }),
    }
}

/// The text stored for one workshop.
pub fn stored_text(workshop: &Workshop, now: Millis) -> String {
    format::single_workshop_json(workshop, now)
}

/// Saves one workshop; returns the characters it now takes in storage.
pub fn save_workshop(
    store: &mut impl KeyValueStore,
    workshop: &Workshop,
    now: Millis,
) -> Result<usize, StoreError> {
    write_workshop(store, &workshop.id, &stored_text(workshop, now))
}

fn write_workshop(
    store: &mut impl KeyValueStore,
    workshop_id: &str,
    text: &str,
) -> Result<usize, StoreError> {
    let key = workshop_key(workshop_id);
    store.set(&key, text)?;
    Ok(stored_chars(&key, text))
}

pub fn delete_workshop(store: &mut impl KeyValueStore, id: &str) {
    store.remove(&workshop_key(id));
}

/// Every quarantine record still held, oldest first.
pub fn quarantined(store: &impl KeyValueStore) -> Vec<(String, QuarantineRecord)> {
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    keys.sort();
    keys.into_iter()
        .filter_map(|key| {
            let raw = store.get(&key)?;
            let record = serde_json::from_str(&raw).unwrap_or(QuarantineRecord {
                original_key: key.clone(),
                reason: "The quarantine record itself could not be read.".into(),
                quarantined_at: 0.0,
                raw,
            });
            Some((key, record))
        })
        .collect()
}

/// Characters the app's keys use in local storage (keys and values, as browsers count them).
/// What one entry costs against the quota. Browsers count UTF-16 units; characters are close.
pub fn stored_chars(key: &str, value: &str) -> usize {
    key.chars().count() + value.chars().count()
}

/// A backup of everything stored, as one file the app can import: every readable workshop.
/// Used by the crash overlay, so it reads raw values and never trusts in-memory state.
pub fn backup_from_store(store: &impl KeyValueStore, now: Millis) -> String {
    let mut workshops = Vec::new();
    for key in store.keys() {
        if !key.starts_with(WORKSHOP_PREFIX) {
            continue;
        }
        let read_whole = |raw: String| crate::model::read_with_exercise_data_read(|| read(&raw));
        if let Some(Ok(envelope)) = store.get(&key).map(read_whole) {
            workshops.extend(envelope.workshops);
        }
    }
    Envelope::new(workshops, now).to_pretty_json()
}

/// Local storage in memory, for tests, with an optional quota to test a full store.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    pub entries: std::collections::BTreeMap<String, String>,
    pub quota_chars: Option<usize>,
}

impl KeyValueStore for MemoryStore {
    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_chars {
            let others: usize = self
                .entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }
}
