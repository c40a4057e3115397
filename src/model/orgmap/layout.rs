//! The automatic layout: force-directed, deterministic, groups kept together, no overlaps.

use super::geometry::{Occupancy, Rect};
use super::{
    actor_box, snap, Actor, ActorBox, OrgMap, LAYOUT_GAP, MAP_HEIGHT, MAP_WIDTH, NO_GROUP,
    VIEW_HEIGHT, VIEW_WIDTH,
};

// ----- Automatic layout ----------------------------------------------------------------------------

/// A small, seeded generator (SplitMix64): the layout's only randomness, drawn from the ids.
struct SplitMix(u64);

impl SplitMix {
    fn from_text(text: &str) -> SplitMix {
        // FNV-1a: a stable hash, the same on every platform and run (std's is randomised).
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        SplitMix(hash)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in [-0.5, 0.5).
    fn centred_unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    }
}

/// The shares of the layout area the actors' boxes may cover, densest first. The layout takes
/// the first at which every box fits the area without an overlap, so a map of 31 actors fills
/// a 16:9 screen with names the back row reads (the projector shows the whole area). The last
/// is loose enough that any force-directed picture survives the removal of overlaps.
const LAYOUT_COVERAGES: [f64; 8] = [0.66, 0.63, 0.6, 0.57, 0.54, 0.5, 0.46, 0.42];
/// Up to how many actors the denser areas are tried: each try is a whole force-directed run,
/// and a bigger map is not read on one screen anyway.
const DENSE_TRIES_UP_TO: usize = 40;
/// How strongly an actor is pulled toward its group, against the links' springs (1): strong
/// enough that groups read as regions of the map (actors of a group end up about half as far
/// apart as actors of different groups), weak enough that linked actors still sit near each
/// other (about two thirds of the average distance).
const GROUP_PULL: f64 = 3.0;
/// The pull toward the group in the denser tries: packed tight, the actors keep to their
/// group's part of the map only if they start well inside it.
const DENSE_GROUP_PULL: f64 = 10.0;
/// How many spots the overlap removal may try in all, so that a map far too crowded for its
/// canvas (hundreds of actors) still lays out in bounded time, with some overlaps left.
pub(super) const PLACEMENT_BUDGET: usize = 400_000;

impl OrgMap {
    /// Lays the map out on the canvas with the standard glyph's boxes ([`actor_box`]): see
    /// [`OrgMap::auto_layout_within`].
    pub fn auto_layout(&mut self) {
        self.auto_layout_within(MAP_WIDTH, MAP_HEIGHT, actor_box);
    }

    /// Places every actor on a canvas of `width` x `height` (from the origin), given the box
    /// each actor's drawing takes:
    ///
    /// 1. The area used grows with the boxes: the smallest 16:9 area, at least the view
    ///    ([`VIEW_WIDTH`] x [`VIEW_HEIGHT`]) and at most the canvas, in which the boxes cover
    ///    a share of [`LAYOUT_COVERAGES`]. Small maps stay in the top-left view. For up to
    ///    [`DENSE_TRIES_UP_TO`] actors the densest share is tried first, with a stronger pull
    ///    toward each group, and steps 2 and 3 are repeated at a looser share until every box
    ///    fits the area (the free-spot search, then rows); then 42%, as below.
    /// 2. Force-directed (Fruchterman–Reingold): every pair of actors repels, links pull as
    ///    springs, and each actor is pulled toward the middle of its group, whose actors start
    ///    around the group's own place on an ellipse, so groups stay together.
    /// 3. Overlap removal: from the middle outward, each actor goes to the free spot nearest
    ///    to where the forces put it, so no two boxes overlap (with [`LAYOUT_GAP`] between
    ///    them) and every box is within the area. Only when the canvas cannot hold the boxes
    ///    at all does an actor stay where the forces put it, overlapping.
    ///
    /// Deterministic: the only randomness is a generator seeded from each actor's id, and the
    /// result does not depend on where the actors were before, so laying out twice gives the
    /// same map. Positions are kept to a hundredth of a unit.
    pub fn auto_layout_within(
        &mut self,
        width: f64,
        height: f64,
        box_of: impl Fn(&Actor) -> ActorBox,
    ) {
        let n = self.actors.len();
        if n == 0 {
            return;
        }
        let canvas_width = if width.is_finite() {
            width.max(1.0)
        } else {
            MAP_WIDTH
        };
        let canvas_height = if height.is_finite() {
            height.max(1.0)
        } else {
            MAP_HEIGHT
        };
        let boxes: Vec<ActorBox> = self.actors.iter().map(|a| box_of(a).sane()).collect();

        let covered: f64 = boxes
            .iter()
            .map(|b| (b.width + LAYOUT_GAP) * (b.height() + LAYOUT_GAP))
            .sum();
        let widest = boxes.iter().map(|b| b.width).fold(0.0, f64::max) + 2.0 * LAYOUT_GAP;
        let tallest = boxes.iter().map(|b| b.height()).fold(0.0, f64::max) + 2.0 * LAYOUT_GAP;
        let area_for = |coverage: f64| {
            let grow = (covered / coverage / (VIEW_WIDTH * VIEW_HEIGHT))
                .sqrt()
                .max(1.0);
            (
                (VIEW_WIDTH * grow).max(widest).min(canvas_width),
                (VIEW_HEIGHT * grow).max(tallest).min(canvas_height),
            )
        };
        // Only a map that needs more than the view is packed densely: a smaller one gets the
        // view whatever the share, and the loose layout keeps linked actors nearer.
        let loosest = LAYOUT_COVERAGES[LAYOUT_COVERAGES.len() - 1];
        let needs_more_than_the_view =
            area_for(loosest).0 > VIEW_WIDTH || area_for(loosest).1 > VIEW_HEIGHT;
        let tries = if n <= DENSE_TRIES_UP_TO && needs_more_than_the_view {
            &LAYOUT_COVERAGES[..]
        } else {
            &LAYOUT_COVERAGES[LAYOUT_COVERAGES.len() - 1..]
        };
        let mut placed = Vec::new();
        for (attempt, &coverage) in tries.iter().enumerate() {
            let area = area_for(coverage);
            let dense = attempt + 1 < tries.len();
            let pull = if dense { DENSE_GROUP_PULL } else { GROUP_PULL };
            let centres = self.force_directed(&boxes, area.0, area.1, pull);
            if dense {
                let mut budget = PLACEMENT_BUDGET;
                let fitted = [false, true]
                    .into_iter()
                    .find_map(|largest_first| {
                        let (spots, misses) = place_greedily(
                            &boxes,
                            &centres,
                            area,
                            area,
                            largest_first,
                            &mut budget,
                        );
                        (misses == 0).then_some(spots)
                    })
                    .or_else(|| place_in_rows(&boxes, &centres, area));
                match fitted {
                    Some(spots) => {
                        placed = spots;
                        break;
                    }
                    None => continue,
                }
            }
            placed = place_without_overlaps(&boxes, &centres, area, (canvas_width, canvas_height));
        }
        for ((actor, b), (cx, cy)) in self.actors.iter_mut().zip(&boxes).zip(placed) {
            // Back from the box's centre to the actor's position (the shape's centre).
            actor.x = snap(cx);
            actor.y = snap(cy - (b.below - b.above) / 2.0);
        }
    }

    /// Each actor's group as a number (None for no group), and how many groups are used:
    /// the map's groups in its order, then unknown ones by first appearance.
    fn group_numbers(&self) -> (Vec<Option<usize>>, usize) {
        let mut group_ids: Vec<&str> = self.groups.iter().map(|g| g.id.as_str()).collect();
        for actor in &self.actors {
            if actor.group_id != NO_GROUP && !group_ids.contains(&actor.group_id.as_str()) {
                group_ids.push(actor.group_id.as_str());
            }
        }
        let used_groups: Vec<&str> = group_ids
            .into_iter()
            .filter(|g| self.actors.iter().any(|a| a.group_id == *g))
            .collect();
        let group_of = self
            .actors
            .iter()
            .map(|a| used_groups.iter().position(|g| *g == a.group_id))
            .collect();
        (group_of, used_groups.len())
    }

    /// The force-directed stage: box centres spread over `width` x `height`.
    fn force_directed(
        &self,
        boxes: &[ActorBox],
        width: f64,
        height: f64,
        group_pull: f64,
    ) -> Vec<(f64, f64)> {
        let n = self.actors.len();
        let index = self.actor_index();

        let (group_of, group_count) = self.group_numbers();
        let (mid_x, mid_y) = (width / 2.0, height / 2.0);
        let anchors: Vec<(f64, f64)> = (0..group_count)
            .map(|g| {
                if group_count == 1 {
                    return (mid_x, mid_y);
                }
                let angle = -std::f64::consts::FRAC_PI_2
                    + std::f64::consts::TAU * g as f64 / group_count as f64;
                (
                    mid_x + 0.32 * width * angle.cos(),
                    mid_y + 0.30 * height * angle.sin(),
                )
            })
            .collect();

        // Springs: one per pair of linked actors, however many links join them.
        let mut springs: Vec<(usize, usize)> = self
            .links
            .iter()
            .filter_map(|l| {
                let a = *index.get(l.from.as_str())?;
                let b = *index.get(l.to.as_str())?;
                (a != b).then_some((a.min(b), a.max(b)))
            })
            .collect();
        springs.sort_unstable();
        springs.dedup();

        let k = (width * height / n as f64).sqrt() * 0.75;
        let mut positions: Vec<(f64, f64)> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| {
                let mut random = SplitMix::from_text(&actor.id);
                let (ax, ay) = group_of[i].map(|g| anchors[g]).unwrap_or((mid_x, mid_y));
                let spread = k * 1.5;
                (
                    ax + spread * random.centred_unit(),
                    ay + spread * random.centred_unit(),
                )
            })
            .collect();
        // Each actor's half size, so the forces already keep big boxes further apart.
        let reach: Vec<f64> = boxes
            .iter()
            .map(|b| 0.5 * (b.width + b.height()) / 2.0)
            .collect();

        // Fewer steps for big maps, which cannot be laid out without overlaps anyway, so that
        // 300 actors stay well within the benchmark's half second.
        let iterations = if n <= 120 { 300 } else { 120 };
        let k_squared = k * k;
        let start_temperature = 0.1 * width.max(height);
        let mut displacement = vec![(0.0_f64, 0.0_f64); n];
        let mut centroids = vec![(0.0_f64, 0.0_f64, 0usize); group_count];
        for step in 0..iterations {
            displacement.iter_mut().for_each(|d| *d = (0.0, 0.0));
            // Repulsion k²/d along the unit vector: (dx, dy)·k²/d², with no square root, as
            // this loop runs n²/2 times per step.
            let (xs, ys): (Vec<f64>, Vec<f64>) = positions.iter().copied().unzip();
            for i in 0..n {
                let (xi, yi, reach_i) = (xs[i], ys[i], reach[i]);
                let (mut push_x, mut push_y) = (0.0, 0.0);
                // Zipped slices, not indexing, so the loop carries no bounds checks.
                let others = xs[i + 1..]
                    .iter()
                    .zip(&ys[i + 1..])
                    .zip(&reach[i + 1..])
                    .zip(displacement[i + 1..].iter_mut())
                    .enumerate();
                for (offset, (((&xj, &yj), &reach_j), pushed)) in others {
                    let (mut dx, mut dy) = (xi - xj, yi - yj);
                    let mut squared = dx * dx + dy * dy;
                    if squared < 1e-4 {
                        // Two actors on one spot: part them in a direction set by their order.
                        let angle = (i * 7 + (i + 1 + offset) * 13) as f64;
                        dx = angle.cos();
                        dy = angle.sin();
                        squared = 1.0;
                    }
                    let reach_sum = reach_i + reach_j;
                    let scale = k_squared.max(reach_sum * reach_sum) / squared;
                    let (fx, fy) = (dx * scale, dy * scale);
                    push_x += fx;
                    push_y += fy;
                    pushed.0 -= fx;
                    pushed.1 -= fy;
                }
                displacement[i].0 += push_x;
                displacement[i].1 += push_y;
            }
            for &(a, b) in &springs {
                let (dx, dy) = (
                    positions[a].0 - positions[b].0,
                    positions[a].1 - positions[b].1,
                );
                let distance = dx.hypot(dy).max(0.01);
                let force = distance * distance / k;
                let (fx, fy) = (dx / distance * force, dy / distance * force);
                displacement[a].0 -= fx;
                displacement[a].1 -= fy;
                displacement[b].0 += fx;
                displacement[b].1 += fy;
            }
            centroids.iter_mut().for_each(|c| *c = (0.0, 0.0, 0));
            for (i, group) in group_of.iter().enumerate() {
                if let Some(g) = group {
                    centroids[*g].0 += positions[i].0;
                    centroids[*g].1 += positions[i].1;
                    centroids[*g].2 += 1;
                }
            }
            for (i, group) in group_of.iter().enumerate() {
                // Toward the group's middle (cohesion) and, more weakly, its place on the
                // ellipse (so groups keep apart); actors with no group drift to the middle.
                let (gx, gy, pull) = match group {
                    Some(g) => {
                        let (sx, sy, count) = centroids[*g];
                        let count = count.max(1) as f64;
                        let (cx, cy) = (sx / count, sy / count);
                        let (ax, ay) = anchors[*g];
                        (0.7 * cx + 0.3 * ax, 0.7 * cy + 0.3 * ay, group_pull)
                    }
                    None => (mid_x, mid_y, 0.3),
                };
                let (dx, dy) = (gx - positions[i].0, gy - positions[i].1);
                let distance = dx.hypot(dy);
                if distance > 0.01 {
                    let force = pull * distance * distance / k;
                    displacement[i].0 += dx / distance * force;
                    displacement[i].1 += dy / distance * force;
                }
            }
            let temperature = start_temperature * (1.0 - step as f64 / iterations as f64) + 1.0;
            for i in 0..n {
                let (dx, dy) = displacement[i];
                let length = dx.hypot(dy);
                if length.is_finite() && length > 0.0 {
                    let moved = length.min(temperature);
                    positions[i].0 += dx / length * moved;
                    positions[i].1 += dy / length * moved;
                }
                let (hw, hh) = (boxes[i].width / 2.0, boxes[i].height() / 2.0);
                positions[i].0 = clamp_within(positions[i].0, hw, width - hw);
                positions[i].1 = clamp_within(positions[i].1, hh, height - hh);
            }
        }

        // Stretch the picture over the whole area: the forces leave a margin of empty space.
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for &(x, y) in &positions {
            min_x = min_x.min(x);
            min_y = min_y.min(y);
            max_x = max_x.max(x);
            max_y = max_y.max(y);
        }
        let inset_x = boxes.iter().map(|b| b.width / 2.0).fold(0.0, f64::max) + LAYOUT_GAP;
        let inset_y = boxes.iter().map(|b| b.height() / 2.0).fold(0.0, f64::max) + LAYOUT_GAP;
        let stretch = |value: f64, low: f64, high: f64, inset: f64, size: f64| {
            if high - low < 1.0 || size <= 2.0 * inset {
                size / 2.0
            } else {
                inset + (value - low) / (high - low) * (size - 2.0 * inset)
            }
        };
        positions
            .iter()
            .map(|&(x, y)| {
                (
                    stretch(x, min_x, max_x, inset_x, width),
                    stretch(y, min_y, max_y, inset_y, height),
                )
            })
            .collect()
    }
}

/// `value` within `low..=high`, or their middle when the range is empty.
pub(super) fn clamp_within(value: f64, low: f64, high: f64) -> f64 {
    if low > high {
        (low + high) / 2.0
    } else if value.is_finite() {
        value.clamp(low, high)
    } else {
        (low + high) / 2.0
    }
}

/// The overlap removal: box centres, none overlapping, within `area` when they fit there,
/// else within `canvas`. Three ways are tried in turn, keeping the first that places every
/// box: greedily from the middle outward, each box at the free spot nearest its target (which
/// keeps the force-directed picture best); the same with the largest boxes first (which packs
/// tighter); and rows ordered by the targets' height, each row by their left-to-right order
/// (which packs tightest). When none places every box (far more boxes than the canvas holds),
/// the greedy try that left the fewest boxes overlapping.
fn place_without_overlaps(
    boxes: &[ActorBox],
    targets: &[(f64, f64)],
    area: (f64, f64),
    canvas: (f64, f64),
) -> Vec<(f64, f64)> {
    let mut budget = PLACEMENT_BUDGET;
    let (middle_out, misses) = place_greedily(boxes, targets, area, canvas, false, &mut budget);
    if misses == 0 {
        return middle_out;
    }
    let (largest_first, misses_largest) =
        place_greedily(boxes, targets, area, canvas, true, &mut budget);
    if misses_largest == 0 {
        return largest_first;
    }
    if let Some(rows) =
        place_in_rows(boxes, targets, area).or_else(|| place_in_rows(boxes, targets, canvas))
    {
        return rows;
    }
    if misses_largest < misses {
        largest_first
    } else {
        middle_out
    }
}

/// Places each box in turn at the free spot nearest its target: from the middle outward, or
/// the largest boxes first. Returns the centres and how many boxes found no free spot (those
/// stay at their targets).
pub(super) fn place_greedily(
    boxes: &[ActorBox],
    targets: &[(f64, f64)],
    area: (f64, f64),
    canvas: (f64, f64),
    largest_first: bool,
    budget: &mut usize,
) -> (Vec<(f64, f64)>, usize) {
    let n = boxes.len();
    let mut occupied = Occupancy::new(canvas.0, canvas.1);
    let mut placed = vec![(0.0, 0.0); n];
    let mut misses = 0;
    let (mid_x, mid_y) = (area.0 / 2.0, area.1 / 2.0);
    let distance_from_middle = |i: usize| {
        // Measured in the area's proportions, so the order spirals out evenly.
        ((targets[i].0 - mid_x) / area.0).hypot((targets[i].1 - mid_y) / area.1)
    };
    let size = |i: usize| boxes[i].width * boxes[i].height();
    let mut order: Vec<usize> = (0..n).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| {
        let by_size = if largest_first {
            size(b).total_cmp(&size(a))
        } else {
            std::cmp::Ordering::Equal
        };
        by_size
            .then(distance_from_middle(a).total_cmp(&distance_from_middle(b)))
            .then(a.cmp(&b))
    });
    for i in order {
        // The box as a rectangle around its centre, with half the gap on every side.
        let half_width = boxes[i].width / 2.0 + LAYOUT_GAP / 2.0;
        let half_height = boxes[i].height() / 2.0 + LAYOUT_GAP / 2.0;
        let rect_at = |x: f64, y: f64| {
            (
                x - half_width,
                y - half_height,
                x + half_width,
                y + half_height,
            )
        };
        let mut spot = None;
        for (width, height) in [area, canvas] {
            let bounds = (
                half_width,
                half_height,
                width - half_width,
                height - half_height,
            );
            if bounds.0 > bounds.2 || bounds.1 > bounds.3 {
                continue;
            }
            let target = (
                clamp_within(targets[i].0, bounds.0, bounds.2),
                clamp_within(targets[i].1, bounds.1, bounds.3),
            );
            spot = nearest_free(&occupied, target, bounds, &rect_at, budget);
            if spot.is_some() {
                break;
            }
        }
        let (x, y) = spot.unwrap_or_else(|| {
            misses += 1;
            (
                clamp_within(targets[i].0, half_width, canvas.0 - half_width),
                clamp_within(targets[i].1, half_height, canvas.1 - half_height),
            )
        });
        occupied.insert(rect_at(x, y));
        placed[i] = (x, y);
    }
    (placed, misses)
}

/// Shelf packing: boxes in rows across `area`, taken in the order of their targets' height,
/// each row in the order of their targets from left to right, the spare room shared out
/// evenly between rows and between the boxes of a row. None when the rows do not fit.
pub(super) fn place_in_rows(
    boxes: &[ActorBox],
    targets: &[(f64, f64)],
    area: (f64, f64),
) -> Option<Vec<(f64, f64)>> {
    let (width, height) = area;
    let outer_width = |i: usize| boxes[i].width + LAYOUT_GAP;
    let outer_height = |i: usize| boxes[i].height() + LAYOUT_GAP;
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| {
        targets[a]
            .1
            .total_cmp(&targets[b].1)
            .then(targets[a].0.total_cmp(&targets[b].0))
            .then(a.cmp(&b))
    });
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_width = 0.0;
    for i in order {
        if outer_width(i) > width {
            return None;
        }
        match rows.last_mut() {
            Some(row) if row_width + outer_width(i) <= width => {
                row.push(i);
                row_width += outer_width(i);
            }
            _ => {
                rows.push(vec![i]);
                row_width = outer_width(i);
            }
        }
    }
    let row_heights: Vec<f64> = rows
        .iter()
        .map(|row| row.iter().map(|&i| outer_height(i)).fold(0.0, f64::max))
        .collect();
    let total_height: f64 = row_heights.iter().sum();
    if total_height > height {
        return None;
    }
    let row_slack = (height - total_height) / (rows.len() + 1) as f64;
    let mut placed = vec![(0.0, 0.0); boxes.len()];
    let mut top = 0.0;
    for (row, row_height) in rows.iter_mut().zip(&row_heights) {
        top += row_slack;
        crate::model::order::sort_by(row, |&a, &b| {
            targets[a].0.total_cmp(&targets[b].0).then(a.cmp(&b))
        });
        let used: f64 = row.iter().map(|&i| outer_width(i)).sum();
        let slack = (width - used) / (row.len() + 1) as f64;
        let mut left = 0.0;
        for &i in row.iter() {
            left += slack;
            placed[i] = (left + outer_width(i) / 2.0, top + row_height / 2.0);
            left += outer_width(i);
        }
        top += row_height;
    }
    Some(placed)
}

/// The free spot nearest `target` with its centre within `bounds` (left, top, right, bottom):
/// rings of candidates 8 units apart around the target, then, past 640 units, a coarse sweep
/// of the whole of `bounds`. None when nothing is free or the budget of tries is spent.
fn nearest_free(
    occupied: &Occupancy,
    target: (f64, f64),
    bounds: Rect,
    rect_at: &impl Fn(f64, f64) -> Rect,
    budget: &mut usize,
) -> Option<(f64, f64)> {
    let inside = |x: f64, y: f64| x >= bounds.0 && x <= bounds.2 && y >= bounds.1 && y <= bounds.3;
    let try_spot = |x: f64, y: f64, budget: &mut usize| -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        inside(x, y) && occupied.is_free(rect_at(x, y))
    };
    let step = 8.0;
    let rings = 80;
    let mut best: Option<((f64, f64), f64)> = None;
    for ring in 0..=rings {
        if let Some((_, distance)) = best {
            // Every spot on this ring and beyond is at least this far away.
            if ring as f64 * step > distance {
                break;
            }
        }
        if *budget == 0 {
            return best.map(|(spot, _)| spot);
        }
        let r = ring as i64;
        for dy in -r..=r {
            let row_step = if dy == -r || dy == r {
                1
            } else {
                (2 * r).max(1)
            };
            let mut dx = -r;
            while dx <= r {
                let (x, y) = (target.0 + dx as f64 * step, target.1 + dy as f64 * step);
                let distance = (dx as f64 * step).hypot(dy as f64 * step);
                let closer = best.is_none_or(|(_, d)| distance < d);
                if closer && inside(x, y) && try_spot(x, y, budget) {
                    best = Some(((x, y), distance));
                }
                dx += row_step;
            }
        }
    }
    if best.is_some() {
        return best.map(|(spot, _)| spot);
    }
    if *budget == 0 {
        return None;
    }
    // Nothing near: sweep the whole area on a coarser grid, keeping the nearest free spot.
    let coarse = 16.0;
    let mut y = bounds.1;
    while y <= bounds.3 {
        let mut x = bounds.0;
        while x <= bounds.2 {
            let distance = (x - target.0).hypot(y - target.1);
            if best.is_none_or(|(_, d)| distance < d) && try_spot(x, y, budget) {
                best = Some(((x, y), distance));
            }
            x += coarse;
        }
        y += coarse;
    }
    best.map(|(spot, _)| spot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeded_generator_is_stable_across_runs() {
        // Fixed values: a change here would change every saved auto-layout.
        let mut random = SplitMix::from_text("a");
        // The seed is the id's FNV-1a hash.
        assert_eq!(random.0, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            [random.next(), random.next(), random.next()],
            [
                0x5f29_c2aa_dd9b_8527,
                0xff84_f1bd_b6d3_884f,
                0xfdfa_b147_e960_346e
            ]
        );
        assert_eq!(SplitMix::from_text("b").next(), 0x56f6_a47e_3092_3664);
        let mut random = SplitMix::from_text("a");
        assert_eq!(random.centred_unit(), -0.12826903656459088);
        assert_eq!(random.centred_unit(), 0.49812231904691207);
        for _ in 0..1000 {
            let unit = random.centred_unit();
            assert!((-0.5..0.5).contains(&unit));
        }
    }
}
