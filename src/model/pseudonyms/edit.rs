//! The facilitator's edits of a workshop's table of names, and the copy made for publication.

use super::replace::name_key;
use super::{name_table, pseudonymise, Pseudonym, Publication, PublishOptions};
use crate::model::Workshop;

impl Publication {
    /// Nothing chosen yet: the file then has no `publication` at all.
    pub fn is_empty(&self) -> bool {
        self.pseudonyms.is_empty() && self.organisation_items.is_empty()
    }
}

impl Workshop {
    /// Sets the pseudonym the facilitator typed for `original` (matched as names are: trimmed,
    /// any case, white space runs as one). An empty one gives the default back.
    pub fn set_pseudonym(&mut self, original: &str, pseudonym: &str) {
        let key = name_key(original);
        let list = &mut self.publication.pseudonyms;
        list.retain(|p| name_key(&p.original) != key);
        if !pseudonym.trim().is_empty() {
            list.push(Pseudonym {
                original: original.trim().to_string(),
                pseudonym: pseudonym.to_string(),
            });
        }
    }

    /// Ticks or unticks a ranking item as naming an organisation (then it is in the table).
    pub fn toggle_organisation_item(&mut self, item_id: &str) {
        let items = &mut self.publication.organisation_items;
        match items.iter().position(|i| i == item_id) {
            Some(at) => {
                items.remove(at);
            }
            None => items.push(item_id.to_string()),
        }
    }

    /// The copy to publish: every name replaced ([`pseudonymise`]), a fresh id so that its
    /// file imports as a new workshop beside this one, and no table of names (it holds the
    /// originals).
    pub fn publication_copy(
        &self,
        options: &PublishOptions,
        fresh_id: impl FnOnce() -> String,
    ) -> Workshop {
        let table = name_table(self, &self.publication);
        let mut copy = pseudonymise(self, &table, options);
        copy.id = fresh_id();
        copy.publication = Publication::default();
        copy
    }
}
