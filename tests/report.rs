//! The workshop report: one self-contained HTML document holding every exercise's figure and
//! data (`export::report`).

use pla_workshop::export::report::report_html;
use pla_workshop::model::{ExerciseData, Workshop};
use pla_workshop::storage::format::read;

const EXAMPLE: &str = include_str!("../examples/phase-zero-workshop.json");
const VIGNETTES: &str = include_str!("../examples/vignettes-workshop.json");

fn example(text: &str) -> Workshop {
    read(text).expect("the example reads").workshops.remove(0)
}

/// A text as the report's HTML writes it.
fn escaped(text: &str) -> String {
    text.trim()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "&#10;")
}

/// Every label and reason the method recorded, as the report must hold them.
fn everything_recorded(workshop: &Workshop) -> Vec<String> {
    let mut texts = Vec::new();
    for exercise in &workshop.exercises {
        match &exercise.data {
            ExerciseData::OrganisationalMap(map) => {
                texts.extend(map.actors.iter().map(|a| a.name.clone()));
            }
            ExerciseData::PowerVenn(diagram) => {
                texts.extend(diagram.institutions.iter().map(|i| i.label.clone()));
                texts.extend(diagram.institutions.iter().map(|i| i.notes.clone()));
            }
            ExerciseData::PairwiseRanking(ranking) => {
                texts.extend(ranking.items.iter().map(|i| i.label.clone()));
                texts.extend(ranking.decisions.iter().map(|d| d.reason.clone()));
            }
            ExerciseData::Vignette(vignette) => {
                texts.extend(vignette.responses.iter().map(|r| r.text.clone()));
            }
        }
    }
    texts.retain(|t| !t.trim().is_empty());
    texts
}

#[test]
fn the_report_holds_every_label_and_reason_and_every_exercise_in_order() {
    for text in [EXAMPLE, VIGNETTES] {
        let workshop = example(text);
        let html = report_html(&workshop, 0.0);
        let recorded = everything_recorded(&workshop);
        for text in recorded {
            assert!(html.contains(&escaped(&text)), "missing {text:?}");
        }
        let mut from = 0;
        for exercise in workshop.exercises.iter() {
            let heading = format!(">{}</h2>", escaped(&exercise.title));
            let at = html[from..]
                .find(&heading)
                .expect("each exercise, in order");
            from += at;
        }
        assert_eq!(
            html.matches("<section class=\"report-exercise").count(),
            workshop.exercises.len()
        );
    }
}

#[test]
fn the_example_records_labels_and_reasons_for_the_report_to_hold() {
    assert!(everything_recorded(&example(EXAMPLE)).len() > 30);
}

/// Every tag of an HTML text: its name and its attributes' names and values. The report's
/// writer escapes every `<` of a text, so each `<` left starts a tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    for part in html.split('<').skip(1) {
        let tag = part.split('>').next().unwrap_or_default();
        let mut words = tag.splitn(2, char::is_whitespace);
        let name = words.next().unwrap_or_default().to_lowercase();
        let mut attributes = Vec::new();
        let mut rest = words.next().unwrap_or_default();
        while let Some(eq) = rest.find("=\"") {
            let attribute = rest[..eq].trim().to_lowercase();
            let after = &rest[eq + 2..];
            let end = after.find('"').unwrap_or(after.len());
            attributes.push((attribute, after[..end].to_string()));
            rest = &after[(end + 1).min(after.len())..];
        }
        found.push((name, attributes));
    }
    found
}

#[test]
fn the_report_has_no_script_and_no_external_reference() {
    let mut workshop = example(EXAMPLE);
    // Text that would be markup or a reference if it were not escaped.
    workshop.notes =
        "<script>alert(1)</script> <img src=https://example.org/x.png onerror=x()>".into();
    let html = report_html(&workshop, 0.0);
    assert!(html.contains("&lt;script&gt;"));
    let tags = tags(&html);
    assert!(tags.len() > 100);
    for (name, attributes) in &tags {
        let name = name.trim_start_matches('/');
        assert!(
            !["script", "link", "iframe", "object", "embed", "base", "frame"].contains(&name),
            "<{name}>"
        );
        for (attribute, value) in attributes {
            assert!(!attribute.starts_with("on"), "{attribute} on <{name}>");
            assert_ne!(attribute, "href", "<{name}>");
            if attribute == "src" {
                assert!(value.starts_with("data:image/svg+xml;base64,"), "{value}");
            }
        }
    }
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap_or_default();
    assert!(!style.is_empty() && !style.contains("url(") && !style.contains("@import"));
    // The style is CSS as written: a style element does not decode entities.
    assert!(style.contains("@page wide { size: landscape; }") && !style.contains("&#"));
}

#[test]
fn wide_charts_get_landscape_pages_and_the_comparisons_follow_the_exercises() {
    let workshop = example(EXAMPLE);
    let html = report_html(&workshop, 0.0);
    // The ranking charts are wide, and so are the map's and the Venns' tables.
    let wide = |html: &str| -> Vec<String> {
        html.split("<section class=\"report-exercise wide\">\n<h2 dir=\"auto\">")
            .skip(1)
            .filter_map(|part| part.split('<').next())
            .map(str::to_string)
            .collect()
    };
    let titles: Vec<String> = workshop.exercises.iter().map(|e| e.title.clone()).collect();
    assert_eq!(wide(&html), titles);
    // A vignette's card is a portrait page, as are its responses.
    assert_eq!(
        wide(&report_html(&example(VIGNETTES), 0.0)),
        Vec::<String>::new()
    );
    let comparisons = html
        .find("<section class=\"report-comparisons")
        .expect("comparisons");
    assert!(html[comparisons..].contains("Venn — now → Venn — ideal"));
    assert!(html[comparisons..].contains("Kendall"));
    assert!(comparisons > html.rfind("<section class=\"report-exercise").unwrap_or(0));
}

#[test]
fn the_vignettes_report_shows_the_running_order_planned_and_actual() {
    let workshop = example(VIGNETTES);
    assert!(!workshop.plan.is_empty());
    let html = report_html(&workshop, 0.0);
    assert!(html.contains("Running order: planned and actual"));
    for step in workshop.running_order() {
        if let Some(minutes) = step.planned_minutes {
            assert!(html.contains(&format!("<td dir=\"auto\">{minutes} min</td>")));
        }
    }
}
