//! The ballots' results, once the facilitator reveals them.

use super::RankingHandle;
use leptos::prelude::*;

#[component]
pub fn BallotResults() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let count = move || handle.with(|r| r.sealed_ballots().count()).unwrap_or(0);
    view! { <section class="ballot-results" aria-label="The ballots' results"><p>{count}</p></section> }
}
