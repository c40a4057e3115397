//! The workshop's report on screen (`#/w/<id>/report`, or R on the workshop page): the same
//! document the download holds, laid out for reading and for the browser's print dialog
//! (Save as PDF gives the PDF). The report is written by `export::report`; this screen shows
//! it and offers its files.

use super::on_demand::on_demand;
use super::state::{now, AppState, Route};
use crate::export::report::{css_string, report_body, report_html, report_title};
use leptos::prelude::*;

/// The custom property the page footer reads the workshop's title from (`report.css`).
const TITLE_PROPERTY: &str = "--report-title";

// The report's screen and writer are in the `files` module, loaded when the report is first opened.
on_demand! {
    files =>
    pub fn report_screen(workshop_id: String) -> AnyView {
        view! { <ReportScreen workshop_id/> }.into_any()
    }
}

#[component]
pub fn ReportScreen(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    state.ensure_data_read();
    let id = StoredValue::new(workshop_id);
    // The report's HTML, rewritten when the workshop changes (an edit in another tab).
    let report = Memo::new(move |_| {
        state.library.with(|l| {
            l.get(&id.get_value())
                .map(|w| (report_title(w), report_body(w, now())))
        })
    });
    // Printed pages name the workshop in their footer. Set through the style object, which
    // the page's content security policy allows (an inline style would not be).
    Effect::new(move |_| {
        if let Some((title, _)) = report.get() {
            set_footer_title(Some(&title));
        }
    });
    on_cleanup(|| set_footer_title(None));
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let download = move |_| {
        if let Some(workshop) = state.workshop(&id.get_value()) {
            let stem = super::state::file_stem(&workshop.title, "workshop");
            super::download_file(
                &format!("{stem}-report.html"),
                "text/html",
                &report_html(&workshop, now()),
            );
        }
    };
    let back = Route::Workshop(id.get_value()).to_hash();
    let publish = Route::Publish(id.get_value()).to_hash();
    view! {
        <section class="screen report-screen" aria-label="Report">
            <div class="report-tools chrome">
                <a class="button" href=back>"Back to the workshop"</a>
                <button on:click=print aria-keyshortcuts="Control+P">"Print or save as PDF"</button>
                <button on:click=download>"Download report (HTML)"</button>
                <a class="button" href=publish>"Copies for publication (pseudonyms)"</a>
            </div>
            {move || match report.get() {
                // Our own writer escapes every text of the report, so its HTML is safe to insert.
                Some((_, body)) => view! { <div class="report-page" inner_html=body></div> }.into_any(),
                None => view! { <p>"This workshop is not in this browser."</p> }.into_any(),
            }}
        </section>
    }
}

fn set_footer_title(title: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let style = root.style();
    let _ = match title {
        Some(title) => style.set_property(TITLE_PROPERTY, &css_string(title)),
        None => style.remove_property(TITLE_PROPERTY).map(|_| ()),
    };
}
