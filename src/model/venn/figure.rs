//! How the diagram looks, the same on the screen and in the export: each relation's colour
//! and its second cue that does not rest on colour (the border's pattern and a mark), the
//! labels' size (from which the model places them), the circles' tint and border.

use super::{LabelBox, Relation};

/// Labels on the diagram, in canvas units. The canvas is 1600 units wide; on a 1280 × 720
/// projector it is drawn about 800 px wide beside its table, so 30 units is about 15 px there,
/// and 24 px across the whole width.
pub const LABEL_SIZE: f64 = 30.0;
/// What the label layout is told an average character takes at [`LABEL_SIZE`] (bold).
pub const LABEL_CHAR_WIDTH: f64 = 0.58 * LABEL_SIZE;
/// From one label line's baseline to the next.
pub const LABEL_LINE: f64 = 1.15 * LABEL_SIZE;
/// An institution's tint: light, so overlaps show through.
pub const FILL_OPACITY: f64 = 0.22;
pub const BORDER_WIDTH: f64 = 5.0;
/// The relation's mark sits in a white disc of this radius on the circle's upper right edge.
pub const MARK_RADIUS: f64 = 20.0;
pub const MARK_SIZE: f64 = 28.0;

/// Where the mark's disc goes for a circle at (x, y) of `radius`.
pub fn mark_place(x: f64, y: f64, radius: f64) -> (f64, f64) {
    let at = std::f64::consts::FRAC_1_SQRT_2 * radius;
    (x + at, y - at)
}

/// The baseline of a label's line `index`, its lines centred on the label's box.
pub fn label_baseline(label: &LabelBox, index: usize) -> f64 {
    let count = label.lines.len() as f64;
    label.y + (index as f64 - (count - 1.0) / 2.0) * LABEL_LINE + LABEL_SIZE * 0.35
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationLook {
    /// From the Okabe–Ito palette, which stays apart for the common colour-vision types.
    pub colour: &'static str,
    /// The border's `stroke-dasharray`, in canvas units; `None` for a solid border.
    pub dash: Option<&'static str>,
    /// The line cap that turns short dashes into dots.
    pub linecap: &'static str,
    /// The legend's words for it.
    pub words: &'static str,
}

pub fn relation_look(relation: Relation) -> RelationLook {
    match relation {
        Relation::Ally => RelationLook {
            colour: "#009E73",
            dash: None,
            linecap: "butt",
            words: "Ally: solid border, ✓",
        },
        Relation::Neutral => RelationLook {
            colour: "#0072B2",
            dash: Some("16 10"),
            linecap: "butt",
            words: "Neutral: dashed border, –",
        },
        Relation::Threat => RelationLook {
            colour: "#D55E00",
            dash: Some("2 10"),
            linecap: "round",
            words: "Threat: dotted border, ✕",
        },
    }
}
