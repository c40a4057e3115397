//! Comparing the rankings of several groups side by side. Ranks are never added up across
//! groups (the PLA literature warns against it); agreement is Kendall's tau-b.

use super::RankingHandle;
use crate::export::ranking as export;
use crate::model::ranking::{compare, Ranking};
use crate::model::ExerciseData;
use leptos::prelude::*;

/// A ranking exercise anywhere in this browser, as the picker lists it.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    key: (String, String),
    /// "Priorities — statutory services (Statutory services, Phase zero)".
    name: String,
    /// What the comparison calls this group.
    group: String,
    ranking: Ranking,
}

#[component]
pub fn CompareView() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let state = handle.state;
    let candidates = Memo::new(move |_| {
        state.library.with(|l| {
            let mut list = Vec::new();
            for workshop in l.newest_first() {
                for exercise in &workshop.exercises {
                    if let ExerciseData::PairwiseRanking(ranking) = &exercise.data {
                        let group = exercise
                            .group_id
                            .as_deref()
                            .and_then(|g| workshop.group_label(g))
                            .map(str::to_string)
                            .unwrap_or_else(|| exercise.title.clone());
                        list.push(Candidate {
                            key: (workshop.id.clone(), exercise.id.clone()),
                            name: format!("{} ({}, {})", exercise.title, group, workshop.title),
                            group,
                            ranking: ranking.clone(),
                        });
                    }
                }
            }
            list
        })
    });
    // Starts with every ranking of this workshop chosen: usually one per group.
    let own = handle.workshop_id();
    let chosen = RwSignal::new(
        candidates
            .get_untracked()
            .into_iter()
            .filter(|c| c.key.0 == own)
            .map(|c| c.key)
            .collect::<Vec<_>>(),
    );
    let comparison = Memo::new(move |_| {
        let keys = chosen.get();
        candidates.with(|list| {
            let picked: Vec<(String, &Ranking)> = keys
                .iter()
                .filter_map(|k| list.iter().find(|c| &c.key == k))
                .map(|c| (c.group.clone(), &c.ranking))
                .collect();
            (picked.len() >= 2).then(|| compare(&picked))
        })
    });
    let toggle = move |key: (String, String)| {
        chosen.update(|keys| {
            if let Some(i) = keys.iter().position(|k| *k == key) {
                keys.remove(i);
            } else {
                keys.push(key);
            }
        })
    };
    let download = move |agreement: bool| {
        if let Some(c) = comparison.get_untracked() {
            let (name, text) = if agreement {
                ("agreement", export::agreement_csv(&c))
            } else {
                ("ranks", export::comparison_csv(&c))
            };
            crate::ui::download_file(&format!("comparison-{name}.csv"), "text/csv", &text);
        }
    };
    view! {
        <section class="compare-view" aria-label="Compare groups">
            <fieldset class="chrome">
                <legend>"Rankings to compare (one per group)"</legend>
                <For each=move || candidates.get() key=|c| c.key.clone() let:candidate>
                    {
                        let key = candidate.key.clone();
                        let checked_key = key.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || chosen.with(|k| k.contains(&checked_key))
                                    on:change=move |_| toggle(key.clone())/>
                                <span dir="auto">{candidate.name.clone()}</span>
                            </label>
                        }
                    }
                </For>
            </fieldset>
            {move || match comparison.get() {
                None => view! { <p class="lead">"Choose two or more rankings of the same items."</p> }.into_any(),
                Some(c) => {
                    let widest = c.items.iter().filter_map(|i| i.spread).max().unwrap_or(0);
                    let head = c.groups.iter().map(|g| view! { <th scope="col" dir="auto">{g.clone()}</th> }).collect_view();
                    let rows = c.items.iter().enumerate().map(|(index, item)| {
                        let disputed = widest > 0 && item.spread == Some(widest);
                        let ranks = (0..item.ranks.len()).map(|group| view! {
                            <td class="number">{c.rank_text(index, group)}</td>
                        }).collect_view();
                        view! {
                            <tr class:disputed=disputed>
                                <th scope="row" dir="auto">{item.label.clone()}{disputed.then(|| view! { <span class="disputed-mark">" ▲ most disputed"</span> })}</th>
                                {ranks}
                                <td class="number">{item.spread.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }
                    }).collect_view();
                    let agreements = c.agreements.iter().map(|a| {
                        let tau = a.tau_b.map(|t| format!("{t:.2}")).unwrap_or_else(|| "undefined".into());
                        view! {
                            <li dir="auto">{format!("{} and {}: tau-b = {tau} over {} shared items", c.groups[a.first], c.groups[a.second], a.common_items)}</li>
                        }
                    }).collect_view();
                    view! {
                        <table class="comparison">
                            <thead><tr><th scope="col">"Item"</th>{head}<th scope="col">"Spread"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <h3>"Agreement between groups (Kendall's tau-b: 1 the same order, −1 reversed)"</h3>
                        <ul class="agreements">{agreements}</ul>
                        <p class="hint">"Ranks are shown side by side and never added up across groups."</p>
                        <div class="toolbar chrome">
                            <button on:click=move |_| download(false)>"Comparison CSV"</button>
                            <button on:click=move |_| download(true)>"Agreement CSV"</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
