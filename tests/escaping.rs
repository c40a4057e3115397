#![cfg(not(target_arch = "wasm32"))]
//! The one XML writer's escaping, through every kind's SVG export: a title and labels holding
//! quotes, apostrophes, `<`, `&`, Arabic and emoji come out well-formed, read as they were
//! typed, and (for the kinds whose SVG carries its data) come back whole through
//! `export::exercise_from_svg`.

mod common;
use common::*;

use pla_workshop::export::exercise_from_svg;
use pla_workshop::export::orgmap::{graphml, map_svg};
use pla_workshop::export::ranking::{bar_chart_svg, matrix_svg};
use pla_workshop::export::venn::diagram_svg;
use pla_workshop::export::vignette::{card_svg, responses_csv};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::ExerciseData;
use pla_workshop::storage::format;
use serde_json::Value;

/// Every character XML gives meaning to, right-to-left text and an emoji.
const TRICKY: &str = r#"Say "no" & 'yes' <b> — نعم 😀"#;

/// The example workshop's exercises, every typed text (labels, names, questions, notes,
/// reasons) ending in [`TRICKY`].
fn tricky_exercises() -> Vec<ExerciseData> {
    fn mutate(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        Value::String(s)
                            if [
                                "label",
                                "name",
                                "question",
                                "notes",
                                "text",
                                "reason",
                                "scenario",
                                "next_part",
                            ]
                            .contains(&key.as_str()) =>
                        {
                            s.push(' ');
                            s.push_str(TRICKY);
                        }
                        _ => mutate(v),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(mutate),
            _ => {}
        }
    }
    let examples = [
        include_str!("../examples/phase-zero-workshop.json"),
        include_str!("../examples/vignettes-workshop.json"),
    ];
    examples
        .iter()
        .flat_map(|text| {
            format::read(text)
                .expect("the example workshop reads")
                .workshops
        })
        .flat_map(|workshop| workshop.exercises)
        .map(|exercise| {
            let data = exercise.data.clone();
            let mut value = serde_json::to_value(&data).expect("exercise data is JSON");
            mutate(&mut value);
            serde_json::from_value(value).expect("still an exercise")
        })
        .collect()
}

/// The text of the document's `<title>`, as an XML reader reads it.
fn title_of(svg: &str) -> String {
    let elements = parse_xml(svg).expect("the SVG is well-formed XML");
    elements
        .iter()
        .find(|e| e.name == "title")
        .map(|e| e.text.clone())
        .expect("the SVG has a title")
}

fn title() -> String {
    format!("Workshop {TRICKY}")
}

#[test]
fn every_kind_of_export_escapes_what_was_typed_and_reads_back() {
    let exercises = tricky_exercises();
    let mut kinds = [false; 4];
    for data in &exercises {
        match data {
            ExerciseData::OrganisationalMap(map) => {
                kinds[0] = true;
                let meta = FigureMeta {
                    title: title(),
                    ..FigureMeta::default()
                };
                let svg = map_svg(map, &meta);
                assert_eq!(title_of(&svg), title());
                assert_eq!(exercise_from_svg(&svg).as_ref(), Ok(data));
                let elements = parse_xml(&graphml(map)).expect("GraphML is well-formed");
                assert!(elements.iter().any(|e| e.text.ends_with(TRICKY)));
            }
            ExerciseData::PowerVenn(diagram) => {
                kinds[1] = true;
                let meta = FigureMeta {
                    title: title(),
                    ..FigureMeta::default()
                };
                let svg = diagram_svg(diagram, &meta);
                assert_eq!(title_of(&svg), title());
                assert_eq!(exercise_from_svg(&svg).as_ref(), Ok(data));
                // Labels wrap at spaces, so the lines joined again hold the whole text.
                let elements = parse_xml(&svg).expect("well-formed");
                assert!(texts(&elements).join(" ").contains(TRICKY));
            }
            ExerciseData::PairwiseRanking(ranking) => {
                // A ranking's figures carry no data to read back: what was typed must show.
                kinds[2] = true;
                let meta = FigureMeta {
                    title: title(),
                    ..FigureMeta::default()
                };
                for svg in [matrix_svg(ranking, &meta), bar_chart_svg(ranking, &meta)] {
                    assert_eq!(title_of(&svg), title());
                    let elements = parse_xml(&svg).expect("well-formed");
                    let shown = texts(&elements);
                    for item in &ranking.items {
                        assert!(shown.contains(&item.label.as_str()), "{}", item.label);
                    }
                }
            }
            ExerciseData::Vignette(vignette) => {
                // A card carries no data either; what was typed must show, wrapped.
                kinds[3] = true;
                let meta = FigureMeta {
                    title: title(),
                    ..FigureMeta::default()
                };
                let svg = card_svg(vignette, &meta);
                assert_eq!(title_of(&svg), title());
                let elements = parse_xml(&svg).expect("well-formed");
                let shown = texts(&elements).join(" ");
                // Lines wrap at spaces, so joined again they hold the whole text.
                assert!(shown.contains(&vignette.questions[0].text));
                assert!(shown.contains(TRICKY));
                let rows = parse_csv(&responses_csv(vignette, &[]));
                assert_eq!(rows.len(), 1 + vignette.responses.len());
            }
        }
    }
    assert_eq!(kinds, [true; 4], "the examples have every kind");
}

#[test]
fn no_typed_quote_reaches_an_attribute_unescaped() {
    for data in tricky_exercises() {
        let svgs = match &data {
            ExerciseData::OrganisationalMap(map) => vec![map_svg(map, &FigureMeta::default())],
            ExerciseData::PowerVenn(diagram) => vec![diagram_svg(diagram, &FigureMeta::default())],
            ExerciseData::PairwiseRanking(ranking) => vec![
                matrix_svg(ranking, &FigureMeta::default()),
                bar_chart_svg(ranking, &FigureMeta::default()),
            ],
            ExerciseData::Vignette(vignette) => vec![card_svg(vignette, &FigureMeta::default())],
        };
        for svg in svgs {
            // A well-formed parse means every attribute value ended at its own closing quote.
            let elements = parse_xml(&svg).expect("well-formed");
            for element in &elements {
                for (name, value) in &element.attributes {
                    assert!(!value.contains(TRICKY), "{name}={value:?} holds typed text");
                }
            }
        }
    }
}
