//! The items list, the PLA matrix, the results and the reasons.

use super::{RankingHandle, View};
use crate::export::ranking as export;
use crate::model::new_id;
use crate::model::ranking::{Outcome, Ranking, RankingMethod, TieBreak};
use crate::ui::focus::keep_focus_on;
use crate::ui::state::NoticeKind;
use leptos::prelude::*;

#[component]
pub fn ItemsView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let prefs = expect_context::<crate::ui::prefs::Preferences>();
    let new_item = crate::ui::drafts::kept_draft(format!("new-item/{}", handle.exercise_id()));
    let add_lines = move |text: String| {
        let labels = Ranking::items_from_lines(&text);
        if labels.is_empty() {
            return;
        }
        handle.edit(None, |r| {
            for label in labels {
                r.add_item(new_id(), label);
            }
        });
        new_item.set(String::new());
    };
    // Ids only: a row reads its own fields, so typing in a row never rebuilds it.
    let items = Memo::new(move |_| {
        handle
            .with(|r| r.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let method = move || handle.with(|r| r.method).unwrap_or_default();
    let set_method = move |method: RankingMethod| handle.edit(None, |r| r.method = method);
    let count = move || handle.with(|r| r.items.len()).unwrap_or(0);
    view! {
        <section class="items-view" aria-label="Items">
            <div class="method-choice chrome" role="radiogroup" aria-label="Method">
                <label>
                    <input type="radio" name="method" prop:checked=move || method() == RankingMethod::Matrix
                        on:change=move |_| set_method(RankingMethod::Matrix)/>
                    " PLA matrix: the group decides every pair (the method on paper)"
                </label>
                <label>
                    <input type="radio" name="method" prop:checked=move || method() == RankingMethod::Quick
                        on:change=move |_| set_method(RankingMethod::Quick)/>
                    " Quick mode: a different, adaptive method that asks the fewest questions, for long lists"
                </label>
            </div>
            <p class="hint">{move || {
                let n = count();
                format!("{n} items: {} pairs to decide in the matrix.", n * n.saturating_sub(1) / 2)
            }}</p>
            // On the projector the items are a list for the room to read, not fields.
            <Show when=move || !prefs.projector.get() fallback=move || view! { <ReadOnlyItems/> }>
                <ol class="item-list">
                    {crate::ui::lists::rows_by_id(move || items.get(), move |id| view! { <ItemRow id=id/> }.into_any())}
                </ol>
            </Show>
            <div class="inline-form chrome">
                <div class="field">
                    <label for="new-item">"New item (Enter adds it; paste several lines to add one item per line)"</label>
                    <input id="new-item" data-draft="" dir="auto" prop:value=move || new_item.get()
                        on:input=move |ev| new_item.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_lines(new_item.get_untracked()) }
                        on:paste=move |ev: leptos::ev::ClipboardEvent| {
                            let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                            if text.contains('\n') {
                                ev.prevent_default();
                                add_lines(text);
                            }
                        }/>
                </div>
                <button on:click=move |_| add_lines(new_item.get_untracked())>"Add item"</button>
            </div>
        </section>
    }
}

#[component]
fn ReadOnlyItems() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let items = move || {
        handle
            .with(|r| {
                r.items
                    .iter()
                    .map(|i| {
                        view! {
                            <li>
                                <span class="item-label" dir="auto">{i.label.clone()}</span>
                                {(!i.description.is_empty()).then(|| view! { <span class="item-description" dir="auto">{i.description.clone()}</span> })}
                            </li>
                        }
                    })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    view! { <ol class="item-list read-only">{items}</ol> }
}

#[component]
fn ItemRow(id: String) -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            handle
                .with(|r| {
                    r.item(&id)
                        .map(|i| (i.label.clone(), i.description.clone()))
                })
                .flatten()
                .unwrap_or_default()
        })
    };
    let label = move || row.with(|(label, _)| label.clone());
    let description = move || row.with(|(_, description)| description.clone());
    let label_key = format!("item-label-{id}");
    let note_key = format!("item-note-{id}");
    let (label_id, description_id, up_id, down_id, remove_id) = (
        format!("item-label-{id}"),
        format!("item-description-{id}"),
        format!("item-up-{id}"),
        format!("item-down-{id}"),
        format!("item-remove-{id}"),
    );
    let row_id = id.clone();
    let id = StoredValue::new(id);
    let remove = move |_| {
        let mut dropped = Vec::new();
        let mut removed_label = String::new();
        crate::ui::focus::focus_neighbour_after_removal(&id.get_value(), "#new-item");
        handle.edit(None, |r| {
            removed_label = r
                .item(&id.get_value())
                .map(|i| i.label.clone())
                .unwrap_or_default();
            dropped = r.remove_item(&id.get_value());
        });
        if !dropped.is_empty() {
            let labels = handle.with(|r| {
                dropped
                    .iter()
                    .map(|d| {
                        let other = if d.a == id.get_value() { &d.b } else { &d.a };
                        r.item(other).map(|i| i.label.clone()).unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            handle.state.notify(NoticeKind::Info(format!(
                "Removed “{removed_label}” and the {} decision{} that involved it (against: {}). Undo brings them back.",
                dropped.len(),
                if dropped.len() == 1 { "" } else { "s" },
                labels.unwrap_or_default()
            )));
        }
    };
    let undo_focus = label_id.clone();
    view! {
        <li class="item-row" data-row=row_id>
            <input id=label_id data-role="label" dir="auto" aria-label=move || format!("Item: {}", label()) prop:value=label
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    handle.edit(Some(&label_key), |r| { r.rename_item(&id.get_value(), text); });
                }/>
            <input id=description_id data-role="description" dir="auto" class="description" aria-label=move || format!("Description of {}", label()) placeholder="Description (optional)" prop:value=description
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    handle.edit(Some(&note_key), |r| {
                        if let Some(item) = r.items.iter_mut().find(|i| i.id == id.get_value()) { item.description = text; }
                    });
                }/>
            <span class="row-edit chrome">
                <button id=up_id data-role="up" class="small" aria-label=move || format!("Move {} up", label()) on:click=move |_| { handle.edit(None, |r| { r.move_item(&id.get_value(), -1); }); keep_focus_on(&format!("item-up-{}", id.get_value())); }>"↑"</button>
                <button id=down_id data-role="down" class="small" aria-label=move || format!("Move {} down", label()) on:click=move |_| { handle.edit(None, |r| { r.move_item(&id.get_value(), 1); }); keep_focus_on(&format!("item-down-{}", id.get_value())); }>"↓"</button>
                <button id=remove_id data-role="remove" data-undo-focus=undo_focus class="small danger" aria-label=move || format!("Remove {}", label()) on:click=remove>"Remove"</button>
            </span>
        </li>
    }
}

/// The classic upper-triangle grid. A cell names the winner by number; clicking it takes the
/// pair back to the decide screen to revise it.
///
/// The grid is written as one HTML string (every label escaped) with one click and one key
/// handler for the whole table: a 30-item matrix has 435 cells, and building each as a
/// component costs far more than the browser's parser does. A cell is a focusable `td` with
/// the button role rather than a `<button>` inside a `td`: 435 form controls took a third of
/// the time the browser spends laying the grid out.
#[component]
pub fn MatrixView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let html = move || handle.with(matrix_html).unwrap_or_default();
    let revise = move |target: Option<web_sys::EventTarget>| {
        use wasm_bindgen::JsCast;
        let cell = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("td.cell").ok().flatten());
        let Some(cell) = cell else {
            return false;
        };
        if let (Some(a), Some(b)) = (cell.get_attribute("data-a"), cell.get_attribute("data-b")) {
            handle.revisit.set(Some((a, b)));
            handle.set_view(View::Decide);
        }
        true
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        revise(event.target());
    };
    // Enter and Space on a focused cell, as on a button.
    let on_key = move |event: web_sys::KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") && revise(event.target()) {
            event.prevent_default();
        }
    };
    let items = move || {
        handle
            .with(|r| r.items.len().max(1).to_string())
            .unwrap_or_default()
    };
    view! {
        <section class="matrix-view" aria-label="Matrix">
            <p class="hint">"Each cell shows the number of the item that matters more; = is a tie, ? is “can't decide”. Click a cell to revise it."</p>
            // `--items` lets the stylesheet share the screen's width among the columns (set
            // through the DOM, as the page's CSP allows no inline style in markup).
            <div class="matrix-holder" style:--items=items on:click=on_click on:keydown=on_key inner_html=html></div>
            <super::consistency::ConsistencyCheck/>
        </section>
    }
}

/// Appends `text` made safe to place inside HTML, in element content or a quoted attribute:
/// the exports' one escaper, as HTML takes XML's five entities.
fn push_escaped(out: &mut String, text: &str) {
    out.push_str(&crate::export::xml::escape_attribute(text));
}

/// The matrix as one HTML string, set in one go: the browser's parser builds 500 cells
/// faster than as many calls from wasm. Strings are appended directly (no `format!` per
/// cell) because this runs on the key that opens the matrix.
fn matrix_html(r: &Ranking) -> String {
    use std::collections::HashMap;
    // Each item's number (1-based) and label by id, and each pair's outcome: one pass
    // each, not one search per cell (435 cells at 30 items).
    let items: HashMap<&str, (usize, &str)> = r
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id.as_str(), (i + 1, item.label.as_str())))
        .collect();
    let outcomes: HashMap<(&str, &str), &Outcome> = r
        .decisions
        .iter()
        .flat_map(|d| {
            [
                ((d.a.as_str(), d.b.as_str()), &d.outcome),
                ((d.b.as_str(), d.a.as_str()), &d.outcome),
            ]
        })
        .collect();
    let mut html = String::with_capacity(256 * (r.items.len() + 1) * (r.items.len() + 1) / 2);
    // Fixed column widths let the browser lay the table out without measuring every cell.
    html.push_str("<table class=\"matrix\"><colgroup><col class=\"label-col\"><col span=\"");
    html.push_str(&r.items.len().max(1).to_string());
    html.push_str("\" class=\"cell-col\"></colgroup><thead><tr><th scope=\"col\">Item</th>");
    for (j, item) in r.items.iter().enumerate() {
        html.push_str("<th scope=\"col\" title=\"");
        push_escaped(&mut html, &item.label);
        html.push_str("\">");
        html.push_str(&(j + 1).to_string());
        html.push_str("</th>");
    }
    html.push_str("</tr></thead><tbody>");
    for (i, row) in r.items.iter().enumerate() {
        // The number stays before the label in any script: the label is isolated (`<bdi>`),
        // so an Arabic label reads "1. مركز المجتمع", not "مركز المجتمع .1".
        html.push_str("<tr><th scope=\"row\">");
        html.push_str(&(i + 1).to_string());
        html.push_str(". <bdi>");
        push_escaped(&mut html, &row.label);
        html.push_str("</bdi></th>");
        // The crossed-out half (each pair is asked once) as one cell per row: half the
        // grid's cells are here, and the browser lays out every cell it is given.
        html.push_str("<td class=\"crossed\" colspan=\"");
        html.push_str(&(i + 1).to_string());
        html.push_str("\" aria-hidden=\"true\"></td>");
        for column in &r.items[i + 1..] {
            let outcome = outcomes
                .get(&(row.id.as_str(), column.id.as_str()))
                .copied();
            let winner = match outcome {
                Some(Outcome::Wins(w)) => items.get(w.as_str()).copied(),
                _ => None,
            };
            html.push_str("<td class=\"cell\" role=\"button\" tabindex=\"0\" data-a=\"");
            push_escaped(&mut html, &row.id);
            html.push_str("\" data-b=\"");
            push_escaped(&mut html, &column.id);
            html.push_str("\" aria-label=\"");
            push_escaped(&mut html, &row.label);
            html.push_str(" against ");
            push_escaped(&mut html, &column.label);
            html.push_str(": ");
            match (outcome, winner) {
                // The number the cell shows is in its name, so what is seen is what is heard.
                (Some(Outcome::Wins(_)), Some((number, label))) => {
                    html.push_str("item ");
                    html.push_str(&number.to_string());
                    html.push_str(", ");
                    push_escaped(&mut html, label);
                    html.push_str(", wins");
                }
                // A winner that is no longer an item: the model drops such decisions, so
                // this only guards against showing a wrong number.
                (Some(Outcome::Wins(_)), None) => html.push_str("wins"),
                (Some(Outcome::Tie), _) => html.push_str("tie"),
                (Some(Outcome::CantDecide), _) => html.push_str("can't decide"),
                (None, _) => html.push_str("not decided"),
            }
            html.push_str("\">");
            match (outcome, winner) {
                (Some(Outcome::Wins(_)), Some((number, _))) => html.push_str(&number.to_string()),
                (Some(Outcome::Wins(_)), None) => html.push('0'),
                (Some(Outcome::Tie), _) => html.push('='),
                (Some(Outcome::CantDecide), _) => html.push('?'),
                (None, _) => {}
            }
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

#[component]
pub fn ResultsView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let chart = move || {
        let meta = handle.meta();
        handle
            .with(|r| export::bar_chart_svg(r, &meta))
            .unwrap_or_default()
    };
    let table = move || {
        handle.with(|r| {
            let name = |id: &str| r.item(id).map(|i| i.label.clone()).unwrap_or_default();
            let names = |ids: &[String]| ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ");
            let scores = r.scores();
            r.standings()
                .into_iter()
                .map(|s| {
                    let score = scores.iter().find(|x| x.item_id == s.item_id).cloned();
                    let (wins, ties) = score.map(|x| (x.wins, x.ties)).unwrap_or((0, 0));
                    let settled = match &s.settled_by {
                        TieBreak::NotTied => String::new(),
                        TieBreak::HeadToHead { level_with } => format!("Level on points with {}; placed by their own results", names(level_with)),
                        TieBreak::Shared { with } => format!("Shares the rank with {}: no result separates them", names(with)),
                        TieBreak::NotYetCompared { with } => format!("Level with {} for now: not all their pairs are decided", names(with)),
                    };
                    view! {
                        <tr>
                            <td class="rank">{s.rank_label()}</td>
                            <td>
                                <span dir="auto">{name(&s.item_id)}</span>
                                {(!settled.is_empty()).then(|| view! { <span class="settled-note">{settled.clone()}</span> })}
                            </td>
                            <td class="number">{wins}</td>
                            <td class="number">{ties}</td>
                            <td class="number">{format_score(s.score)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let quick = move || {
        handle
            .with(|r| r.method == RankingMethod::Quick)
            .unwrap_or(false)
    };
    let provisional = move || {
        handle
            .with(|r| r.results_status().provisional_note())
            .flatten()
    };
    view! {
        <section class="results-view" aria-label="Results">
            {move || provisional().map(|note| view! { <p class="provisional" role="status">{note}</p> })}
            <Show when=quick>
                <p class="hint">"Quick mode: the order below comes from the answers given; the points count the same answers."</p>
            </Show>
            <div class="results-columns">
                <table class="scores">
                    <thead><tr><th scope="col">"Rank"</th><th scope="col">"Item"</th><th scope="col">"Wins"</th><th scope="col">"Ties"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
                // Our own SVG writer escapes every label, so the chart is safe to insert.
                <div class="chart" inner_html=chart></div>
            </div>
        </section>
    }
}

pub fn format_score(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}

#[component]
pub fn ReasonsView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let rows = move || {
        handle.with(|r| {
            let name = |id: &str| r.item(id).map(|i| i.label.clone()).unwrap_or_default();
            r.decisions
                .iter()
                .map(|d| {
                    let result = match &d.outcome {
                        Outcome::Wins(w) => format!("{} matters more", name(w)),
                        Outcome::Tie => "A tie".to_string(),
                        Outcome::CantDecide => "Can't decide".to_string(),
                    };
                    view! {
                        <li>
                            <span class="pair-names" dir="auto">{format!("{} – {}", name(&d.a), name(&d.b))}</span>
                            <strong dir="auto">{result}</strong>
                            <span class="reason" dir="auto">{if d.reason.is_empty() { "(no reason recorded)".to_string() } else { d.reason.clone() }}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="reasons-view" aria-label="Reasons">
            <ol class="reasons">{rows}</ol>
        </section>
    }
}
