//! The group's responses to the question on the screen, as the note-taker types them on the
//! laptop while the projector shows the question: each tagged with the resources it speaks
//! of (symbolic, relational, material) and the group that said it. Rows are keyed by id and
//! read their own fields, so typing in one never rebuilds it.

use super::VignetteHandle;
use crate::model::new_id;
use crate::model::orgmap::Resource;
use crate::model::vignette::VignetteStep;
use leptos::prelude::*;

const RESOURCES: [(Resource, &str); 3] = [
    (Resource::Symbolic, "symbolic"),
    (Resource::Relational, "relational"),
    (Resource::Material, "material"),
];

#[component]
pub fn Responses() -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    // The question on the screen, by id, so responses follow it when questions move.
    let question = Memo::new(move |_| match handle.step() {
        VignetteStep::Question(i) => handle
            .with(|v| v.questions.get(i).map(|q| (q.id.clone(), q.text.clone())))
            .flatten(),
        _ => None,
    });
    let ids = Memo::new(move |_| {
        let Some((question_id, _)) = question.get() else {
            return Vec::new();
        };
        handle
            .with(|v| {
                v.responses_to(&question_id)
                    .map(|r| r.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let new_response =
        crate::ui::drafts::kept_draft(format!("new-response/{}", handle.exercise_id()));
    let add = move || {
        let Some((question_id, _)) = question.get_untracked() else {
            return;
        };
        let text = new_response.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let group = handle
            .state
            .library
            .with_untracked(|l| {
                l.get(&handle.workshop_id()).and_then(|w| {
                    w.exercises
                        .iter()
                        .find(|e| e.id == handle.exercise_id())
                        .and_then(|e| e.group_id.clone())
                })
            })
            .unwrap_or_default();
        handle.edit(None, |v| {
            v.add_response(new_id(), &question_id, text, group);
        });
        new_response.set(String::new());
    };
    view! {
        <section class="vignette-responses chrome" aria-label="The group's responses">
            <Show when=move || question.with(Option::is_some) fallback=|| view! {
                <p class="hint">"Responses go with a question: Page Down to the first one."</p>
            }>
                <h2>{move || question.get().map(|(_, text)| format!("Responses to: {text}")).unwrap_or_default()}</h2>
                <ul class="response-list">
                    {crate::ui::lists::rows_by_id(move || ids.get(), move |id| view! { <ResponseRow id=id/> }.into_any())}
                </ul>
                <div class="inline-form">
                    <div class="field">
                        <label for="new-response">"New response (Enter adds it)"</label>
                        <input id="new-response" data-draft="" dir="auto" prop:value=move || new_response.get()
                            on:input=move |ev| new_response.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add() }/>
                    </div>
                    <button on:click=move |_| add()>"Add response"</button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ResponseRow(id: String) -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            handle
                .with(|v| {
                    v.response(&id)
                        .map(|r| (r.text.clone(), r.resources.clone(), r.group_id.clone()))
                })
                .flatten()
                .unwrap_or_default()
        })
    };
    let text = move || row.with(|(text, _, _)| text.clone());
    let groups = handle.groups();
    let field_id = format!("response-{id}");
    let group_id_attr = format!("response-group-{id}");
    let remove_id = format!("response-remove-{id}");
    let key = format!("response-{id}");
    let row_id = id.clone();
    let id = StoredValue::new(id);
    let tags = RESOURCES.map(|(resource, name)| {
        let box_id = format!("response-{name}-{}", id.get_value());
        let for_id = box_id.clone();
        view! {
            <label class="check" for=for_id>
                <input type="checkbox" id=box_id
                    prop:checked=move || row.with(|(_, tags, _)| tags.contains(&resource))
                    on:change=move |_| handle.edit(None, |v| { v.toggle_resource(&id.get_value(), resource); })/>
                " "{name}
            </label>
        }
    });
    let undo_focus = field_id.clone();
    view! {
        <li class="response-row" data-row=row_id>
            <input id=field_id dir="auto" aria-label=move || format!("Response: {}", text()) prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    handle.edit(Some(&key), |v| { v.edit_response(&id.get_value(), &value); });
                }/>
            <span class="response-tags" role="group" aria-label="Resources it speaks of">{tags}</span>
            <select id=group_id_attr aria-label="Said by"
                on:change=move |ev| {
                    let group = event_target_value(&ev);
                    handle.edit(None, |v| { v.set_response_group(&id.get_value(), &group); });
                }>
                <option value="" selected=move || row.with(|(_, _, g)| g.is_empty())>"No group"</option>
                {groups.into_iter().map(|(value, label)| {
                    let selected_value = value.clone();
                    view! { <option value=value selected=move || row.with(|(_, _, g)| *g == selected_value)>{label}</option> }
                }).collect_view()}
            </select>
            <button id=remove_id class="small danger" data-undo-focus=undo_focus aria-label=move || format!("Remove the response {}", text())
                on:click=move |_| {
                    crate::ui::focus::focus_neighbour_after_removal(&id.get_value(), "#new-response");
                    handle.edit(None, |v| { v.remove_response(&id.get_value()); });
                }>"Remove"</button>
        </li>
    }
}
