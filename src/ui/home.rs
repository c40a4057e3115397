//! The home screen: every workshop in this browser, newest first.

use super::state::{now, AppState, Route};
use crate::model::Workshop;
use crate::storage::format::Envelope;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// "25 Nov 2026, 19:46" in the browser's own locale.
pub fn format_time(millis: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("default", &options).into()
}

pub fn download_all(state: AppState) {
    // Unread data would be exported unchecked, and one bad workshop makes a file unimportable.
    state.ensure_data_read();
    let workshops = state.library.get_untracked().workshops;
    let text = Envelope::new(workshops, now()).to_pretty_json();
    super::download_text("pla-workshops-all.json", &text);
}

pub fn download_workshop(workshop: &Workshop) {
    let text = Envelope::new(vec![workshop.clone()], now()).to_pretty_json();
    let stem = super::state::file_stem(&workshop.title, "workshop");
    super::download_text(&format!("pla-workshop-{stem}.json"), &text);
}

#[component]
pub fn HomeScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Ids only, newest first: a card reads its own workshop, so an edit updates it in place.
    let workshop_ids = Memo::new(move |_| {
        state.library.with(|l| {
            l.newest_first()
                .into_iter()
                .map(|w| w.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let create = move |_| {
        let id = state.create_workshop();
        state.go(Route::Workshop(id));
        super::focus::focus_selector_after_render("#field-title".into());
    };
    view! {
        <section class="screen home" aria-labelledby="home-title">
            <div class="screen-head">
                <h1 id="home-title">"Workshops"</h1>
                <div class="toolbar chrome" role="toolbar" aria-label="Workshops">
                    <button class="primary" aria-keyshortcuts="N" on:click=create>"New workshop"</button>
                    <button on:click=move |_| state.undo_library() disabled=move || !state.can_undo_library() aria-keyshortcuts="Control+Z">
                        "Undo"
                    </button>
                    <button on:click=move |_| state.redo_library() disabled=move || !state.can_redo_library() aria-keyshortcuts="Control+Shift+Z">
                        "Redo"
                    </button>
                    <super::import::ImportButton/>
                    <button on:click=move |_| download_all(state) disabled=move || state.library.with(|l| l.workshops.is_empty())>
                        "Export all"
                    </button>
                </div>
            </div>
            <Show
                when=move || !state.library.with(|l| l.workshops.is_empty())
                fallback=|| view! {
                    <div class="empty">
                        <p class="lead">"No workshops yet."</p>
                        <p>"A workshop holds the exercises one group does together: an organisational map, power Venn diagrams and pair-wise rankings. Everything stays in this browser; nothing is sent anywhere."</p>
                        <p>"Press " <kbd>"N"</kbd> " or choose " <strong>"New workshop"</strong> " to start."</p>
                    </div>
                }
            >
                <ul class="workshop-list">
                    {crate::ui::lists::rows_by_id(move || workshop_ids.get(), move |id| view! { <WorkshopCard id=id/> }.into_any())}
                </ul>
            </Show>
        </section>
    }
}

/// What a card shows of a workshop.
#[derive(Debug, Clone, PartialEq, Default)]
struct Summary {
    title: String,
    facts: String,
    groups: String,
    meta: String,
}

fn summary(workshop: &Workshop) -> Summary {
    let groups = workshop
        .groups
        .iter()
        .map(|g| match g.size {
            Some(n) => format!("{} ({n})", g.label),
            None => g.label.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let facts = [
        (!workshop.date.is_empty()).then(|| workshop.date.clone()),
        (!workshop.place.is_empty()).then(|| workshop.place.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let count = workshop.exercises.len();
    Summary {
        title: workshop.title.clone(),
        facts,
        groups,
        meta: format!(
            "{count} exercise{} · Last edited {}",
            if count == 1 { "" } else { "s" },
            format_time(workshop.updated_at)
        ),
    }
}

#[component]
fn WorkshopCard(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let card = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .library
                .with(|l| l.get(&id).map(summary).unwrap_or_default())
        })
    };
    let read = move |f: fn(&Summary) -> String| move || card.with(f);
    let title = read(|c| c.title.clone());
    let open_href = Route::Workshop(id.clone()).to_hash();
    let row_id = id.clone();
    let (rename_button, delete_button) = (format!("rename-{id}"), format!("delete-{id}"));
    let id = StoredValue::new(id);
    let renaming = RwSignal::new(false);
    let rename_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(input) = rename_input.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    let rename_focus = StoredValue::new(rename_button.clone());
    let commit = move |text: String| {
        let text = text.trim().to_string();
        if !text.is_empty() {
            state.edit_workshop(&id.get_value(), None, |w| w.title = text);
        }
        renaming.set(false);
        super::focus::keep_focus_on(&rename_focus.get_value());
    };
    view! {
        <li class="card workshop-card" data-row=row_id>
            <Show
                when=move || renaming.get()
                fallback=move || view! { <h2><a href=open_href.clone() dir="auto">{title}</a></h2> }
            >
                <input node_ref=rename_input data-draft="" class="rename" dir="auto" aria-label="New title" prop:value=title
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => { ev.prevent_default(); commit(event_target_value(&ev)) }
                        "Escape" => { ev.prevent_default(); renaming.set(false) }
                        _ => {}
                    }
                    on:blur=move |ev| if renaming.get_untracked() { commit(event_target_value(&ev)) }/>
            </Show>
            <p class="facts" dir="auto">{read(|c| c.facts.clone())}</p>
            <p class="groups" dir="auto">{read(|c| c.groups.clone())}</p>
            <p class="meta">{read(|c| c.meta.clone())}</p>
            <div class="card-actions chrome">
                <button id=rename_button data-role="rename" on:click=move |_| renaming.set(true) aria-label=move || format!("Rename {}", title())>"Rename"</button>
                <button data-role="duplicate" on:click=move |_| state.duplicate_workshop(&id.get_value()) aria-label=move || format!("Duplicate {}", title())>"Duplicate"</button>
                <button id=delete_button data-role="delete" class="danger" aria-label=move || format!("Delete {}", title())
                    on:click=move |_| {
                        super::focus::focus_neighbour_after_removal(&id.get_value(), ".home .toolbar button.primary");
                        state.delete_workshop(&id.get_value());
                    }>
                    "Delete"
                </button>
            </div>
        </li>
    }
}
