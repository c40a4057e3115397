//! GraphML for Gephi and Cytoscape.

use super::{contributions_of, group_label, kind_label};
// GraphML values are escaped as attribute values are (quotes too), as they always were: any
// XML reader takes either, and the files stay what they were.
use crate::export::xml::escape_attribute as escape;
use crate::model::orgmap::{is_colour, OrgMap, Resource};
use std::collections::HashMap;
use std::fmt::Write as _;

// ----- GraphML -------------------------------------------------------------------------------

/// The attributes GraphML declares: (id, for, name, type).
const NODE_KEYS: [(&str, &str); 19] = [
    ("label", "string"),
    ("name", "string"),
    ("actor_id", "string"),
    ("group", "string"),
    ("group_label", "string"),
    ("influence", "int"),
    ("symbolic", "string"),
    ("relational", "string"),
    ("material", "string"),
    ("notes", "string"),
    ("degree_in", "int"),
    ("degree_out", "int"),
    ("betweenness", "double"),
    ("groups_bridged", "int"),
    ("x", "double"),
    ("y", "double"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
];
const EDGE_KEYS: [(&str, &str); 8] = [
    ("link_id", "string"),
    ("kind", "string"),
    ("kind_label", "string"),
    ("colour", "string"),
    ("both_ways", "boolean"),
    ("strength", "int"),
    ("weight", "double"),
    ("edge_notes", "string"),
];

/// A `#RRGGBB` colour's red, green and blue, or black.
fn rgb(colour: &str) -> (u8, u8, u8) {
    if !is_colour(colour) {
        return (0, 0, 0);
    }
    let part =
        |at: usize| u8::from_str_radix(colour.get(at..at + 2).unwrap_or("00"), 16).unwrap_or(0);
    (part(1), part(3), part(5))
}

/// A double for GraphML: Rust's shortest exact form, "0" for anything not a number.
fn graphml_double(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "0".to_string()
    }
}

/// The map as GraphML (see the module notes for how it is laid out).
pub fn graphml(map: &OrgMap) -> String {
    let analysis = map.analysis();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let _ = writeln!(
        out,
        "  <key id=\"question\" for=\"graph\" attr.name=\"question\" attr.type=\"string\"/>"
    );
    for (id, kind) in NODE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"node\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    for (id, kind) in EDGE_KEYS {
        // The edges' notes are declared apart from the nodes' (GraphML keys are per id).
        let name = if id == "edge_notes" { "notes" } else { id };
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"organisational-map\" edgedefault=\"directed\">\n");
    let _ = writeln!(
        out,
        "    <data key=\"question\">{}</data>",
        escape(&map.question)
    );
    let data = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
    };
    let mut node_of: HashMap<&str, usize> = HashMap::new();
    for (i, (actor, measures)) in map.actors.iter().zip(&analysis.actors).enumerate() {
        // The first actor with an id wins, as in every other look-up.
        node_of.entry(actor.id.as_str()).or_insert(i);
        let _ = writeln!(out, "    <node id=\"n{i}\">");
        data(&mut out, "label", &actor.name);
        data(&mut out, "name", &actor.name);
        data(&mut out, "actor_id", &actor.id);
        data(&mut out, "group", &actor.group_id);
        data(&mut out, "group_label", &group_label(map, &actor.group_id));
        data(&mut out, "influence", &actor.influence.to_string());
        for resource in Resource::ALL {
            data(
                &mut out,
                resource.label(),
                &contributions_of(actor, resource),
            );
        }
        data(&mut out, "notes", &actor.notes);
        data(&mut out, "degree_in", &measures.degree_in.to_string());
        data(&mut out, "degree_out", &measures.degree_out.to_string());
        data(
            &mut out,
            "betweenness",
            &graphml_double(measures.betweenness),
        );
        data(
            &mut out,
            "groups_bridged",
            &measures.groups_bridged.to_string(),
        );
        data(&mut out, "x", &graphml_double(actor.x));
        data(&mut out, "y", &graphml_double(actor.y));
        let (r, g, b) = rgb(map
            .group(&actor.group_id)
            .map(|g| g.colour.as_str())
            .unwrap_or("#FFFFFF"));
        data(&mut out, "r", &r.to_string());
        data(&mut out, "g", &g.to_string());
        data(&mut out, "b", &b.to_string());
        out.push_str("    </node>\n");
    }
    let mut edge = 0usize;
    for link in &map.links {
        let (Some(&from), Some(&to)) = (
            node_of.get(link.from.as_str()),
            node_of.get(link.to.as_str()),
        ) else {
            continue;
        };
        let colour = map
            .link_kind(&link.kind_id)
            .map(|k| k.colour.clone())
            .unwrap_or_default();
        let directions: &[(usize, usize)] = if link.both_ways {
            &[(from, to), (to, from)]
        } else {
            &[(from, to)]
        };
        for &(source, target) in directions {
            let _ = writeln!(
                out,
                "    <edge id=\"e{edge}\" source=\"n{source}\" target=\"n{target}\" directed=\"true\">"
            );
            edge += 1;
            data(&mut out, "link_id", &link.id);
            data(&mut out, "kind", &link.kind_id);
            data(&mut out, "kind_label", &kind_label(map, &link.kind_id));
            data(&mut out, "colour", &colour);
            data(
                &mut out,
                "both_ways",
                if link.both_ways { "true" } else { "false" },
            );
            if let Some(strength) = link.strength {
                data(&mut out, "strength", &strength.to_string());
            }
            data(
                &mut out,
                "weight",
                &graphml_double(link.strength.map_or(1.0, f64::from)),
            );
            data(&mut out, "edge_notes", &link.notes);
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
