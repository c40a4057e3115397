//! Power Venn ("chapati") diagrams: institutions placed around the community.
//!
//! Positions live on a fixed logical canvas of `CANVAS_WIDTH` x `CANVAS_HEIGHT` units, so a
//! diagram means the same on any screen and in any export.

use serde::{Deserialize, Serialize};

pub const CANVAS_WIDTH: f64 = 1600.0;
pub const CANVAS_HEIGHT: f64 = 900.0;

/// How the group sees the institution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Ally,
    #[default]
    Neutral,
    Threat,
}

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

impl VennDiagram {
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (index, institution) in self.institutions.iter().enumerate() {
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
        if !(self.community_radius.is_finite() && self.community_radius > 0.0) {
            problems.push("community_radius must be a number above zero".to_string());
        }
        problems
    }
}
