//! The list editor beside the map (typing is the fast path), the links, the analysis, and the
//! keyboard's link dialog.

use super::{resource_label, MapHandle};
use crate::model::new_id;
use crate::model::orgmap::Resource;
use crate::ui::dialog::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const RESOURCES: [Resource; 3] = [Resource::Symbolic, Resource::Relational, Resource::Material];

#[component]
pub fn Panel() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    // The open tab lives in the location hash, so a reload comes back to it.
    let view = handle.state.view;
    let tab = move || match view.get().as_str() {
        "links" => "links",
        "analysis" => "analysis",
        _ => "actors",
    };
    let open = move |name: &'static str| {
        let slug = if name == "actors" { "" } else { name };
        if view.with_untracked(|v| v != slug) {
            view.set(slug.to_string());
        }
    };
    let tab_button = move |name: &'static str, label: &'static str| {
        view! {
            <button role="tab" aria-selected=move || (tab() == name).to_string() on:click=move |_| open(name)>{label}</button>
        }
    };
    view! {
        <div class="orgmap-panel chrome">
            <div class="tabs" role="tablist" aria-label="Map panels">
                {tab_button("actors", "Actors")}
                {tab_button("links", "Links")}
                {tab_button("analysis", "Analysis")}
            </div>
            {move || match tab() {
                "links" => view! { <Links/> }.into_any(),
                "analysis" => view! { <Analysis/> }.into_any(),
                _ => view! { <Actors/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Actors() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let new_name = crate::ui::drafts::kept_draft(format!("new-actor/{}", handle.exercise_id()));
    let add_lines = move |text: String| {
        let mut added = Vec::new();
        handle.edit(None, |m| {
            added = m.add_actors_from_lines(&text, new_id);
        });
        if let Some(last) = added.last() {
            handle.selected.set(Some(last.clone()));
        }
        new_name.set(String::new());
    };
    // Ids only: each row reads its own fields, so typing in a row never rebuilds it.
    let actor_ids = Memo::new(move |_| {
        handle
            .with(|m| m.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    view! {
        <div class="field">
            <label for="new-actor">"New actor (Enter adds it and is ready for the next; paste a list for one each)"</label>
            <input id="new-actor" data-draft="" dir="auto" prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_lines(new_name.get_untracked()) }
                on:paste=move |ev: leptos::ev::ClipboardEvent| {
                    let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                    if text.contains('\n') { ev.prevent_default(); add_lines(text); }
                }/>
        </div>
        <ul class="actor-list">
            {crate::ui::lists::rows_by_id(move || actor_ids.get(), move |id| view! { <ActorRow id=id/> }.into_any())}
        </ul>
    }
}

/// One actor's row. Its fields read the actor reactively, so it survives its own edits:
/// typing keeps the cursor, and a select keeps the keyboard on ArrowDown.
#[component]
fn ActorRow(id: String) -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let actor = {
        let id = id.clone();
        Memo::new(move |_| handle.with(|m| m.actor(&id).cloned()).flatten())
    };
    let groups = Memo::new(move |_| {
        handle
            .with(|m| {
                m.groups
                    .iter()
                    .map(|g| (g.id.clone(), g.label.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let name = move || actor.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let group_id =
        move || actor.with(|a| a.as_ref().map(|a| a.group_id.clone()).unwrap_or_default());
    let influence = move || actor.with(|a| a.as_ref().map_or(0, |a| a.influence));
    let notes = move || actor.with(|a| a.as_ref().map(|a| a.notes.clone()).unwrap_or_default());
    let name_key = format!("actor-name-{id}");
    let notes_key = format!("actor-notes-{id}");
    let (name_id, group_select_id, influence_id, notes_id, remove_id) = (
        format!("actor-name-{id}"),
        format!("actor-group-{id}"),
        format!("actor-influence-{id}"),
        format!("actor-notes-{id}"),
        format!("actor-remove-{id}"),
    );
    let undo_focus = name_id.clone();
    let row_id = id.clone();
    let id = StoredValue::new(id);
    let contributions = RESOURCES.map(|r| {
        let text = move || {
            actor.with(|a| {
                a.as_ref()
                    .and_then(|a| a.contributions.iter().find(|c| c.resource == r))
                    .map(|c| c.text.clone())
                    .unwrap_or_default()
            })
        };
        let key = format!("actor-{}-{}", resource_label(r), id.get_value());
        let control_id = format!("actor-{}-{}", resource_label(r), id.get_value());
        view! {
            <input id=control_id data-role=resource_label(r) dir="auto" class="contribution"
                aria-label=move || format!("{} contribution of {}", resource_label(r), name())
                placeholder=format!("{} contribution", resource_label(r))
                prop:value=text
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    handle.edit(Some(&key), |m| { m.write_contribution(&id.get_value(), r, &text); });
                }/>
        }
    });
    let selected = move || {
        handle
            .selected
            .with(|s| s.as_deref() == Some(id.get_value().as_str()))
    };
    let remove = move |_| {
        crate::ui::focus::focus_neighbour_after_removal(&id.get_value(), "#new-actor");
        handle.edit(None, |m| {
            m.remove_actor(&id.get_value());
        });
    };
    view! {
        <li data-row=row_id class:selected=selected on:click=move |_| handle.selected.set(Some(id.get_value()))>
            <div class="actor-row">
                <input id=name_id data-role="name" dir="auto" aria-label=move || format!("Name of {}", name()) prop:value=name
                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&name_key), |m| { m.rename_actor(&id.get_value(), &text); }); }/>
                <select id=group_select_id data-role="group" aria-label=move || format!("Group of {}", name()) prop:value=group_id
                    on:change=move |ev| { let g = event_target_value(&ev); handle.edit(Some(&format!("actor-group-{}", id.get_value())), |m| { m.set_group(&id.get_value(), &g); }); }>
                    <option value="" selected=move || group_id().is_empty()>"No group"</option>
                    <For each=move || groups.get() key=|g| g.clone() let:group>
                        <option value=group.0.clone() selected=move || group_id() == group.0>{group.1.clone()}</option>
                    </For>
                </select>
                <select id=influence_id data-role="influence" aria-label=move || format!("Influence of {}", name()) prop:value=move || influence().to_string()
                    on:change=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0); handle.edit(Some(&format!("actor-influence-{}", id.get_value())), |m| { m.set_influence(&id.get_value(), v); }); }>
                    {(0..=5u8).map(|v| view! { <option value=v.to_string() selected=move || v == influence()>{format!("influence {v}")}</option> }).collect_view()}
                </select>
                <button id=remove_id data-role="remove" data-undo-focus=undo_focus class="small danger" aria-label=move || format!("Remove {}", name()) on:click=remove>"Remove"</button>
            </div>
            <div class="actor-row">{contributions}</div>
            <input id=notes_id data-role="notes" dir="auto" class="notes" aria-label=move || format!("Notes on {}", name()) placeholder="Notes, goals" prop:value=notes
                on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&notes_key), |m| { m.set_notes(&id.get_value(), &text); }); }/>
        </li>
    }
}

#[component]
fn Links() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    // One row per link, keyed by id, so removing one keeps the others (and the keyboard).
    let rows = Memo::new(move |_| {
        handle
            .with(|m| {
                let name = |id: &str| m.actor(id).map(|a| a.name.clone()).unwrap_or_default();
                m.links
                    .iter()
                    .map(|l| {
                        let kind = m
                            .link_kinds
                            .iter()
                            .find(|k| k.id == l.kind_id)
                            .map(|k| k.label.clone())
                            .unwrap_or_default();
                        let arrow = if l.both_ways { "↔" } else { "→" };
                        (
                            l.id.clone(),
                            format!("{} {arrow} {} ({kind})", name(&l.from), name(&l.to)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <p class="hint">"Draw a link by dragging from an actor's ● handle to another actor, or select an actor and press L."</p>
        <ul class="link-list">
            {crate::ui::lists::rows_by_id(move || rows.with(|r| r.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()), move |link_id| view! { {
                    let row_id = link_id.clone();
                    let text = {
                        let link_id = link_id.clone();
                        move || rows.with(|r| r.iter().find(|(id, _)| *id == link_id).map(|(_, t)| t.clone()).unwrap_or_default())
                    };
                    let link_id = StoredValue::new(link_id);
                    view! {
                        <li data-row=row_id>
                            <span dir="auto">{text.clone()}</span>
                            <button class="small danger" data-role="remove" aria-label=move || format!("Remove link {}", text())
                                on:click=move |_| {
                                    crate::ui::focus::focus_neighbour_after_removal(&link_id.get_value(), ".orgmap-panel [role=tab]");
                                    handle.edit(None, |m| { m.remove_link(&link_id.get_value()); });
                                }>"Remove"</button>
                        </li>
                    }
                } }.into_any())}
        </ul>
    }
}

#[component]
fn Analysis() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let body = move || {
        handle.with(|m| {
            let analysis = crate::ui::timing::measured("map-analysis", || m.analysis());
            let name = |id: &str| m.actor(id).map(|a| a.name.clone()).unwrap_or_default();
            let group_name = |id: &str| m.groups.iter().find(|g| g.id == id).map(|g| g.label.clone()).unwrap_or_else(|| id.to_string());
            let kind_name = |id: &str| m.link_kinds.iter().find(|k| k.id == id).map(|k| k.label.clone()).unwrap_or_else(|| id.to_string());
            let mut actors = analysis.actors.clone();
            crate::model::order::sort_by(&mut actors, |a, b| b.betweenness.total_cmp(&a.betweenness));
            let rows = actors.iter().map(|a| view! {
                <tr>
                    <th scope="row" dir="auto">{name(&a.actor_id)}</th>
                    <td class="number">{a.degree_in}</td>
                    <td class="number">{a.degree_out}</td>
                    <td class="number">{format!("{:.2}", a.betweenness)}</td>
                    <td class="number">{a.groups_bridged}</td>
                </tr>
            }).collect_view();
            let brokers = analysis.brokers.iter().map(|(id, pairs)| view! { <li dir="auto">{format!("{}: bridges {pairs} group pair{}", name(id), if *pairs == 1 { "" } else { "s" })}</li> }).collect_view();
            let isolated = analysis.isolated.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ");
            let matrix = analysis.group_matrix.iter().map(|c| view! {
                <tr><td dir="auto">{group_name(&c.from_group)}</td><td dir="auto">{group_name(&c.to_group)}</td><td>{kind_name(&c.kind_id)}</td><td class="number">{c.count}</td></tr>
            }).collect_view();
            view! {
                <h3>"Brokers: who bridges groups"</h3>
                <ol class="brokers">{brokers}</ol>
                <h3>"Isolated actors"</h3>
                <p dir="auto">{if isolated.is_empty() { "None".to_string() } else { isolated }}</p>
                <h3>"Per actor"</h3>
                <table class="analysis">
                    <thead><tr><th scope="col">"Actor"</th><th scope="col">"In"</th><th scope="col">"Out"</th><th scope="col">"Betweenness"</th><th scope="col">"Groups bridged"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <h3>"Links between groups"</h3>
                <table class="analysis">
                    <thead><tr><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col">"Kind"</th><th scope="col">"Links"</th></tr></thead>
                    <tbody>{matrix}</tbody>
                </table>
            }
        })
    };
    view! { <div class="analysis-panel">{body}</div> }
}

/// The keyboard's way to draw a link: L on a selected actor opens this.
#[component]
pub fn LinkDialog() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let target = RwSignal::new(String::new());
    // Closing gives the keyboard back to the actor the link was drawn from.
    let close = Callback::new(move |()| handle.linking_from.set(None));
    let create = move || {
        let Some(from) = handle.linking_from.get_untracked() else {
            return;
        };
        let to = target.get_untracked();
        let (kind, both) = (
            handle.new_kind.get_untracked(),
            handle.new_both_ways.get_untracked(),
        );
        handle.edit(None, |m| {
            m.add_link(new_id(), &from, &to, &kind, both);
        });
        close.run(());
    };
    // The first actor offered is the target until another is chosen.
    Effect::new(move |_| {
        if let Some(from) = handle.linking_from.get() {
            let first = handle
                .with(|m| m.actors.iter().find(|a| a.id != from).map(|a| a.id.clone()))
                .flatten()
                .unwrap_or_default();
            target.set(first);
        }
    });
    // Enter draws the link from any field; on a button, the button's own action runs.
    let on_enter = move |ev: web_sys::KeyboardEvent| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("button"));
        if ev.key() == "Enter" && !on_button {
            ev.prevent_default();
            create();
        }
    };
    view! {
        <Show when=move || handle.linking_from.with(Option::is_some)>
            <Dialog labelled_by="link-title" on_close=close initial="#link-to">
                <div on:keydown=on_enter>
                    <h2 id="link-title">{move || {
                        let from = handle.linking_from.get().unwrap_or_default();
                        format!("A link from {}", handle.with(|m| m.actor(&from).map(|a| a.name.clone())).flatten().unwrap_or_default())
                    }}</h2>
                    <div class="field">
                        <label for="link-to">"To"</label>
                        <select id="link-to" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                            {move || {
                                let from = handle.linking_from.get().unwrap_or_default();
                                handle.with(|m| m.actors.iter().filter(|a| a.id != from).map(|a| view! { <option value=a.id.clone()>{a.name.clone()}</option> }).collect_view())
                            }}
                        </select>
                    </div>
                    <div class="field">
                        <label for="link-kind">"Kind"</label>
                        <select id="link-kind" on:change=move |ev| handle.new_kind.set(event_target_value(&ev))>
                            {move || handle.with(|m| m.link_kinds.iter().map(|k| {
                                let selected = handle.new_kind.with_untracked(|n| *n == k.id);
                                view! { <option value=k.id.clone() selected=selected>{k.label.clone()}</option> }
                            }).collect_view())}
                        </select>
                    </div>
                    <label class="check"><input type="checkbox" prop:checked=move || handle.new_both_ways.get() on:change=move |_| handle.new_both_ways.update(|b| *b = !*b)/>" Both ways (an exchange)"</label>
                    <div class="toolbar">
                        <button class="primary" on:click=move |_| create()>"Draw the link " <kbd>"Enter"</kbd></button>
                        <button on:click=move |_| close.run(())>"Cancel " <kbd>"Esc"</kbd></button>
                    </div>
                </div>
            </Dialog>
        </Show>
    }
}
