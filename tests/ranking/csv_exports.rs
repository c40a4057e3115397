//! The CSV exports.

use super::compare::ranked;
use super::svg_exports::check_svg;
use super::*;

// ----- CSV exports ---------------------------------------------------------------------------

pub(super) const HOSTILE: &str = "<script>&\"'";
pub(super) const ARABIC: &str = "المياه النظيفة";

pub(super) fn workshop_example() -> Ranking {
    // Water beats everything; Roads and Clinic tie on score, Roads won their cell;
    // "=SUM(A1)" is a label a spreadsheet must not run.
    let mut ranking = with_labels(&["Water, clean", "Roads", HOSTILE, "Clinic", "=SUM(A1)"]);
    for other in 1..5 {
        win(&mut ranking, 0, other);
    }
    win(&mut ranking, 1, 3);
    win(&mut ranking, 2, 1);
    win(&mut ranking, 3, 2);
    tie(&mut ranking, 1, 4);
    tie(&mut ranking, 3, 4);
    assert!(ranking.decide(
        &id(2),
        &id(4),
        Outcome::CantDecide,
        "We argued, \"then\" stopped;\nnew line".into(),
        1_764_100_000_000.0,
    ));
    ranking
}

#[test]
fn the_matrix_csv_is_the_upper_triangle() {
    let ranking = workshop_example();
    let rows = parse_csv(&matrix_csv(&ranking));
    assert_eq!(rows.len(), 6);
    assert_eq!(
        rows[0],
        ["", "Water, clean", "Roads", HOSTILE, "Clinic", "'=SUM(A1)"]
    );
    assert_eq!(rows[1][0], "Water, clean");
    assert_eq!(rows[1][1], CROSSED_OUT);
    assert_eq!(rows[1][2], "Water, clean");
    assert_eq!(rows[2][1], CROSSED_OUT, "the mirrored half is crossed out");
    assert_eq!(rows[2][3], HOSTILE, "item 2 beat item 1");
    assert_eq!(rows[2][5], "tie");
    assert_eq!(rows[3][5], "can't decide");
    assert_eq!(rows[4][3], CROSSED_OUT);
    assert!(rows.iter().all(|row| row.len() == 6));
    // Undecided cells are empty.
    let mut partial = ranking_of(3);
    win(&mut partial, 2, 0);
    let rows = parse_csv(&matrix_csv(&partial));
    assert_eq!(rows[1], ["Item 0", CROSSED_OUT, "", "Item 2"]);
}

#[test]
fn the_scores_csv_has_ranks_scores_and_how_each_was_settled() {
    let ranking = workshop_example();
    let rows = parse_csv(&scores_csv(&ranking));
    assert_eq!(
        rows[0],
        ["rank", "item", "wins", "ties", "score", "settled"]
    );
    // Scores: Water 4; Roads 1 + tie = 1.5; HOSTILE 1; Clinic 1 + tie = 1.5;
    // =SUM 0 + 2 ties = 1. Roads v Clinic: Roads won. HOSTILE v =SUM: can't decide → shared.
    let table: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        table,
        [
            ("1", "Water, clean", "4"),
            ("2", "Roads", "1.5"),
            ("3", "Clinic", "1.5"),
            ("4", HOSTILE, "1"),
            ("4", "'=SUM(A1)", "1"),
        ]
    );
    // Ranks are numbers a spreadsheet sorts, never formulas; "settled" says they are shared.
    assert!(rows[1..].iter().all(|r| r[0].parse::<u32>().is_ok()));
    assert!(
        rows[4][5].contains("shared") && rows[5][5].contains("shared"),
        "{rows:?}"
    );
    let total: f64 = rows[1..]
        .iter()
        .map(|r| r[4].parse::<f64>().expect("a number"))
        .sum();
    assert_eq!(total, 10.0 - 1.0, "ten pairs, one undecidable");
    assert_eq!(rows[1][5], "by score");
    assert_eq!(rows[2][5], "head-to-head: ahead of Clinic");
    assert_eq!(rows[3][5], "head-to-head: behind Roads");
    assert!(
        rows[4][5].starts_with("shared with =SUM(A1)"),
        "{}",
        rows[4][5]
    );
    assert_eq!(rows[1][2], "4");
    assert_eq!(rows[2][3], "1");
}

#[test]
fn the_decisions_csv_keeps_reasons_and_times() {
    let ranking = workshop_example();
    let rows = parse_csv(&decisions_csv(&ranking));
    assert_eq!(
        rows[0],
        [
            "order",
            "item A",
            "item B",
            "result",
            "winner",
            "reason",
            "decided at (UTC)"
        ]
    );
    assert_eq!(rows.len(), ranking.decisions.len() + 1);
    assert_eq!(
        rows[1],
        [
            "1",
            "Water, clean",
            "Roads",
            "win",
            "Water, clean",
            "",
            "1970-01-01T00:00:00Z"
        ]
    );
    let last = rows.last().expect("rows");
    assert_eq!(last[0], "10");
    assert_eq!(last[3], "can't decide");
    assert_eq!(last[4], "");
    assert_eq!(last[5], "We argued, \"then\" stopped;\nnew line");
    assert_eq!(last[6], "2025-11-25T19:46:40Z");
    assert!(rows.iter().any(|r| r[3] == "tie" && r[4].is_empty()));
}

#[test]
fn times_are_iso_8601_utc() {
    assert_eq!(iso_8601_utc(0.0).as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(
        iso_8601_utc(1_764_100_000_000.0).as_deref(),
        Some("2025-11-25T19:46:40Z")
    );
    assert_eq!(
        iso_8601_utc(1_709_168_523_999.0).as_deref(),
        Some("2024-02-29T01:02:03Z")
    );
    assert_eq!(
        iso_8601_utc(951_782_400_000.0).as_deref(),
        Some("2000-02-29T00:00:00Z")
    );
    assert_eq!(iso_8601_utc(-1.0).as_deref(), Some("1969-12-31T23:59:59Z"));
    assert_eq!(
        iso_8601_utc(253_402_300_799_000.0).as_deref(),
        Some("9999-12-31T23:59:59Z")
    );
    assert_eq!(iso_8601_utc(253_402_300_800_000.0), None);
    assert_eq!(iso_8601_utc(f64::NAN), None);
    assert_eq!(iso_8601_utc(f64::INFINITY), None);
    assert_eq!(iso_8601_utc(-1e300), None);
}

#[test]
fn the_comparison_csvs_parse_back() {
    let community = ranked(&["Water", "Schools", "Roads", "Clinic"]);
    let statutory = ranked(&["Clinic", "Schools", "Water", "Roads", "Market"]);
    let comparison = compare(&[
        ("Community, 20 people".to_string(), &community),
        ("Statutory".to_string(), &statutory),
    ]);
    let rows = parse_csv(&comparison_csv(&comparison));
    assert_eq!(
        rows[0],
        [
            "item",
            "rank: Community, 20 people",
            "rank: Statutory",
            "spread"
        ]
    );
    assert_eq!(rows[1], ["Clinic", "4", "1", "3"]);
    assert_eq!(
        rows.last().map(|r| r.as_slice()),
        Some(
            &[
                "Market".to_string(),
                String::new(),
                "5".into(),
                String::new()
            ][..]
        )
    );
    let rows = parse_csv(&agreement_csv(&comparison));
    assert_eq!(
        rows[0],
        ["group", "other group", "items in both", "Kendall tau-b"]
    );
    assert_eq!(
        rows[1],
        ["Community, 20 people", "Statutory", "4", "-0.333"]
    );
}

#[test]
fn quick_mode_scores_csv_follows_the_quick_order() {
    let mut ranking = with_labels(&["C", "A", "B"]);
    ranking.method = RankingMethod::Quick;
    while let QuickStep::Ask(a, b) = ranking.quick_next() {
        let label = |x: &str| ranking.item(x).map(|i| i.label.clone()).unwrap_or_default();
        let winner = if label(&a) < label(&b) {
            a.clone()
        } else {
            b.clone()
        };
        assert!(ranking.decide(&a, &b, Outcome::Wins(winner), String::new(), 0.0));
    }
    let rows = parse_csv(&scores_csv(&ranking));
    let order: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(order, [("1", "A"), ("2", "B"), ("3", "C")]);
    assert!(rows[1..].iter().all(|r| r[5] == "quick mode order"));
    let svg = bar_chart_svg(&ranking, &FigureMeta::default());
    check_svg(&svg);
}
