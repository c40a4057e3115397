//! The data table beside the picture: what the geometry means, and edits that move or
//! resize the circle to match.

use super::{relation_label, VennHandle};
use crate::model::venn::{Closeness, Relation, SizeTier};
use leptos::prelude::*;

const BANDS: [(Closeness, &str); 4] = [
    (Closeness::Inside, "inside"),
    (Closeness::Touching, "touching"),
    (Closeness::Near, "near"),
    (Closeness::Far, "far"),
];
const TIERS: [(SizeTier, &str); 3] = [
    (SizeTier::Small, "small"),
    (SizeTier::Medium, "medium"),
    (SizeTier::Large, "large"),
];
const RELATIONS: [Relation; 3] = [Relation::Ally, Relation::Neutral, Relation::Threat];

#[component]
pub fn DataTable() -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    let rows = move || handle.with(|d| d.table()).unwrap_or_default();
    let groups = move || handle.with(|d| d.groups.clone()).unwrap_or_default();
    let community = move || {
        handle
            .with(|d| d.community_label.clone())
            .unwrap_or_default()
    };
    view! {
        <div class="venn-table">
            <div class="field chrome">
                <label for="community-label">"The community circle"</label>
                <input id="community-label" dir="auto" prop:value=community
                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some("community-label"), |d| d.community_label = text); }/>
            </div>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Institution"</th>
                        <th scope="col">"Closeness"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col">"Relation"</th>
                        <th scope="col">"Overlaps / inside"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=|r| format!("{r:?}") let:row>
                        {
                            let id = StoredValue::new(row.id.clone());
                            let label = row.label.clone();
                            let label_key = format!("venn-label-{}", row.id);
                            let notes_key = format!("venn-notes-{}", row.id);
                            let current_group = row.group.clone();
                            let selected = move || handle.selected.with(|s| s.as_deref() == Some(id.get_value().as_str()));
                            let relations = if row.overlaps_with.is_empty() { String::new() } else { format!("overlaps {}", row.overlaps_with.join(", ")) };
                            let inside = row.inside_of.clone().map(|o| format!("inside {o}")).unwrap_or_default();
                            view! {
                                <tr class:selected=selected on:click=move |_| handle.selected.set(Some(id.get_value()))>
                                    <td>
                                        <input dir="auto" aria-label=format!("Label of {label}") prop:value=row.label.clone()
                                            on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&label_key), |d| { d.set_label(&id.get_value(), text); }); }/>
                                        <select aria-label=format!("Group of {label}")
                                            on:change=move |ev| { let g = event_target_value(&ev); handle.edit(None, |d| { d.set_group(&id.get_value(), g); }); }>
                                            <option value="" selected=current_group.is_empty()>"No group"</option>
                                            {groups().into_iter().map(|g| { let sel = g == current_group; view! { <option value=g.clone() selected=sel>{g.clone()}</option> } }).collect_view()}
                                        </select>
                                        <input dir="auto" class="notes" aria-label=format!("Why {label} is there") placeholder="Why it is there" prop:value=row.notes.clone()
                                            on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&notes_key), |d| { d.set_notes(&id.get_value(), text); }); }/>
                                    </td>
                                    <td>
                                        <select aria-label=format!("Closeness of {label}")
                                            on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                if let Some((band, _)) = BANDS.iter().find(|(_, name)| *name == value) {
                                                    handle.edit(None, |d| { d.set_closeness(&id.get_value(), *band); });
                                                }
                                            }>
                                            {BANDS.iter().map(|(band, name)| view! { <option value=*name selected=*band == row.closeness>{*name}</option> }).collect_view()}
                                        </select>
                                        <span class="distance">{format!("{:.0}", row.distance)}</span>
                                    </td>
                                    <td>
                                        <select aria-label=format!("Size of {label}")
                                            on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                if let Some((tier, _)) = TIERS.iter().find(|(_, name)| *name == value) {
                                                    handle.edit(None, |d| { d.set_size_tier(&id.get_value(), *tier); });
                                                }
                                            }>
                                            {TIERS.iter().map(|(tier, name)| view! { <option value=*name selected=*tier == row.size_tier>{*name}</option> }).collect_view()}
                                        </select>
                                    </td>
                                    <td>
                                        <select aria-label=format!("Relation of {label}")
                                            on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                if let Some(relation) = RELATIONS.iter().find(|r| relation_label(**r) == value) {
                                                    handle.edit(None, |d| { d.set_relation(&id.get_value(), *relation); });
                                                }
                                            }>
                                            {RELATIONS.iter().map(|r| view! { <option value=relation_label(*r) selected=*r == row.relation>{relation_label(*r)}</option> }).collect_view()}
                                        </select>
                                    </td>
                                    <td class="overlaps" dir="auto">{relations}" "{inside}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
