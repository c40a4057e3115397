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

    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &Utf8Encoder,
        text: &js_sys::JsString,
        destination: &js_sys::Uint8Array,
    ) -> EncodeIntoResult;

    /// How many UTF-16 units `encodeInto` read, and how many bytes it wrote.
    type EncodeIntoResult;

    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeIntoResult) -> u32;

    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

/// A JavaScript string as UTF-8 in Rust, encoded by the browser straight into the string's
/// own memory. wasm-bindgen's default conversion walks the string in JavaScript first (a
/// 1 MB workshop's restore spent 20 ms on it), and `TextEncoder.encode` makes a copy that
/// then has to be copied again into wasm memory. Also used for imported files.
pub fn utf8_from_js(text: &js_sys::JsString) -> Option<String> {
    let encoder = Utf8Encoder::new();
    let mut rest = text.clone();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let units = rest.length();
        let start = bytes.len();
        // Enough for text that is mostly ASCII, as workshops in Latin scripts are; what
        // does not fit goes in the next round, with room for the worst case (3 bytes per unit).
        let room = if start == 0 {
            units as usize + units as usize / 8 + 4
        } else {
            units as usize * 3 + 4
        };
        bytes.resize(start + room, 0);
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        // Nothing allocates between making this view of wasm memory and the browser writing
        // through it, so the memory cannot grow (which would detach the view) meanwhile.
        let destination = js_sys::Uint8Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            bytes.as_ptr() as u32 + start as u32,
            room as u32,
        );
        let result = encoder.encode_into(&rest, &destination);
        bytes.truncate(start + result.written() as usize);
        let read = result.read();
        if read >= units {
            break;
        }
        rest = rest.slice(read, units);
    }
    String::from_utf8(bytes).ok()
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
        utf8_from_js(&text.dyn_into::<js_sys::JsString>().ok()?)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(store_error)
    }

    fn remove(&mut self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

fn store_error(error: wasm_bindgen::JsValue) -> StoreError {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StoreError::QuotaExceeded
    } else {
        StoreError::Other(format!("{error:?}"))
    }
}
