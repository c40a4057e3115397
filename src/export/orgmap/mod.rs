//! Organisational maps as files: the node, edge, analysis and group-matrix tables as CSV,
//! GraphML for Gephi and Cytoscape, and a standalone SVG figure that carries its own data.
//!
//! **CSV**: UTF-8 after a byte-order mark (so Excel reads any script), one header row, `\n` line ends, quoted by the
//! `csv` crate where needed. As in the other exports, a text a person typed that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, so a
//! spreadsheet shows it as text instead of running it as a formula. Betweenness is the
//! normalised value (0 to 1) of [`crate::model::orgmap::ActorAnalysis`], to 4 decimals.
//!
//! **GraphML** ([`graphml`]): every attribute is declared with a `<key>` and its type
//! (`string`, `int`, `double`, `boolean`). Nodes are `n0`, `n1` … in the map's order (GraphML
//! ids must be XML name tokens; the app's own id is the `actor_id` attribute). Every edge is
//! directed (`edgedefault="directed"`): a one-way link is one edge `from → to`, and a
//! both-ways link is **two** edges, `from → to` and `to → from`, both with `both_ways` true
//! and the same `link_id`, so that Gephi's and Cytoscape's directed measures see the exchange
//! as the app's own analysis does. Nodes carry `label` (Gephi's node label) and `name`
//! (Cytoscape's), the group, influence, contributions by resource, degree, betweenness, the
//! position (`x`, `y`) and the group's colour as `r`, `g`, `b` (Gephi colours nodes by them).
//! Edges carry `weight` (the strength, or 1), which both programs use.
//!
//! **SVG** ([`map_svg`]): an SVG 1.1 document with no CSS classes, scripts, fonts, markers or
//! external references, so it looks the same in a browser, Inkscape and a word processor:
//! black text on white, names at [`ACTOR_LABEL_SIZE`](crate::model::orgmap::ACTOR_LABEL_SIZE)
//! units on a page at least 1600 wide,
//! strokes of 2 or more, the system font stack. A group shows by colour *and* shape, a link
//! kind by colour *and* dash pattern, direction by arrowheads drawn as shapes, influence as a
//! tower of 0 to 5 discs. Several links between the same two actors are drawn as separate
//! curves side by side. Characters XML cannot hold are dropped from what is shown; a name
//! whose first strong letter is right-to-left is written with `direction="rtl"`, never
//! reversed by hand. The map, as the JSON of [`OrgMap`] (the file format's
//! `data.organisational_map`), is embedded in `<metadata id="pla-workshop-organisational-map">`;
//! [`map_from_svg`] reads it back.
//!
//! The CSV writing is shared (`export::write_csv`, `export::text_cell`), and so is the XML
//! writer with its one escaper and number format (`export::xml`).

use crate::model::orgmap::{Actor, OrgMap, Resource};

mod csv;
mod graphml;
mod svg;

pub use self::csv::{
    analysis_csv, analysis_table, edges_csv, edges_table, group_matrix_csv, nodes_csv, nodes_table,
};
pub use self::graphml::graphml;
pub use self::svg::{curve_path, map_svg, outline_path};

/// The `id` of the `<metadata>` element that holds the map's data.
pub const METADATA_ID: &str = "pla-workshop-organisational-map";

// ----- Shared look-ups ------------------------------------------------------------------------

/// A group's label, or its id when the map does not list it; "" for no group.
fn group_label(map: &OrgMap, id: &str) -> String {
    map.group(id)
        .map(|g| g.label.clone())
        .unwrap_or_else(|| id.to_string())
}

fn kind_label(map: &OrgMap, id: &str) -> String {
    map.link_kind(id)
        .map(|k| k.label.clone())
        .unwrap_or_else(|| id.to_string())
}

/// An actor's contributions of one resource, their texts joined by "; ".
fn contributions_of(actor: &Actor, resource: Resource) -> String {
    actor
        .contributions
        .iter()
        .filter(|c| c.resource == resource)
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A number to at most `decimals` places, without trailing zeros ("0.3333", "2", "0").
fn decimal(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

// ----- Reading the data back -----------------------------------------------------------------

const NO_DATA: &str = "This SVG file holds no organisational map from PLA Workshop: only SVG \
                       files exported from an organisational map can be imported.";

/// The map embedded in an SVG that [`map_svg`] wrote (and that Inkscape or another editor may
/// since have re-saved): the text of `<metadata id="pla-workshop-organisational-map">`,
/// entities and CDATA sections read as XML does, parsed as JSON and checked with
/// [`OrgMap::check`]. Any problem comes back in plain words; nothing panics.
pub fn map_from_svg(svg: &str) -> Result<OrgMap, String> {
    let json = super::xml::embedded_data(svg, METADATA_ID, NO_DATA, "map")?;
    let map: OrgMap = serde_json::from_str(json.trim()).map_err(|problem| {
        format!("The map data in this SVG file is damaged and cannot be read ({problem}).")
    })?;
    let problems = map.check();
    if !problems.is_empty() {
        return Err(format!(
            "The map in this SVG file breaks the rules of an organisational map: {}.",
            problems.join("; ")
        ));
    }
    Ok(map)
}
