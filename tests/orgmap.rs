#![cfg(not(target_arch = "wasm32"))]
//! Organisational maps: edits that never leave a dangling link, degree and betweenness
//! against known small graphs (and a brute-force count), brokers and the group matrix,
//! filters, the deterministic layout with no overlapping actors at 60 actors, and the CSV,
//! GraphML and SVG exports (with the SVG's embedded data read back).

mod common;
use common::*;

use pla_workshop::export::orgmap::{
    analysis_csv, edges_csv, graphml, group_matrix_csv, map_from_svg, map_svg, nodes_csv, MapMeta,
    METADATA_ID,
};
use pla_workshop::model::orgmap::{
    actor_box, actor_label_lines, Actor, ActorBox, Contribution, Link, MapFilter, OrgMap, Resource,
    DASHES, LAYOUT_GAP, MAP_HEIGHT, MAP_WIDTH, NO_GROUP, PALETTE, SHAPES, VIEW_HEIGHT, VIEW_WIDTH,
};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

// ----- Helpers -------------------------------------------------------------------------------

fn actor(id: &str, group: &str) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        group_id: group.into(),
        influence: 0,
        contributions: vec![],
        notes: String::new(),
        x: 0.0,
        y: 0.0,
    }
}

fn link(id: &str, from: &str, to: &str, kind: &str, both_ways: bool) -> Link {
    Link {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind_id: kind.into(),
        both_ways,
        strength: None,
        notes: String::new(),
    }
}

/// A map of the given actors (id, group) and links (from, to, both ways), all of kind
/// "information", built directly so the analysis tests do not depend on the edits.
fn graph(actors: &[(&str, &str)], links: &[(&str, &str, bool)]) -> OrgMap {
    OrgMap {
        actors: actors.iter().map(|(id, group)| actor(id, group)).collect(),
        links: links
            .iter()
            .enumerate()
            .map(|(n, (from, to, both))| link(&format!("l{n}"), from, to, "information", *both))
            .collect(),
        ..OrgMap::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// Every rule the edits promise, beyond `check()`.
fn assert_invariants(map: &OrgMap) {
    assert!(map.check().is_empty(), "{:?}", map.check());
    let actor_ids: HashSet<&str> = map.actors.iter().map(|a| a.id.as_str()).collect();
    for l in &map.links {
        assert!(actor_ids.contains(l.from.as_str()) && actor_ids.contains(l.to.as_str()));
        assert_ne!(l.from, l.to, "a link to itself");
        assert!(
            map.link_kind(&l.kind_id).is_some(),
            "unknown kind {}",
            l.kind_id
        );
        assert!(l.strength.unwrap_or(0) <= 5);
    }
    for (i, a) in map.links.iter().enumerate() {
        for b in &map.links[i + 1..] {
            let same_way = a.from == b.from && a.to == b.to;
            let other_way = a.from == b.to && a.to == b.from && (a.both_ways || b.both_ways);
            assert!(
                a.kind_id != b.kind_id || !(same_way || other_way),
                "{a:?} repeats {b:?}"
            );
        }
    }
    for a in &map.actors {
        assert!(a.influence <= 5);
        assert!(a.group_id == NO_GROUP || map.group(&a.group_id).is_some());
        assert!((0.0..=MAP_WIDTH).contains(&a.x) && (0.0..=MAP_HEIGHT).contains(&a.y));
    }
}

// ----- The file format -----------------------------------------------------------------------

#[test]
fn the_file_format_is_unchanged() {
    let mut map = OrgMap {
        question: "Who?".into(),
        ..OrgMap::default()
    };
    map.actors.push(Actor {
        contributions: vec![Contribution {
            resource: Resource::Relational,
            text: "trust".into(),
        }],
        influence: 3,
        x: 10.5,
        y: 20.0,
        ..actor("a", "cbo")
    });
    map.actors.push(actor("b", "statutory"));
    map.links.push(link("l", "a", "b", "funding", true));
    let value = serde_json::to_value(&map).expect("JSON");
    assert_eq!(
        value["actors"][0],
        serde_json::json!({
            "id": "a", "name": "a", "group_id": "cbo", "influence": 3,
            "contributions": [{"resource": "relational", "text": "trust"}],
            "notes": "", "x": 10.5, "y": 20.0
        })
    );
    // No strength: the field is left out, as the format says it is optional.
    assert_eq!(
        value["links"][0],
        serde_json::json!({
            "id": "l", "from": "a", "to": "b", "kind_id": "funding", "both_ways": true, "notes": ""
        })
    );
    assert_eq!(
        value["groups"][0],
        serde_json::json!({"id": "network", "label": "Network organisation", "colour": "#E69F00", "shape": "hexagon"})
    );
    assert_eq!(
        value["link_kinds"][1],
        serde_json::json!({"id": "information", "label": "Information", "colour": "#0072B2", "dash": "10 6"})
    );
    // A minimal map still reads, every other field defaulted.
    let minimal: OrgMap =
        serde_json::from_str(r#"{"actors":[{"id":"a","name":"A"}],"links":[]}"#).expect("reads");
    assert_eq!(minimal.actors[0].influence, 0);
    assert!(minimal.groups.is_empty());
}

#[test]
fn check_reports_broken_rules() {
    let mut map = graph(
        &[("a", "cbo"), ("b", "cbo"), ("a", "cbo")],
        &[("a", "ghost", false)],
    );
    map.actors[1].influence = 9;
    map.links.push(link("l0", "a", "b", "funding", false));
    let problems = map.check();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("actors[2]") && p.contains("twice")),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.starts_with("links[0]") && p.contains("ghost")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("links[1]") && p.contains("twice")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("actors[1]") && p.contains("above 5")));
    // Only the repeat is named, not the first use of the id.
    assert!(!problems
        .iter()
        .any(|p| p.starts_with("actors[0]") || (p.starts_with("links[0]") && p.contains("twice"))));
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(OrgMap::default().check().is_empty());
}

// ----- Edits ---------------------------------------------------------------------------------

#[test]
fn adding_actors_refuses_blank_names_and_used_ids() {
    let mut map = OrgMap::default();
    assert!(map.add_actor("a", "  Mind  "));
    assert_eq!(map.actor("a").map(|a| a.name.as_str()), Some("Mind"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some(NO_GROUP));
    assert!(!map.add_actor("a", "Another"), "a used id");
    assert!(!map.add_actor("", "No id"));
    assert!(!map.add_actor("b", "   "));
    assert_eq!(map.actors.len(), 1);
}

#[test]
fn pasting_a_list_adds_one_actor_per_line() {
    let mut map = OrgMap::default();
    let mut n = 0;
    let added = map.add_actors_from_lines(
        "Mind\n\n  • NHS trust \r\n- Mosque women's group\n   \n* Council\n-5 degrees\nمسجد النور\n",
        || {
            n += 1;
            format!("id-{n}")
        },
    );
    assert_eq!(
        ids(&added),
        ["id-1", "id-2", "id-3", "id-4", "id-5", "id-6"]
    );
    let names: Vec<&str> = map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Mind",
            "NHS trust",
            "Mosque women's group",
            "Council",
            "-5 degrees",
            "مسجد النور"
        ]
    );
    // An id the map already has is skipped, never a panic or a duplicate.
    let added = map.add_actors_from_lines("One\nTwo", || "id-1".to_string());
    assert!(added.is_empty());
    assert_invariants(&map);
}

#[test]
fn new_actors_go_to_free_spots_in_the_view() {
    let mut map = OrgMap::default();
    for n in 0..20 {
        assert!(map.add_actor(format!("a{n}"), format!("Community organisation {n}")));
    }
    assert_no_overlaps(&map, &actor_box);
    for a in &map.actors {
        let (left, top, right, bottom) = actor_box(a).at(a.x, a.y);
        assert!(
            left >= 0.0 && top >= 0.0 && right <= VIEW_WIDTH && bottom <= VIEW_HEIGHT,
            "{a:?}"
        );
    }
    // Far more than fit: still on the canvas, never a panic.
    for n in 20..150 {
        assert!(map.add_actor(format!("a{n}"), "An actor with a rather long name indeed"));
    }
    assert_invariants(&map);
}

#[test]
fn plain_edits_change_one_field_and_refuse_unknown_ids() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.rename_actor("a", "St Mary "));
    assert_eq!(
        map.actor("a").map(|a| a.name.as_str()),
        Some("St Mary "),
        "kept as typed"
    );
    assert!(!map.rename_actor("zz", "x"));
    assert!(map.set_group("a", "faith"));
    assert!(!map.set_group("a", "no-such-group"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some("faith"));
    assert!(map.set_group("a", NO_GROUP));
    assert!(!map.set_group("zz", "faith"));
    assert!(map.set_influence("a", 4));
    assert_eq!(map.actor("a").map(|a| a.influence), Some(4));
    assert!(map.set_influence("a", 200));
    assert_eq!(map.actor("a").map(|a| a.influence), Some(5));
    assert!(!map.set_influence("zz", 1));
    assert!(map.set_notes("a", "Runs the Tuesday drop-in"));
    assert!(!map.set_notes("zz", ""));
    assert!(map.move_actor("a", 300.0, 200.0));
    assert_eq!(map.actor("a").map(|a| (a.x, a.y)), Some((300.0, 200.0)));
    assert!(map.move_actor("a", -50.0, 1e9));
    assert_eq!(map.actor("a").map(|a| (a.x, a.y)), Some((0.0, MAP_HEIGHT)));
    assert!(!map.move_actor("a", f64::NAN, 0.0));
    assert!(!map.move_actor("a", 0.0, f64::INFINITY));
    assert!(!map.move_actor("zz", 1.0, 1.0));
    assert_invariants(&map);
}

#[test]
fn contributions_are_added_changed_and_removed_by_index() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.add_contribution("a", Resource::Symbolic, "credibility"));
    assert!(map.add_contribution("a", Resource::Material, "a room"));
    assert!(!map.add_contribution("zz", Resource::Material, "x"));
    assert!(map.set_contribution("a", 1, Resource::Relational, "introductions"));
    assert!(!map.set_contribution("a", 7, Resource::Relational, "x"));
    assert_eq!(
        map.remove_contribution("a", 0),
        Some(Contribution {
            resource: Resource::Symbolic,
            text: "credibility".into()
        })
    );
    assert_eq!(map.remove_contribution("a", 5), None);
    assert_eq!(map.remove_contribution("zz", 0), None);
    let left = &map
        .actor("a")
        .map(|a| a.contributions.clone())
        .unwrap_or_default();
    assert_eq!(
        left,
        &[Contribution {
            resource: Resource::Relational,
            text: "introductions".into()
        }]
    );
}

#[test]
fn the_editor_keeps_one_contribution_per_resource_box() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.add_contribution("a", Resource::Material, "a room"));
    // Typing into the symbolic box adds one; typing on changes it; other resources stay.
    assert!(map.write_contribution("a", Resource::Symbolic, "D"));
    assert!(map.write_contribution("a", Resource::Symbolic, "Dignity"));
    let contributions = |map: &OrgMap| {
        map.actor("a")
            .map(|a| a.contributions.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        contributions(&map),
        vec![
            Contribution {
                resource: Resource::Material,
                text: "a room".into()
            },
            Contribution {
                resource: Resource::Symbolic,
                text: "Dignity".into()
            },
        ]
    );
    // A blank box removes that resource's contribution only.
    assert!(map.write_contribution("a", Resource::Material, "  "));
    assert_eq!(
        contributions(&map),
        vec![Contribution {
            resource: Resource::Symbolic,
            text: "Dignity".into()
        }]
    );
    assert!(map.write_contribution("a", Resource::Relational, ""));
    assert_eq!(contributions(&map).len(), 1);
    assert!(!map.write_contribution("zz", Resource::Symbolic, "x"));
}

fn three_actors() -> OrgMap {
    let mut map = OrgMap::default();
    for (id, name) in [("a", "Network"), ("b", "Church"), ("c", "NHS trust")] {
        map.add_actor(id, name);
    }
    map
}

#[test]
fn links_are_refused_when_they_would_break_a_rule() {
    let mut map = three_actors();
    assert!(map.add_link("1", "a", "b", "funding", false));
    assert!(!map.add_link("1", "a", "c", "funding", false), "a used id");
    assert!(!map.add_link("", "a", "c", "funding", false), "no id");
    assert!(
        !map.add_link("2", "a", "ghost", "funding", false),
        "unknown actor"
    );
    assert!(
        !map.add_link("2", "ghost", "a", "funding", false),
        "unknown actor"
    );
    assert!(!map.add_link("2", "a", "a", "funding", false), "to itself");
    assert!(
        !map.add_link("2", "a", "c", "gossip", false),
        "unknown kind"
    );
    assert!(
        !map.add_link("2", "a", "b", "funding", false),
        "the same link again"
    );
    assert!(
        !map.add_link("2", "b", "a", "funding", true),
        "both ways repeats a → b"
    );
    assert!(
        map.add_link("2", "b", "a", "funding", false),
        "the flow back is another link"
    );
    assert!(
        map.add_link("3", "a", "b", "information", true),
        "another kind"
    );
    assert!(
        !map.add_link("4", "b", "a", "information", false),
        "covered by the both-ways link"
    );
    assert!(map.add_link("4", "a", "b", "trust", false));
    assert_eq!(map.links_between("b", "a").len(), 4);
    assert_invariants(&map);
}

#[test]
fn link_edits_keep_the_rules() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "b", "a", "funding", false);
    map.add_link("3", "a", "c", "information", false);
    assert!(!map.set_link_kind("3", "gossip"));
    assert!(!map.set_link_kind("zz", "funding"));
    assert!(map.set_link_kind("3", "referral"));
    assert_eq!(map.link("3").map(|l| l.kind_id.as_str()), Some("referral"));
    map.add_link("4", "a", "b", "staff", false);
    assert!(!map.set_link_kind("4", "funding"), "would repeat link 1");

    // Reversing link 1 would repeat link 2.
    assert!(!map.reverse_link("1"));
    assert!(map.reverse_link("3"));
    assert_eq!(
        map.link("3").map(|l| (l.from.as_str(), l.to.as_str())),
        Some(("c", "a"))
    );
    assert!(!map.reverse_link("zz"));

    // Both ways absorbs the one-way link of the same kind back, keeping its notes.
    map.set_link_notes("2", "small grants");
    assert!(map.set_link_both_ways("1", true));
    assert!(map.link("2").is_none());
    assert_eq!(
        map.link("1").map(|l| l.notes.as_str()),
        Some("small grants")
    );
    assert!(map.set_link_both_ways("1", false));
    assert!(!map.set_link_both_ways("zz", true));

    assert!(map.set_link_strength("1", Some(9)));
    assert_eq!(map.link("1").and_then(|l| l.strength), Some(5));
    assert!(map.set_link_strength("1", None));
    assert_eq!(map.link("1").and_then(|l| l.strength), None);
    assert!(!map.set_link_strength("zz", Some(1)));
    assert!(map.remove_link("1").is_some());
    assert!(map.remove_link("1").is_none());
    assert_invariants(&map);
}

#[test]
fn removing_an_actor_takes_its_links() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "c", "a", "staff", true);
    map.add_link("3", "b", "c", "trust", false);
    assert!(map.remove_actor("a").is_some());
    assert_eq!(map.links.len(), 1);
    assert!(map.remove_actor("a").is_none());
    assert_invariants(&map);
}

#[test]
fn groups_are_edited_and_removing_one_rehomes_its_actors() {
    let mut map = three_actors();
    map.set_group("a", "faith");
    map.set_group("b", "faith");
    map.set_group("c", "other");
    assert!(map.add_group("mutual-aid", "Mutual aid group"));
    assert!(!map.add_group("mutual-aid", "Again"));
    assert!(!map.add_group("", "No id"));
    let added = map.group("mutual-aid").cloned().expect("added");
    // The six default groups use six colours and all six shapes: the new one takes a colour
    // no group has, and a shape.
    assert!(PALETTE.contains(&added.colour.as_str()));
    assert!(map.groups[..6].iter().all(|g| g.colour != added.colour));
    assert!(SHAPES.contains(&added.shape.as_str()));
    assert!(map.rename_group("mutual-aid", "Mutual aid"));
    assert!(!map.rename_group("zz", "x"));
    assert!(map.set_group_style("mutual-aid", "#D55E00", "diamond"));
    assert!(!map.set_group_style("mutual-aid", "red", "diamond"));
    assert!(!map.set_group_style("mutual-aid", "#D55E00", "star"));
    assert!(!map.set_group_style("zz", "#D55E00", "circle"));

    assert!(map.remove_group("faith"));
    assert!(!map.remove_group("faith"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some("other"));
    assert!(map.remove_group("other"));
    for id in ["a", "b", "c"] {
        assert_eq!(map.actor(id).map(|a| a.group_id.as_str()), Some(NO_GROUP));
    }
    assert_invariants(&map);
}

#[test]
fn link_kinds_are_edited_and_removing_one_removes_its_links() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "b", "c", "funding", true);
    map.add_link("3", "a", "c", "trust", false);
    assert!(map.add_link_kind("advocacy", "Advocacy"));
    assert!(!map.add_link_kind("advocacy", "Again"));
    let added = map.link_kind("advocacy").cloned().expect("added");
    assert!(map.link_kinds[..5].iter().all(|k| k.dash != added.dash));
    assert!(DASHES.contains(&added.dash.as_str()));
    assert!(map.rename_link_kind("advocacy", "Advocacy and voice"));
    assert!(map.set_link_kind_style("advocacy", "#000000", "4 4"));
    assert!(!map.set_link_kind_style("advocacy", "#000000", "4 url(#x)"));
    assert!(!map.set_link_kind_style("advocacy", "#00000", "4 4"));
    assert!(map.add_link("4", "c", "a", "advocacy", false));
    assert!(map.remove_link_kind("funding"));
    assert!(!map.remove_link_kind("funding"));
    assert_eq!(
        map.links.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        ["3", "4"]
    );
    assert!(!map.add_link("5", "a", "b", "funding", false));
    assert_invariants(&map);
}

/// One edit of any kind, on ids from small pools so that edits meet each other often.
#[derive(Debug, Clone)]
enum Edit {
    AddActor(u8, String),
    Paste(String),
    Rename(u8, String),
    SetGroup(u8, u8),
    SetInfluence(u8, u8),
    AddContribution(u8, u8),
    RemoveContribution(u8, u8),
    Move(u8, f64, f64),
    RemoveActor(u8),
    AddLink(u8, u8, u8, u8, bool),
    RemoveLink(u8),
    SetLinkKind(u8, u8),
    SetBothWays(u8, bool),
    Reverse(u8),
    SetStrength(u8, Option<u8>),
    AddGroup(u8),
    RemoveGroup(u8),
    AddKind(u8),
    RemoveKind(u8),
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let name = prop_oneof![
        Just("Mind".to_string()),
        Just("  ".to_string()),
        Just("مسجد".to_string()),
        "[a-z ]{0,12}",
    ];
    prop_oneof![
        (0u8..12, name.clone()).prop_map(|(a, n)| Edit::AddActor(a, n)),
        "[a-z\n ]{0,30}".prop_map(Edit::Paste),
        (0u8..12, name).prop_map(|(a, n)| Edit::Rename(a, n)),
        (0u8..12, 0u8..9).prop_map(|(a, g)| Edit::SetGroup(a, g)),
        (0u8..12, any::<u8>()).prop_map(|(a, i)| Edit::SetInfluence(a, i)),
        (0u8..12, 0u8..3).prop_map(|(a, r)| Edit::AddContribution(a, r)),
        (0u8..12, 0u8..3).prop_map(|(a, i)| Edit::RemoveContribution(a, i)),
        (
            0u8..12,
            prop_oneof![Just(f64::NAN), -100.0..3000.0],
            -100.0..2000.0
        )
            .prop_map(|(a, x, y)| Edit::Move(a, x, y)),
        (0u8..12).prop_map(Edit::RemoveActor),
        (0u8..20, 0u8..12, 0u8..12, 0u8..8, any::<bool>())
            .prop_map(|(l, a, b, k, w)| Edit::AddLink(l, a, b, k, w)),
        (0u8..20).prop_map(Edit::RemoveLink),
        (0u8..20, 0u8..8).prop_map(|(l, k)| Edit::SetLinkKind(l, k)),
        (0u8..20, any::<bool>()).prop_map(|(l, w)| Edit::SetBothWays(l, w)),
        (0u8..20).prop_map(Edit::Reverse),
        (0u8..20, proptest::option::of(any::<u8>())).prop_map(|(l, s)| Edit::SetStrength(l, s)),
        (0u8..9).prop_map(Edit::AddGroup),
        (0u8..9).prop_map(Edit::RemoveGroup),
        (0u8..8).prop_map(Edit::AddKind),
        (0u8..8).prop_map(Edit::RemoveKind),
    ]
}

/// Group ids: the six defaults and three more.
const GROUP_POOL: [&str; 9] = [
    "network",
    "cbo",
    "faith",
    "statutory",
    "service-users",
    "other",
    "g6",
    "g7",
    "",
];
const KIND_POOL: [&str; 8] = [
    "funding",
    "information",
    "staff",
    "referral",
    "trust",
    "k5",
    "k6",
    "k7",
];

fn apply(map: &mut OrgMap, edit: &Edit, counter: &mut usize) {
    let a = |n: &u8| format!("a{n}");
    let l = |n: &u8| format!("l{n}");
    match edit {
        Edit::AddActor(n, name) => {
            map.add_actor(a(n), name.as_str());
        }
        Edit::Paste(text) => {
            map.add_actors_from_lines(text, || {
                *counter += 1;
                format!("a{}", *counter % 14)
            });
        }
        Edit::Rename(n, name) => {
            map.rename_actor(&a(n), name.as_str());
        }
        Edit::SetGroup(n, g) => {
            map.set_group(&a(n), GROUP_POOL[*g as usize % GROUP_POOL.len()]);
        }
        Edit::SetInfluence(n, i) => {
            map.set_influence(&a(n), *i);
        }
        Edit::AddContribution(n, r) => {
            map.add_contribution(&a(n), Resource::ALL[*r as usize % 3], "x");
        }
        Edit::RemoveContribution(n, i) => {
            map.remove_contribution(&a(n), *i as usize);
        }
        Edit::Move(n, x, y) => {
            map.move_actor(&a(n), *x, *y);
        }
        Edit::RemoveActor(n) => {
            map.remove_actor(&a(n));
        }
        Edit::AddLink(id, from, to, k, both) => {
            map.add_link(l(id), &a(from), &a(to), KIND_POOL[*k as usize % 8], *both);
        }
        Edit::RemoveLink(id) => {
            map.remove_link(&l(id));
        }
        Edit::SetLinkKind(id, k) => {
            map.set_link_kind(&l(id), KIND_POOL[*k as usize % 8]);
        }
        Edit::SetBothWays(id, both) => {
            map.set_link_both_ways(&l(id), *both);
        }
        Edit::Reverse(id) => {
            map.reverse_link(&l(id));
        }
        Edit::SetStrength(id, s) => {
            map.set_link_strength(&l(id), *s);
        }
        Edit::AddGroup(g) => {
            map.add_group(GROUP_POOL[*g as usize % 9], "A group");
        }
        Edit::RemoveGroup(g) => {
            map.remove_group(GROUP_POOL[*g as usize % 9]);
        }
        Edit::AddKind(k) => {
            map.add_link_kind(KIND_POOL[*k as usize % 8], "A kind");
        }
        Edit::RemoveKind(k) => {
            map.remove_link_kind(KIND_POOL[*k as usize % 8]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_sequence_of_edits_leaves_a_dangling_link_or_breaks_a_rule(
        edits in prop::collection::vec(any_edit(), 1..80),
    ) {
        let mut map = OrgMap::default();
        let mut counter = 0;
        for edit in &edits {
            apply(&mut map, edit, &mut counter);
            assert_invariants(&map);
        }
        // Whatever the edits made, the analysis and every export take it.
        let analysis = map.analysis();
        prop_assert_eq!(analysis.actors.len(), map.actors.len());
        let svg = map_svg(&map, &MapMeta::default());
        prop_assert_eq!(map_from_svg(&svg), Ok(map.clone()));
        parse_xml(&graphml(&map)).map_err(TestCaseError::fail)?;
    }
}

// ----- Analysis ------------------------------------------------------------------------------

fn measure<'a>(
    analysis: &'a pla_workshop::model::orgmap::Analysis,
    id: &str,
) -> &'a pla_workshop::model::orgmap::ActorAnalysis {
    analysis
        .actors
        .iter()
        .find(|a| a.actor_id == id)
        .expect("every actor is analysed")
}

#[test]
fn a_one_way_path_has_its_middle_actors_between() {
    // a → b → c → d
    let map = graph(
        &[("a", "cbo"), ("b", "cbo"), ("c", "cbo"), ("d", "cbo")],
        &[("a", "b", false), ("b", "c", false), ("c", "d", false)],
    );
    let analysis = map.analysis();
    let raw: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness_raw).collect();
    // b is on the shortest paths a→c and a→d; c on a→d and b→d.
    assert_eq!(raw, [0.0, 2.0, 2.0, 0.0]);
    // Normalised by (n − 1)(n − 2) = 6 ordered pairs of other actors.
    assert!(close(measure(&analysis, "b").betweenness, 1.0 / 3.0));
    assert!(close(measure(&analysis, "a").betweenness, 0.0));
    let degrees: Vec<(usize, usize)> = analysis
        .actors
        .iter()
        .map(|a| (a.degree_in, a.degree_out))
        .collect();
    assert_eq!(degrees, [(0, 1), (1, 1), (1, 1), (1, 0)]);
    assert!(analysis.isolated.is_empty());
}

#[test]
fn a_two_way_path_counts_both_directions() {
    // a ↔ b ↔ c ↔ d ↔ e: as an undirected path, normalised betweenness 0, 3/6, 4/6, 3/6, 0.
    let map = graph(
        &[("a", ""), ("b", ""), ("c", ""), ("d", ""), ("e", "")],
        &[
            ("a", "b", true),
            ("b", "c", true),
            ("c", "d", true),
            ("d", "e", true),
        ],
    );
    let analysis = map.analysis();
    let raw: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness_raw).collect();
    assert_eq!(raw, [0.0, 6.0, 8.0, 6.0, 0.0]);
    let normalised: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness).collect();
    for (got, want) in normalised.iter().zip([0.0, 0.5, 2.0 / 3.0, 0.5, 0.0]) {
        assert!(close(*got, want), "{normalised:?}");
    }
    assert_eq!(
        (
            measure(&analysis, "c").degree_in,
            measure(&analysis, "c").degree_out
        ),
        (2, 2)
    );
}

#[test]
fn a_star_has_only_its_centre_between() {
    let leaves = ["l1", "l2", "l3", "l4", "l5"];
    let mut actors = vec![("hub", "network")];
    actors.extend(leaves.iter().map(|l| (*l, "cbo")));
    let both: Vec<(&str, &str, bool)> = leaves.iter().map(|l| ("hub", *l, true)).collect();
    let analysis = graph(&actors, &both).analysis();
    // Every ordered pair of leaves (5 × 4 = 20) goes through the hub: normalised 1.
    assert!(close(measure(&analysis, "hub").betweenness_raw, 20.0));
    assert!(close(measure(&analysis, "hub").betweenness, 1.0));
    for leaf in leaves {
        assert!(close(measure(&analysis, leaf).betweenness, 0.0));
        assert_eq!(
            measure(&analysis, leaf).groups_bridged,
            1,
            "its group and the hub's"
        );
    }
    assert_eq!(
        (
            measure(&analysis, "hub").degree_in,
            measure(&analysis, "hub").degree_out
        ),
        (5, 5)
    );

    // Spokes pointing in only: nothing passes through the hub.
    let inward: Vec<(&str, &str, bool)> = leaves.iter().map(|l| (*l, "hub", false)).collect();
    let analysis = graph(&actors, &inward).analysis();
    assert!(close(measure(&analysis, "hub").betweenness, 0.0));
    assert_eq!(
        (
            measure(&analysis, "hub").degree_in,
            measure(&analysis, "hub").degree_out
        ),
        (5, 0)
    );
    // In from two leaves, out to three: 2 × 3 paths through the hub.
    let mixed: Vec<(&str, &str, bool)> = vec![
        ("l1", "hub", false),
        ("l2", "hub", false),
        ("hub", "l3", false),
        ("hub", "l4", false),
        ("hub", "l5", false),
    ];
    let analysis = graph(&actors, &mixed).analysis();
    assert!(close(measure(&analysis, "hub").betweenness_raw, 6.0));
    assert!(close(measure(&analysis, "hub").betweenness, 6.0 / 20.0));
}

/// Two groups of four, each a clique (every pair linked both ways), joined only through `x`,
/// a network organisation linked both ways with one member of each.
fn two_cliques_and_a_broker() -> OrgMap {
    let community = ["c1", "c2", "c3", "c4"];
    let statutory = ["s1", "s2", "s3", "s4"];
    let mut actors: Vec<(&str, &str)> = community.iter().map(|id| (*id, "cbo")).collect();
    actors.extend(statutory.iter().map(|id| (*id, "statutory")));
    actors.push(("x", "network"));
    let mut links = Vec::new();
    for clique in [community, statutory] {
        for (i, a) in clique.iter().enumerate() {
            for b in &clique[i + 1..] {
                links.push((*a, *b, true));
            }
        }
    }
    links.push(("c1", "x", true));
    links.push(("x", "s1", true));
    graph(&actors, &links)
}

#[test]
fn two_cliques_joined_by_one_broker() {
    let map = two_cliques_and_a_broker();
    let analysis = map.analysis();
    let x = measure(&analysis, "x");
    // Every path between the cliques (4 × 4 pairs, both ways) goes through x.
    assert!(close(x.betweenness_raw, 32.0));
    assert!(close(x.betweenness, 32.0 / 56.0));
    // c1 carries the paths from c2..c4 to x and s1..s4, both ways: 3 × 5 × 2.
    assert!(close(measure(&analysis, "c1").betweenness_raw, 30.0));
    assert!(close(measure(&analysis, "s1").betweenness_raw, 30.0));
    assert!(close(measure(&analysis, "c2").betweenness_raw, 0.0));
    let top = analysis
        .actors
        .iter()
        .max_by(|a, b| a.betweenness.total_cmp(&b.betweenness))
        .map(|a| a.actor_id.as_str());
    assert_eq!(top, Some("x"));
    // x touches network, cbo and statutory: three pairs, the community–statutory one among them.
    assert_eq!(x.groups_bridged, 3);
    assert!(x
        .bridged_pairs
        .contains(&("cbo".to_string(), "statutory".to_string())));
    assert_eq!(
        x.bridged_pairs,
        [
            ("network".to_string(), "cbo".to_string()),
            ("network".to_string(), "statutory".to_string()),
            ("cbo".to_string(), "statutory".to_string()),
        ]
    );
    assert_eq!(measure(&analysis, "c1").groups_bridged, 1);
    assert_eq!(measure(&analysis, "c2").groups_bridged, 0);
    let brokers: Vec<(&str, usize)> = analysis
        .brokers
        .iter()
        .map(|(id, pairs)| (id.as_str(), *pairs))
        .collect();
    assert_eq!(brokers, [("x", 3), ("c1", 1), ("s1", 1)]);
    assert!(analysis.isolated.is_empty());
}

#[test]
fn brokers_without_groups_rank_by_betweenness_and_isolated_actors_are_listed() {
    // The end-to-end map: everyone in no group, the network in the middle.
    let map = graph(
        &[
            ("network", ""),
            ("church", ""),
            ("mosque", ""),
            ("nhs", ""),
            ("council", ""),
            ("forum", ""),
        ],
        &[
            ("network", "church", false),
            ("nhs", "network", false),
            ("council", "network", false),
            ("mosque", "network", false),
        ],
    );
    let analysis = map.analysis();
    assert_eq!(analysis.brokers, [("network".to_string(), 0)]);
    assert_eq!(ids(&analysis.isolated), ["forum"]);
    assert!(close(measure(&analysis, "network").betweenness_raw, 3.0));
}

#[test]
fn parallel_links_count_in_degree_but_not_twice_in_betweenness() {
    let mut map = graph(
        &[("a", "cbo"), ("b", "cbo"), ("c", "cbo")],
        &[("a", "b", false), ("b", "c", false)],
    );
    map.links.push(link("extra", "a", "b", "funding", false));
    map.links.push(link("self", "a", "a", "funding", false));
    map.links
        .push(link("dangling", "a", "ghost", "funding", false));
    let analysis = map.analysis();
    assert_eq!(
        measure(&analysis, "a").degree_out,
        2,
        "two kinds, two links"
    );
    assert_eq!(
        measure(&analysis, "a").degree_in,
        0,
        "the link to itself is left out"
    );
    assert!(close(measure(&analysis, "b").betweenness_raw, 1.0));
}

#[test]
fn the_group_matrix_counts_ties_by_kind() {
    let mut map = graph(
        &[
            ("c1", "cbo"),
            ("c2", "cbo"),
            ("s", "statutory"),
            ("n", "network"),
            ("u", ""),
        ],
        &[],
    );
    map.links = vec![
        link("1", "c1", "s", "funding", false),
        link("2", "c2", "s", "funding", false),
        link("3", "s", "c1", "information", true),
        link("4", "c1", "c2", "trust", true),
        link("5", "n", "u", "mystery", false),
    ];
    let matrix: Vec<(String, String, String, usize)> = map
        .analysis()
        .group_matrix
        .into_iter()
        .map(|c| (c.from_group, c.to_group, c.kind_id, c.count))
        .collect();
    let row =
        |a: &str, b: &str, k: &str, n: usize| (a.to_string(), b.to_string(), k.to_string(), n);
    assert_eq!(
        matrix,
        [
            row("network", "", "mystery", 1),
            row("cbo", "cbo", "trust", 2),
            row("cbo", "statutory", "funding", 2),
            row("cbo", "statutory", "information", 1),
            row("statutory", "cbo", "information", 1),
        ]
    );
}

#[test]
fn an_empty_or_tiny_map_analyses_without_dividing_by_zero() {
    let analysis = OrgMap::default().analysis();
    assert!(analysis.actors.is_empty() && analysis.brokers.is_empty());
    let two = graph(&[("a", ""), ("b", "")], &[("a", "b", true)]).analysis();
    assert!(two.actors.iter().all(|a| a.betweenness == 0.0));
}

/// Betweenness by brute force: for every ordered pair (s, t) and every v, σ_st(v) / σ_st,
/// from all-pairs distances and shortest-path counts.
fn brute_force_betweenness(n: usize, arcs: &[(usize, usize)]) -> Vec<f64> {
    let mut adjacent = vec![vec![false; n]; n];
    for &(a, b) in arcs {
        if a != b {
            adjacent[a][b] = true;
        }
    }
    let infinity = usize::MAX / 4;
    let mut distance = vec![vec![infinity; n]; n];
    let mut paths = vec![vec![0.0_f64; n]; n];
    for s in 0..n {
        distance[s][s] = 0;
        paths[s][s] = 1.0;
        let mut frontier = vec![s];
        let mut level = 0;
        while !frontier.is_empty() {
            level += 1;
            let mut next = Vec::new();
            for &v in &frontier {
                for w in 0..n {
                    if adjacent[v][w] {
                        if distance[s][w] == infinity {
                            distance[s][w] = level;
                            next.push(w);
                        }
                        if distance[s][w] == level {
                            paths[s][w] += paths[s][v];
                        }
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            frontier = next;
        }
    }
    let mut centrality = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            if s == t || distance[s][t] == infinity {
                continue;
            }
            for v in 0..n {
                if v != s && v != t && distance[s][v] + distance[v][t] == distance[s][t] {
                    centrality[v] += paths[s][v] * paths[v][t] / paths[s][t];
                }
            }
        }
    }
    centrality
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn betweenness_matches_a_brute_force_count(
        n in 1usize..8,
        links in prop::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..20),
    ) {
        let names: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let map = OrgMap {
            actors: names.iter().map(|id| actor(id, "")).collect(),
            links: links
                .iter()
                .filter(|(a, b, _)| *a < n && *b < n)
                .enumerate()
                .map(|(k, (a, b, both))| link(&format!("l{k}"), &names[*a], &names[*b], "funding", *both))
                .collect(),
            ..OrgMap::default()
        };
        let mut arcs = Vec::new();
        for (a, b, both) in links.iter().filter(|(a, b, _)| *a < n && *b < n) {
            arcs.push((*a, *b));
            if *both {
                arcs.push((*b, *a));
            }
        }
        let expected = brute_force_betweenness(n, &arcs);
        let analysis = map.analysis();
        for (got, want) in analysis.actors.iter().zip(&expected) {
            prop_assert!((got.betweenness_raw - want).abs() < 1e-9, "{} vs {}", got.betweenness_raw, want);
        }
        let degree_out: usize = analysis.actors.iter().map(|a| a.degree_out).sum();
        let degree_in: usize = analysis.actors.iter().map(|a| a.degree_in).sum();
        prop_assert_eq!(degree_in, degree_out);
    }
}

#[test]
fn filters_keep_what_they_name_and_never_a_dangling_link() {
    let mut map = two_cliques_and_a_broker();
    map.links[0].kind_id = "funding".into();
    map.actors[0].contributions.push(Contribution {
        resource: Resource::Material,
        text: "hall".into(),
    });
    map.actors[8].contributions.push(Contribution {
        resource: Resource::Relational,
        text: "introductions".into(),
    });
    let everything = map.filtered(&[], &[], &[]);
    assert_eq!(everything, map);

    let cbo = map.filtered(&[], &["cbo".to_string()], &[]);
    assert_eq!(cbo.actors.len(), 4);
    assert_eq!(cbo.links.len(), 6);
    assert_invariants(&cbo);

    let funding = map.filtered(&["funding".to_string()], &[], &[]);
    assert_eq!(funding.actors.len(), 9);
    assert_eq!(funding.links.len(), 1);

    let resources = map.filtered(&[], &[], &[Resource::Material, Resource::Relational]);
    assert_eq!(
        resources
            .actors
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["c1", "x"]
    );
    assert_eq!(resources.links.len(), 1, "c1 ↔ x");
    assert!(resources.check().is_empty());

    let kinds = ["information".to_string()];
    let filter = MapFilter {
        kinds: &kinds,
        ..MapFilter::default()
    };
    assert!(!filter.shows_everything());
    assert!(!filter.shows_link(&map, &map.links[0]));
    assert!(filter.shows_link(&map, &map.links[1]));
    assert!(MapFilter::default().shows_actor(&map.actors[3]));
}

// ----- Layout --------------------------------------------------------------------------------

/// Sixty actor names of the kind a mental-health coproduction workshop writes, in English,
/// Arabic and Bengali, short and long.
const NAMES: [&str; 60] = [
    "Coproduction network",
    "Pentecostal church",
    "Mosque women's group",
    "NHS mental health trust",
    "Council public health",
    "Service users' forum",
    "Mind",
    "Samaritans",
    "GP surgery",
    "Clinical commissioning group",
    "Somali community association",
    "Polish Saturday school",
    "Carers' centre",
    "Citizens Advice",
    "Food bank",
    "Housing association",
    "Job Centre Plus",
    "Police community support",
    "Local councillor",
    "Recovery college",
    "Peer support group",
    "Bangladeshi welfare association",
    "Gurdwara",
    "Hindu temple committee",
    "Catholic parish",
    "Black Country Women's Aid",
    "Refugee Action",
    "Youth club",
    "Age UK",
    "University research team",
    "Healthwatch",
    "Community mental health team",
    "Crisis café",
    "Befriending scheme",
    "Yoruba elders' circle",
    "Arts on prescription",
    "Football club foundation",
    "Libraries service",
    "Social prescribing link workers",
    "Imam",
    "Pastor",
    "Parish nurse",
    "Interpreting service",
    "Domestic abuse helpline",
    "Drug and alcohol service",
    "Schools' wellbeing team",
    "Voluntary sector council",
    "Local radio station",
    "Barbershop talk project",
    "Allotment society",
    "جمعية الجالية العربية",
    "مسجد النور",
    "বাংলাদেশি মহিলা সমিতি",
    "Ward councillors",
    "Integrated care board",
    "Early intervention in psychosis",
    "Talking therapies (IAPT)",
    "Hearing voices group",
    "Men's shed",
    "Community development workers",
];

/// A map of `names`, spread over the default groups, with `links` links of every kind.
fn sample_map(names: &[String], links: usize) -> OrgMap {
    let mut map = OrgMap::default();
    let groups: Vec<String> = map.groups.iter().map(|g| g.id.clone()).collect();
    let kinds: Vec<String> = map.link_kinds.iter().map(|k| k.id.clone()).collect();
    for (i, name) in names.iter().enumerate() {
        let id = format!("actor-{i}");
        map.add_actor(id.clone(), name.as_str());
        map.set_group(&id, &groups[(i * 5 / 3) % groups.len()]);
        map.set_influence(&id, (i % 6) as u8);
    }
    let n = names.len();
    let mut made = 0;
    let mut attempt = 0;
    // A fixed linear congruential sequence: the same links on every run.
    let mut state: u64 = 12345;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound.max(1)
    };
    while made < links && attempt < links * 20 {
        // Mostly between near neighbours in the list, so the graph has structure.
        let a = next(n);
        let b = if next(4) == 0 {
            next(n)
        } else {
            (a + 1 + next(6)) % n.max(1)
        };
        if map.add_link(
            format!("link-{attempt}"),
            &format!("actor-{a}"),
            &format!("actor-{b}"),
            &kinds[attempt % kinds.len()],
            attempt % 4 == 0,
        ) {
            made += 1;
        }
        attempt += 1;
    }
    map
}

fn sixty() -> OrgMap {
    let names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    sample_map(&names, 90)
}

fn assert_no_overlaps(map: &OrgMap, box_of: &dyn Fn(&Actor) -> ActorBox) {
    let rects: Vec<(f64, f64, f64, f64)> =
        map.actors.iter().map(|a| box_of(a).at(a.x, a.y)).collect();
    for i in 0..rects.len() {
        for j in (i + 1)..rects.len() {
            let (a, b) = (rects[i], rects[j]);
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(
                !overlap,
                "{:?} overlaps {:?}",
                map.actors[i].name, map.actors[j].name
            );
        }
    }
}

fn assert_within(map: &OrgMap, width: f64, height: f64, box_of: &dyn Fn(&Actor) -> ActorBox) {
    for a in &map.actors {
        let (left, top, right, bottom) = box_of(a).at(a.x, a.y);
        assert!(
            left >= 0.0 && top >= 0.0 && right <= width && bottom <= height,
            "{:?} at ({}, {}) is off the {width} x {height} canvas",
            a.name,
            a.x,
            a.y
        );
    }
}

fn positions(map: &OrgMap) -> Vec<(f64, f64)> {
    map.actors.iter().map(|a| (a.x, a.y)).collect()
}

#[test]
fn sixty_actors_with_real_names_never_overlap_and_stay_on_the_canvas() {
    let mut map = sixty();
    let start = Instant::now();
    map.auto_layout();
    println!("layout of 60 actors, 90 links: {:?}", start.elapsed());
    assert_no_overlaps(&map, &actor_box);
    assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &actor_box);
    assert_invariants(&map);
    // The gap is kept too: boxes grown by half of it on every side still do not overlap.
    let spaced = |a: &Actor| {
        let b = actor_box(a);
        ActorBox {
            width: b.width + LAYOUT_GAP - 0.02,
            above: b.above + LAYOUT_GAP / 2.0 - 0.01,
            below: b.below + LAYOUT_GAP / 2.0 - 0.01,
        }
    };
    assert_no_overlaps(&map, &spaced);
}

#[test]
fn sixty_actors_never_overlap_whatever_their_groups_and_links() {
    let names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    let mut variants = Vec::new();
    // No links at all.
    variants.push(sample_map(&names, 0));
    // Everyone in one group, densely linked.
    let mut one_group = sample_map(&names, 200);
    for a in &mut one_group.actors {
        a.group_id = "cbo".into();
    }
    variants.push(one_group);
    // A star: everything linked to the first actor.
    let mut star = sample_map(&names, 0);
    for i in 1..60 {
        star.add_link(
            format!("s{i}"),
            "actor-0",
            &format!("actor-{i}"),
            "funding",
            false,
        );
    }
    variants.push(star);
    // No groups, and the longest names doubled.
    let mut long = sample_map(
        &names
            .iter()
            .map(|n| {
                if n.len() > 24 {
                    format!("{n} {n}")
                } else {
                    n.clone()
                }
            })
            .collect::<Vec<_>>(),
        60,
    );
    for a in &mut long.actors {
        a.group_id = NO_GROUP.into();
    }
    variants.push(long);
    for mut map in variants {
        map.auto_layout();
        assert_no_overlaps(&map, &actor_box);
        assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &actor_box);
    }
}

#[test]
fn the_layout_is_deterministic_and_ignores_where_actors_were() {
    let mut first = sixty();
    let mut second = sixty();
    for (n, a) in second.actors.iter_mut().enumerate() {
        a.x = (n * 37 % 1500) as f64;
        a.y = (n * 91 % 800) as f64;
    }
    first.auto_layout();
    second.auto_layout();
    assert_eq!(positions(&first), positions(&second));
    // Laying out again changes nothing.
    let before = positions(&first);
    first.auto_layout();
    assert_eq!(positions(&first), before);
    // Positions are kept to hundredths, so they survive JSON exactly.
    for (x, y) in before {
        assert_eq!((x * 100.0).round() / 100.0, x);
        assert_eq!((y * 100.0).round() / 100.0, y);
    }
}

#[test]
fn small_maps_stay_in_the_view() {
    let names: Vec<String> = NAMES[..15].iter().map(|n| n.to_string()).collect();
    let mut map = sample_map(&names, 20);
    map.auto_layout();
    assert_no_overlaps(&map, &actor_box);
    assert_within(&map, VIEW_WIDTH, VIEW_HEIGHT, &actor_box);
    assert_eq!(map.extent(), (0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT));
    let mut one = sample_map(&names[..1], 0);
    one.auto_layout();
    assert_within(&one, VIEW_WIDTH, VIEW_HEIGHT, &actor_box);
}

fn mean_distance(map: &OrgMap, pairs: impl Iterator<Item = (usize, usize)>) -> f64 {
    let (mut total, mut count) = (0.0, 0.0);
    for (i, j) in pairs {
        let (a, b) = (&map.actors[i], &map.actors[j]);
        total += (a.x - b.x).hypot(a.y - b.y);
        count += 1.0;
    }
    total / count
}

#[test]
fn groups_stay_together_and_linked_actors_close() {
    let names: Vec<String> = NAMES[..36].iter().map(|n| n.to_string()).collect();
    let mut map = sample_map(&names, 0);
    map.auto_layout();
    let n = map.actors.len();
    let all_pairs = || (0..n).flat_map(move |i| ((i + 1)..n).map(move |j| (i, j)));
    let same = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id == map.actors[j].group_id),
    );
    let different = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id != map.actors[j].group_id),
    );
    println!("mean distance within groups {same:.0}, across groups {different:.0}");
    assert!(
        same < 0.6 * different,
        "within {same:.0}, across {different:.0}"
    );

    // With links across groups too, both pulls still show.
    let mut mixed = sixty();
    mixed.auto_layout();
    let n = mixed.actors.len();
    let pairs = || (0..n).flat_map(move |i| ((i + 1)..n).map(move |j| (i, j)));
    let same = mean_distance(
        &mixed,
        pairs().filter(|&(i, j)| mixed.actors[i].group_id == mixed.actors[j].group_id),
    );
    let different = mean_distance(
        &mixed,
        pairs().filter(|&(i, j)| mixed.actors[i].group_id != mixed.actors[j].group_id),
    );
    let index: HashMap<&str, usize> = mixed
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let along_links = mean_distance(
        &mixed,
        mixed
            .links
            .iter()
            .map(|l| (index[l.from.as_str()], index[l.to.as_str()])),
    );
    let overall = mean_distance(&mixed, pairs());
    println!(
        "sixty actors: within groups {same:.0}, across {different:.0}; along links \
         {along_links:.0}, overall {overall:.0}"
    );
    assert!(same < 0.7 * different);
    assert!(along_links < 0.8 * overall);

    let mut linked = sample_map(&names, 40);
    for a in &mut linked.actors {
        a.group_id = NO_GROUP.into();
    }
    linked.auto_layout();
    let index: HashMap<&str, usize> = linked
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let link_pairs: Vec<(usize, usize)> = linked
        .links
        .iter()
        .map(|l| (index[l.from.as_str()], index[l.to.as_str()]))
        .collect();
    let along_links = mean_distance(&linked, link_pairs.iter().copied());
    let overall = mean_distance(&linked, all_pairs());
    println!("mean distance along links {along_links:.0}, overall {overall:.0}");
    assert!(along_links < 0.8 * overall);
}

#[test]
fn a_caller_s_own_boxes_and_canvas_are_respected() {
    let mut map = sixty();
    let box_of = |a: &Actor| ActorBox::centred(60.0 + a.name.chars().count() as f64 * 9.0, 50.0);
    map.auto_layout_within(1600.0, 900.0, box_of);
    assert_no_overlaps(&map, &box_of);
    assert_within(&map, 1600.0, 900.0, &box_of);
    // Nonsense sizes and canvases lay out without a panic, on the canvas.
    map.auto_layout_within(f64::NAN, -5.0, |_| ActorBox {
        width: f64::NAN,
        above: -3.0,
        below: f64::INFINITY,
    });
    assert!(map
        .actors
        .iter()
        .all(|a| a.x.is_finite() && a.y.is_finite()));
    map.auto_layout_within(10.0, 10.0, |_| ActorBox::centred(500.0, 500.0));
    assert!(map
        .actors
        .iter()
        .all(|a| a.x.is_finite() && a.y.is_finite()));
    let mut empty = OrgMap::default();
    empty.auto_layout();
    assert!(empty.actors.is_empty());
}

#[test]
fn three_hundred_actors_and_six_hundred_links_lay_out_and_analyse_quickly() {
    let names: Vec<String> = (0..300)
        .map(|i| format!("{} {}", NAMES[i % 60], i / 60 + 1))
        .collect();
    let mut map = sample_map(&names, 600);
    assert_eq!(map.actors.len(), 300);
    assert_eq!(map.links.len(), 600);
    // The best of three runs of each, as the machine may be busy with other work.
    let best_of_three = |run: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let layout = best_of_three(&mut || map.auto_layout());
    let analysis = map.analysis();
    let analysis_time = best_of_three(&mut || {
        map.analysis();
    });
    let mut svg = String::new();
    let svg_time = best_of_three(&mut || svg = map_svg(&map, &MapMeta::default()));
    println!(
        "300 actors, 600 links: layout {layout:?}, analysis {analysis_time:?}, SVG {svg_time:?} \
         ({} bytes){}",
        svg.len(),
        if cfg!(debug_assertions) {
            " — an unoptimised build"
        } else {
            ""
        }
    );
    assert_eq!(analysis.actors.len(), 300);
    assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &|_| {
        ActorBox::centred(0.0, 0.0)
    });
    // Generous bounds, so a slow test machine never fails this; the benchmark measures.
    let bound = if cfg!(debug_assertions) { 20.0 } else { 2.0 };
    assert!(layout.as_secs_f64() < bound, "{layout:?}");
}

#[test]
fn names_wrap_into_short_lines_and_the_box_covers_them() {
    assert_eq!(
        actor_label_lines("Social prescribing link workers"),
        ["Social", "prescribing", "link workers"]
    );
    assert_eq!(actor_label_lines("Mind"), ["Mind"]);
    assert!(actor_label_lines("").is_empty());
    let short = actor_box(&actor("Mind", ""));
    let long = actor_box(&Actor {
        name: "Social prescribing link workers".into(),
        ..actor("x", "")
    });
    assert!(long.below > short.below, "three lines hang lower");
    assert!(short.width >= 2.0 * 70.0, "the tower is inside the box");
}

// ----- XML well-formedness (as in tests/venn.rs: each integration test is its own crate, so
// ----- the checker is repeated here rather than shared) --------------------------------------

/// Names no export may be broken by.
const HOSTILE: [&str; 9] = [
    "<script>alert('x')</script>",
    "Tom & Jerry's \"café\"",
    "]]> -- <!-- not a comment -->",
    "جمعية الجالية العربية",
    "Food bank 🍞🥫 👩🏽‍⚕️",
    "=SUM(A1)",
    "&amp; &#60; &lt;",
    "tab\there\nnew line",
    "-5 + @x",
];

fn hostile_map() -> OrgMap {
    let mut map = OrgMap {
        question: "Who <shapes> & \"why\"?".into(),
        ..OrgMap::default()
    };
    for (i, name) in HOSTILE.iter().enumerate() {
        let id = format!("h{i} <&\"'>");
        map.actors.push(Actor {
            influence: (i % 6) as u8,
            notes: format!("notes {name}"),
            contributions: vec![Contribution {
                resource: Resource::ALL[i % 3],
                text: name.to_string(),
            }],
            x: 100.0 + 150.0 * i as f64,
            y: 200.0 + 60.0 * (i % 3) as f64,
            ..actor(&id, "cbo")
        });
        map.actors[i].name = name.to_string();
    }
    map.groups[1].label = "Community <orgs> & \"faith\"".into();
    map.link_kinds[0].label = "Funding ]]> & <more>".into();
    for (i, notes) in HOSTILE.iter().enumerate().skip(1) {
        let from = map.actors[i - 1].id.clone();
        let to = map.actors[i].id.clone();
        let mut l = link(&format!("l{i} <&>"), &from, &to, "funding", i % 2 == 0);
        l.notes = notes.to_string();
        l.strength = Some((i % 6) as u8);
        map.links.push(l);
    }
    assert!(map.check().is_empty());
    map
}

// ----- GraphML -------------------------------------------------------------------------------

#[test]
fn graphml_is_well_formed_typed_and_escapes_hostile_names() {
    let map = hostile_map();
    let text = graphml(&map);
    let elements = parse_xml(&text).unwrap_or_else(|problem| panic!("{problem}\n{text}"));
    let root = &elements[0];
    assert_eq!(root.name, "graphml");
    assert_eq!(
        root.attribute("xmlns"),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    // Every key is declared once, for node, edge or graph, with a GraphML type.
    let mut keys: HashMap<String, (String, String)> = HashMap::new();
    for key in elements.iter().filter(|e| e.name == "key") {
        let id = key.attribute("id").expect("id").to_string();
        let domain = key.attribute("for").expect("for").to_string();
        let kind = key.attribute("attr.type").expect("attr.type").to_string();
        assert!(["node", "edge", "graph"].contains(&domain.as_str()));
        assert!(
            ["string", "int", "double", "boolean"].contains(&kind.as_str()),
            "{kind}"
        );
        assert!(key.attribute("attr.name").is_some());
        assert!(
            keys.insert(id, (domain, kind)).is_none(),
            "a key declared twice"
        );
    }
    // Every value has a declared key for its element and parses as its type.
    for data in elements.iter().filter(|e| e.name == "data") {
        let key = data.attribute("key").expect("key");
        let (domain, kind) = keys
            .get(key)
            .unwrap_or_else(|| panic!("undeclared key {key}"));
        let parent = &elements[data.parent.expect("data sits in an element")];
        assert_eq!(&parent.name, domain, "{key}");
        let value = data.text.as_str();
        match kind.as_str() {
            "int" => assert!(value.parse::<i64>().is_ok(), "{key}={value}"),
            "double" => assert!(
                value.parse::<f64>().is_ok_and(f64::is_finite),
                "{key}={value}"
            ),
            "boolean" => assert!(value == "true" || value == "false", "{key}={value}"),
            _ => {}
        }
    }
    let graph = elements.iter().find(|e| e.name == "graph").expect("graph");
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));

    // Names come back exactly, however hostile.
    let nodes: Vec<usize> = (0..elements.len())
        .filter(|&i| elements[i].name == "node")
        .collect();
    assert_eq!(nodes.len(), map.actors.len());
    let value_of = |element: usize, key: &str| -> String {
        elements
            .iter()
            .find(|e| e.parent == Some(element) && e.attribute("key") == Some(key))
            .map(|e| e.text.clone())
            .unwrap_or_default()
    };
    for (node, actor) in nodes.iter().zip(&map.actors) {
        let id = elements[*node].attribute("id").expect("id");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
        assert_eq!(value_of(*node, "label"), actor.name);
        assert_eq!(value_of(*node, "name"), actor.name);
        assert_eq!(value_of(*node, "actor_id"), actor.id);
        assert_eq!(value_of(*node, "group_label"), map.groups[1].label);
        assert_eq!(value_of(*node, "influence"), actor.influence.to_string());
    }
    assert_eq!(value_of(1 + keys.len(), "question"), map.question);

    // A both-ways link is two directed edges; one-way links one.
    let edges: Vec<usize> = (0..elements.len())
        .filter(|&i| elements[i].name == "edge")
        .collect();
    let both = map.links.iter().filter(|l| l.both_ways).count();
    assert_eq!(edges.len(), map.links.len() + both);
    for edge in &edges {
        assert_eq!(elements[*edge].attribute("directed"), Some("true"));
        let link_id = value_of(*edge, "link_id");
        let link = map.link(&link_id).expect("the edge names its link");
        assert_eq!(value_of(*edge, "both_ways"), link.both_ways.to_string());
        assert_eq!(value_of(*edge, "kind_label"), map.link_kinds[0].label);
    }
}

#[test]
fn graphml_of_the_broker_map_has_its_measures() {
    let map = two_cliques_and_a_broker();
    let text = graphml(&map);
    let elements = parse_xml(&text).expect("well-formed");
    assert_eq!(elements.iter().filter(|e| e.name == "node").count(), 9);
    assert_eq!(text.matches("<node ").count(), 9);
    // 12 clique links and 2 to the broker, all both ways.
    assert_eq!(elements.iter().filter(|e| e.name == "edge").count(), 28);
    let x_node = elements
        .iter()
        .position(|e| e.name == "node" && e.attribute("id") == Some("n8"))
        .expect("the broker's node");
    let betweenness = elements
        .iter()
        .find(|e| e.parent == Some(x_node) && e.attribute("key") == Some("betweenness"))
        .and_then(|e| e.text.parse::<f64>().ok())
        .expect("betweenness");
    assert!(close(betweenness, 32.0 / 56.0));
    // An empty map is still a graph.
    assert!(parse_xml(&graphml(&OrgMap::default())).is_ok());
}

// ----- CSV -----------------------------------------------------------------------------------

fn broker_map_with_details() -> OrgMap {
    let mut map = two_cliques_and_a_broker();
    map.actors[8].name = "Coproduction network".into();
    map.actors[8].influence = 4;
    map.actors[8].notes = "=HYPERLINK(\"x\")".into();
    map.actors[8].contributions = vec![
        Contribution {
            resource: Resource::Relational,
            text: "introductions".into(),
        },
        Contribution {
            resource: Resource::Relational,
            text: "trust".into(),
        },
        Contribution {
            resource: Resource::Material,
            text: "+ a meeting room".into(),
        },
    ];
    map.actors[0].name = "@Church, \"St Mary's\"".into();
    map.links[0].strength = Some(3);
    map.links[0].notes = "-monthly".into();
    map.links[13].both_ways = false;
    map
}

#[test]
fn the_node_list_has_every_column_and_guards_formulas() {
    let map = broker_map_with_details();
    let rows = parse_csv(&nodes_csv(&map));
    assert_eq!(
        rows[0],
        [
            "id",
            "name",
            "group",
            "influence",
            "symbolic",
            "relational",
            "material",
            "degree in",
            "degree out",
            "betweenness",
            "notes"
        ]
    );
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[1][1], "'@Church, \"St Mary's\"");
    assert_eq!(rows[1][2], "Community organisation");
    let broker = &rows[9];
    assert_eq!(broker[0], "x");
    assert_eq!(broker[1], "Coproduction network");
    assert_eq!(broker[2], "Network organisation");
    assert_eq!(broker[3], "4");
    assert_eq!(broker[4], "");
    assert_eq!(broker[5], "introductions; trust");
    assert_eq!(broker[6], "'+ a meeting room");
    // x ↔ c1 both ways, x → s1 one way now.
    assert_eq!((broker[7].as_str(), broker[8].as_str()), ("1", "2"));
    assert_eq!(broker[10], "'=HYPERLINK(\"x\")");
    let betweenness: f64 = broker[9].parse().expect("a number");
    assert!((betweenness - 0.2857).abs() < 1e-4, "{betweenness}");
    // The end-to-end test reads the name as the second comma-separated field.
    let text = nodes_csv(&sixty());
    let lines: Vec<&str> = text.trim().lines().collect();
    assert_eq!(lines.len(), 61);
    assert_eq!(lines[1].split(',').nth(1), Some("Coproduction network"));
}

#[test]
fn the_edge_list_names_actors_kinds_and_direction() {
    let map = broker_map_with_details();
    let rows = parse_csv(&edges_csv(&map));
    assert_eq!(
        rows[0],
        ["id", "from", "to", "kind", "direction", "strength", "notes"]
    );
    assert_eq!(rows.len(), 1 + map.links.len());
    assert_eq!(
        rows[1],
        [
            "l0",
            "'@Church, \"St Mary's\"",
            "c2",
            "Information",
            "both-ways",
            "3",
            "'-monthly"
        ]
    );
    assert_eq!(
        rows[14][1..5],
        ["Coproduction network", "s1", "Information", "one-way"]
    );
    assert_eq!(rows[14][5], "");
}

#[test]
fn the_analysis_table_puts_brokers_first() {
    let map = broker_map_with_details();
    let rows = parse_csv(&analysis_csv(&map));
    assert_eq!(
        rows[0],
        [
            "broker rank",
            "actor",
            "group",
            "degree in",
            "degree out",
            "betweenness",
            "betweenness (raw)",
            "group pairs bridged",
            "groups bridged",
            "isolated"
        ]
    );
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[1][0], "1");
    assert_eq!(rows[1][1], "Coproduction network");
    assert_eq!(rows[1][7], "3");
    assert_eq!(
        rows[1][8],
        "Network organisation – Community organisation; Network organisation – Statutory service; \
         Community organisation – Statutory service"
    );
    assert_eq!(rows[1][9], "no");
    assert_eq!(rows[2][0], "2");
    // Actors that broker nothing follow, unranked, in the map's order.
    assert_eq!(rows[4][0], "");
    assert_eq!(rows[4][1], "c2");

    let mut with_isolated = map.clone();
    with_isolated.actors.push(actor("alone", "faith"));
    let rows = parse_csv(&analysis_csv(&with_isolated));
    let last = rows.last().expect("a row");
    assert_eq!((last[1].as_str(), last[9].as_str()), ("alone", "yes"));
}

#[test]
fn the_group_matrix_table_counts_ties() {
    let map = two_cliques_and_a_broker();
    let rows = parse_csv(&group_matrix_csv(&map));
    assert_eq!(rows[0], ["from group", "to group", "kind", "links"]);
    let row = |a: &str, b: &str, n: &str| {
        vec![
            a.to_string(),
            b.to_string(),
            "Information".to_string(),
            n.to_string(),
        ]
    };
    assert_eq!(
        rows[1..],
        [
            row("Network organisation", "Community organisation", "1"),
            row("Network organisation", "Statutory service", "1"),
            row("Community organisation", "Network organisation", "1"),
            row("Community organisation", "Community organisation", "12"),
            row("Statutory service", "Network organisation", "1"),
            row("Statutory service", "Statutory service", "12"),
        ]
    );
    let mut ungrouped = map.clone();
    ungrouped.actors[8].group_id = NO_GROUP.into();
    assert!(group_matrix_csv(&ungrouped).contains("(no group)"));
}

#[test]
fn empty_maps_give_a_header_only() {
    let map = OrgMap::default();
    for text in [
        nodes_csv(&map),
        edges_csv(&map),
        analysis_csv(&map),
        group_matrix_csv(&map),
    ] {
        assert_eq!(parse_csv(&text).len(), 1);
        assert!(text.ends_with('\n') && !text.starts_with('\u{feff}'));
    }
}

// ----- SVG -----------------------------------------------------------------------------------

fn meta() -> MapMeta {
    MapMeta {
        title: "Who shapes support? <2026> & \"us\"".into(),
        group: "Community organisations".into(),
        date: "2026-03-14".into(),
    }
}

#[test]
fn the_figure_is_well_formed_readable_and_has_its_legend() {
    let mut map = sixty();
    map.question = "Who shapes mental-health support for our communities?".into();
    map.auto_layout();
    let svg = map_svg(&map, &meta());
    let elements = check_projector_svg(&svg);
    assert_eq!(
        elements[1].text,
        "Who shapes support? <2026> & \"us\" — Community organisations, 2026-03-14"
    );
    let shown = texts(&elements);
    assert!(shown.contains(&"Who shapes support? <2026> & \"us\""));
    assert!(shown.contains(&"Community organisations"));
    assert!(shown.contains(&"2026-03-14"));
    assert!(shown
        .iter()
        .any(|t| t.contains("Who shapes mental-health support")));
    // Every group and kind in the legend, each with its colour and its second cue.
    for group in &map.groups {
        assert!(shown.contains(&group.label.as_str()), "{}", group.label);
        assert!(elements
            .iter()
            .any(|e| e.name == "path" && e.attribute("fill") == Some(group.colour.as_str())));
    }
    for kind in &map.link_kinds {
        assert!(shown.contains(&kind.label.as_str()), "{}", kind.label);
        if !kind.dash.is_empty() {
            assert!(elements.iter().any(|e| e.attribute("stroke-dasharray")
                == Some(kind.dash.as_str())
                && e.attribute("stroke") == Some(kind.colour.as_str())));
        }
    }
    // Names are at the projector size, every word kept.
    for actor in &map.actors {
        for line in actor_label_lines(&actor.name) {
            assert!(shown.contains(&line.as_str()), "{line}");
        }
    }
    let names = elements
        .iter()
        .filter(|e| e.name == "text" && e.attribute("font-weight") == Some("bold"))
        .filter(|e| e.number("font-size") == Some(26.0))
        .count();
    assert!(names >= 60);
    // Right-to-left names read right to left.
    let arabic = elements
        .iter()
        .find(|e| e.name == "text" && e.text.starts_with("مسجد"))
        .expect("the Arabic name");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    // Influence: one disc per point, plus three in the legend.
    let discs = elements.iter().filter(|e| e.name == "ellipse").count();
    let points: usize = map.actors.iter().map(|a| a.influence as usize).sum();
    assert_eq!(discs, points + 3);
    // An arrowhead per link end, plus the legend's.
    let heads = elements
        .iter()
        .filter(|e| {
            e.name == "path"
                && e.attribute("d").is_some_and(|d| d.ends_with(" Z"))
                && e.attribute("stroke-linejoin") == Some("round")
        })
        .count();
    let ends: usize = map
        .links
        .iter()
        .map(|l| if l.both_ways { 2 } else { 1 })
        .sum();
    assert_eq!(heads, ends + map.link_kinds.len() + 3);
    std::fs::write(std::env::temp_dir().join("pla-orgmap-sixty.svg"), &svg).ok();
}

#[test]
fn several_links_between_two_actors_are_separate_curves() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Network");
    map.add_actor("b", "NHS trust");
    map.move_actor("a", 300.0, 400.0);
    map.move_actor("b", 1100.0, 400.0);
    assert!(map.add_link("1", "a", "b", "funding", false));
    assert!(map.add_link("2", "b", "a", "information", false));
    assert!(map.add_link("3", "a", "b", "staff", true));
    let elements = check_projector_svg(&map_svg(&map, &MapMeta::default()));
    let curves: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "path" && e.attribute("fill") == Some("none"))
        .filter_map(|e| e.attribute("d"))
        .collect();
    assert_eq!(curves.len(), 3);
    // Their control points (the middle of each curve) are 52 units apart in turn.
    let control_y = |d: &str| -> f64 {
        let after_q = d.split('Q').nth(1).expect("a quadratic curve");
        let point = after_q.split_whitespace().next().expect("a control point");
        point
            .split(',')
            .nth(1)
            .and_then(|y| y.parse().ok())
            .expect("y")
    };
    let mut ys: Vec<f64> = curves.iter().map(|d| control_y(d)).collect();
    ys.sort_by(f64::total_cmp);
    assert!(
        close(ys[1] - ys[0], 52.0) && close(ys[2] - ys[1], 52.0),
        "{ys:?}"
    );
    // Each link's colour and dash, so kinds stay apart without colour.
    for kind in ["funding", "information", "staff"] {
        let k = map.link_kind(kind).expect("kind").clone();
        assert!(elements.iter().any(|e| e.attribute("d").is_some()
            && e.attribute("fill") == Some("none")
            && e.attribute("stroke") == Some(k.colour.as_str())
            && e.attribute("stroke-dasharray").unwrap_or("") == k.dash));
    }
}

#[test]
fn hostile_names_are_escaped_and_the_data_comes_back() {
    let map = hostile_map();
    let svg = map_svg(&map, &meta());
    let elements = check_projector_svg(&svg);
    let shown = texts(&elements).join("\n");
    assert!(shown.contains("<script>alert('x')</script>"));
    assert!(shown.contains("]]> -- <!-- not a comment -->"));
    assert!(
        shown.contains("&amp; &#60; &lt;"),
        "shown as typed, not decoded twice"
    );
    assert!(shown.contains("Food bank 🍞🥫 👩🏽‍⚕️"));
    assert!(shown.contains("tab here new line"), "one line for a name");
    let metadata = elements
        .iter()
        .find(|e| e.name == "metadata")
        .expect("metadata");
    assert_eq!(metadata.attribute("id"), Some(METADATA_ID));
    let embedded: OrgMap = serde_json::from_str(&metadata.text).expect("JSON");
    assert_eq!(embedded, map);
    assert_eq!(map_from_svg(&svg), Ok(map));
}

#[test]
fn the_data_survives_what_other_editors_do_to_the_file() {
    let map = two_cliques_and_a_broker();
    let json = serde_json::to_string(&map).expect("JSON");
    // CDATA, single quotes, a namespace prefix, comments, extra elements and a DOCTYPE.
    let resaved = format!(
        "<?xml version='1.0'?>\n<!DOCTYPE svg [ <!ENTITY x \"y\"> ]>\n<svg:svg xmlns:svg='http://www.w3.org/2000/svg'>\
         <!-- <metadata id='{METADATA_ID}'>not this</metadata> -->\
         <svg:metadata id='{METADATA_ID}' other=\"a > b\"><rdf:RDF><x>ignored</x></rdf:RDF><![CDATA[{json}]]></svg:metadata></svg:svg>"
    );
    assert_eq!(map_from_svg(&resaved), Ok(map.clone()));
    let escaped = json.replace('"', "&quot;").replace('{', "&#123;");
    let entities = format!("<svg><metadata id=\"{METADATA_ID}\">{escaped}</metadata></svg>");
    assert_eq!(map_from_svg(&entities), Ok(map));
}

#[test]
fn reading_anything_else_gives_plain_words_never_a_panic() {
    for text in [
        String::new(),
        "not xml".to_string(),
        "<svg></svg>".to_string(),
        "<svg><metadata id=\"pla-workshop-power-venn\">{}</metadata></svg>".to_string(),
        format!("<svg><metadata id=\"{METADATA_ID}\"/></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{not json</metadata></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{}}"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&bogus;</metadata></svg>"),
        format!("<svg><metadata id={METADATA_ID}>x</metadata></svg>"),
        "<svg><metadata id=\"".to_string(),
        "<svg><!-- never closed".to_string(),
    ] {
        let result = map_from_svg(&text);
        let problem = result.expect_err(&text);
        assert!(
            problem.ends_with('.') || problem.ends_with(").."),
            "{problem}"
        );
    }
    // A map that breaks the rules is refused, with where.
    let mut broken = two_cliques_and_a_broker();
    broken.links[0].to = "ghost".into();
    let svg = map_svg(&broken, &MapMeta::default());
    let problem = map_from_svg(&svg).expect_err("a dangling link");
    assert!(problem.contains("ghost"), "{problem}");
}

#[test]
fn an_empty_or_damaged_map_still_draws() {
    let empty = OrgMap::default();
    let svg = map_svg(&empty, &MapMeta::default());
    let elements = check_projector_svg(&svg);
    assert!(texts(&elements).contains(&"Organisational map"));
    assert_eq!(map_from_svg(&svg), Ok(empty));

    let mut damaged = two_cliques_and_a_broker();
    damaged.actors[0].x = f64::NAN;
    damaged.actors[1].y = 1e12;
    damaged.actors[2].x = -40.0;
    damaged.actors[3].influence = 250;
    damaged.actors[4].group_id = "unknown".into();
    damaged.links[0].kind_id = "unknown".into();
    damaged
        .links
        .push(link("self", "c1", "c1", "funding", false));
    damaged
        .links
        .push(link("dangling", "c1", "ghost", "funding", false));
    damaged.groups[0].colour = "red\" onload=\"x".into();
    damaged.link_kinds[1].dash = "url(#x)".into();
    let svg = map_svg(&damaged, &MapMeta::default());
    parse_xml(&svg).expect("well-formed");
    assert!(!svg.contains("onload=\""));
    let graphml_text = graphml(&damaged);
    parse_xml(&graphml_text).expect("well-formed");
    let _ = nodes_csv(&damaged);
    let _ = edges_csv(&damaged);
    let _ = analysis_csv(&damaged);
}

/// Texts as hostile as a person can type.
fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(HOSTILE.to_vec()).prop_map(String::from),
        Just(String::new()),
        "[a-zA-Z <>&\"'\\]\\-]{0,30}",
        any::<String>(),
    ]
}

/// Numbers as the model keeps them: to a hundredth of a unit.
fn hundredths(low: f64, high: f64) -> impl Strategy<Value = f64> {
    ((low * 100.0) as i64..=(high * 100.0) as i64).prop_map(|n| n as f64 / 100.0)
}

fn any_map() -> impl Strategy<Value = OrgMap> {
    let actor = (
        text_strategy(),
        text_strategy(),
        0u8..=5,
        prop::collection::vec((0usize..3, text_strategy()), 0..3),
        hundredths(0.0, MAP_WIDTH),
        hundredths(0.0, MAP_HEIGHT),
        0usize..8,
    );
    let link = (
        0usize..10,
        0usize..10,
        0usize..6,
        any::<bool>(),
        proptest::option::of(0u8..=5),
        text_strategy(),
    );
    (
        text_strategy(),
        text_strategy(),
        prop::collection::vec(actor, 0..10),
        prop::collection::vec(link, 0..14),
    )
        .prop_map(|(question, id_tail, actors, links)| {
            let mut map = OrgMap {
                question,
                ..OrgMap::default()
            };
            map.groups[2].label = id_tail.clone();
            let groups: Vec<String> = map.groups.iter().map(|g| g.id.clone()).collect();
            for (n, (name, notes, influence, contributions, x, y, group)) in
                actors.into_iter().enumerate()
            {
                map.actors.push(Actor {
                    // Unique, and as hostile as the names.
                    id: format!("{n}:{id_tail}"),
                    name,
                    group_id: groups.get(group).cloned().unwrap_or_default(),
                    influence,
                    contributions: contributions
                        .into_iter()
                        .map(|(r, text)| Contribution {
                            resource: Resource::ALL[r],
                            text,
                        })
                        .collect(),
                    notes,
                    x,
                    y,
                });
            }
            let count = map.actors.len();
            for (n, (from, to, kind, both_ways, strength, notes)) in links.into_iter().enumerate() {
                if count == 0 {
                    break;
                }
                let from = map.actors[from % count].id.clone();
                let to = map.actors[to % count].id.clone();
                map.links.push(Link {
                    id: format!("l{n}:{id_tail}"),
                    from,
                    to,
                    kind_id: map
                        .link_kinds
                        .get(kind)
                        .map(|k| k.id.clone())
                        .unwrap_or_else(|| "unknown".into()),
                    both_ways,
                    strength,
                    notes,
                });
            }
            map
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_map_exported_then_imported_is_equal_and_every_file_is_well_formed(
        map in any_map(),
        title in text_strategy(),
    ) {
        let svg = map_svg(&map, &MapMeta { title, group: "G".into(), date: String::new() });
        check_projector_svg(&svg);
        prop_assert_eq!(map_from_svg(&svg), Ok(map.clone()));
        parse_xml(&graphml(&map)).map_err(TestCaseError::fail)?;
        for text in [nodes_csv(&map), edges_csv(&map), analysis_csv(&map), group_matrix_csv(&map)] {
            let rows = parse_csv(&text);
            for row in &rows[1..] {
                for cell in row {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
                }
            }
        }
        prop_assert_eq!(parse_csv(&nodes_csv(&map)).len(), 1 + map.actors.len());
        prop_assert_eq!(parse_csv(&edges_csv(&map)).len(), 1 + map.links.len());
    }

    #[test]
    fn full_precision_positions_survive_the_figure_as_they_survive_json(
        map in any_map(),
        jitter in prop::collection::vec(-1.0_f64..1.0, 10),
    ) {
        let mut map = map;
        for (a, j) in map.actors.iter_mut().zip(&jitter) {
            a.x = (a.x + j / 3.0).clamp(0.0, MAP_WIDTH);
            a.y = (a.y - j / 7.0).clamp(0.0, MAP_HEIGHT);
        }
        let through_json: OrgMap =
            serde_json::from_str(&serde_json::to_string(&map).expect("JSON")).expect("JSON");
        prop_assert_eq!(map_from_svg(&map_svg(&map, &meta())), Ok(through_json));
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = map_from_svg(&text);
        let _ = map_from_svg(&format!("<svg><metadata id=\"{METADATA_ID}\">{text}</metadata></svg>"));
    }
}

#[test]
fn default_groups_and_kinds_pair_colour_with_a_second_cue() {
    let map = OrgMap::default();
    let shapes: HashSet<&str> = map.groups.iter().map(|g| g.shape.as_str()).collect();
    assert_eq!(shapes.len(), map.groups.len(), "each group its own shape");
    let dashes: HashSet<&str> = map.link_kinds.iter().map(|k| k.dash.as_str()).collect();
    assert_eq!(dashes.len(), map.link_kinds.len(), "each kind its own dash");
}
