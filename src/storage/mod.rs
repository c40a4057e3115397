//! Where workshops live between visits: the browser's local storage, a header key per
//! workshop and a key per exercise (`layout.rs`), saved by the [`Saver`].
//!
//! Whatever cannot be read is moved aside to a quarantine key, never overwritten, and
//! reported; one damaged exercise goes aside alone, and its workshop stays.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod format;
pub mod import;
pub mod layout;
pub mod pretty_json;
pub mod saver;

use crate::model::{Library, Millis};
use format::Envelope;
pub use layout::{exercise_key, workshop_key, EXERCISE_PREFIX, KEY_PREFIX, WORKSHOP_PREFIX};
pub use saver::{OtherTab, Quarantined, Saver};
use serde::{Deserialize, Serialize};

pub const QUARANTINE_PREFIX: &str = "pla-workshop/quarantine/";
pub const PREFERENCES_KEY: &str = "pla-workshop/preferences";

/// Chromium allows about 5 million characters per origin; warn well before that.
pub const QUOTA_CHARS: usize = 5_000_000;
pub const QUOTA_WARNING_CHARS: usize = 4_000_000;

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
    /// The quarantine records made by this load.
    pub newly_quarantined: Vec<Quarantined>,
}

/// Reads every stored workshop whole: [`Saver::open`], then its unread data at once.
pub fn load_all(store: &mut impl KeyValueStore, now: Millis) -> LoadReport {
    let (mut saver, mut library, mut newly_quarantined) = Saver::open(store, now);
    newly_quarantined.extend(saver.read_unread(store, &mut library, now));
    LoadReport {
        library,
        newly_quarantined,
    }
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

/// A backup of everything stored, as one file the app can import: every readable workshop,
/// with the exercises whose data reads. Used by the crash overlay, so it reads raw values
/// and never trusts in-memory state, and it writes nothing.
pub fn backup_from_store(store: &impl KeyValueStore, now: Millis) -> String {
    let mut workshops = Vec::new();
    let mut keys = store.keys();
    keys.sort();
    for key in keys.iter().filter(|k| k.starts_with(WORKSHOP_PREFIX)) {
        let Some(raw) = store.get(key) else { continue };
        match layout::stored_version(&raw) {
            Ok(1) => {
                if let Ok(file) = format::read(&raw) {
                    workshops.extend(file.workshops);
                }
            }
            Ok(_) => {
                let Ok(header) = layout::read_header(key, &raw) else {
                    continue;
                };
                let mut exercises = Vec::new();
                for entry in &header.exercises {
                    let data = store
                        .get(&exercise_key(&header.id, &entry.id))
                        .and_then(|raw| layout::read_exercise(&raw, entry.kind).ok());
                    if let Some(data) = data {
                        exercises.push(crate::model::SharedExercise::new(crate::model::Exercise {
                            id: entry.id.clone(),
                            title: entry.title.clone(),
                            group_id: entry.group_id.clone(),
                            notes: entry.notes.clone(),
                            data,
                        }));
                    }
                }
                let workshop = header.with_exercises(exercises);
                workshops.push(workshop);
            }
            Err(_) => {}
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
