//! What cannot be read is put aside untouched, and the rest loads.

use super::*;

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
