#![cfg(not(target_arch = "wasm32"))]
//! Organisational maps: edits that never leave a dangling link, degree and betweenness
//! against known small graphs (and a brute-force count), brokers and the group matrix,
//! filters, the deterministic layout with no overlapping actors at 60 actors, and the CSV,
//! GraphML and SVG exports (with the SVG's embedded data read back).

#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod csv;
mod edits;
mod file_format;
mod graphml;
mod layout;
mod svg;

use pla_workshop::model::orgmap::{
    Actor, Contribution, Link, OrgMap, Resource, MAP_HEIGHT, MAP_WIDTH, NO_GROUP,
};
use std::collections::HashSet;

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

// ----- Hostile names, for the exports' tests (the XML checker they use is in
// ----- tests/common/mod.rs) ------------------------------------------------------------------

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
