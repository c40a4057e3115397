//! Writers for what leaves the app as files: SVG, PNG, CSV, JSON and GraphML.

pub mod ballots;
pub mod orgmap;
pub mod ranking;
pub mod venn;
pub mod vignette;
// The UI escapes the ranking matrix's HTML with the same escaper.
pub(crate) mod xml;

use crate::model::ExerciseData;

/// The exercise an SVG this app exported carries in its `<metadata>`: a power Venn diagram or
/// an organisational map, told apart by the metadata's id. The error says why nothing could
/// be read.
pub fn exercise_from_svg(svg: &str) -> Result<ExerciseData, String> {
    if svg.contains(orgmap::METADATA_ID) {
        orgmap::map_from_svg(svg).map(ExerciseData::OrganisationalMap)
    } else {
        venn::diagram_from_svg(svg).map(ExerciseData::PowerVenn)
    }
}

/// A typed text as a spreadsheet cell: never taken for a formula. Text a spreadsheet would
/// run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
pub(crate) fn cell_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A UTF-8 byte-order mark: without it Excel reads a CSV in the machine's old code page, and
/// Arabic, Urdu, Bengali or Somali labels come out as mojibake. LibreOffice Calc reads it too.
pub(crate) const UTF8_BOM: char = '\u{feff}';

/// Rows as CSV text (the `csv` crate does the quoting), after a UTF-8 byte-order mark.
pub(crate) fn write_csv(rows: &[Vec<String>]) -> String {
    let write = || -> Result<String, Box<dyn std::error::Error>> {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for row in rows {
            writer.write_record(row)?;
        }
        let mut text = String::from(UTF8_BOM);
        text.push_str(&String::from_utf8(writer.into_inner()?)?);
        Ok(text)
    };
    // Writing into memory cannot fail; an empty file is the safe answer if it ever did.
    write().unwrap_or_default()
}
