//! A workshop: its details, its participant groups and its exercises.

use super::home::download_workshop;
use super::on_demand::on_demand;
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
            input_ref
                .on_load(|input| super::timing::after_first_paint(move || input.set_type("date")));
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

// A workshop's page is in the `pages` module, loaded when a workshop is first opened: the
// first picture is the list of workshops.
on_demand! {
    pages =>
    pub fn workshop_screen(id: String) -> AnyView {
        view! { <WorkshopScreen id/> }.into_any()
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
    let report_href = Route::Report(id.clone()).to_hash();
    let export_all_id = id.clone();
    view! {
        <section class="screen workshop" aria-labelledby="workshop-title">
            <div class="screen-head">
                <h1 id="workshop-title" dir="auto" node_ref=title_ref>{title}</h1>
                <UndoRedo workshop_id=id.clone()>
                    <button on:click=move |_| {
                        state.ensure_data_read();
                        if let Some(w) = state.workshop(&export_id) { download_workshop(&w) }
                    }>"Export"</button>
                    <a class="button" href=report_href aria-keyshortcuts="R">"Report"</a>
                    <ExportEverything id=export_all_id.clone()/>
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
                <super::plan::RunningOrder id=id.clone()/>
            </div>
        </section>
    }
}

/// "Export everything": one .zip of the report, every figure (SVG and PNG 2x), every table,
/// the map's GraphML and the workshop's file. Busy while the PNGs are drawn.
#[component]
fn ExportEverything(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    let start = move |_| {
        let Some(workshop) = state.workshop(&id) else {
            return;
        };
        busy.set(true);
        let name = format!(
            "{}-everything.zip",
            super::state::file_stem(&workshop.title, "workshop")
        );
        super::exports::export_everything(workshop, name, move |result| {
            busy.set(false);
            if let Err(why) = result {
                state.notify(super::state::NoticeKind::Error(format!(
                    "The zip was not made: {why}"
                )));
            }
        });
    };
    view! {
        <button on:click=start disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
            {move || if busy.get() { "Exporting…" } else { "Export everything (.zip)" }}
        </button>
    }
}

#[component]
fn Groups(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(id);
    let group_ids = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&workshop_id.get_value())
                .map(|w| w.groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let new_label = super::drafts::kept_draft(format!("new-group/{}", workshop_id.get_value()));
    let new_size = super::drafts::kept_draft(format!("new-group-size/{}", workshop_id.get_value()));
    let add = move || {
        let label = new_label.get_untracked().trim().to_string();
        if label.is_empty() {
            return;
        }
        let size = new_size.get_untracked().trim().parse::<u32>().ok();
        state.edit_workshop(&workshop_id.get_value(), None, |w| {
            w.groups.push(ParticipantGroup {
                id: new_id(),
                label,
                size,
            })
        });
        new_label.set(String::new());
        new_size.set(String::new());
        // Ready for the next group.
        crate::ui::focus::keep_focus_on("new-group-label");
    };
    view! {
        <h2>"Participant groups"</h2>
        <p class="hint">"Describe groups, never people: “Community organisations”, “Statutory services”."</p>
        <ul class="group-list">
            {crate::ui::lists::rows_by_id(move || group_ids.get(), move |group_id| view! { <GroupRow workshop_id=workshop_id group_id=group_id/> }.into_any())}
        </ul>
        <div class="inline-form">
            <div class="field">
                <label for="new-group-label">"Group"</label>
                // Enter goes on to "People", as a form does; Enter there adds the group.
                <input id="new-group-label" data-draft="" dir="auto" placeholder="Community organisations" prop:value=new_label
                    on:input=move |ev| new_label.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); crate::ui::focus::keep_focus_on("new-group-size") }/>
            </div>
            <div class="field narrow">
                <label for="new-group-size">"People"</label>
                <input id="new-group-size" data-draft="" type="number" min="0" prop:value=new_size
                    on:input=move |ev| new_size.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add() }/>
            </div>
            <button on:click=move |_| add()>"Add group"</button>
        </div>
    }
}

#[component]
fn GroupRow(workshop_id: StoredValue<String>, group_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let group = {
        let group_id = group_id.clone();
        Memo::new(move |_| {
            state.library.with(|l| {
                l.get(&workshop_id.get_value())
                    .and_then(|w| w.groups.iter().find(|g| g.id == group_id))
                    .map(|g| (g.label.clone(), g.size))
                    .unwrap_or_default()
            })
        })
    };
    let text = move || {
        group.with(|(label, size)| match size {
            Some(n) => format!("{label}, {n} people"),
            None => label.clone(),
        })
    };
    let remove_id = format!("group-remove-{group_id}");
    let row_id = group_id.clone();
    let group_id = StoredValue::new(group_id);
    let remove = move |_| {
        crate::ui::focus::focus_neighbour_after_removal(&group_id.get_value(), "#new-group-label");
        state.edit_workshop(&workshop_id.get_value(), None, |w| {
            w.remove_group(&group_id.get_value())
        });
    };
    view! {
        <li data-row=row_id>
            <span dir="auto">{text}</span>
            <button id=remove_id data-role="remove" class="small danger" aria-label=move || format!("Remove group {}", group.with(|g| g.0.clone()))
                on:click=remove>
                "Remove"
            </button>
        </li>
    }
}

#[derive(Debug, Clone, PartialEq)]
struct ExerciseRow {
    title: String,
    group_id: Option<String>,
    kind: ExerciseKind,
}

#[component]
fn Exercises(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(id);
    // Only ids: each row reads its own title and group, so typing in a row keeps the row.
    let exercise_ids = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&workshop_id.get_value())
                .map(|w| w.exercises.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add_buttons = ExerciseKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <button on:click=move |_| {
                    let id = workshop_id.get_value();
                    let exercise = state.add_exercise(&id, kind);
                    state.go(Route::Exercise(id, exercise));
                }>{format!("Add {}", kind.label().to_ascii_lowercase())}</button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="panel exercises">
            <h2>"Exercises"</h2>
            <Show when=move || exercise_ids.with(Vec::is_empty)>
                <p class="hint">"No exercises yet. Add one below; Page Down then steps through them on the projector."</p>
            </Show>
            <ol class="exercise-list">
                {crate::ui::lists::rows_by_id(move || exercise_ids.get(), move |exercise_id| view! { <ExerciseListRow workshop_id=workshop_id exercise_id=exercise_id/> }.into_any())}
            </ol>
            <div class="toolbar chrome" role="toolbar" aria-label="Add an exercise">
                {add_buttons}
                <super::import::SvgImportButton workshop_id=workshop_id.get_value()/>
            </div>
        </div>
    }
}

#[component]
fn ExerciseListRow(workshop_id: StoredValue<String>, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = {
        let exercise_id = exercise_id.clone();
        Memo::new(move |_| {
            state.library.with(|l| {
                l.get(&workshop_id.get_value())
                    .and_then(|w| w.exercise(&exercise_id))
                    .map(|e| ExerciseRow {
                        title: e.title.clone(),
                        group_id: e.group_id.clone(),
                        kind: e.data.kind(),
                    })
            })
        })
    };
    // The workshop's groups, for the select: only their ids and labels.
    let groups = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&workshop_id.get_value())
                .map(|w| {
                    w.groups
                        .iter()
                        .map(|g| (g.id.clone(), g.label.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let title = move || row.with(|r| r.as_ref().map(|r| r.title.clone()).unwrap_or_default());
    let selected_group = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.group_id.clone())
                .unwrap_or_default()
        })
    };
    let kind_label = move || row.with(|r| r.as_ref().map(|r| r.kind.label()).unwrap_or_default());
    let href = Route::Exercise(workshop_id.get_value(), exercise_id.clone()).to_hash();
    let title_key = format!("exercise-title-{exercise_id}");
    let (title_id, group_id, up_id, down_id, remove_id) = (
        format!("exercise-title-{exercise_id}"),
        format!("exercise-group-{exercise_id}"),
        format!("exercise-up-{exercise_id}"),
        format!("exercise-down-{exercise_id}"),
        format!("exercise-remove-{exercise_id}"),
    );
    let undo_focus = title_id.clone();
    let row_id = exercise_id.clone();
    let exercise_id = StoredValue::new(exercise_id);
    let edit = move |coalesce: Option<&str>, change: &dyn Fn(&mut crate::model::Exercise)| {
        state.edit_workshop(&workshop_id.get_value(), coalesce, |w| {
            if let Some(e) = w.exercise_mut(&exercise_id.get_value()) {
                change(e)
            }
        });
    };
    let move_by = move |offset: isize, keep: &str| {
        state.edit_workshop(&workshop_id.get_value(), None, |w| {
            w.move_exercise(&exercise_id.get_value(), offset);
        });
        crate::ui::focus::keep_focus_on(keep);
    };
    let (up_keep, down_keep) = (up_id.clone(), down_id.clone());
    view! {
        <li class="exercise-row" data-row=row_id>
            <span class="kind-badge">{kind_label}</span>
            <a class="open" href=href dir="auto">{title}</a>
            <div class="row-edit chrome">
                <input id=title_id data-role="title" dir="auto" aria-label=move || format!("Title of {}", title()) prop:value=title
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(Some(&title_key), &|e| e.title = text.clone());
                    }/>
                <select id=group_id data-role="group" aria-label=move || format!("Group that made {}", title())
                    prop:value=selected_group
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        // One visit to the select (arrow keys through its options) is one step.
                        edit(Some(&format!("exercise-group-{}", exercise_id.get_value())), &|e| e.group_id = (!value.is_empty()).then(|| value.clone()));
                    }>
                    <option value="">"No group"</option>
                    <For each=move || groups.get() key=|g| g.clone() let:group>
                        <option value=group.0.clone() selected=move || selected_group() == group.0>{group.1.clone()}</option>
                    </For>
                </select>
                <button id=up_id data-role="up" class="small" aria-label=move || format!("Move {} up", title()) on:click=move |_| move_by(-1, &up_keep)>"↑"</button>
                <button id=down_id data-role="down" class="small" aria-label=move || format!("Move {} down", title()) on:click=move |_| move_by(1, &down_keep)>"↓"</button>
                <button id=remove_id data-role="remove" data-undo-focus=undo_focus class="small danger" aria-label=move || format!("Remove {}", title())
                    on:click=move |_| {
                        crate::ui::focus::focus_neighbour_after_removal(&exercise_id.get_value(), ".exercises .toolbar button");
                        state.edit_workshop(&workshop_id.get_value(), None, |w| { w.remove_exercise(&exercise_id.get_value()); });
                    }>"Remove"</button>
            </div>
        </li>
    }
}
