//! The decide screen: one pair at a time in large type, one keystroke a decision.

use super::{RankingHandle, View};
use crate::model::ranking::{Outcome, Ranking, RankingMethod};
use crate::ui::keys::screen_keys_allowed;
use crate::ui::state::now;
use leptos::prelude::*;

/// Whose decisions the decide screen records: the group's matrix, or one participant's
/// ballot (read and edited as a ranking of its own, by the model's `edit_ballot`).
#[derive(Clone, Copy)]
pub struct Decider {
    handle: RankingHandle,
    /// The ballot's id, or None for the group.
    ballot: StoredValue<Option<String>>,
    /// A pair gone back to (Backspace, a matrix cell), shown until it is decided again.
    pub revisit: RwSignal<Option<(String, String)>>,
}

impl Decider {
    pub fn group(handle: RankingHandle) -> Decider {
        Decider {
            handle,
            ballot: StoredValue::new(None),
            revisit: handle.revisit,
        }
    }

    pub fn ballot(handle: RankingHandle, id: String) -> Decider {
        Decider {
            handle,
            ballot: StoredValue::new(Some(id)),
            revisit: RwSignal::new(None),
        }
    }

    fn ballot_id(&self) -> Option<String> {
        self.ballot.get_value()
    }

    /// Reads the decisions being made (tracked).
    pub fn with<T>(&self, read: impl FnOnce(&Ranking) -> T) -> Option<T> {
        match self.ballot_id() {
            None => self.handle.with(read),
            Some(id) => self
                .handle
                .with(|r| r.ballot_ranking(&id).map(|own| read(&own)))
                .flatten(),
        }
    }

    /// Changes the decisions being made: one undo step per change (or per `coalesce` run).
    pub fn edit(&self, coalesce: Option<&str>, change: impl FnOnce(&mut Ranking)) {
        match self.ballot_id() {
            None => self.handle.edit(coalesce, change),
            Some(id) => self.handle.edit(coalesce, |r| {
                r.edit_ballot(&id, change);
            }),
        }
    }
}

/// Characters beyond which a label wraps to more than two lines at the full size.
const LONG_LABEL: usize = 40;

#[component]
pub fn DecideView(
    /// Whose decisions: the group's unless a ballot's is given.
    #[prop(optional)]
    decider: Option<Decider>,
) -> impl IntoView {
    let group = expect_context::<RankingHandle>();
    let handle = decider.unwrap_or_else(|| Decider::group(group));
    let pair = Memo::new(move |_| {
        handle
            .revisit
            .with(|revisit| handle.with(|r| r.current_pair(revisit.as_ref())).flatten())
    });
    // The box shows what the model keeps for the pair on screen: its draft, or its
    // decision's reason. Typing is kept at once, as that pair's own, so it survives a view
    // change, a reload and another tab's deciding, and never lands on another pair.
    let reason = Memo::new(move |_| {
        pair.get()
            .and_then(|(a, b)| handle.with(|r| r.reason_for(&a, &b)))
            .unwrap_or_default()
    });
    let write_reason = move |text: String| {
        let Some((a, b)) = pair.get_untracked() else {
            return;
        };
        let key = format!("reason-{a}-{b}");
        handle.edit(Some(&key), |r| {
            r.write_reason(&a, &b, text);
        });
    };
    // While the reason box has the keyboard, the screen stays on its pair: if another tab
    // decides that pair meanwhile, what is typed next still belongs to it (it becomes that
    // decision's reason) and never to the next pair.
    let pinned = StoredValue::new(false);
    let pin_pair = move || {
        if handle.revisit.with_untracked(Option::is_none) {
            if let Some(current) = pair.get_untracked() {
                handle.revisit.set(Some(current));
                pinned.set_value(true);
            }
        }
    };
    // Leaving the box lets the screen follow the method's order again: the same pair, unless
    // another tab decided it meanwhile (what was typed is that decision's reason).
    let unpin_pair = move || {
        if !pinned.get_value() {
            // A pair the facilitator chose (Backspace, a matrix cell) stays.
            return;
        }
        pinned.set_value(false);
        handle.revisit.set(None);
    };
    let decide = move |outcome_for: fn(&str, &str) -> Outcome| {
        let Some((a, b)) = pair.get_untracked() else {
            return;
        };
        let outcome = outcome_for(&a, &b);
        handle.edit(None, |r| {
            let text = r.reason_for(&a, &b).trim().to_string();
            r.decide(&a, &b, outcome, text, now());
        });
        handle.revisit.set(None);
        pinned.set_value(false);
    };
    let first_wins = move || decide(|a, _| Outcome::Wins(a.to_string()));
    let second_wins = move || decide(|_, b| Outcome::Wins(b.to_string()));
    let tie = move || decide(|_, _| Outcome::Tie);
    let cant_decide = move || decide(|_, _| Outcome::CantDecide);
    let go_back = move || {
        let current = pair.get_untracked();
        if let Some(Some(previous)) = handle.with(|r| r.previous_pair(current.as_ref())) {
            handle.revisit.set(Some(previous));
        }
    };

    let listener =
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if !screen_keys_allowed(&event) {
                return;
            }
            let handled = match event.key().as_str() {
                "ArrowLeft" | "1" => {
                    first_wins();
                    true
                }
                "ArrowRight" | "2" => {
                    second_wins();
                    true
                }
                "=" => {
                    tie();
                    true
                }
                "s" | "S" => {
                    cant_decide();
                    true
                }
                "Backspace" => {
                    go_back();
                    true
                }
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        });
    on_cleanup(move || listener.remove());

    let progress = move || {
        handle.with(|r| match r.method {
            RankingMethod::Matrix => {
                let (decided, total) = r.progress();
                if decided >= total {
                    format!("All {total} pairs decided")
                } else {
                    format!("{} of {total}", decided + 1)
                }
            }
            RankingMethod::Quick => {
                let (answered, most) = r.quick_progress();
                if r.quick_order().is_some() {
                    format!("All {answered} questions answered")
                } else {
                    format!("Question {} (at most {most})", answered + 1)
                }
            }
        })
    };
    // The pair's words and its recorded outcome, each a memo, so a keystroke in the reason
    // box (an edit of the ranking) does not draw the two choices again.
    let labels = Memo::new(move |_| {
        let (a, b) = pair.get()?;
        handle.with(|r| {
            let words = |id: &str| {
                r.item(id)
                    .map(|i| (i.label.clone(), i.description.clone()))
                    .unwrap_or_default()
            };
            (a.clone(), b.clone(), words(&a), words(&b))
        })
    });
    let chosen_outcome = Memo::new(move |_| {
        pair.get().and_then(|(a, b)| {
            handle
                .with(|r| r.decision_for(&a, &b).map(|d| d.outcome.clone()))
                .flatten()
        })
    });
    let chosen = move || chosen_outcome.get();
    view! {
        <section class="decide" aria-label="Decide"
            data-pair=move || pair.get().map(|(a, b)| format!("{a}|{b}")).unwrap_or_default()>
            <p class="progress" aria-live="polite">{progress}</p>
            <Show
                when=move || pair.with(Option::is_some)
                fallback=move || match handle.ballot_id() {
                    None => view! { <DecideDone/> }.into_any(),
                    Some(id) => view! { <super::ballots::BallotDone id=id/> }.into_any(),
                }
            >
                {move || {
                    let (a, b, (a_label, a_note), (b_label, b_note)) = labels.get().unwrap_or_default();
                    let picked = chosen();
                    let a_won = picked == Some(Outcome::Wins(a.clone()));
                    let b_won = picked == Some(Outcome::Wins(b.clone()));
                    let revising = picked.is_some();
                    // A long pair takes smaller type, so both labels, the buttons under them
                    // and the reason box stay on one screen.
                    let long = a_label.chars().count().max(b_label.chars().count()) > LONG_LABEL;
                    view! {
                        <Show when=move || revising>
                            <p class="revising">{move || match chosen() {
                                Some(Outcome::Tie) => "Revising: recorded as a tie".to_string(),
                                Some(Outcome::CantDecide) => "Revising: recorded as “can't decide”".to_string(),
                                Some(Outcome::Wins(_)) => "Revising: the marked item was chosen".to_string(),
                                None => String::new(),
                            }}</p>
                        </Show>
                        <div class="pair">
                            <button class="choice" aria-pressed=a_won.to_string() aria-keyshortcuts="ArrowLeft 1"
                                on:click=move |_| first_wins()>
                                <span class="choice-key" aria-hidden="true">"← 1"</span>
                                <span class="choice-label" class:long=long dir="auto">{a_label}</span>
                                <span class="choice-note" dir="auto">{a_note}</span>
                                {a_won.then(|| view! { <span class="choice-mark">"✓ chosen"</span> })}
                            </button>
                            <span class="versus" aria-hidden="true">"or"</span>
                            <button class="choice" aria-pressed=b_won.to_string() aria-keyshortcuts="ArrowRight 2"
                                on:click=move |_| second_wins()>
                                <span class="choice-key" aria-hidden="true">"2 →"</span>
                                <span class="choice-label" class:long=long dir="auto">{b_label}</span>
                                <span class="choice-note" dir="auto">{b_note}</span>
                                {b_won.then(|| view! { <span class="choice-mark">"✓ chosen"</span> })}
                            </button>
                        </div>
                    }
                }}
                <div class="decide-actions">
                    <button aria-keyshortcuts="=" on:click=move |_| tie()>"Tie " <kbd>"="</kbd></button>
                    <button aria-keyshortcuts="S" on:click=move |_| cant_decide()>"Can't decide " <kbd>"S"</kbd></button>
                    <button aria-keyshortcuts="Backspace" on:click=move |_| go_back()>"Back " <kbd>"⌫"</kbd></button>
                </div>
                <div class="field reason">
                    <label for="decision-reason">"Why? The reason the group gave"</label>
                    <textarea id="decision-reason" dir="auto" rows="2"
                        placeholder="Type the reason, then Esc to return to the keys"
                        prop:value=move || reason.get()
                        on:focus=move |_| pin_pair()
                        on:blur=move |_| unpin_pair()
                        on:input=move |ev| write_reason(event_target_value(&ev))></textarea>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn DecideDone() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let enough_items = move || handle.with(|r| r.items.len() >= 2).unwrap_or(false);
    view! {
        <div class="decide-done">
            <Show when=enough_items fallback=move || view! {
                <p class="lead">"Add at least two items to rank."</p>
                <button class="primary" on:click=move |_| handle.set_view(View::Items)>"Add items " <kbd>"I"</kbd></button>
            }>
                <p class="lead">"Every question is answered."</p>
                <button class="primary" on:click=move |_| handle.set_view(View::Results)>"See the results " <kbd>"R"</kbd></button>
            </Show>
        </div>
    }
}
