//! Keys that work everywhere, and the `?` dialog that lists the keys of the current screen.
//!
//! A screen's own keys are handled by its components, which call `prevent_default`; the global
//! handler below then leaves the event alone.

use super::dialog::Dialog;
use super::on_demand::{self, on_demand};
use super::prefs::Preferences;
use super::state::{AppState, Route};
use crate::model::keys::{keys_for, Screen};
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

/// Whether a key may work a screen's shortcut: not while typing in a field, not with Ctrl,
/// Alt or Meta held, not when something earlier took the key, and never behind a dialog.
/// Every screen's key handler starts with this, so every key has one owner.
pub fn screen_keys_allowed(event: &web_sys::KeyboardEvent) -> bool {
    !(event.default_prevented()
        || is_typing(event)
        || event.ctrl_key()
        || event.meta_key()
        || event.alt_key()
        || super::dialog::modal_open())
}

/// The black screen owns the next key, whatever it is: it only brings the picture back.
/// Listened for while the key is on its way down to its target (capture), before any
/// screen or field sees it.
fn install_blackout_key(prefs: Preferences) {
    use wasm_bindgen::closure::Closure;
    let on_key =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            if prefs.blackout.get_untracked() {
                event.prevent_default();
                event.stop_immediate_propagation();
                // Ctrl, Shift, Alt and Meta go down before the key they modify (Ctrl+Z):
                // that key, not the modifier, brings the picture back, and does nothing else.
                let modifier = matches!(
                    event.key().as_str(),
                    "Control" | "Shift" | "Alt" | "Meta" | "AltGraph"
                );
                if !modifier {
                    prefs.blackout.set(false);
                }
            }
        });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback_and_bool(
            "keydown",
            on_key.as_ref().unchecked_ref(),
            true,
        );
    }
    // Listens as long as the page lives.
    on_key.forget();
}

pub fn install_global_keys(state: AppState, prefs: Preferences) {
    install_blackout_key(prefs);
    super::dialog::install_focus_trap();
    // Focus moving is a new visit: the next edit is a new undo step.
    std::mem::forget(window_event_listener(leptos::ev::focusin, move |_| {
        state.seal_all_histories()
    }));
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if event.default_prevented() || super::dialog::modal_open() {
                return;
            }
            let typing = is_typing(&event);
            let key = event.key();
            // A presenter clicker's Page Down / Page Up work even while the note-taker's caret
            // is in a one-line field (a response being typed under the question): there they
            // would do nothing anyway. A text box keeps them for its own scrolling.
            let in_one_line_field = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some();
            if matches!(key.as_str(), "PageDown" | "PageUp")
                && in_one_line_field
                && !(event.ctrl_key() || event.meta_key() || event.alt_key())
            {
                if step_exercise(state, key == "PageDown") {
                    event.prevent_default();
                }
                return;
            }
            if key == "Escape" && typing {
                // Escape leaves the field, so the screen's keys work again.
                if let Some(field) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    event.prevent_default();
                    let _ = field.blur();
                    super::focus::focus_after_render(None);
                }
                return;
            }
            let command = event.ctrl_key() || event.meta_key();
            // Undo and redo are the app's everywhere, in a field too: the browser's own text
            // undo knows nothing of the app's saved steps, and one visit to a field is one
            // step anyway. The keyboard stays on (or comes back to) the field.
            // A "new …" field's text is not saved yet, so the browser's own undo serves it.
            let in_draft_field = typing
                && event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|e| e.has_attribute("data-draft"));
            if command && !event.alt_key() && !in_draft_field {
                let lower = key.to_ascii_lowercase();
                let redo = (lower == "z" && event.shift_key()) || lower == "y";
                let undo = lower == "z" && !event.shift_key();
                if undo || redo {
                    event.prevent_default();
                    undo_or_redo(state, redo);
                }
                return;
            }
            if !screen_keys_allowed(&event) {
                return;
            }
            let handled = match key.as_str() {
                "?" => {
                    prefs.help_open.update(|open| *open = !*open);
                    true
                }
                // An open menu (Export, Filter) owns Escape: it closes, and nothing else.
                "Escape" if close_menu_around_focus() => true,
                "Escape" if prefs.projector.get_untracked() => {
                    prefs.projector.set(false);
                    true
                }
                "p" | "P" => {
                    prefs.toggle_projector();
                    true
                }
                "a" | "A" => {
                    prefs.clock_shown.update(|shown| *shown = !*shown);
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
                    super::focus::focus_selector_after_render("#field-title".into());
                    true
                }
                "r" | "R" if matches!(state.route.get_untracked(), Route::Workshop(_)) => {
                    if let Some(w) = state.route.get_untracked().workshop_id() {
                        state.go(Route::Report(w.to_string()));
                    }
                    true
                }
                "Escape"
                    if matches!(
                        state.route.get_untracked(),
                        Route::Report(_) | Route::Publish(_)
                    ) =>
                {
                    if let Some(w) = state.route.get_untracked().workshop_id() {
                        state.go(Route::Workshop(w.to_string()));
                    }
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

/// Closes the open menu (a `<details>`) that holds the keyboard, giving the keyboard to its
/// summary. False when the keyboard is in no open menu.
fn close_menu_around_focus() -> bool {
    let menu = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|a| a.closest("details[open]").ok().flatten());
    let Some(menu) = menu else {
        return false;
    };
    let _ = menu.remove_attribute("open");
    if let Some(summary) = menu
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
    true
}

pub fn undo_or_redo(state: AppState, redo: bool) {
    match state.route.get_untracked().workshop_id() {
        None if redo => state.redo_library(),
        None => state.undo_library(),
        Some(w) if redo => state.redo(w),
        Some(w) => state.undo(w),
    }
}

/// A clicker's PageDown / PageUp: within a vignette, its next or previous part; otherwise
/// (and past a vignette's ends) the next or previous step of the workshop's running order,
/// its exercises and breaks; before the first, the workshop's own page.
fn step_exercise(state: AppState, forward: bool) -> bool {
    if super::vignette::step_within(state, forward) {
        return true;
    }
    let route = state.route.get_untracked();
    let Some(workshop_id) = route.workshop_id().map(str::to_string) else {
        return false;
    };
    let Some(workshop) = state.workshop(&workshop_id) else {
        return false;
    };
    let steps: Vec<Route> = workshop
        .running_order()
        .iter()
        .map(|item| super::plan::route_of(&workshop_id, item))
        .collect();
    let position = steps.iter().position(|step| *step == route);
    let next = match (position, forward) {
        (None, true) => steps.first().cloned(),
        (None, false) => None,
        (Some(i), true) => steps.get(i + 1).cloned(),
        (Some(0), false) => Some(Route::Workshop(workshop_id.clone())),
        (Some(i), false) => steps.get(i - 1).cloned(),
    };
    match next {
        Some(route) => {
            // A vignette opened going back starts at its last part, as a slide deck does.
            let last_part = !forward && matches!(route, Route::Exercise(..));
            state.go(route);
            if last_part {
                super::vignette::show_last_part(state);
            }
            true
        }
        None => false,
    }
}

/// Which screen's keys `?` shows.
fn screen_of(state: AppState, route: &Route) -> Screen {
    match route {
        Route::Home => Screen::Home,
        Route::Workshop(_) | Route::Break(..) => Screen::Workshop,
        Route::Report(_) | Route::Publish(_) => Screen::Report,
        Route::Exercise(w, e) => state
            .library
            .with(|l| l.get(w).and_then(|w| w.exercise(e)).map(|x| x.data.kind()))
            .map_or(Screen::Workshop, Screen::Exercise),
    }
}

// Every screen's list of keys, written out, is in the `pages` module (loaded on the first `?`
// if no workshop's page has loaded it yet).
on_demand! {
    pages =>
    fn key_tables(screen: Screen) -> AnyView {
        keys_for(screen)
            .into_iter()
            .map(|group| view! {
                <table class="keys">
                    <caption>{group.title}</caption>
                    <tbody>
                        {group.keys.into_iter().map(|(key, action)| view! {
                            <tr><th scope="row"><kbd>{key}</kbd></th><td>{action}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })
            .collect_view()
            .into_any()
    }
}

#[component]
pub fn KeysDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prefs = expect_context::<Preferences>();
    let close = Callback::new(move |()| prefs.help_open.set(false));
    view! {
        <Show when=move || prefs.help_open.get()>
            <Dialog labelled_by="keys-title" on_close=close initial="button.primary">
                <div class="dialog-head">
                    <h2 id="keys-title">"Keys for this screen"</h2>
                    <button class="primary" on:click=move |_| prefs.help_open.set(false)>"Close " <kbd>"Esc"</kbd></button>
                </div>
                <p class="keys-screen">{move || screen_of(state, &state.route.get()).name()}</p>
                <div class="keys-groups">
                    {move || {
                        let screen = screen_of(state, &state.route.get());
                        on_demand::screen(move || key_tables(screen))
                    }}
                </div>
            </Dialog>
        </Show>
    }
}
