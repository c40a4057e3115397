//! The map as a standalone SVG figure: heading, map, legend and contributions.

use super::{
    arrowhead, group_look, kind_look, shape_path, tower, ARROW_LENGTH, INK, LEGEND_LINE,
    LEGEND_SIZE, MARGIN, PAPER, SUBTITLE_SIZE, TITLE_SIZE,
};
use crate::export::orgmap::{contributions_of, group_label, kind_label, METADATA_ID};
use crate::export::xml::{
    full_title, json_for_xml, num, reads_right_to_left, xml_text, Align, Writer,
};
use crate::export::FigureMeta;
use crate::model::orgmap::{
    actor_box, actor_label_lines, link_curve, link_lanes, Actor, ActorBox, OrgMap, Resource,
    ACTOR_LABEL_BASELINE, ACTOR_LABEL_CHAR_WIDTH, ACTOR_LABEL_LINE, ACTOR_LABEL_SIZE, ACTOR_RADIUS,
    MAP_HEIGHT, MAP_WIDTH, TOWER_BASE_Y, TOWER_DISC_RX, TOWER_X, VIEW_HEIGHT, VIEW_WIDTH,
};
use crate::model::text::{text_units, wrap_label};
use std::collections::HashMap;
use std::fmt::Write as _;

// ----- SVG: the figure ----------------------------------------------------------------------------

/// An actor's position as drawn: on the canvas, a coordinate that is not a number at the
/// middle of the view.
fn drawn_position(actor: &Actor) -> (f64, f64) {
    let x = if actor.x.is_finite() {
        actor.x
    } else {
        VIEW_WIDTH / 2.0
    };
    let y = if actor.y.is_finite() {
        actor.y
    } else {
        VIEW_HEIGHT / 2.0
    };
    (x.clamp(0.0, MAP_WIDTH), y.clamp(0.0, MAP_HEIGHT))
}

/// A text wrapped to `width` units of page at `size`, keeping every word.
fn wrapped(text: &str, width: f64, size: f64) -> Vec<String> {
    wrap_label(&xml_text(text), (width / (0.6 * size)).max(10.0))
}

/// Draws a legend sample with its left edge at x, centred on y.
type DrawSample = Box<dyn Fn(&mut Writer, f64, f64)>;

/// One legend entry: a sample drawn by `draw` in a `sample`-wide slot, then its words.
struct LegendEntry {
    sample: f64,
    words: String,
    draw: DrawSample,
}

/// Lays legend entries out in rows across `width`, after a bold row title. Returns the
/// height used. Drawn only when `writer` is given, so the same code measures the height.
fn legend_rows(
    writer: Option<&mut Writer>,
    title: &str,
    entries: &[LegendEntry],
    top: f64,
    width: f64,
) -> f64 {
    let mut writer = writer;
    let title_width = text_units(title) * 0.62 * LEGEND_SIZE + 16.0;
    let mut x = MARGIN + title_width;
    let mut y = top + LEGEND_LINE / 2.0;
    if let Some(w) = writer.as_deref_mut() {
        w.text(MARGIN, y + 7.0, title, LEGEND_SIZE, Align::Left, true);
    }
    for entry in entries {
        let words = xml_text(&entry.words);
        let entry_width = entry.sample + 10.0 + text_units(&words) * 0.6 * LEGEND_SIZE + 32.0;
        if x + entry_width > width - MARGIN && x > MARGIN + title_width {
            x = MARGIN + title_width;
            y += LEGEND_LINE;
        }
        if let Some(w) = writer.as_deref_mut() {
            (entry.draw)(w, x, y);
            let words_x = x + entry.sample + 10.0;
            if reads_right_to_left(&words) {
                // Anchored at its end so it still starts after the sample.
                let end = words_x + text_units(&words) * 0.6 * LEGEND_SIZE;
                w.text(end, y + 7.0, &words, LEGEND_SIZE, Align::Left, false);
            } else {
                w.text(words_x, y + 7.0, &words, LEGEND_SIZE, Align::Left, false);
            }
        }
        x += entry_width;
    }
    y + LEGEND_LINE / 2.0 - top
}

/// The legend's entries: groups (colour and shape), link kinds (colour, dash and arrow),
/// direction, and the influence tower.
fn legend_entries(map: &OrgMap) -> Vec<(String, Vec<LegendEntry>)> {
    let mut groups: Vec<LegendEntry> = map
        .groups
        .iter()
        .map(|g| {
            let (colour, shape) = group_look(map, &g.id);
            LegendEntry {
                sample: 36.0,
                words: g.label.clone(),
                draw: Box::new(move |w: &mut Writer, x: f64, y: f64| {
                    w.empty(
                        "path",
                        &[
                            ("d", shape_path(&shape, x + 18.0, y, 13.0)),
                            ("fill", colour.clone()),
                            ("stroke", INK.to_string()),
                            ("stroke-width", "2".to_string()),
                        ],
                    );
                }),
            }
        })
        .collect();
    if map.actors.iter().any(|a| map.group(&a.group_id).is_none()) {
        groups.push(LegendEntry {
            sample: 36.0,
            words: "No group".to_string(),
            draw: Box::new(|w: &mut Writer, x: f64, y: f64| {
                w.empty(
                    "path",
                    &[
                        ("d", shape_path("circle", x + 18.0, y, 13.0)),
                        ("fill", PAPER.to_string()),
                        ("stroke", INK.to_string()),
                        ("stroke-width", "2".to_string()),
                    ],
                );
            }),
        });
    }
    let line_sample = |colour: String, dash: String, both: bool| {
        move |w: &mut Writer, x: f64, y: f64| {
            let mut style = vec![
                ("x1", num(x + if both { ARROW_LENGTH } else { 0.0 })),
                ("y1", num(y)),
                ("x2", num(x + 72.0 - ARROW_LENGTH)),
                ("y2", num(y)),
                ("stroke", colour.clone()),
                ("stroke-width", "4".to_string()),
            ];
            if !dash.trim().is_empty() {
                style.push(("stroke-dasharray", dash.clone()));
            }
            w.empty("line", &style);
            arrowhead(w, (x + 72.0, y), (1.0, 0.0), &colour);
            if both {
                arrowhead(w, (x, y), (-1.0, 0.0), &colour);
            }
        }
    };
    let kinds: Vec<LegendEntry> = map
        .link_kinds
        .iter()
        .map(|k| {
            let (colour, dash) = kind_look(map, &k.id);
            LegendEntry {
                sample: 72.0,
                words: k.label.clone(),
                draw: Box::new(line_sample(colour, dash, false)),
            }
        })
        .collect();
    let direction = vec![
        LegendEntry {
            sample: 72.0,
            words: "one way".to_string(),
            draw: Box::new(line_sample(INK.to_string(), String::new(), false)),
        },
        LegendEntry {
            sample: 72.0,
            words: "both ways (an exchange)".to_string(),
            draw: Box::new(line_sample(INK.to_string(), String::new(), true)),
        },
        LegendEntry {
            sample: 0.0,
            words: "thicker: stronger".to_string(),
            draw: Box::new(|_: &mut Writer, _: f64, _: f64| {}),
        },
        LegendEntry {
            sample: 2.0 * TOWER_DISC_RX + 4.0,
            words: "influence: one disc per point, 0 to 5".to_string(),
            draw: Box::new(|w: &mut Writer, x: f64, y: f64| {
                // Three discs, sitting on the legend row.
                tower(
                    w,
                    x + TOWER_DISC_RX + 2.0 - TOWER_X,
                    y + 8.0 - TOWER_BASE_Y,
                    3,
                );
            }),
        },
    ];
    vec![
        ("Groups:".to_string(), groups),
        ("Links:".to_string(), kinds),
        ("Reading:".to_string(), direction),
    ]
}

/// A link's curve (`model::orgmap::link_curve`), with the index of its link.
struct Curve {
    link: usize,
    start: (f64, f64),
    control: (f64, f64),
    end: (f64, f64),
}

fn link_curves(map: &OrgMap, positions: &HashMap<&str, (f64, f64)>) -> Vec<Curve> {
    map.links
        .iter()
        .zip(link_lanes(map))
        .enumerate()
        .filter_map(|(index, (link, lane))| {
            let from = *positions.get(link.from.as_str())?;
            let to = *positions.get(link.to.as_str())?;
            let curve = link_curve(from, to, lane?, link.from <= link.to)?;
            Some(Curve {
                link: index,
                start: curve.start,
                control: curve.control,
                end: curve.end,
            })
        })
        .collect()
}

/// The map as a standalone SVG figure: heading (title, group, date, the question), the map,
/// a legend (groups, link kinds, direction, influence), and what each actor contributes. The
/// map's data is embedded in `<metadata>` (see the module notes).
pub fn map_svg(map: &OrgMap, meta: &FigureMeta) -> String {
    // Degrees only: betweenness costs more than the whole figure, and the figure does not
    // show it.
    let degrees = map.degrees();
    let names: HashMap<&str, &str> = map
        .actors
        .iter()
        .rev()
        .map(|a| (a.id.as_str(), a.name.trim()))
        .collect();
    let positions: HashMap<&str, (f64, f64)> = map
        .actors
        .iter()
        .rev() // so that the first actor with an id wins, as in every other look-up
        .map(|a| (a.id.as_str(), drawn_position(a)))
        .collect();
    let boxes: Vec<ActorBox> = map.actors.iter().map(actor_box).collect();

    // The drawing: the view, grown to take in every actor's box.
    let (mut left, mut top, mut right, mut bottom) = (0.0_f64, 0.0_f64, VIEW_WIDTH, VIEW_HEIGHT);
    for (actor, b) in map.actors.iter().zip(&boxes) {
        let (x, y) = drawn_position(actor);
        let (l, t, r, bt) = b.at(x, y);
        left = left.min(l - 8.0);
        top = top.min(t - 8.0);
        right = right.max(r + 8.0);
        bottom = bottom.max(bt + 8.0);
    }
    let width = (right - left + 2.0 * MARGIN).max(VIEW_WIDTH);

    let mut heading = xml_text(meta.title.trim());
    if heading.is_empty() {
        heading = "Organisational map".to_string();
    }
    let mut subtitles: Vec<String> = [meta.group.trim(), meta.date.trim()]
        .iter()
        .map(|line| xml_text(line))
        .filter(|line| !line.is_empty())
        .collect();
    if !map.question.trim().is_empty() {
        subtitles.extend(wrapped(
            &format!("Question: {}", map.question.trim()),
            width - 2.0 * MARGIN,
            SUBTITLE_SIZE,
        ));
    }
    let heading_height = MARGIN + TITLE_SIZE + subtitles.len() as f64 * SUBTITLE_SIZE * 1.5 + 20.0;

    let legend = legend_entries(map);
    let legend_height: f64 = legend
        .iter()
        .map(|(title, entries)| legend_rows(None, title, entries, 0.0, width) + 6.0)
        .sum();
    let mut contributions = Vec::new();
    for actor in &map.actors {
        let parts: Vec<String> = Resource::ALL
            .iter()
            .map(|&r| (r, contributions_of(actor, r)))
            .filter(|(_, text)| !text.is_empty())
            .map(|(r, text)| format!("{}: {text}", r.label()))
            .collect();
        if !parts.is_empty() {
            contributions.extend(wrapped(
                &format!("{} — {}", actor.name.trim(), parts.join("; ")),
                width - 2.0 * MARGIN,
                LEGEND_SIZE,
            ));
        }
    }

    let drawing_top = heading_height;
    let legend_top = drawing_top + (bottom - top) + 24.0;
    let mut height = legend_top + legend_height;
    if !contributions.is_empty() {
        height += LEGEND_LINE * 1.5 + contributions.len() as f64 * LEGEND_LINE;
    }
    height += MARGIN;
    let dx = MARGIN - left;
    let dy = drawing_top - top;

    let mut writer = Writer::new();
    writer.open_svg(width, height);
    let about: Vec<&str> = [meta.group.trim(), meta.date.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    writer.text_element("title", &[], &xml_text(&full_title(&heading, &about)));
    writer.text_element(
        "desc",
        &[],
        &format!(
            "Organisational map: {} actors and {} links{}. A group shows by colour and shape, a \
             kind of link by colour and dash pattern, direction by arrowheads, influence by a \
             tower of discs.",
            map.actors.len(),
            map.links.len(),
            if map.question.trim().is_empty() {
                String::new()
            } else {
                format!(", answering “{}”", map.question.trim())
            },
        ),
    );
    let json = serde_json::to_string(map).unwrap_or_default();
    writer.text_element(
        "metadata",
        &[("id", METADATA_ID.to_string())],
        &json_for_xml(&json),
    );
    writer.paper(width, height);
    let mut y = MARGIN + TITLE_SIZE;
    writer.text(MARGIN, y, &heading, TITLE_SIZE, Align::Left, true);
    for line in &subtitles {
        y += SUBTITLE_SIZE * 1.5;
        writer.text(MARGIN, y, line, SUBTITLE_SIZE, Align::Left, false);
    }

    // 1. A pale backing behind each name, so lines that pass under it do not cross letters.
    for (actor, b) in map.actors.iter().zip(&boxes) {
        let (x, y) = drawn_position(actor);
        let lines = actor_label_lines(&xml_text(&actor.name));
        if lines.is_empty() {
            continue;
        }
        let widest =
            lines.iter().map(|l| text_units(l)).fold(0.0, f64::max) * ACTOR_LABEL_CHAR_WIDTH;
        let label_top = y + ACTOR_LABEL_BASELINE - ACTOR_LABEL_SIZE;
        writer.empty(
            "rect",
            &[
                ("x", num(x + dx - widest / 2.0 - 4.0)),
                ("y", num(label_top + dy)),
                ("width", num(widest + 8.0)),
                ("height", num(y + b.below - label_top)),
                ("fill", PAPER.to_string()),
                ("fill-opacity", "0.85".to_string()),
            ],
        );
    }

    // 2. The links, each a curve in its kind's colour and dash, with arrowheads.
    for curve in link_curves(map, &positions) {
        let link = &map.links[curve.link];
        let (colour, dash) = kind_look(map, &link.kind_id);
        let name = |id: &str| names.get(id).copied().unwrap_or_default();
        let shift = |p: (f64, f64)| (p.0 + dx, p.1 + dy);
        let (start, control, end) = (shift(curve.start), shift(curve.control), shift(curve.end));
        // The line stops where each arrowhead begins, so the head's tip stays sharp.
        let trim = |point: (f64, f64), toward: (f64, f64)| {
            let (vx, vy) = (toward.0 - point.0, toward.1 - point.1);
            let l = vx.hypot(vy).max(1e-9);
            (
                point.0 + vx / l * (ARROW_LENGTH - 2.0),
                point.1 + vy / l * (ARROW_LENGTH - 2.0),
            )
        };
        let line_end = trim(end, control);
        let line_start = if link.both_ways {
            trim(start, control)
        } else {
            start
        };
        writer.open("g", &[]);
        let mut words = format!(
            "{} {} {}: {}",
            name(&link.from),
            if link.both_ways { "↔" } else { "→" },
            name(&link.to),
            kind_label(map, &link.kind_id)
        );
        if let Some(strength) = link.strength {
            let _ = write!(words, ", strength {strength}");
        }
        if !link.notes.trim().is_empty() {
            let _ = write!(words, " ({})", link.notes.trim());
        }
        writer.text_element("title", &[], &xml_text(&words));
        let mut style = vec![
            (
                "d",
                format!(
                    "M{},{} Q{},{} {},{}",
                    num(line_start.0),
                    num(line_start.1),
                    num(control.0),
                    num(control.1),
                    num(line_end.0),
                    num(line_end.1)
                ),
            ),
            ("fill", "none".to_string()),
            ("stroke", colour.clone()),
            (
                "stroke-width",
                num(3.0 + f64::from(link.strength.unwrap_or(0).min(5))),
            ),
        ];
        if !dash.trim().is_empty() {
            style.push(("stroke-dasharray", dash.clone()));
        }
        writer.empty("path", &style);
        arrowhead(
            &mut writer,
            end,
            (end.0 - control.0, end.1 - control.1),
            &colour,
        );
        if link.both_ways {
            arrowhead(
                &mut writer,
                start,
                (start.0 - control.0, start.1 - control.1),
                &colour,
            );
        }
        writer.close("g");
    }

    // 3. The actors: shape, influence tower and name.
    for (actor, (degree_in, degree_out)) in map.actors.iter().zip(&degrees) {
        let (x, y) = drawn_position(actor);
        let (x, y) = (x + dx, y + dy);
        let (colour, shape) = group_look(map, &actor.group_id);
        writer.open("g", &[]);
        let mut words = actor.name.trim().to_string();
        let group = group_label(map, &actor.group_id);
        if !group.is_empty() {
            let _ = write!(words, " — {group}");
        }
        let _ = write!(
            words,
            "; influence {}; links in {}, out {}",
            actor.influence.min(5),
            degree_in,
            degree_out
        );
        if !actor.notes.trim().is_empty() {
            let _ = write!(words, "; {}", actor.notes.trim());
        }
        writer.text_element("title", &[], &xml_text(&words));
        writer.empty(
            "path",
            &[
                ("d", shape_path(&shape, x, y, ACTOR_RADIUS)),
                ("fill", colour),
                ("stroke", INK.to_string()),
                ("stroke-width", "3".to_string()),
            ],
        );
        tower(&mut writer, x, y, actor.influence);
        let lines = actor_label_lines(&xml_text(&actor.name));
        // The whole name takes one direction, from its first strong letter.
        let rtl = reads_right_to_left(&lines.join(" "));
        for (index, line) in lines.iter().enumerate() {
            let mut attributes = vec![
                ("x", num(x)),
                (
                    "y",
                    num(y + ACTOR_LABEL_BASELINE + index as f64 * ACTOR_LABEL_LINE),
                ),
                ("font-size", num(ACTOR_LABEL_SIZE)),
                ("font-weight", "bold".to_string()),
                ("fill", INK.to_string()),
                ("text-anchor", "middle".to_string()),
            ];
            if rtl {
                attributes.push(("direction", "rtl".to_string()));
                attributes.push(("unicode-bidi", "embed".to_string()));
            }
            writer.text_element("text", &attributes, line);
        }
        writer.close("g");
    }

    // 4. The legend and the contributions.
    let mut y = legend_top;
    for (title, entries) in &legend {
        y += legend_rows(Some(&mut writer), title, entries, y, width) + 6.0;
    }
    writer.notes_block(
        MARGIN,
        y,
        "What each actor contributes",
        &contributions,
        LEGEND_SIZE,
        LEGEND_LINE,
    );
    writer.close("svg");
    writer.out
}
