//! Names left over, inside a longer word.

use super::*;

#[test]
fn a_name_inside_a_longer_word_is_left_over_but_not_one_inside_a_pseudonym() {
    let mut w = Workshop::new("w".into(), "T", 0.0);
    let mut mary = actor("a1", "St Mary's", "faith");
    mary.notes = "Mosques nearby; we met at St Mary'sCentre.".into();
    let map = OrgMap {
        actors: vec![mary, actor("a2", "Mosque", "faith")],
        ..OrgMap::default()
    };
    w.exercises = vec![exercise(
        "m",
        "Who helps",
        "",
        ExerciseData::OrganisationalMap(map),
    )];
    w.exercises[0].make_mut().group_id = None;
    let publication = Publication {
        pseudonyms: vec![Pseudonym {
            original: "mosque".into(),
            pseudonym: "Mosque group X".into(),
        }],
        organisation_items: Vec::new(),
    };
    let table = name_table(&w, &publication);
    let published = pseudonymise(&w, &table, &PublishOptions::default());
    assert_eq!(map_of(&published).actors[1].name, "Mosque group X");
    let place = "Map “Who helps”: actor “Faith group A”, notes";
    let text = "Mosques nearby; we met at St Mary'sCentre.";
    assert_eq!(
        leftovers(&published, &table),
        [
            Leftover {
                place: place.into(),
                name: "Mosque".into(),
                excerpt: "Mosques nearby; we met at St Mary'sC…".into(),
            },
            Leftover {
                place: place.into(),
                name: "St Mary's".into(),
                excerpt: text.into(),
            },
        ]
    );
    let json = serde_json::to_string(&published).expect("a workshop serialises");
    assert_eq!(names_found_in(&json, &table), ["St Mary's", "Mosque"]);
    assert!(names_found_in("Mosque group X", &table).is_empty());
    assert_eq!(names_found_in("mosque group", &table), ["Mosque"]);
}

#[test]
fn the_table_replaces_as_its_pairs_do() {
    let table = table_of(&[("Police", "Statutory service B")]);
    assert_eq!(
        replacements(&table),
        pairs(&[("Police", "Statutory service B")])
    );
}
