//! Power Venn ("chapati") diagrams: institutions placed around the community.
//!
//! Positions live on a fixed logical canvas of `CANVAS_WIDTH` x `CANVAS_HEIGHT` units, so a
//! diagram means the same on any screen and in any export.
//!
//! The picture is the data: a circle's size says how powerful the institution is, and its
//! distance from the community circle says how close or reachable it is. Everything the table
//! shows is computed from that geometry here, so the picture and the table cannot disagree:
//! - [`VennDiagram::closeness`]: the band (inside, touching, near, far) and the gap;
//! - [`VennDiagram::overlaps`] and [`VennDiagram::nested`]: how institutions relate;
//! - [`VennDiagram::table`]: one row per institution.
//!
//! Edits made in the table give the geometry they promise ([`VennDiagram::set_closeness`],
//! [`VennDiagram::set_size_tier`]). [`VennDiagram::label_layout`] keeps labels readable on a
//! projector, and [`compare`] sets two diagrams ("then" and "now") against each other.
//!
//! Nothing here trusts its input: unknown ids are refused, numbers that are not finite are
//! read as harmlessly as possible, and nothing panics.
//!
//! Edited positions and sizes are kept to a hundredth of a unit: far finer than any screen
//! shows, and such a number survives a JSON round trip exactly (serde_json, as built here,
//! may misread the last bit of a 17-digit number).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const CANVAS_WIDTH: f64 = 1600.0;
pub const CANVAS_HEIGHT: f64 = 900.0;

/// The radius of each size tier, as the paper circles cut in advance.
pub const SMALL_RADIUS: f64 = 50.0;
pub const MEDIUM_RADIUS: f64 = 80.0;
pub const LARGE_RADIUS: f64 = 120.0;
/// The smallest and largest radius a resize gives.
pub const MIN_RADIUS: f64 = 20.0;
pub const MAX_RADIUS: f64 = 240.0;
/// One step of [`Institution::resize`]: finer than the tiers, as pencil on paper.
pub const RESIZE_STEP: f64 = 10.0;

/// Two circles whose edges are at most this far apart count as touching: exact contact can
/// never be dragged by hand.
pub const TOUCH_TOLERANCE: f64 = 2.0;
/// The widest gap between an institution's edge and the community's edge that still counts
/// as near. Beyond it an institution is far.
pub const NEAR_GAP: f64 = 80.0;

/// What a table of changes counts as a change worth words ("closer by 40"), in units.
pub const NOTICEABLE_CHANGE: f64 = 5.0;

/// How fine edited positions and sizes are kept: a hundredth of a unit (see the module notes).
fn snap(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// A radius as geometry uses it: a negative or missing radius is a point.
fn radius_or_zero(radius: f64) -> f64 {
    // `f64::max` ignores NaN, so NaN reads as zero too.
    radius.max(0.0)
}

fn centre_distance(ax: f64, ay: f64, bx: f64, by: f64) -> f64 {
    (ax - bx).hypot(ay - by)
}

// ----- Relation ------------------------------------------------------------------------------

/// How the group sees the institution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Ally,
    #[default]
    Neutral,
    Threat,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Ally, Relation::Neutral, Relation::Threat];

    pub fn label(self) -> &'static str {
        match self {
            Relation::Ally => "ally",
            Relation::Neutral => "neutral",
            Relation::Threat => "threat",
        }
    }

    /// The mark drawn on the circle, so the relation never depends on colour alone.
    pub fn mark(self) -> &'static str {
        match self {
            Relation::Ally => "✓",
            Relation::Neutral => "–",
            Relation::Threat => "✕",
        }
    }
}

// ----- Size ----------------------------------------------------------------------------------

/// The size of a circle as the paper method has it: a few sizes cut in advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SizeTier {
    Small,
    Medium,
    Large,
}

impl SizeTier {
    pub const ALL: [SizeTier; 3] = [SizeTier::Small, SizeTier::Medium, SizeTier::Large];

    pub fn radius(self) -> f64 {
        match self {
            SizeTier::Small => SMALL_RADIUS,
            SizeTier::Medium => MEDIUM_RADIUS,
            SizeTier::Large => LARGE_RADIUS,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SizeTier::Small => "small",
            SizeTier::Medium => "medium",
            SizeTier::Large => "large",
        }
    }
}

/// The tier whose radius is nearest. A radius exactly halfway between two tiers (65, 100)
/// belongs to the larger; a radius that is not a number reads as medium.
pub fn tier_of(radius: f64) -> SizeTier {
    if radius.is_nan() {
        SizeTier::Medium
    } else if radius < (SMALL_RADIUS + MEDIUM_RADIUS) / 2.0 {
        SizeTier::Small
    } else if radius < (MEDIUM_RADIUS + LARGE_RADIUS) / 2.0 {
        SizeTier::Medium
    } else {
        SizeTier::Large
    }
}

// ----- Closeness -----------------------------------------------------------------------------

/// How close an institution is to the community, read from the geometry.
///
/// With `d` the distance between the two centres, `R` the community's radius, `r` the
/// institution's radius and `gap = d − R − r` the distance between their edges (negative when
/// the circles overlap):
/// - **Inside**: `d ≤ R`, the institution's centre lies within the community circle
///   ("part of us", easy to reach);
/// - **Touching**: `d > R` and `gap ≤ TOUCH_TOLERANCE`: the circles overlap or touch, but the
///   centre is outside;
/// - **Near**: `TOUCH_TOLERANCE < gap ≤ NEAR_GAP`;
/// - **Far**: `gap > NEAR_GAP`, or a position that is not a number.
///
/// Negative radii count as zero. The order is closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Closeness {
    Inside,
    Touching,
    Near,
    Far,
}

impl Closeness {
    pub const ALL: [Closeness; 4] = [
        Closeness::Inside,
        Closeness::Touching,
        Closeness::Near,
        Closeness::Far,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Closeness::Inside => "inside",
            Closeness::Touching => "touching",
            Closeness::Near => "near",
            Closeness::Far => "far",
        }
    }

    /// The range of centre distances `d` this band covers, as `(above, up_to)`: the band is
    /// `above < d ≤ up_to` (Inside also includes `d = 0`).
    fn centre_distances(self, community_radius: f64, radius: f64) -> (f64, f64) {
        let touching_edge = community_radius + radius;
        match self {
            Closeness::Inside => (f64::NEG_INFINITY, community_radius),
            Closeness::Touching => (community_radius, touching_edge + TOUCH_TOLERANCE),
            Closeness::Near => (touching_edge + TOUCH_TOLERANCE, touching_edge + NEAR_GAP),
            Closeness::Far => (touching_edge + NEAR_GAP, f64::INFINITY),
        }
    }

    /// Where in the band [`VennDiagram::set_closeness`] puts a circle when it can: clearly
    /// inside the band, so a small drag afterwards does not change it.
    fn preferred_distance(self, community_radius: f64, radius: f64) -> f64 {
        match self {
            // Wholly inside when it fits (10 units from the rim), else its centre well in.
            Closeness::Inside => (community_radius - radius - 10.0).max(community_radius * 0.4),
            Closeness::Touching => community_radius + (radius + TOUCH_TOLERANCE) / 2.0,
            Closeness::Near => community_radius + radius + (TOUCH_TOLERANCE + NEAR_GAP) / 2.0,
            Closeness::Far => community_radius + radius + 2.0 * NEAR_GAP,
        }
    }
}

/// The band of a centre distance (see [`Closeness`]) and the edge-to-edge gap.
fn band_of(distance: f64, community_radius: f64, radius: f64) -> (Closeness, f64) {
    let gap = distance - community_radius - radius;
    let band = if distance <= community_radius {
        Closeness::Inside
    } else if gap <= TOUCH_TOLERANCE {
        Closeness::Touching
    } else if gap <= NEAR_GAP {
        Closeness::Near
    } else {
        Closeness::Far
    };
    (band, gap)
}

// ----- Institutions --------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Institution {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub group: String,
    pub x: f64,
    pub y: f64,
    /// Size stands for power or importance.
    pub radius: f64,
    #[serde(default)]
    pub relation: Relation,
    /// Why the group put it there: the reasons matter more than the picture.
    #[serde(default)]
    pub notes: String,
}

impl Institution {
    /// Grows (positive) or shrinks (negative) the circle by `step` times [`RESIZE_STEP`],
    /// within [`MIN_RADIUS`] and [`MAX_RADIUS`]. A radius that is not a number starts again
    /// from medium. Returns whether the radius changed.
    pub fn resize(&mut self, step: i32) -> bool {
        let from = if self.radius.is_finite() {
            self.radius
        } else {
            MEDIUM_RADIUS
        };
        let to = snap((from + f64::from(step) * RESIZE_STEP).clamp(MIN_RADIUS, MAX_RADIUS));
        let changed = to != self.radius;
        self.radius = to;
        changed
    }

    /// The tier nearest its radius.
    pub fn size_tier(&self) -> SizeTier {
        tier_of(self.radius)
    }
}

/// Whether two circles touch or share area: their edges are at most [`TOUCH_TOLERANCE`] apart.
fn circles_touch(a: &Institution, b: &Institution) -> bool {
    let distance = centre_distance(a.x, a.y, b.x, b.y);
    distance <= radius_or_zero(a.radius) + radius_or_zero(b.radius) + TOUCH_TOLERANCE
}

/// Whether `inner` lies wholly inside `outer` (within [`TOUCH_TOLERANCE`] of its rim).
/// `inner` must be the smaller; of two equal circles in the same place, the one listed later
/// (`inner_is_later`) is taken to be inside the earlier, so two circles are never each
/// inside the other.
fn is_nested(inner: &Institution, outer: &Institution, inner_is_later: bool) -> bool {
    let inner_radius = radius_or_zero(inner.radius);
    let outer_radius = radius_or_zero(outer.radius);
    let smaller = inner_radius < outer_radius || (inner_radius == outer_radius && inner_is_later);
    smaller
        && centre_distance(inner.x, inner.y, outer.x, outer.y) + inner_radius
            <= outer_radius + TOUCH_TOLERANCE
}

// ----- The diagram ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VennDiagram {
    pub community_label: String,
    pub community_x: f64,
    pub community_y: f64,
    pub community_radius: f64,
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub institutions: Vec<Institution>,
}

impl Default for VennDiagram {
    fn default() -> Self {
        VennDiagram {
            community_label: "Our community".to_string(),
            community_x: CANVAS_WIDTH / 2.0,
            community_y: CANVAS_HEIGHT / 2.0,
            community_radius: 220.0,
            groups: [
                "Network organisation",
                "Community organisation",
                "Faith group",
                "Statutory service",
                "Other",
            ]
            .map(String::from)
            .to_vec(),
            institutions: Vec::new(),
        }
    }
}

/// One row of the table shown beside the picture: everything in it is read from the geometry
/// at the moment it is made.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub id: String,
    pub label: String,
    pub group: String,
    pub closeness: Closeness,
    /// The edge-to-edge gap to the community circle, `d − R − r` (see [`Closeness`]):
    /// negative when the circles overlap.
    pub distance: f64,
    pub size_tier: SizeTier,
    pub radius: f64,
    pub relation: Relation,
    pub notes: String,
    /// The labels of the institutions it overlaps or touches, not counting nesting.
    pub overlaps_with: Vec<String>,
    /// The label of the smallest circle it lies wholly inside ("part of it").
    pub inside_of: Option<String>,
    /// The labels of the circles lying wholly inside it.
    pub contains: Vec<String>,
}

impl VennDiagram {
    /// Every rule a stored or imported diagram keeps, each broken one in plain words.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for (index, institution) in self.institutions.iter().enumerate() {
            if institution.id.is_empty() {
                problems.push(format!("institutions[{index}]: the id is empty"));
            } else if !ids.insert(institution.id.as_str()) {
                problems.push(format!(
                    "institutions[{index}]: the id {:?} is used twice",
                    institution.id
                ));
            }
            let numbers = [institution.x, institution.y, institution.radius];
            if numbers.iter().any(|n| !n.is_finite()) {
                problems.push(format!(
                    "institutions[{index}]: position and size must be numbers"
                ));
            } else if institution.radius <= 0.0 {
                problems.push(format!(
                    "institutions[{index}]: the radius must be above zero"
                ));
            }
        }
        if !(self.community_x.is_finite() && self.community_y.is_finite()) {
            problems.push("the community's position must be numbers".to_string());
        }
        if !(self.community_radius.is_finite() && self.community_radius > 0.0) {
            problems.push("community_radius must be a number above zero".to_string());
        }
        problems
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    fn institution_mut(&mut self, id: &str) -> Option<&mut Institution> {
        self.institutions.iter_mut().find(|i| i.id == id)
    }

    fn community_radius_or_zero(&self) -> f64 {
        radius_or_zero(self.community_radius)
    }

    fn distance_from_community(&self, x: f64, y: f64) -> f64 {
        centre_distance(x, y, self.community_x, self.community_y)
    }

    // ----- Geometry read as meaning ------------------------------------------------------

    /// The institution's closeness band and its edge-to-edge gap to the community circle,
    /// `gap = d − R − r`: negative when the circles overlap, 0 when they just touch. The bands
    /// are defined on [`Closeness`].
    pub fn closeness(&self, institution: &Institution) -> (Closeness, f64) {
        band_of(
            self.distance_from_community(institution.x, institution.y),
            self.community_radius_or_zero(),
            radius_or_zero(institution.radius),
        )
    }

    /// [`VennDiagram::closeness`] of the institution with this id.
    pub fn closeness_of(&self, id: &str) -> Option<(Closeness, f64)> {
        self.institution(id).map(|i| self.closeness(i))
    }

    /// Pairs of institutions (ids, in list order) whose circles overlap or touch (edges at
    /// most [`TOUCH_TOLERANCE`] apart), leaving out pairs where one lies wholly inside the
    /// other: those are in [`VennDiagram::nested`].
    pub fn overlaps(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (i, a) in self.institutions.iter().enumerate() {
            for b in self.institutions.iter().skip(i + 1) {
                if circles_touch(a, b) && !is_nested(a, b, false) && !is_nested(b, a, true) {
                    pairs.push((a.id.clone(), b.id.clone()));
                }
            }
        }
        pairs
    }

    /// Pairs `(inner, outer)` of ids where the inner circle lies wholly inside the outer one
    /// (within [`TOUCH_TOLERANCE`] of its rim): "part of it". The inner circle is the smaller;
    /// of two equal circles in one place, the later one listed is inside the earlier.
    pub fn nested(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (i, a) in self.institutions.iter().enumerate() {
            for b in self.institutions.iter().skip(i + 1) {
                if is_nested(b, a, true) {
                    pairs.push((b.id.clone(), a.id.clone()));
                } else if is_nested(a, b, false) {
                    pairs.push((a.id.clone(), b.id.clone()));
                }
            }
        }
        pairs
    }

    /// The table beside the picture, one row per institution in list order.
    pub fn table(&self) -> Vec<TableRow> {
        let list = &self.institutions;
        list.iter()
            .enumerate()
            .map(|(i, institution)| {
                let (closeness, distance) = self.closeness(institution);
                let mut overlaps_with = Vec::new();
                let mut contains = Vec::new();
                // The smallest enclosing circle is the one it is directly part of.
                let mut inside_of: Option<&Institution> = None;
                for (j, other) in list.iter().enumerate() {
                    if i == j {
                        continue;
                    }
                    if is_nested(institution, other, i > j) {
                        let smaller = inside_of.is_none_or(|best| other.radius < best.radius);
                        if smaller {
                            inside_of = Some(other);
                        }
                    } else if is_nested(other, institution, j > i) {
                        contains.push(other.label.clone());
                    } else if circles_touch(institution, other) {
                        overlaps_with.push(other.label.clone());
                    }
                }
                TableRow {
                    id: institution.id.clone(),
                    label: institution.label.clone(),
                    group: institution.group.clone(),
                    closeness,
                    distance,
                    size_tier: institution.size_tier(),
                    radius: institution.radius,
                    relation: institution.relation,
                    notes: institution.notes.clone(),
                    overlaps_with,
                    inside_of: inside_of.map(|outer| outer.label.clone()),
                    contains,
                }
            })
            .collect()
    }

    // ----- Edits ---------------------------------------------------------------------------

    /// Moves the institution so that [`VennDiagram::closeness`] then reports `band`.
    ///
    /// It moves along the ray from the community's centre through its own centre, keeping its
    /// direction (straight right when it sits on the community's centre), to a distance well
    /// inside the band. When the canvas leaves no room for the band in that direction, it tries
    /// the nearest directions, 5 degrees at a time. Already in the band: it stays where it is.
    /// Returns false, and changes nothing, for an unknown id or when no direction has room.
    pub fn set_closeness(&mut self, id: &str, band: Closeness) -> bool {
        let Some(institution) = self.institution(id) else {
            return false;
        };
        if self.closeness(institution).0 == band {
            return true;
        }
        if !(institution.x.is_finite() && institution.y.is_finite()) {
            return false;
        }
        let community_radius = self.community_radius_or_zero();
        let radius = radius_or_zero(institution.radius);
        let (dx, dy) = (
            institution.x - self.community_x,
            institution.y - self.community_y,
        );
        let own_angle = if dx.hypot(dy) > 1e-9 {
            dy.atan2(dx)
        } else {
            0.0
        };
        let (above, up_to) = band.centre_distances(community_radius, radius);
        // An open end of the band keeps half a unit clear, far above any rounding.
        let clearance = 0.5;
        let preferred = band.preferred_distance(community_radius, radius);
        let turns = std::iter::once(0)
            .chain((1..=36).flat_map(|k| [k, -k]))
            .map(|k| own_angle + f64::from(k) * 5f64.to_radians());
        for angle in turns {
            let (ux, uy) = (angle.cos(), angle.sin());
            let Some((nearest, furthest)) = self.ray_on_canvas(ux, uy) else {
                continue;
            };
            let low = (above + clearance).max(nearest).max(0.0);
            let high = up_to.min(furthest);
            if low > high {
                continue;
            }
            let distance = preferred.clamp(low, high);
            let x = snap(self.community_x + ux * distance).clamp(0.0, CANVAS_WIDTH);
            let y = snap(self.community_y + uy * distance).clamp(0.0, CANVAS_HEIGHT);
            let lands_in_band =
                band_of(self.distance_from_community(x, y), community_radius, radius).0 == band;
            if lands_in_band {
                if let Some(institution) = self.institution_mut(id) {
                    institution.x = x;
                    institution.y = y;
                }
                return true;
            }
        }
        false
    }

    /// The distances `t ≥ 0` along the unit direction `(ux, uy)` from the community's centre
    /// whose points lie on the canvas, as `(nearest, furthest)`; None when none do.
    fn ray_on_canvas(&self, ux: f64, uy: f64) -> Option<(f64, f64)> {
        let mut nearest: f64 = 0.0;
        let mut furthest = f64::INFINITY;
        for (start, step, size) in [
            (self.community_x, ux, CANVAS_WIDTH),
            (self.community_y, uy, CANVAS_HEIGHT),
        ] {
            if step.abs() < 1e-12 {
                if !(0.0..=size).contains(&start) {
                    return None;
                }
                continue;
            }
            let (a, b) = ((0.0 - start) / step, (size - start) / step);
            nearest = nearest.max(a.min(b));
            furthest = furthest.min(a.max(b));
        }
        (nearest <= furthest && nearest.is_finite() && furthest.is_finite())
            .then_some((nearest, furthest))
    }

    /// Gives the institution the radius of `tier`; its centre stays where it is. False for an
    /// unknown id.
    pub fn set_size_tier(&mut self, id: &str, tier: SizeTier) -> bool {
        match self.institution_mut(id) {
            Some(institution) => {
                institution.radius = tier.radius();
                true
            }
            None => false,
        }
    }

    /// [`Institution::resize`] of the institution with this id. Returns whether it changed.
    pub fn resize(&mut self, id: &str, step: i32) -> bool {
        self.institution_mut(id)
            .is_some_and(|institution| institution.resize(step))
    }

    /// Gives the institution a radius, within [`MIN_RADIUS`] and [`MAX_RADIUS`] (the same
    /// bounds as the keys' [`Institution::resize`]). False for an unknown id or a radius
    /// that is not a number.
    pub fn set_radius(&mut self, id: &str, radius: f64) -> bool {
        if !radius.is_finite() {
            return false;
        }
        match self.institution_mut(id) {
            Some(institution) => {
                institution.radius = snap(radius.clamp(MIN_RADIUS, MAX_RADIUS));
                true
            }
            None => false,
        }
    }

    /// Where a circle dragged to `(x, y)` with `radius` ends up once committed: the bounds of
    /// [`VennDiagram::move_to`] and [`VennDiagram::set_radius`]. The drag shows this while the
    /// pointer moves, so nothing jumps on release.
    pub fn bounded_geometry(x: f64, y: f64, radius: f64) -> (f64, f64, f64) {
        let or = |value: f64, fallback: f64| if value.is_finite() { value } else { fallback };
        (
            snap(or(x, CANVAS_WIDTH / 2.0).clamp(0.0, CANVAS_WIDTH)),
            snap(or(y, CANVAS_HEIGHT / 2.0).clamp(0.0, CANVAS_HEIGHT)),
            snap(or(radius, MEDIUM_RADIUS).clamp(MIN_RADIUS, MAX_RADIUS)),
        )
    }

    /// Puts the institution's centre at `(x, y)`, kept on the canvas. False for an unknown id
    /// or a position that is not a number.
    pub fn move_to(&mut self, id: &str, x: f64, y: f64) -> bool {
        if !(x.is_finite() && y.is_finite()) {
            return false;
        }
        match self.institution_mut(id) {
            Some(institution) => {
                institution.x = snap(x.clamp(0.0, CANVAS_WIDTH));
                institution.y = snap(y.clamp(0.0, CANVAS_HEIGHT));
                true
            }
            None => false,
        }
    }

    /// Moves the institution by `(dx, dy)`, kept on the canvas. A damaged position (not a
    /// number) starts again from the canvas's centre.
    pub fn move_by(&mut self, id: &str, dx: f64, dy: f64) -> bool {
        let Some(institution) = self.institution(id) else {
            return false;
        };
        let finite_or = |value: f64, fallback: f64| {
            if value.is_finite() {
                value
            } else {
                fallback
            }
        };
        let x = finite_or(institution.x, CANVAS_WIDTH / 2.0) + dx;
        let y = finite_or(institution.y, CANVAS_HEIGHT / 2.0) + dy;
        self.move_to(id, x, y)
    }

    /// Adds a medium, neutral institution at a free spot just outside the community (see
    /// [`VennDiagram::free_spot`]). Refused (false) when the id is empty or already used.
    pub fn add_institution(&mut self, id: impl Into<String>, label: impl Into<String>) -> bool {
        let id = id.into();
        if id.is_empty() || self.institution(&id).is_some() {
            return false;
        }
        let (x, y) = self.free_spot(MEDIUM_RADIUS);
        self.institutions.push(Institution {
            id,
            label: label.into(),
            group: String::new(),
            x,
            y,
            radius: MEDIUM_RADIUS,
            relation: Relation::Neutral,
            notes: String::new(),
        });
        true
    }

    /// Where a new circle of `radius` goes: the first spot, trying rings outward from the
    /// community's edge (starting in the near band) and, on each ring, 24 directions clockwise
    /// from the top, where the whole circle is on the canvas and clear of the community and of
    /// every institution. When nothing is clear, the spot on the canvas and outside the
    /// community that is furthest from its nearest neighbour. Deterministic.
    pub fn free_spot(&self, radius: f64) -> (f64, f64) {
        let radius = radius_or_zero(radius);
        let community_radius = self.community_radius_or_zero();
        let margin = TOUCH_TOLERANCE + 10.0;
        let (cx, cy) = (
            finite_or_centre(self.community_x, CANVAS_WIDTH),
            finite_or_centre(self.community_y, CANVAS_HEIGHT),
        );
        let mut best: Option<((f64, f64), f64)> = None;
        for ring in 0..12 {
            let distance = community_radius + radius + margin + 20.0 + f64::from(ring) * 60.0;
            for step in 0..24 {
                let angle = (-90.0 + f64::from(step) * 15.0_f64).to_radians();
                let x = snap(cx + angle.cos() * distance);
                let y = snap(cy + angle.sin() * distance);
                if !((0.0..=CANVAS_WIDTH).contains(&x) && (0.0..=CANVAS_HEIGHT).contains(&y)) {
                    continue;
                }
                let room = self
                    .institutions
                    .iter()
                    .map(|other| {
                        centre_distance(x, y, other.x, other.y)
                            - radius
                            - radius_or_zero(other.radius)
                    })
                    .filter(|gap| !gap.is_nan())
                    .fold(f64::INFINITY, f64::min);
                let whole_on_canvas = x >= radius
                    && x <= CANVAS_WIDTH - radius
                    && y >= radius
                    && y <= CANVAS_HEIGHT - radius;
                if whole_on_canvas && room > margin {
                    return (x, y);
                }
                if best.is_none_or(|(_, best_room)| room > best_room) {
                    best = Some(((x, y), room));
                }
            }
        }
        best.map(|(spot, _)| spot).unwrap_or((
            radius.min(CANVAS_WIDTH / 2.0),
            radius.min(CANVAS_HEIGHT / 2.0),
        ))
    }

    /// Removes the institution and returns it; None for an unknown id.
    pub fn remove_institution(&mut self, id: &str) -> Option<Institution> {
        let index = self.institutions.iter().position(|i| i.id == id)?;
        Some(self.institutions.remove(index))
    }

    pub fn set_relation(&mut self, id: &str, relation: Relation) -> bool {
        self.institution_mut(id)
            .map(|institution| institution.relation = relation)
            .is_some()
    }

    pub fn set_label(&mut self, id: &str, label: impl Into<String>) -> bool {
        self.institution_mut(id)
            .map(|institution| institution.label = label.into())
            .is_some()
    }

    pub fn set_notes(&mut self, id: &str, notes: impl Into<String>) -> bool {
        self.institution_mut(id)
            .map(|institution| institution.notes = notes.into())
            .is_some()
    }

    /// Sets the institution's group. A group not yet in [`VennDiagram::groups`] is added to
    /// it, so the list always offers every group in use.
    pub fn set_group(&mut self, id: &str, group: impl Into<String>) -> bool {
        let group = group.into();
        let Some(institution) = self.institution_mut(id) else {
            return false;
        };
        institution.group = group.clone();
        if !group.trim().is_empty() && !self.groups.contains(&group) {
            self.groups.push(group);
        }
        true
    }

    /// Adds a group to the editable list; refused when empty (after trimming) or already there.
    pub fn add_group(&mut self, group: impl Into<String>) -> bool {
        let group = group.into().trim().to_string();
        if group.is_empty() || self.groups.contains(&group) {
            return false;
        }
        self.groups.push(group);
        true
    }

    /// Renames a group in the list and in every institution that has it. Refused when the old
    /// name is not in the list, or the new one is empty or already another group.
    pub fn rename_group(&mut self, from: &str, to: impl Into<String>) -> bool {
        let to = to.into().trim().to_string();
        if to.is_empty() || (to != from && self.groups.contains(&to)) {
            return false;
        }
        let Some(slot) = self.groups.iter_mut().find(|g| g.as_str() == from) else {
            return false;
        };
        *slot = to.clone();
        for institution in &mut self.institutions {
            if institution.group == from {
                institution.group = to.clone();
            }
        }
        true
    }

    /// Removes a group from the list; institutions that had it keep their place and lose the
    /// group. Returns whether it was in the list.
    pub fn remove_group(&mut self, group: &str) -> bool {
        let before = self.groups.len();
        self.groups.retain(|g| g != group);
        for institution in &mut self.institutions {
            if institution.group == group {
                institution.group.clear();
            }
        }
        self.groups.len() != before
    }

    pub fn set_community_label(&mut self, label: impl Into<String>) {
        self.community_label = label.into();
    }

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
        let inside = community_radius >= height + line_height * 1.5;
        let y = if inside {
            cy - community_radius + line_height * 0.6 + height / 2.0
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

fn finite_or_centre(value: f64, size: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        size / 2.0
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
#[derive(Debug, Clone, PartialEq)]
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

/// How many average characters wide a text is, roughly, as the fonts are not known here:
/// wide characters (CJK, emoji) count 5/3 (1 em against 0.6 em), combining marks and
/// joiners nothing, everything else 1.
pub fn text_units(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            let zero_width = matches!(c,
                '\u{0300}'..='\u{036F}'
                | '\u{0483}'..='\u{0489}'
                | '\u{0591}'..='\u{05BD}'
                | '\u{0610}'..='\u{061A}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0670}'
                | '\u{06D6}'..='\u{06ED}'
                | '\u{200B}'..='\u{200F}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{E0100}'..='\u{E01EF}');
            let wide = matches!(c,
                '\u{1100}'..='\u{115F}'
                | '\u{2E80}'..='\u{A4CF}'
                | '\u{AC00}'..='\u{D7A3}'
                | '\u{F900}'..='\u{FAFF}'
                | '\u{FE30}'..='\u{FE4F}'
                | '\u{FF00}'..='\u{FF60}'
                | '\u{FFE0}'..='\u{FFE6}'
                | '\u{1F300}'..='\u{1FAFF}'
                | '\u{20000}'..='\u{3FFFD}');
            if zero_width {
                0.0
            } else if wide {
                5.0 / 3.0
            } else {
                1.0
            }
        })
        .sum()
}

/// Wraps a label into lines of at most `max_units` (see [`text_units`]), splitting only at
/// white space and keeping the words in their order, so right-to-left text is never
/// reordered or reversed. A word wider than `max_units` stays whole on a line of its own.
/// Runs of white space become one space; an empty label gives no lines.
pub fn wrap_label(text: &str, max_units: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_units = 0.0;
    for word in text.split_whitespace() {
        let word_units = text_units(word);
        if line.is_empty() {
            line.push_str(word);
            line_units = word_units;
        } else if line_units + 1.0 + word_units <= max_units {
            line.push(' ');
            line.push_str(word);
            line_units += 1.0 + word_units;
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            line_units = word_units;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
    wanted.sort_by(|a, b| {
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

// ----- Comparing two diagrams ----------------------------------------------------------------

/// The key that matches labels across diagrams: trimmed, inner white space collapsed, lower
/// case.
pub fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Matches the institutions of two diagrams by label ([`label_key`]), without overrides.
/// See [`match_institutions`].
pub fn match_by_label(a: &VennDiagram, b: &VennDiagram) -> Vec<(Option<String>, Option<String>)> {
    match_institutions(a, b, &[])
}

/// Pairs the institutions of `a` with those of `b`, as `(id in a, id in b)`: every
/// institution of `a` in its order (with its match, or None), then those of `b` left
/// unmatched, in theirs.
///
/// `overrides` are the facilitator's corrections, applied first and in order: `(id in a,
/// id in b)` matches those two whatever their labels; an empty id on one side keeps the other
/// apart from everything ("not the same"). An override naming an unknown id, or an
/// institution already settled by an earlier override, is ignored. Then the rest are matched
/// by label: the first unmatched institution of `b` with the same key, so the second
/// "Police" in `a` meets the second in `b`. Empty labels never match.
pub fn match_institutions(
    a: &VennDiagram,
    b: &VennDiagram,
    overrides: &[(String, String)],
) -> Vec<(Option<String>, Option<String>)> {
    // None: not yet settled; Some(None): kept apart; Some(Some(j)): matched with b's j.
    let mut partner_of_a: Vec<Option<Option<usize>>> = vec![None; a.institutions.len()];
    let mut b_settled = vec![false; b.institutions.len()];
    let index_in = |diagram: &VennDiagram, id: &str| {
        if id.is_empty() {
            None
        } else {
            diagram.institutions.iter().position(|i| i.id == id)
        }
    };
    for (id_a, id_b) in overrides {
        let (i, j) = (index_in(a, id_a), index_in(b, id_b));
        match (i, j) {
            (Some(i), Some(j)) if partner_of_a[i].is_none() && !b_settled[j] => {
                partner_of_a[i] = Some(Some(j));
                b_settled[j] = true;
            }
            (Some(i), None) if id_b.is_empty() && partner_of_a[i].is_none() => {
                partner_of_a[i] = Some(None);
            }
            (None, Some(j)) if id_a.is_empty() => {
                b_settled[j] = true;
            }
            _ => {}
        }
    }
    let b_keys: Vec<String> = b.institutions.iter().map(|i| label_key(&i.label)).collect();
    for (i, institution) in a.institutions.iter().enumerate() {
        if partner_of_a[i].is_some() {
            continue;
        }
        let key = label_key(&institution.label);
        let found = if key.is_empty() {
            None
        } else {
            (0..b_keys.len()).find(|&j| !b_settled[j] && b_keys[j] == key)
        };
        if let Some(j) = found {
            b_settled[j] = true;
        }
        partner_of_a[i] = Some(found);
    }
    let mut matched_in_b = vec![false; b.institutions.len()];
    let mut pairs = Vec::with_capacity(a.institutions.len() + b.institutions.len());
    for (institution, partner) in a.institutions.iter().zip(&partner_of_a) {
        let partner = partner.flatten();
        if let Some(j) = partner {
            matched_in_b[j] = true;
        }
        pairs.push((
            Some(institution.id.clone()),
            partner
                .and_then(|j| b.institutions.get(j))
                .map(|i| i.id.clone()),
        ));
    }
    for (institution, matched) in b.institutions.iter().zip(matched_in_b) {
        if !matched {
            pairs.push((None, Some(institution.id.clone())));
        }
    }
    pairs
}

/// Which of the two compared diagrams: the first ("then", "current", or the first group)
/// or the second ("now", "ideal", the other group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

/// An institution as one diagram has it, with what its geometry means.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub id: String,
    pub label: String,
    pub group: String,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub size_tier: SizeTier,
    pub relation: Relation,
    pub closeness: Closeness,
    /// The edge-to-edge gap to the community, as [`VennDiagram::closeness`] gives it.
    pub distance: f64,
    /// How far its centre lies beyond the community's edge, `d − R` (negative inside). Unlike
    /// the gap it does not change when only the size does, so movement is measured by it.
    pub centre_gap: f64,
    pub notes: String,
}

impl Snapshot {
    fn of(diagram: &VennDiagram, institution: &Institution) -> Snapshot {
        let (closeness, distance) = diagram.closeness(institution);
        Snapshot {
            id: institution.id.clone(),
            label: institution.label.clone(),
            group: institution.group.clone(),
            x: institution.x,
            y: institution.y,
            radius: institution.radius,
            size_tier: institution.size_tier(),
            relation: institution.relation,
            closeness,
            distance,
            centre_gap: diagram.distance_from_community(institution.x, institution.y)
                - diagram.community_radius_or_zero(),
            notes: institution.notes.clone(),
        }
    }
}

/// How one institution changed between two diagrams.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Its label (trimmed); "before → after" when a matched pair is labelled differently.
    pub label: String,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
    /// Positive: it moved closer to the community; negative: further away. The change in how
    /// far its centre lies beyond the community's edge ([`Snapshot::centre_gap`]), so each
    /// diagram is measured against its own community circle. 0 when in one diagram only.
    pub moved: f64,
    /// The change in radius: positive grew, negative shrank. 0 when in one diagram only.
    pub size_change: f64,
    /// `(before, after)` when the relation changed.
    pub relation_change: Option<(Relation, Relation)>,
    /// `(before, after)` when the closeness band changed.
    pub closeness_change: Option<(Closeness, Closeness)>,
    /// `(before, after)` when the size tier changed.
    pub tier_change: Option<(SizeTier, SizeTier)>,
    /// Set when the institution appears in one diagram only.
    pub only_in: Option<Side>,
}

impl Change {
    /// The change in words: "closer by 120; grew by 40; neutral → ally", or "no change".
    /// Movements and size changes under [`NOTICEABLE_CHANGE`] are not mentioned.
    pub fn summary(&self) -> String {
        match self.only_in {
            Some(Side::Before) => return "only before".to_string(),
            Some(Side::After) => return "only after".to_string(),
            None => {}
        }
        let mut parts = Vec::new();
        if self.moved >= NOTICEABLE_CHANGE {
            parts.push(format!("closer by {:.0}", self.moved));
        } else if self.moved <= -NOTICEABLE_CHANGE {
            parts.push(format!("further by {:.0}", -self.moved));
        }
        if self.size_change >= NOTICEABLE_CHANGE {
            parts.push(format!("grew by {:.0}", self.size_change));
        } else if self.size_change <= -NOTICEABLE_CHANGE {
            parts.push(format!("shrank by {:.0}", -self.size_change));
        }
        if let Some((from, to)) = self.relation_change {
            parts.push(format!("{} → {}", from.label(), to.label()));
        }
        if parts.is_empty() {
            "no change".to_string()
        } else {
            parts.join("; ")
        }
    }
}

/// Sets two diagrams against each other, one [`Change`] per institution, in the order of
/// [`match_institutions`] (with `overrides`): `a` is the first ("then"), `b` the second.
pub fn compare(a: &VennDiagram, b: &VennDiagram, overrides: &[(String, String)]) -> Vec<Change> {
    match_institutions(a, b, overrides)
        .into_iter()
        .filter_map(|(id_a, id_b)| {
            let before = id_a
                .and_then(|id| a.institution(&id))
                .map(|i| Snapshot::of(a, i));
            let after = id_b
                .and_then(|id| b.institution(&id))
                .map(|i| Snapshot::of(b, i));
            let change = match (before, after) {
                (Some(before), Some(after)) => {
                    let label = if label_key(&before.label) == label_key(&after.label) {
                        before.label.trim().to_string()
                    } else {
                        format!("{} → {}", before.label.trim(), after.label.trim())
                    };
                    Change {
                        label,
                        moved: before.centre_gap - after.centre_gap,
                        size_change: after.radius - before.radius,
                        relation_change: changed(before.relation, after.relation),
                        closeness_change: changed(before.closeness, after.closeness),
                        tier_change: changed(before.size_tier, after.size_tier),
                        only_in: None,
                        before: Some(before),
                        after: Some(after),
                    }
                }
                (Some(before), None) => one_sided(before, Side::Before),
                (None, Some(after)) => one_sided(after, Side::After),
                (None, None) => return None,
            };
            Some(change)
        })
        .collect()
}

/// `(before, after)` when they differ.
fn changed<T: PartialEq + Copy>(before: T, after: T) -> Option<(T, T)> {
    (before != after).then_some((before, after))
}

fn one_sided(snapshot: Snapshot, side: Side) -> Change {
    let label = snapshot.label.trim().to_string();
    let (before, after) = match side {
        Side::Before => (Some(snapshot), None),
        Side::After => (None, Some(snapshot)),
    };
    Change {
        label,
        before,
        after,
        moved: 0.0,
        size_change: 0.0,
        relation_change: None,
        closeness_change: None,
        tier_change: None,
        only_in: Some(side),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_in_order() {
        assert_eq!(wrap_label("a bb ccc", 4.0), ["a bb", "ccc"]);
        assert_eq!(
            wrap_label("  many   spaces\n\there ", 100.0),
            ["many spaces here"]
        );
        assert_eq!(
            wrap_label("x Extraordinarily y", 5.0),
            ["x", "Extraordinarily", "y"]
        );
        assert!(wrap_label("   ", 5.0).is_empty());
        assert_eq!(wrap_label("a b", f64::NAN), ["a", "b"]);
        let arabic = "المجلس البلدي للمدينة";
        assert_eq!(wrap_label(arabic, 8.0).join(" "), arabic);
    }

    #[test]
    fn text_units_count_wide_and_combining_characters() {
        assert_eq!(text_units("abc"), 3.0);
        assert_eq!(text_units("e\u{301}"), 1.0);
        assert!((text_units("漢字") - 10.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn tiers_split_halfway_and_tolerate_nonsense() {
        assert_eq!(tier_of(64.99), SizeTier::Small);
        assert_eq!(tier_of(65.0), SizeTier::Medium);
        assert_eq!(tier_of(99.99), SizeTier::Medium);
        assert_eq!(tier_of(100.0), SizeTier::Large);
        assert_eq!(tier_of(-5.0), SizeTier::Small);
        assert_eq!(tier_of(f64::NAN), SizeTier::Medium);
        assert_eq!(tier_of(f64::INFINITY), SizeTier::Large);
    }

    #[test]
    fn the_ray_reaches_the_canvas_edge() {
        let diagram = VennDiagram::default();
        // From (800, 450): 800 to the right edge, 450 to the top.
        assert_eq!(diagram.ray_on_canvas(1.0, 0.0), Some((0.0, 800.0)));
        assert_eq!(diagram.ray_on_canvas(0.0, -1.0), Some((0.0, 450.0)));
        let off = VennDiagram {
            community_x: -100.0,
            ..VennDiagram::default()
        };
        // Enters at x = 0 (100 along) and leaves at x = 1600 (1700 along).
        assert_eq!(off.ray_on_canvas(1.0, 0.0), Some((100.0, 1700.0)));
        assert_eq!(off.ray_on_canvas(-1.0, 0.0), None);
    }

    #[test]
    fn snapped_numbers_survive_json() {
        for value in [0.1 + 0.2, 388.37123191705916, 1599.999, 1e-7] {
            let snapped = snap(value);
            let text = serde_json::to_string(&snapped).unwrap_or_default();
            let back: f64 = serde_json::from_str(&text).unwrap_or(f64::NAN);
            assert_eq!(back, snapped);
        }
    }
}
