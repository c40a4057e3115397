//! The map's toolbar: what new links are, arranging, zoom, filters and the Export menu.

use super::{resource_label, MapHandle};
use crate::model::orgmap::{OrgMap, Resource, MAP_HEIGHT, MAP_WIDTH};
use crate::model::viewport::Viewport;
use crate::ui::exports::export_menu;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let kinds = move || handle.with(|m| m.link_kinds.clone()).unwrap_or_default();
    let groups = move || handle.with(|m| m.groups.clone()).unwrap_or_default();
    let toggle = |list: RwSignal<Vec<String>>, id: String| {
        list.update(|l| {
            if let Some(i) = l.iter().position(|x| *x == id) {
                l.remove(i);
            } else {
                l.push(id);
            }
        })
    };
    let layout = move |_| {
        crate::ui::timing::measured("map-layout", || {
            handle.edit(None, |m| m.auto_layout());
        });
        // The new arrangement, whole: it is made to fill the screen.
        handle
            .view_box
            .set(handle.with_untracked(whole_map).unwrap_or(WHOLE_CANVAS));
    };
    view! {
        <div class="orgmap-tools chrome">
            <div class="field">
                <label for="new-link-kind">"New links are"</label>
                <select id="new-link-kind" on:change=move |ev| handle.new_kind.set(event_target_value(&ev))>
                    {move || kinds().into_iter().map(|k| {
                        let selected = handle.new_kind.with(|n| *n == k.id);
                        view! { <option value=k.id.clone() selected=selected>{k.label.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <label class="check"><input type="checkbox" prop:checked=move || handle.new_both_ways.get()
                on:change=move |_| handle.new_both_ways.update(|b| *b = !*b)/>" both ways"</label>
            <button on:click=layout>"Arrange automatically"</button>
            <button aria-label="Zoom in" on:click=move |_| zoom(handle, 0.8)>"+"</button>
            <button aria-label="Zoom out" on:click=move |_| zoom(handle, 1.25)>"−"</button>
            <button on:click=move |_| handle.view_box.set(handle.with(whole_map).unwrap_or(WHOLE_CANVAS))>"Whole map"</button>
            <details class="filters">
                <summary>"Filter"</summary>
                <fieldset><legend>"Link kinds"</legend>
                    {move || kinds().into_iter().map(|k| {
                        let (id, checked_id) = (k.id.clone(), k.id.clone());
                        view! { <label class="check"><input type="checkbox" prop:checked=move || handle.kinds_shown.with(|s| s.contains(&checked_id))
                            on:change=move |_| toggle(handle.kinds_shown, id.clone())/>" "{k.label.clone()}</label> }
                    }).collect_view()}
                </fieldset>
                <fieldset><legend>"Groups"</legend>
                    {move || groups().into_iter().map(|g| {
                        let (id, checked_id) = (g.id.clone(), g.id.clone());
                        view! { <label class="check"><input type="checkbox" prop:checked=move || handle.groups_shown.with(|s| s.contains(&checked_id))
                            on:change=move |_| toggle(handle.groups_shown, id.clone())/>" "{g.label.clone()}</label> }
                    }).collect_view()}
                </fieldset>
                <fieldset><legend>"Resources"</legend>
                    {[Resource::Symbolic, Resource::Relational, Resource::Material].map(|r| view! {
                        <label class="check"><input type="checkbox" prop:checked=move || handle.resources_shown.with(|s| s.contains(&r))
                            on:change=move |_| handle.resources_shown.update(|s| if let Some(i) = s.iter().position(|x| *x == r) { s.remove(i); } else { s.push(r); })/>
                            " "{resource_label(r)}</label>
                    })}
                </fieldset>
                <p class="hint">"Nothing ticked shows everything."</p>
            </details>
            {export_menu(handle.exercise, false)}
        </div>
    }
}

/// The whole canvas, before a map has anything on it.
pub const WHOLE_CANVAS: Viewport = Viewport::new(0.0, 0.0, MAP_WIDTH, MAP_HEIGHT);

/// The view that shows the whole map.
pub fn whole_map(map: &OrgMap) -> Viewport {
    let (x, y, width, height) = map.extent();
    Viewport::new(x, y, width, height)
}

pub fn zoom(handle: MapHandle, factor: f64) {
    handle.view_box.update(|view| {
        *view = view.zoomed(
            factor,
            (MAP_WIDTH / 8.0, MAP_HEIGHT / 8.0),
            (MAP_WIDTH * 2.0, MAP_HEIGHT * 2.0),
        );
    });
}
