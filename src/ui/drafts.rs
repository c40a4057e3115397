//! Text typed into a "new …" field and not yet added (an actor's name, an item, a group):
//! kept in this tab's session storage, field by field, so a view change or a reload gives it
//! back instead of losing it. A reason typed before a pair is decided is the ranking's own
//! data (`Ranking::drafts`), saved and exported with it.

use leptos::prelude::*;

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The field's draft, as a signal that keeps itself: `name` says which field of which
/// exercise ("new-actor/<exercise id>").
pub fn kept_draft(name: String) -> RwSignal<String> {
    let key = format!("pla-workshop-draft/{name}");
    let initial = session()
        .and_then(|s| s.get_item(&key).ok().flatten())
        .unwrap_or_default();
    let draft = RwSignal::new(initial);
    Effect::new(move |_| {
        let text = draft.get();
        // A full or refused session store only means the draft is not kept.
        if let Some(storage) = session() {
            let _ = if text.is_empty() {
                storage.remove_item(&key)
            } else {
                storage.set_item(&key, &text)
            };
        }
    });
    draft
}
