//! Edits of the diagram: the table's closeness and size, moving, adding and removing
//! institutions, and the list of groups.

use super::{
    band_of, centre_distance, finite_or_centre, radius_or_zero, snap, Closeness, Institution,
    Relation, SizeTier, VennDiagram, CANVAS_HEIGHT, CANVAS_WIDTH, MAX_RADIUS, MEDIUM_RADIUS,
    MIN_RADIUS, TOUCH_TOLERANCE,
};

impl VennDiagram {
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
    /// (Committed as `set_radius`, then `move_to`, so the whole circle of the new size stays
    /// on the canvas.)
    pub fn bounded_geometry(x: f64, y: f64, radius: f64) -> (f64, f64, f64) {
        let or = |value: f64, fallback: f64| if value.is_finite() { value } else { fallback };
        let radius = snap(or(radius, MEDIUM_RADIUS).clamp(MIN_RADIUS, MAX_RADIUS));
        let (x, y) = centre_on_canvas(
            or(x, CANVAS_WIDTH / 2.0),
            or(y, CANVAS_HEIGHT / 2.0),
            radius,
        );
        (x, y, radius)
    }

    /// Puts the institution's centre at `(x, y)`, kept far enough from the edges that the
    /// whole circle is on the canvas. False for an unknown id or a position that is not a
    /// number.
    pub fn move_to(&mut self, id: &str, x: f64, y: f64) -> bool {
        if !(x.is_finite() && y.is_finite()) {
            return false;
        }
        match self.institution_mut(id) {
            Some(institution) => {
                let (x, y) = centre_on_canvas(x, y, institution.radius);
                institution.x = x;
                institution.y = y;
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
}

/// Where a circle of `radius` may have its centre: far enough from every edge that the whole
/// circle stays on the canvas (a circle dragged past the edge would otherwise hang outside
/// the picture, over the toolbar), to a hundredth of a unit.
pub(super) fn centre_on_canvas(x: f64, y: f64, radius: f64) -> (f64, f64) {
    let r = if radius.is_finite() {
        radius.max(0.0)
    } else {
        0.0
    };
    let bound = |value: f64, extent: f64| {
        let margin = r.min(extent / 2.0);
        snap(value.clamp(margin, extent - margin))
    };
    (bound(x, CANVAS_WIDTH), bound(y, CANVAS_HEIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
