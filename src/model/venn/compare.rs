//! Comparing two diagrams ("then" and "now"): matching institutions and what changed.

use super::{Closeness, Institution, Relation, SizeTier, VennDiagram, NOTICEABLE_CHANGE};

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
