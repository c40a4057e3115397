//! The CSV exports: the table and the changes between two diagrams.

use super::compare::then_and_now;
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
