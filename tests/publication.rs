#![cfg(not(target_arch = "wasm32"))]
//! What file format 4 and storage layout 5 brought: the workshop's table of pseudonyms is
//! kept by the file, the store and a reload; layout 4 values still read; and the copy made
//! for publication holds no original name and imports as a new workshop.

use pla_workshop::export::files::workshop_files;
use pla_workshop::export::files::Content;
use pla_workshop::model::pseudonyms::{name_table, names_found_in, PublishOptions};
use pla_workshop::model::{Library, Workshop};
use pla_workshop::storage::format::{read, Envelope, SCHEMA_VERSION};
use pla_workshop::storage::import::{apply_import, plan_import, ConflictChoice};
use pla_workshop::storage::layout::{workshop_key, STORAGE_SCHEMA_VERSION};
use pla_workshop::storage::{self, KeyValueStore, MemoryStore, Saver};

fn fixture_v4() -> Workshop {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v4.json");
    let text = std::fs::read_to_string(path).expect("the frozen fixture of schema 4");
    read(&text).expect("it reads").workshops.remove(0)
}

fn saved(workshop: &Workshop) -> MemoryStore {
    let mut store = MemoryStore::default();
    let mut saver = Saver::default();
    saver.changed(&workshop.id);
    let library = Library {
        workshops: vec![workshop.clone()],
    };
    saver.flush(&mut store, &library, 1.0).expect("saved");
    store
}

#[test]
fn the_table_of_pseudonyms_survives_the_file_the_store_and_a_reload() {
    assert_eq!(SCHEMA_VERSION, 4);
    let workshop = fixture_v4();
    assert_eq!(workshop.publication.pseudonyms.len(), 2);
    assert_eq!(workshop.publication.organisation_items.len(), 1);
    let envelope = Envelope::new(vec![workshop.clone()], 5.0);
    assert_eq!(read(&envelope.to_json()), Ok(envelope));
    let mut store = saved(&workshop);
    let header = store.get(&workshop_key(&workshop.id)).expect("a header");
    assert!(header.contains("\"publication\":{"), "in the header");
    assert_eq!(
        storage::load_all(&mut store, 2.0).library.workshops,
        vec![workshop.clone()]
    );
    // A workshop with no table writes none.
    let mut plain = workshop.clone();
    plain.publication = Default::default();
    assert!(!Envelope::new(vec![plain], 5.0)
        .to_json()
        .contains("publication"));
}

#[test]
fn a_layout_4_value_reads_as_it_stands() {
    let mut workshop = fixture_v4();
    workshop.publication = Default::default();
    let mut store = saved(&workshop);
    for key in store.keys() {
        let text = store.get(&key).expect("a value").replace(
            &format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}"),
            "\"schema_version\":4",
        );
        store.set(&key, &text).expect("set");
    }
    let report = storage::load_all(&mut store, 3.0);
    assert!(report.newly_quarantined.is_empty());
    assert_eq!(report.library.workshops, vec![workshop]);
}

#[test]
fn typing_a_pseudonym_and_ticking_an_item_change_the_table_and_undo_as_edits() {
    let mut workshop = fixture_v4();
    let table = name_table(&workshop, &workshop.publication);
    let mosque = table
        .iter()
        .find(|r| r.original == "Mosque women's group")
        .expect("a name");
    assert_eq!(mosque.pseudonym, "Faith group W");
    assert!(!mosque.is_default);
    // Typed in another case, it replaces the one there; emptied, the default comes back.
    workshop.set_pseudonym("MOSQUE women's group", "Faith group M");
    assert_eq!(workshop.publication.pseudonyms.len(), 2);
    workshop.set_pseudonym("Mosque women's group", "  ");
    let table = name_table(&workshop, &workshop.publication);
    let mosque = table
        .iter()
        .find(|r| r.original == "Mosque women's group")
        .expect("a name");
    assert!(mosque.is_default && mosque.pseudonym.starts_with("Faith group "));
    // The ticked item is in the table; unticked, it is not.
    let item = "Trust between groups and the NHS";
    assert!(table.iter().any(|r| r.original == item));
    workshop.toggle_organisation_item("5affb229-7631-4992-b0ce-583505c6af07");
    assert!(!name_table(&workshop, &workshop.publication)
        .iter()
        .any(|r| r.original == item));
}

#[test]
fn the_publication_copy_has_no_original_name_in_any_file_and_imports_as_a_new_workshop() {
    let workshop = fixture_v4();
    let table = name_table(&workshop, &workshop.publication);
    let copy = workshop.publication_copy(&PublishOptions::default(), || "published".into());
    assert_eq!(copy.id, "published");
    assert!(
        copy.publication.pseudonyms.is_empty(),
        "the table holds the originals"
    );
    assert_eq!(copy.place, "[A hall in the borough]");
    assert!(copy.check().is_empty());
    // The original's files name them (so the check below can fail)...
    let original = workshop_files(&workshop, String::new(), 5.0);
    let report = match &original[0].content {
        Content::Text(text) => text.replace("&apos;", "'"),
        Content::Png { .. } => String::new(),
    };
    assert!(names_found_in(&report, &table).len() > 10);
    // ...and no file of the copy's zip does: the report, the JSON, each SVG, CSV and GraphML.
    let json = Envelope::new(vec![copy.clone()], 5.0).to_pretty_json();
    let files = workshop_files(&copy, json.clone(), 5.0);
    assert!(files.len() > 20);
    for file in &files {
        let text = match &file.content {
            Content::Text(text) => text,
            Content::Png { svg, .. } => svg,
        };
        // Read as a person reads it: the XML and HTML writers' entities decoded.
        let read = text
            .replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#10;", "\n")
            .replace("&amp;", "&");
        assert_eq!(
            names_found_in(&read, &table),
            Vec::<String>::new(),
            "{}",
            file.path
        );
    }
    // Imported beside the original, it is a new workshop.
    let library = Library {
        workshops: vec![workshop.clone()],
    };
    let plan = plan_import(&library, &json).expect("the copy's file reads");
    assert!(plan.conflicts.is_empty(), "no workshop of its id is here");
    let mut after = library.clone();
    apply_import(
        &mut after,
        plan,
        ConflictChoice::KeepBoth,
        || "unused".into(),
        6.0,
    );
    assert_eq!(after.workshops.len(), 2);
    assert!(after.get(&workshop.id).is_some() && after.get("published").is_some());
    // The original never changed.
    assert_eq!(after.get(&workshop.id), Some(&workshop));
}
