//! The organisational map (after Net-Map): actors with group, influence tower and
//! contributions; typed links drawn by dragging from an actor's link handle or from the
//! keyboard (L); filters; the study's analysis (degree, betweenness, brokers); exports.

mod canvas;
mod panel;
mod toolbar;

use super::state::AppState;
use crate::model::orgmap::{MapFilter, OrgMap, Resource};

use crate::model::viewport::Viewport;
use crate::ui::handle::ExerciseHandle;
use canvas::{shape_path, MapCanvas};
use leptos::prelude::*;
use toolbar::{whole_map, Toolbar, WHOLE_CANVAS};
use wasm_bindgen::JsCast;

/// An actor's shape, in canvas units: the model's, which the export draws too.
const ACTOR_SIZE: f64 = crate::model::orgmap::ACTOR_RADIUS;

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
    pub view_box: RwSignal<Viewport>,
    /// Whether the projector shows the legend over the map (K). The projector gives the
    /// map the whole frame, so the legend waits behind a key; the editor always shows it.
    pub legend_shown: RwSignal<bool>,
}

impl std::ops::Deref for MapHandle {
    type Target = ExerciseHandle<OrgMap>;
    fn deref(&self) -> &Self::Target {
        &self.exercise
    }
}

impl MapHandle {
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
        view_box: RwSignal::new(exercise.with_untracked(whole_map).unwrap_or(WHOLE_CANVAS)),
        legend_shown: RwSignal::new(false),
    };
    provide_context(handle);
    install_map_keys(handle);
    // Entering or leaving projector mode shows the whole map again: the room sees all of
    // it, whatever the facilitator had zoomed into. (A window's new size needs nothing: the
    // picture scales with its box.)
    let prefs = expect_context::<crate::ui::prefs::Preferences>();
    Effect::new(move |previous: Option<bool>| {
        let projector = prefs.projector.get();
        if previous.is_some_and(|was| was != projector) {
            handle
                .view_box
                .set(handle.with_untracked(whole_map).unwrap_or(WHOLE_CANVAS));
        }
        projector
    });
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

/// K shows or hides the legend on the projector. On the selected actor: L starts a link
/// from it, Delete removes it, arrows move it.
fn install_map_keys(handle: MapHandle) {
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if !super::keys::screen_keys_allowed(&event) {
                return;
            }
            if matches!(event.key().as_str(), "k" | "K") {
                handle.legend_shown.update(|shown| *shown = !*shown);
                event.prevent_default();
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
fn Legend() -> impl IntoView {
    let handle = expect_context::<MapHandle>();
    move || {
        handle.with(|m| {
            // Each sample in the look the map draws (`model::orgmap::figure`), a colour that
            // is not one falling back as it does there.
            let groups = m.groups.iter().map(|g| {
                let (colour, shape) = crate::model::orgmap::group_look(m, &g.id);
                view! {
                    <li><svg viewBox="-40 -40 80 80" class="legend-shape" aria-hidden="true"><path d=shape_path(&shape, 28.0) fill=colour stroke="#111" stroke-width="4"/></svg>{g.label.clone()}</li>
                }
            }).collect_view();
            let kinds = m.link_kinds.iter().map(|k| {
                let (colour, dash) = crate::model::orgmap::kind_look(m, &k.id);
                view! {
                    <li><svg viewBox="0 0 80 20" class="legend-line" aria-hidden="true"><line x1="2" y1="10" x2="78" y2="10" stroke=colour stroke-width="5" stroke-dasharray=dash/></svg>{k.label.clone()}</li>
                }
            }).collect_view();
            view! {
                <div class="legend" class:shown=move || handle.legend_shown.get()>
                    <ul class="legend-groups" aria-label="Groups">{groups}</ul>
                    <ul class="legend-kinds" aria-label="Link kinds">{kinds}</ul>
                    <p class="legend-note">"Discs beside an actor: its influence (0 to 5)."</p>
                </div>
            }
        })
    }
}
