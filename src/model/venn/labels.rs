//! Labels: where the community's and each institution's label go, and the text measures.

use super::{
    centre_distance, finite_or_centre, radius_or_zero, VennDiagram, CANVAS_HEIGHT, CANVAS_WIDTH,
};
use crate::model::text::{text_units, wrap_label};

impl VennDiagram {
    // ----- Labels --------------------------------------------------------------------------

    /// Where the community's label goes: wrapped near the top inside its circle, or just
    /// above the circle when the circle is too small to hold it. Its id is empty.
    pub fn community_label_box(&self, char_width: f64, line_height: f64) -> LabelBox {
        let (char_width, line_height) = text_metrics(char_width, line_height);
        let community_radius = self.community_radius_or_zero();
        let (cx, cy) = (
            finite_or_centre(self.community_x, CANVAS_WIDTH),
            finite_or_centre(self.community_y, CANVAS_HEIGHT),
        );
        let wrap_units = (community_radius * 1.4 / char_width).max(10.0);
        let lines = wrap_label(&self.community_label, wrap_units);
        let (width, height) = block_size(&lines, char_width, line_height);
        // Near its top a circle is narrow: the label goes down until the circle is as wide
        // as the label (with half a character to spare each side), so its own outline never
        // crosses it. Lower down the circle only widens, so the rest of the block fits too.
        let half_width = width / 2.0 + char_width * 0.5;
        let depth_for_width = if half_width < community_radius {
            community_radius - (community_radius.powi(2) - half_width.powi(2)).sqrt()
        } else {
            f64::INFINITY
        };
        let top_offset = (line_height * 0.6).max(depth_for_width);
        let inside = community_radius >= height + line_height * 1.5
            && top_offset + height <= community_radius;
        let y = if inside {
            cy - community_radius + top_offset + height / 2.0
        } else {
            cy - community_radius - LABEL_GAP - height / 2.0
        };
        LabelBox {
            id: String::new(),
            lines,
            x: keep_within(cx, width, CANVAS_WIDTH),
            y: keep_within(y, height, CANVAS_HEIGHT),
            width,
            height,
            anchor_inside: inside,
        }
    }

    /// Where each institution's label goes, in list order, for text of `char_width` units an
    /// average character and `line_height` units a line (see [`layout_labels`]). The
    /// community's label ([`VennDiagram::community_label_box`]) is kept clear of.
    pub fn label_layout(&self, char_width: f64, line_height: f64) -> Vec<LabelBox> {
        let circles: Vec<LabelCircle> = self
            .institutions
            .iter()
            .map(|institution| LabelCircle {
                id: institution.id.clone(),
                label: institution.label.clone(),
                extra_lines: Vec::new(),
                x: institution.x,
                y: institution.y,
                radius: institution.radius,
            })
            .collect();
        let community = self.community_label_box(char_width, line_height);
        layout_labels(&circles, &[community], char_width, line_height)
    }
}

// ----- Label layout --------------------------------------------------------------------------

/// Space kept between a circle's edge and a label beside it, and between two label boxes.
pub const LABEL_GAP: f64 = 6.0;
/// How wide a label beside its circle may run before it wraps, in average characters.
pub const BESIDE_WIDTH_CHARS: f64 = 16.0;

/// A label placed on the canvas: its lines, top to bottom, centred on `(x, y)` in a box of
/// `width` x `height` units. `anchor_inside` says the box lies wholly within its circle;
/// otherwise it sits beside the circle (nudged away when another label was in the way).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelBox {
    pub id: String,
    pub lines: Vec<String>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub anchor_inside: bool,
}

impl LabelBox {
    pub fn left(&self) -> f64 {
        self.x - self.width / 2.0
    }
    pub fn right(&self) -> f64 {
        self.x + self.width / 2.0
    }
    pub fn top(&self) -> f64 {
        self.y - self.height / 2.0
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height / 2.0
    }

    /// Whether the two boxes share any area (touching edges do not count). A box without
    /// area (an empty label) overlaps nothing.
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.has_text()
            && other.has_text()
            && self.left() < other.right()
            && other.left() < self.right()
            && self.top() < other.bottom()
            && other.top() < self.bottom()
    }

    /// Whether the boxes are at least `gap` apart, side by side or one above the other.
    fn clear_of(&self, other: &LabelBox, gap: f64) -> bool {
        self.right() + gap <= other.left()
            || other.right() + gap <= self.left()
            || self.bottom() + gap <= other.top()
            || other.bottom() + gap <= self.top()
    }

    fn has_text(&self) -> bool {
        self.width > 0.0 && self.height > 0.0
    }
}

/// A circle whose label [`layout_labels`] places: `extra_lines` go under the wrapped label
/// (a comparison adds "closer by 40" there).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelCircle {
    pub id: String,
    pub label: String,
    pub extra_lines: Vec<String>,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
}

/// Sensible text metrics whatever the caller passed: 12 by 24 units when not a number.
fn text_metrics(char_width: f64, line_height: f64) -> (f64, f64) {
    let pick = |value: f64, fallback: f64, low: f64, high: f64| {
        if value.is_finite() && value > 0.0 {
            value.clamp(low, high)
        } else {
            fallback
        }
    };
    (
        pick(char_width, 12.0, 1.0, 200.0),
        pick(line_height, 24.0, 1.0, 400.0),
    )
}

fn block_size(lines: &[String], char_width: f64, line_height: f64) -> (f64, f64) {
    let widest = lines
        .iter()
        .map(|line| text_units(line))
        .fold(0.0, f64::max);
    (widest * char_width, lines.len() as f64 * line_height)
}

/// A centre coordinate that keeps a span of `span` within `0..size` when it fits.
fn keep_within(centre: f64, span: f64, size: f64) -> f64 {
    if span >= size {
        size / 2.0
    } else {
        centre.clamp(span / 2.0, size - span / 2.0)
    }
}

/// The label's lines when it fits inside its circle: tried at three wrap widths, widest
/// first, the block fitting within 92% of the radius (corners included).
fn lines_inside(
    circle: &LabelCircle,
    radius: f64,
    char_width: f64,
    line_height: f64,
) -> Option<Vec<String>> {
    if radius <= 0.0 {
        return None;
    }
    let room = radius * 0.92;
    [1.7, 1.4, 1.1].iter().find_map(|fraction| {
        let mut lines = wrap_label(&circle.label, fraction * radius / char_width);
        for extra in &circle.extra_lines {
            lines.extend(wrap_label(extra, fraction * radius / char_width));
        }
        let (width, height) = block_size(&lines, char_width, line_height);
        ((width / 2.0).hypot(height / 2.0) <= room).then_some(lines)
    })
}

/// How far the nudging search goes before giving up on the canvas: 60 rings of half a line
/// (vertically) and two characters (sideways).
const NUDGE_RINGS: i32 = 60;

/// Places the labels of `circles` so that no two boxes share any area, nor any box with the
/// `fixed` ones (kept at least [`LABEL_GAP`] apart). Returns one box per circle, in order.
///
/// A label that fits inside its circle is wrapped and centred in it; any other goes beside
/// its circle, wrapped at [`BESIDE_WIDTH_CHARS`]: to the right, else left, below or above.
/// Labels are placed in turn, inside ones first, then larger circles first; a label whose
/// spot is taken is nudged outward, ring by ring (half a line up or down, or two characters
/// sideways), staying on the canvas when it can. If even that fails it goes below every
/// label placed so far. Deterministic: the same input gives the same layout.
pub fn layout_labels(
    circles: &[LabelCircle],
    fixed: &[LabelBox],
    char_width: f64,
    line_height: f64,
) -> Vec<LabelBox> {
    let (char_width, line_height) = text_metrics(char_width, line_height);
    struct Wanted {
        index: usize,
        lines: Vec<String>,
        width: f64,
        height: f64,
        inside: bool,
        spots: Vec<(f64, f64)>,
        circle: (f64, f64, f64),
    }
    let mut wanted: Vec<Wanted> = circles
        .iter()
        .enumerate()
        .map(|(index, circle)| {
            let x = finite_or_centre(circle.x, CANVAS_WIDTH);
            let y = finite_or_centre(circle.y, CANVAS_HEIGHT);
            let radius = if circle.radius.is_finite() {
                radius_or_zero(circle.radius)
            } else {
                0.0
            };
            match lines_inside(circle, radius, char_width, line_height) {
                Some(lines) => {
                    let (width, height) = block_size(&lines, char_width, line_height);
                    Wanted {
                        index,
                        lines,
                        width,
                        height,
                        inside: true,
                        spots: vec![(x, y)],
                        circle: (x, y, radius),
                    }
                }
                None => {
                    let mut lines = wrap_label(&circle.label, BESIDE_WIDTH_CHARS);
                    for extra in &circle.extra_lines {
                        lines.extend(wrap_label(extra, BESIDE_WIDTH_CHARS));
                    }
                    let (width, height) = block_size(&lines, char_width, line_height);
                    let right = (x + radius + LABEL_GAP + width / 2.0, y);
                    let left = (x - radius - LABEL_GAP - width / 2.0, y);
                    let below = (x, y + radius + LABEL_GAP + height / 2.0);
                    let above = (x, y - radius - LABEL_GAP - height / 2.0);
                    let spots = if right.0 + width / 2.0 > CANVAS_WIDTH {
                        vec![left, right, below, above]
                    } else {
                        vec![right, left, below, above]
                    };
                    Wanted {
                        index,
                        lines,
                        width,
                        height,
                        inside: false,
                        spots,
                        circle: (x, y, radius),
                    }
                }
            }
        })
        .collect();
    // Inside labels first (they belong where they are), then the bigger circles.
    crate::model::order::sort_by(&mut wanted, |a, b| {
        b.inside
            .cmp(&a.inside)
            .then(b.circle.2.total_cmp(&a.circle.2))
            .then(a.index.cmp(&b.index))
    });

    let mut placed: Vec<LabelBox> = fixed.iter().filter(|b| b.has_text()).cloned().collect();
    let mut result: Vec<Option<LabelBox>> = vec![None; circles.len()];
    let step_x = char_width * 2.0;
    let step_y = line_height / 2.0;
    for want in wanted {
        let make = |(x, y): (f64, f64)| LabelBox {
            id: circles
                .get(want.index)
                .map(|c| c.id.clone())
                .unwrap_or_default(),
            lines: want.lines.clone(),
            x,
            y,
            width: want.width,
            height: want.height,
            anchor_inside: false,
        };
        let first = want.spots.first().copied().unwrap_or((0.0, 0.0));
        let is_free = |candidate: &LabelBox| {
            !candidate.x.is_nan()
                && !candidate.y.is_nan()
                && placed
                    .iter()
                    .all(|other| candidate.clear_of(other, LABEL_GAP))
        };
        let on_canvas = |candidate: &LabelBox| {
            candidate.left() >= 0.0
                && candidate.right() <= CANVAS_WIDTH
                && candidate.top() >= 0.0
                && candidate.bottom() <= CANVAS_HEIGHT
        };
        let nudged = (1..=NUDGE_RINGS).flat_map(|k| {
            let (sx, sy) = (step_x * f64::from(k), step_y * f64::from(k));
            [
                (0.0, sy),
                (0.0, -sy),
                (sx, 0.0),
                (-sx, 0.0),
                (sx, sy),
                (-sx, sy),
                (sx, -sy),
                (-sx, -sy),
            ]
            .map(|(dx, dy)| (first.0 + dx, first.1 + dy))
        });
        let mut chosen = if want.lines.is_empty() {
            // Nothing to show: nothing to collide with.
            Some(make(first))
        } else {
            None
        };
        if chosen.is_none() {
            chosen = want
                .spots
                .iter()
                .copied()
                .chain(nudged.clone())
                .map(make)
                .find(|candidate| on_canvas(candidate) && is_free(candidate));
        }
        if chosen.is_none() {
            chosen = want
                .spots
                .iter()
                .copied()
                .chain(nudged)
                .map(make)
                .find(|candidate| is_free(candidate));
        }
        let mut label = chosen.unwrap_or_else(|| {
            // Below everything placed so far: clear of all of it by construction.
            let lowest = placed
                .iter()
                .map(LabelBox::bottom)
                .filter(|bottom| bottom.is_finite())
                .fold(first.1, f64::max);
            let x = if first.0.is_finite() { first.0 } else { 0.0 };
            make((x, lowest + LABEL_GAP * 1.5 + want.height / 2.0))
        });
        let (cx, cy, radius) = want.circle;
        label.anchor_inside = want.inside
            && label.has_text()
            && [
                (label.left(), label.top()),
                (label.right(), label.top()),
                (label.left(), label.bottom()),
                (label.right(), label.bottom()),
            ]
            .iter()
            .all(|&(x, y)| centre_distance(x, y, cx, cy) <= radius);
        if label.has_text() {
            placed.push(label.clone());
        }
        if let Some(slot) = result.get_mut(want.index) {
            *slot = Some(label);
        }
    }
    result.into_iter().flatten().collect()
}
