//! Importing a file: read and check everything first, then change the library in one step.

use super::format::{read, ReadError};
use crate::model::{Library, Millis, Workshop};

/// What a file would add, worked out before anything changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Workshops whose id this browser does not have.
    pub fresh: Vec<Workshop>,
    /// Workshops whose id is already here: the user chooses to replace them or keep both.
    pub conflicts: Vec<Workshop>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    Replace,
    KeepBoth,
}

/// Reads `text` completely and sorts its workshops into new ones and conflicts.
/// On any error nothing is changed, and the error says where and why.
pub fn plan_import(library: &Library, text: &str) -> Result<ImportPlan, ReadError> {
    let envelope = read(text)?;
    let (conflicts, fresh) = envelope
        .workshops
        .into_iter()
        .partition(|w| library.get(&w.id).is_some());
    Ok(ImportPlan { fresh, conflicts })
}

/// Applies a plan. With `KeepBoth`, each conflicting workshop comes in as a copy with fresh
/// ids. Returns the ids of the workshops added or replaced, to be saved.
pub fn apply_import(
    library: &mut Library,
    plan: ImportPlan,
    choice: ConflictChoice,
    mut fresh_id: impl FnMut() -> String,
    now: Millis,
) -> Vec<String> {
    let mut touched = Vec::new();
    for workshop in plan.fresh {
        touched.push(workshop.id.clone());
        library.upsert(workshop);
    }
    for workshop in plan.conflicts {
        let incoming = match choice {
            ConflictChoice::Replace => workshop,
            ConflictChoice::KeepBoth => {
                let mut copy = workshop.duplicate(&mut fresh_id, now);
                copy.title = format!("{} (imported)", workshop.title);
                copy
            }
        };
        touched.push(incoming.id.clone());
        library.upsert(incoming);
    }
    touched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::Envelope;

    fn file_with(workshops: Vec<Workshop>) -> String {
        Envelope::new(workshops, 0.0).to_json()
    }

    #[test]
    fn a_workshop_already_here_is_a_conflict() {
        let mut library = Library::default();
        library.upsert(Workshop::new("same".into(), "Here", 1.0));
        let text = file_with(vec![
            Workshop::new("same".into(), "There", 2.0),
            Workshop::new("new".into(), "New", 2.0),
        ]);
        let plan = plan_import(&library, &text).unwrap();
        assert_eq!(plan.fresh.len(), 1);
        assert_eq!(plan.conflicts.len(), 1);
    }

    #[test]
    fn keep_both_adds_a_copy_and_keeps_the_original() {
        let mut library = Library::default();
        library.upsert(Workshop::new("same".into(), "Here", 1.0));
        let text = file_with(vec![Workshop::new("same".into(), "There", 2.0)]);
        let plan = plan_import(&library, &text).unwrap();
        let mut n = 0;
        apply_import(
            &mut library,
            plan,
            ConflictChoice::KeepBoth,
            || {
                n += 1;
                format!("fresh-{n}")
            },
            3.0,
        );
        assert_eq!(library.workshops.len(), 2);
        assert_eq!(library.get("same").unwrap().title, "Here");
        assert_eq!(library.get("fresh-1").unwrap().title, "There (imported)");
    }

    #[test]
    fn replace_swaps_the_workshop() {
        let mut library = Library::default();
        library.upsert(Workshop::new("same".into(), "Here", 1.0));
        let text = file_with(vec![Workshop::new("same".into(), "There", 2.0)]);
        let plan = plan_import(&library, &text).unwrap();
        apply_import(
            &mut library,
            plan,
            ConflictChoice::Replace,
            String::new,
            3.0,
        );
        assert_eq!(library.workshops.len(), 1);
        assert_eq!(library.get("same").unwrap().title, "There");
    }
}
