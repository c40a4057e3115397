//! The browser's local storage behind the `KeyValueStore` trait (gloo-storage's raw handle).

use super::format::{self, ExerciseJsonCache};
use super::{workshop_key, KeyValueStore, StoreError};
use crate::model::{Millis, Workshop};
use gloo_storage::{LocalStorage, Storage};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The same `Storage` object, with a `getItem` that keeps the value a JavaScript string
    /// (or null) until it is encoded.
    type StorageArea;

    /// `setItem` with a JavaScript string, so a text joined from parts is not copied into
    /// and out of wasm memory.
    #[wasm_bindgen(method, js_name = setItem, catch)]
    fn set_item_js(
        this: &StorageArea,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), wasm_bindgen::JsValue>;

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

/// Each exercise's JSON as a JavaScript string, with the version of the JSON it was made
/// from and its length in characters; keyed by workshop id and exercise id.
#[derive(Debug, Default)]
pub struct ExerciseJsTexts(HashMap<(String, String), (u64, js_sys::JsString, usize)>);

impl ExerciseJsTexts {
    /// Forgets a deleted workshop's exercises.
    pub fn forget_workshop(&mut self, workshop_id: &str) {
        self.0.retain(|(id, _), _| id != workshop_id);
    }
}

/// Saves one workshop, with the text [`format::single_workshop_json_cached`] writes, but joins
/// it from JavaScript strings. An unchanged exercise's JSON is turned into a JavaScript
/// string once, not on every keystroke: for a 1 MB map that conversion took 1.4 ms a save
/// (4.6 at p95), and left a megabyte of garbage each time. Returns the characters the
/// workshop now takes in storage.
pub fn save_workshop_joined(
    workshop: &Workshop,
    now: Millis,
    cache: &mut ExerciseJsonCache,
    js_texts: &mut ExerciseJsTexts,
) -> Result<usize, StoreError> {
    let Some((text, chars)) = joined_text(workshop, now, cache, js_texts) else {
        return super::save_workshop(&mut LocalStore, workshop, now);
    };
    let area: StorageArea = LocalStorage::raw().unchecked_into();
    area.set_item_js(&workshop_key(&workshop.id), &text)
        .map_err(store_error)?;
    Ok(chars)
}

/// Makes ready, while the browser is idle, what the workshop's next save reuses.
pub fn prepare_joined(
    workshop: &Workshop,
    cache: &mut ExerciseJsonCache,
    js_texts: &mut ExerciseJsTexts,
) {
    let _ = joined_text(workshop, 0.0, cache, js_texts);
}

/// The workshop's stored text as one JavaScript string, and the characters it takes in
/// storage with its key.
fn joined_text(
    workshop: &Workshop,
    now: Millis,
    cache: &mut ExerciseJsonCache,
    js_texts: &mut ExerciseJsTexts,
) -> Option<(js_sys::JsString, usize)> {
    let parts = format::single_workshop_json_parts(workshop, now, cache)?;
    js_texts.0.retain(|(workshop_id, exercise_id), _| {
        workshop_id != &workshop.id || parts.exercises.iter().any(|(id, _, _)| id == exercise_id)
    });
    let key = workshop_key(&workshop.id);
    let mut chars = super::stored_chars(&key, &parts.before) + parts.after.chars().count();
    // JavaScript joins strings without copying them; `setItem` copies the whole once.
    let mut text = js_sys::JsString::from(parts.before.as_str());
    for (index, (exercise_id, version, json)) in parts.exercises.iter().enumerate() {
        if index > 0 {
            text = text.concat(&",".into());
            chars += 1;
        }
        let entry = js_texts
            .0
            .entry((workshop.id.clone(), exercise_id.to_string()))
            .and_modify(|entry| {
                if entry.0 != *version {
                    *entry = (*version, json.get().into(), json.get().chars().count());
                }
            })
            .or_insert_with(|| (*version, json.get().into(), json.get().chars().count()));
        text = text.concat(&entry.1);
        chars += entry.2;
    }
    text = text.concat(&parts.after.as_str().into());
    Some((text, chars))
}
