//! The organisational map (after Net-Map): actors with group, influence tower and
//! contributions; typed links drawn by dragging from an actor's link handle or from the
//! keyboard (L); filters; the study's analysis (degree, betweenness, brokers); exports.

mod panel;

use super::state::AppState;
use crate::export::orgmap as export;
use crate::model::orgmap::{MapFilter, OrgMap, Resource, MAP_HEIGHT, MAP_WIDTH};

use crate::model::new_id;
use crate::ui::handle::ExerciseHandle;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

pub const LABEL_SIZE: f64 = 26.0;
const ACTOR_SIZE: f64 = 34.0;

#[derive(Clone, Copy)]
pub struct MapHandle {
    /// The map being edited (its data, `edit`, `with`, captions): see `ui::handle`.
    exercise: ExerciseHandle<OrgMap>,
    pub selected: RwSignal<Option<String>>,
    /// Which actor the pointer is moving, if any. Not reactive on purpose: a pointer move
    /// changes only that actor's own `live` place.
    dragging: StoredValue<Option<String>>,
    /// Each actor's place while it is dragged (`None` otherwise), not yet committed. One
    /// signal per actor, so a pointer move wakes the dragged actor and its links and
    /// nothing else on a 300-actor map. Reference-counted signals, because links create
    /// them while rendering and must not lose them when the link list is rebuilt.
    live: super::live::LivePlaces<(f64, f64)>,
    /// While a link is being drawn by mouse: from which actor, to where the pointer is.
    pub drawing: RwSignal<Option<(String, f64, f64)>>,
    /// The keyboard's link dialog (L): from which actor.
    pub linking_from: RwSignal<Option<String>>,
    /// The kind and direction new links get.
    pub new_kind: RwSignal<String>,
    pub new_both_ways: RwSignal<bool>,
    /// Filters: empty means "all".
    pub kinds_shown: RwSignal<Vec<String>>,
    pub groups_shown: RwSignal<Vec<String>>,
    pub resources_shown: RwSignal<Vec<Resource>>,
    /// Zoom and pan, as the SVG's viewBox.
    pub view_box: RwSignal<(f64, f64, f64, f64)>,
}

impl std::ops::Deref for MapHandle {
    type Target = ExerciseHandle<OrgMap>;
    fn deref(&self) -> &Self::Target {
        &self.exercise
    }
}

impl MapHandle {
    pub fn meta(&self) -> export::MapMeta {
        let (title, group, date) = self.caption();
        export::MapMeta { title, group, date }
    }

    /// Reads the filters as the model's `MapFilter` (the one rule for what is shown).
    fn with_filter<T>(&self, read: impl FnOnce(&MapFilter) -> T) -> T {
        self.kinds_shown.with(|kinds| {
            self.groups_shown.with(|groups| {
                self.resources_shown.with(|resources| {
                    read(&MapFilter {
                        kinds,
                        groups,
                        resources,
                    })
                })
            })
        })
    }
}

pub fn resource_label(resource: Resource) -> &'static str {
    match resource {
        Resource::Symbolic => "symbolic",
        Resource::Relational => "relational",
        Resource::Material => "material",
    }
}

#[component]
pub fn MapEditor(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exercise = ExerciseHandle::<OrgMap>::new(state, workshop_id, exercise_id);
    let first_kind = exercise
        .with_untracked(|m| m.link_kinds.first().map(|k| k.id.clone()))
        .flatten()
        .unwrap_or_default();
    let handle = MapHandle {
        exercise,
        selected: RwSignal::new(None),
        dragging: StoredValue::new(None),
        live: super::live::LivePlaces::new(),
        drawing: RwSignal::new(None),
        linking_from: RwSignal::new(None),
        new_kind: RwSignal::new(first_kind),
        new_both_ways: RwSignal::new(false),
        kinds_shown: RwSignal::new(Vec::new()),
        groups_shown: RwSignal::new(Vec::new()),
        resources_shown: RwSignal::new(Vec::new()),
        view_box: RwSignal::new(
            exercise
                .with_untracked(OrgMap::extent)
                .unwrap_or((0.0, 0.0, MAP_WIDTH, MAP_HEIGHT)),
        ),
    };
    provide_context(handle);
    install_map_keys(handle);
    view! {
        <div class="orgmap">
            <Toolbar/>
            <div class="orgmap-layout">
                <div class="orgmap-main">
                    <MapCanvas/>
                    <Legend/>
                </div>
                <panel::Panel/>
            </div>
            <panel::LinkDialog/>
        </div>
    }
}

/// L starts a link from the selected actor; Delete removes it; arrows move it.
fn install_map_keys(handle: MapHandle) {
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if !super::keys::screen_keys_allowed(&event) {
                return;
            }
            let Some(id) = handle.selected.get_untracked() else {
                return;
            };
            let focused_actor = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.get_attribute("data-actor"));
            if focused_actor.as_deref() != Some(id.as_str()) {
                return;
            }
            let step = if event.shift_key() { 60.0 } else { 15.0 };
            let coalesce = format!("keys-{id}");
            let nudge = |dx: f64, dy: f64| {
                handle.edit(Some(&coalesce), |m| {
                    if let Some(a) = m.actor(&id).cloned() {
                        m.move_actor(&id, a.x + dx, a.y + dy);
                    }
                });
                refocus(&id);
            };
            let handled = match event.key().as_str() {
                "l" | "L" => {
                    handle.linking_from.set(Some(id.clone()));
                    true
                }
                "Delete" => {
                    crate::ui::focus::focus_neighbour_after_removal(&id, "#new-actor");
                    handle.edit(None, |m| {
                        m.remove_actor(&id);
                    });
                    handle.selected.set(None);
                    true
                }
                "ArrowLeft" => {
                    nudge(-step, 0.0);
                    true
                }
                "ArrowRight" => {
                    nudge(step, 0.0);
                    true
                }
                "ArrowUp" => {
                    nudge(0.0, -step);
                    true
                }
                "ArrowDown" => {
                    nudge(0.0, step);
                    true
                }
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        });
    on_cleanup(move || listener.remove());
}

/// Keeps the keyboard on the shape after an edit redraws it.
fn refocus(id: &str) {
    crate::ui::focus::keep_focus_on(&format!("actor-{id}"));
}

#[component]
fn Toolbar() -> impl IntoView {
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
    let export = move |what: &'static str| {
        let meta = handle.meta();
        let stem = handle.file_stem();
        let Some(map) = handle.with_untracked(Clone::clone) else {
            return;
        };
        match what {
            "nodes" => super::download_file(
                &format!("{stem}-nodes.csv"),
                "text/csv",
                &export::nodes_csv(&map),
            ),
            "edges" => super::download_file(
                &format!("{stem}-edges.csv"),
                "text/csv",
                &export::edges_csv(&map),
            ),
            "analysis" => super::download_file(
                &format!("{stem}-analysis.csv"),
                "text/csv",
                &export::analysis_csv(&map),
            ),
            "graphml" => super::download_file(
                &format!("{stem}.graphml"),
                "application/graphml+xml",
                &export::graphml(&map),
            ),
            "svg" => {
                let svg =
                    crate::ui::timing::measured("map-svg-export", || export::map_svg(&map, &meta));
                super::download_file(&format!("{stem}.svg"), "image/svg+xml", &svg);
            }
            scale => {
                let scale = scale.trim_end_matches('x').parse().unwrap_or(1);
                super::png::download_png(
                    &format!("{stem}@{scale}x.png"),
                    &export::map_svg(&map, &meta),
                    scale,
                );
            }
        }
    };
    let layout = move |_| {
        crate::ui::timing::measured("map-layout", || {
            handle.edit(None, |m| m.auto_layout());
        });
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
            <button on:click=move |_| handle.view_box.set(handle.with(OrgMap::extent).unwrap_or((0.0, 0.0, MAP_WIDTH, MAP_HEIGHT)))>"Whole map"</button>
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
            <details class="exports">
                <summary>"Export"</summary>
                <div class="toolbar">
                    <button on:click=move |_| export("svg")>"Map SVG"</button>
                    <button on:click=move |_| export("1x")>"PNG 1x"</button>
                    <button on:click=move |_| export("2x")>"PNG 2x"</button>
                    <button on:click=move |_| export("4x")>"PNG 4x"</button>
                    <button on:click=move |_| export("nodes")>"Actors CSV"</button>
                    <button on:click=move |_| export("edges")>"Links CSV"</button>
                    <button on:click=move |_| export("analysis")>"Analysis CSV"</button>
                    <button on:click=move |_| export("graphml")>"GraphML"</button>
                </div>
            </details>
        </div>
    }
}

fn zoom(handle: MapHandle, factor: f64) {
    handle.view_box.update(|(x, y, w, h)| {
        let (cx, cy) = (*x + *w / 2.0, *y + *h / 2.0);
        *w = (*w * factor).clamp(MAP_WIDTH / 8.0, MAP_WIDTH * 2.0);
        *h = (*h * factor).clamp(MAP_HEIGHT / 8.0, MAP_HEIGHT * 2.0);
        *x = cx - *w / 2.0;
        *y = cy - *h / 2.0;
    });
}

/// Pointer position in map units, through the current zoom and pan.
fn map_point(
    svg: &web_sys::Element,
    event: &web_sys::PointerEvent,
    view_box: (f64, f64, f64, f64),
) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    let (vx, vy, vw, vh) = view_box;
    let scale = (rect.width() / vw).min(rect.height() / vh).max(1e-6);
    let margin_x = (rect.width() - vw * scale) / 2.0;
    let margin_y = (rect.height() - vh * scale) / 2.0;
    (
        vx + (f64::from(event.client_x()) - rect.left() - margin_x) / scale,
        vy + (f64::from(event.client_y()) - rect.top() - margin_y) / scale,
    )
}

/// The path of a link, bowed to its lane as the export bows it (`model::orgmap::link_curve`).
fn link_path(from: (f64, f64), to: (f64, f64), lane: f64, forward: bool) -> String {
    crate::model::orgmap::link_curve(from, to, lane, forward)
        .map(|curve| export::curve_path(&curve))
        .unwrap_or_default()
}

#[component]
fn MapCanvas() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let pan = RwSignal::new(None::<(f64, f64)>);
    // Where each actor sits, from the committed map only: a drag does not touch this.
    let places = Memo::new(move |_| {
        handle
            .with(|m| {
                m.actors
                    .iter()
                    .map(|a| (a.id.clone(), (a.x, a.y)))
                    .collect::<HashMap<_, _>>()
            })
            .unwrap_or_default()
    });
    // One path per link, built when the map changes. While an actor is dragged, each path
    // recomputes its shape only if the dragged actor is one of its ends, so a pointer move
    // over a 600-link map redraws a handful of paths, not all of them.
    let links = move || {
        let placed = places.get();
        handle.with_filter(|filter| handle.with(|m| {
            let lanes = crate::model::orgmap::link_lanes(m);
            m.links
                .iter()
                .zip(lanes)
                .filter_map(|(link, lane)| {
                    let from_home = *placed.get(&link.from)?;
                    let to_home = *placed.get(&link.to)?;
                    let lane = lane?;
                    let forward = link.from <= link.to;
                    let (colour, dash) = crate::model::orgmap::kind_look(m, &link.kind_id);
                    let dimmed = !filter.shows_link(m, link);
                    let width = 5.0 + f64::from(link.strength.unwrap_or(0)).min(5.0);
                    let marker = format!("url(#arrow-{})", link.kind_id);
                    let start_marker = link.both_ways.then(|| format!("url(#arrow-start-{})", link.kind_id));
                    let (from_live, to_live) = (handle.live.of(&link.from), handle.live.of(&link.to));
                    let ends = move || {
                        (from_live.get().unwrap_or(from_home), to_live.get().unwrap_or(to_home))
                    };
                    Some(view! {
                        <path class="link" class:dimmed=dimmed data-kind=link.kind_id.clone()
                            d=move || { let (from, to) = ends(); link_path(from, to, lane, forward) } fill="none"
                            stroke=colour stroke-width=width stroke-dasharray=dash marker-end=marker marker-start=start_marker/>
                    })
                })
                .collect_view()
        }))
    };
    let markers = move || {
        handle
            .with(|m| {
                m.link_kinds
                    .iter()
                    .map(|k| view! {
                        <marker id=format!("arrow-{}", k.id) viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" fill=k.colour.clone()/>
                        </marker>
                        <marker id=format!("arrow-start-{}", k.id) viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" fill=k.colour.clone()/>
                        </marker>
                    })
                    .collect_view()
            })
    };
    // Ids only: a shape reads its own actor, so an edit redraws that shape in place and the
    // keyboard stays on it.
    let actor_ids = Memo::new(move |_| {
        handle
            .with(|m| m.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let on_move = move |event: web_sys::PointerEvent| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let view_box = handle.view_box.get_untracked();
        let (x, y) = map_point(&svg, &event, view_box);
        if let Some(id) = handle.dragging.get_value() {
            handle
                .live
                .of(&id)
                .set(Some((x.clamp(0.0, MAP_WIDTH), y.clamp(0.0, MAP_HEIGHT))));
        } else if let Some((id, _, _)) = handle.drawing.get_untracked() {
            handle.drawing.set(Some((id, x, y)));
        } else if let Some((grab_x, grab_y)) = pan.get_untracked() {
            handle.view_box.update(|(vx, vy, _, _)| {
                *vx += grab_x - x;
                *vy += grab_y - y;
            });
        }
    };
    let on_up = move |event: web_sys::PointerEvent| {
        pan.set(None);
        // A finished drag is one change: one undo step and one save.
        if let Some(id) = handle.dragging.get_value() {
            handle.dragging.set_value(None);
            let live = handle.live.of(&id);
            let place = live.get_untracked();
            live.set(None);
            if let Some((x, y)) = place {
                handle.edit(None, |m| {
                    m.move_actor(&id, x, y);
                });
            }
        }
        if let Some((from, _, _)) = handle.drawing.get_untracked() {
            handle.drawing.set(None);
            let target = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.element_from_point(event.client_x() as f32, event.client_y() as f32)
                })
                .and_then(|e| e.closest("g.actor").ok().flatten())
                .and_then(|e| e.get_attribute("data-actor"));
            if let Some(to) = target.filter(|to| *to != from) {
                let (kind, both) = (
                    handle.new_kind.get_untracked(),
                    handle.new_both_ways.get_untracked(),
                );
                handle.edit(None, |m| {
                    m.add_link(new_id(), &from, &to, &kind, both);
                });
            }
        }
    };
    let on_down = move |event: web_sys::PointerEvent| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let (x, y) = map_point(&svg, &event, handle.view_box.get_untracked());
        pan.set(Some((x, y)));
    };
    let on_wheel = move |event: web_sys::WheelEvent| {
        event.prevent_default();
        zoom(handle, if event.delta_y() > 0.0 { 1.1 } else { 0.9 });
    };
    view! {
        <div class="orgmap-canvas">
            <svg node_ref=svg_ref role="group"
                aria-label="Organisational map: Tab moves between actors, arrows move, L draws a link, Delete removes"
                viewBox=move || { let (x, y, w, h) = handle.view_box.get(); format!("{x} {y} {w} {h}") }
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:wheel=on_wheel>
                <defs>{markers}</defs>
                <rect x="-4000" y="-4000" width="9600" height="8900" class="map-paper"/>
                <g class="links">{links}</g>
                {move || handle.drawing.get().and_then(|(from, x, y)| {
                    let start = places.with(|p| p.get(&from).copied())?;
                    Some(view! { <line class="drawing" x1=start.0 y1=start.1 x2=x y2=y/> })
                })}
                <For each=move || actor_ids.get() key=|id| id.clone() let:id>
                    <ActorShape id=id svg_ref=svg_ref/>
                </For>
            </svg>
            <p class="hint chrome">"Drag an actor to move it; drag from its ● handle to another actor to draw a link. Keys: Tab to an actor, arrows move, L links, Delete removes. Wheel zooms; drag the background to pan."</p>
        </div>
    }
}

/// The shape that goes with a group, the second cue beside colour, around (0, 0): the
/// export's outline (`model::orgmap::group_outline`).
fn shape_path(shape: &str, size: f64) -> String {
    export::outline_path(&crate::model::orgmap::group_outline(shape, size), 0.0, 0.0)
}

/// What an actor's shape shows, from the committed map, but for where it sits (a memo of its
/// own, so moving an actor does not draw its label and tower again).
#[derive(Debug, Clone, PartialEq)]
struct ActorLook {
    name: String,
    influence: u8,
    colour: String,
    shape: String,
    group_label: String,
    shown: bool,
}

#[component]
fn ActorShape(id: String, svg_ref: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    let look = {
        let id = id.clone();
        Memo::new(move |_| {
            handle.with_filter(|filter| {
                handle
                    .with(|m| {
                        let actor = m.actor(&id)?;
                        // No group yet: a white circle, as in the export, which the legend
                        // does not claim for any group.
                        let (colour, shape) = crate::model::orgmap::group_look(m, &actor.group_id);
                        let group_label = m
                            .group(&actor.group_id)
                            .map_or_else(|| "no group".to_string(), |g| g.label.clone());
                        Some(ActorLook {
                            name: actor.name.clone(),
                            influence: actor.influence,
                            colour,
                            shape,
                            group_label,
                            shown: filter.shows_actor(actor),
                        })
                    })
                    .flatten()
            })
        })
    };
    let read = move |f: fn(&ActorLook) -> String| {
        move || look.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let home = {
        let id = id.clone();
        Memo::new(move |_| {
            handle
                .with(|m| m.actor(&id).map(|a| (a.x, a.y)))
                .flatten()
                .unwrap_or_default()
        })
    };
    let live = handle.live.of(&id);
    let place = move || live.get().unwrap_or_else(|| home.get());
    let shown = move || look.with(|l| l.as_ref().is_some_and(|l| l.shown));
    let element_id = format!("actor-{id}");
    let row_id = id.clone();
    let data_actor = id.clone();
    let id = StoredValue::new(id);
    let selected = move || {
        handle
            .selected
            .with(|s| s.as_deref() == Some(id.get_value().as_str()))
    };
    // The accessible name starts with the name as it is shown.
    let name = read(|l| format!("{}: {}, influence {}", l.name, l.group_label, l.influence));
    let start = move |event: web_sys::PointerEvent, drawing: bool| {
        event.prevent_default();
        event.stop_propagation();
        if let Some(target) = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(event.pointer_id());
        }
        handle.selected.set(Some(id.get_value()));
        if drawing {
            if let Some(svg) = svg_ref.get_untracked() {
                let (px, py) = map_point(&svg, &event, handle.view_box.get_untracked());
                handle.drawing.set(Some((id.get_value(), px, py)));
            }
        } else {
            // Nothing moves until the pointer does: a click only selects.
            handle.dragging.set_value(Some(id.get_value()));
        }
    };
    // Net-Map's influence tower: one disc per point, stacked beside the actor.
    let tower = move || {
        let influence = look.with(|l| l.as_ref().map_or(0, |l| l.influence));
        (0..influence.min(5))
            .map(|level| view! { <ellipse cx=ACTOR_SIZE + 22.0 cy=ACTOR_SIZE - 6.0 - f64::from(level) * 13.0 rx="14" ry="5.5" fill="#111111" stroke="#ffffff" stroke-width="2"/> })
            .collect_view()
    };
    let shape = read(|l| l.shape.clone());
    let label_lines = move || {
        let name = look.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default());
        let lines = crate::model::orgmap::actor_label_lines(&name);
        let last = lines.len().saturating_sub(1);
        // A space ends every line but the last, so the drawn words read as the name does
        // (the shape's accessible name starts with it).
        lines.into_iter().enumerate().map(|(n, line)| {
            let text = if n < last { format!("{line} ") } else { line };
            view! {
                <tspan x="0" y=crate::model::orgmap::ACTOR_LABEL_BASELINE + n as f64 * crate::model::orgmap::ACTOR_LABEL_LINE>{text}</tspan>
            }
        }).collect_view()
    };
    view! {
        <g id=element_id class="actor" class:selected=selected class:dimmed=move || !shown() tabindex="0" role="button" aria-label=name
            data-actor=data_actor data-row=row_id data-role="shape"
            transform=move || { let (x, y) = place(); format!("translate({x:.1} {y:.1})") }
            on:focus=move |_| handle.selected.set(Some(id.get_value()))
            on:pointerdown=move |ev| start(ev, false)>
            <path class="selection-ring" d=move || shape_path(&shape(), ACTOR_SIZE + 9.0)/>
            <path d=move || shape_path(&shape(), ACTOR_SIZE) fill=read(|l| l.colour.clone()) stroke="#111111" stroke-width="3"/>
            {tower}
            // Wrapped as the layout measured it, so names never overlap.
            <text text-anchor="middle" font-size=LABEL_SIZE font-weight="700" unicode-bidi="plaintext" class="actor-label">
                {label_lines}
            </text>
            <circle class="link-handle" cx=-ACTOR_SIZE - 14.0 cy="0" r="11" on:pointerdown=move |ev| start(ev, true)>
                <title>"Drag to another actor to draw a link"</title>
            </circle>
        </g>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    move || {
        handle.with(|m| {
            let groups = m.groups.iter().map(|g| view! {
                <li><svg viewBox="-40 -40 80 80" class="legend-shape" aria-hidden="true"><path d=shape_path(&g.shape, 28.0) fill=g.colour.clone() stroke="#111" stroke-width="4"/></svg>{g.label.clone()}</li>
            }).collect_view();
            let kinds = m.link_kinds.iter().map(|k| view! {
                <li><svg viewBox="0 0 80 20" class="legend-line" aria-hidden="true"><line x1="2" y1="10" x2="78" y2="10" stroke=k.colour.clone() stroke-width="5" stroke-dasharray=k.dash.clone()/></svg>{k.label.clone()}</li>
            }).collect_view();
            view! {
                <div class="legend">
                    <ul class="legend-groups" aria-label="Groups">{groups}</ul>
                    <ul class="legend-kinds" aria-label="Link kinds">{kinds}</ul>
                    <p class="legend-note">"Discs beside an actor: its influence (0 to 5)."</p>
                </div>
            }
        })
    }
}
