//! The published copy: every field, and what each option leaves out.

use super::*;

#[test]
fn every_text_of_the_copy_has_its_names_replaced_and_nothing_else_changes() {
    let original = workshop();
    let before = original.clone();
    let table = name_table(&original, &publication());
    let published = pseudonymise(&original, &table, &PublishOptions::default());
    assert_eq!(original, before, "the original is never changed");
    assert!(published.check().is_empty(), "{:?}", published.check());

    assert_eq!(published.id, "w");
    assert_eq!(
        published.title,
        "[Study Location] workshop with the Faith group A"
    );
    assert_eq!(published.place, "[Study Location]");
    assert_eq!(
        published.notes,
        "Met at the Faith group A hall in [Study Location]."
    );
    assert_eq!(published.groups[0].label, "Church X members");
    assert_eq!(published.groups[0].size, Some(12));
    assert_eq!(break_title(&published), "Tea at the Faith group B");
    assert_eq!(published.exercises[0].title, "Who helps the Faith group A?");
    assert_eq!(published.exercises[0].notes, "Drawn at the Church X");
    assert_eq!(published.exercises[0].group_id.as_deref(), Some("g1"));

    let map = map_of(&published);
    assert_eq!(map.question, "Who helps people in [Study Location]?");
    assert_eq!(
        map.link_kinds.last().map(|k| k.label.as_str()),
        Some("Through the Faith group B")
    );
    let names: Vec<&str> = map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Faith group A",
            "Church X",
            "Faith group B",
            "Statutory service A",
            "Organisation A"
        ]
    );
    assert_eq!(map.actors[0].notes, "Meets at the Faith group B");
    assert_eq!(
        map.actors[0].contributions[0].text,
        "Trusted like the Church X"
    );
    assert_eq!(
        map.links[0].notes,
        "The Statutory service A refers women to the Faith group A"
    );
    let before_map = map_of(&original);
    for (a, b) in map.actors.iter().zip(&before_map.actors) {
        assert_eq!(
            (&a.id, &a.group_id, a.influence, a.x, a.y),
            (&b.id, &b.group_id, b.influence, b.x, b.y)
        );
    }
    assert_eq!(map.groups, before_map.groups, "group labels hold no name");

    let venn = venn_of(&published);
    let labels: Vec<&str> = venn.institutions.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Statutory service B",
            "Statutory service A",
            "Organisation B"
        ]
    );
    assert_eq!(
        venn.institutions[0].notes,
        "Statutory service B came to the Faith group B"
    );
    assert_eq!(venn.community_label, "Women of [Study Location]");
    assert_eq!(venn.institutions[0].group, "Statutory service");
    assert_eq!(venn.institutions[0].radius, 80.0);

    let ranking = ranking_of(&published);
    let labels: Vec<&str> = ranking.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Core funding",
            "Organisation C",
            "Trust between groups and the Faith group B"
        ]
    );
    assert_eq!(ranking.items[0].description, "From the Statutory service A");
    assert_eq!(
        ranking.decisions[0].reason,
        "The Faith group B said core funding"
    );
    assert_eq!(ranking.decisions[0].outcome, Outcome::Wins("r1".into()));
    assert_eq!(ranking.drafts[0].text, "Draft about Statutory service B");
    let ballot = &ranking.ballots[0];
    assert_eq!(ballot.label, "Participant from Organisation A");
    assert_eq!(ballot.decisions[0].reason, "Organisation C helps");
    assert_eq!(ballot.drafts[0].text, "Church X draft");

    let vignette = vignette_of(&published);
    assert_eq!(
        vignette.scenario,
        "A woman from the Faith group A goes to the Statutory service A."
    );
    assert_eq!(
        vignette.questions[0].text,
        "What would the Statutory service B do?"
    );
    assert_eq!(
        vignette.next_part,
        "The Organisation B called Organisation A."
    );
    assert_eq!(vignette.responses[0].text, "Ask the Church X");
    assert_eq!(vignette.responses[0].resources, [Resource::Relational]);

    assert!(leftovers(&published, &table).is_empty());
    let json = serde_json::to_string(&published).expect("a workshop serialises");
    assert!(names_found_in(&json, &table).is_empty());
    let before_json = serde_json::to_string(&original).expect("a workshop serialises");
    assert_eq!(names_found_in(&before_json, &table).len(), table.len());
}

#[test]
fn leaving_out_notes_empties_every_note_and_keeps_what_the_groups_said() {
    let original = workshop();
    let table = name_table(&original, &publication());
    let options = PublishOptions {
        leave_out_notes: true,
        leave_out_free_text: false,
    };
    let published = pseudonymise(&original, &table, &options);
    assert!(published.check().is_empty());
    assert_eq!(published.notes, "");
    assert!(published.exercises.iter().all(|e| e.notes.is_empty()));
    let map = map_of(&published);
    assert!(map.actors.iter().all(|a| a.notes.is_empty()));
    assert_eq!(map.links[0].notes, "");
    assert!(venn_of(&published)
        .institutions
        .iter()
        .all(|i| i.notes.is_empty()));
    // Not notes: kept, with their names replaced.
    assert_eq!(
        map.actors[0].contributions[0].text,
        "Trusted like the Church X"
    );
    assert_eq!(
        ranking_of(&published).decisions[0].reason,
        "The Faith group B said core funding"
    );
    assert_eq!(ranking_of(&published).drafts.len(), 1);
    assert_eq!(
        vignette_of(&published).responses[0].text,
        "Ask the Church X"
    );
    assert_eq!(
        ranking_of(&published).items[0].description,
        "From the Statutory service A"
    );
}

#[test]
fn leaving_out_free_text_empties_what_was_said_and_keeps_the_exercise_itself() {
    let original = workshop();
    let table = name_table(&original, &publication());
    let options = PublishOptions {
        leave_out_notes: false,
        leave_out_free_text: true,
    };
    let published = pseudonymise(&original, &table, &options);
    assert!(published.check().is_empty(), "{:?}", published.check());
    // The notes go too.
    assert_eq!(published.notes, "");
    assert_eq!(published.exercises[0].notes, "");
    let map = map_of(&published);
    assert_eq!(map.actors[0].notes, "");
    assert_eq!(map.links[0].notes, "");
    assert_eq!(map.actors[0].contributions[0].text, "");
    assert_eq!(map.actors[0].contributions[0].resource, Resource::Symbolic);
    let ranking = ranking_of(&published);
    assert_eq!(ranking.items[0].description, "");
    assert_eq!(ranking.decisions[0].reason, "");
    assert_eq!(ranking.decisions.len(), 1);
    assert!(ranking.drafts.is_empty() && ranking.ballots[0].drafts.is_empty());
    assert_eq!(ranking.ballots[0].decisions[0].reason, "");
    let vignette = vignette_of(&published);
    assert_eq!(vignette.responses[0].text, "");
    assert_eq!(vignette.responses[0].resources, [Resource::Relational]);
    // The exercise itself stays, pseudonymised.
    assert_eq!(
        published.title,
        "[Study Location] workshop with the Faith group A"
    );
    assert_eq!(published.exercises[0].title, "Who helps the Faith group A?");
    assert_eq!(published.groups[0].label, "Church X members");
    assert_eq!(break_title(&published), "Tea at the Faith group B");
    assert_eq!(map.question, "Who helps people in [Study Location]?");
    assert_eq!(map.actors[1].name, "Church X");
    assert_eq!(
        venn_of(&published).institutions[0].label,
        "Statutory service B"
    );
    assert_eq!(
        venn_of(&published).community_label,
        "Women of [Study Location]"
    );
    assert_eq!(ranking.items[1].label, "Organisation C");
    assert_eq!(ranking.ballots[0].label, "Participant from Organisation A");
    assert_eq!(
        vignette.scenario,
        "A woman from the Faith group A goes to the Statutory service A."
    );
    assert_eq!(
        vignette.questions[0].text,
        "What would the Statutory service B do?"
    );
    assert_eq!(
        vignette.next_part,
        "The Organisation B called Organisation A."
    );
    // The original keeps everything.
    assert_eq!(ranking_of(&original).drafts.len(), 1);
    assert_eq!(map_of(&original).actors[0].notes, "Meets at the Mosque");
}

#[test]
fn the_example_workshop_publishes_with_no_name_left_but_the_one_inside_a_longer_word() {
    let envelope = read(EXAMPLE).expect("the example reads");
    let pristine = envelope.workshops[0].clone();
    let mut original = pristine.clone();
    // The example has no name inside a longer word: add one.
    original
        .notes
        .push_str(" Afterwards everyone met at St Mark's church halls.");
    let table = name_table(&original, &Publication::default());
    assert_eq!(table[0].original, "St Mark's church hall");
    assert_eq!(table[0].pseudonym, "[Study Location]");
    assert!(table.iter().any(|r| r.pseudonym == "Faith group C"));
    assert!(table.iter().any(|r| r.source == NameSource::Institution));

    let published = pseudonymise(&original, &table, &PublishOptions::default());
    assert!(published.check().is_empty(), "{:?}", published.check());
    assert_eq!(published.id, original.id);
    assert_eq!(
        envelope.workshops[0], pristine,
        "the original is never changed"
    );

    let left = leftovers(&published, &table);
    assert_eq!(
        left,
        [Leftover {
            place: "Workshop: notes".into(),
            name: "St Mark's church hall".into(),
            excerpt: "…n. Afterwards everyone met at St Mark's church halls.".into(),
        }]
    );
    let json = serde_json::to_string(&published).expect("a workshop serialises");
    assert_eq!(names_found_in(&json, &table), ["St Mark's church hall"]);
    let before = serde_json::to_string(&original).expect("a workshop serialises");
    assert_eq!(names_found_in(&before, &table).len(), table.len());
    // The copy is a valid file.
    let file = Envelope::new(vec![published], 0.0).to_json();
    assert!(read(&file).is_ok());
}
