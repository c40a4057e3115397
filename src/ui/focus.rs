//! Where the keyboard goes after a change, so it never falls to the page: after an undo, to
//! the control whose value came back; after a delete, to the next row (or the one before);
//! after a new workshop, to its title.
//!
//! Controls are found by element id. A row of a list carries `data-row="<id>"`, and each
//! control in it `data-role`, so "the same control of the next row" can be found.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The control that has the keyboard, as an element id to find it again after the change:
/// its `data-undo-focus` if it names another control (a Remove button names its row's first
/// field), else its own id.
pub fn focused_control() -> Option<String> {
    let active = document()?.active_element()?;
    active
        .get_attribute("data-undo-focus")
        .or_else(|| Some(active.id()))
        .filter(|id| !id.is_empty() && id != "main")
}

/// Gives the element the keyboard; false when it cannot take it (the page's body never
/// counts: that is the keyboard lost).
fn focus_element(element: &web_sys::Element) -> bool {
    if element.tag_name().eq_ignore_ascii_case("body") {
        return false;
    }
    let focused = if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        html.focus().is_ok()
    } else if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        svg.focus().is_ok()
    } else {
        false
    };
    focused
        && document()
            .and_then(|d| d.active_element())
            .is_some_and(|a| a == *element)
}

/// Whether the keyboard has fallen to the page (its element was removed or hidden).
fn focus_is_lost() -> bool {
    match document().and_then(|d| d.active_element()) {
        None => true,
        Some(active) => active.tag_name().eq_ignore_ascii_case("body") || !active.is_connected(),
    }
}

/// The page's main region: where the keyboard goes when nothing better is left.
fn focus_main() {
    if let Some(main) = document().and_then(|d| d.get_element_by_id("main")) {
        focus_element(&main);
    }
}

/// Runs `work` at the next animation frame, when the browser has drawn what changed.
pub(super) fn on_next_frame(work: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Runs `work` once the change on screen is drawn: the next animation frame, or, when the
/// change opened a screen whose module is still loading, once that screen is there (a new
/// workshop's title field is on its page, which may arrive a moment later).
fn after_render(work: impl FnOnce() + 'static) {
    on_next_frame(move || super::on_demand::when_loaded(work));
}

/// After the change is drawn, gives the keyboard to the element with this id; with none (or
/// none found), makes sure it has not fallen to the page.
pub fn focus_after_render(id: Option<String>) {
    after_render(move || {
        let found = id
            .and_then(|id| document()?.get_element_by_id(&id))
            .is_some_and(|element| focus_element(&element));
        if !found && focus_is_lost() {
            focus_main();
        }
    });
}

/// A row that moved in its list is taken out and put back, which loses the keyboard: this
/// gives it back to the control (by id) once the list is drawn.
pub fn keep_focus_on(id: &str) {
    focus_after_render(Some(id.to_string()));
}

/// After the change is drawn, gives the keyboard back to `element` (what opened a dialog),
/// or to the page's main region if it is gone.
pub fn focus_element_after_render(element: Option<web_sys::Element>) {
    after_render(move || {
        let found = element
            .filter(|e| e.is_connected())
            .is_some_and(|e| focus_element(&e));
        if !found && focus_is_lost() {
            focus_main();
        }
    });
}

/// After the change is drawn, gives the keyboard to the first element matching `selector`.
pub fn focus_selector_after_render(selector: String) {
    after_render(move || {
        let found = document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .is_some_and(|element| focus_element(&element));
        if !found && focus_is_lost() {
            focus_main();
        }
    });
}

/// Call just before removing the row `row_id`: once it is gone, the keyboard goes to the same
/// control of the next row, or of the one before it if it was the last, or else to
/// `fallback` (a selector: the list's "new" field, say).
pub fn focus_neighbour_after_removal(row_id: &str, fallback: &str) {
    let Some(document) = document() else { return };
    let active = document.active_element();
    // The row the keyboard is in (the same id may head rows in two lists: a map's shapes
    // and its list of actors), else the first row with that id.
    let row = active
        .as_ref()
        .and_then(|a| a.closest("[data-row]").ok().flatten())
        .filter(|row| row.get_attribute("data-row").as_deref() == Some(row_id))
        .or_else(|| {
            document
                .query_selector(&format!("[data-row=\"{}\"]", css_string(row_id)))
                .ok()
                .flatten()
        });
    let role = active.and_then(|a| a.get_attribute("data-role"));
    let neighbour = row.as_ref().and_then(|row| {
        let is_row = |e: &web_sys::Element| e.has_attribute("data-row");
        let mut next = row.next_element_sibling();
        while let Some(candidate) = next.clone() {
            if is_row(&candidate) {
                return Some(candidate);
            }
            next = candidate.next_element_sibling();
        }
        let mut previous = row.previous_element_sibling();
        while let Some(candidate) = previous.clone() {
            if is_row(&candidate) {
                return Some(candidate);
            }
            previous = candidate.previous_element_sibling();
        }
        None
    });
    let target = match neighbour.and_then(|n| n.get_attribute("data-row")) {
        Some(id) => {
            let row = format!("[data-row=\"{}\"]", css_string(&id));
            match role {
                // The row itself when it is the control (a shape), else the same control in it.
                Some(role) => format!(
                    "{row}[data-role=\"{role}\"], {row} [data-role=\"{role}\"]",
                    role = css_string(&role)
                ),
                None => format!("{row}[tabindex], {row} input, {row} button"),
            }
        }
        None => fallback.to_string(),
    };
    focus_selector_after_render(target);
}

/// Escapes a value for a quoted CSS attribute selector.
fn css_string(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}
