//! Writers for what leaves the app as files: SVG, PNG, CSV, JSON and GraphML.

pub mod archive;
pub mod ballots;
pub mod files;
pub mod orgmap;
pub mod ranking;
pub mod report;
pub mod venn;
pub mod vignette;
// The UI escapes the ranking matrix's HTML with the same escaper.
pub(crate) mod xml;

use crate::model::{Exercise, ExerciseData, Workshop};

/// What a figure's caption says of where it comes from, the same for every kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureMeta {
    pub title: String,
    /// The participant group, as its generalised identifier.
    pub group: String,
    /// The workshop date, as the report should show it.
    pub date: String,
}

impl FigureMeta {
    /// The caption of `exercise` of `workshop`: its title, its group and the workshop's date.
    pub fn of(workshop: &Workshop, exercise: &Exercise) -> FigureMeta {
        FigureMeta {
            title: exercise.title.clone(),
            group: workshop.exercise_group_label(exercise).to_string(),
            date: workshop.date.clone(),
        }
    }
}

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

/// A typed text as a table's cell: kept as typed, so the report shows it as it was written.
/// [`write_csv`] makes it inert for a spreadsheet.
pub(crate) fn text_cell(text: &str) -> String {
    text.to_string()
}

/// A cell as a spreadsheet must read it: never taken for a formula. Text a spreadsheet would
/// run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`; a
/// plain number ("-0.25") is a number, not a formula, and stays as it is.
fn inert_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let runnable = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if runnable && !cell.parse::<f64>().is_ok_and(f64::is_finite) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A UTF-8 byte-order mark: without it Excel reads a CSV in the machine's old code page, and
/// Arabic, Urdu, Bengali or Somali labels come out as mojibake. LibreOffice Calc reads it too.
pub(crate) const UTF8_BOM: char = '\u{feff}';

/// Rows as CSV text (the `csv` crate does the quoting), after a UTF-8 byte-order mark, every
/// cell made inert.
pub(crate) fn write_csv(rows: &[Vec<String>]) -> String {
    let write = || -> Result<String, Box<dyn std::error::Error>> {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for row in rows {
            writer.write_record(row.iter().map(|cell| inert_cell(cell).into_owned()))?;
        }
        let mut text = String::from(UTF8_BOM);
        text.push_str(&String::from_utf8(writer.into_inner()?)?);
        Ok(text)
    };
    // Writing into memory cannot fail; an empty file is the safe answer if it ever did.
    write().unwrap_or_default()
}
