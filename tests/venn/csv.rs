//! The CSV exports: the table and the changes between two diagrams.

use super::compare::then_and_now;
use super::labels::{CHAR, LINE};
use super::*;

// ----- CSV -----------------------------------------------------------------------------------

#[test]
fn the_table_csv_has_every_column_and_guards_formulas() {
    let mut d = with(vec![
        institution("w", "=SUM(A1)", 1300.0, 180.0, 120.0),
        institution("x", "-5 apples", 1350.0, 180.0, 60.0),
        institution("c", "Clinic, \"the\" one", 1100.0, 450.0, 100.0),
    ]);
    d.institutions[2].notes = "@mention\nsecond line".into();
    d.institutions[2].group = "+Health".into();
    let rows = parse_csv(&table_csv(&d));
    assert_eq!(
        rows[0],
        [
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
            "why it is there"
        ]
    );
    assert_eq!(rows.len(), 4);
    // W: (500, −270) from the centre, d = √(250000 + 72900) = 568.24…, gap = 568.24 − 340 = 228.2.
    assert_eq!(rows[1][0], "'=SUM(A1)");
    assert_eq!(rows[1][2], "far");
    assert_eq!(rows[1][3], "228.2");
    assert_eq!(rows[1][4], "large");
    assert_eq!(rows[1][9], "'-5 apples");
    assert_eq!(rows[2][0], "'-5 apples");
    assert_eq!(rows[2][8], "'=SUM(A1)");
    // The clinic: d = 300, gap = −20, touching.
    assert_eq!(rows[3][0], "Clinic, \"the\" one");
    assert_eq!(rows[3][1], "'+Health");
    assert_eq!(rows[3][2], "touching");
    assert_eq!(rows[3][3], "-20");
    assert_eq!(rows[3][6], "neutral");
    assert_eq!(rows[3][10], "'@mention\nsecond line");
    // A byte-order mark first, so Excel reads the file as UTF-8 in any script.
    assert!(table_csv(&d).starts_with('\u{feff}'));
}

#[test]
fn the_changes_csv_lists_movement_size_relation_and_one_sided_institutions() {
    let (then, now) = then_and_now();
    let rows = parse_csv(&changes_csv(&compare(&then, &now, &[])));
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0][0], "institution");
    assert_eq!(rows[0][2], "moved (positive: closer)");
    let row = |label: &str| rows.iter().find(|r| r[0] == label).expect("row");
    let council = row("Council");
    assert_eq!(council[1], "both");
    assert_eq!(council[2], "200");
    assert_eq!(council[3], "-40");
    assert_eq!(
        (council[4].as_str(), council[5].as_str()),
        ("far", "touching")
    );
    assert_eq!(
        (council[12].as_str(), council[13].as_str()),
        ("threat", "neutral")
    );
    assert_eq!(council[14], "closer by 200; shrank by 40; threat → neutral");
    let police = row("Police");
    assert_eq!(police[2], "-100");
    let food = row("Food bank");
    assert_eq!(food[1], "only before");
    assert_eq!(food[2], "");
    assert_eq!(food[5], "", "nothing after");
    assert_eq!(row("Mutual aid group")[1], "only after");
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
