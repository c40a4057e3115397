#![cfg(not(target_arch = "wasm32"))]
//! Pseudonyms for publication: names replaced as whole words in any script, the table of
//! names and their defaults, the published copy (every field, what each option leaves out,
//! the example workshop) and the names left over.

mod copy;
mod leftovers;
mod replace;
mod table;

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

const EXAMPLE: &str = include_str!("../../examples/phase-zero-workshop.json");

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
