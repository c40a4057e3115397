//! The map's canvas: the links, each actor's shape with its name and influence tower, and the
//! pointer and keys that move them, draw links and pan.

use super::toolbar::zoom;
use super::{MapHandle, ACTOR_SIZE};
use crate::export::orgmap as export;
use crate::model::new_id;
use crate::model::orgmap::{
    ACTOR_LABEL_SIZE, MAP_HEIGHT, MAP_WIDTH, TOWER_BASE_Y, TOWER_DISC_RX, TOWER_DISC_RY,
    TOWER_STEP, TOWER_X,
};
use crate::model::viewport::Viewport;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Pointer position in map units, through the current zoom and pan.
fn map_point(svg: &web_sys::Element, event: &web_sys::PointerEvent, view: Viewport) -> (f64, f64) {
    view.to_canvas(
        crate::ui::screen_box(svg),
        (f64::from(event.client_x()), f64::from(event.client_y())),
    )
}

/// The path of a link, bowed to its lane as the export bows it (`model::orgmap::link_curve`).
fn link_path(from: (f64, f64), to: (f64, f64), lane: f64, forward: bool) -> String {
    crate::model::orgmap::link_curve(from, to, lane, forward)
        .map(|curve| export::curve_path(&curve))
        .unwrap_or_default()
}

#[component]
pub fn MapCanvas() -> impl IntoView {
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
                    .map(|k| {
                        // The arrowheads in the shade their line is drawn in.
                        let (colour, _) = crate::model::orgmap::kind_look(m, &k.id);
                        view! {
                            <marker id=format!("arrow-{}", k.id) viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" fill=colour.clone()/>
                            </marker>
                            <marker id=format!("arrow-start-{}", k.id) viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" fill=colour/>
                            </marker>
                        }
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
            handle
                .view_box
                .update(|view| *view = view.panned(grab_x - x, grab_y - y));
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
                viewBox=move || handle.view_box.get().view_box()
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:wheel=on_wheel>
                <defs>{markers}</defs>
                <rect x="-4000" y="-4000" width="9600" height="8900" class="map-paper"/>
                <g class="links">{links}</g>
                {move || handle.drawing.get().and_then(|(from, x, y)| {
                    let start = places.with(|p| p.get(&from).copied())?;
                    Some(view! { <line class="drawing" x1=start.0 y1=start.1 x2=x y2=y/> })
                })}
                {crate::ui::lists::rows_by_id(move || actor_ids.get(), move |id| view! { <ActorShape id=id svg_ref=svg_ref/> }.into_any())}
            </svg>
            <p class="hint chrome">"Drag an actor to move it; drag from its ● handle to another actor to draw a link. Keys: Tab to an actor, arrows move, L links, Delete removes. Wheel zooms; drag the background to pan."</p>
        </div>
    }
}

/// The shape that goes with a group, the second cue beside colour, around (0, 0): the
/// export's outline (`model::orgmap::group_outline`).
pub fn shape_path(shape: &str, size: f64) -> String {
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
            .map(|level| view! { <ellipse cx=TOWER_X cy=TOWER_BASE_Y - f64::from(level) * TOWER_STEP rx=TOWER_DISC_RX ry=TOWER_DISC_RY fill="#111111" stroke="#ffffff" stroke-width="2"/> })
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
            <text text-anchor="middle" font-size=ACTOR_LABEL_SIZE font-weight="700" unicode-bidi="plaintext" class="actor-label">
                {label_lines}
            </text>
            <circle class="link-handle" cx=-ACTOR_SIZE - 14.0 cy="0" r="11" on:pointerdown=move |ev| start(ev, true)>
                <title>"Drag to another actor to draw a link"</title>
            </circle>
        </g>
    }
}
