//! Edits that keep the map's rules: actors, links, and the lists of groups and link kinds.

use super::{
    actor_box, is_colour, is_dash_pattern, on_canvas, Actor, ActorGroup, Contribution, Link,
    LinkKind, OrgMap, Resource, DASHES, LINK_PALETTE, MAX_INFLUENCE, MAX_STRENGTH, NO_GROUP,
    OTHER_GROUP, PALETTE, SHAPES,
};

// ----- Edits: actors ---------------------------------------------------------------------------

impl OrgMap {
    /// Adds an actor with no group yet, influence 0, at the first free spot (see
    /// [`OrgMap::free_spot`]). The name is trimmed. Refused (false) when the id is empty or
    /// already used, or the name is empty.
    pub fn add_actor(&mut self, id: impl Into<String>, name: impl Into<String>) -> bool {
        let id = id.into();
        let name = name.into();
        let name = name.trim();
        if id.is_empty() || name.is_empty() || self.actor(&id).is_some() {
            return false;
        }
        let mut actor = Actor {
            id,
            name: name.to_string(),
            group_id: NO_GROUP.to_string(),
            influence: 0,
            contributions: Vec::new(),
            notes: String::new(),
            x: 0.0,
            y: 0.0,
        };
        let (x, y) = self.free_spot(&actor_box(&actor));
        actor.x = x;
        actor.y = y;
        self.actors.push(actor);
        true
    }

    /// Adds one actor per non-empty line of a pasted list, each with an id from `new_id`, and
    /// returns their ids in order. Lines are trimmed, and a list bullet ("• ", "- ", "* ",
    /// "– ") at the start of a line is dropped, as lists pasted from documents carry them. A
    /// line whose id is refused (already used) is skipped.
    pub fn add_actors_from_lines(
        &mut self,
        text: &str,
        mut new_id: impl FnMut() -> String,
    ) -> Vec<String> {
        let mut added = Vec::new();
        for line in text.lines() {
            let mut name = line.trim();
            for bullet in ['•', '-', '*', '–', '·'] {
                if let Some(rest) = name.strip_prefix(bullet) {
                    if rest.starts_with(char::is_whitespace) {
                        name = rest.trim_start();
                        break;
                    }
                }
            }
            if name.is_empty() {
                continue;
            }
            let id = new_id();
            if self.add_actor(id.clone(), name) {
                added.push(id);
            }
        }
        added
    }

    /// Renames an actor, keeping the text exactly as typed (trimming while someone types
    /// would swallow the space before the next word). False for an unknown id.
    pub fn rename_actor(&mut self, id: &str, name: impl Into<String>) -> bool {
        match self.actor_mut(id) {
            Some(actor) => {
                actor.name = name.into();
                true
            }
            None => false,
        }
    }

    /// Puts an actor in a group of the map, or in none ([`NO_GROUP`]). Refused (false) for an
    /// unknown actor or group.
    pub fn set_group(&mut self, id: &str, group_id: &str) -> bool {
        if group_id != NO_GROUP && self.group(group_id).is_none() {
            return false;
        }
        match self.actor_mut(id) {
            Some(actor) => {
                actor.group_id = group_id.to_string();
                true
            }
            None => false,
        }
    }

    /// Sets the influence tower's height, kept within 0 to [`MAX_INFLUENCE`].
    pub fn set_influence(&mut self, id: &str, influence: u8) -> bool {
        match self.actor_mut(id) {
            Some(actor) => {
                actor.influence = influence.min(MAX_INFLUENCE);
                true
            }
            None => false,
        }
    }

    pub fn set_notes(&mut self, id: &str, notes: impl Into<String>) -> bool {
        match self.actor_mut(id) {
            Some(actor) => {
                actor.notes = notes.into();
                true
            }
            None => false,
        }
    }

    /// Moves an actor, kept on the canvas and to a hundredth of a unit. Refused (false) for an
    /// unknown id or a coordinate that is not a number.
    pub fn move_actor(&mut self, id: &str, x: f64, y: f64) -> bool {
        if !(x.is_finite() && y.is_finite()) {
            return false;
        }
        let (x, y) = on_canvas(x, y);
        match self.actor_mut(id) {
            Some(actor) => {
                actor.x = x;
                actor.y = y;
                true
            }
            None => false,
        }
    }

    /// Removes an actor and every link to or from it, so no link is ever left dangling.
    pub fn remove_actor(&mut self, id: &str) -> Option<Actor> {
        let index = self.actors.iter().position(|a| a.id == id)?;
        self.links.retain(|l| l.from != id && l.to != id);
        Some(self.actors.remove(index))
    }

    /// Adds what an actor contributes. False for an unknown actor.
    pub fn add_contribution(
        &mut self,
        id: &str,
        resource: Resource,
        text: impl Into<String>,
    ) -> bool {
        match self.actor_mut(id) {
            Some(actor) => {
                actor.contributions.push(Contribution {
                    resource,
                    text: text.into(),
                });
                true
            }
            None => false,
        }
    }

    /// Changes one contribution's resource and text. False for an unknown actor or index.
    pub fn set_contribution(
        &mut self,
        id: &str,
        index: usize,
        resource: Resource,
        text: impl Into<String>,
    ) -> bool {
        match self
            .actor_mut(id)
            .and_then(|actor| actor.contributions.get_mut(index))
        {
            Some(contribution) => {
                contribution.resource = resource;
                contribution.text = text.into();
                true
            }
            None => false,
        }
    }

    /// Removes one contribution and returns it; None for an unknown actor or index.
    pub fn remove_contribution(&mut self, id: &str, index: usize) -> Option<Contribution> {
        let actor = self.actor_mut(id)?;
        if index < actor.contributions.len() {
            Some(actor.contributions.remove(index))
        } else {
            None
        }
    }

    /// The editor's rule, one box per resource: the text becomes the actor's first
    /// contribution of that resource (added if it has none), and a blank box removes it.
    /// Contributions of the other resources stay as they are. False for an unknown actor.
    pub fn write_contribution(&mut self, id: &str, resource: Resource, text: &str) -> bool {
        let Some(actor) = self.actor(id) else {
            return false;
        };
        let index = actor
            .contributions
            .iter()
            .position(|c| c.resource == resource);
        match (index, text.trim().is_empty()) {
            (Some(index), true) => self.remove_contribution(id, index).is_some(),
            (Some(index), false) => self.set_contribution(id, index, resource, text),
            (None, true) => true,
            (None, false) => self.add_contribution(id, resource, text),
        }
    }
}

// ----- Edits: links ----------------------------------------------------------------------------

impl OrgMap {
    /// Adds a link. Refused (false) when the id is empty or used, either actor is unknown, the
    /// two are the same actor, the kind is unknown, or the map already has the same link (the
    /// same kind between the same actors in the same direction, or either way when one of the
    /// two goes both ways).
    pub fn add_link(
        &mut self,
        id: impl Into<String>,
        from: &str,
        to: &str,
        kind_id: &str,
        both_ways: bool,
    ) -> bool {
        let id = id.into();
        let acceptable = !id.is_empty()
            && self.link(&id).is_none()
            && from != to
            && self.actor(from).is_some()
            && self.actor(to).is_some()
            && self.link_kind(kind_id).is_some()
            && !self.repeats_a_link(None, from, to, kind_id, both_ways);
        if acceptable {
            self.links.push(Link {
                id,
                from: from.to_string(),
                to: to.to_string(),
                kind_id: kind_id.to_string(),
                both_ways,
                strength: None,
                notes: String::new(),
            });
        }
        acceptable
    }

    /// Removes a link and returns it; None for an unknown id.
    pub fn remove_link(&mut self, id: &str) -> Option<Link> {
        let index = self.links.iter().position(|l| l.id == id)?;
        Some(self.links.remove(index))
    }

    /// Changes a link's kind. Refused (false) for an unknown link or kind, or when the change
    /// would repeat another link.
    pub fn set_link_kind(&mut self, id: &str, kind_id: &str) -> bool {
        let Some(link) = self.link(id) else {
            return false;
        };
        let (from, to, both_ways) = (link.from.clone(), link.to.clone(), link.both_ways);
        if self.link_kind(kind_id).is_none()
            || self.repeats_a_link(Some(id), &from, &to, kind_id, both_ways)
        {
            return false;
        }
        match self.link_mut(id) {
            Some(link) => {
                link.kind_id = kind_id.to_string();
                true
            }
            None => false,
        }
    }

    /// Makes a link one-way or both ways. Making it both ways absorbs a one-way link of the
    /// same kind the other way (its notes are kept), as the two-headed arrow now says it.
    /// False for an unknown id.
    pub fn set_link_both_ways(&mut self, id: &str, both_ways: bool) -> bool {
        let Some(link) = self.link(id) else {
            return false;
        };
        let (from, to, kind_id) = (link.from.clone(), link.to.clone(), link.kind_id.clone());
        let mut absorbed_notes = Vec::new();
        if both_ways {
            self.links.retain(|l| {
                let reverse = l.id != id && l.kind_id == kind_id && l.from == to && l.to == from;
                if reverse && !l.notes.trim().is_empty() {
                    absorbed_notes.push(l.notes.clone());
                }
                !reverse
            });
        }
        match self.link_mut(id) {
            Some(link) => {
                link.both_ways = both_ways;
                for notes in absorbed_notes {
                    if !link.notes.contains(&notes) {
                        if !link.notes.is_empty() {
                            link.notes.push_str("; ");
                        }
                        link.notes.push_str(&notes);
                    }
                }
                true
            }
            None => false,
        }
    }

    /// Turns a link round. Refused (false) for an unknown id or when the reversed link would
    /// repeat another.
    pub fn reverse_link(&mut self, id: &str) -> bool {
        let Some(link) = self.link(id) else {
            return false;
        };
        let (from, to, kind_id, both_ways) = (
            link.from.clone(),
            link.to.clone(),
            link.kind_id.clone(),
            link.both_ways,
        );
        if self.repeats_a_link(Some(id), &to, &from, &kind_id, both_ways) {
            return false;
        }
        match self.link_mut(id) {
            Some(link) => {
                std::mem::swap(&mut link.from, &mut link.to);
                true
            }
            None => false,
        }
    }

    /// Sets or clears a link's strength, kept at most [`MAX_STRENGTH`].
    pub fn set_link_strength(&mut self, id: &str, strength: Option<u8>) -> bool {
        match self.link_mut(id) {
            Some(link) => {
                link.strength = strength.map(|s| s.min(MAX_STRENGTH));
                true
            }
            None => false,
        }
    }

    pub fn set_link_notes(&mut self, id: &str, notes: impl Into<String>) -> bool {
        match self.link_mut(id) {
            Some(link) => {
                link.notes = notes.into();
                true
            }
            None => false,
        }
    }
}

// ----- Edits: the lists of groups and link kinds -----------------------------------------------

/// The first of `options` used least often in `used`: a new group or kind gets a colour (or
/// shape, or dash) that tells it apart, for as long as the options last.
fn least_used<'a>(options: &[&'a str], used: impl Iterator<Item = String>) -> &'a str {
    let used: Vec<String> = used.collect();
    let mut best = options.first().copied().unwrap_or_default();
    let mut best_count = usize::MAX;
    for option in options {
        let count = used
            .iter()
            .filter(|u| u.eq_ignore_ascii_case(option))
            .count();
        if count < best_count {
            best = option;
            best_count = count;
        }
    }
    best
}

impl OrgMap {
    /// Adds a group with the colour and shape used least so far. Refused (false) when the id
    /// is empty or already used.
    pub fn add_group(&mut self, id: impl Into<String>, label: impl Into<String>) -> bool {
        let id = id.into();
        if id.is_empty() || self.group(&id).is_some() {
            return false;
        }
        let colour = least_used(&PALETTE, self.groups.iter().map(|g| g.colour.clone()));
        let shape = least_used(&SHAPES, self.groups.iter().map(|g| g.shape.clone()));
        self.groups.push(ActorGroup {
            id,
            label: label.into(),
            colour: colour.to_string(),
            shape: shape.to_string(),
        });
        true
    }

    pub fn rename_group(&mut self, id: &str, label: impl Into<String>) -> bool {
        match self.groups.iter_mut().find(|g| g.id == id) {
            Some(group) => {
                group.label = label.into();
                true
            }
            None => false,
        }
    }

    /// Sets a group's colour (`#RRGGBB`) and shape (one of [`SHAPES`]). Refused (false) for
    /// an unknown group, colour or shape.
    pub fn set_group_style(&mut self, id: &str, colour: &str, shape: &str) -> bool {
        if !is_colour(colour) || !SHAPES.contains(&shape) {
            return false;
        }
        match self.groups.iter_mut().find(|g| g.id == id) {
            Some(group) => {
                group.colour = colour.to_string();
                group.shape = shape.to_string();
                true
            }
            None => false,
        }
    }

    /// Removes a group. Its actors move to [`OTHER_GROUP`] when the map has that group (and it
    /// is not the one removed), else to no group. False for an unknown id.
    pub fn remove_group(&mut self, id: &str) -> bool {
        let Some(index) = self.groups.iter().position(|g| g.id == id) else {
            return false;
        };
        self.groups.remove(index);
        let new_home = if id != OTHER_GROUP && self.group(OTHER_GROUP).is_some() {
            OTHER_GROUP
        } else {
            NO_GROUP
        };
        for actor in self.actors.iter_mut().filter(|a| a.group_id == id) {
            actor.group_id = new_home.to_string();
        }
        true
    }

    /// Adds a link kind with the colour and dash pattern used least so far. Refused (false)
    /// when the id is empty or already used.
    pub fn add_link_kind(&mut self, id: impl Into<String>, label: impl Into<String>) -> bool {
        let id = id.into();
        if id.is_empty() || self.link_kind(&id).is_some() {
            return false;
        }
        let colour = least_used(
            &LINK_PALETTE,
            self.link_kinds.iter().map(|k| k.colour.clone()),
        );
        let dash = least_used(&DASHES, self.link_kinds.iter().map(|k| k.dash.clone()));
        self.link_kinds.push(LinkKind {
            id,
            label: label.into(),
            colour: colour.to_string(),
            dash: dash.to_string(),
        });
        true
    }

    pub fn rename_link_kind(&mut self, id: &str, label: impl Into<String>) -> bool {
        match self.link_kinds.iter_mut().find(|k| k.id == id) {
            Some(kind) => {
                kind.label = label.into();
                true
            }
            None => false,
        }
    }

    /// Sets a kind's colour (`#RRGGBB`) and dash pattern (see [`is_dash_pattern`]). Refused
    /// (false) for an unknown kind, colour or pattern.
    pub fn set_link_kind_style(&mut self, id: &str, colour: &str, dash: &str) -> bool {
        if !is_colour(colour) || !is_dash_pattern(dash) {
            return false;
        }
        match self.link_kinds.iter_mut().find(|k| k.id == id) {
            Some(kind) => {
                kind.colour = colour.to_string();
                kind.dash = dash.trim().to_string();
                true
            }
            None => false,
        }
    }

    /// Removes a link kind and every link of that kind. False for an unknown id.
    pub fn remove_link_kind(&mut self, id: &str) -> bool {
        let Some(index) = self.link_kinds.iter().position(|k| k.id == id) else {
            return false;
        };
        self.link_kinds.remove(index);
        self.links.retain(|l| l.kind_id != id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.into(),
            name: id.into(),
            group_id: "cbo".into(),
            influence: 0,
            contributions: vec![],
            notes: String::new(),
            x: 0.0,
            y: 0.0,
        }
    }

    #[test]
    fn removing_an_actor_removes_its_links() {
        let mut map = OrgMap {
            actors: vec![actor("a"), actor("b"), actor("c")],
            ..Default::default()
        };
        for (id, from, to) in [("1", "a", "b"), ("2", "c", "a"), ("3", "b", "c")] {
            map.links.push(Link {
                id: id.into(),
                from: from.into(),
                to: to.into(),
                kind_id: "funding".into(),
                both_ways: false,
                strength: None,
                notes: String::new(),
            });
        }
        map.remove_actor("a");
        assert_eq!(map.links.len(), 1);
        assert_eq!(map.links[0].id, "3");
        assert!(map.check().is_empty());
    }
}
