//! What file format 3 and storage layout 4 brought: a vignette and the workshop's plan
//! survive the file, the store and a reload; values stored by layouts 2 and 3 still read as
//! they stand; and every file in `examples/` reads.

use super::*;
use pla_workshop::model::plan::PlanEntry;
use pla_workshop::storage::layout::workshop_key;

fn fixture_v3() -> Workshop {
    read(&fixture(3)).expect("it reads").workshops.remove(0)
}

#[test]
fn the_schema_3_fixture_holds_a_vignette_and_a_plan_with_a_break_and_visits() {
    const { assert!(SCHEMA_VERSION >= 3) };
    let workshop = fixture_v3();
    let vignette = workshop
        .exercises
        .iter()
        .find_map(|e| match &e.data {
            ExerciseData::Vignette(v) => Some(v.clone()),
            _ => None,
        })
        .expect("a vignette");
    assert!(!vignette.scenario.is_empty() && vignette.has_next_part());
    assert_eq!(vignette.questions.len(), 3);
    assert!(vignette.responses.iter().any(|r| r.resources.len() == 2));
    assert!(workshop
        .plan
        .iter()
        .any(|p| matches!(p.entry, PlanEntry::Break { .. })));
    assert!(workshop.plan.iter().any(|p| p.visits.len() == 2));
    // The running order: the plan's four items, then the four exercises it does not name.
    assert_eq!(workshop.running_order().len(), 4 + 4);
    assert!(
        workshop.is_over("p-map", 0.0),
        "the map ran over: 35 minutes of 30"
    );
}

#[test]
fn a_vignette_and_the_plan_survive_the_file_the_store_and_a_reload() {
    let workshop = fixture_v3();
    let envelope = Envelope::new(vec![workshop.clone()], 5.0);
    assert_eq!(read(&envelope.to_json()), Ok(envelope.clone()));

    let mut store = saved(std::slice::from_ref(&workshop));
    let header = store.get(&workshop_key(&workshop.id)).expect("a header");
    assert!(header.contains(&format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}")));
    assert!(
        header.contains("\"plan\":["),
        "the plan is workshop-level: in the header"
    );
    assert!(header.contains("\"kind\":\"vignette\""));
    let report = storage::load_all(&mut store, 2.0);
    assert!(report.newly_quarantined.is_empty());
    assert_eq!(report.library.workshops, vec![workshop.clone()]);

    // A change to the plan alone is saved, and read back.
    let mut changed = workshop.clone();
    assert!(changed.add_break("lunch-2".into(), "Lunch".into(), 45, 2));
    assert!(changed.record_open("lunch-2", 1_791_460_000_000.0));
    let mut saver = Saver::default();
    saver.changed(&changed.id);
    let library = Library {
        workshops: vec![changed.clone()],
    };
    saver.flush(&mut store, &library, 3.0).expect("saved");
    assert_eq!(
        storage::load_all(&mut store, 4.0).library.workshops,
        vec![changed]
    );
}

#[test]
fn values_stored_by_layouts_2_and_3_read_as_they_stand() {
    let workshop = fixture_v3();
    for older in [2, 3] {
        let mut store = saved(std::slice::from_ref(&workshop));
        for key in store.keys() {
            let text = store.get(&key).expect("a value");
            let text = text.replace(
                &format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}"),
                &format!("\"schema_version\":{older}"),
            );
            store.set(&key, &text).expect("set");
        }
        let report = storage::load_all(&mut store, 3.0);
        assert!(report.newly_quarantined.is_empty(), "layout {older}");
        assert_eq!(
            report.library.workshops,
            vec![workshop.clone()],
            "layout {older}"
        );
    }
}

#[test]
fn a_newer_layout_is_put_aside_not_dropped() {
    let workshop = fixture_v3();
    let mut store = saved(std::slice::from_ref(&workshop));
    let key = workshop_key(&workshop.id);
    let text = store.get(&key).expect("a header").replace(
        &format!("\"schema_version\":{STORAGE_SCHEMA_VERSION}"),
        &format!("\"schema_version\":{}", STORAGE_SCHEMA_VERSION + 1),
    );
    store.set(&key, &text).expect("set");
    let report = storage::load_all(&mut store, 3.0);
    assert!(report.library.workshops.is_empty());
    assert!(!report.newly_quarantined.is_empty());
}

#[test]
fn every_example_file_reads_and_round_trips() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .expect("the examples folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for path in names {
        let text = std::fs::read_to_string(&path).expect("readable");
        let envelope = read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            read(&envelope.to_json()),
            Ok(envelope.clone()),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_vignettes_example_runs_two_vignettes_with_a_break_between_them() {
    let text = include_str!("../../examples/vignettes-workshop.json");
    let envelope = read(text).expect("the example reads");
    assert_eq!(envelope.schema_version, SCHEMA_VERSION);
    let workshop = &envelope.workshops[0];
    let order = workshop.running_order();
    assert_eq!(order.len(), 3);
    assert!(matches!(order[1].entry, PlanEntry::Break { .. }));
    for item in [&order[0], &order[2]] {
        let PlanEntry::Exercise { exercise_id } = &item.entry else {
            panic!("an exercise first and last");
        };
        let Some(ExerciseData::Vignette(v)) = workshop.exercise(exercise_id).map(|e| &e.data)
        else {
            panic!("a vignette");
        };
        assert!(v.questions.len() >= 2 && v.has_next_part() && !v.scenario.is_empty());
        assert!(item.planned_minutes.is_some());
    }
}
