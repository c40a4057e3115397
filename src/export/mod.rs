//! Writers for what leaves the app as files: SVG, PNG, CSV, JSON and GraphML.
//! The exercise issues add their writers here.

pub mod orgmap;
pub mod ranking;
pub mod venn;
