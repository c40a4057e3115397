//! Private ballots on the shared laptop: between participants the screen says only "Ready
//! for the next participant"; a participant decides the pairs alone (the decide screen, on
//! their own ballot), may revise until handing over, and nothing of a ballot stays on the
//! screen after it. The results stay hidden until the facilitator reveals them (O).
//! The rules (one ballot open at a time, sealing, what counts) are the model's.

use super::decide::{DecideView, Decider};
use super::RankingHandle;
use crate::model::new_id;
use crate::ui::keys::screen_keys_allowed;
use leptos::prelude::*;

/// The workshop's participant groups, as (id, label).
pub(super) fn workshop_groups(handle: RankingHandle) -> Vec<(String, String)> {
    handle.state.workshop_groups(&handle.workshop_id())
}

/// The group the exercise was run with: a new participant's group unless the facilitator
/// picks another.
fn exercise_group(handle: RankingHandle) -> String {
    let (workshop_id, exercise_id) = (handle.workshop_id(), handle.exercise_id());
    handle
        .state
        .library
        .with_untracked(|l| {
            l.get(&workshop_id)
                .and_then(|w| w.exercises.iter().find(|e| e.id == exercise_id))
                .and_then(|e| e.group_id.clone())
        })
        .unwrap_or_default()
}

#[component]
pub fn BallotsView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let open = Memo::new(move |_| {
        handle
            .with(|r| r.open_ballot().map(|b| (b.id.clone(), b.label.clone())))
            .flatten()
    });
    view! {
        <section class="ballots" aria-label="Ballots">
            {move || match open.get() {
                Some((id, label)) => {
                    let discarded = id.clone();
                    // The facilitator's way out of a ballot left half done.
                    let discard = move |_| {
                        handle.edit(None, |r| {
                            r.discard_ballot(&discarded);
                        });
                        handle.state.forget_undo(&handle.workshop_id());
                    };
                    view! {
                        <h2 class="ballot-owner" dir="auto">{format!("{label}: your own ballot")}</h2>
                        <DecideView decider=Decider::ballot(handle, id)/>
                        <button class="chrome discard-ballot" on:click=discard>"Discard this ballot"</button>
                    }.into_any()
                }
                None => view! { <HandOver/> }.into_any(),
            }}
        </section>
    }
}

/// Between participants: only "Ready for the next participant", who they are, and the key
/// to start; then, for the facilitator, how many ballots are in and the reveal.
#[component]
fn HandOver() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let groups = workshop_groups(handle);
    let group = RwSignal::new(exercise_group(handle));
    let group_label = move |id: &str| {
        groups
            .iter()
            .find(|(g, _)| g == id)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    };
    let suggested = {
        let group_label = group_label.clone();
        move || {
            let label = group.with(|g| group_label(g));
            handle
                .with(|r| r.next_participant_label(&label))
                .unwrap_or_default()
        }
    };
    // The facilitator may write another label; None follows the suggestion.
    let label = RwSignal::new(None::<String>);
    let start = {
        let suggested = suggested.clone();
        move || {
            let text = label
                .get_untracked()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(&suggested);
            let group_id = group.get_untracked();
            handle.edit(None, |r| {
                r.start_ballot(new_id(), text.trim().to_string(), group_id);
            });
            // The participant's Ctrl+Z stops at the start of their own ballot: nothing
            // before it (the results, another ballot) can come back on their screen.
            handle.state.forget_undo(&handle.workshop_id());
            label.set(None);
        }
    };
    let sealed = move || handle.with(|r| r.sealed_ballots().count()).unwrap_or(0);
    let enough_items = move || handle.with(|r| r.items.len() >= 2).unwrap_or(false);
    let revealed = move || handle.with(|r| r.results_revealed).unwrap_or(false);
    let reveal = move || {
        if sealed() > 0 {
            handle.edit(None, |r| r.results_revealed = true);
        }
    };
    let hide = move || handle.edit(None, |r| r.results_revealed = false);

    let start_key = start.clone();
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if !screen_keys_allowed(&event) {
                return;
            }
            // Enter on a focused button or link is that control's own.
            let on_control = event
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|e| e.closest("button, a, summary").ok().flatten().is_some());
            match event.key().as_str() {
                "Enter" if enough_items() && !on_control => {
                    event.prevent_default();
                    start_key();
                }
                "o" | "O" => {
                    event.prevent_default();
                    if revealed() {
                        hide();
                    } else {
                        reveal();
                    }
                }
                _ => {}
            }
        });
    on_cleanup(move || listener.remove());

    let start_field = start.clone();
    let options = workshop_groups(handle);
    view! {
        <div class="handover">
            <Show when=enough_items fallback=|| view! { <p class="lead">"Add at least two items before the ballots."</p> }>
                <p class="handover-ready">"Ready for the next participant"</p>
                <div class="inline-form chrome">
                    <div class="field">
                        <label for="ballot-label">"Participant (a description, never a name)"</label>
                        <input id="ballot-label" dir="auto"
                            prop:value={let suggested = suggested.clone(); move || label.get().unwrap_or_else(&suggested)}
                            on:input=move |ev| label.set(Some(event_target_value(&ev)))
                            on:keydown={let start_field = start_field.clone(); move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); start_field(); }}/>
                    </div>
                    <div class="field">
                        <label for="ballot-group">"Group"</label>
                        <select id="ballot-group" on:change=move |ev| group.set(event_target_value(&ev))>
                            <option value="" selected=move || group.with(String::is_empty)>"No group"</option>
                            {options.iter().map(|(id, name)| {
                                let (value, id) = (id.clone(), id.clone());
                                view! { <option value=value selected=move || group.with(|g| *g == id)>{name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <button class="primary" aria-keyshortcuts="Enter" on:click={let start = start.clone(); move |_| start()}>"Start the ballot " <kbd>"Enter"</kbd></button>
            </Show>
            <p class="ballot-count">{move || match sealed() {
                0 => "No ballots handed in yet.".to_string(),
                1 => "1 ballot handed in.".to_string(),
                n => format!("{n} ballots handed in."),
            }}</p>
            <Show when=revealed fallback=move || view! {
                <button aria-keyshortcuts="O" disabled=move || sealed() == 0 on:click=move |_| reveal()>
                    "Reveal the results " <kbd>"O"</kbd>
                </button>
            }>
                <button class="chrome" aria-keyshortcuts="O" on:click=move |_| hide()>"Hide the results " <kbd>"O"</kbd></button>
                <super::ballot_results::BallotResults/>
            </Show>
        </div>
    }
}

/// A ballot with every pair decided: the participant may still go back (Backspace), then
/// hands the laptop on (H). Once handed over, the ballot is sealed and the screen forgets it.
#[component]
pub fn BallotDone(id: String) -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let id = StoredValue::new(id);
    let hand_over = move || {
        let id = id.get_value();
        handle.edit(None, |r| {
            r.hand_over(&id);
        });
        // Sealed means sealed: no Ctrl+Z brings the ballot back for the next participant.
        handle.state.forget_undo(&handle.workshop_id());
    };
    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if screen_keys_allowed(&event) && matches!(event.key().as_str(), "h" | "H") {
                event.prevent_default();
                hand_over();
            }
        });
    on_cleanup(move || listener.remove());
    view! {
        <div class="decide-done">
            <p class="lead">"Your ballot is complete. Go back with ⌫ to change a decision, or hand the laptop on."</p>
            <button class="primary" aria-keyshortcuts="H" on:click=move |_| hand_over()>"Hand over " <kbd>"H"</kbd></button>
        </div>
    }
}
