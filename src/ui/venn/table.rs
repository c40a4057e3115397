//! The data table beside the picture: what the geometry means, and edits that move or
//! resize the circle to match.

use super::{relation_label, VennHandle};
use crate::model::venn::{Closeness, Relation, SizeTier, TableRow};
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
    // The table's rows in one pass over the diagram; each row finds its own by id, so an edit
    // updates the row's fields in place instead of building the row again.
    let rows = Memo::new(move |_| handle.with(|d| d.table()).unwrap_or_default());
    let row_ids =
        Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    let community = move || {
        handle
            .with(|d| d.community_label.clone())
            .unwrap_or_default()
    };
    // On the projector the table is for the room to read: text, no controls.
    let prefs = expect_context::<crate::ui::prefs::Preferences>();
    view! {
        <Show when=move || !prefs.projector.get() fallback=move || view! { <ReadOnlyTable rows=rows/> }>
        <div class="venn-table">
            <div class="field chrome">
                <label for="community-label">"The community circle"</label>
                <input id="community-label" dir="auto" prop:value=community
                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some("community-label"), |d| d.community_label = text); }/>
            </div>
            <table class="data-table">
                <Head why=false/>
                <tbody>
                    {crate::ui::lists::rows_by_id(move || row_ids.get(), move |id| view! { <Row id=id rows=rows/> }.into_any())}
                </tbody>
            </table>
        </div>
        </Show>
    }
}

/// The table as the room reads it on the projector: what each circle means, in words, and
/// why the group put it there.
#[component]
fn ReadOnlyTable(rows: Memo<Vec<TableRow>>) -> impl IntoView {
    let body = move || {
        rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let overlaps = [
                        (!r.overlaps_with.is_empty())
                            .then(|| format!("overlaps {}", r.overlaps_with.join(", "))),
                        r.inside_of.as_ref().map(|o| format!("inside {o}")),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; ");
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{r.label.clone()}</th>
                            <td>{band_name(r.closeness)}</td>
                            <td>{tier_name(r.size_tier)}</td>
                            <td>{format!("{} {}", r.relation.mark(), relation_label(r.relation))}</td>
                            <td dir="auto">{overlaps}</td>
                            <td dir="auto">{r.notes.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="venn-table read-only">
            <table class="data-table">
                <Head why=true/>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(id: String, rows: Memo<Vec<TableRow>>) -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    let row = {
        let id = id.clone();
        Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.id == id).cloned()))
    };
    let groups = Memo::new(move |_| handle.with(|d| d.groups.clone()).unwrap_or_default());
    let read = move |f: fn(&TableRow) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let label = read(|r| r.label.clone());
    let notes = read(|r| r.notes.clone());
    let group = read(|r| r.group.clone());
    let closeness = read(|r| band_name(r.closeness).to_string());
    let size = read(|r| tier_name(r.size_tier).to_string());
    let relation = read(|r| relation_label(r.relation).to_string());
    let distance = read(|r| format!("{:.0}", r.distance));
    let overlaps = read(|r| {
        let overlaps = if r.overlaps_with.is_empty() {
            String::new()
        } else {
            format!("overlaps {}", r.overlaps_with.join(", "))
        };
        let inside = r
            .inside_of
            .clone()
            .map(|o| format!("inside {o}"))
            .unwrap_or_default();
        format!("{overlaps} {inside}").trim().to_string()
    });
    let label_key = format!("venn-label-{id}");
    let notes_key = format!("venn-notes-{id}");
    let control = |name: &str| format!("venn-{name}-{id}");
    let (label_id, group_id, notes_id, closeness_id, size_id, relation_id) = (
        control("label"),
        control("group"),
        control("notes"),
        control("closeness"),
        control("size"),
        control("relation"),
    );
    let row_id = id.clone();
    let id = StoredValue::new(id);
    let selected = move || {
        handle
            .selected
            .with(|s| s.as_deref() == Some(id.get_value().as_str()))
    };
    view! {
        <tr data-row=row_id class:selected=selected on:click=move |_| handle.selected.set(Some(id.get_value()))>
            <td>
                <input id=label_id data-role="label" dir="auto" aria-label=move || format!("Label of {}", label()) prop:value=label
                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&label_key), |d| { d.set_label(&id.get_value(), text); }); }/>
                <select id=group_id data-role="group" aria-label=move || format!("Group of {}", label()) prop:value=group
                    on:change=move |ev| { let g = event_target_value(&ev); handle.edit(Some(&format!("venn-group-{}", id.get_value())), |d| { d.set_group(&id.get_value(), g); }); }>
                    <option value="" selected=move || group().is_empty()>"No group"</option>
                    {crate::ui::lists::rows_by_id(move || groups.get(), move |g| view! { <option value=g.clone() selected={ let g = g.clone(); move || group() == g }>{g.clone()}</option> }.into_any())}
                </select>
                <input id=notes_id data-role="notes" dir="auto" class="notes" aria-label=move || format!("Why {} is there", label()) placeholder="Why it is there" prop:value=notes
                    on:input=move |ev| { let text = event_target_value(&ev); handle.edit(Some(&notes_key), |d| { d.set_notes(&id.get_value(), text); }); }/>
            </td>
            <td>
                <select id=closeness_id data-role="closeness" aria-label=move || format!("Closeness of {}", label()) prop:value=closeness
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some((band, _)) = BANDS.iter().find(|(_, name)| *name == value) {
                            handle.edit(Some(&format!("venn-closeness-{}", id.get_value())), |d| { d.set_closeness(&id.get_value(), *band); });
                        }
                    }>
                    {BANDS.iter().map(|(_, name)| view! { <option value=*name selected=move || closeness() == *name>{*name}</option> }).collect_view()}
                </select>
                <span class="distance">{distance}</span>
            </td>
            <td>
                <select id=size_id data-role="size" aria-label=move || format!("Size of {}", label()) prop:value=size
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some((tier, _)) = TIERS.iter().find(|(_, name)| *name == value) {
                            handle.edit(Some(&format!("venn-size-{}", id.get_value())), |d| { d.set_size_tier(&id.get_value(), *tier); });
                        }
                    }>
                    {TIERS.iter().map(|(_, name)| view! { <option value=*name selected=move || size() == *name>{*name}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <select id=relation_id data-role="relation" aria-label=move || format!("Relation of {}", label()) prop:value=relation
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(r) = RELATIONS.iter().find(|r| relation_label(**r) == value) {
                            handle.edit(Some(&format!("venn-relation-{}", id.get_value())), |d| { d.set_relation(&id.get_value(), *r); });
                        }
                    }>
                    {RELATIONS.iter().map(|r| view! { <option value=relation_label(*r) selected=move || relation() == relation_label(*r)>{relation_label(*r)}</option> }).collect_view()}
                </select>
            </td>
            <td class="overlaps" dir="auto">{overlaps}</td>
        </tr>
    }
}

fn band_name(band: Closeness) -> &'static str {
    BANDS
        .iter()
        .find(|(b, _)| *b == band)
        .map_or("far", |(_, name)| name)
}

fn tier_name(tier: SizeTier) -> &'static str {
    TIERS
        .iter()
        .find(|(t, _)| *t == tier)
        .map_or("medium", |(_, name)| name)
}

/// The table's headings; the read-only table has a column for why each circle is there (the
/// editable one has that field under the label).
#[component]
fn Head(why: bool) -> impl IntoView {
    let columns = [
        "Institution",
        "Closeness",
        "Size",
        "Relation",
        "Overlaps / inside",
    ];
    view! {
        <thead>
            <tr>
                {columns.map(|c| view! { <th scope="col">{c}</th> })}
                {why.then(|| view! { <th scope="col">"Why it is there"</th> })}
            </tr>
        </thead>
    }
}
