//! Organisational mapping (after Net-Map): actors, typed directed links, influence and the
//! resources each actor contributes.

use serde::{Deserialize, Serialize};

/// The study's three kinds of resource that make coproduction work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    Symbolic,
    Relational,
    Material,
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

impl OrgMap {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Removes an actor and every link to or from it, so no link is ever left dangling.
    pub fn remove_actor(&mut self, id: &str) -> Option<Actor> {
        let index = self.actors.iter().position(|a| a.id == id)?;
        self.links.retain(|l| l.from != id && l.to != id);
        Some(self.actors.remove(index))
    }

    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        // A set, not `actor()`: a map of thousands of links must load in milliseconds.
        let actor_ids: std::collections::HashSet<&str> =
            self.actors.iter().map(|a| a.id.as_str()).collect();
        for (index, link) in self.links.iter().enumerate() {
            for end in [&link.from, &link.to] {
                if !actor_ids.contains(end.as_str()) {
                    problems.push(format!("links[{index}]: actor {end:?} does not exist"));
                }
            }
        }
        for (index, actor) in self.actors.iter().enumerate() {
            if actor.influence > 5 {
                problems.push(format!(
                    "actors[{index}]: influence {} is above 5",
                    actor.influence
                ));
            }
        }
        problems
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
