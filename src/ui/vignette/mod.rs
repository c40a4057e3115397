//! A vignette: a scenario card the group discusses, its questions one at a time, then what
//! happened next. The clicker (Page Down / Page Up) steps through the parts on the projector
//! and, past either end, on to the next or previous item of the running order. On the laptop
//! the note-taker types the group's responses under the question on the screen, tagged with
//! the study's resources and the group that said them. The rules are `model::vignette`'s.

mod responses;

use super::state::AppState;
use crate::model::new_id;
use crate::model::vignette::{Vignette, VignetteStep};
use crate::ui::exports::export_menu;
use crate::ui::handle::ExerciseHandle;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct VignetteHandle {
    /// The vignette being edited (its data, `edit`, `with`, captions): see `ui::handle`.
    exercise: ExerciseHandle<Vignette>,
}

impl std::ops::Deref for VignetteHandle {
    type Target = ExerciseHandle<Vignette>;
    fn deref(&self) -> &Self::Target {
        &self.exercise
    }
}

/// A step's name in the location hash, so a reload comes back to the same part: "" for the
/// scenario, "q1", "q2" … for the questions, "next" for what happened next.
fn step_slug(step: VignetteStep) -> String {
    match step {
        VignetteStep::Scenario => String::new(),
        VignetteStep::Question(index) => format!("q{}", index + 1),
        VignetteStep::NextPart => "next".to_string(),
    }
}

fn step_from_slug(slug: &str) -> VignetteStep {
    match slug {
        "next" => VignetteStep::NextPart,
        _ => slug
            .strip_prefix('q')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .map_or(VignetteStep::Scenario, VignetteStep::Question),
    }
}

impl VignetteHandle {
    /// The part on the screen, as the location says (a part that no longer exists reads as
    /// the nearest one before it).
    pub fn step(&self) -> VignetteStep {
        let step = self.state.view.with(|v| step_from_slug(v));
        self.with(|v| v.clamp_step(step)).unwrap_or(step)
    }

    pub fn set_step(&self, step: VignetteStep) {
        let slug = step_slug(step);
        if self.state.view.with_untracked(|v| *v != slug) {
            self.state.view.set(slug);
        }
    }

    /// The workshop's participant groups, as (id, label).
    pub fn groups(&self) -> Vec<(String, String)> {
        self.state.workshop_groups(&self.workshop_id())
    }
}

#[component]
pub fn VignetteEditor(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = VignetteHandle {
        exercise: ExerciseHandle::<Vignette>::new(state, workshop_id, exercise_id),
    };
    provide_context(handle);
    view! {
        <div class="vignette">
            <div class="vignette-tools chrome">
                <StepButtons/>
                <Exports/>
            </div>
            <div class="vignette-layout">
                <Presentation/>
                <responses::Responses/>
            </div>
            <Editing/>
        </div>
    }
}

/// The clicker's Page Down / Page Up on a vignette: the next or previous part, if there is
/// one (then true); past either end, false, and the clicker goes on through the running
/// order. Called by the one owner of those keys (`ui::keys`).
pub fn step_within(state: AppState, forward: bool) -> bool {
    let crate::model::route::Route::Exercise(workshop_id, exercise_id) =
        state.route.get_untracked()
    else {
        return false;
    };
    let step = state.view.with_untracked(|v| step_from_slug(v));
    let next = with_vignette(state, &workshop_id, &exercise_id, |v| {
        let step = v.clamp_step(step);
        if forward {
            v.step_after(step)
        } else {
            v.step_before(step)
        }
    });
    match next {
        Some(next) => {
            state.view.set(step_slug(next));
            // Each part opens at its top, as each exercise does.
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            true
        }
        None => false,
    }
}

/// The parts as buttons, for the mouse: the same steps as the clicker's.
#[component]
fn StepButtons() -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    let steps = move || handle.with(Vignette::steps).unwrap_or_default();
    view! {
        <nav class="tabs" aria-label="Parts of the vignette">
            {move || steps().into_iter().map(|step| {
                let label = match step {
                    VignetteStep::Scenario => "Scenario".to_string(),
                    VignetteStep::Question(i) => format!("Question {}", i + 1),
                    VignetteStep::NextPart => "What happened next".to_string(),
                };
                view! {
                    <button aria-current=move || (handle.step() == step).then_some("step")
                        on:click=move |_| handle.set_step(step)>{label}</button>
                }
            }).collect_view()}
        </nav>
    }
}

/// Paragraphs as the text has them: split at blank lines, each in its own direction.
fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p dir="auto">{p.to_string()}</p> })
        .collect_view()
}

/// The part on the screen, in large type: what the projector shows, alone.
#[component]
fn Presentation() -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    let shown = Memo::new(move |_| {
        let step = handle.step();
        handle
            .with(|v| match step {
                VignetteStep::Scenario => (String::new(), v.scenario.clone()),
                VignetteStep::Question(i) => (
                    format!("Question {} of {}", i + 1, v.questions.len()),
                    v.questions
                        .get(i)
                        .map(|q| q.text.clone())
                        .unwrap_or_default(),
                ),
                VignetteStep::NextPart => ("What happened next".to_string(), v.next_part.clone()),
            })
            .unwrap_or_default()
    });
    let is_question = move || matches!(handle.step(), VignetteStep::Question(_));
    view! {
        <section class="vignette-part" aria-live="polite" aria-label="On the screen">
            {move || shown.with(|(heading, text)| {
                let heading = (!heading.is_empty()).then(|| view! { <p class="part-label">{heading.clone()}</p> });
                let body = if is_question() {
                    view! { <p class="question-text" dir="auto">{text.clone()}</p> }.into_any()
                } else if text.trim().is_empty() {
                    view! { <p class="hint">"Nothing written here yet."</p> }.into_any()
                } else {
                    view! { <div class="scenario-text">{paragraphs(text)}</div> }.into_any()
                };
                view! { {heading} {body} }
            })}
            <p class="hint chrome">"Page Down shows the next part, Page Up the one before."</p>
        </section>
    }
}

/// Writing the vignette: its scenario, questions and what happened next.
#[component]
fn Editing() -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    let scenario = Memo::new(move |_| handle.with(|v| v.scenario.clone()).unwrap_or_default());
    let next_part = Memo::new(move |_| handle.with(|v| v.next_part.clone()).unwrap_or_default());
    let questions = Memo::new(move |_| {
        handle
            .with(|v| v.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let new_question =
        crate::ui::drafts::kept_draft(format!("new-question/{}", handle.exercise_id()));
    let add_question = move || {
        let text = new_question.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        handle.edit(None, |v| {
            v.add_question(new_id(), text);
        });
        new_question.set(String::new());
    };
    view! {
        <section class="vignette-editing chrome" aria-label="Write the vignette">
            <div class="field">
                <label for="vignette-scenario">"The scenario (a blank line starts a new paragraph)"</label>
                <textarea id="vignette-scenario" dir="auto" rows="6" prop:value=move || scenario.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        handle.edit(Some("vignette-scenario"), |v| { v.set_scenario(&text); });
                    }></textarea>
            </div>
            <h2>"Questions for the group"</h2>
            <ol class="question-list">
                {crate::ui::lists::rows_by_id(move || questions.get(), move |id| view! { <QuestionRow id=id/> }.into_any())}
            </ol>
            <div class="inline-form">
                <div class="field">
                    <label for="new-question">"New question (Enter adds it)"</label>
                    <input id="new-question" data-draft="" dir="auto" prop:value=move || new_question.get()
                        on:input=move |ev| new_question.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_question() }/>
                </div>
                <button on:click=move |_| add_question()>"Add question"</button>
            </div>
            <div class="field">
                <label for="vignette-next">"What happened next (shown after the questions; leave empty for none)"</label>
                <textarea id="vignette-next" dir="auto" rows="4" prop:value=move || next_part.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        handle.edit(Some("vignette-next"), |v| { v.set_next_part(&text); });
                    }></textarea>
            </div>
        </section>
    }
}

#[component]
fn QuestionRow(id: String) -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    let text = {
        let id = id.clone();
        Memo::new(move |_| {
            handle
                .with(|v| v.question(&id).map(|q| q.text.clone()))
                .flatten()
                .unwrap_or_default()
        })
    };
    let (field_id, up_id, down_id, remove_id) = (
        format!("question-{id}"),
        format!("question-up-{id}"),
        format!("question-down-{id}"),
        format!("question-remove-{id}"),
    );
    let key = format!("question-{id}");
    let row_id = id.clone();
    let id = StoredValue::new(id);
    let moved = move |offset: isize, focus: &str| {
        handle.edit(None, |v| {
            v.move_question(&id.get_value(), offset);
        });
        crate::ui::focus::keep_focus_on(focus);
    };
    let (up_focus, down_focus) = (up_id.clone(), down_id.clone());
    let undo_focus = field_id.clone();
    view! {
        <li class="question-row" data-row=row_id>
            <input id=field_id dir="auto" aria-label=move || format!("Question: {}", text.get()) prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    handle.edit(Some(&key), |v| { v.edit_question(&id.get_value(), &value); });
                }/>
            <span class="row-edit">
                <button id=up_id class="small" aria-label=move || format!("Move {} up", text.get()) on:click=move |_| moved(-1, &up_focus)>"↑"</button>
                <button id=down_id class="small" aria-label=move || format!("Move {} down", text.get()) on:click=move |_| moved(1, &down_focus)>"↓"</button>
                <button id=remove_id class="small danger" data-undo-focus=undo_focus aria-label=move || format!("Remove {} and its responses", text.get())
                    on:click=move |_| {
                        crate::ui::focus::focus_neighbour_after_removal(&id.get_value(), "#new-question");
                        handle.edit(None, |v| { v.remove_question(&id.get_value()); });
                    }>"Remove"</button>
            </span>
        </li>
    }
}

#[component]
fn Exports() -> impl IntoView {
    let handle = expect_context::<VignetteHandle>();
    export_menu(handle.exercise, false)
}

/// Reads the exercise when it is a vignette (untracked: for the clicker's keys).
fn with_vignette<T>(
    state: AppState,
    workshop_id: &str,
    exercise_id: &str,
    read: impl FnOnce(&Vignette) -> Option<T>,
) -> Option<T> {
    state
        .library
        .with_untracked(|l| match &l.get(workshop_id)?.exercise(exercise_id)?.data {
            crate::model::ExerciseData::Vignette(v) => read(v),
            _ => None,
        })
}

/// Going back into a vignette from the step after it shows its last part first.
pub fn show_last_part(state: AppState) {
    let crate::model::route::Route::Exercise(workshop_id, exercise_id) =
        state.route.get_untracked()
    else {
        return;
    };
    let last = with_vignette(state, &workshop_id, &exercise_id, |v| {
        v.steps().last().copied()
    });
    if let Some(last) = last {
        state.view.set(step_slug(last));
    }
}
