//! The one keyed list of rows by id that every list of ids goes through.
//!
//! Each `<For>` is generic over its closures, so every list built Leptos's keyed list code
//! again: 19 copies were about 81 KB of the browser build's code before wasm-opt (issue
//! #17). Here the closures sit behind `dyn` references, so the 14 lists of ids share one
//! copy. The five lists of something else (a group's id and name, a notice, the ranking
//! items that name an organisation, the ranking comparison's candidates) keep a `<For>` of
//! their own. Rows stay keyed by id, and each row reads its own fields, so typing into a row
//! never rebuilds it.

use leptos::prelude::*;
use std::sync::Arc;

/// The rows `row` makes for the ids `ids` gives, one per id, kept while the id stays in
/// the list.
pub fn rows_by_id(
    ids: impl Fn() -> Vec<String> + Send + Sync + 'static,
    row: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    keyed_rows(Arc::new(ids), Arc::new(row))
}

type Ids = Arc<dyn Fn() -> Vec<String> + Send + Sync>;
type Row = Arc<dyn Fn(String) -> AnyView + Send + Sync>;

fn keyed_rows(ids: Ids, row: Row) -> AnyView {
    view! { <For each=move || ids() key=|id: &String| id.clone() children=move |id| row(id)/> }
        .into_any()
}
