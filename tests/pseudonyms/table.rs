//! The table of names: each once, with its default or the typed pseudonym.

use super::*;

#[test]
fn the_table_holds_each_name_once_with_its_default_or_the_typed_pseudonym() {
    use NameSource::*;
    let table = name_table(&workshop(), &publication());
    assert_eq!(
        table,
        [
            row("Leeds", Place, "", "[Study Location]"),
            row(
                "Mosque women's group",
                Actor,
                "Faith group",
                "Faith group A"
            ),
            row("Pentecostal church", Actor, "Faith group", "Church X"),
            row("Mosque", Actor, "Faith group", "Faith group B"),
            row(
                "NHS trust",
                Actor,
                "Statutory service",
                "Statutory service A"
            ),
            row("Age UK", Actor, "", "Organisation A"),
            // "  nhs TRUST " is the actor's name again; "Core funding" is not ticked.
            row(
                "Police",
                Institution,
                "Statutory service",
                "Statutory service B"
            ),
            row("Council", Institution, "", "Organisation B"),
            row("Citizens Advice", RankingItem, "", "Organisation C"),
        ]
    );
    // Nothing ticked: no ranking item; nothing typed: the church gets its letter.
    let plain = name_table(&workshop(), &Publication::default());
    assert!(plain
        .iter()
        .all(|r| r.source != RankingItem && r.is_default));
    assert_eq!(plain[2].pseudonym, "Faith group B");
}

#[test]
fn defaults_never_take_a_name_or_a_typed_pseudonym_and_never_repeat() {
    let mut w = Workshop::new("w".into(), "T", 0.0);
    let map = OrgMap {
        actors: vec![
            actor("a1", "Faith group A", "faith"),
            actor("a2", "Synagogue", "faith"),
            actor("a3", "Gurdwara", "faith"),
            actor("a4", "Temple", "faith"),
            actor("a5", "Hall", "nowhere"),
        ],
        ..OrgMap::default()
    };
    w.exercises = vec![exercise(
        "m",
        "Map",
        "",
        ExerciseData::OrganisationalMap(map),
    )];
    w.exercises[0].make_mut().group_id = None;
    // The same group spelt otherwise shares its letters.
    let venn = VennDiagram {
        institutions: vec![institution("i1", "Church", "FAITH GROUP", "")],
        ..VennDiagram::default()
    };
    w.exercises
        .push(exercise("v", "Venn", "", ExerciseData::PowerVenn(venn)));
    w.exercises[1].make_mut().group_id = None;
    let publication = Publication {
        pseudonyms: vec![
            Pseudonym {
                original: "Gurdwara".into(),
                pseudonym: "faith group b".into(),
            },
            // White space alone is no pseudonym; a name not in the workshop changes nothing.
            Pseudonym {
                original: "Temple".into(),
                pseudonym: "  ".into(),
            },
            Pseudonym {
                original: "Elsewhere".into(),
                pseudonym: "Faith group C".into(),
            },
        ],
        organisation_items: Vec::new(),
    };
    let table = name_table(&w, &publication);
    let pseudonyms: Vec<&str> = table.iter().map(|r| r.pseudonym.as_str()).collect();
    assert_eq!(
        pseudonyms,
        [
            "Faith group C",
            "Faith group D",
            "faith group b",
            "Faith group E",
            "Organisation A",
            "Faith group F",
        ]
    );
    let originals: HashSet<String> = table.iter().map(|r| r.original.to_lowercase()).collect();
    let mut given = HashSet::new();
    for row in &table {
        assert!(given.insert(row.pseudonym.to_lowercase()), "{row:?}");
        assert!(
            !originals.contains(&row.pseudonym.to_lowercase()),
            "{row:?}"
        );
    }
}

#[test]
fn the_place_is_never_published_as_a_name_the_table_has() {
    let mut w = Workshop::new("w".into(), "T", 0.0);
    w.place = "  ".into();
    assert!(name_table(&w, &Publication::default()).is_empty());
    w.place = "[Study Location]".into();
    let table = name_table(&w, &Publication::default());
    assert_eq!(table[0].pseudonym, "[Study Location B]");
}
