//! Pair-wise ranking on the projector: items, the decide screen (one keystroke a decision),
//! the PLA matrix, results, reasons, and comparison between groups. The rules live in
//! `model::ranking`; these components only show them and send the group's decisions back.

mod ballot_results;
mod ballots;
mod compare;
mod consistency;
mod decide;
mod views;

use super::state::AppState;
use crate::model::ranking::{Ranking, RankingMethod};
use crate::ui::exports::export_menu;
use crate::ui::handle::ExerciseHandle;
use leptos::prelude::*;

/// The screens of a ranking exercise, with the key that opens each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Items,
    Decide,
    Matrix,
    Results,
    Reasons,
    Compare,
    Ballots,
}

impl View {
    const ALL: [View; 7] = [
        View::Items,
        View::Decide,
        View::Matrix,
        View::Results,
        View::Reasons,
        View::Compare,
        View::Ballots,
    ];

    fn label(self) -> &'static str {
        match self {
            View::Items => "Items",
            View::Decide => "Decide",
            View::Matrix => "Matrix",
            View::Results => "Results",
            View::Reasons => "Reasons",
            View::Compare => "Compare groups",
            View::Ballots => "Ballots",
        }
    }

    /// The view's name in the location hash, so a reload comes back to it.
    fn slug(self) -> &'static str {
        match self {
            View::Items => "items",
            View::Decide => "decide",
            View::Matrix => "matrix",
            View::Results => "results",
            View::Reasons => "reasons",
            View::Compare => "compare",
            View::Ballots => "ballots",
        }
    }

    fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    fn key(self) -> &'static str {
        match self {
            View::Items => "I",
            View::Decide => "D",
            View::Matrix => "M",
            View::Results => "R",
            View::Reasons => "W",
            View::Compare => "C",
            View::Ballots => "V",
        }
    }
}

/// Which workshop and exercise a view edits, as a Copy handle for closures.
#[derive(Clone, Copy)]
pub struct RankingHandle {
    /// The ranking being edited (its data, `edit`, `with`, captions): see `ui::handle`.
    exercise: ExerciseHandle<Ranking>,
    /// The view the editor opened on when the location names none.
    first_view: View,
    /// A pair the facilitator went back to (Backspace, or a matrix cell), shown in place of
    /// the next undecided pair until it is decided again.
    pub revisit: RwSignal<Option<(String, String)>>,
}

impl std::ops::Deref for RankingHandle {
    type Target = ExerciseHandle<Ranking>;
    fn deref(&self) -> &Self::Target {
        &self.exercise
    }
}

impl RankingHandle {
    /// The open view, as the location hash says.
    pub fn view(&self) -> View {
        self.state
            .view
            .with(|v| View::from_slug(v))
            .unwrap_or(self.first_view)
    }

    pub fn set_view(&self, view: View) {
        let slug = view.slug().to_string();
        if self.state.view.with_untracked(|v| *v != slug) {
            self.state.view.set(slug);
        }
    }
}

#[component]
pub fn RankingEditor(workshop_id: String, exercise_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exercise = ExerciseHandle::<Ranking>::new(state, workshop_id, exercise_id);
    let starts_deciding = exercise
        .with_untracked(|r| r.items.len() >= 2)
        .unwrap_or(false);
    let handle = RankingHandle {
        exercise,
        first_view: if starts_deciding {
            View::Decide
        } else {
            View::Items
        },
        revisit: RwSignal::new(None),
    };
    provide_context(handle);
    install_view_keys(handle);
    let tabs = View::ALL.map(|view| {
        view! {
            <button role="tab" aria-selected=move || (handle.view() == view).to_string()
                aria-keyshortcuts=view.key()
                on:click=move |_| handle.set_view(view)>
                {view.label()} <kbd class="tab-key">{view.key()}</kbd>
            </button>
        }
    });
    view! {
        <div class="ranking">
            <div class="ranking-bar">
                <div class="tabs chrome" role="tablist" aria-label="Ranking views">{tabs}</div>
                <MethodLabel/>
            </div>
            {move || match handle.view() {
                View::Items => view! { <views::ItemsView/> }.into_any(),
                View::Decide => view! { <decide::DecideView/> }.into_any(),
                View::Matrix => view! { <views::MatrixView/> }.into_any(),
                View::Results => view! { <views::ResultsView/> }.into_any(),
                View::Reasons => view! { <views::ReasonsView/> }.into_any(),
                View::Compare => view! { <compare::CompareView/> }.into_any(),
                View::Ballots => view! { <ballots::BallotsView/> }.into_any(),
            }}
            <Exports/>
        </div>
    }
}

#[component]
fn MethodLabel() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    move || {
        let method = handle.with(|r| r.method).unwrap_or_default();
        match method {
            RankingMethod::Matrix => {
                view! { <span class="method-badge">"PLA matrix: every pair"</span> }
            }
            RankingMethod::Quick => {
                view! { <span class="method-badge quick">"Quick mode: adaptive, not the PLA matrix"</span> }
            }
        }
    }
}

/// I, D, M, R, W, C and V open the views; they never fire while typing.
fn install_view_keys(handle: RankingHandle) {
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if !super::keys::screen_keys_allowed(&event) {
                return;
            }
            let key = event.key().to_ascii_uppercase();
            if let Some(view) = View::ALL.into_iter().find(|v| v.key() == key) {
                event.prevent_default();
                handle.set_view(view);
            }
        });
    on_cleanup(move || listener.remove());
}

#[component]
fn Exports() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    export_menu(handle.exercise, true)
}
