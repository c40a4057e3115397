//! Every released version of the file and of the store reads, through the migrations.

use super::*;

#[test]
fn every_released_schema_version_loads_through_the_migrations() {
    for version in 1..=SCHEMA_VERSION {
        let envelope = read(&fixture(version)).unwrap_or_else(|e| panic!("schema v{version}: {e}"));
        assert_eq!(envelope.schema_version, SCHEMA_VERSION);
        let workshop = &envelope.workshops[0];
        assert_eq!(workshop.groups.len(), 2, "schema v{version}");
        // Version 3's fixture adds a vignette to the same workshop.
        let exercises = if version >= 3 { 6 } else { 5 };
        assert_eq!(workshop.exercises.len(), exercises, "schema v{version}");
    }
}

#[test]
fn the_example_file_is_valid_and_round_trips() {
    let envelope = read(EXAMPLE).expect("the example reads");
    let again = read(&envelope.to_json()).expect("what we write reads back");
    assert_eq!(envelope, again);
}

#[test]
fn a_version_1_store_is_moved_to_one_key_per_exercise_and_reads_the_same() {
    let file = read(&fixture(1)).expect("the v1 fixture reads");
    let original = file.workshops[0].clone();
    let key = format!("pla-workshop/workshop/{}", original.id);
    let mut store = store_with(&[(&key, &fixture(1))]);
    let report = storage::load_all(&mut store, 2.0);
    assert!(report.newly_quarantined.is_empty());
    assert_eq!(report.library.workshops, vec![original.clone()]);
    // The header now stands where the whole workshop stood, beside a key per exercise.
    let header = store.get(&key).expect("the header");
    assert!(
        header.contains(&format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}")),
        "{header}"
    );
    assert!(
        header.len() < 2_000,
        "a header is small: {} bytes",
        header.len()
    );
    for exercise in &original.exercises {
        assert!(store
            .get(&storage::exercise_key(&original.id, &exercise.id))
            .is_some());
    }
    assert_eq!(store.keys().len(), 1 + original.exercises.len());
    // And reads the same again, now without a migration.
    let before = store.entries.clone();
    assert_eq!(storage::load_all(&mut store, 3.0).library, report.library);
    assert_eq!(store.entries, before, "reading writes nothing");
}

#[test]
fn a_version_1_workshop_too_big_to_move_stays_whole_and_is_moved_by_a_later_save() {
    let workshop = example_workshop("w");
    let text = v1_text(&workshop);
    let mut store = store_with(&[("pla-workshop/workshop/w", &text)]);
    // Room for the old value, not for a second copy beside it.
    store.quota_chars = Some(text.len() + 100);
    let (mut saver, library, quarantined) = Saver::open(&mut store, 2.0);
    assert!(quarantined.is_empty());
    assert_eq!(library.workshops, vec![workshop.clone()]);
    assert!(saver.is_unsaved("w"));
    assert_eq!(
        store.get("pla-workshop/workshop/w"),
        Some(text),
        "untouched"
    );
    store.quota_chars = None;
    saver.flush(&mut store, &library, 3.0).expect("saved");
    assert_eq!(storage::load_all(&mut store, 4.0).library, library);
}

#[test]
fn exported_files_carry_the_format_name_and_version() {
    let text = Envelope::new(vec![], 0.0).to_json();
    assert!(text.contains("\"format\":\"pla-workshop\""));
    assert!(text.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")));
}

/// Ballots arrived in file format version 2 (storage layout 3): they survive the file, the
/// store and a reload, and a layout 2 value, written before them, still reads as it stands.
#[test]
fn ballots_survive_the_file_and_the_store_and_older_values_still_read() {
    let envelope = read(&fixture(2)).expect("the v2 fixture reads");
    let workshop = envelope.workshops[0].clone();
    let ranking = workshop
        .exercises
        .iter()
        .find_map(|e| match &e.data {
            ExerciseData::PairwiseRanking(r) if !r.ballots.is_empty() => Some(r.clone()),
            _ => None,
        })
        .expect("a ranking with ballots");
    assert_eq!(ranking.ballots.len(), 3);
    assert!(ranking.ballots.iter().all(|b| b.handed_over));
    assert!(ranking.results_revealed);
    let again = read(&envelope.to_json()).expect("what we write reads back");
    assert_eq!(again, envelope);

    let mut store = saved(std::slice::from_ref(&workshop));
    assert_eq!(
        storage::load_all(&mut store, 2.0).library.workshops,
        vec![workshop.clone()]
    );
    // The same values as layout 2 wrote them (no ballots then): read as they stand.
    let mut older = saved(&[example_workshop("older")]);
    for key in older.keys() {
        let text = older.get(&key).expect("a value");
        older
            .set(
                &key,
                &text.replace(
                    &format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}"),
                    "\"schema_version\":2",
                ),
            )
            .expect("set");
    }
    let report = storage::load_all(&mut older, 3.0);
    assert!(report.newly_quarantined.is_empty());
    assert_eq!(report.library.workshops, vec![example_workshop("older")]);
}
