//! The list editor beside the map (typing is the fast path), the links, the analysis, and the
//! keyboard's link dialog.

use super::{resource_label, MapHandle};
use crate::model::new_id;
use crate::model::orgmap::{Contribution, Resource};
use leptos::prelude::*;

const RESOURCES: [Resource; 3] = [Resource::Symbolic, Resource::Relational, Resource::Material];

#[component]
pub fn Panel() -> impl IntoView {
    let tab = RwSignal::new("actors");
    view! {
        <div class="orgmap-panel chrome">
            <div class="tabs" role="tablist" aria-label="Map panels">
                <button role="tab" aria-selected=move || (tab.get() == "actors").to_string() on:click=move |_| tab.set("actors")>"Actors"</button>
                <button role="tab" aria-selected=move || (tab.get() == "links").to_string() on:click=move |_| tab.set("links")>"Links"</button>
                <button role="tab" aria-selected=move || (tab.get() == "analysis").to_string() on:click=move |_| tab.set("analysis")>"Analysis"</button>
            </div>
            {move || match tab.get() {
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
    let new_name = RwSignal::new(String::new());
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
    let actors = move || handle.with(|m| m.actors.clone()).unwrap_or_default();
    let groups = move || handle.with(|m| m.groups.clone()).unwrap_or_default();
    view! {
        <div class="field">
            <label for="new-actor">"New actor (Enter adds it and is ready for the next; paste a list for one each)"</label>
            <input id="new-actor" dir="auto" prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_lines(new_name.get_untracked()) }
                on:paste=move |ev: leptos::ev::ClipboardEvent| {
                    let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                    if text.contains('\n') { ev.prevent_default(); add_lines(text); }
                }/>
        </div>
        <ul class="actor-list">
            <For each=actors key=|a| format!("{a:?}") let:actor>
                {
                    let id = StoredValue::new(actor.id.clone());
                    let name = actor.name.clone();
                    let name_key = format!("actor-name-{}", actor.id);
                    let notes_key = format!("actor-notes-{}", actor.id);
                    let group_id = actor.group_id.clone();
                    let influence = actor.influence;
                    let contributions = RESOURCES.map(|r| {
                        let text = actor.contributions.iter().find(|c| c.resource == r).map(|c| c.text.clone()).unwrap_or_default();
                        let key = format!("actor-{}-{}", resource_label(r), actor.id);
                        let label = name.clone();
                        view! {
                            <input dir="auto" class="contribution" aria-label=format!("{} contribution of {label}", resource_label(r)) placeholder=format!("{} contribution", resource_label(r))
                                prop:value=text
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    handle.edit(Some(&key), |m| {
                                        if let Some(a) = m.actors.iter_mut().find(|a| a.id == id.get_value()) {
                                            a.contributions.retain(|c| c.resource != r);
                                            if !text.trim().is_empty() {
                                                a.contributions.push(Contribution { resource: r, text });
                                            }
                                        }
                                    });
                                }/>
                        }
                    });
                    let selected = move || handle.selected.with(|s| s.as_deref() == Some(id.get_value().as_str()));
                    view! {
                        <li class:selected=selected on:click=move |_| handle.selected.set(Some(id.get_value()))>
                            <div class="actor-row">
                                <input dir="auto" aria-label=format!("Name of {name}") prop:value=name.clone()
                                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&name_key), |m| { m.rename_actor(&id.get_value(), &text); }); }/>
                                <select aria-label=format!("Group of {name}")
                                    on:change=move |ev| { let g = event_target_value(&ev); handle.edit(None, |m| { m.set_group(&id.get_value(), &g); }); }>
                                    <option value="" selected=group_id.is_empty()>"No group"</option>
                                    {groups().into_iter().map(|g| { let sel = g.id == group_id; view! { <option value=g.id.clone() selected=sel>{g.label.clone()}</option> } }).collect_view()}
                                </select>
                                <select aria-label=format!("Influence of {name}")
                                    on:change=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0); handle.edit(None, |m| { m.set_influence(&id.get_value(), v); }); }>
                                    {(0..=5u8).map(|v| view! { <option value=v.to_string() selected=v == influence>{format!("influence {v}")}</option> }).collect_view()}
                                </select>
                                <button class="small danger" aria-label=format!("Remove {name}") on:click=move |_| handle.edit(None, |m| { m.remove_actor(&id.get_value()); })>"Remove"</button>
                            </div>
                            <div class="actor-row">{contributions}</div>
                            <input dir="auto" class="notes" aria-label=format!("Notes on {name}") placeholder="Notes, goals" prop:value=actor.notes.clone()
                                on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&notes_key), |m| { m.set_notes(&id.get_value(), &text); }); }/>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

#[component]
fn Links() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let rows = move || {
        handle
            .with(|m| {
                let name = |id: &str| m.actor(id).map(|a| a.name.clone()).unwrap_or_default();
                m.links
                    .iter()
                    .map(|l| {
                        let kind = m.link_kinds.iter().find(|k| k.id == l.kind_id).map(|k| k.label.clone()).unwrap_or_default();
                        let arrow = if l.both_ways { "↔" } else { "→" };
                        let text = format!("{} {arrow} {} ({kind})", name(&l.from), name(&l.to));
                        let link_id = StoredValue::new(l.id.clone());
                        view! {
                            <li>
                                <span dir="auto">{text.clone()}</span>
                                <button class="small danger" aria-label=format!("Remove link {text}")
                                    on:click=move |_| handle.edit(None, |m| { m.remove_link(&link_id.get_value()); })>"Remove"</button>
                            </li>
                        }
                    })
                    .collect_view()
            })
    };
    view! {
        <p class="hint">"Draw a link by dragging from an actor's ● handle to another actor, or select an actor and press L."</p>
        <ul class="link-list">{rows}</ul>
    }
}

#[component]
fn Analysis() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let body = move || {
        handle.with(|m| {
            let analysis = super::super::venn::measured("map-analysis", || m.analysis());
            let name = |id: &str| m.actor(id).map(|a| a.name.clone()).unwrap_or_default();
            let group_name = |id: &str| m.groups.iter().find(|g| g.id == id).map(|g| g.label.clone()).unwrap_or_else(|| id.to_string());
            let kind_name = |id: &str| m.link_kinds.iter().find(|k| k.id == id).map(|k| k.label.clone()).unwrap_or_else(|| id.to_string());
            let mut actors = analysis.actors.clone();
            actors.sort_by(|a, b| b.betweenness.total_cmp(&a.betweenness));
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
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if handle.linking_from.get().is_some() {
            if let Some(select) = select_ref.get() {
                let _ = select.focus();
                target.set(select.value());
            }
        }
    });
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
        handle.linking_from.set(None);
        super::refocus(&from);
    };
    view! {
        <Show when=move || handle.linking_from.with(Option::is_some)>
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="link-title"
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => { ev.prevent_default(); create() }
                        "Escape" => { ev.prevent_default(); handle.linking_from.set(None) }
                        _ => {}
                    }>
                    <h2 id="link-title">{move || {
                        let from = handle.linking_from.get().unwrap_or_default();
                        format!("A link from {}", handle.with(|m| m.actor(&from).map(|a| a.name.clone())).flatten().unwrap_or_default())
                    }}</h2>
                    <div class="field">
                        <label for="link-to">"To"</label>
                        <select id="link-to" node_ref=select_ref on:change=move |ev| target.set(event_target_value(&ev))>
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
                        <button on:click=move |_| handle.linking_from.set(None)>"Cancel " <kbd>"Esc"</kbd></button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
