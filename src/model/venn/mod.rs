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

mod compare;
mod edit;
mod figure;
mod labels;

pub use compare::{compare, label_key, match_by_label, match_institutions, Change, Side, Snapshot};
pub use figure::{
    label_baseline, mark_place, relation_look, RelationLook, BORDER_WIDTH, FILL_OPACITY,
    LABEL_CHAR_WIDTH, LABEL_LINE, LABEL_SIZE, MARK_RADIUS, MARK_SIZE,
};
pub use labels::{layout_labels, LabelBox, LabelCircle, BESIDE_WIDTH_CHARS, LABEL_GAP};

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
}

fn finite_or_centre(value: f64, size: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        size / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn snapped_numbers_survive_json() {
        for value in [0.1 + 0.2, 388.37123191705916, 1599.999, 1e-7] {
            let snapped = snap(value);
            let text = serde_json::to_string(&snapped).unwrap_or_default();
            let back: f64 = serde_json::from_str(&text).unwrap_or(f64::NAN);
            assert_eq!(back, snapped);
        }
    }
}
