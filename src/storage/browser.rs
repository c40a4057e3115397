//! The browser's local storage behind the `KeyValueStore` trait (gloo-storage's raw handle).

use super::{KeyValueStore, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The same `Storage` object, with a `getItem` that keeps the value a JavaScript string
    /// (or null) until it is encoded.
    type StorageArea;

    #[wasm_bindgen(method, js_name = getItem, catch)]
    fn get_item_as_js(
        this: &StorageArea,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    #[wasm_bindgen(method)]
    fn encode(this: &Utf8Encoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

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
        let area: StorageArea = LocalStorage::raw().unchecked_into();
        let text = area.get_item_as_js(key).ok()?;
        let text = text.dyn_into::<js_sys::JsString>().ok()?;
        // The browser's own encoder, then one copy into Rust: the default conversion walks
        // the string in JavaScript first, which took a 1 MB workshop's restore 20 ms.
        let bytes = Utf8Encoder::new().encode(&text).to_vec();
        String::from_utf8(bytes).ok()
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
