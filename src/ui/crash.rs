//! What a facilitator sees if the app fails: a plain message and a backup to download,
//! instead of a frozen page in front of the room.
//!
//! Built with raw DOM calls, not Leptos: after a panic the reactive system may be half-way
//! through an update, and the overlay must not depend on it. The backup is read straight from
//! local storage, where every change was already saved.

use crate::storage::{backup_from_store, browser::LocalStore};
use wasm_bindgen::JsValue;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("PLA Workshop failed: {info}")));
        show_crash_overlay();
    }));
}

fn show_crash_overlay() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash-overlay").is_some() {
        return;
    }
    let now = js_sys::Date::now();
    let backup = backup_from_store(&LocalStore, now);
    let build = || -> Result<web_sys::Element, JsValue> {
        let overlay = document.create_element("div")?;
        overlay.set_id("crash-overlay");
        overlay.set_attribute("role", "alertdialog")?;
        overlay.set_attribute("aria-labelledby", "crash-title")?;
        let title = document.create_element("h2")?;
        title.set_id("crash-title");
        title.set_text_content(Some(
            "Something went wrong. Your work up to the last change is saved.",
        ));
        let advice = document.create_element("p")?;
        advice.set_text_content(Some(
            "Download a backup to be safe, then reload the page to carry on.",
        ));
        let parts = js_sys::Array::of1(&JsValue::from_str(&backup));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link = document.create_element("a")?;
        link.set_attribute("href", &url)?;
        link.set_attribute(
            "download",
            &format!("pla-workshop-backup-{}.json", now as u64),
        )?;
        link.set_attribute("class", "button primary")?;
        link.set_text_content(Some("Download a backup"));
        overlay.append_child(&title)?;
        overlay.append_child(&advice)?;
        overlay.append_child(&link)?;
        Ok(overlay)
    };
    if let Ok(overlay) = build() {
        let _ = body.append_child(&overlay);
        if let Some(link) = overlay.query_selector("a").ok().flatten() {
            if let Ok(link) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(link) {
                let _ = link.focus();
            }
        }
    }
}
