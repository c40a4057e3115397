//! The session's running order on screen: the plan on the workshop page (each step with its
//! planned and actual minutes, reordered by keyboard or mouse, breaks added between), a break's
//! own screen, the projector's discreet clock (time left in the step on the screen), and the
//! recording of when each step is on the projector. The rules are `model::plan`'s.

use super::prefs::Preferences;
use super::state::{now, AppState};
use crate::model::new_id;
use crate::model::plan::{break_title, minutes_text, PlanEntry, RunningItem};
use crate::model::route::Route;
use crate::model::Workshop;
use leptos::prelude::*;
use std::time::Duration;

/// Where a step of the running order is shown.
pub fn route_of(workshop_id: &str, item: &RunningItem) -> Route {
    match &item.entry {
        PlanEntry::Exercise { exercise_id } => {
            Route::Exercise(workshop_id.to_string(), exercise_id.clone())
        }
        PlanEntry::Break { .. } => Route::Break(workshop_id.to_string(), item.key().to_string()),
    }
}

/// The running order's key of what `route` shows, if it is a step of it.
fn key_of(workshop: &Workshop, route: &Route) -> Option<String> {
    workshop.running_order().iter().find_map(|item| {
        let shown = route_of(&workshop.id, item) == *route;
        shown.then(|| item.key().to_string())
    })
}

/// Records when each step is on the projector: a step's visit opens when it comes on the
/// screen in projector mode, and closes when another comes, the facilitator leaves the
/// running order, or projector mode ends. Getting ready on the laptop is not the session,
/// so it is not timed. The times are records, not edits: no undo step.
pub fn install_time_recording(state: AppState, prefs: Preferences) {
    // Closing the tab (or the laptop's lid) ends the visit there, so the step is not timed
    // until the app is next opened.
    std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(workshop_id) = state
            .route
            .with_untracked(|r| r.workshop_id().map(str::to_string))
        {
            state.record_in_workshop(&workshop_id, |w| w.record_leave(now()));
        }
    }));
    Effect::new(move |previous: Option<Option<String>>| {
        let route = state.route.get();
        let projector = prefs.projector.get();
        let workshop_id = route.workshop_id().map(str::to_string);
        // Leaving a workshop (or projector mode) closes its open visit.
        if let Some(Some(left)) = &previous {
            if !projector || workshop_id.as_deref() != Some(left.as_str()) {
                state.record_in_workshop(left, |w| w.record_leave(now()));
            }
        }
        let workshop_id = workshop_id.filter(|_| projector)?;
        let key = state
            .library
            .with_untracked(|l| l.get(&workshop_id).and_then(|w| key_of(w, &route)));
        match key {
            Some(key) => state.record_in_workshop(&workshop_id, |w| w.record_open(&key, now())),
            // The workshop's own page: between steps.
            None => state.record_in_workshop(&workshop_id, |w| w.record_leave(now())),
        }
        Some(workshop_id)
    });
}

/// The projector's clock: the time left in the step on the screen, in the title bar, so it
/// never covers the exercise. When time is up it says so in words and with a mark and a
/// heavier border, not by colour alone. Shown with A, in projector mode only.
#[component]
pub fn Clock() -> impl IntoView {
    let prefs = expect_context::<Preferences>();
    view! {
        <Show when=move || prefs.projector.get() && prefs.clock_shown.get()>
            <ClockFace/>
        </Show>
    }
}

/// The clock while it is shown. Its timer lives only as long as the face does, so a laptop
/// that never shows the clock never wakes for it.
#[component]
fn ClockFace() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The tick only asks for a fresh reading; each reading takes the time itself, so a late or
    // skipped tick can never leave an old time on the screen once anything else re-renders.
    let tick = RwSignal::new(0_u64);
    let handle =
        set_interval_with_handle(move || tick.update(|n| *n += 1), Duration::from_secs(5)).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    let reading = move || {
        tick.track();
        let route = state.route.get();
        let workshop_id = route.workshop_id()?.to_string();
        state.library.with(|l| {
            let workshop = l.get(&workshop_id)?;
            let key = key_of(workshop, &route)?;
            workshop.time_left(&key, now())
        })
    };
    move || {
        match reading() {
        None => view! { <span class="clock" role="timer">"No time planned"</span> }.into_any(),
        Some(left) if left >= 0.0 => view! {
            <span class="clock" role="timer">{format!("{} left", minutes_text(left.ceil()))}</span>
        }
        .into_any(),
        // Over by whole minutes gone, so "5 min over" lasts until the sixth is up.
        Some(left) if left > -1.0 => view! { <span class="clock over" role="timer">"⚠ Time is up"</span> }.into_any(),
        Some(left) => view! {
            <span class="clock over" role="timer">{format!("⚠ Time is up: {} over", minutes_text((-left).floor()))}</span>
        }
        .into_any(),
    }
    }
}

/// A break of the running order, on the projector: its title, large, and how long it is.
#[component]
pub fn BreakScreen(workshop_id: String, plan_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| {
        state.library.with(|l| {
            let workshop = l.get(&workshop_id)?;
            let item = workshop.plan_item(&plan_id)?;
            Some((break_title(workshop, &plan_id), item.planned_minutes))
        })
    });
    view! {
        <section class="screen break-screen" aria-labelledby="break-title">
            {move || match shown.get() {
                None => view! { <h1 id="break-title">"This break is no longer in the plan"</h1> }.into_any(),
                Some((title, minutes)) => view! {
                    <h1 id="break-title" dir="auto">{title}</h1>
                    {(minutes > 0).then(|| view! { <p class="break-length">{format!("{minutes} minutes")}</p> })}
                }.into_any(),
            }}
        </section>
    }
}

/// The running order on the workshop page: for the facilitator, planned against actual.
#[component]
pub fn RunningOrder(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(id);
    let keys = Memo::new(move |_| {
        state
            .library
            .with(|l| {
                l.get(&workshop_id.get_value()).map(|w| {
                    w.running_order()
                        .iter()
                        .map(|item| item.key().to_string())
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    let new_break = crate::ui::drafts::kept_draft(format!("new-break/{}", workshop_id.get_value()));
    let add_break = move || {
        let title = new_break.get_untracked().trim().to_string();
        let title = if title.is_empty() {
            "Break".to_string()
        } else {
            title
        };
        state.edit_workshop(&workshop_id.get_value(), None, |w| {
            let end = w.running_order().len();
            w.add_break(new_id(), title, 15, end);
        });
        new_break.set(String::new());
    };
    // The step being dragged by the mouse, by key.
    let dragged = RwSignal::new(None::<String>);
    view! {
        <section class="running-order" aria-labelledby="running-order-heading">
            <h2 id="running-order-heading">"Running order"</h2>
            <p class="hint chrome">"Planned minutes for each step, and the minutes it was on the projector. Reorder with the arrows (or Alt+↑ and Alt+↓ on a step), or drag a step."</p>
            <ol class="plan-list">
                {crate::ui::lists::rows_by_id(move || keys.get(), move |key| view! { <PlanRow workshop_id=workshop_id.get_value() key_=key dragged=dragged/> }.into_any())}
            </ol>
            <div class="inline-form chrome">
                <div class="field">
                    <label for="new-break">"New break (Enter adds it at the end)"</label>
                    <input id="new-break" data-draft="" dir="auto" placeholder="Tea" prop:value=move || new_break.get()
                        on:input=move |ev| new_break.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_break() }/>
                </div>
                <button on:click=move |_| add_break()>"Add break"</button>
            </div>
        </section>
    }
}

#[component]
fn PlanRow(workshop_id: String, key_: String, dragged: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let prefs = expect_context::<Preferences>();
    let typed = RwSignal::new(None::<String>);
    let workshop_id = StoredValue::new(workshop_id);
    let key = StoredValue::new(key_);
    // (what it is, its title, planned minutes, actual minutes)
    let row = Memo::new(move |_| {
        state
            .library
            .with(|l| {
                let w = l.get(&workshop_id.get_value())?;
                let k = key.get_value();
                let item = w.running_order().into_iter().find(|i| i.key() == k)?;
                let (is_break, title) = match &item.entry {
                    PlanEntry::Break { title } => (true, title.clone()),
                    PlanEntry::Exercise { exercise_id } => (
                        false,
                        w.exercise(exercise_id)
                            .map(|e| e.title.clone())
                            .unwrap_or_default(),
                    ),
                };
                Some((
                    is_break,
                    title,
                    item.planned_minutes.unwrap_or(0),
                    w.actual_minutes(&k, now()),
                ))
            })
            .unwrap_or_default()
    });
    let edit = move |change: Box<dyn FnOnce(&mut Workshop)>| {
        state.edit_workshop(&workshop_id.get_value(), None, change);
    };
    let title = move || row.with(|(_, title, _, _)| title.clone());
    let is_break = move || row.with(|(is_break, _, _, _)| *is_break);
    let k = key.get_value();
    let (minutes_id, title_id, up_id, down_id) = (
        format!("plan-minutes-{k}"),
        format!("plan-title-{k}"),
        format!("plan-up-{k}"),
        format!("plan-down-{k}"),
    );
    let moved = move |offset: isize, focus: String| {
        edit(Box::new(move |w| {
            w.move_plan_item(&key.get_value(), offset);
        }));
        crate::ui::focus::keep_focus_on(&focus);
    };
    let (up_focus, down_focus, alt_up, alt_down) = (
        up_id.clone(),
        down_id.clone(),
        up_id.clone(),
        down_id.clone(),
    );
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowUp" => {
                ev.prevent_default();
                moved(-1, alt_up.clone());
            }
            "ArrowDown" => {
                ev.prevent_default();
                moved(1, alt_down.clone());
            }
            _ => {}
        }
    };
    let title_key = format!("plan-title-{k}");
    let minutes_key = format!("plan-minutes-{k}");
    let k_for_drop = k.clone();
    view! {
        <li class="plan-row" data-row=k.clone() on:keydown=on_key
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                let Some(from) = dragged.get_untracked() else { return };
                dragged.set(None);
                let to = k_for_drop.clone();
                edit(Box::new(move |w| {
                    if let Some(index) = w.running_index(&to) {
                        w.move_plan_item_to(&from, index);
                    }
                }));
            }>
            // Dragged by its handle only, so the mouse still selects text in its fields.
            <span class="drag-handle chrome" draggable="true" aria-hidden="true" title="Drag to move"
                on:dragstart=move |_| dragged.set(Some(key.get_value()))
                on:dragend=move |_| dragged.set(None)>"⠿"</span>
            // On the projector the plan is read, not edited: its words, no fields.
            <Show when=move || is_break() && !prefs.projector.get() fallback=move || view! { <span class="plan-title" dir="auto">{title}</span> }>
                <input id=title_id.clone() class="plan-title" dir="auto" aria-label="Break" prop:value=title
                    on:input={let title_key = title_key.clone(); move |ev| {
                        let text = event_target_value(&ev);
                        state.edit_workshop(&workshop_id.get_value(), Some(&title_key), |w| { w.rename_break(&key.get_value(), &text); });
                    }}/>
            </Show>
            <Show when=move || !prefs.projector.get() fallback=move || view! {
                <span class="plan-minutes">{move || row.with(|(_, _, minutes, _)| format!("{minutes} min planned"))}</span>
            }>
                <label class="plan-minutes">
                    // What is typed stays as typed ("07", or empty while retyping) until the
                    // field is left; the plan keeps the number at every keystroke.
                    <input id=minutes_id.clone() type="number" min="0" max="600" inputmode="numeric"
                        aria-label=move || format!("Minutes planned for {}", title())
                        prop:value=move || typed.get().unwrap_or_else(|| row.with(|(_, _, minutes, _)| minutes.to_string()))
                        on:blur=move |_| typed.set(None)
                        on:input={let minutes_key = minutes_key.clone(); move |ev| {
                            let text = event_target_value(&ev);
                            let minutes = text.trim().parse::<u32>().unwrap_or(0).min(600);
                            typed.set(Some(text));
                            state.edit_workshop(&workshop_id.get_value(), Some(&minutes_key), |w| { w.set_planned_minutes(&key.get_value(), minutes); });
                        }}/>
                    " min planned"
                </label>
            </Show>
            <span class="plan-actual">{move || row.with(|(_, _, planned, actual)| {
                let over = *planned > 0 && *actual > f64::from(*planned);
                format!("{}{}", minutes_text(*actual), if over { " on screen (over)" } else { " on screen" })
            })}</span>
            <span class="row-edit chrome">
                <button id=up_id class="small" aria-label=move || format!("Move {} earlier", title()) on:click=move |_| moved(-1, up_focus.clone())>"↑"</button>
                <button id=down_id class="small" aria-label=move || format!("Move {} later", title()) on:click=move |_| moved(1, down_focus.clone())>"↓"</button>
                <Show when=is_break>
                    <button class="small danger" aria-label=move || format!("Remove the break {}", title())
                        on:click=move |_| edit(Box::new(move |w| { w.remove_break(&key.get_value()); }))>"Remove"</button>
                </Show>
            </span>
        </li>
    }
}
