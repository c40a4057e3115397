//! Filters: what the map shows by link kind, group and resource.

use super::{Actor, Link, OrgMap, Resource};
use std::collections::HashSet;

// ----- Filters ---------------------------------------------------------------------------------

/// What the map shows: an empty list means "all". An actor is shown when its group is listed
/// and it contributes at least one listed resource; a link when its kind is listed and both
/// its actors are shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapFilter<'a> {
    pub kinds: &'a [String],
    pub groups: &'a [String],
    pub resources: &'a [Resource],
}

impl MapFilter<'_> {
    pub fn shows_everything(&self) -> bool {
        self.kinds.is_empty() && self.groups.is_empty() && self.resources.is_empty()
    }

    pub fn shows_actor(&self, actor: &Actor) -> bool {
        (self.groups.is_empty() || self.groups.contains(&actor.group_id))
            && (self.resources.is_empty()
                || actor
                    .contributions
                    .iter()
                    .any(|c| self.resources.contains(&c.resource)))
    }

    /// Whether a link is shown, its actors looked up in `map`.
    pub fn shows_link(&self, map: &OrgMap, link: &Link) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&link.kind_id))
            && [&link.from, &link.to]
                .iter()
                .all(|end| map.actor(end).is_some_and(|a| self.shows_actor(a)))
    }
}

impl OrgMap {
    /// A copy holding only what the filter shows (empty lists mean "all"): the map to analyse
    /// or export when the room looks at part of it. Never leaves a dangling link.
    pub fn filtered(&self, kinds: &[String], groups: &[String], resources: &[Resource]) -> OrgMap {
        let filter = MapFilter {
            kinds,
            groups,
            resources,
        };
        let actors: Vec<Actor> = self
            .actors
            .iter()
            .filter(|a| filter.shows_actor(a))
            .cloned()
            .collect();
        let shown: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        let links = self
            .links
            .iter()
            .filter(|l| {
                (kinds.is_empty() || kinds.contains(&l.kind_id))
                    && shown.contains(l.from.as_str())
                    && shown.contains(l.to.as_str())
            })
            .cloned()
            .collect();
        OrgMap {
            question: self.question.clone(),
            groups: self.groups.clone(),
            link_kinds: self.link_kinds.clone(),
            actors,
            links,
        }
    }
}
