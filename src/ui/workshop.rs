//! A workshop: its details, its participant groups and its exercises.

use super::home::download_workshop;
use super::state::{AppState, Route};
use crate::model::{new_id, ExerciseKind, ParticipantGroup, Workshop};
use leptos::prelude::*;

/// A text field that commits each keystroke (so nothing typed is lost) as one undo step
/// per field visit.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    workshop_id: String,
    /// Names the field in the undo history, so typing in it coalesces.
    #[prop(into)]
    field_key: String,
    value: Signal<String>,
    set: fn(&mut Workshop, String),
    #[prop(optional)] multiline: bool,
    /// A date picker. It starts as a text field showing the same ISO date and becomes a
    /// picker just after the first frame: the browser's first date control in a tab costs
    /// about 10 ms (its locale data), which would otherwise hold up the page's first paint.
    #[prop(optional)]
    date: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (edit_id, blur_id) = (workshop_id.clone(), workshop_id);
    let key = field_key.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        state.edit_workshop(&edit_id, Some(&key), |w| set(w, text));
    };
    let on_blur = move |_| state.seal_history(&blur_id);
    let input_id = format!("field-{field_key}");
    let control = if multiline {
        view! { <textarea id=input_id.clone() dir="auto" rows="3" prop:value=value on:input=on_input on:blur=on_blur></textarea> }.into_any()
    } else {
        let input_ref = NodeRef::<leptos::html::Input>::new();
        if date {
            input_ref.on_load(|input| super::after_first_paint(move || input.set_type("date")));
        }
        view! {
            <input id=input_id.clone() dir="auto" type="text" node_ref=input_ref prop:value=value on:input=on_input on:blur=on_blur/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=input_id>{label}</label>
            {control}
        </div>
    }
}

/// Undo and redo buttons for a workshop's history (the keys are Ctrl+Z and Ctrl+Shift+Z),
/// with room for the screen's own buttons after them.
#[component]
pub fn UndoRedo(
    workshop_id: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(workshop_id);
    view! {
        <div class="toolbar chrome" role="toolbar" aria-label="Edit">
            <button on:click=move |_| state.undo(&id.get_value()) disabled=move || !state.can_undo(&id.get_value()) aria-keyshortcuts="Control+Z">"Undo"</button>
            <button on:click=move |_| state.redo(&id.get_value()) disabled=move || !state.can_redo(&id.get_value()) aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
            {children.map(|c| c())}
        </div>
    }
}

#[component]
pub fn WorkshopScreen(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exists = {
        let id = id.clone();
        move || state.library.with(|l| l.get(&id).is_some())
    };
    let body = id.clone();
    view! {
        <Show when=exists fallback=|| view! { <NotFound/> }>
            <WorkshopBody id=body.clone()/>
        </Show>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="screen">
            <h1>"This workshop is not in this browser"</h1>
            <p>"It may have been deleted, or it lives in another browser. " <a href="#/">"See all workshops"</a></p>
        </section>
    }
}

#[component]
fn WorkshopBody(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let field = |get: fn(&Workshop) -> String, id: String| -> Signal<String> {
        Signal::derive(move || {
            state
                .library
                .with(|l| l.get(&id).map(get).unwrap_or_default())
        })
    };
    let title = field(|w| w.title.clone(), id.clone());
    // `elementtiming` lets the benchmark read when the browser painted the title (the
    // view macro has no name for this attribute, so it is set as the element is made).
    let title_ref = NodeRef::<leptos::html::H1>::new();
    title_ref.on_load(|heading| {
        let _ = heading.set_attribute("elementtiming", "workshop-title");
    });
    let date = field(|w| w.date.clone(), id.clone());
    let place = field(|w| w.place.clone(), id.clone());
    let notes = field(|w| w.notes.clone(), id.clone());
    let export_id = id.clone();
    view! {
        <section class="screen workshop" aria-labelledby="workshop-title">
            <div class="screen-head">
                <h1 id="workshop-title" dir="auto" node_ref=title_ref>{title}</h1>
                <UndoRedo workshop_id=id.clone()>
                    <button on:click=move |_| {
                        state.read_deferred();
                        if let Some(w) = state.workshop(&export_id) { download_workshop(&w) }
                    }>"Export"</button>
                </UndoRedo>
            </div>
            <div class="columns">
                <div class="panel chrome">
                    <h2>"Details"</h2>
                    <TextField label="Title" workshop_id=id.clone() field_key="title" value=title set=|w, v| w.title = v/>
                    <TextField label="Date" workshop_id=id.clone() field_key="date" value=date set=|w, v| w.date = v date=true/>
                    <TextField label="Place" workshop_id=id.clone() field_key="place" value=place set=|w, v| w.place = v/>
                    <TextField label="Facilitator notes" workshop_id=id.clone() field_key="notes" value=notes set=|w, v| w.notes = v multiline=true/>
                    <Groups id=id.clone()/>
                </div>
                <Exercises id=id.clone()/>
            </div>
        </section>
    }
}

#[component]
fn Groups(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = {
        let id = id.clone();
        move || {
            state
                .library
                .with(|l| l.get(&id).map(|w| w.groups.clone()).unwrap_or_default())
        }
    };
    let (new_label, set_new_label) = signal(String::new());
    let (new_size, set_new_size) = signal(String::new());
    let add_id = id.clone();
    let add = move || {
        let label = new_label.get_untracked().trim().to_string();
        if label.is_empty() {
            return;
        }
        let size = new_size.get_untracked().trim().parse::<u32>().ok();
        state.edit_workshop(&add_id, None, |w| {
            w.groups.push(ParticipantGroup {
                id: new_id(),
                label,
                size,
            })
        });
        set_new_label.set(String::new());
        set_new_size.set(String::new());
    };
    let add_on_enter = add.clone();
    view! {
        <h2>"Participant groups"</h2>
        <p class="hint">"Describe groups, never people: “Community organisations”, “Statutory services”."</p>
        <ul class="group-list">
            <For each=groups key=|g| (g.id.clone(), g.label.clone(), g.size) let:group>
                {
                    let remove_id = id.clone();
                    let group_id = group.id.clone();
                    let text = match group.size {
                        Some(n) => format!("{}, {n} people", group.label),
                        None => group.label.clone(),
                    };
                    view! {
                        <li>
                            <span dir="auto">{text}</span>
                            <button class="small danger" aria-label=format!("Remove group {}", group.label)
                                on:click=move |_| state.edit_workshop(&remove_id, None, |w| w.remove_group(&group_id))>
                                "Remove"
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
        <div class="inline-form">
            <div class="field">
                <label for="new-group-label">"Group"</label>
                <input id="new-group-label" dir="auto" placeholder="Community organisations" prop:value=new_label
                    on:input=move |ev| set_new_label.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_on_enter() }/>
            </div>
            <div class="field narrow">
                <label for="new-group-size">"People"</label>
                <input id="new-group-size" type="number" min="0" prop:value=new_size on:input=move |ev| set_new_size.set(event_target_value(&ev))/>
            </div>
            <button on:click=move |_| add()>"Add group"</button>
        </div>
    }
}

#[derive(Debug, Clone, PartialEq)]
struct ExerciseRow {
    id: String,
    title: String,
    group_id: Option<String>,
    kind: ExerciseKind,
}

#[component]
fn Exercises(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only what the list shows, so an edit inside a large exercise does not copy it here.
    let outline = {
        let id = id.clone();
        Memo::new(move |_| {
            state.library.with(|l| {
                l.get(&id)
                    .map(|w| {
                        let rows: Vec<ExerciseRow> = w
                            .exercises
                            .iter()
                            .map(|e| ExerciseRow {
                                id: e.id.clone(),
                                title: e.title.clone(),
                                group_id: e.group_id.clone(),
                                kind: e.data.kind(),
                            })
                            .collect();
                        (rows, w.groups.clone())
                    })
                    .unwrap_or_default()
            })
        })
    };
    let rows = move || outline.with(|(rows, _)| rows.clone());
    let groups = move || outline.with(|(_, groups)| groups.clone());
    let add_buttons = ExerciseKind::ALL.map(|kind| {
        let id = id.clone();
        view! {
            <button on:click=move |_| {
                let exercise = state.add_exercise(&id, kind);
                state.go(Route::Exercise(id.clone(), exercise));
            }>{format!("Add {}", kind.label().to_lowercase())}</button>
        }
    });
    let import_id = id.clone();
    view! {
        <div class="panel exercises">
            <h2>"Exercises"</h2>
            <Show when=move || rows().is_empty()>
                <p class="hint">"No exercises yet. Add one below; Page Down then steps through them on the projector."</p>
            </Show>
            <ol class="exercise-list">
                <For each=rows key=|e| (e.id.clone(), e.title.clone(), e.group_id.clone()) let:exercise>
                    {
                        let wid = id.clone();
                        let eid = exercise.id.clone();
                        let href = Route::Exercise(wid.clone(), eid.clone()).to_hash();
                        let (up_w, up_e, down_w, down_e, rm_w, rm_e, title_w, title_e, group_w, group_e) =
                            (wid.clone(), eid.clone(), wid.clone(), eid.clone(), wid.clone(), eid.clone(), wid.clone(), eid.clone(), wid.clone(), eid.clone());
                        let title_key = format!("exercise-title-{eid}");
                        let selected_group = exercise.group_id.clone().unwrap_or_default();
                        let title = exercise.title.clone();
                        view! {
                            <li class="exercise-row">
                                <span class="kind-badge">{exercise.kind.label()}</span>
                                <a class="open" href=href dir="auto">{exercise.title.clone()}</a>
                                <div class="row-edit chrome">
                                    <input dir="auto" aria-label=format!("Title of {}", title) prop:value=exercise.title.clone()
                                        on:input=move |ev| {
                                            let text = event_target_value(&ev);
                                            state.edit_workshop(&title_w, Some(&title_key), |w| if let Some(e) = w.exercise_mut(&title_e) { e.title = text });
                                        }
                                        on:blur=move |_| state.seal_history(&wid)/>
                                    <select aria-label=format!("Group that made {}", title)
                                        on:change=move |ev| {
                                            let value = event_target_value(&ev);
                                            state.edit_workshop(&group_w, None, |w| if let Some(e) = w.exercise_mut(&group_e) {
                                                e.group_id = (!value.is_empty()).then_some(value);
                                            });
                                        }>
                                        <option value="" selected=selected_group.is_empty()>"No group"</option>
                                        {groups().into_iter().map(|g| {
                                            let selected = g.id == selected_group;
                                            view! { <option value=g.id.clone() selected=selected>{g.label.clone()}</option> }
                                        }).collect_view()}
                                    </select>
                                    <button class="small" aria-label=format!("Move {} up", title) on:click=move |_| state.edit_workshop(&up_w, None, |w| { w.move_exercise(&up_e, -1); })>"↑"</button>
                                    <button class="small" aria-label=format!("Move {} down", title) on:click=move |_| state.edit_workshop(&down_w, None, |w| { w.move_exercise(&down_e, 1); })>"↓"</button>
                                    <button class="small danger" aria-label=format!("Remove {}", title) on:click=move |_| state.edit_workshop(&rm_w, None, |w| { w.remove_exercise(&rm_e); })>"Remove"</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <div class="toolbar chrome" role="toolbar" aria-label="Add an exercise">
                {add_buttons}
                <super::import::VennSvgImportButton workshop_id=import_id/>
            </div>
        </div>
    }
}
