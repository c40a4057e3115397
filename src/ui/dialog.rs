//! Modal dialogs that work from the keyboard: the dialog takes the keyboard when it opens,
//! Tab and Shift+Tab stay inside it, Escape closes it, and the keyboard goes back to what
//! opened it. While one is open, no screen key reaches the page behind it
//! (`keys::screen_keys_allowed`).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// What had the keyboard before each open dialog, by the dialog's number, whatever order
    /// they close in. (Browser objects cannot live in the reactive system's thread-safe
    /// cleanups.)
    static OPENERS: std::cell::RefCell<(u32, std::collections::HashMap<u32, web_sys::Element>)> =
        std::cell::RefCell::new((0, std::collections::HashMap::new()));
}

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// True while a modal dialog is on screen.
pub fn modal_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-modal=\"true\"]").ok().flatten())
        .is_some()
}

fn focusables(dialog: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The dialog box itself; show it inside a `Show`. `initial` picks the control that takes the
/// keyboard first (a selector inside the dialog); without it, the first control does.
#[component]
pub fn Dialog(
    /// The id of the dialog's heading, its accessible name.
    labelled_by: &'static str,
    on_close: Callback<()>,
    #[prop(optional)] initial: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<html::Div>::new();
    // Whatever had the keyboard before, to give it back when the dialog closes.
    let opener = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let number = OPENERS.with(|o| {
        let (next, openers) = &mut *o.borrow_mut();
        let number = *next;
        *next = next.wrapping_add(1);
        if let Some(opener) = opener {
            openers.insert(number, opener);
        }
        number
    });
    on_cleanup(move || {
        let back = OPENERS
            .with(|o| o.borrow_mut().1.remove(&number))
            .filter(|e| e.is_connected());
        // Once the dialog has left the page; an opener that is gone leaves the keyboard on
        // the page's main region.
        super::focus::focus_element_after_render(back);
    });
    dialog_ref.on_load(move |dialog| {
        let first = initial
            .and_then(|selector| dialog.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .or_else(|| focusables(&dialog).into_iter().next());
        if let Some(first) = first {
            let _ = first.focus();
        }
    });
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some(dialog) = dialog_ref.get_untracked() else {
            return;
        };
        match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                event.stop_propagation();
                on_close.run(());
            }
            "Tab" => {
                let controls = focusables(&dialog);
                let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                    event.prevent_default();
                    return;
                };
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let on = |control: &web_sys::HtmlElement| {
                    active
                        .as_ref()
                        .is_some_and(|a| a == control.unchecked_ref::<web_sys::Element>())
                };
                if event.shift_key() && on(first) {
                    event.prevent_default();
                    let _ = last.focus();
                } else if !event.shift_key() && on(last) {
                    event.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by
                node_ref=dialog_ref on:keydown=on_keydown>
                {children()}
            </div>
        </div>
    }
}

/// Keeps the keyboard inside an open dialog: focus that lands behind it (a click on the
/// backdrop, a script) goes back into it.
pub fn install_focus_trap() {
    let listener = window_event_listener(leptos::ev::focusin, |event: web_sys::FocusEvent| {
        let Some(dialog) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-modal=\"true\"]").ok().flatten())
        else {
            return;
        };
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|node| dialog.contains(Some(&node)));
        if !inside {
            if let Some(first) = focusables(&dialog).into_iter().next() {
                let _ = first.focus();
            }
        }
    });
    std::mem::forget(listener);
}
