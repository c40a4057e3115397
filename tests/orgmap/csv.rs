//! The CSV exports: nodes, edges, analysis and the group matrix.

use super::actor;
use super::analysis::two_cliques_and_a_broker;
use super::layout::sixty;
use crate::common::parse_csv;
use pla_workshop::export::orgmap::{analysis_csv, edges_csv, group_matrix_csv, nodes_csv};
use pla_workshop::model::orgmap::{Contribution, OrgMap, Resource, NO_GROUP};

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
        // A byte-order mark first, so Excel reads the file as UTF-8 in any script.
        assert!(text.ends_with('\n') && text.starts_with('\u{feff}'));
    }
}
