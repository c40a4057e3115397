//! What the map's picture looks like, in canvas units: each group's outline, each link's
//! curve and lane, and the colours that stand for a missing group or kind. The screen
//! (`ui::orgmap`) and the SVG export (`export::orgmap::svg`) both draw from these, so they
//! cannot drift apart.

use super::{is_colour, is_dash_pattern, OrgMap, ACTOR_RADIUS};

/// An actor with no group, or a group without a usable colour: paper white, outlined.
pub const NO_GROUP_FILL: &str = "#ffffff";
/// A link of a kind the map does not list, or a kind without a usable colour: dark grey,
/// 7.5:1 against white.
pub const UNKNOWN_KIND_COLOUR: &str = "#595959";
/// How far apart, at their middles, the curves of several links between two actors are.
pub const LINK_SPACING: f64 = 26.0;
/// Where a link stops short of an actor's centre: just outside its shape.
pub const LINK_END: f64 = ACTOR_RADIUS + 12.0;

/// A group's shape around its centre (0, 0), about `r` in radius.
#[derive(Debug, Clone, PartialEq)]
pub enum Outline {
    Polygon(Vec<(f64, f64)>),
    Circle {
        r: f64,
    },
    /// A rounded bar: its half width and half height; the ends are half circles.
    Pill {
        half_width: f64,
        half_height: f64,
    },
}

/// The outline of a group's shape (`circle`, `square`, `triangle`, `diamond`, `hexagon`,
/// `pill`; anything else is a circle), sized so each covers about the same area.
pub fn group_outline(shape: &str, r: f64) -> Outline {
    match shape {
        "square" => {
            let h = 0.9 * r;
            Outline::Polygon(vec![(-h, -h), (h, -h), (h, h), (-h, h)])
        }
        "triangle" => Outline::Polygon(vec![
            (0.0, -1.15 * r),
            (1.1 * r, 0.8 * r),
            (-1.1 * r, 0.8 * r),
        ]),
        "diamond" => Outline::Polygon(vec![
            (0.0, -1.2 * r),
            (1.2 * r, 0.0),
            (0.0, 1.2 * r),
            (-1.2 * r, 0.0),
        ]),
        // Pointed at the top, as a hexagon drawn on paper usually is.
        "hexagon" => Outline::Polygon(
            (0..6)
                .map(|k| {
                    let angle = (-90.0 + 60.0 * f64::from(k)).to_radians();
                    (1.08 * r * angle.cos(), 1.08 * r * angle.sin())
                })
                .collect(),
        ),
        "pill" => Outline::Pill {
            half_width: 1.2 * r,
            half_height: 0.7 * r,
        },
        _ => Outline::Circle { r },
    }
}

/// A group's look: its colour and its shape. An actor whose group is missing is a white
/// circle, which the legend does not claim for any group.
pub fn group_look(map: &OrgMap, group_id: &str) -> (String, String) {
    match map.group(group_id) {
        Some(g) => (
            if is_colour(&g.colour) {
                g.colour.clone()
            } else {
                NO_GROUP_FILL.to_string()
            },
            g.shape.clone(),
        ),
        None => (NO_GROUP_FILL.to_string(), "circle".to_string()),
    }
}

/// A link kind's look: its colour, drawn dark enough to stand out from the white paper
/// ([`legible_on_paper`]), and its dash pattern ("" for solid). An unknown kind is a grey
/// solid line.
pub fn kind_look(map: &OrgMap, kind_id: &str) -> (String, String) {
    match map.link_kind(kind_id) {
        Some(k) => (
            if is_colour(&k.colour) {
                legible_on_paper(&k.colour)
            } else {
                UNKNOWN_KIND_COLOUR.to_string()
            },
            if is_dash_pattern(&k.dash) {
                k.dash.clone()
            } else {
                String::new()
            },
        ),
        None => (UNKNOWN_KIND_COLOUR.to_string(), String::new()),
    }
}

/// The least contrast a line needs against the paper (WCAG's for graphics): a thin line in
/// the palette's orange or sky blue all but vanishes on a washed-out projector.
pub const LINE_CONTRAST: f64 = 3.0;

/// `colour` (`#rrggbb`) as it is drawn as a line on white: itself when it has
/// [`LINE_CONTRAST`] against white, else the same hue darkened until it has. The map keeps
/// the colour chosen; only the drawing is darker. Anything not a colour comes back as it is.
pub fn legible_on_paper(colour: &str) -> String {
    let Some(mut rgb) = parse_colour(colour) else {
        return colour.to_string();
    };
    let mut steps = 0;
    while contrast_with_white(rgb) < LINE_CONTRAST && steps < 40 {
        rgb = rgb.map(|c| c * 0.92);
        steps += 1;
    }
    if steps == 0 {
        return colour.to_string();
    }
    let [r, g, b] = rgb.map(|c| (c * 255.0).round().clamp(0.0, 255.0) as u8);
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The red, green and blue of `#rrggbb`, each from 0 to 1.
fn parse_colour(colour: &str) -> Option<[f64; 3]> {
    if !is_colour(colour) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&colour[at..at + 2], 16).ok();
    Some([channel(1)?, channel(3)?, channel(5)?].map(|c| f64::from(c) / 255.0))
}

/// WCAG's contrast ratio of a colour against white.
fn contrast_with_white(rgb: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// Each link's lane among the links between the same two actors, in the map's order: 0 for
/// the only one, then -0.5 and 0.5 for two, -1, 0 and 1 for three. Measured from the pair's
/// own order (the smaller id first), so a lane does not flip with a link's direction.
/// `None` for a link from an actor to itself.
pub fn link_lanes(map: &OrgMap) -> Vec<Option<f64>> {
    let pair = |from: &str, to: &str| -> (String, String) {
        if from <= to {
            (from.to_string(), to.to_string())
        } else {
            (to.to_string(), from.to_string())
        }
    };
    let mut counts: std::collections::HashMap<(String, String), usize> = Default::default();
    for link in map.links.iter().filter(|l| l.from != l.to) {
        *counts.entry(pair(&link.from, &link.to)).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<(String, String), usize> = Default::default();
    map.links
        .iter()
        .map(|link| {
            if link.from == link.to {
                return None;
            }
            let key = pair(&link.from, &link.to);
            let count = counts.get(&key).copied().unwrap_or(1) as f64;
            let k = seen.entry(key).or_default();
            let lane = *k as f64 - (count - 1.0) / 2.0;
            *k += 1;
            Some(lane)
        })
        .collect()
}

/// Where a link's curve runs: a quadratic curve from just outside one actor to just outside
/// the other, bowed to its lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkCurve {
    pub start: (f64, f64),
    pub control: (f64, f64),
    pub end: (f64, f64),
}

/// The curve of a link from the actor at `from` to the one at `to`, in `lane` (from
/// [`link_lanes`]); `forward` says whether `from` is the pair's first (smaller) id. `None`
/// when the two actors sit so close that no line fits between them.
pub fn link_curve(from: (f64, f64), to: (f64, f64), lane: f64, forward: bool) -> Option<LinkCurve> {
    let (a, b) = if forward { (from, to) } else { (to, from) };
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx.hypot(dy);
    if !(length.is_finite() && length > 2.0 * LINK_END + 4.0) {
        return None;
    }
    let (nx, ny) = (-dy / length, dx / length);
    let middle = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let offset = lane * LINK_SPACING;
    // A quadratic curve's middle lies halfway to its control point.
    let control = (middle.0 + nx * 2.0 * offset, middle.1 + ny * 2.0 * offset);
    let toward = |point: (f64, f64)| {
        let (cx, cy) = (control.0 - point.0, control.1 - point.1);
        let l = cx.hypot(cy).max(1e-9);
        (point.0 + cx / l * LINK_END, point.1 + cy / l * LINK_END)
    };
    Some(LinkCurve {
        start: toward(from),
        control,
        end: toward(to),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::orgmap::Link;

    fn link(id: &str, from: &str, to: &str) -> Link {
        let json = format!(r#"{{"id":"{id}","from":"{from}","to":"{to}","kind_id":"k"}}"#);
        serde_json::from_str(&json).expect("a link")
    }

    #[test]
    fn several_links_between_two_actors_take_lanes_that_do_not_flip_with_direction() {
        let map = OrgMap {
            links: vec![
                link("1", "a", "b"),
                link("2", "b", "a"),
                link("3", "a", "a"),
            ],
            ..Default::default()
        };
        assert_eq!(link_lanes(&map), vec![Some(-0.5), Some(0.5), None]);
        let there = link_curve((0.0, 0.0), (400.0, 0.0), 0.5, true).expect("fits");
        let back = link_curve((400.0, 0.0), (0.0, 0.0), 0.5, false).expect("fits");
        // The same lane bows the same way whichever way the link points.
        assert_eq!(there.control, back.control);
        assert_eq!(there.control.1, 2.0 * 0.5 * LINK_SPACING);
        assert!((there.start.0 - LINK_END).abs() < 1.0, "{there:?}");
        assert!(link_curve((0.0, 0.0), (50.0, 0.0), 0.0, true).is_none());
    }

    #[test]
    fn every_link_colour_is_drawn_with_three_to_one_contrast_on_white_and_keeps_its_hue() {
        for colour in crate::model::orgmap::PALETTE
            .iter()
            .chain(["#FFFFFF", "#F0E442"].iter())
        {
            let drawn = legible_on_paper(colour);
            let rgb = parse_colour(&drawn).expect("a colour");
            assert!(
                contrast_with_white(rgb) >= LINE_CONTRAST,
                "{colour} drawn {drawn}"
            );
        }
        // Dark enough already: unchanged.
        assert_eq!(legible_on_paper("#0072B2"), "#0072B2");
        assert_eq!(legible_on_paper("#000000"), "#000000");
        // Darkened, the hue kept: orange stays more red than green than blue.
        let orange = parse_colour(&legible_on_paper("#E69F00")).expect("a colour");
        assert!(orange[0] > orange[1] && orange[1] > orange[2], "{orange:?}");
        assert_eq!(legible_on_paper("not a colour"), "not a colour");
    }

    #[test]
    fn a_missing_group_is_a_white_circle_and_every_shape_has_an_outline() {
        let map = OrgMap::default();
        assert_eq!(
            group_look(&map, "nobody"),
            (NO_GROUP_FILL.to_string(), "circle".to_string())
        );
        assert_eq!(group_outline("unknown", 10.0), Outline::Circle { r: 10.0 });
        let Outline::Polygon(hexagon) = group_outline("hexagon", 10.0) else {
            panic!("a hexagon is a polygon");
        };
        assert_eq!(hexagon.len(), 6);
        assert!(
            (hexagon[0].0).abs() < 1e-9 && hexagon[0].1 < 0.0,
            "pointed at the top"
        );
    }
}
