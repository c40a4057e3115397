//! One Export menu for every exercise: each editor lists the files it offers, and the menu
//! names them, makes them on a click, and downloads them.

use super::handle::ExerciseHandle;
use crate::model::KindData;
use leptos::prelude::*;
use std::sync::Arc;

/// What a file is, which gives its extension and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Svg,
    GraphMl,
    /// A picture of the SVG that `make` writes, at this many pixels per canvas unit.
    Png(u32),
}

/// One file an exercise can be exported as.
pub struct ExportFile<T> {
    /// The button's words.
    pub label: &'static str,
    /// What follows the exercise's file stem before the extension: "-nodes", "".
    pub name: &'static str,
    pub format: Format,
    /// Writes the file's text (for a PNG, the SVG it is drawn from).
    pub make: Arc<dyn Fn(&T) -> String + Send + Sync>,
}

impl<T> ExportFile<T> {
    pub fn new(
        label: &'static str,
        name: &'static str,
        format: Format,
        make: impl Fn(&T) -> String + Send + Sync + 'static,
    ) -> Self {
        ExportFile {
            label,
            name,
            format,
            make: Arc::new(make),
        }
    }
}

/// A figure's SVG and its PNGs at 1, 2 and 4 pixels per unit, made by the same writer.
pub fn figure_files<T: 'static>(
    svg_label: &'static str,
    png_label: [&'static str; 3],
    name: &'static str,
    make: impl Fn(&T) -> String + Send + Sync + 'static,
) -> Vec<ExportFile<T>> {
    let make: Arc<dyn Fn(&T) -> String + Send + Sync> = Arc::new(make);
    let mut files = vec![ExportFile {
        label: svg_label,
        name,
        format: Format::Svg,
        make: make.clone(),
    }];
    for (label, scale) in png_label.into_iter().zip([1, 2, 4]) {
        files.push(ExportFile {
            label,
            name,
            format: Format::Png(scale),
            make: make.clone(),
        });
    }
    files
}

fn download<T>(file: &ExportFile<T>, stem: &str, data: &T) {
    let text = (file.make)(data);
    let name = file.name;
    match file.format {
        Format::Csv => super::download_file(&format!("{stem}{name}.csv"), "text/csv", &text),
        Format::Svg => super::download_file(&format!("{stem}{name}.svg"), "image/svg+xml", &text),
        Format::GraphMl => super::download_file(
            &format!("{stem}{name}.graphml"),
            "application/graphml+xml",
            &text,
        ),
        Format::Png(scale) => {
            super::png::download_png(&format!("{stem}{name}@{scale}x.png"), &text, scale)
        }
    }
}

/// One button of the menu: its words, and what it downloads.
struct Entry {
    label: &'static str,
    download: Arc<dyn Fn() + Send + Sync>,
}

/// The Export menu of an exercise: a button per file, each making its file from the data as
/// it is at the click. `chrome` hides it on the projector with the rest of the controls, for a
/// menu that does not sit in a toolbar that is hidden already.
pub fn export_menu<T>(
    handle: ExerciseHandle<T>,
    files: Vec<ExportFile<T>>,
    chrome: bool,
) -> impl IntoView
where
    T: KindData + Clone + PartialEq + Send + Sync + 'static,
{
    let entries = files
        .into_iter()
        .map(|file| {
            let label = file.label;
            let download: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
                let stem = handle.file_stem();
                handle.with_untracked(|data| download(&file, &stem, data));
            });
            Entry { label, download }
        })
        .collect();
    view! { <ExportMenu entries=entries chrome=chrome/> }
}

/// The menu itself, the same for every kind (so its view is built once, not once per kind).
#[component]
fn ExportMenu(entries: Vec<Entry>, chrome: bool) -> impl IntoView {
    let buttons = entries
        .into_iter()
        .map(|entry| {
            let download = entry.download;
            view! { <button on:click=move |_| download()>{entry.label}</button> }
        })
        .collect_view();
    view! {
        <details class="exports" class:chrome=chrome>
            <summary>"Export"</summary>
            <div class="toolbar">{buttons}</div>
        </details>
    }
}
