//! How a relation looks in the diagram, the same on the screen and in the export: its colour,
//! and a second cue that does not rest on colour (the border's pattern and a mark).

use super::Relation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationLook {
    /// From the Okabe–Ito palette, which stays apart for the common colour-vision types.
    pub colour: &'static str,
    /// The border's `stroke-dasharray`, in canvas units; `None` for a solid border.
    pub dash: Option<&'static str>,
    /// The line cap that turns short dashes into dots.
    pub linecap: &'static str,
    /// The mark beside the name in the table and the legend.
    pub mark: &'static str,
    /// The legend's words for it.
    pub words: &'static str,
}

pub fn relation_look(relation: Relation) -> RelationLook {
    match relation {
        Relation::Ally => RelationLook {
            colour: "#009E73",
            dash: None,
            linecap: "butt",
            mark: "✓",
            words: "Ally: solid border, ✓",
        },
        Relation::Neutral => RelationLook {
            colour: "#0072B2",
            dash: Some("16 10"),
            linecap: "butt",
            mark: "–",
            words: "Neutral: dashed border, –",
        },
        Relation::Threat => RelationLook {
            colour: "#D55E00",
            dash: Some("2 10"),
            linecap: "round",
            mark: "✕",
            words: "Threat: dotted border, ✕",
        },
    }
}
