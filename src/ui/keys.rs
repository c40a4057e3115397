//! Keys that work everywhere, and the `?` dialog that lists the keys of the current screen.
//!
//! A screen's own keys are handled by its components, which call `prevent_default`; the global
//! handler below then leaves the event alone.

use super::prefs::Preferences;
use super::state::{AppState, Route};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when the key goes to a text field: typing there never triggers an action.
pub fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        // A checkbox or radio button takes no text, so the screen's keys still work there.
        "input" => !matches!(
            target
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        _ => target.has_attribute("contenteditable"),
    }
}

pub fn install_global_keys(state: AppState, prefs: Preferences) {
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if event.default_prevented() {
                return;
            }
            if prefs.blackout.get_untracked() {
                // Any key brings the picture back.
                prefs.blackout.set(false);
                event.prevent_default();
                return;
            }
            let typing = is_typing(&event);
            let key = event.key();
            let command = event.ctrl_key() || event.meta_key();
            if command && !event.alt_key() && !typing {
                let lower = key.to_ascii_lowercase();
                let redo = (lower == "z" && event.shift_key()) || lower == "y";
                let undo = lower == "z" && !event.shift_key();
                if undo || redo {
                    event.prevent_default();
                    undo_or_redo(state, redo);
                }
                return;
            }
            if typing || command || event.alt_key() {
                return;
            }
            let handled = match key.as_str() {
                "?" => {
                    prefs.help_open.update(|open| *open = !*open);
                    true
                }
                "Escape" if prefs.help_open.get_untracked() => {
                    prefs.help_open.set(false);
                    true
                }
                "Escape" if prefs.projector.get_untracked() => {
                    prefs.projector.set(false);
                    true
                }
                "p" | "P" => {
                    prefs.toggle_projector();
                    true
                }
                "t" | "T" => {
                    prefs.toggle_theme();
                    true
                }
                "b" | "B" | "." => {
                    prefs.blackout.set(true);
                    true
                }
                "n" | "N" if state.route.get_untracked() == Route::Home => {
                    let id = state.create_workshop();
                    state.go(Route::Workshop(id));
                    true
                }
                "PageDown" | "PageUp" => step_exercise(state, key == "PageDown"),
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        });
    std::mem::forget(listener);
}

pub fn undo_or_redo(state: AppState, redo: bool) {
    match state.route.get_untracked() {
        Route::Home if redo => state.redo_library(),
        Route::Home => state.undo_library(),
        Route::Workshop(w) | Route::Exercise(w, _) if redo => state.redo(&w),
        Route::Workshop(w) | Route::Exercise(w, _) => state.undo(&w),
    }
}

/// A clicker's PageDown / PageUp steps through the workshop's exercises, in order.
fn step_exercise(state: AppState, forward: bool) -> bool {
    let (workshop_id, current) = match state.route.get_untracked() {
        Route::Home => return false,
        Route::Workshop(w) => (w, None),
        Route::Exercise(w, e) => (w, Some(e)),
    };
    let Some(workshop) = state.workshop(&workshop_id) else {
        return false;
    };
    let ids: Vec<String> = workshop.exercises.iter().map(|e| e.id.clone()).collect();
    let position = current.and_then(|c| ids.iter().position(|id| *id == c));
    let next = match (position, forward) {
        (None, true) => ids
            .first()
            .map(|e| Route::Exercise(workshop_id.clone(), e.clone())),
        (None, false) => None,
        (Some(i), true) => ids
            .get(i + 1)
            .map(|e| Route::Exercise(workshop_id.clone(), e.clone())),
        (Some(0), false) => Some(Route::Workshop(workshop_id.clone())),
        (Some(i), false) => ids
            .get(i - 1)
            .map(|e| Route::Exercise(workshop_id.clone(), e.clone())),
    };
    match next {
        Some(route) => {
            state.go(route);
            true
        }
        None => false,
    }
}

/// The keys of a screen, as the `?` dialog lists them.
pub fn keys_for(route: &Route) -> Vec<(&'static str, &'static str)> {
    let mut keys = vec![
        ("?", "Show or hide this list of keys"),
        ("P", "Projector mode on or off"),
        ("T", "Light or dark high-contrast theme"),
        ("B or .", "Black screen (any key brings the picture back)"),
        ("Esc", "Close this list, or leave projector mode"),
        ("Tab / Shift+Tab", "Move between controls"),
    ];
    match route {
        Route::Home => {
            keys.push(("N", "New workshop"));
            keys.push(("Ctrl+Z", "Undo (create, duplicate, delete)"));
            keys.push(("Ctrl+Shift+Z or Ctrl+Y", "Redo"));
        }
        Route::Workshop(_) | Route::Exercise(_, _) => {
            keys.push((
                "Page Down",
                "Next exercise (a presenter clicker's forward key)",
            ));
            keys.push(("Page Up", "Previous exercise"));
            keys.push(("Ctrl+Z", "Undo"));
            keys.push(("Ctrl+Shift+Z or Ctrl+Y", "Redo"));
        }
    }
    keys
}

#[component]
pub fn KeysDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prefs = expect_context::<Preferences>();
    let close_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if prefs.help_open.get() {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || prefs.help_open.get()>
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-title">
                    <h2 id="keys-title">"Keys for this screen"</h2>
                    <table class="keys">
                        <tbody>
                            {move || {
                                keys_for(&state.route.get())
                                    .into_iter()
                                    .map(|(key, action)| view! { <tr><th scope="row"><kbd>{key}</kbd></th><td>{action}</td></tr> })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                    <button node_ref=close_button class="primary" on:click=move |_| prefs.help_open.set(false)>
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}
