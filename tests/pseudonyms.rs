#![cfg(not(target_arch = "wasm32"))]
//! Pseudonyms for publication: names replaced as whole words in any script, the table of
//! names and their defaults, the published copy (every field, what each option leaves out,
//! the example workshop) and the names left over.

use pla_workshop::model::orgmap::{Actor, Contribution, Link, LinkKind, OrgMap, Resource};
use pla_workshop::model::plan::{PlanEntry, PlanItem};
use pla_workshop::model::pseudonyms::{
    leftovers, name_table, names_found_in, pseudonymise, replace_names, replacements, Leftover,
    NameRow, NameSource, Pseudonym, Publication, PublishOptions,
};
use pla_workshop::model::ranking::{Ballot, Decision, DraftReason, Outcome, RankItem, Ranking};
use pla_workshop::model::venn::{Institution, Relation, VennDiagram};
use pla_workshop::model::vignette::{Question, Response, Vignette};
use pla_workshop::model::{Exercise, ExerciseData, ParticipantGroup, SharedExercise, Workshop};
use pla_workshop::storage::format::{read, Envelope};
use std::collections::HashSet;

const EXAMPLE: &str = include_str!("../examples/phase-zero-workshop.json");

fn pairs(names: &[(&str, &str)]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|(original, pseudonym)| (original.to_string(), pseudonym.to_string()))
        .collect()
}

fn replaced(text: &str, names: &[(&str, &str)]) -> String {
    replace_names(text, &pairs(names))
}

// ----- Building workshops --------------------------------------------------------------------

fn actor(id: &str, name: &str, group_id: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        group_id: group_id.into(),
        influence: 3,
        contributions: Vec::new(),
        notes: String::new(),
        x: 100.0,
        y: 200.0,
    }
}

fn institution(id: &str, label: &str, group: &str, notes: &str) -> Institution {
    Institution {
        id: id.into(),
        label: label.into(),
        group: group.into(),
        x: 300.0,
        y: 400.0,
        radius: 80.0,
        relation: Relation::Ally,
        notes: notes.into(),
    }
}

fn item(id: &str, label: &str, description: &str) -> RankItem {
    RankItem {
        id: id.into(),
        label: label.into(),
        description: description.into(),
    }
}

fn decision(a: &str, b: &str, reason: &str) -> Decision {
    Decision {
        a: a.into(),
        b: b.into(),
        outcome: Outcome::Wins(a.into()),
        reason: reason.into(),
        decided_at: 1.0,
    }
}

fn draft(a: &str, b: &str, text: &str) -> DraftReason {
    DraftReason {
        a: a.into(),
        b: b.into(),
        text: text.into(),
    }
}

fn exercise(id: &str, title: &str, notes: &str, data: ExerciseData) -> SharedExercise {
    SharedExercise::new(Exercise {
        id: id.into(),
        title: title.into(),
        group_id: Some("g1".into()),
        notes: notes.into(),
        data,
    })
}

/// A workshop with a name in every kind of text it holds.
fn workshop() -> Workshop {
    let mut w = Workshop::new(
        "w".into(),
        "Leeds workshop with the Mosque women's group",
        0.0,
    );
    w.place = "Leeds".into();
    w.notes = "Met at the Mosque women's group hall in Leeds.".into();
    w.groups.push(ParticipantGroup {
        id: "g1".into(),
        label: "Pentecostal church members".into(),
        size: Some(12),
    });

    let mut map = OrgMap {
        question: "Who helps people in Leeds?".into(),
        ..OrgMap::default()
    };
    map.link_kinds.push(LinkKind {
        id: "through-faith".into(),
        label: "Through the Mosque".into(),
        colour: "#000000".into(),
        dash: String::new(),
    });
    let mut women = actor("a1", "Mosque women's group", "faith");
    women.notes = "Meets at the Mosque".into();
    women.contributions.push(Contribution {
        resource: Resource::Symbolic,
        text: "Trusted like the Pentecostal church".into(),
    });
    map.actors = vec![
        women,
        actor("a2", "Pentecostal church", "faith"),
        actor("a3", "Mosque", "faith"),
        actor("a4", "NHS trust", "statutory"),
        actor("a5", "Age UK", ""),
    ];
    map.links.push(Link {
        id: "l1".into(),
        from: "a4".into(),
        to: "a1".into(),
        kind_id: "through-faith".into(),
        both_ways: false,
        strength: Some(2),
        notes: "The NHS trust refers women to the Mosque women's group".into(),
    });

    let mut venn = VennDiagram {
        community_label: "Women of Leeds".into(),
        ..VennDiagram::default()
    };
    venn.institutions = vec![
        institution(
            "i1",
            "Police",
            "Statutory service",
            "Police came to the Mosque",
        ),
        institution("i2", "  nhs TRUST ", "Statutory service", ""),
        institution("i3", "Council", "", ""),
    ];

    let ranking = Ranking {
        items: vec![
            item("r1", "Core funding", "From the NHS trust"),
            item("r2", "Citizens Advice", ""),
            item("r3", "Trust between groups and the Mosque", ""),
        ],
        decisions: vec![decision("r1", "r2", "The Mosque said core funding")],
        drafts: vec![draft("r1", "r3", "Draft about Police")],
        ballots: vec![Ballot {
            id: "b1".into(),
            label: "Participant from Age UK".into(),
            group_id: "g1".into(),
            decisions: vec![decision("r2", "r3", "Citizens Advice helps")],
            drafts: vec![draft("r1", "r2", "Pentecostal church draft")],
            ..Ballot::default()
        }],
        ..Ranking::default()
    };

    let vignette = Vignette {
        scenario: "A woman from the Mosque women's group goes to the NHS trust.".into(),
        questions: vec![Question {
            id: "q1".into(),
            text: "What would the Police do?".into(),
        }],
        next_part: "The Council called Age UK.".into(),
        responses: vec![Response {
            id: "x1".into(),
            question_id: "q1".into(),
            text: "Ask the Pentecostal church".into(),
            resources: vec![Resource::Relational],
            group_id: "g1".into(),
        }],
    };

    w.exercises = vec![
        exercise(
            "map",
            "Who helps the Mosque women's group?",
            "Drawn at the Pentecostal church",
            ExerciseData::OrganisationalMap(map),
        ),
        exercise("venn", "Venn", "", ExerciseData::PowerVenn(venn)),
        exercise(
            "rank",
            "Priorities",
            "",
            ExerciseData::PairwiseRanking(ranking),
        ),
        exercise("vig", "Vignette", "", ExerciseData::Vignette(vignette)),
    ];
    w.plan.push(PlanItem {
        id: "p1".into(),
        entry: PlanEntry::Break {
            title: "Tea at the Mosque".into(),
        },
        planned_minutes: 15,
        visits: Vec::new(),
    });
    assert!(w.check().is_empty(), "{:?}", w.check());
    w
}

/// "Citizens Advice" ticked as an organisation, and a pseudonym typed for the church.
fn publication() -> Publication {
    Publication {
        pseudonyms: vec![Pseudonym {
            original: " pentecostal CHURCH".into(),
            pseudonym: " Church X ".into(),
        }],
        organisation_items: vec!["r2".into()],
    }
}

fn map_of(w: &Workshop) -> &OrgMap {
    match &w.exercises[0].data {
        ExerciseData::OrganisationalMap(map) => map,
        _ => panic!("the map is first"),
    }
}

fn venn_of(w: &Workshop) -> &VennDiagram {
    match &w.exercises[1].data {
        ExerciseData::PowerVenn(venn) => venn,
        _ => panic!("the Venn diagram is second"),
    }
}

fn ranking_of(w: &Workshop) -> &Ranking {
    match &w.exercises[2].data {
        ExerciseData::PairwiseRanking(ranking) => ranking,
        _ => panic!("the ranking is third"),
    }
}

fn vignette_of(w: &Workshop) -> &Vignette {
    match &w.exercises[3].data {
        ExerciseData::Vignette(vignette) => vignette,
        _ => panic!("the vignette is fourth"),
    }
}

fn break_title(w: &Workshop) -> &str {
    match &w.plan[0].entry {
        PlanEntry::Break { title } => title,
        PlanEntry::Exercise { .. } => panic!("the plan is one break"),
    }
}

// ----- Replacing names -----------------------------------------------------------------------

#[test]
fn names_are_replaced_as_whole_words_whatever_their_case() {
    let names = [("Mosque", "Faith group A")];
    assert_eq!(
        replaced("the MOSQUE said", &names),
        "the Faith group A said"
    );
    assert_eq!(replaced("mosque", &names), "Faith group A");
    assert_eq!(
        replaced("the Mosque's hall", &names),
        "the Faith group A's hall"
    );
    assert_eq!(replaced("(Mosque)", &names), "(Faith group A)");
    for longer in ["Mosques", "the mosque2 list", "Grand-Mosques", "premosque"] {
        assert_eq!(replaced(longer, &names), longer);
    }
}

#[test]
fn a_name_inside_another_name_gives_way_to_the_longer() {
    // Listed shorter first: the order given does not matter, the longer is tried first.
    let names = [
        ("Mosque", "Faith group B"),
        ("Mosque women's group", "Faith group A"),
    ];
    assert_eq!(
        replaced(
            "The Mosque women's group met at the Mosque; Mosques nearby.",
            &names
        ),
        "The Faith group A met at the Faith group B; Mosques nearby."
    );
    // Where the longer is part of a longer word, the shorter is still a whole word.
    assert_eq!(
        replaced("Mosque women's groups", &names),
        "Faith group B women's groups"
    );
}

#[test]
fn a_names_white_space_matches_any_run_of_white_space() {
    let names = [("Hindu temple", "Faith group C")];
    for text in [
        "the Hindu  temple",
        "the Hindu\ntemple",
        "the hindu \t TEMPLE",
    ] {
        assert_eq!(replaced(text, &names), "the Faith group C");
    }
    assert_eq!(
        replaced("the Hindu temple", &[("Hindu   temple", "X")]),
        "the X"
    );
    assert_eq!(replaced("the Hindutemple", &names), "the Hindutemple");
}

#[test]
fn arabic_names_are_whole_words_and_the_article_joins_the_word() {
    let names = [("مسجد", "P2"), ("مسجد النور", "P1")];
    assert_eq!(
        replaced("ذهبنا إلى مسجد النور ثم المسجد", &names),
        "ذهبنا إلى P1 ثم المسجد"
    );
    // The longer name alone: its first word is not replaced.
    assert_eq!(
        replaced("ذهبنا إلى مسجد", &[("مسجد النور", "P1")]),
        "ذهبنا إلى مسجد"
    );
    // A vowel mark (tanween) continues the word.
    assert_eq!(replaced("مسجدٌ", &names), "مسجدٌ");
    // "المسجد" holds the name inside a longer word: left over.
    let table = table_of(&[("مسجد", "P2")]);
    assert_eq!(names_found_in("ثم المسجد", &table), ["مسجد"]);
}

#[test]
fn urdu_names_end_at_the_urdu_full_stop() {
    let names = [("اسلامی مرکز", "X")];
    assert_eq!(replaced("ہم اسلامی مرکز گئے۔", &names), "ہم X گئے۔");
    assert_eq!(replaced("ہم گئے اسلامی مرکز۔", &names), "ہم گئے X۔");
    assert_eq!(replaced("اسلامی مرکزوں میں", &names), "اسلامی مرکزوں میں");
}

#[test]
fn bengali_vowel_signs_and_the_virama_continue_a_word_and_the_danda_ends_it() {
    let names = [("মসজিদ", "X")];
    assert_eq!(
        replaced("আমরা মসজিদ কমিটিতে যাই। মসজিদ।", &names),
        "আমরা X কমিটিতে যাই। X।"
    );
    // "মসজিদে" (at the mosque) ends in a vowel sign: another word.
    assert_eq!(replaced("আমরা মসজিদে যাই", &names), "আমরা মসজিদে যাই");
    // "কাল্পনিক" begins with "কাল" and a virama.
    assert_eq!(replaced("কাল্পনিক কাল", &[("কাল", "Y")]), "কাল্পনিক Y");
}

#[test]
fn somali_names_match_with_either_apostrophe() {
    let names = [("Hay'adda Samafalka", "Organisation A")];
    assert_eq!(
        replaced(
            "Waxaan la shaqeynay hay’adda samafalka iyo dugsiga.",
            &names
        ),
        "Waxaan la shaqeynay Organisation A iyo dugsiga."
    );
    assert_eq!(replaced("HAY'ADDA SAMAFALKA", &names), "Organisation A");
    assert_eq!(
        replaced("Hay'adda Samafalkaa", &names),
        "Hay'adda Samafalkaa"
    );
}

// ----- The table of names --------------------------------------------------------------------

fn table_of(names: &[(&str, &str)]) -> Vec<NameRow> {
    names
        .iter()
        .map(|(original, pseudonym)| NameRow {
            original: original.to_string(),
            source: NameSource::Actor,
            group: String::new(),
            pseudonym: pseudonym.to_string(),
            is_default: false,
        })
        .collect()
}

fn row(original: &str, source: NameSource, group: &str, pseudonym: &str) -> NameRow {
    NameRow {
        original: original.into(),
        source,
        group: group.into(),
        pseudonym: pseudonym.into(),
        is_default: pseudonym != "Church X",
    }
}

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

// ----- The published copy --------------------------------------------------------------------

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

// ----- Names left over -----------------------------------------------------------------------

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
