//! Two diagrams compared: side by side, overlaid with arrows, and a table of changes.
//! Circles are matched by label; the facilitator can fix a wrong match.

use super::VennHandle;
use crate::export::venn as export;
use crate::model::venn::{compare, VennDiagram};
use crate::model::ExerciseData;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
struct Other {
    key: (String, String),
    name: String,
    diagram: VennDiagram,
}

#[component]
pub fn CompareView() -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    let state = handle.state;
    let this = (handle.workshop_id(), handle.exercise_id());
    let this_key = this.clone();
    let others = Memo::new(move |_| {
        state.library.with(|l| {
            let mut list = Vec::new();
            for workshop in l.newest_first() {
                for exercise in &workshop.exercises {
                    if let ExerciseData::PowerVenn(diagram) = &exercise.data {
                        let key = (workshop.id.clone(), exercise.id.clone());
                        if key == this_key {
                            continue;
                        }
                        list.push(Other {
                            key,
                            name: format!("{} ({})", exercise.title, workshop.title),
                            diagram: diagram.clone(),
                        });
                    }
                }
            }
            list
        })
    });
    let chosen = RwSignal::new(others.get_untracked().first().map(|o| o.key.clone()));
    // Manual matches: (label here, label there).
    let overrides = RwSignal::new(Vec::<(String, String)>::new());
    let other = move || {
        chosen
            .get()
            .and_then(|k| others.with(|list| list.iter().find(|o| o.key == k).cloned()))
    };
    let changes = move || {
        let other = other()?;
        let overrides = overrides.get();
        handle.with(|d| compare(&other.diagram, d, &overrides))
    };
    let download_changes = move |_| {
        if let Some(changes) = changes() {
            crate::ui::download_file(
                &format!("{}-changes.csv", handle.file_stem()),
                "text/csv",
                &export::changes_csv(&changes),
            );
        }
    };
    view! {
        <section class="venn-compare" aria-label="Compare two diagrams">
            <div class="field chrome">
                <label for="compare-with">"Compare with (the earlier, or the other group's, diagram)"</label>
                <select id="compare-with" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    chosen.set(others.with(|list| list.iter().find(|o| o.key.1 == value).map(|o| o.key.clone())));
                    overrides.set(Vec::new());
                }>
                    {move || others.get().into_iter().map(|o| {
                        let selected = chosen.with(|c| c.as_ref() == Some(&o.key));
                        view! { <option value=o.key.1.clone() selected=selected>{o.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || match other() {
                None => view! { <p class="lead">"There is no other power Venn diagram to compare with yet."</p> }.into_any(),
                Some(other) => {
                    let changes = changes().unwrap_or_default();
                    // The pictures alone, as the exports draw them (the words are on the
                    // screen beside them). Our own SVG writer escapes every label, so its
                    // pictures are safe to insert.
                    let before_svg = export::diagram_picture_svg(&other.diagram);
                    let after_svg = handle.with(export::diagram_picture_svg).unwrap_or_default();
                    let overlay = handle.with(|d| export::comparison_picture_svg(&other.diagram, d, &changes)).unwrap_or_default();
                    let rows = changes.iter().map(|c| {
                        let moved = if c.moved.abs() < 1.0 { "stayed".to_string() } else if c.moved > 0.0 { format!("{:.0} closer", c.moved) } else { format!("{:.0} further", -c.moved) };
                        let size = if c.size_change.abs() < 1.0 { "same size".to_string() } else if c.size_change > 0.0 { format!("grew {:.0}", c.size_change) } else { format!("shrank {:.0}", -c.size_change) };
                        let relation = c.relation_change.map(|(a, b)| format!("{} → {}", super::relation_label(a), super::relation_label(b))).unwrap_or_default();
                        let only = match c.only_in {
                            Some(crate::model::venn::Side::Before) => "only in the other diagram".to_string(),
                            Some(crate::model::venn::Side::After) => "only in this diagram".to_string(),
                            None => String::new(),
                        };
                        view! {
                            <tr>
                                <th scope="row" dir="auto">{c.label.clone()}</th>
                                <td>{if only.is_empty() { moved } else { only }}</td>
                                <td>{size}</td>
                                <td>{relation}</td>
                            </tr>
                        }
                    }).collect_view();
                    let unmatched_here: Vec<String> = handle.with(|d| d.institutions.iter().map(|i| i.label.clone()).collect()).unwrap_or_default();
                    let unmatched_there: Vec<String> = other.diagram.institutions.iter().map(|i| i.label.clone()).collect();
                    let other_ids: Vec<(String, String)> = other.diagram.institutions.iter().map(|i| (i.id.clone(), i.label.clone())).collect();
                    let here = RwSignal::new(String::new());
                    let there = RwSignal::new(String::new());
                    view! {
                        <div class="side-by-side">
                            <figure><div class="picture" inner_html=before_svg></div><figcaption dir="auto">{format!("Before: {}", other.name)}</figcaption></figure>
                            <figure><div class="picture" inner_html=after_svg></div><figcaption>"Now: this diagram"</figcaption></figure>
                        </div>
                        <figure class="overlay"><div class="picture" inner_html=overlay></div><figcaption>"Overlaid: a grey dashed outline is where an institution was before; an arrow shows how it moved. Under each label: closer or further, grew or shrank, and any change in relation."</figcaption></figure>
                        <table class="changes">
                            <thead><tr><th scope="col">"Institution"</th><th scope="col">"Movement"</th><th scope="col">"Size"</th><th scope="col">"Relation"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <div class="inline-form chrome">
                            <div class="field">
                                <label for="match-there">"Match this circle in the other diagram…"</label>
                                <select id="match-there" on:change=move |ev| there.set(event_target_value(&ev))>
                                    <option value="">"choose"</option>
                                    {unmatched_there.into_iter().map(|l| view! { <option value=l.clone()>{l.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="match-here">"…with this one here"</label>
                                <select id="match-here" on:change=move |ev| here.set(event_target_value(&ev))>
                                    <option value="">"choose"</option>
                                    {unmatched_here.into_iter().map(|l| view! { <option value=l.clone()>{l.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                            <button on:click=move |_| {
                                // The model matches by id: (id in the other diagram, id in this one).
                                let (a, b) = (there.get_untracked(), here.get_untracked());
                                let id_there = other_ids.iter().find(|(_, l)| *l == a).map(|(id, _)| id.clone());
                                let id_here = handle.with(|d| d.institutions.iter().find(|i| i.label == b).map(|i| i.id.clone())).flatten();
                                if let (Some(a), Some(b)) = (id_there, id_here) { overrides.update(|o| o.push((a, b))); }
                            }>"Match them"</button>
                            <button on:click=download_changes>"Changes CSV"</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
