//! The stored format: fixtures of every released schema version, quarantine, a full store,
//! and imports that must never panic or change what is already there.
#![cfg(not(target_arch = "wasm32"))]

use pla_workshop::model::{ExerciseKind, Library, Workshop};
use pla_workshop::storage::format::{read, Envelope, ReadError, SCHEMA_VERSION};
use pla_workshop::storage::import::plan_import;
use pla_workshop::storage::{self, KeyValueStore, MemoryStore, StoreError};
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
        assert_eq!(workshop.exercises.len(), 5, "schema v{version}");
    }
}

#[test]
fn the_example_file_is_valid_and_round_trips() {
    let envelope = read(EXAMPLE).expect("the example reads");
    let again = read(&envelope.to_json()).expect("what we write reads back");
    assert_eq!(envelope, again);
}

#[test]
fn a_save_that_reuses_unchanged_exercises_writes_exactly_what_a_full_save_writes() {
    use pla_workshop::model::ExerciseData;
    use pla_workshop::storage::format::{single_workshop_json, single_workshop_json_cached};
    let mut workshop = read(EXAMPLE).expect("the example reads").workshops[0].clone();
    let mut cache = storage::ExerciseJsonCache::default();
    // Written ahead, as the app's idle warm-up does after loading (through the same parts).
    let _ = pla_workshop::storage::format::single_workshop_json_parts(&workshop, 0.0, &mut cache);
    let same = |w: &Workshop, cache: &mut storage::ExerciseJsonCache| {
        assert_eq!(
            single_workshop_json_cached(w, 7.0, cache),
            single_workshop_json(w, 7.0)
        );
    };
    same(&workshop, &mut cache);
    // The workshop's own fields change; every exercise is reused.
    workshop.notes.push_str(" More notes.");
    workshop.title = "Renamed <b>\"workshop\"</b>".into();
    same(&workshop, &mut cache);
    // One exercise changes inside its data: the reused text must not be the old one.
    let first = workshop.exercises[0].make_mut();
    first.title.push_str(" (revised)");
    match first.data.read_mut() {
        Some(ExerciseData::OrganisationalMap(map)) => map.question.push_str(" Who else?"),
        Some(ExerciseData::PowerVenn(diagram)) => diagram.community_label.push('!'),
        Some(ExerciseData::PairwiseRanking(ranking)) => ranking.items.clear(),
        None => panic!("the example's data is read"),
    }
    same(&workshop, &mut cache);
    // Exercises reordered and one removed; and the same exercise ids in a copied workshop.
    workshop.exercises.reverse();
    workshop.exercises.pop();
    same(&workshop, &mut cache);
    let mut copy = workshop.clone();
    copy.id = "copy".into();
    copy.exercises[0].make_mut().notes = "Only in the copy.".into();
    same(&copy, &mut cache);
    same(&workshop, &mut cache);
}

#[test]
fn a_saves_parts_keep_their_version_until_their_exercise_changes() {
    use pla_workshop::storage::format::single_workshop_json_parts;
    let mut workshop = example_workshop("w");
    // A title that holds the very text the parts are cut at.
    workshop.title = "\"exercises\":[] and ] and ,".into();
    let mut cache = storage::ExerciseJsonCache::default();
    let versions = |w: &Workshop, cache: &mut storage::ExerciseJsonCache| -> Vec<u64> {
        let parts = single_workshop_json_parts(w, 1.0, cache).expect("parts");
        assert_eq!(parts.joined(), storage::stored_text(w, 1.0));
        parts
            .exercises
            .iter()
            .map(|(_, version, _)| *version)
            .collect()
    };
    let first = versions(&workshop, &mut cache);
    workshop.notes.push_str(" More notes.");
    assert_eq!(versions(&workshop, &mut cache), first, "nothing rewritten");
    workshop.exercises[1].make_mut().title.push('!');
    let after_edit = versions(&workshop, &mut cache);
    assert_eq!(after_edit[0], first[0]);
    assert!(
        after_edit[1] > first[1],
        "a changed exercise gets a new version"
    );
    assert_eq!(after_edit[2..], first[2..]);
    // Another cache never hands out a version already used.
    let mut other = storage::ExerciseJsonCache::default();
    let fresh = versions(&workshop, &mut other);
    assert!(fresh
        .iter()
        .all(|v| !after_edit.contains(v) && !first.contains(v)));
}

fn store_with(entries: &[(&str, &str)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (key, value) in entries {
        store.set(key, value).unwrap();
    }
    store
}

#[test]
fn unreadable_values_are_quarantined_with_their_raw_text_and_the_rest_loads() {
    let good = Workshop::new("good".into(), "Readable", 1.0);
    let good_text = storage::stored_text(&good, 1.0);
    let newer = r#"{"format":"pla-workshop","schema_version":9,"saved_at":0,"workshops":[]}"#;
    let mut store = store_with(&[
        ("pla-workshop/workshop/good", &good_text),
        ("pla-workshop/workshop/corrupt", "{\"format\": \"pla-wor"),
        ("pla-workshop/workshop/newer", newer),
    ]);
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

/// The example workshop's stored text, with a link from an actor that does not exist:
/// well-formed JSON, but the map breaks a rule.
fn stored_with_a_dangling_link(id: &str) -> String {
    replace_first_string_value(
        &storage::stored_text(&example_workshop(id), 1.0),
        "from",
        "\"nobody\"",
    )
}

fn example_workshop(id: &str) -> Workshop {
    let mut workshop = read(EXAMPLE)
        .expect("the example reads")
        .workshops
        .remove(0);
    workshop.id = id.into();
    workshop
}

#[test]
fn start_up_reads_titles_and_kinds_first_and_the_data_once_the_page_is_up() {
    let original = example_workshop("example");
    let text = storage::stored_text(&original, 1.0);
    let mut store = store_with(&[("pla-workshop/workshop/example", &text)]);
    let mut report = storage::load_all_but_exercise_data(&mut store, 2.0);
    assert!(report.newly_quarantined.is_empty());
    let early = report.library.get("example").expect("loaded").clone();
    assert!(early.exercises.iter().all(|e| e.data.is_unread()));
    // What the first page shows, each exercise's title and kind, is there already.
    let headings = |w: &Workshop| -> Vec<(String, String, ExerciseKind)> {
        w.exercises
            .iter()
            .map(|e| (e.id.clone(), e.title.clone(), e.data.kind()))
            .collect()
    };
    assert_eq!(headings(&early), headings(&original));
    // Saved before its data is read, the workshop is written exactly as the whole one is.
    assert_eq!(
        storage::stored_text(&early, 3.0),
        storage::stored_text(&original, 3.0)
    );
    let quarantined = storage::read_deferred(&mut store, &mut report.library, 4.0);
    assert!(quarantined.is_empty());
    assert_eq!(report.library.get("example"), Some(&original));
    assert_eq!(
        storage::load_all(&mut store, 5.0).library,
        report.library,
        "the same as reading everything at once"
    );
}

#[test]
fn data_that_cannot_be_read_is_quarantined_when_it_is_read_and_the_rest_stays() {
    let good = example_workshop("good");
    let good_text = storage::stored_text(&good, 1.0);
    let dangling = stored_with_a_dangling_link("dangling");
    // A number where the map's question belongs: the data has the wrong shape.
    let wrong_shape = replace_first_string_value(
        &storage::stored_text(&example_workshop("wrong"), 1.0),
        "question",
        "7",
    );
    let mut store = store_with(&[
        ("pla-workshop/workshop/good", &good_text),
        ("pla-workshop/workshop/dangling", &dangling),
        ("pla-workshop/workshop/wrong", &wrong_shape),
    ]);
    let mut report = storage::load_all_but_exercise_data(&mut store, 2.0);
    assert!(report.newly_quarantined.is_empty(), "titles and kinds read");
    assert_eq!(report.library.workshops.len(), 3);

    let quarantined = storage::read_deferred(&mut store, &mut report.library, 3.0);
    assert_eq!(report.library.workshops, vec![good]);
    assert_eq!(store.get("pla-workshop/workshop/good"), Some(good_text));
    assert_eq!(quarantined.len(), 2);
    for (key, record) in &quarantined {
        assert_eq!(store.get(&record.original_key), None, "moved aside");
        let expected = if record.original_key.ends_with("dangling") {
            assert!(
                record.reason.contains("\"nobody\" does not exist"),
                "{}",
                record.reason
            );
            &dangling
        } else {
            assert!(record.reason.contains("invalid type"), "{}", record.reason);
            &wrong_shape
        };
        assert_eq!(&record.raw, expected, "the stored text, unchanged");
        assert!(store.get(key).is_some(), "kept under {key}");
    }
}

#[test]
fn a_good_version_saved_by_another_tab_before_the_data_is_read_is_taken_not_quarantined() {
    let damaged = stored_with_a_dangling_link("w");
    let mut store = store_with(&[("pla-workshop/workshop/w", &damaged)]);
    let mut report = storage::load_all_but_exercise_data(&mut store, 2.0);
    // Another tab saves a good version before this one reads the data.
    let mut good = example_workshop("w");
    good.notes = "Saved by the other tab.".into();
    let good_text = storage::stored_text(&good, 3.0);
    store.set("pla-workshop/workshop/w", &good_text).unwrap();
    let quarantined = storage::read_deferred(&mut store, &mut report.library, 4.0);
    assert!(quarantined.is_empty());
    assert_eq!(report.library.get("w"), Some(&good));
    assert_eq!(store.get("pla-workshop/workshop/w"), Some(good_text));
}

#[test]
fn the_crash_backup_reads_and_checks_the_data_even_from_inside_a_deferred_read() {
    let dangling = stored_with_a_dangling_link("dangling");
    let good = example_workshop("good");
    let store = store_with(&[
        (
            "pla-workshop/workshop/good",
            &storage::stored_text(&good, 1.0),
        ),
        ("pla-workshop/workshop/dangling", &dangling),
    ]);
    // As if start-up's deferred read had panicked and the crash overlay made its backup.
    let backup = pla_workshop::model::read_with_exercise_data_unread(|| {
        storage::backup_from_store(&store, 2.0)
    });
    let envelope = read(&backup).expect("the backup imports");
    assert_eq!(envelope.workshops, vec![good]);
}

#[test]
fn reading_with_data_unread_ends_even_when_the_read_panics() {
    let text = storage::stored_text(&example_workshop("w"), 1.0);
    let panicked = std::panic::catch_unwind(|| {
        pla_workshop::model::read_with_exercise_data_unread(|| panic!("a bug while reading"))
    });
    assert!(panicked.is_err());
    let envelope = read(&text).expect("reads");
    assert!(envelope.workshops[0]
        .exercises
        .iter()
        .all(|e| e.data.read().is_some()));
}

#[test]
fn a_value_stored_under_another_workshops_key_is_quarantined() {
    let text = storage::stored_text(&Workshop::new("a".into(), "A", 1.0), 1.0);
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
fn a_full_store_refuses_the_save_and_says_so() {
    let mut store = MemoryStore {
        quota_chars: Some(100),
        ..Default::default()
    };
    let workshop = Workshop::new(
        "w".into(),
        "A workshop with a long enough title to overflow",
        1.0,
    );
    assert_eq!(
        storage::save_workshop(&mut store, &workshop, 1.0),
        Err(StoreError::QuotaExceeded)
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
        let good = Workshop::new("good".into(), "Untouched", 1.0);
        let good_text = storage::stored_text(&good, 1.0);
        let example_id = read(EXAMPLE).unwrap().workshops[0].id.clone();
        let damaged = mutate(EXAMPLE, &edits);
        let mut store = store_with(&[
            ("pla-workshop/workshop/good", &good_text),
            (&format!("pla-workshop/workshop/{example_id}"), &damaged),
            ("pla-workshop/workshop/noise", &noise),
        ]);
        let report = storage::load_all(&mut store, 5.0);
        prop_assert_eq!(report.library.get("good"), Some(&good));
        prop_assert_eq!(store.get("pla-workshop/workshop/good"), Some(good_text));
        let kept = storage::quarantined(&store);
        let is_kept = |raw: &str| kept.iter().any(|(_, r)| r.raw == raw);
        prop_assert!(report.library.get(&example_id).is_some() || is_kept(&damaged), "the damaged value was neither loaded nor kept aside");
        prop_assert!(is_kept(&noise), "the noise was not kept aside");
    }

    #[test]
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
