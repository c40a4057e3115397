//! The Venn's toolbar: a new institution, the comparison, and the Export menu.

use super::VennHandle;
use crate::model::new_id;
use crate::ui::exports::export_menu;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    let new_label =
        crate::ui::drafts::kept_draft(format!("new-institution/{}", handle.exercise_id()));
    let add = move || {
        let label = new_label.get_untracked().trim().to_string();
        if label.is_empty() {
            return;
        }
        let id = new_id();
        let added = id.clone();
        handle.edit(None, |d| {
            d.add_institution(id, label);
        });
        handle.selected.set(Some(added));
        new_label.set(String::new());
    };
    view! {
    <div class="toolbar chrome venn-tools">
        <div class="inline-form">
            <div class="field">
                <label for="new-institution">"New institution (Enter adds it)"</label>
                <input id="new-institution" data-draft="" dir="auto" prop:value=move || new_label.get()
                    on:input=move |ev| new_label.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add() }/>
            </div>
            <button on:click=move |_| add()>"Add"</button>
        </div>
        <button aria-pressed=move || handle.comparing().to_string() on:click=move |_| handle.toggle_comparing()>
            "Compare with another diagram"
        </button>
        {export_menu(handle.exercise, false)}
    </div>
    }
}
