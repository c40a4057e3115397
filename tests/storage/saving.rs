//! What a save writes, and when: key by key, across a crash, another tab or a full store.

use super::*;

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
    let map_id = first_exercise_of(&original, ExerciseKind::OrganisationalMap);
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
fn another_tabs_save_is_taken_key_by_key_and_unchanged_exercises_stay_shared() {
    let original = example_workshop("w");
    let mut store = saved(std::slice::from_ref(&original));
    let (mut here, mut library_here, _) = Saver::open(&mut store, 1.0);
    here.read_unread(&mut store, &mut library_here, 1.0);
    let (mut there, mut library_there, _) = Saver::open(&mut store, 1.0);
    there.read_unread(&mut store, &mut library_there, 1.0);
    // The other tab edits the ranking and renames the workshop.
    let ranking_id = first_exercise_of(&original, ExerciseKind::PairwiseRanking);
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
