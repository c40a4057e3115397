//! One exercise. Each kind gets its own editor; until then the page keeps the exercise's
//! title, group and notes, which are already saved and exported.

use super::state::AppState;
use super::workshop::NotFound;
use crate::model::{ExerciseData, ExerciseKind};
use leptos::prelude::*;

#[component]
pub fn ExerciseScreen(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exercise = {
        let (w, e) = (workshop_id.clone(), exercise_id.clone());
        Memo::new(move |_| {
            state
                .library
                .with(|l| l.get(&w).and_then(|x| x.exercise(&e).cloned()))
        })
    };
    // Copy handles, so the view's closures can run many times.
    let ids = StoredValue::new((workshop_id, exercise_id));
    view! {
        <Show when=move || exercise.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <section class="screen exercise" aria-labelledby="exercise-title">
                <div class="screen-head">
                    <h1 id="exercise-title" dir="auto">{move || exercise.get().map(|e| e.title).unwrap_or_default()}</h1>
                    <span class="kind-badge">{move || exercise.get().map(|e| e.data.kind().label()).unwrap_or_default()}</span>
                </div>
                <p class="lead">{move || exercise.get().map(|e| describe(&e.data)).unwrap_or_default()}</p>
                <div class="field chrome">
                    <label for="exercise-notes">"Notes"</label>
                    <textarea id="exercise-notes" dir="auto" rows="4"
                        prop:value=move || exercise.get().map(|e| e.notes).unwrap_or_default()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let (w, e) = ids.get_value();
                            state.edit_workshop(&w, Some("exercise-notes"), |x| if let Some(x) = x.exercise_mut(&e) { x.notes = text });
                        }
                        on:blur=move |_| state.seal_history(&ids.get_value().0)></textarea>
                </div>
            </section>
        </Show>
    }
}

fn describe(data: &ExerciseData) -> String {
    match data.kind() {
        ExerciseKind::OrganisationalMap => "Map who is in the network and how they relate: actors, typed links, influence and what each contributes.",
        ExerciseKind::PowerVenn => "Place the institutions around the community: size for power, distance for closeness.",
        ExerciseKind::PairwiseRanking => "Compare the items two at a time; the scores give the order, and the reasons are kept.",
    }
    .to_string()
}
