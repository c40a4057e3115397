//! The SVG figure's writer and the look of its parts: shapes, arrowheads, influence towers.

use crate::export::xml::{num, Writer, INK, PAPER};
pub(crate) use crate::model::orgmap::{group_look, kind_look};
use crate::model::orgmap::{
    group_outline, LinkCurve, Outline, TOWER_BASE_Y, TOWER_DISC_RX, TOWER_DISC_RY, TOWER_STEP,
    TOWER_X,
};

mod figure;

pub use figure::map_svg;

// ----- SVG: the writer -------------------------------------------------------------------------

const MARGIN: f64 = 24.0;
const TITLE_SIZE: f64 = 32.0;
const SUBTITLE_SIZE: f64 = 22.0;
const LEGEND_SIZE: f64 = 20.0;
const LEGEND_LINE: f64 = 34.0;
const ARROW_LENGTH: f64 = 20.0;
const ARROW_HALF_WIDTH: f64 = 9.0;

/// An outline from the model's figure (`model::orgmap::group_outline`) as an SVG path
/// around (x, y): the export draws it so, and the screen draws the same path around (0, 0).
pub fn outline_path(outline: &Outline, x: f64, y: f64) -> String {
    let point = |px: f64, py: f64| format!("{},{}", num(x + px), num(y + py));
    match outline {
        Outline::Polygon(points) => {
            let mut d = String::new();
            for (index, &(px, py)) in points.iter().enumerate() {
                d.push(if index == 0 { 'M' } else { 'L' });
                d.push_str(&point(px, py));
                d.push(' ');
            }
            d.push('Z');
            d
        }
        &Outline::Pill {
            half_width: w,
            half_height: h,
        } => format!(
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
        ),
        &Outline::Circle { r } => format!(
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

/// The outline of a group's shape around (x, y), about `r` in radius.
fn shape_path(shape: &str, x: f64, y: f64, r: f64) -> String {
    outline_path(&group_outline(shape, r), x, y)
}

/// A link's whole curve as an SVG path, as the screen draws it (the export trims its ends for
/// the arrowheads).
pub fn curve_path(curve: &LinkCurve) -> String {
    format!(
        "M{},{} Q{},{} {},{}",
        num(curve.start.0),
        num(curve.start.1),
        num(curve.control.0),
        num(curve.control.1),
        num(curve.end.0),
        num(curve.end.1)
    )
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
