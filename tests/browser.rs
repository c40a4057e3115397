//! Browser tests (wasm-bindgen-test in headless Chromium): real local storage, and the app
//! mounted in a real page reacting to clicks. Run by `scripts/test-browser.sh`.
#![cfg(target_arch = "wasm32")]

use pla_workshop::model::{ExerciseKind, Workshop};
use pla_workshop::storage::{self, browser::LocalStore, KeyValueStore};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_app_storage() {
    let mut store = LocalStore;
    for key in store.keys() {
        if key.starts_with(storage::KEY_PREFIX) {
            store.remove(&key);
        }
    }
}

/// Lets effects and DOM updates scheduled on the microtask queue run, until `done` holds.
async fn until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    done()
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

#[wasm_bindgen_test]
fn a_workshop_survives_a_round_trip_through_local_storage() {
    clear_app_storage();
    let mut workshop = Workshop::new("round-trip".into(), "Statutory services — مرحبا", 1.0);
    workshop.add_exercise("e1".into(), ExerciseKind::PairwiseRanking, "Priorities");
    // Text outside ASCII and outside the Basic Multilingual Plane survives the browser's own
    // encoder, which reading from storage uses.
    workshop.notes = "Zażółć gęślą jaźń; 中文; 🌍🙂; \"quoted\" and \\ back".into();
    assert_survives_a_round_trip(&workshop);
}

#[wasm_bindgen_test]
fn text_mostly_outside_ascii_survives_a_round_trip() {
    clear_app_storage();
    // Three and four UTF-8 bytes per character: reading encodes in rounds when the text is
    // larger in UTF-8 than a mostly-ASCII guess, and a round may end inside an emoji's pair
    // of UTF-16 units.
    let mut workshop = Workshop::new("bengali".into(), "পরিবার ও সমাজ", 1.0);
    workshop.notes = "পরিবার 🌍 সমাজ 🙂".repeat(500);
    assert_survives_a_round_trip(&workshop);
}

/// Saves `workshop` to real local storage, loads everything back, and compares.
fn assert_survives_a_round_trip(workshop: &Workshop) {
    let mut store = LocalStore;
    let mut saver = storage::Saver::default();
    saver.changed(&workshop.id);
    let library = pla_workshop::model::Library {
        workshops: vec![workshop.clone()],
    };
    saver.flush(&mut store, &library, 2.0).expect("saved");
    let report = storage::load_all(&mut store, 3.0);
    assert!(report.newly_quarantined.is_empty());
    assert_eq!(report.library.get(&workshop.id), Some(workshop));
    clear_app_storage();
}

#[wasm_bindgen_test]
fn unreadable_stored_data_is_moved_aside_not_overwritten() {
    clear_app_storage();
    let mut store = LocalStore;
    store
        .set("pla-workshop/workshop/broken", "{ not json")
        .expect("set");
    let report = storage::load_all(&mut store, 7.0);
    assert_eq!(report.newly_quarantined.len(), 1);
    assert_eq!(store.get("pla-workshop/workshop/broken"), None);
    let kept = storage::quarantined(&store);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].1.raw, "{ not json");
    // A value with a lone surrogate (JavaScript allows it, UTF-8 cannot hold it) is read with
    // the replacement character, and the rest is kept.
    let local = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage");
    let lone = js_sys::JsString::from_char_code1(0xD800).concat(&"x".into());
    let set_item = js_sys::Reflect::get(&local, &"setItem".into()).expect("setItem");
    js_sys::Function::from(set_item)
        .call2(&local, &"pla-workshop/test/lone".into(), &lone)
        .expect("stored");
    assert_eq!(
        store.get("pla-workshop/test/lone").as_deref(),
        Some("\u{FFFD}x")
    );
    clear_app_storage();
}

#[wasm_bindgen_test]
async fn the_mounted_app_reacts_to_clicks() {
    clear_app_storage();
    let host = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let host: web_sys::HtmlElement = host.unchecked_into();
    std::mem::forget(leptos::mount::mount_to(host.clone(), pla_workshop::ui::App));

    let button = |label: &str| -> web_sys::HtmlElement {
        let buttons = host.query_selector_all("button").expect("buttons");
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button {label:?}"))
    };
    let root = document().document_element().expect("root");

    button("Projector mode").click();
    assert!(
        until(|| root.class_list().contains("projector")).await,
        "projector mode did not switch on"
    );
    button("Leave projector mode").click();
    assert!(
        until(|| !root.class_list().contains("projector")).await,
        "projector mode did not switch off"
    );

    button("New workshop").click();
    assert!(
        until(|| host
            .text_content()
            .unwrap_or_default()
            .contains("Participant groups"))
        .await,
        "the new workshop's page did not open"
    );
    let stored = LocalStore
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(storage::WORKSHOP_PREFIX))
        .count();
    assert_eq!(stored, 1, "the new workshop was saved at once");
    clear_app_storage();
}
