//! Organisational mapping (after Net-Map): actors, typed directed links, influence and the
//! resources each actor contributes.
//!
//! What is here, all pure and deterministic:
//! - the saved data ([`OrgMap`], the file format's `data.organisational_map`);
//! - edits that keep its rules: a link always joins two different existing actors, with a
//!   known kind, and never repeats another link; influence stays within 0 to 5 ([`OrgMap::add_link`]
//!   and the other `add_`, `set_`, `remove_` methods, each refusing what would break a rule);
//! - the study's questions ([`OrgMap::analysis`]): degree in and out, betweenness, the actors
//!   who bridge groups, isolated actors, and the links between groups by kind;
//! - filters by link kind, group and resource ([`MapFilter`], [`OrgMap::filtered`]);
//! - an automatic layout ([`OrgMap::auto_layout`]): force-directed, deterministic, groups kept
//!   together, and no two actors' boxes (shape, influence tower and label) overlapping.
//!
//! Positions are on a logical canvas of [`MAP_WIDTH`] x [`MAP_HEIGHT`] units. A small map
//! uses its top-left [`VIEW_WIDTH`] x [`VIEW_HEIGHT`], the same 1600 x 900 as the power Venn
//! diagram; the canvas is larger because sixty actors with legible names do not fit in
//! 1600 x 900 (see [`MAP_WIDTH`]). [`OrgMap::extent`] is the part a map actually uses.
//!
//! Nothing here trusts its input: unknown ids are refused, numbers that are not finite are
//! refused or read harmlessly, and nothing panics.

use serde::{Deserialize, Serialize};

mod analysis;
mod edit;
mod figure;
mod filter;
mod geometry;
mod layout;

pub use analysis::{ActorAnalysis, Analysis, GroupLinkCount};
pub use figure::{
    group_look, group_outline, kind_look, legible_on_paper, link_curve, link_lanes, LinkCurve,
    Outline, LINK_END, LINK_SPACING, NO_GROUP_FILL, UNKNOWN_KIND_COLOUR,
};
pub use filter::MapFilter;
pub use geometry::{actor_box, actor_label_lines, ActorBox, EXTENT_MARGIN, MIN_EXTENT_WIDTH};

// ----- The canvas and the actor's glyph ------------------------------------------------------

/// The logical canvas every actor stays on: larger than the power Venn diagram's 1600 x 900,
/// because 60 actors do not fit there legibly. Their boxes (shape, influence tower, and the
/// name at [`ACTOR_LABEL_SIZE`], wrapped on about two lines) take 1.56 million square units
/// for the 60 typical names of the tests, 1.8 million with the gap between them: more than
/// all of 1600 x 900 (1.44 million). 2400 x 1350 (16:9, 3.24 million) leaves the room that
/// removing overlaps needs. A map that large is shown zoomed out (26-unit names at 14 px on
/// a 1280 px projector), or zoomed in and panned; maps of up to about 20 actors stay within
/// the top-left [`VIEW_WIDTH`] x [`VIEW_HEIGHT`], at full size.
pub const MAP_WIDTH: f64 = 2400.0;
pub const MAP_HEIGHT: f64 = 1350.0;
/// The top-left part of the canvas that a map of up to about 20 actors uses, and the smallest
/// [`OrgMap::extent`]: what one projector screen shows at full size.
pub const VIEW_WIDTH: f64 = 1600.0;
pub const VIEW_HEIGHT: f64 = 900.0;

/// The radius of an actor's group shape, in canvas units.
pub const ACTOR_RADIUS: f64 = 34.0;
/// The actor's name, bold, below its shape: 26 units is at least 18 px on a 1280 px wide
/// projector showing the 1600-unit view.
pub const ACTOR_LABEL_SIZE: f64 = 26.0;
/// The distance between the baselines of a wrapped name's lines.
pub const ACTOR_LABEL_LINE: f64 = 31.0;
/// Names are wrapped at this many average characters (see
/// [`text_units`](crate::model::text::text_units)), about 225 units, so a long name takes two or
/// three short lines instead of one line across the map.
pub const ACTOR_LABEL_WRAP: f64 = 14.0;
/// An average bold character's width at [`ACTOR_LABEL_SIZE`], erring wide so estimates cover
/// the real text.
pub const ACTOR_LABEL_CHAR_WIDTH: f64 = 0.62 * ACTOR_LABEL_SIZE;
/// The first baseline of the name, below the actor's centre.
pub const ACTOR_LABEL_BASELINE: f64 = ACTOR_RADIUS + ACTOR_LABEL_SIZE + 4.0;
/// The influence tower (Net-Map): one disc per point, stacked upward beside the shape. Its
/// discs are centred [`TOWER_X`] to the right of the actor's centre, the lowest
/// [`TOWER_BASE_Y`] below it, each next one [`TOWER_STEP`] higher.
pub const TOWER_X: f64 = ACTOR_RADIUS + 22.0;
pub const TOWER_BASE_Y: f64 = ACTOR_RADIUS - 6.0;
pub const TOWER_STEP: f64 = 13.0;
pub const TOWER_DISC_RX: f64 = 14.0;
pub const TOWER_DISC_RY: f64 = 5.5;
/// Half the width of the glyph without its name: the shape and, to its right, the influence
/// tower.
pub const ACTOR_GLYPH_HALF_WIDTH: f64 = TOWER_X + TOWER_DISC_RX;
/// The space the layout keeps between two actors' boxes.
pub const LAYOUT_GAP: f64 = 12.0;

pub const MAX_INFLUENCE: u8 = 5;
pub const MAX_STRENGTH: u8 = 5;
/// The group of an actor not yet put in one.
pub const NO_GROUP: &str = "";
/// Where [`OrgMap::remove_group`] puts the actors of a removed group, when the map has it.
pub const OTHER_GROUP: &str = "other";
/// The shapes a group can take: the second cue beside colour.
pub const SHAPES: [&str; 6] = ["circle", "square", "triangle", "diamond", "hexagon", "pill"];
/// The Okabe–Ito palette, distinct for the common forms of colour blindness.
pub const PALETTE: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
];
/// The colours a new link kind can take: the palette without its yellow, which a thin line on
/// white paper (or a washed-out projector) all but loses. Groups fill shapes with a dark
/// outline, so they keep it.
pub const LINK_PALETTE: [&str; 7] = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#000000",
];
/// Dash patterns for link kinds, each telling its kind apart without colour.
pub const DASHES: [&str; 8] = [
    "",
    "10 6",
    "2 5",
    "14 5 3 5",
    "20 4",
    "5 5",
    "14 4 2 4 2 4",
    "30 6 6 6",
];

// ----- The saved data ------------------------------------------------------------------------

/// The study's three kinds of resource that make coproduction work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    Symbolic,
    Relational,
    Material,
}

impl Resource {
    pub const ALL: [Resource; 3] = [Resource::Symbolic, Resource::Relational, Resource::Material];

    /// The word the file format and the exports use.
    pub fn label(self) -> &'static str {
        match self {
            Resource::Symbolic => "symbolic",
            Resource::Relational => "relational",
            Resource::Material => "material",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub resource: Resource,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorGroup {
    pub id: String,
    pub label: String,
    /// A colour from the Okabe–Ito palette, as `#RRGGBB`.
    pub colour: String,
    /// The second cue beside colour: circle, square, triangle, diamond, hexagon or pill.
    pub shape: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkKind {
    pub id: String,
    pub label: String,
    pub colour: String,
    /// An SVG dash pattern ("" for solid), the second cue beside colour.
    pub dash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub group_id: String,
    /// Net-Map influence tower: 0 to 5 discs.
    #[serde(default)]
    pub influence: u8,
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: String,
    pub from: String,
    pub to: String,
    pub kind_id: String,
    /// A two-headed arrow: an exchange both ways.
    #[serde(default)]
    pub both_ways: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgMap {
    /// The question the map answers ("Who shapes mental-health support for our communities?").
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub groups: Vec<ActorGroup>,
    #[serde(default)]
    pub link_kinds: Vec<LinkKind>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub links: Vec<Link>,
}

impl Default for OrgMap {
    fn default() -> Self {
        let group = |id: &str, label: &str, colour: &str, shape: &str| ActorGroup {
            id: id.into(),
            label: label.into(),
            colour: colour.into(),
            shape: shape.into(),
        };
        let kind = |id: &str, label: &str, colour: &str, dash: &str| LinkKind {
            id: id.into(),
            label: label.into(),
            colour: colour.into(),
            dash: dash.into(),
        };
        OrgMap {
            question: String::new(),
            groups: vec![
                group("network", "Network organisation", "#E69F00", "hexagon"),
                group("cbo", "Community organisation", "#56B4E9", "circle"),
                group("faith", "Faith group", "#009E73", "diamond"),
                group("statutory", "Statutory service", "#0072B2", "square"),
                group("service-users", "Service users", "#CC79A7", "triangle"),
                group("other", "Other", "#000000", "pill"),
            ],
            link_kinds: vec![
                kind("funding", "Funding", "#D55E00", ""),
                kind("information", "Information", "#0072B2", "10 6"),
                kind("staff", "Staff / secondment", "#009E73", "2 5"),
                kind("referral", "Referral", "#CC79A7", "14 5 3 5"),
                kind("trust", "Partnership / trust", "#E69F00", "20 4"),
            ],
            actors: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// Whether a colour is written `#RRGGBB`, the only form the file format allows.
pub fn is_colour(colour: &str) -> bool {
    colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Whether a dash pattern is "" or a short list of non-negative numbers, so it can go into
/// an SVG attribute as it is.
pub fn is_dash_pattern(dash: &str) -> bool {
    dash.len() <= 40
        && dash
            .split([' ', ','])
            .filter(|part| !part.is_empty())
            .all(|part| part.parse::<f64>().is_ok_and(|n| n.is_finite() && n >= 0.0))
}

/// Kept to a hundredth of a unit: far finer than any screen shows, and exact through JSON.
fn snap(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// An actor's position kept on the canvas; a coordinate that is not a number goes to the
/// middle of the view.
fn on_canvas(x: f64, y: f64) -> (f64, f64) {
    let x = if x.is_finite() { x } else { VIEW_WIDTH / 2.0 };
    let y = if y.is_finite() { y } else { VIEW_HEIGHT / 2.0 };
    (
        snap(x.clamp(0.0, MAP_WIDTH)),
        snap(y.clamp(0.0, MAP_HEIGHT)),
    )
}

// ----- Looking things up, and the rules --------------------------------------------------------

impl OrgMap {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    fn actor_mut(&mut self, id: &str) -> Option<&mut Actor> {
        self.actors.iter_mut().find(|a| a.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    fn link_mut(&mut self, id: &str) -> Option<&mut Link> {
        self.links.iter_mut().find(|l| l.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&ActorGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn link_kind(&self, id: &str) -> Option<&LinkKind> {
        self.link_kinds.iter().find(|k| k.id == id)
    }

    /// The links between two actors, either way, in the map's order: what a drawing offsets
    /// side by side so each stays readable.
    pub fn links_between(&self, a: &str, b: &str) -> Vec<&Link> {
        self.links
            .iter()
            .filter(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
            .collect()
    }

    /// Checks the rules every stored or imported map must keep: actor and link ids are unique,
    /// no link points at a missing actor, influence is at most 5. Returns each broken rule in
    /// plain words, with where it is broken. (Links of an unknown kind or to an unknown group
    /// are shown and analysed as they are, so they are not refused here.)
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        // A sorted index and binary search, not `actor()` and not a hash set: a map of
        // thousands of links must load in milliseconds (see `IdIndex`).
        let (actor_ids, repeated_actors) = IdIndex::new(self.actors.iter().map(|a| a.id.as_str()));
        for (index, actor) in self.actors.iter().enumerate() {
            if repeated_actors.binary_search(&index).is_ok() {
                problems.push(format!(
                    "actors[{index}]: the id {:?} is used twice",
                    actor.id
                ));
            }
        }
        let (_, repeated_links) = IdIndex::new(self.links.iter().map(|l| l.id.as_str()));
        for (index, link) in self.links.iter().enumerate() {
            if repeated_links.binary_search(&index).is_ok() {
                problems.push(format!(
                    "links[{index}]: the id {:?} is used twice",
                    link.id
                ));
            }
            for end in [&link.from, &link.to] {
                if !actor_ids.contains(end) {
                    problems.push(format!("links[{index}]: actor {end:?} does not exist"));
                }
            }
        }
        for (index, actor) in self.actors.iter().enumerate() {
            if actor.influence > MAX_INFLUENCE {
                problems.push(format!(
                    "actors[{index}]: influence {} is above 5",
                    actor.influence
                ));
            }
        }
        problems
    }

    /// Whether another link (not `except`) already says the same: the same kind from `from`
    /// to `to`, or the same kind the other way when either of the two goes both ways.
    fn repeats_a_link(
        &self,
        except: Option<&str>,
        from: &str,
        to: &str,
        kind_id: &str,
        both_ways: bool,
    ) -> bool {
        self.links.iter().any(|l| {
            Some(l.id.as_str()) != except
                && l.kind_id == kind_id
                && ((l.from == from && l.to == to)
                    || ((l.both_ways || both_ways) && l.from == to && l.to == from))
        })
    }
}

/// Ids sorted by a cheap hash, then by the id itself, for binary search.
///
/// Sorting the ids as strings compared them byte by byte thousands of times, and loading a
/// 2,400-actor map spent about 10 ms on it in a freshly started tab. Comparing hashes first
/// leaves a string comparison only for equal hashes. Unlike a hash table, it stays
/// `n log n` even for a file built so that every id has the same hash.
struct IdIndex<'a>(Vec<(u64, &'a str)>);

impl<'a> IdIndex<'a> {
    /// The index, and the positions of the ids that repeat an earlier one, in order.
    fn new(ids: impl Iterator<Item = &'a str>) -> (Self, Vec<usize>) {
        let mut by_id: Vec<(u64, &str, usize)> = ids
            .enumerate()
            .map(|(index, id)| (id_hash(id), id, index))
            .collect();
        // Equal ids end up side by side, in the order they came.
        by_id.sort_unstable();
        let mut repeats: Vec<usize> = by_id
            .windows(2)
            .filter(|pair| pair[0].1 == pair[1].1)
            .map(|pair| pair[1].2)
            .collect();
        repeats.sort_unstable();
        let index = by_id.into_iter().map(|(hash, id, _)| (hash, id)).collect();
        (IdIndex(index), repeats)
    }

    fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&(id_hash(id), id)).is_ok()
    }
}

fn id_hash(id: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(id.as_bytes());
    hasher.finish()
}
