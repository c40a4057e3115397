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
//! The CSV writing is shared (`export::write_csv`, `export::cell_text`). The XML escaper and
//! number formatting below are still this module's own, beside `export::xml`'s: one escaper
//! for every export is yet to be done.

use crate::model::orgmap::{Actor, OrgMap, Resource};
use std::borrow::Cow;

mod csv;
mod graphml;
mod svg;

pub use self::csv::{analysis_csv, edges_csv, group_matrix_csv, nodes_csv};
pub use self::graphml::graphml;
pub use self::svg::map_svg;

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
