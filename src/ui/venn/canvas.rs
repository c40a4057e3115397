//! The Venn's canvas: the community, each institution's circle with its mark, the labels
//! where the model places them, and the pointer and keys that move and resize circles.

use super::{refocus, relation_label, Drag, VennHandle};
use crate::model::venn::{
    label_baseline, mark_place, Relation, VennDiagram, BORDER_WIDTH, CANVAS_HEIGHT, CANVAS_WIDTH,
    FILL_OPACITY, LABEL_CHAR_WIDTH, LABEL_LINE, LABEL_SIZE, MARK_RADIUS, MARK_SIZE,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Pointer position in canvas units. The drawing is scaled to fit and centred in its box
/// (SVG's default `xMidYMid meet`), so both the scale and the margins are taken out.
fn canvas_point(svg: &web_sys::Element, event: &web_sys::PointerEvent) -> (f64, f64) {
    crate::model::viewport::Viewport::new(0.0, 0.0, CANVAS_WIDTH, CANVAS_HEIGHT).to_canvas(
        crate::ui::screen_box(svg),
        (f64::from(event.client_x()), f64::from(event.client_y())),
    )
}

#[component]
pub fn Canvas() -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Ids only: a circle reads its own institution, so an edit redraws it in place and the
    // keyboard stays on it.
    let institution_ids = Memo::new(move |_| {
        handle
            .with(|d| {
                d.institutions
                    .iter()
                    .map(|i| i.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // The community circle, and its label where the model puts it (the place the other
    // labels keep clear of, and the export draws it): inside, below where the circle is too
    // narrow for it, or above a small circle.
    let community = move || {
        handle
            .with(|d| {
                (
                    d.community_x,
                    d.community_y,
                    d.community_radius,
                    d.community_label_box(LABEL_CHAR_WIDTH, LABEL_LINE),
                )
            })
            .unwrap_or((
                CANVAS_WIDTH / 2.0,
                CANVAS_HEIGHT / 2.0,
                200.0,
                Default::default(),
            ))
    };
    // Labels are placed by the model so they never collide: inside big circles, beside small
    // ones, nudged apart. A label follows its circle while it is dragged.
    let layout = Memo::new(move |_| {
        handle
            .with(|d| {
                let places: std::collections::HashMap<String, (f64, f64)> = d
                    .institutions
                    .iter()
                    .map(|i| (i.id.clone(), (i.x, i.y)))
                    .collect();
                (d.label_layout(LABEL_CHAR_WIDTH, LABEL_LINE), places)
            })
            .unwrap_or_default()
    });
    // Each label reads the drag on its own, so a pointer move touches one label, not all.
    let labels = move || {
        layout.with(|(boxes, places)| {
            boxes
                .iter()
                .map(|label| {
                    let home = places.get(&label.id).copied();
                    let live = handle.live.of(&label.id);
                    let offset = move || match (live.get(), home) {
                        (Some((x, y, _)), Some((home_x, home_y))) => format!("translate({:.1} {:.1})", x - home_x, y - home_y),
                        _ => String::new(),
                    };
                    let lines = label
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(n, line)| {
                            view! { <tspan x=label.x y=label_baseline(label, n)>{line.clone()}</tspan> }
                        })
                        .collect_view();
                    view! {
                        <text class="venn-label" transform=offset text-anchor="middle" font-size=LABEL_SIZE font-weight="700" unicode-bidi="plaintext">{lines}</text>
                    }
                })
                .collect_view()
        })
    };
    let on_move = move |event: web_sys::PointerEvent| {
        let Some(mut drag) = handle.dragging.get_value() else {
            return;
        };
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let (x, y) = canvas_point(&svg, &event);
        // The model's bounds, so what the drag shows is what is committed.
        let (x, y, radius) = if drag.resizing {
            VennDiagram::bounded_geometry(
                drag.x,
                drag.y,
                ((x - drag.x).powi(2) + (y - drag.y).powi(2)).sqrt(),
            )
        } else {
            VennDiagram::bounded_geometry(x - drag.grab_dx, y - drag.grab_dy, drag.radius)
        };
        (drag.x, drag.y, drag.radius) = (x, y, radius);
        handle
            .live
            .of(&drag.id)
            .set(Some((drag.x, drag.y, drag.radius)));
        handle.dragging.set_value(Some(drag));
    };
    let on_up = move |_event: web_sys::PointerEvent| {
        // The whole drag becomes one change: one undo step and one save.
        if let Some(drag) = handle.dragging.get_value() {
            handle.dragging.set_value(None);
            handle.live.of(&drag.id).set(None);
            handle.edit(None, |d| {
                // The size first, so the place keeps the whole new circle on the canvas.
                d.set_radius(&drag.id, drag.radius);
                d.move_to(&drag.id, drag.x, drag.y);
            });
        }
    };
    view! {
        <div class="venn-canvas">
            <svg node_ref=svg_ref viewBox=format!("0 0 {CANVAS_WIDTH} {CANVAS_HEIGHT}") role="group"
                aria-label="Power Venn diagram: Tab moves between circles, arrows move, + and - resize, Delete removes"
                on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                <rect x="0" y="0" width=CANVAS_WIDTH height=CANVAS_HEIGHT class="venn-paper"/>
                {move || {
                    let (x, y, r, label) = community();
                    let lines = label.lines.iter().enumerate().map(|(n, line)| {
                        view! { <tspan x=label.x y=label_baseline(&label, n)>{line.clone()}</tspan> }
                    }).collect_view();
                    view! {
                        <g class="community">
                            <circle cx=x cy=y r=r/>
                            <text text-anchor="middle" font-size=LABEL_SIZE font-weight="700" unicode-bidi="plaintext">{lines}</text>
                        </g>
                    }
                }}
                {crate::ui::lists::rows_by_id(move || institution_ids.get(), move |id| view! { <Circle id=id svg_ref=svg_ref/> }.into_any())}
                <g class="venn-labels" aria-hidden="true">{labels}</g>
            </svg>
            <p class="hint chrome">"Drag a circle to move it; drag its square handle to resize. Keys: Tab to a circle, arrows move (Shift: big steps), + and − resize, Delete removes."</p>
        </div>
    }
}

#[component]
fn Circle(id: String, svg_ref: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let handle = expect_context::<VennHandle>();
    // What the circle shows from the committed diagram: its geometry, relation and the
    // words its accessible name says.
    let look = {
        let id = id.clone();
        Memo::new(move |_| {
            handle
                .with(|d| {
                    let institution = d.institution(&id)?;
                    let (band, _) = d.closeness(institution);
                    let meaning = format!(
                        "{}: {}, {}, {} to the community",
                        institution.label,
                        relation_label(institution.relation),
                        crate::model::venn::tier_of(institution.radius).label(),
                        band.label()
                    );
                    Some((
                        (institution.x, institution.y, institution.radius),
                        institution.relation,
                        meaning,
                    ))
                })
                .flatten()
        })
    };
    let base = move || look.with(|l| l.as_ref().map(|l| l.0)).unwrap_or_default();
    let relation = move || look.with(|l| l.as_ref().map_or(Relation::Neutral, |l| l.1));
    // Colour and a second cue (border pattern and mark), drawn as the export draws them.
    let style = move || crate::model::venn::relation_look(relation());
    let meaning = move || look.with(|l| l.as_ref().map(|l| l.2.clone()).unwrap_or_default());
    // Position and size: the drag's, while this circle is being dragged.
    let live = handle.live.of(&id);
    let geometry = Memo::new(move |_| live.get().unwrap_or_else(base));
    let mark = move || {
        let (x, y, r) = geometry.get();
        mark_place(x, y, r)
    };
    let element_id = format!("institution-{id}");
    let (row_id, data_id) = (id.clone(), id.clone());
    let id = StoredValue::new(id);
    let selected = move || {
        handle
            .selected
            .with(|s| s.as_deref() == Some(id.get_value().as_str()))
    };
    let start_drag = move |event: web_sys::PointerEvent, resizing: bool| {
        event.prevent_default();
        event.stop_propagation();
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let (px, py) = canvas_point(&svg, &event);
        if let Some(target) = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(event.pointer_id());
        }
        let (x, y, radius) = geometry.get_untracked();
        handle.selected.set(Some(id.get_value()));
        handle.dragging.set_value(Some(Drag {
            id: id.get_value(),
            x,
            y,
            radius,
            resizing,
            grab_dx: px - x,
            grab_dy: py - y,
        }));
    };
    let on_key = move |event: web_sys::KeyboardEvent| {
        // Ctrl+= is the browser's zoom and Alt+← its Back: a circle takes plain keys only.
        if !crate::ui::keys::screen_keys_allowed(&event) {
            return;
        }
        let step = if event.shift_key() { 50.0 } else { 10.0 };
        let key_id = id.get_value();
        let coalesce = format!("keys-{key_id}");
        let handled = match event.key().as_str() {
            "ArrowLeft" => {
                handle.edit(Some(&coalesce), |d| {
                    d.move_by(&key_id, -step, 0.0);
                });
                true
            }
            "ArrowRight" => {
                handle.edit(Some(&coalesce), |d| {
                    d.move_by(&key_id, step, 0.0);
                });
                true
            }
            "ArrowUp" => {
                handle.edit(Some(&coalesce), |d| {
                    d.move_by(&key_id, 0.0, -step);
                });
                true
            }
            "ArrowDown" => {
                handle.edit(Some(&coalesce), |d| {
                    d.move_by(&key_id, 0.0, step);
                });
                true
            }
            "+" | "=" => {
                handle.edit(Some(&coalesce), |d| {
                    d.resize(&key_id, 1);
                });
                true
            }
            "-" | "_" | "−" => {
                handle.edit(Some(&coalesce), |d| {
                    d.resize(&key_id, -1);
                });
                true
            }
            "Delete" => {
                crate::ui::focus::focus_neighbour_after_removal(&key_id, "#new-institution");
                handle.edit(None, |d| {
                    d.remove_institution(&key_id);
                });
                handle.selected.set(None);
                event.prevent_default();
                return;
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
            // Keep the keyboard on this circle after it is redrawn at its new place.
            handle.selected.set(Some(key_id.clone()));
            refocus(&key_id);
        }
    };
    view! {
        <g id=element_id class="institution" class:selected=selected tabindex="0" role="button" aria-label=meaning data-id=data_id
            data-row=row_id data-role="shape"
            on:focus=move |_| handle.selected.set(Some(id.get_value()))
            on:keydown=on_key
            on:pointerdown=move |ev| start_drag(ev, false)>
            // Positions, not a transform per circle: fewer layers for the browser to
            // composite on every drag frame.
            <circle cx=move || geometry.get().0 cy=move || geometry.get().1 r=move || geometry.get().2 fill=move || style().colour fill-opacity=FILL_OPACITY stroke=move || style().colour stroke-width=BORDER_WIDTH stroke-dasharray=move || style().dash.unwrap_or_default() stroke-linecap=move || style().linecap/>
            <circle class="selection-ring" cx=move || geometry.get().0 cy=move || geometry.get().1 r=move || geometry.get().2 + 9.0/>
            // The relation's mark in a white disc on the upper right edge, as the export has it.
            <circle class="mark-disc" cx=move || mark().0 cy=move || mark().1 r=MARK_RADIUS fill="#ffffff" stroke=move || style().colour stroke-width="3"/>
            <text class="mark" x=move || mark().0 y=move || mark().1 + MARK_SIZE * 0.35 text-anchor="middle" font-size=MARK_SIZE fill="#000000" font-weight="800">{move || relation().mark()}</text>

            <rect class="resize-handle" x=move || { let (x, _, r) = geometry.get(); x + r * 0.707 - 12.0 } y=move || { let (_, y, r) = geometry.get(); y + r * 0.707 - 12.0 } width="24" height="24"
                on:pointerdown=move |ev| start_drag(ev, true)/>
        </g>
    }
}
