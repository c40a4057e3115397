//! A title and a counter: what the smallest Leptos app costs to start, for `make bench`.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <h1>"PLA Workshop"</h1>
            <button on:click=move |_| *count.write() += 1>{move || count.get()}</button>
        }
    });
    // Set where the app sets it: once the first view is mounted.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("app-ready");
    }
}
