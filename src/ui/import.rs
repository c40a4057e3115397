//! Importing files: by the file picker or by dropping a file anywhere on the window.
//! The whole file is read and checked before anything changes; on any error the library is
//! left exactly as it was and the message says where and why.

use super::dialog::Dialog;
use super::on_demand::on_demand;
use super::state::{AppState, NoticeKind};
use crate::model::{ExerciseData, Library};
use crate::storage::format::{ReadError, MAX_FILE_BYTES};
use crate::storage::import::{plan_import, ConflictChoice, ImportPlan};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// An import waiting for the user to say what to do about workshops already here.
#[derive(Clone, Copy)]
pub struct PendingImport(pub RwSignal<Option<ImportPlan>>);

pub fn install_drop_target(state: AppState, pending: PendingImport) {
    let over = window_event_listener(leptos::ev::dragover, |event: web_sys::DragEvent| {
        // Without this the browser would open the dropped file in place of the app.
        event.prevent_default();
    });
    let drop = window_event_listener(leptos::ev::drop, move |event: web_sys::DragEvent| {
        event.prevent_default();
        let Some(file) = event
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // A diagram exported as SVG comes back as a new exercise of the open workshop.
        if file.name().to_ascii_lowercase().ends_with(".svg") {
            match state.route.get_untracked().workshop_id() {
                Some(w) => import_exercise_svg(state, w.to_string(), file),
                None => state.notify(NoticeKind::Error(
                    "Open a workshop first: a diagram (SVG) is added to the open workshop.".into(),
                )),
            }
        } else {
            import_file(state, pending, file);
        }
    });
    std::mem::forget((over, drop));
}

pub fn import_file(state: AppState, pending: PendingImport, file: web_sys::File) {
    let name = file.name();
    let refuse = move |why: String| {
        state.notify(NoticeKind::Error(format!(
            "“{name}” was not imported, and nothing was changed. {why}"
        )));
    };
    if file.size() > MAX_FILE_BYTES as f64 {
        refuse(
            ReadError::TooLarge {
                bytes: file.size() as usize,
            }
            .to_string(),
        );
        return;
    }
    leptos::task::spawn_local(async move {
        let text = match JsFuture::from(file.text()).await {
            Ok(text) => text
                .dyn_ref::<js_sys::JsString>()
                .and_then(crate::storage::browser::utf8_from_js)
                .unwrap_or_default(),
            Err(_) => {
                refuse("The browser could not read the file.".into());
                return;
            }
        };
        let plan = super::on_demand::or_not_here(
            plan_import_of(state.library.get_untracked(), text).await,
        );
        match plan {
            Err(error) => refuse(error.to_string()),
            Ok(plan) if plan.fresh.is_empty() && plan.conflicts.is_empty() => {
                refuse("The file holds no workshops.".into())
            }
            Ok(plan) if plan.conflicts.is_empty() => state.import(plan, ConflictChoice::KeepBoth),
            Ok(plan) => pending.0.set(Some(plan)),
        }
    });
}

// What a workshop file holds and how it meets the workshops here, and a diagram read back
// from its SVG, are checked in the `files` module, loaded on the first import.
on_demand! {
    files =>
    fn plan_import_of(library: Library, text: String) -> Result<ImportPlan, String> {
        plan_import(&library, &text).map_err(|error| error.to_string())
    }
}
on_demand! {
    files =>
    fn exercise_from_svg_text(text: String) -> Result<ExerciseData, String> {
        crate::export::exercise_from_svg(&text)
    }
}

/// The import button: a real file input, so it works from the keyboard and screen readers.
/// The file input an event came from, and the file chosen in it.
fn picked_file(event: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    let input = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    Some((input, file))
}

#[component]
pub fn ImportButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = expect_context::<PendingImport>();
    let on_change = move |event: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&event) else {
            return;
        };
        import_file(state, pending, file);
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <label class="button file-button">
            "Import…"
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_change/>
        </label>
    }
}

/// Asks whether workshops already here should be replaced or kept beside the imported ones.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = expect_context::<PendingImport>();
    let choose = move |choice: Option<ConflictChoice>| {
        if let (Some(plan), Some(choice)) = (pending.0.get_untracked(), choice) {
            state.import(plan, choice);
        }
        pending.0.set(None);
    };
    let cancel = Callback::new(move |()| choose(None));
    view! {
        <Show when=move || pending.0.with(Option::is_some)>
            <Dialog labelled_by="conflict-title" on_close=cancel initial="button.primary">
                <h2 id="conflict-title">"These workshops are already here"</h2>
                <ul>
                    {move || pending.0.get().map(|plan| plan.conflicts.iter().map(|w| view! { <li dir="auto">{w.title.clone()}</li> }).collect_view())}
                </ul>
                <p>"Replace the ones here with the imported ones, or keep both?"</p>
                <div class="toolbar">
                    <button class="primary" on:click=move |_| choose(Some(ConflictChoice::KeepBoth))>"Keep both"</button>
                    <button class="danger" on:click=move |_| choose(Some(ConflictChoice::Replace))>"Replace"</button>
                    <button on:click=move |_| choose(None)>"Cancel " <kbd>"Esc"</kbd></button>
                </div>
            </Dialog>
        </Show>
    }
}

/// Restores a power Venn diagram or an organisational map from an SVG this app exported (its
/// data rides in `<metadata>`) as a new exercise of the workshop.
pub fn import_exercise_svg(state: AppState, workshop_id: String, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        state.notify(NoticeKind::Error(format!(
            "“{name}” is too large to be a diagram; nothing was changed."
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| {
                t.dyn_ref::<js_sys::JsString>()
                    .and_then(crate::storage::browser::utf8_from_js)
            })
            .unwrap_or_default();
        match super::on_demand::or_not_here(exercise_from_svg_text(text).await) {
            Ok(data) => {
                let title = name.trim_end_matches(".svg").to_string();
                let kind = data.kind().label().to_ascii_lowercase();
                state.edit_workshop(&workshop_id, None, |w| {
                    w.exercises.push(
                        crate::model::Exercise {
                            id: crate::model::new_id(),
                            title,
                            group_id: None,
                            notes: String::new(),
                            data,
                        }
                        .into(),
                    );
                });
                state.notify(NoticeKind::Info(format!(
                    "“{name}” was added as a new {kind}."
                )));
            }
            Err(why) => state.notify(NoticeKind::Error(format!(
                "“{name}” was not imported, and nothing was changed. {why}"
            ))),
        }
    });
}

#[component]
pub fn SvgImportButton(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(workshop_id);
    let on_change = move |event: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&event) else {
            return;
        };
        import_exercise_svg(state, workshop_id.get_value(), file);
        input.set_value("");
    };
    view! {
        <label class="button file-button">
            "Import a diagram or map (SVG)…"
            <input type="file" accept=".svg,image/svg+xml" class="visually-hidden" on:change=on_change/>
        </label>
    }
}
