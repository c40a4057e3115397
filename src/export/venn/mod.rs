//! Power Venn diagrams as files: a standalone SVG figure that carries its own data, the data
//! table and the change table as CSV, and an overlaid "then and now" figure.
//!
//! The SVG files are SVG 1.1 documents with no CSS classes, scripts, fonts or external
//! references, so they look the same in a browser, Inkscape and a word processor: black text
//! on white, labels at 20 px on the 1600-unit canvas, strokes of 2 px or more, the system font
//! stack. A relation is shown by colour (Okabe–Ito) and by a second cue: its border (solid,
//! dashed, dotted) and its mark (✓, –, ✕). Characters XML cannot hold are dropped from what is
//! shown; a label whose first strong letter is right-to-left (Arabic, Hebrew …) is written
//! with `direction="rtl"`, never reversed by hand.
//!
//! [`diagram_svg`] embeds the diagram, as the JSON of [`VennDiagram`] (the file format's
//! `data.power_venn`), in `<metadata id="pla-workshop-power-venn">`, where screen readers do
//! not read it; [`diagram_from_svg`] reads it back.
//!
//! The CSV files are UTF-8 after a byte-order mark (so Excel reads any script), one header row, `\n` line ends, quoted
//! by the `csv` crate where needed. As in the ranking exports, a text a person typed that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`,
//! so a spreadsheet shows it as text instead of running it as a formula.

mod comparison;
mod csv;
mod svg;

pub use comparison::{comparison_picture_svg, comparison_svg};
pub use csv::{changes_csv, changes_table, institutions_table, table_csv};
pub use svg::{diagram_picture_svg, diagram_svg};

use crate::model::venn::VennDiagram;

use crate::export::FigureMeta;

/// The `id` of the `<metadata>` element that holds the diagram's data.
pub const METADATA_ID: &str = "pla-workshop-power-venn";

// ----- Reading the data back -----------------------------------------------------------------

/// The diagram embedded in an SVG that [`diagram_svg`] wrote (and that Inkscape or another
/// editor may since have re-saved): the text of `<metadata id="pla-workshop-power-venn">`,
/// entities and CDATA sections read as XML does, parsed as JSON and checked with
/// [`VennDiagram::check`]. Any problem comes back in plain words; nothing panics.
pub fn diagram_from_svg(svg: &str) -> Result<VennDiagram, String> {
    let json = super::xml::embedded_data(svg, METADATA_ID, NO_DATA, "diagram")?;
    let diagram: VennDiagram = serde_json::from_str(json.trim()).map_err(|problem| {
        format!("The diagram data in this SVG file is damaged and cannot be read ({problem}).")
    })?;
    let problems = diagram.check();
    if !problems.is_empty() {
        return Err(format!(
            "The diagram in this SVG file breaks the rules of a power Venn diagram: {}.",
            problems.join("; ")
        ));
    }
    Ok(diagram)
}

const NO_DATA: &str = "This SVG file holds no power Venn diagram from PLA Workshop: only SVG \
                       files exported from a power Venn diagram can be imported.";
