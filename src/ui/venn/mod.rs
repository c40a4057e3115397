//! The power Venn ("chapati") diagram on the projector: circles placed around the community,
//! dragged and resized by mouse or keyboard, with the data table beside the picture and a
//! comparison of two diagrams. The geometry's meaning (closeness bands, overlaps, nesting)
//! is computed in `model::venn`; this module only shows it and sends changes back.

mod canvas;
mod compare;
mod table;
mod toolbar;

use super::state::AppState;
use crate::model::venn::{Relation, VennDiagram};
use crate::ui::handle::ExerciseHandle;
use leptos::prelude::*;
use toolbar::Toolbar;

/// Label size on the 1600-unit canvas: 30 units is 24 px at 1280 px wide.

#[derive(Clone, Copy)]
pub struct VennHandle {
    /// The diagram being edited (its data, `edit`, `with`, captions): see `ui::handle`.
    exercise: ExerciseHandle<VennDiagram>,
    pub selected: RwSignal<Option<String>>,
    /// The drag under way, if any. Not reactive on purpose: a pointer move changes only the
    /// dragged circle's own `live` geometry.
    dragging: StoredValue<Option<Drag>>,
    /// Each circle's place and radius while it is dragged (`None` otherwise), not yet
    /// committed. One signal per circle, so a pointer move wakes that circle and its label
    /// and nothing else.
    live: super::live::LivePlaces<(f64, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Drag {
    pub id: String,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub resizing: bool,
    /// Where the pointer grabbed the circle, from its centre, so it does not jump.
    grab_dx: f64,
    grab_dy: f64,
}

impl std::ops::Deref for VennHandle {
    type Target = ExerciseHandle<VennDiagram>;
    fn deref(&self) -> &Self::Target {
        &self.exercise
    }
}

impl VennHandle {
    /// Whether the comparison with another diagram is open: a view kept in the location
    /// hash, so a reload comes back to it.
    pub fn comparing(&self) -> bool {
        self.state.view.with(|v| v == "compare")
    }

    pub fn toggle_comparing(&self) {
        let next = if self.comparing() { "" } else { "compare" };
        self.state.view.set(next.to_string());
    }
}

pub fn relation_label(relation: Relation) -> &'static str {
    match relation {
        Relation::Ally => "ally",
        Relation::Neutral => "neutral",
        Relation::Threat => "threat",
    }
}

#[component]
pub fn VennEditor(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exercise = ExerciseHandle::<VennDiagram>::new(state, workshop_id, exercise_id);
    let handle = VennHandle {
        exercise,
        selected: RwSignal::new(None),
        dragging: StoredValue::new(None),
        live: super::live::LivePlaces::new(),
    };
    provide_context(handle);
    view! {
        <div class="venn">
            <Toolbar/>
            <Show when=move || !handle.comparing() fallback=|| view! { <compare::CompareView/> }>
                <div class="venn-layout">
                    <canvas::Canvas/>
                    <table::DataTable/>
                </div>
            </Show>
        </div>
    }
}

/// Keeps the keyboard on the shape after an edit redraws it.
fn refocus(id: &str) {
    crate::ui::focus::keep_focus_on(&format!("institution-{id}"));
}
