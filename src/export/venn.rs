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
//! The CSV files are UTF-8 without a byte-order mark, one header row, `\n` line ends, quoted
//! by the `csv` crate where needed. As in the ranking exports, a text a person typed that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`,
//! so a spreadsheet shows it as text instead of running it as a formula.

use super::xml::{json_for_xml, num, reads_right_to_left, xml_text, Align, Writer};
use super::{cell_text, write_csv};
use crate::model::venn::{
    layout_labels, Change, LabelBox, LabelCircle, Relation, Side, Snapshot, VennDiagram,
    CANVAS_HEIGHT, CANVAS_WIDTH, LARGE_RADIUS, MEDIUM_RADIUS, NEAR_GAP, NOTICEABLE_CHANGE,
    SMALL_RADIUS,
};
use crate::model::venn::{text_units, wrap_label};

/// What a figure says about itself: shown at its top and in its `<title>`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VennMeta {
    pub title: String,
    /// The participant group, as its generalised identifier.
    pub group: String,
    /// The workshop date, as the report should show it.
    pub date: String,
}

/// The `id` of the `<metadata>` element that holds the diagram's data.
pub const METADATA_ID: &str = "pla-workshop-power-venn";

// ----- CSV -----------------------------------------------------------------------------------

/// A number for a table: to one decimal place, "12" rather than "12.0"; empty when it is not
/// a number.
fn table_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

fn joined_labels(labels: &[String]) -> String {
    cell_text(
        &labels
            .iter()
            .map(|label| label.trim())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// The data table, one row per institution in the diagram's order: institution, group,
/// closeness band, distance (the gap between its edge and the community's edge, negative
/// when they overlap), size tier, radius, relation, the institutions it overlaps (labels
/// separated by "; "), the one it lies inside, those inside it, and why it is there.
pub fn table_csv(diagram: &VennDiagram) -> String {
    let mut rows = vec![[
        "institution",
        "group",
        "closeness",
        "distance to the community's edge",
        "size",
        "radius",
        "relation",
        "overlaps with",
        "inside of",
        "contains",
        "why it is there",
    ]
    .map(String::from)
    .to_vec()];
    for row in diagram.table() {
        rows.push(vec![
            cell_text(&row.label),
            cell_text(&row.group),
            row.closeness.label().to_string(),
            table_number(row.distance),
            row.size_tier.label().to_string(),
            table_number(row.radius),
            row.relation.label().to_string(),
            joined_labels(&row.overlaps_with),
            row.inside_of
                .as_deref()
                .map(|label| cell_text(label.trim()))
                .unwrap_or_default(),
            joined_labels(&row.contains),
            cell_text(&row.notes),
        ]);
    }
    write_csv(&rows)
}

/// The change table, one row per institution in the order of `changes`: institution, where it
/// appears (both, only before, only after), how far it moved (positive: closer to the
/// community), closeness, distance, radius, size and relation before and after, and the
/// change in words. Numbers a one-sided row cannot have are left empty.
pub fn changes_csv(changes: &[Change]) -> String {
    let mut rows = vec![[
        "institution",
        "in",
        "moved (positive: closer)",
        "size change (radius)",
        "closeness before",
        "closeness after",
        "distance before",
        "distance after",
        "radius before",
        "radius after",
        "size before",
        "size after",
        "relation before",
        "relation after",
        "change",
    ]
    .map(String::from)
    .to_vec()];
    for change in changes {
        let both = change.only_in.is_none();
        let side = |snapshot: &Option<Snapshot>, field: fn(&Snapshot) -> String| {
            snapshot.as_ref().map(field).unwrap_or_default()
        };
        rows.push(vec![
            cell_text(&change.label),
            match change.only_in {
                None => "both",
                Some(Side::Before) => "only before",
                Some(Side::After) => "only after",
            }
            .to_string(),
            if both {
                table_number(change.moved)
            } else {
                String::new()
            },
            if both {
                table_number(change.size_change)
            } else {
                String::new()
            },
            side(&change.before, |s| s.closeness.label().to_string()),
            side(&change.after, |s| s.closeness.label().to_string()),
            side(&change.before, |s| table_number(s.distance)),
            side(&change.after, |s| table_number(s.distance)),
            side(&change.before, |s| table_number(s.radius)),
            side(&change.after, |s| table_number(s.radius)),
            side(&change.before, |s| s.size_tier.label().to_string()),
            side(&change.after, |s| s.size_tier.label().to_string()),
            side(&change.before, |s| s.relation.label().to_string()),
            side(&change.after, |s| s.relation.label().to_string()),
            change.summary(),
        ]);
    }
    write_csv(&rows)
}

// ----- XML -----------------------------------------------------------------------------------

/// The fonts the reader's system already has; no web font is fetched.
const FONT_STACK: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans Arabic, Helvetica, Arial, sans-serif";
const INK: &str = "#000000";
const PAPER: &str = "#ffffff";
/// Dark grey for what only supports the picture (frame, leader lines, "before" outlines):
/// 7.5:1 against white.
const SUPPORT: &str = "#595959";
const COMMUNITY_FILL: &str = "#f3efe2";
const MARGIN: f64 = 24.0;
const TITLE_SIZE: f64 = 32.0;
const SUBTITLE_SIZE: f64 = 22.0;
/// Labels on the diagram: at least 18 px at 1x, as the room guidance asks.
const LABEL_SIZE: f64 = 20.0;
const LINE_HEIGHT: f64 = 24.0;
/// What [`layout_labels`] is told an average character takes at [`LABEL_SIZE`].
const CHAR_WIDTH: f64 = 0.6 * LABEL_SIZE;
const LEGEND_SIZE: f64 = 20.0;
const LEGEND_LINE: f64 = 30.0;
const BORDER_WIDTH: f64 = 5.0;
/// How far outside the canvas a circle or label may reach and still be drawn in full.
const MAX_OVERHANG: f64 = 2000.0;

fn relation_colour(relation: Relation) -> &'static str {
    match relation {
        Relation::Ally => "#009E73",
        Relation::Neutral => "#0072B2",
        Relation::Threat => "#D55E00",
    }
}

/// The border pattern, the relation's second cue: solid, dashed or dotted, with the line cap
/// that turns short dashes into dots.
fn relation_dash(relation: Relation) -> Option<(&'static str, &'static str)> {
    match relation {
        Relation::Ally => None,
        Relation::Neutral => Some(("16 10", "butt")),
        Relation::Threat => Some(("2 10", "round")),
    }
}

fn relation_words(relation: Relation) -> &'static str {
    match relation {
        Relation::Ally => "Ally: solid border, ✓",
        Relation::Neutral => "Neutral: dashed border, –",
        Relation::Threat => "Threat: dotted border, ✕",
    }
}

/// The style of an institution's circle: a light tint of its relation's colour (so overlaps
/// show through) and a border in the relation's colour and pattern.
fn institution_style(relation: Relation) -> Vec<(&'static str, String)> {
    let colour = relation_colour(relation);
    let mut style = vec![
        ("fill", colour.to_string()),
        ("fill-opacity", "0.14".to_string()),
        ("stroke", colour.to_string()),
        ("stroke-width", num(BORDER_WIDTH)),
    ];
    if let Some((dash, cap)) = relation_dash(relation) {
        style.push(("stroke-dasharray", dash.to_string()));
        style.push(("stroke-linecap", cap.to_string()));
    }
    style
}

/// The relation's mark in a small white disc on the circle's upper right edge.
fn draw_mark(writer: &mut Writer, x: f64, y: f64, radius: f64, relation: Relation) {
    let at = std::f64::consts::FRAC_1_SQRT_2 * radius;
    let (mx, my) = (x + at, y - at);
    writer.circle(
        mx,
        my,
        15.0,
        &[
            ("fill", PAPER.to_string()),
            ("stroke", relation_colour(relation).to_string()),
            ("stroke-width", "3".to_string()),
        ],
    );
    writer.text(
        mx,
        my + 7.0,
        relation.mark(),
        LABEL_SIZE,
        Align::Centre,
        true,
    );
}

/// A label box's lines, centred on the box, shifted by `(dx, dy)` onto the page.
fn draw_label(writer: &mut Writer, label: &LabelBox, dx: f64, dy: f64, bold: bool) {
    // The whole label takes one direction, from its first strong letter, so a line that
    // starts with a Latin word inside an Arabic label still reads in the label's order.
    let rtl = reads_right_to_left(&label.lines.join(" "));
    for (index, line) in label.lines.iter().enumerate() {
        let baseline =
            label.top() + LINE_HEIGHT * index as f64 + LINE_HEIGHT / 2.0 + LABEL_SIZE * 0.35;
        let content = xml_text(line);
        if content.trim().is_empty() {
            continue;
        }
        let mut attributes = vec![
            ("x", num(label.x + dx)),
            ("y", num(baseline + dy)),
            ("font-size", num(LABEL_SIZE)),
            ("fill", INK.to_string()),
            ("text-anchor", "middle".to_string()),
        ];
        if bold {
            attributes.push(("font-weight", "bold".to_string()));
        }
        if rtl {
            attributes.push(("direction", "rtl".to_string()));
            attributes.push(("unicode-bidi", "embed".to_string()));
        }
        writer.text_element("text", &attributes, &content);
    }
}

/// A thin line from a circle's edge to its label when the label had to be nudged away.
fn draw_leader(writer: &mut Writer, label: &LabelBox, circle: (f64, f64, f64), dx: f64, dy: f64) {
    let (cx, cy, radius) = circle;
    if label.anchor_inside || label.lines.is_empty() {
        return;
    }
    let nearest = (
        cx.clamp(label.left(), label.right()),
        cy.clamp(label.top(), label.bottom()),
    );
    let distance = (nearest.0 - cx).hypot(nearest.1 - cy);
    if !(distance.is_finite() && distance > radius + 16.0) {
        return;
    }
    let edge = (
        cx + (nearest.0 - cx) / distance * radius,
        cy + (nearest.1 - cy) / distance * radius,
    );
    writer.line(
        (edge.0 + dx, edge.1 + dy),
        (nearest.0 + dx, nearest.1 + dy),
        SUPPORT,
        2.0,
    );
}

/// A number that is finite, or the fallback.
fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

/// A circle as the figure draws it, whatever the data holds: a position that is not a number
/// goes to the canvas's centre, a radius that is not positive becomes a dot of 4.
fn drawable(x: f64, y: f64, radius: f64) -> (f64, f64, f64) {
    (
        finite_or(x, CANVAS_WIDTH / 2.0),
        finite_or(y, CANVAS_HEIGHT / 2.0),
        if radius.is_finite() && radius > 0.0 {
            radius
        } else {
            4.0
        },
    )
}

/// The area to draw: the canvas, grown to take in every circle and label (within
/// [`MAX_OVERHANG`]), as `(left, top, right, bottom)` in canvas units.
fn drawing_area(circles: &[(f64, f64, f64)], labels: &[LabelBox]) -> (f64, f64, f64, f64) {
    let mut area = (0.0_f64, 0.0_f64, CANVAS_WIDTH, CANVAS_HEIGHT);
    let mut take = |left: f64, top: f64, right: f64, bottom: f64| {
        if [left, top, right, bottom].iter().all(|v| v.is_finite()) {
            area.0 = area.0.min(left);
            area.1 = area.1.min(top);
            area.2 = area.2.max(right);
            area.3 = area.3.max(bottom);
        }
    };
    for &(x, y, radius) in circles {
        take(
            x - radius - 4.0,
            y - radius - 4.0,
            x + radius + 4.0,
            y + radius + 4.0,
        );
    }
    for label in labels.iter().filter(|l| !l.lines.is_empty()) {
        take(
            label.left() - 4.0,
            label.top() - 4.0,
            label.right() + 4.0,
            label.bottom() + 4.0,
        );
    }
    (
        area.0.max(-MAX_OVERHANG),
        area.1.max(-MAX_OVERHANG),
        area.2.min(CANVAS_WIDTH + MAX_OVERHANG),
        area.3.min(CANVAS_HEIGHT + MAX_OVERHANG),
    )
}

/// The heading lines: the title (or `fallback`), then each further non-empty line.
fn heading_lines(title: &str, fallback: &str, others: &[String]) -> (String, Vec<String>) {
    let mut heading = xml_text(title.trim());
    if heading.is_empty() {
        heading = fallback.to_string();
    }
    let others = others
        .iter()
        .map(|line| xml_text(line.trim()))
        .filter(|line| !line.is_empty())
        .collect();
    (heading, others)
}

/// The height the heading takes above the drawing.
fn heading_height(others: &[String]) -> f64 {
    MARGIN + TITLE_SIZE + others.len() as f64 * SUBTITLE_SIZE * 1.5 + SUBTITLE_SIZE
}

/// The text lines of the legend, wrapped to the page.
fn wrapped(lines: &[String], width: f64) -> Vec<String> {
    let units = ((width - 2.0 * MARGIN) / (0.6 * LEGEND_SIZE)).max(20.0);
    lines
        .iter()
        .flat_map(|line| {
            let wrapped = wrap_label(line, units);
            if wrapped.is_empty() {
                vec![String::new()]
            } else {
                wrapped
            }
        })
        .collect()
}

/// The page: XML declaration, the `<svg>` root with its size, `<title>` and `<desc>`, a white
/// background and the heading. Returns the writer and where the drawing starts (y).
fn start_page(
    width: f64,
    height: f64,
    heading: &str,
    others: &[String],
    description: &str,
) -> (Writer, f64) {
    let mut writer = Writer::new();
    writer.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".to_string()),
            ("version", "1.1".to_string()),
            ("width", num(width)),
            ("height", num(height)),
            ("viewBox", format!("0 0 {} {}", num(width), num(height))),
            ("font-family", FONT_STACK.to_string()),
        ],
    );
    let full_title = if others.is_empty() {
        heading.to_string()
    } else {
        format!("{heading} — {}", others.join(", "))
    };
    writer.text_element("title", &[], &full_title);
    writer.text_element("desc", &[], &xml_text(description));
    writer.empty(
        "rect",
        &[
            ("x", "0".to_string()),
            ("y", "0".to_string()),
            ("width", num(width)),
            ("height", num(height)),
            ("fill", PAPER.to_string()),
        ],
    );
    let mut y = MARGIN + TITLE_SIZE;
    writer.text(MARGIN, y, heading, TITLE_SIZE, Align::Left, true);
    for line in others {
        y += SUBTITLE_SIZE * 1.5;
        writer.text(MARGIN, y, line, SUBTITLE_SIZE, Align::Left, false);
    }
    (writer, heading_height(others))
}

/// Relation samples for the legend: a small circle in each style with its words. Returns the
/// height used.
fn draw_relation_legend(writer: &mut Writer, top: f64) -> f64 {
    let mut x = MARGIN + 24.0;
    let y = top + 26.0;
    for relation in Relation::ALL {
        writer.circle(x, y, 22.0, &institution_style(relation));
        writer.text(
            x,
            y + 7.0,
            relation.mark(),
            LEGEND_SIZE,
            Align::Centre,
            true,
        );
        let words = relation_words(relation);
        writer.text(x + 34.0, y + 7.0, words, LEGEND_SIZE, Align::Left, false);
        x += 34.0 + text_units(words) * 0.6 * LEGEND_SIZE + 48.0;
    }
    56.0
}

/// Size samples for the legend, drawn at their real size. Returns the height used.
fn draw_size_legend(writer: &mut Writer, top: f64) -> f64 {
    let middle = top + LARGE_RADIUS + 8.0;
    writer.text(
        MARGIN,
        middle + 7.0,
        "Size = power or importance:",
        LEGEND_SIZE,
        Align::Left,
        false,
    );
    let mut x = MARGIN + text_units("Size = power or importance:") * 0.6 * LEGEND_SIZE + 24.0;
    for (radius, name) in [
        (SMALL_RADIUS, "small"),
        (MEDIUM_RADIUS, "medium"),
        (LARGE_RADIUS, "large"),
    ] {
        writer.circle(
            x + radius,
            middle,
            radius,
            &[
                ("fill", PAPER.to_string()),
                ("stroke", INK.to_string()),
                ("stroke-width", "2".to_string()),
            ],
        );
        writer.text(
            x + radius,
            middle + 7.0,
            name,
            LEGEND_SIZE,
            Align::Centre,
            false,
        );
        x += 2.0 * radius + 32.0;
    }
    2.0 * LARGE_RADIUS + 24.0
}

const SIZE_LEGEND_HEIGHT: f64 = 2.0 * LARGE_RADIUS + 24.0;
const RELATION_LEGEND_HEIGHT: f64 = 56.0;

/// One diagram's circles, marks and labels, shifted by `(dx, dy)`.
fn draw_diagram_body(
    writer: &mut Writer,
    diagram: &VennDiagram,
    labels: &[LabelBox],
    dx: f64,
    dy: f64,
) {
    let (cx, cy, community_radius) = drawable(
        diagram.community_x,
        diagram.community_y,
        diagram.community_radius,
    );
    writer.circle(
        cx + dx,
        cy + dy,
        community_radius,
        &[
            ("fill", COMMUNITY_FILL.to_string()),
            ("stroke", INK.to_string()),
            ("stroke-width", "4".to_string()),
        ],
    );
    // Largest first, so a small circle on a big one stays visible and clickable in an editor.
    let mut order: Vec<usize> = (0..diagram.institutions.len()).collect();
    order.sort_by(|&a, &b| {
        let radius = |i: usize| drawable(0.0, 0.0, diagram.institutions[i].radius).2;
        radius(b).total_cmp(&radius(a)).then(a.cmp(&b))
    });
    for &index in &order {
        let institution = &diagram.institutions[index];
        let (x, y, radius) = drawable(institution.x, institution.y, institution.radius);
        let (closeness, _) = diagram.closeness(institution);
        writer.start_tag("g", &[]);
        writer.text_element(
            "title",
            &[],
            &xml_text(&format!(
                "{}: {}, {}, {}",
                institution.label.trim(),
                institution.relation.label(),
                closeness.label(),
                institution.size_tier().label()
            )),
        );
        writer.circle(
            x + dx,
            y + dy,
            radius,
            &institution_style(institution.relation),
        );
        draw_mark(writer, x + dx, y + dy, radius, institution.relation);
        writer.close("g");
    }
    let community_label = diagram.community_label_box(CHAR_WIDTH, LINE_HEIGHT);
    draw_label(writer, &community_label, dx, dy, true);
    for (institution, label) in diagram.institutions.iter().zip(labels) {
        draw_leader(
            writer,
            label,
            drawable(institution.x, institution.y, institution.radius),
            dx,
            dy,
        );
        draw_label(writer, label, dx, dy, false);
    }
}

/// The frame of the canvas, so the room's picture has an edge on paper too.
fn draw_canvas_frame(writer: &mut Writer, dx: f64, dy: f64) {
    writer.empty(
        "rect",
        &[
            ("x", num(dx)),
            ("y", num(dy)),
            ("width", num(CANVAS_WIDTH)),
            ("height", num(CANVAS_HEIGHT)),
            ("fill", "none".to_string()),
            ("stroke", SUPPORT.to_string()),
            ("stroke-width", "2".to_string()),
        ],
    );
}

fn legend_words() -> Vec<String> {
    vec![
        format!(
            "Distance from the community = how close or easy to reach: inside, touching, near \
             (edges up to {NEAR_GAP:.0} apart), far."
        ),
        "Circles that overlap or touch work together; a circle inside another is part of it."
            .to_string(),
    ]
}

/// The diagram as a standalone SVG figure: heading (title, group, date), the diagram on its
/// 1600 x 900 canvas, a legend (size, distance, relation), and why each institution is where
/// it is. The diagram's data is embedded in `<metadata>` (see the module notes).
pub fn diagram_svg(diagram: &VennDiagram, meta: &VennMeta) -> String {
    let labels = diagram.label_layout(CHAR_WIDTH, LINE_HEIGHT);
    let mut circles: Vec<(f64, f64, f64)> = diagram
        .institutions
        .iter()
        .map(|i| drawable(i.x, i.y, i.radius))
        .collect();
    circles.push(drawable(
        diagram.community_x,
        diagram.community_y,
        diagram.community_radius,
    ));
    let mut boxes = labels.clone();
    boxes.push(diagram.community_label_box(CHAR_WIDTH, LINE_HEIGHT));
    let (left, top, right, bottom) = drawing_area(&circles, &boxes);
    let width = (right - left + 2.0 * MARGIN).max(CANVAS_WIDTH);

    let (heading, others) = heading_lines(
        &meta.title,
        "Power Venn diagram",
        &[meta.group.clone(), meta.date.clone()],
    );
    let legend = wrapped(&legend_words(), width);
    let reasons: Vec<String> = diagram
        .table()
        .iter()
        .filter(|row| !row.notes.trim().is_empty())
        .map(|row| {
            format!(
                "{} ({}, {}, {}): {}",
                row.label.trim(),
                row.closeness.label(),
                row.size_tier.label(),
                row.relation.label(),
                row.notes.trim()
            )
        })
        .collect();
    let reasons = wrapped(&reasons, width);

    let drawing_top = heading_height(&others);
    let legend_top = drawing_top + (bottom - top) + 24.0;
    let mut height = legend_top + SIZE_LEGEND_HEIGHT + RELATION_LEGEND_HEIGHT;
    height += legend.len() as f64 * LEGEND_LINE;
    if !reasons.is_empty() {
        height += LEGEND_LINE * 1.5 + reasons.len() as f64 * LEGEND_LINE;
    }
    height += MARGIN;

    let description = format!(
        "Power Venn diagram: {} institutions around “{}”. Size is power or importance; \
         distance from the community is how close or easy to reach it is.",
        diagram.institutions.len(),
        diagram.community_label.trim()
    );
    let (mut writer, drawing_top) = start_page(width, height, &heading, &others, &description);
    let json = serde_json::to_string(diagram).unwrap_or_default();
    writer.text_element(
        "metadata",
        &[("id", METADATA_ID.to_string())],
        &json_for_xml(&json),
    );

    let dx = MARGIN - left;
    let dy = drawing_top - top;
    draw_canvas_frame(&mut writer, dx, dy);
    draw_diagram_body(&mut writer, diagram, &labels, dx, dy);

    let mut y = legend_top;
    y += draw_size_legend(&mut writer, y);
    y += draw_relation_legend(&mut writer, y);
    for line in &legend {
        y += LEGEND_LINE;
        writer.text(MARGIN, y - 8.0, line, LEGEND_SIZE, Align::Left, false);
    }
    if !reasons.is_empty() {
        y += LEGEND_LINE * 1.5;
        writer.text(
            MARGIN,
            y - 8.0,
            "Why each is there",
            LEGEND_SIZE,
            Align::Left,
            true,
        );
        for line in &reasons {
            y += LEGEND_LINE;
            writer.text(MARGIN, y - 8.0, line, LEGEND_SIZE, Align::Left, false);
        }
    }
    writer.close("svg");
    writer.out
}

/// "then" / "now" names for the comparison, from the figures' titles.
fn side_name(meta: &VennMeta, fallback: &str) -> String {
    let title = xml_text(meta.title.trim());
    if title.is_empty() {
        fallback.to_string()
    } else {
        title
    }
}

fn meta_line(prefix: &str, meta: &VennMeta) -> String {
    let parts: Vec<String> = [&meta.title, &meta.group, &meta.date]
        .iter()
        .map(|part| xml_text(part.trim()))
        .filter(|part| !part.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{prefix}: {}", parts.join(", "))
    }
}

/// An arrowhead at `to`, pointing from `from`, as a filled triangle (no markers, which some
/// word processors drop).
fn draw_arrow(writer: &mut Writer, from: (f64, f64), to: (f64, f64)) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy);
    if !(length.is_finite() && length >= 1.0) {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let head = 18.0_f64.min(length);
    let base = (to.0 - ux * head, to.1 - uy * head);
    writer.line(from, base, INK, 3.0);
    let half = 9.0;
    let points = [
        to,
        (base.0 - uy * half, base.1 + ux * half),
        (base.0 + uy * half, base.1 - ux * half),
    ]
    .iter()
    .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
    .collect::<Vec<_>>()
    .join(" ");
    writer.empty("polygon", &[("points", points), ("fill", INK.to_string())]);
}

/// Two diagrams in one overlaid view. The second diagram (`b`, "now") is drawn in full; where
/// each institution was in the first (`a`, "then") is a grey outline, moved so both
/// communities share one centre; an arrow shows each move of [`NOTICEABLE_CHANGE`] or more.
/// Under each label, the change in words (closer or further, grew or shrank, relation).
/// Institutions found in one diagram only say so.
pub fn comparison_svg(
    a: &VennDiagram,
    b: &VennDiagram,
    changes: &[Change],
    meta_a: &VennMeta,
    meta_b: &VennMeta,
) -> String {
    let (acx, acy, a_radius) = drawable(a.community_x, a.community_y, a.community_radius);
    let (bcx, bcy, b_radius) = drawable(b.community_x, b.community_y, b.community_radius);
    let shift = (bcx - acx, bcy - acy);
    let before_circle = |s: &Snapshot| {
        let (x, y, r) = drawable(s.x, s.y, s.radius);
        (x + shift.0, y + shift.1, r)
    };
    let after_circle = |s: &Snapshot| drawable(s.x, s.y, s.radius);

    let label_circles: Vec<LabelCircle> = changes
        .iter()
        .enumerate()
        .map(|(index, change)| {
            let (x, y, radius) = match (&change.after, &change.before) {
                (Some(after), _) => after_circle(after),
                (None, Some(before)) => before_circle(before),
                (None, None) => (bcx, bcy, 0.0),
            };
            LabelCircle {
                id: index.to_string(),
                label: change.label.clone(),
                extra_lines: vec![format!("({})", change.summary())],
                x,
                y,
                radius,
            }
        })
        .collect();
    let community_label = b.community_label_box(CHAR_WIDTH, LINE_HEIGHT);
    let labels = layout_labels(
        &label_circles,
        std::slice::from_ref(&community_label),
        CHAR_WIDTH,
        LINE_HEIGHT,
    );

    let mut circles: Vec<(f64, f64, f64)> = Vec::new();
    for change in changes {
        circles.extend(change.before.as_ref().map(before_circle));
        circles.extend(change.after.as_ref().map(after_circle));
    }
    circles.push((bcx, bcy, b_radius.max(a_radius)));
    let mut boxes = labels.clone();
    boxes.push(community_label.clone());
    let (left, top, right, bottom) = drawing_area(&circles, &boxes);
    let width = (right - left + 2.0 * MARGIN).max(CANVAS_WIDTH);

    let name_a = side_name(meta_a, "before");
    let name_b = side_name(meta_b, "after");
    let (heading, others) = heading_lines(
        &format!("{name_a} → {name_b}"),
        "Two power Venn diagrams compared",
        &[meta_line("Before", meta_a), meta_line("After", meta_b)],
    );
    let legend = wrapped(
        &[
            format!(
                "Grey outline: where an institution was in “{name_a}”. Coloured circle: where it \
                 is in “{name_b}”. Arrow: how it moved (both communities share one centre)."
            ),
            "Under each label: closer or further (change in distance from the community's \
             edge), grew or shrank (change in size), and any change in relation."
                .to_string(),
            "“only before” or “only after”: the institution appears in one diagram only."
                .to_string(),
        ],
        width,
    );

    let drawing_top = heading_height(&others);
    let legend_top = drawing_top + (bottom - top) + 24.0;
    let height = legend_top + RELATION_LEGEND_HEIGHT + legend.len() as f64 * LEGEND_LINE + MARGIN;
    let description = format!(
        "Two power Venn diagrams compared, “{name_a}” and “{name_b}”: {} institutions.",
        changes.len()
    );
    let (mut writer, drawing_top) = start_page(width, height, &heading, &others, &description);
    let dx = MARGIN - left;
    let dy = drawing_top - top;
    draw_canvas_frame(&mut writer, dx, dy);

    writer.circle(
        bcx + dx,
        bcy + dy,
        b_radius,
        &[
            ("fill", COMMUNITY_FILL.to_string()),
            ("stroke", INK.to_string()),
            ("stroke-width", "4".to_string()),
        ],
    );
    if (a_radius - b_radius).abs() >= 1.0 {
        writer.circle(
            bcx + dx,
            bcy + dy,
            a_radius,
            &[
                ("fill", "none".to_string()),
                ("stroke", SUPPORT.to_string()),
                ("stroke-width", "2".to_string()),
                ("stroke-dasharray", "12 6".to_string()),
            ],
        );
    }
    let outline = [
        ("fill", "none".to_string()),
        ("stroke", SUPPORT.to_string()),
        ("stroke-width", "3".to_string()),
        ("stroke-dasharray", "12 6".to_string()),
    ];
    for change in changes {
        if let Some(before) = &change.before {
            let (x, y, radius) = before_circle(before);
            writer.circle(x + dx, y + dy, radius, &outline);
        }
    }
    for change in changes {
        if let Some(after) = &change.after {
            let (x, y, radius) = after_circle(after);
            writer.start_tag("g", &[]);
            writer.text_element(
                "title",
                &[],
                &xml_text(&format!("{}: {}", change.label, change.summary())),
            );
            writer.circle(x + dx, y + dy, radius, &institution_style(after.relation));
            draw_mark(&mut writer, x + dx, y + dy, radius, after.relation);
            writer.close("g");
        }
    }
    for change in changes {
        if let (Some(before), Some(after)) = (&change.before, &change.after) {
            let (x0, y0, _) = before_circle(before);
            let (x1, y1, _) = after_circle(after);
            if (x1 - x0).hypot(y1 - y0) >= NOTICEABLE_CHANGE {
                draw_arrow(&mut writer, (x0 + dx, y0 + dy), (x1 + dx, y1 + dy));
            }
        }
    }
    draw_label(&mut writer, &community_label, dx, dy, true);
    for (circle, label) in label_circles.iter().zip(&labels) {
        draw_leader(
            &mut writer,
            label,
            (circle.x, circle.y, circle.radius),
            dx,
            dy,
        );
        draw_label(&mut writer, label, dx, dy, false);
    }

    let mut y = legend_top;
    y += draw_relation_legend(&mut writer, y);
    for line in &legend {
        y += LEGEND_LINE;
        writer.text(MARGIN, y - 8.0, line, LEGEND_SIZE, Align::Left, false);
    }
    writer.close("svg");
    writer.out
}

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
