//! Two diagrams in one overlaid "then and now" figure.

use super::svg::*;
use super::FigureMeta;
use crate::export::xml::{num, xml_text, Align, Writer};
use crate::model::venn::{
    layout_labels, Change, LabelBox, LabelCircle, Snapshot, VennDiagram, CANVAS_WIDTH,
    NOTICEABLE_CHANGE,
};

/// "then" / "now" names for the comparison, from the figures' titles.
fn side_name(meta: &FigureMeta, fallback: &str) -> String {
    let title = xml_text(meta.title.trim());
    if title.is_empty() {
        fallback.to_string()
    } else {
        title
    }
}

fn meta_line(prefix: &str, meta: &FigureMeta) -> String {
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

/// Where the overlay's parts go: `b`'s community is the shared centre, and `shift` moves
/// `a`'s circles onto it.
struct Overlay {
    shift: (f64, f64),
    label_circles: Vec<LabelCircle>,
    labels: Vec<LabelBox>,
    community_label: LabelBox,
    /// Everything drawn: (left, top, right, bottom), at least the canvas.
    area: (f64, f64, f64, f64),
}

fn overlay_layout(a: &VennDiagram, b: &VennDiagram, changes: &[Change]) -> Overlay {
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
    Overlay {
        shift,
        label_circles,
        labels,
        community_label,
        area: drawing_area(&circles, &boxes),
    }
}

/// The overlay itself (canvas frame, communities, outlines, circles, arrows and labels),
/// shifted by `(dx, dy)`.
fn draw_overlay(
    writer: &mut Writer,
    a: &VennDiagram,
    b: &VennDiagram,
    changes: &[Change],
    overlay: &Overlay,
    dx: f64,
    dy: f64,
) {
    let (_, _, a_radius) = drawable(a.community_x, a.community_y, a.community_radius);
    let (bcx, bcy, b_radius) = drawable(b.community_x, b.community_y, b.community_radius);
    let shift = overlay.shift;
    let before_circle = |s: &Snapshot| {
        let (x, y, r) = drawable(s.x, s.y, s.radius);
        (x + shift.0, y + shift.1, r)
    };
    let after_circle = |s: &Snapshot| drawable(s.x, s.y, s.radius);
    draw_canvas_frame(writer, dx, dy);

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
            draw_mark(writer, x + dx, y + dy, radius, after.relation);
            writer.close("g");
        }
    }
    for change in changes {
        if let (Some(before), Some(after)) = (&change.before, &change.after) {
            let (x0, y0, _) = before_circle(before);
            let (x1, y1, _) = after_circle(after);
            if (x1 - x0).hypot(y1 - y0) >= NOTICEABLE_CHANGE {
                draw_arrow(writer, (x0 + dx, y0 + dy), (x1 + dx, y1 + dy));
            }
        }
    }
    draw_label(writer, &overlay.community_label, dx, dy, true);
    for (circle, label) in overlay.label_circles.iter().zip(&overlay.labels) {
        draw_leader(writer, label, (circle.x, circle.y, circle.radius), dx, dy);
        draw_label(writer, label, dx, dy, false);
    }
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
    meta_a: &FigureMeta,
    meta_b: &FigureMeta,
) -> String {
    let overlay = overlay_layout(a, b, changes);
    let (left, top, right, bottom) = overlay.area;
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
    draw_overlay(&mut writer, a, b, changes, &overlay, dx, dy);

    let mut y = legend_top;
    y += draw_relation_legend(&mut writer, y);
    for line in &legend {
        y += LEGEND_LINE;
        writer.text(MARGIN, y - 8.0, line, LEGEND_SIZE, Align::Left, false);
    }
    writer.close("svg");
    writer.out
}

/// The overlay alone, for the screen: no heading and no legend (the screen says those in
/// words beside it), a thin margin, so it fills the frame and its labels read from the back.
pub fn comparison_picture_svg(a: &VennDiagram, b: &VennDiagram, changes: &[Change]) -> String {
    let overlay = overlay_layout(a, b, changes);
    let (left, top, right, bottom) = overlay.area;
    let (width, height) = (
        right - left + 2.0 * PICTURE_MARGIN,
        bottom - top + 2.0 * PICTURE_MARGIN,
    );
    let mut writer = Writer::new();
    writer.open_svg(width, height);
    writer.text_element(
        "title",
        &[],
        &format!(
            "Two power Venn diagrams overlaid: {} institutions",
            changes.len()
        ),
    );
    writer.paper(width, height);
    draw_overlay(
        &mut writer,
        a,
        b,
        changes,
        &overlay,
        PICTURE_MARGIN - left,
        PICTURE_MARGIN - top,
    );
    writer.close("svg");
    writer.out
}
