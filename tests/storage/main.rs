//! The stored format: fixtures of every released schema version, quarantine, a full store,
//! imports that must never panic or change what is already there, and what format 3 brought.
#![cfg(not(target_arch = "wasm32"))]

use pla_workshop::model::{ExerciseData, ExerciseKind, Library, Workshop};
use pla_workshop::storage::format::{read, Envelope, ReadError, SCHEMA_VERSION};
use pla_workshop::storage::import::plan_import;
use pla_workshop::storage::layout::STORAGE_SCHEMA_VERSION;
use pla_workshop::storage::{self, KeyValueStore, MemoryStore, Saver, StoreError};
use proptest::prelude::*;

mod damage;
mod quarantine;
mod saving;
mod versions;
mod vignettes_and_plan;

const EXAMPLE: &str = include_str!("../../examples/phase-zero-workshop.json");

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/schema-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("every released version needs a frozen fixture: {path}: {e}"))
}

/// The text version 1 kept under a workshop's key: the workshop as a one-workshop file, of
/// the file format's version 1 (which that app wrote).
fn v1_text(workshop: &Workshop) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&Envelope::new(vec![workshop.clone()], 1.0).to_json())
            .expect("our own JSON");
    value["schema_version"] = 1.into();
    value.to_string()
}

fn store_with(entries: &[(&str, &str)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (key, value) in entries {
        store.set(key, value).unwrap();
    }
    store
}

/// A store holding `workshops` as this build saves them.
fn saved(workshops: &[Workshop]) -> MemoryStore {
    let mut store = MemoryStore::default();
    let mut saver = Saver::default();
    let library = Library {
        workshops: workshops.to_vec(),
    };
    for workshop in workshops {
        saver.changed(&workshop.id);
    }
    saver.flush(&mut store, &library, 1.0).expect("saved");
    store
}

/// The id of `workshop`'s first exercise of `kind`.
fn first_exercise_of(workshop: &Workshop, kind: ExerciseKind) -> String {
    workshop
        .exercises
        .iter()
        .find(|e| e.data.kind() == kind)
        .expect("an exercise of that kind")
        .id
        .clone()
}

fn example_workshop(id: &str) -> Workshop {
    let mut workshop = read(EXAMPLE)
        .expect("the example reads")
        .workshops
        .remove(0);
    workshop.id = id.into();
    workshop
}

/// A store that records each write, and can refuse every write after the first `limit`, as
/// if the tab had closed (or the machine crashed) there.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    writes: Vec<String>,
    limit: Option<usize>,
}

impl KeyValueStore for Recording {
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.limit.is_some_and(|limit| self.writes.len() >= limit) {
            return Err(StoreError::Other("the tab closed".into()));
        }
        self.writes.push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        if self.limit.is_some_and(|limit| self.writes.len() >= limit) {
            return;
        }
        self.writes.push(format!("remove {key}"));
        self.inner.remove(key);
    }
}
