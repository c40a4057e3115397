#![cfg(not(target_arch = "wasm32"))]
//! Vignettes: the edits and what they refuse, the projector's steps (also after a question is
//! removed), the rules `check()` holds, the responses CSV and the scenario card.

mod common;
use common::*;

use pla_workshop::export::vignette::{card_svg, responses_csv};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::orgmap::Resource;
use pla_workshop::model::vignette::{Vignette, VignetteStep};
use pla_workshop::model::{ExerciseData, ExerciseKind, KindData, Workshop};

use VignetteStep::{NextPart, Question, Scenario};

/// A vignette with a scenario, three questions and what happened next.
fn three_questions() -> Vignette {
    let mut v = Vignette::default();
    assert!(v.set_scenario("Police bring a young man to A&E.\n\nHis family arrive at midnight."));
    for (id, text) in [
        ("q1", "Who is in the room?"),
        ("q2", "Who is missing?"),
        ("q3", "What gets in the way?"),
    ] {
        assert!(v.add_question(id.into(), text.into()));
    }
    assert!(v.set_next_part("He went home at four in the morning."));
    v
}

#[test]
fn a_minimal_file_reads_and_the_kind_is_known() {
    let data: ExerciseData = serde_json::from_str(r#"{"vignette": {}}"#).expect("reads");
    assert_eq!(data.kind(), ExerciseKind::Vignette);
    assert_eq!(ExerciseKind::Vignette.label(), "Vignette");
    assert!(ExerciseKind::ALL.contains(&ExerciseKind::Vignette));
    assert_eq!(
        <Vignette as KindData>::of(&data),
        Some(&Vignette::default())
    );
    assert_eq!(ExerciseData::empty(ExerciseKind::Vignette), data);
    let response: Vignette = serde_json::from_str(
        r#"{"questions": [{"id": "q"}], "responses": [{"id": "r", "question_id": "q"}]}"#,
    )
    .expect("defaults fill in the rest");
    assert!(response.check().is_empty());
    assert_eq!(response.responses[0].group_id, "");
    let mut workshop = Workshop::new("w".into(), "W", 0.0);
    workshop.add_exercise("v".into(), ExerciseKind::Vignette, "A night in A&E");
    assert!(workshop.check().is_empty());
}

#[test]
fn edits_say_whether_they_changed_anything_and_refuse_what_breaks_a_rule() {
    let mut v = three_questions();
    assert!(
        !v.set_scenario(&v.scenario.clone()),
        "the same text is no change"
    );
    assert!(!v.add_question("q1".into(), "again".into()), "a used id");
    assert!(!v.add_question(String::new(), "no id".into()));
    assert!(v.edit_question("q2", "Who is missing from it?"));
    assert!(!v.edit_question("q2", "Who is missing from it?"));
    assert!(!v.edit_question("nope", "x"));

    assert!(v.move_question("q3", -1));
    assert_eq!(ids(&v), ["q1", "q3", "q2"]);
    assert!(!v.move_question("q1", -1), "past the top");
    assert!(!v.move_question("q2", 1), "past the bottom");
    assert!(!v.move_question("nope", 1));
    assert!(v.move_question("q1", 2));
    assert_eq!(ids(&v), ["q3", "q2", "q1"]);

    assert!(v.add_response("r1".into(), "q1", "The pastor".into(), "g".into()));
    assert!(v.add_response("r2".into(), "q2", "The GP".into(), String::new()));
    assert!(v.add_response("r3".into(), "q1", "The police".into(), String::new()));
    assert!(
        !v.add_response("r4".into(), "nope", "x".into(), String::new()),
        "unknown question"
    );
    assert!(
        !v.add_response("r1".into(), "q1", "x".into(), String::new()),
        "a used id"
    );
    assert!(!v.add_response(String::new(), "q1", "x".into(), String::new()));
    let to_q1: Vec<&str> = v.responses_to("q1").map(|r| r.id.as_str()).collect();
    assert_eq!(to_q1, ["r1", "r3"], "in the order added");

    assert!(v.edit_response("r1", "The pastor, who is not here"));
    assert!(!v.edit_response("r1", "The pastor, who is not here"));
    assert!(!v.edit_response("nope", "x"));
    assert!(v.toggle_resource("r1", Resource::Relational));
    assert!(v.toggle_resource("r1", Resource::Symbolic));
    assert_eq!(
        v.response("r1").map(|r| r.resources.clone()),
        Some(vec![Resource::Relational, Resource::Symbolic])
    );
    assert!(v.toggle_resource("r1", Resource::Relational), "off again");
    assert_eq!(
        v.response("r1").map(|r| r.resources.clone()),
        Some(vec![Resource::Symbolic])
    );
    assert!(!v.toggle_resource("nope", Resource::Material));
    assert!(v.set_response_group("r2", "g"));
    assert!(!v.set_response_group("r2", "g"));
    assert!(!v.set_response_group("nope", "g"));

    let (question, gone) = v.remove_question("q1").expect("q1 was there");
    assert_eq!(question.id, "q1");
    let gone: Vec<&str> = gone.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(gone, ["r1", "r3"], "its responses go with it");
    assert_eq!(v.responses.len(), 1);
    assert!(v.remove_question("q1").is_none());
    assert_eq!(
        v.remove_response("r2").map(|r| r.id),
        Some("r2".to_string())
    );
    assert!(v.remove_response("r2").is_none());
    assert!(v.check().is_empty());
}

fn ids(v: &Vignette) -> Vec<&str> {
    v.questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn the_projector_steps_through_the_scenario_each_question_and_what_happened_next() {
    let mut v = three_questions();
    let steps = [Scenario, Question(0), Question(1), Question(2), NextPart];
    assert_eq!(v.steps(), steps);
    for pair in steps.windows(2) {
        assert_eq!(v.step_after(pair[0]), Some(pair[1]));
        assert_eq!(v.step_before(pair[1]), Some(pair[0]));
    }
    // Past either end the clicker goes on to the running order's next or previous item.
    assert_eq!(v.step_after(NextPart), None);
    assert_eq!(v.step_before(Scenario), None);
    // No next part: the last question is the last step.
    assert!(v.set_next_part("  "));
    assert_eq!(v.steps().last(), Some(&Question(2)));
    assert_eq!(v.step_after(Question(2)), None);
    assert_eq!(v.step_before(NextPart), Some(Question(2)));
    assert_eq!(v.clamp_step(NextPart), Question(2));
    // No questions either: the scenario alone.
    let only = Vignette::default();
    assert_eq!(only.steps(), [Scenario]);
    assert_eq!(only.step_after(Scenario), None);
    assert_eq!(only.step_before(Scenario), None);
}

#[test]
fn a_removed_question_leaves_the_projector_at_the_nearest_step_before() {
    let mut v = three_questions();
    // The projector shows the third question, which is then removed.
    assert!(v.remove_question("q3").is_some());
    assert_eq!(v.clamp_step(Question(2)), Question(1));
    assert_eq!(v.step_after(Question(2)), Some(NextPart));
    assert_eq!(v.step_before(Question(2)), Some(Question(1)));
    // An index far past the end, with every question gone.
    assert!(v.remove_question("q1").is_some() && v.remove_question("q2").is_some());
    assert_eq!(v.clamp_step(Question(40)), Scenario);
    assert_eq!(v.step_after(Question(40)), Some(NextPart));
    assert_eq!(v.step_before(Question(40)), Some(Scenario));
    assert_eq!(v.step_after(Question(usize::MAX)), Some(NextPart));
    assert!(v.set_next_part(""));
    assert_eq!(v.step_after(Question(40)), None);
}

#[test]
fn check_names_each_broken_rule_and_where() {
    let damaged: Vignette = serde_json::from_value(serde_json::json!({
        "questions": [{"id": "q"}, {"id": "q"}, {"id": ""}],
        "responses": [
            {"id": "r", "question_id": "q", "resources": ["symbolic", "symbolic"]},
            {"id": "r", "question_id": "gone"},
            {"id": "", "question_id": "q"}
        ]
    }))
    .expect("the shapes are right");
    let problems = damaged.check();
    for expected in [
        "questions[1]: the id \"q\" is used twice",
        "questions[2]: the id is empty",
        "responses[0]: the tag \"symbolic\" is given twice",
        "responses[1]: the id \"r\" is used twice",
        "responses[1]: question_id \"gone\" names no question",
        "responses[2]: the id is empty",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:?}"
        );
    }
    assert_eq!(problems.len(), 6, "{problems:?}");
}

fn groups() -> Vec<(String, String)> {
    vec![("g".to_string(), "Community organisations".to_string())]
}

#[test]
fn the_responses_csv_has_a_row_per_response_with_its_question_tags_and_group() {
    let mut v = three_questions();
    assert!(v.add_response("r1".into(), "q2", "The pastor".into(), "g".into()));
    assert!(v.add_response("r2".into(), "q1", "=HYPERLINK(\"x\")".into(), String::new()));
    assert!(v.add_response(
        "r3".into(),
        "q2",
        "-1 bed, \"quoted\"\nsecond line".into(),
        "gone".into()
    ));
    assert!(v.toggle_resource("r1", Resource::Material));
    assert!(v.toggle_resource("r1", Resource::Symbolic));
    let rows = parse_csv(&responses_csv(&v, &groups()));
    assert_eq!(
        rows,
        [
            vec!["question number", "question", "response", "tags", "group"],
            vec!["1", "Who is in the room?", "'=HYPERLINK(\"x\")", "", ""],
            vec![
                "2",
                "Who is missing?",
                "The pastor",
                "symbolic; material",
                "Community organisations"
            ],
            vec![
                "2",
                "Who is missing?",
                "'-1 bed, \"quoted\"\nsecond line",
                "",
                ""
            ],
        ]
    );
    // A question with no response has no row; no response at all leaves the header alone.
    assert_eq!(
        parse_csv(&responses_csv(&Vignette::default(), &[])).len(),
        1
    );
}

fn meta() -> FigureMeta {
    FigureMeta {
        title: "A night in A&E".into(),
        group: "Community organisations".into(),
        date: "2026-10-08".into(),
    }
}

#[test]
fn the_card_shows_the_scenario_the_questions_numbered_and_what_happened_next() {
    let mut v = three_questions();
    assert!(v.set_scenario(&format!(
        "{}\n\nA second paragraph.",
        "The officers have been with him for two hours and are needed back on shift. ".repeat(4)
    )));
    let svg = card_svg(&v, &meta());
    let (elements, width, height) = check_figure_svg(&svg, 18.0);
    let shown = texts(&elements);
    assert_eq!(shown[0], "A night in A&E");
    for expected in [
        "Community organisations",
        "2026-10-08",
        "Scenario",
        "A second paragraph.",
        "Questions",
        "1. Who is in the room?",
        "3. What gets in the way?",
        "What happened next",
        "He went home at four in the morning.",
    ] {
        assert!(shown.contains(&expected), "{expected} in {shown:?}");
    }
    // The long paragraph wraps: several lines, each within the page.
    let long_lines = shown
        .iter()
        .filter(|t| t.contains("officers") || t.contains("shift"))
        .count();
    assert!(long_lines >= 3, "{shown:?}");
    let ys: Vec<f64> = elements
        .iter()
        .filter(|e| e.name == "text")
        .filter_map(|e| e.number("y"))
        .collect();
    assert!(ys.windows(2).all(|p| p[1] > p[0]), "lines go down the page");
    assert!(
        ys.last().is_some_and(|y| *y < height),
        "the last line is on the page"
    );
    assert!(width >= 700.0);
    // Deterministic.
    assert_eq!(svg, card_svg(&v, &meta()));
    // No next part: no heading for it.
    assert!(v.set_next_part(""));
    let shown_again = card_svg(&v, &meta());
    assert!(!shown_again.contains("What happened next"));
}

#[test]
fn the_card_escapes_hostile_text_sets_arabic_right_to_left_and_survives_an_empty_vignette() {
    let mut v = Vignette::default();
    assert!(v.set_scenario("<script>alert(\"x\")</script> & 'quoted'"));
    assert!(v.add_question("q".into(), "ما الذي يحتاجه المستشفى من الكنيسة؟".into()));
    assert!(v.set_next_part("\u{1}\u{FFFE}ends ]]> here"));
    let hostile = FigureMeta {
        title: "<b>\"Title\"</b> & co".into(),
        ..meta()
    };
    let svg = card_svg(&v, &hostile);
    assert!(!svg.contains("<script"));
    let (elements, width, _) = check_figure_svg(&svg, 18.0);
    let shown = texts(&elements);
    assert!(
        shown.contains(&"<script>alert(\"x\")</script> & 'quoted'"),
        "{shown:?}"
    );
    assert_eq!(
        elements[1].text,
        "<b>\"Title\"</b> & co — Community organisations, 2026-10-08"
    );
    let arabic = elements
        .iter()
        .find(|e| e.name == "text" && e.text.contains("المستشفى"))
        .expect("the question is shown");
    assert_eq!(arabic.text, "1. ما الذي يحتاجه المستشفى من الكنيسة؟");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    assert!(
        arabic.number("x").is_some_and(|x| x > width / 2.0),
        "set from the right margin"
    );

    let (empty, _, height) = check_figure_svg(
        &card_svg(&Vignette::default(), &FigureMeta::default()),
        18.0,
    );
    assert_eq!(texts(&empty), ["Vignette"]);
    assert!(height > 0.0);
}
