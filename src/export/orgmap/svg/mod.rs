//! The SVG figure's writer and the look of its parts: shapes, arrowheads, influence towers.

use crate::export::xml::{num, Writer, INK, PAPER, SUPPORT};
use crate::model::orgmap::{
    is_colour, is_dash_pattern, OrgMap, ACTOR_RADIUS, TOWER_BASE_Y, TOWER_DISC_RX, TOWER_DISC_RY,
    TOWER_STEP, TOWER_X,
};

mod figure;

pub use figure::map_svg;

// ----- SVG: the writer -------------------------------------------------------------------------

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
