//! The stored format: fixtures of every released schema version, quarantine, a full store,
//! and imports that must never panic or change what is already there.
#![cfg(not(target_arch = "wasm32"))]

use pla_workshop::model::{ExerciseData, ExerciseKind, Library, Workshop};
use pla_workshop::storage::format::{read, Envelope, ReadError, SCHEMA_VERSION};
use pla_workshop::storage::import::plan_import;
use pla_workshop::storage::layout::STORAGE_SCHEMA_VERSION;
use pla_workshop::storage::{self, KeyValueStore, MemoryStore, Saver, StoreError};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../examples/phase-zero-workshop.json");

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/schema-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("every released version needs a frozen fixture: {path}: {e}"))
}

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

/// The text version 1 kept under a workshop's key: the workshop as a one-workshop file, of
/// the file format's version 1 (which that app wrote).
fn v1_text(workshop: &Workshop) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&Envelope::new(vec![workshop.clone()], 1.0).to_json())
            .expect("our own JSON");
    value["schema_version"] = 1.into();
    value.to_string()
}

fn store_with(entries: &[(&str, &str)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (key, value) in entries {
        store.set(key, value).unwrap();
    }
    store
}

/// A store holding `workshops` as this build saves them.
fn saved(workshops: &[Workshop]) -> MemoryStore {
    let mut store = MemoryStore::default();
    let mut saver = Saver::default();
    let library = Library {
        workshops: workshops.to_vec(),
    };
    for workshop in workshops {
        saver.changed(&workshop.id);
    }
    saver.flush(&mut store, &library, 1.0).expect("saved");
    store
}

fn example_workshop(id: &str) -> Workshop {
    let mut workshop = read(EXAMPLE)
        .expect("the example reads")
        .workshops
        .remove(0);
    workshop.id = id.into();
    workshop
}

/// A store that records each write, and can refuse every write after the first `limit`, as
/// if the tab had closed (or the machine crashed) there.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    writes: Vec<String>,
    limit: Option<usize>,
}

impl KeyValueStore for Recording {
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.limit.is_some_and(|limit| self.writes.len() >= limit) {
            return Err(StoreError::Other("the tab closed".into()));
        }
        self.writes.push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        if self.limit.is_some_and(|limit| self.writes.len() >= limit) {
            return;
        }
        self.writes.push(format!("remove {key}"));
        self.inner.remove(key);
    }
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
fn start_up_reads_headers_only_and_the_data_when_it_is_needed() {
    let original = example_workshop("example");
    let mut store = saved(std::slice::from_ref(&original));
    let before = store.entries.clone();
    let (mut saver, mut library, quarantined) = Saver::open(&mut store, 2.0);
    assert!(quarantined.is_empty());
    assert!(saver.has_unread());
    let early = library.get("example").expect("loaded").clone();
    // What the first page shows, each exercise's title and kind, is there already.
    let headings = |w: &Workshop| -> Vec<(String, String, ExerciseKind)> {
        w.exercises
            .iter()
            .map(|e| (e.id.clone(), e.title.clone(), e.data.kind()))
            .collect()
    };
    assert_eq!(headings(&early), headings(&original));
    // A change to the header before the data is read writes the header, never the empty
    // placeholders over the data.
    library.get_mut("example").expect("there").notes = "Typed at once.".into();
    saver.changed("example");
    saver.flush(&mut store, &library, 3.0).expect("saved");
    for (key, value) in &before {
        if key.starts_with(storage::EXERCISE_PREFIX) {
            assert_eq!(store.get(key).as_ref(), Some(value), "{key} untouched");
        }
    }
    assert!(saver.read_unread(&mut store, &mut library, 4.0).is_empty());
    assert!(!saver.has_unread());
    let mut expected = original.clone();
    expected.notes = "Typed at once.".into();
    assert_eq!(library.get("example"), Some(&expected));
    assert_eq!(storage::load_all(&mut store, 5.0).library, library);
}

#[test]
fn a_keystroke_in_the_notes_writes_the_header_and_a_map_edit_writes_only_the_map_and_header() {
    let original = example_workshop("w");
    let mut store = Recording {
        inner: saved(std::slice::from_ref(&original)),
        ..Default::default()
    };
    let report = storage::load_all(&mut store, 2.0);
    let (mut saver, mut library, _) = Saver::open(&mut store, 2.0);
    saver.read_unread(&mut store, &mut library, 2.0);
    assert_eq!(library, report.library);
    store.writes.clear();
    library.get_mut("w").expect("there").notes.push('x');
    saver.changed("w");
    saver.flush(&mut store, &library, 3.0).expect("saved");
    assert_eq!(store.writes, ["pla-workshop/workshop/w"]);
    let header = store.get("pla-workshop/workshop/w").expect("header");
    assert!(header.len() < 2_000, "about a kilobyte: {}", header.len());

    store.writes.clear();
    let map_id = original
        .exercises
        .iter()
        .find(|e| e.data.kind() == ExerciseKind::OrganisationalMap)
        .expect("a map")
        .id
        .clone();
    let workshop = library.get_mut("w").expect("there");
    if let Some(ExerciseData::OrganisationalMap(map)) =
        workshop.exercise_mut(&map_id).map(|e| &mut e.data)
    {
        map.question.push_str(" Who else?");
    }
    saver.changed("w");
    saver.flush(&mut store, &library, 4.0).expect("saved");
    assert_eq!(
        store.writes,
        [
            storage::exercise_key("w", &map_id),
            "pla-workshop/workshop/w".into()
        ]
    );
    // A title changes in the header alone.
    store.writes.clear();
    library.get_mut("w").expect("there").exercises[0]
        .make_mut()
        .title
        .push('!');
    saver.changed("w");
    saver.flush(&mut store, &library, 5.0).expect("saved");
    assert_eq!(store.writes, ["pla-workshop/workshop/w"]);
    assert_eq!(storage::load_all(&mut store, 6.0).library, library);
}

/// Every way a save can be cut short leaves a store that loads as the workshop before the
/// change or after it, each exercise whole, with nothing put aside.
#[test]
fn a_crash_between_any_two_writes_loses_nothing() {
    let before = example_workshop("w");
    let other = Workshop::new("other".into(), "Another workshop", 1.0);
    let mut changes: Vec<(&str, Library)> = Vec::new();
    let mut added = before.clone();
    added.add_exercise("new".into(), ExerciseKind::PowerVenn, "Venn, later");
    if let Some(ExerciseData::PowerVenn(venn)) = added.exercise_mut("new").map(|e| &mut e.data) {
        venn.community_label = "Us".into();
    }
    changes.push((
        "an exercise added",
        Library {
            workshops: vec![added, other.clone()],
        },
    ));
    let mut removed = before.clone();
    let gone = removed.exercises[1].id.clone();
    removed.remove_exercise(&gone);
    changes.push((
        "an exercise removed",
        Library {
            workshops: vec![removed, other.clone()],
        },
    ));
    let mut edited = before.clone();
    for exercise in &mut edited.exercises {
        exercise.make_mut().notes.push_str(" Revised.");
        if let ExerciseData::PairwiseRanking(ranking) = &mut exercise.make_mut().data {
            ranking.items.truncate(2);
            ranking.decisions.clear();
        }
    }
    changes.push((
        "every exercise edited",
        Library {
            workshops: vec![edited, other.clone()],
        },
    ));
    changes.push((
        "the workshop deleted",
        Library {
            workshops: vec![other.clone()],
        },
    ));
    let start = Library {
        workshops: vec![before.clone(), other.clone()],
    };
    for (what, after) in changes {
        for limit in 0..12 {
            let mut store = Recording {
                inner: saved(&start.workshops),
                limit: None,
                ..Default::default()
            };
            let (mut saver, mut library, _) = Saver::open(&mut store, 2.0);
            saver.read_unread(&mut store, &mut library, 2.0);
            store.limit = Some(limit);
            library = after.clone();
            saver.changed("w");
            let _ = saver.flush(&mut store, &library, 3.0);
            let reloaded = storage::load_all(&mut store.inner, 4.0);
            assert!(
                reloaded.newly_quarantined.is_empty(),
                "{what}, cut after {limit} writes: {:?}",
                reloaded.newly_quarantined
            );
            let as_before = reloaded.library == start;
            let as_after = reloaded.library.get("w") == after.get("w");
            // Exercises written before the header went are the new ones, under the old
            // header: each whole, the header's own fields as before.
            let each_whole = reloaded.library.get("w").is_some_and(|w| {
                w.exercises.iter().all(|e| {
                    before.exercise(&e.id).is_some_and(|b| b.data == e.data)
                        || after
                            .get("w")
                            .and_then(|a| a.exercise(&e.id))
                            .is_some_and(|a| a.data == e.data)
                }) && w.exercises.len() == before.exercises.len()
            });
            assert!(
                as_before || as_after || each_whole,
                "{what}, cut after {limit} writes: neither before nor after"
            );
            assert_eq!(reloaded.library.get("other"), Some(&other));
        }
    }
}

#[test]
fn one_damaged_exercise_is_put_aside_alone_and_its_workshop_stays() {
    let original = example_workshop("w");
    let mut store = saved(std::slice::from_ref(&original));
    let map = original
        .exercises
        .iter()
        .find(|e| e.data.kind() == ExerciseKind::OrganisationalMap)
        .expect("a map");
    let key = storage::exercise_key("w", &map.id);
    let damaged = store.get(&key).expect("stored").replacen(
        "\"influence\":5",
        "\"influence\":\"very high\"",
        1,
    );
    store.set(&key, &damaged).unwrap();
    let report = storage::load_all(&mut store, 2.0);
    let workshop = report.library.get("w").expect("the workshop stays");
    assert_eq!(workshop.exercises.len(), original.exercises.len() - 1);
    assert!(workshop.exercise(&map.id).is_none());
    for exercise in &workshop.exercises {
        assert_eq!(Some(&**exercise), original.exercise(&exercise.id));
    }
    assert_eq!(report.newly_quarantined.len(), 1);
    let (quarantine_key, record) = &report.newly_quarantined[0];
    assert_eq!(record.raw, damaged, "kept byte for byte");
    assert_eq!(record.original_key, key);
    assert!(record.reason.contains("invalid type"), "{}", record.reason);
    assert!(record.reason.contains(&map.title), "{}", record.reason);
    assert!(store.get(quarantine_key).is_some());
    assert_eq!(
        store.get(&key),
        None,
        "moved aside, so nothing saves over it"
    );
    // The header no longer names it, so the next start reports nothing new.
    let again = storage::load_all(&mut store, 3.0);
    assert!(again.newly_quarantined.is_empty());
    assert_eq!(again.library, report.library);
    assert_eq!(storage::quarantined(&store).len(), 1);
}

#[test]
fn an_unreadable_header_goes_aside_with_its_exercises_and_orphans_are_swept() {
    let good = example_workshop("good");
    let bad = example_workshop("bad");
    let mut store = saved(&[good.clone(), bad.clone()]);
    let bad_data: Vec<String> = bad
        .exercises
        .iter()
        .map(|e| storage::exercise_key("bad", &e.id))
        .collect();
    store
        .set("pla-workshop/workshop/bad", "{\"format\": \"pla-wor")
        .unwrap();
    // Left by a crash: data no header names.
    store
        .set(&storage::exercise_key("gone", "e"), "{}")
        .unwrap();
    store
        .set(&storage::exercise_key("good", "not-listed"), "{}")
        .unwrap();
    let report = storage::load_all(&mut store, 2.0);
    assert_eq!(report.library.workshops, vec![good]);
    assert_eq!(report.newly_quarantined.len(), 1 + bad_data.len());
    for key in &bad_data {
        assert_eq!(store.get(key), None);
        assert!(report
            .newly_quarantined
            .iter()
            .any(|(_, r)| &r.original_key == key
                && r.reason.contains("Its workshop could not be read")));
    }
    assert_eq!(store.get(&storage::exercise_key("gone", "e")), None);
    assert_eq!(
        store.get(&storage::exercise_key("good", "not-listed")),
        None
    );
}

#[test]
fn another_tabs_save_is_taken_key_by_key_and_unchanged_exercises_stay_shared() {
    let original = example_workshop("w");
    let mut store = saved(std::slice::from_ref(&original));
    let (mut here, mut library_here, _) = Saver::open(&mut store, 1.0);
    here.read_unread(&mut store, &mut library_here, 1.0);
    let (mut there, mut library_there, _) = Saver::open(&mut store, 1.0);
    there.read_unread(&mut store, &mut library_there, 1.0);
    // The other tab edits the ranking and renames the workshop.
    let ranking_id = original
        .exercises
        .iter()
        .find(|e| e.data.kind() == ExerciseKind::PairwiseRanking)
        .expect("a ranking")
        .id
        .clone();
    let workshop = library_there.get_mut("w").expect("there");
    workshop.title = "Renamed there".into();
    if let Some(ExerciseData::PairwiseRanking(ranking)) =
        workshop.exercise_mut(&ranking_id).map(|e| &mut e.data)
    {
        ranking.decisions.clear();
    }
    let mut recording = Recording {
        inner: store,
        ..Default::default()
    };
    there.changed("w");
    there
        .flush(&mut recording, &library_there, 2.0)
        .expect("saved");
    let before_here = library_here.get("w").expect("here").clone();
    // The storage events arrive in the order of the writes.
    let mut outcome = storage::OtherTab::Nothing;
    for key in recording.writes.clone() {
        let value = recording.get(&key);
        outcome = here.take_other_tab_change(&recording, &mut library_here, &key, value.as_deref());
    }
    assert_eq!(
        outcome,
        storage::OtherTab::Replaced {
            workshop: "w".into(),
            title: "Renamed there".into()
        }
    );
    assert_eq!(library_here, library_there);
    let now_here = library_here.get("w").expect("here");
    for (old, new) in before_here.exercises.iter().zip(&now_here.exercises) {
        let shared = std::ptr::eq::<pla_workshop::model::Exercise>(&**old, &**new);
        assert_eq!(shared, old.id != ranking_id, "{}", old.title);
    }
    // A workshop this tab could not save is not replaced.
    here.changed("w");
    let header = recording.get("pla-workshop/workshop/w");
    assert_eq!(
        here.take_other_tab_change(
            &recording,
            &mut library_here,
            "pla-workshop/workshop/w",
            header.as_deref()
        ),
        storage::OtherTab::Conflict {
            workshop: "w".into()
        }
    );
}

#[test]
fn unreadable_values_are_quarantined_with_their_raw_text_and_the_rest_loads() {
    let good = Workshop::new("good".into(), "Readable", 1.0);
    let mut store = saved(std::slice::from_ref(&good));
    let good_text = store.get("pla-workshop/workshop/good").expect("saved");
    let newer = r#"{"format":"pla-workshop","schema_version":9,"saved_at":0,"workshops":[]}"#;
    store
        .set("pla-workshop/workshop/corrupt", "{\"format\": \"pla-wor")
        .unwrap();
    store.set("pla-workshop/workshop/newer", newer).unwrap();
    let report = storage::load_all(&mut store, 42.0);
    assert_eq!(report.library.workshops, vec![good]);
    assert_eq!(report.newly_quarantined.len(), 2);
    assert_eq!(store.get("pla-workshop/workshop/good"), Some(good_text));
    assert_eq!(
        store.get("pla-workshop/workshop/corrupt"),
        None,
        "moved aside, so a save cannot overwrite it"
    );
    let kept = storage::quarantined(&store);
    let raws: Vec<&str> = kept.iter().map(|(_, r)| r.raw.as_str()).collect();
    assert!(raws.contains(&"{\"format\": \"pla-wor"));
    assert!(raws.contains(&newer));
    let newer_reason = &kept.iter().find(|(_, r)| r.raw == newer).unwrap().1.reason;
    assert!(newer_reason.contains("newer version"), "{newer_reason}");
}

/// `text` with the first string value of `field` replaced by `raw` (JSON as written by the
/// app: no spaces, and no escaped quote inside that value).
fn replace_first_string_value(text: &str, field: &str, raw: &str) -> String {
    let opening = format!("\"{field}\":\"");
    let start = text.find(&opening).expect("the field is there") + opening.len() - 1;
    let end = start + 1 + text[start + 1..].find('"').expect("the value ends");
    format!("{}{raw}{}", &text[..start], &text[end + 1..])
}

#[test]
fn a_version_1_value_that_breaks_a_rule_is_put_aside_whole() {
    // A link from an actor that does not exist: well-formed JSON, but the map breaks a rule.
    let dangling =
        replace_first_string_value(&v1_text(&example_workshop("d")), "from", "\"nobody\"");
    let good = example_workshop("good");
    let mut store = store_with(&[
        ("pla-workshop/workshop/d", &dangling),
        ("pla-workshop/workshop/good", &v1_text(&good)),
    ]);
    let report = storage::load_all(&mut store, 2.0);
    assert_eq!(report.library.workshops, vec![good]);
    assert_eq!(report.newly_quarantined.len(), 1);
    let (_, record) = &report.newly_quarantined[0];
    assert_eq!(record.raw, dangling);
    assert!(
        record.reason.contains("\"nobody\" does not exist"),
        "{}",
        record.reason
    );
}

#[test]
fn the_crash_backup_reads_every_readable_workshop_and_exercise_from_storage() {
    let good = example_workshop("good");
    let legacy = example_workshop("legacy");
    let mut store = saved(std::slice::from_ref(&good));
    store
        .set("pla-workshop/workshop/legacy", &v1_text(&legacy))
        .unwrap();
    store
        .set("pla-workshop/workshop/broken", "{ not json")
        .unwrap();
    let backup = storage::backup_from_store(&store, 2.0);
    let envelope = read(&backup).expect("the backup imports");
    assert_eq!(envelope.workshops, vec![good, legacy]);
}

#[test]
fn a_value_stored_under_another_workshops_key_is_quarantined() {
    let text = v1_text(&Workshop::new("a".into(), "A", 1.0));
    let mut store = store_with(&[("pla-workshop/workshop/b", &text)]);
    let report = storage::load_all(&mut store, 1.0);
    assert!(report.library.workshops.is_empty());
    assert_eq!(report.newly_quarantined.len(), 1);
}

#[test]
fn when_storage_is_too_full_for_the_quarantine_copy_the_original_stays() {
    let mut store = store_with(&[("pla-workshop/workshop/x", "not json at all")]);
    store.quota_chars = Some(50);
    let report = storage::load_all(&mut store, 1.0);
    assert_eq!(report.newly_quarantined.len(), 1);
    assert_eq!(
        store.get("pla-workshop/workshop/x").as_deref(),
        Some("not json at all")
    );
}

#[test]
fn a_full_store_keeps_the_change_unsaved_and_saves_it_once_there_is_room() {
    let mut store = MemoryStore {
        quota_chars: Some(100),
        ..Default::default()
    };
    let workshop = Workshop::new(
        "w".into(),
        "A workshop with a long enough title to overflow",
        1.0,
    );
    let library = Library {
        workshops: vec![workshop],
    };
    let mut saver = Saver::default();
    saver.changed("w");
    assert_eq!(
        saver.flush(&mut store, &library, 1.0),
        Err(StoreError::QuotaExceeded)
    );
    assert!(saver.is_unsaved("w"));
    store.quota_chars = None;
    assert_eq!(saver.flush(&mut store, &library, 2.0), Ok(()));
    assert!(!saver.is_unsaved("w"));
    assert_eq!(storage::load_all(&mut store, 3.0).library, library);
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
fn ids_with_slashes_make_keys_that_name_them_back() {
    let mut workshop = example_workshop("a/b%2F");
    workshop.exercises[0].make_mut().id = "x/y".into();
    let mut store = saved(std::slice::from_ref(&workshop));
    assert!(store.get(&storage::exercise_key("a/b%2F", "x/y")).is_some());
    assert_eq!(
        storage::load_all(&mut store, 2.0).library.workshops,
        vec![workshop]
    );
}

#[test]
fn import_errors_say_where_and_why() {
    let library = Library::default();
    let broken = EXAMPLE.replacen("\"influence\": 5", "\"influence\": \"high\"", 1);
    let expected_line = EXAMPLE
        .lines()
        .position(|l| l.contains("\"influence\": 5"))
        .unwrap()
        + 1;
    match plan_import(&library, &broken) {
        Err(ReadError::WrongValue { line, message, .. }) => {
            assert_eq!(line, expected_line);
            assert!(message.contains("\"high\""), "{message}");
        }
        other => panic!("expected a wrong-value error, got {other:?}"),
    }
    let dangling = EXAMPLE.replacen("\"to\": \"", "\"to\": \"nobody-", 1);
    let error = plan_import(&library, &dangling).unwrap_err();
    assert!(error.to_string().contains("does not exist"), "{error}");
}

#[test]
fn hostile_files_give_errors_not_panics() {
    let library = Library::default();
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(plan_import(&library, &deep).is_err());
    let deep_inside = format!(
        r#"{{"format":"pla-workshop","schema_version":1,"saved_at":0,"x":{deep},"workshops":{deep}}}"#
    );
    assert!(plan_import(&library, &deep_inside).is_err());
    let huge_number = EXAMPLE.replacen("\"saved_at\": 1760007200000.0", "\"saved_at\": 1e999", 1);
    assert!(plan_import(&library, &huge_number).is_err());
    let too_big = " ".repeat(storage::format::MAX_FILE_BYTES + 1);
    assert!(matches!(
        plan_import(&library, &too_big),
        Err(ReadError::TooLarge { .. })
    ));
    let markup = EXAMPLE.replacen(
        "Phase zero: how coproduction works",
        "<img src=x onerror=alert(1)>",
        1,
    );
    let plan = plan_import(&library, &markup).expect("markup in a label is just text");
    assert_eq!(plan.fresh[0].title, "<img src=x onerror=alert(1)>");
}

/// Takes the example file and damages it: cuts it, or replaces, inserts or deletes bytes.
fn mutate(source: &str, edits: &[(usize, u8, u8)]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for &(at, op, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        match op % 4 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random and damaged values never panic, the good workshop beside them is untouched,
    /// and whatever cannot be read is kept byte for byte.
    #[test]
    fn damaged_stored_values_never_panic_or_change_other_data(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
        noise in ".{0,200}",
    ) {
        let good = example_workshop("good");
        let mut store = saved(std::slice::from_ref(&good));
        let good_entries = store.entries.clone();
        let example_id = read(EXAMPLE).unwrap().workshops[0].id.clone();
        let damaged = mutate(EXAMPLE, &edits);
        store.set(&format!("pla-workshop/workshop/{example_id}"), &damaged).unwrap();
        store.set("pla-workshop/workshop/noise", &noise).unwrap();
        let report = storage::load_all(&mut store, 5.0);
        prop_assert_eq!(report.library.get("good"), Some(&good));
        for (key, value) in &good_entries {
            prop_assert_eq!(store.get(key), Some(value.clone()));
        }
        let kept = storage::quarantined(&store);
        let is_kept = |raw: &str| kept.iter().any(|(_, r)| r.raw == raw);
        prop_assert!(report.library.get(&example_id).is_some() || is_kept(&damaged), "the damaged value was neither loaded nor kept aside");
        prop_assert!(is_kept(&noise), "the noise was not kept aside");
    }

    /// A damaged exercise's data never panics, and never takes the rest of its workshop.
    #[test]
    fn a_damaged_exercise_value_is_read_or_kept_and_the_others_stay(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
        which in 0usize..5,
    ) {
        let original = example_workshop("w");
        let mut store = saved(std::slice::from_ref(&original));
        let target = original.exercises[which % original.exercises.len()].id.clone();
        let key = storage::exercise_key("w", &target);
        let damaged = mutate(&store.get(&key).unwrap(), &edits);
        store.set(&key, &damaged).unwrap();
        let report = storage::load_all(&mut store, 5.0);
        let workshop = report.library.get("w").expect("the workshop stays");
        for exercise in original.exercises.iter().filter(|e| e.id != target) {
            prop_assert_eq!(workshop.exercise(&exercise.id), Some(&**exercise));
        }
        let kept = storage::quarantined(&store);
        prop_assert!(workshop.exercise(&target).is_some() || kept.iter().any(|(_, r)| r.raw == damaged));
    }

    /// A damaged file is refused with a reason, or, if the damage left it valid, every
    /// workshop it brings keeps the model's rules. It never panics.
    #[test]
    fn damaged_import_files_are_refused_or_valid_never_a_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let library = Library::default();
        match plan_import(&library, &mutate(EXAMPLE, &edits)) {
            Ok(plan) => for workshop in plan.fresh {
                prop_assert!(workshop.check().is_empty());
            },
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
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
