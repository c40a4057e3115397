//! The consistency check under the matrix: the group's circular triads (A over B, B over C,
//! C over A) and Kendall's ζ. A triad is a prompt for discussion, not an error: each of its
//! three pairs opens on the decide screen to revisit, as a matrix cell does.

use super::{RankingHandle, View};
use crate::model::ranking::RankingMethod;
use leptos::prelude::*;

/// How many circles the screen lists: enough to start a discussion, few enough that a long
/// matrix full of them (a 30-item matrix can hold over a thousand) still opens at once. The
/// Circular triads CSV holds them all.
const LISTED: usize = 12;

#[component]
pub fn ConsistencyCheck() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let check = Memo::new(move |_| handle.with(|r| r.consistency()));
    let quick = move || {
        handle
            .with(|r| r.method == RankingMethod::Quick)
            .unwrap_or(false)
    };
    let label = move |id: &str| {
        handle
            .with(|r| r.item(id).map(|i| i.label.clone()))
            .flatten()
            .unwrap_or_default()
    };
    let revisit = move |a: String, b: String| {
        handle.revisit.set(Some((a, b)));
        handle.set_view(View::Decide);
    };
    view! {
        <section class="consistency" aria-labelledby="consistency-heading">
            <h2 id="consistency-heading">"Do the decisions go round in a circle?"</h2>
            {move || {
                if quick() {
                    return view! { <p>"Quick mode reads the answers as one order, so it cannot show a circle: no check is made."</p> }.into_any();
                }
                let Some(check) = check.get() else { return ().into_any() };
                let zeta = check.zeta.map(|z| format!(" Kendall's coefficient of consistence ζ = {z:.2} (1 is no circle at all)."))
                    .unwrap_or_default();
                let summary = match check.circular_count {
                    0 => format!("No: no three items go round in a circle.{zeta}"),
                    1 => format!("Once: three items go round in a circle.{zeta} Worth a second look:"),
                    n => format!("{n} times: sets of three items go round in a circle.{zeta} Worth a second look:"),
                };
                let more = check.triads.len().saturating_sub(LISTED);
                let triads = check.triads.iter().take(LISTED).map(|triad| {
                    let [x, y, z] = triad.items.clone();
                    let pairs = [(x.clone(), y.clone()), (y.clone(), z.clone()), (z.clone(), x.clone())];
                    let steps = pairs.into_iter().map(|(winner, loser)| {
                        let text = format!("{} over {}", label(&winner), label(&loser));
                        view! {
                            <button class="triad-pair" dir="auto" on:click=move |_| revisit(winner.clone(), loser.clone())>{text}</button>
                        }
                    }).collect_view();
                    view! { <li class="triad">{steps}</li> }
                }).collect_view();
                view! {
                    <p class="triad-summary">{summary}</p>
                    <ul class="triads">{triads}</ul>
                    {(more > 0).then(|| view! { <p class="hint">{format!("… and {more} more: the Circular triads CSV (in Export) lists every one.")}</p> })}
                }.into_any()
            }}
        </section>
    }
}
