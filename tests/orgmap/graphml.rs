//! The GraphML export.

use super::analysis::two_cliques_and_a_broker;
use super::{close, hostile_map};
use crate::common::parse_xml;
use pla_workshop::export::orgmap::graphml;
use pla_workshop::model::orgmap::OrgMap;
use std::collections::HashMap;

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
