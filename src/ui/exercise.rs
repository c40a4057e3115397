//! One exercise: its title, kind and notes, and its kind's editor, which comes with the
//! `editors` module (`on_demand`) the first time an exercise is opened.

use super::on_demand::{self, on_demand};
use super::state::AppState;
use super::workshop::{NotFound, UndoRedo};
use crate::model::ExerciseKind;
use leptos::prelude::*;

/// What the page shows of the exercise; kept small so typing never copies the whole exercise.
#[derive(Debug, Clone, PartialEq)]
struct Heading {
    title: String,
    kind: ExerciseKind,
    notes: String,
}

#[component]
pub fn ExerciseScreen(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = {
        let (w, e) = (workshop_id.clone(), exercise_id.clone());
        Memo::new(move |_| {
            state.library.with(|l| {
                l.get(&w).and_then(|x| x.exercise(&e)).map(|x| Heading {
                    title: x.title.clone(),
                    kind: x.data.kind(),
                    notes: x.notes.clone(),
                })
            })
        })
    };
    let field = move |get: fn(&Heading) -> String| {
        move || heading.with(|h| h.as_ref().map(get).unwrap_or_default())
    };
    // The editor is chosen by kind alone, so typing in the title never rebuilds it.
    let kind = Memo::new(move |_| heading.with(|h| h.as_ref().map(|h| h.kind)));
    // Copy handles, so the view's closures can run many times.
    let ids = StoredValue::new((workshop_id, exercise_id));
    view! {
        <Show when=move || heading.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <section class="screen exercise" aria-labelledby="exercise-title">
                <div class="screen-head">
                    <h1 id="exercise-title" dir="auto">{field(|h| h.title.clone())}</h1>
                    <span class="kind-badge">{field(|h| h.kind.label().to_string())}</span>
                    <UndoRedo workshop_id=ids.get_value().0/>
                </div>
                {move || match kind.get() {
                    Some(kind) => {
                        let (w, e) = ids.get_value();
                        on_demand::screen(move || editor(kind, w.clone(), e.clone())).into_any()
                    }
                    // Never drawn: inside `Show`, the exercise and so its kind are there.
                    None => ().into_any(),
                }}
                <div class="field chrome">
                    <label for="exercise-notes">"Notes"</label>
                    <textarea id="exercise-notes" dir="auto" rows="4"
                        prop:value=field(|h| h.notes.clone())
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

// The editors are loaded (all four, in the `editors` module) when an exercise is first opened.
on_demand! {
    editors =>
    fn editor(kind: ExerciseKind, workshop_id: String, exercise_id: String) -> AnyView {
        match kind {
            ExerciseKind::PairwiseRanking => {
                view! { <super::ranking::RankingEditor workshop_id exercise_id/> }.into_any()
            }
            ExerciseKind::OrganisationalMap => {
                view! { <super::orgmap::MapEditor workshop_id exercise_id/> }.into_any()
            }
            ExerciseKind::PowerVenn => {
                view! { <super::venn::VennEditor workshop_id exercise_id/> }.into_any()
            }
            ExerciseKind::Vignette => {
                view! { <super::vignette::VignetteEditor workshop_id exercise_id/> }.into_any()
            }
        }
    }
}
