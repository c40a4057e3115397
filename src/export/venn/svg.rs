//! The diagram as a standalone SVG figure, and the parts of it the comparison draws too.

use super::{FigureMeta, METADATA_ID};
use crate::export::xml::{
    full_title, json_for_xml, num, reads_right_to_left, xml_text, Align, Writer,
};
pub(super) use crate::export::xml::{INK, PAPER, SUPPORT};
use crate::model::text::{text_units, wrap_label};
use crate::model::venn::{
    label_baseline, mark_place, relation_look, LabelBox, Relation, VennDiagram, BORDER_WIDTH,
    CANVAS_HEIGHT, CANVAS_WIDTH, FILL_OPACITY, LABEL_CHAR_WIDTH, LABEL_LINE, LABEL_SIZE,
    LARGE_RADIUS, MARK_RADIUS, MARK_SIZE, MEDIUM_RADIUS, NEAR_GAP, SMALL_RADIUS,
};

// ----- SVG -----------------------------------------------------------------------------------

pub(super) const COMMUNITY_FILL: &str = "#f3efe2";
pub(super) const MARGIN: f64 = 24.0;
/// The margin of a picture alone (for the screen): thin, so the picture fills its frame.
pub(super) const PICTURE_MARGIN: f64 = 8.0;
const TITLE_SIZE: f64 = 32.0;
const SUBTITLE_SIZE: f64 = 22.0;
// The labels' size and spacing are the diagram's own (`model::venn::figure`), which the
// screen draws with too, so the model places them the same in both.
pub(super) const LINE_HEIGHT: f64 = LABEL_LINE;
pub(super) const CHAR_WIDTH: f64 = LABEL_CHAR_WIDTH;
pub(super) const LEGEND_SIZE: f64 = 20.0;
pub(super) const LEGEND_LINE: f64 = 30.0;
/// How far outside the canvas a circle or label may reach and still be drawn in full.
const MAX_OVERHANG: f64 = 2000.0;

/// The style of an institution's circle: a light tint of its relation's colour (so overlaps
/// show through) and a border in the relation's colour and pattern.
pub(super) fn institution_style(relation: Relation) -> Vec<(&'static str, String)> {
    let colour = relation_look(relation).colour;
    let mut style = vec![
        ("fill", colour.to_string()),
        ("fill-opacity", num(FILL_OPACITY)),
        ("stroke", colour.to_string()),
        ("stroke-width", num(BORDER_WIDTH)),
    ];
    let look = relation_look(relation);
    if let Some(dash) = look.dash {
        style.push(("stroke-dasharray", dash.to_string()));
        style.push(("stroke-linecap", look.linecap.to_string()));
    }
    style
}

/// The relation's mark in a small white disc on the circle's upper right edge.
pub(super) fn draw_mark(writer: &mut Writer, x: f64, y: f64, radius: f64, relation: Relation) {
    let (mx, my) = mark_place(x, y, radius);
    writer.circle(
        mx,
        my,
        MARK_RADIUS,
        &[
            ("fill", PAPER.to_string()),
            ("stroke", relation_look(relation).colour.to_string()),
            ("stroke-width", "3".to_string()),
        ],
    );
    writer.text(
        mx,
        my + MARK_SIZE * 0.35,
        relation.mark(),
        MARK_SIZE,
        Align::Centre,
        true,
    );
}

/// A label box's lines, centred on the box, shifted by `(dx, dy)` onto the page.
pub(super) fn draw_label(writer: &mut Writer, label: &LabelBox, dx: f64, dy: f64, bold: bool) {
    // The whole label takes one direction, from its first strong letter, so a line that
    // starts with a Latin word inside an Arabic label still reads in the label's order.
    let rtl = reads_right_to_left(&label.lines.join(" "));
    for (index, line) in label.lines.iter().enumerate() {
        let baseline = label_baseline(label, index);
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
pub(super) fn draw_leader(
    writer: &mut Writer,
    label: &LabelBox,
    circle: (f64, f64, f64),
    dx: f64,
    dy: f64,
) {
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
pub(super) fn drawable(x: f64, y: f64, radius: f64) -> (f64, f64, f64) {
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
pub(super) fn drawing_area(
    circles: &[(f64, f64, f64)],
    labels: &[LabelBox],
) -> (f64, f64, f64, f64) {
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
pub(super) fn heading_lines(
    title: &str,
    fallback: &str,
    others: &[String],
) -> (String, Vec<String>) {
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
pub(super) fn heading_height(others: &[String]) -> f64 {
    MARGIN + TITLE_SIZE + others.len() as f64 * SUBTITLE_SIZE * 1.5 + SUBTITLE_SIZE
}

/// The text lines of the legend, wrapped to the page.
pub(super) fn wrapped(lines: &[String], width: f64) -> Vec<String> {
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
pub(super) fn start_page(
    width: f64,
    height: f64,
    heading: &str,
    others: &[String],
    description: &str,
) -> (Writer, f64) {
    let mut writer = Writer::new();
    writer.open_svg(width, height);
    writer.text_element("title", &[], &full_title(heading, others));
    writer.text_element("desc", &[], &xml_text(description));
    writer.paper(width, height);
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
pub(super) fn draw_relation_legend(writer: &mut Writer, top: f64) -> f64 {
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
        let words = relation_look(relation).words;
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
pub(super) const RELATION_LEGEND_HEIGHT: f64 = 56.0;

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
    crate::model::order::sort_by(&mut order, |&a, &b| {
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
pub(super) fn draw_canvas_frame(writer: &mut Writer, dx: f64, dy: f64) {
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

/// The labels' places, and the area the circles and labels take (at least the canvas).
fn picture_layout(diagram: &VennDiagram) -> (Vec<LabelBox>, (f64, f64, f64, f64)) {
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
    let area = drawing_area(&circles, &boxes);
    (labels, area)
}

/// The diagram alone, for the screen's comparison: no heading, legend or reasons (the screen
/// has those beside it), a thin margin, so it fills the frame and its labels read from the
/// back.
pub fn diagram_picture_svg(diagram: &VennDiagram) -> String {
    let (labels, (left, top, right, bottom)) = picture_layout(diagram);
    let (width, height) = (
        right - left + 2.0 * PICTURE_MARGIN,
        bottom - top + 2.0 * PICTURE_MARGIN,
    );
    let mut writer = Writer::new();
    writer.open_svg(width, height);
    writer.text_element(
        "title",
        &[],
        &xml_text(&format!(
            "Power Venn diagram: {} institutions around “{}”",
            diagram.institutions.len(),
            diagram.community_label.trim()
        )),
    );
    writer.paper(width, height);
    let (dx, dy) = (PICTURE_MARGIN - left, PICTURE_MARGIN - top);
    draw_canvas_frame(&mut writer, dx, dy);
    draw_diagram_body(&mut writer, diagram, &labels, dx, dy);
    writer.close("svg");
    writer.out
}

/// The diagram as a standalone SVG figure: heading (title, group, date), the diagram on its
/// 1600 x 900 canvas, a legend (size, distance, relation), and why each institution is where
/// it is. The diagram's data is embedded in `<metadata>` (see the module notes).
pub fn diagram_svg(diagram: &VennDiagram, meta: &FigureMeta) -> String {
    let (labels, (left, top, right, bottom)) = picture_layout(diagram);
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
    writer.notes_block(
        MARGIN,
        y,
        "Why each is there",
        &reasons,
        LEGEND_SIZE,
        LEGEND_LINE,
    );
    writer.close("svg");
    writer.out
}
