//! Damaged, random and hostile files and values: errors with a reason, never a panic, and
//! never a change to what is already there.

use super::*;

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
