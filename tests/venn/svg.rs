//! The SVG export, with its embedded data read back.

use super::labels::label_strategy;
use super::*;

// ----- SVG -----------------------------------------------------------------------------------

fn meta() -> FigureMeta {
    FigureMeta {
        title: "Venn — now <2026> & \"us\"".into(),
        group: "Community organisations, 20 people".into(),
        date: "2026-11-25".into(),
    }
}

const HOSTILE: &str = "<script>alert('x')</script> & \"quoted\" ]]> -- <!-- -->";
const ARABIC: &str = "المجلس البلدي";

/// A diagram with one institution of each relation, a hostile label and an Arabic one.
fn example() -> VennDiagram {
    let mut d = with(vec![
        institution("ally", "Church", 900.0, 450.0, 50.0),
        institution("neutral", HOSTILE, 1150.0, 450.0, 120.0),
        institution("threat", ARABIC, 300.0, 200.0, 80.0),
    ]);
    d.institutions[0].relation = Relation::Ally;
    d.institutions[2].relation = Relation::Threat;
    d.institutions[1].notes = "=HYPERLINK(\"http://x\") <b>why</b>".into();
    d.community_label = "Our community & friends".into();
    d
}

#[test]
fn the_figure_is_well_formed_readable_and_escapes_hostile_labels() {
    let d = example();
    let svg = diagram_svg(&d, &meta());
    let elements = check_projector_svg(&svg);
    assert!(!svg.contains("<script"), "the hostile label is escaped");
    assert!(!svg.contains("<b>"));
    let shown = texts(&elements);
    for wanted in [
        "Venn — now <2026> & \"us\"",
        "Community organisations, 20 people",
        "2026-11-25",
        "Church",
    ] {
        assert!(shown.contains(&wanted), "{wanted:?} not shown in {shown:?}");
    }
    // The hostile label is wrapped on the circle, word by word, in order, unchanged.
    let words: Vec<&str> = HOSTILE.split_whitespace().collect();
    let position = |word: &str| shown.iter().position(|t| t.split(' ').any(|w| w == word));
    assert!(words.iter().all(|w| position(w).is_some()), "{shown:?}");
    let title = elements.iter().find(|e| e.name == "title").expect("title");
    assert!(title.text.contains("Venn — now <2026>"));
    assert!(title.text.contains("2026-11-25"));

    // A right-to-left label reads right to left, its characters in their stored order. It
    // wraps on its circle (radius 80) into two lines, first word on top.
    let line = |text: &str| {
        elements
            .iter()
            .find(|e| e.name == "text" && e.text == text)
            .unwrap_or_else(|| panic!("{text:?} not shown in {shown:?}"))
    };
    let (first, second) = ARABIC.split_once(' ').expect("two words");
    let (top, bottom) = (line(first), line(second));
    assert_eq!(top.attribute("direction"), Some("rtl"));
    assert_eq!(bottom.attribute("direction"), Some("rtl"));
    assert_eq!(top.attribute("text-anchor"), Some("middle"));
    assert!(top.number("y") < bottom.number("y"));
    // In the reasons under the legend a right-to-left line is left-aligned like the others:
    // its "end" (its left edge, in SVG's terms) sits at the margin.
    let mut with_reason = example();
    with_reason.institutions[2].notes = "يغلقون الطرق".into();
    let elements = check_projector_svg(&diagram_svg(&with_reason, &meta()));
    let reason = elements
        .iter()
        .find(|e| e.name == "text" && e.text.starts_with(ARABIC) && e.text.contains("يغلقون"))
        .expect("the reason line");
    assert_eq!(reason.attribute("direction"), Some("rtl"));
    assert_eq!(reason.attribute("text-anchor"), Some("end"));
    assert_eq!(reason.number("x"), Some(24.0));
    let church = elements
        .iter()
        .find(|e| e.name == "text" && e.text == "Church")
        .expect("Latin label");
    assert_eq!(church.attribute("direction"), None);
}

/// The screen's comparison shows the pictures alone, so they fill the projector's frame: the
/// diagram and the overlay, every label and mark at the figure's own sizes, no heading, legend
/// or reasons, and a frame no wider than the canvas and its thin margin.
#[test]
fn the_screen_s_pictures_are_the_diagrams_alone() {
    let now = example();
    let mut then = example();
    then.institutions[0].x -= 200.0;
    for picture in [
        diagram_picture_svg(&now),
        comparison_picture_svg(&then, &now, &compare(&then, &now, &[])),
    ] {
        let (elements, width, height) = check_figure_svg(&picture, 24.0);
        assert!(!picture.contains("<script"), "the hostile label is escaped");
        assert!(width <= 1600.0 + 16.0 + 1e-9, "{width}");
        assert!(height <= 900.0 + 16.0 + 1e-9, "{height}");
        let shown = texts(&elements);
        assert!(shown.contains(&"Church"), "{shown:?}");
        assert!(
            !shown.iter().any(|t| t.contains("Why each is there")
                || t.contains("Size = power")
                || t.contains("Venn — now")),
            "{shown:?}"
        );
    }
}

#[test]
fn relations_show_by_colour_and_by_border_and_mark() {
    let d = example();
    let elements = check_projector_svg(&diagram_svg(&d, &meta()));
    let circles_with = |colour: &str| -> Vec<&XmlElement> {
        elements
            .iter()
            .filter(|e| {
                e.name == "circle"
                    && e.attribute("stroke") == Some(colour)
                    && e.number("r").is_some_and(|r| r >= 40.0)
            })
            .collect()
    };
    let ally = circles_with("#009E73");
    let neutral = circles_with("#0072B2");
    let threat = circles_with("#D55E00");
    assert!(!ally.is_empty() && !neutral.is_empty() && !threat.is_empty());
    assert!(
        ally.iter()
            .all(|c| c.attribute("stroke-dasharray").is_none()),
        "solid"
    );
    assert!(
        neutral
            .iter()
            .all(|c| c.attribute("stroke-dasharray") == Some("16 10")),
        "dashed"
    );
    assert!(
        threat
            .iter()
            .all(|c| c.attribute("stroke-dasharray") == Some("2 10")
                && c.attribute("stroke-linecap") == Some("round")),
        "dotted"
    );
    let shown = texts(&elements);
    for mark in ["✓", "–", "✕"] {
        // One on its circle and one in the legend.
        assert!(shown.iter().filter(|t| **t == mark).count() >= 2, "{mark}");
    }
    let legend = shown.join("\n");
    for words in [
        "Size = power or importance",
        "Distance from the community",
        "Ally",
        "Neutral",
        "Threat",
        "small",
        "medium",
        "large",
    ] {
        assert!(legend.contains(words), "legend lacks {words:?}");
    }
    assert!(legend.contains("Why each is there"));
    assert!(
        legend.contains("=HYPERLINK(\"http://x\") <b>why</b>"),
        "notes shown as text"
    );
}

#[test]
fn the_figure_embeds_the_diagram_and_reads_it_back() {
    let d = example();
    let svg = diagram_svg(&d, &meta());
    let elements = check_projector_svg(&svg);
    let metadata: Vec<&XmlElement> = elements.iter().filter(|e| e.name == "metadata").collect();
    assert_eq!(metadata.len(), 1);
    assert_eq!(metadata[0].attribute("id"), Some(METADATA_ID));
    let embedded: VennDiagram = serde_json::from_str(&metadata[0].text).expect("JSON");
    assert_eq!(embedded, d);
    assert_eq!(diagram_from_svg(&svg), Ok(d));
}

#[test]
fn characters_xml_cannot_hold_are_dropped_from_view_but_kept_in_the_data() {
    // U+0000 and U+001B are control characters; U+FFFE and U+FFFF are not characters XML
    // allows at all. serde_json escapes the first two; the writer escapes the other two.
    let strange = "a\u{0}b\u{1b}c\u{FFFE}d\u{FFFF}e\r\nf\tg";
    let mut d = with(vec![institution("s", strange, 400.0, 300.0, 120.0)]);
    d.community_label = strange.into();
    d.institutions[0].notes = strange.into();
    let svg = diagram_svg(
        &d,
        &FigureMeta {
            title: strange.into(),
            ..meta()
        },
    );
    let elements = check_projector_svg(&svg);
    assert!(
        texts(&elements).contains(&"abcde f g"),
        "{:?}",
        texts(&elements)
    );
    assert_eq!(diagram_from_svg(&svg), Ok(d));
}

#[test]
fn the_data_survives_what_other_editors_do_to_the_file() {
    let d = example();
    let json = serde_json::to_string(&d).expect("JSON");
    let escaped = json
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let variants = [
        // Single quotes, a namespace prefix, a DOCTYPE and comments around it.
        format!(
            "<?xml version='1.0'?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\
             <svg:svg xmlns:svg='http://www.w3.org/2000/svg'><!-- <metadata id='{METADATA_ID}'> -->\
             <svg:metadata id='{METADATA_ID}'>{escaped}</svg:metadata></svg:svg>"
        ),
        // A CDATA section, and an RDF block an editor added inside.
        format!(
            "<svg><metadata id=\"x\"/><metadata xml:lang=\"en\" id=\"{METADATA_ID}\">\
             <rdf:RDF><cc:Work>{{\"not\": \"ours\"}}</cc:Work></rdf:RDF>\
             <![CDATA[{}]]></metadata></svg>",
            // A "]]>" inside the data is split across two sections, as XML requires.
            json.replace("]]>", "]]]]><![CDATA[>")
        ),
        // Character references for every character.
        format!(
            "<svg><metadata id=\"{METADATA_ID}\">{}</metadata></svg>",
            json.chars()
                .map(|c| format!("&#x{:x};", c as u32))
                .collect::<String>()
        ),
    ];
    for svg in variants {
        assert_eq!(diagram_from_svg(&svg), Ok(d.clone()), "{svg}");
    }
}

#[test]
fn reading_anything_else_gives_plain_words_never_a_panic() {
    let bad_json =
        format!("<svg><metadata id=\"{METADATA_ID}\">{{\"community_label\": 1</metadata></svg>");
    let broken_rule = format!(
        "<svg><metadata id=\"{METADATA_ID}\">{}</metadata></svg>",
        serde_json::to_string(&with(vec![institution("a", "A", 1.0, 1.0, -5.0)]))
            .expect("JSON")
            .replace('<', "&lt;")
    );
    let cases = [
        String::new(),
        "not xml at all".to_string(),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_string(),
        format!("<svg><metadata id=\"{METADATA_ID}\"/></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{}}"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&bogus;</metadata></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&#xD800;</metadata></svg>"),
        format!("<svg><metadata id={METADATA_ID}>{{}}</metadata></svg>"),
        "<svg><metadata id=\"pla".to_string(),
        "<!DOCTYPE svg [".to_string(),
        bad_json,
        broken_rule.clone(),
    ];
    for case in &cases {
        let problem = diagram_from_svg(case).expect_err(case);
        assert!(!problem.is_empty() && problem.ends_with('.'), "{problem:?}");
    }
    assert!(diagram_from_svg(&broken_rule)
        .expect_err("rule")
        .contains("radius must be above zero"));

    // Every cut of a real file is read or refused, without a panic.
    let svg = diagram_svg(&example(), &meta());
    let mut cut = 0;
    while cut < svg.len() {
        if svg.is_char_boundary(cut) {
            let _ = diagram_from_svg(&svg[..cut]);
        }
        cut += 7;
    }
}

#[test]
fn an_empty_or_damaged_diagram_still_draws() {
    let empty = VennDiagram::default();
    let svg = diagram_svg(&empty, &FigureMeta::default());
    let elements = check_projector_svg(&svg);
    assert!(
        texts(&elements).contains(&"Power Venn diagram"),
        "a fallback title"
    );
    assert_eq!(diagram_from_svg(&svg), Ok(empty));

    let mut damaged = with(vec![
        institution("nan", "NaN", f64::NAN, f64::INFINITY, f64::NAN),
        institution("neg", "Negative", 100.0, 100.0, -40.0),
        institution("dup", "Same", 100.0, 100.0, 50.0),
        institution("dup", "Same", 100.0, 100.0, 50.0),
    ]);
    damaged.community_radius = f64::NAN;
    let svg = diagram_svg(&damaged, &meta());
    check_projector_svg(&svg);
    assert!(
        diagram_from_svg(&svg).is_err(),
        "a damaged diagram is not imported"
    );
    let _ = table_csv(&damaged);
    let _ = changes_csv(&compare(&damaged, &damaged, &[]));
    check_projector_svg(&comparison_svg(
        &damaged,
        &damaged,
        &compare(&damaged, &damaged, &[]),
        &meta(),
        &meta(),
    ));
}

/// Numbers as the model keeps them: to a hundredth of a unit.
fn hundredths(low: f64, high: f64) -> impl Strategy<Value = f64> {
    ((low * 100.0) as i64..=(high * 100.0) as i64).prop_map(|n| n as f64 / 100.0)
}

fn any_relation() -> impl Strategy<Value = Relation> {
    prop::sample::select(Relation::ALL.to_vec())
}

fn any_diagram() -> impl Strategy<Value = VennDiagram> {
    let institution = (
        label_strategy(),
        label_strategy(),
        label_strategy(),
        hundredths(0.0, CANVAS_WIDTH),
        hundredths(0.0, CANVAS_HEIGHT),
        hundredths(0.01, MAX_RADIUS),
        any_relation(),
    );
    (
        label_strategy(),
        (
            hundredths(0.0, CANVAS_WIDTH),
            hundredths(0.0, CANVAS_HEIGHT),
            hundredths(1.0, 400.0),
        ),
        prop::collection::vec(label_strategy(), 0..4),
        prop::collection::vec(institution, 0..8),
        label_strategy(),
    )
        .prop_map(
            |(community_label, (x, y, radius), groups, list, id_tail)| VennDiagram {
                community_label,
                community_x: x,
                community_y: y,
                community_radius: radius,
                groups,
                institutions: list
                    .into_iter()
                    .enumerate()
                    .map(
                        |(n, (label, group, notes, x, y, radius, relation))| Institution {
                            // Unique, and as hostile as the labels.
                            id: format!("{n}:{id_tail}"),
                            label,
                            group,
                            x,
                            y,
                            radius,
                            relation,
                            notes,
                        },
                    )
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_diagram_exported_then_imported_is_equal_and_the_file_is_well_formed(
        d in any_diagram(),
        title in label_strategy(),
    ) {
        let svg = diagram_svg(&d, &FigureMeta { title, group: "G".into(), date: String::new() });
        check_projector_svg(&svg);
        prop_assert_eq!(diagram_from_svg(&svg), Ok(d));
    }

    #[test]
    fn the_figure_adds_no_loss_beyond_json_even_for_full_precision_numbers(
        d in any_diagram(),
        jitter in prop::collection::vec(-1.0_f64..1.0, 8),
    ) {
        let mut d = d;
        for (i, j) in d.institutions.iter_mut().zip(&jitter) {
            i.x = (i.x + j / 3.0).clamp(0.0, CANVAS_WIDTH);
            i.radius = (i.radius + j.abs() / 7.0).max(0.001);
        }
        let through_json: VennDiagram =
            serde_json::from_str(&serde_json::to_string(&d).expect("JSON")).expect("JSON");
        prop_assert_eq!(diagram_from_svg(&diagram_svg(&d, &meta())), Ok(through_json));
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = diagram_from_svg(&text);
        let _ = diagram_from_svg(&format!("<svg><metadata id=\"{METADATA_ID}\">{text}</metadata></svg>"));
    }

    #[test]
    fn any_pair_compares_and_draws_well_formed(a in any_diagram(), b in any_diagram()) {
        let changes = compare(&a, &b, &[]);
        prop_assert_eq!(
            changes.iter().filter(|c| c.only_in != Some(Side::After)).count(),
            a.institutions.len()
        );
        prop_assert_eq!(
            changes.iter().filter(|c| c.only_in != Some(Side::Before)).count(),
            b.institutions.len()
        );
        check_projector_svg(&comparison_svg(&a, &b, &changes, &meta(), &FigureMeta::default()));
        let rows = parse_csv(&changes_csv(&changes));
        prop_assert_eq!(rows.len(), changes.len() + 1);
        let rows = parse_csv(&table_csv(&a));
        prop_assert_eq!(rows.len(), a.institutions.len() + 1);
    }
}

#[test]
fn an_exported_svg_is_read_back_as_the_exercise_it_carries() {
    use pla_workshop::export::exercise_from_svg;
    use pla_workshop::export::orgmap::map_svg;
    use pla_workshop::export::FigureMeta;
    use pla_workshop::model::orgmap::OrgMap;
    use pla_workshop::model::ExerciseData;
    let mut diagram = VennDiagram::default();
    assert!(diagram.add_institution("a", "Mosque"));
    let svg = diagram_svg(&diagram, &FigureMeta::default());
    assert_eq!(
        exercise_from_svg(&svg),
        Ok(ExerciseData::PowerVenn(
            diagram_from_svg(&svg).expect("reads")
        ))
    );
    let mut map = OrgMap::default();
    map.add_actor("x", "Council");
    let svg = map_svg(&map, &FigureMeta::default());
    assert!(matches!(
        exercise_from_svg(&svg),
        Ok(ExerciseData::OrganisationalMap(read)) if read == map
    ));
    assert!(exercise_from_svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").is_err());
}

#[test]
fn the_community_label_inside_its_circle_is_never_crossed_by_the_outline() {
    for radius in [90.0, 120.0, 160.0, 220.0, 300.0] {
        for label in [
            "Us",
            "Our community",
            "Our communities together",
            "Residents of the Northfield estate and their families",
        ] {
            let d = VennDiagram {
                community_radius: radius,
                community_label: label.to_string(),
                ..VennDiagram::default()
            };
            let b = d.community_label_box(CHAR, LINE);
            if !b.anchor_inside {
                // Above the circle instead: wholly outside it.
                assert!(
                    b.bottom() <= d.community_y - radius + 1e-9,
                    "{label} at {radius}"
                );
                continue;
            }
            // Every corner of the label's box lies inside the circle.
            for (x, y) in [
                (b.left(), b.top()),
                (b.right(), b.top()),
                (b.left(), b.bottom()),
                (b.right(), b.bottom()),
            ] {
                let distance = ((x - d.community_x).powi(2) + (y - d.community_y).powi(2)).sqrt();
                assert!(
                    distance <= radius,
                    "{label:?} at radius {radius}: corner {x},{y} is outside"
                );
            }
        }
    }
}
