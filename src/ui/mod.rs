//! The Leptos app: the shell (title bar, themes, projector mode, keys) and the screens.

mod crash;
pub mod dialog;
mod drafts;
pub mod exercise;
pub mod exports;
pub mod focus;
pub mod handle;
pub mod home;
pub mod import;
pub mod keys;
mod lists;
mod live;
pub mod on_demand;
pub mod orgmap;
pub mod plan;
pub mod png;
pub mod prefs;
pub mod publish;
pub mod ranking;
pub mod report;
pub mod state;
pub mod timing;
pub mod venn;
pub mod vignette;
pub mod workshop;

use leptos::prelude::*;
use prefs::{Preferences, Theme};
use state::{AppState, Location, NoticeKind, Route};
use wasm_bindgen::JsValue;

/// Starts the app: the crash overlay first, so even a failure during start-up is shown.
pub fn start() {
    crash::install_panic_hook();
    leptos::mount::mount_to_body(App);
    // Lets the end-to-end suite check the crash overlay; release builds have no such hook.
    #[cfg(debug_assertions)]
    std::mem::forget(window_event_listener_untyped("pla-test-panic", |_| {
        panic!("a deliberate panic for the end-to-end test")
    }));
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // The benchmark measures start-up up to this mark.
        let _ = performance.mark("app-ready");
    }
    // Once the first picture is on screen: registering is a burst of work that should not
    // delay it (it cost a 1 MB workshop's restore about 10 ms). Not in an idle callback,
    // which a busy page may never get, leaving the app without offline use.
    timing::after_first_paint(register_service_worker);
}

/// After the first visit the service worker serves the app's files, so it loads offline.
fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let registration = window.navigator().service_worker().register("/sw.js");
        leptos::task::spawn_local(async move {
            if let Err(error) = wasm_bindgen_futures::JsFuture::from(registration).await {
                // Only offline use is lost; the app itself works on.
                web_sys::console::warn_2(
                    &"The app could not be made available offline:".into(),
                    &error,
                );
            }
        });
    }
}

/// The whole app: state from storage, then the shell around the current screen.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Once the first picture is on screen: the exercise data start-up left unread.
    timing::after_first_paint(move || state.ensure_data_read());
    let prefs = Preferences::load();
    provide_context(prefs);
    follow_location_hash(state);
    listen_to_other_tabs(state);
    keys::install_global_keys(state, prefs);
    plan::install_time_recording(state, prefs);
    let pending_import = import::PendingImport(RwSignal::new(None));
    provide_context(pending_import);
    import::install_drop_target(state, pending_import);
    view! { <Shell/> }
}

/// The route and the open view live in the location hash, so reload and the browser's Back
/// button work. Every screen opens at its top, so Page Down and Page Up always land on the
/// next exercise's heading, not at the scroll position the last page was left at.
fn follow_location_hash(state: AppState) {
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        if previous.is_some_and(|p| p != route) {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        route
    });
    let read_hash = move || {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        state.go_to(Location::from_hash(&hash));
    };
    read_hash();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read_hash());
    // The listener lives as long as the page.
    std::mem::forget(listener);
    Effect::new(move |written_before: Option<()>| {
        let hash = Location {
            route: state.route.get(),
            view: state.view.get(),
        }
        .to_hash();
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        if location.hash().ok().as_deref() == Some(hash.as_str()) {
            return;
        }
        // The address the page opened at (no hash, or one the app tidies) is rewritten in
        // place: a history entry of its own would make the facilitator's first Back show
        // the same screen again instead of leaving.
        let replaced = written_before.is_none()
            && window
                .history()
                .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&hash)))
                .is_ok();
        if !replaced {
            let _ = location.set_hash(&hash);
        }
    });
}

fn listen_to_other_tabs(state: AppState) {
    let listener =
        window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                state.take_change_from_other_tab(&key, event.new_value());
            }
        });
    std::mem::forget(listener);
}

/// Title bar, notices and the current screen. Projector mode hides everything marked
/// `chrome` (editing controls) and scales the type up.
#[component]
pub fn Shell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prefs = expect_context::<Preferences>();
    view! {
        <div class="app">
            <header class="titlebar">
                <a class="brand" href="#/" aria-label="PLA Workshop: all workshops">"PLA Workshop"</a>
                <Breadcrumbs/>
                <nav class="titlebar-actions" aria-label="View">
                    <plan::Clock/>
                    <button
                        class="chrome"
                        aria-pressed=move || (prefs.theme.get() == Theme::Dark).to_string()
                        aria-keyshortcuts="T"
                        title="Dark high-contrast theme (T)"
                        on:click=move |_| prefs.toggle_theme()
                    >
                        {move || if prefs.theme.get() == Theme::Dark { "Light theme" } else { "Dark theme" }}
                    </button>
                    <button
                        class="projector-toggle"
                        aria-pressed=move || prefs.projector.get().to_string()
                        aria-keyshortcuts="P"
                        title="Projector mode (P)"
                        on:click=move |_| prefs.toggle_projector()
                    >
                        {move || if prefs.projector.get() { "Leave projector mode" } else { "Projector mode" }}
                    </button>
                    <button
                        class="chrome"
                        aria-keyshortcuts="?"
                        title="Keys for this screen (?)"
                        on:click=move |_| prefs.help_open.set(true)
                    >
                        "Keys"
                    </button>
                </nav>
            </header>
            <Notices/>
            <main id="main" tabindex="-1">
                {move || match state.route.get() {
                    Route::Home => view! { <home::HomeScreen/> }.into_any(),
                    Route::Workshop(id) => on_demand::screen(move || workshop::workshop_screen(id.clone())).into_any(),
                    Route::Exercise(w, e) => view! { <exercise::ExerciseScreen workshop_id=w exercise_id=e/> }.into_any(),
                    Route::Break(w, b) => view! { <plan::BreakScreen workshop_id=w plan_id=b/> }.into_any(),
                    Route::Report(w) => on_demand::screen(move || report::report_screen(w.clone())).into_any(),
                    Route::Publish(w) => on_demand::screen(move || publish::publish_screen(w.clone())).into_any(),
                }}
            </main>
            <keys::KeysDialog/>
            <import::ConflictDialog/>
            <div class="blackout" class:on=move || prefs.blackout.get() aria-hidden="true"></div>
        </div>
    }
}

#[component]
fn Breadcrumbs() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only the titles, so an edit deep in an exercise does not rebuild or copy anything here.
    let titles = Memo::new(move |_| {
        let route = state.route.get();
        let workshop_id = route.workshop_id()?;
        state.library.with(|l| {
            let workshop = l.get(workshop_id)?;
            let exercise_title = match &route {
                Route::Exercise(_, e) => workshop.exercise(e).map(|x| x.title.clone()),
                Route::Break(_, b) => Some(crate::model::plan::break_title(workshop, b)),
                Route::Report(_) => Some("Report".to_string()),
                Route::Publish(_) => Some("For publication".to_string()),
                Route::Home | Route::Workshop(_) => None,
            };
            Some((workshop.id.clone(), workshop.title.clone(), exercise_title))
        })
    });
    move || {
        let (id, title, exercise_title) = titles.get()?;
        let href = Route::Workshop(id).to_hash();
        Some(view! {
            <span class="crumbs">
                <span aria-hidden="true">" › "</span>
                <a href=href dir="auto">{title}</a>
                {exercise_title.map(|t| view! { <span aria-hidden="true">" › "</span><span dir="auto">{t}</span> })}
            </span>
        })
    }
}

/// Notices, in one corner over the page, so they never push the exercise down: storage
/// warnings (while they hold), then the others, identical ones merged with a count. On the
/// projector only warnings about the data show.
#[component]
fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prefs = expect_context::<Preferences>();
    let visible = Memo::new(move |_| {
        let projector = prefs.projector.get();
        state.notices.with(|n| n.visible(projector))
    });
    view! {
        <div class="notices" role="region" aria-label="Notices" aria-live="polite">
            <div class="notice-stack">
                <Show when=move || state.storage_full.get()>
                    <div class="notice danger" role="alert">
                        <strong>"Storage is full: your latest changes are not saved yet."</strong>
                        " They are kept while this tab stays open. Export your workshops now, then delete old ones or free space."
                        <div class="notice-actions">
                            <button on:click=move |_| home::download_all(state)>"Export all workshops"</button>
                            <button on:click=move |_| state.flush()>"Try saving again"</button>
                        </div>
                    </div>
                </Show>
                <Show when=move || state.storage_nearly_full.get() && !state.storage_full.get()>
                    <div class="notice warning" role="status">
                        "Storage is nearly full. Export old workshops and delete them to make room."
                        <div class="notice-actions">
                            <button on:click=move |_| home::download_all(state)>"Export all workshops"</button>
                        </div>
                    </div>
                </Show>
            </div>
            <div class="notice-stack">
                <For each=move || visible.get() key=|n| n.id let:notice>
                    <NoticeCard id=notice.id kind=notice.kind/>
                </For>
            </div>
        </div>
    }
}

/// One notice. Its count reads the board on its own, so a repeat updates "×3" in place.
#[component]
fn NoticeCard(id: u32, kind: NoticeKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || {
        state.notices.with(|n| {
            n.notices()
                .iter()
                .find(|x| x.id == id)
                .map_or(1, |x| x.count)
        })
    };
    let times = move || {
        let n = count();
        (n > 1).then(|| view! { <span class="notice-count">{format!(" ×{n}")}</span> })
    };
    let ok = move || view! { <button on:click=move |_| state.dismiss(id)>"OK"</button> };
    match kind {
        NoticeKind::Quarantined { key, reason, raw } => view! {
            <div class="notice danger" role="alert">
                <strong>"Some saved data could not be read, so it was put aside untouched."</strong>
                " " {reason}
                " The app carries on with everything else. Download the raw data to keep it or to send it for repair."
                <div class="notice-actions">
                    <button on:click=move |_| download_text(&format!("pla-workshop-unreadable-{id}.json"), &raw)>
                        "Download the raw data"
                    </button>
                    <button on:click=move |_| state.discard_quarantine(&key, id)>"Delete it for good"</button>
                </div>
            </div>
        }
        .into_any(),
        NoticeKind::ChangedElsewhere { .. } => view! {
            <div class="notice info" role="status">
                // The newest title: another tab may be typing it.
                <span dir="auto">{move || state.notices.with(|n| match n.notices().iter().find(|x| x.id == id).map(|x| &x.kind) {
                    Some(NoticeKind::ChangedElsewhere { title, .. }) => format!("“{title}” was changed in another tab. "),
                    _ => String::new(),
                })}</span>
                "This tab now shows that newest version." {times}
                <div class="notice-actions">{ok}</div>
            </div>
        }
        .into_any(),
        NoticeKind::Error(message) => view! {
            <div class="notice danger" role="alert">
                {message} {times}
                <div class="notice-actions">{ok}</div>
            </div>
        }
        .into_any(),
        NoticeKind::Info(message) => view! {
            <div class="notice info" role="status">
                {message} {times}
                <div class="notice-actions">{ok}</div>
            </div>
        }
        .into_any(),
    }
}

/// Where an element sits on the screen, for `model::viewport`.
pub fn screen_box(element: &web_sys::Element) -> crate::model::viewport::ScreenBox {
    let rect = element.get_bounding_client_rect();
    crate::model::viewport::ScreenBox {
        left: rect.left(),
        top: rect.top(),
        width: rect.width(),
        height: rect.height(),
    }
}

/// Offers text to the user as a file download. Nothing leaves the machine.
pub fn download_file(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    match web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        Ok(blob) => download_blob(file_name, &blob),
        Err(error) => web_sys::console::error_1(&error),
    }
}

pub fn download_text(file_name: &str, text: &str) {
    download_file(file_name, "application/json", text);
}

pub fn download_blob(file_name: &str, blob: &web_sys::Blob) {
    let download = || -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let url = web_sys::Url::create_object_url_with_blob(blob)?;
        let link: web_sys::HtmlAnchorElement =
            wasm_bindgen::JsCast::unchecked_into(document.create_element("a")?);
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        web_sys::Url::revoke_object_url(&url)?;
        // `make bench` times the first export up to here (`first_export_ms`).
        timing::mark("file-downloaded");
        Ok(())
    };
    if let Err(error) = download() {
        web_sys::console::error_1(&error);
    }
}
