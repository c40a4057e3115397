//! The browser's local storage behind the `KeyValueStore` trait (gloo-storage's raw handle).

use super::{KeyValueStore, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The origin's local storage.
#[derive(Debug, Default, Clone, Copy)]
pub struct LocalStore;

impl KeyValueStore for LocalStore {
    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let count = raw.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| raw.key(i).ok().flatten())
            .collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(|error| {
            let name = error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(format!("{error:?}"))
            }
        })
    }

    fn remove(&mut self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }
}
