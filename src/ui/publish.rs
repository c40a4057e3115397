//! Copies for publication (`#/w/<id>/publish`, from the report): the table of every name the
//! workshop holds with its pseudonym, the ranking items that name an organisation, what to
//! leave out, where an original name is still found, and the copy's report, zip and single
//! files. The rules are `model::pseudonyms`'; the workshop itself never changes (only its
//! table of pseudonyms, which is saved with it and never leaves in a copy).

use super::exports::{button_labels, download_labelled};
use super::on_demand::on_demand;
use super::state::{now, AppState, Route};
use crate::export::files::file_stem;
use crate::model::pseudonyms::{name_table, NameRow, NameSource, PublishOptions};
use crate::model::{new_id, ExerciseData, Workshop};
use leptos::prelude::*;

fn source_label(source: NameSource) -> &'static str {
    match source {
        NameSource::Actor => "Actor",
        NameSource::Institution => "Venn institution",
        NameSource::RankingItem => "Ranking item",
        NameSource::Place => "Place",
    }
}

// The copies for publication are in the `files` module, loaded when first opened.
on_demand! {
    files =>
    pub fn publish_screen(workshop_id: String) -> AnyView {
        view! { <PublishScreen workshop_id/> }.into_any()
    }
}

#[component]
pub fn PublishScreen(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    state.ensure_data_read();
    let id = StoredValue::new(workshop_id);
    let leave_out_notes = RwSignal::new(false);
    let leave_out_free_text = RwSignal::new(false);
    let options = move || PublishOptions {
        leave_out_notes: leave_out_notes.get(),
        leave_out_free_text: leave_out_free_text.get(),
    };
    let table = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&id.get_value())
                .map(|w| name_table(w, &w.publication))
                .unwrap_or_default()
        })
    });
    // The copy to publish, and where a name is still found in it.
    let copy = Memo::new(move |_| {
        let options = options();
        state.library.with(|l| {
            l.get(&id.get_value())
                .map(|w| w.publication_copy(&options, new_id))
                .map(|copy| {
                    let stem = copy_stem(&copy);
                    (copy, stem)
                })
        })
    });
    let leftovers = Memo::new(move |_| {
        copy.with(|c| {
            c.as_ref()
                .map(|(copy, _)| crate::model::pseudonyms::leftovers(copy, &table.get()))
                .unwrap_or_default()
        })
    });
    let title = Memo::new(move |_| {
        state
            .library
            .with(|l| l.get(&id.get_value()).map(|w| w.title.clone()))
            .unwrap_or_default()
    });
    let back = Route::Report(id.get_value()).to_hash();
    view! {
        <section class="screen publish-screen" aria-labelledby="publish-title">
            <div class="screen-head">
                <h1 id="publish-title" dir="auto">{move || format!("For publication: {}", title.get())}</h1>
                <a class="button chrome" href=back>"Back to the report"</a>
            </div>
            <p class="hint">"Every name below is replaced by its pseudonym in the copy's labels and in its free text (whole words, any case). The workshop itself is never changed."</p>
            <h2>"Names and their pseudonyms"</h2>
            <NameTable workshop_id=id.get_value() table=table/>
            <OrganisationItems workshop_id=id.get_value()/>
            <h2>"What to leave out"</h2>
            <label class="check"><input type="checkbox" prop:checked=move || leave_out_notes.get()
                on:change=move |_| leave_out_notes.update(|b| *b = !*b)/>" The facilitator's notes"</label>
            <label class="check"><input type="checkbox" prop:checked=move || leave_out_free_text.get()
                on:change=move |_| leave_out_free_text.update(|b| *b = !*b)/>" Every free-text field too (reasons, contributions, descriptions, responses)"</label>
            <h2>"Still in the copy"</h2>
            {move || {
                let found = leftovers.get();
                if found.is_empty() {
                    view! { <p class="publish-clean">"✓ No original name is left in the copy."</p> }.into_any()
                } else {
                    view! {
                        <p class="publish-warning" role="status">{match found.len() {
                            1 => "⚠ 1 place still holds an original name, inside a longer word or spelt another way. Change the text in the workshop, or the pseudonym, before exporting:".to_string(),
                            n => format!("⚠ {n} places still hold an original name, inside a longer word or spelt another way. Change the text in the workshop, or the pseudonym, before exporting:"),
                        }}</p>
                        <ul class="publish-leftovers">
                            {found.into_iter().map(|l| view! {
                                <li><strong dir="auto">{l.name}</strong>" in "<span dir="auto">{l.place}</span>": “"<span dir="auto">{l.excerpt}</span>"”"</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <h2>"Export the copy"</h2>
            <CopyExports copy=copy/>
        </section>
    }
}

/// The names, each with a field for its pseudonym (empty gives the default back).
#[component]
fn NameTable(workshop_id: String, table: Memo<Vec<NameRow>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(workshop_id);
    // Rows keyed by the name, so typing a pseudonym never rebuilds its row.
    let originals = Memo::new(move |_| {
        table
            .get()
            .into_iter()
            .map(|row| row.original)
            .collect::<Vec<_>>()
    });
    view! {
        <table class="publish-names">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Where"</th><th scope="col">"Pseudonym"</th></tr></thead>
            <tbody>
                {crate::ui::lists::rows_by_id(move || originals.get(), move |original| view! { {
                        let name = StoredValue::new(original.clone());
                        let row = move || name.with_value(|n| table.with(|t| t.iter().find(|r| r.original == *n).cloned()));
                        let shown = original.clone();
                        let key = format!("pseudonym/{original}");
                        let typed_for = original.clone();
                        view! {
                            <tr>
                                <th scope="row" dir="auto">{shown.clone()}</th>
                                <td>{move || row().map(|r| {
                                    let source = source_label(r.source);
                                    if r.group.is_empty() { source.to_string() } else { format!("{source} · {}", r.group) }
                                })}</td>
                                <td>
                                    <input type="text" dir="auto" aria-label=format!("Pseudonym for {shown}")
                                        prop:value=move || row().filter(|r| !r.is_default).map(|r| r.pseudonym).unwrap_or_default()
                                        placeholder=move || row().map(|r| r.pseudonym).unwrap_or_default()
                                        on:input=move |ev| {
                                            let text = event_target_value(&ev);
                                            state.edit_workshop(&workshop_id.get_value(), Some(&key), |w| w.set_pseudonym(&typed_for, &text));
                                        }
                                        on:blur=move |_| state.seal_history(&workshop_id.get_value())/>
                                </td>
                            </tr>
                        }
                    } }.into_any())}
            </tbody>
        </table>
    }
}

/// The ranking items, each with a tick for "names an organisation" (then it is in the table).
#[component]
fn OrganisationItems(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workshop_id = StoredValue::new(workshop_id);
    // (item id, "exercise: label"), each once: a ticked id covers that item everywhere.
    let items = Memo::new(move |_| {
        state.library.with(|l| {
            let mut items: Vec<(String, String)> = Vec::new();
            if let Some(w) = l.get(&workshop_id.get_value()) {
                for exercise in w.exercises.iter() {
                    if let ExerciseData::PairwiseRanking(r) = &exercise.data {
                        for item in &r.items {
                            if !items.iter().any(|(id, _)| *id == item.id) {
                                items.push((
                                    item.id.clone(),
                                    format!("{}: {}", exercise.title, item.label),
                                ));
                            }
                        }
                    }
                }
            }
            items
        })
    });
    let ticked = move |item_id: &str| {
        state.library.with(|l| {
            l.get(&workshop_id.get_value()).is_some_and(|w| {
                w.publication
                    .organisation_items
                    .iter()
                    .any(|i| i == item_id)
            })
        })
    };
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <h2>"Ranking items that name an organisation"</h2>
            <ul class="publish-items">
                <For each=move || items.get() key=|(id, _)| id.clone() let:item>
                    {
                        let (item_id, label) = item;
                        let checked_id = item_id.clone();
                        view! {
                            <li><label class="check" dir="auto">
                                <input type="checkbox" prop:checked=move || ticked(&checked_id)
                                    on:change=move |_| {
                                        let item_id = item_id.clone();
                                        state.edit_workshop(&workshop_id.get_value(), None, move |w| w.toggle_organisation_item(&item_id));
                                    }/>
                                " " {label}
                            </label></li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

/// The copy's report, zip and workshop file, and each exercise's files, all made from the copy.
#[component]
fn CopyExports(copy: Memo<Option<(Workshop, String)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    let with_copy = move |act: &dyn Fn(&Workshop, &str)| {
        copy.with_untracked(|c| {
            if let Some((workshop, stem)) = c {
                act(workshop, stem)
            }
        })
    };
    let report = move |_| {
        with_copy(&|w, stem| {
            super::download_file(
                &format!("{stem}-report.html"),
                "text/html",
                &crate::export::report::report_html(w, now()),
            )
        })
    };
    let json = move |_| {
        with_copy(&|w, stem| {
            let text =
                crate::storage::format::Envelope::new(vec![w.clone()], now()).to_pretty_json();
            super::download_text(&format!("pla-workshop-{stem}.json"), &text);
        })
    };
    let zip = move |_| {
        with_copy(&|w, stem| {
            busy.set(true);
            super::exports::export_everything(
                w.clone(),
                format!("{stem}-everything.zip"),
                move |result| {
                    busy.set(false);
                    if let Err(why) = result {
                        state.notify(super::state::NoticeKind::Error(format!(
                            "The zip was not made: {why}"
                        )));
                    }
                },
            );
        })
    };
    // Each exercise's own files, as its Export menu lists them.
    let exercises = Memo::new(move |_| {
        copy.with(|c| {
            c.as_ref()
                .map(|(w, _)| {
                    w.exercises
                        .iter()
                        .map(|e| (e.id.clone(), e.title.clone(), button_labels(e)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let single = move |exercise_id: &str, label: &'static str| {
        with_copy(&|w, _| {
            let Some(exercise) = w.exercise(exercise_id) else {
                return;
            };
            download_labelled(label, w, exercise);
        })
    };
    view! {
        <div class="toolbar">
            <button on:click=report>"Publication report (HTML)"</button>
            <button on:click=zip disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                {move || if busy.get() { "Exporting…" } else { "Publication copy of everything (.zip)" }}
            </button>
            <button on:click=json>"Publication workshop file (JSON)"</button>
        </div>
        {move || exercises.get().into_iter().map(|(exercise_id, title, labels)| {
            let exercise_id = StoredValue::new(exercise_id);
            view! {
                <details class="exports">
                    <summary dir="auto">{format!("Files of {title}")}</summary>
                    <div class="toolbar">
                        {labels.into_iter().map(|label| view! {
                            <button on:click=move |_| single(&exercise_id.get_value(), label)>{label}</button>
                        }).collect_view()}
                    </div>
                </details>
            }
        }).collect_view()}
    }
}

/// The file stem a published copy's files share.
fn copy_stem(workshop: &Workshop) -> String {
    format!("{}-publication", file_stem(&workshop.title, "workshop"))
}
