//! Organisational maps as files: the node, edge, analysis and group-matrix tables as CSV,
//! GraphML for Gephi and Cytoscape, and a standalone SVG figure that carries its own data.
//!
//! **CSV**: UTF-8 without a byte-order mark, one header row, `\n` line ends, quoted by the
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
//! black text on white, names at [`ACTOR_LABEL_SIZE`] units on a page at least 1600 wide,
//! strokes of 2 or more, the system font stack. A group shows by colour *and* shape, a link
//! kind by colour *and* dash pattern, direction by arrowheads drawn as shapes, influence as a
//! tower of 0 to 5 discs. Several links between the same two actors are drawn as separate
//! curves side by side. Characters XML cannot hold are dropped from what is shown; a name
//! whose first strong letter is right-to-left is written with `direction="rtl"`, never
//! reversed by hand. The map, as the JSON of [`OrgMap`] (the file format's
//! `data.organisational_map`), is embedded in `<metadata id="pla-workshop-organisational-map">`;
//! [`map_from_svg`] reads it back.
//!
//! The small XML and CSV helpers here repeat those of `export::venn` and `export::ranking`,
//! which are private to those modules.

use super::xml::{reads_right_to_left, xml_text};
use super::{cell_text, write_csv};
use crate::model::orgmap::{
    actor_box, actor_label_lines, is_colour, is_dash_pattern, Actor, ActorBox, Analysis, OrgMap,
    Resource, ACTOR_LABEL_BASELINE, ACTOR_LABEL_CHAR_WIDTH, ACTOR_LABEL_LINE, ACTOR_LABEL_SIZE,
    ACTOR_RADIUS, MAP_HEIGHT, MAP_WIDTH, NO_GROUP, TOWER_BASE_Y, TOWER_DISC_RX, TOWER_DISC_RY,
    TOWER_STEP, TOWER_X, VIEW_HEIGHT, VIEW_WIDTH,
};
use crate::model::venn::{text_units, wrap_label};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

/// What a figure says about itself: shown at its top and in its `<title>`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapMeta {
    pub title: String,
    /// The participant group, as its generalised identifier.
    pub group: String,
    /// The workshop date, as the report should show it.
    pub date: String,
}

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

// ----- CSV -----------------------------------------------------------------------------------

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The node list, one row per actor in the map's order: id, name, group, influence, the
/// contributions of each resource (texts joined by "; "), degree in and out, betweenness
/// (0 to 1) and notes.
pub fn nodes_csv(map: &OrgMap) -> String {
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
            cell_text(&actor.id),
            cell_text(&actor.name),
            cell_text(&group_label(map, &actor.group_id)),
            actor.influence.to_string(),
            cell_text(&contributions_of(actor, Resource::Symbolic)),
            cell_text(&contributions_of(actor, Resource::Relational)),
            cell_text(&contributions_of(actor, Resource::Material)),
            measures.degree_in.to_string(),
            measures.degree_out.to_string(),
            decimal(measures.betweenness, 4),
            cell_text(&actor.notes),
        ]);
    }
    write_csv(&rows)
}

/// The edge list, one row per link in the map's order: id, the two actors' names, kind,
/// direction ("one-way" or "both-ways"), strength (empty when not set) and notes.
pub fn edges_csv(map: &OrgMap) -> String {
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
            cell_text(&link.id),
            cell_text(name(&link.from)),
            cell_text(name(&link.to)),
            cell_text(&kind_label(map, &link.kind_id)),
            if link.both_ways {
                "both-ways"
            } else {
                "one-way"
            }
            .to_string(),
            link.strength.map(|s| s.to_string()).unwrap_or_default(),
            cell_text(&link.notes),
        ]);
    }
    write_csv(&rows)
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
    order.sort_by_key(|&i| {
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
            cell_text(&actor.name),
            cell_text(&group_label(map, &actor.group_id)),
            measures.degree_in.to_string(),
            measures.degree_out.to_string(),
            decimal(measures.betweenness, 4),
            decimal(measures.betweenness_raw, 3),
            measures.groups_bridged.to_string(),
            cell_text(&bridged_text(map, &measures.bridged_pairs)),
            if measures.is_isolated() { "yes" } else { "no" }.to_string(),
        ]);
    }
    write_csv(&rows)
}

/// The links between groups by kind ([`Analysis::group_matrix`]): from group, to group,
/// kind, and how many directed ties (a both-ways link counts once each way). Actors with no
/// group are under "(no group)".
pub fn group_matrix_csv(map: &OrgMap) -> String {
    let analysis: Analysis = map.analysis();
    let mut rows = vec![header(&["from group", "to group", "kind", "links"])];
    let group = |id: &str| {
        if id == NO_GROUP {
            "(no group)".to_string()
        } else {
            cell_text(&group_label(map, id))
        }
    };
    for count in &analysis.group_matrix {
        rows.push(vec![
            group(&count.from_group),
            group(&count.to_group),
            cell_text(&kind_label(map, &count.kind_id)),
            count.count.to_string(),
        ]);
    }
    write_csv(&rows)
}

// ----- XML -----------------------------------------------------------------------------------

/// Escapes the five characters XML gives meaning to (for double-quoted attribute values),
/// and writes tabs and line breaks as character references so attribute values keep them.
/// Characters XML cannot hold at all are dropped.
fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, true)
}

/// [`escape`] for an element's text, where quotes need no escaping: the JSON embedded in
/// `<metadata>`, full of quotes, then goes through untouched (and fast).
fn escape_text(text: &str) -> Cow<'_, str> {
    escape_where(text, false)
}

fn escape_where(text: &str, in_attribute: bool) -> Cow<'_, str> {
    // Most text needs nothing: a byte scan finds out without copying. 0xEF leads the UTF-8 of
    // U+FFFE and U+FFFF (and of other characters, which the careful path keeps).
    let needs_care = text.bytes().any(|b| match b {
        b'&' | b'<' | b'>' | 0..=0x1F | 0xEF => true,
        b'"' | b'\'' => in_attribute,
        _ => false,
    });
    if !needs_care {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied_up_to = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if in_attribute => "&quot;",
            '\'' if in_attribute => "&apos;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' => {
                continue
            }
            // A character XML cannot hold at all is dropped.
            _ => "",
        };
        out.push_str(&text[copied_up_to..at]);
        out.push_str(replacement);
        copied_up_to = at + c.len_utf8();
    }
    out.push_str(&text[copied_up_to..]);
    Cow::Owned(out)
}

/// A coordinate or length for an attribute: to 0.1, "0" for anything not a number.
fn num(value: f64) -> String {
    let mut out = String::with_capacity(12);
    push_num(&mut out, value);
    out
}

/// Writes [`num`]'s text onto `out`. Digit by digit rather than through `format!`: a large map
/// writes tens of thousands of coordinates, and this keeps its SVG export within the
/// benchmark's 20 ms.
fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    // Beyond ±10^14 no drawing has anything to show; such a number is not a coordinate.
    if !(tenths.is_finite() && tenths.abs() < 1e15) {
        out.push('0');
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    let (whole, fraction) = (magnitude / 10, magnitude % 10);
    let mut digits = [0u8; 20];
    let mut count = 0;
    let mut rest = whole;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        out.push(char::from(*digit));
    }
    if fraction != 0 {
        out.push('.');
        out.push(char::from(b'0' + fraction as u8));
    }
}

/// JSON text made safe for XML: the two characters XML cannot hold that serde_json leaves
/// as they are (U+FFFE, U+FFFF) become JSON escapes, which mean the same character.
fn json_for_xml(json: &str) -> Cow<'_, str> {
    if json.contains(['\u{FFFE}', '\u{FFFF}']) {
        Cow::Owned(
            json.replace('\u{FFFE}', "\\ufffe")
                .replace('\u{FFFF}', "\\uffff"),
        )
    } else {
        Cow::Borrowed(json)
    }
}

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

// ----- SVG: the writer -------------------------------------------------------------------------

/// The fonts the reader's system already has; no web font is fetched.
const FONT_STACK: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans Arabic, Helvetica, Arial, sans-serif";
const INK: &str = "#000000";
const PAPER: &str = "#ffffff";
/// Dark grey for what only supports the picture, and links of a kind the map does not list:
/// 7.5:1 against white.
const SUPPORT: &str = "#595959";
const MARGIN: f64 = 24.0;
const TITLE_SIZE: f64 = 32.0;
const SUBTITLE_SIZE: f64 = 22.0;
const LEGEND_SIZE: f64 = 20.0;
const LEGEND_LINE: f64 = 34.0;
/// How far apart, at their middles, the curves of several links between two actors are.
const LINK_SPACING: f64 = 26.0;
/// Where a link stops short of an actor's centre: just outside its shape.
const LINK_END: f64 = ACTOR_RADIUS + 12.0;
const ARROW_LENGTH: f64 = 20.0;
const ARROW_HALF_WIDTH: f64 = 9.0;

/// An SVG document written as text; every attribute value and text goes through [`escape`].
struct Writer {
    out: String,
}

impl Writer {
    fn attributes(&mut self, attributes: &[(&str, String)]) {
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    fn open(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attributes(attributes);
        self.out.push_str(">\n");
    }

    fn close(&mut self, name: &str) {
        let _ = writeln!(self.out, "</{name}>");
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attributes(attributes);
        self.out.push_str("/>\n");
    }

    /// An element holding only text (title, desc, metadata).
    fn text_element(&mut self, name: &str, attributes: &[(&str, String)], content: &str) {
        self.out.push('<');
        self.out.push_str(name);
        self.attributes(attributes);
        self.out.push('>');
        self.out.push_str(&escape_text(content));
        self.close(name);
    }

    /// A line of visible black text. `middle` centres it on `x`; otherwise its left edge is
    /// at `x` whichever way it reads (right-to-left text is anchored at its "end", which in
    /// SVG is its left edge).
    fn text(&mut self, x: f64, y: f64, content: &str, size: f64, middle: bool, bold: bool) {
        let content = xml_text(content);
        if content.trim().is_empty() {
            return;
        }
        let rtl = reads_right_to_left(&content);
        let anchor = match (middle, rtl) {
            (true, _) => "middle",
            (false, false) => "start",
            (false, true) => "end",
        };
        let mut attributes = vec![
            ("x", num(x)),
            ("y", num(y)),
            ("font-size", num(size)),
            ("fill", INK.to_string()),
            ("text-anchor", anchor.to_string()),
        ];
        if bold {
            attributes.push(("font-weight", "bold".to_string()));
        }
        if rtl {
            attributes.push(("direction", "rtl".to_string()));
            attributes.push(("unicode-bidi", "embed".to_string()));
        }
        self.text_element("text", &attributes, &content);
    }
}

/// The outline of a group's shape around (x, y), about `r` in radius.
fn shape_path(shape: &str, x: f64, y: f64, r: f64) -> String {
    let point = |px: f64, py: f64| format!("{},{}", num(x + px), num(y + py));
    let polygon = |points: &[(f64, f64)]| {
        let mut d = String::new();
        for (index, &(px, py)) in points.iter().enumerate() {
            d.push(if index == 0 { 'M' } else { 'L' });
            d.push_str(&point(px, py));
            d.push(' ');
        }
        d.push('Z');
        d
    };
    match shape {
        "square" => {
            let h = 0.9 * r;
            polygon(&[(-h, -h), (h, -h), (h, h), (-h, h)])
        }
        "triangle" => polygon(&[(0.0, -1.15 * r), (1.1 * r, 0.8 * r), (-1.1 * r, 0.8 * r)]),
        "diamond" => polygon(&[
            (0.0, -1.2 * r),
            (1.2 * r, 0.0),
            (0.0, 1.2 * r),
            (-1.2 * r, 0.0),
        ]),
        "hexagon" => {
            let points: Vec<(f64, f64)> = (0..6)
                .map(|k| {
                    let angle = (-90.0 + 60.0 * k as f64).to_radians();
                    (1.08 * r * angle.cos(), 1.08 * r * angle.sin())
                })
                .collect();
            polygon(&points)
        }
        "pill" => {
            let (w, h) = (1.2 * r, 0.7 * r);
            format!(
                "M{} L{} A{} {} 0 0 1 {} L{} A{} {} 0 0 1 {} Z",
                point(-w + h, -h),
                point(w - h, -h),
                num(h),
                num(h),
                point(w - h, h),
                point(-w + h, h),
                num(h),
                num(h),
                point(-w + h, -h),
            )
        }
        _ => format!(
            "M{} A{} {} 0 1 0 {} A{} {} 0 1 0 {} Z",
            point(-r, 0.0),
            num(r),
            num(r),
            point(r, 0.0),
            num(r),
            num(r),
            point(-r, 0.0),
        ),
    }
}

/// A group's look: (colour, shape); a missing group is a white circle.
fn group_look(map: &OrgMap, id: &str) -> (String, String) {
    match map.group(id) {
        Some(g) => (
            if is_colour(&g.colour) {
                g.colour.clone()
            } else {
                PAPER.to_string()
            },
            g.shape.clone(),
        ),
        None => (PAPER.to_string(), "circle".to_string()),
    }
}

/// A kind's look: (colour, dash); an unknown kind is a grey solid line.
fn kind_look(map: &OrgMap, id: &str) -> (String, String) {
    match map.link_kind(id) {
        Some(k) => (
            if is_colour(&k.colour) {
                k.colour.clone()
            } else {
                SUPPORT.to_string()
            },
            if is_dash_pattern(&k.dash) {
                k.dash.clone()
            } else {
                String::new()
            },
        ),
        None => (SUPPORT.to_string(), String::new()),
    }
}

/// A filled arrowhead with its tip at `tip`, pointing along (dx, dy).
fn arrowhead(writer: &mut Writer, tip: (f64, f64), direction: (f64, f64), colour: &str) {
    let length = direction.0.hypot(direction.1);
    if !(length.is_finite() && length > 1e-9) {
        return;
    }
    let (ux, uy) = (direction.0 / length, direction.1 / length);
    let base = (tip.0 - ux * ARROW_LENGTH, tip.1 - uy * ARROW_LENGTH);
    let (px, py) = (-uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH);
    writer.empty(
        "path",
        &[
            (
                "d",
                format!(
                    "M{},{} L{},{} L{},{} Z",
                    num(tip.0),
                    num(tip.1),
                    num(base.0 + px),
                    num(base.1 + py),
                    num(base.0 - px),
                    num(base.1 - py)
                ),
            ),
            ("fill", colour.to_string()),
            ("stroke", colour.to_string()),
            ("stroke-width", "2".to_string()),
            ("stroke-linejoin", "round".to_string()),
        ],
    );
}

/// The influence tower: one black disc per point, stacked beside the shape.
fn tower(writer: &mut Writer, x: f64, y: f64, influence: u8) {
    for level in 0..influence.min(5) {
        writer.empty(
            "ellipse",
            &[
                ("cx", num(x + TOWER_X)),
                ("cy", num(y + TOWER_BASE_Y - f64::from(level) * TOWER_STEP)),
                ("rx", num(TOWER_DISC_RX)),
                ("ry", num(TOWER_DISC_RY)),
                ("fill", INK.to_string()),
                ("stroke", PAPER.to_string()),
                ("stroke-width", "2".to_string()),
            ],
        );
    }
}

// ----- SVG: the figure ----------------------------------------------------------------------------

/// An actor's position as drawn: on the canvas, a coordinate that is not a number at the
/// middle of the view.
fn drawn_position(actor: &Actor) -> (f64, f64) {
    let x = if actor.x.is_finite() {
        actor.x
    } else {
        VIEW_WIDTH / 2.0
    };
    let y = if actor.y.is_finite() {
        actor.y
    } else {
        VIEW_HEIGHT / 2.0
    };
    (x.clamp(0.0, MAP_WIDTH), y.clamp(0.0, MAP_HEIGHT))
}

/// A text wrapped to `width` units of page at `size`, keeping every word.
fn wrapped(text: &str, width: f64, size: f64) -> Vec<String> {
    wrap_label(&xml_text(text), (width / (0.6 * size)).max(10.0))
}

/// Draws a legend sample with its left edge at x, centred on y.
type DrawSample = Box<dyn Fn(&mut Writer, f64, f64)>;

/// One legend entry: a sample drawn by `draw` in a `sample`-wide slot, then its words.
struct LegendEntry {
    sample: f64,
    words: String,
    draw: DrawSample,
}

/// Lays legend entries out in rows across `width`, after a bold row title. Returns the
/// height used. Drawn only when `writer` is given, so the same code measures the height.
fn legend_rows(
    writer: Option<&mut Writer>,
    title: &str,
    entries: &[LegendEntry],
    top: f64,
    width: f64,
) -> f64 {
    let mut writer = writer;
    let title_width = text_units(title) * 0.62 * LEGEND_SIZE + 16.0;
    let mut x = MARGIN + title_width;
    let mut y = top + LEGEND_LINE / 2.0;
    if let Some(w) = writer.as_deref_mut() {
        w.text(MARGIN, y + 7.0, title, LEGEND_SIZE, false, true);
    }
    for entry in entries {
        let words = xml_text(&entry.words);
        let entry_width = entry.sample + 10.0 + text_units(&words) * 0.6 * LEGEND_SIZE + 32.0;
        if x + entry_width > width - MARGIN && x > MARGIN + title_width {
            x = MARGIN + title_width;
            y += LEGEND_LINE;
        }
        if let Some(w) = writer.as_deref_mut() {
            (entry.draw)(w, x, y);
            let words_x = x + entry.sample + 10.0;
            if reads_right_to_left(&words) {
                // Anchored at its end so it still starts after the sample.
                let end = words_x + text_units(&words) * 0.6 * LEGEND_SIZE;
                w.text(end, y + 7.0, &words, LEGEND_SIZE, false, false);
            } else {
                w.text(words_x, y + 7.0, &words, LEGEND_SIZE, false, false);
            }
        }
        x += entry_width;
    }
    y + LEGEND_LINE / 2.0 - top
}

/// The legend's entries: groups (colour and shape), link kinds (colour, dash and arrow),
/// direction, and the influence tower.
fn legend_entries(map: &OrgMap) -> Vec<(String, Vec<LegendEntry>)> {
    let mut groups: Vec<LegendEntry> = map
        .groups
        .iter()
        .map(|g| {
            let (colour, shape) = group_look(map, &g.id);
            LegendEntry {
                sample: 36.0,
                words: g.label.clone(),
                draw: Box::new(move |w: &mut Writer, x: f64, y: f64| {
                    w.empty(
                        "path",
                        &[
                            ("d", shape_path(&shape, x + 18.0, y, 13.0)),
                            ("fill", colour.clone()),
                            ("stroke", INK.to_string()),
                            ("stroke-width", "2".to_string()),
                        ],
                    );
                }),
            }
        })
        .collect();
    if map.actors.iter().any(|a| map.group(&a.group_id).is_none()) {
        groups.push(LegendEntry {
            sample: 36.0,
            words: "No group".to_string(),
            draw: Box::new(|w: &mut Writer, x: f64, y: f64| {
                w.empty(
                    "path",
                    &[
                        ("d", shape_path("circle", x + 18.0, y, 13.0)),
                        ("fill", PAPER.to_string()),
                        ("stroke", INK.to_string()),
                        ("stroke-width", "2".to_string()),
                    ],
                );
            }),
        });
    }
    let line_sample = |colour: String, dash: String, both: bool| {
        move |w: &mut Writer, x: f64, y: f64| {
            let mut style = vec![
                ("x1", num(x + if both { ARROW_LENGTH } else { 0.0 })),
                ("y1", num(y)),
                ("x2", num(x + 72.0 - ARROW_LENGTH)),
                ("y2", num(y)),
                ("stroke", colour.clone()),
                ("stroke-width", "4".to_string()),
            ];
            if !dash.trim().is_empty() {
                style.push(("stroke-dasharray", dash.clone()));
            }
            w.empty("line", &style);
            arrowhead(w, (x + 72.0, y), (1.0, 0.0), &colour);
            if both {
                arrowhead(w, (x, y), (-1.0, 0.0), &colour);
            }
        }
    };
    let kinds: Vec<LegendEntry> = map
        .link_kinds
        .iter()
        .map(|k| {
            let (colour, dash) = kind_look(map, &k.id);
            LegendEntry {
                sample: 72.0,
                words: k.label.clone(),
                draw: Box::new(line_sample(colour, dash, false)),
            }
        })
        .collect();
    let direction = vec![
        LegendEntry {
            sample: 72.0,
            words: "one way".to_string(),
            draw: Box::new(line_sample(INK.to_string(), String::new(), false)),
        },
        LegendEntry {
            sample: 72.0,
            words: "both ways (an exchange)".to_string(),
            draw: Box::new(line_sample(INK.to_string(), String::new(), true)),
        },
        LegendEntry {
            sample: 0.0,
            words: "thicker: stronger".to_string(),
            draw: Box::new(|_: &mut Writer, _: f64, _: f64| {}),
        },
        LegendEntry {
            sample: 2.0 * TOWER_DISC_RX + 4.0,
            words: "influence: one disc per point, 0 to 5".to_string(),
            draw: Box::new(|w: &mut Writer, x: f64, y: f64| {
                // Three discs, sitting on the legend row.
                tower(
                    w,
                    x + TOWER_DISC_RX + 2.0 - TOWER_X,
                    y + 8.0 - TOWER_BASE_Y,
                    3,
                );
            }),
        },
    ];
    vec![
        ("Groups:".to_string(), groups),
        ("Links:".to_string(), kinds),
        ("Reading:".to_string(), direction),
    ]
}

/// The curve of each link: (link index, start, control point, end, both ends' directions),
/// with several links between the same two actors offset side by side.
struct Curve {
    link: usize,
    start: (f64, f64),
    control: (f64, f64),
    end: (f64, f64),
}

fn link_curves(map: &OrgMap, positions: &HashMap<&str, (f64, f64)>) -> Vec<Curve> {
    // The links of each pair of actors, in the map's order, so each gets its own lane.
    let mut lanes: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (index, link) in map.links.iter().enumerate() {
        if link.from == link.to
            || !positions.contains_key(link.from.as_str())
            || !positions.contains_key(link.to.as_str())
        {
            continue;
        }
        let pair = if link.from <= link.to {
            (link.from.as_str(), link.to.as_str())
        } else {
            (link.to.as_str(), link.from.as_str())
        };
        let lane = lanes.entry(pair).or_default();
        if lane.is_empty() {
            pairs.push(pair);
        }
        lane.push(index);
    }
    let mut curves = Vec::new();
    for pair in pairs {
        let (Some(&a), Some(&b), Some(lane)) = (
            positions.get(pair.0),
            positions.get(pair.1),
            lanes.get(&pair),
        ) else {
            continue;
        };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = dx.hypot(dy);
        if !(length.is_finite() && length > 2.0 * LINK_END + 4.0) {
            // The two actors sit on each other: there is no room for a line between them.
            continue;
        }
        // The perpendicular is taken from the pair's own order, so a link's lane does not
        // flip with its direction.
        let (nx, ny) = (-dy / length, dx / length);
        let middle = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let count = lane.len() as f64;
        for (k, &index) in lane.iter().enumerate() {
            let offset = (k as f64 - (count - 1.0) / 2.0) * LINK_SPACING;
            // A quadratic curve's middle lies halfway to its control point.
            let control = (middle.0 + nx * 2.0 * offset, middle.1 + ny * 2.0 * offset);
            let toward = |from: (f64, f64)| {
                let (cx, cy) = (control.0 - from.0, control.1 - from.1);
                let l = cx.hypot(cy).max(1e-9);
                (from.0 + cx / l * LINK_END, from.1 + cy / l * LINK_END)
            };
            let link = &map.links[index];
            let (from, to) = if link.from.as_str() == pair.0 {
                (a, b)
            } else {
                (b, a)
            };
            curves.push(Curve {
                link: index,
                start: toward(from),
                control,
                end: toward(to),
            });
        }
    }
    curves.sort_by_key(|c| c.link);
    curves
}

/// The map as a standalone SVG figure: heading (title, group, date, the question), the map,
/// a legend (groups, link kinds, direction, influence), and what each actor contributes. The
/// map's data is embedded in `<metadata>` (see the module notes).
pub fn map_svg(map: &OrgMap, meta: &MapMeta) -> String {
    // Degrees only: betweenness costs more than the whole figure, and the figure does not
    // show it.
    let degrees = map.degrees();
    let names: HashMap<&str, &str> = map
        .actors
        .iter()
        .rev()
        .map(|a| (a.id.as_str(), a.name.trim()))
        .collect();
    let positions: HashMap<&str, (f64, f64)> = map
        .actors
        .iter()
        .rev() // so that the first actor with an id wins, as in every other look-up
        .map(|a| (a.id.as_str(), drawn_position(a)))
        .collect();
    let boxes: Vec<ActorBox> = map.actors.iter().map(actor_box).collect();

    // The drawing: the view, grown to take in every actor's box.
    let (mut left, mut top, mut right, mut bottom) = (0.0_f64, 0.0_f64, VIEW_WIDTH, VIEW_HEIGHT);
    for (actor, b) in map.actors.iter().zip(&boxes) {
        let (x, y) = drawn_position(actor);
        let (l, t, r, bt) = b.at(x, y);
        left = left.min(l - 8.0);
        top = top.min(t - 8.0);
        right = right.max(r + 8.0);
        bottom = bottom.max(bt + 8.0);
    }
    let width = (right - left + 2.0 * MARGIN).max(VIEW_WIDTH);

    let mut heading = xml_text(meta.title.trim());
    if heading.is_empty() {
        heading = "Organisational map".to_string();
    }
    let mut subtitles: Vec<String> = [meta.group.trim(), meta.date.trim()]
        .iter()
        .map(|line| xml_text(line))
        .filter(|line| !line.is_empty())
        .collect();
    if !map.question.trim().is_empty() {
        subtitles.extend(wrapped(
            &format!("Question: {}", map.question.trim()),
            width - 2.0 * MARGIN,
            SUBTITLE_SIZE,
        ));
    }
    let heading_height = MARGIN + TITLE_SIZE + subtitles.len() as f64 * SUBTITLE_SIZE * 1.5 + 20.0;

    let legend = legend_entries(map);
    let legend_height: f64 = legend
        .iter()
        .map(|(title, entries)| legend_rows(None, title, entries, 0.0, width) + 6.0)
        .sum();
    let mut contributions = Vec::new();
    for actor in &map.actors {
        let parts: Vec<String> = Resource::ALL
            .iter()
            .map(|&r| (r, contributions_of(actor, r)))
            .filter(|(_, text)| !text.is_empty())
            .map(|(r, text)| format!("{}: {text}", r.label()))
            .collect();
        if !parts.is_empty() {
            contributions.extend(wrapped(
                &format!("{} — {}", actor.name.trim(), parts.join("; ")),
                width - 2.0 * MARGIN,
                LEGEND_SIZE,
            ));
        }
    }

    let drawing_top = heading_height;
    let legend_top = drawing_top + (bottom - top) + 24.0;
    let mut height = legend_top + legend_height;
    if !contributions.is_empty() {
        height += LEGEND_LINE * 1.5 + contributions.len() as f64 * LEGEND_LINE;
    }
    height += MARGIN;
    let dx = MARGIN - left;
    let dy = drawing_top - top;

    let mut writer = Writer { out: String::new() };
    writer
        .out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    writer.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".to_string()),
            ("version", "1.1".to_string()),
            ("width", num(width)),
            ("height", num(height)),
            ("viewBox", format!("0 0 {} {}", num(width), num(height))),
            ("font-family", FONT_STACK.to_string()),
        ],
    );
    let about: Vec<&str> = [meta.group.trim(), meta.date.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let full_title = if about.is_empty() {
        heading.clone()
    } else {
        format!("{heading} — {}", about.join(", "))
    };
    writer.text_element("title", &[], &xml_text(&full_title));
    writer.text_element(
        "desc",
        &[],
        &format!(
            "Organisational map: {} actors and {} links{}. A group shows by colour and shape, a \
             kind of link by colour and dash pattern, direction by arrowheads, influence by a \
             tower of discs.",
            map.actors.len(),
            map.links.len(),
            if map.question.trim().is_empty() {
                String::new()
            } else {
                format!(", answering “{}”", map.question.trim())
            },
        ),
    );
    let json = serde_json::to_string(map).unwrap_or_default();
    writer.text_element(
        "metadata",
        &[("id", METADATA_ID.to_string())],
        &json_for_xml(&json),
    );
    writer.empty(
        "rect",
        &[
            ("x", "0".to_string()),
            ("y", "0".to_string()),
            ("width", num(width)),
            ("height", num(height)),
            ("fill", PAPER.to_string()),
        ],
    );
    let mut y = MARGIN + TITLE_SIZE;
    writer.text(MARGIN, y, &heading, TITLE_SIZE, false, true);
    for line in &subtitles {
        y += SUBTITLE_SIZE * 1.5;
        writer.text(MARGIN, y, line, SUBTITLE_SIZE, false, false);
    }

    // 1. A pale backing behind each name, so lines that pass under it do not cross letters.
    for (actor, b) in map.actors.iter().zip(&boxes) {
        let (x, y) = drawn_position(actor);
        let lines = actor_label_lines(&xml_text(&actor.name));
        if lines.is_empty() {
            continue;
        }
        let widest =
            lines.iter().map(|l| text_units(l)).fold(0.0, f64::max) * ACTOR_LABEL_CHAR_WIDTH;
        let label_top = y + ACTOR_LABEL_BASELINE - ACTOR_LABEL_SIZE;
        writer.empty(
            "rect",
            &[
                ("x", num(x + dx - widest / 2.0 - 4.0)),
                ("y", num(label_top + dy)),
                ("width", num(widest + 8.0)),
                ("height", num(y + b.below - label_top)),
                ("fill", PAPER.to_string()),
                ("fill-opacity", "0.85".to_string()),
            ],
        );
    }

    // 2. The links, each a curve in its kind's colour and dash, with arrowheads.
    for curve in link_curves(map, &positions) {
        let link = &map.links[curve.link];
        let (colour, dash) = kind_look(map, &link.kind_id);
        let name = |id: &str| names.get(id).copied().unwrap_or_default();
        let shift = |p: (f64, f64)| (p.0 + dx, p.1 + dy);
        let (start, control, end) = (shift(curve.start), shift(curve.control), shift(curve.end));
        // The line stops where each arrowhead begins, so the head's tip stays sharp.
        let trim = |point: (f64, f64), toward: (f64, f64)| {
            let (vx, vy) = (toward.0 - point.0, toward.1 - point.1);
            let l = vx.hypot(vy).max(1e-9);
            (
                point.0 + vx / l * (ARROW_LENGTH - 2.0),
                point.1 + vy / l * (ARROW_LENGTH - 2.0),
            )
        };
        let line_end = trim(end, control);
        let line_start = if link.both_ways {
            trim(start, control)
        } else {
            start
        };
        writer.open("g", &[]);
        let mut words = format!(
            "{} {} {}: {}",
            name(&link.from),
            if link.both_ways { "↔" } else { "→" },
            name(&link.to),
            kind_label(map, &link.kind_id)
        );
        if let Some(strength) = link.strength {
            let _ = write!(words, ", strength {strength}");
        }
        if !link.notes.trim().is_empty() {
            let _ = write!(words, " ({})", link.notes.trim());
        }
        writer.text_element("title", &[], &xml_text(&words));
        let mut style = vec![
            (
                "d",
                format!(
                    "M{},{} Q{},{} {},{}",
                    num(line_start.0),
                    num(line_start.1),
                    num(control.0),
                    num(control.1),
                    num(line_end.0),
                    num(line_end.1)
                ),
            ),
            ("fill", "none".to_string()),
            ("stroke", colour.clone()),
            (
                "stroke-width",
                num(3.0 + f64::from(link.strength.unwrap_or(0).min(5))),
            ),
        ];
        if !dash.trim().is_empty() {
            style.push(("stroke-dasharray", dash.clone()));
        }
        writer.empty("path", &style);
        arrowhead(
            &mut writer,
            end,
            (end.0 - control.0, end.1 - control.1),
            &colour,
        );
        if link.both_ways {
            arrowhead(
                &mut writer,
                start,
                (start.0 - control.0, start.1 - control.1),
                &colour,
            );
        }
        writer.close("g");
    }

    // 3. The actors: shape, influence tower and name.
    for (actor, (degree_in, degree_out)) in map.actors.iter().zip(&degrees) {
        let (x, y) = drawn_position(actor);
        let (x, y) = (x + dx, y + dy);
        let (colour, shape) = group_look(map, &actor.group_id);
        writer.open("g", &[]);
        let mut words = actor.name.trim().to_string();
        let group = group_label(map, &actor.group_id);
        if !group.is_empty() {
            let _ = write!(words, " — {group}");
        }
        let _ = write!(
            words,
            "; influence {}; links in {}, out {}",
            actor.influence.min(5),
            degree_in,
            degree_out
        );
        if !actor.notes.trim().is_empty() {
            let _ = write!(words, "; {}", actor.notes.trim());
        }
        writer.text_element("title", &[], &xml_text(&words));
        writer.empty(
            "path",
            &[
                ("d", shape_path(&shape, x, y, ACTOR_RADIUS)),
                ("fill", colour),
                ("stroke", INK.to_string()),
                ("stroke-width", "3".to_string()),
            ],
        );
        tower(&mut writer, x, y, actor.influence);
        let lines = actor_label_lines(&xml_text(&actor.name));
        // The whole name takes one direction, from its first strong letter.
        let rtl = reads_right_to_left(&lines.join(" "));
        for (index, line) in lines.iter().enumerate() {
            let mut attributes = vec![
                ("x", num(x)),
                (
                    "y",
                    num(y + ACTOR_LABEL_BASELINE + index as f64 * ACTOR_LABEL_LINE),
                ),
                ("font-size", num(ACTOR_LABEL_SIZE)),
                ("font-weight", "bold".to_string()),
                ("fill", INK.to_string()),
                ("text-anchor", "middle".to_string()),
            ];
            if rtl {
                attributes.push(("direction", "rtl".to_string()));
                attributes.push(("unicode-bidi", "embed".to_string()));
            }
            writer.text_element("text", &attributes, line);
        }
        writer.close("g");
    }

    // 4. The legend and the contributions.
    let mut y = legend_top;
    for (title, entries) in &legend {
        y += legend_rows(Some(&mut writer), title, entries, y, width) + 6.0;
    }
    if !contributions.is_empty() {
        y += LEGEND_LINE * 1.5;
        writer.text(
            MARGIN,
            y - 8.0,
            "What each actor contributes",
            LEGEND_SIZE,
            false,
            true,
        );
        for line in &contributions {
            y += LEGEND_LINE;
            writer.text(MARGIN, y - 8.0, line, LEGEND_SIZE, false, false);
        }
    }
    writer.close("svg");
    writer.out
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
