//! A vignette as files: the group's responses as CSV, and the scenario as a card for the
//! report (SVG), with its questions and what happened next.

use super::xml::{full_title, reads_right_to_left, xml_text, Align, Writer};
use super::{text_cell, write_csv};
use crate::model::orgmap::Resource;
use crate::model::text::{text_units, wrap_label};
use crate::model::vignette::Vignette;

use crate::export::FigureMeta;

/// The label of a workshop group by id, from `(id, label)` pairs; empty for none.
fn group_label(groups: &[(String, String)], id: &str) -> String {
    groups
        .iter()
        .find(|(g, _)| g == id)
        .map(|(_, label)| label.clone())
        .unwrap_or_default()
}

/// One row per response, question by question in the order asked and each question's
/// responses in the order added: the question's number (from 1) and text, the response, its
/// tags (`symbolic; relational; material`, always in that order) and the group's label. A
/// question with no response has no row. Typed text that a spreadsheet would run as a
/// formula is made inert.
pub fn responses_csv(vignette: &Vignette, groups: &[(String, String)]) -> String {
    write_csv(&responses_table(vignette, groups))
}

/// The rows of [`responses_csv`], header first, as typed (the report shows them as a table).
pub fn responses_table(vignette: &Vignette, groups: &[(String, String)]) -> Vec<Vec<String>> {
    let mut rows = vec![["question number", "question", "response", "tags", "group"]
        .map(String::from)
        .to_vec()];
    for (index, question) in vignette.questions.iter().enumerate() {
        for response in vignette.responses_to(&question.id) {
            let tags: Vec<&str> = Resource::ALL
                .into_iter()
                .filter(|r| response.resources.contains(r))
                .map(Resource::label)
                .collect();
            rows.push(vec![
                (index + 1).to_string(),
                text_cell(&question.text),
                text_cell(&response.text),
                tags.join("; "),
                text_cell(&group_label(groups, &response.group_id)),
            ]);
        }
    }
    rows
}

const MARGIN: f64 = 32.0;
const TITLE_SIZE: f64 = 26.0;
const HEADING_SIZE: f64 = 20.0;
const TEXT_SIZE: f64 = 18.0;
/// The distance between baselines, as a multiple of the text's size.
const LEADING: f64 = 1.45;
/// The card's width when nothing on it is wider: about 64 characters a line at
/// [`TEXT_SIZE`], a comfortable measure to read.
const CARD_WIDTH: f64 = 760.0;
/// An average character's width, as a share of the size: the one measure's estimate, erring
/// wide so that lines fit in the real fonts.
const CHAR_WIDTH: f64 = 0.6;
/// Questions' continuation lines start this far in, under the question's text.
const NUMBER_INDENT: f64 = 32.0;

/// One line of the card, before it is placed.
struct Line {
    text: String,
    size: f64,
    bold: bool,
    /// How far in from the margin on the line's reading side (a question's continuation).
    indent: f64,
    /// Space before it, in addition to its leading (between paragraphs and parts).
    space_before: f64,
}

impl Line {
    fn new(text: String, size: f64, bold: bool) -> Self {
        Line {
            text,
            size,
            bold,
            indent: 0.0,
            space_before: 0.0,
        }
    }

    fn width(&self) -> f64 {
        // Bold type runs about a tenth wider.
        let boldness = if self.bold { 1.1 } else { 1.0 };
        self.indent + text_units(&self.text) * CHAR_WIDTH * self.size * boldness
    }
}

/// How many average characters a line of text at `size` holds across the card.
fn measure(size: f64) -> f64 {
    (CARD_WIDTH - 2.0 * MARGIN) / (CHAR_WIDTH * size)
}

/// The paragraphs of a text (one per typed line; blank lines only separate), wrapped.
fn paragraphs(text: &str, space: f64) -> Vec<Line> {
    let mut lines = Vec::new();
    for paragraph in text.lines().map(xml_text).filter(|p| !p.trim().is_empty()) {
        for (n, wrapped) in wrap_label(&paragraph, measure(TEXT_SIZE))
            .into_iter()
            .enumerate()
        {
            let mut line = Line::new(wrapped, TEXT_SIZE, false);
            if n == 0 && !lines.is_empty() {
                line.space_before = space;
            }
            lines.push(line);
        }
    }
    lines
}

/// A part's bold heading, with room above it.
fn heading(text: &str) -> Line {
    let mut line = Line::new(text.to_string(), HEADING_SIZE, true);
    line.space_before = TEXT_SIZE;
    line
}

/// The scenario as a card for the report: the title (the exercise's, or "Vignette"), the group
/// and date, the scenario's paragraphs, the questions numbered, and what happened next under
/// its heading when there is one. Black text of at least 18 px on white; a right-to-left
/// paragraph is set from the right margin. Wrapped with the one text measure; the card is as
/// tall as its lines, and wider than usual only for a word too long for a line.
pub fn card_svg(vignette: &Vignette, meta: &FigureMeta) -> String {
    let mut title = xml_text(meta.title.trim());
    if title.is_empty() {
        title = "Vignette".to_string();
    }
    let subtitle: Vec<String> = [&meta.group, &meta.date]
        .iter()
        .map(|part| xml_text(part.trim()))
        .filter(|part| !part.is_empty())
        .collect();

    let mut lines: Vec<Line> = wrap_label(&title, measure(TITLE_SIZE) / 1.1)
        .into_iter()
        .map(|t| Line::new(t, TITLE_SIZE, true))
        .collect();
    lines.extend(
        subtitle
            .iter()
            .map(|part| Line::new(part.clone(), TEXT_SIZE, false)),
    );
    let scenario = paragraphs(&vignette.scenario, TEXT_SIZE * 0.5);
    if !scenario.is_empty() {
        lines.push(heading("Scenario"));
        lines.extend(scenario);
    }
    if !vignette.questions.is_empty() {
        lines.push(heading("Questions"));
        for (index, question) in vignette.questions.iter().enumerate() {
            let text = format!("{}. {}", index + 1, xml_text(&question.text));
            let room = measure(TEXT_SIZE) - NUMBER_INDENT / (CHAR_WIDTH * TEXT_SIZE);
            for (n, wrapped) in wrap_label(&text, room).into_iter().enumerate() {
                let mut line = Line::new(wrapped, TEXT_SIZE, false);
                if n > 0 {
                    line.indent = NUMBER_INDENT;
                } else if index > 0 {
                    line.space_before = TEXT_SIZE * 0.35;
                }
                lines.push(line);
            }
        }
    }
    let next = paragraphs(&vignette.next_part, TEXT_SIZE * 0.5);
    if !next.is_empty() {
        lines.push(heading("What happened next"));
        lines.extend(next);
    }

    let width = lines
        .iter()
        .map(|line| line.width() + 2.0 * MARGIN)
        .fold(CARD_WIDTH, f64::max)
        .ceil();
    let height = (MARGIN
        + lines
            .iter()
            .map(|line| line.space_before + line.size * LEADING)
            .sum::<f64>()
        + MARGIN)
        .ceil();

    let mut w = Writer::new();
    w.open_svg(width, height);
    w.text_element("title", &[], &full_title(&title, &subtitle));
    w.paper(width, height);
    let mut y = MARGIN;
    for line in &lines {
        y += line.space_before + line.size * LEADING;
        // The baseline sits a quarter of the leading above the line's bottom.
        let baseline = y - line.size * (LEADING - 1.0) - line.size * 0.1;
        let (x, align) = if reads_right_to_left(&line.text) {
            (width - MARGIN - line.indent, Align::Right)
        } else {
            (MARGIN + line.indent, Align::Left)
        };
        w.text(x, baseline, &line.text, line.size, align, line.bold);
    }
    w.close("svg");
    w.out
}
