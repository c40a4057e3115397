//! The room an actor's drawing takes, and where a new actor goes.

use super::{
    on_canvas, Actor, OrgMap, ACTOR_GLYPH_HALF_WIDTH, ACTOR_LABEL_BASELINE, ACTOR_LABEL_CHAR_WIDTH,
    ACTOR_LABEL_LINE, ACTOR_LABEL_SIZE, ACTOR_LABEL_WRAP, ACTOR_RADIUS, LAYOUT_GAP, MAP_HEIGHT,
    MAP_WIDTH, VIEW_HEIGHT, VIEW_WIDTH,
};
use crate::model::text::{text_units, wrap_label};
use crate::model::viewport::Viewport;

// ----- The actor's box, and where new actors go ------------------------------------------------

/// The room an actor's drawing takes around its position (x, y), the centre of its shape:
/// from x − width/2 to x + width/2 across, and from y − above to y + below down (the name
/// hangs below the shape, so `below` is the larger).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActorBox {
    pub width: f64,
    pub above: f64,
    pub below: f64,
}

impl ActorBox {
    /// A box of `width` x `height` centred on the actor's position.
    pub fn centred(width: f64, height: f64) -> ActorBox {
        ActorBox {
            width,
            above: height / 2.0,
            below: height / 2.0,
        }
    }

    pub fn height(&self) -> f64 {
        self.above + self.below
    }

    /// The box's sides `(left, top, right, bottom)` for an actor at (x, y).
    pub fn at(&self, x: f64, y: f64) -> (f64, f64, f64, f64) {
        (
            x - self.width / 2.0,
            y - self.above,
            x + self.width / 2.0,
            y + self.below,
        )
    }

    /// The same box with sizes that are not numbers or negative read as 0, so layout
    /// arithmetic stays finite whatever a caller's measure returns.
    pub(super) fn sane(self) -> ActorBox {
        let sane = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, MAP_WIDTH)
            } else {
                0.0
            }
        };
        ActorBox {
            width: sane(self.width),
            above: sane(self.above),
            below: sane(self.below),
        }
    }
}

/// An actor's name as drawn: wrapped at [`ACTOR_LABEL_WRAP`] average characters, only at
/// white space and keeping the words' order (so right-to-left names are never reordered).
pub fn actor_label_lines(name: &str) -> Vec<String> {
    wrap_label(name, ACTOR_LABEL_WRAP)
}

/// The box of the standard glyph (shape of [`ACTOR_RADIUS`], influence tower to its right,
/// the name below in lines of [`actor_label_lines`]), as the map and its SVG export draw it.
pub fn actor_box(actor: &Actor) -> ActorBox {
    let lines = actor_label_lines(&actor.name);
    let widest = lines.iter().map(|l| text_units(l)).fold(0.0, f64::max);
    let line_count = lines.len().max(1) as f64;
    ActorBox {
        width: (widest * ACTOR_LABEL_CHAR_WIDTH).max(2.0 * ACTOR_GLYPH_HALF_WIDTH),
        // The selection ring sits 9 units outside the shape.
        above: ACTOR_RADIUS + 10.0,
        below: ACTOR_LABEL_BASELINE
            + (line_count - 1.0) * ACTOR_LABEL_LINE
            + 0.3 * ACTOR_LABEL_SIZE,
    }
}

/// An axis-aligned rectangle `(left, top, right, bottom)`.
pub(super) type Rect = (f64, f64, f64, f64);

/// Whether two rectangles share any area (touching edges do not).
fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Placed boxes, bucketed in a grid so that asking "is this spot free?" looks at a few
/// neighbours instead of every box.
pub(super) struct Occupancy {
    cell: f64,
    columns: usize,
    rows: usize,
    boxes: Vec<Rect>,
    buckets: Vec<Vec<usize>>,
}

impl Occupancy {
    pub(super) fn new(width: f64, height: f64) -> Occupancy {
        let cell = 96.0;
        let columns = ((width / cell).ceil() as usize).clamp(1, 512);
        let rows = ((height / cell).ceil() as usize).clamp(1, 512);
        Occupancy {
            cell,
            columns,
            rows,
            boxes: Vec::new(),
            buckets: vec![Vec::new(); columns * rows],
        }
    }

    /// The grid cells a rectangle covers, clamped to the grid (boxes beyond it share the
    /// edge cells, so they are still found).
    fn cells(&self, rect: Rect) -> (usize, usize, usize, usize) {
        let column = |x: f64| ((x / self.cell).floor().max(0.0) as usize).min(self.columns - 1);
        let row = |y: f64| ((y / self.cell).floor().max(0.0) as usize).min(self.rows - 1);
        (column(rect.0), row(rect.1), column(rect.2), row(rect.3))
    }

    pub(super) fn insert(&mut self, rect: Rect) {
        let id = self.boxes.len();
        self.boxes.push(rect);
        let (c0, r0, c1, r1) = self.cells(rect);
        for row in r0..=r1 {
            for column in c0..=c1 {
                self.buckets[row * self.columns + column].push(id);
            }
        }
    }

    pub(super) fn is_free(&self, rect: Rect) -> bool {
        let (c0, r0, c1, r1) = self.cells(rect);
        for row in r0..=r1 {
            for column in c0..=c1 {
                for &id in &self.buckets[row * self.columns + column] {
                    if overlap(self.boxes[id], rect) {
                        return false;
                    }
                }
            }
        }
        true
    }
}

/// A box (grown by half the gap on every side) for an actor at (x, y).
fn spaced(actor_box: &ActorBox, x: f64, y: f64) -> Rect {
    let (l, t, r, b) = actor_box.at(x, y);
    let half = LAYOUT_GAP / 2.0;
    (l - half, t - half, r + half, b + half)
}

impl OrgMap {
    /// Where a new actor with this box goes: the first spot, in reading order on a grid of 24
    /// units, where its box is clear of every other actor's ([`actor_box`]) and within the
    /// view ([`VIEW_WIDTH`] x [`VIEW_HEIGHT`]), else within the canvas; when nothing is clear,
    /// the middle of the view, stepped down and right by the number of actors so that new
    /// actors do not hide each other. Deterministic.
    pub fn free_spot(&self, new_box: &ActorBox) -> (f64, f64) {
        let new_box = new_box.sane();
        let mut occupied = Occupancy::new(MAP_WIDTH, MAP_HEIGHT);
        for actor in &self.actors {
            let (x, y) = on_canvas(actor.x, actor.y);
            occupied.insert(spaced(&actor_box(actor), x, y));
        }
        let step = 24.0;
        for (width, height) in [(VIEW_WIDTH, VIEW_HEIGHT), (MAP_WIDTH, MAP_HEIGHT)] {
            let first_x = new_box.width / 2.0 + LAYOUT_GAP;
            let first_y = new_box.above + LAYOUT_GAP;
            let last_x = width - new_box.width / 2.0 - LAYOUT_GAP;
            let last_y = height - new_box.below - LAYOUT_GAP;
            let mut y = first_y;
            while y <= last_y {
                let mut x = first_x;
                while x <= last_x {
                    if occupied.is_free(spaced(&new_box, x, y)) {
                        return on_canvas(x, y);
                    }
                    x += step;
                }
                y += step;
            }
        }
        let shift = (self.actors.len() % 20) as f64 * 12.0;
        on_canvas(VIEW_WIDTH / 2.0 + shift, VIEW_HEIGHT / 2.0 + shift)
    }

    /// The part of the canvas the map uses, as `(left, top, width, height)` in 16:9: every
    /// actor's box ([`actor_box`]) with a margin round them, centred on them, and never
    /// narrower than [`MIN_EXTENT_WIDTH`], so a map of a few actors fills the screen without
    /// one name taking all of it. An empty map is the view ([`VIEW_WIDTH`] x
    /// [`VIEW_HEIGHT`] from the origin). What "whole map" and the projector show.
    pub fn extent(&self) -> (f64, f64, f64, f64) {
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        for actor in &self.actors {
            let (x, y) = on_canvas(actor.x, actor.y);
            let (l, t, r, b) = actor_box(actor).at(x, y);
            bounds = Some(match bounds {
                None => (l, t, r, b),
                Some((left, top, right, bottom)) => {
                    (left.min(l), top.min(t), right.max(r), bottom.max(b))
                }
            });
        }
        let Some((left, top, right, bottom)) = bounds else {
            return (0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT);
        };
        let aspect = VIEW_WIDTH / VIEW_HEIGHT;
        let fitted = Viewport::fit(
            (left, top, right - left, bottom - top),
            aspect,
            EXTENT_MARGIN,
        );
        let view = if fitted.width < MIN_EXTENT_WIDTH {
            let (cx, cy) = fitted.centre();
            let height = MIN_EXTENT_WIDTH / aspect;
            Viewport::new(
                cx - MIN_EXTENT_WIDTH / 2.0,
                cy - height / 2.0,
                MIN_EXTENT_WIDTH,
                height,
            )
        } else {
            fitted
        };
        (view.x, view.y, view.width, view.height)
    }
}

/// Room round the actors in [`OrgMap::extent`], in canvas units.
pub const EXTENT_MARGIN: f64 = 24.0;
/// The narrowest [`OrgMap::extent`]: half the view, so names are at most twice their size
/// in the whole view.
pub const MIN_EXTENT_WIDTH: f64 = VIEW_WIDTH / 2.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_occupancy_grid_finds_boxes_beyond_its_edges() {
        let mut occupied = Occupancy::new(100.0, 100.0);
        occupied.insert((150.0, 150.0, 250.0, 250.0));
        assert!(!occupied.is_free((200.0, 200.0, 210.0, 210.0)));
        assert!(occupied.is_free((0.0, 0.0, 10.0, 10.0)));
        occupied.insert((-50.0, -50.0, 5.0, 5.0));
        assert!(!occupied.is_free((0.0, 0.0, 10.0, 10.0)));
    }
}
