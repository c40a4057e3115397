#![cfg(not(target_arch = "wasm32"))]
//! Power Venn diagrams: closeness bands, overlaps, nesting and size tiers against
//! hand-worked geometry, table edits that give the geometry they promise, label layout,
//! then-and-now comparison, and the SVG (with its embedded data) and CSV exports.

#[path = "../common/mod.rs"]
mod common;

mod compare;
mod csv;
mod edits;
mod geometry;
mod labels;
mod svg;
use common::*;

use pla_workshop::export::venn::{
    changes_csv, comparison_picture_svg, comparison_svg, diagram_from_svg, diagram_picture_svg,
    diagram_svg, table_csv, METADATA_ID,
};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::text::wrap_label;
use pla_workshop::model::venn::{
    compare, label_key, match_by_label, match_institutions, tier_of, Change, Closeness,
    Institution, LabelBox, Relation, Side, SizeTier, VennDiagram, CANVAS_HEIGHT, CANVAS_WIDTH,
    LARGE_RADIUS, MAX_RADIUS, MEDIUM_RADIUS, MIN_RADIUS, NEAR_GAP, RESIZE_STEP, SMALL_RADIUS,
    TOUCH_TOLERANCE,
};
use proptest::prelude::*;

// ----- Helpers -------------------------------------------------------------------------------

/// The text metrics the label tests measure with: a character's width and a line's height.
const CHAR: f64 = 12.0;
const LINE: f64 = 24.0;

/// The default community: centre (800, 450), radius 220.
fn diagram() -> VennDiagram {
    VennDiagram::default()
}

fn institution(id: &str, label: &str, x: f64, y: f64, radius: f64) -> Institution {
    Institution {
        id: id.to_string(),
        label: label.to_string(),
        group: String::new(),
        x,
        y,
        radius,
        relation: Relation::Neutral,
        notes: String::new(),
    }
}

fn with(institutions: Vec<Institution>) -> VennDiagram {
    let mut d = diagram();
    d.institutions = institutions;
    d
}

fn band_of(d: &VennDiagram, id: &str) -> (Closeness, f64) {
    d.closeness_of(id).expect("the institution exists")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}
