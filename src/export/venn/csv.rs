//! The data table and the change table as CSV.

use crate::export::{text_cell, write_csv};
use crate::model::venn::{Change, Side, Snapshot, VennDiagram};

// ----- CSV -----------------------------------------------------------------------------------

/// A number for a table: to one decimal place, "12" rather than "12.0"; empty when it is not
/// a number.
fn table_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

fn joined_labels(labels: &[String]) -> String {
    text_cell(
        &labels
            .iter()
            .map(|label| label.trim())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// The data table, one row per institution in the diagram's order: institution, group,
/// closeness band, distance (the gap between its edge and the community's edge, negative
/// when they overlap), size tier, radius, relation, the institutions it overlaps (labels
/// separated by "; "), the one it lies inside, those inside it, and why it is there.
pub fn table_csv(diagram: &VennDiagram) -> String {
    write_csv(&institutions_table(diagram))
}

/// The rows of [`table_csv`], header first, as typed (the report shows them as a table).
pub fn institutions_table(diagram: &VennDiagram) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "institution",
        "group",
        "closeness",
        "distance to the community's edge",
        "size",
        "radius",
        "relation",
        "overlaps with",
        "inside of",
        "contains",
        "why it is there",
    ]
    .map(String::from)
    .to_vec()];
    for row in diagram.table() {
        rows.push(vec![
            text_cell(&row.label),
            text_cell(&row.group),
            row.closeness.label().to_string(),
            table_number(row.distance),
            row.size_tier.label().to_string(),
            table_number(row.radius),
            row.relation.label().to_string(),
            joined_labels(&row.overlaps_with),
            row.inside_of
                .as_deref()
                .map(|label| text_cell(label.trim()))
                .unwrap_or_default(),
            joined_labels(&row.contains),
            text_cell(&row.notes),
        ]);
    }
    rows
}

/// The change table, one row per institution in the order of `changes`: institution, where it
/// appears (both, only before, only after), how far it moved (positive: closer to the
/// community), closeness, distance, radius, size and relation before and after, and the
/// change in words. Numbers a one-sided row cannot have are left empty.
pub fn changes_csv(changes: &[Change]) -> String {
    write_csv(&changes_table(changes))
}

/// The rows of [`changes_csv`], header first, as typed (the report shows them as a table).
pub fn changes_table(changes: &[Change]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "institution",
        "in",
        "moved (positive: closer)",
        "size change (radius)",
        "closeness before",
        "closeness after",
        "distance before",
        "distance after",
        "radius before",
        "radius after",
        "size before",
        "size after",
        "relation before",
        "relation after",
        "change",
    ]
    .map(String::from)
    .to_vec()];
    for change in changes {
        let both = change.only_in.is_none();
        let side = |snapshot: &Option<Snapshot>, field: fn(&Snapshot) -> String| {
            snapshot.as_ref().map(field).unwrap_or_default()
        };
        rows.push(vec![
            text_cell(&change.label),
            match change.only_in {
                None => "both",
                Some(Side::Before) => "only before",
                Some(Side::After) => "only after",
            }
            .to_string(),
            if both {
                table_number(change.moved)
            } else {
                String::new()
            },
            if both {
                table_number(change.size_change)
            } else {
                String::new()
            },
            side(&change.before, |s| s.closeness.label().to_string()),
            side(&change.after, |s| s.closeness.label().to_string()),
            side(&change.before, |s| table_number(s.distance)),
            side(&change.after, |s| table_number(s.distance)),
            side(&change.before, |s| table_number(s.radius)),
            side(&change.after, |s| table_number(s.radius)),
            side(&change.before, |s| s.size_tier.label().to_string()),
            side(&change.after, |s| s.size_tier.label().to_string()),
            side(&change.before, |s| s.relation.label().to_string()),
            side(&change.after, |s| s.relation.label().to_string()),
            change.summary(),
        ]);
    }
    rows
}
