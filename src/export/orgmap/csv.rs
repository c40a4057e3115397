//! The node, edge, analysis and group-matrix tables as CSV.

use super::{contributions_of, decimal, group_label, kind_label};
use crate::export::{text_cell, write_csv};
use crate::model::orgmap::{Analysis, OrgMap, Resource, NO_GROUP};
use std::collections::HashMap;

// ----- CSV -----------------------------------------------------------------------------------

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The node list, one row per actor in the map's order: id, name, group, influence, the
/// contributions of each resource (texts joined by "; "), degree in and out, betweenness
/// (0 to 1) and notes.
pub fn nodes_csv(map: &OrgMap) -> String {
    write_csv(&nodes_table(map))
}

/// The rows of [`nodes_csv`], header first, as typed (the report shows them as a table).
pub fn nodes_table(map: &OrgMap) -> Vec<Vec<String>> {
    let analysis = map.analysis();
    let mut rows = vec![header(&[
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
        "notes",
    ])];
    for (actor, measures) in map.actors.iter().zip(&analysis.actors) {
        rows.push(vec![
            text_cell(&actor.id),
            text_cell(&actor.name),
            text_cell(&group_label(map, &actor.group_id)),
            actor.influence.to_string(),
            text_cell(&contributions_of(actor, Resource::Symbolic)),
            text_cell(&contributions_of(actor, Resource::Relational)),
            text_cell(&contributions_of(actor, Resource::Material)),
            measures.degree_in.to_string(),
            measures.degree_out.to_string(),
            decimal(measures.betweenness, 4),
            text_cell(&actor.notes),
        ]);
    }
    rows
}

/// The edge list, one row per link in the map's order: id, the two actors' names, kind,
/// direction ("one-way" or "both-ways"), strength (empty when not set) and notes.
pub fn edges_csv(map: &OrgMap) -> String {
    write_csv(&edges_table(map))
}

/// The rows of [`edges_csv`], header first, as typed (the report shows them as a table).
pub fn edges_table(map: &OrgMap) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "id",
        "from",
        "to",
        "kind",
        "direction",
        "strength",
        "notes",
    ])];
    let names: HashMap<&str, &str> = map
        .actors
        .iter()
        .rev() // so that the first actor with an id wins, as in every other look-up
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let name = |id: &str| names.get(id).copied().unwrap_or_default();
    for link in &map.links {
        rows.push(vec![
            text_cell(&link.id),
            text_cell(name(&link.from)),
            text_cell(name(&link.to)),
            text_cell(&kind_label(map, &link.kind_id)),
            if link.both_ways {
                "both-ways"
            } else {
                "one-way"
            }
            .to_string(),
            link.strength.map(|s| s.to_string()).unwrap_or_default(),
            text_cell(&link.notes),
        ]);
    }
    rows
}

/// The group pairs an actor bridges, as "Group A – Group B; …".
fn bridged_text(map: &OrgMap, pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(a, b)| format!("{} – {}", group_label(map, a), group_label(map, b)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The analysis table, one row per actor: the brokers first in their rank order (see
/// [`Analysis::brokers`]), then the others in the map's order. Columns: broker rank (empty
/// for an actor that is not a broker), actor, group, degree in, degree out, betweenness (0 to
/// 1), betweenness (raw, the sum of shares of shortest paths), how many group pairs it
/// bridges and which, and whether it is isolated.
pub fn analysis_csv(map: &OrgMap) -> String {
    write_csv(&analysis_table(map))
}

/// The rows of [`analysis_csv`], header first, as typed (the report shows them as a table).
pub fn analysis_table(map: &OrgMap) -> Vec<Vec<String>> {
    let analysis = map.analysis();
    let mut rows = vec![header(&[
        "broker rank",
        "actor",
        "group",
        "degree in",
        "degree out",
        "betweenness",
        "betweenness (raw)",
        "group pairs bridged",
        "groups bridged",
        "isolated",
    ])];
    let rank_of: HashMap<&str, usize> = analysis
        .brokers
        .iter()
        .enumerate()
        .map(|(rank, (id, _))| (id.as_str(), rank + 1))
        .collect();
    let mut order: Vec<usize> = (0..analysis.actors.len()).collect();
    crate::model::order::sort_by_key(&mut order, |&i| {
        (
            rank_of
                .get(analysis.actors[i].actor_id.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            i,
        )
    });
    for i in order {
        let (Some(actor), Some(measures)) = (map.actors.get(i), analysis.actors.get(i)) else {
            continue;
        };
        rows.push(vec![
            rank_of
                .get(measures.actor_id.as_str())
                .map(|r| r.to_string())
                .unwrap_or_default(),
            text_cell(&actor.name),
            text_cell(&group_label(map, &actor.group_id)),
            measures.degree_in.to_string(),
            measures.degree_out.to_string(),
            decimal(measures.betweenness, 4),
            decimal(measures.betweenness_raw, 3),
            measures.groups_bridged.to_string(),
            text_cell(&bridged_text(map, &measures.bridged_pairs)),
            if measures.is_isolated() { "yes" } else { "no" }.to_string(),
        ]);
    }
    rows
}

/// The links between groups by kind ([`Analysis::group_matrix`]): from group, to group,
/// kind, and how many directed ties (a both-ways link counts once each way). Actors with no
/// group are under "(no group)".
pub fn group_matrix_csv(map: &OrgMap) -> String {
    write_csv(&group_matrix_table(map))
}

/// The rows of [`group_matrix_csv`], header first, as typed (the report shows them as a table).
pub fn group_matrix_table(map: &OrgMap) -> Vec<Vec<String>> {
    let analysis: Analysis = map.analysis();
    let mut rows = vec![header(&["from group", "to group", "kind", "links"])];
    let group = |id: &str| {
        if id == NO_GROUP {
            "(no group)".to_string()
        } else {
            text_cell(&group_label(map, id))
        }
    };
    for count in &analysis.group_matrix {
        rows.push(vec![
            group(&count.from_group),
            group(&count.to_group),
            text_cell(&kind_label(map, &count.kind_id)),
            count.count.to_string(),
        ]);
    }
    rows
}
