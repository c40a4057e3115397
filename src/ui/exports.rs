//! One Export menu for every exercise, from the one list of its files (`export::files`): the
//! menu names them, makes them on a click from the workshop as it is then, and downloads them.
//! The PNGs are drawn by this browser from the same SVG (`png.rs`).

use super::handle::ExerciseHandle;
use super::on_demand::on_demand;
use crate::export::files::{exercise_files, exercise_stem, ExerciseFile, FileKind};
use crate::model::{Exercise, KindData, Workshop};
use leptos::prelude::*;

/// What a click on a button downloads: the file itself, or its figure as a PNG at a scale.
#[derive(Clone, Copy)]
enum Made {
    File,
    Png(u32),
}

fn download(file: &ExerciseFile, made: Made, workshop: &Workshop, exercise: &Exercise) {
    let stem = exercise_stem(exercise);
    // The benchmark reads how long the big figures take to write.
    let measure = match exercise.data.kind() {
        crate::model::ExerciseKind::OrganisationalMap => "map-svg-export",
        crate::model::ExerciseKind::PowerVenn => "venn-svg-export",
        _ => "svg-export",
    };
    let text = super::timing::measured(measure, || (file.make)(workshop, exercise));
    match (made, file.kind) {
        (Made::Png(scale), _) => {
            super::png::download_png(&file.png_name(&stem, scale), &text, scale)
        }
        (Made::File, FileKind::Csv) => super::download_file(&file.name(&stem), "text/csv", &text),
        (Made::File, FileKind::GraphMl) => {
            super::download_file(&file.name(&stem), "application/graphml+xml", &text)
        }
        (Made::File, FileKind::Figure { .. }) => {
            super::download_file(&file.name(&stem), "image/svg+xml", &text)
        }
    }
}

/// The menu's buttons for one file: the file, and for a figure its three PNGs after it.
fn buttons_of(file: ExerciseFile) -> Vec<(&'static str, ExerciseFile, Made)> {
    let mut buttons = vec![(file.label, file, Made::File)];
    if let FileKind::Figure { png_labels } = file.kind {
        buttons.extend(
            png_labels
                .into_iter()
                .zip([1, 2, 4])
                .map(|(label, scale)| (label, file, Made::Png(scale))),
        );
    }
    buttons
}

/// The words of every button an exercise's Export menu shows, in order.
pub(super) fn button_labels(exercise: &Exercise) -> Vec<&'static str> {
    exercise_files(exercise)
        .into_iter()
        .flat_map(buttons_of)
        .map(|(label, _, _)| label)
        .collect()
}

/// Downloads what the button of these words makes from `exercise` of `workshop`.
pub(super) fn download_labelled(label: &str, workshop: &Workshop, exercise: &Exercise) {
    let chosen = exercise_files(exercise)
        .into_iter()
        .flat_map(buttons_of)
        .find(|(l, _, _)| *l == label);
    if let Some((_, file, made)) = chosen {
        download(&file, made, workshop, exercise);
    }
}

/// The Export menu of an exercise: a button per file. The list follows the exercise (a
/// ranking's ballots' files appear once its results are revealed). `chrome` hides it on the
/// projector with the rest of the controls, for a menu that does not sit in a toolbar that is
/// hidden already.
pub fn export_menu<T>(handle: ExerciseHandle<T>, chrome: bool) -> impl IntoView
where
    T: KindData + Clone + PartialEq + Send + Sync + 'static,
{
    let state = handle.state;
    // Only the labels are tracked, so an edit that changes no file's presence rebuilds nothing.
    let labels = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&handle.workshop_id())
                .and_then(|w| w.exercise(&handle.exercise_id()))
                .map(button_labels)
                .unwrap_or_default()
        })
    });
    let click = move |label: &'static str| {
        let Some(workshop) = state.workshop(&handle.workshop_id()) else {
            return;
        };
        let Some(exercise) = workshop.exercise(&handle.exercise_id()) else {
            return;
        };
        download_labelled(label, &workshop, exercise);
    };
    view! {
        <details class="exports" class:chrome=chrome>
            <summary>"Export"</summary>
            <div class="toolbar">
                {move || labels.get().into_iter().map(|label| {
                    view! { <button on:click=move |_| click(label)>{label}</button> }
                }).collect_view()}
            </div>
        </details>
    }
}

/// "Export everything": the workshop's every file in one `.zip` (`export::files`), its PNGs
/// drawn here first. `workshop` is what to export: the workshop as it is, or a copy made for
/// publication. `done` hears when the file has been handed to the browser, or why not.
pub fn export_everything(
    workshop: Workshop,
    name: String,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let zip = match super::on_demand::or_not_here(zip_everything(workshop).await) {
            Ok(zip) => zip,
            Err(error) => return done(Err(error)),
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(zip.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/zip");
        match web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) {
            Ok(blob) => {
                super::download_blob(&name, &blob);
                done(Ok(()))
            }
            Err(_) => done(Err("The browser could not make the file.".into())),
        }
    });
}

// Every exporter and the zip writer are in the `files` module, loaded on the first "Export
// everything" (the editors' Export menus come with the `editors` module).
on_demand! {
    files =>
    async fn zip_everything(workshop: Workshop) -> Result<Vec<u8>, String> {
        use crate::export::files::{workshop_files, Content};
        let json =
            crate::storage::format::Envelope::new(vec![workshop.clone()], super::state::now())
                .to_pretty_json();
        let mut entries = Vec::new();
        for file in workshop_files(&workshop, json, super::state::now()) {
            let bytes = match file.content {
                Content::Text(text) => text.into_bytes(),
                Content::Png { svg, scale } => super::png::png_bytes(&svg, scale)
                    .await
                    .map_err(|_| format!("{} could not be drawn.", file.path))?,
            };
            entries.push((file.path, bytes));
        }
        crate::export::archive::write_zip(&entries)
    }
}
