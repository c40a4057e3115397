//! The ballots' files: every ballot's decisions, the circular triads, and the aggregate as a
//! table and a chart, each saying how it was made.

use super::common::check_figure_svg;
use super::*;
use pla_workshop::export::ballots::{aggregate_chart_svg, aggregate_csv, ballots_csv, triads_csv};
use pla_workshop::export::FigureMeta;

/// Three items and two sealed ballots (one going round in a circle) and an open one.
fn cast() -> Ranking {
    let mut r = ranking_of(3);
    r.items[0].label = "=SUM(A1) Funding".into();
    for (n, decisions) in [
        vec![won(0, 1), won(1, 2), won(0, 2)],
        vec![won(0, 1), won(1, 2), won(2, 0)],
    ]
    .into_iter()
    .enumerate()
    {
        let ballot = format!("b{n}");
        assert!(r.start_ballot(
            ballot.clone(),
            format!("Participant {}", n + 1),
            "g1".into()
        ));
        for d in decisions {
            r.edit_ballot(&ballot, |own| {
                own.decide(&d.a, &d.b, d.outcome.clone(), "because".into(), 0.0)
            });
        }
        assert!(r.hand_over(&ballot));
    }
    assert!(r.start_ballot("open".into(), "Participant 3".into(), String::new()));
    r
}

fn lines(csv: &str) -> Vec<Vec<String>> {
    csv.trim()
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_ballots_file_has_a_row_per_participant_and_pair() {
    let r = cast();
    let groups = vec![("g1".to_string(), "Community organisations".to_string())];
    let rows = lines(&ballots_csv(&r, &groups));
    assert_eq!(rows.len(), 1 + 6, "header and 2 ballots x 3 pairs");
    assert_eq!(rows[1][0], "Participant 1");
    assert_eq!(rows[1][1], "Community organisations");
    assert_eq!(rows[1][2], "yes");
    // Formula-looking labels stay inert.
    assert!(rows
        .iter()
        .skip(1)
        .any(|row| row.contains(&"'=SUM(A1) Funding".to_string())));
}

#[test]
fn the_triads_file_lists_each_circle_and_checks_every_set() {
    let rows = lines(&triads_csv(&cast(), true));
    // The group (no decisions), ballot 1 (none), ballot 2 (one circle), the open ballot.
    assert_eq!(rows.len(), 1 + 4, "{rows:?}");
    let circle = rows
        .iter()
        .find(|r| r[0] == "Participant 2")
        .expect("ballot 2's row");
    assert_eq!(circle[4], "1");
    assert_eq!(circle[5], "0.0000");
    assert_eq!(circle[1], "'=SUM(A1) Funding");
    // Before the reveal only the group's own decisions are in it.
    let group_only = lines(&triads_csv(&cast(), false));
    assert_eq!(group_only.len(), 2);
    assert_eq!(group_only[1][0], "group");
}

#[test]
fn the_aggregate_file_and_chart_say_how_they_were_made() {
    let r = cast();
    let rows = lines(&aggregate_csv(&r));
    assert_eq!(rows.len(), 1 + 3);
    assert_eq!(rows[0][0], "\u{feff}rank", "a byte-order mark first");
    let csv = aggregate_csv(&r);
    assert!(csv.contains("Bradley–Terry"));
    assert!(csv.contains(",2,"), "two ballots counted: {csv}");
    // The same ballots always give the same file.
    assert_eq!(csv, aggregate_csv(&r));
    let svg = aggregate_chart_svg(&r, &FigureMeta::default());
    let (elements, _, _) = check_figure_svg(&svg, 14.0);
    let shown: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "text")
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        shown.iter().any(|t| t.contains("Bradley–Terry")),
        "{shown:?}"
    );
    assert!(shown.contains(&"=SUM(A1) Funding"), "{shown:?}");
    // With no ballot handed in, the files say so instead of inventing numbers.
    let none = ranking_of(3);
    assert_eq!(lines(&aggregate_csv(&none)).len(), 1);
    let svg = aggregate_chart_svg(&none, &FigureMeta::default());
    assert!(svg.contains("No ballot is handed in yet."));
}
