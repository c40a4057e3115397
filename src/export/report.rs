//! The workshop report: one document for the evaluation, on screen, on paper and as one HTML
//! file. A cover (title, date, place, the groups with their sizes, the notes, the running
//! order planned against actual), then each exercise in the workshop's order (its figure, the
//! same drawing as its SVG export; its tables, the same rows as its CSVs; its notes), then the
//! comparisons the workshop holds.
//!
//! The HTML has no script and no external reference: its figures are the SVG exports inline
//! as `data:` images, its style is [`REPORT_CSS`] inline. Every text goes through the one
//! XML writer's escaper.

use super::xml::Writer;
use super::FigureMeta;
use super::{ballots, orgmap, ranking, venn, vignette};
use crate::model::plan::{break_title, minutes_text, PlanEntry};
use crate::model::{Exercise, ExerciseData, Millis, Workshop};

/// The report's style, on screen and on paper: the app links the same file.
pub const REPORT_CSS: &str = include_str!("../../style/report.css");

/// A figure wider than this (width over height) gets a landscape page.
const WIDE_FIGURE: f64 = 1.25;
/// A portrait A4 page's text width (180 mm) in CSS pixels, as a word processor reads them.
const PAGE_WIDTH_PX: f64 = 680.0;
/// A table of more columns than this (ids included) gets a landscape page.
const WIDE_TABLE: usize = 8;

/// The report as one self-contained HTML document. `now` ends a step still on the screen.
pub fn report_html(workshop: &Workshop, now: Millis) -> String {
    let title = report_title(workshop);
    let mut w = Writer::fragment();
    w.out.push_str("<!DOCTYPE html>\n");
    w.open("html", &[("lang", "en".to_string())]);
    w.open("head", &[]);
    w.empty("meta", &[("charset", "utf-8".to_string())]);
    w.empty(
        "meta",
        &[
            ("name", "viewport".to_string()),
            ("content", "width=device-width, initial-scale=1".to_string()),
        ],
    );
    w.text_element("title", &[], &title);
    // The footer's title, for the page margin (see `report.css`), then the style itself.
    let style = format!(
        ":root {{ --report-title: {}; }}\n{}",
        css_string(&title),
        REPORT_CSS
    );
    // A style element's text is not read for entities, so it is written as it is: the style
    // is ours, and the one text in it (the title) is a CSS string that cannot close it.
    w.start_tag("style", &[]);
    w.out.push_str(&style);
    w.close("style");
    w.close("head");
    w.open("body", &[]);
    w.out.push_str(&report_body(workshop, now));
    w.close("body");
    w.close("html");
    w.out
}

/// The report's title: the workshop's, or "Workshop report" when it has none.
pub fn report_title(workshop: &Workshop) -> String {
    let title = workshop.title.trim();
    if title.is_empty() {
        "Workshop report".to_string()
    } else {
        title.to_string()
    }
}

/// The report itself, an `<article>`: what the app shows on its report screen and the HTML
/// file holds in its body.
pub fn report_body(workshop: &Workshop, now: Millis) -> String {
    let mut w = Writer::fragment();
    w.open("article", &[("class", "report".to_string())]);
    cover(&mut w, workshop, now);
    for exercise in workshop.exercises.iter() {
        exercise_section(&mut w, workshop, exercise);
    }
    comparisons(&mut w, workshop);
    w.close("article");
    w.out
}

/// A text as a CSS string, for the footer: quotes and backslashes escaped, line breaks as
/// `\A`, and `<` as `\3C` so no text can close the `<style>` it sits in.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3C "),
            '\n' | '\r' => out.push_str("\\A "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ----- The cover ------------------------------------------------------------------------------

fn cover(w: &mut Writer, workshop: &Workshop, now: Millis) {
    w.open("section", &[("class", "report-cover".to_string())]);
    w.text_element(
        "h1",
        &[("dir", "auto".to_string())],
        &report_title(workshop),
    );
    let facts: Vec<(&str, &str)> = [("Date", &workshop.date), ("Place", &workshop.place)]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| (name, value.trim()))
        .collect();
    if !facts.is_empty() {
        w.open("dl", &[("class", "report-facts".to_string())]);
        for (name, value) in facts {
            w.text_element("dt", &[], name);
            w.text_element("dd", &[("dir", "auto".to_string())], value);
        }
        w.close("dl");
    }
    if !workshop.groups.is_empty() {
        let mut rows = vec![vec!["Participant group".to_string(), "People".to_string()]];
        rows.extend(workshop.groups.iter().map(|g| {
            vec![
                g.label.clone(),
                g.size.map(|n| n.to_string()).unwrap_or_default(),
            ]
        }));
        table(w, "Participant groups", &rows);
    }
    notes(w, "Facilitator's notes", &workshop.notes);
    running_order(w, workshop, now);
    w.close("section");
}

/// The running order, each step planned against the time it was on the screen.
fn running_order(w: &mut Writer, workshop: &Workshop, now: Millis) {
    let order = workshop.running_order();
    if workshop.plan.is_empty() || order.is_empty() {
        return;
    }
    let mut rows = vec![["Step", "Planned", "On the screen", ""]
        .map(String::from)
        .to_vec()];
    for (index, step) in order.iter().enumerate() {
        let name = match &step.entry {
            PlanEntry::Exercise { exercise_id } => workshop
                .exercise(exercise_id)
                .map(|e| e.title.clone())
                .unwrap_or_default(),
            PlanEntry::Break { .. } => break_title(workshop, step.key()),
        };
        let actual = workshop.actual_minutes(step.key(), now);
        let over = workshop.is_over(step.key(), now);
        rows.push(vec![
            format!("{}. {}", index + 1, name),
            step.planned_minutes
                .map(|m| minutes_text(f64::from(m)))
                .unwrap_or_default(),
            minutes_text(actual),
            if over { "over time" } else { "" }.to_string(),
        ]);
    }
    table(w, "Running order: planned and actual", &rows);
}

// ----- Each exercise --------------------------------------------------------------------------

/// What the report shows of one exercise: its figure's SVG and its tables, each with a
/// caption.
struct ExerciseReport {
    figure: String,
    tables: Vec<(&'static str, Vec<Vec<String>>)>,
}

fn exercise_report(workshop: &Workshop, exercise: &Exercise) -> ExerciseReport {
    let meta = FigureMeta::of(workshop, exercise);
    match &exercise.data {
        ExerciseData::OrganisationalMap(map) => ExerciseReport {
            figure: orgmap::map_svg(map, &meta),
            tables: vec![
                ("Actors", orgmap::nodes_table(map)),
                ("Links", orgmap::edges_table(map)),
                ("Analysis", orgmap::analysis_table(map)),
            ],
        },
        ExerciseData::PowerVenn(diagram) => ExerciseReport {
            figure: venn::diagram_svg(diagram, &meta),
            tables: vec![("Institutions", venn::institutions_table(diagram))],
        },
        ExerciseData::PairwiseRanking(r) => {
            let mut tables = vec![
                ("Scores and ranks", ranking::scores_table(r)),
                ("Every decision and its reason", ranking::decisions_table(r)),
            ];
            // The ballots' aggregate only once the facilitator has shown it to the room.
            if r.results_revealed && r.open_ballot().is_none() && !r.ballots.is_empty() {
                tables.push(("The ballots taken together", ballots::aggregate_table(r)));
            }
            ExerciseReport {
                figure: ranking::bar_chart_svg(r, &meta),
                tables,
            }
        }
        ExerciseData::Vignette(v) => {
            let groups: Vec<(String, String)> = workshop
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.label.clone()))
                .collect();
            ExerciseReport {
                figure: vignette::card_svg(v, &meta),
                tables: vec![(
                    "The group's responses",
                    vignette::responses_table(v, &groups),
                )],
            }
        }
    }
}

fn exercise_section(w: &mut Writer, workshop: &Workshop, exercise: &Exercise) {
    let report = exercise_report(workshop, exercise);
    // A wide figure, or a table too wide for a portrait page, gets a landscape one.
    let wide = svg_size(&report.figure).is_some_and(|(width, height)| width > height * WIDE_FIGURE)
        || report
            .tables
            .iter()
            .any(|(_, rows)| rows.first().is_some_and(|h| h.len() > WIDE_TABLE));
    let class = if wide {
        "report-exercise wide"
    } else {
        "report-exercise"
    };
    w.open("section", &[("class", class.to_string())]);
    let title = if exercise.title.trim().is_empty() {
        exercise.data.kind().label().to_string()
    } else {
        exercise.title.trim().to_string()
    };
    w.text_element("h2", &[("dir", "auto".to_string())], &title);
    let group = workshop.exercise_group_label(exercise);
    let about = if group.is_empty() {
        exercise.data.kind().label().to_string()
    } else {
        format!("{} · {}", exercise.data.kind().label(), group)
    };
    w.text_element("p", &[("class", "report-about".to_string())], &about);
    figure(w, &report.figure, &title);
    for (caption, rows) in &report.tables {
        table(w, caption, rows);
    }
    notes(w, "Notes", &exercise.notes);
    w.close("section");
}

// ----- Comparisons ----------------------------------------------------------------------------

fn comparisons(w: &mut Writer, workshop: &Workshop) {
    let venn_pairs = workshop.venn_pairs();
    let ranking_sets = workshop.ranking_sets();
    if venn_pairs.is_empty() && ranking_sets.is_empty() {
        return;
    }
    w.open("section", &[("class", "report-comparisons".to_string())]);
    w.text_element("h2", &[], "Comparisons");
    for (before, after) in venn_pairs {
        let (ExerciseData::PowerVenn(a), ExerciseData::PowerVenn(b)) = (&before.data, &after.data)
        else {
            continue;
        };
        let changes = crate::model::venn::compare(a, b, &[]);
        let heading = format!("{} → {}", before.title.trim(), after.title.trim());
        w.text_element("h3", &[("dir", "auto".to_string())], &heading);
        figure(w, &venn::comparison_picture_svg(a, b, &changes), &heading);
        table(w, "What changed", &venn::changes_table(&changes));
    }
    for set in ranking_sets {
        let named: Vec<(String, &crate::model::ranking::Ranking)> = set
            .iter()
            .filter_map(|e| match &e.data {
                ExerciseData::PairwiseRanking(r) => Some((ranking_group_name(workshop, e), r)),
                _ => None,
            })
            .collect();
        let comparison = crate::model::ranking::compare(&named);
        let heading = named
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        w.text_element(
            "h3",
            &[("dir", "auto".to_string())],
            &format!("The same items ranked by {heading}"),
        );
        table(w, "Side by side", &ranking::comparison_table(&comparison));
        table(
            w,
            "Agreement (Kendall's tau-b)",
            &ranking::agreement_table(&comparison),
        );
    }
    w.close("section");
}

/// What a comparison of rankings calls one of them: its group, or its title.
pub fn ranking_group_name(workshop: &Workshop, exercise: &Exercise) -> String {
    let group = workshop.exercise_group_label(exercise);
    let name = if group.is_empty() {
        &exercise.title
    } else {
        group
    };
    name.trim().to_string()
}

// ----- Parts ----------------------------------------------------------------------------------

/// A figure: its SVG export as an image (so a document reader shows it as a picture, and the
/// figures' ids never meet in one page), described by its title.
fn figure(w: &mut Writer, svg: &str, title: &str) {
    let mut image = vec![
        (
            "src",
            format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes())),
        ),
        ("alt", format!("Figure: {title}")),
    ];
    // The size it is shown at, no wider than a portrait page's text: a browser fits it to the
    // page by the style, but a word processor opening the file goes by these alone.
    if let Some((width, height)) = svg_size(svg) {
        let shown = width.min(PAGE_WIDTH_PX);
        image.push(("width", format!("{}", shown.round())));
        image.push(("height", format!("{}", (height * shown / width).round())));
    }
    w.open("figure", &[]);
    w.empty("img", &image);
    w.close("figure");
}

/// A table from rows, the first its header. Ids are left out: they mean nothing on paper.
fn table(w: &mut Writer, caption: &str, rows: &[Vec<String>]) {
    let Some((header, body)) = rows.split_first() else {
        return;
    };
    let shown: Vec<usize> = (0..header.len()).filter(|&i| header[i] != "id").collect();
    // `border` for a word processor opening the file, which reads no style for it.
    w.open("table", &[("border", "1".to_string())]);
    w.text_element("caption", &[], caption);
    w.open("thead", &[]);
    w.open("tr", &[]);
    for &i in &shown {
        w.text_element("th", &[("scope", "col".to_string())], &header[i]);
    }
    w.close("tr");
    w.close("thead");
    w.open("tbody", &[]);
    if body.is_empty() {
        w.open("tr", &[]);
        w.text_element(
            "td",
            &[
                ("colspan", shown.len().max(1).to_string()),
                ("class", "report-none".to_string()),
            ],
            "None yet",
        );
        w.close("tr");
    }
    for row in body {
        w.open("tr", &[]);
        for &i in &shown {
            let cell = row.get(i).map(String::as_str).unwrap_or_default();
            w.text_element("td", &[("dir", "auto".to_string())], cell);
        }
        w.close("tr");
    }
    w.close("tbody");
    w.close("table");
}

fn notes(w: &mut Writer, heading: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    w.text_element("h3", &[], heading);
    w.text_element(
        "p",
        &[
            ("class", "report-text".to_string()),
            ("dir", "auto".to_string()),
        ],
        text.trim(),
    );
}

/// The width and height an SVG's root gives itself.
fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("<svg")?;
    let end = start + svg[start..].find('>')?;
    let tag = &svg[start..end];
    let attribute = |name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..];
        value[..value.find('"')?].parse().ok()
    };
    Some((attribute("width")?, attribute("height")?))
}

/// Standard base64, with padding: the `data:` images' text.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for (place, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if place <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (text, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), expected);
        }
    }

    #[test]
    fn a_css_string_cannot_close_its_style_or_its_quotes() {
        assert_eq!(
            css_string("A \"b\" \\ </style>\nc"),
            "\"A \\\"b\\\" \\\\ \\3C /style>\\A c\""
        );
    }

    #[test]
    fn an_svg_says_its_size_in_either_attribute_order() {
        assert_eq!(
            svg_size("<?xml?>\n<svg xmlns=\"x\" width=\"1600\" height=\"900\">"),
            Some((1600.0, 900.0))
        );
        assert_eq!(
            svg_size("<svg height=\"40.5\" viewBox=\"0 0 1 1\" width=\"20\">"),
            Some((20.0, 40.5))
        );
        assert_eq!(svg_size("<svg>"), None);
    }
}
