//! The file format: the map's JSON as stored, and the rules `check` reports.

use super::{actor, graph, link};
use pla_workshop::model::orgmap::{Actor, Contribution, OrgMap, Resource};

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
